/*
 * Unit tests for src/read_odf.c: what an OpenDocument file's text becomes (list numbers by
 * counting, LibreOffice's wrapped levels, white space, what is not shown, notes and frames,
 * covered cells, a sheet's repeated cells and dates) and the files it refuses. Each document
 * is a flat one (.fodt, .fods: one XML text); tests/odf.sh checks whole documents as .odt,
 * .fodt and .ods, and files LibreOffice wrote.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fengong/error.h"
#include "fengong/text.h"
#include "reader.h"
#include "test_reader_text.h"

#define HEAD                                                                                   \
    "<?xml version=\"1.0\"?><office:document "                                                 \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                        \
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "                          \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                            \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                          \
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "                         \
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "                 \
    "xmlns:loext=\"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0\" "     \
    "office:mimetype=\"application/vnd.oasis.opendocument.text\">"
/* a list style: 一、 (一) 1. as LibreOffice writes them, and a bullet */
#define LIST_STYLE                                                                             \
    "<office:automatic-styles><text:list-style style:name=\"L1\">"                              \
    "<text:list-level-style-number text:level=\"1\" style:num-suffix=\"、\" "                   \
    "style:num-format=\"一, 二, 三, ...\"/>"                                                    \
    "<text:list-level-style-number text:level=\"2\" loext:num-list-format=\"（%2%）\" "         \
    "style:num-format=\"一, 二, 三, ...\"/>"                                                    \
    "<text:list-level-style-number text:level=\"3\" style:num-suffix=\".\" "                    \
    "text:display-levels=\"2\" style:num-format=\"1\"/>"                                        \
    "<text:list-level-style-bullet text:level=\"4\" text:bullet-char=\"•\"/>"                   \
    "</text:list-style></office:automatic-styles>"

/* The builder's text of a flat OpenDocument text (body: office:text's content), or NULL. */
static const char *odf_text(const char *styles, const char *body)
{
    static char doc[8192];

    snprintf(doc, sizeof doc, "%s%s<office:body><office:text>%s</office:text></office:body>"
             "</office:document>", HEAD, styles, body);
    return fg_reader_text(fg_read_odf, "t.fodt", doc, strlen(doc));
}

#define ITEM(x) "<text:list-item><text:p>" x "</text:p></text:list-item>"
#define WRAP(x) "<text:list-item><text:list>" x "</text:list></text:list-item>"

/* Numbers by counting: levels, a continued list, a restart, a bullet, display-levels. */
static void test_read_odf__numbers(void **state)
{
    (void)state;
    assert_string_equal(
        odf_text(LIST_STYLE, "<text:list text:style-name=\"L1\">" ITEM("总体要求")
                 WRAP(ITEM("目标") ITEM("原则")) ITEM("任务") "</text:list>"),
        "一、总体要求\n（一）目标\n（二）原则\n二、任务\n");
    /* a list continuing the last one, a restart by text:start-value, a bullet writes nothing */
    assert_string_equal(
        odf_text(LIST_STYLE, "<text:list text:style-name=\"L1\">" ITEM("甲") "</text:list>"
                 "<text:p>说明</text:p>"
                 "<text:list text:style-name=\"L1\" text:continue-numbering=\"true\">"
                 ITEM("乙") "<text:list-item text:start-value=\"5\"><text:p>丙</text:p>"
                 "</text:list-item></text:list>"
                 "<text:list text:style-name=\"L1\">" WRAP(WRAP(WRAP(ITEM("点")))) "</text:list>"),
        "一、甲\n说明\n二、乙\n五、丙\n点\n");
    /* LibreOffice's wrapped levels: a deeper item begins the levels above it (its number shows
     * level 2 as 一 by display-levels), and the next item of a wrapped level counts on from
     * there (（二）) */
    assert_string_equal(
        odf_text(LIST_STYLE, "<text:list text:style-name=\"L1\">" WRAP(WRAP(ITEM("细则")))
                 WRAP(ITEM("措施")) "</text:list>"),
        "一.1. 细则\n（二）措施\n");
    /* a heading numbered by the outline style; one in a list header is not */
    assert_string_equal(
        odf_text("<office:styles><text:outline-style style:name=\"Outline\">"
                 "<text:outline-level-style text:level=\"1\" style:num-prefix=\"第\" "
                 "style:num-suffix=\"章\" style:num-format=\"一, 二, 三, ...\"/>"
                 "</text:outline-style></office:styles>",
                 "<text:h text:outline-level=\"1\">总则</text:h>"
                 "<text:h text:outline-level=\"1\">任务</text:h>"
                 "<text:h text:outline-level=\"1\" text:is-list-header=\"true\">附则</text:h>"),
        "第一章 总则\n第二章 任务\n附则\n");
}

/* White space as ODF reads it, text:s, tabs and breaks; what is not shown; notes and frames
 * after their paragraph. */
static void test_read_odf__text(void **state)
{
    (void)state;
    assert_string_equal(odf_text("", "<text:p>\n  市发展改革委\n  牵头，<text:s text:c=\"3\"/>"
                                     "市财政局<text:tab/>配合<text:line-break/>完成</text:p>"),
                        "市发展改革委 牵头，   市财政局\t配合\n完成\n");
    assert_string_equal(
        odf_text("", "<text:tracked-changes><text:changed-region text:id=\"c\"><text:deletion>"
                     "<text:p>（省公安厅牵头）</text:p></text:deletion></text:changed-region>"
                     "</text:tracked-changes>"
                     "<text:table-of-content><text:index-body><text:p>一、目录项</text:p>"
                     "</text:index-body></text:table-of-content>"
                     "<text:section text:display=\"none\"><text:p>隐藏段</text:p></text:section>"
                     "<text:p>加强<text:change text:change-id=\"c\"/>监管"
                     "<office:annotation><text:p>批注</text:p></office:annotation>"
                     "<text:hidden-text text:string-value=\"隐\">隐</text:hidden-text>"
                     "<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                     "<text:note-body><text:p>注：标*的为牵头单位</text:p></text:note-body></text:note>"
                     "。<draw:frame><draw:text-box><text:p>框中文字</text:p></draw:text-box>"
                     "</draw:frame></text:p><text:p>下一段</text:p>"),
        "加强监管。\n注：标*的为牵头单位\n框中文字\n下一段\n");
}

/* Tables: a span, cells covered by one spanning rows carry its text; a sheet's repeated cells,
 * its trailing empty cells and rows, a hidden sheet, a date cell. */
static void test_read_odf__tables(void **state)
{
    (void)state;
    assert_string_equal(
        odf_text("", "<table:table><table:table-row>"
                     "<table:table-cell><text:p>1</text:p></table:table-cell>"
                     "<table:table-cell table:number-rows-spanned=\"2\"><text:p>市教育局</text:p>"
                     "</table:table-cell></table:table-row><table:table-row>"
                     "<table:table-cell><text:p>2</text:p></table:table-cell>"
                     "<table:covered-table-cell/></table:table-row></table:table>"),
        "1\t市教育局\n2\t市教育局\n");
}

/* The text of a flat spreadsheet of the tables sheets (style ta2: a hidden sheet). */
static const char *sheet_text(const char *sheets)
{
    static char doc[8192];
    const char *text;

    snprintf(doc, sizeof doc, "%s<office:automatic-styles><style:style style:name=\"ta2\" "
             "style:family=\"table\"><style:table-properties table:display=\"false\"/>"
             "</style:style></office:automatic-styles><office:body><office:spreadsheet>%s"
             "</office:spreadsheet></office:body></office:document>", HEAD, sheets);
    text = fg_reader_text(fg_read_odf, "t.fods", doc, strlen(doc));
    assert_non_null(text);
    return text;
}

static void test_read_odf__sheets(void **state)
{
    (void)state;
    assert_string_equal(
        sheet_text("<table:table table:name=\"附件1\"><table:table-row>"
                   "<table:table-cell table:number-columns-repeated=\"2\"><text:p>√</text:p>"
                   "</table:table-cell><table:table-cell table:number-columns-repeated=\"3\"/>"
                   "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-06-30\">"
                   "<text:p>2025-06-30</text:p></table:table-cell>"
                   "<table:table-cell table:number-columns-repeated=\"1018\"/></table:table-row>"
                   "<table:table-row table:number-rows-repeated=\"1048575\">"
                   "<table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
                   "</table:table><table:table table:name=\"草稿\" table:style-name=\"ta2\">"
                   "<table:table-row><table:table-cell><text:p>隐藏</text:p></table:table-cell>"
                   "</table:table-row></table:table>"),
        "附件1\n√\t√\t\t\t\t2025年6月30日\n");
}

/* A paragraph inside n sections, into buf. */
static const char *nested(char *buf, int n)
{
    buf[0] = '\0';
    for (int i = 0; i < n; i++)
        strcat(buf, "<text:section>");
    strcat(buf, "<text:p>深</text:p>");
    for (int i = 0; i < n; i++)
        strcat(buf, "</text:section>");
    return buf;
}

/* Refused: a DOCTYPE, nesting past the limit. */
static void test_read_odf__refused(void **state)
{
    char deep[4096];

    (void)state;
    assert_null(odf_text("", "<text:p>x</text:p></office:text></office:body></office:document>"
                             "<!DOCTYPE x>"));
    assert_non_null(odf_text("", nested(deep, 60)));
    assert_null(odf_text("", nested(deep, 120)));
    assert_string_equal(fg_error_last()->message, "t.fodt: not a readable OpenDocument file: "
                                                  "nested more than 100 deep");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_odf__numbers), cmocka_unit_test(test_read_odf__text),
        cmocka_unit_test(test_read_odf__tables),  cmocka_unit_test(test_read_odf__sheets),
        cmocka_unit_test(test_read_odf__refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests for src/read_rtf.c: what an RTF document's text becomes (code pages, Unicode
 * with its fallback, tables with merged cells, list numbers, what is not shown) and the files
 * it refuses. tests/rtf.sh checks whole documents (every form as RTF in three writers' ways).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fengong/error.h"
#include "fengong/text.h"
#include "reader.h"
#include "test_reader_text.h"

/* The builder's text of an RTF document (a static buffer), or NULL when it was refused. */
static const char *rtf_text(const char *doc)
{
    return fg_reader_text(fg_read_rtf, "t.rtf", doc, strlen(doc));
}

/* GBK bytes as \'hh under the document's code page, under a font's charset, raw in the file;
 * a Big5 font; \uN with its fallback skipped (\uc1, \uc2, a surrogate pair). */
static void test_read_rtf__code_pages(void **state)
{
    (void)state;
    /* 一、推进 in GBK */
    assert_string_equal(rtf_text("{\\rtf1\\ansi\\ansicpg936 \\'d2\\'bb\\'a1\\'a2\\'cd\\'c6"
                                 "\\'bd\\'f8\\par}"),
                        "一、推进\n");
    /* no \ansicpg: the font's charset 134 says GBK; f1 (charset 0) is the Western text */
    assert_string_equal(rtf_text("{\\rtf1\\ansi{\\fonttbl{\\f0\\fnil\\fcharset134 x;}"
                                 "{\\f1\\fnil\\fcharset0 y;}}\\f0 \\'cd\\'c6{\\f1 A}\\par}"),
                        "推A\n");
    /* raw bytes in the file */
    assert_string_equal(rtf_text("{\\rtf1\\ansi\\ansicpg936 \xcd\xc6\xbd\xf8\\par}"), "推进\n");
    /* Big5: 推 is B1C0 */
    assert_string_equal(rtf_text("{\\rtf1\\ansi{\\fonttbl{\\f2\\fcharset136 z;}}\\f2 "
                                 "\\'b1\\'c0\\par}"),
                        "推\n");
    /* \uN: the ? after it (\uc1) and the two bytes after it (\uc2) are its fallback */
    assert_string_equal(rtf_text("{\\rtf1\\ansi\\ansicpg936 \\u25512?\\uc2\\u-28709\\'bd\\'f8"
                                 "\\par}"),
                        "推进\n");
    /* a surrogate pair: U+20BB7 𠮷 */
    assert_string_equal(rtf_text("{\\rtf1\\ansicpg936 \\u-10174?\\u-8265?\\'d2\\'bb\\par}"), "𠮷一\n");
    /* an escaped brace and backslash; \emdash, \ldblquote … */
    assert_string_equal(rtf_text("{\\rtf1 a\\{b\\}c\\\\\\emdash\\ldblquote x\\rdblquote\\par}"),
                        "a{b}c\\—“x”\n");
}

/* Destinations not shown: the font and colour tables, the information, headers, ignorable
 * ones, field instructions, hidden text, pictures; the field's result and the Unicode
 * version of \upr are. Footnotes come after the body. */
static void test_read_rtf__what_is_shown(void **state)
{
    (void)state;
    assert_string_equal(
        rtf_text("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 \\'cb\\'ce;}}"
                 "{\\colortbl;\\red255\\green0\\blue0;}{\\info{\\title T}}{\\header H\\par}"
                 "{\\*\\generator G;}A{\\v hidden}B{\\field{\\*\\fldinst HYPERLINK x}"
                 "{\\fldrslt C}}{\\pict 0102}{\\*\\unknown U}D{\\upr{E}{\\*\\ud{F}}}"
                 "{\\footnote N}G\\par}"),
        "ABCDFG\nN\n");
    /* \plain ends hidden text; \v0 too */
    assert_string_equal(rtf_text("{\\rtf1 a\\v b\\v0 c\\v d\\plain e\\par}"), "ace\n");
    /* \bin data is skipped by its length */
    assert_string_equal(rtf_text("{\\rtf1 a{\\pict\\bin3 }}}}b\\par}"), "ab\n");
}

/* Paragraphs, line breaks and list numbers: {\listtext 一、\tab} writes 一、; a bare number
 * keeps a U+3000 for its tab. */
static void test_read_rtf__paragraphs_and_numbers(void **state)
{
    (void)state;
    assert_string_equal(rtf_text("{\\rtf1 {\\listtext\\pard\\plain \\u19968?\\u12289?\\tab}x"
                                 "\\par{\\listtext 1\\tab}y\\line z\\par}"),
                        "一、x\n1\xe3\x80\x80y\nz\n");
}

/* Tables: a row's definition before or after its cells, a vertically merged cell (its text
 * the one above), a cell spanning two columns, a nested table flattened into its cell. */
static void test_read_rtf__tables(void **state)
{
    (void)state;
    assert_string_equal(rtf_text("{\\rtf1 before\\par"
                                 "\\trowd\\cellx1\\cellx2\\cellx3\\pard\\intbl a\\cell b\\cell "
                                 "c\\cell\\row"
                                 "\\pard\\intbl d\\cell e\\cell f\\cell"
                                 "{\\trowd\\cellx1\\clvmrg\\cellx2\\cellx3\\row}"
                                 "\\pard after\\par}"),
                        "before\na\tb\tc\nd\tb\tf\nafter\n");
    /* \clmgf/\clmrg: one cell over two columns */
    assert_string_equal(rtf_text("{\\rtf1 \\trowd\\clmgf\\cellx1\\clmrg\\cellx2\\cellx3"
                                 "\\pard\\intbl ab\\cell\\cell c\\cell\\row\\pard\\par}"),
                        "ab\t\tc\n");
    /* a table nested in a cell (\itap2): its cells are blanks in the outer cell */
    assert_string_equal(rtf_text("{\\rtf1 \\trowd\\cellx1\\cellx2\\pard\\intbl x\\cell "
                                 "\\pard\\itap2 p\\nestcell q\\nestcell{\\nestrow}"
                                 "\\pard\\intbl\\itap1 \\cell\\row\\pard\\par}"),
                        "x\tp q\n");
}

/* Refused, naming the file: cut short inside a group, nested too deep, \bin past the end,
 * no {\rtf at the start. What follows the closing brace is ignored. */
static void test_read_rtf__refused(void **state)
{
    char *deep = malloc(2000);

    (void)state;
    assert_null(rtf_text("{\\rtf1 \\'d2\\'bb{\\b x"));
    assert_non_null(strstr(fg_error_last()->message, "t.rtf: not a readable RTF file: it ends "
                                                     "inside a group"));
    assert_non_null(deep);
    strcpy(deep, "{\\rtf1 ");
    for (int i = 0; i < 600; i++)
        strcat(deep, "{");
    assert_null(rtf_text(deep));
    assert_non_null(strstr(fg_error_last()->message, "groups nested deeper than 512"));
    free(deep);
    assert_null(rtf_text("{\\rtf1 \\bin999 ab}"));
    assert_non_null(strstr(fg_error_last()->message, "its binary data (bin) runs past the end"));
    assert_null(rtf_text("{\\rtx1 a}"));
    assert_non_null(strstr(fg_error_last()->message, "t.rtf: not an RTF file"));
    assert_string_equal(rtf_text("{\\rtf1 a\\par}\r\n\0garbage"), "a\n");
}

/* fg_text_read() sniffs an RTF document and reads it; one without Chinese text is refused. */
static void test_read_rtf__text_read(void **state)
{
    static const char doc[] = "{\\rtf1\\ansi\\ansicpg936 \\'d2\\'bb\\'a1\\'a2\\par}";
    fg_text *t = NULL;

    (void)state;
    assert_int_equal(fg_text_read(&t, "a.rtf", doc, sizeof doc - 1), FG_OK);
    assert_int_equal(t->format, FG_FORMAT_RTF);
    assert_string_equal(fg_format_name(t->format), "rtf");
    assert_non_null(strstr(t->data, "一、"));
    fg_text_free(t);
    assert_int_equal(fg_text_read(&t, "b.rtf", "{\\rtf1 abc\\par}", 15), FG_EFORMAT);
    assert_null(t);
    assert_non_null(strstr(fg_error_last()->message, "b.rtf: the RTF document holds no Chinese"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_rtf__code_pages),
        cmocka_unit_test(test_read_rtf__what_is_shown),
        cmocka_unit_test(test_read_rtf__paragraphs_and_numbers),
        cmocka_unit_test(test_read_rtf__tables),
        cmocka_unit_test(test_read_rtf__refused),
        cmocka_unit_test(test_read_rtf__text_read),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

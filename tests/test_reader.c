/*
 * Unit tests for src/reader.c: the text builder every office-format reader writes into
 * (paragraphs, tables laid out as tab-separated rows) and the sniffing of formats by
 * content. The readers themselves are tested by tests/docx.sh, pdf.sh and html.sh on real
 * files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fengong/error.h"
#include "fengong/text.h"
#include "reader.h"
#include "test_util.h"

/* A builder with its name set. */
static fg_rd new_rd(void)
{
    fg_rd rd = {0};

    rd.name = "x.docx";
    return rd;
}

static void para(fg_rd *rd, const char *s)
{
    assert_int_equal(fg_rd_text(rd, s, strlen(s)), FG_OK);
    assert_int_equal(fg_rd_break(rd), FG_OK);
}

/* One row of cells; a cell written "^" is merged with the one above, "=N:text" spans N. */
static void row(fg_rd *rd, const char *const *cells, size_t n)
{
    assert_int_equal(fg_rd_row_begin(rd), FG_OK);
    for (size_t k = 0; k < n; k++) {
        const char *s = cells[k];
        unsigned span = 1;
        bool merged = strcmp(s, "^") == 0;

        if (s[0] == '=') {
            span = (unsigned)(s[1] - '0');
            s += 3;
        }
        assert_int_equal(fg_rd_cell_begin(rd, span, merged), FG_OK);
        if (!merged)
            assert_int_equal(fg_rd_text(rd, s, strlen(s)), FG_OK);
        assert_int_equal(fg_rd_cell_end(rd), FG_OK);
    }
    assert_int_equal(fg_rd_row_end(rd), FG_OK);
}

/* Rows one a line, their cells separated by | and written as row() reads them. */
static void rows(fg_rd *rd, const char *text)
{
    char line[512];
    const char *cells[16];

    for (const char *p = text; *p != '\0';) {
        size_t len = strcspn(p, "\n");
        size_t n = 0;

        assert_true(len < sizeof line);
        memcpy(line, p, len);
        line[len] = '\0';
        for (char *c = line;; c++) {
            char *bar = strchr(c, '|');

            assert_true(n < sizeof cells / sizeof cells[0]);
            cells[n++] = c;
            if (bar == NULL)
                break;
            *bar = '\0';
            c = bar;
        }
        row(rd, cells, n);
        p += len + (p[len] == '\n');
    }
}

/* A table of rows as rows() writes them. */
static void table(fg_rd *rd, const char *text)
{
    assert_int_equal(fg_rd_table_begin(rd), FG_OK);
    rows(rd, text);
    assert_int_equal(fg_rd_table_end(rd), FG_OK);
}

static void expect(fg_rd *rd, const char *want)
{
    fg_str out = FG_STR_INIT;

    assert_int_equal(fg_rd_finish(rd, &out), FG_OK);
    assert_string_equal(out.ptr ? out.ptr : "", want);
    fg_str_dispose(&out);
    fg_rd_dispose(rd);
}

static void test_reader__paragraphs_are_lines(void **state)
{
    fg_rd rd = new_rd();

    (void)state;
    para(&rd, "一、总体要求");
    assert_int_equal(fg_rd_break(&rd), FG_OK); /* an empty paragraph: no blank line */
    para(&rd, "（一）推进改革。");
    assert_int_equal(fg_rd_text(&rd, "甲\t乙\r丙\n", strlen("甲\t乙\r丙\n")), FG_OK);
    expect(&rd, "一、总体要求\n（一）推进改革。\n甲\t乙\n丙\n");
}

static void test_reader__table_rows_with_tabs(void **state)
{
    fg_rd rd = new_rd();

    (void)state;
    para(&rd, "某市重点任务分工表");
    table(&rd, "序号|重点任务|牵头单位|配合单位\n"
               "1|推进项目建设。|市发展改革委|市财政局\n");
    para(&rd, "二、保障");
    expect(&rd, "某市重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n"
                "1\t推进项目建设。\t市发展改革委\t市财政局\n二、保障\n");
}

/* What a builder writes for one table of rows (as table() writes them). */
static const char *table_text(const char *text)
{
    static char buf[1024];
    fg_rd rd = new_rd();
    fg_str out = FG_STR_INIT;
    int n;

    table(&rd, text);
    assert_int_equal(fg_rd_finish(&rd, &out), FG_OK);
    n = snprintf(buf, sizeof buf, "%s", out.ptr ? out.ptr : "");
    assert_true(n >= 0 && (size_t)n < sizeof buf);
    fg_str_dispose(&out);
    fg_rd_dispose(&rd);
    return buf;
}

/* Tables and the text they give (table_text). */
static const fg_phrase_case tables[] = {
    /* merged cells carry down */
    {"序号|任务|牵头单位\n"
     "1|甲任务|省发展改革委\n"
     "2|乙任务|^\n",
     "序号\t任务\t牵头单位\n1\t甲任务\t省发展改革委\n2\t乙任务\t省发展改革委\n"},
    /* a continued row folds into its task */
    {"序号|任务|牵头单位|配合单位\n"
     "1|甲任务|省发展改革委|省财政厅\n"
     "^|^||省商务厅\n"
     "2|乙任务|省教育厅|\n",
     "序号\t任务\t牵头单位\t配合单位\n1\t甲任务\t省发展改革委\t省财政厅，省商务厅\n"
     "2\t乙任务\t省教育厅\t\n"},
    /* a title row spanning the table, and the header repeated on a new page */
    {"=4:一、重点任务\n"
     "序号|任务|牵头单位|配合单位\n"
     "1|甲任务|A局|B局\n"
     "序号|任务|牵头单位|配合单位\n"
     "2|乙任务|C局|D局\n",
     "一、重点任务\n序号\t任务\t牵头单位\t配合单位\n1\t甲任务\tA局\tB局\n"
     "2\t乙任务\tC局\tD局\n"},
    /* a grouped header: 责任单位 over 牵头单位 | 配合单位, the other header cells merged down */
    {"序号|任务|=2:责任单位|完成时限\n"
     "^|^|牵头单位|配合单位|^\n"
     "1|甲任务|A局|B局、C局|6月底\n",
     "序号\t任务\t牵头单位\t配合单位\t完成时限\n1\t甲任务\tA局\tB局、C局\t6月底\n"},
    /* a ledger, one unit a row under a 责任类别 column: rows under a merged task stay rows */
    {"序号|工作任务|责任单位|责任类别\n"
     "1|甲任务|A局|牵头\n"
     "^|^|B局|配合\n",
     "序号\t工作任务\t责任单位\t责任类别\n1\t甲任务\tA局\t牵头\n1\t甲任务\tB局\t配合\n"},
    /* a 名单 table (no 分工表 header): rows under a merged role cell stay rows, the role
     * carried down, so each member keeps his post */
    {"组长|甲|市长\n"
     "成员|乙|A局局长\n"
     "^|丙|B局局长\n"
     "^|丁|C局局长\n",
     "组长\t甲\t市长\n成员\t乙\tA局局长\n成员\t丙\tB局局长\n成员\t丁\tC局局长\n"},
    /* the same with the cells under the group's neighbours left empty, not merged */
    {"序号|任务|=2:责任单位|完成时限\n"
     "||牵头单位|配合单位|\n"
     "1|甲任务|A局|B局|6月底\n",
     "序号\t任务\t牵头单位\t配合单位\t完成时限\n1\t甲任务\tA局\tB局\t6月底\n"},
    /* a grouped header whose second row writes the role words alone (牵头 | 配合, 主办 |
     * 协办), the other header cells merged down or left empty */
    {"序号|任务|=2:责任单位|完成时限\n"
     "^|^|牵头|配合|^\n"
     "1|甲任务|A局|B局、C局|6月底\n",
     "序号\t任务\t牵头\t配合\t完成时限\n1\t甲任务\tA局\tB局、C局\t6月底\n"},
    {"序号|任务|=2:责任部门|完成时限\n"
     "||主办|协办|\n"
     "1|甲任务|A局|B局|6月底\n",
     "序号\t任务\t主办\t协办\t完成时限\n1\t甲任务\tA局\tB局\t6月底\n"},
    /* a grouped header's first row drawn again on a new page: dropped, not read as a row
     * (nor as a header of its own, whose 责任单位 would make every unit co) */
    {"序号|任务|=2:责任单位|完成时限\n"
     "^|^|牵头单位|配合单位|^\n"
     "1|甲任务|A局|B局|6月底\n"
     "序号|任务|=2:责任单位|完成时限\n"
     "2|乙任务|C局|D局|9月底\n",
     "序号\t任务\t牵头单位\t配合单位\t完成时限\n1\t甲任务\tA局\tB局\t6月底\n"
     "2\t乙任务\tC局\tD局\t9月底\n"},
    /* category rows in the 序号 column, their title beside, no units: title rows kept in the
     * table as a text table writes them, the tabs of their empty cells after them (（一） and
     * 一、 as written, a bare 一 given its 、) */
    {"序号|任务|牵头单位|配合单位\n"
     "（一）|大气污染防治||\n"
     "1|甲任务|A局|B局\n"
     "二|水污染防治||\n"
     "1|乙任务|C局|\n"
     "三、|土壤污染防治||\n"
     "1|丙任务|D局|\n",
     "序号\t任务\t牵头单位\t配合单位\n（一）大气污染防治\t\t\t\n1\t甲任务\tA局\tB局\n"
     "二、水污染防治\t\t\t\n1\t乙任务\tC局\t\n三、土壤污染防治\t\t\t\n1\t丙任务\tD局\t\n"},
    /* title rows typed in one cell, the other cells left empty and not merged: 一、重点任务 in
     * the task column beside a blank 序号 right under the header (not a second header row
     * naming that column), 二、… and （三）… in the 序号 cell */
    {"序号|任务|牵头单位|配合单位\n"
     "|一、重点任务||\n"
     "1|甲任务|A局|B局\n"
     "二、保障措施|||\n"
     "2|乙任务|C局|D局\n"
     "（三）其他||\n"
     "3|丙任务|E局|\n",
     "序号\t任务\t牵头单位\t配合单位\n一、重点任务\t\t\t\n1\t甲任务\tA局\tB局\n"
     "二、保障措施\t\t\t\n2\t乙任务\tC局\tD局\n（三）其他\t\t\t\n3\t丙任务\tE局\t\n"},
    /* but not a heading's text beside a merged cell, nor a bare numeral or 一是 */
    {"序号|任务|牵头单位|配合单位\n"
     "|三||\n"
     "|一是加强领导||\n"
     "1|甲任务|A局|B局\n"
     "^|二、乙任务||\n",
     "序号\t任务\t牵头单位\t配合单位\n\t三\t\t\n\t一是加强领导\t\t\n"
     "1\t甲任务，二、乙任务\tA局\tB局\n"},
    /* a row whose 序号 cell is blank under a numbered row continues it, as a merged one */
    {"序号|任务|牵头单位|配合单位\n"
     "1|甲任务|A局|B局\n"
     "|乙任务|C局|D局\n"
     "|||E局\n"
     "2|丙任务|F局|\n",
     "序号\t任务\t牵头单位\t配合单位\n1\t甲任务，乙任务\tA局，C局\tB局，D局，E局\n"
     "2\t丙任务\tF局\t\n"},
    /* but not right under the header, nor under a row with no number, nor with no 序号 */
    {"序号|任务|牵头单位|配合单位\n"
     "|甲任务|A局|\n"
     "|乙任务|B局|\n",
     "序号\t任务\t牵头单位\t配合单位\n\t甲任务\tA局\t\n\t乙任务\tB局\t\n"},
    {"任务|牵头单位|配合单位\n"
     "甲任务|A局|\n"
     "|B局|C局\n",
     "任务\t牵头单位\t配合单位\n甲任务\tA局\t\n\tB局\tC局\n"},
    /* but not a row numbered 1 with no units, nor a numeral row with units */
    {"序号|任务|牵头单位|配合单位\n"
     "1|甲任务||\n"
     "（二）|乙任务|C局|\n",
     "序号\t任务\t牵头单位\t配合单位\n1\t甲任务\t\t\n（二）\t乙任务\tC局\t\n"},
};

static void test_reader__cell_paragraphs_and_nested_tables(void **state)
{
    fg_rd rd = new_rd();

    (void)state;
    assert_int_equal(fg_rd_table_begin(&rd), FG_OK);
    assert_int_equal(fg_rd_row_begin(&rd), FG_OK);
    assert_int_equal(fg_rd_cell_begin(&rd, 1, false), FG_OK);
    para(&rd, "省发展改革委");
    para(&rd, "省财政厅");
    assert_int_equal(fg_rd_cell_end(&rd), FG_OK);
    assert_int_equal(fg_rd_cell_begin(&rd, 1, false), FG_OK);
    para(&rd, "推进改革。");
    /* a table inside the cell: its cells are paragraphs of this one */
    assert_int_equal(fg_rd_table_begin(&rd), FG_OK);
    assert_int_equal(fg_rd_row_begin(&rd), FG_OK);
    assert_int_equal(fg_rd_cell_begin(&rd, 1, false), FG_OK);
    assert_int_equal(fg_rd_text(&rd, "加强\t保障", strlen("加强\t保障")), FG_OK);
    assert_int_equal(fg_rd_cell_end(&rd), FG_OK);
    assert_int_equal(fg_rd_row_end(&rd), FG_OK);
    assert_int_equal(fg_rd_table_end(&rd), FG_OK);
    assert_int_equal(fg_rd_cell_end(&rd), FG_OK);
    assert_int_equal(fg_rd_row_end(&rd), FG_OK);
    assert_int_equal(fg_rd_table_end(&rd), FG_OK);
    expect(&rd, "省发展改革委，省财政厅\t推进改革。加强 保障\n");
}

static void test_reader__table_left_open_is_written(void **state)
{
    fg_rd rd = new_rd();

    (void)state;
    assert_int_equal(fg_rd_table_begin(&rd), FG_OK);
    /* text between a table's cells (markup blanks) is not written */
    assert_int_equal(fg_rd_text(&rd, "\n  杂", strlen("\n  杂")), FG_OK);
    rows(&rd, "1|甲任务|A局\n");
    expect(&rd, "1\t甲任务\tA局\n");
}

static void test_reader__has_ideograph(void **state)
{
    (void)state;
    assert_true(fg_rd_has_ideograph("abc 一", strlen("abc 一")));
    assert_true(fg_rd_has_ideograph("\xE3\x90\x80", 3)); /* U+3400 */
    assert_false(fg_rd_has_ideograph("abc　「」", strlen("abc　「」")));
    assert_false(fg_rd_has_ideograph("", 0));
}

static int sniff(const char *bytes, size_t len)
{
    return fg_rd_sniff("f", (const unsigned char *)bytes, len);
}

static void test_reader__sniff_by_content(void **state)
{
    static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest";
    static const char docx[] = "PK\x03\x04....word/document.xml";
    static const char zip[] = "PK\x03\x04 a.txt PK\x05\x06";
    static const char xlsx[] = "PK\x03\x04....xl/workbook.xml";
    static const char rtf[] = "{\\rtf1\\ansi 一、";
    static const char mhtml[] = "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
                                "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
                                "\tboundary=\"----B--\"\r\n\r\n------B--\r\n";
    static const char mail[] = "MIME-Version: 1.0\nContent-Type: text/plain\n\n一、";
    static const char xml[] = "<?xml version=\"1.0\"?>\n<!-- x -->\n<html>";

    (void)state;
    assert_int_equal(sniff(docx, sizeof docx - 1), FG_FORMAT_DOCX);
    assert_int_equal(sniff("%PDF-1.7\n", strlen("%PDF-1.7\n")), FG_FORMAT_PDF);
    assert_int_equal(sniff("\r\n%PDF-1.4", strlen("\r\n%PDF-1.4")), FG_FORMAT_PDF);
    assert_int_equal(sniff("<!DOCTYPE html><html>", strlen("<!DOCTYPE html><html>")),
                     FG_FORMAT_HTML);
    assert_int_equal(sniff("\xEF\xBB\xBF  <HTML>", strlen("\xEF\xBB\xBF  <HTML>")), FG_FORMAT_HTML);
    assert_int_equal(sniff(xml, strlen(xml)), FG_FORMAT_HTML);
    assert_int_equal(sniff("一、总体要求", strlen("一、总体要求")), FG_FORMAT_TEXT);
    assert_int_equal(sniff("<附件1>", strlen("<附件1>")), FG_FORMAT_TEXT);
    assert_int_equal(sniff("", 0), FG_FORMAT_TEXT);
    assert_int_equal(sniff(ole2, sizeof ole2 - 1), FG_FORMAT_DOC); /* read_doc.c reads it */
    assert_int_equal(sniff(xlsx, sizeof xlsx - 1), FG_FORMAT_XLSX); /* read_xlsx.c reads it */
    assert_int_equal(sniff("PK\x03\x04 nothing", strlen("PK\x03\x04 nothing")), FG_EFORMAT);
    assert_non_null(strstr(fg_error_last()->message, "f: a damaged or truncated ZIP archive"));
    assert_int_equal(sniff(zip, sizeof zip - 1), FG_EFORMAT);
    assert_non_null(strstr(fg_error_last()->message, "f: a ZIP archive that is not a Word"));
    assert_int_equal(sniff(rtf, strlen(rtf)), FG_FORMAT_RTF); /* read_rtf.c reads it */
    assert_int_equal(sniff(mhtml, strlen(mhtml)), FG_RD_MHTML);
    /* a mail that is not multipart/related is text */
    assert_int_equal(sniff(mail, strlen(mail)), FG_FORMAT_TEXT);
}

/* A page saved as one MIME file: its HTML part, quoted-printable (soft line breaks, =XX
 * bytes of UTF-8), read by the HTML reader; the format is HTML and the digest the file's. */
static void test_reader__mhtml_page(void **state)
{
    static const char page[] =
        "From: <Saved by Blink>\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
        "\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n"
        "------MultipartBoundary--abc----\r\n"
        "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: http://example.gov.cn/a.html\r\n\r\n"
        "<html><head><meta charset=3D\"utf-8\"></head><body><div id=3D\"c\">"
        "<p>=E4=B8=80=E3=80=81=E6=8E=A8=E8=BF=9B=E6=94=B9=E9=9D=A9=E3=80=82=EF=BC=88"
        "=E7=9C=81=E8=B4=A2=E6=94=BF=E5=8E=85=E7=89=B5=E5=A4=B4=EF=BC=89</p>=\r\n"
        "</div></body></html>\r\n"
        "------MultipartBoundary--abc----\r\n"
        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        "iVBORw0KGgo=\r\n------MultipartBoundary--abc------\r\n";
    fg_text *t = NULL;

    (void)state;
    assert_int_equal(fg_text_read(&t, "p.mhtml", page, sizeof page - 1), FG_OK);
    assert_int_equal(t->format, FG_FORMAT_HTML);
    assert_non_null(strstr(t->data, "一、推进改革。（省财政厅牵头）"));
    assert_int_equal(t->n_bytes, sizeof page - 1);
    fg_text_free(t);
    /* the HTML part in base64, over lines: <p>一、推进改革。（省财政厅牵头）</p> */
    {
        static const char b64[] =
            "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
            "--b\r\nContent-Type: text/html; charset=utf-8\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
            "PGh0bWw+PGJvZHk+PHA+5LiA44CB5o6o6L+b5pS56Z2p44CC77yI55yB6LSi\r\n"
            "5pS/5Y6F54m15aS077yJPC9wPjwvYm9keT48L2h0bWw+\r\n--b--\r\n";

        assert_int_equal(fg_text_read(&t, "b.mhtml", b64, sizeof b64 - 1), FG_OK);
        assert_non_null(strstr(t->data, "一、推进改革。（省财政厅牵头）"));
        fg_text_free(t);
    }
    /* no HTML part: an error naming the file */
    {
        static const char none[] = "MIME-Version: 1.0\nContent-Type: multipart/related; "
                                   "boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n";

        assert_int_equal(fg_text_read(&t, "q.mht", none, sizeof none - 1), FG_EFORMAT);
        assert_null(t);
        assert_non_null(strstr(fg_error_last()->message, "q.mht: a saved web page (MHTML) "
                                                         "without an HTML part"));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reader__paragraphs_are_lines),
        cmocka_unit_test(test_reader__table_rows_with_tabs),
        FG_PHRASE_TEST(test_reader__tables, "table_text", table_text, tables),
        cmocka_unit_test(test_reader__cell_paragraphs_and_nested_tables),
        cmocka_unit_test(test_reader__table_left_open_is_written),
        cmocka_unit_test(test_reader__has_ideograph),
        cmocka_unit_test(test_reader__sniff_by_content),
        cmocka_unit_test(test_reader__mhtml_page),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

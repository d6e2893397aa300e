/*
 * Unit tests for the numbering renderer of the DOCX reader (src/read_docx_num.c): number
 * formats (chinese counting 1..99 and beyond, letters, roman, enclosed, full-width …),
 * w:lvlText with two levels, restarts (default, w:lvlRestart 0), w:startOverride on an
 * instance sharing its definition's counters, w:isLgl, numbering from a paragraph style,
 * numId 0, none and bullet. Expected strings are written by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/parser.h>

#include "fengong/error.h"
#include "read_docx_int.h"

static void assert_format(fg_docx_fmt fmt, long n, const char *want)
{
    fg_str s = FG_STR_INIT;

    assert_int_equal(fg_docx__format(&s, fmt, n), FG_OK);
    if (s.len != strlen(want) || (s.len && memcmp(s.ptr, want, s.len) != 0))
        fail_msg("format %d of %ld: got \"%.*s\", want \"%s\"", (int)fmt, n, (int)s.len,
                 s.ptr ? s.ptr : "", want);
    fg_str_dispose(&s);
}

static void chinese_counting_1_to_99(void **state)
{
    static const char *const d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    char want[64];

    (void)state;
    for (long n = 1; n <= 99; n++) {
        long t = n / 10;
        long u = n % 10;

        snprintf(want, sizeof want, "%s%s%s", t == 0 ? "" : t == 1 ? "" : d[t], t ? "十" : "",
                 d[u]);
        assert_format(FG_DOCX_CHINESE_COUNTING, n, want);
    }
}

/* Numbers written by hand in each format. */
static const struct {
    fg_docx_fmt fmt;
    long n;
    const char *want;
} formats[] = {
    {FG_DOCX_CHINESE_COUNTING, 1, "一"},
    {FG_DOCX_CHINESE_COUNTING, 10, "十"},
    {FG_DOCX_CHINESE_COUNTING, 11, "十一"},
    {FG_DOCX_CHINESE_COUNTING, 20, "二十"},
    {FG_DOCX_CHINESE_COUNTING, 35, "三十五"},
    {FG_DOCX_CHINESE_COUNTING, 99, "九十九"},
    {FG_DOCX_CHINESE_COUNTING, 100, "一百"},
    {FG_DOCX_CHINESE_COUNTING, 101, "一百零一"},
    {FG_DOCX_CHINESE_COUNTING, 110, "一百一十"},
    {FG_DOCX_CHINESE_COUNTING, 115, "一百一十五"},
    {FG_DOCX_CHINESE_COUNTING, 1000, "一千"},
    {FG_DOCX_CHINESE_COUNTING, 1001, "一千零一"},
    {FG_DOCX_CHINESE_COUNTING, 1010, "一千零一十"},
    {FG_DOCX_CHINESE_COUNTING, 10000, "一万"},
    {FG_DOCX_CHINESE_COUNTING, 10010, "一万零一十"},
    {FG_DOCX_CHINESE_COUNTING, 120000, "十二万"},
    {FG_DOCX_CHINESE_COUNTING, 0, "0"},
    {FG_DOCX_CHINESE_LEGAL, 11, "壹拾壹"},
    {FG_DOCX_CHINESE_LEGAL, 20, "贰拾"},
    {FG_DOCX_DECIMAL, 12, "12"},
    {FG_DOCX_DECIMAL_ZERO, 7, "07"},
    {FG_DOCX_UPPER_LETTER, 1, "A"},
    {FG_DOCX_UPPER_LETTER, 26, "Z"},
    {FG_DOCX_UPPER_LETTER, 27, "AA"},
    {FG_DOCX_LOWER_LETTER, 54, "bbb"},
    {FG_DOCX_UPPER_ROMAN, 1994, "MCMXCIV"},
    {FG_DOCX_LOWER_ROMAN, 14, "xiv"},
    {FG_DOCX_IDEO_TRADITIONAL, 3, "丙"},
    {FG_DOCX_IDEO_TRADITIONAL, 11, "11"},
    {FG_DOCX_IDEO_ZODIAC, 12, "亥"},
    {FG_DOCX_IDEO_DIGITAL, 105, "一〇五"},
    {FG_DOCX_ENCLOSED_CIRCLE, 1, "①"},
    {FG_DOCX_ENCLOSED_CIRCLE, 20, "⑳"},
    {FG_DOCX_ENCLOSED_CIRCLE, 21, "21"},
    {FG_DOCX_ENCLOSED_PAREN, 2, "⑵"},
    {FG_DOCX_ENCLOSED_FULLSTOP, 3, "⒊"},
    {FG_DOCX_DECIMAL_FULLWIDTH, 12, "１２"},
    {FG_DOCX_NONE, 3, ""},
    {FG_DOCX_BULLET, 3, ""},
};

static void formats_by_hand(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        assert_format(formats[i].fmt, formats[i].n, formats[i].want);
}

static void format_names(void **state)
{
    (void)state;
    assert_int_equal(fg_docx__numfmt("chineseCountingThousand"), FG_DOCX_CHINESE_COUNTING);
    assert_int_equal(fg_docx__numfmt("taiwaneseCountingThousand"), FG_DOCX_CHINESE_COUNTING);
    assert_int_equal(fg_docx__numfmt("decimalEnclosedCircle"), FG_DOCX_ENCLOSED_CIRCLE);
    assert_int_equal(fg_docx__numfmt("ordinalText"), FG_DOCX_DECIMAL);
    assert_int_equal(fg_docx__numfmt(NULL), FG_DOCX_DECIMAL);
}

/* ---- numbering.xml ---- */

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

#define LVL(i, fmt, text, extra)                                                      \
    "<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" fmt "\"/>"     \
    "<w:lvlText w:val=\"" text "\"/>" extra "</w:lvl>"

/* An abstract numbering definition with its levels (LVL). */
#define ABSTRACT(id, levels) "<w:abstractNum w:abstractNumId=\"" #id "\">" levels "</w:abstractNum>"

static const char numbering_xml[] =
    "<w:numbering " W ">"
    /* 1: 1. / 1.1 / 1) never restarting */
    ABSTRACT(1, LVL(0, "decimal", "%1.", "")
                LVL(1, "decimal", "%1.%2", "<w:suff w:val=\"nothing\"/>")
                LVL(2, "decimal", "%3)", "<w:lvlRestart w:val=\"0\"/><w:suff w:val=\"nothing\"/>"))
    /* 3: 一、 / （一） */
    ABSTRACT(3, LVL(0, "chineseCounting", "%1、", "")
                LVL(1, "chineseCounting", "（%2）", ""))
    /* 4: 第一章 / 1.1 (isLgl) */
    ABSTRACT(4, LVL(0, "chineseCountingThousand", "第%1章", "<w:suff w:val=\"space\"/>")
                LVL(1, "decimal", "%1.%2", "<w:isLgl/><w:suff w:val=\"nothing\"/>"))
    /* 5: none and bullet */
    ABSTRACT(5, LVL(0, "none", "%1", "")
                LVL(1, "bullet", "\xEF\x82\xB7", ""))
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"4\"/></w:num>"
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"5\"/></w:num>"
    "</w:numbering>";

static const char styles_xml[] =
    "<w:styles " W ">"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:basedOn w:val=\"Heading1\"/>"
    "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "</w:styles>";

typedef struct fixture {
    xmlDoc *numbering, *styles;
    fg_docx_num *nm;
} fixture;

static int setup(void **state)
{
    static fixture f;

    f.numbering = xmlReadMemory(numbering_xml, (int)strlen(numbering_xml), "numbering.xml",
                                NULL, XML_PARSE_NONET);
    f.styles = xmlReadMemory(styles_xml, (int)strlen(styles_xml), "styles.xml", NULL,
                             XML_PARSE_NONET);
    if (f.numbering == NULL || f.styles == NULL)
        return -1;
    if (fg_docx__num_load(&f.nm, f.numbering, f.styles) != FG_OK)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;

    fg_docx__num_free(f->nm);
    xmlFreeDoc(f->numbering);
    xmlFreeDoc(f->styles);
    return 0;
}

/* Number one paragraph and compare with want. */
static void para(fixture *f, const char *style, long num_id, long ilvl, const char *want)
{
    fg_str s = FG_STR_INIT;

    assert_int_equal(fg_docx__num_para(f->nm, &s, style, num_id, ilvl), FG_OK);
    if (s.len != strlen(want) || (s.len && memcmp(s.ptr, want, s.len) != 0))
        fail_msg("num %ld ilvl %ld style %s: got \"%.*s\", want \"%s\"", num_id, ilvl,
                 style ? style : "-", (int)s.len, s.ptr ? s.ptr : "", want);
    fg_str_dispose(&s);
}

/* One paragraph: its style (NULL: Normal), w:numId and w:ilvl (-1: not set) and its number. */
typedef struct step {
    const char *style;
    long num_id, ilvl;
    const char *want;
} step;

/* Number the paragraphs in order, each compared with its want. */
static void number_steps(fixture *f, const step *steps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        para(f, steps[i].style, steps[i].num_id, steps[i].ilvl, steps[i].want);
}

static void levels_and_restarts(void **state)
{
    static const step steps[] = {
        {NULL, 1, 0, "1. "}, /* tab suffix after an ASCII number: a blank */
        {NULL, 1, 1, "1.1"},
        {NULL, 1, 1, "1.2"},
        {NULL, 1, 2, "1)"},
        {NULL, 1, 0, "2. "},
        {NULL, 1, 1, "2.1"}, /* restarted by level 0 */
        {NULL, 1, 2, "2)"}, /* lvlRestart 0: never restarts */
        /* another instance of the same definition with startOverride 5: restarts level 0 at its
         * first paragraph, and the first instance continues from there */
        {NULL, 2, 0, "5. "},
        {NULL, 1, 1, "5.1"},
        {NULL, 1, 0, "6. "},
        {NULL, 2, 0, "7. "}, /* the override applies once */
    };

    number_steps(*state, steps, sizeof steps / sizeof steps[0]);
}

static void chinese_levels(void **state)
{
    static const step steps[] = {
        {NULL, 3, 0, "一、"}, /* no blank after full-width punctuation */
        {NULL, 3, 1, "（一）"},
        {NULL, 3, 1, "（二）"},
        {NULL, 3, 0, "二、"},
        {NULL, 3, 1, "（一）"},
        {NULL, 4, 0, "第一章 "},
        {NULL, 4, 1, "1.1"}, /* isLgl: 一 written as 1 */
        {NULL, 4, 0, "第二章 "},
        {NULL, 4, 1, "2.1"},
    };

    number_steps(*state, steps, sizeof steps / sizeof steps[0]);
}

static void from_styles(void **state)
{
    static const step steps[] = {
        /* chinese_levels() left abstract 3 at 二、（一） */
        {"Heading1", -1, -1, "三、"},
        {"Heading2", -1, -1, "（一）"}, /* numId from Heading1, ilvl from Heading2 */
        {"Heading2", -1, -1, "（二）"},
        {"Heading1", 0, -1, ""}, /* numId 0 removes the style's numbering */
        {"Heading1", -1, -1, "四、"},
        {NULL, -1, -1, ""}, /* Normal: not numbered */
        {"NoSuchStyle", -1, -1, ""},
        {NULL, 99, 0, ""}, /* no such instance */
        {NULL, 5, 0, ""}, /* none */
        {NULL, 5, 1, ""}, /* bullet */
    };

    number_steps(*state, steps, sizeof steps / sizeof steps[0]);
}

int main(void)
{
    const struct CMUnitTest format_tests[] = {
        cmocka_unit_test(chinese_counting_1_to_99),
        cmocka_unit_test(formats_by_hand),
        cmocka_unit_test(format_names),
    };
    const struct CMUnitTest numbering_tests[] = {
        cmocka_unit_test(levels_and_restarts),
        cmocka_unit_test(chinese_levels),
        cmocka_unit_test(from_styles),
    };
    int failed = cmocka_run_group_tests_name("formats", format_tests, NULL, NULL);

    failed += cmocka_run_group_tests_name("numbering", numbering_tests, setup, teardown);
    xmlCleanupParser();
    return failed;
}

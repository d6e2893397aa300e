/*
 * Unit tests for src/deadline.c: deadline phrases → kind, last day, year taken from the
 * document. Every expected value below was written by hand from the phrase; the document
 * year is 2023 unless a case says otherwise.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fengong/deadline.h"
#include "fengong/error.h"
#include "test_util.h"

#define DOC_YEAR 2023

static char fmt_buf[2048];

/* "date 2025-06-30 [2025年6月底前]", "date 2023-06-30 assumed [6月底前]", "recurring quarter [每季度]", "none". */
static size_t fmt_one(char *buf, size_t cap, const fg_deadline *d, const char *text)
{
    int n;

    if (d->kind == FG_DEADLINE_NONE)
        n = snprintf(buf, cap, "none");
    else if (d->kind == FG_DEADLINE_DATE)
        n = snprintf(buf, cap, "date %s%s [%.*s]", d->date[0] ? d->date : "-",
                     d->year_assumed ? " assumed" : "", (int)d->len, text + d->off);
    else if (d->kind == FG_DEADLINE_RECURRING)
        n = snprintf(buf, cap, "recurring %s [%.*s]", fg_deadline_every_name(d->every), (int)d->len,
                     text + d->off);
    else
        n = snprintf(buf, cap, "ongoing [%.*s]", (int)d->len, text + d->off);
    assert_true(n > 0 && (size_t)n < cap);
    return (size_t)n;
}

static const char *parse_year(const char *s, int year)
{
    fg_deadline d;

    assert_int_equal(fg_deadline_parse(&d, s, strlen(s), year), FG_OK);
    fmt_one(fmt_buf, sizeof fmt_buf, &d, s);
    return fmt_buf;
}

static const char *parse(const char *s)
{
    return parse_year(s, DOC_YEAR);
}

/*
 * The deadline fg_deadline_find() finds in s from from, formatted as fmt_one() does; every
 * deadline of a phrase is joined by " | ", "" when none (fg_find_all).
 */
static bool find_one(char *out, size_t cap, const char *s, size_t from, size_t *off,
                     size_t *len)
{
    bool found = false;
    fg_deadline d;

    assert_int_equal(fg_deadline_find(&d, &found, s, strlen(s), from, DOC_YEAR), FG_OK);
    if (found) {
        fmt_one(out, cap, &d, s);
        *off = d.off;
        *len = d.len;
    } else {
        assert_int_equal(d.kind, FG_DEADLINE_NONE);
    }
    return found;
}

/* Phrases as labels, table cells and brackets give them, read with fg_deadline_parse(). */
static const fg_phrase_case parse_cases[] = {
    {"2025年6月底前", "date 2025-06-30 [2025年6月底前]"},
    {"2022年底前完成", "date 2022-12-31 [2022年底前完成]"},
    {"（2023年12月）", "date 2023-12-31 [2023年12月]"},
    {"2024年6月30日前", "date 2024-06-30 [2024年6月30日前]"},
    {"长期坚持", "ongoing [长期坚持]"},
    {"持续推进", "ongoing [持续推进]"},
    {"长期", "ongoing [长期]"},
    {"每年", "recurring year [每年]"},
    {"每季度", "recurring quarter [每季度]"},
    {"2024—2025年", "date 2025-12-31 [2024—2025年]"},
    {"2024-2025年", "date 2025-12-31 [2024-2025年]"},
    {"第三季度", "date 2023-09-30 assumed [第三季度]"},
    {"年内", "date 2023-12-31 assumed [年内]"},
    {"2023年上半年", "date 2023-06-30 [2023年上半年]"},
    {"2023年二季度末", "date 2023-06-30 [2023年二季度末]"},
    {"6月底前", "date 2023-06-30 assumed [6月底前]"},
    {"2025年", "date 2025-12-31 [2025年]"},
    {"“十四五”期间", "date 2025-12-31 [“十四五”期间]"},
    {"六月底", "date 2023-06-30 assumed [六月底]"},
    {"２０２４年１２月底前", "date 2024-12-31 [２０２４年１２月底前]"},
    {"完成时限：2025年6月底前", "date 2025-06-30 [2025年6月底前]"},
    {"时间节点：2024年9月", "date 2024-09-30 [2024年9月]"},
    {"完成时间：2023年12月31日", "date 2023-12-31 [2023年12月31日]"},
    {"【完成时限】2024年底", "date 2024-12-31 [2024年底]"},
    {"完成时限（年月）：2024年10月", "date 2024-10-31 [2024年10月]"},
    {"完成时限: 2024年11月底", "date 2024-11-30 [2024年11月底]"},
    {"明年6月底前", "date 2024-06-30 assumed [明年6月底前]"},
    {"今年底", "date 2023-12-31 assumed [今年底]"},
    {"二〇二五年底", "date 2025-12-31 [二〇二五年底]"},
    {"2024年2月", "date 2024-02-29 [2024年2月]"},
    {"2023年2月底前", "date 2023-02-28 [2023年2月底前]"},
    {"2月底前", "date 2023-02-28 assumed [2月底前]"},
    {"每季度末", "recurring quarter [每季度末]"},
    {"每年6月底前", "recurring year [每年6月底前]"},
    {"每月10日前", "recurring month [每月10日前]"},
    {"每半年", "recurring half-year [每半年]"},
    {"按季度", "recurring quarter [按季度]"},
    {"力争2024年底前完成", "date 2024-12-31 [2024年底前完成]"},
    {"2023年6月—2024年12月", "date 2024-12-31 [2023年6月—2024年12月]"},
    {"十二月底前", "date 2023-12-31 assumed [十二月底前]"},
    {"2024年第一季度", "date 2024-03-31 [2024年第一季度]"},
    {"2024年四季度", "date 2024-12-31 [2024年四季度]"},
    {"前三季度", "date 2023-09-30 assumed [前三季度]"},
    {"2024年下半年", "date 2024-12-31 [2024年下半年]"},
    {"2024年6月中旬", "date 2024-06-20 [2024年6月中旬]"},
    {"2024年3月上旬", "date 2024-03-10 [2024年3月上旬]"},
    {"2024年度", "date 2024-12-31 [2024年度]"},
    {"2024年至2025年", "date 2025-12-31 [2024年至2025年]"},
    {"常态化推进", "ongoing [常态化推进]"},
    {"长期坚持，定期调度", "ongoing [长期坚持]"},
    {"  2024年底前  ", "date 2024-12-31 [2024年底前]"},
    {"“十五五”时期", "date 2030-12-31 [“十五五”时期]"},
    {"2024年10月份", "date 2024-10-31 [2024年10月份]"},
    {"于2023年9月30日前", "date 2023-09-30 [2023年9月30日前]"},
    /* What is no deadline at all. */
    {"〔2022〕1号", "none"},
    {"湘政发〔2022〕1号", "none"},
    {"2.5万人", "none"},
    {"PM2.5", "none"},
    {"5G", "none"},
    {"2024年起", "none"},
    {"2020年以来", "none"},
    {"3年", "none"},
    {"加强组织领导", "none"},
    {"", "none"},
    {"第三", "none"},
    {"13月底", "none"},
    {"3000年", "none"},
};

static void test_deadline__year_left_out_without_document_year(void **state)
{
    (void)state;
    /* No document year: the phrase is a date, but its date cannot be given. */
    assert_string_equal(parse_year("6月底前", 0), "date - assumed [6月底前]");
    assert_string_equal(parse_year("2024年6月底前", 0), "date 2024-06-30 [2024年6月底前]");
    assert_string_equal(parse_year("年底前", 2021), "date 2021-12-31 assumed [年底前]");
}

/* Deadlines inside sentences and clauses, read with fg_deadline_find(). */
static const fg_phrase_case find_cases[] = {
    {"加快推进项目建设，2024年底前完成。", "date 2024-12-31 [2024年底前完成]"},
    {"（省发展改革委牵头，省财政厅配合，2023年12月底前完成）",
     "date 2023-12-31 [2023年12月底前完成]"},
    {"做好相关工作（2023年12月）", "date 2023-12-31 [2023年12月]"},
    {"各地要于6月底前报送方案。", "date 2023-06-30 assumed [6月底前]"},
    {"（省农业农村厅牵头，长期坚持）", "ongoing [长期坚持]"},
    {"每季度末报送工作进展情况。", "recurring quarter [每季度末]"},
    {"“十四五”期间，建成一批重点项目。", "date 2025-12-31 [“十四五”期间]"},
    {"年内建成投用。", "date 2023-12-31 assumed [年内]"},
    {"力争2024年6月30日前全面完成，2025年上半年完成验收。",
     "date 2024-06-30 [2024年6月30日前] | date 2025-06-30 [2025年上半年完成]"},
    {"第三季度完成招标。", "date 2023-09-30 assumed [第三季度完成]"},
    {"今年底前出台实施方案。", "date 2023-12-31 assumed [今年底前]"},
    {"（市住房城乡建设局牵头，持续推进）", "ongoing [持续推进]"},
    {"确保2025年底前全部完成改造任务", "date 2025-12-31 [2025年底前]"},
    {"2023年9月底前出台配套政策，12月底前全面实施。",
     "date 2023-09-30 [2023年9月底前] | date 2023-12-31 assumed [12月底前]"},
    {"（每年）", "recurring year [每年]"},
    {"２０２４年６月底前完成", "date 2024-06-30 [２０２４年６月底前完成]"},
    /* No deadline: dates of issue, 文号, years of a plan, bases, starts, verbs. */
    {"湖南省人民政府 2022年1月19日", ""},
    {"湘政发〔2022〕1号", ""},
    {"到2025年，全省地区生产总值达到6万亿元。", ""},
    {"持续推进乡村振兴。", ""},
    {"每年新增就业2.5万人。", ""},
    {"比2020年底增长10%。", ""},
    {"截至2023年底，已建成5个。", ""},
    {"自2024年6月起实施。", ""},
    {"PM2.5浓度下降到35微克/立方米，5G基站达到1万个。", ""},
    {"三年内完成改造。", ""},
    {"《湖南省“十四五”规划（2021—2025年）》", ""},
    {"2023年第三季度", ""},
    {"1-6月累计完成投资", ""},
    {"2024年底以来，全省新增就业2.5万人。", ""},
    {"长期以来，我省高度重视", ""},
    {"与2020年末相比", ""},
    {"基本完成2000年底前建成的老旧小区改造", ""},
    {"2022年底前建成的项目", ""},
};

static void test_deadline__find_from_offset(void **state)
{
    const char *s = "2023年6月底前启动，2024年底前完成";
    fg_deadline d;
    bool found = false;

    (void)state;
    /* From past the first phrase only the second is found. */
    assert_int_equal(fg_deadline_find(&d, &found, s, strlen(s), strlen("2023年6月底前"), 2023),
                     FG_OK);
    assert_true(found);
    assert_string_equal(d.date, "2024-12-31");
    assert_int_equal(d.off, strlen("2023年6月底前启动，"));
    /* From the end nothing. */
    assert_int_equal(fg_deadline_find(&d, &found, s, strlen(s), strlen(s), 2023), FG_OK);
    assert_false(found);
}

static void test_deadline__labels(void **state)
{
    (void)state;
    assert_true(fg_deadline_label_word("完成时限", strlen("完成时限")));
    assert_true(fg_deadline_label_word("时间节点", strlen("时间节点")));
    assert_true(fg_deadline_label_word("完成时间", strlen("完成时间")));
    assert_true(fg_deadline_label_word("时间进度", strlen("时间进度")));
    assert_true(fg_deadline_label_word("进度安排", strlen("进度安排")));
    assert_false(fg_deadline_label_word("牵头单位", strlen("牵头单位")));
    assert_false(fg_deadline_label_word("预期成果", strlen("预期成果")));
    assert_false(fg_deadline_label_word("牵头领导", strlen("牵头领导")));
    assert_false(fg_deadline_label_word("", 0));
}

static void test_deadline__invalid_arguments(void **state)
{
    fg_deadline d;
    bool found;

    (void)state;
    assert_int_equal(fg_deadline_parse(NULL, "2024年", 7, 2023), FG_EINVAL);
    assert_string_equal(fg_error_last()->message, "fg_deadline_parse: out must not be NULL");
    assert_int_equal(fg_deadline_parse(&d, NULL, 3, 2023), FG_EINVAL);
    assert_string_equal(fg_error_last()->message, "fg_deadline_parse: s must not be NULL");
    assert_int_equal(fg_deadline_parse(&d, NULL, 0, 2023), FG_OK);
    assert_int_equal(d.kind, FG_DEADLINE_NONE);
    assert_int_equal(fg_deadline_find(&d, NULL, "x", 1, 0, 2023), FG_EINVAL);
    assert_string_equal(fg_error_last()->message,
                        "fg_deadline_find: out and found must not be NULL");
    assert_int_equal(fg_deadline_find(&d, &found, NULL, 5, 0, 2023), FG_EINVAL);
}

static void test_deadline__hostile_bytes(void **state)
{
    /* Cut UTF-8, a lone continuation byte, NULs: read without crossing len, nothing found. */
    static const char bad[] = "2024\xe5\xb9\x80\x80\xe5\xb9\0\xe6\x9c\x88";
    fg_deadline d;
    bool found = true;

    (void)state;
    for (size_t len = 0; len <= sizeof bad - 1; len++) {
        assert_int_equal(fg_deadline_parse(&d, bad, len, 2023), FG_OK);
        assert_int_equal(fg_deadline_find(&d, &found, bad, len, 0, 2023), FG_OK);
    }
    /* 2024年 cut after its first byte of 年 is no year. */
    assert_int_equal(fg_deadline_parse(&d, "2024年", 5, 2023), FG_OK);
    assert_int_equal(d.kind, FG_DEADLINE_NONE);
}

static void test_deadline__names(void **state)
{
    (void)state;
    FG_ASSERT_NAMES(fg_deadline_kind_name, fg_deadline_kind, FG_DEADLINE_NONE,
                    FG_DEADLINE_ONGOING, "none|date|recurring|ongoing");
    assert_string_equal(fg_deadline_every_name(FG_EVERY_HALF), "half-year");
    assert_string_equal(fg_deadline_every_name(FG_EVERY_NONE), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FG_PHRASE_TEST(test_deadline__parse_phrases, "parse", parse, parse_cases),
        cmocka_unit_test(test_deadline__year_left_out_without_document_year),
        FG_FIND_TEST(test_deadline__find_in_text, "find", find_one, find_cases),
        cmocka_unit_test(test_deadline__find_from_offset),
        cmocka_unit_test(test_deadline__labels),
        cmocka_unit_test(test_deadline__invalid_arguments),
        cmocka_unit_test(test_deadline__hostile_bytes),
        cmocka_unit_test(test_deadline__names),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

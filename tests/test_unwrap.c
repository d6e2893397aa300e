/*
 * Unit tests for src/unwrap.c: which lines go on the line before them (fg_unwrap_joins()),
 * and the detection and joining of a plain text hard-wrapped at one width (fg_unwrap_text()),
 * against texts and expected results written here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "error.h"
#include "unwrap.h"

static bool joins(const char *prev, const char *next, bool next_full)
{
    return fg_unwrap_joins(prev, strlen(prev), next, strlen(next), next_full);
}

/* A line broken inside a name, a label or a role word goes on in the next line. */
static void test_unwrap__joins_inside_words(void **state)
{
    (void)state;
    assert_true(joins("（六）建立农村人居环境长效管护机制。责任单位：县农业农村", "局★、县财政局", false));
    assert_true(joins("（二）开展占道经营专项整治，规范设置便民疏导点12处。牵头", "单位：县城市管理局", true));
    assert_true(joins("…、县住房城乡建设局、县财政局按职责分工负", "责）", false));
    assert_true(joins("成　　员：县委宣传部副部长　于", "丽娟、县城市管理局局长　王　强", true));
    assert_true(joins("…交警一大队副大队", "长　赵　刚", false));
    /* a unit's last character, blanks, a label: not a spaced-out label (组　长：) */
    assert_true(joins("…牵头单位：省科技", "厅　　配合单位：省工业和信息化厅", true));
    assert_true(joins("…（省人力资源社", "会保障厅牵头）", false));
    /* a label's first character on the line before (配|合部门：, 副|组长：) */
    assert_true(joins("…按要求抓好落实。配", "合部门：县财政局", false));
    assert_true(joins("组　　长：王某　县长　副", "组长：李某", false));
    /* what follows an opening bracket goes on, even when it looks like a marker */
    assert_true(joins("…统筹推进。（", "6）加强近岸海域污染防治", true));
    /* a number that is a quantity, not a marker */
    assert_true(joins("…全年新增普惠小微贷款", "1.2万亿元，惠及市场主体", true));
    assert_true(joins("…新增", "15 个停车场", true));
}

/* A line that starts a new item does not go on the line before it. */
static void test_unwrap__new_items_stay(void **state)
{
    static const char *const starts[] = {
        "一、农村环境整治", "十二、组织保障", "（三）实施城区绿化提质工程", "(4)推进",
        "1．建设全市统一的政务云平台", "2、开展", "3）完善", "1.1 深化国资国企改革",
        "2 社会事业改革", "①新建养老服务中心", "第五条　各单位", "第二章　职责",
        "一是稳定企业岗位", "二是拓宽就业渠道", "附件2", "A. 完成钢铁企业超低排放改造",
        "II. 移动源污染治理", "（B）开展非道路移动机械编码登记", "牵头单位：县农业农村局",
        "配合单位：县卫生健康局", "组　　长：张建国", "副 组 长：李明华", "成员单位：县财政局",
        "◆牵头单位：县农业农村局", "★配合单位：县水利局", "- 附件", "　　各牵头单位要",
        ""};

    (void)state;
    for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
        assert_false(joins("（二）开展占道经营专项整治，规范设置便民疏导点十二处，县", starts[i],
                           true));
}

/* After a sentence's end, only a next line that fills its line too goes on. */
static void test_unwrap__sentence_end(void **state)
{
    (void)state;
    assert_false(joins("打造洞庭湖生态文化旅游带，推进岳阳楼景区提质升级。", "市文化旅游广电局", false));
    assert_true(joins("打造洞庭湖生态文化旅游带，推进岳阳楼景区提质升级。",
                      "（县城管局牵头，县住房城乡建设局、县民政局等按职责分工负", true));
    assert_false(joins("…确保各项任务按时保质完成。”", "某县人民政府办公室", false));
    /* after ： and ； likewise: a heading under 下设以下工作组：, or the list that goes on */
    assert_false(joins("…指挥部下设以下工作组：", "综合协调组", false));
    assert_true(joins("…今年重点抓好以下工作：", "一方面稳定企业岗位，另一方面拓宽就业渠道，省人力资源", true));
    assert_false(joins("…完善村收集、镇转运、县处理的收运体系；", "县城市管理局负责", false));
    /* a card's rows: a label and a wide gap under a line that opens so too */
    assert_false(joins("配合单位　　区公安分局交警大队、区自然资源局", "办结时限　　2024年12月", false));
    assert_true(joins("（一）深化“一网通办”，牵头单位：市大", "数据发展局　　配合单位：市公安局", true));
}

/* fg_unwrap_text() on s: the text it gives (s itself when it joins nothing). */
static char *unwrapped(const char *s, size_t *n_joins)
{
    fg_str out = FG_STR_INIT;
    size_t *joins_at = NULL;
    char *r;

    assert_int_equal(fg_unwrap_text(&out, &joins_at, n_joins, s, strlen(s), NULL, 0, false), FG_OK);
    if (*n_joins == 0) {
        assert_int_equal(out.len, 0);
        assert_null(joins_at);
        r = strdup(s);
    } else {
        /* each offset is where a line break was taken out: after the line's last byte */
        for (size_t k = 0; k < *n_joins; k++)
            assert_true(joins_at[k] > 0 && joins_at[k] < out.len && out.ptr[joins_at[k]] != '\n');
        r = strndup(out.ptr, out.len);
    }
    free(joins_at);
    fg_str_dispose(&out);
    return r;
}

/* A text hard-wrapped at 56 columns (28 ideographs): its broken lines are joined, the line
 * that ends an item before a marker, the short line after a sentence and the lines that do
 * not reach the width are not. */
static void test_unwrap__hard_wrapped_text(void **state)
{
    static const char text[] =
        "某县2025年城乡环境综合整治重点任务分工方案\n"
        "（一）推进背街小巷改造，全年完成改造30条，实施雨污分流。\n"
        "（县城管局牵头，县住房城乡建设局、县民政局等按职责分工负\n"
        "责）\n"
        "（二）开展占道经营专项整治，规范设置便民疏导点12处。牵头\n"
        "单位：县城市管理局；配合单位：县市场监督管理局、县公安局\n"
        "交通警察大队、各乡镇人民政府、各街道办事处、县融媒体中心\n"
        "（三）实施城区绿化提质工程，新增城市绿地面积8万平方米。\n"
        "（县住房城乡建设局负责）\n"
        "（四）整治城区建筑工地扬尘，落实围挡、覆盖和冲洗，由县住\n"
        "房城乡建设局牵头，县生态环境局、县城市管理局配合。\n";
    static const char expected[] =
        "某县2025年城乡环境综合整治重点任务分工方案\n"
        "（一）推进背街小巷改造，全年完成改造30条，实施雨污分流。"
        "（县城管局牵头，县住房城乡建设局、县民政局等按职责分工负"
        "责）\n"
        "（二）开展占道经营专项整治，规范设置便民疏导点12处。牵头"
        "单位：县城市管理局；配合单位：县市场监督管理局、县公安局"
        "交通警察大队、各乡镇人民政府、各街道办事处、县融媒体中心\n"
        "（三）实施城区绿化提质工程，新增城市绿地面积8万平方米。\n"
        "（县住房城乡建设局负责）\n"
        "（四）整治城区建筑工地扬尘，落实围挡、覆盖和冲洗，由县住"
        "房城乡建设局牵头，县生态环境局、县城市管理局配合。\n";
    size_t n = 0;
    char *got = unwrapped(text, &n);

    (void)state;
    assert_string_equal(got, expected);
    assert_int_equal(n, 5);
    free(got);
}

/* Texts that are not hard-wrapped are left alone: lines of many widths, and lines of one
 * width that are too short to be a page's. */
static void test_unwrap__other_text_untouched(void **state)
{
    static const char *const texts[] = {
        "一、总体要求\n"
        "（一）推进背街小巷改造，全年完成改造30条。（县城管局牵头）\n"
        "（二）开展占道经营专项整治，规范设置便民疏导点12处，整治流动摊贩。（县城市管理局负责）\n"
        "（三）实施城区绿化提质工程。（县住房城乡建设局负责）\n"
        "（四）整治城区建筑工地扬尘，落实围挡、覆盖和冲洗，由县住建局牵头，县生态环境局配合。\n",
        "组　长：张三\n副组长：李四\n成　员：王五\n办公室：赵六\n联络员：钱七\n",
        "",
        "没有换行的一行文字",
    };

    (void)state;
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        size_t n = 1;
        char *got = unwrapped(texts[i], &n);

        assert_int_equal(n, 0);
        assert_string_equal(got, texts[i]);
        free(got);
    }
}

/* A document's paragraphs, one a line of text copied out of a PDF: an indent on any line is
 * the paragraph's formatting (measured aside, not kept when the line goes on the one before);
 * the table's lines (kept) are neither measured nor joined, though they reach the width. */
static void test_unwrap__paragraphs(void **state)
{
    static const char text[] =
        "　　为持续改善城乡人居环境，经县人民政府同意，现将2025年\n"
        "　　城乡环境综合整治重点任务分工如下，请各牵头单位会同配合单\n"
        "位抓好落实。\n"
        "（一）推进背街小巷改造，全年完成改造30条，实施雨污分流。\n"
        "（县城管局牵头，县住房城乡建设局、县民政局等按职责分工负\n"
        "责）\n"
        "序号\t任务\n"
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八\n"
        "县城市管理局\n"
        "（二）整治城区建筑工地扬尘，落实围挡、覆盖和冲洗，由县住\n"
        "　　房城乡建设局牵头，县生态环境局、县城市管理局配合。\n";
    static const char expected[] =
        "　　为持续改善城乡人居环境，经县人民政府同意，现将2025年"
        "城乡环境综合整治重点任务分工如下，请各牵头单位会同配合单"
        "位抓好落实。\n"
        "（一）推进背街小巷改造，全年完成改造30条，实施雨污分流。"
        "（县城管局牵头，县住房城乡建设局、县民政局等按职责分工负"
        "责）\n"
        "序号\t任务\n"
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八\n"
        "县城市管理局\n"
        "（二）整治城区建筑工地扬尘，落实围挡、覆盖和冲洗，由县住"
        "房城乡建设局牵头，县生态环境局、县城市管理局配合。\n";
    const char *t = strstr(text, "序号");
    const char *after = strstr(text, "（二）");
    size_t keep[2] = {(size_t)(t - text), (size_t)(after - text)};
    fg_str out = FG_STR_INIT;
    size_t *joins_at = NULL, n = 0;

    (void)state;
    assert_int_equal(fg_unwrap_text(&out, &joins_at, &n, text, strlen(text), keep, 1, true),
                     FG_OK);
    assert_int_equal(n, 5);
    assert_string_equal(out.ptr, expected);
    free(joins_at);
    fg_str_dispose(&out);
}

/* Lines that all fill 56 columns but for one of 55 (an odd count of narrow digits): the
 * width is 56 (not 57, the widest W with 3 lines of W or W - 1), and the line of 55 is
 * broken by it too. */
static void test_unwrap__width_of_full_lines(void **state)
{
    static const char text[] =
        "（一）推进背街小巷改造，全年完成改造30条，实施雨污分流。\n"
        "（县城管局牵头，县住房城乡建设局、县民政局等按职责分工负\n"
        "责）\n"
        "（五）推进农村生活垃圾分类，建成乡镇垃圾转运站3座。县城\n"
        "市管理局负责，县财政局配合。\n"
        "（二）开展占道经营专项整治，规范设置便民疏导点12处。牵头\n"
        "单位：县城市管理局。\n";
    size_t n = 0;
    char *got = unwrapped(text, &n);

    (void)state;
    assert_non_null(strstr(got, "县城市管理局负责"));
    assert_int_equal(n, 4);
    free(got);
}

/* A break between two whole unit names keeps a blank; one inside a name, or between a unit
 * and its part, does not. */
static void test_unwrap__units_between(void **state)
{
    (void)state;
#define UB(a, b) fg_unwrap_units_between(a, strlen(a), b, strlen(b))
    assert_true(UB("牵头单位：省市场监管局 配合单位：省公安厅", "省商务厅 完成时限：2024年12月"));
    assert_true(UB("（市发展改革委、市财政局", "市自然资源局、市住房城乡建设局按职责分工负责）"));
    assert_false(UB("（省人力社", "保厅、省教育厅按职责分工负责）"));
    assert_false(UB("配合单位：县市场监督管理局、县公安局", "交通警察大队、各乡镇人民政府"));
    assert_false(UB("济源示范区、航空港区管委会，省人民政府", "各部门："));
    assert_false(UB("成员单位：区发展改革局、区财政局、区城管局、各街道办", "事处"));
    assert_false(UB("（县城", "市管理局负责）"));
#undef UB
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unwrap__joins_inside_words),
        cmocka_unit_test(test_unwrap__new_items_stay),
        cmocka_unit_test(test_unwrap__sentence_end),
        cmocka_unit_test(test_unwrap__hard_wrapped_text),
        cmocka_unit_test(test_unwrap__other_text_untouched),
        cmocka_unit_test(test_unwrap__paragraphs),
        cmocka_unit_test(test_unwrap__width_of_full_lines),
        cmocka_unit_test(test_unwrap__units_between),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

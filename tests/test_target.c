/*
 * Unit tests for src/target.c: quantitative targets in a task's text → subject, change,
 * bound, value and unit. Every expected value below was written by hand from the phrase.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fengong/error.h"
#include "fengong/target.h"
#include "test_util.h"

/*
 * The target fg_target_find() finds in s from from, as "subject change bound value[..hi] unit
 * @span"; every target of a phrase is joined by " | ", "" when none (fg_find_all).
 */
static bool find_one(char *out, size_t cap, const char *s, size_t from, size_t *off,
                     size_t *len)
{
    bool found = false;
    size_t used = 0;
    fg_target t;

    assert_int_equal(fg_target_find(&t, &found, s, strlen(s), from), FG_OK);
    if (!found)
        return false;
    assert_true(t.subject_len == 0 ||
                (t.subject_off >= t.off && t.subject_off + t.subject_len <= t.off + t.len));
    fg_addf(out, cap, &used, "%.*s %s %s %.15g", (int)t.subject_len, s + t.subject_off,
            fg_target_change_name(t.change), fg_target_bound_name(t.bound), t.value);
    if (t.bound == FG_BOUND_RANGE)
        fg_addf(out, cap, &used, "..%.15g", t.value_hi);
    fg_addf(out, cap, &used, " %s @%.*s", t.unit, (int)t.len, s + t.off);
    *off = t.off;
    *len = t.len;
    return true;
}

static const fg_phrase_case cases[] = {
    /* The forms of issue 18. */
    {"地区生产总值增长6.5%以上", "地区生产总值 increase ge 6.5 % @地区生产总值增长6.5%以上"},
    {"新增城镇就业70万人以上", "城镇就业 increase ge 700000 人 @新增城镇就业70万人以上"},
    {"单位GDP能耗下降3%", "单位GDP能耗 decrease eq 3 % @单位GDP能耗下降3%"},
    {"力争数字经济增长15%以上", "数字经济 increase ge 15 % @数字经济增长15%以上"},
    {"粮食产量不低于600亿斤", "粮食产量 level ge 60000000000 斤 @粮食产量不低于600亿斤"},
    {"城镇调查失业率控制在5.5%以内",
     "城镇调查失业率 level le 5.5 % @城镇调查失业率控制在5.5%以内"},
    {"常住人口城镇化率达到60%", "常住人口城镇化率 level eq 60 % @常住人口城镇化率达到60%"},
    {"全省进出口总额突破7000亿元",
     "全省进出口总额 level gt 700000000000 元 @全省进出口总额突破7000亿元"},
    {"研发经费投入超过1000亿元",
     "研发经费投入 level gt 100000000000 元 @研发经费投入超过1000亿元"},
    {"森林覆盖率提高到59.98%", "森林覆盖率 level eq 59.98 % @森林覆盖率提高到59.98%"},
    {"居民人均可支配收入增长5%—6%",
     "居民人均可支配收入 increase range 5..6 % @居民人均可支配收入增长5%—6%"},
    {"地区生产总值增长5%-6%", "地区生产总值 increase range 5..6 % @地区生产总值增长5%-6%"},
    {"服务业增加值占比提高5—6个百分点",
     "服务业增加值占比 increase range 5..6 个百分点 @服务业增加值占比提高5—6个百分点"},
    {"农村居民收入增长两成", "农村居民收入 increase eq 20 % @农村居民收入增长两成"},
    {"人才总量达到一万人", "人才总量 level eq 10000 人 @人才总量达到一万人"},
    {"引进外资增长三倍", "引进外资 increase eq 3 倍 @引进外资增长三倍"},
    {"居民消费价格涨幅3%左右", "居民消费价格涨幅 level about 3 % @居民消费价格涨幅3%左右"},
    {"全年接待国内外游客8000万人次，实现旅游总收入800亿元。",
     "旅游总收入 level eq 80000000000 元 @实现旅游总收入800亿元"},
    {"PM2.5浓度下降到35微克/立方米",
     "PM2.5浓度 level eq 35 微克/立方米 @PM2.5浓度下降到35微克/立方米"},
    {"5G基站达到1万个", "5G基站 level eq 10000 个 @5G基站达到1万个"},
    {"规模以上工业增加值同比增长8%",
     "规模以上工业增加值 increase eq 8 % @规模以上工业增加值同比增长8%"},
    {"创建省级乡村旅游重点村5个",
     "省级乡村旅游重点村 level eq 5 个 @创建省级乡村旅游重点村5个"},
    {"办理时限压缩至3个工作日以内",
     "办理时限 level le 3 个工作日 @办理时限压缩至3个工作日以内"},
    {"社会消费品零售总额增长约6%",
     "社会消费品零售总额 increase about 6 % @社会消费品零售总额增长约6%"},
    /* More of the genre. */
    {"到2025年，全省地区生产总值达到6万亿元。",
     "全省地区生产总值 level eq 6000000000000 元 @全省地区生产总值达到6万亿元"},
    {"固定资产投资增长8%左右", "固定资产投资 increase about 8 % @固定资产投资增长8%左右"},
    {"一般公共预算收入增长4.5%", "一般公共预算收入 increase eq 4.5 % @一般公共预算收入增长4.5%"},
    {"单位地区生产总值二氧化碳排放降低4.2%",
     "单位地区生产总值二氧化碳排放 decrease eq 4.2 % @单位地区生产总值二氧化碳排放降低4.2%"},
    {"万元工业增加值用水量下降6%",
     "万元工业增加值用水量 decrease eq 6 % @万元工业增加值用水量下降6%"},
    {"研发经费投入强度提高0.1个百分点",
     "研发经费投入强度 increase eq 0.1 个百分点 @研发经费投入强度提高0.1个百分点"},
    {"地级城市空气质量优良天数比率达到90%以上",
     "地级城市空气质量优良天数比率 level ge 90 % @地级城市空气质量优良天数比率达到90%以上"},
    {"新增高新技术企业1000家", "高新技术企业 increase eq 1000 家 @新增高新技术企业1000家"},
    {"新建5G基站2万个", "5G基站 increase eq 20000 个 @新建5G基站2万个"},
    {"累计培训农民工50万人次", "培训农民工 level eq 500000 人次 @累计培训农民工50万人次"},
    {"完成造林面积100万亩", "造林面积 level eq 1000000 亩 @完成造林面积100万亩"},
    {"高速公路通车里程突破8000公里",
     "高速公路通车里程 level gt 8000 公里 @高速公路通车里程突破8000公里"},
    {"城镇新增就业不少于12万人", "城镇新增就业 level ge 120000 人 @城镇新增就业不少于12万人"},
    {"居民消费价格涨幅控制在3%左右",
     "居民消费价格涨幅 level about 3 % @居民消费价格涨幅控制在3%左右"},
    {"化肥使用量减少5%", "化肥使用量 decrease eq 5 % @化肥使用量减少5%"},
    {"企业开办时间压缩至1个工作日",
     "企业开办时间 level eq 1 个工作日 @企业开办时间压缩至1个工作日"},
    {"外贸进出口总额增长10%，实际使用外资增长5%",
     "外贸进出口总额 increase eq 10 % @外贸进出口总额增长10% | "
     "实际使用外资 increase eq 5 % @实际使用外资增长5%"},
    {"粮食总产量稳定在600亿斤以上",
     "粮食总产量 level ge 60000000000 斤 @粮食总产量稳定在600亿斤以上"},
    {"数字经济核心产业增加值占地区生产总值比重达到10%",
     "数字经济核心产业增加值占地区生产总值比重 level eq 10 % "
     "@数字经济核心产业增加值占地区生产总值比重达到10%"},
    {"全社会研发投入年均增长12%", "全社会研发投入 increase eq 12 % @全社会研发投入年均增长12%"},
    {"社会消费品零售总额增长８％", "社会消费品零售总额 increase eq 8 % @社会消费品零售总额增长８％"},
    {"城乡居民收入增长6.5%—7%", "城乡居民收入 increase range 6.5..7 % @城乡居民收入增长6.5%—7%"},
    {"全年旅游接待人次增长5%至8%", "旅游接待人次 increase range 5..8 % @旅游接待人次增长5%至8%"},
    {"完成投资300—500万元", "投资 level range 3000000..5000000 元 @完成投资300—500万元"},
    {"农村自来水普及率达到90%", "农村自来水普及率 level eq 90 % @农村自来水普及率达到90%"},
    {"人均预期寿命提高到78.5岁", "人均预期寿命 level eq 78.5 岁 @人均预期寿命提高到78.5岁"},
    {"劳动年龄人口平均受教育年限达到11.3年",
     "劳动年龄人口平均受教育年限 level eq 11.3 年 @劳动年龄人口平均受教育年限达到11.3年"},
    {"清洁能源装机达到3000万千瓦",
     "清洁能源装机 level eq 30000000 千瓦 @清洁能源装机达到3000万千瓦"},
    {"港口集装箱吞吐量达到100万标箱",
     "港口集装箱吞吐量 level eq 1000000 标准箱 @港口集装箱吞吐量达到100万标箱"},
    {"亏损企业数量减少三成", "亏损企业数量 decrease eq 30 % @亏损企业数量减少三成"},
    {"粮食产量600亿斤以上", "粮食产量 level ge 60000000000 斤 @粮食产量600亿斤以上"},
    {"确保全省规模工业增加值增长7%",
     "全省规模工业增加值 increase eq 7 % @全省规模工业增加值增长7%"},
    {"市场主体数量增加到1,000家", "市场主体数量 level eq 1000 家 @市场主体数量增加到1,000家"},
    {"污水处理率不低于95%", "污水处理率 level ge 95 % @污水处理率不低于95%"},
    {"单位GDP建设用地使用面积下降20%",
     "单位GDP建设用地使用面积 decrease eq 20 % @单位GDP建设用地使用面积下降20%"},
    {"养老机构护理型床位占比不低于55%",
     "养老机构护理型床位占比 level ge 55 % @养老机构护理型床位占比不低于55%"},
    {"（一）增长6.5%以上", " increase ge 6.5 % @增长6.5%以上"},
    {"农业科技贡献率提高到 63%以上", "农业科技贡献率 level ge 63 % @农业科技贡献率提高到 63%以上"},
    /* What is counted follows the number when the subject is none or only a verb. */
    {"净增1000家以上规模工业企业",
     "规模工业企业 increase ge 1000 家 @净增1000家以上规模工业企业"},
    {"取得5项以上标志性成果。", "标志性成果 level ge 5 项 @5项以上标志性成果"},
    {"形成一支800人左右的专业队伍", "专业队伍 level about 800 人 @800人左右的专业队伍"},
    {"支持龙头企业搭建20个左右公共服务平台",
     "公共服务平台 level about 20 个 @20个左右公共服务平台"},
    {"培育20家以上年营收超百亿的企业",
     "年营收超百亿的企业 level ge 20 家 @20家以上年营收超百亿的企业"},
    {"新增70万个就业岗位", "就业岗位 increase eq 700000 个 @新增70万个就业岗位"},
    /* A verb before a longer subject is not part of it; a verb with no noun is no subject. */
    {"突破关键核心技术100项以上", "关键核心技术 level ge 100 项 @关键核心技术100项以上"},
    {"力争取得 5 项以上。", " level ge 5 项 @5 项以上"},
    /* A base year alone is no subject, also spaced as PDF text gives it. */
    {"比 2015 年增长 30%", " increase eq 30 % @增长 30%"},
    {"较2020年底增加5个百分点", " increase eq 5 个百分点 @增加5个百分点"},
    {"二○二○年地区生产总值突破1.2万亿元",
     "地区生产总值 level gt 1200000000000 元 @地区生产总值突破1.2万亿元"},
    {"力争新能源产业营收增长 10% 左右",
     "新能源产业营收 increase about 10 % @新能源产业营收增长 10% 左右"},
    {"力争每年高新技术企业数量增长 10%以上",
     "高新技术企业数量 increase ge 10 % @高新技术企业数量增长 10%以上"},
    {"政务服务一网通办率力争达90%以上",
     "政务服务一网通办率 level ge 90 % @政务服务一网通办率力争达90%以上"},
    /* What is no target. */
    {"帮助2.5万人实现就业", ""},
    {"湘政发〔2022〕1号", ""},
    {"到2025年，基本实现现代化。", ""},
    {"第三，加强组织领导。", ""},
    {"1．推进项目建设。", ""},
    {"（3）完善工作机制", ""},
    {"一是加强统筹，二是强化调度。", ""},
    {"全省共有2.5万人参加培训。", ""},
    {"实施“十四五”规划", ""},
    {"2022年1月19日", ""},
    {"PM2.5", ""},
    {"发展5G应用", ""},
    {"省政府第3次常务会议审议通过", ""},
    {"建设3A级旅游景区", ""},
    {"增长", ""},
    {"每千人口拥有3岁以下婴幼儿托位4.5个", ""},
    {"继续减少一次性塑料制品使用", ""},
    {"", ""},
};

static void test_target__invalid_arguments(void **state)
{
    fg_target t;
    bool found;

    (void)state;
    assert_int_equal(fg_target_find(NULL, &found, "x", 1, 0), FG_EINVAL);
    assert_string_equal(fg_error_last()->message,
                        "fg_target_find: out and found must not be NULL");
    assert_int_equal(fg_target_find(&t, &found, NULL, 4, 0), FG_EINVAL);
    assert_string_equal(fg_error_last()->message, "fg_target_find: text must not be NULL");
    assert_int_equal(fg_target_find(&t, &found, NULL, 0, 0), FG_OK);
    assert_false(found);
}

static void test_target__hostile_bytes(void **state)
{
    /* Cut UTF-8 and stray bytes around a target: nothing is read past len. */
    static const char bad[] = "\x80增长6.5\xe4\xb8%\xff\xe5\xa2\x9e\xe9\x95\xbf" "9";
    fg_target t;
    bool found;

    (void)state;
    for (size_t len = 0; len <= sizeof bad - 1; len++) {
        size_t from = 0;

        for (int k = 0; k < 8; k++) {
            assert_int_equal(fg_target_find(&t, &found, bad, len, from), FG_OK);
            if (!found)
                break;
            assert_true(t.off + t.len <= len);
            from = t.off + t.len;
        }
    }
}

static void test_target__names(void **state)
{
    (void)state;
    FG_ASSERT_NAMES(fg_target_change_name, fg_target_change, FG_CHANGE_LEVEL,
                    FG_CHANGE_DECREASE, "level|increase|decrease");
    FG_ASSERT_NAMES(fg_target_bound_name, fg_target_bound, FG_BOUND_EQ, FG_BOUND_RANGE,
                    "eq|ge|gt|le|lt|about|range");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FG_FIND_TEST(test_target__phrases, "find", find_one, cases),
        cmocka_unit_test(test_target__invalid_arguments),
        cmocka_unit_test(test_target__hostile_bytes),
        cmocka_unit_test(test_target__names),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

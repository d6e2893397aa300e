/*
 * Quantitative targets: 地区生产总值增长6.5%以上 → subject 地区生产总值, an increase of at least
 * 6.5 %. A target is found from its number: a value (ASCII, full-width or Chinese digits,
 * multiplied by 万 亿 千), a unit from a fixed list, an optional range and bound word, and a
 * comparison, a verb right before the number or a bound word after it or a leading verb
 * (新增…70万人). A number without one of them is prose, not a target: this is what keeps
 * 2.5万人, years, ordinals, list numbers and 文号 out. Input is valid UTF-8; nothing is read
 * past len.
 */
#include "fengong/target.h"

#include <string.h>

#include "chars.h"
#include "error.h"
#include "names.h"
#include "str.h"

#define AT FG_AT

/* Whether s[0..i) ends with lit. */
static bool ends_lit(const char *s, size_t i, const char *lit, size_t n)
{
    return i >= n && s[i - 1] == lit[n - 1] && memcmp(s + i - n, lit, n) == 0;
}

/* 十 百 千 as a Chinese unit of a number: 10, 100, 1000; else 0. */
static int cn_small_unit(int32_t c)
{
    return c == 0x5341 ? 10 : c == 0x767E ? 100 : c == 0x5343 ? 1000 : 0;
}

/* A number read at s[i]: mantissa / 10^decimals, before any 万/亿. */
typedef struct num {
    double value;
    size_t end;
    bool chinese;
    bool has_mult;
} num;

/* Units that follow 千 and make it no multiplier (千瓦, 千米, 千克). */
static bool kilo_unit_after(const char *s, size_t len, size_t i)
{
    return AT(s, len, i, "瓦") || AT(s, len, i, "米") || AT(s, len, i, "克") ||
           AT(s, len, i, "伏") || AT(s, len, i, "帕") || AT(s, len, i, "卡") ||
           AT(s, len, i, "公顷");
}

/* 万亿 千万 百万 亿 万 千 at s[i]: the factor and *n its length; 1 when none. */
static double multiplier_at(const char *s, size_t len, size_t i, size_t *n)
{
    *n = 0;
    if (AT(s, len, i, "万亿")) {
        *n = 6;
        return 1e12;
    }
    if (AT(s, len, i, "千万")) {
        *n = 6;
        return 1e7;
    }
    if (AT(s, len, i, "百万")) {
        *n = 6;
        return 1e6;
    }
    if (AT(s, len, i, "亿")) {
        *n = 3;
        return 1e8;
    }
    if (AT(s, len, i, "万")) {
        *n = 3;
        return 1e4;
    }
    if (AT(s, len, i, "千") && !kilo_unit_after(s, len, i + 3)) {
        *n = 3;
        return 1e3;
    }
    return 1;
}

/* Arabic digits (ASCII or full-width) with an optional decimal part at s[i]. */
static bool arabic_at(const char *s, size_t len, size_t i, num *out)
{
    double mant = 0;
    double scale = 1;
    size_t j = i;
    size_t n;
    int d;
    bool any = false;

    while ((d = fg_digit_value(fg_cp_at(s, len, j, &n))) >= 0) {
        mant = mant * 10 + d;
        j += n;
        any = true;
        /* 1,000: an ASCII comma before exactly three digits groups thousands. */
        if (j < len && s[j] == ',' && fg_digit_value(fg_cp_at(s, len, j + 1, &n)) >= 0 &&
            fg_digit_value(fg_cp_at(s, len, j + 2, &n)) >= 0 &&
            fg_digit_value(fg_cp_at(s, len, j + 3, &n)) >= 0 &&
            fg_digit_value(fg_cp_at(s, len, j + 4, &n)) < 0)
            j++;
    }
    if (!any)
        return false;
    if ((j < len && s[j] == '.') || AT(s, len, j, "．")) {
        size_t k = j + (s[j] == '.' ? 1 : 3);

        if (fg_digit_value(fg_cp_at(s, len, k, &n)) >= 0) {
            j = k;
            while ((d = fg_digit_value(fg_cp_at(s, len, j, &n))) >= 0) {
                mant = mant * 10 + d;
                scale *= 10;
                j += n;
            }
        }
    }
    out->value = mant / scale;
    out->end = j;
    out->chinese = false;
    out->has_mult = false;
    return true;
}

/* A Chinese number at s[i] (一万, 两, 三千五百, 十二), 万 and 亿 included; at most 12 characters. */
static bool chinese_at(const char *s, size_t len, size_t i, num *out)
{
    double total = 0;
    double section = 0;
    double digit = 0;
    size_t j = i;
    size_t n;
    bool any = false;
    bool mult = false;

    for (int k = 0; k < 12; k++) {
        int32_t c = fg_cp_at(s, len, j, &n);
        int d = fg_cn_digit_value(c);
        int u = cn_small_unit(c);

        if (d >= 0) {
            digit = d;
        } else if (u > 0) {
            if (u == 1000 && kilo_unit_after(s, len, j + n))
                break;
            section += (digit == 0 ? 1 : digit) * u;
            digit = 0;
        } else if (c == 0x4E07 /* 万 */ || c == 0x4EBF /* 亿 */) {
            if (!any)
                break;
            section = (section + digit) * (c == 0x4E07 ? 1e4 : 1e8);
            total += section;
            section = 0;
            digit = 0;
            mult = true;
        } else {
            break;
        }
        any = true;
        j += n;
    }
    if (!any)
        return false;
    out->value = total + section + digit;
    out->end = j;
    out->chinese = true;
    out->has_mult = mult;
    return true;
}

typedef struct unit_def {
    const char *w;
    size_t n;
    const char *out;  /* the unit recorded */
    double factor;    /* 成 → ×10 % */
} unit_def;

#define U(w, o, f) {w, sizeof(w) - 1, o, f}

/* Units, longest first where one starts another. */
static const unit_def units[] = {
    U("个百分点", "个百分点", 1), U("百分点", "个百分点", 1), U("%", "%", 1), U("％", "%", 1),
    U("‰", "‰", 1), U("倍", "倍", 1), U("成", "%", 10),
    U("微克/立方米", "微克/立方米", 1), U("吨标准煤", "吨标准煤", 1), U("标准煤", "吨标准煤", 1),
    U("千瓦时", "千瓦时", 1), U("千瓦", "千瓦", 1), U("兆瓦", "兆瓦", 1), U("千米", "千米", 1),
    U("千克", "千克", 1), U("平方公里", "平方公里", 1), U("平方米", "平方米", 1),
    U("立方米", "立方米", 1), U("公里", "公里", 1), U("公顷", "公顷", 1), U("公斤", "公斤", 1),
    U("人次", "人次", 1), U("人", "人", 1), U("户", "户", 1), U("家", "家", 1),
    U("个工作日", "个工作日", 1), U("工作日", "个工作日", 1), U("个", "个", 1), U("项", "项", 1),
    U("所", "所", 1), U("座", "座", 1), U("美元", "美元", 1), U("元", "元", 1),
    U("吨", "吨", 1), U("亩", "亩", 1), U("米", "米", 1), U("辆", "辆", 1), U("台", "台", 1),
    U("套", "套", 1), U("张", "张", 1), U("床", "床", 1), U("间", "间", 1), U("件", "件", 1),
    U("条", "条", 1), U("次", "次", 1), U("天", "天", 1), U("小时", "小时", 1),
    U("分钟", "分钟", 1), U("岁", "岁", 1), U("年", "年", 1), U("标准箱", "标准箱", 1),
    U("标箱", "标准箱", 1), U("艘", "艘", 1), U("架次", "架次", 1), U("名", "名", 1),
    U("位", "位", 1), U("头", "头", 1), U("株", "株", 1), U("处", "处", 1), U("所", "所", 1),
    U("斤", "斤", 1), U("kW", "kW", 1), U("GW", "GW", 1), U("MW", "MW", 1),
};

static const unit_def *unit_at(const char *s, size_t len, size_t i)
{
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (fg_at_lit(s, len, i, units[k].w, units[k].n))
            return &units[k];
    return NULL;
}

typedef struct verb {
    const char *w;
    size_t n;
    fg_target_change change;
    fg_target_bound bound;
} verb;

#define V(w, c, b) {w, sizeof(w) - 1, c, b}
/* The verbs of a level (达到), of a bound (不低于), of a rise (增长) and of a fall (下降). */
#define LEVEL(w) V(w, FG_CHANGE_LEVEL, FG_BOUND_EQ)
#define BOUND(w, b) V(w, FG_CHANGE_LEVEL, b)
#define UP(w) V(w, FG_CHANGE_INCREASE, FG_BOUND_EQ)
#define DOWN(w) V(w, FG_CHANGE_DECREASE, FG_BOUND_EQ)
/* A verb of a level in its two forms, 提高到 and 提高至. */
#define TO(w) LEVEL(w "到"), LEVEL(w "至")

/* Verbs right before a number, longest first where one ends another. */
static const verb verbs[] = {
    TO("提高"), TO("提升"), TO("增加"), TO("增长"), TO("扩大"), TO("上升"), TO("降低"),
    TO("下降"), TO("减少"), TO("压减"), TO("压缩"), TO("缩短"), TO("降"),
    LEVEL("控制在"), LEVEL("保持在"), LEVEL("稳定在"), LEVEL("维持在"),
    BOUND("不低于", FG_BOUND_GE), BOUND("不少于", FG_BOUND_GE),
    BOUND("不超过", FG_BOUND_LE), BOUND("不高于", FG_BOUND_LE), BOUND("不多于", FG_BOUND_LE),
    BOUND("超过", FG_BOUND_GT), BOUND("突破", FG_BOUND_GT), BOUND("高于", FG_BOUND_GT),
    BOUND("大于", FG_BOUND_GT), BOUND("多于", FG_BOUND_GT),
    BOUND("低于", FG_BOUND_LT), BOUND("小于", FG_BOUND_LT), BOUND("少于", FG_BOUND_LT),
    LEVEL("达到"),
    UP("增长"), UP("增加"), UP("提高"), UP("提升"), UP("上升"), UP("扩大"),
    DOWN("下降"), DOWN("降低"), DOWN("减少"), DOWN("压减"), DOWN("压降"), DOWN("削减"),
    DOWN("缩减"), DOWN("压缩"), DOWN("缩短"),
    UP("净增"), UP("新增"), LEVEL("达"),
};

/* Verbs at the start of a phrase, with the subject between them and the number. */
static const verb lead_verbs[] = {
    UP("新增"), UP("新建"), UP("新开工"), UP("新培育"),
    LEVEL("累计"), LEVEL("完成"), LEVEL("实现"), LEVEL("建成"), LEVEL("培育"), LEVEL("创建"),
    LEVEL("引进"),
};

/* Words that only introduce a subject: dropped from its start (repeatedly). */
static const fg_lit intro_words[] = {
    FG_LIT("力争"), FG_LIT("确保"), FG_LIT("争取"), FG_LIT("努力"), FG_LIT("全年"),
    FG_LIT("预计"), FG_LIT("其中"), FG_LIT("推动"), FG_LIT("促进"), FG_LIT("实现"),
    FG_LIT("使"),   FG_LIT("并"),   FG_LIT("且"),   FG_LIT("到"),   FG_LIT("至"),
    FG_LIT("年底"), FG_LIT("年末"), FG_LIT("年内"), FG_LIT("底"),   FG_LIT("末"),
    FG_LIT("前"),   FG_LIT("每年"),
};

/* Words that qualify the verb, written right before it: 同比, 年均, 比上年 … */
static const fg_lit cut_words[] = {
    FG_LIT("同比"), FG_LIT("年均"), FG_LIT("平均"), FG_LIT("比上年"), FG_LIT("较上年"),
    FG_LIT("比去年"), FG_LIT("较去年"), FG_LIT("分别"), FG_LIT("力争"), FG_LIT("确保"),
    FG_LIT("争取"), FG_LIT("基本"), FG_LIT("继续"),
};

/* A base year before the verb: 比2020年, 较2020年底 (and 比 2015 年 in PDF-spaced text). */
static const fg_lit base_words[] = {
    FG_LIT("比20"), FG_LIT("较20"), FG_LIT("比19"), FG_LIT("较19"),
    FG_LIT("比 20"), FG_LIT("较 20"), FG_LIT("比 19"), FG_LIT("较 19"),
};

/*
 * Verbs whose object is what the number counts: when the subject is only such a verb
 * (取得5项以上成果, 支持龙头企业搭建20个左右平台, 形成一支800人左右的队伍) the counted noun
 * follows the number; at the start of a longer subject (突破关键核心技术100项) the verb is
 * dropped.
 */
static const fg_lit object_verbs[] = {
    FG_LIT("搭建"), FG_LIT("形成"), FG_LIT("取得"), FG_LIT("打造"), FG_LIT("组建"),
    FG_LIT("设立"), FG_LIT("建立"), FG_LIT("建设"), FG_LIT("培养"), FG_LIT("认定"), FG_LIT("突破"),
    FG_LIT("攻克"), FG_LIT("推出"), FG_LIT("招引"), FG_LIT("吸引"), FG_LIT("带动"),
};

/* Measure words between such a verb and the number's noun: 形成一支, 打造一批. */
static const fg_lit verb_measures[] = {
    FG_LIT("一支"), FG_LIT("一批"), FG_LIT("一个"), FG_LIT("一套"),
};

/* Whether c ends a phrase for the subject: fg_phrase_edge() with quotes, 《 》 and the tab. */
static bool subject_edge(int32_t c)
{
    return fg_phrase_edge(c) || c == 0x201C /* “ */ || c == 0x201D /* ” */ ||
           c == 0x300A /* 《 */ || c == 0x300B /* 》 */ || c == '\t';
}

/* subject_edge() on the character that ends at s[k] (k > 0): every edge is 1 or 3 bytes. */
static bool edge_before(const char *s, size_t k)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n;

    if (u[k - 1] < 0x80)
        return subject_edge(u[k - 1]);
    if (k < 3 || (u[k - 3] & 0xF0) != 0xE0)
        return false;
    return subject_edge(fg_utf8_decode(s + k - 3, 3, &n));
}

/*
 * Where the phrase holding s[i] starts: after the last subject_edge() before i, at most
 * 60 characters back.
 */
static size_t phrase_start(const char *s, size_t i, size_t floor)
{
    size_t k = i;

    for (int steps = 0; k > floor && steps < 60; steps++) {
        if (edge_before(s, k))
            return k;
        k = fg_cp_start_before(s, k);
    }
    return k;
}

/* A year word at s[a..b) start: 2025年 or 到2025年(底): its length, or 0. */
static size_t year_prefix(const char *s, size_t a, size_t b)
{
    size_t j = a;
    size_t n;
    int digits = 0;

    if (fg_at_lit(s, b, j, "到", 3) || fg_at_lit(s, b, j, "至", 3))
        j += 3;
    while (j < b && s[j] == ' ')
        j++;
    while (digits < 4) {
        int32_t c = fg_cp_at(s, b, j, &n);

        /* 2025, ２０２５, 二〇二五, 二○二五 (a white circle for the zero) */
        if (fg_digit_value(c) < 0 && fg_cn_digit_value(c) < 0 && c != 0x25CB)
            break;
        j += n;
        digits++;
    }
    while (j < b && s[j] == ' ')
        j++;
    if (digits != 4 || !fg_at_lit(s, b, j, "年", 3))
        return 0;
    return j + 3 - a;
}

/* The length of the object verb (and measure word) that s[a .. b) ends with, or 0. */
static size_t object_verb_tail(const char *s, size_t a, size_t b)
{
    size_t m = 0;

    for (size_t k = 0; k < sizeof verb_measures / sizeof verb_measures[0]; k++)
        if (b - a >= verb_measures[k].n && ends_lit(s, b, verb_measures[k].s, verb_measures[k].n))
            m = verb_measures[k].n;
    for (size_t k = 0; k < sizeof object_verbs / sizeof object_verbs[0]; k++)
        if (b - a >= m + object_verbs[k].n &&
            ends_lit(s, b - m, object_verbs[k].s, object_verbs[k].n))
            return m + object_verbs[k].n;
    /* A leading verb with nothing between it and the number: 培育20家以上…企业. */
    for (size_t k = 0; k < sizeof lead_verbs / sizeof lead_verbs[0]; k++)
        if (b - a == m + lead_verbs[k].n && ends_lit(s, b - m, lead_verbs[k].w, lead_verbs[k].n))
            return m + lead_verbs[k].n;
    return 0;
}

/*
 * The noun phrase right after a target's number (净增1000家以上规模工业企业): from e, up to
 * the next phrase edge, a digit, a conjunction (和, 及) or 16 characters, without a leading
 * 的; its end, or e when there is none of at least two CJK characters.
 */
static size_t noun_after(const char *s, size_t len, size_t e)
{
    size_t j = e, n;
    int chars = 0;

    if (fg_at_lit(s, len, j, "的", 3))
        j += 3;
    while (j < len && chars < 16) {
        int32_t c = fg_cp_at(s, len, j, &n);

        if (c < 0x3400 || subject_edge(c) || fg_digit_value(c) >= 0 || c == 0xFF05 /* ％ */ ||
            c == 0x548C /* 和 */ || c == 0x53CA /* 及 */)
            break;
        j += n;
        chars++;
    }
    return chars >= 2 ? j : e;
}

/* Trim the subject s[*a .. *b): intro words and a year before it, qualifiers after it. */
static void trim_subject(const char *s, size_t *a, size_t *b)
{
    for (bool again = true; again && *a < *b;) {
        size_t y;

        while (*a < *b && s[*a] == ' ')
            (*a)++;
        y = year_prefix(s, *a, *b);
        again = false;
        if (y > 0) {
            *a += y;
            again = true;
            continue;
        }
        for (size_t k = 0; k < sizeof intro_words / sizeof intro_words[0]; k++) {
            if (fg_at_lit(s, *b, *a, intro_words[k].s, intro_words[k].n)) {
                *a += intro_words[k].n;
                again = true;
                break;
            }
        }
    }
    /* 同比, 年均, 比上年 right before the verb; 比2020年(底) there too. */
    for (bool again = true; again;) {
        again = false;
        for (size_t k = 0; k < sizeof cut_words / sizeof cut_words[0]; k++) {
            if (*b - *a >= cut_words[k].n && ends_lit(s, *b, cut_words[k].s, cut_words[k].n)) {
                *b -= cut_words[k].n;
                again = true;
            }
        }
        for (size_t k = 0; k < sizeof base_words / sizeof base_words[0]; k++) {
            size_t at = fg_sv_find_n(fg_sv(s + *a, *b - *a), base_words[k].s, base_words[k].n);

            /* at 0: the base is all there is (比 2015 年增长 30%): no subject */
            if (at != SIZE_MAX && *b - (*a + at) <= 8 * 3 + 4 &&
                (ends_lit(s, *b, "年", 3) || ends_lit(s, *b, "年底", 6) ||
                 ends_lit(s, *b, "年末", 6))) {
                *b = *a + at;
                again = true;
            }
        }
    }
    while (*b > *a && s[*b - 1] == ' ')
        (*b)--;
    /* At most 24 characters: the last ones, nearest the verb. */
    {
        size_t k = *b;

        for (int cps = 0; k > *a && cps < 24; cps++)
            k = fg_cp_start_before(s, k);
        *a = k;
    }
}

/* A value: number, multiplier, unit. */
typedef struct value {
    double v;
    double mult;
    const unit_def *unit;
    size_t end;
    bool chinese;
} value;

static bool value_at(const char *s, size_t len, size_t i, bool allow_chinese, value *out)
{
    num n;
    size_t m;

    if (!arabic_at(s, len, i, &n) && !(allow_chinese && chinese_at(s, len, i, &n)))
        return false;
    out->v = n.value;
    out->mult = 1;
    out->chinese = n.chinese;
    out->end = n.end;
    while (!n.chinese && out->end < len && s[out->end] == ' ')
        out->end++;
    if (!n.has_mult) {
        out->mult = multiplier_at(s, len, n.end, &m);
        out->end += m;
    }
    out->unit = unit_at(s, len, out->end);
    if (out->unit != NULL)
        out->end += out->unit->n;
    return true;
}

/* The bound word at s[i] (以上, 以内, 以下, 之内, 左右, 上下); its length in *n. */
static bool bound_word_at(const char *s, size_t len, size_t i, fg_target_bound *b, size_t *n)
{
    *n = 6;
    if (AT(s, len, i, "以上")) {
        *b = FG_BOUND_GE;
        return true;
    }
    if (AT(s, len, i, "以内") || AT(s, len, i, "以下") || AT(s, len, i, "之内")) {
        *b = FG_BOUND_LE;
        return true;
    }
    if (AT(s, len, i, "左右") || AT(s, len, i, "上下")) {
        *b = FG_BOUND_ABOUT;
        return true;
    }
    *n = 0;
    return false;
}

/* The verb of verbs[] that ends at s[i], not before floor; NULL when none. */
static const verb *verb_before(const char *s, size_t i, size_t floor)
{
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        if (i - floor >= verbs[k].n && ends_lit(s, i, verbs[k].w, verbs[k].n))
            return &verbs[k];
    return NULL;
}

/* The last characters of the verbs of verbs[], and 约 近 超 that may stand before a number. */
static fg_cjkset verb_lasts_set;

static void verb_lasts_init(void)
{
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        fg_cjkset_add(&verb_lasts_set, verbs[k].w + verbs[k].n - 3, 3);
    fg_cjkset_add(&verb_lasts_set, "约近超", strlen("约近超"));
}

/* Whether the 3 bytes at p are a character of verb_lasts_set (set up once for all threads). */
static bool verb_last3(const unsigned char *p)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, verb_lasts_init);
    return fg_cjkset_has(&verb_lasts_set, (const char *)p);
}

/*
 * Whether a number that may be a target starts at text[i]: an ASCII or full-width digit, or
 * a Chinese numeral right after a verb (Chinese numerals count only there). Byte tests: the
 * search runs over every item's text.
 */
static bool number_start_at(const char *text, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)text + i;
    int digit = fg_digit_start_at(text, len, i);

    if (digit >= 0)
        return digit;
    return i >= 3 && fg_cn_numeral3(fg_char3(u)) && verb_last3(u - 3);
}

/*
 * Try the number at s[i]: fills out and returns true when it is a target. *skip receives
 * where to go on when it is not (past the number).
 */
static bool target_at(fg_target *out, const char *s, size_t len, size_t i, size_t floor,
                      size_t *skip)
{
    int32_t prev = fg_cp_before(s, i);
    int32_t c;
    size_t n;
    size_t vstart;
    const verb *vb = NULL;
    const verb *lead = NULL;
    size_t lead_at = 0;
    size_t subj_a;
    size_t subj_b;
    bool subj_after; /* the subject follows the number (净增1000家以上规模工业企业) */
    value lo;
    value hi;
    bool has_hi = false;
    bool about = false;
    bool over = false;
    fg_target_bound bound;
    size_t end;
    size_t bn;
    fg_target_bound bw = FG_BOUND_EQ;
    bool has_bw;

    c = fg_cp_at(s, len, i, &n);
    *skip = i + n;
    /* Part of a number, of a Latin word (PM2.5, 5G), a 文号 (〔2022〕) or an ordinal (第三). */
    if (fg_digit_value(prev) >= 0 || fg_cn_digit_value(prev) >= 0 || prev == 0x5341 ||
        (prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z') || prev == '.' ||
        prev == 0xFF0E || prev == 0x3014 /* 〔 */ || prev == 0x7B2C /* 第 */ ||
        prev == '[' || prev == 0xFF3B)
        return false;
    /* The value first: most numbers in prose have no unit of the list and end here. */
    if (!value_at(s, len, i, (unsigned char)s[i] >= 0xE3 && (unsigned char)s[i] != 0xEF, &lo))
        return false;
    *skip = lo.end > i ? lo.end : i + n;
    if (lo.unit == NULL && fg_range_sep(s, len, lo.end) == 0)
        return false;
    end = lo.end;
    /* A range: 5%—6%, 5—6个百分点, 300—500万元. */
    {
        size_t sep = fg_range_sep(s, len, end);

        if (sep > 0 && value_at(s, len, end + sep, lo.chinese, &hi) &&
            (hi.unit != NULL || lo.unit != NULL)) {
            has_hi = true;
            if (lo.unit == NULL)
                lo.unit = hi.unit;
            if (hi.unit == NULL)
                hi.unit = lo.unit;
            if (lo.mult == 1 && hi.mult != 1 && lo.unit == hi.unit)
                lo.mult = hi.mult;
            end = hi.end;
        }
    }
    if (lo.unit == NULL)
        return false;
    /* The verb, with 约 近 超 (and blanks, as PDF text has them) between it and the number. */
    vstart = i;
    while (vstart > floor && s[vstart - 1] == ' ')
        vstart--;
    if (ends_lit(s, i, "约", 3) || ends_lit(s, i, "近", 3)) {
        about = true;
        vstart = i - 3;
    } else if (ends_lit(s, i, "超", 3) && !ends_lit(s, i, "超过", 6)) {
        over = true;
        vstart = i - 3;
    }
    if (vstart >= floor + 3 && verb_last3((const unsigned char *)s + vstart - 3))
        vb = verb_before(s, vstart, floor);
    if (vb == NULL) {
        if (lo.chinese)
            return false;
        about = false;
        over = false;
        vstart = i;
        while (vstart > floor && s[vstart - 1] == ' ')
            vstart--;
    }
    /* 一次性, 两个: a Chinese number is an amount only as a share, a factor or with 万/亿. */
    if (lo.chinese && lo.mult == 1 && lo.unit->factor == 1 && strcmp(lo.unit->out, "%") != 0 &&
        strcmp(lo.unit->out, "倍") != 0 && strcmp(lo.unit->out, "个百分点") != 0 && lo.v < 10)
        return false;
    /* A year (2025年) or a plan (十四五) is no amount. */
    if (strcmp(lo.unit->out, "年") == 0 && lo.mult == 1 && lo.v >= 1000 && lo.v <= 2100)
        return false;
    /* 3A级, 5G: a Latin letter after the number makes it a name. */
    c = fg_cp_at(s, len, end, &n);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return false;
    {
        size_t e = end;

        while (e < len && s[e] == ' ')
            e++;
        has_bw = bound_word_at(s, len, e, &bw, &bn);
        if (has_bw)
            end = e + bn;
    }
    /* A leading verb (新增城镇就业70万人) when no verb stands right before the number. */
    subj_b = vb != NULL ? vstart - vb->n : i;
    subj_a = phrase_start(s, subj_b, floor);
    if (vb == NULL) {
        size_t a = subj_a;

        for (bool again = true; again;) {
            again = false;
            for (size_t k = 0; k < sizeof intro_words / sizeof intro_words[0]; k++) {
                /* 实现 (intro_words[9]) is a leading verb here: 实现旅游总收入800亿元. */
                if (k != 9 && fg_at_lit(s, subj_b, a, intro_words[k].s, intro_words[k].n)) {
                    a += intro_words[k].n;
                    again = true;
                    break;
                }
            }
        }
        for (size_t k = 0; k < sizeof lead_verbs / sizeof lead_verbs[0]; k++) {
            if (fg_at_lit(s, subj_b, a, lead_verbs[k].w, lead_verbs[k].n) &&
                subj_b > a + lead_verbs[k].n) {
                lead = &lead_verbs[k];
                lead_at = a;
                subj_a = a + lead->n;
                break;
            }
        }
        if (lead == NULL && !has_bw)
            return false;
        /* 3岁以下, 65岁以上: an age group, not a target, unless a verb sets it. */
        if (strcmp(lo.unit->out, "岁") == 0)
            return false;
        if (lo.chinese)
            return false;
    }
    trim_subject(s, &subj_a, &subj_b);
    subj_after = false;
    /* What is counted follows the number when the subject is none or only a verb taking it
     * as object; a verb at the start of a longer subject is not part of it. */
    {
        size_t vt = subj_b > subj_a ? object_verb_tail(s, subj_a, subj_b) : 0;

        /* 和 / 及 alone: the second of two counts (…学校和90个以上专业群) */
        if (subj_b - subj_a == 3 &&
            (fg_at_lit(s, subj_b, subj_a, "和", 3) || fg_at_lit(s, subj_b, subj_a, "及", 3)))
            subj_b = subj_a;
        if (subj_b <= subj_a || vt > 0) {
            size_t ne = noun_after(s, len, end);

            if (ne > end) {
                subj_a = fg_at_lit(s, len, end, "的", 3) ? end + 3 : end;
                subj_b = ne;
                end = ne;
                subj_after = true;
            } else {
                subj_b -= vt; /* no noun follows: at least not the verb */
            }
        } else {
            for (size_t k = 0; k < sizeof object_verbs / sizeof object_verbs[0]; k++) {
                if (subj_b - subj_a > object_verbs[k].n + 3 &&
                    fg_at_lit(s, subj_b, subj_a, object_verbs[k].s, object_verbs[k].n)) {
                    subj_a += object_verbs[k].n;
                    break;
                }
            }
        }
    }
    if (lead != NULL && subj_b <= subj_a)
        return false;

    /* What was read. */
    memset(out, 0, sizeof *out);
    out->change = vb != NULL ? vb->change : lead != NULL ? lead->change : FG_CHANGE_LEVEL;
    bound = vb != NULL ? vb->bound : FG_BOUND_EQ;
    if (about)
        bound = FG_BOUND_ABOUT;
    if (over)
        bound = FG_BOUND_GT;
    if (has_bw)
        bound = bw;
    if (has_hi)
        bound = FG_BOUND_RANGE;
    out->bound = bound;
    out->value = lo.v * lo.mult * lo.unit->factor;
    out->value_hi = has_hi ? hi.v * hi.mult * hi.unit->factor : out->value;
    {
        size_t ul = strlen(lo.unit->out);

        memcpy(out->unit, lo.unit->out, ul < sizeof out->unit ? ul + 1 : sizeof out->unit);
        out->unit[sizeof out->unit - 1] = '\0';
    }
    out->subject_off = subj_a;
    out->subject_len = subj_b > subj_a ? subj_b - subj_a : 0;
    if (out->subject_len == 0)
        out->subject_off = vb != NULL ? vstart - vb->n : i;
    {
        size_t start = out->subject_len > 0 && !subj_after ? subj_a
                       : vb != NULL                        ? vstart - vb->n
                                                           : i;

        if (lead != NULL)
            start = lead_at;
        out->off = start;
        out->len = end - start;
    }
    /* Every span starts and ends on a character (an invariant of the steps above). */
    if (out->off >= end || ((unsigned char)s[out->off] & 0xC0) == 0x80 ||
        (end < len && ((unsigned char)s[end] & 0xC0) == 0x80) ||
        (out->subject_len > 0 && ((unsigned char)s[out->subject_off] & 0xC0) == 0x80)) {
        memset(out, 0, sizeof *out);
        return false;
    }
    *skip = end;
    return true;
}

/* Full-width digits, and what ends a Chinese number amount (两成, 三倍, 一万), for fg_charscan_next(). */
FG_CHARSCAN_ONCE(number_scan, "０１２３４５６７８９成倍万亿")

int fg_target_find(fg_target *out, bool *found, const char *text, size_t len, size_t from)
{
    fg_stops stops;
    size_t n;
    int rc = fg_find_start(&stops, number_scan(), "fg_target_find", out, sizeof *out, found,
                           text, len, from);

    if (rc <= 0)
        return rc;
    /*
     * From one ASCII or full-width digit, or 成 倍 万 亿 that may end a Chinese number (两成,
     * 三倍, 一万), to the next: Chinese digits themselves are too common in prose to stop at.
     */
    for (size_t i = from; fg_stops_step(&stops, text, len, &i, &n);) {
        size_t skip;

        if (i == stops.digit) {
            /*
             * Most numbers in a plan are years, dates and list numbers (2025年, 6月, 1．):
             * stepped over on the character after their digits.
             */
            size_t j = i;

            while (j < len && text[j] >= '0' && text[j] <= '9')
                j++;
            if (j > i && ((j - i == 4 && AT(text, len, j, "年")) || AT(text, len, j, "月") ||
                          AT(text, len, j, "日") || AT(text, len, j, "号") ||
                          AT(text, len, j, "．") || AT(text, len, j, "、") ||
                          (j < len && ((text[j] >= 'A' && text[j] <= 'Z') ||
                                       (text[j] >= 'a' && text[j] <= 'z'))))) {
                i = j;
                continue;
            }
        }
        if (i == stops.chr && (unsigned char)text[i] != 0xEF) {
            /* Back over the Chinese number before it to where it starts. */
            size_t st = i;

            while (st >= 3 && st - 3 >= from &&
                   (fg_cn_numeral3(fg_char3((const unsigned char *)text + st - 3)) ||
                    AT(text, len, st - 3, "百") || AT(text, len, st - 3, "千")))
                st -= 3;
            if (st == i) {
                i += n;
                continue;
            }
            if (number_start_at(text, len, st) && target_at(out, text, len, st, from, &skip)) {
                *found = true;
                return FG_OK;
            }
            memset(out, 0, sizeof *out);
            i += n;
            continue;
        }
        if (!number_start_at(text, len, i)) {
            i += n;
            continue;
        }
        if (target_at(out, text, len, i, from, &skip)) {
            *found = true;
            return FG_OK;
        }
        memset(out, 0, sizeof *out);
        i = skip > i ? skip : i + n;
    }
    return FG_OK;
}

/* The names of the enums' values, by value (FG_NAME_OF()). */
static const char *const change_names[] = {
    [FG_CHANGE_INCREASE] = "increase", [FG_CHANGE_DECREASE] = "decrease",
};
static const char *const bound_names[] = {
    [FG_BOUND_GE] = "ge", [FG_BOUND_GT] = "gt", [FG_BOUND_LE] = "le", [FG_BOUND_LT] = "lt",
    [FG_BOUND_ABOUT] = "about", [FG_BOUND_RANGE] = "range",
};

const char *fg_target_change_name(fg_target_change change)
{
    return FG_NAME_OF(change_names, change, "level");
}

const char *fg_target_bound_name(fg_target_bound bound)
{
    return FG_NAME_OF(bound_names, bound, "eq");
}

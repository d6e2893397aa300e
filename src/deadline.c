/*
 * Deadlines: a phrase of time as 分工 documents write it (2025年6月底前, 第三季度, 长期坚持,
 * 每季度末, 2024—2025年, “十四五”期间) → a kind, the last day of its period and whether the
 * year was taken from the document. One small grammar (expr_at()) reads the date forms, read
 * at the start of a label's value or a table cell (fg_deadline_parse()) or, with a deadline
 * marker required, anywhere in a sentence (fg_deadline_find()). Input is valid UTF-8 (the
 * library's text); a byte that is not is stepped over as an ordinary character, never read
 * past len. Digits may be ASCII, full-width or Chinese (六月, 二〇二五年).
 */
#include "fengong/deadline.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "error.h"
#include "names.h"
#include "str.h"

#define AT FG_AT

#define CP_SHI 0x5341 /* 十 */

/*
 * A small number at s[i]: 1 or 2 ASCII/full-width digits, or Chinese 一 … 九, 十, 十一 …
 * 三十一. Its value, or -1; *end receives where it stops.
 */
static int small_number(const char *s, size_t len, size_t i, size_t *end)
{
    size_t n;
    int32_t c = fg_cp_at(s, len, i, &n);
    int v = fg_digit_value(c);

    if (v >= 0) {
        size_t n2;
        int d2 = fg_digit_value(fg_cp_at(s, len, i + n, &n2));

        if (d2 >= 0) {
            size_t n3;

            if (fg_digit_value(fg_cp_at(s, len, i + n + n2, &n3)) >= 0)
                return -1; /* three digits: no month, day or quarter */
            *end = i + n + n2;
            return v * 10 + d2;
        }
        *end = i + n;
        return v;
    }
    v = fg_cn_digit_value(c);
    if (c == CP_SHI) {
        size_t n2;
        int d2 = fg_cn_digit_value(fg_cp_at(s, len, i + n, &n2));

        if (d2 > 0) {
            *end = i + n + n2;
            return 10 + d2;
        }
        *end = i + n;
        return 10;
    }
    if (v > 0) {
        size_t n2;

        if (fg_cp_at(s, len, i + n, &n2) == CP_SHI) {
            size_t n3;
            int d3 = fg_cn_digit_value(fg_cp_at(s, len, i + n + n2, &n3));

            if (d3 > 0) {
                *end = i + n + n2 + n3;
                return v * 10 + d3;
            }
            *end = i + n + n2;
            return v * 10;
        }
        if (fg_cn_digit_value(fg_cp_at(s, len, i + n, &n2)) >= 0)
            return -1; /* 二〇…: a year, not a small number */
        *end = i + n;
        return v;
    }
    return -1;
}

/* A year at s[i]: exactly 4 digits (ASCII, full-width or Chinese 二〇二五), 1949 … 2100. */
static int year_at(const char *s, size_t len, size_t i, size_t *end)
{
    int v = 0;
    size_t j = i;
    size_t n;
    bool cn = false;

    for (int k = 0; k < 4; k++) {
        int32_t c = fg_cp_at(s, len, j, &n);
        int d = fg_digit_value(c);

        if (d < 0 && k == 0 && fg_cn_digit_value(c) >= 0)
            cn = true;
        if (cn) {
            d = fg_cn_digit_value(c);
            if (c == 0x4E24) /* 两 is never a digit of a year */
                d = -1;
        }
        if (d < 0)
            return -1;
        v = v * 10 + d;
        j += n;
    }
    if ((cn ? fg_cn_digit_value(fg_cp_at(s, len, j, &n))
            : fg_digit_value(fg_cp_at(s, len, j, &n))) >= 0)
        return -1;
    if (fg_cp_at(s, len, j, &n) == '.' || AT(s, len, j, "．"))
        return -1; /* 2025.5: a decimal, not a year */
    if (v < 1949 || v > 2100)
        return -1;
    *end = j;
    return v;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (m == 2 && (y == 0 || leap(y)))
        return 29;
    return days[m - 1];
}

/* A date read by expr_at(). */
typedef struct texpr {
    int year;          /* 0: not written */
    int rel;           /* 今年 0, 明年 1: a year relative to the document's (year is 0) */
    bool has_rel;
    int month;         /* the end of the period */
    int day;
    bool marker;       /* 底, 末, 内, 前, 完成 …: written as a deadline */
    int precision;     /* 1 year, 2 half or quarter, 3 month, 4 day */
} texpr;

/* 底 or 末 (or 末前) at s[i]: the end of the period; its length or 0. */
static size_t end_word(const char *s, size_t len, size_t i)
{
    if (AT(s, len, i, "底") || AT(s, len, i, "末"))
        return 3;
    return 0;
}

/*
 * Within a year, at s[i]: 上半年, 下半年, 前三季度, (第)一季度(末), 6月(底|末|份|30日|下旬).
 * Fills e's month and day; returns the end, or i when none.
 */
static size_t period_at(const char *s, size_t len, size_t i, texpr *e)
{
    size_t j = i;
    size_t k;
    int v;

    if (AT(s, len, j, "上半年")) {
        e->month = 6;
        e->day = 30;
        e->precision = 2;
        return j + 9;
    }
    if (AT(s, len, j, "下半年")) {
        e->month = 12;
        e->day = 31;
        e->precision = 2;
        return j + 9;
    }
    if (AT(s, len, j, "前三季度")) {
        e->month = 9;
        e->day = 30;
        e->precision = 2;
        return j + 12;
    }
    if (AT(s, len, j, "第"))
        j += 3;
    v = small_number(s, len, j, &k);
    if (v >= 1 && v <= 4 && (AT(s, len, k, "季度") || AT(s, len, k, "季"))) {
        k += AT(s, len, k, "季度") ? 6 : 3;
        e->month = v * 3;
        e->day = month_days(2001, e->month);
        e->precision = 2;
        if (end_word(s, len, k)) {
            k += 3;
            e->marker = true;
        }
        return k;
    }
    if (j != i)
        return i; /* 第 without a quarter */
    if (v >= 1 && v <= 12 && AT(s, len, k, "月")) {
        int y = e->year;

        e->month = v;
        e->day = month_days(y, v);
        e->precision = 3;
        k += 3;
        if (AT(s, len, k, "份"))
            k += 3;
        if (end_word(s, len, k)) {
            e->marker = true;
            return k + 3;
        }
        if (AT(s, len, k, "下旬"))
            return k + 6;
        if (AT(s, len, k, "中旬")) {
            e->day = 20;
            return k + 6;
        }
        if (AT(s, len, k, "上旬")) {
            e->day = 10;
            return k + 6;
        }
        {
            size_t d_end;
            int d = small_number(s, len, k, &d_end);

            if (d >= 1 && d <= e->day && (AT(s, len, d_end, "日") || AT(s, len, d_end, "号"))) {
                e->day = d;
                e->precision = 4;
                return d_end + 3;
            }
        }
        return k;
    }
    return i;
}

/* “十四五” (quotes optional) at s[i]: the last year of that five-year plan, or -1. */
static int five_year_plan(const char *s, size_t len, size_t i, size_t *end)
{
    size_t j = i;
    size_t n;
    int32_t c = fg_cp_at(s, len, j, &n);
    int d;

    if (c == 0x201C || c == '"' || c == 0x300C || c == 0x2018 || c == 0x300E)
        j += n;
    if (fg_cp_at(s, len, j, &n) != CP_SHI)
        return -1;
    j += n;
    d = fg_cn_digit_value(fg_cp_at(s, len, j, &n));
    if (d < 1)
        return -1;
    j += n;
    if (fg_cp_at(s, len, j, &n) != 0x4E94) /* 五 */
        return -1;
    j += n;
    c = fg_cp_at(s, len, j, &n);
    if (c == 0x201D || c == '"' || c == 0x300D || c == 0x2019 || c == 0x300F)
        j += n;
    *end = j;
    return 1955 + 5 * (10 + d);
}

/*
 * The date phrase at s[i]: [今年|明年|本年|当年] or a year (2024年, 2024—2025年, 2024年度), then
 * what falls within it (底, 内, 上半年, 三季度末, 6月底, 6月30日), or the period alone with the
 * year left out (6月底, 第三季度, 年底, 年内, 上半年); “十四五”期间; one date — another. Fills e
 * and returns its end, or i when there is none. A marker after it (前, 以前, 完成 …) is
 * left to the caller.
 */
static size_t expr_at(const char *s, size_t len, size_t i, texpr *e)
{
    size_t j = i;
    size_t k;
    int y;

    memset(e, 0, sizeof *e);
    y = five_year_plan(s, len, j, &k);
    if (y > 0) {
        e->year = y;
        e->month = 12;
        e->day = 31;
        e->precision = 1;
        j = k;
        if (AT(s, len, j, "期间") || AT(s, len, j, "时期") || AT(s, len, j, "期末")) {
            e->marker = true;
            j += 6;
        } else if (end_word(s, len, j)) {
            e->marker = true;
            j += 3;
        }
        return j;
    }
    if (AT(s, len, j, "今年") || AT(s, len, j, "本年") || AT(s, len, j, "当年")) {
        e->has_rel = true;
        j += 3; /* the 年 is read below */
    } else if (AT(s, len, j, "明年")) {
        e->has_rel = true;
        e->rel = 1;
        j += 3;
    } else if ((y = year_at(s, len, j, &k)) > 0) {
        size_t sep = fg_range_sep(s, len, k);
        size_t k2;
        int y2;

        /* 2024—2025年, 2024-2025年: the span ends with its last year. */
        if (sep > 0 && (y2 = year_at(s, len, k + sep, &k2)) > 0 && y2 >= y && AT(s, len, k2, "年")) {
            y = y2;
            k = k2;
        }
        if (!AT(s, len, k, "年"))
            return i;
        e->year = y;
        j = k;
    }
    if (e->year > 0 || e->has_rel) {
        /* At 年: the year is written. */
        j += 3;
        if (AT(s, len, j, "度"))
            j += 3;
        e->month = 12;
        e->day = 31;
        e->precision = 1;
        if (end_word(s, len, j)) {
            e->marker = true;
            j += 3;
        } else if (AT(s, len, j, "内")) {
            e->marker = true;
            j += 3;
        } else {
            j = period_at(s, len, j, e);
        }
        if (e->year > 0) {
            /* 2023年6月—2024年12月, 2024年—2025年: a span ends with its last date. */
            size_t sep = fg_range_sep(s, len, j);
            texpr e2;
            size_t j2;

            if (sep > 0 && (j2 = expr_at(s, len, j + sep, &e2)) > j + sep && e2.year >= e->year) {
                *e = e2;
                j = j2;
            }
        }
        return j;
    }
    /* No year written. */
    if (AT(s, len, j, "年底") || AT(s, len, j, "年末") || AT(s, len, j, "年内")) {
        e->month = 12;
        e->day = 31;
        e->precision = 1;
        e->marker = true;
        e->has_rel = true;
        return j + 6;
    }
    k = period_at(s, len, j, e);
    if (k > j)
        e->has_rel = true;
    return k;
}

/* A marker written after a date: 前, 以前, 之前, 前完成, 完成; its length (0: none). */
static size_t marker_after(const char *s, size_t len, size_t i)
{
    if (AT(s, len, i, "以前") || AT(s, len, i, "之前"))
        return 6;
    if (AT(s, len, i, "前完成"))
        return 9;
    if (AT(s, len, i, "前") || AT(s, len, i, "完成"))
        return AT(s, len, i, "前") ? 3 : 6;
    if (AT(s, len, i, "基本完成") || AT(s, len, i, "全面完成"))
        return 12;
    return 0;
}

/* Words after a date that make it a start, a base or a comparison, not a deadline. */
static bool start_word_after(const char *s, size_t len, size_t i)
{
    return AT(s, len, i, "起") || AT(s, len, i, "以来") || AT(s, len, i, "开始") ||
           AT(s, len, i, "以后") || AT(s, len, i, "后") || AT(s, len, i, "相比") ||
           AT(s, len, i, "的基础") || AT(s, len, i, "水平") || AT(s, len, i, "同期");
}

/* Fill out from e; doc_year for a year left out. */
static void fill_date(fg_deadline *out, const texpr *e, int doc_year)
{
    int y = e->year;

    out->kind = FG_DEADLINE_DATE;
    out->every = FG_EVERY_NONE;
    out->date[0] = '\0';
    out->year_assumed = false;
    if (y == 0) {
        out->year_assumed = true;
        if (doc_year <= 0)
            return;
        y = doc_year + e->rel;
    }
    if (y < 1000 || y > 9999)
        return;
    {
        int m = e->month;
        int d = e->day;

        /* 二季度 and 2月 were measured without the year: the month's real length now. */
        if (d > month_days(y, m) || (e->precision < 4 && d == month_days(0, m)))
            d = month_days(y, m);
        out->date[0] = (char)('0' + y / 1000);
        out->date[1] = (char)('0' + y / 100 % 10);
        out->date[2] = (char)('0' + y / 10 % 10);
        out->date[3] = (char)('0' + y % 10);
        out->date[4] = '-';
        out->date[5] = (char)('0' + m / 10);
        out->date[6] = (char)('0' + m % 10);
        out->date[7] = '-';
        out->date[8] = (char)('0' + d / 10);
        out->date[9] = (char)('0' + d % 10);
        out->date[10] = '\0';
    }
}

typedef struct word_kind {
    const char *w;
    size_t n;
    fg_deadline_kind kind;
    fg_deadline_every every;
} word_kind;

#define WK(w, k, e) {w, sizeof(w) - 1, k, e}

/* Ongoing and recurring words, longest first where one starts another. */
static const word_kind time_words[] = {
    WK("长期坚持", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("长期推进", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("长期实施", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("长期开展", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("长期执行", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("长期有效", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("长期", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("持续推进", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("持续实施", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("持续开展", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("持续推动", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("持续", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("常态化推进", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("常态化开展", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("常态化", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("常年", FG_DEADLINE_ONGOING, FG_EVERY_NONE),
    WK("每半年", FG_DEADLINE_RECURRING, FG_EVERY_HALF),
    WK("每年度", FG_DEADLINE_RECURRING, FG_EVERY_YEAR),
    WK("每年", FG_DEADLINE_RECURRING, FG_EVERY_YEAR),
    WK("每个季度", FG_DEADLINE_RECURRING, FG_EVERY_QUARTER),
    WK("每季度", FG_DEADLINE_RECURRING, FG_EVERY_QUARTER),
    WK("每季", FG_DEADLINE_RECURRING, FG_EVERY_QUARTER),
    WK("每个月", FG_DEADLINE_RECURRING, FG_EVERY_MONTH),
    WK("每月", FG_DEADLINE_RECURRING, FG_EVERY_MONTH),
    WK("每周", FG_DEADLINE_RECURRING, FG_EVERY_WEEK),
    WK("按年度", FG_DEADLINE_RECURRING, FG_EVERY_YEAR),
    WK("按季度", FG_DEADLINE_RECURRING, FG_EVERY_QUARTER),
    WK("按季", FG_DEADLINE_RECURRING, FG_EVERY_QUARTER),
    WK("按月", FG_DEADLINE_RECURRING, FG_EVERY_MONTH),
    WK("逐年", FG_DEADLINE_RECURRING, FG_EVERY_YEAR),
};

/* The ongoing or recurring word at s[i], or NULL. */
static const word_kind *time_word_at(const char *s, size_t len, size_t i)
{
    for (size_t k = 0; k < sizeof time_words / sizeof time_words[0]; k++)
        if (fg_at_lit(s, len, i, time_words[k].w, time_words[k].n))
            return &time_words[k];
    return NULL;
}

/*
 * A recurring word's tail: 每年[底|末][前], 每季度末, 每月10日前, 每年6月底前. Returns the end
 * and whether a marker was written.
 */
static size_t recurring_tail(const char *s, size_t len, size_t i, bool *marker)
{
    texpr e;
    size_t j = i;
    size_t k;

    *marker = false;
    if (end_word(s, len, j)) {
        *marker = true;
        j += 3;
    } else {
        memset(&e, 0, sizeof e);
        k = period_at(s, len, j, &e);
        if (k > j) {
            *marker = *marker || e.marker;
            j = k;
        } else {
            size_t d_end;
            int d = small_number(s, len, j, &d_end);

            if (d >= 1 && d <= 31 && (AT(s, len, d_end, "日") || AT(s, len, d_end, "号")))
                j = d_end + 3;
        }
    }
    k = marker_after(s, len, j);
    if (k > 0) {
        *marker = true;
        j += k;
    }
    return j;
}

/* Blanks: U+0020, tab, line ends, U+3000, U+00A0; their length at s[i]. */
static size_t blank_at(const char *s, size_t len, size_t i)
{
    if (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        return 1;
    if (AT(s, len, i, "\u3000"))
        return 3;
    if (AT(s, len, i, "\u00a0"))
        return 2;
    return 0;
}

static size_t skip_blanks(const char *s, size_t len, size_t i)
{
    size_t b;

    while ((b = blank_at(s, len, i)) > 0)
        i += b;
    return i;
}

/* Deadline label endings (fg_deadline_label_word()). */
static const fg_lit label_ends[] = {
    FG_LIT("时间安排"), FG_LIT("进度安排"), FG_LIT("时间要求"), FG_LIT("进度要求"),
    FG_LIT("时间进度"), FG_LIT("时限"), FG_LIT("时间"), FG_LIT("期限"), FG_LIT("节点"),
};

bool fg_deadline_label_word(const char *w, size_t len)
{
    if (w == NULL || len == 0 || len > 10 * 3)
        return false;
    for (size_t k = 0; k < sizeof label_ends / sizeof label_ends[0]; k++) {
        if (len >= label_ends[k].n &&
            memcmp(w + len - label_ends[k].n, label_ends[k].s, label_ends[k].n) == 0)
            return true;
    }
    return false;
}

/*
 * A deadline label at s[i]: 完成时限： 时间节点: 【完成时限】 〔时限〕, with an optional
 * （年月） note before the colon. Its length, or 0.
 */
static size_t label_at(const char *s, size_t len, size_t i)
{
    size_t j = i;
    size_t w0;
    const char *close = NULL;

    if (AT(s, len, j, "【")) {
        close = "】";
        j += 3;
    } else if (AT(s, len, j, "〔")) {
        close = "〕";
        j += 3;
    }
    w0 = j;
    while (j + 3 <= len && (unsigned char)s[j] >= 0xE4 && (unsigned char)s[j] <= 0xE9 &&
           j - w0 < 10 * 3)
        j += 3;
    if (!fg_deadline_label_word(s + w0, j - w0))
        return 0;
    if (AT(s, len, j, "（") || (j < len && s[j] == '(')) {
        /* 完成时限（年月）： */
        size_t k = j;

        while (k < len && k - j < 30 && !AT(s, len, k, "）") && s[k] != ')')
            k++;
        if (k < len && k - j < 30)
            j = k + (s[k] == ')' ? 1 : 3);
    }
    j = skip_blanks(s, len, j);
    if (close != NULL) {
        if (!fg_at_lit(s, len, j, close, 3))
            return 0;
        j += 3;
        j = skip_blanks(s, len, j);
        if (AT(s, len, j, "："))
            j += 3;
        else if (j < len && s[j] == ':')
            j++;
        return j - i;
    }
    if (AT(s, len, j, "："))
        return j + 3 - i;
    if (j < len && s[j] == ':')
        return j + 1 - i;
    return 0;
}

/* Words written before a date in a cell or label: 力争 确保 争取 计划 预计 于 在 到 至 最迟. */
static size_t lead_word_at(const char *s, size_t len, size_t i)
{
    static const fg_lit words[] = {
        FG_LIT("原则上"), FG_LIT("力争"), FG_LIT("确保"), FG_LIT("争取"), FG_LIT("计划"),
        FG_LIT("预计"), FG_LIT("最迟"), FG_LIT("截止"), FG_LIT("不晚于"), FG_LIT("于"),
        FG_LIT("在"),   FG_LIT("到"),   FG_LIT("至"),
    };

    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (fg_at_lit(s, len, i, words[k].s, words[k].n))
            return words[k].n;
    return 0;
}

static bool open_bracket_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (AT(s, len, i, "（") || AT(s, len, i, "【") || AT(s, len, i, "［")) {
        *n = 3;
        return true;
    }
    if (i < len && (s[i] == '(' || s[i] == '[')) {
        *n = 1;
        return true;
    }
    return false;
}

/*
 * Read a time word or a date at s[i] into out (off/len set); the end, or i when none.
 * *marker receives whether a deadline marker was written (底 末 内 前 完成 期间, or a
 * recurring word's own).
 */
static size_t phrase_at(fg_deadline *out, bool *marker, const char *s, size_t len, size_t i,
                        int doc_year)
{
    const unsigned char c0 = i < len ? (unsigned char)s[i] : 0;
    /* 长 持 常 每 按 逐 start the time words: E9 95 BF, E6 8C 81, E5 B8 B8, E6 AF 8F,
     * E6 8C 89, E9 80 90 */
    const word_kind *w = c0 == 0xE9 || c0 == 0xE6 || c0 == 0xE5 ? time_word_at(s, len, i) : NULL;
    texpr e;
    size_t j;
    size_t k;

    memset(out, 0, sizeof *out);
    *marker = false;
    if (w != NULL) {
        out->kind = w->kind;
        out->every = w->every;
        j = i + w->n;
        if (w->kind == FG_DEADLINE_RECURRING)
            j = recurring_tail(s, len, j, marker);
        out->off = i;
        out->len = j - i;
        return j;
    }
    j = expr_at(s, len, i, &e);
    if (j == i || e.month == 0)
        return i;
    *marker = e.marker;
    k = marker_after(s, len, j);
    if (k > 0) {
        *marker = true;
        j += k;
    }
    if (start_word_after(s, len, j)) {
        memset(out, 0, sizeof *out);
        return i;
    }
    fill_date(out, &e, doc_year);
    out->off = i;
    out->len = j - i;
    return j;
}

int fg_deadline_parse(fg_deadline *out, const char *s, size_t len, int doc_year)
{
    size_t i = 0;
    size_t n;
    bool marker;

    if (out == NULL)
        return fg_error_set(FG_EINVAL, "fg_deadline_parse: out must not be NULL");
    memset(out, 0, sizeof *out);
    if (s == NULL) {
        if (len > 0)
            return fg_error_set(FG_EINVAL, "fg_deadline_parse: s must not be NULL");
        return FG_OK;
    }
    /* Blanks, brackets, a label, words such as 力争, in any order, a few times at most. */
    for (int round = 0; round < 6; round++) {
        size_t before = i;

        i = skip_blanks(s, len, i);
        if (open_bracket_at(s, len, i, &n) && label_at(s, len, i) == 0)
            i += n;
        i += label_at(s, len, i);
        i += lead_word_at(s, len, i);
        if (i == before)
            break;
    }
    phrase_at(out, &marker, s, len, i, doc_year);
    return FG_OK;
}

/* Characters that end a phrase: fg_phrase_edge() with . and the space. */
static bool phrase_edge(int32_t c)
{
    return fg_phrase_edge(c) || c == '.' || c == ' ';
}

/* Words before a date that make it a base or a status: 比 较 与 同 截至 自 从. */
static bool base_word_before(const char *s, size_t i)
{
    int32_t c = fg_cp_before(s, i);

    if (c == 0x6BD4 /* 比 */ || c == 0x8F83 /* 较 */ || c == 0x4E0E /* 与 */ ||
        c == 0x540C /* 同 */ || c == 0x81EA /* 自 */ || c == 0x4ECE /* 从 */)
        return true;
    return i >= 6 && memcmp(s + i - 6, "截至", 6) == 0;
}

/*
 * Whether a phrase fg_deadline_find() reads may start at text[i]: a digit, a Chinese digit,
 * a quote (“十四五”), or a word's first character with the second that word needs (今年,
 * 年底, 上半年, 第三季度, 每, 按季度, 长期, 持续, 常态化 …). Byte tests: the search runs over
 * every clause and the text before it.
 */
static bool may_start_at(const char *text, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)text + i;
    int digit = fg_digit_start_at(text, len, i);
    uint32_t next;

    if (digit >= 0)
        return digit;
    next = i + 6 <= len ? fg_char3(u + 3) : 0;
    if (fg_cn_numeral3(fg_char3(u)))
        return true;
    switch (fg_char3(u)) {
    case 0xE2809C: /* “ */
    case 0xE6AF8F: /* 每 */
        return true;
    case 0xE4BB8A: /* 今 */
    case 0xE6988E: /* 明 */
    case 0xE69CAC: /* 本 */
    case 0xE5BD93: /* 当 */
        return next == 0xE5B9B4; /* 年 */
    case 0xE5B9B4: /* 年: 年底 年末 年内 */
        return next == 0xE5BA95 || next == 0xE69CAB || next == 0xE58685;
    case 0xE4B88A: /* 上 */
    case 0xE4B88B: /* 下 */
        return next == 0xE58D8A; /* 半 */
    case 0xE5898D: /* 前三季度 */
        return next == 0xE4B889;
    case 0xE7ACAC: /* 第 */
        return next != 0 && next != 0xE58D81 && i + 6 <= len; /* 第三季度; a quick test only */
    case 0xE68C89: /* 按 */
        return next == 0xE5B9B4 || next == 0xE5ADA3 || next == 0xE69C88 || next == 0xE591A8;
    case 0xE98090: /* 逐 */
        return next == 0xE5B9B4;
    case 0xE995BF: /* 长 */
        return next == 0xE69C9F; /* 期 */
    case 0xE68C81: /* 持 */
        return next == 0xE7BBAD; /* 续 */
    case 0xE5B8B8: /* 常 */
        return next == 0xE68081 || next == 0xE5B9B4; /* 态 年 */
    default:
        return false;
    }
}

/* Whether the character before a date without its year makes it no date (三年内, 1-6月, 每年底). */
static bool bad_before_yearless(int32_t c)
{
    return fg_digit_value(c) >= 0 || fg_cn_digit_value(c) >= 0 || c == CP_SHI ||
           c == 0x51E0 /* 几 */ || c == 0x591A /* 多 */ || c == 0x534A /* 半 */ ||
           c == 0x6BCF /* 每 */ || c == 0x5E74 /* 年 */ || c == 0x81F3 /* 至 */ ||
           c == 0x5230 /* 到 */ || c == '-' || c == 0x2014 /* — */ || c == 0x7B2C /* 第 */ ||
           c == 0x524D /* 前 */ || c == 0x8FD1 /* 近 */ || c == 0x6BCF;
}

/*
 * The characters a phrase of fg_deadline_find() may start with, besides ASCII digits ("十四五"
 * in ASCII quotes is found at its 十).
 */
FG_CHARSCAN_ONCE(start_scan, "０１２３４５６７８９〇零一二两三四五六七八九十“今明本当年上下前第每按逐长持常")

int fg_deadline_find(fg_deadline *out, bool *found, const char *text, size_t len, size_t from,
                     int doc_year)
{
    fg_stops stops;
    size_t n;
    int rc = fg_find_start(&stops, start_scan(), "fg_deadline_find", out, sizeof *out, found,
                           text, len, from);

    if (rc <= 0)
        return rc;
    /* From one ASCII digit or character of start_scan to the next. */
    for (size_t i = from; fg_stops_step(&stops, text, len, &i, &n);) {
        int32_t prev;
        bool marker;
        size_t end;
        size_t n_after;

        if (!may_start_at(text, len, i)) {
            i += n;
            continue;
        }
        if (n > len - i)
            n = len - i;
        prev = fg_cp_before(text, i);
        /* Inside a number or a word of Latin letters (PM2.5, 5G, 〔2022〕1号): never. */
        if (fg_digit_value(prev) >= 0 || (prev >= 'A' && prev <= 'Z') ||
            (prev >= 'a' && prev <= 'z') || prev == '.' || prev == 0xFF0E /* ． */ ||
            prev == 0x3014 /* 〔 */) {
            i += n;
            continue;
        }
        end = phrase_at(out, &marker, text, len, i, doc_year);
        if (end == i) {
            memset(out, 0, sizeof *out);
            i += n;
            continue;
        }
        {
            int32_t next = fg_cp_at(text, len, end, &n_after);
            bool whole = phrase_edge(prev) && phrase_edge(next);
            bool ok = false;

            if (out->kind == FG_DEADLINE_ONGOING) {
                ok = whole;
            } else if (out->kind == FG_DEADLINE_RECURRING) {
                ok = whole || marker;
            } else {
                bool yearless = out->year_assumed;
                /* （2023年12月）: a bracket holding only a date of month or day precision. */
                bool bracketed = (prev == 0xFF08 || prev == '(') &&
                                 (next == 0xFF09 || next == ')') && out->len >= 6 &&
                                 fg_digit_value(fg_cp_at(text, len, i, &n_after)) >= 0 &&
                                 (fg_sv_find(fg_sv(text + i, out->len), "月") != SIZE_MAX);

                ok = (marker || bracketed) && !base_word_before(text, i) &&
                     /* 2000年底前建成的 in a plan of 2021: a date in the past is no deadline */
                     !(doc_year > 0 && !yearless && out->date[0] != '\0' &&
                       atoi(out->date) < doc_year) &&
                     !(yearless && bad_before_yearless(prev)) &&
                     /* 第三季度 needs its own marker or a phrase of its own */
                     !(yearless && !marker);
                if (yearless && !marker && bracketed)
                    ok = true;
            }
            if (ok) {
                *found = true;
                return FG_OK;
            }
        }
        memset(out, 0, sizeof *out);
        /* Step past what was read: a later start inside it would read part of it again. */
        i = end;
    }
    return FG_OK;
}

/* The names of the enums' values, by value (FG_NAME_OF()). */
static const char *const kind_names[] = {
    [FG_DEADLINE_DATE] = "date", [FG_DEADLINE_RECURRING] = "recurring",
    [FG_DEADLINE_ONGOING] = "ongoing",
};
static const char *const every_names[] = {
    [FG_EVERY_YEAR] = "year", [FG_EVERY_HALF] = "half-year", [FG_EVERY_QUARTER] = "quarter",
    [FG_EVERY_MONTH] = "month", [FG_EVERY_WEEK] = "week",
};

const char *fg_deadline_kind_name(fg_deadline_kind kind)
{
    return FG_NAME_OF(kind_names, kind, "none");
}

const char *fg_deadline_every_name(fg_deadline_every every)
{
    return FG_NAME_OF(every_names, every, "");
}

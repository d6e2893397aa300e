/*
 * The number formats of Word's automatic numbering (w:numFmt) for the DOCX reader
 * (read_docx_int.h): 一 十一 二十, ①, Ａ, ⅰ … as Word prints them.
 */
#include "read_docx_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

/* ---- number formats ---- */

static const struct {
    const char *name;
    fg_docx_fmt fmt;
} fmt_names[] = {
    {"decimal", FG_DOCX_DECIMAL},
    {"decimalZero", FG_DOCX_DECIMAL_ZERO},
    {"upperLetter", FG_DOCX_UPPER_LETTER},
    {"lowerLetter", FG_DOCX_LOWER_LETTER},
    {"upperRoman", FG_DOCX_UPPER_ROMAN},
    {"lowerRoman", FG_DOCX_LOWER_ROMAN},
    {"chineseCounting", FG_DOCX_CHINESE_COUNTING},
    {"chineseCountingThousand", FG_DOCX_CHINESE_COUNTING},
    {"taiwaneseCounting", FG_DOCX_CHINESE_COUNTING},
    {"taiwaneseCountingThousand", FG_DOCX_CHINESE_COUNTING},
    {"japaneseCounting", FG_DOCX_CHINESE_COUNTING},
    {"chineseLegalSimplified", FG_DOCX_CHINESE_LEGAL},
    {"ideographLegalTraditional", FG_DOCX_LEGAL_TRADITIONAL},
    {"ideographTraditional", FG_DOCX_IDEO_TRADITIONAL},
    {"ideographZodiac", FG_DOCX_IDEO_ZODIAC},
    {"ideographDigital", FG_DOCX_IDEO_DIGITAL},
    {"taiwaneseDigital", FG_DOCX_IDEO_DIGITAL},
    {"japaneseDigitalTenThousand", FG_DOCX_IDEO_DIGITAL},
    {"decimalEnclosedCircle", FG_DOCX_ENCLOSED_CIRCLE},
    {"decimalEnclosedCircleChinese", FG_DOCX_ENCLOSED_CIRCLE},
    {"ideographEnclosedCircle", FG_DOCX_ENCLOSED_CIRCLE},
    {"decimalEnclosedParen", FG_DOCX_ENCLOSED_PAREN},
    {"decimalEnclosedFullstop", FG_DOCX_ENCLOSED_FULLSTOP},
    {"decimalFullWidth", FG_DOCX_DECIMAL_FULLWIDTH},
    {"decimalFullWidth2", FG_DOCX_DECIMAL_FULLWIDTH},
    {"none", FG_DOCX_NONE},
    {"bullet", FG_DOCX_BULLET},
};

fg_docx_fmt fg_docx__numfmt(const char *name)
{
    if (name == NULL)
        return FG_DOCX_DECIMAL;
    for (size_t i = 0; i < sizeof fmt_names / sizeof *fmt_names; i++)
        if (strcmp(name, fmt_names[i].name) == 0)
            return fmt_names[i].fmt;
    return FG_DOCX_DECIMAL;
}


static int put_s(fg_str *out, const char *s)
{
    return fg_str_append(out, s, strlen(s));
}

/* The n-th (from 1) of the UTF-8 characters of list, each 3 bytes. */
static int put_nth3(fg_str *out, const char *list, long n)
{
    return fg_str_append(out, list + 3 * (n - 1), 3);
}

/*
 * A counting system: its digits (零 一 … 九) and units (十 百 千), 3 bytes each, its word for
 * 10^4, and whether it is a legal one (壹拾壹: a 1 before 十 is written at the top too).
 */
typedef struct counting_system {
    const char *digits;
    const char *units;
    const char *wan;
    bool legal;
} counting_system;

static const counting_system counting_systems[] = {
    [FG_DOCX_CHINESE_COUNTING] = {"零一二三四五六七八九", "十百千", "万", false},
    [FG_DOCX_CHINESE_LEGAL] = {"零壹贰叁肆伍陆柒捌玖", "拾佰仟", "万", true},
    [FG_DOCX_LEGAL_TRADITIONAL] = {"零壹貳參肆伍陸柒捌玖", "拾佰仟", "萬", true},
};

/* 0 < n < 10000 in the system cs; lead: the group starts the number (十一, not 一十一, at the
 * top). */
static int counting4(fg_str *out, long n, const counting_system *cs, bool lead)
{
    static const long pos[] = {1000, 100, 10, 1};
    bool any = false;
    bool zero = false;
    int rc = FG_OK;

    for (int k = 0; k < 4; k++) {
        long d = n / pos[k] % 10;

        if (d == 0) {
            zero = any;
            continue;
        }
        if (zero)
            FG_TRY(fg_str_append(out, cs->digits, 3)); /* 零 */
        zero = false;
        if (!(pos[k] == 10 && d == 1 && !any && lead && !cs->legal))
            FG_TRY(fg_str_append(out, cs->digits + 3 * d, 3));
        if (k < 3)
            FG_TRY(fg_str_append(out, cs->units + 3 * (2 - k), 3));
        any = true;
    }
out:
    return rc;
}

/* 0 < n < 10^8: 一万零一十. */
static int counting(fg_str *out, long n, const counting_system *cs)
{
    int rc = FG_OK;

    if (n >= 10000) {
        FG_TRY(counting4(out, n / 10000, cs, true));
        FG_TRY(put_s(out, cs->wan));
        if (n % 10000 == 0)
            goto out;
        if (n % 10000 < 1000)
            FG_TRY(fg_str_append(out, cs->digits, 3));
        FG_TRY(counting4(out, n % 10000, cs, false));
    } else {
        FG_TRY(counting4(out, n, cs, true));
    }
out:
    return rc;
}

static int roman(fg_str *out, long n, bool upper)
{
    static const long val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const up[] = {"M",  "CM", "D",  "CD", "C",  "XC", "L",
                                     "XL", "X",  "IX", "V",  "IV", "I"};
    static const char *const lo[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                     "xl", "x",  "ix", "v",  "iv", "i"};
    int rc = FG_OK;

    for (int k = 0; k < 13; k++) {
        while (n >= val[k]) {
            FG_TRY(put_s(out, upper ? up[k] : lo[k]));
            n -= val[k];
        }
    }
out:
    return rc;
}

int fg_docx__format(fg_str *out, fg_docx_fmt fmt, long n)
{
    static const char ideo_digits[] = "〇一二三四五六七八九";
    char buf[32];
    int rc = FG_OK;

    if (fmt == FG_DOCX_NONE || fmt == FG_DOCX_BULLET)
        return FG_OK;
    if (n < 1 && fmt != FG_DOCX_DECIMAL_ZERO && fmt != FG_DOCX_DECIMAL_FULLWIDTH)
        fmt = FG_DOCX_DECIMAL;
    switch (fmt) {
    case FG_DOCX_DECIMAL_ZERO:
        snprintf(buf, sizeof buf, "%02ld", n);
        return put_s(out, buf);
    case FG_DOCX_UPPER_LETTER:
    case FG_DOCX_LOWER_LETTER:
        if (n > 26 * 50)
            break;
        for (long k = 0; k <= (n - 1) / 26; k++)
            FG_TRY(fg_str_appendc(
                out, (char)((fmt == FG_DOCX_UPPER_LETTER ? 'A' : 'a') + (n - 1) % 26)));
        return FG_OK;
    case FG_DOCX_UPPER_ROMAN:
    case FG_DOCX_LOWER_ROMAN:
        if (n >= 4000)
            break;
        return roman(out, n, fmt == FG_DOCX_UPPER_ROMAN);
    case FG_DOCX_CHINESE_COUNTING:
    case FG_DOCX_CHINESE_LEGAL:
    case FG_DOCX_LEGAL_TRADITIONAL:
        if (n >= 100000000L)
            break;
        return counting(out, n, &counting_systems[fmt]);
    case FG_DOCX_IDEO_TRADITIONAL:
        if (n > 10)
            break;
        return put_nth3(out, "甲乙丙丁戊己庚辛壬癸", n);
    case FG_DOCX_IDEO_ZODIAC:
        if (n > 12)
            break;
        return put_nth3(out, "子丑寅卯辰巳午未申酉戌亥", n);
    case FG_DOCX_IDEO_DIGITAL:
        snprintf(buf, sizeof buf, "%ld", n);
        for (const char *p = buf; *p; p++)
            FG_TRY(fg_str_append(out, ideo_digits + 3 * (*p - '0'), 3));
        return FG_OK;
    case FG_DOCX_ENCLOSED_CIRCLE:
        if (n > 20)
            break;
        return fg_str_append_cp(out, 0x2460 + (uint32_t)(n - 1));
    case FG_DOCX_ENCLOSED_PAREN:
        if (n > 20)
            break;
        return fg_str_append_cp(out, 0x2474 + (uint32_t)(n - 1));
    case FG_DOCX_ENCLOSED_FULLSTOP:
        if (n > 20)
            break;
        return fg_str_append_cp(out, 0x2488 + (uint32_t)(n - 1));
    case FG_DOCX_DECIMAL_FULLWIDTH:
        snprintf(buf, sizeof buf, "%ld", n);
        for (const char *p = buf; *p; p++)
            FG_TRY(fg_str_append_cp(out, *p == '-' ? 0xFF0D : 0xFF10 + (uint32_t)(*p - '0')));
        return FG_OK;
    default:
        break;
    }
    snprintf(buf, sizeof buf, "%ld", n);
    return put_s(out, buf);
out:
    return rc;
}

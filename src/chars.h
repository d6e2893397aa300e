/*
 * Internal: the characters of UTF-8 Chinese text at byte offsets, for the readers of phrases
 * (deadline.c, target.c): literals, code points at and before an offset, digit values,
 * range separators and phrase edges, and what their searches share (the places they stop
 * at, the argument checks). Inline: they run at every candidate position.
 */
#ifndef FG_SRC_CHARS_H
#define FG_SRC_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <pthread.h>

#include "error.h"
#include "str.h"

/* Whether s[i..len) starts with lit[0..n) (the first byte compared first). */
static inline bool fg_at_lit(const char *s, size_t len, size_t i, const char *lit, size_t n)
{
    return i <= len && n <= len - i && (n == 0 || s[i] == lit[0]) && memcmp(s + i, lit, n) == 0;
}

/* The code point at s[i] (i < len) and its length in *n; -1 with *n 0 past the end, -1 with
 * *n 1 for an invalid byte. */
static inline int32_t fg_cp_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (i >= len) {
        *n = 0;
        return -1;
    }
    return fg_utf8_decode(s + i, len - i, n);
}

/* The start of the code point that ends at s[i] (i > 0). */
static inline size_t fg_cp_start_before(const char *s, size_t i)
{
    size_t k = i;

    while (k > 0 && i - k < 4) {
        k--;
        if (((unsigned char)s[k] & 0xC0) != 0x80)
            break;
    }
    return k;
}

/* The code point that ends at s[i], or -1 when i is 0. */
static inline int32_t fg_cp_before(const char *s, size_t i)
{
    size_t n;
    size_t k;

    if (i == 0)
        return -1;
    k = fg_cp_start_before(s, i);
    return fg_utf8_decode(s + k, i - k, &n);
}

/* Value of an ASCII or full-width digit, or -1. */
static inline int fg_digit_value(int32_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 0xFF10 && c <= 0xFF19)
        return c - 0xFF10;
    return -1;
}

/* The Chinese digits 零一二三四五六七八九 (〇 is also 0, 两 also 2), each at its value. */
static const int32_t fg_cn_digits[10] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                         0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};

/* Value of a Chinese digit 〇零一二两三四五六七八九, or -1. */
static inline int fg_cn_digit_value(int32_t c)
{
    if (c == 0x3007 /* 〇 */)
        return 0;
    if (c == 0x4E24 /* 两 */)
        return 2;
    for (int d = 0; d < 10; d++)
        if (c == fg_cn_digits[d])
            return d;
    return -1;
}

/* The three bytes at u as one number, for comparing a character with a few at once. */
static inline uint32_t fg_char3(const unsigned char *u)
{
    return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
}

/*
 * Whether an ASCII or full-width digit (０-９) starts at text[i], by its bytes: 1 or 0, or -1
 * when the byte there starts a character of three bytes other than a full-width form (a
 * Chinese character, say), for the caller to judge. The first test of a reader's search.
 */
static inline int fg_digit_start_at(const char *text, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)text + i;

    if (u[0] < 0x80)
        return u[0] >= '0' && u[0] <= '9';
    if (i + 3 > len)
        return 0;
    if (u[0] == 0xEF)
        return u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99;
    return -1;
}

/* Whether k (fg_char3()) is a Chinese digit 〇零一二两三四五六七八九 or 十. */
static inline bool fg_cn_numeral3(uint32_t k)
{
    /* The character of three bytes k encodes (the digits and 十 are all of three bytes). */
    int32_t c = (int32_t)((k >> 4 & 0xF000) | (k >> 2 & 0x0FC0) | (k & 0x3F));

    return (k & 0xF0C0C0) == 0xE08080 && (c == 0x5341 /* 十 */ || fg_cn_digit_value(c) >= 0);
}

/*
 * Whether c ends a phrase for both readers: -1 (the text's edge), line ends, , ; : ( ) and
 * ， ； 。 ： 、 （ ） 【 】 ！ ？ and the ideographic space. Each reader adds its own few.
 */
static inline bool fg_phrase_edge(int32_t c)
{
    switch (c) {
    case -1:
    case '\n':
    case '\r':
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
    case 0xFF0C: /* ， */
    case 0xFF1B: /* ； */
    case 0x3002: /* 。 */
    case 0xFF1A: /* ： */
    case 0x3001: /* 、 */
    case 0xFF08: /* （ */
    case 0xFF09: /* ） */
    case 0x3010: /* 【 */
    case 0x3011: /* 】 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0x3000: /* ideographic space */
        return true;
    default:
        return false;
    }
}

/*
 * The places a reader's search stops at: the next ASCII digit and the next place where a
 * character of a set may start (fg_charscan_next()), both cached so that each scan runs
 * once over the text. digit and chr are where the last call found them.
 */
typedef struct fg_stops {
    const fg_charscan *set;
    size_t digit;
    size_t chr;
} fg_stops;

static inline void fg_stops_init(fg_stops *st, const fg_charscan *set, const char *text,
                                 size_t len, size_t from)
{
    st->set = set;
    st->digit = fg_next_ascii_digit(text, len, from);
    st->chr = fg_charscan_next(set, text, len, from, len);
}

/* The first stop at or after i (len when none is left). */
static inline size_t fg_stops_next(fg_stops *st, const char *text, size_t len, size_t i)
{
    if (st->digit < i)
        st->digit = fg_next_ascii_digit(text, len, i);
    if (st->chr < i)
        st->chr = fg_charscan_next(st->set, text, len, i, len);
    return st->digit < st->chr ? st->digit : st->chr;
}

/*
 * The loop step of a find function: *i moved to the first stop at or after it, and *n set to
 * the length of the character there; false when no stop is left.
 */
static inline bool fg_stops_step(fg_stops *st, const char *text, size_t len, size_t *i,
                                 size_t *n)
{
    if (*i >= len)
        return false;
    *i = fg_stops_next(st, text, len, *i);
    if (*i >= len)
        return false;
    *n = fg_cp_len((unsigned char)text[*i]);
    return true;
}

/*
 * Defines `static const fg_charscan *get(void)`: the scanner for the 3-byte characters of
 * the literal chars, set up once for all threads.
 */
#define FG_CHARSCAN_ONCE(get, chars)                                                        \
    static fg_charscan get##_set;                                                           \
    static void get##_init(void)                                                            \
    {                                                                                       \
        fg_charscan_init(&get##_set, chars, sizeof chars - 1);                              \
    }                                                                                       \
    static const fg_charscan *get(void)                                                     \
    {                                                                                       \
        static pthread_once_t once = PTHREAD_ONCE_INIT;                                     \
                                                                                            \
        pthread_once(&once, get##_init);                                                    \
        return &get##_set;                                                                  \
    }

/*
 * The checks a find function (fg_deadline_find(), fg_target_find()) starts with, named fn in
 * the messages: out and found must be given, text unless len is 0; out (size bytes) is
 * cleared and *found false. Then st is set up on the characters of set from `from` on for
 * fg_stops_step() (with no stop left when there is no text). 1 when there is text to search,
 * 0 when there is none, or FG_EINVAL.
 */
static inline int fg_find_start(fg_stops *st, const fg_charscan *set, const char *fn, void *out,
                                size_t size, bool *found, const char *text, size_t len,
                                size_t from)
{
    *st = (fg_stops){set, len, len};
    if (out == NULL || found == NULL)
        return fg_error_set(FG_EINVAL, "%s: out and found must not be NULL", fn);
    memset(out, 0, size);
    *found = false;
    if (text == NULL) {
        if (len > 0)
            return fg_error_set(FG_EINVAL, "%s: text must not be NULL", fn);
        return 0;
    }
    fg_stops_init(st, set, text, len, from);
    return 1;
}

#define FG_AT(s, len, i, lit) fg_at_lit((s), (len), (i), lit, sizeof(lit) - 1)

/* A range separator between two years, dates or values: — – ― － ～ 至 到 - ~, or ——; its
 * length in bytes, or 0. */
static inline size_t fg_range_sep(const char *s, size_t len, size_t i)
{
    if (FG_AT(s, len, i, "——"))
        return 6;
    if (FG_AT(s, len, i, "—") || FG_AT(s, len, i, "–") || FG_AT(s, len, i, "―") ||
        FG_AT(s, len, i, "－") || FG_AT(s, len, i, "～") || FG_AT(s, len, i, "至") ||
        FG_AT(s, len, i, "到"))
        return 3;
    if (i < len && (s[i] == '-' || s[i] == '~'))
        return 1;
    return 0;
}

#endif

/*
 * Internal: the characters of UTF-8 Chinese text at byte offsets, for the readers of phrases
 * (deadline.c, target.c): literals, code points at and before an offset, digit values and
 * range separators. Inline: they run at every candidate position.
 */
#ifndef FG_SRC_CHARS_H
#define FG_SRC_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* Value of a Chinese digit 〇零一二两三四五六七八九, or -1. */
static inline int fg_cn_digit_value(int32_t c)
{
    switch (c) {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
        return 0;
    case 0x4E00: /* 一 */
        return 1;
    case 0x4E8C: /* 二 */
    case 0x4E24: /* 两 */
        return 2;
    case 0x4E09: /* 三 */
        return 3;
    case 0x56DB: /* 四 */
        return 4;
    case 0x4E94: /* 五 */
        return 5;
    case 0x516D: /* 六 */
        return 6;
    case 0x4E03: /* 七 */
        return 7;
    case 0x516B: /* 八 */
        return 8;
    case 0x4E5D: /* 九 */
        return 9;
    default:
        return -1;
    }
}

/* The three bytes at u as one number, for comparing a character with a few at once. */
static inline uint32_t fg_char3(const unsigned char *u)
{
    return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
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

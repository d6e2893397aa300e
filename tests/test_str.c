/*
 * Unit tests for src/str.c: the substring search and the character scanner, which have
 * vector paths, against plain reference loops written here. ctest runs this file under
 * GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2 too (tests/simd_env.h); the scanner's two twins are
 * also compared directly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "str.h"
#include "simd_env.h"

/* A small deterministic generator (xorshift64), so that failures can be replayed. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static unsigned rnd(unsigned bound)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % bound);
}

/*
 * Pieces that texts are built of: characters that share lead and continuation bytes with
 * the needles (牵 E7 89 B5, 头 E5 A4 B4, 第 E7 AC AC …), ASCII, brackets and blanks.
 */
static const char *const pieces[] = {"牵", "头", "牵头", "第", "一", "首", "位", "单", "部",
                                     "门", "〔", "〕", "[", "［", "。", "；", "，", "、",
                                     "a", "1", " ", "\u3000", "（", "）", "号", "\xE7\x89"};

/*
 * A random text of about len bytes, of whole pieces; with cut, also the piece that is a
 * character cut short (the scanner's contract is valid UTF-8, the search's is not).
 */
static size_t random_text(char *buf, size_t cap, size_t len, bool cut)
{
    size_t n_pieces = sizeof pieces / sizeof pieces[0] - (cut ? 0 : 1);
    size_t n = 0;

    while (n < len) {
        const char *p = pieces[rnd((unsigned)n_pieces)];
        size_t k = strlen(p);

        if (n + k >= cap)
            break;
        memcpy(buf + n, p, k);
        n += k;
    }
    buf[n] = '\0';
    return n;
}

static size_t naive_find(const char *s, size_t len, const char *lit, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, lit, n) == 0)
            return i;
    return SIZE_MAX;
}

static void test_str__find_matches_a_plain_search(void **state)
{
    static const char *const needles[] = {"牵头", "牵", "头", "第一", "首位", "〔", "[", "［",
                                          "。", "a", "1 ", "牵头单位", "单位：", "号", "\xB5\xE5",
                                          "一第", "a1a1a1a1a1a1a1a1a1"};
    char text[600];

    (void)state;
    for (int round = 0; round < 4000; round++) {
        size_t len = random_text(text, sizeof text, rnd(300), true);

        for (size_t k = 0; k < sizeof needles / sizeof needles[0]; k++) {
            size_t n = strlen(needles[k]);

            /* Every start, so that each needle falls on every offset of a vector block. */
            for (size_t from = 0; from <= len; from += 1 + rnd(40)) {
                fg_strview s = fg_sv(text + from, len - from);
                size_t want = naive_find(text + from, len - from, needles[k], n);

                assert_int_equal(fg_sv_find_n(s, needles[k], n), want);
            }
        }
    }
}

static void test_str__find_edge_cases(void **state)
{
    (void)state;
    assert_int_equal(fg_sv_find(fg_sv("", 0), "牵头"), SIZE_MAX);
    assert_int_equal(fg_sv_find_n(fg_sv("abc", 3), "", 0), 0);
    assert_int_equal(fg_sv_find(fg_sv_cstr("牵头"), "牵头"), 0);
    assert_int_equal(fg_sv_find(fg_sv_cstr("牵"), "牵头"), SIZE_MAX);
    /* a match that ends exactly at the end of a long haystack */
    {
        char buf[256];

        memset(buf, 'x', sizeof buf);
        memcpy(buf + sizeof buf - 6, "牵头", 6);
        assert_int_equal(fg_sv_find(fg_sv(buf, sizeof buf), "牵头"), sizeof buf - 6);
        assert_int_equal(fg_sv_find(fg_sv(buf, sizeof buf - 1), "牵头"), SIZE_MAX);
    }
}

/* Every index a scanner must stop at: starts of the characters of set (a superset is fine). */
static void test_str__charscan_stops_at_every_member(void **state)
{
    static const char set[] = "牵头。；第";
    fg_charscan cs;
    char text[600];
    size_t out[600];

    (void)state;
    fg_charscan_init(&cs, set, sizeof set - 1);
    for (int round = 0; round < 4000; round++) {
        size_t len = random_text(text, sizeof text, rnd(400), false);
        size_t n_all = fg_charscan_all(&cs, text, len, out);
        size_t k = 0;
        size_t i = 0;

        /* fg_charscan_all() gives the stops of fg_charscan_next() in order. */
        while ((i = fg_charscan_next(&cs, text, len, i, len)) < len) {
            assert_true(k < n_all);
            assert_int_equal(out[k], i);
            k++;
            i += 3;
        }
        assert_int_equal(k, n_all);
        /* The other twin (portable or AVX2) stops at the very same places. */
        {
            fg_charscan other = cs;
            size_t out2[600];

            other.avx2 = !cs.avx2;
            assert_int_equal(fg_charscan_all(&other, text, len, out2), n_all);
            assert_memory_equal(out2, out, n_all * sizeof out[0]);
            for (size_t from = 0; from < len; from += 1 + from % 7)
                assert_int_equal(fg_charscan_next(&other, text, len, from, len),
                                 fg_charscan_next(&cs, text, len, from, len));
        }
        /* No member is skipped: each occurrence (on a character boundary) is a stop. */
        for (size_t j = 0; j + 3 <= len; j++) {
            bool member = false;
            bool stop = false;

            for (size_t m = 0; m + 3 <= sizeof set - 1; m += 3)
                member = member || memcmp(text + j, set + m, 3) == 0;
            for (size_t q = 0; q < n_all; q++)
                stop = stop || out[q] == j;
            if (member && (j == 0 || ((unsigned char)text[j] & 0xC0) != 0x80))
                assert_true(stop);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_str__find_matches_a_plain_search),
        cmocka_unit_test(test_str__find_edge_cases),
        cmocka_unit_test(test_str__charscan_stops_at_every_member),
    };

    simd_check_env();
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Decoding raw input into the text every other module relies on: valid NFC UTF-8, "\n" line
 * breaks, no BOM, NUL-terminated with an authoritative length. Decoding runs in three
 * stages over one input: (1) detect the encoding and produce UTF-8 (a UTF-8 or UTF-16 BOM
 * wins; valid UTF-8 is kept as is; else text that converts cleanly from GB18030 is
 * GB18030; else UTF-8 with each ill-formed sequence replaced by U+FFFD); (2) refuse binary
 * data, turn CRLF and lone CR into "\n" and NUL into U+FFFD; (3) NFC, handing utf8proc only
 * the short segments around code points that could change, so that ASCII and Chinese text
 * never reach it. Replacements are warnings carrying the 1-based line of the input: a
 * line ends at LF, CR or CRLF, which is exactly what stage 2 turns into one "\n", so the
 * lines of the result are those of the input. Every stage is O(n).
 */
#include "fengong/text.h"


#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <pthread.h>
#include <unistd.h>
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
#include <emmintrin.h>
#endif
#include <utf8proc.h>

#include "error.h"
#include "names.h"
#include "reader.h"
#include "str.h"
#include "unwrap.h"

#define READ_LIMIT ((size_t)1 << 30) /* 1 GiB */
#define READ_CHUNK ((size_t)64 * 1024)
#define NUL_LIMIT 8 /* more NUL bytes than this means binary */
/*
 * A segment handed to utf8proc ends at the first code point that NFC cannot touch, or
 * before the 31st combining mark in a row: the Stream-Safe limit of UAX #15, which no
 * real text reaches. That cut keeps utf8proc's insertion sort of marks linear on hostile
 * input; the marks on either side of it are then ordered separately.
 */
#define MAX_NONSTARTERS 30

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

typedef enum warn_kind {
    WARN_UTF8,  /* an ill-formed UTF-8 sequence */
    WARN_UTF16, /* an unpaired UTF-16 surrogate */
    WARN_NUL    /* a NUL byte */
} warn_kind;

/* A replacement noted while decoding; formatted into a message at the end. */
typedef struct pending {
    size_t pos; /* byte offset in the stage-1 UTF-8 */
    size_t line;
    warn_kind kind;
    unsigned unit;          /* WARN_UTF16: the code unit */
    unsigned char bytes[4]; /* WARN_UTF8: the sequence */
    size_t n_bytes;
} pending;

/* Counts line breaks (LF, CR, CRLF) in a buffer incrementally, front to back. */
typedef struct line_counter {
    size_t pos;
    size_t line;
    bool after_cr;
} line_counter;

/* Stage 1 and stage 2 each keep their first warnings; they are merged by position. */
enum { STAGE_DECODE = 0, STAGE_LINES = 1, N_STAGES = 2 };

typedef struct decoder {
    const char *name;
    pending seen[N_STAGES][FG_TEXT_MAX_WARNINGS];
    size_t n_seen[N_STAGES];
    line_counter lines[N_STAGES];
    size_t n_replaced;
} decoder;

/* What fg_text.priv_ points at: the text and everything it owns. */
typedef struct text_impl {
    fg_text pub;
    char *data;
    fg_arena *arena; /* name and warning messages */
    fg_text_warning warnings[FG_TEXT_MAX_WARNINGS];
    /*
     * The digest of the raw bytes: worked out by decode(), or, when raw_is_data, by the first
     * fg_text_sha256() (the raw bytes were then the UTF-8 BOM when bom, followed by data).
     */
    char sha256[65];
    bool raw_is_data;
    bool bom;
} text_impl;

typedef struct text_stats {
    size_t n_nul;
    size_t n_ctrl; /* C0 controls other than \t \n \f \r, and DEL; includes NUL */
    size_t n_cr;
    size_t n_cps;
} text_stats;

/* ---- UTF-8 ---- */

/* The first index >= i in s[0..len) that is not ASCII, or len. */
static size_t skip_ascii(const unsigned char *s, size_t i, size_t len)
{
    while (i + 8 <= len) {
        uint64_t w;

        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

/*
 * Length of the UTF-8 sequence at s (avail > 0 bytes left) per Unicode table 3-7, with *ok
 * true; for an ill-formed one, the length of its maximal subpart (at least 1), *ok false.
 */
static size_t utf8_sequence(const unsigned char *s, size_t avail, bool *ok)
{
    /* Table 3-7 by lead bytes: the sequence's length, the range of its second byte. */
    static const struct {
        unsigned char first, last, need, lo, hi;
    } forms[] = {
        {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF}, {0xE1, 0xEC, 3, 0x80, 0xBF},
        {0xED, 0xED, 3, 0x80, 0x9F}, {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
        {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},
    };
    const size_t n_forms = sizeof forms / sizeof *forms;
    size_t f = 0;

    *ok = s[0] < 0x80;
    if (*ok)
        return 1;
    while (f < n_forms && (s[0] < forms[f].first || s[0] > forms[f].last))
        f++;
    if (f == n_forms)
        return 1;
    for (size_t i = 1; i < forms[f].need; i++) {
        /* bytes after the second: 80..BF */
        unsigned char lo = i == 1 ? forms[f].lo : 0x80;
        unsigned char hi = i == 1 ? forms[f].hi : 0xBF;

        if (i >= avail || s[i] < lo || s[i] > hi)
            return i;
    }
    *ok = true;
    return forms[f].need;
}

/* The code point at s, of the avail bytes left, into *n bytes; s holds well-formed UTF-8. */
static int32_t utf8_next(const unsigned char *s, size_t avail, size_t *n)
{
    return fg_utf8_decode((const char *)s, avail, n);
}

static bool is_stable(int32_t cp);
static bool punct_stable;

#if defined(__SSE2__) && !defined(FG_NO_SIMD)
/* Byte-wise unsigned v >= c and v <= c (all ones where true). */
static inline __m128i ge8(__m128i v, unsigned char c)
{
    return _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)c)), v);
}

static inline __m128i le8(__m128i v, unsigned char c)
{
    return _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8((char)c)), v);
}

static inline __m128i eq8(__m128i v, unsigned char c)
{
    return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)c));
}

/*
 * Where the character that s[at] belongs to starts, for the block validators: at, or up to
 * 3 bytes back over continuation bytes (the bytes before at are well-formed). Without a
 * loop: in Chinese text the block ends cut characters in a changing pattern, and a loop's
 * branch mispredicted. (Over ill-formed bytes at at, a loop could go back further; either
 * way the next block, which starts at an error or at a byte before it, fails.)
 */
static inline size_t char_start_before(const unsigned char *s, size_t at)
{
    size_t c0 = (s[at] & 0xC0) == 0x80;
    size_t c1 = c0 & ((s[at - 1] & 0xC0) == 0x80);
    size_t c2 = c1 & ((s[at - 2] & 0xC0) == 0x80);

    return at - c0 - c1 - c2;
}

/*
 * The bytes of the 16 at s + i (v; p1, p2, p3 are the bytes 1, 2, 3 before each) that break
 * the rules of table 3-7 of Unicode: a continuation byte where none is due or none where
 * one is, C0, C1 or F5..FF, and the second bytes that E0, ED, F0 and F4 restrict.
 */
static inline unsigned utf8_errors16(__m128i v, __m128i p1, __m128i p2, __m128i p3)
{
    /* 80..BF are the signed bytes below -64. */
    __m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0));
    __m128i due = _mm_or_si128(ge8(p1, 0xC0), _mm_or_si128(ge8(p2, 0xE0), ge8(p3, 0xF0)));
    __m128i bad = _mm_xor_si128(cont, due);
    __m128i e0 = eq8(p1, 0xE0);
    __m128i ed = eq8(p1, 0xED);
    __m128i f0 = eq8(p1, 0xF0);
    __m128i f4 = eq8(p1, 0xF4);

    bad = _mm_or_si128(bad, ge8(v, 0xF5));
    bad = _mm_or_si128(bad, eq8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)), 0xC0)); /* C0 C1 */
    if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(e0, ed), _mm_or_si128(f0, f4))) != 0) {
        bad = _mm_or_si128(bad, _mm_andnot_si128(ge8(v, 0xA0), e0));
        bad = _mm_or_si128(bad, _mm_andnot_si128(le8(v, 0x9F), ed));
        bad = _mm_or_si128(bad, _mm_andnot_si128(ge8(v, 0x90), f0));
        bad = _mm_or_si128(bad, _mm_andnot_si128(le8(v, 0x8F), f4));
    }
    return (unsigned)_mm_movemask_epi8(bad);
}

/*
 * For the block validators: the lead bytes of the block of width bytes at s + i that bit k
 * of m marks (their characters end in the block, or are cut by its end) are looked at in
 * order; the first that starts a code point that is not stable goes to *unstable.
 * Returns whether there was one.
 */
static bool first_unstable(const unsigned char *s, size_t i, size_t width, uint32_t m,
                           size_t *unstable)
{
    for (; m != 0; m &= m - 1) {
        size_t k = i + (size_t)__builtin_ctz(m);
        size_t n_cp;

        /*
         * A sequence that runs past this block was not checked, and is ill-formed (a
         * well-formed one would have moved the next block's start back to its lead): it is
         * past the valid prefix, where stability does not matter. Do not read it.
         */
        if (k + (s[k] >= 0xF0 ? 4 : s[k] >= 0xE0 ? 3 : 2) > i + width)
            continue;
        if (!is_stable(utf8_next(s + k, i + width - k, &n_cp))) {
            *unstable = k;
            return true;
        }
    }
    return false;
}

/*
 * Validate s 16 bytes at a time from 0 while 17 bytes are left; returns an offset from
 * which the byte-wise loop may go on: everything before it is well-formed and complete.
 * While *check, the first code point that is neither ASCII, nor an ideograph E4..E9, nor
 * stable is looked for, as utf8_valid_prefix_nfc() does, and reported in *unstable.
 */
static size_t utf8_valid_blocks(const unsigned char *s, size_t len, size_t *unstable, bool *check)
{
    size_t i = 0;
    size_t safe = 0;

    while (i + 18 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i p1;
        __m128i p2;
        __m128i p3;
        size_t next = i + 16;

        if (i == 0) { /* nothing before the text: as if ASCII */
            p1 = _mm_slli_si128(v, 1);
            p2 = _mm_slli_si128(v, 2);
            p3 = _mm_slli_si128(v, 3);
        } else {
            p1 = _mm_loadu_si128((const __m128i *)(s + i - 1));
            p2 = _mm_loadu_si128((const __m128i *)(s + i - 2));
            p3 = _mm_loadu_si128((const __m128i *)(s + i - 3));
        }
        if (utf8_errors16(v, p1, p2, p3) != 0)
            break;
        /* The next block starts with a character: back over a sequence cut by this one. */
        next = char_start_before(s, next);
        if (*check) {
            /* Lead bytes other than E4..E9, of characters that end before next. */
            __m128i lead = ge8(v, 0xC0);
            __m128i skip = _mm_and_si128(ge8(v, 0xE4), le8(v, 0xE9));
            unsigned m;

            if (punct_stable) {
                /* Common punctuation: U+2002..203F, U+3000..3029, U+3030..303F, U+FF00..FF7F. */
                __m128i v1 = _mm_loadu_si128((const __m128i *)(s + i + 1));
                __m128i v2 = _mm_loadu_si128((const __m128i *)(s + i + 2));
                __m128i x80 = eq8(v1, 0x80);
                __m128i gen = _mm_and_si128(_mm_and_si128(eq8(v, 0xE2), x80), ge8(v2, 0x82));
                __m128i cjkp = _mm_andnot_si128(_mm_and_si128(ge8(v2, 0xAA), le8(v2, 0xAF)),
                                                _mm_and_si128(eq8(v, 0xE3), x80));
                __m128i full = _mm_and_si128(eq8(v, 0xEF),
                                             _mm_or_si128(eq8(v1, 0xBC), eq8(v1, 0xBD)));

                skip = _mm_or_si128(skip, _mm_or_si128(gen, _mm_or_si128(cjkp, full)));
            }
            m = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(skip, lead)) &
                ((1u << (next - i)) - 1);
            if (first_unstable(s, i, 16, m, unstable))
                *check = false;
        }
        /* Sequences that reach into this block from before it are complete: all checked. */
        safe = i;
        i = next;
    }
    return safe;
}

#endif

/*
 * Length of the longest well-formed UTF-8 prefix of s[0..len). When unstable is not NULL,
 * it also receives the offset of the first code point of that prefix that stage 3 would
 * not skip (neither ASCII nor stable, see normalise_nfc()), or the prefix length if none:
 * a text with none needs no NFC pass at all.
 */
static size_t utf8_valid_prefix_nfc(const unsigned char *s, size_t len, size_t *unstable)
{
    size_t i = 0;
    bool check = unstable != NULL;

    if (unstable != NULL)
        *unstable = SIZE_MAX;
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
        i = utf8_valid_blocks(s, len, unstable, &check);
#endif
    while (i < len) {
        bool ok;
        size_t n;
        size_t n_cp;

        if (s[i] < 0x80) {
            i = skip_ascii(s, i, len);
            continue;
        }
        /*
         * Fast lane for the 3-byte sequences whose second byte may be anything in 80..BF
         * (lead E1..EC, EE, EF): U+1000..U+FFFF but for surrogates, where nearly all
         * Chinese text and its punctuation lie. E4..E9 (U+4000..U+9FFF) are stable.
         */
        if (s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED && i + 2 < len &&
            (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
            if (check && (s[i] < 0xE4 || s[i] > 0xE9) &&
                !is_stable(utf8_next(s + i, len - i, &n_cp))) {
                *unstable = i;
                check = false;
            }
            i += 3;
            continue;
        }
        n = utf8_sequence(s + i, len - i, &ok);
        if (!ok)
            break;
        if (check && !is_stable(utf8_next(s + i, len - i, &n_cp))) {
            *unstable = i;
            check = false;
        }
        i += n;
    }
    if (unstable != NULL && *unstable == SIZE_MAX)
        *unstable = i;
    return i;
}

/* Length of the longest well-formed UTF-8 prefix of s[0..len). */
static size_t utf8_valid_prefix(const unsigned char *s, size_t len)
{
    return utf8_valid_prefix_nfc(s, len, NULL);
}

/* ---- warnings ---- */

/* The 1-based line of byte pos of buf; pos never goes backwards between calls. */
static size_t line_at(line_counter *lc, const char *buf, size_t pos)
{
    for (size_t i = lc->pos; i < pos; i++) {
        char c = buf[i];

        if (c == '\r' || (c == '\n' && !lc->after_cr))
            lc->line++;
        lc->after_cr = c == '\r';
    }
    if (pos > lc->pos)
        lc->pos = pos;
    return lc->line;
}

/*
 * Count one replacement at byte pos of the stage-1 buffer buf; returns the record to fill
 * in, or NULL when the stage already holds FG_TEXT_MAX_WARNINGS.
 */
static pending *note(decoder *dec, int stage, const char *buf, size_t pos, warn_kind kind)
{
    pending *w;

    dec->n_replaced++;
    if (dec->n_seen[stage] == FG_TEXT_MAX_WARNINGS)
        return NULL;
    w = &dec->seen[stage][dec->n_seen[stage]++];
    memset(w, 0, sizeof *w);
    w->pos = pos;
    w->kind = kind;
    w->line = line_at(&dec->lines[stage], buf, pos);
    return w;
}

__attribute__((format(printf, 2, 3))) static char *arena_printf(fg_arena *a, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *s;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    s = fg_arena_alloc(a, (size_t)n + 1);
    if (s == NULL)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

static char *format_warning(fg_arena *a, const char *name, const pending *w)
{
    char hex[sizeof " 0xFF" * 4];
    size_t off = 0;

    switch (w->kind) {
    case WARN_UTF8:
        if (w->n_bytes == 1)
            return arena_printf(a, "%s:%zu: invalid UTF-8 byte 0x%02X replaced", name, w->line,
                                w->bytes[0]);
        for (size_t i = 0; i < w->n_bytes; i++)
            off += (size_t)snprintf(hex + off, sizeof hex - off, " 0x%02X", w->bytes[i]);
        return arena_printf(a, "%s:%zu: invalid UTF-8 sequence%s replaced", name, w->line, hex);
    case WARN_UTF16:
        return arena_printf(a, "%s:%zu: unpaired UTF-16 surrogate 0x%04X replaced", name, w->line,
                            w->unit);
    case WARN_NUL:
    default:
        return arena_printf(a, "%s:%zu: NUL byte replaced", name, w->line);
    }
}

/* ---- stage 1: bytes to UTF-8 ---- */

/* s[0..valid_len) is well-formed; copy s[0..len) to out replacing each ill-formed part. */
static int replace_invalid_utf8(decoder *dec, fg_str *out, const unsigned char *s, size_t len,
                                size_t valid_len)
{
    size_t i = 0;
    int rc = FG_OK;

    FG_TRY(fg_str_reserve(out, len + len / 2));
    while (i < len) {
        size_t n = i == 0 ? valid_len : utf8_valid_prefix(s + i, len - i);
        pending *w;
        bool ok;

        FG_TRY(fg_str_append(out, (const char *)s + i, n));
        i += n;
        if (i == len)
            break;
        n = utf8_sequence(s + i, len - i, &ok);
        w = note(dec, STAGE_DECODE, out->ptr, out->len, WARN_UTF8);
        if (w != NULL) {
            memcpy(w->bytes, s + i, n);
            w->n_bytes = n;
        }
        FG_TRY(fg_str_append(out, REPLACEMENT, 3));
        i += n;
    }
out:
    return rc;
}

/*
 * Convert s[0..len) from enc (FG_ENC_UTF16LE, FG_ENC_UTF16BE or FG_ENC_GB18030) to UTF-8
 * in out. UTF-16 code units iconv refuses (unpaired surrogates) are replaced and noted;
 * GB18030 is all or nothing: at the first bad sequence *is_clean becomes false and the
 * conversion stops.
 */
static int convert(decoder *dec, fg_str *out, fg_encoding enc, const unsigned char *s, size_t len,
                   bool *is_clean)
{
    const char *from = fg_encoding_name(enc);
    iconv_t cd = (iconv_t)-1;
    char *in = (char *)s; /* iconv does not write to its input */
    size_t in_left = len;
    int rc = FG_OK;

    *is_clean = true;
    cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        if (errno == ENOMEM)
            rc = fg_error_set(FG_ENOMEM, "out of memory");
        else
            rc = fg_error_set(FG_EENCODING, "%s: cannot convert from %s: %s", dec->name, from,
                              strerror(errno));
        goto out;
    }
    for (;;) {
        int err;
        pending *w;

        FG_TRY(fg_str_append_iconv(out, cd, &in, &in_left, &err));
        if (err == 0)
            break;
        if (err != EILSEQ && err != EINVAL) {
            rc = fg_error_set(FG_EENCODING, "%s: cannot convert from %s: %s", dec->name, from,
                              strerror(err));
            goto out;
        }
        if (enc == FG_ENC_GB18030) {
            *is_clean = false;
            goto out;
        }
        /* len is even, so a whole code unit is left: a surrogate without its partner. */
        w = note(dec, STAGE_DECODE, out->ptr, out->len, WARN_UTF16);
        if (w != NULL) {
            const unsigned char *u = (const unsigned char *)in;

            w->unit =
                enc == FG_ENC_UTF16LE ? (unsigned)(u[0] | u[1] << 8) : (unsigned)(u[0] << 8 | u[1]);
        }
        FG_TRY(fg_str_append(out, REPLACEMENT, 3));
        in += 2;
        in_left -= 2;
    }
out:
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    return rc;
}

/*
 * Stage 1. Sets *enc, and the UTF-8 result in *s and *n: either bytes themselves (well-formed
 * UTF-8, BOM skipped) or conv, which then owns it. *unstable receives an offset in *s before
 * which stage 3 has nothing to do (0 when not known).
 */
static int decode_bytes(decoder *dec, fg_str *conv, fg_encoding *enc, const char **s, size_t *n,
                        size_t *unstable, const unsigned char *bytes, size_t len)
{
    size_t valid;
    bool is_clean;
    int rc = FG_OK;

    *unstable = 0;
    if (len >= 2 &&
        ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        size_t body = len - 2;

        *enc = bytes[0] == 0xFF ? FG_ENC_UTF16LE : FG_ENC_UTF16BE;
        FG_TRY(convert(dec, conv, *enc, bytes + 2, body & ~(size_t)1, &is_clean));
        if (body % 2) {
            line_counter lc = {0, 1, false};

            rc = fg_error_set(FG_EENCODING, "%s:%zu: truncated UTF-16 input", dec->name,
                              line_at(&lc, conv->ptr, conv->len));
            goto out;
        }
        *s = conv->ptr;
        *n = conv->len;
        goto out;
    }
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        *enc = FG_ENC_UTF8_BOM;
        bytes += 3;
        len -= 3;
    } else {
        *enc = FG_ENC_UTF8;
    }
    valid = utf8_valid_prefix_nfc(bytes, len, unstable);
    if (valid == len) {
        *s = (const char *)bytes;
        *n = len;
        goto out;
    }
    *unstable = 0;
    if (*enc == FG_ENC_UTF8) {
        FG_TRY(convert(dec, conv, FG_ENC_GB18030, bytes, len, &is_clean));
        if (is_clean) {
            *enc = FG_ENC_GB18030;
            *s = conv->ptr;
            *n = conv->len;
            goto out;
        }
        fg_str_clear(conv);
    }
    FG_TRY(replace_invalid_utf8(dec, conv, bytes, len, valid));
    *s = conv->ptr;
    *n = conv->len;
out:
    return rc;
}

/* ---- stage 2: binary check, line breaks, NUL ---- */

/* Whether b is a byte count_stats() counts other than a continuation byte. */
static inline unsigned char is_special_byte(unsigned char b)
{
    return (unsigned char)(((b < 0x20) & (b != '\t') & (b != '\n') & (b != '\f')) | (b == 0x7F));
}

/*
 * Whether s holds any NUL, CR, other control character (\t \n \f aside) or DEL. Almost no
 * text does, and then count_stats() has nothing to count but characters, which nobody
 * needs. Blocks of 64 bytes with no early exit inside, so that the compiler vectorises them.
 */
static bool has_special_bytes(const unsigned char *s, size_t len)
{
    size_t i = 0;
    unsigned char acc = 0;

    for (; i + 64 <= len; i += 64) {
        for (size_t k = 0; k < 64; k++)
            acc |= is_special_byte(s[i + k]);
        if (acc)
            return true;
    }
    for (; i < len; i++)
        acc |= is_special_byte(s[i]);
    return acc != 0;
}

static void count_stats(text_stats *st, const unsigned char *s, size_t len)
{
    size_t i = 0;

    memset(st, 0, sizeof *st);
    if (!has_special_bytes(s, len))
        return; /* no NUL, CR or control character: n_cps is not needed (see the caller) */
    st->n_cps = len;
    /*
     * Blocks of 255 bytes with 8-bit counters that cannot overflow, branch-free, so that the
     * compiler turns the inner loop into byte-wise vector compares.
     */
    while (i < len) {
        size_t end = len - i > 255 ? i + 255 : len;
        uint8_t n_nul = 0;
        uint8_t n_ctrl = 0;
        uint8_t n_cr = 0;
        uint8_t n_cont = 0;

        for (; i < end; i++) {
            unsigned char b = s[i];

            n_nul += b == 0;
            n_cr += b == '\r';
            n_cont += (b & 0xC0) == 0x80;
            n_ctrl += (b < 0x20) & (b != '\t') & (b != '\n') & (b != '\f') & (b != '\r');
            n_ctrl += b == 0x7F;
        }
        st->n_nul += n_nul;
        st->n_ctrl += n_ctrl;
        st->n_cr += n_cr;
        st->n_cps -= n_cont;
    }
}

/* The next index >= i of a CR (or a NUL, when there are any), or len. */
static size_t next_special(const char *s, size_t i, size_t len, bool has_nul)
{
    const char *p;

    if (has_nul) {
        while (i < len && s[i] != '\r' && s[i] != '\0')
            i++;
        return i;
    }
    p = memchr(s + i, '\r', len - i);
    return p ? (size_t)(p - s) : len;
}

/*
 * Stage 2: refuse binary data, then put s[0..len) into dst with CRLF and CR turned into
 * LF and NUL into U+FFFD. When s lies inside donor (which then holds nothing else we
 * need), donor's buffer is reused instead of copied.
 */
static int normalise_lines(decoder *dec, fg_str *dst, fg_str *donor, const char *s, size_t len,
                           bool *verbatim)
{
    text_stats st;
    size_t i = 0;
    char *o;
    int rc = FG_OK;

    *verbatim = false;
    count_stats(&st, (const unsigned char *)s, len);
    /* With no control characters, n_cps may be left 0: the test below is then false anyway. */
    if (st.n_nul > NUL_LIMIT || st.n_nul * 100 > len || st.n_ctrl * 10 > st.n_cps) {
        rc = fg_error_set(FG_EENCODING, "%s: binary data, not text", dec->name);
        goto out;
    }
    if (st.n_cr == 0 && st.n_nul == 0) {
        uintptr_t at = (uintptr_t)s;
        uintptr_t base = donor != NULL ? (uintptr_t)donor->ptr : 0;

        *verbatim = true;
        if (base != 0 && at >= base && at + len <= base + donor->len) {
            if (donor->ptr != s)
                memmove(donor->ptr, s, len);
            donor->len = len;
            donor->ptr[len] = '\0';
            *dst = *donor;
            *donor = (fg_str)FG_STR_INIT;
            goto out;
        }
        FG_TRY(fg_str_append(dst, s, len));
        goto out;
    }
    FG_TRY(fg_str_reserve(dst, len + 2 * st.n_nul));
    o = dst->ptr;
    while (i < len) {
        size_t j = next_special(s, i, len, st.n_nul > 0);

        memcpy(o, s + i, j - i);
        o += j - i;
        i = j;
        if (i == len)
            break;
        if (s[i] == '\r') {
            *o++ = '\n';
            i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
        } else {
            note(dec, STAGE_LINES, s, i, WARN_NUL);
            memcpy(o, REPLACEMENT, 3);
            o += 3;
            i++;
        }
    }
    dst->len = (size_t)(o - dst->ptr);
    dst->ptr[dst->len] = '\0';
out:
    return rc;
}

/* ---- stage 2b: HTML entities left in the text ---- */

/* The named entities a web page saved as text carries, and the characters they stand for. */
static const struct {
    const char *name; /* without & and ; */
    const char *utf8;
} entities[] = {{"amp", "&"},          {"lt", "<"},           {"gt", ">"},
                {"quot", "\""},        {"apos", "'"},         {"nbsp", "\xC2\xA0"},
                {"ensp", "\xE2\x80\x82"}, {"emsp", "\xE2\x80\x83"}, {"ldquo", "\xE2\x80\x9C"},
                {"rdquo", "\xE2\x80\x9D"}, {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"},
                {"mdash", "\xE2\x80\x94"}, {"ndash", "\xE2\x80\x93"}, {"hellip", "\xE2\x80\xA6"},
                {"middot", "\xC2\xB7"},   {"times", "\xC3\x97"},   {"copy", "\xC2\xA9"}};

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/*
 * The entity at s[i] (an &): its length, and in utf8 (*n_utf8 bytes) what it stands for (a known
 * name, or &#NNN; / &#xHH; of a code point that is no control character, surrogate or
 * noncharacter beyond Unicode; *n_utf8 0 when it is an entity's shape only, &foo;). 0 when
 * s[i] starts no entity's shape (R&D, &c).
 */
static size_t entity_at(const char *s, size_t i, size_t len, char utf8[4], size_t *n_utf8)
{
    size_t j = i + 1;

    *n_utf8 = 0;
    if (j < len && s[j] == '#') {
        bool hex = j + 1 < len && (s[j + 1] == 'x' || s[j + 1] == 'X');
        uint32_t cp = 0;
        size_t d0;

        j += hex ? 2 : 1;
        d0 = j;
        for (; j < len && j - d0 < 7; j++) {
            char c = s[j];
            int v = c >= '0' && c <= '9'                 ? c - '0'
                    : hex && c >= 'a' && c <= 'f'         ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F'         ? c - 'A' + 10
                                                          : -1;

            if (v < 0)
                break;
            cp = cp * (hex ? 16 : 10) + (uint32_t)v;
        }
        if (j == d0 || j >= len || s[j] != ';')
            return 0;
        if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) &&
            !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF)
            *n_utf8 = (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)utf8);
        return j + 1 - i;
    }
    while (j < len && j - i <= 10 && is_alnum(s[j]))
        j++;
    if (j == i + 1 || j >= len || s[j] != ';')
        return 0;
    for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++)
        if (strlen(entities[k].name) == j - i - 1 &&
            memcmp(entities[k].name, s + i + 1, j - i - 1) == 0) {
            *n_utf8 = strlen(entities[k].utf8);
            memcpy(utf8, entities[k].utf8, *n_utf8);
        }
    return j + 1 - i;
}

/*
 * Text taken from a web page's source keeps its entities (市发改委&amp;市财政局, &nbsp;,
 * &#12289;): a page saved as text, or pasted into a Word document, a workbook's cell, a PDF,
 * a page that escaped them twice. They are decoded when the text clearly carries them, in
 * every format alike (a document reads the same whatever it came in): every & in it starts an
 * entity's shape and one at least is one we know; a text with a bare & (R&D, A&B) was never
 * escaped, and keeps every & as written. Line breaks stay where they are (no entity gives
 * a control character). *changed tells whether data changed.
 */
static int decode_entities(fg_str *data, bool *changed)
{
    const char *s = data->ptr;
    size_t len = data->len;
    const char *amp = memchr(s, '&', len);
    fg_str res = FG_STR_INIT;
    size_t known = 0;
    char utf8[4];
    size_t n;
    int rc = FG_OK;

    *changed = false;
    if (amp == NULL)
        return FG_OK;
    for (const char *a = amp; a != NULL; a = memchr(a + 1, '&', len - (size_t)(a + 1 - s))) {
        size_t w = entity_at(s, (size_t)(a - s), len, utf8, &n);

        if (w == 0)
            return FG_OK;
        known += n > 0;
    }
    if (known == 0)
        return FG_OK;
    FG_TRY(fg_str_reserve(&res, len));
    for (size_t i = 0; i < len;) {
        const char *a = memchr(s + i, '&', len - i);
        size_t at = a != NULL ? (size_t)(a - s) : len;
        size_t w;

        FG_TRY(fg_str_append(&res, s + i, at - i));
        if (at == len)
            break;
        w = entity_at(s, at, len, utf8, &n);
        FG_TRY(n > 0 ? fg_str_append(&res, utf8, n) : fg_str_append(&res, s + at, w));
        i = at + w;
    }
    fg_str_dispose(data);
    *data = res;
    res = (fg_str)FG_STR_INIT;
    *changed = true;
out:
    fg_str_dispose(&res);
    return rc;
}

/* ---- stage 3: NFC ---- */

static bool is_jamo(int32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
           (cp >= 0xD7B0 && cp <= 0xD7FF);
}

/* Can this code point be the second of a canonical composition pair? */
static bool composes_backward(const utf8proc_property_t *p)
{
    /* utf8proc marks the second code point of a pair with bit 15 of comb_index. */
    return p->comb_index != UINT16_MAX && (p->comb_index & 0x8000);
}

/*
 * True when NFC cannot change cp and cannot join it to what precedes it, so that a
 * segment boundary may be placed before it. ASCII is handled by the callers.
 */
static bool stable_uncached(int32_t cp)
{
    const utf8proc_property_t *p;

    if (cp >= 0x3400 && cp <= 0x9FFF)
        return true; /* CJK ideographs (and Yijing symbols): the bulk of our input */
    if (is_jamo(cp))
        return false;
    p = utf8proc_get_property(cp);
    return p->combining_class == 0 && !p->comp_exclusion &&
           !(p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX) && !composes_backward(p);
}

/* stable_uncached() of every BMP code point, computed once (stable_init()). */
static uint64_t stable_bmp[0x10000 / 64];

/*
 * punct_stable: whether U+2002..203F, U+3000..3029, U+3030..303F and U+FF00..FF7F (the
 * punctuation of Chinese text) are all stable, so that utf8_valid_blocks() may skip them.
 */

static void stable_init(void)
{
    static const int32_t ranges[][2] = {
        {0x2002, 0x203F}, {0x3000, 0x3029}, {0x3030, 0x303F}, {0xFF00, 0xFF7F}};

    /*
     * U+3400..9FFF, which stable_uncached() takes without a look-up, fill whole words of
     * the table (0x3400 and 0xA000 are multiples of 64); the rest one by one. This table
     * costs every run of the program about 2 M instructions.
     */
    for (int32_t cp = 0x3400; cp < 0xA000; cp += 64)
        stable_bmp[cp >> 6] = ~(uint64_t)0;
    for (int32_t cp = 0; cp < 0x10000; cp = cp == 0x33FF ? 0xA000 : cp + 1)
        if (stable_uncached(cp))
            stable_bmp[cp >> 6] |= (uint64_t)1 << (cp & 63);
    punct_stable = true;
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (int32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++)
            punct_stable = punct_stable && is_stable(cp);
}

/* Build stable_bmp once; fg_text_decode() and fg_text_read_file() call it first. */
static void ensure_stable_table(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, stable_init);
}

/* stable_uncached(cp), from the table for the BMP. */
static bool is_stable(int32_t cp)
{
    if (cp < 0x10000)
        return (stable_bmp[cp >> 6] >> (cp & 63)) & 1;
    return stable_uncached(cp);
}

/* Does cp, once decomposed, start with a combining mark (canonical class other than 0)? */
static bool leads_with_mark(int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    utf8proc_int32_t d[8];
    utf8proc_ssize_t n;
    int boundclass = 0;

    if (p->combining_class != 0)
        return true;
    if (p->decomp_type != 0 || p->decomp_seqindex == UINT16_MAX)
        return false;
    /* e.g. U+0F73, which decomposes into two marks although its own class is 0 */
    n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &boundclass);
    return n >= 1 && n <= 8 && utf8proc_get_property(d[0])->combining_class != 0;
}

/* End of the segment whose first unstable code point ends at pos. */
static size_t segment_end(const unsigned char *s, size_t pos, size_t len, size_t n_marks)
{
    while (pos < len && s[pos] >= 0x80) {
        size_t n;
        int32_t cp = utf8_next(s + pos, len - pos, &n);

        if (is_stable(cp))
            break;
        if (!leads_with_mark(cp))
            n_marks = 0;
        else if (++n_marks > MAX_NONSTARTERS)
            break;
        pos += n;
    }
    return pos;
}

/*
 * NFC of s[start..end) through utf8proc; when it differs, append s[*copied..start) and the
 * normalised segment to res and move *copied to end.
 */
static int normalise_segment(decoder *dec, fg_str *res, size_t *copied, const char *s, size_t start,
                             size_t end)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t r;
    int rc = FG_OK;

    r = utf8proc_map((const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(end - start), &nfc,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0) {
        if (r == UTF8PROC_ERROR_NOMEM)
            rc = fg_error_set(FG_ENOMEM, "out of memory");
        else
            rc = fg_error_set(FG_EENCODING, "%s: cannot normalise text: %s", dec->name,
                              utf8proc_errmsg(r));
        goto out;
    }
    if ((size_t)r == end - start && memcmp(nfc, s + start, (size_t)r) == 0)
        goto out;
    FG_TRY(fg_str_append(res, s + *copied, start - *copied));
    FG_TRY(fg_str_append(res, (const char *)nfc, (size_t)r));
    *copied = end;
out:
    free(nfc);
    return rc;
}

/*
 * Stage 3: NFC of text in place (its buffer may be replaced). Every code point before byte
 * from is known to be ASCII or stable, so the scan starts there.
 */
static int normalise_nfc(decoder *dec, fg_str *text, size_t from)
{
    const unsigned char *s = (const unsigned char *)text->ptr;
    size_t len = text->len;
    fg_str res = FG_STR_INIT;
    size_t i = from;
    size_t last_stable = 0; /* start of the last stable code point seen */
    size_t floor = 0;       /* end of the last segment */
    size_t copied = 0;      /* text[0..copied) is in res already */
    int rc = FG_OK;

    /* What the scan from 0 would have seen last: the code point just before from. */
    if (from > 0) {
        last_stable = from - 1;
        while (last_stable > 0 && (s[last_stable] & 0xC0) == 0x80)
            last_stable--;
    }

    while (i < len) {
        size_t n;
        size_t start;
        size_t end;
        int32_t cp;

        if (s[i] < 0x80) {
            i = skip_ascii(s, i, len);
            last_stable = i - 1;
            continue;
        }
        /* Lead bytes E4..E9 encode U+4000..U+9FFF: CJK ideographs and Yijing symbols. */
        if (s[i] >= 0xE4 && s[i] <= 0xE9) {
            last_stable = i;
            i += 3;
            continue;
        }
        cp = utf8_next(s + i, len - i, &n);
        if (is_stable(cp)) {
            last_stable = i;
            i += n;
            continue;
        }
        start = last_stable >= floor ? last_stable : floor;
        end = segment_end(s, i + n, len, leads_with_mark(cp));
        FG_TRY(normalise_segment(dec, &res, &copied, text->ptr, start, end));
        floor = end;
        i = end;
    }
    if (res.ptr != NULL) {
        FG_TRY(fg_str_append(&res, text->ptr + copied, len - copied));
        fg_str_dispose(text);
        *text = res;
        res = (fg_str)FG_STR_INIT;
    }
out:
    fg_str_dispose(&res);
    return rc;
}

/* ---- the result ---- */

static void text_impl_free(text_impl *t)
{
    if (t == NULL)
        return;
    fg_arena_free(t->arena);
    free(t->data);
    free(t);
}

/* Build the text from the decoder's warnings and data, whose buffer it takes. */
static int make_text(fg_text **out, decoder *dec, fg_encoding enc, fg_str *data)
{
    text_impl *t = NULL;
    const pending *a = dec->seen[STAGE_DECODE];
    const pending *b = dec->seen[STAGE_LINES];
    size_t ia = 0;
    size_t ib = 0;
    size_t k = 0;
    int rc = FG_OK;

    t = calloc(1, sizeof *t);
    FG_CHECK_ALLOC(t);
    t->arena = fg_arena_new();
    FG_CHECK_ALLOC(t->arena);
    t->pub.name = fg_arena_strndup(t->arena, dec->name, strlen(dec->name));
    FG_CHECK_ALLOC(t->pub.name);
    /* Both lists are in input order and hold the first warnings of their stage. */
    while (k < FG_TEXT_MAX_WARNINGS && (ia < dec->n_seen[0] || ib < dec->n_seen[1])) {
        const pending *w;

        if (ib == dec->n_seen[1] || (ia < dec->n_seen[0] && a[ia].pos < b[ib].pos))
            w = &a[ia++];
        else
            w = &b[ib++];
        t->warnings[k].line = w->line;
        t->warnings[k].message = format_warning(t->arena, dec->name, w);
        FG_CHECK_ALLOC(t->warnings[k].message);
        k++;
    }
    t->pub.len = data->len;
    t->data = fg_str_steal(data);
    FG_CHECK_ALLOC(t->data);
    t->pub.data = t->data;
    t->pub.encoding = enc;
    t->pub.warnings = t->warnings;
    t->pub.n_warnings = k;
    t->pub.n_replaced = dec->n_replaced;
    t->pub.priv_ = t;
    *out = &t->pub;
    t = NULL;
out:
    text_impl_free(t);
    return rc;
}

/* What decode_bytes() skipped in front of UTF-8 text of this encoding. */
static const char *bom_of(fg_encoding enc)
{
    return enc == FG_ENC_UTF8_BOM ? "\xEF\xBB\xBF" : "";
}

/* Decode bytes[0..len); owned, when not NULL, holds these bytes and may be taken over. */
static int decode(fg_text **out, const char *name, const unsigned char *bytes, size_t len,
                  fg_str *owned)
{
    decoder *dec = NULL;
    fg_str conv = FG_STR_INIT;
    fg_str data = FG_STR_INIT;
    fg_encoding enc = FG_ENC_UTF8;
    const char *s = "";
    size_t n = 0;
    size_t unstable = 0;
    bool verbatim = false;
    bool changed;
    bool from_raw;
    bool raw_is_data;
    char digest[65];
    text_impl *impl;
    int rc = FG_OK;

    dec = calloc(1, sizeof *dec);
    FG_CHECK_ALLOC(dec);
    dec->name = name;
    dec->lines[0].line = 1;
    dec->lines[1].line = 1;
    ensure_stable_table();
    FG_TRY(decode_bytes(dec, &conv, &enc, &s, &n, &unstable, bytes, len));
    from_raw = n > 0 && s != conv.ptr;
    FG_TRY(normalise_lines(dec, &data, from_raw ? owned : &conv, s, n, &verbatim));
    fg_str_dispose(&conv);
    FG_TRY(decode_entities(&data, &changed));
    if (changed) {
        verbatim = false; /* data is no longer the raw bytes; NFC looks at all of it */
        unstable = 0;
    }
    /*
     * Stage 3 is skipped when stage 1 saw only ASCII and stable code points, unchanged since;
     * else the same scan over the new text (valid UTF-8 by now) tells where to start.
     */
    if (!verbatim)
        utf8_valid_prefix_nfc((const unsigned char *)data.ptr, data.len, &unstable);
    /*
     * The raw bytes identify the file (the store keys re-ingests on them). When data is
     * still those bytes (less a BOM) and stays so, their digest waits for fg_text_sha256(),
     * which extraction alone never calls. Otherwise it is taken now, from data before NFC
     * changes it, or from bytes, which normalise_lines() then did not take over.
     */
    raw_is_data = from_raw && verbatim && unstable >= data.len;
    if (from_raw && verbatim && !raw_is_data)
        fg_sha256_hex(digest, bom_of(enc), data.ptr, data.len);
    else if (!raw_is_data)
        fg_sha256_hex(digest, "", (const char *)bytes, len);
    if (unstable < data.len)
        FG_TRY(normalise_nfc(dec, &data, unstable));
    FG_TRY(make_text(out, dec, enc, &data));
    (*out)->n_bytes = len;
    impl = (*out)->priv_;
    if (raw_is_data) {
        impl->raw_is_data = true;
        impl->bom = enc == FG_ENC_UTF8_BOM;
    } else {
        memcpy(impl->sha256, digest, sizeof digest);
    }
out:
    fg_str_dispose(&data);
    fg_str_dispose(&conv);
    free(dec);
    return rc;
}

/*
 * A document of any format: text goes to decode(); a reader's text is decoded in its turn,
 * and then the raw document identifies it.
 */
static int read_any(fg_text **out, const char *name, const unsigned char *bytes, size_t len,
                    fg_str *owned)
{
    fg_rd rd = {0};
    fg_str txt = FG_STR_INIT;
    fg_str unwrapped = FG_STR_INIT;
    size_t *joins = NULL, n_joins = 0;
    text_impl *impl;
    int fmt;
    int rc = FG_OK;

    FG_TRY(fmt = fg_rd_sniff(name, bytes, len));
    if (fmt == FG_FORMAT_TEXT)
        return decode(out, name, bytes, len, owned);
    rd.name = name;
    if (fmt == FG_FORMAT_DOCX)
        FG_TRY(fg_read_docx(&rd, bytes, len));
    else if (fmt == FG_FORMAT_XLSX || fmt == FG_FORMAT_XLS)
        FG_TRY(fg_read_xlsx(&rd, bytes, len));
    else if (fmt == FG_FORMAT_DOC)
        FG_TRY(fg_read_doc(&rd, bytes, len));
    else if (fmt == FG_FORMAT_PDF)
        FG_TRY(fg_read_pdf(&rd, bytes, len));
    else if (fmt == FG_FORMAT_OFD)
        FG_TRY(fg_read_ofd(&rd, bytes, len));
    else if (fmt == FG_FORMAT_RTF)
        FG_TRY(fg_read_rtf(&rd, bytes, len));
    else if (fmt == FG_FORMAT_ODT || fmt == FG_FORMAT_ODS)
        FG_TRY(fg_read_odf(&rd, bytes, len));
    else if (fmt == FG_RD_MHTML)
        FG_TRY(fg_read_mhtml(&rd, bytes, len));
    else
        FG_TRY(fg_read_html(&rd, bytes, len));
    if (fmt == FG_RD_MHTML)
        fmt = FG_FORMAT_HTML;
    FG_TRY(fg_rd_finish(&rd, &txt));
    /*
     * Text copied out of a PDF and pasted into a Word or OpenDocument text, a page or an RTF
     * file keeps the lines the PDF broke at its width, each a paragraph now: they are joined
     * as in plain text (unwrap.h), but for the tables' rows. A PDF's and an OFD's reader join
     * such lines by their geometry; a workbook (and an OpenDocument spreadsheet) is all cells.
     */
    if (fmt == FG_FORMAT_DOCX || fmt == FG_FORMAT_DOC || fmt == FG_FORMAT_RTF ||
        fmt == FG_FORMAT_HTML || fmt == FG_FORMAT_ODT) {
        FG_TRY(fg_unwrap_text(&unwrapped, &joins, &n_joins, txt.ptr, txt.len, rd.tables,
                              rd.n_tables, true));
        if (n_joins > 0) {
            fg_str_dispose(&txt);
            txt = unwrapped;
            unwrapped = (fg_str)FG_STR_INIT;
        }
    }
    if (!fg_rd_has_ideograph(txt.ptr, txt.len)) {
        rc = fg_error_set(FG_EFORMAT, "%s: the %s document holds no Chinese text", name,
                          fmt == FG_FORMAT_DOCX || fmt == FG_FORMAT_DOC ? "Word"
                          : fmt == FG_FORMAT_RTF                        ? "RTF"
                          : fmt == FG_FORMAT_ODT || fmt == FG_FORMAT_ODS ? "OpenDocument"
                          : fmt == FG_FORMAT_XLSX || fmt == FG_FORMAT_XLS ? "Excel"
                          : fmt == FG_FORMAT_PDF  ? "PDF"
                          : fmt == FG_FORMAT_OFD  ? "OFD"
                                                  : "HTML");
        goto out;
    }
    FG_TRY(decode(out, name, (const unsigned char *)txt.ptr, txt.len, &txt));
    (*out)->format = (fg_format)fmt;
    (*out)->n_bytes = len;
    impl = (*out)->priv_;
    impl->raw_is_data = false;
    fg_sha256_hex(impl->sha256, "", (const char *)bytes, len);
out:
    fg_rd_dispose(&rd);
    fg_str_dispose(&txt);
    fg_str_dispose(&unwrapped);
    free(joins);
    return rc;
}

/* The checks of fg_text_read() and fg_text_decode(), named fn in the messages. */
static int check_args(const char *fn, fg_text **out, const char *name, const void *bytes,
                      size_t len)
{
    if (out == NULL)
        return fg_error_set(FG_EINVAL, "%s: out is NULL", fn);
    *out = NULL;
    if (name == NULL)
        return fg_error_set(FG_EINVAL, "%s: name is NULL", fn);
    if (bytes == NULL && len > 0)
        return fg_error_set(FG_EINVAL, "%s: bytes is NULL", fn);
    return FG_OK;
}

int fg_text_read(fg_text **out, const char *name, const void *bytes, size_t len)
{
    int rc = check_args("fg_text_read", out, name, bytes, len);

    return rc < 0 ? rc : read_any(out, name, bytes, len, NULL);
}

int fg_text_decode(fg_text **out, const char *name, const void *bytes, size_t len)
{
    int rc = check_args("fg_text_decode", out, name, bytes, len);

    return rc < 0 ? rc : decode(out, name, bytes, len, NULL);
}

/* ---- files ---- */

/* Open path for reading; refuse what is neither a regular file nor a FIFO. */
static int open_input(int *fd_out, size_t *size_out, const char *path)
{
    struct stat st;
    int fd = -1;
    int rc = FG_OK;

    /* stat before open: opening a device can have side effects. */
    if (stat(path, &st) < 0) {
        rc = fg_error_set(FG_EIO, "%s: cannot open: %s", path, strerror(errno));
        goto out;
    }
    if (!S_ISDIR(st.st_mode)) {
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            rc = fg_error_set(FG_EIO, "%s: cannot open: %s", path, strerror(errno));
            goto out;
        }
        if (fstat(fd, &st) < 0) {
            rc = fg_error_set(FG_EIO, "%s: cannot open: %s", path, strerror(errno));
            goto out;
        }
    }
    if (S_ISDIR(st.st_mode)) {
        rc = fg_error_set(FG_EIO, "%s: is a directory", path);
        goto out;
    }
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        rc = fg_error_set(FG_EIO, "%s: not a regular file", path);
        goto out;
    }
    if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > READ_LIMIT) {
        rc = fg_error_set(FG_EIO, "%s: file too large (%jd bytes, limit 1 GiB)", path,
                          (intmax_t)st.st_size);
        goto out;
    }
    *size_out = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    *fd_out = fd;
    fd = -1;
out:
    if (fd >= 0)
        close(fd);
    return rc;
}

/* Read fd to end of file into buf; size is what fstat said (0 when unknown). */
static int read_all(fg_str *buf, int fd, const char *name, size_t size)
{
    int rc = FG_OK;

    /* Exactly the size plus room for the read that sees end of file and the NUL. */
    buf->ptr = fg_mem_alloc(size + 2);
    FG_CHECK_ALLOC(buf->ptr);
    buf->cap = size + 2;
    buf->len = 0;
    buf->ptr[0] = '\0';
    for (;;) {
        size_t want;
        ssize_t r;

        if (buf->cap - buf->len - 1 == 0)
            FG_TRY(fg_str_reserve(buf, buf->len < READ_CHUNK ? READ_CHUNK : buf->len));
        want = buf->cap - buf->len - 1;
        if (want > READ_LIMIT + 1 - buf->len)
            want = READ_LIMIT + 1 - buf->len;
        r = read(fd, buf->ptr + buf->len, want);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            rc = fg_error_set(FG_EIO, "%s: read error: %s", name, strerror(errno));
            goto out;
        }
        if (r == 0)
            break;
        buf->len += (size_t)r;
        buf->ptr[buf->len] = '\0';
        if (buf->len > READ_LIMIT) {
            rc = fg_error_set(FG_EIO, "%s: file too large (more than 1 GiB)", name);
            goto out;
        }
    }
out:
    return rc;
}

int fg_text_read_file(fg_text **out, const char *path)
{
    fg_str buf = FG_STR_INIT;
    const char *name = path;
    size_t size = 0;
    int fd = -1;
    int rc = FG_OK;

    if (out == NULL)
        return fg_error_set(FG_EINVAL, "fg_text_read_file: out is NULL");
    *out = NULL;
    if (path == NULL)
        return fg_error_set(FG_EINVAL, "fg_text_read_file: path is NULL");
    if (strcmp(path, "-") == 0) {
        name = "<stdin>";
        FG_TRY(read_all(&buf, STDIN_FILENO, name, 0));
    } else {
        FG_TRY(open_input(&fd, &size, path));
        FG_TRY(read_all(&buf, fd, path, size));
    }
    FG_TRY(read_any(out, name, (const unsigned char *)buf.ptr, buf.len, &buf));
out:
    if (fd >= 0)
        close(fd);
    fg_str_dispose(&buf);
    return rc;
}

const char *fg_text_sha256(const fg_text *text)
{
    text_impl *t;

    if (text == NULL)
        return "";
    t = text->priv_;
    if (t->raw_is_data) {
        fg_sha256_hex(t->sha256, t->bom ? bom_of(FG_ENC_UTF8_BOM) : "", t->data, text->len);
        t->raw_is_data = false;
    }
    return t->sha256;
}

void fg_text_free(fg_text *text)
{
    if (text == NULL)
        return;
    text_impl_free(text->priv_);
}

/* The names of the enums' values, by value (FG_NAME_OF()). */
static const char *const format_names[] = {
    [FG_FORMAT_TEXT] = "text", [FG_FORMAT_DOCX] = "docx", [FG_FORMAT_PDF] = "pdf",
    [FG_FORMAT_HTML] = "html", [FG_FORMAT_XLSX] = "xlsx",
    [FG_FORMAT_DOC] = "doc", [FG_FORMAT_XLS] = "xls", [FG_FORMAT_OFD] = "ofd",
    [FG_FORMAT_RTF] = "rtf", [FG_FORMAT_ODT] = "odt", [FG_FORMAT_ODS] = "ods",
};
static const char *const encoding_names[] = {
    [FG_ENC_UTF8] = "UTF-8",       [FG_ENC_UTF8_BOM] = "UTF-8 (BOM)", [FG_ENC_UTF16LE] = "UTF-16LE",
    [FG_ENC_UTF16BE] = "UTF-16BE", [FG_ENC_GB18030] = "GB18030",
};

const char *fg_format_name(fg_format format)
{
    return FG_NAME_OF(format_names, format, "text");
}

const char *fg_encoding_name(fg_encoding enc)
{
    return FG_NAME_OF(encoding_names, enc, "unknown");
}

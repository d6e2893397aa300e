/*
 * String helpers. fg_str keeps a trailing NUL after len bytes whenever ptr is non-NULL, so
 * its contents can be handed to libc; the length stays authoritative. The arena hands out
 * 8-byte aligned blocks from chunks that are freed all at once.
 */
#define _DEFAULT_SOURCE /* MADV_HUGEPAGE */
#include "str.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>
#include <utf8proc.h>
#include <nettle/sha2.h>
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(FG_NO_SIMD)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1
#endif

#include "error.h"
#include "simd.h"

/* A transparent huge page of x86-64 and arm64 (4 KB base pages). */
#define HUGE_PAGE ((size_t)2 * 1024 * 1024)

void fg_mem_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    uintptr_t lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(uintptr_t)(HUGE_PAGE - 1);

    if (n >= FG_MEM_HUGE_MIN && hi > lo)
        (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* a hint: failure changes nothing */
#else
    (void)p;
    (void)n;
#endif
}

/* Whether fg_mem_alloc() gives n bytes whole huge pages, instead of leaving them to malloc(). */
static bool is_big(size_t n)
{
    return n >= FG_MEM_HUGE_MIN && n <= SIZE_MAX - HUGE_PAGE;
}

size_t fg_mem_size(size_t n)
{
    return is_big(n) ? (n + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1) : n;
}

void *fg_mem_alloc(size_t n)
{
    void *p;

    if (!is_big(n))
        return malloc(n);
    if (posix_memalign(&p, HUGE_PAGE, fg_mem_size(n)) != 0)
        return NULL;
    fg_mem_huge(p, fg_mem_size(n));
    return p;
}

void *fg_mem_realloc(void *p, size_t n)
{
    size_t old;
    void *q;

    if (p == NULL)
        return fg_mem_alloc(n);
    old = malloc_usable_size(p);
    if (!is_big(n) || n <= old)
        return realloc(p, n);
    q = fg_mem_alloc(n);
    if (q == NULL)
        return NULL;
    memcpy(q, p, old);
    free(p);
    return q;
}

int fg_str_reserve(fg_str *s, size_t extra)
{
    size_t need;
    size_t cap;
    char *p;

    if (extra > SIZE_MAX - s->len - 1)
        return fg_error_set(FG_ENOMEM, "out of memory");
    need = s->len + extra + 1;
    if (need <= s->cap)
        return FG_OK;
    cap = s->cap ? s->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = fg_mem_realloc(s->ptr, cap);
    if (p == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    s->ptr = p;
    s->cap = fg_mem_size(cap);
    return FG_OK;
}

int fg_str_append_grow(fg_str *s, const char *p, size_t len)
{
    int rc = fg_str_reserve(s, len);

    if (rc < 0)
        return rc;
    if (len)
        memcpy(s->ptr + s->len, p, len);
    s->len += len;
    s->ptr[s->len] = '\0';
    return FG_OK;
}

void fg_str_clear(fg_str *s)
{
    s->len = 0;
    if (s->ptr)
        s->ptr[0] = '\0';
}

void fg_str_dispose(fg_str *s)
{
    if (s == NULL)
        return;
    free(s->ptr);
    s->ptr = NULL;
    s->len = 0;
    s->cap = 0;
}

char *fg_str_steal(fg_str *s)
{
    char *p;

    if (s->ptr == NULL && fg_str_reserve(s, 0) < 0)
        return NULL;
    s->ptr[s->len] = '\0';
    p = s->ptr;
    s->ptr = NULL;
    s->len = 0;
    s->cap = 0;
    return p;
}

/* Haystacks up to this length are searched with a plain loop: a call to memchr() costs more. */
#define SHORT_HAYSTACK 32

size_t fg_next_ascii_digit(const char *s, size_t len, size_t i)
{
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    const __m128i lo = _mm_set1_epi8('0' - 1);
    const __m128i hi = _mm_set1_epi8('9' + 1);

    /* Signed compares: bytes of 0x80 and above are negative, so never in '0'..'9'. */
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        int m = _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, lo), _mm_cmplt_epi8(v, hi)));

        if (m != 0)
            return i + (size_t)__builtin_ctz((unsigned)m);
    }
#endif
    for (; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return i;
    return len;
}

size_t fg_sv_find_n(fg_strview s, const char *lit, size_t n)
{
    const char *p;
    const char *end;
    size_t at;

    if (n == 0)
        return 0;
    if (s.len < n)
        return SIZE_MAX;
    if (s.len <= SHORT_HAYSTACK) {
        const char c0 = lit[0];

        for (size_t i = 0; i + n <= s.len; i++) {
            if (s.ptr[i] != c0 || (n > 1 && s.ptr[i + 1] != lit[1]))
                continue;
            if (n <= 2 || memcmp(s.ptr + i + 2, lit + 2, n - 2) == 0)
                return i;
        }
        return SIZE_MAX;
    }
    /*
     * memchr() for one byte of lit, then a comparison of the whole. For a UTF-8 literal that
     * byte is the last of its first character: a continuation byte, far rarer in Chinese
     * text than a lead byte (and the first character is usually the rarer one: 召 of 召集人,
     * not 人), so memchr() runs long stretches at vector speed. Candidates come in
     * increasing order, so the first match is the first occurrence, as memmem() finds.
     */
    at = n >= 3 && ((unsigned char)lit[0] & 0xF0) == 0xE0 ? 2 : n - 1;
    p = s.ptr + at;
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    /*
     * With SSE2, 16 starts at a time that have both that byte and the last one of lit (for
     * a single character, its second byte) in place: together far rarer than either.
     */
    if (n >= 3) {
        size_t other = at == n - 1 ? at - 1 : n - 1;
        size_t hi = at > other ? at : other;
        const __m128i want_at = _mm_set1_epi8(lit[at]);
        const __m128i want_other = _mm_set1_epi8(lit[other]);
        size_t i = 0;

        for (; i + hi + 16 <= s.len; i += 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(s.ptr + i + at));
            __m128i y = _mm_loadu_si128((const __m128i *)(s.ptr + i + other));
            unsigned m = (unsigned)_mm_movemask_epi8(
                _mm_and_si128(_mm_cmpeq_epi8(x, want_at), _mm_cmpeq_epi8(y, want_other)));

            while (m != 0) {
                size_t k = i + (size_t)__builtin_ctz(m);

                if (fg_mem_eq(s.ptr + k, lit, n))
                    return k;
                m &= m - 1;
            }
        }
        p = s.ptr + i + at;
    }
#endif
    end = s.ptr + s.len - (n - 1 - at);
    while (p < end && (p = memchr(p, lit[at], (size_t)(end - p))) != NULL) {
        if (memcmp(p - at, lit, n) == 0)
            return (size_t)(p - at - s.ptr);
        p++;
    }
    return SIZE_MAX;
}

bool fg_sv_contains_any(fg_strview s, const char *const *words)
{
    for (size_t k = 0; words[k]; k++)
        if (s.len && fg_sv_find_n(s, words[k], strlen(words[k])) != SIZE_MAX)
            return true;
    return false;
}

void fg_cjkset_add(fg_cjkset *set, const char *chars, size_t len)
{
    for (size_t k = 0; k + 3 <= len; k += 3) {
        const unsigned char *u = (const unsigned char *)chars + k;
        unsigned idx = (unsigned)(u[0] - 0xE4) << 12 | (unsigned)(u[1] & 0x3F) << 6 |
                       (u[2] & 0x3F);

        /* A programmer's error: every member must be a 3-byte character U+4000..U+9FFF. */
        if (u[0] < 0xE4 || u[0] > 0xE9 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            abort();
        set->bits[idx >> 6] |= (uint64_t)1 << (idx & 63);
        set->thirds |= (uint64_t)1 << (u[2] & 0x3F);
    }
}

/* ---- arena ---- */

typedef struct chunk {
    struct chunk *next;
    size_t used;
    size_t size;
    _Alignas(8) unsigned char data[];
} chunk;

/* A block of the caller's that the arena frees with its chunks (fg_arena_adopt()). */
typedef struct adopted {
    struct adopted *next;
    void *block;
} adopted;

struct fg_arena {
    chunk *head;
    adopted *adopted; /* its records lie in the chunks */
    size_t next_size; /* of the next chunk: doubles from ARENA_CHUNK up to ARENA_CHUNK_MAX */
};

/*
 * Chunks (with their header) double from 64 KB to 4 MB, or start bigger when the owner
 * expects much (fg_arena_expect()): a small document's arena stays small, and a big one's
 * lies in chunks of whole transparent huge pages (fg_mem_alloc()).
 */
#define ARENA_CHUNK (64 * 1024)
#define ARENA_CHUNK_MAX ((size_t)4 * 1024 * 1024)

fg_arena *fg_arena_new(void)
{
    return calloc(1, sizeof(fg_arena));
}

void fg_arena_free(fg_arena *a)
{
    chunk *c;

    if (a == NULL)
        return;
    for (adopted *d = a->adopted; d != NULL; d = d->next)
        free(d->block);
    c = a->head;
    while (c) {
        chunk *next = c->next;

        free(c);
        c = next;
    }
    free(a);
}

void fg_arena_free_result(fg_arena *a, void *rows, void *result)
{
    fg_arena_free(a);
    free(rows);
    free(result);
}

void *fg_arena_alloc(fg_arena *a, size_t size)
{
    chunk *c = a->head;
    size_t sz = (size + 7) & ~(size_t)7;

    if (sz < size)
        return NULL;
    if (c == NULL || c->size - c->used < sz) {
        size_t next = a->next_size ? a->next_size : ARENA_CHUNK;
        bool own = sz > ARENA_CHUNK; /* a block of its own, behind the head */
        size_t csize = own || sz > next - sizeof(chunk) ? sz : next - sizeof(chunk);

        if (csize > SIZE_MAX - sizeof(chunk))
            return NULL;
        c = fg_mem_alloc(sizeof(chunk) + csize);
        if (c == NULL)
            return NULL;
        c->used = 0;
        c->size = fg_mem_size(sizeof(chunk) + csize) - sizeof(chunk);
        if (!own && next < ARENA_CHUNK_MAX)
            a->next_size = next * 2;
        /* The head keeps its free space. */
        if (a->head && own) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    c->used += sz;
    return c->data + c->used - sz;
}

int fg_arena_adopt(fg_arena *a, void *block)
{
    adopted *d = fg_arena_alloc(a, sizeof *d);

    if (d == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    d->block = block;
    d->next = a->adopted;
    a->adopted = d;
    return FG_OK;
}

void fg_arena_expect(fg_arena *a, size_t n)
{
    size_t size = a->next_size ? a->next_size : ARENA_CHUNK;

    while (size < n && size < ARENA_CHUNK_MAX)
        size *= 2;
    a->next_size = size;
}

char *fg_arena_strndup(fg_arena *a, const char *p, size_t len)
{
    char *s;

    if (len == SIZE_MAX)
        return NULL;
    s = fg_arena_alloc(a, len + 1);
    if (s == NULL)
        return NULL;
    if (len)
        memcpy(s, p, len);
    s[len] = '\0';
    return s;
}

int32_t fg_utf8_decode(const char *p, size_t len, size_t *n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k;

    *n = 1;
    if (len == 0)
        return -1;
    if ((unsigned char)p[0] < 0x80) /* ASCII, without a call */
        return (unsigned char)p[0];
    /* Longer than any sequence is as good as len: utf8proc reads what the lead byte says. */
    k = utf8proc_iterate((const utf8proc_uint8_t *)p, len < 4 ? (utf8proc_ssize_t)len : 4, &cp);
    if (k < 1)
        return -1;
    *n = (size_t)k;
    return cp;
}

/* ---- character scanner ---- */

void fg_charscan_init(fg_charscan *cs, const char *chars, size_t len)
{
    unsigned char leads[8];
    size_t n_leads = 0;

    memset(cs, 0, sizeof *cs);
    for (size_t k = 0; k + 3 <= len; k += 3) {
        const unsigned char *u = (const unsigned char *)chars + k;
        unsigned idx = (unsigned)(u[0] & 0x0F) << 6 | (u[2] & 0x3F);
        size_t g = 0;

        /* A programmer's error: every character must be 3 bytes with lead byte E0..EF. */
        if ((u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            abort();
        cs->pairs[idx >> 6] |= (uint64_t)1 << (idx & 63);
        /* A group per lead byte (8 at most; more share one, which only adds candidates). */
        while (g < n_leads && leads[g] != u[0])
            g++;
        if (g == n_leads && n_leads < 8)
            leads[n_leads++] = u[0];
        g %= 8;
        for (int b = 0; b < 3; b++) {
            cs->nib[2 * b][u[b] & 0x0F] |= (unsigned char)(1u << g);
            cs->nib[2 * b + 1][u[b] >> 4] |= (unsigned char)(1u << g);
        }
    }
    cs->avx2 = fg_simd__avx2();
}

#if defined(HAVE_AVX2_PATH)
/* A scanner's six nibble tables (low and high nibbles of bytes 0, 1 and 2), each twice, once
 * per 128-bit lane. */
typedef struct nib_tables2 {
    __m256i t[6];
} nib_tables2;

__attribute__((target("avx2"))) static inline nib_tables2 load_tables2(const fg_charscan *cs)
{
    nib_tables2 n;

    for (int k = 0; k < 6; k++)
        n.t[k] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)cs->nib[k]));
    return n;
}

__attribute__((target("avx2"))) static inline __m256i nibble_groups2(__m256i v, __m256i lo,
                                                                    __m256i hi)
{
    const __m256i mask = _mm256_set1_epi8(0x0F);
    __m256i l = _mm256_shuffle_epi8(lo, _mm256_and_si256(v, mask));
    __m256i h = _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), mask));

    return _mm256_and_si256(l, h);
}

/*
 * Bit k set: a character of the set may start at p[k], for the 32 positions at p (p[0..34)
 * must be readable): each of its three bytes has the low and the high nibble of a byte of
 * the same group.
 */
__attribute__((target("avx2"))) static inline uint32_t block_candidates2(const nib_tables2 *n,
                                                                         const char *p)
{
    __m256i b0 = _mm256_loadu_si256((const __m256i *)p);
    __m256i b1 = _mm256_loadu_si256((const __m256i *)(p + 1));
    __m256i b2 = _mm256_loadu_si256((const __m256i *)(p + 2));
    __m256i g = _mm256_and_si256(nibble_groups2(b0, n->t[0], n->t[1]),
                                 _mm256_and_si256(nibble_groups2(b1, n->t[2], n->t[3]),
                                                  nibble_groups2(b2, n->t[4], n->t[5])));

    return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(g, _mm256_setzero_si256()));
}

/*
 * fg_charscan_next() for 32 positions at a time while s[i..i+34) is readable: sets *found
 * and returns the candidate, or returns where the blocks stopped.
 */
__attribute__((target("avx2"))) static size_t charscan_avx2(const fg_charscan *cs, const char *s,
                                                            size_t len, size_t i, size_t limit,
                                                            bool *found)
{
    const nib_tables2 t = load_tables2(cs);

    while (i + 32 <= limit && i + 34 <= len) {
        uint32_t m = block_candidates2(&t, s + i);

        if (m != 0) {
            *found = true;
            return i + (size_t)__builtin_ctz(m);
        }
        i += 32;
    }
    return i;
}

/*
 * Append i + k for each bit k of the block mask m to out[n..], in order; returns the new n.
 * The first four without a branch on how many there are (0 to 4 in most blocks, a count
 * that a loop's branch mispredicted): each store is made, and kept only when there was a
 * bit; once there is none left, the same place is written again (out has room for one more
 * than it receives, see fg_charscan_all()). The rest in a loop.
 */
static inline size_t put_stops(size_t *out, size_t n, size_t i, uint32_t m)
{
    for (int k = 0; k < 4; k++) {
        out[n] = i + (size_t)__builtin_ctz(m | 0x80000000u);
        n += m != 0;
        m &= m - 1;
    }
    while (m != 0) {
        out[n++] = i + (size_t)__builtin_ctz(m);
        m &= m - 1;
    }
    return n;
}

/* fg_charscan_all() for 32-byte blocks while s[i..i+34) is readable; returns where it stopped. */
__attribute__((target("avx2"))) static size_t charscan_all_avx2(const fg_charscan *cs,
                                                                const char *s, size_t len,
                                                                size_t *out, size_t *n_out)
{
    const nib_tables2 t = load_tables2(cs);
    size_t n = *n_out;
    size_t i = 0;

    for (; i + 34 <= len; i += 32)
        n = put_stops(out, n, i, block_candidates2(&t, s + i));
    *n_out = n;
    return i;
}

#endif

size_t fg_charscan_all(const fg_charscan *cs, const char *s, size_t len, size_t *out)
{
    size_t n = 0;
    size_t i = 0;

#if defined(HAVE_AVX2_PATH)
    if (cs->avx2)
        i = charscan_all_avx2(cs, s, len, out, &n);
#endif
    /* The rest: every stop of fg_charscan_next() from i on. */
    while ((i = fg_charscan_next(cs, s, len, i, len)) < len) {
        out[n++] = i;
        i += 3;
    }
    return n;
}

size_t fg_charscan_next(const fg_charscan *cs, const char *s, size_t len, size_t i, size_t limit)
{
    const unsigned char *u = (const unsigned char *)s;

#if defined(HAVE_AVX2_PATH)
    if (cs->avx2) {
        bool found = false;

        i = charscan_avx2(cs, s, len, i, limit, &found);
        if (found)
            return i;
    }
#endif
    /* A character at a time: only lead bytes E0..EF (3-byte characters) can be one. */
    while (i < limit) {
        unsigned char c = u[i];
        unsigned idx;

        if ((c & 0xF0) != 0xE0 || i + 3 > len) {
            i++;
            continue;
        }
        idx = (unsigned)(c & 0x0F) << 6 | (u[i + 2] & 0x3F);
        if ((cs->pairs[idx >> 6] >> (idx & 63)) & 1)
            return i;
        i += 3;
    }
    return limit;
}

int fg_str_append_file(fg_str *s, const char *path)
{
    FILE *f = fopen(path, "rb");
    char block[65536];
    size_t n;
    int rc = FG_OK;

    if (f == NULL)
        return fg_error_set(FG_EIO, "%s: cannot open: %s", path, strerror(errno));
    while ((n = fread(block, 1, sizeof block, f)) > 0)
        FG_TRY(fg_str_append(s, block, n));
    if (ferror(f))
        rc = fg_error_set(FG_EIO, "%s: read error", path);
out:
    fclose(f);
    return rc;
}

int fg_str_with_file(const char *path,
                     int (*fn)(const char *name, const char *text, size_t len, void *payload),
                     void *payload)
{
    fg_str buf = FG_STR_INIT;
    int rc = fg_str_append_file(&buf, path);

    if (rc == FG_OK)
        rc = fn(path, buf.ptr ? buf.ptr : "", buf.len, payload);
    fg_str_dispose(&buf);
    return rc;
}

void fg_sha256_hex(char out[65], const char *prefix, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];

    sha256_init(&ctx);
    if (*prefix)
        sha256_update(&ctx, strlen(prefix), (const uint8_t *)prefix);
    if (n > 0)
        sha256_update(&ctx, n, (const uint8_t *)s);
    sha256_digest(&ctx, sizeof d, d);
    for (size_t k = 0; k < sizeof d; k++) {
        out[2 * k] = hex[d[k] >> 4];
        out[2 * k + 1] = hex[d[k] & 15];
    }
    out[64] = '\0';
}

int fg_str_append_iconv(fg_str *s, iconv_t cd, char **in, size_t *in_left, int *err)
{
    /* most conversions to UTF-8 need at most 3 bytes per 2 (GB18030, UTF-16) */
    int rc = fg_str_reserve(s, *in_left + *in_left / 2 + 16);

    *err = 0;
    while (rc == FG_OK && *in_left > 0) {
        char *o = s->ptr + s->len;
        size_t o_left = s->cap - s->len - 1;
        size_t got = iconv(cd, in, in_left, &o, &o_left);
        int e = errno;

        s->len = (size_t)(o - s->ptr);
        s->ptr[s->len] = '\0';
        if (got != (size_t)-1)
            break;
        if (e != E2BIG) {
            *err = e;
            break;
        }
        rc = fg_str_reserve(s, *in_left * 2 + 16);
    }
    return rc;
}

int fg_str_append_cp(fg_str *s, uint32_t cp)
{
    utf8proc_uint8_t b[4];
    utf8proc_ssize_t n;

    if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
        cp = 0xFFFD;
    n = utf8proc_encode_char((utf8proc_int32_t)cp, b);
    return fg_str_append(s, (const char *)b, (size_t)n);
}

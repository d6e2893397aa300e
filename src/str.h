/* Internal string helpers: an owning growable buffer, a borrowed view, and an arena. */
#ifndef FG_SRC_STR_H
#define FG_SRC_STR_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Owns ptr[0..len) plus a trailing NUL; cap is the allocated size. All-zero is empty. */
typedef struct fg_str {
    char *ptr;
    size_t len;
    size_t cap;
} fg_str;

/* Borrows len bytes at ptr; not NUL-terminated in general. */
typedef struct fg_strview {
    const char *ptr;
    size_t len;
} fg_strview;

#define FG_STR_INIT {NULL, 0, 0}

int fg_str_reserve(fg_str *s, size_t extra);
int fg_str_append_grow(fg_str *s, const char *p, size_t len); /* fg_str_append(), any case */

/* Append p[0..len); the common case (room enough) inline, as the parser appends per name. */
static inline int fg_str_append(fg_str *s, const char *p, size_t len)
{
    if (s->ptr != NULL && len < s->cap - s->len) {
        if (len)
            memcpy(s->ptr + s->len, p, len);
        s->len += len;
        s->ptr[s->len] = '\0';
        return 0;
    }
    return fg_str_append_grow(s, p, len);
}

static inline int fg_str_appendc(fg_str *s, char c)
{
    return fg_str_append(s, &c, 1);
}
/*
 * Append code point cp as UTF-8 (utf8proc's encoder); a surrogate or a value past U+10FFFF
 * is written as U+FFFD. FG_OK or FG_ENOMEM.
 */
int fg_str_append_cp(fg_str *s, uint32_t cp);
/*
 * Convert the *in_left bytes at *in with cd (an iconv descriptor to UTF-8), appending the
 * UTF-8 to s, grown as needed: until the input is used up (*err 0) or iconv stops at a
 * sequence it cannot convert, *in and *in_left then at that sequence and *err iconv's errno
 * (EILSEQ: an invalid sequence; EINVAL: one cut short at the end; another: iconv failed), for
 * the caller to replace, skip or refuse it and call again. FG_OK or FG_ENOMEM.
 */
int fg_str_append_iconv(fg_str *s, iconv_t cd, char **in, size_t *in_left, int *err);
/*
 * Append the whole file at path to s (a small data file: a gazetteer, a role lexicon).
 * FG_OK, FG_EIO (message: "PATH: cannot open: …" or "PATH: read error") or FG_ENOMEM.
 */
int fg_str_append_file(fg_str *s, const char *path);
/*
 * Read the whole file at path and hand its bytes to fn(path, text, len, payload) (text is ""
 * for an empty file, valid during the call only): what fn returns, or the error of
 * fg_str_append_file().
 */
int fg_str_with_file(const char *path,
                     int (*fn)(const char *name, const char *text, size_t len, void *payload),
                     void *payload);
/* Lower-case hex SHA-256 of prefix (a C string) then s[0..n) into out (s NULL if n is 0). */
void fg_sha256_hex(char out[65], const char *prefix, const char *s, size_t n);
void fg_str_clear(fg_str *s);         /* keeps the buffer */
void fg_str_dispose(fg_str *s);       /* frees the buffer; NULL-safe */
char *fg_str_steal(fg_str *s);        /* hands the buffer to the caller (never NULL on success) */

/* The 64-bit FNV-1a hash of a NUL-terminated string: the one string hash of the hash tables
 * (gazetteer, store's name cache, progress). */
static inline size_t fg_hash_str(const char *s)
{
    size_t h = 1469598103934665603u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static inline fg_strview fg_sv(const char *p, size_t len)
{
    fg_strview v = {p, len};
    return v;
}
/* For literals only (inline: the strlen() of a literal folds to a constant). */
static inline fg_strview fg_sv_cstr(const char *lit)
{
    return fg_sv(lit, strlen(lit));
}
/*
 * The w bytes at p (w = 2, 4 or 8) as one word, only ever compared for equality. Both helpers
 * are always inlined, so that w is a constant and each word one load.
 */
__attribute__((always_inline)) static inline uint64_t fg_str__word(const char *p, size_t w)
{
    uint64_t v8;
    uint32_t v4;
    uint16_t v2;

    if (w == 8) {
        memcpy(&v8, p, 8);
        return v8;
    }
    if (w == 4) {
        memcpy(&v4, p, 4);
        return v4;
    }
    memcpy(&v2, p, 2);
    return v2;
}

/* Whether a[0..n) equals b[0..n) for w <= n <= 2w: its first and its last w bytes. */
__attribute__((always_inline)) static inline bool fg_str__ends_eq(const char *a, const char *b,
                                                                  size_t n, size_t w)
{
    uint64_t first = fg_str__word(a, w) ^ fg_str__word(b, w);
    uint64_t last = fg_str__word(a + n - w, w) ^ fg_str__word(b + n - w, w);

    return (first | last) == 0;
}

/*
 * Whether a[0..n) equals b[0..n). The parser compares short literals (n known at compile
 * time, mostly 3, 6 or 9 bytes of CJK characters): those are compared as two overlapping
 * words each, with one branch, where a byte loop would branch on each byte (and Chinese
 * characters that share their first byte are common); memcmp() for longer ones.
 */
static inline bool fg_mem_eq(const char *a, const char *b, size_t n)
{
    if (n > 16)
        return a[0] == b[0] && memcmp(a, b, n) == 0;
    if (n >= 8)
        return fg_str__ends_eq(a, b, n, 8);
    if (n >= 4)
        return fg_str__ends_eq(a, b, n, 4);
    if (n >= 2)
        return fg_str__ends_eq(a, b, n, 2);
    return n == 0 || a[0] == b[0];
}

/* Whether s holds the n bytes of lit at byte offset i. */
static inline bool fg_sv_at(fg_strview s, size_t i, const char *lit, size_t n)
{
    if (i > s.len || n > s.len - i)
        return false;
    return fg_mem_eq(s.ptr + i, lit, n);
}

/* Whether s holds the NUL-terminated lit at byte offset i. */
static inline bool fg_sv_at_str(fg_strview s, size_t i, const char *lit)
{
    return fg_sv_at(s, i, lit, strlen(lit));
}


/*
 * A scanner for the next place where any of a few 3-byte characters (lead bytes E0..EF)
 * may start, in valid UTF-8. It reports a superset (the caller makes the exact test) and
 * skips everything else fast: 32 positions at a time with AVX2 where the CPU has it
 * (fg_simd__avx2(); nibble tables, as in Hyperscan's "Teddy": a position is a candidate
 * when each of its three bytes has the low and high nibble of a byte of the same group of
 * characters), else a character at a time with a bit table of (lead, third byte) pairs.
 */
typedef struct fg_charscan {
    uint64_t pairs[16];        /* bit (lead & 0x0F) << 6 | (third & 0x3F) of each character */
    unsigned char nib[6][16];  /* group bits by low/high nibble of bytes 0, 1 and 2 */
    bool avx2;                 /* the AVX2 twin runs; set by fg_charscan_init() */
} fg_charscan;

/* Set up cs for the characters of chars[0..len) (each 3 bytes, lead byte E0..EF). */
void fg_charscan_init(fg_charscan *cs, const char *chars, size_t len);

/*
 * The first index in [i, limit) of s[0..len) (valid UTF-8, limit <= len, both on character
 * boundaries) where one of the characters of cs may start, or limit. Not every index
 * returned starts one; none that is skipped does.
 */
size_t fg_charscan_next(const fg_charscan *cs, const char *s, size_t len, size_t i, size_t limit);

/*
 * Every index fg_charscan_next() would stop at in s[0..len) (valid UTF-8), in order, into
 * out, which has room for len / 3 + 1 (only lead bytes of 3-byte characters are reported);
 * returns how many. One pass, for callers that visit all of them.
 */
size_t fg_charscan_all(const fg_charscan *cs, const char *s, size_t len, size_t *out);

/* Byte length of the UTF-8 sequence that starts with c (input already validated). */
static inline size_t fg_cp_len(unsigned char c)
{
    return c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
}

/* Whether s contains any of the NULL-terminated words (a search for each). */
bool fg_sv_contains_any(fg_strview s, const char *const *words);

/*
 * The helpers below are inline so that, called with a string literal, strlen() folds to a
 * constant and the comparison is a few instructions: the parser calls them per character.
 */
static inline bool fg_sv_eq(fg_strview a, fg_strview b)
{
    return a.len == b.len && (a.len == 0 || fg_mem_eq(a.ptr, b.ptr, a.len));
}

static inline bool fg_sv_starts_n(fg_strview s, const char *lit, size_t n)
{
    return s.len >= n && fg_mem_eq(s.ptr, lit, n);
}

static inline bool fg_sv_ends_n(fg_strview s, const char *lit, size_t n)
{
    return s.len >= n && fg_mem_eq(s.ptr + s.len - n, lit, n);
}

static inline bool fg_sv_starts(fg_strview s, const char *lit)
{
    return fg_sv_starts_n(s, lit, strlen(lit));
}

static inline bool fg_sv_ends(fg_strview s, const char *lit)
{
    return fg_sv_ends_n(s, lit, strlen(lit));
}

/*
 * Byte offset of the first occurrence of lit[0..n) in s, or SIZE_MAX (0 when n is 0): what
 * memmem() finds, without its set-up cost on the short strings the parser mostly searches.
 */
size_t fg_sv_find_n(fg_strview s, const char *lit, size_t n);

/* The first index >= i of s[0..len) that holds an ASCII digit, or len. 16 bytes at a time. */
size_t fg_next_ascii_digit(const char *s, size_t len, size_t i);

/* Byte offset of the first occurrence of lit in s, or SIZE_MAX. */
static inline size_t fg_sv_find(fg_strview s, const char *lit)
{
    return fg_sv_find_n(s, lit, strlen(lit));
}
#define fg_sv_contains(s, lit) (fg_sv_find((s), (lit)) != SIZE_MAX)

/* A literal with its length, for tables of literals (no strlen() at run time). */
typedef struct fg_lit {
    const char *s;
    size_t n;
} fg_lit;
#define FG_LIT(x) {(x), sizeof(x) - 1}

/*
 * A set of CJK characters U+4000..U+9FFF (UTF-8 lead bytes E4..E9) as a bitmap, for "is
 * this character one of …" tests that a loop over the candidates would make slow.
 */
typedef struct fg_cjkset {
    uint64_t thirds;               /* bit (third byte & 0x3F) of each member: a first filter */
    uint64_t bits[6 * 4096 / 64];
} fg_cjkset;

/* Add the characters of chars[0..len) (each 3 bytes, lead byte E4..E9) to set. */
void fg_cjkset_add(fg_cjkset *set, const char *chars, size_t len);

/* Whether the 3 bytes at p (avail >= 3) are exactly the UTF-8 of a character of set. */
static inline bool fg_cjkset_has(const fg_cjkset *set, const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    unsigned idx;

    if (u[0] < 0xE4 || u[0] > 0xE9 || !((set->thirds >> (u[2] & 0x3F)) & 1))
        return false;
    idx = (unsigned)(u[0] - 0xE4) << 12 | (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    /* The bit first: most characters are not members, and then the rest is not looked at. */
    return ((set->bits[idx >> 6] >> (idx & 63)) & 1) && (u[1] & 0xC0) == 0x80 &&
           (u[2] & 0xC0) == 0x80;
}

/*
 * Ask the kernel for transparent huge pages (2 MB) over the whole huge pages inside
 * p[0..n), when n is at least FG_MEM_HUGE_MIN: a big buffer is then faulted in 2 MB at a
 * time instead of 4 KB (a page fault costs about 9 µs on the benchmark VM: a third of the
 * time of extracting one 60 MB document went to faults). Only a hint (madvise); memory
 * not touched stays unbacked as before. For blocks of the caller's own from malloc().
 */
#define FG_MEM_HUGE_MIN (4u * 1024 * 1024)
void fg_mem_huge(void *p, size_t n);
/*
 * malloc() and realloc() for blocks that may be big. A block of FG_MEM_HUGE_MIN bytes or more
 * starts on a huge page boundary and has room for fg_mem_size(n) bytes, a whole number of
 * huge pages, all advised (fg_mem_huge()): from malloc() it would start and end inside a huge
 * page, and those two ends, up to 4 MB, would be faulted in 4 KB at a time. Growing such a
 * block copies it into a new one instead of moving its pages, which would lose the alignment
 * (still cheaper than the faults). Smaller blocks are malloc()'s and realloc()'s own. Either
 * way the block is released with free(); NULL when out of memory.
 */
size_t fg_mem_size(size_t n);
void *fg_mem_alloc(size_t n);
void *fg_mem_realloc(void *p, size_t n);

/* Bump allocator: many small strings freed together. */
typedef struct fg_arena fg_arena;
fg_arena *fg_arena_new(void);
void fg_arena_free(fg_arena *a);                      /* NULL-safe */
/*
 * Free a result that keeps its strings in the arena a and its rows in one heap array: a,
 * rows, then the result itself (NULL-safe each; the progress tables and reports).
 */
void fg_arena_free_result(fg_arena *a, void *rows, void *result);
void *fg_arena_alloc(fg_arena *a, size_t size);       /* 8-byte aligned; NULL on OOM */
/*
 * The arena is about to receive about n bytes: its next chunks are as big as that (up to
 * 4 MB) from the start, instead of doubling up from 64 KB in pages faulted 4 KB at a time.
 */
void fg_arena_expect(fg_arena *a, size_t n);
/*
 * Hand block (from malloc() or fg_mem_alloc()) to a, which frees it with its chunks: a buffer
 * built elsewhere joins the arena's strings without a copy. FG_OK, or FG_ENOMEM with the
 * block still the caller's.
 */
int fg_arena_adopt(fg_arena *a, void *block);
/* A NUL-terminated copy of p[0..len); NULL on OOM. */
char *fg_arena_strndup(fg_arena *a, const char *p, size_t len);

/*
 * Decode the code point at p (len bytes left) with utf8proc_iterate(), the one UTF-8 decoder
 * of fengong; stores its byte length in *n. Ill-formed (overlong, surrogate, cut, past
 * U+10FFFF) → -1 with *n = 1.
 */
int32_t fg_utf8_decode(const char *p, size_t len, size_t *n);

#endif

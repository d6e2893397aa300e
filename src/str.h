/* Internal string helpers: an owning growable buffer, a borrowed view, and an arena. */
#ifndef FG_SRC_STR_H
#define FG_SRC_STR_H

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
int fg_str_append(fg_str *s, const char *p, size_t len);
int fg_str_appendc(fg_str *s, char c);
void fg_str_clear(fg_str *s);         /* keeps the buffer */
void fg_str_dispose(fg_str *s);       /* frees the buffer; NULL-safe */
char *fg_str_steal(fg_str *s);        /* hands the buffer to the caller (never NULL on success) */

static inline fg_strview fg_sv(const char *p, size_t len)
{
    fg_strview v = {p, len};
    return v;
}
fg_strview fg_sv_cstr(const char *lit);                 /* for literals only */
/* Whether s holds the n bytes of lit at byte offset i. */
static inline bool fg_sv_at(fg_strview s, size_t i, const char *lit, size_t n)
{
    if (i > s.len || n > s.len - i)
        return false;
    if (n <= 6) {
        for (size_t k = 0; k < n; k++)
            if (s.ptr[i + k] != lit[k])
                return false;
        return true;
    }
    return s.ptr[i] == lit[0] && memcmp(s.ptr + i, lit, n) == 0;
}

/* Whether s holds the NUL-terminated lit at byte offset i. */
static inline bool fg_sv_at_str(fg_strview s, size_t i, const char *lit)
{
    return fg_sv_at(s, i, lit, strlen(lit));
}

/* Byte length of the UTF-8 sequence that starts with c (input already validated). */
static inline size_t fg_cp_len(unsigned char c)
{
    return c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
}

/* Whether s contains any of the NULL-terminated words (memmem for each). */
bool fg_sv_contains_any(fg_strview s, const char *const *words);
bool fg_sv_eq(fg_strview a, fg_strview b);
bool fg_sv_starts(fg_strview s, const char *lit);
bool fg_sv_ends(fg_strview s, const char *lit);
/* Byte offset of the first occurrence of lit in s, or SIZE_MAX. */
size_t fg_sv_find(fg_strview s, const char *lit);
#define fg_sv_contains(s, lit) (fg_sv_find((s), (lit)) != SIZE_MAX)

/* Bump allocator: many small strings freed together. */
typedef struct fg_arena fg_arena;
fg_arena *fg_arena_new(void);
void fg_arena_free(fg_arena *a);                      /* NULL-safe */
void *fg_arena_alloc(fg_arena *a, size_t size);       /* 8-byte aligned; NULL on OOM */
/* A NUL-terminated copy of p[0..len); NULL on OOM. */
char *fg_arena_strndup(fg_arena *a, const char *p, size_t len);

/* Decode the code point at p (len bytes left); stores its byte length in *n. Invalid → -1, n=1. */
int32_t fg_utf8_decode(const char *p, size_t len, size_t *n);

#endif

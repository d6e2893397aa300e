/*
 * Internal: growing the arrays the library builds row by row. One place for the doubling,
 * the overflow check and the out-of-memory message, instead of a realloc() block at each
 * append. On failure the array is unchanged (still owned by its holder) and the message is
 * set.
 */
#ifndef FG_SRC_GROW_H
#define FG_SRC_GROW_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "str.h"

/* Reallocate the array at *(T **)pp to n elements of size bytes: FG_OK or FG_ENOMEM. */
static inline int fg_resize(void *pp, size_t n, size_t size)
{
    void *p;

    memcpy(&p, pp, sizeof p);
    if (size != 0 && n > SIZE_MAX / size)
        return fg_error_set(FG_ENOMEM, "out of memory");
    p = fg_mem_realloc(p, n * size); /* realloc(), a big array on whole huge pages */
    if (p == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    memcpy(pp, &p, sizeof p);
    return FG_OK;
}

/* The capacity after cap when it is full: twice cap, or first for an empty array. */
static inline size_t fg_next_cap(size_t cap, size_t first)
{
    return cap == 0 ? first : cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;
}

/*
 * Room for element n of the array at *(T **)pp, which holds *cap elements of size bytes:
 * when n has reached *cap, the array grows to fg_next_cap(). FG_OK or FG_ENOMEM.
 */
static inline int fg_grow(void *pp, size_t *cap, size_t n, size_t size, size_t first)
{
    size_t c;

    if (n < *cap)
        return FG_OK;
    c = fg_next_cap(*cap, first);
    if (fg_resize(pp, c, size) < 0)
        return FG_ENOMEM;
    *cap = c;
    return FG_OK;
}

/*
 * Append the element at x (size bytes) to the array at *(T **)pp of *n elements, one more
 * element each time, unless an element equal to it byte for byte (an integer id, say) is
 * there already: a small set kept in insertion order. FG_OK or FG_ENOMEM.
 */
static inline int fg_add_unique(void *pp, size_t *n, const void *x, size_t size)
{
    unsigned char *p;

    memcpy(&p, pp, sizeof p);
    for (size_t i = 0; i < *n; i++)
        if (memcmp(p + i * size, x, size) == 0)
            return FG_OK;
    if (fg_resize(pp, *n + 1, size) < 0)
        return FG_ENOMEM;
    memcpy(&p, pp, sizeof p);
    memcpy(p + *n * size, x, size);
    (*n)++;
    return FG_OK;
}

/* fg_resize() and fg_grow() for an array v (an lvalue of pointer type) and its counts. */
#define FG_RESIZE(v, n) fg_resize(&(v), (n), sizeof *(v))
#define FG_GROW(v, cap, n, first) fg_grow(&(v), &(cap), (n), sizeof *(v), (first))

#endif

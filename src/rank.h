/*
 * Internal: things ranked by a score (communities by size, their members by strength,
 * proposed agencies by score), the one order they are sorted in, and the two orders of counts
 * (largest first, ascending) that comparators put their keys in.
 */
#ifndef FG_SRC_RANK_H
#define FG_SRC_RANK_H

#include <stddef.h>

/* For comparators: -1 when x is larger (it goes first), 1 when smaller, 0 when equal. */
static inline int fg_larger_first(size_t x, size_t y)
{
    return x > y ? -1 : x < y;
}

/* For comparators: -1 when x is smaller (it goes first), 1 when larger, 0 when equal. */
static inline int fg_smaller_first(size_t x, size_t y)
{
    return x < y ? -1 : x > y;
}

/* For qsort() of an array of size_t: ascending. */
static inline int fg_size_cmp(const void *a, const void *b)
{
    return fg_smaller_first(*(const size_t *)a, *(const size_t *)b);
}

typedef struct fg_ranked {
    size_t id;
    double score;
} fg_ranked;

/* For qsort(): the highest score first, equal scores by the lowest id (a total order). */
static inline int fg_ranked_cmp(const void *a, const void *b)
{
    const fg_ranked *x = a;
    const fg_ranked *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return fg_smaller_first(x->id, y->id);
}

#endif

/*
 * Internal: things ranked by a score (communities by size, their members by strength,
 * proposed agencies by score), the one order they are sorted in, and the ascending order of
 * counts.
 */
#ifndef FG_SRC_RANK_H
#define FG_SRC_RANK_H

#include <stddef.h>

/* For qsort() of an array of size_t: ascending. */
static inline int fg_size_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a;
    size_t y = *(const size_t *)b;

    return x < y ? -1 : x > y;
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
    return x->id < y->id ? -1 : x->id > y->id;
}

#endif

/*
 * Following the work after the 分工 (issue 18): the targets that changed between two plans.
 * Both sides are read with fg_store_target_rows() into owned rows, grouped by a subject key,
 * and paired in document order within each key.
 */
#include "fengong/track.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

typedef struct trow {
    char *key;     /* subject key + "\x1f" + unit */
    char *subject;
    char *unit;
    fg_target_side side;
    size_t order;  /* in the document order of its side */
} trow;

typedef struct tlist {
    trow *v;
    size_t n;
    size_t cap;
    int failed;
} tlist;

/* The subject without blanks and without a leading 全省/全市/全区/全县/全州/全国. */
static char *subject_key(const char *subject, const char *unit)
{
    static const char *const scopes[] = {"全省", "全市", "全区", "全县", "全州", "全国"};
    size_t n = strlen(subject);
    size_t u = strlen(unit);
    char *k = malloc(n + u + 2);
    size_t j = 0;

    if (k == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof scopes / sizeof scopes[0]; i++) {
        size_t m = strlen(scopes[i]);

        if (n > m && strncmp(subject, scopes[i], m) == 0) {
            subject += m;
            n -= m;
            break;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (subject[i] == ' ' || subject[i] == '\t')
            continue;
        if (strncmp(subject + i, "\xe3\x80\x80", 3) == 0) { /* U+3000 */
            i += 2;
            continue;
        }
        k[j++] = subject[i];
    }
    k[j++] = '\x1f';
    memcpy(k + j, unit, u + 1);
    return k;
}

static void side_free(fg_target_side *s)
{
    free(s->doc);
    free(s->path);
    free(s->text);
}

static void tlist_free(tlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].key);
        free(l->v[i].subject);
        free(l->v[i].unit);
        side_free(&l->v[i].side);
    }
    free(l->v);
}

static int collect(const fg_store_target_row *row, void *payload)
{
    tlist *l = payload;
    trow *t;

    if (row->subject[0] == '\0')
        return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        trow *v = realloc(l->v, cap * sizeof *v);

        if (v == NULL) {
            l->failed = 1;
            return 1;
        }
        l->v = v;
        l->cap = cap;
    }
    t = &l->v[l->n];
    memset(t, 0, sizeof *t);
    l->n++;
    t->key = subject_key(row->subject, row->unit);
    t->subject = strdup(row->subject);
    t->unit = strdup(row->unit);
    t->side.doc = strdup(row->doc);
    t->side.path = strdup(row->path);
    t->side.text = strdup(row->text);
    t->side.change = row->change;
    t->side.bound = row->bound;
    t->side.value = row->value;
    t->side.value_hi = row->value_hi;
    if (!t->key || !t->subject || !t->unit || !t->side.doc || !t->side.path || !t->side.text) {
        l->failed = 1;
        return 1;
    }
    t->order = l->n - 1;
    return 0;
}

static int read_side(tlist *l, fg_store *st, const fg_store_track_query *q)
{
    fg_store_track_query only = *q;
    int rc;

    only.agency = NULL;
    rc = fg_store_target_rows(st, &only, collect, l);
    if (rc == FG_OK && l->failed)
        rc = fg_error_set(FG_ENOMEM, "out of memory");
    return rc;
}

static int by_key(const void *p, const void *q)
{
    const trow *a = p;
    const trow *b = q;
    int c = strcmp(a->key, b->key);

    return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int by_order(const void *p, const void *q)
{
    const fg_target_diff *a = p;
    const fg_target_diff *b = q;

    return (a->order > b->order) - (a->order < b->order);
}

static int same(const fg_target_side *a, const fg_target_side *b)
{
    return a->change == b->change && a->bound == b->bound && a->value == b->value &&
           a->value_hi == b->value_hi;
}

int fg_track_target_changes(fg_target_diffs **out, fg_store *st, const fg_store_track_query *a,
                            const fg_store_track_query *b)
{
    tlist la = {0};
    tlist lb = {0};
    fg_target_diffs *d = NULL;
    int rc = FG_OK;

    if (out == NULL || st == NULL || a == NULL || b == NULL)
        return fg_error_set(FG_EINVAL, "fg_track_target_changes: out, store, a and b are "
                                       "required");
    *out = NULL;
    FG_TRY(read_side(&la, st, a));
    FG_TRY(read_side(&lb, st, b));
    d = calloc(1, sizeof *d);
    FG_CHECK_ALLOC(d);
    if (la.n) {
        d->v = calloc(la.n, sizeof *d->v);
        FG_CHECK_ALLOC(d->v);
    }
    /* by key, then in document order: the k-th of a key in A meets the k-th in B */
    if (la.n)
        qsort(la.v, la.n, sizeof *la.v, by_key);
    if (lb.n)
        qsort(lb.v, lb.n, sizeof *lb.v, by_key);
    for (size_t i = 0, j = 0; i < la.n && j < lb.n;) {
        trow *x = &la.v[i];
        trow *y = &lb.v[j];
        int c = strcmp(x->key, y->key);
        fg_target_diff *f;

        if (c < 0) {
            i++;
            continue;
        }
        if (c > 0) {
            j++;
            continue;
        }
        i++;
        j++;
        if (same(&x->side, &y->side))
            continue;
        f = &d->v[d->n++];
        /* the strings move from the rows to the result */
        f->order = x->order;
        f->subject = x->subject;
        f->unit = x->unit;
        f->a = x->side;
        f->b = y->side;
        x->subject = x->unit = NULL;
        memset(&x->side, 0, sizeof x->side);
        memset(&y->side, 0, sizeof y->side);
    }
    if (d->n)
        qsort(d->v, d->n, sizeof *d->v, by_order);
    *out = d;
    d = NULL;
out:
    fg_target_diffs_free(d);
    tlist_free(&la);
    tlist_free(&lb);
    return rc;
}

void fg_target_diffs_free(fg_target_diffs *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].subject);
        free(d->v[i].unit);
        side_free(&d->v[i].a);
        side_free(&d->v[i].b);
    }
    free(d->v);
    free(d);
}

/* fengong: following the work after the 分工: targets that changed between two plans. */
#ifndef FENGONG_TRACK_H
#define FENGONG_TRACK_H

#include <stddef.h>

#include "fengong/store.h"
#include "fengong/target.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One side of a changed target: where it is written and what it says. */
typedef struct fg_target_side {
    char *doc;
    char *path;                /* item path */
    char *text;                /* as written: 地区生产总值增长6.5%以上 */
    fg_target_change change;
    fg_target_bound bound;
    double value;
    double value_hi;
} fg_target_side;

/** A subject whose target differs between A and B (增长6.5%以上 → 增长6%左右). */
typedef struct fg_target_diff {
    char *subject;             /* as written in A */
    char *unit;
    fg_target_side a;
    fg_target_side b;
    size_t order;              /* A's target index in document order (the list's order) */
} fg_target_diff;

typedef struct fg_target_diffs {
    fg_target_diff *v;
    size_t n;
} fg_target_diffs;

/**
 * The targets that changed between the documents (or years) a and b of a store: targets of
 * the same subject and unit on both sides (the k-th of a subject in A with the k-th in B, in
 * document order) whose change, bound or values differ. Subjects match once a leading 全省,
 * 全市, 全区, 全县, 全州 or 全国 and blanks are set aside (全市地区生产总值 = 地区生产总值);
 * targets without a subject are not compared. In A's order.
 * @param out  receives the list, freed with fg_target_diffs_free(); NULL on failure.
 * @param a    which targets are A: a document (doc) or a year (year), as fg_store_target_rows()
 *             takes them; its agency is ignored.
 * @param b    the same for B.
 * @return FG_OK, FG_EINVAL (NULL arguments), FG_ENOTFOUND (no such document), FG_EDB or
 *         FG_ENOMEM.
 */
int fg_track_target_changes(fg_target_diffs **out, fg_store *st, const fg_store_track_query *a,
                            const fg_store_track_query *b);

/** Free a list of fg_track_target_changes(); NULL-safe. */
void fg_target_diffs_free(fg_target_diffs *d);

#ifdef __cplusplus
}
#endif
#endif

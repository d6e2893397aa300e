/* fengong: propose lead and co-operating agencies for the tasks of a new plan. */
#ifndef FENGONG_SUGGEST_H
#define FENGONG_SUGGEST_H

#include <stddef.h>

#include "fengong/doc.h"
#include "fengong/gazetteer.h"
#include "fengong/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A model learnt from the store (every stored task's text and its lead/co agencies) and
 * from the curated remits (graphs/agency-remits.tsv, embedded; keywords of each agency's
 * 职能). Texts are compared as TF-IDF vectors of character bigrams.
 */
typedef struct fg_suggester fg_suggester;

/**
 * @param out  receives a model freed with fg_suggester_free(); NULL on failure.
 * @param gz   the gazetteer (agency types and levels); may be NULL.
 * @return FG_OK, FG_ENOTFOUND ("the store holds no assigned tasks to learn from: ingest
 *         分工 documents first"), FG_EDB or FG_ENOMEM.
 */
int fg_suggester_new(fg_suggester **out, fg_store *st, const fg_gazetteer *gz);
void fg_suggester_free(fg_suggester *s);   /* NULL-safe */

/** Number of stored tasks the model learnt from. */
size_t fg_suggester_n_tasks(const fg_suggester *s);

/** One suggested agency for one item. Strings are owned by the result array's owner. */
typedef struct fg_suggestion {
    size_t item;          /* index into the plan's items */
    fg_role role;
    size_t rank;          /* from 1, separately for lead and co */
    char *agency;
    double score;         /* 0–1 */
    char *evidence;       /* most similar stored tasks and the remit words that matched */
} fg_suggestion;

/**
 * Suggest for every task (leaf item with text) of a plan: top_k leads and top_k co-operating
 * agencies each. The plan's own assignments are ignored. A plan from a city (its issuer or
 * title names a 市 or 州) gets the city counterparts (市…) of provincial departments, through
 * the gazetteer's agency types.
 * @param out  receives a malloc'd array (fg_suggestions_free); *n its length.
 */
int fg_suggest_plan(fg_suggestion **out, size_t *n, const fg_suggester *s, const fg_doc *plan,
                    size_t top_k);
void fg_suggestions_free(fg_suggestion *v, size_t n);

/**
 * The plan as a draft 分工 document: every item on its own line with its marker, the tasks
 * followed by （X牵头，Y、Z按职责分工负责） from the top lead and the co-operating agencies
 * suggested (at most max_co); `fengong extract` on it gives back exactly those assignments.
 * @param out  receives malloc'd UTF-8 text (free()).
 */
int fg_suggest_draft(char **out, size_t *len, const fg_doc *plan, const fg_suggestion *v,
                     size_t n, size_t max_co);

/**
 * The deadline of a task of a plan, as suggest reports it beside the suggestions: the
 * item's own (a 完成时限 label or column, fg_item.deadline), else the last deadline phrase
 * of its text (fg_deadline_find(), with the document's year): a plan without 分工 has no
 * clauses to carry one (…，2026年9月底前投入使用。).
 * @param out     receives the deadline; kind FG_DEADLINE_NONE when there is none. Its phrase
 *                is (*text)[out->off .. out->off + out->len).
 * @param text    receives the text the phrase is in (borrowed from plan); "" when none.
 * @param plan    the parsed plan; item an index into plan->items.
 * @return FG_OK, or FG_EINVAL (NULL arguments, item out of range).
 */
int fg_suggest_item_deadline(fg_deadline *out, const char **text, const fg_doc *plan,
                             size_t item);

#ifdef __cplusplus
}
#endif
#endif

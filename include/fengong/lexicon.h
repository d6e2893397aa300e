/* fengong: the role lexicon of the clause grammar (graphs/roles.tsv). */
#ifndef FENGONG_LEXICON_H
#define FENGONG_LEXICON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The words from which the clause grammar reads role labels (src/GRAMMAR.md): head words
 * with the role they give (牵头 lead, 配合 co, 责任 resp), the suffixes that end labels of
 * units (单位, 部门, 机构 …) and of persons (领导, 人). A label's role is that of the leftmost
 * head word it holds. Immutable once built; one lexicon may serve many threads.
 */
typedef struct fg_lexicon fg_lexicon;

/**
 * A lexicon holding the bundled graphs/roles.tsv (embedded at build time).
 * @param out  receives a new lexicon, freed with fg_lexicon_free(); NULL on failure.
 * @return FG_OK, FG_EPARSE (bundled data malformed) or FG_ENOMEM.
 */
int fg_lexicon_load_default(fg_lexicon **out);

/**
 * Merge TSV text (header `class word role`; classes head, unit-suffix, person-suffix; roles
 * lead, co, resp, field (the label is not one of roles: 成员单位 of a team), none for heads and
 * - for suffixes; lines starting with # are comments) on
 * top of what the lexicon holds: a head word already known takes the new role, `none`
 * removes it. On failure the lexicon is unchanged.
 * @param name  used in messages ("my-roles.tsv:4: …"); not kept.
 * @return FG_OK, FG_EPARSE (NAME:LINE: what is wrong) or FG_ENOMEM.
 * Complexity: O(lines × words in the lexicon).
 */
int fg_lexicon_merge_tsv(fg_lexicon *lx, const char *name, const char *data, size_t len);

/** fg_lexicon_merge_tsv() on a file; FG_EIO when it cannot be read. */
int fg_lexicon_merge_file(fg_lexicon *lx, const char *path);

/** Number of head words (for messages and tests). */
size_t fg_lexicon_n_heads(const fg_lexicon *lx);

void fg_lexicon_free(fg_lexicon *lx); /* NULL-safe */

#ifdef __cplusplus
}
#endif
#endif

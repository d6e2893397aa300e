/* fengong: decoded text → tasks, clauses, roles, agencies and work teams. */
#ifndef FENGONG_PARSE_H
#define FENGONG_PARSE_H

#include "fengong/doc.h"
#include "fengong/lexicon.h"
#include "fengong/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Parsing options. */
typedef struct fg_parse_opts {
    const char *name;   /* document name to record (default: basename of text->name) */
    int no_teams;       /* skip work-team extraction */
    const fg_lexicon *lexicon; /* role lexicon (fg_lexicon_load_default() + user files);
                                  NULL: the bundled graphs/roles.tsv. Borrowed. */
    int no_tracking;    /* skip deadlines and targets (fg_item.deadline, .targets,
                           fg_clause.deadline stay empty): a sixth of the parsing time,
                           for callers that only want the rows */
    int no_text;        /* with no_tracking: fg_item.text is "" for every item instead of
                           a copy of its text (nearly the whole document again), for
                           callers that print rows, titles or counts; ignored without
                           no_tracking, as deadlines and targets are read from that text */
} fg_parse_opts;

#define FG_PARSE_OPTS_INIT {NULL, 0, NULL, 0, 0}

/**
 * Split a decoded document into numbered items, responsibility clauses with their lead/co
 * agencies, and work teams. A text with no numbering and no clauses gives a document with
 * no items; that is not an error.
 * @param out   receives a new document, freed with fg_doc_free(); NULL on failure.
 * @param text  NFC UTF-8 from fg_text_decode(); borrowed, not kept.
 * @param opts  options, or NULL for defaults.
 * @return FG_OK, FG_EINVAL or FG_ENOMEM.
 * Complexity: O(n) in the length of the text (bounded look-ahead per character).
 */
int fg_parse_document(fg_doc **out, const fg_text *text, const fg_parse_opts *opts);

#ifdef __cplusplus
}
#endif
#endif

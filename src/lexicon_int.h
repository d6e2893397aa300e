/* Internal: the role lexicon as clause.c reads it. */
#ifndef FG_SRC_LEXICON_INT_H
#define FG_SRC_LEXICON_INT_H

#include <stdbool.h>

#include "fengong/lexicon.h"
#include "str.h"

/* The role a head word gives; the values of fg_label_role (clause.h) for the same roles. */
typedef enum fg_head_role {
    FG_HEAD_LEAD = 1,
    FG_HEAD_CO = 2,
    FG_HEAD_RESP = 3,
    FG_HEAD_FIELD = 5 /* FG_LABEL_OTHER: a label of something else than units (成员单位 of a team) */
} fg_head_role;

typedef struct fg_lex_word {
    char *w;
    size_t len;
    fg_head_role role; /* heads only */
} fg_lex_word;

struct fg_lexicon {
    fg_cjkset head_firsts; /* the first characters of the heads: where one may start */
    fg_lex_word *heads;  /* longest first, then in file order */
    size_t n_heads;
    fg_lex_word *unit_suffixes;
    size_t n_unit_suffixes;
    fg_lex_word *person_suffixes;
    size_t n_person_suffixes;
};

/*
 * The bundled lexicon, built once; never NULL (an empty lexicon if building it ran out of
 * memory). Borrowed, lives as long as the process.
 */
const fg_lexicon *fg_lexicon__default(void);

#endif

/*
 * Internal: the old binary Word reader's parts (read_doc.c reads the text, read_doc_num.c
 * renders Word's automatic numbering).
 */
#ifndef FG_SRC_READ_DOC_INT_H
#define FG_SRC_READ_DOC_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "str.h"

/* The lists of a document and the counters of the paragraphs numbered so far. */
typedef struct fg_doc_num fg_doc_num;

/* Load the lists (PlfLst at fc_lst, lcb_lst bytes) and list instances (PlfLfo) of the table
 * stream tb of len bytes; damaged or missing structures give no numbering, not an error.
 * *out is the caller's, freed with fg_doc__num_free(). FG_OK or FG_ENOMEM. */
int fg_doc__num_load(fg_doc_num **out, const unsigned char *tb, size_t len, uint32_t fc_lst,
                     uint32_t lcb_lst, uint32_t fc_lfo, uint32_t lcb_lfo);
void fg_doc__num_free(fg_doc_num *nm);

/* Number the next paragraph of list instance ilfo (1-based; 0: none) at level ilvl and
 * append its number as printed (and a blank, as read_docx_num.c does) to out. FG_OK or
 * FG_ENOMEM. */
int fg_doc__num_para(fg_doc_num *nm, fg_str *out, unsigned ilfo, unsigned ilvl);

#endif

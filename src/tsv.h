/*
 * Internal: the lines of a tab-separated table held in memory (the bundled agencies.tsv and
 * roles.tsv, or a user's file), as the gazetteer and the role lexicon read them: split at
 * \n, a \r before it dropped, a UTF-8 BOM before the first line dropped, numbered from 1.
 */
#ifndef FG_SRC_TSV_H
#define FG_SRC_TSV_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "str.h"

typedef struct fg_tsv {
    const char *data;
    size_t len;
    size_t at;   /* where the next line starts */
    size_t line; /* the number of the line last returned */
} fg_tsv;

#define FG_TSV_INIT(data, len) {(data), (len), 0, 0}

/* The next line into *ln (borrowed from the data); false when there is none. */
static inline bool fg_tsv_next(fg_tsv *t, fg_strview *ln)
{
    const char *nl;
    size_t end;

    if (t->at >= t->len)
        return false;
    nl = memchr(t->data + t->at, '\n', t->len - t->at);
    end = nl != NULL ? (size_t)(nl - t->data) : t->len;
    *ln = fg_sv(t->data + t->at, end - t->at);
    t->line++;
    t->at = end + 1;
    if (ln->len > 0 && ln->ptr[ln->len - 1] == '\r')
        ln->len--;
    if (t->line == 1 && fg_sv_starts(*ln, "\xEF\xBB\xBF"))
        *ln = fg_sv(ln->ptr + 3, ln->len - 3);
    return true;
}

#endif

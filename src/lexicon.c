/*
 * The role lexicon: graphs/roles.tsv (embedded at build time) and users' files of the same
 * form, merged into three word lists that clause.c reads labels with. Heads are kept longest
 * first, so that the first head found at a place is the longest (主要责任 before 主要 …).
 * A lexicon is built, merged, then only read: it needs no lock.
 */
#include "lexicon_int.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "error.h"
#include "tsv.h"

static void free_words(fg_lex_word *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].w);
    free(v);
}

void fg_lexicon_free(fg_lexicon *lx)
{
    if (lx == NULL)
        return;
    free_words(lx->heads, lx->n_heads);
    free_words(lx->unit_suffixes, lx->n_unit_suffixes);
    free_words(lx->person_suffixes, lx->n_person_suffixes);
    free(lx);
}

size_t fg_lexicon_n_heads(const fg_lexicon *lx)
{
    return lx != NULL ? lx->n_heads : 0;
}

/* A deep copy of src into dst (zeroed); FG_OK or FG_ENOMEM (dst then holds what was copied). */
static int copy_words(fg_lex_word **dst, size_t *n_dst, const fg_lex_word *src, size_t n)
{
    *dst = NULL;
    *n_dst = 0;
    if (n == 0)
        return FG_OK;
    *dst = calloc(n, sizeof **dst);
    if (*dst == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        (*dst)[i] = src[i];
        (*dst)[i].w = malloc(src[i].len + 1);
        if ((*dst)[i].w == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        memcpy((*dst)[i].w, src[i].w, src[i].len + 1);
        (*n_dst)++;
    }
    return FG_OK;
}

/* Set word w of list (v, n) to role: replace, add, or (remove) drop it. */
static int put_word(fg_lex_word **v, size_t *n, fg_strview w, fg_head_role role, bool remove)
{
    fg_lex_word *nv;
    size_t at;

    for (size_t i = 0; i < *n; i++) {
        if ((*v)[i].len == w.len && memcmp((*v)[i].w, w.ptr, w.len) == 0) {
            if (remove) {
                free((*v)[i].w);
                memmove(*v + i, *v + i + 1, (*n - i - 1) * sizeof **v);
                (*n)--;
            } else {
                (*v)[i].role = role;
            }
            return FG_OK;
        }
    }
    if (remove)
        return FG_OK;
    nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (nv == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    *v = nv;
    /* Longest first; among words of one length, in the order they came. */
    at = *n;
    while (at > 0 && nv[at - 1].len < w.len)
        at--;
    memmove(nv + at + 1, nv + at, (*n - at) * sizeof *nv);
    nv[at].w = malloc(w.len + 1);
    if (nv[at].w == NULL) {
        memmove(nv + at, nv + at + 1, (*n - at) * sizeof *nv);
        return fg_error_set(FG_ENOMEM, "out of memory");
    }
    memcpy(nv[at].w, w.ptr, w.len);
    nv[at].w[w.len] = '\0';
    nv[at].len = w.len;
    nv[at].role = role;
    (*n)++;
    return FG_OK;
}

/* The next tab-separated field of line at *pos, trimmed of blanks and CR. */
static fg_strview next_field(fg_strview line, size_t *pos)
{
    size_t start = *pos;
    size_t end = start;

    while (end < line.len && line.ptr[end] != '\t')
        end++;
    *pos = end < line.len ? end + 1 : end;
    while (start < end && (line.ptr[start] == ' ' || line.ptr[start] == '\r'))
        start++;
    while (end > start && (line.ptr[end - 1] == ' ' || line.ptr[end - 1] == '\r'))
        end--;
    return fg_sv(line.ptr + start, end - start);
}

/* Whether w is 1 to 8 ideographs (a word a label can hold). */
static bool ideograph_word(fg_strview w)
{
    if (w.len == 0 || w.len > 8 * 3 || w.len % 3 != 0)
        return false;
    for (size_t i = 0; i < w.len; i += 3) {
        unsigned char c = (unsigned char)w.ptr[i];

        if (c < 0xE4 || c > 0xE9 || ((unsigned char)w.ptr[i + 1] & 0xC0) != 0x80 ||
            ((unsigned char)w.ptr[i + 2] & 0xC0) != 0x80)
            return false;
    }
    return true;
}

/* Merge one line (not a comment, not the header) into lx. */
static int merge_line(fg_lexicon *lx, const char *name, size_t line_no, fg_strview line)
{
    size_t pos = 0;
    fg_strview cls = next_field(line, &pos);
    fg_strview word = next_field(line, &pos);
    fg_strview role = next_field(line, &pos);

    if (pos < line.len)
        return fg_error_set(FG_EPARSE, "%s:%zu: more than 3 fields (class, word, role)", name,
                            line_no);
    if (!ideograph_word(word))
        return fg_error_set(FG_EPARSE, "%s:%zu: '%.*s' is not a word of 1 to 8 ideographs",
                            name, line_no, (int)word.len, word.ptr);
    if (fg_sv_eq(cls, fg_sv_cstr("head"))) {
        fg_head_role r;

        if (fg_sv_eq(role, fg_sv_cstr("lead")))
            r = FG_HEAD_LEAD;
        else if (fg_sv_eq(role, fg_sv_cstr("co")))
            r = FG_HEAD_CO;
        else if (fg_sv_eq(role, fg_sv_cstr("resp")))
            r = FG_HEAD_RESP;
        else if (fg_sv_eq(role, fg_sv_cstr("field")))
            r = FG_HEAD_FIELD;
        else if (fg_sv_eq(role, fg_sv_cstr("none")))
            return put_word(&lx->heads, &lx->n_heads, word, FG_HEAD_CO, true);
        else
            return fg_error_set(FG_EPARSE,
                                "%s:%zu: unknown role '%.*s' (lead, co, resp, field or none)", name,
                                line_no, (int)role.len, role.ptr);
        return put_word(&lx->heads, &lx->n_heads, word, r, false);
    }
    if (!fg_sv_eq(role, fg_sv_cstr("-")) && role.len != 0)
        return fg_error_set(FG_EPARSE, "%s:%zu: a suffix takes the role '-', not '%.*s'", name,
                            line_no, (int)role.len, role.ptr);
    if (fg_sv_eq(cls, fg_sv_cstr("unit-suffix")))
        return put_word(&lx->unit_suffixes, &lx->n_unit_suffixes, word, FG_HEAD_CO, false);
    if (fg_sv_eq(cls, fg_sv_cstr("person-suffix")))
        return put_word(&lx->person_suffixes, &lx->n_person_suffixes, word, FG_HEAD_CO, false);
    return fg_error_set(FG_EPARSE,
                        "%s:%zu: unknown class '%.*s' (head, unit-suffix or person-suffix)", name,
                        line_no, (int)cls.len, cls.ptr);
}

/* Merge all lines of data into lx (which the caller discards on failure). */
static int merge_all(fg_lexicon *lx, const char *name, const char *data, size_t len)
{
    fg_tsv t = FG_TSV_INIT(data, len);
    fg_strview line;
    bool header_seen = false;

    while (fg_tsv_next(&t, &line)) {
        int rc;

        if (line.len == 0 || line.ptr[0] == '#')
            continue;
        if (!header_seen) {
            header_seen = true;
            if (fg_sv_starts(line, "class\t"))
                continue;
        }
        rc = merge_line(lx, name, t.line, line);
        if (rc < 0)
            return rc;
    }
    return FG_OK;
}

int fg_lexicon_merge_tsv(fg_lexicon *lx, const char *name, const char *data, size_t len)
{
    fg_lexicon work;
    int rc = FG_OK;

    memset(&work, 0, sizeof work);

    if (lx == NULL || (data == NULL && len > 0))
        return fg_error_set(FG_EINVAL, "fg_lexicon_merge_tsv: no lexicon or no data");
    /* Merged into a copy, so that a bad line leaves lx as it was. */
    FG_TRY(copy_words(&work.heads, &work.n_heads, lx->heads, lx->n_heads));
    FG_TRY(copy_words(&work.unit_suffixes, &work.n_unit_suffixes, lx->unit_suffixes,
                      lx->n_unit_suffixes));
    FG_TRY(copy_words(&work.person_suffixes, &work.n_person_suffixes, lx->person_suffixes,
                      lx->n_person_suffixes));
    FG_TRY(merge_all(&work, name != NULL ? name : "roles", data, len));
    memset(&work.head_firsts, 0, sizeof work.head_firsts);
    for (size_t k = 0; k < work.n_heads; k++)
        fg_cjkset_add(&work.head_firsts, work.heads[k].w, 3);
    free_words(lx->heads, lx->n_heads);
    free_words(lx->unit_suffixes, lx->n_unit_suffixes);
    free_words(lx->person_suffixes, lx->n_person_suffixes);
    *lx = work;
    return FG_OK;
out:
    free_words(work.heads, work.n_heads);
    free_words(work.unit_suffixes, work.n_unit_suffixes);
    free_words(work.person_suffixes, work.n_person_suffixes);
    return rc;
}

static int merge_text(const char *name, const char *text, size_t len, void *lx)
{
    return fg_lexicon_merge_tsv(lx, name, text, len);
}

int fg_lexicon_merge_file(fg_lexicon *lx, const char *path)
{
    return fg_str_with_file(path, merge_text, lx);
}

int fg_lexicon_load_default(fg_lexicon **out)
{
    fg_lexicon *lx = calloc(1, sizeof *lx);
    int rc;

    *out = NULL;
    if (lx == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    rc = fg_lexicon_merge_tsv(lx, "graphs/roles.tsv (bundled)", fg_embedded_roles,
                              fg_embedded_roles_len);
    if (rc < 0) {
        fg_lexicon_free(lx);
        return rc;
    }
    *out = lx;
    return FG_OK;
}

static fg_lexicon *bundled;
static const fg_lexicon empty_lexicon;

static void build_bundled(void)
{
    /* Out of memory here leaves the empty lexicon: labels are then read as fields. */
    if (fg_lexicon_load_default(&bundled) < 0)
        bundled = NULL;
}

const fg_lexicon *fg_lexicon__default(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, build_bundled);
    return bundled != NULL ? bundled : &empty_lexicon;
}

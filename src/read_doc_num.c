/*
 * Word's automatic numbering in old binary Word documents (read_doc_int.h), rendered as the
 * DOCX reader renders it (read_docx_num.c) and with its number formats (read_docx_fmt.c):
 * the lists (PlfLst: LSTF, each followed by its levels' LVL after the array) and the list
 * instances paragraphs name (PlfLfo: LFO, then each one's LFOData with its level overrides).
 * A paragraph names its instance (sprmPIlfo, 1-based) and level (sprmPIlvl). Counters are
 * kept per (list, level); an instance that overrides a level's start restarts that level at
 * its first paragraph. A paragraph that names neither takes them from its paragraph style
 * (read_doc.c reads the style sheet: style_numbering()).
 */
#include "read_doc_int.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "read_docx_int.h"

#define N_LVL FG_DOCX_LEVELS
#define MAX_XST 64

typedef struct doc_lvl {
    long start;
    fg_docx_fmt fmt;
    bool legal;    /* every number in the text decimal */
    bool suffix;   /* a tab or a blank follows the number */
    bool restart;  /* restarts after a shallower level */
    uint16_t text[MAX_XST]; /* the number text; a character below 9 is level N's number */
    size_t n_text;
} doc_lvl;

typedef struct doc_list {
    uint32_t lsid;
    doc_lvl lvl[N_LVL];
    long count[N_LVL];
    bool has[N_LVL];
} doc_list;

typedef struct doc_lfo {
    size_t list; /* index in lists, SIZE_MAX when no list has its lsid */
    long start[N_LVL];
    bool has_start[N_LVL];
    bool started;
} doc_lfo;

struct fg_doc_num {
    doc_list *lists;
    size_t n_lists;
    doc_lfo *lfos;
    size_t n_lfos;
};

static uint32_t u16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The docx format of an MS-DOC number format code (MSONFC). */
static fg_docx_fmt fmt_of(unsigned nfc)
{
    switch (nfc) {
    case 1: return FG_DOCX_UPPER_ROMAN;
    case 2: return FG_DOCX_LOWER_ROMAN;
    case 3: return FG_DOCX_UPPER_LETTER;
    case 4: return FG_DOCX_LOWER_LETTER;
    case 10: case 17: case 36: return FG_DOCX_IDEO_DIGITAL;
    case 11: case 33: case 35: case 37: case 39: return FG_DOCX_CHINESE_COUNTING;
    case 14: case 19: return FG_DOCX_DECIMAL_FULLWIDTH;
    case 18: case 28: case 29: return FG_DOCX_ENCLOSED_CIRCLE;
    case 22: return FG_DOCX_DECIMAL_ZERO;
    case 23: return FG_DOCX_BULLET;
    case 26: return FG_DOCX_ENCLOSED_FULLSTOP;
    case 27: return FG_DOCX_ENCLOSED_PAREN;
    case 30: return FG_DOCX_IDEO_TRADITIONAL;
    case 31: return FG_DOCX_IDEO_ZODIAC;
    case 34: return FG_DOCX_LEGAL_TRADITIONAL;
    case 38: return FG_DOCX_CHINESE_LEGAL;
    case 255: return FG_DOCX_NONE;
    default: return FG_DOCX_DECIMAL;
    }
}

/* Read the LVL at *at of tb (len bytes) into l (NULL: skip it); false when it is cut short. */
static bool read_lvl(const unsigned char *tb, size_t len, size_t *at, doc_lvl *l)
{
    const unsigned char *p = tb + *at;
    size_t n, cch;

    if (len - *at < 28)
        return false;
    n = 28 + (size_t)p[25] + (size_t)p[24]; /* LVLF, grpprlPapx, grpprlChpx */
    if (len - *at < n + 2)
        return false;
    cch = u16(p + n);
    if ((len - *at - n - 2) / 2 < cch)
        return false;
    if (l != NULL) {
        long start = (long)(int32_t)u32(p);

        l->start = start < 0 ? 0 : start > 1000000000L ? 1000000000L : start;
        l->fmt = fmt_of(p[4]);
        l->legal = (p[5] & 0x04) != 0;
        l->restart = (p[5] & 0x08) == 0; /* fNoRestart */
        l->suffix = p[15] != 2;         /* ixchFollow: tab, space, nothing */
        l->n_text = cch < MAX_XST ? cch : MAX_XST;
        for (size_t i = 0; i < l->n_text; i++)
            l->text[i] = (uint16_t)u16(p + n + 2 + 2 * i);
    }
    *at += n + 2 + 2 * cch;
    return true;
}

int fg_doc__num_load(fg_doc_num **out, const unsigned char *tb, size_t len, uint32_t fc_lst,
                     uint32_t lcb_lst, uint32_t fc_lfo, uint32_t lcb_lfo)
{
    fg_doc_num *nm = calloc(1, sizeof *nm);
    size_t at;
    int rc = FG_OK;

    *out = NULL;
    FG_CHECK_ALLOC(nm);
    *out = nm;
    if (lcb_lst < 2 || fc_lst > len || lcb_lst > len - fc_lst || lcb_lfo < 4 || fc_lfo > len ||
        lcb_lfo > len - fc_lfo)
        return FG_OK;
    size_t c_lst = u16(tb + fc_lst);

    if (c_lst == 0 || (lcb_lst - 2) / 28 < c_lst)
        return FG_OK;
    nm->lists = calloc(c_lst, sizeof *nm->lists);
    FG_CHECK_ALLOC(nm->lists);
    at = (size_t)fc_lst + 2 + 28 * c_lst; /* the levels follow the LSTF array */
    for (size_t i = 0; i < c_lst; i++) {
        const unsigned char *lstf = tb + fc_lst + 2 + 28 * i;
        doc_list *li = &nm->lists[i];
        unsigned n_lvl = (lstf[26] & 1) ? 1 : N_LVL; /* fSimpleList */

        li->lsid = u32(lstf);
        for (unsigned k = 0; k < n_lvl; k++)
            if (!read_lvl(tb, len, &at, &li->lvl[k]))
                goto lists_done;
        nm->n_lists = i + 1;
    }
lists_done:
    at = fc_lfo;
    size_t n_lfo = u32(tb + at);

    if ((lcb_lfo - 4) / 16 < n_lfo)
        return FG_OK;
    nm->lfos = calloc(n_lfo ? n_lfo : 1, sizeof *nm->lfos);
    FG_CHECK_ALLOC(nm->lfos);
    nm->n_lfos = n_lfo;
    for (size_t i = 0; i < n_lfo; i++) {
        uint32_t lsid = u32(tb + at + 4 + 16 * i);

        nm->lfos[i].list = SIZE_MAX;
        for (size_t j = 0; j < nm->n_lists; j++)
            if (nm->lists[j].lsid == lsid)
                nm->lfos[i].list = j;
    }
    at += 4 + 16 * n_lfo; /* each LFO's LFOData: cp, then its overrides */
    for (size_t i = 0; i < n_lfo; i++) {
        unsigned n_over = tb[fc_lfo + 4 + 16 * i + 12]; /* clfolvl */

        if (len - at < 4)
            break;
        at += 4;
        for (unsigned k = 0; k < n_over; k++) {
            unsigned ilvl;

            if (len - at < 8)
                goto out;
            ilvl = tb[at + 4] & 0x0F;
            if (ilvl < N_LVL && (tb[at + 4] & 0x10)) { /* fStartAt */
                long start = (long)(int32_t)u32(tb + at);

                nm->lfos[i].has_start[ilvl] = true;
                nm->lfos[i].start[ilvl] = start < 0 ? 0 : start > 1000000000L ? 1000000000L
                                                                              : start;
            }
            at += 8;
            if ((tb[at - 4] & 0x20) && !read_lvl(tb, len, &at, NULL)) /* fFormatting */
                goto out;
        }
    }
out:
    return rc;
}

void fg_doc__num_free(fg_doc_num *nm)
{
    if (nm == NULL)
        return;
    free(nm->lists);
    free(nm->lfos);
    free(nm);
}


int fg_doc__num_para(fg_doc_num *nm, fg_str *out, unsigned ilfo, unsigned ilvl)
{
    doc_lfo *m;
    doc_list *a;
    const doc_lvl *def;
    size_t from = out->len;
    unsigned l = ilvl < N_LVL ? ilvl : N_LVL - 1;
    int rc = FG_OK;

    if (nm == NULL || ilfo == 0 || ilfo > nm->n_lfos)
        return FG_OK;
    m = &nm->lfos[ilfo - 1];
    if (m->list >= nm->n_lists)
        return FG_OK;
    a = &nm->lists[m->list];
    fg_docx__count_level(&m->started, m->has_start, a->has, a->count, (int)l,
                         m->has_start[l] ? m->start[l] : a->lvl[l].start);
    for (unsigned k = l + 1; k < N_LVL; k++)
        if (a->lvl[k].restart)
            a->has[k] = false;
    def = &a->lvl[l];
    if (def->fmt == FG_DOCX_NONE || def->fmt == FG_DOCX_BULLET)
        return FG_OK;
    for (size_t i = 0; i < def->n_text; i++) {
        uint32_t c = def->text[i];

        if (c < N_LVL) {
            fg_docx_fmt f = a->lvl[c].fmt;

            if (def->legal && f != FG_DOCX_NONE && f != FG_DOCX_BULLET)
                f = FG_DOCX_DECIMAL;
            FG_TRY(fg_docx__format(out, f,
                                   a->has[c]          ? a->count[c]
                                   : m->has_start[c] ? m->start[c]
                                                      : a->lvl[c].start));
            continue;
        }
        if (c >= 0x20)
            FG_TRY(fg_str_append_cp(out, c));
    }
    if (out->len > from && def->suffix && !fg_docx__ends_fullwidth_punct(out))
        FG_TRY(fg_str_appendc(out, ' '));
out:
    return rc;
}

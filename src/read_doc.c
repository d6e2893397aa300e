/*
 * Old binary Word documents (.doc, Word 97–2003, and WPS files saved in that format), the
 * document reader of reader.h. The OLE2 container is opened through ole.h; the rest is
 * [MS-DOC]:
 *
 * - the FIB at the start of the WordDocument stream gives the table stream (1Table or
 *   0Table), the main text's length in characters (ccpText: the notes, headers, footers and
 *   comments follow it; headers, footers and comments are left out) and where the piece
 *   table (Clx), the paragraph and character properties (PlcfBtePapx, PlcfBteChpx), the
 *   notes and the lists are;
 * - the piece table maps the text's characters to the WordDocument stream: UTF-16LE, or one
 *   byte a character (Windows-1252) when the piece is compressed;
 * - a paragraph ends with \r, a table cell with \a; a row ends with one more \a whose
 *   paragraph properties say so (sprmPFTtp), and carry the row's cells (sprmTDefTable): their
 *   edges, which make the table's column grid and each cell's span, and vertical merges,
 *   whose continuing cells are written as merged into the cell above, as the DOCX reader does.
 *   A nested table's cells and rows end with \r marked as such (sprmPFInnerTableCell,
 *   sprmPFInnerTtp, at the depth sprmPItap gives); the builder flattens it, unless the
 *   outer table is a frame (one cell a row), whose content is read as the body's;
 * - automatic numbering (read_doc_num.c) is written before the paragraph's text;
 * - footnotes and endnotes are written after the paragraph that cites them (\x02), and so is
 *   the text box of a shape anchored in it (\x08), as paragraphs of their own (in a cell:
 *   as more paragraphs of the cell);
 * - text in a tracked deletion or hidden (sprmCFRMarkDel, sprmCFVanish in the character
 *   properties) is dropped; a deleted paragraph mark joins its paragraph to the next;
 * - \v and \f (page and section breaks) are line breaks; of a field (\x13 code \x14 result
 *   \x15) only the result is kept; pictures and objects are dropped.
 *
 * Encrypted, obfuscated and fast-saved (fComplex) files, Word 6/95 files and files whose
 * structures point outside their streams are refused with a message naming the file; every
 * offset read is checked against its stream.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"
#include "ole.h"
#include "read_doc_int.h"
#include "reader.h"
#include "str.h"

/* ---- the streams ---- */

typedef struct bytes {
    unsigned char *p;
    size_t len;
} bytes;

/* Whether [off, off + n) lies in a stream of len bytes. */
static inline bool within(size_t len, uint64_t off, uint64_t n)
{
    return off <= len && n <= len - off;
}

/* ---- paragraph properties ---- */

enum {
    SPRM_P_IN_TABLE = 0x2416,    /* sprmPFInTable */
    SPRM_P_TTP = 0x2417,         /* sprmPFTtp: the mark ends a table row */
    SPRM_P_ITAP = 0x6649,        /* sprmPItap: table depth */
    SPRM_P_INNER_TTP = 0x244C,   /* sprmPFInnerTtp */
    SPRM_P_INNER_CELL = 0x244B,  /* sprmPFInnerTableCell */
    SPRM_P_ILVL = 0x260A,        /* sprmPIlvl: list level */
    SPRM_P_ILFO = 0x460B,        /* sprmPIlfo: list instance, 1-based */
    SPRM_P_CHG_TABS = 0xC615,    /* sprmPChgTabs: a size byte of 255 is special */
    SPRM_T_DEF_TABLE = 0xD608,   /* sprmTDefTable: the row's cells */
    SPRM_T_DEF_TABLE10 = 0xD606, /* its Word 6 twin */
    SPRM_T_VERT_MERGE = 0xD62B   /* sprmTVertMerge: itc, vertMerge */
};

#define DOC_MAX_CELLS 64 /* a row has at most 63 cells (itcMac) */

/* What a paragraph mark's properties say. */
typedef struct papx_info {
    unsigned depth;  /* 0: not in a table */
    bool ttp;        /* ends a row of the outermost table */
    bool inner_ttp;  /* ends a row of a nested table */
    bool inner_cell; /* ends a cell of a nested table */
    unsigned ilfo, ilvl; /* the list the paragraph is numbered in (0: none) and its level */
    bool has_ilfo, has_ilvl; /* its properties set them (else its style may) */
    unsigned n_cells;                    /* from sprmTDefTable; 0 when none */
    int16_t edge[DOC_MAX_CELLS + 1];     /* cell i runs from edge[i] to edge[i + 1] */
    unsigned char vmerge[DOC_MAX_CELLS]; /* 0 none, 1 continues the cell above, 3 starts */
    unsigned char hmerge[DOC_MAX_CELLS]; /* 0 none, 1 starts, 2 or 3 continues the left */
} papx_info;

/* The operand size of the sprm at p (n bytes left, n >= 2), and where the operand starts;
 * false when it runs past n. */
static bool sprm_size(const unsigned char *p, size_t n, size_t *op, size_t *size)
{
    uint32_t sprm = fg_le16(p);
    static const unsigned char fixed[8] = {1, 1, 2, 4, 2, 2, 0, 3};
    unsigned spra = sprm >> 13;

    *op = 2;
    if (spra != 6) {
        *size = fixed[spra];
    } else if (sprm == SPRM_T_DEF_TABLE || sprm == SPRM_T_DEF_TABLE10) {
        if (n < 4 || fg_le16(p + 2) == 0)
            return false;
        *op = 4;
        *size = fg_le16(p + 2) - 1; /* the count is the operand's size plus one */
    } else {
        if (n < 3 || (sprm == SPRM_P_CHG_TABS && p[2] == 255))
            return false;
        *op = 3;
        *size = p[2];
    }
    return *op <= n && *size <= n - *op;
}

static void read_tdef(papx_info *pi, const unsigned char *o, size_t n)
{
    unsigned cells;

    if (n < 1)
        return;
    cells = o[0];
    if (cells > DOC_MAX_CELLS || n < 1 + 2 * ((size_t)cells + 1))
        return;
    pi->n_cells = cells;
    for (unsigned i = 0; i <= cells; i++)
        pi->edge[i] = (int16_t)fg_le16(o + 1 + 2 * i);
    memset(pi->vmerge, 0, sizeof pi->vmerge);
    memset(pi->hmerge, 0, sizeof pi->hmerge);
    for (unsigned i = 0; i < cells; i++) {
        size_t at = 1 + 2 * ((size_t)cells + 1) + 20 * (size_t)i; /* TC80: tcgrf first */
        uint32_t grf;

        if (at + 2 > n)
            break;
        grf = fg_le16(o + at);
        pi->hmerge[i] = (unsigned char)(grf & 3);
        pi->vmerge[i] = (unsigned char)((grf >> 5) & 3);
    }
}

static void read_grpprl(papx_info *pi, const unsigned char *p, size_t n)
{
    size_t i = 0;

    while (n - i >= 2) {
        uint32_t sprm = fg_le16(p + i);
        size_t op, size;

        if (!sprm_size(p + i, n - i, &op, &size))
            return;
        const unsigned char *o = p + i + op;

        if (sprm == SPRM_P_IN_TABLE && size >= 1 && o[0] && pi->depth == 0)
            pi->depth = 1;
        else if (sprm == SPRM_P_ITAP && size >= 4)
            pi->depth = fg_le32(o) > 64 ? 64 : fg_le32(o);
        else if (sprm == SPRM_P_TTP && size >= 1)
            pi->ttp = o[0] != 0;
        else if (sprm == SPRM_P_INNER_TTP && size >= 1)
            pi->inner_ttp = o[0] != 0;
        else if (sprm == SPRM_P_INNER_CELL && size >= 1)
            pi->inner_cell = o[0] != 0;
        else if (sprm == SPRM_P_ILFO && size >= 2)
            pi->has_ilfo = true;
        else if (sprm == SPRM_P_ILVL && size >= 1)
            pi->has_ilvl = true;
        else if (sprm == SPRM_T_DEF_TABLE && size >= 1)
            read_tdef(pi, o, size);
        else if (sprm == SPRM_T_VERT_MERGE && size >= 2 && o[0] < pi->n_cells)
            pi->vmerge[o[0]] = o[1] & 3;
        if (sprm == SPRM_P_ILFO && size >= 2)
            pi->ilfo = fg_le16(o);
        else if (sprm == SPRM_P_ILVL && size >= 1)
            pi->ilvl = o[0];
        i += op + size;
    }
}

#define DOC_MAX_BOXES 10000 /* shapes whose text box is looked for, at most */
#define DOC_MAX_DEPTH 8 /* tables nested deeper are read as the cells that hold them */

/* The builder's table calls (reader.h), kept until the outermost table ends. */
enum { EV_TABLE, EV_ROW, EV_CELL, EV_TEXT, EV_CELL_END, EV_ROW_END, EV_TABLE_END };

typedef struct doc_event {
    unsigned char type;
    bool merged, hmerged; /* EV_CELL: continues the cell above; merged into the left one */
    int left, right;      /* EV_CELL: its edges (twips); equal when unknown */
    size_t off, len;      /* EV_TEXT: in cell_text */
} doc_event;

/* Footnotes or endnotes: where they are referenced (PlcffndRef: n CPs of the main text) and
 * their text (PlcffndTxt: n + 1 CPs from base, the start of their part of the text). Text
 * boxes: where their shapes are anchored (PlcSpaMom: n + 1 CPs, then n FSPA of 26 bytes, the
 * shape's id first) and their text (PlcftxbxTxt: n_txt + 1 CPs, then n_txt FTXBXS of 22
 * bytes, the shape's id at 14). */
typedef struct doc_notes {
    const unsigned char *ref, *txt;
    size_t n, n_txt;
    uint32_t base;
} doc_notes;

typedef struct doc_reader {
    fg_rd *rd;
    const char *name;
    bytes wd, tb;         /* the WordDocument stream and the table stream */
    const unsigned char *bte; /* PlcfBtePapx in tb, n_bte entries */
    size_t n_bte;
    const unsigned char *bte_chpx; /* PlcfBteChpx in tb, n_bte_chpx entries */
    size_t n_bte_chpx;
    uint32_t run_lo, run_hi; /* the character run last looked up: bytes [lo, hi) */
    bool run_drop;           /* its text is deleted (a tracked deletion) or hidden */
    const unsigned char *cps, *pcds; /* the piece table: pieces + 1 CPs, pieces PCDs */
    size_t pieces;
    doc_notes notes[3];   /* footnotes, endnotes, text boxes */
    unsigned char *box_seen; /* by text box: read already (each is read once) */
    size_t n_box_refs;       /* shapes looked up (a hostile file's many cost no more) */
    uint32_t pending[64]; /* the notes the open paragraph references: kind << 30 | index */
    size_t n_pending;
    bool in_note;         /* reading a note: paragraphs go to note_text */
    fg_doc_num *num;      /* automatic numbering */
    uint32_t *style_num;  /* by istd: the list a paragraph style numbers in (style_numbering()) */
    size_t n_styles;
    fg_str numbered;      /* a paragraph with its number */
    fg_str note_text;
    /* the paragraph being read, and the open field stack */
    fg_str para;
    unsigned field_depth;
    uint64_t field_code;  /* bit d: field d (from 0) is still in its code */
    /* the open outermost table, with the tables nested in it, as the builder's calls it is
     * to get once it ends (a row's spans and merges are known only at the row's end) */
    fg_str cell_text;  /* the texts of the EV_TEXT events */
    doc_event *ev;
    size_t n_ev, cap_ev;
    struct {
        bool open, row, cell;
        size_t row_base; /* the open row's first cell in row_cells */
    } level[DOC_MAX_DEPTH + 1]; /* by depth, from 1 */
    unsigned depth;   /* the tables open */
    size_t *row_cells; /* the EV_CELL events of the open rows, outer rows first */
    size_t n_row_cells, cap_row_cells;
} doc_reader;

/* The entry of a PLC of bin tables (n + 1 FCs, n page numbers) whose range holds fc, and
 * the 512-byte page (FKP) it names; NULL when there is none. */
static const unsigned char *fkp_at(const doc_reader *d, const unsigned char *bte, size_t n,
                                   uint32_t fc)
{
    size_t lo = 0, hi = n;

    if (n == 0 || fc < fg_le32(bte))
        return NULL;
    while (hi - lo > 1) { /* the last i with fcs[i] <= fc */
        size_t mid = lo + (hi - lo) / 2;

        if (fg_le32(bte + 4 * mid) <= fc)
            lo = mid;
        else
            hi = mid;
    }
    uint64_t page = (uint64_t)(fg_le32(bte + 4 * (n + 1) + 4 * lo) & 0x3FFFFF) * 512;

    return within(d->wd.len, page, 512) ? d->wd.p + page : NULL;
}

/*
 * Style numbering: the list instance and level each paragraph style numbers its paragraphs
 * in (sprmPIlfo and sprmPIlvl in the paragraph properties of its UPX, or of the style it is
 * based on), as Word writes a heading style's numbering once, in the style sheet (STSH),
 * and its paragraphs name only the style. By istd: STYLE_HAS_LFO | ilvl << 16 | ilfo, or
 * 0 for none. A paragraph's own properties win over its style's.
 */
#define STYLE_HAS_LFO 0x80000000u
#define STYLE_HAS_LVL 0x40000000u
#define MAX_STYLES 4096

/* The style's list and level for a paragraph of style istd whose properties set neither. */
static void style_list(const doc_reader *d, unsigned istd, papx_info *pi)
{
    uint32_t v = istd < d->n_styles ? d->style_num[istd] : 0;

    if (!pi->has_ilfo && (v & STYLE_HAS_LFO))
        pi->ilfo = v & 0xFFFF;
    if (!pi->has_ilvl && (v & STYLE_HAS_LVL))
        pi->ilvl = v >> 16 & 0xFF;
}

/*
 * Read the style sheet tb[fc, fc + lcb) (STSH: the Stshi, then each style's STD after its size:
 * its base (sti, stk and istdBase, cupx …, cb_base bytes in all), its name, then its UPXs, the
 * paragraph properties first for a paragraph style) into d->style_num. A damaged sheet
 * leaves the styles read so far. FG_OK or FG_ENOMEM.
 */
static int style_numbering(doc_reader *d, uint32_t fc, uint32_t lcb)
{
    const unsigned char *s = d->tb.p + fc;
    uint16_t *base = NULL;
    size_t at, cb_base, n;
    int rc = FG_OK;

    if (lcb < 6 || !within(d->tb.len, fc, lcb) || fg_le16(s) + 2u > lcb)
        return FG_OK;
    n = fg_le16(s + 2);
    cb_base = fg_le16(s + 4);
    if (n == 0 || cb_base < 6)
        return FG_OK;
    n = n > MAX_STYLES ? MAX_STYLES : n;
    d->style_num = calloc(n, sizeof *d->style_num);
    base = malloc(n * sizeof *base);
    FG_CHECK_ALLOC(d->style_num);
    FG_CHECK_ALLOC(base);
    d->n_styles = n;
    for (size_t istd = 0; istd < n; istd++)
        base[istd] = 0x0FFF; /* none */
    at = 2 + fg_le16(s);
    for (size_t istd = 0; istd < n && at + 2 <= lcb; istd++) {
        size_t cb = fg_le16(s + at);
        const unsigned char *std = s + at + 2;
        size_t p = cb_base;
        papx_info pi = {0};

        at += 2 + cb;
        if (cb == 0 || at > lcb || cb < cb_base + 2)
            continue;
        base[istd] = (uint16_t)(fg_le16(std + 2) >> 4);
        /* a paragraph style (stk 1) with a UPX: past its name (a count, UTF-16, a NUL) */
        if ((fg_le16(std + 2) & 0xF) != 1 || (fg_le16(std + 4) & 0xF) == 0)
            continue;
        p += 2 + 2 * (size_t)fg_le16(std + p) + 2;
        p += p & 1;
        if (p + 4 > cb || fg_le16(std + p) < 2 || p + 2 + fg_le16(std + p) > cb)
            continue;
        read_grpprl(&pi, std + p + 4, fg_le16(std + p) - 2u); /* after the UPX's istd */
        d->style_num[istd] = (pi.has_ilfo ? STYLE_HAS_LFO | pi.ilfo : 0) |
                             (pi.has_ilvl ? STYLE_HAS_LVL | (uint32_t)pi.ilvl << 16 : 0);
    }
    /* what a style does not set it takes from the style it is based on (10 deep) */
    for (size_t istd = 0; istd < n; istd++) {
        uint32_t v = d->style_num[istd];
        size_t b = base[istd];

        for (int k = 0; k < 10 && b < n && (v & (STYLE_HAS_LFO | STYLE_HAS_LVL)) !=
                                                (STYLE_HAS_LFO | STYLE_HAS_LVL); k++) {
            uint32_t w = d->style_num[b];

            if (!(v & STYLE_HAS_LFO) && (w & STYLE_HAS_LFO))
                v |= STYLE_HAS_LFO | (w & 0xFFFF);
            if (!(v & STYLE_HAS_LVL) && (w & STYLE_HAS_LVL))
                v |= STYLE_HAS_LVL | (w & 0xFF0000);
            b = base[b];
        }
        d->style_num[istd] = v;
    }
out:
    free(base);
    return rc;
}

/* The properties of the paragraph whose mark is at byte fc of WordDocument. */
static void papx_at(const doc_reader *d, uint32_t fc, papx_info *pi)
{
    const unsigned char *fkp = fkp_at(d, d->bte, d->n_bte, fc);

    memset(pi, 0, sizeof *pi);
    if (fkp == NULL)
        return;
    unsigned crun = fkp[511];

    if (crun == 0 || 4 * ((size_t)crun + 1) + 13 * (size_t)crun > 511)
        return;
    for (unsigned j = 0; j < crun; j++) {
        if (!(fg_le32(fkp + 4 * j) <= fc && fc < fg_le32(fkp + 4 * (j + 1))))
            continue;
        unsigned boff = 2u * fkp[4 * (crun + 1) + 13 * j];
        size_t at, n;

        if (boff == 0 || boff >= 511)
            return;
        if (fkp[boff] != 0) {
            at = boff + 1;
            n = 2 * (size_t)fkp[boff] - 1;
        } else {
            at = boff + 2;
            n = 2 * (size_t)fkp[boff + 1];
        }
        if (n < 2 || at + n > 511)
            return;
        read_grpprl(pi, fkp + at + 2, n - 2); /* after the style (istd) */
        style_list(d, fg_le16(fkp + at), pi);
        return;
    }
}

/* ---- writing ---- */

static int event(doc_reader *d, unsigned type)
{
    int rc = fg_grow(&d->ev, &d->cap_ev, d->n_ev, sizeof *d->ev, 64);

    if (rc == FG_OK)
        d->ev[d->n_ev++] = (doc_event){.type = (unsigned char)type};
    return rc;
}

static int event_text(doc_reader *d, const char *s, size_t len)
{
    int rc = FG_OK;

    if (len == 0)
        return FG_OK;
    FG_TRY(event(d, EV_TEXT));
    d->ev[d->n_ev - 1].off = d->cell_text.len;
    d->ev[d->n_ev - 1].len = len;
    FG_TRY(fg_str_append(&d->cell_text, s, len));
out:
    return rc;
}

/* Open the tables, rows and cells down to depth (with_cell: and a cell at depth itself). */
static int open_to(doc_reader *d, unsigned depth, bool with_cell)
{
    int rc = FG_OK;

    for (unsigned l = 1; l <= depth; l++) {
        if (!d->level[l].open) {
            FG_TRY(event(d, EV_TABLE));
            d->level[l].open = true;
            d->depth = l;
        }
        if (!d->level[l].row) {
            FG_TRY(event(d, EV_ROW));
            d->level[l].row = true;
            d->level[l].row_base = d->n_row_cells;
        }
        if (!d->level[l].cell && (l < depth || with_cell)) {
            FG_TRY(event(d, EV_CELL));
            FG_TRY(fg_grow(&d->row_cells, &d->cap_row_cells, d->n_row_cells,
                           sizeof *d->row_cells, 16));
            d->row_cells[d->n_row_cells++] = d->n_ev - 1;
            d->level[l].cell = true;
        }
    }
out:
    return rc;
}

/* End the row at depth l, whose properties (cell edges, merges) pi gives. */
static int end_row(doc_reader *d, unsigned l, const papx_info *pi)
{
    size_t base = d->level[l].row_base, n = d->n_row_cells - base;
    int rc = FG_OK;

    if (d->level[l].cell) {
        FG_TRY(event(d, EV_CELL_END));
        d->level[l].cell = false;
    }
    for (size_t i = 0; pi != NULL && i < n && i < pi->n_cells; i++) {
        doc_event *c = &d->ev[d->row_cells[base + i]];

        c->left = pi->edge[i];
        c->right = pi->edge[i + 1] > pi->edge[i] ? pi->edge[i + 1] : pi->edge[i] + 1;
        c->merged = pi->vmerge[i] == 1 || pi->vmerge[i] == 2;
        c->hmerged = i > 0 && pi->hmerge[i] >= 2;
    }
    /* a cell merged into the one on its left widens it */
    for (size_t i = n; i-- > 1;)
        if (d->ev[d->row_cells[base + i]].hmerged) {
            doc_event *left = &d->ev[d->row_cells[base + i - 1]];

            if (d->ev[d->row_cells[base + i]].right > left->right)
                left->right = d->ev[d->row_cells[base + i]].right;
        }
    d->n_row_cells = base;
    FG_TRY(event(d, EV_ROW_END));
    d->level[l].row = false;
out:
    return rc;
}

/* Close the tables deeper than depth. */
static int close_to(doc_reader *d, unsigned depth)
{
    int rc = FG_OK;

    while (d->depth > depth) {
        unsigned l = d->depth;

        if (d->level[l].row)
            FG_TRY(end_row(d, l, NULL));
        FG_TRY(event(d, EV_TABLE_END));
        d->level[l].open = false;
        d->depth = l - 1;
    }
out:
    return rc;
}

/* The column grid of the table whose EV_TABLE is ev[t]: every edge of its own cells. */
static size_t table_grid(const doc_reader *d, size_t t, int *grid, size_t cap)
{
    size_t n = 0;
    int nest = 0;

    for (size_t i = t + 1; i < d->n_ev && nest >= 0; i++) {
        const doc_event *e = &d->ev[i];

        if (e->type == EV_TABLE)
            nest++;
        else if (e->type == EV_TABLE_END)
            nest--;
        if (e->type != EV_CELL || nest != 0 || e->left == e->right)
            continue;
        int edge[2] = {e->left, e->right};

        for (int k = 0; k < 2; k++) {
            size_t at = 0;

            while (at < n && grid[at] < edge[k])
                at++;
            if ((at < n && grid[at] == edge[k]) || n == cap)
                continue;
            memmove(grid + at + 1, grid + at, (n - at) * sizeof *grid);
            grid[at] = edge[k];
            n++;
        }
    }
    return n;
}

/*
 * Whether the table at ev[0] is a frame: one cell a row, holding another table, as WPS and
 * 红头 templates draw the page border around the title, the 分工表 and the 印发 line (as
 * read_docx.c's frame_table()). Its content is read as the body's, so that the tables it
 * holds are tables.
 */
static bool frame_table(const doc_reader *d)
{
    int nest = 0;
    size_t cells = 0;
    bool holds = false;

    for (size_t i = 1; i < d->n_ev && nest >= 0; i++) {
        unsigned t = d->ev[i].type;

        if (t == EV_TABLE)
            holds = true;
        nest += t == EV_TABLE ? 1 : t == EV_TABLE_END ? -1 : 0;
        if (nest == 0 && t == EV_ROW)
            cells = 0;
        if (nest == 0 && t == EV_CELL && ++cells > 1)
            return false;
    }
    return holds;
}

/* Close every table and write them into the builder. */
static int flush_table(doc_reader *d)
{
    static const size_t cap = 4 * DOC_MAX_CELLS;
    int grids[DOC_MAX_DEPTH + 1][4 * DOC_MAX_CELLS];
    size_t n_grid[DOC_MAX_DEPTH + 1] = {0};
    unsigned l = 0;
    int rc = FG_OK;

    if (d->n_ev == 0)
        return FG_OK;
    FG_TRY(close_to(d, 0));
    bool frame = frame_table(d);

    for (size_t i = 0; i < d->n_ev; i++) {
        const doc_event *e = &d->ev[i];

        if (frame && (l == 0 || (l == 1 && e->type != EV_TABLE))) { /* the frame: as the body */
            if (e->type == EV_TABLE)
                l = 1;
            else if (e->type == EV_TEXT)
                FG_TRY(fg_rd_text(d->rd, d->cell_text.ptr + e->off, e->len));
            else if (e->type == EV_CELL_END)
                FG_TRY(fg_rd_break(d->rd));
            continue;
        }
        switch (e->type) {
        case EV_TABLE:
            l = l < DOC_MAX_DEPTH ? l + 1 : l;
            n_grid[l] = table_grid(d, i, grids[l], cap);
            FG_TRY(fg_rd_table_begin(d->rd));
            break;
        case EV_TABLE_END:
            l = l > 0 ? l - 1 : 0;
            FG_TRY(fg_rd_table_end(d->rd));
            break;
        case EV_ROW:
            FG_TRY(fg_rd_row_begin(d->rd));
            break;
        case EV_ROW_END:
            FG_TRY(fg_rd_row_end(d->rd));
            break;
        case EV_CELL: {
            unsigned span = 0;

            if (e->hmerged) { /* its text (none, as Word keeps it) goes to the left cell */
                int nest = 0;

                while (i + 1 < d->n_ev && !(nest == 0 && d->ev[i + 1].type == EV_CELL_END)) {
                    i++;
                    nest += d->ev[i].type == EV_CELL ? 1 : d->ev[i].type == EV_CELL_END ? -1 : 0;
                }
                i++;
                break;
            }
            for (size_t g = 0; g < n_grid[l]; g++)
                span += grids[l][g] >= e->left && grids[l][g] < e->right;
            FG_TRY(fg_rd_cell_begin(d->rd, span, e->merged));
            break;
        }
        case EV_CELL_END:
            FG_TRY(fg_rd_cell_end(d->rd));
            break;
        default:
            FG_TRY(fg_rd_text(d->rd, d->cell_text.ptr + e->off, e->len));
            break;
        }
    }
out:
    d->n_ev = 0;
    d->n_row_cells = 0;
    d->depth = 0;
    memset(d->level, 0, sizeof d->level);
    fg_str_clear(&d->cell_text);
    return rc;
}

/* Read the notes the paragraph just ended referenced into note_text, a line each. */
static int read_notes(doc_reader *d);

/* The paragraph read so far ends with mark ('\r' or '\a') at byte fc. */
static int end_paragraph(doc_reader *d, unsigned mark, uint32_t fc)
{
    papx_info pi;
    int rc = FG_OK;

    if (d->in_note) { /* a paragraph of a note (a table in it: its cells are paragraphs) */
        if (d->para.len > 0) {
            FG_TRY(fg_str_append(&d->note_text, d->para.ptr, d->para.len));
            FG_TRY(fg_str_appendc(&d->note_text, '\n'));
        }
        goto out;
    }
    papx_at(d, fc, &pi);
    if (pi.depth == 0 && mark == 7)
        pi.depth = 1; /* a cell mark without properties is still a cell's end */
    if (pi.ilfo != 0 && !(pi.ttp && mark == 7)) { /* the number goes before the text */
        fg_str_clear(&d->numbered);
        FG_TRY(fg_doc__num_para(d->num, &d->numbered, pi.ilfo, pi.ilvl));
        if (d->numbered.len > 0) {
            FG_TRY(fg_str_append(&d->numbered, d->para.ptr, d->para.len));
            fg_str_clear(&d->para);
            FG_TRY(fg_str_append(&d->para, d->numbered.ptr, d->numbered.len));
        }
    }
    if (pi.depth == 0) {
        FG_TRY(flush_table(d));
        FG_TRY(fg_rd_text(d->rd, d->para.ptr, d->para.len));
        FG_TRY(fg_rd_break(d->rd));
        fg_str_clear(&d->para);
        FG_TRY(read_notes(d));
        FG_TRY(fg_rd_text(d->rd, d->note_text.ptr, d->note_text.len));
        FG_TRY(fg_rd_break(d->rd));
        goto out;
    }
    unsigned l = pi.depth > DOC_MAX_DEPTH ? DOC_MAX_DEPTH : pi.depth;
    bool row_end = l == 1 ? pi.ttp && mark == 7 : pi.depth == l && pi.inner_ttp;
    bool cell_end = l == 1 ? mark == 7 : pi.depth == l && (pi.inner_cell || mark == 7);

    FG_TRY(close_to(d, l));
    if (row_end) { /* the row's end mark: its cells are known now */
        FG_TRY(open_to(d, l - 1, true));
        if (!d->level[l].open) /* a row end with no cell before it: nothing to end */
            goto out;
        FG_TRY(end_row(d, l, &pi));
        goto out;
    }
    FG_TRY(open_to(d, l, true));
    FG_TRY(event_text(d, d->para.ptr, d->para.len));
    fg_str_clear(&d->para);
    FG_TRY(read_notes(d));
    if (d->note_text.len > 0) { /* more paragraphs of the cell */
        FG_TRY(event_text(d, "\n", 1));
        FG_TRY(event_text(d, d->note_text.ptr, d->note_text.len - 1));
    }
    if (cell_end) {
        FG_TRY(event(d, EV_CELL_END));
        d->level[l].cell = false;
    } else { /* a paragraph of the cell */
        FG_TRY(event_text(d, "\n", 1));
    }
out:
    fg_str_clear(&d->para);
    return rc;
}

/* Windows-1252's 0x80–0x9F, for compressed pieces. */
static const uint16_t cp1252_80[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};


/* Whether the character at byte fc is deleted (sprmCFRMarkDel) or hidden (sprmCFVanish):
 * looked up once a run of characters with the same properties (ChpxFkp). */
static bool dropped(doc_reader *d, uint32_t fc)
{
    const unsigned char *fkp;
    unsigned crun;

    if (fc >= d->run_lo && fc < d->run_hi)
        return d->run_drop;
    d->run_lo = fc;
    d->run_hi = fc + 1;
    d->run_drop = false;
    fkp = fkp_at(d, d->bte_chpx, d->n_bte_chpx, fc);
    if (fkp == NULL)
        return false;
    crun = fkp[511];
    if (crun == 0 || 4 * ((size_t)crun + 1) + crun > 511)
        return false;
    for (unsigned j = 0; j < crun; j++) {
        if (!(fg_le32(fkp + 4 * j) <= fc && fc < fg_le32(fkp + 4 * (j + 1))))
            continue;
        unsigned off = 2u * fkp[4 * (crun + 1) + j];

        d->run_lo = fg_le32(fkp + 4 * j);
        d->run_hi = fg_le32(fkp + 4 * (j + 1));
        if (off == 0 || off >= 511 || off + 1 + (size_t)fkp[off] > 511)
            return false;
        const unsigned char *p = fkp + off + 1;
        size_t n = fkp[off], i = 0;

        while (n - i >= 2) {
            uint32_t sprm = fg_le16(p + i);
            size_t op, size;

            if (!sprm_size(p + i, n - i, &op, &size))
                break;
            if ((sprm == 0x0800 || sprm == 0x083C) && size >= 1 && /* RMarkDel, Vanish */
                (p[i + op] == 1 || p[i + op] == 0x81))
                d->run_drop = true;
            i += op + size;
        }
        return d->run_drop;
    }
    return false;
}

/* A note referenced at cp of the main text: remember it for the paragraph's end. */
static void note_ref(doc_reader *d, uint32_t cp)
{
    for (unsigned k = 0; k < 2; k++) {
        const doc_notes *nt = &d->notes[k];
        size_t lo = 0, hi = nt->n;

        while (lo < hi) { /* the first reference at cp or after */
            size_t mid = lo + (hi - lo) / 2;

            if (fg_le32(nt->ref + 4 * mid) < cp)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < nt->n && fg_le32(nt->ref + 4 * lo) == cp) {
            if (d->n_pending < sizeof d->pending / sizeof *d->pending)
                d->pending[d->n_pending++] = (uint32_t)k << 30 | (uint32_t)lo;
            return;
        }
    }
}

/* A shape anchored at cp of the main text: its text box, if it has one, for the paragraph's
 * end. */
static void box_ref(doc_reader *d, uint32_t cp)
{
    const doc_notes *nt = &d->notes[2];
    size_t lo = 0, hi = nt->n;
    uint32_t spid;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (fg_le32(nt->ref + 4 * mid) < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= nt->n || fg_le32(nt->ref + 4 * lo) != cp || d->box_seen == NULL ||
        ++d->n_box_refs > DOC_MAX_BOXES)
        return;
    spid = fg_le32(nt->ref + 4 * (nt->n + 1) + 26 * lo);
    for (size_t j = 0; j < nt->n_txt; j++)
        if (fg_le32(nt->txt + 4 * (nt->n_txt + 1) + 22 * j + 14) == spid) {
            if (!d->box_seen[j] && d->n_pending < sizeof d->pending / sizeof *d->pending) {
                d->box_seen[j] = 1;
                d->pending[d->n_pending++] = (uint32_t)2 << 30 | (uint32_t)j;
            }
            return;
        }
}

/* One character, at byte fc of WordDocument and cp of the text. */
static int put_char(doc_reader *d, uint32_t c, uint32_t fc, uint32_t cp)
{
    /* bits above the open fields are always clear: any bit set is a field still in its code */
    bool in_code = d->field_code != 0;

    if (c != 0x07 && c != 0x13 && c != 0x14 && c != 0x15 && dropped(d, fc))
        return FG_OK; /* a deleted paragraph mark joins the paragraph to the next */
    switch (c) {
    case 0x0D:
    case 0x07:
        return end_paragraph(d, c == 0x0D ? '\r' : 7, fc);
    case 0x13: /* field begin: its code follows */
        if (d->field_depth < 64)
            d->field_code |= (uint64_t)1 << d->field_depth;
        d->field_depth++;
        return FG_OK;
    case 0x14: /* field separator: its result follows */
        if (d->field_depth > 0 && d->field_depth <= 64)
            d->field_code &= ~((uint64_t)1 << (d->field_depth - 1));
        return FG_OK;
    case 0x15: /* field end */
        if (d->field_depth > 0) {
            d->field_depth--;
            if (d->field_depth < 64)
                d->field_code &= ~((uint64_t)1 << d->field_depth);
        }
        return FG_OK;
    case 0x02: /* a footnote or endnote reference (in a note: its own number) */
        if (!d->in_note && !in_code)
            note_ref(d, cp);
        return FG_OK;
    case 0x08: /* a drawn shape's anchor: its text box, if any */
        if (!d->in_note && !in_code)
            box_ref(d, cp);
        return FG_OK;
    default:
        break;
    }
    if (in_code)
        return FG_OK;
    if (c == 0x0B || c == 0x0C || c == 0x0E)
        return fg_str_appendc(&d->para, '\n');
    if (c == 0x09)
        return fg_str_appendc(&d->para, '\t');
    if (c == 0x1E)
        return fg_str_appendc(&d->para, '-'); /* non-breaking hyphen */
    if (c < 0x20 || c == 0x1F)
        return FG_OK; /* pictures, objects, optional hyphens */
    return fg_str_append_cp(&d->para, c);
}

/* The characters [from, to) of the document's text, through the piece table. */
static int read_cps(doc_reader *d, uint32_t from, uint32_t to)
{
    uint32_t c_hi = 0; /* a high surrogate waiting for its pair */
    int rc = FG_OK;

    for (size_t k = 0; k < d->pieces; k++) {
        uint32_t cp0 = fg_le32(d->cps + 4 * k), cp1 = fg_le32(d->cps + 4 * (k + 1));
        uint32_t fcv = fg_le32(d->pcds + 8 * k + 2);
        bool compressed = (fcv & 0x40000000u) != 0;
        uint64_t fc = fcv & 0x3FFFFFFFu;
        uint32_t lo = cp0 > from ? cp0 : from, hi = cp1 < to ? cp1 : to;

        if (cp0 >= to)
            break;
        if (hi <= lo)
            continue;
        if (compressed)
            fc /= 2;
        fc += compressed ? (uint64_t)(lo - cp0) : 2 * (uint64_t)(lo - cp0);
        uint64_t nch = hi - lo;

        if (!within(d->wd.len, fc, compressed ? nch : 2 * nch))
            return fg_error_set(FG_EFORMAT, "%s: not a readable Word document: its piece "
                                            "table points outside its text", d->name);
        for (uint64_t j = 0; j < nch; j++) {
            uint32_t at = (uint32_t)(compressed ? fc + j : fc + 2 * j), cp = lo + (uint32_t)j;
            uint32_t c;

            if (compressed) {
                c = d->wd.p[at];
                if (c >= 0x80 && c < 0xA0)
                    c = cp1252_80[c - 0x80];
            } else {
                c = fg_le16(d->wd.p + at);
                if (c >= 0xD800 && c < 0xDC00) {
                    c_hi = c;
                    continue;
                }
                if (c >= 0xDC00 && c < 0xE000) {
                    c = c_hi ? 0x10000 + ((c_hi - 0xD800) << 10) + (c - 0xDC00) : 0xFFFD;
                    c_hi = 0;
                } else if (c_hi) {
                    c_hi = 0;
                    FG_TRY(put_char(d, 0xFFFD, at, cp));
                }
            }
            FG_TRY(put_char(d, c, at, cp));
        }
    }
out:
    return rc;
}

static int read_notes(doc_reader *d)
{
    unsigned depth = d->field_depth;
    uint64_t code = d->field_code;
    int rc = FG_OK;

    fg_str_clear(&d->note_text);
    if (d->n_pending == 0)
        return FG_OK;
    d->in_note = true;
    d->field_depth = 0;
    d->field_code = 0;
    for (size_t i = 0; i < d->n_pending; i++) {
        const doc_notes *nt = &d->notes[d->pending[i] >> 30];
        size_t k = d->pending[i] & 0x3FFFFFFF;
        uint32_t from, to;

        if (k + 1 >= nt->n_txt + 1)
            continue;
        from = fg_le32(nt->txt + 4 * k);
        to = fg_le32(nt->txt + 4 * (k + 1));
        if (to <= from || (uint64_t)nt->base + to > UINT32_MAX)
            continue;
        FG_TRY(read_cps(d, nt->base + from, nt->base + to));
        if (d->para.len > 0)
            FG_TRY(end_paragraph(d, '\r', 0));
    }
out:
    d->in_note = false;
    d->n_pending = 0;
    d->field_depth = depth;
    d->field_code = code;
    fg_str_clear(&d->para);
    return rc;
}

/* The piece table at clx (n bytes of the table stream) into d. */
static int read_clx(doc_reader *d, const unsigned char *clx, size_t n)
{
    size_t i = 0;

    while (i < n && clx[i] == 1) { /* Prc: formatting of pieces, skipped */
        if (n - i < 3)
            goto bad;
        i += 3 + fg_le16(clx + i + 1);
    }
    if (i >= n || clx[i] != 2 || n - i < 5)
        goto bad;
    uint32_t lcb = fg_le32(clx + i + 1);

    i += 5;
    if (lcb > n - i || lcb < 4 || (lcb - 4) % 12 != 0)
        goto bad;
    d->cps = clx + i;
    d->pieces = (lcb - 4) / 12;
    d->pcds = d->cps + 4 * (d->pieces + 1);
    return FG_OK;
bad:
    return fg_error_set(FG_EFORMAT, "%s: not a readable Word document: its piece table is "
                                    "damaged", d->name);
}

int fg_read_doc(fg_rd *rd, const unsigned char *b, size_t len)
{
    const char *name = rd->name;
    fg_ole *ole = NULL;
    doc_reader d = {.rd = rd, .name = name};
    int rc = FG_OK;

    FG_TRY(fg_ole_open(&ole, name, b, len));
    FG_TRY(fg_ole_stream(ole, "WordDocument", "Word document", &d.wd.p, &d.wd.len));
    if (rc == 1) {
        rc = fg_error_set(FG_EFORMAT,
                          "%s: an old binary Office file that is not a Word document (no "
                          "WordDocument stream: .ppt, .msg …), which fengong does not "
                          "read; convert it first: libreoffice --headless --convert-to docx %s",
                          name, name);
        goto out;
    }
    const unsigned char *fib = d.wd.p;

    if (d.wd.len < 34 || fg_le16(fib) != 0xA5EC) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable Word document: no Word file "
                                      "header (FIB)", name);
        goto out;
    }
    uint32_t flags = fg_le16(fib + 0x0A);

    if (fg_le16(fib + 2) < 0xC1) { /* nFib: Word 97 is 193 */
        rc = fg_error_set(FG_EFORMAT, "%s: a Word 6/95 document, which fengong does not read; "
                                      "convert it first: libreoffice --headless --convert-to "
                                      "docx %s", name, name);
        goto out;
    }
    if (flags & (0x0100 | 0x8000)) { /* fEncrypted, fObfuscated */
        rc = fg_error_set(FG_EFORMAT, "%s: an encrypted Word document, which fengong cannot "
                                      "read; save it without a password first", name);
        goto out;
    }
    if (flags & 0x0004) { /* fComplex */
        rc = fg_error_set(FG_EFORMAT, "%s: a fast-saved Word document, which fengong does not "
                                      "read; save it again in full (or convert it: libreoffice "
                                      "--headless --convert-to docx %s)", name, name);
        goto out;
    }
    /* FibBase (32 bytes), csw, fibRgW, cslw, fibRgLw, cbRgFcLcb, fibRgFcLcbBlob */
    size_t at = 32;
    size_t csw = fg_le16(fib + at), cslw, cb;

    at += 2 + 2 * csw;
    if (!within(d.wd.len, at, 2))
        goto bad_fib;
    cslw = fg_le16(fib + at);
    at += 2;
    if (cslw < 4 || !within(d.wd.len, at, 4 * cslw + 2))
        goto bad_fib;
    size_t lw = at; /* fibRgLw */
    uint32_t ccp = fg_le32(fib + at + 12); /* ccpText */

    at += 4 * cslw;
    cb = fg_le16(fib + at);
    at += 2;
    if (cb < 75 || !within(d.wd.len, at, 8 * 75)) /* up to fcPlfLfo of FibRgFcLcb97 */
        goto bad_fib;
    uint32_t fc_clx = fg_le32(fib + at + 8 * 33), lcb_clx = fg_le32(fib + at + 8 * 33 + 4);
    uint32_t fc_bte = fg_le32(fib + at + 8 * 13), lcb_bte = fg_le32(fib + at + 8 * 13 + 4);
    const char *table = (flags & 0x0200) ? "1Table" : "0Table";

    FG_TRY(fg_ole_stream(ole, table, "Word document", &d.tb.p, &d.tb.len));
    if (rc == 1) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable Word document: no %s stream", name,
                          table);
        goto out;
    }
    if (!within(d.tb.len, fc_clx, lcb_clx) || lcb_clx == 0) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable Word document: its piece table is "
                                      "outside the %s stream", name, table);
        goto out;
    }
    if (lcb_bte >= 12 && (lcb_bte - 4) % 8 == 0 && within(d.tb.len, fc_bte, lcb_bte)) {
        d.bte = d.tb.p + fc_bte;
        d.n_bte = (lcb_bte - 4) / 8;
    }
    fc_bte = fg_le32(fib + at + 8 * 12); /* fcPlcfBteChpx */
    lcb_bte = fg_le32(fib + at + 8 * 12 + 4);
    if (lcb_bte >= 12 && (lcb_bte - 4) % 8 == 0 && within(d.tb.len, fc_bte, lcb_bte)) {
        d.bte_chpx = d.tb.p + fc_bte;
        d.n_bte_chpx = (lcb_bte - 4) / 8;
    }
    FG_TRY(read_clx(&d, d.tb.p + fc_clx, lcb_clx));
    /* footnotes follow the main text; endnotes follow it, the notes, headers and comments */
    for (unsigned k = 0; k < 2; k++) {
        size_t ir = k == 0 ? 2 : 46, it = ir + 1; /* fcPlcffndRef/Txt, fcPlcfendRef/Txt */
        uint32_t fc_ref = fg_le32(fib + at + 8 * ir), lcb_ref = fg_le32(fib + at + 8 * ir + 4);
        uint32_t fc_txt = 0, lcb_txt = 0;
        uint64_t base = ccp;

        if (k == 1) {
            if (cslw < 9)
                break;
            for (size_t w = 4; w <= 7; w++) /* ccpFtn, ccpHdd, ccpMcr, ccpAtn */
                base += fg_le32(fib + lw + 4 * w);
        }
        fc_txt = fg_le32(fib + at + 8 * it);
        lcb_txt = fg_le32(fib + at + 8 * it + 4);
        if (lcb_ref < 10 || (lcb_ref - 4) % 6 != 0 || !within(d.tb.len, fc_ref, lcb_ref) ||
            lcb_txt < 8 || lcb_txt % 4 != 0 || !within(d.tb.len, fc_txt, lcb_txt) ||
            base > UINT32_MAX)
            continue;
        d.notes[k] = (doc_notes){d.tb.p + fc_ref, d.tb.p + fc_txt, (lcb_ref - 4) / 6,
                                 lcb_txt / 4 - 1, (uint32_t)base};
    }
    if (cslw >= 10) { /* text boxes follow the main text, notes, headers, comments, endnotes */
        uint32_t fc_spa = fg_le32(fib + at + 8 * 40), lcb_spa = fg_le32(fib + at + 8 * 40 + 4);
        uint32_t fc_box = fg_le32(fib + at + 8 * 56), lcb_box = fg_le32(fib + at + 8 * 56 + 4);
        uint64_t base = ccp;

        for (size_t w = 4; w <= 8; w++) /* ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn */
            base += fg_le32(fib + lw + 4 * w);
        if (lcb_spa >= 34 && (lcb_spa - 4) % 30 == 0 && within(d.tb.len, fc_spa, lcb_spa) &&
            lcb_box >= 30 && (lcb_box - 4) % 26 == 0 && within(d.tb.len, fc_box, lcb_box) &&
            base <= UINT32_MAX) {
            d.notes[2] = (doc_notes){d.tb.p + fc_spa, d.tb.p + fc_box, (lcb_spa - 4) / 30,
                                     (lcb_box - 4) / 26, (uint32_t)base};
            d.box_seen = calloc(d.notes[2].n_txt, 1);
            FG_CHECK_ALLOC(d.box_seen);
        }
    }
    FG_TRY(style_numbering(&d, fg_le32(fib + at + 8 * 1), fg_le32(fib + at + 8 * 1 + 4)));
    FG_TRY(fg_doc__num_load(&d.num, d.tb.p, d.tb.len, fg_le32(fib + at + 8 * 73),
                            fg_le32(fib + at + 8 * 73 + 4), fg_le32(fib + at + 8 * 74),
                            fg_le32(fib + at + 8 * 74 + 4)));
    FG_TRY(read_cps(&d, 0, ccp));
    if (d.para.len > 0)
        FG_TRY(end_paragraph(&d, '\r', UINT32_MAX));
    FG_TRY(flush_table(&d));
    goto out;
bad_fib:
    rc = fg_error_set(FG_EFORMAT, "%s: not a readable Word document: its file header (FIB) is "
                                  "cut short", name);
out:
    fg_ole_close(ole);
    free(d.wd.p);
    free(d.tb.p);
    fg_str_dispose(&d.para);
    fg_str_dispose(&d.note_text);
    fg_str_dispose(&d.numbered);
    fg_doc__num_free(d.num);
    free(d.style_num);
    fg_str_dispose(&d.cell_text);
    free(d.ev);
    free(d.box_seen);
    free(d.row_cells);
    return rc;
}

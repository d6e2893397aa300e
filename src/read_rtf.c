/*
 * RTF documents (.rtf: Word, WPS and LibreOffice save them; government sites publish some of
 * their attachments so): the body's paragraphs and tables into the text builder.
 *
 * RTF is a stream of groups ({ }), control words (\par, \f3, \u21271) and text. What is read:
 * - Text in the document's code page (\ansicpgN) or, for a font whose charset names one
 *   (\fcharset134 GB2312, 136 Big5, 128 Shift-JIS, 129 Korean …, or \cpgN), the font's: raw
 *   bytes and \'hh escapes, converted with iconv (GBK text as GB18030, its superset).
 *   \uN is a Unicode character (negative N counts from 65536; surrogate pairs are joined), and
 *   the \ucN characters after it, its fallback for old readers, are skipped.
 * - \par, \line, \page, \sect end a line; \tab is a tab; \emdash, \ldblquote … their characters.
 * - Tables: \trowd … \cellx define a row's cells (\clvmrg: continues the cell above; \clmgf /
 *   \clmrg: a cell spanning the next ones), paragraphs with \intbl fill cells ended by \cell,
 *   and \row ends the row. The row is written at \row with the last definition seen, since
 *   Word writes it again after the cells. Nested tables (\itap2, \nestcell) are flattened into
 *   their outer cell.
 * - The text an old reader shows for automatic numbering ({\listtext 一、\tab}, {\pntext …}),
 *   so that numbered paragraphs keep their numbers; fields show their result (\fldrslt);
 *   text boxes (\shptxt) are read, their drawn fallback (\shprslt) is not.
 * - Footnotes are written after the body, each a paragraph of its own.
 * - Lead marks by formatting, as in Word documents: when a paragraph declares that bold or red
 *   type marks leads (fg_clause__format_declaration(); a first pass finds it, since the note
 *   may follow the tables), unit names in bold (\b, a 黑体 font) or red (\cfN of a red colour)
 *   get ★ after them (fg_rd_marked_text()) in a paragraph or cell that mixes such text with
 *   plain text, or in a cell all so formatted in a table that has such a mixed cell and a
 *   row with plain text. Paragraphs and tables are therefore written when they end.
 * Not read: ignorable destinations ({\*\…}) other than the ones above, headers and footers,
 * the font, colour, style and list tables (read only for their code pages), document
 * information, pictures and embedded objects (\objdata), hidden text (\v), \fldinst.
 *
 * Safety: groups nest at most MAX_DEPTH deep; \bin data is skipped by its length, checked
 * against the input; the builder bounds the text (FG_RD_MAX_TEXT). A file that ends inside a
 * group is refused (cut short, it would give part of its rows); what follows the document's
 * closing brace is ignored.
 */
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"
#include "reader.h"
#include "str.h"

#define MAX_DEPTH 512
#define MAX_FONTS 4096
#define N_CONVERTERS 4

/* What the text of a group is. */
typedef enum {
    DEST_BODY,     /* the document's text */
    DEST_SKIP,     /* a destination not read */
    DEST_FONTTBL,  /* the font table: its code pages and 黑体 faces */
    DEST_COLORTBL, /* the colour table: which colours are red */
    DEST_LISTTEXT, /* the number of a numbered paragraph (\listtext, \pntext) */
    DEST_FOOTNOTE, /* a footnote: written after the body */
} dest_kind;

/* The state a group starts with and restores at its end. */
typedef struct {
    dest_kind dest;
    dest_kind outer;   /* the destination around an \upr group, which its \ud takes */
    bool hidden;       /* \v */
    bool intbl;        /* the paragraph is in a table (\intbl, \itapN with N >= 1) */
    unsigned char uc;  /* \ucN: the fallback characters after \uN */
    unsigned itap;     /* table nesting of the paragraph (\itapN; \intbl alone is 1) */
    int font;          /* \fN, -1 for none */
    bool bold;         /* \b */
    int color;         /* \cfN, an index into the colour table */
} gstate;

typedef struct {
    int num;   /* \fN */
    int cpg;   /* the code page of its charset, 0 for the document's */
    bool hei;  /* a 黑体 face: bold for a lead mark (FG_RD_MARK_BOLD) */
} font_def;

/* A piece of text in one formatting: marked (in the declared lead formatting) or not. */
typedef struct {
    size_t off, len;
    bool marked;
} seg;

/* A text and its pieces: the open paragraph, or the open table's cells one after another. */
typedef struct {
    fg_str text;
    seg *segs;
    size_t n, cap;
    size_t from; /* the first piece a new piece may join (a cell's first) */
} segtext;

/* An ended cell of the open table: its pieces segs[first .. first + n) of the table's text. */
typedef struct {
    size_t first, n;
    unsigned span;
    bool vmerged; /* continues the cell above */
    bool covered; /* part of the cell on its left (\clmrg): not written */
} tcell;

/* A cell of the open row's definition (\cellx), with the properties before it. */
typedef struct {
    bool vmerged; /* \clvmrg */
    bool hmerged; /* \clmrg: part of the cell on its left */
} cell_def;

typedef struct {
    size_t first, n; /* cells[first .. first + n) */
} trow;

typedef struct {
    int cpg;
    iconv_t cd;
} converter;

typedef struct {
    fg_rd *rd;
    const char *name;
    const unsigned char *p, *end;
    gstate st;
    gstate *stack;
    size_t depth, cap_stack;
    bool star;         /* the group opened with \*: an ignorable destination */
    bool group_start;  /* no control word yet in the open group */
    int ansicpg;       /* \ansicpgN, 0 when not declared */
    int deff;          /* \deffN, the font \plain selects */
    font_def *fonts;
    size_t n_fonts, cap_fonts;
    int font_num;      /* the font table's entry being read */
    /* bytes in a code page not yet converted */
    fg_str bytes;
    int bytes_cpg;
    converter conv[N_CONVERTERS];
    size_t skip;           /* fallback characters still to skip after \uN */
    uint32_t high;         /* a high surrogate waiting for its low one, or 0 */
    /* lead marks by formatting: the FG_RD_MARK_* bits the document declares, found by a
     * first pass over it (scan) that writes nothing and looks at each paragraph (decl) */
    unsigned mark;
    bool scan;
    fg_str decl;
    fg_str font_name;  /* the font table's entry being read */
    bool *red;         /* the colour table: whether each colour is red */
    size_t n_colors, cap_colors;
    unsigned rgb[3];
    /* the open paragraph outside tables, written at its end */
    segtext para;
    /* the open table, written when it ends: its cells' text, the cells and the rows */
    segtext tab;
    size_t cell_first;  /* the open cell's first piece in tab */
    bool cell_used;     /* the open cell has had text or a paragraph */
    tcell *cells;
    size_t n_cells, cap_cells;
    size_t row_first;   /* the open row's first cell */
    trow *rows;
    size_t n_rows, cap_rows;
    cell_def *defs;
    size_t n_defs, cap_defs;
    cell_def next_def; /* the properties of the next \cellx */
    fg_str notes;      /* footnotes, written after the body */
    fg_str number;     /* the text of the open \listtext group */
    fg_str tmp;
} rtf;

/* ---- code pages ---- */

/* The code page of a font charset (\fcharsetN), 0 for the document's own. */
static int charset_cpg(long cs)
{
    switch (cs) {
    case 128: return 932;  /* Shift-JIS */
    case 129: return 949;  /* Hangul */
    case 134: return 936;  /* GB2312 */
    case 136: return 950;  /* Big5 */
    case 161: return 1253;
    case 162: return 1254;
    case 177: return 1255;
    case 178: return 1256;
    case 186: return 1257;
    case 204: return 1251;
    case 222: return 874;
    case 238: return 1250;
    default: return 0; /* ANSI, default, symbol …: the document's */
    }
}

/* The iconv name of a Windows code page. */
static void cpg_name(int cpg, char *buf, size_t cap)
{
    switch (cpg) {
    case 936:
    case 10008: snprintf(buf, cap, "GB18030"); break;
    case 950: snprintf(buf, cap, "BIG5"); break;
    case 65001: snprintf(buf, cap, "UTF-8"); break;
    default: snprintf(buf, cap, "CP%d", cpg); break;
    }
}

/* The code page text of the open group is in. */
static int current_cpg(const rtf *r)
{
    if (r->st.font >= 0)
        for (size_t i = 0; i < r->n_fonts; i++)
            if (r->fonts[i].num == r->st.font && r->fonts[i].cpg != 0)
                return r->fonts[i].cpg;
    return r->ansicpg != 0 ? r->ansicpg : 1252;
}

/* An iconv descriptor from cpg to UTF-8 (kept for the document), or (iconv_t)-1. */
static iconv_t converter_for(rtf *r, int cpg)
{
    char name[32];
    size_t i;

    for (i = 0; i < N_CONVERTERS && r->conv[i].cpg != 0; i++)
        if (r->conv[i].cpg == cpg)
            return r->conv[i].cd;
    if (i == N_CONVERTERS) {
        i = N_CONVERTERS - 1;
        if (r->conv[i].cd != (iconv_t)-1)
            iconv_close(r->conv[i].cd);
    }
    cpg_name(cpg, name, sizeof name);
    r->conv[i].cpg = cpg;
    r->conv[i].cd = iconv_open("UTF-8", name);
    if (r->conv[i].cd == (iconv_t)-1)
        r->conv[i].cd = iconv_open("UTF-8", "CP1252");
    return r->conv[i].cd;
}

/* ---- writing ---- */

/* Whether the open group's text is no text of the document (a table of fonts or colours, a
 * destination not read). */
static bool unread(const rtf *r)
{
    return r->st.dest == DEST_SKIP || r->st.dest == DEST_FONTTBL || r->st.dest == DEST_COLORTBL;
}

static int put_text(rtf *r, const char *s, size_t len);

/* Bytes in the code page cpg as UTF-8 in r->tmp; an invalid byte becomes U+FFFD. */
static int convert(rtf *r, int cpg, const char *bytes, size_t len)
{
    iconv_t cd = converter_for(r, cpg);
    char *in = (char *)bytes; /* iconv does not write to its input */
    size_t in_left = len;
    int rc = FG_OK;

    fg_str_clear(&r->tmp);
    if (cd == (iconv_t)-1) {
        for (size_t i = 0; i < in_left; i++)
            FG_TRY(fg_str_append_cp(&r->tmp, (unsigned char)in[i] < 0x80 ? (unsigned char)in[i]
                                                                          : 0xFFFD));
        return FG_OK;
    }
    (void)iconv(cd, NULL, NULL, NULL, NULL);
    for (;;) {
        int e;

        FG_TRY(fg_str_append_iconv(&r->tmp, cd, &in, &in_left, &e));
        if (e == 0)
            break;
        /* an invalid sequence, or one cut short at the end */
        FG_TRY(fg_str_append_cp(&r->tmp, 0xFFFD));
        in++;
        in_left--;
    }
out:
    return rc;
}

/* Convert the bytes held back (in r->bytes_cpg) and write them. */
static int flush_bytes(rtf *r)
{
    int rc = FG_OK;

    if (r->bytes.len == 0)
        return FG_OK;
    FG_TRY(convert(r, r->bytes_cpg, r->bytes.ptr, r->bytes.len));
    fg_str_clear(&r->bytes);
    rc = put_text(r, r->tmp.ptr, r->tmp.len);
out:
    return rc;
}

/* Hold back a byte of text in the open group's code page. */
static int add_byte(rtf *r, unsigned char b)
{
    int cpg = current_cpg(r);
    int rc = FG_OK;

    if (r->bytes.len > 0 && cpg != r->bytes_cpg)
        FG_TRY(flush_bytes(r));
    r->bytes_cpg = cpg;
    rc = fg_str_append(&r->bytes, (const char *)&b, 1);
out:
    return rc;
}

/* Whether the open group's text is in the declared lead formatting. */
static bool marked_now(const rtf *r)
{
    if ((r->mark & FG_RD_MARK_RED) && r->st.color > 0 && (size_t)r->st.color < r->n_colors &&
        r->red[r->st.color])
        return true;
    if (!(r->mark & FG_RD_MARK_BOLD))
        return false;
    if (r->st.bold)
        return true;
    for (size_t i = 0; i < r->n_fonts; i++)
        if (r->fonts[i].num == r->st.font)
            return r->fonts[i].hei;
    return false;
}

/* Append text to t, as a piece of its own where its formatting differs from the last's. */
static int seg_add(segtext *t, const char *s, size_t len, bool marked)
{
    int rc = FG_OK;

    if (t->n > t->from && t->segs[t->n - 1].marked == marked) {
        t->segs[t->n - 1].len += len;
    } else {
        FG_TRY(FG_GROW(t->segs, t->cap, t->n, 16));
        t->segs[t->n].off = t->text.len;
        t->segs[t->n].len = len;
        t->segs[t->n].marked = marked;
        t->n++;
    }
    rc = fg_str_append(&t->text, s, len);
out:
    return rc;
}

static void seg_clear(segtext *t)
{
    fg_str_clear(&t->text);
    t->n = 0;
    t->from = 0;
}

static void seg_dispose(segtext *t)
{
    fg_str_dispose(&t->text);
    free(t->segs);
}

/* Whether pieces [first, first + n) of t hold ideographs in the lead formatting (*marked)
 * and outside it (*plain). */
static void seg_fmt(const segtext *t, size_t first, size_t n, bool *marked, bool *plain)
{
    *marked = false;
    *plain = false;
    for (size_t i = first; i < first + n; i++) {
        const seg *g = &t->segs[i];

        if (!fg_rd_has_ideograph(t->text.ptr + g->off, g->len))
            continue;
        if (g->marked)
            *marked = true;
        else
            *plain = true;
    }
}

/* Write pieces [first, first + n) of t; with marking, those in the lead formatting get their
 * lead marks (fg_rd_marked_text()). */
static int seg_write(rtf *r, const segtext *t, size_t first, size_t n, bool marking)
{
    int rc = FG_OK;

    for (size_t i = first; i < first + n; i++) {
        const seg *g = &t->segs[i];

        if (marking && g->marked)
            FG_TRY(fg_rd_marked_text(r->rd, t->text.ptr + g->off, g->len));
        else
            FG_TRY(fg_rd_text(r->rd, t->text.ptr + g->off, g->len));
    }
out:
    return rc;
}

/* The declared lead formatting found in the paragraph just ended (the first pass). */
static void declaration_end(rtf *r)
{
    if (r->decl.len > 0)
        r->mark |= fg_clause__format_declaration(fg_sv(r->decl.ptr, r->decl.len));
    fg_str_clear(&r->decl);
}

/* Write the open paragraph (outside tables): the formatting marks leads where it mixes
 * marked text with plain text (a title or heading all bold is no lead). */
static int para_flush(rtf *r)
{
    bool marked;
    bool plain;
    int rc;

    if (r->para.n == 0)
        return FG_OK;
    seg_fmt(&r->para, 0, r->para.n, &marked, &plain);
    rc = r->scan ? FG_OK : seg_write(r, &r->para, 0, r->para.n, marked && plain);
    seg_clear(&r->para);
    return rc;
}

/*
 * Write the open table and close it. A cell's lead formatting marks leads where the cell
 * mixes it with plain text, or where the whole cell is so formatted in a table that has such
 * a mixed cell and in a row with plain text (a task with one unit, its lead), as in Word.
 */
static int end_table(rtf *r)
{
    bool table_mixed = false;
    int rc = FG_OK;

    if (r->n_rows == 0)
        goto done;
    for (size_t c = 0; c < r->n_cells && !table_mixed; c++) {
        bool marked;
        bool plain;

        seg_fmt(&r->tab, r->cells[c].first, r->cells[c].n, &marked, &plain);
        table_mixed = marked && plain;
    }
    if (r->scan)
        goto done;
    FG_TRY(fg_rd_table_begin(r->rd));
    for (size_t w = 0; w < r->n_rows; w++) {
        const trow *row = &r->rows[w];
        bool row_plain = false;

        for (size_t c = row->first; c < row->first + row->n; c++) {
            bool marked;
            bool plain;

            seg_fmt(&r->tab, r->cells[c].first, r->cells[c].n, &marked, &plain);
            row_plain |= plain;
        }
        FG_TRY(fg_rd_row_begin(r->rd));
        for (size_t c = row->first; c < row->first + row->n; c++) {
            const tcell *cell = &r->cells[c];
            bool marked;
            bool plain;

            if (cell->covered)
                continue;
            seg_fmt(&r->tab, cell->first, cell->n, &marked, &plain);
            FG_TRY(fg_rd_cell_begin(r->rd, cell->span, cell->vmerged));
            FG_TRY(seg_write(r, &r->tab, cell->first, cell->n,
                             marked && (plain || (table_mixed && row_plain))));
            FG_TRY(fg_rd_cell_end(r->rd));
        }
        FG_TRY(fg_rd_row_end(r->rd));
    }
    FG_TRY(fg_rd_table_end(r->rd));
done:
    seg_clear(&r->tab);
    r->n_cells = 0;
    r->n_rows = 0;
    r->row_first = 0;
    r->cell_first = 0;
out:
    return rc;
}

/* Write text (UTF-8) where the open group's text goes. */
static int put_text(rtf *r, const char *s, size_t len)
{
    int rc = FG_OK;

    if (len == 0 || r->st.hidden)
        return FG_OK;
    if (r->scan && !unread(r))
        FG_TRY(fg_str_append(&r->decl, s, len));
    switch (r->st.dest) {
    case DEST_LISTTEXT:
        rc = fg_str_append(&r->number, s, len);
        break;
    case DEST_BODY:
        if (r->st.intbl) {
            r->cell_used = true;
            return seg_add(&r->tab, s, len, marked_now(r));
        }
        if (r->n_rows > 0)
            FG_TRY(end_table(r));
        rc = seg_add(&r->para, s, len, marked_now(r));
        break;
    case DEST_FOOTNOTE:
        rc = fg_str_append(&r->notes, s, len);
        break;
    default:
        break;
    }
out:
    return rc;
}

static int put_cp(rtf *r, uint32_t cp)
{
    int rc = FG_OK;

    FG_TRY(flush_bytes(r));
    fg_str_clear(&r->tmp);
    FG_TRY(fg_str_append_cp(&r->tmp, cp));
    rc = put_text(r, r->tmp.ptr, r->tmp.len);
out:
    return rc;
}

/* A paragraph's end (\par, \line, \page …). */
static int paragraph_end(rtf *r)
{
    int rc = FG_OK;

    FG_TRY(flush_bytes(r));
    if (r->st.hidden)
        return FG_OK;
    declaration_end(r);
    if (r->st.dest == DEST_FOOTNOTE)
        return fg_str_append(&r->notes, "\n", 1);
    if (r->st.dest != DEST_BODY)
        return FG_OK;
    if (r->st.intbl) {
        r->cell_used = true;
        return seg_add(&r->tab, "\n", 1, false);
    }
    if (r->n_rows > 0)
        FG_TRY(end_table(r));
    FG_TRY(para_flush(r));
    if (!r->scan)
        rc = fg_rd_break(r->rd);
out:
    return rc;
}

/* \cell: the open cell ends. */
static int cell_end(rtf *r)
{
    int rc = FG_OK;

    FG_TRY(flush_bytes(r));
    declaration_end(r);
    FG_TRY(FG_GROW(r->cells, r->cap_cells, r->n_cells, 16));
    r->cells[r->n_cells] = (tcell){.first = r->cell_first, .n = r->tab.n - r->cell_first,
                                   .span = 1};
    r->n_cells++;
    r->cell_first = r->tab.n;
    r->tab.from = r->tab.n; /* the next cell's text is no part of this cell's pieces */
    r->cell_used = false;
out:
    return rc;
}

/* \row: the row's cells take their spans and merges from the last row definition seen
 * (Word writes it again after the cells). */
static int row_end(rtf *r)
{
    size_t n;
    int rc = FG_OK;

    FG_TRY(flush_bytes(r));
    if (r->cell_used)
        FG_TRY(cell_end(r));
    n = r->n_cells - r->row_first;
    if (n == 0)
        return FG_OK;
    for (size_t i = 0; i < n; i++) {
        tcell *c = &r->cells[r->row_first + i];

        c->vmerged = i < r->n_defs && r->defs[i].vmerged;
        c->covered = i > 0 && i < r->n_defs && r->defs[i].hmerged;
        while (i + c->span < n && i + c->span < r->n_defs && r->defs[i + c->span].hmerged)
            c->span++;
    }
    FG_TRY(FG_GROW(r->rows, r->cap_rows, r->n_rows, 16));
    r->rows[r->n_rows++] = (trow){.first = r->row_first, .n = n};
    r->row_first = r->n_cells;
out:
    return rc;
}

/* ---- the font and colour tables ---- */

/* The font table's entry ends (its ';'): a 黑体 face (黑体, SimHei) is bold for lead marks. */
static int font_name_end(rtf *r)
{
    font_def *f = r->n_fonts > 0 ? &r->fonts[r->n_fonts - 1] : NULL;
    int rc = FG_OK;

    if (f != NULL && f->num == r->font_num && r->font_name.len > 0) {
        FG_TRY(convert(r, f->cpg != 0 ? f->cpg : r->ansicpg != 0 ? r->ansicpg : 936,
                       r->font_name.ptr, r->font_name.len));
        f->hei = fg_rd_heavy_face(r->tmp.ptr);
    }
    fg_str_clear(&r->font_name);
out:
    return rc;
}

/* A byte of text in the font table (a font's name) or the colour table (';' ends a colour,
 * red when its red is high and its green and blue low, as for Word's w:color). */
static int table_byte(rtf *r, unsigned char c)
{
    int rc = FG_OK;

    if (r->st.dest == DEST_FONTTBL)
        return c == ';' ? font_name_end(r) : fg_str_append(&r->font_name, (const char *)&c, 1);
    if (r->st.dest != DEST_COLORTBL || c != ';')
        return FG_OK;
    FG_TRY(FG_GROW(r->red, r->cap_colors, r->n_colors, 16));
    r->red[r->n_colors++] = fg_rd_red_rgb(r->rgb[0], r->rgb[1], r->rgb[2]);
    r->rgb[0] = r->rgb[1] = r->rgb[2] = 0;
out:
    return rc;
}

/* ---- control words ---- */

/* Destinations whose text is not read; any other unknown one is, as the RTF specification
 * asks of a destination not marked \*. */
static bool skipped_destination(const char *w)
{
    static const char *const skip[] = {
        "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf",
        "footer", "footerl", "footerr", "footerf", "fldinst", "datafield", "xe", "tc", "tcn",
        "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator", "pgdsctbl",
        "filetbl", "private", "userprops", "nonshppict", "shprslt", "sp", "sn", "sv", "txe",
        "themedata", "colorschememapping", "latentstyles", "datastore", "xmlnstbl", "mmathPr",
        "objdata", "objclass", "objname", "bkmkstart", "bkmkend", "annotation", "atnid",
        "atnauthor", "atndate", "atnref", "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc",
        "aftncn", "pn", "pntxta", "pntxtb", "template", "docvar", "fontemb", "fontfile",
        "falt", "panose", "leveltext", "levelnumbers", "listname", "blipuid", "htmltag",
        "mhtmltag", "wgrffmtfilter", "pgptbl", "protusertbl", "passwordhash", NULL};

    for (size_t i = 0; skip[i]; i++)
        if (strcmp(w, skip[i]) == 0)
            return true;
    return false;
}

/* A destination that is read although it is ignorable ({\*\…}). */
static bool read_starred(const char *w)
{
    return strcmp(w, "shpinst") == 0 || strcmp(w, "shptxt") == 0 || strcmp(w, "fldrslt") == 0;
}

/* The character a symbol word stands for, or 0. */
static uint32_t word_char(const char *w)
{
    static const struct {
        const char *w;
        uint32_t cp;
    } chars[] = {{"emdash", 0x2014},    {"endash", 0x2013},    {"lquote", 0x2018},
                 {"rquote", 0x2019},    {"ldblquote", 0x201C}, {"rdblquote", 0x201D},
                 {"bullet", 0x2022},    {"emspace", 0x3000},   {"enspace", ' '},
                 {"qmspace", ' '},      {NULL, 0}};

    for (size_t i = 0; chars[i].w; i++)
        if (strcmp(w, chars[i].w) == 0)
            return chars[i].cp;
    return 0;
}

/* \fN in the font table starts an entry; elsewhere it selects a font. */
static int font_word(rtf *r, long n)
{
    int rc = FG_OK;

    if (r->st.dest != DEST_FONTTBL) {
        r->st.font = (int)n;
        return FG_OK;
    }
    r->font_num = (int)n;
    fg_str_clear(&r->font_name);
    if (r->n_fonts >= MAX_FONTS)
        return FG_OK;
    FG_TRY(FG_GROW(r->fonts, r->cap_fonts, r->n_fonts, 16));
    r->fonts[r->n_fonts] = (font_def){.num = (int)n};
    r->n_fonts++;
out:
    return rc;
}

/* The code page of the font table's entry being read. */
static void font_cpg(rtf *r, int cpg)
{
    if (r->st.dest == DEST_FONTTBL && r->n_fonts > 0 && cpg != 0 &&
        r->fonts[r->n_fonts - 1].num == r->font_num)
        r->fonts[r->n_fonts - 1].cpg = cpg;
}

/* A \uN character: surrogate pairs joined; its fallback characters to be skipped. */
static int unicode_word(rtf *r, long n)
{
    uint32_t cp = (uint32_t)(n < 0 ? n + 65536 : n) & 0xFFFF;
    int rc = FG_OK;

    r->skip = r->st.uc;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        r->high = cp;
        return FG_OK;
    }
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
        if (r->high == 0)
            return FG_OK;
        cp = 0x10000 + ((r->high - 0xD800) << 10) + (cp - 0xDC00);
    }
    r->high = 0;
    if (cp == 0)
        return FG_OK;
    rc = put_cp(r, cp);
    return rc;
}

/* A destination word at a group's start (dest words are only read there). */
static bool destination_word(rtf *r, const char *w)
{
    /* The destinations read; in_body: only inside the body (not in a footnote, say). */
    static const struct {
        const char *word;
        dest_kind dest;
        bool in_body;
    } dests[] = {{"fonttbl", DEST_FONTTBL, false},
                 {"colortbl", DEST_COLORTBL, false},
                 {"listtext", DEST_LISTTEXT, true},
                 {"pntext", DEST_LISTTEXT, true},
                 {"footnote", DEST_FOOTNOTE, true}};

    for (size_t i = 0; i < sizeof dests / sizeof *dests; i++) {
        if (strcmp(w, dests[i].word) == 0) {
            if (!dests[i].in_body || r->st.dest == DEST_BODY)
                r->st.dest = dests[i].dest;
            return true;
        }
    }
    if (strcmp(w, "upr") == 0) {
        r->st.outer = r->st.dest; /* {\upr{ANSI text}{\*\ud{Unicode text}}}: the second */
        r->st.dest = DEST_SKIP;
        return true;
    }
    if (strcmp(w, "ud") == 0) {
        r->st.dest = r->st.outer;
        return true;
    }
    if (skipped_destination(w) || (r->star && !read_starred(w))) {
        r->st.dest = DEST_SKIP;
        return true;
    }
    return false;
}

/*
 * The words that set how the text after them is shown, or whether it is in a table: the
 * bytes read before one are flushed first, in the state they were read in.
 */
typedef enum format_word {
    FMT_NONE,
    FMT_PLAIN,  /* \plain: shown, not bold, colour 0, the default font */
    FMT_BOLD,   /* \b, \b0 */
    FMT_COLOR,  /* \cfN */
    FMT_HIDDEN, /* \v, \v0 */
    FMT_PARD,   /* \pard: out of any table */
    FMT_INTBL,  /* \intbl: in a table, nested at least once */
    FMT_ITAP    /* \itapN: nested N times (at most 64) */
} format_word;

static format_word format_word_of(const char *w)
{
    static const struct {
        const char *word;
        format_word f;
    } words[] = {{"plain", FMT_PLAIN}, {"b", FMT_BOLD},      {"cf", FMT_COLOR}, {"v", FMT_HIDDEN},
                 {"pard", FMT_PARD},   {"intbl", FMT_INTBL}, {"itap", FMT_ITAP}};

    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(w, words[i].word) == 0)
            return words[i].f;
    return FMT_NONE;
}

/* The state st after the format word f, with its number n when has_n; deff: the default font. */
static void set_format(gstate *st, format_word f, bool has_n, long n, int deff)
{
    switch (f) {
    case FMT_NONE:
        break;
    case FMT_PLAIN:
        st->hidden = false;
        st->bold = false;
        st->color = 0;
        st->font = deff;
        break;
    case FMT_BOLD:
        st->bold = !has_n || n != 0;
        break;
    case FMT_COLOR:
        st->color = has_n && n >= 0 && n < 4096 ? (int)n : 0;
        break;
    case FMT_HIDDEN:
        st->hidden = !has_n || n != 0;
        break;
    case FMT_PARD:
        st->intbl = false;
        st->itap = 0;
        break;
    case FMT_INTBL:
        st->intbl = true;
        if (st->itap == 0)
            st->itap = 1;
        break;
    case FMT_ITAP:
        st->itap = has_n && n > 0 ? (unsigned)(n < 64 ? n : 64) : 0;
        st->intbl = st->itap > 0;
        break;
    }
}

static int control_word(rtf *r, const char *w, bool has_n, long n)
{
    bool at_start = r->group_start;
    format_word f;
    uint32_t cp;
    int rc = FG_OK;

    r->group_start = false;
    if (at_start && destination_word(r, w)) {
        r->star = false;
        return FG_OK;
    }
    r->star = false;
    if (strcmp(w, "u") == 0 && has_n)
        return unicode_word(r, n);
    if (strcmp(w, "uc") == 0) {
        r->st.uc = (unsigned char)(has_n && n >= 0 && n < 16 ? n : 1);
        return FG_OK;
    }
    if (strcmp(w, "f") == 0 && has_n) {
        FG_TRY(flush_bytes(r));
        return font_word(r, n);
    }
    if (strcmp(w, "fcharset") == 0 && has_n) {
        font_cpg(r, charset_cpg(n));
        return FG_OK;
    }
    if (strcmp(w, "cpg") == 0 && has_n) {
        font_cpg(r, (int)n);
        return FG_OK;
    }
    if (strcmp(w, "ansicpg") == 0 && has_n) {
        r->ansicpg = (int)n;
        return FG_OK;
    }
    if (r->st.dest == DEST_COLORTBL) {
        if (has_n && n >= 0 && n <= 255) {
            if (strcmp(w, "red") == 0)
                r->rgb[0] = (unsigned)n;
            else if (strcmp(w, "green") == 0)
                r->rgb[1] = (unsigned)n;
            else if (strcmp(w, "blue") == 0)
                r->rgb[2] = (unsigned)n;
        }
        return FG_OK;
    }
    if (strcmp(w, "deff") == 0 && has_n) {
        r->deff = (int)n;
        r->st.font = (int)n;
        return FG_OK;
    }
    if (unread(r))
        return FG_OK;
    if (strcmp(w, "par") == 0 || strcmp(w, "line") == 0 || strcmp(w, "page") == 0 ||
        strcmp(w, "sect") == 0 || strcmp(w, "column") == 0)
        return r->st.dest == DEST_LISTTEXT ? FG_OK : paragraph_end(r);
    if (strcmp(w, "tab") == 0)
        return r->st.dest == DEST_LISTTEXT ? FG_OK : put_cp(r, '\t');
    f = format_word_of(w);
    if (f != FMT_NONE) {
        FG_TRY(flush_bytes(r));
        set_format(&r->st, f, has_n, n, r->deff);
        return FG_OK;
    }
    if (strcmp(w, "cell") == 0)
        return r->st.itap > 1 ? put_cp(r, ' ') : cell_end(r);
    if (strcmp(w, "nestcell") == 0 || strcmp(w, "nestrow") == 0)
        return put_cp(r, ' ');
    if (strcmp(w, "row") == 0)
        return r->st.itap > 1 ? put_cp(r, ' ') : row_end(r);
    if (strcmp(w, "trowd") == 0) {
        r->n_defs = 0;
        r->next_def = (cell_def){0};
        return FG_OK;
    }
    if (strcmp(w, "clvmrg") == 0) {
        r->next_def.vmerged = true;
        return FG_OK;
    }
    if (strcmp(w, "clmrg") == 0) {
        r->next_def.hmerged = true;
        return FG_OK;
    }
    if (strcmp(w, "cellx") == 0) {
        FG_TRY(FG_GROW(r->defs, r->cap_defs, r->n_defs, 8));
        r->defs[r->n_defs++] = r->next_def;
        r->next_def = (cell_def){0};
        return FG_OK;
    }
    if ((cp = word_char(w)) != 0)
        return put_cp(r, cp);
out:
    return rc;
}

/* A control symbol (\ followed by a character that is no letter). */
static int control_symbol(rtf *r, unsigned char c)
{
    r->group_start = false;
    switch (c) {
    case '*':
        r->star = true;
        r->group_start = true; /* the destination word follows */
        return FG_OK;
    case '\\':
    case '{':
    case '}':
        return unread(r) ? FG_OK : add_byte(r, c);
    case '~':
        return put_cp(r, ' ');
    case '_':
        return put_cp(r, '-');
    case '\n':
    case '\r':
        return paragraph_end(r);
    default:
        return FG_OK; /* \- (optional hyphen), \: (index), \| (formula) … */
    }
}

/* ---- the parser ---- */

/*
 * The end of a paragraph's number ({\listtext 一、\tab}): written before its text, its tab
 * dropped, or a U+3000 after a bare number or letter (1　…), which a tab would make a table
 * cell of.
 */
static int number_end(rtf *r)
{
    size_t n = r->number.len;
    unsigned char last = n > 0 ? (unsigned char)r->number.ptr[n - 1] : 0;
    int rc = FG_OK;

    if (n == 0)
        return FG_OK;
    if ((last >= '0' && last <= '9') || ((last | 0x20) >= 'a' && (last | 0x20) <= 'z'))
        FG_TRY(fg_str_append(&r->number, "\u3000", 3));
    rc = put_text(r, r->number.ptr, r->number.len);
    fg_str_clear(&r->number);
out:
    return rc;
}

static int push_group(rtf *r)
{
    int rc = FG_OK;

    FG_TRY(flush_bytes(r));
    if (r->depth >= MAX_DEPTH)
        return fg_error_set(FG_EFORMAT, "%s: not a readable RTF file: groups nested deeper "
                                        "than %d",
                            r->name, MAX_DEPTH);
    FG_TRY(FG_GROW(r->stack, r->cap_stack, r->depth, 16));
    r->stack[r->depth++] = r->st;
    r->group_start = true;
    r->star = false;
    r->skip = 0;
out:
    return rc;
}

static int pop_group(rtf *r)
{
    int rc = FG_OK;

    FG_TRY(flush_bytes(r));
    r->skip = 0;
    r->star = false;
    r->group_start = false;
    if (r->depth > 0) {
        bool number = r->st.dest == DEST_LISTTEXT;

        r->st = r->stack[--r->depth];
        if (number && r->st.dest != DEST_LISTTEXT)
            FG_TRY(number_end(r));
    }
out:
    return rc;
}

/* Read a control word or symbol at r->p (just after the backslash). */
static int control(rtf *r)
{
    char word[33];
    size_t wl = 0;
    bool has_n = false;
    bool neg = false;
    long n = 0;
    int rc = FG_OK;

    if (r->p >= r->end)
        return FG_OK;
    if (*r->p == '\'') {
        unsigned v = 0;

        r->p++;
        for (int k = 0; k < 2; k++) {
            unsigned char h = r->p < r->end ? *r->p : 0;

            if (h >= '0' && h <= '9')
                v = v * 16 + (h - '0');
            else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')
                v = v * 16 + ((h | 0x20) - 'a' + 10);
            else
                break;
            r->p++;
        }
        r->group_start = false;
        if (r->skip > 0) {
            r->skip--;
            return FG_OK;
        }
        if (unread(r))
            return table_byte(r, (unsigned char)v);
        return add_byte(r, (unsigned char)v);
    }
    if (!((*r->p | 0x20) >= 'a' && (*r->p | 0x20) <= 'z')) {
        unsigned char c = *r->p++;

        if (r->skip > 0 && c != '\n' && c != '\r') {
            r->skip--;
            return FG_OK;
        }
        return control_symbol(r, c);
    }
    while (r->p < r->end && ((*r->p | 0x20) >= 'a' && (*r->p | 0x20) <= 'z')) {
        if (wl < sizeof word - 1)
            word[wl++] = (char)*r->p;
        r->p++;
    }
    word[wl] = '\0';
    if (r->p < r->end && *r->p == '-') {
        neg = true;
        r->p++;
    }
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9') {
        has_n = true;
        if (n < 100000000L)
            n = n * 10 + (*r->p - '0');
        r->p++;
    }
    if (neg)
        n = -n;
    if (r->p < r->end && *r->p == ' ')
        r->p++;
    if (strcmp(word, "bin") == 0) {
        size_t skip = has_n && n > 0 ? (size_t)n : 0;

        if (skip > (size_t)(r->end - r->p))
            return fg_error_set(FG_EFORMAT, "%s: not a readable RTF file: its binary data "
                                            "(bin) runs past the end of the file",
                                r->name);
        r->p += skip;
        return FG_OK;
    }
    if (r->skip > 0 && strcmp(word, "u") != 0 && strcmp(word, "par") != 0) {
        r->skip--;
        return FG_OK;
    }
    FG_TRY(control_word(r, word, has_n, n));
out:
    return rc;
}

static int parse(rtf *r)
{
    int rc = FG_OK;

    while (r->p < r->end) {
        unsigned char c = *r->p;

        if (c == '{') {
            r->p++;
            FG_TRY(push_group(r));
        } else if (c == '}') {
            r->p++;
            FG_TRY(pop_group(r));
            if (r->depth == 0)
                break; /* the document's group closed: what follows is no part of it */
        } else if (c == '\\') {
            r->p++;
            FG_TRY(control(r));
        } else if (c == '\r' || c == '\n') {
            r->p++;
        } else {
            r->p++;
            r->group_start = false;
            if (r->skip > 0) {
                r->skip--;
                continue;
            }
            if (unread(r))
                FG_TRY(table_byte(r, c));
            else if (c == '\t')
                FG_TRY(put_cp(r, '\t'));
            else
                FG_TRY(add_byte(r, c));
        }
    }
    FG_TRY(flush_bytes(r));
    if (r->depth > 0)
        return fg_error_set(FG_EFORMAT, "%s: not a readable RTF file: it ends inside a group "
                                        "(%zu left open): cut short?",
                            r->name, r->depth);
    declaration_end(r);
    if (r->n_cells > r->row_first || r->cell_used)
        FG_TRY(row_end(r));
    FG_TRY(end_table(r));
    FG_TRY(para_flush(r));
    if (r->notes.len > 0 && !r->scan) {
        FG_TRY(fg_rd_break(r->rd));
        FG_TRY(fg_rd_text(r->rd, r->notes.ptr, r->notes.len));
    }
out:
    return rc;
}

/*
 * One pass over the document: with scan, nothing is written and *mark receives the lead
 * formatting its paragraphs declare; else the text goes to rd with the lead marks of *mark.
 */
static int read_pass(fg_rd *rd, const unsigned char *bytes, size_t len, bool scan,
                     unsigned *mark)
{
    rtf r = {0};
    int rc;

    r.rd = rd;
    r.name = rd->name;
    r.p = bytes;
    r.end = bytes + len;
    r.st.font = -1;
    r.st.uc = 1;
    r.font_num = -1;
    r.scan = scan;
    r.mark = scan ? 0 : *mark;
    for (size_t i = 0; i < N_CONVERTERS; i++)
        r.conv[i].cd = (iconv_t)-1;
    rc = parse(&r);
    if (scan)
        *mark = r.mark;
    for (size_t i = 0; i < N_CONVERTERS; i++)
        if (r.conv[i].cd != (iconv_t)-1)
            iconv_close(r.conv[i].cd);
    free(r.stack);
    free(r.fonts);
    free(r.red);
    free(r.cells);
    free(r.rows);
    free(r.defs);
    seg_dispose(&r.para);
    seg_dispose(&r.tab);
    fg_str_dispose(&r.bytes);
    fg_str_dispose(&r.decl);
    fg_str_dispose(&r.font_name);
    fg_str_dispose(&r.notes);
    fg_str_dispose(&r.number);
    fg_str_dispose(&r.tmp);
    return rc;
}

int fg_read_rtf(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    unsigned mark = 0;
    int rc = FG_OK;

    if (len < 5 || memcmp(bytes, "{\\rtf", 5) != 0)
        return fg_error_set(FG_EFORMAT, "%s: not an RTF file (no {\\rtf at its start)",
                            rd->name);
    /* the declaration that bold or red type marks leads may come after the tables */
    FG_TRY(read_pass(rd, bytes, len, true, &mark));
    rc = read_pass(rd, bytes, len, false, &mark);
out:
    return rc;
}

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
    DEST_FONTTBL,  /* the font table: its code pages */
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
} gstate;

typedef struct {
    int num;  /* \fN */
    int cpg;  /* the code page of its charset, 0 for the document's */
} font_def;

/* A cell of the open row's definition (\cellx), with the properties before it. */
typedef struct {
    bool vmerged; /* \clvmrg */
    bool hmerged; /* \clmrg: part of the cell on its left */
} cell_def;

typedef struct {
    size_t off, len; /* in row_text */
} row_cell;

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
    /* the open table */
    bool table_open;   /* fg_rd_table_begin() called */
    fg_str cell;       /* the open cell's text */
    bool cell_used;    /* the open cell has had text or a paragraph */
    fg_str row_text;   /* the ended cells' text of the open row */
    row_cell *cells;
    size_t n_cells, cap_cells;
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

static int put_text(rtf *r, const char *s, size_t len);

/* Convert the bytes held back (in r->bytes_cpg) and write them; an invalid byte becomes
 * U+FFFD. */
static int flush_bytes(rtf *r)
{
    iconv_t cd;
    char *in;
    size_t in_left;
    int rc = FG_OK;

    if (r->bytes.len == 0)
        return FG_OK;
    cd = converter_for(r, r->bytes_cpg);
    in = r->bytes.ptr;
    in_left = r->bytes.len;
    fg_str_clear(&r->tmp);
    if (cd == (iconv_t)-1) {
        for (size_t i = 0; i < in_left; i++)
            FG_TRY(fg_str_append_cp(&r->tmp, (unsigned char)in[i] < 0x80 ? (unsigned char)in[i]
                                                                          : 0xFFFD));
    } else {
        (void)iconv(cd, NULL, NULL, NULL, NULL);
        FG_TRY(fg_str_reserve(&r->tmp, in_left * 2 + 16));
        while (in_left > 0) {
            char *o = r->tmp.ptr + r->tmp.len;
            size_t o_left = r->tmp.cap - r->tmp.len - 1;
            size_t got = iconv(cd, &in, &in_left, &o, &o_left);
            int e = errno;

            r->tmp.len = (size_t)(o - r->tmp.ptr);
            if (got != (size_t)-1)
                break;
            if (e == E2BIG) {
                FG_TRY(fg_str_reserve(&r->tmp, in_left * 2 + 16));
            } else {
                /* an invalid sequence, or one cut short at the end */
                FG_TRY(fg_str_append_cp(&r->tmp, 0xFFFD));
                in++;
                in_left--;
            }
        }
    }
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

/* Close the builder's open table, if any. */
static int end_table(rtf *r)
{
    if (!r->table_open)
        return FG_OK;
    r->table_open = false;
    return fg_rd_table_end(r->rd);
}

/* Write text (UTF-8) where the open group's text goes. */
static int put_text(rtf *r, const char *s, size_t len)
{
    int rc = FG_OK;

    if (len == 0 || r->st.hidden)
        return FG_OK;
    switch (r->st.dest) {
    case DEST_LISTTEXT:
        rc = fg_str_append(&r->number, s, len);
        break;
    case DEST_BODY:
        if (r->st.intbl) {
            r->cell_used = true;
            return fg_str_append(&r->cell, s, len);
        }
        FG_TRY(end_table(r));
        rc = fg_rd_text(r->rd, s, len);
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
    if (r->st.dest == DEST_FOOTNOTE)
        return fg_str_append(&r->notes, "\n", 1);
    if (r->st.dest != DEST_BODY)
        return FG_OK;
    if (r->st.intbl) {
        r->cell_used = true;
        return fg_str_append(&r->cell, "\n", 1);
    }
    FG_TRY(end_table(r));
    rc = fg_rd_break(r->rd);
out:
    return rc;
}

/* \cell: the open cell ends. */
static int cell_end(rtf *r)
{
    int rc = FG_OK;

    FG_TRY(flush_bytes(r));
    FG_TRY(FG_GROW(r->cells, r->cap_cells, r->n_cells, 8));
    r->cells[r->n_cells].off = r->row_text.len;
    r->cells[r->n_cells].len = r->cell.len;
    r->n_cells++;
    FG_TRY(fg_str_append(&r->row_text, r->cell.ptr, r->cell.len));
    fg_str_clear(&r->cell);
    r->cell_used = false;
out:
    return rc;
}

/* \row: write the row's cells with the last row definition seen. */
static int row_end(rtf *r)
{
    int rc = FG_OK;

    FG_TRY(flush_bytes(r));
    if (r->cell_used)
        FG_TRY(cell_end(r));
    if (r->n_cells == 0)
        return FG_OK;
    if (!r->table_open) {
        FG_TRY(fg_rd_table_begin(r->rd));
        r->table_open = true;
    }
    FG_TRY(fg_rd_row_begin(r->rd));
    for (size_t i = 0; i < r->n_cells; i++) {
        const row_cell *c = &r->cells[i];
        bool vmerged = i < r->n_defs && r->defs[i].vmerged;
        unsigned span = 1;

        if (i < r->n_defs && r->defs[i].hmerged && i > 0)
            continue; /* written in the cell on its left */
        while (i + span < r->n_cells && i + span < r->n_defs && r->defs[i + span].hmerged)
            span++;
        FG_TRY(fg_rd_cell_begin(r->rd, span, vmerged));
        FG_TRY(fg_rd_text(r->rd, r->row_text.ptr + c->off, c->len));
        FG_TRY(fg_rd_cell_end(r->rd));
    }
    FG_TRY(fg_rd_row_end(r->rd));
    r->n_cells = 0;
    fg_str_clear(&r->row_text);
out:
    return rc;
}

/* ---- control words ---- */

/* Destinations whose text is not read; any other unknown one is, as the RTF specification
 * asks of a destination not marked \*. */
static bool skipped_destination(const char *w)
{
    static const char *const skip[] = {
        "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf",
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
    if (r->n_fonts >= MAX_FONTS)
        return FG_OK;
    FG_TRY(FG_GROW(r->fonts, r->cap_fonts, r->n_fonts, 16));
    r->fonts[r->n_fonts].num = (int)n;
    r->fonts[r->n_fonts].cpg = 0;
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
    if (strcmp(w, "fonttbl") == 0) {
        r->st.dest = DEST_FONTTBL;
        return true;
    }
    if (strcmp(w, "listtext") == 0 || strcmp(w, "pntext") == 0) {
        if (r->st.dest == DEST_BODY)
            r->st.dest = DEST_LISTTEXT;
        return true;
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
    if (strcmp(w, "footnote") == 0) {
        if (r->st.dest == DEST_BODY)
            r->st.dest = DEST_FOOTNOTE;
        return true;
    }
    if (skipped_destination(w) || (r->star && !read_starred(w))) {
        r->st.dest = DEST_SKIP;
        return true;
    }
    return false;
}

static int control_word(rtf *r, const char *w, bool has_n, long n)
{
    bool at_start = r->group_start;
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
    if (strcmp(w, "deff") == 0 && has_n) {
        r->deff = (int)n;
        r->st.font = (int)n;
        return FG_OK;
    }
    if (r->st.dest == DEST_SKIP || r->st.dest == DEST_FONTTBL)
        return FG_OK;
    if (strcmp(w, "par") == 0 || strcmp(w, "line") == 0 || strcmp(w, "page") == 0 ||
        strcmp(w, "sect") == 0 || strcmp(w, "column") == 0)
        return r->st.dest == DEST_LISTTEXT ? FG_OK : paragraph_end(r);
    if (strcmp(w, "tab") == 0)
        return r->st.dest == DEST_LISTTEXT ? FG_OK : put_cp(r, '\t');
    if (strcmp(w, "plain") == 0) {
        FG_TRY(flush_bytes(r));
        r->st.hidden = false;
        r->st.font = r->deff;
        return FG_OK;
    }
    if (strcmp(w, "v") == 0) {
        FG_TRY(flush_bytes(r));
        r->st.hidden = !has_n || n != 0;
        return FG_OK;
    }
    if (strcmp(w, "pard") == 0) {
        FG_TRY(flush_bytes(r));
        r->st.intbl = false;
        r->st.itap = 0;
        return FG_OK;
    }
    if (strcmp(w, "intbl") == 0) {
        FG_TRY(flush_bytes(r));
        r->st.intbl = true;
        if (r->st.itap == 0)
            r->st.itap = 1;
        return FG_OK;
    }
    if (strcmp(w, "itap") == 0) {
        FG_TRY(flush_bytes(r));
        r->st.itap = has_n && n > 0 ? (unsigned)(n < 64 ? n : 64) : 0;
        r->st.intbl = r->st.itap > 0;
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
        return r->st.dest == DEST_SKIP || r->st.dest == DEST_FONTTBL ? FG_OK : add_byte(r, c);
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
        if (r->st.dest == DEST_SKIP || r->st.dest == DEST_FONTTBL)
            return FG_OK;
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
            return fg_error_set(FG_EFORMAT, "%s: not a readable RTF file: \\bin data runs past "
                                            "the end of the file",
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
            if (r->st.dest == DEST_SKIP || r->st.dest == DEST_FONTTBL)
                continue;
            if (c == '\t')
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
    if (r->n_cells > 0 || r->cell_used)
        FG_TRY(row_end(r));
    FG_TRY(end_table(r));
    if (r->notes.len > 0) {
        FG_TRY(fg_rd_break(r->rd));
        FG_TRY(fg_rd_text(r->rd, r->notes.ptr, r->notes.len));
    }
out:
    return rc;
}

int fg_read_rtf(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    rtf r = {0};
    int rc;

    if (len < 5 || memcmp(bytes, "{\\rtf", 5) != 0)
        return fg_error_set(FG_EFORMAT, "%s: not an RTF file (no {\\rtf at its start)",
                            rd->name);
    r.rd = rd;
    r.name = rd->name;
    r.p = bytes;
    r.end = bytes + len;
    r.st.font = -1;
    r.st.uc = 1;
    r.font_num = -1;
    for (size_t i = 0; i < N_CONVERTERS; i++)
        r.conv[i].cd = (iconv_t)-1;
    rc = parse(&r);
    for (size_t i = 0; i < N_CONVERTERS; i++)
        if (r.conv[i].cd != (iconv_t)-1)
            iconv_close(r.conv[i].cd);
    free(r.stack);
    free(r.fonts);
    free(r.cells);
    free(r.defs);
    fg_str_dispose(&r.bytes);
    fg_str_dispose(&r.cell);
    fg_str_dispose(&r.row_text);
    fg_str_dispose(&r.notes);
    fg_str_dispose(&r.number);
    fg_str_dispose(&r.tmp);
    return rc;
}

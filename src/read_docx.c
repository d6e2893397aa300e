/*
 * The DOCX reader (reader.h): the main document part of a Word file, in document order, into
 * the text builder.
 *
 * - Paragraphs are lines, with Word's automatic numbering written before their text as it is
 *   printed (read_docx_num.c: 一、（一）1． often exist only in word/numbering.xml).
 * - Tables go to the builder's table calls: w:gridSpan is a span, w:vMerge without
 *   val="restart" a merged cell, w:gridBefore an empty cell; nested tables are flattened by
 *   the builder.
 * - Text boxes (w:txbxContent, in DrawingML or VML) are written after the paragraph that
 *   anchors them, once: of an mc:AlternateContent only mc:Choice is read (mc:Fallback when
 *   there is no Choice), which holds the same box twice otherwise.
 * - Footnotes and endnotes are written after the paragraph that references them, as
 *   paragraphs of their own (in a cell: as more paragraphs of the cell), each once.
 * - Tracked changes are accepted: w:ins and w:moveTo are read, w:del, w:delText, w:moveFrom
 *   and deleted table rows dropped, a deleted paragraph mark joins the paragraph to the next.
 * - Fields show their result: runs between fldChar separate and end, w:fldSimple's runs; no
 *   w:instrText. Hidden text (w:vanish) is dropped.
 * - w:tab is '\t', w:br and w:cr '\n', w:noBreakHyphen '-', w:softHyphen nothing, w:sym its
 *   character unless it is a symbol font's private-use glyph.
 * - Lead marks by formatting: when a paragraph of the body or the notes declares that bold or
 *   red type marks leads (fg_clause__format_declaration()), each unit name in a run so
 *   formatted (w:b, through w:rStyle or w:pStyle too, a 黑体 face; a red w:color) gets ★
 *   after it (fg_rd_marked_text()), in a cell (or a body paragraph) that holds other text too,
 *   or in a cell all so formatted when its table has such a cell and its row plain text.
 * Not read: headers and footers, comments, SmartArt and charts, embedded w:altChunk parts,
 * math (m:oMath).
 *
 * Safety: the ZIP is read from memory; every part read counts against FG_RD_MAX_INFLATE (the
 * declared sizes are checked first, and the bytes are counted while inflating, since a
 * declared size may lie) and a large part that inflates at more than MAX_RATIO:1 is refused.
 * XML is parsed without entity substitution, DTD loading or network access, and a part with a
 * DOCTYPE is refused before parsing (Word never writes one). Nesting deeper than MAX_DEPTH is
 * refused.
 */
#include "reader.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "error.h"
#include "grow.h"
#include "read_docx_int.h"

#define MAX_DEPTH 100 /* tables, cells, text boxes, content controls */
#define MAX_FIELDS 64 /* nested fields tracked */

static const char mc_ns[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";

typedef struct note {
    long id;
    xmlNode *node;
    bool used;
} note;

typedef struct notes {
    note *v;
    size_t n;
} notes;

typedef struct docx {
    fg_rd *rd;
    fg_docx_pkg pkg;
    fg_docx_num *num;
    notes foot, end;
    fg_str scratch;
    /* fields open: in_instr[i] while field i is before its separate; n_instr of them */
    unsigned n_fields;
    unsigned n_instr;
    bool in_instr[MAX_FIELDS];
    /* lead marks by formatting (fg_clause__format_declaration()): the FG_RD_MARK_* bits declared */
    unsigned mark;
    const xmlDoc *styles;
    unsigned cell_level; /* cells open */
    bool marking;        /* the open cell or paragraph mixes marked and plain text */
    bool table_mixed;    /* the open table has such a cell (any_mixed_cell()) */
    bool row_plain;      /* the open row holds text not in the declared formatting */
    fg_rd_held held;     /* the open run's text, held while it is marked */
    fg_mark_tree tree;   /* the rule's view of the document (fg_mark_mixed()) */
    unsigned para_fmt;   /* FG_RD_MARK_* of the open paragraph's style */
} docx;

/* What a paragraph writes after itself: its text boxes and notes, in order. */
typedef struct deferred {
    xmlNode **v;
    size_t n, cap;
} deferred;

static int cmp_note(const void *a, const void *b)
{
    long x = ((const note *)a)->id;
    long y = ((const note *)b)->id;

    return (x > y) - (x < y);
}

/* The notes (w:footnote or w:endnote) of a notes part, sorted by id; separators left out. */
static int load_notes(notes *ns, const xmlDoc *doc, const char *local)
{
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    size_t n = 0;
    int rc = FG_OK;

    for (const xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
        n += fg_docx__is(c, local);
    if (n == 0)
        return FG_OK;
    ns->v = calloc(n, sizeof *ns->v);
    FG_CHECK_ALLOC(ns->v);
    for (xmlNode *c = root->children; c != NULL; c = c->next) {
        const char *type = fg_docx__attr(c, "type");
        const char *id = fg_docx__attr(c, "id");
        char *end;

        if (!fg_docx__is(c, local) || id == NULL || (type != NULL && strcmp(type, "normal") != 0))
            continue;
        errno = 0;
        ns->v[ns->n].id = strtol(id, &end, 10);
        if (end == id || errno != 0)
            continue;
        ns->v[ns->n++].node = c;
    }
    if (ns->n)
        qsort(ns->v, ns->n, sizeof *ns->v, cmp_note);
out:
    return rc;
}

/* ---- the document ---- */

static bool is_mc(const xmlNode *n, const char *local)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL && n->ns->href != NULL &&
           strcmp((const char *)n->ns->href, mc_ns) == 0 &&
           strcmp((const char *)n->name, local) == 0;
}

/* The branch of an mc:AlternateContent that is read: the first mc:Choice, else mc:Fallback. */
static xmlNode *alternate(const xmlNode *ac)
{
    xmlNode *fallback = NULL;

    for (xmlNode *c = ac->children; c != NULL; c = c->next) {
        if (is_mc(c, "Choice"))
            return c;
        if (is_mc(c, "Fallback") && fallback == NULL)
            fallback = c;
    }
    return fallback;
}

/*
 * What is read in place of c when c only wraps content of its parent's kind: the w:sdtContent
 * of a content control, the branch of an mc:AlternateContent (alternate()), or c itself when
 * it is one of the elements named in through (NULL-terminated); NULL when c is none of them or
 * holds nothing to read.
 */
static xmlNode *wrapped(xmlNode *c, const char *const *through)
{
    if (fg_docx__is(c, "sdt"))
        return fg_docx__child(c, "sdtContent");
    if (is_mc(c, "AlternateContent"))
        return alternate(c);
    for (; *through != NULL; through++)
        if (fg_docx__is(c, *through))
            return c;
    return NULL;
}

/* What rows() and cells() read through as if its content stood in its place; blocks() too. */
static const char *const table_wrappers[] = {"customXml", "ins", "moveTo", NULL};
static const char *const block_wrappers[] = {"customXml", "ins", "moveTo", "body", NULL};

/* fn(d, what c wraps, depth + 1) when c is a wrapper (wrapped()), else nothing. */
static int read_wrapped(docx *d, xmlNode *c, int depth, const char *const *through,
                        int (*fn)(docx *d, xmlNode *n, int depth))
{
    xmlNode *inner = wrapped(c, through);

    return inner != NULL ? fn(d, inner, depth + 1) : FG_OK;
}

/* Whether a w:val-style on/off property is on (present and not val="0/false/off"). */
static bool on(const xmlNode *prop)
{
    const char *v = fg_docx__attr(prop, "val");

    return prop != NULL && (v == NULL || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
                                           strcmp(v, "off") == 0));
}

static int defer(deferred *df, xmlNode *n)
{
    int rc = FG_OK;

    FG_TRY(FG_GROW(df->v, df->cap, df->n, 4));
    df->v[df->n++] = n;
out:
    return rc;
}

static int text(docx *d, const char *s, size_t len, bool hidden)
{
    if (hidden || d->n_instr > 0 || len == 0)
        return FG_OK;
    return fg_rd_held_text(d->rd, &d->held, s, len);
}

/* ---- lead marks by formatting ---- */

/* Whether a w:color value is red: RRGGBB with red well above green and blue. */
static bool red_color(const char *v)
{
    unsigned long rgb;
    char *end;
    unsigned r, g, b;

    if (v == NULL || strlen(v) != 6)
        return false;
    rgb = strtoul(v, &end, 16);
    if (*end != '\0')
        return false;
    r = (unsigned)(rgb >> 16) & 0xFF;
    g = (unsigned)(rgb >> 8) & 0xFF;
    b = (unsigned)rgb & 0xFF;
    return fg_rd_red_rgb(r, g, b);
}

/* Whether a w:rFonts names a heavy face (黑体, SimHei): 标黑体的为牵头单位. */
static bool heavy_font(const xmlNode *fonts)
{
    static const char *const which[] = {"eastAsia", "ascii", "hAnsi"};

    for (size_t k = 0; k < sizeof which / sizeof *which; k++) {
        const char *f = fg_docx__attr(fonts, which[k]);

        if (f != NULL && fg_rd_heavy_face(f))
            return true;
    }
    return false;
}

/* fmt (FG_RD_MARK_* bits) as the run properties rpr set or clear them. */
static unsigned rpr_fmt(const xmlNode *rpr, unsigned fmt)
{
    const xmlNode *b = fg_docx__child(rpr, "b");
    const xmlNode *color = fg_docx__child(rpr, "color");
    const xmlNode *fonts = fg_docx__child(rpr, "rFonts");

    if (b != NULL)
        fmt = on(b) ? fmt | FG_RD_MARK_BOLD : fmt & ~FG_RD_MARK_BOLD;
    if (fonts != NULL && heavy_font(fonts))
        fmt |= FG_RD_MARK_BOLD;
    if (color != NULL)
        fmt = red_color(fg_docx__attr(color, "val")) ? fmt | FG_RD_MARK_RED
                                                     : fmt & ~FG_RD_MARK_RED;
    return fmt;
}

/* fmt as the style id (and the styles it is based on, 10 deep) sets it. */
static unsigned style_fmt(const docx *d, const char *id, unsigned fmt, int depth)
{
    const xmlNode *root = d->styles ? xmlDocGetRootElement(d->styles) : NULL;

    if (id == NULL || root == NULL || depth > 10)
        return fmt;
    for (const xmlNode *c = root->children; c != NULL; c = c->next) {
        const char *sid = fg_docx__is(c, "style") ? fg_docx__attr(c, "styleId") : NULL;

        if (sid != NULL && strcmp(sid, id) == 0) {
            fmt = style_fmt(d, fg_docx__child_val(c, "basedOn"), fmt, depth + 1);
            return rpr_fmt(fg_docx__child(c, "rPr"), fmt);
        }
    }
    return fmt;
}

/* The FG_RD_MARK_* bits of a paragraph's style. */
static unsigned para_fmt(const docx *d, const xmlNode *p)
{
    return style_fmt(d, fg_docx__child_val(fg_docx__child(p, "pPr"), "pStyle"), 0, 0);
}

/* The FG_RD_MARK_* bits of a run in a paragraph whose style gives para: its character style,
 * then its own properties. */
static unsigned run_fmt(const docx *d, const xmlNode *r, unsigned para)
{
    const xmlNode *rpr = fg_docx__child(r, "rPr");

    return rpr_fmt(rpr, style_fmt(d, fg_docx__child_val(rpr, "rStyle"), para, 0));
}

/* Whether a run holds an ideograph in its text. */
static bool run_has_ideograph(const xmlNode *r)
{
    for (const xmlNode *c = r->children; c != NULL; c = c->next)
        if (fg_docx__is(c, "t"))
            for (const xmlNode *t = c->children; t != NULL; t = t->next)
                if (t->content != NULL &&
                    fg_rd_has_ideograph((const char *)t->content, strlen((const char *)t->content)))
                    return true;
    return false;
}

/* Whether the runs under n (paragraphs' styles from para on) hold ideographs in the declared
 * formatting (*marked) and outside it (*plain). Deleted text does not count. */
static void scan_fmt(const docx *d, const xmlNode *n, unsigned para, bool *marked, bool *plain,
                     int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || fg_docx__is(c, "del") || fg_docx__is(c, "moveFrom"))
            continue;
        if (fg_docx__is(c, "p")) {
            scan_fmt(d, c, para_fmt(d, c), marked, plain, depth + 1);
        } else if (fg_docx__is(c, "r")) {
            if (on(fg_docx__child(fg_docx__child(c, "rPr"), "vanish")) || !run_has_ideograph(c))
                continue;
            if (run_fmt(d, c, para) & d->mark)
                *marked = true;
            else
                *plain = true;
        } else {
            scan_fmt(d, c, para, marked, plain, depth + 1);
        }
    }
}

/* Whether a cell or paragraph holds ideographs in the declared formatting (*marked) and
 * outside it (*plain) (fg_mark_tree's fmt_of). */
static void fmt_of(const void *reader, const xmlNode *n, bool *marked, bool *plain)
{
    const docx *d = reader;

    *marked = false;
    *plain = false;
    if (fg_docx__is(n, "p"))
        scan_fmt(d, n, para_fmt(d, n), marked, plain, 0);
    else
        scan_fmt(d, n, 0, marked, plain, 0);
}

static bool is_cell(const xmlNode *n)
{
    return fg_docx__is(n, "tc");
}

static bool is_table(const xmlNode *n)
{
    return fg_docx__is(n, "tbl");
}


/* The text of the w:t under n, appended to out (for declarations: nothing else matters). */
static int collect_text(fg_str *out, const xmlNode *n, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return FG_OK;
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != NULL && fg_docx__is(n, "t"))
            FG_TRY(fg_str_append(out, (const char *)c->content, strlen((const char *)c->content)));
        else if (c->type == XML_ELEMENT_NODE && !fg_docx__is(c, "del"))
            FG_TRY(collect_text(out, c, depth + 1));
    }
out:
    return rc;
}

/* The FG_RD_MARK_* bits that a paragraph under n declares (fg_clause__format_declaration()), into
 * *found. */
static int find_declaration(docx *d, const xmlNode *n, unsigned *found, int depth)
{
    int rc = FG_OK;

    if (n == NULL || depth > MAX_DEPTH)
        return FG_OK;
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (fg_docx__is(c, "p")) {
            fg_str_clear(&d->scratch);
            FG_TRY(collect_text(&d->scratch, c, depth + 1));
            *found |= fg_clause__format_declaration(fg_sv(d->scratch.ptr, d->scratch.len));
        } else {
            FG_TRY(find_declaration(d, c, found, depth + 1));
        }
    }
out:
    return rc;
}

static int blocks(docx *d, xmlNode *parent, int depth);

/* The error for block or inline content nested deeper than MAX_DEPTH. */
static int too_deep(const docx *d)
{
    return fg_docx__bad(d->rd->name, "its content nests more than %d levels deep", MAX_DEPTH);
}

/* The number in the w:val of pr's child element w:NAME, or dflt when there is none. */
static long child_number(const xmlNode *pr, const char *name, long dflt)
{
    const char *v = fg_docx__child_val(pr, name);

    return v != NULL ? strtol(v, NULL, 10) : dflt;
}

/* The text boxes under a drawing, picture or object, each deferred once. */
static int find_boxes(docx *d, xmlNode *n, deferred *df, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return fg_docx__bad(d->rd->name, "its drawings nest too deeply");
    for (xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (fg_docx__is(c, "txbxContent"))
            FG_TRY(defer(df, c));
        else if (is_mc(c, "AlternateContent")) {
            xmlNode *alt = alternate(c);

            if (alt != NULL)
                FG_TRY(find_boxes(d, alt, df, depth + 1));
        } else {
            FG_TRY(find_boxes(d, c, df, depth + 1));
        }
    }
out:
    return rc;
}

static int note_ref(notes *ns, const xmlNode *ref, deferred *df)
{
    const char *id = fg_docx__attr(ref, "id");
    note key;
    note *hit;
    char *end;

    if (id == NULL || ns->n == 0)
        return FG_OK;
    errno = 0;
    key.id = strtol(id, &end, 10);
    if (end == id || errno != 0)
        return FG_OK;
    hit = bsearch(&key, ns->v, ns->n, sizeof *ns->v, cmp_note);
    if (hit == NULL || hit->used)
        return FG_OK;
    hit->used = true;
    return defer(df, hit->node);
}

static void field_char(docx *d, const char *type)
{
    if (type == NULL)
        return;
    if (strcmp(type, "begin") == 0) {
        if (d->n_fields < MAX_FIELDS) {
            d->in_instr[d->n_fields] = true;
            d->n_instr++;
        }
        d->n_fields++;
    } else if (strcmp(type, "separate") == 0) {
        if (d->n_fields > 0 && d->n_fields <= MAX_FIELDS && d->in_instr[d->n_fields - 1]) {
            d->in_instr[d->n_fields - 1] = false;
            d->n_instr--;
        }
    } else if (strcmp(type, "end") == 0 && d->n_fields > 0) {
        d->n_fields--;
        if (d->n_fields < MAX_FIELDS && d->in_instr[d->n_fields]) {
            d->in_instr[d->n_fields] = false;
            d->n_instr--;
        }
    }
}

/* The content of a run (or of an mc:AlternateContent branch inside one). */
static int run_content(docx *d, xmlNode *r, bool hidden, deferred *df, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return fg_docx__bad(d->rd->name, "its runs nest too deeply");
    for (xmlNode *c = r->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (fg_docx__is(c, "t")) {
            for (xmlNode *t = c->children; t != NULL; t = t->next)
                if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
                    FG_TRY(text(d, (const char *)t->content, strlen((const char *)t->content),
                                hidden));
        } else if (fg_docx__is(c, "tab") || fg_docx__is(c, "ptab")) {
            FG_TRY(text(d, "\t", 1, hidden));
        } else if (fg_docx__is(c, "br") || fg_docx__is(c, "cr")) {
            FG_TRY(text(d, "\n", 1, hidden));
        } else if (fg_docx__is(c, "noBreakHyphen")) {
            FG_TRY(text(d, "-", 1, hidden));
        } else if (fg_docx__is(c, "sym")) {
            const char *ch = fg_docx__attr(c, "char");
            char *end;
            unsigned long cp = ch ? strtoul(ch, &end, 16) : 0;

            /* F000–F0FF: a glyph of a symbol font (Wingdings, Symbol), no character */
            if (ch != NULL && end != ch && cp >= 0x20 && cp < 0xD800) {
                fg_str_clear(&d->scratch);
                if (cp < 0x80) {
                    FG_TRY(fg_str_appendc(&d->scratch, (char)cp));
                } else if (cp < 0x800) {
                    FG_TRY(fg_str_appendc(&d->scratch, (char)(0xC0 | (cp >> 6))));
                    FG_TRY(fg_str_appendc(&d->scratch, (char)(0x80 | (cp & 0x3F))));
                } else {
                    FG_TRY(fg_str_appendc(&d->scratch, (char)(0xE0 | (cp >> 12))));
                    FG_TRY(fg_str_appendc(&d->scratch, (char)(0x80 | ((cp >> 6) & 0x3F))));
                    FG_TRY(fg_str_appendc(&d->scratch, (char)(0x80 | (cp & 0x3F))));
                }
                FG_TRY(text(d, d->scratch.ptr, d->scratch.len, hidden));
            }
        } else if (fg_docx__is(c, "fldChar")) {
            field_char(d, fg_docx__attr(c, "fldCharType"));
        } else if (fg_docx__is(c, "drawing") || fg_docx__is(c, "pict") ||
                   fg_docx__is(c, "object")) {
            if (!hidden)
                FG_TRY(find_boxes(d, c, df, depth + 1));
        } else if (fg_docx__is(c, "footnoteReference")) {
            FG_TRY(note_ref(&d->foot, c, df));
        } else if (fg_docx__is(c, "endnoteReference")) {
            FG_TRY(note_ref(&d->end, c, df));
        } else if (is_mc(c, "AlternateContent")) {
            xmlNode *alt = alternate(c);

            if (alt != NULL)
                FG_TRY(run_content(d, alt, hidden, df, depth + 1));
        }
        /* w:instrText, w:delText, w:softHyphen, w:rPr, page-break marks: nothing */
    }
out:
    return rc;
}

/* The inline content of a paragraph (or of a hyperlink, insertion, content control in it). */
static int inlines(docx *d, xmlNode *p, deferred *df, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(d);
    for (xmlNode *c = p->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (fg_docx__is(c, "r")) {
            bool hidden = on(fg_docx__child(fg_docx__child(c, "rPr"), "vanish"));

            d->held.on = d->marking && (run_fmt(d, c, d->para_fmt) & d->mark) != 0;
            FG_TRY(run_content(d, c, hidden, df, depth + 1));
        } else {
            static const char *const through[] = {"hyperlink", "smartTag", "customXml", "ins",
                                                  "moveTo", "fldSimple", "sdtContent", "dir",
                                                  "bdo", NULL};
            xmlNode *inner = wrapped(c, through);

            if (inner != NULL)
                FG_TRY(inlines(d, inner, df, depth + 1));
        }
        /* w:del, w:moveFrom, w:pPr, bookmarks, proofing marks, math: nothing */
    }
out:
    return rc;
}

/* A story written after a paragraph (a text box, a note): its own field state. */
static int story(docx *d, xmlNode *n, int depth)
{
    unsigned n_fields = d->n_fields;
    unsigned n_instr = d->n_instr;
    bool in_instr[MAX_FIELDS];
    int rc;

    memcpy(in_instr, d->in_instr, sizeof in_instr);
    d->n_fields = 0;
    d->n_instr = 0;
    memset(d->in_instr, 0, sizeof d->in_instr);
    rc = blocks(d, n, depth);
    d->n_fields = n_fields;
    d->n_instr = n_instr;
    memcpy(d->in_instr, in_instr, sizeof in_instr);
    return rc;
}

static int paragraph(docx *d, xmlNode *p, int depth)
{
    xmlNode *ppr = fg_docx__child(p, "pPr");
    xmlNode *numpr = fg_docx__child(ppr, "numPr");
    const char *v;
    long num_id = -1;
    long ilvl = -1;
    deferred df = {0};
    bool joined;
    bool marking = d->marking;
    unsigned para = d->para_fmt;
    int rc = FG_OK;

    if (numpr != NULL) {
        v = fg_docx__child_val(numpr, "numId");
        if (v != NULL)
            num_id = strtol(v, NULL, 10) < 0 ? 0 : strtol(v, NULL, 10);
        v = fg_docx__child_val(numpr, "ilvl");
        if (v != NULL)
            ilvl = strtol(v, NULL, 10) < 0 ? 0 : strtol(v, NULL, 10);
    }
    fg_str_clear(&d->scratch);
    FG_TRY(fg_docx__num_para(d->num, &d->scratch, fg_docx__child_val(ppr, "pStyle"), num_id, ilvl));
    if (d->scratch.len)
        FG_TRY(fg_rd_text(d->rd, d->scratch.ptr, d->scratch.len));
    if (d->mark != 0) {
        d->para_fmt = para_fmt(d, p);
        if (d->cell_level == 0)
            d->marking = fg_mark_mixed(&d->tree, p);
    }
    FG_TRY(inlines(d, p, &df, depth + 1));
    FG_TRY(fg_rd_held_flush(d->rd, &d->held));
    d->marking = marking;
    d->para_fmt = para;
    /* a field whose instruction never separated ends with its paragraph */
    for (unsigned i = 0; i < d->n_fields && i < MAX_FIELDS; i++)
        d->in_instr[i] = false;
    d->n_instr = 0;
    joined = fg_docx__child(fg_docx__child(ppr, "rPr"), "del") != NULL;
    if (!joined || df.n > 0)
        FG_TRY(fg_rd_break(d->rd));
    for (size_t i = 0; i < df.n; i++) {
        FG_TRY(story(d, df.v[i], depth + 1));
        FG_TRY(fg_rd_break(d->rd));
    }
out:
    d->marking = marking;
    d->para_fmt = para;
    free(df.v);
    return rc;
}

static int cells(docx *d, xmlNode *tr, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(d);
    for (xmlNode *c = tr->children; c != NULL; c = c->next) {
        if (fg_docx__is(c, "tc")) {
            xmlNode *pr = fg_docx__child(c, "tcPr");
            xmlNode *vm = fg_docx__child(pr, "vMerge");
            const char *vv = fg_docx__attr(vm, "val");
            long n = child_number(pr, "gridSpan", 1);
            bool merged = vm != NULL && (vv == NULL || strcmp(vv, "restart") != 0);

            bool marking = d->marking;

            FG_TRY(fg_rd_cell_begin(d->rd, n < 1 ? 1 : n > 64 ? 64 : (unsigned)n, merged));
            if (d->mark != 0) {
                bool marked;
                bool plain;

                fmt_of(d, c, &marked, &plain);
                d->marking = marked && (plain || (d->table_mixed && d->row_plain));
            }
            d->cell_level++;
            rc = blocks(d, c, depth + 1);
            d->cell_level--;
            d->marking = marking;
            FG_TRY(rc);
            FG_TRY(fg_rd_cell_end(d->rd));
        } else {
            FG_TRY(read_wrapped(d, c, depth, table_wrappers, cells));
        }
    }
out:
    return rc;
}

static int rows(docx *d, xmlNode *tbl, int depth)
{
    bool row_plain = d->row_plain; /* of the row whose cell holds this table */
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(d);
    for (xmlNode *c = tbl->children; c != NULL; c = c->next) {
        if (fg_docx__is(c, "tr")) {
            xmlNode *pr = fg_docx__child(c, "trPr");
            long n = child_number(pr, "gridBefore", 0);

            if (fg_docx__child(pr, "del") != NULL) /* a deleted row */
                continue;
            if (d->mark != 0) {
                bool marked;

                fmt_of(d, c, &marked, &d->row_plain);
            }
            FG_TRY(fg_rd_row_begin(d->rd));
            if (n > 0) {
                FG_TRY(fg_rd_cell_begin(d->rd, n > 64 ? 64 : (unsigned)n, false));
                FG_TRY(fg_rd_cell_end(d->rd));
            }
            FG_TRY(cells(d, c, depth + 1));
            FG_TRY(fg_rd_row_end(d->rd));
        } else {
            FG_TRY(read_wrapped(d, c, depth, table_wrappers, rows));
        }
    }
out:
    d->row_plain = row_plain;
    return rc;
}

/* Whether n holds a table at any depth below it (the walk stops at MAX_DEPTH). */
static bool holds_table(const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return false;
    for (const xmlNode *c = n->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (fg_docx__is(c, "tbl") || holds_table(c, depth + 1)))
            return true;
    return false;
}

/*
 * Whether a table is a frame: one column (its w:tblGrid has one w:gridCol) holding another
 * table, as WPS and 红头 templates draw the page border around the title, the 分工表 and the
 * 印发 line. Its content is read as the body's, so that the tables it holds are tables.
 */
static bool frame_table(const xmlNode *tbl)
{
    const xmlNode *grid = fg_docx__child(tbl, "tblGrid");
    size_t cols = 0;

    if (grid == NULL)
        return false;
    for (const xmlNode *c = grid->children; c != NULL; c = c->next)
        cols += fg_docx__is(c, "gridCol");
    return cols == 1 && holds_table(tbl, 0);
}

/* A frame's rows and cells (frame_table()): each cell's blocks in order. */
static int frame_content(docx *d, xmlNode *n, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(d);
    for (xmlNode *c = n->children; c != NULL; c = c->next) {
        if (fg_docx__is(c, "tr")) {
            if (fg_docx__child(fg_docx__child(c, "trPr"), "del") == NULL) /* not deleted */
                FG_TRY(frame_content(d, c, depth + 1));
        } else if (fg_docx__is(c, "tc")) {
            FG_TRY(blocks(d, c, depth + 1));
        } else {
            FG_TRY(read_wrapped(d, c, depth, table_wrappers, frame_content));
        }
    }
out:
    return rc;
}

/* Block content: the body, a cell, a text box, a note, a content control. */
static int blocks(docx *d, xmlNode *parent, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(d);
    for (xmlNode *c = parent->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (fg_docx__is(c, "p")) {
            FG_TRY(paragraph(d, c, depth));
        } else if (fg_docx__is(c, "tbl") && d->rd->table_depth == 0 && frame_table(c)) {
            FG_TRY(frame_content(d, c, depth + 1));
        } else if (fg_docx__is(c, "tbl")) {
            bool table_mixed = d->table_mixed;

            d->table_mixed =
                d->mark != 0 && fg_mark_any_mixed_cell(&d->tree, c, MAX_DEPTH - depth);
            FG_TRY(fg_rd_table_begin(d->rd));
            rc = rows(d, c, depth + 1);
            d->table_mixed = table_mixed;
            FG_TRY(rc);
            FG_TRY(fg_rd_table_end(d->rd));
        } else {
            FG_TRY(read_wrapped(d, c, depth, block_wrappers, blocks));
        }
        /* w:del, w:moveFrom, w:sectPr, w:altChunk, bookmarks: nothing */
    }
out:
    return rc;
}

/* ---- the reader ---- */

/*
 * The part that the main part's relationships rels give with a type ending in type_tail
 * (resolved from dir), or fallback, into *out: NULL when the package has no such part.
 */
static int load_related(docx *d, const xmlDoc *rels, const char *dir, const char *type_tail,
                        const char *fallback, xmlDoc **out)
{
    char part[512];

    fg_docx__rel_target(part, sizeof part, rels, dir, type_tail, fallback);
    return fg_docx__load_part(&d->pkg, part, out);
}

int fg_read_docx(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    docx d = {.rd = rd};
    xmlDoc *rels = NULL;
    xmlDoc *doc_rels = NULL;
    xmlDoc *doc = NULL;
    xmlDoc *numbering = NULL;
    xmlDoc *styles = NULL;
    xmlDoc *foot = NULL;
    xmlDoc *end = NULL;
    char main_part[512];
    char dir[512];
    char rels_part[1100];
    const char *slash;
    xmlNode *body;
    int rc = FG_OK;

    d.tree = (fg_mark_tree){&d, is_cell, is_table, fmt_of};
    FG_TRY(fg_docx__open(&d.pkg, rd->name, bytes, len));
    FG_TRY(fg_docx__load_part(&d.pkg, "_rels/.rels", &rels));
    fg_docx__rel_target(main_part, sizeof main_part, rels, "", "/officeDocument",
                        "word/document.xml");
    slash = strrchr(main_part, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - main_part + 1) : 0, main_part);
    snprintf(rels_part, sizeof rels_part, "%s_rels/%s.rels", dir, slash ? slash + 1 : main_part);
    FG_TRY(fg_docx__load_part(&d.pkg, main_part, &doc));
    if (doc == NULL && strcmp(main_part, "word/document.xml") != 0) {
        snprintf(main_part, sizeof main_part, "word/document.xml");
        snprintf(dir, sizeof dir, "word/");
        snprintf(rels_part, sizeof rels_part, "word/_rels/document.xml.rels");
        FG_TRY(fg_docx__load_part(&d.pkg, main_part, &doc));
    }
    if (doc == NULL) {
        rc = fg_docx__bad(rd->name, "no word/document.xml in the ZIP archive");
        goto out;
    }
    FG_TRY(fg_docx__load_part(&d.pkg, rels_part, &doc_rels));
    FG_TRY(load_related(&d, doc_rels, dir, "/numbering", "word/numbering.xml", &numbering));
    FG_TRY(load_related(&d, doc_rels, dir, "/styles", "word/styles.xml", &styles));
    FG_TRY(load_related(&d, doc_rels, dir, "/footnotes", "word/footnotes.xml", &foot));
    FG_TRY(load_related(&d, doc_rels, dir, "/endnotes", "word/endnotes.xml", &end));
    FG_TRY(fg_docx__num_load(&d.num, numbering, styles));
    FG_TRY(load_notes(&d.foot, foot, "footnote"));
    FG_TRY(load_notes(&d.end, end, "endnote"));
    body = fg_docx__child(xmlDocGetRootElement(doc), "body");
    if (!fg_docx__is(xmlDocGetRootElement(doc), "document") || body == NULL) {
        rc = fg_docx__bad(rd->name, "%s has no w:document/w:body", main_part);
        goto out;
    }
    FG_TRY(find_declaration(&d, body, &d.mark, 0));
    if (foot != NULL)
        FG_TRY(find_declaration(&d, xmlDocGetRootElement(foot), &d.mark, 0));
    if (end != NULL)
        FG_TRY(find_declaration(&d, xmlDocGetRootElement(end), &d.mark, 0));
    d.styles = styles;
    FG_TRY(blocks(&d, body, 0));
out:
    fg_docx__close(&d.pkg);
    xmlFreeDoc(rels);
    xmlFreeDoc(doc_rels);
    xmlFreeDoc(doc);
    xmlFreeDoc(numbering);
    xmlFreeDoc(styles);
    xmlFreeDoc(foot);
    xmlFreeDoc(end);
    fg_docx__num_free(d.num);
    free(d.foot.v);
    free(d.end.v);
    fg_str_dispose(&d.scratch);
    fg_str_dispose(&d.held.buf);
    return rc;
}

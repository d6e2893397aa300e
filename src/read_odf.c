/*
 * The OpenDocument reader (reader.h): a text document (.odt, .ott, or the flat XML .fodt) or a
 * spreadsheet (.ods, .fods), as LibreOffice, WPS or Kylin's office suites save them, into the
 * text builder.
 *
 * Text documents: office:body/office:text in document order.
 * - text:p and text:h are lines. A list's numbers exist only in its list style (ODF numbers
 *   by counting), so they are written before the paragraph as printed: the level's
 *   style:num-format (1, 一, 二, 三, ..., ①, ②, ③, ..., 壹, 贰, 叁, ..., a, i …) with its
 *   style:num-prefix and style:num-suffix and text:display-levels, or LibreOffice's
 *   loext:num-list-format ("（%2%）"), then a blank unless the label is followed by nothing or
 *   the number ends in full-width punctuation (as the Word readers write Word's numbers).
 *   Counters belong to a list and the lists that continue it (text:continue-list, or
 *   text:continue-numbering for the last list); a list item counts at its level when it
 *   opens with a paragraph; one that opens with a deeper list (LibreOffice wraps deeper items
 *   so) only begins its level, as a skipped level begins in Word; text:start-value restarts.
 *   Headings are numbered by the outline style (text:outline-style)
 *   at their text:outline-level when it has a number format.
 * - Tables go to the builder: table:number-columns-spanned is a span, the covered cells
 *   under a cell with table:number-rows-spanned are merged cells; nested tables are
 *   flattened by the builder.
 * - Notes (text:note: footnotes, endnotes) and frames (draw:frame's text boxes) are written
 *   after the paragraph that holds them, as paragraphs of their own.
 * - text:s is its blanks, text:tab '\t', text:line-break '\n'; fields show their text.
 * - Not read: tracked changes' deleted text (text:tracked-changes), annotations, hidden text
 *   and paragraphs, sections shown as none, tables of contents and indexes (they repeat the
 *   headings with page numbers), placeholders, headers and footers (in styles.xml).
 * - Lead marks by formatting: when a paragraph declares that bold, red or 黑体 type marks
 *   leads (fg_clause__format_declaration()), a unit name in text so formatted (an automatic
 *   or named text style, or the paragraph's style: fo:font-weight bold, fo:color red, a 黑体
 *   font) gets ★ after it (fg_rd_marked_text()) in a paragraph or cell that holds plain text
 *   too, or in a cell all so formatted when its table has such a cell and its row plain text:
 *   the rule of the Word reader.
 * Spreadsheets: every visible table (sheet) as a table, its name first when it names an annex
 * (附件2, 附表1), as the workbook reader does; repeated rows and columns are written at most
 * MAX_REPEAT times, empty trailing cells and empty rows not at all, a date cell whose text
 * shows no year, month or day in Chinese as 2024年6月30日 (from office:date-value).
 *
 * Safety: the ZIP is read from memory as the DOCX reader reads it (read_docx_zip.c: inflate
 * limits, no DTD, no entities, no network); nesting deeper than MAX_DEPTH is refused.
 */
#define _GNU_SOURCE /* memmem */
#include "reader.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "error.h"
#include "grow.h"
#include "read_docx_int.h"
#include "read_xlsx_int.h"

#define MAX_DEPTH 100  /* lists, tables, sections, frames */
#define N_LVL 10       /* ODF list levels */
#define MAX_REPEAT 64  /* copies of a repeated row or cell written */
#define MAX_COLS FG_XLSX_MAX_COLS
#define MAX_BLANKS 64  /* of a text:s */

static const char ns_text[] = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
static const char ns_table[] = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
static const char ns_office[] = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
static const char ns_style[] = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
static const char ns_fo[] = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
static const char ns_draw[] = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
static const char ns_svg[] = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
static const char ns_loext[] =
    "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0";
static const char ns_xml[] = "http://www.w3.org/XML/1998/namespace";

/* The counters of a list and of the lists that continue it. */
typedef struct chain {
    const char *style; /* the list style's name (borrowed from the tree), or NULL */
    long count[N_LVL];
    bool has[N_LVL];
} chain;

/* A list's xml:id and the chain it counts in. */
typedef struct list_id {
    const char *id;
    size_t chain;
} list_id;

/* A covered cell's column below a cell spanning rows: rows still covered, columns spanned. */
typedef struct vspan {
    long rows;
    unsigned cols;
} vspan;

/* A cell held back until the row shows text after it (empty trailing cells are dropped). */
typedef struct pending {
    unsigned span;
    bool merged;
} pending;

typedef struct odf {
    fg_rd *rd;
    fg_docx_pkg pkg;
    xmlDoc *content, *styles; /* styles NULL in a flat document (content holds all) */
    bool sheet;               /* a spreadsheet */
    chain *chains;
    size_t n_chains, cap_chains;
    list_id *ids;
    size_t n_ids, cap_ids;
    long outline[N_LVL];
    bool outline_has[N_LVL];
    fg_str num;     /* a number being written */
    fg_str scratch; /* a text node's text after white-space processing */
    bool blank;     /* the open paragraph is empty or ends in a collapsed blank */
    /* lead marks by formatting (as read_docx.c) */
    unsigned mark;       /* FG_RD_MARK_* declared */
    bool marking;        /* the open cell or paragraph mixes marked and plain text */
    bool table_mixed;    /* the open table has such a cell */
    bool row_plain;      /* the open row holds text not in the declared formatting */
    fg_rd_held held;     /* the open span's text, held while it is marked */
    fg_mark_tree tree;   /* the rule's view of the document (fg_mark_mixed()) */
} odf;

/* ---- the tree ---- */

static bool is(const xmlNode *n, const char *ns, const char *local)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL && n->ns->href != NULL &&
           strcmp((const char *)n->ns->href, ns) == 0 && strcmp((const char *)n->name, local) == 0;
}

static bool in_ns(const xmlNode *n, const char *ns)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL && n->ns->href != NULL &&
           strcmp((const char *)n->ns->href, ns) == 0;
}

/* The value of the attribute ns:local of n, or NULL; owned by the tree. */
static const char *attr(const xmlNode *n, const char *ns, const char *local)
{
    const xmlAttr *a = n ? xmlHasNsProp(n, (const xmlChar *)local, (const xmlChar *)ns) : NULL;

    if (a == NULL || a->type != XML_ATTRIBUTE_NODE || a->children == NULL ||
        a->children->content == NULL)
        return NULL;
    return (const char *)a->children->content;
}

static const xmlNode *child(const xmlNode *n, const char *ns, const char *local)
{
    for (const xmlNode *c = n ? n->children : NULL; c != NULL; c = c->next)
        if (is(c, ns, local))
            return c;
    return NULL;
}

static const xmlNode *first_element(const xmlNode *n)
{
    for (const xmlNode *c = n ? n->children : NULL; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

/* A whole number attribute, clamped to [lo, hi]; def when absent or not a number. */
static long num_attr(const xmlNode *n, const char *ns, const char *local, long def, long lo,
                     long hi)
{
    const char *v = attr(n, ns, local);
    char *end;
    long x;

    if (v == NULL)
        return def;
    x = strtol(v, &end, 10);
    if (end == v)
        return def;
    return x < lo ? lo : x > hi ? hi : x;
}

static int too_deep(const odf *o)
{
    return fg_error_set(FG_EFORMAT, "%s: not a readable %s: nested more than %d deep",
                        o->rd->name, o->pkg.kind, MAX_DEPTH);
}

/* ---- styles ---- */

/* The style containers of the documents: office:styles, office:automatic-styles. */
static const xmlNode *find_style(const odf *o, const char *local, const char *name)
{
    const xmlDoc *docs[2] = {o->content, o->styles};

    if (name == NULL)
        return NULL;
    for (size_t d = 0; d < 2; d++) {
        const xmlNode *root = docs[d] ? xmlDocGetRootElement(docs[d]) : NULL;

        for (const xmlNode *sec = root ? root->children : NULL; sec; sec = sec->next) {
            if (!is(sec, ns_office, "styles") && !is(sec, ns_office, "automatic-styles"))
                continue;
            for (const xmlNode *s = sec->children; s != NULL; s = s->next) {
                const char *sn = is(s, local[0] == 'l' ? ns_text : ns_style, local)
                                     ? attr(s, ns_style, "name")
                                     : NULL;

                if (sn != NULL && strcmp(sn, name) == 0)
                    return s;
            }
        }
    }
    return NULL;
}

/* The outline style (text:outline-style), or NULL. */
static const xmlNode *outline_style(const odf *o)
{
    const xmlDoc *docs[2] = {o->styles, o->content};

    for (size_t d = 0; d < 2; d++) {
        const xmlNode *root = docs[d] ? xmlDocGetRootElement(docs[d]) : NULL;
        const xmlNode *st = child(root, ns_office, "styles");
        const xmlNode *ol = child(st, ns_text, "outline-style");

        if (ol != NULL)
            return ol;
    }
    return NULL;
}

/* The level style of level l (0-based) of a list or outline style, or NULL. */
static const xmlNode *level_style(const xmlNode *ls, int l)
{
    for (const xmlNode *c = ls ? ls->children : NULL; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && num_attr(c, ns_text, "level", 0, 0, 99) == l + 1)
            return c;
    return NULL;
}

/* A style:num-format: the Western ones by letter, LibreOffice's CJK ones ("一, 二, 三, ...")
 * by their first characters; "" is no number. */
static fg_docx_fmt num_format(const char *f)
{
    static const struct {
        const char *head;
        fg_docx_fmt fmt;
    } cjk[] = {
        {"壹, 貳", FG_DOCX_LEGAL_TRADITIONAL}, {"壹", FG_DOCX_CHINESE_LEGAL},
        {"一", FG_DOCX_CHINESE_COUNTING},      {"〇", FG_DOCX_IDEO_DIGITAL},
        {"①", FG_DOCX_ENCLOSED_CIRCLE},       {"⑴", FG_DOCX_ENCLOSED_PAREN},
        {"⒈", FG_DOCX_ENCLOSED_FULLSTOP},      {"甲", FG_DOCX_IDEO_TRADITIONAL},
        {"子", FG_DOCX_IDEO_ZODIAC},           {"１", FG_DOCX_DECIMAL_FULLWIDTH},
        {"01", FG_DOCX_DECIMAL_ZERO},
    };

    if (f == NULL || f[0] == '\0')
        return FG_DOCX_NONE;
    if (strcmp(f, "a") == 0)
        return FG_DOCX_LOWER_LETTER;
    if (strcmp(f, "A") == 0)
        return FG_DOCX_UPPER_LETTER;
    if (strcmp(f, "i") == 0)
        return FG_DOCX_LOWER_ROMAN;
    if (strcmp(f, "I") == 0)
        return FG_DOCX_UPPER_ROMAN;
    for (size_t k = 0; k < sizeof cjk / sizeof *cjk; k++)
        if (strncmp(f, cjk[k].head, strlen(cjk[k].head)) == 0)
            return cjk[k].fmt;
    return FG_DOCX_DECIMAL;
}

/* The format of a level style: none for a bullet or an image. */
static fg_docx_fmt level_format(const xmlNode *lv)
{
    if (lv == NULL || !(is(lv, ns_text, "list-level-style-number") ||
                        is(lv, ns_text, "outline-level-style")))
        return FG_DOCX_NONE;
    return num_format(attr(lv, ns_style, "num-format"));
}

static long level_start(const xmlNode *lv)
{
    return num_attr(lv, ns_text, "start-value", 1, 0, 1000000000L);
}

/* Whether nothing follows a level's label (text:label-followed-by="nothing"). */
static bool label_alone(const xmlNode *lv)
{
    const xmlNode *props = child(lv, ns_style, "list-level-properties");
    const xmlNode *al = child(props, ns_style, "list-level-label-alignment");
    const char *f = attr(al, ns_text, "label-followed-by");

    return f != NULL && strcmp(f, "nothing") == 0;
}

/* Append the number of level l of the list style ls as printed, its counters count/has. */
static int write_number(fg_str *out, const xmlNode *ls, int l, const long *count, const bool *has)
{
    const xmlNode *lv = level_style(ls, l);
    const char *tmpl = attr(lv, ns_loext, "num-list-format");
    size_t from = out->len;
    int rc = FG_OK;

    if (level_format(lv) == FG_DOCX_NONE)
        return FG_OK;
    if (tmpl != NULL) {
        for (const char *p = tmpl; *p; p++) {
            if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
                int k = p[1] - '1' + (p[2] == '0' && p[1] == '1' ? 9 : 0);
                const char *close = strchr(p + 1, '%');

                if (k < N_LVL && close != NULL) {
                    const xmlNode *kv = level_style(ls, k);

                    FG_TRY(fg_docx__format(out, level_format(kv),
                                           has[k] ? count[k] : level_start(kv)));
                    p = close;
                    continue;
                }
            }
            FG_TRY(fg_str_appendc(out, *p));
        }
    } else {
        const char *pre = attr(lv, ns_style, "num-prefix");
        const char *suf = attr(lv, ns_style, "num-suffix");
        long shown = num_attr(lv, ns_text, "display-levels", 1, 1, l + 1);

        if (pre != NULL)
            FG_TRY(fg_str_append(out, pre, strlen(pre)));
        for (int k = l + 1 - (int)shown; k <= l; k++) {
            const xmlNode *kv = level_style(ls, k);

            if (k > l + 1 - (int)shown)
                FG_TRY(fg_str_appendc(out, '.'));
            FG_TRY(fg_docx__format(out, level_format(kv), has[k] ? count[k] : level_start(kv)));
        }
        if (suf != NULL)
            FG_TRY(fg_str_append(out, suf, strlen(suf)));
    }
    if (out->len > from && !label_alone(lv) && !fg_docx__ends_fullwidth_punct(out))
        FG_TRY(fg_str_appendc(out, ' '));
out:
    return rc;
}

/* Count a paragraph at level l (start: a text:start-value, or -1) in count/has. */
static void count_at(const xmlNode *ls, long *count, bool *has, int l, long start)
{
    if (start >= 0)
        count[l] = start;
    else if (has[l] && count[l] < 2000000000L)
        count[l]++;
    else if (!has[l])
        count[l] = level_start(level_style(ls, l));
    has[l] = true;
    for (int k = l + 1; k < N_LVL; k++)
        has[k] = false;
}

/* ---- lead marks by formatting ---- */

/* Whether an fo:color (#rrggbb) is red: red well above green and blue (as read_docx.c). */
static bool red_color(const char *v)
{
    unsigned r, g, b;

    if (v == NULL || strlen(v) != 7 || v[0] != '#' || sscanf(v + 1, "%2x%2x%2x", &r, &g, &b) != 3)
        return false;
    return fg_rd_red_rgb(r, g, b);
}

/* Whether a font name (a style:font-name, or the family of its font face) is heavy. */
static bool heavy_font(const odf *o, const char *name)
{
    const xmlDoc *docs[2] = {o->content, o->styles};

    if (name == NULL)
        return false;
    if (fg_rd_heavy_face(name))
        return true;
    for (size_t d = 0; d < 2; d++) {
        const xmlNode *root = docs[d] ? xmlDocGetRootElement(docs[d]) : NULL;
        const xmlNode *faces = child(root, ns_office, "font-face-decls");

        for (const xmlNode *f = faces ? faces->children : NULL; f != NULL; f = f->next) {
            const char *fn = is(f, ns_style, "font-face") ? attr(f, ns_style, "name") : NULL;
            const char *fam = fn && strcmp(fn, name) == 0 ? attr(f, ns_svg, "font-family") : NULL;

            if (fam != NULL && fg_rd_heavy_face(fam))
                return true;
        }
    }
    return false;
}

/* fmt as the text properties of a style set or clear it. */
static unsigned props_fmt(const odf *o, const xmlNode *tp, unsigned fmt)
{
    static const char *const weights[][2] = {{ns_fo, "font-weight"},
                                             {ns_style, "font-weight-asian"}};
    static const char *const fonts[] = {"font-name-asian", "font-name"};
    const char *color = attr(tp, ns_fo, "color");

    if (tp == NULL)
        return fmt;
    for (size_t k = 0; k < 2; k++) {
        const char *w = attr(tp, weights[k][0], weights[k][1]);

        if (w != NULL)
            fmt = strcmp(w, "bold") == 0 || atoi(w) >= 600 ? fmt | FG_RD_MARK_BOLD
                                                           : fmt & ~FG_RD_MARK_BOLD;
    }
    for (size_t k = 0; k < 2; k++)
        if (heavy_font(o, attr(tp, ns_style, fonts[k])))
            fmt |= FG_RD_MARK_BOLD;
    if (color != NULL)
        fmt = red_color(color) ? fmt | FG_RD_MARK_RED : fmt & ~FG_RD_MARK_RED;
    return fmt;
}

/* fmt as the style named name of family (and its parents, 10 deep) sets it. */
static unsigned style_fmt(const odf *o, const char *name, unsigned fmt, int depth)
{
    const xmlNode *s = depth > 10 ? NULL : find_style(o, "style", name);

    if (s == NULL)
        return fmt;
    fmt = style_fmt(o, attr(s, ns_style, "parent-style-name"), fmt, depth + 1);
    return props_fmt(o, child(s, ns_style, "text-properties"), fmt);
}

static bool has_ideograph(const xmlNode *t)
{
    return t->content != NULL &&
           fg_rd_has_ideograph((const char *)t->content, strlen((const char *)t->content));
}

/* Whether the text under n (spans' styles from fmt on) holds ideographs in the declared
 * formatting (*marked) and outside it (*plain). */
static void scan_fmt(const odf *o, const xmlNode *n, unsigned fmt, bool *marked, bool *plain,
                     int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            if (has_ideograph(c))
                *(fmt & o->mark ? marked : plain) = true;
        } else if (is(c, ns_text, "p") || is(c, ns_text, "h")) {
            scan_fmt(o, c, style_fmt(o, attr(c, ns_text, "style-name"), 0, 0), marked, plain,
                     depth + 1);
        } else if (is(c, ns_text, "span")) {
            scan_fmt(o, c, style_fmt(o, attr(c, ns_text, "style-name"), fmt, 0), marked, plain,
                     depth + 1);
        } else if (c->type == XML_ELEMENT_NODE && !is(c, ns_table, "table") &&
                   !is(c, ns_office, "annotation") && !is(c, ns_text, "note")) {
            scan_fmt(o, c, fmt, marked, plain, depth + 1);
        }
    }
}

/* Whether a cell or paragraph holds ideographs in the declared formatting (*marked) and
 * outside it (*plain) (fg_mark_tree's fmt_of). */
static void fmt_of(const void *reader, const xmlNode *n, bool *marked, bool *plain)
{
    const odf *o = reader;

    *marked = false;
    *plain = false;
    if (is(n, ns_text, "p") || is(n, ns_text, "h"))
        scan_fmt(o, n, style_fmt(o, attr(n, ns_text, "style-name"), 0, 0), marked, plain, 0);
    else
        scan_fmt(o, n, 0, marked, plain, 0);
}

static bool is_cell(const xmlNode *n)
{
    return is(n, ns_table, "table-cell");
}

static bool is_table(const xmlNode *n)
{
    return is(n, ns_table, "table");
}

/* Append the text of the paragraphs under n, a line each (for declarations). */
static int collect_text(fg_str *out, const xmlNode *n, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return FG_OK;
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != NULL)
            FG_TRY(fg_str_append(out, (const char *)c->content,
                                 strlen((const char *)c->content)));
        else if (c->type == XML_ELEMENT_NODE)
            FG_TRY(collect_text(out, c, depth + 1));
        if (is(c, ns_text, "p") || is(c, ns_text, "h"))
            FG_TRY(fg_str_appendc(out, '\n'));
    }
out:
    return rc;
}

/* The FG_RD_MARK_* bits the document's paragraphs declare. */
static int find_declaration(odf *o, const xmlNode *body)
{
    fg_str all = FG_STR_INIT;
    int rc = FG_OK;

    FG_TRY(collect_text(&all, body, 0));
    for (size_t at = 0; at < all.len;) {
        const char *nl = memchr(all.ptr + at, '\n', all.len - at);
        size_t end = nl ? (size_t)(nl - all.ptr) : all.len;

        o->mark |= fg_clause__format_declaration((fg_strview){all.ptr + at, end - at});
        at = end + 1;
    }
out:
    fg_str_dispose(&all);
    return rc;
}

/* ---- text ---- */

static int text(odf *o, const char *s, size_t len)
{
    return len == 0 ? FG_OK : fg_rd_held_text(o->rd, &o->held, s, len);
}

/* What a paragraph writes after itself: its notes and frames, in order. */
typedef struct deferred {
    const xmlNode **v;
    size_t n, cap;
} deferred;

static int defer(deferred *df, const xmlNode *n)
{
    int rc = FG_OK;

    FG_TRY(FG_GROW(df->v, df->cap, df->n, 4));
    df->v[df->n++] = n;
out:
    return rc;
}

/* Elements whose text is not the document's. */
static bool dropped(const xmlNode *c)
{
    static const char *const text_dropped[] = {
        "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls",
        "dde-connection-decls", "table-of-content", "illustration-index", "table-index",
        "object-index", "user-index", "alphabetical-index", "bibliography", "hidden-text",
        "hidden-paragraph", "placeholder", "note-citation", "ruby-text", "number",
        "soft-page-break", "change", "change-start", "change-end", "bookmark", "bookmark-start",
        "bookmark-end", "reference-mark", "reference-mark-start", "reference-mark-end",
        "alphabetical-index-mark", "toc-mark", "user-index-mark"};
    const char *d;

    if (is(c, ns_office, "annotation") || is(c, ns_office, "annotation-end") ||
        is(c, ns_office, "forms") || is(c, ns_table, "table-columns") ||
        is(c, ns_table, "table-column") || is(c, ns_table, "table-column-group") ||
        is(c, ns_table, "named-expressions") || is(c, ns_table, "database-ranges") ||
        is(c, ns_table, "calculation-settings") || is(c, ns_table, "content-validations"))
        return true;
    if (!in_ns(c, ns_text))
        return false;
    for (size_t k = 0; k < sizeof text_dropped / sizeof *text_dropped; k++)
        if (strcmp((const char *)c->name, text_dropped[k]) == 0)
            return true;
    d = attr(c, ns_text, "display");
    return is(c, ns_text, "section") && d != NULL && strcmp(d, "none") == 0;
}

/* ODF's white-space processing of a paragraph's text (s into o->scratch): a tab, line feed
 * or carriage return is a blank, a run of blanks one blank, and blanks at the paragraph's
 * start none (o->blank: the paragraph so far is empty or ends in such a blank). Blanks meant
 * as blanks are text:s. */
static int white_space(odf *o, const char *s)
{
    int rc = FG_OK;

    fg_str_clear(&o->scratch);
    for (; *s; s++) {
        bool ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';

        if (ws && o->blank)
            continue;
        FG_TRY(fg_str_appendc(&o->scratch, ws ? ' ' : *s));
        o->blank = ws;
    }
out:
    return rc;
}

/* The inline content of a paragraph; notes and frames go to df. fmt: the FG_RD_MARK_* bits
 * of the text at this point. */
static int inline_text(odf *o, const xmlNode *n, deferred *df, unsigned fmt, int depth)
{
    static const char blanks[MAX_BLANKS + 1] =
        "                                                                ";
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(o);
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != NULL) {
            bool marked = o->marking && (fmt & o->mark) != 0;

            if (marked != o->held.on) {
                if (!marked)
                    FG_TRY(fg_rd_held_flush(o->rd, &o->held));
                o->held.on = marked;
            }
            FG_TRY(white_space(o, (const char *)c->content));
            FG_TRY(text(o, o->scratch.ptr, o->scratch.len));
        } else if (c->type != XML_ELEMENT_NODE || dropped(c)) {
            continue;
        } else if (is(c, ns_text, "s")) {
            FG_TRY(text(o, blanks, (size_t)num_attr(c, ns_text, "c", 1, 1, MAX_BLANKS)));
            o->blank = false;
        } else if (is(c, ns_text, "tab")) {
            FG_TRY(text(o, "\t", 1));
            o->blank = false;
        } else if (is(c, ns_text, "line-break")) {
            FG_TRY(text(o, "\n", 1));
            o->blank = false;
        } else if (is(c, ns_text, "note") || in_ns(c, ns_draw)) {
            FG_TRY(defer(df, c));
        } else if (is(c, ns_text, "span")) {
            /* styles are looked up only when a note declares marks */
            unsigned span = o->mark ? style_fmt(o, attr(c, ns_text, "style-name"), fmt, 0) : 0;

            FG_TRY(inline_text(o, c, df, span, depth + 1));
        } else {
            FG_TRY(inline_text(o, c, df, fmt, depth + 1));
        }
    }
out:
    return rc;
}

static int node(odf *o, const xmlNode *n, size_t ch, int level, int depth);

/* The children of n, as block content; in a list item, ch and level are its list's. */
static int block(odf *o, const xmlNode *n, size_t ch, int level, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(o);
    for (const xmlNode *c = n->children; c != NULL; c = c->next)
        FG_TRY(node(o, c, ch, level, depth + 1));
out:
    return rc;
}

/* A paragraph or heading, after its number (in o->num, or empty). */
static int paragraph(odf *o, const xmlNode *p, int depth)
{
    deferred df = {0};
    unsigned fmt = o->mark ? style_fmt(o, attr(p, ns_text, "style-name"), 0, 0) : 0;
    bool marking = o->marking;
    int rc = FG_OK;

    if (o->num.len > 0) {
        FG_TRY(text(o, o->num.ptr, o->num.len));
        fg_str_clear(&o->num);
    } else {
        const xmlNode *cached = child(p, ns_text, "number"); /* a writer's cached number */

        if (cached != NULL)
            FG_TRY(inline_text(o, cached, &df, 0, depth + 1));
    }
    if (o->mark != 0 && o->rd->table_depth == 0)
        o->marking = fg_mark_mixed(&o->tree, p);
    o->blank = true;
    FG_TRY(inline_text(o, p, &df, fmt, depth + 1));
    FG_TRY(fg_rd_held_flush(o->rd, &o->held));
    o->marking = marking;
    FG_TRY(fg_rd_break(o->rd));
    for (size_t k = 0; k < df.n; k++) {
        const xmlNode *d = df.v[k];

        FG_TRY(block(o, is(d, ns_text, "note") ? child(d, ns_text, "note-body") : d, SIZE_MAX, 0,
                     depth + 1));
    }
out:
    free(df.v);
    return rc;
}

/* The chain a top-level list counts in: the one it continues, or a new one. */
static int list_chain(odf *o, const xmlNode *list, size_t *out)
{
    const char *id = attr(list, ns_xml, "id");
    const char *cont = attr(list, ns_text, "continue-list");
    const char *num = attr(list, ns_text, "continue-numbering");
    const char *style = attr(list, ns_text, "style-name");
    size_t ch = SIZE_MAX;
    int rc = FG_OK;

    for (size_t k = 0; cont != NULL && k < o->n_ids; k++)
        if (strcmp(o->ids[k].id, cont) == 0)
            ch = o->ids[k].chain;
    if (ch == SIZE_MAX && num != NULL && strcmp(num, "true") == 0)
        for (size_t k = o->n_chains; k-- > 0 && ch == SIZE_MAX;)
            if (style == NULL || o->chains[k].style == NULL ||
                strcmp(o->chains[k].style, style) == 0)
                ch = k;
    if (ch == SIZE_MAX) {
        FG_TRY(FG_GROW(o->chains, o->cap_chains, o->n_chains, 8));
        memset(&o->chains[o->n_chains], 0, sizeof *o->chains);
        o->chains[o->n_chains].style = style;
        ch = o->n_chains++;
    } else if (style != NULL) {
        o->chains[ch].style = style;
    }
    if (id != NULL) {
        FG_TRY(FG_GROW(o->ids, o->cap_ids, o->n_ids, 8));
        o->ids[o->n_ids++] = (list_id){id, ch};
    }
    *out = ch;
out:
    return rc;
}

/* A list at level (0 the outermost) of chain ch (SIZE_MAX: a new top-level list). */
static int list(odf *o, const xmlNode *n, size_t ch, int level, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(o);
    if (ch == SIZE_MAX)
        FG_TRY(list_chain(o, n, &ch));
    for (const xmlNode *item = n->children; item != NULL; item = item->next) {
        const xmlNode *first = first_element(item);

        if (is(item, ns_text, "list-item") && first != NULL &&
            (is(first, ns_text, "p") || is(first, ns_text, "h")) && level < N_LVL) {
            chain *c = &o->chains[ch];
            const xmlNode *ls = find_style(o, "list-style", c->style);
            long start = num_attr(item, ns_text, "start-value", -1, 0, 1000000000L);

            count_at(ls, c->count, c->has, level, start);
            fg_str_clear(&o->num);
            FG_TRY(write_number(&o->num, ls, level, c->count, c->has));
            FG_TRY(paragraph(o, first, depth + 1));
            for (const xmlNode *c2 = first->next; c2 != NULL; c2 = c2->next)
                FG_TRY(node(o, c2, ch, level + 1, depth + 1));
        } else if (is(item, ns_text, "list-item") || is(item, ns_text, "list-header")) {
            chain *c = &o->chains[ch];

            /* an item that opens with a deeper list numbers nothing, but its level has begun
             * (at its start, unless counted before): the deeper list's next sibling at this
             * level counts on from it, as LibreOffice and Word number skipped levels */
            if (is(item, ns_text, "list-item") && level < N_LVL && !c->has[level]) {
                c->count[level] = level_start(level_style(
                    find_style(o, "list-style", c->style), level));
                c->has[level] = true;
            }
            FG_TRY(block(o, item, ch, level + 1, depth + 1));
        }
    }
out:
    return rc;
}

/* A heading's outline number, into o->num. */
static int outline_number(odf *o, const xmlNode *h)
{
    const xmlNode *ol = outline_style(o);
    long l = num_attr(h, ns_text, "outline-level", 0, 0, N_LVL) - 1;
    const char *header = attr(h, ns_text, "is-list-header");
    const char *restart = attr(h, ns_text, "restart-numbering");
    long start = -1;

    if (ol == NULL || l < 0 || (header != NULL && strcmp(header, "true") == 0))
        return FG_OK;
    if (restart != NULL && strcmp(restart, "true") == 0)
        start = num_attr(h, ns_text, "start-value", 1, 0, 1000000000L);
    count_at(ol, o->outline, o->outline_has, (int)l, start);
    return write_number(&o->num, ol, (int)l, o->outline, o->outline_has);
}

/* ---- tables ---- */

/* Whether n holds text, or a list whose numbers are text when written. */
static bool has_text(const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return false;
    if (is(n, ns_text, "list-item"))
        return true;
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != NULL) {
            for (const char *p = (const char *)c->content; *p; p++)
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                    return true;
        } else if (c->type == XML_ELEMENT_NODE && !dropped(c) && has_text(c, depth + 1)) {
            return true;
        }
    }
    return false;
}

/* A spreadsheet's date cell whose text shows no date in Chinese: its value as 年月日. */
static bool date_cell(odf *o, const xmlNode *cell)
{
    const char *type = attr(cell, ns_office, "value-type");
    const char *v = attr(cell, ns_office, "date-value");
    fg_str shown = FG_STR_INIT;
    int y, m, d;
    char buf[64];
    bool chinese;

    if (!o->sheet || type == NULL || strcmp(type, "date") != 0 || v == NULL ||
        sscanf(v, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return false;
    if (collect_text(&shown, cell, 0) != FG_OK) {
        fg_str_dispose(&shown);
        return false;
    }
    chinese = shown.len > 0 && (strstr(shown.ptr, "年") || strstr(shown.ptr, "月"));
    fg_str_dispose(&shown);
    if (chinese)
        return false;
    snprintf(buf, sizeof buf, "%d年%d月%d日", y, m, d);
    return fg_rd_text(o->rd, buf, strlen(buf)) == FG_OK;
}

typedef struct row_state {
    vspan v[MAX_COLS];
    pending held[MAX_COLS];
    size_t n_held;
    bool open;
} row_state;

/* A cell to write: the cells held back first, the row opened. */
static int cell_begin(odf *o, row_state *rs, unsigned span, bool merged)
{
    int rc = FG_OK;

    if (!rs->open) {
        FG_TRY(fg_rd_row_begin(o->rd));
        rs->open = true;
    }
    for (size_t k = 0; k < rs->n_held; k++) {
        FG_TRY(fg_rd_cell_begin(o->rd, rs->held[k].span, rs->held[k].merged));
        FG_TRY(fg_rd_cell_end(o->rd));
    }
    rs->n_held = 0;
    FG_TRY(fg_rd_cell_begin(o->rd, span, merged));
out:
    return rc;
}

static void hold(row_state *rs, unsigned span, bool merged)
{
    if (rs->n_held < MAX_COLS)
        rs->held[rs->n_held++] = (pending){span, merged};
}

static int table(odf *o, const xmlNode *t, int depth);

/* One row of a table (written repeat times). */
static int row(odf *o, row_state *rs, const xmlNode *r, int depth)
{
    long col = 0;
    long hskip = 0; /* covered cells still to pass in this row, beside a spanning cell */
    int rc = FG_OK;

    rs->n_held = 0;
    rs->open = false;
    o->row_plain = false;
    if (o->mark != 0) {
        bool marked;

        fmt_of(o, r, &marked, &o->row_plain);
    }
    for (const xmlNode *c = r->children; c != NULL; c = c->next) {
        bool covered = is(c, ns_table, "covered-table-cell");
        long rep;

        if (!covered && !is(c, ns_table, "table-cell"))
            continue;
        rep = num_attr(c, ns_table, "number-columns-repeated", 1, 1, MAX_COLS);
        for (long k = 0; k < rep && col < MAX_COLS; k++, col++) {
            if (covered) {
                vspan *v = &rs->v[col];

                if (hskip > 0) {
                    hskip--;
                } else if (v->rows > 0) { /* under a cell spanning rows: carries its text */
                    v->rows--;
                    FG_TRY(cell_begin(o, rs, v->cols, true));
                    FG_TRY(fg_rd_cell_end(o->rd));
                    hskip = (long)v->cols - 1;
                }
                continue;
            }
            long cols = num_attr(c, ns_table, "number-columns-spanned", 1, 1, MAX_COLS);
            long rows = num_attr(c, ns_table, "number-rows-spanned", 1, 1, 1000000L);

            rs->v[col] = (vspan){rows - 1, (unsigned)cols};
            hskip = cols - 1;
            if (!has_text(c, 0)) {
                hold(rs, (unsigned)cols, false);
                continue;
            }
            FG_TRY(cell_begin(o, rs, (unsigned)cols, false));
            if (o->mark != 0) {
                bool marked;
                bool plain;

                fmt_of(o, c, &marked, &plain);
                o->marking = marked && (plain || (o->table_mixed && o->row_plain));
            }
            if (!date_cell(o, c))
                FG_TRY(block(o, c, SIZE_MAX, 0, depth + 1));
            o->marking = false;
            FG_TRY(fg_rd_cell_end(o->rd));
        }
    }
    if (rs->open)
        FG_TRY(fg_rd_row_end(o->rd));
out:
    return rc;
}

/* The rows under n (a table, its header rows, row groups). */
static int rows(odf *o, row_state *rs, const xmlNode *n, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_DEPTH)
        return too_deep(o);
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (is(c, ns_table, "table-row")) {
            long rep = num_attr(c, ns_table, "number-rows-repeated", 1, 1, 1000000000L);

            if (rep > 1 && !has_text(c, 0))
                rep = 1; /* empty rows: written as none */
            for (long k = 0; k < rep && k < MAX_REPEAT; k++)
                FG_TRY(row(o, rs, c, depth + 1));
        } else if (is(c, ns_table, "table-header-rows") || is(c, ns_table, "table-rows") ||
                   is(c, ns_table, "table-row-group")) {
            FG_TRY(rows(o, rs, c, depth + 1));
        }
    }
out:
    return rc;
}

static int table(odf *o, const xmlNode *t, int depth)
{
    row_state *rs = calloc(1, sizeof *rs);
    bool mixed_before = o->table_mixed;
    bool plain_before = o->row_plain;
    bool marking = o->marking;
    int rc = FG_OK;

    FG_CHECK_ALLOC(rs);
    if (depth > MAX_DEPTH) {
        rc = too_deep(o);
        goto out;
    }
    o->table_mixed = o->mark != 0 && fg_mark_any_mixed_cell(&o->tree, t, MAX_DEPTH);
    FG_TRY(fg_rd_table_begin(o->rd));
    FG_TRY(rows(o, rs, t, depth + 1));
    FG_TRY(fg_rd_table_end(o->rd));
out:
    o->table_mixed = mixed_before;
    o->row_plain = plain_before;
    o->marking = marking;
    free(rs);
    return rc;
}

/* ---- the body ---- */

static int node(odf *o, const xmlNode *n, size_t ch, int level, int depth)
{
    if (n->type != XML_ELEMENT_NODE || dropped(n))
        return FG_OK;
    if (is(n, ns_text, "p"))
        return paragraph(o, n, depth);
    if (is(n, ns_text, "h")) {
        int rc = outline_number(o, n);

        return rc != FG_OK ? rc : paragraph(o, n, depth);
    }
    if (is(n, ns_text, "list"))
        return list(o, n, ch, ch == SIZE_MAX ? 0 : level, depth);
    if (is(n, ns_table, "table"))
        return table(o, n, depth);
    return block(o, n, SIZE_MAX, 0, depth);
}

/* A sheet hidden by its table style (table:display false). */
static bool hidden_sheet(const odf *o, const xmlNode *t)
{
    const xmlNode *s = find_style(o, "style", attr(t, ns_table, "style-name"));
    const char *d = attr(child(s, ns_style, "table-properties"), ns_table, "display");

    return d != NULL && strcmp(d, "false") == 0;
}

static int spreadsheet(odf *o, const xmlNode *body)
{
    int rc = FG_OK;

    for (const xmlNode *t = body->children; t != NULL; t = t->next) {
        const char *name = attr(t, ns_table, "name");

        if (!is(t, ns_table, "table") || hidden_sheet(o, t))
            continue;
        if (name != NULL && (strncmp(name, "附件", strlen("附件")) == 0 ||
                             strncmp(name, "附表", strlen("附表")) == 0)) {
            FG_TRY(fg_rd_text(o->rd, name, strlen(name)));
            FG_TRY(fg_rd_break(o->rd));
        }
        FG_TRY(table(o, t, 0));
    }
out:
    return rc;
}

static int read_body(odf *o)
{
    const xmlNode *root = xmlDocGetRootElement(o->content);
    const xmlNode *body = child(root, ns_office, "body");
    const xmlNode *text = child(body, ns_office, "text");
    const xmlNode *calc = child(body, ns_office, "spreadsheet");

    if (text == NULL && calc == NULL)
        return fg_docx__pkg_bad(&o->pkg, "%s", "no text or spreadsheet body (office:body)");
    o->sheet = text == NULL;
    if (o->sheet)
        return spreadsheet(o, calc);
    if (find_declaration(o, text) != FG_OK)
        return FG_ENOMEM;
    return block(o, text, SIZE_MAX, 0, 0);
}

/* Whether the bytes are a flat OpenDocument file (one XML document, office:document). */
bool fg_rd_is_flat_odf(const unsigned char *b, size_t len)
{
    size_t n = len < 4096 ? len : 4096;

    static const char root[] = "<office:document";
    static const char ns[] = "urn:oasis:names:tc:opendocument";

    return memmem(b, n, root, strlen(root)) != NULL && memmem(b, n, ns, strlen(ns)) != NULL;
}

int fg_read_odf(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    odf o = {0};
    int rc = FG_OK;

    o.rd = rd;
    o.tree = (fg_mark_tree){&o, is_cell, is_table, fmt_of};
    if (len >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
        FG_TRY(fg_docx__open_kind(&o.pkg, rd->name, "OpenDocument file", bytes, len));
        FG_TRY(fg_docx__load_part(&o.pkg, "content.xml", &o.content));
        if (o.content == NULL) {
            rc = fg_docx__pkg_bad(&o.pkg, "%s", "it has no content.xml");
            goto out;
        }
        FG_TRY(fg_docx__load_part(&o.pkg, "styles.xml", &o.styles));
    } else {
        fg_str buf = {(char *)bytes, len, len};

        o.pkg.name = rd->name;
        o.pkg.kind = "OpenDocument file";
        FG_TRY(fg_docx__parse(&o.pkg, "the flat document", &buf, &o.content));
    }
    rc = read_body(&o);
out:
    xmlFreeDoc(o.content);
    xmlFreeDoc(o.styles);
    if (o.pkg.za != NULL)
        fg_docx__close(&o.pkg);
    free(o.chains);
    free(o.ids);
    fg_str_dispose(&o.num);
    fg_str_dispose(&o.scratch);
    fg_str_dispose(&o.held.buf);
    return rc;
}

/*
 * The HTML reader's last step: the content block written into the text builder (read_html.c
 * tells how blocks, white space, links and tables are read).
 */
#define _GNU_SOURCE /* memmem */
#include "read_html_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "grow.h"

/* A cell's rowspan still to be carried down: rows below it, and its span. */
typedef struct pending {
    uint32_t rows;
    uint32_t span;
} pending;

/* Columns past this take no rowspan (the builder lays out 256 at most). */
#define MAX_PEND_COL 1024

typedef struct writer {
    fg_rd *rd;
    const fg_html_measure *m;
    xmlNode *root;
    uint32_t root_nl;
    /* white space: nothing yet on the line; a blank to write before the next text, whether
     * it held a line break; whether the last character written is a wide (CJK) one */
    bool line_start, pend_space, pend_nl, last_wide;
    unsigned pre; /* open <pre> elements */
    /* the open data table (data tables hold no tables, so there is one at most) */
    xmlNode *table;
    bool in_row, in_cell;
    size_t col; /* the column of the open row where the next cell starts */
    pending *pend;
    size_t n_pend;
    /* the open ordered lists, outermost first, and the number of each one's next item */
    const xmlNode *ol[16];
    long ol_next[16];
    size_t n_ol;
    /* lead marks by formatting (fg_clause__format_declaration()): the FG_RD_MARK_* bits the
     * page declares; the last container looked at and whether it mixes marked and plain
     * text; whether the open text is marked, and the marked text not yet written */
    unsigned mark;
    const xmlNode *box;
    bool box_mixed;
    const xmlNode *mix_table; /* the data table table_mixed tells of */
    bool table_mixed;         /* a cell of it mixes marked and plain text */
    fg_rd_held held;
    /* the rules of the page's style sheets that set the formatting of a class (css_rule) */
    struct css_rule *rules;
    size_t n_rules, cap_rules;
} writer;

/* The length of the white space character at s[i], 0 if there is none. In a data table's
 * cell a no-break space is white space too: &nbsp; is how pages write an empty cell. */
static size_t ws_len(const writer *w, const unsigned char *s, size_t i, size_t len)
{
    unsigned char c = s[i];

    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        return 1;
    if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0 && w->in_cell)
        return 2;
    return 0;
}

/* The code point at s (valid UTF-8, from read_html_enc.c and libxml2). */
static uint32_t cp_at(const unsigned char *s)
{
    if (s[0] < 0x80)
        return s[0];
    if (s[0] < 0xE0)
        return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    if (s[0] < 0xF0)
        return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
           (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

/* CJK characters and punctuation, full-width forms: a source line break between two of
 * them is no blank (CSS Text 3 segment break transformation). */
static bool is_wide(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

static uint32_t last_cp(const unsigned char *s, size_t len)
{
    size_t i = len - 1;

    while (i > 0 && (s[i] & 0xC0) == 0x80)
        i--;
    return cp_at(s + i);
}

static int line_break(writer *w)
{
    int rc = FG_OK;

    FG_TRY(fg_rd_held_flush(w->rd, &w->held));
    w->line_start = true;
    w->pend_space = false;
    w->pend_nl = false;
    rc = fg_rd_break(w->rd);
out:
    return rc;
}

static int put(writer *w, const unsigned char *s, size_t len)
{
    w->line_start = false;
    w->last_wide = is_wide(last_cp(s, len));
    return fg_rd_held_text(w->rd, &w->held, (const char *)s, len);
}

static int write_text(writer *w, const unsigned char *s, size_t len)
{
    int rc = FG_OK;
    size_t i = 0;

    if ((w->table != NULL && !w->in_cell) || len == 0)
        return FG_OK; /* text between a data table's cells */
    if (w->pre > 0) {
        if (w->pend_space)
            FG_TRY(put(w, (const unsigned char *)" ", 1));
        w->pend_space = false;
        FG_TRY(put(w, s, len));
        w->line_start = s[len - 1] == '\n';
        return FG_OK;
    }
    while (i < len) {
        size_t j = i;

        size_t k;

        if (ws_len(w, s, i, len) > 0) {
            bool nl = false;

            for (; j < len && (k = ws_len(w, s, j, len)) > 0; j += k)
                nl = nl || s[j] == '\n';
            if (!w->line_start) {
                w->pend_space = true;
                w->pend_nl = w->pend_nl || nl;
            }
            i = j;
            continue;
        }
        while (j < len && ws_len(w, s, j, len) == 0)
            j++;
        if (w->pend_space && !(w->pend_nl && w->last_wide && is_wide(cp_at(s + i))))
            FG_TRY(put(w, (const unsigned char *)" ", 1));
        w->pend_space = false;
        w->pend_nl = false;
        FG_TRY(put(w, s + i, j - i));
        i = j;
    }
out:
    return rc;
}

/* ---- data tables ---- */

/* A span attribute's value: digits, else dflt; 0 is zero_as; clamped to [1, max]. */
static uint32_t span_attr(const xmlNode *n, const char *name, uint32_t zero_as, uint32_t max)
{
    const char *v = fg_read_html__attr(n, name);
    uint32_t x = 0;

    if (v == NULL)
        return 1;
    while (*v == ' ')
        v++;
    if (*v < '0' || *v > '9')
        return 1;
    for (; *v >= '0' && *v <= '9'; v++)
        x = x > max ? x : x * 10 + (uint32_t)(*v - '0');
    if (x == 0)
        x = zero_as;
    return x > max ? max : x;
}

static int empty_cell(writer *w, uint32_t span, bool merged)
{
    int rc = FG_OK;

    FG_TRY(fg_rd_cell_begin(w->rd, span, merged));
    FG_TRY(fg_rd_cell_end(w->rd));
    w->col += span;
out:
    return rc;
}

/* The merged cells of rowspans from above that start at the open row's next column. */
static int carry_down(writer *w)
{
    int rc = FG_OK;

    while (w->col < w->n_pend && w->pend[w->col].rows > 0) {
        pending *p = &w->pend[w->col];

        p->rows--;
        FG_TRY(empty_cell(w, p->span, true));
    }
out:
    return rc;
}

static int row_begin(writer *w)
{
    int rc = FG_OK;

    FG_TRY(fg_rd_row_begin(w->rd));
    w->in_row = true;
    w->col = 0;
    FG_TRY(carry_down(w));
out:
    return rc;
}

static int cell_end(writer *w)
{
    int rc = FG_OK;

    FG_TRY(fg_rd_held_flush(w->rd, &w->held));
    w->in_cell = false;
    w->line_start = true;
    rc = fg_rd_cell_end(w->rd);
out:
    return rc;
}

static int cell_begin(writer *w, const xmlNode *n)
{
    uint32_t span = span_attr(n, "colspan", 1, 1000);
    uint32_t rows = span_attr(n, "rowspan", 65534, 65534);
    int rc = FG_OK;

    if (w->in_cell)
        FG_TRY(cell_end(w));
    if (!w->in_row)
        FG_TRY(row_begin(w));
    FG_TRY(carry_down(w));
    FG_TRY(fg_rd_cell_begin(w->rd, span, false));
    w->in_cell = true;
    w->line_start = true;
    w->pend_space = false;
    if (w->col < MAX_PEND_COL) {
        size_t end = w->col + span;

        if (end > w->n_pend) {
            pending *p = realloc(w->pend, end * sizeof *p);

            FG_CHECK_ALLOC(p);
            memset(p + w->n_pend, 0, (end - w->n_pend) * sizeof *p);
            w->pend = p;
            w->n_pend = end;
        }
        /* this cell covers its columns in this row: any rowspan there is over */
        for (size_t c = w->col; c < end; c++)
            w->pend[c].rows = 0;
        w->pend[w->col].rows = rows - 1;
        w->pend[w->col].span = span;
    }
    w->col += span;
out:
    return rc;
}

static int row_end(writer *w)
{
    int rc = FG_OK;

    if (w->in_cell)
        FG_TRY(cell_end(w));
    if (!w->in_row)
        return FG_OK;
    /* rowspans from above right of the last cell, with blank cells up to them */
    for (size_t c = w->col; c < w->n_pend; c++) {
        if (w->pend[c].rows == 0)
            continue;
        while (w->col < c)
            FG_TRY(empty_cell(w, 1, false));
        FG_TRY(carry_down(w));
        c = w->col - 1;
    }
    w->in_row = false;
    FG_TRY(fg_rd_row_end(w->rd));
out:
    return rc;
}

static int table_begin(writer *w, xmlNode *t)
{
    int rc = FG_OK;

    FG_TRY(line_break(w));
    /* the caption: a line before the table */
    for (xmlNode *c = t->children; c != NULL; c = c->next) {
        const fg_html_info *ic = fg_html_info_of(w->m, c);
        xmlChar *text;

        if (ic == NULL || ic->dropped || ic->kind != FG_HK_CAPTION)
            continue;
        text = xmlNodeGetContent(c);
        if (text != NULL)
            rc = write_text(w, text, strlen((const char *)text));
        xmlFree(text);
        if (rc < 0)
            goto out;
        FG_TRY(line_break(w));
        break;
    }
    FG_TRY(fg_rd_table_begin(w->rd));
    w->table = t;
    w->in_row = false;
    w->in_cell = false;
    w->n_pend = 0;
out:
    return rc;
}

static int table_end(writer *w)
{
    int rc = FG_OK;

    FG_TRY(row_end(w));
    w->table = NULL;
    FG_TRY(fg_rd_table_end(w->rd));
    FG_TRY(line_break(w));
out:
    return rc;
}

/* ---- ordered lists ---- */

static bool name_is(const xmlNode *n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL &&
           strcmp((const char *)n->name, name) == 0;
}

/* An attribute's value as a number (start="3", value="7"), or dflt. */
static long attr_number(const xmlNode *n, const char *name, long dflt)
{
    const char *v = fg_read_html__attr(n, name);
    char *end;
    long x;

    if (v == NULL)
        return dflt;
    x = strtol(v, &end, 10);
    return end != v && x > -1000000 && x < 1000000 ? x : dflt;
}

/* Whether an element's style hides its list marker (list-style: none, list-style-type: none). */
static bool marker_hidden(const xmlNode *n)
{
    const char *st = fg_read_html__attr(n, "style");

    for (const char *p = st; p != NULL && (p = strstr(p, "list-style")) != NULL; p++) {
        const char *none = strstr(p, "none");
        const char *end = strchr(p, ';');

        if (none != NULL && (end == NULL || none < end))
            return true;
    }
    return false;
}

/*
 * The number a browser draws before an item of an ordered list (<ol><li>): its position, from
 * the list's start, a value on an item setting it for the items that follow. Written as the
 * browser draws it (1.), it is the item's number for the grammar, as Word's automatic
 * numbering is. Lists of letters or roman numerals (type), reversed ones and lists whose
 * style hides the marker get none. FG_OK, or what writing fails with.
 */
static int list_number(writer *w, const xmlNode *li)
{
    const xmlNode *ol = li->parent;
    const char *type;
    char buf[32];
    size_t k = w->n_ol;
    int n;

    if (!name_is(ol, "ol") || fg_read_html__attr(ol, "reversed") != NULL ||
        marker_hidden(ol) || marker_hidden(li))
        return FG_OK;
    type = fg_read_html__attr(ol, "type");
    if (type != NULL && strcmp(type, "1") != 0)
        return FG_OK;
    while (k > 0 && w->ol[k - 1] != ol)
        k--;
    if (k == 0) {
        /* a list not seen yet: inside the lists seen so far that hold it */
        k = w->n_ol;
        while (k > 0) {
            const xmlNode *a = ol->parent;

            while (a != NULL && a != w->ol[k - 1])
                a = a->parent;
            if (a != NULL)
                break;
            k--;
        }
        if (k == sizeof w->ol / sizeof w->ol[0])
            return FG_OK;
        w->ol[k] = ol;
        w->ol_next[k] = attr_number(ol, "start", 1);
        k++;
    }
    w->n_ol = k;
    w->ol_next[k - 1] = attr_number(li, "value", w->ol_next[k - 1]);
    n = snprintf(buf, sizeof buf, "%ld.", w->ol_next[k - 1]++);
    return put(w, (const unsigned char *)buf, (size_t)n);
}

/* ---- lead marks by formatting ---- */

/* The value of the CSS property prop in the declarations s (the property's name at the start
 * or after ; or a blank, so that color is not background-color), or NULL. */
static const char *css_value(const char *s, const char *prop)
{
    size_t pl = strlen(prop);

    for (const char *p = s; (p = strstr(p, prop)) != NULL; p += pl) {
        const char *v = p + pl;

        if (p > s && !(p[-1] == ';' || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n'))
            continue;
        while (*v == ' ' || *v == '\t' || *v == '\n')
            v++;
        if (*v != ':')
            continue;
        v++;
        while (*v == ' ' || *v == '\t' || *v == '\n')
            v++;
        return v;
    }
    return NULL;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Whether a CSS or <font color> value is red: red, darkred, crimson, #f00, #c00000,
 * rgb(255, 0, 0): red well above green and blue. */
static bool red_value(const char *v)
{
    int c[6];
    int nd = 0;
    unsigned r, g, b;

    if (strncasecmp(v, "red", 3) == 0 || strncasecmp(v, "darkred", 7) == 0 ||
        strncasecmp(v, "crimson", 7) == 0)
        return true;
    if (strncasecmp(v, "rgb(", 4) == 0) {
        char *e;

        r = (unsigned)strtoul(v + 4, &e, 10);
        if (*e++ != ',')
            return false;
        g = (unsigned)strtoul(e, &e, 10);
        if (*e++ != ',')
            return false;
        b = (unsigned)strtoul(e, &e, 10);
        return fg_rd_red_rgb(r, g, b);
    }
    if (*v++ != '#')
        return false;
    while (nd < 6 && hex_digit(v[nd]) >= 0) {
        c[nd] = hex_digit(v[nd]);
        nd++;
    }
    if (nd == 3) {
        r = (unsigned)c[0] * 17;
        g = (unsigned)c[1] * 17;
        b = (unsigned)c[2] * 17;
    } else if (nd == 6) {
        r = (unsigned)(c[0] * 16 + c[1]);
        g = (unsigned)(c[2] * 16 + c[3]);
        b = (unsigned)(c[4] * 16 + c[5]);
    } else {
        return false;
    }
    return fg_rd_red_rgb(r, g, b);
}

/* What the CSS declarations s (NUL-terminated) say of the formatting: *set gets the
 * FG_RD_MARK_* bits they decide (font-weight, a 黑体 face; color), *on those they turn on. */
static void decl_fmt(const char *s, unsigned *set, unsigned *on)
{
    const char *v;

    *set = 0;
    *on = 0;
    v = css_value(s, "font-weight");
    if (v != NULL) {
        *set |= FG_RD_MARK_BOLD;
        if (strncasecmp(v, "bold", 4) == 0 || (v[0] >= '6' && v[0] <= '9' && v[1] == '0'))
            *on |= FG_RD_MARK_BOLD;
    }
    v = css_value(s, "font-family");
    if (v != NULL && fg_rd_heavy_face(v)) {
        *set |= FG_RD_MARK_BOLD;
        *on |= FG_RD_MARK_BOLD;
    }
    v = css_value(s, "color");
    if (v != NULL) {
        *set |= FG_RD_MARK_RED;
        if (red_value(v))
            *on |= FG_RD_MARK_RED;
    }
}

/* The bits of set2 decided again: as on2 says. */
static void override(unsigned *set, unsigned *on, unsigned set2, unsigned on2)
{
    *set |= set2;
    *on = (*on & ~set2) | (on2 & set2);
}

/*
 * A rule of a style sheet that sets the formatting of the elements of a class: .b or
 * span.lead (a tag, lower-case, or none) before { font-weight: bold }, its bits as decl_fmt()
 * reads the declarations.
 */
typedef struct css_rule {
    char tag[16];
    char cls[64];
    unsigned set, on;
} css_rule;

#define MAX_RULES 1024

/* Whether the class attribute value cls holds the class name c among its blank-separated
 * names. */
static bool has_class(const char *cls, const char *c)
{
    size_t n = strlen(c);

    for (const char *p = cls; *p != '\0';) {
        size_t k;

        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            p++;
        k = strcspn(p, " \t\n\r\f");
        if (k == n && memcmp(p, c, n) == 0)
            return true;
        p += k;
    }
    return false;
}

/* What element n says of the formatting of the text in it: *set gets the FG_RD_MARK_* bits
 * it decides (b, strong, th, h1-h6, <font color>; then the rules of its classes in the page's
 * style sheets, in their order; then its style attribute), *on those it turns on. */
static void element_fmt(const writer *w, const xmlNode *n, unsigned *set, unsigned *on)
{
    const char *name = (const char *)n->name;
    const char *style = fg_read_html__attr(n, "style");
    const char *color = name_is(n, "font") ? fg_read_html__attr(n, "color") : NULL;
    const char *cls = w->n_rules > 0 ? fg_read_html__attr(n, "class") : NULL;
    unsigned set2;
    unsigned on2;

    *set = 0;
    *on = 0;
    if (name_is(n, "b") || name_is(n, "strong") || name_is(n, "th") ||
        (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')) {
        *set |= FG_RD_MARK_BOLD;
        *on |= FG_RD_MARK_BOLD;
    }
    if (color != NULL) {
        *set |= FG_RD_MARK_RED;
        if (red_value(color))
            *on |= FG_RD_MARK_RED;
    }
    for (size_t k = 0; cls != NULL && k < w->n_rules; k++) {
        const css_rule *r = &w->rules[k];

        if ((r->tag[0] == '\0' || strcmp(r->tag, name) == 0) && has_class(cls, r->cls))
            override(set, on, r->set, r->on);
    }
    if (style != NULL) {
        decl_fmt(style, &set2, &on2);
        override(set, on, set2, on2);
    }
}

/* Add the rule of one selector sel[0..len) (a class alone or after a tag: .b, span.lead; no
 * other selector is taken) with the bits set, on. FG_OK or FG_ENOMEM. */
static int add_rule(writer *w, const char *sel, size_t len, unsigned set, unsigned on)
{
    css_rule r = {.set = set, .on = on};
    size_t i = 0;
    size_t k;
    int rc = FG_OK;

    while (len > 0 && strchr(" \t\n\r\f", sel[0]) != NULL) {
        sel++;
        len--;
    }
    while (len > 0 && strchr(" \t\n\r\f", sel[len - 1]) != NULL)
        len--;
    for (; i < len && i + 1 < sizeof r.tag && ((sel[i] >= 'a' && sel[i] <= 'z') ||
                                              (sel[i] >= 'A' && sel[i] <= 'Z') ||
                                              (sel[i] >= '0' && sel[i] <= '9'));
         i++)
        r.tag[i] = (char)(sel[i] >= 'A' && sel[i] <= 'Z' ? sel[i] - 'A' + 'a' : sel[i]);
    if (i >= len || sel[i] != '.' || w->n_rules == MAX_RULES)
        return FG_OK;
    for (k = 0, i++; i < len && k + 1 < sizeof r.cls; i++, k++) {
        if (!((sel[i] >= 'a' && sel[i] <= 'z') || (sel[i] >= 'A' && sel[i] <= 'Z') ||
              (sel[i] >= '0' && sel[i] <= '9') || sel[i] == '-' || sel[i] == '_'))
            return FG_OK;
        r.cls[k] = sel[i];
    }
    if (i < len || k == 0)
        return FG_OK;
    FG_TRY(FG_GROW(w->rules, w->cap_rules, w->n_rules, 16));
    w->rules[w->n_rules++] = r;
out:
    return rc;
}

/*
 * The rules of a style sheet s[0..len) that set the formatting of a class (add_rule()): at
 * rules (@media, @font-face, @page) are passed over with their blocks, comments and the
 * <!-- --> around a sheet too. FG_OK or FG_ENOMEM.
 */
static int read_sheet(writer *w, const char *s, size_t len)
{
    char decls[1024];
    size_t i = 0;
    int rc = FG_OK;

    while (i < len) {
        const char *open;
        const char *close;
        size_t n;
        unsigned set;
        unsigned on;

        if (strchr(" \t\n\r\f", s[i]) != NULL) {
            i++;
        } else if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            i += 4;
        } else if (len - i >= 3 && memcmp(s + i, "-->", 3) == 0) {
            i += 3;
        } else if (len - i >= 2 && memcmp(s + i, "/*", 2) == 0) {
            close = memmem(s + i + 2, len - i - 2, "*/", 2);
            i = close == NULL ? len : (size_t)(close - s) + 2;
        } else if (s[i] == '@') {
            /* an at rule: to its ; or over its block and the blocks inside */
            int depth = 0;

            while (i < len && !(depth == 0 && s[i] == ';')) {
                depth += s[i] == '{';
                if (s[i] == '}' && --depth == 0)
                    break;
                i++;
            }
            i++;
        } else {
            open = memchr(s + i, '{', len - i);
            if (open == NULL)
                break;
            close = memchr(open, '}', len - (size_t)(open - s));
            if (close == NULL)
                break;
            n = (size_t)(close - open - 1);
            if (n >= sizeof decls)
                n = sizeof decls - 1;
            memcpy(decls, open + 1, n);
            decls[n] = '\0';
            decl_fmt(decls, &set, &on);
            for (const char *sel = s + i; set != 0 && sel < open;) {
                const char *comma = memchr(sel, ',', (size_t)(open - sel));
                const char *end = comma != NULL ? comma : open;

                FG_TRY(add_rule(w, sel, (size_t)(end - sel), set, on));
                sel = end + 1;
            }
            i = (size_t)(close - s) + 1;
        }
    }
out:
    return rc;
}

/* fg_read_html__walk(): the text of each <style> element into the writer's rules. */
static int sheet_enter(void *ctx, xmlNode *n, bool *down)
{
    writer *w = ctx;
    int rc = FG_OK;

    *down = n->type == XML_ELEMENT_NODE && !name_is(n, "style");
    if (name_is(n, "style")) {
        for (const xmlNode *c = n->children; c != NULL; c = c->next)
            if (c->content != NULL)
                FG_TRY(read_sheet(w, (const char *)c->content, strlen((const char *)c->content)));
    }
out:
    return rc;
}

static int sheet_leave(void *ctx, xmlNode *n)
{
    (void)ctx;
    (void)n;
    return FG_OK;
}

/* The FG_RD_MARK_* bits of a text node: for each, what its nearest element deciding it says. */
static unsigned text_fmt(const writer *w, const xmlNode *t)
{
    unsigned decided = 0;
    unsigned fmt = 0;

    for (const xmlNode *n = t->parent; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
        unsigned set;
        unsigned on;

        element_fmt(w, n, &set, &on);
        fmt |= on & set & ~decided;
        decided |= set;
        if (decided == (FG_RD_MARK_BOLD | FG_RD_MARK_RED))
            break;
    }
    return fmt;
}

/* The container whose text decides whether t's formatting marks leads: the data table's cell
 * it is in, else its nearest block (p, div, li, a heading, a layout table's cell). */
static const xmlNode *mark_box(const writer *w, const xmlNode *t)
{
    const xmlNode *block = NULL;

    for (const xmlNode *n = t->parent; n != NULL && n != w->root; n = n->parent) {
        const fg_html_info *in = fg_html_info_of(w->m, n);

        if (in == NULL)
            continue;
        if (in->kind == FG_HK_CELL && w->table != NULL)
            return n;
        if (block == NULL && (in->kind == FG_HK_BLOCK || in->kind == FG_HK_HEAD ||
                              in->kind == FG_HK_CELL || in->kind == FG_HK_CAPTION))
            block = n;
    }
    return block != NULL ? block : w->root;
}

/*
 * The node after n in document order within root's subtree: n's first child when down, else
 * the first node after n and all it holds; NULL at the end.
 */
static const xmlNode *walk_next(const xmlNode *n, const xmlNode *root, bool down)
{
    if (down && n->children != NULL)
        return n->children;
    while (n != root && n->next == NULL)
        n = n->parent;
    return n == root ? NULL : n->next;
}

/* Whether the walks below go into n: an element not dropped (with all it holds). */
static bool walks_into(const fg_html_measure *m, const xmlNode *n)
{
    const fg_html_info *in = fg_html_info_of(m, n);

    return n->type == XML_ELEMENT_NODE && !(in != NULL && in->dropped);
}

/* Whether the text under box holds ideographs in the declared formatting (*marked) and
 * outside it (*plain). */
static void box_fmt(const writer *w, const xmlNode *box, bool *marked_out, bool *plain_out)
{
    bool marked = false;
    bool plain = false;
    const xmlNode *n = box->children;

    while (n != NULL && !(marked && plain)) {
        if (n->type == XML_TEXT_NODE && n->content != NULL &&
            fg_rd_has_ideograph((const char *)n->content, strlen((const char *)n->content))) {
            if (text_fmt(w, n) & w->mark)
                marked = true;
            else
                plain = true;
        }
        n = walk_next(n, box, walks_into(w->m, n));
    }
    *marked_out = marked;
    *plain_out = plain;
}

/* Whether a cell of the data table t mixes text in the declared formatting with other text:
 * then a cell of it all so formatted is a lead's too (a task with one unit, its lead). */
static bool any_mixed_cell(const writer *w, const xmlNode *t)
{
    const xmlNode *n = t->children;

    while (n != NULL) {
        const fg_html_info *in = fg_html_info_of(w->m, n);
        bool is_cell = in != NULL && !in->dropped && in->kind == FG_HK_CELL;
        bool marked;
        bool plain;

        if (is_cell) {
            box_fmt(w, n, &marked, &plain);
            if (marked && plain)
                return true;
        }
        n = walk_next(n, t, !is_cell && walks_into(w->m, n));
    }
    return false;
}

/* Whether the text node t is to be written with lead marks. */
static bool marked_text(writer *w, const xmlNode *t)
{
    const xmlNode *box;

    if ((text_fmt(w, t) & w->mark) == 0)
        return false;
    box = mark_box(w, t);
    if (box != w->box) {
        const fg_html_info *in = fg_html_info_of(w->m, box);
        bool marked;
        bool plain;

        box_fmt(w, box, &marked, &plain);
        if (marked && !plain && w->table != NULL && in != NULL && in->kind == FG_HK_CELL &&
            box->parent != NULL) {
            bool row_marked;
            bool row_plain;

            if (w->mix_table != w->table) {
                w->mix_table = w->table;
                w->table_mixed = any_mixed_cell(w, w->table);
            }
            /* a cell all marked in a row with plain text: a header, title or emphasised row
             * all marked is no lead's */
            box_fmt(w, box->parent, &row_marked, &row_plain);
            plain = w->table_mixed && row_plain;
        }
        w->box = box;
        w->box_mixed = marked && plain;
    }
    return w->box_mixed;
}

/* The FG_RD_MARK_* bits that a note under root declares (fg_clause__format_declaration()):
 * the text of the nearest block of each text node with 牵头, when it is short. */
static int find_declaration(const fg_html_measure *m, xmlNode *root, unsigned *found)
{
    const xmlNode *n = root;
    const xmlNode *last = NULL;

    while (n != NULL) {
        if (n->type == XML_TEXT_NODE && n->content != NULL &&
            strstr((const char *)n->content, "牵头") != NULL) {
            const xmlNode *b = n->parent;
            const fg_html_info *in = NULL;

            for (; b != NULL && b != root->parent; b = b->parent) {
                in = fg_html_info_of(m, b);
                if (in != NULL && in->kind != FG_HK_INLINE && in->kind != FG_HK_A)
                    break;
            }
            if (b != NULL && b != last && in != NULL && in->nl + in->lk <= 100) {
                xmlChar *text = xmlNodeGetContent(b);

                if (text == NULL)
                    return fg_error_set(FG_ENOMEM, "out of memory");
                *found |= fg_clause__format_declaration(
                    fg_sv((const char *)text, strlen((const char *)text)));
                xmlFree(text);
                last = b;
            } else if (b != last) {
                *found |= fg_clause__format_declaration(
                    fg_sv((const char *)n->content, strlen((const char *)n->content)));
            }
        }
        n = walk_next(n, root, walks_into(m, n));
    }
    return FG_OK;
}

/* ---- the walk ---- */

static int write_enter(void *ctx, xmlNode *n, bool *down)
{
    writer *w = ctx;
    const fg_html_info *in;
    int rc = FG_OK;

    if (n->type == XML_TEXT_NODE) {
        if (n->content == NULL)
            return FG_OK;
        if (w->mark != 0)
            w->held.on = marked_text(w, n);
        return write_text(w, n->content, strlen((const char *)n->content));
    }
    in = fg_html_info_of(w->m, n);
    if (in == NULL || in->dropped)
        return FG_OK;
    if (n != w->root && w->table == NULL &&
        (fg_read_html__link_dense(in, w->root_nl) || fg_read_html__footer(in)))
        return FG_OK;
    switch (in->kind) {
    case FG_HK_BR:
        FG_TRY(line_break(w));
        return FG_OK;
    case FG_HK_CAPTION:
        if (w->table != NULL)
            return FG_OK; /* written before the table */
        FG_TRY(line_break(w));
        break;
    case FG_HK_BLOCK:
    case FG_HK_HEAD:
        FG_TRY(line_break(w));
        if (name_is(n, "li"))
            FG_TRY(list_number(w, n));
        break;
    case FG_HK_PRE:
        FG_TRY(line_break(w));
        w->pre++;
        break;
    case FG_HK_TABLE:
        if (in->data && w->table == NULL)
            FG_TRY(table_begin(w, n));
        else
            FG_TRY(line_break(w));
        break;
    case FG_HK_GROUP:
        if (w->table == NULL)
            FG_TRY(line_break(w));
        break;
    case FG_HK_TR:
        if (w->table != NULL) {
            FG_TRY(row_end(w));
            FG_TRY(row_begin(w));
        } else {
            FG_TRY(line_break(w));
        }
        break;
    case FG_HK_CELL:
        if (w->table != NULL)
            FG_TRY(cell_begin(w, n));
        else
            FG_TRY(line_break(w));
        break;
    default:
        break;
    }
    *down = true;
out:
    return rc;
}

static int write_leave(void *ctx, xmlNode *n)
{
    writer *w = ctx;
    const fg_html_info *in = fg_html_info_of(w->m, n);

    if (in == NULL)
        return FG_OK;
    switch (in->kind) {
    case FG_HK_PRE:
        w->pre--;
        return line_break(w);
    case FG_HK_BLOCK:
    case FG_HK_HEAD:
    case FG_HK_CAPTION:
        return line_break(w);
    case FG_HK_TABLE:
        return n == w->table ? table_end(w) : line_break(w);
    case FG_HK_GROUP:
        return w->table == NULL ? line_break(w) : FG_OK;
    case FG_HK_TR:
        return w->table == NULL ? line_break(w) : row_end(w);
    case FG_HK_CELL:
        if (w->table == NULL)
            return line_break(w);
        return w->in_cell ? cell_end(w) : FG_OK;
    default:
        return FG_OK;
    }
}

static int write_tree(writer *w, xmlNode *root)
{
    const fg_html_info *in = fg_html_info_of(w->m, root);
    int rc = FG_OK;

    w->root = root;
    w->root_nl = in != NULL ? in->nl : 0;
    FG_TRY(fg_read_html__walk(root, write_enter, write_leave, w));
    if (w->table != NULL)
        FG_TRY(table_end(w));
    FG_TRY(line_break(w));
out:
    return rc;
}

/* Append the ideographs of s[0..len) (their UTF-8 bytes), up to max bytes of them. */
static int ideographs(fg_str *out, const char *s, size_t len, size_t max)
{
    int rc = FG_OK;

    for (size_t i = 0; i + 2 < len && out->len < max; i++) {
        unsigned char b = (unsigned char)s[i];

        if ((b >= 0xE4 && b <= 0xE9) || (b == 0xE3 && (unsigned char)s[i + 1] >= 0x90)) {
            FG_TRY(fg_str_append(out, s + i, 3));
            i += 2;
        }
    }
out:
    return rc;
}

int fg_read_html__write(fg_rd *rd, const fg_html_measure *m, xmlNode *title, xmlNode *block)
{
    writer w = {0};
    fg_str head = FG_STR_INIT;
    fg_str start = FG_STR_INIT;
    size_t t0 = rd->out.len;
    size_t t1;
    int rc = FG_OK;

    w.rd = rd;
    w.m = m;
    w.line_start = true;
    if (title != NULL)
        FG_TRY(find_declaration(m, title, &w.mark));
    FG_TRY(find_declaration(m, block, &w.mark));
    if (w.mark != 0 && block->doc != NULL && xmlDocGetRootElement(block->doc) != NULL)
        FG_TRY(fg_read_html__walk(xmlDocGetRootElement(block->doc), sheet_enter, sheet_leave, &w));
    if (title != NULL)
        FG_TRY(write_tree(&w, title));
    t1 = rd->out.len;
    FG_TRY(write_tree(&w, block));
    if (t1 > t0) {
        /* the block starts with the title already (the title's ideographs among its first
         * ones, after 6 at most) */
        FG_TRY(ideographs(&head, rd->out.ptr + t0, t1 - t0, SIZE_MAX));
        FG_TRY(ideographs(&start, rd->out.ptr + t1, rd->out.len - t1, head.len + 18));
        if (head.len > 0 && start.len >= head.len &&
            memmem(start.ptr, start.len, head.ptr, head.len) != NULL) {
            memmove(rd->out.ptr + t0, rd->out.ptr + t1, rd->out.len - t1);
            rd->out.len -= t1 - t0;
            rd->out.ptr[rd->out.len] = '\0';
        }
    }
out:
    free(w.pend);
    free(w.rules);
    fg_str_dispose(&w.held.buf);
    fg_str_dispose(&head);
    fg_str_dispose(&start);
    return rc;
}

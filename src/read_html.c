/*
 * The HTML reader (reader.h): a page saved from a government website, reduced to the
 * document it carries.
 *
 * 1. The bytes become clean UTF-8 (read_html_enc.c: BOM, <meta charset>, GB2312/GBK as
 *    GB18030) and libxml2's HTML parser reads them with the page's meta ignored and the
 *    network off; it never loads a DTD or an external entity, and XML_PARSE_HUGE lifts its
 *    limit of 256 nested elements (beyond it, libxml2 dropped the rest of the page).
 * 2. One walk measures every element: the CJK ideographs of its text outside links (nl) and
 *    inside them (lk), its links, the blocks, tables and headings within. Scripts, styles,
 *    forms' controls, frames, media, <nav>, <aside>, <footer>, comments and hidden elements
 *    (hidden, style display:none / visibility:hidden / mso-hide:all) count for nothing. A
 *    table is a data table when it holds no table, at least two of its rows have two cells or
 *    more, and no cell looks like a page's column (more than 1000 ideographs, more than 12
 *    blocks, or a heading); any other table is layout, read as blocks.
 * 3. The content block: from <body> down, into the container child (div, section, article,
 *    main, form, a layout table's parts, an unknown element) with the most non-link text,
 *    while it holds at least 60% of its parent's (a site footer beside it not counted: see
 *    fg_read_html__footer()), no paragraph, list or data table beside it
 *    has 20 ideographs or more (the text of the document, not the page's furniture), and no
 *    sibling is its twin (same tag and class but for digits: Word's WordSection1,
 *    WordSection2 are one document). A heading h1-h3 just before the block (a sibling of it
 *    or of its parent) is written first as the title, unless the block starts with it.
 * 4. The block is written: block elements, <br> and a layout table's rows and cells end
 *    lines, inline elements join, white space collapses as in a browser (a line break in the
 *    source between two CJK characters vanishes, CSS Text 3), &nbsp; and U+3000 stay. Inside
 *    the block an element mostly of links (two links or more, as much link text as other
 *    text, and little text of its own: share buttons, breadcrumbs, related links) and a site
 *    footer are left out. A data table goes to the builder's table calls: colspan is the
 *    span, a rowspan gives a merged cell at its column in each row below it, the caption a
 *    line before it.
 *
 * 5. Lead marks by formatting: when a short block of the content block declares that bold
 *    or red type marks leads (fg_clause__format_declaration()), each unit name in text so
 *    formatted (b, strong, th, font-weight, a 黑体 face; <font color>, CSS color; in a style
 *    attribute or a class's rule of the page's <style> sheets, .b or span.b) gets ★
 *    after it (fg_rd_marked_text()), in a data table's cell (else a block) that holds other
 *    text too, or in a cell all so formatted when its table has such a cell and its row plain
 *    text (read_html_write.c).
 *
 * Every walk is iterative (nodes' parent and sibling links), so deep nesting cannot
 * overflow the stack.
 */
#include "reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "error.h"
#include "grow.h"
#include "read_html_int.h"

/* ---- elements ---- */

typedef struct tag {
    const char *name;
    unsigned char kind;
    bool box; /* a container the content block may be (for tables: when they are layout) */
} tag;

/* Sorted by name (bsearch). Elements not listed are inline, and containers. */
#define T(name, kind, box) {name, FG_HK_##kind, box}
static const tag tags[] = {
    T("a", A, 0), T("abbr", INLINE, 0), T("address", BLOCK, 0), T("applet", DROP, 0),
    T("area", DROP, 0), T("article", BLOCK, 1), T("aside", DROP, 0), T("audio", DROP, 0),
    T("b", INLINE, 0), T("base", DROP, 0), T("big", INLINE, 0), T("blockquote", BLOCK, 1),
    T("body", BLOCK, 1), T("br", BR, 0), T("button", DROP, 0), T("canvas", DROP, 0),
    T("caption", CAPTION, 0), T("center", BLOCK, 1), T("cite", INLINE, 0), T("code", INLINE, 0),
    T("datalist", DROP, 0), T("dd", BLOCK, 0), T("del", INLINE, 0), T("details", BLOCK, 0),
    T("dialog", DROP, 0), T("dir", BLOCK, 0), T("div", BLOCK, 1), T("dl", BLOCK, 0),
    T("dt", BLOCK, 0), T("em", INLINE, 0), T("embed", DROP, 0), T("fieldset", BLOCK, 1),
    T("figcaption", BLOCK, 0), T("figure", BLOCK, 1), T("font", INLINE, 0), T("footer", DROP, 0),
    T("form", BLOCK, 1), T("frame", DROP, 0), T("frameset", DROP, 0), T("h1", HEAD, 0),
    T("h2", HEAD, 0), T("h3", HEAD, 0), T("h4", HEAD, 0), T("h5", HEAD, 0), T("h6", HEAD, 0),
    T("head", DROP, 0), T("header", BLOCK, 1), T("hgroup", BLOCK, 0), T("hr", BLOCK, 0),
    T("html", BLOCK, 1), T("i", INLINE, 0), T("iframe", DROP, 0), T("img", DROP, 0),
    T("input", DROP, 0), T("ins", INLINE, 0), T("kbd", INLINE, 0), T("label", INLINE, 0),
    T("legend", BLOCK, 0), T("li", BLOCK, 0), T("link", DROP, 0), T("listing", PRE, 0),
    T("main", BLOCK, 1), T("map", DROP, 0), T("mark", INLINE, 0), T("math", DROP, 0),
    T("menu", BLOCK, 0), T("meta", DROP, 0), T("nav", DROP, 0), T("nobr", INLINE, 0),
    T("noframes", DROP, 0), T("noscript", DROP, 0), T("object", DROP, 0), T("ol", BLOCK, 0),
    T("optgroup", DROP, 0), T("option", DROP, 0), T("p", BLOCK, 0), T("param", DROP, 0),
    T("picture", DROP, 0), T("plaintext", PRE, 0), T("pre", PRE, 0), T("q", INLINE, 0),
    T("s", INLINE, 0), T("samp", INLINE, 0), T("script", DROP, 0), T("section", BLOCK, 1),
    T("select", DROP, 0), T("small", INLINE, 0), T("source", DROP, 0), T("span", INLINE, 0),
    T("strike", INLINE, 0), T("strong", INLINE, 0), T("style", DROP, 0), T("sub", INLINE, 0),
    T("summary", BLOCK, 0), T("sup", INLINE, 0), T("svg", DROP, 0), T("table", TABLE, 1),
    T("tbody", GROUP, 1), T("td", CELL, 1), T("template", DROP, 0), T("textarea", DROP, 0),
    T("tfoot", GROUP, 1), T("th", CELL, 1), T("thead", GROUP, 1), T("time", INLINE, 0),
    T("title", DROP, 0), T("tr", TR, 1), T("track", DROP, 0), T("tt", INLINE, 0),
    T("u", INLINE, 0), T("ul", BLOCK, 0), T("var", INLINE, 0), T("video", DROP, 0),
    T("xmp", PRE, 0),
};
#undef T

static int tag_cmp(const void *key, const void *elt)
{
    return strcmp(key, ((const tag *)elt)->name);
}

static tag lookup(const xmlNode *n)
{
    const tag *t = bsearch(n->name, tags, sizeof tags / sizeof *tags, sizeof *tags, tag_cmp);

    if (t != NULL)
        return *t;
    return (tag){NULL, FG_HK_INLINE, true};
}

/* The value of attribute name, "" for one without value, NULL when there is none. */
const char *fg_read_html__attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
        if (a->name == NULL || strcmp((const char *)a->name, name) != 0)
            continue;
        if (a->children != NULL && a->children->content != NULL)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool starts_ci(const char *s, const char *lit)
{
    for (; *lit; s++, lit++)
        if (lower(*s) != *lit)
            return false;
    return true;
}

/* Whether the CSS declarations s set property prop to a value starting with val. */
static bool css_has(const char *s, const char *prop, const char *val)
{
    for (; *s; s++) {
        const char *v = s + strlen(prop);

        if (!starts_ci(s, prop))
            continue;
        while (*v == ' ' || *v == '\t' || *v == '\n')
            v++;
        if (*v++ != ':')
            continue;
        while (*v == ' ' || *v == '\t' || *v == '\n')
            v++;
        if (starts_ci(v, val))
            return true;
    }
    return false;
}

static bool hidden(const xmlNode *n)
{
    const char *style = fg_read_html__attr(n, "style");

    if (fg_read_html__attr(n, "hidden") != NULL)
        return true;
    return style != NULL && (css_has(style, "display", "none") ||
                             css_has(style, "visibility", "hidden") ||
                             css_has(style, "mso-hide", "all"));
}

/* CJK ideographs in UTF-8 text: U+3400..U+9FFF, U+F900..U+FAFF, U+20000..U+3FFFF. */
static uint32_t count_cjk(const xmlChar *s)
{
    uint32_t n = 0;

    for (; s[0]; s++) {
        if ((s[0] >= 0xE4 && s[0] <= 0xE9) || (s[0] == 0xE3 && s[1] >= 0x90) ||
            (s[0] == 0xEF && s[1] >= 0xA4 && s[1] <= 0xAB) ||
            (s[0] == 0xF0 && s[1] >= 0xA0))
            n++;
    }
    return n;
}

/* ---- the iterative walk ---- */

int fg_read_html__walk(xmlNode *root, fg_html_enter_fn enter, fg_html_leave_fn leave, void *ctx)
{
    xmlNode *n = root;
    int rc = FG_OK;

    for (;;) {
        bool down = false;

        FG_TRY(enter(ctx, n, &down));
        if (down && n->children != NULL) {
            n = n->children;
            continue;
        }
        if (down)
            FG_TRY(leave(ctx, n));
        for (;;) {
            if (n == root)
                goto out;
            if (n->next != NULL) {
                n = n->next;
                break;
            }
            n = n->parent;
            FG_TRY(leave(ctx, n));
        }
    }
out:
    return rc;
}

/* ---- measuring ---- */

/* Marks every page of a Chinese government site has in its footer and a document hardly has:
 * the ICP licence number (ICP备), the site code (网站标识码), the public-security filing
 * (公网安备). */
static bool footer_mark(const char *s)
{
    return strstr(s, "ICP\xE5\xA4\x87") != NULL ||
           strstr(s, "\xE7\xBD\x91\xE7\xAB\x99\xE6\xA0\x87\xE8\xAF\x86\xE7\xA0\x81") != NULL ||
           strstr(s, "\xE5\x85\xAC\xE7\xBD\x91\xE5\xAE\x89\xE5\xA4\x87") != NULL;
}

bool fg_read_html__footer(const fg_html_info *in)
{
    return in->box && in->sig_nl > 0 && (uint64_t)in->nl <= (uint64_t)in->sig_nl * 4 + 40;
}

static bool data_row(const fg_html_measure *m, const xmlNode *tr, bool *bad)
{
    unsigned cells = 0;

    for (const xmlNode *c = tr->children; c != NULL; c = c->next) {
        const fg_html_info *ic = fg_html_info_of(m, c);

        if (ic == NULL || ic->dropped || ic->kind != FG_HK_CELL)
            continue;
        cells++;
        if (ic->nl + ic->lk > 1000 || ic->n_blocks > 12 || ic->n_heads > 0)
            *bad = true;
    }
    return cells >= 2;
}

static bool is_data_table(const fg_html_measure *m, const xmlNode *t, const fg_html_info *it)
{
    const char *role = fg_read_html__attr(t, "role");
    unsigned rows = 0;
    bool bad = false;

    if (it->n_tables > 0 || (role != NULL && starts_ci(role, "presentation")))
        return false;
    for (const xmlNode *c = t->children; c != NULL; c = c->next) {
        const fg_html_info *ic = fg_html_info_of(m, c);

        if (ic == NULL || ic->dropped)
            continue;
        if (ic->kind == FG_HK_TR) {
            rows += data_row(m, c, &bad);
        } else if (ic->kind == FG_HK_GROUP) {
            for (const xmlNode *r = c->children; r != NULL; r = r->next) {
                const fg_html_info *ir = fg_html_info_of(m, r);

                if (ir != NULL && !ir->dropped && ir->kind == FG_HK_TR)
                    rows += data_row(m, r, &bad);
            }
        }
    }
    return rows >= 2 && !bad;
}

static int measure_enter(void *ctx, xmlNode *n, bool *down)
{
    fg_html_measure *m = ctx;
    fg_html_info *in;
    tag t;
    int rc = FG_OK;

    if (n->type == XML_TEXT_NODE) {
        fg_html_info *ip = n->parent != NULL ? fg_html_info_of(m, n->parent) : NULL;

        if (ip != NULL && n->content != NULL) {
            uint32_t n_cjk = count_cjk(n->content);

            if (footer_mark((const char *)n->content))
                ip->sig_nl += n_cjk + 1;
            if (m->links)
                ip->lk += n_cjk;
            else
                ip->nl += n_cjk;
        }
        return FG_OK;
    }
    if (n->type != XML_ELEMENT_NODE)
        return FG_OK;
    FG_TRY(FG_GROW(m->arr, m->cap, m->n, 1024));
    in = &m->arr[m->n++];
    memset(in, 0, sizeof *in);
    n->_private = (void *)(uintptr_t)m->n;
    t = lookup(n);
    in->kind = t.kind;
    in->box = t.box;
    if (t.kind == FG_HK_DROP || hidden(n)) {
        in->dropped = true;
        return FG_OK;
    }
    if (t.kind == FG_HK_A)
        m->links++;
    *down = true;
out:
    return rc;
}

static int measure_leave(void *ctx, xmlNode *n)
{
    fg_html_measure *m = ctx;
    fg_html_info *in = fg_html_info_of(m, n);
    fg_html_info *ip = n->parent != NULL ? fg_html_info_of(m, n->parent) : NULL;

    if (in == NULL)
        return FG_OK;
    if (in->kind == FG_HK_A) {
        m->links--;
        if (in->lk > 0)
            in->n_links++;
    }
    if (in->kind == FG_HK_TABLE)
        in->data = is_data_table(m, n, in);
    if (ip != NULL) {
        ip->nl += in->nl;
        ip->lk += in->lk;
        ip->n_links += in->n_links;
        ip->n_blocks += in->n_blocks + (in->kind == FG_HK_BLOCK || in->kind == FG_HK_BR ||
                                        in->kind == FG_HK_HEAD || in->kind == FG_HK_PRE);
        ip->n_tables += in->n_tables + (in->kind == FG_HK_TABLE);
        ip->n_heads += in->n_heads + (in->kind == FG_HK_HEAD);
        ip->sig_nl += in->sig_nl;
    }
    return FG_OK;
}

/* ---- the content block ---- */

/* Whether two class values are equal but for their digits. */
static bool same_but_digits(const char *a, const char *b)
{
    for (;;) {
        while (*a >= '0' && *a <= '9')
            a++;
        while (*b >= '0' && *b <= '9')
            b++;
        if (*a != *b)
            return false;
        if (*a == '\0')
            return true;
        a++;
        b++;
    }
}

static bool has_twin(const fg_html_measure *m, const xmlNode *parent, const xmlNode *best)
{
    const char *cls = fg_read_html__attr(best, "class");

    if (cls == NULL || cls[0] == '\0')
        return false;
    for (const xmlNode *c = parent->children; c != NULL; c = c->next) {
        const fg_html_info *ic = fg_html_info_of(m, c);
        const char *cc;

        if (c == best || ic == NULL || ic->dropped || ic->nl < 10 ||
            strcmp((const char *)c->name, (const char *)best->name) != 0)
            continue;
        cc = fg_read_html__attr(c, "class");
        if (cc != NULL && same_but_digits(cc, cls))
            return true;
    }
    return false;
}

static xmlNode *choose_block(const fg_html_measure *m, xmlNode *body)
{
    xmlNode *e = body;

    for (;;) {
        const fg_html_info *ie = fg_html_info_of(m, e);
        xmlNode *best = NULL;
        const fg_html_info *ib = NULL;
        uint32_t direct = 0;
        uint32_t furniture = 0; /* non-link text of footers beside the best child */
        bool para = false;

        for (xmlNode *c = e->children; c != NULL; c = c->next) {
            const fg_html_info *ic = fg_html_info_of(m, c);

            if (c->type == XML_TEXT_NODE && c->content != NULL)
                direct += count_cjk(c->content);
            if (ic == NULL || ic->dropped)
                continue;
            if (fg_read_html__footer(ic)) {
                furniture += ic->nl;
                continue;
            }
            if (ic->box && !(ic->kind == FG_HK_TABLE && ic->data)) {
                if (best == NULL || ic->nl > ib->nl) {
                    best = c;
                    ib = ic;
                }
            } else if ((ic->kind == FG_HK_BLOCK || ic->kind == FG_HK_PRE ||
                        ic->kind == FG_HK_TABLE) &&
                       ic->nl >= 20) {
                para = true;
            }
        }
        if (best == NULL || para || direct >= 20 ||
            (uint64_t)ib->nl * 5 < (uint64_t)(ie->nl - furniture) * 3 || ib->nl == 0 ||
            has_twin(m, e, best))
            return e;
        e = best;
    }
}

bool fg_read_html__link_dense(const fg_html_info *in, uint32_t block_nl)
{
    return in->n_links >= 2 && in->lk >= 2 && in->lk >= in->nl &&
           (in->nl < 20 || (uint64_t)in->nl * 4 < block_nl);
}

typedef struct heading_search {
    const fg_html_measure *m;
    xmlNode *found;
} heading_search;

static int heading_enter(void *ctx, xmlNode *n, bool *down)
{
    heading_search *h = ctx;
    const fg_html_info *in = fg_html_info_of(h->m, n);

    if (in == NULL || in->dropped || fg_read_html__link_dense(in, UINT32_MAX) ||
        in->kind == FG_HK_A)
        return FG_OK;
    if (in->kind == FG_HK_HEAD) {
        if (in->nl >= 4 && (n->name[1] >= '1' && n->name[1] <= '3'))
            h->found = n;
        return FG_OK;
    }
    *down = true;
    return FG_OK;
}

static int heading_leave(void *ctx, xmlNode *n)
{
    (void)ctx;
    (void)n;
    return FG_OK;
}

/* The last heading h1-h3 before the block: in a sibling of the block or of its parent. */
static xmlNode *find_title(const fg_html_measure *m, xmlNode *block, xmlNode *body)
{
    heading_search h = {m, NULL};
    xmlNode *a = block;

    for (int up = 0; up < 2 && a != body; up++, a = a->parent) {
        for (xmlNode *s = a->prev; s != NULL; s = s->prev) {
            if (fg_read_html__walk(s, heading_enter, heading_leave, &h) < 0)
                return NULL;
            if (h.found != NULL)
                return h.found;
        }
        if (a->parent == NULL || a->parent->type != XML_ELEMENT_NODE)
            break;
    }
    return NULL;
}

/* ---- the reader ---- */

static xmlNode *find_body(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);

    if (root == NULL)
        return NULL;
    for (xmlNode *c = root->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "body") == 0)
            return c;
    return root;
}

int fg_read_html(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    static const int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                            XML_PARSE_HUGE; /* no depth limit: the walks are iterative */
    fg_str utf8 = FG_STR_INIT;
    fg_html_measure m = {0};
    htmlDocPtr doc = NULL;
    const fg_html_info *ib;
    xmlNode *body;
    xmlNode *block;
    int rc = FG_OK;

    /* The text is UTF-8 now: with no encoding named (libxml2 reads UTF-8 then, and would
     * only copy it through a UTF-8 "conversion") and the page's meta ignored. */
    FG_TRY(fg_read_html__utf8(&utf8, rd->name, bytes, len));
    xmlInitParser();
    if (utf8.len > 0)
        doc = htmlReadMemory(utf8.ptr, (int)utf8.len, NULL, NULL, opts);
    body = doc != NULL ? find_body(doc) : NULL;
    if (body == NULL) {
        if (fg_rd_has_ideograph(utf8.ptr, utf8.len))
            rc = fg_error_set(FG_EFORMAT, "%s: libxml2 could not read the web page", rd->name);
        else
            rc = fg_error_set(FG_EFORMAT, "%s: a web page without Chinese text", rd->name);
        goto out;
    }
    FG_TRY(fg_read_html__walk(xmlDocGetRootElement(doc), measure_enter, measure_leave, &m));
    ib = fg_html_info_of(&m, body);
    if (ib == NULL || ib->nl + ib->lk == 0) {
        rc = fg_error_set(FG_EFORMAT, "%s: a web page without Chinese text", rd->name);
        goto out;
    }
    if (ib->nl == 0) {
        rc = fg_error_set(FG_EFORMAT, "%s: a web page whose Chinese text is all in links (a "
                                      "list of links, not a document)", rd->name);
        goto out;
    }
    block = choose_block(&m, body);
    FG_TRY(fg_read_html__write(rd, &m, block != body ? find_title(&m, block, body) : NULL,
                               block));
    if (!fg_rd_has_ideograph(rd->out.ptr, rd->out.len))
        rc = fg_error_set(FG_EFORMAT, "%s: a web page without Chinese text", rd->name);
out:
    free(m.arr);
    if (doc != NULL)
        xmlFreeDoc(doc);
    fg_str_dispose(&utf8);
    return rc;
}

/*
 * The OFD reader (reader.h): GB/T 33190, China's fixed-layout format, through the PDF
 * reader's layout (read_pdf_int.h).
 *
 * An OFD is a ZIP of XML parts: OFD.xml names the document (DocBody/DocRoot, e.g.
 * Doc_0/Document.xml), whose CommonData gives the page size (PageArea/PhysicalBox, in mm) and
 * the template pages (TemplatePage: a page's running header or footer), and whose Pages list
 * each page's Content.xml (BaseLoc, from the folder of Document.xml). A page's Content holds
 * Layers of objects, PageBlocks nesting more:
 * - a TextObject places its characters exactly: Boundary "x y w h" (mm) and an optional CTM
 *   give the object's frame, Size the font size, and each TextCode the position of its first
 *   character (X, Y: the baseline; when absent, the previous TextCode's) and the advances to
 *   the next ones (DeltaX, with "g N d" for N times d; a missing advance repeats the last
 *   one, and without DeltaX each character advances by its own width);
 * - a PathObject draws lines: its AbbreviatedData (M/S x y start, L x y line to, C close; Q, B
 *   and A curves are followed, not drawn) in the object's frame, stroked with LineWidth
 *   unless Stroke="false" (a thin filled rectangle is a line too); a table's ruling lines;
 * - images and composite objects are not read.
 * Each character becomes a box (its advance wide, or its width when narrower: an ideograph is
 * an em, other characters half an em; ASCENT em above its baseline and DESCENT below), in
 * points from the page's top left, and the boxes go through the PDF reader's line builder
 * (fg_pdf_page_lines()) and page furniture (fg_pdf_furniture()); the straight lines of the
 * paths are drawn into a bitmap of the page, one pixel a point, for fg_pdf_rule() and
 * fg_pdf_rules() to find the table's rules as they do on a rendered PDF page; then
 * fg_pdf_write() writes lines and tables. A template page's objects are drawn under the
 * page's own (the running header then dropped as page furniture). Text turned by its CTM
 * (a watermark, a seal's ring) is not read.
 *
 * The package is read as a DOCX is (read_docx_zip.c): from memory, within the inflate limits,
 * XML without DTDs or network. A damaged OFD, one without OFD.xml, a document or pages, or
 * without any text is refused with "NAME: not a readable OFD document: …".
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "error.h"
#include "grow.h"
#include "read_docx_int.h"
#include "read_pdf_int.h"
#include "reader.h"
#include "str.h"

#define PT_PER_MM (72.0 / 25.4)
/* A character's box above and below its baseline, in em: the ascent and descent of the CJK
 * fonts (Noto/Source Han) whose boxes poppler gives for the PDFs the layout is tuned on. With
 * boxes an em tall (a font's ideographic em box) the rosters set two units a line
 * (tests/forms/team_two_up_units.txt: 成　　员　　总务科　　　　保卫科) lose members. */
#define ASCENT 1.16
#define DESCENT 0.288
#define MAX_NESTING 64     /* PageBlocks inside PageBlocks */
#define MAX_PAGES 100000
#define MAX_LINES ((size_t)1 << 22) /* straight lines drawn, all pages */
#define MAX_PATH 512       /* a part's name */
#define DARK 215           /* as read_pdf_rule.c: a pixel darker than this is ink */

/* A straight line of a page, in points from its top left: horizontal or vertical. */
typedef struct stroke {
    double x0, y0, x1, y1, w;
} stroke;

typedef struct tpl {
    const char *id;         /* the TemplatePage's ID (in the Document.xml tree) */
    char loc[MAX_PATH];     /* its part */
    xmlDoc *xml;            /* loaded on first use */
} tpl;

typedef struct ofd {
    fg_docx_pkg pkg;
    const char *name;
    fg_pdf_doc d;
    char dir[MAX_PATH];     /* the folder of Document.xml, with its '/' */
    tpl *tpls;
    size_t n_tpls;
    /* the page being read: its characters (g[i].s set from off[i] at the end) */
    fg_pdf_glyph *g;
    size_t *off;
    size_t n_g, cap_g, cap_off;
    fg_str text;
    /* every page's lines and size */
    stroke *strokes;
    size_t n_strokes, cap_strokes;
    size_t *first_stroke;   /* page p's lines: strokes[first_stroke[p] .. first_stroke[p + 1]) */
    double *width, *height; /* points */
    size_t page;
} ofd;

/* A frame: the object's Boundary origin and CTM, mapping its coordinates to the page's (mm). */
typedef struct frame {
    double a, b, c, d, e, f; /* CTM */
    double x, y;             /* Boundary origin */
} frame;

__attribute__((format(printf, 2, 3))) static int bad(const ofd *o, const char *fmt, ...)
{
    char why[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    return fg_error_set(FG_EFORMAT, "%s: not a readable OFD document: %s", o->name, why);
}

/* ---- elements, by local name (the ofd: namespace or none) ---- */

static bool is(const xmlNode *n, const char *local)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static xmlNode *child(const xmlNode *n, const char *local)
{
    for (xmlNode *c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
        if (is(c, local))
            return c;
    return NULL;
}

static const char *attr(const xmlNode *n, const char *local)
{
    for (const xmlAttr *a = n != NULL ? n->properties : NULL; a != NULL; a = a->next)
        if (strcmp((const char *)a->name, local) == 0)
            return a->children != NULL && a->children->type == XML_TEXT_NODE &&
                           a->children->content != NULL
                       ? (const char *)a->children->content
                       : "";
    return NULL;
}

/* The text of an element (its first text node: the parser merges CDATA), or "". */
static const char *text_of(const xmlNode *n)
{
    for (const xmlNode *c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            return (const char *)c->content;
    return "";
}

/* ---- numbers ---- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

/* The number at *p (blanks and commas before it skipped), decimal without locale: true and *p
 * past it; false at the end or at anything else (*p then at that). */
static bool number(const char **p, double *v)
{
    const char *s = *p;
    double x = 0, scale = 1;
    bool neg = false, any = false;

    while (is_space(*s))
        s++;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    while (*s >= '0' && *s <= '9') {
        x = x * 10 + (*s++ - '0');
        any = true;
    }
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9') {
            scale /= 10;
            x += (*s++ - '0') * scale;
            any = true;
        }
    }
    if (!any) {
        while (is_space(**p))
            (*p)++;
        return false;
    }
    if (*s == 'e' || *s == 'E') {
        const char *t = s + 1;
        int ex = 0;
        bool eneg = false;

        if (*t == '-' || *t == '+')
            eneg = *t++ == '-';
        if (*t >= '0' && *t <= '9') {
            while (*t >= '0' && *t <= '9') {
                if (ex < 400)
                    ex = ex * 10 + (*t - '0');
                t++;
            }
            x *= pow(10, eneg ? -ex : ex);
            s = t;
        }
    }
    *p = s;
    *v = neg ? -x : x;
    return isfinite(*v);
}

/* Up to n numbers of s into v; how many. */
static size_t numbers(const char *s, double *v, size_t n)
{
    size_t k = 0;

    while (s != NULL && k < n && number(&s, &v[k]))
        k++;
    return k;
}

/* The box "x y w h" of s into v: whether it has 4 numbers. */
static bool box(const char *s, double v[4])
{
    return numbers(s, v, 4) == 4;
}

/* The frame of an object: its Boundary and CTM. false when it has no Boundary. */
static bool frame_of(const xmlNode *n, frame *f)
{
    double b[4], m[6];

    if (!box(attr(n, "Boundary"), b))
        return false;
    *f = (frame){1, 0, 0, 1, 0, 0, b[0], b[1]};
    if (numbers(attr(n, "CTM"), m, 6) == 6)
        *f = (frame){m[0], m[1], m[2], m[3], m[4], m[5], b[0], b[1]};
    return true;
}

static void map_pt(const frame *f, double x, double y, double *px, double *py)
{
    *px = (f->x + f->a * x + f->c * y + f->e) * PT_PER_MM;
    *py = (f->y + f->b * x + f->d * y + f->f) * PT_PER_MM;
}

/* ---- text ---- */

/* The UTF-8 character at s (left bytes; libxml gives valid UTF-8): its code point, *n its
 * length. */
static uint32_t utf8_at(const char *s, size_t left, size_t *n)
{
    int32_t c = fg_utf8_decode(s, left, n);

    if (c < 0 || *n == 0 || *n > left) {
        *n = 1;
        return 0xFFFD;
    }
    return (uint32_t)c;
}

static bool blank_cp(uint32_t c)
{
    return c == ' ' || c < 0x20 || c == 0x7F || c == 0xA0 || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
}

static bool ideo_cp(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* A character's width in em when the file does not say: wide (CJK, full-width forms, CJK
 * punctuation, the dashes and quotes CJK fonts set wide) an em, other characters half. */
static double nominal(uint32_t c)
{
    bool wide = (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
                (c >= 0x2014 && c <= 0x201D) || c == 0x2026 || (c >= 0x2460 && c <= 0x27BF) ||
                c >= 0x20000;

    return wide ? 1.0 : 0.5;
}

/* The advances of a DeltaX (or DeltaY): "d d …" with "g N d" for N times d. */
typedef struct deltas {
    const char *p;
    unsigned long rep; /* left of a "g N d" */
    double val, last;
    bool any;
} deltas;

/* The next advance: true and *v; false when the list is spent (*v is then the last one, if any). */
static bool next_delta(deltas *ds, double *v)
{
    if (ds->rep > 0) {
        ds->rep--;
        *v = ds->val;
        return true;
    }
    while (ds->p != NULL) {
        while (is_space(*ds->p))
            ds->p++;
        if (*ds->p == 'g') {
            double n, d;

            ds->p++;
            if (number(&ds->p, &n) && number(&ds->p, &d) && n >= 1) {
                ds->rep = n > 1e7 ? 10000000UL : (unsigned long)n;
                ds->val = ds->last = d;
                ds->any = true;
                ds->rep--;
                *v = d;
                return true;
            }
            ds->p = NULL;
            break;
        }
        if (number(&ds->p, v)) {
            ds->last = *v;
            ds->any = true;
            return true;
        }
        ds->p = NULL;
    }
    *v = ds->last;
    return false;
}

static int add_glyph(ofd *o, double x0, double y0, double x1, double y1, const char *s, size_t n,
                     bool ideo)
{
    fg_pdf_glyph *g;
    int rc = FG_OK;

    if (o->text.len + n > FG_RD_MAX_TEXT)
        return fg_error_set(FG_EFORMAT, "%s: the document's text is larger than %zu MB", o->name,
                            FG_RD_MAX_TEXT >> 20);
    FG_TRY(FG_GROW(o->g, o->cap_g, o->n_g, 256));
    FG_TRY(FG_GROW(o->off, o->cap_off, o->n_g, 256));
    g = &o->g[o->n_g];
    g->x0 = fmin(x0, x1);
    g->x1 = fmax(x0, x1);
    g->y0 = fmin(y0, y1);
    g->y1 = fmax(y0, y1);
    g->s = NULL;
    g->len = (unsigned)n;
    g->ideo = ideo;
    o->off[o->n_g] = o->text.len;
    FG_TRY(fg_str_append(&o->text, s, n));
    o->n_g++;
out:
    return rc;
}

static int text_object(ofd *o, const xmlNode *obj)
{
    frame f;
    double size = 0, x = 0, y = 0;
    int rc = FG_OK;

    if (!frame_of(obj, &f))
        return FG_OK;
    /* text turned or mirrored by its CTM (a watermark, a seal's ring) is not read */
    if (fabs(f.b) > 1e-6 || fabs(f.c) > 1e-6 || !(f.a > 0) || !(f.d > 0))
        return FG_OK;
    if (numbers(attr(obj, "Size"), &size, 1) != 1 || !(size > 0) || size > 1000)
        return FG_OK;
    for (const xmlNode *tc = obj->children; tc != NULL; tc = tc->next) {
        deltas dx = {0}, dy = {0};
        const char *s;
        size_t left;
        double v;

        if (!is(tc, "TextCode"))
            continue;
        if (numbers(attr(tc, "X"), &v, 1) == 1)
            x = v;
        if (numbers(attr(tc, "Y"), &v, 1) == 1)
            y = v;
        dx.p = attr(tc, "DeltaX");
        dy.p = attr(tc, "DeltaY");
        s = text_of(tc);
        left = strlen(s);
        for (double px = x, py = y; left > 0;) {
            size_t n;
            uint32_t c = utf8_at(s, left, &n);
            double adv, w = nominal(c) * size, ady = 0;
            bool more = n < left;

            /* the advance to the next character, and this one's width */
            if (more) {
                if (!next_delta(&dx, &adv) && !dx.any)
                    adv = w;
                next_delta(&dy, &ady);
                if (adv > 0 && adv < w)
                    w = adv;
            }
            if (!blank_cp(c)) {
                double x0, y0, x1, y1;

                map_pt(&f, px, py - ASCENT * size, &x0, &y0);
                map_pt(&f, px + w, py + DESCENT * size, &x1, &y1);
                if (isfinite(x0) && isfinite(y0) && isfinite(x1) && isfinite(y1))
                    FG_TRY(add_glyph(o, x0, y0, x1, y1, s, n, ideo_cp(c)));
            }
            s += n;
            left -= n;
            if (more) {
                px += adv;
                py += ady;
            }
        }
    }
out:
    return rc;
}

/* ---- lines ---- */

static int add_stroke(ofd *o, double x0, double y0, double x1, double y1, double w)
{
    int rc = FG_OK;

    if (!(isfinite(x0) && isfinite(y0) && isfinite(x1) && isfinite(y1) && isfinite(w)))
        return FG_OK;
    if (fabs(y1 - y0) > 0.5 && fabs(x1 - x0) > 0.5)
        return FG_OK; /* neither horizontal nor vertical: no rule of a table */
    if (o->n_strokes >= MAX_LINES)
        return FG_OK; /* enough to see the tables by */
    FG_TRY(FG_GROW(o->strokes, o->cap_strokes, o->n_strokes, 256));
    o->strokes[o->n_strokes++] = (stroke){x0, y0, x1, y1, w};
out:
    return rc;
}

/* Whether a color element (StrokeColor, FillColor) is light or transparent: not ink. */
static bool light(const xmlNode *color)
{
    double v[4], alpha;
    size_t n;

    if (color == NULL)
        return false; /* black, the default */
    if (numbers(attr(color, "Alpha"), &alpha, 1) == 1 && alpha < 64)
        return true;
    n = numbers(attr(color, "Value"), v, 4);
    if (n == 1)
        return v[0] >= DARK;
    if (n == 3)
        return (v[0] * 3 + v[1] * 6 + v[2]) / 10 >= DARK;
    if (n == 4) /* CMYK, 0..255 each */
        return 255 - fmin(255, (v[0] * 3 + v[1] * 6 + v[2]) / 10 + v[3]) >= DARK;
    return false;
}

static bool flag(const xmlNode *n, const char *name, bool dflt)
{
    const char *v = attr(n, name);

    if (v == NULL)
        return dflt;
    return strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
}

static int path_object(ofd *o, const xmlNode *obj)
{
    frame f;
    double lw = 0.353, scale, sx = 0, sy = 0, cx = 0, cy = 0;
    double bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
    bool stroke_it = flag(obj, "Stroke", true) && !light(child(obj, "StrokeColor"));
    bool fill = flag(obj, "Fill", false) && !light(child(obj, "FillColor"));
    const char *p = text_of(child(obj, "AbbreviatedData"));
    int rc = FG_OK;

    if (!frame_of(obj, &f) || (!stroke_it && !fill))
        return FG_OK;
    numbers(attr(obj, "LineWidth"), &lw, 1);
    scale = sqrt(fabs(f.a * f.d - f.b * f.c));
    lw = fmax(lw * scale * PT_PER_MM, 0.5);
    while (*p) {
        char op = *p;
        double v[6];
        size_t need = 0;

        if (is_space(op)) {
            p++;
            continue;
        }
        p++;
        switch (op) {
        case 'M':
        case 'S':
        case 'L':
            need = 2;
            break;
        case 'Q':
            need = 4;
            break;
        case 'B':
            need = 6;
            break;
        case 'A':
            need = 7;
            break;
        case 'C':
            need = 0;
            break;
        default:
            p = ""; /* not AbbreviatedData: the rest is not read */
            continue;
        }
        if (op == 'A') {
            double arc[7];

            if (numbers(p, arc, 7) != 7)
                break;
            for (int k = 0; k < 7; k++)
                number(&p, &arc[k]);
            cx = arc[5];
            cy = arc[6];
            continue;
        }
        for (size_t k = 0; k < need; k++)
            if (!number(&p, &v[k]))
                goto out; /* a damaged path: what was read stands */
        if (op == 'M' || op == 'S') {
            sx = cx = v[0];
            sy = cy = v[1];
        } else if (op == 'L' || op == 'C') {
            double nx = op == 'L' ? v[0] : sx, ny = op == 'L' ? v[1] : sy;
            double x0, y0, x1, y1;

            map_pt(&f, cx, cy, &x0, &y0);
            map_pt(&f, nx, ny, &x1, &y1);
            if (stroke_it)
                FG_TRY(add_stroke(o, x0, y0, x1, y1, lw));
            cx = nx;
            cy = ny;
        } else {
            cx = v[need - 2];
            cy = v[need - 1];
        }
        if (fill) {
            double px, py;

            map_pt(&f, cx, cy, &px, &py);
            bx0 = fmin(bx0, px);
            by0 = fmin(by0, py);
            bx1 = fmax(bx1, px);
            by1 = fmax(by1, py);
        }
    }
    /* a filled bar no thicker than 3 points is a line (rules drawn as thin rectangles) */
    if (fill && bx0 <= bx1 && by0 <= by1) {
        if (by1 - by0 <= 3 && bx1 - bx0 > by1 - by0)
            FG_TRY(add_stroke(o, bx0, (by0 + by1) / 2, bx1, (by0 + by1) / 2,
                              fmax(by1 - by0, 0.5)));
        else if (bx1 - bx0 <= 3 && by1 - by0 > bx1 - bx0)
            FG_TRY(add_stroke(o, (bx0 + bx1) / 2, by0, (bx0 + bx1) / 2, by1,
                              fmax(bx1 - bx0, 0.5)));
    }
out:
    return rc;
}

/* The objects of a Layer or PageBlock. */
static int objects(ofd *o, const xmlNode *parent, int depth)
{
    int rc = FG_OK;

    if (depth > MAX_NESTING)
        return bad(o, "PageBlocks nested more than %d deep", MAX_NESTING);
    for (const xmlNode *c = parent->children; c != NULL; c = c->next) {
        if (is(c, "TextObject"))
            FG_TRY(text_object(o, c));
        else if (is(c, "PathObject"))
            FG_TRY(path_object(o, c));
        else if (is(c, "PageBlock"))
            FG_TRY(objects(o, c, depth + 1));
    }
out:
    return rc;
}

/* The objects of a page's (or template's) Content, layer by layer. */
static int content(ofd *o, const xmlNode *page)
{
    int rc = FG_OK;

    const xmlNode *c = child(page, "Content");

    for (const xmlNode *l = c != NULL ? c->children : NULL; l != NULL; l = l->next)
        if (is(l, "Layer"))
            FG_TRY(objects(o, l, 0));
out:
    return rc;
}

/* ---- pages ---- */

/* The part a BaseLoc names: from the package's root when it starts with '/', else from dir. */
static int part_of(char *out, const char *dir, const char *loc)
{
    if (loc == NULL || *loc == '\0' || fg_docx__resolve(out, MAX_PATH, dir, loc) != 0)
        return -1;
    return 0;
}

static int load(ofd *o, const char *part, xmlDoc **out, const char *what)
{
    int rc = fg_docx__load_part(&o->pkg, part, out);

    if (rc == FG_OK && *out == NULL)
        rc = bad(o, "%s %s is missing", what, part);
    return rc;
}

static int template_page(ofd *o, const char *id)
{
    int rc = FG_OK;

    for (size_t i = 0; i < o->n_tpls; i++) {
        tpl *t = &o->tpls[i];

        if (strcmp(t->id, id) != 0)
            continue;
        if (t->xml == NULL)
            FG_TRY(load(o, t->loc, &t->xml, "the template page"));
        FG_TRY(content(o, xmlDocGetRootElement(t->xml)));
        break;
    }
out:
    return rc;
}

static int read_page(ofd *o, const char *part, const double dflt[2])
{
    xmlDoc *xml = NULL;
    const xmlNode *root;
    double b[4];
    size_t pno = o->page;
    int rc = FG_OK;

    FG_TRY(load(o, part, &xml, "the page"));
    root = xmlDocGetRootElement(xml);
    o->width[pno] = dflt[0];
    o->height[pno] = dflt[1];
    if (box(text_of(child(child(root, "Area"), "PhysicalBox")), b) && b[2] > 0 && b[3] > 0) {
        o->width[pno] = b[2] * PT_PER_MM;
        o->height[pno] = b[3] * PT_PER_MM;
    }
    o->n_g = 0;
    fg_str_clear(&o->text);
    o->first_stroke[pno] = o->n_strokes;
    /* templates first: drawn under the page */
    for (const xmlNode *c = root->children; c != NULL; c = c->next) {
        const char *id = attr(c, "TemplateID");

        if (is(c, "Template") && id != NULL)
            FG_TRY(template_page(o, id));
    }
    FG_TRY(content(o, root));
    o->first_stroke[pno + 1] = o->n_strokes;
    for (size_t i = 0; i < o->n_g; i++)
        o->g[i].s = o->text.ptr + o->off[i];
    FG_TRY(fg_pdf_page_lines(&o->d, o->g, o->n_g, pno, o->name));
out:
    xmlFreeDoc(xml);
    return rc;
}

/* fg_pdf_doc's render hook: the page's lines drawn black on white, one pixel a point. */
static int render(fg_pdf_doc *d, size_t pno)
{
    const ofd *o = d->render_ctx;
    double pw = o->width[pno], ph = o->height[pno];
    int w, h;

    free(d->bitmap);
    d->bitmap = NULL;
    if (!(pw >= 1 && ph >= 1 && pw <= 14400 && ph <= 14400 && pw * ph <= 16e6))
        return -1; /* as read_pdf_rule.c: a page larger than 16 million square points */
    w = (int)ceil(pw);
    h = (int)ceil(ph);
    d->bitmap = malloc((size_t)w * (size_t)h);
    if (d->bitmap == NULL)
        return -1;
    memset(d->bitmap, 255, (size_t)w * (size_t)h);
    for (size_t i = o->first_stroke[pno]; i < o->first_stroke[pno + 1]; i++) {
        const stroke *s = &o->strokes[i];
        bool horiz = fabs(s->y1 - s->y0) <= fabs(s->x1 - s->x0);
        double a0 = horiz ? fmin(s->x0, s->x1) : fmin(s->y0, s->y1);
        double a1 = horiz ? fmax(s->x0, s->x1) : fmax(s->y0, s->y1);
        double mid = horiz ? (s->y0 + s->y1) / 2 : (s->x0 + s->x1) / 2;
        double t0 = mid - s->w / 2, t1 = mid + s->w / 2;
        int lim_a = horiz ? w : h, lim_t = horiz ? h : w;
        int ia0 = (int)fmax(0, floor(a0)), ia1 = (int)fmin(lim_a - 1, ceil(a1) - 1);
        int it0 = (int)fmax(0, floor(t0)), it1 = (int)fmin(lim_t - 1, ceil(t1) - 1);

        if (it1 < it0 && it0 < lim_t)
            it1 = it0;
        for (int t = it0; t <= it1; t++)
            for (int a = ia0; a <= ia1; a++)
                d->bitmap[horiz ? (size_t)t * w + a : (size_t)a * w + t] = 0;
    }
    d->bitmap_w = w;
    d->bitmap_h = h;
    d->bitmap_page = pno;
    return 0;
}

/* ---- the reader ---- */

static int read_document(ofd *o, fg_rd *rd)
{
    xmlDoc *top = NULL, *doc = NULL;
    const xmlNode *root, *common, *pages;
    const char *loc = NULL;
    char part[MAX_PATH];
    double dflt[2] = {210 * PT_PER_MM, 297 * PT_PER_MM}, b[4];
    size_t n_pages = 0;
    int rc = FG_OK;

    FG_TRY(fg_docx__load_part(&o->pkg, "OFD.xml", &top));
    if (top == NULL) {
        rc = bad(o, "no OFD.xml");
        goto out;
    }
    for (const xmlNode *c = xmlDocGetRootElement(top)->children; c && loc == NULL; c = c->next)
        if (is(c, "DocBody"))
            loc = text_of(child(c, "DocRoot"));
    if (loc == NULL || part_of(part, "", loc) != 0) {
        rc = bad(o, "OFD.xml names no document (DocBody/DocRoot)");
        goto out;
    }
    FG_TRY(load(o, part, &doc, "the document"));
    /* the folder of Document.xml, which the pages' names start from */
    snprintf(o->dir, sizeof o->dir, "%s", part);
    if (strrchr(o->dir, '/') != NULL)
        strrchr(o->dir, '/')[1] = '\0';
    else
        o->dir[0] = '\0';
    root = xmlDocGetRootElement(doc);
    common = child(root, "CommonData");
    if (box(text_of(child(child(common, "PageArea"), "PhysicalBox")), b) && b[2] > 0 &&
        b[3] > 0) {
        dflt[0] = b[2] * PT_PER_MM;
        dflt[1] = b[3] * PT_PER_MM;
    }
    for (const xmlNode *c = common ? common->children : NULL; c != NULL; c = c->next)
        o->n_tpls += is(c, "TemplatePage");
    if (o->n_tpls > 0) {
        o->tpls = calloc(o->n_tpls, sizeof *o->tpls);
        FG_CHECK_ALLOC(o->tpls);
        o->n_tpls = 0;
        for (const xmlNode *c = common->children; c != NULL; c = c->next) {
            tpl *t = &o->tpls[o->n_tpls];

            if (!is(c, "TemplatePage") || attr(c, "ID") == NULL ||
                part_of(t->loc, o->dir, attr(c, "BaseLoc")) != 0)
                continue;
            t->id = attr(c, "ID");
            o->n_tpls++;
        }
    }
    pages = child(root, "Pages");
    for (const xmlNode *c = pages ? pages->children : NULL; c != NULL; c = c->next)
        n_pages += is(c, "Page");
    if (n_pages == 0) {
        rc = bad(o, "it has no pages");
        goto out;
    }
    if (n_pages > MAX_PAGES) {
        rc = bad(o, "more than %d pages", MAX_PAGES);
        goto out;
    }
    o->width = calloc(n_pages, sizeof *o->width);
    o->height = calloc(n_pages, sizeof *o->height);
    o->first_stroke = calloc(n_pages + 1, sizeof *o->first_stroke);
    FG_CHECK_ALLOC(o->width);
    FG_CHECK_ALLOC(o->height);
    FG_CHECK_ALLOC(o->first_stroke);
    o->d.n_pages = n_pages;
    for (const xmlNode *c = pages->children; c != NULL; c = c->next) {
        if (!is(c, "Page"))
            continue;
        if (part_of(part, o->dir, attr(c, "BaseLoc")) != 0) {
            rc = bad(o, "page %zu has no content (BaseLoc)", o->page + 1);
            goto out;
        }
        FG_TRY(read_page(o, part, dflt));
        o->page++;
    }
    if (o->d.n_glyphs == 0) {
        rc = bad(o, "it holds no text (a scan, or text drawn as shapes); run OCR first");
        goto out;
    }
    FG_TRY(fg_pdf_furniture(&o->d, o->height));
    o->d.render = render;
    o->d.render_ctx = o;
    FG_TRY(fg_pdf_write(rd, &o->d));
out:
    xmlFreeDoc(doc);
    xmlFreeDoc(top);
    return rc;
}

int fg_read_ofd(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    ofd o = {0};
    int rc = FG_OK;

    o.name = rd->name;
    FG_TRY(fg_docx__open_kind(&o.pkg, rd->name, "OFD document", bytes, len));
    FG_TRY(read_document(&o, rd));
out:
    for (size_t i = 0; i < o.n_tpls; i++)
        xmlFreeDoc(o.tpls[i].xml);
    free(o.tpls);
    fg_docx__close(&o.pkg);
    fg_pdf_doc_dispose(&o.d);
    fg_str_dispose(&o.text);
    free(o.g);
    free(o.off);
    free(o.strokes);
    free(o.first_stroke);
    free(o.width);
    free(o.height);
    return rc;
}

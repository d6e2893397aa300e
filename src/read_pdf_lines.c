/*
 * The PDF reader's lines (read_pdf_int.h), shared with the OFD reader: the character boxes of
 * a page become visual lines (fg_pdf_page_lines()), and page furniture is marked
 * (fg_pdf_furniture()). read_pdf.c's comment tells how; nothing here calls poppler.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"
#include "read_pdf_int.h"
#include "unwrap.h"

#define GAP_SEG 0.8     /* a gap of this many em splits a line into segments */
#define GAP_SOFT 0.4    /* a smaller one of this many em too, for tables only (soft) */
#define GAP_NARROW 0.25 /* between two ideographs, a soft segment too (a spreadsheet's padding) */
#define GAP_BLANK 0.15  /* a gap of this many em is a blank */
#define BAND_TOP 0.11   /* page furniture: the top and bottom bands, as parts of the height */
#define BAND_BOTTOM 0.89

typedef fg_pdf_glyph glyph;
typedef fg_pdf_doc doc;
typedef fg_pdf_line line;

static int cmp_mid(const void *a, const void *b)
{
    const glyph *p = a, *q = b;
    double m = (p->y0 + p->y1) / 2, n = (q->y0 + q->y1) / 2;

    if (m != n)
        return m < n ? -1 : 1;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static int cmp_x(const void *a, const void *b)
{
    const glyph *p = a, *q = b;

    if (p->x0 != q->x0)
        return p->x0 < q->x0 ? -1 : 1;
    return p->s < q->s ? -1 : p->s > q->s;
}

/* Append blanks for a gap of w points in a line of em: one blank for a word space, two for a
 * wider gap (the runs of blanks that separate the cells of a table typed with blanks), and
 * for a gap of an em or more that many U+3000 (the paragraph indent inside a flat text). */
static int blanks(fg_str *s, double w, double em)
{
    int rc = FG_OK;

    if (w >= 0.9 * em) {
        int n = (int)(w / em + 0.5);

        if (n < 1)
            n = 1;
        if (n > 8)
            n = 8;
        for (int i = 0; i < n; i++)
            FG_TRY(fg_str_append(s, "\xE3\x80\x80", 3));
    } else {
        FG_TRY(fg_str_append(s, "  ", w >= 0.55 * em ? 2 : 1));
    }
out:
    return rc;
}

/* The extent of a segment of the glyphs g[0..n), sorted by x. */
/* Whether the n glyphs are ASCII digits. */
static bool digits(const glyph *g, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (g[i].len != 1 || g[i].s[0] < '0' || g[i].s[0] > '9')
            return false;
    return true;
}

static void seg_close(fg_pdf_seg *s, const glyph *g, size_t n)
{
    s->x0 = g[0].x0;
    s->x1 = g[n - 1].x1;
    s->y0 = g[0].y0;
    s->y1 = g[0].y1;
    for (size_t i = 1; i < n; i++) {
        s->y0 = fmin(s->y0, g[i].y0);
        s->y1 = fmax(s->y1, g[i].y1);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;

    return p < q ? -1 : p > q;
}

/*
 * Some fonts give every glyph the font's whole bounding box: the Type 3 fonts of a browser's
 * print are 2.6 em tall, so that the boxes of the lines of a table cell overlap, and a line
 * centred between two others falls inside both. When the ideographs of a page are taller
 * than 1.45 times their width (the middle of them), every box is shrunk about its middle to
 * the height a font of ordinary metrics would give (1.3 em). FG_OK or FG_ENOMEM.
 */
static int shrink_tall(glyph *g, size_t n)
{
    double *r = malloc((n ? n : 1) * sizeof *r), ratio, k;
    size_t m = 0;
    int rc = FG_OK;

    FG_CHECK_ALLOC(r);
    for (size_t i = 0; i < n; i++)
        if (g[i].ideo && g[i].x1 - g[i].x0 > 0.5)
            r[m++] = (g[i].y1 - g[i].y0) / (g[i].x1 - g[i].x0);
    if (m == 0)
        goto out;
    qsort(r, m, sizeof *r, cmp_double);
    ratio = r[m / 2];
    if (!(ratio > 1.45))
        goto out;
    k = 1.3 / ratio;
    for (size_t i = 0; i < n; i++) {
        double mid = (g[i].y0 + g[i].y1) / 2, h = (g[i].y1 - g[i].y0) * k;

        g[i].y0 = mid - h / 2;
        g[i].y1 = mid + h / 2;
    }
out:
    free(r);
    return rc;
}

/*
 * Whether the gap before g[i] is inside a name of two ideographs padded to the width of
 * three (李　强, 赵　四, as a 名单 aligns its persons): g[i - 1] stands alone after a gap (its
 * segment starts at s0 = i - 1), g[i] stands alone before one, and the two are less than
 * 1.5 em apart. Such a name is one segment: a 名单 of them one a line is no table.
 */
static bool padded_name(const glyph *g, size_t n, size_t s0, size_t i, double em)
{
    return i == s0 + 1 && g[s0].ideo && g[i].ideo && g[i].x0 - g[s0].x1 < 1.5 * em &&
           (i + 1 == n || g[i + 1].x0 - g[i].x1 >= GAP_SOFT * em);
}

/*
 * Whether a gap of GAP_NARROW em between g[0] and g[1] may part two cells: an ideograph, then
 * an ideograph or a digit (区教育局 2025年12月). Ideographs are set solid, so such a gap is a
 * blank typed in the text or two cells a spreadsheet's padding apart (区城管局 after a task
 * cell filled to its column's edge), which the table's columns tell apart. A digit before an
 * ideograph is left to the head number of fg_pdf_seg (a 序号 aligned right, then the task).
 */
static bool narrow_pair(const glyph *g)
{
    return g[0].ideo && (g[1].ideo || digits(g + 1, 1));
}

/* One visual line from glyphs g[0..n), sorted here by x. */
static int add_line(doc *d, glyph *g, size_t n, size_t page)
{
    line *l;
    double em = 0, h = 0;
    size_t s0 = 0;
    bool soft = false;
    int rc = FG_OK;

    qsort(g, n, sizeof *g, cmp_x);
    for (size_t i = 0; i < n; i++) {
        if (g[i].y1 - g[i].y0 > h)
            h = g[i].y1 - g[i].y0;
        if (g[i].ideo && g[i].x1 - g[i].x0 > em)
            em = g[i].x1 - g[i].x0;
    }
    if (em <= 0 || (h > 0 && em > h * 1.5))
        em = h > 0 ? h / 1.3 : 10;
    FG_TRY(FG_GROW(d->lines, d->cap_lines, d->n_lines, 256));
    l = &d->lines[d->n_lines];
    memset(l, 0, sizeof *l);
    l->em = em;
    l->page = page;
    l->off = d->pool.len;
    l->seg0 = d->n_segs;
    l->x0 = g[0].x0;
    l->y0 = g[0].y0;
    l->y1 = g[0].y1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            double gap = g[i].x0 - g[i - 1].x1;
            size_t head = d->pool.len - d->segs[d->n_segs].off;

            if (gap >= GAP_BLANK * em && gap < GAP_SOFT * em && i - s0 <= 4 &&
                head == i - s0 && digits(g + s0, i - s0) && !digits(g + i, 1)) {
                /* a number, a blank's gap and other text: see fg_pdf_seg */
                d->segs[d->n_segs].head_len = head;
                d->segs[d->n_segs].head_x1 = g[i - 1].x1;
                d->segs[d->n_segs].rest_x0 = g[i].x0;
            }
            if ((gap >= GAP_SOFT * em || (gap >= GAP_NARROW * em && narrow_pair(g + i - 1))) &&
                !padded_name(g, n, s0, i, em)) {
                /* a new segment */
                FG_TRY(FG_GROW(d->segs, d->cap_segs, d->n_segs, 256));
                seg_close(&d->segs[d->n_segs], g + s0, i - s0);
                d->n_segs++;
                s0 = i;
                soft = gap < GAP_SEG * em;
            }
            if (gap >= GAP_BLANK * em)
                FG_TRY(blanks(&d->pool, gap, em));
        }
        if (i == s0) {
            /* the segment's text starts here: remember where in the pool */
            FG_TRY(FG_GROW(d->segs, d->cap_segs, d->n_segs, 256));
            d->segs[d->n_segs].off = d->pool.len;
            d->segs[d->n_segs].soft = soft;
            d->segs[d->n_segs].head_len = 0;
            d->segs[d->n_segs].rest_skip = 0;
            if (!soft)
                l->n_hard++;
        }
        if (i > s0 && d->segs[d->n_segs].head_len > 0 && d->segs[d->n_segs].rest_skip == 0)
            d->segs[d->n_segs].rest_skip = d->pool.len - d->segs[d->n_segs].off;
        FG_TRY(fg_str_append(&d->pool, g[i].s, g[i].len));
        d->segs[d->n_segs].len = d->pool.len - d->segs[d->n_segs].off;
        if (g[i].y0 < l->y0)
            l->y0 = g[i].y0;
        if (g[i].y1 > l->y1)
            l->y1 = g[i].y1;
        if (g[i].x1 > l->x1)
            l->x1 = g[i].x1;
    }
    FG_TRY(FG_GROW(d->segs, d->cap_segs, d->n_segs, 256));
    seg_close(&d->segs[d->n_segs], g + s0, n - s0);
    d->n_segs++;
    l = &d->lines[d->n_lines];
    l->len = d->pool.len - l->off;
    l->n_seg = d->n_segs - l->seg0;
    d->n_lines++;
    if (d->pool.len > FG_RD_MAX_TEXT)
        rc = FG_EFORMAT; /* the caller names the file */
out:
    return rc;
}

int fg_pdf_page_lines(fg_pdf_doc *d, fg_pdf_glyph *g, size_t n, size_t pno, const char *name)
{
    int rc = FG_OK;

    if (n == 0)
        return FG_OK; /* a page without text (g may be NULL) */
    d->n_glyphs += n;
    FG_TRY(shrink_tall(g, n));
    /* lines: glyphs whose middles lie within the band of the line's first glyph */
    qsort(g, n, sizeof *g, cmp_mid);
    for (size_t i = 0; i < n;) {
        double mid = (g[i].y0 + g[i].y1) / 2, h = g[i].y1 - g[i].y0;
        size_t j = i + 1;

        while (j < n && (g[j].y0 + g[j].y1) / 2 - mid <= 0.4 * fmax(h, g[j].y1 - g[j].y0))
            j++;
        rc = add_line(d, g + i, j - i, pno);
        if (rc == FG_EFORMAT)
            rc = fg_error_set(FG_EFORMAT, "%s: the document's text is larger than %zu MB", name,
                              FG_RD_MAX_TEXT >> 20);
        if (rc < 0)
            goto out;
        i = j;
    }
out:
    return rc;
}

/* ---- page furniture ---- */

static bool is_digit_at(const char *s, size_t len, size_t i)
{
    return i < len && s[i] >= '0' && s[i] <= '9';
}

/* Whether the text (blanks removed) is a page number: N, -N-, —N—, 第N页, 第N页共M页, N/M, …. */
static bool page_number(const char *t, size_t len)
{
    static const char *const dashes[] = {"-", "—", "–", "－", "─", "·", "•", "~", "〜", "－"};
    char s[128];
    size_t n = 0, i = 0;

    for (size_t k = 0; k < len && n < sizeof s - 1; k++)
        if (t[k] != ' ')
            s[n++] = t[k];
    if (n == len && len >= sizeof s - 1)
        return false;
    s[n] = '\0';
    /* strip dashes from both ends */
    for (bool more = true; more;) {
        more = false;
        for (size_t k = 0; k < sizeof dashes / sizeof *dashes; k++) {
            size_t m = strlen(dashes[k]);

            if (n - i >= m && memcmp(s + i, dashes[k], m) == 0) {
                i += m;
                more = true;
            }
            if (n - i >= m && memcmp(s + n - m, dashes[k], m) == 0) {
                n -= m;
                more = true;
            }
        }
    }
    if (i >= n)
        return false;
    if (n - i >= 3 && memcmp(s + i, "第", 3) == 0) {
        /* 第N页 (共M页) */
        size_t k = i + 3;

        if (!is_digit_at(s, n, k))
            return false;
        while (is_digit_at(s, n, k))
            k++;
        if (n - k < 3 || memcmp(s + k, "页", 3) != 0)
            return false;
        k += 3;
        if (k == n)
            return true;
        if (n - k >= 3 && memcmp(s + k, "共", 3) == 0 && is_digit_at(s, n, k + 3)) {
            k += 3;
            while (is_digit_at(s, n, k))
                k++;
            return n - k == 3 && memcmp(s + k, "页", 3) == 0;
        }
        return false;
    }
    if (!is_digit_at(s, n, i))
        return false;
    while (is_digit_at(s, n, i))
        i++;
    if (i == n)
        return true;
    if (s[i] == '/' && is_digit_at(s, n, i + 1)) {
        i++;
        while (is_digit_at(s, n, i))
            i++;
        return i == n;
    }
    return false;
}

/* The key of a line for the running-header count: which band, then its text with digits
 * as '#' and blanks out. */
static int line_key(const doc *d, const line *l, double height, fg_str *keys)
{
    int rc = FG_OK;

    FG_TRY(fg_str_appendc(keys, l->y0 > height / 2 ? 'B' : 'T'));
    for (size_t k = 0; k < l->len; k++) {
        char c = d->pool.ptr[l->off + k];

        if (c != ' ')
            FG_TRY(fg_str_appendc(keys, c >= '0' && c <= '9' ? '#' : c));
    }
out:
    return rc;
}

typedef struct cand {
    size_t line;
    size_t off, len; /* key */
} cand;

/* qsort() has no context argument: the keys, set just before sorting */
static _Thread_local const char *cand_keys;

static int cmp_cand(const void *a, const void *b)
{
    const cand *p = a, *q = b;
    size_t n = p->len < q->len ? p->len : q->len;
    int c = memcmp(cand_keys + p->off, cand_keys + q->off, n);

    if (c != 0)
        return c;
    if (p->len != q->len)
        return p->len < q->len ? -1 : 1;
    return p->line < q->line ? -1 : p->line > q->line;
}

/* Mark page numbers and running headers/footers among the first two and last two lines of
 * each page that lie in the top or bottom band. */
int fg_pdf_furniture(fg_pdf_doc *d, const double *heights)
{
    cand *cs = NULL;
    size_t n_cand = 0;
    fg_str keys = FG_STR_INIT;
    int rc = FG_OK;

    for (size_t i = 0; i < d->n_lines;) {
        size_t j = i;
        double h;

        while (j < d->n_lines && d->lines[j].page == d->lines[i].page)
            j++;
        h = heights[d->lines[i].page];
        for (size_t k = i; k < j; k++) {
            line *l = &d->lines[k];

            if ((k < i + 2 && l->y1 < h * BAND_TOP) || (k + 2 >= j && l->y0 > h * BAND_BOTTOM))
                l->cand = true;
            if (l->cand)
                n_cand++;
        }
        i = j;
    }
    if (n_cand == 0)
        return FG_OK;
    cs = malloc(n_cand * sizeof *cs);
    FG_CHECK_ALLOC(cs);
    n_cand = 0;
    for (size_t k = 0; k < d->n_lines; k++) {
        line *l = &d->lines[k];

        if (!l->cand)
            continue;
        if (page_number(d->pool.ptr + l->off, l->len)) {
            l->drop = true;
            continue;
        }
        cs[n_cand].line = k;
        cs[n_cand].off = keys.len;
        FG_TRY(line_key(d, l, heights[l->page], &keys));
        cs[n_cand].len = keys.len - cs[n_cand].off;
        n_cand++;
    }
    if (d->n_pages < 2 || n_cand == 0)
        goto out;
    cand_keys = keys.ptr;
    qsort(cs, n_cand, sizeof *cs, cmp_cand);
    /* a run of equal keys on at least half the pages (and two) is a running header/footer */
    for (size_t i = 0; i < n_cand;) {
        size_t j = i + 1;
        size_t pages = 1;

        while (j < n_cand && cs[j].len == cs[i].len &&
               memcmp(keys.ptr + cs[j].off, keys.ptr + cs[i].off, cs[i].len) == 0) {
            if (d->lines[cs[j].line].page != d->lines[cs[j - 1].line].page)
                pages++;
            j++;
        }
        if (pages >= 2 && pages * 2 >= d->n_pages)
            for (size_t k = i; k < j; k++)
                d->lines[cs[k].line].drop = true;
        i = j;
    }
out:
    fg_str_dispose(&keys);
    free(cs);
    return rc;
}

/* ---- lines broken by the width of the text block ---- */

/* Whether the line's text ends in closing punctuation, which may hang past the right edge. */
static bool ends_hanging(const doc *d, const line *l)
{
    static const char *const hang[] = {"，", "。", "、", "；", "：", "！", "？", "）",
                                       "》", "”", "’", "」", "』", "】"};
    const char *t = d->pool.ptr + l->off;

    if (l->len < 3)
        return false;
    for (size_t k = 0; k < sizeof hang / sizeof *hang; k++)
        if (memcmp(t + l->len - 3, hang[k], 3) == 0)
            return true;
    return false;
}

/* Whether the line may be a paragraph's line: written, not a table's row of 3 cells. */
static bool text_line(const line *l)
{
    return !l->drop && l->n_hard < 3 && l->len > 0;
}

typedef struct page_edges {
    double left, right; /* the leftmost start and the rightmost end (but hanging) of its lines */
    double gap;         /* the least gap between two of its lines one under the other */
} page_edges;

int fg_pdf_wraps(fg_pdf_doc *d)
{
    page_edges *pe = NULL;
    size_t n_pages = 0;
    double width = 0;
    int rc = FG_OK;

    for (size_t k = 0; k < d->n_lines; k++)
        if (d->lines[k].page + 1 > n_pages)
            n_pages = d->lines[k].page + 1;
    if (n_pages == 0)
        return FG_OK;
    pe = malloc(n_pages * sizeof *pe);
    FG_CHECK_ALLOC(pe);
    for (size_t p = 0; p < n_pages; p++)
        pe[p] = (page_edges){INFINITY, -INFINITY, INFINITY};
    for (size_t k = 0, prev = SIZE_MAX; k < d->n_lines; k++) {
        const line *l = &d->lines[k];
        page_edges *e = &pe[l->page];

        if (!text_line(l))
            continue;
        e->left = fmin(e->left, l->x0);
        e->right = fmax(e->right, ends_hanging(d, l) ? l->x1 - l->em : l->x1);
        if (prev != SIZE_MAX && d->lines[prev].page == l->page && l->y0 >= d->lines[prev].y1)
            e->gap = fmin(e->gap, l->y0 - d->lines[prev].y1);
        prev = k;
    }
    for (size_t p = 0; p < n_pages; p++)
        if (pe[p].right > pe[p].left)
            width = fmax(width, pe[p].right - pe[p].left);
    for (size_t k = 0; k < d->n_lines; k++) {
        line *l = &d->lines[k];
        const line *n;
        size_t j = k + 1;
        const char *a, *b;
        size_t a_len, b_len;
        double indent, short_by;

        l->wraps = 0;
        if (l->drop || l->len == 0)
            continue;
        while (j < d->n_lines && d->lines[j].drop)
            j++;
        if (j >= d->n_lines || d->lines[j].len == 0)
            continue;
        n = &d->lines[j];
        indent = n->x0 - pe[n->page].left;
        /* a line indented further than a paragraph's first line (2 em) is aligned under a
         * label (a roster's second person line): filling the line, it is no broken one */
        if (l->x0 > pe[l->page].left + 2.5 * l->em)
            continue;
        if (l->x1 < pe[l->page].left + width - 0.97 * l->em || indent > 1.5 * n->em ||
            (indent > 0.5 * n->em && indent < 0.8 * n->em) || fabs(n->em - l->em) > 0.2 * l->em)
            continue;
        if (n->page == l->page ? n->y0 - l->y1 > pe[l->page].gap + 0.5 * l->em
                               : n->page != l->page + 1)
            continue;
        a = d->pool.ptr + l->off;
        a_len = l->len;
        b = d->pool.ptr + n->off;
        b_len = n->len;
        while (a_len > 0 && a[a_len - 1] == ' ')
            a_len--;
        if (!fg_unwrap_joins(a, a_len, b, b_len,
                             n->x1 >= pe[n->page].left + width - 0.97 * n->em))
            continue;
        short_by = (pe[l->page].left + width - l->x1) / l->em;
        if (indent >= 0.8 * n->em)
            l->wraps = 3; /* a blank that the break put at the start of the line (U+3000) */
        else if (indent >= 0.2 * n->em)
            l->wraps = 2; /* a blank of a word space there */
        else if (fg_unwrap_blank_between(a, a_len, b, b_len) && short_by > 0.6)
            l->wraps = 2; /* a Latin word moved whole to the next line */
        else if (fg_unwrap_units_between(a, a_len, b, b_len))
            l->wraps = 2; /* the undrawn blank between two units (省公安厅 | 省商务厅) */
        else
            l->wraps = 1;
    }
out:
    free(pe);
    return rc;
}

void fg_pdf_doc_dispose(fg_pdf_doc *d)
{
    free(d->bitmap);
    free(d->hrules);
    fg_str_dispose(&d->pool);
    free(d->segs);
    free(d->lines);
}

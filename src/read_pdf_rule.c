/*
 * The PDF reader's eyes for ruling lines (read_pdf_int.h): poppler-glib tells where the
 * characters are but not where the lines of a table are drawn, so a page is rendered into a
 * bitmap (one pixel a point, only for a page with a table) and looked at: the band between
 * two rows of a column (fg_pdf_rule()), or the rows of pixels across the columns that are
 * rules (fg_pdf_rules()).
 *
 * Rendering loads the page's fonts; when a font cannot be loaded (a damaged embedded font)
 * poppler 22's cairo backend prints "some font thing failed" to stderr itself, with no way to
 * silence it short of redirecting the process's stderr, which a library must not do. Pages
 * are rendered only where a table is found (its rows are the bands between its rules), so
 * documents without tables never reach it.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_api.h" /* <poppler.h>, loaded on first use */

#include "error.h"
#include "grow.h"
#include "read_pdf_int.h"

#define DARK 215 /* a pixel darker than this is ink */

typedef fg_pdf_doc doc;

/* Render the page into d->bitmap as luminance, one pixel a point. */
static int render(doc *d, size_t pno)
{
    PopplerPage *page = poppler_document_get_page(d->pdf, (int)pno);
    cairo_surface_t *surf = NULL;
    cairo_t *cr = NULL;
    double w = 0, h = 0;
    int rc = -1;

    free(d->bitmap);
    d->bitmap = NULL;
    if (page == NULL)
        goto out;
    poppler_page_get_size(page, &w, &h);
    if (!(w >= 1 && h >= 1 && w <= 14400 && h <= 14400 && w * h <= 16e6))
        goto out; /* a page larger than 16 million square points is not looked at */
    surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w), (int)ceil(h));
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS)
        goto out;
    cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    poppler_page_render(page, cr);
    cairo_surface_flush(surf);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        goto out;
    {
        int bw = cairo_image_surface_get_width(surf), bh = cairo_image_surface_get_height(surf);
        int stride = cairo_image_surface_get_stride(surf);
        const unsigned char *px = cairo_image_surface_get_data(surf);

        d->bitmap = malloc((size_t)bw * (size_t)bh);
        if (d->bitmap == NULL || px == NULL)
            goto out;
        for (int y = 0; y < bh; y++) {
            const uint32_t *row = (const uint32_t *)(const void *)(px + (size_t)y * stride);

            for (int x = 0; x < bw; x++) {
                uint32_t v = row[x];
                unsigned lum = (((v >> 16) & 0xFF) * 3 + ((v >> 8) & 0xFF) * 6 + (v & 0xFF)) / 10;

                d->bitmap[(size_t)y * bw + x] = (unsigned char)lum;
            }
        }
        d->bitmap_w = bw;
        d->bitmap_h = bh;
        d->bitmap_page = pno;
        rc = 0;
    }
out:
    g_clear_pointer(&cr, cairo_destroy);
    g_clear_pointer(&surf, cairo_surface_destroy);
    g_clear_object(&page);
    return rc;
}

/* d->bitmap holds page pno: 0, or -1 when it cannot be had. */
static int bitmap_of(doc *d, size_t pno)
{
    if (d->bitmap != NULL && d->bitmap_page == pno)
        return 0;
    if (d->render != NULL)
        return d->render(d, pno);
    if (d->pdf == NULL)
        return -1;
    return render(d, pno);
}

int fg_pdf_rule(fg_pdf_doc *d, size_t page, double x0, double x1, double y0, double y1)
{
    int ya, yb, xa, xb, dark = 0;

    if (bitmap_of(d, page) < 0)
        return -1;
    ya = (int)floor(y0);
    yb = (int)ceil(y1);
    xa = (int)ceil(x0);
    xb = (int)floor(x1);
    if (ya < 0)
        ya = 0;
    if (yb > d->bitmap_h - 1)
        yb = d->bitmap_h - 1;
    if (xa < 0)
        xa = 0;
    if (xb > d->bitmap_w - 1)
        xb = d->bitmap_w - 1;
    if (ya > yb || xa >= xb)
        return -1;
    /* a column of pixels is crossed when some pixel of it in the band is dark */
    for (int x = xa; x <= xb; x++) {
        for (int y = ya; y <= yb; y++) {
            if (d->bitmap[(size_t)y * d->bitmap_w + x] < DARK) {
                dark++;
                break;
            }
        }
    }
    return dark * 10 >= (xb - xa + 1) * 6;
}

/* The mean luminance of the pixels xa..xb of row y (white outside the page). */
static double row_mean(const doc *d, int y, int xa, int xb)
{
    const unsigned char *px;
    unsigned long sum = 0;

    if (y < 0 || y >= d->bitmap_h)
        return 255;
    px = d->bitmap + (size_t)y * d->bitmap_w;
    for (int x = xa; x <= xb; x++)
        sum += px[x];
    return (double)sum / (xb - xa + 1);
}

static bool dark_at(const doc *d, int y, int x)
{
    return x >= 0 && x < d->bitmap_w && d->bitmap[(size_t)y * d->bitmap_w + x] < DARK;
}

/* Whether row y is a rule across the pixels xa..xb (see fg_pdf_rules()). */
static bool rule_row(const doc *d, int y, int xa, int xb)
{
    const unsigned char *px = d->bitmap + (size_t)y * d->bitmap_w;
    int dark = 0;
    double mean;

    for (int x = xa; x <= xb; x++)
        dark += px[x] < DARK;
    if (dark * 10 < (xb - xa + 1) * 9)
        return false;
    if (!(dark_at(d, y, xa - 1) || dark_at(d, y, xa - 2)) ||
        !(dark_at(d, y, xb + 1) || dark_at(d, y, xb + 2)))
        return false;
    mean = row_mean(d, y, xa, xb);
    return mean + 40 < fmax(row_mean(d, y - 3, xa, xb), row_mean(d, y + 3, xa, xb));
}

int fg_pdf_rules(bool *seen, fg_pdf_doc *d, size_t page, const double (*x)[2], size_t n_cols,
                 double y0, double y1)
{
    int ya, yb, run0 = -1;
    uint64_t run_cols = 0;
    int xa[64], xb[64];
    int rc = FG_OK;

    *seen = false;
    d->n_hrules = 0;
    if (n_cols > 64 || bitmap_of(d, page) < 0)
        return FG_OK;
    *seen = true;
    ya = (int)fmax(0, floor(y0));
    yb = (int)fmin(d->bitmap_h - 1, ceil(y1));
    for (size_t c = 0; c < n_cols; c++) {
        xa[c] = (int)fmax(0, ceil(x[c][0]));
        xb[c] = (int)fmin(d->bitmap_w - 1, floor(x[c][1]));
    }
    /* one more row than the band, so that a rule at its end is closed */
    for (int y = ya; y <= yb + 1; y++) {
        uint64_t cols = 0;

        for (size_t c = 0; c < n_cols && y <= yb; c++)
            if (xb[c] - xa[c] >= 2 && rule_row(d, y, xa[c], xb[c]))
                cols |= (uint64_t)1 << c;
        if (cols != 0) {
            if (run0 < 0)
                run0 = y;
            run_cols |= cols;
        } else if (run0 >= 0) {
            FG_TRY(FG_GROW(d->hrules, d->cap_hrules, d->n_hrules, 32));
            d->hrules[d->n_hrules].y = (run0 + y) / 2.0; /* pixel rows run0 .. y-1 */
            d->hrules[d->n_hrules].cols = run_cols;
            d->n_hrules++;
            run0 = -1;
            run_cols = 0;
        }
    }
out:
    return rc;
}

int fg_pdf_vrule(fg_pdf_doc *d, size_t page, double x0, double x1, double y0, double y1)
{
    int ya, yb, xa, xb;

    if (bitmap_of(d, page) < 0)
        return -1;
    ya = (int)fmax(0, floor(y0));
    yb = (int)fmin(d->bitmap_h - 1, ceil(y1));
    xa = (int)fmax(0, floor(x0));
    xb = (int)fmin(d->bitmap_w - 1, ceil(x1));
    if (ya >= yb || xa > xb)
        return -1;
    for (int x = xa; x <= xb; x++) {
        int dark = 0;

        for (int y = ya; y <= yb; y++)
            dark += d->bitmap[(size_t)y * d->bitmap_w + x] < DARK;
        if (dark * 10 >= (yb - ya + 1) * 9)
            return 1;
    }
    return 0;
}

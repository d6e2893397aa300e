/*
 * The PDF reader's eyes for ruling lines (read_pdf_int.h): poppler-glib tells where the
 * characters are but not where the lines of a table are drawn, so a page is rendered into a
 * bitmap (one pixel a point, only for a page where a blank table cell must be judged) and
 * the band between two rows is looked at.
 *
 * Rendering loads the page's fonts; when a font cannot be loaded (a damaged embedded font)
 * poppler 22's cairo backend prints "some font thing failed" to stderr itself, with no way to
 * silence it short of redirecting the process's stderr, which a library must not do. Pages
 * are rendered only when a table's blank or split cell must be judged, so ordinary and
 * well-formed documents never reach it.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "pdf_api.h" /* <poppler.h>, loaded on first use */

#include "read_pdf_int.h"

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

int fg_pdf_rule(fg_pdf_doc *d, size_t page, double x0, double x1, double y0, double y1)
{
    int ya, yb, xa, xb, dark = 0;

    if (d->pdf == NULL)
        return -1;
    if (d->bitmap == NULL || d->bitmap_page != page)
        if (render(d, page) < 0)
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
            if (d->bitmap[(size_t)y * d->bitmap_w + x] < 215) {
                dark++;
                break;
            }
        }
    }
    return dark * 10 >= (xb - xa + 1) * 6;
}

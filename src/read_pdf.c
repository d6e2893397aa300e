/*
 * The PDF reader (reader.h), on poppler-glib.
 *
 * Poppler gives each page's text and a box per character (poppler_page_get_text_layout).
 * The reader rebuilds the page from the boxes rather than from poppler's reading order,
 * which reads a table column by column:
 * - characters that share a vertical band make a visual line, read left to right; a gap of
 *   at least GAP_SEG em splits the line into segments (the cells of a table row), one of
 *   GAP_SOFT em into soft segments (two cells whose text fills them, two paddings and a rule
 *   apart, or words of one cell: the table's columns tell), and so does one of GAP_NARROW
 *   em after an ideograph (narrow_pair(): a spreadsheet's padding); smaller gaps become
 *   blanks (one per 0.3 em, so that a gap of two blanks stays two blanks), but a name of two
 *   ideographs padded to three (李　强) stays one segment (padded_name()); when a page's fonts give
 *   boxes far taller than the ideographs are wide (a browser's Type 3 fonts), the boxes are
 *   shrunk to an ordinary height first (shrink_tall());
 * - page furniture is dropped: a page number (`— 3 —`, `- 3 -`, `第3页`, `3/12`, a lone
 *   number) in the top or bottom band of a page, and a line there that repeats, digits
 *   aside, on at least half the pages (a running header or footer);
 * - a table is a run of lines whose segments fall into the same columns (x ranges), started
 *   by a line of at least 3 segments: a line whose text crosses the columns inside the run
 *   is a title row (一、… spanning the table), rows are separated by a vertical gap or by a
 *   new number in the first column, the lines of a cell are joined, a blank cell under a
 *   task is the continuation of a merged cell, and a run that goes on at the top of the
 *   next page is the same table (the builder drops a repeated header);
 * - every other line is written as a line, but a line broken by the width of the text block
 *   is joined to the next (fg_pdf_wraps(): it reaches the right edge, the next line starts at
 *   the left edge, on the page or at the top of the next one, and opens no new item); a page
 *   break is a line break.
 * Scans without a text layer, encrypted files and damaged files each get their own error.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_api.h" /* <poppler.h>, loaded on first use */

#include "error.h"
#include "read_pdf_int.h"

/* ---- poppler's messages ---- */

/* Poppler logs its complaints about damaged files through g_log (domain "Poppler"); the
 * library never prints, so they are kept, per thread, for the error message instead. */
static _Thread_local char poppler_msg[256];

static void poppler_log(const gchar *domain, GLogLevelFlags level, const gchar *msg,
                        gpointer data)
{
    (void)domain;
    (void)level;
    (void)data;
    if (msg != NULL && poppler_msg[0] == '\0') {
        size_t n;

        g_strlcpy(poppler_msg, msg, sizeof poppler_msg);
        /* a message may end in a line break, which the log shows as <0a> */
        n = strlen(poppler_msg);
        while (n > 0 && (poppler_msg[n - 1] == '\n' || poppler_msg[n - 1] == ' '))
            poppler_msg[--n] = '\0';
        if (n >= 4 && strcmp(poppler_msg + n - 4, "<0a>") == 0)
            poppler_msg[n - 4] = '\0';
    }
}

static gpointer quiet_poppler(gpointer data)
{
    (void)data;
    g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                      poppler_log, NULL);
    return NULL;
}

/* ---- the characters of a page ---- */

typedef fg_pdf_glyph glyph;
typedef fg_pdf_doc doc;

static bool is_blank(gunichar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0 ||
           c < 0x20 || c == 0x7F || (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
}

/* The lines of one page. */
static int read_page(doc *d, PopplerPage *page, size_t pno, const char *name)
{
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    glyph *g = NULL;
    size_t n = 0;
    int rc = FG_OK;

    if (text == NULL)
        goto out;
    if (!poppler_page_get_text_layout(page, &rects, &n_rects))
        goto out;
    if (!g_utf8_validate(text, -1, NULL))
        goto out; /* poppler writes UTF-8; anything else is not trusted */
    g = malloc((n_rects ? n_rects : 1) * sizeof *g);
    FG_CHECK_ALLOC(g);
    {
        const char *p = text;

        for (guint i = 0; i < n_rects && *p; i++) {
            gunichar c = g_utf8_get_char(p);
            const char *next = g_utf8_next_char(p);
            PopplerRectangle r = rects[i];

            if (!is_blank(c) && isfinite(r.x1) && isfinite(r.x2) && isfinite(r.y1) &&
                isfinite(r.y2)) {
                g[n].x0 = fmin(r.x1, r.x2);
                g[n].x1 = fmax(r.x1, r.x2);
                g[n].y0 = fmin(r.y1, r.y2);
                g[n].y1 = fmax(r.y1, r.y2);
                g[n].s = p;
                g[n].len = (unsigned)(next - p);
                g[n].ideo = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
                n++;
            }
            p = next;
        }
    }
    rc = fg_pdf_page_lines(d, g, n, pno, name);
out:
    free(g);
    g_free(rects);
    g_free(text);
    return rc;
}

/* ---- the reader ---- */

int fg_read_pdf(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    static GOnce once = G_ONCE_INIT;
    GBytes *gb = NULL;
    GError *err = NULL;
    PopplerDocument *pdf = NULL;
    doc d = {0};
    double *heights = NULL;
    int n_pages;
    int rc = fg_pdf_api_load(rd->name);

    if (rc < 0)
        return rc;
    g_once(&once, quiet_poppler, NULL);
    poppler_msg[0] = '\0';
    if (len > INT_MAX)
        return fg_error_set(FG_EFORMAT, "%s: a PDF larger than 2 GB, which fengong does not read",
                            rd->name);
    gb = g_bytes_new_static(bytes, len);
    pdf = poppler_document_new_from_bytes(gb, NULL, &err);
    if (pdf == NULL) {
        if (err != NULL && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED)
            rc = fg_error_set(FG_EFORMAT,
                              "%s: an encrypted PDF; fengong cannot read it without the "
                              "password: remove the protection first, e.g. qpdf --decrypt "
                              "--password=PASSWORD %s OUT.pdf",
                              rd->name, rd->name);
        else if (err != NULL && err->message != NULL && poppler_msg[0])
            rc = fg_error_set(FG_EFORMAT, "%s: not a readable PDF: %s (%s)", rd->name,
                              err->message, poppler_msg);
        else
            rc = fg_error_set(FG_EFORMAT, "%s: not a readable PDF: %s", rd->name,
                              err != NULL && err->message != NULL ? err->message
                              : poppler_msg[0]                    ? poppler_msg
                                                                  : "poppler cannot open it");
        goto out;
    }
    n_pages = poppler_document_get_n_pages(pdf);
    if (n_pages <= 0) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable PDF: %s", rd->name,
                          poppler_msg[0] ? poppler_msg : "it has no pages");
        goto out;
    }
    heights = calloc((size_t)n_pages, sizeof *heights);
    FG_CHECK_ALLOC(heights);
    d.n_pages = (size_t)n_pages;
    for (int i = 0; i < n_pages; i++) {
        PopplerPage *page = poppler_document_get_page(pdf, i);
        double w = 0, h = 0;

        if (page == NULL)
            continue;
        poppler_page_get_size(page, &w, &h);
        heights[i] = isfinite(h) && h > 0 ? h : 842;
        rc = read_page(&d, page, (size_t)i, rd->name);
        g_object_unref(page);
        if (rc < 0)
            goto out;
    }
    if (d.n_glyphs == 0) {
        rc = fg_error_set(FG_EFORMAT,
                          "%s: a PDF without a text layer (a scan?); run OCR first, e.g. "
                          "ocrmypdf -l chi_sim %s OUT.pdf",
                          rd->name, rd->name);
        goto out;
    }
    FG_TRY(fg_pdf_furniture(&d, heights));
    d.pdf = pdf;
    FG_TRY(fg_pdf_write(rd, &d));
out:
    g_clear_error(&err);
    g_clear_object(&pdf);
    g_clear_pointer(&gb, g_bytes_unref);
    free(heights);
    fg_pdf_doc_dispose(&d);
    return rc;
}

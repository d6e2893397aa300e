/*
 * Internal: poppler-glib, with the GLib and cairo functions the PDF reader calls, loaded by
 * dlopen() when the first PDF is read instead of by the dynamic linker at every start. With
 * its forty-odd dependencies (cairo, NSS, X11, fontconfig …) it took about 20 ms of CPU and
 * 550 page faults of each run of fengong, PDF or not: half of all loading (bench/results.md).
 *
 * read_pdf*.c include this header instead of <poppler.h> and call each function by its own
 * name, which the defines below turn into a call through fg_pdf_api; fg_read_pdf() calls
 * fg_pdf_api_load() before anything else. The types, enums and macros are the headers' own.
 */
#ifndef FG_SRC_PDF_API_H
#define FG_SRC_PDF_API_H

#include <cairo.h>
#include <poppler.h>

/* Every function called, directly or through a GLib macro (g_once, g_clear_object …). */
#define FG_PDF_API_FUNCS(X)                                                                       \
    X(poppler_document_new_from_bytes)                                                            \
    X(poppler_document_get_n_pages)                                                               \
    X(poppler_document_get_page)                                                                  \
    X(poppler_error_quark)                                                                        \
    X(poppler_page_get_size)                                                                      \
    X(poppler_page_get_text)                                                                      \
    X(poppler_page_get_text_layout)                                                               \
    X(poppler_page_render)                                                                        \
    X(g_bytes_new_static)                                                                         \
    X(g_bytes_unref)                                                                              \
    X(g_clear_error)                                                                              \
    X(g_free)                                                                                     \
    X(g_log)                                                                                      \
    X(g_log_set_handler)                                                                          \
    X(g_object_unref)                                                                             \
    X(g_once_impl)                                                                                \
    X(g_strlcpy)                                                                                  \
    X(g_utf8_get_char)                                                                            \
    X(g_utf8_validate)                                                                            \
    X(cairo_create)                                                                               \
    X(cairo_destroy)                                                                              \
    X(cairo_image_surface_create)                                                                 \
    X(cairo_image_surface_get_data)                                                               \
    X(cairo_image_surface_get_height)                                                             \
    X(cairo_image_surface_get_stride)                                                             \
    X(cairo_image_surface_get_width)                                                              \
    X(cairo_paint)                                                                                \
    X(cairo_set_source_rgb)                                                                       \
    X(cairo_status)                                                                               \
    X(cairo_surface_destroy)                                                                      \
    X(cairo_surface_flush)                                                                        \
    X(cairo_surface_status)

typedef struct fg_pdf_api_t {
#define FG_PDF_API_FIELD(name) __typeof__(name) *name;
    FG_PDF_API_FUNCS(FG_PDF_API_FIELD)
#undef FG_PDF_API_FIELD
    const gchar *const *g_utf8_skip; /* the one variable (g_utf8_next_char() reads it) */
} fg_pdf_api_t;

/* Set by fg_pdf_api_load(); read-only after. */
extern fg_pdf_api_t fg_pdf_api;

/*
 * Load poppler-glib (once per process; thread-safe): FG_OK, or FG_EFORMAT with the message
 * "NAME: cannot read PDF files: …" and dlerror()'s reason, the same at every later call.
 */
int fg_pdf_api_load(const char *name);

#ifndef FG_PDF_API_IMPL
#define poppler_document_new_from_bytes (fg_pdf_api.poppler_document_new_from_bytes)
#define poppler_document_get_n_pages (fg_pdf_api.poppler_document_get_n_pages)
#define poppler_document_get_page (fg_pdf_api.poppler_document_get_page)
#define poppler_error_quark (fg_pdf_api.poppler_error_quark)
#define poppler_page_get_size (fg_pdf_api.poppler_page_get_size)
#define poppler_page_get_text (fg_pdf_api.poppler_page_get_text)
#define poppler_page_get_text_layout (fg_pdf_api.poppler_page_get_text_layout)
#define poppler_page_render (fg_pdf_api.poppler_page_render)
#define g_bytes_new_static (fg_pdf_api.g_bytes_new_static)
#define g_bytes_unref (fg_pdf_api.g_bytes_unref)
#define g_clear_error (fg_pdf_api.g_clear_error)
#define g_free (fg_pdf_api.g_free)
#define g_log (fg_pdf_api.g_log)
#define g_log_set_handler (fg_pdf_api.g_log_set_handler)
#define g_object_unref (fg_pdf_api.g_object_unref)
#define g_once_impl (fg_pdf_api.g_once_impl)
#define g_strlcpy (fg_pdf_api.g_strlcpy)
#define g_utf8_get_char (fg_pdf_api.g_utf8_get_char)
#define g_utf8_validate (fg_pdf_api.g_utf8_validate)
#define g_utf8_skip (*fg_pdf_api.g_utf8_skip)
#define cairo_create (fg_pdf_api.cairo_create)
#define cairo_destroy (fg_pdf_api.cairo_destroy)
#define cairo_image_surface_create (fg_pdf_api.cairo_image_surface_create)
#define cairo_image_surface_get_data (fg_pdf_api.cairo_image_surface_get_data)
#define cairo_image_surface_get_height (fg_pdf_api.cairo_image_surface_get_height)
#define cairo_image_surface_get_stride (fg_pdf_api.cairo_image_surface_get_stride)
#define cairo_image_surface_get_width (fg_pdf_api.cairo_image_surface_get_width)
#define cairo_paint (fg_pdf_api.cairo_paint)
#define cairo_set_source_rgb (fg_pdf_api.cairo_set_source_rgb)
#define cairo_status (fg_pdf_api.cairo_status)
#define cairo_surface_destroy (fg_pdf_api.cairo_surface_destroy)
#define cairo_surface_flush (fg_pdf_api.cairo_surface_flush)
#define cairo_surface_status (fg_pdf_api.cairo_surface_status)
#endif

#endif

/* poppler-glib loaded on first use (see pdf_api.h). */
#define FG_PDF_API_IMPL
#include "pdf_api.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

/* The library's soname, from the one the build found (CMakeLists.txt). */
#ifndef FG_POPPLER_GLIB_SONAME
#define FG_POPPLER_GLIB_SONAME "libpoppler-glib.so.8"
#endif

fg_pdf_api_t fg_pdf_api;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512]; /* why loading failed; "" when it did not */

/* Store the address of symbol name of h in *slot (a function or data pointer); false if none. */
static bool find(void *h, const char *name, void *slot)
{
    void *sym = dlsym(h, name);

    if (sym == NULL) {
        snprintf(failure, sizeof failure, "%s has no %s", FG_POPPLER_GLIB_SONAME, name);
        return false;
    }
    memcpy(slot, &sym, sizeof sym);
    return true;
}

static void load(void)
{
    /* Never closed: the functions stay valid until exit. */
    void *h = dlopen(FG_POPPLER_GLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
    const char *why;

    if (h == NULL) {
        why = dlerror();
        snprintf(failure, sizeof failure, "%s", why ? why : FG_POPPLER_GLIB_SONAME);
        return;
    }
#define FG_PDF_API_FIND(name)                                                                     \
    if (!find(h, #name, &fg_pdf_api.name))                                                        \
        return;
    FG_PDF_API_FUNCS(FG_PDF_API_FIND)
#undef FG_PDF_API_FIND
    (void)find(h, "g_utf8_skip", &fg_pdf_api.g_utf8_skip);
}

int fg_pdf_api_load(const char *name)
{
    pthread_once(&once, load);
    if (failure[0] != '\0')
        return fg_error_set(FG_EFORMAT, "%s: cannot read PDF files: %s", name, failure);
    return FG_OK;
}

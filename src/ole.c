/* OLE2 compound files through libgsf (ole.h). */
#include "ole.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>

#include "error.h"
#include "fengong/text.h"

#ifndef FG_GSF_SONAME
#define FG_GSF_SONAME "libgsf-1.so.114"
#endif

/* ---- libgsf, loaded on first use ---- */

#define GSF_FUNCS(X)                                                                              \
    X(gsf_input_memory_new)                                                                       \
    X(gsf_infile_msole_new)                                                                       \
    X(gsf_infile_child_by_name)                                                                   \
    X(gsf_input_size)                                                                             \
    X(gsf_input_read)                                                                             \
    X(g_object_unref)                                                                             \
    X(g_error_free)                                                                               \
    X(g_log_set_handler)

static struct {
#define GSF_FIELD(name) __typeof__(name) *name;
    GSF_FUNCS(GSF_FIELD)
#undef GSF_FIELD
} gsf;

static pthread_once_t gsf_once = PTHREAD_ONCE_INIT;
static char gsf_failure[512]; /* why loading failed; "" when it did not */

/* libgsf's warnings about a damaged file: the reader says what is wrong itself. */
static void gsf_quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
    (void)domain;
    (void)level;
    (void)msg;
    (void)data;
}

static void gsf_load(void)
{
    /* Never closed: the functions stay valid until exit. */
    void *h = dlopen(FG_GSF_SONAME, RTLD_NOW | RTLD_LOCAL);
    const char *why;
    void *sym;

    if (h == NULL) {
        why = dlerror();
        snprintf(gsf_failure, sizeof gsf_failure, "%s", why ? why : FG_GSF_SONAME);
        return;
    }
#define GSF_FIND(name)                                                                            \
    sym = dlsym(h, #name);                                                                        \
    if (sym == NULL) {                                                                            \
        snprintf(gsf_failure, sizeof gsf_failure, "%s has no %s", FG_GSF_SONAME, #name);          \
        return;                                                                                   \
    }                                                                                             \
    memcpy(&gsf.name, &sym, sizeof sym);
    GSF_FUNCS(GSF_FIND)
#undef GSF_FIND
    gsf.g_log_set_handler("libgsf:msole", (GLogLevelFlags)(G_LOG_LEVEL_MASK & ~G_LOG_LEVEL_ERROR),
                          gsf_quiet, NULL);
    gsf.g_log_set_handler("libgsf", (GLogLevelFlags)(G_LOG_LEVEL_MASK & ~G_LOG_LEVEL_ERROR),
                          gsf_quiet, NULL);
}

/* ---- the container ---- */

struct fg_ole {
    GsfInput *mem;
    GsfInfile *ole;
    const char *name;
    size_t len; /* of the file: no stream is larger */
};

int fg_ole_open(fg_ole **out, const char *name, const unsigned char *bytes, size_t len)
{
    fg_ole *o = NULL;
    GError *err = NULL;
    int rc = FG_OK;

    *out = NULL;
    pthread_once(&gsf_once, gsf_load);
    if (gsf_failure[0] != '\0')
        return fg_error_set(FG_EFORMAT, "%s: cannot read old Office files: %s", name,
                            gsf_failure);
    o = calloc(1, sizeof *o);
    FG_CHECK_ALLOC(o);
    o->name = name;
    o->len = len;
    o->mem = gsf.gsf_input_memory_new(bytes, (gsf_off_t)len, FALSE);
    FG_CHECK_ALLOC(o->mem);
    o->ole = gsf.gsf_infile_msole_new(o->mem, &err);
    if (o->ole == NULL) {
        rc = fg_error_set(FG_EFORMAT, "%s: a damaged OLE2 (old Office) file: %s", name,
                          err && err->message ? err->message : "unreadable");
        goto out;
    }
    *out = o;
    o = NULL;
out:
    if (err != NULL)
        gsf.g_error_free(err);
    fg_ole_close(o);
    return rc;
}

void fg_ole_close(fg_ole *o)
{
    if (o == NULL)
        return;
    if (o->ole != NULL)
        gsf.g_object_unref(o->ole);
    if (o->mem != NULL)
        gsf.g_object_unref(o->mem);
    free(o);
}

bool fg_ole_has(fg_ole *o, const char *child)
{
    GsfInput *in = gsf.gsf_infile_child_by_name(o->ole, child);

    if (in == NULL)
        return false;
    gsf.g_object_unref(in);
    return true;
}

int fg_ole_stream(fg_ole *o, const char *child, const char *kind, unsigned char **out,
                  size_t *len)
{
    GsfInput *in = gsf.gsf_infile_child_by_name(o->ole, child);
    gsf_off_t size;
    unsigned char *p = NULL;
    int rc = FG_OK;

    *out = NULL;
    *len = 0;
    if (in == NULL)
        return 1;
    size = gsf.gsf_input_size(in);
    if (size < 0 || (uint64_t)size > o->len) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable %s: the %s stream is larger than "
                                      "the file", o->name, kind, child);
        goto out;
    }
    p = malloc((size_t)size + 1);
    FG_CHECK_ALLOC(p);
    if (size > 0 && gsf.gsf_input_read(in, (size_t)size, p) == NULL) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable %s: the %s stream is damaged",
                          o->name, kind, child);
        goto out;
    }
    p[size] = '\0';
    *out = p;
    *len = (size_t)size;
    p = NULL;
out:
    free(p);
    gsf.g_object_unref(in);
    return rc;
}

int fg_ole_format(const unsigned char *bytes, size_t len)
{
    fg_ole *o = NULL;
    int fmt = FG_FORMAT_DOC;

    if (fg_ole_open(&o, "", bytes, len) < 0) {
        fg_error_clear();
        return FG_FORMAT_DOC;
    }
    if (!fg_ole_has(o, "WordDocument") && (fg_ole_has(o, "Workbook") || fg_ole_has(o, "Book")))
        fmt = FG_FORMAT_XLS;
    fg_ole_close(o);
    return fmt;
}

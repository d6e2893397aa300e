/*
 * The package of a Word document for the DOCX reader (read_docx_int.h): the ZIP read from
 * memory under inflate limits, its XML parts parsed without DTDs, and the relationships that
 * name the parts.
 */
#include "read_docx_int.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "error.h"
#include "reader.h"

#define MAX_RATIO 200 /* inflated : compressed, for parts above RATIO_FROM */
#define RATIO_FROM ((zip_uint64_t)32 << 20)

int fg_docx__bad(const char *name, const char *fmt, ...)
{
    char why[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    return fg_error_set(FG_EFORMAT, "%s: not a readable Word document: %s", name, why);
}

/* fg_docx__bad() for the package's kind of file ("Word document", "Excel workbook"). */
int fg_docx__pkg_bad(const fg_docx_pkg *d, const char *fmt, ...)
{
    char why[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    return fg_error_set(FG_EFORMAT, "%s: not a readable %s: %s", d->name, d->kind, why);
}

/* ---- the ZIP ---- */

static int read_part(fg_docx_pkg *d, const char *part, fg_str *out, bool *found)
{
    zip_int64_t idx = zip_name_locate(d->za, part, ZIP_FL_NOCASE);
    zip_stat_t st;
    zip_file_t *zf = NULL;
    zip_uint64_t total = 0;
    char buf[65536];
    char what[96];
    int rc = FG_OK;

    *found = false;
    if (idx < 0)
        return FG_OK;
    *found = true;
    if (zip_stat_index(d->za, (zip_uint64_t)idx, 0, &st) != 0)
        return fg_docx__pkg_bad(d, "%s: cannot read its entry (%s)", part, zip_strerror(d->za));
    if ((st.valid & ZIP_STAT_SIZE) && st.size > FG_RD_MAX_INFLATE - d->inflated) {
        snprintf(what, sizeof what, " inflates to more than %zu MB", FG_RD_MAX_INFLATE >> 20);
        return fg_docx__pkg_bad(d, "%s%s (a ZIP bomb?)", part, what);
    }
    if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > RATIO_FROM &&
        st.size / (st.comp_size ? st.comp_size : 1) > MAX_RATIO) {
        snprintf(what, sizeof what, " inflates more than %d times (a ZIP bomb?)", MAX_RATIO);
        return fg_docx__pkg_bad(d, "%s%s", part, what);
    }
    zf = zip_fopen_index(d->za, (zip_uint64_t)idx, 0);
    if (zf == NULL) {
        zip_error_t *ze = zip_get_error(d->za);

        if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD ||
            zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD)
            return fg_docx__pkg_bad(d, "%s is encrypted", part);
        return fg_docx__pkg_bad(d, "%s: cannot inflate (%s)", part, zip_error_strerror(ze));
    }
    if (st.valid & ZIP_STAT_SIZE)
        FG_TRY(fg_str_reserve(out, (size_t)st.size + 1));
    for (;;) {
        zip_int64_t n = zip_fread(zf, buf, sizeof buf);

        if (n < 0) {
            rc = fg_docx__pkg_bad(d, "%s is damaged (%s)", part, zip_file_strerror(zf));
            goto out;
        }
        if (n == 0)
            break;
        total += (zip_uint64_t)n;
        if ((st.valid & ZIP_STAT_SIZE) && total > st.size) {
            rc = fg_docx__pkg_bad(
                d, "%s inflates to more than the size its entry declares (a ZIP bomb?)", part);
            goto out;
        }
        if (total > FG_RD_MAX_INFLATE - d->inflated) {
            snprintf(what, sizeof what, " inflates to more than %zu MB", FG_RD_MAX_INFLATE >> 20);
            rc = fg_docx__pkg_bad(d, "%s%s (a ZIP bomb?)", part, what);
            goto out;
        }
        FG_TRY(fg_str_append(out, buf, (size_t)n));
    }
    d->inflated += total;
out:
    zip_fclose(zf);
    return rc;
}

/* ---- XML ---- */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

/* Whether the prolog of the XML (before the root element) declares a DOCTYPE. */
static bool has_doctype(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        const char *lt = memchr(s + i, '<', len - i);

        if (lt == NULL)
            return false;
        i = (size_t)(lt - s);
        if (len - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0)
            return true;
        if (len - i >= 2 && (s[i + 1] == '?' || s[i + 1] == '!')) {
            i++;
            continue;
        }
        return false; /* the root element */
    }
    return false;
}

int fg_docx__parse(const fg_docx_pkg *d, const char *part, const fg_str *buf, xmlDoc **out)
{
    xmlParserCtxt *ctxt;
    const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                     XML_PARSE_COMPACT;
    int rc = FG_OK;

    *out = NULL;
    if (has_doctype(buf->ptr, buf->len))
        return fg_docx__pkg_bad(d,
                       "%s declares a DOCTYPE, which Office never writes (refused: it may name "
                       "external entities)",
                       part);
    if (buf->len > INT_MAX)
        return fg_docx__pkg_bad(d, "%s is too large", part);
    pthread_once(&xml_once, xml_init);
    ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    *out = xmlCtxtReadMemory(ctxt, buf->len ? buf->ptr : "", (int)buf->len, part, NULL, opts);
    if (*out == NULL) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[160];
        size_t n;

        snprintf(msg, sizeof msg, " is damaged (line %d: %s", e ? e->line : 0,
                 e && e->message ? e->message : "not well-formed XML");
        n = strlen(msg);
        while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
            msg[--n] = '\0';
        rc = fg_docx__pkg_bad(d, "%s%s)", part, msg);
    } else if ((*out)->intSubset != NULL || xmlDocGetRootElement(*out) == NULL) {
        rc = fg_docx__pkg_bad(d, "%s has no content or declares a DOCTYPE", part);
        xmlFreeDoc(*out);
        *out = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return rc;
}

int fg_docx__load_part(fg_docx_pkg *d, const char *part, xmlDoc **out)
{
    fg_str buf = FG_STR_INIT;
    bool found;
    int rc = FG_OK;

    *out = NULL;
    FG_TRY(read_part(d, part, &buf, &found));
    if (found)
        FG_TRY(fg_docx__parse(d, part, &buf, out));
out:
    fg_str_dispose(&buf);
    return rc;
}

/* ---- parts and relationships ---- */

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s);
    size_t b = strlen(tail);

    return a >= b && strcmp(s + a - b, tail) == 0;
}

int fg_docx__resolve(char *out, size_t cap, const char *dir, const char *target)
{
    char tmp[512];
    size_t n = 0;
    const char *p;

    if (snprintf(tmp, sizeof tmp, "%s%s", target[0] == '/' ? "" : dir,
                 target[0] == '/' ? target + 1 : target) >= (int)sizeof tmp)
        return -1;
    for (p = tmp; *p;) {
        const char *e = strchr(p, '/');
        size_t len = e ? (size_t)(e - p) : strlen(p);

        if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (n > 0 && out[n - 1] == '/')
                n--;
            while (n > 0 && out[n - 1] != '/')
                n--;
        } else if (!(len == 1 && p[0] == '.') && len > 0) {
            if (n + len + 2 > cap)
                return -1;
            memcpy(out + n, p, len);
            n += len;
            if (e)
                out[n++] = '/';
        }
        p += len + (e ? 1 : 0);
    }
    out[n] = '\0';
    return n > 0 ? 0 : -1;
}

/* An attribute without a namespace (relationships), or NULL. */
static const char *plain_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a != NULL; a = a->next)
        if (a->ns == NULL && strcmp((const char *)a->name, name) == 0)
            return a->children != NULL && a->children->type == XML_TEXT_NODE &&
                           a->children->content != NULL
                       ? (const char *)a->children->content
                       : "";
    return NULL;
}

/* The first internal relationship of rels whose type ends in type_tail, or whose Id is id,
 * resolved from dir into out: true; false when there is none. */
static bool rel_find(char *out, size_t cap, const xmlDoc *rels, const char *dir,
                     const char *type_tail, const char *id)
{
    const xmlNode *root = rels ? xmlDocGetRootElement(rels) : NULL;

    for (const xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next) {
        const char *type;
        const char *target;
        const char *mode;
        const char *rid;

        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "Relationship") != 0)
            continue;
        type = plain_attr(c, "Type");
        target = plain_attr(c, "Target");
        mode = plain_attr(c, "TargetMode");
        rid = plain_attr(c, "Id");
        if (type == NULL || target == NULL || (mode != NULL && strcmp(mode, "External") == 0))
            continue;
        if (type_tail != NULL ? !ends_with(type, type_tail) : rid == NULL || strcmp(rid, id) != 0)
            continue;
        if (fg_docx__resolve(out, cap, dir, target) == 0)
            return true;
    }
    return false;
}

void fg_docx__rel_target(char *out, size_t cap, const xmlDoc *rels, const char *dir,
                         const char *type_tail, const char *fallback)
{
    if (!rel_find(out, cap, rels, dir, type_tail, NULL))
        snprintf(out, cap, "%s", fallback);
}

bool fg_docx__rel_target_id(char *out, size_t cap, const xmlDoc *rels, const char *dir,
                            const char *id)
{
    return id != NULL && rel_find(out, cap, rels, dir, NULL, id);
}

int fg_docx__open(fg_docx_pkg *pkg, const char *name, const unsigned char *bytes, size_t len)
{
    return fg_docx__open_kind(pkg, name, "Word document", bytes, len);
}

int fg_docx__open_kind(fg_docx_pkg *pkg, const char *name, const char *kind,
                       const unsigned char *bytes, size_t len)
{
    zip_source_t *src;
    zip_error_t ze;
    int rc = FG_OK;

    pkg->name = name;
    pkg->kind = kind;
    pkg->za = NULL;
    pkg->inflated = 0;
    zip_error_init(&ze);
    src = zip_source_buffer_create(len ? bytes : (const unsigned char *)"", len, 0, &ze);
    if (src == NULL) {
        rc = fg_error_set(FG_ENOMEM, "out of memory");
        goto out;
    }
    pkg->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (pkg->za == NULL) {
        zip_source_free(src);
        rc = fg_docx__pkg_bad(pkg, "the ZIP archive is damaged or truncated (%s)",
                     zip_error_strerror(&ze));
    }
out:
    zip_error_fini(&ze);
    return rc;
}

void fg_docx__close(fg_docx_pkg *pkg)
{
    if (pkg->za != NULL)
        zip_discard(pkg->za);
    pkg->za = NULL;
}

/*
 * Web pages saved as one file (.mhtml, .mht: "Save page as… single file" in Chrome, Edge,
 * the old Internet Explorer, WPS): a MIME multipart/related message whose first text/html
 * part is the page. The part is unwrapped (quoted-printable or base64) and handed to the
 * HTML reader; the images and style sheets of the other parts are not needed.
 */
#define _GNU_SOURCE /* memmem, strncasecmp */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <nettle/base64.h>

#include "error.h"
#include "reader.h"

/* The end of the header block that starts at p (the blank line), or NULL. */
static const char *headers_end(const char *p, const char *end)
{
    for (const char *q = p; q < end; q++) {
        if (*q != '\n')
            continue;
        if (q + 1 < end && q[1] == '\n')
            return q + 2;
        if (q + 2 < end && q[1] == '\r' && q[2] == '\n')
            return q + 3;
    }
    return NULL;
}

/*
 * The value of a header (name without the colon) in the block [p, end), unfolded into out
 * (continuation lines start with a blank). Empty when absent.
 */
static void header_value(char *out, size_t cap, const char *p, const char *end, const char *name)
{
    size_t n = strlen(name);
    size_t len = 0;

    out[0] = '\0';
    for (const char *line = p; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));

        if (eol == NULL)
            eol = end;
        if ((size_t)(eol - line) > n && strncasecmp(line, name, n) == 0 && line[n] == ':') {
            const char *v = line + n + 1;

            for (;;) {
                for (; v < eol && len + 1 < cap; v++)
                    if (*v != '\r')
                        out[len++] = *v == '\t' ? ' ' : *v;
                if (eol + 1 >= end || (eol[1] != ' ' && eol[1] != '\t'))
                    break;
                v = eol + 1;
                eol = memchr(v, '\n', (size_t)(end - v));
                if (eol == NULL)
                    eol = end;
            }
            out[len] = '\0';
            return;
        }
        line = eol + 1;
    }
}

/* A parameter of a header value (boundary="…", charset=…), without quotes; "" if absent. */
static void param(char *out, size_t cap, const char *value, const char *name)
{
    size_t n = strlen(name);
    size_t len = 0;

    out[0] = '\0';
    for (const char *v = value; *v; v++) {
        if (strncasecmp(v, name, n) != 0 || v[n] != '=' ||
            (v > value && v[-1] != ';' && v[-1] != ' '))
            continue;
        v += n + 1;
        if (*v == '"') {
            for (v++; *v && *v != '"' && len + 1 < cap; v++)
                out[len++] = *v;
        } else {
            for (; *v && *v != ';' && *v != ' ' && len + 1 < cap; v++)
                out[len++] = *v;
        }
        out[len] = '\0';
        return;
    }
}

static int hex(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static int unquote(fg_str *out, const char *p, const char *end)
{
    int rc = FG_OK;

    FG_TRY(fg_str_reserve(out, (size_t)(end - p) + 1));
    while (p < end) {
        if (*p != '=') {
            out->ptr[out->len++] = *p++;
            continue;
        }
        if (p + 1 < end && p[1] == '\n') { /* soft line break */
            p += 2;
        } else if (p + 2 < end && p[1] == '\r' && p[2] == '\n') {
            p += 3;
        } else if (p + 2 < end && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            out->ptr[out->len++] = (char)(hex(p[1]) * 16 + hex(p[2]));
            p += 3;
        } else {
            out->ptr[out->len++] = *p++;
        }
    }
    out->ptr[out->len] = '\0';
out:
    return rc;
}

/* The base64 body [p, end) decoded by nettle (line breaks and blanks skipped). */
static int unbase64(fg_str *out, const char *name, const char *p, const char *end)
{
    struct base64_decode_ctx ctx;
    size_t n = (size_t)(end - p);
    size_t got = BASE64_DECODE_LENGTH(n);
    int rc = FG_OK;

    FG_TRY(fg_str_reserve(out, got + 1));
    base64_decode_init(&ctx);
    if (!base64_decode_update(&ctx, &got, (uint8_t *)out->ptr + out->len, n, p) ||
        !base64_decode_final(&ctx)) {
        rc = fg_error_set(FG_EFORMAT,
                          "%s: a saved web page (MHTML) whose HTML part is not "
                          "valid base64",
                          name);
        goto out;
    }
    out->len += got;
    out->ptr[out->len] = '\0';
out:
    return rc;
}

bool fg_rd_is_mhtml(const unsigned char *b, size_t len)
{
    const char *s = (const char *)b;
    size_t n = len < 8192 ? len : 8192;
    const char *end = headers_end(s, s + n);
    char ct[1024];

    if (end == NULL)
        return false;
    header_value(ct, sizeof ct, s, end, "Content-Type");
    if (strncasecmp(ct, " multipart/related", 18) != 0 && strncasecmp(ct, "multipart/related", 17))
        return false;
    header_value(ct, sizeof ct, s, end, "MIME-Version");
    return ct[0] != '\0';
}

int fg_read_mhtml(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    const char *s = (const char *)bytes;
    const char *end = s + len;
    const char *body = headers_end(s, end);
    char value[1024];
    char boundary[256];
    char mark[260];
    fg_str html = FG_STR_INIT;
    int rc = FG_OK;

    if (body == NULL)
        return fg_error_set(FG_EFORMAT, "%s: a damaged saved web page (MHTML): no headers",
                            rd->name);
    header_value(value, sizeof value, s, body, "Content-Type");
    param(boundary, sizeof boundary, value, "boundary");
    if (boundary[0] == '\0')
        return fg_error_set(FG_EFORMAT, "%s: a damaged saved web page (MHTML): no boundary",
                            rd->name);
    snprintf(mark, sizeof mark, "--%s", boundary);
    for (const char *p = memmem(body, (size_t)(end - body), mark, strlen(mark)); p != NULL;) {
        const char *head = memchr(p, '\n', (size_t)(end - p));
        const char *part_body;
        const char *next;
        char cte[256];

        if (head == NULL)
            break;
        head++;
        part_body = headers_end(head, end);
        if (part_body == NULL)
            break;
        next = memmem(part_body, (size_t)(end - part_body), mark, strlen(mark));
        header_value(value, sizeof value, head, part_body, "Content-Type");
        if (strstr(value, "text/html") == NULL) {
            p = next;
            continue;
        }
        header_value(cte, sizeof cte, head, part_body, "Content-Transfer-Encoding");
        if (strcasestr(cte, "quoted-printable"))
            FG_TRY(unquote(&html, part_body, next ? next : end));
        else if (strcasestr(cte, "base64"))
            FG_TRY(unbase64(&html, rd->name, part_body, next ? next : end));
        else
            FG_TRY(fg_str_append(&html, part_body, (size_t)((next ? next : end) - part_body)));
        FG_TRY(fg_read_html(rd, (const unsigned char *)html.ptr, html.len));
        goto out;
    }
    rc = fg_error_set(FG_EFORMAT, "%s: a saved web page (MHTML) without an HTML part", rd->name);
out:
    fg_str_dispose(&html);
    return rc;
}

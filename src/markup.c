/*
 * Markup text: the escaping and formatting that the maps and the report share (see
 * markup.h). The input is the library's UTF-8; bytes of 0x80 and above pass unchanged.
 */
#include "markup.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

int fg_markup__escape(fg_str *s, const char *t, bool blank_controls)
{
    static const char special[] = "&<>\"'";
    static const char *const entity[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
    int rc = FG_OK;

    for (const char *p = t; *p && rc == FG_OK; p++) {
        const char *hit = strchr(special, *p);

        if (hit != NULL)
            rc = fg_str_append(s, entity[hit - special], strlen(entity[hit - special]));
        else
            rc = fg_str_appendc(s, blank_controls && (unsigned char)*p < 0x20 ? ' ' : *p);
    }
    return rc;
}

int fg_markup__appendf(fg_str *s, const char *fmt, ...)
{
    char buf[512];
    char *big = NULL;
    va_list ap;
    int n;
    int rc;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return fg_error_set(FG_EINVAL, "cannot format text");
    if ((size_t)n < sizeof buf)
        return fg_str_append(s, buf, (size_t)n);
    /* a long text: format again into a buffer of the right size */
    big = malloc((size_t)n + 1);
    if (big == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    rc = fg_str_append(s, big, (size_t)n);
    free(big);
    return rc;
}

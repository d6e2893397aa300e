/*
 * Per-thread last error. The message buffer is fixed-size and thread-local, so an
 * out-of-memory condition can still be reported; it is the only mutable global state of
 * the library. Messages are truncated, never allocated.
 */
#include "error.h"
#include "names.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local fg_error last_error;

const fg_error *fg_error_last(void)
{
    return &last_error;
}

void fg_error_clear(void)
{
    last_error.code = FG_OK;
    last_error.message[0] = '\0';
    last_error.src_file = NULL;
    last_error.src_line = 0;
}

int fg_error__setf(int code, const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(last_error.message, sizeof last_error.message, fmt, ap);
    va_end(ap);
    last_error.code = code;
    last_error.src_file = file;
    last_error.src_line = line;
    return code;
}

int fg_error__wrapf(int code, const char *fmt, ...)
{
    char prefix[FG_ERROR_MSG_MAX];
    char old[FG_ERROR_MSG_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, last_error.message, sizeof old);
    {
        size_t np = strnlen(prefix, sizeof prefix);
        size_t no = strnlen(old, sizeof old - 1);

        if (np > sizeof last_error.message - 1)
            np = sizeof last_error.message - 1;
        if (no > sizeof last_error.message - 1 - np)
            no = sizeof last_error.message - 1 - np;
        memcpy(last_error.message, prefix, np);
        memcpy(last_error.message + np, old, no);
        last_error.message[np + no] = '\0';
    }
    last_error.code = code;
    return code;
}

const char *fg_error_name(int code)
{
    /* by -code: the codes are 0, -1, -2 … */
    static const char *const names[] = {
        [-FG_OK] = "ok",
        [-FG_ENOMEM] = "out of memory",
        [-FG_EIO] = "i/o error",
        [-FG_EENCODING] = "encoding error",
        [-FG_EPARSE] = "parse error",
        [-FG_EDB] = "database error",
        [-FG_EGRAPH] = "graph error",
        [-FG_ERENDER] = "render error",
        [-FG_EINVAL] = "invalid argument",
        [-FG_ENOTFOUND] = "not found",
        [-FG_EFORMAT] = "unreadable document format",
    };

    return FG_NAME_OF(names, -(long)code, "unknown error");
}

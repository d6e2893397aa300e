/* Internal error helpers: raise, wrap and the FG_TRY idiom. */
#ifndef FG_SRC_ERROR_H
#define FG_SRC_ERROR_H

#include "fengong/error.h"

/* Record a formatted message for code and evaluate to code. */
#define fg_error_set(code, ...) fg_error__setf((code), __FILE__, __LINE__, __VA_ARGS__)
/* Prepend outer context ("path: ") to the current message; keeps the code; evaluates to it. */
#define fg_error_wrap(code, ...) fg_error__wrapf((code), __VA_ARGS__)
/* Store the result of expr in rc and jump to out: when it failed. */
#define FG_TRY(expr)      \
    do {                  \
        rc = (expr);      \
        if (rc < 0)       \
            goto out;     \
    } while (0)
/* Out-of-memory check for an allocation result. */
#define FG_CHECK_ALLOC(ptr)                                     \
    do {                                                        \
        if ((ptr) == NULL) {                                    \
            rc = fg_error_set(FG_ENOMEM, "out of memory");      \
            goto out;                                           \
        }                                                       \
    } while (0)

int fg_error__setf(int code, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int fg_error__wrapf(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

/* fengong: error codes and the per-thread last error. */
#ifndef FENGONG_ERROR_H
#define FENGONG_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Return codes: FG_OK (0) or a negative FG_E* code. */
typedef enum fg_error_code {
    FG_OK = 0,
    FG_ENOMEM = -1,    /* out of memory */
    FG_EIO = -2,       /* a file could not be read or written */
    FG_EENCODING = -3, /* input is not text in a supported encoding */
    FG_EPARSE = -4,    /* input is text but not what was expected */
    FG_EDB = -5,       /* the database refused an operation */
    FG_EGRAPH = -6,    /* igraph failed */
    FG_ERENDER = -7,   /* Graphviz failed */
    FG_EINVAL = -8,    /* a caller passed an invalid argument */
    FG_ENOTFOUND = -9, /* a named thing does not exist */
    FG_EFORMAT = -10   /* a document in a format that cannot be read: old Word, an encrypted
                          or scanned PDF, a damaged DOCX/PDF, a page without text */
} fg_error_code;

#define FG_ERROR_MSG_MAX 512

/** The last error raised on this thread. */
typedef struct fg_error {
    int code;                        /* an fg_error_code, FG_OK when none */
    char message[FG_ERROR_MSG_MAX];  /* for users: lower-case, names the input */
    const char *src_file;            /* where in fengong it was raised (for --debug) */
    int src_line;
} fg_error;

/**
 * The last error raised on the calling thread.
 * @return a pointer borrowed from thread-local storage, valid until the next fg_ call on this
 *         thread; never NULL (code is FG_OK when nothing failed).
 */
const fg_error *fg_error_last(void);

/** Forget the calling thread's last error. */
void fg_error_clear(void);

/** A short English name for a code ("out of memory", "parse error", ...); never NULL. */
const char *fg_error_name(int code);

#ifdef __cplusplus
}
#endif
#endif

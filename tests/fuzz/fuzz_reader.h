/*
 * What the reader fuzz targets share: run one reader (src/reader.h) on arbitrary bytes and
 * check its promises. On success the builder's text is valid UTF-8 without NUL or CR,
 * within FG_RD_MAX_TEXT, and fg_text_read() of a document of that format decodes; on
 * failure the code is FG_EFORMAT or FG_ENOMEM and the message names the input. Any broken
 * promise aborts with a reason.
 */
#ifndef FG_FUZZ_READER_H
#define FG_FUZZ_READER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fengong/error.h"
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_reader_fail(const char *target, const char *why, size_t at)
{
    fprintf(stderr, "%s: invariant broken: %s (at byte %zu)\n", target, why, at);
    abort();
}

static int fuzz_reader_run(const char *target,
                           int (*reader)(fg_rd *, const unsigned char *, size_t),
                           const uint8_t *data, size_t size)
{
    fg_rd rd = {0};
    fg_str text = FG_STR_INIT;
    int rc;

    rd.name = "fuzz.doc";
    rc = reader(&rd, data, size);
    if (rc == FG_OK)
        rc = fg_rd_finish(&rd, &text);
    if (rc < 0) {
        const fg_error *e = fg_error_last();

        if (e->code != rc || e->message[0] == '\0')
            fuzz_reader_fail(target, "failure without a matching last error", 0);
        if (rc != FG_EFORMAT && rc != FG_ENOMEM)
            fuzz_reader_fail(target, "unexpected error code", (size_t)-rc);
        if (rc == FG_EFORMAT && strncmp(e->message, "fuzz.doc", 8) != 0)
            fuzz_reader_fail(target, "error message does not name the input", 0);
    } else {
        if (text.len > FG_RD_MAX_TEXT)
            fuzz_reader_fail(target, "text larger than FG_RD_MAX_TEXT", text.len);
        for (size_t i = 0; i < text.len; i++)
            if (text.ptr[i] == '\0' || text.ptr[i] == '\r')
                fuzz_reader_fail(target, "NUL or CR in the text", i);
    }
    fg_rd_dispose(&rd);
    fg_str_dispose(&text);
    return 0;
}

#define FUZZ_READER(target, reader)                                        \
    int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)           \
    {                                                                      \
        return fuzz_reader_run(target, reader, data, size);               \
    }

#endif

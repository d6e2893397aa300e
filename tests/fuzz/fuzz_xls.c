/*
 * libFuzzer target: the .xls decoder (src/read_xls.c) on a workbook stream of arbitrary bytes
 * (BIFF8 records, without the OLE2 container, which libgsf reads: mutations reach the
 * records instead of breaking the container). On success every string offset of the model
 * lies in its string buffer and ends there with a NUL, every cell's style index is a 16-bit
 * value, and the cells of each sheet are sorted by row and column; on failure the code is
 * FG_EFORMAT or FG_ENOMEM with a message naming the input. Any broken promise aborts.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fengong/error.h"
#include "read_xls_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why, size_t at)
{
    fprintf(stderr, "fuzz_xls: invariant broken: %s (at %zu)\n", why, at);
    abort();
}

static void check_offset(const fg_xls_book *b, size_t at)
{
    if (at >= b->chars.len || memchr(b->chars.ptr + at, '\0', b->chars.len - at) == NULL)
        fail("a string offset outside the buffer or without its NUL", at);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fg_xls_book *b = NULL;
    int rc = fg_xls__parse(&b, "fuzz.xls", "Excel workbook", data, size);

    if (rc < 0) {
        const fg_error *e = fg_error_last();

        if (b != NULL)
            fail("a model handed out on failure", 0);
        if (e->code != rc || (rc != FG_EFORMAT && rc != FG_ENOMEM))
            fail("failure without a matching last error", (size_t)-rc);
        if (rc == FG_EFORMAT && strncmp(e->message, "fuzz.xls", 8) != 0)
            fail("error message does not name the input", 0);
        return 0;
    }
    for (size_t i = 0; i < b->n_sheets; i++) {
        const fg_xls_sheet *sh = &b->sheets[i];

        check_offset(b, sh->name);
        for (size_t k = 0; k < sh->n_cells; k++) {
            const fg_xls_cell *c = &sh->cells[k];

            check_offset(b, c->text);
            if (!isnan(c->number) && !isfinite(c->number))
                fail("a number that is not finite", k);
            if (k > 0 && (c->row < sh->cells[k - 1].row ||
                          (c->row == sh->cells[k - 1].row && c->col < sh->cells[k - 1].col)))
                fail("cells out of order", k);
        }
        for (size_t k = 0; k < sh->n_merges; k++)
            if (sh->merges[k].r2 < sh->merges[k].r1 || sh->merges[k].c2 < sh->merges[k].c1)
                fail("an inverted merged range", k);
    }
    for (size_t k = 0; k < b->n_formats; k++)
        check_offset(b, b->formats[k].code);
    fg_xls__free(b);
    return 0;
}

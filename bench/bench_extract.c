/*
 * bench_extract: extraction throughput (decode + parse) on one core.
 * usage: bench_extract [--mb N] FILE...
 *
 * Two measures, both from memory (the files are read once, before any timing):
 *  - "per document": each file decoded and parsed as its own document, the way
 *    `fengong extract` goes through a corpus, round after round until N MB (default 64)
 *    have been done; first with the C library's allocator as it comes ("default malloc"),
 *    then after fg_tune_allocator(), as the fengong CLI runs;
 *  - "one document": the files concatenated until the buffer holds at least N MB, decoded
 *    and parsed as one document: 1/8, 1/4, 1/2 and all of it, so that linearity can be
 *    read off (MB/s should stay flat as the size doubles);
 *  - "per document, +deadlines": as the CLI, with deadlines and quantitative targets read
 *    too (what `extract --format json` prints; the other measures parse for the rows only,
 *    as `extract` does for its other formats).
 * Each figure is the best of three runs. Prints one line per measure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fengong/fengong.h"

#include "bench.h"

typedef struct file_buf {
    char *ptr;
    size_t len;
} file_buf;

/*
 * Whether to read deadlines and targets too: off, as `fengong extract` parses for its rows;
 * on for the last measure, which says what they cost.
 */
static int tracking;

/* Decode and parse buf[0..len) as one document; adds its rows and items to the counts. */
static int extract_one(const char *buf, size_t len, size_t *rows, size_t *items)
{
    fg_text *text = NULL;
    fg_doc *doc = NULL;
    fg_doc_stats st;
    fg_parse_opts po = FG_PARSE_OPTS_INIT;

    po.no_tracking = !tracking;
    po.no_text = !tracking; /* as extract does but for JSON */
    if (fg_text_decode(&text, "bench", buf, len) < 0 || fg_parse_document(&doc, text, &po) < 0) {
        fprintf(stderr, "bench_extract: %s\n", fg_error_last()->message);
        fg_text_free(text);
        return -1;
    }
    fg_doc_stats_get(&st, doc);
    *rows += st.n_lead + st.n_co;
    *items += st.n_items;
    fg_doc_free(doc);
    fg_text_free(text);
    return 0;
}

static void print_row(const char *what, size_t bytes, double secs, size_t rows, size_t items)
{
    printf("%-26s %10.1f %10.3f %10.1f %12zu %10zu\n", what, (double)bytes / 1048576.0, secs,
           (double)bytes / 1048576.0 / secs, rows, items);
}

/* Each file as its own document, round after round until target bytes; best of three. */
static int per_document(const char *what, const file_buf *files, size_t n_files, size_t target)
{
    double best = 0;
    size_t rows = 0;
    size_t items = 0;
    size_t done = 0;

    for (int run = 0; run < 3; run++) {
        double t0 = bench_now();

        rows = items = done = 0;
        while (done < target) {
            for (size_t i = 0; i < n_files; i++) {
                if (extract_one(files[i].ptr, files[i].len, &rows, &items) < 0)
                    return -1;
                done += files[i].len;
            }
        }
        if (run == 0 || bench_now() - t0 < best)
            best = bench_now() - t0;
    }
    print_row(what, done, best, rows, items);
    return 0;
}

int main(int argc, char **argv)
{
    size_t target = 0;
    file_buf *files = NULL;
    size_t n_files;
    size_t total = 0;
    char *buf = NULL;
    size_t len = 0;
    int first;
    int rc = 1;

    first = bench_args_mb(&target, argc, argv, "bench_extract", 64);
    if (first == 0)
        return 2;
    n_files = (size_t)(argc - first);
    files = calloc(n_files, sizeof *files);
    if (files == NULL)
        return 1;
    for (size_t i = 0; i < n_files; i++) {
        if (bench_read_file(&files[i].ptr, &files[i].len, argv[first + i]) < 0)
            goto out;
        total += files[i].len + 1;
    }
    if (total == n_files) {
        fputs("bench_extract: all files are empty\n", stderr);
        goto out;
    }
    /* The concatenation: whole rounds of all files, each followed by a line break. */
    buf = malloc((target / total + 1) * total + 1);
    if (buf == NULL)
        goto out;
    while (len < target) {
        for (size_t i = 0; i < n_files; i++) {
            memcpy(buf + len, files[i].ptr, files[i].len);
            len += files[i].len;
            buf[len++] = '\n';
        }
    }
    printf("%-26s %10s %10s %10s %12s %10s\n", "measure", "size_MB", "seconds", "MB/s", "rows",
           "items");
    /* Before anything else: the big blocks of the runs below change glibc's thresholds. */
    if (per_document("per document, default malloc", files, n_files, target) < 0)
        goto out;
    fg_tune_allocator();
    for (int k = 3; k >= 0; k--) {
        size_t part = len >> k;
        double best = 0;
        size_t rows = 0;
        size_t items = 0;

        /* Cut at a line end so no code point is split. */
        while (part < len && buf[part - 1] != '\n')
            part++;
        for (int run = 0; run < 3; run++) {
            double t0 = bench_now();

            rows = items = 0;
            if (extract_one(buf, part, &rows, &items) < 0)
                goto out;
            if (run == 0 || bench_now() - t0 < best)
                best = bench_now() - t0;
        }
        print_row("one document", part, best, rows, items);
    }
    if (per_document("per document (as the CLI)", files, n_files, target) < 0)
        goto out;
    tracking = 1;
    if (per_document("per document, +deadlines", files, n_files, target) < 0)
        goto out;
    rc = 0;
out:
    for (size_t i = 0; files != NULL && i < n_files; i++)
        free(files[i].ptr);
    free(files);
    free(buf);
    return rc;
}

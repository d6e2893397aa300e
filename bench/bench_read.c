/*
 * bench_read: reading speed of each input format on one core.
 * usage: bench_read [--mb N] FILE...
 *
 * The files are read into memory once; then, for the files of each format (told by their
 * bytes, as fengong tells them), round after round until N MB (default 16) of raw input
 * have been done: fg_text_read() alone ("read": the format's reader, then decoding) and
 * fg_text_read() with fg_parse_document() ("read+extract"). Each figure is the best of
 * three runs: MB of raw input, seconds, MB/s of raw input, MB/s of the text the reader
 * made, and the rows and items of one round (which the same documents as text must give).
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
    int format;
} file_buf;

/* One file: read (and parse); adds the text's size and the rows and items. */
static int one(const file_buf *fb, int parse, size_t *text_bytes, size_t *rows, size_t *items)
{
    fg_text *text = NULL;
    fg_doc *doc = NULL;
    fg_doc_stats st;

    if (fg_text_read(&text, "bench", fb->ptr, fb->len) < 0 ||
        (parse && fg_parse_document(&doc, text, NULL) < 0)) {
        fprintf(stderr, "bench_read: %s\n", fg_error_last()->message);
        fg_text_free(text);
        return -1;
    }
    *text_bytes += text->len;
    if (parse) {
        fg_doc_stats_get(&st, doc);
        *rows += st.n_lead + st.n_co;
        *items += st.n_items;
        fg_doc_free(doc);
    }
    fg_text_free(text);
    return 0;
}

static int measure(const char *fmt, int parse, const file_buf *files, size_t n, size_t target)
{
    double best = 0;
    size_t done = 0, text = 0, rows = 0, items = 0, round_bytes = 0;

    for (size_t i = 0; i < n; i++)
        round_bytes += files[i].len;
    if (round_bytes == 0)
        return 0;
    for (int run = 0; run < 3; run++) {
        double t0 = bench_now();
        size_t r = 0, it = 0;

        done = text = 0;
        while (done < target) {
            r = it = 0;
            for (size_t i = 0; i < n; i++) {
                if (one(&files[i], parse, &text, &r, &it) < 0)
                    return -1;
                done += files[i].len;
            }
        }
        rows = r;
        items = it;
        if (run == 0 || bench_now() - t0 < best)
            best = bench_now() - t0;
    }
    printf("%-5s %-13s %8.1f %8.3f %10.1f %10.1f %8zu %8zu\n", fmt, parse ? "read+extract" : "read",
           (double)done / 1048576.0, best, (double)done / 1048576.0 / best,
           (double)text / 1048576.0 / best, rows, items);
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const names[] = {"text", "docx", "pdf", "html"};
    size_t target = 0;
    file_buf *files = NULL;
    file_buf *sel = NULL;
    size_t n_files;
    int first;
    int rc = 1;

    first = bench_args_mb(&target, argc, argv, "bench_read", 16);
    if (first == 0)
        return 2;
    fg_tune_allocator(); /* as the fengong CLI runs */
    n_files = (size_t)(argc - first);
    files = calloc(n_files, sizeof *files);
    sel = calloc(n_files, sizeof *sel);
    if (files == NULL || sel == NULL)
        goto out;
    for (size_t i = 0; i < n_files; i++) {
        fg_text *t = NULL;

        if (bench_read_file(&files[i].ptr, &files[i].len, argv[first + i]) < 0)
            goto out;
        if (fg_text_read(&t, argv[first + i], files[i].ptr, files[i].len) < 0) {
            fprintf(stderr, "bench_read: %s\n", fg_error_last()->message);
            goto out;
        }
        files[i].format = (int)t->format;
        fg_text_free(t);
    }
    printf("%-5s %-13s %8s %8s %10s %10s %8s %8s\n", "fmt", "measure", "MB", "s", "raw MB/s",
           "text MB/s", "rows", "items");
    for (int f = 0; f < 4; f++) {
        size_t n = 0;

        for (size_t i = 0; i < n_files; i++)
            if (files[i].format == f)
                sel[n++] = files[i];
        if (n == 0)
            continue;
        if (measure(names[f], 0, sel, n, target) < 0 || measure(names[f], 1, sel, n, target) < 0)
            goto out;
    }
    rc = 0;
out:
    for (size_t i = 0; files && i < n_files; i++)
        free(files[i].ptr);
    free(files);
    free(sel);
    return rc;
}

/*
 * bench_extract: extraction throughput on a large concatenation of documents.
 * usage: bench_extract [--mb N] FILE...
 * Concatenates the files until the buffer holds at least N MB (default 64), then times
 * decode + parse of 1/8, 1/4, 1/2 and all of it, so that linearity can be read off
 * (MB/s should stay flat as the size doubles). Prints one line per size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fengong/fengong.h"

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int run(const char *buf, size_t len, double *secs, size_t *rows, size_t *items)
{
    fg_text *text = NULL;
    fg_doc *doc = NULL;
    fg_doc_stats st;
    double t0 = now();

    if (fg_text_decode(&text, "bench", buf, len) < 0 || fg_parse_document(&doc, text, NULL) < 0) {
        fprintf(stderr, "bench_extract: %s\n", fg_error_last()->message);
        fg_text_free(text);
        return -1;
    }
    *secs = now() - t0;
    fg_doc_stats_get(&st, doc);
    *rows = st.n_lead + st.n_co;
    *items = st.n_items;
    fg_doc_free(doc);
    fg_text_free(text);
    return 0;
}

int main(int argc, char **argv)
{
    size_t target_mb = 64;
    char *buf = NULL;
    size_t len = 0;
    size_t cap = 0;
    int first = 1;

    if (argc > 2 && strcmp(argv[1], "--mb") == 0) {
        target_mb = (size_t)strtoul(argv[2], NULL, 10);
        first = 3;
    }
    if (first >= argc) {
        fputs("usage: bench_extract [--mb N] FILE...\n", stderr);
        return 2;
    }
    while (len < target_mb * 1024 * 1024) {
        for (int i = first; i < argc; i++) {
            FILE *f = fopen(argv[i], "rb");
            char chunk[65536];
            size_t n;

            if (f == NULL) {
                perror(argv[i]);
                free(buf);
                return 1;
            }
            while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
                if (len + n + 1 > cap) {
                    cap = (len + n + 1) * 2;
                    buf = realloc(buf, cap);
                    if (buf == NULL) {
                        fclose(f);
                        return 1;
                    }
                }
                memcpy(buf + len, chunk, n);
                len += n;
            }
            fclose(f);
            if (len + 2 > cap) {
                cap = len * 2 + 2;
                buf = realloc(buf, cap);
                if (buf == NULL)
                    return 1;
            }
            buf[len++] = '\n';
        }
        if (len == (size_t)(argc - first))
            break; /* all files empty */
    }
    printf("%-10s %10s %10s %12s %10s\n", "size_MB", "seconds", "MB/s", "rows", "items");
    for (int k = 3; k >= 0; k--) {
        size_t part = len >> k;
        double secs;
        size_t rows;
        size_t items;

        /* Cut at a line end so no code point is split. */
        while (part < len && buf[part - 1] != '\n')
            part++;
        if (run(buf, part, &secs, &rows, &items) < 0) {
            free(buf);
            return 1;
        }
        printf("%-10.1f %10.3f %10.1f %12zu %10zu\n", (double)part / 1048576.0, secs,
               (double)part / 1048576.0 / secs, rows, items);
    }
    free(buf);
    return 0;
}

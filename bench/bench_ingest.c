/*
 * bench_ingest: store throughput. Parses the given documents once, then ingests N copies
 * under distinct names (and distinct content hashes) into a new database, one
 * transaction per document, and prints documents/s and assignment rows/s (with --each,
 * also for each copy, to see whether the rate holds as the database grows), then times the
 * search index pass (unless --no-index).
 * usage: bench_ingest [--copies N] [--db PATH] [--each] [--no-index] FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fengong/fengong.h"

static double clock_s(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

int main(int argc, char **argv)
{
    int copies = 200;
    const char *db = "/tmp/fengong-bench-ingest.db";
    int first = 1;
    int each = 0;
    int no_index = 0;
    fg_doc **docs = NULL;
    fg_gazetteer *gz = NULL;
    fg_store *st = NULL;
    size_t n_docs = 0;
    size_t rows = 0;
    size_t stored = 0;
    double t0;
    double cpu0;
    double secs;
    char path[4096];

    while (first + 1 < argc && argv[first][0] == '-') {
        if (strcmp(argv[first], "--each") == 0) {
            each = 1;
            first++;
            continue;
        }
        if (strcmp(argv[first], "--no-index") == 0) {
            no_index = 1;
            first++;
            continue;
        }
        if (strcmp(argv[first], "--copies") == 0)
            copies = atoi(argv[first + 1]);
        else if (strcmp(argv[first], "--db") == 0)
            db = argv[first + 1];
        else
            break;
        first += 2;
    }
    if (first >= argc || copies < 1) {
        fputs("usage: bench_ingest [--copies N] [--db PATH] [--each] [--no-index] FILE...\n",
              stderr);
        return 2;
    }
    docs = calloc((size_t)(argc - first), sizeof *docs);
    if (docs == NULL || fg_gazetteer_load_default(&gz) < 0)
        return 1;
    for (int i = first; i < argc; i++) {
        fg_text *text = NULL;

        if (fg_text_read_file(&text, argv[i]) < 0 ||
            fg_parse_document(&docs[n_docs], text, NULL) < 0) {
            fprintf(stderr, "bench_ingest: %s\n", fg_error_last()->message);
            return 1;
        }
        fg_text_free(text);
        n_docs++;
    }
    for (const char *suffix = ""; ; suffix = suffix[0] ? NULL : "-wal") {
        if (suffix == NULL)
            break;
        snprintf(path, sizeof path, "%s%s", db, suffix);
        unlink(path);
    }
    if (fg_store_open(&st, db, NULL) < 0) {
        fprintf(stderr, "bench_ingest: %s\n", fg_error_last()->message);
        return 1;
    }
    t0 = now();
    cpu0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    for (int c = 0; c < copies; c++) {
        double tc = now();
        size_t rows_c = rows;

        for (size_t d = 0; d < n_docs; d++) {
            fg_doc *doc = docs[d];
            const char *orig = doc->name;
            char name[512];
            char sha[65];
            fg_ingest_status is;
            fg_ingest_opts io = FG_INGEST_OPTS_INIT;
            fg_doc_stats ds;

            snprintf(name, sizeof name, "%d-%s", c, orig);
            snprintf(sha, sizeof sha, "%064zu", (size_t)c * n_docs + d);
            doc->name = name;
            io.gazetteer = gz;
            if (fg_store_ingest(&is, st, doc, sha, 1, &io) < 0) {
                fprintf(stderr, "bench_ingest: %s\n", fg_error_last()->message);
                doc->name = orig;
                /* plans without items are refused; skip them */
                continue;
            }
            doc->name = orig;
            fg_doc_stats_get(&ds, doc);
            rows += ds.n_lead + ds.n_co;
            stored++;
        }
        if (each)
            printf("copy %-5d %10.3f s %12zu rows in the store %10.0f rows/s\n", c + 1,
                   now() - tc, rows, (double)(rows - rows_c) / (now() - tc));
    }
    secs = now() - t0;
    cpu0 = clock_s(CLOCK_THREAD_CPUTIME_ID) - cpu0;
    /* cpu: the writing thread's own CPU time (checkpoints run on another thread) */
    printf("%-10s %10s %12s %12s %12s %10s\n", "documents", "seconds", "docs/s", "rows",
           "rows/s", "cpu");
    printf("%-10zu %10.3f %12.1f %12zu %12.0f %10.3f\n", stored, secs, (double)stored / secs,
           rows, (double)rows / secs, cpu0);
    if (!no_index) {
        size_t n_indexed = 0;
        size_t text_bytes = 0;
        double t1 = now();

        if (fg_store_index(st, &n_indexed) < 0) {
            fprintf(stderr, "bench_ingest: %s\n", fg_error_last()->message);
            return 1;
        }
        secs = now() - t1;
        for (size_t d = 0; d < n_docs; d++)
            for (size_t i = 0; i < docs[d]->n_items; i++)
                text_bytes += strlen(docs[d]->items[i].text); /* the indexed column */
        text_bytes *= (size_t)copies;
        printf("search index: %zu items, %.1f MB of text in %.3f s (%.2f MB/s)\n", n_indexed,
               (double)text_bytes / 1048576.0, secs, (double)text_bytes / 1048576.0 / secs);
    }
    fg_store_close(st);
    for (size_t d = 0; d < n_docs; d++)
        fg_doc_free(docs[d]);
    free(docs);
    fg_gazetteer_free(gz);
    return 0;
}

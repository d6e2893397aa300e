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
#include "bench.h"

/* The calling thread's CPU seconds. */
static double cpu_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The command line. */
typedef struct ingest_args {
    int copies;
    const char *db;
    int each;
    int no_index;
    int first; /* index of the first FILE in argv */
} ingest_args;

/* Reads the options into *a; 0, or -1 after printing the usage. */
static int parse_args(ingest_args *a, int argc, char **argv)
{
    a->copies = 200;
    a->db = "/tmp/fengong-bench-ingest.db";
    a->each = 0;
    a->no_index = 0;
    a->first = 1;
    while (a->first + 1 < argc && argv[a->first][0] == '-') {
        const char *opt = argv[a->first];

        if (strcmp(opt, "--each") == 0) {
            a->each = 1;
            a->first++;
            continue;
        }
        if (strcmp(opt, "--no-index") == 0) {
            a->no_index = 1;
            a->first++;
            continue;
        }
        if (strcmp(opt, "--copies") == 0)
            a->copies = atoi(argv[a->first + 1]);
        else if (strcmp(opt, "--db") == 0)
            a->db = argv[a->first + 1];
        else
            break;
        a->first += 2;
    }
    if (a->first >= argc || a->copies < 1) {
        fputs("usage: bench_ingest [--copies N] [--db PATH] [--each] [--no-index] FILE...\n",
              stderr);
        return -1;
    }
    return 0;
}

/* What a run works on and what it counts. */
typedef struct ingest_run {
    fg_doc **docs; /* the parsed documents, n_docs of them */
    size_t n_docs;
    fg_gazetteer *gz;
    fg_store *st;
    size_t rows;   /* assignment rows stored */
    size_t stored; /* documents stored */
} ingest_run;

/* Ingests a->copies copies of the documents into the store, counting rows and documents. */
static void ingest_copies(ingest_run *run, const ingest_args *a)
{
    fg_doc **docs = run->docs;
    size_t n_docs = run->n_docs;
    size_t rows = 0;
    size_t stored = 0;

    for (int c = 0; c < a->copies; c++) {
        double tc = bench_now();
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
            io.gazetteer = run->gz;
            if (fg_store_ingest(&is, run->st, doc, sha, 1, &io) < 0) {
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
        if (a->each)
            printf("copy %-5d %10.3f s %12zu rows in the store %10.0f rows/s\n", c + 1,
                   bench_now() - tc, rows, (double)(rows - rows_c) / (bench_now() - tc));
    }
    run->rows = rows;
    run->stored = stored;
}

/* Times the search index pass over the store of `copies` copies of the documents. */
static int time_index(fg_store *st, fg_doc *const *docs, size_t n_docs, int copies)
{
    size_t n_indexed = 0;
    size_t text_bytes = 0;
    double t1 = bench_now();
    double secs;

    if (fg_store_index(st, &n_indexed) < 0) {
        fprintf(stderr, "bench_ingest: %s\n", fg_error_last()->message);
        return -1;
    }
    secs = bench_now() - t1;
    for (size_t d = 0; d < n_docs; d++)
        for (size_t i = 0; i < docs[d]->n_items; i++)
            text_bytes += strlen(docs[d]->items[i].text); /* the indexed column */
    text_bytes *= (size_t)copies;
    printf("search index: %zu items, %.1f MB of text in %.3f s (%.2f MB/s)\n", n_indexed,
           (double)text_bytes / 1048576.0, secs, (double)text_bytes / 1048576.0 / secs);
    return 0;
}

int main(int argc, char **argv)
{
    ingest_args a;
    ingest_run run = {0};
    double t0;
    double cpu0;
    double secs;
    char path[4096];

    if (parse_args(&a, argc, argv) < 0)
        return 2;
    run.docs = calloc((size_t)(argc - a.first), sizeof *run.docs);
    if (run.docs == NULL || fg_gazetteer_load_default(&run.gz) < 0)
        return 1;
    for (int i = a.first; i < argc; i++) {
        fg_text *text = NULL;

        if (fg_text_read_file(&text, argv[i]) < 0 ||
            fg_parse_document(&run.docs[run.n_docs], text, NULL) < 0) {
            fprintf(stderr, "bench_ingest: %s\n", fg_error_last()->message);
            return 1;
        }
        fg_text_free(text);
        run.n_docs++;
    }
    for (const char *suffix = ""; ; suffix = suffix[0] ? NULL : "-wal") {
        if (suffix == NULL)
            break;
        snprintf(path, sizeof path, "%s%s", a.db, suffix);
        unlink(path);
    }
    if (fg_store_open(&run.st, a.db, NULL) < 0) {
        fprintf(stderr, "bench_ingest: %s\n", fg_error_last()->message);
        return 1;
    }
    t0 = bench_now();
    cpu0 = cpu_now();
    ingest_copies(&run, &a);
    secs = bench_now() - t0;
    cpu0 = cpu_now() - cpu0;
    /* cpu: the writing thread's own CPU time (checkpoints run on another thread) */
    printf("%-10s %10s %12s %12s %12s %10s\n", "documents", "seconds", "docs/s", "rows",
           "rows/s", "cpu");
    printf("%-10zu %10.3f %12.1f %12zu %12.0f %10.3f\n", run.stored, secs,
           (double)run.stored / secs, run.rows, (double)run.rows / secs, cpu0);
    if (!a.no_index && time_index(run.st, run.docs, run.n_docs, a.copies) < 0)
        return 1;
    fg_store_close(run.st);
    for (size_t d = 0; d < run.n_docs; d++)
        fg_doc_free(run.docs[d]);
    free(run.docs);
    fg_gazetteer_free(run.gz);
    return 0;
}

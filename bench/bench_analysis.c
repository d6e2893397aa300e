/*
 * bench_analysis: the analysis measures on a large synthetic graph.
 * usage: bench_analysis [--agencies N] [--tasks N] [--docs N] [--seed S] --out DIR
 *        bench_analysis --db STORE --out DIR
 * Generates DOCS task-division documents whose TASKS tasks each name one lead and 1–6
 * co-operating agencies out of AGENCIES, drawn with a skew (a few agencies are on most
 * tasks, as in real documents); parses and ingests them into DIR/bench.db, builds the graph
 * and times each measure. With --db it uses an existing store instead (bench/scale.sh
 * passes the corpus it ingested). Writes DIR/edges.tsv (the agency projection: a, b,
 * weight) and DIR/fengong.tsv (measure, seconds) for bench/nx_analysis.py, which times
 * NetworkX on the very same projection and prints the ratios.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fengong/fengong.h"

#include "bench.h"

static unsigned long long rng_state;

static double uniform(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(rng_state >> 11) / 9007199254740992.0;
}

/* Agency i's name: 省 + three ideographs + 局 (2,197 distinct names). */
static void agency_name(char *buf, size_t n, size_t i)
{
    static const char *const syl[] = {"东", "南", "西", "北", "江", "河", "山", "林",
                                      "金", "木", "水", "火", "土"};

    snprintf(buf, n, "省%s%s%s局", syl[i % 13], syl[(i / 13) % 13], syl[(i / 169) % 13]);
}

static void fail(const char *what)
{
    fprintf(stderr, "bench_analysis: %s: %s\n", what, fg_error_last()->message);
    exit(1);
}

int main(int argc, char **argv)
{
    size_t n_agencies = 1000;
    size_t n_tasks = 6000;
    size_t n_docs = 20;
    const char *out_dir = NULL;
    const char *db = NULL;
    char path[4096];
    fg_store *st = NULL;
    fg_graph *g = NULL;
    double t0;
    double t_ingest;
    double t_load;
    FILE *times;
    FILE *edges;

    rng_state = 42;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--agencies") == 0)
            n_agencies = (size_t)atol(argv[i + 1]);
        else if (strcmp(argv[i], "--tasks") == 0)
            n_tasks = (size_t)atol(argv[i + 1]);
        else if (strcmp(argv[i], "--docs") == 0)
            n_docs = (size_t)atol(argv[i + 1]);
        else if (strcmp(argv[i], "--seed") == 0)
            rng_state = (unsigned long long)atoll(argv[i + 1]);
        else if (strcmp(argv[i], "--out") == 0)
            out_dir = argv[i + 1];
        else if (strcmp(argv[i], "--db") == 0)
            db = argv[i + 1];
    }
    if (out_dir == NULL || n_agencies < 2 || n_agencies > 2197 || n_docs == 0) {
        fputs("usage: bench_analysis [--agencies N<=2197] [--tasks N] [--docs N] [--seed S] "
              "--out DIR\n       bench_analysis --db STORE --out DIR\n", stderr);
        return 2;
    }
    if (db) {
        fg_store_opts so = FG_STORE_OPTS_INIT;

        so.read_only = 1;
        if (fg_store_open(&st, db, &so) < 0)
            fail("open");
        n_docs = 0;
        t_ingest = 0;
        goto load;
    }
    snprintf(path, sizeof path, "%s/bench.db", out_dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/bench.db-wal", out_dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/bench.db", out_dir);
    if (fg_store_open(&st, path, NULL) < 0)
        fail("open");

    t0 = bench_now();
    for (size_t d = 0; d < n_docs; d++) {
        size_t per_doc = n_tasks / n_docs + (d < n_tasks % n_docs);
        size_t cap = per_doc * 200 + 256;
        char *text = malloc(cap);
        size_t len = 0;
        fg_text *t = NULL;
        fg_doc *doc = NULL;
        fg_ingest_status is;
        fg_ingest_opts io = FG_INGEST_OPTS_INIT;
        char name[64];

        if (text == NULL)
            return 1;
        len += (size_t)snprintf(text + len, cap - len, "一、任务\n");
        for (size_t k = 0; k < per_doc; k++) {
            size_t n_co = 1 + (size_t)(uniform() * 6);
            char a[32];

            /* Squared uniform: low indices (a few agencies) come up far more often. */
            agency_name(a, sizeof a, (size_t)(uniform() * uniform() * (double)n_agencies));
            len += (size_t)snprintf(text + len, cap - len, "%zu．任务%zu。（%s牵头，", k + 1, k,
                                    a);
            for (size_t c = 0; c < n_co; c++) {
                agency_name(a, sizeof a, (size_t)(uniform() * uniform() * (double)n_agencies));
                len += (size_t)snprintf(text + len, cap - len, "%s%s", c ? "、" : "", a);
            }
            len += (size_t)snprintf(text + len, cap - len, "按职责分工负责）\n");
        }
        snprintf(name, sizeof name, "bench-%04zu.txt", d);
        if (fg_text_decode(&t, name, text, len) < 0 || fg_parse_document(&doc, t, NULL) < 0 ||
            fg_store_ingest(&is, st, doc, fg_text_sha256(t), t->n_bytes, &io) < 0)
            fail("ingest");
        fg_doc_free(doc);
        fg_text_free(t);
        free(text);
    }
    t_ingest = bench_now() - t0;
load:
    t0 = bench_now();
    if (fg_graph_load(&g, st, NULL, NULL) < 0)
        fail("graph");
    t_load = bench_now() - t0;

    snprintf(path, sizeof path, "%s/fengong.tsv", out_dir);
    times = fopen(path, "w");
    snprintf(path, sizeof path, "%s/edges.tsv", out_dir);
    edges = fopen(path, "w");
    if (times == NULL || edges == NULL) {
        perror(path);
        return 1;
    }
    {
        fg_pair *pairs = NULL;
        size_t n_pairs = 0;

        if (fg_analysis_pairs(&pairs, &n_pairs, g) < 0)
            fail("pairs");
        for (size_t i = 0; i < n_pairs; i++)
            fprintf(edges, "%zu\t%zu\t%zu\n", pairs[i].a, pairs[i].b, pairs[i].shared);
        fclose(edges);
        if (db)
            printf("store %s: %zu tasks, %zu agencies; projection %zu edges\n", db,
                   fg_graph_n_tasks(g), fg_graph_n_agencies(g), n_pairs);
        else
            printf("synthetic corpus: %zu documents, %zu tasks, %zu agencies; projection %zu "
                   "edges\n", n_docs, fg_graph_n_tasks(g), fg_graph_n_agencies(g), n_pairs);
        free(pairs);
    }
    fprintf(times, "measure\tseconds\n");
    fprintf(times, "ingest\t%.6f\n", t_ingest);
    fprintf(times, "graph_load\t%.6f\n", t_load);
    {
        static const struct {
            const char *name;
            unsigned flag;
        } ms[] = {
            {"degree", FG_MEASURE_DEGREE},       {"betweenness", FG_MEASURE_BETWEENNESS},
            {"harmonic", FG_MEASURE_HARMONIC},   {"eigenvector", FG_MEASURE_EIGENVECTOR},
            {"pagerank", FG_MEASURE_PAGERANK},
        };

        /* The best of up to five runs (fewer once a second is spent): single runs of a few
         * milliseconds are mostly noise on a shared machine. */
        for (size_t k = 0; k < sizeof ms / sizeof ms[0]; k++) {
            double best = 1e300;
            double spent = 0;

            for (int rep = 0; rep < 5 && spent < 1.0; rep++) {
                fg_centrality_row *rows = NULL;
                size_t n = 0;
                double t;

                t0 = bench_now();
                if (fg_analysis_centrality_some(&rows, &n, g, ms[k].flag) < 0)
                    fail(ms[k].name);
                t = bench_now() - t0;
                free(rows);
                spent += t;
                if (t < best)
                    best = t;
            }
            fprintf(times, "%s\t%.6f\n", ms[k].name, best);
        }
    }
    {
        fg_community *com = NULL;
        size_t n = 0;
        double q = 0;

        double best = 1e300;
        double spent = 0;

        for (int rep = 0; rep < 5 && spent < 1.0; rep++) {
            double t;

            fg_communities_free(com, n);
            com = NULL;
            t0 = bench_now();
            if (fg_analysis_communities(&com, &n, &q, g, 42) < 0)
                fail("communities");
            t = bench_now() - t0;
            spent += t;
            if (t < best)
                best = t;
        }
        fprintf(times, "communities\t%.6f\n", best);
        printf("Leiden: %zu communities, modularity %.4f\n", n, q);
        fg_communities_free(com, n);
    }
    fclose(times);
    fg_graph_free(g);
    fg_store_close(st);
    return 0;
}

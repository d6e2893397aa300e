/*
 * fengong centrality and communities: measures of each agency on the agency projection and
 * its Leiden communities (fg_analysis_centrality_opts(), fg_analysis_communities()).
 */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

static const char centrality_usage[] =
    "usage: fengong centrality [--limit N] [--sort KEY] [filters]\n"
    "\n"
    "Centrality of each agency on the agency projection (two agencies are tied once per\n"
    "clause they share; weight = shared clauses, length = 1/weight): degree (neighbours),\n"
    "strength (sum of weights), betweenness (unnormalised, by length), harmonic (sum of\n"
    "1/distance by length), eigenvector (by weight, maximum 1), pagerank (by weight,\n"
    "damping 0.85). Sorted by pagerank, or by --sort KEY: pagerank, degree, strength,\n"
    "betweenness, harmonic, eigenvector (largest first) or agency (by name).\n"
    "\n"
    "Betweenness and harmonic follow every shortest path: O(agencies × ties). For a very\n"
    "large projection, --sample K or --cutoff L (below). The output says when either is\n"
    "used (table footer, a JSON field, else stderr).\n";

static const char *const centrality_keys[] = {"pagerank", "degree",      "strength", "betweenness",
                                               "harmonic", "eigenvector", "agency",   NULL};
static size_t centrality_key; /* the comparator's key: an index into centrality_keys */

static double centrality_value(const fg_centrality_row *r)
{
    switch (centrality_key) {
    case 1:
        return (double)r->degree;
    case 2:
        return r->strength;
    case 3:
        return r->betweenness;
    case 4:
        return r->harmonic;
    case 5:
        return r->eigenvector;
    default:
        return r->pagerank;
    }
}

/* By the chosen measure, largest first (by name for agency); ties by pagerank, then name. */
static int cmp_pagerank(const void *a, const void *b)
{
    const fg_centrality_row *x = a;
    const fg_centrality_row *y = b;
    double vx = centrality_value(x);
    double vy = centrality_value(y);

    if (centrality_key == 6)
        return x->agency < y->agency ? -1 : x->agency > y->agency;
    if (vx != vy)
        return vx > vy ? -1 : 1;
    if (x->pagerank != y->pagerank)
        return x->pagerank > y->pagerank ? -1 : 1;
    return x->agency < y->agency ? -1 : x->agency > y->agency;
}

enum { O_SAMPLE = 1, O_CUTOFF };

static const cli_opt centrality_opts[] = {
    {"sample", 0, "K", O_SAMPLE, "estimate both from K random source agencies (seeded by "
                                 "--seed;\nunbiased, scaled by agencies/K)"},
    {"cutoff", 0, "L", O_CUTOFF, "count only paths of length ≤ L (length = 1/shared clauses)"},
};

static int take_centrality_opt(void *ctx, int id, const char *arg)
{
    fg_centrality_opts *co = ctx;

    if (id == O_SAMPLE) {
        long k;

        if (cli_parse_long(arg, 1, 100000000L, &k) < 0) {
            fprintf(stderr, "fengong centrality: --sample needs a positive number of "
                            "agencies, not '%s'\n", arg);
            return CLI_USAGE;
        }
        co->sample = (size_t)k;
    } else {
        char *end = NULL;
        double c = strtod(arg, &end);

        if (end == arg || *end != '\0' || !(c > 0) || !isfinite(c)) {
            fprintf(stderr, "fengong centrality: --cutoff needs a positive length, not "
                            "'%s'\n", arg);
            return CLI_USAGE;
        }
        co->cutoff = c;
    }
    if (co->sample && co->cutoff > 0) {
        fprintf(stderr, "fengong centrality: use --sample or --cutoff, not both\n");
        return CLI_USAGE;
    }
    return 0;
}

static int cmd_centrality(int argc, char **argv, const cli_global *gl)
{
    static const cli_col cols[] = {{"agency", CLI_TEXT, NULL, NULL, false},
                                   {"degree", CLI_INT, NULL, NULL, false},
                                   {"strength", CLI_REAL, "%.0f", NULL, false},
                                   {"betweenness", CLI_REAL, "%.1f", NULL, false},
                                   {"harmonic", CLI_REAL, "%.2f", NULL, false},
                                   {"eigenvector", CLI_REAL, "%.4f", NULL, false},
                                   {"pagerank", CLI_REAL, "%.4f", NULL, false}};
    fg_centrality_opts co = FG_CENTRALITY_OPTS_INIT;
    cli_spec spec = {"centrality", centrality_usage, CLI_GRAPH_OPTS | CLI_OPT_SEED | CLI_OPT_SORT,
                     centrality_opts, 2, take_centrality_opt, &co, centrality_keys, NULL, false,
                     NULL};
    cli_graph_run r;
    fg_centrality_row *rows = NULL;
    fg_centrality_info info;
    char note[160] = "";
    size_t n = 0;
    cli_printer p;
    int rc;

    rc = cli_graph_begin(&r, &spec, argc, argv, NULL, gl);
    if (rc >= 0)
        return rc;
    centrality_key = r.a.sort;
    co.seed = r.a.seed;
    if (co.sample == 0 && co.cutoff == 0 && isatty(STDERR_FILENO) &&
        fg_graph_paths_are_costly(r.g))
        fprintf(stderr, "fengong centrality: exact betweenness on %zu agencies and %zu ties "
                        "takes a while; --sample 500 estimates it much faster\n",
                fg_graph_n_agencies(r.g), fg_graph_n_ties(r.g));
    if (fg_analysis_centrality_opts(&rows, &n, &info, r.g, &co) < 0) {
        cli_report_error(gl);
        return cli_graph_end(&r, CLI_FAIL);
    }
    if (info.sampled)
        snprintf(note, sizeof note,
                 "betweenness and harmonic estimated from %zu of %zu agencies (seed %lu)",
                 info.sources, n, r.a.seed);
    else if (info.cutoff > 0)
        snprintf(note, sizeof note,
                 "betweenness and harmonic count only paths of length <= %g", info.cutoff);
    qsort(rows, n, sizeof *rows, cmp_pagerank);
    cli_graph_printer(&p, &r, "centrality", 7, cols);
    for (size_t i = 0; i < n; i++) {
        cli_cell c[7] = {cli_text(fg_graph_agency(r.g, rows[i].agency)),
                         cli_int((long long)rows[i].degree),
                         cli_real(rows[i].strength),
                         cli_real(rows[i].betweenness),
                         cli_real(rows[i].harmonic),
                         cli_real(rows[i].eigenvector),
                         cli_real(rows[i].pagerank)};

        cli_printer_cells(&p, c);
    }
    if (r.a.fmt == CLI_JSON) {
        json_t *root = json_object();

        json_object_set_new(root, "agencies", cli_printer_take_json(&p));
        json_object_set_new(root, "paths",
                            json_pack("{s:s,s:I,s:o}", "method",
                                      info.sampled ? "sampled" : info.cutoff > 0 ? "cutoff"
                                                                                 : "exact",
                                      "sources", (json_int_t)info.sources, "cutoff",
                                      cli_json_real(info.cutoff)));
        json_object_set_new(root, "names", cli_names_json(&r.a));
        cli_print_json(root);
    }
    cli_printer_end(&p);
    if (note[0] && r.a.fmt == CLI_TABLE)
        printf("\n%s\n", note);
    else if (note[0] && r.a.fmt != CLI_JSON)
        fprintf(stderr, "fengong centrality: %s\n", note);
    free(rows);
    return cli_graph_end(&r, CLI_OK);
}

const cli_command cli_cmd_centrality = {
    "centrality", cmd_centrality, "degree, strength, betweenness, harmonic, eigenvector, pagerank"};

/* ---- communities ---- */

static const char communities_usage[] =
    "usage: fengong communities [--seed N] [--limit N] [filters]\n"
    "\n"
    "Leiden communities of the agency projection (modularity, by weight; reproducible for\n"
    "a seed, default 42): each community's members, its most central agency (largest\n"
    "strength inside it) and the clauses that hold it together (all their agencies in it;\n"
    "columns clauses and holding_clauses count and name them).\n";

/* Join up to max names with 、 into buf. */
static void join_names(char *buf, size_t size, const fg_graph *g, const size_t *idx, size_t n,
                       size_t max, int tasks)
{
    size_t used = 0;

    buf[0] = '\0';
    for (size_t k = 0; k < n && k < max && used + 1 < size; k++) {
        const char *s = tasks ? fg_graph_task(g, idx[k])->title : fg_graph_agency(g, idx[k]);
        int w = snprintf(buf + used, size - used, "%s%s", k ? (tasks ? "；" : "、") : "", s);

        if (w < 0)
            break;
        used += (size_t)w;
    }
    if (n > max && used + 8 < size)
        snprintf(buf + used, size - used, "%s", "…");
}

static int cmd_communities(int argc, char **argv, const cli_global *gl)
{
    static const cli_col cols[] = {
        {"community", CLI_INT, NULL, NULL, false}, {"size", CLI_INT, NULL, NULL, false},
        {"central", CLI_TEXT, NULL, NULL, false},  {"clauses", CLI_INT, NULL, NULL, false},
        {"members", CLI_TEXT, NULL, NULL, false},
        {"holding_clauses", CLI_TEXT, NULL, NULL, false}};
    cli_spec spec = {"communities", communities_usage, CLI_GRAPH_OPTS | CLI_OPT_SEED, NULL, 0,
                     NULL, NULL, NULL, NULL, false, NULL};
    cli_graph_run r;
    fg_community *com = NULL;
    size_t n = 0;
    double q = 0;
    cli_printer p;
    int rc = cli_graph_begin(&r, &spec, argc, argv, NULL, gl);

    if (rc >= 0)
        return rc;
    if (fg_analysis_communities(&com, &n, &q, r.g, r.a.seed) < 0) {
        cli_report_error(gl);
        return cli_graph_end(&r, CLI_FAIL);
    }
    cli_graph_printer(&p, &r, "communities", 6, cols);
    for (size_t i = 0; i < n; i++) {
        static char members[65536];
        static char tasks[8192];
        size_t max = r.a.fmt == CLI_TABLE ? 8 : SIZE_MAX;
        cli_cell c[6] = {cli_int((long long)i + 1), cli_int((long long)com[i].n_members),
                         cli_text(fg_graph_agency(r.g, com[i].central)),
                         cli_int((long long)com[i].n_tasks), cli_text(members), cli_text(tasks)};

        join_names(members, sizeof members, r.g, com[i].members, com[i].n_members, max, 0);
        join_names(tasks, sizeof tasks, r.g, com[i].tasks, com[i].n_tasks, 3, 1);
        cli_printer_cells(&p, c);
    }
    cli_printer_end(&p);
    if (r.a.fmt == CLI_TABLE)
        printf("\n%zu communities, modularity %.4f (seed %lu)\n", n, q, r.a.seed);
    fg_communities_free(com, n);
    return cli_graph_end(&r, CLI_OK);
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_communities = {"communities", cmd_communities,
                                         "Leiden communities of agencies that work together"};

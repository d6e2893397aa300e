/*
 * Analysis commands: load, centrality, communities, coord, pairs, path. They share the
 * filter options (--doc, --year, --role, --as-of, --level, --include-generic), build the
 * graph with fg_graph_load() and print what fg_analysis_* returns.
 */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "table.h"

typedef struct an_args {
    const char *db;
    cli_format fmt;
    const char *output;       /* -o FILE: the workbook of --format xlsx */
    fg_filter filter;
    const char *docs[64];
    const char *gazetteers[16];
    size_t n_gazetteers;
    size_t limit;
    unsigned long seed;
} an_args;

static const char filter_help[] =
    "filters (every analysis command):\n"
    "      --doc NAME        only this stored document (repeatable)\n"
    "      --year Y          only documents of year Y\n"
    "      --role R          lead, co or all (default all) edges\n"
    "      --as-of YEAR      follow renamings to the agencies current in YEAR\n"
    "      --level L         only agencies of level L (central, province, city, county)\n"
    "      --include-generic keep 有关部门, …成员单位 and other generic references\n"
    "      --gazetteer FILE  merge your own agency list for names and renamings\n"
    "      --db PATH         database (default $FENGONG_DB, else ./fengong.db)\n"
    "      --limit N         at most N rows in each table (listing commands; default: all)\n"
    "  -f, --format FMT      table (default on a terminal), tsv, csv, json, or xlsx with -o\n"
    "  -o, --output FILE     the Excel workbook of --format xlsx: one sheet per table, numbers\n"
    "                        as numbers, a frozen bold header with an autofilter\n"
    "  -h, --help            show this help\n";

static int parse_int(const char *s, long lo, long hi, long *out)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);

    if (end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/*
 * Take n arguments at argv[i] out of argv (a command's own options, removed before the
 * shared parser sees the rest); argv stays NULL-terminated.
 */
static void drop_args(int *argc, char **argv, int i, int n)
{
    memmove(&argv[i], &argv[i + n], (size_t)(*argc - i - n + 1) * sizeof *argv);
    *argc -= n;
}

/*
 * A command's own --sort KEY (or --sort=KEY), taken out of argv before the shared parser
 * runs: *key is the index of KEY in keys (unchanged when there is no --sort). Returns -1 to
 * go on, or CLI_USAGE after a message naming the keys.
 */
static int take_sort(int *argc, char **argv, const char *cmd, const char *const *keys,
                     size_t n_keys, size_t *key)
{
    for (int i = 1; i < *argc && strcmp(argv[i], "--") != 0; i++) {
        const char *v = NULL;
        int used = 0;
        size_t k;

        if (strcmp(argv[i], "--sort") == 0) {
            if (i + 1 >= *argc) {
                fprintf(stderr, "fengong %s: option '--sort' needs a value\n", cmd);
                return CLI_USAGE;
            }
            v = argv[i + 1];
            used = 2;
        } else if (strncmp(argv[i], "--sort=", 7) == 0) {
            v = argv[i] + 7;
            used = 1;
        } else {
            continue;
        }
        for (k = 0; k < n_keys && strcmp(keys[k], v) != 0; k++)
            ;
        if (k == n_keys) {
            fprintf(stderr, "fengong %s: --sort is one of", cmd);
            for (k = 0; k < n_keys; k++)
                fprintf(stderr, "%s %s", k ? "," : "", keys[k]);
            fprintf(stderr, ", not '%s'\n", v);
            return CLI_USAGE;
        }
        *key = k;
        drop_args(argc, argv, i, used);
        i--;
    }
    return -1;
}

/* Returns -1 to go on, or an exit code. */
static int parse_an_args(an_args *a, int argc, char **argv, const char *usage)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {"doc", required_argument, NULL, 'D'},
        {"year", required_argument, NULL, 'y'},
        {"role", required_argument, NULL, 'r'},
        {"as-of", required_argument, NULL, 'a'},
        {"level", required_argument, NULL, 'l'},
        {"include-generic", no_argument, NULL, 'G'},
        {"gazetteer", required_argument, NULL, 'g'},
        {"limit", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, 's'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    fg_filter def = FG_FILTER_INIT;
    long v;
    int c;
    int f;

    memset(a, 0, sizeof *a);
    a->filter = def;
    a->fmt = isatty(STDOUT_FILENO) ? CLI_TABLE : CLI_TSV;
    a->limit = 0;
    a->seed = 42;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "d:f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            a->db = optarg;
            break;
        case 'f':
            if (cli_format_option(&f, argv[0], optarg) < 0)
                return CLI_USAGE;
            a->fmt = (cli_format)f;
            break;
        case 'o':
            a->output = optarg;
            break;
        case 'D':
            if (a->filter.n_docs == sizeof a->docs / sizeof a->docs[0]) {
                fprintf(stderr, "fengong %s: too many --doc options\n", argv[0]);
                return CLI_USAGE;
            }
            a->docs[a->filter.n_docs++] = optarg;
            a->filter.docs = a->docs;
            break;
        case 'y':
        case 'a':
            if (parse_int(optarg, 1949, 2100, &v) < 0) {
                fprintf(stderr, "fengong %s: %s needs a year, not '%s'\n", argv[0],
                        c == 'y' ? "--year" : "--as-of", optarg);
                return CLI_USAGE;
            }
            if (c == 'y')
                a->filter.year = (int)v;
            else
                a->filter.as_of = (int)v;
            break;
        case 'r':
            if (strcmp(optarg, "lead") == 0)
                a->filter.roles = FG_ROLES_LEAD;
            else if (strcmp(optarg, "co") == 0)
                a->filter.roles = FG_ROLES_CO;
            else if (strcmp(optarg, "all") == 0)
                a->filter.roles = FG_ROLES_ALL;
            else {
                fprintf(stderr, "fengong %s: --role is lead, co or all, not '%s'\n", argv[0],
                        optarg);
                return CLI_USAGE;
            }
            break;
        case 'l':
            a->filter.level = optarg;
            break;
        case 'G':
            a->filter.include_generic = 1;
            break;
        case 'g':
            if (a->n_gazetteers == sizeof a->gazetteers / sizeof a->gazetteers[0]) {
                fprintf(stderr, "fengong %s: too many --gazetteer files\n", argv[0]);
                return CLI_USAGE;
            }
            a->gazetteers[a->n_gazetteers++] = optarg;
            break;
        case 'n':
            if (parse_int(optarg, 1, 1000000000L, &v) < 0) {
                fprintf(stderr, "fengong %s: --limit needs a positive number\n", argv[0]);
                return CLI_USAGE;
            }
            a->limit = (size_t)v;
            break;
        case 's':
            if (parse_int(optarg, 0, 2147483647L, &v) < 0) {
                fprintf(stderr, "fengong %s: --seed needs a non-negative number\n", argv[0]);
                return CLI_USAGE;
            }
            a->seed = (unsigned long)v;
            break;
        case 'h':
            fputs(usage, stdout);
            fputs(filter_help, stdout);
            return CLI_OK;
        case ':':
            fprintf(stderr, "fengong %s: option '%s' needs a value\n", argv[0], argv[optind - 1]);
            return CLI_USAGE;
        default:
            fprintf(stderr, "fengong %s: unknown option '%s'\n%s", argv[0], argv[optind - 1],
                    usage);
            return CLI_USAGE;
        }
    }
    a->db = cli_db_path(a->db);
    return -1;
}

/* Open the store read-only, load the gazetteer and build the graph. */
static int open_graph(fg_graph **g, fg_gazetteer **gz, const an_args *a, const cli_global *gl)
{
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    int rc;

    *g = NULL;
    *gz = NULL;
    if (cli_load_gazetteer(gz, a->gazetteers, a->n_gazetteers, gl) < 0)
        return -1;
    so.read_only = 1;
    if (fg_store_open(&st, a->db, &so) < 0) {
        cli_report_error(gl);
        fg_gazetteer_free(*gz);
        *gz = NULL;
        return -1;
    }
    rc = fg_graph_load(g, st, *gz, &a->filter);
    fg_store_close(st);
    if (rc < 0) {
        cli_report_error(gl);
        fg_gazetteer_free(*gz);
        *gz = NULL;
        return -1;
    }
    return 0;
}

/*
 * Start the output of command cmd (cli_output_open()), then open the graph. Returns CLI_OK,
 * or an exit code with nothing left open.
 */
static int open_output_graph(cli_output *out, fg_graph **g, fg_gazetteer **gz, const an_args *a,
                             const char *cmd, const char *usage, const cli_global *gl)
{
    int rc = cli_output_open(out, cmd, a->fmt, a->output, usage);

    if (rc != CLI_OK)
        return rc;
    if (open_graph(g, gz, a, gl) < 0) {
        cli_output_close(out, false);
        return CLI_FAIL;
    }
    return CLI_OK;
}

/* Print a JSON document (indented, keys in order) and release it. */
static void print_json(json_t *root)
{
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

    if (s)
        puts(s);
    free(s);
    json_decref(root);
}

static void fmt_real(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.10g", v);
}

/* ---- load ---- */

static const char load_usage[] =
    "usage: fengong load [--limit N] [--sort KEY] [--summary] [filters]\n"
    "\n"
    "Workload per agency: tasks it leads, co-operates on, in total, its share of all\n"
    "leads and the documents naming it; sorted by lead, then total. The balance figures\n"
    "(the Gini coefficient and HHI of lead counts, the top-5 share, tasks with no lead or\n"
    "more than three leads, agencies that only ever co-operate) are printed under the\n"
    "table on a terminal, are the \"balance\" object beside \"agencies\" in JSON and the\n"
    "sheet 'balance' of a workbook. TSV and CSV hold the agencies only: --summary gives\n"
    "the balance figures instead, as one row under a header (agencies, tasks, leads, gini,\n"
    "hhi, top5_share, tasks_no_lead, tasks_over3_leads, co_only), in every format (JSON:\n"
    "the \"balance\" object alone).\n"
    "      --summary         the balance figures only, one row\n"
    "      --sort KEY        lead (default: then total), co, total, documents (largest\n"
    "                        first) or agency (by name)\n\n";

/* The balance figures as the JSON object "balance". */
static json_t *balance_json(const fg_balance *bal)
{
    return json_pack("{s:I,s:I,s:I,s:f,s:f,s:f,s:I,s:I,s:I}", "agencies",
                     (json_int_t)bal->n_agencies, "tasks", (json_int_t)bal->n_tasks, "leads",
                     (json_int_t)bal->total_leads, "gini", bal->gini, "hhi", bal->hhi,
                     "top5_share", bal->top5_share, "tasks_no_lead",
                     (json_int_t)bal->tasks_no_lead, "tasks_over3_leads",
                     (json_int_t)bal->tasks_over3_leads, "co_only", (json_int_t)bal->co_only);
}

/* load --summary: the balance figures as one row under a header, the keys of the JSON
 * output's "balance" (and that object alone in JSON). */
static void balance_row(cli_output *out, const fg_balance *bal, json_t *json)
{
    static const char *const hdr[] = {"agencies", "tasks", "leads", "gini", "hhi", "top5_share",
                                      "tasks_no_lead", "tasks_over3_leads", "co_only"};
    double values[] = {(double)bal->n_agencies, (double)bal->n_tasks, (double)bal->total_leads,
                       bal->gini, bal->hhi, bal->top5_share, (double)bal->tasks_no_lead,
                       (double)bal->tasks_over3_leads, (double)bal->co_only};
    char v[9][40];
    const char *cols[9];
    cli_printer p;

    if (out->fmt == CLI_JSON) {
        print_json(json);
        return;
    }
    json_decref(json);
    cli_printer_begin(&p, out, "balance", 9, hdr);
    for (size_t i = 0; i < 9; i++) {
        fmt_real(v[i], sizeof v[i], values[i]);
        cols[i] = v[i];
        cli_printer_numeric(&p, i);
    }
    cli_printer_row(9, cols, &p);
    cli_printer_end(&p);
}

/* The balance of leads under the load table, as a second sheet: measure, value (the keys
 * and values of the JSON output's "balance"). */
static void balance_sheet(cli_output *out, const fg_balance *bal)
{
    static const char *const hdr[] = {"measure", "value"};
    const char *names[] = {"agencies", "tasks", "leads", "gini", "hhi", "top5_share",
                           "tasks_no_lead", "tasks_over3_leads", "co_only"};
    double values[] = {(double)bal->n_agencies, (double)bal->n_tasks, (double)bal->total_leads,
                       bal->gini, bal->hhi, bal->top5_share, (double)bal->tasks_no_lead,
                       (double)bal->tasks_over3_leads, (double)bal->co_only};
    cli_printer p;

    cli_printer_begin(&p, out, "balance", 2, hdr);
    cli_printer_numeric(&p, 1);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char v[40];
        const char *cols[2] = {names[i], v};

        snprintf(v, sizeof v, "%.17g", values[i]); /* every digit: a cell holds a double */
        cli_printer_row(2, cols, &p);
    }
    cli_printer_end(&p);
}

static const char *const load_keys[] = {"lead", "co", "total", "documents", "agency"};
static size_t load_key; /* the comparator's key: an index into load_keys */

/* By the chosen key, largest first (by name for agency); ties in the default order. */
static int cmp_load(const void *a, const void *b)
{
    const fg_load_row *x = a;
    const fg_load_row *y = b;
    size_t vx = load_key == 1 ? x->co : load_key == 2 ? x->total : x->documents;
    size_t vy = load_key == 1 ? y->co : load_key == 2 ? y->total : y->documents;

    if (load_key == 4)
        return x->agency < y->agency ? -1 : x->agency > y->agency;
    if (vx != vy)
        return vx > vy ? -1 : 1;
    if (x->lead != y->lead)
        return x->lead > y->lead ? -1 : 1;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return x->agency < y->agency ? -1 : x->agency > y->agency;
}

int cmd_load(int argc, char **argv, const cli_global *gl)
{
    static const char *const hdr[] = {"agency", "lead", "co", "total", "lead_share",
                                      "documents"};
    an_args a;
    fg_graph *g = NULL;
    fg_gazetteer *gz = NULL;
    fg_load_row *rows = NULL;
    size_t n = 0;
    fg_balance bal;
    cli_output out;
    cli_printer p;
    bool summary = false;
    size_t key = 0;
    int rc = take_sort(&argc, argv, "load", load_keys, 5, &key);

    if (rc >= 0)
        return rc;

    /* --summary is this command's own flag: take it out before the shared parser runs. */
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--summary") == 0) {
            summary = true;
            drop_args(&argc, argv, i, 1);
            i--;
        }
    }
    rc = parse_an_args(&a, argc, argv, load_usage);
    if (rc >= 0)
        return rc;
    if (optind < argc) {
        fprintf(stderr, "fengong load: unexpected argument '%s'\n%s", argv[optind], load_usage);
        return CLI_USAGE;
    }
    rc = open_output_graph(&out, &g, &gz, &a, "load", load_usage, gl);
    if (rc != CLI_OK)
        return rc;
    if (fg_analysis_load(&rows, &n, &bal, g) < 0) {
        cli_report_error(gl);
        rc = CLI_FAIL;
        goto out;
    }
    if (summary) {
        balance_row(&out, &bal, balance_json(&bal));
        rc = CLI_OK;
        goto out;
    }
    if (key != 0) { /* lead is the library's order */
        load_key = key;
        qsort(rows, n, sizeof *rows, cmp_load);
    }
    cli_printer_begin(&p, &out, "load", 6, hdr);
    for (size_t k = 1; k <= 5; k++)
        cli_printer_numeric(&p, k);
    for (size_t i = 0; i < n && (a.limit == 0 || i < a.limit); i++) {
        char c[5][32];
        const char *cols[6];

        snprintf(c[0], sizeof c[0], "%zu", rows[i].lead);
        snprintf(c[1], sizeof c[1], "%zu", rows[i].co);
        snprintf(c[2], sizeof c[2], "%zu", rows[i].total);
        snprintf(c[3], sizeof c[3], a.fmt == CLI_TABLE ? "%.1f%%" : "%.6f",
                 a.fmt == CLI_TABLE ? 100.0 * rows[i].lead_share : rows[i].lead_share);
        snprintf(c[4], sizeof c[4], "%zu", rows[i].documents);
        cols[0] = fg_graph_agency(g, rows[i].agency);
        for (size_t k = 0; k < 5; k++)
            cols[k + 1] = c[k];
        cli_printer_row(6, cols, &p);
    }
    if (a.fmt == CLI_JSON && p.json) {
        json_t *root = json_object();
        json_t *b = balance_json(&bal);

        json_object_set_new(root, "agencies", p.json);
        json_object_set_new(root, "balance", b);
        print_json(root);
        p.json = NULL;
    }
    cli_printer_end(&p);
    if (a.fmt == CLI_XLSX)
        balance_sheet(&out, &bal);
    if (a.fmt == CLI_TABLE) {
        printf("\n%zu agencies, %zu tasks, %zu leads\n", bal.n_agencies, bal.n_tasks,
               bal.total_leads);
        printf("Gini of lead counts      %.3f\n", bal.gini);
        printf("HHI of lead counts       %.4f\n", bal.hhi);
        printf("top-5 share of leads     %.1f%%\n", 100.0 * bal.top5_share);
        printf("tasks with no lead       %zu\n", bal.tasks_no_lead);
        printf("tasks with > 3 leads     %zu\n", bal.tasks_over3_leads);
        printf("agencies that only co-operate  %zu\n", bal.co_only);
    }
    rc = CLI_OK;
out:
    if (cli_output_close(&out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    free(rows);
    fg_graph_free(g);
    fg_gazetteer_free(gz);
    return rc;
}

/* ---- centrality ---- */

static const char centrality_usage[] =
    "usage: fengong centrality [--limit N] [--sort KEY] [filters]\n"
    "\n"
    "Centrality of each agency on the agency projection (two agencies are tied once per\n"
    "task they share; weight = shared tasks, length = 1/weight): degree (neighbours),\n"
    "strength (sum of weights), betweenness (unnormalised, by length), harmonic (sum of\n"
    "1/distance by length), eigenvector (by weight, maximum 1), pagerank (by weight,\n"
    "damping 0.85). Sorted by pagerank, or by --sort KEY: pagerank, degree, strength,\n"
    "betweenness, harmonic, eigenvector (largest first) or agency (by name).\n"
    "\n"
    "Betweenness and harmonic follow every shortest path: O(agencies × ties). For a very\n"
    "large projection:\n"
    "      --sample K        estimate both from K random source agencies (seeded by --seed;\n"
    "                        unbiased, scaled by agencies/K)\n"
    "      --cutoff L        count only paths of length ≤ L (length = 1/shared tasks)\n"
    "The output says when either is used (table footer, a JSON field, else stderr).\n\n";

static const char *const centrality_keys[] = {"pagerank", "degree", "strength", "betweenness",
                                               "harmonic", "eigenvector", "agency"};
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

int cmd_centrality(int argc, char **argv, const cli_global *gl)
{
    static const char *const hdr[] = {"agency", "degree", "strength", "betweenness", "harmonic",
                                      "eigenvector", "pagerank"};
    an_args a;
    fg_graph *g = NULL;
    fg_gazetteer *gz = NULL;
    fg_centrality_row *rows = NULL;
    fg_centrality_opts co = FG_CENTRALITY_OPTS_INIT;
    fg_centrality_info info;
    char note[160] = "";
    size_t n = 0;
    cli_output out;
    cli_printer p;
    int rc;

    centrality_key = 0;
    rc = take_sort(&argc, argv, "centrality", centrality_keys, 7, &centrality_key);
    if (rc >= 0)
        return rc;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char *val = NULL;
        int used = 0;

        if (strcmp(o, "--sample") == 0 || strcmp(o, "--cutoff") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "fengong centrality: option '%s' needs a value\n", o);
                return CLI_USAGE;
            }
            val = argv[i + 1];
            used = 2;
        } else if (strncmp(o, "--sample=", 9) == 0 || strncmp(o, "--cutoff=", 9) == 0) {
            val = o + 9;
            used = 1;
        }
        if (!used)
            continue;
        if (o[2] == 's') {
            long k;

            if (parse_int(val, 1, 100000000L, &k) < 0) {
                fprintf(stderr, "fengong centrality: --sample needs a positive number of "
                                "agencies, not '%s'\n", val);
                return CLI_USAGE;
            }
            co.sample = (size_t)k;
        } else {
            char *end = NULL;
            double c = strtod(val, &end);

            if (end == val || *end != '\0' || !(c > 0) || !isfinite(c)) {
                fprintf(stderr, "fengong centrality: --cutoff needs a positive length, not "
                                "'%s'\n", val);
                return CLI_USAGE;
            }
            co.cutoff = c;
        }
        drop_args(&argc, argv, i, used);
        i--;
    }
    if (co.sample && co.cutoff > 0) {
        fprintf(stderr, "fengong centrality: use --sample or --cutoff, not both\n");
        return CLI_USAGE;
    }
    rc = parse_an_args(&a, argc, argv, centrality_usage);
    if (rc >= 0)
        return rc;
    if (optind < argc) {
        fprintf(stderr, "fengong centrality: unexpected argument '%s'\n%s", argv[optind],
                centrality_usage);
        return CLI_USAGE;
    }
    co.seed = a.seed;
    rc = open_output_graph(&out, &g, &gz, &a, "centrality", centrality_usage, gl);
    if (rc != CLI_OK)
        return rc;
    if (co.sample == 0 && co.cutoff == 0 && isatty(STDERR_FILENO) &&
        fg_graph_paths_are_costly(g))
        fprintf(stderr, "fengong centrality: exact betweenness on %zu agencies and %zu ties "
                        "takes a while; --sample 500 estimates it much faster\n",
                fg_graph_n_agencies(g), fg_graph_n_ties(g));
    if (fg_analysis_centrality_opts(&rows, &n, &info, g, &co) < 0) {
        cli_report_error(gl);
        rc = CLI_FAIL;
        goto out;
    }
    if (info.sampled)
        snprintf(note, sizeof note,
                 "betweenness and harmonic estimated from %zu of %zu agencies (seed %lu)",
                 info.sources, n, a.seed);
    else if (info.cutoff > 0)
        snprintf(note, sizeof note,
                 "betweenness and harmonic count only paths of length <= %g", info.cutoff);
    qsort(rows, n, sizeof *rows, cmp_pagerank);
    cli_printer_begin(&p, &out, "centrality", 7, hdr);
    for (size_t k = 1; k <= 6; k++)
        cli_printer_numeric(&p, k);
    for (size_t i = 0; i < n && (a.limit == 0 || i < a.limit); i++) {
        char c[6][40];
        const char *cols[7];

        snprintf(c[0], sizeof c[0], "%zu", rows[i].degree);
        if (a.fmt == CLI_TABLE) {
            snprintf(c[1], sizeof c[1], "%.0f", rows[i].strength);
            snprintf(c[2], sizeof c[2], "%.1f", rows[i].betweenness);
            snprintf(c[3], sizeof c[3], "%.2f", rows[i].harmonic);
            snprintf(c[4], sizeof c[4], "%.4f", rows[i].eigenvector);
            snprintf(c[5], sizeof c[5], "%.4f", rows[i].pagerank);
        } else {
            fmt_real(c[1], sizeof c[1], rows[i].strength);
            fmt_real(c[2], sizeof c[2], rows[i].betweenness);
            fmt_real(c[3], sizeof c[3], rows[i].harmonic);
            fmt_real(c[4], sizeof c[4], rows[i].eigenvector);
            fmt_real(c[5], sizeof c[5], rows[i].pagerank);
        }
        cols[0] = fg_graph_agency(g, rows[i].agency);
        for (size_t k = 0; k < 6; k++)
            cols[k + 1] = c[k];
        cli_printer_row(7, cols, &p);
    }
    if (a.fmt == CLI_JSON && p.json) {
        json_t *root = json_object();

        json_object_set_new(root, "agencies", p.json);
        json_object_set_new(root, "paths",
                            json_pack("{s:s,s:I,s:f}", "method",
                                      info.sampled ? "sampled" : info.cutoff > 0 ? "cutoff"
                                                                                 : "exact",
                                      "sources", (json_int_t)info.sources, "cutoff",
                                      info.cutoff));
        print_json(root);
        p.json = NULL;
    }
    cli_printer_end(&p);
    if (note[0] && a.fmt == CLI_TABLE)
        printf("\n%s\n", note);
    else if (note[0] && a.fmt != CLI_JSON)
        fprintf(stderr, "fengong centrality: %s\n", note);
    rc = CLI_OK;
out:
    if (cli_output_close(&out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    free(rows);
    fg_graph_free(g);
    fg_gazetteer_free(gz);
    return rc;
}

/* ---- communities ---- */

static const char communities_usage[] =
    "usage: fengong communities [--seed N] [--limit N] [filters]\n"
    "\n"
    "Leiden communities of the agency projection (modularity, by weight; reproducible for\n"
    "a seed, default 42): each community's members, its most central agency (largest\n"
    "strength inside it) and the tasks that hold it together (all their agencies in it).\n\n";

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

int cmd_communities(int argc, char **argv, const cli_global *gl)
{
    static const char *const hdr[] = {"community", "size", "central", "tasks", "members",
                                      "holding_tasks"};
    an_args a;
    fg_graph *g = NULL;
    fg_gazetteer *gz = NULL;
    fg_community *com = NULL;
    size_t n = 0;
    double q = 0;
    cli_output out;
    cli_printer p;
    int rc = parse_an_args(&a, argc, argv, communities_usage);

    if (rc >= 0)
        return rc;
    if (optind < argc) {
        fprintf(stderr, "fengong communities: unexpected argument '%s'\n%s", argv[optind],
                communities_usage);
        return CLI_USAGE;
    }
    rc = open_output_graph(&out, &g, &gz, &a, "communities", communities_usage, gl);
    if (rc != CLI_OK)
        return rc;
    if (fg_analysis_communities(&com, &n, &q, g, a.seed) < 0) {
        cli_report_error(gl);
        rc = CLI_FAIL;
        goto out;
    }
    cli_printer_begin(&p, &out, "communities", 6, hdr);
    cli_printer_limit(&p, a.limit);
    cli_printer_numeric(&p, 0);
    cli_printer_numeric(&p, 1);
    cli_printer_numeric(&p, 3);
    for (size_t i = 0; i < n; i++) {
        static char members[65536];
        static char tasks[8192];
        char c[3][32];
        const char *cols[6];
        size_t max = a.fmt == CLI_TABLE ? 8 : SIZE_MAX;

        snprintf(c[0], sizeof c[0], "%zu", i + 1);
        snprintf(c[1], sizeof c[1], "%zu", com[i].n_members);
        snprintf(c[2], sizeof c[2], "%zu", com[i].n_tasks);
        join_names(members, sizeof members, g, com[i].members, com[i].n_members, max, 0);
        join_names(tasks, sizeof tasks, g, com[i].tasks, com[i].n_tasks, 3, 1);
        cols[0] = c[0];
        cols[1] = c[1];
        cols[2] = fg_graph_agency(g, com[i].central);
        cols[3] = c[2];
        cols[4] = members;
        cols[5] = tasks;
        cli_printer_row(6, cols, &p);
    }
    cli_printer_end(&p);
    if (a.fmt == CLI_TABLE)
        printf("\n%zu communities, modularity %.4f (seed %lu)\n", n, q, a.seed);
    rc = CLI_OK;
out:
    if (cli_output_close(&out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    fg_communities_free(com, n);
    fg_graph_free(g);
    fg_gazetteer_free(gz);
    return rc;
}

/* ---- coord ---- */

static const char coord_usage[] =
    "usage: fengong coord [--limit N] [filters] X [Y]\n"
    "\n"
    "X's partners ranked by shared tasks, split into X leads / partner co-operates,\n"
    "partner leads / X co-operates, both co-operate (and both lead). With Y: every task X\n"
    "and Y share, with their roles. Names may be short forms or old names.\n\n";

int cmd_coord(int argc, char **argv, const cli_global *gl)
{
    an_args a;
    fg_graph *g = NULL;
    fg_gazetteer *gz = NULL;
    size_t x;
    size_t y;
    cli_output out;
    cli_printer p;
    int rc = parse_an_args(&a, argc, argv, coord_usage);

    if (rc >= 0)
        return rc;
    if (optind >= argc || argc - optind > 2) {
        fprintf(stderr, "fengong coord: give an agency X, and optionally Y\n%s", coord_usage);
        return CLI_USAGE;
    }
    rc = open_output_graph(&out, &g, &gz, &a, "coord", coord_usage, gl);
    if (rc != CLI_OK)
        return rc;
    rc = CLI_FAIL;
    if (fg_graph_find(&x, g, gz, argv[optind]) < 0 ||
        (argc - optind == 2 && fg_graph_find(&y, g, gz, argv[optind + 1]) < 0)) {
        cli_report_error(gl);
        goto out;
    }
    if (argc - optind == 1) {
        static const char *const hdr[] = {"partner", "shared", "x_leads", "partner_leads",
                                          "both_co", "both_lead", "tasks"};
        fg_partner *rows = NULL;
        size_t n = 0;

        if (fg_analysis_partners(&rows, &n, g, x) < 0) {
            cli_report_error(gl);
            goto out;
        }
        if (a.fmt == CLI_TABLE)
            printf("partners of %s (X)\n\n", fg_graph_agency(g, x));
        cli_printer_begin(&p, &out, "partners", 7, hdr);
        for (size_t k = 1; k <= 5; k++)
            cli_printer_numeric(&p, k);
        for (size_t i = 0; i < n && (a.limit == 0 || i < a.limit); i++) {
            static char titles[8192];
            char c[5][32];
            const char *cols[7];
            fg_shared_task *sh = NULL;
            size_t n_sh = 0;
            size_t used = 0;

            snprintf(c[0], sizeof c[0], "%zu", rows[i].shared);
            snprintf(c[1], sizeof c[1], "%zu", rows[i].x_leads);
            snprintf(c[2], sizeof c[2], "%zu", rows[i].partner_leads);
            snprintf(c[3], sizeof c[3], "%zu", rows[i].both_co);
            snprintf(c[4], sizeof c[4], "%zu", rows[i].both_lead);
            /* The titles of the shared tasks: three on a terminal, all otherwise. */
            titles[0] = '\0';
            if (fg_analysis_shared(&sh, &n_sh, g, x, rows[i].agency) == FG_OK) {
                for (size_t k = 0; k < n_sh && (a.fmt != CLI_TABLE || k < 3); k++) {
                    int w = snprintf(titles + used, sizeof titles - used, "%s%s", k ? "；" : "",
                                     fg_graph_task(g, sh[k].task)->title);

                    if (w < 0 || (size_t)w >= sizeof titles - used)
                        break;
                    used += (size_t)w;
                }
            }
            free(sh);
            cols[0] = fg_graph_agency(g, rows[i].agency);
            for (size_t k = 0; k < 5; k++)
                cols[k + 1] = c[k];
            cols[6] = titles;
            cli_printer_row(7, cols, &p);
        }
        cli_printer_end(&p);
        free(rows);
    } else {
        static const char *const hdr[] = {"doc", "item", "clause", "x_role", "y_role", "title"};
        fg_shared_task *rows = NULL;
        size_t n = 0;

        if (fg_analysis_shared(&rows, &n, g, x, y) < 0) {
            cli_report_error(gl);
            goto out;
        }
        if (a.fmt == CLI_TABLE)
            printf("tasks shared by %s (X) and %s (Y): %zu\n\n", fg_graph_agency(g, x),
                   fg_graph_agency(g, y), n);
        cli_printer_begin(&p, &out, "shared", 6, hdr);
        cli_printer_limit(&p, a.limit);
        cli_printer_numeric(&p, 2);
        for (size_t i = 0; i < n; i++) {
            const fg_task_info *t = fg_graph_task(g, rows[i].task);
            char c[32];
            const char *cols[6];

            snprintf(c, sizeof c, "%zu", t->clause);
            cols[0] = t->doc;
            cols[1] = t->item;
            cols[2] = c;
            cols[3] = fg_role_name(rows[i].x_role);
            cols[4] = fg_role_name(rows[i].y_role);
            cols[5] = t->title;
            cli_printer_row(6, cols, &p);
        }
        cli_printer_end(&p);
        free(rows);
    }
    rc = CLI_OK;
out:
    if (cli_output_close(&out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    fg_graph_free(g);
    fg_gazetteer_free(gz);
    return rc;
}

/* ---- pairs ---- */

static const char pairs_usage[] =
    "usage: fengong pairs [--limit N] [filters]\n"
    "\n"
    "The strongest pairs of agencies: the number of tasks each pair shares (default 20\n"
    "pairs on a terminal, all otherwise).\n\n";

int cmd_pairs(int argc, char **argv, const cli_global *gl)
{
    static const char *const hdr[] = {"agency_a", "agency_b", "shared"};
    an_args a;
    fg_graph *g = NULL;
    fg_gazetteer *gz = NULL;
    fg_pair *rows = NULL;
    size_t n = 0;
    cli_output out;
    cli_printer p;
    int rc = parse_an_args(&a, argc, argv, pairs_usage);

    if (rc >= 0)
        return rc;
    if (optind < argc) {
        fprintf(stderr, "fengong pairs: unexpected argument '%s'\n%s", argv[optind],
                pairs_usage);
        return CLI_USAGE;
    }
    if (a.limit == 0 && a.fmt == CLI_TABLE)
        a.limit = 20;
    rc = open_output_graph(&out, &g, &gz, &a, "pairs", pairs_usage, gl);
    if (rc != CLI_OK)
        return rc;
    if (fg_analysis_pairs(&rows, &n, g) < 0) {
        cli_report_error(gl);
        rc = CLI_FAIL;
        goto out;
    }
    cli_printer_begin(&p, &out, "pairs", 3, hdr);
    cli_printer_numeric(&p, 2);
    for (size_t i = 0; i < n && (a.limit == 0 || i < a.limit); i++) {
        char c[32];
        const char *cols[3];

        snprintf(c, sizeof c, "%zu", rows[i].shared);
        cols[0] = fg_graph_agency(g, rows[i].a);
        cols[1] = fg_graph_agency(g, rows[i].b);
        cols[2] = c;
        cli_printer_row(3, cols, &p);
    }
    cli_printer_end(&p);
    rc = CLI_OK;
out:
    if (cli_output_close(&out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    free(rows);
    fg_graph_free(g);
    fg_gazetteer_free(gz);
    return rc;
}

/* ---- path ---- */

static const char path_usage[] =
    "usage: fengong path [filters] X Y\n"
    "\n"
    "The shortest chain of shared tasks between two agencies (a tie's length is 1/shared\n"
    "tasks, so strong ties are short), with one task for each step.\n\n";

int cmd_path(int argc, char **argv, const cli_global *gl)
{
    static const char *const hdr[] = {"step", "agency", "via_doc", "via_item", "via_title"};
    an_args a;
    fg_graph *g = NULL;
    fg_gazetteer *gz = NULL;
    size_t *ag = NULL;
    size_t *tk = NULL;
    size_t n = 0;
    size_t x;
    size_t y;
    cli_output out;
    cli_printer p;
    int rc = parse_an_args(&a, argc, argv, path_usage);

    if (rc >= 0)
        return rc;
    if (argc - optind != 2) {
        fprintf(stderr, "fengong path: give two agencies X and Y\n%s", path_usage);
        return CLI_USAGE;
    }
    rc = open_output_graph(&out, &g, &gz, &a, "path", path_usage, gl);
    if (rc != CLI_OK)
        return rc;
    rc = CLI_FAIL;
    if (fg_graph_find(&x, g, gz, argv[optind]) < 0 ||
        fg_graph_find(&y, g, gz, argv[optind + 1]) < 0 ||
        fg_analysis_path(&ag, &tk, &n, g, x, y) < 0) {
        cli_report_error(gl);
        goto out;
    }
    cli_printer_begin(&p, &out, "path", 5, hdr);
    cli_printer_numeric(&p, 0);
    for (size_t i = 0; i < n; i++) {
        const fg_task_info *t = i > 0 ? fg_graph_task(g, tk[i - 1]) : NULL;
        char c[32];
        const char *cols[5];

        snprintf(c, sizeof c, "%zu", i);
        cols[0] = c;
        cols[1] = fg_graph_agency(g, ag[i]);
        cols[2] = t ? t->doc : "";
        cols[3] = t ? t->item : "";
        cols[4] = t ? t->title : "";
        cli_printer_row(5, cols, &p);
    }
    cli_printer_end(&p);
    rc = CLI_OK;
out:
    if (cli_output_close(&out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    free(ag);
    free(tk);
    fg_graph_free(g);
    fg_gazetteer_free(gz);
    return rc;
}

/* ---- compare ---- */

static const char compare_usage[] =
    "usage: fengong compare [--pairs|--targets] [--limit N] [filters] A B\n"
    "\n"
    "Two documents (names as 'fengong documents' shows them) or two years side by side:\n"
    "agencies whose lead count rose or fell, new and vanished agencies, and pairs that\n"
    "began or stopped working together. Renamings are followed to the latest name (or to\n"
    "--as-of YEAR), and the quantitative targets of the same subject that changed\n"
    "(增长6.5%以上 -> 6%左右; 'fengong targets' lists them all). On a terminal all three\n"
    "tables are printed; in tsv/csv the agencies, or the pairs with --pairs, or the targets\n"
    "with --targets; json holds all three, and an xlsx workbook has a sheet for each.\n\n";

/* A side of a comparison: a year (4 digits) or a document name. */
static void side_filter(fg_filter *f, const char **doc_slot, const char *arg)
{
    long v;

    if (strlen(arg) == 4 && parse_int(arg, 1949, 2100, &v) == 0) {
        f->year = (int)v;
        f->n_docs = 0;
        f->docs = NULL;
    } else {
        *doc_slot = arg;
        f->docs = doc_slot;
        f->n_docs = 1;
        f->year = 0;
    }
}

int cmd_compare(int argc, char **argv, const cli_global *gl)
{
    static const char *const hdr_a[] = {"agency", "lead_a", "lead_b", "change", "total_a",
                                        "total_b", "status"};
    static const char *const hdr_p[] = {"agency_a", "agency_b", "shared_a", "shared_b",
                                        "status"};
    an_args a;
    an_args side;
    fg_graph *ga = NULL;
    fg_graph *gb = NULL;
    fg_gazetteer *gz = NULL;
    fg_gazetteer *gz2 = NULL;
    fg_comparison *cmpr = NULL;
    const char *doc_a = NULL;
    const char *doc_b = NULL;
    int pairs_only = 0;
    int targets_only = 0;
    cli_output out;
    int rc;

    /* --pairs is this command's own flag: take it out before the shared parser runs. */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--pairs") == 0) {
            pairs_only = 1;
            drop_args(&argc, argv, i, 1);
            i--;
        } else if (strcmp(argv[i], "--targets") == 0) {
            targets_only = 1;
            drop_args(&argc, argv, i, 1);
            i--;
        }
    }
    rc = parse_an_args(&a, argc, argv, compare_usage);
    if (rc >= 0)
        return rc;
    if (pairs_only && targets_only) {
        fprintf(stderr, "fengong compare: give --pairs or --targets, not both\n%s",
                compare_usage);
        return CLI_USAGE;
    }
    if (argc - optind != 2) {
        fprintf(stderr, "fengong compare: give two documents or two years A and B\n%s",
                compare_usage);
        return CLI_USAGE;
    }
    if (a.filter.as_of == 0)
        a.filter.as_of = 9999;
    side = a;
    side_filter(&side.filter, &doc_a, argv[optind]);
    rc = open_output_graph(&out, &ga, &gz, &side, "compare", compare_usage, gl);
    if (rc != CLI_OK)
        return rc;
    side = a;
    side_filter(&side.filter, &doc_b, argv[optind + 1]);
    if (open_graph(&gb, &gz2, &side, gl) < 0) {
        rc = CLI_FAIL;
        goto out;
    }
    if (fg_graph_n_tasks(ga) == 0 || fg_graph_n_tasks(gb) == 0) {
        fprintf(stderr, "fengong compare: %s has no stored tasks (see 'fengong documents')\n",
                fg_graph_n_tasks(ga) == 0 ? argv[optind] : argv[optind + 1]);
        rc = CLI_FAIL;
        goto out;
    }
    if (fg_analysis_compare(&cmpr, ga, gb) < 0) {
        cli_report_error(gl);
        rc = CLI_FAIL;
        goto out;
    }
    if (a.fmt == CLI_JSON) {
        json_t *root = json_object();
        json_t *ag = json_array();
        json_t *pr = json_array();

        for (size_t i = 0; i < cmpr->n_agencies && (a.limit == 0 || i < a.limit); i++) {
            const fg_agency_change *c = &cmpr->agencies[i];

            json_array_append_new(ag, json_pack("{s:s,s:I,s:I,s:I,s:I}", "agency", c->agency,
                                                "lead_a", (json_int_t)c->lead_a, "lead_b",
                                                (json_int_t)c->lead_b, "total_a",
                                                (json_int_t)c->total_a, "total_b",
                                                (json_int_t)c->total_b));
        }
        for (size_t i = 0; i < cmpr->n_pairs && (a.limit == 0 || i < a.limit); i++) {
            const fg_pair_change *c = &cmpr->pairs[i];

            json_array_append_new(pr, json_pack("{s:s,s:s,s:I,s:I}", "agency_a", c->a,
                                                "agency_b", c->b, "shared_a",
                                                (json_int_t)c->shared_a, "shared_b",
                                                (json_int_t)c->shared_b));
        }
        json_object_set_new(root, "a", json_string(argv[optind]));
        json_object_set_new(root, "b", json_string(argv[optind + 1]));
        json_object_set_new(root, "agencies", ag);
        json_object_set_new(root, "pairs", pr);
        if (cli_compare_targets(&out, a.db, argv[optind], argv[optind + 1], a.limit, root,
                                gl) < 0) {
            json_decref(root);
            rc = CLI_FAIL;
            goto out;
        }
        print_json(root);
        rc = CLI_OK;
        goto out;
    }
    if (a.fmt == CLI_TABLE)
        printf("A = %s, B = %s\n\n", argv[optind], argv[optind + 1]);
    if (a.fmt == CLI_TABLE || a.fmt == CLI_XLSX || (!pairs_only && !targets_only)) {
        cli_printer p;

        cli_printer_begin(&p, &out, "agencies", 7, hdr_a);
        for (size_t k = 1; k <= 5; k++)
            cli_printer_numeric(&p, k);
        for (size_t i = 0; i < cmpr->n_agencies && (a.limit == 0 || i < a.limit); i++) {
            const fg_agency_change *c = &cmpr->agencies[i];
            char n[5][32];
            const char *cols[7];

            snprintf(n[0], sizeof n[0], "%zu", c->lead_a);
            snprintf(n[1], sizeof n[1], "%zu", c->lead_b);
            snprintf(n[2], sizeof n[2], "%+ld", (long)c->lead_b - (long)c->lead_a);
            snprintf(n[3], sizeof n[3], "%zu", c->total_a);
            snprintf(n[4], sizeof n[4], "%zu", c->total_b);
            cols[0] = c->agency;
            for (size_t k = 0; k < 5; k++)
                cols[k + 1] = n[k];
            cols[6] = c->total_a == 0 ? "new" : c->total_b == 0 ? "vanished" : "";
            cli_printer_row(7, cols, &p);
        }
        cli_printer_end(&p);
    }
    if (a.fmt == CLI_TABLE)
        printf("\n");
    if (a.fmt == CLI_TABLE || a.fmt == CLI_XLSX || pairs_only) {
        cli_printer p;

        cli_printer_begin(&p, &out, "pairs", 5, hdr_p);
        cli_printer_numeric(&p, 2);
        cli_printer_numeric(&p, 3);
        for (size_t i = 0; i < cmpr->n_pairs && (a.limit == 0 || i < a.limit); i++) {
            const fg_pair_change *c = &cmpr->pairs[i];
            char n[2][32];
            const char *cols[5];

            snprintf(n[0], sizeof n[0], "%zu", c->shared_a);
            snprintf(n[1], sizeof n[1], "%zu", c->shared_b);
            cols[0] = c->a;
            cols[1] = c->b;
            cols[2] = n[0];
            cols[3] = n[1];
            cols[4] = c->shared_a == 0 ? "began" : "stopped";
            cli_printer_row(5, cols, &p);
        }
        cli_printer_end(&p);
    }
    if (a.fmt == CLI_TABLE)
        printf("\n");
    if (a.fmt == CLI_TABLE || a.fmt == CLI_XLSX || targets_only) {
        if (cli_compare_targets(&out, a.db, argv[optind], argv[optind + 1], a.limit, NULL,
                                gl) < 0) {
            rc = CLI_FAIL;
            goto out;
        }
    }
    rc = CLI_OK;
out:
    if (cli_output_close(&out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    fg_comparison_free(cmpr);
    fg_graph_free(ga);
    fg_graph_free(gb);
    fg_gazetteer_free(gz);
    fg_gazetteer_free(gz2);
    return rc;
}

/* ---- render ---- */

static const char render_usage[] =
    "usage: fengong render team NAME... | team --all | team --list\n"
    "       fengong render agency X [--depth 2]\n"
    "       fengong render network [--min-weight N] [--top N] [--alpha A | --all-edges]\n"
    "       fengong render matrix [--top N]\n"
    "       common: [--format svg|png|pdf|dot] [-o DIR] [--timeout S] [-j N] [filters]\n"
    "\n"
    "Draw coordination maps with Graphviz into DIR (default exports/): one map per work team\n"
    "(工作专班: convenor, deputies, members, office; ties weighted by the tasks of the team's own\n"
    "plan), an agency's partners (colour by role; --depth 2 adds partners of partners), or the\n"
    "whole network (blocks and colours = communities, circle area = lead count; only the\n"
    "backbone of ties significant at --alpha, default 0.05, unless --all-edges), or the\n"
    "coordination matrix (agency x agency shared tasks, by community; SVG only). File names\n"
    "come from the names, made safe. The same database gives byte-identical files. DIR is\n"
    "created.\n"
    "\n"
    "      --timeout S       give up on a map whose layout takes more than S seconds, with a\n"
    "                        message on how to draw less (default 60 for agency and network\n"
    "                        maps; team maps have fixed rows and no limit unless given)\n"
    "  -j, --jobs N          draw team maps in N processes (default: one per CPU)\n"
    "\n"
    "Networks are laid out with neato, each community gathered into a block; team and\n"
    "agency maps use fixed rows and neato.\n\n";

/* Take render's own options out of argv; the rest goes to the shared parser. */
typedef struct render_args {
    fg_render_opts ro;
    const char *dir;
    int depth;
    size_t min_weight;
    size_t top;
    int all;
    int list;
    long jobs;          /* processes for team maps; 0: one per online CPU */
    bool timeout_given;
} render_args;

static int take_render_args(render_args *r, int *argc, char **argv)
{
    fg_render_opts def = FG_RENDER_OPTS_INIT;

    memset(r, 0, sizeof *r);
    r->ro = def;
    r->dir = "exports";
    r->depth = 1;
    r->ro.timeout = 60;
    r->jobs = 0;
    for (int i = 1; i < *argc; i++) {
        const char *o = argv[i];
        const char *val = i + 1 < *argc ? argv[i + 1] : NULL;
        int used = 0;
        long v;

        if (strcmp(o, "--") == 0)
            break;
        if (strcmp(o, "--all") == 0) {
            r->all = 1;
            used = 1;
        } else if (strcmp(o, "--list") == 0) {
            r->list = 1;
            used = 1;
        } else if (strcmp(o, "--all-edges") == 0) {
            r->ro.all_edges = 1;
            used = 1;
        } else if (strcmp(o, "--alpha") == 0) {
            char *end = NULL;

            r->ro.alpha = val ? strtod(val, &end) : 0;
            if (val == NULL || end == val || *end != '\0' ||
                !(r->ro.alpha > 0 && r->ro.alpha <= 1)) {
                fprintf(stderr, "fengong render: --alpha needs a level in (0, 1], not '%s'\n",
                        val ? val : "");
                return CLI_USAGE;
            }
            used = 2;
        } else if (strcmp(o, "--format") == 0 || strcmp(o, "-f") == 0 || strcmp(o, "-o") == 0 ||
                   strcmp(o, "--output") == 0 || strcmp(o, "--depth") == 0 ||
                   strcmp(o, "--min-weight") == 0 || strcmp(o, "--top") == 0 ||
                   strcmp(o, "--timeout") == 0 || strcmp(o, "--jobs") == 0 ||
                   strcmp(o, "-j") == 0) {
            if (val == NULL) {
                fprintf(stderr, "fengong render: option '%s' needs a value\n", o);
                return CLI_USAGE;
            }
            used = 2;
            if (o[1] == 'f' || strcmp(o, "--format") == 0) {
                int f = fg_render_format_parse(val);

                if (f < 0) {
                    fprintf(stderr, "fengong render: unknown format '%s' (svg, png, pdf, dot)\n",
                            val);
                    return CLI_USAGE;
                }
                r->ro.format = (fg_render_format)f;
            } else if (strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0) {
                r->dir = val;
            } else if (strcmp(o, "--timeout") == 0) {
                if (parse_int(val, 0, 86400, &v) < 0) {
                    fprintf(stderr, "fengong render: --timeout needs seconds (0 for no limit), "
                                    "not '%s'\n", val);
                    return CLI_USAGE;
                }
                r->ro.timeout = (unsigned)v;
                r->timeout_given = true;
            } else if (strcmp(o, "-j") == 0 || strcmp(o, "--jobs") == 0) {
                if (parse_int(val, 1, 256, &v) < 0) {
                    fprintf(stderr, "fengong render: %s needs a number of processes (1-256), "
                                    "not '%s'\n", o, val);
                    return CLI_USAGE;
                }
                r->jobs = v;
            } else if (parse_int(val, o[2] == 'd' ? 1 : 0, o[2] == 'd' ? 2 : 1000000, &v) < 0) {
                fprintf(stderr, "fengong render: %s needs a %s, not '%s'\n", o,
                        o[2] == 'd' ? "depth of 1 or 2" : "number", val);
                return CLI_USAGE;
            } else if (strcmp(o, "--depth") == 0) {
                r->depth = (int)v;
            } else if (strcmp(o, "--min-weight") == 0) {
                r->min_weight = (size_t)v;
            } else {
                r->top = (size_t)v;
            }
        }
        if (used) {
            drop_args(argc, argv, i, used);
            i--;
        }
    }
    return -1;
}

/*
 * The "team maps: n/N" progress line on a terminal's stderr is left open (no newline) between
 * updates. Whatever else goes to that terminal first erases it (\r, then ESC [K to the end of
 * the line) in the same write, so that no line starts after the count: progress_erase_err for
 * stderr (the progress is there), progress_erase_out for stdout when stdout is a terminal too.
 * The parent of parallel drawing sets them before forking, so the children's lines erase the
 * line the parent draws.
 */
static const char *progress_erase_err = "";
static const char *progress_erase_out = "";

static void progress_begin(bool show)
{
    progress_erase_err = show ? "\r\033[K" : "";
    progress_erase_out = show && isatty(STDOUT_FILENO) ? "\r\033[K" : "";
}

static void progress_end(bool show)
{
    if (show)
        fputc('\n', stderr); /* the last count stays, on a line of its own */
    progress_erase_err = "";
    progress_erase_out = "";
}

static void report_error_erasing(const cli_global *gl)
{
    fputs(progress_erase_err, stderr);
    cli_report_error(gl);
}

static int write_map(const fg_map *m, const render_args *r, const cli_global *gl)
{
    char *path = NULL;

    if (fg_render_write(&path, r->dir, m, fg_render_format_ext(r->ro.format)) < 0) {
        report_error_erasing(gl);
        return -1;
    }
    printf("%swrote %s\n", progress_erase_out, path);
    fflush(stdout);
    free(path);
    return 0;
}

/* Teams to draw: names[k] with docs[k] (NULL when the user named the team). */
typedef struct team_list {
    char **names;
    char **docs;
    size_t n;
    size_t cap;
    int list;
} team_list;

static char *copy_or_null(const char *s)
{
    char *p;

    if (s == NULL)
        return NULL;
    p = malloc(strlen(s) + 1);
    if (p)
        memcpy(p, s, strlen(s) + 1);
    return p;
}

static int on_team_listed(const char *doc, const char *team, void *p)
{
    team_list *l = p;

    if (l->list)
        printf("%s\t%s\n", doc ? doc : "", team);
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **v = realloc(l->names, cap * sizeof *v);
        char **d;

        if (v == NULL)
            return 1;
        l->names = v;
        d = realloc(l->docs, cap * sizeof *d);
        if (d == NULL)
            return 1;
        l->docs = d;
        l->cap = cap;
    }
    l->names[l->n] = copy_or_null(team);
    l->docs[l->n] = copy_or_null(doc);
    if (l->names[l->n] == NULL || (doc && l->docs[l->n] == NULL))
        return 1;
    l->n++;
    return 0;
}

/* Teams whose name no other stored team has keep the plain file name team-<名称>. */
static void keep_doc_only_for_shared_names(team_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        bool shared = false;

        for (size_t k = 0; k < l->n && !shared; k++)
            shared = k != i && strcmp(l->names[k], l->names[i]) == 0;
        if (!shared) {
            free(l->docs[i]);
            l->docs[i] = NULL;
        }
    }
}

/* mkdir -p (fg_make_dirs()): 0, or -1 with a message naming the directory that failed. */
static int make_dirs(const char *path)
{
    if (fg_make_dirs(path) < 0) {
        fprintf(stderr, "fengong: %s\n", fg_error_last()->message);
        return -1;
    }
    return 0;
}

/*
 * Draw teams first, first + step, … through a store connection of its own. Each finished
 * map writes one byte to progress_fd (when ≥ 0); with show set, the count goes to stderr.
 */
static int draw_teams(const team_list *tl, size_t first, size_t step, const render_args *r,
                      const an_args *a, fg_renderer *rr, const fg_gazetteer *gz,
                      const cli_global *gl, int progress_fd, bool show)
{
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    int status = CLI_OK;
    size_t done = 0;

    so.read_only = 1;
    if (fg_store_open(&st, a->db, &so) < 0) {
        report_error_erasing(gl);
        return CLI_FAIL;
    }
    for (size_t i = first; i < tl->n; i += step) {
        fg_map *m = NULL;
        char one = 1;

        if (fg_render_team(&m, rr, st, gz, tl->docs[i], tl->names[i], &r->ro) < 0) {
            report_error_erasing(gl);
            status = CLI_FAIL;
        } else if (write_map(m, r, gl) < 0) {
            status = CLI_FAIL;
        }
        fg_map_free(m);
        done++;
        if (progress_fd >= 0)
            (void)!write(progress_fd, &one, 1);
        if (show)
            fprintf(stderr, "\r\033[Kteam maps: %zu/%zu", done, tl->n);
    }
    fg_store_close(st);
    return status;
}

/*
 * Team maps in parallel: the layouts are independent, so N child processes (each with its
 * own store connection; the renderer and gazetteer are inherited) take every N-th team.
 * Files are the same as from one process; the "wrote" lines may come in another order.
 */
static int draw_teams_parallel(const team_list *tl, const render_args *r, const an_args *a,
                               fg_renderer *rr, const fg_gazetteer *gz, const cli_global *gl)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t jobs = (size_t)(r->jobs > 0 ? r->jobs : cpus > 0 ? cpus : 1);
    bool show = isatty(STDERR_FILENO) && tl->n > 1;
    pid_t pids[256];
    size_t started = 0;
    size_t done = 0;
    int fds[2];
    int status = CLI_OK;

    if (jobs > tl->n / 2)
        jobs = tl->n / 2 > 0 ? tl->n / 2 : 1; /* at least two maps per process */
    if (jobs > 256)
        jobs = 256;
    progress_begin(show);
    if (jobs <= 1) {
        status = draw_teams(tl, 0, 1, r, a, rr, gz, gl, -1, show);
        progress_end(show);
        return status;
    }
    if (pipe(fds) != 0) {
        progress_end(show);
        fprintf(stderr, "fengong render: cannot create a pipe: %s\n", strerror(errno));
        return CLI_FAIL;
    }
    fflush(stdout);
    fflush(stderr);
    for (size_t k = 0; k < jobs; k++) {
        pid_t pid = fork();

        if (pid < 0) {
            fprintf(stderr, "%sfengong render: cannot start a process: %s\n", progress_erase_err,
                    strerror(errno));
            status = CLI_FAIL;
            break;
        }
        if (pid == 0) {
            int st;

            close(fds[0]);
            setvbuf(stdout, NULL, _IOLBF, 0); /* whole lines, not interleaved halves */
            st = draw_teams(tl, k, jobs, r, a, rr, gz, gl, fds[1], false);
            fflush(stdout);
            _exit(st);
        }
        pids[started++] = pid;
    }
    close(fds[1]);
    for (;;) {
        char b[256];
        ssize_t n = read(fds[0], b, sizeof b);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
        if (show)
            fprintf(stderr, "\r\033[Kteam maps: %zu/%zu", done, tl->n);
    }
    close(fds[0]);
    progress_end(show); /* every child has written its lines before its last byte */
    for (size_t k = 0; k < started; k++) {
        int ws = 0;

        while (waitpid(pids[k], &ws, 0) < 0 && errno == EINTR)
            ;
        if (!WIFEXITED(ws) || WEXITSTATUS(ws) != CLI_OK) {
            if (WIFSIGNALED(ws))
                fprintf(stderr, "%sfengong render: a drawing process died: %s\n",
                        progress_erase_err, strsignal(WTERMSIG(ws)));
            if (status == CLI_OK)
                status = WIFEXITED(ws) ? WEXITSTATUS(ws) : CLI_FAIL;
        }
    }
    return status;
}

static int render_what(const render_args *rp, const an_args *ap, fg_renderer *rr,
                       const char *what, int argc, char **argv, const cli_global *gl);

int cmd_render(int argc, char **argv, const cli_global *gl)
{
    render_args r;
    an_args a;
    const char *what;
    fg_renderer *rr = NULL;
    int rc = take_render_args(&r, &argc, argv);

    if (rc >= 0)
        return rc;
    rc = parse_an_args(&a, argc, argv, render_usage);
    if (rc >= 0)
        return rc;
    if (optind >= argc) {
        fprintf(stderr, "fengong render: say what to draw: team, agency, network or matrix\n%s",
                render_usage);
        return CLI_USAGE;
    }
    what = argv[optind];
    if (fg_renderer_new(&rr) < 0) {
        cli_report_error(gl);
        return CLI_FAIL;
    }
    rc = render_what(&r, &a, rr, what, argc, argv, gl);
    fg_renderer_free(rr);
    return rc;
}

static int render_what(const render_args *rp, const an_args *ap, fg_renderer *rr,
                       const char *what, int argc, char **argv, const cli_global *gl)
{
    render_args r = *rp;
    an_args a = *ap;
    int rc;

    if (strcmp(what, "team") == 0) {
        fg_store *st = NULL;
        fg_store_opts so = FG_STORE_OPTS_INIT;
        fg_gazetteer *gz = NULL;
        team_list tl = {NULL, NULL, 0, 0, r.list};
        int status = CLI_OK;

        if (!r.all && !r.list && optind + 1 >= argc) {
            fprintf(stderr, "fengong render team: give a team NAME, --all or --list\n%s",
                    render_usage);
            return CLI_USAGE;
        }
        so.read_only = 1;
        if (cli_load_gazetteer(&gz, a.gazetteers, a.n_gazetteers, gl) < 0)
            return CLI_FAIL;
        if (r.all || r.list) {
            if (fg_store_open(&st, a.db, &so) < 0 ||
                fg_render_team_names(st, on_team_listed, &tl) < 0) {
                cli_report_error(gl);
                status = CLI_FAIL;
            }
            fg_store_close(st);
            keep_doc_only_for_shared_names(&tl);
        } else {
            for (int i = optind + 1; i < argc; i++)
                on_team_listed(NULL, argv[i], &tl);
        }
        if (status == CLI_OK && r.all && tl.n == 0)
            fprintf(stderr, "fengong render team: %s holds no work teams\n", a.db);
        if (!r.timeout_given)
            r.ro.timeout = 0; /* fixed rows: bounded work, and a fork per map costs */
        if (status == CLI_OK && !r.list && tl.n > 0) {
            if (make_dirs(r.dir) < 0)
                status = CLI_FAIL;
            else
                status = draw_teams_parallel(&tl, &r, &a, rr, gz, gl);
        }
        for (size_t i = 0; i < tl.n; i++) {
            free(tl.names[i]);
            free(tl.docs[i]);
        }
        free(tl.names);
        free(tl.docs);
        fg_gazetteer_free(gz);
        return status;
    }
    if (strcmp(what, "agency") == 0 || strcmp(what, "network") == 0 ||
        strcmp(what, "matrix") == 0) {
        fg_graph *g = NULL;
        fg_gazetteer *gz = NULL;
        fg_map *m = NULL;
        size_t x = 0;
        bool agency = what[0] == 'a';
        bool matrix = what[0] == 'm';

        if (agency ? optind + 2 != argc : optind + 1 != argc) {
            fprintf(stderr, "fengong render: %s\n%s",
                    agency ? "give exactly one agency X" : matrix ? "matrix takes no argument"
                                                                  : "network takes no argument",
                    render_usage);
            return CLI_USAGE;
        }
        if (make_dirs(r.dir) < 0 || open_graph(&g, &gz, &a, gl) < 0)
            return CLI_FAIL;
        rc = CLI_FAIL;
        if (agency && fg_graph_find(&x, g, gz, argv[optind + 1]) < 0) {
            cli_report_error(gl);
        } else if ((agency   ? fg_render_agency(&m, rr, g, x, r.depth, &r.ro)
                    : matrix ? fg_render_matrix(&m, g, r.top, &r.ro)
                             : fg_render_network(&m, rr, g, r.min_weight, r.top, &r.ro)) < 0) {
            cli_report_error(gl);
        } else if (write_map(m, &r, gl) == 0) {
            rc = CLI_OK;
        }
        fg_map_free(m);
        fg_graph_free(g);
        fg_gazetteer_free(gz);
        return rc;
    }
    fprintf(stderr, "fengong render: unknown map '%s' (team, agency, network, matrix)\n%s", what,
            render_usage);
    return CLI_USAGE;
}

/* ---- export ---- */

static const char export_usage[] =
    "usage: fengong export --format graphml|gexf|csv|xlsx|json|dot -o PATH [--projection]\n"
    "                      [--excel] [filters]\n"
    "\n"
    "Write the bipartite task-agency graph (edge attribute role) or, with --projection, the\n"
    "agency projection (edge attribute weight) for Gephi, NetworkX, igraph or a spreadsheet.\n"
    "CSV writes PATH/nodes.csv (id, kind, label, document, item, clause) and PATH/edges.csv\n"
    "(source, target, source_label, target_label, role or weight: the ids of nodes.csv and\n"
    "the task title and agency name); xlsx writes the Excel workbook PATH with the same two\n"
    "tables as sheets nodes and edges (numbers as numbers, a frozen bold header with an\n"
    "autofilter). Files are written to a temporary name and renamed.\n"
    "\n"
    "      --excel           for a spreadsheet: alone, the same as --format xlsx; with\n"
    "                        --format csv, the CSV files start with a UTF-8 BOM so that\n"
    "                        Excel reads their Chinese\n\n";

/* The node and edge tables of the export as the sheets nodes and edges of the workbook. */
static int export_workbook(cli_output *out, const fg_graph *g, const fg_export_opts *eo,
                           const cli_global *gl)
{
    static const char *const parts[] = {"nodes", "edges"};
    int rc = CLI_OK;

    for (size_t i = 0; i < 2 && rc == CLI_OK; i++) {
        const char *const *names = NULL;
        const unsigned char *numeric = NULL;
        size_t n_cols = 0;
        cli_printer p;

        if (fg_export_columns(&names, &numeric, &n_cols, eo, parts[i]) < 0) {
            cli_report_error(gl);
            rc = CLI_FAIL;
            break;
        }
        cli_printer_begin(&p, out, parts[i], n_cols, names);
        for (size_t k = 0; k < n_cols; k++)
            if (numeric[k])
                cli_printer_numeric(&p, k);
        if (fg_export_rows(g, eo, parts[i], cli_printer_row, &p) < 0) {
            cli_report_error(gl);
            rc = CLI_FAIL;
        }
        cli_printer_end(&p);
    }
    if (cli_output_close(out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    return rc;
}

int cmd_export(int argc, char **argv, const cli_global *gl)
{
    fg_export_opts eo = FG_EXPORT_OPTS_INIT;
    const char *path = NULL;
    int have_format = 0;
    int xlsx = 0;
    cli_output out = {0};
    an_args a;
    fg_graph *g = NULL;
    fg_gazetteer *gz = NULL;
    int rc;

    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        int used = 0;

        if (strcmp(o, "--projection") == 0 || strcmp(o, "--excel") == 0) {
            if (o[2] == 'p')
                eo.projection = 1;
            else
                eo.excel = 1;
            used = 1;
        } else if (strcmp(o, "--format") == 0 || strcmp(o, "-f") == 0 || strcmp(o, "-o") == 0 ||
                   strcmp(o, "--output") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "fengong export: option '%s' needs a value\n", o);
                return CLI_USAGE;
            }
            if (o[1] == 'o' || strcmp(o, "--output") == 0) {
                path = argv[i + 1];
            } else {
                /* xlsx is the CLI's own: a workbook of the CSV tables (export_workbook()). */
                int f = strcmp(argv[i + 1], "xlsx") == 0 ? (int)FG_EXPORT_CSV
                                                         : fg_export_format_parse(argv[i + 1]);

                if (f < 0) {
                    fprintf(stderr, "fengong export: unknown format '%s' (graphml, gexf, csv, "
                            "xlsx, json, dot)\n", argv[i + 1]);
                    return CLI_USAGE;
                }
                eo.format = (fg_export_format)f;
                xlsx = strcmp(argv[i + 1], "xlsx") == 0;
                have_format = 1;
            }
            used = 2;
        }
        if (used) {
            drop_args(&argc, argv, i, used);
            i--;
        }
    }
    rc = parse_an_args(&a, argc, argv, export_usage);
    if (rc >= 0)
        return rc;
    if (eo.excel && !have_format) {
        eo.format = FG_EXPORT_CSV;
        xlsx = 1;
        have_format = 1;
    }
    if (optind < argc || path == NULL || !have_format) {
        fprintf(stderr, "fengong export: give --format (or --excel) and -o PATH%s%s\n%s",
                optind < argc ? "; unexpected argument " : "", optind < argc ? argv[optind] : "",
                export_usage);
        return CLI_USAGE;
    }
    if (eo.excel && eo.format != FG_EXPORT_CSV) {
        fprintf(stderr, "fengong export: --excel goes with --format csv or xlsx\n%s",
                export_usage);
        return CLI_USAGE;
    }
    /* A workbook that cannot be written fails before the graph is built. */
    if (xlsx) {
        rc = cli_output_open(&out, "export", CLI_XLSX, path, export_usage);
        if (rc != CLI_OK)
            return rc;
    }
    if (open_graph(&g, &gz, &a, gl) < 0) {
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    rc = CLI_OK;
    if (xlsx) {
        rc = export_workbook(&out, g, &eo, gl);
        if (rc == CLI_OK)
            printf("wrote %s (sheets nodes and edges: %zu agencies, %zu tasks)\n", path,
                   fg_graph_n_agencies(g), eo.projection ? (size_t)0 : fg_graph_n_tasks(g));
    } else if (fg_export_write(g, path, &eo) < 0) {
        cli_report_error(gl);
        rc = CLI_FAIL;
    } else {
        printf("wrote %s%s (%zu agencies, %zu tasks)\n", path,
               eo.format == FG_EXPORT_CSV ? "/nodes.csv and edges.csv" : "",
               fg_graph_n_agencies(g), eo.projection ? (size_t)0 : fg_graph_n_tasks(g));
    }
    fg_graph_free(g);
    fg_gazetteer_free(gz);
    return rc;
}

/* ---- report ---- */

static const char report_usage[] =
    "usage: fengong report [-o FILE.html] [--teams N] [--sample K] [--seed N] [--as-written]\n"
    "                      [filters]\n"
    "\n"
    "Write one self-contained HTML report (default exports/report.html), the answer first:\n"
    "a summary (documents, items, tasks, clauses, agencies; the busiest leads; Gini, HHI,\n"
    "top-5 share; tasks without a lead; co-only agencies) with a Lorenz curve and a bar\n"
    "chart, the network map (its backbone) and the coordination matrix, then the long\n"
    "tables, collapsible and sortable (documents, workload, centrality, communities,\n"
    "strongest pairs), the team maps and the names the gazetteer lacks. An item is a\n"
    "numbered paragraph, a task an item with at least one clause, a clause one statement of\n"
    "who leads and who shares. It needs no network and can be emailed.\n"
    "\n"
    "  -o, --output FILE     where to write (default exports/report.html; its directory is\n"
    "                        created)\n"
    "      --as-written      keep agencies' names as the documents print them (default:\n"
    "                        follow renamings to the newest name, listed in a footnote)\n"
    "      --teams N         draw at most N team maps inline (default 60; 0: none); the\n"
    "                        other teams are listed in a table\n"
    "      --sample K        estimate betweenness and harmonic centrality from K source\n"
    "                        agencies (default: exact, or 500 on a projection with more\n"
    "                        than 2·10^8 agencies × ties; the report says so)\n\n";

int cmd_report(int argc, char **argv, const cli_global *gl)
{
    const char *path = "exports/report.html";
    an_args a;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    fg_gazetteer *gz = NULL;
    fg_renderer *rr = NULL;
    fg_report_opts ro = FG_REPORT_OPTS_INIT;
    char *html = NULL;
    size_t len = 0;
    int rc;

    for (int i = 1; i < argc; i++) {
        bool is_out = strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0;
        bool is_teams = strcmp(argv[i], "--teams") == 0;
        bool is_sample = strcmp(argv[i], "--sample") == 0;
        long v;

        if (strcmp(argv[i], "--as-written") == 0) {
            ro.as_written = 1;
            drop_args(&argc, argv, i, 1);
            i--;
            continue;
        }
        if (!is_out && !is_teams && !is_sample)
            continue;
        if (i + 1 >= argc) {
            fprintf(stderr, "fengong report: %s needs a %s\n", argv[i], is_out ? "FILE" : "number");
            return CLI_USAGE;
        }
        if (is_out) {
            path = argv[i + 1];
        } else if (parse_int(argv[i + 1], is_teams ? 0 : 1, 100000000L, &v) < 0) {
            fprintf(stderr, "fengong report: %s needs a %s number, not '%s'\n", argv[i],
                    is_teams ? "non-negative" : "positive", argv[i + 1]);
            return CLI_USAGE;
        } else if (is_teams) {
            ro.max_teams = (size_t)v;
        } else {
            ro.path_sample = (size_t)v;
        }
        drop_args(&argc, argv, i, 2);
        i--;
    }
    rc = parse_an_args(&a, argc, argv, report_usage);
    if (rc >= 0)
        return rc;
    if (optind < argc) {
        fprintf(stderr, "fengong report: unexpected argument '%s'\n%s", argv[optind],
                report_usage);
        return CLI_USAGE;
    }
    ro.seed = a.seed;
    so.read_only = 1;
    /* fg_file_write_atomic() creates the directory of FILE, like render's -o DIR */
    if (cli_load_gazetteer(&gz, a.gazetteers, a.n_gazetteers, gl) < 0)
        return CLI_FAIL;
    rc = CLI_FAIL;
    if (fg_store_open(&st, a.db, &so) < 0 || fg_renderer_new(&rr) < 0 ||
        fg_report_html(&html, &len, st, gz, &a.filter, rr, &ro) < 0 ||
        fg_file_write_atomic(path, html, len) < 0) {
        cli_report_error(gl);
    } else {
        printf("wrote %s (%zu KB)\n", path, (len + 1023) / 1024);
        rc = CLI_OK;
    }
    free(html);
    fg_renderer_free(rr);
    fg_store_close(st);
    fg_gazetteer_free(gz);
    return rc;
}

/*
 * fengong load: the workload per agency and the balance of leads (fg_analysis_load()).
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

static const char load_usage[] =
    "usage: fengong load [--limit N] [--sort KEY] [--summary] [filters]\n"
    "\n"
    "Workload per agency: the clauses it leads, co-operates on, in total (a task with two\n"
    "clauses counts twice), its share of all leads and the documents naming it; sorted by\n"
    "lead, then total. The balance figures (the Gini coefficient and HHI of lead counts,\n"
    "the top-5 share, clauses with no lead or\n"
    "more than three leads, agencies that only ever co-operate) are printed under the\n"
    "table on a terminal, are the \"balance\" object beside \"agencies\" in JSON and the\n"
    "sheet 'balance' of a workbook. TSV and CSV hold the agencies only: --summary gives\n"
    "the balance figures instead, as one row under a header (agencies, clauses, leads,\n"
    "gini, hhi, top5_share, clauses_no_lead, clauses_over3_leads, co_only; clauses are the\n"
    "graph's task nodes), in every format (JSON:\n"
    "the \"balance\" object alone).\n";

/* The balance figures as the JSON object "balance". */
/* The balance figures: their names (the keys of the JSON "balance") and typed values. */
#define N_BALANCE 9

static const char *const balance_names[N_BALANCE] = {
    "agencies", "clauses", "leads", "gini", "hhi", "top5_share", "clauses_no_lead",
    "clauses_over3_leads", "co_only"};

static void balance_cells(cli_cell *c, const fg_balance *bal)
{
    c[0] = cli_int((long long)bal->n_agencies);
    c[1] = cli_int((long long)bal->n_tasks);
    c[2] = cli_int((long long)bal->total_leads);
    c[3] = cli_real(bal->gini);
    c[4] = cli_real(bal->hhi);
    c[5] = cli_real(bal->top5_share);
    c[6] = cli_int((long long)bal->tasks_no_lead);
    c[7] = cli_int((long long)bal->tasks_over3_leads);
    c[8] = cli_int((long long)bal->co_only);
}

/* The balance figures as the JSON object "balance". */
static json_t *balance_json(const fg_balance *bal)
{
    json_t *o = json_object();
    cli_cell c[N_BALANCE];

    balance_cells(c, bal);
    for (size_t i = 0; o && i < N_BALANCE; i++)
        json_object_set_new(o, balance_names[i], c[i].kind == CLI_INT
                                                     ? json_integer((json_int_t)c[i].i)
                                                     : cli_json_real(c[i].r));
    return o;
}

/* load --summary: the balance figures as one row under a header, the keys of the JSON
 * output's "balance" (and that object alone in JSON). */
static void balance_row(cli_output *out, const fg_balance *bal)
{
    cli_col cols[N_BALANCE];
    cli_cell c[N_BALANCE];
    cli_printer p;

    if (out->fmt == CLI_JSON) {
        cli_print_json(balance_json(bal));
        return;
    }
    balance_cells(c, bal);
    for (size_t i = 0; i < N_BALANCE; i++) {
        cli_col col = {balance_names[i], c[i].kind, NULL, NULL, false};

        cols[i] = col;
    }
    cli_printer_start(&p, out, "balance", N_BALANCE, cols);
    cli_printer_cells(&p, c);
    cli_printer_end(&p);
}

/* The balance of leads under the load table, as a second sheet: measure, value (the keys
 * and values of the JSON output's "balance"). */
static void balance_sheet(cli_output *out, const fg_balance *bal)
{
    static const cli_col cols[] = {{"measure", CLI_TEXT, NULL, NULL, false},
                                   {"value", CLI_REAL, NULL, "%.17g", false}};
    cli_cell c[N_BALANCE];
    cli_printer p;

    balance_cells(c, bal);
    cli_printer_start(&p, out, "balance", 2, cols);
    for (size_t i = 0; i < N_BALANCE; i++) {
        cli_cell row[2] = {cli_text(balance_names[i]), c[i]};

        cli_printer_cells(&p, row);
    }
    cli_printer_end(&p);
}

static const char *const load_keys[] = {"lead", "co", "total", "documents", "agency", NULL};
static size_t load_key; /* the comparator's key: an index into load_keys */

/* By the chosen key, largest first (by name for agency); ties in the default order. */
static int cmp_load(const void *a, const void *b)
{
    const fg_load_row *x = a;
    const fg_load_row *y = b;
    const size_t *key_x[] = {&x->lead, &x->co, &x->total, &x->documents};
    const size_t *key_y[] = {&y->lead, &y->co, &y->total, &y->documents};
    /* the chosen key, then lead, then total */
    size_t kx[3] = {load_key < 4 ? *key_x[load_key] : 0, x->lead, x->total};
    size_t ky[3] = {load_key < 4 ? *key_y[load_key] : 0, y->lead, y->total};

    for (size_t k = 0; load_key != 4 && k < 3; k++)
        if (kx[k] != ky[k])
            return kx[k] > ky[k] ? -1 : 1;
    return x->agency < y->agency ? -1 : x->agency > y->agency;
}

static const cli_opt load_opts[] = {
    {"summary", 0, NULL, 0, "the balance figures only, one row"},
};

static int cmd_load(int argc, char **argv, const cli_global *gl)
{
    static const cli_col cols[] = {{"agency", CLI_TEXT, NULL, NULL, false},
                                   {"lead", CLI_INT, NULL, NULL, false},
                                   {"co", CLI_INT, NULL, NULL, false},
                                   {"total", CLI_INT, NULL, NULL, false},
                                   {"lead_share", CLI_REAL, "%.1f%%", "%.6f", true},
                                   {"documents", CLI_INT, NULL, NULL, false}};
    bool summary = false;
    cli_spec spec = {"load", load_usage, CLI_GRAPH_OPTS | CLI_OPT_SORT, load_opts, 1,
                     cli_take_flag, &summary, load_keys,
                     "lead (default: then total), co, total, documents (largest\nfirst) or "
                     "agency (by name)", false, NULL};
    cli_graph_run r;
    fg_load_row *rows = NULL;
    size_t n = 0;
    fg_balance bal;
    cli_printer p;
    int rc = cli_graph_begin(&r, &spec, argc, argv, NULL, gl);

    if (rc >= 0)
        return rc;
    if (fg_analysis_load(&rows, &n, &bal, r.g) < 0) {
        cli_report_error(gl);
        return cli_graph_end(&r, CLI_FAIL);
    }
    if (summary) {
        balance_row(&r.out, &bal);
        free(rows);
        return cli_graph_end(&r, CLI_OK);
    }
    if (r.a.sort != 0) { /* lead is the library's order */
        load_key = r.a.sort;
        qsort(rows, n, sizeof *rows, cmp_load);
    }
    cli_graph_printer(&p, &r, "load", 6, cols);
    for (size_t i = 0; i < n; i++) {
        cli_cell c[6] = {cli_text(fg_graph_agency(r.g, rows[i].agency)),
                         cli_int((long long)rows[i].lead),
                         cli_int((long long)rows[i].co),
                         cli_int((long long)rows[i].total),
                         cli_real(rows[i].lead_share),
                         cli_int((long long)rows[i].documents)};

        cli_printer_cells(&p, c);
    }
    if (r.a.fmt == CLI_JSON) {
        json_t *root = json_object();

        json_object_set_new(root, "agencies", cli_printer_take_json(&p));
        json_object_set_new(root, "balance", balance_json(&bal));
        json_object_set_new(root, "names", cli_names_json(&r.a));
        cli_print_json(root);
    }
    cli_printer_end(&p);
    if (r.a.fmt == CLI_XLSX)
        balance_sheet(&r.out, &bal);
    if (r.a.fmt == CLI_TABLE) {
        printf("\n%zu agencies, %zu clauses, %zu leads\n", bal.n_agencies, bal.n_tasks,
               bal.total_leads);
        printf("Gini of lead counts      %.3f\n", bal.gini);
        printf("HHI of lead counts       %.4f\n", bal.hhi);
        printf("top-5 share of leads     %.1f%%\n", 100.0 * bal.top5_share);
        printf("clauses with no lead     %zu\n", bal.tasks_no_lead);
        printf("clauses with > 3 leads   %zu\n", bal.tasks_over3_leads);
        printf("agencies that only co-operate  %zu\n", bal.co_only);
    }
    free(rows);
    return cli_graph_end(&r, CLI_OK);
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_load = {"load", cmd_load, "workload per agency and the balance of leads"};

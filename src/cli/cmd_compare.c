/*
 * fengong compare: two documents or two years side by side (fg_analysis_compare()).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

static const char compare_usage[] =
    "usage: fengong compare [--pairs|--targets] [--limit N] [filters] A B\n"
    "\n"
    "Two documents (names as 'fengong documents' shows them) or two years side by side:\n"
    "agencies whose lead count rose or fell, new and vanished agencies, and pairs that\n"
    "began or stopped working together. Renamings are followed to the latest name (or to\n"
    "--as-of YEAR; --as-written keeps the documents' names), and the quantitative targets\n"
    "of the same subject that changed (增长6.5%以上 -> 6%左右; 'fengong targets' lists them\n"
    "all). On a terminal all three tables are printed; in tsv/csv the agencies, or the\n"
    "pairs with --pairs, or the targets with --targets; json holds all three, and an xlsx\n"
    "workbook has a sheet for each.\n";

/* A side of a comparison: a year (4 digits) or a document name. */
static void side_filter(fg_filter *f, const char **doc_slot, const char *arg)
{
    long v;

    if (strlen(arg) == 4 && cli_parse_long(arg, CLI_YEAR_MIN, CLI_YEAR_MAX, &v) == 0) {
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

static const cli_opt compare_opts[] = {
    {"pairs", 0, NULL, 0, "in tsv and csv, the pairs instead of the agencies"},
    {"targets", 0, NULL, 1, "in tsv and csv, the changed targets instead of the agencies"},
};

static int cmd_compare(int argc, char **argv, const cli_global *gl)
{
    static const cli_col cols_a[] = {
        {"agency", CLI_TEXT, NULL, NULL, false},     {"lead_a", CLI_INT, NULL, NULL, false},
        {"lead_b", CLI_INT, NULL, NULL, false},      {"change", CLI_REAL, "%+.0f", "%+.0f", false},
        {"total_a", CLI_INT, NULL, NULL, false},     {"total_b", CLI_INT, NULL, NULL, false},
        {"status", CLI_TEXT, NULL, NULL, false}};
    static const cli_col cols_p[] = {
        {"agency_a", CLI_TEXT, NULL, NULL, false}, {"agency_b", CLI_TEXT, NULL, NULL, false},
        {"shared_a", CLI_INT, NULL, NULL, false},  {"shared_b", CLI_INT, NULL, NULL, false},
        {"status", CLI_TEXT, NULL, NULL, false}};
    bool only[2] = {false, false}; /* --pairs, --targets */
    cli_spec spec = {"compare", compare_usage, CLI_GRAPH_OPTS, compare_opts, 2, cli_take_flag,
                     only, NULL, NULL, false,
                     "XX\0give two documents or two years A and B"};
    cli_args a;
    cli_args side;
    int first;
    fg_graph *g[2] = {NULL, NULL};       /* A and B */
    fg_gazetteer *gz[2] = {NULL, NULL};
    fg_comparison *cmpr = NULL;
    const char *doc_a = NULL;
    const char *doc_b = NULL;
    cli_output out;
    int rc = cli_begin(&a, &first, &spec, argc, argv, NULL);

    if (rc >= 0)
        return rc;
    if (only[0] && only[1])
        return cli_usage_error(&spec, "give --pairs or --targets, not both");
    side = a;
    side_filter(&side.filter, &doc_a, argv[first]);
    rc = cli_open_output_graph(&out, &g[0], &gz[0], &side, &spec, gl);
    if (rc != CLI_OK)
        return rc;
    side = a;
    side_filter(&side.filter, &doc_b, argv[first + 1]);
    if (cli_open_graph(&g[1], &gz[1], &side, gl) < 0) {
        rc = CLI_FAIL;
        goto out;
    }
    if (fg_graph_n_tasks(g[0]) == 0 || fg_graph_n_tasks(g[1]) == 0) {
        fprintf(stderr, "fengong compare: %s has no stored tasks (see 'fengong documents')\n",
                fg_graph_n_tasks(g[0]) == 0 ? argv[first] : argv[first + 1]);
        rc = CLI_FAIL;
        goto out;
    }
    if (fg_analysis_compare(&cmpr, g[0], g[1]) < 0) {
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
        json_object_set_new(root, "a", json_string(argv[first]));
        json_object_set_new(root, "b", json_string(argv[first + 1]));
        json_object_set_new(root, "agencies", ag);
        json_object_set_new(root, "pairs", pr);
        json_object_set_new(root, "names", cli_names_json(&a));
        if (cli_compare_targets(&out, a.db, argv[first], argv[first + 1], a.limit, root, gl) <
            0) {
            json_decref(root);
            rc = CLI_FAIL;
            goto out;
        }
        cli_print_json(root);
        rc = CLI_OK;
        goto out;
    }
    if (a.fmt == CLI_TABLE)
        printf("A = %s, B = %s\n\n", argv[first], argv[first + 1]);
    if (a.fmt == CLI_TABLE || a.fmt == CLI_XLSX || (!only[0] && !only[1])) {
        cli_printer p;

        cli_printer_start(&p, &out, "agencies", 7, cols_a);
        cli_printer_limit(&p, a.limit);
        for (size_t i = 0; i < cmpr->n_agencies; i++) {
            const fg_agency_change *c = &cmpr->agencies[i];
            cli_cell row[7] = {cli_text(c->agency), cli_int((long long)c->lead_a),
                               cli_int((long long)c->lead_b),
                               cli_real((double)c->lead_b - (double)c->lead_a),
                               cli_int((long long)c->total_a), cli_int((long long)c->total_b),
                               cli_text(c->total_a == 0   ? "new"
                                        : c->total_b == 0 ? "vanished"
                                                          : "")};

            cli_printer_cells(&p, row);
        }
        cli_printer_end(&p);
    }
    if (a.fmt == CLI_TABLE)
        printf("\n");
    if (a.fmt == CLI_TABLE || a.fmt == CLI_XLSX || only[0]) {
        cli_printer p;

        cli_printer_start(&p, &out, "pairs", 5, cols_p);
        cli_printer_note(&p, cli_names_note(&a));
        cli_printer_limit(&p, a.limit);
        for (size_t i = 0; i < cmpr->n_pairs; i++) {
            const fg_pair_change *c = &cmpr->pairs[i];
            cli_cell row[5] = {cli_text(c->a), cli_text(c->b), cli_int((long long)c->shared_a),
                               cli_int((long long)c->shared_b),
                               cli_text(c->shared_a == 0 ? "began" : "stopped")};

            cli_printer_cells(&p, row);
        }
        cli_printer_end(&p);
    }
    if (a.fmt == CLI_TABLE)
        printf("\n");
    if ((a.fmt == CLI_TABLE || a.fmt == CLI_XLSX || only[1]) &&
        cli_compare_targets(&out, a.db, argv[first], argv[first + 1], a.limit, NULL, gl) < 0) {
        rc = CLI_FAIL;
        goto out;
    }
    rc = CLI_OK;
out:
    if (cli_output_close(&out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    fg_comparison_free(cmpr);
    for (size_t k = 0; k < 2; k++) {
        fg_graph_free(g[k]);
        fg_gazetteer_free(gz[k]);
    }
    return rc;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_compare = {"compare A B", cmd_compare,
                                     "two documents or two years side by side"};

/*
 * fengong export: the graph as GraphML, GEXF, CSV, JSON or DOT (fg_export_*), or its node and
 * edge tables as an Excel workbook.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

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
    "autofilter). Files are written to a temporary name and renamed.\n";

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

enum { O_FORMAT = 1, O_OUTPUT, O_PROJECTION, O_EXCEL };

static const cli_opt export_opts[] = {
    {"format", 'f', "FMT", O_FORMAT, "graphml, gexf, csv, xlsx, json or dot"},
    {"output", 'o', "PATH", O_OUTPUT, "the file (for csv: the directory) to write"},
    {"projection", 0, NULL, O_PROJECTION, "the agency projection instead of the bipartite graph"},
    {"excel", 0, NULL, O_EXCEL, "for a spreadsheet: alone, the same as --format xlsx; with\n"
                                "--format csv, the CSV files start with a UTF-8 BOM so that\n"
                                "Excel reads their Chinese"},
};

typedef struct export_args {
    fg_export_opts eo;
    const char *path;
    int have_format;
    int xlsx;
} export_args;

static int take_export_opt(void *ctx, int id, const char *val)
{
    export_args *e = ctx;

    if (id == O_PROJECTION) {
        e->eo.projection = 1;
    } else if (id == O_EXCEL) {
        e->eo.excel = 1;
    } else if (id == O_OUTPUT) {
        e->path = val;
    } else {
        /* xlsx is the CLI's own: a workbook of the CSV tables (export_workbook()). */
        int f = strcmp(val, "xlsx") == 0 ? (int)FG_EXPORT_CSV : fg_export_format_parse(val);

        if (f < 0) {
            fprintf(stderr, "fengong export: unknown format '%s' (graphml, gexf, csv, xlsx, "
                            "json, dot)\n", val);
            return CLI_USAGE;
        }
        e->eo.format = (fg_export_format)f;
        e->xlsx = strcmp(val, "xlsx") == 0;
        e->have_format = 1;
    }
    return 0;
}

static int cmd_export(int argc, char **argv, const cli_global *gl)
{
    fg_export_opts def = FG_EXPORT_OPTS_INIT;
    export_args e = {def, NULL, 0, 0};
    cli_spec spec = {"export", export_usage, CLI_OPT_DB | CLI_OPT_GAZ | CLI_OPT_FILTER,
                     export_opts, sizeof export_opts / sizeof export_opts[0], take_export_opt, &e,
                     NULL, NULL, false, NULL};
    cli_output out = {0};
    cli_args a;
    int first;
    fg_graph *g = NULL;
    fg_gazetteer *gz = NULL;
    int rc = cli_parse(&a, &first, &spec, argc, argv);

    if (rc >= 0)
        return rc;
    if (e.eo.excel && !e.have_format) {
        e.eo.format = FG_EXPORT_CSV;
        e.xlsx = 1;
        e.have_format = 1;
    }
    if (first < argc || e.path == NULL || !e.have_format) {
        fprintf(stderr, "fengong export: give --format (or --excel) and -o PATH%s%s\n%s",
                first < argc ? "; unexpected argument " : "", first < argc ? argv[first] : "",
                export_usage);
        return CLI_USAGE;
    }
    if (e.eo.excel && e.eo.format != FG_EXPORT_CSV) {
        fprintf(stderr, "fengong export: --excel goes with --format csv or xlsx\n%s",
                export_usage);
        return CLI_USAGE;
    }
    /* A workbook that cannot be written fails before the graph is built. */
    if (e.xlsx) {
        rc = cli_output_open(&out, "export", CLI_XLSX, e.path, export_usage);
        if (rc != CLI_OK)
            return rc;
    }
    if (cli_open_graph(&g, &gz, &a, gl) < 0) {
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    rc = CLI_OK;
    if (e.xlsx) {
        rc = export_workbook(&out, g, &e.eo, gl);
        if (rc == CLI_OK)
            printf("wrote %s (sheets nodes and edges: %zu agencies, %zu tasks)\n", e.path,
                   fg_graph_n_agencies(g), e.eo.projection ? (size_t)0 : fg_graph_n_tasks(g));
    } else if (fg_export_write(g, e.path, &e.eo) < 0) {
        cli_report_error(gl);
        rc = CLI_FAIL;
    } else {
        printf("wrote %s%s (%zu agencies, %zu tasks)\n", e.path,
               e.eo.format == FG_EXPORT_CSV ? "/nodes.csv and edges.csv" : "",
               fg_graph_n_agencies(g), e.eo.projection ? (size_t)0 : fg_graph_n_tasks(g));
    }
    fg_graph_free(g);
    fg_gazetteer_free(gz);
    return rc;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_export = {
    "export", cmd_export, "the graph as GraphML, GEXF, CSV, an Excel workbook, JSON or DOT"};

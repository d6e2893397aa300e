/*
 * fengong report: one self-contained HTML report of the store (fg_report_html()).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"

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
    "who leads and who shares. It needs no network and can be emailed.\n";

enum { O_OUTPUT = 1, O_TEAMS, O_SAMPLE };

static const cli_opt report_opts[] = {
    {"output", 'o', "FILE", O_OUTPUT, "where to write (default exports/report.html; its "
                                      "directory is\ncreated)"},
    {"teams", 0, "N", O_TEAMS, "draw at most N team maps inline (default 60; 0: none); the\n"
                               "other teams are listed in a table"},
    {"sample", 0, "K", O_SAMPLE, "estimate betweenness and harmonic centrality from K source\n"
                                 "agencies (default: exact, or 500 on a projection with more\n"
                                 "than 2·10^8 agencies × ties; the report says so)"},
};

typedef struct report_args {
    fg_report_opts ro;
    const char *path;
} report_args;

static int take_report_opt(void *ctx, int id, const char *val)
{
    report_args *r = ctx;
    long v;

    if (id == O_OUTPUT) {
        r->path = val;
    } else if (cli_parse_long(val, id == O_TEAMS ? 0 : 1, 100000000L, &v) < 0) {
        fprintf(stderr, "fengong report: --%s needs a %s number, not '%s'\n",
                id == O_TEAMS ? "teams" : "sample", id == O_TEAMS ? "non-negative" : "positive",
                val);
        return CLI_USAGE;
    } else if (id == O_TEAMS) {
        r->ro.max_teams = (size_t)v;
    } else {
        r->ro.path_sample = (size_t)v;
    }
    return 0;
}

static int cmd_report(int argc, char **argv, const cli_global *gl)
{
    fg_report_opts def = FG_REPORT_OPTS_INIT;
    report_args r = {def, "exports/report.html"};
    cli_spec spec = {"report", report_usage,
                     CLI_OPT_DB | CLI_OPT_GAZ | CLI_OPT_FILTER | CLI_OPT_SEED, report_opts,
                     sizeof report_opts / sizeof report_opts[0], take_report_opt, &r, NULL, NULL,
                     false, NULL};
    cli_args a;
    int first;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    fg_gazetteer *gz = NULL;
    fg_renderer *rr = NULL;
    char *html = NULL;
    size_t len = 0;
    int rc = cli_begin(&a, &first, &spec, argc, argv, NULL);

    if (rc >= 0)
        return rc;
    r.ro.seed = a.seed;
    r.ro.as_written = a.as_written; /* the renamings the report follows are listed in it */
    so.read_only = 1;
    /* fg_file_write_atomic() creates the directory of FILE, like render's -o DIR */
    if (cli_load_gazetteer(&gz, a.gazetteers, a.n_gazetteers, gl) < 0)
        return CLI_FAIL;
    rc = CLI_FAIL;
    if (fg_store_open(&st, a.db, &so) < 0 || fg_renderer_new(&rr) < 0 ||
        fg_report_html(&html, &len, st, gz, &a.filter, rr, &r.ro) < 0 ||
        fg_file_write_atomic(r.path, html, len) < 0) {
        cli_report_error(gl);
    } else {
        printf("wrote %s (%zu KB)\n", r.path, (len + 1023) / 1024);
        rc = CLI_OK;
    }
    fg_store_close(st); /* the report holds everything it took from the store */
    free(html);
    fg_renderer_free(rr);
    if (gz != NULL)
        fg_gazetteer_free(gz);
    return rc;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_report = {"report", cmd_report,
                                    "one self-contained HTML report of everything"};

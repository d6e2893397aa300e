/*
 * Who works with whom: coord (an agency's partners, or the tasks two agencies share), pairs
 * (the strongest ties) and path (the shortest chain of shared tasks between two agencies).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

static const cli_spec coord_spec = {
    .name = "coord",
    .groups = CLI_GRAPH_OPTS,
    .operands = "XY\0give an agency X, and optionally Y",
    .usage =
        "usage: fengong coord [--limit N] [filters] X [Y]\n"
        "\n"
        "X's partners ranked by shared clauses, split into X leads / partner co-operates,\n"
        "partner leads / X co-operates, both co-operate (and both lead). With Y: every task X\n"
        "and Y share (one row per clause), with their roles. Names may be short forms or old\n"
        "names.\n",
};

/* The titles of the tasks x and y share, joined with ；: at most max (0: all). */
static const char *shared_titles(const fg_graph *g, size_t x, size_t y, size_t max)
{
    static char titles[8192];
    fg_shared_task *sh = NULL;
    size_t n_sh = 0;
    size_t used = 0;

    titles[0] = '\0';
    if (fg_analysis_shared(&sh, &n_sh, g, x, y) == FG_OK) {
        for (size_t k = 0; k < n_sh && (max == 0 || k < max); k++) {
            int w = snprintf(titles + used, sizeof titles - used, "%s%s", k ? "；" : "",
                             fg_graph_task(g, sh[k].task)->title);

            if (w < 0 || (size_t)w >= sizeof titles - used)
                break;
            used += (size_t)w;
        }
    }
    free(sh);
    return titles;
}

/* X's partners. */
static int print_partners(cli_graph_run *r, size_t x, const cli_global *gl)
{
    static const cli_col cols[] = {
        {"partner", CLI_TEXT, NULL, NULL, false},
        {"shared", CLI_INT, NULL, NULL, false},
        {"x_leads", CLI_INT, NULL, NULL, false},
        {"partner_leads", CLI_INT, NULL, NULL, false},
        {"both_co", CLI_INT, NULL, NULL, false},
        {"both_lead", CLI_INT, NULL, NULL, false},
        {"tasks", CLI_TEXT, NULL, NULL, false}};
    fg_partner *rows = NULL;
    size_t n = 0;
    cli_printer p;

    if (fg_analysis_partners(&rows, &n, r->g, x) < 0) {
        cli_report_error(gl);
        return CLI_FAIL;
    }
    if (r->a.fmt == CLI_TABLE)
        printf("partners of %s (X)\n\n", fg_graph_agency(r->g, x));
    cli_graph_printer(&p, r, "partners", 7, cols);
    for (size_t i = 0; i < n && (r->a.limit == 0 || i < r->a.limit); i++) {
        /* The titles of the shared tasks: three on a terminal, all otherwise. */
        cli_cell c[7] = {cli_text(fg_graph_agency(r->g, rows[i].agency)),
                         cli_int((long long)rows[i].shared),
                         cli_int((long long)rows[i].x_leads),
                         cli_int((long long)rows[i].partner_leads),
                         cli_int((long long)rows[i].both_co),
                         cli_int((long long)rows[i].both_lead),
                         cli_text(shared_titles(r->g, x, rows[i].agency,
                                                r->a.fmt == CLI_TABLE ? 3 : 0))};

        cli_printer_cells(&p, c);
    }
    cli_printer_end(&p);
    free(rows);
    return CLI_OK;
}

/* The tasks X and Y share. */
static int print_shared(cli_graph_run *r, size_t x, size_t y, const cli_global *gl)
{
    static const cli_col cols[] = {
        {"doc", CLI_TEXT, NULL, NULL, false},    {"item", CLI_TEXT, NULL, NULL, false},
        {"clause", CLI_INT, NULL, NULL, false},  {"x_role", CLI_TEXT, NULL, NULL, false},
        {"y_role", CLI_TEXT, NULL, NULL, false}, {"title", CLI_TEXT, NULL, NULL, false}};
    fg_shared_task *rows = NULL;
    size_t n = 0;
    cli_printer p;

    if (fg_analysis_shared(&rows, &n, r->g, x, y) < 0) {
        cli_report_error(gl);
        return CLI_FAIL;
    }
    if (r->a.fmt == CLI_TABLE)
        printf("clauses shared by %s (X) and %s (Y): %zu\n\n", fg_graph_agency(r->g, x),
               fg_graph_agency(r->g, y), n);
    cli_graph_printer(&p, r, "shared", 6, cols);
    for (size_t i = 0; i < n; i++) {
        const fg_task_info *t = fg_graph_task(r->g, rows[i].task);
        cli_cell c[6] = {cli_text(t->doc), cli_text(t->item), cli_int((long long)t->clause),
                         cli_text(fg_role_name(rows[i].x_role)),
                         cli_text(fg_role_name(rows[i].y_role)), cli_text(t->title)};

        cli_printer_cells(&p, c);
    }
    cli_printer_end(&p);
    free(rows);
    return CLI_OK;
}

/*
 * cli_graph_begin(), then the agencies the operands name: x, and y when there are two.
 * Returns -1 to go on, or an exit code (reported, nothing left open).
 */
static int begin_agencies(cli_graph_run *r, size_t *x, size_t *y, const cli_spec *spec,
                          int argc, char **argv, const cli_global *gl)
{
    int rc = cli_graph_begin(r, spec, argc, argv, NULL, gl);

    if (rc >= 0)
        return rc;
    if (fg_graph_find(x, r->g, r->gz, argv[r->first]) < 0 ||
        (argc - r->first == 2 && fg_graph_find(y, r->g, r->gz, argv[r->first + 1]) < 0)) {
        cli_report_error(gl);
        return cli_graph_end(r, CLI_FAIL);
    }
    return -1;
}

static int cmd_coord(int argc, char **argv, const cli_global *gl)
{
    cli_graph_run r;
    size_t xy[2]; /* X and Y */
    int rc = begin_agencies(&r, &xy[0], &xy[1], &coord_spec, argc, argv, gl);

    if (rc >= 0)
        return rc;
    if (argc - r.first == 1)
        rc = print_partners(&r, xy[0], gl);
    else
        rc = print_shared(&r, xy[0], xy[1], gl);
    return cli_graph_end(&r, rc);
}

static const cli_spec pairs_spec = {
    .name = "pairs",
    .groups = CLI_GRAPH_OPTS,
    .usage =
        "usage: fengong pairs [--limit N] [filters]\n"
        "\n"
        "The strongest pairs of agencies: the number of clauses each pair shares (default 20\n"
        "pairs on a terminal, all otherwise).\n",
};

static int cmd_pairs(int argc, char **argv, const cli_global *gl)
{
    static const cli_col cols[] = {{"agency_a", CLI_TEXT, NULL, NULL, false},
                                   {"agency_b", CLI_TEXT, NULL, NULL, false},
                                   {"shared", CLI_INT, NULL, NULL, false}};
    cli_graph_run r;
    fg_pair *rows = NULL;
    size_t n = 0;
    cli_printer p;
    int rc = cli_graph_begin(&r, &pairs_spec, argc, argv, NULL, gl);

    if (rc >= 0)
        return rc;
    if (fg_analysis_pairs(&rows, &n, r.g) < 0) {
        cli_report_error(gl);
        return cli_graph_end(&r, CLI_FAIL);
    }
    cli_graph_printer(&p, &r, "pairs", 3, cols);
    if (r.a.limit == 0 && r.a.fmt == CLI_TABLE)
        cli_printer_limit(&p, 20);
    for (size_t i = 0; i < n; i++) {
        cli_cell c[3] = {cli_text(fg_graph_agency(r.g, rows[i].a)),
                         cli_text(fg_graph_agency(r.g, rows[i].b)),
                         cli_int((long long)rows[i].shared)};

        cli_printer_cells(&p, c);
    }
    cli_printer_end(&p);
    free(rows);
    return cli_graph_end(&r, CLI_OK);
}

static const cli_spec path_spec = {
    .name = "path",
    .usage =
        "usage: fengong path [filters] X Y\n"
        "\n"
        "The shortest chain of shared clauses between two agencies (a tie's length is 1/shared\n"
        "clauses, so strong ties are short), with one clause (its task's title) for each step.\n",
    .groups = CLI_OPT_DB | CLI_OPT_FORMAT | CLI_OPT_GAZ | CLI_OPT_FILTER,
    .operands = "XX\0give two agencies X and Y",
};

static int cmd_path(int argc, char **argv, const cli_global *gl)
{
    static const cli_col cols[] = {
        {"step", CLI_INT, NULL, NULL, false},     {"agency", CLI_TEXT, NULL, NULL, false},
        {"via_doc", CLI_TEXT, NULL, NULL, false}, {"via_item", CLI_TEXT, NULL, NULL, false},
        {"via_title", CLI_TEXT, NULL, NULL, false}};
    cli_graph_run r;
    size_t *ag = NULL;
    size_t *tk = NULL;
    size_t n = 0;
    size_t x;
    size_t y;
    cli_printer p;
    int rc = begin_agencies(&r, &x, &y, &path_spec, argc, argv, gl);

    if (rc >= 0)
        return rc;
    if (fg_analysis_path(&ag, &tk, &n, r.g, x, y) < 0) {
        cli_report_error(gl);
        return cli_graph_end(&r, CLI_FAIL);
    }
    cli_graph_printer(&p, &r, "path", 5, cols);
    for (size_t i = 0; i < n; i++) {
        const fg_task_info *t = i > 0 ? fg_graph_task(r.g, tk[i - 1]) : NULL;
        cli_cell c[5] = {cli_int((long long)i), cli_text(fg_graph_agency(r.g, ag[i])),
                         cli_text(t ? t->doc : ""), cli_text(t ? t->item : ""),
                         cli_text(t ? t->title : "")};

        cli_printer_cells(&p, c);
    }
    cli_printer_end(&p);
    free(ag);
    free(tk);
    return cli_graph_end(&r, CLI_OK);
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_coord = {"coord X [Y]", cmd_coord,
                                   "X's partners, or the tasks X and Y share"},
                  cli_cmd_pairs = {"pairs", cmd_pairs, "the agencies that share the most tasks"},
                  cli_cmd_path = {"path X Y", cmd_path,
                                  "the shortest chain of shared tasks between two agencies"};

/*
 * fengong progress: import the status tables of a 督查 office (progress import), list the
 * imports (progress imports), and print completion and overdue rates per lead agency,
 * document or team, or against the number of co-operating units (progress
 * --by-coordination). Argument parsing and printing only: the work is fg_progress_*(); the
 * import and the list of imports are in cmd_progress_import.c.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "progress.h"
#include "table.h"

static const char progress_usage[] =
    "usage: fengong progress [--db PATH] [--as-of DATE] [--year-end] [--by agency|document|team]\n"
    "                        [--limit N] [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "       fengong progress [--db PATH] [--as-of DATE] --by-coordination [--limit N] [...]\n"
    "       fengong progress import [--db PATH] [--strict] [--date DATE] FILE...\n"
    "       fengong progress imports [--db PATH] [--format ...]\n"
    "\n"
    "Follow the work after the 分工 (督办): status tables imported into a history, and the\n"
    "rates they give as of a date (default today, UTC).\n"
    "\n"
    "progress [--by KEY]: per lead agency (default), per document, or per work team (a team\n"
    "  counts the tasks of its document that one of its units — convenor, deputy, member\n"
    "  or office — leads), after a row '(all)': tasks, reported (a report dated on or\n"
    "  before the date), never_reported, the tasks in each status as last reported,\n"
    "  done_rate (done / tasks), dated (with a dated deadline), due (deadline before the\n"
    "  date), overdue (due and not 已完成) and overdue_rate (overdue / due). A task is an\n"
    "  item with clauses; its deadline is the earliest date among its clauses' and its own\n"
    "  deadlines (recurring and ongoing ones are never due). The counts under each rate\n"
    "  are beside it, so that a small sample shows as one. --limit N: the '(all)' row and\n"
    "  the first N groups (by tasks).\n"
    "progress --by-coordination: the overdue rate of the tasks with 0, 1, 2, 3-4 and 5+\n"
    "  co-operating units (distinct co agencies that do not also lead; generic references\n"
    "  such as 有关部门 left out), then the agency pairs (lead or co on the same tasks) that\n"
    "  share the most overdue tasks, with the due tasks they share (default 20 pairs on a\n"
    "  terminal). A workbook has sheets 'co_units' and 'pairs'.\n"
    "\n"
    "progress import FILE...: read each status table (CSV, TSV or .xlsx, by content; text\n"
    "  in UTF-8, GB18030 or UTF-16) and store its rows, one transaction per file. Columns by\n"
    "  header: 文件/document (name, name without extension, or 文号), 条目/序号/item (item\n"
    "  path M:3.9.21, 3.9.21, or the item's number), 任务/task (the task text: an item's\n"
    "  title or text exactly, else the one task the search index finds), 状态/status,\n"
    "  日期/date, 备注/note, 报送单位/填报人/reporter. A row that matches no task or several\n"
    "  is listed with its line and not imported; a row with an unknown status or a bad date\n"
    "  fails the file. The same bytes imported again change nothing.\n"
    "\n"
    "statuses (and their aliases, any case):\n"
    "%s"
    "\n"
    "progress imports: every import: id, file, sha256, bytes, format, rows, reports, "
    "time.\n";

static char usage_buf[8192];

/* The usage text with the statuses listed from the library's table. */
static const char *usage(void)
{
    char list[2048];
    size_t n = 0;

    if (usage_buf[0])
        return usage_buf;
    list[0] = '\0';
    for (int s = FG_STATUS_NOT_STARTED; s <= FG_STATUS_DELAYED && n < sizeof list; s++) {
        n += (size_t)snprintf(list + n, sizeof list - n, "  %s:", fg_status_name((fg_status)s));
        for (const char *const *a = fg_status_aliases((fg_status)s); *a && n < sizeof list; a++)
            n += (size_t)snprintf(list + n, sizeof list - n, " %s%s", *a, a[1] ? "," : "");
        if (n < sizeof list)
            n += (size_t)snprintf(list + n, sizeof list - n, "\n");
    }
    snprintf(usage_buf, sizeof usage_buf, progress_usage, list);
    return usage_buf;
}


/* progress's own options. */
enum { P_AS_OF, P_YEAR_END, P_BY, P_COORD, P_STRICT, P_DATE };

static const cli_opt progress_own[] = {
    {"as-of", 0, "DATE", P_AS_OF, "the day to look from (YYYY-MM-DD)"},
    {"year-end", 0, NULL, P_YEAR_END, "a task without any deadline of its own (no date, "
                                      "recurring or\nongoing one) is due by the end of its "
                                      "document's year, as\nannual work plans are read "
                                      "(default: it is never due)"},
    {"by", 0, "KEY", P_BY, "group by agency (default), document or team"},
    {"by-coordination", 0, NULL, P_COORD, "the overdue rate by the number of co-operating "
                                          "units"},
    {"strict", 0, NULL, P_STRICT, "import: a row that matches no task or several fails the "
                                  "file"},
    {"date", 0, "DATE", P_DATE, "import: the day of rows without a date (default: today, "
                                "UTC)"},
};

static int take_progress(void *ctx, int id, const char *arg)
{
    static const char *const by[] = {"agency", "document", "team"};
    static const fg_progress_by by_v[] = {FG_PROGRESS_BY_AGENCY, FG_PROGRESS_BY_DOCUMENT,
                                          FG_PROGRESS_BY_TEAM};
    progress_opts *o = ctx;
    bool *flag = id == P_YEAR_END ? &o->year_end
                 : id == P_COORD  ? &o->coordination
                 : id == P_STRICT ? &o->strict
                                  : NULL;

    if (flag) {
        *flag = true;
        return 0;
    }
    if (id == P_AS_OF)
        return cli_date_value(&o->as_of, o->spec, "--as-of", arg);
    if (id == P_DATE)
        return cli_date_value(&o->date, o->spec, "--date", arg);
    for (size_t k = 0; k < 3; k++) {
        if (strcmp(arg, by[k]) == 0) {
            o->by = by_v[k];
            return 0;
        }
    }
    return cli_usage_error(o->spec, "--by takes agency, document or team, not '%s'", arg);
}

/* A rate: 37.5% in a table, a fraction with 4 decimals in TSV and CSV. */
#define RATE(name) {name, CLI_REAL, "%.1f%%", "%.4f", true}
#define COUNT(name) {name, CLI_INT, NULL, NULL, false}

/* Print a JSON root object of name → the printer's array (taken over) and the date. */
static void print_root(cli_printer *const *ps, const char *const *names, size_t n,
                       const char *as_of, const char *by)
{
    json_t *root = json_object();

    json_object_set_new(root, "as_of", json_string(as_of));
    if (by)
        json_object_set_new(root, "by", json_string(by));
    for (size_t i = 0; i < n; i++) {
        json_t *rows = cli_printer_take_json(ps[i]);

        json_object_set_new(root, names[i], rows ? rows : json_array());
    }
    cli_print_json(root);
}

/* ---- progress [--by KEY] ---- */

static int do_summary(const cli_args *a, const progress_opts *o, const cli_global *g)
{
    static const char *const by_names[] = {"agency", "document", "team"};
    static const cli_col tail[] = {COUNT("tasks"),   COUNT("reported"),    COUNT("never_reported"),
                                   COUNT("not_started"), COUNT("in_progress"), COUNT("done"),
                                   COUNT("delayed"), RATE("done_rate"),   COUNT("dated"),
                                   COUNT("due"),     COUNT("overdue"),     RATE("overdue_rate")};
    cli_col cols[14];
    size_t n_cols = 0;
    fg_store *st = NULL;
    fg_progress_groups *s = NULL;
    cli_output out;
    cli_printer p;
    cli_printer *ps[1] = {&p};
    const char *names[1] = {"groups"};
    fg_progress_opts po = {o->as_of, o->year_end};
    int rc = cli_open_output_store(&out, &st, a, o->spec, g);

    if (rc != CLI_OK)
        return rc;
    if (fg_progress_summary(&s, st, o->by, &po) < 0) {
        cli_report_error(g);
        fg_store_close(st);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cols[n_cols++] = (cli_col){by_names[o->by], CLI_TEXT, NULL, NULL, false};
    if (o->by == FG_PROGRESS_BY_TEAM)
        cols[n_cols++] = (cli_col){"documents", CLI_TEXT, NULL, NULL, false};
    for (size_t k = 0; k < 12; k++)
        cols[n_cols++] = tail[k];
    cli_printer_start(&p, &out, "progress", n_cols, cols);
    /* the '(all)' row and then at most N groups */
    cli_printer_limit(&p, a->limit ? a->limit + 1 : 0);
    for (size_t i = 0; i < s->n_rows; i++) {
        const fg_progress_row *r = &s->rows[i];
        cli_cell row[14] = {cli_text(i == 0 ? "(all)" : r->group), cli_text(r->doc)};
        size_t m = o->by == FG_PROGRESS_BY_TEAM ? 2 : 1;
        const size_t v[] = {r->tasks,       r->reported, r->never_reported, r->not_started,
                            r->in_progress, r->done,     r->delayed};

        for (size_t k = 0; k < 7; k++)
            row[m++] = cli_int((long long)v[k]);
        row[m++] = cli_real(r->done_rate);
        row[m++] = cli_int((long long)r->dated);
        row[m++] = cli_int((long long)r->due);
        row[m++] = cli_int((long long)r->overdue);
        row[m++] = cli_real(r->overdue_rate);
        cli_printer_cells(&p, row);
    }
    if (a->fmt == CLI_JSON)
        print_root(ps, names, 1, s->as_of, by_names[o->by]);
    cli_printer_end(&p);
    if (a->fmt == CLI_TABLE) {
        const fg_progress_row *all = &s->rows[0];

        printf("\nas of %s: %zu tasks, %zu never reported, %zu done (%.1f%%); %zu with a dated "
               "deadline%s, %zu due, %zu overdue (%.1f%% of due)\n",
               s->as_of, all->tasks, all->never_reported, all->done, 100.0 * all->done_rate,
               all->dated,
               o->year_end ? " (their own or, --year-end, their document's year end)" : "",
               all->due, all->overdue, 100.0 * all->overdue_rate);
    }
    fg_progress_groups_free(s);
    fg_store_close(st);
    return cli_output_close(&out, true) < 0 ? CLI_FAIL : CLI_OK;
}

/* ---- progress --by-coordination ---- */

static int do_coordination(const cli_args *a, const progress_opts *o, const cli_global *g)
{
    static const cli_col bin_cols[] = {{"co_units", CLI_TEXT, NULL, NULL, false}, COUNT("tasks"),
                                       COUNT("due"), COUNT("overdue"), RATE("overdue_rate")};
    static const cli_col pair_cols[] = {{"agency_a", CLI_TEXT, NULL, NULL, false},
                                        {"agency_b", CLI_TEXT, NULL, NULL, false},
                                        COUNT("overdue"), COUNT("due"), RATE("overdue_rate")};
    fg_store *st = NULL;
    fg_progress_coord *c = NULL;
    cli_output out;
    cli_printer pb;
    cli_printer pp;
    cli_printer *ps[2] = {&pb, &pp};
    const char *names[2] = {"co_units", "pairs"};
    fg_progress_opts po = {o->as_of, o->year_end};
    size_t limit = a->limit ? a->limit : a->fmt == CLI_TABLE ? 20 : 0;
    int rc = cli_open_output_store(&out, &st, a, o->spec, g);

    if (rc != CLI_OK)
        return rc;
    if (fg_progress_coordination(&c, st, &po) < 0) {
        cli_report_error(g);
        fg_store_close(st);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cli_printer_start(&pb, &out, "co_units", 5, bin_cols);
    cli_printer_limit(&pb, a->limit);
    for (size_t k = 0; k < 5; k++) {
        const fg_coord_bin *b = &c->bins[k];
        cli_cell row[5] = {cli_text(b->label), cli_int((long long)b->tasks),
                           cli_int((long long)b->due), cli_int((long long)b->overdue),
                           cli_real(b->overdue_rate)};

        cli_printer_cells(&pb, row);
    }
    if (a->fmt != CLI_JSON)
        cli_printer_end(&pb);
    if (a->fmt == CLI_TABLE)
        printf("\nagency pairs that share the most overdue tasks (as of %s)\n\n", c->as_of);
    else if (a->fmt == CLI_TSV || a->fmt == CLI_CSV)
        printf("\n");
    cli_printer_start(&pp, &out, "pairs", 5, pair_cols);
    cli_printer_limit(&pp, limit);
    for (size_t i = 0; i < c->n_pairs; i++) {
        const fg_coord_pair *q = &c->pairs[i];
        cli_cell row[5] = {cli_text(q->a), cli_text(q->b), cli_int((long long)q->overdue),
                           cli_int((long long)q->due), cli_real(q->overdue_rate)};

        cli_printer_cells(&pp, row);
    }
    if (a->fmt == CLI_JSON) {
        print_root(ps, names, 2, c->as_of, NULL);
        cli_printer_end(&pb);
    }
    cli_printer_end(&pp);
    if (a->fmt == CLI_TABLE && c->n_pairs == 0)
        printf("(no overdue task is shared by two agencies)\n");
    fg_progress_coord_free(c);
    fg_store_close(st);
    return cli_output_close(&out, true) < 0 ? CLI_FAIL : CLI_OK;
}

static int cmd_progress(int argc, char **argv, const cli_global *g)
{
    progress_opts o;
    cli_spec spec = {"progress", usage(), CLI_OPT_DB | CLI_OPT_LIST, progress_own, 6,
                     take_progress, &o, NULL, NULL, false, NULL};
    cli_args a;
    int first;
    const char *sub = NULL;
    int rc;

    memset(&o, 0, sizeof o);
    o.spec = &spec;
    /* a subcommand word comes first: progress import FILE..., progress imports */
    if (argc > 1 && (strcmp(argv[1], "import") == 0 || strcmp(argv[1], "imports") == 0)) {
        sub = argv[1];
        argv[1] = argv[0];
        argc--;
        argv++;
    }
    rc = cli_parse(&a, &first, &spec, argc, argv);
    if (rc >= 0)
        return rc;
    if (sub && strcmp(sub, "import") == 0)
        return cli_progress_import(&a, &o, argc, argv, first, g);
    if (first < argc)
        return cli_usage_error(&spec, "unexpected argument '%s'", argv[first]);
    if (o.strict || o.date)
        return cli_usage_error(&spec, "--strict and --date are options of 'progress import'");
    if (sub)
        return cli_progress_imports(&a, &spec, g);
    if (o.coordination)
        return do_coordination(&a, &o, g);
    return do_summary(&a, &o, g);
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_progress = {"progress", cmd_progress,
    "import status tables (督办); completion and overdue rates"};

/*
 * fengong progress: import the status tables of a 督查 office (progress import), list the
 * imports (progress imports), and print completion and overdue rates per lead agency,
 * document or team, or against the number of co-operating units (progress
 * --by-coordination). Argument parsing and printing only: the work is fg_progress_*().
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
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
    "      --as-of DATE      the day to look from (YYYY-MM-DD)\n"
    "      --year-end        a task without any deadline of its own (no date, recurring or\n"
    "                        ongoing one) is due by the end of its document's year, as\n"
    "                        annual work plans are read (default: it is never due)\n"
    "\n"
    "progress import FILE...: read each status table (CSV, TSV or .xlsx, by content; text\n"
    "  in UTF-8, GB18030 or UTF-16) and store its rows, one transaction per file. Columns by\n"
    "  header: 文件/document (name, name without extension, or 文号), 条目/序号/item (item\n"
    "  path M:3.9.21, 3.9.21, or the item's number), 任务/task (the task text: an item's\n"
    "  title or text exactly, else the one task the search index finds), 状态/status,\n"
    "  日期/date, 备注/note, 报送单位/填报人/reporter. A row that matches no task or several\n"
    "  is listed with its line and not imported; a row with an unknown status or a bad date\n"
    "  fails the file. The same bytes imported again change nothing.\n"
    "      --strict          a row that matches no task or several fails the file\n"
    "      --date DATE       the day of rows without a date (default: today, UTC)\n"
    "\n"
    "statuses (and their aliases, any case):\n"
    "%s"
    "\n"
    "progress imports: every import: id, file, sha256, bytes, format, rows, reports, "
    "time.\n" CLI_LISTING_HELP;

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

typedef struct progress_args {
    const char *db;
    int fmt;
    const char *output;
    const char *as_of;
    const char *date;
    fg_progress_by by;
    bool coordination;
    bool strict;
    bool year_end;
    size_t limit;
    bool limit_given;
} progress_args;

static int parse(progress_args *a, int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},     {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'}, {"as-of", required_argument, NULL, 'a'},
        {"by", required_argument, NULL, 'b'},     {"by-coordination", no_argument, NULL, 'c'},
        {"strict", no_argument, NULL, 's'},       {"year-end", no_argument, NULL, 'y'},
        {"date", required_argument, NULL, 'D'},   {"limit", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    int c;
    int f;

    memset(a, 0, sizeof *a);
    a->fmt = isatty(STDOUT_FILENO) ? CLI_TABLE : CLI_TSV;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "d:f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            a->db = optarg;
            break;
        case 'f':
            if (cli_format_option(&f, "progress", optarg) < 0)
                return CLI_USAGE;
            a->fmt = f;
            break;
        case 'o':
            a->output = optarg;
            break;
        case 'a':
            if (!fg_progress_date_valid(optarg, strlen(optarg))) {
                fprintf(stderr, "fengong progress: --as-of needs a date YYYY-MM-DD, not '%s'\n",
                        optarg);
                return CLI_USAGE;
            }
            a->as_of = optarg;
            break;
        case 'D':
            if (!fg_progress_date_valid(optarg, strlen(optarg))) {
                fprintf(stderr, "fengong progress: --date needs a date YYYY-MM-DD, not '%s'\n",
                        optarg);
                return CLI_USAGE;
            }
            a->date = optarg;
            break;
        case 'b':
            if (strcmp(optarg, "agency") == 0) {
                a->by = FG_PROGRESS_BY_AGENCY;
            } else if (strcmp(optarg, "document") == 0) {
                a->by = FG_PROGRESS_BY_DOCUMENT;
            } else if (strcmp(optarg, "team") == 0) {
                a->by = FG_PROGRESS_BY_TEAM;
            } else {
                fprintf(stderr,
                        "fengong progress: --by takes agency, document or team, not "
                        "'%s'\n%s",
                        optarg, usage());
                return CLI_USAGE;
            }
            break;
        case 'c':
            a->coordination = true;
            break;
        case 's':
            a->strict = true;
            break;
        case 'y':
            a->year_end = true;
            break;
        case 'l': {
            char *end = NULL;
            long v = strtol(optarg, &end, 10);

            if (end == optarg || *end != '\0' || v < 1) {
                fprintf(stderr, "fengong progress: --limit needs a positive number\n");
                return CLI_USAGE;
            }
            a->limit = (size_t)v;
            a->limit_given = true;
            break;
        }
        case 'h':
            fputs(usage(), stdout);
            return CLI_OK;
        default:
            fprintf(stderr, "fengong progress: unknown option '%s'\n%s", argv[optind - 1], usage());
            return CLI_USAGE;
        }
    }
    return -1;
}

/* In JSON, the numeric columns of the printer's rows as numbers (rates as fractions). */
static void json_numbers(cli_printer *p, const bool *numeric)
{
    size_t i;
    json_t *o;

    if (p->json == NULL)
        return;
    json_array_foreach(p->json, i, o)
    {
        for (size_t k = 0; k < p->n; k++) {
            json_t *v = numeric[k] ? json_object_get(o, p->hdr[k]) : NULL;
            const char *s = v ? json_string_value(v) : NULL;
            char *end;

            if (s == NULL || s[0] == '\0')
                continue;
            if (strchr(s, '.') == NULL) {
                long long n = strtoll(s, &end, 10);

                if (*end == '\0')
                    json_object_set_new(o, p->hdr[k], json_integer(n));
            } else {
                double d = strtod(s, &end);

                if (*end == '\0')
                    json_object_set_new(o, p->hdr[k], json_real(d));
            }
        }
    }
}

/* A rate for the format: 37.5% in a table, a fraction elsewhere. */
static void fmt_rate(char *buf, size_t n, int fmt, double v)
{
    if (fmt == CLI_TABLE)
        snprintf(buf, n, "%.1f%%", 100.0 * v);
    else
        snprintf(buf, n, "%.4f", v);
}

/* Print a JSON root object of name → the printer's array (taken over) and the date. */
static void print_root(cli_printer *const *ps, const char *const *names, size_t n,
                       const char *as_of, const char *by)
{
    json_t *root = json_object();
    char *s;

    json_object_set_new(root, "as_of", json_string(as_of));
    if (by)
        json_object_set_new(root, "by", json_string(by));
    for (size_t i = 0; i < n; i++) {
        json_object_set_new(root, names[i], ps[i]->json ? ps[i]->json : json_array());
        ps[i]->json = NULL;
    }
    s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (s)
        puts(s);
    free(s);
    json_decref(root);
}

static int open_store(fg_store **st, const progress_args *a, bool read_only, const cli_global *g)
{
    fg_store_opts so = FG_STORE_OPTS_INIT;

    so.read_only = read_only;
    if (fg_store_open(st, cli_db_path(a->db), &so) < 0) {
        cli_report_error(g);
        return -1;
    }
    return 0;
}

/* ---- progress import ---- */

static const char *miss_word(fg_miss_kind k)
{
    return k == FG_MISS_NO_DOC ? "no stored document of that name has tasks"
           : k == FG_MISS_NONE ? "no task matches"
                               : "several tasks match";
}

static int do_import(const progress_args *a, int argc, char **argv, const cli_global *g)
{
    fg_progress_import_opts o = FG_PROGRESS_IMPORT_OPTS_INIT;
    fg_store *st = NULL;
    int rc = CLI_OK;

    if (optind >= argc) {
        fprintf(stderr, "fengong progress import: no FILE given\n%s", usage());
        return CLI_USAGE;
    }
    if (a->as_of || a->coordination || a->output || a->limit_given || a->year_end) {
        fprintf(stderr,
                "fengong progress import: --as-of, --year-end, --by-coordination, "
                "--limit and -o do not apply to an import\n%s",
                usage());
        return CLI_USAGE;
    }
    o.strict = a->strict;
    o.today = a->date;
    if (open_store(&st, a, false, g) < 0)
        return CLI_FAIL;
    for (int i = optind; i < argc; i++) {
        fg_progress_result *r = NULL;
        const char *name = argv[i];

        if (fg_progress_import_file(&r, st, name, &o) < 0) {
            cli_report_error(g);
            rc = CLI_FAIL;
            continue;
        }
        if (r->unchanged) {
            printf("unchanged %s (the same bytes were imported as %s)\n", name, r->previous);
        } else {
            printf("imported  %s (%s, %zu row%s: %zu stored — %zu by item, %zu by text, %zu by "
                   "search — %zu not matched",
                   name, fg_table_format_name(r->format), r->n_rows, r->n_rows == 1 ? "" : "s",
                   r->n_imported, r->by_item, r->by_text, r->by_search, r->n_misses);
            if (r->n_undated)
                printf("; %zu without a date, dated %s", r->n_undated, a->date ? a->date : "today");
            printf(")\n");
        }
        for (size_t k = 0; k < r->n_misses; k++) {
            const fg_progress_miss *m = &r->misses[k];

            if (m->kind == FG_MISS_SEVERAL)
                fprintf(stderr, "%s:%zu: %zu tasks match, not imported: %s\n", name, m->line,
                        m->n_matches, m->given);
            else
                fprintf(stderr, "%s:%zu: %s, not imported: %s\n", name, m->line, miss_word(m->kind),
                        m->given);
        }
        fg_progress_result_free(r);
    }
    fg_store_close(st);
    return rc;
}

static int do_imports(const progress_args *a, const cli_global *g)
{
    static const char *const hdr[] = {"id",     "file", "sha256",  "bytes",
                                      "format", "rows", "reports", "imported_at"};
    static const bool numeric[] = {true, false, false, true, false, true, true, false};
    fg_store *st = NULL;
    cli_output out;
    cli_printer p;
    int rc = cli_output_open(&out, "progress", a->fmt, a->output, usage());

    if (rc != CLI_OK)
        return rc;
    if (open_store(&st, a, true, g) < 0) {
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cli_printer_begin(&p, &out, "imports", 8, hdr);
    cli_printer_limit(&p, a->limit);
    for (size_t k = 0; k < 8; k++)
        if (numeric[k])
            cli_printer_numeric(&p, k);
    rc = fg_progress_imports(st, cli_printer_row, &p);
    json_numbers(&p, numeric);
    cli_printer_end(&p);
    if (rc < 0)
        cli_report_error(g);
    fg_store_close(st);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

/* ---- progress [--by KEY] ---- */

static int do_summary(const progress_args *a, const cli_global *g)
{
    static const char *const by_names[] = {"agency", "document", "team"};
    static const char *const tail[] = {"tasks",       "reported", "never_reported", "not_started",
                                       "in_progress", "done",     "delayed",        "done_rate",
                                       "dated",       "due",      "overdue",        "overdue_rate"};
    const char *hdr[14];
    bool numeric[14] = {false};
    size_t n_cols = 0;
    size_t first;
    fg_store *st = NULL;
    fg_progress_groups *s = NULL;
    cli_output out;
    cli_printer p;
    cli_printer *ps[1] = {&p};
    const char *names[1] = {"groups"};
    fg_progress_opts po = {a->as_of, a->year_end};
    int rc = cli_output_open(&out, "progress", a->fmt, a->output, usage());

    if (rc != CLI_OK)
        return rc;
    if (open_store(&st, a, true, g) < 0) {
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    if (fg_progress_summary(&s, st, a->by, &po) < 0) {
        cli_report_error(g);
        fg_store_close(st);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    hdr[n_cols++] = by_names[a->by];
    if (a->by == FG_PROGRESS_BY_TEAM)
        hdr[n_cols++] = "documents";
    first = n_cols;
    for (size_t k = 0; k < 12; k++) {
        numeric[n_cols] = true;
        hdr[n_cols++] = tail[k];
    }
    cli_printer_begin(&p, &out, "progress", n_cols, hdr);
    /* the '(all)' row and then at most N groups */
    cli_printer_limit(&p, a->limit ? a->limit + 1 : 0);
    for (size_t k = first; k < n_cols; k++)
        cli_printer_numeric(&p, k);
    for (size_t i = 0; i < s->n_rows; i++) {
        const fg_progress_row *r = &s->rows[i];
        char c[12][32];
        const char *cols[14];
        size_t m = 0;
        const size_t v[] = {r->tasks,       r->reported, r->never_reported, r->not_started,
                            r->in_progress, r->done,     r->delayed};

        cols[m++] = i == 0 ? "(all)" : r->group;
        if (a->by == FG_PROGRESS_BY_TEAM)
            cols[m++] = r->doc;
        for (size_t k = 0; k < 7; k++)
            snprintf(c[k], sizeof c[k], "%zu", v[k]);
        fmt_rate(c[7], sizeof c[7], a->fmt, r->done_rate);
        snprintf(c[8], sizeof c[8], "%zu", r->dated);
        snprintf(c[9], sizeof c[9], "%zu", r->due);
        snprintf(c[10], sizeof c[10], "%zu", r->overdue);
        fmt_rate(c[11], sizeof c[11], a->fmt, r->overdue_rate);
        for (size_t k = 0; k < 12; k++)
            cols[m++] = c[k];
        cli_printer_row(m, cols, &p);
    }
    json_numbers(&p, numeric);
    if (a->fmt == CLI_JSON)
        print_root(ps, names, 1, s->as_of, by_names[a->by]);
    cli_printer_end(&p);
    if (a->fmt == CLI_TABLE) {
        const fg_progress_row *all = &s->rows[0];

        printf("\nas of %s: %zu tasks, %zu never reported, %zu done (%.1f%%); %zu with a dated "
               "deadline%s, %zu due, %zu overdue (%.1f%% of due)\n",
               s->as_of, all->tasks, all->never_reported, all->done, 100.0 * all->done_rate,
               all->dated,
               a->year_end ? " (their own or, --year-end, their document's year end)" : "",
               all->due, all->overdue, 100.0 * all->overdue_rate);
    }
    fg_progress_groups_free(s);
    fg_store_close(st);
    return cli_output_close(&out, true) < 0 ? CLI_FAIL : CLI_OK;
}

/* ---- progress --by-coordination ---- */

static int do_coordination(const progress_args *a, const cli_global *g)
{
    static const char *const bin_hdr[] = {"co_units", "tasks", "due", "overdue", "overdue_rate"};
    static const bool bin_num[] = {false, true, true, true, true};
    static const char *const pair_hdr[] = {"agency_a", "agency_b", "overdue", "due",
                                           "overdue_rate"};
    static const bool pair_num[] = {false, false, true, true, true};
    fg_store *st = NULL;
    fg_progress_coord *c = NULL;
    cli_output out;
    cli_printer pb;
    cli_printer pp;
    cli_printer *ps[2] = {&pb, &pp};
    const char *names[2] = {"co_units", "pairs"};
    fg_progress_opts po = {a->as_of, a->year_end};
    size_t limit = a->limit ? a->limit : a->fmt == CLI_TABLE ? 20 : 0;
    int rc = cli_output_open(&out, "progress", a->fmt, a->output, usage());

    if (rc != CLI_OK)
        return rc;
    if (open_store(&st, a, true, g) < 0) {
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    if (fg_progress_coordination(&c, st, &po) < 0) {
        cli_report_error(g);
        fg_store_close(st);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cli_printer_begin(&pb, &out, "co_units", 5, bin_hdr);
    cli_printer_limit(&pb, a->limit);
    for (size_t k = 1; k < 5; k++)
        cli_printer_numeric(&pb, k);
    for (size_t k = 0; k < 5; k++) {
        const fg_coord_bin *b = &c->bins[k];
        char v[4][32];
        const char *cols[5] = {b->label, v[0], v[1], v[2], v[3]};

        snprintf(v[0], sizeof v[0], "%zu", b->tasks);
        snprintf(v[1], sizeof v[1], "%zu", b->due);
        snprintf(v[2], sizeof v[2], "%zu", b->overdue);
        fmt_rate(v[3], sizeof v[3], a->fmt, b->overdue_rate);
        cli_printer_row(5, cols, &pb);
    }
    json_numbers(&pb, bin_num);
    if (a->fmt != CLI_JSON)
        cli_printer_end(&pb);
    if (a->fmt == CLI_TABLE)
        printf("\nagency pairs that share the most overdue tasks (as of %s)\n\n", c->as_of);
    else if (a->fmt == CLI_TSV || a->fmt == CLI_CSV)
        printf("\n");
    cli_printer_begin(&pp, &out, "pairs", 5, pair_hdr);
    cli_printer_limit(&pp, limit);
    for (size_t k = 2; k < 5; k++)
        cli_printer_numeric(&pp, k);
    for (size_t i = 0; i < c->n_pairs; i++) {
        const fg_coord_pair *q = &c->pairs[i];
        char v[3][32];
        const char *cols[5] = {q->a, q->b, v[0], v[1], v[2]};

        snprintf(v[0], sizeof v[0], "%zu", q->overdue);
        snprintf(v[1], sizeof v[1], "%zu", q->due);
        fmt_rate(v[2], sizeof v[2], a->fmt, q->overdue_rate);
        cli_printer_row(5, cols, &pp);
    }
    json_numbers(&pp, pair_num);
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
    progress_args a;
    const char *sub = NULL;
    int rc;

    /* a subcommand word comes first: progress import FILE..., progress imports */
    if (argc > 1 && (strcmp(argv[1], "import") == 0 || strcmp(argv[1], "imports") == 0)) {
        sub = argv[1];
        argv[1] = argv[0];
        argc--;
        argv++;
    }
    rc = parse(&a, argc, argv);
    if (rc >= 0)
        return rc;
    if (sub && strcmp(sub, "import") == 0)
        return do_import(&a, argc, argv, g);
    if (optind < argc) {
        fprintf(stderr, "fengong progress: unexpected argument '%s'\n%s", argv[optind], usage());
        return CLI_USAGE;
    }
    if (a.strict || a.date) {
        fprintf(stderr,
                "fengong progress: --strict and --date are options of 'progress "
                "import'\n%s",
                usage());
        return CLI_USAGE;
    }
    if (sub)
        return do_imports(&a, g);
    if (a.coordination)
        return do_coordination(&a, g);
    return do_summary(&a, g);
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_progress = {"progress", cmd_progress,
    "import status tables (督办); completion and overdue rates"};

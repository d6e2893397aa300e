/*
 * fengong due: the deadlines of the stored tasks by lead agency (issue 18). Argument parsing
 * and printing only; the rows come from fg_store_due_rows().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static long days_from_civil(long y, long m, long d)
{
    long era;
    long yoe;
    long doy;
    long doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* A date YYYY-MM-DD that exists (2024-02-29 yes, 2023-02-29 no): 0 with its day, else -1. */
static int parse_date(const char *s, long *day)
{
    if (s == NULL || !fg_progress_date_valid(s, strlen(s)))
        return -1;
    *day = days_from_civil(strtol(s, NULL, 10), (s[5] - '0') * 10 + (s[6] - '0'),
                           (s[8] - '0') * 10 + (s[9] - '0'));
    return 0;
}

/* Today (local time) as YYYY-MM-DD in buf, and its day number. */
static void today(char buf[16], long *day)
{
    time_t now = time(NULL);
    struct tm tm;

    localtime_r(&now, &tm);
    snprintf(buf, 16, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000, (tm.tm_mon + 1) % 100,
             tm.tm_mday % 100);
    *day = days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static const char due_usage[] =
    "usage: fengong due [--before DATE] [--after DATE] [--overdue] [--as-of DATE]\n"
    "                   [--agency NAME] [--doc NAME] [--all] [--db PATH] [--limit N]\n"
    "                   [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "\n"
    "The tasks (clauses) with a deadline, one row per lead agency, by lead then date: the\n"
    "date (the last day of the period the document names), the days from --as-of to it\n"
    "(negative: past), the phrase as written, whether the year was taken from the document\n"
    "(6月底前 in a 2024 plan: 2024-06-30, year_assumed yes), the co-operating units, the\n"
    "document, item and task. Recurring (每季度) and ongoing (长期坚持) deadlines, and dates\n"
    "without a known year, have no date: they are listed apart (on a terminal a second\n"
    "table, in tsv/csv/json after the dated rows, in xlsx a sheet 'recurring') unless a\n"
    "date filter is given; --all keeps them with one.\n";

/* due's own options and what they gave. */
enum { DUE_AS_OF, DUE_AGENCY, DUE_DOC };

typedef struct due_opts {
    const cli_spec *spec;
    const char *as_of;       /* YYYY-MM-DD, validated */
    long as_of_day;          /* days since 1970-01-01 */
    fg_store_track_query q;  /* --doc, --agency */
} due_opts;

static const cli_opt due_own[] = {
    {"as-of", 0, "DATE", DUE_AS_OF, "the day the days are counted from (default: today)"},
    {"agency", 0, "NAME", DUE_AGENCY, "only tasks NAME leads or co-operates in (name, alias "
                                      "or as\nwritten)"},
    {"doc", 0, "NAME", DUE_DOC, "only this stored document"},
};

static int take_due(void *ctx, int id, const char *arg)
{
    due_opts *o = ctx;

    if (id == DUE_AGENCY)
        o->q.agency = arg;
    else if (id == DUE_DOC)
        o->q.doc = arg;
    else if (cli_date_value(&o->as_of, o->spec, "--as-of", arg) != 0)
        return CLI_USAGE;
    else
        parse_date(arg, &o->as_of_day);
    return 0;
}

typedef struct due_item {
    char *lead;       /* "" when the task names no lead */
    char *date;       /* "" when none */
    long day;
    int dated;
    const char *kind; /* static */
    const char *every;
    char *phrase;
    int assumed;
    char *co;
    char *doc;
    char *path;
    char *title;
    size_t order;
} due_item;

typedef struct due_list {
    const cli_args *args;
    long as_of_day;
    due_item *v;
    size_t n;
    size_t cap;
    int failed;
} due_list;

static void due_item_free(due_item *d)
{
    free(d->lead);
    free(d->date);
    free(d->phrase);
    free(d->co);
    free(d->doc);
    free(d->path);
    free(d->title);
}

/* Whether a dated deadline passes the date filters. */
static int due_wanted(const due_list *l, const char *date, long day)
{
    const cli_args *a = l->args;

    if (a->before && strcmp(date, a->before) > 0)
        return 0;
    if (a->after && strcmp(date, a->after) < 0)
        return 0;
    if (a->overdue && day >= l->as_of_day)
        return 0;
    return 1;
}

static int add_due(due_list *l, const fg_store_due_row *r, const char *lead, const char *co,
                   int dated, long day)
{
    due_item *d;

    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        due_item *v = realloc(l->v, cap * sizeof *v);

        if (v == NULL)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    d = &l->v[l->n++];
    memset(d, 0, sizeof *d);
    d->lead = strdup(lead);
    d->date = strdup(dated ? r->date : "");
    d->day = day;
    d->dated = dated;
    d->kind = r->kind == FG_DEADLINE_DATE && !dated ? "date (no year)"
                                                    : fg_deadline_kind_name(r->kind);
    d->every = fg_deadline_every_name(r->every);
    d->phrase = strdup(r->phrase);
    d->assumed = r->year_assumed;
    d->co = strdup(co);
    d->doc = strdup(r->doc);
    d->path = strdup(r->path);
    d->title = strdup(r->title);
    d->order = l->n;
    if (!d->lead || !d->date || !d->phrase || !d->co || !d->doc || !d->path || !d->title)
        return -1;
    return 0;
}

static int collect_due(const fg_store_due_row *r, void *payload)
{
    due_list *l = payload;
    const cli_args *a = l->args;
    int dated = r->kind == FG_DEADLINE_DATE && r->date[0] != '\0';
    int date_filter = a->before || a->after || a->overdue;
    long day = 0;
    char *co;
    int rc = 0;

    if (dated) {
        if (parse_date(r->date, &day) < 0) {
            dated = 0; /* not a date this command can count with: listed apart */
        } else if (!due_wanted(l, r->date, day)) {
            return 0;
        }
    }
    if (!dated && date_filter && !a->all)
        return 0;
    co = cli_join_names(r->cos.v, r->cos.n);
    if (co == NULL) {
        l->failed = 1;
        return 1;
    }
    if (r->leads.n == 0)
        rc = add_due(l, r, "", co, dated, day);
    for (size_t k = 0; rc == 0 && k < r->leads.n; k++)
        rc = add_due(l, r, r->leads.v[k], co, dated, day);
    free(co);
    if (rc < 0) {
        l->failed = 1;
        return 1;
    }
    return 0;
}

/* Dated first; then by lead (tasks without one last), date or kind, and document order. */
static int due_cmp(const void *p, const void *q)
{
    const due_item *a = p;
    const due_item *b = q;
    int c;

    if (a->dated != b->dated)
        return b->dated - a->dated;
    if ((a->lead[0] == '\0') != (b->lead[0] == '\0'))
        return a->lead[0] == '\0' ? 1 : -1;
    c = strcmp(a->lead, b->lead);
    if (c == 0)
        c = a->dated ? strcmp(a->date, b->date) : strcmp(a->kind, b->kind);
    if (c == 0)
        c = (a->order > b->order) - (a->order < b->order);
    return c;
}

static const cli_col due_cols[] = {
    {"lead", CLI_TEXT, NULL, NULL, false},       {"due", CLI_TEXT, NULL, NULL, false},
    {"days", CLI_INT, NULL, NULL, false},        {"kind", CLI_TEXT, NULL, NULL, false},
    {"every", CLI_TEXT, NULL, NULL, false},      {"as_written", CLI_TEXT, NULL, NULL, false},
    {"year_assumed", CLI_BOOL, NULL, NULL, false}, {"co", CLI_TEXT, NULL, NULL, false},
    {"doc", CLI_TEXT, NULL, NULL, false},        {"item", CLI_TEXT, NULL, NULL, false},
    {"task", CLI_TEXT, NULL, NULL, false}};
#define DUE_COLS (sizeof due_cols / sizeof due_cols[0])

static void print_due(cli_printer *p, const due_item *d, long as_of_day)
{
    cli_cell row[DUE_COLS] = {
        cli_text(d->lead),   cli_text(d->date),
        d->dated ? cli_int(d->day - as_of_day) : cli_text(NULL),
        cli_text(d->kind),   cli_text(d->every),
        cli_text(d->phrase), cli_bool(d->assumed != 0),
        cli_text(d->co),     cli_text(d->doc),
        cli_text(d->path),   cli_text(d->title)};

    cli_printer_cells(p, row);
}

/* Start the printer of a table of due's rows. */
static void due_table(cli_printer *p, cli_output *out, const char *sheet, size_t limit)
{
    cli_printer_start(p, out, sheet, DUE_COLS, due_cols);
    cli_printer_limit(p, limit);
}

static int cmd_due(int argc, char **argv, const cli_global *g)
{
    due_opts o = {NULL, NULL, 0, FG_STORE_TRACK_QUERY_INIT};
    cli_spec spec = {"due", due_usage, CLI_OPT_DB | CLI_OPT_LIST | CLI_OPT_DATES, due_own, 3,
                     take_due, &o, NULL, NULL, false, NULL};
    cli_args a;
    int first;
    fg_store *st = NULL;
    due_list l;
    cli_output out;
    cli_printer p;
    char as_of[16];
    size_t n_dated = 0;
    int rc;

    o.spec = &spec;
    rc = cli_begin(&a, &first, &spec, argc, argv, NULL);
    if (rc >= 0)
        return rc;
    if (a.before && a.after && strcmp(a.after, a.before) > 0)
        return cli_usage_error(&spec, "--after %s is later than --before %s", a.after, a.before);
    if (o.as_of == NULL) {
        today(as_of, &o.as_of_day);
        o.as_of = as_of;
    }
    rc = cli_open_output_store(&out, &st, &a, &spec, g);
    if (rc != CLI_OK)
        return rc;
    memset(&l, 0, sizeof l);
    l.args = &a;
    l.as_of_day = o.as_of_day;
    rc = fg_store_due_rows(st, &o.q, collect_due, &l);
    if (rc < 0) {
        cli_report_error(g);
        goto out;
    }
    if (l.failed) {
        fputs("fengong due: out of memory\n", stderr);
        rc = -1;
        goto out;
    }
    cli_warn_untracked(st);
    if (l.n)
        qsort(l.v, l.n, sizeof *l.v, due_cmp);
    while (n_dated < l.n && l.v[n_dated].dated)
        n_dated++;
    if (a.fmt == CLI_TABLE)
        printf("due as of %s (days: from then to the date; negative: past)\n", o.as_of);
    due_table(&p, &out, "due", a.limit);
    for (size_t i = 0; i < n_dated; i++)
        print_due(&p, &l.v[i], o.as_of_day);
    if ((a.fmt == CLI_TABLE || a.fmt == CLI_XLSX) && n_dated < l.n) {
        cli_printer_end(&p);
        if (a.fmt == CLI_TABLE)
            printf("\nrecurring and ongoing (no date)\n");
        due_table(&p, &out, "recurring", a.limit);
    }
    for (size_t i = n_dated; i < l.n; i++)
        print_due(&p, &l.v[i], o.as_of_day);
    cli_printer_end(&p);
out:
    for (size_t i = 0; i < l.n; i++)
        due_item_free(&l.v[i]);
    free(l.v);
    fg_store_close(st);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_due = {"due", cmd_due,
    "tasks falling due or overdue, by lead agency, with co units"};

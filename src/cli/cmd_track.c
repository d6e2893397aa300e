/*
 * Commands that follow the work after the 分工 (issue 18): due (deadlines by lead agency)
 * and targets (quantitative targets), and the changed-targets table of compare. Argument
 * parsing and printing only; the rows come from fg_store_due_rows(), fg_store_target_rows()
 * and fg_track_target_changes().
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "table.h"

/* ---- options ---- */

typedef struct track_args {
    const char *db;
    cli_format fmt;
    const char *output;
    size_t limit;
    const char *doc;
    const char *agency;
    const char *before;      /* YYYY-MM-DD, validated */
    const char *after;
    const char *as_of;
    long as_of_day;          /* days since 1970-01-01 */
    int overdue;
    int all;
} track_args;

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
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    long y;
    long m;
    long d;

    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    y = strtol(s, NULL, 10);
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return -1;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return -1;
    *day = days_from_civil(y, m, d);
    return 0;
}

static int date_option(const char **slot, long *day, const char *cmd, const char *opt,
                       const char *value, const char *usage)
{
    long dummy;

    if (parse_date(value, day ? day : &dummy) < 0) {
        fprintf(stderr, "fengong %s: %s needs a date YYYY-MM-DD, not '%s'\n%s", cmd, opt, value,
                usage);
        return -1;
    }
    *slot = value;
    return 0;
}

/* Parse the options of due and targets; -1 to go on, else an exit code. allowed: of "baOsA"
 * (before, after, overdue, as-of, all) which the command takes. */
static int parse_track_args(track_args *a, int argc, char **argv, const char *usage,
                            const char *allowed)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"limit", required_argument, NULL, 'l'},
        {"doc", required_argument, NULL, 'D'},
        {"agency", required_argument, NULL, 'g'},
        {"before", required_argument, NULL, 'b'},
        {"after", required_argument, NULL, 'a'},
        {"overdue", no_argument, NULL, 'O'},
        {"as-of", required_argument, NULL, 's'},
        {"all", no_argument, NULL, 'A'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int li = 0;
    int c;
    int f;

    memset(a, 0, sizeof *a);
    a->fmt = isatty(STDOUT_FILENO) ? CLI_TABLE : CLI_TSV;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":d:f:o:h", opts, &li)) != -1) {
        if ((c == 'b' || c == 'a' || c == 'O' || c == 's' || c == 'A') &&
            strchr(allowed, c) == NULL) {
            while (opts[li].val != c)
                li++;
            fprintf(stderr, "fengong %s: option '--%s' does not apply here\n%s", argv[0],
                    opts[li].name, usage);
            return CLI_USAGE;
        }
        li = 0;
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
        case 'l': {
            char *end = NULL;
            long v = strtol(optarg, &end, 10);

            if (end == optarg || *end != '\0' || v < 1) {
                fprintf(stderr, "fengong %s: --limit needs a positive number\n", argv[0]);
                return CLI_USAGE;
            }
            a->limit = (size_t)v;
            break;
        }
        case 'D':
            a->doc = optarg;
            break;
        case 'g':
            a->agency = optarg;
            break;
        case 'b':
            if (date_option(&a->before, NULL, argv[0], "--before", optarg, usage) < 0)
                return CLI_USAGE;
            break;
        case 'a':
            if (date_option(&a->after, NULL, argv[0], "--after", optarg, usage) < 0)
                return CLI_USAGE;
            break;
        case 's':
            if (date_option(&a->as_of, &a->as_of_day, argv[0], "--as-of", optarg, usage) < 0)
                return CLI_USAGE;
            break;
        case 'O':
            a->overdue = 1;
            break;
        case 'A':
            a->all = 1;
            break;
        case 'h':
            fputs(usage, stdout);
            return CLI_OK;
        case ':':
            fprintf(stderr, "fengong %s: option '%s' needs a value\n%s", argv[0],
                    argv[optind - 1], usage);
            return CLI_USAGE;
        default:
            fprintf(stderr, "fengong %s: unknown option '%s'\n%s", argv[0], argv[optind - 1],
                    usage);
            return CLI_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "fengong %s: unexpected argument '%s'\n%s", argv[0], argv[optind],
                usage);
        return CLI_USAGE;
    }
    if (a->before && a->after && strcmp(a->after, a->before) > 0) {
        fprintf(stderr, "fengong %s: --after %s is later than --before %s\n%s", argv[0],
                a->after, a->before, usage);
        return CLI_USAGE;
    }
    a->db = cli_db_path(a->db);
    return -1;
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

/* ---- JSON cells: the printer writes strings; these columns become numbers or booleans ---- */

enum { CELL_TEXT = 0, CELL_NUMBER, CELL_BOOL };

/*
 * cli_printer_row() and, in JSON, the row's number cells as numbers (null when empty) and
 * its yes/"" cells as true/false.
 */
static int print_row(cli_printer *p, size_t n, const char *const *cols, const unsigned char *types)
{
    size_t before = p->json ? json_array_size(p->json) : 0;
    int rc = cli_printer_row(n, cols, p);
    json_t *o;

    if (p->json == NULL || json_array_size(p->json) == before)
        return rc;
    o = json_array_get(p->json, json_array_size(p->json) - 1);
    for (size_t k = 0; k < n; k++) {
        json_t *v = NULL;

        if (types[k] == CELL_NUMBER) {
            char *end = NULL;
            double d = strtod(cols[k], &end);

            if (cols[k][0] == '\0' || end == cols[k] || *end != '\0')
                v = json_null();
            else if (d == (double)(json_int_t)d && d > -9e15 && d < 9e15)
                v = json_integer((json_int_t)d);
            else
                v = json_real(d);
        } else if (types[k] == CELL_BOOL) {
            v = json_boolean(strcmp(cols[k], "yes") == 0);
        }
        if (v)
            json_object_set_new(o, p->hdr[k], v);
    }
    return rc;
}

static void fmt_number(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.15g", v);
}

/* names joined by 、 into a new string (NULL on out of memory) */
static char *join_names(const char *const *v, size_t n)
{
    size_t len = 1;
    char *s;

    for (size_t i = 0; i < n; i++)
        len += strlen(v[i]) + 3;
    s = malloc(len);
    if (s == NULL)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(s, "、");
        strcat(s, v[i]);
    }
    return s;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);

    if (p)
        memcpy(p, s, n);
    return p;
}

static void warn_untracked(fg_store *st)
{
    size_t n = 0;

    if (fg_store_untracked_documents(st, &n) == FG_OK && n > 0)
        fprintf(stderr, "fengong: %zu document%s stored before schema 7 ha%s no deadlines or "
                        "targets: ingest %s again with --replace to read them\n",
                n, n == 1 ? "" : "s", n == 1 ? "s" : "ve", n == 1 ? "it" : "them");
}

/* ---- due ---- */

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
    "date filter is given; --all keeps them with one.\n"
    "\n"
    "options:\n"
    "      --before DATE     due on or before DATE (YYYY-MM-DD)\n"
    "      --after DATE      due on or after DATE\n"
    "      --overdue         past due as of --as-of (due before it); fengong knows the\n"
    "                        dates, not whether the work was done\n"
    "      --as-of DATE      the day the days are counted from (default: today)\n"
    "      --agency NAME     only tasks NAME leads or co-operates in (name, alias or as\n"
    "                        written)\n"
    "      --doc NAME        only this stored document\n"
    "      --all             list recurring and ongoing deadlines also with a date filter\n"
    "      --db PATH         database (default $FENGONG_DB, else ./fengong.db)\n" CLI_LISTING_HELP;

typedef struct due_item {
    char *lead;       /* "" when the task names no lead */
    char *date;       /* "" when none */
    long day;
    int dated;
    char *kind;
    char *every;
    char *phrase;
    int assumed;
    char *co;
    char *doc;
    char *path;
    char *title;
    size_t order;
} due_item;

typedef struct due_list {
    const track_args *args;
    due_item *v;
    size_t n;
    size_t cap;
    int failed;
} due_list;

static void due_item_free(due_item *d)
{
    free(d->lead);
    free(d->date);
    free(d->kind);
    free(d->every);
    free(d->phrase);
    free(d->co);
    free(d->doc);
    free(d->path);
    free(d->title);
}

/* Whether a dated deadline passes the date filters. */
static int due_wanted(const track_args *a, const char *date, long day)
{
    if (a->before && strcmp(date, a->before) > 0)
        return 0;
    if (a->after && strcmp(date, a->after) < 0)
        return 0;
    if (a->overdue && day >= a->as_of_day)
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
    d->lead = dup_str(lead);
    d->date = dup_str(dated ? r->date : "");
    d->day = day;
    d->dated = dated;
    d->kind = dup_str(r->kind == FG_DEADLINE_DATE && !dated ? "date (no year)"
                                                            : fg_deadline_kind_name(r->kind));
    d->every = dup_str(fg_deadline_every_name(r->every));
    d->phrase = dup_str(r->phrase);
    d->assumed = r->year_assumed;
    d->co = dup_str(co);
    d->doc = dup_str(r->doc);
    d->path = dup_str(r->path);
    d->title = dup_str(r->title);
    d->order = l->n;
    if (!d->lead || !d->date || !d->kind || !d->every || !d->phrase || !d->co || !d->doc ||
        !d->path || !d->title)
        return -1;
    return 0;
}

static int collect_due(const fg_store_due_row *r, void *payload)
{
    due_list *l = payload;
    const track_args *a = l->args;
    int dated = r->kind == FG_DEADLINE_DATE && r->date[0] != '\0';
    int date_filter = a->before || a->after || a->overdue;
    long day = 0;
    char *co;
    int rc = 0;

    if (dated) {
        if (parse_date(r->date, &day) < 0) {
            dated = 0; /* not a date this command can count with: listed apart */
        } else if (!due_wanted(a, r->date, day)) {
            return 0;
        }
    }
    if (!dated && date_filter && !a->all)
        return 0;
    co = join_names(r->cos, r->n_cos);
    if (co == NULL) {
        l->failed = 1;
        return 1;
    }
    if (r->n_leads == 0)
        rc = add_due(l, r, "", co, dated, day);
    for (size_t k = 0; rc == 0 && k < r->n_leads; k++)
        rc = add_due(l, r, r->leads[k], co, dated, day);
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

static const char *const due_hdr[] = {"lead", "due", "days", "kind", "every", "as_written",
                                      "year_assumed", "co", "doc", "item", "task"};
static const unsigned char due_types[] = {CELL_TEXT, CELL_TEXT, CELL_NUMBER, CELL_TEXT,
                                          CELL_TEXT, CELL_TEXT, CELL_BOOL,   CELL_TEXT,
                                          CELL_TEXT, CELL_TEXT, CELL_TEXT};
#define DUE_COLS (sizeof due_hdr / sizeof due_hdr[0])

static void print_due(cli_printer *p, const due_item *d, long as_of_day)
{
    char days[32] = "";
    const char *cols[DUE_COLS];

    if (d->dated)
        snprintf(days, sizeof days, "%ld", d->day - as_of_day);
    cols[0] = d->lead;
    cols[1] = d->date;
    cols[2] = days;
    cols[3] = d->kind;
    cols[4] = d->every;
    cols[5] = d->phrase;
    cols[6] = d->assumed ? "yes" : "";
    cols[7] = d->co;
    cols[8] = d->doc;
    cols[9] = d->path;
    cols[10] = d->title;
    print_row(p, DUE_COLS, cols, due_types);
}

static int cmd_due(int argc, char **argv, const cli_global *g)
{
    track_args a;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    fg_store_track_query q = FG_STORE_TRACK_QUERY_INIT;
    due_list l;
    cli_output out;
    cli_printer p;
    char as_of[16];
    size_t n_dated = 0;
    int rc = parse_track_args(&a, argc, argv, due_usage, "baOsA");

    if (rc >= 0)
        return rc;
    if (a.as_of == NULL) {
        today(as_of, &a.as_of_day);
        a.as_of = as_of;
    }
    rc = cli_output_open(&out, "due", a.fmt, a.output, due_usage);
    if (rc != CLI_OK)
        return rc;
    memset(&l, 0, sizeof l);
    l.args = &a;
    so.read_only = 1;
    if (fg_store_open(&st, a.db, &so) < 0) {
        cli_report_error(g);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    q.doc = a.doc;
    q.agency = a.agency;
    rc = fg_store_due_rows(st, &q, collect_due, &l);
    if (rc < 0) {
        cli_report_error(g);
        goto out;
    }
    if (l.failed) {
        fputs("fengong due: out of memory\n", stderr);
        rc = -1;
        goto out;
    }
    warn_untracked(st);
    if (l.n)
        qsort(l.v, l.n, sizeof *l.v, due_cmp);
    while (n_dated < l.n && l.v[n_dated].dated)
        n_dated++;
    if (a.fmt == CLI_TABLE)
        printf("due as of %s (days: from then to the date; negative: past)\n", a.as_of);
    cli_printer_begin(&p, &out, "due", DUE_COLS, due_hdr);
    cli_printer_numeric(&p, 2);
    cli_printer_limit(&p, a.limit);
    for (size_t i = 0; i < n_dated; i++)
        print_due(&p, &l.v[i], a.as_of_day);
    if ((a.fmt == CLI_TABLE || a.fmt == CLI_XLSX) && n_dated < l.n) {
        cli_printer_end(&p);
        if (a.fmt == CLI_TABLE)
            printf("\nrecurring and ongoing (no date)\n");
        cli_printer_begin(&p, &out, "recurring", DUE_COLS, due_hdr);
        cli_printer_numeric(&p, 2);
        cli_printer_limit(&p, a.limit);
    }
    for (size_t i = n_dated; i < l.n; i++)
        print_due(&p, &l.v[i], a.as_of_day);
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

/* ---- targets ---- */

static const char targets_usage[] =
    "usage: fengong targets [--doc NAME] [--agency NAME] [--db PATH] [--limit N]\n"
    "                       [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "\n"
    "The quantitative targets of the stored documents (地区生产总值增长6.5%以上) in document\n"
    "order, with the lead agencies of their item: the document and its year, the item, the\n"
    "subject, the change (increase, decrease, or level: a level reached or kept), the bound\n"
    "(eq, ge 以上/不低于, gt 超过, le 以内/不超过, lt 低于, about 左右, range 5%—6%), the value\n"
    "with 万/亿 multiplied out (70万人: 700000 人), the upper end of a range, the unit and the\n"
    "text as written.\n"
    "\n"
    "options:\n"
    "      --doc NAME        only this stored document\n"
    "      --agency NAME     only the items NAME leads or co-operates in\n"
    "      --db PATH         database (default $FENGONG_DB, else ./fengong.db)\n" CLI_LISTING_HELP;

static const char *const targets_hdr[] = {"doc",  "year",     "item", "subject", "change",
                                          "bound", "value", "value_hi", "unit", "lead",
                                          "text"};
static const unsigned char targets_types[] = {CELL_TEXT,   CELL_NUMBER, CELL_TEXT, CELL_TEXT,
                                              CELL_TEXT,   CELL_TEXT,   CELL_NUMBER,
                                              CELL_NUMBER, CELL_TEXT,   CELL_TEXT, CELL_TEXT};
#define TARGETS_COLS (sizeof targets_hdr / sizeof targets_hdr[0])

typedef struct targets_ctx {
    cli_printer *p;
    int failed;
} targets_ctx;

static int print_target(const fg_store_target_row *r, void *payload)
{
    targets_ctx *t = payload;
    char year[16] = "";
    char value[64];
    char value_hi[64] = "";
    char *lead = join_names(r->leads, r->n_leads);
    const char *cols[TARGETS_COLS];

    if (lead == NULL) {
        t->failed = 1;
        return 1;
    }
    if (r->year)
        snprintf(year, sizeof year, "%d", r->year);
    fmt_number(value, sizeof value, r->value);
    if (r->bound == FG_BOUND_RANGE)
        fmt_number(value_hi, sizeof value_hi, r->value_hi);
    cols[0] = r->doc;
    cols[1] = year;
    cols[2] = r->path;
    cols[3] = r->subject;
    cols[4] = fg_target_change_name(r->change);
    cols[5] = fg_target_bound_name(r->bound);
    cols[6] = value;
    cols[7] = value_hi;
    cols[8] = r->unit;
    cols[9] = lead;
    cols[10] = r->text;
    print_row(t->p, TARGETS_COLS, cols, targets_types);
    free(lead);
    return 0;
}

static int stop_at_first(const fg_store_target_row *r, void *payload)
{
    (void)r;
    (void)payload;
    return 1;
}

static int cmd_targets(int argc, char **argv, const cli_global *g)
{
    track_args a;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    fg_store_track_query q = FG_STORE_TRACK_QUERY_INIT;
    cli_output out;
    cli_printer p;
    targets_ctx t = {&p, 0};
    int rc = parse_track_args(&a, argc, argv, targets_usage, "");

    if (rc >= 0)
        return rc;
    rc = cli_output_open(&out, "targets", a.fmt, a.output, targets_usage);
    if (rc != CLI_OK)
        return rc;
    so.read_only = 1;
    if (fg_store_open(&st, a.db, &so) < 0) {
        cli_report_error(g);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    q.doc = a.doc;
    q.agency = a.agency;
    /* an unknown document or agency is an error before any output (a header in tsv) */
    if (fg_store_target_rows(st, &q, stop_at_first, NULL) < 0) {
        cli_report_error(g);
        fg_store_close(st);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cli_printer_begin(&p, &out, "targets", TARGETS_COLS, targets_hdr);
    cli_printer_numeric(&p, 1);
    cli_printer_numeric(&p, 6);
    cli_printer_numeric(&p, 7);
    cli_printer_limit(&p, a.limit);
    rc = fg_store_target_rows(st, &q, print_target, &t);
    if (rc < 0 || t.failed) {
        /* nothing half-printed: the printer's rows are dropped with it */
        if (p.table) {
            cli_table_free(p.table);
            p.table = NULL;
        }
        if (p.json) {
            json_decref(p.json);
            p.json = NULL;
        }
        if (rc < 0)
            cli_report_error(g);
        else
            fputs("fengong targets: out of memory\n", stderr);
        rc = -1;
    } else {
        warn_untracked(st);
    }
    cli_printer_end(&p);
    fg_store_close(st);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

/* ---- compare: the targets that changed ---- */

static const char *const changes_hdr[] = {"subject", "unit", "a", "b", "value_a", "value_b",
                                           "item_a", "item_b", "doc_a", "doc_b"};
static const unsigned char changes_types[] = {CELL_TEXT,   CELL_TEXT, CELL_TEXT, CELL_TEXT,
                                              CELL_NUMBER, CELL_NUMBER, CELL_TEXT, CELL_TEXT,
                                              CELL_TEXT,   CELL_TEXT};
#define CHANGES_COLS (sizeof changes_hdr / sizeof changes_hdr[0])

/* A side of compare: a year (4 digits from 1949 to 2100, as compare reads it) or a document. */
static void compare_side(fg_store_track_query *q, const char *arg)
{
    char *end = NULL;
    long v = strtol(arg, &end, 10);

    memset(q, 0, sizeof *q);
    if (strlen(arg) == 4 && end && *end == '\0' && v >= 1949 && v <= 2100)
        q->year = (int)v;
    else
        q->doc = arg;
}

int cli_compare_targets(cli_output *out, const char *db, const char *arg_a, const char *arg_b,
                        size_t limit, struct json_t *json_root, const cli_global *g)
{
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    fg_store_track_query qa;
    fg_store_track_query qb;
    fg_target_diffs *d = NULL;
    json_t *arr = NULL;
    cli_printer p;
    int rc;

    so.read_only = 1;
    compare_side(&qa, arg_a);
    compare_side(&qb, arg_b);
    rc = fg_store_open(&st, db, &so);
    if (rc == FG_OK)
        rc = fg_track_target_changes(&d, st, &qa, &qb);
    if (rc < 0) {
        cli_report_error(g);
        fg_store_close(st);
        return -1;
    }
    if (json_root) {
        arr = json_array();
        for (size_t i = 0; arr && i < d->n && (limit == 0 || i < limit); i++) {
            const fg_target_diff *c = &d->v[i];

            json_array_append_new(
                arr, json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:f,s:f,s:f,s:f,s:s,s:s,s:s,s:s,s:s,s:s}",
                               "subject", c->subject, "unit", c->unit, "a", c->a.text, "b",
                               c->b.text, "change_a", fg_target_change_name(c->a.change),
                               "change_b", fg_target_change_name(c->b.change), "value_a",
                               c->a.value, "value_hi_a", c->a.value_hi, "value_b", c->b.value,
                               "value_hi_b", c->b.value_hi, "bound_a",
                               fg_target_bound_name(c->a.bound), "bound_b",
                               fg_target_bound_name(c->b.bound), "item_a", c->a.path, "item_b",
                               c->b.path, "doc_a", c->a.doc, "doc_b", c->b.doc));
        }
        json_object_set_new(json_root, "targets", arr ? arr : json_null());
    } else {
        cli_printer_begin(&p, out, "targets", CHANGES_COLS, changes_hdr);
        cli_printer_numeric(&p, 4);
        cli_printer_numeric(&p, 5);
        cli_printer_limit(&p, limit);
        for (size_t i = 0; i < d->n; i++) {
            const fg_target_diff *c = &d->v[i];
            char va[64];
            char vb[64];
            const char *cols[CHANGES_COLS];

            fmt_number(va, sizeof va, c->a.value);
            fmt_number(vb, sizeof vb, c->b.value);
            cols[0] = c->subject;
            cols[1] = c->unit;
            cols[2] = c->a.text;
            cols[3] = c->b.text;
            cols[4] = va;
            cols[5] = vb;
            cols[6] = c->a.path;
            cols[7] = c->b.path;
            cols[8] = c->a.doc;
            cols[9] = c->b.doc;
            print_row(&p, CHANGES_COLS, cols, changes_types);
        }
        cli_printer_end(&p);
    }
    fg_target_diffs_free(d);
    fg_store_close(st);
    return 0;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_due = {"due", cmd_due,
    "tasks falling due or overdue, by lead agency, with co units"};
const cli_command cli_cmd_targets = {"targets", cmd_targets,
    "the quantitative targets (增长6.5%以上) with their lead agencies"};

/*
 * The options several commands share, in one table, and the one parser of every command's
 * arguments (see opts.h).
 */
#include "opts.h"

#include <getopt.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "table.h"

enum {
    O_DB = 1,
    O_FORMAT,
    O_OUTPUT,
    O_LIMIT,
    O_GAZ,
    O_ROLES,
    O_JOBS,
    O_DOC,
    O_YEAR,
    O_ROLE,
    O_AS_OF,
    O_AS_WRITTEN,
    O_LEVEL,
    O_GENERIC,
    O_SEED,
    O_SORT,
    O_HELP,
    O_BEFORE,
    O_AFTER,
    O_OVERDUE,
    O_ALL,
};

typedef struct shared_opt {
    cli_opt opt;
    unsigned group;     /* 0: every command (--help) */
} shared_opt;

static const shared_opt shared[] = {
    {{"limit", 0, "N", O_LIMIT, "at most N rows in each table (default: all)"}, CLI_OPT_LIMIT},
    {{"format", 'f', "FMT", O_FORMAT, "table (default on a terminal), tsv, csv, json, or xlsx "
                                      "with -o"}, CLI_OPT_FORMAT},
    {{"output", 'o', "FILE", O_OUTPUT, "the Excel workbook of --format xlsx: one sheet per "
                                       "table,\nnumbers as numbers, a frozen bold header with an "
                                       "autofilter"}, CLI_OPT_FORMAT},
    {{"sort", 0, "KEY", O_SORT, NULL}, CLI_OPT_SORT},
    {{"doc", 0, "NAME", O_DOC, "only this stored document (repeatable)"}, CLI_OPT_FILTER},
    {{"year", 0, "Y", O_YEAR, "only documents of year Y"}, CLI_OPT_FILTER},
    {{"role", 0, "R", O_ROLE, "lead, co or all (default all) edges"}, CLI_OPT_FILTER},
    {{"as-of", 0, "YEAR", O_AS_OF, "follow renamings only to the agencies current in YEAR"},
     CLI_OPT_FILTER},
    {{"as-written", 0, NULL, O_AS_WRITTEN, "keep agencies' names as the documents print them "
                                           "(default: follow\nrenamings to the newest name, "
                                           "said under each table)"},
     CLI_OPT_FILTER},
    {{"level", 0, "L", O_LEVEL, "only agencies of level L (central, province, city, county)"},
     CLI_OPT_FILTER},
    {{"include-generic", 0, NULL, O_GENERIC, "keep 有关部门, …成员单位 and other generic "
                                             "references"}, CLI_OPT_FILTER},
    {{"before", 0, "DATE", O_BEFORE, "due on or before DATE (YYYY-MM-DD)"}, CLI_OPT_DATES},
    {{"after", 0, "DATE", O_AFTER, "due on or after DATE"}, CLI_OPT_DATES},
    {{"overdue", 0, NULL, O_OVERDUE, "past due as of --as-of (due before it); fengong knows "
                                     "the\ndates, not whether the work was done"},
     CLI_OPT_DATES},
    {{"all", 0, NULL, O_ALL, "list recurring and ongoing deadlines also with a date filter"},
     CLI_OPT_DATES},
    {{"seed", 0, "N", O_SEED, "seed of the random choices (default 42; the same seed gives\n"
                              "the same result)"}, CLI_OPT_SEED},
    {{"jobs", 'j', "N", O_JOBS, "work on N files or maps at a time (default: one per CPU, at "
                                "most 64)"}, CLI_OPT_JOBS},
    {{"gazetteer", 0, "FILE", O_GAZ, "merge your own agency list (the TSV format of\n"
                                     "graphs/agencies.tsv) on top, for names and renamings"},
     CLI_OPT_GAZ},
    {{"roles", 0, "FILE", O_ROLES, "merge your own role labels (graphs/roles.tsv format) on "
                                   "top"}, CLI_OPT_ROLES},
    {{"db", 0, "PATH", O_DB, "database (default $FENGONG_DB, else ./fengong.db)"}, CLI_OPT_DB},
    {{"help", 'h', NULL, O_HELP, "show this help"}, 0},
};

#define N_SHARED (sizeof shared / sizeof shared[0])

/* The command's own option called name, or NULL. */
static const cli_opt *own_named(const cli_spec *s, const char *name)
{
    for (size_t k = 0; k < s->n_own; k++)
        if (strcmp(s->own[k].name, name) == 0)
            return &s->own[k];
    return NULL;
}

int cli_usage_error(const cli_spec *spec, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "fengong %s: ", spec->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fputs(spec->usage, stderr);
    return CLI_USAGE;
}

static void help_line(FILE *f, const cli_opt *o, const char *help)
{
    char left[64];
    const char *p = help ? help : "";

    snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    if (o->short_name)
        fprintf(f, "  -%c, %-17s", o->short_name, left);
    else
        fprintf(f, "      %-17s", left);
    if (strlen(left) > 17)
        fprintf(f, "\n%24s", "");
    else
        fputc(' ', f);
    for (; *p; p++) {
        fputc(*p, f);
        if (*p == '\n')
            fprintf(f, "%24s", "");
    }
    fputc('\n', f);
}

void cli_help(FILE *f, const cli_spec *spec)
{
    char sort_help[512];

    fputs(spec->usage, f);
    fputs("\noptions:\n", f);
    for (size_t k = 0; k < spec->n_own; k++)
        help_line(f, &spec->own[k], spec->own[k].help);
    for (size_t k = 0; k < N_SHARED; k++) {
        const char *help = shared[k].opt.help;

        if (shared[k].group && !(spec->groups & shared[k].group))
            continue;
        if (own_named(spec, shared[k].opt.name))
            continue;
        if (shared[k].opt.id == O_SORT && spec->sort_help) {
            help = spec->sort_help;
        } else if (shared[k].opt.id == O_SORT) {
            size_t used = (size_t)snprintf(sort_help, sizeof sort_help, "sort by KEY:");

            for (size_t i = 0; spec->sort_keys && spec->sort_keys[i] && used < sizeof sort_help;
                 i++)
                used += (size_t)snprintf(sort_help + used, sizeof sort_help - used, "%s%s",
                                         i ? ", " : " ", spec->sort_keys[i]);
            help = sort_help;
        }
        help_line(f, &shared[k].opt, help);
    }
}

/* The long and short options getopt is given: the own ones, then every shared one. */
typedef struct opt_tables {
    struct option lo[64];
    const cli_opt *by_index[64];
    unsigned group[64];   /* 0 for an own option and for --help */
    bool is_shared[64];
    size_t n;
    char shorts[64];
} opt_tables;

/* with_short: the short name counts (the command takes the option). */
static void add_opt(opt_tables *t, const cli_opt *o, unsigned group, bool is_shared,
                    bool with_short)
{
    size_t len = strlen(t->shorts);

    if (t->n + 1 >= sizeof t->lo / sizeof t->lo[0])
        return;
    t->lo[t->n].name = o->name;
    t->lo[t->n].has_arg = o->arg ? required_argument : no_argument;
    t->lo[t->n].flag = NULL;
    t->lo[t->n].val = 1000 + (int)t->n;
    t->by_index[t->n] = o;
    t->group[t->n] = group;
    t->is_shared[t->n] = is_shared;
    t->n++;
    if (with_short && o->short_name && len + 3 < sizeof t->shorts) {
        t->shorts[len++] = o->short_name;
        if (o->arg)
            t->shorts[len++] = ':';
        t->shorts[len] = '\0';
    }
}

static void build_tables(opt_tables *t, const cli_spec *spec)
{
    memset(t, 0, sizeof *t);
    t->shorts[0] = spec->in_order ? '+' : ':';
    t->shorts[1] = spec->in_order ? ':' : '\0';
    for (size_t k = 0; k < spec->n_own; k++)
        add_opt(t, &spec->own[k], 0, false, true);
    for (size_t k = 0; k < N_SHARED; k++) {
        bool takes = shared[k].group == 0 || (spec->groups & shared[k].group) != 0;

        if (own_named(spec, shared[k].opt.name) == NULL)
            add_opt(t, &shared[k].opt, shared[k].group, true, takes);
    }
}

/* The index in t of what getopt_long returned (a long option's val, or a short name). */
static size_t find_index(const opt_tables *t, int c)
{
    if (c >= 1000)
        return (size_t)(c - 1000);
    for (size_t k = 0; k < t->n; k++)
        if (t->by_index[k]->short_name == c)
            return k;
    return t->n;
}

static int add_file(const char **files, size_t *n, const cli_spec *spec, const char *opt,
                    const char *arg)
{
    if (*n == CLI_MAX_FILES) {
        fprintf(stderr, "fengong %s: too many %s files\n", spec->name, opt);
        return CLI_USAGE;
    }
    files[(*n)++] = arg;
    return 0;
}

static int year_value(int *out, const cli_spec *spec, const char *opt, const char *arg)
{
    long v;

    if (cli_parse_long(arg, CLI_YEAR_MIN, CLI_YEAR_MAX, &v) < 0) {
        fprintf(stderr, "fengong %s: %s needs a year, not '%s'\n", spec->name, opt, arg);
        return CLI_USAGE;
    }
    *out = (int)v;
    return 0;
}

int cli_date_value(const char **out, const cli_spec *spec, const char *opt, const char *arg)
{
    if (!fg_progress_date_valid(arg, strlen(arg))) {
        fprintf(stderr, "fengong %s: %s needs a date YYYY-MM-DD, not '%s'\n%s", spec->name, opt,
                arg, spec->usage);
        return CLI_USAGE;
    }
    *out = arg;
    return 0;
}

/* One shared option: 0, or an exit code after a message. */
static int take_shared(cli_args *a, const cli_spec *spec, int id, const char *arg)
{
    long v;

    switch (id) {
    case O_DB:
        a->db = arg;
        return 0;
    case O_FORMAT:
        return cli_format_option(&a->fmt, spec->name, arg) < 0 ? CLI_USAGE : 0;
    case O_OUTPUT:
        a->output = arg;
        return 0;
    case O_LIMIT:
        if (cli_parse_long(arg, 1, 1000000000L, &v) < 0) {
            fprintf(stderr, "fengong %s: --limit needs a positive number\n", spec->name);
            return CLI_USAGE;
        }
        a->limit = (size_t)v;
        return 0;
    case O_GAZ:
        return add_file(a->gazetteers, &a->n_gazetteers, spec, "--gazetteer", arg);
    case O_ROLES:
        return add_file(a->roles, &a->n_roles, spec, "--roles", arg);
    case O_JOBS:
        if (cli_parse_long(arg, 1, CLI_MAX_JOBS, &v) < 0) {
            fprintf(stderr, "fengong %s: --jobs needs a number from 1 to %d, not '%s'\n",
                    spec->name, CLI_MAX_JOBS, arg);
            return CLI_USAGE;
        }
        a->jobs = (size_t)v;
        return 0;
    case O_DOC:
        if (a->filter.n_docs == CLI_MAX_DOCS) {
            fprintf(stderr, "fengong %s: too many --doc options\n", spec->name);
            return CLI_USAGE;
        }
        a->docs[a->filter.n_docs++] = arg;
        a->filter.docs = a->docs;
        return 0;
    case O_YEAR:
        return year_value(&a->filter.year, spec, "--year", arg);
    case O_AS_OF:
        return year_value(&a->filter.as_of, spec, "--as-of", arg);
    case O_ROLE:
        if (strcmp(arg, "lead") == 0)
            a->filter.roles = FG_ROLES_LEAD;
        else if (strcmp(arg, "co") == 0)
            a->filter.roles = FG_ROLES_CO;
        else if (strcmp(arg, "all") == 0)
            a->filter.roles = FG_ROLES_ALL;
        else {
            fprintf(stderr, "fengong %s: --role is lead, co or all, not '%s'\n", spec->name, arg);
            return CLI_USAGE;
        }
        return 0;
    case O_AS_WRITTEN:
        a->as_written = true;
        return 0;
    case O_LEVEL:
        a->filter.level = arg;
        return 0;
    case O_GENERIC:
        a->filter.include_generic = 1;
        return 0;
    case O_SEED:
        if (cli_parse_long(arg, 0, 2147483647L, &v) < 0) {
            fprintf(stderr, "fengong %s: --seed needs a non-negative number\n", spec->name);
            return CLI_USAGE;
        }
        a->seed = (unsigned long)v;
        return 0;
    case O_BEFORE:
        return cli_date_value(&a->before, spec, "--before", arg);
    case O_AFTER:
        return cli_date_value(&a->after, spec, "--after", arg);
    case O_OVERDUE:
        a->overdue = true;
        return 0;
    case O_ALL:
        a->all = true;
        return 0;
    case O_SORT:
        for (size_t k = 0; spec->sort_keys[k]; k++) {
            if (strcmp(spec->sort_keys[k], arg) == 0) {
                a->sort = k;
                a->sort_given = true;
                return 0;
            }
        }
        fprintf(stderr, "fengong %s: --sort is one of", spec->name);
        for (size_t k = 0; spec->sort_keys[k]; k++)
            fprintf(stderr, "%s %s", k ? "," : "", spec->sort_keys[k]);
        fprintf(stderr, ", not '%s'\n", arg);
        return CLI_USAGE;
    default:
        return 0;
    }
}

int cli_parse(cli_args *a, int *first, const cli_spec *spec, int argc, char **argv)
{
    fg_filter def = FG_FILTER_INIT;
    opt_tables t;
    int c;

    memset(a, 0, sizeof *a);
    a->filter = def;
    a->fmt = isatty(STDOUT_FILENO) ? CLI_TABLE : CLI_TSV;
    a->seed = 42;
    build_tables(&t, spec);
    opterr = 0;
    optind = 0; /* glibc: 0 starts afresh */
    while ((c = getopt_long(argc, argv, t.shorts, t.lo, NULL)) != -1) {
        size_t k;
        int rc;

        if (c == ':') {
            fprintf(stderr, "fengong %s: option '%s' needs an argument\n", spec->name,
                    argv[optind - 1]);
            fputs(spec->usage, stderr);
            return CLI_USAGE;
        }
        k = c == '?' ? t.n : find_index(&t, c);
        if (k >= t.n) {
            fprintf(stderr, "fengong %s: unknown option '%s'\n", spec->name, argv[optind - 1]);
            fputs(spec->usage, stderr);
            return CLI_USAGE;
        }
        if (t.group[k] && !(spec->groups & t.group[k])) {
            fprintf(stderr, "fengong %s: option '--%s' does not apply here\n", spec->name,
                    t.by_index[k]->name);
            fputs(spec->usage, stderr);
            return CLI_USAGE;
        }
        if (t.is_shared[k] && t.by_index[k]->id == O_HELP) {
            cli_help(stdout, spec);
            return CLI_OK;
        }
        if (t.is_shared[k])
            rc = take_shared(a, spec, t.by_index[k]->id, optarg);
        else
            rc = spec->own_cb(spec->ctx, t.by_index[k]->id, optarg);
        if (rc != 0)
            return rc;
    }
    if (spec->groups & CLI_OPT_FILTER) {
        if (a->as_written && a->filter.as_of != 0)
            return cli_usage_error(spec, "--as-written and --as-of YEAR exclude each other");
        if (!a->as_written && a->filter.as_of == 0)
            a->filter.as_of = CLI_AS_OF_NEWEST; /* renamed agencies under their newest name */
    }
    a->db = cli_db_path(a->db);
    *first = optind;
    return -1;
}

int cli_begin(cli_args *a, int *first, const cli_spec *spec, int argc, char **argv,
              const char *operands)
{
    size_t n_min;
    size_t n_opt;
    bool more;
    size_t n;
    int rc = cli_parse(a, first, spec, argc, argv);

    if (rc >= 0)
        return rc;
    if (operands == NULL)
        operands = spec->operands;
    n_min = operands ? strspn(operands, "X") : 0;
    n_opt = operands ? strspn(operands + n_min, "Y") : 0;
    more = operands && operands[n_min + n_opt] == '+';
    n = (size_t)(argc - *first);
    if (n < n_min || (!more && n > n_min + n_opt)) {
        if (n_min + n_opt == 0 && !more)
            return cli_usage_error(spec, "unexpected argument '%s'", argv[*first]);
        return cli_usage_error(spec, "%s", operands + strlen(operands) + 1);
    }
    return -1;
}

int cli_take_flag(void *ctx, int id, const char *arg)
{
    (void)arg;
    ((bool *)ctx)[id] = true;
    return 0;
}

const char *cli_names_note(const cli_args *a)
{
    static _Thread_local char note[160];

    if (a->filter.as_of == 0)
        return NULL;
    if (a->filter.as_of >= CLI_AS_OF_NEWEST)
        return "names: a renamed agency is counted under its newest name (--as-written keeps "
               "the names the documents print)";
    snprintf(note, sizeof note, "names: a renamed agency is counted under its name of %d "
                                "(--as-written keeps the names the documents print)",
             a->filter.as_of);
    return note;
}

json_t *cli_names_json(const cli_args *a)
{
    if (a->filter.as_of == 0)
        return json_pack("{s:s,s:n}", "renamings", "as written", "as_of");
    if (a->filter.as_of >= CLI_AS_OF_NEWEST)
        return json_pack("{s:s,s:n}", "renamings", "newest name", "as_of");
    return json_pack("{s:s,s:i}", "renamings", "name of the year", "as_of", a->filter.as_of);
}

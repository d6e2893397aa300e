/*
 * CLI: one declarative table of the options that several commands share, grouped; a command
 * names the groups it takes and may add options of its own. One parser (getopt_long with an
 * optstring starting with ':') fills a cli_args and tells, naming the command and the option,
 * an unknown option, an option the command does not take, a missing argument or a bad value.
 * The --help text lists the command's own options and then those of its groups, from the
 * same table.
 */
#ifndef FG_CLI_OPTS_H
#define FG_CLI_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"
#include "fengong/fengong.h"

/* The option groups of the shared table. */
enum {
    CLI_OPT_DB = 1u << 0,      /* --db PATH */
    CLI_OPT_FORMAT = 1u << 1,  /* -f/--format FMT, -o/--output FILE (the workbook of xlsx) */
    CLI_OPT_GAZ = 1u << 2,     /* --gazetteer FILE (repeatable) */
    CLI_OPT_ROLES = 1u << 3,   /* --roles FILE (repeatable) */
    CLI_OPT_JOBS = 1u << 4,    /* -j/--jobs N */
    CLI_OPT_FILTER = 1u << 5,  /* --doc, --year, --role, --as-of, --as-written, --level,
                                * --include-generic */
    CLI_OPT_SEED = 1u << 6,    /* --seed N */
    CLI_OPT_SORT = 1u << 7,    /* --sort KEY, one of cli_spec.sort_keys */
    CLI_OPT_LIMIT = 1u << 8,   /* --limit N */
    CLI_OPT_DATES = 1u << 9,   /* --before DATE, --after DATE, --overdue, --all (due) */
    CLI_OPT_LIST = CLI_OPT_FORMAT | CLI_OPT_LIMIT, /* the listing options */
    /* the commands that list what the graph gives */
    CLI_GRAPH_OPTS = CLI_OPT_DB | CLI_OPT_LIST | CLI_OPT_GAZ | CLI_OPT_FILTER,
};

#define CLI_MAX_FILES 16  /* --gazetteer and --roles files */
#define CLI_MAX_DOCS 64   /* --doc names */
#define CLI_YEAR_MIN 1949 /* the years --year and --as-of take */
#define CLI_YEAR_MAX 2100
#define CLI_AS_OF_NEWEST 9999 /* fg_filter.as_of that follows every renaming */

/* What the shared options gave (the defaults when not given). */
typedef struct cli_args {
    const char *db;       /* the --db value, else $FENGONG_DB, else ./fengong.db */
    int fmt;              /* a cli_format: table on a terminal, else tsv */
    const char *output;   /* -o FILE, or NULL */
    size_t limit;         /* 0: all rows */
    const char *gazetteers[CLI_MAX_FILES];
    size_t n_gazetteers;
    const char *roles[CLI_MAX_FILES];
    size_t n_roles;
    size_t jobs;          /* 0: not given */
    fg_filter filter;     /* docs point into docs[] */
    const char *docs[CLI_MAX_DOCS];
    bool as_written;      /* --as-written */
    unsigned long seed;   /* 42 unless given */
    size_t sort;          /* index of the --sort KEY in cli_spec.sort_keys; 0 unless given */
    bool sort_given;
    const char *before;   /* --before DATE (a valid YYYY-MM-DD), or NULL */
    const char *after;    /* --after DATE, or NULL */
    bool overdue;         /* --overdue */
    bool all;             /* --all */
} cli_args;

/* A command's own option; id is passed to cli_spec.own_cb with the argument (or NULL). */
typedef struct cli_opt {
    const char *name;     /* long name, without -- */
    char short_name;      /* or 0 */
    const char *arg;      /* the argument's name in the help (NULL: the option takes none) */
    int id;
    const char *help;     /* the help's text; lines after the first start with \n */
} cli_opt;

typedef struct cli_spec {
    const char *name;     /* the command, for messages */
    const char *usage;    /* synopsis and description, printed first by --help */
    unsigned groups;      /* CLI_OPT_* */
    const cli_opt *own;   /* the command's options (an own option of a shared name wins) */
    size_t n_own;
    /* Take an own option: 0, or CLI_USAGE after a message. */
    int (*own_cb)(void *ctx, int id, const char *arg);
    void *ctx;
    const char *const *sort_keys; /* CLI_OPT_SORT: the keys, NULL-terminated */
    const char *sort_help;        /* CLI_OPT_SORT: what the keys mean */
    bool in_order;        /* options end at the first operand (extract FILE...) */
    const char *operands; /* for cli_begin() when it is given none */
} cli_spec;

/*
 * Parse argv (argv[0] is the command) by spec into *a. Returns -1 to go on, with the operands
 * at argv[*first ... argc - 1]; or an exit code (CLI_OK after --help, CLI_USAGE after a
 * message on stderr that names the command and the option).
 */
int cli_parse(cli_args *a, int *first, const cli_spec *spec, int argc, char **argv);

/*
 * cli_parse(), then check the number of operands: operands (NULL: spec->operands; both NULL:
 * none) is an "X" per operand needed, a "Y" per optional one and "+" for any more, then after
 * its NUL the message when the count is wrong ("XY\0give an agency X, and optionally Y").
 */
int cli_begin(cli_args *a, int *first, const cli_spec *spec, int argc, char **argv,
              const char *operands);

/* A cli_spec.own_cb for commands whose own options are flags: ctx is an array of bool, the
 * one of the option's id (from 0) is set. */
int cli_take_flag(void *ctx, int id, const char *arg);

/* A date option's value: a YYYY-MM-DD that exists into *out: 0, or CLI_USAGE after
 * "fengong CMD: OPT needs a date YYYY-MM-DD, not 'ARG'" and the usage. */
int cli_date_value(const char **out, const cli_spec *spec, const char *opt, const char *arg);

/* The --help text: spec->usage, then the options the command takes. */
void cli_help(FILE *f, const cli_spec *spec);

/* A usage error: "fengong CMD: <message>", then the usage. Returns CLI_USAGE. */
int cli_usage_error(const cli_spec *spec, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The footnote of a table saying how renamed agencies are named (NULL with --as-written). */
const char *cli_names_note(const cli_args *a);
/* The same for JSON: {"renamings": "newest name"|"name of the year"|"as written", "as_of"}. */
struct json_t;
struct json_t *cli_names_json(const cli_args *a);

/* A command over the graph: its arguments, output, graph and gazetteer. */
typedef struct cli_graph_run {
    cli_args a;
    int first;            /* the operands are argv[first ...] */
    struct cli_output out;
    fg_graph *g;
    fg_gazetteer *gz;
} cli_graph_run;

/*
 * cli_begin(), then open the output and the graph (common.c).
 * Returns -1 to go on (then end with cli_graph_end()), or an exit code (nothing open).
 */
int cli_graph_begin(cli_graph_run *r, const cli_spec *spec, int argc, char **argv,
                    const char *operands, const struct cli_global *gl);
/* Close the output (kept when rc is CLI_OK) and free the graph; returns the exit code. */
int cli_graph_end(cli_graph_run *r, int rc);
/* Start a table of the graph: --limit and the footnote on names applied. */
void cli_graph_printer(cli_printer *p, cli_graph_run *r, const char *sheet, size_t n,
                       const cli_col *cols);

/*
 * A listing of the store: its sheet, its n columns named hdr (those in numeric, ended by
 * CLI_END, hold numbers), and the query that gives its rows to the printer (ctx its argument).
 */
#define CLI_END ((size_t)-1)
typedef int (*cli_store_query)(fg_store *st, const void *ctx, cli_printer *p);
typedef struct cli_listing {
    const char *sheet;
    size_t n;
    const char *const *hdr;
    const size_t *numeric;
    cli_store_query query;
    const void *ctx;
} cli_listing;

/*
 * cli_output_open() for the command of spec, then open the store of a->db read-only. CLI_OK,
 * or an exit code (reported) with nothing left open.
 */
int cli_open_output_store(cli_output *out, fg_store **st, const cli_args *a,
                          const cli_spec *spec, const cli_global *g);
/*
 * Print a listing: the output opened (the workbook fails before the store is read), the
 * store opened read-only, the rows printed, a failure reported. Returns the exit code.
 */
int cli_print_listing(const cli_args *a, const cli_spec *spec, const cli_listing *l,
                      const cli_global *g);

#endif

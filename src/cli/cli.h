/* CLI: shared declarations of the subcommands. */
#ifndef FG_CLI_H
#define FG_CLI_H

#include <stdbool.h>
#include <stddef.h>

/* Exit codes: 0 ok, 1 runtime or input error, 2 usage error. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

typedef struct cli_global {
    bool debug;
} cli_global;

int cmd_extract(int argc, char **argv, const cli_global *g);
int cmd_ingest(int argc, char **argv, const cli_global *g);
int cmd_index(int argc, char **argv, const cli_global *g);
int cmd_documents(int argc, char **argv, const cli_global *g);
int cmd_remove(int argc, char **argv, const cli_global *g);
int cmd_search(int argc, char **argv, const cli_global *g);
int cmd_agencies(int argc, char **argv, const cli_global *g);
int cmd_load(int argc, char **argv, const cli_global *g);
int cmd_centrality(int argc, char **argv, const cli_global *g);
int cmd_communities(int argc, char **argv, const cli_global *g);
int cmd_coord(int argc, char **argv, const cli_global *g);
int cmd_pairs(int argc, char **argv, const cli_global *g);
int cmd_path(int argc, char **argv, const cli_global *g);
int cmd_compare(int argc, char **argv, const cli_global *g);
int cmd_render(int argc, char **argv, const cli_global *g);
int cmd_export(int argc, char **argv, const cli_global *g);
int cmd_report(int argc, char **argv, const cli_global *g);
int cmd_suggest(int argc, char **argv, const cli_global *g);
int cmd_due(int argc, char **argv, const cli_global *g);
int cmd_targets(int argc, char **argv, const cli_global *g);
int cmd_progress(int argc, char **argv, const cli_global *g);

/* The database path: the --db value, else $FENGONG_DB, else ./fengong.db. */
const char *cli_db_path(const char *opt);

/* Load the bundled gazetteer and merge the given files; -1 (reported) on failure. */
struct fg_gazetteer;
struct fg_lexicon;
int cli_load_gazetteer(struct fg_gazetteer **out, const char *const *files, size_t n,
                       const cli_global *g);

/*
 * The role lexicon with the user's files merged on top (--roles), or *out = NULL (the
 * bundled one) when there are none; freed with fg_lexicon_free(). 0, or -1 after reporting.
 */
int cli_load_lexicon(struct fg_lexicon **out, const char *const *files, size_t n,
                     const cli_global *g);

/*
 * Where a command's tables go: standard output in fmt, or, for --format xlsx, the workbook
 * of -o FILE with one sheet per table.
 */
typedef struct cli_output {
    int fmt;                  /* a cli_format */
    struct cli_xlsx *book;    /* CLI_XLSX: the workbook being written */
} cli_output;

/*
 * Start the output of command cmd in fmt; path is the -o FILE value or NULL. xlsx needs a
 * FILE and only xlsx takes one: else a usage error, printed with usage. For xlsx the
 * workbook's temporary file is created now, so an unwritable FILE fails before the work.
 * Returns CLI_OK, CLI_USAGE or CLI_FAIL (reported); on failure there is nothing to close.
 */
int cli_output_open(cli_output *o, const char *cmd, int fmt, const char *path,
                    const char *usage);
/*
 * Finish the output: write the workbook to FILE when keep, else drop it (a failed command
 * leaves no file). Returns 0, or -1 after printing a message naming the file (also when a
 * row could not be written before).
 */
int cli_output_close(cli_output *o, bool keep);

/* Rows as an aligned table, TSV, CSV or a JSON array of objects (on stdout), or as a sheet of
 * the workbook. */
typedef struct cli_printer {
    int fmt;                  /* a cli_format */
    size_t n;
    const char *const *hdr;
    struct cli_table *table;
    struct json_t *json;
    struct cli_xlsx *book;    /* borrowed from the cli_output */
    size_t rows;              /* rows given to cli_printer_row() */
    size_t limit;             /* --limit N: rows past the first N are dropped (0: all) */
} cli_printer;

/* Start a table of n columns with header hdr (borrowed until cli_printer_end()); sheet names
 * its sheet in a workbook (≤ 31 characters, none of []:*?/\). */
void cli_printer_begin(cli_printer *p, cli_output *o, const char *sheet, size_t n,
                       const char *const *hdr);
/* An fg_store_row_cb: payload is the printer. Returns non-zero (stop) once a workbook
 * failed. */
int cli_printer_row(size_t n_cols, const char *const *cols, void *payload);
/* At most n rows (--limit N; 0: all) from now on; the rows past them are skipped. */
void cli_printer_limit(cli_printer *p, size_t n);
/* Column col holds numbers: right-aligned in a table, number cells in a workbook. */
void cli_printer_numeric(cli_printer *p, size_t col);
void cli_printer_end(cli_printer *p);

/* The --help paragraph of the options every listing command takes (after its usage). */
#define CLI_LISTING_HELP                                                                       \
    "\nlisting options (every listing command):\n"                                             \
    "      --limit N         at most N rows in each table (default: all)\n"                   \
    "  -f, --format FMT      table (default on a terminal), tsv, csv, json, or xlsx with -o\n" \
    "  -o, --output FILE     the Excel workbook of --format xlsx\n"

/*
 * compare's table of the targets that changed between A and B (each a document or a year)
 * of the store db (cmd_track.c): into json_root's "targets" when not NULL, else a printer
 * on out. 0, or -1 after reporting.
 */
struct json_t;
int cli_compare_targets(cli_output *out, const char *db, const char *arg_a, const char *arg_b,
                        size_t limit, struct json_t *json_root, const cli_global *g);

/* Print "fengong: <message>" for the last library error (with the source with --debug). */
void cli_report_error(const cli_global *g);

#endif

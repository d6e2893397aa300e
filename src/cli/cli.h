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

/* A command: argv[0] is its name; returns an exit code. */
typedef int cli_cmd_fn(int argc, char **argv, const cli_global *g);

/* A command: its name and operands (for the help), its function, one line of help. */
typedef struct cli_command {
    const char *name;
    cli_cmd_fn *fn;
    const char *summary;
} cli_command;

/* Each defined in its cmd_*.c file. */
extern const cli_command cli_cmd_extract, cli_cmd_ingest, cli_cmd_index, cli_cmd_documents,
    cli_cmd_remove, cli_cmd_search, cli_cmd_agencies, cli_cmd_load, cli_cmd_centrality,
    cli_cmd_communities, cli_cmd_coord, cli_cmd_pairs, cli_cmd_path, cli_cmd_compare,
    cli_cmd_render, cli_cmd_export, cli_cmd_report, cli_cmd_suggest, cli_cmd_due,
    cli_cmd_targets, cli_cmd_progress;

/* ---- common.c ---- */

/* The most threads a command starts (and the most --jobs takes). */
#define CLI_MAX_JOBS 64

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

/* names joined by 、 into a new string (the caller's to free), or NULL when out of memory. */
char *cli_join_names(const char *const *v, size_t n);
/* Warn on stderr of the documents stored before deadlines and targets were read. */
struct fg_store;
void cli_warn_untracked(struct fg_store *st);

/* Print "fengong: <message>" for the last library error of this thread (with where it was
 * raised with --debug). */
void cli_report_error(const cli_global *g);
/* The same for an error copied from another thread (a worker's fg_error_last()). */
struct fg_error;
void cli_report(const struct fg_error *e, const cli_global *g);
/* s as a whole decimal number in [lo, hi] into *out: 0, or -1 (nothing written). */
int cli_parse_long(const char *s, long lo, long hi, long *out);
/* mkdir -p: 0, or -1 after a message naming the directory that failed. */
int cli_make_dirs(const char *path);
/* One thread per online CPU, at most CLI_MAX_JOBS. */
size_t cli_default_jobs(void);

/* ---- output.c ---- */

/* Print a JSON document (indented, keys in order) on stdout and release it. */
struct json_t;
void cli_print_json(struct json_t *root);

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

/*
 * Typed cells. A column is text, an integer or a real; a cell is one of those or null (an
 * empty cell). Numbers stay numbers: JSON numbers, number cells in a workbook, right-aligned
 * on a terminal, never neutralised in CSV; a negative zero prints as 0 in every format. Only
 * text cells that start with = + - @, a tab or CR are neutralised in CSV (a spreadsheet would
 * run them as formulas).
 */
typedef enum cli_kind {
    CLI_NULL,
    CLI_INT,
    CLI_REAL,
    CLI_TEXT,
    CLI_NUM,  /* a column of text from a store row: a number where the text is one */
    CLI_BOOL, /* yes or empty in the text formats and a workbook, true or false in JSON */
} cli_kind;

typedef struct cli_cell {
    cli_kind kind;
    long long i;          /* CLI_INT */
    double r;             /* CLI_REAL */
    const char *s;        /* CLI_TEXT; a number read from text keeps its text here */
} cli_cell;

static inline cli_cell cli_int(long long v)
{
    cli_cell c = {CLI_INT, v, 0, NULL};
    return c;
}

static inline cli_cell cli_real(double v)
{
    cli_cell c = {CLI_REAL, 0, v, NULL};
    return c;
}

/* Text; NULL is a null cell. */
static inline cli_cell cli_text(const char *s)
{
    cli_cell c = {s ? CLI_TEXT : CLI_NULL, 0, 0, s};
    return c;
}

static inline cli_cell cli_bool(bool v)
{
    cli_cell c = {CLI_BOOL, v ? 1 : 0, 0, NULL};
    return c;
}

/* A number: an integer when it is a whole one (below 10^15), else a real. */
cli_cell cli_number(double v);

#define CLI_MAX_COLS 64 /* the most columns a table has */

/* A column: its name (the header), its kind, and for reals how text formats show them. */
typedef struct cli_col {
    const char *name;
    cli_kind kind;        /* CLI_TEXT, CLI_INT, CLI_REAL, CLI_NUM or CLI_BOOL */
    const char *table_fmt;   /* a real on a terminal (printf; default "%.10g") */
    const char *machine_fmt; /* a real in TSV and CSV (default "%.10g") */
    bool percent;         /* on a terminal: 100 × the value (table_fmt adds the %) */
} cli_col;

/* Rows as an aligned table, TSV, CSV or a JSON array of objects (on stdout), or as a sheet of
 * the workbook. */
typedef struct cli_printer {
    int fmt;                  /* a cli_format */
    size_t n;
    cli_col *cols;            /* n columns (copied, names borrowed) */
    const char **hdr;         /* their names */
    cli_cell *cells;          /* cli_printer_row()'s cells */
    struct cli_table *table;
    struct json_t *json;
    struct cli_xlsx *book;    /* borrowed from the cli_output */
    size_t rows;              /* rows given */
    size_t limit;             /* --limit N: rows past the first N are dropped (0: all) */
    bool failed;              /* out of memory or a workbook that failed */
    const char *note;         /* the table's footnote on a terminal (borrowed), or NULL */
} cli_printer;

/* Start a table of n columns (cols and their names borrowed until cli_printer_end()); sheet
 * names its sheet in a workbook (≤ 31 characters, none of []:*?/\). */
void cli_printer_start(cli_printer *p, cli_output *o, const char *sheet, size_t n,
                       const cli_col *cols);
/* The same with n text columns named hdr; cli_printer_numeric() makes one a CLI_NUM. */
void cli_printer_begin(cli_printer *p, cli_output *o, const char *sheet, size_t n,
                       const char *const *hdr);
void cli_printer_numeric(cli_printer *p, size_t col);
/* One row of p->n cells. Returns non-zero once the output failed. */
int cli_printer_cells(cli_printer *p, const cli_cell *cells);
/* An fg_store_row_cb: payload is the printer; each text is a cell of its column's kind (a
 * number column's empty text is null). Returns non-zero (stop) once the output failed. */
int cli_printer_row(size_t n_cols, const char *const *cols, void *payload);
/* At most n rows (--limit N; 0: all) from now on; the rows past them are skipped. */
void cli_printer_limit(cli_printer *p, size_t n);
/* A footnote printed under the table on a terminal (note borrowed until cli_printer_end();
 * NULL: none). */
void cli_printer_note(cli_printer *p, const char *note);
/* JSON: take the array of rows (the caller's to release), to put it in an object; NULL in
 * the other formats. */
struct json_t *cli_printer_take_json(cli_printer *p);
/* Print (table, JSON) what is held and release the printer. */
void cli_printer_end(cli_printer *p);
/* A real for JSON: a number (-0 as 0), or null when not finite. */
struct json_t *cli_json_real(double v);
/* v, or +0 for a negative zero. */
double cli_no_negative_zero(double v);

/* ---- common.c, for the commands over the graph ---- */

struct cli_args;
struct cli_spec;
struct fg_graph;
/* Load the gazetteer (with a->gazetteers), open the store read-only and build the graph of
 * a->filter. 0, or -1 after reporting (nothing left open). */
int cli_open_graph(struct fg_graph **g, struct fg_gazetteer **gz, const struct cli_args *a,
                   const cli_global *gl);
/* cli_output_open() for the command of spec, then cli_open_graph(). CLI_OK, or an exit code
 * with nothing left open. */
int cli_open_output_graph(cli_output *out, struct fg_graph **g, struct fg_gazetteer **gz,
                          const struct cli_args *a, const struct cli_spec *spec,
                          const cli_global *gl);

/*
 * compare's table of the targets that changed between A and B (each a document or a year)
 * of the store db (cmd_targets.c): into json_root's "targets" when not NULL, else a printer
 * on out. 0, or -1 after reporting.
 */
struct json_t;
int cli_compare_targets(cli_output *out, const char *db, const char *arg_a, const char *arg_b,
                        size_t limit, struct json_t *json_root, const cli_global *g);


#endif

/*
 * fengong extract: decode and parse each file, then print assignments, items, teams or a
 * summary as a table, TSV, CSV, JSON or an Excel workbook. A file that fails is reported and
 * skipped; the others are still printed (or written), and the exit status is 1. Files are
 * read and parsed by a pool of threads (-j); the main thread prints each file's messages and
 * rows in input order, so the output is the same whatever the number of threads.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "pool.h"
#include "table.h"

static const char extract_usage[] =
    "usage: fengong extract [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "                       [--teams | --items | --summary | --explain] [-j N]\n"
    "                       [--roles FILE]... FILE...\n"
    "\n"
    "Extract the numbered items, responsibility clauses, lead/co agencies and work teams\n"
    "of each FILE ('-' reads standard input). Input may be text in UTF-8 (with or without\n"
    "BOM), UTF-16 with a BOM, or GB18030, or a document told by its bytes: Word (.docx,\n"
    ".doc), Excel (.xlsx, .xls), PDF with a text layer, OFD, or a web page (.html, .mhtml);\n"
    "output is always UTF-8.\n"
    "\n"
    "Default rows: doc, item, clause, role, agency (one row per assignment). JSON always\n"
    "holds everything: documents, items with their text, clauses, assignments with their\n"
    "kind (agency, group, generic), teams and notes. Without --explain, a document with\n"
    "notes gets one line on standard error: 'FILE: N statements with role words were not\n"
    "understood; see --explain'. Files are read and parsed N at a time (-j); the output is\n"
    "the same, in the order of the FILEs.\n";

typedef enum what { W_ASSIGN, W_TEAMS, W_ITEMS, W_SUMMARY, W_EXPLAIN } what;

/*
 * TSV rows are assembled in buf and handed to stdout in blocks of TSV_BLOCK bytes: the same
 * bytes as cli_write_row(), without a call per byte. Flushed before anything else is
 * written to stdout.
 */
#define TSV_BLOCK (64 * 1024)

typedef struct out_ctx {
    cli_format fmt;
    what w;
    cli_table *table;
    char *buf;  /* TSV_BLOCK bytes when fmt is CLI_TSV */
    size_t len;
    cli_printer rows; /* the rows of --explain (in every format) and of a workbook */
} out_ctx;

static void tsv_flush(out_ctx *o)
{
    if (o->len > 0)
        fwrite(o->buf, 1, o->len, stdout);
    o->len = 0;
}

/*
 * Append s to the row being built, tabs and line breaks turned into blanks (as TSV needs).
 * The copy loop has no exit inside, so the compiler vectorises it.
 */
static void tsv_put(out_ctx *o, const char *s)
{
    const char *p = s ? s : "";
    size_t left = strlen(p);

    while (left > 0) {
        size_t n;
        char *d;

        if (o->len == TSV_BLOCK)
            tsv_flush(o);
        n = TSV_BLOCK - o->len < left ? TSV_BLOCK - o->len : left;
        d = o->buf + o->len;
        for (size_t k = 0; k < n; k++)
            d[k] = p[k] == '\t' || p[k] == '\n' || p[k] == '\r' ? ' ' : p[k];
        o->len += n;
        p += n;
        left -= n;
    }
}

static void tsv_putc(out_ctx *o, char c)
{
    if (o->len == TSV_BLOCK)
        tsv_flush(o);
    o->buf[o->len++] = c;
}

static int emit(out_ctx *o, size_t n, const char *const *cells)
{
    if (o->fmt == CLI_TABLE)
        return cli_table_add(o->table, cells);
    if (o->fmt == CLI_XLSX) {
        cli_printer_row(n, cells, &o->rows); /* a failure is told by cli_output_close() */
        return 0;
    }
    if (o->fmt == CLI_TSV) {
        for (size_t i = 0; i < n; i++) {
            if (i)
                tsv_putc(o, '\t');
            tsv_put(o, cells[i]);
        }
        tsv_putc(o, '\n');
        return 0;
    }
    cli_write_row(stdout, o->fmt, n, cells);
    return 0;
}

/* Decimal digits of v in buf (at least 21 bytes). */
static void format_size(char *buf, size_t v)
{
    char tmp[24];
    size_t n = 0;

    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    for (size_t k = 0; k < n; k++)
        buf[k] = tmp[n - 1 - k];
    buf[n] = '\0';
}

static int emit_doc(out_ctx *o, const fg_doc *doc)
{
    char num[4][32];

    if (o->w == W_ASSIGN) {
        for (size_t i = 0; i < doc->n_items; i++) {
            const fg_item *it = &doc->items[i];

            for (size_t c = 0; c < it->n_clauses; c++) {
                format_size(num[0], c + 1);
                for (size_t a = 0; a < it->clauses[c].n_assignments; a++) {
                    const fg_assignment *as = &it->clauses[c].assignments[a];
                    const char *row[] = {doc->name, it->path, num[0], fg_role_name(as->role),
                                         as->agency};

                    if (emit(o, 5, row) < 0)
                        return -1;
                }
            }
        }
    } else if (o->w == W_TEAMS) {
        for (size_t t = 0; t < doc->n_teams; t++) {
            for (size_t m = 0; m < doc->teams[t].n_members; m++) {
                const fg_team_member *mb = &doc->teams[t].members[m];
                const char *row[] = {doc->name, doc->teams[t].name, fg_team_role_name(mb->role),
                                     mb->agency};

                if (emit(o, 4, row) < 0)
                    return -1;
            }
        }
    } else if (o->w == W_EXPLAIN) {
        for (size_t n = 0; n < doc->n_notes; n++) {
            const fg_note *nt = &doc->notes[n];
            const char *row[] = {doc->name, num[0], fg_note_kind_name(nt->kind), nt->text};

            format_size(num[0], nt->line);
            cli_printer_row(4, row, &o->rows);
        }
    } else if (o->w == W_ITEMS) {
        for (size_t i = 0; i < doc->n_items; i++) {
            const fg_item *it = &doc->items[i];
            const char *row[4];

            snprintf(num[0], sizeof num[0], "%zu", it->n_clauses);
            row[0] = doc->name;
            row[1] = it->path;
            row[2] = num[0];
            row[3] = it->title;
            if (emit(o, 4, row) < 0)
                return -1;
        }
    } else {
        fg_doc_stats st;
        const char *row[10];
        char n5[32];
        char n6[32];

        fg_doc_stats_get(&st, doc);
        snprintf(num[0], sizeof num[0], "%zu", st.n_items);
        snprintf(num[1], sizeof num[1], "%zu", st.n_items_assigned);
        snprintf(num[2], sizeof num[2], "%zu", st.n_clauses);
        snprintf(num[3], sizeof num[3], "%zu", st.n_lead);
        snprintf(n5, sizeof n5, "%zu", st.n_co);
        snprintf(n6, sizeof n6, "%zu", doc->n_teams);
        row[0] = doc->name;
        row[1] = doc->doc_number;
        row[2] = num[0];
        row[3] = num[1];
        row[4] = num[2];
        row[5] = num[3];
        row[6] = n5;
        row[7] = n6;
        row[8] = doc->format;
        row[9] = doc->title;
        if (emit(o, 10, row) < 0)
            return -1;
    }
    return 0;
}

/* What the files' results go to: the output, and JSON's documents kept to the end. */
typedef struct extract_run {
    out_ctx *o;
    const cli_global *g;
    int status;
    const fg_doc **docs;
    size_t n_docs;
} extract_run;

/*
 * Print what a file gave (a cli_read_docs() callback), in the order of the files: its read
 * error, or its warnings, then its parse error or its rows (JSON documents are kept instead).
 */
static void emit_job(cli_doc_job *j, size_t i, void *payload)
{
    extract_run *r = payload;
    out_ctx *o = r->o;

    (void)i;
    if (j->text == NULL) {
        cli_report(&j->err, r->g);
        r->status = CLI_FAIL;
        return;
    }
    for (size_t w = 0; w < j->text->n_warnings; w++)
        fprintf(stderr, "fengong: %s\n", j->text->warnings[w].message);
    if (j->text->n_replaced > j->text->n_warnings)
        fprintf(stderr, "fengong: %s: %zu more invalid sequences replaced\n", j->path,
                j->text->n_replaced - j->text->n_warnings);
    fg_text_free(j->text);
    j->text = NULL;
    if (j->doc == NULL) {
        cli_report(&j->err, r->g);
        r->status = CLI_FAIL;
        return;
    }
    if (j->doc->n_notes > 0 && o->w != W_EXPLAIN)
        fprintf(stderr, "fengong: %s: %zu %s with role words %s not understood; see --explain\n",
                j->path, j->doc->n_notes, j->doc->n_notes == 1 ? "statement" : "statements",
                j->doc->n_notes == 1 ? "was" : "were");
    if (o->fmt == CLI_JSON && o->w != W_EXPLAIN) {
        r->docs[r->n_docs++] = j->doc;
        j->doc = NULL;
        return;
    }
    if (emit_doc(o, j->doc) < 0) {
        fputs("fengong: out of memory\n", stderr);
        r->status = CLI_FAIL;
    }
}

/* The listing chosen (one of --teams, --items, --summary, --explain), for the parser. */
static const char *const mode_names[] = {"", "--teams", "--items", "--summary", "--explain"};

static const cli_opt extract_opts[] = {
    {"teams", 0, NULL, W_TEAMS, "list work-team (工作专班) rows: doc, team, role, agency"},
    {"items", 0, NULL, W_ITEMS, "list items (条目): doc, item, clauses, title"},
    {"summary", 0, NULL, W_SUMMARY,
     "one line per document: 文号, items, tasks, clauses, lead and\nco assignments, teams"},
    {"explain", 0, NULL, W_EXPLAIN,
     "list what was not understood: doc, line, kind, text, where kind is\n"
     "role_words (a bracket or labelled line with 牵头, 负责, 配合, 责任,\n"
     "参与, 协办 or 主办 that gave no clause), declaration (列第一位…牵头\n"
     "not taken as a first-listed-lead declaration), unknown_label (a\n"
     "label X单位：/X部门：/X机构：/X主体： the role lexicon lacks, read\n"
     "as co) or long_name (a unit name of more than 20 characters or\n"
     "with 的/为/是)"},
};

static int take_mode(void *ctx, int id, const char *arg)
{
    what *cur = ctx;
    what w = (what)id;

    (void)arg;
    /* One listing at a time: two different ones are a usage error, named in the order given
     * (--explain first when it is one of them). */
    if (*cur != W_ASSIGN && *cur != w) {
        bool ex = *cur == W_EXPLAIN || w == W_EXPLAIN;

        fprintf(stderr, "fengong extract: %s cannot be combined with %s\n%s",
                mode_names[ex ? W_EXPLAIN : *cur],
                mode_names[ex ? (*cur == W_EXPLAIN ? w : *cur) : w], extract_usage);
        return CLI_USAGE;
    }
    *cur = w;
    return 0;
}

static int cmd_extract(int argc, char **argv, const cli_global *g)
{
    static const char *const h_assign[] = {"doc", "item", "clause", "role", "agency"};
    static const char *const h_teams[] = {"doc", "team", "role", "agency"};
    static const char *const h_items[] = {"doc", "item", "clauses", "title"};
    static const char *const h_summary[] = {"doc", "doc_number", "items", "tasks", "clauses",
                                            "lead", "co", "teams", "format", "title"};
    static const char *const h_explain[] = {"doc", "line", "kind", "text"};
    /* by listing, in the order of enum what */
    static const char *const *const headers[] = {h_assign, h_teams, h_items, h_summary,
                                                 h_explain};
    static const size_t n_headers[] = {5, 4, 4, 10, 4};
    static const char *const sheets[] = {"assignments", "teams", "items", "summary", "explain"};
    /* the numeric columns: first, last (none when first > last) */
    static const size_t numeric[][2] = {{2, 2}, {1, 0}, {2, 2}, {2, 7}, {1, 1}};
    what mode = W_ASSIGN;
    cli_spec spec = {"extract", extract_usage, CLI_OPT_FORMAT | CLI_OPT_JOBS | CLI_OPT_ROLES,
                     extract_opts, sizeof extract_opts / sizeof extract_opts[0], take_mode,
                     &mode, NULL, NULL, true, "X+\0no FILE given"};
    cli_args a;
    int first;
    out_ctx o = {CLI_TSV, W_ASSIGN, NULL, NULL, 0, {0}};
    cli_output out;
    extract_run run = {&o, g, CLI_OK, NULL, 0};
    const char *const *hdr;
    size_t n_hdr;
    size_t n_threads;
    size_t n_files;
    size_t n_stdin = 0;
    cli_read_opts ro = {NULL, false, false, true};
    fg_lexicon *lex = NULL;
    int rc = cli_begin(&a, &first, &spec, argc, argv, NULL);

    if (rc >= 0)
        return rc;
    o.fmt = (cli_format)a.fmt;
    o.w = mode;
    rc = cli_output_open(&out, "extract", (int)o.fmt, a.output, extract_usage);
    if (rc != CLI_OK)
        return rc;
    if (cli_load_lexicon(&lex, a.roles, a.n_roles, g) < 0) {
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    hdr = headers[o.w];
    n_hdr = n_headers[o.w];
    if (o.w == W_EXPLAIN || o.fmt == CLI_XLSX) {
        cli_printer_begin(&o.rows, &out, sheets[o.w], n_hdr, hdr);
        for (size_t k = numeric[o.w][0]; k <= numeric[o.w][1]; k++)
            cli_printer_numeric(&o.rows, k);
    } else if (o.fmt == CLI_TABLE) {
        o.table = cli_table_new(n_hdr, hdr);
        if (o.table == NULL) {
            fputs("fengong: out of memory\n", stderr);
            cli_output_close(&out, false);
            fg_lexicon_free(lex);
            return CLI_FAIL;
        }
        for (size_t k = numeric[o.w][0]; k <= numeric[o.w][1]; k++)
            cli_table_align_right(o.table, k);
    } else if (o.fmt != CLI_JSON) {
        cli_write_row(stdout, o.fmt, n_hdr, hdr);
    }
    n_files = (size_t)(argc - first);
    run.docs = calloc(n_files, sizeof *run.docs);
    if (o.fmt == CLI_TSV)
        o.buf = malloc(TSV_BLOCK);
    if (run.docs == NULL || (o.fmt == CLI_TSV && o.buf == NULL)) {
        fputs("fengong: out of memory\n", stderr);
        cli_printer_end(&o.rows);
        cli_output_close(&out, false);
        cli_table_free(o.table);
        free(run.docs);
        free(o.buf);
        fg_lexicon_free(lex);
        return CLI_FAIL;
    }
    for (int i = first; i < argc; i++)
        n_stdin += strcmp(argv[i], "-") == 0;
    ro.lex = lex;
    ro.tracking = o.fmt == CLI_JSON && o.w != W_EXPLAIN;
    ro.no_text = !ro.tracking; /* item texts only go into JSON (memory: issue 20) */
    n_threads = a.jobs ? a.jobs : cli_default_jobs();
    /* Standard input read twice must be read in order: the first '-' gets what it holds. */
    if (n_stdin > 1)
        n_threads = 1;
    if (cli_read_docs(argv + first, n_files, n_threads, &ro, emit_job, &run) < 0)
        run.status = CLI_FAIL;
    if (o.w == W_EXPLAIN || o.fmt == CLI_XLSX) {
        cli_printer_end(&o.rows);
    } else if (o.fmt == CLI_JSON) {
        char *json = NULL;

        if (fg_doc_to_json(&json, run.docs, run.n_docs) < 0) {
            cli_report_error(g);
            run.status = CLI_FAIL;
        } else {
            fputs(json, stdout);
            fputc('\n', stdout);
            free(json);
        }
        for (size_t d = 0; d < run.n_docs; d++)
            fg_doc_free((fg_doc *)run.docs[d]);
    } else if (o.fmt == CLI_TABLE) {
        cli_table_print(stdout, o.table, 60);
    }
    if (o.fmt == CLI_TSV)
        tsv_flush(&o);
    free(o.buf);
    free(run.docs);
    cli_table_free(o.table);
    fg_lexicon_free(lex);
    /* Like the other formats, a workbook holds the files that could be read. */
    if (cli_output_close(&out, true) < 0)
        run.status = CLI_FAIL;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("fengong: write error");
        run.status = CLI_FAIL;
    }
    return run.status;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_extract = {"extract FILE...", cmd_extract,
                                     "extract items, clauses, assignments and work teams"};

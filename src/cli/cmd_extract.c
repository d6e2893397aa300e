/*
 * fengong extract: decode and parse each file, then print assignments, items, teams or a
 * summary as a table, TSV, CSV, JSON or an Excel workbook. A file that fails is reported and
 * skipped; the others are still printed (or written), and the exit status is 1. Files are
 * read and parsed by a pool of threads (-j); the main thread prints each file's messages and
 * rows in input order, so the output is the same whatever the number of threads.
 */
#include <getopt.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "table.h"

static const char extract_usage[] =
    "usage: fengong extract [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "                       [--teams | --items | --summary | --explain] [-j N]\n"
    "                       [--roles FILE]... FILE...\n"
    "\n"
    "Extract the numbered items, responsibility clauses, lead/co agencies and work teams\n"
    "of each FILE ('-' reads standard input). Input may be UTF-8 (with or without BOM),\n"
    "UTF-16 with a BOM, or GB18030; output is always UTF-8.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT  table (default on a terminal), tsv (default otherwise), csv, json,\n"
    "                    or xlsx with -o\n"
    "  -o, --output FILE the Excel workbook of --format xlsx: a sheet named assignments,\n"
    "                    teams, items, summary or explain, numbers as numbers, a frozen bold\n"
    "                    header with an autofilter\n"
    "      --teams       list work-team (工作专班) rows: doc, team, role, agency\n"
    "      --items       list items: doc, item, clauses, title\n"
    "      --summary     one line per document: 文号, items, clauses, lead/co rows, teams\n"
    "      --explain     list what was not understood: doc, line, kind, text, where kind is\n"
    "                    role_words (a bracket or labelled line with 牵头, 负责, 配合, 责任,\n"
    "                    参与, 协办 or 主办 that gave no clause), declaration (列第一位…牵头\n"
    "                    not taken as a first-listed-lead declaration), unknown_label (a\n"
    "                    label X单位：/X部门：/X机构：/X主体： the role lexicon lacks, read\n"
    "                    as co) or long_name\n"
    "                    (a unit name of more than 20 characters or with 的/为/是)\n"
    "  -j, --jobs N      read and parse N files at a time (default: the number of CPUs);\n"
    "                    the output is the same, in the order of the FILEs\n"
    "      --roles FILE  merge your own role labels on top of the bundled graphs/roles.tsv\n"
    "                    (lines 'head<TAB>督办<TAB>co' or 'unit-suffix<TAB>处<TAB>-')\n"
    "  -h, --help        show this help\n"
    "\n"
    "Default rows: doc, item, clause, role, agency (one row per assignment). JSON always\n"
    "holds everything: documents, items with their text, clauses, assignments with their\n"
    "kind (agency, group, generic), teams and notes. Without --explain, a document with\n"
    "notes gets one line on standard error: 'FILE: N statements with role words were not\n"
    "understood; see --explain'.\n";

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

/* ---- reading and parsing files on a pool of threads ---- */

/* One input file: what reading and parsing it gave, kept until it is printed. */
typedef struct extract_job {
    const char *path;
    fg_text *text; /* NULL when reading failed; kept for its warnings */
    fg_doc *doc;   /* NULL when reading or parsing failed */
    fg_error err;  /* the failure, copied from the thread that met it */
    bool done;
    const fg_lexicon *lex; /* --roles, or NULL */
    bool tracking;         /* deadlines and targets are printed (JSON): read them */
} extract_job;

static void run_job(extract_job *j)
{
    fg_parse_opts popts = FG_PARSE_OPTS_INIT;

    if (fg_text_read_file(&j->text, j->path) < 0) {
        j->err = *fg_error_last();
        return;
    }
    popts.name = j->path;
    popts.lexicon = j->lex;
    popts.no_tracking = !j->tracking;
    popts.no_text = !j->tracking; /* item texts only go into JSON */
    if (fg_parse_document(&j->doc, j->text, &popts) < 0 || fg_doc_check(j->doc) < 0) {
        j->err = *fg_error_last();
        fg_doc_free(j->doc);
        j->doc = NULL;
    }
}

/* cli_report_error() for an error met on another thread. */
static void report_job_error(const fg_error *e, const cli_global *g)
{
    fprintf(stderr, "fengong: %s\n", e->message[0] ? e->message : fg_error_name(e->code));
    if (g && g->debug && e->src_file)
        fprintf(stderr, "fengong: (raised at %s:%d, %s)\n", e->src_file, e->src_line,
                fg_error_name(e->code));
}

/*
 * Print what a job gave, as the one-file-at-a-time loop did: its read error, or its
 * warnings, then its parse error or its rows (JSON documents are kept in docs instead).
 */
static void emit_job(out_ctx *o, extract_job *j, const cli_global *g, int *status,
                     const fg_doc **docs, size_t *n_docs)
{
    if (j->text == NULL) {
        report_job_error(&j->err, g);
        *status = CLI_FAIL;
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
        report_job_error(&j->err, g);
        *status = CLI_FAIL;
        return;
    }
    if (j->doc->n_notes > 0 && o->w != W_EXPLAIN)
        fprintf(stderr, "fengong: %s: %zu %s with role words %s not understood; see --explain\n",
                j->path, j->doc->n_notes, j->doc->n_notes == 1 ? "statement" : "statements",
                j->doc->n_notes == 1 ? "was" : "were");
    if (o->fmt == CLI_JSON && o->w != W_EXPLAIN) {
        docs[(*n_docs)++] = j->doc;
        j->doc = NULL;
        return;
    }
    if (emit_doc(o, j->doc) < 0) {
        fputs("fengong: out of memory\n", stderr);
        *status = CLI_FAIL;
    }
    fg_doc_free(j->doc);
    j->doc = NULL;
}

/*
 * The workers take jobs in input order but no further ahead of the printing than window
 * jobs, which bounds the documents held in memory.
 */
typedef struct job_pool {
    extract_job *jobs;
    size_t n_jobs;
    size_t next;    /* the next job to take */
    size_t emitted; /* jobs before this one are printed */
    size_t window;
    pthread_mutex_t mu;
    pthread_cond_t done_cv; /* a job is done */
    pthread_cond_t room_cv; /* a job is printed */
} job_pool;

static void *worker(void *arg)
{
    job_pool *pool = arg;

    for (;;) {
        size_t k;

        pthread_mutex_lock(&pool->mu);
        while (pool->next < pool->n_jobs && pool->next >= pool->emitted + pool->window)
            pthread_cond_wait(&pool->room_cv, &pool->mu);
        if (pool->next >= pool->n_jobs) {
            pthread_mutex_unlock(&pool->mu);
            return NULL;
        }
        k = pool->next++;
        pthread_mutex_unlock(&pool->mu);
        run_job(&pool->jobs[k]);
        pthread_mutex_lock(&pool->mu);
        pool->jobs[k].done = true;
        pthread_cond_broadcast(&pool->done_cv);
        pthread_mutex_unlock(&pool->mu);
    }
}

/*
 * Run all jobs on n_threads threads (on this one when 1, or when no thread can be started)
 * and print each in order as soon as it and those before it are done.
 */
static void run_jobs(out_ctx *o, extract_job *jobs, size_t n_jobs, size_t n_threads,
                    const cli_global *g, int *status, const fg_doc **docs, size_t *n_docs)
{
    job_pool pool = {jobs, n_jobs, 0, 0, 4 * n_threads, PTHREAD_MUTEX_INITIALIZER,
                     PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER};
    pthread_t *threads = NULL;
    size_t n_started = 0;

    if (n_threads > n_jobs)
        n_threads = n_jobs;
    if (n_threads > 1)
        threads = calloc(n_threads, sizeof *threads);
    for (size_t t = 0; threads != NULL && t < n_threads; t++) {
        if (pthread_create(&threads[t], NULL, worker, &pool) != 0)
            break;
        n_started++;
    }
    for (size_t i = 0; i < n_jobs; i++) {
        if (n_started == 0) {
            run_job(&jobs[i]); /* one thread: this one */
        } else {
            pthread_mutex_lock(&pool.mu);
            while (!jobs[i].done)
                pthread_cond_wait(&pool.done_cv, &pool.mu);
            pthread_mutex_unlock(&pool.mu);
        }
        emit_job(o, &jobs[i], g, status, docs, n_docs);
        pthread_mutex_lock(&pool.mu);
        pool.emitted = i + 1;
        pthread_cond_broadcast(&pool.room_cv);
        pthread_mutex_unlock(&pool.mu);
    }
    for (size_t t = 0; t < n_started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    pthread_cond_destroy(&pool.room_cv);
    pthread_cond_destroy(&pool.done_cv);
    pthread_mutex_destroy(&pool.mu);
}

/* The --jobs value: a number from 1 to 1024; -1 when it is not one. */
static long parse_jobs(const char *s)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);

    return end != s && *end == '\0' && v >= 1 && v <= 1024 ? v : -1;
}

int cmd_extract(int argc, char **argv, const cli_global *g)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"teams", no_argument, NULL, 't'},
        {"items", no_argument, NULL, 'i'},
        {"summary", no_argument, NULL, 's'},
        {"explain", no_argument, NULL, 'e'},
        {"jobs", required_argument, NULL, 'j'},
        {"roles", required_argument, NULL, 'R'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    static const char *const h_assign[] = {"doc", "item", "clause", "role", "agency"};
    static const char *const h_teams[] = {"doc", "team", "role", "agency"};
    static const char *const h_items[] = {"doc", "item", "clauses", "title"};
    static const char *const h_summary[] = {"doc", "doc_number", "items", "tasks", "clauses",
                                            "lead", "co", "teams", "format", "title"};
    static const char *const h_explain[] = {"doc", "line", "kind", "text"};
    static const char *const mode_names[] = {"", "--teams", "--items", "--summary", "--explain"};
    /* by listing, in the order of enum what */
    static const char *const *const headers[] = {h_assign, h_teams, h_items, h_summary,
                                                 h_explain};
    static const size_t n_headers[] = {5, 4, 4, 10, 4};
    static const char *const sheets[] = {"assignments", "teams", "items", "summary", "explain"};
    /* the numeric columns: first, last (none when first > last) */
    static const size_t numeric[][2] = {{2, 2}, {1, 0}, {2, 2}, {2, 7}, {1, 1}};
    out_ctx o = {isatty(STDOUT_FILENO) ? CLI_TABLE : CLI_TSV, W_ASSIGN, NULL, NULL, 0, {0}};
    const char *output = NULL;
    cli_output out;
    const fg_doc **docs = NULL;
    size_t n_docs = 0;
    int status = CLI_OK;
    int c;
    int f;
    const char *const *hdr;
    size_t n_hdr;
    long n_threads = sysconf(_SC_NPROCESSORS_ONLN);
    extract_job *jobs = NULL;
    size_t n_jobs;
    size_t n_stdin = 0;
    const char *roles[16];
    size_t n_roles = 0;
    fg_lexicon *lex = NULL;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "+f:j:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (cli_format_option(&f, "extract", optarg) < 0)
                return CLI_USAGE;
            o.fmt = (cli_format)f;
            break;
        case 'o':
            output = optarg;
            break;
        case 't':
        case 'i':
        case 's':
        case 'e': {
            what w = c == 't' ? W_TEAMS : c == 'i' ? W_ITEMS : c == 's' ? W_SUMMARY : W_EXPLAIN;

            /* One listing at a time: two different ones are a usage error, named in the
             * order given (--explain first when it is one of them). */
            if (o.w != W_ASSIGN && o.w != w) {
                bool ex = o.w == W_EXPLAIN || w == W_EXPLAIN;

                fprintf(stderr, "fengong extract: %s cannot be combined with %s\n%s",
                        mode_names[ex ? W_EXPLAIN : o.w],
                        mode_names[ex ? (o.w == W_EXPLAIN ? w : o.w) : w], extract_usage);
                return CLI_USAGE;
            }
            o.w = w;
            break;
        }
        case 'j':
            n_threads = parse_jobs(optarg);
            if (n_threads < 0) {
                fprintf(stderr,
                        "fengong extract: --jobs needs a number from 1 to 1024, not '%s'\n%s",
                        optarg, extract_usage);
                return CLI_USAGE;
            }
            break;
        case 'R':
            if (n_roles == sizeof roles / sizeof roles[0]) {
                fprintf(stderr, "fengong extract: too many --roles files\n");
                return CLI_USAGE;
            }
            roles[n_roles++] = optarg;
            break;
        case 'h':
            fputs(extract_usage, stdout);
            return CLI_OK;
        case ':':
            fprintf(stderr, "fengong extract: option '%s' needs a value\n%s", argv[optind - 1],
                    extract_usage);
            return CLI_USAGE;
        default:
            fprintf(stderr, "fengong extract: unknown option '%s'\n%s", argv[optind - 1],
                    extract_usage);
            return CLI_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "fengong extract: no FILE given\n%s", extract_usage);
        return CLI_USAGE;
    }
    status = cli_output_open(&out, "extract", (int)o.fmt, output, extract_usage);
    if (status != CLI_OK)
        return status;
    if (cli_load_lexicon(&lex, roles, n_roles, g) < 0) {
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
    n_jobs = (size_t)(argc - optind);
    docs = calloc(n_jobs, sizeof *docs);
    jobs = calloc(n_jobs, sizeof *jobs);
    if (o.fmt == CLI_TSV)
        o.buf = malloc(TSV_BLOCK);
    if (docs == NULL || jobs == NULL || (o.fmt == CLI_TSV && o.buf == NULL)) {
        fputs("fengong: out of memory\n", stderr);
        cli_printer_end(&o.rows);
        cli_output_close(&out, false);
        cli_table_free(o.table);
        free(docs);
        free(jobs);
        free(o.buf);
        fg_lexicon_free(lex);
        return CLI_FAIL;
    }
    for (size_t i = 0; i < n_jobs; i++) {
        jobs[i].path = argv[optind + i];
        jobs[i].lex = lex;
        jobs[i].tracking = o.fmt == CLI_JSON && o.w != W_EXPLAIN;
        n_stdin += strcmp(jobs[i].path, "-") == 0;
    }
    /* Standard input read twice must be read in order: the first '-' gets what it holds. */
    if (n_threads < 1 || n_stdin > 1)
        n_threads = 1;
    run_jobs(&o, jobs, n_jobs, (size_t)n_threads, g, &status, docs, &n_docs);
    free(jobs);
    if (o.w == W_EXPLAIN || o.fmt == CLI_XLSX) {
        cli_printer_end(&o.rows);
    } else if (o.fmt == CLI_JSON) {
        char *json = NULL;

        if (fg_doc_to_json(&json, docs, n_docs) < 0) {
            cli_report_error(g);
            status = CLI_FAIL;
        } else {
            fputs(json, stdout);
            fputc('\n', stdout);
            free(json);
        }
        for (size_t d = 0; d < n_docs; d++)
            fg_doc_free((fg_doc *)docs[d]);
    } else if (o.fmt == CLI_TABLE) {
        cli_table_print(stdout, o.table, 60);
    }
    if (o.fmt == CLI_TSV)
        tsv_flush(&o);
    free(o.buf);
    free(docs);
    cli_table_free(o.table);
    fg_lexicon_free(lex);
    /* Like the other formats, a workbook holds the files that could be read. */
    if (cli_output_close(&out, true) < 0)
        status = CLI_FAIL;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("fengong: write error");
        status = CLI_FAIL;
    }
    return status;
}

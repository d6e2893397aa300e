/*
 * fengong extract: decode and parse each file, then print assignments, items, teams or a
 * summary as a table, TSV, CSV or JSON. A file that fails is reported and skipped; the
 * others are still printed, and the exit status is 1.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "table.h"

static const char extract_usage[] =
    "usage: fengong extract [--format table|tsv|csv|json] [--teams | --items | --summary]\n"
    "                       FILE...\n"
    "\n"
    "Extract the numbered items, responsibility clauses, lead/co agencies and work teams\n"
    "of each FILE ('-' reads standard input). Input may be UTF-8 (with or without BOM),\n"
    "UTF-16 with a BOM, or GB18030; output is always UTF-8.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT  table (default on a terminal), tsv (default otherwise), csv, json\n"
    "      --teams       list work-team (工作专班) rows: doc, team, role, agency\n"
    "      --items       list items: doc, item, clauses, title\n"
    "      --summary     one line per document: 文号, items, clauses, lead/co rows, teams\n"
    "  -h, --help        show this help\n"
    "\n"
    "Default rows: doc, item, clause, role, agency (one row per assignment). JSON always\n"
    "holds everything: documents, items with their text, clauses, assignments with their\n"
    "kind (agency, group, generic) and teams.\n";

typedef enum what { W_ASSIGN, W_TEAMS, W_ITEMS, W_SUMMARY } what;

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
} out_ctx;

static void tsv_flush(out_ctx *o)
{
    if (o->len > 0)
        fwrite(o->buf, 1, o->len, stdout);
    o->len = 0;
}

/* Append s to the row being built, tabs and line breaks turned into blanks (as TSV needs). */
static void tsv_put(out_ctx *o, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        if (o->len == TSV_BLOCK)
            tsv_flush(o);
        o->buf[o->len++] = *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p;
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
        const char *row[9];
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
        row[8] = doc->title;
        if (emit(o, 9, row) < 0)
            return -1;
    }
    return 0;
}

int cmd_extract(int argc, char **argv, const cli_global *g)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"teams", no_argument, NULL, 't'},
        {"items", no_argument, NULL, 'i'},
        {"summary", no_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    static const char *const h_assign[] = {"doc", "item", "clause", "role", "agency"};
    static const char *const h_teams[] = {"doc", "team", "role", "agency"};
    static const char *const h_items[] = {"doc", "item", "clauses", "title"};
    static const char *const h_summary[] = {"doc", "doc_number", "items", "tasks", "clauses",
                                            "lead", "co", "teams", "title"};
    out_ctx o = {isatty(STDOUT_FILENO) ? CLI_TABLE : CLI_TSV, W_ASSIGN, NULL, NULL, 0};
    const fg_doc **docs = NULL;
    size_t n_docs = 0;
    int status = CLI_OK;
    int c;
    int f;
    const char *const *hdr;
    size_t n_hdr;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "+f:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (cli_format_option(&f, "extract", optarg) < 0)
                return CLI_USAGE;
            o.fmt = (cli_format)f;
            break;
        case 't':
            o.w = W_TEAMS;
            break;
        case 'i':
            o.w = W_ITEMS;
            break;
        case 's':
            o.w = W_SUMMARY;
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
    hdr = o.w == W_TEAMS ? h_teams : o.w == W_ITEMS ? h_items : o.w == W_SUMMARY ? h_summary
                                                                                  : h_assign;
    n_hdr = o.w == W_TEAMS ? 4 : o.w == W_ITEMS ? 4 : o.w == W_SUMMARY ? 9 : 5;
    if (o.fmt == CLI_TABLE) {
        o.table = cli_table_new(n_hdr, hdr);
        if (o.table == NULL) {
            fputs("fengong: out of memory\n", stderr);
            return CLI_FAIL;
        }
        if (o.w == W_SUMMARY)
            for (size_t k = 2; k <= 7; k++)
                cli_table_align_right(o.table, k);
    } else if (o.fmt != CLI_JSON) {
        cli_write_row(stdout, o.fmt, n_hdr, hdr);
    }
    docs = calloc((size_t)(argc - optind), sizeof *docs);
    if (o.fmt == CLI_TSV)
        o.buf = malloc(TSV_BLOCK);
    if (docs == NULL || (o.fmt == CLI_TSV && o.buf == NULL)) {
        fputs("fengong: out of memory\n", stderr);
        cli_table_free(o.table);
        free(docs);
        free(o.buf);
        return CLI_FAIL;
    }
    for (int i = optind; i < argc; i++) {
        fg_text *text = NULL;
        fg_doc *doc = NULL;
        fg_parse_opts popts = FG_PARSE_OPTS_INIT;

        if (fg_text_read_file(&text, argv[i]) < 0) {
            cli_report_error(g);
            status = CLI_FAIL;
            continue;
        }
        for (size_t w = 0; w < text->n_warnings; w++)
            fprintf(stderr, "fengong: %s\n", text->warnings[w].message);
        if (text->n_replaced > text->n_warnings)
            fprintf(stderr, "fengong: %s: %zu more invalid sequences replaced\n", argv[i],
                    text->n_replaced - text->n_warnings);
        popts.name = argv[i];
        if (fg_parse_document(&doc, text, &popts) < 0) {
            cli_report_error(g);
            fg_text_free(text);
            status = CLI_FAIL;
            continue;
        }
        fg_text_free(text);
        if (o.fmt == CLI_JSON) {
            docs[n_docs++] = doc;
            continue;
        }
        if (emit_doc(&o, doc) < 0) {
            fputs("fengong: out of memory\n", stderr);
            status = CLI_FAIL;
        }
        fg_doc_free(doc);
    }
    if (o.fmt == CLI_JSON) {
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
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("fengong: write error");
        status = CLI_FAIL;
    }
    return status;
}

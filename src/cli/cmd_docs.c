/*
 * Commands that list what the store holds: documents, remove, search, agencies. Argument
 * parsing and printing only; the work is done by fg_store_* and fg_gazetteer_*.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "table.h"

static const char documents_usage[] =
    "usage: fengong documents [--db PATH] [--limit N]\n"
    "                         [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "\n"
    "List the stored documents with their 文号, year, date and counts. format is the reader\n"
    "that made the text (text, docx, doc, xlsx, xls, pdf, ofd, html). unparsed is the\n"
    "number of statements with role words that were not understood ('fengong extract\n"
    "--explain FILE' lists them; empty for a document stored by a fengong before them).\n"
    "--format xlsx -o FILE writes an Excel workbook with a sheet 'documents'.\n";

static int print_document(const fg_store_document_row *d, void *payload)
{
    const cli_cell cells[] = {
        cli_text(d->name),          cli_text(d->doc_number),
        d->year ? cli_int(d->year) : cli_text(NULL), cli_text(d->date),
        cli_int((long long)d->n_items),   cli_int((long long)d->n_clauses),
        cli_int((long long)d->n_assignments), cli_int((long long)d->n_teams),
        d->n_unparsed >= 0 ? cli_int(d->n_unparsed) : cli_text(NULL),
        cli_text(d->format),        cli_text(d->title),
        cli_text(d->sha256),        cli_text(d->ingested_at)};

    return cli_printer_cells(payload, cells);
}

static int query_documents(fg_store *st, const void *ctx, cli_printer *p)
{
    (void)ctx;
    return fg_store_documents(st, print_document, p);
}

static int cmd_documents(int argc, char **argv, const cli_global *g)
{
    static const char *const hdr[] = {"doc",   "doc_number", "year",     "date",
                                      "items", "clauses",    "assignments", "teams",
                                      "unparsed", "format", "title",   "sha256",   "ingested_at"};
    static const size_t numeric[] = {2, 4, 5, 6, 7, 8, CLI_END};
    cli_spec spec = {"documents", documents_usage, CLI_OPT_DB | CLI_OPT_LIST, NULL, 0, NULL, NULL,
                     NULL, NULL, false, NULL};
    cli_args a;
    int first;
    cli_listing l = {"documents", 13, hdr, numeric, query_documents, NULL};
    int rc = cli_begin(&a, &first, &spec, argc, argv, NULL);

    if (rc >= 0)
        return rc;
    if (a.fmt == CLI_TABLE)
        l.n = 11; /* without sha256 and ingested_at */
    return cli_print_listing(&a, &spec, &l, g);
}

static const cli_spec remove_spec = {
    .name = "remove",
    .usage =
        "usage: fengong remove [--db PATH] DOC...\n"
        "\n"
        "Delete stored documents (by the name 'fengong documents' shows) and everything\n"
        "extracted from them, each in its own transaction.\n",
    .groups = CLI_OPT_DB,
    .operands = "X+\0no DOC given",
};

static int cmd_remove(int argc, char **argv, const cli_global *g)
{
    fg_store *st = NULL;
    cli_args a;
    int first;
    int status = cli_begin(&a, &first, &remove_spec, argc, argv, NULL);

    if (status >= 0)
        return status;
    if (fg_store_open(&st, a.db, NULL) < 0) {
        cli_report_error(g);
        return CLI_FAIL;
    }
    status = CLI_OK;
    for (int i = first; i < argc; i++) {
        if (fg_store_remove(st, argv[i]) < 0) {
            cli_report_error(g);
            status = CLI_FAIL;
        } else {
            printf("removed %s\n", argv[i]);
        }
    }
    fg_store_close(st);
    return status;
}

static const char search_usage[] =
    "usage: fengong search [--db PATH] [--limit N]\n"
    "                      [--format table|tsv|csv|json | --format xlsx -o FILE] QUERY\n"
    "\n"
    "List stored items whose title or text contains QUERY, with their lead and\n"
    "co-operating agencies (at most N, default 50): tasks (items with clauses)\n"
    "first, then those whose title holds QUERY, then by relevance. Chinese works\n"
    "without spaces: queries of three characters or more use a trigram index, shorter\n"
    "ones a scan. --format xlsx -o FILE writes an Excel workbook with a sheet 'search'.\n";

typedef struct search_query {
    const char *text;
    size_t limit;
} search_query;

static int print_hit(const fg_store_search_row *h, void *payload)
{
    const cli_cell cells[] = {cli_text(h->doc), cli_text(h->path), cli_text(h->title),
                              cli_text(h->leads), cli_text(h->cos)};

    return cli_printer_cells(payload, cells);
}

static int query_search(fg_store *st, const void *ctx, cli_printer *p)
{
    const search_query *q = ctx;

    return fg_store_search(st, q->text, q->limit, print_hit, p);
}

static int cmd_search(int argc, char **argv, const cli_global *g)
{
    static const char *const hdr[] = {"doc", "item", "title", "lead", "co"};
    static const size_t numeric[] = {CLI_END}; /* none */
    cli_spec spec = {"search", search_usage, CLI_OPT_DB | CLI_OPT_LIST, NULL, 0, NULL, NULL, NULL,
                     NULL, false, "X\0give exactly one QUERY"};
    cli_args a;
    int first;
    search_query q;
    cli_listing l = {"search", 5, hdr, numeric, query_search, &q};
    int rc = cli_begin(&a, &first, &spec, argc, argv, NULL);

    if (rc >= 0)
        return rc;
    q.text = argv[first];
    q.limit = a.limit > 0 ? a.limit : 50;
    return cli_print_listing(&a, &spec, &l, g);
}

static const char agencies_usage[] =
    "usage: fengong agencies [--db PATH] [--unresolved] [--limit N]\n"
    "                        [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "       fengong agencies [--db PATH] [--gazetteer FILE]... show NAME\n"
    "\n"
    "List the agencies named in the store with their lead and co counts; --unresolved\n"
    "lists the names the gazetteer does not know, with counts and the documents they\n"
    "come from. 'show NAME' prints an agency's aliases, history and all its tasks.\n"
    "--format xlsx -o FILE writes an Excel workbook with a sheet 'agencies' ('unresolved',\n"
    "or 'tasks' for show).\n";

/* What the gazetteer knows of name: printed; *name becomes its canonical name. */
static void print_entry(const fg_gazetteer *gz, const char **name)
{
    const fg_agency_entry *e = fg_gazetteer_lookup(gz, *name, strlen(*name));

    if (e == NULL) {
        printf("agency:    %s (not in the gazetteer)\n\n", *name);
        return;
    }
    printf("agency:    %s\n", e->canonical);
    printf("aliases:   ");
    for (size_t k = 0; k < e->n_aliases; k++)
        printf("%s%s", k ? "、" : "", e->aliases[k]);
    printf("\nlevel:     %s\ntype:      %s\n", e->level, e->type);
    if (e->successor[0])
        printf("history:   replaced by %s in %d\n", e->successor, e->since);
    for (size_t i = 0; i < fg_gazetteer_size(gz); i++) {
        const fg_agency_entry *o = fg_gazetteer_at(gz, i);

        if (strcmp(o->successor, e->canonical) == 0)
            printf("history:   successor of %s since %d\n", o->canonical, o->since);
    }
    printf("source:    %s\n\n", e->source);
    *name = e->canonical;
}

static int print_agency_task(const fg_store_assignment_row *t, void *payload)
{
    const cli_cell cells[] = {cli_text(t->doc),     cli_text(t->path),
                              cli_int(t->clause),   cli_text(fg_role_name(t->role)),
                              cli_text(t->surface), cli_text(t->title)};

    return cli_printer_cells(payload, cells);
}

static int query_agency_tasks(fg_store *st, const void *ctx, cli_printer *p)
{
    return fg_store_agency_tasks(st, ctx, print_agency_task, p);
}

static int print_agency(const fg_store_agency_use_row *u, void *payload)
{
    const cli_cell cells[] = {cli_text(u->name),  cli_text(u->status),
                              cli_text(u->level), cli_text(u->type),
                              cli_int((long long)u->n_lead), cli_int((long long)u->n_co),
                              cli_int((long long)u->n_docs)};

    return cli_printer_cells(payload, cells);
}

static int print_unresolved(const fg_store_unresolved_row *u, void *payload)
{
    const cli_cell cells[] = {cli_text(u->name), cli_int((long long)u->n), cli_text(u->docs)};

    return cli_printer_cells(payload, cells);
}

static int query_agencies(fg_store *st, const void *ctx, cli_printer *p)
{
    if (*(const bool *)ctx)
        return fg_store_unresolved(st, print_unresolved, p);
    return fg_store_agencies(st, print_agency, p);
}

static const cli_opt agencies_opts[] = {
    {"unresolved", 0, NULL, 0, "the names the gazetteer does not know, with counts and documents"},
};

static int cmd_agencies(int argc, char **argv, const cli_global *g)
{
    static const char *const hdr[] = {"agency", "status", "level", "type", "lead", "co",
                                      "documents"};
    static const char *const hdr_u[] = {"name", "count", "documents"};
    static const char *const hdr_t[] = {"doc", "item", "clause", "role", "as_written", "title"};
    static const size_t numeric[] = {4, 5, 6, CLI_END};
    static const size_t numeric_u[] = {1, CLI_END};
    static const size_t numeric_t[] = {2, CLI_END};
    bool unresolved = false;
    cli_spec spec = {"agencies", agencies_usage, CLI_OPT_DB | CLI_OPT_LIST | CLI_OPT_GAZ,
                     agencies_opts, 1, cli_take_flag, &unresolved, NULL, NULL, false,
                     NULL};
    cli_args a;
    int first;
    cli_listing l = {"agencies", 7, hdr, numeric, query_agencies, &unresolved};
    fg_gazetteer *gz = NULL;
    const char *name;
    int rc = cli_parse(&a, &first, &spec, argc, argv);

    if (rc >= 0)
        return rc;
    if (first < argc && strcmp(argv[first], "show") == 0) {
        if (first + 2 != argc) {
            fprintf(stderr, "fengong agencies show: give exactly one NAME\n%s", agencies_usage);
            return CLI_USAGE;
        }
        /* a workbook that cannot be written fails before anything is printed */
        if (a.fmt == CLI_XLSX && a.output == NULL)
            return cli_print_listing(&a, &spec, &l, g);
        if (cli_load_gazetteer(&gz, a.gazetteers, a.n_gazetteers, g) < 0)
            return CLI_FAIL;
        name = argv[first + 1];
        print_entry(gz, &name);
        l = (cli_listing){"tasks", 6, hdr_t, numeric_t, query_agency_tasks, name};
        rc = cli_print_listing(&a, &spec, &l, g);
        fg_gazetteer_free(gz);
        return rc;
    }
    if (first < argc)
        return cli_usage_error(&spec, "unexpected argument '%s'", argv[first]);
    if (unresolved)
        l = (cli_listing){"unresolved", 3, hdr_u, numeric_u, query_agencies, &unresolved};
    return cli_print_listing(&a, &spec, &l, g);
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_documents = {"documents", cmd_documents, "list the stored documents"},
                  cli_cmd_remove = {"remove DOC...", cmd_remove, "delete stored documents"},
                  cli_cmd_search = {"search QUERY", cmd_search,
                                    "find stored items by text, with their agencies"},
                  cli_cmd_agencies = {"agencies", cmd_agencies,
                                      "agencies in the store; --unresolved, show NAME"};

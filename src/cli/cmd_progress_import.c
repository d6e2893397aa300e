/*
 * fengong progress import FILE... (store the rows of 督查 status tables) and progress imports
 * (list them). Argument checks and printing only: the work is fg_progress_import_file() and
 * fg_progress_imports().
 */
#include <stdio.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "progress.h"

static const char *miss_word(fg_miss_kind k)
{
    return k == FG_MISS_NO_DOC ? "no stored document of that name has tasks"
           : k == FG_MISS_NONE ? "no task matches"
                               : "several tasks match";
}

/* Print what the import of one file gave: its summary on stdout, its misses on stderr. */
static void print_result(const fg_progress_result *r, const char *name, const char *date)
{
    if (r->unchanged) {
        printf("unchanged %s (the same bytes were imported as %s)\n", name, r->previous);
    } else {
        printf("imported  %s (%s, %zu row%s: %zu stored — %zu by item, %zu by text, %zu by "
               "search — %zu not matched",
               name, fg_table_format_name(r->format), r->n_rows, r->n_rows == 1 ? "" : "s",
               r->n_imported, r->by_item, r->by_text, r->by_search, r->n_misses);
        if (r->n_undated)
            printf("; %zu without a date, dated %s", r->n_undated, date ? date : "today");
        printf(")\n");
    }
    for (size_t k = 0; k < r->n_misses; k++) {
        const fg_progress_miss *m = &r->misses[k];

        if (m->kind == FG_MISS_SEVERAL)
            fprintf(stderr, "%s:%zu: %zu tasks match, not imported: %s\n", name, m->line,
                    m->n_matches, m->given);
        else
            fprintf(stderr, "%s:%zu: %s, not imported: %s\n", name, m->line, miss_word(m->kind),
                    m->given);
    }
}

int cli_progress_import(const cli_args *a, const progress_opts *o, int argc, char **argv,
                        int first, const cli_global *g)
{
    fg_progress_import_opts io = FG_PROGRESS_IMPORT_OPTS_INIT;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    fg_store *st = NULL;
    int rc = CLI_OK;

    if (first >= argc) {
        fprintf(stderr, "fengong progress import: no FILE given\n%s", o->spec->usage);
        return CLI_USAGE;
    }
    if (o->as_of || o->coordination || a->output || a->limit || o->year_end) {
        fprintf(stderr,
                "fengong progress import: --as-of, --year-end, --by-coordination, "
                "--limit and -o do not apply to an import\n%s",
                o->spec->usage);
        return CLI_USAGE;
    }
    io.strict = o->strict;
    io.today = o->date;
    if (fg_store_open(&st, a->db, &so) < 0) {
        cli_report_error(g);
        return CLI_FAIL;
    }
    for (int i = first; i < argc; i++) {
        fg_progress_result *r = NULL;

        if (fg_progress_import_file(&r, st, argv[i], &io) < 0) {
            cli_report_error(g);
            rc = CLI_FAIL;
            continue;
        }
        print_result(r, argv[i], o->date);
        fg_progress_result_free(r);
    }
    fg_store_close(st);
    return rc;
}

static int query_imports(fg_store *st, const void *ctx, cli_printer *p)
{
    (void)ctx;
    return fg_progress_imports(st, cli_printer_row, p);
}

int cli_progress_imports(const cli_args *a, const cli_spec *spec, const cli_global *g)
{
    static const char *const hdr[] = {"id",     "file", "sha256",  "bytes",
                                      "format", "rows", "reports", "imported_at"};
    static const size_t numeric[] = {0, 3, 5, 6, CLI_END};
    cli_listing l = {"imports", 8, hdr, numeric, query_imports, NULL};

    return cli_print_listing(a, spec, &l, g);
}

/*
 * fengong ingest and index: documents into the store, read and parsed on a pool of threads
 * (pool.c) and stored in the order given by this thread; the search index brought up to date.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"
#include "pool.h"

static const char ingest_usage[] =
    "usage: fengong ingest [--db PATH] [--replace] [--gazetteer FILE]... [--roles FILE]...\n"
    "                      [--no-index] [--jobs N] FILE...\n"
    "\n"
    "Extract each FILE and store it in the database, one transaction per document: a\n"
    "document is stored whole or not at all. Ingesting an identical file again changes\n"
    "nothing; a changed file with the same name is refused unless --replace is given.\n"
    "Agency names are resolved through the bundled gazetteer (graphs/agencies.tsv);\n"
    "names it does not know are kept as unresolved: ingest says how many on stderr, and\n"
    "'fengong agencies --unresolved' lists them.\n"
    "The files are read and extracted by N threads while one thread stores them, in the\n"
    "order given. Then the search index is brought up to date.\n";

typedef struct ingest_run {
    fg_store *st;
    fg_ingest_opts io;
    const cli_global *g;
    int progress;
    size_t counts[4];
    size_t n_unparsed_docs; /* documents stored with statements not understood */
    size_t n_unresolved;    /* agency names the gazetteer does not know, summed over documents */
    size_t n_unresolved_docs;
    size_t n_files;
    int status;
} ingest_run;

static const char unresolved_hint[] =
    "  'fengong agencies --unresolved' lists them; a gazetteer file of your own (the TSV\n"
    "  format of graphs/agencies.tsv) adds them: give it with --gazetteer FILE\n";

/* Distinct names of kind agency in one list of (kind, name) that the gazetteer lacks. */
static int unresolved_add(const char ***names, size_t *n, size_t *cap, const fg_gazetteer *gz,
                          fg_kind kind, const char *name)
{
    if (kind != FG_KIND_AGENCY || fg_gazetteer_lookup(gz, name, strlen(name)) != NULL)
        return 0;
    for (size_t k = 0; k < *n; k++)
        if (strcmp((*names)[k], name) == 0)
            return 0;
    if (*n == *cap) {
        size_t nc = *cap ? 2 * *cap : 16;
        const char **nn = realloc(*names, nc * sizeof *nn);

        if (nn == NULL)
            return -1;
        *names = nn;
        *cap = nc;
    }
    (*names)[(*n)++] = name;
    return 0;
}

/*
 * The agency names of doc that are stored as unresolved: those of kind agency (not groups or
 * generic references) the gazetteer does not know, as the store resolves them; each counted
 * once. 0 when the gazetteer is NULL or memory runs out (the count is a hint).
 */
static size_t count_unresolved(const fg_doc *doc, const fg_gazetteer *gz)
{
    const char **names = NULL;
    size_t n = 0;
    size_t cap = 0;
    int rc = 0;

    if (gz == NULL)
        return 0;
    for (size_t i = 0; rc == 0 && i < doc->n_items; i++) {
        const fg_item *it = &doc->items[i];

        for (size_t c = 0; rc == 0 && c < it->n_clauses; c++) {
            const fg_clause *cl = &it->clauses[c];

            for (size_t k = 0; rc == 0 && k < cl->n_assignments; k++)
                rc = unresolved_add(&names, &n, &cap, gz, cl->assignments[k].kind,
                                    cl->assignments[k].agency);
        }
    }
    for (size_t t = 0; rc == 0 && t < doc->n_teams; t++)
        for (size_t m = 0; rc == 0 && m < doc->teams[t].n_members; m++)
            rc = unresolved_add(&names, &n, &cap, gz, doc->teams[t].members[m].kind,
                                doc->teams[t].members[m].agency);
    free(names);
    return rc == 0 ? n : 0;
}

/* Store one parsed file and say what happened; i and n for the progress line. */
static void store_one(cli_doc_job *p, size_t i, void *payload)
{
    ingest_run *r = payload;
    const char *path = p->path;
    size_t n = r->n_files;
    static const char *const verbs[] = {"added", "unchanged", "replaced", "duplicate"};
    fg_ingest_status is;
    fg_doc_stats stats;
    char unparsed[48] = ""; /* ", N not understood" when the document has notes */

    if (r->progress)
        fprintf(stderr, "\ringest: %zu/%zu %.60s\033[K", i + 1, n, path);
    if (p->text == NULL) {
        if (r->progress)
            fputc('\n', stderr);
        cli_report(&p->err, r->g);
        r->status = CLI_FAIL;
        return;
    }
    for (size_t w = 0; w < p->text->n_warnings; w++)
        fprintf(stderr, "fengong: %s\n", p->text->warnings[w].message);
    if (p->doc == NULL ||
        fg_store_ingest(&is, r->st, p->doc, fg_text_sha256(p->text), p->text->n_bytes, &r->io) <
            0) {
        if (r->progress)
            fputc('\n', stderr);
        if (p->doc == NULL)
            cli_report(&p->err, r->g);
        else
            cli_report_error(r->g);
        r->status = CLI_FAIL;
        return;
    }
    fg_doc_stats_get(&stats, p->doc);
    r->counts[is]++;
    if (p->doc->n_notes > 0 && (is == FG_INGEST_ADDED || is == FG_INGEST_REPLACED))
        r->n_unparsed_docs++;
    if (is == FG_INGEST_DUPLICATE)
        fprintf(stderr, "fengong: %s\n", fg_error_last()->message);
    if (p->doc->n_notes > 0)
        snprintf(unparsed, sizeof unparsed, ", %zu not understood", p->doc->n_notes);
    if (!r->progress)
        printf("%-9s %s (%zu items, %zu clauses, %zu assignments, %zu teams%s)\n", verbs[is],
               p->doc->name, stats.n_items, stats.n_clauses, stats.n_lead + stats.n_co,
               p->doc->n_teams, unparsed);
    if (is == FG_INGEST_ADDED || is == FG_INGEST_REPLACED) {
        size_t nu = count_unresolved(p->doc, r->io.gazetteer);

        r->n_unresolved += nu;
        r->n_unresolved_docs += nu > 0;
        if (nu > 0 && !r->progress) {
            fflush(stdout);
            fprintf(stderr, "fengong: %s: %zu agency %s not in the gazetteer, stored as "
                    "unresolved\n", p->doc->name, nu, nu == 1 ? "name" : "names");
        }
    }
}

enum { O_REPLACE, O_NO_INDEX }; /* the index of each flag */

static const cli_opt ingest_opts[] = {
    {"replace", 0, NULL, O_REPLACE, "swap a stored document of the same name for the new content"},
    {"no-index", 0, NULL, O_NO_INDEX, "leave the search index as it is: search still finds the "
                                      "new\ndocuments (by a scan, slower); 'fengong index' or "
                                      "the next\ningest without --no-index indexes them"},
};

static int cmd_ingest(int argc, char **argv, const cli_global *g)
{
    bool created;
    bool fl[2] = {false, false};
    cli_spec spec = {"ingest", ingest_usage,
                     CLI_OPT_DB | CLI_OPT_GAZ | CLI_OPT_ROLES | CLI_OPT_JOBS, ingest_opts, 2,
                     cli_take_flag, fl, NULL, NULL, false, "X+\0no FILE given"};
    cli_read_opts ro = {NULL, false, false, false};
    cli_args a;
    int first;
    fg_gazetteer *gz = NULL;
    fg_lexicon *lex = NULL;
    ingest_run r;
    int rc = cli_begin(&a, &first, &spec, argc, argv, NULL);
    size_t n_files;

    if (rc >= 0)
        return rc;
    n_files = (size_t)(argc - first);
    memset(&r, 0, sizeof r);
    r.g = g;
    r.status = CLI_OK;
    r.n_files = n_files;
    r.progress = isatty(STDERR_FILENO) && n_files > 1;
    if (cli_load_gazetteer(&gz, a.gazetteers, a.n_gazetteers, g) < 0)
        return CLI_FAIL;
    if (cli_load_lexicon(&lex, a.roles, a.n_roles, g) < 0) {
        fg_gazetteer_free(gz);
        return CLI_FAIL;
    }
    {
        struct stat sb;

        created = strcmp(a.db, ":memory:") != 0 && stat(a.db, &sb) != 0 && errno == ENOENT;
    }
    if (fg_store_open(&r.st, a.db, NULL) < 0) {
        cli_report_error(g);
        fg_gazetteer_free(gz);
        fg_lexicon_free(lex);
        return CLI_FAIL;
    }
    r.io.replace = fl[O_REPLACE];
    r.io.gazetteer = gz;
    ro.lex = lex;
    ro.tracking = true; /* the store keeps deadlines and targets (issue 18) */
    if (cli_read_docs(argv + first, n_files, a.jobs ? a.jobs : cli_default_jobs(), &ro,
                      store_one, &r) < 0)
        r.status = CLI_FAIL;
    /* Also after a run that added nothing: a run with --no-index may have left items. */
    if (!fl[O_NO_INDEX]) {
        size_t n_indexed = 0;

        if (r.progress)
            fprintf(stderr, "\ringest: updating the search index\033[K");
        if (fg_store_index(r.st, &n_indexed) < 0) {
            cli_report_error(g);
            r.status = CLI_FAIL;
        }
    }
    if (r.progress)
        fprintf(stderr, "\ringest: %zu files: %zu added, %zu replaced, %zu unchanged, "
                "%zu duplicate\033[K\n", n_files, r.counts[0], r.counts[2], r.counts[1],
                r.counts[3]);
    if (r.progress && r.n_unresolved > 0)
        fprintf(stderr, "ingest: %zu of them with agency names not in the gazetteer (%zu, counted "
                "per document), stored as unresolved\n", r.n_unresolved_docs, r.n_unresolved);
    if (r.n_unresolved > 0)
        fputs(unresolved_hint, stderr); /* once, after the documents' lines */
    if (r.progress && r.n_unparsed_docs > 0)
        fprintf(stderr, "ingest: %zu of them with statements not understood (the unparsed "
                "column of 'fengong documents'; 'fengong extract --explain FILE')\n",
                r.n_unparsed_docs);
    fg_store_close(r.st);
    /* A database this run created and stored nothing in is not left behind, unless
     * another process stored documents in it or has it open. */
    if (created && r.counts[FG_INGEST_ADDED] + r.counts[FG_INGEST_REPLACED] == 0)
        fg_store_drop_unused(a.db, NULL); /* FG_ENOMEM: the file stays, no harm */
    fg_gazetteer_free(gz);
    fg_lexicon_free(lex);
    return r.status;
}

/* ---- index ---- */

static const cli_spec index_spec = {
    .name = "index",
    .groups = CLI_OPT_DB,
    .usage =
        "usage: fengong index [--db PATH]\n"
        "\n"
        "Bring the search index up to date with the stored tasks: what 'ingest --no-index'\n"
        "left, or an ingest that was interrupted while it indexed. The index is written in\n"
        "chunks of up to 100,000 tasks, each in its own transaction of a few seconds at\n"
        "most, so that other writers get their turn; search finds the tasks not yet\n"
        "indexed by a scan. Prints how many tasks were indexed.\n",
};

static int cmd_index(int argc, char **argv, const cli_global *g)
{
    cli_args a;
    int first;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    size_t n_indexed = 0;
    int rc = cli_begin(&a, &first, &index_spec, argc, argv, NULL);

    if (rc >= 0)
        return rc;
    so.must_exist = 1; /* indexing a database that is not there would create an empty one */
    if (fg_store_open(&st, a.db, &so) < 0) {
        cli_report_error(g);
        return CLI_FAIL;
    }
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "index: updating the search index\033[K");
    rc = fg_store_index(st, &n_indexed);
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "\r\033[K");
    if (rc < 0)
        cli_report_error(g);
    else
        printf("indexed %zu tasks\n", n_indexed);
    fg_store_close(st);
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_ingest = {"ingest FILE...", cmd_ingest,
                                    "extract and store documents in the database (SQLite)"},
                  cli_cmd_index = {"index", cmd_index,
                                   "bring the search index up to date (after ingest --no-index)"};

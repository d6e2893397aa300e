/*
 * Commands over the store: ingest, documents, remove, search, agencies. Argument parsing,
 * the database path (--db, then $FENGONG_DB, then ./fengong.db) and printing only; all the
 * work is done by fg_store_* and fg_gazetteer_*.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "table.h"

const char *cli_db_path(const char *opt)
{
    const char *env = getenv("FENGONG_DB");

    if (opt && opt[0])
        return opt;
    if (env && env[0])
        return env;
    return "fengong.db";
}

/* ---- common options ---- */

typedef struct store_args {
    const char *db;
    cli_format fmt;
    const char *output;         /* -o FILE: the workbook of --format xlsx */
    int replace;
    int unresolved;
    int no_index;
    int jobs;                   /* 0: one per CPU */
    size_t limit;
    const char *gazetteers[16];
    size_t n_gazetteers;
    const char *roles[16];      /* --roles files */
    size_t n_roles;
} store_args;

/*
 * Parse the options shared by the store commands. Returns -1 to go on, or an exit code.
 * allowed: which of "rgulnjRo" (replace, gazetteer, unresolved, limit, no-index, jobs, roles,
 * output) the command takes.
 */
static int parse_args(store_args *a, int argc, char **argv, const char *usage,
                      const char *allowed)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {"replace", no_argument, NULL, 'r'},
        {"gazetteer", required_argument, NULL, 'g'},
        {"unresolved", no_argument, NULL, 'u'},
        {"limit", required_argument, NULL, 'l'},
        {"no-index", no_argument, NULL, 'n'},
        {"jobs", required_argument, NULL, 'j'},
        {"roles", required_argument, NULL, 'R'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int li = 0;
    int c;
    int f;

    memset(a, 0, sizeof *a);
    a->fmt = isatty(STDOUT_FILENO) ? CLI_TABLE : CLI_TSV;
    a->limit = 0; /* all rows; search takes 50 unless told */
    opterr = 0;
    while ((c = getopt_long(argc, argv, "d:f:o:h", opts, &li)) != -1) {
        if ((c == 'r' || c == 'g' || c == 'u' || c == 'l' || c == 'n' || c == 'j' ||
             c == 'R' || c == 'o') &&
            strchr(allowed, c) == NULL) {
            /* By its name: argv[optind - 1] is the value of an option that takes one, and
             * getopt sets li only for a long option. */
            while (opts[li].val != c)
                li++;
            fprintf(stderr, "fengong %s: option '--%s' does not apply here\n%s", argv[0],
                    opts[li].name, usage);
            return CLI_USAGE;
        }
        li = 0;
        switch (c) {
        case 'd':
            a->db = optarg;
            break;
        case 'f':
            if (cli_format_option(&f, argv[0], optarg) < 0)
                return CLI_USAGE;
            a->fmt = (cli_format)f;
            break;
        case 'o':
            a->output = optarg;
            break;
        case 'r':
            a->replace = 1;
            break;
        case 'g':
            if (a->n_gazetteers == sizeof a->gazetteers / sizeof a->gazetteers[0]) {
                fprintf(stderr, "fengong %s: too many --gazetteer files\n", argv[0]);
                return CLI_USAGE;
            }
            a->gazetteers[a->n_gazetteers++] = optarg;
            break;
        case 'R':
            if (a->n_roles == sizeof a->roles / sizeof a->roles[0]) {
                fprintf(stderr, "fengong %s: too many --roles files\n", argv[0]);
                return CLI_USAGE;
            }
            a->roles[a->n_roles++] = optarg;
            break;
        case 'u':
            a->unresolved = 1;
            break;
        case 'n':
            a->no_index = 1;
            break;
        case 'j': {
            char *end = NULL;
            long v = strtol(optarg, &end, 10);

            if (end == optarg || *end != '\0' || v < 1 || v > 64) {
                fprintf(stderr, "fengong %s: --jobs needs a number from 1 to 64\n", argv[0]);
                return CLI_USAGE;
            }
            a->jobs = (int)v;
            break;
        }
        case 'l': {
            char *end = NULL;
            long v = strtol(optarg, &end, 10);

            if (end == optarg || *end != '\0' || v < 1) {
                fprintf(stderr, "fengong %s: --limit needs a positive number\n", argv[0]);
                return CLI_USAGE;
            }
            a->limit = (size_t)v;
            break;
        }
        case 'h':
            fputs(usage, stdout);
            return CLI_OK;
        case ':':
            fprintf(stderr, "fengong %s: option '%s' needs a value\n%s", argv[0],
                    argv[optind - 1], usage);
            return CLI_USAGE;
        default:
            fprintf(stderr, "fengong %s: unknown option '%s'\n%s", argv[0], argv[optind - 1],
                    usage);
            return CLI_USAGE;
        }
    }
    a->db = cli_db_path(a->db);
    return -1;
}

int cli_load_gazetteer(fg_gazetteer **out, const char *const *files, size_t n,
                       const cli_global *g)
{
    fg_gazetteer *gz = NULL;

    if (fg_gazetteer_load_default(&gz) < 0) {
        cli_report_error(g);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (fg_gazetteer_merge_file(gz, files[i]) < 0) {
            cli_report_error(g);
            fg_gazetteer_free(gz);
            return -1;
        }
    }
    *out = gz;
    return 0;
}

int cli_load_lexicon(fg_lexicon **out, const char *const *files, size_t n, const cli_global *g)
{
    fg_lexicon *lx = NULL;

    *out = NULL;
    if (n == 0)
        return 0;
    if (fg_lexicon_load_default(&lx) < 0) {
        cli_report_error(g);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (fg_lexicon_merge_file(lx, files[i]) < 0) {
            cli_report_error(g);
            fg_lexicon_free(lx);
            return -1;
        }
    }
    *out = lx;
    return 0;
}

/* ---- ingest ---- */

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
    "order given. Then the search index is brought up to date.\n"
    "\n"
    "options:\n"
    "      --db PATH         database (default $FENGONG_DB, else ./fengong.db)\n"
    "      --replace         swap a stored document of the same name for the new content\n"
    "      --gazetteer FILE  merge your own agency list (same TSV format) on top\n"
    "      --roles FILE      merge your own role labels (graphs/roles.tsv format) on top\n"
    "      --no-index        leave the search index as it is: search still finds the new\n"
    "                        documents (by a scan, slower); 'fengong index' or the next\n"
    "                        ingest without --no-index indexes them\n"
    "      --jobs N          threads that read and extract the files (default: one per CPU)\n"
    "  -h, --help            show this help\n";

/*
 * The files are read and parsed by worker threads into one slot per file; the writer (the
 * calling thread) takes the slots in order, so output and messages keep the order of the
 * files. At most `window` files are read ahead of the writer, which bounds the memory.
 */
typedef struct parsed {
    fg_text *text;       /* NULL when the file could not be read */
    fg_doc *doc;         /* NULL when it could not be read or extracted */
    fg_error err;        /* the worker's error when text or doc is NULL */
    int ready;
} parsed;

typedef struct pipeline {
    char *const *files;
    const fg_lexicon *lex;   /* --roles, or NULL */
    size_t n;
    parsed *slots;
    size_t next;         /* the next file a worker takes */
    size_t taken;        /* files the writer is done with */
    size_t window;
    int stop;            /* no more files to start */
    pthread_mutex_t mu;
    pthread_cond_t ready;  /* a slot became ready */
    pthread_cond_t space;  /* the writer took a slot, or stop */
} pipeline;

static void parse_one(parsed *p, const char *path, const fg_lexicon *lex)
{
    fg_parse_opts po = FG_PARSE_OPTS_INIT;

    po.lexicon = lex;
    if (fg_text_read_file(&p->text, path) < 0) {
        p->text = NULL;
        p->err = *fg_error_last();
        return;
    }
    po.name = path;
    if (fg_parse_document(&p->doc, p->text, &po) < 0) {
        p->doc = NULL;
        p->err = *fg_error_last();
    }
}

static void *parse_worker(void *arg)
{
    pipeline *pl = arg;

    pthread_mutex_lock(&pl->mu);
    for (;;) {
        size_t i;

        while (!pl->stop && pl->next < pl->n && pl->next >= pl->taken + pl->window)
            pthread_cond_wait(&pl->space, &pl->mu);
        if (pl->stop || pl->next >= pl->n)
            break;
        i = pl->next++;
        pthread_mutex_unlock(&pl->mu);
        parse_one(&pl->slots[i], pl->files[i], pl->lex);
        pthread_mutex_lock(&pl->mu);
        pl->slots[i].ready = 1;
        pthread_cond_broadcast(&pl->ready);
    }
    pthread_mutex_unlock(&pl->mu);
    return NULL;
}

/* Wait for slot i; the caller frees its text and doc and then calls pipeline_done(). */
static parsed *pipeline_wait(pipeline *pl, size_t i)
{
    pthread_mutex_lock(&pl->mu);
    while (!pl->slots[i].ready)
        pthread_cond_wait(&pl->ready, &pl->mu);
    pthread_mutex_unlock(&pl->mu);
    return &pl->slots[i];
}

static void pipeline_done(pipeline *pl)
{
    pthread_mutex_lock(&pl->mu);
    pl->taken++;
    pthread_cond_broadcast(&pl->space);
    pthread_mutex_unlock(&pl->mu);
}

/* Stop the workers (they finish the file in hand) and free every slot not taken. */
static void pipeline_stop(pipeline *pl, pthread_t *threads, size_t n_threads)
{
    pthread_mutex_lock(&pl->mu);
    pl->stop = 1;
    pthread_cond_broadcast(&pl->space);
    pthread_mutex_unlock(&pl->mu);
    for (size_t t = 0; t < n_threads; t++)
        pthread_join(threads[t], NULL);
    for (size_t i = pl->taken; i < pl->n; i++) {
        fg_doc_free(pl->slots[i].doc);
        fg_text_free(pl->slots[i].text);
    }
}

/* cli_report_error() for an error raised on another thread. */
static void report_error(const fg_error *e, const cli_global *g)
{
    fprintf(stderr, "fengong: %s\n", e->message[0] ? e->message : fg_error_name(e->code));
    if (g && g->debug && e->src_file)
        fprintf(stderr, "fengong: (raised at %s:%d, %s)\n", e->src_file, e->src_line,
                fg_error_name(e->code));
}

typedef struct ingest_run {
    fg_store *st;
    fg_ingest_opts io;
    const cli_global *g;
    int progress;
    size_t counts[4];
    size_t n_unparsed_docs; /* documents stored with statements not understood */
    size_t n_unresolved;    /* agency names the gazetteer does not know, summed over documents */
    size_t n_unresolved_docs;
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
static void store_one(ingest_run *r, parsed *p, const char *path, size_t i, size_t n)
{
    static const char *const verbs[] = {"added", "unchanged", "replaced", "duplicate"};
    fg_ingest_status is;
    fg_doc_stats stats;
    char unparsed[48] = ""; /* ", N not understood" when the document has notes */

    if (r->progress)
        fprintf(stderr, "\ringest: %zu/%zu %.60s\033[K", i + 1, n, path);
    if (p->text == NULL) {
        if (r->progress)
            fputc('\n', stderr);
        report_error(&p->err, r->g);
        r->status = CLI_FAIL;
        return;
    }
    for (size_t w = 0; w < p->text->n_warnings; w++)
        fprintf(stderr, "fengong: %s\n", p->text->warnings[w].message);
    if (p->doc == NULL || fg_store_ingest(&is, r->st, p->doc, fg_text_sha256(p->text),
                                          p->text->n_bytes, &r->io) < 0) {
        if (r->progress)
            fputc('\n', stderr);
        if (p->doc == NULL)
            report_error(&p->err, r->g);
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

/* Read and parse the files on n_jobs threads and store them in order on this one. */
static int store_files(ingest_run *r, char *const *files, size_t n, size_t n_jobs,
                       const fg_lexicon *lex)
{
    pipeline pl;
    pthread_t threads[64];
    size_t n_threads = 0;

    memset(&pl, 0, sizeof pl);
    pl.files = files;
    pl.lex = lex;
    pl.n = n;
    pl.window = 4 * n_jobs;
    pl.slots = calloc(n, sizeof *pl.slots);
    if (pl.slots == NULL) {
        fprintf(stderr, "fengong: out of memory\n");
        return CLI_FAIL;
    }
    pthread_mutex_init(&pl.mu, NULL);
    pthread_cond_init(&pl.ready, NULL);
    pthread_cond_init(&pl.space, NULL);
    for (; n_threads < n_jobs; n_threads++) {
        if (pthread_create(&threads[n_threads], NULL, parse_worker, &pl) != 0)
            break;
    }
    if (n_threads == 0) {
        fprintf(stderr, "fengong: cannot start a thread\n");
        r->status = CLI_FAIL;
    }
    for (size_t i = 0; n_threads > 0 && i < n; i++) {
        parsed *p = pipeline_wait(&pl, i);

        store_one(r, p, files[i], i, n);
        fg_doc_free(p->doc);
        fg_text_free(p->text);
        pipeline_done(&pl);
    }
    pipeline_stop(&pl, threads, n_threads);
    pthread_cond_destroy(&pl.space);
    pthread_cond_destroy(&pl.ready);
    pthread_mutex_destroy(&pl.mu);
    free(pl.slots);
    return r->status;
}

static size_t default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    return n < 1 ? 1 : n > 64 ? 64 : (size_t)n;
}

/* Delete a database file and its companions (-wal, -shm, -journal). */
static void remove_database(const char *db)
{
    static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
    size_t n = strlen(db) + 16;
    char *p = malloc(n);

    if (p == NULL)
        return;
    for (size_t k = 0; k < sizeof ext / sizeof *ext; k++) {
        snprintf(p, n, "%s%s", db, ext[k]);
        unlink(p);
    }
    free(p);
}

int cmd_ingest(int argc, char **argv, const cli_global *g)
{
    bool created;
    store_args a;
    fg_gazetteer *gz = NULL;
    fg_lexicon *lex = NULL;
    ingest_run r;
    int rc = parse_args(&a, argc, argv, ingest_usage, "rgnjR");
    size_t n_files;

    if (rc >= 0)
        return rc;
    if (optind >= argc) {
        fprintf(stderr, "fengong ingest: no FILE given\n%s", ingest_usage);
        return CLI_USAGE;
    }
    n_files = (size_t)(argc - optind);
    memset(&r, 0, sizeof r);
    r.g = g;
    r.status = CLI_OK;
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
    r.io.replace = a.replace;
    r.io.gazetteer = gz;
    store_files(&r, argv + optind, n_files, a.jobs ? (size_t)a.jobs : default_jobs(), lex);
    /* Also after a run that added nothing: a run with --no-index may have left items. */
    if (!a.no_index) {
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
    /* A database this run created and stored nothing in is not left behind. */
    if (created && r.counts[FG_INGEST_ADDED] + r.counts[FG_INGEST_REPLACED] == 0)
        remove_database(a.db);
    fg_gazetteer_free(gz);
    fg_lexicon_free(lex);
    return r.status;
}

/* ---- index ---- */

static const char index_usage[] =
    "usage: fengong index [--db PATH]\n"
    "\n"
    "Bring the search index up to date with the stored tasks: what 'ingest --no-index'\n"
    "left, or an ingest that was interrupted while it indexed. The index is written in\n"
    "chunks of 100,000 tasks, each in its own transaction; search finds the tasks not\n"
    "yet indexed by a scan. Prints how many tasks were indexed.\n"
    "\n"
    "options:\n"
    "      --db PATH         database (default $FENGONG_DB, else ./fengong.db)\n"
    "  -h, --help            show this help\n";

int cmd_index(int argc, char **argv, const cli_global *g)
{
    store_args a;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    size_t n_indexed = 0;
    int rc = parse_args(&a, argc, argv, index_usage, "");

    if (rc >= 0)
        return rc;
    if (optind < argc) {
        fprintf(stderr, "fengong index: unexpected argument '%s'\n%s", argv[optind],
                index_usage);
        return CLI_USAGE;
    }
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

/* ---- documents, remove ---- */

static const char documents_usage[] =
    "usage: fengong documents [--db PATH] [--limit N]\n"
    "                         [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "\n"
    "List the stored documents with their 文号, year, date and counts. format is the reader\n"
    "that made the text (text, docx, pdf, html). unparsed is the\n"
    "number of statements with role words that were not understood ('fengong extract\n"
    "--explain FILE' lists them; empty for a document stored by a fengong before them).\n"
    "--format xlsx -o FILE writes an Excel workbook with a sheet 'documents'.\n" CLI_LISTING_HELP;

int cmd_documents(int argc, char **argv, const cli_global *g)
{
    static const char *const hdr[] = {"doc",   "doc_number", "year",     "date",
                                      "items", "clauses",    "assignments", "teams",
                                      "unparsed", "format", "title",   "sha256",   "ingested_at"};
    store_args a;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    cli_output out;
    cli_printer p;
    int rc = parse_args(&a, argc, argv, documents_usage, "lo");

    if (rc >= 0)
        return rc;
    if (optind < argc) {
        fprintf(stderr, "fengong documents: unexpected argument '%s'\n%s", argv[optind],
                documents_usage);
        return CLI_USAGE;
    }
    rc = cli_output_open(&out, "documents", a.fmt, a.output, documents_usage);
    if (rc != CLI_OK)
        return rc;
    so.read_only = 1;
    if (fg_store_open(&st, a.db, &so) < 0) {
        cli_report_error(g);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cli_printer_begin(&p, &out, "documents", a.fmt == CLI_TABLE ? 11 : 13, hdr);
    cli_printer_limit(&p, a.limit);
    cli_printer_numeric(&p, 2);
    for (size_t k = 4; k <= 8; k++)
        cli_printer_numeric(&p, k);
    rc = fg_store_documents(st, cli_printer_row, &p);
    cli_printer_end(&p);
    if (rc < 0)
        cli_report_error(g);
    fg_store_close(st);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

static const char remove_usage[] =
    "usage: fengong remove [--db PATH] DOC...\n"
    "\n"
    "Delete stored documents (by the name 'fengong documents' shows) and everything\n"
    "extracted from them, each in its own transaction.\n";

int cmd_remove(int argc, char **argv, const cli_global *g)
{
    store_args a;
    fg_store *st = NULL;
    int status = CLI_OK;
    int rc = parse_args(&a, argc, argv, remove_usage, "");

    if (rc >= 0)
        return rc;
    if (optind >= argc) {
        fprintf(stderr, "fengong remove: no DOC given\n%s", remove_usage);
        return CLI_USAGE;
    }
    if (fg_store_open(&st, a.db, NULL) < 0) {
        cli_report_error(g);
        return CLI_FAIL;
    }
    for (int i = optind; i < argc; i++) {
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

/* ---- search ---- */

static const char search_usage[] =
    "usage: fengong search [--db PATH] [--limit N]\n"
    "                      [--format table|tsv|csv|json | --format xlsx -o FILE] QUERY\n"
    "\n"
    "List stored tasks whose title or text contains QUERY, with their lead and\n"
    "co-operating agencies (at most N, default 50): tasks with responsibility clauses\n"
    "first, then those whose title holds QUERY, then by relevance. Chinese works\n"
    "without spaces: queries of three characters or more use a trigram index, shorter\n"
    "ones a scan. --format xlsx -o FILE writes an Excel workbook with a sheet 'search'.\n"
    CLI_LISTING_HELP;

int cmd_search(int argc, char **argv, const cli_global *g)
{
    static const char *const hdr[] = {"doc", "item", "title", "lead", "co"};
    store_args a;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    cli_output out;
    cli_printer p;
    int rc = parse_args(&a, argc, argv, search_usage, "lo");

    if (rc >= 0)
        return rc;
    if (optind + 1 != argc) {
        fprintf(stderr, "fengong search: give exactly one QUERY\n%s", search_usage);
        return CLI_USAGE;
    }
    rc = cli_output_open(&out, "search", a.fmt, a.output, search_usage);
    if (rc != CLI_OK)
        return rc;
    so.read_only = 1;
    if (fg_store_open(&st, a.db, &so) < 0) {
        cli_report_error(g);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cli_printer_begin(&p, &out, "search", 5, hdr);
    rc = fg_store_search(st, argv[optind], a.limit > 0 ? a.limit : 50, cli_printer_row, &p);
    cli_printer_end(&p);
    if (rc < 0)
        cli_report_error(g);
    fg_store_close(st);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

/* ---- agencies ---- */

static const char agencies_usage[] =
    "usage: fengong agencies [--db PATH] [--unresolved] [--limit N]\n"
    "                        [--format table|tsv|csv|json | --format xlsx -o FILE]\n"
    "       fengong agencies [--db PATH] [--gazetteer FILE]... show NAME\n"
    "\n"
    "List the agencies named in the store with their lead and co counts; --unresolved\n"
    "lists the names the gazetteer does not know, with counts and the documents they\n"
    "come from. 'show NAME' prints an agency's aliases, history and all its tasks.\n"
    "--format xlsx -o FILE writes an Excel workbook with a sheet 'agencies' ('unresolved',\n"
    "or 'tasks' for show).\n" CLI_LISTING_HELP;

static int show_agency(const store_args *a, const char *name, const cli_global *g)
{
    static const char *const hdr[] = {"doc", "item", "clause", "role", "as_written", "title"};
    fg_gazetteer *gz = NULL;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    const fg_agency_entry *e;
    cli_output out;
    cli_printer p;
    int rc = cli_output_open(&out, "agencies", a->fmt, a->output, agencies_usage);

    if (rc != CLI_OK)
        return rc;
    if (cli_load_gazetteer(&gz, a->gazetteers, a->n_gazetteers, g) < 0) {
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    e = fg_gazetteer_lookup(gz, name, strlen(name));
    if (e) {
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
        name = e->canonical;
    } else {
        printf("agency:    %s (not in the gazetteer)\n\n", name);
    }
    so.read_only = 1;
    if (fg_store_open(&st, a->db, &so) < 0) {
        cli_report_error(g);
        fg_gazetteer_free(gz);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    cli_printer_begin(&p, &out, "tasks", 6, hdr);
    cli_printer_limit(&p, a->limit);
    cli_printer_numeric(&p, 2);
    rc = fg_store_agency_tasks(st, name, cli_printer_row, &p);
    cli_printer_end(&p);
    if (rc < 0)
        cli_report_error(g);
    fg_store_close(st);
    fg_gazetteer_free(gz);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

int cmd_agencies(int argc, char **argv, const cli_global *g)
{
    static const char *const hdr[] = {"agency", "status", "level", "type", "lead", "co",
                                      "documents"};
    static const char *const hdr_u[] = {"name", "count", "documents"};
    store_args a;
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    cli_output out;
    cli_printer p;
    int rc = parse_args(&a, argc, argv, agencies_usage, "ulgo");

    if (rc >= 0)
        return rc;
    if (optind < argc && strcmp(argv[optind], "show") == 0) {
        if (optind + 2 != argc) {
            fprintf(stderr, "fengong agencies show: give exactly one NAME\n%s", agencies_usage);
            return CLI_USAGE;
        }
        return show_agency(&a, argv[optind + 1], g);
    }
    if (optind < argc) {
        fprintf(stderr, "fengong agencies: unexpected argument '%s'\n%s", argv[optind],
                agencies_usage);
        return CLI_USAGE;
    }
    rc = cli_output_open(&out, "agencies", a.fmt, a.output, agencies_usage);
    if (rc != CLI_OK)
        return rc;
    so.read_only = 1;
    if (fg_store_open(&st, a.db, &so) < 0) {
        cli_report_error(g);
        cli_output_close(&out, false);
        return CLI_FAIL;
    }
    if (a.unresolved) {
        cli_printer_begin(&p, &out, "unresolved", 3, hdr_u);
        cli_printer_numeric(&p, 1);
    } else {
        cli_printer_begin(&p, &out, "agencies", 7, hdr);
        for (size_t k = 4; k <= 6; k++)
            cli_printer_numeric(&p, k);
    }
    cli_printer_limit(&p, a.limit);
    rc = fg_store_agencies(st, a.unresolved, cli_printer_row, &p);
    cli_printer_end(&p);
    if (rc < 0)
        cli_report_error(g);
    fg_store_close(st);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

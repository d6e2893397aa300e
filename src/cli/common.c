/*
 * What every command needs besides its own work: the database path, the gazetteer and role
 * lexicon with the user's files merged, error reports (for an error of this thread or one
 * copied from a worker), number parsing, folders, the default number of threads, and the
 * store and graph opened for reading.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"

const char *cli_db_path(const char *opt)
{
    const char *env = getenv("FENGONG_DB");

    if (opt && opt[0])
        return opt;
    if (env && env[0])
        return env;
    return "fengong.db";
}

void cli_report(const fg_error *e, const cli_global *g)
{
    fprintf(stderr, "fengong: %s\n", e->message[0] ? e->message : fg_error_name(e->code));
    if (g && g->debug && e->src_file)
        fprintf(stderr, "fengong: (raised at %s:%d, %s)\n", e->src_file, e->src_line,
                fg_error_name(e->code));
}

void cli_report_error(const cli_global *g)
{
    cli_report(fg_error_last(), g);
}

static int merge_gazetteer(void *obj, const char *file)
{
    return fg_gazetteer_merge_file(obj, file);
}

static int merge_lexicon(void *obj, const char *file)
{
    return fg_lexicon_merge_file(obj, file);
}

/* Merge files into obj with merge(): 0, or -1 after reporting (obj is the caller's). */
static int merge_files(void *obj, int (*merge)(void *, const char *), const char *const *files,
                       size_t n, const cli_global *g)
{
    for (size_t i = 0; i < n; i++) {
        if (merge(obj, files[i]) < 0) {
            cli_report_error(g);
            return -1;
        }
    }
    return 0;
}

int cli_load_gazetteer(fg_gazetteer **out, const char *const *files, size_t n,
                       const cli_global *g)
{
    *out = NULL;
    if (fg_gazetteer_load_default(out) < 0) {
        cli_report_error(g);
        return -1;
    }
    if (merge_files(*out, merge_gazetteer, files, n, g) < 0) {
        fg_gazetteer_free(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

int cli_load_lexicon(fg_lexicon **out, const char *const *files, size_t n, const cli_global *g)
{
    int rc;

    *out = NULL;
    if (n == 0)
        return 0; /* the bundled lexicon */
    rc = fg_lexicon_load_default(out);
    if (rc < 0)
        cli_report_error(g);
    else
        rc = merge_files(*out, merge_lexicon, files, n, g);
    if (rc == 0)
        return 0;
    fg_lexicon_free(*out);
    *out = NULL;
    return -1;
}

int cli_parse_long(const char *s, long lo, long hi, long *out)
{
    char *end = NULL;
    long v;

    if (s == NULL)
        return -1;
    v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int cli_make_dirs(const char *path)
{
    if (fg_make_dirs(path) < 0) {
        fprintf(stderr, "fengong: %s\n", fg_error_last()->message);
        return -1;
    }
    return 0;
}

size_t cli_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    return n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (size_t)n;
}

int cli_open_graph(fg_graph **g, fg_gazetteer **gz, const cli_args *a, const cli_global *gl)
{
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    int rc;

    *g = NULL;
    *gz = NULL;
    if (cli_load_gazetteer(gz, a->gazetteers, a->n_gazetteers, gl) < 0)
        return -1;
    so.read_only = 1;
    if (fg_store_open(&st, a->db, &so) < 0) {
        cli_report_error(gl);
        fg_gazetteer_free(*gz);
        *gz = NULL;
        return -1;
    }
    rc = fg_graph_load(g, st, *gz, &a->filter);
    fg_store_close(st);
    if (rc < 0) {
        cli_report_error(gl);
        fg_gazetteer_free(*gz);
        *gz = NULL;
        return -1;
    }
    return 0;
}

int cli_open_output_graph(cli_output *out, fg_graph **g, fg_gazetteer **gz, const cli_args *a,
                          const cli_spec *spec, const cli_global *gl)
{
    int rc = cli_output_open(out, spec->name, a->fmt, a->output, spec->usage);

    if (rc != CLI_OK)
        return rc;
    if (cli_open_graph(g, gz, a, gl) < 0) {
        cli_output_close(out, false);
        return CLI_FAIL;
    }
    return CLI_OK;
}

int cli_graph_begin(cli_graph_run *r, const cli_spec *spec, int argc, char **argv,
                    const char *operands, const cli_global *gl)
{
    int rc;

    memset(r, 0, sizeof *r);
    rc = cli_begin(&r->a, &r->first, spec, argc, argv, operands);
    if (rc >= 0)
        return rc;
    rc = cli_open_output_graph(&r->out, &r->g, &r->gz, &r->a, spec, gl);
    return rc == CLI_OK ? -1 : rc;
}

void cli_graph_printer(cli_printer *p, cli_graph_run *r, const char *sheet, size_t n,
                       const cli_col *cols)
{
    cli_printer_start(p, &r->out, sheet, n, cols);
    cli_printer_limit(p, r->a.limit);
    cli_printer_note(p, cli_names_note(&r->a));
}

int cli_graph_end(cli_graph_run *r, int rc)
{
    if (cli_output_close(&r->out, rc == CLI_OK) < 0)
        rc = CLI_FAIL;
    fg_graph_free(r->g);
    fg_gazetteer_free(r->gz);
    r->g = NULL;
    r->gz = NULL;
    return rc;
}

int cli_open_output_store(cli_output *out, fg_store **st, const cli_args *a,
                          const cli_spec *spec, const cli_global *g)
{
    fg_store_opts so = FG_STORE_OPTS_INIT;
    int rc = cli_output_open(out, spec->name, a->fmt, a->output, spec->usage);

    *st = NULL;
    if (rc != CLI_OK)
        return rc;
    so.read_only = 1;
    if (fg_store_open(st, a->db, &so) < 0) {
        cli_report_error(g);
        cli_output_close(out, false);
        *st = NULL;
        return CLI_FAIL;
    }
    return CLI_OK;
}

int cli_print_listing(const cli_args *a, const cli_spec *spec, const cli_listing *l,
                      const cli_global *g)
{
    fg_store *st = NULL;
    cli_output out;
    cli_printer p;
    int rc = cli_open_output_store(&out, &st, a, spec, g);

    if (rc != CLI_OK)
        return rc;
    cli_printer_begin(&p, &out, l->sheet, l->n, l->hdr);
    cli_printer_limit(&p, a->limit);
    for (size_t k = 0; l->numeric[k] != CLI_END; k++)
        cli_printer_numeric(&p, l->numeric[k]);
    rc = l->query(st, l->ctx, &p);
    cli_printer_end(&p);
    if (rc < 0)
        cli_report_error(g);
    fg_store_close(st);
    if (cli_output_close(&out, rc >= 0) < 0)
        rc = -1;
    return rc < 0 ? CLI_FAIL : CLI_OK;
}

char *cli_join_names(const char *const *v, size_t n)
{
    size_t len = 1;
    char *s;

    for (size_t i = 0; i < n; i++)
        len += strlen(v[i]) + 3;
    s = malloc(len);
    if (s == NULL)
        return NULL;
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(s, "、");
        strcat(s, v[i]);
    }
    return s;
}

void cli_warn_untracked(fg_store *st)
{
    size_t n = 0;

    if (fg_store_untracked_documents(st, &n) == FG_OK && n > 0)
        fprintf(stderr, "fengong: %zu document%s stored before schema 7 ha%s no deadlines or "
                        "targets: ingest %s again with --replace to read them\n",
                n, n == 1 ? "" : "s", n == 1 ? "s" : "ve", n == 1 ? "it" : "them");
}

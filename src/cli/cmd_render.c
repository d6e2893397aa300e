/*
 * fengong render: coordination maps drawn by Graphviz (fg_render_*), team maps in parallel
 * processes.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "fengong/fengong.h"
#include "opts.h"

static const char render_usage[] =
    "usage: fengong render team NAME... | team --all | team --list\n"
    "       fengong render agency X [--depth 2]\n"
    "       fengong render network [--min-weight N] [--top N] [--alpha A | --all-edges]\n"
    "                              [--seed N]\n"
    "       fengong render matrix [--top N] [--seed N]\n"
    "       common: [--format svg|png|pdf|dot] [-o DIR] [--timeout S] [-j N] [filters]\n"
    "\n"
    "Draw coordination maps with Graphviz into DIR (default exports/): one map per work team\n"
    "(工作专班: convenor, deputies, members, office; ties weighted by the tasks of the team's own\n"
    "plan), an agency's partners (colour by role; --depth 2 adds partners of partners), or the\n"
    "whole network (blocks and colours = communities, circle area = lead count; only the\n"
    "backbone of ties significant at --alpha, default 0.05, unless --all-edges), or the\n"
    "coordination matrix (agency x agency shared tasks, by community; SVG only). File names\n"
    "come from the names, made safe. The same database gives byte-identical files. DIR is\n"
    "created. Team maps are drawn in N processes (-j). Networks are laid out with neato,\n"
    "each community gathered into a block; team and agency maps use fixed rows and neato.\n";

/* render's own options. */
typedef struct render_args {
    fg_render_opts ro;
    const char *dir;
    int depth;
    size_t min_weight;
    size_t top;
    int all;
    int list;
    size_t jobs;        /* processes for team maps; 0: one per online CPU */
    bool timeout_given;
} render_args;

enum { O_ALL = 1, O_LIST, O_ALL_EDGES, O_ALPHA, O_FORMAT, O_OUTPUT, O_DEPTH, O_MIN_WEIGHT, O_TOP,
       O_TIMEOUT };

static const cli_opt render_opts[] = {
    {"format", 'f', "FMT", O_FORMAT, "svg (default), png, pdf or dot"},
    {"output", 'o', "DIR", O_OUTPUT, "where the maps go (default exports/; created)"},
    {"all", 0, NULL, O_ALL, "team: every stored work team"},
    {"list", 0, NULL, O_LIST, "team: list the stored work teams (document, team)"},
    {"depth", 0, "D", O_DEPTH, "agency: 1 (partners, default) or 2 (partners of partners)"},
    {"min-weight", 0, "N", O_MIN_WEIGHT, "network: only ties of at least N shared tasks"},
    {"top", 0, "N", O_TOP, "network, matrix: only the N agencies with most leads"},
    {"alpha", 0, "A", O_ALPHA, "network: significance level of the backbone (0, 1], default 0.05"},
    {"all-edges", 0, NULL, O_ALL_EDGES, "network: every tie, not only the backbone"},
    {"timeout", 0, "S", O_TIMEOUT, "give up on a map whose layout takes more than S seconds, "
                                   "with a\nmessage on how to draw less (default 60 for agency "
                                   "and network\nmaps; team maps have fixed rows and no limit "
                                   "unless given)"},
};

static int take_render_opt(void *ctx, int id, const char *val)
{
    render_args *r = ctx;
    long v;

    switch (id) {
    case O_ALL:
        r->all = 1;
        return 0;
    case O_LIST:
        r->list = 1;
        return 0;
    case O_ALL_EDGES:
        r->ro.all_edges = 1;
        return 0;
    case O_ALPHA: {
        char *end = NULL;

        r->ro.alpha = strtod(val, &end);
        if (end == val || *end != '\0' || !(r->ro.alpha > 0 && r->ro.alpha <= 1)) {
            fprintf(stderr, "fengong render: --alpha needs a level in (0, 1], not '%s'\n", val);
            return CLI_USAGE;
        }
        return 0;
    }
    case O_FORMAT: {
        int f = fg_render_format_parse(val);

        if (f < 0) {
            fprintf(stderr, "fengong render: unknown format '%s' (svg, png, pdf, dot)\n", val);
            return CLI_USAGE;
        }
        r->ro.format = (fg_render_format)f;
        return 0;
    }
    case O_OUTPUT:
        r->dir = val;
        return 0;
    case O_TIMEOUT:
        if (cli_parse_long(val, 0, 86400, &v) < 0) {
            fprintf(stderr, "fengong render: --timeout needs seconds (0 for no limit), not "
                            "'%s'\n", val);
            return CLI_USAGE;
        }
        r->ro.timeout = (unsigned)v;
        r->timeout_given = true;
        return 0;
    case O_DEPTH:
        if (cli_parse_long(val, 1, 2, &v) < 0) {
            fprintf(stderr, "fengong render: --depth needs a depth of 1 or 2, not '%s'\n", val);
            return CLI_USAGE;
        }
        r->depth = (int)v;
        return 0;
    default:
        if (cli_parse_long(val, 0, 1000000, &v) < 0) {
            fprintf(stderr, "fengong render: --%s needs a number, not '%s'\n",
                    id == O_TOP ? "top" : "min-weight", val);
            return CLI_USAGE;
        }
        if (id == O_TOP)
            r->top = (size_t)v;
        else
            r->min_weight = (size_t)v;
        return 0;
    }
}

/*
 * The "team maps: n/N" progress line on a terminal's stderr is left open (no newline) between
 * updates. Whatever else goes to that terminal first erases it (\r, then ESC [K to the end of
 * the line) in the same write, so that no line starts after the count: progress_erase_err for
 * stderr (the progress is there), progress_erase_out for stdout when stdout is a terminal too.
 * The parent of parallel drawing sets them before forking, so the children's lines erase the
 * line the parent draws.
 */
static const char *progress_erase_err = "";
static const char *progress_erase_out = "";

static void progress_begin(bool show)
{
    progress_erase_err = show ? "\r\033[K" : "";
    progress_erase_out = show && isatty(STDOUT_FILENO) ? "\r\033[K" : "";
}

static void progress_end(bool show)
{
    if (show)
        fputc('\n', stderr); /* the last count stays, on a line of its own */
    progress_erase_err = "";
    progress_erase_out = "";
}

static void report_error_erasing(const cli_global *gl)
{
    fputs(progress_erase_err, stderr);
    cli_report_error(gl);
}

static int write_map(const fg_map *m, const render_args *r, const cli_global *gl)
{
    char *path = NULL;

    if (fg_render_write(&path, r->dir, m, fg_render_format_ext(r->ro.format)) < 0) {
        report_error_erasing(gl);
        return -1;
    }
    printf("%swrote %s\n", progress_erase_out, path);
    fflush(stdout);
    free(path);
    return 0;
}

/* Teams to draw: names[k] with docs[k] (NULL when the user named the team). */
typedef struct team_list {
    char **names;
    char **docs;
    size_t n;
    size_t cap;
    int list;
} team_list;

static char *copy_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int on_team_listed(const char *doc, const char *team, void *p)
{
    team_list *l = p;

    if (l->list)
        printf("%s\t%s\n", doc ? doc : "", team);
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **v = realloc(l->names, cap * sizeof *v);
        char **d;

        if (v == NULL)
            return 1;
        l->names = v;
        d = realloc(l->docs, cap * sizeof *d);
        if (d == NULL)
            return 1;
        l->docs = d;
        l->cap = cap;
    }
    l->names[l->n] = copy_or_null(team);
    l->docs[l->n] = copy_or_null(doc);
    if (l->names[l->n] == NULL || (doc && l->docs[l->n] == NULL))
        return 1;
    l->n++;
    return 0;
}

/* Teams whose name no other stored team has keep the plain file name team-<名称>. */
static void keep_doc_only_for_shared_names(team_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        bool shared = false;

        for (size_t k = 0; k < l->n && !shared; k++)
            shared = k != i && strcmp(l->names[k], l->names[i]) == 0;
        if (!shared) {
            free(l->docs[i]);
            l->docs[i] = NULL;
        }
    }
}

static int on_team_stored(const fg_store_team_row *row, void *p)
{
    return on_team_listed(row->doc, row->name, p);
}

/*
 * Draw teams first, first + step, … through a store connection of its own. Each finished
 * map writes one byte to progress_fd (when ≥ 0); with show set, the count goes to stderr.
 */
static int draw_teams(const team_list *tl, size_t first, size_t step, const render_args *r,
                      const cli_args *a, fg_renderer *rr, const fg_gazetteer *gz,
                      const cli_global *gl, int progress_fd, bool show)
{
    fg_store *st = NULL;
    fg_store_opts so = FG_STORE_OPTS_INIT;
    int status = CLI_OK;
    size_t done = 0;

    so.read_only = 1;
    if (fg_store_open(&st, a->db, &so) < 0) {
        report_error_erasing(gl);
        return CLI_FAIL;
    }
    for (size_t i = first; i < tl->n; i += step) {
        fg_team_view *view = NULL;
        fg_map *m = NULL;
        fg_render_opts ro = r->ro;
        char one = 1;

        ro.team_with_doc = tl->docs[i] != NULL;
        if (fg_store_team_view(&view, st, tl->docs[i], tl->names[i]) < 0 ||
            fg_render_team(&m, rr, view, gz, &ro) < 0) {
            report_error_erasing(gl);
            status = CLI_FAIL;
        } else if (write_map(m, r, gl) < 0) {
            status = CLI_FAIL;
        }
        fg_map_free(m);
        fg_team_view_free(view);
        done++;
        if (progress_fd >= 0)
            (void)!write(progress_fd, &one, 1);
        if (show)
            fprintf(stderr, "\r\033[Kteam maps: %zu/%zu", done, tl->n);
    }
    fg_store_close(st);
    return status;
}

/*
 * Team maps in parallel: the layouts are independent, so N child processes (each with its
 * own store connection; the renderer and gazetteer are inherited) take every N-th team.
 * Files are the same as from one process; the "wrote" lines may come in another order.
 */
static int draw_teams_parallel(const team_list *tl, const render_args *r, const cli_args *a,
                               fg_renderer *rr, const fg_gazetteer *gz, const cli_global *gl)
{
    size_t jobs = r->jobs > 0 ? r->jobs : cli_default_jobs();
    bool show = isatty(STDERR_FILENO) && tl->n > 1;
    pid_t pids[256];
    size_t started = 0;
    size_t done = 0;
    int fds[2];
    int status = CLI_OK;

    if (jobs > tl->n / 2)
        jobs = tl->n / 2 > 0 ? tl->n / 2 : 1; /* at least two maps per process */
    if (jobs > 256)
        jobs = 256;
    progress_begin(show);
    if (jobs <= 1) {
        status = draw_teams(tl, 0, 1, r, a, rr, gz, gl, -1, show);
        progress_end(show);
        return status;
    }
    if (pipe(fds) != 0) {
        progress_end(show);
        fprintf(stderr, "fengong render: cannot create a pipe: %s\n", strerror(errno));
        return CLI_FAIL;
    }
    fflush(stdout);
    fflush(stderr);
    for (size_t k = 0; k < jobs; k++) {
        pid_t pid = fork();

        if (pid < 0) {
            fprintf(stderr, "%sfengong render: cannot start a process: %s\n", progress_erase_err,
                    strerror(errno));
            status = CLI_FAIL;
            break;
        }
        if (pid == 0) {
            int st;

            close(fds[0]);
            setvbuf(stdout, NULL, _IOLBF, 0); /* whole lines, not interleaved halves */
            st = draw_teams(tl, k, jobs, r, a, rr, gz, gl, fds[1], false);
            fflush(stdout);
            _exit(st);
        }
        pids[started++] = pid;
    }
    close(fds[1]);
    for (;;) {
        char b[256];
        ssize_t n = read(fds[0], b, sizeof b);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
        if (show)
            fprintf(stderr, "\r\033[Kteam maps: %zu/%zu", done, tl->n);
    }
    close(fds[0]);
    progress_end(show); /* every child has written its lines before its last byte */
    for (size_t k = 0; k < started; k++) {
        int ws = 0;

        while (waitpid(pids[k], &ws, 0) < 0 && errno == EINTR)
            ;
        if (!WIFEXITED(ws) || WEXITSTATUS(ws) != CLI_OK) {
            if (WIFSIGNALED(ws))
                fprintf(stderr, "%sfengong render: a drawing process died: %s\n",
                        progress_erase_err, strsignal(WTERMSIG(ws)));
            if (status == CLI_OK)
                status = WIFEXITED(ws) ? WEXITSTATUS(ws) : CLI_FAIL;
        }
    }
    return status;
}

/* Draw what; argv[0] is what and argv[1 ...] its operands. */
static int render_what(const render_args *rp, const cli_args *ap, fg_renderer *rr,
                       const char *what, int argc, char **argv, const cli_global *gl);

static int cmd_render(int argc, char **argv, const cli_global *gl)
{
    fg_render_opts def = FG_RENDER_OPTS_INIT;
    render_args r = {def, "exports", 1, 0, 0, 0, 0, 0, false};
    cli_spec spec = {"render", render_usage,
                     CLI_OPT_DB | CLI_OPT_GAZ | CLI_OPT_FILTER | CLI_OPT_JOBS | CLI_OPT_SEED,
                     render_opts,
                     sizeof render_opts / sizeof render_opts[0], take_render_opt, &r,
                     NULL, NULL, false, NULL};
    cli_args a;
    int first;
    const char *what;
    fg_renderer *rr = NULL;
    int rc;

    r.ro.timeout = 60;
    rc = cli_parse(&a, &first, &spec, argc, argv);
    if (rc >= 0)
        return rc;
    r.jobs = a.jobs;
    r.ro.seed = a.seed; /* the communities of network and matrix maps */
    if (first >= argc) {
        fprintf(stderr, "fengong render: say what to draw: team, agency, network or matrix\n%s",
                render_usage);
        return CLI_USAGE;
    }
    what = argv[first];
    if (fg_renderer_new(&rr) < 0) {
        cli_report_error(gl);
        return CLI_FAIL;
    }
    rc = render_what(&r, &a, rr, what, argc - first, argv + first, gl);
    fg_renderer_free(rr);
    return rc;
}

static int render_what(const render_args *rp, const cli_args *ap, fg_renderer *rr,
                       const char *what, int argc, char **argv, const cli_global *gl)
{
    render_args r = *rp;
    cli_args a = *ap;
    int rc;

    if (strcmp(what, "team") == 0) {
        fg_store *st = NULL;
        fg_store_opts so = FG_STORE_OPTS_INIT;
        fg_gazetteer *gz = NULL;
        team_list tl = {NULL, NULL, 0, 0, r.list};
        int status = CLI_OK;

        if (!r.all && !r.list && 1 >= argc) {
            fprintf(stderr, "fengong render team: give a team NAME, --all or --list\n%s",
                    render_usage);
            return CLI_USAGE;
        }
        so.read_only = 1;
        if (cli_load_gazetteer(&gz, a.gazetteers, a.n_gazetteers, gl) < 0)
            return CLI_FAIL;
        if (r.all || r.list) {
            if (fg_store_open(&st, a.db, &so) < 0 ||
                fg_store_teams(st, NULL, on_team_stored, &tl) < 0) {
                cli_report_error(gl);
                status = CLI_FAIL;
            }
            fg_store_close(st);
            keep_doc_only_for_shared_names(&tl);
        } else {
            for (int i = 1; i < argc; i++)
                on_team_listed(NULL, argv[i], &tl);
        }
        if (status == CLI_OK && r.all && tl.n == 0)
            fprintf(stderr, "fengong render team: %s holds no work teams\n", a.db);
        if (!r.timeout_given)
            r.ro.timeout = 0; /* fixed rows: bounded work, and a fork per map costs */
        r.ro.as_of = a.filter.as_of; /* renamings followed unless --as-written */
        if (status == CLI_OK && !r.list && tl.n > 0) {
            if (cli_make_dirs(r.dir) < 0)
                status = CLI_FAIL;
            else
                status = draw_teams_parallel(&tl, &r, &a, rr, gz, gl);
        }
        for (size_t i = 0; i < tl.n; i++) {
            free(tl.names[i]);
            free(tl.docs[i]);
        }
        free(tl.names);
        free(tl.docs);
        fg_gazetteer_free(gz);
        return status;
    }
    if (strcmp(what, "agency") == 0 || strcmp(what, "network") == 0 ||
        strcmp(what, "matrix") == 0) {
        fg_graph *g = NULL;
        fg_gazetteer *gz = NULL;
        fg_map *m = NULL;
        size_t x = 0;
        bool agency = what[0] == 'a';
        bool matrix = what[0] == 'm';

        if (agency ? argc != 2 : argc != 1) {
            fprintf(stderr, "fengong render: %s\n%s",
                    agency ? "give exactly one agency X" : matrix ? "matrix takes no argument"
                                                                  : "network takes no argument",
                    render_usage);
            return CLI_USAGE;
        }
        if (cli_make_dirs(r.dir) < 0 || cli_open_graph(&g, &gz, &a, gl) < 0)
            return CLI_FAIL;
        rc = CLI_FAIL;
        if (agency && fg_graph_find(&x, g, gz, argv[1]) < 0) {
            cli_report_error(gl);
        } else if ((agency   ? fg_render_agency(&m, rr, g, x, r.depth, &r.ro)
                    : matrix ? fg_render_matrix(&m, g, r.top, &r.ro)
                             : fg_render_network(&m, rr, g, r.min_weight, r.top, &r.ro)) < 0) {
            cli_report_error(gl);
        } else if (write_map(m, &r, gl) == 0) {
            rc = CLI_OK;
        }
        fg_map_free(m);
        fg_graph_free(g);
        fg_gazetteer_free(gz);
        return rc;
    }
    fprintf(stderr, "fengong render: unknown map '%s' (team, agency, network, matrix)\n%s", what,
            render_usage);
    return CLI_USAGE;
}

/* The commands of this file, for main.c's help and dispatch. */
const cli_command cli_cmd_render = {"render WHAT", cmd_render,
                                    "coordination maps (team, agency, network) as SVG/PNG/PDF/DOT"};

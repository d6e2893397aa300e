/*
 * Rendering: coordination maps built with cgraph and laid out and rendered with gvc in this
 * process. Every label is set as a plain string (cgraph quotes it for DOT, the SVG renderer
 * escapes it for XML); backslashes in names are doubled so that Graphviz never reads them
 * as its own escapes. Nodes are created in a fixed order and the force-directed engines get
 * a fixed start seed, so the same data gives byte-identical output. Graphviz messages are
 * captured with agseterrf and become FG_ERENDER; the layout, graph and context are freed
 * on every path. Files are written under a temporary name and renamed into place.
 */
#include "fengong/render.h"

#include <errno.h>
#include <fcntl.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "str.h"

#define DEFAULT_FONT "Noto Sans CJK SC"

/* ---- formats, names, files ---- */

const char *fg_render_format_ext(fg_render_format f)
{
    switch (f) {
    case FG_RENDER_PNG:
        return "png";
    case FG_RENDER_PDF:
        return "pdf";
    case FG_RENDER_DOT:
        return "dot";
    default:
        return "svg";
    }
}

int fg_render_format_parse(const char *s)
{
    static const char *const names[] = {"svg", "png", "pdf", "dot"};

    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

void fg_map_free(fg_map *m)
{
    if (m == NULL)
        return;
    free(m->data);
    free(m->name);
    free(m);
}

int fg_render_safe_name(char **out, const char *name)
{
    fg_str s = FG_STR_INIT;
    int rc = FG_OK;
    size_t n = strlen(name);

    *out = NULL;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)name[i];
        size_t k;
        int32_t cp = fg_utf8_decode(name + i, n - i, &k);

        if (s.len + k > 150)
            break;
        if (cp < 0 || c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*' ||
            c == '?' || c == '"' || c == '<' || c == '>' || c == '|' || c == ' ' ||
            (c == '.' && (s.len == 0 || s.ptr[s.len - 1] == '.' || s.ptr[s.len - 1] == '_'))) {
            if (s.len == 0 || s.ptr[s.len - 1] != '_')
                FG_TRY(fg_str_appendc(&s, '_'));
        } else {
            FG_TRY(fg_str_append(&s, name + i, k));
        }
        i += k;
    }
    /* No trailing dots either ("x." is awkward on some systems). */
    while (s.len && (s.ptr[s.len - 1] == '.' || s.ptr[s.len - 1] == '_'))
        s.ptr[--s.len] = '\0';
    if (s.len == 0)
        FG_TRY(fg_str_append(&s, "unnamed", 7));
    *out = fg_str_steal(&s);
    if (*out == NULL)
        rc = fg_error_set(FG_ENOMEM, "out of memory");
out:
    fg_str_dispose(&s);
    return rc;
}

int fg_render_write(char **path_out, const char *dir, const fg_map *map, const char *ext)
{
    char *path = NULL;
    char *tmp = NULL;
    size_t n = strlen(dir) + strlen(map->name) + strlen(ext) + 3;
    int fd = -1;
    int rc = FG_OK;

    if (path_out)
        *path_out = NULL;
    /* The name is safe already; refuse anything that would still leave dir. */
    if (strchr(map->name, '/') != NULL || strcmp(map->name, "..") == 0)
        return fg_error_set(FG_EINVAL, "%s: not a safe file name", map->name);
    path = malloc(n);
    tmp = malloc(n + 16);
    FG_CHECK_ALLOC(path);
    FG_CHECK_ALLOC(tmp);
    snprintf(path, n, "%s/%s.%s", dir, map->name, ext);
    snprintf(tmp, n + 16, "%s/.%s.XXXXXX", dir, ext);
    fd = mkstemp(tmp);
    if (fd < 0) {
        rc = fg_error_set(FG_EIO, "%s: cannot create a file: %s", dir, strerror(errno));
        goto out;
    }
    for (size_t done = 0; done < map->len;) {
        ssize_t w = write(fd, map->data + done, map->len - done);

        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            rc = fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
            goto out;
        }
        done += (size_t)w;
    }
    if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
        rc = fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
        goto out;
    }
    if (close(fd) != 0) {
        fd = -1;
        rc = fg_error_set(FG_EIO, "%s: cannot write: %s", path, strerror(errno));
        goto out;
    }
    fd = -1;
    if (rename(tmp, path) != 0) {
        rc = fg_error_set(FG_EIO, "%s: cannot rename into place: %s", path, strerror(errno));
        goto out;
    }
    if (path_out) {
        *path_out = path;
        path = NULL;
    }
out:
    if (fd >= 0)
        close(fd);
    if (rc < 0 && tmp)
        unlink(tmp);
    free(tmp);
    free(path);
    return rc;
}

/* ---- Graphviz plumbing ---- */

static int capture_graphviz_error(char *msg)
{
    size_t n = strlen(msg);

    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    fg_error_set(FG_ERENDER, "graphviz: %.*s", (int)n, msg);
    return 0;
}

struct fg_renderer {
    GVC_t *gvc;
};

int fg_renderer_new(fg_renderer **out)
{
    fg_renderer *r = calloc(1, sizeof *r);

    *out = NULL;
    if (r == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    r->gvc = gvContext();
    if (r->gvc == NULL) {
        free(r);
        return fg_error_set(FG_ERENDER, "graphviz: cannot create a context");
    }
    *out = r;
    return FG_OK;
}

void fg_renderer_free(fg_renderer *r)
{
    if (r == NULL)
        return;
    gvFreeContext(r->gvc);
    free(r);
}

typedef struct gv {
    GVC_t *gvc;           /* borrowed from the renderer */
    Agraph_t *g;
    agusererrf old_errf;
} gv;

static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void setf(void *obj, const char *name, const char *fmt, double v)
{
    char buf[64];

    snprintf(buf, sizeof buf, fmt, v);
    set(obj, name, buf);
}

static int gv_begin(gv *v, fg_renderer *r, const char *name, bool directed,
                    const fg_render_opts *opts)
{
    const char *font = opts && opts->font ? opts->font : DEFAULT_FONT;

    memset(v, 0, sizeof *v);
    if (r == NULL)
        return fg_error_set(FG_EINVAL, "render: a renderer is required (fg_renderer_new)");
    fg_error_clear();
    v->old_errf = agseterrf(capture_graphviz_error);
    agseterr(AGERR);
    v->gvc = r->gvc;
    v->g = agopen((char *)name, directed ? Agdirected : Agundirected, NULL);
    if (v->g == NULL) {
        agseterrf(v->old_errf);
        return fg_error_set(FG_ERENDER, "graphviz: cannot create a graph");
    }
    set(v->g, "charset", "UTF-8");
    set(v->g, "fontname", font);
    agattr(v->g, AGNODE, (char *)"fontname", (char *)font);
    agattr(v->g, AGEDGE, (char *)"fontname", (char *)font);
    agattr(v->g, AGNODE, (char *)"fontsize", (char *)"11");
    agattr(v->g, AGEDGE, (char *)"fontsize", (char *)"9");
    return FG_OK;
}

static const char *const gv_formats[] = {"svg", "png:cairo", "pdf:cairo", "canon"};

/* Lay out v->g with engine and render it to format f: the bytes in *data (gvFreeRenderData). */
static int gv_layout_render(gv *v, const char *engine, fg_render_format f, char **data,
                            unsigned int *len)
{
    int rc = FG_OK;

    *data = NULL;
    *len = 0;
    if (gvLayout(v->gvc, v->g, engine) != 0) {
        if (fg_error_last()->code != FG_ERENDER)
            fg_error_set(FG_ERENDER, "graphviz: layout with %s failed", engine);
        return FG_ERENDER;
    }
    if (gvRenderData(v->gvc, v->g, gv_formats[f], data, len) != 0 || *data == NULL) {
        if (fg_error_last()->code != FG_ERENDER)
            fg_error_set(FG_ERENDER, "graphviz: cannot render %s (is the plugin installed?)",
                         gv_formats[f]);
        rc = FG_ERENDER;
    }
    gvFreeLayout(v->gvc, v->g);
    return rc;
}

static int write_all(int fd, const void *p, size_t n)
{
    for (size_t done = 0; done < n;) {
        ssize_t w = write(fd, (const char *)p + done, n - done);

        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        done += (size_t)w;
    }
    return 0;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * gv_layout_render() in a child process with a deadline. The child sends one status byte,
 * then the bytes (or the error message) through a pipe; the parent reads until EOF or the
 * deadline, and kills the child when time is up: a layout cannot be interrupted otherwise.
 * The result lands in a malloc'd buffer (*data, *len).
 */
static int gv_layout_render_timed(gv *v, const char *engine, fg_render_format f,
                                  unsigned timeout, char **data, size_t *len)
{
    fg_str buf = FG_STR_INIT;
    int fds[2];
    pid_t pid;
    int status = 0;
    bool timed_out = false;
    double deadline = now_s() + timeout;
    int rc = FG_OK;

    *data = NULL;
    *len = 0;
    if (pipe(fds) != 0)
        return fg_error_set(FG_ERENDER, "render: cannot create a pipe: %s", strerror(errno));
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return fg_error_set(FG_ERENDER, "render: cannot fork: %s", strerror(errno));
    }
    if (pid == 0) {
        char *out = NULL;
        unsigned int n = 0;
        char ok;

        close(fds[0]);
        ok = gv_layout_render(v, engine, f, &out, &n) == FG_OK ? 1 : 0;
        if (write_all(fds[1], &ok, 1) == 0) {
            if (ok)
                (void)write_all(fds[1], out, n);
            else
                (void)write_all(fds[1], fg_error_last()->message,
                                strlen(fg_error_last()->message));
        }
        _exit(0);
    }
    close(fds[1]);
    for (;;) {
        struct pollfd pf = {fds[0], POLLIN, 0};
        double left = deadline - now_s();
        char chunk[65536];
        ssize_t r;
        int pr;

        if (left <= 0) {
            timed_out = true;
            break;
        }
        pr = poll(&pf, 1, (int)(left * 1000) + 1);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr == 0)
            continue; /* the deadline check above ends the wait */
        r = read(fds[0], chunk, sizeof chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        if (fg_str_append(&buf, chunk, (size_t)r) != FG_OK) {
            rc = FG_ENOMEM;
            timed_out = false;
            break;
        }
    }
    close(fds[0]);
    if (timed_out || rc != FG_OK)
        kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (rc != FG_OK) {
        rc = fg_error_set(FG_ENOMEM, "out of memory");
    } else if (timed_out) {
        rc = fg_error_set(FG_ERENDER,
                          "graphviz: the %s layout of %d nodes and %d edges did not finish "
                          "in %u s; draw less (render network --top N or --min-weight W) or "
                          "allow more time (--timeout S, 0 for none)",
                          engine, agnnodes(v->g), agnedges(v->g), timeout);
    } else if (buf.len == 0 || !WIFEXITED(status)) {
        rc = fg_error_set(FG_ERENDER, "graphviz: the %s layout failed (%s)", engine,
                          WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "no output");
    } else if (buf.ptr[0] != 1) {
        fg_str_appendc(&buf, '\0');
        rc = fg_error_set(FG_ERENDER, "%s", buf.len > 2 ? buf.ptr + 1 : "graphviz failed");
    } else {
        *len = buf.len - 1;
        memmove(buf.ptr, buf.ptr + 1, *len);
        buf.ptr[*len] = '\0';
        *data = fg_str_steal(&buf);
    }
    fg_str_dispose(&buf);
    return rc;
}

/* Lay out with engine, render to format, hand the bytes to out; always frees v. */
static int gv_finish(fg_map **out, gv *v, const char *engine, const fg_render_opts *opts,
                     const char *file_name)
{
    fg_render_format f = opts ? opts->format : FG_RENDER_SVG;
    char *gv_data = NULL;
    unsigned int gv_len = 0;
    char *data = NULL;
    size_t len = 0;
    fg_map *m = NULL;
    int rc = FG_OK;

    *out = NULL;
    if (opts && opts->timeout > 0) {
        FG_TRY(gv_layout_render_timed(v, engine, f, opts->timeout, &data, &len));
    } else {
        FG_TRY(gv_layout_render(v, engine, f, &gv_data, &gv_len));
        data = malloc((size_t)gv_len + 1);
        FG_CHECK_ALLOC(data);
        memcpy(data, gv_data, gv_len);
        data[gv_len] = '\0';
        len = gv_len;
    }
    m = calloc(1, sizeof *m);
    FG_CHECK_ALLOC(m);
    m->data = data;
    m->len = len;
    data = NULL;
    FG_TRY(fg_render_safe_name(&m->name, file_name));
    *out = m;
    m = NULL;
    fg_error_clear();
out:
    if (gv_data)
        gvFreeRenderData(gv_data);
    free(data);
    agclose(v->g);
    agseterrf(v->old_errf);
    fg_map_free(m);
    return rc;
}

/* A label for a name: backslashes doubled, newlines to spaces, a line break every
 * per_line characters (as Graphviz's \n escape), then the extra lines. */
static int label(fg_str *s, const char *name, size_t per_line, const char *extra)
{
    size_t n = strlen(name);
    size_t on_line = 0;
    int rc = FG_OK;

    fg_str_clear(s);
    for (size_t i = 0; i < n;) {
        size_t k;

        (void)fg_utf8_decode(name + i, n - i, &k);
        if (on_line == per_line && i + k < n + 1 && i < n) {
            FG_TRY(fg_str_append(s, "\\n", 2));
            on_line = 0;
        }
        if (name[i] == '\\')
            FG_TRY(fg_str_append(s, "\\\\", 2));
        else if (name[i] == '\n' || name[i] == '\r' || name[i] == '\t')
            FG_TRY(fg_str_appendc(s, ' '));
        else
            FG_TRY(fg_str_append(s, name + i, k));
        i += k;
        on_line++;
    }
    if (extra) {
        FG_TRY(fg_str_append(s, "\\n", 2));
        FG_TRY(fg_str_append(s, extra, strlen(extra)));
    }
    FG_TRY(fg_str_reserve(s, 0));
out:
    return rc;
}

/* A node named after the unit itself, so that SVG titles and DOT ids carry the full
 * name (labels may be wrapped); cgraph and the renderers escape it. */
static Agnode_t *add_node(gv *v, const char *name, const char *text)
{
    Agnode_t *n = agnode(v->g, (char *)name, 1);

    if (n)
        set(n, "label", text);
    return n;
}

/* ---- team maps ---- */

typedef struct team_row {
    char *doc;
    char *part;
    char *doc_number;
    char *date;
} team_row;

typedef struct team_find {
    const char *doc;    /* NULL: any */
    const char *name;
    team_row found;
    bool has;
    int rc;
} team_find;

static char *dup_s(const char *s)
{
    size_t n = strlen(s);
    char *p = malloc(n + 1);

    if (p)
        memcpy(p, s, n + 1);
    return p;
}

/* doc, team, part, doc_number, date, title */
static int on_team(size_t n_cols, const char *const *c, void *payload)
{
    team_find *f = payload;

    if (n_cols < 6 || strcmp(c[1], f->name) != 0 || f->has ||
        (f->doc != NULL && strcmp(c[0], f->doc) != 0))
        return 0;
    f->found.doc = dup_s(c[0]);
    f->found.part = dup_s(c[2]);
    f->found.doc_number = dup_s(c[3]);
    f->found.date = dup_s(c[4]);
    f->has = true;
    if (!f->found.doc || !f->found.part || !f->found.doc_number || !f->found.date)
        f->rc = fg_error_set(FG_ENOMEM, "out of memory");
    return 0;
}

typedef struct member {
    char *agency;       /* canonical (or as written) */
    char *surface;
    bool convenor;
    bool deputy;
    bool member;
    bool office;
    size_t lead;
    size_t co;
} member;

typedef struct team_ctx {
    const char *doc;
    const char *team;
    member *m;
    size_t n;
    size_t cap;
    /* tasks of the plan: for each task, the members on it */
    long long last_clause;
    size_t *on_task;      /* member indices of the current task */
    size_t n_on;
    size_t cap_on;
    size_t *ties;         /* n × n shared task counts */
    const char *prefix;   /* "A1:" */
    size_t prefix_len;
    int rc;
} team_ctx;

static size_t member_index(const team_ctx *t, const char *agency)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->m[i].agency, agency) == 0)
            return i;
    return SIZE_MAX;
}

/* doc, team, role, surface, agency, status */
static int on_member(size_t n_cols, const char *const *c, void *payload)
{
    team_ctx *t = payload;
    size_t i;

    if (n_cols < 6 || strcmp(c[0], t->doc) != 0 || strcmp(c[1], t->team) != 0)
        return 0;
    i = strcmp(c[2], "convenor") == 0 ? SIZE_MAX : member_index(t, c[4]);
    if (i == SIZE_MAX) {
        if (t->n == t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 32;
            member *v = realloc(t->m, cap * sizeof *v);

            if (v == NULL) {
                t->rc = fg_error_set(FG_ENOMEM, "out of memory");
                return 1;
            }
            t->m = v;
            t->cap = cap;
        }
        i = t->n++;
        memset(&t->m[i], 0, sizeof t->m[i]);
        t->m[i].agency = dup_s(c[4]);
        t->m[i].surface = dup_s(c[3]);
        if (!t->m[i].agency || !t->m[i].surface) {
            t->rc = fg_error_set(FG_ENOMEM, "out of memory");
            return 1;
        }
    }
    if (strcmp(c[2], "convenor") == 0)
        t->m[i].convenor = true;
    else if (strcmp(c[2], "deputy") == 0)
        t->m[i].deputy = true;
    else if (strcmp(c[2], "member") == 0)
        t->m[i].member = true;
    else
        t->m[i].office = true;
    return 0;
}

static void close_task(team_ctx *t)
{
    for (size_t a = 0; a < t->n_on; a++)
        for (size_t b = a + 1; b < t->n_on; b++)
            if (t->on_task[a] != t->on_task[b]) {
                t->ties[t->on_task[a] * t->n + t->on_task[b]]++;
                t->ties[t->on_task[b] * t->n + t->on_task[a]]++;
            }
    t->n_on = 0;
}

/* clause id, doc, year, item, clause, title, role, kind, agency, status, level, surface */
static int on_plan_edge(size_t n_cols, const char *const *c, void *payload)
{
    team_ctx *t = payload;
    long long clause = atoll(c[0]);
    size_t i;

    if (n_cols < 12 || strcmp(c[1], t->doc) != 0 || strncmp(c[3], t->prefix, t->prefix_len) != 0)
        return 0;
    if (clause != t->last_clause) {
        close_task(t);
        t->last_clause = clause;
    }
    i = member_index(t, c[8]);
    if (i == SIZE_MAX || t->m[i].convenor)
        return 0;
    for (size_t k = 0; k < t->n_on; k++)
        if (t->on_task[k] == i)
            return 0;
    if (t->n_on == t->cap_on) {
        size_t cap = t->cap_on ? t->cap_on * 2 : 16;
        size_t *v = realloc(t->on_task, cap * sizeof *v);

        if (v == NULL) {
            t->rc = fg_error_set(FG_ENOMEM, "out of memory");
            return 1;
        }
        t->on_task = v;
        t->cap_on = cap;
    }
    t->on_task[t->n_on++] = i;
    if (strcmp(c[6], "lead") == 0)
        t->m[i].lead++;
    else
        t->m[i].co++;
    return 0;
}

typedef struct tie {
    size_t a;
    size_t b;
    size_t w;
} tie;

static int cmp_tie(const void *x, const void *y)
{
    const tie *p = x;
    const tie *q = y;

    if (p->w != q->w)
        return p->w > q->w ? -1 : 1;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

typedef struct names_ctx {
    int (*cb)(const char *doc, const char *team, void *p);
    void *payload;
} names_ctx;

static int on_team_name(size_t n_cols, const char *const *c, void *p)
{
    names_ctx *nc = p;

    return n_cols >= 2 ? nc->cb(c[0], c[1], nc->payload) : 0;
}

int fg_render_team_names(fg_store *st, int (*cb)(const char *doc, const char *team, void *p),
                         void *payload)
{
    names_ctx nc = {cb, payload};

    return fg_store_teams(st, on_team_name, &nc);
}

int fg_render_team(fg_map **out, fg_renderer *r, fg_store *st, const fg_gazetteer *gz,
                   const char *doc, const char *team, const fg_render_opts *opts)
{
    team_find f;
    team_ctx t;
    gv v;
    bool has_gv = false;
    fg_str lab = FG_STR_INIT;
    fg_str buf = FG_STR_INIT;
    tie *ties = NULL;
    size_t n_ties = 0;
    Agnode_t **nodes = NULL;
    Agnode_t *conv = NULL;
    Agnode_t *legend = NULL;
    char prefix[32];
    int rc = FG_OK;

    (void)gz;
    *out = NULL;
    memset(&f, 0, sizeof f);
    memset(&t, 0, sizeof t);
    f.name = team;
    f.doc = doc;
    FG_TRY(fg_store_teams_named(st, team, on_team, &f));
    FG_TRY(f.rc);
    if (!f.has) {
        rc = fg_error_set(FG_ENOTFOUND, "%s: no such team in %s", team, fg_store_path(st));
        goto out;
    }
    t.doc = f.found.doc;
    t.team = team;
    t.last_clause = -1;
    FG_TRY(fg_store_team_members_of(st, t.doc, team, on_member, &t));
    FG_TRY(t.rc);
    snprintf(prefix, sizeof prefix, "%s:", f.found.part);
    t.prefix = prefix;
    t.prefix_len = strlen(prefix);
    t.ties = calloc(t.n * t.n + 1, sizeof *t.ties);
    FG_CHECK_ALLOC(t.ties);
    FG_TRY(fg_store_edges_of(st, t.doc, on_plan_edge, &t));
    FG_TRY(t.rc);
    close_task(&t);

    FG_TRY(gv_begin(&v, r, team, false, opts));
    has_gv = true;
    set(v.g, "splines", "true");
    set(v.g, "overlap", "true");
    set(v.g, "labelloc", "t");
    set(v.g, "fontsize", "20");
    set(v.g, "bgcolor", "white");
    FG_TRY(fg_str_append(&buf, team, strlen(team)));
    FG_TRY(fg_str_append(&buf, "\\n", 2));
    FG_TRY(fg_str_append(&buf, f.found.doc_number, strlen(f.found.doc_number)));
    if (f.found.date[0]) {
        FG_TRY(fg_str_append(&buf, "  ", 2));
        FG_TRY(fg_str_append(&buf, f.found.date, strlen(f.found.date)));
    }
    set(v.g, "label", buf.ptr);
    agattr(v.g, AGNODE, (char *)"shape", (char *)"box");
    agattr(v.g, AGNODE, (char *)"style", (char *)"rounded,filled");
    agattr(v.g, AGNODE, (char *)"fillcolor", (char *)"#f1f5f9");
    agattr(v.g, AGNODE, (char *)"color", (char *)"#475569");
    agattr(v.g, AGNODE, (char *)"margin", (char *)"0.08,0.04");

    nodes = calloc(t.n + 1, sizeof *nodes);
    FG_CHECK_ALLOC(nodes);
    /* Convenor first, then deputies, then members, then an office outside the list. */
    for (size_t i = 0; i < t.n; i++) {
        member *m = &t.m[i];
        char counts[96];
        const char *extra = NULL;

        if (!m->convenor) {
            snprintf(counts, sizeof counts, "牵头 %zu · 配合 %zu%s", m->lead, m->co,
                     m->office ? "\\n【专班办公室】" : "");
            extra = counts;
        } else {
            extra = "召集人";
        }
        FG_TRY(label(&lab, m->surface, m->convenor ? 14 : 8, extra));
        nodes[i] = add_node(&v, m->surface, lab.ptr);
        if (nodes[i] == NULL) {
            rc = fg_error_set(FG_ERENDER, "graphviz: cannot add a node");
            goto out;
        }
        if (m->convenor) {
            set(nodes[i], "fillcolor", "#fde68a");
            set(nodes[i], "fontsize", "13");
            conv = nodes[i];
        } else if (m->deputy) {
            set(nodes[i], "fillcolor", "#fdba74");
        }
        if (m->office) {
            set(nodes[i], "peripheries", "2");
            set(nodes[i], "color", "#b91c1c");
        }
        if (!m->member && !m->deputy && !m->convenor)
            set(nodes[i], "style", "rounded,dashed,filled");
    }
    /*
     * Fixed positions (pinned for neato): the convenor on top, the deputies in a row under
     * it, the members in rows of six, the legend at the bottom. Only the ties are routed.
     */
    {
        size_t n_dep = 0;
        size_t n_mem = 0;
        size_t k_dep = 0;
        size_t k_mem = 0;
        const double dx = 2.1; // inches: neato reads pos in inches
        const double dy = 1.25;
        double y = 0;
        char pos[64];

        for (size_t i = 0; i < t.n; i++) {
            if (t.m[i].convenor)
                continue;
            if (t.m[i].deputy)
                n_dep++;
            else
                n_mem++;
        }
        /* Members with the most tasks in the plan come first (nearest the deputies). */
        size_t *order = malloc((t.n + 1) * sizeof *order);

        FG_CHECK_ALLOC(order);
        for (size_t i = 0; i < t.n; i++)
            order[i] = i;
        for (size_t i = 1; i < t.n; i++) {
            size_t cur = order[i];
            size_t j = i;

            while (j > 0 && t.m[order[j - 1]].lead + t.m[order[j - 1]].co <
                                t.m[cur].lead + t.m[cur].co) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = cur;
        }
        for (size_t oi = 0; oi < t.n; oi++) {
            size_t i = order[oi];
            double x;

            if (t.m[i].convenor) {
                x = 2.5 * dx;
                y = 0;
            } else if (t.m[i].deputy) {
                x = 2.5 * dx + ((double)k_dep - ((double)n_dep - 1) / 2.0) * dx;
                y = -1.2 * dy;
                k_dep++;
            } else {
                size_t row = k_mem / 6;
                size_t col = k_mem % 6;
                size_t in_row = n_mem - row * 6 < 6 ? n_mem - row * 6 : 6;

                x = 2.5 * dx + ((double)col - ((double)in_row - 1) / 2.0) * dx;
                y = -2.6 * dy - (double)row * dy;
                k_mem++;
            }
            snprintf(pos, sizeof pos, "%.2f,%.2f!", x, y);
            set(nodes[i], "pos", pos);
            if (t.m[i].deputy && conv) {
                Agedge_t *e = agedge(v.g, conv, nodes[i], NULL, 1);

                set(e, "color", "#92400e");
                set(e, "penwidth", "1.5");
            }
        }
        free(order);
        y = -2.6 * dy - (double)((n_mem + 5) / 6) * dy - 0.2 * dy;
        legend = agnode(v.g, (char *)"legend", 1);
        set(legend, "shape", "note");
        set(legend, "style", "filled");
        set(legend, "fillcolor", "#ffffff");
        set(legend, "fontsize", "10");
        set(legend, "label",
            "图例\\l"
            "黄色：召集人　橙色：副召集人单位　灰色：成员单位\\l"
            "红色双框：专班办公室所在单位\\l"
            "牵头 / 配合：本方案（专班所属附件）中牵头、配合的任务数\\l"
            "灰线：两单位在本方案中共同承担的任务，线越粗任务越多（最多显示 60 条）\\l");
        snprintf(pos, sizeof pos, "%.2f,%.2f!", 2.5 * dx, y);
        set(legend, "pos", pos);
    }
    /* Ties between units, strongest first, at most 60 so the map stays legible. */
    ties = malloc((t.n * t.n / 2 + 1) * sizeof *ties);
    FG_CHECK_ALLOC(ties);
    for (size_t a = 0; a < t.n; a++)
        for (size_t b = a + 1; b < t.n; b++)
            if (t.ties[a * t.n + b] > 0) {
                ties[n_ties].a = a;
                ties[n_ties].b = b;
                ties[n_ties].w = t.ties[a * t.n + b];
                n_ties++;
            }
    qsort(ties, n_ties, sizeof *ties, cmp_tie);
    for (size_t k = 0; k < n_ties && k < 60; k++) {
        Agedge_t *e = agedge(v.g, nodes[ties[k].a], nodes[ties[k].b], NULL, 1);
        char tip[64];

        set(e, "color", "#64748b80");
        setf(e, "penwidth", "%.2f", 0.6 + 1.2 * log2(1.0 + (double)ties[k].w));
        snprintf(tip, sizeof tip, "%zu 项共同任务", ties[k].w);
        set(e, "tooltip", tip);
    }
    fg_str_clear(&buf);
    FG_TRY(fg_str_append(&buf, "team-", 5));
    FG_TRY(fg_str_append(&buf, team, strlen(team)));
    if (doc != NULL) {
        const char *dot = strrchr(doc, '.');

        FG_TRY(fg_str_appendc(&buf, '-'));
        FG_TRY(fg_str_append(&buf, doc, dot && dot != doc ? (size_t)(dot - doc) : strlen(doc)));
    }
    has_gv = false;
    rc = gv_finish(out, &v, "neato", opts, buf.ptr);
out:
    if (has_gv) {
        agclose(v.g);
        agseterrf(v.old_errf);
    }
    for (size_t i = 0; i < t.n; i++) {
        free(t.m[i].agency);
        free(t.m[i].surface);
    }
    free(t.m);
    free(t.on_task);
    free(t.ties);
    free(ties);
    free(nodes);
    free(f.found.doc);
    free(f.found.part);
    free(f.found.doc_number);
    free(f.found.date);
    fg_str_dispose(&lab);
    fg_str_dispose(&buf);
    return rc;
}

/* ---- agency ego maps ---- */

int fg_render_agency(fg_map **out, fg_renderer *r, const fg_graph *g, size_t x, int depth,
                     const fg_render_opts *opts)
{
    fg_partner *p = NULL;
    size_t n_p = 0;
    gv v;
    bool has_gv = false;
    fg_str lab = FG_STR_INIT;
    fg_str fname = FG_STR_INIT;
    Agnode_t **nodes = NULL;
    size_t n_ag = fg_graph_n_agencies(g);
    int rc = FG_OK;

    *out = NULL;
    if (x >= n_ag)
        return fg_error_set(FG_EINVAL, "fg_render_agency: no agency %zu", x);
    FG_TRY(fg_analysis_partners(&p, &n_p, g, x));
    nodes = calloc(n_ag + 1, sizeof *nodes);
    FG_CHECK_ALLOC(nodes);
    FG_TRY(gv_begin(&v, r, fg_graph_agency(g, x), false, opts));
    has_gv = true;
    set(v.g, "overlap", "prism");
    set(v.g, "splines", "true");
    set(v.g, "start", "42");
    set(v.g, "sep", "+6");
    set(v.g, "labelloc", "t");
    set(v.g, "fontsize", "18");
    FG_TRY(label(&lab, fg_graph_agency(g, x), 40, NULL));
    FG_TRY(fg_str_append(&lab, "　的协作单位\\n", strlen("　的协作单位\\n")));
    FG_TRY(fg_str_append(&lab, "红线：本单位牵头、对方配合　蓝线：对方牵头　灰线：共同配合　线宽/数字：共同任务数",
                         strlen("红线：本单位牵头、对方配合　蓝线：对方牵头　灰线：共同配合　线宽/数字：共同任务数")));
    set(v.g, "label", lab.ptr);
    agattr(v.g, AGNODE, (char *)"shape", (char *)"box");
    agattr(v.g, AGNODE, (char *)"style", (char *)"rounded,filled");
    agattr(v.g, AGNODE, (char *)"fillcolor", (char *)"#f1f5f9");
    FG_TRY(label(&lab, fg_graph_agency(g, x), 8, NULL));
    nodes[x] = add_node(&v, fg_graph_agency(g, x), lab.ptr);
    set(nodes[x], "fillcolor", "#fde68a");
    set(nodes[x], "fontsize", "14");
    for (size_t i = 0; i < n_p && i < 40; i++) {
        size_t a = p[i].agency;
        Agedge_t *e;
        char num[32];
        const char *color = p[i].x_leads + p[i].both_lead >= p[i].partner_leads &&
                                    p[i].x_leads + p[i].both_lead >= p[i].both_co
                                ? "#dc2626"
                            : p[i].partner_leads >= p[i].both_co ? "#2563eb"
                                                                 : "#94a3b8";

        FG_TRY(label(&lab, fg_graph_agency(g, a), 8, NULL));
        nodes[a] = add_node(&v, fg_graph_agency(g, a), lab.ptr);
        e = agedge(v.g, nodes[x], nodes[a], NULL, 1);
        snprintf(num, sizeof num, "%zu", p[i].shared);
        set(e, "label", num);
        set(e, "color", color);
        setf(e, "penwidth", "%.2f", 0.8 + 1.5 * log2(1.0 + (double)p[i].shared));
        setf(e, "len", "%.2f", 1.2 + 2.0 / (double)p[i].shared);
    }
    if (depth >= 2) {
        for (size_t i = 0; i < n_p && i < 40; i++) {
            fg_partner *q = NULL;
            size_t n_q = 0;
            size_t added = 0;

            FG_TRY(fg_analysis_partners(&q, &n_q, g, p[i].agency));
            for (size_t k = 0; k < n_q && added < 5; k++) {
                size_t b = q[k].agency;
                Agedge_t *e;

                if (b == x)
                    continue;
                if (nodes[b] == NULL) {
                    rc = label(&lab, fg_graph_agency(g, b), 8, NULL);
                    if (rc < 0) {
                        free(q);
                        goto out;
                    }
                    nodes[b] = add_node(&v, fg_graph_agency(g, b), lab.ptr);
                    set(nodes[b], "fillcolor", "#ffffff");
                    set(nodes[b], "fontsize", "9");
                }
                e = agedge(v.g, nodes[p[i].agency], nodes[b], NULL, 1);
                set(e, "color", "#cbd5e1");
                setf(e, "penwidth", "%.2f", 0.5 + 0.8 * log2(1.0 + (double)q[k].shared));
                added++;
            }
            free(q);
        }
    }
    FG_TRY(fg_str_append(&fname, "agency-", 7));
    FG_TRY(fg_str_append(&fname, fg_graph_agency(g, x), strlen(fg_graph_agency(g, x))));
    has_gv = false;
    rc = gv_finish(out, &v, "neato", opts, fname.ptr);
out:
    if (has_gv) {
        agclose(v.g);
        agseterrf(v.old_errf);
    }
    free(p);
    free(nodes);
    fg_str_dispose(&lab);
    fg_str_dispose(&fname);
    return rc;
}

/* ---- the whole network ---- */

int fg_render_network(fg_map **out, fg_renderer *r, const fg_graph *g, size_t min_weight, size_t top,
                      const fg_render_opts *opts)
{
    static const char *const palette[] = {"#fca5a5", "#93c5fd", "#86efac", "#fde68a",
                                          "#c4b5fd", "#f9a8d4", "#67e8f9", "#fdba74",
                                          "#bef264", "#a5b4fc", "#fcd34d", "#d8b4fe"};
    fg_community *com = NULL;
    size_t n_com = 0;
    fg_centrality_row *cen = NULL;
    size_t n_cen = 0;
    fg_load_row *load = NULL;
    size_t n_load = 0;
    fg_balance bal;
    fg_pair *pairs = NULL;
    size_t n_pairs = 0;
    size_t n_ag = fg_graph_n_agencies(g);
    size_t *comm_of = NULL;
    size_t *lead_of = NULL;
    bool *keep = NULL;
    Agnode_t **nodes = NULL;
    gv v;
    bool has_gv = false;
    fg_str lab = FG_STR_INIT;
    int rc = FG_OK;

    *out = NULL;
    FG_TRY(fg_analysis_communities(&com, &n_com, NULL, g, 42));
    FG_TRY(fg_analysis_centrality_some(&cen, &n_cen, g, FG_MEASURE_DEGREE));
    FG_TRY(fg_analysis_load(&load, &n_load, &bal, g));
    FG_TRY(fg_analysis_pairs(&pairs, &n_pairs, g));
    comm_of = calloc(n_ag + 1, sizeof *comm_of);
    lead_of = calloc(n_ag + 1, sizeof *lead_of);
    keep = calloc(n_ag + 1, sizeof *keep);
    nodes = calloc(n_ag + 1, sizeof *nodes);
    FG_CHECK_ALLOC(comm_of);
    FG_CHECK_ALLOC(lead_of);
    FG_CHECK_ALLOC(keep);
    FG_CHECK_ALLOC(nodes);
    for (size_t c = 0; c < n_com; c++)
        for (size_t k = 0; k < com[c].n_members; k++)
            comm_of[com[c].members[k]] = c;
    for (size_t i = 0; i < n_load; i++)
        lead_of[load[i].agency] = load[i].lead;
    /* Keep the top agencies by strength (ties by name order), or all. */
    {
        size_t kept = 0;

        for (size_t round = 0; kept < (top ? top : n_ag) && round < n_ag; round++) {
            double best = -1;
            size_t bi = SIZE_MAX;

            for (size_t a = 0; a < n_cen; a++)
                if (!keep[cen[a].agency] && cen[a].strength > best) {
                    best = cen[a].strength;
                    bi = cen[a].agency;
                }
            if (bi == SIZE_MAX)
                break;
            keep[bi] = true;
            kept++;
        }
    }
    FG_TRY(gv_begin(&v, r, "network", false, opts));
    has_gv = true;
    set(v.g, "overlap", "prism");
    set(v.g, "splines", "false");
    set(v.g, "start", "42");
    set(v.g, "outputorder", "edgesfirst");
    set(v.g, "labelloc", "t");
    set(v.g, "fontsize", "20");
    set(v.g, "label", "机构协作网络（颜色：协作社群；节点大小：牵头任务数；线宽：共同任务数）");
    agattr(v.g, AGNODE, (char *)"shape", (char *)"ellipse");
    agattr(v.g, AGNODE, (char *)"style", (char *)"filled");
    agattr(v.g, AGNODE, (char *)"fillcolor", (char *)"#e2e8f0");
    agattr(v.g, AGNODE, (char *)"color", (char *)"#475569");
    for (size_t a = 0; a < n_ag; a++) {
        if (!keep[a])
            continue;
        FG_TRY(label(&lab, fg_graph_agency(g, a), 8, NULL));
        nodes[a] = add_node(&v, fg_graph_agency(g, a), lab.ptr);
        set(nodes[a], "fillcolor", palette[comm_of[a] % (sizeof palette / sizeof palette[0])]);
        setf(nodes[a], "fontsize", "%.1f", 9.0 + 2.0 * sqrt((double)lead_of[a]));
    }
    for (size_t i = 0; i < n_pairs; i++) {
        Agedge_t *e;

        if (pairs[i].shared < (min_weight ? min_weight : 1) || !keep[pairs[i].a] ||
            !keep[pairs[i].b])
            continue;
        e = agedge(v.g, nodes[pairs[i].a], nodes[pairs[i].b], NULL, 1);
        set(e, "color", "#94a3b880");
        setf(e, "penwidth", "%.2f", 0.4 + 0.9 * log2(1.0 + (double)pairs[i].shared));
    }
    has_gv = false;
    rc = gv_finish(out, &v, n_ag > 60 ? "sfdp" : "neato", opts, "network");
out:
    if (has_gv) {
        agclose(v.g);
        agseterrf(v.old_errf);
    }
    fg_communities_free(com, n_com);
    free(cen);
    free(load);
    free(pairs);
    free(comm_of);
    free(lead_of);
    free(keep);
    free(nodes);
    fg_str_dispose(&lab);
    return rc;
}

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
#include "fengong/file.h"

#include <errno.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "grow.h"
#include "markup.h"
#include "names.h"
#include "rank.h"
#include "str.h"

#define DEFAULT_FONT "Noto Sans CJK SC"

/* The maps write much formatted markup; a short name keeps those calls on their lines. */
#define appendf fg_markup__appendf

/* ---- formats, names, files ---- */

/* The file name extension of each format, which is also its name for fg_render_format_parse(). */
static const char *const format_exts[] = {
    [FG_RENDER_SVG] = "svg", [FG_RENDER_PNG] = "png", [FG_RENDER_PDF] = "pdf",
    [FG_RENDER_DOT] = "dot",
};

const char *fg_render_format_ext(fg_render_format f)
{
    return FG_NAME_OF(format_exts, f, "svg");
}

int fg_render_format_parse(const char *s)
{
    for (size_t i = 0; i < sizeof format_exts / sizeof format_exts[0]; i++)
        if (strcmp(s, format_exts[i]) == 0)
            return (int)i;
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
    size_t n = strlen(dir) + strlen(map->name) + strlen(ext) + 3;
    char *path = NULL;
    int rc = FG_OK;

    if (path_out)
        *path_out = NULL;
    /* The name is safe already; refuse anything that would still leave dir. */
    if (strchr(map->name, '/') != NULL || strcmp(map->name, "..") == 0)
        return fg_error_set(FG_EINVAL, "%s: not a safe file name", map->name);
    path = malloc(n);
    FG_CHECK_ALLOC(path);
    snprintf(path, n, "%s/%s.%s", dir, map->name, ext);
    FG_TRY(fg_file_replace(path, map->data, map->len));
    if (path_out) {
        *path_out = path;
        path = NULL;
    }
out:
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

/* set() each name and value of kv: name, value, name, value …, NULL. */
static void set_all(void *obj, const char *const *kv)
{
    for (; kv[0] != NULL; kv += 2)
        set(obj, kv[0], kv[1]);
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

/* Free v's graph and give Graphviz back the error handler gv_begin() replaced. */
static void gv_close(gv *v)
{
    agclose(v->g);
    agseterrf(v->old_errf);
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
    gv_close(v);
    fg_map_free(m);
    return rc;
}

/*
 * Where a name may be broken across lines: after a leading level (湖南省, 长沙市, 省, 市), after
 * a complete unit (…厅, …局, …委, …行, …社 when no suffix letter follows: not 办|公厅 or
 * 委|员会), at a conjunction or enumeration mark, or before a suffix word (中心, 办公室,
 * 委员会, a bracket). cps holds the byte offset of each code point of the name, and one past
 * the end; p (0 < p < n) is the code point the new line would start with.
 */
static bool natural_break(const char *name, const size_t *cps, size_t n, size_t p)
{
    static const char *const unit_end[] = {"厅", "局", "委", "办", "会", "院", "行", "部", "室",
                                           "司", "社", "团", "所", "或", "和", "及", "、", "，"};
    static const char *const continues[] = {"公", "员", "会", "室", "厅", "局", "委", "办", "院",
                                            "行", "部", "所", "司", "社"};
    static const char *const suffix[] = {"中心", "办公室", "委员会", "（", "("};
    static const char *const level[] = {"湖南省", "长沙市", "省", "市"};
    const char *prev = name + cps[p - 1];
    size_t prev_len = cps[p] - cps[p - 1];
    const char *next = name + cps[p];
    size_t next_len = cps[p + 1] - cps[p];

    if (n - p < 2)
        return false;   /* never leave one character alone on a line */
    for (size_t i = 0; i < sizeof level / sizeof level[0]; i++)
        if (cps[p] == strlen(level[i]) && memcmp(name, level[i], cps[p]) == 0)
            return true;
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++)
        if (strncmp(next, suffix[i], strlen(suffix[i])) == 0)
            return true;
    if (p < 2)
        return false;
    for (size_t i = 0; i < sizeof unit_end / sizeof unit_end[0]; i++) {
        if (prev_len != strlen(unit_end[i]) || memcmp(prev, unit_end[i], prev_len) != 0)
            continue;
        for (size_t k = 0; k < sizeof continues / sizeof continues[0]; k++)
            if (next_len == strlen(continues[k]) && memcmp(next, continues[k], next_len) == 0)
                return false;
        return true;
    }
    return false;
}

/* Append name[cps[a] .. cps[b]) with backslashes doubled and control characters as spaces. */
static int append_name(fg_str *s, const char *name, const size_t *cps, size_t a, size_t b)
{
    int rc = FG_OK;

    for (size_t i = cps[a]; i < cps[b]; i++) {
        if (name[i] == '\\')
            FG_TRY(fg_str_append(s, "\\\\", 2));
        else if (name[i] == '\n' || name[i] == '\r' || name[i] == '\t')
            FG_TRY(fg_str_appendc(s, ' '));
        else
            FG_TRY(fg_str_appendc(s, name[i]));
    }
out:
    return rc;
}

/* Code points a..b of the name, broken (as Graphviz's \n) at natural places only, so that
 * no line is longer than per_line where a natural place allows; else left whole. */
static int append_wrapped(fg_str *s, const char *name, const size_t *cps, size_t n, size_t a,
                          size_t b, size_t per_line)
{
    size_t best = 0;
    size_t best_cost = SIZE_MAX;
    int rc = FG_OK;

    if (b - a <= per_line)
        return append_name(s, name, cps, a, b);
    for (size_t p = a + 1; p < b; p++) {
        size_t left = p - a;
        size_t right = b - p;
        size_t cost = left > right ? left : right;

        if (natural_break(name, cps, n, p) && cost < best_cost) {
            best = p;
            best_cost = cost;
        }
    }
    if (best == 0)
        return append_name(s, name, cps, a, b);
    FG_TRY(append_wrapped(s, name, cps, n, a, best, per_line));
    FG_TRY(fg_str_append(s, "\\n", 2));
    FG_TRY(append_wrapped(s, name, cps, n, best, b, per_line));
out:
    return rc;
}

/* A label for a name: backslashes doubled, newlines to spaces, broken into lines of about
 * per_line characters at natural places only (never inside a word), then the extra lines. */
static int label(fg_str *s, const char *name, size_t per_line, const char *extra)
{
    size_t n = strlen(name);
    size_t *cps = malloc((n + 2) * sizeof *cps);
    size_t n_cps = 0;
    int rc = FG_OK;

    fg_str_clear(s);
    FG_CHECK_ALLOC(cps);
    for (size_t i = 0; i < n;) {
        size_t k;

        (void)fg_utf8_decode(name + i, n - i, &k);
        if (k == 0)
            k = 1;
        cps[n_cps++] = i;
        i += k;
    }
    cps[n_cps] = n;
    cps[n_cps + 1] = n;
    FG_TRY(append_wrapped(s, name, cps, n_cps, 0, n_cps, per_line));
    if (extra) {
        FG_TRY(fg_str_append(s, "\\n", 2));
        FG_TRY(fg_str_append(s, extra, strlen(extra)));
    }
    FG_TRY(fg_str_reserve(s, 0));
out:
    free(cps);
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
    member *m;
    size_t n;
    size_t cap;
    /* tasks of the plan: for each task, the members on it */
    size_t *on_task;      /* member indices of the current task */
    size_t n_on;
    size_t cap_on;
    size_t *ties;         /* n × n shared task counts */
    const fg_gazetteer *gz; /* with as_of: renamings followed */
    int as_of;
} team_ctx;

static size_t member_index(const team_ctx *t, const char *agency)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->m[i].agency, agency) == 0)
            return i;
    return SIZE_MAX;
}

/* A unit of the team: merged with an earlier one of the same (renamed) agency. */
static int add_member(team_ctx *t, const fg_team_view_member *vm)
{
    bool convenor = vm->role == FG_TEAM_CONVENOR;
    const char *name;
    size_t i;
    int rc;

    /* A renamed unit is labelled with its new name; others as the document writes them. */
    name = convenor ? vm->agency : fg_gazetteer_name_as_of(t->gz, vm->agency, t->as_of);
    i = convenor ? SIZE_MAX : member_index(t, name);
    if (i == SIZE_MAX) {
        rc = FG_GROW(t->m, t->cap, t->n, 32);
        if (rc < 0)
            return rc;
        i = t->n++;
        memset(&t->m[i], 0, sizeof t->m[i]);
        t->m[i].agency = strdup(name);
        t->m[i].surface = strdup(strcmp(name, vm->agency) != 0 ? name : vm->surface);
        if (!t->m[i].agency || !t->m[i].surface)
            return fg_error_set(FG_ENOMEM, "out of memory");
    }
    switch (vm->role) {
    case FG_TEAM_CONVENOR:
        t->m[i].convenor = true;
        break;
    case FG_TEAM_DEPUTY:
        t->m[i].deputy = true;
        break;
    case FG_TEAM_MEMBER:
        t->m[i].member = true;
        break;
    default:
        t->m[i].office = true;
    }
    return FG_OK;
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

/* An assignment of the plan: its unit counted, and put on the current task (a task closes
 * when the clause changes). */
static int add_plan_edge(team_ctx *t, const fg_team_view_edge *e)
{
    size_t i = member_index(t, fg_gazetteer_name_as_of(t->gz, e->agency, t->as_of));
    int rc;

    if (i == SIZE_MAX || t->m[i].convenor)
        return FG_OK;
    for (size_t k = 0; k < t->n_on; k++)
        if (t->on_task[k] == i)
            return FG_OK;
    rc = FG_GROW(t->on_task, t->cap_on, t->n_on, 16);
    if (rc < 0)
        return rc;
    t->on_task[t->n_on++] = i;
    if (e->role == FG_ROLE_LEAD)
        t->m[i].lead++;
    else
        t->m[i].co++;
    return FG_OK;
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
    int c = fg_larger_first(p->w, q->w);

    if (c == 0)
        c = fg_smaller_first(p->a, q->a);
    return c ? c : fg_smaller_first(p->b, q->b);
}

static const char team_legend[] =
    "图例\\l"
    "黄色：召集人　橙色：副召集人单位　灰色：成员单位\\l"
    "红色双框：专班办公室所在单位\\l"
    "牵头 / 配合：本方案（专班所属附件）中牵头、配合的任务数\\l";

/*
 * The least number of shared tasks a tie needs to be drawn on a team map: at least 2, and
 * raised until no more ties than half the units (at least 8) remain, so that the grid is
 * not crossed by dozens of lines. ties are sorted strongest first.
 */
static size_t team_tie_threshold(const tie *ties, size_t n_ties, size_t n_units)
{
    size_t cap = n_units / 2 > 8 ? n_units / 2 : 8;
    size_t min_w = 2;

    for (;;) {
        size_t n = 0;

        while (n < n_ties && ties[n].w >= min_w)
            n++;
        if (n <= cap || n == 0)
            return min_w;
        min_w++;
    }
}

/*
 * The order in which units take their places: the convenor, the deputies as listed, then
 * the members along chains of drawn ties (the first drawn tie's ends, then the unplaced unit
 * most tied to the last one placed, else to any placed one, else the busiest unplaced unit
 * with a drawn tie), then the members without a drawn tie by their task count.
 */
static int team_order(size_t *order, const team_ctx *t, const tie *ties, size_t n_drawn)
{
    size_t *w = calloc(t->n * t->n + 1, sizeof *w);
    bool *placed = calloc(t->n + 1, sizeof *placed);
    size_t k = 0;
    size_t last = SIZE_MAX;

    if (w == NULL || placed == NULL) {
        free(w);
        free(placed);
        return fg_error_set(FG_ENOMEM, "out of memory");
    }
    for (size_t e = 0; e < n_drawn; e++) {
        w[ties[e].a * t->n + ties[e].b] = ties[e].w;
        w[ties[e].b * t->n + ties[e].a] = ties[e].w;
    }
    for (size_t i = 0; i < t->n; i++)
        if (t->m[i].convenor || t->m[i].deputy) {
            order[k++] = i;
            placed[i] = true;
        }
    for (;;) {
        size_t best = SIZE_MAX;
        size_t best_w = 0;
        size_t best_any = 0;

        for (size_t i = 0; i < t->n; i++) {
            size_t to_last = 0;
            size_t to_any = 0;

            if (placed[i])
                continue;
            for (size_t j = 0; j < t->n; j++) {
                size_t x = w[i * t->n + j];

                if (x == 0)
                    continue;
                if (j == last)
                    to_last = x;
                if (placed[j] && !t->m[j].convenor && !t->m[j].deputy)
                    to_any = x > to_any ? x : to_any;
            }
            if (to_last > best_w || (best_w == 0 && to_last == 0 && to_any > best_any)) {
                best = i;
                best_w = to_last;
                best_any = to_any;
            }
        }
        if (best == SIZE_MAX) {
            /* No tie to what is placed: start a new chain at the busiest tied unit. */
            size_t most = 0;

            for (size_t i = 0; i < t->n; i++) {
                size_t sum = 0;

                if (placed[i])
                    continue;
                for (size_t j = 0; j < t->n; j++)
                    sum += w[i * t->n + j];
                if (sum > most) {
                    most = sum;
                    best = i;
                }
            }
        }
        if (best == SIZE_MAX)
            break;
        order[k++] = best;
        placed[best] = true;
        last = best;
    }
    /* The rest by their task count, most first (stable: then in listing order). */
    for (size_t round = k; round < t->n; round++) {
        size_t best = SIZE_MAX;

        for (size_t i = 0; i < t->n; i++)
            if (!placed[i] && (best == SIZE_MAX || t->m[i].lead + t->m[i].co >
                                                       t->m[best].lead + t->m[best].co))
                best = i;
        order[k++] = best;
        placed[best] = true;
    }
    free(w);
    free(placed);
    return FG_OK;
}

int fg_render_team(fg_map **out, fg_renderer *r, const fg_team_view *view,
                   const fg_gazetteer *gz, const fg_render_opts *opts)
{
    const char *team = view->team;
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
    size_t min_w = 1;
    size_t n_drawn = 0;
    int rc = FG_OK;

    *out = NULL;
    memset(&t, 0, sizeof t);
    t.gz = gz;
    t.as_of = opts ? opts->as_of : 0;
    for (size_t i = 0; i < view->n_members; i++)
        FG_TRY(add_member(&t, &view->members[i]));
    t.ties = calloc(t.n * t.n + 1, sizeof *t.ties);
    FG_CHECK_ALLOC(t.ties);
    for (size_t i = 0; i < view->n_edges; i++) {
        if (i > 0 && view->edges[i].clause_id != view->edges[i - 1].clause_id)
            close_task(&t);
        FG_TRY(add_plan_edge(&t, &view->edges[i]));
    }
    close_task(&t);

    FG_TRY(gv_begin(&v, r, team, false, opts));
    has_gv = true;
    set_all(v.g, (const char *const[]){"splines", "true", "overlap", "true", "labelloc", "t",
                                      "fontsize", "20", "bgcolor", "white", NULL});
    FG_TRY(fg_str_append(&buf, team, strlen(team)));
    FG_TRY(fg_str_append(&buf, "\\n", 2));
    FG_TRY(fg_str_append(&buf, view->doc_number, strlen(view->doc_number)));
    if (view->date[0]) {
        FG_TRY(fg_str_append(&buf, "  ", 2));
        FG_TRY(fg_str_append(&buf, view->date, strlen(view->date)));
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
        FG_TRY(label(&lab, m->surface, m->convenor ? 14 : 12, extra));
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
    /* Ties between units, strongest first; only those of at least min_w tasks are drawn. */
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
    min_w = team_tie_threshold(ties, n_ties, t.n);
    while (n_drawn < n_ties && ties[n_drawn].w >= min_w)
        n_drawn++;
    /*
     * Fixed positions (pinned for neato): the convenor on top, the deputies in a row under
     * it, the members in rows of six, the legend at the bottom. Only the ties are routed.
     * Members are ordered so that units with a drawn tie sit side by side: rows run left to
     * right, then right to left (a serpentine), and the order follows chains of drawn ties.
     */
    {
        size_t n_dep = 0;
        size_t n_mem = 0;
        size_t k_dep = 0;
        size_t k_mem = 0;
        size_t longest = 0;
        double dx;
        const double dy = 1.25;
        double y = 0;
        char pos[64];
        size_t *order = NULL;

        for (size_t i = 0; i < t.n; i++) {
            size_t cps = 0;

            for (const char *q = t.m[i].surface; *q; q++)
                cps += ((unsigned char)*q & 0xc0) != 0x80;
            if (!t.m[i].convenor && cps > longest)
                longest = cps;
            if (t.m[i].convenor)
                continue;
            if (t.m[i].deputy)
                n_dep++;
            else
                n_mem++;
        }
        /* Wide enough for a line of up to 12 characters of 11 pt (an inch is 72 pt). */
        dx = 0.45 + (double)(longest < 12 ? longest : 12) * 11.5 / 72.0;
        if (dx < 1.6)
            dx = 1.6;
        order = malloc((t.n + 1) * sizeof *order);
        FG_CHECK_ALLOC(order);
        rc = team_order(order, &t, ties, n_drawn);
        if (rc < 0) {
            free(order);
            goto out;
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
                size_t col = row % 2 == 0 ? k_mem % 6 : 5 - k_mem % 6;
                size_t in_row = n_mem - row * 6 < 6 ? n_mem - row * 6 : 6;

                if (row % 2 == 1)
                    col = in_row - 1 - k_mem % 6;
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
        fg_str_clear(&buf);
        FG_TRY(fg_str_append(&buf, team_legend, strlen(team_legend)));
        {
            char line[256];

            if (n_drawn == n_ties)
                snprintf(line, sizeof line,
                         "灰线：两单位在本方案中共同承担的任务，线越粗任务越多（%zu 对，全部画出）\\l",
                         n_ties);
            else
                snprintf(line, sizeof line,
                         "灰线：两单位在本方案中共同承担至少 %zu 项任务，线越粗任务越多"
                         "（%zu 对中画出 %zu 对）\\l",
                         min_w, n_ties, n_drawn);
            FG_TRY(fg_str_append(&buf, line, strlen(line)));
        }
        set(legend, "label", buf.ptr);
        snprintf(pos, sizeof pos, "%.2f,%.2f!", 2.5 * dx, y);
        set(legend, "pos", pos);
    }
    for (size_t k = 0; k < n_drawn; k++) {
        Agedge_t *e = agedge(v.g, nodes[ties[k].a], nodes[ties[k].b], NULL, 1);
        char tip[64];

        set(e, "color", "#64748b99");
        setf(e, "penwidth", "%.2f", 0.6 + 1.2 * log2(1.0 + (double)ties[k].w));
        snprintf(tip, sizeof tip, "%zu 项共同任务", ties[k].w);
        set(e, "tooltip", tip);
    }
    fg_str_clear(&buf);
    FG_TRY(fg_str_append(&buf, "team-", 5));
    FG_TRY(fg_str_append(&buf, team, strlen(team)));
    if (opts && opts->team_with_doc) {
        const char *doc = view->doc;
        const char *dot = strrchr(doc, '.');

        FG_TRY(fg_str_appendc(&buf, '-'));
        FG_TRY(fg_str_append(&buf, doc, dot && dot != doc ? (size_t)(dot - doc) : strlen(doc)));
    }
    has_gv = false;
    rc = gv_finish(out, &v, "neato", opts, buf.ptr);
out:
    if (has_gv)
        gv_close(&v);
    for (size_t i = 0; i < t.n; i++) {
        free(t.m[i].agency);
        free(t.m[i].surface);
    }
    free(t.m);
    free(t.on_task);
    free(t.ties);
    free(ties);
    free(nodes);
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
    set_all(v.g, (const char *const[]){"overlap", "prism", "splines", "true", "start", "42",
                                      "sep", "+6", "labelloc", "t", "fontsize", "18", NULL});
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
    if (has_gv)
        gv_close(&v);
    free(p);
    free(nodes);
    fg_str_dispose(&lab);
    fg_str_dispose(&fname);
    return rc;
}

/* ---- the whole network ---- */

/* Community colours: a light fill and a dark line of the same hue. */
static const char *const comm_fill[] = {"#fca5a5", "#93c5fd", "#86efac", "#fde68a",
                                        "#c4b5fd", "#f9a8d4", "#67e8f9", "#fdba74",
                                        "#bef264", "#a5b4fc", "#d6d3d1", "#5eead4"};
static const char *const comm_line[] = {"#b91c1c", "#1d4ed8", "#15803d", "#a16207",
                                        "#6d28d9", "#be185d", "#0e7490", "#c2410c",
                                        "#4d7c0f", "#4338ca", "#57534e", "#0f766e"};
#define N_COMM_COLOURS (sizeof comm_fill / sizeof comm_fill[0])

/* What the network map and the matrix are drawn from. */
typedef struct net_data {
    fg_community *com;
    size_t n_com;
    fg_centrality_row *cen;
    size_t n_cen;
    fg_load_row *load;
    size_t n_load;
    fg_pair *pairs;
    size_t n_pairs;
    size_t *comm_of;     /* community of each agency */
    size_t *lead_of;     /* tasks it leads */
    size_t *total_of;    /* tasks it is on */
    double *strength_of; /* shared tasks summed over its ties */
    bool *keep;          /* drawn: among the top agencies by strength (all when top is 0) */
    size_t n_kept;
} net_data;

static void net_free(net_data *d)
{
    fg_communities_free(d->com, d->n_com);
    free(d->cen);
    free(d->load);
    free(d->pairs);
    free(d->comm_of);
    free(d->lead_of);
    free(d->total_of);
    free(d->strength_of);
    free(d->keep);
    memset(d, 0, sizeof *d);
}

static int net_load(net_data *d, const fg_graph *g, size_t top, unsigned long seed)
{
    size_t n_ag = fg_graph_n_agencies(g);
    fg_balance bal;
    int rc = FG_OK;

    memset(d, 0, sizeof *d);
    FG_TRY(fg_analysis_communities(&d->com, &d->n_com, NULL, g, seed));
    FG_TRY(fg_analysis_centrality_some(&d->cen, &d->n_cen, g, FG_MEASURE_DEGREE));
    FG_TRY(fg_analysis_load(&d->load, &d->n_load, &bal, g));
    FG_TRY(fg_analysis_pairs(&d->pairs, &d->n_pairs, g));
    d->comm_of = calloc(n_ag + 1, sizeof *d->comm_of);
    d->lead_of = calloc(n_ag + 1, sizeof *d->lead_of);
    d->total_of = calloc(n_ag + 1, sizeof *d->total_of);
    d->strength_of = calloc(n_ag + 1, sizeof *d->strength_of);
    d->keep = calloc(n_ag + 1, sizeof *d->keep);
    FG_CHECK_ALLOC(d->comm_of);
    FG_CHECK_ALLOC(d->lead_of);
    FG_CHECK_ALLOC(d->total_of);
    FG_CHECK_ALLOC(d->strength_of);
    FG_CHECK_ALLOC(d->keep);
    for (size_t c = 0; c < d->n_com; c++)
        for (size_t k = 0; k < d->com[c].n_members; k++)
            d->comm_of[d->com[c].members[k]] = c;
    for (size_t i = 0; i < d->n_load; i++) {
        d->lead_of[d->load[i].agency] = d->load[i].lead;
        d->total_of[d->load[i].agency] = d->load[i].total;
    }
    for (size_t i = 0; i < d->n_cen; i++)
        d->strength_of[d->cen[i].agency] = d->cen[i].strength;
    /* Keep the top agencies by strength (ties by name order), or all. */
    for (size_t round = 0; d->n_kept < (top ? top : n_ag) && round < n_ag; round++) {
        double best = -1;
        size_t bi = SIZE_MAX;

        for (size_t a = 0; a < d->n_cen; a++)
            if (!d->keep[d->cen[a].agency] && d->cen[a].strength > best) {
                best = d->cen[a].strength;
                bi = d->cen[a].agency;
            }
        if (bi == SIZE_MAX)
            break;
        d->keep[bi] = true;
        d->n_kept++;
    }
out:
    if (rc < 0)
        net_free(d);
    return rc;
}

/* The community's name on maps: its central agency. */
static const char *comm_name(const fg_graph *g, const net_data *d, size_t c)
{
    return fg_graph_agency(g, d->com[c].central);
}

/* Diameter (inches) of an agency's circle: area proportional to its lead count; an agency
 * that leads nothing is a small hollow dot. */
static double lead_width(size_t leads, double k)
{
    return leads == 0 ? 0.12 : k * sqrt((double)leads);
}

int fg_render_network(fg_map **out, fg_renderer *r, const fg_graph *g, size_t min_weight,
                      size_t top, const fg_render_opts *opts)
{
    net_data d;
    bool has_d = false;
    size_t n_ag = fg_graph_n_agencies(g);
    fg_pair *sub = NULL;
    size_t n_sub = 0;
    unsigned char *drawn = NULL;
    fg_backbone_info bb = {0, 0, 0};
    double alpha = opts && opts->alpha > 0 ? opts->alpha : 0.05;
    bool all_edges = opts && opts->all_edges;
    size_t *comm_drawn = NULL;
    Agnode_t **nodes = NULL;
    size_t max_lead = 0;
    size_t max_lead_at = SIZE_MAX;
    size_t max_w = 1;
    size_t n_zero = 0;
    double k;
    gv v;
    bool has_gv = false;
    fg_str lab = FG_STR_INIT;
    fg_str html = FG_STR_INIT;
    int rc = FG_OK;

    *out = NULL;
    if (!(alpha > 0 && alpha <= 1))
        return fg_error_set(FG_EINVAL, "render network: alpha must be in (0, 1], not %g", alpha);
    FG_TRY(net_load(&d, g, top, opts ? opts->seed : FG_RENDER_SEED));
    has_d = true;
    nodes = calloc(n_ag + 1, sizeof *nodes);
    comm_drawn = calloc(d.n_com + 1, sizeof *comm_drawn);
    sub = malloc((d.n_pairs + 1) * sizeof *sub);
    drawn = malloc(d.n_pairs + 1);
    FG_CHECK_ALLOC(nodes);
    FG_CHECK_ALLOC(comm_drawn);
    FG_CHECK_ALLOC(sub);
    FG_CHECK_ALLOC(drawn);
    /* The ties among the drawn agencies, then their backbone. */
    for (size_t i = 0; i < d.n_pairs; i++)
        if (d.pairs[i].shared >= (min_weight ? min_weight : 1) && d.keep[d.pairs[i].a] &&
            d.keep[d.pairs[i].b])
            sub[n_sub++] = d.pairs[i];
    if (all_edges) {
        memset(drawn, 1, n_sub + 1);
        bb.n_kept = n_sub;
        bb.weight_share = 1;
    } else {
        FG_TRY(fg_analysis_backbone(drawn, &bb, sub, n_sub, n_ag, alpha, FG_BACKBONE_STRONGEST));
    }
    for (size_t a = 0; a < n_ag; a++) {
        if (!d.keep[a])
            continue;
        comm_drawn[d.comm_of[a]]++;
        if (max_lead_at == SIZE_MAX || d.lead_of[a] > max_lead) {
            max_lead = d.lead_of[a];
            max_lead_at = a;
        }
        n_zero += d.lead_of[a] == 0;
    }
    for (size_t i = 0; i < n_sub; i++)
        if (drawn[i] && sub[i].shared > max_w)
            max_w = sub[i].shared;
    k = max_lead > 0 ? 1.1 / sqrt((double)max_lead) : 0.3;

    FG_TRY(gv_begin(&v, r, "network", false, opts));
    has_gv = true;
    set_all(v.g, (const char *const[]){"overlap", "prism", "splines", "false", "start", "42",
                                      "outputorder", "edgesfirst", "labelloc", "t",
                                      "labeljust", "l", "fontsize", "11", "bgcolor", "white",
                                      "K", "0.9", "sep", "+12", NULL});
    agattr(v.g, AGNODE, (char *)"shape", (char *)"circle");
    /* The circle's size is fixed by the lead count; the name is set over it in a fixed font
     * and overlap removal keeps names apart. (Graphviz 2.43's fdp, which draws clusters,
     * lays them out differently from run to run, so communities are gathered by springs.) */
    agattr(v.g, AGNODE, (char *)"fixedsize", (char *)"shape");
    agattr(v.g, AGNODE, (char *)"style", (char *)"filled");
    agattr(v.g, AGNODE, (char *)"label", (char *)"");
    agattr(v.g, AGNODE, (char *)"fontsize", (char *)"10");
    agattr(v.g, AGNODE, (char *)"penwidth", (char *)"1.2");

    /* The legend, under the title: communities, circle size, line width, the backbone. */
    FG_TRY(appendf(&html, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\">"
                          "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"20\">"
                          "机构协作网络（%zu 个单位）</FONT></TD></TR>"
                          "<TR><TD ALIGN=\"LEFT\"><B>图例</B>"
                          "　颜色：协作社群（Leiden 算法）；彩色大字为社群名，即社群中联系最强的单位</TD></TR>",
                   d.n_kept));
    {
        /* The community key: a grid of four entries to a row, inside the one-column legend. */
        size_t col = 0;

        FG_TRY(appendf(&html, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"2\">"));
        for (size_t c = 0; c < d.n_com; c++) {
            if (comm_drawn[c] == 0)
                continue;
            if (col % 4 == 0)
                FG_TRY(appendf(&html, "<TR>"));
            FG_TRY(appendf(&html, "<TD BGCOLOR=\"%s\" WIDTH=\"16\" HEIGHT=\"12\" "
                                  "FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">",
                           comm_fill[c % N_COMM_COLOURS]));
            FG_TRY(fg_markup__escape(&html, comm_name(g, &d, c), true));
            FG_TRY(appendf(&html, "（%zu 个单位）　</TD>", comm_drawn[c]));
            if (col % 4 == 3)
                FG_TRY(appendf(&html, "</TR>"));
            col++;
        }
        if (col % 4 != 0)
            FG_TRY(appendf(&html, "</TR>"));
        if (n_zero > 0)
            FG_TRY(appendf(&html, "<TR><TD BGCOLOR=\"#ffffff\" BORDER=\"1\" WIDTH=\"12\" "
                                  "HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\" "
                                  "COLSPAN=\"7\">白色小点：不牵头任何任务的单位（%zu 个），"
                                  "圈线颜色为其社群</TD></TR>",
                           n_zero));
        if (col == 0 && n_zero == 0)
            FG_TRY(appendf(&html, "<TR><TD></TD></TR>"));
        FG_TRY(appendf(&html, "</TABLE></TD></TR>"));
    }
    FG_TRY(appendf(&html, "<TR><TD ALIGN=\"LEFT\">圆面积：牵头任务数（面积与之成正比；"
                          "最大的圆 = "));
    if (max_lead_at != SIZE_MAX)
        FG_TRY(fg_markup__escape(&html, fg_graph_agency(g, max_lead_at), true));
    FG_TRY(appendf(&html, " %zu 项）</TD></TR>", max_lead));
    FG_TRY(appendf(&html, "<TR><TD ALIGN=\"LEFT\">线宽：两单位共同承担的任务数"
                          "（最细 1 项，最粗 %zu 项）；社群内的线用社群的颜色，社群之间为灰色</TD></TR>",
                   max_w));
    if (all_edges)
        FG_TRY(appendf(&html, "<TR><TD ALIGN=\"LEFT\">画出全部 %zu 条联系</TD></TR>",
                       n_sub));
    else
        FG_TRY(appendf(&html, "<TR><TD ALIGN=\"LEFT\">只画骨干：差异过滤"
                              "（Serrano 等 2009），α = %g，对至少一方显著的联系，另加每个单位最强的一条；"
                              "%zu 条联系中画出 %zu 条，占共同任务权重的 %.0f%%"
                              "（render network --all-edges 画出全部）</TD></TR>",
                       alpha, n_sub, bb.n_kept, 100.0 * bb.weight_share));
    FG_TRY(appendf(&html, "</TABLE>"));
    {
        /* agstrdup_html marks the string as an HTML-like label. */
        char *h = agstrdup_html(v.g, html.ptr);

        if (h == NULL) {
            rc = fg_error_set(FG_ENOMEM, "out of memory");
            goto out;
        }
        agsafeset(v.g, (char *)"label", h, (char *)"");
        agstrfree(v.g, h);
    }

    for (size_t a = 0; a < n_ag; a++) {
        size_t c = d.comm_of[a];
        char tip[256];

        if (!d.keep[a])
            continue;
        FG_TRY(label(&lab, fg_graph_agency(g, a), 10, NULL));
        nodes[a] = agnode(v.g, (char *)fg_graph_agency(g, a), 1);
        if (nodes[a] == NULL) {
            rc = fg_error_set(FG_ERENDER, "graphviz: cannot add a node");
            goto out;
        }
        set(nodes[a], "label", lab.ptr);
        setf(nodes[a], "width", "%.3f", lead_width(d.lead_of[a], k));
        set(nodes[a], "fillcolor", d.lead_of[a] ? comm_fill[c % N_COMM_COLOURS] : "#ffffff");
        set(nodes[a], "color", comm_line[c % N_COMM_COLOURS]);
        snprintf(tip, sizeof tip, "牵头 %zu 项，参与 %zu 项", d.lead_of[a], d.total_of[a]);
        set(nodes[a], "tooltip", tip);
    }
    for (size_t i = 0; i < n_sub; i++) {
        Agedge_t *e;
        char colour[16];
        char tip[64];
        bool inside = d.comm_of[sub[i].a] == d.comm_of[sub[i].b];

        if (!drawn[i])
            continue;
        e = agedge(v.g, nodes[sub[i].a], nodes[sub[i].b], NULL, 1);
        snprintf(colour, sizeof colour, "%sb0",
                 inside ? comm_line[d.comm_of[sub[i].a] % N_COMM_COLOURS] : "#64748b");
        set(e, "color", colour);
        set(e, "len", inside ? "1.6" : "4.5");
        setf(e, "penwidth", "%.2f", 0.5 + 3.5 * sqrt((double)sub[i].shared / (double)max_w));
        snprintf(tip, sizeof tip, "%zu 项共同任务", sub[i].shared);
        set(e, "tooltip", tip);
    }
    /*
     * Blocks, not a ball: each community gets a title node (its central agency's name in its
     * colour) tied by invisible short springs to every drawn member, so that neato gathers
     * a community around its title; ties between communities are long springs.
     */
    for (size_t c = 0; c < d.n_com; c++) {
        char tname[64];
        Agnode_t *t;

        if (comm_drawn[c] == 0 || comm_drawn[c] < 2)
            continue;
        snprintf(tname, sizeof tname, "legend-community-%zu", c);
        t = agnode(v.g, tname, 1);
        if (t == NULL) {
            rc = fg_error_set(FG_ERENDER, "graphviz: cannot add a node");
            goto out;
        }
        FG_TRY(label(&lab, comm_name(g, &d, c), 40, NULL));
        set(t, "label", lab.ptr);
        set(t, "shape", "plaintext");
        set(t, "style", "");
        set(t, "fixedsize", "false");
        set(t, "fontsize", "14");
        set(t, "fontcolor", comm_line[c % N_COMM_COLOURS]);
        for (size_t a = 0; a < n_ag; a++) {
            Agedge_t *e;

            if (!d.keep[a] || d.comm_of[a] != c)
                continue;
            e = agedge(v.g, t, nodes[a], NULL, 1);
            set(e, "style", "invis");
            setf(e, "len", "%.2f", 0.9 + lead_width(d.lead_of[a], k) / 2);
        }
    }
    has_gv = false;
    rc = gv_finish(out, &v, "neato", opts, "network");
out:
    if (has_gv)
        gv_close(&v);
    if (has_d)
        net_free(&d);
    free(sub);
    free(drawn);
    free(comm_drawn);
    free(nodes);
    fg_str_dispose(&lab);
    fg_str_dispose(&html);
    return rc;
}

/* ---- the coordination matrix ---- */

/* The cell colour for w shared tasks of at most max_w: white to deep blue on a square-root
 * scale, so that the many small counts stay distinguishable from none. */
/*
 * The matrix's community key: a swatch and name (with its count of agencies shown) per
 * community with any, in rows from (230, 100) that wrap before width - 220. Written to s,
 * or only laid out when s is NULL; *y_out receives the baseline of its last row.
 */
static int matrix_key(fg_str *s, const fg_graph *g, const net_data *d, double width,
                      double *y_out)
{
    double x = 230;
    double y = 100;
    int rc = FG_OK;

    for (size_t c = 0; c < d->n_com; c++) {
        size_t shown = 0;

        for (size_t k = 0; k < d->com[c].n_members; k++)
            shown += d->keep[d->com[c].members[k]];
        if (shown == 0)
            continue;
        if (x > width - 220) {
            x = 230;
            y += 20;
        }
        if (s != NULL) {
            FG_TRY(appendf(s, "<rect x=\"%.0f\" y=\"%.0f\" width=\"14\" height=\"14\" "
                              "fill=\"%s\" stroke=\"%s\"/><text x=\"%.0f\" y=\"%.0f\">",
                           x, y - 11, comm_fill[c % N_COMM_COLOURS],
                           comm_line[c % N_COMM_COLOURS], x + 18, y));
            FG_TRY(fg_markup__escape(s, comm_name(g, d, c), true));
            FG_TRY(appendf(s, "（%zu）</text>\n", shown));
        }
        x += 200;
    }
    *y_out = y;
out:
    return rc;
}

static void matrix_shade(char *out, size_t n, size_t w, size_t max_w)
{
    double t = w == 0 || max_w == 0 ? 0 : 0.12 + 0.88 * sqrt((double)w / (double)max_w);
    int r = (int)lround(255 + t * (0x1e - 255));
    int gr = (int)lround(255 + t * (0x3a - 255));
    int b = (int)lround(255 + t * (0x8a - 255));

    snprintf(out, n, "#%02x%02x%02x", r, gr, b);
}

int fg_render_matrix(fg_map **out, const fg_graph *g, size_t top, const fg_render_opts *opts)
{
    const char *font = opts && opts->font ? opts->font : DEFAULT_FONT;
    net_data d;
    bool has_d = false;
    size_t n_ag = fg_graph_n_agencies(g);
    size_t *order = NULL;     /* position → agency */
    size_t *pos_of = NULL;    /* agency → position, SIZE_MAX when not shown */
    size_t *w = NULL;         /* n × n shared tasks */
    size_t n = 0;
    size_t max_w = 0;
    size_t longest = 0;
    fg_str s = FG_STR_INIT;
    fg_map *m = NULL;
    const double cell = 16;
    double label_w;
    double left;
    double top_y;
    double key_y;
    double width;
    double height;
    int rc = FG_OK;

    *out = NULL;
    if (opts && opts->format != FG_RENDER_SVG)
        return fg_error_set(FG_EINVAL, "render matrix: only SVG is written (--format svg)");
    FG_TRY(net_load(&d, g, top, opts ? opts->seed : FG_RENDER_SEED));
    has_d = true;
    order = malloc((n_ag + 1) * sizeof *order);
    pos_of = malloc((n_ag + 1) * sizeof *pos_of);
    FG_CHECK_ALLOC(order);
    FG_CHECK_ALLOC(pos_of);
    for (size_t a = 0; a < n_ag; a++)
        pos_of[a] = SIZE_MAX;
    /* Communities largest first; inside each, by strength (as fg_community lists them). */
    for (size_t c = 0; c < d.n_com; c++)
        for (size_t k = 0; k < d.com[c].n_members; k++) {
            size_t a = d.com[c].members[k];

            if (!d.keep[a])
                continue;
            pos_of[a] = n;
            order[n++] = a;
        }
    w = calloc(n * n + 1, sizeof *w);
    FG_CHECK_ALLOC(w);
    for (size_t i = 0; i < d.n_pairs; i++) {
        size_t pa = pos_of[d.pairs[i].a];
        size_t pb = pos_of[d.pairs[i].b];

        if (pa == SIZE_MAX || pb == SIZE_MAX)
            continue;
        w[pa * n + pb] = d.pairs[i].shared;
        w[pb * n + pa] = d.pairs[i].shared;
        if (d.pairs[i].shared > max_w)
            max_w = d.pairs[i].shared;
    }
    for (size_t i = 0; i < n; i++) {
        size_t cps = 0;

        for (const char *q = fg_graph_agency(g, order[i]); *q; q++)
            cps += ((unsigned char)*q & 0xc0) != 0x80;
        if (cps > longest)
            longest = cps;
    }
    label_w = 16 + 12.0 * (double)(longest < 24 ? longest : 24);
    left = 20 + label_w;
    width = left + (double)n * cell + 40;
    if (width < 760)
        width = 760;
    /* The community key's rows, measured, come before the matrix. */
    FG_TRY(matrix_key(NULL, g, &d, width, &key_y));
    top_y = key_y + 30 + label_w;
    height = top_y + (double)n * cell + 40;

    FG_TRY(appendf(&s,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0fpt\" height=\"%.0fpt\" "
                   "viewBox=\"0 0 %.0f %.0f\" font-family=\"",
                   width, height, width, height));
    FG_TRY(fg_markup__escape(&s, font, true));
    FG_TRY(appendf(&s, "\" font-size=\"11\">\n<title>机构协作矩阵</title>\n"
                       "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"white\"/>\n",
                   width, height));
    /* Title and legend. */
    FG_TRY(appendf(&s, "<text x=\"20\" y=\"30\" font-size=\"20\">机构协作矩阵（%zu 个单位）</text>\n"
                       "<g class=\"legend\">\n"
                       "<text x=\"20\" y=\"54\"><tspan font-weight=\"bold\">图例</tspan>"
                       "　格子：两单位共同承担的任务数（颜色越深越多，数字为任务数）；"
                       "对角线：该单位参与的任务数；行与列按协作社群排列，社群内按联系强度</text>\n",
                   n));
    {
        size_t steps[5] = {1, 0, 0, 0, max_w};
        double x = 20;

        steps[1] = max_w / 8 > 1 ? max_w / 8 : 2;
        steps[2] = max_w / 4 > steps[1] ? max_w / 4 : steps[1] + 1;
        steps[3] = max_w / 2 > steps[2] ? max_w / 2 : steps[2] + 1;
        FG_TRY(appendf(&s, "<text x=\"%.0f\" y=\"78\">共同任务：</text>\n", x));
        x += 70;
        for (int i = 0; i < 5 && max_w > 0; i++) {
            char colour[16];

            if (steps[i] > max_w || (i > 0 && steps[i] <= steps[i - 1]))
                continue;
            matrix_shade(colour, sizeof colour, steps[i], max_w);
            FG_TRY(appendf(&s, "<rect x=\"%.0f\" y=\"67\" width=\"14\" height=\"14\" fill=\"%s\" "
                               "stroke=\"#cbd5e1\"/><text x=\"%.0f\" y=\"78\">%zu</text>\n",
                           x, colour, x + 18, steps[i]));
            x += 60;
        }
    }
    FG_TRY(appendf(&s, "<text x=\"20\" y=\"100\">协作社群（以联系最强的单位命名）：</text>\n"));
    FG_TRY(matrix_key(&s, g, &d, width, &key_y));
    FG_TRY(appendf(&s, "</g>\n"));
    /* Row and column labels, with the community's colour band beside them. */
    for (size_t i = 0; i < n; i++) {
        size_t c = d.comm_of[order[i]];
        double y = top_y + (double)i * cell;
        double x = left + (double)i * cell;

        FG_TRY(appendf(&s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"%.0f\" fill=\"%s\"/>"
                           "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                       left - 8, y, cell, comm_fill[c % N_COMM_COLOURS], left - 11,
                       y + cell - 4));
        FG_TRY(fg_markup__escape(&s, fg_graph_agency(g, order[i]), true));
        FG_TRY(appendf(&s, "</text>\n<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"6\" "
                           "fill=\"%s\"/><text transform=\"translate(%.1f,%.1f) rotate(-90)\">",
                       x, top_y - 8, cell, comm_fill[c % N_COMM_COLOURS], x + cell - 4,
                       top_y - 11));
        FG_TRY(fg_markup__escape(&s, fg_graph_agency(g, order[i]), true));
        FG_TRY(appendf(&s, "</text>\n"));
    }
    /* The cells. */
    FG_TRY(appendf(&s, "<g class=\"cells\" font-size=\"8\" text-anchor=\"middle\">\n"));
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            size_t v = i == j ? d.total_of[order[i]] : w[i * n + j];
            double x = left + (double)j * cell;
            double y = top_y + (double)i * cell;
            char colour[16];

            if (v == 0)
                continue;
            if (i == j)
                snprintf(colour, sizeof colour, "#e2e8f0");
            else
                matrix_shade(colour, sizeof colour, v, max_w);
            FG_TRY(appendf(&s, "<g><title>"));
            FG_TRY(fg_markup__escape(&s, fg_graph_agency(g, order[i]), true));
            if (i == j) {
                FG_TRY(appendf(&s, "：参与 %zu 项任务</title>", v));
            } else {
                FG_TRY(appendf(&s, " – "));
                FG_TRY(fg_markup__escape(&s, fg_graph_agency(g, order[j]), true));
                FG_TRY(appendf(&s, "：%zu 项共同任务</title>", v));
            }
            FG_TRY(appendf(&s,
                           "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" "
                           "fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%zu</text></g>\n",
                           x, y, cell, cell, colour, x + cell / 2, y + cell - 5,
                           i != j && v * 4 > max_w ? "#ffffff" : "#334155", v));
        }
    FG_TRY(appendf(&s, "</g>\n"));
    /* Grid frame and the community blocks. */
    FG_TRY(appendf(&s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
                       "stroke=\"#94a3b8\"/>\n",
                   left, top_y, (double)n * cell, (double)n * cell));
    for (size_t i = 0; i < n;) {
        size_t c = d.comm_of[order[i]];
        size_t j = i;

        while (j < n && d.comm_of[order[j]] == c)
            j++;
        FG_TRY(appendf(&s, "<rect class=\"block\" x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" "
                           "height=\"%.0f\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                       left + (double)i * cell, top_y + (double)i * cell, (double)(j - i) * cell,
                       (double)(j - i) * cell, comm_line[c % N_COMM_COLOURS]));
        i = j;
    }
    FG_TRY(appendf(&s, "</svg>\n"));
    m = calloc(1, sizeof *m);
    FG_CHECK_ALLOC(m);
    m->len = s.len;
    m->data = fg_str_steal(&s);
    FG_CHECK_ALLOC(m->data);
    FG_TRY(fg_render_safe_name(&m->name, "matrix"));
    *out = m;
    m = NULL;
out:
    if (has_d)
        net_free(&d);
    fg_map_free(m);
    free(order);
    free(pos_of);
    free(w);
    fg_str_dispose(&s);
    return rc;
}

/*
 * Analysis: the bipartite task–agency graph, its agency projection and the measures on it.
 *
 * Edges stream from the store (fg_store_edge_rows, in document order) and are filtered
 * here, with agencies mapped to their canonical name (or their successor in the --as-of
 * year). One edge is kept per (task, agency), lead when the agency leads in any of its
 * assignments to the task. The projection is counted from the edge lists in the order
 * igraph_bipartite_projection() would give: weight = shared tasks, length = 1/weight. Every igraph
 * call runs under an error handler that frees igraph's finally stack and turns the reason into
 * FG_EGRAPH (igraph would abort by default); the previous handler is restored afterwards. Agencies
 * are sorted by name and the RNG is seeded, so results are reproducible.
 */
#define _GNU_SOURCE /* qsort_r */
#include "fengong/analysis.h"

#include <igraph/igraph.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_int.h"
#include "error.h"
#include "grow.h"
#include "rank.h"
#include "str.h"

struct fg_graph {
    fg_arena *arena;
    fg_task_info *tasks;
    size_t n_tasks;
    const char **agencies;
    size_t n_agencies;
    /* deduplicated bipartite edges, sorted by (task, agency) */
    uint32_t *e_task;
    uint32_t *e_agency;
    unsigned char *e_lead;
    size_t n_edges;
    size_t *lead;           /* per agency */
    size_t *co;
    size_t *documents;
    /* projection over agencies: vertex i = agency i */
    igraph_t proj;
    igraph_vector_t weight;
    igraph_vector_t length;
    bool has_proj;
    bool has_weight;
    bool has_length;
};

/* ---- igraph errors ---- */

static void graph_error_handler(const char *reason, const char *file, int line,
                                igraph_error_t err)
{
    IGRAPH_FINALLY_FREE();
    fg_error__setf(FG_EGRAPH, file, line, "igraph: %s (%s)", reason, igraph_strerror(err));
}

/* Run an igraph call with our handler in place; evaluates to FG_OK or FG_EGRAPH. */
#define IG(call) ig_check((call), #call)

static int ig_check(igraph_error_t err, const char *what)
{
    if (err == IGRAPH_SUCCESS)
        return FG_OK;
    if (fg_error_last()->code != FG_EGRAPH)
        return fg_error_set(FG_EGRAPH, "igraph: %s failed (%s)", what, igraph_strerror(err));
    return FG_EGRAPH;
}

typedef struct handlers {
    igraph_error_handler_t *err;
    igraph_warning_handler_t *warn;
} handlers;

static void quiet_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

static handlers push_handlers(void)
{
    handlers h;

    h.err = igraph_set_error_handler(graph_error_handler);
    h.warn = igraph_set_warning_handler(quiet_warning);
    return h;
}

static void pop_handlers(handlers h)
{
    igraph_set_error_handler(h.err);
    igraph_set_warning_handler(h.warn);
}

/* ---- loading ---- */

/* An assignment of the task being read: agency as a name index, and its role. */
typedef struct pend_edge {
    uint32_t name;
    unsigned char lead;
} pend_edge;

/* A store agency that passes the filter: its id and the name it counts under. */
typedef struct kept_agency {
    long long id;
    const char *name;       /* arena */
    uint32_t index;         /* into the sorted distinct names */
} kept_agency;

typedef struct load_ctx {
    fg_graph *g;
    const fg_filter *f;
    const fg_gazetteer *gz;
    /* agencies: kept ones by id; dense map id → name index when ids are dense */
    kept_agency *kept;
    size_t n_kept;
    size_t cap_kept;
    uint32_t *dense;
    long long max_id;
    const char **names;     /* distinct names, sorted */
    size_t n_names;
    /* the task being read */
    long long clause_id;
    long long item_id;
    long long doc_id;
    fg_task_info cur_task;
    pend_edge *cur;
    size_t n_cur;
    size_t cap_cur;
    /* edges of the tasks read so far, in task order */
    uint32_t *e_task;
    uint32_t *e_name;
    unsigned char *e_lead;
    size_t n_edges;
    size_t cap_edges;
    size_t cap_tasks;
    int rc;
} load_ctx;

static int on_agency(const fg_store_agency_row *r, void *payload)
{
    load_ctx *l = payload;
    const fg_filter *f = l->f;
    const char *name = r->name;
    kept_agency *k;

    if (!f->include_generic && (strcmp(r->status, "generic") == 0 ||
                                strcmp(r->status, "group") == 0))
        return 0;
    if (f->level && strcmp(r->level, f->level) != 0)
        return 0;
    name = fg_gazetteer_name_as_of(l->gz, name, f->as_of);
    if (FG_GROW(l->kept, l->cap_kept, l->n_kept, 256) < 0)
        goto oom;
    k = &l->kept[l->n_kept++];
    k->id = r->id;
    k->name = fg_arena_strndup(l->g->arena, name, strlen(name));
    k->index = 0;
    if (k->name == NULL)
        goto oom;
    if (r->id > l->max_id)
        l->max_id = r->id;
    return 0;
oom:
    l->rc = fg_error_set(FG_ENOMEM, "out of memory");
    return 1;
}

static int cmp_kept_name(const void *a, const void *b)
{
    return strcmp(((const kept_agency *)a)->name, ((const kept_agency *)b)->name);
}

static int cmp_kept_id(const void *a, const void *b)
{
    long long x = ((const kept_agency *)a)->id;
    long long y = ((const kept_agency *)b)->id;

    return x < y ? -1 : x > y;
}

/* Distinct names in strcmp order, each kept agency pointing at its name; then the kept
 * agencies back in id order, with a dense id → name map when the ids allow it. */
static int index_agencies(load_ctx *l)
{
    if (l->n_kept == 0)
        return FG_OK;
    qsort(l->kept, l->n_kept, sizeof *l->kept, cmp_kept_name);
    l->names = malloc(l->n_kept * sizeof *l->names);
    if (l->names == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < l->n_kept; i++) {
        if (l->n_names == 0 || strcmp(l->names[l->n_names - 1], l->kept[i].name) != 0)
            l->names[l->n_names++] = l->kept[i].name;
        l->kept[i].index = (uint32_t)(l->n_names - 1);
    }
    qsort(l->kept, l->n_kept, sizeof *l->kept, cmp_kept_id);
    if (l->max_id >= 0 && (size_t)l->max_id <= 4 * l->n_kept + 65536) {
        l->dense = malloc(((size_t)l->max_id + 1) * sizeof *l->dense);
        if (l->dense == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        for (long long i = 0; i <= l->max_id; i++)
            l->dense[i] = UINT32_MAX;
        for (size_t i = 0; i < l->n_kept; i++)
            if (l->kept[i].id >= 0)
                l->dense[l->kept[i].id] = l->kept[i].index;
    }
    return FG_OK;
}

/* The name index of a store agency, or UINT32_MAX when the filter drops it. */
static uint32_t name_of(const load_ctx *l, long long id)
{
    size_t lo = 0;
    size_t hi = l->n_kept;

    if (l->dense)
        return id >= 0 && id <= l->max_id ? l->dense[id] : UINT32_MAX;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (l->kept[mid].id == id)
            return l->kept[mid].index;
        if (l->kept[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return UINT32_MAX;
}

static int cmp_pend(const void *a, const void *b)
{
    uint32_t x = ((const pend_edge *)a)->name;
    uint32_t y = ((const pend_edge *)b)->name;

    return x < y ? -1 : x > y;
}

/* The task read so far becomes a task of the graph: one edge per agency (lead when any of
 * its assignments leads), then the role filter on that merged role; a task left without
 * an edge is dropped. */
static int close_task(load_ctx *l)
{
    fg_graph *g = l->g;
    size_t m = 0;

    if (l->n_cur == 0)
        return FG_OK;
    qsort(l->cur, l->n_cur, sizeof *l->cur, cmp_pend);
    for (size_t i = 0; i < l->n_cur; i++) {
        if (m && l->cur[m - 1].name == l->cur[i].name) {
            l->cur[m - 1].lead |= l->cur[i].lead;
            continue;
        }
        l->cur[m++] = l->cur[i];
    }
    l->n_cur = m;
    if (l->f->roles != FG_ROLES_ALL) {
        m = 0;
        for (size_t i = 0; i < l->n_cur; i++)
            if ((l->f->roles == FG_ROLES_LEAD) == (l->cur[i].lead != 0))
                l->cur[m++] = l->cur[i];
        l->n_cur = m;
    }
    if (l->n_cur == 0)
        return FG_OK;
    if (g->n_tasks >= UINT32_MAX - 1 || l->n_edges + l->n_cur >= (size_t)UINT32_MAX * 4)
        return fg_error_set(FG_ENOMEM, "too many tasks for one graph; select fewer documents");
    if (FG_GROW(g->tasks, l->cap_tasks, g->n_tasks, 256) < 0)
        return FG_ENOMEM;
    if (l->n_edges + l->n_cur > l->cap_edges) {
        size_t cap = l->cap_edges ? l->cap_edges : 1024;

        while (cap < l->n_edges + l->n_cur)
            cap *= 2;
        if (FG_RESIZE(l->e_task, cap) < 0 || FG_RESIZE(l->e_name, cap) < 0 ||
            FG_RESIZE(l->e_lead, cap) < 0)
            return FG_ENOMEM;
        l->cap_edges = cap;
    }
    g->tasks[g->n_tasks] = l->cur_task;
    for (size_t i = 0; i < l->n_cur; i++) {
        l->e_task[l->n_edges] = (uint32_t)g->n_tasks;
        l->e_name[l->n_edges] = l->cur[i].name;
        l->e_lead[l->n_edges] = l->cur[i].lead;
        l->n_edges++;
    }
    g->n_tasks++;
    l->n_cur = 0;
    return FG_OK;
}

static int on_row(const fg_store_edge_row *r, void *payload)
{
    load_ctx *l = payload;
    fg_arena *a = l->g->arena;
    uint32_t name = name_of(l, r->agency_id);
    int rc = FG_OK;

    if (name == UINT32_MAX)
        return 0;
    if (r->clause_id != l->clause_id) {
        FG_TRY(close_task(l));
        /* Strings are copied once per document and once per item, and shared. */
        if (r->doc_id != l->doc_id) {
            l->cur_task.doc = fg_arena_strndup(a, r->doc, strlen(r->doc));
            FG_CHECK_ALLOC(l->cur_task.doc);
            l->doc_id = r->doc_id;
            l->item_id = -1;
        }
        if (r->item_id != l->item_id) {
            l->cur_task.item = fg_arena_strndup(a, r->path, strlen(r->path));
            l->cur_task.title = fg_arena_strndup(a, r->title, strlen(r->title));
            FG_CHECK_ALLOC(l->cur_task.item);
            FG_CHECK_ALLOC(l->cur_task.title);
            l->item_id = r->item_id;
        }
        l->cur_task.clause = (size_t)(r->clause > 0 ? r->clause : 0);
        l->cur_task.year = r->year;
        l->clause_id = r->clause_id;
    }
    FG_TRY(FG_GROW(l->cur, l->cap_cur, l->n_cur, 64));
    l->cur[l->n_cur].name = name;
    l->cur[l->n_cur].lead = r->lead;
    l->n_cur++;
    return 0;
out:
    l->rc = rc;
    return 1;
}

/*
 * The agency projection, built straight from the edge lists: agency i is joined to every
 * agency j > i that shares a task, with weight = the number of shared tasks. Edges come in
 * the order igraph_bipartite_projection() gives them (by i; then by task; then by j), so
 * results that depend on edge order (community ids) are as before, at a fraction of the
 * memory: no bipartite igraph_t is built.
 */
static int build_projection(fg_graph *g)
{
    handlers h = push_handlers();
    size_t na = g->n_agencies;
    size_t *task_first = malloc((g->n_tasks + 1) * sizeof *task_first);
    size_t *ag_first = calloc(na + 1, sizeof *ag_first);
    uint32_t *ag_tasks = malloc((g->n_edges + 1) * sizeof *ag_tasks);
    size_t *fill = malloc((na + 1) * sizeof *fill);
    size_t *added = calloc(na + 1, sizeof *added);
    size_t *mult = malloc((na + 1) * sizeof *mult);
    uint32_t *seen = malloc((na + 1) * sizeof *seen);
    igraph_vector_int_t edges;
    bool has_edges = false;
    size_t n_proj = 0;
    int rc = FG_OK;

    if (!task_first || !ag_first || !ag_tasks || !fill || !added || !mult || !seen) {
        rc = fg_error_set(FG_ENOMEM, "out of memory");
        goto out;
    }
    /* edges are sorted by task: each task's agencies are one ascending run */
    for (size_t t = 0, i = 0; t <= g->n_tasks; t++) {
        while (i < g->n_edges && g->e_task[i] < t)
            i++;
        task_first[t] = i;
    }
    for (size_t i = 0; i < g->n_edges; i++)
        ag_first[g->e_agency[i] + 1]++;
    for (size_t a = 0; a < na; a++)
        ag_first[a + 1] += ag_first[a];
    memcpy(fill, ag_first, na * sizeof *fill);
    for (size_t i = 0; i < g->n_edges; i++)
        ag_tasks[fill[g->e_agency[i]]++] = g->e_task[i];
    FG_TRY(IG(igraph_vector_int_init(&edges, 0)));
    has_edges = true;
    FG_TRY(IG(igraph_vector_init(&g->weight, 0)));
    g->has_weight = true;
    for (size_t i = 0; i < na; i++) {
        size_t n_seen = 0;

        for (size_t k = ag_first[i]; k < ag_first[i + 1]; k++) {
            size_t t = ag_tasks[k];

            for (size_t e = task_first[t]; e < task_first[t + 1]; e++) {
                size_t j = g->e_agency[e];

                if (j <= i)
                    continue;
                if (added[j] == i + 1) {
                    mult[j]++;
                    continue;
                }
                added[j] = i + 1;
                mult[j] = 1;
                seen[n_seen++] = (uint32_t)j;
            }
        }
        for (size_t s = 0; s < n_seen; s++) {
            FG_TRY(IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)i)));
            FG_TRY(IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)seen[s])));
            FG_TRY(IG(igraph_vector_push_back(&g->weight, (igraph_real_t)mult[seen[s]])));
            n_proj++;
        }
    }
    FG_TRY(IG(igraph_create(&g->proj, &edges, (igraph_integer_t)na, IGRAPH_UNDIRECTED)));
    g->has_proj = true;
    FG_TRY(IG(igraph_vector_init(&g->length, (igraph_integer_t)n_proj)));
    g->has_length = true;
    for (size_t k = 0; k < n_proj; k++)
        VECTOR(g->length)[k] = 1.0 / VECTOR(g->weight)[k];
out:
    if (has_edges)
        igraph_vector_int_destroy(&edges);
    free(task_first);
    free(ag_first);
    free(ag_tasks);
    free(fill);
    free(added);
    free(mult);
    free(seen);
    pop_handlers(h);
    return rc;
}

int fg_graph_load(fg_graph **out, fg_store *st, const fg_gazetteer *gz, const fg_filter *f)
{
    fg_filter def = FG_FILTER_INIT;
    fg_store_edge_query q;
    load_ctx l;
    fg_graph *g = NULL;
    uint32_t *remap = NULL;
    const char **last_doc = NULL;
    int rc = FG_OK;

    if (out == NULL || st == NULL)
        return fg_error_set(FG_EINVAL, "fg_graph_load: out and store are required");
    *out = NULL;
    memset(&l, 0, sizeof l);
    g = calloc(1, sizeof *g);
    FG_CHECK_ALLOC(g);
    g->arena = fg_arena_new();
    FG_CHECK_ALLOC(g->arena);
    l.g = g;
    l.f = f ? f : &def;
    l.gz = gz;
    l.max_id = -1;
    l.clause_id = l.item_id = l.doc_id = -1;

    FG_TRY(fg_store_agency_list(st, on_agency, &l));
    FG_TRY(l.rc);
    FG_TRY(index_agencies(&l));
    q.docs = l.f->docs;
    q.n_docs = l.f->n_docs;
    q.year = l.f->year;
    FG_TRY(fg_store_edge_rows(st, &q, on_row, &l));
    FG_TRY(l.rc);
    FG_TRY(close_task(&l));

    /* Agencies: the names some edge uses, still sorted; edges renumbered to them. */
    remap = malloc((l.n_names + 1) * sizeof *remap);
    FG_CHECK_ALLOC(remap);
    for (size_t i = 0; i < l.n_names; i++)
        remap[i] = UINT32_MAX;
    for (size_t i = 0; i < l.n_edges; i++)
        remap[l.e_name[i]] = 0;
    g->agencies = malloc((l.n_names + 1) * sizeof *g->agencies);
    FG_CHECK_ALLOC(g->agencies);
    for (size_t i = 0; i < l.n_names; i++) {
        if (remap[i] == UINT32_MAX)
            continue;
        remap[i] = (uint32_t)g->n_agencies;
        g->agencies[g->n_agencies++] = l.names[i];
    }
    for (size_t i = 0; i < l.n_edges; i++)
        l.e_name[i] = remap[l.e_name[i]];
    g->e_task = l.e_task;
    g->e_agency = l.e_name;
    g->e_lead = l.e_lead;
    g->n_edges = l.n_edges;
    l.e_task = l.e_name = NULL;
    l.e_lead = NULL;

    g->lead = calloc(g->n_agencies + 1, sizeof *g->lead);
    g->co = calloc(g->n_agencies + 1, sizeof *g->co);
    g->documents = calloc(g->n_agencies + 1, sizeof *g->documents);
    last_doc = calloc(g->n_agencies + 1, sizeof *last_doc);
    FG_CHECK_ALLOC(g->lead);
    FG_CHECK_ALLOC(g->co);
    FG_CHECK_ALLOC(g->documents);
    FG_CHECK_ALLOC(last_doc);
    for (size_t i = 0; i < g->n_edges; i++) {
        size_t a = g->e_agency[i];
        const char *doc = g->tasks[g->e_task[i]].doc;

        if (g->e_lead[i])
            g->lead[a]++;
        else
            g->co[a]++;
        /* Tasks are in document order and each document's name is copied once. */
        if (last_doc[a] != doc)
            g->documents[a]++;
        last_doc[a] = doc;
    }
    FG_TRY(build_projection(g));
    *out = g;
    g = NULL;
out:
    free(l.kept);
    free(l.dense);
    free(l.names);
    free(l.cur);
    free(l.e_task);
    free(l.e_name);
    free(l.e_lead);
    free(remap);
    free(last_doc);
    fg_graph_free(g);
    return rc;
}

void fg_graph_free(fg_graph *g)
{
    if (g == NULL)
        return;
    if (g->has_proj)
        igraph_destroy(&g->proj);
    if (g->has_weight)
        igraph_vector_destroy(&g->weight);
    if (g->has_length)
        igraph_vector_destroy(&g->length);
    free(g->tasks);
    free(g->agencies);
    free(g->e_task);
    free(g->e_agency);
    free(g->e_lead);
    free(g->lead);
    free(g->co);
    free(g->documents);
    fg_arena_free(g->arena);
    free(g);
}

size_t fg_graph_n_agencies(const fg_graph *g)
{
    return g->n_agencies;
}

size_t fg_graph_n_tasks(const fg_graph *g)
{
    return g->n_tasks;
}

const char *fg_graph_agency(const fg_graph *g, size_t i)
{
    return i < g->n_agencies ? g->agencies[i] : "";
}

const fg_task_info *fg_graph_task(const fg_graph *g, size_t t)
{
    return t < g->n_tasks ? &g->tasks[t] : NULL;
}

size_t fg_graph_n_edges(const fg_graph *g)
{
    return g->n_edges;
}

size_t fg_graph_n_ties(const fg_graph *g)
{
    return g->has_proj ? (size_t)igraph_ecount(&g->proj) : 0;
}

bool fg_graph_paths_are_costly(const fg_graph *g)
{
    return (double)fg_graph_n_agencies(g) * (double)fg_graph_n_ties(g) > 2e8;
}

void fg_graph_edge(const fg_graph *g, size_t i, size_t *task, size_t *agency, fg_role *role)
{
    *task = g->e_task[i];
    *agency = g->e_agency[i];
    *role = g->e_lead[i] ? FG_ROLE_LEAD : FG_ROLE_CO;
}

/* Levenshtein distance over code points (short names only), for "did you mean". */
static size_t edit_distance(const char *a, const char *b)
{
    int32_t ca[64];
    int32_t cb[64];
    size_t na = 0;
    size_t nb = 0;
    size_t d[65];

    for (size_t i = 0, n; a[i] && na < 64; i += n)
        ca[na++] = fg_utf8_decode(a + i, strlen(a + i), &n);
    for (size_t i = 0, n; b[i] && nb < 64; i += n)
        cb[nb++] = fg_utf8_decode(b + i, strlen(b + i), &n);
    for (size_t j = 0; j <= nb; j++)
        d[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t prev = d[0];

        d[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t cur = d[j];
            size_t best = prev + (ca[i - 1] != cb[j - 1]);

            if (d[j] + 1 < best)
                best = d[j] + 1;
            if (d[j - 1] + 1 < best)
                best = d[j - 1] + 1;
            d[j] = best;
            prev = cur;
        }
    }
    return d[nb];
}

size_t fg_analysis__agency_index(const fg_graph *g, const char *name)
{
    size_t lo = 0;
    size_t hi = g->n_agencies;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->agencies[mid], name);

        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

int fg_graph_find(size_t *idx, const fg_graph *g, const fg_gazetteer *gz, const char *name)
{
    size_t i = fg_analysis__agency_index(g, name);
    size_t best[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    size_t best_d[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    char hint[256] = "";

    if (i == SIZE_MAX && gz) {
        const fg_agency_entry *e = fg_gazetteer_lookup(gz, name, strlen(name));

        /* The canonical name, or a later name of it (old names work too). */
        for (size_t steps = 0; e && i == SIZE_MAX && steps < 32; steps++) {
            i = fg_analysis__agency_index(g, e->canonical);
            if (i == SIZE_MAX && e->successor[0])
                e = fg_gazetteer_lookup(gz, e->successor, strlen(e->successor));
            else
                break;
        }
    }
    if (i != SIZE_MAX) {
        *idx = i;
        return FG_OK;
    }
    for (size_t k = 0; k < g->n_agencies; k++) {
        size_t d = edit_distance(name, g->agencies[k]);

        for (size_t s = 0; s < 3; s++) {
            if (d < best_d[s]) {
                memmove(&best[s + 1], &best[s], (2 - s) * sizeof *best);
                memmove(&best_d[s + 1], &best_d[s], (2 - s) * sizeof *best_d);
                best[s] = k;
                best_d[s] = d;
                break;
            }
        }
    }
    for (size_t s = 0; s < 3 && best[s] != SIZE_MAX; s++) {
        size_t used = strlen(hint);

        snprintf(hint + used, sizeof hint - used, "%s%s", s ? ", " : "; closest: ",
                 g->agencies[best[s]]);
    }
    return fg_error_set(FG_ENOTFOUND, "%s: no such agency in the selected documents%s", name,
                        hint);
}

/* ---- load ---- */

/* For the sorts below: agencies a and b of g in the order of their names. */
static int cmp_agency_names(const fg_graph *g, size_t a, size_t b)
{
    return strcmp(g->agencies[a], g->agencies[b]);
}

static int cmp_load(const void *a, const void *b, void *payload)
{
    const fg_load_row *x = a;
    const fg_load_row *y = b;
    int c = fg_larger_first(x->lead, y->lead);

    if (c == 0)
        c = fg_larger_first(x->total, y->total);
    return c ? c : cmp_agency_names(payload, x->agency, y->agency);
}

/* The Gini coefficient and the top-5 share of g's lead counts, into bal (total_leads set). */
static int lead_concentration(fg_balance *bal, const fg_graph *g)
{
    size_t *leads = malloc(g->n_agencies * sizeof *leads);

    if (leads == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    memcpy(leads, g->lead, g->n_agencies * sizeof *leads);
    /* Gini = Σ (2i − n − 1) x_i / (n Σ x), x ascending, i from 1. */
    qsort(leads, g->n_agencies, sizeof *leads, fg_size_cmp);
    if (bal->total_leads) {
        double num = 0.0;
        double n = (double)g->n_agencies;

        for (size_t i = 0; i < g->n_agencies; i++)
            num += (2.0 * (double)(i + 1) - n - 1.0) * (double)leads[i];
        bal->gini = num / (n * (double)bal->total_leads);
        for (size_t i = 0; i < 5 && i < g->n_agencies; i++)
            bal->top5_share += (double)leads[g->n_agencies - 1 - i];
        bal->top5_share /= (double)bal->total_leads;
    }
    free(leads);
    return FG_OK;
}

/* The tasks of g with no lead and those with more than three, into bal. */
static int count_task_leads(fg_balance *bal, const fg_graph *g)
{
    size_t *task_leads = calloc(g->n_tasks + 1, sizeof *task_leads);

    if (task_leads == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < g->n_edges; i++)
        if (g->e_lead[i])
            task_leads[g->e_task[i]]++;
    for (size_t t = 0; t < g->n_tasks; t++) {
        if (task_leads[t] == 0)
            bal->tasks_no_lead++;
        if (task_leads[t] > 3)
            bal->tasks_over3_leads++;
    }
    free(task_leads);
    return FG_OK;
}

int fg_analysis_load(fg_load_row **rows_out, size_t *n_out, fg_balance *bal, const fg_graph *g)
{
    fg_load_row *rows = NULL;
    int rc = FG_OK;

    *rows_out = NULL;
    *n_out = 0;
    memset(bal, 0, sizeof *bal);
    bal->n_agencies = g->n_agencies;
    bal->n_tasks = g->n_tasks;
    if (g->n_agencies == 0)
        return FG_OK;
    rows = calloc(g->n_agencies, sizeof *rows);
    FG_CHECK_ALLOC(rows);
    for (size_t a = 0; a < g->n_agencies; a++)
        bal->total_leads += g->lead[a];
    for (size_t a = 0; a < g->n_agencies; a++) {
        rows[a].agency = a;
        rows[a].lead = g->lead[a];
        rows[a].co = g->co[a];
        rows[a].total = g->lead[a] + g->co[a];
        rows[a].documents = g->documents[a];
        rows[a].lead_share = bal->total_leads ? (double)g->lead[a] / bal->total_leads : 0.0;
        if (g->lead[a] == 0 && g->co[a] > 0)
            bal->co_only++;
        bal->hhi += rows[a].lead_share * rows[a].lead_share;
    }
    qsort_r(rows, g->n_agencies, sizeof *rows, cmp_load, (void *)g);
    FG_TRY(lead_concentration(bal, g));
    FG_TRY(count_task_leads(bal, g));
    *rows_out = rows;
    *n_out = g->n_agencies;
    rows = NULL;
out:
    free(rows);
    return rc;
}

/* ---- centrality ---- */

int fg_analysis_centrality(fg_centrality_row **rows_out, size_t *n_out, const fg_graph *g)
{
    return fg_analysis_centrality_some(rows_out, n_out, g, FG_MEASURE_ALL);
}

/* splitmix64: a small seeded generator for picking sources, the same on every platform. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* k distinct agencies, chosen uniformly (partial Fisher–Yates), in ascending order. */
static int pick_sources(igraph_vector_int_t *out, size_t n, size_t k, unsigned long seed)
{
    size_t *perm = malloc((n + 1) * sizeof *perm);
    uint64_t state = seed;
    int rc = FG_OK;

    FG_CHECK_ALLOC(perm);
    for (size_t i = 0; i < n; i++)
        perm[i] = i;
    for (size_t i = 0; i < k; i++) {
        size_t j = i + (size_t)(next_random(&state) % (n - i));
        size_t t = perm[i];

        perm[i] = perm[j];
        perm[j] = t;
    }
    FG_TRY(IG(igraph_vector_int_resize(out, (igraph_integer_t)k)));
    for (size_t i = 0; i < k; i++)
        VECTOR(*out)[i] = (igraph_integer_t)perm[i];
    igraph_vector_int_sort(out);
out:
    free(perm);
    return rc;
}

/* Betweenness and harmonic centrality estimated from the sampled sources. */
static int sampled_paths(fg_centrality_row *rows, const fg_graph *g, unsigned measures,
                         const igraph_vector_int_t *src)
{
    size_t n = g->n_agencies;
    size_t k = (size_t)igraph_vector_int_size(src);
    double scale = (double)n / (double)k;
    igraph_vector_t v;
    igraph_matrix_t d;
    bool has_v = false;
    bool has_d = false;
    int rc = FG_OK;

    if (measures & FG_MEASURE_BETWEENNESS) {
        FG_TRY(IG(igraph_vector_init(&v, 0)));
        has_v = true;
        FG_TRY(IG(igraph_betweenness_subset(&g->proj, &v, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                            igraph_vss_vector(src), igraph_vss_all(),
                                            &g->length)));
        for (size_t a = 0; a < n; a++)
            rows[a].betweenness = VECTOR(v)[a] * scale;
    }
    if (measures & FG_MEASURE_HARMONIC) {
        /* harmonic(v) = Σ_u 1/d(u, v) over the other agencies; from k sources it is
         * Σ_s 1/d(s, v) · (n − 1)/(k − [v sampled]). */
        FG_TRY(IG(igraph_matrix_init(&d, 0, 0)));
        has_d = true;
        FG_TRY(IG(igraph_distances_dijkstra(&g->proj, &d, igraph_vss_vector(src),
                                             igraph_vss_all(), &g->length, IGRAPH_ALL)));
        for (size_t a = 0; a < n; a++) {
            double sum = 0.0;
            size_t others = k;

            for (size_t s = 0; s < k; s++) {
                double x = MATRIX(d, (igraph_integer_t)s, (igraph_integer_t)a);

                if ((size_t)VECTOR(*src)[s] == a)
                    others--;
                else if (x > 0 && isfinite(x))
                    sum += 1.0 / x;
            }
            rows[a].harmonic = others ? sum * (double)(n - 1) / (double)others : 0.0;
        }
    }
out:
    if (has_v)
        igraph_vector_destroy(&v);
    if (has_d)
        igraph_matrix_destroy(&d);
    return rc;
}

int fg_analysis_centrality_some(fg_centrality_row **rows_out, size_t *n_out, const fg_graph *g,
                                unsigned measures)
{
    fg_centrality_opts o = FG_CENTRALITY_OPTS_INIT;

    o.measures = measures;
    return fg_analysis_centrality_opts(rows_out, n_out, NULL, g, &o);
}

int fg_analysis_centrality_opts(fg_centrality_row **rows_out, size_t *n_out,
                                fg_centrality_info *info, const fg_graph *g,
                                const fg_centrality_opts *opts)
{
    fg_centrality_opts def = FG_CENTRALITY_OPTS_INIT;
    handlers h = push_handlers();
    igraph_vector_t v;
    igraph_vector_int_t deg;
    igraph_vector_int_t src;
    fg_centrality_row *rows = NULL;
    size_t n = g->n_agencies;
    unsigned measures;
    bool sampled;
    bool has_v = false;
    bool has_deg = false;
    bool has_src = false;
    int rc = FG_OK;

    *rows_out = NULL;
    *n_out = 0;
    if (opts == NULL)
        opts = &def;
    measures = opts->measures;
    if (opts->cutoff < 0 || isnan(opts->cutoff)) {
        rc = fg_error_set(FG_EINVAL, "the path cutoff must be a positive length");
        goto out;
    }
    if (opts->cutoff > 0 && opts->sample > 0) {
        rc = fg_error_set(FG_EINVAL, "use either a path cutoff or a sample, not both");
        goto out;
    }
    sampled = opts->sample > 0 && opts->sample < n;
    if (info) {
        info->sources = sampled ? opts->sample : n;
        info->sampled = sampled;
        info->cutoff = opts->cutoff;
    }
    rows = calloc(n ? n : 1, sizeof *rows);
    FG_CHECK_ALLOC(rows);
    for (size_t a = 0; a < n; a++)
        rows[a].agency = a;
    if (n == 0)
        goto done;
    FG_TRY(IG(igraph_vector_init(&v, 0)));
    has_v = true;
    FG_TRY(IG(igraph_vector_int_init(&deg, 0)));
    has_deg = true;
    if (measures & FG_MEASURE_DEGREE) {
        FG_TRY(IG(igraph_degree(&g->proj, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS)));
        for (size_t a = 0; a < n; a++)
            rows[a].degree = (size_t)VECTOR(deg)[a];
        FG_TRY(IG(igraph_strength(&g->proj, &v, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                                  &g->weight)));
        for (size_t a = 0; a < n; a++)
            rows[a].strength = VECTOR(v)[a];
    }
    if (sampled && (measures & (FG_MEASURE_BETWEENNESS | FG_MEASURE_HARMONIC))) {
        FG_TRY(IG(igraph_vector_int_init(&src, 0)));
        has_src = true;
        FG_TRY(pick_sources(&src, n, opts->sample, opts->seed));
        FG_TRY(sampled_paths(rows, g, measures, &src));
        measures &= ~(unsigned)(FG_MEASURE_BETWEENNESS | FG_MEASURE_HARMONIC);
    }
    /* A cutoff of -1 is igraph's "no cutoff". */
    if (measures & FG_MEASURE_BETWEENNESS) {
        FG_TRY(IG(igraph_betweenness_cutoff(&g->proj, &v, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                            &g->length, opts->cutoff > 0 ? opts->cutoff : -1)));
        for (size_t a = 0; a < n; a++)
            rows[a].betweenness = VECTOR(v)[a];
    }
    if (measures & FG_MEASURE_HARMONIC) {
        FG_TRY(IG(igraph_harmonic_centrality_cutoff(&g->proj, &v, igraph_vss_all(), IGRAPH_ALL,
                                                    &g->length, false,
                                                    opts->cutoff > 0 ? opts->cutoff : -1)));
        for (size_t a = 0; a < n; a++)
            rows[a].harmonic = VECTOR(v)[a];
    }
    if ((measures & FG_MEASURE_EIGENVECTOR) && igraph_ecount(&g->proj) > 0) {
        FG_TRY(IG(igraph_eigenvector_centrality(&g->proj, &v, NULL, IGRAPH_UNDIRECTED, true,
                                                &g->weight, NULL)));
        for (size_t a = 0; a < n; a++)
            rows[a].eigenvector = VECTOR(v)[a];
    }
    if (measures & FG_MEASURE_PAGERANK) {
        FG_TRY(IG(igraph_pagerank(&g->proj, IGRAPH_PAGERANK_ALGO_ARPACK, &v, NULL,
                                  igraph_vss_all(), IGRAPH_UNDIRECTED, 0.85, &g->weight, NULL)));
        for (size_t a = 0; a < n; a++)
            rows[a].pagerank = VECTOR(v)[a];
    }
done:
    *rows_out = rows;
    *n_out = n;
    rows = NULL;
out:
    if (has_v)
        igraph_vector_destroy(&v);
    if (has_deg)
        igraph_vector_int_destroy(&deg);
    if (has_src)
        igraph_vector_int_destroy(&src);
    pop_handlers(h);
    free(rows);
    return rc;
}

/* ---- communities ---- */

void fg_communities_free(fg_community *c, size_t n)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        free(c[i].members);
        free(c[i].tasks);
    }
    free(c);
}

int fg_analysis_communities(fg_community **out, size_t *n_out, double *modularity,
                            const fg_graph *g, unsigned long seed)
{
    handlers h = push_handlers();
    igraph_vector_int_t memb;
    igraph_vector_t node_w;
    igraph_integer_t n_clusters = 0;
    igraph_real_t quality = 0;
    fg_community *com = NULL;
    double *inner = NULL;
    fg_ranked *order = NULL;
    size_t *task_comm = NULL;
    size_t n = g->n_agencies;
    bool has_memb = false;
    bool has_w = false;
    double total_w = 0;
    int rc = FG_OK;

    *out = NULL;
    *n_out = 0;
    if (modularity)
        *modularity = 0;
    if (n == 0)
        goto out;
    FG_TRY(IG(igraph_vector_int_init(&memb, (igraph_integer_t)n)));
    has_memb = true;
    FG_TRY(IG(igraph_vector_init(&node_w, 0)));
    has_w = true;
    FG_TRY(IG(igraph_strength(&g->proj, &node_w, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                              &g->weight)));
    for (igraph_integer_t k = 0; k < igraph_vector_size(&g->weight); k++)
        total_w += VECTOR(g->weight)[k];
    igraph_rng_seed(igraph_rng_default(), seed);
    if (total_w > 0) {
        /* Modularity: node weights = strengths, resolution 1/(2m). */
        FG_TRY(IG(igraph_community_leiden(&g->proj, &g->weight, &node_w, 1.0 / (2.0 * total_w),
                                          0.01, false, -1, &memb, &n_clusters, &quality)));
        FG_TRY(IG(igraph_modularity(&g->proj, &memb, &g->weight, 1.0, IGRAPH_UNDIRECTED,
                                    &quality)));
    } else {
        for (size_t a = 0; a < n; a++)
            VECTOR(memb)[a] = (igraph_integer_t)a;
        n_clusters = (igraph_integer_t)n;
    }
    if (modularity)
        *modularity = quality;
    com = calloc((size_t)n_clusters, sizeof *com);
    inner = calloc(n, sizeof *inner);
    order = malloc((size_t)n_clusters * sizeof *order);
    FG_CHECK_ALLOC(com);
    FG_CHECK_ALLOC(inner);
    FG_CHECK_ALLOC(order);
    /* Strength inside the community. */
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->proj); e++) {
        igraph_integer_t from = IGRAPH_FROM(&g->proj, e);
        igraph_integer_t to = IGRAPH_TO(&g->proj, e);

        if (VECTOR(memb)[from] == VECTOR(memb)[to]) {
            inner[from] += VECTOR(g->weight)[e];
            inner[to] += VECTOR(g->weight)[e];
        }
    }
    for (size_t a = 0; a < n; a++)
        com[VECTOR(memb)[a]].n_members++;
    for (igraph_integer_t c = 0; c < n_clusters; c++) {
        com[c].members = malloc(com[c].n_members * sizeof *com[c].members);
        FG_CHECK_ALLOC(com[c].members);
        com[c].n_members = 0;
    }
    {
        fg_ranked *km = malloc(n * sizeof *km);

        FG_CHECK_ALLOC(km);
        for (size_t a = 0; a < n; a++) {
            km[a].id = a;
            km[a].score = inner[a];
        }
        qsort(km, n, sizeof *km, fg_ranked_cmp);
        for (size_t k = 0; k < n; k++) {
            fg_community *c = &com[VECTOR(memb)[km[k].id]];

            c->members[c->n_members++] = km[k].id;
        }
        free(km);
    }
    for (igraph_integer_t c = 0; c < n_clusters; c++)
        com[c].central = com[c].members[0];
    /* Tasks that hold a community together: all their agencies (at least two) inside it. */
    task_comm = malloc((g->n_tasks + 1) * 2 * sizeof *task_comm);
    FG_CHECK_ALLOC(task_comm);
    for (size_t t = 0; t < g->n_tasks; t++) {
        task_comm[2 * t] = SIZE_MAX;     /* community, or SIZE_MAX - 1 when mixed */
        task_comm[2 * t + 1] = 0;        /* agencies */
    }
    for (size_t i = 0; i < g->n_edges; i++) {
        size_t t = g->e_task[i];
        size_t c = (size_t)VECTOR(memb)[g->e_agency[i]];

        if (task_comm[2 * t] == SIZE_MAX)
            task_comm[2 * t] = c;
        else if (task_comm[2 * t] != c)
            task_comm[2 * t] = SIZE_MAX - 1;
        task_comm[2 * t + 1]++;
    }
    for (size_t t = 0; t < g->n_tasks; t++) {
        size_t c = task_comm[2 * t];

        if (c < (size_t)n_clusters && task_comm[2 * t + 1] >= 2)
            com[c].n_tasks++;
    }
    for (igraph_integer_t c = 0; c < n_clusters; c++) {
        com[c].tasks = malloc((com[c].n_tasks + 1) * sizeof *com[c].tasks);
        FG_CHECK_ALLOC(com[c].tasks);
        com[c].n_tasks = 0;
    }
    for (size_t t = 0; t < g->n_tasks; t++) {
        size_t c = task_comm[2 * t];

        if (c < (size_t)n_clusters && task_comm[2 * t + 1] >= 2)
            com[c].tasks[com[c].n_tasks++] = t;
    }
    /* Biggest tasks first (more agencies), then document order. */
    for (igraph_integer_t c = 0; c < n_clusters; c++) {
        fg_ranked *kt = malloc((com[c].n_tasks + 1) * sizeof *kt);

        FG_CHECK_ALLOC(kt);
        for (size_t k = 0; k < com[c].n_tasks; k++) {
            kt[k].id = com[c].tasks[k];
            kt[k].score = (double)task_comm[2 * com[c].tasks[k] + 1];
        }
        qsort(kt, com[c].n_tasks, sizeof *kt, fg_ranked_cmp);
        for (size_t k = 0; k < com[c].n_tasks; k++)
            com[c].tasks[k] = kt[k].id;
        free(kt);
    }
    /* Communities by size, then by their central agency's name order. */
    for (igraph_integer_t c = 0; c < n_clusters; c++) {
        order[c].id = (size_t)c;
        order[c].score = (double)com[c].n_members + 1.0 / (2.0 + (double)com[c].central);
    }
    qsort(order, (size_t)n_clusters, sizeof *order, fg_ranked_cmp);
    {
        fg_community *sorted = malloc((size_t)n_clusters * sizeof *sorted);

        FG_CHECK_ALLOC(sorted);
        for (igraph_integer_t c = 0; c < n_clusters; c++)
            sorted[c] = com[order[c].id];
        free(com);
        com = sorted;
    }
    *out = com;
    *n_out = (size_t)n_clusters;
    com = NULL;
out:
    fg_communities_free(com, (size_t)n_clusters);
    free(inner);
    free(order);
    free(task_comm);
    if (has_memb)
        igraph_vector_int_destroy(&memb);
    if (has_w)
        igraph_vector_destroy(&node_w);
    pop_handlers(h);
    return rc;
}

/* ---- coordination ---- */

/* First edge of task t in the sorted edge list (edges are sorted by task). */
static size_t first_edge(const fg_graph *g, size_t t)
{
    size_t lo = 0;
    size_t hi = g->n_edges;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (g->e_task[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The role of agency a in task t: 1 lead, 0 co, -1 not on the task. */
static int role_in(const fg_graph *g, size_t t, size_t a)
{
    for (size_t i = first_edge(g, t); i < g->n_edges && g->e_task[i] == t; i++)
        if (g->e_agency[i] == a)
            return g->e_lead[i] ? 1 : 0;
    return -1;
}

static int cmp_partner(const void *a, const void *b, void *payload)
{
    const fg_partner *x = a;
    const fg_partner *y = b;
    int c = fg_larger_first(x->shared, y->shared);

    return c ? c : cmp_agency_names(payload, x->agency, y->agency);
}

int fg_analysis_partners(fg_partner **rows_out, size_t *n_out, const fg_graph *g, size_t x)
{
    fg_partner *p = NULL;
    size_t n = 0;
    int rc = FG_OK;

    *rows_out = NULL;
    *n_out = 0;
    if (x >= g->n_agencies)
        return fg_error_set(FG_EINVAL, "fg_analysis_partners: no agency %zu", x);
    p = calloc(g->n_agencies + 1, sizeof *p);
    FG_CHECK_ALLOC(p);
    for (size_t a = 0; a < g->n_agencies; a++)
        p[a].agency = a;
    for (size_t i = 0; i < g->n_edges; i++) {
        size_t t = g->e_task[i];
        int xr;

        if (g->e_agency[i] == x)
            continue;
        xr = role_in(g, t, x);
        if (xr < 0)
            continue;
        p[g->e_agency[i]].shared++;
        if (xr == 1 && g->e_lead[i])
            p[g->e_agency[i]].both_lead++;
        else if (xr == 1)
            p[g->e_agency[i]].x_leads++;
        else if (g->e_lead[i])
            p[g->e_agency[i]].partner_leads++;
        else
            p[g->e_agency[i]].both_co++;
    }
    for (size_t a = 0; a < g->n_agencies; a++)
        if (p[a].shared)
            p[n++] = p[a];
    qsort_r(p, n, sizeof *p, cmp_partner, (void *)g);
    *rows_out = p;
    *n_out = n;
    p = NULL;
out:
    free(p);
    return rc;
}

int fg_analysis_shared(fg_shared_task **rows_out, size_t *n_out, const fg_graph *g, size_t x,
                       size_t y)
{
    fg_shared_task *s = NULL;
    size_t n = 0;
    int rc = FG_OK;

    *rows_out = NULL;
    *n_out = 0;
    s = malloc((g->n_tasks + 1) * sizeof *s);
    FG_CHECK_ALLOC(s);
    for (size_t t = 0; t < g->n_tasks; t++) {
        int xr = role_in(g, t, x);
        int yr = xr < 0 ? -1 : role_in(g, t, y);

        if (xr >= 0 && yr >= 0) {
            s[n].task = t;
            s[n].x_role = xr ? FG_ROLE_LEAD : FG_ROLE_CO;
            s[n].y_role = yr ? FG_ROLE_LEAD : FG_ROLE_CO;
            n++;
        }
    }
    *rows_out = s;
    *n_out = n;
    s = NULL;
out:
    free(s);
    return rc;
}

static int cmp_pair(const void *a, const void *b, void *payload)
{
    const fg_pair *x = a;
    const fg_pair *y = b;
    int c = fg_larger_first(x->shared, y->shared);

    if (c == 0)
        c = cmp_agency_names(payload, x->a, y->a);
    return c ? c : cmp_agency_names(payload, x->b, y->b);
}

int fg_analysis_pairs(fg_pair **rows_out, size_t *n_out, const fg_graph *g)
{
    igraph_integer_t m = igraph_ecount(&g->proj);
    fg_pair *p = NULL;
    int rc = FG_OK;

    *rows_out = NULL;
    *n_out = 0;
    p = malloc(((size_t)m + 1) * sizeof *p);
    FG_CHECK_ALLOC(p);
    for (igraph_integer_t e = 0; e < m; e++) {
        size_t from = (size_t)IGRAPH_FROM(&g->proj, e);
        size_t to = (size_t)IGRAPH_TO(&g->proj, e);

        p[e].a = from < to ? from : to;
        p[e].b = from < to ? to : from;
        p[e].shared = (size_t)VECTOR(g->weight)[e];
    }
    qsort_r(p, (size_t)m, sizeof *p, cmp_pair, (void *)g);
    *rows_out = p;
    *n_out = (size_t)m;
    p = NULL;
out:
    free(p);
    return rc;
}

int fg_analysis_backbone(unsigned char *keep, fg_backbone_info *info, const fg_pair *pairs,
                         size_t n_pairs, size_t n_agencies, double alpha, unsigned flags)
{
    size_t *deg = NULL;
    double *str = NULL;
    size_t *best = NULL;
    double total = 0;
    double kept_w = 0;
    size_t n_kept = 0;
    int rc = FG_OK;

    if (info)
        memset(info, 0, sizeof *info);
    if (!(alpha > 0 && alpha <= 1))
        return fg_error_set(FG_EINVAL, "backbone: alpha must be in (0, 1], not %g", alpha);
    for (size_t e = 0; e < n_pairs; e++)
        if (pairs[e].a >= n_agencies || pairs[e].b >= n_agencies || pairs[e].a == pairs[e].b)
            return fg_error_set(FG_EINVAL, "backbone: tie %zu joins agencies %zu and %zu of %zu",
                                e, pairs[e].a, pairs[e].b, n_agencies);
    deg = calloc(n_agencies + 1, sizeof *deg);
    str = calloc(n_agencies + 1, sizeof *str);
    best = malloc((n_agencies + 1) * sizeof *best);
    FG_CHECK_ALLOC(deg);
    FG_CHECK_ALLOC(str);
    FG_CHECK_ALLOC(best);
    for (size_t i = 0; i < n_agencies; i++)
        best[i] = SIZE_MAX;
    for (size_t e = 0; e < n_pairs; e++) {
        size_t ends[2] = {pairs[e].a, pairs[e].b};

        if (pairs[e].shared == 0)
            continue;
        total += (double)pairs[e].shared;
        for (int k = 0; k < 2; k++) {
            size_t i = ends[k];

            deg[i]++;
            str[i] += (double)pairs[e].shared;
            if (best[i] == SIZE_MAX || pairs[e].shared > pairs[best[i]].shared)
                best[i] = e;
        }
    }
    for (size_t e = 0; e < n_pairs; e++) {
        size_t ends[2] = {pairs[e].a, pairs[e].b};
        double w = (double)pairs[e].shared;

        keep[e] = 0;
        if (pairs[e].shared == 0)
            continue;
        for (int k = 0; k < 2 && !keep[e]; k++) {
            size_t i = ends[k];

            if (deg[i] <= 1)
                keep[e] = 1;
            else if (pow(1.0 - w / str[i], (double)(deg[i] - 1)) < alpha)
                keep[e] = 1;
            else if ((flags & FG_BACKBONE_STRONGEST) && best[i] == e)
                keep[e] = 1;
        }
        if (keep[e]) {
            n_kept++;
            kept_w += w;
        }
    }
    if (info) {
        info->alpha = alpha;
        info->n_kept = n_kept;
        info->weight_share = total > 0 ? kept_w / total : 0;
    }
out:
    free(deg);
    free(str);
    free(best);
    return rc;
}

int fg_analysis_path(size_t **agencies_out, size_t **tasks_out, size_t *n_out, const fg_graph *g,
                     size_t x, size_t y)
{
    handlers h = push_handlers();
    igraph_vector_int_t vs;
    size_t *ag = NULL;
    size_t *tk = NULL;
    size_t n;
    bool has_vs = false;
    int rc = FG_OK;

    *agencies_out = NULL;
    *tasks_out = NULL;
    *n_out = 0;
    FG_TRY(IG(igraph_vector_int_init(&vs, 0)));
    has_vs = true;
    FG_TRY(IG(igraph_get_shortest_path_dijkstra(&g->proj, &vs, NULL, (igraph_integer_t)x,
                                                (igraph_integer_t)y, &g->length, IGRAPH_ALL)));
    n = (size_t)igraph_vector_int_size(&vs);
    if (n == 0) {
        rc = fg_error_set(FG_ENOTFOUND, "no chain of shared tasks between %s and %s",
                          g->agencies[x], g->agencies[y]);
        goto out;
    }
    ag = malloc(n * sizeof *ag);
    tk = malloc(n * sizeof *tk);
    FG_CHECK_ALLOC(ag);
    FG_CHECK_ALLOC(tk);
    for (size_t k = 0; k < n; k++)
        ag[k] = (size_t)VECTOR(vs)[k];
    /* For each hop, the first task (in document order) both agencies are on. */
    for (size_t k = 0; k + 1 < n; k++) {
        tk[k] = SIZE_MAX;
        for (size_t t = 0; t < g->n_tasks && tk[k] == SIZE_MAX; t++)
            if (role_in(g, t, ag[k]) >= 0 && role_in(g, t, ag[k + 1]) >= 0)
                tk[k] = t;
    }
    *agencies_out = ag;
    *tasks_out = tk;
    *n_out = n;
    ag = NULL;
    tk = NULL;
out:
    free(ag);
    free(tk);
    if (has_vs)
        igraph_vector_int_destroy(&vs);
    pop_handlers(h);
    return rc;
}

/* ---- compare ---- */

void fg_comparison_free(fg_comparison *c)
{
    if (c == NULL)
        return;
    free(c->agencies);
    free(c->pairs);
    free(c);
}

static int cmp_change(const void *a, const void *b)
{
    const fg_agency_change *x = a;
    const fg_agency_change *y = b;
    long dx = (long)x->lead_b - (long)x->lead_a;
    long dy = (long)y->lead_b - (long)y->lead_a;

    if (dx != dy)
        return dx > dy ? -1 : 1;
    return strcmp(x->agency, y->agency);
}

static int cmp_pair_names(const void *a, const void *b)
{
    const fg_pair_change *x = a;
    const fg_pair_change *y = b;
    int c = strcmp(x->a, y->a);

    return c ? c : strcmp(x->b, y->b);
}

static int cmp_pair_change(const void *a, const void *b)
{
    const fg_pair_change *x = a;
    const fg_pair_change *y = b;
    size_t mx = x->shared_a > x->shared_b ? x->shared_a : x->shared_b;
    size_t my = y->shared_a > y->shared_b ? y->shared_a : y->shared_b;
    int c = fg_larger_first(mx, my);

    return c ? c : cmp_pair_names(a, b);
}

/* Pairs of a graph as (name a, name b, shared) with a < b, sorted by names. */
static int named_pairs(fg_pair_change **out, size_t *n, const fg_graph *g, int side)
{
    fg_pair *p = NULL;
    fg_pair_change *c = NULL;
    int rc = fg_analysis_pairs(&p, n, g);

    *out = NULL;
    if (rc < 0)
        return rc;
    c = malloc((*n + 1) * sizeof *c);
    if (c == NULL) {
        free(p);
        return fg_error_set(FG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < *n; i++) {
        const char *x = g->agencies[p[i].a];
        const char *y = g->agencies[p[i].b];
        bool swap = strcmp(x, y) > 0;

        c[i].a = swap ? y : x;
        c[i].b = swap ? x : y;
        c[i].shared_a = side == 0 ? p[i].shared : 0;
        c[i].shared_b = side == 1 ? p[i].shared : 0;
    }
    free(p);
    *out = c;
    return FG_OK;
}

/* The agencies of a and b (both sorted by name) merged into c, the largest gain in leads first. */
static int merge_agencies(fg_comparison *c, const fg_graph *a, const fg_graph *b)
{
    size_t i = 0;
    size_t j = 0;

    c->agencies = malloc((a->n_agencies + b->n_agencies + 1) * sizeof *c->agencies);
    if (c->agencies == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    while (i < a->n_agencies || j < b->n_agencies) {
        int cmp = i == a->n_agencies ? 1 : j == b->n_agencies ? -1
                                                               : strcmp(a->agencies[i],
                                                                        b->agencies[j]);
        fg_agency_change *ch = &c->agencies[c->n_agencies++];

        memset(ch, 0, sizeof *ch);
        if (cmp <= 0) {
            ch->agency = a->agencies[i];
            ch->lead_a = a->lead[i];
            ch->total_a = a->lead[i] + a->co[i];
            i++;
        }
        if (cmp >= 0) {
            ch->agency = b->agencies[j];
            ch->lead_b = b->lead[j];
            ch->total_b = b->lead[j] + b->co[j];
            j++;
        }
    }
    qsort(c->agencies, c->n_agencies, sizeof *c->agencies, cmp_change);
    return FG_OK;
}

/* The pairs of agencies that share tasks in one of a and b only, into c: the most shared first. */
static int one_sided_pairs(fg_comparison *c, const fg_graph *a, const fg_graph *b)
{
    fg_pair_change *pa = NULL;
    fg_pair_change *pb = NULL;
    size_t na = 0;
    size_t nb = 0;
    int rc = FG_OK;

    FG_TRY(named_pairs(&pa, &na, a, 0));
    FG_TRY(named_pairs(&pb, &nb, b, 1));
    qsort(pa, na, sizeof *pa, cmp_pair_names);
    qsort(pb, nb, sizeof *pb, cmp_pair_names);
    c->pairs = malloc((na + nb + 1) * sizeof *c->pairs);
    FG_CHECK_ALLOC(c->pairs);
    for (size_t i = 0, j = 0; i < na || j < nb;) {
        int cmp = i == na ? 1 : j == nb ? -1 : cmp_pair_names(&pa[i], &pb[j]);

        if (cmp < 0)
            c->pairs[c->n_pairs++] = pa[i++];
        else if (cmp > 0)
            c->pairs[c->n_pairs++] = pb[j++];
        else {
            i++;
            j++;
        }
    }
    qsort(c->pairs, c->n_pairs, sizeof *c->pairs, cmp_pair_change);
out:
    free(pa);
    free(pb);
    return rc;
}

int fg_analysis_compare(fg_comparison **out, const fg_graph *a, const fg_graph *b)
{
    fg_comparison *c = calloc(1, sizeof *c);
    int rc = FG_OK;

    *out = NULL;
    FG_CHECK_ALLOC(c);
    FG_TRY(merge_agencies(c, a, b));
    FG_TRY(one_sided_pairs(c, a, b));
    *out = c;
    c = NULL;
out:
    fg_comparison_free(c);
    return rc;
}

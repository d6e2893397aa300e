/*
 * Exports: the bipartite graph or the agency projection as GraphML and GEXF (libxml2's
 * xmlwriter does the XML escaping), CSV (RFC 4180, formulas neutralised), JSON node-link
 * (jansson) and DOT (quoted strings). Node ids are t<N> for tasks and a<N> for agencies, in
 * the graph's own order, so output is deterministic. Text that XML cannot hold (control
 * characters) is replaced by spaces before it reaches a writer. Files are written under a
 * temporary name and renamed into place.
 */
#include "fengong/export.h"

#include <jansson.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "str.h"

int fg_export_format_parse(const char *s)
{
    static const char *const names[] = {"graphml", "gexf", "csv", "json", "dot"};

    for (int i = 0; i < 5; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

/* A copy without the control characters XML 1.0 forbids (tab and newline kept). */
static char *xml_safe(const char *s)
{
    size_t n = strlen(s);
    char *c = malloc(n + 1);

    if (c == NULL)
        return NULL;
    for (size_t i = 0; i <= n; i++) {
        unsigned char b = (unsigned char)s[i];

        c[i] = (b < 0x20 && b != '\t' && b != '\n' && b != '\0') || b == 0x7f ? ' ' : s[i];
    }
    return c;
}

/* ---- XML (GraphML, GEXF) ---- */

typedef struct xw {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    int bad;
} xw;

static void x_start(xw *x, const char *el)
{
    x->bad |= xmlTextWriterStartElement(x->w, BAD_CAST el) < 0;
}

static void x_end(xw *x)
{
    x->bad |= xmlTextWriterEndElement(x->w) < 0;
}

static void x_attr(xw *x, const char *name, const char *value)
{
    char *v = xml_safe(value);

    if (v == NULL) {
        x->bad = 1;
        return;
    }
    x->bad |= xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST v) < 0;
    free(v);
}

static void x_text_el(xw *x, const char *el, const char *key_attr, const char *key,
                      const char *text)
{
    char *v = xml_safe(text);

    if (v == NULL) {
        x->bad = 1;
        return;
    }
    x_start(x, el);
    x_attr(x, key_attr, key);
    x->bad |= xmlTextWriterWriteString(x->w, BAD_CAST v) < 0;
    x_end(x);
    free(v);
}

static int x_begin(xw *x)
{
    memset(x, 0, sizeof *x);
    x->buf = xmlBufferCreate();
    if (x->buf == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    x->w = xmlNewTextWriterMemory(x->buf, 0);
    if (x->w == NULL) {
        xmlBufferFree(x->buf);
        return fg_error_set(FG_ENOMEM, "out of memory");
    }
    xmlTextWriterSetIndent(x->w, 1);
    xmlTextWriterSetIndentString(x->w, BAD_CAST "  ");
    x->bad |= xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0;
    return FG_OK;
}

static int x_finish(xw *x, char **out, size_t *len)
{
    int rc = FG_OK;

    x->bad |= xmlTextWriterEndDocument(x->w) < 0;
    xmlFreeTextWriter(x->w);
    if (x->bad) {
        rc = fg_error_set(FG_ENOMEM, "export: the XML writer failed");
    } else {
        *len = (size_t)xmlBufferLength(x->buf);
        *out = malloc(*len + 1);
        if (*out == NULL) {
            rc = fg_error_set(FG_ENOMEM, "out of memory");
        } else {
            memcpy(*out, xmlBufferContent(x->buf), *len);
            (*out)[*len] = '\0';
        }
    }
    xmlBufferFree(x->buf);
    return rc;
}

/*
 * Hands each node row, then each edge row of fg_export_rows() to a writer: every format
 * walks the graph through the same tables. A writer keeps its own first error (the row
 * callbacks' return only stops the walk).
 */
static int each_row(const fg_graph *g, int projection, fg_store_row_cb node, fg_store_row_cb edge,
                    void *payload)
{
    fg_export_opts o = FG_EXPORT_OPTS_INIT;
    int rc;

    o.projection = projection;
    rc = fg_export_rows(g, &o, "nodes", node, payload);
    return rc < 0 ? rc : fg_export_rows(g, &o, "edges", edge, payload);
}

/* Whether a row of the nodes table is a task's (id, kind, label, document, item, clause). */
static bool is_task_row(const char *const *row)
{
    return strcmp(row[1], "task") == 0;
}

/* A GraphML or GEXF writer being fed rows. */
typedef struct xml_rows {
    xw x;
    int projection;
    size_t n_edges;
} xml_rows;

/* Ends an XML document fed by each_row(): its result, or the walk's error (rc). */
static int x_done(xw *x, int rc, char **out, size_t *len)
{
    if (rc < 0) {
        xmlFreeTextWriter(x->w);
        xmlBufferFree(x->buf);
        return rc;
    }
    return x_finish(x, out, len);
}

static int graphml_node(size_t n, const char *const *row, void *payload)
{
    static const char *const keys[] = {"id", "kind", "label", "document", "item", "clause"};
    xw *x = &((xml_rows *)payload)->x;

    x_start(x, "node");
    x_attr(x, "id", row[0]);
    for (size_t k = 1; k < (is_task_row(row) ? n : 3); k++)
        x_text_el(x, "data", "key", keys[k], row[k]);
    x_end(x);
    return 0;
}

static int graphml_edge(size_t n, const char *const *row, void *payload)
{
    xml_rows *xr = payload;

    (void)n;
    x_start(&xr->x, "edge");
    x_attr(&xr->x, "source", row[0]);
    x_attr(&xr->x, "target", row[1]);
    x_text_el(&xr->x, "data", "key", xr->projection ? "weight" : "role", row[4]);
    x_end(&xr->x);
    return 0;
}

static int graphml(char **out, size_t *len, const fg_graph *g, int projection)
{
    static const char *const keys[][4] = {
        {"kind", "node", "kind", "string"},     {"label", "node", "label", "string"},
        {"document", "node", "document", "string"}, {"item", "node", "item", "string"},
        {"clause", "node", "clause", "int"},
    };
    xml_rows xr = {.projection = projection};
    xw *x = &xr.x;
    int rc = x_begin(x);

    if (rc < 0)
        return rc;
    x_start(x, "graphml");
    x_attr(x, "xmlns", "http://graphml.graphdrawing.org/xmlns");
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        if (projection && k >= 2)
            break;
        x_start(x, "key");
        x_attr(x, "id", keys[k][0]);
        x_attr(x, "for", keys[k][1]);
        x_attr(x, "attr.name", keys[k][2]);
        x_attr(x, "attr.type", keys[k][3]);
        x_end(x);
    }
    x_start(x, "key");
    x_attr(x, "id", projection ? "weight" : "role");
    x_attr(x, "for", "edge");
    x_attr(x, "attr.name", projection ? "weight" : "role");
    x_attr(x, "attr.type", projection ? "int" : "string");
    x_end(x);
    x_start(x, "graph");
    x_attr(x, "id", projection ? "agency-projection" : "task-agency");
    x_attr(x, "edgedefault", "undirected");
    rc = each_row(g, projection, graphml_node, graphml_edge, &xr);
    return x_done(x, rc, out, len);
}

static void gexf_attvalue(xw *x, const char *key, const char *value)
{
    x_start(x, "attvalue");
    x_attr(x, "for", key);
    x_attr(x, "value", value);
    x_end(x);
}

static int gexf_node(size_t n, const char *const *row, void *payload)
{
    static const char *const keys[] = {"id", "kind", "label", "document", "item", "clause"};
    xw *x = &((xml_rows *)payload)->x;

    x_start(x, "node");
    x_attr(x, "id", row[0]);
    x_attr(x, "label", row[2]);
    x_start(x, "attvalues");
    gexf_attvalue(x, "kind", row[1]);
    for (size_t k = 3; is_task_row(row) && k < n; k++)
        gexf_attvalue(x, keys[k], row[k]);
    x_end(x);
    x_end(x);
    return 0;
}

static int gexf_edge(size_t n, const char *const *row, void *payload)
{
    xml_rows *xr = payload;
    xw *x = &xr->x;
    char num[32];

    (void)n;
    snprintf(num, sizeof num, "%zu", xr->n_edges++);
    x_start(x, "edge");
    x_attr(x, "id", num);
    x_attr(x, "source", row[0]);
    x_attr(x, "target", row[1]);
    if (xr->projection) {
        x_attr(x, "weight", row[4]);
    } else {
        x_start(x, "attvalues");
        gexf_attvalue(x, "role", row[4]);
        x_end(x);
    }
    x_end(x);
    return 0;
}

static int gexf(char **out, size_t *len, const fg_graph *g, int projection)
{
    fg_export_opts opts = FG_EXPORT_OPTS_INIT;
    xml_rows xr = {.projection = projection};
    xw *x = &xr.x;
    int rc = x_begin(x);

    if (rc < 0)
        return rc;
    opts.projection = projection;
    x_start(x, "gexf");
    x_attr(x, "xmlns", "http://gexf.net/1.3");
    x_attr(x, "version", "1.3");
    x_start(x, "meta");
    x_text_el(x, "creator", "by", "fengong", "fengong");
    x_end(x);
    x_start(x, "graph");
    x_attr(x, "defaultedgetype", "undirected");
    x_attr(x, "mode", "static");
    x_start(x, "attributes");
    x_attr(x, "class", "node");
    {
        static const char *const na[][2] = {{"kind", "string"},   {"document", "string"},
                                            {"item", "string"},   {"clause", "integer"}};

        for (size_t k = 0; k < (projection ? 1u : 4u); k++) {
            x_start(x, "attribute");
            x_attr(x, "id", na[k][0]);
            x_attr(x, "title", na[k][0]);
            x_attr(x, "type", na[k][1]);
            x_end(x);
        }
    }
    x_end(x);
    if (!projection) {
        x_start(x, "attributes");
        x_attr(x, "class", "edge");
        x_start(x, "attribute");
        x_attr(x, "id", "role");
        x_attr(x, "title", "role");
        x_attr(x, "type", "string");
        x_end(x);
        x_end(x);
    }
    /* each_row()'s walk, with the two lists around the nodes and the edges */
    x_start(x, "nodes");
    rc = fg_export_rows(g, &opts, "nodes", gexf_node, &xr);
    x_end(x);
    x_start(x, "edges");
    if (rc == FG_OK)
        rc = fg_export_rows(g, &opts, "edges", gexf_edge, &xr);
    return x_done(x, rc, out, len);
}

/* ---- the node and edge tables (CSV, and other tabular writers through fg_export_rows) ---- */

static const char *const nodes_cols[] = {"id", "kind", "label", "document", "item", "clause"};
static const unsigned char nodes_numeric[] = {0, 0, 0, 0, 0, 1};
/* Edges name their ends by id (the nodes table's) and by label, so that a spreadsheet of the
 * edges alone is readable: source is the task, target the agency (two agencies with
 * --projection). */
static const char *const edges_cols[] = {"source", "target", "source_label", "target_label",
                                         "role"};
static const char *const proj_edges_cols[] = {"source", "target", "source_label",
                                              "target_label", "weight"};
static const unsigned char edges_numeric[] = {0, 0, 0, 0, 0};
static const unsigned char proj_edges_numeric[] = {0, 0, 0, 0, 1};

int fg_export_columns(const char *const **names, const unsigned char **numeric, size_t *n_cols,
                      const fg_export_opts *opts, const char *part)
{
    int projection = opts ? opts->projection : 0;

    if (part != NULL && strcmp(part, "nodes") == 0) {
        *names = nodes_cols;
        *numeric = nodes_numeric;
        *n_cols = 6;
    } else if (part != NULL && strcmp(part, "edges") == 0) {
        *names = projection ? proj_edges_cols : edges_cols;
        *numeric = projection ? proj_edges_numeric : edges_numeric;
        *n_cols = 5;
    } else {
        return fg_error_set(FG_EINVAL, "export: a table is nodes or edges, not %s",
                            part ? part : "(none)");
    }
    return FG_OK;
}

static void id_of(char *buf, size_t n, char kind, size_t i)
{
    snprintf(buf, n, "%c%zu", kind, i);
}

int fg_export_rows(const fg_graph *g, const fg_export_opts *opts, const char *part,
                   fg_store_row_cb cb, void *payload)
{
    fg_export_opts def = FG_EXPORT_OPTS_INIT;
    const char *const *names = NULL;
    const unsigned char *numeric = NULL;
    size_t n_cols = 0;
    fg_pair *pairs = NULL;
    size_t n_pairs = 0;
    char id[32];
    char id2[32];
    char num[32];
    int rc = FG_OK;

    if (opts == NULL)
        opts = &def;
    FG_TRY(fg_export_columns(&names, &numeric, &n_cols, opts, part)); /* checks part */
    if (strcmp(part, "nodes") == 0) {
        for (size_t t = 0; !opts->projection && t < fg_graph_n_tasks(g); t++) {
            const fg_task_info *ti = fg_graph_task(g, t);
            const char *row[] = {id, "task", ti->title, ti->doc, ti->item, num};

            id_of(id, sizeof id, 't', t);
            snprintf(num, sizeof num, "%zu", ti->clause);
            if (cb(6, row, payload) != 0)
                goto out;
        }
        for (size_t a = 0; a < fg_graph_n_agencies(g); a++) {
            const char *row[] = {id, "agency", fg_graph_agency(g, a), "", "", ""};

            id_of(id, sizeof id, 'a', a);
            if (cb(6, row, payload) != 0)
                goto out;
        }
    } else if (opts->projection) {
        FG_TRY(fg_analysis_pairs(&pairs, &n_pairs, g));
        for (size_t i = 0; i < n_pairs; i++) {
            const char *row[] = {id, id2, fg_graph_agency(g, pairs[i].a),
                                 fg_graph_agency(g, pairs[i].b), num};

            id_of(id, sizeof id, 'a', pairs[i].a);
            id_of(id2, sizeof id2, 'a', pairs[i].b);
            snprintf(num, sizeof num, "%zu", pairs[i].shared);
            if (cb(5, row, payload) != 0)
                goto out;
        }
    } else {
        for (size_t i = 0; i < fg_graph_n_edges(g); i++) {
            const char *row[5] = {id, id2, NULL, NULL, NULL};
            size_t t;
            size_t a;
            fg_role role;

            fg_graph_edge(g, i, &t, &a, &role);
            id_of(id, sizeof id, 't', t);
            id_of(id2, sizeof id2, 'a', a);
            row[2] = fg_graph_task(g, t)->title;
            row[3] = fg_graph_agency(g, a);
            row[4] = fg_role_name(role);
            if (cb(5, row, payload) != 0)
                goto out;
        }
    }
out:
    free(pairs);
    return rc;
}

/* ---- CSV ---- */

static int csv_cell(fg_str *s, const char *v, int last)
{
    bool formula = v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' ||
                   v[0] == '\r';
    bool quote = formula || strpbrk(v, ",\"\r\n") != NULL;
    int rc = FG_OK;

    if (quote)
        FG_TRY(fg_str_appendc(s, '"'));
    if (formula)
        FG_TRY(fg_str_appendc(s, '\''));
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            FG_TRY(fg_str_appendc(s, '"'));
        FG_TRY(fg_str_appendc(s, *p));
    }
    if (quote)
        FG_TRY(fg_str_appendc(s, '"'));
    FG_TRY(last ? fg_str_append(s, "\r\n", 2) : fg_str_appendc(s, ','));
out:
    return rc;
}

/*
 * A text writer being fed rows (CSV, DOT): the text so far and its first error, which stops
 * the rows and is kept.
 */
typedef struct text_rows {
    fg_str s;
    int projection;
    int rc;
} text_rows;

/* The text of a writer fed by rows, handed to *out (or its first error). */
static int text_done(text_rows *k, char **out, size_t *len)
{
    if (k->rc < 0)
        return k->rc;
    *len = k->s.len;
    *out = fg_str_steal(&k->s);
    return *out == NULL ? fg_error_set(FG_ENOMEM, "out of memory") : FG_OK;
}

static int csv_row(size_t n, const char *const *cells, void *payload)
{
    text_rows *k = payload;

    for (size_t i = 0; i < n && k->rc == FG_OK; i++)
        k->rc = csv_cell(&k->s, cells[i], i + 1 == n);
    return k->rc != FG_OK;
}

static int csv(char **out, size_t *len, const fg_graph *g, const fg_export_opts *o,
               const char *part)
{
    text_rows k = {FG_STR_INIT, o->projection, FG_OK};
    const char *const *names = NULL;
    const unsigned char *numeric = NULL;
    size_t n_cols = 0;
    int rc = FG_OK;

    FG_TRY(fg_export_columns(&names, &numeric, &n_cols, o, part));
    if (o->excel)
        FG_TRY(fg_str_append(&k.s, "\xEF\xBB\xBF", 3));
    csv_row(n_cols, names, &k);
    FG_TRY(fg_export_rows(g, o, part, csv_row, &k));
    rc = text_done(&k, out, len);
out:
    fg_str_dispose(&k.s);
    return rc;
}

/* ---- JSON node-link ---- */

typedef struct json_rows {
    json_t *nodes;
    json_t *links;
    int projection;
} json_rows;

static int json_node(size_t n, const char *const *row, void *payload)
{
    json_rows *j = payload;

    (void)n;
    if (is_task_row(row))
        json_array_append_new(j->nodes, json_pack("{s:s,s:s,s:s,s:s,s:s,s:I}", "id", row[0],
                                                  "kind", row[1], "label", row[2], "document",
                                                  row[3], "item", row[4], "clause",
                                                  (json_int_t)strtoll(row[5], NULL, 10)));
    else
        json_array_append_new(j->nodes, json_pack("{s:s,s:s,s:s}", "id", row[0], "kind",
                                                  row[1], "label", row[2]));
    return 0;
}

static int json_edge(size_t n, const char *const *row, void *payload)
{
    json_rows *j = payload;

    (void)n;
    if (j->projection)
        json_array_append_new(j->links, json_pack("{s:s,s:s,s:I}", "source", row[0], "target",
                                                  row[1], "weight",
                                                  (json_int_t)strtoll(row[4], NULL, 10)));
    else
        json_array_append_new(j->links, json_pack("{s:s,s:s,s:s}", "source", row[0], "target",
                                                  row[1], "role", row[4]));
    return 0;
}

static int json_nodelink(char **out, size_t *len, const fg_graph *g, int projection)
{
    json_t *root = json_pack("{s:b,s:b,s:{s:s},s:[],s:[]}", "directed", 0, "multigraph", 0,
                             "graph", "name", projection ? "agency-projection" : "task-agency",
                             "nodes", "links");
    json_rows j = {NULL, NULL, projection};
    int rc = FG_OK;

    if (root == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    j.nodes = json_object_get(root, "nodes");
    j.links = json_object_get(root, "links");
    FG_TRY(each_row(g, projection, json_node, json_edge, &j));
    if (json_array_size(j.nodes) !=
        fg_graph_n_agencies(g) + (projection ? 0 : fg_graph_n_tasks(g))) {
        rc = fg_error_set(FG_ENOMEM, "out of memory");
        goto out;
    }
    *out = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    if (*out == NULL) {
        rc = fg_error_set(FG_ENOMEM, "out of memory");
        goto out;
    }
    *len = strlen(*out);
out:
    json_decref(root);
    return rc;
}

/* ---- DOT ---- */

static int dot_str(fg_str *s, const char *v)
{
    int rc = fg_str_appendc(s, '"');

    for (const char *p = v; rc == FG_OK && *p; p++) {
        if (*p == '"' || *p == '\\')
            rc = fg_str_appendc(s, '\\');
        if (rc == FG_OK)
            rc = (*p == '\n' || *p == '\r') ? fg_str_append(s, "\\n", 2) : fg_str_appendc(s, *p);
    }
    if (rc == FG_OK)
        rc = fg_str_appendc(s, '"');
    return rc;
}

/* Appends the plain text t to d->s (after an error, nothing). */
static void dot_raw(text_rows *d, const char *t)
{
    if (d->rc == FG_OK)
        d->rc = fg_str_append(&d->s, t, strlen(t));
}

static void dot_quoted(text_rows *d, const char *t)
{
    if (d->rc == FG_OK)
        d->rc = dot_str(&d->s, t);
}

static int dot_node(size_t n, const char *const *row, void *payload)
{
    text_rows *d = payload;

    (void)n;
    dot_raw(d, "  ");
    dot_raw(d, row[0]);
    if (is_task_row(row)) {
        dot_raw(d, " [kind=task, clause=");
        dot_raw(d, row[5]);
        dot_raw(d, ", label=");
        dot_quoted(d, row[2]);
        dot_raw(d, ", document=");
        dot_quoted(d, row[3]);
        dot_raw(d, ", item=");
        dot_quoted(d, row[4]);
    } else {
        dot_raw(d, " [kind=agency, label=");
        dot_quoted(d, row[2]);
    }
    dot_raw(d, "];\n");
    return d->rc != FG_OK;
}

static int dot_edge(size_t n, const char *const *row, void *payload)
{
    text_rows *d = payload;

    (void)n;
    dot_raw(d, "  ");
    dot_raw(d, row[0]);
    dot_raw(d, " -- ");
    dot_raw(d, row[1]);
    dot_raw(d, d->projection ? " [weight=" : " [role=");
    dot_raw(d, row[4]);
    dot_raw(d, "];\n");
    return d->rc != FG_OK;
}

static int dot(char **out, size_t *len, const fg_graph *g, int projection)
{
    text_rows d = {FG_STR_INIT, projection, FG_OK};
    int rc = FG_OK;

    dot_raw(&d, "graph fengong {\n");
    FG_TRY(each_row(g, projection, dot_node, dot_edge, &d));
    dot_raw(&d, "}\n");
    rc = text_done(&d, out, len);
out:
    fg_str_dispose(&d.s);
    return rc;
}

int fg_export_render(char **out, size_t *len, const fg_graph *g, const fg_export_opts *opts,
                     const char *part)
{
    fg_export_opts def = FG_EXPORT_OPTS_INIT;

    *out = NULL;
    *len = 0;
    if (opts == NULL)
        opts = &def;
    switch (opts->format) {
    case FG_EXPORT_GRAPHML:
        return graphml(out, len, g, opts->projection);
    case FG_EXPORT_GEXF:
        return gexf(out, len, g, opts->projection);
    case FG_EXPORT_CSV:
        return csv(out, len, g, opts, part ? part : "nodes");
    case FG_EXPORT_JSON:
        return json_nodelink(out, len, g, opts->projection);
    case FG_EXPORT_DOT:
        return dot(out, len, g, opts->projection);
    }
    return fg_error_set(FG_EINVAL, "export: unknown format");
}

int fg_export_write(const fg_graph *g, const char *path, const fg_export_opts *opts)
{
    fg_export_opts def = FG_EXPORT_OPTS_INIT;
    char *data = NULL;
    size_t len = 0;
    int rc = FG_OK;

    if (opts == NULL)
        opts = &def;
    if (opts->format == FG_EXPORT_CSV) {
        static const char *const parts[] = {"nodes", "edges"};

        FG_TRY(fg_make_dirs(path));
        for (size_t k = 0; k < 2; k++) {
            size_t n = strlen(path) + 16;
            char *file = malloc(n);

            FG_CHECK_ALLOC(file);
            snprintf(file, n, "%s/%s.csv", path, parts[k]);
            rc = fg_export_render(&data, &len, g, opts, parts[k]);
            if (rc == FG_OK)
                rc = fg_file_write_atomic(file, data, len);
            free(file);
            free(data);
            data = NULL;
            if (rc < 0)
                goto out;
        }
        return FG_OK;
    }
    FG_TRY(fg_export_render(&data, &len, g, opts, NULL));
    FG_TRY(fg_file_write_atomic(path, data, len));
out:
    free(data);
    return rc;
}

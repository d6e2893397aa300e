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

static void id_of(char *buf, size_t n, char kind, size_t i)
{
    snprintf(buf, n, "%c%zu", kind, i);
}

static int graphml(char **out, size_t *len, const fg_graph *g, int projection)
{
    static const char *const keys[][4] = {
        {"kind", "node", "kind", "string"},     {"label", "node", "label", "string"},
        {"document", "node", "document", "string"}, {"item", "node", "item", "string"},
        {"clause", "node", "clause", "int"},
    };
    xw x;
    fg_pair *pairs = NULL;
    size_t n_pairs = 0;
    char id[32];
    char id2[32];
    char num[32];
    int rc = x_begin(&x);

    if (rc < 0)
        return rc;
    x_start(&x, "graphml");
    x_attr(&x, "xmlns", "http://graphml.graphdrawing.org/xmlns");
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        if (projection && k >= 2)
            break;
        x_start(&x, "key");
        x_attr(&x, "id", keys[k][0]);
        x_attr(&x, "for", keys[k][1]);
        x_attr(&x, "attr.name", keys[k][2]);
        x_attr(&x, "attr.type", keys[k][3]);
        x_end(&x);
    }
    x_start(&x, "key");
    x_attr(&x, "id", projection ? "weight" : "role");
    x_attr(&x, "for", "edge");
    x_attr(&x, "attr.name", projection ? "weight" : "role");
    x_attr(&x, "attr.type", projection ? "int" : "string");
    x_end(&x);
    x_start(&x, "graph");
    x_attr(&x, "id", projection ? "agency-projection" : "task-agency");
    x_attr(&x, "edgedefault", "undirected");
    if (!projection) {
        for (size_t t = 0; t < fg_graph_n_tasks(g); t++) {
            const fg_task_info *ti = fg_graph_task(g, t);

            id_of(id, sizeof id, 't', t);
            snprintf(num, sizeof num, "%zu", ti->clause);
            x_start(&x, "node");
            x_attr(&x, "id", id);
            x_text_el(&x, "data", "key", "kind", "task");
            x_text_el(&x, "data", "key", "label", ti->title);
            x_text_el(&x, "data", "key", "document", ti->doc);
            x_text_el(&x, "data", "key", "item", ti->item);
            x_text_el(&x, "data", "key", "clause", num);
            x_end(&x);
        }
    }
    for (size_t a = 0; a < fg_graph_n_agencies(g); a++) {
        id_of(id, sizeof id, 'a', a);
        x_start(&x, "node");
        x_attr(&x, "id", id);
        x_text_el(&x, "data", "key", "kind", "agency");
        x_text_el(&x, "data", "key", "label", fg_graph_agency(g, a));
        x_end(&x);
    }
    if (projection) {
        rc = fg_analysis_pairs(&pairs, &n_pairs, g);
        for (size_t i = 0; rc == FG_OK && i < n_pairs; i++) {
            id_of(id, sizeof id, 'a', pairs[i].a);
            id_of(id2, sizeof id2, 'a', pairs[i].b);
            snprintf(num, sizeof num, "%zu", pairs[i].shared);
            x_start(&x, "edge");
            x_attr(&x, "source", id);
            x_attr(&x, "target", id2);
            x_text_el(&x, "data", "key", "weight", num);
            x_end(&x);
        }
    } else {
        for (size_t i = 0; i < fg_graph_n_edges(g); i++) {
            size_t t;
            size_t a;
            fg_role role;

            fg_graph_edge(g, i, &t, &a, &role);
            id_of(id, sizeof id, 't', t);
            id_of(id2, sizeof id2, 'a', a);
            x_start(&x, "edge");
            x_attr(&x, "source", id);
            x_attr(&x, "target", id2);
            x_text_el(&x, "data", "key", "role", fg_role_name(role));
            x_end(&x);
        }
    }
    free(pairs);
    if (rc < 0) {
        xmlFreeTextWriter(x.w);
        xmlBufferFree(x.buf);
        return rc;
    }
    return x_finish(&x, out, len);
}

static void gexf_attvalue(xw *x, const char *key, const char *value)
{
    x_start(x, "attvalue");
    x_attr(x, "for", key);
    x_attr(x, "value", value);
    x_end(x);
}

static int gexf(char **out, size_t *len, const fg_graph *g, int projection)
{
    xw x;
    fg_pair *pairs = NULL;
    size_t n_pairs = 0;
    char id[32];
    char id2[32];
    char num[32];
    int rc = x_begin(&x);

    if (rc < 0)
        return rc;
    x_start(&x, "gexf");
    x_attr(&x, "xmlns", "http://gexf.net/1.3");
    x_attr(&x, "version", "1.3");
    x_start(&x, "meta");
    x_text_el(&x, "creator", "by", "fengong", "fengong");
    x_end(&x);
    x_start(&x, "graph");
    x_attr(&x, "defaultedgetype", "undirected");
    x_attr(&x, "mode", "static");
    x_start(&x, "attributes");
    x_attr(&x, "class", "node");
    {
        static const char *const na[][2] = {{"kind", "string"},   {"document", "string"},
                                            {"item", "string"},   {"clause", "integer"}};

        for (size_t k = 0; k < (projection ? 1u : 4u); k++) {
            x_start(&x, "attribute");
            x_attr(&x, "id", na[k][0]);
            x_attr(&x, "title", na[k][0]);
            x_attr(&x, "type", na[k][1]);
            x_end(&x);
        }
    }
    x_end(&x);
    if (!projection) {
        x_start(&x, "attributes");
        x_attr(&x, "class", "edge");
        x_start(&x, "attribute");
        x_attr(&x, "id", "role");
        x_attr(&x, "title", "role");
        x_attr(&x, "type", "string");
        x_end(&x);
        x_end(&x);
    }
    x_start(&x, "nodes");
    if (!projection) {
        for (size_t t = 0; t < fg_graph_n_tasks(g); t++) {
            const fg_task_info *ti = fg_graph_task(g, t);

            id_of(id, sizeof id, 't', t);
            snprintf(num, sizeof num, "%zu", ti->clause);
            x_start(&x, "node");
            x_attr(&x, "id", id);
            x_attr(&x, "label", ti->title);
            x_start(&x, "attvalues");
            gexf_attvalue(&x, "kind", "task");
            gexf_attvalue(&x, "document", ti->doc);
            gexf_attvalue(&x, "item", ti->item);
            gexf_attvalue(&x, "clause", num);
            x_end(&x);
            x_end(&x);
        }
    }
    for (size_t a = 0; a < fg_graph_n_agencies(g); a++) {
        id_of(id, sizeof id, 'a', a);
        x_start(&x, "node");
        x_attr(&x, "id", id);
        x_attr(&x, "label", fg_graph_agency(g, a));
        x_start(&x, "attvalues");
        gexf_attvalue(&x, "kind", "agency");
        x_end(&x);
        x_end(&x);
    }
    x_end(&x);
    x_start(&x, "edges");
    if (projection) {
        rc = fg_analysis_pairs(&pairs, &n_pairs, g);
        for (size_t i = 0; rc == FG_OK && i < n_pairs; i++) {
            snprintf(num, sizeof num, "%zu", i);
            x_start(&x, "edge");
            x_attr(&x, "id", num);
            id_of(id, sizeof id, 'a', pairs[i].a);
            id_of(id2, sizeof id2, 'a', pairs[i].b);
            x_attr(&x, "source", id);
            x_attr(&x, "target", id2);
            snprintf(num, sizeof num, "%zu", pairs[i].shared);
            x_attr(&x, "weight", num);
            x_end(&x);
        }
    } else {
        for (size_t i = 0; i < fg_graph_n_edges(g); i++) {
            size_t t;
            size_t a;
            fg_role role;

            fg_graph_edge(g, i, &t, &a, &role);
            snprintf(num, sizeof num, "%zu", i);
            x_start(&x, "edge");
            x_attr(&x, "id", num);
            id_of(id, sizeof id, 't', t);
            id_of(id2, sizeof id2, 'a', a);
            x_attr(&x, "source", id);
            x_attr(&x, "target", id2);
            x_start(&x, "attvalues");
            gexf_attvalue(&x, "role", fg_role_name(role));
            x_end(&x);
            x_end(&x);
        }
    }
    free(pairs);
    if (rc < 0) {
        xmlFreeTextWriter(x.w);
        xmlBufferFree(x.buf);
        return rc;
    }
    return x_finish(&x, out, len);
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

/* An fg_store_row_cb appending a CSV line; the first error stops the rows and is kept. */
typedef struct csv_sink {
    fg_str s;
    int rc;
} csv_sink;

static int csv_row(size_t n, const char *const *cells, void *payload)
{
    csv_sink *k = payload;

    for (size_t i = 0; i < n && k->rc == FG_OK; i++)
        k->rc = csv_cell(&k->s, cells[i], i + 1 == n);
    return k->rc != FG_OK;
}

static int csv(char **out, size_t *len, const fg_graph *g, const fg_export_opts *o,
               const char *part)
{
    csv_sink k = {FG_STR_INIT, FG_OK};
    const char *const *names = NULL;
    const unsigned char *numeric = NULL;
    size_t n_cols = 0;
    int rc = FG_OK;

    FG_TRY(fg_export_columns(&names, &numeric, &n_cols, o, part));
    if (o->excel)
        FG_TRY(fg_str_append(&k.s, "\xEF\xBB\xBF", 3));
    csv_row(n_cols, names, &k);
    FG_TRY(fg_export_rows(g, o, part, csv_row, &k));
    FG_TRY(k.rc);
    *len = k.s.len;
    *out = fg_str_steal(&k.s);
    if (*out == NULL)
        rc = fg_error_set(FG_ENOMEM, "out of memory");
out:
    fg_str_dispose(&k.s);
    return rc;
}

/* ---- JSON node-link ---- */

static int json_nodelink(char **out, size_t *len, const fg_graph *g, int projection)
{
    json_t *root = json_pack("{s:b,s:b,s:{s:s},s:[],s:[]}", "directed", 0, "multigraph", 0,
                             "graph", "name", projection ? "agency-projection" : "task-agency",
                             "nodes", "links");
    json_t *nodes;
    json_t *links;
    fg_pair *pairs = NULL;
    size_t n_pairs = 0;
    char id[32];
    char id2[32];
    int rc = FG_OK;

    if (root == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    nodes = json_object_get(root, "nodes");
    links = json_object_get(root, "links");
    if (!projection) {
        for (size_t t = 0; t < fg_graph_n_tasks(g); t++) {
            const fg_task_info *ti = fg_graph_task(g, t);

            id_of(id, sizeof id, 't', t);
            json_array_append_new(nodes, json_pack("{s:s,s:s,s:s,s:s,s:s,s:I}", "id", id, "kind",
                                                   "task", "label", ti->title, "document",
                                                   ti->doc, "item", ti->item, "clause",
                                                   (json_int_t)ti->clause));
        }
    }
    for (size_t a = 0; a < fg_graph_n_agencies(g); a++) {
        id_of(id, sizeof id, 'a', a);
        json_array_append_new(nodes, json_pack("{s:s,s:s,s:s}", "id", id, "kind", "agency",
                                               "label", fg_graph_agency(g, a)));
    }
    if (projection) {
        FG_TRY(fg_analysis_pairs(&pairs, &n_pairs, g));
        for (size_t i = 0; i < n_pairs; i++) {
            id_of(id, sizeof id, 'a', pairs[i].a);
            id_of(id2, sizeof id2, 'a', pairs[i].b);
            json_array_append_new(links, json_pack("{s:s,s:s,s:I}", "source", id, "target", id2,
                                                   "weight", (json_int_t)pairs[i].shared));
        }
    } else {
        for (size_t i = 0; i < fg_graph_n_edges(g); i++) {
            size_t t;
            size_t a;
            fg_role role;

            fg_graph_edge(g, i, &t, &a, &role);
            id_of(id, sizeof id, 't', t);
            id_of(id2, sizeof id2, 'a', a);
            json_array_append_new(links, json_pack("{s:s,s:s,s:s}", "source", id, "target", id2,
                                                   "role", fg_role_name(role)));
        }
    }
    if (json_array_size(nodes) != fg_graph_n_agencies(g) + (projection ? 0 : fg_graph_n_tasks(g))) {
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
    free(pairs);
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

static int dot(char **out, size_t *len, const fg_graph *g, int projection)
{
    fg_str s = FG_STR_INIT;
    fg_pair *pairs = NULL;
    size_t n_pairs = 0;
    char buf[96];
    int rc = FG_OK;

    FG_TRY(fg_str_append(&s, "graph fengong {\n", 16));
    if (!projection) {
        for (size_t t = 0; t < fg_graph_n_tasks(g); t++) {
            const fg_task_info *ti = fg_graph_task(g, t);
            int n = snprintf(buf, sizeof buf, "  t%zu [kind=task, clause=%zu, label=", t,
                             ti->clause);

            FG_TRY(fg_str_append(&s, buf, (size_t)n));
            FG_TRY(dot_str(&s, ti->title));
            FG_TRY(fg_str_append(&s, ", document=", 11));
            FG_TRY(dot_str(&s, ti->doc));
            FG_TRY(fg_str_append(&s, ", item=", 7));
            FG_TRY(dot_str(&s, ti->item));
            FG_TRY(fg_str_append(&s, "];\n", 3));
        }
    }
    for (size_t a = 0; a < fg_graph_n_agencies(g); a++) {
        int n = snprintf(buf, sizeof buf, "  a%zu [kind=agency, label=", a);

        FG_TRY(fg_str_append(&s, buf, (size_t)n));
        FG_TRY(dot_str(&s, fg_graph_agency(g, a)));
        FG_TRY(fg_str_append(&s, "];\n", 3));
    }
    if (projection) {
        FG_TRY(fg_analysis_pairs(&pairs, &n_pairs, g));
        for (size_t i = 0; i < n_pairs; i++) {
            int n = snprintf(buf, sizeof buf, "  a%zu -- a%zu [weight=%zu];\n", pairs[i].a,
                             pairs[i].b, pairs[i].shared);

            FG_TRY(fg_str_append(&s, buf, (size_t)n));
        }
    } else {
        for (size_t i = 0; i < fg_graph_n_edges(g); i++) {
            size_t t;
            size_t a;
            fg_role role;
            int n;

            fg_graph_edge(g, i, &t, &a, &role);
            n = snprintf(buf, sizeof buf, "  t%zu -- a%zu [role=%s];\n", t, a,
                         fg_role_name(role));
            FG_TRY(fg_str_append(&s, buf, (size_t)n));
        }
    }
    FG_TRY(fg_str_append(&s, "}\n", 2));
    *len = s.len;
    *out = fg_str_steal(&s);
    if (*out == NULL)
        rc = fg_error_set(FG_ENOMEM, "out of memory");
out:
    free(pairs);
    fg_str_dispose(&s);
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

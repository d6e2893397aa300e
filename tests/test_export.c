/*
 * Unit tests for src/export.c on a graph loaded from a real store: every format parses back
 * with a real parser (libxml2 for GraphML and GEXF, jansson for JSON) and holds the graph's
 * nodes and edges; CSV cells are quoted and formula-like text neutralised while numbers stay
 * numbers; the writer creates missing directories, replaces files atomically and names the
 * path when it cannot write. Expected counts come from the graph's own accessors and from the
 * made-up plan below (three clauses, five agencies). JSON is NetworkX's node-link form.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fengong/fengong.h"
#include "test_fixture.h"

static const char plan[] =
    "某省重点工作分工方案\n"
    "一、重点任务\n"
    "1．推进重大项目建设。（省发展改革委牵头，省财政厅、省自然资源厅按职责分工负责）\n"
    "2．做好“三农”工作，保障粮食安全。（省农业农村厅牵头，省财政厅按职责分工负责）\n"
    "3．建设区域医疗中心。（省卫生健康委牵头，省发展改革委按职责分工负责）\n";

static fg_fixture fx;
static fg_graph *graph;

static int setup(void **state)
{
    fg_filter f = FG_FILTER_INIT;

    (void)state;
    if (fg_fixture_open(&fx, "fg-export", "plan.txt", plan, sizeof plan - 1) != FG_OK)
        return -1;
    return fg_graph_load(&graph, fx.st, fx.gz, &f) == FG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    fg_graph_free(graph);
    return fg_fixture_close(&fx);
}

static char *render(fg_export_format format, int projection, const char *part, size_t *len)
{
    fg_export_opts o = FG_EXPORT_OPTS_INIT;
    char *out = NULL;

    o.format = format;
    o.projection = projection;
    assert_int_equal(fg_export_render(&out, len, graph, &o, part), FG_OK);
    assert_non_null(out);
    assert_int_equal(strlen(out), *len);
    return out;
}

/* How many nodes an XPath expression selects in an XML document (namespaces registered). */
static size_t xpath_count(xmlDocPtr doc, const char *ns_prefix, const char *ns, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr r;
    size_t n;

    assert_non_null(ctx);
    assert_int_equal(xmlXPathRegisterNs(ctx, BAD_CAST ns_prefix, BAD_CAST ns), 0);
    r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    assert_non_null(r);
    n = r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return n;
}

static void test_export__graph_is_the_plan(void **state)
{
    (void)state;
    assert_int_equal(fg_graph_n_tasks(graph), 3);
    assert_int_equal(fg_graph_n_agencies(graph), 5);
    assert_int_equal(fg_graph_n_edges(graph), 7);
}

/* The export in format as an XML document (name for libxml2's messages); fails unless it parses. */
static xmlDocPtr render_xml(fg_export_format format, int projection, const char *name)
{
    size_t len;
    char *s = render(format, projection, NULL, &len);
    xmlDocPtr doc = xmlReadMemory(s, (int)len, name, NULL, XML_PARSE_NONET);

    free(s);
    assert_non_null(doc);
    return doc;
}

/* The XML document has n_nodes elements node and n_edges elements edge in namespace ns. */
static void assert_xml_graph(xmlDocPtr doc, const char *prefix, const char *ns, size_t n_nodes,
                             size_t n_edges)
{
    char node[16], edge[16];

    snprintf(node, sizeof node, "//%s:node", prefix);
    snprintf(edge, sizeof edge, "//%s:edge", prefix);
    assert_int_equal(xpath_count(doc, prefix, ns, node), n_nodes);
    assert_int_equal(xpath_count(doc, prefix, ns, edge), n_edges);
}

static void test_export__graphml_parses_with_every_node_and_edge(void **state)
{
    static const char ns[] = "http://graphml.graphdrawing.org/xmlns";
    xmlDocPtr doc = render_xml(FG_EXPORT_GRAPHML, 0, "g.graphml");

    (void)state;
    assert_xml_graph(doc, "g", ns, fg_graph_n_tasks(graph) + fg_graph_n_agencies(graph),
                     fg_graph_n_edges(graph));
    /* Every data key used is declared. */
    assert_int_equal(xpath_count(doc, "g", ns, "//g:data[not(@key = //g:key/@id)]"), 0);
    assert_int_equal(xpath_count(doc, "g", ns, "//g:node[g:data = '省发展改革委']"), 1);
    xmlFreeDoc(doc);

    doc = render_xml(FG_EXPORT_GRAPHML, 1, "p.graphml");
    assert_xml_graph(doc, "g", ns, fg_graph_n_agencies(graph), fg_graph_n_ties(graph));
    xmlFreeDoc(doc);
}

static void test_export__gexf_parses_with_every_node_and_edge(void **state)
{
    xmlDocPtr doc = render_xml(FG_EXPORT_GEXF, 0, "g.gexf");

    (void)state;
    assert_xml_graph(doc, "x", "http://gexf.net/1.3",
                     fg_graph_n_tasks(graph) + fg_graph_n_agencies(graph), fg_graph_n_edges(graph));
    xmlFreeDoc(doc);
}

static void test_export__json_parses_with_every_node_and_edge(void **state)
{
    size_t len;
    char *s = render(FG_EXPORT_JSON, 0, NULL, &len);
    json_error_t err;
    json_t *j = json_loadb(s, len, 0, &err);

    (void)state;
    if (j == NULL)
        fail_msg("export JSON does not parse: %s (line %d)", err.text, err.line);
    assert_int_equal(json_array_size(json_object_get(j, "nodes")),
                     fg_graph_n_tasks(graph) + fg_graph_n_agencies(graph));
    assert_int_equal(json_array_size(json_object_get(j, "links")), fg_graph_n_edges(graph));
    json_decref(j);
    free(s);
}

static size_t count_lines(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void test_export__csv_rows_and_cells(void **state)
{
    size_t len, n_cols;
    const char *const *names;
    const unsigned char *numeric;
    char *nodes = render(FG_EXPORT_CSV, 0, "nodes", &len);
    char *edges = render(FG_EXPORT_CSV, 0, "edges", &len);
    char *ties = render(FG_EXPORT_CSV, 1, "edges", &len);

    (void)state;
    /* A header, then one line per node / edge / tie. */
    assert_int_equal(count_lines(nodes), 1 + fg_graph_n_tasks(graph) + fg_graph_n_agencies(graph));
    assert_int_equal(count_lines(edges), 1 + fg_graph_n_edges(graph));
    assert_int_equal(count_lines(ties), 1 + fg_graph_n_ties(graph));
    assert_int_equal(fg_export_columns(&names, &numeric, &n_cols, NULL, "edges"), FG_OK);
    assert_true(strncmp(edges, "source,target,", 14) == 0);
    /* Edges carry names beside the ids: the task's title and the agency. */
    assert_non_null(strstr(edges, "省自然资源厅"));
    /* The title with quotation marks is one quoted cell. */
    assert_non_null(strstr(nodes, "做好“三农”工作"));
    /* Weights are numbers, never neutralised. */
    assert_null(strstr(ties, ",'"));
    assert_int_equal(fg_export_columns(&names, &numeric, &n_cols, NULL, "tables"), FG_EINVAL);
    free(nodes);
    free(edges);
    free(ties);
}

static void test_export__dot_names_every_agency(void **state)
{
    size_t len;
    char *s = render(FG_EXPORT_DOT, 1, NULL, &len);

    (void)state;
    assert_non_null(strstr(s, "graph"));
    for (size_t i = 0; i < fg_graph_n_agencies(graph); i++)
        assert_non_null(strstr(s, fg_graph_agency(graph, i)));
    free(s);
}

static void test_export__write_creates_dirs_and_replaces(void **state)
{
    char path[160], csvdir[160], f[200];
    fg_export_opts o = FG_EXPORT_OPTS_INIT;
    struct stat sb;

    (void)state;
    snprintf(path, sizeof path, "%s/a/b/c/g.graphml", fx.dir);
    assert_int_equal(fg_export_write(graph, path, &o), FG_OK);
    assert_int_equal(stat(path, &sb), 0);
    assert_true(sb.st_size > 100);
    /* Written again over itself: the same size, no temporary file left beside it. */
    assert_int_equal(fg_export_write(graph, path, &o), FG_OK);
    snprintf(f, sizeof f, "%s/a/b/c", fx.dir);
    {
        char cmd[256];

        snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s' | wc -l)\" -eq 1", f);
        assert_int_equal(system(cmd), 0);
    }
    o.format = FG_EXPORT_CSV;
    snprintf(csvdir, sizeof csvdir, "%s/csv/out", fx.dir);
    assert_int_equal(fg_export_write(graph, csvdir, &o), FG_OK);
    snprintf(f, sizeof f, "%s/nodes.csv", csvdir);
    assert_int_equal(stat(f, &sb), 0);
    snprintf(f, sizeof f, "%s/edges.csv", csvdir);
    assert_int_equal(stat(f, &sb), 0);
}

static void test_export__write_names_the_path_it_cannot_write(void **state)
{
    char file[160], under[200];
    fg_export_opts o = FG_EXPORT_OPTS_INIT;

    (void)state;
    snprintf(file, sizeof file, "%s/plain-file", fx.dir);
    assert_int_equal(fg_file_write_atomic(file, "x", 1), FG_OK);
    /* A file where a directory should be. */
    snprintf(under, sizeof under, "%s/sub/g.graphml", file);
    assert_int_equal(fg_export_write(graph, under, &o), FG_EIO);
    assert_non_null(strstr(fg_error_last()->message, file));
    assert_int_equal(fg_make_dirs(under), FG_EIO);
}

/*
 * A target that is no regular file is written into, not replaced by a file (-o /dev/null
 * as root once put a regular file where the device was): a FIFO stays a FIFO and its
 * reader gets the bytes; a directory is refused by name.
 */
static void test_export__write_into_special_files(void **state)
{
    char fifo[160];
    char cmd[400];
    struct stat sb;

    (void)state;
    snprintf(fifo, sizeof fifo, "%s/pipe", fx.dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    snprintf(cmd, sizeof cmd, "cat '%s' > '%s.out' &", fifo, fifo);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(fg_file_write_atomic(fifo, "through", 7), FG_OK);
    assert_int_equal(stat(fifo, &sb), 0);
    assert_true(S_ISFIFO(sb.st_mode));
    snprintf(cmd, sizeof cmd,
             "for i in 1 2 3 4 5 6 7 8 9 10; do [ \"$(cat '%s.out')\" = through ] && exit 0; "
             "sleep 0.2; done; exit 1", fifo);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(fg_file_write_atomic("/dev/null", "x", 1), FG_OK);
    assert_int_equal(stat("/dev/null", &sb), 0);
    assert_true(S_ISCHR(sb.st_mode));
    assert_int_equal(fg_file_replace(fx.dir, "x", 1), FG_EIO);
    assert_non_null(strstr(fg_error_last()->message, "Is a directory"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_export__graph_is_the_plan),
        cmocka_unit_test(test_export__graphml_parses_with_every_node_and_edge),
        cmocka_unit_test(test_export__gexf_parses_with_every_node_and_edge),
        cmocka_unit_test(test_export__json_parses_with_every_node_and_edge),
        cmocka_unit_test(test_export__csv_rows_and_cells),
        cmocka_unit_test(test_export__dot_names_every_agency),
        cmocka_unit_test(test_export__write_creates_dirs_and_replaces),
        cmocka_unit_test(test_export__write_names_the_path_it_cannot_write),
        cmocka_unit_test(test_export__write_into_special_files),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}

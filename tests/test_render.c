/*
 * Unit tests for src/render.c with the real Graphviz: a team map, an agency's ego map, the
 * network backbone and the coordination matrix of a made-up plan parse as SVG (libxml2) and
 * name what they must; PNG, PDF and DOT start with their magic; errors (no such team, a bad
 * alpha, the matrix in PNG) are codes with messages; names become safe file names; maps are
 * written whole under their final name. Expected names come from the plan below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/parser.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fengong/fengong.h"
#include "test_fixture.h"

static const char plan[] =
    "某省重点工作分工方案\n"
    "一、重点任务\n"
    "1．推进重大项目建设。（省发展改革委牵头，省财政厅、省自然资源厅按职责分工负责）\n"
    "2．保障粮食安全。（省农业农村厅牵头，省财政厅、省发展改革委按职责分工负责）\n"
    "3．建设区域医疗中心。（省卫生健康委牵头，省发展改革委、省财政厅按职责分工负责）\n"
    "4．推进项目用地保障。（省自然资源厅牵头，省发展改革委按职责分工负责）\n"
    "二、工作专班\n"
    "成立重大项目工作专班，召集人：省发展改革委主要负责同志；成员单位：省财政厅、"
    "省自然资源厅、省农业农村厅、湖南银保监局。\n";

static fg_fixture fx;
static fg_graph *graph;
static fg_renderer *rr;

static int setup(void **state)
{
    (void)state;
    if (fg_fixture_open(&fx, "fg-render", "plan.txt", plan, sizeof plan - 1) != FG_OK)
        return -1;
    {
        fg_filter f = FG_FILTER_INIT;

        if (fg_graph_load(&graph, fx.st, fx.gz, &f) != FG_OK)
            return -1;
    }
    return fg_renderer_new(&rr) == FG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    fg_renderer_free(rr);
    fg_graph_free(graph);
    return fg_fixture_close(&fx);
}

/* The map is well-formed SVG that names each of names. */
static void assert_svg_names(const fg_map *m, const char *const *names, size_t n)
{
    xmlDocPtr doc = xmlReadMemory(m->data, (int)m->len, "map.svg", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

    if (doc == NULL)
        fail_msg("%s: not well-formed SVG", m->name);
    xmlFreeDoc(doc);
    for (size_t i = 0; i < n; i++)
        if (strstr(m->data, names[i]) == NULL)
            fail_msg("%s: '%s' is not on the map", m->name, names[i]);
}

/* The map of the team named team (of the first document that has one), from its view. */
static int render_team(fg_map **m, const char *team, const fg_render_opts *o)
{
    fg_team_view *v = NULL;
    int rc = fg_store_team_view(&v, fx.st, NULL, team);

    if (rc == FG_OK)
        rc = fg_render_team(m, rr, v, fx.gz, o);
    fg_team_view_free(v);
    return rc;
}

static void test_render__team_map(void **state)
{
    static const char *const names[] = {"省发展改革委", "省财政厅", "省自然资源厅",
                                        "省农业农村厅", "重大项目工作专班"};
    fg_render_opts o = FG_RENDER_OPTS_INIT;
    fg_team_view *v = NULL;
    fg_map *m = NULL;

    (void)state;
    assert_int_equal(render_team(&m, "重大项目工作专班", &o), FG_OK);
    assert_non_null(m);
    assert_svg_names(m, names, sizeof names / sizeof names[0]);
    assert_non_null(strstr(m->name, "team-"));
    fg_map_free(m);

    v = (fg_team_view *)1;
    assert_int_equal(fg_store_team_view(&v, fx.st, NULL, "没有的专班"), FG_ENOTFOUND);
    assert_null(v);
    assert_non_null(strstr(fg_error_last()->message, "没有的专班"));
}

/* The view of a team: its units in the document's order with their roles, and the
 * assignments of its plan (the four tasks above: 3 + 3 + 3 + 2), leads first in a clause. */
static void test_render__team_view(void **state)
{
    static const char *const members[] = {"省财政厅", "省自然资源厅", "省农业农村厅",
                                          "湖南银保监局"};
    fg_team_view *v = NULL;

    (void)state;
    assert_int_equal(fg_store_team_view(&v, fx.st, "plan.txt", "重大项目工作专班"), FG_OK);
    assert_string_equal(v->doc, "plan.txt");
    assert_string_equal(v->team, "重大项目工作专班");
    assert_int_equal(v->n_members, 5);
    assert_int_equal(v->members[0].role, FG_TEAM_CONVENOR);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(v->members[i + 1].surface, members[i]);
        assert_int_equal(v->members[i + 1].role, FG_TEAM_MEMBER);
    }
    assert_int_equal(v->n_edges, 11);
    assert_string_equal(v->edges[0].agency, "省发展改革委");
    assert_int_equal(v->edges[0].role, FG_ROLE_LEAD);
    assert_string_equal(v->edges[1].agency, "省财政厅");
    assert_int_equal(v->edges[1].role, FG_ROLE_CO);
    assert_true(v->edges[2].clause_id == v->edges[0].clause_id);
    assert_true(v->edges[3].clause_id != v->edges[0].clause_id);
    assert_string_equal(v->edges[10].agency, "省发展改革委");
    fg_team_view_free(v);

    v = (fg_team_view *)1;
    assert_int_equal(fg_store_team_view(&v, fx.st, "other.txt", "重大项目工作专班"), FG_ENOTFOUND);
    assert_null(v);
}

/* A member renamed since (湖南银保监局 → 湖南金融监管局 in 2023): as written by default in the
 * library, under the newest name with as_of. */
static void test_render__team_map_follows_renamings(void **state)
{
    fg_render_opts o = FG_RENDER_OPTS_INIT;
    fg_map *m = NULL;

    (void)state;
    assert_int_equal(render_team(&m, "重大项目工作专班", &o), FG_OK);
    assert_non_null(strstr(m->data, "湖南银保监局"));
    assert_null(strstr(m->data, "湖南金融监管局"));
    fg_map_free(m);
    o.as_of = 9999;
    assert_int_equal(render_team(&m, "重大项目工作专班", &o), FG_OK);
    assert_non_null(strstr(m->data, "湖南金融监管局"));
    assert_null(strstr(m->data, "湖南银保监局"));
    fg_map_free(m);
}

static void test_render__agency_map(void **state)
{
    static const char *const names[] = {"省发展改革委", "省财政厅", "省自然资源厅",
                                        "省农业农村厅", "省卫生健康委"};
    fg_render_opts o = FG_RENDER_OPTS_INIT;
    fg_map *m = NULL;
    size_t x;

    (void)state;
    assert_int_equal(fg_graph_find(&x, graph, fx.gz, "省发改委"), FG_OK);
    assert_string_equal(fg_graph_agency(graph, x), "省发展改革委");
    assert_int_equal(fg_render_agency(&m, rr, graph, x, 1, &o), FG_OK);
    /* Every partner of 省发展改革委 is on its map. */
    assert_svg_names(m, names, sizeof names / sizeof names[0]);
    fg_map_free(m);
}

static void test_render__network_and_matrix(void **state)
{
    fg_render_opts o = FG_RENDER_OPTS_INIT;
    fg_map *m = NULL;
    const char *names[8];
    size_t n = fg_graph_n_agencies(graph);

    (void)state;
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++)
        names[i] = fg_graph_agency(graph, i);
    assert_int_equal(fg_render_network(&m, rr, graph, 0, 0, &o), FG_OK);
    assert_svg_names(m, names, n);
    assert_string_equal(m->name, "network");
    fg_map_free(m);

    assert_int_equal(fg_render_matrix(&m, graph, 0, &o), FG_OK);
    assert_svg_names(m, names, n);
    fg_map_free(m);

    o.alpha = 1.5;
    m = (fg_map *)1;
    assert_int_equal(fg_render_network(&m, rr, graph, 0, 0, &o), FG_EINVAL);
    assert_null(m);
    o.alpha = 0;
    o.format = FG_RENDER_PNG;
    assert_int_equal(fg_render_matrix(&m, graph, 0, &o), FG_EINVAL);
}

static void test_render__formats_start_with_their_magic(void **state)
{
    static const struct {
        fg_render_format f;
        const char *magic;
        size_t n;
    } cases[] = {
        {FG_RENDER_PNG, "\x89PNG", 4},
        {FG_RENDER_PDF, "%PDF-", 5},
        {FG_RENDER_DOT, "digraph", 7},
        {FG_RENDER_SVG, "<?xml", 5},
    };
    fg_render_opts o = FG_RENDER_OPTS_INIT;

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fg_map *m = NULL;

        o.format = cases[i].f;
        assert_int_equal(render_team(&m, "重大项目工作专班", &o), FG_OK);
        /* DOT may say "graph" or "digraph" after blanks; the others start with the magic. */
        if (cases[i].f == FG_RENDER_DOT)
            assert_non_null(strstr(m->data, "graph"));
        else if (m->len < cases[i].n || memcmp(m->data, cases[i].magic, cases[i].n) != 0)
            fail_msg("%s does not start with its magic", fg_render_format_ext(cases[i].f));
        assert_int_equal(fg_render_format_parse(fg_render_format_ext(cases[i].f)),
                         (int)cases[i].f);
        fg_map_free(m);
    }
    assert_int_equal(fg_render_format_parse("jpeg"), -1);
}

static void test_render__safe_names(void **state)
{
    static const struct {
        const char *in;
        const char *out;
    } cases[] = {
        {"省发展改革委", "省发展改革委"},
        {"a/b\\c", NULL},
        {"../../etc/passwd", NULL},
        {".hidden", NULL},
        {"tab\there", NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = NULL;

        assert_int_equal(fg_render_safe_name(&s, cases[i].in), FG_OK);
        if (cases[i].out)
            assert_string_equal(s, cases[i].out);
        assert_null(strchr(s, '/'));
        assert_null(strchr(s, '\\'));
        assert_null(strchr(s, '\t'));
        assert_null(strstr(s, ".."));
        assert_true(s[0] != '.');
        free(s);
    }
    {
        /* 100 three-byte characters: cut to at most 150 bytes at a character boundary. */
        char longname[301], *s = NULL;

        for (int i = 0; i < 100; i++)
            memcpy(longname + 3 * i, "局", 3);
        longname[300] = '\0';
        assert_int_equal(fg_render_safe_name(&s, longname), FG_OK);
        assert_true(strlen(s) <= 150);
        assert_int_equal(strlen(s) % 3, 0);
        free(s);
    }
}

static void test_render__write_whole_file(void **state)
{
    fg_render_opts o = FG_RENDER_OPTS_INIT;
    fg_map *m = NULL;
    char *path = NULL;
    struct stat sb;

    (void)state;
    assert_int_equal(fg_render_network(&m, rr, graph, 0, 0, &o), FG_OK);
    assert_int_equal(fg_render_write(&path, fx.dir, m, "svg"), FG_OK);
    assert_non_null(path);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal((size_t)sb.st_size, m->len);
    free(path);
    path = NULL;
    assert_int_equal(fg_render_write(&path, "/nonexistent-dir/x", m, "svg"), FG_EIO);
    assert_non_null(strstr(fg_error_last()->message, "/nonexistent-dir/x"));
    free(path);
    fg_map_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_render__team_map),
        cmocka_unit_test(test_render__team_view),
        cmocka_unit_test(test_render__team_map_follows_renamings),
        cmocka_unit_test(test_render__agency_map),
        cmocka_unit_test(test_render__network_and_matrix),
        cmocka_unit_test(test_render__formats_start_with_their_magic),
        cmocka_unit_test(test_render__safe_names),
        cmocka_unit_test(test_render__write_whole_file),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}

/*
 * Unit tests for the HTML report (src/report.c, src/report_html.c, src/report_tables.c):
 * numbers never show a negative zero; renamed agencies are counted once under the newest
 * name by default, with a footnote, and as written on request; a one-agency community is
 * listed as such, not as a group. Documents are parsed, stored in a fresh SQLite file and
 * resolved with the bundled gazetteer; the page is searched for the exact markup.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <math.h>
#include <unistd.h>

#include "fengong/fengong.h"
#include "report_int.h"
#include "test_fixture.h"

static char tmp_dir[512];
static char db_path[600];
static fg_store *store;
static fg_gazetteer *gz;
static fg_renderer *rr;
static char *page;

/* One renderer for the whole run: Graphviz's pango plugin keeps a font cache that a second
 * context in the same process would find freed. */
static int group_setup(void **state)
{
    (void)state;
    return fg_renderer_new(&rr) == FG_OK ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    fg_renderer_free(rr);
    rr = NULL;
    return 0;
}

static int setup(void **state)
{
    (void)state;
    if (fg_fixture_tmp_dir(tmp_dir, sizeof tmp_dir, db_path, sizeof db_path, "fg_test_report"))
        return -1;
    if (fg_store_open(&store, db_path, NULL) != FG_OK || fg_gazetteer_load_default(&gz) != FG_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
    char p[700];

    (void)state;
    free(page);
    page = NULL;
    fg_gazetteer_free(gz);
    gz = NULL;
    fg_store_close(store);
    store = NULL;
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        snprintf(p, sizeof p, "%s%s", db_path, suffix[i]);
        unlink(p);
    }
    rmdir(tmp_dir);
    return 0;
}

/* Store src as document name, names resolved with the bundled gazetteer. */
static void ingest(const char *name, const char *src)
{
    fg_text *text = NULL;
    fg_doc *doc = NULL;
    fg_ingest_status status;
    fg_ingest_opts io = {0, gz};

    assert_int_equal(fg_text_decode(&text, name, src, strlen(src)), FG_OK);
    assert_int_equal(fg_parse_document(&doc, text, NULL), FG_OK);
    assert_int_equal(fg_store_ingest(&status, store, doc, fg_text_sha256(text), strlen(src), &io),
                     FG_OK);
    fg_doc_free(doc);
    fg_text_free(text);
}

static void render(const fg_report_opts *opts)
{
    size_t len = 0;

    free(page);
    page = NULL;
    assert_int_equal(fg_report_html(&page, &len, store, gz, NULL, rr, opts), FG_OK);
    assert_non_null(page);
    assert_int_equal(strlen(page), len);
}

/* Where needle first stands in hay; the test fails when it is not there. */
static const char *find(const char *hay, const char *needle)
{
    const char *at = strstr(hay, needle);

    assert_non_null(at);
    return at;
}

static void test_report__fixed_never_negative_zero(void **state)
{
    char b[32];

    (void)state;
    assert_string_equal(fg_report__fixed(b, sizeof b, -0.0, 3), "0.000");
    assert_string_equal(fg_report__fixed(b, sizeof b, -1e-17, 4), "0.0000");
    assert_string_equal(fg_report__fixed(b, sizeof b, -0.00004, 4), "0.0000");
    assert_string_equal(fg_report__fixed(b, sizeof b, -0.4, 0), "0");
    /* a value that does not round to zero keeps its sign */
    assert_string_equal(fg_report__fixed(b, sizeof b, -0.0006, 3), "-0.001");
    assert_string_equal(fg_report__fixed(b, sizeof b, -10.0, 1), "-10.0");
    assert_string_equal(fg_report__fixed(b, sizeof b, NAN, 2), "0.00");
    assert_string_equal(fg_report__pct(b, sizeof b, -0.0), "0.0%");
    assert_string_equal(fg_report__pct(b, sizeof b, 0.12628), "12.6%");
}

/* 湖南银保监局 became 湖南金融监管局 (gazetteer successor, since 2023). */
static const char renamed_doc[] =
    "一、任务\n"
    "1．事项一。（湖南银保监局牵头，省财政厅按职责分工负责）\n"
    "2．事项二。（湖南金融监管局牵头，省财政厅按职责分工负责）\n";

static void test_report__renamed_bodies_follow_the_newest_name(void **state)
{
    fg_report_opts o = FG_REPORT_OPTS_INIT;

    (void)state;
    ingest("r.txt", renamed_doc);
    render(NULL);
    /* one row: 2 leads, 0 co, 2 in all */
    assert_non_null(strstr(page, "<tr><td class=\"nm\">湖南金融监管局</td><td class=\"n\">2</td>"
                                 "<td class=\"n\">0</td><td class=\"n\">2</td>"));
    assert_null(strstr(page, "<td class=\"nm\">湖南银保监局</td>"));
    assert_non_null(strstr(page, "湖南银保监局 → 湖南金融监管局"));
    assert_non_null(strstr(page, "机构名称已按机构名录的更名关系合并为最新名称"));

    o.as_written = 1;
    render(&o);
    assert_non_null(strstr(page, "<tr><td class=\"nm\">湖南银保监局</td><td class=\"n\">1</td>"));
    assert_non_null(strstr(page, "<tr><td class=\"nm\">湖南金融监管局</td><td class=\"n\">1</td>"));
    assert_null(strstr(page, "湖南银保监局 → 湖南金融监管局"));
    assert_non_null(strstr(page, "未合并更名"));
}

/* A loaded model writes the report fg_report_html() writes, as often as asked, without the
 * store: a document ingested after the load is not in it. */
static void test_report__model_written_without_the_store(void **state)
{
    fg_report_model *m = NULL;

    (void)state;
    ingest("r.txt", renamed_doc);
    render(NULL);
    assert_int_equal(fg_report_load(&m, store, gz, NULL, NULL), FG_OK);
    ingest("later.txt", "一、任务\n1．事项三。（省审计厅牵头，省财政厅按职责分工负责）\n");
    /* written twice from the one model: the same page both times */
    for (int k = 0; k < 2; k++) {
        char *html = NULL;
        size_t n = 0;

        assert_int_equal(fg_report_write(&html, &n, m, rr), FG_OK);
        assert_int_equal(n, strlen(page));
        assert_string_equal(html, page);
        assert_null(strstr(html, "省审计厅"));
        free(html);
    }
    fg_report_model_free(m);
    render(NULL);
    assert_non_null(strstr(page, "省审计厅"));
}

static void test_report__one_agency_community_is_not_a_group(void **state)
{
    const char *sec;
    const char *table;
    const char *p;

    (void)state;
    /* 省审计厅 shares no clause with anyone: its community has one member. 事项一 is one
     * task of two clauses, both shared by 省财政厅 and 省商务厅. */
    ingest("c.txt", "一、任务\n"
                    "1．事项一。（省财政厅牵头，省商务厅按职责分工负责）加强监管。"
                    "（省商务厅牵头，省财政厅按职责分工负责）\n"
                    "2．事项二。（省财政厅牵头，省商务厅按职责分工负责）\n"
                    "3．事项三。（省审计厅负责）\n");
    render(NULL);
    sec = find(page, "<h2 id=\"communities\">");
    table = find(sec, "<table id=\"community-table\"");
    p = find(table, "<p id=\"singletons\">");
    assert_non_null(strstr(p, "<span class=\"nm\">省审计厅</span>"));
    /* the group table holds the one group of two and not 省审计厅 */
    assert_true(strstr(table, "省审计厅") == strstr(p, "省审计厅"));
    assert_non_null(strstr(sec, "由两个以上机构组成的社群（1 行"));
    assert_true(strstr(sec, "由两个以上机构组成的社群（1 行") < table);
    /* its tasks: 事项一 once, though it is two clauses of the graph, then 事项二 */
    assert_non_null(strstr(table, "<td>事项一；事项二</td>"));
}

/* A filter that keeps no document: an empty summary, no bsearch on an empty array. */
static void test_report__filter_without_documents(void **state)
{
    fg_filter f = FG_FILTER_INIT;
    size_t len = 0;

    (void)state;
    ingest("r.txt", renamed_doc);
    f.year = 2030;
    assert_int_equal(fg_report_html(&page, &len, store, gz, &f, rr, NULL), FG_OK);
    assert_non_null(strstr(page, "<b>0</b><span>份文件（0 份含分工条款）"));
    assert_non_null(strstr(page, "<b>0</b><span>条分工条款"));
}

static size_t count(const char *from, const char *to, const char *what)
{
    size_t n = 0;

    for (const char *p = strstr(from, what); p && (to == NULL || p < to); p = strstr(p + 1, what))
        n++;
    return n;
}

/* Deadlines and progress: the section is there only with data; the timeline has a row per
 * lead with a dated deadline and a circle per lead and month; the small multiples a panel per
 * lead agency of the imported tasks. */
static void test_report__deadlines_and_progress(void **state)
{
    static const char plan[] = "某市2024年重点工作分工方案\n"
                               "一、任务\n"
                               "1．建设职业教育中心，2024年6月底前完成。（省教育厅牵头，省财政厅"
                               "按职责分工负责）\n"
                               "2．完善排水管网。（省住房城乡建设厅牵头，2024年10月底前）\n"
                               "3．推进数字政府建设。（省教育厅、省数据局牵头，2024年10月底前）\n"
                               "4．优化营商环境。（省商务厅牵头，长期坚持）\n"
                               "5．改造老旧小区。（省财政厅按职责分工负责，2024年12月底前）\n";
    static const char status[] = "文件,序号,状态,日期\n"
                                 "p.txt,1,已完成,2024-05-30\n"
                                 "p.txt,2,滞后,2024-11-02\n";
    fg_progress_result *res = NULL;
    const char *sec, *end, *fig;

    (void)state;
    ingest("p.txt", plan);
    render(NULL);
    sec = find(page, "<h2 id=\"tracking\">");
    end = strstr(sec, "</section>");
    fig = find(sec, "id=\"fig-timeline\"");
    /* Rows: 省教育厅 (2), 省住房城乡建设厅, 省数据局 (1 each); 省商务厅's is not a date. */
    assert_non_null(strstr(sec, ">省教育厅（2）</text>"));
    assert_non_null(strstr(sec, ">省数据局（1）</text>"));
    assert_null(strstr(sec, "省商务厅（"));
    /* Circles: 省教育厅 in June and October, 省住房城乡建设厅 and 省数据局 in October. */
    assert_int_equal(count(sec, end, "<circle"), 4);
    assert_non_null(strstr(sec, "2024年6月到期 1 条：建设职业教育中心"));
    /* 改造老旧小区 has a date but no lead: counted in the caption, not drawn. */
    assert_non_null(strstr(sec, "另有 1 条写明日期的分工条款没有牵头单位"));
    /* No status table yet: a note, not the small multiples. */
    assert_null(strstr(sec, "id=\"fig-progress\""));
    assert_non_null(strstr(sec, "尚未导入督办台账"));

    assert_int_equal(fg_progress_import(&res, store, "status.csv", status, strlen(status), NULL),
                     FG_OK);
    assert_int_equal(res->n_imported, 2);
    fg_progress_result_free(res);
    render(NULL);
    sec = find(page, "<h2 id=\"tracking\">");
    fig = find(sec, "id=\"fig-progress\"");
    /* A panel per lead agency: 省教育厅 leads tasks 1 and 3, task 1 done. */
    assert_non_null(strstr(fig, "完成 1/2（50.0%）"));
    assert_non_null(strstr(fig, ">省住房城乡建设厅</text>"));
}

/* Without deadlines or status tables there is no such section. */
static void test_report__no_tracking_section_without_data(void **state)
{
    (void)state;
    ingest("r.txt", renamed_doc);
    render(NULL);
    assert_null(strstr(page, "id=\"tracking\""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report__fixed_never_negative_zero),
        cmocka_unit_test_setup_teardown(test_report__renamed_bodies_follow_the_newest_name, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_report__model_written_without_the_store, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_report__one_agency_community_is_not_a_group, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_report__filter_without_documents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report__deadlines_and_progress, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report__no_tracking_section_without_data, setup,
                                        teardown),
    };

    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

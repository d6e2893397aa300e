/*
 * Unit tests for src/suggest.c on a real store: learnt from a small made-up 分工 document,
 * the suggester proposes for each task of a new plan the lead whose stored tasks read most
 * alike (the plan's own assignment is ignored), ranks from 1 with scores in [0, 1], and writes
 * a draft that `extract` reads back into exactly the suggested assignments. An empty store is
 * FG_ENOTFOUND with a message saying what to do.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <unistd.h>

#include "fengong/fengong.h"
#include "test_fixture.h"

static const char learn[] =
    "某省人民政府办公厅关于印发重点工作分工方案的通知\n"
    "一、社会事业\n"
    "1．扩大义务教育学位供给，新建改扩建中小学校舍。（省教育厅牵头，省财政厅按职责分工负责）\n"
    "2．推进高等学校学科建设，提升高校人才培养质量。（省教育厅牵头，省财政厅、省科技厅按职责分工负责）\n"
    "3．建设区域医疗中心，提升县级医院服务能力。（省卫生健康委牵头，省财政厅按职责分工负责）\n"
    "4．加强公共卫生体系建设，做好传染病防控。（省卫生健康委牵头，省疾控局按职责分工负责）\n"
    "5．推进高标准农田建设，稳定粮食播种面积。（省农业农村厅牵头，省自然资源厅、省财政厅按职责分工负责）\n"
    "6．实施农村人居环境整治，推进农村厕所改造。（省农业农村厅牵头，省住房城乡建设厅按职责分工负责）\n";

static const char plan_text[] =
    "某省2026年民生实事方案\n"
    "一、民生实事\n"
    "1．新建一批中小学校舍，增加义务教育学位。\n"
    "2．提升县级医院服务能力，建设区域医疗中心。（省发展改革委牵头）\n"
    "3．新建高标准农田，稳定粮食播种面积。\n";

static fg_fixture fx;
static fg_doc *plan;
static fg_text *plan_txt;

static int parse(fg_doc **doc, fg_text **text, const char *name, const char *s, size_t len)
{
    int rc = fg_text_decode(text, name, s, len);

    return rc ? rc : fg_parse_document(doc, *text, NULL);
}

static int setup(void **state)
{
    (void)state;
    if (fg_fixture_open(&fx, "fg-suggest", "learn.txt", learn, sizeof learn - 1) != FG_OK)
        return -1;
    return parse(&plan, &plan_txt, "plan.txt", plan_text, sizeof plan_text - 1) == FG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    fg_doc_free(plan);
    fg_text_free(plan_txt);
    return fg_fixture_close(&fx);
}

/* The item of the plan whose title starts with prefix. */
static size_t item_of(const char *prefix)
{
    for (size_t i = 0; i < plan->n_items; i++)
        if (strncmp(plan->items[i].title, prefix, strlen(prefix)) == 0)
            return i;
    fail_msg("no item starts with %s", prefix);
    return 0;
}

static const char *top_lead(const fg_suggestion *v, size_t n, size_t item)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].item == item && v[i].role == FG_ROLE_LEAD && v[i].rank == 1)
            return v[i].agency;
    return NULL;
}

static void test_suggest__leads_from_similar_tasks(void **state)
{
    fg_suggester *s = NULL;
    fg_suggestion *v = NULL;
    size_t n = 0;
    static const struct {
        const char *item;
        const char *lead;
    } want[] = {
        {"新建一批中小学校舍", "省教育厅"},
        /* The plan says 省发展改革委 leads: ignored, the stored tasks decide. */
        {"提升县级医院服务能力", "省卫生健康委"},
        {"新建高标准农田", "省农业农村厅"},
    };

    (void)state;
    assert_int_equal(fg_suggester_new(&s, fx.st, fx.gz), FG_OK);
    assert_int_equal(fg_suggester_n_tasks(s), 6);
    assert_int_equal(fg_suggest_plan(&v, &n, s, plan, 3), FG_OK);
    assert_true(n > 0);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const char *lead = top_lead(v, n, item_of(want[i].item));

        if (lead == NULL || strcmp(lead, want[i].lead) != 0)
            fail_msg("%s: top lead %s, want %s", want[i].item, lead ? lead : "(none)",
                     want[i].lead);
    }
    for (size_t i = 0; i < n; i++) {
        assert_true(v[i].rank >= 1 && v[i].rank <= 3);
        assert_true(v[i].score >= 0.0 && v[i].score <= 1.0);
        assert_non_null(v[i].evidence);
        /* Ranks go down as scores do, within an item and role. */
        if (i > 0 && v[i - 1].item == v[i].item && v[i - 1].role == v[i].role)
            assert_true(v[i - 1].score >= v[i].score && v[i - 1].rank < v[i].rank);
    }
    fg_suggestions_free(v, n);
    fg_suggester_free(s);
}

static void test_suggest__draft_reads_back(void **state)
{
    fg_suggester *s = NULL;
    fg_suggestion *v = NULL;
    size_t n = 0, len = 0, max_co = 2;
    char *draft = NULL;
    fg_doc *back = NULL;
    fg_text *t = NULL;

    (void)state;
    assert_int_equal(fg_suggester_new(&s, fx.st, fx.gz), FG_OK);
    assert_int_equal(fg_suggest_plan(&v, &n, s, plan, 3), FG_OK);
    assert_int_equal(fg_suggest_draft(&draft, &len, plan, v, n, max_co), FG_OK);
    assert_int_equal(parse(&back, &t, "draft.txt", draft, len), FG_OK);
    /* Each task of the draft has one clause: the top lead, then co units in rank order. */
    for (size_t i = 0; i < n; i++) {
        const fg_item *it;
        int found = 0;

        if (v[i].rank > (v[i].role == FG_ROLE_LEAD ? 1 : max_co))
            continue;
        it = &back->items[v[i].item];
        assert_int_equal(it->n_clauses, 1);
        for (size_t a = 0; a < it->clauses[0].n_assignments; a++) {
            const fg_assignment *as = &it->clauses[0].assignments[a];

            found |= as->role == v[i].role && strcmp(as->agency, v[i].agency) == 0;
        }
        if (!found)
            fail_msg("draft item %zu lacks %s", v[i].item, v[i].agency);
    }
    fg_doc_free(back);
    fg_text_free(t);
    free(draft);
    fg_suggestions_free(v, n);
    fg_suggester_free(s);
}

static void test_suggest__empty_store_says_what_to_do(void **state)
{
    char path[128];
    fg_store *empty = NULL;
    fg_suggester *s = (fg_suggester *)1;

    (void)state;
    snprintf(path, sizeof path, "%s/empty.db", fx.dir);
    assert_int_equal(fg_store_open(&empty, path, NULL), FG_OK);
    assert_int_equal(fg_suggester_new(&s, empty, fx.gz), FG_ENOTFOUND);
    assert_null(s);
    assert_non_null(strstr(fg_error_last()->message, "ingest"));
    fg_store_close(empty);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest__leads_from_similar_tasks),
        cmocka_unit_test(test_suggest__draft_reads_back),
        cmocka_unit_test(test_suggest__empty_store_says_what_to_do),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}

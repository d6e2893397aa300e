/*
 * Unit tests for src/gazetteer.c: lookups by name and alias, blanks ignored, merging a user's
 * TSV over the list (fields replaced, aliases moved, nothing changed on failure), renamings
 * followed by year, and errors naming the file and line. Expected values are written out
 * here from the small TSVs below; the bundled list is checked only for what any correct
 * gazetteer must give (every canonical name and alias finds its own entry).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fengong/fengong.h"
#include "test_util.h"

#define HDR "canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"

static const char base_tsv[] =
    HDR "省发展改革委\t湖南省发展和改革委员会|省发改委\tprovince\tgovernment\t\t\t测试\n"
        "湖南银保监局\t中国银保监会湖南监管局\tcentral\tcentral\t湖南金融监管局\t2023\t测试\n"
        "湖南金融监管局\t国家金融监督管理总局湖南监管局\tcentral\tcentral\t\t\t测试\n"
        "省扶贫办\t\tprovince\tgovernment\t省乡村振兴局\t2021\t测试\n"
        "省乡村振兴局\t\tprovince\tgovernment\t省农业农村厅\t2024\t测试\n"
        "省农业农村厅\t\tprovince\tgovernment\t\t\t测试\n";

static fg_gazetteer *load(const char *tsv)
{
    fg_gazetteer *g = NULL;

    assert_int_equal(fg_gazetteer_new(&g), FG_OK);
    assert_int_equal(fg_gazetteer_merge_tsv(g, "base.tsv", tsv, strlen(tsv)), FG_OK);
    return g;
}

static const char *canon(const fg_gazetteer *g, const char *name)
{
    const fg_agency_entry *e = fg_gazetteer_lookup(g, name, strlen(name));

    return e ? e->canonical : NULL;
}

static void test_gazetteer__lookup_by_name_and_alias(void **state)
{
    fg_gazetteer *g = load(base_tsv);

    (void)state;
    assert_int_equal(fg_gazetteer_size(g), 6);
    assert_string_equal(fg_gazetteer_at(g, 0)->canonical, "省发展改革委");
    assert_string_equal(canon(g, "省发展改革委"), "省发展改革委");
    assert_string_equal(canon(g, "省发改委"), "省发展改革委");
    assert_string_equal(canon(g, "湖南省发展和改革委员会"), "省发展改革委");
    /* Blanks inside a name (PDF-extracted text) are ignored. */
    assert_string_equal(canon(g, "省 发改委"), "省发展改革委");
    assert_string_equal(canon(g, "省发展　改革委"), "省发展改革委");
    assert_null(canon(g, "省发展改革"));
    assert_null(canon(g, "省发展改革委员"));
    assert_null(canon(g, ""));
    assert_string_equal(fg_gazetteer_at(g, 1)->successor, "湖南金融监管局");
    assert_int_equal(fg_gazetteer_at(g, 1)->since, 2023);
    assert_string_equal(fg_gazetteer_at(g, 0)->level, "province");
    fg_gazetteer_free(g);
}

static void test_gazetteer__as_of_follows_renamings(void **state)
{
    fg_gazetteer *g = load(base_tsv);
    const fg_agency_entry *e;

    (void)state;
    e = fg_gazetteer_lookup(g, "中国银保监会湖南监管局", strlen("中国银保监会湖南监管局"));
    assert_non_null(e);
    assert_string_equal(fg_gazetteer_as_of(g, e, 2022)->canonical, "湖南银保监局");
    assert_string_equal(fg_gazetteer_as_of(g, e, 2023)->canonical, "湖南金融监管局");
    assert_string_equal(fg_gazetteer_as_of(g, e, 9999)->canonical, "湖南金融监管局");
    /* A chain: 扶贫办 → 乡村振兴局 (2021) → 农业农村厅 (2024). */
    e = fg_gazetteer_lookup(g, "省扶贫办", strlen("省扶贫办"));
    assert_string_equal(fg_gazetteer_as_of(g, e, 2020)->canonical, "省扶贫办");
    assert_string_equal(fg_gazetteer_as_of(g, e, 2022)->canonical, "省乡村振兴局");
    assert_string_equal(fg_gazetteer_as_of(g, e, 2025)->canonical, "省农业农村厅");
    /* By name: an alias or old name to the name of its year; unknown names, as_of 0 or no
     * gazetteer give the name itself. */
    {
        static const char unknown[] = "某某局";
        static const char alias[] = "中国银保监会湖南监管局";

        assert_string_equal(fg_gazetteer_name_as_of(g, alias, 2024), "湖南金融监管局");
        assert_string_equal(fg_gazetteer_name_as_of(g, alias, 2022), "湖南银保监局");
        assert_ptr_equal(fg_gazetteer_name_as_of(g, unknown, 2024), unknown);
        assert_ptr_equal(fg_gazetteer_name_as_of(g, alias, 0), alias);
        assert_ptr_equal(fg_gazetteer_name_as_of(NULL, alias, 2024), alias);
    }
    /* An agency without a successor stands for itself in every year. */
    e = fg_gazetteer_lookup(g, "省发改委", strlen("省发改委"));
    assert_string_equal(fg_gazetteer_as_of(g, e, 9999)->canonical, "省发展改革委");
    fg_gazetteer_free(g);
}

static void test_gazetteer__renaming_cycle_ends(void **state)
{
    static const char cyc[] = HDR "甲局\t\tprovince\tgovernment\t乙局\t2020\tx\n"
                                  "乙局\t\tprovince\tgovernment\t甲局\t2021\tx\n";
    fg_gazetteer *g = NULL;
    int rc;

    (void)state;
    assert_int_equal(fg_gazetteer_new(&g), FG_OK);
    rc = fg_gazetteer_merge_tsv(g, "cycle.tsv", cyc, strlen(cyc));
    if (rc == FG_OK) {
        /* Accepted: following the renamings must still end. */
        const fg_agency_entry *e = fg_gazetteer_lookup(g, "甲局", strlen("甲局"));

        assert_non_null(fg_gazetteer_as_of(g, e, 9999));
    } else {
        assert_int_equal(rc, FG_EPARSE);
        assert_non_null(strstr(fg_error_last()->message, "cycle.tsv"));
    }
    fg_gazetteer_free(g);
}

static void test_gazetteer__merge_replaces_and_moves_aliases(void **state)
{
    static const char user[] = HDR "省发展改革委\t发改委\tprovince\tgovernment\t\t\t用户\n"
                                   "省统计局\t省发改委\tprovince\tgovernment\t\t\t用户\n";
    fg_gazetteer *g = load(base_tsv);

    (void)state;
    assert_int_equal(fg_gazetteer_merge_tsv(g, "user.tsv", user, strlen(user)), FG_OK);
    assert_int_equal(fg_gazetteer_size(g), 7);
    /* Fields replaced, aliases added to the old ones. */
    assert_string_equal(fg_gazetteer_lookup(g, "省发展改革委", strlen("省发展改革委"))->source,
                        "用户");
    assert_string_equal(canon(g, "发改委"), "省发展改革委");
    assert_string_equal(canon(g, "湖南省发展和改革委员会"), "省发展改革委");
    /* An alias used elsewhere moves to the new row. */
    assert_string_equal(canon(g, "省发改委"), "省统计局");
    fg_gazetteer_free(g);
}

static void test_gazetteer__bad_tsv_names_file_and_line(void **state)
{
    static const fg_phrase_case cases[] = {
        {"name\taliases\n", "bad.tsv:1"},                                          /* header */
        {HDR "省财政厅\t\tprovince\n", "bad.tsv:2"},                             /* columns */
        {HDR "省财政厅\t\tprovince\tgovernment\t\tlast year\tx\n", "bad.tsv:2"}, /* since */
        {HDR "省财政厅\t\tprovince\tgovernment\t\t\tx\n\t\tprovince\tgovernment\t\t\tx\n",
         "bad.tsv:3"}, /* no canonical */
    };
    fg_gazetteer *g = load(base_tsv);

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc = fg_gazetteer_merge_tsv(g, "bad.tsv", cases[i].in, strlen(cases[i].in));

        assert_int_equal(rc, FG_EPARSE);
        if (strstr(fg_error_last()->message, cases[i].want) == NULL)
            fail_msg("case %zu: message '%s' does not name %s", i, fg_error_last()->message,
                     cases[i].want);
        /* On failure the gazetteer is unchanged. */
        assert_int_equal(fg_gazetteer_size(g), 6);
        assert_null(canon(g, "省财政厅"));
    }
    fg_gazetteer_free(g);
}

static void test_gazetteer__missing_file_is_eio(void **state)
{
    fg_gazetteer *g = load(base_tsv);

    (void)state;
    assert_int_equal(fg_gazetteer_merge_file(g, "/nonexistent/agencies.tsv"), FG_EIO);
    assert_non_null(strstr(fg_error_last()->message, "/nonexistent/agencies.tsv"));
    assert_int_equal(fg_gazetteer_size(g), 6);
    fg_gazetteer_free(g);
}

static void test_gazetteer__bundled_list_finds_itself(void **state)
{
    fg_gazetteer *g = NULL;
    size_t n;

    (void)state;
    assert_int_equal(fg_gazetteer_load_default(&g), FG_OK);
    n = fg_gazetteer_size(g);
    assert_true(n > 100);
    for (size_t i = 0; i < n; i++) {
        const fg_agency_entry *e = fg_gazetteer_at(g, i);

        assert_ptr_equal(fg_gazetteer_lookup(g, e->canonical, strlen(e->canonical)), e);
        for (size_t a = 0; a < e->n_aliases; a++)
            assert_ptr_equal(fg_gazetteer_lookup(g, e->aliases[a], strlen(e->aliases[a])), e);
        /* A successor is an agency of the list. */
        if (e->successor[0] != '\0')
            assert_non_null(canon(g, e->successor));
    }
    fg_gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gazetteer__lookup_by_name_and_alias),
        cmocka_unit_test(test_gazetteer__as_of_follows_renamings),
        cmocka_unit_test(test_gazetteer__renaming_cycle_ends),
        cmocka_unit_test(test_gazetteer__merge_replaces_and_moves_aliases),
        cmocka_unit_test(test_gazetteer__bad_tsv_names_file_and_line),
        cmocka_unit_test(test_gazetteer__missing_file_is_eio),
        cmocka_unit_test(test_gazetteer__bundled_list_finds_itself),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

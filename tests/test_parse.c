/* Unit tests for src/parse*.c: decoded text → items, clauses, assignments, teams, metadata. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fengong/fengong.h"
#include "str.h"
#include "simd_env.h"
#include "test_util.h"

/* What a test allocated; freed by the teardown, so a failed assertion leaks nothing. */
static fg_doc *docs[4];
static size_t n_docs;
static fg_text *text_owned;
static char *mem_owned;

static fg_doc *keep(fg_doc *doc)
{
    assert_true(n_docs < sizeof docs / sizeof docs[0]);
    docs[n_docs++] = doc;
    return doc;
}

static int free_all(void **state)
{
    (void)state;
    for (size_t i = 0; i < n_docs; i++)
        fg_doc_free(docs[i]);
    n_docs = 0;
    fg_text_free(text_owned);
    text_owned = NULL;
    free(mem_owned);
    mem_owned = NULL;
    return 0;
}

/* Decode src and parse it; the text is freed at once (the document must not borrow it). */
static fg_doc *parse_len(const char *src, size_t len)
{
    fg_doc *doc = NULL;

    assert_int_equal(fg_text_decode(&text_owned, "mem/test.txt", src, len), FG_OK);
    assert_int_equal(fg_parse_document(&doc, text_owned, NULL), FG_OK);
    assert_non_null(doc);
    fg_text_free(text_owned);
    text_owned = NULL;
    return keep(doc);
}

static fg_doc *parse_doc(const char *src)
{
    return parse_len(src, strlen(src));
}

/* Parse src and check doc->first_is_lead: whether it declares that the first unit listed leads. */
static fg_doc *parse_first_is_lead(const char *src, int first_is_lead)
{
    fg_doc *doc = parse_doc(src);

    assert_int_equal(doc->first_is_lead, first_is_lead);
    return doc;
}

/* The one item with this path; fails when there is none or more than one. */
static const fg_item *find_item(const fg_doc *doc, const char *path)
{
    const fg_item *found = NULL;

    for (size_t i = 0; i < doc->n_items; i++) {
        if (strcmp(doc->items[i].path, path) == 0) {
            assert_null(found);
            found = &doc->items[i];
        }
    }
    if (found == NULL)
        fail_msg("no item %s", path);
    return found;
}

static char fmt_buf[8192];

/* Append to fmt_buf, whose first *len bytes are used. */
#define fmt_add(len, ...) fg_addf(fmt_buf, sizeof fmt_buf, (len), __VA_ARGS__)

/* All item paths in order: "M:1 M:1.1 A1:1". */
static const char *fmt_paths(const fg_doc *doc)
{
    size_t len = 0;

    fmt_buf[0] = '\0';
    for (size_t i = 0; i < doc->n_items; i++)
        fmt_add(&len, "%s%s", i ? " " : "", doc->items[i].path);
    return fmt_buf;
}

/* An item's rows: "lead:X|co:Y" per clause, clauses joined by " ; ". */
static const char *fmt_rows(const fg_item *it)
{
    size_t len = 0;

    fmt_buf[0] = '\0';
    for (size_t c = 0; c < it->n_clauses; c++) {
        const fg_clause *cl = &it->clauses[c];

        for (size_t a = 0; a < cl->n_assignments; a++)
            fmt_add(&len, "%s%s:%s", a ? "|" : (c ? " ; " : ""),
                    fg_role_name(cl->assignments[a].role), cl->assignments[a].agency);
    }
    return fmt_buf;
}

/* A team's members: "convenor:X|deputy:Y|member:Z|office:W". */
static const char *fmt_team(const fg_team *team)
{
    size_t len = 0;

    fmt_buf[0] = '\0';
    for (size_t m = 0; m < team->n_members; m++)
        fmt_add(&len, "%s%s:%s", m ? "|" : "", fg_team_role_name(team->members[m].role),
                team->members[m].agency);
    return fmt_buf;
}

/* A document's notes, one a line: "LINE KIND TEXT\n". */
static const char *fmt_notes(const fg_doc *doc)
{
    size_t len = 0;

    fmt_buf[0] = '\0';
    for (size_t n = 0; n < doc->n_notes; n++)
        fmt_add(&len, "%zu %s %s\n", doc->notes[n].line, fg_note_kind_name(doc->notes[n].kind),
                doc->notes[n].text);
    return fmt_buf;
}

/* The fields of an item the tests check by name (FG_ASSERT_FIELDS). */
static const fg_field item_fields[] = {
    FG_FIELD(fg_item, part, 's'),  FG_FIELD(fg_item, marker, 's'), FG_FIELD(fg_item, parent, 'z'),
    FG_FIELD(fg_item, depth, 'i'), FG_FIELD(fg_item, line, 'z'),   FG_FIELD(fg_item, text, 's'),
};

/* An item as "PATH TITLE (N_CLAUSES) ROWS", ROWS as fmt_rows() writes them, left out when none. */
static const char *fmt_item(const fg_item *it)
{
    static char buf[8192];
    const char *rows = fmt_rows(it);
    int n = snprintf(buf, sizeof buf, "%s %s (%zu)%s%s", it->path, it->title, it->n_clauses,
                     rows[0] ? " " : "", rows);

    assert_true(n >= 0 && (size_t)n < sizeof buf);
    return buf;
}

/*
 * The document's item paths are paths (unless NULL), and each line of items is the item with
 * the line's path (up to its first blank) as fmt_item() writes it.
 */
static void check_doc(const fg_doc *doc, const char *paths, const char *items)
{
    char line[8192];
    char path[64];

    if (paths != NULL)
        assert_string_equal(fmt_paths(doc), paths);
    for (const char *p = items; *p != '\0';) {
        size_t len = strcspn(p, "\n");
        size_t path_len = strcspn(p, " \n");

        assert_true(len < sizeof line && path_len < sizeof path);
        memcpy(line, p, len);
        line[len] = '\0';
        memcpy(path, p, path_len);
        path[path_len] = '\0';
        assert_string_equal(fmt_item(find_item(doc, path)), line);
        p += len + (p[len] == '\n');
    }
}

/* Parse src and check the document as check_doc() does. */
static void check_parse(const char *src, const char *paths, const char *items)
{
    check_doc(parse_doc(src), paths, items);
}

/* Every work team of the document in order, one a line as "NAME MEMBERS" (fmt_team()). */
static void check_all_teams(const fg_doc *doc, const char *want)
{
    char got[8192];
    size_t used = 0;

    got[0] = '\0';
    for (size_t t = 0; t < doc->n_teams; t++) {
        fg_addf(got, sizeof got, &used, "%s ", doc->teams[t].name);
        fg_addf(got, sizeof got, &used, "%s\n", fmt_team(&doc->teams[t]));
    }
    assert_string_equal(got, want);
}

/*
 * The document has n_teams work teams, and each line of teams is the team named by the line
 * up to its first blank, then its members as fmt_team() writes them.
 */
static void check_teams(const fg_doc *doc, size_t n_teams, const char *teams)
{
    char want[4096];
    char got[4096];

    assert_int_equal(doc->n_teams, n_teams);
    for (const char *p = teams; *p != '\0';) {
        size_t len = strcspn(p, "\n");
        size_t name_len = strcspn(p, " \n");
        size_t t = 0;
        int n;

        assert_true(len < sizeof want);
        memcpy(want, p, len);
        want[name_len] = '\0';
        while (t < doc->n_teams && strcmp(doc->teams[t].name, want) != 0)
            t++;
        if (t == doc->n_teams)
            fail_msg("no team %s", want);
        n = snprintf(got, sizeof got, "%s %s", want, fmt_team(&doc->teams[t]));
        assert_true(n > 0 && (size_t)n < sizeof got);
        want[name_len] = p[name_len];
        want[len] = '\0';
        assert_string_equal(got, want);
        p += len + (p[len] == '\n');
    }
}

/* ---- structure ---- */

/* ---- deadlines and targets ---- */

/* "text date source[ assumed]" of a deadline, or "-". */
static const char *fmt_due(const fg_due *d)
{
    size_t len = 0;

    fmt_buf[0] = '\0';
    if (d->kind == FG_DEADLINE_NONE) {
        fmt_add(&len, "-");
        return fmt_buf;
    }
    fmt_add(&len, "%s %s %s%s", d->text,
            d->kind == FG_DEADLINE_DATE ? d->date : fg_deadline_kind_name(d->kind),
            fg_due_source_name(d->source), d->year_assumed ? " assumed" : "");
    return fmt_buf;
}

/*
 * A clause shared by the items of a flat list (以上任务均由X牵头…) stands after each item's
 * own text: each copy takes its item's own deadline, not the last item's.
 */
static void test_parse__shared_clause_deadlines(void **state)
{
    fg_doc *doc = parse_doc("某区2024年政务服务改革任务\n"
                            "一、重点任务\n"
                            "（一）推行“一件事一次办”，2024年6月底前完成。\n"
                            "（二）推进政务服务事项标准化，2024年9月底前完成。\n"
                            "（三）建设“15分钟政务服务圈”，2024年12月底前完成。\n"
                            "以上任务均由区行政审批局牵头，区数据局配合。\n");

    (void)state;
    assert_string_equal(fmt_due(&find_item(doc, "M:1.1")->clauses[0].deadline),
                        "2024年6月底前完成 2024-06-30 sentence");
    assert_string_equal(fmt_due(&find_item(doc, "M:1.2")->clauses[0].deadline),
                        "2024年9月底前完成 2024-09-30 sentence");
    assert_string_equal(fmt_due(&find_item(doc, "M:1.3")->clauses[0].deadline),
                        "2024年12月底前完成 2024-12-31 sentence");
}

static void test_parse__deadlines(void **state)
{
    fg_doc *doc = parse_doc("湖南省人民政府办公厅关于印发某方案的通知\n"
                            "湘政办发〔2024〕3号\n"
                            "一、重点任务\n"
                            "（一）推进项目建设。（省发展改革委牵头，省财政厅配合，2024年9月底前完成）\n"
                            "（二）优化营商环境，6月底前出台实施方案。（省商务厅牵头）\n"
                            "（三）建设高水平职业院校。\n"
                            "牵头单位：省教育厅\n"
                            "完成时限：2025年6月底前\n"
                            "（四）稳定粮食生产。（省农业农村厅牵头，长期坚持）\n"
                            "（五）做好宣传工作。（省委宣传部负责）\n"
                            "二、分工表\n"
                            "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
                            "1\t推进数字政府建设。\t省数据局\t省财政厅\t2024年12月\n"
                            "2\t加强督查。\t省政府办公厅\t省直各部门\t每季度\n"
                            "湖南省人民政府办公厅\n"
                            "2024年1月19日\n");

    (void)state;
    assert_int_equal(doc->year, 2024);
    assert_string_equal(fmt_due(&find_item(doc, "M:1.1")->clauses[0].deadline),
                        "2024年9月底前完成 2024-09-30 clause");
    assert_string_equal(fmt_due(&find_item(doc, "M:1.1")->deadline), "-");
    assert_string_equal(fmt_due(&find_item(doc, "M:1.2")->clauses[0].deadline),
                        "6月底前 2024-06-30 sentence assumed");
    assert_string_equal(fmt_due(&find_item(doc, "M:1.3")->clauses[0].deadline),
                        "2025年6月底前 2025-06-30 label");
    assert_string_equal(fmt_due(&find_item(doc, "M:1.3")->deadline),
                        "2025年6月底前 2025-06-30 label");
    assert_string_equal(fmt_due(&find_item(doc, "M:1.4")->clauses[0].deadline),
                        "长期坚持 ongoing clause");
    /* No deadline: and the date of issue after the last item is none either. */
    assert_string_equal(fmt_due(&find_item(doc, "M:1.5")->clauses[0].deadline), "-");
    assert_string_equal(fmt_due(&find_item(doc, "M:2.1")->deadline),
                        "2024年12月 2024-12-31 column");
    assert_string_equal(fmt_due(&find_item(doc, "M:2.1")->clauses[0].deadline),
                        "2024年12月 2024-12-31 item");
    assert_string_equal(fmt_due(&find_item(doc, "M:2.2")->deadline), "每季度 recurring column");
    assert_int_equal(find_item(doc, "M:2.2")->deadline.every, FG_EVERY_QUARTER);
    /* The rows themselves are those of a table without a 完成时限 column. */
    check_doc(doc, NULL,
              "M:2.1 推进数字政府建设 (1) lead:省数据局|co:省财政厅\n"
              "M:1.3 建设高水平职业院校 (1) lead:省教育厅\n");
}

static void test_parse__targets(void **state)
{
    fg_doc *doc = parse_doc("一、主要目标\n"
                            "（一）全省地区生产总值增长6%左右，新增城镇就业70万人以上，"
                            "城镇调查失业率控制在5.5%以内。（省发展改革委牵头）\n"
                            "（二）完成第3次全国经济普查。（省统计局牵头）\n");
    const fg_item *it = find_item(doc, "M:1.1");

    (void)state;
    assert_int_equal(it->n_targets, 3);
    assert_string_equal(it->targets[0].text, "全省地区生产总值增长6%左右");
    assert_string_equal(it->targets[0].subject, "全省地区生产总值");
    assert_int_equal(it->targets[0].change, FG_CHANGE_INCREASE);
    assert_int_equal(it->targets[0].bound, FG_BOUND_ABOUT);
    assert_true(it->targets[0].value == 6.0);
    assert_string_equal(it->targets[0].unit, "%");
    assert_string_equal(it->targets[1].text, "新增城镇就业70万人以上");
    assert_string_equal(it->targets[1].subject, "城镇就业");
    assert_int_equal(it->targets[1].bound, FG_BOUND_GE);
    assert_true(it->targets[1].value == 700000.0);
    assert_string_equal(it->targets[1].unit, "人");
    assert_string_equal(it->targets[2].subject, "城镇调查失业率");
    assert_int_equal(it->targets[2].change, FG_CHANGE_LEVEL);
    assert_int_equal(it->targets[2].bound, FG_BOUND_LE);
    assert_true(it->targets[2].value == 5.5);
    assert_int_equal(find_item(doc, "M:1.2")->n_targets, 0);
    assert_null(find_item(doc, "M:1.2")->targets);
}

static void test_parse__four_levels(void **state)
{
    fg_doc *doc = parse_doc(
        "一、总体要求\n"
        "（一）加快发展。推动产业升级。（省工业和信息化厅牵头，省发展改革委按职责分工负责）\n"
        "1．推进项目建设。（省发展改革委牵头，省财政厅按职责分工负责）\n"
        "（1）建设示范区。（省商务厅负责）\n");
    const fg_item *it;

    (void)state;
    check_doc(doc, "M:1 M:1.1 M:1.1.1 M:1.1.1.1",
              "M:1 总体要求 (0)\n"
              "M:1.1 加快发展 (1) lead:省工业和信息化厅|co:省发展改革委\n"
              "M:1.1.1 推进项目建设 (1) lead:省发展改革委|co:省财政厅\n"
              "M:1.1.1.1 建设示范区 (1) co:省商务厅\n");
    it = find_item(doc, "M:1.1.1.1");
    FG_ASSERT_FIELDS(it, item_fields, "marker=（1）|part=M|depth=4|line=4|parent=2");
    assert_int_equal(doc->items[0].parent, FG_NO_PARENT);
    FG_ASSERT_FIELDS(&doc->items[0], item_fields, "text=总体要求");
    FG_ASSERT_FIELDS(&doc->items[2], item_fields, "marker=1．");
    assert_string_equal(it->clauses[0].text, "省商务厅负责");
    assert_int_equal(it->clauses[0].line, 4);
}

/*
 * Documents as data: a document and what parsing it must give, checked by check_case(). The
 * fields, in order: the text; its item paths (NULL: not checked); items as check_doc() writes
 * them; then an item's path, with that item's fields (FG_ASSERT_FIELDS of item_fields) and
 * its first clause's (clause_fields), each NULL when not checked.
 */
typedef struct parse_case {
    const char *src;
    const char *paths;
    const char *items;
    const char *at;
    const char *fields;
    const char *clause;
} parse_case;

static const fg_field clause_fields[] = {FG_FIELD(fg_clause, text, 's'),
                                         FG_FIELD(fg_clause, line, 'z')};

static void check_case(void **state)
{
    const parse_case *c = *state;
    fg_doc *doc = parse_doc(c->src);

    check_doc(doc, c->paths, c->items);
    if (c->fields != NULL)
        FG_ASSERT_FIELDS(find_item(doc, c->at), item_fields, c->fields);
    if (c->clause != NULL)
        FG_ASSERT_FIELDS(&find_item(doc, c->at)->clauses[0], clause_fields, c->clause);
}

/* A cmocka test test_parse__NAME that runs check (check_case …) on the case NAME. */
#define CASE_TEST(check, name) {"test_parse__" #name, (check), NULL, free_all, (void *)&(name)}

static const parse_case run_on_numbering = {
    "一、扩大内需\n"
    "（一）提振消费\n"
    "1．开展以旧换新。（省商务厅牵头）\n"
    "2．培育消费新热点。（省文化和旅游厅负责）\n"
    "二、产业升级\n"
    "（二）培育集群\n"
    "3．实施强链工程。（省工业和信息化厅牵头，省财政厅按职责分工负责）\n",
    "M:1 M:1.1 M:1.1.1 M:1.1.2 M:2 M:2.2 M:2.2.3",
    "M:2.2.3 实施强链工程 (1) lead:省工业和信息化厅|co:省财政厅\n",
    "M:2.2.3", "parent=5", NULL};

static const parse_case chapters_and_sections = {
    "第一章 总体要求\n"
    "第一节 发展目标\n"
    "一、提升能力\n"
    "（一）建设平台。（省科技厅牵头）\n"
    "第二节 重点任务\n"
    "一、扩大投资。（省发展改革委负责）\n"
    "第二章 保障措施\n"
    "一、加强领导。（省政府办公厅牵头）\n",
    "M:1 M:1.1 M:1.1.1 M:1.1.1.1 M:1.2 M:1.2.1 M:2 M:2.1",
    "M:1 总体要求 (0)\n"
    "M:1.2 重点任务 (0)\n"
    "M:1.1.1.1 建设平台 (1) lead:省科技厅\n"
    "M:2.1 加强领导 (1) lead:省政府办公厅\n",
    "M:1", "marker=第一章", NULL};

static const parse_case annex_parts = {
    "一、总体方案\n"
    "（一）统筹推进。（省发展改革委负责）\n"
    "附件1\n"
    "内需扩量提效攻坚实施方案\n"
    "一、攻坚任务\n"
    "（一）扩大消费。（省商务厅牵头，省财政厅按职能分工负责）\n"
    "附件 2\n"
    "产业育新培强攻坚实施方案\n"
    "一、攻坚任务\n"
    "(二) 培育企业。（省工业和信息化厅牵头）\n",
    "M:1 M:1.1 A1:1 A1:1.1 A2:1 A2:1.2",
    "A1:1.1 扩大消费 (1) lead:省商务厅|co:省财政厅\n"
    "A2:1.2 培育企业 (1) lead:省工业和信息化厅\n",
    "A2:1.2", "part=A2|marker=(二)", NULL};

/*
 * The attachment list is not numbered items; annex 2 starts at its title line. The list's
 * first line is bullet 附件：1. …, without a bullet (annex_title_from_list) and with one, 4
 * bytes (• and a blank; annex_list_after_bullet): 附件 at byte 0 to 4 of the line opens the
 * list; its 2. is no item either.
 */
#define ANNEX_LIST_CASE(bullet)                                      \
    {"一、总体方案\n"                                                \
     "（一）统筹推进。（省发展改革委负责）\n"                        \
     bullet "附件：1. 产业育新培强攻坚实施方案\n"                    \
     "2. 科技创新赋能攻坚实施方案\n"                                 \
     "湖南省人民政府办公厅\n"                                        \
     "附件1\n"                                                       \
     "产业育新培强攻坚实施方案\n"                                    \
     "一、攻坚任务\n"                                                \
     "（一）培育企业。（省工业和信息化厅牵头）\n"                    \
     "科技创新赋能攻坚实施方案\n"                                    \
     "一、攻坚任务\n"                                                \
     "（一）建设实验室。（省科技厅牵头，省教育厅按职责分工负责）\n", \
     "M:1 M:1.1 A1:1 A1:1.1 A2:1 A2:1.1",                            \
     "A2:1.1 建设实验室 (1) lead:省科技厅|co:省教育厅\n",            \
     "A2:1", "line=11", NULL}

static const parse_case annex_title_from_list = ANNEX_LIST_CASE("");
static const parse_case annex_list_after_bullet = ANNEX_LIST_CASE("• ");

static const parse_case restart_starts_new_part = {
    "一、总体要求\n"
    "（一）统筹推进。（省发展改革委负责）\n"
    "二、保障措施\n"
    "一、攻坚任务\n"
    "（一）扩大消费。（省商务厅牵头）\n",
    "M:1 M:1.1 M:2 A1:1 A1:1.1", "A1:1.1 扩大消费 (1) lead:省商务厅\n", NULL, NULL, NULL};

/* 附件2 followed by a sentence refers to an annex; it does not start one. */
static const parse_case annex_reference_is_not_a_part = {
    "一、总体\n"
    "（一）推进。（省财政厅负责）\n"
    "附件2所列任务由各地负责\n"
    "（二）继续。（省教育厅负责）\n",
    "M:1 M:1.1 M:1.2",
    "M:1.1 推进 (1) co:省财政厅\n"
    "M:1.2 继续 (1) co:省教育厅\n",
    NULL, NULL, NULL};

/* A second 一、 cannot be the same item: paths stay unique. */
static const parse_case repeated_top_level_starts_a_part = {
    "一、甲\n"
    "（一）乙。（省财政厅负责）\n"
    "一、丁\n"
    "（一）戊。（省教育厅负责）\n",
    "M:1 M:1.1 A1:1 A1:1.1", "", NULL, NULL, NULL};

static const parse_case long_line_cut_by_page_break_joins_title = {
    "一、总\n"
    "1．推进政务数据共享平台和一体化在线政务服务平台建\n"
    "\n"
    "设。（省数据局负责）\n",
    NULL, "M:1.1 推进政务数据共享平台和一体化在线政务服务平台建设 (1) co:省数据局\n", NULL,
    NULL, NULL};

static const parse_case title_drops_trailing_comma = {
    "一、总\n"
    "4．推进（试点）工作，（省财政厅负责）继续推进。\n",
    NULL, "M:1.4 推进（试点）工作 (1) co:省财政厅\n", NULL, NULL, NULL};

static const parse_case clause_split_over_blank_line = {
    "1．推进国土空间规划。（省发展改革委牵头，省自\n"
    "\n"
    "然资源厅、省人力资\n"
    "\n"
    "源社会保障厅按职责分工\n"
    "负责）\n",
    NULL,
    "M:1 推进国土空间规划 (1) "
    "lead:省发展改革委|co:省自然资源厅|co:省人力资源社会保障厅\n",
    "M:1", NULL, "line=1"};

static const parse_case labelled_block_on_two_lines = {
    "一、提升政务服务效能\n"
    "1．深化“一件事一次办”改革。\n"
    "牵头单位：市数据资源局\n"
    "配合单位：市发展改革委、市司法局、市市场监管局等\n"
    "2．推进告知承诺制。\n"
    "牵头单位:市市场监管局；配合单位：市司法局\n"
    "完成时限：2023年12月底前\n"
    "3．健全政企沟通机制。\n",
    NULL,
    "M:1.1 深化“一件事一次办”改革 (1) "
    "lead:市数据资源局|co:市发展改革委|co:市司法局|co:市市场监管局\n"
    "M:1.2 推进告知承诺制 (1) lead:市市场监管局|co:市司法局\n"
    "M:1.3 健全政企沟通机制 (0)\n",
    "M:1.1", NULL, "line=3"};

/* ---- titles ---- */

static void test_parse__title_rules(void **state)
{
    fg_doc *doc = parse_doc("一、总体要求\n"
                            "坚持稳中求进。（省发展改革委负责）\n"
                            "（一）加快发展先进制造业。推动产业升级。（省工业和信息化厅牵头）\n"
                            "（二）扩大有效投资（省发展改革委牵头），加快项目建设。\n"
                            "（三）加快推进政务数据共享，建设全省一体化\n"
                            "\n"
                            "平台。（省数据局负责）\n");

    (void)state;
    /* A heading alone on its line is the title, whatever follows. */
    check_doc(doc, NULL,
              "M:1 总体要求 (1) co:省发展改革委\n"
              /* Up to the first 。. */
              "M:1.1 加快发展先进制造业 (1) lead:省工业和信息化厅\n"
              /* A clause is not part of the title. */
              "M:1.2 扩大有效投资 (1) lead:省发展改革委\n"
              /* A title broken by a page break is joined with no separator. */
              "M:1.3 加快推进政务数据共享，建设全省一体化平台 (1) co:省数据局\n");
    assert_int_equal(find_item(doc, "M:1.3")->clauses[0].line, 7);
}

/* ---- clauses ---- */

static void test_parse__role_sentences(void **state)
{
    (void)state;
    check_parse("一、实施产业链提升工程\n"
                "（一）壮大先进制造业集群。每年滚动实施一批重点项目。由市工业和信息化局牵头，"
                "市发展改革委、市科技局、市商务局等部门配合。\n"
                "（二）推进智能化改造。市工业和信息化局会同市财政局、市发展改革委负责。\n"
                "（三）加强人才引育。市委组织部负责，市人力资源社会保障局配合。"
                "市科技局牵头，湘潭大学参与。\n"
                "（四）建立工作推进机制。由市政府常务副市长总牵头，成立工作专班，"
                "定期研究解决重大问题。\n",
                NULL,
                "M:1.1 壮大先进制造业集群 (1) "
                "lead:市工业和信息化局|co:市发展改革委|co:市科技局|co:市商务局\n"
                "M:1.2 推进智能化改造 (1) lead:市工业和信息化局|co:市财政局|co:市发展改革委\n"
                "M:1.3 加强人才引育 (2) "
                "lead:市委组织部|co:市人力资源社会保障局 ; lead:市科技局|co:湘潭大学\n"
                "M:1.4 建立工作推进机制 (0)\n");
}

static void test_parse__flattened_table(void **state)
{
    fg_doc *doc = parse_doc("一、总体目标\n"
                            "全年接待游客8000万人次。\n"
                            "二、重点任务\n"
                            "序号\n"
                            "重点任务\n"
                            "牵头单位\n"
                            "配合单位\n"
                            "完成时限\n"
                            "1\n"
                            "打造生态文化旅游带。推进景区提质升级。\n"
                            "市文化旅游广电局\n"
                            "岳阳楼区人民政府、市林业局\n"
                            "2024年12月\n"
                            "2\n"
                            "实施文旅消费提振行动。\n"
                            "市商务局、市文化旅游广电局\n"
                            "市财政局\n"
                            "2024年10月\n"
                            "三、保障措施\n"
                            "各县市区要加强统筹调度。\n");
    const fg_item *row = find_item(doc, "M:2.1");

    (void)state;
    check_doc(doc, "M:1 M:2 M:2.1 M:2.2 M:3",
              "M:2.1 打造生态文化旅游带 (1) "
              "lead:市文化旅游广电局|co:岳阳楼区人民政府|co:市林业局\n"
              "M:2.2 实施文旅消费提振行动 (1) lead:市商务局|lead:市文化旅游广电局|co:市财政局\n"
              "M:3 保障措施 (0)\n");
    assert_int_equal(row->line, 9);
    assert_int_equal(row->parent, 1);
    /* The clause starts on the row's lines (9 to 12), not on line 0. */
    assert_in_range(row->clauses[0].line, 9, 12);
}

static void test_parse__no_line_breaks(void **state)
{
    fg_doc *doc = parse_doc(
        "益阳市人民政府办公室关于印发工作要点的通知益政办发〔2023〕9号各区县（市）人民政府，"
        "市直各单位：现将工作要点印发给你们。一、夯实数字基础设施（一）建设政务云平台"
        "1．完成市级政务云扩容，利用率达到70%以上。（市数据资源局牵头，市财政局按职责"
        "分工负责）2．推进电子政务外网向乡镇（街道）延伸。（市数据资源局负责）（二）强化"
        "数据共享3．编制公共数据资源目录。（市数据资源局、市统计局分别牵头）二、提升政务"
        "服务水平（三）深化改革4．提高全程网办率。（市政务服务中心牵头，市直各有关单位按"
        "职责分工负责）");

    (void)state;
    check_doc(doc, "M:1 M:1.1 M:1.1.1 M:1.1.2 M:1.2 M:1.2.3 M:2 M:2.3 M:2.3.4",
              "M:1.1.1 完成市级政务云扩容，利用率达到70%以上 (1) lead:市数据资源局|co:市财政局\n"
              "M:1.1.2 推进电子政务外网向乡镇（街道）延伸 (1) co:市数据资源局\n"
              "M:1.2.3 编制公共数据资源目录 (1) lead:市数据资源局|lead:市统计局\n"
              "M:2.3.4 提高全程网办率 (1) lead:市政务服务中心|co:市直各有关单位\n");
    assert_int_equal(find_item(doc, "M:2.3.4")->clauses[0].assignments[1].kind, FG_KIND_GENERIC);
}

static void test_parse__ideographic_space_paragraphs(void **state)
{
    (void)state;
    check_parse("广东省人民政府办公厅关于印发重点任务分工的通知\u3000\u3000各地级以上市人民政府："
                "\u3000\u3000一、强化科技创新引领\u3000\u3000（一）建设重大创新平台。"
                "高标准建设实验室。（省科技厅牵头，省财政厅按职责分工负责）\u3000\u3000（二）"
                "突破关键核心技术。实施攻关工程。\u3000\u3000牵头单位：省科技厅\u3000\u3000"
                "配合单位：省工业和信息化厅\u3000\u3000附件1\u3000\u3000重点项目安排\u3000\u3000"
                "一、加快项目建设\u3000\u30001．推动项目投资。（省发展改革委负责）",
                "M:1 M:1.1 M:1.2 A1:1 A1:1.1",
                "M:1 强化科技创新引领 (0)\n"
                "M:1.1 建设重大创新平台 (1) lead:省科技厅|co:省财政厅\n"
                "M:1.2 突破关键核心技术 (1) lead:省科技厅|co:省工业和信息化厅\n"
                "A1:1.1 推动项目投资 (1) co:省发展改革委\n");
}

static void test_parse__markers_inside_lines(void **state)
{
    (void)state;
    check_parse("湖北省人民政府关于印发任务分工的通知\n"
                "各市州人民政府：\n"
                "一、总体要求坚持稳中求进，到2025年取得重大进展。\n"
                "二、重点任务（一）建设科技创新高地加快建设科技创新中心。（省科技厅负责）\n"
                "（二）完善推进机制1.建立月调度机制。（省发展改革委负责）2．强化信息报送。"
                "（省统计局负责）三、加强宣传解读。（省委宣传部负责）\n",
                "M:1 M:2 M:2.1 M:2.2 M:2.2.1 M:2.2.2 M:3",
                "M:1 总体要求坚持稳中求进，到2025年取得重大进展 (0)\n"
                "M:2 重点任务 (0)\n"
                "M:2.1 建设科技创新高地加快建设科技创新中心 (1) co:省科技厅\n"
                "M:2.2 完善推进机制 (0)\n"
                "M:2.2.1 建立月调度机制 (1) co:省发展改革委\n"
                "M:2.2.2 强化信息报送 (1) co:省统计局\n"
                "M:3 加强宣传解读 (1) co:省委宣传部\n");
}

static void test_parse__half_width_marker_before_blank(void **state)
{
    (void)state;
    /* Flat text: 1. 实施 is an item run into its heading, 1. 5万 a decimal cut by a blank. */
    check_parse("一、推动工业稳定增长(一)加快重点产业链发展1. 实施“链长制”，新增企业1. 5万户。"
                "(省工业和信息化厅负责)2. 推进集群培育。(省发展改革委负责)",
                "M:1 M:1.1 M:1.1.1 M:1.1.2",
                "M:1.1.1 实施“链长制”，新增企业1. 5万户 (1) co:省工业和信息化厅\n"
                "M:1.1.2 推进集群培育 (1) co:省发展改革委\n");
}

static void test_parse__comma_marker_inside_line(void **state)
{
    (void)state;
    /* 1、 run into a heading on a line; 2、3月份 in the text is an enumeration. */
    check_parse("一、重点任务\n"
                "（一）扩大投资（1）推进重大项目。（省发展改革委负责）\n"
                "二、保障措施1、加强组织领导，在2、3月份开展督查。（省政府办公厅负责）"
                "2、强化督查考核。（省政府督查室负责）\n",
                "M:1 M:1.1 M:1.1.1 M:2 M:2.1 M:2.2",
                "M:2.1 加强组织领导，在2、3月份开展督查 (1) co:省政府办公厅\n"
                "M:2.2 强化督查考核 (1) co:省政府督查室\n");
}

static void test_parse__cited_numbers_are_not_markers(void **state)
{
    /* Flat text: 第（二）项 would be the next （n）; a PDF line may start with （三）项. */
    fg_doc *flat = parse_doc(
        "一、重点任务（一）推进改革，按照第（二）项要求同步实施。（省发展改革委负责）"
        "（二）加强监管。（省市场监管局负责）");
    fg_doc *lines = parse_doc(
        "一、重点任务\n"
        "（一）推进改革，按照本方案第\n"
        "（二）项的要求同步实施。（省发展改革委负责）\n"
        "（二）加强监管，落实第（3）款规定。（省市场监管局负责）\n"
        "（三）项目建设。（省住房城乡建设厅负责）\n");

    (void)state;
    check_doc(flat, "M:1 M:1.1 M:1.2",
              "M:1.1 推进改革，按照第（二）项要求同步实施 (1) co:省发展改革委\n");
    check_doc(lines, "M:1 M:1.1 M:1.2 M:1.3",
              "M:1.1 推进改革，按照本方案第（二）项的要求同步实施 (1) co:省发展改革委\n"
              "M:1.3 项目建设 (1) co:省住房城乡建设厅\n");
}

static void test_parse__clauses_in_text_order(void **state)
{
    fg_doc *doc = parse_doc(
        "一、重点任务\n"
        "（一）加大制造业投资支持力度。由国家发展改革委牵头，工业和信息化部配合。引导金融机构"
        "增加中长期贷款。（中国人民银行、金融监管总局按职责分工负责）\n"
        "牵头单位：商务部\n");

    (void)state;
    check_doc(doc, NULL,
              "M:1.1 加大制造业投资支持力度 (3) "
              "lead:国家发展改革委|co:工业和信息化部 ; co:中国人民银行"
              "|co:金融监管总局 ; lead:商务部\n");
    assert_int_equal(find_item(doc, "M:1.1")->clauses[2].line, 3);
}

static void test_parse__first_listed_declaration(void **state)
{
    const char *body = "一、办好人民满意的教育\n"
                       "1．新建幼儿园20所。\n"
                       "责任单位：市教育局、市财政局、市自然资源和规划局\n"
                       "2．实施营养改善计划。（市教育局、市财政局）\n"
                       "3．建设次中心8个。（市卫生健康委、市发展改革委等按职责分工负责）\n"
                       "4．开展免费筛查。（市卫生健康委牵头，市妇联、市财政局按职责分工负责）\n"
                       "5．建设社区生活圈（以下简称“生活圈”）10个。\n"
                       "6．新增城镇就业3.5万人。（市人力资源社会保障局）\n";
    char src[2048];
    fg_doc *doc;

    (void)state;
    snprintf(src, sizeof src, "%s%s", "各项任务的责任单位中，列第一位者为牵头单位。\n", body);
    doc = parse_first_is_lead(src, 1);
    check_doc(doc, NULL,
              "M:1.1 新建幼儿园20所 (1) lead:市教育局|co:市财政局|co:市自然资源和规划局\n"
              "M:1.2 实施营养改善计划 (1) lead:市教育局|co:市财政局\n"
              "M:1.3 建设次中心8个 (1) lead:市卫生健康委|co:市发展改革委\n"
              "M:1.4 开展免费筛查 (1) lead:市卫生健康委|co:市妇联|co:市财政局\n"
              "M:1.5 建设社区生活圈（以下简称“生活圈”）10个 (0)\n"
              "M:1.6 新增城镇就业3.5万人 (1) lead:市人力资源社会保障局\n");

    /* Without the declaration: 责任单位 are co, and a bare list is no clause. */
    doc = parse_first_is_lead(body, 0);
    check_doc(doc, NULL,
              "M:1.1 新建幼儿园20所 (1) co:市教育局|co:市财政局|co:市自然资源和规划局\n"
              "M:1.2 实施营养改善计划 (0)\n"
              "M:1.3 建设次中心8个 (1) co:市卫生健康委|co:市发展改革委\n");
}

/* ---- metadata and teams ---- */

static void test_parse__metadata(void **state)
{
    fg_doc *doc = parse_doc("湖南省人民政府文件\n"
                            "湘政发〔2022〕1号\n"
                            "\n"
                            "湖南省人民政府关于印发《2022年政府工作报告重点工作分工方案》的通知\n"
                            "各市州人民政府，省政府各厅委、各直属机构：\n"
                            "现将方案印发给你们，请认真贯彻执行。\n"
                            "湖南省人民政府\n"
                            "2022年1月19日\n"
                            "一、稳增长\n"
                            "（一）扩大有效投资。（省发展改革委牵头）\n");

    (void)state;
    assert_string_equal(doc->name, "test.txt");
    assert_string_equal(doc->title,
                        "湖南省人民政府关于印发《2022年政府工作报告重点工作分工方案》的通知");
    assert_string_equal(doc->issuer, "湖南省人民政府");
    assert_string_equal(doc->doc_number, "湘政发〔2022〕1号");
    assert_int_equal(doc->year, 2022);
    assert_string_equal(doc->date, "2022-01-19");
    check_doc(doc, NULL, "M:1.1 扩大有效投资 (1) lead:省发展改革委\n");
}

static void test_parse__metadata_absent(void **state)
{
    fg_doc *doc = parse_doc("一、总体要求\n"
                            "（一）扩大有效投资。（省发展改革委牵头）\n");

    (void)state;
    assert_string_equal(doc->doc_number, "");
    assert_string_equal(doc->issuer, "");
    assert_string_equal(doc->date, "");
    assert_int_equal(doc->year, 0);
    /* A numbered heading is not the document's title. */
    assert_string_equal(doc->title, "");
}

static void test_parse__work_teams(void **state)
{
    fg_doc *doc = parse_doc(
        "附件1\n"
        "内需扩量提效攻坚实施方案\n"
        "一、保障措施\n"
        "（一）加强组织领导。成立内需扩量提效攻坚工作专班，由省政府副秘书长或省政府办公厅"
        "副主任担任召集人，省发展改革委、省商务厅主要负责人任副召集人，成员单位包括省教育厅、"
        "省财政厅、省林业局等。专班办公室设在省发展改革委。\n"
        "附件2\n"
        "民生补短提质攻坚实施方案\n"
        "一、保障措施\n"
        "（一）加强组织领导。成立民生补短提质攻坚工作专班，由省政府副秘书长担任召集人，"
        "省人力资源社会保障厅、省教育厅主要负责人担任副召集人，省民政厅、省财政厅等为成员"
        "单位。工作专班办公室设在省人力资源社会保障厅。\n");

    (void)state;
    check_all_teams(doc, "内需扩量提效攻坚工作专班 convenor:省政府副秘书长或省政府办公厅副主任"
                         "|deputy:省发展改革委|deputy:省商务厅|member:省教育厅|member:省财政厅"
                         "|member:省林业局|office:省发展改革委\n"
                         /*
                          * A post alone gives its unit (省政府副秘书长 → 省政府); only an
                          * 或-alternative is whole.
                          */
                         "民生补短提质攻坚工作专班 convenor:省政府|deputy:省人力资源社会保障厅"
                         "|deputy:省教育厅|member:省民政厅|member:省财政厅"
                         "|office:省人力资源社会保障厅\n");
    assert_string_equal(doc->teams[0].part, "A1");
    assert_int_equal(doc->teams[0].line, 4);
    assert_string_equal(doc->teams[1].part, "A2");
    /* A team paragraph is not a responsibility clause. */
    assert_int_equal(find_item(doc, "A1:1.1")->n_clauses, 0);
}

/*
 * Work teams as data: a document, how many teams it has and each one as check_teams() reads
 * them, and the path of an item that must have no clause (NULL: none checked).
 */
typedef struct team_case {
    const char *src;
    size_t n_teams;
    const char *teams;
    const char *no_clauses;
} team_case;

static void check_team_case(void **state)
{
    const team_case *c = *state;
    fg_doc *doc = parse_doc(c->src);

    check_teams(doc, c->n_teams, c->teams);
    if (c->no_clauses != NULL)
        assert_int_equal(find_item(doc, c->no_clauses)->n_clauses, 0);
}

static const team_case team_posts_give_units = {
    "关于调整省促进中小企业发展工作领导小组组成人员的通知\n"
    "现将调整后的名单通知如下：\n"
    "组　　长：张　三　省人民政府副省长\n"
    "副 组 长：李四（省发展改革委主任）\n"
    "　　　　　省工业和信息化厅主要负责人\n"
    "成　　员：王　五　财政部副部长\n"
    "　　　　　赵六　　国家发展改革委副主任\n"
    "　　　　　省财政厅分管负责人\n"
    "　　　　　省科技厅　副厅长\n"
    "　　　　　中国人民银行长沙中心支行行长\n"
    "　　　　　省委书记\n"
    "领导小组办公室设在省工业和信息化厅，王海涛同志兼任办公室主任。\n"
    "（一）强化统筹。成立省民营经济工作专班，由省人民政府副省长李文华同志任召集人，"
    "省商务厅常务副厅长任副召集人，省政府副秘书长或省政府办公厅副主任为成员。\n"
    "（二）明确分工。成立省招商引资工作专班，由省长担任召集人。\n",
    3,
    /* A person's name (padded, or before a bracketed post) and the post title go. */
    "省促进中小企业发展工作领导小组 convenor:省人民政府|deputy:省发展改革委"
    "|deputy:省工业和信息化厅|member:财政部|member:国家发展改革委|member:省财政厅"
    "|member:省科技厅|member:中国人民银行长沙中心支行|member:省委"
    "|office:省工业和信息化厅\n"
    /*
     * A name after the post goes with 同志; 常务 before a post goes too; 或 keeps it
     * whole.
     */
    "省民营经济工作专班 convenor:省人民政府|deputy:省商务厅"
    "|member:省政府副秘书长或省政府办公厅副主任\n"
    /*
     * A head of government's post with no unit before it stands for its
     * government, as 省人民政府省长 does.
     */
    "省招商引资工作专班 convenor:省人民政府\n",
    NULL};

static const team_case team_labels = {
    "一、组织架构\n"
    "（一）成立省数字政府建设工作专班。召集人：省数据局主要负责人；副召集人：省发展改革委、"
    "省财政厅分管负责人；成员单位：省委网信办、省公安厅、省通信管理局。专班办公室设在省数据局。\n"
    "（二）成立省防汛抗旱指挥部。\n"
    "总 指 挥: 省人民政府省长\n"
    "指\u00a0挥\u00a0长：省人民政府常务副省长\n"
    "副指挥长：省水利厅厅长\n"
    "成　　员　省应急管理厅副厅长\n"
    "　　　　　省气象局副局长\n"
    "联 络 员：省水利厅防汛抗旱处处长\n"
    "　　　　　省应急管理厅救援处处长\n"
    "指挥部办公室设在省水利厅。\n",
    2,
    /* All labels on one line, separated by ；. */
    "省数字政府建设工作专班 convenor:省数据局|deputy:省发展改革委|deputy:省财政厅"
    "|member:省委网信办|member:省公安厅|member:省通信管理局|office:省数据局\n"
    /*
     * Labels spaced with U+0020, U+00A0 and U+3000, a half-width colon, a label with a
     * blank instead of a colon at a line start; 联络员 lines give no rows and end the
     * member list.
     */
    "省防汛抗旱指挥部 convenor:省人民政府|deputy:省水利厅|member:省应急管理厅"
    "|member:省气象局|office:省水利厅\n",
    /* The team paragraphs are not responsibility clauses. */
    "M:1.1"};

static const team_case team_list_lines = {
    "为加强统筹协调，成立省文化旅游融合发展工作组。\n"
    "组长：\n"
    "　　省人民政府副省长\n"
    "副组长\n"
    "　　省人民政府副秘书长\n"
    "成员单位：\n"
    "　　省委宣传部\n"
    "　　省文化和旅游厅\n"
    "（各成员单位明确1名处级干部为联络员）\n"
    "　　省文化和旅游厅\n"
    "　　省交通运输厅\n"
    "工作组根据工作需要召开全体会议\n"
    "省林业局\n",
    1,
    /*
     * One name a line under its label (with or without a colon), a repeated unit kept
     * once; a note on 联络员 does not end the list; the list ends at a line that is not
     * a unit, so the unit after it is no member.
     */
    "省文化旅游融合发展工作组 convenor:省人民政府|deputy:省人民政府|member:省委宣传部"
    "|member:省文化和旅游厅|member:省交通运输厅\n",
    NULL};

static const team_case team_sentences = {
    "（一）成立省新型城镇化工作领导小组，由省人民政府分管副省长任组长，省发展改革委、"
    "省住房城乡建设厅主要负责同志任副组长，成员由省公安厅、省自然资源厅、省财政厅组成。\n"
    "（二）建立由省商务厅牵头的省外贸稳增长联席会议制度。联席会议由省商务厅、长沙海关、"
    "省税务局等3个部门和单位组成。召集人由省商务厅厅长担任，办公室设在省商务厅。\n"
    "（三）组建省县域经济工作专班，省发展改革委主要负责同志担任召集人，成员单位包括省财政厅、"
    "省统计局（名单附后）。省农业农村厅、省林业局等为专班成员单位。\n"
    "（四）调整省安全生产委员会，由省长任主任，省应急管理厅厅长任副主任，省卫生健康委员会"
    "副主任为委员。\n",
    4,
    "省新型城镇化工作领导小组 convenor:省人民政府|deputy:省发展改革委"
    "|deputy:省住房城乡建设厅|member:省公安厅|member:省自然资源厅|member:省财政厅\n"
    /* The name after 的; 由…等N个部门和单位组成; ROLE由X担任. */
    "省外贸稳增长联席会议 convenor:省商务厅|member:省商务厅|member:长沙海关"
    "|member:省税务局|office:省商务厅\n"
    /*
     * 成员单位包括 and 为…成员单位 add to one list; a bracketed note is no part of a
     * name.
     */
    "省县域经济工作专班 convenor:省发展改革委|member:省财政厅|member:省统计局"
    "|member:省农业农村厅|member:省林业局\n"
    /* 委员会 after a verb is a team; a 委员会 in a member's post is not. */
    "省安全生产委员会 convenor:省人民政府|deputy:省应急管理厅|member:省卫生健康委员会\n",
    NULL};

static const team_case team_roles_before_name = {
    "（一）加强组织领导。成立以省人民政府省长为组长、省人民政府分管副省长和省人民政府"
    "秘书长为副组长的省优化营商环境工作领导小组，成员单位包括省发展改革委、省司法厅。\n"
    "（二）成立由市长任组长的市城市更新工作专班，市住房城乡建设局为成员单位。\n"
    "（三）领导小组决定成立省营商环境投诉处理工作组，由省政务服务中心主任任组长。\n",
    3,
    /* 以X为组长、Y和Z为副组长的 before the name; 和 after a post joins two posts. */
    "省优化营商环境工作领导小组 convenor:省人民政府|deputy:省人民政府"
    "|member:省发展改革委|member:省司法厅\n"
    "市城市更新工作专班 convenor:市人民政府|member:市住房城乡建设局\n"
    /* A team mentioned before the verb does not hide the one it constitutes. */
    "省营商环境投诉处理工作组 convenor:省政务服务中心\n",
    NULL};

static void test_parse__team_units_apart_by_blanks(void **state)
{
    fg_doc *doc = parse_doc(
        "成立省数据要素市场化配置改革工作专班。\n"
        "召集人：省数据局主要负责人\n"
        "成员单位：省发展改革委　省财政厅　　省司法厅、省市场监管局\n"
        "　　　　　省委网信办　省通信管理局\n"
        "　　　　　吴建军　　省水利厅副厅长\n"
        "联络员：王　五　省数据局数据资源处处长\n");

    (void)state;
    /*
     * U+3000 between two units separates them, and a line laid out with U+3000 is a list
     * line even when long; a person's name before a post is no unit (吴建军 ends in 军).
     */
    assert_int_equal(doc->n_teams, 1);
    assert_string_equal(fmt_team(&doc->teams[0]),
                        "convenor:省数据局|member:省发展改革委|member:省财政厅|member:省司法厅"
                        "|member:省市场监管局|member:省委网信办|member:省通信管理局"
                        "|member:省水利厅");
}

static void test_parse__team_named_twice(void **state)
{
    fg_doc *doc = parse_doc(
        "为推动数字经济高质量发展，建立省数字经济发展联席会议制度（以下简称联席会议）。\n"
        "一、成员单位\n"
        "联席会议由省发展改革委主要负责同志担任召集人，省工业和信息化厅分管负责同志担任副召集人。\n"
        "二、工作要求\n"
        "各成员单位要按照职责分工，认真落实联席会议议定事项。\n"
        "附：省数字经济发展联席会议成员名单\n"
        "省数字经济发展联席会议成员名单\n"
        "召 集 人：省发展改革委主任\n"
        "副召集人：省工业和信息化厅副厅长\n"
        "成　　员：省数据局副局长\n"
        "　　　　　省通信管理局副局长\n"
        "（三）成立省平台经济工作专班，定期研究平台经济发展中的重大问题。\n");

    (void)state;
    /* The list under the title joins the team its sentences named; a team with no rows is none. */
    check_all_teams(doc, "省数字经济发展联席会议 convenor:省发展改革委|deputy:省工业和信息化厅"
                         "|member:省数据局|member:省通信管理局\n");
}

static void test_parse__options(void **state)
{
    static const char src[] = "（一）成立甲工作专班，由省长担任召集人。";
    fg_parse_opts opts = FG_PARSE_OPTS_INIT;
    fg_doc *doc = NULL;

    (void)state;
    assert_int_equal(fg_text_decode(&text_owned, "x.txt", src, strlen(src)), FG_OK);
    assert_int_equal(fg_parse_document(&doc, text_owned, NULL), FG_OK);
    keep(doc);
    assert_int_equal(doc->n_teams, 1);
    assert_string_equal(fmt_team(&doc->teams[0]), "convenor:省人民政府");
    /* no_teams skips them; name overrides the recorded document name. */
    opts.no_teams = 1;
    opts.name = "dir/plan.txt";
    assert_int_equal(fg_parse_document(&doc, text_owned, &opts), FG_OK);
    keep(doc);
    assert_int_equal(doc->n_teams, 0);
    assert_string_equal(doc->name, "plan.txt");
}

/* Two parses of one document agree on everything but the items' text. */
static void assert_same_but_text(const fg_doc *a, const fg_doc *b)
{
    char rows[8192];

    assert_int_equal(a->n_items, b->n_items);
    for (size_t i = 0; i < a->n_items; i++) {
        assert_string_equal(a->items[i].path, b->items[i].path);
        assert_string_equal(a->items[i].title, b->items[i].title);
        assert_string_equal(a->items[i].marker, b->items[i].marker);
        assert_int_equal(a->items[i].line, b->items[i].line);
        snprintf(rows, sizeof rows, "%s", fmt_rows(&a->items[i]));
        assert_string_equal(rows, fmt_rows(&b->items[i]));
    }
    assert_int_equal(a->n_teams, b->n_teams);
    for (size_t t = 0; t < a->n_teams; t++) {
        assert_string_equal(a->teams[t].name, b->teams[t].name);
        snprintf(rows, sizeof rows, "%s", fmt_team(&a->teams[t]));
        assert_string_equal(rows, fmt_team(&b->teams[t]));
    }
    assert_int_equal(a->n_notes, b->n_notes);
}

static void test_parse__no_text(void **state)
{
    /* a plan with work teams (002) and one with a division table (the forms' table) */
    static const char *const files[] = {"tests/fixtures/seeds/002_087d1517bea72081.txt",
                                        "tests/forms/table_cells.txt"};
    const char *src = getenv("FG_SOURCE_DIR");
    char path[4096];

    (void)state;
    assert_non_null(src);
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        fg_parse_opts rows_only = FG_PARSE_OPTS_INIT;
        fg_parse_opts no_text = FG_PARSE_OPTS_INIT;
        fg_doc *full = NULL;
        fg_doc *bare = NULL;
        fg_doc *kept = NULL;
        size_t with_text = 0;

        snprintf(path, sizeof path, "%s/%s", src, files[f]);
        assert_int_equal(fg_text_read_file(&text_owned, path), FG_OK);
        rows_only.no_tracking = 1;
        no_text.no_tracking = 1;
        no_text.no_text = 1;
        assert_int_equal(fg_parse_document(&full, text_owned, &rows_only), FG_OK);
        keep(full);
        assert_int_equal(fg_parse_document(&bare, text_owned, &no_text), FG_OK);
        keep(bare);
        assert_true(full->n_items > 0);
        assert_same_but_text(full, bare);
        for (size_t i = 0; i < bare->n_items; i++) {
            assert_string_equal(bare->items[i].text, "");
            with_text += full->items[i].text[0] != '\0';
        }
        assert_true(with_text > 0);
        /* Without no_tracking the text is kept: deadlines and targets are read from it. */
        no_text.no_tracking = 0;
        assert_int_equal(fg_parse_document(&kept, text_owned, &no_text), FG_OK);
        keep(kept);
        for (size_t i = 0; i < kept->n_items; i++)
            assert_string_equal(kept->items[i].text, full->items[i].text);
        free_all(NULL);
    }
}

/*
 * A delimited table keeps all its columns and cells, however many: the lead and co columns
 * here are the 18th and 19th (the parser kept 12 header columns and 16 cells, silently).
 */
static void test_parse__wide_delimited_table(void **state)
{
    char src[2048];
    size_t len = 0;

    (void)state;
    fg_addf(src, sizeof src, &len, "一、重点任务\n序号\t重点任务");
    for (int k = 3; k <= 17; k++)
        fg_addf(src, sizeof src, &len, "\t备注%d", k);
    fg_addf(src, sizeof src, &len, "\t牵头单位\t配合单位\n1\t加快预算改革");
    for (int k = 3; k <= 17; k++)
        fg_addf(src, sizeof src, &len, "\t第%d格", k);
    fg_addf(src, sizeof src, &len, "\t省财政厅\t省发展改革委\n");
    assert_string_equal(fmt_rows(find_item(parse_len(src, len), "M:1.1")),
                        "lead:省财政厅|co:省发展改革委");
}

/* ---- edges ---- */

static void test_parse__empty_text(void **state)
{
    fg_doc *doc = NULL;

    (void)state;
    assert_int_equal(fg_text_decode(&text_owned, "empty.txt", NULL, 0), FG_OK);
    assert_int_equal(fg_parse_document(&doc, text_owned, NULL), FG_OK);
    assert_non_null(keep(doc));
    assert_int_equal(doc->n_items, 0);
    assert_int_equal(doc->n_teams, 0);
    assert_string_equal(doc->title, "");
    assert_string_equal(doc->name, "empty.txt");
    fg_doc_free(NULL);
}

static void test_parse__no_numbering_no_items(void **state)
{
    fg_doc *doc = parse_doc("现将方案印发给你们，请认真贯彻执行。\n各地要加强领导。\n");

    (void)state;
    assert_int_equal(doc->n_items, 0);
}

static void test_parse__invalid_arguments(void **state)
{
    fg_doc *doc = NULL;
    int sentinel = 0;

    (void)state;
    assert_int_equal(fg_text_decode(&text_owned, "x.txt", "一、任务", strlen("一、任务")), FG_OK);
    fg_error_clear();
    assert_int_equal(fg_parse_document(NULL, text_owned, NULL), FG_EINVAL);
    assert_int_equal(fg_error_last()->code, FG_EINVAL);
    assert_non_null(strstr(fg_error_last()->message, "fg_parse_document"));
    assert_non_null(strstr(fg_error_last()->message, "out"));

    fg_error_clear();
    doc = (fg_doc *)&sentinel;
    assert_int_equal(fg_parse_document(&doc, NULL, NULL), FG_EINVAL);
    assert_int_equal(fg_error_last()->code, FG_EINVAL);
    assert_non_null(strstr(fg_error_last()->message, "text"));
    /* The header promises *out is NULL on failure. */
    assert_null(doc);
}

static void test_parse__deep_nesting(void **state)
{
    size_t n = 2000;
    size_t cap = 64 + 2 * 3 * n + n + 256;
    size_t len = 0;
    fg_doc *doc;

    (void)state;
    mem_owned = malloc(cap);
    assert_non_null(mem_owned);
    len += (size_t)snprintf(mem_owned + len, cap - len, "1．推进建设。");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(mem_owned + len, cap - len, "（");
    len += (size_t)snprintf(mem_owned + len, cap - len, "省财政厅负责");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(mem_owned + len, cap - len, "）");
    /* And as many left open to the end of the text. */
    len += (size_t)snprintf(mem_owned + len, cap - len, "\n2．再推进。");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(mem_owned + len, cap - len, "(");
    len += (size_t)snprintf(mem_owned + len, cap - len, "省财政厅牵头\n");
    doc = parse_len(mem_owned, len);
    assert_int_equal(doc->n_items, 2);
}

static void test_parse__five_megabyte_line(void **state)
{
    static const char head[] = "一、任务";
    static const char unit[] = "推进工作（省财政厅牵头，省教育厅按职责分工负责）。";
    size_t target = 5u << 20;
    size_t len = sizeof head - 1;
    fg_doc *doc = NULL;

    (void)state;
    mem_owned = malloc(target + sizeof unit);
    assert_non_null(mem_owned);
    memcpy(mem_owned, head, len);
    while (len + sizeof unit - 1 <= target) {
        memcpy(mem_owned + len, unit, sizeof unit - 1);
        len += sizeof unit - 1;
    }
    assert_int_equal(fg_text_decode(&text_owned, "big.txt", mem_owned, len), FG_OK);
    assert_int_equal(fg_parse_document(&doc, text_owned, NULL), FG_OK);
    assert_non_null(keep(doc));
}

/* ---- regressions ---- */

static void test_parse__annex_line_is_not_the_title(void **state)
{
    fg_doc *doc = parse_doc("附件1\n"
                            "内需扩量提效攻坚实施方案\n"
                            "一、目标\n");

    (void)state;
    assert_string_equal(doc->title, "内需扩量提效攻坚实施方案");
}

static void test_parse__title_across_the_head_limit_is_valid_utf8(void **state)
{
    /* Metadata looks at the first 20,000 bytes; a title line crossing that limit must not
     * be cut inside a character (found by fuzz_parse: jansson then refused the title). */
    static char src[20100];
    size_t n = 0;
    fg_doc *doc;

    (void)state;
    while (n < 19968) {
        memcpy(src + n, "。\n", 4);
        n += 4;
    }
    memcpy(src + n, "某市人民政府关于印发方案的通知\n", strlen("某市人民政府关于印发方案的通知\n"));
    n += strlen("某市人民政府关于印发方案的通知\n");
    doc = parse_len(src, n);
    for (const char *p = doc->title; *p;) {
        size_t k;

        assert_true(fg_utf8_decode(p, strlen(p), &k) >= 0);
        p += k;
    }
}

/*
 * A bracket or labelled line with a role word that gives no clause is noted with its line
 * and text; clauses, brackets without role words, 以下简称, a lead mark （牵头） and
 * narrative sentences outside brackets are not.
 */
static void test_parse__note_role_words(void **state)
{
    const char *src =
        "湖北省人民政府办公厅关于印发2024年重点民生实事任务分工方案的通知\n"
        "一、稳定和扩大就业\n"
        "1．实施高校毕业生就业促进行动，新增城镇就业70万人以上。（省人力资源社会保障厅、"
        "省教育厅配合）\n"
        "2．保障农民工工资支付。（具体责任分工由省人力资源社会保障厅另行明确）\n"
        "3．推进长株潭都市圈建设（湖南），建设社区生活圈（以下简称“生活圈”）10个。"
        "（省住房城乡建设厅负责）\n"
        "4．推进新型基础设施建设，加快5G基站布局。\n"
        "责任单位：2024年底前完成\n"
        "5．由省政府常务副省长总牵头，成立重大项目建设指挥部，统筹推进全省重大项目。\n"
        "6．推进数字政府建设。牵头单位：省数据局（牵头）；配合单位：省委网信办\n"
        "7．推进企业安全生产责任保险（含安全生产责任险），鼓励社会资本参与（社会资本参与）。"
        "（负责人：省应急管理厅张明）\n";
    fg_doc *doc;
    const fg_item *it;

    (void)state;
    doc = parse_doc(src);
    assert_string_equal(fmt_notes(doc), "3 role_words 省人力资源社会保障厅、省教育厅配合\n"
                                        "4 role_words 具体责任分工由省人力资源社会保障厅另行明确\n"
                                        "7 role_words 责任单位：2024年底前完成\n");
    assert_int_equal(find_item(doc, "M:1.1")->n_clauses, 0);
    it = find_item(doc, "M:1.3");
    assert_string_equal(fmt_rows(it), "co:省住房城乡建设厅");
    it = find_item(doc, "M:1.6");
    assert_string_equal(fmt_rows(it), "lead:省数据局|co:省委网信办");
}

/* A long bracket is cut after 120 characters and ends in …; blanks become one. */
static void test_parse__note_text_is_capped(void **state)
{
    char src[4096];
    size_t len = 0;
    fg_doc *doc;
    const char *text;
    size_t cps = 0;

    (void)state;
    len += (size_t)snprintf(src + len, sizeof src - len, "一、总体要求\n1．加强组织领导。（");
    for (int k = 0; k < 30; k++)
        len += (size_t)snprintf(src + len, sizeof src - len, "各级各部门");
    snprintf(src + len, sizeof src - len, "要压实属地责任，具体责任分工   另行明确）\n");
    doc = parse_doc(src);
    assert_int_equal(doc->n_notes, 1);
    assert_int_equal(doc->notes[0].kind, FG_NOTE_ROLE_WORDS);
    assert_int_equal(doc->notes[0].line, 2);
    text = doc->notes[0].text;
    for (const char *c = text; *c; c++)
        cps += ((unsigned char)*c & 0xC0) != 0x80;
    assert_int_equal(cps, 121);
    assert_true(strncmp(text, "各级各部门各级各部门", 30) == 0);
    assert_string_equal(text + strlen(text) - 3, "…");

    doc = parse_doc("一、总体要求\n1．加强组织领导。（具体责任分工   另行明确）\n");
    assert_string_equal(fmt_notes(doc), "2 role_words 具体责任分工 另行明确\n");
}

/*
 * A label X单位：/X部门：/X机构：/X主体： the lexicon lacks, before a unit name, in a bracket
 * or at a line or sentence start; not a known label, not a heading with its text, not
 * 完成时限：.
 */
static void test_parse__note_unknown_label(void **state)
{
    const char *src = "一、优化营商环境\n"
                      "1．完善就业公共服务体系。\n"
                      "推进单位：省政府研究室\n"
                      "完成时限：2024年12月底\n"
                      "2．健全劳动关系协调机制。（推进单位：省政府研究室）\n"
                      "3．深化“放管服”改革。承办机构：省政务服务和大数据中心。\n"
                      "4．支持创新平台建设。\n"
                      "新型研发机构：支持建设500家面向市场的省级新型研发机构\n"
                      "5．优化政务服务。牵头单位：省政务局\n"
                      "6．推进一网通办。（时间节点：2024年6月底前）\n"
                      "7．支持二手商品流通交易。\n"
                      "责任主体：商务部、公安部、税务总局\n"
                      "8．完善废旧产品回收网络。（责任主体：商务部、生态环境部）\n";
    fg_doc *doc;

    (void)state;
    doc = parse_doc(src);
    /*
     * A label with no head word the lexicon knows (推进) is read as co and noted, with the
     * block it heads; 承办机构 and 责任主体 have heads (承办, 责任): read, not noted. A heading
     * with a colon and no unit after it (新型研发机构：支持建设…) is neither.
     */
    assert_string_equal(fmt_notes(doc),
                        "3 unknown_label 推进单位：省政府研究室完成时限：2024年12月底\n"
                        "5 unknown_label 推进单位：省政府研究室\n");
    assert_string_equal(fmt_rows(find_item(doc, "M:1.1")), "co:省政府研究室");
    assert_string_equal(fmt_rows(find_item(doc, "M:1.3")), "co:省政务服务和大数据中心");
    assert_int_equal(find_item(doc, "M:1.4")->n_clauses, 0);
    assert_string_equal(fmt_rows(find_item(doc, "M:1.5")), "lead:省政务局");
    assert_string_equal(fmt_rows(find_item(doc, "M:1.7")), "co:商务部|co:公安部|co:税务总局");
    assert_string_equal(fmt_rows(find_item(doc, "M:1.8")), "co:商务部|co:生态环境部");
}

/*
 * A first-listed-lead phrase the parser did not take is noted with its sentence; one it
 * took is not, nor is a 第一 that declares nothing (第一次…牵头).
 */
static void test_parse__note_declaration(void **state)
{
    const char *body = "一、推进高质量发展\n"
                       "1．召开第一次全体会议，由省发展改革委牵头组织。\n"
                       "2．推进产业链建设。（省工业和信息化厅、省科技厅）\n";
    char src[2048];
    fg_doc *doc;

    (void)state;
    /* The ordinal after 牵头: not read as a declaration, but like one. */
    snprintf(src, sizeof src, "各项任务的牵头单位原则上排在第一位。\n%s", body);
    doc = parse_first_is_lead(src, 0);
    assert_string_equal(fmt_notes(doc), "1 declaration 各项任务的牵头单位原则上排在第一位\n");
    /* An ordinal, a link (的单位) and 牵头: a declaration, whatever the wording. */
    snprintf(src, sizeof src, "各项任务的责任单位中，排在首位的单位负责牵头抓总。\n%s", body);
    doc = parse_first_is_lead(src, 1);
    assert_string_equal(fmt_notes(doc), "");

    snprintf(src, sizeof src, "湖南省人民政府关于印发分工方案的通知\n"
                              "各项任务中，列第一位者为牵头单位。\n%s", body);
    doc = parse_first_is_lead(src, 1);
    assert_string_equal(fmt_notes(doc), "");
    assert_string_equal(fmt_rows(find_item(doc, "M:1.2")), "lead:省工业和信息化厅|co:省科技厅");

    doc = parse_doc(body);
    assert_string_equal(fmt_notes(doc), "");
}

/*
 * A 首位 that declares nothing, far before a 牵头, and a declaration with 首个 after that
 * 牵头: once the 牵头 is past the 首位, the 首个 is still found; and a 首位 after a 首 of
 * another word.
 */
static void test_parse__declaration_after_top(void **state)
{
    const char *src = "湖南省安全生产工作分工方案\n"
                      "始终把人民群众生命安全放在首位，统筹发展和安全。\n"
                      "全省安全生产工作由省安委会办公室牵头协调，各地各部门抓好落实。\n"
                      "各项任务的责任单位中，首个单位为牵头单位。\n"
                      "一、推进高质量发展\n"
                      "1．推进产业链建设。（省工业和信息化厅、省科技厅）\n";
    fg_doc *doc;

    (void)state;
    doc = parse_first_is_lead(src, 1);
    assert_string_equal(fmt_notes(doc), "");
    assert_string_equal(fmt_rows(find_item(doc, "M:1.1")), "lead:省工业和信息化厅|co:省科技厅");

    /* A 首 of another word (首先) before the 首位, in the same 45 bytes before the 牵头. */
    doc = parse_first_is_lead("湖南省工作分工方案\n"
                              "各项任务的责任单位首先按排序确定，首位的为牵头单位。\n"
                              "一、推进高质量发展\n"
                              "1．推进产业链建设。（省工业和信息化厅、省科技厅）\n",
                              1);
    assert_string_equal(fmt_notes(doc), "");
}

/*
 * A 首位 21 characters after a 牵头 (its first byte 63 bytes on), with another 牵头 16
 * characters after it that is too far to look back to it: seen from the first 牵头, it is
 * like a declaration and noted.
 */
static void test_parse__declaration_far_after(void **state)
{
    const char *src = "各项任务由省发展改革委牵头组织实施，各责任单位按照任务清单排序列首位的为主办，"
                      "其余配合，省督查室牵头督办。\n"
                      "一、推进高质量发展\n"
                      "1．推进产业链建设。（省工业和信息化厅、省科技厅）\n";
    fg_doc *doc;

    (void)state;
    doc = parse_first_is_lead(src, 0);
    assert_string_equal(fmt_notes(doc), "1 declaration 各项任务由省发展改革委牵头组织实施，各责任单位按照"
                                        "任务清单排序列首位的为主办，其余配合，省督查室牵头督办\n");
}

/* A unit name of more than 20 characters, or with 的, 为 or 是, is kept and noted. */
static void test_parse__note_long_name(void **state)
{
    const char *src =
        "一、扩大有效投资\n"
        "1．加快推进重大项目建设。（省发展改革委牵头，省财政厅、承担重大项目建设任务的市州"
        "人民政府按职责分工负责）\n"
        "2．推进园区高质量发展。（省商务厅牵头，湖南湘江新区管理委员会及其所属各产业园区管理"
        "机构按职责分工负责）\n"
        "3．深化国资国企改革。（省政府国资委、省财政厅为牵头单位）\n"
        "4．推进长江经济带发展。（省长江经济带发展领导小组办公室牵头）\n";
    fg_doc *doc;

    (void)state;
    doc = parse_doc(src);
    assert_string_equal(fmt_notes(doc),
                        "2 long_name 承担重大项目建设任务的市州人民政府\n"
                        "3 long_name 湖南湘江新区管理委员会及其所属各产业园区管理机构\n");
    assert_string_equal(fmt_rows(find_item(doc, "M:1.1")),
                        "lead:省发展改革委|co:省财政厅|co:承担重大项目建设任务的市州人民政府");
    assert_string_equal(fmt_rows(find_item(doc, "M:1.3")), "lead:省政府国资委|lead:省财政厅");
}

/*
 * A lead mark （牵头） after a unit name outside brackets marks that unit as lead, with no
 * first-listed declaration, in a labelled line and in a role sentence; it is no note.
 */
static void test_parse__lead_mark_outside_brackets(void **state)
{
    const char *src = "一、稳定经济增长\n"
                      "1．推进数字政府建设。责任单位：省数据局、省委网信办（牵头）、省政务服务中心\n"
                      "2．促进消费。\n"
                      "责任单位：省商务厅（牵头单位）、省文化和旅游厅、省市场监管局\n"
                      "3．抓好安全生产。省应急管理厅（牵头）、省消防救援总队负责。\n";
    fg_doc *doc;

    (void)state;
    doc = parse_first_is_lead(src, 0);
    check_doc(doc, NULL,
              "M:1.1 推进数字政府建设 (1) co:省数据局|lead:省委网信办|co:省政务服务中心\n"
              "M:1.2 促进消费 (1) lead:省商务厅|co:省文化和旅游厅|co:省市场监管局\n"
              "M:1.3 抓好安全生产 (1) lead:省应急管理厅|co:省消防救援总队\n");
    assert_string_equal(fmt_notes(doc), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_parse__four_levels, free_all),
        CASE_TEST(check_case, run_on_numbering),
        CASE_TEST(check_case, chapters_and_sections),
        CASE_TEST(check_case, annex_parts),
        CASE_TEST(check_case, annex_title_from_list),
        CASE_TEST(check_case, annex_list_after_bullet),
        CASE_TEST(check_case, restart_starts_new_part),
        CASE_TEST(check_case, annex_reference_is_not_a_part),
        CASE_TEST(check_case, repeated_top_level_starts_a_part),
        CASE_TEST(check_case, long_line_cut_by_page_break_joins_title),
        CASE_TEST(check_case, title_drops_trailing_comma),
        cmocka_unit_test_teardown(test_parse__annex_line_is_not_the_title, free_all),
        cmocka_unit_test_teardown(test_parse__title_across_the_head_limit_is_valid_utf8, free_all),
        cmocka_unit_test_teardown(test_parse__title_rules, free_all),
        CASE_TEST(check_case, clause_split_over_blank_line),
        CASE_TEST(check_case, labelled_block_on_two_lines),
        cmocka_unit_test_teardown(test_parse__role_sentences, free_all),
        cmocka_unit_test_teardown(test_parse__flattened_table, free_all),
        cmocka_unit_test_teardown(test_parse__no_line_breaks, free_all),
        cmocka_unit_test_teardown(test_parse__ideographic_space_paragraphs, free_all),
        cmocka_unit_test_teardown(test_parse__markers_inside_lines, free_all),
        cmocka_unit_test_teardown(test_parse__half_width_marker_before_blank, free_all),
        cmocka_unit_test_teardown(test_parse__comma_marker_inside_line, free_all),
        cmocka_unit_test_teardown(test_parse__cited_numbers_are_not_markers, free_all),
        cmocka_unit_test_teardown(test_parse__clauses_in_text_order, free_all),
        cmocka_unit_test_teardown(test_parse__first_listed_declaration, free_all),
        cmocka_unit_test_teardown(test_parse__note_role_words, free_all),
        cmocka_unit_test_teardown(test_parse__note_text_is_capped, free_all),
        cmocka_unit_test_teardown(test_parse__note_unknown_label, free_all),
        cmocka_unit_test_teardown(test_parse__note_declaration, free_all),
        cmocka_unit_test_teardown(test_parse__declaration_after_top, free_all),
        cmocka_unit_test_teardown(test_parse__declaration_far_after, free_all),
        cmocka_unit_test_teardown(test_parse__note_long_name, free_all),
        cmocka_unit_test_teardown(test_parse__lead_mark_outside_brackets, free_all),
        cmocka_unit_test_teardown(test_parse__metadata, free_all),
        cmocka_unit_test_teardown(test_parse__metadata_absent, free_all),
        cmocka_unit_test_teardown(test_parse__work_teams, free_all),
        CASE_TEST(check_team_case, team_posts_give_units),
        CASE_TEST(check_team_case, team_labels),
        CASE_TEST(check_team_case, team_list_lines),
        CASE_TEST(check_team_case, team_sentences),
        cmocka_unit_test_teardown(test_parse__team_named_twice, free_all),
        CASE_TEST(check_team_case, team_roles_before_name),
        cmocka_unit_test_teardown(test_parse__team_units_apart_by_blanks, free_all),
        cmocka_unit_test_teardown(test_parse__options, free_all),
        cmocka_unit_test_teardown(test_parse__empty_text, free_all),
        cmocka_unit_test_teardown(test_parse__no_numbering_no_items, free_all),
        cmocka_unit_test_teardown(test_parse__invalid_arguments, free_all),
        cmocka_unit_test_teardown(test_parse__no_text, free_all),
        cmocka_unit_test_teardown(test_parse__wide_delimited_table, free_all),
        cmocka_unit_test_teardown(test_parse__deep_nesting, free_all),
        cmocka_unit_test_teardown(test_parse__five_megabyte_line, free_all),
        cmocka_unit_test_teardown(test_parse__deadlines, free_all),
        cmocka_unit_test_teardown(test_parse__shared_clause_deadlines, free_all),
        cmocka_unit_test_teardown(test_parse__targets, free_all),
    };

    simd_check_env();
    return cmocka_run_group_tests(tests, NULL, NULL);
}

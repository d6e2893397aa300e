/*
 * Unit tests for src/progress_read.c and src/progress.c: status tables read from CSV, TSV
 * and XLSX (the workbook written here with libxlsxwriter), the status vocabulary, matching
 * rows to tasks, idempotent imports, bad rows named by line, no partial import, and the
 * counts as of a date. The store is a real SQLite database in a fresh temporary directory
 * holding tests/fixtures/track/2024_lanshan-plan.txt, whose tasks and deadlines are written
 * out below as read from the text; a plain sqlite3 connection counts what was stored.
 *
 * The plan's tasks (item, lead, co units, deadline):
 *   M:1.1 市发展改革委, 1 co, none      M:2.6 市农业农村局, 0 co, ongoing
 *   M:1.2 市发展改革委, 2 co, none      M:2.7 市应急管理局, 1 co, recurring
 *   M:2.3 市交通运输局, 1 co, 2024-12-31 M:2.8 no lead (市体育局 负责 is read as co), none
 *   M:2.4 市营商环境局, 1 co, 2024-06-30 M:3.1 市数据局, 1 co, 2024-03-31
 *   M:2.5 市教育局, 2 co, 2025-06-30     M:3.2 市住房城乡建设局, 2 co, 2024-10-31
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "fengong/fengong.h"
#include "test_fixture.h"
#include "test_util.h"

#define PLAN "2024_lanshan-plan.txt"

static fg_fixture fx; /* a fresh directory with an empty store */
static char db_path[96];
static fg_store *store;
static fg_status_table *table;
static fg_progress_result *result;

static int setup(void **state)
{
    (void)state;
    if (fg_fixture_open_empty(&fx, "fg-test-progress", db_path, sizeof db_path) != FG_OK)
        return -1;
    store = fx.st;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    FG_CLEAR(table, fg_status_table_free);
    FG_CLEAR(result, fg_progress_result_free);
    return fg_fixture_close(&fx);
}

/* The store with the plan ingested. */
static void open_plan_store(void)
{
    const char *src = getenv("FG_SOURCE_DIR");
    char path[1024];
    fg_text *t = NULL;
    fg_doc *d = NULL;
    fg_ingest_status st;

    if (src == NULL)
        fail_msg("FG_SOURCE_DIR is not set (ctest sets it)");
    snprintf(path, sizeof path, "%s/tests/fixtures/track/%s", src, PLAN);
    assert_int_equal(fg_text_read_file(&t, path), FG_OK);
    assert_int_equal(fg_parse_document(&d, t, NULL), FG_OK);
    assert_int_equal(fg_store_ingest(&st, store, d, fg_text_sha256(t), t->n_bytes, NULL), FG_OK);
    fg_doc_free(d);
    fg_text_free(t);
}

static long long raw_count(const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    long long n;

    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

/* The stored reports as "line item status date matched" lines, by line. */
static void raw_reports(char *out, size_t cap)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    size_t n = 0;

    out[0] = '\0';
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT line, item, status, date, matched FROM "
                                        "progress_reports ORDER BY import_id, line",
                                        -1, &s, NULL),
                     SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW && n < cap)
        n += (size_t)snprintf(out + n, cap - n, "%d %s %s %s %s\n", sqlite3_column_int(s, 0),
                              sqlite3_column_text(s, 1), sqlite3_column_text(s, 2),
                              sqlite3_column_text(s, 3), sqlite3_column_text(s, 4));
    sqlite3_finalize(s);
    sqlite3_close(db);
}

static int import_text(const char *name, const char *csv, bool strict)
{
    fg_progress_import_opts o = FG_PROGRESS_IMPORT_OPTS_INIT;

    o.strict = strict;
    o.today = "2024-07-15";
    fg_progress_result_free(result);
    result = NULL;
    return fg_progress_import(&result, store, name, csv, strlen(csv), &o);
}

/* ---- statuses ---- */

/* The names of the values of fg_status and fg_miss_kind, in the tests' words. */
static const char *const status_names[] = {"none", "not_started", "in_progress", "done",
                                           "delayed"};
static const char *const miss_names[] = {"none", "several", "no_doc"};

/* The fields the tests check by name (FG_ASSERT_FIELDS), of each record type. */
static const fg_field status_row_fields[] = {
    FG_FIELD(fg_status_row, line, 'z'),
    FG_FIELD(fg_status_row, doc, 's'),
    FG_FIELD(fg_status_row, item, 's'),
    FG_FIELD(fg_status_row, task, 's'),
    FG_FIELD_ENUM(fg_status_row, status, status_names),
    FG_FIELD(fg_status_row, date, 's'),
    FG_FIELD(fg_status_row, note, 's'),
    FG_FIELD(fg_status_row, reporter, 's'),
};
static const fg_field result_fields[] = {
    FG_FIELD(fg_progress_result, unchanged, 'b'),  FG_FIELD(fg_progress_result, n_rows, 'z'),
    FG_FIELD(fg_progress_result, n_imported, 'z'), FG_FIELD(fg_progress_result, by_item, 'z'),
    FG_FIELD(fg_progress_result, by_text, 'z'),    FG_FIELD(fg_progress_result, by_search, 'z'),
    FG_FIELD(fg_progress_result, n_undated, 'z'),  FG_FIELD(fg_progress_result, n_misses, 'z'),
};
static const fg_field miss_fields[] = {
    FG_FIELD(fg_progress_miss, line, 'z'),
    FG_FIELD_ENUM(fg_progress_miss, kind, miss_names),
    FG_FIELD(fg_progress_miss, n_matches, 'z'),
    FG_FIELD(fg_progress_miss, given, 's'),
};
static const fg_field row_fields[] = {
    FG_FIELD(fg_progress_row, group, 's'),       FG_FIELD(fg_progress_row, tasks, 'z'),
    FG_FIELD(fg_progress_row, reported, 'z'),    FG_FIELD(fg_progress_row, never_reported, 'z'),
    FG_FIELD(fg_progress_row, in_progress, 'z'), FG_FIELD(fg_progress_row, done, 'z'),
    FG_FIELD(fg_progress_row, delayed, 'z'),     FG_FIELD(fg_progress_row, dated, 'z'),
    FG_FIELD(fg_progress_row, due, 'z'),         FG_FIELD(fg_progress_row, overdue, 'z'),
};
static const fg_field bin_fields[] = {
    FG_FIELD(fg_coord_bin, tasks, 'z'),
    FG_FIELD(fg_coord_bin, due, 'z'),
    FG_FIELD(fg_coord_bin, overdue, 'z'),
};
static const fg_field pair_fields[] = {
    FG_FIELD(fg_coord_pair, a, 's'),
    FG_FIELD(fg_coord_pair, b, 's'),
    FG_FIELD(fg_coord_pair, overdue, 'z'),
    FG_FIELD(fg_coord_pair, due, 'z'),
};

/* The status s reads as, by the name of its enum value ("none" when s names none). */
static const char *status_read(const char *s)
{
    return FG_NAME_OF(status_names, fg_status_parse(s, strlen(s)));
}

/* Status words and aliases, padded and in any case, and what they read as (status_read). */
static const fg_phrase_case status_words[] = {
    {"未启动", "not_started"},
    {"未开始", "not_started"},
    {"Not Started", "not_started"},
    {"not_started", "not_started"},
    {"推进中", "in_progress"},
    {"进行中", "in_progress"},
    {" in-progress ", "in_progress"},
    {"ONGOING", "in_progress"},
    {"已完成", "done"},
    {"完成", "done"},
    {"Done", "done"},
    {"completed", "done"},
    {"\xe3\x80\x80已办结\xe3\x80\x80", "done"},
    {"滞后", "delayed"},
    {"进度滞后", "delayed"},
    {"late", "delayed"},
    {"Delayed", "delayed"},
    {"", "none"},
    {"完成了", "none"},
    {"progress", "none"},
    {"已完成已完成", "none"},
};

static void test_progress__status_aliases(void **state)
{
    (void)state;
    assert_string_equal(fg_status_name(FG_STATUS_DELAYED), "滞后");
    /* every alias listed for --help parses to its own status */
    for (int k = FG_STATUS_NOT_STARTED; k <= FG_STATUS_DELAYED; k++)
        for (const char *const *a = fg_status_aliases((fg_status)k); *a; a++)
            assert_int_equal(fg_status_parse(*a, strlen(*a)), k);
}

/* ---- reading ---- */

static void test_progress__read_csv(void **state)
{
    static const char csv[] = "# a made-up table\n"
                              "\n"
                              "序号,Status,任务,日期,备注,牵头单位,报送单位\n"
                              "M:2.3,已完成,,2024-12-01,\"通车, 已验收\",市交通运输局,交通局\n"
                              "2.4,推进中,,2024/6/3,\"第一行\n第二行\",,\n"
                              ",滞后,\"建设市级\"\"职业\"\"教育中心\",2024年9月1日,,,\n"
                              ",,,,,,\n"
                              "3,done,,20241005,,,\n";

    (void)state;
    assert_int_equal(fg_status_table_read(&table, "t.csv", csv, strlen(csv)), FG_OK);
    assert_int_equal(table->format, FG_TABLE_CSV);
    assert_int_equal(table->n_rows, 4);
    FG_ASSERT_FIELDS(&table->rows[0], status_row_fields,
                     "line=4|item=M:2.3|status=done|date=2024-12-01|note=通车, 已验收|"
                     "reporter=交通局|doc=");
    FG_ASSERT_FIELDS(&table->rows[1], status_row_fields,
                     "line=5|date=2024-06-03|note=第一行\n第二行");
    FG_ASSERT_FIELDS(&table->rows[2], status_row_fields,
                     "line=7|" /* the quoted line break counts */
                     "task=建设市级\"职业\"教育中心|date=2024-09-01");
    assert_int_equal(table->rows[3].line, 9);
    assert_string_equal(table->rows[3].date, "2024-10-05");
}

static void test_progress__read_tsv_gb18030(void **state)
{
    /* 条目\t状态\t日期 / M:2.4\t进行中\t2024-05-01 in GB18030 */
    static const char tsv[] = "\xcc\xf5\xc4\xbf\t\xd7\xb4\xcc\xac\t\xc8\xd5\xc6\xda\r\n"
                              "M:2.4\t\xbd\xf8\xd0\xd0\xd6\xd0\t2024-05-01\r\n";

    (void)state;
    assert_int_equal(fg_status_table_read(&table, "t.tsv", tsv, strlen(tsv)), FG_OK);
    assert_int_equal(table->format, FG_TABLE_TSV);
    assert_int_equal(table->n_rows, 1);
    FG_ASSERT_FIELDS(&table->rows[0], status_row_fields,
                     "line=2|item=M:2.4|status=in_progress|date=2024-05-01");
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* A workbook as a 督查 office's spreadsheet has it: a title row above the header would be a
 * header of its own, so the header is the first row; a number for the item, a date cell. */
static char *write_xlsx(const char *path, size_t *len, const char *status_row3)
{
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "进度");
    lxw_format *datefmt = workbook_add_format(wb);
    lxw_datetime dt = {2024, 11, 30, 0, 0, 0};

    format_set_num_format(datefmt, "yyyy-mm-dd");
    worksheet_write_string(ws, 0, 0, "文件", NULL);
    worksheet_write_string(ws, 0, 1, "序号", NULL);
    worksheet_write_string(ws, 0, 2, "状态", NULL);
    worksheet_write_string(ws, 0, 3, "日期", NULL);
    worksheet_write_string(ws, 0, 4, "备注", NULL);
    worksheet_write_string(ws, 1, 0, PLAN, NULL);
    worksheet_write_string(ws, 1, 1, "M:3.1", NULL);
    worksheet_write_string(ws, 1, 2, "已完成", NULL);
    worksheet_write_datetime(ws, 1, 3, &dt, datefmt);
    worksheet_write_string(ws, 1, 4, "上线", NULL);
    /* row 3 left empty; row 4: the item as a number, the date as text */
    worksheet_write_string(ws, 3, 0, "2024_lanshan-plan", NULL);
    worksheet_write_number(ws, 3, 1, 4, NULL);
    worksheet_write_string(ws, 3, 2, status_row3, NULL);
    worksheet_write_string(ws, 3, 3, "2024-06-01", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    return slurp(path, len);
}

static void test_progress__read_xlsx(void **state)
{
    char path[700];
    size_t len;
    char *bytes;

    (void)state;
    snprintf(path, sizeof path, "%s/s.xlsx", fx.dir);
    bytes = write_xlsx(path, &len, "in progress");
    assert_int_equal(fg_status_table_read(&table, "s.xlsx", bytes, len), FG_OK);
    assert_int_equal(table->format, FG_TABLE_XLSX);
    assert_int_equal(table->n_rows, 2);
    FG_ASSERT_FIELDS(&table->rows[0], status_row_fields,
                     "line=2|doc=" PLAN "|item=M:3.1|status=done|"
                     "date=2024-11-30|" /* from the serial 45626 */
                     "note=上线");
    FG_ASSERT_FIELDS(&table->rows[1], status_row_fields,
                     "line=4|item=4|status=in_progress|date=2024-06-01");
    free(bytes);
    fg_status_table_free(table);
    table = NULL;
    /* a bad status in a workbook is named by its row */
    bytes = write_xlsx(path, &len, "maybe");
    assert_int_equal(fg_status_table_read(&table, "s.xlsx", bytes, len), FG_EPARSE);
    assert_null(table);
    assert_non_null(strstr(fg_error_last()->message, "s.xlsx:4: unknown status 'maybe'"));
    free(bytes);
    /* a truncated workbook is no workbook */
    bytes = write_xlsx(path, &len, "done");
    assert_int_equal(fg_status_table_read(&table, "s.xlsx", bytes, len / 2), FG_EFORMAT);
    assert_non_null(strstr(fg_error_last()->message, "s.xlsx: not a readable Excel workbook"));
    free(bytes);
}

static void test_progress__bad_rows_by_line(void **state)
{
    static const fg_phrase_case cases[] = {
        {"条目,状态\nM:2.3,done\nM:2.4,perhaps\n", "t.csv:3: unknown status 'perhaps'"},
        {"条目,状态,日期\nM:2.3,done,2024-02-30\n", "t.csv:2: bad date '2024-02-30'"},
        {"条目,状态,日期\nM:2.3,done,next week\n", "t.csv:2: bad date 'next week'"},
        {"条目,状态\nM:2.3,\"done\n", "t.csv:2: a quoted cell is not closed"},
        {"条目,备注\nM:2.3,x\n", "t.csv:1: the header needs a status column"},
        {"状态,日期\ndone,2024-01-01\n", "t.csv:1: the header needs a status column"},
        {"条目,状态,status\nM:2.3,done,done\n", "t.csv:1: two columns for the status"},
        {"条目,状态\n,done\n", "t.csv:2: neither an item nor a task text"},
        {"# only a comment\n", "t.csv: no header row"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc = fg_status_table_read(&table, "t.csv", cases[i].in, strlen(cases[i].in));

        assert_int_equal(rc, FG_EPARSE);
        assert_null(table);
        if (strstr(fg_error_last()->message, cases[i].want) == NULL)
            fail_msg("case %zu: '%s', want '%s'", i, fg_error_last()->message, cases[i].want);
    }
}

/* ---- importing ---- */

static const char good_csv[] =
    "文件,序号,任务,状态,日期\n" PLAN ",M:2.3,,已完成,2024-11-30\n" /* 2: by path */
    "2024_lanshan-plan,2.4,,推进中,2024/5/1\n" /* 3: name without extension, bare path */
    "岚政办发〔2024〕5号,,建设市级职业教育中心,滞后,2024年9月1日\n" /* 4: 文号, exact title */
    ",,排水管网,completed,2024-10-15\n"   /* 5: the search index, one task */
    PLAN ",99,,done,2024-01-01\n"         /* 6: no such item */
    ",,推进,done,2024-01-01\n"            /* 7: 推进岚江大桥…, 推进数字政府…: two */
    "nosuch.txt,M:2.3,,done,2024-01-01\n" /* 8: no such document */
    PLAN ",2,,done,2024-01-01\n"          /* 9: （二） and 2 (M:3.2): two */
    PLAN ",（三）,,推进中,\n"             /* 10: the marker; no date: today */
    PLAN ",M:2.4,,done,2024-08-15\n";     /* 11: by path */

static void test_progress__import_matches_and_lists(void **state)
{
    char got[2048];

    (void)state;
    open_plan_store();
    assert_int_equal(import_text("good.csv", good_csv, false), FG_OK);
    FG_ASSERT_FIELDS(result, result_fields,
                     "unchanged=false|n_rows=10|n_imported=6|by_item=4|by_text=1|by_search=1|"
                     "n_undated=1|n_misses=4");
    assert_int_equal(result->misses[0].line, 6);
    assert_int_equal(result->misses[0].kind, FG_MISS_NONE);
    FG_ASSERT_FIELDS(&result->misses[1], miss_fields,
                     "line=7|kind=several|n_matches=2|given=- / - / 推进");
    assert_int_equal(result->misses[2].line, 8);
    assert_int_equal(result->misses[2].kind, FG_MISS_NO_DOC);
    assert_int_equal(result->misses[3].line, 9);
    assert_int_equal(result->misses[3].kind, FG_MISS_SEVERAL);
    raw_reports(got, sizeof got);
    assert_string_equal(got, "2 M:2.3 已完成 2024-11-30 item\n"
                             "3 M:2.4 推进中 2024-05-01 item\n"
                             "4 M:2.5 滞后 2024-09-01 text\n"
                             "5 M:3.2 已完成 2024-10-15 search\n"
                             "10 M:2.3 推进中 2024-07-15 item\n"
                             "11 M:2.4 已完成 2024-08-15 item\n");
    assert_int_equal(raw_count("SELECT count(*) FROM progress_imports WHERE n_rows = 10 AND "
                               "n_reports = 6 AND format = 'csv' AND name = 'good.csv' AND "
                               "length(sha256) = 64"),
                     1);
}

static void test_progress__reimport_changes_nothing(void **state)
{
    char before[2048];
    char after[2048];

    (void)state;
    open_plan_store();
    assert_int_equal(import_text("good.csv", good_csv, false), FG_OK);
    raw_reports(before, sizeof before);
    /* the same bytes under another name: nothing written, and it says as what */
    assert_int_equal(import_text("copy.csv", good_csv, false), FG_OK);
    assert_true(result->unchanged);
    assert_non_null(strstr(result->previous, "good.csv at "));
    assert_int_equal(result->n_imported, 0);
    raw_reports(after, sizeof after);
    assert_string_equal(before, after);
    assert_int_equal(raw_count("SELECT count(*) FROM progress_imports"), 1);
    /* other bytes are another import, kept beside the first */
    assert_int_equal(import_text("next.csv", "条目,状态,日期\nM:3.1,done,2024-03-20\n", false),
                     FG_OK);
    assert_int_equal(raw_count("SELECT count(*) FROM progress_imports"), 2);
    assert_int_equal(raw_count("SELECT count(*) FROM progress_reports"), 7);
}

static void test_progress__no_partial_import(void **state)
{
    static const char bad_last[] = "条目,状态,日期\nM:2.3,done,2024-01-01\nM:2.4,done,2024-01-01\n"
                                   "M:3.1,halfway,2024-01-01\n";

    (void)state;
    open_plan_store();
    assert_int_equal(import_text("bad.csv", bad_last, false), FG_EPARSE);
    assert_null(result);
    assert_non_null(strstr(fg_error_last()->message, "bad.csv:4: unknown status 'halfway'"));
    assert_int_equal(raw_count("SELECT count(*) FROM progress_reports"), 0);
    assert_int_equal(raw_count("SELECT count(*) FROM progress_imports"), 0);
    /* strict: a row that matches no task fails the file, nothing written */
    assert_int_equal(import_text("good.csv", good_csv, true), FG_EPARSE);
    assert_non_null(strstr(fg_error_last()->message, "good.csv:6: no task matches"));
    assert_non_null(strstr(fg_error_last()->message, "4 rows matched no task or several"));
    assert_int_equal(raw_count("SELECT count(*) FROM progress_reports"), 0);
    assert_int_equal(raw_count("SELECT count(*) FROM progress_imports"), 0);
    /* a file of rows none of which matches is refused, not recorded as an empty import */
    assert_int_equal(import_text("none.csv", "条目,状态\nM:9.9,done\n", false), FG_EPARSE);
    assert_non_null(strstr(fg_error_last()->message, "none.csv: none of its 1 rows matches"));
    assert_int_equal(raw_count("SELECT count(*) FROM progress_imports"), 0);
    /* then the same store takes the good file */
    assert_int_equal(import_text("good.csv", good_csv, false), FG_OK);
    assert_int_equal(raw_count("SELECT count(*) FROM progress_reports"), 6);
}

static void test_progress__import_xlsx(void **state)
{
    char path[700];
    size_t len;
    char *bytes;
    char got[512];

    (void)state;
    open_plan_store();
    snprintf(path, sizeof path, "%s/s.xlsx", fx.dir);
    bytes = write_xlsx(path, &len, "进行中");
    assert_int_equal(fg_progress_import(&result, store, "s.xlsx", bytes, len, NULL), FG_OK);
    free(bytes);
    assert_int_equal(result->format, FG_TABLE_XLSX);
    raw_reports(got, sizeof got);
    assert_string_equal(got, "2 M:3.1 已完成 2024-11-30 item\n4 M:2.4 推进中 2024-06-01 item\n");
    assert_int_equal(raw_count("SELECT count(*) FROM progress_imports WHERE format = 'xlsx'"), 1);
}

/* ---- counts as of a date ---- */

static const fg_progress_row *group(const fg_progress_groups *g, const char *name)
{
    for (size_t i = 0; i < g->n_rows; i++)
        if (strcmp(g->rows[i].group, name) == 0)
            return &g->rows[i];
    fail_msg("no group %s", name);
    return NULL;
}

static void test_progress__summary_as_of(void **state)
{
    fg_progress_groups *g = NULL;
    fg_progress_opts o = FG_PROGRESS_OPTS_INIT;
    const fg_progress_row *r;

    (void)state;
    open_plan_store();
    assert_int_equal(import_text("good.csv", good_csv, false), FG_OK);

    /* 2024-07-01. Reports so far: M:2.4 推进中 (05-01). Due (deadline before 07-01): M:3.1
     * (03-31), M:2.4 (06-30): both overdue. */
    o.as_of = "2024-07-01";
    assert_int_equal(fg_progress_summary(&g, store, FG_PROGRESS_BY_AGENCY, &o), FG_OK);
    assert_string_equal(g->as_of, "2024-07-01");
    r = &g->rows[0];
    FG_ASSERT_FIELDS(r, row_fields,
                     "group=all|tasks=10|reported=1|never_reported=9|in_progress=1|done=0|"
                     "dated=5|due=2|overdue=2");
    assert_true(r->overdue_rate == 1.0);
    /* leads: 市发展改革委 leads M:1.1 and M:1.2, first by tasks; M:2.8 has no lead */
    FG_ASSERT_FIELDS(&g->rows[1], row_fields, "group=市发展改革委|tasks=2|dated=0");
    assert_int_equal(g->n_rows, 1 + 8);
    fg_progress_groups_free(g);
    g = NULL;

    /* 2024-12-31. Last reports: M:2.3 已完成 (11-30, after 推进中 on the import day 07-15),
     * M:2.4 已完成 (08-15, after 推进中 on 05-01), M:2.5 滞后 (09-01), M:3.2 已完成 (10-15).
     * Due before 12-31: M:3.1, M:2.4, M:3.2 → M:3.1 overdue (never reported). */
    o.as_of = "2024-12-31";
    assert_int_equal(fg_progress_summary(&g, store, FG_PROGRESS_BY_AGENCY, &o), FG_OK);
    r = &g->rows[0];
    FG_ASSERT_FIELDS(r, row_fields, "reported=4|done=3|delayed=1|due=3|overdue=1");
    assert_true(r->done_rate == 0.3);
    r = group(g, "市数据局");
    FG_ASSERT_FIELDS(r, row_fields, "tasks=1|never_reported=1|overdue=1");
    r = group(g, "市交通运输局");
    assert_int_equal(r->done, 1);
    assert_int_equal(r->due, 0); /* 12-31 is not before 12-31 */
    fg_progress_groups_free(g);
    g = NULL;

    /* 2025-01-01 by document, with --year-end: M:1.1, M:1.2, M:2.8 (no deadline of their own)
     * fall due at 2024-12-31; M:2.6 (ongoing) and M:2.7 (recurring) still never. Due: M:3.1,
     * M:2.4, M:3.2, M:2.3, M:1.1, M:1.2, M:2.8 = 7; not done: M:3.1, M:1.1, M:1.2, M:2.8. */
    o.as_of = "2025-01-01";
    o.year_end = true;
    assert_int_equal(fg_progress_summary(&g, store, FG_PROGRESS_BY_DOCUMENT, &o), FG_OK);
    assert_int_equal(g->n_rows, 2);
    r = group(g, PLAN);
    FG_ASSERT_FIELDS(r, row_fields, "tasks=10|dated=8|due=7|overdue=4");
    fg_progress_groups_free(g);
    g = NULL;

    o.as_of = "2024-13-01";
    assert_int_equal(fg_progress_summary(&g, store, FG_PROGRESS_BY_DOCUMENT, &o), FG_EINVAL);
    assert_null(g);
}

static void test_progress__coordination(void **state)
{
    fg_progress_coord *c = NULL;
    fg_progress_opts o = FG_PROGRESS_OPTS_INIT;

    (void)state;
    open_plan_store();
    assert_int_equal(import_text("good.csv", good_csv, false), FG_OK);
    /* As of 2024-12-31 (above): due M:3.1 (1 co, overdue), M:2.4 (1 co, done), M:3.2 (2 co,
     * done). Co units: 0: M:2.6; 1: M:1.1, M:2.3, M:2.4, M:2.7, M:2.8 (its one unit is co),
     * M:3.1; 2: M:1.2, M:2.5, M:3.2. */
    o.as_of = "2024-12-31";
    assert_int_equal(fg_progress_coordination(&c, store, &o), FG_OK);
    assert_string_equal(c->bins[0].label, "0");
    assert_int_equal(c->bins[0].tasks, 1);
    FG_ASSERT_FIELDS(&c->bins[1], bin_fields, "tasks=6|due=2|overdue=1");
    assert_true(c->bins[1].overdue_rate == 0.5);
    FG_ASSERT_FIELDS(&c->bins[2], bin_fields, "tasks=3|due=1|overdue=0");
    assert_int_equal(c->bins[3].tasks + c->bins[4].tasks, 0);
    /* one overdue task, M:3.1 (市数据局, 市财政局): one pair */
    assert_int_equal(c->n_pairs, 1);
    FG_ASSERT_FIELDS(&c->pairs[0], pair_fields, "a=市数据局|b=市财政局|overdue=1|due=1");
    fg_progress_coord_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FG_PHRASE_TEST(test_progress__status_words, "status_read", status_read, status_words),
        cmocka_unit_test(test_progress__status_aliases),
        cmocka_unit_test_setup_teardown(test_progress__read_csv, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__read_tsv_gb18030, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__read_xlsx, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__bad_rows_by_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__import_matches_and_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__reimport_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__no_partial_import, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__import_xlsx, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__summary_as_of, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress__coordination, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

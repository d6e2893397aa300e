/*
 * Allocation failure, as SQLite's own tests inject it: a counter-based failing allocator.
 * The test is linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc, so every malloc,
 * calloc and realloc the library's objects make goes through the wrappers below, and SQLite's
 * allocator is replaced through sqlite3_config(SQLITE_CONFIG_MALLOC) by one that asks the same
 * counter. Allocation number N (counting from 0 after arm()) fails; the operation is run again
 * for N = 0, 1, 2 … until it no longer reaches the N-th allocation. Each failed run must
 * return an error code with a message (FG_ENOMEM, or FG_EDB where SQLite reported it), leave
 * its out-parameter NULL and leak nothing (LeakSanitizer checks at exit in the ASan build);
 * each failed ingest must leave the database as it was (no document, integrity_check ok).
 * The run that succeeds must give what the run without failures gave.
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
#include <unistd.h>

#include "fengong/fengong.h"

/* ---- the failing allocator ---- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static long fail_at = -1; /* the allocation to fail, counted from arm(); -1: none */
static long n_allocs;     /* allocations since arm() */
static long n_failed;     /* failures injected since arm() */

static void arm(long at)
{
    n_allocs = 0;
    n_failed = 0;
    fail_at = at;
}

static void disarm(void)
{
    fail_at = -1;
}

static int fail_now(void)
{
    if (fail_at < 0)
        return 0;
    if (n_allocs++ == fail_at) {
        n_failed++;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n)
{
    return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    /* realloc(p, 0) frees: it cannot fail. */
    if (n == 0)
        return __real_realloc(p, n);
    return fail_now() ? NULL : __real_realloc(p, n);
}

static sqlite3_mem_methods sqlite_default;

static void *sqlite_malloc(int n)
{
    return fail_now() ? NULL : sqlite_default.xMalloc(n);
}

static void *sqlite_realloc(void *p, int n)
{
    return fail_now() ? NULL : sqlite_default.xRealloc(p, n);
}

static void install_sqlite_allocator(void)
{
    sqlite3_mem_methods m;

    assert_int_equal(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_default), SQLITE_OK);
    m = sqlite_default;
    m.xMalloc = sqlite_malloc;
    m.xRealloc = sqlite_realloc;
    assert_int_equal(sqlite3_config(SQLITE_CONFIG_MALLOC, &m), SQLITE_OK);
}

/* ---- fixtures ---- */

/* A made-up plan with the common forms: a bracket after each task, a label, a team. */
static const char plan[] =
    "某省人民政府办公厅关于印发重点工作分工方案的通知\n"
    "湘政办发〔2024〕3号\n"
    "一、扩大有效投资\n"
    "1．推进重大项目建设，2024年底前完成年度投资计划。（省发展改革委牵头，省财政厅、"
    "省自然资源厅按职责分工负责）\n"
    "2．地区生产总值增长6%以上。（省统计局牵头）\n"
    "二、保障民生\n"
    "3．新增城镇就业70万人以上。\n"
    "责任单位：省人力资源社会保障厅、省教育厅\n"
    "4．建设区域医疗中心。（省卫生健康委牵头，省财政厅配合，长期坚持）\n"
    "三、工作专班\n"
    "成立重大项目工作专班，召集人：省发展改革委主要负责同志；成员单位：省财政厅、"
    "省自然资源厅、省生态环境厅。\n";

static fg_text *decode_plan(void)
{
    fg_text *t = NULL;

    assert_int_equal(fg_text_decode(&t, "plan.txt", plan, sizeof plan - 1), FG_OK);
    return t;
}

/* The same numbers from two parses of the plan. */
static void assert_same_doc(const fg_doc *a, const fg_doc *b)
{
    fg_doc_stats sa, sb;

    fg_doc_stats_get(&sa, a);
    fg_doc_stats_get(&sb, b);
    assert_int_equal(sa.n_items, sb.n_items);
    assert_int_equal(sa.n_items_assigned, sb.n_items_assigned);
    assert_int_equal(sa.n_clauses, sb.n_clauses);
    assert_int_equal(sa.n_lead, sb.n_lead);
    assert_int_equal(sa.n_co, sb.n_co);
    assert_int_equal(sa.n_team_rows, sb.n_team_rows);
}

/* A failed call: an error code other than FG_OK, with a message. */
static void assert_failed_cleanly(int rc, int code_a, int code_b)
{
    const fg_error *e = fg_error_last();

    if (rc != code_a && rc != code_b)
        fail_msg("rc %d (%s) after an allocation failure, want %s or %s: %s", rc,
                 fg_error_name(rc), fg_error_name(code_a), fg_error_name(code_b), e->message);
    assert_true(e->message[0] != '\0' || e->code == FG_ENOMEM);
}

/* ---- tests ---- */

static void test_oom__decode(void **state)
{
    long n;

    (void)state;
    for (n = 0;; n++) {
        fg_text *t = (fg_text *)1;
        int rc;

        arm(n);
        rc = fg_text_decode(&t, "plan.txt", plan, sizeof plan - 1);
        disarm();
        if (n_failed == 0) {
            assert_int_equal(rc, FG_OK);
            fg_text_free(t);
            break;
        }
        if (rc == FG_OK) { /* the failure was absorbed (an optional buffer): still whole */
            assert_non_null(t);
            fg_text_free(t);
            continue;
        }
        assert_failed_cleanly(rc, FG_ENOMEM, FG_ENOMEM);
        assert_null(t);
    }
    assert_true(n > 0);
}

static void test_oom__parse(void **state)
{
    fg_text *t = decode_plan();
    fg_doc *want = NULL;
    long n;

    (void)state;
    assert_int_equal(fg_parse_document(&want, t, NULL), FG_OK);
    for (n = 0;; n++) {
        fg_doc *d = (fg_doc *)1;
        int rc;

        arm(n);
        rc = fg_parse_document(&d, t, NULL);
        disarm();
        if (rc == FG_OK) {
            assert_non_null(d);
            /* A run that hit no failure, or absorbed one, gives the whole document. */
            assert_same_doc(d, want);
            fg_doc_free(d);
            if (n_failed == 0)
                break;
            continue;
        }
        assert_int_equal(n_failed, 1);
        assert_failed_cleanly(rc, FG_ENOMEM, FG_ENOMEM);
        assert_null(d);
    }
    assert_true(n > 10);
    print_message("parse: %ld allocations, each failed once\n", n);
    fg_doc_free(want);
    fg_text_free(t);
}

/* How many documents the database at path holds, and whether SQLite finds it intact. */
static long documents_in(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    long n = -1;

    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
    sqlite3_finalize(s);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &s, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    n = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

static void test_oom__store_ingest(void **state)
{
    /* In memory when /dev/shm is there: a run syncs the file several times. */
    char dir[32];
    char path[64];
    fg_text *t = decode_plan();
    fg_doc *doc = NULL;
    fg_gazetteer *gz = NULL;
    fg_store *st = NULL;
    fg_ingest_opts io = FG_INGEST_OPTS_INIT;
    long n, failed_runs = 0;

    (void)state;
    snprintf(dir, sizeof dir, "%s/fg-oom.XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/oom.db", dir);
    assert_int_equal(fg_parse_document(&doc, t, NULL), FG_OK);
    assert_int_equal(fg_gazetteer_load_default(&gz), FG_OK);
    io.gazetteer = gz;
    assert_int_equal(fg_store_open(&st, path, NULL), FG_OK);
    fg_store_close(st);
    st = NULL;

    for (n = 0;; n++) {
        fg_ingest_status status;
        int rc;

        /* Open and ingest under the failure: either may be the one that fails. */
        arm(n);
        rc = fg_store_open(&st, path, NULL);
        if (rc == FG_OK)
            rc = fg_store_ingest(&status, st, doc, fg_text_sha256(t), sizeof plan - 1, &io);
        fg_store_close(st);
        st = NULL;
        disarm();
        if (rc == FG_OK) {
            assert_int_equal(documents_in(path), 1);
            if (n_failed == 0)
                break;
            /* Absorbed: remove the document again for the next run. */
            assert_int_equal(fg_store_open(&st, path, NULL), FG_OK);
            assert_int_equal(fg_store_remove(st, "plan.txt"), FG_OK);
            fg_store_close(st);
            st = NULL;
            continue;
        }
        failed_runs++;
        assert_failed_cleanly(rc, FG_ENOMEM, FG_EDB);
        /* Nothing half-stored, and the file is a sound database. */
        assert_int_equal(documents_in(path), 0);
    }
    assert_true(failed_runs > 10);
    print_message("store: %ld allocations (ours and SQLite's), %ld runs failed cleanly\n", n,
                  failed_runs);
    fg_gazetteer_free(gz);
    fg_doc_free(doc);
    fg_text_free(t);
    unlink(path);
    {
        char side[80];

        snprintf(side, sizeof side, "%s-wal", path);
        unlink(side);
        snprintf(side, sizeof side, "%s-shm", path);
        unlink(side);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oom__decode),
        cmocka_unit_test(test_oom__parse),
        cmocka_unit_test(test_oom__store_ingest),
    };

    install_sqlite_allocator();
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Progress tracking (督办) in the store: status tables imported into a history that is
 * never overwritten (progress_imports, progress_reports; src/schema.sql), and completion
 * and overdue counts computed from it as of a date. An import is one transaction (BEGIN
 * IMMEDIATE … COMMIT through store_int.h): its rows are matched to tasks inside it, so an
 * ingest cannot change the tasks between matching and writing, and a failure or a kill
 * leaves the history as the last commit left it. A report keeps the document name and item
 * path of its task, which survive a re-ingest; the counts join them back to the tasks of
 * the day. Tasks are items with clauses; a task's agencies are those of its clauses
 * (generic references such as 有关部门 left out, as the analysis does by default).
 */
#include "fengong/progress.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chars.h"
#include "error.h"
#include "grow.h"
#include "rank.h"
#include "store_int.h"
#include "str.h"

/* ---- small helpers ---- */

static void today_utc(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;

    gmtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static int as_of_date(char out[11], const char *as_of)
{
    if (as_of == NULL) {
        today_utc(out);
        return FG_OK;
    }
    if (!fg_progress_date_valid(as_of, strlen(as_of)))
        return fg_error_set(FG_EINVAL, "'%s' is not a date (YYYY-MM-DD)", as_of);
    memcpy(out, as_of, 11);
    return FG_OK;
}

static int prep(fg_store *st, sqlite3_stmt **s, const char *sql)
{
    if (sqlite3_prepare_v2(fg_store__db(st), sql, -1, s, NULL) != SQLITE_OK) {
        *s = NULL;
        return fg_store__error(st, "cannot prepare a statement");
    }
    return FG_OK;
}

static int bind_str(fg_store *st, sqlite3_stmt *s, int i, const char *v)
{
    if (sqlite3_bind_text(s, i, v, (int)strlen(v), SQLITE_STATIC) != SQLITE_OK)
        return fg_store__error(st, "cannot bind a value");
    return FG_OK;
}

static const char *col_text(sqlite3_stmt *s, int i)
{
    const unsigned char *v = sqlite3_column_text(s, i);

    return v ? (const char *)v : "";
}

/*
 * Run sql (with param as ?1 when there is one) and hand each row to fn with ctx until fn
 * returns non-zero: a negative code is the error returned, a positive one stops the reading
 * early. what says what could not be read when stepping fails.
 */
static int each_row(fg_store *st, const char *sql, const char *param,
                    int (*fn)(void *ctx, sqlite3_stmt *s), void *ctx, const char *what)
{
    sqlite3_stmt *s = NULL;
    int rc = prep(st, &s, sql);
    int r;

    if (rc < 0)
        return rc;
    if (param)
        FG_TRY(bind_str(st, s, 1, param));
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        rc = fn(ctx, s);
        if (rc != 0)
            break;
    }
    if (rc > 0)
        rc = FG_OK;
    else if (rc == 0 && r != SQLITE_DONE)
        rc = fg_store__error(st, what);
out:
    sqlite3_finalize(s);
    return rc;
}

/* String → index map (open addressing; keys borrowed, they live in an arena). */
typedef struct strmap {
    const char **keys;
    size_t *vals;
    size_t cap; /* a power of two, or 0 */
    size_t n;
} strmap;

static void strmap_free(strmap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static int strmap_put(strmap *m, const char *key, size_t val)
{
    if (2 * (m->n + 1) > m->cap) {
        strmap big = {NULL, NULL, m->cap ? m->cap * 2 : 256, 0};

        big.keys = calloc(big.cap, sizeof *big.keys);
        big.vals = calloc(big.cap, sizeof *big.vals);
        if (big.keys == NULL || big.vals == NULL) {
            strmap_free(&big);
            return fg_error_set(FG_ENOMEM, "out of memory");
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (m->keys[i] == NULL)
                continue;
            size_t h = fg_hash_str(m->keys[i]) & (big.cap - 1);

            while (big.keys[h])
                h = (h + 1) & (big.cap - 1);
            big.keys[h] = m->keys[i];
            big.vals[h] = m->vals[i];
            big.n++;
        }
        strmap_free(m);
        *m = big;
    }
    size_t h = fg_hash_str(key) & (m->cap - 1);

    while (m->keys[h] && strcmp(m->keys[h], key) != 0)
        h = (h + 1) & (m->cap - 1);
    if (m->keys[h] == NULL)
        m->n++;
    m->keys[h] = key;
    m->vals[h] = val;
    return FG_OK;
}

static bool strmap_get(const strmap *m, const char *key, size_t *val)
{
    if (m->cap == 0)
        return false;
    for (size_t h = fg_hash_str(key) & (m->cap - 1); m->keys[h]; h = (h + 1) & (m->cap - 1)) {
        if (strcmp(m->keys[h], key) == 0) {
            *val = m->vals[h];
            return true;
        }
    }
    return false;
}

/* ---- the tasks of the store, for matching ---- */

typedef struct task {
    long long item_id;
    const char *doc;
    const char *doc_number;
    const char *path;
    const char *bare;   /* path without its part: 3.9.21 */
    const char *number; /* the digits of its marker: 21 ("" when none) */
    const char *title;
    const char *text;
} task;

typedef struct tasks {
    task *v;
    size_t n;
    fg_arena *arena;
    strmap by_key; /* "doc\x1fpath" → index */
} tasks;

static void tasks_free(tasks *t)
{
    free(t->v);
    fg_arena_free(t->arena);
    strmap_free(&t->by_key);
    memset(t, 0, sizeof *t);
}

static char *key_of(fg_arena *a, const char *doc, const char *path)
{
    size_t n = strlen(doc);
    size_t m = strlen(path);
    char *k = fg_arena_alloc(a, n + m + 2);

    if (k) {
        memcpy(k, doc, n);
        k[n] = '\x1f';
        memcpy(k + n + 1, path, m + 1);
    }
    return k;
}

/*
 * The number an item marker or an item cell gives, as ASCII digits: 21, 21., ２１, （21）,
 * 第21条, （二十一）, 十. Blanks and the punctuation around a number are skipped; with strict,
 * anything else gives "" (a cell such as 3.9.21 or 附件1 is no item number).
 */
static void number_of(char *out, size_t cap, const char *s, bool strict)
{
    size_t len = strlen(s);
    long v = -1;  /* the number so far, -1: none */
    long cn = -1; /* a Chinese numeral being read: the tens, then the units */
    long unit = -1;

    out[0] = '\0';
    for (size_t i = 0; i < len;) {
        size_t n = 1;
        int32_t c = fg_cp_at(s, len, i, &n);
        int d = fg_digit_value(c);
        int k = fg_cn_digit_value(c);

        if (n == 0)
            n = 1;
        if (d >= 0 && cn < 0 && unit < 0) {
            v = (v < 0 ? 0 : v) * 10 + d;
        } else if ((k > 0 || c == 0x5341 /* 十 */) && v < 0) {
            if (c == 0x5341) {
                if (cn >= 0)
                    return; /* 十十: not a number */
                cn = (unit < 0 ? 1 : unit) * 10;
                unit = -1;
            } else if (unit < 0) {
                unit = k;
            } else {
                return; /* 二三: not a number */
            }
        } else if (c == ' ' || c == '.' || c == 0x3001 /* 、 */ || c == '(' || c == ')' ||
                   c == 0xFF0E /* ． */ || c == 0xFF08 || c == 0xFF09 /* （） */ ||
                   c == 0x7B2C /* 第 */ || c == 0x6761 /* 条 */ || c == 0x9879 /* 项 */) {
            /* punctuation around the number */
        } else if (strict) {
            return;
        }
        if (v > 99999)
            return;
        i += n;
    }
    if (cn >= 0 || unit >= 0)
        v = (cn < 0 ? 0 : cn) + (unit < 0 ? 0 : unit);
    if (v >= 0)
        snprintf(out, cap, "%ld", v);
}

/* The tasks being read by tasks_load(): t, whose array has room for cap. */
typedef struct task_reader {
    tasks *t;
    size_t cap;
} task_reader;

/* A row of tasks_load()'s query into the task_reader ctx. */
static int on_task(void *ctx, sqlite3_stmt *s)
{
    task_reader *tr = ctx;
    tasks *t = tr->t;
    task *k;
    const char *path = col_text(s, 3);
    const char *colon = strchr(path, ':');
    char num[32];
    int rc = FG_OK;

    FG_TRY(FG_GROW(t->v, tr->cap, t->n, 256));
    k = &t->v[t->n];
    number_of(num, sizeof num, col_text(s, 4), false);
    k->item_id = sqlite3_column_int64(s, 0);
    k->doc = fg_arena_strndup(t->arena, col_text(s, 1), strlen(col_text(s, 1)));
    k->doc_number = fg_arena_strndup(t->arena, col_text(s, 2), strlen(col_text(s, 2)));
    k->path = fg_arena_strndup(t->arena, path, strlen(path));
    k->bare = colon ? k->path + (colon - path) + 1 : k->path;
    k->number = fg_arena_strndup(t->arena, num, strlen(num));
    k->title = fg_arena_strndup(t->arena, col_text(s, 5), strlen(col_text(s, 5)));
    k->text = fg_arena_strndup(t->arena, col_text(s, 6), strlen(col_text(s, 6)));
    if (!k->doc || !k->doc_number || !k->path || !k->number || !k->title || !k->text)
        return fg_error_set(FG_ENOMEM, "out of memory");
    char *key = key_of(t->arena, k->doc, k->path);

    FG_CHECK_ALLOC(key);
    FG_TRY(strmap_put(&t->by_key, key, t->n));
    t->n++;
out:
    return rc;
}

static int tasks_load(tasks *t, fg_store *st)
{
    task_reader tr = {t, 0};

    memset(t, 0, sizeof *t);
    t->arena = fg_arena_new();
    if (t->arena == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    return each_row(st,
                    "SELECT i.id, d.name, d.doc_number, i.path, i.marker, i.title, i.text"
                    " FROM items i JOIN documents d ON d.id = i.doc_id"
                    " WHERE EXISTS (SELECT 1 FROM clauses c WHERE c.item_id = i.id)"
                    " ORDER BY i.id",
                    NULL, on_task, &tr, "cannot read the tasks");
}

/* Whether a document named by a status row is doc: its name, its name without the
 * extension, or its 文号. */
static bool doc_is(const task *k, const char *given)
{
    size_t n = strlen(given);
    const char *dot;

    if (strcmp(k->doc, given) == 0 || (k->doc_number[0] && strcmp(k->doc_number, given) == 0))
        return true;
    dot = strrchr(k->doc, '.');
    return dot && (size_t)(dot - k->doc) == n && strncmp(k->doc, given, n) == 0;
}

/* ---- matching ---- */

typedef enum how { HOW_ITEM, HOW_TEXT, HOW_SEARCH } how;
static const char *const how_names[] = {"item", "text", "search"};

typedef struct match {
    size_t n;   /* tasks found: 1 is a match */
    size_t idx; /* the first one */
    how how;
    bool no_doc; /* the document column named none */
} match;

typedef struct search_ctx {
    const tasks *t;
    const char *doc; /* "" for any */
    size_t n;
    size_t idx;
    int rc;
    fg_arena *arena;
} search_ctx;

static int on_hit(const fg_store_search_row *row, void *payload)
{
    search_ctx *c = payload;
    size_t idx;
    char key[1024];

    if ((size_t)snprintf(key, sizeof key, "%s\x1f%s", row->doc, row->path) >= sizeof key)
        return 0;
    if (!strmap_get(&c->t->by_key, key, &idx))
        return 0; /* an item without clauses: no task */
    if (c->doc[0] && !doc_is(&c->t->v[idx], c->doc))
        return 0;
    if (c->n == 0 || c->idx != idx) {
        if (c->n == 0)
            c->idx = idx;
        c->n++;
    }
    return 0;
}

static int match_row(match *m, fg_store *st, const tasks *t, const fg_status_row *row)
{
    char num[32];
    bool any_doc = row->doc[0] == '\0';
    int rc = FG_OK;

    memset(m, 0, sizeof *m);
    if (!any_doc) {
        bool found = false;

        for (size_t i = 0; i < t->n && !found; i++)
            found = doc_is(&t->v[i], row->doc);
        if (!found) {
            m->no_doc = true;
            return FG_OK;
        }
    }
    if (row->item[0]) {
        number_of(num, sizeof num, row->item, true);
        for (int level = 0; level < 3 && m->n == 0; level++) {
            for (size_t i = 0; i < t->n; i++) {
                const task *k = &t->v[i];
                bool hit = level == 0   ? strcmp(k->path, row->item) == 0
                           : level == 1 ? strcmp(k->bare, row->item) == 0
                                        : num[0] && strcmp(k->number, num) == 0;

                if (hit && (any_doc || doc_is(k, row->doc))) {
                    if (m->n++ == 0)
                        m->idx = i;
                }
            }
        }
        m->how = HOW_ITEM;
        if (m->n == 1 || row->task[0] == '\0')
            return FG_OK;
    }
    /* the task text: an item's title or text equal to it */
    m->n = 0;
    m->how = HOW_TEXT;
    for (size_t i = 0; i < t->n; i++) {
        const task *k = &t->v[i];

        if ((strcmp(k->title, row->task) == 0 || strcmp(k->text, row->task) == 0) &&
            (any_doc || doc_is(k, row->doc))) {
            if (m->n++ == 0)
                m->idx = i;
        }
    }
    if (m->n > 0)
        return FG_OK;
    /* else the one task the search index finds for it */
    {
        search_ctx c = {t, row->doc, 0, 0, FG_OK, NULL};

        rc = fg_store_search(st, row->task, 0, on_hit, &c);
        if (rc < 0)
            return rc;
        m->how = HOW_SEARCH;
        m->n = c.n;
        m->idx = c.idx;
    }
    return rc;
}

/* ---- import ---- */

/* The priv_ of fg_progress_result, fg_progress_groups and fg_progress_coord: their arena. */

void fg_progress_result_free(fg_progress_result *r)
{
    if (r != NULL)
        fg_arena_free_result(r->priv_, r->misses, r);
}

static const char *given_of(fg_arena *a, const fg_status_row *row)
{
    char buf[600];

    snprintf(buf, sizeof buf, "%s / %s / %.400s", row->doc[0] ? row->doc : "-",
             row->item[0] ? row->item : "-", row->task[0] ? row->task : "-");
    return fg_arena_strndup(a, buf, strlen(buf));
}

/* Whether these bytes were imported before; then res says as what and when, its format and
 * its rows. */
static int find_import(fg_store *st, const char *sha, fg_arena *a, fg_progress_result *res)
{
    sqlite3_stmt *s = NULL;
    int rc = prep(st, &s,
                  "SELECT name, imported_at, format, n_rows FROM progress_imports"
                  " WHERE sha256 = ?1");
    int r;

    if (rc < 0)
        return rc;
    FG_TRY(bind_str(st, s, 1, sha));
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        char buf[600];
        const char *f = col_text(s, 2);

        snprintf(buf, sizeof buf, "%.500s at %s", col_text(s, 0), col_text(s, 1));
        res->previous = fg_arena_strndup(a, buf, strlen(buf));
        FG_CHECK_ALLOC(res->previous);
        res->unchanged = true;
        res->format = strcmp(f, "xlsx") == 0  ? FG_TABLE_XLSX
                      : strcmp(f, "tsv") == 0 ? FG_TABLE_TSV
                                              : FG_TABLE_CSV;
        res->n_rows = (size_t)sqlite3_column_int64(s, 3);
    } else if (r != SQLITE_DONE) {
        rc = fg_store__error(st, "cannot read the imports");
    }
out:
    sqlite3_finalize(s);
    return rc;
}

static int add_miss(fg_progress_result *res, size_t *cap, const fg_status_row *row, const match *m,
                    fg_arena *a)
{
    fg_progress_miss *x;

    if (res->n_misses == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        fg_progress_miss *v = realloc(res->misses, ncap * sizeof *v);

        if (v == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        res->misses = v;
        *cap = ncap;
    }
    x = &res->misses[res->n_misses++];
    x->line = row->line;
    x->kind = m->no_doc ? FG_MISS_NO_DOC : m->n == 0 ? FG_MISS_NONE : FG_MISS_SEVERAL;
    x->n_matches = m->n;
    x->given = given_of(a, row);
    return x->given ? FG_OK : fg_error_set(FG_ENOMEM, "out of memory");
}

int fg_progress_import(fg_progress_result **out, fg_store *st, const char *name, const void *bytes,
                       size_t len, const fg_progress_import_opts *opts)
{
    fg_progress_import_opts o = FG_PROGRESS_IMPORT_OPTS_INIT;
    fg_status_table *tab = NULL;
    fg_progress_result *res = NULL;
    fg_arena *arena = NULL;
    tasks t = {0};
    sqlite3_stmt *ins = NULL;
    sqlite3_stmt *imp = NULL;
    size_t miss_cap = 0;
    long long import_id;
    char today[11];
    char sha[65];
    int rc = FG_OK;

    if (out == NULL || st == NULL || name == NULL || (bytes == NULL && len > 0))
        return fg_error_set(FG_EINVAL, "fg_progress_import: NULL argument");
    *out = NULL;
    if (opts)
        o = *opts;
    if (o.today && !fg_progress_date_valid(o.today, strlen(o.today)))
        return fg_error_set(FG_EINVAL, "'%s' is not a date (YYYY-MM-DD)", o.today);
    if (o.today)
        memcpy(today, o.today, 11);
    else
        today_utc(today);
    res = calloc(1, sizeof *res);
    FG_CHECK_ALLOC(res);
    arena = fg_arena_new();
    FG_CHECK_ALLOC(arena);
    res->priv_ = arena;
    fg_sha256_hex(sha, "", (const char *)bytes, len);
    /* the same bytes again: nothing to read or write */
    FG_TRY(find_import(st, sha, arena, res));
    if (res->unchanged)
        goto done;
    FG_TRY(fg_status_table_read(&tab, name, bytes, len));
    if (tab->n_rows == 0) {
        rc = fg_error_set(FG_EPARSE, "%s: no rows under the header", name);
        goto out;
    }
    res->format = tab->format;
    res->n_rows = tab->n_rows;

    FG_TRY(fg_store__begin(st));
    /* looked at again under the write lock: another import of them may have committed */
    FG_TRY(find_import(st, sha, arena, res));
    if (res->unchanged) {
        fg_store__rollback(st);
        goto done;
    }
    FG_TRY(tasks_load(&t, st));
    FG_TRY(prep(st, &imp,
                "INSERT INTO progress_imports(name, sha256, n_bytes, format, n_rows, n_reports,"
                " imported_at) VALUES (?1, ?2, ?3, ?4, ?5, 0,"
                " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    FG_TRY(bind_str(st, imp, 1, name));
    FG_TRY(bind_str(st, imp, 2, sha));
    sqlite3_bind_int64(imp, 3, (sqlite3_int64)len);
    FG_TRY(bind_str(st, imp, 4, fg_table_format_name(tab->format)));
    sqlite3_bind_int64(imp, 5, (sqlite3_int64)tab->n_rows);
    if (sqlite3_step(imp) != SQLITE_DONE) {
        rc = fg_store__error(st, "cannot record the import");
        goto out;
    }
    import_id = sqlite3_last_insert_rowid(fg_store__db(st));
    FG_TRY(prep(st, &ins,
                "INSERT INTO progress_reports(import_id, line, doc, item, status, date, dated,"
                " matched, note, reporter) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    for (size_t i = 0; i < tab->n_rows; i++) {
        const fg_status_row *row = &tab->rows[i];
        const task *k;
        match m;

        FG_TRY(match_row(&m, st, &t, row));
        if (m.n != 1) {
            FG_TRY(add_miss(res, &miss_cap, row, &m, arena));
            continue;
        }
        k = &t.v[m.idx];
        sqlite3_reset(ins);
        sqlite3_bind_int64(ins, 1, import_id);
        sqlite3_bind_int64(ins, 2, (sqlite3_int64)row->line);
        FG_TRY(bind_str(st, ins, 3, k->doc));
        FG_TRY(bind_str(st, ins, 4, k->path));
        FG_TRY(bind_str(st, ins, 5, fg_status_name(row->status)));
        FG_TRY(bind_str(st, ins, 6, row->date[0] ? row->date : today));
        sqlite3_bind_int(ins, 7, row->date[0] != '\0');
        FG_TRY(bind_str(st, ins, 8, how_names[m.how]));
        FG_TRY(bind_str(st, ins, 9, row->note));
        FG_TRY(bind_str(st, ins, 10, row->reporter));
        if (sqlite3_step(ins) != SQLITE_DONE) {
            rc = fg_store__error(st, "cannot store a report");
            goto out;
        }
        res->n_imported++;
        res->by_item += m.how == HOW_ITEM;
        res->by_text += m.how == HOW_TEXT;
        res->by_search += m.how == HOW_SEARCH;
        res->n_undated += row->date[0] == '\0';
    }
    if (o.strict && res->n_misses > 0) {
        const fg_progress_miss *x = &res->misses[0];

        rc = fg_error_set(FG_EPARSE,
                          "%s:%zu: %s (%s); %zu row%s matched no task or several: nothing "
                          "imported",
                          name, x->line,
                          x->kind == FG_MISS_NO_DOC ? "no stored document of that name has tasks"
                          : x->kind == FG_MISS_NONE ? "no task matches"
                                                    : "several tasks match",
                          x->given, res->n_misses, res->n_misses == 1 ? "" : "s");
        goto out;
    }
    if (res->n_imported == 0) {
        rc = fg_error_set(FG_EPARSE, "%s: none of its %zu rows matches a task: nothing imported",
                          name, tab->n_rows);
        goto out;
    }
    sqlite3_finalize(imp);
    imp = NULL;
    FG_TRY(prep(st, &imp, "UPDATE progress_imports SET n_reports = ?2 WHERE id = ?1"));
    sqlite3_bind_int64(imp, 1, import_id);
    sqlite3_bind_int64(imp, 2, (sqlite3_int64)res->n_imported);
    if (sqlite3_step(imp) != SQLITE_DONE) {
        rc = fg_store__error(st, "cannot record the import");
        goto out;
    }
    FG_TRY(fg_store__commit(st));
done:
    *out = res;
    res = NULL;
out:
    sqlite3_finalize(ins);
    sqlite3_finalize(imp);
    if (rc < 0)
        fg_store__rollback(st);
    tasks_free(&t);
    fg_status_table_free(tab);
    fg_progress_result_free(res);
    return rc;
}

int fg_progress_import_file(fg_progress_result **out, fg_store *st, const char *path,
                            const fg_progress_import_opts *opts)
{
    fg_str bytes = FG_STR_INIT;
    int rc = FG_OK;

    if (out == NULL || path == NULL)
        return fg_error_set(FG_EINVAL, "fg_progress_import_file: NULL argument");
    *out = NULL;
    FG_TRY(fg_str_append_file(&bytes, path));
    rc = fg_progress_import(out, st, path, bytes.ptr, bytes.len, opts);
out:
    fg_str_dispose(&bytes);
    return rc;
}

/* The callback of fg_progress_imports() and its payload. */
typedef struct import_sink {
    fg_store_row_cb cb;
    void *payload;
} import_sink;

/* A row of fg_progress_imports()'s query, as text, to the import_sink ctx; 1 to stop. */
static int on_import(void *ctx, sqlite3_stmt *s)
{
    const import_sink *k = ctx;
    const char *cols[8];

    for (int i = 0; i < 8; i++)
        cols[i] = col_text(s, i);
    return k->cb(8, cols, k->payload) != 0;
}

int fg_progress_imports(fg_store *st, fg_store_row_cb cb, void *payload)
{
    import_sink k = {cb, payload};

    return each_row(st,
                    "SELECT id, name, sha256, n_bytes, format, n_rows, n_reports, imported_at"
                    " FROM progress_imports ORDER BY id",
                    NULL, on_import, &k, "cannot read the imports");
}

/* ---- the state of the tasks as of a date ---- */

typedef struct fact {
    long long item_id;
    const char *doc;
    char deadline[11]; /* earliest dated deadline, or "" */
    fg_status status;  /* as of the date; FG_STATUS_NONE: never reported */
    long long *lead;   /* agency ids, distinct */
    size_t n_lead;
    long long *co; /* distinct, none of them a lead */
    size_t n_co;
    bool due;
    bool overdue;
} fact;

typedef struct facts {
    fact *v;
    size_t n;
    tasks t;       /* v[i] is t.v[i]; both by item id */
    char **agency; /* agencies.id → name (NULL when none) */
    size_t n_agency;
    char as_of[11];
} facts;

static void facts_free(facts *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].lead);
        free(f->v[i].co);
    }
    free(f->v);
    for (size_t i = 0; i < f->n_agency; i++)
        free(f->agency[i]);
    free(f->agency);
    tasks_free(&f->t);
    memset(f, 0, sizeof *f);
}

static int cmp_item(const void *a, const void *b)
{
    long long x = *(const long long *)a;
    long long y = ((const fact *)b)->item_id;

    return x < y ? -1 : x > y;
}

static fact *fact_of(facts *f, long long item_id)
{
    return bsearch(&item_id, f->v, f->n, sizeof *f->v, cmp_item);
}

static bool has_id(const long long *v, size_t n, long long id)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == id)
            return true;
    return false;
}

static int on_deadline(void *ctx, sqlite3_stmt *s)
{
    facts *f = ctx;
    fact *x = fact_of(f, sqlite3_column_int64(s, 0));
    const char *d = col_text(s, 1);

    if (x && fg_progress_date_valid(d, strlen(d)))
        memcpy(x->deadline, d, 11);
    return FG_OK;
}

static int on_report(void *ctx, sqlite3_stmt *s)
{
    facts *f = ctx;
    char key[1024];
    size_t idx;

    if ((size_t)snprintf(key, sizeof key, "%s\x1f%s", col_text(s, 0), col_text(s, 1)) <
            sizeof key &&
        strmap_get(&f->t.by_key, key, &idx)) {
        const char *st = col_text(s, 2);

        f->v[idx].status = fg_status_parse(st, strlen(st));
    }
    return FG_OK;
}

static int on_assignment(void *ctx, sqlite3_stmt *s)
{
    facts *f = ctx;
    fact *x = fact_of(f, sqlite3_column_int64(s, 0));
    long long id = sqlite3_column_int64(s, 1);

    if (x == NULL)
        return FG_OK;
    if (strcmp(col_text(s, 2), "lead") == 0)
        return fg_add_unique(&x->lead, &x->n_lead, &id, sizeof id);
    return fg_add_unique(&x->co, &x->n_co, &id, sizeof id);
}

static int on_agency(void *ctx, sqlite3_stmt *s)
{
    facts *f = ctx;
    long long id = sqlite3_column_int64(s, 0);

    if (id < 0 || (size_t)id >= f->n_agency)
        return FG_OK;
    f->agency[id] = strdup(col_text(s, 1));
    return f->agency[id] ? FG_OK : fg_error_set(FG_ENOMEM, "out of memory");
}

static int on_undated(void *ctx, sqlite3_stmt *s)
{
    facts *f = ctx;
    fact *x = fact_of(f, sqlite3_column_int64(s, 0));
    int year = sqlite3_column_int(s, 1);

    if (x && x->deadline[0] == '\0' && year >= 1900 && year <= 2999)
        snprintf(x->deadline, sizeof x->deadline, "%04u-12-31", (unsigned)year % 10000u);
    return FG_OK;
}

static int facts_load(facts *f, fg_store *st, const fg_progress_opts *opts)
{
    const char *as_of = opts ? opts->as_of : NULL;
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;

    memset(f, 0, sizeof *f);
    FG_TRY(as_of_date(f->as_of, as_of));
    /* one read transaction: the counts see one state of the store */
    if (sqlite3_exec(fg_store__db(st), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return fg_store__error(st, "cannot start a transaction");
    FG_TRY(tasks_load(&f->t, st));
    f->v = calloc(f->t.n ? f->t.n : 1, sizeof *f->v);
    FG_CHECK_ALLOC(f->v);
    f->n = f->t.n;
    for (size_t i = 0; i < f->n; i++) {
        f->v[i].item_id = f->t.v[i].item_id;
        f->v[i].doc = f->t.v[i].doc;
    }
    FG_TRY(each_row(st,
                    "SELECT item_id, min(date) FROM (SELECT c.item_id AS item_id, cd.date AS date"
                    " FROM clause_deadlines cd JOIN clauses c ON c.id = cd.clause_id"
                    " WHERE cd.kind = 'date' AND cd.date IS NOT NULL"
                    " UNION ALL SELECT item_id, date FROM item_deadlines"
                    " WHERE kind = 'date' AND date IS NOT NULL) GROUP BY item_id",
                    NULL, on_deadline, f, "cannot read the deadlines"));
    if (opts && opts->year_end)
        FG_TRY(each_row(st,
                        "SELECT i.id, d.year FROM items i JOIN documents d ON d.id = i.doc_id"
                        " WHERE d.year IS NOT NULL"
                        " AND NOT EXISTS (SELECT 1 FROM item_deadlines x WHERE x.item_id = i.id)"
                        " AND NOT EXISTS (SELECT 1 FROM clauses c JOIN clause_deadlines x"
                        "  ON x.clause_id = c.id WHERE c.item_id = i.id)",
                        NULL, on_undated, f, "cannot read the documents' years"));
    FG_TRY(each_row(st,
                    "SELECT c.item_id, a.agency_id, a.role FROM assignments a"
                    " JOIN clauses c ON c.id = a.clause_id WHERE a.kind <> 'generic'"
                    " ORDER BY c.item_id, a.role DESC",
                    NULL, on_assignment, f, "cannot read the assignments"));
    FG_TRY(prep(st, &s, "SELECT coalesce(max(id), 0) + 1 FROM agencies"));
    if (sqlite3_step(s) != SQLITE_ROW) {
        rc = fg_store__error(st, "cannot read the agencies");
        goto out;
    }
    f->n_agency = (size_t)sqlite3_column_int64(s, 0);
    f->agency = calloc(f->n_agency, sizeof *f->agency);
    FG_CHECK_ALLOC(f->agency);
    FG_TRY(each_row(st, "SELECT id, name FROM agencies", NULL, on_agency, f,
                    "cannot read the agencies"));
    FG_TRY(each_row(st,
                    "SELECT doc, item, status FROM progress_reports WHERE date <= ?1"
                    " ORDER BY date, import_id, line",
                    f->as_of, on_report, f, "cannot read the reports"));
    for (size_t i = 0; i < f->n; i++) {
        fact *x = &f->v[i];
        size_t k = 0;

        /* a unit that leads a task does not also co-operate on it */
        for (size_t j = 0; j < x->n_co; j++)
            if (!has_id(x->lead, x->n_lead, x->co[j]))
                x->co[k++] = x->co[j];
        x->n_co = k;
        x->due = x->deadline[0] && strcmp(x->deadline, f->as_of) < 0;
        x->overdue = x->due && x->status != FG_STATUS_DONE;
    }
out:
    sqlite3_finalize(s);
    sqlite3_exec(fg_store__db(st), "COMMIT", NULL, NULL, NULL);
    return rc;
}

/* ---- completion and overdue per group ---- */

void fg_progress_groups_free(fg_progress_groups *g)
{
    if (g != NULL)
        fg_arena_free_result(g->priv_, g->rows, g);
}

static void count_task(fg_progress_row *r, const fact *x)
{
    r->tasks++;
    r->reported += x->status != FG_STATUS_NONE;
    r->not_started += x->status == FG_STATUS_NOT_STARTED;
    r->in_progress += x->status == FG_STATUS_IN_PROGRESS;
    r->done += x->status == FG_STATUS_DONE;
    r->delayed += x->status == FG_STATUS_DELAYED;
    r->dated += x->deadline[0] != '\0';
    r->due += x->due;
    r->overdue += x->overdue;
}

static void finish_row(fg_progress_row *r)
{
    r->never_reported = r->tasks - r->reported;
    r->done_rate = r->tasks ? (double)r->done / (double)r->tasks : 0.0;
    r->overdue_rate = r->due ? (double)r->overdue / (double)r->due : 0.0;
}

static int cmp_group(const void *a, const void *b)
{
    const fg_progress_row *x = a;
    const fg_progress_row *y = b;
    int c = fg_larger_first(x->tasks, y->tasks);

    return c ? c : strcmp(x->group, y->group);
}

/* A work team by name: the (document, agency) pairs of its units. */
typedef struct team_unit {
    const char *doc;
    long long agency;
} team_unit;

typedef struct team {
    const char *name;
    team_unit *units;
    size_t n;
    fg_str docs; /* its documents, joined with 、 */
} team;

/* The teams being read by load_teams(): v[0 .. n), their strings in a. */
typedef struct team_reader {
    team *v;
    size_t n;
    fg_arena *a;
} team_reader;

/* A row of load_teams()'s query (team, document, agency) into the team_reader ctx. */
static int on_team_unit(void *ctx, sqlite3_stmt *s)
{
    team_reader *tr = ctx;
    const char *name = col_text(s, 0);
    const char *doc = col_text(s, 1);
    team *tm;
    team_unit *u;
    int rc = FG_OK;

    if (tr->n == 0 || strcmp(tr->v[tr->n - 1].name, name) != 0) {
        team *w = realloc(tr->v, (tr->n + 1) * sizeof *w);

        FG_CHECK_ALLOC(w);
        tr->v = w;
        memset(&w[tr->n], 0, sizeof w[tr->n]);
        w[tr->n].name = fg_arena_strndup(tr->a, name, strlen(name));
        FG_CHECK_ALLOC(w[tr->n].name);
        tr->n++;
    }
    tm = &tr->v[tr->n - 1];
    if (tm->n == 0 || strcmp(tm->units[tm->n - 1].doc, doc) != 0) {
        if (tm->docs.len)
            FG_TRY(fg_str_append(&tm->docs, "、", 3));
        FG_TRY(fg_str_append(&tm->docs, doc, strlen(doc)));
    }
    u = realloc(tm->units, (tm->n + 1) * sizeof *u);
    FG_CHECK_ALLOC(u);
    tm->units = u;
    u[tm->n].doc = fg_arena_strndup(tr->a, doc, strlen(doc));
    FG_CHECK_ALLOC(u[tm->n].doc);
    u[tm->n].agency = sqlite3_column_int64(s, 2);
    tm->n++;
out:
    return rc;
}

static int load_teams(team **out, size_t *n_out, fg_store *st, fg_arena *a)
{
    team_reader tr = {NULL, 0, a};
    int rc = each_row(st,
                      "SELECT t.name, d.name, m.agency_id FROM teams t"
                      " JOIN documents d ON d.id = t.doc_id JOIN team_members m"
                      " ON m.team_id = t.id"
                      " WHERE m.agency_id IS NOT NULL ORDER BY t.name, d.name, m.agency_id",
                      NULL, on_team_unit, &tr, "cannot read the teams");

    *out = tr.v;
    *n_out = tr.n;
    return rc;
}

static void teams_free(team *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].units);
        fg_str_dispose(&v[i].docs);
    }
    free(v);
}

static bool team_leads(const team *tm, const fact *x)
{
    for (size_t i = 0; i < tm->n; i++)
        if (strcmp(tm->units[i].doc, x->doc) == 0 &&
            has_id(x->lead, x->n_lead, tm->units[i].agency))
            return true;
    return false;
}

int fg_progress_summary(fg_progress_groups **out, fg_store *st, fg_progress_by by,
                        const fg_progress_opts *opts)
{
    facts f;
    fg_progress_groups *g = NULL;
    fg_arena *arena = NULL;
    team *teams = NULL;
    size_t n_teams = 0;
    strmap docs = {0};
    size_t *slot = NULL; /* agency id → row + 1 (0: none yet) */
    size_t cap = 0;
    int rc = FG_OK;

    if (out == NULL || st == NULL)
        return fg_error_set(FG_EINVAL, "fg_progress_summary: NULL argument");
    *out = NULL;
    FG_TRY(facts_load(&f, st, opts));
    g = calloc(1, sizeof *g);
    FG_CHECK_ALLOC(g);
    arena = fg_arena_new();
    FG_CHECK_ALLOC(arena);
    g->priv_ = arena;
    memcpy(g->as_of, f.as_of, 11);
    if (by == FG_PROGRESS_BY_TEAM)
        FG_TRY(load_teams(&teams, &n_teams, st, arena));
    cap = 1 + (by == FG_PROGRESS_BY_AGENCY ? f.n_agency
               : by == FG_PROGRESS_BY_TEAM ? n_teams
                                           : f.n);
    g->rows = calloc(cap, sizeof *g->rows);
    FG_CHECK_ALLOC(g->rows);
    g->rows[0].group = "all";
    g->rows[0].doc = "";
    g->n_rows = 1;
    if (by == FG_PROGRESS_BY_AGENCY) {
        slot = calloc(f.n_agency ? f.n_agency : 1, sizeof *slot);
        FG_CHECK_ALLOC(slot);
    }
    for (size_t i = 0; i < f.n; i++) {
        const fact *x = &f.v[i];

        count_task(&g->rows[0], x);
        if (by == FG_PROGRESS_BY_AGENCY) {
            for (size_t k = 0; k < x->n_lead; k++) {
                long long id = x->lead[k];

                if (id < 0 || (size_t)id >= f.n_agency || f.agency[id] == NULL)
                    continue;
                if (slot[id] == 0) {
                    fg_progress_row *r = &g->rows[g->n_rows];

                    r->group = fg_arena_strndup(arena, f.agency[id], strlen(f.agency[id]));
                    FG_CHECK_ALLOC(r->group);
                    r->doc = "";
                    slot[id] = ++g->n_rows;
                }
                count_task(&g->rows[slot[id] - 1], x);
            }
        } else if (by == FG_PROGRESS_BY_DOCUMENT) {
            size_t row;

            if (!strmap_get(&docs, x->doc, &row)) {
                row = g->n_rows++;
                g->rows[row].group = fg_arena_strndup(arena, x->doc, strlen(x->doc));
                FG_CHECK_ALLOC(g->rows[row].group);
                g->rows[row].doc = "";
                FG_TRY(strmap_put(&docs, g->rows[row].group, row));
            }
            count_task(&g->rows[row], x);
        } else {
            for (size_t k = 0; k < n_teams; k++)
                if (team_leads(&teams[k], x))
                    count_task(&g->rows[1 + k], x);
        }
    }
    if (by == FG_PROGRESS_BY_TEAM) {
        for (size_t k = 0; k < n_teams; k++) {
            g->rows[1 + k].group = teams[k].name;
            g->rows[1 + k].doc = fg_arena_strndup(
                arena, teams[k].docs.ptr ? teams[k].docs.ptr : "", teams[k].docs.len);
            FG_CHECK_ALLOC(g->rows[1 + k].doc);
        }
        g->n_rows = 1 + n_teams;
    }
    for (size_t i = 0; i < g->n_rows; i++)
        finish_row(&g->rows[i]);
    qsort(g->rows + 1, g->n_rows - 1, sizeof *g->rows, cmp_group);
    *out = g;
    g = NULL;
out:
    free(slot);
    strmap_free(&docs);
    teams_free(teams, n_teams);
    fg_progress_groups_free(g);
    facts_free(&f);
    return rc;
}

/* ---- coordination ---- */

void fg_progress_coord_free(fg_progress_coord *c)
{
    if (c != NULL)
        fg_arena_free_result(c->priv_, c->pairs, c);
}

/* Pair counts keyed by the two agency ids (open addressing). */
typedef struct pair_slot {
    long long a, b; /* a < b; a == -1: empty */
    size_t due, overdue;
} pair_slot;

typedef struct pair_map {
    pair_slot *v;
    size_t cap, n;
} pair_map;

static size_t pair_hash(long long a, long long b)
{
    uint64_t h = (uint64_t)a * 0x9e3779b97f4a7c15u ^ ((uint64_t)b + 0x632be59bd9b4e019u);

    return (size_t)(h ^ (h >> 29));
}

static int pair_add(pair_map *m, long long a, long long b, bool overdue)
{
    size_t h;

    if (a > b) {
        long long t = a;

        a = b;
        b = t;
    }
    if (2 * (m->n + 1) > m->cap) {
        pair_map big = {NULL, m->cap ? m->cap * 2 : 1024, 0};

        big.v = malloc(big.cap * sizeof *big.v);
        if (big.v == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        for (size_t i = 0; i < big.cap; i++)
            big.v[i].a = -1;
        for (size_t i = 0; i < m->cap; i++) {
            if (m->v[i].a < 0)
                continue;
            h = pair_hash(m->v[i].a, m->v[i].b) & (big.cap - 1);
            while (big.v[h].a >= 0)
                h = (h + 1) & (big.cap - 1);
            big.v[h] = m->v[i];
            big.n++;
        }
        free(m->v);
        *m = big;
    }
    h = pair_hash(a, b) & (m->cap - 1);
    while (m->v[h].a >= 0 && !(m->v[h].a == a && m->v[h].b == b))
        h = (h + 1) & (m->cap - 1);
    if (m->v[h].a < 0) {
        m->v[h].a = a;
        m->v[h].b = b;
        m->v[h].due = 0;
        m->v[h].overdue = 0;
        m->n++;
    }
    m->v[h].due++;
    m->v[h].overdue += overdue;
    return FG_OK;
}

static int cmp_pair(const void *x, const void *y)
{
    const fg_coord_pair *a = x;
    const fg_coord_pair *b = y;
    int c;

    if (a->overdue != b->overdue)
        return a->overdue > b->overdue ? -1 : 1;
    if (a->overdue_rate != b->overdue_rate)
        return a->overdue_rate > b->overdue_rate ? -1 : 1;
    c = strcmp(a->a, b->a);
    return c ? c : strcmp(a->b, b->b);
}

int fg_progress_coordination(fg_progress_coord **out, fg_store *st, const fg_progress_opts *opts)
{
    static const struct {
        const char *label;
        size_t lo, hi;
    } bins[5] = {{"0", 0, 0}, {"1", 1, 1}, {"2", 2, 2}, {"3-4", 3, 4}, {"5+", 5, SIZE_MAX}};
    facts f;
    fg_progress_coord *c = NULL;
    fg_arena *arena = NULL;
    pair_map pm = {NULL, 0, 0};
    long long *units = NULL;
    int rc = FG_OK;

    if (out == NULL || st == NULL)
        return fg_error_set(FG_EINVAL, "fg_progress_coordination: NULL argument");
    *out = NULL;
    FG_TRY(facts_load(&f, st, opts));
    c = calloc(1, sizeof *c);
    FG_CHECK_ALLOC(c);
    arena = fg_arena_new();
    FG_CHECK_ALLOC(arena);
    c->priv_ = arena;
    memcpy(c->as_of, f.as_of, 11);
    for (size_t k = 0; k < 5; k++) {
        c->bins[k].label = bins[k].label;
        c->bins[k].lo = bins[k].lo;
        c->bins[k].hi = bins[k].hi;
    }
    for (size_t i = 0; i < f.n; i++) {
        const fact *x = &f.v[i];
        size_t n_units = x->n_lead + x->n_co;
        long long *u;

        for (size_t k = 0; k < 5; k++) {
            if (x->n_co >= bins[k].lo && x->n_co <= bins[k].hi) {
                c->bins[k].tasks++;
                c->bins[k].due += x->due;
                c->bins[k].overdue += x->overdue;
            }
        }
        if (!x->due)
            continue;
        u = realloc(units, (n_units ? n_units : 1) * sizeof *u);
        FG_CHECK_ALLOC(u);
        units = u;
        if (x->n_lead)
            memcpy(units, x->lead, x->n_lead * sizeof *units);
        if (x->n_co)
            memcpy(units + x->n_lead, x->co, x->n_co * sizeof *units);
        for (size_t a = 0; a < n_units; a++)
            for (size_t b = a + 1; b < n_units; b++)
                FG_TRY(pair_add(&pm, units[a], units[b], x->overdue));
    }
    for (size_t k = 0; k < 5; k++)
        c->bins[k].overdue_rate =
            c->bins[k].due ? (double)c->bins[k].overdue / (double)c->bins[k].due : 0.0;
    c->pairs = calloc(pm.n ? pm.n : 1, sizeof *c->pairs);
    FG_CHECK_ALLOC(c->pairs);
    for (size_t i = 0; i < pm.cap; i++) {
        const pair_slot *s = &pm.v[i];
        const char *na;
        const char *nb;
        fg_coord_pair *q;

        if (s->a < 0 || s->overdue == 0 || (size_t)s->a >= f.n_agency ||
            (size_t)s->b >= f.n_agency || !f.agency[s->a] || !f.agency[s->b])
            continue;
        na = f.agency[s->a];
        nb = f.agency[s->b];
        if (strcmp(na, nb) > 0) {
            const char *t = na;

            na = nb;
            nb = t;
        }
        q = &c->pairs[c->n_pairs++];
        q->a = fg_arena_strndup(arena, na, strlen(na));
        q->b = fg_arena_strndup(arena, nb, strlen(nb));
        FG_CHECK_ALLOC(q->a);
        FG_CHECK_ALLOC(q->b);
        q->due = s->due;
        q->overdue = s->overdue;
        q->overdue_rate = (double)s->overdue / (double)s->due;
    }
    qsort(c->pairs, c->n_pairs, sizeof *c->pairs, cmp_pair);
    *out = c;
    c = NULL;
out:
    free(units);
    free(pm.v);
    fg_progress_coord_free(c);
    facts_free(&f);
    return rc;
}

/*
 * Unit tests for src/store.c (and the gazetteer it resolves names with): a real SQLite
 * database in a fresh temporary directory per test. Expected values come from the
 * hand-checked gold (tests/gold/), from the seed texts, or are written out here; a second,
 * plain sqlite3 connection inspects the file (schema version, statuses, a dump of every
 * table) without going through the code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fengong/fengong.h"
#include "store_int.h"
#include "test_fixture.h"

#define SEED_001 "001_f9c4e63d6d2549a0.txt"
#define SEED_002 "002_087d1517bea72081.txt"

/* ---- per-test state, released by the teardown so a failed assertion leaks nothing ---- */

typedef struct rows {
    size_t want; /* columns to keep (0: all) */
    char **v;    /* each row's columns joined by tabs */
    size_t n;
    size_t cap;
} rows;

static char tmp_dir[512];
static char db_path[600];
static fg_store *store;
static fg_gazetteer *gaz;
static fg_text *texts[8];
static size_t n_texts;
static fg_doc *docs[8];
static size_t n_docs;
static rows row_pool[128];
static size_t n_rows_used;
static void *mem[1024];
static size_t n_mem;

static void *own(void *p)
{
    assert_non_null(p);
    assert_true(n_mem < sizeof mem / sizeof mem[0]);
    mem[n_mem++] = p;
    return p;
}

static rows *new_rows(size_t want)
{
    rows *r;

    assert_true(n_rows_used < sizeof row_pool / sizeof row_pool[0]);
    r = &row_pool[n_rows_used++];
    memset(r, 0, sizeof *r);
    r->want = want;
    return r;
}

static void rows_push(rows *r, char *s)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        char **v = realloc(r->v, cap * sizeof *v);

        assert_non_null(v);
        r->v = v;
        r->cap = cap;
    }
    r->v[r->n++] = s;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char p[1200];

    if (d == NULL)
        return;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

static int setup(void **state)
{
    (void)state;
    return fg_fixture_tmp_dir(tmp_dir, sizeof tmp_dir, db_path, sizeof db_path, "fg_test_store");
}

static int teardown(void **state)
{
    (void)state;
    fg_store_close(store);
    store = NULL;
    fg_gazetteer_free(gaz);
    gaz = NULL;
    for (size_t i = 0; i < n_docs; i++)
        fg_doc_free(docs[i]);
    n_docs = 0;
    for (size_t i = 0; i < n_texts; i++)
        fg_text_free(texts[i]);
    n_texts = 0;
    for (size_t i = 0; i < n_rows_used; i++) {
        for (size_t k = 0; k < row_pool[i].n; k++)
            free(row_pool[i].v[k]);
        free(row_pool[i].v);
    }
    n_rows_used = 0;
    for (size_t i = 0; i < n_mem; i++)
        free(mem[i]);
    n_mem = 0;
    remove_tree(tmp_dir);
    return 0;
}

/* ---- helpers ---- */

static const char *src_dir(void)
{
    const char *s = getenv("FG_SOURCE_DIR");

    if (s == NULL || s[0] == '\0')
        fail_msg("FG_SOURCE_DIR is not set (ctest sets it)");
    return s;
}

static char *tmp_file(const char *name)
{
    char *p = own(malloc(strlen(tmp_dir) + strlen(name) + 2));

    sprintf(p, "%s/%s", tmp_dir, name);
    return p;
}

static char *read_bytes(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0;
    size_t cap = 0;
    size_t got;

    if (f == NULL)
        fail_msg("cannot open %s", path);
    do {
        if (cap - n < 65536) {
            cap = cap ? cap * 2 : 131072;
            buf = realloc(buf, cap + 1);
            assert_non_null(buf);
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return own(buf);
}

static void write_bytes(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static int file_exists(const char *path)
{
    struct stat sb;

    return stat(path, &sb) == 0;
}

static void open_store(void)
{
    assert_int_equal(fg_store_open(&store, db_path, NULL), FG_OK);
    assert_non_null(store);
}

static void close_store(void)
{
    fg_store_close(store);
    store = NULL;
}

/* Read and parse tests/fixtures/DIR/FILE, recording it under as_name (NULL: its own name). */
static fg_doc *parse_fixture(const char *dir, const char *file, const char *as_name,
                             fg_text **text_out)
{
    char path[1024];
    fg_parse_opts po = FG_PARSE_OPTS_INIT;
    fg_text *t = NULL;
    fg_doc *d = NULL;

    snprintf(path, sizeof path, "%s/tests/fixtures/%s/%s", src_dir(), dir, file);
    assert_int_equal(fg_text_read_file(&t, path), FG_OK);
    assert_true(n_texts < sizeof texts / sizeof texts[0]);
    texts[n_texts++] = t;
    po.name = as_name;
    assert_int_equal(fg_parse_document(&d, t, &po), FG_OK);
    assert_true(n_docs < sizeof docs / sizeof docs[0]);
    docs[n_docs++] = d;
    *text_out = t;
    return d;
}

/* Read and parse a seed, recording it under as_name (NULL: its own name). */
static fg_doc *parse_seed(const char *file, const char *as_name, fg_text **text_out)
{
    return parse_fixture("seeds", file, as_name, text_out);
}

static fg_doc *parse_mem(const char *name, const char *src, fg_text **text_out)
{
    fg_text *t = NULL;
    fg_doc *d = NULL;

    assert_int_equal(fg_text_decode(&t, name, src, strlen(src)), FG_OK);
    texts[n_texts++] = t;
    assert_int_equal(fg_parse_document(&d, t, NULL), FG_OK);
    docs[n_docs++] = d;
    *text_out = t;
    return d;
}

/* Read and parse tests/fixtures/track/FILE. */
static fg_doc *parse_track(const char *file, fg_text **text_out)
{
    return parse_fixture("track", file, NULL, text_out);
}

static int ingest(fg_ingest_status *status, const fg_doc *d, const fg_text *t,
                  const fg_ingest_opts *o)
{
    return fg_store_ingest(status, store, d, fg_text_sha256(t), t->n_bytes, o);
}

/* Store d (text t) with the options o (NULL: none); the status must be want. */
static void ingest_ok(const fg_doc *d, const fg_text *t, const fg_ingest_opts *o,
                      fg_ingest_status want)
{
    fg_ingest_status is = (fg_ingest_status)-1;

    assert_int_equal(ingest(&is, d, t, o), FG_OK);
    assert_int_equal(is, want);
}

/* Parse a seed and store it; the status must be `want`. */
static void ingest_seed(const char *file, const fg_gazetteer *g, fg_ingest_status want)
{
    fg_ingest_opts io = FG_INGEST_OPTS_INIT;
    fg_ingest_status is = (fg_ingest_status)-1;
    fg_text *t;
    const fg_doc *d = parse_seed(file, NULL, &t);

    io.gazetteer = g;
    if (ingest(&is, d, t, &io) != FG_OK)
        fail_msg("ingest %s: %s", file, fg_error_last()->message);
    assert_int_equal(is, want);
}

static void load_gazetteer(const char *name, const char *tsv)
{
    assert_int_equal(fg_gazetteer_new(&gaz), FG_OK);
    if (fg_gazetteer_merge_tsv(gaz, name, tsv, strlen(tsv)) != FG_OK)
        fail_msg("merge %s: %s", name, fg_error_last()->message);
}

/* Keep a row (its first r->want columns) as one tab-joined string. */
static int collect(size_t n_cols, const char *const *cols, void *payload)
{
    rows *r = payload;
    size_t k = r->want && r->want < n_cols ? r->want : n_cols;
    size_t len = 0;
    char *s;

    for (size_t i = 0; i < k; i++)
        len += strlen(cols[i]) + 1;
    s = malloc(len + 1);
    assert_non_null(s);
    s[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        if (i)
            strcat(s, "\t");
        strcat(s, cols[i]);
    }
    rows_push(r, s);
    return 0;
}

/*
 * The typed rows as the columns of the positional reads they replaced, so that every test
 * compares the text it compared before: numbers in decimal, absent ones (a year 0, an
 * unknown unparsed count) empty, enums by their stored names.
 */
#define NUM(buf, v) (snprintf((buf), sizeof(buf), "%lld", (long long)(v)), (buf))

static int collect_document(const fg_store_document_row *d, void *payload)
{
    char n[7][24];
    const char *c[13] = {d->name, d->doc_number, d->year ? NUM(n[0], d->year) : "", d->date,
                         NUM(n[1], d->n_items), NUM(n[2], d->n_clauses),
                         NUM(n[3], d->n_assignments), NUM(n[4], d->n_teams),
                         d->n_unparsed >= 0 ? NUM(n[5], d->n_unparsed) : "", d->format,
                         d->title, d->sha256, d->ingested_at};

    return collect(13, c, payload);
}

/* doc, item, clause, role, surface, agency, kind, status */
static int collect_assignment(const fg_store_assignment_row *a, void *payload)
{
    char n[24];
    const char *c[8] = {a->doc, a->path, NUM(n, a->clause), fg_role_name(a->role),
                        a->surface, a->agency, fg_kind_name(a->kind), a->status};

    return collect(8, c, payload);
}

/* clause id, doc, year, item, clause, title, role, kind, agency, status, level, surface */
static int collect_edge(const fg_store_assignment_row *a, void *payload)
{
    char n[3][24];
    const char *c[12] = {NUM(n[0], a->clause_id), a->doc, a->year ? NUM(n[1], a->year) : "",
                         a->path, NUM(n[2], a->clause), a->title, fg_role_name(a->role),
                         fg_kind_name(a->kind), a->agency, a->status, a->level, a->surface};

    return collect(12, c, payload);
}

/* doc, item, clause, role, surface, title */
static int collect_agency_task(const fg_store_assignment_row *a, void *payload)
{
    char n[24];
    const char *c[6] = {a->doc, a->path, NUM(n, a->clause), fg_role_name(a->role), a->surface,
                        a->title};

    return collect(6, c, payload);
}

/* doc, team, role, surface, agency, status */
static int collect_member(const fg_store_member_row *m, void *payload)
{
    const char *c[6] = {m->doc, m->team, fg_team_role_name(m->role), m->surface, m->agency,
                        m->status};

    return collect(6, c, payload);
}

/* agency, status, level, type, lead, co, documents */
static int collect_agency(const fg_store_agency_use_row *u, void *payload)
{
    char n[3][24];
    const char *c[7] = {u->name, u->status, u->level, u->type, NUM(n[0], u->n_lead),
                        NUM(n[1], u->n_co), NUM(n[2], u->n_docs)};

    return collect(7, c, payload);
}

/* name, count, documents */
static int collect_unresolved(const fg_store_unresolved_row *u, void *payload)
{
    char n[24];
    const char *c[3] = {u->name, NUM(n, u->n), u->docs};

    return collect(3, c, payload);
}

/* doc, item, title, lead, co */
static int collect_hit(const fg_store_search_row *h, void *payload)
{
    const char *c[5] = {h->doc, h->path, h->title, h->leads, h->cos};

    return collect(5, c, payload);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_rows(rows *r)
{
    if (r->n)
        qsort(r->v, r->n, sizeof *r->v, cmp_str);
}

/* The rows of a gold TSV (header dropped) whose first column is doc (NULL: all). */
static rows *gold_rows(const char *file, const char *doc)
{
    char path[1024];
    size_t len;
    rows *r = new_rows(0);
    char *data;
    char *line;
    int first = 1;

    snprintf(path, sizeof path, "%s/tests/gold/%s", src_dir(), file);
    data = read_bytes(path, &len);
    for (line = data; line < data + len;) {
        char *nl = strchr(line, '\n');

        if (nl)
            *nl = '\0';
        if (!first && line[0] != '\0' &&
            (doc == NULL || (strncmp(line, doc, strlen(doc)) == 0 && line[strlen(doc)] == '\t')))
            rows_push(r, strdup(line));
        first = 0;
        if (nl == NULL)
            break;
        line = nl + 1;
    }
    sort_rows(r);
    return r;
}

/* Both sorted; print what is missing (-) and extra (+), then fail if they differ. */
static void assert_same_rows(rows *have, rows *want, const char *what)
{
    size_t i = 0;
    size_t j = 0;
    size_t n_diff = 0;

    sort_rows(have);
    sort_rows(want);
    while (i < have->n || j < want->n) {
        int c = i == have->n ? 1 : j == want->n ? -1 : strcmp(have->v[i], want->v[j]);

        if (c == 0) {
            i++;
            j++;
            continue;
        }
        if (n_diff++ < 20)
            print_error("%s: %c %s\n", what, c < 0 ? '+' : '-', c < 0 ? have->v[i] : want->v[j]);
        if (c < 0)
            i++;
        else
            j++;
    }
    if (n_diff)
        fail_msg("%s: %zu rows differ (have %zu, want %zu)", what, n_diff, have->n, want->n);
}

/* Replace the first column of every row (the doc name) by name. */
static rows *rename_doc(rows *r, const char *name)
{
    rows *out = new_rows(0);

    for (size_t i = 0; i < r->n; i++) {
        const char *tab = strchr(r->v[i], '\t');
        char *s = malloc(strlen(name) + strlen(tab) + 1);

        assert_non_null(s);
        sprintf(s, "%s%s", name, tab);
        rows_push(out, s);
    }
    return out;
}

static int has_row(const rows *r, const char *s)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->v[i], s) == 0)
            return 1;
    return 0;
}

/* ---- a second, plain sqlite3 connection ---- */

static sqlite3 *raw_open(const char *path, int flags)
{
    sqlite3 *db = NULL;

    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK)
        fail_msg("sqlite3_open_v2 %s: %s", path, db ? sqlite3_errmsg(db) : "?");
    return db;
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = raw_open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    char *msg = NULL;

    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        print_error("sqlite3_exec: %s\n", msg ? msg : "?");
        sqlite3_free(msg);
        sqlite3_close(db);
        fail_msg("sqlite3_exec failed: %s", sql);
    }
    sqlite3_close(db);
}

/* The single integer a query returns. */
static long long raw_int(const char *sql)
{
    sqlite3 *db = raw_open(db_path, SQLITE_OPEN_READONLY);
    sqlite3_stmt *s = NULL;
    long long v;

    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("prepare %s: %s", sql, sqlite3_errmsg(db));
    if (sqlite3_step(s) != SQLITE_ROW)
        fail_msg("no row: %s", sql);
    v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

/* The single text a query returns (owned by the test state). */
static const char *raw_text(const char *sql)
{
    sqlite3 *db = raw_open(db_path, SQLITE_OPEN_READONLY);
    sqlite3_stmt *s = NULL;
    char *v;

    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("prepare %s: %s", sql, sqlite3_errmsg(db));
    if (sqlite3_step(s) != SQLITE_ROW)
        fail_msg("no row: %s", sql);
    v = own(strdup(sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0) : ""));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

typedef struct buf {
    char *p;
    size_t n;
    size_t cap;
} buf;

static void buf_add(buf *b, const void *p, size_t n)
{
    if (b->cap - b->n < n + 1) {
        size_t cap = b->cap ? b->cap : 4096;

        while (cap - b->n < n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        assert_non_null(b->p);
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* Every row of every table (FTS shadow tables included), the schema and user_version. */
static char *dump_db(void)
{
    sqlite3 *db = raw_open(db_path, SQLITE_OPEN_READONLY);
    sqlite3_stmt *tables = NULL;
    buf b = {NULL, 0, 0};
    char hex[3];

    buf_add(&b, "", 0);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT name, coalesce(sql, '') FROM sqlite_master "
                                        "ORDER BY type, name",
                                        -1, &tables, NULL),
                     SQLITE_OK);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        const char *sql = (const char *)sqlite3_column_text(tables, 1);
        char q[512];
        sqlite3_stmt *s = NULL;

        buf_add(&b, sql, strlen(sql));
        buf_add(&b, "\n", 1);
        if (strncmp(sql, "CREATE TABLE", 12) != 0 && strncmp(sql, "CREATE VIRTUAL", 14) != 0)
            continue;
        snprintf(q, sizeof q, "SELECT * FROM \"%s\"", name);
        if (sqlite3_prepare_v2(db, q, -1, &s, NULL) != SQLITE_OK)
            fail_msg("dump %s: %s", name, sqlite3_errmsg(db));
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int k = 0; k < sqlite3_column_count(s); k++) {
                int type = sqlite3_column_type(s, k);

                if (type == SQLITE_NULL) {
                    buf_add(&b, "\\N", 2);
                } else if (type == SQLITE_BLOB) {
                    const unsigned char *p = sqlite3_column_blob(s, k);
                    int n = sqlite3_column_bytes(s, k);

                    for (int i = 0; i < n; i++) {
                        snprintf(hex, sizeof hex, "%02x", p[i]);
                        buf_add(&b, hex, 2);
                    }
                } else {
                    const unsigned char *p = sqlite3_column_text(s, k);

                    buf_add(&b, p, (size_t)sqlite3_column_bytes(s, k));
                }
                buf_add(&b, "\t", 1);
            }
            buf_add(&b, "\n", 1);
        }
        sqlite3_finalize(s);
    }
    sqlite3_finalize(tables);
    {
        sqlite3_stmt *s = NULL;
        char v[64];

        assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(s), SQLITE_ROW);
        snprintf(v, sizeof v, "user_version=%d\n", sqlite3_column_int(s, 0));
        sqlite3_finalize(s);
        buf_add(&b, v, strlen(v));
    }
    sqlite3_close(db);
    return own(b.p);
}

/*
 * Bring the index up to date, then let FTS5 check it against the items table (every item
 * indexed once, nothing else); SQLITE_OK when they agree.
 */
static void assert_fts_consistent(void)
{
    sqlite3 *db;

    if (fg_store_index(store, NULL) != FG_OK)
        fail_msg("fg_store_index: %s", fg_error_last()->message);
    db = raw_open(db_path, SQLITE_OPEN_READWRITE);
    char *msg = NULL;
    int r = sqlite3_exec(db, "INSERT INTO items_fts(items_fts, rank) VALUES('integrity-check', 1)",
                         NULL, NULL, &msg);

    if (r != SQLITE_OK) {
        print_error("fts integrity-check: %s\n", msg ? msg : "?");
        sqlite3_free(msg);
        sqlite3_close(db);
        fail_msg("items_fts does not match items");
    }
    sqlite3_close(db);
}

/* Rows that point at nothing (they would show a broken cascade). */
static void assert_no_orphans(void)
{
    assert_int_equal(raw_int("SELECT count(*) FROM items WHERE doc_id NOT IN "
                             "(SELECT id FROM documents)"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM clauses WHERE item_id NOT IN "
                             "(SELECT id FROM items)"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM assignments WHERE clause_id NOT IN "
                             "(SELECT id FROM clauses)"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM teams WHERE doc_id NOT IN "
                             "(SELECT id FROM documents)"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM team_members WHERE team_id NOT IN "
                             "(SELECT id FROM teams)"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM clause_deadlines WHERE clause_id NOT IN "
                             "(SELECT id FROM clauses)"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM item_deadlines WHERE item_id NOT IN "
                             "(SELECT id FROM items)"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM targets WHERE item_id NOT IN "
                             "(SELECT id FROM items)"),
                     0);
}

static rows *store_assignments(size_t want)
{
    rows *r = new_rows(want);

    assert_int_equal(fg_store_assignments(store, NULL, collect_assignment, r), FG_OK);
    return r;
}

static rows *store_search(const char *q, size_t limit)
{
    rows *r = new_rows(0);

    if (fg_store_search(store, q, limit, collect_hit, r) != FG_OK)
        fail_msg("search %s: %s", q, fg_error_last()->message);
    return r;
}

/* The schema's "-- migration 1" block, read from the source tree. */
/* The schema text of migrations 1 to last (from src/schema.sql). */
static char *schema_upto(int last)
{
    char path[1024];
    char mark[32];
    size_t len;
    char *all;
    char *start;
    char *end;

    snprintf(path, sizeof path, "%s/src/schema.sql", src_dir());
    all = read_bytes(path, &len);
    start = strstr(all, "-- migration 1\n");
    assert_non_null(start);
    snprintf(mark, sizeof mark, "-- migration %d\n", last + 1);
    end = strstr(start, mark);
    assert_non_null(end);
    *end = '\0';
    return start;
}

static char *migration_1_sql(void)
{
    return schema_upto(1);
}

/* The columns of documents in schemas 1 to 4, to copy documents into an older schema. */
#define DOCUMENTS_V1_COLS                                                                   \
    " id, name, sha256, n_bytes, title, doc_number, issuer, year, date, ingested_at"

/*
 * Make the documents of the store at db_path look as a store before schema 5 holds them
 * once migrated: n_unparsed NULL (they were never checked), and (schema 7) no deadlines or
 * targets, tracked NULL (they were never read), so that read_all() of a store copied into
 * an older schema and migrated can be compared with it.
 */
static void forget_unparsed(void)
{
    raw_exec(db_path, "UPDATE documents SET n_unparsed = NULL");
    raw_exec(db_path, "UPDATE documents SET tracked = NULL; DELETE FROM clause_deadlines;"
                      " DELETE FROM item_deadlines; DELETE FROM targets");
}

/* The current store open_seeded() made, which make_old_store() copies. */
static char *seeded_path;

/* A current store tmp_dir/name with the two seeds ingested, left open as the store. */
static void open_seeded(const char *name)
{
    seeded_path = tmp_file(name);
    snprintf(db_path, sizeof db_path, "%s", seeded_path);
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
}

/*
 * The database tmp_dir/test.db (then db_path) made at schema version from src/schema.sql,
 * holding the rows of the store open_seeded() made, attached as "cur": the documents' columns
 * doc_cols, the agencies, aliases, items and clauses as they are, then what the SQL rest
 * copies; its user_version is version.
 */
static void make_old_store(int version, const char *doc_cols, const char *rest)
{
    char *copy = own(malloc(8192));

    snprintf(db_path, sizeof db_path, "%s/test.db", tmp_dir);
    raw_exec(db_path, schema_upto(version));
    snprintf(copy, 8192,
             "ATTACH '%s' AS cur;"
             "INSERT INTO documents(%s) SELECT %s FROM cur.documents;"
             "INSERT INTO agencies SELECT * FROM cur.agencies;"
             "INSERT INTO aliases SELECT * FROM cur.aliases;"
             "INSERT INTO items SELECT * FROM cur.items;"
             "INSERT INTO clauses SELECT * FROM cur.clauses;"
             "%s"
             "PRAGMA user_version = %d;",
             seeded_path, doc_cols, doc_cols, rest, version);
    raw_exec(db_path, copy);
}

/* The tables after clauses copied as they are, and the index as schemas 4 to 6 built it. */
#define COPY_REST_V4                                                                        \
    "INSERT INTO assignments SELECT * FROM cur.assignments;"                                \
    "INSERT INTO teams SELECT * FROM cur.teams;"                                            \
    "INSERT INTO team_members SELECT * FROM cur.team_members;"                              \
    "INSERT INTO items_fts(rowid, text) SELECT id, text FROM items;"                        \
    "UPDATE meta SET value = (SELECT max(id) FROM items) WHERE key = 'fts_upto';"

/* ---- search results against the gold ---- */

/* The gold's lead and co sets of one item, as "lead\tco" with names sorted and joined by 、. */
static void gold_lead_co(char *out, size_t cap, rows *gold, const char *doc, const char *item)
{
    char *lead[64];
    char *co[64];
    size_t n_lead = 0;
    size_t n_co = 0;
    char key[256];
    size_t len = 0;

    snprintf(key, sizeof key, "%s\t%s\t", doc, item);
    for (size_t i = 0; i < gold->n; i++) {
        char *row = gold->v[i];
        char *role;
        char *agency;
        char **set;
        size_t *n;
        int seen = 0;

        if (strncmp(row, key, strlen(key)) != 0)
            continue;
        role = strchr(row + strlen(key), '\t') + 1;
        agency = strchr(role, '\t') + 1;
        set = strncmp(role, "lead\t", 5) == 0 ? lead : co;
        n = set == lead ? &n_lead : &n_co;
        for (size_t k = 0; k < *n; k++)
            seen |= strcmp(set[k], agency) == 0;
        if (!seen && *n < 64)
            set[(*n)++] = agency;
    }
    qsort(lead, n_lead, sizeof *lead, cmp_str);
    qsort(co, n_co, sizeof *co, cmp_str);
    out[0] = '\0';
    for (size_t k = 0; k < n_lead; k++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", k ? "、" : "", lead[k]);
    len += (size_t)snprintf(out + len, cap - len, "\t");
    for (size_t k = 0; k < n_co; k++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", k ? "、" : "", co[k]);
    assert_true(len < cap);
}

/* Sort the 、-separated names of one field in place. */
static void sort_names(char *out, size_t cap, const char *field, size_t flen)
{
    char tmp[4096];
    char *names[64];
    size_t n = 0;
    size_t len = 0;
    const char *sep = "、";

    assert_true(flen < sizeof tmp);
    memcpy(tmp, field, flen);
    tmp[flen] = '\0';
    for (char *p = tmp; *p && n < 64;) {
        char *e = strstr(p, sep);

        names[n++] = p;
        if (e == NULL)
            break;
        *e = '\0';
        p = e + strlen(sep);
    }
    qsort(names, n, sizeof *names, cmp_str);
    out[0] = '\0';
    for (size_t k = 0; k < n; k++)
        len += (size_t)snprintf(out + len, cap - len, "%s%s", k ? "、" : "", names[k]);
}

/* A search row "doc item title lead co" → "lead\tco" with each list sorted. */
static void row_lead_co(char *out, size_t cap, const char *row, char *doc, char *item)
{
    const char *f[5];
    size_t n = 0;
    const char *p = row;
    char lead[4096];
    char co[4096];

    f[n++] = p;
    while (n < 5 && (p = strchr(p, '\t')) != NULL)
        f[n++] = ++p;
    assert_int_equal(n, 5);
    snprintf(doc, 128, "%.*s", (int)(f[1] - f[0] - 1), f[0]);
    snprintf(item, 128, "%.*s", (int)(f[2] - f[1] - 1), f[1]);
    sort_names(lead, sizeof lead, f[3], (size_t)(f[4] - f[3] - 1));
    sort_names(co, sizeof co, f[4], strlen(f[4]));
    snprintf(out, cap, "%s\t%s", lead, co);
}

/* Every hit's lead and co equal the gold's for its item; the items of want are all there. */
static void check_hits(rows *hits, rows *gold, const char *const *want, size_t n_want)
{
    char have[8192];
    char expect[8192];
    char doc[128];
    char item[128];

    for (size_t i = 0; i < hits->n; i++) {
        row_lead_co(have, sizeof have, hits->v[i], doc, item);
        gold_lead_co(expect, sizeof expect, gold, doc, item);
        if (strcmp(have, expect) != 0)
            fail_msg("%s %s: lead/co '%s', gold '%s'", doc, item, have, expect);
    }
    for (size_t k = 0; k < n_want; k++) {
        int found = 0;

        for (size_t i = 0; i < hits->n; i++)
            found |= strncmp(hits->v[i], want[k], strlen(want[k])) == 0;
        if (!found)
            fail_msg("no hit for %s", want[k]);
    }
}

/* "doc\titem\t" of every gold item (of doc, or all when NULL) naming a unit with needle. */
static rows *gold_items_naming(rows *gold, const char *doc, const char *needle)
{
    rows *keys = new_rows(0);

    for (size_t i = 0; i < gold->n; i++) {
        const char *agency = strrchr(gold->v[i], '\t') + 1;
        char *key;

        if (strstr(agency, needle) == NULL)
            continue;
        if (doc && (strncmp(gold->v[i], doc, strlen(doc)) != 0 || gold->v[i][strlen(doc)] != '\t'))
            continue;
        key = strdup(gold->v[i]);
        assert_non_null(key);
        *strchr(strchr(key, '\t') + 1, '\t') = '\0';
        strcat(key, "\t");
        if (keys->n == 0 || strcmp(keys->v[keys->n - 1], key) != 0)
            rows_push(keys, key);
        else
            free(key);
    }
    return keys;
}

/* search(q) finds every item in keys, each hit with the gold's lead and co. */
static void check_search(const char *q, rows *gold, rows *keys)
{
    check_hits(store_search(q, 0), gold, (const char *const *)keys->v, keys->n);
}

/* ---- open, versions and foreign files ---- */

static void test_store__open_creates_schema_version(void **state)
{
    (void)state;
    assert_false(file_exists(db_path));
    open_store();
    assert_string_equal(fg_store_path(store), db_path);
    close_store();
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
    assert_int_equal(FG_STORE_SCHEMA_VERSION, 8);
    assert_string_equal(raw_text("PRAGMA journal_mode"), "wal");
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master WHERE name IN ('documents', "
                             "'items', 'clauses', 'agencies', 'aliases', 'assignments', "
                             "'teams', 'team_members', 'items_fts', 'clause_deadlines', "
                             "'item_deadlines', 'targets')"),
                     12);
    /* Opening again changes nothing. */
    {
        char *before = dump_db();

        open_store();
        close_store();
        assert_string_equal(dump_db(), before);
    }
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
}

static void test_store__open_read_only_missing_file(void **state)
{
    fg_store_opts so = FG_STORE_OPTS_INIT;
    fg_store *st = (fg_store *)&so; /* must be reset to NULL */
    char want[1024];

    (void)state;
    so.read_only = 1;
    assert_int_equal(fg_store_open(&st, db_path, &so), FG_ENOTFOUND);
    assert_null(st);
    snprintf(want, sizeof want, "%s: no such database (run 'fengong ingest' first)", db_path);
    assert_int_equal(fg_error_last()->code, FG_ENOTFOUND);
    assert_string_equal(fg_error_last()->message, want);
    assert_false(file_exists(db_path));
    /* must_exist: the same refusal for a writer, and nothing is created */
    so.read_only = 0;
    so.must_exist = 1;
    assert_int_equal(fg_store_open(&st, db_path, &so), FG_ENOTFOUND);
    assert_null(st);
    assert_string_equal(fg_error_last()->message, want);
    assert_false(file_exists(db_path));
}

static void test_store__open_not_a_database(void **state)
{
    char text[4096];
    char want[1024];
    size_t len;
    fg_store_opts so = FG_STORE_OPTS_INIT;

    (void)state;
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = "这不是数据库。this is not a database\n"[i % 40];
    write_bytes(db_path, text, sizeof text);
    snprintf(want, sizeof want, "%s: not a fengong database", db_path);
    assert_int_equal(fg_store_open(&store, db_path, NULL), FG_EDB);
    assert_null(store);
    assert_int_equal(fg_error_last()->code, FG_EDB);
    assert_true(strncmp(fg_error_last()->message, want, strlen(want)) == 0);
    so.read_only = 1;
    assert_int_equal(fg_store_open(&store, db_path, &so), FG_EDB);
    assert_true(strncmp(fg_error_last()->message, want, strlen(want)) == 0);
    assert_memory_equal(read_bytes(db_path, &len), text, sizeof text);
    assert_int_equal(len, sizeof text);
}

/* An SQLite database of someone else's (tables, user_version 0) is refused, not touched. */
static void test_store__open_foreign_database_unchanged(void **state)
{
    char want[1024];
    size_t len_before;
    size_t len_after;
    char *before;
    char *after;

    (void)state;
    raw_exec(db_path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);"
                      "INSERT INTO notes(body) VALUES ('keep me');");
    before = read_bytes(db_path, &len_before);
    assert_int_equal(fg_store_open(&store, db_path, NULL), FG_EDB);
    assert_null(store);
    snprintf(want, sizeof want,
             "%s: not a fengong database (it has tables of its own and no "
             "fengong schema version); not changed",
             db_path);
    assert_string_equal(fg_error_last()->message, want);
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master"), 1);
    after = read_bytes(db_path, &len_after);
    assert_int_equal(len_after, len_before);
    /* "not changed" promises the bytes too (header bytes 18-19 record the journal mode) */
    if (memcmp(before, after, len_before) != 0) {
        print_error("header bytes 18,19 before %d,%d after %d,%d\n", before[18], before[19],
                    after[18], after[19]);
        fail_msg("the refused database file was modified");
    }
}

/*
 * A new database is still in rollback mode when another process holds its write lock (as
 * a second fengong does while it switches to WAL). SQLite then answers the switch with
 * SQLITE_BUSY at once, without the busy handler; the open must wait, not fail.
 */
static pid_t lock_holder(int total_ms, int step_ms, int commits);

static void test_store__open_waits_for_a_writer_before_wal(void **state)
{
    pid_t child;
    int status = 0;

    (void)state;
    raw_exec(db_path, "PRAGMA user_version = 0");
    child = lock_holder(300, 300, 0);
    if (fg_store_open(&store, db_path, NULL) != FG_OK) {
        waitpid(child, &status, 0);
        fail_msg("open while another process held the write lock: %s",
                 fg_error_last()->message);
    }
    close_store();
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_string_equal(raw_text("PRAGMA journal_mode"), "wal");
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
}

/*
 * A child process that takes the write lock of db_path and keeps it for about total_ms:
 * with commits, in transactions of step_ms one after another, each adding a row to a table
 * of its own (as another ingest storing document after document); without, in one
 * transaction that writes nothing. Returns its pid once it holds the lock.
 */
static pid_t lock_holder(int total_ms, int step_ms, int commits)
{
    int ready[2];
    pid_t child;
    char c = 0;

    assert_int_equal(pipe(ready), 0);
    child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        sqlite3 *db = NULL;
        int ok;

        close(ready[0]);
        ok = sqlite3_open(db_path, &db) == SQLITE_OK &&
             sqlite3_busy_timeout(db, 10000) == SQLITE_OK &&
             (!commits || sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS hold(n INTEGER)", NULL,
                                       NULL, NULL) == SQLITE_OK) &&
             sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
        if (write(ready[1], ok ? "y" : "n", 1) != 1)
            _exit(2);
        for (int t = 0; ok && t < total_ms; t += step_ms) {
            if (commits)
                ok = sqlite3_exec(db, "INSERT INTO hold VALUES (1)", NULL, NULL, NULL) ==
                     SQLITE_OK;
            sqlite3_sleep(step_ms);
            if (ok && commits)
                ok = sqlite3_exec(db, "COMMIT; BEGIN IMMEDIATE", NULL, NULL, NULL) ==
                     SQLITE_OK;
        }
        ok = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK && ok;
        sqlite3_close(db);
        _exit(ok ? 0 : 1);
    }
    close(ready[1]);
    assert_int_equal(read(ready[0], &c, 1), 1);
    close(ready[0]);
    assert_int_equal(c, 'y');
    return child;
}

/*
 * With seed 001 stored, a lock_holder(total_ms, step_ms, commits) started (*child, for the
 * caller to wait for) and the store opened again with a busy timeout of timeout_ms: the
 * result of ingesting d then.
 */
static int ingest_beside_writer(pid_t *child, int total_ms, int step_ms, int commits,
                                int timeout_ms, const fg_doc *d, const fg_text *t,
                                fg_ingest_status *is)
{
    fg_store_opts so = FG_STORE_OPTS_INIT;

    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    close_store();
    *child = lock_holder(total_ms, step_ms, commits);
    so.busy_timeout_ms = timeout_ms;
    assert_int_equal(fg_store_open(&store, db_path, &so), FG_OK);
    return ingest(is, d, t, NULL);
}

/*
 * SQLite's write lock is not fair: another writer committing back to back takes it again at
 * once, and the busy handler seldom finds it free. The ingest must wait as long as that
 * writer makes progress, not fail after the busy timeout (one of two concurrent 'fengong
 * ingest' lost a document to "database is locked" so, at load).
 */
static void test_store__ingest_waits_while_another_writer_commits(void **state)
{
    fg_ingest_status is = (fg_ingest_status)-1;
    fg_text *t;
    const fg_doc *d = parse_seed(SEED_002, NULL, &t);
    pid_t child;
    int status = 0;
    int rc;

    (void)state;
    /* 4 busy timeouts of commits every 5 ms */
    rc = ingest_beside_writer(&child, 2000, 5, 1, 500, d, t, &is);
    assert_int_equal(waitpid(child, &status, 0), child);
    if (rc != FG_OK)
        fail_msg("ingest while another writer committed: %s", fg_error_last()->message);
    assert_int_equal(is, FG_INGEST_ADDED);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close_store();
    assert_int_equal(raw_int("SELECT count(*) FROM documents"), 2);
}

/*
 * A lock held a whole busy timeout with no commit is an error, not a wait without end; the
 * message names the document that was not stored, and the store stays usable.
 */
static void test_store__ingest_fails_on_a_held_lock_naming_the_document(void **state)
{
    fg_ingest_status is = (fg_ingest_status)-1;
    fg_text *t;
    const fg_doc *d = parse_seed(SEED_002, "x.txt", &t);
    const char *msg;
    pid_t child;
    int status = 0;
    int rc;

    (void)state;
    rc = ingest_beside_writer(&child, 3000, 3000, 0, 300, d, t, &is);
    msg = fg_error_last()->message;
    /* It gave up while the lock was still held: the holder has not ended. */
    assert_int_equal(waitpid(child, &status, WNOHANG), 0);
    assert_int_equal(rc, FG_EDB);
    if (strncmp(msg, "x.txt: ", 7) != 0 || strstr(msg, "database is locked") == NULL)
        fail_msg("want 'x.txt: … database is locked', got '%s'", msg);
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ingest_ok(d, t, NULL, FG_INGEST_ADDED);
    close_store();
    assert_int_equal(raw_int("SELECT count(*) FROM documents"), 2);
}

/*
 * fg_store_drop_unused() deletes a database with no document that nobody else has open,
 * and keeps one that holds a document or that another connection has open (a process that
 * may store documents in it).
 */
static void test_store__drop_unused_only_when_empty_and_unused(void **state)
{
    char *wal = tmp_file("test.db-wal");
    char *shm = tmp_file("test.db-shm");
    sqlite3 *other;
    int removed = -1;

    (void)state;
    assert_int_equal(fg_store_drop_unused(db_path, &removed), FG_OK); /* no file */
    assert_int_equal(removed, 0);
    open_store();
    close_store();
    /* empty, but another connection has read it and is still open */
    other = raw_open(db_path, SQLITE_OPEN_READONLY);
    assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM documents", NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(fg_store_drop_unused(db_path, &removed), FG_OK);
    assert_int_equal(removed, 0);
    assert_true(file_exists(db_path));
    sqlite3_close(other);
    /* a document: kept */
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    close_store();
    assert_int_equal(fg_store_drop_unused(db_path, &removed), FG_OK);
    assert_int_equal(removed, 0);
    assert_int_equal(raw_int("SELECT count(*) FROM documents"), 1);
    /* empty and unused: deleted with its companions */
    assert_int_equal(unlink(db_path), 0);
    open_store();
    close_store();
    assert_int_equal(fg_store_drop_unused(db_path, &removed), FG_OK);
    assert_int_equal(removed, 1);
    assert_false(file_exists(db_path));
    assert_false(file_exists(wal));
    assert_false(file_exists(shm));
}

/* A document is not reported stored in a database file deleted while the store is open. */
static void test_store__ingest_refuses_a_deleted_database(void **state)
{
    fg_ingest_status is = (fg_ingest_status)-1;
    fg_text *t;
    const fg_doc *d = parse_seed(SEED_002, "x.txt", &t);
    char want[1024];

    (void)state;
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    assert_int_equal(unlink(db_path), 0);
    assert_int_equal(ingest(&is, d, t, NULL), FG_EDB);
    snprintf(want, sizeof want, "x.txt: %s: the database file was deleted or replaced while "
             "this run had it open; not stored", db_path);
    assert_string_equal(fg_error_last()->message, want);
}

static void test_store__open_newer_schema_refused(void **state)
{
    fg_store_opts so = FG_STORE_OPTS_INIT;
    char want[1024];
    size_t len_before;
    size_t len_after;
    char *before;
    char *after;
    char *wal = tmp_file("test.db-wal");

    (void)state;
    raw_exec(db_path, "PRAGMA user_version = 99");
    before = read_bytes(db_path, &len_before);
    snprintf(want, sizeof want, "%s: schema version 99 is newer than this fengong", db_path);
    assert_int_equal(fg_store_open(&store, db_path, NULL), FG_EDB);
    assert_null(store);
    assert_int_equal(fg_error_last()->code, FG_EDB);
    assert_true(strncmp(fg_error_last()->message, want, strlen(want)) == 0);
    {
        char supported[16];

        snprintf(supported, sizeof supported, "(%d)", FG_STORE_SCHEMA_VERSION);
        assert_non_null(strstr(fg_error_last()->message, supported));
    }
    assert_non_null(strstr(fg_error_last()->message, "not changed"));
    so.read_only = 1;
    assert_int_equal(fg_store_open(&store, db_path, &so), FG_EDB);
    assert_true(strncmp(fg_error_last()->message, want, strlen(want)) == 0);
    after = read_bytes(db_path, &len_after);
    assert_int_equal(len_after, len_before);
    assert_memory_equal(after, before, len_before);
    assert_false(file_exists(wal));
    assert_int_equal(raw_int("PRAGMA user_version"), 99);
}

static void test_store__migrates_empty_version_1(void **state)
{
    fg_text *t;
    const fg_doc *d;
    rows *r;

    (void)state;
    raw_exec(db_path, migration_1_sql());
    raw_exec(db_path, "PRAGMA user_version = 1");
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master WHERE name = 'items_fts'"), 0);
    open_store();
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master WHERE name = 'items_fts'"), 1);
    d = parse_seed(SEED_001, NULL, &t);
    ingest_ok(d, t, NULL, FG_INGEST_ADDED);
    r = store_search("犬木塘水库", 0);
    assert_int_equal(r->n, 1);
    assert_true(strncmp(r->v[0], SEED_001 "\tM:2.3.3\t", strlen(SEED_001) + 9) == 0);
    assert_fts_consistent();
}

/* A version-1 database that already holds a document and an item: the migration indexes it. */
static void test_store__migrates_version_1_with_data(void **state)
{
    rows *r;

    (void)state;
    raw_exec(db_path, migration_1_sql());
    raw_exec(db_path,
             "PRAGMA user_version = 1;"
             "INSERT INTO documents(id, name, sha256, n_bytes, title, doc_number, issuer, year,"
             " date, ingested_at) VALUES (1, 'old.txt', '" /* 64 hex digits */
             "00000000000000000000000000000000000000000000000000000000000000aa',"
             " 10, '旧文件', '湘政发〔2020〕1号', '湖南省人民政府', 2020, '2020-01-02',"
             " '2020-01-02T00:00:00Z');"
             "INSERT INTO items(id, doc_id, seq, path, parent_id, marker, title, text, line)"
             " VALUES (1, 1, 1, 'M:1', NULL, '一、', '迁移之前的事项', "
             "'迁移之前的事项。做好旧库升级工作', 3);");
    open_store();
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
    r = store_search("旧库升级", 0);
    assert_int_equal(r->n, 1);
    assert_string_equal(r->v[0], "old.txt\tM:1\t迁移之前的事项\t\t");
    r = store_search("旧库", 0);
    assert_int_equal(r->n, 1);
    assert_string_equal(r->v[0], "old.txt\tM:1\t迁移之前的事项\t\t");
    r = new_rows(4);
    assert_int_equal(fg_store_documents(store, collect_document, r), FG_OK);
    assert_int_equal(r->n, 1);
    assert_string_equal(r->v[0], "old.txt\t湘政发〔2020〕1号\t2020\t2020-01-02");
    assert_fts_consistent();
}

/* What the read functions give for the store at db_path, one string per function. */
static char *read_all(void)
{
    rows *r[6];
    size_t len = 1;
    char *out;

    for (size_t k = 0; k < 6; k++)
        r[k] = new_rows(0);
    assert_int_equal(fg_store_documents(store, collect_document, r[0]), FG_OK);
    assert_int_equal(fg_store_assignments(store, NULL, collect_edge, r[1]), FG_OK);
    assert_int_equal(fg_store_team_members(store, NULL, NULL, collect_member, r[2]), FG_OK);
    assert_int_equal(fg_store_agencies(store, collect_agency, r[3]), FG_OK);
    assert_int_equal(fg_store_agency_tasks(store, "省财政厅", collect_agency_task, r[4]), FG_OK);
    assert_int_equal(fg_store_search(store, "专项债券", 0, collect_hit, r[5]), FG_OK);
    for (size_t k = 0; k < 6; k++) {
        assert_true(r[k]->n > 0);
        for (size_t i = 0; i < r[k]->n; i++)
            len += strlen(r[k]->v[i]) + 1;
    }
    out = own(malloc(len));
    out[0] = '\0';
    for (size_t k = 0; k < 6; k++) {
        for (size_t i = 0; i < r[k]->n; i++) {
            strcat(out, r[k]->v[i]);
            strcat(out, "\n");
        }
    }
    return out;
}

/*
 * A version-2 database holding the seeds (assignments and team members with rowids, stored
 * out of order, and indexed by agency) migrates to version 3 keeping every row: it reads back exactly like the
 * version-3 store it was copied from, and takes new documents.
 */
static void test_store__migrates_version_2_with_data(void **state)
{
    char *want;
    char *have;
    char *want_rows;
    char *want_members;

    (void)state;
    open_seeded("v3.db");
    forget_unparsed();
    want = read_all();
    close_store();
    want_rows = own(strdup(raw_text("SELECT group_concat(r, char(10)) FROM (SELECT clause_id || "
                                    "' ' || seq || ' ' || agency_id || ' ' || role || ' ' || "
                                    "kind || ' ' || surface AS r FROM assignments "
                                    "ORDER BY clause_id, seq)")));

    want_members = own(strdup(raw_text("SELECT group_concat(r, char(10)) FROM (SELECT team_id "
                                       "|| ' ' || seq || ' ' || role || ' ' || "
                                       "coalesce(agency_id, '-') || ' ' || kind || ' ' || "
                                       "surface AS r FROM team_members ORDER BY team_id, seq)")));
    assert_true(strlen(want_members) > 1000);

    make_old_store(2, DOCUMENTS_V1_COLS,
                   "INSERT INTO assignments(clause_id, seq, agency_id, role, kind, surface)"
                   " SELECT clause_id, seq, agency_id, role, kind, surface FROM cur.assignments"
                   " ORDER BY clause_id DESC, seq DESC;"
                   "INSERT INTO teams SELECT * FROM cur.teams;"
                   "INSERT INTO team_members(team_id, seq, role, agency_id, kind, surface)"
                   " SELECT team_id, seq, role, agency_id, kind, surface FROM cur.team_members"
                   " ORDER BY team_id DESC, seq DESC;");
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master WHERE name IN "
                             "('assignments_agency', 'team_members_agency')"),
                     2);

    open_store();
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master WHERE name IN "
                             "('assignments_agency', 'team_members_agency') OR name LIKE '%_v3'"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master WHERE name IN ('assignments', "
                             "'team_members') AND sql LIKE '%WITHOUT ROWID'"),
                     2);
    assert_string_equal(raw_text("SELECT group_concat(r, char(10)) FROM (SELECT clause_id || "
                                 "' ' || seq || ' ' || agency_id || ' ' || role || ' ' || "
                                 "kind || ' ' || surface AS r FROM assignments)"),
                        want_rows);
    assert_string_equal(raw_text("SELECT group_concat(r, char(10)) FROM (SELECT team_id || ' ' "
                                 "|| seq || ' ' || role || ' ' || coalesce(agency_id, '-') || "
                                 "' ' || kind || ' ' || surface AS r FROM team_members)"),
                        want_members);
    have = read_all();
    assert_string_equal(have, want);
    assert_fts_consistent();
    assert_no_orphans();
    assert_int_equal(raw_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    {
        fg_text *t;
        const fg_doc *d = parse_mem("mem/after.txt",
                                    "一、做好迁移以后的工作\n"
                                    "（一）完善数据库升级方案。（省财政厅牵头，省发展改革委配合）\n",
                                    &t);
        rows *r = new_rows(0);

        ingest_ok(d, t, NULL, FG_INGEST_ADDED);
        assert_int_equal(fg_store_assignments(store, "after.txt", collect_edge, r), FG_OK);
        assert_int_equal(r->n, 2);
    }
    assert_no_orphans();
}

/*
 * Version 3 indexed title and text; version 4 the text alone. The old index goes, search
 * scans until the next fg_store_index, and then finds through the new index what it found
 * through the old one.
 */
static rows *hit_set(const char *q);

static void test_store__migrates_version_3_search_index(void **state)
{
    static const char *const queries[] = {"财政厅", "犬木塘水库", "发展改革委", "攻坚", "产业"};
    rows *before[sizeof queries / sizeof queries[0]];
    char *want;
    size_t n_items;
    size_t n_indexed = 0;

    (void)state;
    open_seeded("v4.db");
    forget_unparsed();
    want = read_all();
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        before[q] = hit_set(queries[q]);
        assert_true(before[q]->n > 0);
    }
    close_store();

    /* The same data in a version 3 database, indexed the version 3 way. */
    make_old_store(3, DOCUMENTS_V1_COLS,
                   "INSERT INTO assignments SELECT * FROM cur.assignments;"
                   "INSERT INTO teams SELECT * FROM cur.teams;"
                   "INSERT INTO team_members SELECT * FROM cur.team_members;"
                   "INSERT INTO items_fts(rowid, title, text) SELECT id, title, text FROM items;"
                   "UPDATE meta SET value = (SELECT max(id) FROM items) WHERE key = 'fts_upto';");
    n_items = (size_t)raw_int("SELECT count(*) FROM items");
    assert_true(raw_int("SELECT count(*) FROM items_fts_docsize") == (long long)n_items);

    open_store();
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int("SELECT value FROM meta WHERE key = 'fts_upto'"), 0);
    assert_int_equal(raw_int("SELECT count(*) FROM items_fts_docsize"), 0);
    assert_int_equal(raw_int("SELECT count(*) FROM pragma_table_info('items_fts')"), 1);
    assert_string_equal(raw_text("SELECT name FROM pragma_table_info('items_fts')"), "text");
    assert_string_equal(read_all(), want);
    /* by a scan, then through the new index: the same items */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
            assert_same_rows(hit_set(queries[q]), before[q], queries[q]);
        if (pass == 0) {
            assert_int_equal(fg_store_index(store, &n_indexed), FG_OK);
            assert_int_equal(n_indexed, n_items);
        }
    }
    assert_fts_consistent();
    /* the delete trigger takes the new column: removing a document keeps the index whole */
    assert_int_equal(fg_store_remove(store, SEED_001), FG_OK);
    assert_fts_consistent();
    assert_int_equal(raw_int("SELECT count(*) FROM items_fts_docsize"),
                     raw_int("SELECT count(*) FROM items"));
}

/* A document with three statements the parser does not understand (see test_parse.c). */
static const char unparsed_src[] =
    "江西省人民政府办公厅关于印发《2024年全省重点工作任务分工方案》的通知\n"
    "一、着力扩大有效需求\n"
    "1．加快推进昌景黄高铁、长赣高铁等重大交通项目建设。（省交通运输厅、国铁南昌局集团配合）\n"
    "2．用好用足地方政府专项债券。（具体责任分工由省财政厅会同有关部门另行明确）\n"
    "3．开展“消费促进年”系列活动。（省商务厅牵头，省发展改革委按职责分工负责）\n"
    "4．培育壮大文旅消费新业态。\n"
    "责任单位：2024年12月底前完成\n";

/*
 * Version 5 counts each document's notes (documents.n_unparsed): a version-4 store keeps
 * its rows, its documents say nothing about notes (never checked, shown as ""), an identical
 * re-ingest changes nothing, and a new document is stored with its count.
 */
static void test_store__migrates_version_4_unparsed_count(void **state)
{
    char *want;
    rows *r;
    fg_text *t;
    const fg_doc *d;

    (void)state;
    open_seeded("v5.db");
    forget_unparsed();
    want = read_all();
    close_store();

    make_old_store(4, DOCUMENTS_V1_COLS, COPY_REST_V4);
    assert_int_equal(raw_int("SELECT count(*) FROM pragma_table_info('documents') "
                             "WHERE name = 'n_unparsed'"),
                     0);

    open_store();
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int("SELECT count(*) FROM documents WHERE n_unparsed IS NULL"), 2);
    /* migration 6: the format of a document stored before it is NULL, listed as text */
    assert_int_equal(raw_int("SELECT count(*) FROM documents WHERE format IS NULL"), 2);
    assert_string_equal(read_all(), want);
    /* documents: …, teams, unparsed "" (never checked), format, title */
    r = new_rows(11);
    assert_int_equal(fg_store_documents(store, collect_document, r), FG_OK);
    assert_int_equal(r->n, 2);
    assert_non_null(strstr(r->v[0], "\t0\t\ttext\t湖南省人民政府关于印发"));
    ingest_seed(SEED_001, NULL, FG_INGEST_UNCHANGED);
    assert_int_equal(raw_int("SELECT count(*) FROM documents WHERE n_unparsed IS NULL"), 2);

    d = parse_mem("mem/unparsed.txt", unparsed_src, &t);
    assert_int_equal(d->n_notes, 3);
    ingest_ok(d, t, NULL, FG_INGEST_ADDED);
    assert_int_equal(raw_int("SELECT n_unparsed FROM documents WHERE name = 'unparsed.txt'"), 3);
    assert_int_equal(raw_int("SELECT count(*) FROM documents WHERE name = 'unparsed.txt' AND "
                             "format = 'text'"),
                     1);
    r = new_rows(9);
    assert_int_equal(fg_store_documents(store, collect_document, r), FG_OK);
    assert_int_equal(r->n, 3);
    /* no 文号 or signature: the year is the title's (《2024年全省重点工作任务分工方案》) */
    assert_string_equal(r->v[2], "unparsed.txt\t\t2024\t\t5\t1\t2\t0\t3");
    assert_no_orphans();
}

/* ---- ingest ---- */

static void test_store__round_trip_matches_gold(void **state)
{
    rows *teams = new_rows(4);
    rows *all;

    (void)state;
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
    assert_same_rows(store_assignments(5), gold_rows("assignments.tsv", NULL), "assignments");
    assert_int_equal(fg_store_team_members(store, NULL, NULL, collect_member, teams), FG_OK);
    assert_same_rows(teams, gold_rows("teams.tsv", NULL), "teams");
    /* Without a gazetteer no name is known, and the agency is the surface form. */
    all = store_assignments(0);
    for (size_t i = 0; i < all->n; i++) {
        const char *status = strrchr(all->v[i], '\t') + 1;

        if (strcmp(status, "unresolved") != 0 && strcmp(status, "generic") != 0 &&
            strcmp(status, "group") != 0)
            fail_msg("unexpected status: %s", all->v[i]);
    }
    assert_int_equal(raw_int("SELECT count(*) FROM assignments a JOIN agencies g"
                             " ON g.id = a.agency_id WHERE g.name <> a.surface"),
                     0);
    assert_fts_consistent();
    assert_no_orphans();
}

static void test_store__documents_lists_counts(void **state)
{
    fg_text *t;
    const fg_doc *d;
    fg_ingest_status is;
    rows *r = new_rows(0);
    rows *gold = gold_rows("assignments.tsv", SEED_001);
    size_t n_clauses = 0;
    char want[4096];

    (void)state;
    /* distinct (doc, item, clause) of the sorted gold rows */
    for (size_t i = 0; i < gold->n; i++) {
        const char *a = gold->v[i];
        const char *b = i ? gold->v[i - 1] : "";
        const char *end = strchr(strchr(strchr(a, '\t') + 1, '\t') + 1, '\t');
        size_t n = (size_t)(end - a) + 1;

        n_clauses += strncmp(a, b, n) != 0;
    }
    open_store();
    d = parse_seed(SEED_001, NULL, &t);
    assert_int_equal(ingest(&is, d, t, NULL), FG_OK);
    assert_int_equal(fg_store_documents(store, collect_document, r), FG_OK);
    assert_int_equal(r->n, 1);
    /*
     * name, 文号, year, date, items, clauses, assignments (gold: 783), teams, unparsed (the
     * seed has no statement the parser did not understand), format, title, sha256
     */
    snprintf(want, sizeof want,
             "%s\t湘政发〔2022〕1号\t2022\t2022-01-19\t%zu\t%zu\t%zu\t0\t0\ttext\t%s\t%s\t",
             SEED_001,
             d->n_items, n_clauses, gold->n, d->title, fg_text_sha256(t));
    if (strncmp(r->v[0], want, strlen(want)) != 0)
        fail_msg("documents row\n  have %s\n  want %s…", r->v[0], want);
    assert_int_equal(gold->n, 783);
    assert_int_equal(n_clauses, 194);
    /* ingested_at is an ISO UTC time stamp */
    assert_int_equal(strlen(r->v[0] + strlen(want)), 20);
    assert_int_equal(r->v[0][strlen(want) + 19], 'Z');
}

static void test_store__reingest_same_content_unchanged(void **state)
{
    char *before;

    (void)state;
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    before = dump_db();
    ingest_seed(SEED_001, NULL, FG_INGEST_UNCHANGED);
    assert_string_equal(dump_db(), before);
    /* the store is still usable: no transaction was left open */
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
    assert_same_rows(store_assignments(5), gold_rows("assignments.tsv", NULL), "assignments");
}

static void test_store__changed_content_needs_replace(void **state)
{
    fg_text *t1;
    fg_text *t2;
    const fg_doc *d1 = parse_seed(SEED_001, "x.txt", &t1);
    const fg_doc *d2 = parse_seed(SEED_002, "x.txt", &t2);
    fg_ingest_status is;
    char want[1024];
    char *before;

    (void)state;
    open_store();
    ingest_ok(d1, t1, NULL, FG_INGEST_ADDED);
    before = dump_db();
    assert_int_equal(ingest(&is, d2, t2, NULL), FG_EINVAL);
    snprintf(want, sizeof want,
             "x.txt: a different version is already stored (sha256 %.12s…, "
             "now %.12s…); use --replace to swap it",
             fg_text_sha256(t1), fg_text_sha256(t2));
    assert_int_equal(fg_error_last()->code, FG_EINVAL);
    assert_string_equal(fg_error_last()->message, want);
    assert_non_null(strstr(fg_error_last()->message, "use --replace"));
    assert_string_equal(dump_db(), before);
    /* no transaction left open: another document goes in */
    ingest_seed(SEED_001, NULL, FG_INGEST_DUPLICATE);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
}

/* An open store holding seed 001 under the name x.txt, indexed (as 'fengong ingest' does). */
static void store_x(void)
{
    fg_text *t;
    const fg_doc *d = parse_seed(SEED_001, "x.txt", &t);
    fg_ingest_status is;

    open_store();
    assert_int_equal(ingest(&is, d, t, NULL), FG_OK);
    assert_int_equal(fg_store_index(store, NULL), FG_OK);
}

/* Seed 002 stored with replace under the name x.txt, replacing it: its document (text in *t). */
static const fg_doc *replace_x(fg_text **t)
{
    const fg_doc *d = parse_seed(SEED_002, "x.txt", t);
    fg_ingest_opts io = FG_INGEST_OPTS_INIT;

    io.replace = 1;
    ingest_ok(d, *t, &io, FG_INGEST_REPLACED);
    return d;
}

static void test_store__replace_swaps_old_rows(void **state)
{
    fg_text *t2;
    const fg_doc *d2;
    fg_ingest_opts io = FG_INGEST_OPTS_INIT;
    rows *r = new_rows(0);
    rows *gold = rename_doc(gold_rows("assignments.tsv", SEED_002), "x.txt");
    char want_doc[256];

    (void)state;
    store_x();
    assert_int_equal(store_search("犬木塘水库", 0)->n, 1);
    d2 = replace_x(&t2);
    assert_same_rows(store_assignments(5), gold, "assignments");
    assert_int_equal(fg_store_documents(store, collect_document, r), FG_OK);
    assert_int_equal(r->n, 1);
    snprintf(want_doc, sizeof want_doc, "\t%s\t", fg_text_sha256(t2));
    assert_non_null(strstr(r->v[0], want_doc));
    assert_int_equal(raw_int("SELECT count(*) FROM documents"), 1);
    assert_int_equal(raw_int("SELECT count(*) FROM items"), (long long)d2->n_items);
    assert_int_equal(raw_int("SELECT count(*) FROM teams"), (long long)d2->n_teams);
    assert_int_equal(raw_int("SELECT count(*) FROM assignments"), (long long)gold->n);
    assert_no_orphans();
    /* 犬木塘水库 is only in 001: the old version's text is gone from the index */
    assert_int_equal(store_search("犬木塘水库", 0)->n, 0);
    assert_int_equal(store_search("犬木", 0)->n, 0);
    /* replacing with the same content is a no-op */
    io.replace = 1;
    ingest_ok(d2, t2, &io, FG_INGEST_UNCHANGED);
}

/*
 * The new version of a replaced document (the newest one, so SQLite may hand its items the
 * ids the old items had) is found through the index and can be removed again.
 */
static void test_store__replaced_document_searchable_and_removable(void **state)
{
    fg_text *t2;
    rows *gold = rename_doc(gold_rows("assignments.tsv", SEED_002), "x.txt");
    rows *keys = gold_items_naming(gold, NULL, "财政厅");

    (void)state;
    store_x();
    replace_x(&t2);
    check_search("财政", gold, keys);     /* 2 characters: scan */
    check_search("省财政厅", gold, keys); /* 4 characters: index, then scan of the rest */
    assert_int_equal(fg_store_index(store, NULL), FG_OK);
    check_search("省财政厅", gold, keys);
    assert_fts_consistent();
    if (fg_store_remove(store, "x.txt") != FG_OK)
        fail_msg("remove x.txt: %s", fg_error_last()->message);
    assert_int_equal(raw_int("SELECT count(*) FROM items"), 0);
}

static void test_store__same_content_other_name_duplicate(void **state)
{
    fg_text *t1;
    fg_text *t2;
    const fg_doc *d1 = parse_seed(SEED_001, NULL, &t1);
    const fg_doc *d2 = parse_seed(SEED_001, "copy.txt", &t2);
    fg_ingest_status is;
    char *before;

    (void)state;
    open_store();
    assert_int_equal(ingest(&is, d1, t1, NULL), FG_OK);
    before = dump_db();
    is = (fg_ingest_status)-1;
    ingest_ok(d2, t2, NULL, FG_INGEST_DUPLICATE);
    assert_string_equal(fg_error_last()->message,
                        "copy.txt: same content as the stored document " SEED_001 "; skipped");
    assert_string_equal(dump_db(), before);
    assert_int_equal(raw_int("SELECT count(*) FROM documents"), 1);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
}

static void test_store__document_without_items_refused(void **state)
{
    fg_text *t;
    const fg_doc *d = parse_mem("mem/plain.txt",
                                "关于做好春节期间有关工作的通知\n\n"
                                "各单位：\n请认真做好值班值守，确保平安过节。\n",
                                &t);
    fg_ingest_status is;
    char *before;

    (void)state;
    assert_int_equal(d->n_items, 0);
    assert_int_equal(d->n_teams, 0);
    open_store();
    before = dump_db();
    assert_int_equal(ingest(&is, d, t, NULL), FG_EPARSE);
    assert_int_equal(fg_error_last()->code, FG_EPARSE);
    assert_string_equal(fg_error_last()->message,
                        "plain.txt: no numbered items, clauses or work teams: not a "
                        "task-division document");
    assert_string_equal(dump_db(), before);
}

static void test_store__ingest_rejects_bad_sha256(void **state)
{
    fg_text *t;
    const fg_doc *d = parse_seed(SEED_001, NULL, &t);
    fg_ingest_status is;

    (void)state;
    open_store();
    assert_int_equal(fg_store_ingest(&is, store, d, "abc", t->n_bytes, NULL), FG_EINVAL);
    assert_string_equal(fg_error_last()->message,
                        "fg_store_ingest: status, store, doc and a 64-digit sha256 are required");
    assert_int_equal(raw_int("SELECT count(*) FROM documents"), 0);
}

/* A failure late in the document (the work teams of 002) leaves nothing behind. */
static void test_store__failed_ingest_leaves_db_unchanged(void **state)
{
    fg_text *t;
    const fg_doc *d = parse_seed(SEED_002, NULL, &t);
    fg_ingest_status is;
    char *before;
    char want[1024];

    (void)state;
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    raw_exec(db_path, "CREATE TRIGGER fail_member BEFORE INSERT ON team_members BEGIN "
                      "SELECT RAISE(ABORT, 'injected failure'); END;");
    before = dump_db();
    assert_int_equal(ingest(&is, d, t, NULL), FG_EDB);
    assert_int_equal(fg_error_last()->code, FG_EDB);
    /* the message names the document that was not stored */
    snprintf(want, sizeof want, "%s: %s: cannot add a team member: injected failure", d->name,
             db_path);
    assert_string_equal(fg_error_last()->message, want);
    assert_string_equal(dump_db(), before);
    raw_exec(db_path, "DROP TRIGGER fail_member");
    before = dump_db();
    /* a failure inside a multi-row insert (the 600th assignment) leaves nothing either */
    raw_exec(db_path, "CREATE TRIGGER fail_assignment BEFORE INSERT ON assignments "
                      "WHEN (SELECT count(*) FROM assignments) >= 1383 BEGIN "
                      "SELECT RAISE(ABORT, 'injected failure'); END;");
    assert_int_equal(ingest(&is, d, t, NULL), FG_EDB);
    snprintf(want, sizeof want, "%s: %s: cannot add an assignment: injected failure", d->name,
             db_path);
    assert_string_equal(fg_error_last()->message, want);
    raw_exec(db_path, "DROP TRIGGER fail_assignment");
    assert_string_equal(dump_db(), before);
    ingest_ok(d, t, NULL, FG_INGEST_ADDED);
    assert_same_rows(store_assignments(5), gold_rows("assignments.tsv", NULL), "assignments");
}

/* ---- remove ---- */

static void test_store__remove_existing(void **state)
{
    long long n_agencies;
    rows *r = new_rows(1);
    rows *gold2 = gold_rows("assignments.tsv", SEED_002);

    (void)state;
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
    assert_int_equal(fg_store_index(store, NULL), FG_OK);
    n_agencies = raw_int("SELECT count(*) FROM agencies");
    assert_int_equal(fg_store_remove(store, SEED_001), FG_OK);
    assert_int_equal(fg_store_documents(store, collect_document, r), FG_OK);
    assert_int_equal(r->n, 1);
    assert_string_equal(r->v[0], SEED_002);
    assert_same_rows(store_assignments(5), gold2, "assignments");
    assert_int_equal(raw_int("SELECT count(*) FROM agencies"), n_agencies);
    assert_no_orphans();
    assert_fts_consistent();
    assert_int_equal(store_search("犬木塘水库", 0)->n, 0);
    /* and it can come back */
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    assert_same_rows(store_assignments(5), gold_rows("assignments.tsv", NULL), "assignments");
    assert_fts_consistent();
}

/* Remove the newest document and store it again: its items are searchable and removable. */
static void test_store__reingest_after_remove_searchable(void **state)
{
    rows *gold2 = gold_rows("assignments.tsv", SEED_002);

    (void)state;
    open_store();
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
    assert_int_equal(fg_store_index(store, NULL), FG_OK);
    assert_int_equal(fg_store_remove(store, SEED_002), FG_OK);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
    check_search("省财政厅", gold2, gold_items_naming(gold2, NULL, "财政厅"));
    assert_int_equal(fg_store_index(store, NULL), FG_OK);
    check_search("省财政厅", gold2, gold_items_naming(gold2, NULL, "财政厅"));
    assert_fts_consistent();
    if (fg_store_remove(store, SEED_002) != FG_OK)
        fail_msg("remove %s: %s", SEED_002, fg_error_last()->message);
    assert_int_equal(raw_int("SELECT count(*) FROM items"), 0);
}

static void test_store__remove_missing(void **state)
{
    char want[1024];
    char *before;

    (void)state;
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    before = dump_db();
    assert_int_equal(fg_store_remove(store, "nope.txt"), FG_ENOTFOUND);
    snprintf(want, sizeof want, "nope.txt: no such document in %s", db_path);
    assert_int_equal(fg_error_last()->code, FG_ENOTFOUND);
    assert_string_equal(fg_error_last()->message, want);
    assert_string_equal(dump_db(), before);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
}

/* ---- agencies ---- */

static const char my_gazetteer[] =
    "canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
    "湖南省人民政府外事办公室\t省外事办|省政府外事办\tprovince\tgovernment\t\t\ttest\n";

static void test_store__aliases_resolve_to_one_agency(void **state)
{
    rows *tasks = new_rows(5);
    rows *want = new_rows(0);
    rows *gold = gold_rows("assignments.tsv", NULL);

    (void)state;
    load_gazetteer("test.tsv", my_gazetteer);
    open_store();
    ingest_seed(SEED_001, gaz, FG_INGEST_ADDED);
    ingest_seed(SEED_002, gaz, FG_INGEST_ADDED);
    /* the surface forms are kept */
    assert_same_rows(store_assignments(5), gold, "assignments");
    assert_int_equal(raw_int("SELECT count(*) FROM agencies WHERE name IN ('省外事办', "
                             "'省政府外事办')"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM agencies WHERE name = "
                             "'湖南省人民政府外事办公室' AND status = 'known' AND level = "
                             "'province' AND type = 'government' AND source = 'test'"),
                     1);
    assert_int_equal(raw_int("SELECT count(*) FROM aliases a JOIN agencies g ON g.id = "
                             "a.agency_id WHERE g.name = '湖南省人民政府外事办公室'"),
                     2);
    /* both forms' rows (1 in 001, 6 in 002) point at the one agency */
    for (size_t i = 0; i < gold->n; i++) {
        const char *agency = strrchr(gold->v[i], '\t') + 1;

        if (strcmp(agency, "省外事办") == 0 || strcmp(agency, "省政府外事办") == 0)
            rows_push(want, strdup(gold->v[i]));
    }
    assert_int_equal(want->n, 7);
    assert_int_equal(raw_int("SELECT count(*) FROM assignments a JOIN agencies g ON g.id = "
                             "a.agency_id WHERE g.name = '湖南省人民政府外事办公室'"),
                     7);
    assert_int_equal(fg_store_agency_tasks(store, "省外事办", collect_agency_task, tasks), FG_OK);
    assert_same_rows(tasks, want, "agency tasks by alias");
    tasks = new_rows(5);
    assert_int_equal(
        fg_store_agency_tasks(store, "湖南省人民政府外事办公室", collect_agency_task, tasks), FG_OK);
    assert_same_rows(tasks, want, "agency tasks by canonical name");
    tasks = new_rows(5);
    assert_int_equal(fg_store_agency_tasks(store, "省外事厅", collect_agency_task, tasks),
                     FG_ENOTFOUND);
    {
        char msg[1024];

        snprintf(msg, sizeof msg, "省外事厅: no such agency in %s", db_path);
        assert_string_equal(fg_error_last()->message, msg);
    }
}

static void test_store__unknown_names_unresolved(void **state)
{
    rows *u = new_rows(0);
    char want[256];
    size_t n_caizheng = 0;
    rows *gold = gold_rows("assignments.tsv", SEED_001);

    (void)state;
    load_gazetteer("test.tsv", "canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
                               "省发展改革委\t省发改委\tprovince\tgovernment\t\t\ttest\n");
    open_store();
    ingest_seed(SEED_001, gaz, FG_INGEST_ADDED);
    assert_string_equal(raw_text("SELECT status FROM agencies WHERE name = '省财政厅'"),
                        "unresolved");
    assert_string_equal(raw_text("SELECT status FROM agencies WHERE name = '省发展改革委'"),
                        "known");
    assert_string_equal(raw_text("SELECT status FROM agencies WHERE name = '各部门单位'"),
                        "generic");
    assert_int_equal(fg_store_unresolved(store, collect_unresolved, u), FG_OK);
    for (size_t i = 0; i < gold->n; i++)
        n_caizheng += strcmp(strrchr(gold->v[i], '\t') + 1, "省财政厅") == 0;
    snprintf(want, sizeof want, "省财政厅\t%zu\t%s", n_caizheng, SEED_001);
    assert_true(n_caizheng > 10);
    assert_true(has_row(u, want));
    for (size_t i = 0; i < u->n; i++) {
        if (strncmp(u->v[i], "省发展改革委\t", strlen("省发展改革委\t")) == 0 ||
            strncmp(u->v[i], "各部门单位\t", strlen("各部门单位\t")) == 0)
            fail_msg("listed as unresolved: %s", u->v[i]);
    }
}

/*
 * The gazetteer is an option of each ingest: names stored as unresolved are promoted, and
 * names mapped to a canonical agency, when a later ingest's gazetteer knows them, on the
 * same store handle as on a fresh one.
 */
static void test_store__later_gazetteer_promotes_stored_names(void **state)
{
    fg_gazetteer *g2 = NULL;
    rows *u = new_rows(1);
    fg_ingest_opts io = FG_INGEST_OPTS_INIT;
    fg_ingest_status is;
    fg_text *t;
    const fg_doc *d2 = parse_seed(SEED_002, NULL, &t);
    int rc;

    (void)state;
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    assert_string_equal(raw_text("SELECT status FROM agencies WHERE name = '省财政厅'"),
                        "unresolved");
    load_gazetteer("test2.tsv", "canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
                                "省财政厅\t\tprovince\tgovernment\t\t\ttest2\n"
                                "湖南省工业和信息化厅\t省工业和信息化厅\tprovince\tgovernment"
                                "\t\t\ttest2\n");
    g2 = gaz;
    io.gazetteer = g2;
    rc = ingest(&is, d2, t, &io);
    assert_int_equal(rc, FG_OK);
    assert_int_equal(is, FG_INGEST_ADDED);
    assert_int_equal(fg_store_unresolved(store, collect_unresolved, u), FG_OK);
    assert_true(has_row(u, "省发展改革委"));
    assert_int_equal(raw_int("SELECT count(*) FROM agencies WHERE name = '省财政厅' AND "
                             "status = 'known' AND source = 'test2'"),
                     1);
    assert_false(has_row(u, "省财政厅"));
    /* 002's 省工业和信息化厅 rows go to the canonical agency; 001's stay where they were */
    assert_int_equal(raw_int("SELECT count(*) FROM assignments a JOIN clauses c ON c.id = "
                             "a.clause_id JOIN items i ON i.id = c.item_id JOIN documents d ON "
                             "d.id = i.doc_id JOIN agencies g ON g.id = a.agency_id WHERE "
                             "a.surface = '省工业和信息化厅' AND d.name = '" SEED_002 "' AND "
                             "g.name <> '湖南省工业和信息化厅'"),
                     0);
}

/* The bundled list (graphs/agencies.tsv, being curated) knows 省应急厅 = 省应急管理厅. */
static void test_store__bundled_gazetteer_unifies_emergency_names(void **state)
{
    const fg_agency_entry *a;
    const fg_agency_entry *b;
    rows *gold = gold_rows("assignments.tsv", NULL);
    size_t n_rows = 0;
    char sql[512];

    (void)state;
    assert_int_equal(fg_gazetteer_load_default(&gaz), FG_OK);
    a = fg_gazetteer_lookup(gaz, "省应急厅", strlen("省应急厅"));
    b = fg_gazetteer_lookup(gaz, "省应急管理厅", strlen("省应急管理厅"));
    assert_non_null(a);
    assert_ptr_equal(a, b);
    open_store();
    ingest_seed(SEED_001, gaz, FG_INGEST_ADDED);
    ingest_seed(SEED_002, gaz, FG_INGEST_ADDED);
    assert_same_rows(store_assignments(5), gold_rows("assignments.tsv", NULL), "assignments");
    for (size_t i = 0; i < gold->n; i++) {
        const char *agency = strrchr(gold->v[i], '\t') + 1;

        n_rows += strcmp(agency, "省应急厅") == 0 || strcmp(agency, "省应急管理厅") == 0;
    }
    assert_int_equal(n_rows, 14); /* 6 of 省应急厅 (001 and 002), 8 of 省应急管理厅 (002) */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM assignments a JOIN agencies g ON g.id = "
             "a.agency_id WHERE a.surface IN ('省应急厅', '省应急管理厅') AND g.name = '%s' AND "
             "g.status = 'known'",
             a->canonical);
    assert_int_equal(raw_int(sql), (long long)n_rows);
    assert_int_equal(raw_int("SELECT count(DISTINCT agency_id) FROM assignments WHERE surface "
                             "IN ('省应急厅', '省应急管理厅')"),
                     1);
}

/* ---- search ---- */

/* The hits of q as a sorted set of "doc\titem" (order and limit aside). */
static rows *hit_set(const char *q)
{
    rows *hits = store_search(q, 0);
    rows *set = new_rows(0);

    for (size_t i = 0; i < hits->n; i++) {
        char *k = strdup(hits->v[i]);

        assert_non_null(k);
        *strchr(strchr(k, '\t') + 1, '\t') = '\0';
        rows_push(set, k);
    }
    sort_rows(set);
    return set;
}

static void test_store__search_trigram_and_scan(void **state)
{
    static const char m233[] = SEED_001 "\tM:2.3.3\t";
    static const char *const queries[] = {"财政",       "省财政厅",   "财政厅", "犬木",
                                          "犬木塘水库", "发展改革委", "攻坚"};
    rows *gold = gold_rows("assignments.tsv", NULL);
    rows *keys = gold_items_naming(gold, NULL, "财政厅");
    rows *before[sizeof queries / sizeof queries[0]];
    rows *hits;
    char expect[8192];
    char have[8192];
    char doc[128];
    char item[128];
    size_t n_indexed = 0;

    (void)state;
    assert_true(keys->n > 50);
    open_store();
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);

    /* pass 0: nothing indexed yet (every query scans); pass 1: through the FTS5 index */
    for (int pass = 0; pass < 2; pass++) {
        /* 5 characters (index) and 2 characters (scan) find the one item, with its agencies */
        for (int k = 0; k < 2; k++) {
            hits = store_search(k == 0 ? "犬木塘水库" : "犬木", 0);
            assert_int_equal(hits->n, 1);
            assert_true(strncmp(hits->v[0], m233, strlen(m233)) == 0);
            assert_true(strncmp(hits->v[0] + strlen(m233), "聚焦完善“五张网”，适度超前",
                                strlen("聚焦完善“五张网”，适度超前")) == 0);
            row_lead_co(have, sizeof have, hits->v[0], doc, item);
            assert_string_equal(have, "省发展改革委\t省交通运输厅、省住房城乡建设厅、"
                                      "省农业农村厅、省卫生健康委、省机场管理集团、省水利厅、"
                                      "省生态环境厅、省能源局、省自然资源厅、省财政厅");
            gold_lead_co(expect, sizeof expect, gold, doc, item);
            assert_string_equal(have, expect);
        }
        /* every gold item naming 省财政厅 is found, each hit with the gold's lead and co */
        check_search("财政", gold, keys);
        check_search("省财政厅", gold, keys);
        check_search("财政厅", gold, keys);
        if (pass == 0) {
            for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
                before[q] = hit_set(queries[q]);
            assert_int_equal(fg_store_index(store, &n_indexed), FG_OK);
            assert_int_equal(n_indexed, docs[0]->n_items + docs[1]->n_items);
        } else {
            /* the index finds exactly what the scan found */
            for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
                assert_same_rows(hit_set(queries[q]), before[q], queries[q]);
        }
    }
    assert_true(before[0]->n >= before[1]->n);
    assert_int_equal(store_search("财政", 1)->n, 1);
    assert_int_equal(store_search("财政厅", 3)->n, 3);
    assert_int_equal(store_search("没有这样的文字", 0)->n, 0);
    /* quotes and FTS syntax are searched for literally, not parsed */
    assert_int_equal(store_search("省财政厅\" OR \"省", 0)->n, 0);
    assert_int_equal(store_search("NEAR(财政 厅)*", 0)->n, 0);
    assert_int_equal(fg_store_search(store, "", 0, collect_hit, new_rows(0)), FG_EINVAL);
    assert_string_equal(fg_error_last()->message, "search: empty query");
    assert_fts_consistent();
}

/*
 * Items with clauses first, then those whose title holds the query, then the index's rank:
 * the same order by a scan and through the index.
 */
static void test_store__search_title_first(void **state)
{
    static const char src[] =
        "一、统筹推进各项工作\n"
        "（一）加强统筹协调。推进重点水利工程建设，做好防汛抗旱。（省水利厅牵头）\n"
        "（二）重点水利工程建设。加快在建项目进度。（省发展改革委牵头，省水利厅配合）\n"
        "（三）重点水利工程建设情况通报。\n"
        "（四）完善农田灌溉设施。开展重点水利工程建设的前期工作，推进水利工程建设投资"
        "和重点水利工程建设管理。（省农业农村厅牵头）\n";
    fg_text *t = NULL;
    const fg_doc *d = parse_mem("mem/title.txt", src, &t);
    fg_ingest_status is;
    rows *hits;

    (void)state;
    open_store();
    assert_int_equal(ingest(&is, d, t, NULL), FG_OK);
    for (int pass = 0; pass < 2; pass++) {
        hits = store_search("重点水利工程建设", 0);
        assert_int_equal(hits->n, 4);
        /* (二): clauses and the query in its title; (一) and (四): clauses, the query in
         * the text only, (四) with more of it; (三): no clauses */
        assert_true(strncmp(hits->v[0], "title.txt\tM:1.2\t", 16) == 0);
        assert_true(strncmp(hits->v[1], "title.txt\tM:1.4\t", 16) == 0 ||
                    strncmp(hits->v[1], "title.txt\tM:1.1\t", 16) == 0);
        assert_true(strncmp(hits->v[3], "title.txt\tM:1.3\t", 16) == 0);
        if (pass == 1)
            assert_true(strncmp(hits->v[1], "title.txt\tM:1.4\t", 16) == 0);
        assert_int_equal(fg_store_index(store, NULL), FG_OK);
    }
}

/* Ingest leaves indexing to fg_store_index, which indexes each item once. */
static void test_store__index_catches_up(void **state)
{
    size_t n = 99;

    (void)state;
    open_store();
    assert_int_equal(fg_store_index(store, &n), FG_OK);
    assert_int_equal(n, 0);
    ingest_seed(SEED_001, NULL, FG_INGEST_ADDED);
    assert_int_equal(raw_int("SELECT count(*) FROM items_fts_docsize"), 0);
    assert_int_equal(fg_store_index(store, &n), FG_OK);
    assert_int_equal(n, docs[0]->n_items);
    assert_int_equal(raw_int("SELECT count(*) FROM items_fts_docsize"), (long long)n);
    assert_int_equal(fg_store_index(store, &n), FG_OK);
    assert_int_equal(n, 0);
    ingest_seed(SEED_002, NULL, FG_INGEST_ADDED);
    assert_int_equal(fg_store_index(store, NULL), FG_OK);
    assert_int_equal(raw_int("SELECT count(*) FROM items_fts_docsize"),
                     (long long)(docs[0]->n_items + docs[1]->n_items));
    assert_fts_consistent();
}

/* ---- the gazetteer ---- */

static const char renaming[] =
    "canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
    "湖南银保监局\t中国银保监会湖南监管局\tcentral\tcentral\t湖南金融监管局\t2023\ttest\n"
    "湖南金融监管局\t国家金融监督管理总局湖南监管局\tcentral\tcentral\t\t\ttest\n";

/* In gaz, 湖南银保监局 became 湖南金融监管局 in 2023: named so in 2024, not in 2022. */
static const fg_agency_entry *check_renamed(void)
{
    const fg_agency_entry *e = fg_gazetteer_lookup(gaz, "湖南银保监局", strlen("湖南银保监局"));

    assert_non_null(e);
    assert_string_equal(e->successor, "湖南金融监管局");
    assert_int_equal(e->since, 2023);
    assert_string_equal(fg_gazetteer_as_of(gaz, e, 2024)->canonical, "湖南金融监管局");
    assert_string_equal(fg_gazetteer_as_of(gaz, e, 2022)->canonical, "湖南银保监局");
    return e;
}

static int count_commit(void *payload)
{
    (*(int *)payload)++;
    return 0;
}

/*
 * The index pass commits chunks sized to hold the write lock about a quarter of the busy
 * timeout, since another writer gives up after a timeout without a commit (it indexed up to
 * 100,000 items in one transaction, which took over 10 s with the ASan build on a busy
 * core). With a busy timeout of 4 ms, the 1,515 items of one document go in at least four
 * transactions: 1,000 items first, then chunks of at most 1,000 × 1 ms / the first one's
 * time, and never fewer than 200.
 */
static void test_store__index_chunks_follow_the_busy_timeout(void **state)
{
    static const char *const sec[15] = {"一", "二", "三", "四",   "五",   "六",   "七",  "八",
                                        "九", "十", "十一", "十二", "十三", "十四", "十五"};
    fg_store_opts so = FG_STORE_OPTS_INIT;
    size_t cap = 15 * 100 * 96 + 64;
    char *src = own(malloc(cap));
    size_t len = 0;
    fg_text *t;
    const fg_doc *d;
    size_t n = 0;
    int commits = 0;

    (void)state;
    len += (size_t)snprintf(src + len, cap - len, "分工方案\n");
    for (int k = 0; k < 15; k++) {
        len += (size_t)snprintf(src + len, cap - len, "%s、第%d部分工作\n", sec[k], k + 1);
        for (int i = 1; i <= 100; i++)
            len += (size_t)snprintf(src + len, cap - len, "%d．推进第%d项工作。（省发展改革委"
                                    "牵头，省财政厅配合）\n", i, i);
    }
    assert_true(len < cap - 1);
    d = parse_mem("chunks.txt", src, &t);
    assert_int_equal(d->n_items, 1515);
    so.busy_timeout_ms = 4;
    assert_int_equal(fg_store_open(&store, db_path, &so), FG_OK);
    ingest_ok(d, t, NULL, FG_INGEST_ADDED);
    sqlite3_commit_hook(fg_store__db(store), count_commit, &commits);
    assert_int_equal(fg_store_index(store, &n), FG_OK);
    sqlite3_commit_hook(fg_store__db(store), NULL, NULL);
    assert_int_equal(n, 1515);
    if (commits < 4)
        fail_msg("the index pass committed %d times, want at least 4", commits);
    assert_int_equal(raw_int("SELECT count(*) FROM items_fts_docsize"), 1515);
    assert_fts_consistent();
}

static void test_store__gazetteer_as_of_follows_successor(void **state)
{
    const fg_agency_entry *e;

    (void)state;
    load_gazetteer("renaming.tsv", renaming);
    assert_int_equal(fg_gazetteer_size(gaz), 2);
    e = check_renamed();
    assert_string_equal(fg_gazetteer_as_of(gaz, e, 2023)->canonical, "湖南金融监管局");
    e = fg_gazetteer_lookup(gaz, "中国银保监会湖南监管局", strlen("中国银保监会湖南监管局"));
    assert_non_null(e);
    assert_string_equal(fg_gazetteer_as_of(gaz, e, 2024)->canonical, "湖南金融监管局");
    e = fg_gazetteer_lookup(gaz, "湖南金融监管局", strlen("湖南金融监管局"));
    assert_ptr_equal(fg_gazetteer_as_of(gaz, e, 2030), e);
    /* the bundled list records the same renaming */
    fg_gazetteer_free(gaz);
    gaz = NULL;
    assert_int_equal(fg_gazetteer_load_default(&gaz), FG_OK);
    check_renamed();
}

/* A failed merge names FILE:LINE and leaves the gazetteer as it was. */
static void test_store__gazetteer_merge_errors_name_file_line(void **state)
{
    static const char *const bad[][2] = {
        {"canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
         "省甲厅\t\tprovince\tgovernment\t\t\tx\n"
         "省乙厅\t\tnation\tgovernment\t\t\tx\n",
         "my.tsv:3: unknown level 'nation' (central, province, city, county)"},
        {"canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
         "# a comment\n"
         "省甲厅\tprovince\tgovernment\n",
         "my.tsv:3: expected 7 tab-separated fields, found 3"},
        {"canonical,aliases,level,type,successor,since,source\n",
         "my.tsv:1: expected the header 'canonical aliases level type successor since source'"},
        {"canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
         "省甲厅\t\tprovince\tgovernment\t\t2023\tx\n",
         "my.tsv:2: since must be a year with a successor"},
        {"canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n"
         "省甲厅\t\tprovince\tministry\t\t\tx\n",
         "my.tsv:2: unknown type 'ministry'"},
    };
    char missing[1024];

    (void)state;
    load_gazetteer("renaming.tsv", renaming);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(fg_gazetteer_merge_tsv(gaz, "my.tsv", bad[i][0], strlen(bad[i][0])),
                         FG_EPARSE);
        assert_int_equal(fg_error_last()->code, FG_EPARSE);
        assert_string_equal(fg_error_last()->message, bad[i][1]);
        assert_int_equal(fg_gazetteer_size(gaz), 2);
        assert_null(fg_gazetteer_lookup(gaz, "省甲厅", strlen("省甲厅")));
    }
    snprintf(missing, sizeof missing, "%s/none.tsv", tmp_dir);
    assert_int_equal(fg_gazetteer_merge_file(gaz, missing), FG_EIO);
    {
        char want[1200];

        snprintf(want, sizeof want, "%s: cannot open: No such file or directory", missing);
        assert_string_equal(fg_error_last()->message, want);
    }
    /* a file's name is the one used in messages */
    write_bytes(missing, bad[0][0], strlen(bad[0][0]));
    assert_int_equal(fg_gazetteer_merge_file(gaz, missing), FG_EPARSE);
    {
        char want[1200];

        snprintf(want, sizeof want, "%s:3: unknown level 'nation'", missing);
        assert_true(strncmp(fg_error_last()->message, want, strlen(want)) == 0);
    }
    assert_int_equal(fg_gazetteer_size(gaz), 2);
}

/* ---- deadlines and targets (schema 7) ---- */

#define TRACK_2024 "2024_lanshan-plan.txt"
#define TRACK_2025 "2025_lanshan-plan.txt"

/* Rows of a raw query, each row's columns joined by tabs (NULL as \N), one row a line. */
static char *raw_rows(const char *sql)
{
    sqlite3 *db = raw_open(db_path, SQLITE_OPEN_READONLY);
    sqlite3_stmt *s = NULL;
    buf b = {NULL, 0, 0};

    buf_add(&b, "", 0);
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        fail_msg("prepare %s: %s", sql, sqlite3_errmsg(db));
    while (sqlite3_step(s) == SQLITE_ROW) {
        for (int k = 0; k < sqlite3_column_count(s); k++) {
            const unsigned char *p = sqlite3_column_text(s, k);

            if (k)
                buf_add(&b, "\t", 1);
            if (sqlite3_column_type(s, k) == SQLITE_NULL)
                buf_add(&b, "\\N", 2);
            else
                buf_add(&b, p, (size_t)sqlite3_column_bytes(s, k));
        }
        buf_add(&b, "\n", 1);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return own(b.p);
}

static const char clause_dues_sql[] =
    "SELECT i.path, c.seq, d.kind, d.every, d.phrase, d.date, d.year_assumed, d.source"
    " FROM clause_deadlines d JOIN clauses c ON c.id = d.clause_id"
    " JOIN items i ON i.id = c.item_id JOIN documents o ON o.id = i.doc_id"
    " WHERE o.name = '" TRACK_2024 "' ORDER BY i.seq, c.seq";

/* The deadline rows a document's clauses should give, from the parsed document. */
static char *doc_clause_dues(const fg_doc *d)
{
    buf b = {NULL, 0, 0};
    char line[1024];

    buf_add(&b, "", 0);
    for (size_t i = 0; i < d->n_items; i++) {
        for (size_t k = 0; k < d->items[i].n_clauses; k++) {
            const fg_due *u = &d->items[i].clauses[k].deadline;

            if (u->kind == FG_DEADLINE_NONE)
                continue;
            snprintf(line, sizeof line, "%s\t%zu\t%s\t%s\t%s\t%s\t%d\t%s\n", d->items[i].path,
                     k + 1, fg_deadline_kind_name(u->kind),
                     u->kind == FG_DEADLINE_RECURRING ? fg_deadline_every_name(u->every) : "",
                     u->text, u->date[0] ? u->date : "\\N", u->year_assumed ? 1 : 0,
                     fg_due_source_name(u->source));
            buf_add(&b, line, strlen(line));
        }
    }
    return own(b.p);
}

/*
 * Deadlines of clauses and items and targets of items are stored as the parser read them
 * (hand-written values of the fixture, and the parsed document's own), with the document,
 * tracked = 1; a re-ingest of the same content changes nothing; a replaced version leaves
 * no rows behind.
 */
static void test_store__deadlines_and_targets_round_trip(void **state)
{
    fg_text *t;
    const fg_doc *d;
    fg_ingest_opts io = FG_INGEST_OPTS_INIT;
    char *before;

    (void)state;
    open_store();
    d = parse_track(TRACK_2024, &t);
    ingest_ok(d, t, NULL, FG_INGEST_ADDED);
    assert_string_equal(raw_rows(clause_dues_sql),
                        "M:2.3\t1\tdate\t\t2024年底前\t2024-12-31\t0\tsentence\n"
                        "M:2.4\t1\tdate\t\t6月底前\t2024-06-30\t1\tsentence\n"
                        "M:2.5\t1\tdate\t\t2025年6月底前\t2025-06-30\t0\tlabel\n"
                        "M:2.6\t1\tongoing\t\t长期坚持\t\\N\t0\tclause\n"
                        "M:2.7\t1\trecurring\tquarter\t每季度\t\\N\t0\tclause\n"
                        "M:3.1\t1\tdate\t\t2024年3月\t2024-03-31\t0\titem\n"
                        "M:3.2\t1\tdate\t\t2024年10月\t2024-10-31\t0\titem\n");
    assert_string_equal(raw_rows(clause_dues_sql), doc_clause_dues(d));
    assert_string_equal(raw_rows("SELECT i.path, d.kind, d.every, d.phrase, d.date,"
                                 " d.year_assumed, d.source FROM item_deadlines d"
                                 " JOIN items i ON i.id = d.item_id ORDER BY i.seq"),
                        "M:2.5\tdate\t\t2025年6月底前\t2025-06-30\t0\tlabel\n"
                        "M:3.1\tdate\t\t2024年3月\t2024-03-31\t0\tcolumn\n"
                        "M:3.2\tdate\t\t2024年10月\t2024-10-31\t0\tcolumn\n");
    /* values as REAL: typeof, and printed by SQLite */
    assert_string_equal(raw_rows("SELECT i.path, t.seq, t.text, t.subject, t.change, t.bound,"
                                 " t.value, t.value_hi, t.unit, typeof(t.value)"
                                 " FROM targets t JOIN items i ON i.id = t.item_id"
                                 " ORDER BY i.seq, t.seq"),
                        "M:1.1\t1\t全市地区生产总值增长6.5%以上\t全市地区生产总值\tincrease\tge"
                        "\t6.5\t6.5\t%\treal\n"
                        "M:1.1\t2\t新增城镇就业5万人以上\t城镇就业\tincrease\tge"
                        "\t50000.0\t50000.0\t人\treal\n"
                        "M:1.1\t3\t城镇调查失业率控制在5.5%以内\t城镇调查失业率\tlevel\tle"
                        "\t5.5\t5.5\t%\treal\n"
                        "M:1.2\t1\t单位地区生产总值能耗下降3%\t单位地区生产总值能耗\tdecrease\teq"
                        "\t3.0\t3.0\t%\treal\n"
                        "M:2.6\t1\t粮食播种面积稳定在300万亩以上\t粮食播种面积\tlevel\tge"
                        "\t3000000.0\t3000000.0\t亩\treal\n");
    assert_int_equal(raw_int("SELECT count(*) FROM documents WHERE tracked = 1"), 1);
    before = dump_db();
    ingest_ok(d, t, NULL, FG_INGEST_UNCHANGED);
    io.replace = 1;
    ingest_ok(d, t, &io, FG_INGEST_UNCHANGED);
    assert_string_equal(dump_db(), before);

    /* Another version under the same name: the old rows go, the new ones come. */
    d = parse_track(TRACK_2025, &t);
    {
        fg_parse_opts po = FG_PARSE_OPTS_INIT;
        fg_doc *d2 = NULL;

        po.name = TRACK_2024;
        assert_int_equal(fg_parse_document(&d2, t, &po), FG_OK);
        docs[n_docs++] = d2;
        ingest_ok(d2, t, &io, FG_INGEST_REPLACED);
        assert_string_equal(raw_rows(clause_dues_sql),
                            "M:2.3\t1\tdate\t\t2025年9月底前完成\t2025-09-30\t0\tsentence\n"
                            "M:2.4\t1\tongoing\t\t持续推进\t\\N\t0\tclause\n");
        assert_string_equal(raw_rows(clause_dues_sql), doc_clause_dues(d2));
    }
    assert_int_equal(raw_int("SELECT count(*) FROM item_deadlines"), 0);
    assert_int_equal(raw_int("SELECT count(*) FROM targets"), 4);
    assert_no_orphans();
}

/* A document parsed without tracking is stored without deadlines or targets. */
static void test_store__no_tracking_stores_none(void **state)
{
    char path[1024];
    fg_parse_opts po = FG_PARSE_OPTS_INIT;
    fg_text *t = NULL;
    fg_doc *d = NULL;
    fg_ingest_status is;

    (void)state;
    open_store();
    snprintf(path, sizeof path, "%s/tests/fixtures/track/%s", src_dir(), TRACK_2024);
    assert_int_equal(fg_text_read_file(&t, path), FG_OK);
    texts[n_texts++] = t;
    po.no_tracking = 1;
    assert_int_equal(fg_parse_document(&d, t, &po), FG_OK);
    docs[n_docs++] = d;
    assert_int_equal(ingest(&is, d, t, NULL), FG_OK);
    assert_int_equal(raw_int("SELECT (SELECT count(*) FROM clause_deadlines) + (SELECT count(*)"
                             " FROM item_deadlines) + (SELECT count(*) FROM targets)"),
                     0);
    assert_int_equal(raw_int("SELECT count(*) FROM items"), (long long)d->n_items);
}

/*
 * A version-6 store (documents with n_unparsed and format, no deadlines) migrates to 7
 * keeping every row: it reads back as it did; its documents are not tracked (NULL) and an
 * identical re-ingest still changes nothing; re-ingested with replace one is stored again
 * with its deadlines and targets; a new document is stored with them.
 */
static void test_store__migrates_version_6_keeps_rows(void **state)
{
    char *want;
    char *before;
    fg_text *t;
    const fg_doc *d;
    fg_ingest_status is = (fg_ingest_status)-1;
    fg_ingest_opts io = FG_INGEST_OPTS_INIT;
    long long n_items;
    long long n_assignments;

    (void)state;
    open_seeded("v7.db");
    d = parse_track(TRACK_2024, &t);
    assert_int_equal(ingest(&is, d, t, NULL), FG_OK);
    assert_true(raw_int("SELECT count(*) FROM clause_deadlines") > 0);
    raw_exec(db_path, "UPDATE documents SET tracked = NULL; DELETE FROM clause_deadlines;"
                      " DELETE FROM item_deadlines; DELETE FROM targets");
    want = read_all();
    n_items = raw_int("SELECT count(*) FROM items");
    n_assignments = raw_int("SELECT count(*) FROM assignments");
    close_store();

    make_old_store(6, DOCUMENTS_V1_COLS ", n_unparsed, format", COPY_REST_V4);
    assert_int_equal(raw_int("SELECT count(*) FROM sqlite_master WHERE name = 'targets'"), 0);

    open_store();
    assert_int_equal(raw_int("PRAGMA user_version"), FG_STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int("SELECT count(*) FROM items"), n_items);
    assert_int_equal(raw_int("SELECT count(*) FROM assignments"), n_assignments);
    assert_string_equal(read_all(), want);
    assert_int_equal(raw_int("SELECT count(*) FROM documents WHERE tracked IS NULL"), 3);
    assert_int_equal(raw_int("SELECT count(*) FROM clause_deadlines"), 0);

    before = dump_db();
    ingest_ok(d, t, NULL, FG_INGEST_UNCHANGED);
    ingest_seed(SEED_001, NULL, FG_INGEST_UNCHANGED);
    assert_string_equal(dump_db(), before);

    io.replace = 1;
    ingest_ok(d, t, &io, FG_INGEST_REPLACED);
    assert_string_equal(raw_rows(clause_dues_sql), doc_clause_dues(d));
    assert_int_equal(raw_int("SELECT count(*) FROM targets"), 5);
    assert_int_equal(raw_int("SELECT count(*) FROM documents WHERE tracked IS NULL"), 2);

    d = parse_track(TRACK_2025, &t);
    ingest_ok(d, t, NULL, FG_INGEST_ADDED);
    assert_int_equal(raw_int("SELECT count(*) FROM targets"), 9);
    assert_int_equal(raw_int("SELECT count(*) FROM documents WHERE tracked = 1"), 2);
    assert_int_equal(raw_int("SELECT count(*) FROM items"),
                     n_items + (long long)d->n_items);
    assert_no_orphans();
}

/* A due row as text: doc item clause kind every phrase date assumed source leads | cos. */
static int collect_due(const fg_store_due_row *row, void *payload)
{
    rows *r = payload;
    char line[2048];
    size_t n;

    n = (size_t)snprintf(line, sizeof line, "%s %d %s %d %s %s %s %s %s %s", row->doc,
                         row->year, row->path, row->clause, fg_deadline_kind_name(row->kind),
                         fg_deadline_every_name(row->every), row->phrase, row->date,
                         row->year_assumed ? "assumed" : "-", fg_due_source_name(row->source));
    for (size_t k = 0; k < row->leads.n && n < sizeof line; k++)
        n += (size_t)snprintf(line + n, sizeof line - n, " L:%s", row->leads.v[k]);
    for (size_t k = 0; k < row->cos.n && n < sizeof line; k++)
        n += (size_t)snprintf(line + n, sizeof line - n, " C:%s", row->cos.v[k]);
    rows_push(r, strdup(line));
    return 0;
}

static int collect_target(const fg_store_target_row *row, void *payload)
{
    rows *r = payload;
    char line[2048];
    size_t n;

    n = (size_t)snprintf(line, sizeof line, "%s %d %s %s %d %s [%s] %s %s %g %g %s", row->doc,
                         row->year, row->doc_number, row->path, row->seq, row->text,
                         row->subject, fg_target_change_name(row->change),
                         fg_target_bound_name(row->bound), row->value, row->value_hi,
                         row->unit);
    for (size_t k = 0; k < row->leads.n && n < sizeof line; k++)
        n += (size_t)snprintf(line + n, sizeof line - n, " L:%s", row->leads.v[k]);
    rows_push(r, strdup(line));
    return 0;
}

static int stop_at_first(const fg_store_due_row *row, void *payload)
{
    (void)row;
    (*(int *)payload)++;
    return 1;
}

/* A row a test expects: where it stands in a rows list, and its text. */
typedef struct row_want {
    size_t at;
    const char *text;
} row_want;

/* Each of the n rows in want stands in r where it says. */
static void assert_rows_at(const rows *r, const row_want *want, size_t n)
{
    for (size_t k = 0; k < n; k++)
        assert_string_equal(r->v[want[k].at], want[k].text);
}

/* An open store holding the plans of 2024 and 2025 of tests/fixtures/track. */
static void open_tracks(void)
{
    fg_text *t;
    const fg_doc *d;
    fg_ingest_status is;

    open_store();
    d = parse_track(TRACK_2024, &t);
    assert_int_equal(ingest(&is, d, t, NULL), FG_OK);
    d = parse_track(TRACK_2025, &t);
    assert_int_equal(ingest(&is, d, t, NULL), FG_OK);
}

/* The typed deadline and target rows, filtered by document and by agency. */
static void test_store__due_and_target_rows(void **state)
{
    static const row_want dues[] = {
        {0, "2024_lanshan-plan.txt 2024 M:2.3 1 date  2024年底前 2024-12-31 - sentence "
            "L:市交通运输局 C:市财政局"},
        {1, "2024_lanshan-plan.txt 2024 M:2.4 1 date  6月底前 2024-06-30 assumed sentence "
            "L:市营商环境局 C:市司法局"},
        {2, "2024_lanshan-plan.txt 2024 M:2.5 1 date  2025年6月底前 2025-06-30 - label "
            "L:市教育局 C:市财政局 C:市人力资源社会保障局"},
        {3, "2024_lanshan-plan.txt 2024 M:2.6 1 ongoing  长期坚持  - clause L:市农业农村局"},
        {4, "2024_lanshan-plan.txt 2024 M:2.7 1 recurring quarter 每季度  - clause "
            "L:市应急管理局 C:市公安局"},
        {8, "2025_lanshan-plan.txt 2025 M:2.4 1 ongoing  持续推进  - clause L:市营商环境局"},
    };
    static const row_want targets[] = {
        {0, "2024_lanshan-plan.txt 2024 岚政办发〔2024〕5号 M:1.1 1 全市地区生产总值增长6.5%以上 "
            "[全市地区生产总值] increase ge 6.5 6.5 % L:市发展改革委"},
        {1, "2024_lanshan-plan.txt 2024 岚政办发〔2024〕5号 M:1.1 2 新增城镇就业5万人以上 "
            "[城镇就业] increase ge 50000 50000 人 L:市发展改革委"},
        {4, "2024_lanshan-plan.txt 2024 岚政办发〔2024〕5号 M:2.6 1 "
            "粮食播种面积稳定在300万亩以上 [粮食播种面积] level ge 3e+06 3e+06 亩 L:市农业农村局"},
        {5, "2025_lanshan-plan.txt 2025 岚政办发〔2025〕2号 M:1.1 1 全市地区生产总值增长6%左右 "
            "[全市地区生产总值] increase about 6 6 % L:市发展改革委"},
    };
    fg_store_track_query q = FG_STORE_TRACK_QUERY_INIT;
    rows *r;
    int n = 0;
    size_t untracked = 99;

    (void)state;
    open_tracks();

    r = new_rows(0);
    assert_int_equal(fg_store_due_rows(store, NULL, collect_due, r), FG_OK);
    assert_int_equal(r->n, 9);
    assert_rows_at(r, dues, sizeof dues / sizeof dues[0]);

    /* by agency, lead or co: 市财政局 co-operates in three tasks of 2024 */
    r = new_rows(0);
    q.agency = "市财政局";
    assert_int_equal(fg_store_due_rows(store, &q, collect_due, r), FG_OK);
    assert_int_equal(r->n, 3);
    assert_non_null(strstr(r->v[0], " M:2.3 "));
    assert_non_null(strstr(r->v[1], " M:2.5 "));
    assert_non_null(strstr(r->v[2], " M:3.1 "));
    /* by document and agency */
    r = new_rows(0);
    q.doc = TRACK_2025;
    q.agency = "市营商环境局";
    assert_int_equal(fg_store_due_rows(store, &q, collect_due, r), FG_OK);
    assert_int_equal(r->n, 1);
    assert_non_null(strstr(r->v[0], "持续推进"));
    /* unknown names are errors naming them */
    q.doc = NULL;
    q.agency = "市不存在局";
    assert_int_equal(fg_store_due_rows(store, &q, collect_due, r), FG_ENOTFOUND);
    assert_non_null(strstr(fg_error_last()->message, "市不存在局: no such agency"));
    q.doc = "nope.txt";
    q.agency = NULL;
    assert_int_equal(fg_store_target_rows(store, &q, collect_target, r), FG_ENOTFOUND);
    assert_non_null(strstr(fg_error_last()->message, "nope.txt: no such document"));
    /* the callback stops the walk */
    assert_int_equal(fg_store_due_rows(store, NULL, stop_at_first, &n), FG_OK);
    assert_int_equal(n, 1);

    r = new_rows(0);
    assert_int_equal(fg_store_target_rows(store, NULL, collect_target, r), FG_OK);
    assert_int_equal(r->n, 9);
    assert_rows_at(r, targets, sizeof targets / sizeof targets[0]);
    r = new_rows(0);
    q.doc = NULL;
    q.agency = "市生态环境局"; /* co-operates on the energy target of both years */
    assert_int_equal(fg_store_target_rows(store, &q, collect_target, r), FG_OK);
    assert_int_equal(r->n, 2);
    assert_non_null(strstr(r->v[0], "能耗下降3%"));
    assert_non_null(strstr(r->v[1], "能耗下降2.5%"));
    /* by year */
    r = new_rows(0);
    q.agency = NULL;
    q.year = 2025;
    assert_int_equal(fg_store_target_rows(store, &q, collect_target, r), FG_OK);
    assert_int_equal(r->n, 4);
    assert_non_null(strstr(r->v[3], "能耗下降2.5%"));
    assert_int_equal(fg_store_untracked_documents(store, &untracked), FG_OK);
    assert_int_equal(untracked, 0);
}

static void fmt_side(char *out, size_t cap, const fg_target_side *s)
{
    snprintf(out, cap, "%s %s %s %s %s %g %g", s->doc, s->path, s->text,
             fg_target_change_name(s->change), fg_target_bound_name(s->bound), s->value,
             s->value_hi);
}

/* Targets of the same subject that changed between two plans, by document and by year. */
static void test_store__target_changes(void **state)
{
    fg_text *t;
    const fg_doc *d;
    fg_ingest_status is;
    fg_store_track_query a = FG_STORE_TRACK_QUERY_INIT;
    fg_store_track_query b = FG_STORE_TRACK_QUERY_INIT;
    fg_target_diffs *diffs = NULL;
    char x[512];
    char y[512];
    static const char plan_2026[] =
        "岚山市人民政府办公室关于印发《岚山市2026年重点工作任务分工方案》的通知\n"
        "岚政办发〔2026〕1号\n"
        "一、主要目标\n"
        "（一）地区生产总值增长5%—5.5%，城镇调查失业率控制在5%以内。（市发展改革委牵头）\n"
        "（二）单位地区生产总值能耗下降2.5%，粮食播种面积稳定在300万亩以上。"
        "（市发展改革委牵头）\n";

    (void)state;
    open_tracks();
    d = parse_mem("mem/2026.txt", plan_2026, &t);
    assert_int_equal(ingest(&is, d, t, NULL), FG_OK);

    a.doc = TRACK_2024;
    b.doc = TRACK_2025;
    assert_int_equal(fg_track_target_changes(&diffs, store, &a, &b), FG_OK);
    /* 城镇就业 (5万人以上 both years) is unchanged; 粮食播种面积 is only in 2024 */
    assert_int_equal(diffs->n, 3);
    assert_string_equal(diffs->v[0].subject, "全市地区生产总值");
    assert_string_equal(diffs->v[0].unit, "%");
    fmt_side(x, sizeof x, &diffs->v[0].a);
    fmt_side(y, sizeof y, &diffs->v[0].b);
    assert_string_equal(x, "2024_lanshan-plan.txt M:1.1 全市地区生产总值增长6.5%以上 increase ge "
                           "6.5 6.5");
    assert_string_equal(y, "2025_lanshan-plan.txt M:1.1 全市地区生产总值增长6%左右 increase about "
                           "6 6");
    assert_string_equal(diffs->v[1].subject, "城镇调查失业率");
    fmt_side(x, sizeof x, &diffs->v[1].b);
    assert_string_equal(x, "2025_lanshan-plan.txt M:1.1 城镇调查失业率控制在5%以内 level le 5 5");
    assert_string_equal(diffs->v[2].subject, "单位地区生产总值能耗");
    assert_true(diffs->v[2].a.value == 3.0 && diffs->v[2].b.value == 2.5);
    fg_target_diffs_free(diffs);
    diffs = NULL;

    /* by year, and 全市地区生产总值 meets 地区生产总值; a range; equal targets drop out */
    a.doc = NULL;
    a.year = 2025;
    b.doc = NULL;
    b.year = 2026;
    assert_int_equal(fg_track_target_changes(&diffs, store, &a, &b), FG_OK);
    assert_int_equal(diffs->n, 1);
    fmt_side(x, sizeof x, &diffs->v[0].b);
    assert_string_equal(x, "2026.txt M:1.1 地区生产总值增长5%—5.5% increase range 5 5.5");
    fg_target_diffs_free(diffs);
    diffs = NULL;

    /* the same document on both sides: nothing changed */
    a.year = b.year = 0;
    a.doc = b.doc = TRACK_2024;
    assert_int_equal(fg_track_target_changes(&diffs, store, &a, &b), FG_OK);
    assert_int_equal(diffs->n, 0);
    fg_target_diffs_free(diffs);
    diffs = NULL;
    b.doc = "nope.txt";
    assert_int_equal(fg_track_target_changes(&diffs, store, &a, &b), FG_ENOTFOUND);
    assert_null(diffs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_store__open_creates_schema_version),
        T(test_store__open_read_only_missing_file),
        T(test_store__open_not_a_database),
        T(test_store__open_foreign_database_unchanged),
        T(test_store__open_waits_for_a_writer_before_wal),
        T(test_store__ingest_waits_while_another_writer_commits),
        T(test_store__ingest_fails_on_a_held_lock_naming_the_document),
        T(test_store__drop_unused_only_when_empty_and_unused),
        T(test_store__ingest_refuses_a_deleted_database),
        T(test_store__open_newer_schema_refused),
        T(test_store__migrates_empty_version_1),
        T(test_store__migrates_version_1_with_data),
        T(test_store__migrates_version_2_with_data),
        T(test_store__migrates_version_3_search_index),
        T(test_store__migrates_version_4_unparsed_count),
        T(test_store__migrates_version_6_keeps_rows),
        T(test_store__deadlines_and_targets_round_trip),
        T(test_store__no_tracking_stores_none),
        T(test_store__due_and_target_rows),
        T(test_store__target_changes),
        T(test_store__round_trip_matches_gold),
        T(test_store__documents_lists_counts),
        T(test_store__reingest_same_content_unchanged),
        T(test_store__changed_content_needs_replace),
        T(test_store__replace_swaps_old_rows),
        T(test_store__replaced_document_searchable_and_removable),
        T(test_store__same_content_other_name_duplicate),
        T(test_store__document_without_items_refused),
        T(test_store__ingest_rejects_bad_sha256),
        T(test_store__failed_ingest_leaves_db_unchanged),
        T(test_store__remove_existing),
        T(test_store__reingest_after_remove_searchable),
        T(test_store__remove_missing),
        T(test_store__aliases_resolve_to_one_agency),
        T(test_store__unknown_names_unresolved),
        T(test_store__later_gazetteer_promotes_stored_names),
        T(test_store__bundled_gazetteer_unifies_emergency_names),
        T(test_store__search_trigram_and_scan),
        T(test_store__search_title_first),
        T(test_store__index_catches_up),
        T(test_store__index_chunks_follow_the_busy_timeout),
        T(test_store__gazetteer_as_of_follows_successor),
        T(test_store__gazetteer_merge_errors_name_file_line),
#undef T
    };

    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}

/*
 * The SQLite store. The schema lives in src/schema.sql (embedded at build time) as numbered
 * migration blocks applied in order under PRAGMA user_version. Every write happens inside
 * one BEGIN IMMEDIATE … COMMIT per document, with bound parameters only and explicit byte
 * lengths, so a failed or interrupted ingest leaves the database as it was (WAL journal).
 * Names are resolved through the gazetteer at ingest; the surface form is always kept.
 * sqlite3_errmsg() is copied into our error at once, before any cleanup can change it.
 */
#include "fengong/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "embedded.h"
#include "error.h"
#include "str.h"

/* Surface form + kind → agencies.id, so that each name costs one SQL look-up per store. */
typedef struct id_cache {
    char **keys;
    sqlite3_int64 *ids;
    size_t n;
    size_t cap;           /* a power of two, or 0 */
} id_cache;

struct fg_store {
    sqlite3 *db;
    char *path;
    int in_txn;
    id_cache cache;       /* only holds ids committed or written in the open transaction */
};

static void cache_clear(id_cache *c)
{
    for (size_t i = 0; i < c->cap; i++)
        free(c->keys[i]);
    free(c->keys);
    free(c->ids);
    memset(c, 0, sizeof *c);
}

static size_t cache_hash(const char *k)
{
    size_t h = 1469598103934665603u;

    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 1099511628211u;
    return h;
}

static int cache_get(const id_cache *c, const char *key, sqlite3_int64 *id)
{
    if (c->cap == 0)
        return 0;
    for (size_t h = cache_hash(key) & (c->cap - 1); c->keys[h]; h = (h + 1) & (c->cap - 1)) {
        if (strcmp(c->keys[h], key) == 0) {
            *id = c->ids[h];
            return 1;
        }
    }
    return 0;
}

/* Best effort: a failed allocation only means a slower look-up next time. */
static void cache_put(id_cache *c, const char *key, sqlite3_int64 id)
{
    size_t h;

    if (c->n * 2 >= c->cap) {
        id_cache bigger = {NULL, NULL, 0, c->cap ? c->cap * 2 : 256};

        bigger.keys = calloc(bigger.cap, sizeof *bigger.keys);
        bigger.ids = calloc(bigger.cap, sizeof *bigger.ids);
        if (bigger.keys == NULL || bigger.ids == NULL) {
            free(bigger.keys);
            free(bigger.ids);
            return;
        }
        for (size_t i = 0; i < c->cap; i++) {
            if (c->keys[i]) {
                size_t j = cache_hash(c->keys[i]) & (bigger.cap - 1);

                while (bigger.keys[j])
                    j = (j + 1) & (bigger.cap - 1);
                bigger.keys[j] = c->keys[i];
                bigger.ids[j] = c->ids[i];
                bigger.n++;
            }
        }
        free(c->keys);
        free(c->ids);
        *c = bigger;
    }
    h = cache_hash(key) & (c->cap - 1);
    while (c->keys[h])
        h = (h + 1) & (c->cap - 1);
    c->keys[h] = malloc(strlen(key) + 1);
    if (c->keys[h] == NULL)
        return;
    memcpy(c->keys[h], key, strlen(key) + 1);
    c->ids[h] = id;
    c->n++;
}

const char *fg_store_path(const fg_store *st)
{
    return st ? st->path : "";
}

static int db_error(fg_store *st, const char *what)
{
    int code = sqlite3_errcode(st->db) & 0xff;
    const char *hint = code == SQLITE_FULL || code == SQLITE_IOERR
                           ? " (disk full or file size limit?)"
                       : code == SQLITE_READONLY ? " (read-only file or file system?)"
                                                 : "";

    return fg_error_set(FG_EDB, "%s: %s: %s%s", st->path, what, sqlite3_errmsg(st->db), hint);
}

static int exec(fg_store *st, const char *sql, const char *what)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_error(st, what);
    return FG_OK;
}

static int begin(fg_store *st)
{
    int rc = exec(st, "BEGIN IMMEDIATE", "cannot start a transaction");

    if (rc == FG_OK)
        st->in_txn = 1;
    return rc;
}

static int commit(fg_store *st)
{
    int rc = exec(st, "COMMIT", "cannot commit");

    if (rc == FG_OK)
        st->in_txn = 0;
    return rc;
}

/* No-op outside a transaction; never overwrites the first error. */
static void rollback(fg_store *st)
{
    if (st->in_txn) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        st->in_txn = 0;
        cache_clear(&st->cache);  /* it may hold ids of agencies that were rolled back */
    }
}

static int prepare(fg_store *st, sqlite3_stmt **out, const char *sql)
{
    if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK) {
        *out = NULL;
        return db_error(st, "cannot prepare a statement");
    }
    return FG_OK;
}

static int bind_text(fg_store *st, sqlite3_stmt *s, int i, const char *v)
{
    size_t n = v ? strlen(v) : 0;

    if (sqlite3_bind_text(s, i, v ? v : "", (int)n, SQLITE_TRANSIENT) != SQLITE_OK)
        return db_error(st, "cannot bind a value");
    return FG_OK;
}

static int bind_int(fg_store *st, sqlite3_stmt *s, int i, sqlite3_int64 v)
{
    if (sqlite3_bind_int64(s, i, v) != SQLITE_OK)
        return db_error(st, "cannot bind a value");
    return FG_OK;
}

/* Step a statement that returns no row; reset it for reuse. */
static int step_done(fg_store *st, sqlite3_stmt *s, const char *what)
{
    int r = sqlite3_step(s);

    if (r != SQLITE_DONE && r != SQLITE_ROW) {
        int rc = db_error(st, what);

        sqlite3_reset(s);
        return rc;
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return FG_OK;
}

/* ---- open and migrate ---- */

static int user_version(fg_store *st, int *v)
{
    sqlite3_stmt *s = NULL;
    int rc = prepare(st, &s, "PRAGMA user_version");

    if (rc < 0)
        return rc;
    if (sqlite3_step(s) != SQLITE_ROW) {
        rc = db_error(st, "cannot read the schema version");
    } else {
        *v = sqlite3_column_int(s, 0);
    }
    sqlite3_finalize(s);
    return rc;
}

/* The text of migration block n (from "-- migration n" to the next block). */
static fg_strview migration_block(int n)
{
    char mark[32];
    fg_strview all = fg_sv(fg_embedded_schema, fg_embedded_schema_len);
    size_t start;
    size_t end;

    snprintf(mark, sizeof mark, "-- migration %d\n", n);
    start = fg_sv_find(all, mark);
    if (start == SIZE_MAX)
        return fg_sv(NULL, 0);
    start += strlen(mark);
    snprintf(mark, sizeof mark, "-- migration %d\n", n + 1);
    end = fg_sv_find(fg_sv(all.ptr + start, all.len - start), mark);
    end = end == SIZE_MAX ? all.len : start + end;
    return fg_sv(all.ptr + start, end - start);
}

static int migrate(fg_store *st)
{
    sqlite3_stmt *s = NULL;
    char *sql = NULL;
    int v = 0;
    int rc = FG_OK;

    FG_TRY(begin(st));
    FG_TRY(user_version(st, &v));
    if (v > FG_STORE_SCHEMA_VERSION) {
        rc = fg_error_set(FG_EDB, "%s: schema version %d is newer than this fengong supports "
                          "(%d); the database was not changed", st->path, v,
                          FG_STORE_SCHEMA_VERSION);
        goto out;
    }
    if (v == 0) {
        /* A database with tables of its own is not ours to change. */
        FG_TRY(prepare(st, &s, "SELECT count(*) FROM sqlite_master"));
        if (sqlite3_step(s) != SQLITE_ROW) {
            rc = db_error(st, "not a fengong database");
            goto out;
        }
        if (sqlite3_column_int(s, 0) != 0) {
            rc = fg_error_set(FG_EDB, "%s: not a fengong database (it has tables of its own "
                              "and no fengong schema version); not changed", st->path);
            goto out;
        }
    }
    for (int n = v + 1; n <= FG_STORE_SCHEMA_VERSION; n++) {
        fg_strview block = migration_block(n);
        char pragma[64];

        sql = malloc(block.len + 1);
        FG_CHECK_ALLOC(sql);
        memcpy(sql, block.ptr, block.len);
        sql[block.len] = '\0';
        FG_TRY(exec(st, sql, "cannot migrate the schema"));
        free(sql);
        sql = NULL;
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", n);
        FG_TRY(exec(st, pragma, "cannot set the schema version"));
    }
    FG_TRY(commit(st));
out:
    sqlite3_finalize(s);
    free(sql);
    if (rc < 0)
        rollback(st);
    return rc;
}

/* A database without a fengong schema version must have no tables at all. */
static int check_empty(fg_store *st)
{
    sqlite3_stmt *s = NULL;
    int rc = prepare(st, &s, "SELECT count(*) FROM sqlite_master");

    if (rc < 0)
        return rc;
    if (sqlite3_step(s) != SQLITE_ROW)
        rc = db_error(st, "not a fengong database");
    else if (sqlite3_column_int(s, 0) != 0)
        rc = fg_error_set(FG_EDB, "%s: not a fengong database (it has tables of its own and "
                          "no fengong schema version); not changed", st->path);
    sqlite3_finalize(s);
    return rc;
}

/* Reopen st->path read-only as an immutable URI (no -shm/-wal files are needed). */
static int reopen_immutable(fg_store *st)
{
    fg_str uri = FG_STR_INIT;
    int rc = FG_OK;

    FG_TRY(fg_str_append(&uri, "file:", 5));
    for (const char *p = st->path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#') {
            char esc[4];

            snprintf(esc, sizeof esc, "%%%02X", (unsigned char)*p);
            FG_TRY(fg_str_append(&uri, esc, 3));
        } else {
            FG_TRY(fg_str_appendc(&uri, *p));
        }
    }
    FG_TRY(fg_str_append(&uri, "?immutable=1", 12));
    sqlite3_close_v2(st->db);
    st->db = NULL;
    if (sqlite3_open_v2(uri.ptr, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                        SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        rc = fg_error_set(FG_EDB, "%s: cannot open the database: %s", st->path,
                          st->db ? sqlite3_errmsg(st->db) : "out of memory");
        goto out;
    }
    sqlite3_extended_result_codes(st->db, 1);
out:
    fg_str_dispose(&uri);
    return rc;
}

int fg_store_open(fg_store **out, const char *path, const fg_store_opts *opts)
{
    fg_store_opts def = FG_STORE_OPTS_INIT;
    fg_store *st = NULL;
    struct stat sb;
    int flags;
    int rc = FG_OK;
    int v = 0;

    if (out == NULL || path == NULL)
        return fg_error_set(FG_EINVAL, "fg_store_open: out and path are required");
    *out = NULL;
    if (opts == NULL)
        opts = &def;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return fg_error_set(FG_EDB, "%s: is a directory, not a database", path);
    if (opts->read_only && stat(path, &sb) != 0)
        return fg_error_set(FG_ENOTFOUND, "%s: no such database (run 'fengong ingest' first)",
                            path);
    st = calloc(1, sizeof *st);
    FG_CHECK_ALLOC(st);
    st->path = malloc(strlen(path) + 1);
    FG_CHECK_ALLOC(st->path);
    memcpy(st->path, path, strlen(path) + 1);
    flags = opts->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        rc = fg_error_set(FG_EDB, "%s: cannot open the database: %s", path,
                          st->db ? sqlite3_errmsg(st->db) : "out of memory");
        goto out;
    }
    sqlite3_busy_timeout(st->db, opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : 10000);
    sqlite3_extended_result_codes(st->db, 1);
    /* The first read tells a database from any other file. */
    if (user_version(st, &v) < 0) {
        int code = sqlite3_errcode(st->db) & 0xff;

        if (code == SQLITE_CANTOPEN && opts->read_only) {
            /* A WAL database on read-only media: read it as immutable. */
            FG_TRY(reopen_immutable(st));
            if (user_version(st, &v) < 0) {
                rc = fg_error_set(FG_EDB, "%s: cannot read the database: %s", path,
                                  sqlite3_errmsg(st->db));
                goto out;
            }
        } else if (code == SQLITE_NOTADB) {
            rc = fg_error_set(FG_EDB, "%s: not a fengong database: %s", path,
                              sqlite3_errmsg(st->db));
            goto out;
        } else if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM) {
            rc = fg_error_set(FG_EDB, "%s: cannot open the database for writing: %s "
                              "(read-only file or file system?)", path, sqlite3_errmsg(st->db));
            goto out;
        } else {
            rc = fg_error_set(FG_EDB, "%s: cannot read the database: %s", path,
                              sqlite3_errmsg(st->db));
            goto out;
        }
    }
    if (v > FG_STORE_SCHEMA_VERSION) {
        rc = fg_error_set(FG_EDB, "%s: schema version %d is newer than this fengong supports "
                          "(%d); the database was not changed", path, v,
                          FG_STORE_SCHEMA_VERSION);
        goto out;
    }
    /* Refuse someone else's database before anything is written to it (even WAL mode). */
    if (v == 0)
        FG_TRY(check_empty(st));
    FG_TRY(exec(st, "PRAGMA foreign_keys = ON", "cannot enable foreign keys"));
    if (opts->read_only) {
        if (v < FG_STORE_SCHEMA_VERSION) {
            rc = fg_error_set(FG_EDB, "%s: schema version %d is older than %d; run 'fengong "
                              "ingest' once to migrate it", path, v, FG_STORE_SCHEMA_VERSION);
            goto out;
        }
    } else {
        FG_TRY(exec(st, "PRAGMA journal_mode = WAL", "cannot switch to WAL"));
        FG_TRY(exec(st, "PRAGMA synchronous = NORMAL", "cannot set synchronous"));
        if (v < FG_STORE_SCHEMA_VERSION)
            FG_TRY(migrate(st));
    }
    *out = st;
    st = NULL;
out:
    fg_store_close(st);
    return rc;
}

void fg_store_close(fg_store *st)
{
    if (st == NULL)
        return;
    rollback(st);
    cache_clear(&st->cache);
    sqlite3_close_v2(st->db);
    free(st->path);
    free(st);
}

/* ---- ingest ---- */

typedef struct ingest_ctx {
    fg_store *st;
    const fg_gazetteer *gaz;
    sqlite3_stmt *find_agency;
    sqlite3_stmt *add_agency;
    sqlite3_stmt *promote_agency;
    sqlite3_stmt *add_alias;
    sqlite3_stmt *add_item;
    sqlite3_stmt *add_clause;
    sqlite3_stmt *add_assignment;
    sqlite3_stmt *add_team;
    sqlite3_stmt *add_member;
} ingest_ctx;

static void ctx_finalize(ingest_ctx *c)
{
    sqlite3_finalize(c->find_agency);
    sqlite3_finalize(c->add_agency);
    sqlite3_finalize(c->promote_agency);
    sqlite3_finalize(c->add_alias);
    sqlite3_finalize(c->add_item);
    sqlite3_finalize(c->add_clause);
    sqlite3_finalize(c->add_assignment);
    sqlite3_finalize(c->add_team);
    sqlite3_finalize(c->add_member);
}

static int ctx_prepare(ingest_ctx *c)
{
    fg_store *st = c->st;
    int rc = FG_OK;

    FG_TRY(prepare(st, &c->find_agency, "SELECT id, status FROM agencies WHERE name = ?1"));
    FG_TRY(prepare(st, &c->add_agency,
                   "INSERT INTO agencies(name, status, level, type, successor, since, source) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    FG_TRY(prepare(st, &c->promote_agency,
                   "UPDATE agencies SET status = 'known', level = ?2, type = ?3, successor = ?4,"
                   " since = ?5, source = ?6 WHERE id = ?1"));
    FG_TRY(prepare(st, &c->add_alias,
                   "INSERT OR IGNORE INTO aliases(alias, agency_id) VALUES (?1, ?2)"));
    FG_TRY(prepare(st, &c->add_item,
                   "INSERT INTO items(doc_id, seq, path, parent_id, marker, title, text, line) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    FG_TRY(prepare(st, &c->add_clause,
                   "INSERT INTO clauses(item_id, seq, text, line) VALUES (?1, ?2, ?3, ?4)"));
    FG_TRY(prepare(st, &c->add_assignment,
                   "INSERT INTO assignments(clause_id, seq, agency_id, role, kind, surface) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    FG_TRY(prepare(st, &c->add_team,
                   "INSERT INTO teams(doc_id, seq, name, part, line) VALUES (?1, ?2, ?3, ?4, ?5)"));
    FG_TRY(prepare(st, &c->add_member,
                   "INSERT INTO team_members(team_id, seq, role, agency_id, kind, surface) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
out:
    return rc;
}

/* The agencies row for a surface form: canonical when the gazetteer knows it. */
static int agency_id(ingest_ctx *c, const char *surface, fg_kind kind, sqlite3_int64 *id)
{
    fg_store *st = c->st;
    const fg_agency_entry *e = NULL;
    const char *name = surface;
    const char *status = kind == FG_KIND_GROUP ? "group" : kind == FG_KIND_GENERIC ? "generic"
                                                                                  : "unresolved";
    int rc = FG_OK;
    int r;

    char key[1024];

    /* Cached names skip both the gazetteer and SQL (a name of 1 KB or more is not cached). */
    if (snprintf(key, sizeof key, "%d\x1f%s", (int)kind, surface) < (int)sizeof key &&
        cache_get(&st->cache, key, id))
        return FG_OK;
    if (kind == FG_KIND_AGENCY && c->gaz)
        e = fg_gazetteer_lookup(c->gaz, surface, strlen(surface));
    if (e) {
        name = e->canonical;
        status = "known";
    }
    FG_TRY(bind_text(st, c->find_agency, 1, name));
    r = sqlite3_step(c->find_agency);
    if (r == SQLITE_ROW) {
        *id = sqlite3_column_int64(c->find_agency, 0);
        /* A name stored as unresolved that the gazetteer now knows is promoted. */
        if (e && strcmp((const char *)sqlite3_column_text(c->find_agency, 1), "unresolved") == 0) {
            sqlite3_reset(c->find_agency);
            FG_TRY(bind_int(st, c->promote_agency, 1, *id));
            FG_TRY(bind_text(st, c->promote_agency, 2, e->level));
            FG_TRY(bind_text(st, c->promote_agency, 3, e->type));
            FG_TRY(bind_text(st, c->promote_agency, 4, e->successor));
            FG_TRY(bind_int(st, c->promote_agency, 5, e->since));
            FG_TRY(bind_text(st, c->promote_agency, 6, e->source));
            FG_TRY(step_done(st, c->promote_agency, "cannot update an agency"));
        }
        sqlite3_reset(c->find_agency);
        if (strlen(key) < sizeof key - 1)
            cache_put(&st->cache, key, *id);
        return FG_OK;
    }
    sqlite3_reset(c->find_agency);
    if (r != SQLITE_DONE)
        return db_error(st, "cannot look up an agency");
    FG_TRY(bind_text(st, c->add_agency, 1, name));
    FG_TRY(bind_text(st, c->add_agency, 2, status));
    FG_TRY(bind_text(st, c->add_agency, 3, e ? e->level : ""));
    FG_TRY(bind_text(st, c->add_agency, 4, e ? e->type : ""));
    FG_TRY(bind_text(st, c->add_agency, 5, e ? e->successor : ""));
    FG_TRY(bind_int(st, c->add_agency, 6, e ? e->since : 0));
    FG_TRY(bind_text(st, c->add_agency, 7, e ? e->source : ""));
    FG_TRY(step_done(st, c->add_agency, "cannot add an agency"));
    *id = sqlite3_last_insert_rowid(st->db);
    if (e) {
        for (size_t k = 0; k < e->n_aliases; k++) {
            FG_TRY(bind_text(st, c->add_alias, 1, e->aliases[k]));
            FG_TRY(bind_int(st, c->add_alias, 2, *id));
            FG_TRY(step_done(st, c->add_alias, "cannot add an alias"));
        }
    }
    if (strlen(key) < sizeof key - 1)
        cache_put(&st->cache, key, *id);
out:
    return rc;
}

static int insert_doc(ingest_ctx *c, const fg_doc *doc, const char *sha256, size_t n_bytes)
{
    fg_store *st = c->st;
    sqlite3_stmt *s = NULL;
    sqlite3_int64 doc_id;
    sqlite3_int64 *item_ids = NULL;
    int rc = FG_OK;

    FG_TRY(prepare(st, &s, "INSERT INTO documents(name, sha256, n_bytes, title, doc_number, "
                           "issuer, year, date, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                           "?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    FG_TRY(bind_text(st, s, 1, doc->name));
    FG_TRY(bind_text(st, s, 2, sha256));
    FG_TRY(bind_int(st, s, 3, (sqlite3_int64)n_bytes));
    FG_TRY(bind_text(st, s, 4, doc->title));
    FG_TRY(bind_text(st, s, 5, doc->doc_number));
    FG_TRY(bind_text(st, s, 6, doc->issuer));
    if (doc->year)
        FG_TRY(bind_int(st, s, 7, doc->year));
    FG_TRY(bind_text(st, s, 8, doc->date));
    FG_TRY(step_done(st, s, "cannot add the document"));
    doc_id = sqlite3_last_insert_rowid(st->db);

    item_ids = calloc(doc->n_items ? doc->n_items : 1, sizeof *item_ids);
    FG_CHECK_ALLOC(item_ids);
    for (size_t i = 0; i < doc->n_items; i++) {
        const fg_item *it = &doc->items[i];

        FG_TRY(bind_int(st, c->add_item, 1, doc_id));
        FG_TRY(bind_int(st, c->add_item, 2, (sqlite3_int64)i + 1));
        FG_TRY(bind_text(st, c->add_item, 3, it->path));
        if (it->parent != FG_NO_PARENT && it->parent < i)
            FG_TRY(bind_int(st, c->add_item, 4, item_ids[it->parent]));
        FG_TRY(bind_text(st, c->add_item, 5, it->marker));
        FG_TRY(bind_text(st, c->add_item, 6, it->title));
        FG_TRY(bind_text(st, c->add_item, 7, it->text));
        FG_TRY(bind_int(st, c->add_item, 8, (sqlite3_int64)it->line));
        FG_TRY(step_done(st, c->add_item, "cannot add an item"));
        item_ids[i] = sqlite3_last_insert_rowid(st->db);
        for (size_t k = 0; k < it->n_clauses; k++) {
            const fg_clause *cl = &it->clauses[k];
            sqlite3_int64 clause_id;

            FG_TRY(bind_int(st, c->add_clause, 1, item_ids[i]));
            FG_TRY(bind_int(st, c->add_clause, 2, (sqlite3_int64)k + 1));
            FG_TRY(bind_text(st, c->add_clause, 3, cl->text));
            FG_TRY(bind_int(st, c->add_clause, 4, (sqlite3_int64)cl->line));
            FG_TRY(step_done(st, c->add_clause, "cannot add a clause"));
            clause_id = sqlite3_last_insert_rowid(st->db);
            for (size_t a = 0; a < cl->n_assignments; a++) {
                const fg_assignment *as = &cl->assignments[a];
                sqlite3_int64 aid;

                FG_TRY(agency_id(c, as->agency, as->kind, &aid));
                FG_TRY(bind_int(st, c->add_assignment, 1, clause_id));
                FG_TRY(bind_int(st, c->add_assignment, 2, (sqlite3_int64)a + 1));
                FG_TRY(bind_int(st, c->add_assignment, 3, aid));
                FG_TRY(bind_text(st, c->add_assignment, 4, fg_role_name(as->role)));
                FG_TRY(bind_text(st, c->add_assignment, 5, fg_kind_name(as->kind)));
                FG_TRY(bind_text(st, c->add_assignment, 6, as->agency));
                FG_TRY(step_done(st, c->add_assignment, "cannot add an assignment"));
            }
        }
    }
    for (size_t t = 0; t < doc->n_teams; t++) {
        const fg_team *tm = &doc->teams[t];
        sqlite3_int64 team_id;

        FG_TRY(bind_int(st, c->add_team, 1, doc_id));
        FG_TRY(bind_int(st, c->add_team, 2, (sqlite3_int64)t + 1));
        FG_TRY(bind_text(st, c->add_team, 3, tm->name));
        FG_TRY(bind_text(st, c->add_team, 4, tm->part));
        FG_TRY(bind_int(st, c->add_team, 5, (sqlite3_int64)tm->line));
        FG_TRY(step_done(st, c->add_team, "cannot add a team"));
        team_id = sqlite3_last_insert_rowid(st->db);
        for (size_t m = 0; m < tm->n_members; m++) {
            const fg_team_member *mb = &tm->members[m];

            FG_TRY(bind_int(st, c->add_member, 1, team_id));
            FG_TRY(bind_int(st, c->add_member, 2, (sqlite3_int64)m + 1));
            FG_TRY(bind_text(st, c->add_member, 3, fg_team_role_name(mb->role)));
            /* The convenor is a person (省政府副秘书长…), not an agency. */
            if (mb->role != FG_TEAM_CONVENOR) {
                sqlite3_int64 aid;

                FG_TRY(agency_id(c, mb->agency, mb->kind, &aid));
                FG_TRY(bind_int(st, c->add_member, 4, aid));
            }
            FG_TRY(bind_text(st, c->add_member, 5, fg_kind_name(mb->kind)));
            FG_TRY(bind_text(st, c->add_member, 6, mb->agency));
            FG_TRY(step_done(st, c->add_member, "cannot add a team member"));
        }
    }
out:
    sqlite3_finalize(s);
    free(item_ids);
    return rc;
}

int fg_store_ingest(fg_ingest_status *status, fg_store *st, const fg_doc *doc,
                    const char *sha256, size_t n_bytes, const fg_ingest_opts *opts)
{
    fg_ingest_opts def = FG_INGEST_OPTS_INIT;
    ingest_ctx c;
    sqlite3_stmt *s = NULL;
    fg_doc_stats stats;
    int rc = FG_OK;
    int r;

    memset(&c, 0, sizeof c);
    if (status == NULL || st == NULL || doc == NULL || sha256 == NULL || strlen(sha256) != 64)
        return fg_error_set(FG_EINVAL, "fg_store_ingest: status, store, doc and a 64-digit "
                            "sha256 are required");
    if (opts == NULL)
        opts = &def;
    fg_doc_stats_get(&stats, doc);
    if (stats.n_items == 0 && stats.n_clauses == 0 && doc->n_teams == 0)
        return fg_error_set(FG_EINVAL, "%s: no numbered items, clauses or work teams: not a "
                            "task-division document", doc->name);
    c.st = st;
    c.gaz = opts->gazetteer;
    /* Names resolve through this call's gazetteer, which may differ from the last one's. */
    cache_clear(&st->cache);
    FG_TRY(begin(st));
    FG_TRY(prepare(st, &s, "SELECT id, sha256 FROM documents WHERE name = ?1"));
    FG_TRY(bind_text(st, s, 1, doc->name));
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        sqlite3_int64 old_id = sqlite3_column_int64(s, 0);
        const char *old_sha = (const char *)sqlite3_column_text(s, 1);

        if (strcmp(old_sha, sha256) == 0) {
            *status = FG_INGEST_UNCHANGED;
            goto out; /* nothing to write: the rollback below ends the transaction */
        }
        if (!opts->replace) {
            rc = fg_error_set(FG_EINVAL, "%s: a different version is already stored (sha256 "
                              "%.12s…, now %.12s…); use --replace to swap it", doc->name,
                              old_sha, sha256);
            goto out;
        }
        sqlite3_finalize(s);
        s = NULL;
        FG_TRY(prepare(st, &s, "DELETE FROM documents WHERE id = ?1"));
        FG_TRY(bind_int(st, s, 1, old_id));
        FG_TRY(step_done(st, s, "cannot delete the old version"));
        *status = FG_INGEST_REPLACED;
    } else if (r == SQLITE_DONE) {
        sqlite3_finalize(s);
        s = NULL;
        FG_TRY(prepare(st, &s, "SELECT name FROM documents WHERE sha256 = ?1 LIMIT 1"));
        FG_TRY(bind_text(st, s, 1, sha256));
        if (sqlite3_step(s) == SQLITE_ROW) {
            rc = fg_error_set(FG_OK, "%s: same content as the stored document %s; skipped",
                              doc->name, (const char *)sqlite3_column_text(s, 0));
            *status = FG_INGEST_DUPLICATE;
            goto out;
        }
        *status = FG_INGEST_ADDED;
    } else {
        rc = db_error(st, "cannot look up the document");
        goto out;
    }
    FG_TRY(ctx_prepare(&c));
    FG_TRY(insert_doc(&c, doc, sha256, n_bytes));
    ctx_finalize(&c);
    memset(&c, 0, sizeof c);
    sqlite3_finalize(s);
    s = NULL;
    rc = commit(st);
    if (rc < 0)
        rc = fg_error_wrap(rc, "%s: ", doc->name);
out:
    ctx_finalize(&c);
    sqlite3_finalize(s);
    if (rc < 0 || *status == FG_INGEST_UNCHANGED || *status == FG_INGEST_DUPLICATE)
        rollback(st);
    return rc;
}

int fg_store_index(fg_store *st, size_t *n_indexed)
{
    int rc = FG_OK;

    if (n_indexed)
        *n_indexed = 0;
    FG_TRY(begin(st));
    FG_TRY(exec(st, "INSERT INTO items_fts(rowid, title, text) SELECT id, title, text FROM items"
                    " WHERE id > (SELECT value FROM meta WHERE key = 'fts_upto') ORDER BY id",
                "cannot index the items"));
    if (n_indexed)
        *n_indexed = (size_t)sqlite3_changes(st->db);
    FG_TRY(exec(st, "UPDATE meta SET value = (SELECT coalesce(max(id), 0) FROM items)"
                    " WHERE key = 'fts_upto' AND (SELECT coalesce(max(id), 0) FROM items) > value",
                "cannot record the index position"));
    FG_TRY(commit(st));
out:
    if (rc < 0)
        rollback(st);
    return rc;
}

int fg_store_remove(fg_store *st, const char *name)
{
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;

    FG_TRY(begin(st));
    FG_TRY(prepare(st, &s, "DELETE FROM documents WHERE name = ?1"));
    FG_TRY(bind_text(st, s, 1, name));
    FG_TRY(step_done(st, s, "cannot delete the document"));
    if (sqlite3_changes(st->db) == 0) {
        rc = fg_error_set(FG_ENOTFOUND, "%s: no such document in %s", name, st->path);
        goto out;
    }
    sqlite3_finalize(s);
    s = NULL;
    FG_TRY(commit(st));
out:
    sqlite3_finalize(s);
    if (rc < 0)
        rollback(st);
    return rc;
}

/* ---- queries ---- */

/* Run a query with text parameters and hand each row to cb as strings. */
static int query(fg_store *st, const char *sql, size_t n_params, const char *const *params,
                 fg_store_row_cb cb, void *payload)
{
    sqlite3_stmt *s = NULL;
    const char *cols[32];
    int n_cols;
    int rc = FG_OK;
    int r;

    FG_TRY(prepare(st, &s, sql));
    for (size_t i = 0; i < n_params; i++)
        FG_TRY(bind_text(st, s, (int)i + 1, params[i]));
    n_cols = sqlite3_column_count(s);
    if (n_cols > 32)
        n_cols = 32;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        for (int k = 0; k < n_cols; k++) {
            const unsigned char *v = sqlite3_column_text(s, k);

            cols[k] = v ? (const char *)v : "";
        }
        if (cb((size_t)n_cols, cols, payload) != 0)
            break;
    }
    if (r != SQLITE_ROW && r != SQLITE_DONE)
        rc = db_error(st, "query failed");
out:
    sqlite3_finalize(s);
    return rc;
}

int fg_store_documents(fg_store *st, fg_store_row_cb cb, void *payload)
{
    return query(st,
                 "SELECT d.name, d.doc_number, coalesce(d.year, ''), d.date,"
                 " (SELECT count(*) FROM items i WHERE i.doc_id = d.id),"
                 " (SELECT count(*) FROM clauses c JOIN items i ON i.id = c.item_id"
                 "  WHERE i.doc_id = d.id),"
                 " (SELECT count(*) FROM assignments a JOIN clauses c ON c.id = a.clause_id"
                 "  JOIN items i ON i.id = c.item_id WHERE i.doc_id = d.id),"
                 " (SELECT count(*) FROM teams t WHERE t.doc_id = d.id),"
                 " d.title, d.sha256, d.ingested_at"
                 " FROM documents d ORDER BY d.name",
                 0, NULL, cb, payload);
}

/* Every assignment with its clause, item, document and agency, in document order. */
#define ASSIGNMENTS_IN_ORDER                                                                  \
    " FROM assignments a JOIN clauses c ON c.id = a.clause_id"                                \
    " JOIN items i ON i.id = c.item_id JOIN documents d ON d.id = i.doc_id"                   \
    " JOIN agencies g ON g.id = a.agency_id"                                                  \
    " ORDER BY d.name, i.seq, c.seq, a.seq"

int fg_store_assignments(fg_store *st, fg_store_row_cb cb, void *payload)
{
    return query(st,
                 "SELECT d.name, i.path, c.seq, a.role, a.surface, g.name, a.kind, g.status"
                 ASSIGNMENTS_IN_ORDER,
                 0, NULL, cb, payload);
}

int fg_store_edges(fg_store *st, fg_store_row_cb cb, void *payload)
{
    return query(st,
                 "SELECT c.id, d.name, coalesce(d.year, ''), i.path, c.seq, i.title, a.role,"
                 " a.kind, g.name, g.status, g.level, a.surface"
                 ASSIGNMENTS_IN_ORDER,
                 0, NULL, cb, payload);
}

int fg_store_edges_of(fg_store *st, const char *doc, fg_store_row_cb cb, void *payload)
{
    const char *params[1] = {doc};

    return query(st,
                 "SELECT c.id, d.name, coalesce(d.year, ''), i.path, c.seq, i.title, a.role,"
                 " a.kind, g.name, g.status, g.level, a.surface"
                 " FROM documents d JOIN items i ON i.doc_id = d.id"
                 " JOIN clauses c ON c.item_id = i.id JOIN assignments a ON a.clause_id = c.id"
                 " JOIN agencies g ON g.id = a.agency_id WHERE d.name = ?1"
                 " ORDER BY i.seq, c.seq, a.seq",
                 1, params, cb, payload);
}

int fg_store_tasks(fg_store *st, fg_store_row_cb cb, void *payload)
{
    return query(st,
                 "SELECT c.id, d.name, i.path, c.seq, i.title, i.text, c.text, d.issuer"
                 " FROM clauses c JOIN items i ON i.id = c.item_id"
                 " JOIN documents d ON d.id = i.doc_id ORDER BY d.name, i.seq, c.seq",
                 0, NULL, cb, payload);
}

int fg_store_teams(fg_store *st, fg_store_row_cb cb, void *payload)
{
    return query(st,
                 "SELECT d.name, t.name, t.part, d.doc_number, d.date, d.title"
                 " FROM teams t JOIN documents d ON d.id = t.doc_id ORDER BY d.name, t.seq",
                 0, NULL, cb, payload);
}

int fg_store_team_members(fg_store *st, fg_store_row_cb cb, void *payload)
{
    return query(st,
                 "SELECT d.name, t.name, m.role, m.surface, coalesce(g.name, m.surface),"
                 " coalesce(g.status, 'person')"
                 " FROM team_members m JOIN teams t ON t.id = m.team_id"
                 " JOIN documents d ON d.id = t.doc_id LEFT JOIN agencies g ON g.id = m.agency_id"
                 " ORDER BY d.name, t.seq, m.seq",
                 0, NULL, cb, payload);
}

int fg_store_teams_named(fg_store *st, const char *team, fg_store_row_cb cb, void *payload)
{
    const char *params[1] = {team};

    return query(st,
                 "SELECT d.name, t.name, t.part, d.doc_number, d.date, d.title"
                 " FROM teams t JOIN documents d ON d.id = t.doc_id WHERE t.name = ?1"
                 " ORDER BY d.name, t.seq",
                 1, params, cb, payload);
}

int fg_store_team_members_of(fg_store *st, const char *doc, const char *team,
                             fg_store_row_cb cb, void *payload)
{
    const char *params[2] = {doc, team};

    return query(st,
                 "SELECT d.name, t.name, m.role, m.surface, coalesce(g.name, m.surface),"
                 " coalesce(g.status, 'person')"
                 " FROM documents d JOIN teams t ON t.doc_id = d.id"
                 " JOIN team_members m ON m.team_id = t.id"
                 " LEFT JOIN agencies g ON g.id = m.agency_id"
                 " WHERE d.name = ?1 AND t.name = ?2 ORDER BY t.seq, m.seq",
                 2, params, cb, payload);
}

/* Characters (code points) in a UTF-8 string. */
static size_t n_chars(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

int fg_store_search(fg_store *st, const char *q, size_t limit, fg_store_row_cb cb,
                    void *payload)
{
    static const char tail[] =
        " SELECT d.name, i.path, i.title,"
        " coalesce((SELECT group_concat(surface, '、') FROM (SELECT DISTINCT a.surface"
        "  FROM clauses c JOIN assignments a ON a.clause_id = c.id"
        "  WHERE c.item_id = i.id AND a.role = 'lead')), ''),"
        " coalesce((SELECT group_concat(surface, '、') FROM (SELECT DISTINCT a.surface"
        "  FROM clauses c JOIN assignments a ON a.clause_id = c.id"
        "  WHERE c.item_id = i.id AND a.role = 'co')), '')"
        " FROM hits h JOIN items i ON i.id = h.id JOIN documents d ON d.id = i.doc_id"
        " ORDER BY NOT EXISTS (SELECT 1 FROM clauses c WHERE c.item_id = i.id), h.rank,"
        " d.name, i.seq LIMIT ?2";
    fg_str sql = FG_STR_INIT;
    fg_str phrase = FG_STR_INIT;
    char lim[32];
    const char *params[3];
    int rc = FG_OK;

    if (q == NULL || q[0] == '\0')
        return fg_error_set(FG_EINVAL, "search: empty query");
    snprintf(lim, sizeof lim, "%zu", limit ? limit : (size_t)-1 / 2);
    if (n_chars(q) >= 3) {
        /* An FTS5 phrase: the query in double quotes, its own quotes doubled. */
        FG_TRY(fg_str_appendc(&phrase, '"'));
        for (const char *p = q; *p; p++) {
            if (*p == '"')
                FG_TRY(fg_str_appendc(&phrase, '"'));
            FG_TRY(fg_str_appendc(&phrase, *p));
        }
        FG_TRY(fg_str_appendc(&phrase, '"'));
        /* Indexed items through the index, the ones stored since by a scan. */
        static const char fts[] =
            "WITH hits(id, rank) AS (SELECT rowid, rank FROM items_fts WHERE items_fts MATCH ?1"
            " UNION ALL SELECT id, 0 FROM items"
            "  WHERE id > (SELECT value FROM meta WHERE key = 'fts_upto')"
            "  AND (instr(title, ?3) > 0 OR instr(text, ?3) > 0))";

        FG_TRY(fg_str_append(&sql, fts, sizeof fts - 1));
        params[0] = phrase.ptr;
    } else {
        /* Trigrams cannot match one or two characters: scan instead. */
        static const char scan[] = "WITH hits(id, rank) AS (SELECT id, 0 FROM items"
                                   " WHERE instr(title, ?1) > 0 OR instr(text, ?1) > 0)";

        FG_TRY(fg_str_append(&sql, scan, sizeof scan - 1));
        params[0] = q;
    }
    FG_TRY(fg_str_append(&sql, tail, sizeof tail - 1));
    params[1] = lim;
    params[2] = q;
    rc = query(st, sql.ptr, n_chars(q) >= 3 ? 3 : 2, params, cb, payload);
out:
    fg_str_dispose(&sql);
    fg_str_dispose(&phrase);
    return rc;
}

int fg_store_agencies(fg_store *st, int unresolved_only, fg_store_row_cb cb, void *payload)
{
    if (unresolved_only)
        return query(st,
                     "SELECT g.name, count(*), group_concat(DISTINCT d.name)"
                     " FROM agencies g JOIN assignments a ON a.agency_id = g.id"
                     " JOIN clauses c ON c.id = a.clause_id JOIN items i ON i.id = c.item_id"
                     " JOIN documents d ON d.id = i.doc_id WHERE g.status = 'unresolved'"
                     " GROUP BY g.id ORDER BY count(*) DESC, g.name",
                     0, NULL, cb, payload);
    return query(st,
                 "SELECT g.name, g.status, g.level, g.type,"
                 " sum(a.role = 'lead'), sum(a.role = 'co'),"
                 " count(DISTINCT i.doc_id)"
                 " FROM agencies g JOIN assignments a ON a.agency_id = g.id"
                 " JOIN clauses c ON c.id = a.clause_id JOIN items i ON i.id = c.item_id"
                 " GROUP BY g.id ORDER BY sum(a.role = 'lead') DESC, count(*) DESC, g.name",
                 0, NULL, cb, payload);
}

typedef struct found_ctx {
    fg_store_row_cb cb;
    void *payload;
    size_t n;
} found_ctx;

static int count_rows(size_t n_cols, const char *const *cols, void *payload)
{
    found_ctx *f = payload;

    f->n++;
    return f->cb(n_cols, cols, f->payload);
}

int fg_store_agency_tasks(fg_store *st, const char *name, fg_store_row_cb cb, void *payload)
{
    found_ctx f = {cb, payload, 0};
    const char *params[1] = {name};
    int rc = query(st,
                   "SELECT d.name, i.path, c.seq, a.role, a.surface, i.title"
                   " FROM assignments a JOIN clauses c ON c.id = a.clause_id"
                   " JOIN items i ON i.id = c.item_id JOIN documents d ON d.id = i.doc_id"
                   " WHERE a.agency_id IN (SELECT id FROM agencies WHERE name = ?1"
                   "  UNION SELECT agency_id FROM aliases WHERE alias = ?1"
                   "  UNION SELECT agency_id FROM assignments WHERE surface = ?1)"
                   " ORDER BY d.name, i.seq, c.seq",
                   1, params, count_rows, &f);

    if (rc == FG_OK && f.n == 0)
        rc = fg_error_set(FG_ENOTFOUND, "%s: no such agency in %s", name, st->path);
    return rc;
}

/* ---- typed streams for building graphs ---- */

int fg_store_agency_list(fg_store *st, fg_store_agency_cb cb, void *payload)
{
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;
    int r;

    FG_TRY(prepare(st, &s, "SELECT id, name, status, level FROM agencies ORDER BY id"));
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        fg_store_agency_row row;

        row.id = sqlite3_column_int64(s, 0);
        row.name = (const char *)sqlite3_column_text(s, 1);
        row.status = (const char *)sqlite3_column_text(s, 2);
        row.level = (const char *)sqlite3_column_text(s, 3);
        if (row.name == NULL || row.status == NULL || row.level == NULL) {
            rc = fg_error_set(FG_EDB, "%s: agency %lld has NULL fields", st->path,
                              (long long)row.id);
            goto out;
        }
        if (cb(&row, payload) != 0)
            goto out;
    }
    if (r != SQLITE_DONE)
        rc = db_error(st, "query failed");
out:
    sqlite3_finalize(s);
    return rc;
}

/*
 * The join runs documents → items → clauses → assignments (CROSS JOIN fixes that order), so
 * the indexes on documents(name), items(doc_id, seq), clauses(item_id, seq) and
 * assignments(clause_id, seq) deliver the rows already in document order: no sort of the
 * whole table, and memory stays flat however large the store.
 */
int fg_store_edge_rows(fg_store *st, const fg_store_edge_query *q, fg_store_edge_cb cb,
                       void *payload)
{
    fg_str sql = FG_STR_INIT;
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;
    int r;
    int p = 1;

    static const char head[] =
        "SELECT d.id, d.name, coalesce(d.year, 0), i.id, i.path, i.title,"
        " c.id, c.seq, a.agency_id, a.role = 'lead'"
        " FROM documents d CROSS JOIN items i CROSS JOIN clauses c CROSS JOIN assignments a"
        " WHERE i.doc_id = d.id AND c.item_id = i.id AND a.clause_id = c.id";
    static const char tail[] = " ORDER BY d.name, i.seq, c.seq, a.seq";
    size_t n_docs = q ? q->n_docs : 0;

    if (n_docs > 30000)
        return fg_error_set(FG_EINVAL, "too many documents to select (%zu; at most 30000)",
                            n_docs);
    FG_TRY(fg_str_append(&sql, head, sizeof head - 1));
    if (q && q->year)
        FG_TRY(fg_str_append(&sql, " AND d.year = ?", strlen(" AND d.year = ?")));
    for (size_t i = 0; i < n_docs; i++) {
        const char *more = i ? ", ?" : " AND d.name IN (?";

        FG_TRY(fg_str_append(&sql, more, strlen(more)));
    }
    if (n_docs)
        FG_TRY(fg_str_appendc(&sql, ')'));
    FG_TRY(fg_str_append(&sql, tail, sizeof tail - 1));
    FG_TRY(prepare(st, &s, sql.ptr));
    if (q && q->year)
        FG_TRY(bind_int(st, s, p++, q->year));
    for (size_t i = 0; i < n_docs; i++)
        FG_TRY(bind_text(st, s, p++, q->docs[i]));
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        fg_store_edge_row row;

        row.doc_id = sqlite3_column_int64(s, 0);
        row.doc = (const char *)sqlite3_column_text(s, 1);
        row.year = sqlite3_column_int(s, 2);
        row.item_id = sqlite3_column_int64(s, 3);
        row.path = (const char *)sqlite3_column_text(s, 4);
        row.title = (const char *)sqlite3_column_text(s, 5);
        row.clause_id = sqlite3_column_int64(s, 6);
        row.clause = sqlite3_column_int(s, 7);
        row.agency_id = sqlite3_column_int64(s, 8);
        row.lead = sqlite3_column_int(s, 9) != 0;
        if (row.doc == NULL || row.path == NULL || row.title == NULL) {
            rc = fg_error_set(FG_EDB, "%s: clause %lld has NULL fields", st->path,
                              (long long)row.clause_id);
            goto out;
        }
        if (cb(&row, payload) != 0)
            goto out;
    }
    if (r != SQLITE_DONE)
        rc = db_error(st, "query failed");
out:
    sqlite3_finalize(s);
    fg_str_dispose(&sql);
    return rc;
}

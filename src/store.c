/*
 * The SQLite store. The schema lives in src/schema.sql (embedded at build time) as numbered
 * migration blocks applied in order under PRAGMA user_version. Every write happens inside
 * one BEGIN IMMEDIATE … COMMIT per document, with bound parameters only and explicit byte
 * lengths, so a failed or interrupted ingest leaves the database as it was (WAL journal).
 * Names are resolved through the gazetteer at ingest; the surface form is always kept.
 * sqlite3_errmsg() is copied into our error at once, before any cleanup can change it.
 */
#include "fengong/store.h"

#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "embedded.h"
#include "error.h"
#include "grow.h"
#include "store_int.h"
#include "str.h"

/*
 * Agency name → agencies.id (and whether the row is still unresolved), so that each name
 * costs one SQL look-up per store. Keyed by the stored name (the canonical name when the
 * gazetteer knows the surface), so it holds whatever gazetteer each ingest brings. It only
 * holds rows committed or written in the open transaction: a rollback clears it, and so
 * does a commit by another connection (PRAGMA data_version), which may have changed rows.
 */
typedef struct id_cache {
    char **keys;
    sqlite3_int64 *ids;
    unsigned char *unresolved;
    size_t n;
    size_t cap;           /* a power of two, or 0 */
} id_cache;

/* The statements of the write path, prepared on first use and kept until the store closes. */
typedef enum stmt_id {
    ST_BEGIN,
    ST_COMMIT,
    ST_DATA_VERSION,
    ST_DOC_BY_NAME,
    ST_DOC_BY_SHA,
    ST_DELETE_DOC,
    ST_ADD_DOC,
    ST_FIND_AGENCY,
    ST_ADD_AGENCY,
    ST_PROMOTE_AGENCY,
    ST_ADD_ALIAS,
    ST_NEXT_IDS,
    ST_INDEX_END,
    ST_INDEX_ITEMS,
    ST_INDEX_UPTO,
    N_STMTS
} stmt_id;

static const char *const stmt_sql[N_STMTS] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_DATA_VERSION] = "PRAGMA data_version",
    [ST_DOC_BY_NAME] = "SELECT id, sha256, tracked FROM documents WHERE name = ?1",
    [ST_DOC_BY_SHA] = "SELECT name FROM documents WHERE sha256 = ?1 LIMIT 1",
    [ST_DELETE_DOC] = "DELETE FROM documents WHERE id = ?1",
    [ST_ADD_DOC] = "INSERT INTO documents(name, sha256, n_bytes, title, doc_number, issuer, "
                   "year, date, n_unparsed, format, tracked, ingested_at) VALUES (?1, ?2, ?3, ?4, "
                   "?5, ?6, ?7, ?8, ?9, ?10, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    [ST_FIND_AGENCY] = "SELECT id, status FROM agencies WHERE name = ?1",
    [ST_ADD_AGENCY] = "INSERT INTO agencies(name, status, level, type, successor, since, "
                      "source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [ST_PROMOTE_AGENCY] = "UPDATE agencies SET status = 'known', level = ?2, type = ?3, "
                          "successor = ?4, since = ?5, source = ?6 WHERE id = ?1",
    [ST_ADD_ALIAS] = "INSERT OR IGNORE INTO aliases(alias, agency_id) VALUES (?1, ?2)",
    /* The ids SQLite would give the next item (AUTOINCREMENT), clause and team. */
    [ST_NEXT_IDS] = "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'items'),"
                    " 0), coalesce((SELECT max(id) FROM items), 0)) + 1,"
                    " coalesce((SELECT max(id) FROM clauses), 0) + 1,"
                    " coalesce((SELECT max(id) FROM teams), 0) + 1",
    /* The last of the next ?1 items the search index lacks (0: none). */
    [ST_INDEX_END] = "SELECT coalesce(max(id), 0) FROM (SELECT id FROM items WHERE id >"
                     " (SELECT value FROM meta WHERE key = 'fts_upto') ORDER BY id LIMIT ?1)",
    [ST_INDEX_ITEMS] = "INSERT INTO items_fts(rowid, text) SELECT id, text"
                       " FROM items WHERE id > (SELECT value FROM meta WHERE key = 'fts_upto')"
                       " AND id <= ?1 ORDER BY id",
    [ST_INDEX_UPTO] = "UPDATE meta SET value = ?1 WHERE key = 'fts_upto'",
};

/*
 * The rows of a document go in by multi-row INSERTs of up to BATCH_MAX rows (one statement
 * step per batch instead of per row), each table with statements for 1, 2, 4 … BATCH_MAX
 * rows, so that any number of rows takes few steps. OR ROLLBACK: a failing row ends the
 * whole transaction, as any error of an ingest does, so SQLite keeps no statement journal.
 */
typedef enum batch_id {
    B_ITEMS,
    B_CLAUSES,
    B_ASSIGNMENTS,
    B_TEAMS,
    B_MEMBERS,
    B_CLAUSE_DUES,
    B_ITEM_DUES,
    B_TARGETS,
    N_BATCHES
} batch_id;

#define BATCH_LEVELS 6
#define BATCH_MAX (1 << (BATCH_LEVELS - 1))
#define BATCH_COLS 9

static const struct batch_table {
    const char *insert;  /* up to VALUES */
    int n_cols;
    const char *what;    /* for the error message */
} batch_tables[N_BATCHES] = {
    [B_ITEMS] = {"INSERT OR ROLLBACK INTO items(id, doc_id, seq, path, parent_id, marker, title,"
                 " text, line) VALUES ", 9, "cannot add an item"},
    [B_CLAUSES] = {"INSERT OR ROLLBACK INTO clauses(id, item_id, seq, text, line) VALUES ", 5,
                   "cannot add a clause"},
    [B_ASSIGNMENTS] = {"INSERT OR ROLLBACK INTO assignments(clause_id, seq, agency_id, role, kind,"
                       " surface) VALUES ", 6, "cannot add an assignment"},
    [B_TEAMS] = {"INSERT OR ROLLBACK INTO teams(id, doc_id, seq, name, part, line) VALUES ", 6,
                 "cannot add a team"},
    [B_MEMBERS] = {"INSERT OR ROLLBACK INTO team_members(team_id, seq, agency_id, role, kind,"
                   " surface) VALUES ", 6, "cannot add a team member"},
    [B_CLAUSE_DUES] = {"INSERT OR ROLLBACK INTO clause_deadlines(clause_id, kind, every, phrase,"
                       " date, year_assumed, source) VALUES ", 7, "cannot add a deadline"},
    [B_ITEM_DUES] = {"INSERT OR ROLLBACK INTO item_deadlines(item_id, kind, every, phrase, date,"
                     " year_assumed, source) VALUES ", 7, "cannot add a deadline"},
    [B_TARGETS] = {"INSERT OR ROLLBACK INTO targets(item_id, seq, text, subject, change, bound,"
                   " value, value_hi, unit) VALUES ", 9, "cannot add a target"},
};

/*
 * The WAL is copied into the database (checkpointed) by a thread of its own with a
 * connection of its own, started by the first ingest, so that the copying and its fsyncs
 * overlap the next documents instead of stopping the writer (SQLite's automatic checkpoint
 * is off). After each commit that adds CKPT_STEP frames to the WAL a pass is asked for;
 * PASSIVE passes never wait for the writer. The WAL starts again from its beginning only
 * when a transaction begins with every frame copied, which a writer with documents queued
 * up rarely sees: once the WAL holds CKPT_LIMIT frames the writer waits, before its next
 * BEGIN, for a pass over the whole WAL. Durability is SQLite's: the same commits, the same
 * fsyncs of the WAL and the database at each checkpoint, only in another thread.
 */
#define CKPT_STEP 1000   /* frames: SQLite's wal_autocheckpoint default */
#define CKPT_LIMIT 8000  /* frames (32 MB of 4 KB pages) */

typedef struct checkpointer {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t wake;         /* a pass is asked for, or the thread is to stop */
    pthread_cond_t done;         /* a pass has ended */
    sqlite3 *db;                 /* the thread's connection */
    unsigned long asked;         /* passes asked for, and passes ended: the thread is idle */
    unsigned long ended;         /*   when they are equal */
    int stop;
} checkpointer;

struct fg_store {
    sqlite3 *db;
    char *path;
    int in_txn;
    int foreign_keys;             /* PRAGMA foreign_keys as last set */
    checkpointer *ckpt;           /* NULL until the first ingest, or when it could not start */
    int wal_frames;               /* frames in the WAL after the last commit */
    int ckpt_asked_at;            /* wal_frames when a pass was last asked for */
    int ckpt_wait_at;             /* wal_frames from which the writer waits for a pass */
    sqlite3_stmt *stmts[N_STMTS];
    sqlite3_stmt *batch_stmts[N_BATCHES][BATCH_LEVELS];
    id_cache cache;
    sqlite3_int64 data_version;  /* at the last commit, to see other connections' commits */
    int timeout_ms;              /* the busy timeout */
};

static void cache_clear(id_cache *c)
{
    for (size_t i = 0; i < c->cap; i++)
        free(c->keys[i]);
    free(c->keys);
    free(c->ids);
    free(c->unresolved);
    memset(c, 0, sizeof *c);
}

/* The slot of key, or -1. */
static long cache_find(const id_cache *c, const char *key)
{
    if (c->cap == 0)
        return -1;
    for (size_t h = fg_hash_str(key) & (c->cap - 1); c->keys[h]; h = (h + 1) & (c->cap - 1)) {
        if (strcmp(c->keys[h], key) == 0)
            return (long)h;
    }
    return -1;
}

/* Double the table; 0, or -1 when out of memory (the table is then unchanged). */
static int cache_grow(id_cache *c)
{
    id_cache bigger = {NULL, NULL, NULL, 0, c->cap ? c->cap * 2 : 256};

    bigger.keys = calloc(bigger.cap, sizeof *bigger.keys);
    bigger.ids = calloc(bigger.cap, sizeof *bigger.ids);
    bigger.unresolved = calloc(bigger.cap, sizeof *bigger.unresolved);
    if (bigger.keys == NULL || bigger.ids == NULL || bigger.unresolved == NULL) {
        free(bigger.keys);
        free(bigger.ids);
        free(bigger.unresolved);
        return -1;
    }
    for (size_t i = 0; i < c->cap; i++) {
        if (c->keys[i]) {
            size_t j = fg_hash_str(c->keys[i]) & (bigger.cap - 1);

            while (bigger.keys[j])
                j = (j + 1) & (bigger.cap - 1);
            bigger.keys[j] = c->keys[i];
            bigger.ids[j] = c->ids[i];
            bigger.unresolved[j] = c->unresolved[i];
            bigger.n++;
        }
    }
    free(c->keys);
    free(c->ids);
    free(c->unresolved);
    *c = bigger;
    return 0;
}

/* Best effort: a failed allocation only means a slower look-up next time. */
static void cache_put(id_cache *c, const char *key, sqlite3_int64 id, int unresolved)
{
    size_t len = strlen(key);
    size_t h;

    if (c->n * 2 >= c->cap && cache_grow(c) < 0)
        return;
    h = fg_hash_str(key) & (c->cap - 1);
    while (c->keys[h])
        h = (h + 1) & (c->cap - 1);
    c->keys[h] = malloc(len + 1);
    if (c->keys[h] == NULL)
        return;
    memcpy(c->keys[h], key, len + 1);
    c->ids[h] = id;
    c->unresolved[h] = (unsigned char)unresolved;
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

static int prepare(fg_store *st, sqlite3_stmt **out, const char *sql)
{
    if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK) {
        *out = NULL;
        return db_error(st, "cannot prepare a statement");
    }
    return FG_OK;
}

/* The store's statement id, prepared on first use; reset by whoever steps it. */
static int stmt(fg_store *st, stmt_id id, sqlite3_stmt **out)
{
    if (st->stmts[id] == NULL &&
        sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st->stmts[id],
                           NULL) != SQLITE_OK) {
        st->stmts[id] = NULL;
        *out = NULL;
        return db_error(st, "cannot prepare a statement");
    }
    *out = st->stmts[id];
    return FG_OK;
}

/* Run a cached statement that returns no row. */
static int run(fg_store *st, stmt_id id, const char *what)
{
    sqlite3_stmt *s;
    int rc = stmt(st, id, &s);
    int r;

    if (rc < 0)
        return rc;
    r = sqlite3_step(s);
    if (r != SQLITE_DONE && r != SQLITE_ROW)
        rc = db_error(st, what);
    sqlite3_reset(s);
    return rc;
}

/* ---- checkpoints ---- */

static void *checkpoint_main(void *arg)
{
    checkpointer *k = arg;

    pthread_mutex_lock(&k->mu);
    for (;;) {
        unsigned long pass;

        while (!k->stop && k->ended == k->asked)
            pthread_cond_wait(&k->wake, &k->mu);
        if (k->stop)
            break;
        pass = k->asked;
        pthread_mutex_unlock(&k->mu);
        /* Best effort, as SQLite's own automatic checkpoint: a pass that fails or cannot
         * copy everything (a reader holds old frames) is followed by the next one. */
        sqlite3_wal_checkpoint_v2(k->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&k->mu);
        k->ended = pass;
        pthread_cond_broadcast(&k->done);
    }
    pthread_mutex_unlock(&k->mu);
    return NULL;
}

/* Ask for a pass; returns its number. */
static unsigned long checkpoint_ask(checkpointer *k)
{
    unsigned long pass;

    pthread_mutex_lock(&k->mu);
    pass = ++k->asked;
    pthread_cond_signal(&k->wake);
    pthread_mutex_unlock(&k->mu);
    return pass;
}

static void checkpoint_wait(checkpointer *k, unsigned long pass)
{
    pthread_mutex_lock(&k->mu);
    while (k->ended < pass)
        pthread_cond_wait(&k->done, &k->mu);
    pthread_mutex_unlock(&k->mu);
}

static void checkpointer_free(checkpointer *k)
{
    if (k == NULL)
        return;
    pthread_mutex_lock(&k->mu);
    k->stop = 1;
    pthread_cond_signal(&k->wake);
    pthread_mutex_unlock(&k->mu);
    pthread_join(k->thread, NULL);
    pthread_cond_destroy(&k->done);
    pthread_cond_destroy(&k->wake);
    pthread_mutex_destroy(&k->mu);
    sqlite3_close_v2(k->db);
    free(k);
}

/* The WAL hook of the writer's connection, after each commit. */
static int on_wal_commit(void *arg, sqlite3 *db, const char *schema, int n_frames)
{
    fg_store *st = arg;

    st->wal_frames = n_frames;
    if (n_frames < st->ckpt_asked_at) { /* the WAL started again */
        st->ckpt_asked_at = 0;
        st->ckpt_wait_at = CKPT_LIMIT;
    }
    if (n_frames - st->ckpt_asked_at < CKPT_STEP)
        return SQLITE_OK;
    st->ckpt_asked_at = n_frames;
    if (st->ckpt)
        checkpoint_ask(st->ckpt);
    else /* no thread: what SQLite's automatic checkpoint does */
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    return SQLITE_OK;
}

/* Start the checkpoint thread; without one (no connection, no thread) the writer checkpoints. */
static void checkpointer_start(fg_store *st)
{
    checkpointer *k = calloc(1, sizeof *k);

    if (k == NULL)
        return;
    if (sqlite3_open_v2(st->path, &k->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK ||
        sqlite3_exec(k->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close_v2(k->db);
        free(k);
        return;
    }
    pthread_mutex_init(&k->mu, NULL);
    pthread_cond_init(&k->wake, NULL);
    pthread_cond_init(&k->done, NULL);
    if (pthread_create(&k->thread, NULL, checkpoint_main, k) != 0) {
        pthread_cond_destroy(&k->done);
        pthread_cond_destroy(&k->wake);
        pthread_mutex_destroy(&k->mu);
        sqlite3_close_v2(k->db);
        free(k);
        return;
    }
    st->ckpt = k;
}

/* Before a write transaction: wait for a pass over the whole WAL once it is too long. */
static void checkpoint_before_begin(fg_store *st)
{
    if (st->ckpt == NULL || st->wal_frames < st->ckpt_wait_at)
        return;
    checkpoint_wait(st->ckpt, checkpoint_ask(st->ckpt));
    /* Should a reader keep the WAL from starting again, wait again only CKPT_LIMIT later. */
    st->ckpt_wait_at = st->wal_frames + CKPT_LIMIT;
    st->ckpt_asked_at = st->wal_frames;
}

/* PRAGMA data_version: changes when another connection has committed. */
static int read_data_version(fg_store *st, sqlite3_int64 *v)
{
    sqlite3_stmt *s;
    int rc = stmt(st, ST_DATA_VERSION, &s);

    if (rc < 0)
        return rc;
    if (sqlite3_step(s) == SQLITE_ROW)
        *v = sqlite3_column_int64(s, 0);
    else
        rc = db_error(st, "cannot read the data version");
    sqlite3_reset(s);
    return rc;
}

/*
 * BEGIN IMMEDIATE. SQLite's write lock is not fair: a writer storing document after document
 * takes it again as soon as it commits, and another writer, whose busy handler only tries
 * now and then, seldom finds it free; after the busy timeout its document would fail with
 * "database is locked" although the lock changes hands all the time (one of two concurrent
 * ingests lost a document so, under load). So the wait goes on while other connections
 * commit: it fails only after a whole busy timeout in which nobody committed (PRAGMA
 * data_version did not change), a lock that is held, not passed around.
 */
static int begin(fg_store *st)
{
    sqlite3_stmt *s;
    sqlite3_int64 seen = 0;
    sqlite3_int64 now = 0;
    int rc;

    checkpoint_before_begin(st);
    FG_TRY(read_data_version(st, &seen));
    FG_TRY(stmt(st, ST_BEGIN, &s));
    for (;;) {
        int r = sqlite3_step(s);

        if (r == SQLITE_DONE) {
            sqlite3_reset(s);
            st->in_txn = 1;
            return FG_OK;
        }
        rc = db_error(st, "cannot start a transaction");
        sqlite3_reset(s);
        if ((r & 0xff) != SQLITE_BUSY)
            return rc;
        if (read_data_version(st, &now) < 0)
            return FG_EDB; /* its message says why */
        if (now == seen) /* nobody committed while we waited: the error stands */
            return rc;
        seen = now;
    }
out:
    return rc;
}

static int commit(fg_store *st)
{
    int rc = run(st, ST_COMMIT, "cannot commit");

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

static int bind_text(fg_store *st, sqlite3_stmt *s, int i, const char *v)
{
    size_t n = v ? strlen(v) : 0;

    /* Static: every bound value outlives the statement's step (the statement is reset and
     * rebound before its next use). */
    if (sqlite3_bind_text(s, i, v ? v : "", (int)n, SQLITE_STATIC) != SQLITE_OK)
        return db_error(st, "cannot bind a value");
    return FG_OK;
}

static int bind_int(fg_store *st, sqlite3_stmt *s, int i, sqlite3_int64 v)
{
    if (sqlite3_bind_int64(s, i, v) != SQLITE_OK)
        return db_error(st, "cannot bind a value");
    return FG_OK;
}

static int bind_real(fg_store *st, sqlite3_stmt *s, int i, double v)
{
    if (sqlite3_bind_double(s, i, v) != SQLITE_OK)
        return db_error(st, "cannot bind a value");
    return FG_OK;
}

static int bind_null(fg_store *st, sqlite3_stmt *s, int i)
{
    if (sqlite3_bind_null(s, i) != SQLITE_OK)
        return db_error(st, "cannot bind a value");
    return FG_OK;
}

/* Step a statement that returns no row; reset it for reuse (its bindings stay). */
static int step_done(fg_store *st, sqlite3_stmt *s, const char *what)
{
    int r = sqlite3_step(s);
    int rc = FG_OK;

    if (r != SQLITE_DONE && r != SQLITE_ROW)
        rc = db_error(st, what);
    sqlite3_reset(s);
    return rc;
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
        /* A pending read of the schema would lock the tables a migration drops. */
        sqlite3_finalize(s);
        s = NULL;
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

/*
 * A database without a schema version must have no tables. The version is read again in
 * the same statement (one snapshot): another fengong may have created the schema since
 * user_version() looked, and that database is ours.
 */
static int check_empty(fg_store *st)
{
    sqlite3_stmt *s = NULL;
    int rc = prepare(st, &s, "SELECT count(*) FROM sqlite_master "
                     "WHERE (SELECT user_version FROM pragma_user_version) = 0");

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

/*
 * Switch to WAL. The switch needs the database to itself, and SQLite answers SQLITE_BUSY
 * at once, without the busy handler, when another connection is making the same switch
 * or holds a read lock that would deadlock with it; so wait here, up to timeout_ms.
 */
static int set_wal(fg_store *st, int timeout_ms)
{
    int waited = 0;
    int pause = 2;

    for (;;) {
        if (sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) == SQLITE_OK)
            return FG_OK;
        if ((sqlite3_errcode(st->db) & 0xff) != SQLITE_BUSY || waited >= timeout_ms)
            return db_error(st, "cannot switch to WAL");
        sqlite3_sleep(pause);
        waited += pause;
        if (pause < 64)
            pause *= 2;
    }
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
    int timeout_ms;
    int v = 0;

    if (out == NULL || path == NULL)
        return fg_error_set(FG_EINVAL, "fg_store_open: out and path are required");
    *out = NULL;
    if (opts == NULL)
        opts = &def;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return fg_error_set(FG_EDB, "%s: is a directory, not a database", path);
    if ((opts->read_only || opts->must_exist) && stat(path, &sb) != 0)
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
    timeout_ms = opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : 10000;
    st->timeout_ms = timeout_ms;
    sqlite3_busy_timeout(st->db, timeout_ms);
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
    st->foreign_keys = 1;
    if (opts->read_only) {
        if (v < FG_STORE_SCHEMA_VERSION) {
            rc = fg_error_set(FG_EDB, "%s: schema version %d is older than %d; run 'fengong "
                              "index' once to migrate it", path, v, FG_STORE_SCHEMA_VERSION);
            goto out;
        }
    } else {
        FG_TRY(set_wal(st, timeout_ms));
        FG_TRY(exec(st, "PRAGMA synchronous = NORMAL", "cannot set synchronous"));
        st->ckpt_wait_at = CKPT_LIMIT;
        sqlite3_wal_hook(st->db, on_wal_commit, st); /* instead of the automatic checkpoint */
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
    checkpointer_free(st->ckpt);
    cache_clear(&st->cache);
    for (size_t i = 0; i < N_STMTS; i++)
        sqlite3_finalize(st->stmts[i]);
    for (size_t b = 0; b < N_BATCHES; b++)
        for (size_t k = 0; k < BATCH_LEVELS; k++)
            sqlite3_finalize(st->batch_stmts[b][k]);
    sqlite3_close_v2(st->db);
    free(st->path);
    free(st);
}

/*
 * Whether db holds no document: no documents row, or no tables at all (a file created by an
 * open that was interrupted before the schema).
 */
static int holds_no_document(sqlite3 *db)
{
    sqlite3_stmt *s = NULL;
    int empty = 0;

    if (sqlite3_prepare_v2(db, "SELECT NOT EXISTS (SELECT 1 FROM documents)", -1, &s,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(s);
        s = NULL;
        if (sqlite3_prepare_v2(db, "SELECT count(*) = 0 FROM sqlite_master", -1, &s,
                               NULL) != SQLITE_OK) {
            sqlite3_finalize(s);
            return 0;
        }
    }
    if (sqlite3_step(s) == SQLITE_ROW)
        empty = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return empty;
}

/*
 * In WAL mode each connection that has read the database keeps a shared lock on its file
 * until it closes, so the exclusive lock that locking_mode = EXCLUSIVE takes at BEGIN is ours
 * only when no other connection has the database open; it fails at once (no busy timeout)
 * otherwise. The files are deleted while it is held: a process opening the database now
 * waits for it, and only one that opened the file in that moment and reads it afterwards
 * would find it deleted.
 */
int fg_store_drop_unused(const char *path, int *removed)
{
    static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
    sqlite3 *db = NULL;
    char *name = NULL;
    size_t n;
    int rc = FG_OK;

    if (removed)
        *removed = 0;
    if (path == NULL || strcmp(path, ":memory:") == 0)
        return FG_OK;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
            SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN IMMEDIATE", NULL, NULL,
                     NULL) != SQLITE_OK ||
        !holds_no_document(db))
        goto out; /* none, in use or not empty: kept */
    n = strlen(path) + 16;
    name = malloc(n);
    FG_CHECK_ALLOC(name);
    for (size_t k = 0; k < sizeof ext / sizeof *ext; k++) {
        snprintf(name, n, "%s%s", path, ext[k]);
        remove(name);
    }
    if (removed)
        *removed = 1;
out:
    free(name);
    sqlite3_close_v2(db); /* rolls back; what it would write goes to the deleted files */
    return rc;
}

/* ---- ingest ---- */

/* One bound value of a pending row: an integer, a real, a text (borrowed) or NULL. */
typedef struct cell {
    const char *text;     /* when not NULL */
    sqlite3_int64 num;
    double real;          /* when is_real */
    int is_real;
    int null;
} cell;

/*
 * The agency id of each (kind, surface) met in the document being written, so that a name
 * named again costs one hash look-up (no gazetteer, no cache of stored names). The keys are
 * the document's own strings. Full at half its slots: later names go the long way.
 */
#define MEMO_SLOTS 1024

typedef struct memo_slot {
    const char *surface;  /* NULL: empty */
    fg_kind kind;
    sqlite3_int64 id;
} memo_slot;

typedef struct ingest_ctx {
    fg_store *st;
    const fg_gazetteer *gaz;
    size_t n_memo;
    memo_slot memo[MEMO_SLOTS];
    sqlite3_int64 next_item;    /* the ids of the next item, clause and team */
    sqlite3_int64 next_clause;
    sqlite3_int64 next_team;
    size_t n_rows[N_BATCHES];   /* rows pending in each batch */
    cell rows[N_BATCHES][BATCH_MAX * BATCH_COLS];
} ingest_ctx;

/* A new agencies row for name (canonical when e is the gazetteer's entry), with its aliases. */
static int add_agency(ingest_ctx *c, const char *name, const char *status,
                      const fg_agency_entry *e, sqlite3_int64 *id)
{
    fg_store *st = c->st;
    sqlite3_stmt *s;
    int rc = FG_OK;

    FG_TRY(stmt(st, ST_ADD_AGENCY, &s));
    FG_TRY(bind_text(st, s, 1, name));
    FG_TRY(bind_text(st, s, 2, status));
    FG_TRY(bind_text(st, s, 3, e ? e->level : ""));
    FG_TRY(bind_text(st, s, 4, e ? e->type : ""));
    FG_TRY(bind_text(st, s, 5, e ? e->successor : ""));
    FG_TRY(bind_int(st, s, 6, e ? e->since : 0));
    FG_TRY(bind_text(st, s, 7, e ? e->source : ""));
    FG_TRY(step_done(st, s, "cannot add an agency"));
    *id = sqlite3_last_insert_rowid(st->db);
    if (e) {
        FG_TRY(stmt(st, ST_ADD_ALIAS, &s));
        for (size_t k = 0; k < e->n_aliases; k++) {
            FG_TRY(bind_text(st, s, 1, e->aliases[k]));
            FG_TRY(bind_int(st, s, 2, *id));
            FG_TRY(step_done(st, s, "cannot add an alias"));
        }
    }
out:
    return rc;
}

/* A name stored as unresolved that the gazetteer now knows becomes known. */
static int promote_agency(ingest_ctx *c, sqlite3_int64 id, const fg_agency_entry *e)
{
    fg_store *st = c->st;
    sqlite3_stmt *s;
    int rc = FG_OK;

    FG_TRY(stmt(st, ST_PROMOTE_AGENCY, &s));
    FG_TRY(bind_int(st, s, 1, id));
    FG_TRY(bind_text(st, s, 2, e->level));
    FG_TRY(bind_text(st, s, 3, e->type));
    FG_TRY(bind_text(st, s, 4, e->successor));
    FG_TRY(bind_int(st, s, 5, e->since));
    FG_TRY(bind_text(st, s, 6, e->source));
    FG_TRY(step_done(st, s, "cannot update an agency"));
out:
    return rc;
}

/* The stored agency named name: 1 with its id and status, or 0 when there is none. */
static int find_agency(ingest_ctx *c, const char *name, sqlite3_int64 *id, int *unresolved)
{
    fg_store *st = c->st;
    sqlite3_stmt *s;
    int rc = FG_OK;
    int r;

    FG_TRY(stmt(st, ST_FIND_AGENCY, &s));
    FG_TRY(bind_text(st, s, 1, name));
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        *unresolved = strcmp((const char *)sqlite3_column_text(s, 1), "unresolved") == 0;
        rc = 1;
    } else if (r != SQLITE_DONE) {
        rc = db_error(st, "cannot look up an agency");
    }
    sqlite3_reset(s);
out:
    return rc;
}

/* The agencies row for a surface form: canonical when the gazetteer knows it. */
static int resolve_agency(ingest_ctx *c, const char *surface, fg_kind kind, sqlite3_int64 *id)
{
    fg_store *st = c->st;
    const fg_agency_entry *e = NULL;
    const char *name = surface;
    int unresolved = 0;
    long slot;
    int rc = FG_OK;

    if (kind == FG_KIND_AGENCY && c->gaz)
        e = fg_gazetteer_lookup(c->gaz, surface, strlen(surface));
    if (e)
        name = e->canonical;
    slot = cache_find(&st->cache, name);
    if (slot >= 0) {
        *id = st->cache.ids[slot];
        if (e && st->cache.unresolved[slot]) {
            FG_TRY(promote_agency(c, *id, e));
            st->cache.unresolved[slot] = 0;
        }
        return FG_OK;
    }
    FG_TRY(find_agency(c, name, id, &unresolved));
    if (rc == 1) {
        rc = FG_OK;
        if (e && unresolved) {
            FG_TRY(promote_agency(c, *id, e));
            unresolved = 0;
        }
    } else {
        const char *status = e                       ? "known"
                             : kind == FG_KIND_GROUP   ? "group"
                             : kind == FG_KIND_GENERIC ? "generic"
                                                       : "unresolved";

        FG_TRY(add_agency(c, name, status, e, id));
        unresolved = e == NULL && kind == FG_KIND_AGENCY;
    }
    cache_put(&st->cache, name, *id, unresolved);
out:
    return rc;
}

/* resolve_agency() through the document's memo. */
static int agency_id(ingest_ctx *c, const char *surface, fg_kind kind, sqlite3_int64 *id)
{
    size_t h = fg_hash_str(surface) & (MEMO_SLOTS - 1);
    memo_slot *m;
    int rc;

    for (m = &c->memo[h]; m->surface; m = &c->memo[h = (h + 1) & (MEMO_SLOTS - 1)]) {
        if (m->kind == kind && strcmp(m->surface, surface) == 0) {
            *id = m->id;
            return FG_OK;
        }
    }
    rc = resolve_agency(c, surface, kind, id);
    if (rc == FG_OK && c->n_memo < MEMO_SLOTS / 2) {
        m->surface = surface;
        m->kind = kind;
        m->id = *id;
        c->n_memo++;
    }
    return rc;
}

/* ---- batches ---- */

/* The statement inserting 2^level rows into table b, prepared on first use. */
static int batch_stmt(fg_store *st, batch_id b, int level, sqlite3_stmt **out)
{
    const struct batch_table *t = &batch_tables[b];
    fg_str sql = FG_STR_INIT;
    int rc = FG_OK;

    *out = st->batch_stmts[b][level];
    if (*out)
        return FG_OK;
    FG_TRY(fg_str_append(&sql, t->insert, strlen(t->insert)));
    for (int r = 0; r < 1 << level; r++) {
        FG_TRY(fg_str_append(&sql, r ? ",(" : "(", r ? 2 : 1));
        for (int k = 0; k < t->n_cols; k++)
            FG_TRY(fg_str_append(&sql, k ? ",?" : "?", k ? 2 : 1));
        FG_TRY(fg_str_appendc(&sql, ')'));
    }
    if (sqlite3_prepare_v3(st->db, sql.ptr, (int)sql.len, SQLITE_PREPARE_PERSISTENT,
                           &st->batch_stmts[b][level], NULL) != SQLITE_OK) {
        st->batch_stmts[b][level] = NULL;
        rc = db_error(st, "cannot prepare a statement");
        goto out;
    }
    *out = st->batch_stmts[b][level];
out:
    fg_str_dispose(&sql);
    return rc;
}

/* Insert n rows of table b (cells row by row) with one statement of n = 2^level rows. */
static int insert_rows(fg_store *st, batch_id b, int level, const cell *cells)
{
    int n_cells = batch_tables[b].n_cols << level;
    sqlite3_stmt *s;
    int rc = FG_OK;

    FG_TRY(batch_stmt(st, b, level, &s));
    for (int i = 0; i < n_cells; i++) {
        const cell *v = &cells[i];

        FG_TRY(v->null      ? bind_null(st, s, i + 1)
               : v->text    ? bind_text(st, s, i + 1, v->text)
               : v->is_real ? bind_real(st, s, i + 1, v->real)
                            : bind_int(st, s, i + 1, v->num));
    }
    FG_TRY(step_done(st, s, batch_tables[b].what));
out:
    return rc;
}

/* Write the rows pending in batch b: the largest statements first. */
static int flush(ingest_ctx *c, batch_id b)
{
    size_t n_cols = (size_t)batch_tables[b].n_cols;
    size_t done = 0;
    int rc = FG_OK;

    for (int level = BATCH_LEVELS - 1; level >= 0; level--) {
        size_t size = (size_t)1 << level;

        while (c->n_rows[b] - done >= size) {
            FG_TRY(insert_rows(c->st, b, level, &c->rows[b][done * n_cols]));
            done += size;
        }
    }
    c->n_rows[b] = 0;
out:
    return rc;
}

/* The cells of a new row of batch b (flushing the batch first when it is full). */
/* Add a row of n cells to batch b (n is the number of columns of its table). */
static int add_row(ingest_ctx *c, batch_id b, const cell *cells, size_t n)
{
    int rc = FG_OK;

    assert(n == (size_t)batch_tables[b].n_cols);
    if (c->n_rows[b] == BATCH_MAX)
        FG_TRY(flush(c, b));
    memcpy(&c->rows[b][c->n_rows[b]++ * n], cells, n * sizeof *cells);
out:
    return rc;
}

/* add_row() with the cells listed: ADD_ROW(c, B_TEAMS, num_cell(id), text_cell(name), …). */
#define ADD_ROW(c, b, ...)                                                                    \
    add_row((c), (b), (const cell[]){__VA_ARGS__},                                            \
            sizeof((const cell[]){__VA_ARGS__}) / sizeof(cell))

static cell num_cell(sqlite3_int64 v)
{
    cell x = {NULL, v, 0, 0, 0};

    return x;
}

static cell real_cell(double v)
{
    cell x = {NULL, 0, v, 1, 0};

    return x;
}

static cell text_cell(const char *v)
{
    cell x = {v ? v : "", 0, 0, 0, 0};

    return x;
}

static cell null_cell(void)
{
    cell x = {NULL, 0, 0, 0, 1};

    return x;
}

/* ---- the rows of a document ---- */

static int add_document(ingest_ctx *c, const fg_doc *doc, const char *sha256, size_t n_bytes,
                        sqlite3_int64 *doc_id)
{
    fg_store *st = c->st;
    sqlite3_stmt *s;
    int rc = FG_OK;

    FG_TRY(stmt(st, ST_ADD_DOC, &s));
    FG_TRY(bind_text(st, s, 1, doc->name));
    FG_TRY(bind_text(st, s, 2, sha256));
    FG_TRY(bind_int(st, s, 3, (sqlite3_int64)n_bytes));
    FG_TRY(bind_text(st, s, 4, doc->title));
    FG_TRY(bind_text(st, s, 5, doc->doc_number));
    FG_TRY(bind_text(st, s, 6, doc->issuer));
    FG_TRY(doc->year ? bind_int(st, s, 7, doc->year) : bind_null(st, s, 7));
    FG_TRY(bind_text(st, s, 8, doc->date));
    FG_TRY(bind_int(st, s, 9, (sqlite3_int64)doc->n_notes));
    FG_TRY(bind_text(st, s, 10, doc->format ? doc->format : "text"));
    FG_TRY(step_done(st, s, "cannot add the document"));
    *doc_id = sqlite3_last_insert_rowid(st->db);
out:
    return rc;
}

/* A deadline row (clause_deadlines or item_deadlines: the same columns) when there is one. */
static int add_due(ingest_ctx *c, batch_id b, const fg_due *d, sqlite3_int64 id)
{
    int rc = FG_OK;

    if (d->kind == FG_DEADLINE_NONE)
        return FG_OK;
    FG_TRY(ADD_ROW(c, b, num_cell(id), text_cell(fg_deadline_kind_name(d->kind)),
                   text_cell(d->kind == FG_DEADLINE_RECURRING ? fg_deadline_every_name(d->every)
                                                              : ""),
                   text_cell(d->text),
                   d->kind == FG_DEADLINE_DATE && d->date && d->date[0] ? text_cell(d->date)
                                                                        : null_cell(),
                   num_cell(d->year_assumed ? 1 : 0), text_cell(fg_due_source_name(d->source))));
out:
    return rc;
}

static int add_targets(ingest_ctx *c, const fg_item *it, sqlite3_int64 item_id)
{
    int rc = FG_OK;

    for (size_t k = 0; k < it->n_targets; k++) {
        const fg_item_target *t = &it->targets[k];

        /* SQLite binds a NaN as NULL; the parser gives none, and a NaN is no target. */
        if (isnan(t->value) || isnan(t->value_hi))
            continue;
        FG_TRY(ADD_ROW(c, B_TARGETS, num_cell(item_id), num_cell((sqlite3_int64)k + 1),
                       text_cell(t->text), text_cell(t->subject),
                       text_cell(fg_target_change_name(t->change)),
                       text_cell(fg_target_bound_name(t->bound)), real_cell(t->value),
                       real_cell(t->value_hi), text_cell(t->unit)));
    }
out:
    return rc;
}

/*
 * The k-th assignment of a clause or member of a team, owner (they have the same columns):
 * its agency, resolved to an id, or none for a person (a team's convenor).
 */
static int add_unit(ingest_ctx *c, batch_id b, sqlite3_int64 owner, size_t k, const char *role,
                    const char *surface, fg_kind kind, bool is_person)
{
    sqlite3_int64 aid = 0;
    int rc = FG_OK;

    if (!is_person)
        FG_TRY(agency_id(c, surface, kind, &aid));
    FG_TRY(ADD_ROW(c, b, num_cell(owner), num_cell((sqlite3_int64)k + 1),
                   is_person ? null_cell() : num_cell(aid), text_cell(role),
                   text_cell(fg_kind_name(kind)), text_cell(surface)));
out:
    return rc;
}

/* The clauses of an item with their assignments and deadlines. */
static int add_clauses(ingest_ctx *c, const fg_item *it, sqlite3_int64 item_id)
{
    int rc = FG_OK;

    for (size_t k = 0; k < it->n_clauses; k++) {
        const fg_clause *cl = &it->clauses[k];
        sqlite3_int64 clause_id = c->next_clause++;

        FG_TRY(ADD_ROW(c, B_CLAUSES, num_cell(clause_id), num_cell(item_id),
                       num_cell((sqlite3_int64)k + 1), text_cell(cl->text),
                       num_cell((sqlite3_int64)cl->line)));
        for (size_t a = 0; a < cl->n_assignments; a++) {
            const fg_assignment *as = &cl->assignments[a];

            FG_TRY(add_unit(c, B_ASSIGNMENTS, clause_id, a, fg_role_name(as->role), as->agency,
                            as->kind, false));
        }
        FG_TRY(add_due(c, B_CLAUSE_DUES, &cl->deadline, clause_id));
    }
out:
    return rc;
}

/* The items with their clauses and assignments, with ids counted from c->next_item. */
static int add_items(ingest_ctx *c, const fg_doc *doc, sqlite3_int64 doc_id)
{
    sqlite3_int64 first = c->next_item;
    int rc = FG_OK;

    for (size_t i = 0; i < doc->n_items; i++) {
        const fg_item *it = &doc->items[i];
        sqlite3_int64 item_id = c->next_item++;

        FG_TRY(ADD_ROW(c, B_ITEMS, num_cell(item_id), num_cell(doc_id),
                       num_cell((sqlite3_int64)i + 1), text_cell(it->path),
                       it->parent != FG_NO_PARENT && it->parent < i
                           ? num_cell(first + (sqlite3_int64)it->parent)
                           : null_cell(),
                       text_cell(it->marker), text_cell(it->title), text_cell(it->text),
                       num_cell((sqlite3_int64)it->line)));
        FG_TRY(add_clauses(c, it, item_id));
        FG_TRY(add_due(c, B_ITEM_DUES, &it->deadline, item_id));
        FG_TRY(add_targets(c, it, item_id));
    }
out:
    return rc;
}

/* The work teams of a document with their units. */
static int add_teams(ingest_ctx *c, const fg_doc *doc, sqlite3_int64 doc_id)
{
    int rc = FG_OK;

    for (size_t t = 0; t < doc->n_teams; t++) {
        const fg_team *tm = &doc->teams[t];
        sqlite3_int64 team_id = c->next_team++;

        FG_TRY(ADD_ROW(c, B_TEAMS, num_cell(team_id), num_cell(doc_id),
                       num_cell((sqlite3_int64)t + 1), text_cell(tm->name), text_cell(tm->part),
                       num_cell((sqlite3_int64)tm->line)));
        for (size_t m = 0; m < tm->n_members; m++) {
            const fg_team_member *mb = &tm->members[m];

            /* The convenor is a person (省政府副秘书长…), not an agency. */
            FG_TRY(add_unit(c, B_MEMBERS, team_id, m, fg_team_role_name(mb->role), mb->agency,
                            mb->kind, mb->role == FG_TEAM_CONVENOR));
        }
    }
out:
    return rc;
}

/* The ids the next item, clause and team get: those SQLite would choose (we hold the write
 * lock). */
static int next_ids(ingest_ctx *c)
{
    fg_store *st = c->st;
    sqlite3_stmt *s;
    int rc = stmt(st, ST_NEXT_IDS, &s);

    if (rc < 0)
        return rc;
    if (sqlite3_step(s) == SQLITE_ROW) {
        c->next_item = sqlite3_column_int64(s, 0);
        c->next_clause = sqlite3_column_int64(s, 1);
        c->next_team = sqlite3_column_int64(s, 2);
    } else {
        rc = db_error(st, "cannot read the next ids");
    }
    sqlite3_reset(s);
    return rc;
}

static int insert_doc(ingest_ctx *c, const fg_doc *doc, const char *sha256, size_t n_bytes)
{
    sqlite3_int64 doc_id;
    int rc = FG_OK;

    FG_TRY(next_ids(c));
    FG_TRY(add_document(c, doc, sha256, n_bytes, &doc_id));
    FG_TRY(add_items(c, doc, doc_id));
    FG_TRY(add_teams(c, doc, doc_id));
    for (int b = 0; b < N_BATCHES; b++)
        FG_TRY(flush(c, (batch_id)b));
out:
    return rc;
}

/*
 * Forget cached agency ids when another connection has committed since our last commit:
 * it may have changed the agencies (our own commits do not change data_version).
 */
static int check_data_version(fg_store *st)
{
    sqlite3_int64 v = 0;
    int rc = read_data_version(st, &v);

    if (rc < 0)
        return rc;
    if (v != st->data_version) {
        cache_clear(&st->cache);
        st->data_version = v;
    }
    return FG_OK;
}

/* PRAGMA foreign_keys, outside a transaction (SQLite ignores it inside one). */
static int set_foreign_keys(fg_store *st, int on)
{
    int rc;

    if (st->foreign_keys == on)
        return FG_OK;
    rc = exec(st, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF",
                  "cannot set foreign keys");

    if (rc == FG_OK)
        st->foreign_keys = on;
    return rc;
}

/*
 * Whether the document is new, the same (UNCHANGED), a duplicate of another or one to
 * replace (old_id receives the stored version's id). In the open transaction; writes nothing.
 */
static int check_document(fg_ingest_status *status, sqlite3_int64 *old_id, fg_store *st,
                          const fg_doc *doc, const char *sha256, int replace)
{
    sqlite3_stmt *s;
    int rc = FG_OK;
    int r;

    FG_TRY(stmt(st, ST_DOC_BY_NAME, &s));
    FG_TRY(bind_text(st, s, 1, doc->name));
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        const char *old_sha = (const char *)sqlite3_column_text(s, 1);

        *old_id = sqlite3_column_int64(s, 0);
        if (strcmp(old_sha, sha256) == 0 && replace && sqlite3_column_type(s, 2) == SQLITE_NULL)
            *status = FG_INGEST_REPLACED; /* stored before schema 7: again, with deadlines */
        else if (strcmp(old_sha, sha256) == 0)
            *status = FG_INGEST_UNCHANGED;
        else if (replace)
            *status = FG_INGEST_REPLACED;
        else
            rc = fg_error_set(FG_EINVAL, "a different version is already stored (sha256 "
                              "%.12s…, now %.12s…); use --replace to swap it", old_sha,
                              sha256);
        sqlite3_reset(s);
        return rc;
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE)
        return db_error(st, "cannot look up the document");
    FG_TRY(stmt(st, ST_DOC_BY_SHA, &s));
    FG_TRY(bind_text(st, s, 1, sha256));
    r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        rc = fg_error_set(FG_OK, "%s: same content as the stored document %s; skipped",
                          doc->name, (const char *)sqlite3_column_text(s, 0));
        *status = FG_INGEST_DUPLICATE;
    } else if (r == SQLITE_DONE) {
        *status = FG_INGEST_ADDED;
    } else {
        rc = db_error(st, "cannot look up the document");
    }
    sqlite3_reset(s);
out:
    return rc;
}

/* Delete the stored version (its rows go by ON DELETE CASCADE: foreign keys are on). */
static int delete_document(fg_store *st, sqlite3_int64 id)
{
    sqlite3_stmt *s;
    int rc = FG_OK;

    FG_TRY(exec(st, "PRAGMA defer_foreign_keys = ON", "cannot defer foreign keys"));
    FG_TRY(stmt(st, ST_DELETE_DOC, &s));
    FG_TRY(bind_int(st, s, 1, id));
    FG_TRY(step_done(st, s, "cannot delete the old version"));
out:
    return rc;
}

/*
 * Begin the document's transaction and see what it is. A new document is written with
 * foreign keys off: every id it refers to is one this transaction has just read or written,
 * and checking each row's parents cost a third of the time. Replacing one needs them on,
 * for ON DELETE CASCADE (deferred to the commit, as batches go in out of order).
 */
static int begin_document(fg_ingest_status *status, fg_store *st, const fg_doc *doc,
                          const char *sha256, int replace)
{
    sqlite3_int64 old_id = 0;
    int rc = FG_OK;

    FG_TRY(set_foreign_keys(st, 0));
    FG_TRY(begin(st));
    FG_TRY(check_data_version(st));
    FG_TRY(check_document(status, &old_id, st, doc, sha256, replace));
    if (*status == FG_INGEST_REPLACED) {
        /* Nothing written yet: end the transaction and start again with foreign keys on. */
        FG_TRY(commit(st));
        FG_TRY(set_foreign_keys(st, 1));
        FG_TRY(begin(st));
        FG_TRY(check_document(status, &old_id, st, doc, sha256, replace));
        if (*status == FG_INGEST_REPLACED)
            FG_TRY(delete_document(st, old_id));
    }
out:
    return rc;
}

/*
 * A database file deleted (or replaced) while open still takes every commit, into a file
 * that is gone with the last close: refuse to call a document stored there. One stat() per
 * document.
 */
static int check_unmoved(fg_store *st)
{
    int moved = 0;

    if (sqlite3_file_control(st->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
        moved)
        return fg_error_set(FG_EDB, "%s: the database file was deleted or replaced while "
                            "this run had it open; not stored", st->path);
    return FG_OK;
}

int fg_store_ingest(fg_ingest_status *status, fg_store *st, const fg_doc *doc,
                    const char *sha256, size_t n_bytes, const fg_ingest_opts *opts)
{
    fg_ingest_opts def = FG_INGEST_OPTS_INIT;
    ingest_ctx *c = NULL;
    int rc = FG_OK;

    if (status == NULL || st == NULL || doc == NULL || sha256 == NULL || strlen(sha256) != 64)
        return fg_error_set(FG_EINVAL, "fg_store_ingest: status, store, doc and a 64-digit "
                            "sha256 are required");
    if (opts == NULL)
        opts = &def;
    rc = fg_doc_check(doc); /* its message names the document */
    if (rc < 0)
        return rc;
    *status = FG_INGEST_ADDED;
    if (st->ckpt == NULL)
        checkpointer_start(st);
    FG_TRY(begin_document(status, st, doc, sha256, opts->replace));
    if (*status == FG_INGEST_UNCHANGED || *status == FG_INGEST_DUPLICATE) {
        /* Nothing was written: ending the transaction keeps the cached agency ids. A
         * duplicate's note (rc FG_OK) is the last message: keep it for the caller. */
        if (commit(st) < 0)
            rc = FG_EDB;
        goto out;
    }
    c = calloc(1, sizeof *c);
    FG_CHECK_ALLOC(c);
    c->st = st;
    c->gaz = opts->gazetteer;
    FG_TRY(insert_doc(c, doc, sha256, n_bytes));
    FG_TRY(check_unmoved(st));
    rc = commit(st);
out:
    free(c);
    if (rc < 0) {
        rollback(st);
        /* Whatever failed, the message names the document that was not stored. */
        rc = fg_error_wrap(rc, "%s: ", doc->name);
    }
    return rc;
}

/*
 * The search index is brought up to date in chunks, each in its own transaction with the
 * index position (meta.fts_upto): the checkpoint thread copies one chunk into the database
 * while the next is indexed, the WAL stays small, and the write lock is free between
 * chunks. An interrupted pass leaves a consistent index up to its position; search scans
 * the rest. Each chunk is sized from the speed of the one before to take about a quarter
 * of the busy timeout: another writer waits for the lock only while someone commits within
 * its busy timeout (begin()), and a chunk of 100,000 items held the lock 2 s with a
 * release build but over 10 s with the ASan build on a busy core (10,950 items: 11 s),
 * so a concurrent ingest failed with "database is locked". (A tenth made the pass over
 * 219,000 items 30% slower at load 10: FTS5 merges more, smaller segments.)
 */
#define INDEX_CHUNK_FIRST 1000
#define INDEX_CHUNK_MIN 200
#define INDEX_CHUNK_MAX 100000

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The size of the next chunk, after one of `size` items that held the lock `ms`: at most
 * four times larger (speeds vary), as much smaller as needed. */
static size_t next_chunk(size_t size, double ms, int timeout_ms)
{
    double want = (double)size * (timeout_ms / 4.0) / (ms > 0.01 ? ms : 0.01);

    if (want > 4.0 * (double)size)
        want = 4.0 * (double)size;
    return want < INDEX_CHUNK_MIN ? INDEX_CHUNK_MIN
           : want > INDEX_CHUNK_MAX ? INDEX_CHUNK_MAX
                                    : (size_t)want;
}

/* Index the items after the index position, up to size of them; *n: how many; *ms: how long
 * the lock was held. */
static int index_chunk(fg_store *st, size_t size, size_t *n, double *ms)
{
    sqlite3_stmt *s;
    sqlite3_int64 upto;
    double start;
    int rc = FG_OK;
    int r;

    *n = 0;
    FG_TRY(begin(st));
    start = now_ms();
    FG_TRY(stmt(st, ST_INDEX_END, &s));
    FG_TRY(bind_int(st, s, 1, (sqlite3_int64)size));
    r = sqlite3_step(s);
    upto = r == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (r != SQLITE_ROW) {
        rc = db_error(st, "cannot read the index position");
        goto out;
    }
    if (upto > 0) {
        FG_TRY(stmt(st, ST_INDEX_ITEMS, &s));
        FG_TRY(bind_int(st, s, 1, upto));
        FG_TRY(step_done(st, s, "cannot index the items"));
        *n = (size_t)sqlite3_changes(st->db);
        FG_TRY(stmt(st, ST_INDEX_UPTO, &s));
        FG_TRY(bind_int(st, s, 1, upto));
        FG_TRY(step_done(st, s, "cannot record the index position"));
    }
    FG_TRY(commit(st));
    *ms = now_ms() - start;
out:
    if (rc < 0)
        rollback(st);
    return rc;
}

int fg_store_index(fg_store *st, size_t *n_indexed)
{
    size_t size = INDEX_CHUNK_FIRST;
    size_t n = 0;
    double ms = 0;
    int rc = FG_OK;

    if (n_indexed)
        *n_indexed = 0;
    if (st->ckpt == NULL)
        checkpointer_start(st);
    do {
        FG_TRY(index_chunk(st, size, &n, &ms));
        if (n_indexed)
            *n_indexed += n;
        if (n == size)
            size = next_chunk(size, ms, st->timeout_ms);
    } while (n > 0);
out:
    return rc;
}

int fg_store_remove(fg_store *st, const char *name)
{
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;

    FG_TRY(set_foreign_keys(st, 1)); /* the document's rows go by ON DELETE CASCADE */
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

/*
 * Names joined by the unit separator (group_concat(…, char(31))) split in place into an
 * array that grows as needed; the strings point into *buf.
 */
typedef struct name_list {
    char *buf;
    size_t buf_cap;
    const char **v;
    size_t n;
    size_t cap;
} name_list;

static int name_list_split(name_list *l, const unsigned char *joined, int n_bytes)
{
    size_t len = joined ? (size_t)n_bytes : 0;

    l->n = 0;
    if (len == 0)
        return FG_OK;
    if (len + 1 > l->buf_cap) {
        char *p = realloc(l->buf, len + 1);

        if (p == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        l->buf = p;
        l->buf_cap = len + 1;
    }
    memcpy(l->buf, joined, len);
    l->buf[len] = '\0';
    for (char *p = l->buf;;) {
        char *sep = strchr(p, '\x1f');

        if (l->n == l->cap) {
            size_t cap = l->cap ? l->cap * 2 : 8;
            const char **v = realloc(l->v, cap * sizeof *v);

            if (v == NULL)
                return fg_error_set(FG_ENOMEM, "out of memory");
            l->v = v;
            l->cap = cap;
        }
        l->v[l->n++] = p;
        if (sep == NULL)
            break;
        *sep = '\0';
        p = sep + 1;
    }
    return FG_OK;
}

static void name_list_free(name_list *l)
{
    free(l->buf);
    free(l->v);
}

/*
 * Every read is a query whose k-th column fills the k-th field of a table describing its
 * typed row (where the field is, what the column holds), so that no read decodes columns by
 * hand. Text is "" for NULL; an enum is read from the name the schema stores (fg_role_name(),
 * fg_deadline_kind_name() …).
 */
typedef enum col_type {
    COL_TEXT,      /* const char * */
    COL_INT,       /* int; 0 for NULL */
    COL_ID,        /* long long */
    COL_COUNT,     /* size_t */
    COL_OR_NONE,   /* long long; -1 for NULL */
    COL_BOOL,      /* bool: the column is not 0 */
    COL_REAL,      /* double */
    COL_NAMES,     /* fg_store_names, from names joined by char(31) */
    /* the enums, from their stored names (stored_enums[]) */
    COL_ROLE,      /* fg_role */
    COL_KIND,      /* fg_kind */
    COL_TEAM_ROLE, /* fg_team_role */
    COL_DUE_KIND,  /* fg_deadline_kind */
    COL_EVERY,     /* fg_deadline_every */
    COL_SOURCE,    /* fg_due_source */
    COL_CHANGE,    /* fg_target_change */
    COL_BOUND      /* fg_target_bound */
} col_type;

typedef struct col_field {
    size_t offset;
    col_type type;
} col_field;

#define FIELD(row, name, type) {offsetof(row, name), type}

/*
 * An enum as the schema stores it: value k as name(k), for k from 0 to n - 1; a name not
 * among them reads as other.
 */
typedef struct stored_enum {
    const char *(*name)(int k);
    int n;
    int other;
} stored_enum;

static const char *role_name(int k) { return fg_role_name((fg_role)k); }
static const char *kind_name(int k) { return fg_kind_name((fg_kind)k); }
static const char *team_role_name(int k) { return fg_team_role_name((fg_team_role)k); }
static const char *due_kind_name(int k) { return fg_deadline_kind_name((fg_deadline_kind)k); }
static const char *every_name(int k) { return fg_deadline_every_name((fg_deadline_every)k); }
static const char *source_name(int k) { return fg_due_source_name((fg_due_source)k); }
static const char *change_name(int k) { return fg_target_change_name((fg_target_change)k); }
static const char *bound_name(int k) { return fg_target_bound_name((fg_target_bound)k); }

static const stored_enum stored_enums[] = {
    [COL_ROLE] = {role_name, 2, FG_ROLE_CO},
    [COL_KIND] = {kind_name, 3, FG_KIND_GENERIC},
    [COL_TEAM_ROLE] = {team_role_name, 4, FG_TEAM_OFFICE},
    [COL_DUE_KIND] = {due_kind_name, 4, FG_DEADLINE_NONE},
    [COL_EVERY] = {every_name, 6, FG_EVERY_NONE},
    [COL_SOURCE] = {source_name, 6, FG_DUE_NONE},
    [COL_CHANGE] = {change_name, 3, FG_CHANGE_LEVEL},
    [COL_BOUND] = {bound_name, 7, FG_BOUND_EQ},
};

/* The enum columns write an int into their field. */
_Static_assert(sizeof(fg_role) == sizeof(int) && sizeof(fg_kind) == sizeof(int) &&
                   sizeof(fg_team_role) == sizeof(int) &&
                   sizeof(fg_deadline_kind) == sizeof(int) &&
                   sizeof(fg_deadline_every) == sizeof(int) &&
                   sizeof(fg_due_source) == sizeof(int) &&
                   sizeof(fg_target_change) == sizeof(int) &&
                   sizeof(fg_target_bound) == sizeof(int),
               "the stored enums are int-sized");

/* The value of the enum e that is stored as name. */
static int stored_value(const stored_enum *e, const char *name)
{
    for (int k = 0; k < e->n; k++)
        if (strcmp(e->name(k), name) == 0)
            return k;
    return e->other;
}

/* How many COL_NAMES columns a row may have. */
#define MAX_NAME_COLS 2

/*
 * The typed rows, one a read: X(KIND, name) is the row_kind ROW_<KIND>, whose query gives an
 * fg_store_<name>_row to an fg_store_<name>_cb, held in any_row and any_cb as their member
 * <name>. The list makes the enum, both unions and emit()'s dispatch.
 */
#define ROW_KINDS(X)                                                                          \
    X(DOCUMENT, document) X(ASSIGNMENT, assignment) X(TASK, task) X(TEAM, team)               \
    X(MEMBER, member) X(SEARCH, search) X(AGENCY_USE, agency_use) X(UNRESOLVED, unresolved)   \
    X(AGENCY, agency) X(EDGE, edge) X(DUE, due) X(TARGET, target)

#define AS_ENUM(KIND, name) ROW_##KIND,
typedef enum row_kind { ROW_KINDS(AS_ENUM) } row_kind;
#undef AS_ENUM

#define AS_ROW(KIND, name) fg_store_##name##_row name;
typedef union any_row { ROW_KINDS(AS_ROW) } any_row;
#undef AS_ROW

#define AS_CB(KIND, name) fg_store_##name##_cb name;
typedef union any_cb { ROW_KINDS(AS_CB) } any_cb;
#undef AS_CB

/* Where a query's rows go: the table of its row's fields and the caller's callback. */
typedef struct sink {
    row_kind kind;
    const col_field *fields;
    size_t n_fields;
    any_cb cb;
    void *payload;
    size_t n;     /* rows given */
} sink;

static const char *col_text(sqlite3_stmt *s, int k)
{
    const unsigned char *v = sqlite3_column_text(s, k);

    return v ? (const char *)v : "";
}

/* The size of the field each type of column fills. */
static const size_t col_sizes[] = {
    [COL_TEXT] = sizeof(const char *),
    [COL_INT] = sizeof(int),
    [COL_ID] = sizeof(long long),
    [COL_COUNT] = sizeof(size_t),
    [COL_OR_NONE] = sizeof(long long),
    [COL_BOOL] = sizeof(bool),
    [COL_REAL] = sizeof(double),
    [COL_NAMES] = sizeof(fg_store_names),
    [COL_ROLE] = sizeof(fg_role),
    [COL_KIND] = sizeof(fg_kind),
    [COL_TEAM_ROLE] = sizeof(fg_team_role),
    [COL_DUE_KIND] = sizeof(fg_deadline_kind),
    [COL_EVERY] = sizeof(fg_deadline_every),
    [COL_SOURCE] = sizeof(fg_due_source),
    [COL_CHANGE] = sizeof(fg_target_change),
    [COL_BOUND] = sizeof(fg_target_bound),
};

/*
 * Column k into the field f of row, in the field's own type (written with memcpy: the row is
 * any of the typed rows); a COL_NAMES column splits into *names, which the field then borrows.
 */
static int read_field(unsigned char *row, sqlite3_stmt *s, int k, const col_field *f,
                      name_list *names)
{
    union {
        const char *text;
        int i; /* COL_INT and the enums */
        long long id;
        size_t count;
        bool b;
        double real;
        fg_store_names names;
    } v;
    sqlite3_int64 x;
    int rc;

    switch (f->type) {
    case COL_TEXT:
        v.text = col_text(s, k);
        break;
    case COL_INT:
        v.i = sqlite3_column_int(s, k);
        break;
    case COL_ID:
    case COL_OR_NONE:
        v.id = f->type == COL_OR_NONE && sqlite3_column_type(s, k) == SQLITE_NULL
                   ? -1
                   : sqlite3_column_int64(s, k);
        break;
    case COL_COUNT:
        x = sqlite3_column_int64(s, k);
        v.count = x > 0 ? (size_t)x : 0;
        break;
    case COL_BOOL:
        v.b = sqlite3_column_int(s, k) != 0;
        break;
    case COL_REAL:
        v.real = sqlite3_column_double(s, k);
        break;
    case COL_NAMES:
        /* sqlite3_column_text() first, then sqlite3_column_bytes(): the order SQLite asks for */
        rc = name_list_split(names, sqlite3_column_text(s, k), sqlite3_column_bytes(s, k));
        if (rc < 0)
            return rc;
        v.names = (fg_store_names){names->v, names->n};
        break;
    case COL_ROLE:
    case COL_KIND:
    case COL_TEAM_ROLE:
    case COL_DUE_KIND:
    case COL_EVERY:
    case COL_SOURCE:
    case COL_CHANGE:
    case COL_BOUND:
        v.i = stored_value(&stored_enums[f->type], col_text(s, k));
        break;
    }
    memcpy(row + f->offset, &v, col_sizes[f->type]);
    return FG_OK;
}

/* The row to its callback; what the callback returns. */
static int emit(const any_row *r, const sink *k)
{
    switch (k->kind) {
#define AS_CASE(KIND, name)                                                                   \
    case ROW_##KIND:                                                                          \
        return k->cb.name(&r->name, k->payload);
        ROW_KINDS(AS_CASE)
#undef AS_CASE
    }
    return 0; /* not reached: every kind has its case */
}

/* Hand each row of the prepared statement s to the sink, until a callback returns non-zero. */
static int stream(fg_store *st, sqlite3_stmt *s, sink *k)
{
    name_list names[MAX_NAME_COLS] = {{0}};
    int rc = FG_OK;
    int r;

    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        any_row row;
        size_t n_names = 0;

        memset(&row, 0, sizeof row);
        for (size_t i = 0; i < k->n_fields; i++) {
            const col_field *f = &k->fields[i];

            assert(f->type != COL_NAMES || n_names < MAX_NAME_COLS);
            FG_TRY(read_field((unsigned char *)&row, s, (int)i, f,
                              f->type == COL_NAMES ? &names[n_names++] : NULL));
        }
        k->n++;
        if (emit(&row, k) != 0)
            break;
    }
    if (r != SQLITE_ROW && r != SQLITE_DONE)
        rc = db_error(st, "query failed");
out:
    for (size_t i = 0; i < MAX_NAME_COLS; i++)
        name_list_free(&names[i]);
    return rc;
}

/* Run a query with text parameters (NULL binds NULL) and hand each row to the sink. */
static int query(fg_store *st, const char *sql, size_t n_params, const char *const *params,
                 sink *k)
{
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;

    FG_TRY(prepare(st, &s, sql));
    /* a read's parameters beyond those its SQL names are not bound */
    for (size_t i = 0; i < n_params && i < (size_t)sqlite3_bind_parameter_count(s); i++) {
        if (params[i] != NULL)
            FG_TRY(bind_text(st, s, (int)i + 1, params[i]));
        else if (sqlite3_bind_null(s, (int)i + 1) != SQLITE_OK)
            FG_TRY(db_error(st, "cannot bind a value"));
    }
    FG_TRY(stream(st, s, k));
out:
    sqlite3_finalize(s);
    return rc;
}

#define F(name, type) FIELD(fg_store_document_row, name, type)
static const col_field document_fields[] = {
    F(name, COL_TEXT), F(doc_number, COL_TEXT), F(year, COL_INT), F(date, COL_TEXT),
    F(n_items, COL_COUNT), F(n_tasks, COL_COUNT), F(n_clauses, COL_COUNT),
    F(n_assignments, COL_COUNT), F(n_teams, COL_COUNT), F(n_unparsed, COL_OR_NONE),
    F(format, COL_TEXT), F(title, COL_TEXT), F(sha256, COL_TEXT), F(ingested_at, COL_TEXT)};
#undef F
#define F(name, type) FIELD(fg_store_assignment_row, name, type)
static const col_field assignment_fields[] = {
    F(clause_id, COL_ID), F(doc, COL_TEXT), F(year, COL_INT), F(path, COL_TEXT),
    F(title, COL_TEXT), F(clause, COL_INT), F(role, COL_ROLE), F(kind, COL_KIND),
    F(agency, COL_TEXT), F(status, COL_TEXT), F(level, COL_TEXT), F(surface, COL_TEXT)};
#undef F
#define F(name, type) FIELD(fg_store_task_row, name, type)
static const col_field task_fields[] = {
    F(clause_id, COL_ID), F(doc, COL_TEXT), F(path, COL_TEXT), F(clause, COL_INT),
    F(title, COL_TEXT), F(item_text, COL_TEXT), F(clause_text, COL_TEXT), F(issuer, COL_TEXT)};
#undef F
#define F(name) FIELD(fg_store_team_row, name, COL_TEXT)
static const col_field team_fields[] = {F(doc),  F(name), F(part),
                                        F(doc_number), F(date), F(doc_title)};
#undef F
#define F(name, type) FIELD(fg_store_member_row, name, type)
static const col_field member_fields[] = {
    F(doc, COL_TEXT), F(team, COL_TEXT), F(role, COL_TEAM_ROLE), F(surface, COL_TEXT),
    F(agency, COL_TEXT), F(status, COL_TEXT)};
#undef F
#define F(name) FIELD(fg_store_search_row, name, COL_TEXT)
static const col_field search_fields[] = {F(doc), F(path), F(title), F(leads), F(cos)};
#undef F
#define F(name, type) FIELD(fg_store_agency_use_row, name, type)
static const col_field agency_use_fields[] = {
    F(name, COL_TEXT), F(status, COL_TEXT), F(level, COL_TEXT), F(type, COL_TEXT),
    F(n_lead, COL_COUNT), F(n_co, COL_COUNT), F(n_docs, COL_COUNT)};
#undef F
#define F(name, type) FIELD(fg_store_unresolved_row, name, type)
static const col_field unresolved_fields[] = {F(name, COL_TEXT), F(n, COL_COUNT),
                                              F(docs, COL_TEXT)};
#undef F
#define F(name, type) FIELD(fg_store_agency_row, name, type)
static const col_field agency_fields[] = {F(id, COL_ID), F(name, COL_TEXT), F(status, COL_TEXT),
                                          F(level, COL_TEXT)};
#undef F
#define F(name, type) FIELD(fg_store_edge_row, name, type)
static const col_field edge_fields[] = {
    F(doc_id, COL_ID), F(doc, COL_TEXT), F(year, COL_INT), F(item_id, COL_ID),
    F(path, COL_TEXT), F(title, COL_TEXT), F(clause_id, COL_ID), F(clause, COL_INT),
    F(agency_id, COL_ID), F(lead, COL_BOOL)};
#undef F
#define F(name, type) FIELD(fg_store_due_row, name, type)
static const col_field due_fields[] = {
    F(doc, COL_TEXT), F(year, COL_INT), F(path, COL_TEXT), F(title, COL_TEXT),
    F(clause, COL_INT), F(clause_text, COL_TEXT), F(kind, COL_DUE_KIND), F(every, COL_EVERY),
    F(phrase, COL_TEXT), F(date, COL_TEXT), F(year_assumed, COL_BOOL), F(source, COL_SOURCE),
    F(leads, COL_NAMES), F(cos, COL_NAMES)};
#undef F
#define F(name, type) FIELD(fg_store_target_row, name, type)
static const col_field target_fields[] = {
    F(doc, COL_TEXT), F(year, COL_INT), F(doc_number, COL_TEXT), F(path, COL_TEXT),
    F(title, COL_TEXT), F(seq, COL_INT), F(text, COL_TEXT), F(subject, COL_TEXT),
    F(change, COL_CHANGE), F(bound, COL_BOUND), F(value, COL_REAL), F(value_hi, COL_REAL),
    F(unit, COL_TEXT), F(leads, COL_NAMES)};
#undef F

/*
 * The reads with a fixed query: which row each gives and its SQL (parameters ?1, ?2: text;
 * the track reads' ?1 to ?3 are track_read()'s).
 */
typedef enum read_id {
    READ_DOCUMENTS,
    READ_ASSIGNMENTS,
    READ_ASSIGNMENTS_OF,
    READ_AGENCY_TASKS,
    READ_TASKS,
    READ_TEAMS,
    READ_MEMBERS,
    READ_AGENCY_USE,
    READ_UNRESOLVED,
    READ_AGENCY_LIST,
    READ_DUES,
    READ_TARGETS
} read_id;

#define ROWS(kind, name) (kind), name##_fields, sizeof(name##_fields) / sizeof *(name##_fields)

/* The columns of an assignment row, in the order of assignment_fields. */
/* The ids of the agency ?2 names (canonical, alias or as written), for the track queries. */
#define TRACK_AGENCY_IDS                                                                   \
    "(SELECT id FROM agencies WHERE name = ?2 UNION SELECT agency_id FROM aliases"         \
    " WHERE alias = ?2 UNION SELECT agency_id FROM assignments WHERE surface = ?2)"

/* A clause's agencies of one role, in its order, joined by char(31). */
#define CLAUSE_AGENCIES(role)                                                              \
    "(SELECT group_concat(name, char(31)) FROM (SELECT g.name FROM assignments a"          \
    " JOIN agencies g ON g.id = a.agency_id WHERE a.clause_id = c.id AND a.role = '" role  \
    "' ORDER BY a.seq))"

#define ASSIGNMENT_COLS                                                                       \
    "SELECT c.id, d.name, d.year, i.path, i.title, c.seq, a.role, a.kind, g.name, g.status,"  \
    " g.level, a.surface"

static const struct read_def {
    row_kind kind;
    const col_field *fields;
    size_t n_fields;
    const char *sql;
} reads[] = {
    [READ_DOCUMENTS] = {ROWS(ROW_DOCUMENT, document),
                        "SELECT d.name, d.doc_number, d.year, d.date,"
                        " (SELECT count(*) FROM items i WHERE i.doc_id = d.id),"
                        " (SELECT count(*) FROM items i WHERE i.doc_id = d.id"
                        "  AND EXISTS (SELECT 1 FROM clauses c WHERE c.item_id = i.id)),"
                        " (SELECT count(*) FROM clauses c JOIN items i ON i.id = c.item_id"
                        "  WHERE i.doc_id = d.id),"
                        " (SELECT count(*) FROM assignments a JOIN clauses c ON c.id = a.clause_id"
                        "  JOIN items i ON i.id = c.item_id WHERE i.doc_id = d.id),"
                        " (SELECT count(*) FROM teams t WHERE t.doc_id = d.id),"
                        " d.n_unparsed, coalesce(d.format, 'text'), d.title, d.sha256,"
                        " d.ingested_at FROM documents d ORDER BY d.name"},
    [READ_ASSIGNMENTS] = {ROWS(ROW_ASSIGNMENT, assignment),
                          ASSIGNMENT_COLS
                          " FROM assignments a JOIN clauses c ON c.id = a.clause_id"
                          " JOIN items i ON i.id = c.item_id JOIN documents d ON d.id = i.doc_id"
                          " JOIN agencies g ON g.id = a.agency_id"
                          " ORDER BY d.name, i.seq, c.seq, a.seq"},
    [READ_ASSIGNMENTS_OF] = {ROWS(ROW_ASSIGNMENT, assignment),
                             ASSIGNMENT_COLS
                             " FROM documents d JOIN items i ON i.doc_id = d.id"
                             " JOIN clauses c ON c.item_id = i.id"
                             " JOIN assignments a ON a.clause_id = c.id"
                             " JOIN agencies g ON g.id = a.agency_id WHERE d.name = ?1"
                             " ORDER BY i.seq, c.seq, a.seq"},
    [READ_AGENCY_TASKS] = {ROWS(ROW_ASSIGNMENT, assignment),
                           ASSIGNMENT_COLS
                           " FROM assignments a JOIN clauses c ON c.id = a.clause_id"
                           " JOIN items i ON i.id = c.item_id JOIN documents d ON d.id = i.doc_id"
                           " JOIN agencies g ON g.id = a.agency_id"
                           " WHERE a.agency_id IN (SELECT id FROM agencies WHERE name = ?1"
                           "  UNION SELECT agency_id FROM aliases WHERE alias = ?1"
                           "  UNION SELECT agency_id FROM assignments WHERE surface = ?1)"
                           " ORDER BY d.name, i.seq, c.seq, a.seq"},
    [READ_TASKS] = {ROWS(ROW_TASK, task),
                    "SELECT c.id, d.name, i.path, c.seq, i.title, i.text, c.text, d.issuer"
                    " FROM clauses c JOIN items i ON i.id = c.item_id"
                    " JOIN documents d ON d.id = i.doc_id ORDER BY d.name, i.seq, c.seq"},
    [READ_TEAMS] = {ROWS(ROW_TEAM, team),
                    "SELECT d.name, t.name, t.part, d.doc_number, d.date, d.title"
                    " FROM teams t JOIN documents d ON d.id = t.doc_id"
                    " WHERE ?1 IS NULL OR t.name = ?1 ORDER BY d.name, t.seq"},
    [READ_MEMBERS] = {ROWS(ROW_MEMBER, member),
                      "SELECT d.name, t.name, m.role, m.surface, coalesce(g.name, m.surface),"
                      " coalesce(g.status, 'person')"
                      " FROM documents d JOIN teams t ON t.doc_id = d.id"
                      " JOIN team_members m ON m.team_id = t.id"
                      " LEFT JOIN agencies g ON g.id = m.agency_id"
                      " WHERE (?1 IS NULL OR d.name = ?1) AND (?2 IS NULL OR t.name = ?2)"
                      " ORDER BY d.name, t.seq, m.seq"},
    /* Counted per agency id first (one pass over the assignments), named after. */
    [READ_AGENCY_USE] = {ROWS(ROW_AGENCY_USE, agency_use),
                         "SELECT g.name, g.status, g.level, g.type, x.lead, x.co, x.docs"
                         " FROM (SELECT a.agency_id AS id, sum(a.role = 'lead') AS lead,"
                         "  sum(a.role = 'co') AS co, count(DISTINCT i.doc_id) AS docs,"
                         "  count(*) AS n FROM assignments a JOIN clauses c ON c.id = a.clause_id"
                         "  JOIN items i ON i.id = c.item_id GROUP BY a.agency_id) x"
                         " JOIN agencies g ON g.id = x.id ORDER BY x.lead DESC, x.n DESC, g.name"},
    [READ_UNRESOLVED] = {ROWS(ROW_UNRESOLVED, unresolved),
                         "SELECT g.name, count(*), group_concat(DISTINCT d.name)"
                         " FROM agencies g JOIN assignments a ON a.agency_id = g.id"
                         " JOIN clauses c ON c.id = a.clause_id JOIN items i ON i.id = c.item_id"
                         " JOIN documents d ON d.id = i.doc_id WHERE g.status = 'unresolved'"
                         " GROUP BY g.id ORDER BY count(*) DESC, g.name"},
    [READ_AGENCY_LIST] = {ROWS(ROW_AGENCY, agency),
                          "SELECT id, name, status, level FROM agencies ORDER BY id"},
    [READ_DUES] = {ROWS(ROW_DUE, due),
                   "SELECT o.name, coalesce(o.year, 0), i.path, i.title, c.seq, c.text, d.kind,"
                   " d.every, d.phrase, coalesce(d.date, ''), d.year_assumed, d.source, "
                   CLAUSE_AGENCIES("lead") ", " CLAUSE_AGENCIES("co")
                   " FROM documents o CROSS JOIN items i CROSS JOIN clauses c"
                   " CROSS JOIN clause_deadlines d"
                   " WHERE i.doc_id = o.id AND c.item_id = i.id AND d.clause_id = c.id"
                   " AND (?1 IS NULL OR o.name = ?1) AND (?3 = 0 OR o.year = ?3)"
                   " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM assignments a"
                   "  WHERE a.clause_id = c.id AND a.agency_id IN " TRACK_AGENCY_IDS "))"
                   " ORDER BY o.name, i.seq, c.seq"},
    [READ_TARGETS] = {ROWS(ROW_TARGET, target),
                      "SELECT o.name, coalesce(o.year, 0), o.doc_number, i.path, i.title, t.seq,"
                      " t.text, t.subject, t.change, t.bound, t.value, t.value_hi, t.unit,"
                      " (SELECT group_concat(name, char(31)) FROM (SELECT g.name FROM clauses c"
                      "  JOIN assignments a ON a.clause_id = c.id JOIN agencies g"
                      "  ON g.id = a.agency_id WHERE c.item_id = i.id AND a.role = 'lead'"
                      "  GROUP BY g.name ORDER BY min(c.seq * 100000 + a.seq)))"
                      " FROM documents o CROSS JOIN items i CROSS JOIN targets t"
                      " WHERE i.doc_id = o.id AND t.item_id = i.id"
                      " AND (?1 IS NULL OR o.name = ?1) AND (?3 = 0 OR o.year = ?3)"
                      " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM clauses c JOIN assignments a"
                      "  ON a.clause_id = c.id WHERE c.item_id = i.id AND a.agency_id IN "
                      TRACK_AGENCY_IDS "))"
                      " ORDER BY o.name, i.seq, t.seq"},
};

/* Run the read id with up to two parameters (NULL binds NULL); *n_rows (may be NULL)
 * receives how many rows the callback got. */
static int run_read(fg_store *st, read_id id, any_cb cb, void *payload, const char *p1,
                    const char *p2, size_t *n_rows)
{
    const struct read_def *d = &reads[id];
    const char *params[2] = {p1, p2};
    sink k = {d->kind, d->fields, d->n_fields, cb, payload, 0};
    int rc = query(st, d->sql, 2, params, &k);

    if (n_rows)
        *n_rows = k.n;
    return rc;
}

int fg_store_documents(fg_store *st, fg_store_document_cb cb, void *payload)
{
    return run_read(st, READ_DOCUMENTS, (any_cb){.document = cb}, payload, NULL, NULL, NULL);
}

int fg_store_assignments(fg_store *st, const char *doc, fg_store_assignment_cb cb,
                         void *payload)
{
    return run_read(st, doc ? READ_ASSIGNMENTS_OF : READ_ASSIGNMENTS,
                    (any_cb){.assignment = cb}, payload, doc, NULL, NULL);
}

int fg_store_agency_tasks(fg_store *st, const char *name, fg_store_assignment_cb cb,
                          void *payload)
{
    size_t n = 0;
    int rc = run_read(st, READ_AGENCY_TASKS, (any_cb){.assignment = cb}, payload, name, NULL,
                      &n);

    if (rc == FG_OK && n == 0)
        rc = fg_error_set(FG_ENOTFOUND, "%s: no such agency in %s", name, st->path);
    return rc;
}

int fg_store_tasks(fg_store *st, fg_store_task_cb cb, void *payload)
{
    return run_read(st, READ_TASKS, (any_cb){.task = cb}, payload, NULL, NULL, NULL);
}

int fg_store_teams(fg_store *st, const char *name, fg_store_team_cb cb, void *payload)
{
    return run_read(st, READ_TEAMS, (any_cb){.team = cb}, payload, name, NULL, NULL);
}

int fg_store_team_members(fg_store *st, const char *doc, const char *team,
                          fg_store_member_cb cb, void *payload)
{
    return run_read(st, READ_MEMBERS, (any_cb){.member = cb}, payload, doc, team, NULL);
}

int fg_store_agencies(fg_store *st, fg_store_agency_use_cb cb, void *payload)
{
    return run_read(st, READ_AGENCY_USE, (any_cb){.agency_use = cb}, payload, NULL, NULL, NULL);
}

int fg_store_unresolved(fg_store *st, fg_store_unresolved_cb cb, void *payload)
{
    return run_read(st, READ_UNRESOLVED, (any_cb){.unresolved = cb}, payload, NULL, NULL, NULL);
}

/* ---- team views ---- */

void fg_team_view_free(fg_team_view *v)
{
    if (v == NULL)
        return;
    fg_arena_free(v->strings);
    free(v->members);
    free(v->edges);
    free(v);
}

typedef struct view_ctx {
    fg_team_view *v;
    const char *doc;          /* the team's document; NULL: the first */
    size_t cap_members;
    size_t cap_edges;
    char prefix[64];          /* "A1:": the paths of the plan's items */
    size_t prefix_len;
    int rc;
} view_ctx;

/* A copy of s in the view's pool; NULL (and c->rc set) when out of memory. */
static const char *keep(view_ctx *c, const char *s)
{
    const char *copy = fg_arena_strndup(c->v->strings, s, strlen(s));

    if (copy == NULL)
        c->rc = fg_error_set(FG_ENOMEM, "out of memory");
    return copy;
}

static int on_view_team(const fg_store_team_row *row, void *payload)
{
    view_ctx *c = payload;
    fg_team_view *v = c->v;

    if (c->doc != NULL && strcmp(row->doc, c->doc) != 0)
        return 0;
    v->doc = keep(c, row->doc);
    v->part = keep(c, row->part);
    v->doc_number = keep(c, row->doc_number);
    v->date = keep(c, row->date);
    return 1; /* the first one found */
}

static int on_view_member(const fg_store_member_row *row, void *payload)
{
    view_ctx *c = payload;
    fg_team_view *v = c->v;

    c->rc = FG_GROW(v->members, c->cap_members, v->n_members, 16);
    if (c->rc == FG_OK)
        v->members[v->n_members++] = (fg_team_view_member){keep(c, row->surface),
                                                           keep(c, row->agency), row->role};
    return c->rc < 0;
}

static int on_view_edge(const fg_store_assignment_row *row, void *payload)
{
    view_ctx *c = payload;
    fg_team_view *v = c->v;

    if (strncmp(row->path, c->prefix, c->prefix_len) != 0)
        return 0;
    c->rc = FG_GROW(v->edges, c->cap_edges, v->n_edges, 64);
    if (c->rc == FG_OK)
        v->edges[v->n_edges++] = (fg_team_view_edge){row->clause_id, keep(c, row->agency),
                                                     row->role};
    return c->rc < 0;
}

int fg_store_team_view(fg_team_view **out, fg_store *st, const char *doc, const char *team)
{
    view_ctx c;
    int rc = FG_OK;

    *out = NULL;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.v = calloc(1, sizeof *c.v);
    FG_CHECK_ALLOC(c.v);
    c.v->strings = fg_arena_new();
    FG_CHECK_ALLOC(c.v->strings);
    c.v->team = keep(&c, team);
    FG_TRY(c.rc);
    FG_TRY(fg_store_teams(st, team, on_view_team, &c));
    FG_TRY(c.rc);
    if (c.v->doc == NULL) {
        rc = fg_error_set(FG_ENOTFOUND, "%s: no such team in %s", team, st->path);
        goto out;
    }
    FG_TRY(fg_store_team_members(st, c.v->doc, team, on_view_member, &c));
    FG_TRY(c.rc);
    snprintf(c.prefix, sizeof c.prefix, "%s:", c.v->part);
    c.prefix_len = strlen(c.prefix);
    FG_TRY(fg_store_assignments(st, c.v->doc, on_view_edge, &c));
    FG_TRY(c.rc);
    *out = c.v;
    c.v = NULL;
out:
    fg_team_view_free(c.v);
    return rc;
}

/* Characters (code points) in a UTF-8 string. */
static size_t n_chars(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

int fg_store_search(fg_store *st, const char *q, size_t limit, fg_store_search_cb cb,
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
        " ORDER BY NOT EXISTS (SELECT 1 FROM clauses c WHERE c.item_id = i.id),"
        " instr(i.title, ?3) = 0, h.rank, d.name, i.seq LIMIT ?2";
    fg_str sql = FG_STR_INIT;
    fg_str phrase = FG_STR_INIT;
    char lim[32];
    const char *params[3];
    sink k = {ROWS(ROW_SEARCH, search), {.search = cb}, payload, 0};
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
            "  AND instr(text, ?3) > 0)";

        FG_TRY(fg_str_append(&sql, fts, sizeof fts - 1));
        params[0] = phrase.ptr;
    } else {
        /* Trigrams cannot match one or two characters: scan instead. */
        static const char scan[] = "WITH hits(id, rank) AS (SELECT id, 0 FROM items"
                                   " WHERE instr(text, ?1) > 0)";

        FG_TRY(fg_str_append(&sql, scan, sizeof scan - 1));
        params[0] = q;
    }
    FG_TRY(fg_str_append(&sql, tail, sizeof tail - 1));
    params[1] = lim;
    params[2] = q;
    rc = query(st, sql.ptr, 3, params, &k);
out:
    fg_str_dispose(&sql);
    fg_str_dispose(&phrase);
    return rc;
}

/* ---- typed streams for building graphs ---- */

int fg_store_agency_list(fg_store *st, fg_store_agency_cb cb, void *payload)
{
    return run_read(st, READ_AGENCY_LIST, (any_cb){.agency = cb}, payload, NULL, NULL, NULL);
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
    sink k = {ROWS(ROW_EDGE, edge), {.edge = cb}, payload, 0};
    int rc = FG_OK;
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
    FG_TRY(stream(st, s, &k));
out:
    sqlite3_finalize(s);
    fg_str_dispose(&sql);
    return rc;
}

/* ---- deadlines and targets ---- */

/* FG_ENOTFOUND, naming what and name, unless sql (with name as ?1) gives a row. */
static int expect_row(fg_store *st, const char *sql, const char *what, const char *name)
{
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;
    int r;

    FG_TRY(prepare(st, &s, sql));
    FG_TRY(bind_text(st, s, 1, name));
    r = sqlite3_step(s);
    if (r == SQLITE_DONE)
        rc = fg_error_set(FG_ENOTFOUND, "%s: no such %s in %s", name, what, st->path);
    else if (r != SQLITE_ROW)
        rc = db_error(st, "query failed");
out:
    sqlite3_finalize(s);
    return rc;
}

/*
 * A track read (READ_DUES, READ_TARGETS): FG_ENOTFOUND unless the store has the document and
 * the agency q names; then its query run with the document as ?1, the agency as ?2 (NULL for
 * any) and the year as ?3 (0 for any), each row handed to cb.
 */
static int track_read(fg_store *st, const fg_store_track_query *q, read_id id, any_cb cb,
                      void *payload)
{
    const struct read_def *d = &reads[id];
    sink k = {d->kind, d->fields, d->n_fields, cb, payload, 0};
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;

    if (q && q->doc)
        FG_TRY(expect_row(st, "SELECT 1 FROM documents WHERE name = ?1", "document", q->doc));
    if (q && q->agency)
        FG_TRY(expect_row(st,
                          "SELECT 1 FROM agencies WHERE name = ?1"
                          " UNION ALL SELECT 1 FROM aliases WHERE alias = ?1"
                          " UNION ALL SELECT 1 FROM assignments WHERE surface = ?1 LIMIT 1",
                          "agency", q->agency));
    FG_TRY(prepare(st, &s, d->sql));
    FG_TRY(q && q->doc ? bind_text(st, s, 1, q->doc) : bind_null(st, s, 1));
    FG_TRY(q && q->agency ? bind_text(st, s, 2, q->agency) : bind_null(st, s, 2));
    FG_TRY(bind_int(st, s, 3, q ? q->year : 0));
    FG_TRY(stream(st, s, &k));
out:
    sqlite3_finalize(s);
    return rc;
}


int fg_store_due_rows(fg_store *st, const fg_store_track_query *q, fg_store_due_cb cb,
                      void *payload)
{
    if (st == NULL || cb == NULL)
        return fg_error_set(FG_EINVAL, "fg_store_due_rows: store and callback are required");
    return track_read(st, q, READ_DUES, (any_cb){.due = cb}, payload);
}

int fg_store_target_rows(fg_store *st, const fg_store_track_query *q, fg_store_target_cb cb,
                         void *payload)
{
    if (st == NULL || cb == NULL)
        return fg_error_set(FG_EINVAL, "fg_store_target_rows: store and callback are required");
    return track_read(st, q, READ_TARGETS, (any_cb){.target = cb}, payload);
}

int fg_store_untracked_documents(fg_store *st, size_t *n)
{
    sqlite3_stmt *s = NULL;
    int rc = FG_OK;

    if (st == NULL || n == NULL)
        return fg_error_set(FG_EINVAL, "fg_store_untracked_documents: store and n are required");
    FG_TRY(prepare(st, &s, "SELECT count(*) FROM documents WHERE tracked IS NULL"));
    if (sqlite3_step(s) != SQLITE_ROW) {
        rc = db_error(st, "query failed");
        goto out;
    }
    *n = (size_t)sqlite3_column_int64(s, 0);
out:
    sqlite3_finalize(s);
    return rc;
}

/* ---- for the other modules of the store (store_int.h) ---- */

sqlite3 *fg_store__db(fg_store *st)
{
    return st->db;
}

int fg_store__begin(fg_store *st)
{
    return begin(st);
}

int fg_store__commit(fg_store *st)
{
    return commit(st);
}

void fg_store__rollback(fg_store *st)
{
    rollback(st);
}

int fg_store__error(fg_store *st, const char *what)
{
    return db_error(st, what);
}

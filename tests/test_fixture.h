/*
 * Shared by the cmocka tests that need a real store: a fresh temporary directory holding a
 * database with one made-up document ingested (names resolved with the bundled gazetteer),
 * and its removal. Header-only: each test is one translation unit.
 */
#ifndef FG_TEST_FIXTURE_H
#define FG_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fengong/fengong.h"

/* The fixture: dir is the temporary directory, st the store in it, gz the gazetteer. */
typedef struct fg_fixture {
    char dir[64];
    fg_store *st;
    fg_gazetteer *gz;
} fg_fixture;

/* Parse the text of name (len bytes) and ingest it into fx's store. FG_OK or an error. */
static inline int fg_fixture_ingest(fg_fixture *fx, const char *name, const char *text,
                                    size_t len)
{
    fg_text *t = NULL;
    fg_doc *doc = NULL;
    fg_ingest_status status;
    fg_ingest_opts io = FG_INGEST_OPTS_INIT;
    int rc = fg_text_decode(&t, name, text, len);

    io.gazetteer = fx->gz;
    rc = rc ? rc : fg_parse_document(&doc, t, NULL);
    rc = rc ? rc : fg_store_ingest(&status, fx->st, doc, fg_text_sha256(t), len, &io);
    fg_doc_free(doc);
    fg_text_free(t);
    return rc;
}

/* A fresh directory tag-XXXXXX under /tmp with t.db holding the document. FG_OK or an error. */
static inline int fg_fixture_open(fg_fixture *fx, const char *tag, const char *name,
                                  const char *text, size_t len)
{
    char path[96];
    int rc;

    memset(fx, 0, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/%s.XXXXXX", tag);
    if (mkdtemp(fx->dir) == NULL)
        return FG_EIO;
    snprintf(path, sizeof path, "%s/t.db", fx->dir);
    rc = fg_gazetteer_load_default(&fx->gz);
    rc = rc ? rc : fg_store_open(&fx->st, path, NULL);
    return rc ? rc : fg_fixture_ingest(fx, name, text, len);
}

/*
 * A fresh directory tag-XXXXXX under /tmp with an empty store t.db (path in db) and no
 * gazetteer, for tests that ingest their own documents. FG_OK or an error.
 */
static inline int fg_fixture_open_empty(fg_fixture *fx, const char *tag, char *db, size_t cap)
{
    memset(fx, 0, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/%s.XXXXXX", tag);
    if (mkdtemp(fx->dir) == NULL)
        return FG_EIO;
    snprintf(db, cap, "%s/t.db", fx->dir);
    return fg_store_open(&fx->st, db, NULL);
}

/*
 * A fresh directory $TMPDIR/tag_XXXXXX (under /tmp when TMPDIR is unset or empty) in dir (cap
 * bytes) and the path of a database test.db in it in db (db_cap bytes): 0, or -1 when the
 * directory cannot be made.
 */
static inline int fg_fixture_tmp_dir(char *dir, size_t cap, char *db, size_t db_cap,
                                     const char *tag)
{
    const char *t = getenv("TMPDIR");

    snprintf(dir, cap, "%s/%s_XXXXXX", t && t[0] ? t : "/tmp", tag);
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(db, db_cap, "%s/test.db", dir);
    return 0;
}

/* Close the store, free the gazetteer and remove the directory: 0, or -1 when it stays. */
static inline int fg_fixture_close(fg_fixture *fx)
{
    char cmd[96];

    fg_store_close(fx->st);
    fg_gazetteer_free(fx->gz);
    fx->st = NULL;
    fx->gz = NULL;
    if (fx->dir[0] == '\0')
        return 0;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif

/*
 * Internal: what other modules that keep tables in the store (progress.c) use of store.c:
 * its connection and its transactions, so that their writes follow the same rules (one
 * BEGIN IMMEDIATE … COMMIT, ROLLBACK on failure, errors naming the database).
 */
#ifndef FG_SRC_STORE_INT_H
#define FG_SRC_STORE_INT_H

#include <sqlite3.h>

#include "fengong/store.h"

/* The store's connection; borrowed, valid until fg_store_close(). */
sqlite3 *fg_store__db(fg_store *st);
/* BEGIN IMMEDIATE (after waiting for the checkpointer if the WAL is long). FG_OK or FG_EDB. */
int fg_store__begin(fg_store *st);
/* COMMIT. FG_OK or FG_EDB (the transaction is then still open: roll it back). */
int fg_store__commit(fg_store *st);
/* ROLLBACK when a transaction is open; never overwrites the first error. */
void fg_store__rollback(fg_store *st);
/* FG_EDB with "PATH: what: sqlite's message" (and a hint for a full or read-only disk). */
int fg_store__error(fg_store *st, const char *what);

#endif

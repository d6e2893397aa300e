/* fengong: the SQLite store: documents, items, clauses, assignments, agencies, teams, deadlines
 * and targets. */
#ifndef FENGONG_STORE_H
#define FENGONG_STORE_H

#include <stddef.h>
#include <stdbool.h>

#include "fengong/doc.h"
#include "fengong/gazetteer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The schema version this fengong writes (PRAGMA user_version). */
#define FG_STORE_SCHEMA_VERSION 8

typedef struct fg_store fg_store;

typedef struct fg_store_opts {
    int read_only;         /* open without creating or migrating */
    int busy_timeout_ms;   /* wait this long for another writer (default 10000) */
    int must_exist;        /* do not create the file (read_only implies it) */
} fg_store_opts;

#define FG_STORE_OPTS_INIT {0, 10000, 0}

/**
 * Open (and create or migrate) a store. WAL journal, foreign keys on.
 * @param out   receives a handle, closed with fg_store_close(); NULL on failure.
 * @param path  the database file; with read_only or must_exist it must exist.
 * @return FG_OK, FG_ENOTFOUND (read_only or must_exist, and no such file), FG_EDB ("PATH:
 *         not a fengong database: …", "PATH: schema version N is newer than this fengong
 *         supports (M); the database was not changed", "PATH: cannot open the database
 *         for writing: … (read-only file or file system?)") or FG_ENOMEM. A database of
 *         someone else is refused before anything is written to it. On read-only media a
 *         read_only open falls back to SQLite's immutable mode.
 */
int fg_store_open(fg_store **out, const char *path, const fg_store_opts *opts);

/** Close a store; NULL-safe. */
void fg_store_close(fg_store *st);

/**
 * Delete the database file at path, and its -wal, -shm and -journal files, when it holds no
 * document and no other connection has it open (for a run that created a database and
 * stored nothing: another process may have stored documents in it meanwhile, or be about
 * to). Close the run's own store first.
 * @param removed  receives 1 when the files were deleted, 0 when they were kept; may be NULL.
 * @return FG_OK (also when the database is kept, or there is none) or FG_ENOMEM.
 */
int fg_store_drop_unused(const char *path, int *removed);

/** The store's path as given to fg_store_open(); borrowed. */
const char *fg_store_path(const fg_store *st);

typedef enum fg_ingest_status {
    FG_INGEST_ADDED = 0,      /* a new document */
    FG_INGEST_UNCHANGED = 1,  /* the same name with the same content: nothing written */
    FG_INGEST_REPLACED = 2,   /* the same name, new content, replace requested; or the same
                                 content stored before schema 7 (no deadlines and targets
                                 read), replace requested: stored again with them */
    FG_INGEST_DUPLICATE = 3   /* the same content under another name: nothing written */
} fg_ingest_status;

typedef struct fg_ingest_opts {
    int replace;                    /* swap a stored document of the same name */
    const fg_gazetteer *gazetteer;  /* resolves names; NULL leaves every name unresolved */
} fg_ingest_opts;

#define FG_INGEST_OPTS_INIT {0, NULL}

/**
 * Store one document in one transaction: whole or not at all, with its deadlines (of
 * clauses and items) and quantitative targets (of items) as fg_parse_document() read them
 * (a document parsed with no_tracking has none, and is stored without).
 * @param status    receives what happened.
 * @param doc       the parsed document (its name is the key).
 * @param sha256    hex SHA-256 of the raw input bytes (64 characters).
 * @param n_bytes   size of the raw input.
 * @return FG_OK, FG_EINVAL ("NAME: a different version is already stored …; use --replace"),
 *         FG_EPARSE ("NAME: no numbered items, clauses or work teams: not a task-division
 *         document", as fg_doc_check() says), FG_EDB or FG_ENOMEM. On failure the database
 *         is unchanged.
 */
int fg_store_ingest(fg_ingest_status *status, fg_store *st, const fg_doc *doc,
                    const char *sha256, size_t n_bytes, const fg_ingest_opts *opts);

/**
 * Bring the full-text index up to date with the stored items (one transaction). Ingest
 * does not index, so that bulk loads stay fast; search also finds items not yet indexed,
 * by a scan, so calling this is only a matter of speed.
 * @param n_indexed  receives how many items were added to the index (may be NULL).
 * @return FG_OK or FG_EDB.
 */
int fg_store_index(fg_store *st, size_t *n_indexed);

/**
 * Delete a document and everything extracted from it (agencies stay).
 * @return FG_OK, FG_ENOTFOUND ("NAME: no such document") or FG_EDB.
 */
int fg_store_remove(fg_store *st, const char *name);

/**
 * A row of text cells: n_cols strings (never NULL), valid during the call; non-zero stops.
 * The store's own reads are typed (below); this is kept for the text listings of other
 * modules (fg_export_rows(), fg_progress_imports()).
 */
typedef int (*fg_store_row_cb)(size_t n_cols, const char *const *cols, void *payload);

/*
 * The read API: each query hands its rows to a callback as a typed row (numbers as numbers,
 * roles as enums), whose strings live until the callback returns. A non-zero return from the
 * callback stops the query early (it then returns FG_OK).
 */

/** A stored document with its counts, for fg_store_documents(). */
typedef struct fg_store_document_row {
    const char *name;
    const char *doc_number;    /* 文号; "" when none */
    int year;                  /* 0 when unknown */
    const char *date;          /* "YYYY-MM-DD", or "" */
    size_t n_items;
    size_t n_tasks;            /* items with at least one clause (fg_doc_stats.n_items_assigned) */
    size_t n_clauses;
    size_t n_assignments;
    size_t n_teams;
    long long n_unparsed;      /* statements not understood (fg_doc.n_notes); -1 for a document
                                  stored before schema 5 */
    const char *format;        /* the reader that made its text: text, docx, pdf, html */
    const char *title;
    const char *sha256;
    const char *ingested_at;
} fg_store_document_row;

typedef int (*fg_store_document_cb)(const fg_store_document_row *row, void *payload);

/** The stored documents, by name. */
int fg_store_documents(fg_store *st, fg_store_document_cb cb, void *payload);

/** One assignment with its clause, item and document, for fg_store_assignments() and
 *  fg_store_agency_tasks(). */
typedef struct fg_store_assignment_row {
    long long clause_id;
    const char *doc;
    int year;                  /* the document's; 0 when unknown */
    const char *path;          /* item path */
    const char *title;         /* item title */
    int clause;                /* 1-based within the item */
    fg_role role;
    fg_kind kind;
    const char *agency;        /* canonical, or the surface when unresolved */
    const char *status;        /* the agency's: known, unresolved, generic or group */
    const char *level;         /* the agency's level, "" when unknown */
    const char *surface;       /* the name as written */
} fg_store_assignment_row;

typedef int (*fg_store_assignment_cb)(const fg_store_assignment_row *row, void *payload);

/** The assignments of the document named doc (NULL: of every document), in document order.
 *  Filtering is the caller's. */
int fg_store_assignments(fg_store *st, const char *doc, fg_store_assignment_cb cb,
                         void *payload);

/** One agency by canonical name or alias or surface: its assignments, in document order.
 *  @return FG_OK, FG_ENOTFOUND ("NAME: no such agency in PATH") or FG_EDB. */
int fg_store_agency_tasks(fg_store *st, const char *name, fg_store_assignment_cb cb,
                          void *payload);

/** A clause with its texts, for fg_store_tasks(). */
typedef struct fg_store_task_row {
    long long clause_id;
    const char *doc;
    const char *path;          /* item path */
    int clause;                /* 1-based within the item */
    const char *title;         /* item title */
    const char *item_text;     /* begins with the title */
    const char *clause_text;
    const char *issuer;        /* the document's */
} fg_store_task_row;

typedef int (*fg_store_task_cb)(const fg_store_task_row *row, void *payload);

/** Every clause with its texts, for learning; in document order. */
int fg_store_tasks(fg_store *st, fg_store_task_cb cb, void *payload);

/** A work team with its document, for fg_store_teams(). */
typedef struct fg_store_team_row {
    const char *doc;
    const char *name;
    const char *part;          /* the part of the document that is its plan ("A1"), or "" */
    const char *doc_number;    /* 文号; "" when none */
    const char *date;          /* "YYYY-MM-DD", or "" */
    const char *doc_title;
} fg_store_team_row;

typedef int (*fg_store_team_cb)(const fg_store_team_row *row, void *payload);

/** The teams named name (NULL: every team), in document order. */
int fg_store_teams(fg_store *st, const char *name, fg_store_team_cb cb, void *payload);

/** A unit of a work team, for fg_store_team_members(). */
typedef struct fg_store_member_row {
    const char *doc;
    const char *team;
    fg_team_role role;
    const char *surface;       /* as written */
    const char *agency;        /* canonical; the surface when unresolved or a convenor */
    const char *status;        /* the agency's status, "person" for a convenor */
} fg_store_member_row;

typedef int (*fg_store_member_cb)(const fg_store_member_row *row, void *payload);

/** The units of the team named team of the document doc (both NULL: of every team), in
 *  document order. */
int fg_store_team_members(fg_store *st, const char *doc, const char *team,
                          fg_store_member_cb cb, void *payload);

struct fg_arena;

/** A unit of a team in an fg_team_view. */
typedef struct fg_team_view_member {
    const char *surface;       /* as written */
    const char *agency;        /* canonical; the surface when unresolved or a convenor */
    fg_team_role role;
} fg_team_view_member;

/** An assignment of a team's plan in an fg_team_view. */
typedef struct fg_team_view_edge {
    long long clause_id;
    const char *agency;        /* canonical, or the surface when unresolved */
    fg_role role;
} fg_team_view_edge;

/**
 * A work team as a map of it needs it: the team with its document's 文号 and date, its units
 * in the document's order (a unit named in two roles comes twice), and the assignments of
 * its plan (the items of its part of the document, path "PART:…"), in document order.
 * Everything is owned by the view (its strings by one pool) and freed with it.
 */
typedef struct fg_team_view {
    const char *doc;
    const char *team;
    const char *part;
    const char *doc_number;    /* "" when none */
    const char *date;          /* "YYYY-MM-DD", or "" */
    fg_team_view_member *members;
    size_t n_members;
    fg_team_view_edge *edges;
    size_t n_edges;
    struct fg_arena *strings;  /* internal: holds every string above */
} fg_team_view;

/**
 * Load the team named team of the document doc (NULL: of the first document, by name, that
 * has one).
 * @param out  receives a view freed with fg_team_view_free(); NULL on failure.
 * @return FG_OK, FG_ENOTFOUND ("TEAM: no such team in PATH"), FG_EDB or FG_ENOMEM.
 */
int fg_store_team_view(fg_team_view **out, fg_store *st, const char *doc, const char *team);

/** Free a team view; NULL-safe. */
void fg_team_view_free(fg_team_view *v);

/** An item found by fg_store_search(). */
typedef struct fg_store_search_row {
    const char *doc;
    const char *path;          /* item path */
    const char *title;         /* item title */
    const char *leads;         /* its lead agencies as written, joined with 、; "" when none */
    const char *cos;           /* its co-operating agencies likewise */
} fg_store_search_row;

typedef int (*fg_store_search_cb)(const fg_store_search_row *row, void *payload);

/**
 * Items whose text (which begins with the title) contains query: at most limit (0: all).
 * Items with clauses come first, then those whose title holds the query, then by FTS5 rank.
 * Three characters or more use the FTS5 trigram index; shorter queries scan.
 * @return FG_OK, FG_EINVAL (empty query) or FG_EDB.
 */
int fg_store_search(fg_store *st, const char *query, size_t limit, fg_store_search_cb cb,
                    void *payload);

/** An agency with its use, for fg_store_agencies(). */
typedef struct fg_store_agency_use_row {
    const char *name;          /* canonical, or the surface when unresolved */
    const char *status;        /* known, unresolved, generic or group */
    const char *level;
    const char *type;
    size_t n_lead;             /* assignments as lead */
    size_t n_co;               /* assignments as co-operating unit */
    size_t n_docs;             /* documents naming it */
} fg_store_agency_use_row;

typedef int (*fg_store_agency_use_cb)(const fg_store_agency_use_row *row, void *payload);

/** The agencies that have assignments, by lead count, then by assignments, then by name. */
int fg_store_agencies(fg_store *st, fg_store_agency_use_cb cb, void *payload);

/** A name the gazetteer does not know, for fg_store_unresolved(). */
typedef struct fg_store_unresolved_row {
    const char *name;          /* as written */
    size_t n;                  /* assignments naming it */
    const char *docs;          /* the documents naming it, joined with "," */
} fg_store_unresolved_row;

typedef int (*fg_store_unresolved_cb)(const fg_store_unresolved_row *row, void *payload);

/** The unresolved names with their use, most used first (then by name). */
int fg_store_unresolved(fg_store *st, fg_store_unresolved_cb cb, void *payload);

/** An agency of the store, for fg_store_agency_list(); strings live until the callback returns. */
typedef struct fg_store_agency_row {
    long long id;
    const char *name;       /* canonical, or the surface when unresolved */
    const char *status;     /* known, unresolved, generic or group */
    const char *level;
} fg_store_agency_row;

typedef int (*fg_store_agency_cb)(const fg_store_agency_row *row, void *payload);

/** Every agency of the store, by id. A non-zero return from cb stops early. */
int fg_store_agency_list(fg_store *st, fg_store_agency_cb cb, void *payload);

/** One assignment with its task, for fg_store_edge_rows(); strings live until cb returns. */
typedef struct fg_store_edge_row {
    long long doc_id;
    const char *doc;
    int year;               /* 0 when unknown */
    long long item_id;
    const char *path;       /* item path */
    const char *title;      /* item title */
    long long clause_id;
    int clause;             /* 1-based within the item */
    long long agency_id;    /* fg_store_agency_row.id */
    bool lead;
} fg_store_edge_row;

/** Which assignments fg_store_edge_rows() streams: docs (by name; none means all), year. */
typedef struct fg_store_edge_query {
    const char *const *docs;
    size_t n_docs;
    int year;               /* 0: every year */
} fg_store_edge_query;

typedef int (*fg_store_edge_cb)(const fg_store_edge_row *row, void *payload);

/**
 * The assignments as typed rows in document order (document name, item, clause,
 * assignment), streamed straight off the indexes: memory does not grow with the store.
 * q may be NULL (everything). A non-zero return from cb stops early.
 * @return FG_OK, FG_EINVAL (more than 30000 documents named) or FG_EDB.
 */
int fg_store_edge_rows(fg_store *st, const fg_store_edge_query *q, fg_store_edge_cb cb,
                       void *payload);

/** Which rows fg_store_due_rows() and fg_store_target_rows() stream. */
typedef struct fg_store_track_query {
    const char *doc;     /* a document name; NULL: every document */
    const char *agency;  /* an agency (canonical name, alias or name as written) that leads
                            or co-operates in the task; NULL: any */
    int year;            /* the documents of this year; 0: every year */
} fg_store_track_query;

#define FG_STORE_TRACK_QUERY_INIT {NULL, NULL, 0}

/** Agency names of a row (v[0] … v[n - 1]), borrowed: they live as long as the row. */
typedef struct fg_store_names {
    const char *const *v;
    size_t n;
} fg_store_names;

/**
 * The deadline of one clause (a task) with its agencies, for fg_store_due_rows(); strings
 * and arrays live until the callback returns. Agencies are canonical names (the name as
 * written when the gazetteer did not know it), in the clause's order.
 */
typedef struct fg_store_due_row {
    const char *doc;
    int year;                  /* the document's; 0 when unknown */
    const char *path;          /* item path */
    const char *title;         /* item title */
    int clause;                /* 1-based within the item */
    const char *clause_text;
    fg_deadline_kind kind;     /* DATE, RECURRING or ONGOING */
    fg_deadline_every every;   /* RECURRING only */
    const char *phrase;        /* as written: 2025年6月底前 */
    const char *date;          /* "YYYY-MM-DD", or "" (not a date, or no year known) */
    bool year_assumed;         /* the phrase names no year: date took the document's */
    fg_due_source source;
    fg_store_names leads;
    fg_store_names cos;
} fg_store_due_row;

typedef int (*fg_store_due_cb)(const fg_store_due_row *row, void *payload);

/**
 * The clauses with a deadline, in document order (document name, item, clause).
 * q may be NULL (everything). A non-zero return from cb stops early.
 * @return FG_OK, FG_ENOTFOUND ("X: no such document in PATH", "X: no such agency in PATH")
 *         or FG_EDB.
 */
int fg_store_due_rows(fg_store *st, const fg_store_track_query *q, fg_store_due_cb cb,
                      void *payload);

/**
 * A quantitative target of an item with the item's lead agencies (of all its clauses, each
 * once, in order), for fg_store_target_rows(); strings live until the callback returns.
 */
typedef struct fg_store_target_row {
    const char *doc;
    int year;                  /* the document's; 0 when unknown */
    const char *doc_number;    /* 文号; "" when none */
    const char *path;          /* item path */
    const char *title;         /* item title */
    int seq;                   /* 1-based within the item, in text order */
    const char *text;          /* as written: 地区生产总值增长6.5%以上 */
    const char *subject;       /* "" when none is written */
    fg_target_change change;
    fg_target_bound bound;
    double value;              /* 万/亿 multiplied out */
    double value_hi;           /* the end of a range; value otherwise */
    const char *unit;
    fg_store_names leads;
} fg_store_target_row;

typedef int (*fg_store_target_cb)(const fg_store_target_row *row, void *payload);

/**
 * The targets, in document order (document name, item, target). q may be NULL; its agency
 * keeps the targets of items where that agency leads or co-operates in a clause. A non-zero
 * return from cb stops early.
 * @return FG_OK, FG_ENOTFOUND (no such document or agency, as fg_store_due_rows()) or FG_EDB.
 */
int fg_store_target_rows(fg_store *st, const fg_store_track_query *q, fg_store_target_cb cb,
                         void *payload);

/** How many documents were stored before schema 7 and so have no deadlines or targets. */
int fg_store_untracked_documents(fg_store *st, size_t *n);

#ifdef __cplusplus
}
#endif
#endif

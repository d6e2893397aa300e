/* fengong: progress tracking (督办): status tables read, imported into the store's history,
 * and completion and overdue rates by lead agency, document, team and coordination. */
#ifndef FENGONG_PROGRESS_H
#define FENGONG_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "fengong/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The fixed set of statuses a 督查 office reports. */
typedef enum fg_status {
    FG_STATUS_NONE = 0,        /* not a status */
    FG_STATUS_NOT_STARTED = 1, /* 未启动 */
    FG_STATUS_IN_PROGRESS = 2, /* 推进中 */
    FG_STATUS_DONE = 3,        /* 已完成 */
    FG_STATUS_DELAYED = 4      /* 滞后 */
} fg_status;

/**
 * The status a cell names: the four words or one of their aliases (fg_status_aliases()),
 * blanks around it ignored, Latin letters without case, ' ', '-' and '_' alike.
 * @return the status, or FG_STATUS_NONE when s names none.
 */
fg_status fg_status_parse(const char *s, size_t len);

/** "未启动", "推进中", "已完成", "滞后" ("" for FG_STATUS_NONE): the stored names. */
const char *fg_status_name(fg_status status);

/** The aliases of a status besides its name, NULL-terminated, static (for --help). */
const char *const *fg_status_aliases(fg_status status);

/** The kind of file a status table came from. */
typedef enum fg_table_format {
    FG_TABLE_CSV = 0,
    FG_TABLE_TSV = 1,
    FG_TABLE_XLSX = 2
} fg_table_format;

/** "csv", "tsv", "xlsx". */
const char *fg_table_format_name(fg_table_format f);

/** One row of a status table; strings owned by the table, "" when the column is absent. */
typedef struct fg_status_row {
    size_t line;      /* the file's line where the row starts (XLSX: the sheet's row) */
    const char *doc;  /* 文件 / document: a document's name, its name without extension,
                         or its 文号 */
    const char *item; /* 条目 / 序号 / item: an item path (M:3.9.21), the path without its
                         part (3.9.21), or the item's number (21) */
    const char *task; /* 任务 / task: the task's text */
    fg_status status;
    const char *date; /* YYYY-MM-DD, or "" when the row gives none */
    const char *note;
    const char *reporter;
} fg_status_row;

/** A status table: its rows in file order. */
typedef struct fg_status_table {
    const char *name; /* as given to the reader */
    fg_table_format format;
    fg_status_row *rows;
    size_t n_rows;
    void *priv_; /* owned storage; do not touch */
} fg_status_table;

/**
 * Read a status table. The bytes tell the format: a ZIP is an Excel workbook (.xlsx: its
 * first visible sheet, shared and inline strings, numbers, merged cells read as empty after
 * the first; a number in the date column is an Excel serial day, in the workbook's 1900 or
 * 1904 date system), anything else text in any encoding fg_text_decode() knows, TSV when its header
 * line has a tab, else CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks).
 * Lines starting with '#' before the header are comments; blank rows are skipped. The first
 * other row is the header; columns are found by their names (Chinese or English, any case):
 * 文件/文件名/文档/document/doc, 条目/序号/编号/item/no, 任务/任务内容/工作任务/task,
 * 状态/进展状态/status, 日期/报送日期/date, 备注/进展情况/note, 报送单位/填报单位/填报人/reporter;
 * other columns are ignored. The status column and an item or task column are required.
 * Dates: 2025-06-30, 2025/6/30, 2025.6.30, 2025年6月30日, 20250630, or an Excel serial.
 * @param out    receives the table, freed with fg_status_table_free(); NULL on failure.
 * @param name   the file name for messages; copied.
 * @param bytes  the file's bytes; borrowed.
 * @return FG_OK; FG_EPARSE naming NAME:LINE for a row with an unknown status (the message
 *         lists the statuses), a bad date, an unterminated quote, or a header without the
 *         required columns or with one twice; FG_EFORMAT for a damaged workbook;
 *         FG_EENCODING; FG_ENOMEM.
 * Complexity: O(len).
 */
int fg_status_table_read(fg_status_table **out, const char *name, const void *bytes, size_t len);

/** Free a status table; NULL-safe. */
void fg_status_table_free(fg_status_table *t);

/** Why a row was not imported. */
typedef enum fg_miss_kind {
    FG_MISS_NONE = 0,    /* no task matches */
    FG_MISS_SEVERAL = 1, /* more than one task matches */
    FG_MISS_NO_DOC = 2   /* the document column names no stored document with tasks */
} fg_miss_kind;

/** A row that matched no task or several; strings owned by the result. */
typedef struct fg_progress_miss {
    size_t line;
    fg_miss_kind kind;
    size_t n_matches;  /* FG_MISS_SEVERAL: how many */
    const char *given; /* what the row gave: "doc / item / task" as written */
} fg_progress_miss;

/** What an import did. */
typedef struct fg_progress_result {
    bool unchanged;       /* these bytes were imported before: nothing written */
    const char *previous; /* unchanged: the name and time of that import */
    fg_table_format format;
    size_t n_rows;                      /* rows of the table */
    size_t n_imported;                  /* rows stored */
    size_t by_item, by_text, by_search; /* how the stored rows were matched */
    size_t n_undated;                   /* rows without a date, dated with the import's day */
    fg_progress_miss *misses;           /* rows not imported, in file order */
    size_t n_misses;
    void *priv_; /* owned storage; do not touch */
} fg_progress_result;

typedef struct fg_progress_import_opts {
    bool strict;       /* a row that matches no task or several fails the import */
    const char *today; /* YYYY-MM-DD for rows without a date; NULL: today (UTC) */
} fg_progress_import_opts;

#define FG_PROGRESS_IMPORT_OPTS_INIT {false, NULL}

/**
 * Import a status table into the store's progress history, in one transaction. Each row is
 * matched to one task (an item with clauses): by document and item when the row gives an
 * item (exact path, path without its part, or the item's number within the document), else
 * by the task text — an item's title or text equal to it, or, when none is, the one task the
 * search index (fg_store_search()) finds for it. A row matching no task or several is not
 * guessed: it is listed in misses and not imported (with strict, the import fails and
 * nothing is written). The matched document name and item path are stored, not ids (items
 * get new ids when a document is ingested again). Every import is kept with the file's
 * name, SHA-256, size, format, time and row counts; the same bytes imported again change
 * nothing (result->unchanged).
 * @param out    receives the result, freed with fg_progress_result_free(); NULL on failure.
 * @param name   the file's name, stored and used in messages.
 * @param bytes  the file's bytes; borrowed.
 * @return FG_OK; the errors of fg_status_table_read(); FG_EPARSE (strict: "NAME:LINE: no task
 *         matches …"; a table without rows); FG_EINVAL (opts->today not a date); FG_EDB;
 *         FG_ENOMEM. On failure the store is unchanged.
 */
int fg_progress_import(fg_progress_result **out, fg_store *st, const char *name, const void *bytes,
                       size_t len, const fg_progress_import_opts *opts);

/**
 * fg_progress_import() of a file's bytes (path is its name).
 * @return as fg_progress_import(), and FG_EIO ("PATH: cannot open: …") for a file that
 *         cannot be read.
 */
int fg_progress_import_file(fg_progress_result **out, fg_store *st, const char *path,
                            const fg_progress_import_opts *opts);

/** Free an import result; NULL-safe. */
void fg_progress_result_free(fg_progress_result *r);

/** Imports so far: id, name, sha256, bytes, format, rows, imported, imported_at; oldest first. */
int fg_progress_imports(fg_store *st, fg_store_row_cb cb, void *payload);

/** How fg_progress_summary() groups the tasks. */
typedef enum fg_progress_by {
    FG_PROGRESS_BY_AGENCY = 0, /* each lead agency of a task (generic references left out) */
    FG_PROGRESS_BY_DOCUMENT = 1,
    FG_PROGRESS_BY_TEAM = 2 /* a work team: the tasks of its document led by one of its
                               units (convenor, deputy, member or office) */
} fg_progress_by;

/**
 * One group's counts as of a date. A task's status as of D is that of its last report dated
 * on or before D (reports of one day: the later import, then the later line wins). Its
 * deadline is the earliest dated deadline among its clauses and the item; it is due when
 * that date is before D, and overdue when due and not 已完成 as of D. Rates: done / tasks and
 * overdue / due (0 when the count under them is 0; the counts are there to read them by).
 */
typedef struct fg_progress_row {
    const char *group; /* agency, document or team name; owned by the summary */
    const char *doc;   /* FG_PROGRESS_BY_TEAM: the team's documents ("、"); else "" */
    size_t tasks;
    size_t reported;                                /* with a report dated on or before D */
    size_t never_reported;                          /* tasks - reported */
    size_t not_started, in_progress, done, delayed; /* by status as of D */
    size_t dated;                                   /* with a dated deadline */
    size_t due;                                     /* dated deadline before D */
    size_t overdue;                                 /* due and not 已完成 as of D */
    double done_rate;                               /* done / tasks */
    double overdue_rate;                            /* overdue / due */
} fg_progress_row;

/** What fg_progress_summary() and fg_progress_coordination() look at. */
typedef struct fg_progress_opts {
    const char *as_of; /* YYYY-MM-DD, or NULL for today (UTC) */
    bool year_end;     /* a task without any deadline of its own (no date, recurring or
                          ongoing one) is due by the end of its document's year (as annual
                          work plans such as a 政府工作报告 division are read); off: it is
                          never due */
} fg_progress_opts;

#define FG_PROGRESS_OPTS_INIT {NULL, false}

/** The rows of fg_progress_summary(): rows[0] is the whole store (group "all"). */
typedef struct fg_progress_groups {
    fg_progress_row *rows;
    size_t n_rows;
    char as_of[11];
    void *priv_;
} fg_progress_groups;

/**
 * Completion and overdue counts per group as of a date, after a total row; groups by tasks
 * (largest first), then name.
 * @param out    receives the summary, freed with fg_progress_groups_free().
 * @param opts   the date and the reading of tasks without deadlines; NULL: today, never due.
 * @return FG_OK, FG_EINVAL (as_of not a date), FG_EDB or FG_ENOMEM.
 */
int fg_progress_summary(fg_progress_groups **out, fg_store *st, fg_progress_by by,
                        const fg_progress_opts *opts);
void fg_progress_groups_free(fg_progress_groups *s);

/** Overdue counts of the tasks with a number of co-operating units in [lo, hi]. */
typedef struct fg_coord_bin {
    const char *label; /* "0", "1", "2", "3-4", "5+" */
    size_t lo, hi;     /* hi SIZE_MAX for the last bin */
    size_t tasks, due, overdue;
    double overdue_rate; /* overdue / due */
} fg_coord_bin;

/** Two agencies that share overdue tasks (names owned by the report). */
typedef struct fg_coord_pair {
    const char *a, *b;   /* a < b by name */
    size_t overdue;      /* tasks both are on (lead or co) that are overdue */
    size_t due;          /* tasks both are on that are due */
    double overdue_rate; /* overdue / due */
} fg_coord_pair;

typedef struct fg_progress_coord {
    fg_coord_bin bins[5];
    fg_coord_pair *pairs; /* most overdue first, then rate, then names */
    size_t n_pairs;
    char as_of[11];
    void *priv_;
} fg_progress_coord;

/**
 * Overdue rate against the number of co-operating units of a task (distinct co agencies
 * that do not also lead it; generic references left out), and the agency pairs that share
 * overdue tasks. As fg_progress_summary() for opts and the definitions.
 * @return FG_OK, FG_EINVAL, FG_EDB or FG_ENOMEM.
 */
int fg_progress_coordination(fg_progress_coord **out, fg_store *st, const fg_progress_opts *opts);
void fg_progress_coord_free(fg_progress_coord *c);

/** Whether s (len bytes) is a valid YYYY-MM-DD date. */
bool fg_progress_date_valid(const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif

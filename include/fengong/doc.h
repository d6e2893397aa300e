/* fengong: the extracted document model: items, clauses, assignments, work teams. */
#ifndef FENGONG_DOC_H
#define FENGONG_DOC_H

#include <stddef.h>

#include "fengong/deadline.h"
#include "fengong/target.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The role of an agency in a clause. */
typedef enum fg_role {
    FG_ROLE_LEAD = 0, /* 牵头 */
    FG_ROLE_CO = 1    /* 按职责分工负责, 配合, 参与 … */
} fg_role;

/** What kind of unit an assignment names. */
typedef enum fg_kind {
    FG_KIND_AGENCY = 0,  /* a named unit: 省发展改革委 */
    FG_KIND_GROUP = 1,   /* the members of a named group: …领导小组成员单位 */
    FG_KIND_GENERIC = 2  /* 有关部门, 各市州人民政府, 各部门单位 … */
} fg_kind;

/** The role of a unit in a work team or committee (工作专班, 领导小组, 联席会议, 指挥部 …). */
typedef enum fg_team_role {
    FG_TEAM_CONVENOR = 0, /* 召集人, 组长, 总指挥, 指挥长, 主任 */
    FG_TEAM_DEPUTY = 1,   /* 副召集人, 副组长, 副总指挥, 副指挥长, 副主任 */
    FG_TEAM_MEMBER = 2,   /* 成员单位, 成员 */
    FG_TEAM_OFFICE = 3    /* 办公室设在 */
} fg_team_role;

#define FG_NO_PARENT ((size_t)-1)

/** What a note says the parser did not understand. */
typedef enum fg_note_kind {
    FG_NOTE_ROLE_WORDS = 0,    /* a bracket or labelled line with a role word, and no clause */
    FG_NOTE_DECLARATION = 1,   /* 列第一位…牵头 not taken as a first-listed-lead declaration */
    FG_NOTE_UNKNOWN_LABEL = 2, /* a label X单位：/X部门：/X机构：/X主体： the lexicon lacks */
    FG_NOTE_LONG_NAME = 3      /* a unit name that reads like a sentence (> 20 characters, 的/为/是) */
} fg_note_kind;

/** Something with role words that gave no clause, or a clause of doubtful reading. */
typedef struct fg_note {
    fg_note_kind kind;
    size_t line;       /* 1-based input line where it starts */
    const char *text;  /* the bracket, line or name, trimmed, at most ~120 characters */
} fg_note;

/** One agency named in a clause, as written (trailing 等 dropped, shared suffix distributed). */
typedef struct fg_assignment {
    fg_role role;
    fg_kind kind;
    const char *agency;
} fg_assignment;

/** Where the deadline of a clause or an item was read. */
typedef enum fg_due_source {
    FG_DUE_NONE = 0,     /* no deadline */
    FG_DUE_LABEL = 1,    /* a deadline label: 完成时限：…, 【时间节点】… */
    FG_DUE_COLUMN = 2,   /* the 完成时限 column of a 分工表 row */
    FG_DUE_CLAUSE = 3,   /* the clause's own text: （X牵头，2024年底前完成） */
    FG_DUE_SENTENCE = 4, /* the task text the clause follows: …，2024年底前完成。（X牵头） */
    FG_DUE_ITEM = 5      /* the clause has none of its own: its item's (label or column) */
} fg_due_source;

/**
 * A deadline as the document gives it (fg_deadline_parse(), fg_deadline_find()): kind
 * FG_DEADLINE_NONE, text "" and date "" when there is none. Strings are owned by the document.
 */
typedef struct fg_due {
    fg_deadline_kind kind;
    fg_deadline_every every;   /* recurring deadlines only */
    const char *text;          /* the phrase as written: "2025年6月底前", "长期坚持" */
    const char *date;          /* "YYYY-MM-DD", the last day of the period; "" unless a date */
    int year_assumed;          /* the phrase names no year: date took the document's year */
    fg_due_source source;
} fg_due;

/** A quantitative target of an item (fg_target_find()); strings owned by the document. */
typedef struct fg_item_target {
    const char *text;          /* the target as written: "地区生产总值增长6.5%以上" */
    const char *subject;       /* "地区生产总值"; "" when none is written */
    fg_target_change change;
    fg_target_bound bound;
    double value;              /* 万/亿 multiplied out: 70万人 → 700000 */
    double value_hi;           /* the end of a range; value otherwise */
    const char *unit;          /* "%", "个百分点", "人", "元" … */
} fg_item_target;

/** One responsibility clause: a parenthetical, a labelled block or a sentence. */
typedef struct fg_clause {
    const char *text;          /* the clause as written, page breaks joined */
    size_t line;               /* 1-based input line where it starts */
    fg_assignment *assignments;
    size_t n_assignments;
    fg_due deadline;           /* its label, its text, the text before it, or its item's */
} fg_clause;

/** One numbered unit of the document (一、 （一） 1． （1） 第X章 …). */
typedef struct fg_item {
    const char *path;     /* "M:2.3.3", "A7:2.1.1.1": part, then numbers as printed */
    const char *part;     /* "M" or "A1".."An" (附件) */
    const char *marker;   /* the numbering as printed: "（三）", "3．" */
    size_t parent;        /* index into fg_doc.items or FG_NO_PARENT */
    int depth;            /* 1 for top-level items */
    const char *title;    /* text after the marker up to the first 。 (page breaks joined) */
    const char *text;     /* the item's own text up to its first child or next item */
    size_t line;          /* 1-based input line of the marker */
    fg_clause *clauses;
    size_t n_clauses;
    fg_due deadline;      /* given by a 完成时限 column or a deadline label outside clauses */
    fg_item_target *targets; /* the quantitative targets of its own text, in text order */
    size_t n_targets;
} fg_item;

typedef struct fg_team_member {
    fg_team_role role;
    fg_kind kind;
    const char *agency;
} fg_team_member;

/**
 * A work team or committee with its convenor, deputies, members and office, one member per
 * unit and role, in that order of roles.
 */
typedef struct fg_team {
    const char *name;
    const char *part;     /* the part ("A1") whose section defines it */
    size_t line;
    fg_team_member *members;
    size_t n_members;
} fg_team;

/**
 * An extracted document. Everything it points to is owned by it and freed by fg_doc_free();
 * pointers stay valid as long as the document.
 */
typedef struct fg_doc {
    const char *name;        /* basename of the input path */
    const char *format;      /* the reader that made the text: "text", "docx", "pdf", "html" */
    const char *title;       /* e.g. 湖南省人民政府关于印发…的通知; "" when not found */
    const char *doc_number;  /* 文号, e.g. 湘政发〔2022〕1号; "" when not found */
    const char *issuer;      /* e.g. 湖南省人民政府; "" when not found */
    const char *date;        /* ISO date of signature (2022-01-19); "" when not found */
    int year;                /* from the 文号 or date; 0 when not found */
    int first_is_lead;       /* the document declares that the first unit listed leads */
    fg_item *items;
    size_t n_items;
    fg_team *teams;
    size_t n_teams;
    fg_note *notes;          /* what was not understood, in line order */
    size_t n_notes;
    void *priv_;             /* owned storage; do not touch */
} fg_doc;

/** Free a document and everything it owns; NULL-safe. */
void fg_doc_free(fg_doc *doc);

/** "lead" / "co"; "convenor" / "deputy" / "member" / "office"; "agency" / "group" / "generic". */
const char *fg_role_name(fg_role role);
const char *fg_team_role_name(fg_team_role role);
const char *fg_kind_name(fg_kind kind);
/** "role_words" / "declaration" / "unknown_label" / "long_name": stable names for output. */
const char *fg_note_kind_name(fg_note_kind kind);
/** "" / "label" / "column" / "clause" / "sentence" / "item": stable names for output. */
const char *fg_due_source_name(fg_due_source source);

/**
 * Whether the document is a task-division document at all: one with numbered items, clauses
 * or work teams. extract and ingest judge by it alike.
 * @return FG_OK, or FG_EPARSE with "NAME: no numbered items, clauses or work teams: not a
 *         task-division document".
 */
int fg_doc_check(const fg_doc *doc);

/** Counts over a document. */
typedef struct fg_doc_stats {
    size_t n_items;           /* all numbered items */
    size_t n_items_assigned;  /* items with at least one clause */
    size_t n_clauses;
    size_t n_lead;
    size_t n_co;
    size_t n_team_rows;
} fg_doc_stats;

void fg_doc_stats_get(fg_doc_stats *out, const fg_doc *doc);

/**
 * Serialise documents as the JSON of `fengong extract --format json`:
 * {"documents":[{"doc","title","doc_number","issuer","date","year","items":[{"path","title",
 * "text","deadline","targets":[{"text","subject","change","bound","value","value_hi","unit"}],
 * "clauses":[{"clause","text","deadline","assignments":[{"role","agency","kind"}]}]}],
 * "teams":[{"name","members":[{"role","agency"}]}],"notes":[{"line","kind","text"}]}]};
 * a deadline is null when there is none, else {"kind","text","date","every","year_assumed",
 * "source"}.
 * @param out    receives a malloc'd NUL-terminated string, freed with free(); NULL on failure.
 * @param docs   the documents; borrowed.
 * @return FG_OK or FG_ENOMEM.
 */
int fg_doc_to_json(char **out, const fg_doc *const *docs, size_t n_docs);

#ifdef __cplusplus
}
#endif
#endif

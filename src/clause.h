/* Internal: one responsibility clause → (role, unit, kind) rows. Used by parse*.c. */
#ifndef FG_SRC_CLAUSE_H
#define FG_SRC_CLAUSE_H

#include <stdbool.h>

#include "fengong/doc.h"
#include "fengong/lexicon.h"
#include "str.h"

/* A unit found in a clause; its name is names.ptr[off .. off+len), followed by a NUL. */
typedef struct fg_unit {
    fg_role role;
    fg_kind kind;
    size_t off;
    size_t len;
    uint64_t key;  /* a hash of role and name, for finding a unit named twice in a clause */
} fg_unit;

/*
 * A growable list of units with their names in one buffer, each name followed by a NUL (so
 * that a copy of the whole buffer holds every name as a C string); zero-initialise, then
 * dispose.
 */
typedef struct fg_units {
    fg_unit *v;
    size_t n;
    size_t cap;
    fg_str names;
    fg_str scratch;  /* fg_clause__parse()'s working copy of a clause, kept for the next one */
    const fg_lexicon *lex; /* the role lexicon labels are read with; NULL: the bundled one */
    size_t due_off;        /* fg_clause__parse(): the value of the clause's first deadline */
    size_t due_len;        /* label (完成时限：…) in scratch; due_len 0 when it has none */
    bool hidden;           /* the clause being read hides separators in a name's bracket */
    size_t n_repeats;      /* units not appended because the clause already had them */
} fg_units;

void fg_units_clear(fg_units *u);
/* Frees what u holds and leaves it as a fresh {0} one. */
void fg_units_dispose(fg_units *u);
/* Make room for n_units more units and name_len more bytes of names; FG_OK or FG_ENOMEM. */
int fg_units_reserve(fg_units *u, size_t n_units, size_t name_len);

enum {
    FG_CLAUSE_STRICT = 1u << 0,        /* a sentence outside brackets: only role phrases allowed */
    FG_CLAUSE_FIRST_IS_LEAD = 1u << 1, /* the document declares that the first unit leads */
    FG_CLAUSE_BARE_LIST = 1u << 2,     /* accept a plain list of units with no role word */
    FG_CLAUSE_WORK = 1u << 3           /* strict: role phrases that open it may name the work */
};

/*
 * Parse the inside of one clause (no surrounding brackets) and append its units to out.
 * *is_clause tells whether the text is a responsibility clause at all; when it is not,
 * nothing is appended. Complexity O(len).
 * Returns FG_OK or FG_ENOMEM.
 */
int fg_clause__parse(fg_units *out, bool *is_clause, fg_strview text, unsigned flags);

/* What a label (a short word before a colon) says of the units after it. */
typedef enum fg_label_role {
    FG_LABEL_NONE = 0, /* not a label */
    FG_LABEL_LEAD,     /* 牵头单位：, 主办单位：, 主要责任单位： */
    FG_LABEL_CO,       /* 配合单位：, 协办单位：, 参与部门：, 其他责任单位： */
    FG_LABEL_RESP,     /* 责任单位：, 负责部门：, 实施单位：: co, unless the first listed leads */
    FG_LABEL_UNKNOWN,  /* 推进单位：: no head word we know, a unit suffix: as RESP, reported */
    FG_LABEL_OTHER     /* 完成时限：, 牵头领导：: a field whose text is never units */
} fg_label_role;

/* The role of a label word (no colon, no blanks) in lexicon lx (NULL: the bundled one). */
fg_label_role fg_clause__label_word(const fg_lexicon *lx, fg_strview word);

/*
 * A label at s[i]: 1 to 10 ideographs (blanks between them allowed), an optional
 * （单位）/（部门）, then ： or :. *len receives its length through the colon (0 when none).
 */
fg_label_role fg_clause__label_at(const fg_lexicon *lx, fg_strview s, size_t i, size_t *len);

/* Whether w is the inside of a lead mark: 牵头, 牵头单位, 主责, 主办部门 … */
bool fg_clause__is_lead_mark(fg_strview w);

/*
 * The role a bracket holding in gives the unit right before it (before ends there): a lead
 * mark (fg_clause__is_lead_mark()) leads; 会办, 协办, 配合, 参与, 协助, 协同, 参加 (alone or
 * with 单位, 部门) are a co mark after a complete name; else FG_LABEL_NONE.
 */
fg_label_role fg_clause__mark(fg_strview before, fg_strview in);

/* Whether text holds a unit name followed by a mark in brackets (X（牵头）, Y（会办）). */
bool fg_clause__has_mark(fg_strview text);

/*
 * Whether s opens with a first-listed declaration of the clause grammar (前者为牵头单位,
 * 排名第一的为牵头单位): a bracket holding one declares, it says nothing not understood.
 */
bool fg_clause__is_declaration(fg_strview s);

/*
 * Whether the text between a declaration's ordinal and its 牵头 links them (为, 是, 者, 的单位,
 * 的部门, within one phrase): 列[第一位者为]牵头单位, 排名[第一的单位]牵头.
 */
bool fg_clause__declaration_link(fg_strview between);

/*
 * Whether s declares that units marked with a sign lead (带★的为牵头单位, 标☆者为牵头部门): the
 * sign, then a link (fg_clause__declaration_link()) and 牵头. The marked units lead anyway.
 */
bool fg_clause__mark_declaration(fg_strview s);

/*
 * The formatting that s, the text of a note (at most 300 bytes), declares to mark the lead
 * units: （注：加粗的为牵头单位）, 标黑体的为牵头单位, 红色字体为牵头单位 — a format word (加粗 粗体
 * 黑体 粗字; 红色 红字 标红 红体) within 30 bytes of 牵头. FG_CLAUSE_FORMAT_* bits, 0 for none.
 * The Word and HTML readers mark the units so formatted (fg_rd_marked_text()); in text the
 * formatting is lost, and the note is no statement.
 */
#define FG_CLAUSE_FORMAT_BOLD 1u
#define FG_CLAUSE_FORMAT_RED 2u
unsigned fg_clause__format_declaration(fg_strview s);

/* What fg_clause__parse_noted() saw that a reader should check (OR-ed into *notes_out). */
enum {
    FG_CLAUSE_NOTE_UNKNOWN_LABEL = 1u << 0, /* a label the lexicon lacks was read as a role */
    FG_CLAUSE_NOTE_LONG_NAME = 1u << 1      /* a unit of the clause reads like a sentence */
};

/* fg_clause__parse(), and *notes_out (set to 0 first) receives FG_CLAUSE_NOTE_* bits. */
int fg_clause__parse_noted(fg_units *out, bool *is_clause, unsigned *notes_out, fg_strview text,
                           unsigned flags);

/*
 * A unit name that reads like a sentence: longer than 20 ideographs (60 bytes: a name is
 * counted in bytes, as its characters are nearly all ideographs), or a 的, 为 or 是.
 */
bool fg_clause__sentence_like(fg_strview name);

/*
 * The length of the bracket at t[i] when it belongs to the unit name written before it
 * (before ends there): 各县（市、区）人民政府, 省市场监管局（省知识产权局）; else 0.
 */
size_t fg_clause__name_bracket(fg_strview before, fg_strview t, size_t i);

/* Whether a parenthetical's text can be a clause (mentions 牵头/负责 or a role label). */
bool fg_clause__has_role_word(const fg_lexicon *lx, fg_strview text);

/* Split a plain list of units ("X、Y和Z等") into out with the given role; kinds are set. */
int fg_clause__split_list(fg_units *out, fg_strview text, fg_role role);

/*
 * Give the units of out from first on that name no level the level of the unit before them,
 * as a clause does (市发展改革委、财政局 → 市财政局; 市委、宣传部 → 市委宣传部).
 */
int fg_clause__share_prefixes(fg_units *out, size_t first);

/* Classify a unit name: named agency, the members of a group, or a generic reference. */
fg_kind fg_clause__kind(fg_strview name);

/* Whether a name looks like an organisation (ends with 厅, 委, 局, 政府, 部门 …). */
bool fg_clause__looks_like_unit(fg_strview name);
/*
 * Whether a name looks like an organisation or a body that is none of government's, as a
 * generic name may end (物业服务企业, 社会组织, 运营主体, 医疗机构): what a label takes,
 * for a table's unit column.
 */
bool fg_clause__looks_like_body(fg_strview name);
/*
 * Whether a table's cell starts with a verb that opens a task's wording (建设, 推进, 完善,
 * 加强 …: 建设停车诱导信息平台), so that it is the task, whatever it ends with; 建设银行 aside.
 */
bool fg_clause__starts_like_task(fg_strview cell);

/*
 * The length of the start of s that is a list of units followed by what they do (市财政局、
 * 市教育局等部门 in 市财政局、市教育局等部门推进…), or 0: see unit_list_prefix() in clause.c.
 */
size_t fg_clause__unit_list_prefix(fg_strview s);

/*
 * Whether a unit's name is 同上 (the same as above): the parser gives such a unit the units
 * of its role in the item before (牵头单位：同上; a table cell 同上).
 */
bool fg_clause__same_as_above(fg_strview name);

#endif

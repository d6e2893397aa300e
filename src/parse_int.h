/*
 * Internal: what the files of the parser share. parse.c reads the lines and builds the
 * document; parse_number.c reads numbering markers, parse_clause.c finds an item's clauses
 * and notes what was not understood, parse_team.c reads work teams, parse_table.c tables
 * flattened one cell per line, parse_meta.c the document's metadata. They share the parser
 * state (parser), the character helpers below (static inline: they are hot) and the
 * functions declared after them, each defined in the file its section names.
 */
#ifndef FG_SRC_PARSE_INT_H
#define FG_SRC_PARSE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
#include <emmintrin.h>
#endif

#include "chars.h"
#include "clause.h"
#include "error.h"
#include "fengong/parse.h"
#include "str.h"

/* ---- UTF-8 and character classes ---- */

/* fg_sv_at_str() for a string literal: the length is known at compile time. */
#define AT(s, i, lit) fg_sv_at((s), (i), (lit), sizeof(lit) - 1)

/* Value of a CJK numeral character, or -1 (十 = 10, 百 = 100 handled by the caller). */
static inline int fg_parse__cn_digit(fg_strview s, size_t i, size_t *n)
{
    static const char digits[10][4] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    *n = 3;
    /* Every numeral is a 3-byte character with lead byte E2..E9. */
    if (i >= s.len || (unsigned char)s.ptr[i] < 0xE2 || (unsigned char)s.ptr[i] > 0xE9)
        return -1;
    for (int d = 0; d < 10; d++)
        if (fg_sv_at(s, i, digits[d], 3))
            return d;
    if (AT(s, i, "零") || AT(s, i, "○"))
        return 0;
    if (AT(s, i, "两"))
        return 2;
    if (AT(s, i, "十"))
        return 10;
    if (AT(s, i, "百"))
        return 100;
    return -1;
}

/* A CJK number (一, 十二, 四十四, 一百零三) at s[i]; returns its value, -1 if none. */
static inline long fg_parse__cn_number(fg_strview s, size_t i, size_t *len)
{
    long total = 0;
    long cur = 0;
    size_t j = i;
    size_t n;
    int d;
    int count = 0;

    while (count < 6 && (d = fg_parse__cn_digit(s, j, &n)) >= 0) {
        if (d == 10) {
            total += (cur ? cur : 1) * 10;
            cur = 0;
        } else if (d == 100) {
            total += (cur ? cur : 1) * 100;
            cur = 0;
        } else {
            cur = cur * 10 + d;
        }
        j += n;
        count++;
    }
    if (count == 0)
        return -1;
    *len = j - i;
    return total + cur;
}

/* ASCII or full-width digits at s[i] (at most 3); value or -1. */
static inline long fg_parse__arabic_number(fg_strview s, size_t i, size_t *len, size_t max_digits)
{
    long v = 0;
    size_t j = i;
    size_t count = 0;

    while (j < s.len && count <= max_digits) {
        unsigned char c = (unsigned char)s.ptr[j];

        if (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            j++;
        } else if (j + 3 <= s.len && c == 0xEF && (unsigned char)s.ptr[j + 1] == 0xBC &&
                   (unsigned char)s.ptr[j + 2] >= 0x90 && (unsigned char)s.ptr[j + 2] <= 0x99) {
            v = v * 10 + ((unsigned char)s.ptr[j + 2] - 0x90);
            j += 3;
        } else {
            break;
        }
        count++;
    }
    if (count == 0 || count > max_digits)
        return -1;
    *len = j - i;
    return v;
}

static inline bool fg_parse__is_digit_at(fg_strview s, size_t i)
{
    size_t n;

    return i < s.len && fg_parse__arabic_number(s, i, &n, 1) >= 0;
}

static inline bool fg_parse__is_space_at(fg_strview s, size_t i, size_t *n)
{
    if (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '\t')) {
        *n = 1;
        return true;
    }
    if (AT(s, i, "\u3000")) {
        *n = 3;
        return true;
    }
    if (AT(s, i, "\u00a0")) {
        *n = 2;
        return true;
    }
    return false;
}

static inline fg_strview fg_parse__trim(fg_strview s)
{
    size_t n;

    /*
     * Most texts neither start nor end with a blank: the first byte of every blank is one of
     * ' ' '\t' E3 C2, the last byte one of ' ' '\t' '\r' 80 A0.
     */
    if (s.len > 0) {
        unsigned char a = (unsigned char)s.ptr[0];
        unsigned char z = (unsigned char)s.ptr[s.len - 1];

        if (a != ' ' && a != '\t' && a != 0xE3 && a != 0xC2 && z != ' ' && z != '\t' &&
            z != '\r' && z != 0x80 && z != 0xA0)
            return s;
    }
    /* Runs of ' ' (blanked parentheticals leave long ones) go 8 bytes, then 1, at a time. */
    for (;;) {
        while (s.len >= 8 && memcmp(s.ptr, "        ", 8) == 0)
            s = fg_sv(s.ptr + 8, s.len - 8);
        while (s.len && (s.ptr[0] == ' ' || s.ptr[0] == '\t'))
            s = fg_sv(s.ptr + 1, s.len - 1);
        if (s.len == 0 || !fg_parse__is_space_at(s, 0, &n))
            break;
        s = fg_sv(s.ptr + n, s.len - n);
    }
    for (;;) {
        while (s.len >= 8 && memcmp(s.ptr + s.len - 8, "        ", 8) == 0)
            s.len -= 8;
        while (s.len && (s.ptr[s.len - 1] == ' ' || s.ptr[s.len - 1] == '\t' ||
                         s.ptr[s.len - 1] == '\r'))
            s.len--;
        if (fg_sv_ends(s, "\u3000"))
            s.len -= 3;
        else if (fg_sv_ends(s, "\u00a0"))
            s.len -= 2;
        else
            break;
    }
    return s;
}

/*
 * Whether s[i] holds the ASCII bracket ascii, the 3-byte bracket wide or (when not NULL) the
 * 3-byte bracket other; its length in *n.
 */
static inline bool fg_parse__bracket_at(fg_strview s, size_t i, char ascii, const char *wide,
                                        const char *other, size_t *n)
{
    if (other != NULL && fg_sv_at(s, i, other, 3)) {
        *n = 3;
        return true;
    }
    if (i < s.len && s.ptr[i] == ascii) {
        *n = 1;
        return true;
    }
    if (fg_sv_at(s, i, wide, 3)) {
        *n = 3;
        return true;
    }
    return false;
}

static inline bool fg_parse__is_open(fg_strview s, size_t i, size_t *n)
{
    return fg_parse__bracket_at(s, i, '(', "（", NULL, n);
}

static inline bool fg_parse__is_close(fg_strview s, size_t i, size_t *n)
{
    return fg_parse__bracket_at(s, i, ')', "）", NULL, n);
}

/* Brackets around a clause: （ ( and 【 (some documents write 【牵头单位：X】). */
static inline bool fg_parse__clause_open(fg_strview s, size_t i, size_t *n)
{
    return fg_parse__bracket_at(s, i, '(', "（", "【", n);
}

static inline bool fg_parse__clause_close(fg_strview s, size_t i, size_t *n)
{
    return fg_parse__bracket_at(s, i, ')', "）", "】", n);
}

/* Skip blanks after a marker. */
static inline size_t fg_parse__skip_blanks(fg_strview s, size_t j)
{
    size_t n;

    while (fg_parse__is_space_at(s, j, &n))
        j += n;
    return j;
}

/* The number of code points of s, or cap + 1 when it has more than cap. */
static inline size_t fg_parse__cps_upto(fg_strview s, size_t cap)
{
    size_t n = 0;

    for (size_t i = 0; i < s.len && n <= cap; i += fg_cp_len((unsigned char)s.ptr[i]))
        n++;
    return n;
}

#if defined(__SSE2__) && !defined(FG_NO_SIMD)
/* Bit k set when byte k of the 16 at p is c. */
static inline __m128i fg_parse__eq8(__m128i v, unsigned char c)
{
    return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)c));
}
#endif

/* ---- numbering markers (parse_number.c) ---- */

typedef enum style {
    ST_PART = 0,      /* 第一部分 */
    ST_CHAPTER,       /* 第一章 */
    ST_SECTION,       /* 第一节 */
    ST_ARTICLE,       /* 第一条 */
    ST_ITEM,          /* 第一项　 第一项： at a line start */
    ST_ROMAN,         /* Ⅰ． Ⅱ、 II. at a line start */
    ST_CN,            /* 一、, and 第一　 第一， at a line start (mark.ordinal) */
    ST_PAREN_CN,      /* （一） */
    ST_TASK,          /* 任务一： 问题1： 序号：1 at a line start (task lists, record blocks) */
    ST_ARABIC,        /* 1． 1. 1、 */
    ST_DECIMAL,       /* 1.1 at a line start: the number is the last one */
    ST_DECIMAL2,      /* 1.1.1 */
    ST_PAREN_ARABIC,  /* （1） ⑴ */
    ST_HALF_PAREN,    /* 1） 1) at a line start */
    ST_CIRCLED,       /* ① */
    ST_UPPER,         /* A． B、 （C） at a line start: right below Ⅰ． in an outline (rank_of()) */
    ST_LOWER,         /* a． b、 （c） at a line start */
    ST_ROW,           /* a table row number */
    ST_COUNT
} style;

typedef struct mark {
    style st;
    long num;
    size_t len;     /* bytes of the marker and the blanks after it */
    long letter;    /* ST_ROMAN I. V. X.: the letter's number (9, 22, 24), read as ST_UPPER after
                     * the letter before it (fg_parse__open_item()); else 0 */
    bool ordinal;   /* ST_CN written as a bare ordinal at a line's start (第二　, 第二，): a
                     * heading only where the part numbers its headings so (feed_content()) */
} mark;

/* Build the character sets of parse_number.c: once, before any parse (ensure_sets()). */
void fg_parse__number_sets_init(void);

/*
 * A numbering marker at s[i]. line_start allows the forms that are only markers at the
 * start of a line (①, 第X条, 1.1, 1）, 一. and task_number_at()'s).
 */
bool fg_parse__marker_at(fg_strview s, size_t i, bool line_start, mark *m);

/*
 * fg_parse__marker_at() but for the number of a task word other than 任务 and 序号
 * (task_word_end()).
 */
bool fg_parse__marker_form_at(fg_strview s, size_t i, bool line_start, mark *m);

/*
 * A marker whose 一 OCR gave as a dash, at a line's start with a title after it: `—、` read
 * as 一、, `（—）` as （一） (either bracket width; the dashes — ― – ─ － ー). The caller reads
 * it so only where the numbering agrees (ocr_marker_agrees() in parse.c); a dash inside text
 * is never a marker.
 */
bool fg_parse__ocr_marker_at(fg_strview s, mark *m);

/* ---- parser state (parse.c) ---- */

typedef struct linemap {
    size_t off;    /* offset in the item text */
    size_t line;   /* 1-based input line */
} linemap;

typedef struct pclause {
    const char *text;
    size_t off;          /* where it starts in its item's text: clauses are in this order */
    size_t line;
    size_t unit_first;
    size_t n_units;
    const char *due;     /* the value of its deadline label (完成时限：…), or NULL */
    size_t text_len;
} pclause;

/* A note of what was not understood; seq keeps notes of one line in the order they were made. */
typedef struct pnote {
    fg_note_kind kind;
    size_t line;
    size_t seq;
    const char *text;
} pnote;

typedef struct pitem {
    const char *path;
    const char *part;
    const char *marker;
    size_t parent;
    int depth;
    const char *title;
    const char *text;
    size_t line;
    size_t clause_first;
    size_t n_clauses;
    const char *due;     /* a table row's 完成时限 cell, or NULL */
    size_t text_len;
    bool may_label;      /* its text outside parentheticals holds a ： : 【 or 〔 */
    bool unit_heading;   /* its whole text is one unit's name (一、市发展改革委): a list by unit */
    bool same_above;     /* its text holds （同上） and no clause: the item before's clauses */
    unsigned char by_unit; /* a sentence with no clause (UNIT_TASK_*): its unit heading's task */
    const char *with;    /* UNIT_TASK_WITH: the units after 会同 */
} pitem;

/* At most this many columns of a blank-separated header are placed (head_places()). */
enum { FG_HEAD_AT_MAX = 16 };

/* What a task under a unit heading makes of the unit (unit_heading_clauses()). */
enum { UNIT_TASK_NONE = 0, UNIT_TASK_CO, UNIT_TASK_LEAD, UNIT_TASK_WITH };

typedef struct pteam {
    const char *name;
    const char *part;
    size_t line;
    size_t unit_first;   /* into team_units */
    size_t n_units;
    size_t parent;       /* a group's team (综合协调组 in a 指挥部), or SIZE_MAX */
} pteam;

typedef struct level {
    style st;
    long num;
    size_t item;   /* index into items */
} level;

/* Table (one cell per line) state. */
typedef enum col_kind {
    COL_NONE, COL_NUM, COL_TASK, COL_LEAD, COL_CO, COL_RESP, COL_DUE, COL_OTHER,
    COL_ROLE, /* 责任类别: 牵头 or 配合, the role of the row's unit (a ledger, one unit a row) */
    COL_MARK, /* a unit's name (a responsibility matrix): a mark in the column gives it a role */
    COL_UNKNOWN /* a role label the lexicon lacks (包联单位, 发起部门: a unit suffix, no head): its
                 * cells are units under that label, co and noted as after 推进单位： */
} col_kind;

typedef struct parser {
    const fg_text *text;
    fg_arena *arena;
    bool first_is_lead;
    bool flat;               /* the current line is flat text: see FLAT_LINE */
    bool no_teams;
    bool no_tracking;
    bool no_text;            /* items keep no copy of their text (fg_parse_opts.no_text) */

    /* current part */
    char part[16];
    const char *part_copy;   /* part in the arena, shared by its items and teams; NULL: none yet */
    bool lone_annex;         /* the first line was 附件1: the document's M part is that annex */
    int annex_no;            /* 0 = main body */
    bool table_part;         /* the part was opened by a 附表 header (附表1), not by 附件 */
    level stack[ST_COUNT];
    size_t depth;
    long last_num[ST_COUNT]; /* last number seen per style in this part */
    long root_max;           /* highest number of the part's top style */
    bool cn_ordinal;         /* the part's 一、 level is written 第一　 (ordinal_heading()) */
    bool point_items;        /* the part's items are lines that open with 一是, 二是 … (point_item()) */
    style root_style;
    bool has_root;

    /* attachment list (附件：1. X 2. Y) */
    fg_strview annex_titles[32];
    size_t n_annex_titles;
    bool in_annex_list;

    /* current item being filled */
    bool open;
    size_t cur;              /* index of the open item */
    fg_str cur_text;
    enum { UL_NONE, UL_LABEL, UL_UNIT } unit_lines; /* fg_parse__append_text(): a label alone,
                                                     * then units */
    bool team_lines;         /* process_line(): a team's label alone (成员单位：), then its units */
    linemap *lm;
    size_t n_lm;
    size_t cap_lm;
    size_t first_line_len;   /* bytes of cur_text that came from the marker line */
    size_t n_lines;          /* lines that went into cur_text */

    /* preamble text (before the first item), for teams and metadata */
    fg_str pre_text;
    linemap *pre_lm;         /* its input lines */
    size_t n_pre_lm;
    size_t cap_pre_lm;
    size_t pre_lm_done;      /* fg_parse__flush_pre_teams(): pre_lm[0 .. pre_lm_done) are read */

    /* table state */
    bool in_table;
    col_kind *cols;          /* the kind of each column, n_cols of them (cap_cols) */
    size_t n_cols;
    size_t cap_cols;
    fg_strview *col_units;   /* the unit a COL_MARK column names, the word of a COL_UNKNOWN
                              * column (in the arena), else empty; cap_col_units */
    size_t cap_col_units;
    struct {
        char s[8];           /* a mark of a matrix's legend as written (UTF-8, NUL-ended) */
        fg_label_role role;  /* the role the legend gives it: lead, co or resp */
    } legend[8];             /* the document's legend (注：牵为牵头单位…), read at its first
                              * matrix (matrix_cols()); n_legend of them */
    size_t n_legend;
    bool legend_read;        /* the legend was looked for */
    long next_row;
    size_t table_base_depth;
    bool header_pending;     /* collecting header cells */
    fg_strview next_cell;    /* the line (paragraph) after the one being read, trimmed */
    fg_strview rest;         /* the text after the line (paragraph) being read */
    bool rest_flat;          /* rest is flat text: its cells are paragraphs
                              * (fg_parse__paragraph_end()) */
    bool trailing_tab;       /* the line (or flat paragraph) read ends in a tab: empty cells */
    bool table_paused;       /* a heading ended a delimited table: its rows may go on under
                              * it (fg_parse__delimited_row()) until a line that is neither */
    size_t sub_col;          /* header_pending: where a grouped header's next word goes, or 0 */
    bool row_open;           /* the open item is a table row */
    bool row_aligned;        /* its cells are the header's columns, one each (a tab row) */
    bool row_lines;          /* the open row is a table's flattened one cell a line */
    bool rows_unnumbered;    /* the header has no 序号: rows are numbered by position */
    size_t num_col;          /* the column of a tab row's 序号 (after 类别 | … group columns) */
    style section_st;        /* the level of the table's section rows (一<TAB>title), or
                              * ST_COUNT: none yet (section_row()) */
    bool title_row;          /* the line read is a title row of a table (一、…<TAB><TAB>…) */
    bool section_title;      /* the next line is the title of a section row flattened one
                              * cell a line (section_cell()): the open item's text */
    size_t row_first_col;    /* the column of the open row's first cell in cur_text */
    size_t row_task_cell;    /* 1 + the open row's cell (in cur_text) that starts under the
                              * task column of a blank-separated header, or 0 (row_places()) */
    size_t head_at[FG_HEAD_AT_MAX];       /* where a blank-separated header's cells start in */
    size_t head_at_chars[FG_HEAD_AT_MAX]; /* its line (display width, characters), one a */
    size_t n_head_at;                     /* column; 0: not known (head_places()) */
    bool row_repeat;         /* the open row repeats the last row's number: more of its units */
    bool row_sub;            /* the open row is a sub-row of the last row's item (its 序号 and
                              * task cells empty, units of its own): one more clause of it */
    fg_str row_label;        /* the label fg_parse__finish_row() read the last row's units under */
    fg_strview raw_line;     /* the line (or flat paragraph) being read as written (blanks
                              * and tabs at its edges kept), or empty (a line with tags) */
    bool row_deferred;       /* the open row was a delimited line: the next may continue it */
    bool row_by_tab;         /* that row's cells are separated by tabs (else by blanks) */
    size_t *wrap_at;         /* where its cells start in the raw line: the tab row's cell
                              * index, or the blank row's column (wrap_width: display width,
                              * else characters); n_wrap_at of them, cap_wrap_at */
    size_t *wrap_at_chars;   /* the blank row's columns counted in characters */
    size_t n_wrap_at;
    size_t cap_wrap_at;
    size_t cap_wrap_at_chars;

    /* results */
    pitem *items;
    size_t n_items;
    size_t cap_items;
    pclause *clauses;
    size_t n_clauses;
    size_t cap_clauses;
    fg_units units;
    pteam *teams;
    size_t n_teams;
    size_t cap_teams;
    fg_units team_units;     /* role stored as fg_team_role in the role field */
    size_t cur_team;         /* the team the roles of the part belong to; SIZE_MAX: none */
    size_t *team_of;         /* the team of each of team_units */
    size_t cap_team_of;
    size_t *team_order;      /* fg_parse__order_team_rows(): team_units by team and role */
    size_t *row_set;         /* drop_repeats(): a hash table of team rows (index + 1) */
    size_t cap_row_set;      /* a power of 2, or 0 */
    fg_str team_text;        /* fg_parse__find_teams(): the text with its list lines ended by
                              * '\n' */
    fg_str team_row;         /* team_text(): a two-up 名单 row as one list (two_up_row()) */
    fg_str label_line;       /* process_line(): a line whose label a blank ends, with a colon */
    linemap *team_lm;        /* the input lines of team_text */
    size_t n_team_lm;
    size_t cap_team_lm;
    fg_str team_list;        /* add_team_list(): the names of a list, posts dropped */
    fg_str team_posts;       /* add_team_list(): the list, 和 after a post turned into 、 */
    fg_str team_blanks;      /* add_team_list(): and U+3000 between units turned into 、 */
    fg_str item_copy;        /* fg_parse__close_item(): the item text for
                              * fg_parse__find_teams() under no_text */
    fg_strview *cells;       /* fg_parse__delimited_row(): the cells of a row, cap_cells of them */
    fg_str label_head;       /* fg_parse__label_table(): the labels of a label table's header,
                              * each ended by \x1f, n_label_cols of them (0: none open) */
    size_t n_label_cols;
    fg_str label_row;        /* fg_parse__label_table(): a row of it as LABEL：UNITS；… */
    size_t cap_cells;

    bool may_label;          /* fg_parse__find_clauses(): the item text holds a ： : 【 or 〔 */
    bool team_item;          /* fg_parse__close_item(): the open item's text signals a work team */
    bool last_close;         /* the document's last item is being closed (a note then is none) */
    mark note;               /* process_line(): the last number of the numbered notes open
                              * (注：1.… / 2.…: note_list()); num 0 when none is */
    size_t bracket_clauses_end; /* fg_parse__find_clauses(): p->n_clauses after the item's
                                 * brackets */
    size_t *ev;              /* fg_parse__find_clauses(): the events of the text outside brackets */
    size_t n_ev;
    size_t cap_ev;

    fg_target *targets;      /* item_targets(): the targets of one item */
    size_t cap_targets;

    pnote *notes;            /* what was not understood (see fg_parse__add_note()) */
    size_t n_notes;
    size_t cap_notes;
} parser;

/*
 * Room for element n of the array *v of *cap elements of elem bytes: the capacity doubles
 * (64 first). FG_OK or FG_ENOMEM (*v unchanged).
 */
static inline int fg_parse__grow(void **v, size_t *cap, size_t n, size_t elem)
{
    void *p;
    size_t c;

    if (n < *cap)
        return FG_OK;
    c = *cap ? *cap * 2 : 64;
    p = fg_mem_realloc(*v, c * elem); /* a big document's arrays in huge pages: fewer faults */
    if (p == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    *v = p;
    *cap = c;
    return FG_OK;
}

/* A NUL-terminated copy of s ("" when s.ptr is NULL) in the parser's arena; NULL on OOM. */
static inline const char *fg_parse__arena_dup(parser *p, fg_strview s)
{
    return fg_arena_strndup(p->arena, s.ptr ? s.ptr : "", s.len);
}

/* Add a column of kind k to the table's header (its col_units empty). */
int fg_parse__add_col(parser *p, col_kind k);

/*
 * 附件 / 附件1 / 附件 2： alone on a line → the annex number (1 when unnumbered), else 0. A
 * file that is an annex alone, 附件 its first line, has its items in A1 all the same: parts
 * are named as printed (gold/NOTES.md), so that the annex read alone and read with its
 * document give the same ids. 附表 / 附表1 (an annexed table, in the same forms) gives its
 * number too, and sets *table when table is not NULL.
 */
int fg_parse__annex_header(fg_strview s, bool *table);

/*
 * Add the line s (input line line) to the open item's text, or to the preamble when no item
 * is open. FG_OK or FG_ENOMEM.
 */
int fg_parse__append_text(parser *p, fg_strview s, size_t line);

/*
 * Close the open item, if any: its text, title and clauses (a table row's by
 * fg_parse__finish_row()), then its teams. FG_OK or a negative code.
 */
int fg_parse__close_item(parser *p);

/* Numbering that a table's cell may start with, not a heading (1. 1.1 （1） 1） a．). */
bool fg_parse__minor_style(style st);

/*
 * The first column at or after k that names units (lead, co, responsible, or a role label we
 * do not know), or n_cols.
 */
size_t fg_parse__next_unit_col(const parser *p, size_t k);

/*
 * Close the open item and open one at the marker m (written marker_text, at input line line)
 * at the level of m's style. FG_OK or a negative code.
 */
int fg_parse__open_item(parser *p, const mark *m, fg_strview marker_text, size_t line);

/*
 * The end of the paragraph of s that starts at i: in flat text (see FLAT_LINE), paragraphs
 * written on one line are separated by a run of two or more U+3000 (the indent of the
 * next one); the index of that run, or s.len. Each call searches only up to the run it
 * finds.
 */
size_t fg_parse__paragraph_end(fg_strview s, size_t i);

/* The name of the current part ("M", "A2") in the arena, one copy per part; NULL on OOM. */
const char *fg_parse__part_name(parser *p);

/* ---- clauses and notes (parse_clause.c) ---- */

/* Build the character sets of parse_clause.c: once, before any parse (ensure_sets()). */
void fg_parse__clause_sets_init(void);

/*
 * Record the clause just read by fg_clause__parse() (its units from unit_first on); the value
 * of its deadline label, if any, is still in p->units.scratch.
 */
int fg_parse__add_clause(parser *p, fg_strview text, size_t off, size_t line, size_t unit_first);

/*
 * Record a note of kind at line with text: trimmed, each run of blanks (parentheticals
 * blanked by fg_parse__find_clauses()) made one blank, cut after NOTE_CPS code points. O(len).
 */
int fg_parse__add_note(parser *p, fg_note_kind kind, fg_strview text, size_t line);

/*
 * A line that opens with a role label ended by a blank instead of a colon (`牵头单位　X`,
 * `配合单位  Y、Z`, as a two-column table flattens): the length of the label word, the
 * blanks' end in *rest; else 0. The word is a role label of the grammar (not a field, not a
 * label we do not know), and what follows is a unit's name that is no label itself (a
 * header row `牵头单位　配合单位` is none).
 */
size_t fg_parse__blank_label_word(const fg_lexicon *lx, fg_strview s, size_t *rest);

/*
 * Find the clauses of the open item in its own text: parentheticals first, then the
 * text outside them, split into sentences, for labelled blocks and role sentences. Each
 * parenthetical is blanked in place once it has been tried (text[0..len) is the item's
 * working copy: its text is already in the arena), so that the text outside them keeps
 * its offsets and no copy of it is made.
 */
int fg_parse__find_clauses(parser *p, char *text, size_t len);

/* How many of the item's lines (p->lm) start at or before off. O(log lines). */
size_t fg_parse__lines_upto(const parser *p, size_t off);

/*
 * The first index >= i of t, before limit, where a bracket starts — ( ) 【 】 （ ） — or
 * limit. The text is valid UTF-8, so the lead bytes E3 and EF only start characters. With
 * SSE2, 16 positions are filtered at once and only candidates are looked at.
 */
size_t fg_parse__next_bracket_before(fg_strview t, size_t i, size_t limit);

/* Notes for the units first.. of a clause just read, as its FG_CLAUSE_NOTE_* bits say. */
int fg_parse__note_clause(parser *p, unsigned notes, fg_strview text, size_t first, size_t line);

/*
 * Whether the half-width ; at s[i] ends a sentence, as ； does. It does not when it closes
 * an HTML character reference (&nbsp; &#12288; &#x3000;: a text copied from a page's
 * source; the HTML reader has decoded them) or stands inside a web address, whose
 * characters run on without a blank from :// or www. through the ; and after it
 * (http://a.gov.cn/x;jsessionid=1).
 */
bool fg_parse__semicolon_ends(fg_strview s, size_t i);

/* Try one candidate clause text; on success it is recorded. */
int fg_parse__try_clause(parser *p, fg_strview text, size_t off, unsigned flags, bool *found);

/*
 * Try one candidate clause: parse is the text to read, written the text as the document
 * writes it (the same but for separators fg_parse__find_clauses() put between labels); on success
 * it is recorded.
 */
int fg_parse__try_clause_as(parser *p, fg_strview parse, fg_strview written, size_t off,
                            unsigned flags, bool *found);

/* ---- work teams (parse_team.c) ---- */

/* A role word of a team (组长, 成员单位 …) and the role it gives: parse_team.c's team_words[]. */
typedef struct team_word team_word;

/* Build the character sets of parse_team.c: once, before any parse (ensure_sets()). */
void fg_parse__team_sets_init(void);

/*
 * Whether line is a date of issue alone, YYYY年M月D日 (a signature's; at most 3 characters
 * after it); *y, *mo, *d receive it.
 */
bool fg_parse__date_line(fg_strview line, long *y, long *mo, long *d);

/* Position of lit in s at or after from, or SIZE_MAX. */
size_t fg_parse__find_from(fg_strview s, size_t from, const char *lit);

/*
 * Read the work teams of one item's (or the preamble's) text t; lm[0 .. n_lm) are the
 * offsets of its input lines in t. Linear in the length of t, apart from team_named() for
 * each new name.
 */
int fg_parse__find_teams(parser *p, fg_strview t, const linemap *lm, size_t n_lm, size_t base_line);

/* Read the teams of the preamble text that came since the last call (text outside items). */
int fg_parse__flush_pre_teams(parser *p);

/* Whether s holds a blank (a person's name stands apart from his post). */
bool fg_parse__has_blank(fg_strview s);

/*
 * Whether after, the text of the next line, goes on with the unit's name that the end of
 * before cut (…、各学 | 院: a page's width wrapped a list); the rules at the definition.
 */
bool fg_parse__name_goes_on(fg_strview before, fg_strview after);

/* Whether s holds a role word of a team (组长, 召集人, 成员, 指挥长 …: team_word_at()). */
bool fg_parse__names_team_role(fg_strview s);

/*
 * Rule 5: order the rows of each team (convenor, deputies, members, office, each in document
 * order) into p->team_order and drop the teams with no rows.
 */
int fg_parse__order_team_rows(parser *p);

/*
 * Whether seg opens with a label that is no role word of team_words[] (牵头单位：, 责任单位：):
 * 2 to 8 ideographs, then ： or :, that are no unit's name or end with 单位 or 部门.
 */
bool fg_parse__other_label(fg_strview seg);

/*
 * Whether a role label of rule 2 starts at s[i] run into the text before it: the word,
 * possibly spaced, then ： or :, right after a colon (组成如下：组　长：) or after an ideograph
 * that may end a name, a post or a unit (张三　县长副组长：, 县农业农村局成　员：), not after a
 * word that opens or links one (各成员单位：, 其成员：).
 */
bool fg_parse__run_in_label(fg_strview s, size_t i);

/*
 * Whether an item's text t is a team's heading over its list (rule 1): its first words are a
 * team's name (工程机械产业链工作专班) or a group's (group_name(): 综合协调组), followed by a
 * role label of team_words[] (组长单位：, 链　长：, 成员单位：), on the next line or run into
 * the name when the line breaks are lost. Such an item is no task (fg_parse__close_item()
 * reads no clause from it): its labels are the team's. Looks at the first 40 characters.
 */
bool fg_parse__team_heading(fg_strview t);

/*
 * Whether the line s is a group's name alone (group_name(): 3 to 10 ideographs ending in a
 * group's noun, 监测预警组, 综合协调专班, with no word of a sentence): the title line over a
 * group's labels.
 */
bool fg_parse__group_title(fg_strview s);

/*
 * Whether the sentence s opens with a group's name as the subject of who leads it (风险监测组
 * 由X牵头，Y参加，负责…; the name after the sentence's last line break or colon before its
 * 由): the team reader's group, no task's clause.
 */
bool fg_parse__group_subject(fg_strview s);

/*
 * A label at the start of seg (rule 2): a role word followed by ： or :, or at the start of
 * a line by a blank or by nothing. *after receives where its units start.
 */
const team_word *fg_parse__team_label(fg_strview seg, bool line_start, size_t *after);

/*
 * Whether the line s is the title of a team's 名单 (roster): a team's name (ending in one of
 * team_endings[], 委员会 too) and the words of a 名单 (成员名单, 组成人员名单, 名单 …), after an
 * optional 附： or 附件：. Such a line ends the open item: the roster under it is no item's
 * text (fg_parse__close_item() before it, so that the list's labels are no unit of a clause).
 */
bool fg_parse__roster_title(fg_strview s);

/*
 * Whether the line s closes a document rather than going on with its last item: a note
 * (注：…, 备注：…, 说明：…), or an exhortation of generic units that names no work of its
 * own (各成员单位要按照职责分工，加强协调配合，形成工作合力。: a generic subject, 要 务必 必须
 * 应 应当 需 须, then no number, no title or quotation, no 牵头 负责 会同 由, and in each
 * phrase a word of duty, co-operation or care: 职责 分工 协调 配合 合力 重视 落实 实效 …).
 * Read only after the last numbered item (process_line()).
 */
bool fg_parse__closing_paragraph(fg_strview s);

/*
 * Where a close of the document starts inside the text s of its last item (a line run on,
 * as joined text gives it: …（市数据局牵头）各成员单位要按照职责分工，加强协调配合。): the
 * start of a sentence, after 。！？ or a bracket closed outside brackets, that is a
 * fg_parse__closing_paragraph(), with after it only more such sentences (a note's too) or
 * text with no role word (fg_clause__has_role_word() with lx). SIZE_MAX when there is none.
 */
size_t fg_parse__closing_tail(const fg_lexicon *lx, fg_strview s);

/*
 * Where a close of the document starts in s, the text of its last item, when that item's
 * heading title runs into it (三、保障措施市直各部门要按照职责分工…: joined text, the title no
 * line of its own): after 2 to 9 ideographs that are no unit's name, at a name's start (a
 * level word, 各, 有关, 相关), a fg_parse__closing_paragraph() with after it only more of the
 * close, as fg_parse__closing_tail() reads it. SIZE_MAX when there is none.
 */
size_t fg_parse__title_close(const fg_lexicon *lx, fg_strview s);

/* Whether s opens with a note's word (注：, 备注：, 说明：). */
bool fg_parse__note_opens(fg_strview s);

/*
 * Whether the line s is a team's role label alone, its list below it (成员单位：, then
 * （1）县自然资源局 / （2）县应急管理局 …): fg_parse__team_list_line() then reads those lines as the list's.
 * Only a line that ends in a colon is looked at.
 */
bool fg_parse__team_label_alone(fg_strview s);

/*
 * Under a team's label alone (fg_parse__team_label_alone()), a numbered line that holds a unit's
 * name only, its number dropped: the list's, not an item (rule 2's list lines). *unit receives the
 * name; s's numbering style may be any of fg_parse__marker_at()'s.
 */
bool fg_parse__team_list_line(fg_strview s, fg_strview *unit);

/*
 * Whether the text of an item (or of the preamble) may hold a team: one of the role words
 * of rules 2 and 3 or a team's name (rule 1; a 委员会's 主任 comes with 委员, and a 委员会
 * after a team verb is a name: committee_after_verb()). One pass that
 * stops at the characters of team_signal_firsts only.
 */
bool fg_parse__team_signal(fg_strview t);

/* ---- tables flattened one cell per line (parse_table.c) ---- */

/* At least two blank runs between non-blank text: cells of a table row laid out by a PDF. */
bool fg_parse__blank_separated(fg_strview s);

/*
 * A table row on one line, cells separated by tabs (Word export) or | (Markdown):
 * "序号\t重点任务\t牵头单位\t配合单位" starts a table, "3\t…\t…" is row 3.
 * Returns true when the line was consumed.
 */
int fg_parse__delimited_row(parser *p, fg_strview s, size_t line, bool *consumed);
/*
 * The level of a heading 一、 that opens a title row of a table (p->title_row): that of the
 * table's sections, as a section row's number takes it; m is left as read when none fits.
 */
void fg_parse__title_row_level(parser *p, mark *m);

/*
 * Close a table row: its cells, in order, were collected in cur_text separated by \x1f.
 * Task cells become the item text; unit cells become one clause.
 */
int fg_parse__finish_row(parser *p);

/* The next row number of the active table, alone on the line. */
bool fg_parse__is_row_number(const parser *p, fg_strview s);

/*
 * Start a table at a header row of n cells: its columns from the header's words; its rows
 * numbered from 1 by position when the header has no 序号 (unnumbered), else by their 序号.
 */
int fg_parse__start_table(parser *p, const fg_strview *cells, size_t n, bool unnumbered);

/*
 * A label table under an item or a heading: a line of two or more role labels alone
 * (牵头单位<TAB>配合单位) is consumed as its header; each line after it with a cell of
 * units under each label (采购管理中心<TAB>纪委办公室、各子公司) becomes *s, the label lines
 * 牵头单位：采购管理中心；配合单位：纪委办公室、各子公司 (in p->label_row) for the grammar.
 */
int fg_parse__label_table(parser *p, fg_strview *s, bool *consumed);

/* Start a table when this line and the next ones are header cells including 序号. */
bool fg_parse__table_header_start(fg_strview s);

/* Handle one line while a table is active; returns true when the line was consumed. */
int fg_parse__table_line(parser *p, fg_strview s, size_t line, bool *consumed);

/*
 * Whether the line s under a deferred table row holds only the rest of cells the column's
 * width wrapped: then it is joined to them and *consumed set (the rules at the definition).
 */
int fg_parse__wrap_row(parser *p, fg_strview s, bool *consumed);

/* ---- document metadata (parse_meta.c) ---- */

/* Build the character sets of parse_meta.c: once, before any parse (ensure_sets()). */
void fg_parse__meta_sets_init(void);

/* At most this many declaration-like phrases that were not taken are noted. */
enum { MAX_DECL_MISSES = 16 };

/*
 * The document says the first unit listed leads (列第一位者为牵头单位 …): a 牵头 with 第一 or
 * 首位 in the 45 bytes before it, or one just after it. Most documents hold no 第一, 首位 or
 * 首个 (first_rare_word()); in others only the text around each 牵头 (from 45 bytes before
 * it to 66 after it) is searched for them, from the 牵头 that could reach the first on:
 * dense documents hold a 牵头 every few lines and a 第一 far apart, and whole-text searches
 * for the next 第一 and 首位 past each 牵头 cost 1-2% of extraction.
 */
bool fg_parse__declares_first_is_lead(fg_strview t, size_t *miss, size_t *n_miss);

/*
 * Fill doc's title, document number (文号), year, issuer and date of issue, read from the
 * head of the text (its first 20,000 bytes; the date from all of it); "" where none is found.
 */
void fg_parse__find_metadata(parser *p, fg_doc *doc);

/*
 * Notes for the declarations of who leads that fg_parse__declares_first_is_lead() did not take (it
 * took none: the caller asks only then), at the positions it recorded (in order), each
 * with its sentence; the lines are counted on from one note to the next: O(len).
 */
int fg_parse__note_declarations(parser *p, fg_strview t, const size_t *miss, size_t n_miss);

#endif

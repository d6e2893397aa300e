/*
 * Tables: a table's header (序号, 重点任务, 牵头单位, 配合单位, 完成时限 … as cells) sets its
 * columns, and each row under it becomes one item, its cells read by their column's kind:
 * tables flattened to one cell per line (DOCX, PDF, XLSX and HTML readers write them so),
 * rows whose cells a tab or runs of blanks separate (fg_parse__delimited_row()), and cells that
 * wrap onto the next lines. A responsibility matrix (a column per unit, a mark gives its role) and
 * a ledger (one unit a row, 责任类别 its role) are tables too. The column kinds and the table state
 * are in parser (parse_int.h); parse.c's line loop hands lines here.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "clause.h"
#include "error.h"
#include "parse_int.h"
#include "reader.h"
#include "str.h"

/*
 * A header cell without the blanks and commas inside it: narrow columns break their words
 * (序\n号, 牵头\n单位 as Alt+Enter in Excel, two paragraphs in a Word cell or <br> in a page,
 * which the readers write as 序，号) or space them out (序  号, 牵 头 单 位). In buf (cap bytes);
 * s itself when it is too long to be a header or has nothing to drop.
 */
static fg_strview header_squeeze(fg_strview s, char *buf, size_t cap)
{
    size_t n = 0;
    size_t b;

    if (s.len > cap)
        return s;
    for (size_t i = 0; i < s.len;) {
        if (fg_parse__is_space_at(s, i, &b) || (b = 1, s.ptr[i] == ',') || (b = 3, AT(s, i, "，"))) {
            i += b;
            continue;
        }
        buf[n++] = s.ptr[i++];
    }
    return n == s.len ? s : fg_sv(buf, n);
}

/*
 * The header word of a longer header cell (min to max bytes), or s: a level before it (市级牵头
 * 单位, 省牵头单位) and persons after it (责任单位及责任人, 牵头单位/责任人, 责任单位和责任领导)
 * are cut.
 */
static fg_strview header_core(fg_strview s, size_t min, size_t max)
{
    static const char *const levels[] = {"省级", "市级", "县级", "区级", "乡级", "镇级",
                                         "省",   "市",   "县",   "区"};
    static const char *const joins[] = {"及", "和", "与", "/", "／", "、"};

    for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++) {
        if (fg_sv_starts(s, levels[k]) && s.len - strlen(levels[k]) >= min) {
            s = fg_sv(s.ptr + strlen(levels[k]), s.len - strlen(levels[k]));
            break;
        }
    }
    for (size_t i = min; i <= max && i < s.len; i += fg_cp_len((unsigned char)s.ptr[i])) {
        for (size_t k = 0; k < sizeof joins / sizeof joins[0]; k++) {
            fg_strview rest;

            if (!fg_sv_at(s, i, joins[k], strlen(joins[k])))
                continue;
            rest = fg_sv(s.ptr + i, s.len - i);
            if (fg_sv_ends(rest, "人") || fg_sv_ends(rest, "领导"))
                return fg_sv(s.ptr, i);
        }
    }
    return s;
}

/*
 * The column of a header word that is a role label of the grammar, COL_UNKNOWN for one with a
 * unit suffix and no head we know (包联单位, 发起部门: FG_LABEL_UNKNOWN), or COL_NONE.
 */
static col_kind label_column(const fg_lexicon *lx, fg_strview s)
{
    switch (fg_clause__label_word(lx, s)) {
    case FG_LABEL_LEAD:
        return COL_LEAD;
    case FG_LABEL_CO:
        return COL_CO;
    case FG_LABEL_RESP:
        return COL_RESP;
    case FG_LABEL_UNKNOWN:
        return COL_UNKNOWN;
    default:
        return COL_NONE;
    }
}

/* Room for a header cell squeezed (header_squeeze()). */
enum { HEADER_BUF = 96 };

/*
 * The column a header cell s names. For COL_UNKNOWN, *word (when word is not NULL) is the
 * label's word, in s or in buf (HEADER_BUF bytes).
 */
static col_kind header_word(const fg_lexicon *lx, fg_strview s, char *buf, fg_strview *word)
{
    /* Every header below is 2 to 4 ideographs: 6 to 12 bytes. */
    enum { MIN_HEADER = 6, MAX_HEADER = 12 };
    char labelled[64];
    col_kind kind;

    /*
     * A header squeezed is at most 4 ideographs with blanks between (40 bytes), or ends in a
     * note in brackets: most lines are neither, and are not squeezed.
     */
    if (s.len > 40 && !fg_sv_ends(s, "）") && !fg_sv_ends(s, ")"))
        return COL_NONE;
    s = header_squeeze(s, buf, HEADER_BUF);

    /* 责任单位（主责） | 责任单位（协同）, 责任单位(牵头): a head word alone in the bracket says the
     * column's role, as it does for the label 责任单位（牵头）： (fg_clause__label_at()). */
    if (s.len > MAX_HEADER && s.len + 3 <= sizeof labelled &&
        (fg_sv_ends(s, "）") || fg_sv_ends(s, ")"))) {
        size_t len = 0;
        fg_label_role r;

        memcpy(labelled, s.ptr, s.len);
        memcpy(labelled + s.len, "：", 3);
        r = fg_clause__label_at(lx, fg_sv(labelled, s.len + 3), 0, &len);
        if (len == s.len + 3 && (r == FG_LABEL_LEAD || r == FG_LABEL_CO))
            return r == FG_LABEL_LEAD ? COL_LEAD : COL_CO;
    }
    /*
     * 主要责任单位, 具体责任单位, 配合责任单位: a role label of the grammar longer than the
     * words below reads as that label does.
     */
    if (s.len > MAX_HEADER && s.len <= 2 * MAX_HEADER) {
        col_kind k = label_column(lx, s);

        if (k != COL_NONE && k != COL_UNKNOWN)
            return k;
    }
    /* 责任单位（排第一位的为牵头单位）, 完成时限(年月): the note after a header is no part of it. */
    if (s.len > MAX_HEADER && (fg_sv_ends(s, "）") || fg_sv_ends(s, ")"))) {
        size_t open = fg_sv_find(s, "（");
        size_t half = fg_sv_find(s, "(");

        if (half < open)
            open = half;
        if (open >= MIN_HEADER && open <= MAX_HEADER)
            s = fg_sv(s.ptr, open);
    }
    static const struct {
        const char *s;
        col_kind k;
    } cells[] = {
        {"序号", COL_NUM},           {"编号", COL_NUM},           {"牵头单位", COL_LEAD},
        {"牵头部门", COL_LEAD},       {"主责单位", COL_LEAD},       {"配合单位", COL_CO},
        {"配合部门", COL_CO},         {"参与单位", COL_CO},         {"协办单位", COL_CO},
        {"责任单位", COL_RESP},       {"责任部门", COL_RESP},       {"重点任务", COL_TASK},
        {"工作任务", COL_TASK},       {"主要任务", COL_TASK},       {"具体任务", COL_TASK},
        {"任务", COL_TASK},           {"工作内容", COL_TASK},       {"主要内容", COL_TASK},
        {"工作措施", COL_TASK},       {"任务内容", COL_TASK},       {"重点工作", COL_TASK},
        {"完成时限", COL_DUE},        {"时间安排", COL_DUE},        {"完成时间", COL_DUE},
        {"时限", COL_DUE},            {"备注", COL_OTHER},          {"责任领导", COL_OTHER},
        {"牵头领导", COL_OTHER},      {"进度安排", COL_DUE},        {"责任类别", COL_ROLE},
        {"责任类型", COL_ROLE},       {"单位类别", COL_ROLE},       {"单位类型", COL_ROLE},
        {"类别", COL_ROLE},           {"角色", COL_ROLE},           {"责任分类", COL_ROLE},
    };

    /*
     * A column of persons (分管市领导, 包保领导, 责任人, 联系人): no units, no task; not one of
     * units and persons (牵头单位及责任人).
     */
    if (s.len >= MIN_HEADER && s.len <= 2 * MAX_HEADER && !memchr(s.ptr, ':', s.len) &&
        fg_sv_find(s, "：") == SIZE_MAX && fg_sv_find(s, "单位") == SIZE_MAX &&
        fg_sv_find(s, "部门") == SIZE_MAX &&
        (fg_sv_ends(s, "领导") || fg_sv_ends(s, "责任人") || fg_sv_ends(s, "联系人")))
        return COL_OTHER;
    if (s.len > MAX_HEADER && s.len <= 3 * MAX_HEADER)
        s = header_core(s, MIN_HEADER, MAX_HEADER);
    if (s.len < MIN_HEADER || s.len > MAX_HEADER)
        return COL_NONE;
    for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
        if (fg_sv_eq(s, fg_sv_cstr(cells[k].s)))
            return cells[k].k;
    /*
     * Any other role label of the grammar (负责部门, 主办单位, 协办处室 …), without its colon;
     * one we do not know (包联单位, 发起部门, 推进单位) as the grammar reads it with a colon.
     */
    kind = label_column(lx, s);
    if (kind == COL_UNKNOWN && word != NULL)
        *word = s;
    return kind;
}

static col_kind header_cell(const fg_lexicon *lx, fg_strview s)
{
    char buf[HEADER_BUF];

    return header_word(lx, s, buf, NULL);
}

/*
 * Set column c of the table's header from its cell: its kind, and for a role label we do not
 * know its word (in the arena), the label its rows' units go under (fg_parse__finish_row()).
 */
static int header_col(parser *p, size_t c, fg_strview cell)
{
    char buf[HEADER_BUF];
    fg_strview w = fg_sv(NULL, 0);
    const char *dup;

    p->cols[c] = header_word(p->units.lex, cell, buf, &w);
    p->col_units[c] = fg_sv(NULL, 0);
    if (p->cols[c] != COL_UNKNOWN)
        return FG_OK;
    dup = fg_parse__arena_dup(p, w);
    if (dup == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    p->col_units[c] = fg_sv(dup, w.len);
    return FG_OK;
}

/* Add a column to the table's header from its cell (header_col()). */
static int add_header_col(parser *p, fg_strview cell)
{
    int rc = fg_parse__add_col(p, COL_NONE);

    return rc < 0 ? rc : header_col(p, p->n_cols - 1, cell);
}

/*
 * A unit's name with its person in brackets after it, as a 责任单位及责任人 column writes it
 * (市住建局（张三）): 2 to 4 ideographs inside that do not look like a unit. The clause
 * grammar drops the bracket.
 */
static bool unit_with_person(fg_strview n)
{
    size_t open = fg_sv_find(n, "（");
    size_t open_len = 3;
    size_t close_len = fg_sv_ends(n, "）") ? 3 : n.len > 0 && n.ptr[n.len - 1] == ')' ? 1 : 0;
    const char *half = memchr(n.ptr, '(', n.len);
    fg_strview inner;

    /* Either bracket width, mixed pairs too (市财政局(王五)). */
    if (half != NULL && (size_t)(half - n.ptr) < open) {
        open = (size_t)(half - n.ptr);
        open_len = 1;
    }
    if (open == SIZE_MAX || close_len == 0 || n.len - open < 6 + open_len + close_len ||
        n.len - open > 12 + open_len + close_len)
        return false;
    inner = fg_sv(n.ptr + open + open_len, n.len - open - open_len - close_len);
    if (inner.len % 3 != 0)
        return false;
    for (size_t i = 0; i < inner.len; i += 3)
        if ((unsigned char)inner.ptr[i] < 0xE4 || (unsigned char)inner.ptr[i] > 0xE9)
            return false;
    return fg_clause__looks_like_unit(fg_sv(n.ptr, open)) && !fg_clause__looks_like_unit(inner);
}

/* Row state while filling a table row. */
typedef struct row {
    bool active;
    long num;
    size_t line;
} row;

/*
 * s without the 、 inside its brackets, in out (borrowing s when it has none): a list of levels
 * in a name (各县（市、区）) is one unit, as the clause grammar reads it, not two.
 */
static int drop_bracketed_seps(fg_str *out, fg_strview *s)
{
    size_t depth = 0;
    size_t run = 0;

    if (fg_sv_find(*s, "（") == SIZE_MAX && memchr(s->ptr, '(', s->len) == NULL)
        return FG_OK;
    for (size_t i = 0; i < s->len; i++) {
        if (s->ptr[i] == '(' || AT(*s, i, "（")) {
            depth++;
        } else if ((s->ptr[i] == ')' || AT(*s, i, "）")) && depth > 0) {
            depth--;
        } else if (depth > 0 && AT(*s, i, "、")) {
            if (fg_str_append(out, s->ptr + run, i - run) < 0)
                return FG_ENOMEM;
            run = i + strlen("、");
        }
    }
    if (run == 0)
        return FG_OK;
    if (fg_str_append(out, s->ptr + run, s->len - run) < 0)
        return FG_ENOMEM;
    *s = fg_sv(out->ptr, out->len);
    return FG_OK;
}

/*
 * A note in brackets that stands apart in a unit cell, the person in charge on a line of the
 * cell under the unit (县商务局 / （局长：陈刚）, joined 县商务局，（局长：陈刚）): no unit and no
 * role, and the clause grammar drops it as it drops any parenthetical.
 */
static bool bracket_note(fg_strview n)
{
    static const char *const roles[] = {"牵头", "负责", "配合", "参与", "协助", "协办", "主办"};

    if (!fg_sv_starts(n, "（") || !fg_sv_ends(n, "）") || n.len > 60)
        return false;
    for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
        if (fg_sv_contains(n, roles[k]))
            return false;
    return true;
}

/*
 * Whether s is a list of units: each element looks like a unit, is a generic or a group, or
 * is a unit with its person; with bodies, an element may also end as a body of no government
 * does (物业服务企业, 社会组织: fg_clause__looks_like_body()), as a label's units may.
 */
static bool all_units_as(fg_strview s, bool bodies)
{
    fg_units u = {0};
    fg_str flat = FG_STR_INIT;
    size_t units = 0; /* the elements that are units */
    bool ok;

    /* 建设停车诱导信息平台: a task's wording, though it ends like a unit (…台, …中心). */
    if (fg_clause__starts_like_task(s))
        return false;
    if (drop_bracketed_seps(&flat, &s) < 0 || fg_clause__split_list(&u, s, FG_ROLE_CO) < 0) {
        fg_units_dispose(&u);
        fg_str_dispose(&flat);
        return false;
    }
    ok = true;
    for (size_t k = 0; k < u.n && ok; k++) {
        fg_strview n = fg_sv(u.names.ptr + u.v[k].off, u.v[k].len);

        if (bracket_note(n))
            continue;
        ok = fg_clause__looks_like_unit(n) || u.v[k].kind != FG_KIND_AGENCY ||
             unit_with_person(n) || (bodies && fg_clause__looks_like_body(n));
        units++;
    }
    ok = ok && units > 0 && !fg_sv_contains(s, "。");
    fg_units_dispose(&u);
    fg_str_dispose(&flat); /* s may be flat's */
    return ok;
}

static bool all_units(fg_strview s)
{
    return all_units_as(s, false);
}

/*
 * Whether a cell in a unit column writes its roles itself, as the clause grammar reads them
 * after the column's label: a mark (县农业农村局（牵头）、县自然资源局; X（主办）、Y（会办）) or a
 * role sentence (县交通运输局牵头，县财政局配合). In a row that does not line up with the header,
 * only after the task's cell. A cell with a full stop is a task's wording.
 */
static bool role_cell(const parser *p, fg_strview cell, bool after_task)
{
    return (p->row_aligned || after_task) && cell.len <= 300 && !fg_sv_contains(cell, "。") &&
           (fg_clause__has_role_word(p->units.lex, cell) || fg_clause__has_mark(cell));
}

/* Whether a header names a task column (重点任务, 工作任务 …). */
static bool task_column(const parser *p, const fg_strview *cells, size_t n_cells)
{
    for (size_t k = 0; k < n_cells; k++)
        if (header_cell(p->units.lex, cells[k]) == COL_TASK)
            return true;
    return false;
}

/*
 * The marks of a responsibility matrix (units as columns) and the role each gives its column's
 * unit when no legend says otherwise (matrix_legend()), as such tables mostly mean them
 * (注：●为牵头单位，○为配合单位): a filled mark and ◎ lead, a hollow one co-operates, a tick
 * alone names a unit responsible, read as a 责任单位 column is (co, unless the document
 * declares its first listed unit the lead). In a unit's column (COL_MARK) the first character
 * of a role word stands for it as well (牵 牵头, 主 主责, 配 配合, 协 协办, 参 参与), as
 * matrices written with characters use them without a legend too.
 */
static const struct {
    const char *s;
    fg_label_role role;
} marks[] = {
    {"●", FG_LABEL_LEAD}, {"★", FG_LABEL_LEAD}, {"▲", FG_LABEL_LEAD}, {"■", FG_LABEL_LEAD},
    {"◆", FG_LABEL_LEAD}, {"◎", FG_LABEL_LEAD}, {"○", FG_LABEL_CO},   {"☆", FG_LABEL_CO},
    {"△", FG_LABEL_CO},   {"□", FG_LABEL_CO},   {"◇", FG_LABEL_CO},   {"√", FG_LABEL_RESP},
    {"✓", FG_LABEL_RESP}, {"✔", FG_LABEL_RESP},
}, word_marks[] = {
    {"牵", FG_LABEL_LEAD}, {"主", FG_LABEL_LEAD}, {"配", FG_LABEL_CO},
    {"协", FG_LABEL_CO},   {"参", FG_LABEL_CO},
};

/* The longest a legend's role word is before its 单位 or 部门 (牵头, 主要责任: 4 ideographs). */
#define LEGEND_WORD 12

/*
 * Whether the character before a legend's mark at s[k] lets it be one: the start of a line
 * or of a note's part (：，；。 a bracket or a blank before it), or a word that points at a
 * mark (标★的, 带★, 注★, 表中●, 用●, 以●, 打√): in 市财政局为牵头单位 局 is no mark.
 */
static bool legend_mark_start(fg_strview s, size_t k)
{
    static const char *const before[] = {"：", "，", "；", "。", "（", "　", "、", "标",
                                         "带", "注", "中", "用", "以", "打"};

    if (k == 0 || strchr("\n\t :;,.(", s.ptr[k - 1]) != NULL)
        return true;
    for (size_t j = 0; j < sizeof before / sizeof *before; j++)
        if (k >= 3 && memcmp(s.ptr + k - 3, before[j], 3) == 0)
            return true;
    return false;
}

/*
 * The legend entry of a link (为, 表示, 代表, 是) at s[i..i+n): the mark before it, one
 * character, quoted (“牵”, "●") or not, a 的 allowed between (标★的为), and the role of the
 * label after it (牵头单位, 配合部门, 主责单位), added to p->legend. An entry whose label the
 * lexicon does not know as lead, co or resp (主头单位) is none: the defaults stand.
 */
static void legend_entry(parser *p, fg_strview s, size_t i, size_t n)
{
    static const char *const closes[] = {"”", "\"", "」", "’", "'"};
    static const char *const opens[] = {"“", "\"", "「", "‘", "'"};
    size_t e = i;
    size_t k;
    size_t cp;
    size_t quote = SIZE_MAX;
    size_t end = SIZE_MAX;
    fg_label_role role;
    int32_t c;

    if (p->n_legend == sizeof p->legend / sizeof *p->legend)
        return;
    /* The label after the link: a role word and 单位 or 部门. */
    for (size_t j = i + n + 3; j <= i + n + LEGEND_WORD && j + 6 <= s.len; j += 3) {
        if (AT(s, j, "单位") || AT(s, j, "部门")) {
            end = j + 6;
            break;
        }
    }
    if (end == SIZE_MAX)
        return;
    role = fg_clause__label_word(p->units.lex, fg_sv(s.ptr + i + n, end - i - n));
    if (role != FG_LABEL_LEAD && role != FG_LABEL_CO && role != FG_LABEL_RESP)
        return;
    if (e >= 3 && AT(s, e - 3, "的"))
        e -= 3;
    for (size_t j = 0; j < sizeof closes / sizeof *closes && quote == SIZE_MAX; j++)
        if (e >= strlen(closes[j]) && memcmp(s.ptr + e - strlen(closes[j]), closes[j],
                                             strlen(closes[j])) == 0)
            quote = j;
    if (quote != SIZE_MAX)
        e -= strlen(closes[quote]);
    if (e == 0)
        return;
    k = fg_cp_start_before(s.ptr, e);
    c = fg_utf8_decode(s.ptr + k, e - k, &cp);
    /* A sign or an ideograph, no blank, digit, letter or punctuation of the text. */
    if (c < 0 || cp != e - k || e - k >= sizeof p->legend[0].s ||
        (c < 0x80 && c != '*' && c != '#') || (c >= 0x3000 && c <= 0x303F) ||
        (c >= 0xFF00 && c <= 0xFFEF && c != 0xFF0A) || c == 0x201C || c == 0x201D)
        return;
    if (quote != SIZE_MAX) {
        size_t o = strlen(opens[quote]);

        if (k < o || memcmp(s.ptr + k - o, opens[quote], o) != 0)
            return;
    } else if (!legend_mark_start(s, k)) {
        return;
    }
    for (size_t j = 0; j < p->n_legend; j++)
        if (strlen(p->legend[j].s) == e - k && memcmp(p->legend[j].s, s.ptr + k, e - k) == 0)
            return; /* the first word of a mark stands */
    memcpy(p->legend[p->n_legend].s, s.ptr + k, e - k);
    p->legend[p->n_legend].s[e - k] = '\0';
    p->legend[p->n_legend++].role = role;
}

/*
 * Read the document's legend of matrix marks into p->legend (once): every 为, 表示, 代表 and
 * 是 of the text is looked at (legend_entry()). Linear in the text; only a document with a
 * matrix pays for it.
 */
static void matrix_legend(parser *p)
{
    static const char *const links[] = {"为", "表示", "代表", "是"};
    fg_strview s = fg_sv(p->text != NULL && p->text->data ? p->text->data : "",
                         p->text != NULL ? p->text->len : 0);

    if (p->legend_read)
        return;
    p->legend_read = true;
    for (size_t j = 0; j < sizeof links / sizeof *links; j++) {
        size_t n = strlen(links[j]);

        for (size_t i = fg_sv_find(s, links[j]); i != SIZE_MAX;
             i = fg_parse__find_from(s, i + n, links[j]))
            legend_entry(p, s, i, n);
    }
}

/*
 * Whether a cell holds marks only (●, ○, √, ★ …: a matrix of units as columns), no task's
 * wording; *role the role of its first mark (FG_LABEL_NONE for an empty cell). The legend's
 * marks come first; with words, a role word's first character is a mark too (word_marks[]).
 */
static bool marks_of(const parser *p, fg_strview cell, bool words, fg_label_role *role)
{
    size_t b;

    *role = FG_LABEL_NONE;
    for (size_t i = 0; i < cell.len;) {
        fg_label_role r = FG_LABEL_NONE;
        size_t len = 0;

        if (fg_parse__is_space_at(cell, i, &b)) {
            i += b;
            continue;
        }
        for (size_t k = 0; k < p->n_legend && len == 0; k++) {
            if (fg_sv_at(cell, i, p->legend[k].s, strlen(p->legend[k].s))) {
                r = p->legend[k].role;
                len = strlen(p->legend[k].s);
            }
        }
        for (size_t k = 0; k < sizeof marks / sizeof *marks && len == 0; k++) {
            if (fg_sv_at(cell, i, marks[k].s, strlen(marks[k].s))) {
                r = marks[k].role;
                len = strlen(marks[k].s);
            }
        }
        for (size_t k = 0; words && k < sizeof word_marks / sizeof *word_marks && len == 0; k++) {
            if (fg_sv_at(cell, i, word_marks[k].s, strlen(word_marks[k].s))) {
                r = word_marks[k].role;
                len = strlen(word_marks[k].s);
            }
        }
        if (len == 0)
            return false;
        if (*role == FG_LABEL_NONE)
            *role = r;
        i += len;
    }
    return true;
}

/* A cell of marks only (marks_of(), signs and the legend's marks). */
static bool mark_cell(const parser *p, fg_strview cell)
{
    fg_label_role role;

    return marks_of(p, cell, false, &role);
}

/*
 * The role a word of a role column gives (牵头, 配合, 参与, 负责 …), read as a label's head
 * (牵头 → 牵头单位): FG_LABEL_LEAD, FG_LABEL_CO, FG_LABEL_RESP or FG_LABEL_NONE.
 */
static fg_label_role role_word(const parser *p, fg_strview w)
{
    char buf[48];
    fg_label_role r;

    if (w.len == 0 || w.len + strlen("单位") > sizeof buf)
        return FG_LABEL_NONE;
    memcpy(buf, w.ptr, w.len);
    if (!fg_sv_ends(w, "单位") && !fg_sv_ends(w, "部门"))
        memcpy(buf + w.len, "单位", strlen("单位")), w.len += strlen("单位");
    r = fg_clause__label_word(p->units.lex, fg_sv(buf, w.len));
    return r == FG_LABEL_LEAD || r == FG_LABEL_CO || r == FG_LABEL_RESP ? r : FG_LABEL_NONE;
}

/* The label under which units of role go in a row's clause. */
static const char *role_label(fg_label_role role)
{
    return role == FG_LABEL_LEAD ? "牵头单位：" : role == FG_LABEL_CO ? "配合单位：" : "责任单位：";
}

/*
 * The label of a matrix row's units (牵头单位：A、B；配合单位：C；责任单位：D) into label: each
 * cell of a COL_MARK column holding marks (marks_of()) or a role word alone (牵头, 配合: some
 * matrices write the words) names its column's unit with that role. Only for a row whose
 * cells line up with the header's columns.
 */
static int matrix_label(const parser *p, fg_strview t, fg_str *label)
{
    static const fg_label_role order[] = {FG_LABEL_LEAD, FG_LABEL_CO, FG_LABEL_RESP};
    int rc = FG_OK;

    if (!p->row_aligned)
        return FG_OK;
    for (size_t r = 0; r < sizeof order / sizeof *order; r++) {
        bool first = true;

        for (size_t i = 0, start = 0, col = p->row_first_col; i <= t.len; i++) {
            fg_strview cell;
            fg_label_role role;

            if (i < t.len && t.ptr[i] != '\x1f')
                continue;
            cell = fg_parse__trim(fg_sv(t.ptr + start, i - start));
            start = i + 1;
            if (col >= p->n_cols || p->cols[col++] != COL_MARK || cell.len == 0)
                continue;
            if (!marks_of(p, cell, true, &role))
                role = role_word(p, cell);
            if (role != order[r])
                continue;
            if (first && label->len)
                FG_TRY(fg_str_append(label, "；", 3));
            if (first)
                FG_TRY(fg_str_append(label, role_label(role), strlen(role_label(role))));
            else
                FG_TRY(fg_str_append(label, "、", 3));
            FG_TRY(fg_str_append(label, p->col_units[col - 1].ptr, p->col_units[col - 1].len));
            first = false;
        }
    }
out:
    return rc;
}

/*
 * Read the clause of a table row's units written under their labels (牵头单位：A；配合单位：B)
 * and add it to the open item, whose line is line.
 */
static int label_clause(parser *p, fg_strview label, size_t line)
{
    size_t first = p->units.n;
    bool is_clause = false;
    unsigned notes = 0;
    int rc = FG_OK;

    FG_TRY(fg_clause__parse_noted(&p->units, &is_clause, &notes, label,
                                  p->first_is_lead ? FG_CLAUSE_FIRST_IS_LEAD : 0));
    if (is_clause && notes != 0)
        FG_TRY(fg_parse__note_clause(p, notes, label, first, line));
    if (is_clause)
        FG_TRY(fg_parse__add_clause(p, label, 0, line, first));
out:
    return rc;
}

/*
 * Close a row of a table without a unit column (序号 | 工作任务 | 完成时限): the row is an item
 * like any other, its clauses read from its text (新建农村公路50公里。（X牵头，Y配合）). The
 * text is its cells but the 序号, 完成时限 and other side columns; the 完成时限 cell is the
 * item's deadline.
 */
static int finish_text_row(parser *p)
{
    fg_str text = FG_STR_INIT;
    fg_str label = FG_STR_INIT;
    fg_strview t = fg_sv(p->cur_text.ptr ? p->cur_text.ptr : "", p->cur_text.len);
    fg_strview due = fg_sv(NULL, 0);
    size_t start = 0;
    size_t line = p->items[p->cur].line;
    int rc = FG_OK;

    for (size_t i = 0, col = p->row_first_col; i <= t.len; i++) {
        if (i < t.len && t.ptr[i] != '\x1f')
            continue;
        fg_strview cell = fg_parse__trim(fg_sv(t.ptr + start, i - start));
        col_kind k = p->row_aligned && col < p->n_cols ? p->cols[col] : COL_TASK;

        col++;
        start = i + 1;
        if (cell.len == 0)
            continue;
        if (k == COL_DUE && due.ptr == NULL) {
            due = cell;
        } else if ((k == COL_TASK || k == COL_NONE) && !mark_cell(p, cell)) {
            if (text.len)
                FG_TRY(fg_str_append(&text, " ", 1));
            FG_TRY(fg_str_append(&text, cell.ptr, cell.len));
        }
    }
    if (due.ptr != NULL) {
        p->items[p->cur].due = fg_parse__arena_dup(p, due);
        if (p->items[p->cur].due == NULL)
            FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
    }
    FG_TRY(matrix_label(p, t, &label));
    fg_str_clear(&p->cur_text);
    p->n_lm = 0;
    FG_TRY(fg_parse__append_text(p, fg_sv(text.ptr ? text.ptr : "", text.len), line));
    p->row_open = false;
    p->row_aligned = false;
    p->row_lines = false;
    FG_TRY(fg_parse__close_item(p));
    /* A matrix row's marks give a clause of their own, after any its wording holds. */
    if (label.len)
        FG_TRY(label_clause(p, fg_sv(label.ptr, label.len), line));
out:
    fg_str_dispose(&text);
    fg_str_dispose(&label);
    return rc;
}

/*
 * The label a ledger row's units go under (one unit a row, 责任类别 牵头 or 配合): its role
 * column's word read as a label's head (牵头 → 牵头单位：), or NULL when the table has no such
 * column, the row does not line up with the header or the word is no role.
 */
static const char *ledger_label(const parser *p, fg_strview t)
{
    size_t col = p->row_first_col;
    size_t start = 0;

    if (!p->row_aligned)
        return NULL;
    for (size_t i = 0; i <= t.len; i++) {
        if (i < t.len && t.ptr[i] != '\x1f')
            continue;
        if (col < p->n_cols && p->cols[col] == COL_ROLE) {
            fg_label_role r = role_word(p, fg_parse__trim(fg_sv(t.ptr + start, i - start)));

            return r == FG_LABEL_LEAD || r == FG_LABEL_CO ? role_label(r) : NULL;
        }
        col++;
        start = i + 1;
    }
    return NULL;
}

/* Whether a cell starts as a unit's name does: with its level (省 市 区 县 州 乡 镇) or 各. */
static bool level_first(fg_strview s)
{
    static const char *const levels[] = {"省", "市", "区", "县", "州", "乡", "镇", "各"};

    for (size_t k = 0; k < sizeof levels / sizeof *levels; k++)
        if (fg_sv_at(s, 0, levels[k], 3))
            return true;
    return false;
}

/*
 * Whether two cells x, y of a row that does not line up with the header (one cell a line, a
 * PDF's wrapped lines) are one cell wrapped by the column's width: a list of units ending in 、
 * and units after it (市工业和信息化局、 | 市商务局), or the head of a unit's name (a level, at
 * most 12 characters, no punctuation, no unit) and a tail that makes it one and starts with
 * no level of its own (市住房城乡建 | 设局, 市人力资源社 | 会保障局).
 */
static bool wrapped_cells(fg_strview x, fg_strview y, char *buf, size_t cap)
{
    if (x.len == 0 || y.len == 0 || x.len + y.len > cap)
        return false;
    if (fg_sv_ends(x, "、"))
        return all_units(fg_sv(x.ptr, x.len - 3)) && all_units(y);
    if (!level_first(x) || level_first(y) || fg_parse__cps_upto(x, 13) > 12 ||
        fg_parse__cps_upto(y, 9) > 8 ||
        fg_sv_contains_any(x, (const char *const[]){"，", "、", "。", "；", NULL}) || all_units(x))
        return false;
    memcpy(buf, x.ptr, x.len);
    memcpy(buf + x.len, y.ptr, y.len);
    return all_units(fg_sv(buf, x.len + y.len));
}

/*
 * The cells of a row t (separated by \x1f) into out, each pair that wrapped_cells() finds one
 * cell wrapped in two joined again.
 */
static int join_wrapped(fg_str *out, fg_strview t)
{
    char buf[128];
    fg_strview prev = fg_sv(NULL, 0);
    size_t start = 0;
    int rc = FG_OK;

    for (size_t i = 0; i <= t.len; i++) {
        fg_strview cell;

        if (i < t.len && t.ptr[i] != '\x1f')
            continue;
        cell = fg_parse__trim(fg_sv(t.ptr + start, i - start));
        if (start > 0 && !wrapped_cells(prev, cell, buf, sizeof buf))
            FG_TRY(fg_str_appendc(out, '\x1f'));
        FG_TRY(fg_str_append(out, cell.ptr, cell.len));
        prev = cell;
        start = i + 1;
    }
out:
    return rc;
}

/* The cells of a row t (separated by \x1f). */
static size_t count_cells(fg_strview t)
{
    size_t n = 1;

    for (size_t i = 0; i < t.len; i++)
        n += t.ptr[i] == '\x1f';
    return n;
}

int fg_parse__finish_row(parser *p)
{
    fg_str task = FG_STR_INIT;
    fg_str label = FG_STR_INIT;
    fg_str joined = FG_STR_INIT;
    fg_strview t;
    size_t start = 0;
    size_t unit_col;         /* the next unit column of the header (fg_parse__next_unit_col()) */
    bool had_units = false;
    bool has_due_col = false;
    bool by_place;           /* the row's cells are the header's columns after 序号, in order */
    size_t task_cell = p->row_task_cell; /* see row_places(): read once, for this row */
    size_t n_cells;
    fg_strview due = fg_sv(NULL, 0);
    const char *role_lab;
    int rc = FG_OK;

    p->row_task_cell = 0;
    if (!p->open || !p->row_open)
        return FG_OK;
    if (fg_parse__next_unit_col(p, 0) >= p->n_cols)
        return finish_text_row(p);
    t = fg_sv(p->cur_text.ptr ? p->cur_text.ptr : "", p->cur_text.len);
    n_cells = count_cells(t);
    if (!p->row_aligned && p->row_lines && p->row_first_col < p->n_cols &&
        t.len > 0 && count_cells(t) == p->n_cols - p->row_first_col) {
        /* A row flattened one cell a line with a cell for each column after 序号: its cells
         * are the header's columns (a 责任领导 cell, 市政府分管副市长, names no unit). */
        p->row_aligned = true;
    }
    p->row_lines = false;
    if (!p->row_aligned) {
        FG_TRY(join_wrapped(&joined, t));
        t = fg_sv(joined.ptr ? joined.ptr : "", joined.len);
    }
    /*
     * A row of blank-separated cells, one for each column after 序号: the task column's cell
     * is the task's, though its wording ends like a unit (引导商场超市设立碳积分兑换专区,
     * 设立以旧换新服务柜台); the other cells are read by what they hold, as before.
     */
    by_place = !p->row_aligned && p->row_first_col < p->n_cols &&
               count_cells(t) == p->n_cols - p->row_first_col;
    /* With fewer cells, where they start says which is the task's (row_places()). */
    if (p->row_aligned || count_cells(t) != n_cells || task_cell > n_cells)
        task_cell = 0;
    role_lab = ledger_label(p, t);
    for (size_t k = 0; k < p->n_cols; k++)
        has_due_col = has_due_col || p->cols[k] == COL_DUE;
    unit_col = fg_parse__next_unit_col(p, 0);
    for (size_t i = 0, col = p->row_first_col, place = col; i <= t.len; i++) {
        if (i == t.len || t.ptr[i] == '\x1f') {
            fg_strview cell = fg_parse__trim(fg_sv(t.ptr + start, i - start));

            bool in_unit_col = true; /* the cell may be read as units */
            col_kind kind = COL_NONE; /* its column's, in a row that lines up with the header */
            bool task_place = (by_place && p->cols[place] == COL_TASK) ||
                              (task_cell > 0 && place - p->row_first_col + 1 == task_cell);

            /*
             * A row whose cells line up with the header's columns: a cell is units only in
             * a unit column, and an empty 牵头单位 cell leaves that column empty, the cells
             * after it staying in theirs.
             */
            if (p->row_aligned && col < p->n_cols) {
                if (unit_col < col)
                    unit_col = fg_parse__next_unit_col(p, col);
                in_unit_col = unit_col == col;
                kind = p->cols[col];
                col++;
            }
            place++;
            if (cell.len) {
                if (unit_col < p->n_cols && in_unit_col && !task_place &&
                    /*
                     * In a row that lines up with the header, the column says the cell is
                     * units: a body that is no government's (物业服务企业) is one, as after
                     * the column's label.
                     */
                    (all_units_as(cell, p->row_aligned) || role_cell(p, cell, task.len > 0) ||
                     (fg_clause__same_as_above(cell) && task.len > 0))) {
                    const char *lab = role_lab != NULL              ? role_lab
                                      : p->cols[unit_col] == COL_LEAD ? "牵头单位："
                                      : p->cols[unit_col] == COL_CO   ? "配合单位："
                                                                      : "责任单位：";

                    if (label.len)
                        FG_TRY(fg_str_append(&label, "；", 3));
                    if (role_lab == NULL && p->cols[unit_col] == COL_UNKNOWN) {
                        /* 包联单位：X, read and noted as the grammar reads such a label */
                        FG_TRY(fg_str_append(&label, p->col_units[unit_col].ptr,
                                             p->col_units[unit_col].len));
                        lab = "：";
                    }
                    FG_TRY(fg_str_append(&label, lab, strlen(lab)));
                    FG_TRY(fg_str_append(&label, cell.ptr, cell.len));
                    unit_col = fg_parse__next_unit_col(p, unit_col + 1);
                    had_units = true;
                } else if (kind == COL_OTHER) {
                    /* 责任领导, 备注: persons and remarks are no part of the task. */
                } else if (!had_units || kind == COL_TASK || task_place) {
                    /* The task's cell, also after the units (牵头单位 | 重点任务 | …). */
                    FG_TRY(fg_str_append(&task, cell.ptr, cell.len));
                } else if (has_due_col && due.ptr == NULL) {
                    /* After the units: the 完成时限 cell is the first that reads as one. */
                    fg_deadline d;

                    FG_TRY(fg_deadline_parse(&d, cell.ptr, cell.len, 0));
                    if (d.kind != FG_DEADLINE_NONE)
                        due = cell;
                }
            }
            start = i + 1;
        }
    }
    if (p->row_repeat) {
        /* More units of the last row's item (a ledger): its clause is read again with the
         * label of this row added, one clause for the item's units. The clause's units stay
         * behind in p->units, unused. */
        pitem *it = &p->items[p->cur];

        if (it->n_clauses > 0 && it->clause_first + it->n_clauses == p->n_clauses &&
            p->row_label.len) {
            p->n_clauses--;
            it->n_clauses--;
            FG_TRY(fg_str_append(&p->row_label, "；", 3));
            FG_TRY(fg_str_append(&p->row_label, label.ptr ? label.ptr : "", label.len));
            fg_str_clear(&label);
            FG_TRY(fg_str_append(&label, p->row_label.ptr, p->row_label.len));
        }
    }
    {
        pitem *it = &p->items[p->cur];
        fg_strview tv = fg_sv(task.ptr ? task.ptr : "", task.len);
        size_t k = fg_sv_find(tv, "。");

        if (p->row_sub && tv.len > 0 && !p->no_text) {
            /* A sub-row's wording is more of the item's text: (a)建设… then (b)推进… */
            fg_str all = FG_STR_INIT;

            rc = fg_str_append(&all, it->text ? it->text : "", it->text ? it->text_len : 0);
            if (rc == FG_OK && it->text_len > 0)
                rc = fg_str_append(&all, "；", strlen("；"));
            if (rc == FG_OK)
                rc = fg_str_append(&all, tv.ptr, tv.len);
            if (rc == FG_OK) {
                it->text = fg_parse__arena_dup(p, fg_sv(all.ptr, all.len));
                it->text_len = all.len;
                if (it->text == NULL)
                    rc = fg_error_set(FG_ENOMEM, "out of memory");
            }
            fg_str_dispose(&all);
            if (rc < 0)
                goto out;
        }
        if (p->row_repeat || p->row_sub)
            goto clause;
        it->text = p->no_text ? NULL : fg_parse__arena_dup(p, tv);
        it->text_len = tv.len;
        it->title =
            fg_parse__arena_dup(p, fg_parse__trim(fg_sv(tv.ptr, k == SIZE_MAX ? tv.len : k)));
        if ((it->text == NULL && !p->no_text) || it->title == NULL)
            FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
        it->clause_first = p->n_clauses;
        it->n_clauses = 0;
        if (due.ptr != NULL) {
            it->due = fg_parse__arena_dup(p, due);
            if (it->due == NULL)
                FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
        }
    clause:
        fg_str_clear(&p->row_label);
        FG_TRY(fg_str_append(&p->row_label, label.ptr ? label.ptr : "", label.len));
        if (label.len)
            FG_TRY(label_clause(p, fg_sv(label.ptr, label.len), it->line));
    }
    p->open = false;
    p->row_open = false;
    p->row_aligned = false;
    p->row_repeat = false;
    p->row_sub = false;
out:
    fg_str_clear(&p->cur_text);
    p->n_lm = 0;
    fg_str_dispose(&task);
    fg_str_dispose(&label);
    fg_str_dispose(&joined);
    return rc;
}

/*
 * Whether v is the next row number of the active table: the one after the last row, or any
 * first number when the table has no row yet (next_row 0: a 序号 that runs on from a table
 * under an earlier heading, 3, 4 …).
 */
static bool next_row_number(const parser *p, long v)
{
    return v >= 1 && (v == p->next_row || (p->next_row == 0 && v < 1000));
}

bool fg_parse__is_row_number(const parser *p, fg_strview s)
{
    size_t n;
    long v = fg_parse__arabic_number(s, 0, &n, 4);

    return n == s.len && next_row_number(p, v);
}

/*
 * Whether s, the cell after a header's 序号 that is no header word, names the task column of a
 * table flattened one cell a line (整治重点, 整治内容, 建设项目): 2 to 8 ideographs, and the next
 * cell names units (牵头单位, 责任单位 …), as the tab layout reads any cell there.
 */
static bool task_header(const parser *p, fg_strview s)
{
    col_kind next;

    if (s.len < 6 || s.len > 24)
        return false;
    for (size_t i = 0; i < s.len; i += 3)
        if ((unsigned char)s.ptr[i] < 0xE4 || (unsigned char)s.ptr[i] > 0xE9 || i + 3 > s.len)
            return false;
    next = header_cell(p->units.lex, p->next_cell);
    return next == COL_LEAD || next == COL_CO || next == COL_RESP;
}

/*
 * The next cell of *rest, the text after a line of a table flattened one cell a line: its
 * next line that is not blank (its next paragraph in flat text), trimmed; *rest is moved past
 * it. An empty view at the text's end.
 */
static fg_strview take_cell(fg_strview *rest, bool flat)
{
    while (rest->len > 0) {
        size_t e;
        size_t b;
        fg_strview cell;

        if (flat) {
            while (rest->len > 0 && fg_parse__is_space_at(*rest, 0, &b))
                *rest = fg_sv(rest->ptr + b, rest->len - b);
            e = fg_parse__paragraph_end(*rest, 0);
        } else {
            const char *nl = memchr(rest->ptr, '\n', rest->len);

            e = nl != NULL ? (size_t)(nl - rest->ptr) : rest->len;
        }
        cell = fg_parse__trim(fg_sv(rest->ptr, e));
        if (e < rest->len && !flat)
            e++; /* past the '\n' */
        *rest = fg_sv(rest->ptr + e, rest->len - e);
        if (cell.len > 0)
            return cell;
    }
    return fg_sv(rest->ptr, 0);
}

/*
 * Whether s is a column's word that the header lexicon does not know (项目名称, 分管市领导,
 * 具体措施, 工作目标): 2 to 8 ideographs, nothing else, no unit's name.
 */
static bool other_header_word(fg_strview s)
{
    if (s.len < 6 || s.len > 24 || s.len % 3 != 0)
        return false;
    for (size_t i = 0; i < s.len; i += 3)
        if ((unsigned char)s.ptr[i] < 0xE4 || (unsigned char)s.ptr[i] > 0xE9)
            return false;
    return !fg_clause__looks_like_unit(s);
}

/*
 * Whether a cell s of a header flattened one cell a line that is no header word is one of
 * its columns all the same, a column the rows fill but no role (项目名称 or 责任领导 before
 * 牵头单位): s is a column's word (other_header_word()), the cells after it up to the table's
 * first row number are header words or such words, one of them a header word we know, and
 * the header has a role column (牵头单位, 配合单位, 责任单位 …) before s or after it. A word
 * after the header's last known word is no column: it may be the title of the rows under it.
 */
static bool other_header_cell(const parser *p, fg_strview s)
{
    enum { MAX_AHEAD = 12 };
    fg_strview rest = p->rest;
    bool units = false;
    bool known = false;

    if (!other_header_word(s))
        return false;
    for (size_t k = 0; k < p->n_cols; k++)
        units = units || p->cols[k] == COL_LEAD || p->cols[k] == COL_CO || p->cols[k] == COL_RESP;
    for (size_t n = 0; n < MAX_AHEAD; n++) {
        fg_strview cell = take_cell(&rest, p->rest_flat);
        col_kind k;

        if (cell.len == 0)
            return false;
        if (fg_parse__is_row_number(p, cell))
            return units && known;
        k = header_cell(p->units.lex, cell);
        if (k == COL_NONE && !other_header_word(cell))
            return false;
        known = known || k != COL_NONE;
        units = units || k == COL_LEAD || k == COL_CO || k == COL_RESP;
    }
    return false;
}

static int section_cell(parser *p, fg_strview s, size_t line);

int fg_parse__table_line(parser *p, fg_strview s, size_t line, bool *consumed)
{
    int rc = FG_OK;

    *consumed = false;
    if (p->section_title) {
        /* The title of the section row on the line before (section_cell()). */
        p->section_title = false;
        *consumed = true;
        FG_TRY(fg_parse__append_text(p, s, line));
        return fg_parse__close_item(p);
    }
    if (p->header_pending) {
        col_kind k = header_cell(p->units.lex, s);

        if (k == COL_LEAD || k == COL_CO) {
            /* A grouped header flattened one cell a line: its first row (序号, 重点任务,
             * 责任单位, 完成时限), then the words under the group (牵头单位, 配合单位), which
             * name the group's columns in its place. */
            size_t g = p->n_cols;
            bool units_after = false;

            for (size_t c = 0; c < p->n_cols; c++) {
                if (p->cols[c] == COL_LEAD || p->cols[c] == COL_CO)
                    g = SIZE_MAX;
                else if (p->cols[c] == COL_RESP && g == p->n_cols)
                    g = c;
                else if (p->cols[c] == COL_RESP)
                    units_after = true;
            }
            if (p->sub_col > 0) {
                FG_TRY(fg_parse__add_col(p, k));
                memmove(p->cols + p->sub_col + 1, p->cols + p->sub_col,
                        (p->n_cols - 1 - p->sub_col) * sizeof *p->cols);
                memmove(p->col_units + p->sub_col + 1, p->col_units + p->sub_col,
                        (p->n_cols - 1 - p->sub_col) * sizeof *p->col_units);
                p->col_units[p->sub_col] = fg_sv(NULL, 0);
                p->cols[p->sub_col++] = k;
                *consumed = true;
                return FG_OK;
            }
            if (g < p->n_cols && g + 1 < p->n_cols && !units_after &&
                p->cols[p->n_cols - 1] != COL_RESP) {
                p->cols[g] = k;
                p->sub_col = g + 1;
                *consumed = true;
                return FG_OK;
            }
        }
        p->sub_col = 0;
        if (k == COL_NONE && p->n_cols == 1 && p->cols[0] == COL_NUM && task_header(p, s))
            k = COL_TASK; /* 序号 | 整治重点 | 牵头单位: the task column, whatever its word */
        if (k == COL_UNKNOWN) {
            FG_TRY(add_header_col(p, s));
            *consumed = true;
            return FG_OK;
        }
        if (k != COL_NONE) {
            FG_TRY(fg_parse__add_col(p, k));
            *consumed = true;
            return FG_OK;
        }
        if (other_header_cell(p, s)) {
            /* 序号 | 项目名称 | 责任领导 | 牵头单位: a column we do not know, the task's
             * when it comes first after 序号, as in task_header(); else no role's. */
            FG_TRY(fg_parse__add_col(p, p->n_cols == 1 && p->cols[0] == COL_NUM ? COL_TASK
                                                                                : COL_NONE));
            *consumed = true;
            return FG_OK;
        }
        p->header_pending = false;
    }
    if (!p->row_open) {
        mark m;

        /* A heading between rows ends the table (rows of a tab-separated table close at once);
         * the rows of a delimited one may go on under it (fg_parse__delimited_row()). */
        if (fg_parse__marker_at(s, 0, true, &m) && !fg_parse__minor_style(m.st) && m.st != ST_ROW) {
            p->in_table = false;
            p->table_paused = !p->row_lines && p->n_cols > 2;
            return FG_OK;
        }
    }
    FG_TRY(section_cell(p, s, line));
    if (rc > 0) {
        *consumed = true;
        return FG_OK;
    }
    if (fg_parse__is_row_number(p, s)) {
        size_t n;
        mark m;

        p->next_row = fg_parse__arabic_number(s, 0, &n, 4);
        m = (mark){ST_ROW, p->next_row, 0, 0, false};

        FG_TRY(fg_parse__open_item(p, &m, s, line));
        p->row_open = true;
        p->row_lines = true;
        p->row_first_col = 1;
        p->next_row++;
        *consumed = true;
        return FG_OK;
    }
    if (p->row_open) {
        mark m;

        if (fg_parse__marker_at(s, 0, true, &m) && !fg_parse__minor_style(m.st)) {
            /* A heading ends the table. */
            FG_TRY(fg_parse__close_item(p));
            p->in_table = false;
            return FG_OK;
        }
        if (p->cur_text.len)
            FG_TRY(fg_str_appendc(&p->cur_text, '\x1f'));
        FG_TRY(fg_str_append(&p->cur_text, s.ptr, s.len));
        *consumed = true;
    }
out:
    return rc;
}

/*
 * The number of a table row from its 序号 cell: a plain number continuing the table's (3),
 * a number of two levels (1.1, 1-1, 1．2: *minor the second), or a list marker that is the
 * whole cell (（一）, 一、, 1．, ①) continuing the table's count. False for anything else.
 */
static bool row_number(const parser *p, fg_strview cell, long *major, long *minor)
{
    size_t n;
    size_t n2;
    size_t sep = 0;
    long v = fg_parse__arabic_number(cell, 0, &n, 4);
    mark m;

    *minor = 0;
    if (v >= 0 && n == cell.len) {
        *major = v;
        return next_row_number(p, v);
    }
    if (v >= 1 && v < 1000) {
        if (n < cell.len && (cell.ptr[n] == '.' || cell.ptr[n] == '-'))
            sep = 1;
        else if (AT(cell, n, "．") || AT(cell, n, "－") || AT(cell, n, "—"))
            sep = 3;
        if (sep > 0) {
            long w = fg_parse__arabic_number(cell, n + sep, &n2, 3);

            if (w >= 1 && n + sep + n2 == cell.len) {
                *major = v;
                *minor = w;
                return true;
            }
        }
    }
    if (fg_parse__marker_at(cell, 0, true, &m) && m.len == cell.len &&
        (m.st == ST_CN || m.st == ST_PAREN_CN || m.st == ST_ARABIC ||
         m.st == ST_PAREN_ARABIC || m.st == ST_HALF_PAREN || m.st == ST_CIRCLED)) {
        *major = m.num;
        return next_row_number(p, m.num);
    }
    return false;
}

/*
 * Open the item of a table row numbered major (and minor: 1.1 gives …:1.1 under its parent,
 * or under the heading it numbers, 2-1 under 二、, …:2.1 as the row's own number).
 */
static int open_row(parser *p, long major, long minor, fg_strview marker, size_t line)
{
    mark m = {ST_ROW, major, 0, 0, false};
    size_t k = p->depth;
    int rc = FG_OK;

    while (k > 0 && p->stack[k - 1].st == ST_ROW)
        k--;
    if (minor > 0 && k > 0 && p->stack[k - 1].num == major) {
        m.num = minor;
        minor = 0;
    }
    FG_TRY(fg_parse__open_item(p, &m, marker, line));
    if (minor > 0) {
        pitem *it = &p->items[p->cur];
        char path[sizeof p->part + 1 + ST_COUNT * 22 + 24];
        int len = snprintf(path, sizeof path, "%s.%ld", it->path, minor);

        if (len < 0 || (size_t)len >= sizeof path)
            FG_TRY(fg_error_set(FG_EINVAL, "a table row number too long: %ld.%ld", major, minor));
        it->path = fg_parse__arena_dup(p, fg_sv(path, (size_t)len));
        if (it->path == NULL)
            FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
    }
out:
    return rc;
}

/*
 * A header without 序号 whose first cell names the task (工作任务 | 牵头单位 | 配合单位): every
 * cell a header word, and one of them a unit column.
 */
static bool unnumbered_header(const parser *p, const fg_strview *cells, size_t n_cells)
{
    bool units = false;

    if (header_cell(p->units.lex, cells[0]) != COL_TASK)
        return false;
    for (size_t k = 1; k < n_cells; k++) {
        col_kind ck = header_cell(p->units.lex, cells[k]);

        if (ck == COL_NONE || ck == COL_NUM)
            return false;
        units = units || ck == COL_LEAD || ck == COL_RESP || ck == COL_CO;
    }
    return units;
}

/*
 * Whether a row repeats the 序号 of the row just read, in a table with a 责任类别 column (a
 * ledger written one unit a row): its units are more of that row's item.
 */
static bool ledger_repeat(const parser *p, fg_strview num)
{
    bool role_col = false;

    for (size_t k = 0; k < p->n_cols && !role_col; k++)
        role_col = p->cols[k] == COL_ROLE;
    return role_col && !p->open && !p->rows_unnumbered && p->n_items > 0 &&
           p->cur == p->n_items - 1 && num.len > 0 && p->items[p->cur].marker != NULL &&
           p->items[p->cur].path != NULL && fg_sv_eq(num, fg_sv_cstr(p->items[p->cur].marker)) &&
           p->row_label.len > 0;
}

/*
 * The second row of a grouped header, before the table's first row: 责任单位 spans 牵头单位 |
 * 配合单位, and a table saved as text writes the group's word in its first column, the others
 * of the span empty, and the words under it on the next line. Each of that line's cells is a
 * header word; they name the columns from where they stand (the line keeps its empty first
 * cells) or, when the line was trimmed, from the group's column: the first unit column
 * followed by as many columns with no header word as the line has words after the first.
 * 1 when the line is one (its words set the columns), 0 when not, or a negative code.
 */
static int sub_header(parser *p, const fg_strview *cells, size_t n_cells)
{
    size_t first = SIZE_MAX;
    size_t words = 0;
    int rc = FG_OK;

    for (size_t k = 0; k < n_cells; k++) {
        if (cells[k].len == 0)
            continue;
        if (header_cell(p->units.lex, cells[k]) == COL_NONE)
            return 0;
        if (first == SIZE_MAX)
            first = k;
        words++;
    }
    if (words < 2)
        return 0;
    if (n_cells == p->n_cols && first > 0) {
        for (size_t k = first; k < n_cells; k++)
            if (cells[k].len)
                FG_TRY(header_col(p, k, cells[k]));
        return 1;
    }
    if (first != 0)
        return 0;
    for (size_t g = 0; g + words <= p->n_cols; g++) {
        bool fits = p->cols[g] == COL_RESP || p->cols[g] == COL_LEAD || p->cols[g] == COL_CO;

        for (size_t k = 1; k < words && fits; k++)
            fits = p->cols[g + k] == COL_NONE;
        if (!fits)
            continue;
        for (size_t k = 0, c = g; k < n_cells; k++)
            if (cells[k].len)
                FG_TRY(header_col(p, c++, cells[k]));
        return 1;
    }
    return 0;
out:
    return rc;
}

/* Whether a header cell that is no header word names a unit (a matrix's column). */
static bool unit_header(const parser *p, fg_strview cell)
{
    return cell.len >= 6 && cell.len <= 60 && !fg_sv_contains(cell, "。") &&
           !fg_sv_contains(cell, "、") && fg_clause__looks_like_unit(cell) &&
           header_cell(p->units.lex, cell) == COL_NONE;
}

/*
 * The columns of a responsibility matrix (units as columns, a mark in a task's row for each
 * unit with a share in it, matrix_label()): the header cells of a table just started (its
 * columns from header words) that name a unit, when there are two or more. The names are
 * kept in the arena.
 */
static int matrix_cols(parser *p, const fg_strview *cells, size_t n)
{
    size_t units = 0;
    int rc = FG_OK;

    for (size_t k = 0; k < n && k < p->n_cols; k++)
        units += p->cols[k] == COL_NONE && unit_header(p, cells[k]);
    if (units < 2)
        return FG_OK;
    matrix_legend(p);
    while (p->cap_col_units < p->n_cols)
        FG_TRY(fg_parse__grow((void **)&p->col_units, &p->cap_col_units, p->cap_col_units,
                              sizeof *p->col_units));
    for (size_t k = 0; k < n && k < p->n_cols; k++) {
        const char *name;

        if (p->cols[k] != COL_NONE || !unit_header(p, cells[k]))
            continue;
        name = fg_parse__arena_dup(p, cells[k]);
        if (name == NULL)
            FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
        p->cols[k] = COL_MARK;
        p->col_units[k] = fg_sv(name, cells[k].len);
    }
out:
    return rc;
}

/*
 * Whether a header names two units or more as its columns (unit_header()) in a document with
 * a legend of marks (注：●为牵头单位，○为配合单位, matrix_legend()): a responsibility matrix,
 * whatever word heads its task column (实事项目, 事项, 项目名称: no header word of the
 * lexicon); its rows' marks are read as matrix_cols() sets its columns.
 */
static bool matrix_header(parser *p, const fg_strview *cells, size_t n)
{
    size_t units = 0;

    for (size_t k = 0; k < n && units < 2; k++)
        units += header_cell(p->units.lex, cells[k]) == COL_NONE && unit_header(p, cells[k]);
    if (units < 2)
        return false;
    matrix_legend(p);
    return p->n_legend > 0;
}

int fg_parse__start_table(parser *p, const fg_strview *cells, size_t n, bool unnumbered)
{
    int rc = FG_OK;

    FG_TRY(fg_parse__close_item(p));
    p->in_table = true;
    p->table_paused = false;
    p->header_pending = false;
    p->sub_col = 0;
    p->rows_unnumbered = unnumbered;
    p->num_col = 0;
    p->section_st = ST_COUNT;
    fg_str_clear(&p->row_label);
    p->n_cols = 0;
    p->n_head_at = 0;
    for (size_t k = 0; k < n; k++)
        FG_TRY(add_header_col(p, cells[k]));
    FG_TRY(matrix_cols(p, cells, n));
    p->next_row = unnumbered ? 1 : 0;
out:
    return rc;
}

/*
 * Whether a row of n_cells cells separated by tabs or | lines up with the header's columns:
 * as many cells as columns; also fewer, since a line loses its trailing empty cells with its
 * blanks and the cells it keeps are still the first columns' (a tab or | is written for
 * every cell, empty or not), in a matrix (COL_MARK columns: the last units' columns
 * unmarked) and when from_first, the row's first cell in the first column (2<TAB>任务<TAB>
 * <TAB>配合单位 with no 完成时限, 3<TAB>任务<TAB>牵头单位 with neither 配合单位 nor 完成时限).
 */
static bool lines_up(const parser *p, size_t n_cells, bool from_first)
{
    bool matrix = false;

    if (n_cells >= p->n_cols)
        return n_cells == p->n_cols;
    if (from_first)
        return true;
    for (size_t k = 0; k < p->n_cols && !matrix; k++)
        matrix = p->cols[k] == COL_MARK;
    return matrix;
}

/*
 * Whether a 序号 or 编号 cell holds a record's code rather than a number (DB2020-011, A-3,
 * ZG12: ASCII letters first, then a digit, in at most 24 letters, digits and - _ . /), as a
 * 督办 ledger numbers its records: the row is numbered by its place in the table.
 */
static bool record_code(fg_strview c)
{
    bool digit = false;

    if (c.len < 2 || c.len > 24 || !((c.ptr[0] >= 'A' && c.ptr[0] <= 'Z') ||
                                     (c.ptr[0] >= 'a' && c.ptr[0] <= 'z')))
        return false;
    for (size_t i = 0; i < c.len; i++) {
        char ch = c.ptr[i];

        digit = digit || (ch >= '0' && ch <= '9');
        if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
              ch == '-' || ch == '_' || ch == '.' || ch == '/'))
            return false;
    }
    return digit;
}

/*
 * The column of a header's 序号 cell: the first, or the second or third after group columns
 * merged down the table's left edge (类别 | 序号 | 任务 | 牵头单位 …, 领域 | 序号 …): short words
 * of 2 to 4 ideographs that name no unit, task or deadline column. SIZE_MAX when there is none.
 */
static size_t num_column(const parser *p, const fg_strview *cells, size_t n)
{
    for (size_t k = 0; k < n && k < 3; k++) {
        col_kind ck = header_cell(p->units.lex, cells[k]);

        if (ck == COL_NUM)
            return k;
        if (cells[k].len < 6 || cells[k].len > 12 || (unsigned char)cells[k].ptr[0] < 0xE4 ||
            !(ck == COL_NONE || ck == COL_ROLE || ck == COL_OTHER) ||
            fg_clause__looks_like_unit(cells[k]))
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/*
 * The pieces of a raw line split by blank runs (or by tabs, by_tab: every cell, empty ones
 * too), each with where it starts: its cell index (by_tab), or its column counted in display
 * width (a CJK character two) and in characters. Into out[] (room for cap); returns how
 * many there are, cap or not.
 */
typedef struct raw_piece {
    fg_strview text;
    size_t at;
    size_t at_chars;
} raw_piece;

static size_t raw_pieces(fg_strview raw, bool by_tab, raw_piece *out, size_t cap)
{
    size_t n = 0;
    size_t width = 0;
    size_t chars = 0;
    size_t b = 0; /* a '\r' reads it too: 0 before any blank (was left unset) */

    if (by_tab) {
        size_t start = 0;

        for (size_t i = 0; i <= raw.len; i++) {
            if (i < raw.len && raw.ptr[i] != '\t')
                continue;
            if (n < cap)
                out[n] = (raw_piece){fg_parse__trim(fg_sv(raw.ptr + start, i - start)), n, n};
            n++;
            start = i + 1;
        }
        return n;
    }
    for (size_t i = 0; i < raw.len;) {
        size_t start;
        size_t at = width;
        size_t at_chars = chars;

        if (fg_parse__is_space_at(raw, i, &b) || raw.ptr[i] == '\r') {
            width += b == 3 ? 2 : 1;
            chars++;
            i += raw.ptr[i] == '\r' ? 1 : b;
            continue;
        }
        start = i;
        while (i < raw.len && !fg_parse__is_space_at(raw, i, &b) && raw.ptr[i] != '\r') {
            size_t c = fg_cp_len((unsigned char)raw.ptr[i]);

            width += c >= 3 ? 2 : 1;
            chars++;
            i += c;
        }
        if (n < cap)
            out[n] = (raw_piece){fg_sv(raw.ptr + start, i - start), at, at_chars};
        n++;
    }
    return n;
}

/* At most this many cells of a row are followed onto its wrapped lines. */
enum { MAX_WRAP_CELLS = 64 };

/*
 * Keep where the cells of the row just read (its cells from the first-th of its trimmed
 * line on, in cur_text) start in its raw line, and defer its close: the next lines may hold
 * the rest of cells the column's width wrapped (fg_parse__wrap_row()). Not for a line with tags (no
 * raw line).
 */
static int wrap_columns(parser *p, bool by_tab, size_t first)
{
    raw_piece pc[MAX_WRAP_CELLS];
    size_t n;
    size_t lead = 0;
    int rc = FG_OK;

    if (p->raw_line.len == 0)
        return FG_OK;
    n = raw_pieces(p->raw_line, by_tab, pc, MAX_WRAP_CELLS);
    if (n > MAX_WRAP_CELLS)
        return FG_OK;
    if (by_tab) {
        /* The trimmed line lost the empty cells before its first: \t2\t任务… */
        while (lead < n && pc[lead].text.len == 0)
            lead++;
    }
    if (lead + first >= n)
        return FG_OK;
    p->n_wrap_at = 0;
    for (size_t k = lead + first; k < n; k++) {
        FG_TRY(fg_parse__grow((void **)&p->wrap_at, &p->cap_wrap_at, p->n_wrap_at,
                              sizeof *p->wrap_at));
        FG_TRY(fg_parse__grow((void **)&p->wrap_at_chars, &p->cap_wrap_at_chars, p->n_wrap_at,
                              sizeof *p->wrap_at_chars));
        p->wrap_at[p->n_wrap_at] = pc[k].at;
        p->wrap_at_chars[p->n_wrap_at++] = pc[k].at_chars;
    }
    p->row_by_tab = by_tab;
    p->row_deferred = true;
out:
    return rc;
}

/*
 * Keep where the cells of the blank-separated header just read start in its line, when each
 * cell is one piece of it (head_places: n_head_at, else 0).
 */
static void head_places(parser *p, size_t n)
{
    raw_piece pc[FG_HEAD_AT_MAX];

    p->n_head_at = 0;
    if (p->raw_line.len == 0 || n != p->n_cols || n > FG_HEAD_AT_MAX ||
        raw_pieces(p->raw_line, false, pc, FG_HEAD_AT_MAX) != n)
        return;
    for (size_t k = 0; k < n; k++) {
        p->head_at[k] = pc[k].at;
        p->head_at_chars[k] = pc[k].at_chars;
    }
    p->n_head_at = n;
}

/*
 * The cell of a blank-separated row (its n_cells cells from the first-th on) that starts under
 * the header's task column, 1 + its index from the first-th, or 0: a row with an empty cell
 * (2  在大型商场设立以旧换新服务柜台  市商务局  (no 配合单位)  2025年9月) has fewer cells than
 * columns, so only where a cell starts says its column. Each cell must start within two
 * columns of a header cell, in the header's order, counted in display width or else in
 * characters.
 */
static size_t row_places(const parser *p, size_t first, size_t n_cells)
{
    raw_piece pc[MAX_WRAP_CELLS];

    if (p->n_head_at == 0 || p->n_head_at != p->n_cols || p->raw_line.len == 0 ||
        raw_pieces(p->raw_line, false, pc, MAX_WRAP_CELLS) != n_cells || n_cells > MAX_WRAP_CELLS)
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        const size_t *at = pass == 0 ? p->head_at : p->head_at_chars;
        size_t task = 0;
        size_t next = 0; /* the first header column the next cell may be under */
        size_t k;

        for (k = first; k < n_cells; k++) {
            size_t x = pass == 0 ? pc[k].at : pc[k].at_chars;
            size_t c = next;

            while (c < p->n_head_at && at[c] + 2 < x)
                c++;
            if (c == p->n_head_at || at[c] > x + 2)
                break;
            if (p->cols[c] == COL_TASK)
                task = k - first + 1;
            next = c + 1;
        }
        if (k == n_cells)
            return task;
    }
    return 0;
}

/*
 * The cell of the deferred row that a piece starting at x goes under: the last whose start
 * is at most one column right of x, when x is within one column of it; else SIZE_MAX.
 */
static size_t wrap_target(const size_t *at, size_t n, size_t x)
{
    size_t j = SIZE_MAX;

    for (size_t k = 0; k < n && at[k] <= x + 1; k++)
        j = k;
    return j != SIZE_MAX && x <= at[j] + 1 ? j : SIZE_MAX;
}

/*
 * How piece, on a line under a row's cell, joins it: "、" when both are units (县发展改革局 |
 * 县工业和信息化局: a row with no number of its own under a numbered one, more units of its
 * item, as the table readers have it), else nothing (the rest of a cell the column's width
 * wrapped: 市自然资源 | 和规划局, 市住房城乡建设 | 局, 推进重大项目建设，完成 | 投资200亿元。).
 */
static const char *wrap_joiner(fg_strview cell, fg_strview piece)
{
    cell = fg_parse__trim(cell);
    if (cell.len == 0 || fg_sv_ends(cell, "、") || fg_sv_ends(cell, "，") ||
        fg_sv_ends(cell, ","))
        return "";
    return all_units(cell) && all_units(piece) ? "、" : "";
}

/*
 * A tab line under a deferred row of a table with unit columns that is a sub-row of its item
 * (a merged 序号 over sub-measures: 1 | 加快项目布局 | (a)建设… | X | Y, then | | (b)推进… | Z |
 * X, as a Word or Excel table copied as text writes the merged cells empty): its 序号 (and
 * the cells before it) and its task's cell (the first task column's, else the first after
 * 序号) are empty, and it has units of its own: a lead cell, or a wording cell that opens with
 * a sub-measure's number ((b), （2）, ②: fg_rd_sub_marker(), as the office readers decide it)
 * and a unit cell. The row above closes (its clause), and this one is opened as one more
 * clause of its item (row_sub, fg_parse__finish_row()), deferred in turn. A row with only
 * more units (a 配合单位 list wrapped onto the next line, | | | 市林业局), with its task's
 * cell filled (the rest of a wrapped task) or with wording of no number (the rest of a
 * wrapped 具体措施) is no sub-row: fg_parse__wrap_row() joins it to the row. 1 when the
 * line is one, 0 when not, or a negative code.
 */
static int sub_row(parser *p)
{
    raw_piece pc[MAX_WRAP_CELLS];
    size_t n;
    size_t task = SIZE_MAX;
    size_t first;
    bool lead = false;
    bool wording = false;
    bool units = false;
    int rc = FG_OK;

    if (!p->row_by_tab || !p->row_aligned || p->n_wrap_at == 0 || p->row_first_col == 0 ||
        p->rows_unnumbered)
        return 0;
    n = raw_pieces(p->raw_line, true, pc, MAX_WRAP_CELLS);
    first = p->wrap_at[0];
    if (n > MAX_WRAP_CELLS || n <= first)
        return 0;
    for (size_t c = p->row_first_col; c < p->n_cols && task == SIZE_MAX; c++)
        if (p->cols[c] == COL_TASK)
            task = c;
    if (task == SIZE_MAX)
        task = p->row_first_col;
    for (size_t k = 0; k < n; k++) {
        size_t c = k >= first ? p->row_first_col + (k - first) : SIZE_MAX;
        col_kind kind = c < p->n_cols ? p->cols[c] : COL_NONE;

        if (pc[k].text.len == 0)
            continue;
        if (k < first || c == task || kind == COL_MARK)
            return 0;
        lead = lead || kind == COL_LEAD;
        units = units || kind == COL_LEAD || kind == COL_CO || kind == COL_RESP ||
                kind == COL_UNKNOWN;
        wording = wording || ((kind == COL_TASK || kind == COL_NONE) &&
                              fg_rd_sub_marker(pc[k].text.ptr, pc[k].text.len));
    }
    if (!lead && !(wording && units))
        return 0;
    FG_TRY(fg_parse__close_item(p));
    p->open = true;
    p->row_open = true;
    p->row_sub = true;
    p->row_aligned = true;
    p->row_lines = false;
    fg_str_clear(&p->cur_text);
    for (size_t k = first; k < first + p->n_wrap_at; k++) {
        if (k > first)
            FG_TRY(fg_str_appendc(&p->cur_text, '\x1f'));
        if (k < n)
            FG_TRY(fg_str_append(&p->cur_text, pc[k].text.ptr, pc[k].text.len));
    }
    p->row_deferred = true;
    return 1;
out:
    return rc;
}

/*
 * A line s (raw_line as written) under a deferred table row that holds only the rest of
 * cells the column's width wrapped (推进重大项目建设，完成 | … | 市财政局、市自然资源, then
 * 投资200亿元。 | | 和规划局 with the 序号 column empty): each piece is joined to the cell
 * above it with no separator, as a page break's parts are, and *consumed is set. A tab
 * line's pieces go by their cell's index, a blank line's by their column: each must start
 * where a cell of the row starts (within one column, counted in display width or, as PDF
 * text lays out, in characters). Anything else, a marker at the line's start too, is no
 * wrapped line.
 */
int fg_parse__wrap_row(parser *p, fg_strview s, bool *consumed)
{
    raw_piece pc[MAX_WRAP_CELLS];
    size_t target[MAX_WRAP_CELLS];
    fg_strview cell[MAX_WRAP_CELLS];
    fg_str out = FG_STR_INIT;
    fg_strview t = fg_sv(p->cur_text.ptr ? p->cur_text.ptr : "", p->cur_text.len);
    size_t n;
    size_t n_cells = 0;
    size_t start = 0;
    bool by_chars = false;
    mark m;
    int rc = FG_OK;

    *consumed = false;
    if (p->raw_line.len > 0 && p->row_by_tab && memchr(p->raw_line.ptr, '\t', p->raw_line.len)) {
        FG_TRY(sub_row(p));
        if (rc > 0) {
            *consumed = true;
            return FG_OK;
        }
    }
    if (p->raw_line.len == 0 || fg_parse__marker_at(s, 0, true, &m) ||
        (memchr(p->raw_line.ptr, '\t', p->raw_line.len) != NULL) != p->row_by_tab)
        return FG_OK;
    n = raw_pieces(p->raw_line, p->row_by_tab, pc, MAX_WRAP_CELLS);
    if (n == 0 || n > MAX_WRAP_CELLS)
        return FG_OK;
    for (size_t i = 0; i <= t.len; i++) {
        if (i < t.len && t.ptr[i] != '\x1f')
            continue;
        if (n_cells == MAX_WRAP_CELLS)
            return FG_OK;
        cell[n_cells++] = fg_sv(t.ptr + start, i - start);
        start = i + 1;
    }
    if (n_cells != p->n_wrap_at)
        return FG_OK;
    for (int pass = 0; pass < 2; pass++) {
        bool all = true;
        size_t found = 0;

        by_chars = pass == 1;
        for (size_t k = 0; k < n && all; k++) {
            if (pc[k].text.len == 0) {
                target[k] = SIZE_MAX;
                continue;
            }
            if (p->row_by_tab)
                target[k] = pc[k].at >= p->wrap_at[0] && pc[k].at - p->wrap_at[0] < n_cells
                                ? pc[k].at - p->wrap_at[0]
                                : SIZE_MAX;
            else
                target[k] = wrap_target(by_chars ? p->wrap_at_chars : p->wrap_at, n_cells,
                                        by_chars ? pc[k].at_chars : pc[k].at);
            all = target[k] != SIZE_MAX;
            found++;
        }
        if (all && found > 0)
            break;
        if (pass == 1 || p->row_by_tab)
            return FG_OK;
    }
    for (size_t j = 0; j < n_cells; j++) {
        size_t at;

        if (j > 0)
            FG_TRY(fg_str_appendc(&out, '\x1f'));
        at = out.len;
        FG_TRY(fg_str_append(&out, cell[j].ptr, cell[j].len));
        for (size_t k = 0; k < n; k++) {
            const char *joiner;

            if (target[k] != j)
                continue;
            joiner = out.len > at ? wrap_joiner(fg_sv(out.ptr + at, out.len - at), pc[k].text)
                                  : "";
            FG_TRY(fg_str_append(&out, joiner, strlen(joiner)));
            FG_TRY(fg_str_append(&out, pc[k].text.ptr, pc[k].text.len));
        }
    }
    fg_str_clear(&p->cur_text);
    FG_TRY(fg_str_append(&p->cur_text, out.ptr ? out.ptr : "", out.len));
    p->row_deferred = true;
    *consumed = true;
out:
    fg_str_dispose(&out);
    return rc;
}

/*
 * Whether a delimited row under a heading that ended a table (table_paused: 二、机构养老 between
 * rows 3 and 4, the header printed once) is a row of that table: its number cell, where the
 * table has it, counts on (4 after 3) or from 1 again, and it has a cell for each column
 * up to the last that names units; in a matrix, whose rows lose their trailing empty cells
 * (lines_up()), up to its first unit's column.
 */
static bool table_goes_on(const parser *p, const fg_strview *cells, size_t n_cells)
{
    size_t n = 0; /* fg_parse__arabic_number() leaves it unset when there is no number */
    size_t last_units = 0;
    long v;

    if (p->rows_unnumbered || p->num_col >= n_cells)
        return false;
    v = fg_parse__arabic_number(cells[p->num_col], 0, &n, 4);
    if (n != cells[p->num_col].len || !(v == p->next_row || v == 1))
        return false;
    for (size_t c = 0; c < p->n_cols; c++) {
        if (p->cols[c] == COL_MARK)
            return n_cells > c;
        if (p->cols[c] == COL_LEAD || p->cols[c] == COL_CO || p->cols[c] == COL_RESP ||
            p->cols[c] == COL_UNKNOWN)
            last_units = c + 1;
    }
    return last_units > 0 && n_cells >= last_units;
}

/*
 * The level a section row numbered v of the open table takes: the level of the table's
 * sections so far; else 一、's when v is its next number (the first section, or one that
 * goes on from the sections or headings before: a table after 二 starting at 三), or （一）'s
 * under an open 一、 (sections 一, 二 of a table under 三、重点任务). ST_COUNT when none fits
 * or a level below （一） is open.
 */
static style section_style(const parser *p, long v)
{
    bool cn = false;
    bool paren = false;

    if (p->section_st != ST_COUNT)
        return v == p->last_num[p->section_st] + 1 ? p->section_st : ST_COUNT;
    for (size_t k = 0; k < p->depth; k++) {
        if (p->stack[k].st != ST_ROW && p->stack[k].st > ST_PAREN_CN)
            return ST_COUNT;
        cn = cn || p->stack[k].st == ST_CN;
        paren = paren || p->stack[k].st == ST_PAREN_CN;
    }
    if (!paren && v == p->last_num[ST_CN] + 1)
        return ST_CN;
    if (cn && !paren && (v == 1 || v == p->last_num[ST_PAREN_CN] + 1))
        return ST_PAREN_CN;
    return ST_COUNT;
}

void fg_parse__title_row_level(parser *p, mark *m)
{
    style st;

    if (m->st != ST_CN || m->ordinal)
        return;
    /*
     * A title row 一、…<TAB><TAB>… is a section of its table as 一<TAB>… is: under an open
     * 一、 whose table it is, 一、 and 二、 are its （一） and （二） (the same title rows as
     * plain text, table_title_sections.txt), not a restart of the numbering, which would
     * open a new part.
     */
    st = section_style(p, m->num);
    if (st == ST_COUNT) {
        /* A heading above the sections (二、 after the （二） of 一、, in a workbook that
         * writes a sheet's headings and tables as one table) closes them. */
        p->section_st = ST_COUNT;
        return;
    }
    m->st = st;
    p->section_st = st;
}

/* The longest marker of a section row, 一、 written after its numeral (open_section()). */
#define SECTION_MARKER_MAX 32

/*
 * Close the item open and open the heading of a table's section row numbered num (一), a
 * level of style st and number v; its marker is 一、, as the office readers write such a row
 * (一、title, reader.c). num.len + 3 is at most SECTION_MARKER_MAX.
 */
static int open_section(parser *p, fg_strview num, style st, long v, size_t line)
{
    char marker[SECTION_MARKER_MAX];
    mark m = {st, v, 0, 0, false};
    int rc = FG_OK;

    memcpy(marker, num.ptr, num.len);
    memcpy(marker + num.len, "、", strlen("、"));
    FG_TRY(fg_parse__close_item(p));
    p->row_open = false;
    FG_TRY(fg_parse__open_item(p, &m, fg_sv(marker, num.len + strlen("、")), line));
out:
    return rc;
}

/*
 * A section row of a delimited table (一<TAB>实施质量提升行动): a bare Chinese numeral in the
 * 序号 cell, the next number of a level (section_style()), and one cell after it, a title
 * that names no unit. It is a heading the rows under it belong to (…:1.1, …:1.2, then 二 and
 * …:2.3), as 一、 is between a table's rows; the table goes on under it. 1 when the row is
 * one (its item made), 0 when not, or a negative code.
 */
static int section_row(parser *p, const fg_strview *cells, size_t n_cells, size_t line)
{
    size_t num = p->num_col;
    size_t title = SIZE_MAX;
    size_t n;
    long v;
    style st;
    int rc = FG_OK;

    if (!p->in_table || p->header_pending || p->rows_unnumbered || num >= n_cells ||
        p->n_cols < 3)
        return 0;
    v = fg_parse__cn_number(cells[num], 0, &n);
    if (v < 1 || n != cells[num].len)
        return 0;
    for (size_t k = 0; k < n_cells; k++) {
        if (k == num || cells[k].len == 0)
            continue;
        if (k < num || title != SIZE_MAX)
            return 0;
        title = k;
    }
    st = section_style(p, v);
    if (title == SIZE_MAX || st == ST_COUNT || all_units(cells[title]) ||
        fg_sv_contains(cells[title], "。"))
        return 0;
    if (cells[num].len + strlen("、") > SECTION_MARKER_MAX)
        return 0;
    FG_TRY(open_section(p, cells[num], st, v, line));
    FG_TRY(fg_parse__append_text(p, cells[title], line));
    FG_TRY(fg_parse__close_item(p));
    p->section_st = st;
    return 1;
out:
    return rc;
}

/*
 * A section row of a table flattened one cell a line (一, then 提升政务服务效能 on the next
 * line), as section_row() reads one separated by tabs: in a table whose first column is its
 * 序号, a bare Chinese numeral where a row's 序号 may stand, the next number of a level
 * (section_style()), and a title on the next line that is no row number, names no unit and
 * holds no 。. The heading is opened; the title line is its text (p->section_title). 1 when
 * the line is one, 0 when not, or a negative code.
 */
static int section_cell(parser *p, fg_strview s, size_t line)
{
    fg_strview title = p->next_cell;
    size_t n;
    long v;
    style st;
    int rc = FG_OK;

    if (p->rows_unnumbered || p->num_col != 0 || p->n_cols < 3 || p->cols[0] != COL_NUM ||
        title.len == 0 || s.len + strlen("、") > SECTION_MARKER_MAX)
        return 0;
    v = fg_parse__cn_number(s, 0, &n);
    if (v < 1 || n != s.len)
        return 0;
    st = section_style(p, v);
    if (st == ST_COUNT || fg_parse__is_row_number(p, title) || all_units(title) ||
        fg_sv_contains(title, "。") || memchr(title.ptr, '\t', title.len) != NULL)
        return 0;
    FG_TRY(open_section(p, s, st, v, line));
    p->section_st = st;
    p->section_title = true;
    return 1;
out:
    return rc;
}

/*
 * The n cells of a blank-separated row (in order, each a piece of one line) with each two
 * that a single ASCII blank separates joined when both are lists of units (all_units()) and
 * neither a header's word (牵头部门 配合部门 stay two columns): in
 * a line whose columns runs of two blanks or more separate, such a blank separates the units
 * of one cell (数字化管理部    财务部 人力资源部 运营管理部    2025年12月), as it does in a
 * labelled line. Returns the new count; linear in n.
 */
static size_t single_blank_units(const fg_lexicon *lx, fg_strview *cells, size_t n)
{
    size_t w = 0;

    for (size_t k = 0; k < n; k++) {
        fg_strview prev = w > 0 ? cells[w - 1] : fg_sv(NULL, 0);

        if (w > 0 && cells[k].ptr == prev.ptr + prev.len + 1 && prev.ptr[prev.len] == ' ' &&
            header_cell(lx, prev) == COL_NONE && header_cell(lx, cells[k]) == COL_NONE &&
            all_units(prev) && all_units(cells[k])) {
            cells[w - 1] = fg_sv(prev.ptr, (size_t)(cells[k].ptr + cells[k].len - prev.ptr));
            continue;
        }
        cells[w++] = cells[k];
    }
    return w;
}

int fg_parse__delimited_row(parser *p, fg_strview s, size_t line, bool *consumed)
{
    fg_strview *cells;
    size_t n_cells = 0;
    size_t start = 0;
    char sep = memchr(s.ptr, '\t', s.len) ? '\t' : s.ptr[0] == '|' ? '|' : ' ';
    int rc = FG_OK;
    long major;
    long minor = 0;
    mark mk;
    size_t num_col;
    size_t shift;

    *consumed = false;
    if (sep == ' ') {
        /*
         * Blank-separated cells (a PDF table): runs of blanks split cells. In a line whose
         * columns wider runs separate, a single blank between two lists of units is inside a
         * cell (财务部 人力资源部 运营管理部 under 配合部门: single_blank_units()).
         */
        bool wide = false;

        for (size_t i = 0; i < s.len;) {
            size_t b;
            size_t gap = i;

            while (i < s.len && fg_parse__is_space_at(s, i, &b))
                i += b;
            wide = wide || i - gap > 1;
            start = i;
            while (i < s.len && !fg_parse__is_space_at(s, i, &b))
                i += fg_cp_len((unsigned char)s.ptr[i]);
            if (i > start) {
                FG_TRY(
                    fg_parse__grow((void **)&p->cells, &p->cap_cells, n_cells, sizeof *p->cells));
                p->cells[n_cells++] = fg_sv(s.ptr + start, i - start);
            }
        }
        if (wide)
            n_cells = single_blank_units(p->units.lex, p->cells, n_cells);
    } else {
        for (size_t i = 0; i <= s.len; i++) {
            if (i == s.len || s.ptr[i] == sep) {
                fg_strview c = fg_parse__trim(fg_sv(s.ptr + start, i - start));

                if (!(sep == '|' && (i == 0 || (i == s.len && c.len == 0)))) {
                    FG_TRY(fg_parse__grow((void **)&p->cells, &p->cap_cells, n_cells,
                                          sizeof *p->cells));
                    p->cells[n_cells++] = c;
                }
                start = i + 1;
            }
        }
    }
    cells = p->cells;
    if (p->in_table && p->next_row == 0 && header_cell(p->units.lex, cells[0]) != COL_NUM) {
        FG_TRY(sub_header(p, cells, n_cells));
        if (rc > 0) {
            *consumed = true;
            return FG_OK;
        }
    }
    if (sep != ' ') {
        FG_TRY(section_row(p, cells, n_cells, line));
        if (rc > 0) {
            *consumed = true;
            return FG_OK;
        }
    }
    if (n_cells < 3)
        return FG_OK;
    if (sep != ' ' && unnumbered_header(p, cells, n_cells)) {
        *consumed = true;
        return fg_parse__start_table(p, cells, n_cells, true);
    }
    num_col = num_column(p, cells, n_cells);
    if (num_col != SIZE_MAX && (num_col == 0 || sep != ' ')) {
        bool has_units = false;

        for (size_t k = 0; k < n_cells; k++) {
            col_kind ck = header_cell(p->units.lex, cells[k]);

            has_units = has_units || ck == COL_LEAD || ck == COL_RESP || ck == COL_CO;
        }
        if (!has_units &&
            !(sep != ' ' && (task_column(p, cells, n_cells) || matrix_header(p, cells, n_cells))))
            return FG_OK;
        *consumed = true;
        FG_TRY(fg_parse__start_table(p, cells, n_cells, false));
        p->num_col = num_col;
        if (sep == ' ')
            head_places(p, n_cells);
        return FG_OK;
    }
    if (!p->in_table && !(p->table_paused && table_goes_on(p, cells, n_cells)))
        return FG_OK;
    p->in_table = true;
    p->table_paused = false;
    if (cells[0].len && cells[0].ptr[0] == '-') {
        *consumed = true; /* |---|---| */
        return FG_OK;
    }
    /* A row whose empty group cells were trimmed off with the line's blanks: \t2\t任务… */
    shift = p->num_col > 0 && !p->rows_unnumbered &&
                    (p->num_col >= n_cells || !row_number(p, cells[p->num_col], &major, &minor)) &&
                    row_number(p, cells[0], &major, &minor)
                ? p->num_col
                : 0;
    num_col = p->num_col - shift < n_cells ? p->num_col - shift : 0;
    if (ledger_repeat(p, cells[num_col])) {
        /* A ledger's next unit of the last row's item: 1 | 任务甲 | A | 牵头, 1 | 任务甲 | B | 配合. */
        p->open = true;
        p->row_open = true;
        p->row_repeat = true;
        p->row_aligned = sep != ' ' && lines_up(p, n_cells, shift == 0);
        p->row_lines = false;
        p->row_first_col = num_col + 1 + shift;
        for (size_t k = num_col + 1; k < n_cells; k++) {
            if (k > num_col + 1)
                FG_TRY(fg_str_appendc(&p->cur_text, '\x1f'));
            FG_TRY(fg_str_append(&p->cur_text, cells[k].ptr, cells[k].len));
        }
        FG_TRY(fg_parse__close_item(p));
        *consumed = true;
        return FG_OK;
    }
    if (p->rows_unnumbered
            ? cells[0].len > 0 && sep != ' ' && !fg_parse__marker_at(cells[0], 0, true, &mk)
            : row_number(p, cells[num_col], &major, &minor) ||
                  (sep != ' ' && record_code(cells[num_col]))) {
        size_t first = p->rows_unnumbered ? 0 : num_col + 1;

        if (p->rows_unnumbered || (minor == 0 && record_code(cells[num_col])))
            major = p->next_row > 0 ? p->next_row : 1;
        FG_TRY(open_row(p, major, minor, p->rows_unnumbered ? fg_sv("", 0) : cells[num_col],
                        line));
        p->row_open = true;
        p->row_aligned = sep != ' ' && lines_up(p, n_cells, shift == 0);
        p->row_lines = false;
        p->row_first_col = first + shift;
        p->row_task_cell = sep == ' ' ? row_places(p, first, n_cells) : 0;
        p->next_row = major + 1;
        for (size_t k = first; k < n_cells; k++) {
            if (k > first)
                FG_TRY(fg_str_appendc(&p->cur_text, '\x1f'));
            FG_TRY(fg_str_append(&p->cur_text, cells[k].ptr, cells[k].len));
        }
        *consumed = true;
        /* Its cells may wrap onto the next lines (fg_parse__wrap_row()): it closes there. */
        if (sep != '|' && !p->rows_unnumbered && first < n_cells)
            FG_TRY(wrap_columns(p, sep == '\t', first));
        if (!p->row_deferred)
            FG_TRY(fg_parse__close_item(p));
    }
out:
    return rc;
}

bool fg_parse__blank_separated(fg_strview s)
{
    size_t runs = 0;
    size_t b;

    for (size_t i = 0; i < s.len;) {
        if (fg_parse__is_space_at(s, i, &b)) {
            runs++;
            while (i < s.len && fg_parse__is_space_at(s, i, &b))
                i += b;
        } else {
            i += fg_cp_len((unsigned char)s.ptr[i]);
        }
    }
    return runs >= 2;
}

bool fg_parse__table_header_start(fg_strview s)
{
    /* 序号 or 编号, perhaps spaced: a short line without 号 is none, and is not squeezed. */
    return (s.len > 40 || fg_sv_contains(s, "号")) && header_cell(NULL, s) == COL_NUM;
}

/* The most columns a label table has (fg_parse__label_table()). */
enum { LABEL_COLS_MAX = 8 };

/*
 * The cells of a line of a label table, in out (cap of them): split at each tab when the line
 * has one (an empty cell keeps its place), else at each run of blanks that is two blanks or
 * more or holds a U+3000 or a U+00A0 (a single blank stays inside a name, as in a name of
 * Latin letters).
 * SIZE_MAX when the line has more than cap cells.
 */
static size_t label_cells(fg_strview s, fg_strview *out, size_t cap)
{
    bool by_tab = memchr(s.ptr, '\t', s.len) != NULL;
    size_t n = 0;
    size_t start = 0;
    size_t i = 0;

    while (i <= s.len) {
        size_t end = i;
        size_t blanks = 0;
        bool wide = false;
        size_t b;

        if (i == s.len) {
            i++;
        } else if (by_tab) {
            if (s.ptr[i++] != '\t')
                continue;
        } else {
            while (i < s.len && fg_parse__is_space_at(s, i, &b)) {
                wide = wide || b > 1;
                blanks++;
                i += b;
            }
            if (blanks == 0)
                i += fg_cp_len((unsigned char)s.ptr[i]);
            if (blanks < 2 && !wide)
                continue;
        }
        if (n == cap)
            return SIZE_MAX;
        out[n++] = fg_parse__trim(fg_sv(s.ptr + start, end - start));
        start = i;
    }
    return n;
}

/* Whether every one of n cells (two or more) is a role label that names units: a header. */
static bool label_header(const parser *p, const fg_strview *cells, size_t n)
{
    if (n < 2)
        return false;
    for (size_t k = 0; k < n; k++) {
        col_kind ck = cells[k].len ? header_cell(p->units.lex, cells[k]) : COL_NONE;

        if (ck != COL_LEAD && ck != COL_CO && ck != COL_RESP)
            return false;
    }
    return true;
}

/*
 * Whether n cells are a row of the open label table: a cell for each label (fewer when
 * by_tab: its empty cells keep their places, the last ones trimmed off), each cell empty or a
 * list of units and no label, and one at least not empty.
 */
static bool label_units(const parser *p, const fg_strview *cells, size_t n, bool by_tab)
{
    bool any = false;
    mark mk;

    if (n == 0 || n > p->n_label_cols || (n < p->n_label_cols && !by_tab) ||
        fg_parse__marker_at(cells[0], 0, true, &mk))
        return false;
    for (size_t k = 0; k < n; k++) {
        if (cells[k].len == 0)
            continue;
        if (header_cell(p->units.lex, cells[k]) != COL_NONE || !all_units(cells[k]))
            return false;
        any = true;
    }
    return any;
}

int fg_parse__label_table(parser *p, fg_strview *s, bool *consumed)
{
    fg_strview cells[LABEL_COLS_MAX];
    size_t n = SIZE_MAX;
    bool by_tab = memchr(s->ptr, '\t', s->len) != NULL;
    int rc = FG_OK;

    *consumed = false;
    if (p->in_table || p->header_pending || s->len > 600) {
        p->n_label_cols = 0;
        return FG_OK;
    }
    if (p->raw_line.len > 0 && memchr(p->raw_line.ptr, '\t', p->raw_line.len) != NULL) {
        /* The line as written: the tabs of its empty cells at its edges are kept. */
        by_tab = true;
        n = label_cells(p->raw_line, cells, LABEL_COLS_MAX);
        while (n != SIZE_MAX && n > 0 && cells[n - 1].len == 0)
            n--;
    } else if (by_tab || fg_sv_contains(*s, "\u3000") || fg_sv_contains(*s, "  ") ||
               fg_sv_contains(*s, "\u00a0")) { /* a web page's &nbsp; */
        n = label_cells(*s, cells, LABEL_COLS_MAX);
    }
    if (n == SIZE_MAX) {
        p->n_label_cols = 0;
        return FG_OK;
    }
    if (label_header(p, cells, n)) {
        fg_str_clear(&p->label_head);
        for (size_t k = 0; k < n; k++) {
            FG_TRY(fg_str_append(&p->label_head, cells[k].ptr, cells[k].len));
            FG_TRY(fg_str_appendc(&p->label_head, '\x1f'));
        }
        p->n_label_cols = n;
        *consumed = true;
        return FG_OK;
    }
    if (p->n_label_cols == 0 || !label_units(p, cells, n, by_tab)) {
        p->n_label_cols = 0;
        return FG_OK;
    }
    /* Each unit cell after its label, as the label lines 牵头单位：A and 配合单位：B read. */
    fg_str_clear(&p->label_row);
    for (size_t k = 0, at = 0; k < n; k++) {
        const char *end = memchr(p->label_head.ptr + at, '\x1f', p->label_head.len - at);
        size_t len = (size_t)(end - (p->label_head.ptr + at));

        if (cells[k].len > 0) {
            if (p->label_row.len > 0)
                FG_TRY(fg_str_append(&p->label_row, "；", strlen("；")));
            FG_TRY(fg_str_append(&p->label_row, p->label_head.ptr + at, len));
            FG_TRY(fg_str_append(&p->label_row, "：", strlen("：")));
            FG_TRY(fg_str_append(&p->label_row, cells[k].ptr, cells[k].len));
        }
        at += len + 1;
    }
    *s = fg_sv(p->label_row.ptr, p->label_row.len);
out:
    return rc;
}

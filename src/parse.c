/*
 * Parsing: decoded text → numbered items, responsibility clauses and work teams.
 *
 * One pass over the lines. Each line is cleaned (markup tags and edge whitespace removed,
 * table-of-contents lines dropped), then either opens a part (附件N or 附表N, an annex title from
 * the attachment list, or a restart of the top numbering), opens an item (a numbering
 * marker at the line start, or inside the line when the number continues its sequence:
 * anywhere in flat text, elsewhere at brackets, after 。；） and at the number before
 * ． . 、), or continues the current item. Flat text is a flat document or a line of
 * FLAT_LINE bytes or more; it is read as lines too, its paragraphs being separated by
 * runs of U+3000. Levels follow the fixed order of Chinese official documents (第X部分 >
 * 第X章 > 第X节 > 第X条 > Ⅰ． > 一、 > （一） > 1． or ⒈ > 1.1 > 1.1.1 > （1） or ⑴ > 1） > ① >
 * A． > a．; capitals right below Ⅰ． when Roman numerals or capitals number the top level, as
 * in the outline Ⅰ．A．1．a．), so a marker closes every open item of its level or below
 * (1.1, 1.1.1, 1）, Roman numerals and letters only at a line's start, and never before a
 * measure: 1.5万, 1.2%; a decimal's last number is its own).
 * An item's own text is its lines joined with no separator (PDF page breaks fall inside
 * words); when an item closes, its title is cut, its clauses
 * are found (parentheticals, labelled blocks, role sentences), put in text order and
 * handed to clause.c, and work-team paragraphs are read. Flattened tables (one cell per
 * line under a 序号/牵头单位 header) become one item per row. What the grammar could not
 * read is noted (fg_doc.notes): a parenthetical or labelled block with a role word and no
 * clause, a label the lexicon lacks, a first-listed-lead phrase not taken as a declaration,
 * a unit name that reads like a sentence. Everything is linear in the input: each byte is
 * looked at a bounded number of times.
 *
 * This file holds the line loop, items, line-level structure, deadlines and targets, and
 * builds the fg_doc; numbering markers are read in parse_number.c, clauses found and notes
 * made in parse_clause.c, work teams read in parse_team.c, tables in parse_table.c and the
 * document's metadata in parse_meta.c. parse_int.h is what they share: the parser state,
 * the character helpers and the functions one file gives another.
 */
#include "fengong/parse.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
#include <emmintrin.h>
#endif

#include "chars.h"
#include "clause.h"
#include "error.h"
#include "fengong/deadline.h"
#include "fengong/target.h"
#include "parse_int.h"
#include "unwrap.h"
#include "str.h"

/* ---- parser state ---- */

int fg_parse__add_col(parser *p, col_kind k)
{
    int rc = fg_parse__grow((void **)&p->cols, &p->cap_cols, p->n_cols, sizeof *p->cols);

    if (rc == FG_OK)
        rc = fg_parse__grow((void **)&p->col_units, &p->cap_col_units, p->n_cols,
                            sizeof *p->col_units);
    if (rc < 0)
        return rc;
    p->col_units[p->n_cols] = fg_sv(NULL, 0);
    p->cols[p->n_cols++] = k;
    return FG_OK;
}

size_t fg_parse__next_unit_col(const parser *p, size_t k)
{
    while (k < p->n_cols && p->cols[k] != COL_LEAD && p->cols[k] != COL_CO &&
           p->cols[k] != COL_RESP && p->cols[k] != COL_UNKNOWN)
        k++;
    return k;
}

const char *fg_parse__part_name(parser *p)
{
    if (p->part_copy == NULL)
        p->part_copy = fg_parse__arena_dup(p, fg_sv_cstr(p->part));
    return p->part_copy;
}

/*
 * The items and teams read so far, all of part M, are of part A1 (a file that opens with
 * 附件1 and holds more annexes after it): their paths M:… become A1:….
 */
static int main_part_is_annex(parser *p)
{
    const char *a1 = fg_parse__arena_dup(p, fg_sv_cstr("A1"));

    if (a1 == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->n_items; i++) {
        pitem *it = &p->items[i];
        /* "A1" and what follows the M: at most sizeof p->part + ST_COUNT * 22 bytes. */
        char path[sizeof p->part + 2 + ST_COUNT * 22];
        size_t n = strlen(it->path);

        if (n + 2 > sizeof path)
            return fg_error_set(FG_EINVAL, "item path too long");
        memcpy(path, "A1", 2);
        memcpy(path + 2, it->path + 1, n - 1);
        it->path = fg_parse__arena_dup(p, fg_sv(path, n + 1));
        if (it->path == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        it->part = a1;
    }
    for (size_t t = 0; t < p->n_teams; t++)
        p->teams[t].part = a1;
    p->lone_annex = false;
    return FG_OK;
}

/*
 * Character sets of this file, built once (ensure_sets()), which also has the other files
 * build theirs.
 */
static struct {
    fg_charscan label_ends;  /* ：】〕: where a deadline label may end (label_due_value()) */
} sets;

static void sets_init(void)
{
    fg_parse__clause_sets_init();
    fg_parse__meta_sets_init();
    fg_charscan_init(&sets.label_ends, "：】〕", strlen("：】〕"));
    fg_parse__number_sets_init();
    fg_parse__team_sets_init();
}

static void ensure_sets(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, sets_init);
}

/* ---- items ---- */

/*
 * Whether the text after a long first line finishes a word cut by a page break: a fragment
 * of at most 8 characters, with no comma, before the first 。 ("…服务平台建" + "设。").
 */
static bool continues_word(fg_strview t, size_t first_len)
{
    fg_strview rest = fg_sv(t.ptr + first_len, t.len - first_len);
    size_t k;
    size_t n_cps = 0;

    /* A heading alone is short (总体要求); a line cut by a page break runs the full width. */
    for (size_t i = 0; i < first_len; i += fg_cp_len((unsigned char)t.ptr[i]))
        n_cps++;
    if (n_cps < 16)
        return false;
    /* Only a 。 at offset 24 or less counts: no need to look further than its end. */
    k = fg_sv_find(fg_sv(rest.ptr, rest.len < 24 + 3 ? rest.len : 24 + 3), "。");
    if (k == SIZE_MAX || k > 24)
        return false;
    rest.len = k;
    return !fg_sv_contains(rest, "，") && !fg_sv_contains(rest, "、");
}

/*
 * Whether the first line is a line of a wrapped paragraph (PDF text breaks every line at
 * the page width) rather than a heading alone: it is at least 60% as long as the line
 * after it.
 */
static bool wrapped_line(const parser *p, fg_strview t)
{
    size_t first_cps;
    size_t second_end;

    if (p->n_lm < 2)
        return false;
    second_end = p->n_lm > 2 ? p->lm[2].off : t.len;
    first_cps = fg_parse__cps_upto(fg_sv(t.ptr, p->first_line_len), SIZE_MAX - 1);
    /* second * 6 <= first * 10 exactly when second <= first * 10 / 6: count no further. */
    return fg_parse__cps_upto(fg_sv(t.ptr + p->lm[1].off, second_end - p->lm[1].off),
                              first_cps * 10 / 6) <= first_cps * 10 / 6;
}

/* A title without the separators it may end with (推进试点工作，). */
static fg_strview trim_title(fg_strview s)
{
    s = fg_parse__trim(s);
    while (fg_sv_ends(s, "，") || fg_sv_ends(s, "、") || fg_sv_ends(s, "；") ||
           fg_sv_ends(s, "：") || fg_sv_ends(s, ",") || fg_sv_ends(s, ";"))
        s = fg_parse__trim(
            fg_sv(s.ptr, s.len - (fg_sv_ends(s, ",") || fg_sv_ends(s, ";") ? 1 : 3)));
    return s;
}

/* Whether s holds any of 。，；：（( — what a heading alone never holds. One pass. */
static bool has_sentence_punct(fg_strview s)
{
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];

        if (c == '(' || (c == 0xE3 && AT(s, i, "。")) ||
            (c == 0xEF && (AT(s, i, "，") || AT(s, i, "；") || AT(s, i, "：") || AT(s, i, "（"))))
            return true;
    }
    return false;
}

/* The first character start at or after pos in valid UTF-8 t, or t.len. */
static size_t cp_start_from(fg_strview t, size_t pos)
{
    if (pos >= t.len)
        return t.len;
    while (pos < t.len && ((unsigned char)t.ptr[pos] & 0xC0) == 0x80)
        pos++;
    return pos;
}

/* The title: the marker line when it is a heading alone, else text up to the first 。. */
static fg_strview item_title(const parser *p, fg_strview t)
{
    fg_strview first = fg_sv(t.ptr, p->first_line_len);
    size_t end = t.len;
    size_t k;

    if (p->n_lines > 1 && first.len > 0 && !has_sentence_punct(first) &&
        !continues_word(t, first.len) && !wrapped_line(p, t))
        return trim_title(first);
    k = fg_sv_find(t, "。");
    if (k != SIZE_MAX)
        end = k;
    /*
     * A clause is not part of the title: cut at the first bracket holding a role word (the
     * text up to its closing bracket, at most 900 bytes on). Only brackets are looked at.
     */
    for (size_t i = fg_parse__next_bracket_before(t, 0, end); i < end;
         i = fg_parse__next_bracket_before(t, i + fg_cp_len((unsigned char)t.ptr[i]), end)) {
        size_t n;

        if (fg_parse__clause_open(t, i, &n)) {
            size_t limit = cp_start_from(t, i + 900);
            size_t close = i + n;
            size_t cn;

            while (close < limit) {
                close = fg_parse__next_bracket_before(t, close, limit);
                if (close == limit || fg_parse__clause_close(t, close, &cn))
                    break;
                close += fg_cp_len((unsigned char)t.ptr[close]);
            }
            if (close > limit)
                close = limit;
            if (fg_clause__has_role_word(p->units.lex, fg_sv(t.ptr + i, close - i))) {
                end = i;
                break;
            }
        }
    }
    return trim_title(fg_sv(t.ptr, end));
}

/*
 * Put the n clauses of one item in the order they start in its text: fg_parse__find_clauses() finds
 * the parentheticals before the sentences and labelled blocks between them. Insertion
 * sort, stable: an item has a handful of clauses, and they are mostly in order already.
 */
static void sort_clauses(pclause *c, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        pclause x = c[i];
        size_t j = i;

        while (j > 0 && c[j - 1].off > x.off) {
            c[j] = c[j - 1];
            j--;
        }
        c[j] = x;
    }
}

/*
 * The units after the dash at i (t at i holds ——) when nothing but names follows it (separated
 * by 、 or ，, none with a 的, 为 or 是) up to the end of its sentence (a 。 ； or ;): *seg those
 * names; false for a dash that explains (——即…) or one before a role sentence. A list whose
 * sentence does not end t must follow its task's words on the line: a line that opens with a
 * dash and runs on (——坚持以人民为中心。坚持…) is a point of a list, and its words no units.
 * The lines of t are p's item's (p->lm), or t's own when p is NULL.
 */
static bool dash_units(const parser *p, fg_strview t, size_t i, fg_strview *seg)
{
    size_t from = i + strlen("——");
    size_t end = t.len;
    size_t k = fg_parse__find_from(t, from, "。");
    size_t k2 = fg_parse__find_from(t, from, "；");
    size_t before = i;
    size_t b;

    if (k2 < k)
        k = k2;
    for (size_t j = from; j < t.len && j < k; j++) {
        if (t.ptr[j] == ';' && fg_parse__semicolon_ends(t, j)) {
            k = j;
            break;
        }
    }
    if (k != SIZE_MAX)
        end = k;
    *seg = fg_parse__trim(fg_sv(t.ptr + from, end - from));
    if (seg->len == 0 || seg->len > 600)
        return false;
    if (end < t.len) {
        fg_strview after = fg_parse__trim(fg_sv(t.ptr + end, t.len - end));

        while (after.len >= 1 && (fg_sv_starts(after, "。") || fg_sv_starts(after, "；") ||
                                  fg_sv_starts(after, ";"))) {
            size_t w = after.ptr[0] == ';' ? 1 : 3;

            after = fg_parse__trim(fg_sv(after.ptr + w, after.len - w));
        }
        /* more text after the list: the dash must follow words of its line */
        while (before > 0) {
            size_t c = before - 1;

            while (c > 0 && ((unsigned char)t.ptr[c] & 0xC0) == 0x80)
                c--;
            if (!fg_parse__is_space_at(t, c, &b) || t.ptr[c] == '\n')
                break;
            before = c;
        }
        if (after.len > 0 && (before == 0 || t.ptr[before - 1] == '\n' ||
                              (p != NULL && fg_parse__lines_upto(p, before) > 0 &&
                               p->lm[fg_parse__lines_upto(p, before) - 1].off == before)))
            return false;
    }
    for (size_t j = 0, elem = 0; j <= seg->len;) {
        if (j == seg->len || AT(*seg, j, "、") || AT(*seg, j, "，")) {
            fg_strview name = fg_parse__trim(fg_sv(seg->ptr + elem, j - elem));

            if (!fg_clause__looks_like_unit(name) || fg_clause__sentence_like(name))
                return false;
            if (j == seg->len)
                break;
            j += 3;
            elem = j;
            continue;
        }
        j += fg_cp_len((unsigned char)seg->ptr[j]);
    }
    return true;
}

/* The index of the next dash (——) of t at or after i, past a longer dash's first dashes. */
static size_t next_dash(fg_strview t, size_t i)
{
    i = fg_parse__find_from(t, i, "——");
    while (i != SIZE_MAX && i + 6 < t.len && AT(t, i + 6, "—"))
        i += 3;
    return i;
}

/*
 * Whether t holds a dash list (dash_units()): a paragraph whose task names the units it falls
 * to after a dash, 打造完整社区试点10个。——市民政局、各区人民政府 or …20家——市文化广电旅游局。
 */
static bool has_dash_list(fg_strview t)
{
    fg_strview seg;

    for (size_t i = next_dash(t, 0); i != SIZE_MAX; i = next_dash(t, i + 6))
        if (dash_units(NULL, t, i, &seg))
            return true;
    return false;
}

/*
 * Units named after a dash at the end of a task's sentence, in a task with no clause of its
 * own (推进城市更新。——市住房城乡建设局、市自然资源和规划局; 改造农村公路300公里——市交通运输局。
 * 新增公交线路15条——市交通运输局、市公安局。): the units it falls to, read as a plain list (co,
 * the first lead where the document declares it), a clause for each dash (dash_units()).
 */
static int dash_clause(parser *p, fg_strview t)
{
    bool found = false;
    int rc = FG_OK;

    for (size_t i = next_dash(t, 0); i != SIZE_MAX; i = next_dash(t, i + 6)) {
        fg_strview seg;

        if (dash_units(p, t, i, &seg))
            FG_TRY(fg_parse__try_clause(p, seg, (size_t)(seg.ptr - t.ptr), FG_CLAUSE_BARE_LIST,
                                        &found));
    }
out:
    return rc;
}

/* Whether an item's whole text t is one unit's name, heading a list of that unit's tasks. */
static bool is_unit_heading(fg_strview t)
{
    fg_strview name = fg_parse__trim(t);

    while (name.len >= 3 && (fg_sv_ends(name, "：") || fg_sv_ends(name, "。")))
        name.len -= 3;
    if (name.len == 0 || name.len > 60 || !fg_clause__looks_like_unit(name) ||
        fg_clause__sentence_like(name) || fg_clause__kind(name) == FG_KIND_GROUP)
        return false;
    /* a team's group (综合协调组, 工作专班) heads its duties, which are not tasks of a unit */
    if (fg_sv_ends(name, "组") || fg_sv_ends(name, "班") || fg_sv_ends(name, "会"))
        return false;
    /* one name: no line break, and no 、 or ， outside its brackets (各县（市、区）人民政府) */
    for (size_t i = 0, depth = 0; i < name.len; i++) {
        if (AT(name, i, "（") || name.ptr[i] == '(')
            depth++;
        else if ((AT(name, i, "）") || name.ptr[i] == ')') && depth > 0)
            depth--;
        else if (name.ptr[i] == '\n' || (depth == 0 && (AT(name, i, "、") || AT(name, i, "，"))))
            return false;
    }
    return true;
}

/*
 * A list by unit (一、市发展改革委 / 1．牵头推进…。 / 2．…。): what a task with no clause of its
 * own, written as a sentence (ending in 。 ； ; or .: a sub-heading, （一）重大项目, is not
 * one), makes of the unit whose heading it is under: （UNIT负责）, or （UNIT牵头） when it
 * starts with 牵头, 总牵头 or 负总责, or （UNIT牵头，Y按职责分工负责） when it starts with 会同Y
 * (the unit is the subject of 会同, as in X会同Y负责). Noted on it (the item being closed, its
 * own text t) for unit_heading_clauses(), which knows the whole list of headings.
 */
static int unit_task(parser *p, pitem *it, fg_strview t)
{
    fg_strview task = fg_parse__trim(t);

    it->unit_heading = is_unit_heading(t);
    if (it->unit_heading || task.len == 0 || it->parent == FG_NO_PARENT ||
        !(fg_sv_ends(task, "。") || fg_sv_ends(task, "；") || fg_sv_ends(task, ";") ||
          fg_sv_ends(task, ".")))
        return FG_OK;
    it->by_unit = UNIT_TASK_CO;
    if (fg_sv_starts(task, "牵头") || fg_sv_starts(task, "总牵头") || fg_sv_starts(task, "负总责"))
        it->by_unit = UNIT_TASK_LEAD;
    if (fg_sv_starts(task, "会同")) {
        fg_strview rest = fg_sv(task.ptr + 6, task.len - 6);
        size_t n = fg_clause__unit_list_prefix(rest);

        it->by_unit = UNIT_TASK_LEAD;
        if (n > 0) {
            it->with = fg_parse__arena_dup(p, fg_sv(rest.ptr, n));
            if (it->with == NULL)
                return fg_error_set(FG_ENOMEM, "out of memory");
            it->by_unit = UNIT_TASK_WITH;
        }
    }
    return FG_OK;
}

/* A unit heading, sorted by the list it is in: its parent, then its part. */
typedef struct heading_ref {
    size_t parent;
    uintptr_t part;
    size_t item;
} heading_ref;

static int cmp_heading(const void *a, const void *b)
{
    const heading_ref *x = a;
    const heading_ref *y = b;

    if (x->parent != y->parent)
        return x->parent < y->parent ? -1 : 1;
    if (x->part != y->part)
        return x->part < y->part ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

/*
 * The clauses of the tasks under unit headings (unit_task()), once the document is read: a
 * heading counts when at least one other heading beside it (same parent, same part) is a
 * unit's name too, as in a list by unit; a lone heading that only looks like a name (防范化解
 * 重大风险: 险 ends 保险 companies) does not. Each task takes its nearest counting heading.
 */
static int unit_heading_clauses(parser *p)
{
    heading_ref *h = NULL;
    size_t n = 0;
    fg_str synth = FG_STR_INIT;
    int rc = FG_OK;

    for (size_t i = 0; i < p->n_items; i++)
        if (p->items[i].unit_heading)
            n++;
    if (n < 2)
        return FG_OK;
    h = malloc(n * sizeof *h);
    FG_CHECK_ALLOC(h);
    n = 0;
    for (size_t i = 0; i < p->n_items; i++)
        if (p->items[i].unit_heading)
            h[n++] = (heading_ref){p->items[i].parent, (uintptr_t)p->items[i].part, i};
    qsort(h, n, sizeof *h, cmp_heading);
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;

        while (b < n && h[b].parent == h[a].parent && h[b].part == h[a].part)
            b++;
        for (size_t k = a; k < b; k++)
            p->items[h[k].item].unit_heading = b - a >= 2;
        a = b;
    }
    for (size_t i = 0; i < p->n_items; i++) {
        pitem *it = &p->items[i];
        const pitem *head = NULL;
        size_t first = p->n_clauses;
        bool found = false;

        if (it->by_unit == UNIT_TASK_NONE || it->n_clauses > 0)
            continue;
        for (size_t up = it->parent; up != FG_NO_PARENT && head == NULL; up = p->items[up].parent)
            if (p->items[up].unit_heading)
                head = &p->items[up];
        if (head == NULL)
            continue;
        fg_str_clear(&synth);
        FG_TRY(fg_str_append(&synth, head->title, strlen(head->title)));
        FG_TRY(fg_str_append(&synth, it->by_unit == UNIT_TASK_CO ? "负责" : "牵头", 6));
        if (it->by_unit == UNIT_TASK_WITH) {
            FG_TRY(fg_str_append(&synth, "，", 3));
            FG_TRY(fg_str_append(&synth, it->with, strlen(it->with)));
            FG_TRY(fg_str_append(&synth, "按职责分工负责", 21));
        }
        p->cur = i;
        it->clause_first = first;
        FG_TRY(fg_parse__try_clause_as(p, fg_sv(synth.ptr, synth.len), fg_sv_cstr(head->title), 0,
                                       0, &found));
        it = &p->items[i];
        if (it->n_clauses > 0)
            p->clauses[it->clause_first].line = it->line;
    }
out:
    fg_str_dispose(&synth);
    free(h);
    return rc;
}

/* A number at t[i]: Chinese (三), ASCII or full-width digits, in a bracket or not; or -1. */
static long range_number(fg_strview t, size_t i, size_t *len)
{
    size_t j = i;
    size_t n = 0;
    long v;

    if (AT(t, j, "（") || AT(t, j, "("))
        j += t.ptr[j] == '(' ? 1 : 3;
    v = fg_parse__cn_number(t, j, &n);
    if (v < 0)
        v = fg_parse__arabic_number(t, j, &n, 2);
    if (v < 0)
        return -1;
    j += n;
    if (j > i + n && (AT(t, j, "）") || AT(t, j, ")")))
        j += t.ptr[j] == ')' ? 1 : 3;
    *len = j - i;
    return v;
}

/*
 * Whether clause text t opens with a look back over the items before it (以上任务均由X牵头…,
 * 上述两项分别由X、Y负责, 以上两项：X牵头…): 以上 or 上述, then up to 12 characters and 由,
 * or 项 and a ： or ，. *count gets the number of items it names (两项: 2), or 0 for all of
 * them since the last heading; a range (（三）至（五）项, 第1至2项, 第1—2项) sets *lo and *hi
 * to the numbers of the items it names, else they are 0; *each is set when 分别 hands out its
 * units one an item, in order.
 */
static bool looks_back(fg_strview t, long *count, long *lo, long *hi, bool *each)
{
    size_t n = 0;

    *count = 0;
    *lo = *hi = 0;
    *each = false;
    t = fg_parse__trim(t);
    if (!(fg_sv_starts(t, "以上") || fg_sv_starts(t, "上述")))
        return false;
    for (size_t i = 6, next; i < t.len && n < 12; i = next, n++) {
        size_t len;
        long v = fg_parse__cn_number(t, i, &len);

        next = i + fg_cp_len((unsigned char)t.ptr[i]);
        if (v > 1 && v < 50 && AT(t, i + len, "项")) {
            *count = v;
            i += len;
            next = i + 3;
        } else if (*lo == 0 && (AT(t, i, "第") || AT(t, i, "（") || AT(t, i, "(") ||
                                (i == 6 && range_number(t, i, &len) > 0))) {
            size_t j = i + (AT(t, i, "第") ? 3 : 0);
            size_t l1;
            size_t l2;
            long a = range_number(t, j, &l1);

            if (a > 0) {
                size_t k = j + l1;
                size_t sep = AT(t, k, "至") || AT(t, k, "—") || AT(t, k, "－") ? 3
                             : AT(t, k, "-") || AT(t, k, "~")                  ? 1
                                                                               : 0;
                long b = sep ? range_number(t, k + sep, &l2) : -1;

                if (sep && b > a && b - a < 50) {
                    *lo = a;
                    *hi = b;
                    next = k + sep + l2;
                    continue;
                }
            }
        }
        if (AT(t, i, "。") || AT(t, i, "；") || t.ptr[i] == ';')
            return false;
        if (AT(t, i, "，") || AT(t, i, "：") || t.ptr[i] == ',' || t.ptr[i] == ':')
            /* 以上两项：X牵头…: the look back ends at its 项. */
            return i >= 3 && AT(t, i - 3, "项");
        if (AT(t, i, "由")) {
            *each = fg_sv_find(fg_sv(t.ptr, i), "分别") != SIZE_MAX ||
                    AT(t, i + 3, "分别") || fg_sv_find(t, "分别负责") != SIZE_MAX ||
                    fg_sv_find(t, "分别牵头") != SIZE_MAX;
            return true;
        }
    }
    return false;
}

/* The number of an item: the last number of its path (M:2.3.5: 5), or -1. */
static long item_number(const pitem *it)
{
    const char *d = it->path ? strrchr(it->path, '.') : NULL;

    if (d == NULL)
        d = it->path ? strrchr(it->path, ':') : NULL;
    return d != NULL && d[1] >= '0' && d[1] <= '9' ? strtol(d + 1, NULL, 10) : -1;
}

/*
 * Append to p->clauses a copy of *pc (not an element of p->clauses, which may move) for
 * another item, standing after that item's own text of text_len bytes (a clause's off is
 * into its item's text).
 */
static int copy_clause(parser *p, const pclause *pc, size_t text_len)
{
    int rc =
        fg_parse__grow((void **)&p->clauses, &p->cap_clauses, p->n_clauses, sizeof *p->clauses);

    if (rc < 0)
        return rc;
    p->clauses[p->n_clauses] = *pc;
    p->clauses[p->n_clauses].off = text_len;
    p->n_clauses++;
    return FG_OK;
}

/*
 * A clause that looks back (looks_back(): 以上任务均由区行政审批局牵头，区数据局配合) after
 * a flat list is every listed item's: the items before its own at its level, back to the
 * first one that has a clause of its own or the heading above them (or as many as it names),
 * get a copy of it; with 分别 and one unit an item, each item gets its own unit, in order.
 */
static int shared_clauses(parser *p)
{
    size_t *targets = NULL;
    size_t cap = 0;
    int rc = FG_OK;

    for (size_t i = 0; i < p->n_items; i++) {
        /* c steps on unless the clause at c left the item (the next one is then at c). */
        for (size_t c = 0, next; c < p->items[i].n_clauses; c = next) {
            pclause pc = p->clauses[p->items[i].clause_first + c];
            size_t n = 0;
            long count;
            long lo;
            long hi;
            long own = item_number(&p->items[i]);
            bool each;
            bool keep = true; /* the item that holds the clause is one of those it names */

            next = c + 1;
            if (!looks_back(fg_sv(pc.text, pc.text_len), &count, &lo, &hi, &each))
                continue;
            if (lo > 0) {
                /* （三）至（五）项 in item 5 names 3 to 5; 第1至2项 in item 3 names 1 and 2. */
                if (own < lo || own > hi + 1)
                    continue;
                keep = own == hi;
                count = hi - lo + 1 + (keep ? 0 : 1);
            }
            /* The items before i at its level, nearest first, while they have no clause. */
            for (size_t j = i; j-- > 0 && (count == 0 || (long)n + 1 < count);) {
                const pitem *it = &p->items[j];

                if (it->depth > p->items[i].depth)
                    continue;
                if (it->depth < p->items[i].depth || it->parent != p->items[i].parent ||
                    it->n_clauses > 0)
                    break;
                FG_TRY(fg_parse__grow((void **)&targets, &cap, n, sizeof *targets));
                targets[n++] = j;
            }
            if (n == 0 || (count > 0 && (long)n + 1 != count) ||
                (each && pc.n_units != n + (keep ? 1 : 0)))
                continue;
            if (!keep) {
                /* The clause is the items' before, not its holder's: it leaves the holder. */
                pitem *holder = &p->items[i];

                memmove(&p->clauses[holder->clause_first + c],
                        &p->clauses[holder->clause_first + c + 1],
                        (holder->n_clauses - c - 1) * sizeof *p->clauses);
                holder->n_clauses--;
                next = c;
            }
            /* targets[] is nearest first: item targets[n - 1 - k] is the k-th listed. */
            for (size_t k = 0; k < n; k++) {
                pitem *it = &p->items[targets[n - 1 - k]];

                FG_TRY(copy_clause(p, &pc, it->text_len));
                if (each) {
                    p->clauses[p->n_clauses - 1].unit_first = pc.unit_first + k;
                    p->clauses[p->n_clauses - 1].n_units = 1;
                }
                it->clause_first = p->n_clauses - 1;
                it->n_clauses = 1;
            }
            if (each && keep) {
                pclause *held = &p->clauses[p->items[i].clause_first + c];

                held->unit_first = pc.unit_first + n;
                held->n_units = 1;
            }
        }
    }
out:
    free(targets);
    return rc;
}

/*
 * The length of the subject at t's start that names a part of the document: 本 此 or 该 and
 * 部分 章 节 方面 领域 板块 专题 or 篇 (本部分, 该节, 此方面); 0 when there is none. 本项 names
 * one item, not a part.
 */
static size_t part_subject(fg_strview t)
{
    static const fg_lit parts[] = {FG_LIT("部分"), FG_LIT("章"),   FG_LIT("节"),
                                   FG_LIT("方面"), FG_LIT("领域"), FG_LIT("板块"),
                                   FG_LIT("专题"), FG_LIT("篇")};

    if (!(fg_sv_starts(t, "本") || fg_sv_starts(t, "此") || fg_sv_starts(t, "该")))
        return 0;
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        if (fg_sv_at(t, 3, parts[k].s, parts[k].n))
            return 3 + parts[k].n;
    return 0;
}

/*
 * Whether clause text t says it is the clause of the items of its part: 以下 or 下列 (以下各项均由X
 * 牵头), or a part's subject (part_subject(): 本部分任务由X牵头，Y具体落实; 本章 本节 本方面), then
 * 由 within 12 characters and no ，。；：before it. *closing is set when a part's subject opens it,
 * which may also close the part's items (本部分工作由X牵头 after the last of them).
 */
static bool looks_forward(fg_strview t, bool *closing)
{
    size_t i = 0;

    *closing = false;
    t = fg_parse__trim(t);
    if (fg_sv_starts(t, "以下") || fg_sv_starts(t, "下列")) {
        i = 6;
    } else {
        i = part_subject(t);
        if (i == 0)
            return false;
        *closing = true;
    }
    for (size_t n = 0; i < t.len && n < 12; i += fg_cp_len((unsigned char)t.ptr[i]), n++) {
        if (AT(t, i, "由"))
            return true;
        if (AT(t, i, "，") || AT(t, i, "。") || AT(t, i, "；") || AT(t, i, "：") ||
            t.ptr[i] == ',' || t.ptr[i] == ';' || t.ptr[i] == ':')
            return false;
    }
    return false;
}

/* Whether a clause of item it gives a unit the lead. */
static bool has_lead(const parser *p, const pitem *it)
{
    for (size_t c = 0; c < it->n_clauses; c++) {
        const pclause *pc = &p->clauses[it->clause_first + c];

        for (size_t u = 0; u < pc->n_units; u++)
            if (p->units.v[pc->unit_first + u].role == FG_ROLE_LEAD)
                return true;
    }
    return false;
}

/*
 * Item j's clauses again at the end of p->clauses, each with the units of *shared before its
 * own (an own unit already named there left out) and its text after the shared one's: the
 * heading's lead and the item's 配合单位 make one assignment.
 */
static int merge_shared(parser *p, size_t j, const pclause *shared, fg_str *buf)
{
    pitem *it = &p->items[j];
    size_t first = p->n_clauses;
    int rc = FG_OK;

    for (size_t c = 0; c < it->n_clauses; c++) {
        pclause pc = p->clauses[it->clause_first + c];
        size_t u0 = p->units.n;

        FG_TRY(fg_units_reserve(&p->units, shared->n_units + pc.n_units, 0));
        for (size_t u = 0; u < shared->n_units; u++)
            p->units.v[p->units.n++] = p->units.v[shared->unit_first + u];
        for (size_t u = 0; u < pc.n_units; u++) {
            fg_unit un = p->units.v[pc.unit_first + u];
            bool named = false;

            for (size_t v = 0; v < shared->n_units && !named; v++) {
                const fg_unit *sv = &p->units.v[shared->unit_first + v];

                named = sv->len == un.len &&
                        memcmp(p->units.names.ptr + sv->off, p->units.names.ptr + un.off,
                               un.len) == 0;
            }
            if (!named)
                p->units.v[p->units.n++] = un;
        }
        fg_str_clear(buf);
        FG_TRY(fg_str_append(buf, shared->text, shared->text_len));
        FG_TRY(fg_str_append(buf, "；", 3));
        FG_TRY(fg_str_append(buf, pc.text, pc.text_len));
        pc.text = fg_parse__arena_dup(p, fg_sv(buf->ptr, buf->len));
        if (pc.text == NULL)
            FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
        pc.text_len = buf->len;
        pc.unit_first = u0;
        pc.n_units = p->units.n - u0;
        if (pc.due == NULL)
            pc.due = shared->due;
        FG_TRY(copy_clause(p, &pc, pc.off));
    }
    it = &p->items[j];
    it->clause_first = first;
out:
    return rc;
}

/*
 * A heading's clause that says it is its items' (looks_forward(): 一、X（以下各项均由Y牵头）,
 * or under the heading 本部分任务由Y牵头，Z具体落实。) is the clause of every item under the
 * heading that has no item under it: an item with no clause gets a copy of it; one whose own
 * clauses give no lead (配合单位：W) gets it merged into each of them, the shared units first
 * (one clause: Y lead, Z and W co); one that names its own lead keeps its own. The heading
 * then keeps the clause only when no item took it. A part's subject closing the last item under
 * a heading (1.… 2.… 本部分工作由Y牵头，Z配合。) is the heading's clause so, that item keeping
 * its own copy. Headings are read from the last one, so that a deeper heading's own shared
 * clause wins over the one above it.
 */
static int forward_clauses(parser *p)
{
    fg_str buf = FG_STR_INIT;
    int rc = FG_OK;

    for (size_t i = p->n_items; i-- > 0;) {
        for (size_t c = 0, next; c < p->items[i].n_clauses; c = next) {
            pclause pc = p->clauses[p->items[i].clause_first + c];
            size_t h = i;
            pitem *hd;
            bool taken = false;
            bool closing;

            next = c + 1;
            if (i + 1 >= p->n_items || p->items[i + 1].parent != i) {
                /* No item under it: a part's subject closing the heading's last item. */
                h = p->items[i].parent;
                if (h == FG_NO_PARENT ||
                    (i + 1 < p->n_items && p->items[i + 1].depth > p->items[h].depth))
                    continue;
            }
            if (!looks_forward(fg_sv(pc.text, pc.text_len), &closing) || (h != i && !closing))
                continue;
            for (size_t j = h + 1; j < p->n_items && p->items[j].depth > p->items[h].depth;
                 j++) {
                pitem *it = &p->items[j];

                if (j == i || (j + 1 < p->n_items && p->items[j + 1].parent == j) ||
                    has_lead(p, it))
                    continue;
                if (it->n_clauses == 0) {
                    FG_TRY(copy_clause(p, &pc, it->text_len));
                    it = &p->items[j];
                    it->clause_first = p->n_clauses - 1;
                    it->n_clauses = 1;
                } else {
                    FG_TRY(merge_shared(p, j, &pc, &buf));
                }
                taken = true;
            }
            if (!taken || h != i)
                continue;
            hd = &p->items[i];
            memmove(&p->clauses[hd->clause_first + c], &p->clauses[hd->clause_first + c + 1],
                    (hd->n_clauses - c - 1) * sizeof *p->clauses);
            hd->n_clauses--;
            next = c;
        }
    }
out:
    fg_str_dispose(&buf);
    return rc;
}

/*
 * 同上 (the same as above) after a list's items: an item with （同上） and no clause of its
 * own gets copies of the clauses of the item before it at its level; a unit named 同上
 * (牵头单位：同上, a table's cell) stands for the units of its role in that item's clauses.
 * A 同上 with nothing above it gives no unit.
 */
static int same_as_above(parser *p)
{
    int rc = FG_OK;

    for (size_t i = 1; i < p->n_items; i++) {
        pitem *it = &p->items[i];
        const pitem *pv;
        size_t prev = SIZE_MAX;
        bool any = false;

        for (size_t c = 0; c < it->n_clauses && !any; c++) {
            const pclause *pc = &p->clauses[it->clause_first + c];

            for (size_t u = 0; u < pc->n_units && !any; u++) {
                const fg_unit *un = &p->units.v[pc->unit_first + u];

                any = fg_clause__same_as_above(fg_sv(p->units.names.ptr + un->off, un->len));
            }
        }
        if (!any && !it->same_above)
            continue;
        /* The item before at its level, while the ones between are deeper. */
        for (size_t j = i; j-- > 0;) {
            if (p->items[j].depth > it->depth)
                continue;
            if (p->items[j].depth == it->depth && p->items[j].n_clauses > 0)
                prev = j;
            break;
        }
        if (it->same_above) {
            if (prev == SIZE_MAX)
                continue;
            for (size_t c = 0; c < p->items[prev].n_clauses; c++) {
                pclause pc = p->clauses[p->items[prev].clause_first + c];

                FG_TRY(copy_clause(p, &pc, p->items[i].text_len));
            }
            p->items[i].clause_first = p->n_clauses - p->items[prev].n_clauses;
            p->items[i].n_clauses = p->items[prev].n_clauses;
            continue;
        }
        /* Each clause's units again, at the end of p->units, with every 同上 replaced. */
        pv = prev != SIZE_MAX ? &p->items[prev] : NULL;
        for (size_t c = 0; c < it->n_clauses; c++) {
            pclause *pc = &p->clauses[it->clause_first + c];
            size_t first = p->units.n;
            size_t n_label;
            /* 责任单位：同上: a resp label's 同上 is every unit above, each with its role. */
            bool all_roles = fg_clause__label_at(p->units.lex, fg_sv(pc->text, pc->text_len), 0,
                                                 &n_label) == FG_LABEL_RESP;

            for (size_t u = 0; u < pc->n_units; u++) {
                fg_unit un = p->units.v[pc->unit_first + u];

                if (!fg_clause__same_as_above(fg_sv(p->units.names.ptr + un.off, un.len))) {
                    FG_TRY(fg_units_reserve(&p->units, 1, 0));
                    p->units.v[p->units.n++] = un;
                    continue;
                }
                for (size_t d = 0; pv != NULL && d < pv->n_clauses; d++) {
                    const pclause *pd = &p->clauses[pv->clause_first + d];

                    FG_TRY(fg_units_reserve(&p->units, pd->n_units, 0));
                    for (size_t v = 0; v < pd->n_units; v++)
                        if (all_roles || p->units.v[pd->unit_first + v].role == un.role)
                            p->units.v[p->units.n++] = p->units.v[pd->unit_first + v];
                }
            }
            pc->unit_first = first;
            pc->n_units = p->units.n - first;
        }
    }
out:
    return rc;
}

int fg_parse__close_item(parser *p)
{
    pitem *it;
    fg_strview t;
    bool teams;
    bool heading;
    int rc = FG_OK;

    if (!p->open)
        return FG_OK;
    if (p->row_open)
        return fg_parse__finish_row(p);
    it = &p->items[p->cur];
    t = fg_sv(p->cur_text.ptr ? p->cur_text.ptr : "", p->cur_text.len);
    /*
     * fg_parse__find_clauses() blanks the parentheticals of cur_text, and the teams are read from
     * the text as written: from the item's copy, or under no_text from item_copy, made only when
     * the text may hold a team.
     */
    /* A team's heading over its list (综合协调组, then 组长单位：X) is no task. */
    heading = fg_parse__team_heading(t);
    p->team_item = heading || fg_parse__team_signal(t);
    teams = !p->no_teams && p->team_item;
    if (!p->no_text) {
        it->text = fg_parse__arena_dup(p, t);
        if (it->text == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
    } else if (teams) {
        fg_str_clear(&p->item_copy);
        FG_TRY(fg_str_append(&p->item_copy, t.ptr, t.len));
    }
    it->text_len = t.len;
    it->title = fg_parse__arena_dup(p, item_title(p, t));
    if (it->title == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    it->clause_first = p->n_clauses;
    it->n_clauses = 0;
    p->may_label = false;
    it->same_above = false;
    if (p->cur_text.len > 0 && !heading)
        FG_TRY(fg_parse__find_clauses(p, p->cur_text.ptr, p->cur_text.len));
    it = &p->items[p->cur];
    it->may_label = p->may_label;
    it->same_above = it->same_above && it->n_clauses == 0;
    if (it->n_clauses == 0 && !heading)
        FG_TRY(dash_clause(p, t));
    it = &p->items[p->cur];
    if (it->n_clauses == 0 && !heading)
        FG_TRY(unit_task(p, it, t));
    sort_clauses(p->clauses + it->clause_first, it->n_clauses);
    if (teams) {
        t = fg_sv(p->no_text ? p->item_copy.ptr : it->text, t.len);
        FG_TRY(fg_parse__find_teams(p, t, p->lm, p->n_lm, it->line));
    }
    p->open = false;
out:
    fg_str_clear(&p->cur_text);
    p->unit_lines = UL_NONE;
    p->n_lm = 0;
    return rc;
}

int fg_parse__append_text(parser *p, fg_strview s, size_t line)
{
    int rc;

    if (s.len == 0)
        return FG_OK;
    if (!p->open) {
        rc = fg_parse__grow((void **)&p->pre_lm, &p->cap_pre_lm, p->n_pre_lm, sizeof *p->pre_lm);
        if (rc < 0)
            return rc;
        p->pre_lm[p->n_pre_lm].off = p->pre_text.len;
        p->pre_lm[p->n_pre_lm].line = line;
        p->n_pre_lm++;
        rc = fg_str_append(&p->pre_text, s.ptr, s.len);
        return rc;
    }
    rc = fg_parse__grow((void **)&p->lm, &p->cap_lm, p->n_lm, sizeof *p->lm);
    if (rc < 0)
        return rc;
    /*
     * 责任单位： alone on its line, then one unit a line: the units are one list (a 、 ends
     * each but the last), so that the line break after a complete name does not end it.
     */
    if (p->unit_lines != UL_NONE && s.len <= 120 && fg_clause__looks_like_unit(s) &&
        !fg_sv_contains(s, "：")) {
        if (p->unit_lines == UL_UNIT && (rc = fg_str_append(&p->cur_text, "、", 3)) < 0)
            return rc;
        p->unit_lines = UL_UNIT;
    } else {
        size_t n = 0;
        size_t at = 0;
        fg_label_role r = FG_LABEL_NONE;

        if (s.len >= 9 && (fg_sv_ends(s, "：") || fg_sv_ends(s, ":"))) {
            /* The label alone, or after the task's last sentence (…完成整改。责任单位如下：). */
            for (size_t k = 0; k + 3 <= s.len; k += fg_cp_len((unsigned char)s.ptr[k]))
                if (AT(s, k, "。") || AT(s, k, "；"))
                    at = k + 3;
            at = fg_parse__skip_blanks(s, at);
            r = fg_clause__label_at(p->units.lex, s, at, &n);
        }
        p->unit_lines = (r == FG_LABEL_LEAD || r == FG_LABEL_CO || r == FG_LABEL_RESP ||
                         r == FG_LABEL_UNKNOWN) && at + n == s.len
                            ? UL_LABEL
                            : UL_NONE;
    }
    p->lm[p->n_lm].off = p->cur_text.len;
    p->lm[p->n_lm].line = line;
    p->n_lm++;
    p->n_lines++;
    return fg_str_append(&p->cur_text, s.ptr, s.len);
}

bool fg_parse__minor_style(style st)
{
    return st == ST_ARABIC || st == ST_DECIMAL || st == ST_DECIMAL2 || st == ST_PAREN_ARABIC ||
           st == ST_HALF_PAREN || st == ST_LOWER;
}

/*
 * The rank of a style in the level order: its place in the enum, but for letters. Capitals
 * sit right below the Roman numerals, above 一、, when the part's top numbering is Roman (the
 * outline Ⅰ．A．1．a．) or the capitals themselves, and small letters there when they are
 * the top numbering; elsewhere letters are the finest levels (A、B、C under 1． or ①).
 */
static int rank_of(const parser *p, style st)
{
    if ((st == ST_UPPER || st == ST_LOWER) && p->has_root &&
        (p->root_style == st || (st == ST_UPPER && p->root_style == ST_ROMAN)))
        return 2 * (int)ST_ROMAN + 1;
    return 2 * (int)st;
}

static void start_part(parser *p, int annex_no)
{
    p->part_copy = NULL;
    p->cur_team = SIZE_MAX;
    p->annex_no = annex_no;
    p->table_part = false;
    if (annex_no > 0)
        snprintf(p->part, sizeof p->part, "A%d", annex_no);
    else
        snprintf(p->part, sizeof p->part, "M");
    p->depth = 0;
    for (size_t k = 0; k < ST_COUNT; k++)
        p->last_num[k] = 0;
    p->has_root = false;
    p->root_max = 0;
    p->cn_ordinal = false;
    p->point_items = false;
    p->in_table = false;
    p->table_paused = false;
    p->header_pending = false;
}

/* v in decimal at out (at least 21 bytes), as "%ld" prints it; returns the length. */
static size_t format_long(char *out, long v)
{
    char tmp[24];
    size_t n = 0;
    size_t k = 0;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (v < 0)
        out[k++] = '-';
    while (n > 0)
        out[k++] = tmp[--n];
    return k;
}

int fg_parse__open_item(parser *p, const mark *m, fg_strview marker_text, size_t line)
{
    mark as_letter;
    pitem *it;
    /* "A12:" and at most ST_COUNT numbers of up to 20 digits, a sign and a dot each. */
    char path[sizeof p->part + 1 + ST_COUNT * 22];
    size_t path_len;
    int rc = FG_OK;

    FG_TRY(fg_parse__close_item(p));
    FG_TRY(fg_parse__flush_pre_teams(p));
    /* I. V. X. right after the letter before them (H. U. W.) are letters, not numerals. */
    if (m->st == ST_ROMAN && m->letter > 0 && p->last_num[ST_UPPER] == m->letter - 1) {
        as_letter = (mark){ST_UPPER, m->letter, m->len, 0, false};
        m = &as_letter;
    }
    /* Restart of the top numbering: a new part (an annex without a 附件 line). */
    if (p->has_root && m->st == p->root_style && m->num == 1 && p->root_max >= 1 &&
        m->st != ST_ROW)
        start_part(p, p->annex_no + 1);
    while (p->depth > 0 && rank_of(p, p->stack[p->depth - 1].st) >= rank_of(p, m->st))
        p->depth--;
    if (p->depth == 0 && !p->has_root) {
        p->has_root = true;
        p->root_style = m->st;
    }
    if (m->st == p->root_style && m->num > p->root_max && p->depth == 0)
        p->root_max = m->num;
    FG_TRY(fg_parse__grow((void **)&p->items, &p->cap_items, p->n_items, sizeof *p->items));
    it = &p->items[p->n_items];
    memset(it, 0, sizeof *it);
    p->stack[p->depth].st = m->st;
    p->stack[p->depth].num = m->num;
    p->stack[p->depth].item = p->n_items;
    p->depth++;
    p->last_num[m->st] = m->num;

    path_len = strlen(p->part);
    memcpy(path, p->part, path_len);
    path[path_len++] = ':';
    for (size_t k = 0; k < p->depth; k++) {
        if (k)
            path[path_len++] = '.';
        path_len += format_long(path + path_len, p->stack[k].num);
    }
    it->path = fg_parse__arena_dup(p, fg_sv(path, path_len));
    it->part = fg_parse__part_name(p);
    it->marker = fg_parse__arena_dup(p, fg_parse__trim(marker_text));
    if (it->path == NULL || it->part == NULL || it->marker == NULL)
        FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
    it->parent = p->depth > 1 ? p->stack[p->depth - 2].item : FG_NO_PARENT;
    it->depth = (int)p->depth;
    it->line = line;
    p->cur = p->n_items;
    p->n_items++;
    p->open = true;
    p->n_lines = 0;
    p->first_line_len = 0;
out:
    return rc;
}

/* Where an inline marker may start: after 。；;！？ or a closing bracket or quote. */
static bool inline_boundary(fg_strview s, size_t i)
{
    static const char *const before[] = {"。", "；", "！", "？", "）", ")", "”", "：", NULL};

    if (i >= 1 && s.ptr[i - 1] == ';')
        return fg_parse__semicolon_ends(s, i - 1);

    for (size_t k = 0; before[k]; k++) {
        size_t n = strlen(before[k]);

        if (i >= n && memcmp(s.ptr + i - n, before[k], n) == 0)
            return true;
    }
    return false;
}

/*
 * Whether an inline marker (not at a line start) continues the numbering: the next
 * number of its style, or 1 for a level below the current one. With may_restart (after
 * a boundary or an annex header, see inline_marker_at()), a 1 of the top level is a
 * restart too: an annex whose own numbering starts again, which fg_parse__open_item() makes a new
 * part. Elsewhere 一、 is as likely to be 统一、规范.
 */
static bool inline_plausible(const parser *p, const mark *m, bool may_restart)
{
    if (m->st == ST_CIRCLED || m->st == ST_ARTICLE || m->st == ST_ROW ||
        m->st == ST_DECIMAL || m->st == ST_DECIMAL2 || m->st == ST_HALF_PAREN)
        return false;
    if (m->num == p->last_num[m->st] + 1)
        return true;
    if (may_restart && m->num == 1 && p->has_root && m->st == p->root_style &&
        p->root_max >= 2)
        return true;
    for (size_t k = 0; k < p->depth; k++)
        if (p->stack[k].st == m->st)
            return m->num == p->stack[k].num + 1;
    if (m->num == 1)
        return p->depth == 0 || rank_of(p, m->st) > rank_of(p, p->stack[p->depth - 1].st);
    return false;
}

/*
 * A marker distinctive enough to start an item right after ordinary text: 一、 （一）
 * 第一章, 1． or 1、 with a full-width separator, and a half-width 1. before an ideograph
 * (1.5 is a decimal, 1.实施 a number: documents typed with half-width punctuation).
 */
static bool strong_marker(fg_strview s, size_t j, const mark *m)
{
    size_t n;

    /*
     * A half-width 1. before a character other than ASCII, after any blanks (m->len counts
     * them): fg_parse__marker_at() ruled out a digit right after the dot.
     */
    if (m->st == ST_ARABIC)
        return fg_parse__arabic_number(s, j, &n, 3) >= 0 &&
               (AT(s, j + n, "．") || AT(s, j + n, "、") ||
                (AT(s, j + n, ".") && j + m->len < s.len &&
                 (unsigned char)s.ptr[j + m->len] >= 0x80));
    return m->st == ST_CN || m->st == ST_PAREN_CN || m->st == ST_CHAPTER ||
           m->st == ST_SECTION || m->st == ST_PAREN_ARABIC;
}

/*
 * Whether s[j] follows an annex header and title run into the text (…（此件主动公开）
 * 附件1XX重点任务分工一、…): 附件 and a number, then at most 150 bytes of title without
 * ，。；;, between lo and j. The search goes back those 150 bytes and no further.
 */
static bool after_annex_header(fg_strview s, size_t j, size_t lo)
{
    size_t from = j > lo + 150 ? j - 150 : lo;
    size_t k = j;
    size_t n;

    while (k >= from + 6) {
        k--;
        if (AT(s, k, "附件"))
            break;
        if (AT(s, k, "，") || AT(s, k, "。") || AT(s, k, "；") || s.ptr[k] == ';')
            return false;
    }
    if (!AT(s, k, "附件"))
        return false;
    k = fg_parse__skip_blanks(s, k + 6);
    return fg_parse__arabic_number(s, k, &n, 2) > 0 || fg_parse__cn_number(s, k, &n) > 0;
}

/*
 * Whether the 第X条 at s[j] cites an article instead of numbering one, by what comes before
 * it: a word that cites (依照第十二条, 根据, 违反, 适用 …), a text's name (本办法第三条,
 * 《条例》第五条), or a list of articles or a range (第三条、第五条, 第三条至第五条, 和第四条).
 */
static bool article_cited_before(fg_strview s, size_t j)
{
    static const char *const verbs[] = {"依照", "按照", "根据", "依据", "违反", "适用", "参照",
                                        "对照", "遵守", "执行", "援引", "引用", "符合", NULL};
    static const char *const texts[] = {"法", "办法", "规定", "条例", "细则", "规则", "意见",
                                        "方案", "决定", "通知", "章", "节", "制度", "规程",
                                        "标准", "实施细则", NULL};
    static const char *const singles[] = {"》", "、", "和", "及", "与", "或", "至", "同", "第", "见",
                                          "前", "依", "按", "照", "据", "款", "项", NULL};

    for (size_t k = 0; singles[k]; k++) {
        size_t n = strlen(singles[k]);

        if (j >= n && memcmp(s.ptr + j - n, singles[k], n) == 0)
            return true;
    }
    for (size_t k = 0; verbs[k]; k++)
        if (j >= 6 && memcmp(s.ptr + j - 6, verbs[k], 6) == 0)
            return true;
    for (size_t k = 0; texts[k]; k++) {
        size_t n = strlen(texts[k]);

        if (j >= n + 3 && memcmp(s.ptr + j - n, texts[k], n) == 0 &&
            AT(s, j - n - 3, "本"))
            return true;
    }
    return false;
}

/*
 * 第X条 at s[j] inside a line, as fg_parse__marker_at() reads it at a line's start, when it numbers
 * an article (a statute whose line breaks were lost: …制定本规定。第二条　各区县…, …第二章　部门
 * 职责第三条　…) and does not cite one (article_cited_before(), article_cited_after(): 第三条
 * 规定, 第二条第（三）项, 第五条所列): a blank follows it, or it follows a sentence end and is
 * not followed by a ， or 之 (第十条之一, an article inserted, numbers nothing that
 * continues). The caller checks that the number continues.
 */
static bool article_in_line(fg_strview s, size_t j, mark *m)
{
    static const char *const goes_on[] = {"之", "，", ",", "。", "；", ";", "）", ")", "明确",
                                          "要求", "有关", "等", NULL};
    size_t end;

    if (!AT(s, j, "第") || !fg_parse__marker_form_at(s, j, true, m) || m->st != ST_ARTICLE ||
        article_cited_before(s, j))
        return false;
    /* m->len runs over the blanks after 条 (第二条　), which a citation never has. */
    end = j + strlen("第");
    while (!AT(s, end, "条"))
        end += fg_cp_len((unsigned char)s.ptr[end]);
    if (j + m->len > end + strlen("条"))
        return true;
    if (!inline_boundary(s, j))
        return false;
    for (size_t k = 0; goes_on[k]; k++)
        if (fg_sv_at_str(s, j + m->len, goes_on[k]))
            return false;
    return true;
}

/*
 * 第X项 at s[j] inside a line, as fg_parse__marker_at() reads it at a line's start (a title after
 * a blank or a ：, 、 or ．: 第二项：落实补助), continuing the numbering of the items before it,
 * after a sentence end or a colon (…为协助单位。第二项：…, 如下:第一项: lines run together) or
 * followed by a blank, and citing no item (article_cited_before(): 按第二项：, 依照第二项、; a
 * title that starts with 第 is a list of citations, 第二项、第三项). 第二项任务, 按第二项要求
 * have no separator at all.
 */
static bool item_in_line(const parser *p, fg_strview s, size_t j, mark *m)
{
    size_t end;

    if (!AT(s, j, "第") || !fg_parse__marker_form_at(s, j, true, m) || m->st != ST_ITEM ||
        m->num != p->last_num[ST_ITEM] + 1 || article_cited_before(s, j))
        return false;
    end = j + m->len;
    if (AT(s, end, "第"))
        return false;
    return inline_boundary(s, j) || (j > 0 && s.ptr[j - 1] == ':') || s.ptr[end - 1] == ' ' ||
           AT(s, end - 3, "\u3000");
}

/*
 * A task's or a problem's number (任务7　, 问题三：) at s[j] inside a line, as
 * fg_parse__marker_at() reads it at a line's start, continuing the numbering of the tasks
 * before it, and after a sentence end (…教育部支持。任务7：深化…: lines run together) or
 * followed by a blank (…分工方案任务1　推行…, a title run into it).
 */
static bool task_in_line(const parser *p, fg_strview s, size_t j, mark *m)
{
    size_t end;

    if (!(AT(s, j, "任务") || AT(s, j, "问题")) || !fg_parse__marker_form_at(s, j, true, m) ||
        m->st != ST_TASK || m->num != p->last_num[ST_TASK] + 1)
        return false;
    end = j + m->len;
    return inline_boundary(s, j) || s.ptr[end - 1] == ' ' || AT(s, end - 3, "\u3000");
}

/*
 * Whether s[j] follows a note's word and its colon (注：, 备注:, 说明：): the number there is
 * a note's (注：1.标*的为牵头单位…), no item's.
 */
static bool after_note_word(fg_strview s, size_t j, size_t lo)
{
    size_t c;

    if (j >= lo + 4 && AT(s, j - 3, "："))
        c = j - 3;
    else if (j >= lo + 4 && s.ptr[j - 1] == ':')
        c = j - 1;
    else
        return false;
    return AT(s, c - 3, "注") || (c >= lo + 6 && (AT(s, c - 6, "说明") || AT(s, c - 6, "备注")));
}

/*
 * A marker at s[j] inside a line that starts an item: it continues the numbering and is
 * after a boundary or distinctive (strong_marker()), not after a note's word
 * (after_note_word()); 第X条 as article_in_line() says, 任务N as task_in_line().
 */
static bool inline_marker_at(const parser *p, fg_strview s, size_t j, size_t lo, mark *m)
{
    if (after_note_word(s, j, lo))
        return false;
    if (!fg_parse__marker_at(s, j, false, m))
        return (article_in_line(s, j, m) && m->num == p->last_num[ST_ARTICLE] + 1) ||
               item_in_line(p, s, j, m) || task_in_line(p, s, j, m);
    if (inline_boundary(s, j))
        return inline_plausible(p, m, true);
    return strong_marker(s, j, m) && inline_plausible(p, m, after_annex_header(s, j, lo));
}

/*
 * Where the number before s[at] starts: 1 to 3 ASCII or full-width digits, after lo and
 * not after another digit; else s.len.
 */
static size_t number_before(fg_strview s, size_t at, size_t lo)
{
    size_t k = at;

    for (int d = 0; d <= 3; d++) {
        bool ascii = k > lo && s.ptr[k - 1] >= '0' && s.ptr[k - 1] <= '9';
        bool wide =
            k >= lo + 3 && (unsigned char)s.ptr[k - 3] == 0xEF && fg_parse__is_digit_at(s, k - 3);

        if (!ascii && !wide)
            return d == 0 ? s.len : k;
        if (d == 3)
            return s.len;   /* a fourth digit: 2024．, not a marker */
        k -= ascii ? 1 : 3;
    }
    return s.len;
}

/*
 * Whether a marker may start at s[j], a character start: ( （ 第, an ASCII or full-width
 * digit, one of the numerals 一 to 十 that start 一、, or 任 and 问 of 任务N and 问题N. A
 * test of a few bytes, where fg_parse__marker_at() costs tens of instructions on each
 * ideograph of flat text.
 */
static bool may_start_marker(fg_strview s, size_t j)
{
    unsigned char c = (unsigned char)s.ptr[j];
    unsigned char c1;
    unsigned char c2;

    if (c == '(' || (c >= '0' && c <= '9'))
        return true;
    if (c < 0xE4 || j + 3 > s.len)
        return false;
    c1 = (unsigned char)s.ptr[j + 1];
    c2 = (unsigned char)s.ptr[j + 2];
    switch (c) {
    case 0xE4: /* 一 E4 B8 80, 七 E4 B8 83, 三 E4 B8 89, 九 E4 B9 9D, 二 E4 BA 8C, 五 E4 BA 94,
                  任 E4 BB BB */
        return (c1 == 0xB8 && (c2 == 0x80 || c2 == 0x83 || c2 == 0x89)) ||
               (c1 == 0xB9 && c2 == 0x9D) || (c1 == 0xBA && (c2 == 0x8C || c2 == 0x94)) ||
               (c1 == 0xBB && c2 == 0xBB);
    case 0xE5: /* 六 E5 85 AD, 八 E5 85 AB, 十 E5 8D 81, 四 E5 9B 9B */
        return (c1 == 0x85 && (c2 == 0xAD || c2 == 0xAB)) || (c1 == 0x8D && c2 == 0x81) ||
               (c1 == 0x9B && c2 == 0x9B);
    case 0xE7: /* 第 E7 AC AC */
        return c1 == 0xAC && c2 == 0xAC;
    case 0xE9: /* 问 E9 97 AE */
        return c1 == 0x97 && c2 == 0xAE;
    case 0xEF: /* （ EF BC 88, ０ to ９ EF BC 90 to 99 */
        return c1 == 0xBC && (c2 == 0x88 || (c2 >= 0x90 && c2 <= 0x99));
    default:
        return false;
    }
}

/* Whether s[i] is one of ( ) . ; （ ） 。 ； ． 、: where next_in_line() looks for a marker. */
static bool line_stop_at(fg_strview s, size_t i)
{
    /* ． . 、 matter only after a digit (number_before()): a list's 、 is let go here. */
    bool after_digit =
        (i >= 1 && s.ptr[i - 1] >= '0' && s.ptr[i - 1] <= '9') ||
        (i >= 3 && (unsigned char)s.ptr[i - 3] == 0xEF && fg_parse__is_digit_at(s, i - 3));

    size_t next;

    if (after_digit && (s.ptr[i] == '.' || AT(s, i, "．") || AT(s, i, "、")))
        return true;
    /*
     * A bracket or a sentence end is a stop only where a marker may follow: an opening
     * bracket before a number ((一), （3）), a closing one or 。； before a marker's start.
     */
    if (s.ptr[i] == '(' || s.ptr[i] == ')' || s.ptr[i] == ';')
        next = i + 1;
    else if (AT(s, i, "（") || AT(s, i, "）") || AT(s, i, "。") || AT(s, i, "；"))
        next = i + 3;
    else
        return false;
    return next < s.len && may_start_marker(s, next);
}

/*
 * The first index >= i of s where line_stop_at() holds, or s.len. Every one of those
 * characters is ( ) . ; or a lead byte E3 or EF whose third byte is 81 82 88 89 8E or 9B
 * (， is not): with SSE2 16 positions are filtered at once, and only candidates looked at.
 */
static size_t next_line_stop(fg_strview s, size_t i)
{
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    for (; i + 18 <= s.len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s.ptr + i));
        __m128i v2 = _mm_loadu_si128((const __m128i *)(s.ptr + i + 2));
        __m128i lead = _mm_or_si128(fg_parse__eq8(v, 0xE3), fg_parse__eq8(v, 0xEF));
        __m128i third = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(fg_parse__eq8(v2, 0x81), fg_parse__eq8(v2, 0x82)),
                         _mm_or_si128(fg_parse__eq8(v2, 0x88), fg_parse__eq8(v2, 0x89))),
            _mm_or_si128(fg_parse__eq8(v2, 0x8E), fg_parse__eq8(v2, 0x9B)));
        __m128i ascii = _mm_or_si128(_mm_or_si128(fg_parse__eq8(v, '('), fg_parse__eq8(v, ')')),
                                     _mm_or_si128(fg_parse__eq8(v, '.'), fg_parse__eq8(v, ';')));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(ascii, _mm_and_si128(lead, third)));

        for (; m != 0; m &= m - 1)
            if (line_stop_at(s, i + (size_t)__builtin_ctz(m)))
                return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];

        if ((c == '(' || c == ')' || c == '.' || c == ';' || c == 0xE3 || c == 0xEF) &&
            line_stop_at(s, i))
            return i;
    }
    return s.len;
}

/*
 * Where the next marker inside a line that is not flat text starts, at or after i (and
 * after seg_start), or s.len. A heading may run into its first sub-item
 * (二、重点任务（一）建设…, （一）做强数字产业集群1．实施…) and items into each other
 * (…负责）（五）强化…, …牵头）2．推进…, …。三、…). A marker is looked for only where one
 * can start: at an opening bracket, after a closing one or 。；, and at the number before
 * a ． . or 、 (next_line_stop()), not at every character as in flat text (reading every
 * document so made extraction twice as slow). The marker must pass inline_marker_at().
 */
static size_t next_in_line(const parser *p, fg_strview s, size_t i, size_t seg_start)
{
    for (size_t at = next_line_stop(s, i); at < s.len; at = next_line_stop(s, at + 1)) {
        size_t k = at;   /* where a marker may start */
        size_t n;
        mark m;

        if (fg_parse__is_close(s, at, &n) || AT(s, at, "。") || AT(s, at, "；") || s.ptr[at] == ';')
            k = at + (s.ptr[at] == ')' || s.ptr[at] == ';' ? 1 : 3);
        else if (AT(s, at, "．") || s.ptr[at] == '.' || AT(s, at, "、"))
            k = number_before(s, at, seg_start);
        if (k > seg_start && k < s.len && may_start_marker(s, k) &&
            inline_marker_at(p, s, k, seg_start, &m))
            return k;
    }
    return s.len;
}

/*
 * Whether a bare ordinal at a line's start (第二　提升服务质效, m->ordinal) numbers a heading:
 * 第一 where the part has no 一、 level yet, then the next number of a level so written. Under
 * 一、 headings 第一，第二， are points of the text.
 */
static bool ordinal_heading(const parser *p, const mark *m)
{
    if (m->num == 1)
        return p->last_num[ST_CN] == 0;
    return p->cn_ordinal && m->num == p->last_num[ST_CN] + 1;
}

static size_t next_ordinal(fg_strview line, size_t from, long next);

/*
 * Whether the line s opens with an ordinal point that numbers an item (一是核定面积。…, then
 * 二是…, 三是… at the starts of the lines after it, the labels under each its own): 一是 where
 * no item nor numbering came before it in the part, then each next number so written. *m
 * receives it as a 一、 (the 是 included). A line that runs its points on as sentences
 * (一是…。二是…。) is left to unnumbered_paragraphs(), which cuts it before each of them; a
 * line of points after a ； (一是…；二是…) is one item.
 */
static bool point_item(parser *p, fg_strview s, mark *m)
{
    size_t n;
    long v;
    bool shi = false;

    /* 是 (E6 98 AF) after a numeral of one to three characters: most lines have none there. */
    for (size_t k = 3; k <= 9 && k + 3 <= s.len && !shi; k += 3)
        shi = (unsigned char)s.ptr[k] == 0xE6 && memcmp(s.ptr + k, "是", 3) == 0;
    if (!shi)
        return false;
    v = fg_parse__cn_number(s, 0, &n);
    if (v <= 0 || !AT(s, n, "是") || n + 3 >= s.len || (unsigned char)s.ptr[n + 3] < 0xE4 ||
        (unsigned char)s.ptr[n + 3] > 0xE9)
        return false;
    if (v == 1 ? p->open || p->depth > 0 || p->n_items > 0 || next_ordinal(s, 0, 2) < s.len
               : !p->point_items || v != p->last_num[ST_CN] + 1)
        return false;
    m->st = ST_CN;
    m->num = v;
    m->len = n + 3;
    m->letter = 0;
    m->ordinal = false;
    p->point_items = true;
    return true;
}

/*
 * The line or paragraph of r that starts at *i (up to a line break or a U+3000, trimmed);
 * *i moves past it and its separator.
 */
static fg_strview next_paragraph(fg_strview r, size_t *i)
{
    size_t e = *i;
    fg_strview line;

    while (e < r.len && r.ptr[e] != '\n' && !AT(r, e, "\u3000"))
        e++;
    line = fg_parse__trim(fg_sv(r.ptr + *i, e - *i));
    *i = e < r.len ? e + (r.ptr[e] == '\n' ? 1 : 3) : e;
    return line;
}

/*
 * Whether the numbering agrees with a 一 OCR gave as a dash (`—、`, `（—）`: m from
 * fg_parse__ocr_marker_at()): it is the first marker of its level (no sibling of its style
 * stands under the levels above it), or the next marker of its style in the rest of the text,
 * before one of a level above it, is 二 (`（二）` after `（—）`). Only a line's start is tried.
 */
static bool ocr_marker_agrees(const parser *p, const mark *m)
{
    fg_strview r = p->rest;
    size_t d = 0;

    while (d < p->depth && rank_of(p, p->stack[d].st) < rank_of(p, m->st))
        d++;
    if (d == p->depth || p->stack[d].st != m->st)
        return true;
    for (size_t i = 0; i < r.len;) {
        fg_strview line = next_paragraph(r, &i);
        mark n;

        if (line.len > 0 && fg_parse__marker_at(line, 0, true, &n) && n.st != ST_ROW) {
            if (n.st == m->st)
                return n.num == 2;
            if (rank_of(p, n.st) < rank_of(p, m->st))
                return false;
        }
    }
    return false;
}

/*
 * Whether numbered notes open at s[k]: a note's word and its colon (注：, 备注:, 说明：), then
 * the marker of the first note (注：1.标*的为牵头单位…, 说明：（1）…, 备注：①…) in a style no
 * open level of p numbers (1. under 1. would be the items'), which *m receives.
 */
static bool note_list_at(const parser *p, fg_strview s, size_t k, mark *m)
{
    size_t c;
    unsigned char c0 = k + 1 < s.len ? (unsigned char)s.ptr[k] : 0;
    unsigned char c1 = k + 1 < s.len ? (unsigned char)s.ptr[k + 1] : 0;

    /* 注 E6 B3, 备 E5 A4, 说 E8 AF: a test of two bytes, as this is asked of every line. */
    if (!((c0 == 0xE6 && c1 == 0xB3) || (c0 == 0xE5 && c1 == 0xA4) || (c0 == 0xE8 && c1 == 0xAF)))
        return false;
    if (AT(s, k, "注"))
        c = k + 3;
    else if (AT(s, k, "备注") || AT(s, k, "说明"))
        c = k + 6;
    else
        return false;
    if (AT(s, c, "："))
        c += 3;
    else if (c < s.len && s.ptr[c] == ':')
        c++;
    else
        return false;
    if (!fg_parse__marker_at(s, c, true, m) || m->st == ST_ROW || m->num != 1)
        return false;
    for (size_t d = 0; d < p->depth; d++)
        if (p->stack[d].st == m->st)
            return false;
    return true;
}

/*
 * The numbered notes at line s (注：1.… then 2.…, note_list_at()): *note, the notes open before
 * s (num 0 for none), becomes the marker of s's first note when s opens them, stays when s
 * goes on with them (the next number in their style, which is a note's, no item's: the
 * result is then true), and is else ended by a line that starts with a marker.
 */
static bool note_list(const parser *p, mark *note, fg_strview s)
{
    mark m;

    if (note->num == 0) {
        /* The usual case, for every line: only a note's word with a number opens them. */
        if (note_list_at(p, s, 0, &m))
            *note = m;
        return false;
    }
    s = fg_parse__trim(s);
    if (note->num > 0 && fg_parse__marker_at(s, 0, true, &m) && m.st == note->st &&
        m.num == note->num + 1) {
        note->num = m.num;
        return true;
    }
    if (note_list_at(p, s, 0, &m)) {
        *note = m;
        return false;
    }
    if ((note->num > 0 && fg_parse__marker_at(s, 0, true, &m)) || fg_parse__note_opens(s))
        note->num = 0;
    return false;
}

/*
 * Where numbered notes run into flat text start in s[from .. to) (…市体育局注：（1）标*的为牵头
 * 单位…。（2）…: note_list_at()), or SIZE_MAX. Only the colons are looked for (a full-width
 * mark's first byte is rare in text; the note's word is read back from each).
 */
static size_t note_list_in(const parser *p, fg_strview s, size_t from, size_t to)
{
    fg_strview r = fg_sv(s.ptr, to);
    size_t best = SIZE_MAX;
    mark m;

    for (int w = 0; w < 2; w++) {
        const char *colon = w == 0 ? "：" : ":";
        size_t n = w == 0 ? 3 : 1;

        for (size_t k = fg_parse__find_from(r, from, colon); k != SIZE_MAX && k < best;
             k = fg_parse__find_from(r, k + n, colon)) {
            size_t at = SIZE_MAX;

            if (k >= from + 6 && (AT(s, k - 6, "备注") || AT(s, k - 6, "说明")))
                at = k - 6;
            else if (k >= from + 3 && AT(s, k - 3, "注"))
                at = k - 3;

            if (at != SIZE_MAX && note_list_at(p, s, at, &m)) {
                best = at;
                break;
            }
        }
    }
    return best;
}

/* Feed one line's content (after any part handling) to the item machinery. */
static bool items_follow(const parser *p);

/*
 * Whether the rest of the text, up to a part of its own (附件2), is all a close: lines that are
 * fg_parse__closing_paragraph() (a note's included), after a note lines with no role word
 * (fg_clause__has_role_word()), and short lines with no role word and no full stop (the
 * issuer, a date). A line run on after the open item's close then ends it there.
 */
static bool close_follows(const parser *p)
{
    fg_strview r = p->rest;
    bool table;
    bool note = false;

    for (size_t i = 0; i < r.len;) {
        size_t e = i;
        fg_strview line;

        while (e < r.len && r.ptr[e] != '\n')
            e++;
        line = fg_parse__trim(fg_sv(r.ptr + i, e - i));
        if (line.len > 0) {
            if (fg_parse__annex_header(line, &table) > 0)
                return true;
            note = note || fg_parse__note_opens(line);
            if (!fg_parse__closing_paragraph(line) &&
                (!(note || (line.len <= 60 * 3 && !fg_sv_contains(line, "。"))) ||
                 fg_clause__has_role_word(p->units.lex, line)))
                return false;
        }
        i = e < r.len ? e + 1 : e;
    }
    return true;
}

static int feed_content(parser *p, fg_strview s, size_t line, bool line_start)
{
    int rc = FG_OK;
    size_t i = 0;
    mark m;

    if (line_start &&
        ((fg_parse__marker_at(s, 0, true, &m) && m.len < s.len + 1 &&
          (!m.ordinal || ordinal_heading(p, &m))) ||
         (fg_parse__ocr_marker_at(s, &m) && ocr_marker_agrees(p, &m)) ||
         point_item(p, s, &m))) {
        p->cn_ordinal = m.st == ST_CN ? m.ordinal : p->cn_ordinal;
        if (p->title_row)
            fg_parse__title_row_level(p, &m);
        FG_TRY(fg_parse__open_item(p, &m, fg_sv(s.ptr, m.len), line));
        i = m.len;
    }
    while (i <= s.len) {
        size_t seg_start = i;
        size_t next = s.len;
        mark nm;

        if (p->flat) {
            /* Find the next inline marker that continues the numbering. */
            for (size_t j = i; j < s.len; j += fg_cp_len((unsigned char)s.ptr[j])) {
                if (!may_start_marker(s, j))
                    continue;
                if (j > seg_start && inline_marker_at(p, s, j, seg_start, &nm)) {
                    next = j;
                    break;
                }
            }
        } else {
            next = next_in_line(p, s, i, seg_start);
        }
        if (next >= s.len && p->open && !p->in_table && !p->row_open) {
            /*
             * …（市数据局牵头）各成员单位要按照职责分工，加强协调配合。 run on in the last
             * item's line (joined text): the close is no part of the item, as on a line of
             * its own (process_line()).
             */
            size_t cut = fg_parse__closing_tail(p->units.lex, fg_sv(s.ptr + i, s.len - i));

            /* 三、保障措施市直各部门要…: the heading's title run into the close. */
            if (cut == SIZE_MAX && p->flat && p->cur_text.len == 0)
                cut = fg_parse__title_close(p->units.lex, fg_sv(s.ptr + i, s.len - i));
            if (cut != SIZE_MAX && (cut > 0 || p->cur_text.len > 0) && !items_follow(p) &&
                close_follows(p)) {
                if (p->n_lines == 0)
                    p->first_line_len = p->cur_text.len + cut;
                FG_TRY(fg_parse__append_text(p, fg_sv(s.ptr + i, cut), line));
                FG_TRY(fg_parse__close_item(p));
                FG_TRY(fg_parse__append_text(p, fg_sv(s.ptr + i + cut, s.len - i - cut), line));
                break;
            }
        }
        if (p->flat && p->open) {
            /* Numbered notes run in (…X注：1.…。2.…): a footnote, no part of the item. */
            size_t k = note_list_in(p, s, seg_start, next);

            if (k != SIZE_MAX) {
                if (p->n_lines == 0)
                    p->first_line_len = p->cur_text.len + (k - seg_start);
                FG_TRY(fg_parse__append_text(p, fg_sv(s.ptr + seg_start, k - seg_start), line));
                FG_TRY(fg_parse__close_item(p));
                seg_start = k;
            }
        }
        if (p->open && p->n_lines == 0)
            p->first_line_len = p->cur_text.len + (next - seg_start);
        FG_TRY(fg_parse__append_text(p, fg_sv(s.ptr + seg_start, next - seg_start), line));
        if (next >= s.len)
            break;
        /* the marker found there again, as inline_marker_at() read it */
        if (!fg_parse__marker_at(s, next, false, &nm) && !article_in_line(s, next, &nm) &&
            !item_in_line(p, s, next, &nm))
            (void)task_in_line(p, s, next, &nm);
        FG_TRY(fg_parse__open_item(p, &nm, fg_sv(s.ptr + next, nm.len), line));
        i = next + nm.len;
    }
out:
    return rc;
}

/* ---- line-level structure ---- */

int fg_parse__annex_header(fg_strview s, bool *table)
{
    size_t j;
    size_t n;
    long v;

    if (table != NULL)
        *table = fg_sv_starts(s, "附表");
    if (!fg_sv_starts(s, "附件") && !fg_sv_starts(s, "附表"))
        return 0;
    j = fg_parse__skip_blanks(s, strlen("附件"));
    if (j == s.len)
        return 1;
    /* 附件： alone on its line */
    if ((AT(s, j, "：") || AT(s, j, ":")) &&
        fg_parse__skip_blanks(s, j + (AT(s, j, ":") ? 1 : 3)) == s.len)
        return 1;
    v = fg_parse__arabic_number(s, j, &n, 2);
    if (v < 0)
        v = fg_parse__cn_number(s, j, &n);
    if (v <= 0)
        return 0;
    {
        size_t after = j + n;

        j = fg_parse__skip_blanks(s, after);
        if (j == s.len)
            return (int)v;
        /* 附件1：XX方案 or 附件1 XX方案 on one line is a header too; 附件2所列任务… is not. */
        if (AT(s, j, "：") || AT(s, j, ":"))
            return (int)v;
        if (j > after && s.len - j <= 120 && !fg_sv_contains(s, "，") && !fg_sv_contains(s, "。"))
            return (int)v;
        return 0;
    }
}

/* A page number or page footer alone on a line: 5, - 5 -, — 5 —, 第 5 页, 第5页 共12页. */
static bool page_number_line(fg_strview s)
{
    size_t i = 0;
    size_t n;
    size_t digits = 0;

    while (i < s.len) {
        if (s.ptr[i] == '-' || s.ptr[i] == ' ' || s.ptr[i] == '\t') {
            i++;
        } else if (AT(s, i, "—") || AT(s, i, "–") || AT(s, i, "－") || AT(s, i, "\u3000")) {
            i += 3;
        } else if (AT(s, i, "第") || AT(s, i, "页") || AT(s, i, "共")) {
            i += 3;
        } else if (fg_parse__arabic_number(s, i, &n, 4) >= 0) {
            i += n;
            digits++;
        } else {
            return false;
        }
    }
    return digits >= 1 && digits <= 2 && s.len <= 40;
}

/*
 * Whether s, a whole line, is an issue number: 2021年第3期 (ASCII or full-width digits, a
 * year of 4 digits and an issue of 1 to 3).
 */
static bool issue_number(fg_strview s)
{
    size_t n;
    size_t j;

    if (fg_parse__arabic_number(s, 0, &n, 4) < 1000 || !AT(s, n, "年第"))
        return false;
    j = n + 6;
    if (fg_parse__arabic_number(s, j, &n, 3) < 0)
        return false;
    j += n;
    return j + 3 == s.len && AT(s, j, "期");
}

/*
 * A gazette's running header or footer alone on a line, skipped like a page number: its
 * title ending in 公报 and its issue number (issue_number()), in either order with blanks
 * between them (××县人民政府公报　　2021年第3期). A line that ends in 期 or 公报 is looked at.
 */
static bool gazette_line(fg_strview s)
{
    size_t a;
    size_t b;
    size_t n;
    fg_strview first;
    fg_strview last;

    /* 期 E6 9C 9F, 报 E6 8A A5: a test of the last byte first */
    if (s.len < 9 || s.len > 150 ||
        ((unsigned char)s.ptr[s.len - 1] != 0x9F && (unsigned char)s.ptr[s.len - 1] != 0xA5) ||
        !(AT(s, s.len - 3, "期") || AT(s, s.len - 6, "公报")))
        return false;
    for (a = 0; a < s.len && !fg_parse__is_space_at(s, a, &n);
         a += fg_cp_len((unsigned char)s.ptr[a]))
        ;
    b = fg_parse__skip_blanks(s, a);
    if (a == s.len || b == s.len)
        return false;
    first = fg_sv(s.ptr, a);
    last = fg_sv(s.ptr + b, s.len - b);
    if (fg_sv_ends(first, "公报") && issue_number(last))
        return true;
    return fg_sv_ends(last, "公报") && issue_number(first) && !fg_parse__has_blank(last);
}

/* Whether s[0..i) ends in a leader: four dots, two ellipses or two middle dots at least. */
static bool ends_in_leader(fg_strview s, size_t i)
{
    return (i >= 4 && memcmp(s.ptr + i - 4, "....", 4) == 0) ||
           (i >= 12 && memcmp(s.ptr + i - 12, "…………", 12) == 0) ||
           (i >= 4 && memcmp(s.ptr + i - 4, "··", 4) == 0);
}

/*
 * A table-of-contents line: leader dots or ellipses then a page number, with any blanks
 * (U+3000 too) between them; or an entry that ends in a long leader, its page number
 * wrapped onto the next line by the page width.
 */
static bool toc_line(fg_strview s)
{
    size_t i = s.len;
    size_t digits = 0;
    size_t n;

    while (i > 0 && s.ptr[i - 1] >= '0' && s.ptr[i - 1] <= '9') {
        i--;
        digits++;
    }
    if (digits == 0)
        return ends_in_leader(s, s.len);
    if (digits > 4)
        return false;
    /* Blanks before the number, read backwards: U+3000 and U+00A0 are 3 and 2 bytes. */
    for (;;) {
        if (i >= 3 && fg_parse__is_space_at(s, i - 3, &n) && n == 3)
            i -= 3;
        else if (i >= 2 && fg_parse__is_space_at(s, i - 2, &n) && n == 2)
            i -= 2;
        else if (i >= 1 && fg_parse__is_space_at(s, i - 1, &n) && n == 1)
            i--;
        else
            break;
    }
    return (i >= 3 && memcmp(s.ptr + i - 3, "...", 3) == 0) ||
           (i >= 6 && memcmp(s.ptr + i - 6, "……", 6) == 0) ||
           (i >= 6 && memcmp(s.ptr + i - 6, "··", 4) == 0);
}

/* "附件：1. X" → record titles; returns true when the line is part of such a list. */
static bool annex_list_line(parser *p, fg_strview s)
{
    /* Only an occurrence at offset 0..4 counts: look no further than that. */
    size_t k = SIZE_MAX;
    size_t j;
    size_t n;

    for (size_t i = 0; i <= 4 && k == SIZE_MAX; i++)
        if (AT(s, i, "附件"))
            k = i;
    if (k != SIZE_MAX && k <= 4) {
        j = k + strlen("附件");
        if (AT(s, j, "：") || AT(s, j, ":")) {
            j = fg_parse__skip_blanks(s, j + (AT(s, j, ":") ? 1 : 3));
            if (fg_parse__arabic_number(s, j, &n, 2) >= 0) {
                p->in_annex_list = true;
                p->n_annex_titles = 0;
                s = fg_sv(s.ptr + j, s.len - j);
            } else {
                return false;
            }
        }
    }
    if (!p->in_annex_list)
        return false;
    {
        mark m;
        size_t t;

        if (!fg_parse__marker_at(s, 0, true, &m) || m.st != ST_ARABIC) {
            p->in_annex_list = false;
            return false;
        }
        t = m.len;
        if (p->n_annex_titles < sizeof p->annex_titles / sizeof p->annex_titles[0] &&
            m.num == (long)p->n_annex_titles + 1)
            p->annex_titles[p->n_annex_titles++] = fg_parse__trim(fg_sv(s.ptr + t, s.len - t));
    }
    return true;
}

/* A line equal to the title of annex N from the attachment list → N, else 0. */
static int annex_title_line(const parser *p, fg_strview s)
{
    for (size_t k = 0; k < p->n_annex_titles; k++)
        if (p->annex_titles[k].len > 0 && fg_sv_eq(s, p->annex_titles[k]))
            return (int)k + 1;
    return 0;
}

/* ---- deadlines and targets ---- */

static const fg_due no_due = {FG_DEADLINE_NONE, FG_EVERY_NONE, "", "", 0, FG_DUE_NONE};

/* out := d, read from text (d->off is into text), with its source. */
static int set_due(fg_arena *a, fg_due *out, const char *text, const fg_deadline *d,
                   fg_due_source src)
{
    out->kind = d->kind;
    out->every = d->every;
    out->year_assumed = d->year_assumed;
    out->source = src;
    out->text = fg_arena_strndup(a, text + d->off, d->len);
    out->date = fg_arena_strndup(a, d->date, strlen(d->date));
    if (out->text == NULL || out->date == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    return FG_OK;
}

/* The last deadline fg_deadline_find() gives in text[from .. to); false when none. */
static bool last_deadline(fg_deadline *out, const char *text, size_t from, size_t to, int year)
{
    fg_deadline d;
    bool found = false;
    bool any = false;

    while (from < to && fg_deadline_find(&d, &found, text, to, from, year) == FG_OK && found) {
        *out = d;
        any = true;
        from = d.off + d.len;
    }
    return any;
}

/*
 * The deadline of a label's value or a table cell v: the last phrase with a deadline marker
 * in it (时间进度：6月启动，12月底前全面完成 → 12月底前), else the phrase it starts with
 * (2024年12月). *out is left as it is when v gives none.
 */
static int due_of_value(fg_arena *a, fg_due *out, const char *v, fg_due_source src, int year)
{
    fg_deadline d;
    size_t len = strlen(v);

    if (!last_deadline(&d, v, 0, len, year)) {
        int rc = fg_deadline_parse(&d, v, len, year);

        if (rc < 0)
            return rc;
        if (d.kind == FG_DEADLINE_NONE)
            return FG_OK;
    }
    return set_due(a, out, v, &d, src);
}

/*
 * The value of a deadline label whose colon or closing bracket is t[i] (完成时限：…,
 * 【时间节点】…): a label word of fg_deadline_label_word() that fg_clause__label_at() reads as a
 * field; its value runs to the next 。；, bracket or label bracket. An empty view when none.
 */
static fg_strview label_due_at(const fg_lexicon *lx, fg_strview t, size_t i)
{
    size_t w = i;
    size_t llen;

    /* The word before it: at most 10 ideographs. */
    while (w >= 3 && i - w < 10 * 3 && (unsigned char)t.ptr[w - 3] >= 0xE4 &&
           (unsigned char)t.ptr[w - 3] <= 0xE9)
        w -= 3;
    if (w >= 3 && (AT(t, w - 3, "【") || AT(t, w - 3, "〔")))
        w -= 3;
    /*
     * The longest word that is a deadline label. Lines are joined with nothing between them,
     * so a label at a line start may follow a name (省科技厅完成时限：): the word is then
     * longer than the label, and its value the same.
     */
    for (size_t k = w; k + 6 <= i; k += 3) {
        size_t ws = AT(t, k, "【") || AT(t, k, "〔") ? k + 3 : k;
        size_t end;

        if (!fg_deadline_label_word(t.ptr + ws, i - ws) ||
            fg_clause__label_at(lx, t, k, &llen) != FG_LABEL_OTHER)
            continue;
        end = k + llen;
        for (size_t j = end; j <= t.len; j++) {
            if (j == t.len || t.ptr[j] == '\n' || AT(t, j, "。") || AT(t, j, "；") ||
                AT(t, j, "）") || AT(t, j, "【") || t.ptr[j] == ';' || t.ptr[j] == ')')
                return fg_parse__trim(fg_sv(t.ptr + end, j - end));
        }
    }
    return fg_sv(NULL, 0);
}

/*
 * The value of the first deadline label in t (label_due_at() at each ： : 】 〕), or an empty
 * view. Only those characters are visited: one vector scan finds them.
 */
static fg_strview label_due_value(const fg_lexicon *lx, fg_strview t)
{
    const char *colon = memchr(t.ptr, ':', t.len);
    size_t half = colon != NULL ? (size_t)(colon - t.ptr) : t.len;
    size_t i = 0;

    for (;;) {
        size_t c = fg_charscan_next(&sets.label_ends, t.ptr, t.len, i, t.len);
        fg_strview v;

        if (half < c)
            c = half;
        if (c >= t.len)
            return fg_sv(NULL, 0);
        if (t.ptr[c] == ':' || AT(t, c, "：") || AT(t, c, "】") || AT(t, c, "〕")) {
            v = label_due_at(lx, t, c);
            if (v.ptr != NULL)
                return v;
        }
        i = c + fg_cp_len((unsigned char)t.ptr[c]);
        if (c == half) {
            colon = i < t.len ? memchr(t.ptr + i, ':', t.len - i) : NULL;
            half = colon != NULL ? (size_t)(colon - t.ptr) : t.len;
        }
    }
}

/* The targets of text, copied into the arena: *out and *n_out (NULL and 0 when none). */
static int item_targets(parser *p, fg_item_target **out, size_t *n_out, fg_strview text)
{
    fg_arena *a = p->arena;
    size_t n = 0;
    size_t from = 0;
    bool found = false;
    fg_item_target *v;

    *out = NULL;
    *n_out = 0;
    for (;;) {
        int rc = fg_parse__grow((void **)&p->targets, &p->cap_targets, n, sizeof *p->targets);

        if (rc < 0)
            return rc;
        if (fg_target_find(&p->targets[n], &found, text.ptr, text.len, from) != FG_OK || !found)
            break;
        from = p->targets[n].off + p->targets[n].len;
        n++;
    }
    if (n == 0)
        return FG_OK;
    v = fg_arena_alloc(a, n * sizeof *v);
    if (v == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t k = 0; k < n; k++) {
        const fg_target t = p->targets[k];

        v[k].text = fg_arena_strndup(a, text.ptr + t.off, t.len);
        v[k].subject = fg_arena_strndup(a, text.ptr + t.subject_off, t.subject_len);
        v[k].unit = fg_arena_strndup(a, t.unit, strlen(t.unit));
        if (v[k].text == NULL || v[k].subject == NULL || v[k].unit == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        v[k].change = t.change;
        v[k].bound = t.bound;
        v[k].value = t.value;
        v[k].value_hi = t.value_hi;
    }
    *out = v;
    *n_out = n;
    return FG_OK;
}

/*
 * Where the sentence that t ends with starts (the clause after t follows it): after the last
 * 。！？ before the one that ends t, not before floor. Only that sentence is searched for the
 * clause's deadline: a task's earlier sentences set their own.
 */
static size_t sentence_before(fg_strview t, size_t floor)
{
    size_t k = t.len;
    bool seen_text = false;

    while (k > floor) {
        size_t b = k - 1;

        while (b > floor && ((unsigned char)t.ptr[b] & 0xC0) == 0x80)
            b--;
        if (AT(t, b, "。") || AT(t, b, "！") || AT(t, b, "？")) {
            if (seen_text)
                return k;
        } else if (!(t.ptr[b] == ' ' || t.ptr[b] == '\n')) {
            seen_text = true;
        }
        k = b;
    }
    return floor;
}

/*
 * The deadlines of item it (from pi) and of its clauses, and its targets: an item's
 * deadline comes from its table cell or a deadline label of its text; a clause's from its
 * own deadline label, its own text, the task text between the clause before it and it, or
 * else its item's.
 */
static int item_tracking(parser *p, fg_item *it, const pitem *pi, int year)
{
    fg_arena *a = p->arena;
    size_t prev_end = 0;
    size_t item_len = pi->text != NULL ? pi->text_len : 0;
    int rc = FG_OK;

    it->deadline = no_due;
    if (pi->due != NULL) {
        FG_TRY(due_of_value(a, &it->deadline, pi->due, FG_DUE_COLUMN, year));
    } else if (pi->may_label) {
        /* A label outside parentheticals (those inside are their clauses'). */
        fg_strview v = label_due_value(p->units.lex, fg_sv(it->text, strlen(it->text)));

        if (v.len > 0) {
            char *copy = fg_arena_strndup(a, v.ptr, v.len);

            FG_CHECK_ALLOC(copy);
            FG_TRY(due_of_value(a, &it->deadline, copy, FG_DUE_LABEL, year));
        }
    }
    for (size_t c = 0; c < it->n_clauses; c++) {
        const pclause *pc = &p->clauses[pi->clause_first + c];
        fg_clause *cl = &it->clauses[c];
        size_t text_len = pc->text_len;
        fg_deadline d;

        cl->deadline = no_due;
        if (pc->due != NULL)
            FG_TRY(due_of_value(a, &cl->deadline, pc->due, FG_DUE_LABEL, year));
        if (cl->deadline.kind == FG_DEADLINE_NONE && last_deadline(&d, pc->text, 0, text_len, year))
            FG_TRY(set_due(a, &cl->deadline, pc->text, &d, FG_DUE_CLAUSE));
        if (cl->deadline.kind == FG_DEADLINE_NONE && pc->off > prev_end && pc->off <= item_len) {
            size_t from = sentence_before(fg_sv(it->text, pc->off), prev_end);

            if (last_deadline(&d, it->text, from, pc->off, year))
                FG_TRY(set_due(a, &cl->deadline, it->text, &d, FG_DUE_SENTENCE));
        }
        if (cl->deadline.kind == FG_DEADLINE_NONE && it->deadline.kind != FG_DEADLINE_NONE) {
            cl->deadline = it->deadline;
            cl->deadline.source = FG_DUE_ITEM;
        }
        if (pc->off + text_len > prev_end)
            prev_end = pc->off + text_len;
    }
    FG_TRY(item_targets(p, &it->targets, &it->n_targets, fg_sv(it->text, item_len)));
out:
    return rc;
}

/* ---- building the document ---- */

/*
 * The names of units (each followed by its NUL), handed over to the arena: each name is a C
 * string at its offset, with no copy; NULL on OOM.
 */
static const char *names_take(fg_arena *a, fg_units *units)
{
    char *c = fg_str_steal(&units->names);

    if (c != NULL && fg_arena_adopt(a, c) < 0) {
        free(c);
        c = NULL;
    }
    return c;
}

/* Notes in line order, and in the order they were made within a line. */
static int note_cmp(const void *a, const void *b)
{
    const pnote *x = a;
    const pnote *y = b;

    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * Sets ptr to n elements from the arena a (NULL when n is 0); false when out of memory.
 */
#define ARENA_ARRAY(a, ptr, n)                                                                    \
    (((ptr) = (n) ? fg_arena_alloc((a), (n) * sizeof *(ptr)) : NULL) != NULL || (n) == 0)

static int build_doc(parser *p, fg_doc *doc)
{
    fg_arena *a = p->arena;
    const char *names = names_take(a, &p->units);
    const char *team_names = names_take(a, &p->team_units);

    if (names == NULL || team_names == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");

    doc->n_items = p->n_items;
    if (!ARENA_ARRAY(a, doc->items, p->n_items))
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->n_items; i++) {
        const pitem *pi = &p->items[i];
        fg_item *it = &doc->items[i];

        it->path = pi->path;
        it->part = pi->part;
        it->marker = pi->marker;
        it->parent = pi->parent;
        it->depth = pi->depth;
        it->title = pi->title ? pi->title : "";
        it->text = pi->text ? pi->text : "";
        it->line = pi->line;
        it->n_clauses = pi->n_clauses;
        if (!ARENA_ARRAY(a, it->clauses, pi->n_clauses))
            return fg_error_set(FG_ENOMEM, "out of memory");
        for (size_t c = 0; c < pi->n_clauses; c++) {
            const pclause *pc = &p->clauses[pi->clause_first + c];
            fg_clause *cl = &it->clauses[c];

            cl->text = pc->text;
            cl->line = pc->line;
            cl->n_assignments = pc->n_units;
            cl->assignments = fg_arena_alloc(a, pc->n_units * sizeof *cl->assignments + 1);
            if (cl->assignments == NULL)
                return fg_error_set(FG_ENOMEM, "out of memory");
            for (size_t u = 0; u < pc->n_units; u++) {
                const fg_unit *un = &p->units.v[pc->unit_first + u];
                fg_assignment *as = &cl->assignments[u];

                as->role = un->role;
                as->kind = un->kind;
                as->agency = names + un->off;
            }
        }
        if (p->no_tracking) {
            it->deadline = no_due;
            it->targets = NULL;
            it->n_targets = 0;
            for (size_t c = 0; c < it->n_clauses; c++)
                it->clauses[c].deadline = no_due;
        } else {
            int rc = item_tracking(p, it, pi, doc->year);

            if (rc < 0)
                return rc;
        }
    }
    if (p->n_notes > 1)
        qsort(p->notes, p->n_notes, sizeof *p->notes, note_cmp);
    doc->n_notes = p->n_notes;
    if (!ARENA_ARRAY(a, doc->notes, p->n_notes))
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->n_notes; i++) {
        doc->notes[i].kind = p->notes[i].kind;
        doc->notes[i].line = p->notes[i].line;
        doc->notes[i].text = p->notes[i].text;
    }
    doc->n_teams = p->n_teams;
    if (!ARENA_ARRAY(a, doc->teams, p->n_teams))
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->n_teams; i++) {
        const pteam *pt = &p->teams[i];
        fg_team *tm = &doc->teams[i];

        tm->name = pt->name;
        tm->part = pt->part;
        tm->line = pt->line;
        tm->n_members = pt->n_units;
        tm->members = fg_arena_alloc(a, pt->n_units * sizeof *tm->members + 1);
        if (tm->members == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        for (size_t u = 0; u < pt->n_units; u++) {
            const fg_unit *un = &p->team_units.v[p->team_order[pt->unit_first + u]];

            tm->members[u].role = (fg_team_role)un->role;
            tm->members[u].kind = un->kind;
            tm->members[u].agency = team_names + un->off;
        }
    }
    return FG_OK;
}

static void parser_dispose(parser *p)
{
    fg_str_dispose(&p->cur_text);
    fg_str_dispose(&p->pre_text);
    free(p->ev);
    free(p->lm);
    free(p->items);
    free(p->clauses);
    free(p->teams);
    free(p->notes);
    free(p->targets);
    free(p->pre_lm);
    free(p->team_of);
    free(p->team_order);
    free(p->row_set);
    free(p->team_lm);
    fg_str_dispose(&p->team_text);
    fg_str_dispose(&p->team_row);
    fg_str_dispose(&p->label_line);
    fg_str_dispose(&p->label_head);
    fg_str_dispose(&p->label_row);
    fg_str_dispose(&p->team_list);
    fg_str_dispose(&p->team_posts);
    fg_str_dispose(&p->team_blanks);
    fg_str_dispose(&p->item_copy);
    free(p->cells);
    free(p->wrap_at);
    free(p->wrap_at_chars);
    free(p->cols);
    free(p->col_units);
    fg_str_dispose(&p->row_label);
    fg_units_dispose(&p->units);
    fg_units_dispose(&p->team_units);
}

/*
 * Room, before the first line, for the units, items and clauses that a document of len
 * bytes holds if it is a dense assignment document: about a unit (and 16 bytes of its name)
 * per 64 bytes, an item per 256 and a clause per 384. Grown by doubling from nothing, these
 * arrays were copied about once more in all; other documents only leave room unused.
 */
static int presize(parser *p, size_t len)
{
    size_t n_items = len / 256 + 16;
    size_t n_clauses = len / 384 + 16;
    int rc = fg_units_reserve(&p->units, len / 64 + 16, len / 4 + 64);

    if (rc < 0)
        return rc;
    fg_arena_expect(p->arena, len / 4); /* item and clause texts, the names, the rows */
    p->items = fg_mem_alloc(n_items * sizeof *p->items);
    p->clauses = fg_mem_alloc(n_clauses * sizeof *p->clauses);
    if (p->items == NULL || p->clauses == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    p->cap_items = n_items;
    p->cap_clauses = n_clauses;
    return FG_OK;
}

static bool ieq_ascii(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];

        if (x != b[i])
            return false;
    }
    return true;
}

/* Remove markup tags such as <div>, </p>, <br/> (Word/HTML exports) from a line. */
static int strip_tags(fg_str *out, fg_strview s)
{
    static const char *const tags[] = {"div", "p", "br", "span", "td", "tr", "th", "table",
                                       "tbody", "thead", "font", "b", "i", "u", "strong",
                                       "em", "sup", "sub", "li", "ul", "ol", NULL};
    int rc;

    fg_str_clear(out);
    for (size_t i = 0; i < s.len;) {
        if (s.ptr[i] == '<') {
            size_t j = i + 1;
            size_t close;

            if (j < s.len && s.ptr[j] == '/')
                j++;
            for (size_t k = 0; tags[k]; k++) {
                size_t n = strlen(tags[k]);

                if (j + n <= s.len && ieq_ascii(s.ptr + j, tags[k], n) &&
                    j + n < s.len && (s.ptr[j + n] == '>' || s.ptr[j + n] == ' ' ||
                                      s.ptr[j + n] == '/')) {
                    close = j + n;
                    while (close < s.len && s.ptr[close] != '>' && close - i < 400)
                        close++;
                    if (close < s.len && s.ptr[close] == '>') {
                        i = close + 1;
                        goto next;
                    }
                }
            }
        }
        rc = fg_str_appendc(out, s.ptr[i]);
        if (rc < 0)
            return rc;
        i++;
next:;
    }
    return fg_str_reserve(out, 0);
}

/*
 * The number of non-empty lines of t that start in t[from..to): of bytes other than \n that
 * start a line (at 0 or after a \n). 16 bytes at a time with SSE2.
 */
static size_t count_nonempty_lines(fg_strview t, size_t from, size_t to)
{
    size_t n = 0;
    size_t i = from;

    if (i == 0) {
        if (t.len > 0 && t.ptr[0] != '\n')
            n++;
        i = 1;
    }
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    {
        /* Line starts as bytes of 1, summed eight at a time into two 64-bit counts. */
        __m128i sums = _mm_setzero_si128();

        for (; i + 16 <= to; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(t.ptr + i));
            __m128i prev = _mm_loadu_si128((const __m128i *)(t.ptr + i - 1));
            __m128i starts = _mm_andnot_si128(fg_parse__eq8(v, '\n'), fg_parse__eq8(prev, '\n'));

            sums = _mm_add_epi64(sums, _mm_sad_epu8(_mm_and_si128(starts, _mm_set1_epi8(1)),
                                                    _mm_setzero_si128()));
        }
        uint64_t lanes[2];

        _mm_storeu_si128((__m128i *)lanes, sums);
        n += (size_t)(lanes[0] + lanes[1]);
    }
#endif
    for (; i < to; i++)
        n += t.ptr[i] != '\n' && t.ptr[i - 1] == '\n';
    return n;
}

/* Bytes a line of flat text has at least, on average in a flat document (is_flat()). */
enum { FLAT_LINE = 1000 };

/*
 * Whether t is flat (few line breaks: at most 2 non-empty lines, or more than FLAT_LINE
 * bytes a line), so that markers inside lines start items. Lines are counted only as far as
 * it takes: once there are 3 or more, and no more than FLAT_LINE bytes of the text for each,
 * more of them cannot make it flat. A dense document has a line every hundred bytes or so,
 * and is settled in its first tenth.
 */
static bool is_flat(fg_strview t)
{
    enum { STRETCH = 4096 };
    size_t n = 0;

    for (size_t from = 0; from < t.len; from += STRETCH) {
        n += count_nonempty_lines(t, from, t.len - from > STRETCH ? from + STRETCH : t.len);
        if (n > 2 && t.len / n <= FLAT_LINE)
            return false;
    }
    return n > 0 && (n <= 2 || t.len / n > FLAT_LINE);
}

/*
 * The end of the line of t that starts at i (the next \n, or t.len); *has_lt and *has_tab
 * tell whether the line holds a '<' or a tab. One pass (16 bytes at a time with SSE2) looks
 * for both at once; few lines hold either, and then a search of the line tells which.
 */
static size_t line_end(fg_strview t, size_t i, bool *has_lt, bool *has_tab)
{
    size_t start = i;
    bool odd = false; /* a '<' or a tab */

#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    for (; i + 16 <= t.len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(t.ptr + i));
        unsigned nl = (unsigned)_mm_movemask_epi8(fg_parse__eq8(v, '\n'));
        unsigned m_odd = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(fg_parse__eq8(v, '<'), fg_parse__eq8(v, '\t')));

        if (nl != 0) {
            unsigned before = (1u << __builtin_ctz(nl)) - 1; /* the bytes before the \n */

            odd = odd || (m_odd & before) != 0;
            i += (size_t)__builtin_ctz(nl);
            goto found;
        }
        odd = odd || m_odd != 0;
    }
#endif
    for (; i < t.len && t.ptr[i] != '\n'; i++)
        odd = odd || t.ptr[i] == '<' || t.ptr[i] == '\t';
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
found:
#endif
    *has_lt = odd && memchr(t.ptr + start, '<', i - start) != NULL;
    *has_tab = odd && memchr(t.ptr + start, '\t', i - start) != NULL;
    return i;
}

/* *s read as the label line LABEL：VALUE, its label s[0, w) and its value from rest on. */
static int as_label_line(parser *p, fg_strview *s, size_t w, size_t rest)
{
    int rc = FG_OK;

    fg_str_clear(&p->label_line);
    FG_TRY(fg_str_append(&p->label_line, s->ptr, w));
    FG_TRY(fg_str_append(&p->label_line, "：", 3));
    FG_TRY(fg_str_append(&p->label_line, s->ptr + rest, s->len - rest));
    *s = fg_sv(p->label_line.ptr, p->label_line.len);
out:
    return rc;
}

/*
 * Whether line s is a role label alone with no colon (牵头单位, 配合部门: a lead, co or
 * responsible label word we know, of 4 ideographs or more, not a bare head) and next, the
 * line after it, a list of units (each of its names, split on 、 and ，, looks like a unit and
 * is no label word): the label's value, written on its own line, as in a Word document whose
 * labels and values are paragraphs of their own.
 */
static bool label_over_units(const parser *p, fg_strview s, fg_strview next)
{
    fg_label_role r;
    size_t from = 0;

    if (s.len < 12 || s.len > 30 || next.len == 0 || next.len > 600 ||
        fg_sv_contains(next, "：") || memchr(next.ptr, ':', next.len) != NULL ||
        memchr(next.ptr, '\t', next.len) != NULL || memchr(next.ptr, '<', next.len) != NULL)
        return false;
    for (size_t i = 0; i < s.len; i += 3)
        if ((unsigned char)s.ptr[i] < 0xE4 || (unsigned char)s.ptr[i] > 0xE9)
            return false;
    r = fg_clause__label_word(p->units.lex, s);
    if (r != FG_LABEL_LEAD && r != FG_LABEL_CO && r != FG_LABEL_RESP)
        return false;
    for (size_t i = 0; i <= next.len; i++) {
        fg_strview name;

        if (i < next.len && !AT(next, i, "、") && !AT(next, i, "，"))
            continue;
        name = fg_parse__trim(fg_sv(next.ptr + from, i - from));
        r = fg_clause__label_word(p->units.lex, name);
        if (!fg_clause__looks_like_unit(name) || r == FG_LABEL_LEAD || r == FG_LABEL_CO ||
            r == FG_LABEL_RESP)
            return false;
        from = i + 3;
    }
    return true;
}

/*
 * Whether a numbered item starts a line (or a paragraph after U+3000) in the rest of the
 * text, before a part of its own (附件2) starts: the open item is not its part's last. The
 * numbers of the notes open (p->note: note_list()) start none.
 */
static bool items_follow(const parser *p)
{
    fg_strview r = p->rest;
    mark note = p->note;
    bool table;

    for (size_t i = 0; i < r.len;) {
        fg_strview line = next_paragraph(r, &i);
        mark m;

        if (line.len > 0 && !note_list(p, &note, line)) {
            if (fg_parse__marker_at(line, 0, true, &m) && m.st != ST_ROW)
                return true;
            if (fg_parse__annex_header(line, &table) > 0)
                return false;
        }
    }
    return false;
}

/*
 * Handle one line of the document (or one paragraph of a flat line, see fg_parse__paragraph_end()):
 * table-of-contents and page-number lines, annex headers and titles, table rows, and
 * otherwise items and their text. has_tab: the raw line may hold a tab.
 */
static int process_line(parser *p, fg_strview s, size_t line_no, bool has_tab)
{
    int rc = FG_OK;
    int an;
    bool consumed = false;
    bool table = false;
    bool title_row;
    bool note_line;
    size_t rest;
    size_t w;

    if (s.len == 0)
        return FG_OK;
    if (p->row_deferred) {
        /* The row before may go on here (its cells wrapped); else it closes. */
        p->row_deferred = false;
        FG_TRY(fg_parse__wrap_row(p, s, &consumed));
        if (consumed)
            return FG_OK;
        FG_TRY(fg_parse__close_item(p));
    }
    FG_TRY(fg_parse__label_table(p, &s, &consumed));
    if (consumed)
        return FG_OK;
    if (!p->in_table && (AT(s, 0, "序号") || AT(s, 0, "编号")) &&
        (rest = fg_parse__skip_blanks(s, 6)) > 6 && fg_parse__arabic_number(s, rest, &w, 4) >= 0 &&
        w == s.len - rest) {
        /* A card table's 序号<TAB>1 row (序号　　1 in a PDF) numbers its record as 序号：1. */
        FG_TRY(as_label_line(p, &s, 6, rest));
    } else if (!p->in_table && (w = fg_parse__blank_label_word(p->units.lex, s, &rest)) > 0 &&
               (!has_tab || memchr(s.ptr + rest, '\t', s.len - rest) == NULL)) {
        /* 牵头单位　X: read as 牵头单位：X; also a card table's row 牵头单位<TAB>X (a label cell
         * and its value cell, the table's only two columns). */
        FG_TRY(as_label_line(p, &s, w, rest));
    } else if (p->open && !p->in_table && label_over_units(p, s, p->next_cell)) {
        /* 牵头单位 alone, its units on the next line: read as 牵头单位：, a label alone. */
        FG_TRY(as_label_line(p, &s, s.len, s.len));
    }
    if (toc_line(s) || fg_sv_eq(s, fg_sv_cstr("目录")) || fg_sv_eq(s, fg_sv_cstr("目 录")))
        return FG_OK;
    /* A bare number may be a table row; elsewhere it is a page number. */
    if ((page_number_line(s) && !(p->in_table && fg_parse__is_row_number(p, s))) || gazette_line(s))
        return FG_OK;
    if (fg_sv_starts(s, "- "))
        s = fg_parse__trim(fg_sv(s.ptr + 2, s.len - 2));
    if (annex_list_line(p, s))
        return FG_OK;
    an = fg_parse__annex_header(s, &table);
    /*
     * 附表1 opens a part as 附件1 does, unless the document has parts from 附件 headers: then
     * it is a table of the annex it stands in (附件2 … 附表1), no part of its own.
     */
    if (table && p->annex_no > 0 && !p->table_part)
        an = 0;
    /* 附件1 as a document's first line: an annex sent as a file of its own, its main part. */
    if (an == 1 && p->annex_no == 0 && p->n_items == 0 && p->pre_text.len == 0 && s.len < 120) {
        p->lone_annex = true;
        return FG_OK;
    }
    if (an > 0 && an != p->annex_no && s.len < 120 && !fg_sv_contains(s, "。")) {
        FG_TRY(fg_parse__close_item(p));
        /* 附件2 after a first line 附件1: the file holds several annexes, the first one A1. */
        if (p->lone_annex && p->annex_no == 0)
            FG_TRY(main_part_is_annex(p));
        FG_TRY(fg_parse__flush_pre_teams(p));
        start_part(p, an);
        p->table_part = table;
        return FG_OK;
    }
    an = annex_title_line(p, s);
    if (an > 0 && an > p->annex_no) {
        FG_TRY(fg_parse__close_item(p));
        FG_TRY(fg_parse__flush_pre_teams(p));
        start_part(p, an);
        return FG_OK;
    }
    if ((has_tab && memchr(s.ptr, '\t', s.len) != NULL) || s.ptr[0] == '|' ||
        ((fg_sv_starts(s, "序号") || p->in_table || p->table_paused) &&
         fg_parse__blank_separated(s))) {
        FG_TRY(fg_parse__delimited_row(p, s, line_no, &consumed));
        if (consumed)
            return FG_OK;
    }
    if (p->table_paused) {
        mark m;

        /* Only headings stand between the rows of a table that goes on (二、 then （一）). */
        p->table_paused =
            fg_parse__marker_at(s, 0, true, &m) && !fg_parse__minor_style(m.st) && m.st != ST_ROW;
    }
    /* A header starts a table, also a new one right after another (序号 again). */
    if (fg_parse__table_header_start(s) && !(p->in_table && p->header_pending)) {
        /* Its one cell so far: the header's other cells follow, one a line (header_pending). */
        FG_TRY(fg_parse__start_table(p, &s, 1, false));
        p->header_pending = true;
        /* Rows become items below the open heading. */
        return FG_OK;
    }
    /*
     * A title row of a table saved as text, 一、…<TAB><TAB>… (its cell, then the others empty,
     * trimmed with the line's blanks): the heading ends the table for the grammar, but the
     * rows after it are the table's, under the heading, with the same columns, as the
     * readers write a table whose title rows fall between its rows (the header again).
     */
    title_row = p->in_table && p->trailing_tab && !p->header_pending &&
                memchr(s.ptr, '\t', s.len) == NULL;
    if (p->in_table) {
        FG_TRY(fg_parse__table_line(p, s, line_no, &consumed));
        if (consumed)
            return FG_OK;
    }
    /*
     * 附：X领导小组成员名单 under the last item: the roster is no item's text (its labels
     * would run into the item's last units), but the text outside items, read for teams.
     */
    if (p->open && fg_parse__roster_title(s))
        FG_TRY(fg_parse__close_item(p));
    /*
     * 注：1.… / 2.…: numbered notes are a footnote, no item's text (the open item ends at
     * them, as the close ends the last item below), and their numbers open no items.
     */
    note_line = note_list(p, &p->note, s);
    if (p->open && !note_line && p->note.num > 0)
        FG_TRY(fg_parse__close_item(p));
    /*
     * 各成员单位要加强协调配合。 or 注：… after the last item: the document's close, no
     * part of that item (its generic units would co-operate in it).
     */
    if (p->open && fg_parse__closing_paragraph(s) && !items_follow(p))
        FG_TRY(fg_parse__close_item(p));
    if (p->team_lines) {
        fg_strview u;

        if (fg_parse__team_list_line(s, &u))
            return fg_parse__append_text(p, u, line_no);
        p->team_lines = false;
    }
    p->team_lines = !p->no_teams && fg_parse__team_label_alone(s);
    p->title_row = title_row;
    rc = feed_content(p, s, line_no, !note_line);
    p->title_row = false;
    FG_TRY(rc);
    if (title_row && !p->in_table) {
        p->in_table = true;
        p->next_row = 0; /* the rows under it may count on or from 1 */
    }
out:
    return rc;
}

size_t fg_parse__paragraph_end(fg_strview s, size_t i)
{
    size_t k = fg_sv_find(fg_sv(s.ptr + i, s.len - i), "\u3000\u3000");

    return k == SIZE_MAX ? s.len : i + k;
}

/*
 * Where the ordinal next (二是 for 2, 十一是 for 11) starts in line at or after from, right
 * after a 。: the next point of a paragraph that runs its points on as sentences
 * (一是…。二是…。); else line.len. After a ； the points are one sentence, and one item
 * (一是…；二是…, the form unnumbered_paragraphs.txt decides).
 */
static size_t next_ordinal(fg_strview line, size_t from, long next)
{
    size_t n;

    for (size_t k = fg_parse__find_from(line, from, "是"); k != SIZE_MAX;
         k = fg_parse__find_from(line, k + 3, "是"))
        for (size_t w = 3; w <= 6 && w + 3 <= k; w += 3)
            if (fg_parse__cn_number(line, k - w, &n) == next && n == w && AT(line, k - w - 3, "。"))
                return k - w;
    return line.len;
}

/*
 * One paragraph of unnumbered_paragraphs(): item number *k_item + 1 when it gives a clause.
 */
static int paragraph_item(parser *p, fg_strview text, size_t line, long *k_item)
{
    size_t n0 = p->n_items;
    bool has_root = p->has_root;
    long root_max = p->root_max;
    bool any = false;
    mark m;
    int rc = FG_OK;

    m.st = ST_ARABIC;
    m.num = ++*k_item;
    m.len = 0;
    FG_TRY(fg_parse__open_item(p, &m, fg_sv("", 0), line));
    FG_TRY(process_line(p, text, line, false));
    FG_TRY(fg_parse__close_item(p));
    /* A line that gave no clause (各单位：, a label alone) is no item. */
    for (size_t i = n0; i < p->n_items; i++)
        any = any || p->items[i].n_clauses > 0;
    if (!any) {
        /* Nor does it count as the top numbering's first item: the next one, numbered 1
         * again, would restart it as a new part (fg_parse__open_item()). */
        p->n_items = n0;
        p->has_root = has_root;
        p->root_max = root_max;
        --*k_item;
    }
out:
    return rc;
}

/*
 * One paragraph (or a piece of one, see unnumbered_paragraphs()) as items: none when it is
 * a line of a team's roster (召集人：…, 成员单位：…: the team reader's), or a label the team
 * reader does not know right under one or under a group's title line (*in_roster: the piece
 * before was the roster's; 牵头单位：X under 副链长：… gives no row, team_other_label.txt;
 * under 监测预警组 it is the group's), or it holds no role word.
 */
static int paragraph_items(parser *p, fg_strview line, size_t line_no, long *k_item,
                           bool *in_roster)
{
    size_t after;
    size_t a = 0;
    int rc = FG_OK;

    if (line.len == 0)
        return FG_OK;
    *in_roster = fg_parse__team_label(line, true, &after) != NULL ||
                 (p->team_units.n > 0 && fg_parse__group_title(line)) ||
                 (*in_roster && fg_parse__other_label(line));
    /*
     * A document with a team: a paragraph that names a team's role (…任组长，…为成员的X专班,
     * wrapped so that a line opens with 副组长，…) is the team's, no task's.
     */
    if (p->team_units.n > 0 && fg_parse__names_team_role(line))
        return FG_OK;
    /* A dash list is a paragraph's responsibility list too (dash_clause()). */
    if (*in_roster || !(fg_clause__has_role_word(p->units.lex, line) || has_dash_list(line)))
        return FG_OK;
    if (fg_sv_contains(line, "一是")) {
        for (long next = 2;; next++) {
            size_t b = next_ordinal(line, a, next);

            if (b == line.len)
                break;
            FG_TRY(paragraph_item(p, fg_sv(line.ptr + a, b - a), line_no, k_item));
            a = b;
        }
    }
    FG_TRY(paragraph_item(p, fg_sv(line.ptr + a, line.len - a), line_no, k_item));
out:
    return rc;
}

/*
 * A document with no numbered item whose paragraphs hold role words (若干措施 written as
 * unnumbered paragraphs, `一是…（X牵头）；二是…` under the title; a 工作专班's 工作方案 whose
 * tasks follow its roster, team_unnumbered.txt): each such line is an item of its own when
 * it gives a clause, numbered 1, 2, … in order; a team's roster gives none
 * (paragraph_items()). A line that runs its points on as sentences (会议议定：一是…。二是…。,
 * a 纪要's decisions) is cut before each next ordinal (next_ordinal()): each point is a
 * paragraph. In a document with a team, a line is cut before each roster label run into
 * the text before it (fg_parse__run_in_label(), the line breaks lost: …的通知组　长：…副组长：…), each
 * piece read as a line.
 */
static int unnumbered_paragraphs(parser *p)
{
    fg_str copy = FG_STR_INIT;
    size_t n = p->n_pre_lm;
    long k_item = 0;
    bool in_roster = false;
    int rc = FG_OK;

    if (p->n_items > 0 || n == 0 || p->pre_text.len == 0)
        return FG_OK;
    /* process_line() may add to pre_text: read a copy. */
    FG_TRY(fg_str_append(&copy, p->pre_text.ptr, p->pre_text.len));
    for (size_t k = 0; k < n; k++) {
        size_t from = p->pre_lm[k].off;
        size_t to = k + 1 < n ? p->pre_lm[k + 1].off : copy.len;
        fg_strview line = fg_parse__trim(fg_sv(copy.ptr + from, to - from));
        size_t a = 0;

        if (p->team_units.n > 0) {
            for (size_t i = 0; i < line.len; i += fg_cp_len((unsigned char)line.ptr[i])) {
                if (i > a && fg_parse__run_in_label(line, i)) {
                    FG_TRY(paragraph_items(p, fg_parse__trim(fg_sv(line.ptr + a, i - a)),
                                           p->pre_lm[k].line, &k_item, &in_roster));
                    a = i;
                }
            }
        }
        FG_TRY(paragraph_items(p, fg_parse__trim(fg_sv(line.ptr + a, line.len - a)),
                               p->pre_lm[k].line, &k_item, &in_roster));
    }
out:
    fg_str_dispose(&copy);
    return rc;
}

int fg_parse_document(fg_doc **out, const fg_text *text, const fg_parse_opts *opts)
{
    parser p;
    fg_doc *doc = NULL;
    fg_str clean = FG_STR_INIT;
    fg_str unwrapped = FG_STR_INIT;
    size_t *joins = NULL, n_joins = 0, k_join = 0, joined = 0;
    fg_strview t;
    size_t line_no = 0;
    size_t decl_miss[MAX_DECL_MISSES]; /* declaration-like phrases not taken, in order */
    size_t n_decl_miss = 0;
    bool doc_flat;
    int rc = FG_OK;

    if (out == NULL)
        return fg_error_set(FG_EINVAL, "fg_parse_document: out must not be NULL");
    *out = NULL;
    if (text == NULL)
        return fg_error_set(FG_EINVAL, "fg_parse_document: text must not be NULL");
    ensure_sets();
    memset(&p, 0, sizeof p);
    p.text = text;
    p.arena = fg_arena_new();
    FG_CHECK_ALLOC(p.arena);
    doc = fg_arena_alloc(p.arena, sizeof *doc);
    FG_CHECK_ALLOC(doc);
    memset(doc, 0, sizeof *doc);
    p.no_teams = opts && opts->no_teams;
    p.no_tracking = opts && opts->no_tracking;
    p.no_text = p.no_tracking && opts->no_text; /* tracking reads the item text */
    p.units.lex = opts != NULL ? opts->lexicon : NULL;
    start_part(&p, 0);

    t = fg_sv(text->data ? text->data : "", text->len);
    /*
     * Plain text copied out of a PDF keeps the lines the page width broke: such a text is
     * read with those lines joined (unwrap.h); each line's number stays the input's, the
     * joined breaks counted in.
     */
    if (text->format == FG_FORMAT_TEXT) {
        FG_TRY(fg_unwrap_text(&unwrapped, &joins, &n_joins, t.ptr, t.len, NULL, 0, false));
        if (n_joins > 0)
            t = fg_sv(unwrapped.ptr, unwrapped.len);
    }
    FG_TRY(presize(&p, t.len));
    /* Flat documents (few line breaks) get inline markers. */
    doc_flat = is_flat(t);
    p.first_is_lead = fg_parse__declares_first_is_lead(t, decl_miss, &n_decl_miss);
    if (!p.first_is_lead && n_decl_miss > 0)
        FG_TRY(fg_parse__note_declarations(&p, t, decl_miss, n_decl_miss));
    doc->first_is_lead = p.first_is_lead;

    /* The next line's end, once found for p.next_cell: the next turn's line (SIZE_MAX: none). */
    size_t next_e = SIZE_MAX;
    bool next_lt = false;
    bool next_tab = false;

    for (size_t i = 0; i < t.len;) {
        bool has_lt = next_lt;
        bool has_tab = next_tab; /* the raw line has a tab: s (a part of it) may have one */
        size_t e = next_e != SIZE_MAX ? next_e : line_end(t, i, &has_lt, &has_tab);
        fg_strview s;

        next_e = SIZE_MAX;
        line_no += 1 + joined;
        for (joined = 0; k_join < n_joins && joins[k_join] < e; k_join++)
            joined++;
        p.trailing_tab = has_tab && (t.ptr[e - 1] == '\t' ||
                                     (t.ptr[e - 1] == '\r' && e - 1 > i && t.ptr[e - 2] == '\t'));
        if (has_lt) {
            FG_TRY(strip_tags(&clean, fg_sv(t.ptr + i, e - i)));
            s = fg_parse__trim(fg_sv(clean.ptr, clean.len));
            p.raw_line = fg_sv(NULL, 0);
        } else {
            s = fg_parse__trim(fg_sv(t.ptr + i, e - i));
            p.raw_line = fg_sv(t.ptr + i, e - i);
        }
        i = e + 1;
        /*
         * A line of FLAT_LINE bytes or more is flat text in any document: a body written
         * as one line (often with U+3000 paragraphs) under a header of short lines.
         */
        p.flat = doc_flat || s.len >= FLAT_LINE;
        if (!p.flat) {
            size_t ne = i < t.len ? line_end(t, i, &next_lt, &next_tab) : i;

            if (i < t.len)
                next_e = ne;
            /* The next line as written (its tags kept): for a header cell, see task_header(). */
            p.next_cell = fg_parse__trim(fg_sv(t.ptr + i, ne - i));
            p.rest = fg_sv(t.ptr + i, i < t.len ? t.len - i : 0);
            p.rest_flat = false;
            FG_TRY(process_line(&p, s, line_no, has_tab));
            continue;
        }
        for (size_t a = 0; a < s.len;) {
            size_t b = fg_parse__paragraph_end(s, a);
            size_t c = b;

            while (c < s.len && AT(s, c, "\u3000"))
                c += 3;
            p.next_cell = fg_parse__trim(fg_sv(s.ptr + c, fg_parse__paragraph_end(s, c) - c));
            p.rest = fg_sv(s.ptr + c, s.len - c);
            p.rest_flat = true;
            p.trailing_tab = has_tab && b > a && s.ptr[b - 1] == '\t';
            /* A paragraph's blanks after the U+3000 before it are a table row's, as a line's. */
            p.raw_line = has_lt ? fg_sv(NULL, 0) : fg_sv(s.ptr + a, b - a);
            FG_TRY(process_line(&p, fg_parse__trim(fg_sv(s.ptr + a, b - a)), line_no, has_tab));
            a = b;
            while (a < s.len && AT(s, a, "\u3000"))
                a += 3;
        }
    }
    p.last_close = true;
    FG_TRY(fg_parse__close_item(&p));
    p.last_close = false;
    FG_TRY(fg_parse__flush_pre_teams(&p));
    FG_TRY(unnumbered_paragraphs(&p));
    FG_TRY(unit_heading_clauses(&p));
    FG_TRY(forward_clauses(&p));
    FG_TRY(shared_clauses(&p));
    FG_TRY(same_as_above(&p));
    FG_TRY(fg_parse__order_team_rows(&p));

    fg_parse__find_metadata(&p, doc);
    {
        const char *name = opts && opts->name ? opts->name : text->name;
        const char *base = name ? strrchr(name, '/') : NULL;

        base = base ? base + 1 : (name ? name : "");
        doc->name = fg_arena_strndup(p.arena, base, strlen(base));
        FG_CHECK_ALLOC(doc->name);
    }
    doc->format = fg_format_name(text->format);
    FG_TRY(build_doc(&p, doc));
    doc->priv_ = p.arena;
    p.arena = NULL;
    *out = doc;
    doc = NULL;
out:
    fg_str_dispose(&clean);
    fg_str_dispose(&unwrapped);
    free(joins);
    parser_dispose(&p);
    fg_arena_free(p.arena);
    return rc;
}

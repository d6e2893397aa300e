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
#include "str.h"

/* ---- parser state ---- */

/* Add a column of kind k to the table's header. */
static int add_col(parser *p, col_kind k)
{
    int rc = fg_parse__grow((void **)&p->cols, &p->cap_cols, p->n_cols, sizeof *p->cols);

    if (rc < 0)
        return rc;
    p->cols[p->n_cols++] = k;
    return FG_OK;
}

/* The first column at or after k that names units (lead, co, responsible), or n_cols. */
static size_t next_unit_col(const parser *p, size_t k)
{
    while (k < p->n_cols && p->cols[k] != COL_LEAD && p->cols[k] != COL_CO &&
           p->cols[k] != COL_RESP)
        k++;
    return k;
}

/* The name of the current part ("M", "A2") in the arena, one copy per part; NULL on OOM. */
static const char *part_name(parser *p)
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

/* ---- clauses ---- */

/* The input line of byte off of the item text: that of the last line starting at or before it. */
/* How many of the item's lines (p->lm) start at or before off. O(log lines). */
static size_t lines_upto(const parser *p, size_t off)
{
    size_t lo = 0;
    size_t hi = p->n_lm;

    /* Offsets never decrease: find the first line that starts after off. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (p->lm[mid].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t line_of(const parser *p, size_t off)
{
    size_t lo = lines_upto(p, off);

    if (p->n_lm == 0)
        return 0;
    return p->lm[lo ? lo - 1 : 0].line;
}

/*
 * Record the clause just read by fg_clause__parse() (its units from unit_first on); the value
 * of its deadline label, if any, is still in p->units.scratch.
 */
static int add_clause(parser *p, fg_strview text, size_t off, size_t line, size_t unit_first)
{
    pclause *c;
    int rc =
        fg_parse__grow((void **)&p->clauses, &p->cap_clauses, p->n_clauses, sizeof *p->clauses);

    if (rc < 0)
        return rc;
    c = &p->clauses[p->n_clauses];
    c->text = fg_parse__arena_dup(p, text);
    c->text_len = text.len;
    if (c->text == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    c->due = NULL;
    if (p->units.due_len > 0) {
        c->due = fg_parse__arena_dup(
            p, fg_sv(p->units.scratch.ptr + p->units.due_off, p->units.due_len));
        if (c->due == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
    }
    c->off = off;
    c->line = line;
    c->unit_first = unit_first;
    c->n_units = p->units.n - unit_first;
    p->n_clauses++;
    p->items[p->cur].n_clauses++;
    return FG_OK;
}

/* ---- notes: what was not understood ---- */

/* A note's text holds at most this many code points; a longer one is cut and ends in …. */
#define NOTE_CPS 120

/*
 * Record a note of kind at line with text: trimmed, each run of blanks (parentheticals
 * blanked by find_clauses()) made one blank, cut after NOTE_CPS code points. O(len).
 */
static int add_note(parser *p, fg_note_kind kind, fg_strview text, size_t line)
{
    char buf[NOTE_CPS * 4 + 8];
    size_t len = 0;
    size_t cps = 0;
    bool blank = false;
    pnote *nt;
    int rc = fg_parse__grow((void **)&p->notes, &p->cap_notes, p->n_notes, sizeof *p->notes);

    if (rc < 0)
        return rc;
    text = fg_parse__trim(text);
    for (size_t i = 0; i < text.len;) {
        size_t n = fg_cp_len((unsigned char)text.ptr[i]);
        size_t b;

        if (i + n > text.len)
            n = text.len - i;
        if (fg_parse__is_space_at(text, i, &b) || text.ptr[i] == '\n' || text.ptr[i] == '\r') {
            blank = true;
            i += fg_parse__is_space_at(text, i, &b) ? b : 1;
            continue;
        }
        if (cps + (blank && len > 0) >= NOTE_CPS) {
            memcpy(buf + len, "…", 3);
            len += 3;
            break;
        }
        if (blank && len > 0) {
            buf[len++] = ' ';
            cps++;
        }
        blank = false;
        memcpy(buf + len, text.ptr + i, n);
        len += n;
        cps++;
        i += n;
    }
    nt = &p->notes[p->n_notes];
    nt->kind = kind;
    nt->line = line;
    nt->seq = p->n_notes;
    nt->text = fg_parse__arena_dup(p, fg_sv(buf, len));
    if (nt->text == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    p->n_notes++;
    return FG_OK;
}

/* The first characters of the role words of holds_role_word(). */
static const char note_firsts[] = "牵负配责参协主";

static bool holds_role_word(fg_strview s);

/*
 * A label at s[i] with no head word the lexicon knows (推进单位：, fg_clause__label_at()),
 * followed by a unit name (up to a separator or limit): 新型研发机构：支持建设…的省级新型研发
 * 机构 is a heading with its text, not a label. Bounded: O(1).
 */
static bool unknown_label_at(const fg_lexicon *lx, fg_strview s, size_t i, size_t limit)
{
    size_t n;
    size_t j;
    size_t end;

    if (fg_clause__label_at(lx, s, i, &n) != FG_LABEL_UNKNOWN)
        return false;
    j = i + n;
    end = limit < s.len ? limit : s.len;
    if (end > j + 120)
        end = j + 120;
    for (size_t k = j; k < end; k += fg_cp_len((unsigned char)s.ptr[k])) {
        if (AT(s, k, "、") || AT(s, k, "，") || AT(s, k, "；") || AT(s, k, "。") ||
            AT(s, k, "：") || s.ptr[k] == ',' || s.ptr[k] == ':') {
            end = k;
            break;
        }
    }
    while (end > j && end < s.len && ((unsigned char)s.ptr[end] & 0xC0) == 0x80)
        end--;
    {
        fg_strview e = fg_parse__trim(fg_sv(s.ptr + j, end - j));

        return e.len > 0 && fg_clause__looks_like_unit(e) && !fg_clause__sentence_like(e);
    }
}

/* At most this many declaration-like phrases that were not taken are noted. */
enum { MAX_DECL_MISSES = 16 };

static bool declares_first_is_lead(fg_strview t, size_t *miss, size_t *n_miss);

/*
 * A parenthetical (its inside, in) that gave no clause: noted when it starts with a label
 * the lexicon lacks, or holds a role word. （牵头） after a unit name is a lead mark, not a
 * statement of its own; （注：排在第一位的为牵头单位） declares who leads; （以下简称…） names
 * something.
 */
static int note_bracket(parser *p, fg_strview in, size_t off)
{
    fg_strview b = fg_parse__trim(in);
    size_t miss[MAX_DECL_MISSES];
    size_t n_miss;

    if (fg_clause__is_lead_mark(b) || fg_clause__mark_declaration(b) ||
        fg_clause__format_declaration(b) != 0 || declares_first_is_lead(b, miss, &n_miss) ||
        fg_clause__is_declaration(b) ||
        fg_sv_starts(b, "以下简称") ||
        fg_sv_starts(b, "简称") || fg_sv_starts(b, "下称"))
        return FG_OK;
    if (unknown_label_at(p->units.lex, b, 0, b.len))
        return add_note(p, FG_NOTE_UNKNOWN_LABEL, b, line_of(p, off));
    if (holds_role_word(b))
        return add_note(p, FG_NOTE_ROLE_WORDS, b, line_of(p, off));
    return FG_OK;
}

/* Notes for the units first.. of a clause just read, as its FG_CLAUSE_NOTE_* bits say. */
static int note_clause(parser *p, unsigned notes, fg_strview text, size_t first, size_t line)
{
    int rc = FG_OK;

    if (notes & FG_CLAUSE_NOTE_UNKNOWN_LABEL)
        FG_TRY(add_note(p, FG_NOTE_UNKNOWN_LABEL, text, line));
    for (size_t k = first; (notes & FG_CLAUSE_NOTE_LONG_NAME) && k < p->units.n; k++) {
        fg_strview name = fg_sv(p->units.names.ptr + p->units.v[k].off, p->units.v[k].len);

        if (fg_clause__sentence_like(name))
            FG_TRY(add_note(p, FG_NOTE_LONG_NAME, name, line));
    }
out:
    return rc;
}

/*
 * Try one candidate clause: parse is the text to read, written the text as the document
 * writes it (the same but for separators find_clauses() put between labels); on success it
 * is recorded.
 */
static int try_clause_as(parser *p, fg_strview parse, fg_strview written, size_t off,
                         unsigned flags, bool *found)
{
    size_t first = p->units.n;
    bool is_clause = false;
    unsigned notes = 0;
    int rc;

    if (p->first_is_lead)
        flags |= FG_CLAUSE_FIRST_IS_LEAD;
    rc = fg_clause__parse_noted(&p->units, &is_clause, &notes, parse, flags);
    if (rc < 0)
        return rc;
    *found = is_clause;
    if (!is_clause)
        return FG_OK;
    if (notes != 0) {
        rc = note_clause(p, notes, written, first, line_of(p, off));
        if (rc < 0)
            return rc;
    }
    return add_clause(p, written, off, line_of(p, off), first);
}

/* Try one candidate clause text; on success it is recorded. */
static int try_clause(parser *p, fg_strview text, size_t off, unsigned flags, bool *found)
{
    return try_clause_as(p, text, text, off, flags, found);
}

static size_t skip_blank_chars(fg_strview o, size_t i);
static size_t role_phrase_start(fg_strview s);

static bool role_word_at(fg_strview s, size_t i);
static bool unit_before(fg_strview s, size_t i);

/*
 * Where the role word of a duty line (县林业局：负责…, 县应急管理局：牵头负责…) starts in s: a
 * colon (： or :) after a name that ends like a unit, at most 20 characters from s's start,
 * and a role word right after it; or SIZE_MAX. *name is where the name starts: after the
 * last 职责 before the colon, a heading's word run into it (成员单位职责县林业局：).
 */
static size_t duty_role_at(fg_strview s, size_t *name)
{
    size_t n = 0;

    *name = 0;
    for (size_t i = 0; i < s.len && n <= 20; i += fg_cp_len((unsigned char)s.ptr[i]), n++) {
        size_t w = AT(s, i, "：") ? 3 : s.ptr[i] == ':' ? 1 : 0;

        if (w > 0)
            return i >= *name + 6 && unit_before(s, i) && role_word_at(s, i + w) ? i + w
                                                                               : SIZE_MAX;
        if (!((unsigned char)s.ptr[i] >= 0xE4 && (unsigned char)s.ptr[i] <= 0xE9))
            return SIZE_MAX;
        if (AT(s, i, "职责"))
            *name = i + 6;
    }
    return SIZE_MAX;
}

/*
 * Try the text s at o + off as a clause; a duty line (县林业局：负责…) is read as its name and
 * role phrase with the colon left out (县林业局负责…), its role phrase naming the work.
 */
static int try_text(parser *p, fg_strview s, size_t off, unsigned flags, bool *found)
{
    size_t name;
    /* A duty line holds a colon: most items hold none (find_clauses()'s may_label). */
    size_t at = p->may_label ? duty_role_at(s, &name) : SIZE_MAX;
    size_t colon;
    fg_str copy = FG_STR_INIT;
    int rc;

    if (at == SIZE_MAX)
        return try_clause(p, s, off, flags, found);
    colon = s.ptr[at - 1] == ':' ? at - 1 : at - 3;
    /*
     * Its own form says who does what, in a work team's text too (应急预案: 成员单位职责), for
     * a unit: not a team's group (综合协调组：负责…).
     */
    if (!fg_sv_ends(fg_sv(s.ptr, colon), "组"))
        flags |= FG_CLAUSE_WORK;
    rc = fg_str_append(&copy, s.ptr + name, colon - name);
    if (rc == FG_OK)
        rc = fg_str_append(&copy, s.ptr + at, s.len - at);
    if (rc == FG_OK)
        rc = try_clause_as(p, fg_sv(copy.ptr, copy.len), s, off, flags, found);
    fg_str_dispose(&copy);
    return rc;
}

/*
 * Whether h, an item's first line, is a bare heading: no punctuation (，、；：。 or their
 * ASCII forms) and no role word.
 */
static bool bare_heading(fg_strview h)
{
    for (size_t i = 0; i < h.len; i += fg_cp_len((unsigned char)h.ptr[i])) {
        if (strchr(",;:", h.ptr[i]) != NULL || AT(h, i, "，") || AT(h, i, "、") ||
            AT(h, i, "；") || AT(h, i, "：") || AT(h, i, "。") || role_word_at(h, i))
            return false;
    }
    return true;
}

/*
 * Whether o[i] starts an ordinal point of a task (一是…；二是…；三是…): a numeral and 是 at the
 * text's start or after a blank (a bracket blanked by find_clauses()) or ，。；;：.
 */
static bool ordinal_point_at(fg_strview o, size_t i)
{
    size_t n;
    size_t k;

    if (fg_parse__cn_number(o, i, &n) <= 0 || !AT(o, i + n, "是"))
        return false;
    if (i == 0)
        return true;
    k = fg_cp_start_before(o.ptr, i);
    return o.ptr[k] == ' ' || o.ptr[k] == ';' || o.ptr[k] == ':' || o.ptr[k] == '\n' ||
           AT(o, k, "，") || AT(o, k, "。") || AT(o, k, "；") || AT(o, k, "：") ||
           AT(o, k, "\u3000");
}

/*
 * Whether a bracket of the item says who does the work of the text at o[off]: one of its
 * clauses (the first p->bracket_clauses_end) is a bracket's. In an item cut into ordinal
 * points (一是…（X牵头）；二是…；三是…，由Y牵头，Z配合) each point is a task of its own: only a
 * bracket of the point that holds off counts.
 */
static bool bracket_says_who(const parser *p, fg_strview o, size_t off)
{
    size_t first = p->items[p->cur].clause_first;
    size_t from = SIZE_MAX;
    size_t to = o.len;

    if (p->bracket_clauses_end == first)
        return false;
    for (size_t i = 0; i < o.len; i += fg_cp_len((unsigned char)o.ptr[i])) {
        if (!ordinal_point_at(o, i))
            continue;
        if (i <= off) {
            from = i;
        } else {
            to = i;
            break;
        }
    }
    if (from == SIZE_MAX)
        return true;
    for (size_t k = first; k < p->bracket_clauses_end; k++)
        if (p->clauses[k].off >= from && p->clauses[k].off < to)
            return true;
    return false;
}

/*
 * Try the sentence sent (in o) as a role sentence. A heading with no full stop runs into the
 * sentence on the next line (`二、关于农贸市场提质改造` | `由市商务局牵头，…`): a sentence that
 * starts on the item's first line is tried again from the second line when it is none, and
 * from the second line first when the first is a bare heading (`二、成员单位职责` |
 * `县林业局负责…`: the heading is no part of the name; a sentence that starts inside the
 * first line, after a ；, has no heading before it: …；医疗机构安全由市 | 卫生健康委负责). A
 * sentence that ends in 负责解释 (本办法由X负责解释) says who interprets the document: it is
 * none.
 */
static int try_sentence(parser *p, fg_strview o, fg_strview sent, bool *found)
{
    fg_strview said = fg_parse__trim(sent);
    size_t off = (size_t)(sent.ptr - o.ptr);
    size_t end = off + sent.len;
    size_t second = SIZE_MAX; /* where its second line starts, when it starts on the first */
    /* Outside a work team's text (专班办公室设在X，负责…), role phrases may name the work. */
    unsigned flags = FG_CLAUSE_STRICT | (p->team_item ? 0 : FG_CLAUSE_WORK);
    bool tried = false;
    int rc;

    /* 本办法由X负责解释: who interprets the document, no task's unit. */
    if (fg_sv_ends(said, "。") || fg_sv_ends(said, "."))
        said.len -= fg_sv_ends(said, "。") ? 3 : 1;
    if (fg_sv_ends(said, "负责解释"))
        return FG_OK;
    if (p->n_lm > 1 && off < p->lm[1].off) {
        size_t at = skip_blank_chars(o, p->lm[1].off);

        if (at > off && at < end)
            second = at;
    }
    if (second != SIZE_MAX && skip_blank_chars(o, 0) == off &&
        bare_heading(fg_sv(o.ptr + off, p->lm[1].off - off))) {
        rc = try_text(p, fg_sv(o.ptr + second, end - second), second, flags, found);
        if (rc != FG_OK || *found)
            return rc;
        tried = true;
    }
    rc = try_text(p, sent, off, flags, found);
    /*
     * A role phrase after a comma of the task's own sentence (完成改造20个，由X牵头，Y配合; 会议
     * 同意该方案，由X牵头组织实施): the sentence is tried again from the comma before its first
     * role word, when no bracket of the item (of its ordinal point: bracket_says_who()) is a
     * clause (one says who, and the sentence's 由街道牵头 is then task text) and the item
     * says nothing of a work team (联席会议由A、B组成，A为牵头单位: the team reader's). Before
     * the retry below: a name broken by a line end (县财政局、县 | 城管局配合) is read whole.
     */
    if (rc == FG_OK && !*found && !p->team_item && !bracket_says_who(p, o, off)) {
        size_t at = role_phrase_start(sent);

        if (at != SIZE_MAX)
            rc = try_text(p, fg_sv(sent.ptr + at, sent.len - at), off + at, flags, found);
    }
    if (rc == FG_OK && !*found && second != SIZE_MAX && !tried)
        rc = try_text(p, fg_sv(o.ptr + second, end - second), second, flags, found);
    return rc;
}

/* At most this many labels in a labelled block get a separator put before them. */
enum { MAX_SEAMS = 16 };

/*
 * Try a block of labelled lines o[start..end) as one clause. Lines are joined with nothing
 * between them, so a label that began a line (省财政厅 | 推进单位：…) may follow a name with no
 * separator: a ； is put before each of the n_seams labels at seams[] in the text parsed.
 */
static int try_block(parser *p, fg_strview o, size_t start, size_t end, const size_t *seams,
                     size_t n_seams, bool *found)
{
    fg_strview written = fg_sv(o.ptr + start, end - start);
    fg_str copy = FG_STR_INIT;
    size_t from = start;
    size_t n_label;
    int rc = FG_OK;

    if (n_seams == 0) {
        FG_TRY(try_clause(p, written, start, 0, found));
        goto noted;
    }
    for (size_t k = 0; k < n_seams; k++) {
        FG_TRY(fg_str_append(&copy, o.ptr + from, seams[k] - from));
        FG_TRY(fg_str_append(&copy, "；", 3));
        from = seams[k];
    }
    FG_TRY(fg_str_append(&copy, o.ptr + from, end - from));
    FG_TRY(try_clause_as(p, fg_sv(copy.ptr, copy.len), written, start, 0, found));
noted:
    /*
     * A labelled block that gave no clause is a statement we did not understand, unless it
     * is a heading with a colon (新型研发机构：支持建设…) rather than a label of units.
     */
    if (!*found && (fg_clause__label_at(p->units.lex, written, 0, &n_label) != FG_LABEL_UNKNOWN ||
                    unknown_label_at(p->units.lex, written, 0, written.len)))
        rc = add_note(p, FG_NOTE_ROLE_WORDS, written, line_of(p, start));
out:
    fg_str_dispose(&copy);
    return rc;
}

/* The first characters of every label and role word. */
static const char role_firsts[] = "牵负配参会单部责协主其支实归各按落履";
/*
 * The second characters of every label (主要 其他 牵头 责任 配合 参与 协办 主责 主办 协同
 * 协助 支持 实施) and role word (牵头 负责 负总责 配合 参与 会同 单位 部门 主管 协管 归口
 * 各负其责 按职责 按照职能 按各自职责 支持 落实属地责任 履行属地责任 负属地责任 负主体责任).
 */
static const char role_seconds[] = "要他头任合与办责同助持施总位门管口负职照各实行属主";
/* The characters that end a sentence; a dash (——) too, before a role sentence (…——X牵头). */
static const char sentence_ends[] = "。；！？—";
/* The first characters of the team_endings of team_name_in(). */
static const char team_ending_firsts[] = "工专领部联指委河湖林";
/* The last characters of the post_titles of post_unit(). */
static const char post_lasts[] = "人志长任记导席员理师委裁";
/*
 * The characters team_signal() stops at: the last characters of 召集人, 组长, 小组, 工作组,
 * 指挥, 成员, 委员(会), 办公室设在, 专班 and 联席 that are rare in other words, and 河 of a
 * 河长制's 河长.
 */
static const char team_signal_firsts[] = "召组挥员办班席河";
/* The first and last characters of the role words of team_words[]. */
static const char team_word_firsts[] = "办常副第总召执组指主成委联秘链专政";
static const char team_word_lasts[] = "任人长挥员位委";

/* The first characters of the words first_rare_word() looks for in the whole text. */
static const char rare_firsts[] = "第首前";

/* Character sets of this file, built once (ensure_sets()). */
static struct {
    fg_cjkset role_firsts;
    fg_cjkset role_seconds;
    fg_charscan events; /* role_firsts and sentence_ends: what next_sentence_event() finds */
    fg_charscan team_signal; /* team_signal_firsts: what team_signal() stops at */
    fg_cjkset team_ending_firsts;
    fg_cjkset post_lasts;
    fg_cjkset team_word_firsts;
    fg_cjkset team_word_lasts;
    fg_charscan rare_firsts;
    fg_charscan note_firsts; /* the first characters of holds_role_word()'s words */
    fg_charscan label_marks; /* ：【〔: where a label may end or begin */
    fg_charscan label_ends;  /* ：】〕: where a deadline label may end (label_due_value()) */
    unsigned team_endings_alone; /* see team_endings_alone() */
} sets;

static unsigned team_endings_alone(void);

static void sets_init(void)
{
    char events[sizeof role_firsts + sizeof sentence_ends];

    fg_cjkset_add(&sets.role_firsts, role_firsts, sizeof role_firsts - 1);
    fg_cjkset_add(&sets.role_seconds, role_seconds, sizeof role_seconds - 1);
    memcpy(events, role_firsts, sizeof role_firsts - 1);
    memcpy(events + sizeof role_firsts - 1, sentence_ends, sizeof sentence_ends);
    fg_charscan_init(&sets.events, events, strlen(events));
    fg_charscan_init(&sets.team_signal, team_signal_firsts, sizeof team_signal_firsts - 1);
    fg_cjkset_add(&sets.team_ending_firsts, team_ending_firsts, sizeof team_ending_firsts - 1);
    fg_cjkset_add(&sets.post_lasts, post_lasts, sizeof post_lasts - 1);
    fg_cjkset_add(&sets.team_word_firsts, team_word_firsts, sizeof team_word_firsts - 1);
    fg_cjkset_add(&sets.team_word_lasts, team_word_lasts, sizeof team_word_lasts - 1);
    fg_charscan_init(&sets.rare_firsts, rare_firsts, sizeof rare_firsts - 1);
    fg_charscan_init(&sets.label_marks, "：【〔", strlen("：【〔"));
    fg_charscan_init(&sets.label_ends, "：】〕", strlen("：】〕"));
    fg_charscan_init(&sets.note_firsts, note_firsts, sizeof note_firsts - 1);
    fg_parse__number_sets_init();
    sets.team_endings_alone = team_endings_alone();
}

static void ensure_sets(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, sets_init);
}

/*
 * The text before s[i] ends like a unit name (X牵头, X等配合, 各村（社区）落实…: the name before
 * a short bracket of its other name), judged on its last 3 characters.
 */
static bool unit_before(fg_strview s, size_t i)
{
    size_t k;

    if (i >= 3 && AT(s, i - 3, "等"))
        i -= 3;
    if (i >= 9 && (AT(s, i - 3, "）") || s.ptr[i - 1] == ')')) {
        /* Back to its （ or (, at most 6 characters inside. */
        size_t j = s.ptr[i - 1] == ')' ? i - 1 : i - 3;

        for (size_t n = 0; j > 3 && n < 8; n++) {
            j = fg_cp_start_before(s.ptr, j);
            if (AT(s, j, "（") || s.ptr[j] == '(') {
                i = j;
                break;
            }
        }
    }
    k = i < 9 ? i : 9;
    while (k > 0 && ((unsigned char)s.ptr[i - k] & 0xC0) == 0x80)
        k--;
    /* A name of two characters after a sentence's end or a comma (。各村负责). */
    if (k == 9 && (AT(s, i - 9, "。") || AT(s, i - 9, "，") || AT(s, i - 9, "；")))
        k = 6;
    return k > 0 && fg_clause__looks_like_unit(fg_sv(s.ptr + i - k, k));
}

/*
 * Whether s says who does what, in one pass: 协办 or 主办; 责任 in 责任单位/部门/主体/机构/分工
 * (not 责任险, 主体责任); 牵头, 负责, 配合 or 参与 as a label word (牵头单位, 配合部门) or
 * after a unit name (省公安厅配合; not 社会资本参与, 负责人).
 */
static bool holds_role_word(fg_strview s)
{
    for (size_t i = fg_charscan_next(&sets.note_firsts, s.ptr, s.len, 0, s.len); i < s.len;
         i = fg_charscan_next(&sets.note_firsts, s.ptr, s.len, i + 3, s.len)) {
        if (AT(s, i, "协办") || AT(s, i, "主办"))
            return true;
        if (AT(s, i, "责任")) {
            if (AT(s, i + 6, "单位") || AT(s, i + 6, "部门") || AT(s, i + 6, "主体") ||
                AT(s, i + 6, "机构") || AT(s, i + 6, "分工"))
                return true;
            continue;
        }
        if (!(AT(s, i, "牵头") || AT(s, i, "负责") || AT(s, i, "配合") || AT(s, i, "参与")))
            continue;
        if (AT(s, i + 6, "单位") || AT(s, i + 6, "部门"))
            return true;
        if (!(AT(s, i, "负责") && AT(s, i + 6, "人")) && unit_before(s, i))
            return true;
    }
    return false;
}

/* A role word starts at s[i] (the words of role_event_at()). */
static bool role_word_at(fg_strview s, size_t i)
{
    /* Every word is two characters or more and starts with one of role_firsts. */
    if (i + 6 > s.len || !fg_cjkset_has(&sets.role_firsts, s.ptr + i))
        return false;
    /* By the first character: one comparison of it, then its words only. */
    switch (fg_char3((const unsigned char *)s.ptr + i)) {
    case 0xE789B5: /* 牵 */
        return AT(s, i, "牵头");
    case 0xE8B49F: /* 负 */
        return AT(s, i, "负责") || AT(s, i, "负总责") || AT(s, i, "负属地责任") ||
               AT(s, i, "负主体责任");
    case 0xE890BD: /* 落 */
        return AT(s, i, "落实属地责任");
    case 0xE5B1A5: /* 履 */
        return AT(s, i, "履行属地责任");
    case 0xE694AF: /* 支 */
        return AT(s, i, "支持");
    case 0xE9858D: /* 配 */
        return AT(s, i, "配合");
    case 0xE58F82: /* 参 */
        return AT(s, i, "参与");
    case 0xE4BC9A: /* 会 */
        return AT(s, i, "会同") || AT(s, i, "会办");
    case 0xE58D8F: /* 协 */
        return AT(s, i, "协同") || AT(s, i, "协助") || AT(s, i, "协办") || AT(s, i, "协管");
    case 0xE4B8BB: /* 主 */
        return AT(s, i, "主办") || AT(s, i, "主责") || AT(s, i, "主管");
    case 0xE5BD92: /* 归 */
        return AT(s, i, "归口");
    case 0xE59084: /* 各 */
        return AT(s, i, "各负其责");
    case 0xE68C89: /* 按 */
        return AT(s, i, "按职责") || AT(s, i, "按职能") || AT(s, i, "按照职责") ||
               AT(s, i, "按照职能") || AT(s, i, "按各自职责") || AT(s, i, "按照各自职责");
    case 0xE58D95: /* 单 */
        return AT(s, i, "单位：") || AT(s, i, "单位:");
    case 0xE983A8: /* 部 */
        return AT(s, i, "部门：") || AT(s, i, "部门:");
    default:
        return false;
    }
}

/* A unit's name before s[i], or before the 为 there (市文旅局为主办单位). */
static bool unit_or_wei_before(fg_strview s, size_t i)
{
    return unit_before(s, i) || (i >= 3 && AT(s, i - 3, "为") && unit_before(s, i - 3));
}

/* Whether the role word at s[i] is one that narrative uses as a verb (see role_event_at()). */
static bool verb_like_role_word(fg_strview s, size_t i)
{
    return AT(s, i, "协") || AT(s, i, "主") || AT(s, i, "会办") || AT(s, i, "归") ||
           AT(s, i, "按") || AT(s, i, "支") || AT(s, i, "落") || AT(s, i, "履") ||
           AT(s, i, "负属") || AT(s, i, "负主");
}

/*
 * A role word starts at s[i] that makes its sentence worth a strict parse. 协同, 协助, 协办,
 * 主办, 主责, 会办 and 归口 are common in narrative (协同发展, 主办方, 归口管理), and so are
 * 按职责 and its kin (各地要按职责…), 支持 and the 属地/主体 duties (落实属地责任): they count
 * only after a name that ends like a unit (市财政局协同, 市直各部门按职能做好…, 县财政局支持).
 */
static bool role_event_at(fg_strview s, size_t i)
{
    return role_word_at(s, i) && (!verb_like_role_word(s, i) || unit_or_wei_before(s, i));
}

/* A colon after a name that ends like a unit stands before s[i] (县林业局：负责…, a duty line). */
static bool after_name_colon(fg_strview s, size_t i)
{
    size_t w;

    /* ： is EF BC 9A: one byte before s[i] rules out nearly every other character. */
    if (i < 1 || (s.ptr[i - 1] != ':' && (unsigned char)s.ptr[i - 1] != 0x9A))
        return false;
    w = s.ptr[i - 1] == ':' ? 1 : i >= 3 && AT(s, i - 3, "：") ? 3 : 0;
    return w > 0 && unit_before(s, i - w);
}

/*
 * Where the comma phrase that holds s's first role word starts (after its ， or ,; a word
 * that narrative uses as a verb is passed over in the opening phrase, which was tried whole
 * first: X支持企业…，Y负责), or SIZE_MAX when that phrase opens s or the word follows no
 * unit's name (加强部门协同配合; a
 * manner between them is skipped: …，X、Y按职责分工负责) and the phrase does not open with 由
 * (…，由X、Y按照干部管理权限分别负责).
 */
static size_t role_phrase_start(fg_strview s)
{
    /* How units share a work, between their names and the role word (X、Y按职责分工负责). */
    static const char *const manners[] = {"按职责分工", "按职能分工", "按照职责分工",
                                          "按照职能分工", "按各自职责", "分别", "共同", NULL};
    size_t comma = SIZE_MAX;

    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i])) {
        if (AT(s, i, "，")) {
            comma = i + 3;
        } else if (s.ptr[i] == ',') {
            comma = i + 1;
        } else if (role_event_at(s, i)) {
            size_t name_end = i;

            /* A word of narrative in the opening phrase (X支持企业…，Y负责): the next one. */
            if (comma == SIZE_MAX && verb_like_role_word(s, i))
                continue;

            for (size_t k = 0; manners[k]; k++) {
                size_t n = strlen(manners[k]);

                if (i >= n && memcmp(s.ptr + i - n, manners[k], n) == 0) {
                    name_end = i - n;
                    break;
                }
            }
            return comma != SIZE_MAX && (unit_or_wei_before(s, name_end) || AT(s, comma, "由"))
                       ? comma
                       : SIZE_MAX;
        }
    }
    return SIZE_MAX;
}

/* A role label (fg_clause__label_at(): 牵头单位：, 负责部门:, 推进单位：) starts at s[i]. */
static bool role_label_at(const fg_lexicon *lx, fg_strview s, size_t i)
{
    size_t n;
    fg_label_role r = fg_clause__label_at(lx, s, i, &n);

    return r != FG_LABEL_NONE && r != FG_LABEL_OTHER;
}

/*
 * A labelled block starts at s[i] with a head word we know (牵头单位：, 责任部门：, 配合机构:);
 * labels with other first characters are looked for at line and sentence starts only
 * (line_start_labels()).
 */
static bool label_start_at(const fg_lexicon *lx, fg_strview s, size_t i)
{
    if (i + 9 > s.len || !fg_cjkset_has(&sets.role_firsts, s.ptr + i))
        return false;
    return role_label_at(lx, s, i);
}

#if defined(__SSE2__) && !defined(FG_NO_SIMD)
/*
 * A superset of the bracket starts among the 16 positions at p (p[0..18) readable): ( and ),
 * and a lead byte E3 or EF whose third byte is 88/89 (（）) or 90/91 (【】). One bit each.
 */
static inline unsigned bracket_candidates(const char *p)
{
    __m128i b0 = _mm_loadu_si128((const __m128i *)p);
    __m128i b2 = _mm_loadu_si128((const __m128i *)(p + 2));
    __m128i third = _mm_and_si128(b2, _mm_set1_epi8((char)0xFE)); /* 88/89 → 88, 90/91 → 90 */
    __m128i ascii = _mm_or_si128(fg_parse__eq8(b0, '('), fg_parse__eq8(b0, ')'));
    __m128i lead = _mm_or_si128(fg_parse__eq8(b0, 0xE3), fg_parse__eq8(b0, 0xEF));
    __m128i thirds = _mm_or_si128(fg_parse__eq8(third, 0x88), fg_parse__eq8(third, 0x90));

    return (unsigned)_mm_movemask_epi8(_mm_or_si128(ascii, _mm_and_si128(lead, thirds)));
}
#endif

/*
 * The first index >= i of t, before limit, where a bracket starts — ( ) 【 】 （ ） — or
 * limit. The text is valid UTF-8, so the lead bytes E3 and EF only start characters. With
 * SSE2, 16 positions are filtered at once and only candidates are looked at.
 */
static size_t next_bracket_before(fg_strview t, size_t i, size_t limit)
{
    static const bool may_open[256] = {['('] = true, [')'] = true, [0xE3] = true, [0xEF] = true};

#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    while (i + 16 <= limit && i + 18 <= t.len) {
        unsigned m = bracket_candidates(t.ptr + i);

        if (m == 0) {
            i += 16;
            continue;
        }
        i += (size_t)__builtin_ctz(m);
        if (t.ptr[i] == '(' || t.ptr[i] == ')' || AT(t, i, "（") || AT(t, i, "）") ||
            AT(t, i, "【") || AT(t, i, "】"))
            return i;
        i++;
    }
#endif
    for (; i < limit; i++) {
        if (!may_open[(unsigned char)t.ptr[i]])
            continue;
        if (t.ptr[i] == '(' || t.ptr[i] == ')' || AT(t, i, "（") || AT(t, i, "）") ||
            AT(t, i, "【") || AT(t, i, "】"))
            return i;
    }
    return limit;
}

static size_t next_bracket(fg_strview t, size_t i)
{
    return next_bracket_before(t, i, t.len);
}

/*
 * The first index >= i of o, before limit, where find_clauses() has something to look at: a
 * sentence end 。；！？ or a character that may start a label or a role word; else limit.
 * o is valid UTF-8 (the item text with parentheticals blanked).
 */
/* An event of p->ev: its index << EV_SHIFT | what starts there (EV_TERM, EV_LABEL, EV_ROLE). */
enum { EV_TERM = 1, EV_LABEL = 2, EV_ROLE = 4, EV_SHIFT = 3 };

/* The first index >= i of o that is not a blank (U+0020, tab, U+3000, U+00A0, line end). */
static size_t skip_blank_chars(fg_strview o, size_t i)
{
    for (;;) {
        /* Parentheticals blanked by find_clauses() leave long runs of ' ': 8 at a time. */
        while (i + 8 <= o.len && memcmp(o.ptr + i, "        ", 8) == 0)
            i += 8;
        i = fg_parse__skip_blanks(o, i);
        if (i < o.len && (o.ptr[i] == '\r' || o.ptr[i] == '\n'))
            i++;
        else
            return i;
    }
}

/*
 * Add to p->ev (in order) the role labels that start a line or follow a sentence end and
 * begin with a character label_start_at() does not look at (推进单位：, 牵 头 单 位：).
 * Line and sentence starts are few, so each is tried once.
 */
static int line_start_labels(parser *p, fg_strview o)
{
    size_t *extra = NULL;
    size_t n_extra = 0;
    size_t cap_extra = 0;
    size_t lm_k = 0;
    size_t ev_k = 0;
    int rc = FG_OK;

    if (!p->may_label)
        return FG_OK;
    for (;;) {
        size_t at;
        size_t x;

        /* The next line start or place after a sentence end, whichever comes first. */
        while (ev_k < p->n_ev && (p->ev[ev_k] & EV_TERM) == 0)
            ev_k++;
        at = SIZE_MAX;
        if (lm_k < p->n_lm && p->lm[lm_k].off < o.len)
            at = p->lm[lm_k].off;
        if (ev_k < p->n_ev) {
            size_t e = p->ev[ev_k] >> EV_SHIFT;

            e += fg_cp_len((unsigned char)o.ptr[e]); /* 。 or ; (one byte) */
            if (e < at)
                at = e;
        }
        if (at == SIZE_MAX)
            break;
        if (lm_k < p->n_lm && p->lm[lm_k].off == at)
            lm_k++;
        else
            ev_k++;
        x = skip_blank_chars(o, at);
        if (x >= o.len ||
            (((unsigned char)o.ptr[x] < 0xE4 || (unsigned char)o.ptr[x] > 0xE9) &&
             !AT(o, x, "【") && !AT(o, x, "〔")) ||
            !role_label_at(p->units.lex, o, x))
            continue;
        {
            /*
             * 政务服务中心 | 配合单位：, the end of a wrapped name on its line, then a line
             * that starts a label, is no label 政务服务中心配合单位：. (A label itself may wrap:
             * 【责任 | 单位】.)
             */
            size_t n;
            size_t k = lm_k;

            (void)fg_clause__label_at(p->units.lex, o, x, &n);
            while (k < p->n_lm && p->lm[k].off <= x)
                k++;
            if (k < p->n_lm && p->lm[k].off < x + n && role_label_at(p->units.lex, o, p->lm[k].off))
                continue;
        }
        if (n_extra > 0 && extra[n_extra - 1] >= x)
            continue;
        FG_TRY(fg_parse__grow((void **)&extra, &cap_extra, n_extra, sizeof *extra));
        extra[n_extra++] = x;
    }
    if (n_extra > 0) {
        /* Merge: both lists are in order; an extra label never has an event of its own. */
        size_t total = p->n_ev + n_extra;
        size_t a = p->n_ev;
        size_t b = n_extra;

        if (total > p->cap_ev) {
            size_t *ev = realloc(p->ev, total * sizeof *ev);

            if (ev == NULL) {
                rc = fg_error_set(FG_ENOMEM, "out of memory");
                goto out;
            }
            p->ev = ev;
            p->cap_ev = total;
        }
        for (size_t w = total; w-- > 0;) {
            if (b > 0 && (a == 0 || (p->ev[a - 1] >> EV_SHIFT) < extra[b - 1]))
                p->ev[w] = extra[--b] << EV_SHIFT | EV_LABEL;
            else
                p->ev[w] = p->ev[--a];
        }
        p->n_ev = total;
    }
out:
    free(extra);
    return rc;
}

/*
 * Whether the half-width ; at s[i] ends a sentence, as ； does. It does not when it closes
 * an HTML character reference (&nbsp; &#12288; &#x3000;: a text copied from a page's
 * source; the HTML reader has decoded them) or stands inside a web address, whose
 * characters run on without a blank from :// or www. through the ; and after it
 * (http://a.gov.cn/x;jsessionid=1).
 */
static bool semicolon_ends(fg_strview s, size_t i)
{
    size_t j = i;

    while (j > 0 && i - j < 32 &&
           ((s.ptr[j - 1] >= 'a' && s.ptr[j - 1] <= 'z') ||
            (s.ptr[j - 1] >= 'A' && s.ptr[j - 1] <= 'Z') ||
            (s.ptr[j - 1] >= '0' && s.ptr[j - 1] <= '9') || s.ptr[j - 1] == '#'))
        j--;
    if (j + 1 < i && j > 0 && s.ptr[j - 1] == '&')
        return false;
    if (i + 1 < s.len && (unsigned char)s.ptr[i + 1] > 0x20 &&
        (unsigned char)s.ptr[i + 1] < 0x7F) {
        fg_strview run;

        j = i;
        while (j > 0 && (unsigned char)s.ptr[j - 1] > 0x20 && (unsigned char)s.ptr[j - 1] < 0x7F)
            j--;
        run = fg_sv(s.ptr + j, i - j);
        if (fg_sv_contains(run, "://") || (run.len >= 4 && memcmp(run.ptr, "www.", 4) == 0))
            return false;
    }
    return true;
}

/*
 * Add to p->ev[0..p->n_ev) (in order) an EV_TERM event at each half-width ; of o that ends a
 * sentence (semicolon_ends()): the character scanner sees only 3-byte characters.
 */
static int add_semicolon_events(parser *p, fg_strview o)
{
    size_t *semi = NULL;
    size_t n_semi = 0;
    size_t cap_semi = 0;
    size_t a;
    size_t w;
    int rc = FG_OK;

    for (const char *c = memchr(o.ptr, ';', o.len); c != NULL;
         c = memchr(c + 1, ';', o.len - (size_t)(c + 1 - o.ptr))) {
        if (!semicolon_ends(o, (size_t)(c - o.ptr)))
            continue;
        FG_TRY(fg_parse__grow((void **)&semi, &cap_semi, n_semi, sizeof *semi));
        semi[n_semi++] = (size_t)(c - o.ptr);
    }
    if (n_semi == 0)
        goto out;
    if (p->n_ev + n_semi > p->cap_ev) {
        size_t *ev = realloc(p->ev, (p->n_ev + n_semi) * sizeof *ev);

        if (ev == NULL) {
            rc = fg_error_set(FG_ENOMEM, "out of memory");
            goto out;
        }
        p->ev = ev;
        p->cap_ev = p->n_ev + n_semi;
    }
    /* Merge from the back: both lists are in order. */
    a = p->n_ev;
    w = p->n_ev + n_semi;
    p->n_ev = w;
    while (n_semi > 0) {
        if (a > 0 && (p->ev[a - 1] >> EV_SHIFT) > semi[n_semi - 1])
            p->ev[--w] = p->ev[--a];
        else
            p->ev[--w] = semi[--n_semi] << EV_SHIFT | EV_TERM;
    }
out:
    free(semi);
    return rc;
}

/*
 * Into p->ev, in order, every index of o where find_clauses() has something to look at: a
 * sentence end 。；！？ or a half-width ; (EV_TERM), or the start of a label (EV_LABEL,
 * label_start_at()) or of a role word (EV_ROLE, role_event_at()), or both. o is valid UTF-8
 * (the item text with parentheticals blanked); one pass of sets.events finds the
 * candidates, an exact test keeps the events, and add_semicolon_events() the ;.
 */

static int collect_sentence_events(parser *p, fg_strview o)
{
    size_t need = o.len / 3 + 1;
    size_t n;
    size_t k = 0;

    if (need > p->cap_ev) {
        size_t *ev = realloc(p->ev, need * sizeof *ev);

        if (ev == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        p->ev = ev;
        p->cap_ev = need;
    }
    n = fg_charscan_all(&sets.events, o.ptr, o.len, p->ev);
    for (size_t j = 0; j < n; j++) {
        size_t i = p->ev[j];

        if (fg_cjkset_has(&sets.role_firsts, o.ptr + i)) {
            /*
             * A role character that starts neither a label nor a role word changes nothing
             * in find_clauses(): it is dropped here, and the loop there never visits it.
             * Most role characters (主 会 实 其 部 …) start other words: the character
             * after them rules those out at once.
             */
            size_t kind;

            if (i + 6 > o.len || !fg_cjkset_has(&sets.role_seconds, o.ptr + i + 3))
                continue;
            kind = (p->may_label && label_start_at(p->units.lex, o, i) ? EV_LABEL : 0) |
                   (role_event_at(o, i) || after_name_colon(o, i) ? EV_ROLE : 0);
            if (kind != 0)
                p->ev[k++] = i << EV_SHIFT | kind;
        } else if (AT(o, i, "。") || AT(o, i, "；") || AT(o, i, "！") || AT(o, i, "？") ||
                   AT(o, i, "——") || (i >= 3 && AT(o, i - 3, "——"))) {
            p->ev[k++] = i << EV_SHIFT | EV_TERM;
        }
    }
    p->n_ev = k;
    if (memchr(o.ptr, ';', o.len) != NULL) {
        int rc = add_semicolon_events(p, o);

        if (rc < 0)
            return rc;
    }
    return line_start_labels(p, o);
}

/*
 * label_start_at(o, x), where o is the text of p->ev: collect_sentence_events() tried it at
 * every place where a label may start, so a label starts at x exactly when an event there
 * says so. *k is a cursor into p->ev that only moves forward: x must not decrease from one
 * call to the next.
 */
static bool label_event_at(const parser *p, size_t x, size_t *k)
{
    while (*k < p->n_ev && (p->ev[*k] >> EV_SHIFT) < x)
        (*k)++;
    /* line_start_labels() may have added a second event at a place. */
    for (size_t j = *k; j < p->n_ev && (p->ev[j] >> EV_SHIFT) == x; j++)
        if ((p->ev[j] & EV_LABEL) != 0)
            return true;
    return false;
}

/* Whether s starts with a label of another field (完成时限：, 预期成果：): part of a block. */
static bool field_label_at(const fg_lexicon *lx, fg_strview s)
{
    size_t n;

    return fg_clause__label_at(lx, s, 0, &n) == FG_LABEL_OTHER;
}

/* Whether o[at] is the first character of a line other than blanks (p->lm). */
static bool starts_line(const parser *p, fg_strview o, size_t at)
{
    size_t lo = lines_upto(p, at);

    return lo > 0 && skip_blank_chars(o, p->lm[lo - 1].off) == at;
}

/* Whether s ends with a separator (，；。、：, or their half-width forms) before any blanks. */
static bool ends_with_sep(fg_strview s)
{
    s = fg_parse__trim(s);
    return fg_sv_ends(s, "，") || fg_sv_ends(s, "；") || fg_sv_ends(s, "。") ||
           fg_sv_ends(s, "、") || fg_sv_ends(s, "：") ||
           (s.len > 0 && (s.ptr[s.len - 1] == ',' || s.ptr[s.len - 1] == ';'));
}

static bool name_goes_on(fg_strview before, fg_strview after);

/*
 * Whether a labelled line that ends with before is cut inside a name that the next line,
 * after, goes on with: a level word alone after a separator (…、市 | 政务服务中心: PDF text
 * wraps at the page width), or a place before a bracket that opens the next line (各县 |
 * （市、区）人民政府).
 */
static bool cut_place(fg_strview before, fg_strview after)
{
    static const char *const seps[] = {"、", "，", "：", "；"};

    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++)
        if (before.len >= 6 && fg_sv_at(before, before.len - 6, seps[k], 3) &&
            (fg_sv_ends(before, "市") || fg_sv_ends(before, "省") || fg_sv_ends(before, "县") ||
             fg_sv_ends(before, "区") || fg_sv_ends(before, "州")))
            return true;
    return (AT(after, 0, "（") || (after.len > 0 && after.ptr[0] == '(')) &&
           (fg_sv_ends(before, "县") || fg_sv_ends(before, "市") || fg_sv_ends(before, "区") ||
            fg_sv_ends(before, "乡") || fg_sv_ends(before, "镇"));
}

/*
 * Find the clauses of the open item in its own text: parentheticals first, then the
 * text outside them, split into sentences, for labelled blocks and role sentences. Each
 * parenthetical is blanked in place once it has been tried (text[0..len) is the item's
 * working copy: its text is already in the arena), so that the text outside them keeps
 * its offsets and no copy of it is made.
 */
static int find_clauses(parser *p, char *text, size_t len)
{
    fg_strview t = fg_sv(text, len);
    size_t depth = 0;
    size_t open_at = 0;
    size_t open_len = 0;
    int rc = FG_OK;
    bool found;

    /* Only brackets matter here: the scan jumps from one to the next. */
    for (size_t i = next_bracket(t, 0); i < t.len; i = next_bracket(t, i)) {
        size_t n;

        if (fg_parse__clause_open(t, i, &n)) {
            if (depth == 0) {
                open_at = i;
                open_len = n;
            }
            if (depth < 1000000)
                depth++;
            i += n;
            continue;
        }
        if (!fg_parse__clause_close(t, i, &n)) {
            i += fg_cp_len((unsigned char)t.ptr[i]);
            continue;
        }
        /* A closing bracket with no opening one is ordinary text. */
        if (depth > 0 && --depth == 0) {
            fg_strview in = fg_sv(t.ptr + open_at + open_len, i - open_at - open_len);

            size_t lab;

            if (fg_clause__mark(fg_sv(t.ptr, open_at), in) != FG_LABEL_NONE ||
                (fg_clause__label_at(p->units.lex, t, open_at, &lab) != FG_LABEL_NONE &&
                 open_at + lab >= i + n)) {
                /*
                 * X（牵头）, Y（会办）: stays for the list it marks (责任单位：X（牵头）、Y);
                 * 【牵头单位】X: a label in brackets, read with the text after it.
                 */
                i += n;
                continue;
            }
            found = false;
            /* （X（牵头）、Y、Z）: the marks say the roles. */
            if (fg_clause__has_role_word(p->units.lex, in) || fg_clause__has_mark(in)) {
                FG_TRY(try_clause(p, in, open_at, 0, &found));
            } else if (p->first_is_lead &&
                       fg_clause__name_bracket(fg_sv(t.ptr, open_at), t, open_at) !=
                           i + n - open_at) {
                /* Not 各村（社区）: a name's other end is no list of units. */
                FG_TRY(try_clause(p, in, open_at, FG_CLAUSE_BARE_LIST, &found));
            }
            if (!found &&
                fg_clause__name_bracket(fg_sv(t.ptr, open_at), t, open_at) == i + n - open_at) {
                /* 各县（市、区）人民政府: part of a name, left for the list it stands in. */
                i += n;
                continue;
            }
            if (!found && fg_clause__same_as_above(fg_parse__trim(in)))
                p->items[p->cur].same_above = true; /* （同上）: see same_as_above() */
            else if (!found)
                FG_TRY(note_bracket(p, in, open_at));
            memset(text + open_at, ' ', i + n - open_at);
        }
        i += n;
    }
    if (depth > 0) {
        /* An unclosed parenthetical runs to the end of the item. */
        fg_strview in = fg_sv(t.ptr + open_at + open_len, t.len - open_at - open_len);

        found = false;
        if (fg_clause__has_role_word(p->units.lex, in) && in.len < 2000)
            FG_TRY(try_clause(p, in, open_at, 0, &found));
        if (!found)
            FG_TRY(note_bracket(p, in, open_at));
        memset(text + open_at, ' ', t.len - open_at);
    }

    /* Outside parentheticals: labelled blocks and role sentences. */
    p->bracket_clauses_end = p->n_clauses;
    {
        fg_strview o = t;
        size_t start = 0;
        size_t block_start = SIZE_MAX;  /* a run of labelled sentences not yet parsed */
        size_t block_end = 0;
        size_t seams[MAX_SEAMS];        /* labels in the block that follow no separator */
        size_t n_seams = 0;
        size_t lm_k = 0;
        size_t ev_k = 0;
        bool cand = false;   /* the sentence so far holds a role word */
        bool start_is_label;
        size_t label_k = 0;  /* label_event_at()'s cursor: sentence starts only move on */

        /* Every label ends with a colon or stands in 【】 〔〕: most items hold none. */
        p->may_label = memchr(o.ptr, ':', o.len) != NULL ||
                       fg_charscan_next(&sets.label_marks, o.ptr, o.len, 0, o.len) < o.len;
        FG_TRY(collect_sentence_events(p, o));
        start_is_label = label_event_at(p, start, &label_k);
        for (size_t i = 0; i <= o.len;) {
            size_t n;
            bool term;
            bool maybe;       /* i starts a label or a role word (EV_LABEL, EV_ROLE) */
            bool is_event = false;
            bool is_term = false;
            bool at_line = false;
            size_t next = o.len;

            /*
             * Nothing happens between events: sentence ends, label and role word starts
             * (p->ev), and line starts while the sentence starts with a label (only a line
             * break can end it then). Jump to the next one.
             */
            while (ev_k < p->n_ev && (p->ev[ev_k] >> EV_SHIFT) < i)
                ev_k++;
            if (ev_k < p->n_ev) {
                next = p->ev[ev_k] >> EV_SHIFT;
                is_event = true;
                is_term = (p->ev[ev_k] & EV_TERM) != 0;
            }
            if (start_is_label) {
                while (lm_k < p->n_lm && p->lm[lm_k].off < i)
                    lm_k++;
                if (lm_k < p->n_lm && p->lm[lm_k].off <= next && p->lm[lm_k].off < o.len) {
                    at_line = true;
                    if (p->lm[lm_k].off < next)
                        is_event = false;
                    next = p->lm[lm_k].off;
                }
            }
            i = next;
            n = i < o.len ? fg_cp_len((unsigned char)o.ptr[i]) : 0;
            term = i == o.len || (is_event && is_term);
            maybe = is_event && !is_term;
            bool label_here = maybe && i > start && (p->ev[ev_k] & EV_LABEL) != 0;
            bool line_break = false;

            /* A line break ends a labelled line when its last unit is complete. */
            if (!term && !label_here && at_line && i > start && start_is_label) {
                fg_strview before = fg_parse__trim(fg_sv(o.ptr + start, i - start));

                size_t line_end = lm_k + 1 < p->n_lm && p->lm[lm_k + 1].off <= o.len
                                      ? p->lm[lm_k + 1].off
                                      : o.len;

                line_break = !fg_sv_ends(before, "、") && !fg_sv_ends(before, "，") &&
                             fg_clause__looks_like_unit(fg_sv(before.ptr + before.len -
                                                                  (before.len < 9 ? before.len : 9),
                                                              before.len < 9 ? before.len : 9)) &&
                             !cut_place(before, fg_sv(o.ptr + i, o.len - i)) &&
                             !name_goes_on(before, fg_sv(o.ptr + i, line_end - i));
            }
            if (term || label_here || line_break) {
                fg_strview sent = fg_parse__trim(fg_sv(o.ptr + start, i - start));

                if (sent.len && (label_event_at(p, (size_t)(sent.ptr - o.ptr), &label_k) ||
                                 (block_start != SIZE_MAX && field_label_at(p->units.lex, sent)))) {
                    size_t at = (size_t)(sent.ptr - o.ptr);

                    if (block_start == SIZE_MAX) {
                        block_start = at;
                        n_seams = 0;
                    } else if (n_seams < MAX_SEAMS && !ends_with_sep(fg_sv(o.ptr, at)) &&
                               starts_line(p, o, at)) {
                        seams[n_seams++] = at;
                    }
                    block_end = at + sent.len;
                } else {
                    if (block_start != SIZE_MAX && sent.len) {
                        FG_TRY(try_block(p, o, block_start, block_end, seams, n_seams, &found));
                        block_start = SIZE_MAX;
                    }
                    if (cand && sent.len && sent.len < 600)
                        FG_TRY(try_sentence(p, o, sent, &found));
                }
                start = term ? i + n : i;
                start_is_label = label_event_at(p, start, &label_k);
                cand = false;
            }
            if (i == o.len)
                break;
            cand = cand || (maybe && (p->ev[ev_k] & EV_ROLE) != 0);
            i += n;
        }
        if (block_start != SIZE_MAX)
            FG_TRY(try_block(p, o, block_start, block_end, seams, n_seams, &found));
    }
out:
    return rc;
}

/* ---- work teams ---- */

/*
 * Work teams and committees (工作专班, 领导小组, 部际联席会议, 指挥部, 工作组, 委员会).
 *
 * A text that may hold a team (team_signal(): 召集人, 组长, 指挥, 成员, 委员, 办公室设在 or a
 * team ending; 组　　长, 成　　员, 委　　员 spaced with blanks too) is read as a list of
 * segments: the text between ，。；！？ (outside brackets) and the line breaks that end a list
 * line (team_text(): a line of at most 24 characters or holding a U+3000, that does not end
 * with 、 or ，, or a line ending with 。：；, or the line two above a date of issue alone (the
 * issuer's name is then a line of its own), is a line of its own; other lines are prose
 * wrapped or cut by a page break and are joined with no separator, as everywhere else). A
 * label of rule 2 run into the text before it, after a colon or a name's last ideograph
 * (组　长：张三　县长副组长：李四　副县长成员：…, a 名单 whose line breaks were lost), opens a
 * line of its own too (append_run_in()), and so does an office's phrase run into the list
 * before it (成员：A、B领导小组办公室设在C: office_run_in()).
 * The team named last in a part is the current team, also for the items after it. Rules,
 * applied to each segment:
 *
 * 1. Team name: a noun phrase ending in one of team_endings. It names a new team (or the
 *    one of that name already seen in the document) after 成立/组建/设立/建立/调整: the name is
 *    what follows the verb, after a 的 (建立由X牵头的Y联席会议制度 → Y联席会议; a trailing 制度
 *    is dropped), and the words before the 的 are read as segments (由省长任组长的,
 *    以X为组长、Y为副组长的; each part up to a ，). From a verb followed by 以 or 由 (not
 *    成立以来) to the 。 is one segment when a team's name comes before the 。 (frame_end():
 *    成立以市长为组长，副市长为副组长，X、Y主要负责同志为成员的Z领导小组). A line that is
 *    only a name is a title line (XX领导小组, 附：XX部际联席会议成员名单, XX指挥部组成人员,
 *    XX工作专班方案, XX领导小组工作规则: the team a document constitutes or rules may be
 *    named in its title only). 委员会 names a team only after a verb, or on a title line
 *    with the words of a 名单 after it (X委员会组成人员名单, roster_tail()): 发展和改革委员会
 *    is an agency. A 委员会 after a verb also signals a team (committee_after_verb()), so
 *    that a notice 关于成立X委员会的通知 opens the team its numbered sections (一、组成人员 /
 *    主　任：… / 二、主要职责 / 三、办公室) then fill. Any other mention is a reference to the current team,
 *    but a role word that starts with a team's ending (专班长：, 专班长由市长担任) is no
 *    mention: it is read as the role word (rule 2).
 *    Under a current team, a title line of 3 to 10 ideographs ending in a group's noun (组,
 *    专班 and the other team endings a verb need not announce, or a squad's 队 that is no
 *    unit's: group_noun_end()), with no word of a sentence (group_name(): 综合协调组,
 *    综合协调专班, 督导服务队), names a group of that team, a team of its own; a mention of
 *    a team's name after its groups (指挥部办公室设在X) refers to the team above them again.
 *    An item whose text starts with a team's or a group's name and then one of the labels of
 *    rule 2 (（一）综合协调组 / 组长单位：X, （二）X产业链工作专班 /
 *    链　长：…) is that team's heading and no task (team_heading(), asked by close_item()):
 *    no clause is read from it, so its 组长单位 and 牵头单位 give no task rows. A group's
 *    name may also be a line's first sentence, followed by who leads it (（一）环境整治组。
 *    由市城管局牵头，市住房城乡建设局、市生态环境局参加。), or stand before a colon and who
 *    leads it (1．综合协调组：由党政综合办牵头，社会事务办参与。): in a group, (由)X牵头 gives the
 *    convenor and X参加, X参与, X配合 the members, and such an item is a heading too; so is
 *    one whose first sentence, a group's name, is followed by the labels of rule 2
 *    (（一）综合协调组。组长单位：X；成员单位：Y): its 组长单位 gives no task row.
 * 2. Labels at the start of a segment, their characters possibly spaced with U+0020, U+00A0,
 *    U+3000 (召 集 人：, 组　　长：), ending in ： or : (or, at the start of a line, in a blank
 *    or the line's end), possibly with a note on the list in brackets before it (成员（按姓氏
 *    笔画排序）：, 委员（按单位排序）：, label_note_end()):
 *    召集人/召集单位/组长/第一组长/组长单位/总指挥/指挥长/政委/第一政委/主任/主任委员/链长/
 *    总链长/专班长/总河长/总湖长/总林长 (of a 河长制, 湖长制, 林长制: team names too) →
 *    convenor (第一组长 and 组长 of a team with two heads, 创建 teams, are both convenors, and
 *    so are a 指挥部's 指挥长 and its 政委, who heads it beside him),
 *    副召集人/副召集单位/副组长/副组长单位/常务副组长/副总指挥/副指挥长/执行指挥长/副政委/
 *    副主任/副主任委员/副链长/副总链长/副专班长/副总河长/副总湖长/副总林长 → deputy
 *    (执行指挥长 runs a 指挥部 under its 指挥长, as 执行副组长 and 常务副指挥长 do),
 *    成员/成员单位/组员/委员 → member, 办公室主任 → office,
 *    联络员/秘书长/办公室副主任 → no rows. The units follow the label; the next segments
 *    (list lines under 成员：, or ，-separated) continue the label's role as long as each of
 *    their names looks like a unit, up to a 。 or the next label; a label the team reader
 *    does not know (牵头单位：X, other_label()) ends the list and gives no row, and so does
 *    a list line right above a line that is only a date (YYYY年M月D日, signed_below()): the
 *    issuer's name in the signature (某市人民政府办公室 / 2024年3月1日) is no member.
 *    Under a label alone on its line (成员单位：, team_label_alone()) the list may come one
 *    unit a numbered line (（1）县自然资源局, 1．县林业局, as 预案 and 名单 write it): such a
 *    line, its number dropped, is a list line and no item (team_list_line(), asked by
 *    process_line()); the first line that is not ends the list.
 * 3. Sentences: (由|以)X(担任|任|兼任|出任|为|作为)(TEAM)?ROLE → X has ROLE (ROLE one of the
 *    label words); ROLE由X(担任|兼任|出任) likewise; 成员单位(包括|为|：|由)LIST,
 *    成员(包括|为|由)LIST, (TEAM)?由LIST(等N个部门和单位)?组成 (not 由以下人员组成),
 *    LIST(等)?为(TEAM)?成员单位 → members; 办公室设在X → office, and so do (TEAM)?下设办公室，
 *    设在X and 下设办公室（(办公室)?设在X）; a 下设办公室 gives no row of its own, ends the
 *    list before it, and opens a line of its own as 办公室设在 does (team_text()). A segment
 *    holding 联络员 gives no rows and does not end a list.
 * 4. Names: a list is split on 、 (outside brackets), on a 和/及 after a post title and on
 *    U+3000 between two or more units (省发展改革委　省财政厅, not 王　五　财政部副部长),
 *    on runs of two blanks or more between persons side by side, each a name, a blank and a
 *    post (张　三　市财政局局长　　李　四　市公安局副局长, a 名单 printed two-up), or names and
 *    posts in turn (张　三　　市财政局局长　　李　四　　市公安局副局长: two_up_persons(); as
 *    tab-separated cells: two_up_row()), then as the units of a clause (和/及 between units, shared
 *    suffixes, trailing 等, and shared prefixes: 县发展改革局、财政局 → 县财政局, 县委宣传部、
 *    组织部 → 县委组织部).
 *    Each name given as a post
 *    yields its unit (post_unit()): a person's name is dropped (the words before the last
 *    blank: 张三　省政府副省长, 王　五　财政部副部长; the name before a bracketed post:
 *    李四（省发展改革委主任）; the name between a post and 同志: 省政府副省长李文华同志), and a
 *    bracketed note after a unit (省水利厅（名单附后）, not an alias such as X（Y局） nor a short
 *    alternative of its end that the clauses keep: 学生工作部（处）, 各学院（部）) or on the
 *    person after a post (drop_note(): 市发展改革委主任（兼秘书长）, 常务副市长（常务）, 市公安局
 *    副局长（正厅级）, and any bracket that starts with 兼), then a
 *    trailing post title (post_titles: 副部长, 主要负责人, 分管负责同志 …) and a 常务/分管/主管/
 *    主要/有关 before it; a charge before the post (drop_charge(): 分管水利工作的副县长 →
 *    县人民政府, 县政府分管教育工作的副县长 → 县政府) describes the person and is dropped; a
 *    person's 2 or 3 characters after a post go with it (市发展改革委主任赵六). A post with
 *    nothing before it is kept whole (常务副市长), but a head of
 *    government's stands for its government (市长, 副省长: 市人民政府, 省人民政府), as it does
 *    after a place named by its level, which no post's unit is (各区区长, 各乡镇镇长, 某县县长,
 *    各县（市、区）县（市、区）长: 各区人民政府 …, place_gov()); a place's 党委书记 gives its
 *    党委 (各乡镇党委书记 → 各乡镇党委, as 镇党委书记 → 镇党委), and an
 *    或-alternative of posts (省政府副秘书长或省政府办公厅副主任, the seeds' convenor) is kept
 *    whole. A person holds several posts as one name, and the last gives the unit: in
 *    brackets (王建国（县委副书记、县长）) or, after a name and a blank, a post alone following
 *    (周涛　县委常委、副县长); a post title alone there names no unit of its own (刘建国　区交通
 *    集团党委书记、董事长 → 区交通集团), and a 工会 or a department in 部 or 室 is the first
 *    post's unit's (…党委副书记、工会主席 → 区交通集团工会, rank_unit()). A name of 2 padded
 *    with a blank between its characters is a name (何　静　市水利局局长). A name of 2 or 3
 *    after the post and a blank is dropped too (drop_name_after(): 市长　王　明 → 市人民政府,
 *    市财政局局长　孙　丽 → 市财政局). Without
 *    a person's name before it, a post after a rank (rank_posts: 常委, 党组书记, 党组成员,
 *    党委委员 …; after 副书记 a post alone only: 市委副书记、市长 is one person, 镇党委副书记、
 *    镇人大主席 two) is the same person's too: a post title
 *    alone gives no row of its own, the rank's unit stays (市水利局党组书记、局长 → 市水利局),
 *    a head of government's post names the unit instead (市委常委、常务副市长 → 市人民政府), and
 *    so does a post in a unit (市政府党组成员、市发展改革委主任 → 市发展改革委; 市委常委、市纪委
 *    书记 → 市纪委): one person, one row. A department written there without its level is the
 *    rank's unit's (rank_unit(), as the clauses share prefixes: 市委常委、宣传部部长 →
 *    市委宣传部, 县政府党组成员、办公室主任 → 县政府办公室; 厅 局 委 办 take the level only:
 *    县委常委、政法委书记 → 县政法委).
 *    The lexicon holds the posts of townships (镇长, 副乡长: 镇人民政府, 乡人民政府; 所长,
 *    站长, 大队长, 支队长), companies, associations and media (经理, 董事长, 总裁, 总会计师,
 *    理事长, 会长, 社长, 台长, 馆长), ranks (常委: 市委常委 → 市委; 一级–四级
 *    调研员) and Party posts (党组成员, 党委书记); stripping a post never leaves a
 *    one-character name (镇党委书记 → 镇党委, not 镇; 局党组成员 → 局党组, as 成员 is a post
 *    title after 党组成员), and what a post leaves is a unit however short (镇人大主席 →
 *    镇人大). A person's post that names no unit once its post is dropped
 *    (李　一　市财政局首席数据官, an unknown post) costs that name only: no row, and the list
 *    lines under the label go on. A 、 inside brackets does not split a name: 各县（市、区）人民
 *    政府 is one row, and the unit's other names in brackets at its end are dropped, as in
 *    the clauses (市委宣传部（市新闻出版局、市电影局） → 市委宣传部); a 和 or 及 after its
 *    bracket between two names that look like units joins two units, as in the clauses
 *    (各县（市、区）人民政府和市直有关单位分管负责同志 → 各县（市、区）人民政府, 市直有关单位;
 *    各县（市、区）文化和旅游局 stays whole). A name of at most 4
 *    characters that is neither a unit nor what a post left is a person's
 *    and gives no row (王海涛同志兼任办公室主任), nor do names that speak of the members
 *    (其他成员单位…; but X及其成员单位 names X and X成员单位, as in the clauses). A name of 2
 *    or 3 ideographs ending in 军 is a person's, not a unit, unless it is an armed service
 *    (周建军　镇长 → 镇人民政府; 驻军, 解放军: unit_not_name()).
 * 5. Rows: one per unit; a unit named twice in one role of a team is kept once. A team's rows
 *    come out as convenor, deputies, members, office, each in the document's order
 *    (order_team_rows()); a name with no rows is not a team.
 *
 * Each segment is read a bounded number of times, so this is linear in the text, apart from
 * the search of a new name among the last 64 teams.
 */

/*
 * Whether line is a date of issue alone, YYYY年M月D日 (a signature's; at most 3 characters
 * after it); *y, *mo, *d receive it.
 */
static bool date_line(fg_strview line, long *y, long *mo, long *d)
{
    size_t n1;
    size_t n2;
    size_t n3;

    *y = fg_parse__arabic_number(line, 0, &n1, 4);
    if (*y < 1949 || *y > 2100 || n1 != 4 || !AT(line, n1, "年"))
        return false;
    *mo = fg_parse__arabic_number(line, n1 + 3, &n2, 2);
    if (*mo < 1 || *mo > 12 || !AT(line, n1 + 3 + n2, "月"))
        return false;
    *d = fg_parse__arabic_number(line, n1 + 6 + n2, &n3, 2);
    return *d >= 1 && *d <= 31 && AT(line, n1 + 6 + n2 + n3, "日") &&
           n1 + 9 + n2 + n3 >= line.len - 9;
}

/* Position of lit in s at or after from, or SIZE_MAX. */
static size_t find_from(fg_strview s, size_t from, const char *lit)
{
    size_t r;

    if (from > s.len)
        return SIZE_MAX;
    r = fg_sv_find(fg_sv(s.ptr + from, s.len - from), lit);
    return r == SIZE_MAX ? SIZE_MAX : from + r;
}

/*
 * The first 、 of s at or after from that stands outside brackets, or SIZE_MAX: a person's
 * posts in brackets (李明（县委常委、常务副县长）) are one name of a team list.
 */
static size_t list_sep_from(fg_strview s, size_t from)
{
    int depth = 0;

    for (size_t i = from; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i])) {
        if (AT(s, i, "（") || s.ptr[i] == '(')
            depth++;
        else if ((AT(s, i, "）") || s.ptr[i] == ')') && depth > 0)
            depth--;
        else if (depth == 0 && AT(s, i, "、"))
            return i;
    }
    return SIZE_MAX;
}

/* Roles beyond fg_team_role for the words of team_words[]. */
enum { TEAM_SKIP = -1 }; /* 联络员 and other persons' roles: no rows */

typedef struct team_word {
    const char *s;
    int role; /* fg_team_role or TEAM_SKIP */
} team_word;

/*
 * The role words, longer before shorter where one ends with another (副组长 before 组长,
 * 办公室主任 before 主任), so that the first match at a position or at an end is the right one.
 */
static const team_word team_words[] = {
    {"办公室副主任", TEAM_SKIP},     {"办公室主任", FG_TEAM_OFFICE},
    {"常务副召集人", FG_TEAM_DEPUTY}, {"副召集人", FG_TEAM_DEPUTY},
    {"第一召集人", FG_TEAM_CONVENOR}, {"总召集人", FG_TEAM_CONVENOR},
    {"召集人", FG_TEAM_CONVENOR},    {"副召集单位", FG_TEAM_DEPUTY},
    {"第一组长", FG_TEAM_CONVENOR},   {"执行指挥长", FG_TEAM_DEPUTY},
    {"召集单位", FG_TEAM_CONVENOR},   {"副组长单位", FG_TEAM_DEPUTY},
    {"组长单位", FG_TEAM_CONVENOR},   {"常务副组长", FG_TEAM_DEPUTY},
    {"执行副组长", FG_TEAM_DEPUTY},   {"副组长", FG_TEAM_DEPUTY},
    {"组长", FG_TEAM_CONVENOR},      {"常务副总指挥", FG_TEAM_DEPUTY},
    {"副总指挥", FG_TEAM_DEPUTY},     {"总指挥", FG_TEAM_CONVENOR},
    {"常务副指挥长", FG_TEAM_DEPUTY}, {"副指挥长", FG_TEAM_DEPUTY},
    {"指挥长", FG_TEAM_CONVENOR},    {"第一政委", FG_TEAM_CONVENOR},
    {"副政委", FG_TEAM_DEPUTY},       {"政委", FG_TEAM_CONVENOR},
    {"副主任委员", FG_TEAM_DEPUTY},
    {"主任委员", FG_TEAM_CONVENOR},   {"常务副主任", FG_TEAM_DEPUTY},
    {"副主任", FG_TEAM_DEPUTY},       {"主任", FG_TEAM_CONVENOR},
    {"成员单位", FG_TEAM_MEMBER},     {"成员", FG_TEAM_MEMBER},
    {"组员", FG_TEAM_MEMBER},         {"委员", FG_TEAM_MEMBER},
    {"副总链长", FG_TEAM_DEPUTY},     {"总链长", FG_TEAM_CONVENOR},
    {"副链长", FG_TEAM_DEPUTY},       {"链长", FG_TEAM_CONVENOR},
    {"副总河长", FG_TEAM_DEPUTY},     {"总河长", FG_TEAM_CONVENOR},
    {"副总湖长", FG_TEAM_DEPUTY},     {"总湖长", FG_TEAM_CONVENOR},
    {"副总林长", FG_TEAM_DEPUTY},     {"总林长", FG_TEAM_CONVENOR},
    {"副专班长", FG_TEAM_DEPUTY},     {"专班长", FG_TEAM_CONVENOR},
    {"联络员", TEAM_SKIP},            {"副秘书长", TEAM_SKIP},
    {"秘书长", TEAM_SKIP},            {NULL, 0}};

/* Words that end a team's name; 委员会 only after a verb (rule 1). */
static const fg_lit team_endings[] = {
    FG_LIT("工作专班"), FG_LIT("专班"),         FG_LIT("领导小组"), FG_LIT("工作小组"),
    FG_LIT("工作组"),   FG_LIT("部际联席会议"), FG_LIT("联席会议"), FG_LIT("指挥部"),
    FG_LIT("委员会"),   FG_LIT("河湖长制"),     FG_LIT("河长制"),   FG_LIT("湖长制"),
    FG_LIT("林长制")};
#define N_TEAM_ENDINGS (sizeof team_endings / sizeof team_endings[0])
_Static_assert(N_TEAM_ENDINGS <= 32, "team_endings_alone() has a bit for each ending");

/*
 * Bit e set when no other of team_endings[] (shorter, or as long and listed before) lies
 * inside team_endings[e]: a text holds one of them when it holds one of these (工作专班
 * holds 专班, 部际联席会议 联席会议).
 */
static unsigned team_endings_alone(void)
{
    unsigned alone = 0;

    for (size_t e = 0; e < N_TEAM_ENDINGS; e++) {
        bool inside = false;

        for (size_t f = 0; f < N_TEAM_ENDINGS && !inside; f++)
            inside = (team_endings[f].n < team_endings[e].n ||
                      (team_endings[f].n == team_endings[e].n && f < e)) &&
                     fg_sv_find_n(fg_sv(team_endings[e].s, team_endings[e].n),
                                  team_endings[f].s, team_endings[f].n) != SIZE_MAX;
        if (!inside)
            alone |= 1u << e;
    }
    return alone;
}

/* Verbs that constitute a team. */
static const char *const team_verbs[] = {"成立", "组建", "设立", "建立", "调整", NULL};

/*
 * Post titles that follow a unit in a person's post (rule 4), longer before shorter where one
 * ends with another.
 */
static const fg_lit post_titles[] = {
    FG_LIT("有关负责同志"), FG_LIT("主要负责同志"), FG_LIT("分管负责同志"), FG_LIT("有关负责人"), FG_LIT("主要负责人"),
    FG_LIT("分管负责人"), FG_LIT("负责同志"), FG_LIT("负责人"), FG_LIT("主要领导"), FG_LIT("分管领导"), FG_LIT("党组副书记"),
    FG_LIT("党委副书记"), FG_LIT("党组书记"), FG_LIT("党委书记"), FG_LIT("副书记"), FG_LIT("书记"), FG_LIT("党组成员"),
    FG_LIT("党委委员"), FG_LIT("成员"), FG_LIT("常委"), FG_LIT("总会计师"), FG_LIT("总工程师"),
    FG_LIT("总经济师"), FG_LIT("总审计师"),
    FG_LIT("总规划师"), FG_LIT("副秘书长"), FG_LIT("秘书长"), FG_LIT("副主任"), FG_LIT("主任"), FG_LIT("副部长"),
    FG_LIT("部长"), FG_LIT("副厅长"), FG_LIT("厅长"), FG_LIT("副局长"), FG_LIT("局长"), FG_LIT("副省长"),
    FG_LIT("省长"), FG_LIT("副市长"), FG_LIT("市长"), FG_LIT("副县长"), FG_LIT("县长"), FG_LIT("副区长"),
    FG_LIT("区长"), FG_LIT("副州长"), FG_LIT("州长"), FG_LIT("副乡长"), FG_LIT("乡长"), FG_LIT("副镇长"),
    FG_LIT("镇长"), FG_LIT("副主席"), FG_LIT("主席"), FG_LIT("副署长"), FG_LIT("署长"), FG_LIT("副司长"),
    FG_LIT("司长"), FG_LIT("副行长"), FG_LIT("行长"), FG_LIT("副院长"), FG_LIT("院长"), FG_LIT("副校长"),
    FG_LIT("校长"), FG_LIT("副处长"), FG_LIT("处长"), FG_LIT("副所长"), FG_LIT("所长"), FG_LIT("副站长"),
    FG_LIT("站长"), FG_LIT("副总经理"), FG_LIT("总经理"), FG_LIT("副经理"), FG_LIT("经理"), FG_LIT("副董事长"),
    FG_LIT("董事长"), FG_LIT("副理事长"), FG_LIT("理事长"), FG_LIT("副总裁"), FG_LIT("总裁"), FG_LIT("副社长"),
    FG_LIT("社长"), FG_LIT("副台长"), FG_LIT("台长"), FG_LIT("副馆长"), FG_LIT("馆长"), FG_LIT("副厂长"),
    FG_LIT("厂长"), FG_LIT("副会长"), FG_LIT("会长"), FG_LIT("副关长"), FG_LIT("关长"), FG_LIT("副总队长"),
    FG_LIT("总队长"), FG_LIT("副支队长"), FG_LIT("支队长"), FG_LIT("副大队长"), FG_LIT("大队长"),
    FG_LIT("副政委"), FG_LIT("政委"),
    FG_LIT("一级巡视员"), FG_LIT("二级巡视员"), FG_LIT("副巡视员"), FG_LIT("巡视员"), FG_LIT("一级调研员"),
    FG_LIT("二级调研员"), FG_LIT("三级调研员"), FG_LIT("四级调研员"), FG_LIT("副调研员"), FG_LIT("调研员"), FG_LIT("同志"),
};
#define N_POST_TITLES (sizeof post_titles / sizeof post_titles[0])

/* Words that may stand before a post title (省政府分管副省长, 省政府常务副省长). */
static const fg_lit post_heads[] = {FG_LIT("常务"), FG_LIT("分管"), FG_LIT("主管"),
                                    FG_LIT("主要"), FG_LIT("有关")};
#define N_POST_HEADS (sizeof post_heads / sizeof post_heads[0])

/* Whether s is one of post_titles. */
static bool is_post_title(fg_strview s)
{
    for (size_t t = 0; t < N_POST_TITLES; t++)
        if (s.len == post_titles[t].n && memcmp(s.ptr, post_titles[t].s, s.len) == 0)
            return true;
    return false;
}

/* Whether s ends with one of post_titles, the whole of s included when whole is true. */
static bool ends_with_post(fg_strview s, bool whole)
{
    /* Most names end with 厅, 委, 局 …, the last character of no post title. */
    if (s.len < 6 || !fg_cjkset_has(&sets.post_lasts, s.ptr + s.len - 3))
        return false;
    for (size_t t = 0; t < N_POST_TITLES; t++)
        if ((whole ? s.len >= post_titles[t].n : s.len > post_titles[t].n) &&
            fg_sv_ends_n(s, post_titles[t].s, post_titles[t].n))
            return true;
    return false;
}

/* Whether s ends with a character of the set of 、，, (a list goes on past a line break). */
static bool ends_open(fg_strview s)
{
    return fg_sv_ends(s, "、") || fg_sv_ends(s, "，") || fg_sv_ends(s, ",");
}

/* Whether s ends with 。：；: (a line that ends a sentence or opens a list). */
static bool ends_closed(fg_strview s)
{
    return fg_sv_ends(s, "。") || fg_sv_ends(s, "：") || fg_sv_ends(s, "；") || fg_sv_ends(s, ":");
}

/*
 * Whether the signal character at t[i] is part of a label spaced with one or more blanks
 * (委　　员, 成　　员 before it, 组　　长 after it), which team_signal()'s plain tests miss.
 */
static bool spaced_signal(fg_strview t, size_t i)
{
    size_t j = i;
    size_t n;

    if (AT(t, i, "员")) {
        for (int k = 0; k < 4 && j > 0; k++) {
            if (j >= 3 && AT(t, j - 3, "\u3000"))
                j -= 3;
            else if (t.ptr[j - 1] == ' ')
                j--;
            else
                break;
        }
        return j < i && j >= 3 && (AT(t, j - 3, "委") || AT(t, j - 3, "成"));
    }
    if (AT(t, i, "组")) {
        j = i + 3;
        for (int k = 0; k < 4 && fg_parse__is_space_at(t, j, &n); k++)
            j += n;
        return j > i + 3 && AT(t, j, "长");
    }
    return false;
}

/*
 * Whether the 委员会 at t[i] follows a team verb in its clause (成立某市数字经济发展委员会,
 * 调整市安全生产委员会): a committee constituted, not an agency (发展和改革委员会). Looks at
 * most 40 characters back, up to a punctuation mark.
 */
static bool committee_after_verb(fg_strview t, size_t i)
{
    size_t j = i;

    for (int c = 0; c < 40 && j > 0; c++) {
        j = fg_cp_start_before(t.ptr, j);
        if (t.ptr[j] == '\n' || AT(t, j, "，") || AT(t, j, "。") || AT(t, j, "；") ||
            AT(t, j, "：") || AT(t, j, "、"))
            return false;
        for (size_t v = 0; team_verbs[v]; v++)
            if (fg_sv_at(t, j, team_verbs[v], 6)) // each verb is two characters
                return true;
    }
    return false;
}

/*
 * Where the office's unit starts after 办公室设在 at t[i], or 0: also with another name of the
 * office in brackets between (市河长制办公室（市河湖长制工作委员会办公室）设在市水利局).
 */
static size_t office_at(fg_strview t, size_t i)
{
    size_t j;
    size_t n;

    if (AT(t, i, "办公室设在"))
        return i + strlen("办公室设在");
    if (!AT(t, i, "办公室") || !fg_parse__is_open(t, i + strlen("办公室"), &n))
        return 0;
    for (j = i + strlen("办公室") + n; j < t.len && j < i + 60 * 3;
         j += fg_cp_len((unsigned char)t.ptr[j]))
        if (fg_parse__is_close(t, j, &n) || fg_parse__is_open(t, j, &n) || AT(t, j, "，") ||
            AT(t, j, "。"))
            break;
    return fg_parse__is_close(t, j, &n) && AT(t, j + n, "设在") ? j + n + strlen("设在") : 0;
}

/*
 * Whether the text of an item (or of the preamble) may hold a team: one of the role words
 * of rules 2 and 3 or a team's name (rule 1; a 委员会's 主任 comes with 委员, and a 委员会
 * after a team verb is a name: committee_after_verb()). One pass that
 * stops at the characters of team_signal_firsts only.
 */
static bool team_signal(fg_strview t)
{
    for (size_t i = fg_charscan_next(&sets.team_signal, t.ptr, t.len, 0, t.len); i < t.len;
         i = fg_charscan_next(&sets.team_signal, t.ptr, t.len, i + 3, t.len)) {
        if (AT(t, i, "召集人") || AT(t, i, "召集单位") || AT(t, i, "组长") ||
            (AT(t, i, "办公室") && office_at(t, i) > 0) || AT(t, i, "河长") ||
            /* 委员 (委员：, 为委员), but not inside …委员会, a common agency word, unless
             * a team verb constitutes it (成立X委员会). */
            (i >= 3 && AT(t, i - 3, "委员") &&
             (!AT(t, i + 3, "会") || committee_after_verb(t, i - 3))) ||
            (i >= 3 && (AT(t, i - 3, "成员") || AT(t, i - 3, "指挥") ||
                        AT(t, i - 3, "小组") || AT(t, i - 3, "专班") || AT(t, i - 3, "联席"))) ||
            (i >= 6 && AT(t, i - 6, "工作组")) || spaced_signal(t, i))
            return true;
    }
    return false;
}

static const struct team_word *team_label(fg_strview seg, bool line_start, size_t *after);
static const struct team_word *team_word_at(fg_strview s, size_t i, size_t *end, bool *spaced);

/* Whether a line starts a team's list or office: a role label (成员：), or 办公室设在 (also
 * with the office's other name in brackets: office_at()) or 下设办公室 after a name at its
 * start (领导小组办公室设在市数据局, 专班下设办公室，设在…; not
 * 教育局等，专班办公室设在…, the end of a list broken by a page). */
static bool opens_team_line(fg_strview line)
{
    size_t after;
    size_t at;
    fg_strview head;
    fg_strview start;

    line = fg_parse__trim(line);
    if (line.len > 0 && team_label(line, true, &after) != NULL)
        return true;
    start = fg_sv(line.ptr, line.len < 60 ? line.len : 60);
    at = fg_sv_find(start, "办公室");
    if (at != SIZE_MAX && office_at(line, at) == 0)
        at = SIZE_MAX;
    if (at == SIZE_MAX)
        at = fg_sv_find(start, "下设办公室");
    if (at == SIZE_MAX)
        return false;
    head = fg_sv(line.ptr, at);
    return !fg_sv_contains(head, "，") && !fg_sv_contains(head, "、") &&
           !fg_sv_contains(head, ",") && !fg_sv_contains(head, "。");
}

/*
 * Whether t[from .. to), a line of t (its end, to, at the next '\n' when it comes first), is
 * a date of issue alone (date_line()): the line above it is the issuer's name, a signature.
 */
static bool signed_below(fg_strview t, size_t from, size_t to)
{
    size_t e = from;
    long y;
    long mo;
    long d;

    if (from >= t.len || !((t.ptr[from] >= '0' && t.ptr[from] <= '9') ||
                           (unsigned char)t.ptr[from] == 0xEF))
        return false;
    while (e < to && e < t.len && t.ptr[e] != '\n' && e - from < 64)
        e++;
    return date_line(fg_parse__trim(fg_sv(t.ptr + from, e - from)), &y, &mo, &d);
}

/* Whether s is only CJK ideographs of the common block (lead bytes E4 to E9). */
static bool all_ideographs(fg_strview s)
{
    if (s.len == 0 || s.len % 3 != 0)
        return false;
    for (size_t i = 0; i < s.len; i += 3)
        if ((unsigned char)s.ptr[i] < 0xE4 || (unsigned char)s.ptr[i] > 0xE9)
            return false;
    return true;
}

/*
 * Whether s looks like a unit and is no person's name. 军 ends units (解放军, 驻军), but
 * far more given names (周建军, 李志军, 刘军): a name of 2 or 3 ideographs ending in 军 is a
 * unit only when it is one of the armed services.
 */
static bool unit_not_name(fg_strview s)
{
    static const char *const armies[] = {"解放军", "志愿军", "火箭军", "集团军", "驻军",
                                         "海军",   "空军",   "陆军",   "红军",   NULL};

    if (!fg_clause__looks_like_unit(s))
        return false;
    if ((s.len != 6 && s.len != 9) || !fg_sv_ends(s, "军") || !all_ideographs(s))
        return true;
    for (size_t k = 0; armies[k]; k++)
        if (fg_sv_eq(s, fg_sv_cstr(armies[k])))
            return true;
    return false;
}

/*
 * Whether a table cell is a person's name: 2 to 4 ideographs, possibly padded with blanks
 * (张三, 张　三, 欧阳明华), neither a unit nor a post title.
 */
static bool name_cell(fg_strview c)
{
    size_t cps = 0;
    size_t n;

    for (size_t i = 0; i < c.len;) {
        if (fg_parse__is_space_at(c, i, &n)) {
            i += n;
            continue;
        }
        if (!all_ideographs(fg_sv(c.ptr + i, i + 3 <= c.len ? 3 : 0)) || ++cps > 4)
            return false;
        i += 3;
    }
    return cps >= 2 && !unit_not_name(c) && !is_post_title(c);
}

/*
 * Whether a line is a row of a 名单 table laid out two-up (or more), tab-separated cells of
 * units each followed by a post (县自然资源局 | 局长 | 县农业农村局 | 局长), or of persons each
 * followed by a post (张三 | 市财政局局长 | 李四 | 市公安局副局长): then *is_row is true and out
 * gets each unit joined to its post, each person to his post after a U+3000, the pairs
 * separated by 、 (县自然资源局局长、县农业农村局局长; 张三　市财政局局长、李四　市公安局副局长),
 * which the team lists read as one name each. A row of one pair is read as it stands.
 * FG_OK or FG_ENOMEM.
 */
static int two_up_row(fg_str *out, bool *is_row, fg_strview line)
{
    fg_strview cells[16];
    size_t n = 0;
    size_t start = 0;
    int rc = FG_OK;

    *is_row = false;
    if (memchr(line.ptr, '\t', line.len) == NULL)
        return FG_OK;
    for (size_t i = 0; i <= line.len; i++) {
        if (i == line.len || line.ptr[i] == '\t') {
            fg_strview c = fg_parse__trim(fg_sv(line.ptr + start, i - start));

            if (c.len > 0) {
                if (n == sizeof cells / sizeof cells[0])
                    return FG_OK;
                cells[n++] = c;
            }
            start = i + 1;
        }
    }
    if (n < 4 || n % 2 != 0)
        return FG_OK;
    for (size_t k = 0; k < n; k += 2)
        if (!(unit_not_name(cells[k]) && is_post_title(cells[k + 1])) &&
            !(name_cell(cells[k]) && ends_with_post(cells[k + 1], true)))
            return FG_OK;
    fg_str_clear(out);
    for (size_t k = 0; k < n; k += 2) {
        if (k > 0)
            FG_TRY(fg_str_append(out, "、", 3));
        FG_TRY(fg_str_append(out, cells[k].ptr, cells[k].len));
        /* 张三 | 市财政局局长: the person, a blank, his post (person_led()) */
        if (!is_post_title(cells[k + 1]) || !unit_not_name(cells[k]))
            FG_TRY(fg_str_append(out, "\u3000", 3));
        FG_TRY(fg_str_append(out, cells[k + 1].ptr, cells[k + 1].len));
    }
    *is_row = true;
out:
    return rc;
}

/*
 * Where the first cell of a line of cells ends: at the first tab, or at the first run of two
 * U+3000 or more (a table of two columns written as text, as a PDF gives it); line.len when
 * the line has neither.
 */
static size_t first_cell_end(fg_strview line)
{
    const char *tab = memchr(line.ptr, '\t', line.len);
    size_t end = tab ? (size_t)(tab - line.ptr) : line.len;
    size_t gap = fg_sv_find(fg_sv(line.ptr, end), "\u3000\u3000");

    return gap == SIZE_MAX ? end : gap;
}

/* The first cell of a line of cells (first_cell_end()), trimmed. */
static fg_strview first_cell(fg_strview line)
{
    return fg_parse__trim(fg_sv(line.ptr, first_cell_end(line)));
}

/*
 * Whether a line is the header of a table of a team's members and their duties, as a 预案
 * lists them (成员单位 | 主要职责): its first cell 成员单位 and a cell after it naming 职责.
 */
static bool member_table_header(fg_strview line)
{
    size_t end = first_cell_end(line);

    return end < line.len && fg_sv_eq(first_cell(line), fg_sv_cstr("成员单位")) &&
           fg_sv_contains(fg_sv(line.ptr + end, line.len - end), "职责");
}

/*
 * Whether a role label of rule 2 starts at s[i] run into the text before it: the word,
 * possibly spaced, then ： or :, right after a colon (组成如下：组　长：) or after an ideograph
 * that may end a name, a post or a unit (张三　县长副组长：, 县农业农村局成　员：), not after a
 * word that opens or links one (各成员单位：, 其成员：).
 */
static bool run_in_label(fg_strview s, size_t i)
{
    static const char *const openers[] = {"各", "其", "等", "的", "为", "及", "和", "与", "由",
                                          "在", "全", "本", "该", "副", "常", "总", "执",
                                          "第", NULL};
    size_t end;
    size_t n;
    size_t before;
    bool spaced;

    if (i == 0 || team_word_at(s, i, &end, &spaced) == NULL)
        return false;
    while (fg_parse__is_space_at(s, end, &n))
        end += n;
    if (!AT(s, end, "：") && !AT(s, end, ":"))
        return false;
    if (s.ptr[i - 1] == ':' || (i >= 3 && AT(s, i - 3, "：")))
        return true;
    before = fg_cp_start_before(s.ptr, i);
    if (!all_ideographs(fg_sv(s.ptr + before, i - before)))
        return false;
    for (size_t k = 0; openers[k]; k++)
        if (fg_sv_at_str(s, before, openers[k]))
            return false;
    return true;
}

/*
 * Append line to out with a '\n' before each role label run into the text before it
 * (run_in_label(): 组　长：张三　县长副组长：李四　副县长成　员：…, a 名单 whose line breaks
 * were lost), so that each label opens a list line of its own.
 */
static int append_run_in(fg_str *out, fg_strview line)
{
    size_t from = 0;
    int rc = FG_OK;

    for (size_t i = 0; i < line.len; i += fg_cp_len((unsigned char)line.ptr[i])) {
        size_t end;
        bool spaced;

        if (!fg_cjkset_has(&sets.team_word_firsts, line.ptr + i) ||
            team_word_at(line, i, &end, &spaced) == NULL)
            continue;
        if (run_in_label(line, i)) {
            FG_TRY(fg_str_append(out, line.ptr + from, i - from));
            FG_TRY(fg_str_appendc(out, '\n'));
            from = i;
        }
        /* a role word is no place for another (副组长 holds 组长, 执行指挥长 指挥长) */
        i = fg_cp_start_before(line.ptr, end);
    }
    FG_TRY(fg_str_append(out, line.ptr + from, line.len - from));
out:
    return rc;
}

/*
 * Whether after, the text of the next line, goes on with the name that the end of before cut
 * (…、党委学生工作 | 部、保卫处…, …、各学 | 院, as a page's width wraps a list): after
 * starts, with no blank, a piece (up to its first separator or blank) that makes one unit
 * of at most 24 characters with the name at before's end (after its last separator or
 * blank), which is no post: a piece that is no unit on its own (部, 院), or one that is,
 * after a name of a list (after a 、) that is none (…、党委研究生 | 工作部, …、市财 | 政局;
 * not after a label's colon, where a person's name stands: 成员：张三 | 市财政局, nor
 * after a line of prose: 工作组根据工作需要召开全体会议 | 省林业局).
 */
static bool name_goes_on(fg_strview before, fg_strview after)
{
    static const char *const seps[] = {"、", "，", ",", "；", ";", "。", "：", ":", "\u3000", " ",
                                       "\t", "\n", NULL};
    size_t from = 0;
    size_t to = after.len;
    size_t n;
    fg_strview last;
    fg_strview first;
    char buf[192];

    before = fg_parse__trim(before);
    if (before.len == 0 || after.len == 0 || fg_parse__is_space_at(after, 0, &n))
        return false;
    for (size_t k = 0; seps[k]; k++) {
        size_t at;

        n = strlen(seps[k]);
        for (size_t i = 0; (at = find_from(before, i, seps[k])) != SIZE_MAX; i = at + n)
            if (at + n > from)
                from = at + n;
        at = fg_sv_find(after, seps[k]);
        if (at != SIZE_MAX && at < to)
            to = at;
    }
    last = fg_sv(before.ptr + from, before.len - from);
    first = fg_sv(after.ptr, to);
    if (last.len == 0 || first.len == 0 || last.len + first.len > sizeof buf ||
        ends_with_post(last, true) ||
        (fg_clause__looks_like_unit(first) &&
         (fg_clause__looks_like_unit(last) || !(from >= 3 && AT(before, from - 3, "、")))))
        return false;
    memcpy(buf, last.ptr, last.len);
    memcpy(buf + last.len, first.ptr, first.len);
    return fg_parse__cps_upto(fg_sv(buf, last.len + first.len), 25) <= 24 &&
           fg_clause__looks_like_unit(fg_sv(buf, last.len + first.len));
}

/*
 * Whether the team list line line goes on in next with a name its end cut
 * (name_goes_on()): line ends with no separator (no 、，。；：) and next opens no list of its
 * own (领导小组办公室设在…, 副组长：…).
 */
static bool name_wrapped(fg_strview line, fg_strview next)
{
    line = fg_parse__trim(line);
    return !ends_open(line) && !ends_closed(line) && !opens_team_line(next) &&
           name_goes_on(line, next);
}

/*
 * Copy t into p->team_text with a '\n' after every list line (the header comment above);
 * lm[0 .. n_lm) are the offsets of t's input lines. p->team_lm receives the offsets of the
 * lines in the copy, with their input line numbers.
 */
static int team_text(parser *p, fg_strview t, const linemap *lm, size_t n_lm)
{
    bool member_rows = false; /* under a 成员单位 | 主要职责 header */
    int rc = FG_OK;

    fg_str_clear(&p->team_text);
    p->n_team_lm = 0;
    for (size_t k = 0; k < n_lm; k++) {
        size_t a = lm[k].off;
        size_t b = k + 1 < n_lm ? lm[k + 1].off : t.len;
        fg_strview line;
        bool two_up;

        if (a > t.len || b > t.len || b < a)
            continue;
        line = fg_sv(t.ptr + a, b - a);
        FG_TRY(fg_parse__grow((void **)&p->team_lm, &p->cap_team_lm, p->n_team_lm,
                              sizeof *p->team_lm));
        p->team_lm[p->n_team_lm].off = p->team_text.len;
        p->team_lm[p->n_team_lm].line = lm[k].line;
        p->n_team_lm++;
        /*
         * Under a 成员单位 | 主要职责 header, each row's first cell is a member unit: the
         * header is read as the label 成员单位： alone on its line, and each row as its unit
         * alone, a list line, while the rows' first cells look like units.
         */
        if (member_rows && !(first_cell_end(line) < line.len &&
                             fg_clause__looks_like_unit(first_cell(line))))
            member_rows = false;
        if (member_rows) {
            line = first_cell(line);
        } else if (member_table_header(line)) {
            line = fg_sv_cstr("成员单位：");
            member_rows = true;
        }
        FG_TRY(two_up_row(&p->team_row, &two_up, line));
        if (two_up)
            FG_TRY(fg_str_append(&p->team_text, p->team_row.ptr, p->team_row.len));
        else
            FG_TRY(append_run_in(&p->team_text, line));
        /*
         * A list line: a two-up row, short, closed, laid out with U+3000 (prose never is),
         * or followed by a line that opens a list of its own (成员：…, 领导小组办公室设在…),
         * which a name wrapped onto the next line never does.
         */
        if (k + 1 < n_lm && !ends_open(line) &&
            !name_wrapped(line, fg_sv(t.ptr + b, (k + 2 < n_lm ? lm[k + 2].off : t.len) - b)) &&
            (two_up || ends_closed(line) || fg_parse__cps_upto(line, 25) <= 24 ||
             fg_sv_contains(line, "\u3000") ||
             opens_team_line(fg_sv(t.ptr + b, (k + 2 < n_lm ? lm[k + 2].off : t.len) - b)) ||
             (k + 2 < n_lm && lm[k + 2].off <= t.len &&
              signed_below(t, lm[k + 2].off, k + 3 < n_lm ? lm[k + 3].off : t.len))))
            FG_TRY(fg_str_appendc(&p->team_text, '\n'));
    }
out:
    return rc;
}

/* The role word of team_words[] that starts at s[i], its characters possibly spaced. */
static const team_word *team_word_at(fg_strview s, size_t i, size_t *end, bool *spaced)
{
    if (i + 3 > s.len || !fg_cjkset_has(&sets.team_word_firsts, s.ptr + i))
        return NULL;
    for (const team_word *w = team_words; w->s; w++) {
        size_t j = i;
        size_t n;
        const char *c = w->s;

        *spaced = false;
        while (*c) {
            size_t cl = fg_cp_len((unsigned char)*c);

            if (!fg_sv_at(s, j, c, cl))
                break;
            j += cl;
            c += cl;
            while (*c && fg_parse__is_space_at(s, j, &n)) {
                j += n;
                *spaced = true;
            }
        }
        if (*c == '\0') {
            *end = j;
            return w;
        }
    }
    return NULL;
}

/*
 * Where a note on a label's list in brackets at seg[open] ends (（按姓氏笔画排序）, （以姓氏笔画
 * 为序）, （按单位排序）: 1 to 12 characters, no bracket or list inside), when a ： or : or the
 * end of seg follows it; else SIZE_MAX.
 */
static size_t label_note_end(fg_strview seg, size_t open)
{
    size_t i = open + (seg.ptr[open] == '(' ? 1 : 3);
    size_t start = i;
    size_t n;

    for (int cps = 0; i < seg.len && cps <= 12; cps++) {
        if (AT(seg, i, "）") || seg.ptr[i] == ')') {
            size_t e = i + (seg.ptr[i] == ')' ? 1 : 3);

            if (i == start)
                return SIZE_MAX;
            while (fg_parse__is_space_at(seg, e, &n))
                e += n;
            return e == seg.len || AT(seg, e, "：") || AT(seg, e, ":")
                       ? i + (seg.ptr[i] == ')' ? 1 : 3)
                       : SIZE_MAX;
        }
        if (AT(seg, i, "（") || seg.ptr[i] == '(' || AT(seg, i, "、") || AT(seg, i, "：") ||
            seg.ptr[i] == ':' || seg.ptr[i] == '\n')
            return SIZE_MAX;
        i += fg_cp_len((unsigned char)seg.ptr[i]);
    }
    return SIZE_MAX;
}

/*
 * A label at the start of seg (rule 2): a role word followed by ： or :, or at the start of
 * a line by a blank or by nothing. *after receives where its units start.
 */
static const team_word *team_label(fg_strview seg, bool line_start, size_t *after)
{
    size_t end;
    size_t n;
    bool spaced;
    bool blank = false;
    const team_word *w = team_word_at(seg, 0, &end, &spaced);

    if (w == NULL)
        return NULL;
    while (fg_parse__is_space_at(seg, end, &n)) {
        end += n;
        blank = true;
    }
    /* 成员（按姓氏笔画排序）：, 委员（以姓氏笔画为序）：: a note on the list, not a name */
    if (AT(seg, end, "（") || AT(seg, end, "(")) {
        size_t close = label_note_end(seg, end);

        if (close != SIZE_MAX) {
            end = close;
            while (fg_parse__is_space_at(seg, end, &n))
                end += n;
            blank = true;
        }
    }
    if (AT(seg, end, "：") || AT(seg, end, ":")) {
        *after = end + (AT(seg, end, ":") ? 1 : 3);
        return w;
    }
    /* 组　长　张三　省政府副省长, or 副组长 alone on its line above its names. */
    if (line_start && (blank || end == seg.len)) {
        *after = end;
        return w;
    }
    return NULL;
}

/* The role word of team_words[] that ends seg exactly, or NULL; *start receives its start. */
static const team_word *team_word_end(fg_strview seg, size_t *start)
{
    if (seg.len < 6 || !fg_cjkset_has(&sets.team_word_lasts, seg.ptr + seg.len - 3))
        return NULL;
    for (const team_word *w = team_words; w->s; w++) {
        if (fg_sv_ends(seg, w->s)) {
            *start = seg.len - strlen(w->s);
            return w;
        }
    }
    return NULL;
}

/* The team ending of team_endings[] that ends s, or NULL. */
static const fg_lit *team_ending_end(fg_strview s)
{
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (fg_sv_ends_n(s, team_endings[e].s, team_endings[e].n))
            return &team_endings[e];
    return NULL;
}

/*
 * The government a head of government's post stands for, when name is such a post alone
 * (市长, 常务副市长, 副省长, 县长, 镇长 …: 市人民政府, 省人民政府, 县人民政府, 镇人民政府),
 * as 市人民政府市长 gives 市人民政府; else name.
 */
static fg_strview gov_of_post(fg_strview name)
{
    static const char *const govs[][2] = {{"省长", "省人民政府"}, {"市长", "市人民政府"},
                                          {"县长", "县人民政府"}, {"区长", "区人民政府"},
                                          {"州长", "州人民政府"}, {"乡长", "乡人民政府"},
                                          {"镇长", "镇人民政府"}};
    fg_strview post = name;

    for (size_t h = 0; h < N_POST_HEADS; h++)
        if (fg_sv_starts_n(post, post_heads[h].s, post_heads[h].n)) {
            post = fg_sv(post.ptr + post_heads[h].n, post.len - post_heads[h].n);
            break;
        }
    if (fg_sv_starts(post, "副"))
        post = fg_sv(post.ptr + 3, post.len - 3);
    for (size_t g = 0; g < sizeof govs / sizeof *govs; g++)
        if (fg_sv_eq(post, fg_sv_cstr(govs[g][0])))
            return fg_sv_cstr(govs[g][1]);
    return name;
}

static size_t open_bracket(fg_strview s);

/* Whether s[i] is a level of government: 省 市 县 区 州 旗 乡 镇. */
static bool level_at(fg_strview s, size_t i)
{
    static const char *const levels[] = {"省", "市", "县", "区", "州", "旗", "乡", "镇", NULL};

    for (size_t k = 0; levels[k]; k++)
        if (fg_sv_at(s, i, levels[k], 3))
            return true;
    return false;
}

/*
 * Where a level written at s[i] ends, with the levels it stands for in brackets after it
 * (县, 县（市、区）, 县（市）, 县(市、区)); SIZE_MAX when s[i] is no level.
 */
static size_t levels_end(fg_strview s, size_t i)
{
    size_t j;
    size_t open;

    if (!level_at(s, i))
        return SIZE_MAX;
    i += 3;
    if (!AT(s, i, "（") && !AT(s, i, "("))
        return i;
    open = AT(s, i, "(") ? 1 : 3;
    for (j = i + open; level_at(s, j) || AT(s, j, "、"); j += 3)
        ;
    if (j == i + open)
        return i;
    return AT(s, j, "）") ? j + 3 : AT(s, j, ")") ? j + 1 : i;
}

/*
 * Whether s is a place of 2 characters or more named by its level, which a post's unit never
 * is: 各区, 各乡镇, 长沙市, 各县（市、区）.
 */
static bool place_name(fg_strview s)
{
    size_t open;

    if (fg_parse__cps_upto(s, 2) < 2)
        return false;
    if (!fg_sv_ends(s, "）") && !fg_sv_ends(s, ")"))
        return s.len >= 3 && level_at(s, s.len - 3);
    open = open_bracket(s);
    return open != SIZE_MAX && open >= 6 && levels_end(s, open - 3) == s.len;
}

/*
 * The government of a place whose head of government's post name is (各区区长, 各乡镇镇长,
 * 长沙市副市长, 各县（市、区）县（市、区）长: 各区人民政府 …, the place's 人民政府), in buf (64
 * bytes); an empty view when name is no such post.
 */
static fg_strview place_gov(char *buf, fg_strview name)
{
    if (name.len < 12 || !fg_sv_ends(name, "长"))
        return fg_sv(NULL, 0);
    for (size_t p = 6; p + 6 <= name.len; p += fg_cp_len((unsigned char)name.ptr[p])) {
        size_t q = p;
        size_t e;

        for (size_t h = 0; h < N_POST_HEADS; h++)
            if (fg_sv_at(name, q, post_heads[h].s, post_heads[h].n)) {
                q += post_heads[h].n;
                break;
            }
        if (AT(name, q, "副"))
            q += 3;
        e = levels_end(name, q);
        if (e == name.len - 3 && place_name(fg_sv(name.ptr, p)) && p + 12 <= 63) {
            memcpy(buf, name.ptr, p);
            memcpy(buf + p, "人民政府", 12);
            return fg_sv(buf, p + 12);
        }
    }
    return fg_sv(NULL, 0);
}

/*
 * raw without the person's name written after its post and a blank (市长　王　明, 市发展改革委
 * 主任　赵　刚 → 市长, 市发展改革委主任): 2 or 3 ideographs, possibly spaced; else raw.
 */
static fg_strview drop_name_after(fg_strview raw)
{
    size_t i = 0;
    size_t n;
    size_t cps = 0;
    fg_strview head;

    while (i < raw.len && !fg_parse__is_space_at(raw, i, &n))
        i += fg_cp_len((unsigned char)raw.ptr[i]);
    if (i == raw.len)
        return raw;
    head = fg_sv(raw.ptr, i);
    if (!is_post_title(head) && !ends_with_post(head, true))
        return raw;
    while (i < raw.len) {
        if (fg_parse__is_space_at(raw, i, &n)) {
            i += n;
        } else if (all_ideographs(fg_sv(raw.ptr + i, i + 3 <= raw.len ? 3 : 0)) && cps < 4) {
            i += 3;
            cps++;
        } else {
            return raw;
        }
    }
    return cps >= 2 && cps <= 3 ? head : raw;
}

/*
 * name without a note on its person in brackets at its end (市发展改革委主任（兼秘书长）,
 * 市应急管理局局长（兼办公室主任）, 常务副市长（常务）, 市公安局副局长（正厅级）): a bracket after a
 * post title, or one that starts with 兼; else name. A post in brackets after a person's name
 * (李四（省发展改革委主任）) and a unit's other names (市委宣传部（市新闻出版局）) stay.
 */
static fg_strview drop_note(fg_strview name)
{
    size_t open = SIZE_MAX;
    fg_strview in;

    if (!fg_sv_ends(name, "）") && !fg_sv_ends(name, ")"))
        return name;
    for (size_t i = 0; i < name.len; i += fg_cp_len((unsigned char)name.ptr[i]))
        if (AT(name, i, "（") || name.ptr[i] == '(')
            open = i;
    if (open == SIZE_MAX || open == 0)
        return name;
    in = fg_sv(name.ptr + open, name.len - open);
    if (ends_with_post(fg_sv(name.ptr, open), true) || AT(in, 0, "（兼") || AT(in, 0, "(兼"))
        return fg_parse__trim(fg_sv(name.ptr, open));
    return name;
}

/*
 * name without the charge its person holds, written before his post (分管水利工作的副县长 →
 * 副县长, 县政府分管教育工作的副县长 → 县政府, 协助分管教育工作的县政府办公室副主任 → 县政府
 * 办公室副主任): from 分管, 协助分管, 主管, 负责 or 联系 to the first 的 after it, at most 20
 * characters with no bracket or separator, when a post ends what follows. With a unit before the
 * charge and a post alone after it, the unit is the name; else what follows.
 */
static fg_strview drop_charge(fg_strview name)
{
    static const fg_lit charges[] = {FG_LIT("协助分管"), FG_LIT("分管"), FG_LIT("主管"),
                                     FG_LIT("负责"), FG_LIT("联系")};
    size_t d = fg_sv_find(name, "的");
    size_t c = SIZE_MAX;
    fg_strview before;
    fg_strview after;

    if (d == SIZE_MAX)
        return name;
    for (size_t i = 0; i < d && c == SIZE_MAX; i += fg_cp_len((unsigned char)name.ptr[i]))
        for (size_t k = 0; k < sizeof charges / sizeof charges[0] && c == SIZE_MAX; k++)
            if (fg_sv_at(name, i, charges[k].s, charges[k].n))
                c = i;
    if (c == SIZE_MAX || fg_parse__cps_upto(fg_sv(name.ptr + c, d - c), 21) > 20 ||
        open_bracket(fg_sv(name.ptr + c, d - c)) != SIZE_MAX ||
        fg_sv_contains(fg_sv(name.ptr + c, d - c), "，"))
        return name;
    before = fg_sv(name.ptr, c);
    after = fg_sv(name.ptr + d + 3, name.len - d - 3);
    if (!ends_with_post(after, true) && !is_post_title(after))
        return name;
    if (before.len && is_post_title(after) && fg_clause__looks_like_unit(before))
        return before;
    return after;
}

/*
 * The unit of one name given as a person's post (rule 4), a view into name (or name itself,
 * or a static string: gov_of_post(), or buf, 64 bytes: place_gov()).
 */
static fg_strview post_unit(char *buf, fg_strview name)
{
    size_t n;
    size_t k;
    fg_strview last = fg_sv(NULL, 0);
    fg_strview before = fg_sv(NULL, 0);
    fg_strview gov;
    bool stripped = true;

    name = drop_charge(drop_name_after(drop_note(fg_parse__trim(name))));
    if (fg_sv_contains(name, "或"))
        return name;
    /*
     * 李四（省发展改革委主任）: a short name, then the post in brackets; 省水利厅（名单附后）: a
     * unit, then a note.
     */
    k = fg_sv_find(name, "（");
    if (k == SIZE_MAX)
        k = fg_sv_find(name, "(");
    if (k != SIZE_MAX && k > 0 && (fg_sv_ends(name, "）") || fg_sv_ends(name, ")"))) {
        size_t open = AT(name, k, "(") ? 1 : 3;
        size_t cps = fg_parse__cps_upto(fg_sv(name.ptr, k), 6);
        fg_strview in = fg_sv(name.ptr + k + open, name.len - k - open);

        if (fg_sv_ends(in, "）"))
            in.len -= 3;
        else if (fg_sv_ends(in, ")"))
            in.len -= 1;
        in = fg_parse__trim(in);
        if (cps >= 2 && cps <= 4 && !unit_not_name(fg_sv(name.ptr, k))) {
            size_t sep;

            /* 王建国（县委副书记、县长）: a person's posts, the last one his unit's. */
            while ((sep = fg_sv_find(in, "、")) != SIZE_MAX)
                in = fg_parse__trim(fg_sv(in.ptr + sep + 3, in.len - sep - 3));
            name = in;
        }
        /* 省水利厅（名单附后）: a note; not an alias, nor 学生工作部（处） as the clauses read it */
        else if (!fg_clause__looks_like_unit(in) && !ends_with_post(in, true) &&
                 fg_clause__name_bracket(fg_sv(name.ptr, k), name, k) != name.len - k)
            name = fg_parse__trim(fg_sv(name.ptr, k));
    }
    /* 张三　省政府副省长, 王　五　财政部副部长: the last part that is not a post alone. */
    for (size_t i = 0; i < name.len;) {
        size_t e = i;

        while (e < name.len && !fg_parse__is_space_at(name, e, &n))
            e += fg_cp_len((unsigned char)name.ptr[e]);
        if (e > i) {
            before = last;
            last = fg_sv(name.ptr + i, e - i);
        }
        i = e;
        while (i < name.len && fg_parse__is_space_at(name, i, &n))
            i += n;
    }
    if (last.len && last.len < name.len) {
        fg_strview cut = last;

        /* 省发展改革委　主任: the unit before a post alone; 张三　市长: the post */
        if (is_post_title(last) && unit_not_name(before))
            cut = before;
        if (cut.len)
            name = cut;
    }
    /* 市发展改革委主任赵六: a person's name of 2 or 3 characters after the post. */
    if (!fg_clause__looks_like_unit(name) && !ends_with_post(name, true)) {
        for (size_t cut = 6; cut <= 9 && cut < name.len; cut += 3) {
            fg_strview head = fg_sv(name.ptr, name.len - cut);

            if (ends_with_post(head, false) &&
                all_ideographs(fg_sv(name.ptr + head.len, name.len - head.len))) {
                name = head;
                break;
            }
        }
    }
    /* 省政府副省长李文华同志: the person's name after the post goes with 同志. */
    if (fg_sv_ends(name, "同志") && !fg_sv_ends(name, "负责同志") && name.len > 6) {
        name.len -= 6;
        for (size_t cut = 6; cut <= 9 && cut < name.len; cut += 3) {
            fg_strview head = fg_sv(name.ptr, name.len - cut);

            if (ends_with_post(head, false)) {
                name = head;
                break;
            }
        }
    }
    /*
     * A trailing post title, then a 常务/分管 … before it; never the whole name: a post alone
     * (常务副市长) stays, and a head of government's stands for its government (gov_of_post()).
     */
    gov = place_gov(buf, name);
    if (gov.len)
        return gov;
    stripped = ends_with_post(name, false);
    while (stripped) {
        fg_strview rest = name;

        stripped = false;
        for (size_t t = 0; t < N_POST_TITLES; t++) {
            size_t len = post_titles[t].n;

            /* 副县长 is a post whole, not 副 and 县长 */
            if (rest.len == len && fg_sv_ends_n(rest, post_titles[t].s, len))
                break;
            /* 镇党委书记: 镇党委 and 书记, as no unit is one character (镇) */
            if (rest.len > len + 3 && fg_sv_ends_n(rest, post_titles[t].s, len)) {
                rest.len -= len;
                stripped = true;
                /* 各乡镇党委书记: a place's 党委 is the unit, 各乡镇党委 */
                if (fg_sv_starts_n(fg_sv(post_titles[t].s, len), "党委", 6) &&
                    place_name(rest)) {
                    rest.len += 6;
                    stripped = false;
                    break;
                }
                for (size_t h = 0; h < N_POST_HEADS; h++) {
                    size_t hl = post_heads[h].n;

                    if (rest.len >= hl && fg_sv_ends_n(rest, post_heads[h].s, hl)) {
                        rest.len -= hl;
                        break;
                    }
                }
                break;
            }
        }
        if (rest.len == 0)
            break;
        name = rest;
    }
    return gov_of_post(name);
}

/*
 * Whether a name left by post_unit() is a person's (王海涛同志兼任办公室主任): at most 4
 * characters, not a unit, not a post title kept whole (省长).
 */
static bool is_person(fg_strview u)
{
    if (fg_parse__cps_upto(u, 5) > 4 || unit_not_name(u))
        return false;
    return !is_post_title(u);
}

/*
 * Whether post_unit() took a post title other than 同志 off raw to leave u (镇人大主席 →
 * 镇人大): what is left of a post is a unit, however short.
 */
static bool post_stripped(fg_strview raw, fg_strview u)
{
    fg_strview rest;

    if (u.len == 0 || u.ptr < raw.ptr || u.ptr + u.len >= raw.ptr + raw.len)
        return false;
    rest = fg_sv(u.ptr + u.len, (size_t)(raw.ptr + raw.len - (u.ptr + u.len)));
    for (size_t h = 0; h < N_POST_HEADS; h++)
        if (fg_sv_starts_n(rest, post_heads[h].s, post_heads[h].n)) {
            rest = fg_sv(rest.ptr + post_heads[h].n, rest.len - post_heads[h].n);
            break;
        }
    for (size_t t = 0; t < N_POST_TITLES; t++)
        if (fg_sv_starts_n(rest, post_titles[t].s, post_titles[t].n))
            return !fg_sv_starts(rest, "同志");
    return false;
}

/* The offset of the first bracket of s, full- or half-width, or SIZE_MAX. */
static size_t open_bracket(fg_strview s)
{
    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i]))
        if (AT(s, i, "（") || s.ptr[i] == '(')
            return i;
    return SIZE_MAX;
}

/*
 * Whether u holds a 、 inside brackets (各县（市、区）人民政府): one name, which the list
 * splitter of the clauses would cut there.
 */
static bool inner_sep(fg_strview u)
{
    return list_sep_from(u, 0) == SIZE_MAX && fg_sv_contains(u, "、");
}

/*
 * Where a 和 or 及 after the last closing bracket of u, a name whose bracket holds a 、
 * (inner_sep()), joins two units (各县（市、区）人民政府和市直有关单位: both halves look like
 * units, as the clauses split them); else SIZE_MAX.
 */
static size_t joiner_after_bracket(fg_strview u)
{
    size_t close = SIZE_MAX;

    for (size_t i = 0; i < u.len; i += fg_cp_len((unsigned char)u.ptr[i]))
        if (AT(u, i, "）") || u.ptr[i] == ')')
            close = i;
    if (close == SIZE_MAX)
        return SIZE_MAX;
    for (size_t i = close; i < u.len; i += fg_cp_len((unsigned char)u.ptr[i]))
        if ((AT(u, i, "和") || AT(u, i, "及")) && i + 3 < u.len &&
            fg_clause__looks_like_unit(fg_sv(u.ptr, i)) &&
            fg_clause__looks_like_unit(fg_sv(u.ptr + i + 3, u.len - i - 3)))
            return i;
    return SIZE_MAX;
}

/*
 * The unit of one name of a team list: post_unit(), then a list of the unit's other names in
 * brackets at its end dropped, as the clauses drop it (市委宣传部（市新闻出版局、市电影局）);
 * buf (64 bytes) may hold it (post_unit()).
 */
static fg_strview list_unit(char *buf, fg_strview raw)
{
    fg_strview u = post_unit(buf, raw);

    if (inner_sep(u) && (fg_sv_ends(u, "）") || fg_sv_ends(u, ")"))) {
        size_t k = open_bracket(u);

        if (k > 0 && k != SIZE_MAX && fg_clause__looks_like_unit(fg_parse__trim(fg_sv(u.ptr, k))))
            u = fg_parse__trim(fg_sv(u.ptr, k));
    }
    return u;
}

/*
 * The index of the team named name, or SIZE_MAX. Only the last 64 teams are looked at, so
 * that a document naming a team on every line stays linear; no real one names that many.
 */
static size_t team_named(const parser *p, fg_strview name)
{
    for (size_t i = p->n_teams; i-- > 0 && i + 64 >= p->n_teams;)
        if (strlen(p->teams[i].name) == name.len && memcmp(p->teams[i].name, name.ptr,
                                                           name.len) == 0)
            return i;
    return SIZE_MAX;
}

/* A hash of row k's team, role and name. */
static uint64_t row_hash(const parser *p, size_t k)
{
    const fg_unit *u = &p->team_units.v[k];
    const unsigned char *c = (const unsigned char *)p->team_units.names.ptr + u->off;
    uint64_t h = 1469598103934665603u ^ ((uint64_t)p->team_of[k] << 8) ^ (uint64_t)u->role;

    for (size_t i = 0; i < u->len; i++)
        h = (h ^ c[i]) * 1099511628211u;
    return h ^ (h >> 29);
}

static bool same_row(const parser *p, size_t a, size_t b)
{
    const fg_unit *x = &p->team_units.v[a];
    const fg_unit *y = &p->team_units.v[b];

    return p->team_of[a] == p->team_of[b] && x->role == y->role && x->len == y->len &&
           memcmp(p->team_units.names.ptr + x->off, p->team_units.names.ptr + y->off,
                  x->len) == 0;
}

/*
 * Row k in the table of rows (p->row_set, slots hold a row index + 1): the index of an equal
 * row already there, or SIZE_MAX after adding k.
 */
static size_t row_set_add(parser *p, size_t k)
{
    size_t mask = p->cap_row_set - 1;

    for (size_t j = row_hash(p, k) & mask;; j = (j + 1) & mask) {
        if (p->row_set[j] == 0) {
            p->row_set[j] = k + 1;
            return SIZE_MAX;
        }
        if (same_row(p, p->row_set[j] - 1, k))
            return p->row_set[j] - 1;
    }
}

/* Make room in p->row_set for n rows (at most half full), rehashing rows 0 .. first. */
static int row_set_reserve(parser *p, size_t n, size_t first)
{
    size_t cap = p->cap_row_set ? p->cap_row_set : 64;
    size_t *v;

    if (n * 2 <= p->cap_row_set)
        return FG_OK;
    while (cap < n * 2)
        cap *= 2;
    v = calloc(cap, sizeof *v);
    if (v == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    free(p->row_set);
    p->row_set = v;
    p->cap_row_set = cap;
    for (size_t k = 0; k < first; k++)
        (void)row_set_add(p, k);
    return FG_OK;
}

/*
 * Drop the rows from first on that repeat an earlier row of their team and role. Expected
 * linear in the rows: each row is hashed once (and again when the table grows).
 */
static int drop_repeats(parser *p, size_t first)
{
    fg_units *tu = &p->team_units;
    size_t w = first;
    int rc = row_set_reserve(p, tu->n, first);

    if (rc < 0)
        return rc;
    for (size_t k = first; k < tu->n; k++) {
        tu->v[w] = tu->v[k];
        p->team_of[w] = p->team_of[k];
        if (row_set_add(p, w) == SIZE_MAX)
            w++;
    }
    tu->n = w;
    return FG_OK;
}

/* Record team for the rows from first on. */
static int own_rows(parser *p, size_t first, size_t team)
{
    int rc = FG_OK;

    while (p->cap_team_of < p->team_units.n)
        FG_TRY(fg_parse__grow((void **)&p->team_of, &p->cap_team_of, p->cap_team_of,
                              sizeof *p->team_of));
    for (size_t k = first; k < p->team_units.n; k++)
        p->team_of[k] = team;
    FG_TRY(drop_repeats(p, first));
out:
    return rc;
}

/*
 * One name kept whole (an 或-alternative of posts, a name with a list in its brackets): a row
 * of its own and kind, not split.
 */
static int add_whole(parser *p, fg_team_role role, fg_strview who, fg_kind kind)
{
    fg_units *tu = &p->team_units;
    size_t off = tu->names.len;
    int rc = FG_OK;

    /* The name and its NUL, as fg_units keeps them. */
    FG_TRY(fg_str_reserve(&tu->names, who.len + 1));
    FG_TRY(fg_parse__grow((void **)&tu->v, &tu->cap, tu->n, sizeof *tu->v));
    FG_TRY(fg_str_append(&tu->names, who.ptr, who.len));
    tu->names.len++;
    tu->names.ptr[tu->names.len] = '\0';
    tu->v[tu->n].role = (fg_role)role;
    tu->v[tu->n].kind = kind;
    tu->v[tu->n].off = off;
    tu->v[tu->n].len = who.len;
    tu->v[tu->n].key = 0; // no unit is compared with a whole name
    tu->n++;
out:
    return rc;
}

/* Split the list in p->team_list into rows of role. */
static int flush_list(parser *p, fg_team_role role)
{
    size_t before = p->team_units.n;
    size_t extra = 0;
    int rc = FG_OK;

    if (p->team_list.len == 0)
        return FG_OK;
    FG_TRY(fg_clause__split_list(&p->team_units, fg_sv(p->team_list.ptr, p->team_list.len),
                                 FG_ROLE_LEAD));
    /*
     * share_prefixes() appends each name it changes (a level of at most 6 bytes, the name, a
     * NUL) from views into the names: room for all of them first, so that none moves.
     */
    for (size_t k = before; k < p->team_units.n; k++)
        extra += p->team_units.v[k].len + 8;
    FG_TRY(fg_units_reserve(&p->team_units, 1, extra));
    FG_TRY(fg_clause__share_prefixes(&p->team_units, before));
    for (size_t k = before; k < p->team_units.n; k++)
        p->team_units.v[k].role = (fg_role)role;
    fg_str_clear(&p->team_list);
out:
    return rc;
}

/*
 * Whether u is a unit and no person's name: a unit of 4 characters or more, or a shorter one
 * ending in 部委局厅署办院 (财政部, 省委); 吴建军 ends like a unit (军) but is a name.
 */
static bool surely_unit(fg_strview u)
{
    static const char *const ends[] = {"部", "委", "局", "厅", "署", "办", "院", NULL};

    if (u.len == 0 || !fg_clause__looks_like_unit(u))
        return false;
    if (fg_parse__cps_upto(u, 4) >= 4)
        return true;
    for (size_t k = 0; ends[k]; k++)
        if (fg_sv_ends(u, ends[k]))
            return true;
    return false;
}

static bool person_led(fg_strview s);

/*
 * Where the first run of two blanks or more of s at or after from starts, or s.len; *n
 * receives its length in bytes (0 at s.len).
 */
static size_t blank_gap_from(fg_strview s, size_t from, size_t *n)
{
    size_t k;

    for (size_t i = from; i < s.len;) {
        size_t j = i;
        int blanks = 0;

        while (fg_parse__is_space_at(s, j, &k)) {
            j += k;
            blanks++;
        }
        if (blanks >= 2) {
            *n = j - i;
            return i;
        }
        i = blanks > 0 ? j : i + fg_cp_len((unsigned char)s.ptr[i]);
    }
    *n = 0;
    return s.len;
}

/*
 * Whether el is two or more persons side by side, apart by runs of two blanks or more, each a
 * name, a blank and a post (张　三　市财政局局长　　李　四　市公安局副局长: a 名单 printed
 * two-up), or each a name and a post apart by such a run too (张　三　　市财政局局长　　　李　四
 * 　　市公安局副局长: a two-up table drawn without its rules, as a PDF gives it); *paired
 * receives which. Those runs then separate names as 、 does. 王建民　　市人民政府常务副市长 is
 * one person (one name and one post are no two persons).
 */
static bool two_up_persons(fg_strview el, bool *paired)
{
    fg_strview parts[16];
    size_t np = 0;
    size_t n;
    bool led = true;
    bool pairs = true;

    *paired = false;
    /* most names hold no run of blanks: U+3000 U+3000, or ASCII blanks at all */
    if (memchr(el.ptr, ' ', el.len) == NULL && memchr(el.ptr, '\t', el.len) == NULL &&
        fg_sv_find(el, "\u3000\u3000") == SIZE_MAX)
        return false;
    if (blank_gap_from(el, 0, &n) == el.len)
        return false;
    for (size_t a = 0; a < el.len;) {
        size_t b = blank_gap_from(el, a, &n);

        if (np == sizeof parts / sizeof parts[0])
            return false;
        parts[np++] = fg_parse__trim(fg_sv(el.ptr + a, b - a));
        a = b + n;
    }
    for (size_t k = 0; k < np; k++) {
        led = led && person_led(parts[k]);
        pairs = pairs && (k % 2 == 0 ? name_cell(parts[k]) : ends_with_post(parts[k], true));
    }
    *paired = !led && pairs && np % 2 == 0 && np >= 4;
    return (led && np >= 2) || *paired;
}

/*
 * Copy list into out with the U+3000 runs of each 、-element turned into 、 when two or more
 * of its parts are units (省发展改革委　省财政厅), but not when one is a person's name or a
 * post alone (王　五　财政部副部长, 国家发展改革委　副主任).
 */
static int split_blank_units(fg_str *out, fg_strview list)
{
    char gov[64]; /* post_unit() */
    bool paired;  /* two_up_persons() */
    int rc = FG_OK;

    fg_str_clear(out);
    for (size_t i = 0; i <= list.len;) {
        size_t e = list_sep_from(list, i);
        fg_strview el;
        size_t units = 0;

        if (e == SIZE_MAX)
            e = list.len;
        el = fg_sv(list.ptr + i, e - i);
        if (two_up_persons(fg_parse__trim(el), &paired)) {
            size_t n;
            size_t k = 0;

            el = fg_parse__trim(el);
            for (size_t a = 0; a < el.len; k++) {
                size_t b = blank_gap_from(el, a, &n);

                /* 张　三　　市财政局局长: a person, a blank, his post (person_led()) */
                if (paired && k % 2 == 1)
                    FG_TRY(fg_str_append(out, "\u3000", 3));
                else if (out->len)
                    FG_TRY(fg_str_append(out, "、", 3));
                FG_TRY(fg_str_append(out, el.ptr + a, b - a));
                a = b + n;
            }
            i = e + 3;
            continue;
        }
        if (fg_sv_contains(el, "\u3000")) {
            for (size_t a = 0; a < el.len;) {
                size_t b = find_from(el, a, "\u3000");
                fg_strview u;

                if (b == SIZE_MAX)
                    b = el.len;
                u = post_unit(gov, fg_sv(el.ptr + a, b - a));
                units += surely_unit(u);
                a = b + 3;
            }
        }
        if (out->len)
            FG_TRY(fg_str_append(out, "、", 3));
        for (size_t a = 0; a < el.len;) {
            size_t b = units >= 2 ? find_from(el, a, "\u3000") : SIZE_MAX;

            if (b == SIZE_MAX)
                b = el.len;
            if (b > a) {
                if (a > 0 && units >= 2)
                    FG_TRY(fg_str_append(out, "、", 3));
                FG_TRY(fg_str_append(out, el.ptr + a, b - a));
            }
            a = b + (b < el.len ? 3 : 0);
            while (units >= 2 && AT(el, a, "\u3000"))
                a += 3;
        }
        i = e + 3;
    }
out:
    return rc;
}

/* Whether s holds a blank (a person's name stands apart from his post). */
static bool has_blank(fg_strview s)
{
    size_t n;

    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i]))
        if (fg_parse__is_space_at(s, i, &n))
            return true;
    return false;
}

/*
 * Whether s is a person's name of 2 to 4 characters, a blank, then more (李明　市委常委); a
 * name of 2 padded to the width of 3 with a blank between its characters (何　静　市水利局局长)
 * is one name.
 */
static bool person_led(fg_strview s)
{
    size_t n;
    size_t i = 0;
    fg_strview head;

    while (i < s.len && !fg_parse__is_space_at(s, i, &n))
        i += fg_cp_len((unsigned char)s.ptr[i]);
    if (i == 3 && all_ideographs(fg_sv(s.ptr, 3)) && fg_parse__is_space_at(s, i, &n)) {
        size_t j = i + n;

        /* 何　静: one character, a blank, one character, a blank */
        if (j + 3 < s.len && all_ideographs(fg_sv(s.ptr + j, 3)) &&
            fg_parse__is_space_at(s, j + 3, &n))
            return true;
    }
    if (i >= s.len)
        return false;
    head = fg_sv(s.ptr, i);
    return all_ideographs(head) && head.len >= 6 && head.len <= 12 &&
           !unit_not_name(head) && !is_post_title(head);
}

/* Ranks a person holds beside a post that names his unit (市委常委、常务副市长). */
static const fg_lit rank_posts[] = {FG_LIT("常委"), FG_LIT("党组书记"), FG_LIT("党组副书记"),
                                    FG_LIT("党组成员"), FG_LIT("党委委员")};

/*
 * Whether raw, a post with no blank of its own, comes right after a name ending with a rank
 * (rank_posts): the same person's next post, a post alone (市水利局党组书记、局长; 市委常委、
 * 常务副市长) or a post in a unit (市委常委、宣传部部长; 市政府党组成员、市发展改革委主任).
 * After a 副书记, a post of its own rather than a rank, only a post alone is (市委副书记、市长
 * is one person, 镇党委副书记、镇人大主席 two); u is raw once read by post_unit().
 */
static bool next_post(fg_strview prev, fg_strview raw, fg_strview u)
{
    bool rank = false;

    raw = drop_name_after(raw); // 市委副书记、市长　王明: the person's name ends his posts
    if (prev.len == 0 || has_blank(raw) || !ends_with_post(raw, true))
        return false;
    for (size_t r = 0; r < sizeof rank_posts / sizeof rank_posts[0] && !rank; r++)
        rank = fg_sv_ends_n(prev, rank_posts[r].s, rank_posts[r].n);
    /* a post title alone, or a head of government's post alone (镇长, 常务副县长) */
    if (!rank && fg_sv_ends(prev, "副书记"))
        rank = is_post_title(u) || gov_of_post(raw).ptr != raw.ptr;
    return rank;
}

/*
 * The unit of a person's next post u after the unit r of his rank or first post (both once
 * read by post_unit()): a department written without its level (2 to 6 characters, none of
 * 省市县区州 in it, not 国家… or 各…) is r's, as in the clauses' shared prefixes: one ending in
 * 部 or 室, or a 工会, takes r whole, whatever r is (市委 + 宣传部 → 市委宣传部, 县委 + 办公室 →
 * 县委办公室, 区水务集团 + 工会 → 区水务集团工会), one ending in 厅 局 委 办 takes r's level when r
 * is a unit of at most 5 characters that starts with its level (市委 + 政法委 → 市政法委, 市政府
 * + 财政局 → 市财政局). Else u; buf (64 bytes) holds a joined name.
 */
static fg_strview rank_unit(char *buf, fg_strview r, fg_strview u)
{
    static const char *const levels[] = {"省", "市", "县", "区", "州", NULL};
    static const char *const whole[] = {"部", "室", NULL};
    static const char *const dept[] = {"厅", "局", "委", "办", NULL};
    size_t cps = fg_parse__cps_upto(u, 7);
    bool has_whole = false;
    bool has_dept = false;
    bool has_level = false;
    fg_strview pre;

    if (cps < 2 || cps > 6 || !fg_clause__looks_like_unit(r) || fg_sv_starts(r, "市场") ||
        fg_sv_starts(u, "国家") || fg_sv_starts(u, "国务院") || fg_sv_starts(u, "各"))
        return u;
    for (size_t i = 0; i < u.len; i += fg_cp_len((unsigned char)u.ptr[i]))
        for (size_t k = 0; levels[k]; k++)
            if (fg_sv_at(u, i, levels[k], 3) && !AT(u, i, "市场"))
                return u;
    for (size_t k = 0; levels[k] && !has_level; k++)
        has_level = fg_sv_starts(r, levels[k]);
    for (size_t k = 0; whole[k]; k++)
        has_whole = has_whole || fg_sv_ends(u, whole[k]);
    has_whole = has_whole || fg_sv_eq(u, fg_sv_cstr("工会"));
    for (size_t k = 0; dept[k]; k++)
        has_dept = has_dept || fg_sv_ends(u, dept[k]);
    /* a body of r's own takes r however it is named; a department r's level only */
    pre = has_whole ? r : fg_sv(r.ptr, 3);
    if (!has_whole && (!has_dept || !has_level || fg_parse__cps_upto(r, 6) > 5))
        return u;
    if (pre.len + u.len > 63)
        return u;
    memcpy(buf, pre.ptr, pre.len);
    memcpy(buf + pre.len, u.ptr, u.len);
    return fg_sv(buf, pre.len + u.len);
}

/*
 * Add the names of list (、-separated, rule 4) to team with role. With only_units, nothing
 * is added unless every name looks like a unit once its post is dropped (a list line that
 * continues a label); *took tells whether names were taken.
 */
static int add_team_list(parser *p, size_t team, fg_team_role role, fg_strview list,
                         bool only_units, bool *took)
{
    size_t before = p->team_units.n;
    fg_strview prev = fg_sv(NULL, 0); /* the name before, for next_post() */
    size_t person = SIZE_MAX; /* where the unit of the last person starts in team_list */
    bool named = false;       /* that person was named (李明　市委常委): his posts follow */
    bool more;                /* a post alone after a named person's: his next post */
    char joined[64];          /* rank_unit() */
    char gov[64];             /* list_unit() */
    bool skipped = false;
    int rc = FG_OK;

    *took = false;
    list = fg_parse__trim(list);
    while (fg_sv_ends(list, "。") || fg_sv_ends(list, "；"))
        list = fg_parse__trim(fg_sv(list.ptr, list.len - 3));
    if (list.len == 0)
        return FG_OK;
    /* 省政府分管副省长和省政府秘书长: a 和/及 after a post joins two names. */
    fg_str_clear(&p->team_posts);
    for (size_t i = 0; i < list.len;) {
        size_t n = fg_cp_len((unsigned char)list.ptr[i]);
        bool after_post = false;

        if (AT(list, i, "和") || AT(list, i, "及"))
            after_post = ends_with_post(fg_sv(list.ptr, i), false);
        if (after_post)
            FG_TRY(fg_str_append(&p->team_posts, "、", 3));
        else
            FG_TRY(fg_str_append(&p->team_posts, list.ptr + i, n));
        i += n;
    }
    list = fg_sv(p->team_posts.ptr, p->team_posts.len);
    FG_TRY(split_blank_units(&p->team_blanks, list));
    list = fg_sv(p->team_blanks.ptr, p->team_blanks.len);
    if (only_units) {
        for (size_t i = 0; i <= list.len;) {
            size_t e = list_sep_from(list, i);
            fg_strview raw;
            fg_strview u;

            if (e == SIZE_MAX)
                e = list.len;
            raw = drop_note(fg_parse__trim(fg_sv(list.ptr + i, e - i)));
            u = list_unit(gov, raw);
            more = named && ends_with_post(raw, true) && !has_blank(raw);
            if (!more)
                named = person_led(raw);
            /*
             * 李　一　市财政局总会计师: an unknown post costs its person's name only; 刘建国
             * 区交通集团党委书记、董事长: a post alone is the named person's next one.
             */
            if (u.len && !fg_clause__looks_like_unit(u) && !person_led(raw) && !more &&
                !post_stripped(raw, u) && !next_post(prev, raw, u))
                return FG_OK;
            prev = raw;
            i = e + 3;
        }
        prev = fg_sv(NULL, 0);
        named = false;
    }
    fg_str_clear(&p->team_list);
    for (size_t i = 0; i <= list.len;) {
        size_t e = list_sep_from(list, i);
        fg_strview raw;
        fg_strview u;
        bool posted;
        bool rank;
        bool same;

        if (e == SIZE_MAX)
            e = list.len;
        raw = drop_note(fg_parse__trim(fg_sv(list.ptr + i, e - i)));
        u = list_unit(gov, raw);
        posted = post_stripped(raw, u);
        rank = next_post(prev, raw, u);
        prev = raw;
        i = e + 3;
        /*
         * 李明　市委常委、常务副市长: a post alone after a named person's post is the same
         * person's next post; so is a post after a rank (next_post()). The last one names
         * his unit.
         */
        more = named && ends_with_post(raw, true) && !has_blank(raw);
        if (!more) {
            named = person_led(raw);
            if (named)
                person = p->team_list.len;
        }
        same = rank || more;
        /*
         * 市水利局党组书记、局长 and 刘建国　区交通集团党委书记、董事长: a post title alone after
         * a rank or a named person's post names no unit of its own (the first unit stays);
         * 市委常委、常务副市长: a head of government's post alone after a rank names the unit
         * instead of the rank's. 李　一　市财政局首席数据官: a person's post that names no unit
         * gives no row.
         */
        if ((same && is_post_title(u)) ||
            (!posted && person_led(raw) && !fg_clause__looks_like_unit(u) && !is_post_title(u))) {
            skipped = true;
            continue;
        }
        /*
         * 其他成员单位 speaks of the team's own members: no row; but X及其成员单位 names X
         * and X's members (X成员单位, split as in the clauses).
         */
        if (u.len == 0 || (!posted && is_person(u)) ||
            (fg_sv_contains(u, "成员") && !fg_sv_contains(u, "及其成员") &&
             !fg_sv_contains(u, "和其成员")))
            continue;
        if (fg_sv_contains(u, "或") || inner_sep(u)) {
            fg_kind kind = fg_sv_contains(u, "或") ? FG_KIND_AGENCY : fg_clause__kind(u);
            size_t h = fg_sv_contains(u, "或") ? SIZE_MAX : joiner_after_bracket(u);

            FG_TRY(flush_list(p, role));
            if (h != SIZE_MAX) {
                /* 各县（市、区）人民政府和市直有关单位: two units, the first whole */
                FG_TRY(add_whole(p, role, fg_sv(u.ptr, h), fg_clause__kind(fg_sv(u.ptr, h))));
                u = fg_sv(u.ptr + h + 3, u.len - h - 3);
                kind = fg_clause__kind(u);
            }
            FG_TRY(add_whole(p, role, u, kind));
            named = false;
            person = SIZE_MAX;
            continue;
        }
        /* The same person's unit replaces his rank's (市委常委、宣传部部长 → 市委宣传部). */
        if (same && person != SIZE_MAX) {
            size_t from = person + (AT(fg_sv(p->team_list.ptr, p->team_list.len), person,
                                       "、") ? 3 : 0);

            if (u.ptr >= raw.ptr && u.ptr < raw.ptr + raw.len && from <= p->team_list.len)
                u = rank_unit(joined, fg_sv(p->team_list.ptr + from, p->team_list.len - from),
                              u);
            p->team_list.len = person;
        } else {
            person = p->team_list.len;
        }
        if (p->team_list.len)
            FG_TRY(fg_str_append(&p->team_list, "、", 3));
        FG_TRY(fg_str_append(&p->team_list, u.ptr, u.len));
    }
    FG_TRY(flush_list(p, role));
    *took = p->team_units.n > before || skipped;
    FG_TRY(own_rows(p, before, team));
out:
    return rc;
}

/* A new team named name at input line line, or the one of that name; its index in *team. */
static int open_team(parser *p, fg_strview name, size_t line, size_t *team)
{
    size_t k = team_named(p, name);
    pteam *tm;
    int rc = FG_OK;

    if (k != SIZE_MAX) {
        *team = k;
        return FG_OK;
    }
    FG_TRY(fg_parse__grow((void **)&p->teams, &p->cap_teams, p->n_teams, sizeof *p->teams));
    tm = &p->teams[p->n_teams];
    tm->name = fg_parse__arena_dup(p, name);
    tm->part = part_name(p);
    if (tm->name == NULL || tm->part == NULL)
        FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
    tm->line = line;
    tm->unit_first = 0;
    tm->n_units = 0;
    tm->parent = SIZE_MAX;
    *team = p->n_teams++;
out:
    return rc;
}

/* A name's words after the last 的 or ： before it (建立由X牵头的Y联席会议, 附：Y成员名单). */
static fg_strview name_after(fg_strview s)
{
    size_t cut = 0;

    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i]))
        if (AT(s, i, "的") || AT(s, i, "：") || s.ptr[i] == ':')
            cut = i + (s.ptr[i] == ':' ? 1 : 3);
    return fg_parse__trim(fg_sv(s.ptr + cut, s.len - cut));
}

/* Whether a team's name is plausible: at most 40 characters, no list or bracket in it. */
static bool name_like(fg_strview name)
{
    return fg_parse__cps_upto(name, 41) <= 40 && !fg_sv_contains(name, "、") &&
           !fg_sv_contains(name, "（") && !fg_sv_contains(name, "）") &&
           memchr(name.ptr, '(', name.len) == NULL && memchr(name.ptr, ')', name.len) == NULL;
}

/*
 * Whether seg[from ..] is the words of a 名单 that follow a 委员会's name on a title line
 * (组成人员名单, 成员单位名单, 成员名单, 组成人员).
 */
static bool roster_tail(fg_strview seg, size_t from)
{
    static const char *const tails[] = {"组成人员名单", "成员单位名单", "成员名单", "组成人员",
                                        NULL};
    fg_strview r = fg_parse__trim(fg_sv(seg.ptr + from, seg.len - from));

    for (size_t t = 0; tails[t]; t++)
        if (fg_sv_eq(r, fg_sv_cstr(tails[t])))
            return true;
    return false;
}

/*
 * Whether a team of a 河长制 (湖长制, 林长制) follows in the same name: 市河湖长制工作领导小组
 * names the 领导小组, not the 河湖长制 (up to the next separator, at most 12 characters on).
 */
static bool system_team_after(fg_strview seg, size_t i)
{
    for (size_t n = 0; i < seg.len && n < 12; n++, i += fg_cp_len((unsigned char)seg.ptr[i])) {
        if (AT(seg, i, "，") || AT(seg, i, "。") || AT(seg, i, "；") || AT(seg, i, "、"))
            return false;
        for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
            if (fg_sv_at(seg, i, team_endings[e].s, team_endings[e].n) &&
                !fg_sv_ends(fg_sv(team_endings[e].s, team_endings[e].n), "长制"))
                return true;
    }
    return false;
}

/*
 * Rule 1 on one segment: the name of a new team (a view into seg), or an empty view when the
 * segment names none. *ref_end receives where the rest of the segment starts: after the name,
 * after a team mention at its start (领导小组办公室设在 …), or 0. *pre receives the words
 * between the verb and the name (由省长任组长的, 以省长为组长、…为副组长的), or an empty view.
 */
static fg_strview team_name_in(fg_strview seg, bool whole_line, size_t *ref_end,
                               fg_strview *pre)
{
    fg_strview none = fg_sv(NULL, 0);
    size_t verb_end = SIZE_MAX;
    size_t end;
    bool spaced;

    *ref_end = 0;
    *pre = none;
    {
        size_t i = 0;

        while (i + 6 <= seg.len && !fg_cjkset_has(&sets.team_ending_firsts, seg.ptr + i))
            i += fg_cp_len((unsigned char)seg.ptr[i]);
        if (i + 6 > seg.len)
            return none;
    }
    for (size_t v = 0; team_verbs[v]; v++) {
        size_t k = fg_sv_find(seg, team_verbs[v]);

        if (k != SIZE_MAX && (verb_end == SIZE_MAX || k + strlen(team_verbs[v]) < verb_end))
            verb_end = k + strlen(team_verbs[v]);
    }
    /* 成立/组建 … X: the first team ending after the verb. */
    for (size_t i = verb_end; i < seg.len; i += fg_cp_len((unsigned char)seg.ptr[i])) {
        if (i + 6 > seg.len || !fg_cjkset_has(&sets.team_ending_firsts, seg.ptr + i))
            continue;
        for (size_t e = 0; e < N_TEAM_ENDINGS; e++) {
            size_t len = team_endings[e].n;
            fg_strview name;

            if (!fg_sv_at(seg, i, team_endings[e].s, len) ||
                (fg_sv_ends(fg_sv(team_endings[e].s, len), "长制") &&
                 system_team_after(seg, i + len)))
                continue;
            name = name_after(fg_sv(seg.ptr + verb_end, i + len - verb_end));
            if (fg_sv_starts(name, "了"))
                name = fg_sv(name.ptr + 3, name.len - 3);
            if (!name_like(name))
                return none;
            *pre =
                fg_parse__trim(fg_sv(seg.ptr + verb_end, (size_t)(name.ptr - seg.ptr) - verb_end));
            if (fg_sv_ends(*pre, "的"))
                pre->len -= 3;
            *ref_end = i + len;
            if (AT(seg, *ref_end, "制度"))
                *ref_end += 6;
            return name;
        }
    }
    for (size_t i = 0; i < seg.len; i += fg_cp_len((unsigned char)seg.ptr[i])) {
        if (i + 6 > seg.len || !fg_cjkset_has(&sets.team_ending_firsts, seg.ptr + i))
            continue;
        for (size_t e = 0; e < N_TEAM_ENDINGS; e++) {
            size_t len = team_endings[e].n;
            fg_strview rest;
            fg_strview name;

            /*
             * 发展和改革委员会 is an agency: a 委员会 is a team only after a verb, or on a
             * title line with the words of a 名单 after it (X委员会组成人员名单).
             */
            if (!fg_sv_at(seg, i, team_endings[e].s, len) ||
                (AT(seg, i, "委员会") && !(whole_line && roster_tail(seg, i + len))) ||
                (fg_sv_ends(fg_sv(team_endings[e].s, len), "长制") &&
                 system_team_after(seg, i + len)))
                continue;
            rest = fg_sv(seg.ptr + i + len, seg.len - i - len);
            if (fg_sv_starts(rest, "制度"))
                rest = fg_sv(rest.ptr + 6, rest.len - 6);
            name = name_after(fg_sv(seg.ptr, i + len));
            /* A title line: the name alone, or with 成员名单 / 组成人员 / 方案 / 工作规则 …. */
            if (whole_line && i >= 6 && name_like(name) &&
                !fg_sv_contains(name, "由") && !fg_sv_contains(name, "为") &&
                !fg_sv_contains(name, "任")) {
                static const char *const tails[] = {"成员单位名单", "组成人员名单", "成员名单",
                                                    "人员名单", "名单", "组成人员", "成员单位",
                                                    "成员", "组成", "工作方案", "实施方案",
                                                    "组建方案", "方案", "工作规则", "议事规则",
                                                    "工作制度", NULL};
                fg_strview r = fg_parse__trim(rest);

                for (size_t t = 0; tails[t] && r.len; t++) {
                    if (fg_sv_eq(r, fg_sv_cstr(tails[t])))
                        r.len = 0;
                }
                if (r.len == 0) {
                    *ref_end = seg.len;
                    return name;
                }
            }
            /*
             * A mention at the start (领导小组办公室 …, 联席会议由 …), but not a role word
             * that starts with a team's ending (专班长：, 专班长由…担任).
             */
            if (i == 0 && team_word_at(seg, 0, &end, &spaced) != NULL && end > len)
                return none;
            if (i == 0 || (i <= 6 && (AT(seg, 0, "该") || AT(seg, 0, "本"))))
                *ref_end = i + len;
            return none;
        }
    }
    return none;
}

/* Drop a leading 由 (and the team mention before it) or 以 from x. */
static fg_strview holder(fg_strview x)
{
    size_t k = fg_sv_find(x, "由");

    if (k != SIZE_MAX && (k == 0 || team_ending_end(fg_sv(x.ptr, k)) != NULL))
        x = fg_sv(x.ptr + k + 3, x.len - k - 3);
    else if (fg_sv_starts(x, "以"))
        x = fg_sv(x.ptr + 3, x.len - 3);
    return fg_parse__trim(x);
}

/*
 * Whether seg opens an office below its team: (TEAM)?下设办公室, alone or with a bracket
 * （设在X） or （办公室设在X）. Returns where X starts, seg.len when X comes in the next
 * segment (下设办公室，设在X), or SIZE_MAX.
 */
static size_t office_below(fg_strview seg)
{
    size_t k = fg_sv_find(seg, "下设办公室");
    size_t after;
    fg_strview rest;

    if (k == SIZE_MAX)
        return SIZE_MAX;
    after = k + strlen("下设办公室");
    rest = fg_parse__trim(fg_sv(seg.ptr + after, seg.len - after));
    if (rest.len == 0)
        return seg.len;
    if (!fg_sv_starts(rest, "（") && !fg_sv_starts(rest, "("))
        return SIZE_MAX;
    k = find_from(seg, after, "设在");
    return k == SIZE_MAX ? SIZE_MAX : k + strlen("设在");
}

typedef struct team_state {
    size_t team;      /* the current team, SIZE_MAX: none yet */
    int cont;         /* the role list lines continue, or TEAM_SKIP; -2: none */
    bool office_next; /* the segment before was 下设办公室: 设在X names the office */
} team_state;

enum { NO_CONT = -2 };

/*
 * Whether seg opens with a label that is no role word of team_words[] (牵头单位：, 责任单位：):
 * 2 to 8 ideographs, then ： or :, that are no unit's name or end with 单位 or 部门.
 */
static bool other_label(fg_strview seg)
{
    size_t k = fg_sv_find(fg_sv(seg.ptr, seg.len < 30 ? seg.len : 30), "：");
    size_t cps;

    if (k == SIZE_MAX)
        k = fg_sv_find(fg_sv(seg.ptr, seg.len < 30 ? seg.len : 30), ":");
    if (k == SIZE_MAX)
        return false;
    cps = fg_parse__cps_upto(fg_sv(seg.ptr, k), 9);
    /* 牵头单位, 责任部门: a role's label, though it ends like a unit's name */
    return cps >= 2 && cps <= 8 && all_ideographs(fg_sv(seg.ptr, k)) &&
           (!fg_clause__looks_like_unit(fg_sv(seg.ptr, k)) ||
            fg_sv_ends(fg_sv(seg.ptr, k), "单位") || fg_sv_ends(fg_sv(seg.ptr, k), "部门"));
}

/*
 * Where the office's phrase starts when it is run into the list before it (成员：A、B领导小组
 * 办公室设在C, 成员：A、B办公室设在C, the line breaks lost): at the current team's name, or its
 * ending, or 办公室 itself, right after a unit's name (the list's last element looks like a
 * unit); else SIZE_MAX.
 */
static size_t office_run_in(const parser *p, size_t team, fg_strview seg)
{
    fg_strview name = fg_sv_cstr(p->teams[team].name);

    for (size_t j = find_from(seg, 3, "办公室"); j != SIZE_MAX; j = find_from(seg, j + 9, "办公室")) {
        bool below = j >= 6 && AT(seg, j - 6, "下设");
        fg_strview head;
        fg_strview last;
        const fg_lit *ending;
        size_t sep;

        if (office_at(seg, j) == 0 && !below)
            continue;
        head = fg_sv(seg.ptr, below ? j - 6 : j);
        if (fg_sv_ends_n(head, name.ptr, name.len))
            head.len -= name.len;
        else if ((ending = team_ending_end(head)) != NULL)
            head.len -= ending->n;
        sep = SIZE_MAX;
        for (size_t i = list_sep_from(head, 0); i != SIZE_MAX; i = list_sep_from(head, i + 3))
            sep = i;
        last = fg_parse__trim(fg_sv(head.ptr + (sep == SIZE_MAX ? 0 : sep + 3),
                                    head.len - (sep == SIZE_MAX ? 0 : sep + 3)));
        {
            size_t colon = fg_sv_find(last, "：");

            if (colon != SIZE_MAX)
                last = fg_parse__trim(fg_sv(last.ptr + colon + 3, last.len - colon - 3));
        }
        return head.len > 0 && fg_clause__looks_like_unit(last) ? head.len : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* The number of 、 in s. */
static size_t list_seps(fg_strview s)
{
    size_t n = 0;

    for (size_t i = find_from(s, 0, "、"); i != SIZE_MAX; i = find_from(s, i + 3, "、"))
        n++;
    return n;
}

/* Rules 2 and 3 on one segment of the current team. */
static int team_segment(parser *p, team_state *ts, fg_strview seg, bool line_start)
{
    const team_word *w;
    size_t after;
    size_t k;
    size_t start;
    bool took = false;
    int rc = FG_OK;

    if (ts->team == SIZE_MAX)
        return FG_OK;
    /* 下设办公室，设在X: the segment after names the office. */
    if (ts->office_next) {
        ts->office_next = false;
        if (fg_sv_starts(seg, "设在"))
            return add_team_list(p, ts->team, FG_TEAM_OFFICE, fg_sv(seg.ptr + 6, seg.len - 6),
                                 false, &took);
    }
    /* 成员：A、B领导小组办公室设在C: the list, then the office. */
    k = office_run_in(p, ts->team, seg);
    if (k != SIZE_MAX) {
        FG_TRY(team_segment(p, ts, fg_parse__trim(fg_sv(seg.ptr, k)), line_start));
        ts->cont = NO_CONT;
        return team_segment(p, ts, fg_parse__trim(fg_sv(seg.ptr + k, seg.len - k)), false);
    }
    /* 下设办公室（设在X）, or 下设办公室 with 设在X in the next segment. */
    k = office_below(seg);
    if (k != SIZE_MAX) {
        ts->cont = NO_CONT;
        if (k == seg.len) {
            ts->office_next = true;
            return FG_OK;
        }
        after = find_from(seg, k, "）");
        if (after == SIZE_MAX)
            after = find_from(seg, k, ")");
        return add_team_list(p, ts->team, FG_TEAM_OFFICE,
                             fg_sv(seg.ptr + k, (after == SIZE_MAX ? seg.len : after) - k), false,
                             &took);
    }
    w = team_label(seg, line_start, &after);
    if (w != NULL) {
        ts->cont = w->role;
        if (w->role != TEAM_SKIP)
            FG_TRY(add_team_list(p, ts->team, (fg_team_role)w->role,
                                 fg_sv(seg.ptr + after, seg.len - after), false, &took));
        return FG_OK;
    }
    /* A note on liaison persons (各成员单位确定1名联络员) neither gives rows nor ends a list. */
    if (fg_sv_contains(seg, "联络员"))
        return FG_OK;
    /* 办公室设在X, 办公室（another name）设在X. */
    for (size_t from = fg_sv_contains(seg, "设在") ? 0 : seg.len;
         (k = fg_sv_find(fg_sv(seg.ptr + from, seg.len - from), "办公室")) != SIZE_MAX;
         from += k + strlen("办公室")) {
        after = office_at(seg, from + k);
        if (after == 0)
            continue;
        ts->cont = NO_CONT;
        return add_team_list(p, ts->team, FG_TEAM_OFFICE, fg_sv(seg.ptr + after,
                             seg.len - after), false, &took);
    }
    /* 成员单位包括 LIST, 成员由 LIST 组成, 由 LIST 等N个部门组成. */
    k = fg_sv_find(seg, "成员");
    if (k != SIZE_MAX || fg_sv_ends(seg, "组成")) {
        static const char *const heads[] = {"成员单位包括", "成员单位为",
                                            "成员单位：", "成员单位:", "成员单位由",
                                            "成员包括", "成员为", "成员由", NULL};
        fg_strview list = fg_sv(NULL, 0);
        bool found = false;

        for (size_t h = 0; heads[h] && k != SIZE_MAX; h++) {
            if (fg_sv_at_str(seg, k, heads[h])) {
                after = k + strlen(heads[h]);
                list = fg_sv(seg.ptr + after, seg.len - after);
                found = true;
                break;
            }
        }
        if (!found && fg_sv_ends(seg, "组成")) {
            size_t you = fg_sv_find(seg, "由");

            if (you != SIZE_MAX) {
                list = fg_sv(seg.ptr + you + 3, seg.len - you - 3);
                found = true;
            }
        }
        /* 由以下人员组成, 成员如下: the names follow under labels. */
        if (found && (fg_sv_starts(fg_parse__trim(list), "以下") || fg_sv_contains(list, "如下")))
            found = false;
        if (found) {
            size_t deng;

            if (fg_sv_ends(list, "组成"))
                list.len -= 6;
            /* …等21个部门和单位: the count is not a unit. */
            deng = SIZE_MAX;
            for (size_t i = find_from(list, 0, "等"); i != SIZE_MAX; i = find_from(list, i + 3,
                                                                                 "等"))
                deng = i;
            if (deng != SIZE_MAX && find_from(list, deng, "个") != SIZE_MAX)
                list.len = deng;
            ts->cont = NO_CONT;
            return add_team_list(p, ts->team, FG_TEAM_MEMBER, list, false, &took);
        }
    }
    /* ROLE由X(担任|兼任|出任). */
    {
        size_t you = fg_sv_find(seg, "由");

        if (you != SIZE_MAX && you > 0) {
            fg_strview head = fg_sv(seg.ptr, you);
            fg_strview x = fg_sv(seg.ptr + you + 3, seg.len - you - 3);
            static const char *const verbs[] = {"担任", "兼任", "出任", "负责", NULL};

            w = team_word_end(head, &start);
            if (w != NULL) {
                for (size_t v = 0; verbs[v]; v++) {
                    if (fg_sv_ends(x, verbs[v])) {
                        x.len -= strlen(verbs[v]);
                        break;
                    }
                }
                ts->cont = NO_CONT;
                if (w->role == TEAM_SKIP)
                    return FG_OK;
                return add_team_list(p, ts->team, (fg_team_role)w->role, holder(x), false,
                                     &took);
            }
        }
    }
    /* X(担任|任|兼任|出任|为|作为)(TEAM)?ROLE. */
    w = team_word_end(seg, &start);
    if (w != NULL) {
        fg_strview head = fg_sv(seg.ptr, start);
        static const char *const verbs[] = {"担任", "兼任", "出任", "作为", "任", "为", NULL};
        const fg_lit *ending = team_ending_end(head);

        if (ending != NULL) {
            /* 任领导小组组长: the mention between verb and role, up to its verb. */
            size_t cut = head.len - ending->n;

            for (size_t v = 0; verbs[v]; v++) {
                size_t pos = SIZE_MAX;

                for (size_t i = find_from(head, 0, verbs[v]); i != SIZE_MAX && i < cut;
                     i = find_from(head, i + 3, verbs[v]))
                    pos = i;
                if (pos != SIZE_MAX) {
                    head.len = pos + strlen(verbs[v]);
                    break;
                }
            }
        }
        for (size_t v = 0; verbs[v]; v++) {
            if (fg_sv_ends(head, verbs[v])) {
                fg_strview x = fg_sv(head.ptr, head.len - strlen(verbs[v]));

                if (fg_sv_ends(x, "等"))
                    x.len -= 3;
                ts->cont = NO_CONT;
                if (w->role == TEAM_SKIP)
                    return FG_OK;
                return add_team_list(p, ts->team, (fg_team_role)w->role, holder(x), false,
                                     &took);
            }
        }
    }
    /* A group's sentence (环境整治组。由市城管局牵头，市住房城乡建设局参加。) */
    if (p->teams[ts->team].parent != SIZE_MAX) {
        static const char *const co[] = {"参加", "参与", "配合", NULL};
        fg_strview x = fg_sv_starts(seg, "由") ? fg_sv(seg.ptr + 3, seg.len - 3) : seg;

        if (fg_sv_ends(x, "牵头")) {
            ts->cont = NO_CONT;
            return add_team_list(p, ts->team, FG_TEAM_CONVENOR, fg_sv(x.ptr, x.len - 6), false,
                                 &took);
        }
        for (size_t c = 0; co[c]; c++)
            if (fg_sv_ends(x, co[c]) && x.len > 6) {
                ts->cont = NO_CONT;
                return add_team_list(p, ts->team, FG_TEAM_MEMBER, fg_sv(x.ptr, x.len - 6), false,
                                     &took);
            }
    }
    /*
     * A list line that continues the last label; another label (牵头单位：X) ends it. A
     * line longer than 32 characters is one only as a list of three names or more (a list
     * line joined with the next that goes on with its last name: name_wrapped()), every one
     * a unit (add_team_list() with only_units).
     */
    if (ts->cont == TEAM_SKIP)
        return FG_OK;
    if (ts->cont >= 0 && (fg_parse__cps_upto(seg, 33) <= 32 || list_seps(seg) >= 2) &&
        !other_label(seg)) {
        FG_TRY(add_team_list(p, ts->team, (fg_team_role)ts->cont, seg, true, &took));
        if (took)
            return FG_OK;
    }
    ts->cont = NO_CONT;
out:
    return rc;
}

/*
 * The words before a team's name (由省长任组长的, 以省长为组长、省政府副省长为副组长的,
 * 以市长为组长，副市长为副组长，…为成员的): each part up to a ，or ；, and each part that ends
 * with a role word up to a 、, is a segment of its own.
 */
static int team_pre(parser *p, team_state *ts, fg_strview pre)
{
    size_t from = 0;
    size_t comma = 0; /* the next ，or ；at or after i, or pre.len */
    int rc = FG_OK;

    for (size_t i = 0; i <= pre.len;) {
        size_t e = find_from(pre, i, "、");
        size_t start;

        if (comma < i) {
            size_t a = find_from(pre, i, "，");
            size_t b = find_from(pre, i, "；");

            comma = a < b ? a : b;
            if (comma == SIZE_MAX)
                comma = pre.len;
        }
        if (e == SIZE_MAX || e > comma)
            e = comma;
        if (e == pre.len || e == comma ||
            team_word_end(fg_sv(pre.ptr + from, e - from), &start) != NULL) {
            FG_TRY(team_segment(p, ts, fg_parse__trim(fg_sv(pre.ptr + from, e - from)), false));
            from = e + 3;
        }
        i = e + 3;
    }
    ts->cont = NO_CONT;
out:
    return rc;
}

/* Whether s[i] ends a segment: ，。；！？, ; or a line break; *n its length. */
static bool team_delim_at(fg_strview s, size_t i, size_t *n)
{
    if (s.ptr[i] == '\n' || s.ptr[i] == ';') {
        *n = 1;
        return true;
    }
    /* A half-width comma between words, not in a number (1,200). */
    if (s.ptr[i] == ',') {
        *n = 1;
        return !(i > 0 && fg_parse__is_digit_at(s, i - 1) && fg_parse__is_digit_at(s, i + 1));
    }
    *n = 3;
    return AT(s, i, "，") || AT(s, i, "。") || AT(s, i, "；") || AT(s, i, "！") ||
           AT(s, i, "？");
}

/*
 * Whether name ends in a noun of a team's group: 组 (综合协调组, 工作组, 小组), one of
 * team_endings[] but those a verb or a 名单 must announce (综合协调专班, 前方指挥部; not
 * 委员会, 河长制), or a squad's 队 (宣传报道小分队, 督导服务队, 抢险突击队) that is no unit's:
 * not a rank of a force (大队, 支队, 中队, 总队) and not a place's (县森林消防队, 市救援队 start
 * with a level).
 */
static bool group_noun_end(fg_strview name)
{
    if (fg_sv_ends(name, "组"))
        return true;
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++) {
        fg_strview ending = fg_sv(team_endings[e].s, team_endings[e].n);

        if (fg_sv_ends_n(name, ending.ptr, ending.len))
            return !fg_sv_eq(ending, fg_sv_cstr("委员会")) && !fg_sv_ends(ending, "长制");
    }
    if (!fg_sv_ends(name, "队") || name.len < 6)
        return false;
    {
        static const char *const ranks[] = {"大队", "支队", "中队", "总队", NULL};
        static const char *const levels[] = {"省", "市", "州", "县", "区", "乡", "镇", "各",
                                             NULL};

        for (size_t r = 0; ranks[r]; r++)
            if (fg_sv_ends(name, ranks[r]))
                return false;
        for (size_t l = 0; levels[l]; l++)
            if (fg_sv_starts(name, levels[l]))
                return false;
    }
    return true;
}

/*
 * Whether a title line under a team names one of its groups (综合协调组, 综合协调专班,
 * 督导服务队): 3 to 10 ideographs ending in a group's noun (group_noun_end()), with no word of
 * a sentence (的 为 由 任 设 等 和).
 */
static bool group_name(fg_strview seg)
{
    static const char *const words[] = {"的", "为", "由", "任", "设", "等", "和", NULL};
    size_t cps = fg_parse__cps_upto(seg, 11);

    return cps >= 3 && cps <= 10 && group_noun_end(seg) && all_ideographs(seg) &&
           !fg_sv_contains_any(seg, words);
}

/*
 * Where who leads a group starts in a segment that opens with the group's name and a colon
 * (综合协调组：由党政综合办牵头): after the colon, when the rest ends in 牵头 (the segment
 * ends at the first ，); else 0.
 */
static size_t group_lead_after(fg_strview seg)
{
    size_t c = fg_sv_find(seg, "：");
    size_t half = fg_sv_find(seg, ":");
    size_t n = 3;

    if (half < c) {
        c = half;
        n = 1;
    }
    if (c == SIZE_MAX || !group_name(fg_parse__trim(fg_sv(seg.ptr, c))) || !fg_sv_ends(seg, "牵头") ||
        seg.len <= c + n + 6)
        return 0;
    return c + n;
}

/*
 * Whether an item's text t is a team's heading over its list (rule 1): its first words are a
 * team's name (工程机械产业链工作专班) or a group's (group_name(): 综合协调组), followed by a
 * role label of team_words[] (组长单位：, 链　长：, 成员单位：), on the next line or run into
 * the name when the line breaks are lost. Such an item is no task (fg_parse's close_item()
 * reads no clause from it): its labels are the team's. Looks at the first 40 characters.
 */
static bool team_heading(fg_strview t)
{
    static const char *const sentence[] = {"的", "为", "由", "任", "成立", "。", "，", NULL};
    fg_strview span;
    size_t lim = 0;
    size_t k;
    size_t colon;
    size_t end;
    size_t n;
    bool spaced;

    t = fg_parse__trim(t);
    /*
     * Everything looked for lies within the first 40 characters (lim bytes). They are
     * counted only when a 。 then 牵头, or a colon, is found in the 160 bytes that hold them:
     * most items have neither there.
     */
    span = fg_sv(t.ptr, t.len < 160 ? t.len : 160);
    k = fg_sv_find(span, "。");
    if (k != SIZE_MAX && !fg_sv_contains(fg_sv(span.ptr + k, span.len - k), "牵头"))
        k = SIZE_MAX;
    colon = fg_sv_find(span, "：");
    if (k == SIZE_MAX && colon == SIZE_MAX && memchr(span.ptr, ':', span.len) == NULL)
        return false;
    for (size_t n_cp = 0; n_cp < 40 && lim < t.len; n_cp++)
        lim += fg_cp_len((unsigned char)t.ptr[lim]);
    /* 环境整治组。由市城管局牵头，…参加。: a group, then who leads it (within 40 characters) */
    if (k != SIZE_MAX && k + 3 <= lim && fg_sv_contains(fg_sv(t.ptr + k, lim - k), "牵头") &&
        group_name(fg_parse__trim(fg_sv(t.ptr, k))))
        return true;
    /* 综合协调组：由党政综合办牵头，…参与。: the same with a colon after the group's name */
    k = colon != SIZE_MAX ? colon : fg_sv_find(fg_sv(t.ptr, lim), ":");
    if (k != SIZE_MAX && k + 3 <= lim && group_name(fg_parse__trim(fg_sv(t.ptr, k))) &&
        fg_sv_contains(fg_sv(t.ptr + k, lim - k), "牵头"))
        return true;
    k = colon != SIZE_MAX && colon + 3 <= lim ? colon : fg_sv_find(fg_sv(t.ptr, lim), ":");
    if (k == SIZE_MAX)
        return false;
    /* The word ends at the colon: start 16 characters (blanks of a spaced word included) before. */
    size_t from = k;

    for (int c = 0; c < 16 && from > 0; c++)
        from = fg_cp_start_before(t.ptr, from);
    for (size_t i = from; i < k; i += fg_cp_len((unsigned char)t.ptr[i])) {
        const team_word *w = team_word_at(t, i, &end, &spaced);
        fg_strview name;

        if (w == NULL || w->role == TEAM_SKIP)
            continue;
        while (end < k && fg_parse__is_space_at(t, end, &n))
            end += n;
        if (end != k)
            continue;
        name = fg_parse__trim(fg_sv(t.ptr, i));
        /* 综合协调组。组长单位：X: a group's name as the first sentence, its labels after */
        if (fg_sv_ends(name, "。"))
            return group_name(fg_parse__trim(fg_sv(name.ptr, name.len - 3)));
        return group_name(name) ||
               (team_ending_end(name) != NULL && name_like(name) &&
                !fg_sv_contains_any(name, sentence));
    }
    return false;
}

/*
 * Where a sentence that constitutes a team in a frame (成立以X为组长，Y为副组长，…为成员的NAME;
 * 成立由X任组长，…的NAME) ends, when its first segment tt[s .. i) opens the frame (a team verb,
 * then 以 or 由; not 成立以来) and no team ending follows the verb within the segment, but one
 * does before the sentence's 。 or line break: that position; else SIZE_MAX. The sentence is
 * then read as one segment (rule 1). *seen is where the last sentence looked at without a
 * name ends: the frames opening before it are not looked for again, so that each part of the
 * text is scanned a bounded number of times.
 */
static size_t frame_end(fg_strview tt, size_t s, size_t i, size_t *seen)
{
    fg_strview seg = fg_sv(tt.ptr + s, i - s);
    size_t verb_end = SIZE_MAX;
    size_t stop;

    for (size_t v = 0; team_verbs[v] && verb_end == SIZE_MAX; v++) {
        size_t len = strlen(team_verbs[v]);

        for (size_t k = find_from(seg, 0, team_verbs[v]); k != SIZE_MAX;
             k = find_from(seg, k + len, team_verbs[v])) {
            size_t a = k + len;

            if ((AT(seg, a, "由") || AT(seg, a, "以")) && !AT(seg, a, "以来") &&
                !AT(seg, a, "以后") && !AT(seg, a, "以前") && !AT(seg, a, "以上")) {
                verb_end = s + a;
                break;
            }
        }
    }
    if (verb_end == SIZE_MAX)
        return SIZE_MAX;
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (find_from(seg, verb_end - s, team_endings[e].s) != SIZE_MAX)
            return SIZE_MAX;
    if (i < *seen)
        return SIZE_MAX;
    stop = i;
    while (stop < tt.len && tt.ptr[stop] != '\n' && !AT(tt, stop, "。"))
        stop += fg_cp_len((unsigned char)tt.ptr[stop]);
    for (size_t e = 0; e < N_TEAM_ENDINGS; e++)
        if (find_from(fg_sv(tt.ptr, stop), i, team_endings[e].s) != SIZE_MAX)
            return stop;
    *seen = stop;
    return SIZE_MAX;
}

/*
 * Read the work teams of one item's (or the preamble's) text t; lm[0 .. n_lm) are the
 * offsets of its input lines in t. Linear in the length of t, apart from team_named() for
 * each new name.
 */
static int find_teams(parser *p, fg_strview t, const linemap *lm, size_t n_lm, size_t base_line)
{
    team_state ts = {p->cur_team, NO_CONT, false};
    size_t frame_seen = 0; /* frame_end(): where the last sentence looked at ends */
    size_t lm_k = 0; /* the line of team_lm that holds s */
    fg_strview tt;
    int depth = 0;
    size_t s = 0;
    bool line_start = true;
    bool named = false;
    int rc = FG_OK;

    /* With no current team, roles belong to nothing unless the text names a team. */
    for (size_t e = 0; e < N_TEAM_ENDINGS && ts.team == SIZE_MAX && !named; e++) {
        size_t from = n_lm && lm[0].off <= t.len ? lm[0].off : 0;

        if (!(sets.team_endings_alone >> e & 1))
            continue;
        named = fg_sv_find_n(fg_sv(t.ptr + from, t.len - from), team_endings[e].s,
                             team_endings[e].n) != SIZE_MAX;
    }
    if (ts.team == SIZE_MAX && !named)
        return FG_OK;

    FG_TRY(team_text(p, t, lm, n_lm));
    tt = fg_sv(p->team_text.ptr ? p->team_text.ptr : "", p->team_text.len);
    for (size_t i = 0;;) {
        size_t n = 0;
        bool end = i >= tt.len;

        if (!end) {
            unsigned char c = (unsigned char)tt.ptr[i];

            if (c == '\n') {
                n = 1;
                depth = 0;
            } else if (c != ';' && c != ',' && c != '(' && c != ')' && c != 0xEF && c != 0xE3) {
                /* Every delimiter and bracket is one of these or starts with EF or E3. */
                i += fg_cp_len(c);
                continue;
            } else if (depth > 0 || !team_delim_at(tt, i, &n)) {
                if (AT(tt, i, "（") || tt.ptr[i] == '(')
                    depth++;
                else if ((AT(tt, i, "）") || tt.ptr[i] == ')') && depth > 0)
                    depth--;
                i += fg_cp_len((unsigned char)tt.ptr[i]);
                continue;
            }
        }
        /* 成立以X为组长，Y为副组长，…为成员的NAME: the sentence is one segment. */
        if (!end && tt.ptr[i] != '\n' && !AT(tt, i, "。")) {
            size_t stop = frame_end(tt, s, i, &frame_seen);

            if (stop != SIZE_MAX) {
                i = stop;
                end = i >= tt.len;
                n = end ? 0 : tt.ptr[i] == '\n' ? 1 : 3;
            }
        }
        {
            fg_strview seg = fg_parse__trim(fg_sv(tt.ptr + s, i - s));
            bool whole_line = line_start && (end || tt.ptr[i] == '\n');
            size_t ref_end;
            fg_strview pre;
            fg_strview name = team_name_in(seg, whole_line, &ref_end, &pre);
            size_t above = SIZE_MAX; /* the team a group opened here belongs to */
            bool group = false;

            if (name.len == 0 && ts.team != SIZE_MAX) {
                above = p->teams[ts.team].parent;
                if ((whole_line || (line_start && !end && AT(tt, i, "。"))) &&
                    group_name(seg)) {
                    /* 综合协调组 under a 指挥部 (or after another of its groups) */
                    group = true;
                    name = seg;
                    ref_end = seg.len;
                    if (above == SIZE_MAX)
                        above = ts.team;
                } else if (line_start && group_lead_after(seg) > 0) {
                    /* 综合协调组：由X牵头，Y参与。 the group, then its sentence */
                    group = true;
                    ref_end = group_lead_after(seg);
                    name = fg_parse__trim(
                        fg_sv(seg.ptr, ref_end - (seg.ptr[ref_end - 1] == ':' ? 1 : 3)));
                    if (above == SIZE_MAX)
                        above = ts.team;
                } else if (ref_end > 0 && above != SIZE_MAX) {
                    /* 指挥部办公室设在X after its groups: the team above them */
                    ts.team = above;
                }
            }
            if (name.len) {
                while (lm_k + 1 < p->n_team_lm && p->team_lm[lm_k + 1].off <= s)
                    lm_k++;
                FG_TRY(open_team(p, name, p->n_team_lm ? p->team_lm[lm_k].line : base_line,
                                 &ts.team));
                if (group && above != ts.team && p->teams[ts.team].parent == SIZE_MAX)
                    p->teams[ts.team].parent = above;
                ts.cont = NO_CONT;
                FG_TRY(team_pre(p, &ts, pre));
            }
            seg = fg_parse__trim(fg_sv(seg.ptr + ref_end, seg.len - ref_end));
            /* The issuer's name over the date of issue ends the list: no member. */
            if (seg.len && whole_line && ts.cont >= 0 && !end && signed_below(tt, i + 1, tt.len)) {
                ts.cont = NO_CONT;
                seg.len = 0;
            }
            if (seg.len)
                FG_TRY(team_segment(p, &ts, seg, line_start && ref_end == 0));
        }
        if (end)
            break;
        /* A 。 ends the lists that list lines continue. */
        if (AT(tt, i, "。"))
            ts.cont = NO_CONT;
        line_start = tt.ptr[i] == '\n';
        i += n;
        s = i;
    }
    p->cur_team = ts.team;
out:
    return rc;
}

/* Read the teams of the preamble text that came since the last call (text outside items). */
static int flush_pre_teams(parser *p)
{
    fg_strview t = fg_sv(p->pre_text.ptr ? p->pre_text.ptr : "", p->pre_text.len);
    size_t first = p->pre_lm_done;
    size_t from;

    if (first >= p->n_pre_lm)
        return FG_OK;
    p->pre_lm_done = p->n_pre_lm;
    from = p->pre_lm[first].off;
    if (p->no_teams || !team_signal(fg_sv(t.ptr + from, t.len - from)))
        return FG_OK;
    return find_teams(p, t, p->pre_lm + first, p->n_pre_lm - first, p->pre_lm[first].line);
}

static int team_row_cmp(const void *a, const void *b)
{
    const size_t *x = a;
    const size_t *y = b;

    /* team, then role, then document order */
    for (int k = 0; k < 3; k++)
        if (x[k] != y[k])
            return x[k] < y[k] ? -1 : 1;
    return 0;
}

/*
 * Rule 5: order the rows of each team (convenor, deputies, members, office, each in document
 * order) into p->team_order and drop the teams with no rows.
 */
static int order_team_rows(parser *p)
{
    size_t n = p->team_units.n;
    size_t *keys = NULL;
    size_t w = 0;
    int rc = FG_OK;

    if (n) {
        keys = malloc(n * 3 * sizeof *keys);
        p->team_order = malloc(n * sizeof *p->team_order);
        if (keys == NULL || p->team_order == NULL)
            FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
    }
    for (size_t k = 0; k < n; k++) {
        keys[3 * k] = p->team_of[k];
        keys[3 * k + 1] = (size_t)p->team_units.v[k].role;
        keys[3 * k + 2] = k;
    }
    if (n)
        qsort(keys, n, 3 * sizeof *keys, team_row_cmp);
    for (size_t k = 0; k < n; k++)
        p->team_order[k] = keys[3 * k + 2];
    for (size_t i = 0, r = 0; i < p->n_teams; i++) {
        pteam tm = p->teams[i];

        tm.unit_first = r;
        while (r < n && keys[3 * r] == i)
            r++;
        tm.n_units = r - tm.unit_first;
        if (tm.n_units)
            p->teams[w++] = tm;
    }
    p->n_teams = w;
out:
    free(keys);
    return rc;
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
    for (size_t i = next_bracket_before(t, 0, end); i < end;
         i = next_bracket_before(t, i + fg_cp_len((unsigned char)t.ptr[i]), end)) {
        size_t n;

        if (fg_parse__clause_open(t, i, &n)) {
            size_t limit = cp_start_from(t, i + 900);
            size_t close = i + n;
            size_t cn;

            while (close < limit) {
                close = next_bracket_before(t, close, limit);
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

static int finish_row(parser *p);

/*
 * Put the n clauses of one item in the order they start in its text: find_clauses() finds
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
    size_t k = find_from(t, from, "。");
    size_t k2 = find_from(t, from, "；");
    size_t before = i;
    size_t b;

    if (k2 < k)
        k = k2;
    for (size_t j = from; j < t.len && j < k; j++) {
        if (t.ptr[j] == ';' && semicolon_ends(t, j)) {
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
                              (p != NULL && lines_upto(p, before) > 0 &&
                               p->lm[lines_upto(p, before) - 1].off == before)))
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
    i = find_from(t, i, "——");
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
            FG_TRY(try_clause(p, seg, (size_t)(seg.ptr - t.ptr), FG_CLAUSE_BARE_LIST, &found));
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
        FG_TRY(try_clause_as(p, fg_sv(synth.ptr, synth.len), fg_sv_cstr(head->title), 0, 0,
                             &found));
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
 * Whether clause text t says it is the clause of the items after it: 以下 or 下列 (以下各项均由X
 * 牵头), or 本 此 or 该 and a word for a part of the document (本部分任务由X牵头，Y具体落实; 本章
 * 本节 本方面 本领域 本板块 本专题 本篇), then 由 within 12 characters and no ，。；：before it.
 */
static bool looks_forward(fg_strview t)
{
    static const char *const parts[] = {"部分", "章", "节", "方面", "领域", "板块", "专题", "篇",
                                        NULL};
    size_t i = 0;

    t = fg_parse__trim(t);
    if (fg_sv_starts(t, "以下") || fg_sv_starts(t, "下列")) {
        i = 6;
    } else if (fg_sv_starts(t, "本") || fg_sv_starts(t, "此") || fg_sv_starts(t, "该")) {
        for (size_t k = 0; parts[k] && i == 0; k++)
            if (fg_sv_at_str(t, 3, parts[k]))
                i = 3 + strlen(parts[k]);
        if (i == 0)
            return false;
    } else {
        return false;
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
 * then keeps the clause only when no item took it. Headings are read from the last one, so
 * that a deeper heading's own shared clause wins over the one above it.
 */
static int forward_clauses(parser *p)
{
    fg_str buf = FG_STR_INIT;
    int rc = FG_OK;

    for (size_t i = p->n_items; i-- > 0;) {
        for (size_t c = 0, next; c < p->items[i].n_clauses; c = next) {
            pclause pc = p->clauses[p->items[i].clause_first + c];
            pitem *h;
            bool taken = false;

            next = c + 1;
            if (i + 1 >= p->n_items || p->items[i + 1].parent != i ||
                !looks_forward(fg_sv(pc.text, pc.text_len)))
                continue;
            for (size_t j = i + 1; j < p->n_items && p->items[j].depth > p->items[i].depth;
                 j++) {
                pitem *it = &p->items[j];

                if ((j + 1 < p->n_items && p->items[j + 1].parent == j) || has_lead(p, it))
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
            if (!taken)
                continue;
            h = &p->items[i];
            memmove(&p->clauses[h->clause_first + c], &p->clauses[h->clause_first + c + 1],
                    (h->n_clauses - c - 1) * sizeof *p->clauses);
            h->n_clauses--;
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

static int close_item(parser *p)
{
    pitem *it;
    fg_strview t;
    bool teams;
    bool heading;
    int rc = FG_OK;

    if (!p->open)
        return FG_OK;
    if (p->row_open)
        return finish_row(p);
    it = &p->items[p->cur];
    t = fg_sv(p->cur_text.ptr ? p->cur_text.ptr : "", p->cur_text.len);
    /*
     * find_clauses() blanks the parentheticals of cur_text, and the teams are read from the
     * text as written: from the item's copy, or under no_text from item_copy, made only when
     * the text may hold a team.
     */
    /* A team's heading over its list (综合协调组, then 组长单位：X) is no task. */
    heading = team_heading(t);
    p->team_item = heading || team_signal(t);
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
        FG_TRY(find_clauses(p, p->cur_text.ptr, p->cur_text.len));
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
        FG_TRY(find_teams(p, t, p->lm, p->n_lm, it->line));
    }
    p->open = false;
out:
    fg_str_clear(&p->cur_text);
    p->unit_lines = UL_NONE;
    p->n_lm = 0;
    return rc;
}

static int append_text(parser *p, fg_strview s, size_t line)
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
        size_t n;
        fg_label_role r = s.len >= 9 && (fg_sv_ends(s, "：") || fg_sv_ends(s, ":"))
                              ? fg_clause__label_at(p->units.lex, s, 0, &n)
                              : FG_LABEL_NONE;

        p->unit_lines = (r == FG_LABEL_LEAD || r == FG_LABEL_CO || r == FG_LABEL_RESP ||
                         r == FG_LABEL_UNKNOWN) && n == s.len
                            ? UL_LABEL
                            : UL_NONE;
    }
    p->lm[p->n_lm].off = p->cur_text.len;
    p->lm[p->n_lm].line = line;
    p->n_lm++;
    p->n_lines++;
    return fg_str_append(&p->cur_text, s.ptr, s.len);
}

/* Numbering that a table's cell may start with, not a heading (1. 1.1 （1） 1） a．). */
static bool minor_style(style st)
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

static int open_item(parser *p, const mark *m, fg_strview marker_text, size_t line)
{
    mark as_letter;
    pitem *it;
    /* "A12:" and at most ST_COUNT numbers of up to 20 digits, a sign and a dot each. */
    char path[sizeof p->part + 1 + ST_COUNT * 22];
    size_t path_len;
    int rc = FG_OK;

    FG_TRY(close_item(p));
    FG_TRY(flush_pre_teams(p));
    /* I. V. X. right after the letter before them (H. U. W.) are letters, not numerals. */
    if (m->st == ST_ROMAN && m->letter > 0 && p->last_num[ST_UPPER] == m->letter - 1) {
        as_letter = (mark){ST_UPPER, m->letter, m->len, 0};
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
    it->part = part_name(p);
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
        return semicolon_ends(s, i - 1);

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
 * restart too: an annex whose own numbering starts again, which open_item() makes a new
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
 * A marker at s[j] inside a line that starts an item: it continues the numbering and is
 * after a boundary or distinctive (strong_marker()); 第X条 as article_in_line() says.
 */
static bool inline_marker_at(const parser *p, fg_strview s, size_t j, size_t lo, mark *m)
{
    if (!fg_parse__marker_at(s, j, false, m))
        return article_in_line(s, j, m) && m->num == p->last_num[ST_ARTICLE] + 1;
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
 * digit, or one of the numerals 一 to 十 that start 一、. A test of a few bytes, where
 * fg_parse__marker_at() costs tens of instructions on each ideograph of flat text.
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
    case 0xE4: /* 一 E4 B8 80, 七 E4 B8 83, 三 E4 B8 89, 九 E4 B9 9D, 二 E4 BA 8C, 五 E4 BA 94 */
        return (c1 == 0xB8 && (c2 == 0x80 || c2 == 0x83 || c2 == 0x89)) ||
               (c1 == 0xB9 && c2 == 0x9D) || (c1 == 0xBA && (c2 == 0x8C || c2 == 0x94));
    case 0xE5: /* 六 E5 85 AD, 八 E5 85 AB, 十 E5 8D 81, 四 E5 9B 9B */
        return (c1 == 0x85 && (c2 == 0xAD || c2 == 0xAB)) || (c1 == 0x8D && c2 == 0x81) ||
               (c1 == 0x9B && c2 == 0x9B);
    case 0xE7: /* 第 E7 AC AC */
        return c1 == 0xAC && c2 == 0xAC;
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

/* Feed one line's content (after any part handling) to the item machinery. */
static int feed_content(parser *p, fg_strview s, size_t line, bool line_start)
{
    int rc = FG_OK;
    size_t i = 0;
    mark m;

    if (line_start && fg_parse__marker_at(s, 0, true, &m) && m.len < s.len + 1) {
        FG_TRY(open_item(p, &m, fg_sv(s.ptr, m.len), line));
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
        if (p->open && p->n_lines == 0)
            p->first_line_len = p->cur_text.len + (next - seg_start);
        FG_TRY(append_text(p, fg_sv(s.ptr + seg_start, next - seg_start), line));
        if (next >= s.len)
            break;
        if (!fg_parse__marker_at(s, next, false, &nm))
            (void)article_in_line(s, next, &nm);
        FG_TRY(open_item(p, &nm, fg_sv(s.ptr + next, nm.len), line));
        i = next + nm.len;
    }
out:
    return rc;
}

/* ---- line-level structure ---- */

/*
 * 附件 / 附件1 / 附件 2： alone on a line → the annex number (1 when unnumbered), else 0. A
 * file that is an annex alone, 附件 its first line, has its items in A1 all the same: parts
 * are named as printed (gold/NOTES.md), so that the annex read alone and read with its
 * document give the same ids. 附表 / 附表1 (an annexed table, in the same forms) gives its
 * number too, and sets *table when table is not NULL.
 */
static int annex_header(fg_strview s, bool *table)
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
    return fg_sv_ends(last, "公报") && issue_number(first) && !has_blank(last);
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

/* ---- tables flattened to one cell per line ---- */

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

/* The column of a header word that is a role label of the grammar, or COL_NONE. */
static col_kind label_column(const fg_lexicon *lx, fg_strview s)
{
    switch (fg_clause__label_word(lx, s)) {
    case FG_LABEL_LEAD:
        return COL_LEAD;
    case FG_LABEL_CO:
        return COL_CO;
    case FG_LABEL_RESP:
        return COL_RESP;
    default:
        return COL_NONE;
    }
}

static col_kind header_cell(const fg_lexicon *lx, fg_strview s)
{
    /* Every header below is 2 to 4 ideographs: 6 to 12 bytes. */
    enum { MIN_HEADER = 6, MAX_HEADER = 12 };
    char buf[96];
    char labelled[64];

    /*
     * A header squeezed is at most 4 ideographs with blanks between (40 bytes), or ends in a
     * note in brackets: most lines are neither, and are not squeezed.
     */
    if (s.len > 40 && !fg_sv_ends(s, "）") && !fg_sv_ends(s, ")"))
        return COL_NONE;
    s = header_squeeze(s, buf, sizeof buf);

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

        if (k != COL_NONE)
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
    /* Any other role label of the grammar (负责部门, 主办单位, 协办处室 …), without its colon. */
    return label_column(lx, s);
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

static bool all_units(fg_strview s)
{
    fg_units u = {0};
    fg_str flat = FG_STR_INIT;
    size_t units = 0; /* the elements that are units */
    bool ok;

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
             unit_with_person(n);
        units++;
    }
    ok = ok && units > 0 && !fg_sv_contains(s, "。");
    fg_units_dispose(&u);
    fg_str_dispose(&flat); /* s may be flat's */
    return ok;
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
 * unit when no legend says otherwise, as such tables mostly mean them (注：●为牵头单位，○为配合
 * 单位): a filled mark and ◎ lead, a hollow one co-operates, a tick alone names a unit
 * responsible, read as a 责任单位 column is (co, unless the document declares its first
 * listed unit the lead).
 */
static const struct {
    const char *s;
    fg_label_role role;
} marks[] = {
    {"●", FG_LABEL_LEAD}, {"★", FG_LABEL_LEAD}, {"▲", FG_LABEL_LEAD}, {"■", FG_LABEL_LEAD},
    {"◆", FG_LABEL_LEAD}, {"◎", FG_LABEL_LEAD}, {"○", FG_LABEL_CO},   {"☆", FG_LABEL_CO},
    {"△", FG_LABEL_CO},   {"□", FG_LABEL_CO},   {"◇", FG_LABEL_CO},   {"√", FG_LABEL_RESP},
    {"✓", FG_LABEL_RESP}, {"✔", FG_LABEL_RESP},
};

/*
 * Whether a cell holds marks only (●, ○, √, ★ …: a matrix of units as columns), no task's
 * wording; *role the role of its first mark (FG_LABEL_NONE for an empty cell).
 */
static bool marks_of(fg_strview cell, fg_label_role *role)
{
    size_t b;

    *role = FG_LABEL_NONE;
    for (size_t i = 0; i < cell.len;) {
        size_t k = 0;

        if (fg_parse__is_space_at(cell, i, &b)) {
            i += b;
            continue;
        }
        while (k < sizeof marks / sizeof *marks &&
               !fg_sv_at(cell, i, marks[k].s, strlen(marks[k].s)))
            k++;
        if (k == sizeof marks / sizeof *marks)
            return false;
        if (*role == FG_LABEL_NONE)
            *role = marks[k].role;
        i += strlen(marks[k].s);
    }
    return true;
}

/* A cell of marks only (marks_of()). */
static bool mark_cell(fg_strview cell)
{
    fg_label_role role;

    return marks_of(cell, &role);
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
            if (!marks_of(cell, &role))
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
        FG_TRY(note_clause(p, notes, label, first, line));
    if (is_clause)
        FG_TRY(add_clause(p, label, 0, line, first));
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
        } else if ((k == COL_TASK || k == COL_NONE) && !mark_cell(cell)) {
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
    FG_TRY(append_text(p, fg_sv(text.ptr ? text.ptr : "", text.len), line));
    p->row_open = false;
    p->row_aligned = false;
    p->row_lines = false;
    FG_TRY(close_item(p));
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

/*
 * Close a table row: its cells, in order, were collected in cur_text separated by \x1f.
 * Task cells become the item text; unit cells become one clause.
 */
static int finish_row(parser *p)
{
    fg_str task = FG_STR_INIT;
    fg_str label = FG_STR_INIT;
    fg_str joined = FG_STR_INIT;
    fg_strview t;
    size_t start = 0;
    size_t unit_col;         /* the next unit column of the header (next_unit_col()) */
    bool had_units = false;
    bool has_due_col = false;
    fg_strview due = fg_sv(NULL, 0);
    const char *role_lab;
    int rc = FG_OK;

    if (!p->open || !p->row_open)
        return FG_OK;
    if (next_unit_col(p, 0) >= p->n_cols)
        return finish_text_row(p);
    t = fg_sv(p->cur_text.ptr ? p->cur_text.ptr : "", p->cur_text.len);
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
    role_lab = ledger_label(p, t);
    for (size_t k = 0; k < p->n_cols; k++)
        has_due_col = has_due_col || p->cols[k] == COL_DUE;
    unit_col = next_unit_col(p, 0);
    for (size_t i = 0, col = p->row_first_col; i <= t.len; i++) {
        if (i == t.len || t.ptr[i] == '\x1f') {
            fg_strview cell = fg_parse__trim(fg_sv(t.ptr + start, i - start));

            bool in_unit_col = true; /* the cell may be read as units */
            col_kind kind = COL_NONE; /* its column's, in a row that lines up with the header */

            /*
             * A row whose cells line up with the header's columns: a cell is units only in
             * a unit column, and an empty 牵头单位 cell leaves that column empty, the cells
             * after it staying in theirs.
             */
            if (p->row_aligned && col < p->n_cols) {
                if (unit_col < col)
                    unit_col = next_unit_col(p, col);
                in_unit_col = unit_col == col;
                kind = p->cols[col];
                col++;
            }
            if (cell.len) {
                if (unit_col < p->n_cols && in_unit_col &&
                    (all_units(cell) || role_cell(p, cell, task.len > 0) ||
                     (fg_clause__same_as_above(cell) && task.len > 0))) {
                    const char *lab = role_lab != NULL              ? role_lab
                                      : p->cols[unit_col] == COL_LEAD ? "牵头单位："
                                      : p->cols[unit_col] == COL_CO   ? "配合单位："
                                                                      : "责任单位：";

                    if (label.len)
                        FG_TRY(fg_str_append(&label, "；", 3));
                    FG_TRY(fg_str_append(&label, lab, strlen(lab)));
                    FG_TRY(fg_str_append(&label, cell.ptr, cell.len));
                    unit_col = next_unit_col(p, unit_col + 1);
                    had_units = true;
                } else if (kind == COL_OTHER) {
                    /* 责任领导, 备注: persons and remarks are no part of the task. */
                } else if (!had_units || kind == COL_TASK) {
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

        if (p->row_repeat)
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

/* The next row number of the active table, alone on the line. */
static bool is_row_number(const parser *p, fg_strview s)
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

static size_t paragraph_end(fg_strview s, size_t i);

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
            e = paragraph_end(*rest, 0);
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
        if (is_row_number(p, cell))
            return units && known;
        k = header_cell(p->units.lex, cell);
        if (k == COL_NONE && !other_header_word(cell))
            return false;
        known = known || k != COL_NONE;
        units = units || k == COL_LEAD || k == COL_CO || k == COL_RESP;
    }
    return false;
}

/* Handle one line while a table is active; returns true when the line was consumed. */
static int table_line(parser *p, fg_strview s, size_t line, bool *consumed)
{
    int rc = FG_OK;

    *consumed = false;
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
                FG_TRY(add_col(p, k));
                memmove(p->cols + p->sub_col + 1, p->cols + p->sub_col,
                        (p->n_cols - 1 - p->sub_col) * sizeof *p->cols);
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
        if (k != COL_NONE) {
            FG_TRY(add_col(p, k));
            *consumed = true;
            return FG_OK;
        }
        if (other_header_cell(p, s)) {
            /* 序号 | 项目名称 | 责任领导 | 牵头单位: a column we do not know, the task's
             * when it comes first after 序号, as in task_header(); else no role's. */
            FG_TRY(add_col(p, p->n_cols == 1 && p->cols[0] == COL_NUM ? COL_TASK : COL_NONE));
            *consumed = true;
            return FG_OK;
        }
        p->header_pending = false;
    }
    if (!p->row_open) {
        mark m;

        /* A heading between rows ends the table (rows of a tab-separated table close at once);
         * the rows of a delimited one may go on under it (delimited_row()). */
        if (fg_parse__marker_at(s, 0, true, &m) && !minor_style(m.st) && m.st != ST_ROW) {
            p->in_table = false;
            p->table_paused = !p->row_lines && p->n_cols > 2;
            return FG_OK;
        }
    }
    if (is_row_number(p, s)) {
        size_t n;
        mark m;

        p->next_row = fg_parse__arabic_number(s, 0, &n, 4);
        m = (mark){ST_ROW, p->next_row, 0, 0};

        FG_TRY(open_item(p, &m, s, line));
        p->row_open = true;
        p->row_lines = true;
        p->row_first_col = 1;
        p->next_row++;
        *consumed = true;
        return FG_OK;
    }
    if (p->row_open) {
        mark m;

        if (fg_parse__marker_at(s, 0, true, &m) && !minor_style(m.st)) {
            /* A heading ends the table. */
            FG_TRY(close_item(p));
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
    mark m = {ST_ROW, major, 0, 0};
    size_t k = p->depth;
    int rc = FG_OK;

    while (k > 0 && p->stack[k - 1].st == ST_ROW)
        k--;
    if (minor > 0 && k > 0 && p->stack[k - 1].num == major) {
        m.num = minor;
        minor = 0;
    }
    FG_TRY(open_item(p, &m, marker, line));
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
 */
static bool sub_header(parser *p, const fg_strview *cells, size_t n_cells)
{
    size_t first = SIZE_MAX;
    size_t words = 0;

    for (size_t k = 0; k < n_cells; k++) {
        if (cells[k].len == 0)
            continue;
        if (header_cell(p->units.lex, cells[k]) == COL_NONE)
            return false;
        if (first == SIZE_MAX)
            first = k;
        words++;
    }
    if (words < 2)
        return false;
    if (n_cells == p->n_cols && first > 0) {
        for (size_t k = first; k < n_cells; k++)
            if (cells[k].len)
                p->cols[k] = header_cell(p->units.lex, cells[k]);
        return true;
    }
    if (first != 0)
        return false;
    for (size_t g = 0; g + words <= p->n_cols; g++) {
        bool fits = p->cols[g] == COL_RESP || p->cols[g] == COL_LEAD || p->cols[g] == COL_CO;

        for (size_t k = 1; k < words && fits; k++)
            fits = p->cols[g + k] == COL_NONE;
        if (!fits)
            continue;
        for (size_t k = 0, c = g; k < n_cells; k++)
            if (cells[k].len)
                p->cols[c++] = header_cell(p->units.lex, cells[k]);
        return true;
    }
    return false;
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
 * Start a table at a header row of n cells: its columns from the header's words; its rows
 * numbered from 1 by position when the header has no 序号 (unnumbered), else by their 序号.
 */
static int start_table(parser *p, const fg_strview *cells, size_t n, bool unnumbered)
{
    int rc = FG_OK;

    FG_TRY(close_item(p));
    p->in_table = true;
    p->table_paused = false;
    p->header_pending = false;
    p->sub_col = 0;
    p->rows_unnumbered = unnumbered;
    p->num_col = 0;
    fg_str_clear(&p->row_label);
    p->n_cols = 0;
    for (size_t k = 0; k < n; k++)
        FG_TRY(add_col(p, header_cell(p->units.lex, cells[k])));
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
 * the rest of cells the column's width wrapped (wrap_row()). Not for a line with tags (no
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
 * A line s (raw_line as written) under a deferred table row that holds only the rest of
 * cells the column's width wrapped (推进重大项目建设，完成 | … | 市财政局、市自然资源, then
 * 投资200亿元。 | | 和规划局 with the 序号 column empty): each piece is joined to the cell
 * above it with no separator, as a page break's parts are, and *consumed is set. A tab
 * line's pieces go by their cell's index, a blank line's by their column: each must start
 * where a cell of the row starts (within one column, counted in display width or, as PDF
 * text lays out, in characters). Anything else, a marker at the line's start too, is no
 * wrapped line.
 */
static int wrap_row(parser *p, fg_strview s, bool *consumed)
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
 * up to the last that names units.
 */
static bool table_goes_on(const parser *p, const fg_strview *cells, size_t n_cells)
{
    size_t n;
    size_t last_units = 0;
    long v;

    if (p->rows_unnumbered || p->num_col >= n_cells)
        return false;
    v = fg_parse__arabic_number(cells[p->num_col], 0, &n, 4);
    if (n != cells[p->num_col].len || !(v == p->next_row || v == 1))
        return false;
    for (size_t c = 0; c < p->n_cols; c++)
        if (p->cols[c] == COL_LEAD || p->cols[c] == COL_CO || p->cols[c] == COL_RESP)
            last_units = c + 1;
    return last_units > 0 && n_cells >= last_units;
}

/*
 * A table row on one line, cells separated by tabs (Word export) or | (Markdown):
 * "序号\t重点任务\t牵头单位\t配合单位" starts a table, "3\t…\t…" is row 3.
 * Returns true when the line was consumed.
 */
static int delimited_row(parser *p, fg_strview s, size_t line, bool *consumed)
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
        /* Blank-separated cells (a PDF table): runs of blanks split cells. */
        for (size_t i = 0; i < s.len;) {
            size_t b;

            while (i < s.len && fg_parse__is_space_at(s, i, &b))
                i += b;
            start = i;
            while (i < s.len && !fg_parse__is_space_at(s, i, &b))
                i += fg_cp_len((unsigned char)s.ptr[i]);
            if (i > start) {
                FG_TRY(
                    fg_parse__grow((void **)&p->cells, &p->cap_cells, n_cells, sizeof *p->cells));
                p->cells[n_cells++] = fg_sv(s.ptr + start, i - start);
            }
        }
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
    if (p->in_table && p->next_row == 0 && header_cell(p->units.lex, cells[0]) != COL_NUM &&
        sub_header(p, cells, n_cells)) {
        *consumed = true;
        return FG_OK;
    }
    if (n_cells < 3)
        return FG_OK;
    if (sep != ' ' && unnumbered_header(p, cells, n_cells)) {
        *consumed = true;
        return start_table(p, cells, n_cells, true);
    }
    num_col = num_column(p, cells, n_cells);
    if (num_col != SIZE_MAX && (num_col == 0 || sep != ' ')) {
        bool has_units = false;

        for (size_t k = 0; k < n_cells; k++) {
            col_kind ck = header_cell(p->units.lex, cells[k]);

            has_units = has_units || ck == COL_LEAD || ck == COL_RESP || ck == COL_CO;
        }
        if (!has_units && !(sep != ' ' && task_column(p, cells, n_cells)))
            return FG_OK;
        *consumed = true;
        FG_TRY(start_table(p, cells, n_cells, false));
        p->num_col = num_col;
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
        FG_TRY(close_item(p));
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
        p->next_row = major + 1;
        for (size_t k = first; k < n_cells; k++) {
            if (k > first)
                FG_TRY(fg_str_appendc(&p->cur_text, '\x1f'));
            FG_TRY(fg_str_append(&p->cur_text, cells[k].ptr, cells[k].len));
        }
        *consumed = true;
        /* Its cells may wrap onto the next lines (wrap_row()): it closes there. */
        if (sep != '|' && !p->rows_unnumbered && first < n_cells)
            FG_TRY(wrap_columns(p, sep == '\t', first));
        if (!p->row_deferred)
            FG_TRY(close_item(p));
    }
out:
    return rc;
}

/* At least two blank runs between non-blank text: cells of a table row laid out by a PDF. */
static bool blank_separated(fg_strview s)
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

/* Start a table when this line and the next ones are header cells including 序号. */
static bool table_header_start(fg_strview s)
{
    /* 序号 or 编号, perhaps spaced: a short line without 号 is none, and is not squeezed. */
    return (s.len > 40 || fg_sv_contains(s, "号")) && header_cell(NULL, s) == COL_NUM;
}

/* ---- document metadata ---- */

/* The index of the first '\n' in s at or after i, or s.len. */
static size_t next_newline(fg_strview s, size_t i)
{
    const char *nl = i < s.len ? memchr(s.ptr + i, '\n', s.len - i) : NULL;

    return nl != NULL ? (size_t)(nl - s.ptr) : s.len;
}

/*
 * The first index >= from of s where 〔, [ or ［ starts, or s.len. at[] caches the next
 * index of each (SIZE_MAX: not looked for yet), so that each is searched for at vector
 * speed and only once past each of its occurrences.
 */
static size_t next_bracket_open(fg_strview s, size_t from, size_t at[3])
{
    static const char *const opens[3] = {"〔", "[", "［"};
    size_t best = s.len;

    for (size_t k = 0; k < 3; k++) {
        if (at[k] == SIZE_MAX || at[k] < from) {
            size_t f = from < s.len ? fg_sv_find(fg_sv(s.ptr + from, s.len - from), opens[k])
                                    : SIZE_MAX;

            at[k] = f == SIZE_MAX ? s.len : from + f;
        }
        if (at[k] < best)
            best = at[k];
    }
    return best;
}

static int title_year(fg_strview s);
static void find_date(fg_doc *doc, fg_strview t, parser *p);

static void find_metadata(parser *p, fg_doc *doc)
{
    fg_strview t = fg_sv(p->text->data, p->text->len);
    size_t limit = t.len < 20000 ? t.len : 20000;
    fg_strview head;
    size_t opens[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};

    /* The head of the text ends at a character boundary, never inside a character. */
    while (limit < t.len && limit > 0 && ((unsigned char)t.ptr[limit] & 0xC0) == 0x80)
        limit--;
    head = fg_sv(t.ptr, limit);
    size_t k;

    doc->title = "";
    doc->doc_number = "";
    doc->issuer = "";
    doc->date = "";
    /* 文号: …〔2022〕1号 */
    for (size_t i = next_bracket_open(head, 0, opens); i < head.len;
         i = next_bracket_open(head, i + 1, opens)) {
        size_t open_n = AT(head, i, "[") ? 1 : 3;
        size_t n;
        long year = fg_parse__arabic_number(head, i + open_n, &n, 4);
        size_t j = i + open_n + n;

        if (year >= 1949 && year <= 2100 && n == 4 &&
            (AT(head, j, "〕") || AT(head, j, "]") || AT(head, j, "］"))) {
            size_t close_n = AT(head, j, "]") ? 1 : 3;
            size_t nn;
            size_t st = i;
            size_t line_start = i;

            if (fg_parse__arabic_number(head, j + close_n, &nn, 5) < 0 ||
                !AT(head, j + close_n + nn, "号"))
                continue;
            while (line_start > 0 && head.ptr[line_start - 1] != '\n')
                line_start--;
            /* The issuer code: CJK characters right before the bracket. */
            while (st > line_start) {
                size_t b = st - 1;

                while (b > line_start && ((unsigned char)head.ptr[b] & 0xC0) == 0x80)
                    b--;
                /* Ideographs (lead byte E4–E9) and a blank: stops at 》, ：, tabs. */
                if (((unsigned char)head.ptr[b] < 0xE4 || (unsigned char)head.ptr[b] > 0xE9) &&
                    head.ptr[b] != ' ')
                    break;
                if (i - b > 24)
                    break;
                st = b;
            }
            {
                fg_str num = FG_STR_INIT;
                fg_strview raw = fg_parse__trim(fg_sv(head.ptr + st, j + close_n + nn + 3 - st));

                for (size_t q = 0; q < raw.len; q++)
                    if (raw.ptr[q] != ' ' && fg_str_appendc(&num, raw.ptr[q]) < 0)
                        break;
                doc->doc_number = fg_parse__arena_dup(p, fg_sv(num.ptr ? num.ptr : "", num.len));
                fg_str_dispose(&num);
                if (doc->doc_number == NULL)
                    doc->doc_number = "";
            }
            doc->year = (int)year;
            break;
        }
    }
    /* Title: the first line(s) with 关于 that end like a document name. */
    for (size_t i = 0; i < head.len;) {
        size_t e = next_newline(head, i);

        {
            fg_strview line = fg_parse__trim(fg_sv(head.ptr + i, e - i));

            k = fg_sv_find(line, "关于");
            if (k != SIZE_MAX && line.len < 300 && !fg_sv_contains(line, "\t") &&
                !fg_sv_contains(line, "。")) {
                static const char *const ends[] = {"通知", "意见", "方案", "决定", "办法",
                                                   "规划", "纲要", "建议", "函", "批复",
                                                   "报告", "规定", "细则", "措施", NULL};
                fg_str title = FG_STR_INIT;
                size_t e2 = e;
                bool done = false;

                (void)fg_str_append(&title, line.ptr, line.len);
                /* A title broken over lines: join while the next line does not end it. */
                for (int more = 0; more < 4 && e2 <= head.len; more++) {
                    size_t s2 = e2 + 1;
                    size_t e3;

                    for (size_t q = 0; ends[q]; q++)
                        done = done || fg_sv_ends(fg_sv(title.ptr, title.len), ends[q]);
                    if (done || more == 3 || e2 == head.len)
                        break;
                    e3 = next_newline(head, s2);
                    {
                        fg_strview nl = fg_parse__trim(fg_sv(head.ptr + s2, e3 - s2));

                        if (nl.len == 0 && more == 0) {
                            e2 = e3;
                            continue;
                        }
                        if (nl.len == 0 || nl.len > 200 || fg_sv_contains(nl, "。"))
                            break;
                        (void)fg_str_append(&title, nl.ptr, nl.len);
                    }
                    e2 = e3;
                }
                /*
                 * A sentence with 关于 (…党中央、国务院关于优化营商环境的决策部署，现将…如下：)
                 * that no document name ends is not the title: look on.
                 */
                if (!done) {
                    fg_str_dispose(&title);
                    i = e + 1;
                    continue;
                }
                doc->title = fg_parse__arena_dup(p, fg_sv(title.ptr ? title.ptr : "", title.len));
                if (doc->title == NULL)
                    doc->title = "";
                if (k > 0 && k < 90)
                    doc->issuer = fg_parse__arena_dup(p, fg_sv(line.ptr, k));
                if (doc->issuer == NULL)
                    doc->issuer = "";
                fg_str_dispose(&title);
                break;
            }
        }
        i = e + 1;
    }
    /* No 关于 title: the first plain line, joined with the next when that one ends it. */
    if (doc->title[0] == '\0') {
        static const char *const ends[] = {
            "通知", "意见", "方案", "决定", "办法", "规划", "纲要", "建议", "规定", "细则",
            "措施", "要点", "清单", "计划", "安排", "台账", "分工", "分工表", "任务表", "分解表",
            "责任表", "一览表", NULL};
        fg_strview first = fg_sv(NULL, 0);

        for (size_t i = 0; i < head.len;) {
            size_t e = next_newline(head, i);
            fg_strview line;

            line = fg_parse__trim(fg_sv(head.ptr + i, e - i));
            i = e + 1;
            if (line.len == 0)
                continue;
            mark hm;

            if (line.len > 240 || fg_sv_contains(line, "\t") || fg_sv_contains(line, "。") ||
                fg_sv_contains(line, "<") || fg_parse__marker_at(line, 0, true, &hm) ||
                annex_header(line, NULL) > 0) {
                if (first.len)
                    break;
                continue;
            }
            if (first.len == 0) {
                first = line;
                for (size_t q = 0; ends[q]; q++)
                    if (fg_sv_ends(line, ends[q]))
                        goto found;
                continue;
            }
            for (size_t q = 0; ends[q]; q++) {
                if (fg_sv_ends(line, ends[q])) {
                    first = fg_sv(first.ptr, (size_t)(line.ptr + line.len - first.ptr));
                    goto found;
                }
            }
            break;
        }
        first.len = 0; /* no line that ends like a document name */
found:
        if (first.len) {
            fg_str title = FG_STR_INIT;

            /* Drop the line breaks (and blank lines) inside the joined title. */
            for (size_t q = 0; q < first.len; q++)
                if (first.ptr[q] != '\n' && first.ptr[q] != '\r' &&
                    fg_str_appendc(&title, first.ptr[q]) < 0)
                    break;
            doc->title = fg_parse__arena_dup(p, fg_sv(title.ptr ? title.ptr : "", title.len));
            if (doc->title == NULL)
                doc->title = "";
            fg_str_dispose(&title);
        }
    }
    /* Year, when no 文号 gives it: the signature's, else the first year the title names
     * (2024年…分工表, 2023—2025年…方案). */
    find_date(doc, t, p);
    if (doc->year == 0)
        doc->year = title_year(fg_sv_cstr(doc->title));
}

/* The first year 1949…2100 written YYYY年 or YYYY—YYYY年 in s, or 0. */
static int title_year(fg_strview s)
{
    for (size_t i = 0; i + 4 <= s.len; i++) {
        size_t n;
        long y;

        if (i > 0 && s.ptr[i - 1] >= '0' && s.ptr[i - 1] <= '9')
            continue;
        y = fg_parse__arabic_number(s, i, &n, 4);
        if (n != 4 || y < 1949 || y > 2100)
            continue;
        if (AT(s, i + 4, "年") || AT(s, i + 4, "—") || AT(s, i + 4, "-") || AT(s, i + 4, "－") ||
            AT(s, i + 4, "～") || AT(s, i + 4, "~"))
            return (int)y;
    }
    return 0;
}

/* The date of issue: a line that is only YYYY年M月D日 (the signature). */
static void find_date(fg_doc *doc, fg_strview t, parser *p)
{
    for (size_t i = 0; i < t.len;) {
        size_t e = next_newline(t, i);

        long y;
        long mo;
        long d;

        if (date_line(fg_parse__trim(fg_sv(t.ptr + i, e - i)), &y, &mo, &d)) {
            char buf[16];

            snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)(y % 10000), (int)mo, (int)d);
            doc->date = fg_parse__arena_dup(p, fg_sv_cstr(buf));
            if (doc->date == NULL)
                doc->date = "";
            if (doc->year == 0)
                doc->year = (int)y;
            break;
        }
        i = e + 1;
    }
}

/*
 * The first 首位, 首个 or 前者 (the first-listed unit) of s at or after from, or SIZE_MAX: one
 * search for 首, which is rare, not one for each word, and one for 前者.
 */
static size_t find_top(fg_strview s, size_t from)
{
    size_t former = find_from(s, from, "前者");

    for (size_t k = find_from(s, from, "首"); k != SIZE_MAX && k < former;
         k = find_from(s, k + 3, "首"))
        if (AT(s, k + 3, "位") || AT(s, k + 3, "个"))
            return k;
    return former;
}

/*
 * The first 第一, 首位, 首个 or 前者 of t, or SIZE_MAX, in one pass for 第, 首 and 前: most
 * documents hold none, and then declares_first_is_lead() has nothing to look for.
 */
static size_t first_rare_word(fg_strview t)
{
    for (size_t i = fg_charscan_next(&sets.rare_firsts, t.ptr, t.len, 0, t.len); i < t.len;
         i = fg_charscan_next(&sets.rare_firsts, t.ptr, t.len, i + 3, t.len)) {
        if (AT(t, i, "第一") || AT(t, i, "首位") || AT(t, i, "首个") || AT(t, i, "前者"))
            return i;
    }
    return SIZE_MAX;
}

/*
 * Whether t[pos] (a 第一 or 首位) is worded as a declaration of who leads: 首位, 第一位,
 * or 第一 after 列 排 在 名 居 — with a 牵头 within 15 characters before it or 20 after it.
 */
static bool declaration_like(fg_strview t, size_t pos)
{
    size_t lo = pos > 45 ? pos - 45 : 0;
    size_t hi = pos + 66 < t.len ? pos + 66 : t.len;

    if (AT(t, pos, "第一") && !AT(t, pos + 6, "位") &&
        !(pos >= 3 && (AT(t, pos - 3, "列") || AT(t, pos - 3, "排") || AT(t, pos - 3, "在") ||
                       AT(t, pos - 3, "名") || AT(t, pos - 3, "居"))))
        return false;
    while (lo < pos && ((unsigned char)t.ptr[lo] & 0xC0) == 0x80)
        lo++;
    return fg_sv_contains(fg_sv(t.ptr + lo, hi - lo), "牵头");
}

/* Record a 第一 or 首位 at pos that is worded as a declaration (after those recorded). */
static void record_miss(fg_strview t, size_t pos, size_t *miss, size_t *n_miss)
{
    if (*n_miss < MAX_DECL_MISSES && (*n_miss == 0 || miss[*n_miss - 1] < pos) &&
        declaration_like(t, pos))
        miss[(*n_miss)++] = pos;
}

/*
 * Whether the 牵头 at t[pos] and the 第一 or 首位 at t[ord] say, in that order, that the lead
 * is listed first: 牵头单位列首位, 牵头部门排在第一位, 牵头单位居第一: a unit word (单位 部门),
 * then at most two of 列 排 在 居 放 于 before the ordinal.
 */
static bool lead_listed_at(fg_strview t, size_t pos, size_t ord)
{
    static const char verbs[] = "列排在居放于";
    size_t i = pos + 6;

    if (!(AT(t, i, "单位") || AT(t, i, "部门")))
        return false;
    i += 6;
    for (int n = 0; n < 2 && i < ord; n++, i += 3) {
        bool verb = false;

        for (size_t v = 0; v + 3 <= sizeof verbs - 1 && !verb; v += 3)
            verb = fg_sv_at(t, i, verbs + v, 3);
        if (!verb)
            return false;
    }
    return i == ord && (AT(t, ord, "首位") || AT(t, ord, "第一"));
}

/*
 * The document says the first unit listed leads (列第一位者为牵头单位 …): a 牵头 with 第一 or
 * 首位 in the 45 bytes before it, or one just after it. Most documents hold no 第一, 首位 or
 * 首个 (first_rare_word()); in others only the text around each 牵头 (from 45 bytes before
 * it to 66 after it) is searched for them, from the 牵头 that could reach the first on:
 * dense documents hold a 牵头 every few lines and a 第一 far apart, and whole-text searches
 * for the next 第一 and 首位 past each 牵头 cost 1-2% of extraction.
 */
static bool declares_first_is_lead(fg_strview t, size_t *miss, size_t *n_miss)
{
    size_t first = first_rare_word(t);

    *n_miss = 0;
    if (first == SIZE_MAX)
        return false;
    /* A 牵头 at pos <= first - 71 reaches no byte of the word at first (near, below). */
    for (size_t i = first > 70 ? first - 70 : 0; i < t.len;) {
        size_t k = fg_sv_find(fg_sv(t.ptr + i, t.len - i), "牵头");
        size_t pos;
        size_t lo;
        fg_strview near;
        size_t next_first; /* the first 第一 at or after lo if before pos + 66, or SIZE_MAX */
        size_t next_top;   /* the same for 首位 or 首个 */

        if (k == SIZE_MAX)
            return false;
        pos = i + k;
        lo = pos > 45 ? pos - 45 : 0;
        while (lo < pos && ((unsigned char)t.ptr[lo] & 0xC0) == 0x80)
            lo++;
        /* Each word of 6 bytes that starts before pos + 66 ends in near. */
        near = fg_sv(t.ptr + lo, (pos + 71 < t.len ? pos + 71 : t.len) - lo);
        next_first = fg_sv_find(near, "第一");
        next_top = find_top(near, 0);
        if (next_first != SIZE_MAX)
            next_first += lo;
        if (next_top != SIZE_MAX)
            next_top += lo;
        /* One just after this 牵头: 牵头单位列首位 declares; other phrases are noted. */
        if (next_first != SIZE_MAX && next_first >= pos + 6 && next_first < pos + 66) {
            if (lead_listed_at(t, pos, next_first))
                return true;
            record_miss(t, next_first, miss, n_miss);
        }
        if (next_top != SIZE_MAX && next_top >= pos + 6 && next_top < pos + 66) {
            if (lead_listed_at(t, pos, next_top))
                return true;
            record_miss(t, next_top, miss, n_miss);
        }
        /* Neither lies whole in t[lo .. pos): the window below would find neither. */
        if (!(next_first != SIZE_MAX && next_first + 6 <= pos) &&
            !(next_top != SIZE_MAX && next_top + 6 <= pos)) {
            i = pos + 6;
            continue;
        }
        {
            fg_strview w = fg_sv(t.ptr + lo, pos - lo);
            size_t f = fg_sv_find(w, "第一");

            if (f == SIZE_MAX)
                f = find_top(w, 0);
            if (f != SIZE_MAX) {
                fg_strview between = fg_sv(w.ptr + f, w.len - f);

                if (fg_clause__declaration_link(between))
                    return true;
                record_miss(t, lo + f, miss, n_miss);
            }
        }
        i = pos + 6;
    }
    return false;
}

/*
 * Notes for the declarations of who leads that declares_first_is_lead() did not take (it
 * took none: the caller asks only then), at the positions it recorded (in order), each
 * with its sentence; the lines are counted on from one note to the next: O(len).
 */
static int note_declarations(parser *p, fg_strview t, const size_t *miss, size_t n_miss)
{
    size_t counted = 0;   /* t[0..counted) has been counted: line lines start in it */
    size_t line = 1;
    size_t done = 0;      /* a note's sentence ends here: nothing before it is noted again */
    int rc = FG_OK;

    for (size_t m = 0; m < n_miss; m++) {
        size_t pos = miss[m];
        size_t from;
        size_t to;

        if (pos < done)
            continue;
        /* The sentence: back to a line start or 。, on to a line end or 。 (bounded). */
        from = pos;
        while (from > 0 && pos - from < 180 && t.ptr[from - 1] != '\n' &&
               !(from >= 3 && AT(t, from - 3, "。")))
            from--;
        to = pos;
        while (to < t.len && to - pos < 360 && t.ptr[to] != '\n' && !AT(t, to, "。"))
            to++;
        if (from < done)
            from = done;
        while (from < pos && ((unsigned char)t.ptr[from] & 0xC0) == 0x80)
            from++;
        while (to > pos && to < t.len && ((unsigned char)t.ptr[to] & 0xC0) == 0x80)
            to--;
        for (const char *nl = memchr(t.ptr + counted, '\n', from - counted); nl != NULL;
             nl = memchr(nl + 1, '\n', (size_t)(t.ptr + from - nl - 1)))
            line++;
        counted = from;
        done = to;
        FG_TRY(add_note(p, FG_NOTE_DECLARATION, fg_sv(t.ptr + from, to - from), line));
    }
out:
    return rc;
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

static int build_doc(parser *p, fg_doc *doc)
{
    fg_arena *a = p->arena;
    const char *names = names_take(a, &p->units);
    const char *team_names = names_take(a, &p->team_units);

    if (names == NULL || team_names == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");

    doc->n_items = p->n_items;
    doc->items = p->n_items ? fg_arena_alloc(a, p->n_items * sizeof *doc->items) : NULL;
    if (p->n_items && doc->items == NULL)
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
        it->clauses = pi->n_clauses ? fg_arena_alloc(a, pi->n_clauses * sizeof *it->clauses)
                                    : NULL;
        if (pi->n_clauses && it->clauses == NULL)
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
    doc->notes = p->n_notes ? fg_arena_alloc(a, p->n_notes * sizeof *doc->notes) : NULL;
    if (p->n_notes && doc->notes == NULL)
        return fg_error_set(FG_ENOMEM, "out of memory");
    for (size_t i = 0; i < p->n_notes; i++) {
        doc->notes[i].kind = p->notes[i].kind;
        doc->notes[i].line = p->notes[i].line;
        doc->notes[i].text = p->notes[i].text;
    }
    doc->n_teams = p->n_teams;
    doc->teams = p->n_teams ? fg_arena_alloc(a, p->n_teams * sizeof *doc->teams) : NULL;
    if (p->n_teams && doc->teams == NULL)
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

/*
 * A line that opens with a role label ended by a blank instead of a colon (`牵头单位　X`,
 * `配合单位  Y、Z`, as a two-column table flattens): the length of the label word, the
 * blanks' end in *rest; else 0. The word is a role label of the grammar (not a field, not a
 * label we do not know), and what follows is a unit's name that is no label itself (a
 * header row `牵头单位　配合单位` is none).
 */
static size_t blank_label_word(const fg_lexicon *lx, fg_strview s, size_t *rest)
{
    size_t w = 0;
    size_t j;
    size_t e;
    fg_label_role r;

    if (s.len < 12 || !fg_cjkset_has(&sets.role_firsts, s.ptr))
        return 0;
    while (w < s.len && w <= 30 && (unsigned char)s.ptr[w] >= 0xE4 &&
           (unsigned char)s.ptr[w] <= 0xE9)
        w += 3;
    if (w < 6 || w > 30 || w >= s.len)
        return 0;
    j = fg_parse__skip_blanks(s, w);
    if (j == w || j >= s.len || (unsigned char)s.ptr[j] < 0xE4 || (unsigned char)s.ptr[j] > 0xE9)
        return 0;
    r = fg_clause__label_word(lx, fg_sv(s.ptr, w));
    if (r != FG_LABEL_LEAD && r != FG_LABEL_CO && r != FG_LABEL_RESP)
        return 0;
    /* The first name after the blanks: up to a separator or a blank. */
    for (e = j; e < s.len && s.ptr[e] != ' ' && s.ptr[e] != '\t' && !AT(s, e, "\u3000") &&
                !AT(s, e, "、") && !AT(s, e, "，") && !AT(s, e, "；") && !AT(s, e, "。");
         e += fg_cp_len((unsigned char)s.ptr[e]))
        ;
    r = fg_clause__label_word(lx, fg_sv(s.ptr + j, e - j));
    if ((r != FG_LABEL_NONE && r != FG_LABEL_OTHER) ||
        !fg_clause__looks_like_unit(fg_sv(s.ptr + j, e - j)))
        return 0;
    *rest = j;
    return w;
}

/*
 * Whether the line s is a team's role label alone, its list below it (成员单位：, then
 * （1）县自然资源局 / （2）县应急管理局 …): team_list_line() then reads those lines as the list's.
 * Only a line that ends in a colon is looked at.
 */
static bool team_label_alone(fg_strview s)
{
    size_t after;
    const team_word *w;

    /* ： EF BC 9A: a test of the last byte first */
    if (s.len < 6 || !(s.ptr[s.len - 1] == ':' ||
                       ((unsigned char)s.ptr[s.len - 1] == 0x9A && AT(s, s.len - 3, "："))))
        return false;
    w = team_label(s, true, &after);
    return w != NULL && w->role != TEAM_SKIP && after == s.len;
}

/*
 * Under a team's label alone (team_label_alone()), a numbered line that holds a unit's name
 * only, its number dropped: the list's, not an item (rule 2's list lines). *unit receives
 * the name; s's numbering style may be any of fg_parse__marker_at()'s.
 */
static bool team_list_line(fg_strview s, fg_strview *unit)
{
    mark m;
    fg_strview u;

    if (!fg_parse__marker_at(s, 0, true, &m) || m.len >= s.len)
        return false;
    u = fg_parse__trim(fg_sv(s.ptr + m.len, s.len - m.len));
    if (fg_sv_ends(u, "；") || fg_sv_ends(u, "。"))
        u.len -= 3;
    else if (fg_sv_ends(u, ";"))
        u.len -= 1;
    if (u.len == 0 || u.len > 120 || fg_sv_contains(u, "：") ||
        !fg_clause__looks_like_unit(u))
        return false;
    *unit = u;
    return true;
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
 * Handle one line of the document (or one paragraph of a flat line, see paragraph_end()):
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
    size_t rest;
    size_t w;

    if (s.len == 0)
        return FG_OK;
    if (p->row_deferred) {
        /* The row before may go on here (its cells wrapped); else it closes. */
        p->row_deferred = false;
        FG_TRY(wrap_row(p, s, &consumed));
        if (consumed)
            return FG_OK;
        FG_TRY(close_item(p));
    }
    if (!p->in_table && (AT(s, 0, "序号") || AT(s, 0, "编号")) &&
        (rest = fg_parse__skip_blanks(s, 6)) > 6 && fg_parse__arabic_number(s, rest, &w, 4) >= 0 &&
        w == s.len - rest) {
        /* A card table's 序号<TAB>1 row (序号　　1 in a PDF) numbers its record as 序号：1. */
        FG_TRY(as_label_line(p, &s, 6, rest));
    } else if (!p->in_table && (w = blank_label_word(p->units.lex, s, &rest)) > 0 &&
               (!has_tab || memchr(s.ptr + rest, '\t', s.len - rest) == NULL)) {
        /* 牵头单位　X: read as 牵头单位：X; also a card table's row 牵头单位<TAB>X (a label cell
         * and its value cell, the table's only two columns). */
        FG_TRY(as_label_line(p, &s, w, rest));
    }
    if (toc_line(s) || fg_sv_eq(s, fg_sv_cstr("目录")) || fg_sv_eq(s, fg_sv_cstr("目 录")))
        return FG_OK;
    /* A bare number may be a table row; elsewhere it is a page number. */
    if ((page_number_line(s) && !(p->in_table && is_row_number(p, s))) || gazette_line(s))
        return FG_OK;
    if (fg_sv_starts(s, "- "))
        s = fg_parse__trim(fg_sv(s.ptr + 2, s.len - 2));
    if (annex_list_line(p, s))
        return FG_OK;
    an = annex_header(s, &table);
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
        FG_TRY(close_item(p));
        /* 附件2 after a first line 附件1: the file holds several annexes, the first one A1. */
        if (p->lone_annex && p->annex_no == 0)
            FG_TRY(main_part_is_annex(p));
        FG_TRY(flush_pre_teams(p));
        start_part(p, an);
        p->table_part = table;
        return FG_OK;
    }
    an = annex_title_line(p, s);
    if (an > 0 && an > p->annex_no) {
        FG_TRY(close_item(p));
        FG_TRY(flush_pre_teams(p));
        start_part(p, an);
        return FG_OK;
    }
    if ((has_tab && memchr(s.ptr, '\t', s.len) != NULL) || s.ptr[0] == '|' ||
        ((fg_sv_starts(s, "序号") || p->in_table || p->table_paused) && blank_separated(s))) {
        FG_TRY(delimited_row(p, s, line_no, &consumed));
        if (consumed)
            return FG_OK;
    }
    if (p->table_paused) {
        mark m;

        /* Only headings stand between the rows of a table that goes on (二、 then （一）). */
        p->table_paused =
            fg_parse__marker_at(s, 0, true, &m) && !minor_style(m.st) && m.st != ST_ROW;
    }
    /* A header starts a table, also a new one right after another (序号 again). */
    if (table_header_start(s) && !(p->in_table && p->header_pending)) {
        /* Its one cell so far: the header's other cells follow, one a line (header_pending). */
        FG_TRY(start_table(p, &s, 1, false));
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
        FG_TRY(table_line(p, s, line_no, &consumed));
        if (consumed)
            return FG_OK;
    }
    if (p->team_lines) {
        fg_strview u;

        if (team_list_line(s, &u))
            return append_text(p, u, line_no);
        p->team_lines = false;
    }
    p->team_lines = !p->no_teams && team_label_alone(s);
    FG_TRY(feed_content(p, s, line_no, true));
    if (title_row && !p->in_table) {
        p->in_table = true;
        p->next_row = 0; /* the rows under it may count on or from 1 */
    }
out:
    return rc;
}

/*
 * The end of the paragraph of s that starts at i: in flat text (see FLAT_LINE), paragraphs
 * written on one line are separated by a run of two or more U+3000 (the indent of the
 * next one); the index of that run, or s.len. Each call searches only up to the run it
 * finds.
 */
static size_t paragraph_end(fg_strview s, size_t i)
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

    for (size_t k = find_from(line, from, "是"); k != SIZE_MAX; k = find_from(line, k + 3, "是"))
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
    FG_TRY(open_item(p, &m, fg_sv("", 0), line));
    FG_TRY(process_line(p, text, line, false));
    FG_TRY(close_item(p));
    /* A line that gave no clause (各单位：, a label alone) is no item. */
    for (size_t i = n0; i < p->n_items; i++)
        any = any || p->items[i].n_clauses > 0;
    if (!any) {
        /* Nor does it count as the top numbering's first item: the next one, numbered 1
         * again, would restart it as a new part (open_item()). */
        p->n_items = n0;
        p->has_root = has_root;
        p->root_max = root_max;
        --*k_item;
    }
out:
    return rc;
}

/* Whether s holds a role word of a team (组长, 召集人, 成员, 指挥长 …: team_word_at()). */
static bool names_team_role(fg_strview s)
{
    for (size_t i = 0; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i])) {
        size_t end;
        bool spaced;

        if (fg_cjkset_has(&sets.team_word_firsts, s.ptr + i) &&
            team_word_at(s, i, &end, &spaced) != NULL)
            return true;
    }
    return false;
}

/*
 * One paragraph (or a piece of one, see unnumbered_paragraphs()) as items: none when it is
 * a line of a team's roster (召集人：…, 成员单位：…: the team reader's), or a label the team
 * reader does not know right under one (*in_roster: the piece before was the roster's;
 * 牵头单位：X under 副链长：… gives no row, team_other_label.txt), or it holds no role word.
 */
static int paragraph_items(parser *p, fg_strview line, size_t line_no, long *k_item,
                           bool *in_roster)
{
    size_t after;
    size_t a = 0;
    int rc = FG_OK;

    if (line.len == 0)
        return FG_OK;
    *in_roster = team_label(line, true, &after) != NULL || (*in_roster && other_label(line));
    /*
     * A document with a team: a paragraph that names a team's role (…任组长，…为成员的X专班,
     * wrapped so that a line opens with 副组长，…) is the team's, no task's.
     */
    if (p->team_units.n > 0 && names_team_role(line))
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
 * the text before it (run_in_label(), the line breaks lost: …的通知组　长：…副组长：…), each
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
                if (i > a && run_in_label(line, i)) {
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
    FG_TRY(presize(&p, t.len));
    /* Flat documents (few line breaks) get inline markers. */
    doc_flat = is_flat(t);
    p.first_is_lead = declares_first_is_lead(t, decl_miss, &n_decl_miss);
    if (!p.first_is_lead && n_decl_miss > 0)
        FG_TRY(note_declarations(&p, t, decl_miss, n_decl_miss));
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
        line_no++;
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
            size_t b = paragraph_end(s, a);
            size_t c = b;

            while (c < s.len && AT(s, c, "\u3000"))
                c += 3;
            p.next_cell = fg_parse__trim(fg_sv(s.ptr + c, paragraph_end(s, c) - c));
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
    FG_TRY(close_item(&p));
    FG_TRY(flush_pre_teams(&p));
    FG_TRY(unnumbered_paragraphs(&p));
    FG_TRY(unit_heading_clauses(&p));
    FG_TRY(forward_clauses(&p));
    FG_TRY(shared_clauses(&p));
    FG_TRY(same_as_above(&p));
    FG_TRY(order_team_rows(&p));

    find_metadata(&p, doc);
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
    parser_dispose(&p);
    fg_arena_free(p.arena);
    return rc;
}

/*
 * Clauses: where an item's responsibility clauses are in its text, and notes of what was not
 * understood. fg_parse__find_clauses() blanks the parentheticals after reading them, then reads the
 * labelled blocks (牵头单位：X) and the role sentences (X牵头，Y配合) of the rest, found by one
 * pass over the text's sentence ends and the characters that may start a label or a role
 * word; each clause goes to clause.c (fg_clause__parse()) and is recorded in text order
 * (add_clause()). A parenthetical or labelled block with a role word and no clause, a label
 * the lexicon lacks, a first-listed-lead phrase not taken as a declaration and a unit name
 * that reads like a sentence are noted (fg_parse__add_note(), fg_doc.notes). Linear in the text.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
#include <emmintrin.h>
#endif

#include "chars.h"
#include "clause.h"
#include "error.h"
#include "parse_int.h"
#include "str.h"

size_t fg_parse__lines_upto(const parser *p, size_t off)
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

/* The input line of byte off of the item text: that of the last line starting at or before it. */
static size_t line_of(const parser *p, size_t off)
{
    size_t lo = fg_parse__lines_upto(p, off);

    if (p->n_lm == 0)
        return 0;
    return p->lm[lo ? lo - 1 : 0].line;
}

int fg_parse__add_clause(parser *p, fg_strview text, size_t off, size_t line, size_t unit_first)
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

/* A note's text holds at most this many code points; a longer one is cut and ends in …. */
#define NOTE_CPS 120

int fg_parse__add_note(parser *p, fg_note_kind kind, fg_strview text, size_t line)
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
        fg_clause__format_declaration(b) != 0 ||
        fg_parse__declares_first_is_lead(b, miss, &n_miss) || fg_clause__is_declaration(b) ||
        fg_sv_starts(b, "以下简称") || fg_sv_starts(b, "简称") || fg_sv_starts(b, "下称"))
        return FG_OK;
    if (unknown_label_at(p->units.lex, b, 0, b.len))
        return fg_parse__add_note(p, FG_NOTE_UNKNOWN_LABEL, b, line_of(p, off));
    if (holds_role_word(b))
        return fg_parse__add_note(p, FG_NOTE_ROLE_WORDS, b, line_of(p, off));
    return FG_OK;
}

int fg_parse__note_clause(parser *p, unsigned notes, fg_strview text, size_t first, size_t line)
{
    int rc = FG_OK;

    if (notes & FG_CLAUSE_NOTE_UNKNOWN_LABEL)
        FG_TRY(fg_parse__add_note(p, FG_NOTE_UNKNOWN_LABEL, text, line));
    for (size_t k = first; (notes & FG_CLAUSE_NOTE_LONG_NAME) && k < p->units.n; k++) {
        fg_strview name = fg_sv(p->units.names.ptr + p->units.v[k].off, p->units.v[k].len);

        if (fg_clause__sentence_like(name))
            FG_TRY(fg_parse__add_note(p, FG_NOTE_LONG_NAME, name, line));
    }
out:
    return rc;
}

int fg_parse__try_clause_as(parser *p, fg_strview parse, fg_strview written, size_t off,
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
        rc = fg_parse__note_clause(p, notes, written, first, line_of(p, off));
        if (rc < 0)
            return rc;
    }
    return fg_parse__add_clause(p, written, off, line_of(p, off), first);
}

int fg_parse__try_clause(parser *p, fg_strview text, size_t off, unsigned flags, bool *found)
{
    return fg_parse__try_clause_as(p, text, text, off, flags, found);
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
    /* A duty line holds a colon: most items hold none (fg_parse__find_clauses()'s may_label). */
    size_t at = p->may_label ? duty_role_at(s, &name) : SIZE_MAX;
    size_t colon;
    fg_str copy = FG_STR_INIT;
    int rc;

    if (at == SIZE_MAX)
        return fg_parse__try_clause(p, s, off, flags, found);
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
        rc = fg_parse__try_clause_as(p, fg_sv(copy.ptr, copy.len), s, off, flags, found);
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
 * text's start or after a blank (a bracket blanked by fg_parse__find_clauses()) or ，。；;：.
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
    /* …负责。注：①指…，由X会同Y起草。 at the document's end: a note, no part of its last item. */
    if (p->last_close && fg_parse__note_opens(said))
        return FG_OK;
    /* 风险监测组由X牵头，Y参加: a work team's group, the team reader's (rule 1). */
    if (p->team_item && fg_parse__group_subject(said))
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
        FG_TRY(fg_parse__try_clause(p, written, start, 0, found));
        goto noted;
    }
    for (size_t k = 0; k < n_seams; k++) {
        FG_TRY(fg_str_append(&copy, o.ptr + from, seams[k] - from));
        FG_TRY(fg_str_append(&copy, "；", 3));
        from = seams[k];
    }
    FG_TRY(fg_str_append(&copy, o.ptr + from, end - from));
    FG_TRY(fg_parse__try_clause_as(p, fg_sv(copy.ptr, copy.len), written, start, 0, found));
noted:
    /*
     * A labelled block that gave no clause is a statement we did not understand, unless it
     * is a heading with a colon (新型研发机构：支持建设…) rather than a label of units.
     */
    if (!*found && (fg_clause__label_at(p->units.lex, written, 0, &n_label) != FG_LABEL_UNKNOWN ||
                    unknown_label_at(p->units.lex, written, 0, written.len)))
        rc = fg_parse__add_note(p, FG_NOTE_ROLE_WORDS, written, line_of(p, start));
out:
    fg_str_dispose(&copy);
    return rc;
}

/* The first characters of every label and role word. */
static const char role_firsts[] = "牵负配参会单部责协主其支实归各按落履召抓统指组承共";
/*
 * The second characters of every label (主要 其他 牵头 责任 配合 参与 协办 主责 主办 协同
 * 协助 支持 实施) and role word (牵头 负责 负总责 配合 参与 会同 单位 部门 主管 协管 归口
 * 各负其责 按职责 按照职能 按各自职责 按分工 支持 落实属地责任 履行属地责任 负属地责任
 * 负主体责任 召集 主抓 抓总 统筹 指导 组织实施 承担 各司其职).
 */
static const char role_seconds[] = "要他头任合与办责同助持施总位门管口负职照各实行属主分集抓筹导织担司";
/*
 * The characters that end a sentence; a dash (——) too, before a role sentence (…——X牵头), and
 * a full-width ｜ between two fields.
 */
static const char sentence_ends[] = "。；！？—｜";

/* Character sets of this file, built once (fg_parse__clause_sets_init()). */
static struct {
    fg_cjkset role_firsts;
    fg_cjkset role_seconds;
    fg_charscan events; /* role_firsts and sentence_ends: what next_sentence_event() finds */
    fg_charscan note_firsts; /* the first characters of holds_role_word()'s words */
    fg_charscan label_marks; /* ：【〔: where a label may end or begin */
    fg_charscan closing_stops; /* （）。！？: where fg_parse__closing_tail() looks */
    fg_charscan sentence_stops; /* 。！？: sentence_end() */
} sets;

void fg_parse__clause_sets_init(void)
{
    char events[sizeof role_firsts + sizeof sentence_ends];

    fg_cjkset_add(&sets.role_firsts, role_firsts, sizeof role_firsts - 1);
    fg_cjkset_add(&sets.role_seconds, role_seconds, sizeof role_seconds - 1);
    memcpy(events, role_firsts, sizeof role_firsts - 1);
    memcpy(events + sizeof role_firsts - 1, sentence_ends, sizeof sentence_ends);
    fg_charscan_init(&sets.events, events, strlen(events));
    fg_charscan_init(&sets.label_marks, "：【〔", strlen("：【〔"));
    fg_charscan_init(&sets.note_firsts, note_firsts, sizeof note_firsts - 1);
    fg_charscan_init(&sets.closing_stops, "（）。！？", strlen("（）。！？"));
    fg_charscan_init(&sets.sentence_stops, "。！？", strlen("。！？"));
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

/*
 * A role label's word after 为 at s[i] (X为责任单位, X为责任处室): the ideographs up to the next
 * other character, at most 8, a lead, co or responsible label word of the role lexicon.
 */
static bool wei_label_at(fg_strview s, size_t i)
{
    size_t j = i;
    fg_label_role r;

    if (i < 3 || !AT(s, i - 3, "为"))
        return false;
    while (j + 3 <= s.len && j - i < 8 * 3 && (unsigned char)s.ptr[j] >= 0xE4 &&
           (unsigned char)s.ptr[j] <= 0xE9)
        j += 3;
    r = fg_clause__label_word(NULL, fg_sv(s.ptr + i, j - i));
    return r == FG_LABEL_LEAD || r == FG_LABEL_CO || r == FG_LABEL_RESP;
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
        return AT(s, i, "主办") || AT(s, i, "主责") || AT(s, i, "主管") || AT(s, i, "主抓");
    case 0xE68A93: /* 抓 */
        return AT(s, i, "抓总");
    case 0xE8B4A3: /* 责 */
        return AT(s, i, "责任") && wei_label_at(s, i);
    case 0xE7BB9F: /* 统 */
        return AT(s, i, "统筹");
    case 0xE68C87: /* 指 */
        return AT(s, i, "指导");
    case 0xE7BB84: /* 组 */
        return AT(s, i, "组织实施");
    case 0xE5BD92: /* 归 */
        return AT(s, i, "归口");
    case 0xE689BF: /* 承 */
        return AT(s, i, "承担") && !AT(s, i + 6, "单位");
    case 0xE58FAC: /* 召 */
        return AT(s, i, "召集") && !AT(s, i + 6, "人") && !AT(s, i + 6, "单位");
    case 0xE59084: /* 各 */
        return AT(s, i, "各负其责") || AT(s, i, "各司其职");
    case 0xE585B1: /* 共 */
        return AT(s, i, "共同推进");
    case 0xE68C89: /* 按 */
        return AT(s, i, "按职责") || AT(s, i, "按职能") || AT(s, i, "按照职责") ||
               AT(s, i, "按照职能") || AT(s, i, "按各自职责") || AT(s, i, "按照各自职责") ||
               AT(s, i, "按分工") || AT(s, i, "按照分工");
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
           AT(s, i, "抓") || AT(s, i, "统") || AT(s, i, "指") || AT(s, i, "组") ||
           AT(s, i, "按") || AT(s, i, "支") || AT(s, i, "落") || AT(s, i, "履") || AT(s, i, "召") ||
           AT(s, i, "承") || AT(s, i, "共") || AT(s, i, "各司") || AT(s, i, "责") ||
           AT(s, i, "负属") || AT(s, i, "负主");
}

/*
 * A role word starts at s[i] that makes its sentence worth a strict parse. 协同, 协助, 协办,
 * 主办, 主责, 会办 and 归口 are common in narrative (协同发展, 主办方, 归口管理), and so are
 * 按职责 and its kin (各地要按职责…), 支持, 召集, 承担, the 属地/主体 duties (落实属地责任) and
 * the lead words 主抓 抓总 统筹 (统筹推进, 抓总协调), 指导 (加强指导, 以…为指导) and 组织实施: they
 * count only after a name that ends like a unit (市财政局协同, 市直各部门按职能做好…, 县财政局支持,
 * 由市应急管理局召集, 省卫生健康委抓总), or after the name and a word of two characters that
 * qualifies the role (县统计局业务指导, 县教育局加强指导, 县司法局、县工商联共同组织实施), or
 * as a mark's word in its bracket after the name (省人社厅（主责）、省教育厅（协同）).
 */
static bool role_event_at(fg_strview s, size_t i)
{
    static const char *const qualifiers[] = {"业务", "技术", "加强", "共同", "分别", "联合"};
    bool qualified = false;

    if (!role_word_at(s, i))
        return false;
    if (!verb_like_role_word(s, i) || unit_or_wei_before(s, i))
        return true;
    /* X（主责）、Y（协同）: a mark's word in its bracket right after a unit's name. */
    if (i >= 3 && (AT(s, i - 3, "（") || s.ptr[i - 1] == '('))
        return unit_before(s, AT(s, i - 3, "（") ? i - 3 : i - 1);
    for (size_t k = 0; k < sizeof qualifiers / sizeof *qualifiers && i >= 6 && !qualified; k++)
        qualified = fg_sv_at(s, i - 6, qualifiers[k], 6);
    return qualified && unit_before(s, i - 6);
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

size_t fg_parse__next_bracket_before(fg_strview t, size_t i, size_t limit)
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
    return fg_parse__next_bracket_before(t, i, t.len);
}

/*
 * The first index >= i of o, before limit, where fg_parse__find_clauses() has something to look at:
 * a sentence end 。；！？ or a character that may start a label or a role word; else limit. o is
 * valid UTF-8 (the item text with parentheticals blanked).
 */
/* An event of p->ev: its index << EV_SHIFT | what starts there (EV_TERM, EV_LABEL, EV_ROLE). */
enum { EV_TERM = 1, EV_LABEL = 2, EV_ROLE = 4, EV_SHIFT = 3 };

/* The first index >= i of o that is not a blank (U+0020, tab, U+3000, U+00A0, line end). */
static size_t skip_blank_chars(fg_strview o, size_t i)
{
    for (;;) {
        /*
         * Parentheticals blanked by fg_parse__find_clauses() leave long runs of ' ': 8 at a
         * time.
         */
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

bool fg_parse__semicolon_ends(fg_strview s, size_t i)
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
 * Add to p->ev[0..p->n_ev) (in order) an EV_TERM event at each byte ch of o that ends a
 * sentence: a half-width ; (fg_parse__semicolon_ends()), or a | (a table's rule or an OCR'd
 * one between two fields: …各学院（部）| 完成时间：…). The character scanner sees only 3-byte
 * characters.
 */
static int add_byte_events(parser *p, fg_strview o, char ch)
{
    size_t *semi = NULL;
    size_t n_semi = 0;
    size_t cap_semi = 0;
    size_t a;
    size_t w;
    int rc = FG_OK;

    for (const char *c = memchr(o.ptr, ch, o.len); c != NULL;
         c = memchr(c + 1, ch, o.len - (size_t)(c + 1 - o.ptr))) {
        if (ch == ';' && !fg_parse__semicolon_ends(o, (size_t)(c - o.ptr)))
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
 * Into p->ev, in order, every index of o where fg_parse__find_clauses() has something to look at: a
 * sentence end 。；！？｜ or a half-width ; or | (EV_TERM), or the start of a label (EV_LABEL,
 * label_start_at()) or of a role word (EV_ROLE, role_event_at()), or both. o is valid UTF-8
 * (the item text with parentheticals blanked); one pass of sets.events finds the
 * candidates, an exact test keeps the events, and add_byte_events() the ; and |.
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
             * in fg_parse__find_clauses(): it is dropped here, and the loop there never visits it.
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
                   AT(o, i, "｜") || AT(o, i, "——") || (i >= 3 && AT(o, i - 3, "——"))) {
            p->ev[k++] = i << EV_SHIFT | EV_TERM;
        }
    }
    p->n_ev = k;
    for (const char *b = ";|"; *b != '\0'; b++) {
        int rc = memchr(o.ptr, *b, o.len) != NULL ? add_byte_events(p, o, *b) : FG_OK;

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
    size_t lo = fg_parse__lines_upto(p, at);

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

/* The bullets that may stand before a label as decoration (◆牵头单位：X　◆配合单位：Y). */
static const fg_lit label_bullets[] = {FG_LIT("◆"), FG_LIT("◇"), FG_LIT("●"), FG_LIT("○"),
                                       FG_LIT("■"), FG_LIT("□"), FG_LIT("▲"), FG_LIT("△"),
                                       FG_LIT("★"), FG_LIT("☆"), FG_LIT("►"), FG_LIT("▶"),
                                       FG_LIT("•"), FG_LIT("·"), FG_LIT("※")};

/* The length of the bullet at s[i], or 0. */
static size_t bullet_at(fg_strview s, size_t i)
{
    for (size_t k = 0; k < sizeof label_bullets / sizeof label_bullets[0]; k++)
        if (fg_sv_at(s, i, label_bullets[k].s, label_bullets[k].n))
            return label_bullets[k].n;
    return 0;
}

/*
 * Blank the bullets before labels: a bullet before a label (blanks between allowed) is
 * decoration, neither part of the unit before it (X◆) nor text that splits a labelled block.
 * ★ ☆ ▲ △ mark a lead unit right after its name (X★): before a label they are bullets only at
 * a line's start, after a blank or after ，；。. Linear in the text: each bullet is looked at once,
 * found by memchr() of the first bytes bullets have (E2 for U+2000…U+2FFF, C2 for ·).
 */
static void blank_label_bullets(parser *p, char *text, size_t len)
{
    fg_strview t = fg_sv(text, len);
    const char *end = text + len;
    /* the next E2 and C2 bytes (lead bytes only: every bullet starts with one) */
    const char *e2 = memchr(text, 0xE2, len);
    const char *c2 = memchr(text, 0xC2, len);
    size_t lm_k = 0;

    while (e2 != NULL || c2 != NULL) {
        const char *q = c2 == NULL || (e2 != NULL && e2 < c2) ? e2 : c2;
        size_t i = (size_t)(q - text);
        size_t n = bullet_at(t, i);
        size_t lab;
        bool name_mark;
        bool free;

        if (q == e2)
            e2 = memchr(q + 1, 0xE2, (size_t)(end - q - 1));
        else
            c2 = memchr(q + 1, 0xC2, (size_t)(end - q - 1));
        if (n == 0)
            continue;
        while (lm_k < p->n_lm && p->lm[lm_k].off < i)
            lm_k++;
        name_mark = AT(t, i, "★") || AT(t, i, "☆") || AT(t, i, "▲") || AT(t, i, "△");
        free = i == 0 || (lm_k < p->n_lm && p->lm[lm_k].off == i) || t.ptr[i - 1] == ' ' ||
               t.ptr[i - 1] == '\t' ||
               (i >= 3 && (AT(t, i - 3, "\u3000") || AT(t, i - 3, "，") || AT(t, i - 3, "；") ||
                           AT(t, i - 3, "。")));
        if ((free || !name_mark) &&
            fg_clause__label_at(p->units.lex, t, fg_parse__skip_blanks(t, i + n), &lab) !=
                FG_LABEL_NONE)
            memset(text + i, ' ', n);
    }
}

/*
 * Whether the lines of o from p->lm[k] on are a signature: one issuer's name a line or more
 * (each a unit's name alone, no separator in it), then a date of issue alone
 * (fg_parse__date_line()) that ends the text. A signature is no part of the label value above
 * it, whatever that value ends with (…各银行业金融机构 / 某市人民政府办公室 / 2025年4月8日).
 */
static bool signature_from(const parser *p, fg_strview o, size_t k)
{
    size_t names = 0;

    for (; k < p->n_lm && p->lm[k].off < o.len; k++) {
        size_t e = k + 1 < p->n_lm && p->lm[k + 1].off <= o.len ? p->lm[k + 1].off : o.len;
        fg_strview line = fg_parse__trim(fg_sv(o.ptr + p->lm[k].off, e - p->lm[k].off));
        long y;
        long mo;
        long d;

        if (names > 0 && fg_parse__date_line(line, &y, &mo, &d))
            return e == o.len;
        if (names == 3 || line.len == 0 || line.len > 25 * 3 ||
            !fg_clause__looks_like_unit(line) || fg_sv_contains(line, "、") ||
            fg_sv_contains(line, "，") || fg_sv_contains(line, "；") ||
            fg_sv_contains(line, "。") || fg_sv_contains(line, "："))
            return false;
        names++;
    }
    return false;
}

/* Whether t[i] starts a CJK ideograph (lead bytes E4..E9: U+4000..U+9FFF). */
static bool ideograph_at(fg_strview t, size_t i)
{
    return i + 3 <= t.len && (unsigned char)t.ptr[i] >= 0xE4 && (unsigned char)t.ptr[i] <= 0xE9;
}

/* Whether t[i] is a Chinese numeral 一 … 十 (a marker's: 二．加强…). */
static bool cn_numeral_at(fg_strview t, size_t i)
{
    static const char numerals[] = "一二三四五六七八九十";

    for (size_t k = 0; k + 3 < sizeof numerals; k += 3)
        if (fg_sv_at(t, i, numerals + k, 3))
            return true;
    return false;
}

/*
 * Read OCR'd punctuation as what it stands for, in the item's working copy (the text kept is
 * the text as written), each in place at the same length: ∶ (U+2236, a ratio sign) after an
 * ideograph is a colon (牵头单位∶X); ． or . between two ideographs separates as a comma
 * (X牵头．Y配合, 责任单位∶X．Y: it stands for 。 or ，, and a sentence's end is read as well
 * after a comma as a role phrase after it; in numbers, 1．, 3．5, and after a marker's
 * numeral, 二．, it stays); and [ ] around a clause are brackets (（）): a
 * [ whose ] closes on its line, at most 600 bytes on, with a role word or a mark inside
 * ([X牵头，Y配合]; not [2023]). Linear in the text: each candidate byte is looked at once.
 */
static void ocr_punctuation(const parser *p, char *text, size_t len)
{
    fg_strview t = fg_sv(text, len);
    size_t i;

    /* Each character looked for is searched for (memchr() inside): most text holds none. */
    for (size_t at = 0; (i = fg_sv_find_n(fg_sv(text + at, len - at), "∶", 3)) != SIZE_MAX;
         at = i + 3) {
        i += at;
        if (i >= 3 && ideograph_at(t, i - 3))
            memcpy(text + i, "：", 3);
    }
    for (size_t at = 0; (i = fg_sv_find_n(fg_sv(text + at, len - at), "．", 3)) != SIZE_MAX;
         at = i + 3) {
        i += at;
        if (i >= 3 && ideograph_at(t, i - 3) && ideograph_at(t, i + 3) && !cn_numeral_at(t, i - 3))
            memcpy(text + i, "，", 3);
    }
    for (const char *q = memchr(text, '.', len); q != NULL;
         q = memchr(q + 1, '.', len - (size_t)(q + 1 - text))) {
        i = (size_t)(q - text);
        if (i >= 3 && ideograph_at(t, i - 3) && ideograph_at(t, i + 1) && !cn_numeral_at(t, i - 3))
            text[i] = ',';
    }
    for (const char *q = memchr(text, '[', len); q != NULL;
         q = memchr(q + 1, '[', len - (size_t)(q + 1 - text))) {
        size_t j;

        i = (size_t)(q - text);
        for (j = i + 1; j < len && j < i + 600 && text[j] != ']' && text[j] != '[' &&
                        text[j] != '\n';
             j++)
            ;
        if (j < len && text[j] == ']') {
            fg_strview in = fg_sv(text + i + 1, j - i - 1);

            if (fg_clause__has_role_word(p->units.lex, in) || fg_clause__has_mark(in)) {
                text[i] = '(';
                text[j] = ')';
            }
            q = text + j;
        }
    }
}

/*
 * The role (an fg_role) all units of clause pc have, when it opens with a role label (牵头单位：,
 * 配合单位：, 责任单位：), or -1.
 */
static int labelled_role(const parser *p, const pclause *pc)
{
    size_t n;
    fg_label_role r = fg_clause__label_at(p->units.lex, fg_sv(pc->text, pc->text_len), 0, &n);

    if (pc->n_units == 0 || (r != FG_LABEL_LEAD && r != FG_LABEL_CO && r != FG_LABEL_RESP))
        return -1;
    for (size_t u = 1; u < pc->n_units; u++)
        if (p->units.v[pc->unit_first + u].role != p->units.v[pc->unit_first].role)
            return -1;
    return (int)p->units.v[pc->unit_first].role;
}

/*
 * A task's two labelled clauses, one in a bracket and one outside brackets, that give its
 * units different roles (（牵头单位：X）推进…。配合单位：Y、Z。, 推进…（牵头单位：X）。 / 配合单位：Y)
 * are the labels of one task, as in one bracket or one labelled block: one clause, its units
 * in the order written. The item's clauses are p->clauses[first ..), the bracket's first.
 */
static int join_labelled(parser *p, size_t first)
{
    pclause *b = &p->clauses[first];
    pclause *l = &p->clauses[first + 1];
    fg_str buf = FG_STR_INIT;
    size_t u0 = p->units.n;
    int rb;
    int rl;
    int rc = FG_OK;

    if (p->n_clauses != first + 2 || p->bracket_clauses_end != first + 1)
        return FG_OK;
    rb = labelled_role(p, b);
    rl = labelled_role(p, l);
    if (rb < 0 || rl < 0 || rb == rl)
        return FG_OK;
    FG_TRY(fg_units_reserve(&p->units, b->n_units + l->n_units, 0));
    b = &p->clauses[first];
    l = &p->clauses[first + 1];
    for (size_t k = 0; k < 2; k++) {
        /* The one written first first. */
        const pclause *c = (k == 0) == (b->off <= l->off) ? b : l;

        for (size_t u = 0; u < c->n_units; u++)
            p->units.v[p->units.n++] = p->units.v[c->unit_first + u];
    }
    FG_TRY(fg_str_append(&buf, b->text, b->text_len));
    FG_TRY(fg_str_append(&buf, "；", 3));
    FG_TRY(fg_str_append(&buf, l->text, l->text_len));
    b->text = fg_parse__arena_dup(p, fg_sv(buf.ptr, buf.len));
    if (b->text == NULL)
        FG_TRY(fg_error_set(FG_ENOMEM, "out of memory"));
    b->text_len = buf.len;
    b->off = b->off < l->off ? b->off : l->off;
    b->line = b->off == l->off ? l->line : b->line;
    b->unit_first = u0;
    b->n_units = p->units.n - u0;
    if (b->due == NULL)
        b->due = l->due;
    p->n_clauses--;
    p->items[p->cur].n_clauses--;
out:
    fg_str_dispose(&buf);
    return rc;
}

int fg_parse__find_clauses(parser *p, char *text, size_t len)
{
    fg_strview t = fg_sv(text, len);
    size_t depth = 0;
    size_t open_at = 0;
    size_t open_len = 0;
    int rc = FG_OK;
    bool found;

    blank_label_bullets(p, text, len);
    ocr_punctuation(p, text, len);
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
                FG_TRY(fg_parse__try_clause(p, in, open_at, 0, &found));
            } else if (p->first_is_lead &&
                       fg_clause__name_bracket(fg_sv(t.ptr, open_at), t, open_at) !=
                           i + n - open_at) {
                /* Not 各村（社区）: a name's other end is no list of units. */
                FG_TRY(fg_parse__try_clause(p, in, open_at, FG_CLAUSE_BARE_LIST, &found));
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
            FG_TRY(fg_parse__try_clause(p, in, open_at, 0, &found));
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

                /*
                 * A line that opens with 、 goes on with the list (配合单位：X | 、Y、Z。: a wrap
                 * put the separator first).
                 */
                size_t next_at = skip_blank_chars(o, i);

                line_break = signature_from(p, o, lm_k) ||
                             (!fg_sv_ends(before, "、") && !fg_sv_ends(before, "，") &&
                             !AT(o, next_at, "、") &&
                             fg_clause__looks_like_unit(fg_sv(before.ptr + before.len -
                                                                  (before.len < 9 ? before.len : 9),
                                                              before.len < 9 ? before.len : 9)) &&
                             !cut_place(before, fg_sv(o.ptr + i, o.len - i)) &&
                             !fg_parse__name_goes_on(before, fg_sv(o.ptr + i, line_end - i)));
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
    FG_TRY(join_labelled(p, p->items[p->cur].clause_first));
out:
    return rc;
}

size_t fg_parse__blank_label_word(const fg_lexicon *lx, fg_strview s, size_t *rest)
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

bool fg_parse__note_opens(fg_strview s)
{
    static const fg_lit notes[] = {FG_LIT("注："), FG_LIT("注:"),   FG_LIT("备注："),
                                   FG_LIT("备注:"), FG_LIT("说明："), FG_LIT("说明:")};

    s = fg_parse__trim(s);
    for (size_t n = 0; n < sizeof notes / sizeof notes[0]; n++)
        if (fg_sv_starts_n(s, notes[n].s, notes[n].n))
            return true;
    return false;
}

bool fg_parse__closing_paragraph(fg_strview s)
{
    static const fg_lit modals[] = {FG_LIT("务必"), FG_LIT("必须"), FG_LIT("应当"), FG_LIT("要"),
                                    FG_LIT("应"),   FG_LIT("需"),   FG_LIT("须")};
    static const char *const specific[] = {"《", "“", "牵头", "负责", "会同", "由", NULL};
    static const char *const generic_words[] = {"职责", "分工", "协调", "配合", "协作", "协同",
                                                "合力", "重视", "落实", "实处", "实效", "部署",
                                                "领导", "沟通", "衔接", "联动", "担当",
                                                "各项任务", "目标任务", NULL};
    size_t k = SIZE_MAX;
    size_t a = 0;
    fg_strview rest;

    s = fg_parse__trim(s);
    if (fg_parse__note_opens(s))
        return true;
    if (s.len > 80 * 3)
        return false;
    /*
     * The subject: up to a modal word within 15 characters (务 必 应 要 需 须: E5 8A, E5 BF,
     * E5 BA, E8 A6, E9 9C, E9 A1, a test of two bytes before the words are compared).
     */
    for (size_t i = 0, n = 0; i + 1 < s.len && n < 15 && k == SIZE_MAX;
         i += fg_cp_len((unsigned char)s.ptr[i]), n++) {
        unsigned char c = (unsigned char)s.ptr[i];
        unsigned char c1 = (unsigned char)s.ptr[i + 1];

        if (!(c == 0xE5 && (c1 == 0x8A || c1 == 0xBF || c1 == 0xBA)) &&
            !(c == 0xE8 && c1 == 0xA6) && !(c == 0xE9 && (c1 == 0x9C || c1 == 0xA1)))
            continue;
        for (size_t m = 0; m < sizeof modals / sizeof modals[0] && k == SIZE_MAX; m++)
            if (fg_sv_at(s, i, modals[m].s, modals[m].n))
                k = i;
    }
    if (k == SIZE_MAX || k < 6)
        return false;
    /* Every name of the subject generic (各成员单位, 各有关单位, 各地各部门, 各县（市、区）). */
    for (;;) {
        size_t b = fg_sv_find(fg_sv(s.ptr + a, k - a), "、");
        fg_strview name = fg_sv(s.ptr + a, b == SIZE_MAX ? k - a : b);

        if (!fg_clause__looks_like_unit(name) || fg_clause__kind(name) == FG_KIND_AGENCY)
            return false;
        if (b == SIZE_MAX)
            break;
        a += b + 3;
    }
    rest = fg_sv(s.ptr + k, s.len - k);
    /* No number (a date, a count: 于每年12月10日前), in either width (０ is EF BC 90). */
    for (size_t i = 0; i < rest.len; i += fg_cp_len((unsigned char)rest.ptr[i]))
        if ((rest.ptr[i] >= '0' && rest.ptr[i] <= '9') ||
            (AT(rest, i, "\xef\xbc") && (unsigned char)rest.ptr[i + 2] >= 0x90 &&
             (unsigned char)rest.ptr[i + 2] <= 0x99))
            return false;
    for (size_t w = 0; specific[w] != NULL; w++)
        if (fg_sv_contains(rest, specific[w]))
            return false;
    /* Each phrase a generic one: of duties, co-operation, care and getting things done. */
    for (size_t i = 0; i < rest.len;) {
        size_t e = i;
        fg_strview phrase;
        bool generic = false;

        while (e < rest.len && !AT(rest, e, "，") && !AT(rest, e, "；") && !AT(rest, e, "。") &&
               rest.ptr[e] != ',' && rest.ptr[e] != ';')
            e += fg_cp_len((unsigned char)rest.ptr[e]);
        phrase = fg_sv(rest.ptr + i, e - i);
        for (size_t w = 0; generic_words[w] != NULL && !generic; w++)
            generic = fg_sv_contains(phrase, generic_words[w]);
        if (phrase.len > 0 && !generic)
            return false;
        i = e < rest.len ? e + fg_cp_len((unsigned char)rest.ptr[e]) : e;
    }
    return true;
}

/* Where the sentence that starts at s[i] ends: after its 。！？ (or at s's end). */
static size_t sentence_end(fg_strview s, size_t i)
{
    for (i = fg_charscan_next(&sets.sentence_stops, s.ptr, s.len, i, s.len); i < s.len;
         i = fg_charscan_next(&sets.sentence_stops, s.ptr, s.len,
                              i + fg_cp_len((unsigned char)s.ptr[i]), s.len))
        if (AT(s, i, "。") || AT(s, i, "！") || AT(s, i, "？"))
            return i + 3;
    return s.len;
}

/*
 * Whether the close of the document runs from s[j] to s's end: after it only more of it
 * (各成员单位要…。各有关单位务必…。, a note: 注：…。), after a note sentences with no role word
 * (②…), and at the end a short line with none and no full stop (the issuer, a date); any
 * other sentence is the item's own (委员会成员因工作变动需要调整的，…报批。).
 */
static bool close_runs_on(const fg_lexicon *lx, fg_strview s, size_t j)
{
    for (bool note = false;;) {
        fg_strview sent;
        bool last;

        if (j >= s.len)
            return true;
        sent = fg_sv(s.ptr + j, sentence_end(s, j) - j);
        last = j + sent.len >= s.len && !AT(s, s.len - 3, "。") && !AT(s, s.len - 3, "！") &&
               !AT(s, s.len - 3, "？");
        note = note || fg_parse__note_opens(sent);
        if (!fg_parse__closing_paragraph(sent) &&
            (!(note || (last && sent.len <= 60 * 3)) || fg_clause__has_role_word(lx, sent)))
            return false;
        j += sent.len;
    }
}

size_t fg_parse__closing_tail(const fg_lexicon *lx, fg_strview s)
{
    /* With no ASCII bracket, only （）。！？ matter: the scan jumps from one to the next. */
    bool every = memchr(s.ptr, '(', s.len) != NULL || memchr(s.ptr, ')', s.len) != NULL;
    int depth = 0;

    for (size_t i = every ? 0 : fg_charscan_next(&sets.closing_stops, s.ptr, s.len, 0, s.len);
         i < s.len;
         i = every ? i + fg_cp_len((unsigned char)s.ptr[i])
                   : fg_charscan_next(&sets.closing_stops, s.ptr, s.len,
                                      i + fg_cp_len((unsigned char)s.ptr[i]), s.len)) {
        size_t k;
        bool after_bracket = false;

        if (AT(s, i, "（") || s.ptr[i] == '(') {
            depth++;
        } else if (AT(s, i, "）") || s.ptr[i] == ')') {
            depth = depth > 0 ? depth - 1 : 0;
            after_bracket = depth == 0;
        }
        if (depth > 0 ||
            !(after_bracket || AT(s, i, "。") || AT(s, i, "！") || AT(s, i, "？")))
            continue;
        k = i + fg_cp_len((unsigned char)s.ptr[i]);
        /* A bracket there is the sentence's clause (。（市数据局牵头）…), no subject. */
        if (k >= s.len || AT(s, k, "（") || s.ptr[k] == '(' ||
            !fg_parse__closing_paragraph(fg_sv(s.ptr + k, sentence_end(s, k) - k)))
            continue;
        if (close_runs_on(lx, s, sentence_end(s, k)))
            return k;
    }
    return SIZE_MAX;
}

/* Whether s[i] starts a name as a close's subject does: a level word, 各, 有关 or 相关. */
static bool subject_start(fg_strview s, size_t i)
{
    static const fg_lit firsts[] = {FG_LIT("各"), FG_LIT("有关"), FG_LIT("相关"), FG_LIT("省"),
                                    FG_LIT("市"), FG_LIT("州"),   FG_LIT("县"),   FG_LIT("区"),
                                    FG_LIT("乡"), FG_LIT("镇"),   FG_LIT("街道")};

    for (size_t w = 0; w < sizeof firsts / sizeof firsts[0]; w++)
        if (fg_sv_at(s, i, firsts[w].s, firsts[w].n))
            return true;
    return false;
}

size_t fg_parse__title_close(const fg_lexicon *lx, fg_strview s)
{
    size_t e = sentence_end(s, 0);
    size_t i = 0;

    /* A close is a sentence of 80 characters at most (fg_parse__closing_paragraph()). */
    if (e > (80 + 9) * 3)
        return SIZE_MAX;
    for (int n = 0; n < 10 && i < e; n++, i += fg_cp_len((unsigned char)s.ptr[i])) {
        if ((unsigned char)s.ptr[i] < 0xE4 || (unsigned char)s.ptr[i] > 0xE9)
            return SIZE_MAX; /* a title is ideographs only */
        if (n >= 2 && subject_start(s, i) && !fg_clause__looks_like_unit(fg_sv(s.ptr, i)) &&
            fg_parse__closing_paragraph(fg_sv(s.ptr + i, e - i)) && close_runs_on(lx, s, e))
            return i;
    }
    return SIZE_MAX;
}

/*
 * Document metadata: the title, the issuer, the document number (文号) and the date of
 * issue, read from the text around the first item (fg_parse__find_metadata()), and whether the
 * document says that the first unit listed leads (列第一位者为牵头单位 …,
 * declares_first_is_lead()), with notes of the declaration-like phrases that were not taken
 * as one (fg_parse__note_declarations()).
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
#include "str.h"

/* The first characters of the words first_rare_word() looks for in the whole text. */
static const char rare_firsts[] = "第首前";

/* Character sets of this file, built once (fg_parse__meta_sets_init()). */
static struct {
    fg_charscan rare_firsts;
} sets;

void fg_parse__meta_sets_init(void)
{
    fg_charscan_init(&sets.rare_firsts, rare_firsts, sizeof rare_firsts - 1);
}

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

void fg_parse__find_metadata(parser *p, fg_doc *doc)
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
                fg_parse__annex_header(line, NULL) > 0) {
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

        if (fg_parse__date_line(fg_parse__trim(fg_sv(t.ptr + i, e - i)), &y, &mo, &d)) {
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
    size_t former = fg_parse__find_from(s, from, "前者");

    for (size_t k = fg_parse__find_from(s, from, "首"); k != SIZE_MAX && k < former;
         k = fg_parse__find_from(s, k + 3, "首"))
        if (AT(s, k + 3, "位") || AT(s, k + 3, "个"))
            return k;
    return former;
}

/*
 * The first 第一, 首位, 首个 or 前者 of t, or SIZE_MAX, in one pass for 第, 首 and 前: most
 * documents hold none, and then fg_parse__declares_first_is_lead() has nothing to look for.
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

bool fg_parse__declares_first_is_lead(fg_strview t, size_t *miss, size_t *n_miss)
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

int fg_parse__note_declarations(parser *p, fg_strview t, const size_t *miss, size_t n_miss)
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
        FG_TRY(fg_parse__add_note(p, FG_NOTE_DECLARATION, fg_sv(t.ptr + from, to - from), line));
    }
out:
    return rc;
}

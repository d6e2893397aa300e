/*
 * Lines broken by the page width (unwrap.h). A PDF prints a paragraph wrapped at the width of
 * its text block, and text copied out of a PDF keeps those breaks; the grammar takes a line
 * end for a boundary, so that a break inside a unit name, a label or a role word loses rows.
 * The readers tell a line broken by the width (it reaches the right edge, the next line
 * starts at the left edge: read_pdf_table.c measures that from the lines' extents, and
 * fg_unwrap_text() from the display widths of plain text); fg_unwrap_joins() then says
 * whether the next line goes on the paragraph or starts a new item, by its first characters.
 * The text handed in is valid UTF-8.
 */
#include "unwrap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
#include <emmintrin.h>
#endif

#include "clause.h"
#include "error.h"

#define MAX_HEAD 16   /* code points of a line's head looked at */
#define MAX_LABEL 10  /* a label's code points before its colon, at most */
#define MAX_COLS 1024 /* lines wider than this (display columns) are not wrapped lines */
#define MIN_WRAP 30   /* the narrowest width of a hard-wrapped text, in columns */

/* The code point at s[i] (valid UTF-8, i < n) and its length in *len. */
static int32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    int32_t cp = -1;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);

    *len = k > 0 ? (size_t)k : 1;
    return k > 0 ? cp : -1;
}

/* The start of the code point that ends at s[n]. */
static size_t cp_before(const char *s, size_t n)
{
    size_t i = n - 1;

    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static bool is_blank(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

static bool is_cn_numeral(int32_t cp)
{
    static const int32_t nums[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                   0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6, 0x3007, 0x4E24};
    /* 一 二 三 四 五 六 七 八 九 十 百 零 〇 两 */
    for (size_t k = 0; k < sizeof nums / sizeof *nums; k++)
        if (cp == nums[k])
            return true;
    return false;
}

static bool is_digit(int32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool is_ideo(int32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool is_latin(int32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* Roman numerals of a marker: I V X, upper or lower case. */
static bool is_roman(int32_t cp)
{
    return cp == 'I' || cp == 'V' || cp == 'X' || cp == 'i' || cp == 'v' || cp == 'x';
}

/* A measure word or unit after a number (15 个, 2 万): the number is a quantity, no marker. */
static bool is_measure(int32_t cp)
{
    static const char measures[] = "个项家所人万亿元年月日号座台条户千百米吨次批名辆处件场份间套支类种天倍公";
    size_t len;

    for (size_t i = 0; i < sizeof measures - 1; i += len)
        if (cp_at(measures, sizeof measures - 1, i, &len) == cp)
            return true;
    return cp == '%' || cp == 0xFF05;
}

/* A bullet that opens a listed line: ◆ ◇ ● ○ ■ □ ▲ △ ▶ ► ★ ☆ ※ • ▪ ✓ ✔ and an ASCII '-'. */
static bool is_bullet(int32_t cp)
{
    return (cp >= 0x25A0 && cp <= 0x25FF) || cp == 0x2605 || cp == 0x2606 || cp == 0x203B ||
           cp == 0x2022 || cp == 0x2713 || cp == 0x2714 || cp == 0x27A2 || cp == '-' ||
           cp == '*' || cp == 0x2666;
}

/* A circled or parenthesised number: ① ⑴ ⒈ ❶ ➀ ㉑ …. */
static bool is_circled(int32_t cp)
{
    return (cp >= 0x2460 && cp <= 0x24FF) || (cp >= 0x2776 && cp <= 0x2793) ||
           (cp >= 0x3251 && cp <= 0x325F) || (cp >= 0x32B1 && cp <= 0x32BF);
}

/* Punctuation that ends a label's search: the text is a sentence, not a label. */
static bool stops_label(int32_t cp)
{
    return cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B || cp == ',' ||
           cp == ';' || cp == 0xFF08 || cp == 0xFF09 || cp == '(' || cp == ')' ||
           cp == 0x201C || cp == 0x300A;
}

/* The labels that open a line of their own in a 分工方案 (role, team and field labels), as
 * the text before the colon with blanks removed. */
static const char *const labels[] = {
    "牵头单位", "配合单位", "责任单位", "主责单位", "协同单位", "协办单位", "主办单位",
    "参与单位", "牵头部门", "配合部门", "责任部门", "牵头处室", "配合处室", "责任处室",
    "牵头领导", "责任领导", "分管领导", "责任人",   "联系人",   "牵头",     "配合",
    "负责",     "组长",     "副组长",   "常务副组长", "成员",   "成员单位", "召集人",
    "副召集人", "办公室",   "主任",     "副主任",   "秘书长",   "副秘书长", "指挥长",
    "副指挥长", "总指挥",   "副总指挥", "委员",     "顾问",     "完成时限", "完成时间",
    "时间节点", "时限",     "备注",     "附件",     "抄送",     "联系电话", "工作目标",
    "目标任务", "主要任务", "工作任务", "具体措施", "工作措施", "责任分工",
};

static bool known_label(const char *k, size_t n)
{
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (strlen(labels[i]) == n && memcmp(labels[i], k, n) == 0)
            return true;
    return false;
}

/*
 * Whether next (its head cps[0..n) at byte offsets at[]) opens with a label, the text before
 * a colon: single ideographs spaced out (组　长：, 副 组 长：, a roster's role line; not
 * 厅　　配合单位：, a unit's last character before a label), or one of labels[]
 * that is not the end of a longer one begun on prev's last character (副|组长：): 1; such an end:
 * -1; else 0.
 */
static int label_head(const char *prev, size_t prev_len, const char *next, const int32_t *cps,
                      const size_t *at, size_t n)
{
    char key[64];
    size_t k_len = 0, n_ideo = 0, run = 0; /* run: ideographs since the last blank */
    bool spaced = false, singles = true;

    for (size_t i = 0; i < n && i <= MAX_LABEL; i++) {
        int32_t c = cps[i];

        if (c == 0xFF1A || c == ':') {
            size_t p;

            if (i == 0)
                return 0;
            if (spaced && singles && run == 1 && n_ideo >= 2 && n_ideo <= 5)
                return 1;
            if (!known_label(key, k_len))
                return 0;
            if (prev_len == 0)
                return 1;
            /* the label's first characters at the end of the line before (副|组长：) */
            p = cp_before(prev, prev_len);
            if (prev_len - p + k_len < sizeof key) {
                char longer[64];

                memcpy(longer, prev + p, prev_len - p);
                memcpy(longer + prev_len - p, key, k_len);
                if (known_label(longer, prev_len - p + k_len))
                    return -1;
            }
            return 1;
        }
        if (stops_label(c))
            return 0;
        if (is_blank(c)) {
            spaced = n_ideo > 0;
            singles = singles && run <= 1;
            run = 0;
            continue;
        }
        if (is_ideo(c)) {
            n_ideo++;
            run++;
        }
        if (k_len + (at[i + 1] - at[i]) >= sizeof key)
            return 0;
        memcpy(key + k_len, next + at[i], at[i + 1] - at[i]);
        k_len += at[i + 1] - at[i];
    }
    return 0;
}

/* Whether the head cps[0..n) of a line opens with a numbering marker (一、 一是 （一） (1) 1.
 * 1、 1） ① 第X条 附件). */
static bool marker_head(const int32_t *cps, size_t n)
{
    size_t i = 0;

    if (n == 0)
        return false;
    if (is_circled(cps[0]))
        return true;
    if (cps[0] == 0x9644 && n > 1 && cps[1] == 0x4EF6) /* 附件 */
        return true;
    if (cps[0] == 0xFF08 || cps[0] == '(') {
        /* （一） (1) */
        for (i = 1; i < n && i <= 4 && (is_cn_numeral(cps[i]) || is_digit(cps[i])); i++)
            ;
        if (i == 1 && n > 2 && is_latin(cps[1]))
            i = 2; /* (A) */
        return i > 1 && i < n && (cps[i] == 0xFF09 || cps[i] == ')');
    }
    if (cps[0] == 0x7B2C) {
        /* 第X条 章 节 部分 项 篇 */
        for (i = 1; i < n && i <= 5 && (is_cn_numeral(cps[i]) || is_digit(cps[i])); i++)
            ;
        return i > 1 && i < n &&
               (cps[i] == 0x6761 || cps[i] == 0x7AE0 || cps[i] == 0x8282 || cps[i] == 0x90E8 ||
                cps[i] == 0x9879 || cps[i] == 0x7BC7);
    }
    if (is_cn_numeral(cps[0])) {
        /* 一、 一． 一是 十一、 */
        for (i = 0; i < n && i < 4 && is_cn_numeral(cps[i]); i++)
            ;
        return i < n && (cps[i] == 0x3001 || cps[i] == 0xFF0E || cps[i] == '.' ||
                         cps[i] == 0x662F || cps[i] == 0xFF0C);
    }
    if (is_digit(cps[0])) {
        /* 1. 1、 1） 1．, not 1.5; 1.1 or 2 before a blank, not 15 个 */
        for (i = 0; i < n && i < 3 && is_digit(cps[i]); i++)
            ;
        if (i >= n)
            return false;
        if (cps[i] == 0x3001 || cps[i] == 0xFF09 || cps[i] == ')')
            return true;
        if ((cps[i] == '.' || cps[i] == 0xFF0E) && (i + 1 >= n || !is_digit(cps[i + 1])))
            return true;
        while (i + 1 < n && (cps[i] == '.' || cps[i] == 0xFF0E) && is_digit(cps[i + 1]))
            for (i++; i < n && is_digit(cps[i]); i++)
                ;
        if (i < n && cps[i] == 0x3001)
            return true;
        if (i + 1 < n && is_blank(cps[i]))
            return !is_measure(cps[i + 1]);
        return false;
    }
    /* A. a) I. II、 IV． (A) */
    for (i = 0; i < n && i < 4 && is_roman(cps[i]); i++)
        ;
    if (i == 0 && n > 0 && is_latin(cps[0]))
        i = 1;
    return i > 0 && i < n &&
           (cps[i] == '.' || cps[i] == 0xFF0E || cps[i] == 0x3001 || cps[i] == ')' ||
            cps[i] == 0xFF09);
}

/* Whether s[0..n) ends a sentence or a clause that may end a line: 。！？；： (．；: too),
 * maybe then closing quotes and brackets. */
static bool ends_sentence(const char *s, size_t n)
{
    while (n > 0) {
        size_t i = cp_before(s, n), len;
        int32_t c = cp_at(s, n, i, &len);

        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E || c == 0xFF1B ||
            c == 0xFF1A || c == ';' || c == ':')
            return true;
        if (c != 0x201D && c != 0x2019 && c != 0xFF09 && c != ')' && c != 0x300D &&
            c != 0x300F && c != 0x300B)
            return false;
        n = i;
    }
    return false;
}

/* Whether s[0..n) ends in an opening bracket or quote. */
static bool opens(const char *s, size_t n)
{
    size_t len;
    int32_t c = cp_at(s, n, cp_before(s, n), &len);

    return c == 0xFF08 || c == '(' || c == 0x201C || c == 0x2018 || c == 0x300A ||
           c == 0x300C || c == 0x300E || c == 0x3010 || c == 0x3014 || c == '[';
}

/* Whether the head cps[0..n) of a line is a short label (2 to 6 ideographs) and a wide gap:
 * a tab, or two blanks or more (督办事项　　…, a card's row without a colon). */
static bool label_gap(const int32_t *cps, size_t n)
{
    size_t i = 0;

    while (i < n && i < 7 && is_ideo(cps[i]))
        i++;
    return i >= 2 && i <= 6 && i < n &&
           (cps[i] == '\t' || (i + 1 < n && is_blank(cps[i]) && is_blank(cps[i + 1])));
}

/* Whether the head cps[0..n) of a line is a label of 2 to 8 ideographs (blanks inside) and a
 * colon: 事项名称：, 导出时间：. */
static bool any_label(const int32_t *cps, size_t n)
{
    size_t i = 0, n_ideo = 0;

    for (; i < n && i < 12 && (is_ideo(cps[i]) || is_blank(cps[i])); i++)
        n_ideo += is_ideo(cps[i]);
    return n_ideo >= 2 && n_ideo <= 8 && i < n && (cps[i] == 0xFF1A || cps[i] == ':');
}

bool fg_unwrap_joins(const char *prev, size_t prev_len, const char *next, size_t next_len,
                     bool next_full)
{
    int32_t cps[MAX_HEAD];
    size_t at[MAX_HEAD + 1];
    size_t n = 0, i = 0;
    int label;

    if (prev_len == 0 || next_len == 0)
        return false;
    if (!next_full && ends_sentence(prev, prev_len))
        return false;
    if (opens(prev, prev_len))
        return true; /* （|6）…: what follows an opening bracket goes on whatever it looks like */
    while (i < next_len && n < MAX_HEAD) {
        size_t len;
        int32_t c = cp_at(next, next_len, i, &len);

        at[n] = i;
        cps[n++] = c;
        i += len;
    }
    at[n] = i;
    if (is_blank(cps[0]) || is_bullet(cps[0]))
        return false;
    if (marker_head(cps, n))
        return false;
    label = label_head(prev, prev_len, next, cps, at, n);
    if (label != 0)
        return label < 0;
    /* a card's or a record's rows: a label, a wide gap or a colon, its value (配合单位　　…
     * then 办结时限　　…; 导出时间：… then 序号：1) */
    if (label_gap(cps, n) || any_label(cps, n)) {
        int32_t pcps[MAX_HEAD];
        size_t m = 0;

        for (i = 0; i < prev_len && m < MAX_HEAD;) {
            size_t len;

            pcps[m++] = cp_at(prev, prev_len, i, &len);
            i += len;
        }
        if (label_gap(pcps, m) || any_label(pcps, m))
            return false;
    }
    return true;
}

static bool ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool fg_unwrap_blank_between(const char *prev, size_t prev_len, const char *next,
                             size_t next_len)
{
    return prev_len > 0 && next_len > 0 && ascii_alnum(prev[prev_len - 1]) &&
           ascii_alnum(next[0]) && !(prev[prev_len - 1] >= '0' && prev[prev_len - 1] <= '9' &&
                                     next[0] >= '0' && next[0] <= '9');
}

/* Whether the code point ends a piece of a unit list: 、，；：,;: a blank or a bracket. */
static bool ends_piece(int32_t cp)
{
    return cp == 0x3001 || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A || cp == ',' ||
           cp == ';' || cp == ':' || is_blank(cp) || cp == 0xFF08 || cp == 0xFF09 || cp == '(' ||
           cp == ')' || cp == 0x3002;
}

/*
 * Whether s[0..n) is a whole unit's name: it opens with a level (省 市 县 区 州 盟 旗 镇 乡,
 * 各, 中共, 国家) and looks like a unit (fg_clause__looks_like_unit(): 省公安厅), 3
 * ideographs or more. A name's part does not open so (保厅, 监管局, 交通警察大队, 会保障局),
 * though it may end as a unit does (省人力社, 各街道办). after: the piece comes after a
 * unit, whose parts 各 may name (省人民政府|各部门): not a level then.
 */
static bool unit_piece(const char *s, size_t n, bool after)
{
    static const char *const levels[] = {"省", "市", "县", "区", "州", "盟", "旗",
                                         "镇", "乡", "各", "中共", "国家"};
    size_t n_ideo = 0, len;
    bool level = false;

    for (size_t k = 0; k < sizeof levels / sizeof *levels && !level; k++)
        level = n > strlen(levels[k]) && memcmp(s, levels[k], strlen(levels[k])) == 0 &&
                !(after && strcmp(levels[k], "各") == 0);
    if (!level)
        return false;
    for (size_t i = 0; i < n; i += len)
        n_ideo += is_ideo(cp_at(s, n, i, &len));
    return n_ideo >= 3 && fg_clause__looks_like_unit(fg_sv(s, n));
}

bool fg_unwrap_units_between(const char *prev, size_t prev_len, const char *next,
                             size_t next_len)
{
    size_t a = prev_len, e = 0, len;

    while (a > 0) {
        size_t i = cp_before(prev, a);

        if (ends_piece(cp_at(prev, prev_len, i, &len)))
            break;
        a = i;
    }
    while (e < next_len && !ends_piece(cp_at(next, next_len, e, &len)))
        e += len;
    return unit_piece(prev + a, prev_len - a, false) && unit_piece(next, e, true);
}

/* ---- plain text ---- */

/* Closing punctuation that may hang past the right edge of a line (避头点). */
static bool hangs(int32_t cp)
{
    return cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A ||
           cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF09 || cp == 0x300B || cp == 0x201D ||
           cp == 0x2019 || cp == 0x300D || cp == 0x300F || cp == 0x3011;
}

/* The display columns of the code point at u[i] (not ASCII, not U+3000..U+9FFF), as
 * utf8proc_charwidth() says; its length in *len. */
static size_t slow_width(const unsigned char *u, size_t n, size_t i, size_t *len)
{
    int32_t cp = cp_at((const char *)u, n, i, len);
    int w = cp >= 0 ? utf8proc_charwidth(cp) : 1;

    return w > 0 ? (size_t)w : 0;
}

/*
 * The display columns of s[0..n) (a CJK character 2, as utf8proc_charwidth() says; a tab 1),
 * and in *body those without the closing punctuation that ends it (it may hang past the
 * width). ASCII (1), U+3000..U+9FFF (lead byte E3..E9: 2, as utf8proc says but for a few
 * rare code points such as U+303F), the full-width forms (2) and the dashes and quotes of
 * U+2010..U+2027 (1) are counted without decoding.
 */
static size_t columns(const char *s, size_t n, size_t *body)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t cols = 0, tail = 0;

    for (size_t i = 0; i < n;) {
        unsigned char b = u[i];
        size_t len;

#if defined(__SSE2__) && !defined(FG_NO_SIMD)
        /* 16 bytes of ASCII, continuation bytes and lead bytes E2..E9 and EF at once: ASCII
         * 1, E3..E9 and EF 2, E2 1 (U+2000..U+2FFF: dashes, quotes, ①; the rare wide ones,
         * CJK radicals U+2E80.. and a few emoji, and the rare narrow ones of U+F000..U+FFFF,
         * half-width forms and U+FFFD, counted as their neighbours), a continuation byte 0 (a
         * block may start or end inside a character) */
        if (n - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
            __m128i high = _mm_cmplt_epi8(v, _mm_setzero_si128()); /* bytes >= 0x80 */
            __m128i lead = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)0xC0)), v);
            __m128i e2 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2));
            __m128i ef = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF));
            __m128i cjk = _mm_and_si128(
                _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8((char)0xE9)), v),
                _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)0xE3)), v));
            __m128i wide = _mm_or_si128(cjk, ef);

            if (_mm_movemask_epi8(lead) == _mm_movemask_epi8(_mm_or_si128(wide, e2))) {
                /* each byte's columns (0, 1 or 2), summed by _mm_sad_epu8 */
                __m128i one = _mm_set1_epi8(1);
                __m128i w = _mm_add_epi8(_mm_andnot_si128(high, one),
                                         _mm_add_epi8(_mm_and_si128(wide, _mm_set1_epi8(2)),
                                                      _mm_and_si128(e2, one)));
                __m128i sum = _mm_sad_epu8(w, _mm_setzero_si128());

                cols += (size_t)_mm_cvtsi128_si32(sum) +
                        (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
                i += 16;
                continue;
            }
        }
#endif
        if (b >= 0x80 && b < 0xC0) {
            i++; /* a continuation byte after a block: its character was counted */
        } else if (b < 0x80) {
            cols++;
            i++;
        } else if ((b >= 0xE3 && b <= 0xE9) ||
                   (b == 0xEF && i + 2 < n &&
                    ((u[i + 1] == 0xBC && u[i + 2] >= 0x81) ||
                     (u[i + 1] == 0xBD && u[i + 2] <= 0xA0)))) {
            cols += 2; /* and U+FF01..U+FF60, the full-width forms ，（）：； */
            i += 3;
        } else if (b == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] >= 0x90 &&
                   u[i + 2] <= 0xA7) {
            cols++; /* U+2010..U+2027: dashes, quotes “ ”, … */
            i += 3;
        } else {
            cols += slow_width(u, n, i, &len);
            i += len;
        }
    }
    /* the closing punctuation at the end */
    for (size_t e = n; e > 0;) {
        size_t i = cp_before(s, e), len;
        int32_t cp = cp_at(s, n, i, &len);

        if (!hangs(cp))
            break;
        tail += cp == 0x201D || cp == 0x2019 ? 1 : 2; /* ” ’ are 1 column, the others 2 */
        e = i;
    }
    *body = cols - (tail < cols ? tail : cols);
    return cols;
}

/* The end of s[a..e) without its trailing blanks (ASCII blanks, \r, U+3000). */
static size_t trim_end(const char *s, size_t a, size_t e)
{
    while (e > a) {
        if (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')
            e--;
        else if (e - a >= 3 && memcmp(s + e - 3, "\u3000", 3) == 0)
            e -= 3;
        else
            break;
    }
    return e;
}

#define LN 5 /* values per line in fg_unwrap_text() */

/* Whether a line (its LN values) reaches width w: W - 1 columns or more, none past it but
 * closing punctuation; when each line is a paragraph, with or without its indent (the
 * first line of a paragraph copied out of a PDF is indented by blanks, as wide as the rest;
 * a line pasted into a page may be given an indent of its own). */
static bool full(const size_t *l, size_t w)
{
    return (l[0] + 1 >= w && l[1] <= w) || (l[3] + 1 >= w && l[4] <= w);
}

/* The start of s[a..e) without its leading blanks (ASCII blanks, U+3000). */
static size_t trim_start(const char *s, size_t a, size_t e)
{
    while (a < e) {
        if (s[a] == ' ' || s[a] == '\t')
            a++;
        else if (e - a >= 3 && memcmp(s + a, "\u3000", 3) == 0)
            a += 3;
        else
            break;
    }
    return a;
}

int fg_unwrap_text(fg_str *out, size_t **joins, size_t *n_joins, const char *s, size_t len,
                   const size_t *keep, size_t n_keep, bool paragraphs)
{
    /* per line (LN values): columns, its body's, its end, and with its indent (paragraphs) */
    size_t *hist = NULL, *ln = NULL;
    size_t n_lines = 0, cap = 0, n_text = 0, w = 0, n_full = 0, n_near = 0, n_over = 0;
    size_t cap_j = 0, k_keep = 0;
    int rc = FG_OK;

    *joins = NULL;
    *n_joins = 0;
    hist = calloc(MAX_COLS + 2, sizeof *hist);
    FG_CHECK_ALLOC(hist);
    /* each line's columns and its body's (MAX_COLS + 1 for a line too wide to be wrapped; 0
     * for a line kept, which is neither measured nor joined) */
    for (size_t i = 0; i <= len;) {
        const char *nl = i < len ? memchr(s + i, '\n', len - i) : NULL;
        size_t e = nl ? (size_t)(nl - s) : len, t = trim_end(s, i, e), body = 0, c = 0;
        size_t c_ind = 0, body_ind = 0;

        if (n_lines == cap) {
            size_t nc = cap ? 2 * cap : 256;
            size_t *p = realloc(ln, LN * nc * sizeof *p);

            FG_CHECK_ALLOC(p);
            ln = p;
            cap = nc;
        }
        while (k_keep < n_keep && keep[2 * k_keep + 1] <= i)
            k_keep++;
        if (k_keep < n_keep && keep[2 * k_keep] <= i) {
            c = body = 0;
        } else {
            size_t f = paragraphs ? trim_start(s, i, t) : i; /* a paragraph's indent aside */

            if (t - f <= 4 * MAX_COLS)
                c = columns(s + f, t - f, &body);
            if (t - f > 4 * MAX_COLS || c > MAX_COLS)
                c = body = MAX_COLS + 1;
            c_ind = c;
            body_ind = body;
            if (f > i && c <= MAX_COLS) {
                size_t b2;

                c_ind = c + columns(s + i, f - i, &b2); /* blanks: no hanging punctuation */
                body_ind = body + b2;
            }
        }
        ln[LN * n_lines] = c;
        ln[LN * n_lines + 1] = body;
        ln[LN * n_lines + 2] = e;
        ln[LN * n_lines + 3] = c_ind;
        ln[LN * n_lines + 4] = body_ind;
        n_lines++;
        if (c > 0) {
            n_text++;
            hist[body]++;
        }
        i = e + 1;
    }
    /* W: the widest body shared by 3 lines or more (W or W - 1) */
    for (w = MAX_COLS; w >= MIN_WRAP && hist[w] + hist[w - 1] < 3; w--)
        ;
    /* but W - 1 when no line is W: the lines fill W - 1 columns exactly (3 or more of them),
     * and a line one narrow character short of that is broken by the width too */
    if (w > MIN_WRAP && hist[w] == 0)
        w--;
    if (w < MIN_WRAP)
        goto out;
    for (size_t k = 0; k < n_lines; k++) {
        size_t c = ln[LN * k], body = ln[LN * k + 1];

        if (body > w)
            n_over++;
        else if (full(ln + LN * k, w))
            n_full++;
        else if (c + 9 >= w)
            n_near++;
    }
    /* many lines of W, fewer a little short of it, (almost) none wider */
    if (n_full <= n_near || n_over * 20 > n_full || n_full * 10 < n_text)
        goto out;
    /* from: where line k's text starts in out (after its indent when it goes on a paragraph
     * whose lines are paragraphs) */
    for (size_t k = 0, a = 0, from = 0; k < n_lines; k++) {
        size_t e = ln[LN * k + 2], t = trim_end(s, a, e);
        size_t b = e + 1, be = b, nb = b;
        size_t pa = paragraphs ? trim_start(s, a, t) : a;
        bool join = false;

        if (k + 1 < n_lines && full(ln + LN * k, w) &&
            memchr(s + a, '\t', t - a) == NULL) {
            be = trim_end(s, b, ln[LN * (k + 1) + 2]);
            /* one blank first: a blank that the break put at the start of the line; when
             * each line is a paragraph, any indent (a paragraph's, each line's alike) */
            if (paragraphs)
                nb = trim_start(s, b, be);
            else if (be - b >= 3 && memcmp(s + b, "\u3000", 3) == 0)
                nb = b + 3;
            else if (be > b && s[b] == ' ')
                nb = b + 1;
            join = be > nb && ln[LN * (k + 1)] > 0 && memchr(s + b, '\t', be - b) == NULL &&
                   fg_unwrap_joins(s + pa, t - pa, s + nb, be - nb, full(ln + LN * (k + 1), w));
        }
        if (join && *n_joins == 0)
            FG_TRY(fg_str_append(out, s, a)); /* the text before the first join */
        if (join || *n_joins > 0) {
            /* a blank before the break is kept */
            FG_TRY(fg_str_append(out, s + from, e - from));
            if (join) {
                if (*n_joins == cap_j) {
                    size_t nc = cap_j ? 2 * cap_j : 64;
                    size_t *p = realloc(*joins, nc * sizeof *p);

                    FG_CHECK_ALLOC(p);
                    *joins = p;
                    cap_j = nc;
                }
                (*joins)[(*n_joins)++] = out->len;
            } else if (e < len) {
                FG_TRY(fg_str_appendc(out, '\n'));
            }
        }
        from = join && paragraphs ? nb : b;
        a = b;
    }
out:
    if (rc < 0 || *n_joins == 0) {
        free(*joins);
        *joins = NULL;
        *n_joins = 0;
        out->len = 0;
        if (out->ptr)
            out->ptr[0] = '\0';
    }
    free(hist);
    free(ln);
    return rc;
}

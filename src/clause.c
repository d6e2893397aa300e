/*
 * Clauses: the text of one responsibility clause → (role, unit, kind) rows.
 *
 * A clause is scanned once for role markers: postfix markers name the role of the units
 * written before them (X牵头, Y按职责分工负责, Z配合), prefix labels the role of the units after
 * them (牵头单位：X；配合单位：Y), and 会同 makes the units before it lead. The text between
 * markers is a unit list, split on 、，, and on 和/及 only between two complete units, with a
 * shared suffix distributed (长沙、株洲市人民政府). Input is valid UTF-8; every scan is linear
 * and all work happens in one scratch copy of the clause.
 */
#include "clause.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
#include <emmintrin.h>
#endif

#include "chars.h"
#include "error.h"
#include "grow.h"
#include "fengong/deadline.h"
#include "lexicon_int.h"

static void ensure_sets(void);

/* ---- small UTF-8 helpers (input is valid UTF-8) ---- */

/* Byte length of the code point that ends at s.ptr + s.len (0 if empty). */
static size_t last_cp_len(fg_strview s)
{
    size_t i = s.len;

    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s.ptr[i] & 0xC0) == 0x80)
        i--;
    return s.len - i;
}

/*
 * The number of code points of s when it is at most cap, else cap + 1: the callers only
 * compare it with a bound. In valid UTF-8 that is the number of bytes that are not
 * continuation bytes (10xxxxxx), counted 8 at a time.
 */
static size_t count_cps_upto(fg_strview s, size_t cap)
{
    const uint64_t high = 0x8080808080808080u;
    size_t cont = 0;
    size_t i = 0;
    size_t n;

    /* No code point is longer than 4 bytes: a longer string is over the bound. */
    if (s.len > 4 * cap)
        return cap + 1;
    for (; i + 8 <= s.len; i += 8) {
        uint64_t x;

        memcpy(&x, s.ptr + i, 8);
        /* Bit 7 of each continuation byte (bit 7 set, bit 6 clear), summed by a multiply. */
        x = (x & ~(x << 1) & high) >> 7;
        cont += (size_t)((x * 0x0101010101010101u) >> 56);
    }
    for (; i < s.len; i++)
        cont += ((unsigned char)s.ptr[i] & 0xC0) == 0x80;
    n = s.len - cont;
    return n <= cap ? n : cap + 1;
}

/*
 * Whether the character at s[p] is one that normalise() does not copy as it is: any ASCII
 * character, the brackets （）, the blanks U+3000 and U+00A0, or ｜ (a separator).
 */
static bool special_at(const char *s, size_t len, size_t p)
{
    fg_strview t = fg_sv(s, len);

    return (unsigned char)s[p] < 0x80 || fg_sv_at(t, p, "（", 3) || fg_sv_at(t, p, "）", 3) ||
           fg_sv_at(t, p, "\u3000", 3) || fg_sv_at(t, p, "\u00a0", 2) || fg_sv_at(t, p, "｜", 3);
}

#if defined(__SSE2__) && !defined(FG_NO_SIMD)
static inline __m128i set8(unsigned char c)
{
    return _mm_set1_epi8((char)c);
}

/* All ones in the bytes of v that are c. */
static inline __m128i eq8(__m128i v, unsigned char c)
{
    return _mm_cmpeq_epi8(v, set8(c));
}
#endif

/*
 * The first index >= i of s[0..len) where a special_at() character starts, or len. Such a
 * character starts with an ASCII byte or the lead byte EF, E3 or C2, which in valid UTF-8
 * never occur inside another character. Those lead bytes are common (、，start with them),
 * the pairs of lead and last byte of （）, U+3000, U+00A0 and ｜ are not: with SSE2, 16 places at
 * a time are tested for ASCII or those pairs, so a run of names and separators is found in
 * one call and only the rare candidates are looked at.
 */
static size_t plain_run_end(const char *s, size_t len, size_t i)
{
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    for (; i + 18 <= len; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i x1 = _mm_loadu_si128((const __m128i *)(s + i + 1));
        __m128i x2 = _mm_loadu_si128((const __m128i *)(s + i + 2));
        /* （ EF BC 88 and ） EF BC 89 (the last byte less its low bit is 88), U+3000 E3 80 80. */
        __m128i bracket = _mm_and_si128(eq8(x, 0xEF), eq8(_mm_and_si128(x2, set8(0xFE)), 0x88));
        __m128i space = _mm_and_si128(eq8(x, 0xE3), eq8(x2, 0x80));
        __m128i nbsp = _mm_and_si128(eq8(x, 0xC2), eq8(x1, 0xA0)); /* U+00A0 C2 A0 */
        /* ｜ EF BD 9C */
        __m128i bar = _mm_and_si128(_mm_and_si128(eq8(x, 0xEF), eq8(x1, 0xBD)), eq8(x2, 0x9C));
        __m128i pairs = _mm_or_si128(_mm_or_si128(bracket, bar), _mm_or_si128(space, nbsp));
        /* The top bit is clear in an ASCII byte. */
        unsigned m = ((unsigned)_mm_movemask_epi8(x) ^ 0xFFFFu) |
                     (unsigned)_mm_movemask_epi8(pairs);

        for (; m != 0; m &= m - 1) {
            size_t p = i + (size_t)__builtin_ctz(m);

            if (special_at(s, len, p))
                return p;
        }
    }
#endif
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if ((c < 0x80 || c == 0xEF || c == 0xE3 || c == 0xC2) && special_at(s, len, i))
            break;
    }
    return i;
}

/*
 * The first index >= i of s[0..len) that holds byte a or byte b, or len. The separators
 * the parser splits on start with E3 (、。《) or EF (，；) and the quote “ with E2: lead
 * bytes, never inside another character, so in valid UTF-8 a search for the byte finds
 * the places that stepping through the characters would.
 */
static size_t find_byte2(const char *s, size_t len, size_t i, unsigned char a, unsigned char b)
{
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    const __m128i va = _mm_set1_epi8((char)a);
    const __m128i vb = _mm_set1_epi8((char)b);

    for (; i + 16 <= len; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));

        if (m != 0)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c == a || c == b)
            break;
    }
    return i;
}

/*
 * The first index >= i (a character boundary) of s where a character of set starts, or
 * s.len. The characters of a set are 3 bytes long, and so are nearly all of the text:
 * those are stepped over without working out each one's length.
 */
static inline size_t next_in_set(fg_strview s, size_t i, const fg_cjkset *set)
{
    while (i + 3 <= s.len) {
        unsigned char c = (unsigned char)s.ptr[i];

        if ((c & 0xF0) == 0xE0) {
            if (fg_cjkset_has(set, s.ptr + i))
                return i;
            i += 3;
        } else {
            i += fg_cp_len(c);
        }
    }
    return s.len;
}

/* fg_sv_at_str() for a string literal: the length is known at compile time. */
#define AT(s, i, lit) fg_sv_at((s), (i), (lit), sizeof(lit) - 1)

static bool ends_with_any(fg_strview s, const fg_lit *lits, size_t n_lits)
{
    for (size_t i = 0; i < n_lits; i++)
        if (fg_sv_ends_n(s, lits[i].s, lits[i].n))
            return true;
    return false;
}

static bool starts_with_any(fg_strview s, const fg_lit *lits, size_t n_lits)
{
    for (size_t i = 0; i < n_lits; i++)
        if (fg_sv_starts_n(s, lits[i].s, lits[i].n))
            return true;
    return false;
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- what a unit looks like ---- */

/* Whether the last 3 bytes of s are a character of set. */
static bool ends_with_char_in(fg_strview s, const fg_cjkset *set)
{
    return s.len >= 3 && fg_cjkset_has(set, s.ptr + s.len - 3);
}

/* Last characters of organisation names that are complete on their own. */
static const char unit_endings[] = "厅委局办部院会署司处行社联队所站心团府位门关台校馆协组室"
                                   "军盟企厂库港场报险园区学科股镇乡村";

/* Last characters of a place that still needs its government suffix (岳阳市 + 人民政府). */
static const char level_endings[] = "市州县区旗盟";

/* Suffixes a list of places may share. */
static const fg_lit gov_suffixes[] = {FG_LIT("人民政府"), FG_LIT("政府"), FG_LIT("管委会"),
                                      FG_LIT("党委")};

/*
 * Endings that never end a place name, for telling a bare place (长沙, 天心, 厦门) from a
 * unit: single characters common in place names (心, 门, 关, 台 …) need a longer ending.
 */
static const char strong_chars[] = "厅委局办部院会署司处行社联队所府位校组室协学科股馆";
/* strong_chars and the last characters of strong_multi[] below. */
static const char strong_lasts[] = "厅委局办部院会署司处行社联队所府位校组室协学心团关台站门科股馆庭";
/*
 * 法庭, 审判庭: a court's divisions (城关人民法庭, 县人民法院家事审判庭); 家庭 is no unit. The
 * stations of a service (气象站, 水文站, 畜牧站, 管护站 …): a place's 站 (长沙站) is none.
 */
static const fg_lit strong_multi[] = {
    FG_LIT("中心"),   FG_LIT("集团"),   FG_LIT("公司"),   FG_LIT("海关"),   FG_LIT("电视台"),
    FG_LIT("总站"),   FG_LIT("部门"),   FG_LIT("单位"),   FG_LIT("机关"),   FG_LIT("政府"),
    FG_LIT("法庭"),   FG_LIT("审判庭"), FG_LIT("气象站"), FG_LIT("水文站"), FG_LIT("工作站"),
    FG_LIT("服务站"), FG_LIT("监测站"), FG_LIT("检测站"), FG_LIT("检查站"), FG_LIT("管理站"),
    FG_LIT("推广站"), FG_LIT("农技站"), FG_LIT("农机站"), FG_LIT("文化站"), FG_LIT("林业站"),
    FG_LIT("畜牧站"), FG_LIT("兽医站"), FG_LIT("防疫站"), FG_LIT("救助站"), FG_LIT("管护站"),
    FG_LIT("保护站"), FG_LIT("供电站"), FG_LIT("水利站"), FG_LIT("养护站")};

/* First characters of the role markers (see markers[] below; 保 服 召 办 of support_marker,
 * convene_marker and handle_marker; 业 技 of 业务指导 技术指导). */
static const char marker_firsts[] = "牵负为主协按依根分共配参会责完时抓组落支实其总各统具督指双归领承联属商履挂保服召办业技";

/* First characters of the words is_time_phrase() looks for. */
static const char time_firsts[] = "年月前长持季";
/* First characters of the heads and last characters of the tails strip_element() removes. */
static const char head_firsts[] = "以及与由请并具主统分其";
static const char tail_lasts[] = "门位等别同自体头切极要力真求则定署强长导志人限序内合";
/* The first characters of an object (对) and of the verbs of verb_tail(). */
static const char verb_firsts[] = "对做抓给提强支加";
/* Second characters of the phrases fg_clause__kind() looks for anywhere in a name. */
static const char kind_seconds[] = "员关有直";
/* First characters of the words push_element() splits on. */
static const char join_firsts[] = "以和及与";
/* The one-character level words of fg_clause__kind() (省 市 …; 街道 aside). */
static const char level_chars[] = "省市州县区乡镇级直各";

/* The character lists above as bitmaps, built once (ensure_sets()). */
static struct {
    fg_cjkset unit_endings;
    fg_cjkset level_endings;
    fg_cjkset strong_chars;
    fg_cjkset strong_lasts;
    fg_cjkset marker_firsts;
    fg_cjkset time_firsts;
    fg_cjkset head_firsts;
    fg_cjkset tail_lasts;
    fg_cjkset verb_firsts;
    fg_cjkset kind_seconds;
    fg_cjkset join_firsts;
    fg_cjkset level_chars;
    fg_cjkset note_firsts; /* 以上下其此该本: see is_note_phrase() */
    fg_cjkset narrative_firsts; /* 加强推完健建深促提优注关: see starts_like_narrative() */
    fg_cjkset level_lasts; /* the last characters of level elements: see level_element() */
    fg_cjkset level_firsts; /* the first characters of admin_levels[]: see level_prefix() */
    fg_charscan markers_seps; /* marker_firsts and ，；。：: see next_marker_candidate() */
    fg_charscan role_firsts;  /* 牵负：单部主抓统为归领按挂会召承办: fg_clause__has_role_word() */
    fg_charscan rare;         /* 第首【〔：★☆＊▲△: declarations and labels */
} sets;

static bool strong_ending(fg_strview s)
{
    /* Every strong ending ends with a character of strong_lasts: most names are let go here. */
    if (!ends_with_char_in(s, &sets.strong_lasts))
        return false;
    return ends_with_char_in(s, &sets.strong_chars) ||
           ends_with_any(s, strong_multi, N_OF(strong_multi));
}

static bool ends_like_unit(fg_strview s)
{
    return ends_with_char_in(s, &sets.unit_endings);
}

static bool ends_like_level(fg_strview s)
{
    return ends_with_char_in(s, &sets.level_endings);
}

/*
 * Whether name starts with a verb that opens a task's wording or with 关于, or holds 责成, as no
 * unit's name does (强化部门协同, 加强部门配合, 关于农贸市场改造会议责成X): tried on the units of a
 * sentence outside brackets (strict mode) only, where a heading's words may stand before a
 * role word.
 */
static bool starts_like_narrative(fg_strview name)
{
    static const fg_lit verbs[] = {FG_LIT("加强"), FG_LIT("强化"), FG_LIT("推进"), FG_LIT("推动"),
                                   FG_LIT("完善"), FG_LIT("健全"), FG_LIT("建立"), FG_LIT("深化"),
                                   FG_LIT("促进"), FG_LIT("提升"), FG_LIT("优化"), FG_LIT("注重"),
                                   FG_LIT("关于")};

    /* 关于…会议责成X: a heading run into a meeting's charge (see skip_subject()). */
    return (name.len >= 3 && fg_cjkset_has(&sets.narrative_firsts, name.ptr) &&
            starts_with_any(name, verbs, N_OF(verbs))) ||
           (name.len > 12 && fg_sv_contains(name, "责成"));
}

/*
 * The close bracket of a square bracket that opens at s[i] (〔 → 〕, ［ → ］), or NULL. A name
 * may carry its other name or its parts in them as in （）: 省委宣传部〔省新闻出版局〕,
 * 各县〔市、区〕人民政府.
 */
static const char *square_close(fg_strview s, size_t i)
{
    return AT(s, i, "〔") ? "〕" : AT(s, i, "［") ? "］" : NULL;
}

/*
 * Whether the square bracket at name[i] is a bracket of the name: it follows an ideograph
 * and closes later in name with no other square bracket opened before (各县〔市、区〕人民政府;
 * a 〔2023〕 number has digits, which no name holds anyway).
 */
static bool square_in_name(fg_strview name, size_t i)
{
    const char *close = square_close(name, i);
    unsigned char before;

    if (close == NULL || i < 3)
        return false;
    before = (unsigned char)name.ptr[i - 3];
    if (before < 0xE4 || before > 0xE9)
        return false;
    for (size_t j = i + 3; j + 3 <= name.len; j += fg_cp_len((unsigned char)name.ptr[j])) {
        if (fg_sv_at(name, j, close, 3))
            return j > i + 3;
        if (square_close(name, j) != NULL)
            return false;
    }
    return false;
}

/*
 * name without the bracket that ends it, when something stands before the bracket and the
 * bracket holds 1 to max_inside code points (brackets nested in it count with their text);
 * else name. An other name in brackets (市委宣传部（市新闻出版局）, 学生工作部（处）:
 * name_bracket() keeps such a bracket with its name) takes any length; a short bracket of a
 * name's part (各乡镇（街道）, 各村（社区）: 1 to 4 characters, kept by bracket rule 7) is
 * bounded, so that its name's ending can be told.
 */
static fg_strview before_final_bracket(fg_strview name, size_t max_inside)
{
    size_t depth = 0;
    size_t inside = 0;
    const char *square = fg_sv_ends(name, "〕") ? "〔" : fg_sv_ends(name, "］") ? "［" : NULL;

    if (square != NULL) {
        /* 省委宣传部〔省新闻出版局〕: square brackets do not nest. */
        for (size_t i = name.len - 3; i > 0;) {
            i = fg_cp_start_before(name.ptr, i);
            if (fg_sv_at(name, i, square, 3))
                return i > 0 && inside > 0 ? fg_sv(name.ptr, i) : name;
            if (++inside > max_inside)
                return name;
        }
        return name;
    }
    if (!fg_sv_ends(name, "）") && !(name.len > 0 && name.ptr[name.len - 1] == ')'))
        return name;
    for (size_t i = name.len; i > 0;) {
        i = fg_cp_start_before(name.ptr, i);
        if (AT(name, i, "）") || name.ptr[i] == ')') {
            inside += depth > 0;
            depth++;
        } else if ((AT(name, i, "（") || name.ptr[i] == '(') && --depth == 0) {
            return i > 0 && inside > 0 ? fg_sv(name.ptr, i) : name;
        } else if (++inside > max_inside) {
            return name;
        }
    }
    return name;
}

/*
 * Whether name starts with the word of an ordinal point (一是 … 十是, 十一是, 其一 … 其十,
 * 首先, 其次): a point of a task's text (二是开设帮扶馆，由X牵头), never a unit's name.
 */
static bool starts_with_point_word(fg_strview name)
{
    static const char numerals[] = "一二三四五六七八九十";
    size_t start = AT(name, 0, "其") ? 3 : 0;
    size_t i = start;

    if (AT(name, 0, "首先") || AT(name, 0, "其次"))
        return true;
    /* One or two numerals. */
    while (i + 3 <= name.len && i < start + 2 * 3) {
        size_t k = 0;

        while (k + 3 < sizeof numerals && memcmp(numerals + k, name.ptr + i, 3) != 0)
            k += 3;
        if (k + 3 >= sizeof numerals)
            break;
        i += 3;
    }
    if (i == start)
        return false;
    return start > 0 || AT(name, i, "是");
}

/*
 * Whether name ends with a level of a region's own that ends no other word: the 苏木 and
 * 嘎查 of Inner Mongolia (its 乡 and 村: 各苏木, 各嘎查), and the Corps' 师 after an ordinal or
 * 各 (第一师, 第十四师, 各师; 师 alone ends a profession's name, 教师 律师).
 */
static bool region_level_end(fg_strview name)
{
    static const char numerals[] = "一二三四五六七八九十";
    size_t shi = name.len - 3; /* where 师 starts */

    if (name.len < 6)
        return false;
    if (fg_sv_ends(name, "苏木") || fg_sv_ends(name, "嘎查"))
        return true;
    if (memcmp(name.ptr + shi, "师", 3) != 0)
        return false;
    if (AT(name, 0, "各"))
        return shi == 3;
    if (!AT(name, 0, "第") || shi == 3)
        return false;
    for (size_t i = 3; i < shi; i += 3) {
        size_t k = 0;

        while (k < sizeof numerals - 1 && memcmp(numerals + k, name.ptr + i, 3) != 0)
            k += 3;
        if (k >= sizeof numerals - 1)
            return false;
    }
    return true;
}

/*
 * Whether name, its other name in brackets aside, ends as a unit's or a place's name does
 * (…局, …市, 各地, 各级, …街道, 各苏木, 第一师: region_level_end()).
 */
static bool ends_like_name(fg_strview name)
{
    name = before_final_bracket(name, SIZE_MAX);
    return ends_like_unit(name) || ends_like_level(name) || fg_sv_ends(name, "各地") ||
           fg_sv_ends(name, "各级") || fg_sv_ends(name, "街道") || fg_sv_ends(name, "法庭") ||
           fg_sv_ends(name, "审判庭") || region_level_end(name);
}

/*
 * Whether name has a name's shape, whatever it ends with: 2 to 40 code points, no narrative
 * (的 “ 《 。 ， —, a digit, 由) and no ordinal point's word first.
 */
static bool name_shaped(fg_strview name)
{
    size_t you = SIZE_MAX; /* the first 由 */

    /*
     * 2 to 40 code points. A code point takes 1 to 4 bytes, so 8 to 40 bytes always make
     * that many: most names need not be counted.
     */
    if (name.len < 8 || name.len > 40) {
        size_t n = count_cps_upto(name, 40);

        if (n < 2 || n > 40)
            return false;
    }
    /*
     * Narrative, not a name: 的 “ 《 。 ， — and 〔 ［ that open no bracket of the name
     * (square_in_name()), a digit (附件2所列…) or 由 inside (…任务由各地), 自由 aside. One pass
     * over the bytes looks for all of them.
     */
    for (size_t i = 0; i < name.len; i++) {
        unsigned char c = (unsigned char)name.ptr[i];

        if (c >= '0' && c <= '9')
            return false;
        /* By lead byte: 的 and 由 start with E7, “ with E2, 《 and 。 with E3, ， with EF. */
        switch (c) {
        case 0xE7:
            if (AT(name, i, "的"))
                return false;
            if (you == SIZE_MAX && AT(name, i, "由"))
                you = i;
            break;
        case 0xE2:
        case 0xE3:
        case 0xEF:
            if (AT(name, i, "“") || AT(name, i, "《") || AT(name, i, "。") || AT(name, i, "，") ||
                AT(name, i, "—") ||
                ((AT(name, i, "〔") || AT(name, i, "［")) && !square_in_name(name, i)))
                return false;
            break;
        default:
            break;
        }
    }
    if (you != SIZE_MAX && !(you >= 3 && fg_sv_at(name, you - 3, "自", 3)))
        return false;
    return !starts_with_point_word(name);
}

/* fg_clause__looks_like_unit() once the sets are built. */
static bool looks_like_unit(fg_strview name)
{
    return name_shaped(name) && ends_like_name(name);
}

/* Complete on its own: an organisation ending that is not a bare place (市, 州, …). */
static bool complete_unit(fg_strview s)
{
    return count_cps_upto(s, 2) >= 2 && ends_like_unit(s) &&
           !(ends_like_level(s) && !fg_sv_ends(s, "新区"));
}

/*
 * Whether a generic name (各…, 有关…, 相关…, 其他…) ends as a name does, like a unit or a
 * place, or in a noun of units (各医疗机构, 有关方面, 相关企业), not in what they do
 * (有关部门另行明确, 有关诉求交市信访局办理).
 */
static bool generic_ends(fg_strview name)
{
    static const fg_lit nouns[] = {FG_LIT("机构"), FG_LIT("方面"), FG_LIT("企业"),
                                   FG_LIT("组织"), FG_LIT("主体")};

    return ends_like_name(name) ||
           ends_with_any(before_final_bracket(name, SIZE_MAX), nouns, N_OF(nouns));
}

/* fg_clause__kind() once the sets are built. */
static fg_kind unit_kind(fg_strview name)
{
    static const fg_lit generic_starts[] = {FG_LIT("各"), FG_LIT("有关"), FG_LIT("相关"),
                                            FG_LIT("其他"), FG_LIT("其它")};
    fg_strview rest = name;
    bool generic = false;

    /*
     * 成员单位 anywhere makes a group; else a generic phrase anywhere makes it generic. One
     * pass finds the second characters of the phrases (员 关 有 直, far rarer in names than
     * the first ones, 省 市 …) and tries the phrases that start one character before. A
     * phrase starts with a lead byte, so a match is at a character boundary.
     */
    for (size_t j = 0; (j = next_in_set(name, j, &sets.kind_seconds)) < name.len; j += 3) {
        size_t i = j - 3;

        if (j < 3)
            continue;
        if (AT(name, i, "成员单位"))
            return FG_KIND_GROUP;
        generic = generic || AT(name, i, "有关部门") || AT(name, i, "有关单位") ||
                  AT(name, i, "相关部门") || AT(name, i, "相关单位") || AT(name, i, "各有关") ||
                  AT(name, i, "省直各") || AT(name, i, "市直各");
    }
    if (generic || starts_with_any(name, generic_starts, N_OF(generic_starts)))
        return FG_KIND_GENERIC;
    /*
     * Level words alone before a government suffix: 市人民政府, 市州人民政府, 县市区政府.
     * The words are the characters of level_chars and 街道 (no other word starts with 街).
     */
    for (;;) {
        if (rest.len >= 3 && fg_cjkset_has(&sets.level_chars, rest.ptr))
            rest = fg_sv(rest.ptr + 3, rest.len - 3);
        else if (fg_sv_starts(rest, "街道"))
            rest = fg_sv(rest.ptr + 6, rest.len - 6);
        else
            break;
    }
    if (rest.len < name.len &&
        (fg_sv_eq(rest, fg_sv_cstr("人民政府")) || fg_sv_eq(rest, fg_sv_cstr("政府")) ||
         fg_sv_eq(rest, fg_sv_cstr("部门")) || fg_sv_eq(rest, fg_sv_cstr("单位"))))
        return FG_KIND_GENERIC;
    return FG_KIND_AGENCY;
}

fg_kind fg_clause__kind(fg_strview name)
{
    ensure_sets();
    return unit_kind(name);
}

bool fg_clause__looks_like_unit(fg_strview name)
{
    ensure_sets();
    return looks_like_unit(name);
}

bool fg_clause__looks_like_body(fg_strview name)
{
    ensure_sets();
    return name_shaped(name) && generic_ends(name);
}

bool fg_clause__starts_like_task(fg_strview cell)
{
    /* 组织 (组织部), 创建 (创建办) and 发展 (发展改革委) start units' names: not here. */
    static const fg_lit verbs[] = {
        FG_LIT("加强"), FG_LIT("强化"), FG_LIT("推进"), FG_LIT("推动"), FG_LIT("完善"),
        FG_LIT("健全"), FG_LIT("建立"), FG_LIT("深化"), FG_LIT("促进"), FG_LIT("提升"),
        FG_LIT("优化"), FG_LIT("建设"), FG_LIT("开展"), FG_LIT("实施"), FG_LIT("打造"),
        FG_LIT("构建"), FG_LIT("搭建"), FG_LIT("新建"), FG_LIT("改造"), FG_LIT("升级"),
        FG_LIT("整合"), FG_LIT("编制"), FG_LIT("制定"), FG_LIT("推广"), FG_LIT("实行")};

    /* 建设银行…: a bank's name. */
    return starts_with_any(cell, verbs, N_OF(verbs)) && !fg_sv_contains(cell, "银行");
}

static size_t unit_list_prefix(fg_strview s);

bool fg_clause__same_as_above(fg_strview name)
{
    return fg_sv_eq(name, fg_sv("同上", 6));
}

size_t fg_clause__unit_list_prefix(fg_strview s)
{
    ensure_sets();
    return unit_list_prefix(s);
}

/* ---- unit lists ---- */

void fg_units_clear(fg_units *u)
{
    u->n = 0;
    fg_str_clear(&u->names);
}

int fg_units_reserve(fg_units *u, size_t n_units, size_t name_len)
{
    if (n_units > (SIZE_MAX / sizeof *u->v) - u->n)
        return fg_error_set(FG_ENOMEM, "out of memory");
    if (u->n + n_units > u->cap) {
        if (FG_RESIZE(u->v, u->n + n_units) < 0)
            return FG_ENOMEM;
        u->cap = u->n + n_units;
        fg_mem_huge(u->v, u->cap * sizeof *u->v);
    }
    return fg_str_reserve(&u->names, name_len);
}

void fg_units_dispose(fg_units *u)
{
    if (u == NULL)
        return;
    free(u->v);
    fg_str_dispose(&u->names);
    fg_str_dispose(&u->scratch);
    memset(u, 0, sizeof *u);
}

/*
 * A deadline written where units are expected: 2025年底前完成, 长期坚持, 持续推进 (one of
 * 年底 月底 年内 前完成 长期坚持 持续推进 年前 季度, or a digit with 年 or 月). One pass.
 */
static bool is_time_phrase(fg_strview e)
{
    bool digit = false;
    bool has_year = false;
    bool has_month = false;

    for (size_t i = 0; i < e.len;) {
        unsigned char c = (unsigned char)e.ptr[i];

        /* Nearly every character is 3 bytes: stepped over without working out the length. */
        if ((c & 0xF0) != 0xE0) {
            digit = digit || (c >= '0' && c <= '9');
            i += fg_cp_len(c);
            continue;
        }
        if (i + 3 <= e.len && fg_cjkset_has(&sets.time_firsts, e.ptr + i)) {
            if (AT(e, i, "年")) {
                has_year = true;
                if (AT(e, i + 3, "底") || AT(e, i + 3, "内") || AT(e, i + 3, "前"))
                    return true;
            } else if (AT(e, i, "月")) {
                has_month = true;
                if (AT(e, i + 3, "底"))
                    return true;
            } else if (AT(e, i, "前完成") || AT(e, i, "长期坚持") || AT(e, i, "持续推进") ||
                       AT(e, i, "季度")) {
                return true;
            }
        }
        i += 3;
    }
    return digit && (has_year || has_month);
}

/*
 * Whether a[0..len) equals b[0..len). Names of one list mostly share their first bytes
 * (省…, 市…), so the last 8 bytes are compared first.
 */
static bool same_name(const char *a, const char *b, size_t len)
{
    if (len >= 8) {
        uint64_t x;
        uint64_t y;

        memcpy(&x, a + len - 8, 8);
        memcpy(&y, b + len - 8, 8);
        if (x != y)
            return false;
    }
    return memcmp(a, b, len) == 0;
}

/*
 * A hash of a unit's role and name (len bytes at s, len > 0): its length and its first and
 * last 8 bytes (names of one list mostly share their first characters) mixed by products.
 */
static uint64_t unit_key(fg_role role, const char *s, size_t len)
{
    uint64_t a = 0;
    uint64_t b = 0;

    if (len >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + len - 8, 8);
    } else {
        memcpy(&a, s, len);
    }
    return a * 0x9E3779B97F4A7C15u + b * 0xC2B2AE3D27D4EB4Fu + (uint64_t)len * 0x165667B1u +
           (uint64_t)role;
}

/*
 * Separators inside a bracket that is part of a name (各市（含定州、辛集市，下同）政府) stand as
 * these bytes while the clause is read, so that no list is split there; see normalise().
 */
enum { HIDDEN_DUN = 0x02, HIDDEN_COMMA = 0x03, HIDDEN_SEMI = 0x04 };

/* The byte that stands for the separator at s[k] (、，； or , ;) while hidden, or 0. */
static char hidden_sep(fg_strview s, size_t k)
{
    return AT(s, k, "、")                            ? HIDDEN_DUN
           : AT(s, k, "，") || (k < s.len && s.ptr[k] == ',') ? HIDDEN_COMMA
           : AT(s, k, "；") || (k < s.len && s.ptr[k] == ';') ? HIDDEN_SEMI
                                                             : 0;
}

/* Append part to names, with the separators hidden in brackets written back. */
static int append_name_part(fg_str *names, fg_strview part, bool hidden)
{
    size_t i = 0;
    int rc = FG_OK;

    if (part.len == 0)
        return FG_OK;
    /* Most clauses hide nothing (fg_units.hidden). */
    if (!hidden)
        return fg_str_append(names, part.ptr, part.len);
    for (size_t j = 0; j < part.len && rc == FG_OK; j++) {
        unsigned char c = (unsigned char)part.ptr[j];
        const char *w;

        if (c > HIDDEN_SEMI || c < HIDDEN_DUN)
            continue;
        w = c == HIDDEN_DUN ? "、" : c == HIDDEN_COMMA ? "，" : "；";
        rc = fg_str_append(names, part.ptr + i, j - i);
        if (rc == FG_OK)
            rc = fg_str_append(names, w, 3);
        i = j + 1;
    }
    if (rc == FG_OK)
        rc = fg_str_append(names, part.ptr + i, part.len - i);
    return rc;
}

/*
 * Append a unit named a + b (not empty) with the given role, unless the same role+name is
 * already there since first (looked for by unit_key(), then compared). kind is the unit's
 * kind when the caller knows it, else NULL.
 */
static int append_unit(fg_units *out, size_t first, fg_role role, fg_strview a, fg_strview b,
                       const fg_kind *kind)
{
    size_t off = out->names.len;
    size_t len;
    fg_strview name;
    uint64_t key;
    int rc;

    /* a, b and the NUL that ends the name. */
    rc = append_name_part(&out->names, a, out->hidden);
    if (rc == FG_OK)
        rc = append_name_part(&out->names, b, out->hidden);
    /* Room for the NUL after the name's own (fg_str_append() leaves one after len). */
    if (rc == FG_OK && out->names.cap - out->names.len < 2)
        rc = fg_str_reserve(&out->names, 1);
    if (rc < 0)
        return rc;
    len = out->names.len - off;
    name = fg_sv(out->names.ptr + off, len);
    key = unit_key(role, name.ptr, len);
    for (size_t i = first; i < out->n; i++) {
        if (out->v[i].key == key && out->v[i].role == role && out->v[i].len == len &&
            same_name(out->names.ptr + out->v[i].off, name.ptr, len)) {
            out->names.len = off;
            out->names.ptr[off] = '\0';
            out->n_repeats++;
            return FG_OK;
        }
    }
    if (FG_GROW(out->v, out->cap, out->n, 16) < 0)
        return FG_ENOMEM;
    out->v[out->n].role = role;
    out->v[out->n].kind = kind != NULL ? *kind : unit_kind(name);
    out->v[out->n].off = off;
    out->v[out->n].len = len;
    out->v[out->n].key = key;
    out->n++;
    out->names.len++;
    out->names.ptr[out->names.len] = '\0';
    return FG_OK;
}

/*
 * Whether e names persons, not a unit (包村领导, 驻村干部, 有关同志, 项目负责人): it ends with 领导,
 * 干部, 同志 or 负责人 and holds no unit's name before that (县政府分管领导 is post_tail()'s).
 */
static bool is_person_phrase(fg_strview e)
{
    static const fg_lit words[] = {FG_LIT("领导"), FG_LIT("干部"), FG_LIT("同志"),
                                   FG_LIT("负责人")};

    for (size_t k = 0; k < N_OF(words); k++)
        if (e.len > words[k].n && fg_sv_ends_n(e, words[k].s, words[k].n))
            return !strong_ending(fg_sv(e.ptr, e.len - words[k].n));
    return false;
}

/*
 * Append a unit made of a + b (b may be empty), unless it is a deadline, names persons or is
 * already there.
 */
static int push_unit(fg_units *out, size_t first, fg_role role, fg_strview a, fg_strview b)
{
    if (a.len + b.len == 0 || is_time_phrase(a) || (b.len == 0 && is_person_phrase(a)))
        return FG_OK;
    return append_unit(out, first, role, a, b, NULL);
}

/* The closers that end a list (A、B等部门): dropped from the end of an element. */
static const fg_lit closers[] = {FG_LIT("等有关部门"), FG_LIT("等相关部门"),
                                 FG_LIT("等有关单位"), FG_LIT("等相关单位"),
                                 FG_LIT("等部门"), FG_LIT("等单位"), FG_LIT("等")};

/* The tail of e that is one of tails[0..n), or 0. */
static size_t tail_len(fg_strview e, const fg_lit *tails, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fg_sv_ends_n(e, tails[i].s, tails[i].n) && e.len > tails[i].n)
            return tails[i].n;
    return 0;
}

/* The length of a counted closer ending e (市工信局等8个部门, 等12家单位), or 0. */
static size_t counted_closer(fg_strview e)
{
    static const fg_lit kinds[] = {FG_LIT("个部门"), FG_LIT("个单位"), FG_LIT("家单位"),
                                   FG_LIT("个部门和单位"), FG_LIT("个部门单位")};
    size_t k;
    size_t i;

    for (k = 0; k < N_OF(kinds); k++)
        if (e.len > kinds[k].n && fg_sv_ends_n(e, kinds[k].s, kinds[k].n))
            break;
    if (k == N_OF(kinds))
        return 0;
    i = e.len - kinds[k].n;
    /* the count: ASCII or full-width digits, or 一 … 九, 两, 十 */
    while (i > 0) {
        int32_t c = fg_cp_before(e.ptr, i);

        if (fg_digit_value(c) < 0 && fg_cn_digit_value(c) <= 0 && c != 0x5341 /* 十 */)
            break;
        i = fg_cp_start_before(e.ptr, i);
    }
    if (i == e.len - kinds[k].n || i < 3 || !AT(e, i - 3, "等"))
        return 0;
    return e.len - (i - 3);
}

/*
 * The length of a person's post ending e after a complete name (市政府分管副市长, 县政府主要负责
 * 同志, 市教育局分管领导, 县政府副县长王海同志): from 分管, 主要 or 副 to a final 长, 领导, 同志
 * or 负责人, at most 8 characters; the unit takes the clause's role, as in a team's lists.
 * Or 0.
 */
static size_t post_tail(fg_strview e)
{
    static const fg_lit starts[] = {FG_LIT("分管"), FG_LIT("主要"), FG_LIT("副")};

    if (!fg_sv_ends(e, "长") && !fg_sv_ends(e, "领导") && !fg_sv_ends(e, "同志") &&
        !fg_sv_ends(e, "负责人"))
        return 0;
    for (size_t i = 6; i + 6 < e.len; i += fg_cp_len((unsigned char)e.ptr[i]))
        for (size_t k = 0; k < N_OF(starts); k++)
            if (fg_sv_at(e, i, starts[k].s, starts[k].n) &&
                count_cps_upto(fg_sv(e.ptr + i, e.len - i), 9) <= 8 &&
                strong_ending(fg_sv(e.ptr, i)))
                return e.len - i;
    return 0;
}

/*
 * The length of a manner phrase ending e (X按照“管行业必须管安全”要求, X根据工作要求, X按照
 * “谁主管、谁负责”的原则, X按照干部管理权限): from 按照, 根据 or 按 to a final 要求, 原则,
 * 规定, 部署, 权限 or 程序; or of a scope (X在各自职责范围内, X在本行政区域内): from 在 to a
 * final 内; or of an object before the role word (X对本行政区域内的安全生产工作 负总责): from
 * 对 after a complete name, to an end that is no unit's (not 对外联络部); with a name before
 * it. Or 0.
 */
static size_t manner_tail(fg_strview e)
{
    static const fg_lit heads[] = {FG_LIT("按照"), FG_LIT("根据"), FG_LIT("按")};
    static const fg_lit ends[] = {FG_LIT("要求"), FG_LIT("原则"), FG_LIT("规定"),
                                  FG_LIT("部署"), FG_LIT("权限"), FG_LIT("程序")};
    bool manner = ends_with_any(e, ends, N_OF(ends));
    bool scope = fg_sv_ends(e, "内");

    for (size_t i = 3; i + 6 < e.len; i += fg_cp_len((unsigned char)e.ptr[i])) {
        if (manner)
            for (size_t h = 0; h < N_OF(heads); h++)
                if (fg_sv_at(e, i, heads[h].s, heads[h].n))
                    return e.len - i;
        if (scope && AT(e, i, "在"))
            return e.len - i;
        if (i >= 6 && AT(e, i, "对") && strong_ending(fg_sv(e.ptr, i)) &&
            !ends_like_unit(fg_sv(e.ptr + i + 3, e.len - i - 3)))
            return e.len - i;
    }
    return 0;
}

/* The verbs of verb_tail(). */
static const fg_lit doing_verbs[] = {FG_LIT("做好"), FG_LIT("抓好"), FG_LIT("给予"),
                                     FG_LIT("加强"), FG_LIT("提供"), FG_LIT("强化"),
                                     FG_LIT("支持")};

/* Whether a verb of doing (doing_verbs[]) starts e[i ..). */
static bool doing_verb_at(fg_strview e, size_t i)
{
    return fg_cjkset_has(&sets.verb_firsts, e.ptr + i) &&
           starts_with_any(fg_sv(e.ptr + i, e.len - i), doing_verbs, N_OF(doing_verbs));
}

static bool predicate_at(fg_strview e, size_t i);

/* e[0 .. end) after the separators and blanks it starts with (a marker's pending text). */
static fg_strview after_separators(fg_strview e, size_t end)
{
    size_t k = 0;

    while (k < end) {
        if (AT(e, k, "，") || AT(e, k, "；") || AT(e, k, "。") || AT(e, k, "、") ||
            AT(e, k, "　"))
            k += 3;
        else if (e.ptr[k] == ' ' || e.ptr[k] == ',' || e.ptr[k] == ';')
            k++;
        else
            break;
    }
    return fg_sv(e.ptr + k, end - k);
}

/*
 * The length of what a unit does ending e, after its complete name, when a role word follows
 * (县水利局做好技术 指导, 县卫生健康局加强业务 指导): from a verb of doing (做好 抓好 给予 加强
 * 提供 强化 支持; not 保障, a word of names: 社会保障, 医疗保障) to an end that is no unit's, at
 * most 10 characters; or from 为 or 向 (for, to) right after the name, when such a verb
 * follows within 20 characters and what it does is at most 10 (市科技局为产业发展提供技术 支持,
 * 市财政局向项目单位提供资金 保障: the unit is the subject, the rest its predicate; 对 is
 * manner_tail()'s). Or 0.
 */
static size_t verb_tail(fg_strview e)
{
    /*
     * Not when e ends like a unit (县技术支持中心), before a mark (\x01 after X（牵头）) or in a
     * name cut short (人力资源社会保障).
     */
    if (e.len == 0 || (unsigned char)e.ptr[e.len - 1] < 0x80 || ends_like_unit(e))
        return 0;
    for (size_t i = 6; i + 6 <= e.len; i += fg_cp_len((unsigned char)e.ptr[i])) {
        if (doing_verb_at(e, i) && count_cps_upto(fg_sv(e.ptr + i, e.len - i), 11) <= 10 &&
            strong_ending(fg_sv(e.ptr, i)))
            return e.len - i;
        if (strong_ending(fg_sv(e.ptr, i)) && predicate_at(e, i) &&
            looks_like_unit(after_separators(e, i)))
            return e.len - i;
    }
    return 0;
}

/*
 * Whether e[i ..) is what a unit does for or towards others, up to a role word: 为 or 向,
 * then within 20 characters a verb of doing whose phrase has at most 10 (为产业发展提供技术,
 * 向参展企业提供资金; see verb_tail()).
 */
static bool predicate_at(fg_strview e, size_t i)
{
    if (!(AT(e, i, "为") || AT(e, i, "向")) ||
        count_cps_upto(fg_sv(e.ptr + i, e.len - i), 21) > 20)
        return false;
    for (size_t j = i + 3; j + 6 <= e.len; j += fg_cp_len((unsigned char)e.ptr[j]))
        if (doing_verb_at(e, j) && count_cps_upto(fg_sv(e.ptr + j, e.len - j), 11) <= 10)
            return true;
    return false;
}

/* Whether e holds a character of verb_firsts (an object or a verb of verb_tail()). */
static bool has_verb_first(fg_strview e)
{
    for (size_t i = 0; i + 3 <= e.len; i += fg_cp_len((unsigned char)e.ptr[i]))
        if (fg_cjkset_has(&sets.verb_firsts, e.ptr + i))
            return true;
    return false;
}

static fg_strview strip_element(fg_strview e)
{
    /*
     * 具体由X负责, 分别由X牵头: an adverb before 由 goes with it. 和 is no head: a name may
     * start with it (和平区, 和田地区), and 和 between two names is split_point()'s.
     */
    static const fg_lit heads[] = {FG_LIT("具体由"), FG_LIT("主要由"), FG_LIT("统一由"),
                                   FG_LIT("分别由"), FG_LIT("以及"), FG_LIT("及"),
                                   FG_LIT("与"), FG_LIT("由"), FG_LIT("请"), FG_LIT("并")};
    /* Besides the closers: 分别, 共同 … before the role word. */
    static const fg_lit adverbs[] = {FG_LIT("分别"), FG_LIT("共同"), FG_LIT("联合"), FG_LIT("各自"),
                                     FG_LIT("具体"), FG_LIT("分头"), FG_LIT("密切"),
                                     FG_LIT("积极"), FG_LIT("主要"), FG_LIT("全力"),
                                     FG_LIT("大力"), FG_LIT("认真"), FG_LIT("加强"),
                                     FG_LIT("要")};
    bool again = true;

    /*
     * Nothing to strip unless e starts with a head's first or ends with a tail's last
     * character, or ends like no unit and holds an object or a verb (对, 做好: manner_tail(),
     * verb_tail()).
     */
    if (e.len < 3 || (!fg_cjkset_has(&sets.head_firsts, e.ptr) &&
                      !fg_cjkset_has(&sets.tail_lasts, e.ptr + e.len - 3) &&
                      (ends_like_unit(e) || !has_verb_first(e))))
        return e;
    while (again && e.len > 0) {
        again = false;
        for (size_t i = 0; i < N_OF(heads); i++) {
            size_t n = heads[i].n;

            if (fg_sv_starts_n(e, heads[i].s, n) && e.len > n) {
                e = fg_sv(e.ptr + n, e.len - n);
                again = true;
            }
        }
        /*
         * 其中X为牵头单位 after a label's list: 其中 (of them) before a unit's name. Before
         * anything else it opens a note (其中省级财政补助…: is_note_phrase()).
         */
        if (e.len > 12 && AT(e, 0, "其中") && strong_ending(fg_sv(e.ptr + 6, e.len - 6)) &&
            looks_like_unit(fg_sv(e.ptr + 6, e.len - 6))) {
            e = fg_sv(e.ptr + 6, e.len - 6);
            again = true;
        }
        /* 以X为主: 以 before a level word (以市市场监管局为主, 以国家发展改革委为主). */
        if (e.len > 6 && AT(e, 0, "以") &&
            (fg_cjkset_has(&sets.level_chars, e.ptr + 3) || AT(e, 3, "国"))) {
            e = fg_sv(e.ptr + 3, e.len - 3);
            again = true;
        }
        {
            /* The closers first, as the tails were one list with them first. */
            size_t n = tail_len(e, closers, N_OF(closers));

            if (n == 0)
                n = tail_len(e, adverbs, N_OF(adverbs));
            if (n == 0)
                n = counted_closer(e);
            if (n == 0)
                n = manner_tail(e);
            if (n == 0)
                n = post_tail(e);
            if (n == 0)
                n = verb_tail(e);
            if (n > 0) {
                e.len -= n;
                again = true;
            }
        }
    }
    /* An adverb alone (各自牵头…, 分别负责…) names no unit. */
    for (size_t k = 0; k < N_OF(adverbs); k++)
        if (fg_sv_eq(e, fg_sv(adverbs[k].s, adverbs[k].n)))
            return fg_sv(e.ptr, 0);
    /* Nor does what a unit does with no unit before it (X负责，为各村提供技术支持). */
    if (!ends_like_unit(e) && predicate_at(e, 0))
        return fg_sv(e.ptr, 0);
    return e;
}

/* The closers of strip_element() alone: the part after a joiner (和平区 after 等部门和). */
static fg_strview strip_tails(fg_strview e)
{
    size_t n;

    while ((n = tail_len(e, closers, N_OF(closers))) > 0)
        e.len -= n;
    return e;
}

static const fg_lit joins[] = {FG_LIT("以及"), FG_LIT("和"), FG_LIT("及"), FG_LIT("与")};

/* Provinces, whose names start the names of agencies managed from above (湖南银保监局). */
static const fg_lit provinces[] = {
    FG_LIT("北京"), FG_LIT("天津"), FG_LIT("河北"), FG_LIT("山西"), FG_LIT("内蒙古"),
    FG_LIT("辽宁"), FG_LIT("吉林"), FG_LIT("黑龙江"), FG_LIT("上海"), FG_LIT("江苏"),
    FG_LIT("浙江"), FG_LIT("安徽"), FG_LIT("福建"), FG_LIT("江西"), FG_LIT("山东"),
    FG_LIT("河南"), FG_LIT("湖北"), FG_LIT("湖南"), FG_LIT("广东"), FG_LIT("广西"),
    FG_LIT("海南"), FG_LIT("重庆"), FG_LIT("四川"), FG_LIT("贵州"), FG_LIT("云南"),
    FG_LIT("西藏"), FG_LIT("陕西"), FG_LIT("甘肃"), FG_LIT("青海"), FG_LIT("宁夏"),
    FG_LIT("新疆"), FG_LIT("香港"), FG_LIT("澳门"), FG_LIT("台湾")};

/*
 * Whether name names a level of its own: 省 市 县 区 州 in it (a 市 of the words 市场, 城市,
 * 都市 aside: 市场监管局, 城市管理局), a province's name at its start (四川省税务局, 湖南银保监局),
 * or a level below the county's at its start, 街道 社区 乡 镇 村 (街道城管办, 镇经济发展办,
 * 乡镇综治办; 乡村振兴局 aside: 乡村 is a word).
 */
static bool level_named(fg_strview name)
{
    static const fg_lit below[] = {FG_LIT("街道"), FG_LIT("社区"), FG_LIT("乡"), FG_LIT("镇"),
                                   FG_LIT("村")};

    for (size_t i = 0; i < name.len; i += fg_cp_len((unsigned char)name.ptr[i]))
        if (AT(name, i, "省") ||
            (AT(name, i, "市") && !AT(name, i, "市场") &&
             !(i >= 3 && (AT(name, i - 3, "城") || AT(name, i - 3, "都")))) ||
            AT(name, i, "县") || AT(name, i, "区") || AT(name, i, "州"))
            return true;
    if (starts_with_any(name, below, N_OF(below)) && !fg_sv_starts(name, "乡村"))
        return true;
    for (size_t q = 0; q < N_OF(provinces); q++)
        if (fg_sv_starts_n(name, provinces[q].s, provinces[q].n))
            return true;
    return false;
}

/*
 * Whether the part after 与 is a unit of its own beside the one before: it names its level
 * (市发展改革委与市财政局, 省教育厅与长沙市教育局) or starts as a unit of the state, the Party
 * or a group does (国家…, 国务院…, 中共…, 中央…, 各…), or it is no office of an institution
 * (…处, …室, …中心). 与 inside such an office's name joins two fields of one office, whose
 * second part names no level (实验室与设备管理处).
 */
static bool unit_after_yu(fg_strview right)
{
    return level_named(right) || fg_sv_starts(right, "国家") || fg_sv_starts(right, "国务院") ||
           fg_sv_starts(right, "中共") || fg_sv_starts(right, "中央") || fg_sv_starts(right, "各") ||
           !(fg_sv_ends(right, "处") || fg_sv_ends(right, "室") || fg_sv_ends(right, "中心"));
}

/*
 * Where a stripped element splits on 和/及/与/以及 into two units, both complete (a short
 * bracket at the end of either side aside: 县市场监管局和各乡镇（街道）), or into a unit and
 * its own part (县安委会及其成员单位: 其 names the unit before): the first join word at which
 * it does, *n receiving the word's length; or e.len. At 与 the right side must also be a unit
 * of its own (unit_after_yu()): 实验室与设备管理处 is one office.
 */
static size_t split_point(fg_strview e, size_t *n)
{
    /* Every join word starts with a join_firsts character. */
    for (size_t i = 0; (i = next_in_set(e, i, &sets.join_firsts)) < e.len; i += 3) {
        for (size_t j = 0; j < N_OF(joins); j++) {
            fg_strview right;

            *n = joins[j].n;
            if (!fg_sv_at(e, i, joins[j].s, *n))
                continue;
            right = strip_element(fg_sv(e.ptr + i + *n, e.len - i - *n));
            if (fg_sv_starts(right, "其"))
                right = fg_sv(right.ptr + 3, right.len - 3);
            /* A closer may end the first group: A、B等和C, A等部门和C. */
            if (complete_unit(before_final_bracket(strip_element(fg_sv(e.ptr, i)), 4)) &&
                looks_like_unit(before_final_bracket(right, 4)) &&
                (!AT(e, i, "与") || unit_after_yu(right)))
                return i;
        }
    }
    /* & or ＆ between two complete units (市发改委&市财政局, a web page's &amp; decoded). */
    for (size_t i = 0; i < e.len; i += fg_cp_len((unsigned char)e.ptr[i])) {
        if (i == 0 || (e.ptr[i] != '&' && !AT(e, i, "＆")))
            continue;
        *n = e.ptr[i] == '&' ? 1 : 3;
        if (complete_unit(before_final_bracket(strip_element(fg_sv(e.ptr, i)), 4)) &&
            looks_like_unit(
                before_final_bracket(strip_element(fg_sv(e.ptr + i + *n, e.len - i - *n)), 4)))
            return i;
    }
    return e.len;
}

/*
 * Split one element on 和/及/与/以及 where both sides are complete units; X及其Y (县安委会及其
 * 成员单位, 县教育局及其所属学校) gives X and XY, 其 being X.
 */
static int push_element(fg_units *out, size_t first, fg_role role, fg_strview e, fg_strview suffix)
{
    size_t n = 0;
    size_t i;
    int rc;

    e = strip_element(e);
    i = split_point(e, &n);
    if (i < e.len) {
        fg_strview left = strip_element(fg_sv(e.ptr, i));
        fg_strview right = fg_sv(e.ptr + i + n, e.len - i - n);

        rc = push_unit(out, first, role, left, fg_sv(NULL, 0));
        if (rc < 0)
            return rc;
        if (fg_sv_starts(right, "其") && right.len > 3) {
            right = fg_sv(right.ptr + 3, right.len - 3);
            if (split_point(strip_element(right), &n) == strip_element(right).len)
                return push_unit(out, first, role, left, strip_element(right));
        }
        return push_element(out, first, role, right, suffix);
    }
    return push_unit(out, first, role, e, suffix);
}

/*
 * The suffix that bare places in the same group share with the last element: for
 * 郴州市人民政府 a bare place (长沙) takes 市人民政府 and a place with its level (岳阳市)
 * takes 人民政府. Empty when the last element has no government suffix.
 */
static fg_strview shared_suffix(fg_strview last, bool with_level)
{
    for (size_t i = 0; i < N_OF(gov_suffixes); i++) {
        size_t n = gov_suffixes[i].n;
        fg_strview head;
        size_t lv;

        if (!fg_sv_ends_n(last, gov_suffixes[i].s, n) || last.len <= n)
            continue;
        if (with_level)
            return fg_sv(last.ptr + last.len - n, n);
        head = fg_sv(last.ptr, last.len - n);
        if (fg_sv_ends(head, "自治州") || fg_sv_ends(head, "自治县"))
            lv = strlen("自治州");
        else if (ends_like_level(head))
            lv = last_cp_len(head);
        else
            lv = 0;
        return fg_sv(last.ptr + last.len - n - lv, n + lv);
    }
    return fg_sv(NULL, 0);
}

/*
 * A place that already carries its level (岳阳市, 湘西自治州, 芙蓉区). A final 州 alone is
 * part of many city names (郴州, 永州), so only 自治州 counts.
 */
static bool has_level(fg_strview e)
{
    if (fg_sv_ends(e, "州"))
        return fg_sv_ends(e, "自治州");
    return ends_like_level(e);
}

/*
 * A bare place name such as 长沙 or 岳阳市: short, no organisation ending, and kind
 * (unit_kind() of e) a named agency.
 */
static bool bare_place(fg_strview e, fg_kind kind)
{
    size_t n = count_cps_upto(e, 8);

    static const fg_lit not_places[] = {FG_LIT("省"), FG_LIT("市"), FG_LIT("县"), FG_LIT("区"),
                                        FG_LIT("各"), FG_LIT("有关"), FG_LIT("相关")};

    if (n < 2 || n > 8 || (!ends_like_level(e) && strong_ending(e)) ||
        fg_sv_ends(e, "新区") || fg_sv_ends(e, "中央") ||
        starts_with_any(e, not_places, N_OF(not_places)))
        return false;
    return kind == FG_KIND_AGENCY;
}

/*
 * A note written where units are expected (（X牵头。以下各项工作均需各市州人民政府落实，不再列出）):
 * a phrase that opens with a word pointing at other text (以下 以上 上述 下列 其中 此项 该项
 * 本项), which no unit's name does.
 */
static bool is_note_phrase(fg_strview e)
{
    static const fg_lit opens[] = {FG_LIT("以下"), FG_LIT("以上"), FG_LIT("上述"), FG_LIT("下列"),
                                   FG_LIT("其中"), FG_LIT("此项"), FG_LIT("该项"), FG_LIT("本项")};

    if (e.len < 6 || !fg_cjkset_has(&sets.note_firsts, e.ptr))
        return false;
    return starts_with_any(e, opens, N_OF(opens));
}

/* What push_group() needs to know of a stripped element; all of it depends on its text only. */
typedef struct elem_facts {
    bool splits;  /* split_point() finds where to split it */
    bool time;    /* is_time_phrase(), is_note_phrase() or is_person_phrase(): no unit */
    bool bare;    /* bare_place() */
    fg_kind kind; /* unit_kind() */
} elem_facts;

static elem_facts find_facts(fg_strview e)
{
    elem_facts f;
    size_t n;

    f.splits = split_point(e, &n) < e.len;
    f.time = is_time_phrase(e) || is_note_phrase(e) || is_person_phrase(e);
    f.kind = unit_kind(e);
    f.bare = bare_place(e, f.kind);
    return f;
}

/* The signs after a name that mark a lead (X★; documents declare them: 标注*的为牵头单位). */
static const fg_lit lead_signs[] = {FG_LIT("★"), FG_LIT("☆"), FG_LIT("＊"),
                                    FG_LIT("▲"), FG_LIT("△"), FG_LIT("*")};

/* Whether a lead sign starts at s[i]. */
static bool lead_sign_at(fg_strview s, size_t i)
{
    for (size_t k = 0; k < N_OF(lead_signs); k++)
        if (fg_sv_at(s, i, lead_signs[k].s, lead_signs[k].n))
            return true;
    return false;
}

/* The length of the lead sign that e ends with, or 0. */
static size_t lead_sign_end(fg_strview e)
{
    for (size_t k = 0; k < N_OF(lead_signs); k++)
        if (e.len > lead_signs[k].n && fg_sv_ends_n(e, lead_signs[k].s, lead_signs[k].n))
            return lead_signs[k].n;
    return 0;
}

/*
 * The bytes normalise() writes after a name for its mark: X（牵头） leads, X（会办）
 * co-operates whatever the clause says of the others (see role_mark()).
 */
enum { MARK_LEAD_BYTE = 0x01, MARK_CO_BYTE = 0x05 };

/* What a mark after an element says: nothing, lead or co. */
typedef enum elem_mark { MARK_NONE = 0, MARK_LEAD, MARK_CO } elem_mark;

/* The role an element's mark gives it, or role for an element with none. */
static fg_role marked_role(elem_mark mark, fg_role role)
{
    return mark == MARK_LEAD ? FG_ROLE_LEAD : mark == MARK_CO ? FG_ROLE_CO : role;
}

/*
 * The element of a 、-separated piece of a list: heads, tails and marks (\x01 and \x05; the
 * signs of lead_signs[] after a name) gone; *mark receives what the last mark said.
 */
static fg_strview element_of(fg_strview piece, elem_mark *mark)
{
    fg_strview e = strip_element(piece);

    *mark = MARK_NONE;
    for (;;) {
        size_t sign;

        /* X（牵头）, and X★ or X*: the sign that marks leads; X（会办）: co. */
        if (e.len && e.ptr[e.len - 1] == MARK_LEAD_BYTE) {
            e.len--;
            *mark = *mark == MARK_NONE ? MARK_LEAD : *mark;
        } else if (e.len && e.ptr[e.len - 1] == MARK_CO_BYTE) {
            e.len--;
            *mark = *mark == MARK_NONE ? MARK_CO : *mark;
        } else if ((sign = lead_sign_end(e)) > 0) {
            e.len -= sign;
            *mark = *mark == MARK_NONE ? MARK_LEAD : *mark;
        } else {
            break;
        }
        e = strip_element(e);
    }
    return e;
}

/*
 * What push_group() found out about recently seen pieces. A document names the same few
 * dozen units in hundreds of clauses: stripping a piece and finding the facts of its
 * element takes several passes over the name, looking them up a hash of three words and
 * one compare. Two slots a set: a new piece takes the first, moving the piece there to the
 * second. Per thread, as documents may be parsed in several at once; all of it depends on
 * the piece's text only, so a slot stays valid from one document to the next. A corpus of
 * documents from many places names thousands of units: 2048 sets (256 KB a thread) keep
 * them, where 256 sets lost them to one another (M corpus: 196 → 204 MB/s; 4096 sets
 * added less than 1% more).
 */
enum { PIECE_BITS = 11, PIECE_SETS = 1 << PIECE_BITS, PIECE_MAX = 52 };
typedef struct piece_slot {
    _Alignas(64) elem_facts facts; /* of the element; a slot is one cache line */
    unsigned char len;             /* of the piece; 0 in an empty slot */
    unsigned char skip;            /* the element is piece[skip .. skip + elen) */
    unsigned char elen;
    unsigned char mark;            /* element_of(): an elem_mark */
    char piece[PIECE_MAX];
} piece_slot;
_Static_assert(sizeof(piece_slot) == 64, "a piece slot fills one cache line");

static _Thread_local piece_slot piece_cache[PIECE_SETS][2];

/* The set of s[0..len), 0 < len <= PIECE_MAX: the first, middle and last 8 bytes mixed. */
static size_t piece_set_of(const char *s, size_t len)
{
    uint64_t a = 0;
    uint64_t b = 0;
    uint64_t c = 0;

    if (len >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + len / 2 - 4, 8);
        memcpy(&c, s + len - 8, 8);
    } else {
        memcpy(&a, s, len);
    }
    /* The top bits of a product depend on all the bits of its factors. */
    return (size_t)((a * 0x9E3779B97F4A7C15u + b * 0xC2B2AE3D27D4EB4Fu +
                     c * 0x165667B19E3779F9u + len) >> (64 - PIECE_BITS));
}

/*
 * Whether the slot holds piece (0 < piece.len <= PIECE_MAX). A hit is the common case, and
 * then every byte is compared: 8 at a time, the last 8 overlapping the ones before, inline
 * where a call of memcmp() cost as much again.
 */
static bool slot_holds(const piece_slot *slot, fg_strview piece)
{
    size_t n = piece.len;
    uint64_t x;
    uint64_t y;

    if (slot->len != n)
        return false;
    if (n < 8)
        return memcmp(slot->piece, piece.ptr, n) == 0;
    for (size_t i = 0; i + 8 < n; i += 8) {
        memcpy(&x, slot->piece + i, 8);
        memcpy(&y, piece.ptr + i, 8);
        if (x != y)
            return false;
    }
    memcpy(&x, slot->piece + n - 8, 8);
    memcpy(&y, piece.ptr + n - 8, 8);
    return x == y;
}

/*
 * element_of() a piece, with the facts of the element in *f (zero when it is empty); from
 * the cache when the piece is there.
 */
static fg_strview element_facts(fg_strview piece, elem_mark *mark, elem_facts *f)
{
    piece_slot *set;
    piece_slot *slot;

    if (piece.len == 0 || piece.len > PIECE_MAX) {
        fg_strview e = element_of(piece, mark);

        *f = e.len ? find_facts(e) : (elem_facts){0};
        return e;
    }
    set = piece_cache[piece_set_of(piece.ptr, piece.len)];
    if (slot_holds(&set[0], piece)) {
        slot = &set[0];
    } else if (slot_holds(&set[1], piece)) {
        slot = &set[1];
    } else {
        fg_strview e;
        elem_mark m;

        set[1] = set[0];
        slot = &set[0];
        e = element_of(piece, &m);
        slot->mark = (unsigned char)m;
        slot->facts = e.len ? find_facts(e) : (elem_facts){0};
        slot->skip = (unsigned char)(e.ptr - piece.ptr);
        slot->elen = (unsigned char)e.len;
        memcpy(slot->piece, piece.ptr, piece.len);
        slot->len = (unsigned char)piece.len;
    }
    *mark = (elem_mark)slot->mark;
    *f = slot->facts;
    return fg_sv(piece.ptr + slot->skip, slot->elen);
}

/* push_element() of a stripped element with its facts f. */
static int push_known(fg_units *out, size_t first, fg_role role, fg_strview e, fg_strview suffix,
                      const elem_facts *f)
{
    if (f->splits)
        return push_element(out, first, role, e, suffix);
    if (e.len + suffix.len == 0 || f->time)
        return FG_OK;
    /* The kind is of the whole name: e's own only without a suffix. */
    return append_unit(out, first, role, e, suffix, suffix.len == 0 ? &f->kind : NULL);
}

/*
 * The administrative levels a unit's name starts with to name its level, as 省 does in
 * 省发展改革委 (a lexicon, longer words first): the province's, city's, county's and
 * district's, and the levels of the regions that are no 省 市 县: 自治区 自治州 自治县 州, 盟
 * and 旗 (Inner Mongolia), 兵团 and 师 (the Production and Construction Corps), 管理局 (a
 * 垦区's), 林区, 开发区 高新区 and their 管委会, 街道 乡镇 乡 镇 (a word before any word it
 * starts: 乡镇 before 乡). core tells the four whose
 * Youth League committee is written around the level (团省委, 团市委), not after it.
 */
static const struct {
    fg_lit word;
    bool core;
} admin_levels[] = {
    {FG_LIT("省"), true},      {FG_LIT("市"), true},      {FG_LIT("县"), true},
    {FG_LIT("区"), true},      {FG_LIT("自治区"), false}, {FG_LIT("自治州"), false},
    {FG_LIT("自治县"), false}, {FG_LIT("开发区"), false}, {FG_LIT("高新区"), false},
    {FG_LIT("管委会"), false}, {FG_LIT("管理局"), false}, {FG_LIT("兵团"), false},
    {FG_LIT("林区"), false},   {FG_LIT("街道"), false},   {FG_LIT("乡镇"), false},
    {FG_LIT("州"), false},     {FG_LIT("盟"), false},     {FG_LIT("旗"), false},
    {FG_LIT("师"), false},     {FG_LIT("乡"), false},     {FG_LIT("镇"), false}};

/*
 * ---- shared affixes over levels of local government ----
 *
 * 各区、县级市 → 各区, 各县级市; 各有关区、县级市人民政府 → 各有关区人民政府, 各有关县级市人民政府;
 * 各市、县（市、区）政府 → 各市政府, 各县（市、区）政府. A level word is one of level_words[]
 * or a level character with a bracket (县（市、区）). A prefix (各, 各有关, 各相关) on a level
 * word goes to the bare level words that follow it; a government suffix on the last level
 * word of a run goes to the level words before it. Full names never take either.
 */
static const fg_lit level_words[] = {
    FG_LIT("县级市"), FG_LIT("县市区"), FG_LIT("市州"), FG_LIT("县区"), FG_LIT("区县"),
    FG_LIT("市县"), FG_LIT("县市"), FG_LIT("乡镇"), FG_LIT("街道"), FG_LIT("自治州"),
    FG_LIT("自治县"), FG_LIT("自治区"), FG_LIT("直辖市"), FG_LIT("计划单列市"),
    FG_LIT("副省级城市"), FG_LIT("开发区"), FG_LIT("园区"), FG_LIT("省"), FG_LIT("市"),
    FG_LIT("州"), FG_LIT("县"), FG_LIT("区"), FG_LIT("乡"), FG_LIT("镇"), FG_LIT("旗"),
    FG_LIT("盟")};
static const fg_lit level_prefixes[] = {FG_LIT("各有关"), FG_LIT("各相关"), FG_LIT("各")};

static bool level_word(fg_strview w)
{
    for (size_t k = 0; k < N_OF(level_words); k++)
        if (fg_sv_eq(w, fg_sv(level_words[k].s, level_words[k].n)))
            return true;
    /* 县（市、区）, 省(区、市), 县〔市、区〕: one level character and a bracket. */
    if (w.len > 3 && fg_cjkset_has(&sets.level_chars, w.ptr) &&
        (((AT(w, 3, "（") || AT(w, 3, "(")) && (fg_sv_ends(w, "）") || fg_sv_ends(w, ")"))) ||
         (AT(w, 3, "〔") && fg_sv_ends(w, "〕")) || (AT(w, 3, "［") && fg_sv_ends(w, "］"))))
        return true;
    return false;
}

/* The level prefix w starts with (各有关 …), or an empty view. */
static fg_strview level_prefix_of(fg_strview w)
{
    for (size_t k = 0; k < N_OF(level_prefixes); k++)
        if (fg_sv_starts_n(w, level_prefixes[k].s, level_prefixes[k].n) &&
            w.len > level_prefixes[k].n)
            return fg_sv(w.ptr, level_prefixes[k].n);
    return fg_sv(NULL, 0);
}

/* The government suffix w ends with (人民政府 …), or an empty view. */
static fg_strview gov_suffix_of(fg_strview w)
{
    for (size_t k = 0; k < N_OF(gov_suffixes); k++)
        if (fg_sv_ends_n(w, gov_suffixes[k].s, gov_suffixes[k].n) && w.len > gov_suffixes[k].n)
            return fg_sv(w.ptr + w.len - gov_suffixes[k].n, gov_suffixes[k].n);
    return fg_sv(NULL, 0);
}

/* Whether w is a government suffix alone (政府, 人民政府, 管委会, 党委). */
static bool is_gov_suffix(fg_strview w)
{
    for (size_t k = 0; k < N_OF(gov_suffixes); k++)
        if (fg_sv_eq(w, fg_sv(gov_suffixes[k].s, gov_suffixes[k].n)))
            return true;
    return false;
}

/* Whether w is [prefix] level [suffix]; *pre and *suf receive the parts it has. */
static bool level_element(fg_strview w, fg_strview *pre, fg_strview *suf)
{
    fg_strview core;

    *pre = fg_sv(NULL, 0);
    *suf = fg_sv(NULL, 0);
    /*
     * Every level element ends with a level character, a bracket or a government suffix
     * (府 会 委): most names (…厅, …局) are let go at once.
     */
    if (w.len < 3 || !(ends_with_char_in(w, &sets.level_lasts) || w.ptr[w.len - 1] == ')' ||
                       fg_sv_ends(w, "）") || fg_sv_ends(w, "〕") || fg_sv_ends(w, "］")))
        return false;
    *pre = level_prefix_of(w);
    *suf = gov_suffix_of(w);
    core = fg_sv(w.ptr + pre->len, w.len - pre->len - suf->len);
    return level_word(core);
}

/*
 * Whether w is [prefix] level department (各县统计局, 直辖市统计局, 县教育局): a level word and
 * after it a complete name of two characters or more, which *suf receives (*pre the prefix).
 * Not 市场监管局, 县级…, 区域…, 市直…, 市属…, 市容…, 市民…: there a level character starts
 * a word of the name.
 */
static bool level_department(fg_strview w, fg_strview *pre, fg_strview *suf)
{
    static const fg_lit words[] = {FG_LIT("场"), FG_LIT("级"), FG_LIT("域"), FG_LIT("直"),
                                   FG_LIT("属"), FG_LIT("辖"), FG_LIT("容"), FG_LIT("民")};
    fg_strview core;

    *pre = level_prefix_of(w);
    core = fg_sv(w.ptr + pre->len, w.len - pre->len);
    for (size_t k = 0; k < N_OF(level_words); k++) {
        size_t n = level_words[k].n;
        fg_strview rest;

        if (!fg_sv_starts_n(core, level_words[k].s, n) || core.len < n + 6)
            continue;
        rest = fg_sv(core.ptr + n, core.len - n);
        /* 县（市、区）教育局: the levels in brackets are the level's, the name after them */
        if (n == 3 && (AT(rest, 0, "（") || AT(rest, 0, "(") || AT(rest, 0, "〔"))) {
            size_t close = fg_sv_find(rest, AT(rest, 0, "（") ? "）" : AT(rest, 0, "(") ? ")" : "〕");

            if (close != SIZE_MAX) {
                size_t end = close + (rest.ptr[close] == ')' ? 1 : 3);

                if (level_word(fg_sv(core.ptr, n + end)) && rest.len >= end + 6)
                    rest = fg_sv(rest.ptr + end, rest.len - end);
            }
        }
        if ((n == 3 && starts_with_any(rest, words, N_OF(words))) || !strong_ending(rest))
            return false;
        *suf = rest;
        return true;
    }
    return false;
}

/*
 * For each of the n elements, the prefix and suffix it takes from its neighbours (empty
 * views when none): see above.
 */
static void level_affixes(const fg_strview *elems, size_t n, fg_strview *pre, fg_strview *suf)
{
    fg_strview cur = fg_sv(NULL, 0); /* the prefix of the run so far */
    bool is_level[64];
    bool own_pre[64];
    fg_strview own_suf[64];
    bool any = false;

    for (size_t k = 0; k < n; k++) {
        fg_strview p;

        pre[k] = fg_sv(NULL, 0);
        suf[k] = fg_sv(NULL, 0);
        is_level[k] = level_element(elems[k], &p, &own_suf[k]);
        /*
         * After level words of a run (各市、县统计局, 各省、自治区、直辖市统计局), a level word
         * with a department's name shares that name with them, as a government suffix is.
         */
        if (!is_level[k] && k > 0 && is_level[k - 1] && own_suf[k - 1].len == 0 &&
            cur.len > 0)
            is_level[k] = level_department(elems[k], &p, &own_suf[k]);
        own_pre[k] = p.len > 0;
        if (!is_level[k]) {
            cur = fg_sv(NULL, 0);
            continue;
        }
        any = true;
        if (p.len > 0)
            cur = p;
        else
            pre[k] = cur;
    }
    for (size_t k = n; any && k-- > 0;) {
        fg_strview s = own_suf[k];

        if (!is_level[k] || s.len == 0)
            continue;
        /* The level words before it, up to one that has its own suffix or is no level word. */
        while (k > 0 && is_level[k - 1] && own_suf[k - 1].len == 0) {
            /* A bare level word with no prefix of its own or of its run is a place (市、县): */
            if (!own_pre[k - 1] && pre[k - 1].len == 0)
                break;
            suf[--k] = s;
        }
    }
    /*
     * A bare government or party word after a unit that ends in one takes what comes before
     * that one: 各县（市、区）党委和政府, 市委、政府 → 各县（市、区）政府, 市政府.
     */
    for (size_t k = 1; k < n; k++) {
        fg_strview g;

        if (pre[k].len > 0 || pre[k - 1].len > 0 || !is_gov_suffix(elems[k]))
            continue;
        g = gov_suffix_of(elems[k - 1]);
        if (g.len > 0)
            pre[k] = fg_sv(elems[k - 1].ptr, elems[k - 1].len - g.len);
    }
}

/* Append the unit pre + e + suf (pre or suf not empty). */
static int push_level(fg_units *out, size_t first, fg_role role, fg_strview pre, fg_strview e,
                      fg_strview suf)
{
    char buf[256];

    if (pre.len + e.len > sizeof buf)
        return push_unit(out, first, role, e, suf);
    if (pre.len > 0)
        memcpy(buf, pre.ptr, pre.len);
    memcpy(buf + pre.len, e.ptr, e.len);
    return append_unit(out, first, role, fg_sv(buf, pre.len + e.len), suf, NULL);
}

/*
 * A value that says there is no unit (配合单位：无, 配合单位：/, a cell of dashes): 无, 暂无,
 * or dashes and slashes alone; or a word for the units not named, alone, with no noun after
 * it (注：标*的为牵头单位，其余为配合单位; X牵头，其他按职责分工负责): 其余, 其他, 其它, 余下
 * (其余单位, 其他有关部门 are generic units, kept as written).
 */
static bool placeholder(fg_strview e)
{
    static const char *const marks[] = {"-", "/", "—", "－", "／", "―", "–"};
    unsigned char c = (unsigned char)e.ptr[0];
    size_t i = 0;

    if ((e.len == 3 && AT(e, 0, "无")) || (e.len == 6 && AT(e, 0, "暂无")))
        return true;
    if ((e.len == 6 || (e.len == 9 && AT(e, 6, "的"))) &&
        (AT(e, 0, "其余") || AT(e, 0, "其他") || AT(e, 0, "其它") || AT(e, 0, "余下")))
        return true;
    /* Most names start with an ideograph: only - / and the lead bytes E2, EF of the others. */
    if (c != '-' && c != '/' && c != 0xE2 && c != 0xEF)
        return false;
    while (i < e.len) {
        size_t k = 0;

        while (k < sizeof marks / sizeof marks[0] && !fg_sv_starts(fg_sv(e.ptr + i, e.len - i),
                                                                 marks[k]))
            k++;
        if (k == sizeof marks / sizeof marks[0])
            return false;
        i += strlen(marks[k]);
    }
    return true;
}

/* One group of 、-separated elements (no ，inside). */
static int push_group(fg_units *out, size_t first, fg_role role, fg_strview g)
{
    fg_strview level_pre[64];
    fg_strview level_suf[64];
    fg_strview elems[64];
    elem_facts facts[64];
    elem_mark mark[64];
    bool owned[64]; /* 其Y after X及: the element is Y of the element before (XY) */
    bool owned_next = false;
    size_t n = 0;
    size_t start = 0;
    fg_strview last;
    int rc;

    for (size_t i = 0; i <= g.len; i++) {
        i = find_byte2(g.ptr, g.len, i, 0xE3, 0xE3); /* the lead byte of 、 */
        if (i == g.len || AT(g, i, "、")) {
            elem_mark is_marked;
            elem_facts f;
            fg_strview e = element_facts(fg_sv(g.ptr + start, i - start), &is_marked, &f);

            if (n == sizeof elems / sizeof elems[0]) {
                /* Very long lists: flush what we have; distribution only within 64. */
                for (size_t k = 0; k < n; k++) {
                    rc = owned[k] && k > 0
                             ? push_level(out, first, marked_role(mark[k], role), elems[k - 1],
                                          elems[k], fg_sv(NULL, 0))
                             : push_known(out, first, marked_role(mark[k], role), elems[k],
                                          fg_sv(NULL, 0), &facts[k]);
                    if (rc < 0)
                        return rc;
                }
                n = 0;
            }
            /*
             * An element that splits on a joiner (A等部门和各市) is its parts, so that the
             * affixes below see them (及各市、县（市、区）政府).
             */
            while (e.len && f.splits && n + 1 < sizeof elems / sizeof elems[0]) {
                size_t jn;
                size_t at = split_point(e, &jn);
                fg_strview left = strip_element(fg_sv(e.ptr, at));

                mark[n] = MARK_NONE;
                facts[n] = find_facts(left);
                owned[n] = owned_next;
                elems[n++] = left;
                e = strip_tails(fg_sv(e.ptr + at + jn, e.len - at - jn));
                /* X及其成员单位: 其 is X, so the part is X's (X成员单位). */
                owned_next = fg_sv_starts(e, "其") && e.len > 3;
                if (owned_next)
                    e = fg_sv(e.ptr + 3, e.len - 3);
                f = find_facts(e);
            }
            if (e.len && !placeholder(e)) {
                mark[n] = is_marked;
                facts[n] = f;
                owned[n] = owned_next;
                elems[n++] = e;
            }
            owned_next = false;
            if (i < g.len) {
                start = i + strlen("、");
                i = start - 1;
            }
        }
    }
    if (n == 0)
        return FG_OK;
    if (n > 1) {
        level_affixes(elems, n, level_pre, level_suf);
    } else {
        level_pre[0] = fg_sv(NULL, 0);
        level_suf[0] = fg_sv(NULL, 0);
    }
    for (size_t k = 0; k < n; k++) {
        fg_strview suffix = fg_sv(NULL, 0);

        if (owned[k] && k > 0) {
            rc = push_level(out, first, marked_role(mark[k], role), elems[k - 1], elems[k],
                            fg_sv(NULL, 0));
            if (rc < 0)
                return rc;
            continue;
        }
        if (level_pre[k].len > 0 || level_suf[k].len > 0) {
            rc = push_level(out, first, marked_role(mark[k], role), level_pre[k], elems[k],
                            level_suf[k]);
            if (rc < 0)
                return rc;
            continue;
        }
        if (k + 1 < n && facts[k].bare) {
            /* 岳阳、湘潭、郴州市人民政府: the suffix of the next element that is no bare place. */
            size_t j = k + 1;

            while (j + 1 < n && facts[j].bare)
                j++;
            last = elems[j];
            if (facts[j].kind == FG_KIND_AGENCY)
                suffix = shared_suffix(last, has_level(elems[k]));
        }
        rc = push_known(out, first, marked_role(mark[k], role), elems[k], suffix, &facts[k]);
        if (rc < 0)
            return rc;
    }
    return FG_OK;
}

/*
 * The first index >= i of s where ，(EF BC 8C), ；(EF BC 9B) or 。(E3 80 82) starts, or
 * s.len. A search for their lead bytes would stop at every 、 (E3 80 81) of a list as well:
 * with SSE2, 16 places at a time are tested for a lead byte with its last byte.
 */
static size_t next_group_sep(fg_strview s, size_t i)
{
#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    for (; i + 18 <= s.len; i += 16) {
        __m128i lead = _mm_loadu_si128((const __m128i *)(s.ptr + i));
        __m128i last = _mm_loadu_si128((const __m128i *)(s.ptr + i + 2));
        __m128i full = _mm_and_si128(_mm_cmpeq_epi8(lead, _mm_set1_epi8((char)0xEF)),
                                     _mm_or_si128(_mm_cmpeq_epi8(last, _mm_set1_epi8((char)0x8C)),
                                                  _mm_cmpeq_epi8(last, _mm_set1_epi8((char)0x9B))));
        __m128i stop = _mm_and_si128(_mm_cmpeq_epi8(lead, _mm_set1_epi8((char)0xE3)),
                                     _mm_cmpeq_epi8(last, _mm_set1_epi8((char)0x82)));

        for (unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(full, stop)); m != 0;
             m &= m - 1) {
            size_t k = i + (size_t)__builtin_ctz(m);

            if (AT(s, k, "，") || AT(s, k, "；") || AT(s, k, "。"))
                return k;
        }
    }
#endif
    for (; (i = find_byte2(s.ptr, s.len, i, 0xEF, 0xE3)) < s.len; i++)
        if (AT(s, i, "，") || AT(s, i, "；") || AT(s, i, "。"))
            return i;
    return s.len;
}

/* A unit list: groups separated by ，；; each group split on 、. */
static int push_list(fg_units *out, size_t first, fg_role role, fg_strview s)
{
    size_t start = 0;
    int rc;

    for (size_t i = 0; i <= s.len; i++) {
        i = next_group_sep(s, i);
        rc = push_group(out, first, role, fg_sv(s.ptr + start, i - start));
        if (rc < 0)
            return rc;
        if (i < s.len) {
            start = i + 3;
            i = start - 1;
        }
    }
    return FG_OK;
}

int fg_clause__split_list(fg_units *out, fg_strview text, fg_role role)
{
    fg_str clean = FG_STR_INIT;
    int rc = FG_OK;

    ensure_sets();
    /* Control characters are not names, and \x01 must not pass for a lead mark. */
    for (size_t i = 0; i < text.len;) {
        size_t j = i;

        /* A run of bytes that stay, appended at once; then the control character is skipped. */
        while (j < text.len) {
            unsigned char c = (unsigned char)text.ptr[j];

            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
                break;
            j++;
        }
        if (j > i)
            FG_TRY(fg_str_append(&clean, text.ptr + i, j - i));
        i = j + 1;
    }
    rc = push_list(out, out->n, role, fg_sv(clean.ptr ? clean.ptr : "", clean.len));
out:
    fg_str_dispose(&clean);
    return rc;
}

/* ---- role markers ---- */

typedef enum mtype {
    M_POST,  /* units before it have this role */
    M_LABEL, /* units after it have this role */
    M_WITH,  /* 会同: units before it lead, units after it join the next marker */
    M_STOP,  /* a label whose units are not agencies (完成时限：) */
    M_DROP   /* units before it act in another capacity (跟踪督办): no rows */
} mtype;

typedef struct marker {
    const char *s;
    size_t len;
    mtype type;
    fg_role role;
    bool weak;     /* bare 负责: lead when other units only 配合 */
    bool first_ok; /* a first-listed declaration may turn its first unit into the lead */
} marker;

static const marker markers[] = {
    {"牵头负责", sizeof("牵头负责") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"负责牵头", sizeof("负责牵头") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"总牵头", sizeof("总牵头") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"双牵头", sizeof("双牵头") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"总负责", sizeof("总负责") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"归口管理", sizeof("归口管理") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"归口", sizeof("归口") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"领衔", sizeof("领衔") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"挂帅", sizeof("挂帅") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"协抓", sizeof("协抓") - 1, M_POST, FG_ROLE_CO, false, false},
    {"为辅", sizeof("为辅") - 1, M_POST, FG_ROLE_CO, false, false},
    {"具体承办", sizeof("具体承办") - 1, M_POST, FG_ROLE_CO, false, false},
    {"承办", sizeof("承办") - 1, M_POST, FG_ROLE_CO, false, false},
    {"联动", sizeof("联动") - 1, M_POST, FG_ROLE_CO, false, false},
    {"主抓", sizeof("主抓") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"抓总", sizeof("抓总") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"为主", sizeof("为主") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"主责", sizeof("主责") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"统筹", sizeof("统筹") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"负总责", sizeof("负总责") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"牵头单位为", sizeof("牵头单位为") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"配合单位为", sizeof("配合单位为") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"责任单位为", sizeof("责任单位为") - 1, M_LABEL, FG_ROLE_CO, false, true},
    {"为牵头单位", sizeof("为牵头单位") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"为牵头部门", sizeof("为牵头部门") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"为配合单位", sizeof("为配合单位") - 1, M_POST, FG_ROLE_CO, false, false},
    {"为配合部门", sizeof("为配合部门") - 1, M_POST, FG_ROLE_CO, false, false},
    {"为参与单位", sizeof("为参与单位") - 1, M_POST, FG_ROLE_CO, false, false},
    {"为责任单位", sizeof("为责任单位") - 1, M_POST, FG_ROLE_CO, false, true},
    {"为责任部门", sizeof("为责任部门") - 1, M_POST, FG_ROLE_CO, false, true},
    /* Y为责任主体，X指导: the responsible subject leads the helpers, as 负主体责任 does. */
    {"为责任主体", sizeof("为责任主体") - 1, M_POST, FG_ROLE_CO, true, true},
    {"主办：", sizeof("主办：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"协办：", sizeof("协办：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"主办", sizeof("主办") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"主管", sizeof("主管") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"协管", sizeof("协管") - 1, M_POST, FG_ROLE_CO, false, false},
    {"会办", sizeof("会办") - 1, M_POST, FG_ROLE_CO, false, false},
    {"协办", sizeof("协办") - 1, M_POST, FG_ROLE_CO, false, false},
    {"督办", sizeof("督办") - 1, M_DROP, FG_ROLE_CO, false, false},
    /* X负责督办, X负责督导, X负责督查: a supervisor of the work, no doer (no row). */
    {"负责跟踪督办", sizeof("负责跟踪督办") - 1, M_DROP, FG_ROLE_CO, false, false},
    {"负责督办", sizeof("负责督办") - 1, M_DROP, FG_ROLE_CO, false, false},
    {"负责督导", sizeof("负责督导") - 1, M_DROP, FG_ROLE_CO, false, false},
    {"负责督查", sizeof("负责督查") - 1, M_DROP, FG_ROLE_CO, false, false},
    {"牵头部门（单位）：", sizeof("牵头部门（单位）：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"责任部门（单位）：", sizeof("责任部门（单位）：") - 1, M_LABEL, FG_ROLE_CO, false, true},
    {"配合部门（单位）：", sizeof("配合部门（单位）：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"分别牵头", sizeof("分别牵头") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"共同牵头", sizeof("共同牵头") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"分项牵头", sizeof("分项牵头") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"联合牵头", sizeof("联合牵头") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"牵头", sizeof("牵头") - 1, M_POST, FG_ROLE_LEAD, false, false},
    {"会同", sizeof("会同") - 1, M_WITH, FG_ROLE_LEAD, false, false},
    {"按职责分工", sizeof("按职责分工") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按职能分工", sizeof("按职能分工") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按分工", sizeof("按分工") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按照分工", sizeof("按照分工") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按属地", sizeof("按属地") - 1, M_POST, FG_ROLE_CO, false, true},
    {"属地负责", sizeof("属地负责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"属地落实", sizeof("属地落实") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按照职责分工", sizeof("按照职责分工") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按照职能分工", sizeof("按照职能分工") - 1, M_POST, FG_ROLE_CO, false, true},
    {"根据职责分工", sizeof("根据职责分工") - 1, M_POST, FG_ROLE_CO, false, true},
    {"依据职责分工", sizeof("依据职责分工") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按各自职责", sizeof("按各自职责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按职能职责", sizeof("按职能职责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按照职能职责", sizeof("按照职能职责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按照各自职责", sizeof("按照各自职责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按职责", sizeof("按职责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按职能", sizeof("按职能") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按照职能", sizeof("按照职能") - 1, M_POST, FG_ROLE_CO, false, true},
    {"依职责", sizeof("依职责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"按照职责", sizeof("按照职责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"各负其责", sizeof("各负其责") - 1, M_POST, FG_ROLE_CO, false, true},
    /* 各司其职, 分工落实: each does its part, as 各负其责 and 分工负责 say. */
    {"各司其职", sizeof("各司其职") - 1, M_POST, FG_ROLE_CO, false, true},
    {"分工落实", sizeof("分工落实") - 1, M_POST, FG_ROLE_CO, false, true},
    /* X、Y共同推进: they share the work (not lead, as 共同负责 may). */
    {"共同推进", sizeof("共同推进") - 1, M_POST, FG_ROLE_CO, false, false},
    {"分别负责", sizeof("分别负责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"分工负责", sizeof("分工负责") - 1, M_POST, FG_ROLE_CO, false, true},
    {"负主体责任", sizeof("负主体责任") - 1, M_POST, FG_ROLE_CO, true, true},
    {"负属地责任", sizeof("负属地责任") - 1, M_POST, FG_ROLE_CO, true, true},
    {"落实属地责任", sizeof("落实属地责任") - 1, M_POST, FG_ROLE_CO, true, true},
    {"履行属地责任", sizeof("履行属地责任") - 1, M_POST, FG_ROLE_CO, true, true},
    {"共同负责", sizeof("共同负责") - 1, M_POST, FG_ROLE_CO, true, true},
    {"负责", sizeof("负责") - 1, M_POST, FG_ROLE_CO, true, true},
    {"承担", sizeof("承担") - 1, M_POST, FG_ROLE_CO, true, true},
    {"配合", sizeof("配合") - 1, M_POST, FG_ROLE_CO, false, false},
    {"参与", sizeof("参与") - 1, M_POST, FG_ROLE_CO, false, false},
    {"参加", sizeof("参加") - 1, M_POST, FG_ROLE_CO, false, false},
    {"协助", sizeof("协助") - 1, M_POST, FG_ROLE_CO, false, false},
    {"支持", sizeof("支持") - 1, M_POST, FG_ROLE_CO, false, false},
    {"协同", sizeof("协同") - 1, M_POST, FG_ROLE_CO, false, false},
    {"业务指导", sizeof("业务指导") - 1, M_POST, FG_ROLE_CO, false, false},
    {"技术指导", sizeof("技术指导") - 1, M_POST, FG_ROLE_CO, false, false},
    {"指导", sizeof("指导") - 1, M_POST, FG_ROLE_CO, false, false},
    {"抓好落实", sizeof("抓好落实") - 1, M_POST, FG_ROLE_CO, false, true},
    {"组织落实", sizeof("组织落实") - 1, M_POST, FG_ROLE_CO, false, true},
    {"具体实施", sizeof("具体实施") - 1, M_POST, FG_ROLE_CO, false, true},
    {"组织实施", sizeof("组织实施") - 1, M_POST, FG_ROLE_CO, false, true},
    {"落实", sizeof("落实") - 1, M_POST, FG_ROLE_CO, false, true},
    {"牵头单位：", sizeof("牵头单位：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"牵头部门：", sizeof("牵头部门：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"牵头单位（部门）：", sizeof("牵头单位（部门）：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"主责单位：", sizeof("主责单位：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"主责部门：", sizeof("主责部门：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"主办单位：", sizeof("主办单位：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"牵头：", sizeof("牵头：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"配合单位：", sizeof("配合单位：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"配合部门：", sizeof("配合部门：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"参与单位：", sizeof("参与单位：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"参与部门：", sizeof("参与部门：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"协办单位：", sizeof("协办单位：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"协同单位：", sizeof("协同单位：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"协同部门：", sizeof("协同部门：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"协助单位：", sizeof("协助单位：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"支持单位：", sizeof("支持单位：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"实施单位：", sizeof("实施单位：") - 1, M_LABEL, FG_ROLE_CO, false, true},
    {"主要责任单位：", sizeof("主要责任单位：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"牵头责任单位：", sizeof("牵头责任单位：") - 1, M_LABEL, FG_ROLE_LEAD, false, false},
    {"其他责任单位：", sizeof("其他责任单位：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"配合：", sizeof("配合：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"参与：", sizeof("参与：") - 1, M_LABEL, FG_ROLE_CO, false, false},
    {"责任单位：", sizeof("责任单位：") - 1, M_LABEL, FG_ROLE_CO, false, true},
    {"责任部门：", sizeof("责任部门：") - 1, M_LABEL, FG_ROLE_CO, false, true},
    {"责任主体：", sizeof("责任主体：") - 1, M_LABEL, FG_ROLE_CO, false, true},
    {"责任：", sizeof("责任：") - 1, M_LABEL, FG_ROLE_CO, false, true},
    {"完成时限：", sizeof("完成时限：") - 1, M_STOP, FG_ROLE_CO, false, false},
    {"完成时间：", sizeof("完成时间：") - 1, M_STOP, FG_ROLE_CO, false, false},
    {"时间节点：", sizeof("时间节点：") - 1, M_STOP, FG_ROLE_CO, false, false},
    {"时限：", sizeof("时限：") - 1, M_STOP, FG_ROLE_CO, false, false},
    {"牵头领导：", sizeof("牵头领导：") - 1, M_STOP, FG_ROLE_CO, false, false},
    {"责任领导：", sizeof("责任领导：") - 1, M_STOP, FG_ROLE_CO, false, false},
    {"责任人：", sizeof("责任人：") - 1, M_STOP, FG_ROLE_CO, false, false},
};

/*
 * ---- role labels: an open class ----
 *
 * A label is a short word of ideographs ending in a colon (full- or half-width, blanks
 * between its characters allowed): 牵头单位：, 负责部门：, 牵 头 单 位：, 配合机构:.
 * Its role comes from the head word it holds, not from a list of whole labels:
 *
 *   label := word [（单位|部门）|（head）] （：|:）   word := 1..10 ideographs
 *   role   = the bracket's head's role, or the role of the leftmost head in word (longest
 *            head at a place first; a resp head gives way to a lead or co head after it)
 *   a head word makes a role label when word is the head alone (牵头：), two heads
 *   (牵头负责：, 配合落实：: two_heads()) or ends in a unit suffix (单位 部门 机构 主体
 *   处室 科室); a word ending in a person suffix (领导 人) names persons, never units;
 *   a word with no head that ends in a unit suffix is a role label we do not know (co,
 *   and reported); any other word is another field (完成时限：, 适用范围：) whose text is never units.
 *
 * The heads and suffixes are the lexicon below; see src/GRAMMAR.md.
 */
static bool ends_with_word(fg_strview w, const fg_lex_word *v, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (fg_sv_ends_n(w, v[k].w, v[k].len))
            return true;
    return false;
}

/* Whether w is one of the unit suffixes, whole. */
static bool is_unit_suffix(fg_strview w, const fg_lexicon *lx)
{
    for (size_t k = 0; k < lx->n_unit_suffixes; k++)
        if (fg_sv_eq(w, fg_sv(lx->unit_suffixes[k].w, lx->unit_suffixes[k].len)))
            return true;
    return false;
}

/*
 * Whether w is a head alone followed by a noun that names a kind of unit (责任学校, 牵头乡镇,
 * 配合部室, 责任县区, 责任企业): two ideographs, the last of them one that ends the names of
 * schools, hospitals, offices, townships, districts, villages or stations, or 企业 or 街道.
 * The unit suffixes (单位, 部门, 科室, 社区 …) are the lexicon's; these are its kind nouns.
 */
static bool head_kind_noun(const fg_lexicon *lx, fg_strview w)
{
    static const char kind_lasts[] = "校院室镇乡区村所站局办厂园队";
    fg_strview noun;
    fg_strview head;

    if (w.len < 4 * 3 || (unsigned char)w.ptr[w.len - 6] < 0xE4 ||
        (unsigned char)w.ptr[w.len - 6] > 0xE9)
        return false;
    noun = fg_sv(w.ptr + w.len - 6, 6);
    head = fg_sv(w.ptr, w.len - 6);
    if (!fg_sv_eq(noun, fg_sv("企业", 6)) && !fg_sv_eq(noun, fg_sv("街道", 6))) {
        bool kind = false;

        for (size_t k = 0; k + 3 <= sizeof kind_lasts - 1 && !kind; k += 3)
            kind = fg_sv_at(noun, 3, kind_lasts + k, 3);
        /* 责任处室, 主责科室: a unit suffix of the lexicon (ending in 室 or 所 too) is none. */
        if (!kind || is_unit_suffix(noun, lx))
            return false;
    }
    for (size_t k = 0; k < lx->n_heads; k++)
        if (fg_sv_eq(head, fg_sv(lx->heads[k].w, lx->heads[k].len)))
            return true;
    return false;
}

/* The head of lx that is w whole, or NULL. */
static const fg_lex_word *head_of(const fg_lexicon *lx, fg_strview w)
{
    for (size_t k = 0; k < lx->n_heads; k++)
        if (fg_sv_eq(w, fg_sv(lx->heads[k].w, lx->heads[k].len)))
            return &lx->heads[k];
    return NULL;
}

/*
 * The role of a word with no unit suffix made of two heads, a lead or co one among them and
 * the other a lead, co or responsible one (牵头负责：, 负责牵头：, 配合落实：, 协助实施：): that of
 * its first lead or co head; else FG_LABEL_OTHER (监督落实：, 责任落实：: fields).
 */
static fg_label_role two_heads(const fg_lexicon *lx, fg_strview w)
{
    if (w.len < 4 * 3 || w.len > 8 * 3 || !fg_cjkset_has(&lx->head_firsts, w.ptr))
        return FG_LABEL_OTHER;
    for (size_t k = 0; k < lx->n_heads; k++) {
        const fg_lex_word *a = &lx->heads[k];
        const fg_lex_word *b;
        fg_strview rest;
        fg_label_role ra;
        fg_label_role rb;

        if (a->len + 2 * 3 > w.len || !fg_sv_at(w, 0, a->w, a->len))
            continue;
        rest = fg_sv(w.ptr + a->len, w.len - a->len);
        b = fg_cjkset_has(&lx->head_firsts, rest.ptr) ? head_of(lx, rest) : NULL;
        if (b == NULL)
            continue;
        ra = (fg_label_role)a->role;
        rb = (fg_label_role)b->role;
        if ((ra == FG_LABEL_LEAD || ra == FG_LABEL_CO) &&
            (rb == FG_LABEL_LEAD || rb == FG_LABEL_CO || rb == FG_LABEL_RESP))
            return ra;
        if (ra == FG_LABEL_RESP && (rb == FG_LABEL_LEAD || rb == FG_LABEL_CO))
            return rb;
    }
    return FG_LABEL_OTHER;
}

fg_label_role fg_clause__label_word(const fg_lexicon *lx, fg_strview w)
{
    bool unit_suffix;

    if (lx == NULL)
        lx = fg_lexicon__default();
    if (w.len == 0)
        return FG_LABEL_NONE;
    {
        /*
         * 牵头单位及责任人, 责任单位及完成时限: the units' label, then a field of theirs (their
         * persons in brackets after them, their deadline after a ，).
         */
        size_t k = fg_sv_find(w, "及");

        if (k == SIZE_MAX)
            k = fg_sv_find(w, "和");
        if (k != SIZE_MAX && k >= 6 && k + 3 < w.len &&
            fg_clause__label_word(lx, fg_sv(w.ptr + k + 3, w.len - k - 3)) == FG_LABEL_OTHER) {
            fg_label_role r = fg_clause__label_word(lx, fg_sv(w.ptr, k));

            if (r == FG_LABEL_LEAD || r == FG_LABEL_CO || r == FG_LABEL_RESP)
                return r;
        }
    }
    /* 牵头领导, 责任人, 联系人: persons, not units. */
    if (ends_with_word(w, lx->person_suffixes, lx->n_person_suffixes))
        return FG_LABEL_OTHER;
    unit_suffix = ends_with_word(w, lx->unit_suffixes, lx->n_unit_suffixes) ||
                  head_kind_noun(lx, w);
    if (!unit_suffix) {
        /*
         * Without a unit suffix a head alone (牵头：, 配合：) is a role label, and a lead or co
         * head after a qualifier of two characters (业务指导：, 技术支持：, 工作牵头：).
         */
        for (size_t k = 0; k < lx->n_heads; k++) {
            const fg_lex_word *h = &lx->heads[k];
            fg_label_role r = (fg_label_role)h->role;

            if (fg_sv_eq(w, fg_sv(h->w, h->len)) ||
                ((r == FG_LABEL_LEAD || r == FG_LABEL_CO) && w.len == h->len + 6 &&
                 fg_sv_ends_n(w, h->w, h->len)))
                return r;
        }
        return two_heads(lx, w);
    }
    for (size_t i = 0; i < w.len; i += fg_cp_len((unsigned char)w.ptr[i])) {
        if (i + 3 > w.len || !fg_cjkset_has(&lx->head_firsts, w.ptr + i))
            continue;
        /* Longest first (fg_lexicon): the first head found at a place is the longest. */
        for (size_t k = 0; k < lx->n_heads; k++) {
            const fg_lex_word *h = &lx->heads[k];

            if (!fg_sv_at(w, i, h->w, h->len))
                continue;
            /* 责任牵头单位, 责任配合单位: a lead or co head after a resp head says more. */
            if ((fg_label_role)h->role == FG_LABEL_RESP && i + h->len < w.len) {
                fg_label_role r = fg_clause__label_word(lx, fg_sv(w.ptr + i + h->len,
                                                                  w.len - i - h->len));

                if (r == FG_LABEL_LEAD || r == FG_LABEL_CO)
                    return r;
            }
            return (fg_label_role)h->role;
        }
    }
    /* A suffix alone (单位：) is the end of a longer word, not a label of its own. */
    if (w.len <= 8 * 3 && !is_unit_suffix(w, lx))
        return FG_LABEL_UNKNOWN;
    return FG_LABEL_OTHER;
}

/* A blank between the characters of a label: U+0020, tab, U+3000 or U+00A0; its length. */
static size_t blank_len(fg_strview s, size_t i)
{
    if (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '\t'))
        return 1;
    if (AT(s, i, "\u3000"))
        return 3;
    if (AT(s, i, "\u00a0"))
        return 2;
    return 0;
}

/* The length of a slash at s[i] (/ or ／), or 0. */
static size_t slash_len(fg_strview s, size_t i)
{
    return i < s.len && s.ptr[i] == '/' ? 1 : AT(s, i, "／") ? 3 : 0;
}

/*
 * A bracket at s[j] that holds a head word alone (（牵头）, (配合), （主责）): *said gets its role
 * (lead or co; resp for 负责) and the index after the bracket is returned; else j.
 */
static size_t head_bracket(const fg_lexicon *lx, fg_strview s, size_t j, fg_label_role *said)
{
    size_t open = AT(s, j, "（") ? 3 : 1;
    size_t k = j + open;

    if (lx == NULL)
        lx = fg_lexicon__default();
    while (k + 3 <= s.len && k - j - open < 4 * 3 && (unsigned char)s.ptr[k] >= 0xE4 &&
           (unsigned char)s.ptr[k] <= 0xE9)
        k += 3;
    if (k == j + open || !(AT(s, k, "）") || (k < s.len && s.ptr[k] == ')')))
        return j;
    for (size_t h = 0; h < lx->n_heads; h++) {
        fg_label_role r = (fg_label_role)lx->heads[h].role;

        if ((r == FG_LABEL_LEAD || r == FG_LABEL_CO || r == FG_LABEL_RESP) &&
            fg_sv_eq(fg_sv(s.ptr + j + open, k - j - open),
                     fg_sv(lx->heads[h].w, lx->heads[h].len))) {
            *said = r;
            return k + (AT(s, k, "）") ? 3 : 1);
        }
    }
    return j;
}

/*
 * The role of a label that announces its units below it: a role label and 如下 (责任部门如下：,
 * 牵头单位如下：), or 以下 and a unit suffix before a head, 由 first or not (由以下单位负责：,
 * 以下部门牵头：); else FG_LABEL_OTHER.
 */
static fg_label_role listed_below(const fg_lexicon *lx, fg_strview w)
{
    static const fg_lit suffixes[] = {FG_LIT("单位"), FG_LIT("部门"), FG_LIT("机构")};
    fg_label_role r = FG_LABEL_OTHER;

    if (fg_sv_ends(w, "如下") && w.len > 6) {
        r = fg_clause__label_word(lx, fg_sv(w.ptr, w.len - 6));
    } else {
        if (fg_sv_starts(w, "由"))
            w = fg_sv(w.ptr + 3, w.len - 3);
        if (!fg_sv_starts(w, "以下") || w.len <= 12)
            return FG_LABEL_OTHER;
        for (size_t k = 0; k < N_OF(suffixes); k++)
            if (fg_sv_at(w, 6, suffixes[k].s, suffixes[k].n))
                r = fg_clause__label_word(lx, fg_sv(w.ptr + 12, w.len - 12));
    }
    return r == FG_LABEL_LEAD || r == FG_LABEL_CO || r == FG_LABEL_RESP ? r : FG_LABEL_OTHER;
}

fg_label_role fg_clause__label_at(const fg_lexicon *lx, fg_strview s, size_t i, size_t *len)
{
    char word[10 * 3];
    size_t n = 0;
    size_t j = i;
    size_t b;
    size_t word_start;
    size_t run = 0;           /* ideographs since the last blank */
    size_t max_run = 0;       /* the longest run before a blank */
    bool spaced = false;      /* blanks between ideographs */
    const char *close = NULL; /* the bracket a bracketed label ends with: 【牵头单位】 */
    fg_label_role said = FG_LABEL_NONE; /* the role of a head in a bracket after the word */
    fg_strview w;

    *len = 0;
    if (AT(s, j, "【")) {
        close = "】";
        j += 3;
    } else if (AT(s, j, "〔")) {
        close = "〕";
        j += 3;
    }
    /*
     * Most places hold no label: the ideographs are stepped over first, and the word is
     * copied only when blanks spread it.
     */
    word_start = j;
    while (j + 3 <= s.len && (unsigned char)((unsigned char)s.ptr[j] - 0xE4) <= 0xE9 - 0xE4 &&
           j - word_start < sizeof word)
        j += 3;
    run = (j - word_start) / 3;
    if (run == 0)
        return FG_LABEL_NONE;
    if (j < s.len && (unsigned char)s.ptr[j] >= 0xE4 && (unsigned char)s.ptr[j] <= 0xE9)
        return FG_LABEL_NONE; /* more than 10 ideographs */
    if (close == NULL && slash_len(s, j) > 0) {
        /* 牵头单位/责任单位：X/Y: two role labels over two values (split_slash_labels()). */
        size_t sl = slash_len(s, j);
        size_t l2;
        fg_label_role r1 = fg_clause__label_word(lx, fg_sv(s.ptr + word_start, j - word_start));
        fg_label_role r2 = fg_clause__label_at(lx, s, j + sl, &l2);

        if (r1 == FG_LABEL_NONE || r1 == FG_LABEL_OTHER || r2 == FG_LABEL_NONE ||
            r2 == FG_LABEL_OTHER)
            return FG_LABEL_NONE;
        *len = j + sl + l2 - i;
        return r1;
    }
    b = blank_len(s, j);
    if (b == 0 && !AT(s, j, "：") && !(j < s.len && s.ptr[j] == ':') && !AT(s, j, "（") &&
        !(j < s.len && s.ptr[j] == '(') && close == NULL)
        return FG_LABEL_NONE;
    if (b > 0) {
        /* Blanks: copy the word, its characters joined. */
        n = j - word_start;
        memcpy(word, s.ptr + word_start, n);
        while (j < s.len) {
            unsigned char c = (unsigned char)s.ptr[j];

            if (c >= 0xE4 && c <= 0xE9 && j + 3 <= s.len) {
                if (n == sizeof word)
                    return FG_LABEL_NONE;
                if (run == 0)
                    spaced = true;
                memcpy(word + n, s.ptr + j, 3);
                n += 3;
                j += 3;
                run++;
            } else if ((b = blank_len(s, j)) > 0) {
                if (run > max_run)
                    max_run = run;
                run = 0;
                j += b;
            } else {
                break;
            }
        }
        w = fg_sv(word, n);
    } else {
        w = fg_sv(s.ptr + word_start, j - word_start);
    }
    if (run > max_run)
        max_run = run;
    /*
     * Blanks spread a label's characters (牵 头 单 位, 责任 单位); between longer runs they
     * separate a name from a label (省商务厅 完成时限：).
     */
    if (spaced && max_run > 2)
        return FG_LABEL_NONE;
    /* 牵头部门（单位）：, 责任单位(部门): the bracket repeats the suffix. */
    if (AT(s, j, "（单位）") || AT(s, j, "（部门）"))
        j += strlen("（单位）");
    else if (AT(s, j, "(单位)") || AT(s, j, "(部门)"))
        j += strlen("(单位)");
    else if (AT(s, j, "（") || (j < s.len && s.ptr[j] == '('))
        j = head_bracket(lx, s, j, &said);
    while ((b = blank_len(s, j)) > 0)
        j += b;
    if (close != NULL) {
        /* 【牵头单位】X, 〔责任单位〕：X: the bracket ends the label, a colon may follow. */
        if (!fg_sv_at(s, j, close, 3))
            return FG_LABEL_NONE;
        j += 3;
        while ((b = blank_len(s, j)) > 0)
            j += b;
        if (AT(s, j, "："))
            j += 3;
        else if (j < s.len && s.ptr[j] == ':')
            j += 1;
    } else if (AT(s, j, "：")) {
        j += 3;
    } else if (j < s.len && s.ptr[j] == ':') {
        j += 1;
    } else {
        return FG_LABEL_NONE;
    }
    *len = j - i;
    {
        fg_label_role r = fg_clause__label_word(lx, w);

        /* 责任单位（牵头）：: a role label's bracket head says its role. */
        if (said != FG_LABEL_NONE && (r == FG_LABEL_LEAD || r == FG_LABEL_CO ||
                                      r == FG_LABEL_RESP || r == FG_LABEL_UNKNOWN))
            return said;
        if (r == FG_LABEL_OTHER)
            r = listed_below(lx, w);
        return r;
    }
}

/*
 * Whether the last element of buf (after its last separator, all ideographs) and the text
 * from t[j] on make one label, as 配合处 | 室：does when blanks are written between its
 * characters.
 */
static bool label_continues(const fg_lexicon *lx, fg_strview buf, fg_strview t, size_t j)
{
    char joined[10 * 3 + 64];
    size_t start = buf.len;
    size_t n;
    size_t len;

    while (start >= 3) {
        unsigned char c = (unsigned char)buf.ptr[start - 3];

        if (c < 0xE4 || c > 0xE9 || buf.len - start >= 10 * 3)
            break;
        start -= 3;
    }
    n = buf.len - start;
    if (n == 0 || (start > 0 && !AT(buf, start - 3, "、") && !AT(buf, start - 3, "，") &&
                   !AT(buf, start - 3, "；") && !AT(buf, start - 3, "。")))
        return false;
    memcpy(joined, buf.ptr + start, n);
    /* The rest of a label is at most 10 ideographs with blanks, a bracket and a colon. */
    len = t.len - j < sizeof joined - n ? t.len - j : sizeof joined - n;
    memcpy(joined + n, t.ptr + j, len);
    /* A cut inside a character only makes the label unreadable: it is then not one. */
    return fg_clause__label_at(lx, fg_sv(joined, n + len), 0, &len) != FG_LABEL_NONE;
}

/*
 * ---- first-listed declarations ----
 *
 * 列第一位者为牵头单位, 排在第一位的部门为牵头部门, 第一个单位为牵头单位, 排名第一的单位牵头,
 * 首位为牵头单位, 前者为牵头单位: an ordinal (第一, 首位, 首个, 前者) then, in the same phrase, a
 * link (为, 是, 者, 的单位, 的部门) and 牵头. The meaning is read, not the string.
 */
bool fg_clause__declaration_link(fg_strview between)
{
    if (fg_sv_contains(between, "（") || fg_sv_contains(between, "：") ||
        fg_sv_contains(between, "。") || fg_sv_contains(between, "，") ||
        fg_sv_contains(between, "；"))
        return false;
    return fg_sv_contains(between, "为") || fg_sv_contains(between, "是") ||
           fg_sv_contains(between, "者") || fg_sv_contains(between, "的单位") ||
           fg_sv_contains(between, "的部门");
}

/* Where a declaration's ordinal starts in s, or SIZE_MAX. */
static size_t ordinal_in(fg_strview s)
{
    static const char *const ords[] = {"第一", "首位", "首个", "第1", "前者"};
    size_t best = SIZE_MAX;

    for (size_t k = 0; k < N_OF(ords); k++) {
        size_t f = fg_sv_find(s, ords[k]);

        if (f < best)
            best = f;
    }
    return best;
}

/*
 * Where a lead mark's sign (lead_signs[]) starts in s, or SIZE_MAX: 带★的为牵头单位 declares the
 * marked units leads, as element_of() reads them anyway.
 */
static size_t lead_mark_sign_in(fg_strview s)
{
    size_t best = SIZE_MAX;

    for (size_t k = 0; k < N_OF(lead_signs); k++) {
        size_t f = fg_sv_find_n(s, lead_signs[k].s, lead_signs[k].n);

        if (f < best)
            best = f;
    }
    return best;
}

/* The farthest (bytes) between a format word and 牵头 in a declaration: 红色字体为牵头. */
#define FORMAT_GAP 30
/* The longest paragraph that is read as a declaration (a note, not a paragraph of text). */
#define FORMAT_DECLARATION 300

/* Whether s[i] starts a mark that ends a part of a note: ，,；;。：:（()）. */
static bool format_stop(fg_strview s, size_t i)
{
    static const char *const wide[] = {"，", "；", "。", "：", "（", "）"};
    char c = s.ptr[i];

    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')')
        return true;
    for (size_t k = 0; k < sizeof wide / sizeof *wide; k++)
        if (i + 3 <= s.len && memcmp(s.ptr + i, wide[k], 3) == 0)
            return true;
    return false;
}

/* Whether one of words occurs in s within FORMAT_GAP bytes before or after s[a..b), in the
 * same part of the note (no ，；。： or bracket between them). */
static bool format_word_near(fg_strview s, size_t a, size_t b, const char *const *words, size_t n)
{
    size_t lo = a;
    size_t hi = b;

    while (lo > 0 && a - lo < FORMAT_GAP + 6 && !format_stop(s, lo - 1))
        lo--;
    while (hi < s.len && hi - b < FORMAT_GAP + 6 && !format_stop(s, hi))
        hi++;
    for (size_t k = 0; k < n; k++)
        if (fg_sv_find(fg_sv(s.ptr + lo, hi - lo), words[k]) != SIZE_MAX)
            return true;
    return false;
}

unsigned fg_clause__format_declaration(fg_strview v)
{
    static const char *const bold[] = {"加粗", "粗体", "黑体", "粗字"};
    static const char *const red[] = {"红色", "红字", "标红", "红体"};
    const char *s = v.ptr;
    size_t len = v.len;
    unsigned found = 0;
    size_t at = 0;

    if (len > FORMAT_DECLARATION)
        return 0;
    for (;;) {
        size_t f = fg_sv_find(fg_sv(s + at, len - at), "牵头");

        if (f == SIZE_MAX)
            return found;
        f += at;
        if (format_word_near(v, f, f + 6, bold, sizeof bold / sizeof *bold))
            found |= FG_CLAUSE_FORMAT_BOLD;
        if (format_word_near(v, f, f + 6, red, sizeof red / sizeof *red))
            found |= FG_CLAUSE_FORMAT_RED;
        at = f + 6;
    }
}

bool fg_clause__mark_declaration(fg_strview s)
{
    size_t o = lead_mark_sign_in(s);
    size_t q;

    if (o == SIZE_MAX)
        return false;
    q = fg_sv_find(fg_sv(s.ptr + o, s.len - o), "牵头");
    return q != SIZE_MAX && fg_clause__declaration_link(fg_sv(s.ptr + o, q));
}

/*
 * The length of the declaration phrase at s[i] (i at a phrase start), with the phrases
 * after it that belong to it (下同, 其他为配合单位, 其余单位配合), up to the sentence's end; 0
 * when the phrase at s[i] is not a declaration.
 */
static size_t declaration_at(fg_strview s, size_t i)
{
    size_t e = next_group_sep(s, i);
    fg_strview g = fg_sv(s.ptr + i, e - i);
    size_t o = ordinal_in(g);
    size_t q;

    if (o == SIZE_MAX)
        o = lead_mark_sign_in(g);
    if (o == SIZE_MAX)
        return 0;
    q = fg_sv_find(fg_sv(g.ptr + o, g.len - o), "牵头");
    if (q == SIZE_MAX || !fg_clause__declaration_link(fg_sv(g.ptr + o, q)))
        return 0;
    while (e < s.len && !AT(s, e, "。")) {
        fg_strview next = fg_sv(s.ptr + e + 3, s.len - e - 3);

        if (!(fg_sv_starts(next, "下同") || fg_sv_starts(next, "其他") ||
              fg_sv_starts(next, "其余") || fg_sv_starts(next, "其它")))
            break;
        e = next_group_sep(s, e + 3);
    }
    return e - i;
}

bool fg_clause__is_declaration(fg_strview s)
{
    ensure_sets();
    return s.len > 0 && declaration_at(s, 0) > 0;
}

/* The markers of the labels of fg_clause__label_at(), by fg_label_role. */
static const marker label_markers[] = {
    [FG_LABEL_LEAD] = {"", 0, M_LABEL, FG_ROLE_LEAD, false, false},
    [FG_LABEL_CO] = {"", 0, M_LABEL, FG_ROLE_CO, false, false},
    [FG_LABEL_RESP] = {"", 0, M_LABEL, FG_ROLE_CO, false, true},
    [FG_LABEL_UNKNOWN] = {"", 0, M_LABEL, FG_ROLE_CO, false, true},
};

static bool is_sep_at(fg_strview s, size_t i);

/* The markers of a label word after 为 (X为主办单位, Y为协办部门): units before it, by role. */
static const marker post_label_markers[] = {
    [FG_LABEL_LEAD] = {"", 0, M_POST, FG_ROLE_LEAD, false, false},
    [FG_LABEL_CO] = {"", 0, M_POST, FG_ROLE_CO, false, false},
    [FG_LABEL_RESP] = {"", 0, M_POST, FG_ROLE_CO, false, true},
};

/*
 * The length of 为 and a role label's word after it at s[i] (市文旅局为主办单位, 市商务局为协办
 * 单位, X为责任部门: the units before it take the word's role, as 为牵头单位 gives), up to a
 * separator, the end or a 、; 0 when the word is no role label (为主体, 为重点).
 */
static size_t post_label_at(const fg_lexicon *lx, fg_strview s, size_t i, fg_label_role *role)
{
    size_t j = i + 3;
    size_t n = 0;

    if (!AT(s, i, "为"))
        return 0;
    while (j < s.len && n < 10 && !is_sep_at(s, j) && !AT(s, j, "、") &&
           (unsigned char)s.ptr[j] >= 0xE4 && (unsigned char)s.ptr[j] <= 0xE9) {
        j += 3;
        n++;
    }
    if (n < 2 || (j < s.len && !is_sep_at(s, j) && !AT(s, j, "、")))
        return 0;
    /* 以X、Y为牵头医院，分别组建…: a kind noun (head_kind_noun()) is a label's with a colon only. */
    if (head_kind_noun(lx, fg_sv(s.ptr + i + 3, j - i - 3)))
        return 0;
    *role = fg_clause__label_word(lx, fg_sv(s.ptr + i + 3, j - i - 3));
    return *role == FG_LABEL_LEAD || *role == FG_LABEL_CO || *role == FG_LABEL_RESP ? j - i : 0;
}

/*
 * Whether the text after a role word, up to the next separator, may be the work done
 * (负责森林火灾预防工作): not 负责人, 负责同志, 负责制, 负责任, 牵头的, 配合下, 牵头单位,
 * 牵头职责, 配合作用, ….
 */
static bool task_object(fg_strview t)
{
    static const fg_lit not_work[] = {FG_LIT("的"), FG_LIT("人"),   FG_LIT("制"), FG_LIT("者"),
                                      FG_LIT("方"), FG_LIT("任"),   FG_LIT("下"), FG_LIT("时"),
                                      FG_LIT("之"), FG_LIT("同志"), FG_LIT("等"), FG_LIT("中"),
                                      FG_LIT("单位"), FG_LIT("部门"), FG_LIT("机构"),
                                      FG_LIT("职责"), FG_LIT("责任"), FG_LIT("作用")};

    return !starts_with_any(t, not_work, N_OF(not_work));
}

/* Whether m says by what a unit acts: 按职责, 按照职能分工, 依职责, 根据职责分工, 按属地 …. */
static bool manner_marker(const marker *m)
{
    return strncmp(m->s, "按", 3) == 0 || strncmp(m->s, "依", 3) == 0 ||
           strncmp(m->s, "根据", 6) == 0;
}

/*
 * Whether the role word m may take the work as its object (X牵头负责…, X配合做好…, X按职责做好
 * …, X承担园区规划): 牵头, 负责 and 配合 words, 承担, 协助, 办理 (交X办理) and the manner words
 * (manner_marker()); not 会办, 参与, 协同, 主管, … (社会办医, 保险参与风险评估).
 */
static bool takes_object(const marker *m)
{
    return m->type == M_POST &&
           (strstr(m->s, "牵头") != NULL || strstr(m->s, "负责") != NULL ||
            strcmp(m->s, "配合") == 0 || strcmp(m->s, "协助") == 0 ||
            strcmp(m->s, "承担") == 0 || strcmp(m->s, "办理") == 0 || manner_marker(m));
}

/* Tails allowed after a postfix marker in a sentence ("负责落实"). */
static const fg_lit ok_tails[] = {FG_LIT("负责"), FG_LIT("落实"), FG_LIT("实施"),
                                  FG_LIT("推进"), FG_LIT("组织实施"), FG_LIT("推动落实"),
                                  FG_LIT("抓好落实"), FG_LIT("完成"), FG_LIT("推动"),
                                  FG_LIT("配合"), FG_LIT("负责落实")};

/* The first 3 bytes of s as one number, to compare a character at once. */
static uint32_t char3(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;

    return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
}

/*
 * The markers grouped by first character, for marker_at(): an open-addressing table keyed
 * by char3() of the first character, each slot listing its markers longest first (in table
 * order among markers of one length), with char3() of their second characters.
 */
enum { MARKER_SLOTS = 64, MARKERS_PER_CHAR = 16 };
static struct {
    uint32_t first;                        /* 0: an empty slot */
    unsigned char n;
    unsigned char idx[MARKERS_PER_CHAR];   /* indices into markers[] */
    uint32_t second[MARKERS_PER_CHAR];     /* char3() of markers[idx[j]].s + 3 */
} marker_slots[MARKER_SLOTS];

static size_t marker_slot_of(uint32_t first)
{
    size_t h = (size_t)((first * 2654435761u) >> 26) & (MARKER_SLOTS - 1);

    while (marker_slots[h].first != 0 && marker_slots[h].first != first)
        h = (h + 1) & (MARKER_SLOTS - 1);
    return h;
}

static void sets_init(void)
{
    fg_cjkset_add(&sets.unit_endings, unit_endings, sizeof unit_endings - 1);
    fg_cjkset_add(&sets.level_endings, level_endings, sizeof level_endings - 1);
    fg_cjkset_add(&sets.strong_chars, strong_chars, sizeof strong_chars - 1);
    fg_cjkset_add(&sets.strong_lasts, strong_lasts, sizeof strong_lasts - 1);
    fg_cjkset_add(&sets.marker_firsts, marker_firsts, sizeof marker_firsts - 1);
    fg_cjkset_add(&sets.time_firsts, time_firsts, sizeof time_firsts - 1);
    fg_cjkset_add(&sets.head_firsts, head_firsts, sizeof head_firsts - 1);
    fg_cjkset_add(&sets.tail_lasts, tail_lasts, sizeof tail_lasts - 1);
    fg_cjkset_add(&sets.verb_firsts, verb_firsts, sizeof verb_firsts - 1);
    fg_cjkset_add(&sets.kind_seconds, kind_seconds, sizeof kind_seconds - 1);
    fg_cjkset_add(&sets.join_firsts, join_firsts, sizeof join_firsts - 1);
    fg_cjkset_add(&sets.level_chars, level_chars, sizeof level_chars - 1);
    fg_cjkset_add(&sets.note_firsts, "以上下其此该本", sizeof "以上下其此该本" - 1);
    fg_cjkset_add(&sets.narrative_firsts, "加强推完健建深促提优注关",
                  sizeof "加强推完健建深促提优注关" - 1);
    fg_cjkset_add(&sets.level_lasts, "省市州县区旗盟府会委镇乡道", strlen("省市州县区旗盟府会委镇乡道"));
    for (size_t k = 0; k < N_OF(admin_levels); k++)
        fg_cjkset_add(&sets.level_firsts, admin_levels[k].word.s, 3);
    for (size_t k = 0; k < N_OF(markers); k++) {
        uint32_t first = char3(markers[k].s);
        size_t h = marker_slot_of(first);

        /* A programmer's error: too many markers start with one character. */
        if (marker_slots[h].n == MARKERS_PER_CHAR)
            abort();
        /* Every marker is two characters or more: its second one is compared first. */
        if (markers[k].len < 6)
            abort();
        marker_slots[h].first = first;
        /* Behind the markers as long or longer: the first match is the longest. */
        {
            size_t j = marker_slots[h].n++;

            while (j > 0 && markers[marker_slots[h].idx[j - 1]].len < markers[k].len) {
                marker_slots[h].idx[j] = marker_slots[h].idx[j - 1];
                marker_slots[h].second[j] = marker_slots[h].second[j - 1];
                j--;
            }
            marker_slots[h].idx[j] = (unsigned char)k;
            marker_slots[h].second[j] = char3(markers[k].s + 3);
        }
    }
    {
        char chars[sizeof marker_firsts + 12];

        memcpy(chars, marker_firsts, sizeof marker_firsts - 1);
        memcpy(chars + sizeof marker_firsts - 1, "，；。：", 13);
        fg_charscan_init(&sets.markers_seps, chars, strlen(chars));
    }
    fg_charscan_init(&sets.role_firsts, "牵负：单部主抓统为归领按挂会召承办",
                     strlen("牵负：单部主抓统为归领按挂会召承办"));
    fg_charscan_init(&sets.rare, "第首前【〔：★☆＊▲△", strlen("第首前【〔：★☆＊▲△"));
}

/* Build the character sets once; every entry point of this file calls it first. */
static void ensure_sets(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    pthread_once(&once, sets_init);
}

/* Whether a marker may start at s[i]: every marker starts with a marker_firsts ideograph. */
static inline bool may_start_marker(fg_strview s, size_t i)
{
    unsigned char c = i < s.len ? (unsigned char)s.ptr[i] : 0;

    return c >= 0xE4 && c <= 0xE9 && s.len - i >= 6 &&
           fg_cjkset_has(&sets.marker_firsts, s.ptr + i);
}

static bool is_sep_at(fg_strview s, size_t i);

/*
 * The first index >= i of s where the main loop of fg_clause__parse() has something to
 * test: a marker may start there, or a stop label (at 0 or right after ，；。); or s.len.
 * Any other character starts neither, so it is skipped. s is valid UTF-8.
 */
static size_t next_marker_candidate(fg_strview s, size_t i)
{
    if (i == 0 || (i >= 3 && is_sep_at(s, i - 3)))
        return i;
    for (;;) {
        i = fg_charscan_next(&sets.markers_seps, s.ptr, s.len, i, s.len);
        if (i >= s.len || may_start_marker(s, i) || AT(s, i, "："))
            return i;
        if (is_sep_at(s, i))
            return i + 3; /* the separator itself starts nothing */
        i += 3;           /* a 3-byte character the scan could not rule out */
    }
}

static const marker *marker_at(fg_strview s, size_t i);

/* Whether a colon comes within 8 characters of s[j] (牵 头 单 位：: a spaced label goes on). */
static bool colon_soon(fg_strview s, size_t j)
{
    for (size_t n = 0; j < s.len && n < 8; n++) {
        if (AT(s, j, "：") || s.ptr[j] == ':')
            return true;
        j += fg_cp_len((unsigned char)s.ptr[j]);
    }
    return false;
}

/* Whether s ends with a role marker of 2 to 5 characters (…牵头, …按职责分工负责). */
static bool ends_with_marker(fg_strview s)
{
    for (size_t n = 6; n <= 15 && n <= s.len; n += 3) {
        const marker *m = marker_at(s, s.len - n);

        if (m != NULL && m->len == n && m->type != M_LABEL && m->type != M_STOP)
            return true;
    }
    return false;
}

/* The longest marker at s[i] (the first in table order of the longest ones), or NULL. */
static const marker *marker_at(fg_strview s, size_t i)
{
    size_t h;
    uint32_t second;

    if (!may_start_marker(s, i))
        return NULL;
    /* The markers with this first character, longest first; s[i..i+6) is readable. */
    h = marker_slot_of(char3(s.ptr + i));
    second = char3(s.ptr + i + 3);
    for (size_t j = 0; j < marker_slots[h].n; j++) {
        const marker *m = &markers[marker_slots[h].idx[j]];

        if (marker_slots[h].second[j] == second && fg_sv_at(s, i + 6, m->s + 6, m->len - 6))
            return m;
    }
    return NULL;
}

static bool is_sep_at(fg_strview s, size_t i)
{
    unsigned char c = i < s.len ? (unsigned char)s.ptr[i] : 0;

    /* The lead bytes of ，； (EF) and 。 (E3) first: most characters are none of these. */
    return (c == 0xEF || c == 0xE3) && (AT(s, i, "，") || AT(s, i, "；") || AT(s, i, "。"));
}

/* 商 (in consultation with) as a joiner: X商Y负责 reads as X会同Y负责. */
static const marker consult_marker = {"商", sizeof("商") - 1, M_WITH, FG_ROLE_LEAD, false, false};
/* 由X召集，Y参加: X leads (convenes); see convenes_at(). */
static const marker convene_marker = {"召集", sizeof("召集") - 1, M_POST, FG_ROLE_LEAD, false,
                                      false};

/* 交X办理: X handles what is handed over, as X负责 (see handed_to()). */
static const marker handle_marker = {"办理", sizeof("办理") - 1, M_POST, FG_ROLE_CO, true, true};

/* 保障, 支撑 or 服务 after what a unit does (Y提供资金保障): Y co-operates, as with 支持. */
static const marker support_marker = {"保障", sizeof("保障") - 1, M_POST, FG_ROLE_CO, false,
                                      false};

/*
 * Whether the 商 at s[i] joins two units (国家发展改革委商财政部负责): a complete name since
 * pending before it, and after it no word of which 商 is part (商务 商业 商会 商量 商定 商事 …).
 */
static bool consults_at(fg_strview s, size_t pending, size_t i)
{
    static const char words[] = "务业会品贸户场标铺圈城量讨议定请谈洽税报家人超住事";
    fg_strview before;

    if (i + 6 > s.len || i < pending + 6)
        return false;
    for (size_t k = 0; k + 3 <= sizeof words - 1; k += 3)
        if (memcmp(s.ptr + i + 3, words + k, 3) == 0)
            return false;
    before = fg_sv(s.ptr + pending, i - pending);
    while (before.len >= 3 && is_sep_at(before, 0))
        before = fg_sv(before.ptr + 3, before.len - 3);
    return strong_ending(before) && looks_like_unit(before);
}

/*
 * Whether the postfix marker s[i .. i+len) stands inside a unit's name (市安全生产委员会办公室,
 * 市统筹城乡发展办公室, 市乡村振兴指导中心, 协同创新中心): the text after it, up to the next
 * separator, 、, mark or marker, is not empty, does not open a new unit (a level character of
 * level_chars: 省 市 县 区 …, or 国),
 * and makes with the marker a name's ending.
 */
static bool marker_in_name(fg_strview s, size_t i, size_t len)
{
    static const fg_lit generic_units[] = {FG_LIT("部门"), FG_LIT("单位"), FG_LIT("机关"),
                                           FG_LIT("机构")};
    size_t e = i + len;

    if (e + 3 > s.len || is_sep_at(s, e) || AT(s, e, "、") || (unsigned char)s.ptr[e] < 0xE4 ||
        fg_cjkset_has(&sets.level_chars, s.ptr + e) || AT(s, e, "国"))
        return false;
    /* 主管部门, 归口管理单位: a generic unit right after (数据主管部门抓好本地区落实). */
    if ((AT(s, i, "主管") || AT(s, i, "归口")) &&
        starts_with_any(fg_sv(s.ptr + e, s.len - e), generic_units, N_OF(generic_units)))
        return true;
    /*
     * At most 12 characters on: a name's ending is near; a mark's byte (X（牵头）) ends it, and
     * so does the bracket a name may carry (市安全生产委员会办公室（市应急管理局）), or the end
     * of the bracket the word stands in (党委办公室（董事会办公室）).
     */
    for (size_t n = 0; e < s.len && n < 12 && !is_sep_at(s, e) && !AT(s, e, "、") &&
                       s.ptr[e] != MARK_LEAD_BYTE && s.ptr[e] != MARK_CO_BYTE &&
                       s.ptr[e] != '(' && s.ptr[e] != ')' && !AT(s, e, "（") &&
                       !AT(s, e, "）") && !AT(s, e, "〔") && !AT(s, e, "〕");
         n++) {
        if (may_start_marker(s, e) && marker_at(s, e) != NULL)
            break;
        e += fg_cp_len((unsigned char)s.ptr[e]);
    }
    if (e <= i + len)
        return false;
    /* 委员会办公室, 指导中心; 主管部门, 主管机关 (行业主管部门等按职责负责). */
    if (e >= i + len + 3 && AT(s, e - 3, "等"))
        e -= 3;
    return strong_ending(fg_sv(s.ptr + i, e - i)) ||
           ends_with_any(fg_sv(s.ptr + i, e - i), generic_units, N_OF(generic_units));
}

/*
 * Whether the colon at text[c] ends a role label (fg_clause__label_at()): the label starts
 * after the last character before it that is neither an ideograph nor a blank, at most 10
 * ideographs back.
 */
static bool role_label_before(const fg_lexicon *lx, fg_strview text, size_t c)
{
    size_t start = c;
    size_t n = 0;

    while (start > 0 && n <= 10) {
        size_t k = last_cp_len(fg_sv(text.ptr, start));
        unsigned char b = (unsigned char)text.ptr[start - k];

        if (k == 3 && b >= 0xE4 && b <= 0xE9)
            n++;
        else if (blank_len(text, start - k) != k)
            break;
        start -= k;
    }
    for (size_t i = start; i < c; i += fg_cp_len((unsigned char)text.ptr[i])) {
        size_t len;
        fg_label_role r = fg_clause__label_at(lx, text, i, &len);

        if (r != FG_LABEL_NONE && i + len > c)
            return r != FG_LABEL_OTHER;
    }
    return false;
}

/* Whether the word that ends at s[j] ends there: no 体 导 线 要 题 力 after it (为主体 …). */
static bool ends_role_word(fg_strview s, size_t j)
{
    static const char *const more[] = {"体", "导", "线", "要", "题", "力", NULL};

    for (size_t k = 0; more[k]; k++)
        if (fg_sv_at(s, j, more[k], strlen(more[k])))
            return false;
    return true;
}

/*
 * Whether a complete name ends text[0..i) (its other name in brackets aside: 省委宣传部（省新闻
 * 出版局）主办), or does before one adverb of strip_element() that stands between it and a role
 * word (团省委共同主办, 市气象局联合负责, 县公安局分别挂帅).
 */
static bool name_before_word(fg_strview text, size_t i)
{
    static const fg_lit adverbs[] = {FG_LIT("共同"), FG_LIT("联合"), FG_LIT("分别"),
                                     FG_LIT("各自"), FG_LIT("具体"), FG_LIT("分头")};

    if (i < 6)
        return false;
    if (strong_ending(before_final_bracket(fg_sv(text.ptr, i), SIZE_MAX)))
        return true;
    for (size_t k = 0; k < N_OF(adverbs); k++)
        if (i >= 6 + adverbs[k].n && fg_sv_at(text, i - adverbs[k].n, adverbs[k].s, adverbs[k].n))
            return strong_ending(before_final_bracket(fg_sv(text.ptr, i - adverbs[k].n), SIZE_MAX));
    return false;
}

/*
 * Where the unit a matter is handed to starts, when s[from .. i) is 交 or 交由 and a complete
 * name (交市信访局 办理, 交由县司法局 负责), after the separators and, before 交, at most 10
 * characters of the matter handed over that hold no name (有关投诉交省教育厅办理): that unit
 * handles it. Not 交通 交流 交易 … (words of 交), nor after 将 or 把 (X将…交Y办理: X hands
 * over). SIZE_MAX otherwise.
 */
static size_t handed_to(fg_strview s, size_t from, size_t i)
{
    static const char words[] = "通流易换叉付纳办警接汇往友互融割还代底心集界";
    fg_strview t = after_separators(fg_sv(s.ptr + from, i - from), i - from);
    size_t n = 0;

    for (size_t k = 0; k + 6 < t.len && n <= 10; k += fg_cp_len((unsigned char)t.ptr[k]), n++) {
        fg_strview matter = fg_sv(t.ptr, k);
        size_t at = k + 3;

        if (AT(t, k, "将") || AT(t, k, "把"))
            return SIZE_MAX;
        if (!AT(t, k, "交"))
            continue;
        if (AT(t, at, "由"))
            at += 3;
        else
            for (size_t w = 0; w + 3 <= sizeof words - 1; w += 3)
                if (memcmp(t.ptr + at, words + w, 3) == 0)
                    return SIZE_MAX;
        if (matter.len > 0 && (strong_ending(matter) || looks_like_unit(matter)))
            return SIZE_MAX;
        if (at < t.len && strong_ending(fg_sv(t.ptr + at, t.len - at)) &&
            looks_like_unit(fg_sv(t.ptr + at, t.len - at)))
            return (size_t)(t.ptr - s.ptr) + at;
        return SIZE_MAX;
    }
    return SIZE_MAX;
}

/*
 * Whether 召集 at s[i] ends a phrase after a complete name (由X召集，Y参加: X convenes, and
 * leads), not a team's word (召集人, 召集单位, 副召集).
 */
static bool convenes_at(fg_strview s, size_t i)
{
    size_t e = i + 6;

    return AT(s, i, "召集") && !(i >= 3 && AT(s, i - 3, "副")) &&
           (e >= s.len || is_sep_at(s, e) || AT(s, e, "）") || s.ptr[e] == ')' ||
            s.ptr[e] == ',' || s.ptr[e] == ';') &&
           name_before_word(s, i);
}

/*
 * Whether text holds 牵头, 负责, 负总责, a lead's word after a name (主办, 主抓, 抓总, 挂帅, 统筹, 为主),
 * a manner of duty after a name (按职责, 按照职能, 按分工 …) or a role label (负责部门：, 牵 头 单 位:)
 * (one pass).
 */
/*
 * Whether the word w (ideographs, 3 bytes each) starts at s[i] with blanks or none between
 * its characters (牵 头, 负　责: justified PDF text spreads a short bracket's words), at most
 * two blanks a gap.
 */
static bool spaced_at(fg_strview s, size_t i, const char *w)
{
    size_t n = strlen(w);

    for (size_t k = 0; k < n; k += 3) {
        size_t gap = 0;
        size_t b;

        while (k > 0 && gap < 2 && (b = blank_len(s, i)) > 0) {
            i += b;
            gap++;
        }
        if (!fg_sv_at(s, i, w + k, 3))
            return false;
        i += 3;
    }
    return true;
}

bool fg_clause__has_role_word(const fg_lexicon *lx, fg_strview text)
{
    ensure_sets();
    /* Only where 牵, 负, ：, 单 or 部 may start: the scanner skips the rest many bytes at a time. */
    for (size_t i = 0; (i = fg_charscan_next(&sets.role_firsts, text.ptr, text.len, i,
                                             text.len)) < text.len;
         i += 3) {
        if (spaced_at(text, i, "牵头") || spaced_at(text, i, "负责") || AT(text, i, "负总责") ||
            AT(text, i, "负主体责任") || AT(text, i, "负属地责任") ||
            (AT(text, i, "负其责") && i >= 3 && AT(text, i - 3, "各")))
            return true;
        /*
         * 市商务局主办, 市发展改革委统筹, 地区农业局主管, 技改处归口, 市政府办公室领衔: a
         * lead's word right after a name (or its other name in brackets: 省委宣传部（省新闻
         * 出版局）主办); 市财政局按职责做好…: a manner of a unit's duty.
         */
        if ((AT(text, i, "主办") || AT(text, i, "主责") || AT(text, i, "主管") || AT(text, i, "主抓") ||
             AT(text, i, "抓总") || AT(text, i, "归口") || AT(text, i, "领衔") ||
             AT(text, i, "挂帅") || AT(text, i, "统筹") || AT(text, i, "会同") ||
             (AT(text, i, "为主") && ends_role_word(text, i + 6)) || AT(text, i, "按职责") ||
             AT(text, i, "按职能") || AT(text, i, "按照职责") || AT(text, i, "按照职能") ||
             AT(text, i, "按各自职责") || AT(text, i, "按照各自职责") || AT(text, i, "按分工") ||
             AT(text, i, "按照分工")) &&
            name_before_word(text, i))
            return true;
        if (AT(text, i, "：") && role_label_before(lx, text, i))
            return true;
        if (convenes_at(text, i))
            return true;
        /* 市工信局承担…, 交市信访局办理: a unit's charge, as 负责. */
        if ((AT(text, i, "承担") && name_before_word(text, i) && !AT(text, i + 6, "单位")) ||
            (AT(text, i, "办理") && handed_to(text, 0, i) != SIZE_MAX))
            return true;
        /* 为配合单位, 为责任部门, 责任单位为: a role label written with 为. */
        if ((AT(text, i, "单位") || AT(text, i, "部门")) && i >= 6 &&
            (AT(text, i + 6, "为") || (i >= 9 && AT(text, i - 9, "为"))) &&
            fg_clause__label_word(lx, fg_sv(text.ptr + i - 6, 12)) != FG_LABEL_OTHER)
            return true;
    }
    for (const char *c = memchr(text.ptr, ':', text.len); c != NULL;
         c = memchr(c + 1, ':', text.len - (size_t)(c + 1 - text.ptr)))
        if (role_label_before(lx, text, (size_t)(c - text.ptr)))
            return true;
    return false;
}

/* The longest mark in bytes: 6 ideographs (第一责任单位). */
#define MARK_MAX 18

/*
 * The role the words of a mark give (a head, then a unit suffix or not): 牵头, 牵头单位, 主责,
 * 主办部门 lead; 会办, 协办, 配合, 参与, 协助, 协同, 参加, 配合单位 co (X（主办）、Y（会办）, as a
 * 建议提案交办 table writes them); the lead and co labels of the role lexicon up to MARK_MAX
 * bytes (第一责任单位, 主抓单位, 协同部门); FG_LABEL_NONE for other words.
 */
static fg_label_role mark_word(fg_strview w)
{
    static const fg_lit heads[] = {FG_LIT("牵头"), FG_LIT("主责"), FG_LIT("主办"), FG_LIT("会办"),
                                   FG_LIT("协办"), FG_LIT("配合"), FG_LIT("参与"), FG_LIT("协助"),
                                   FG_LIT("协同"), FG_LIT("参加")};
    static const fg_lit tails[] = {FG_LIT(""), FG_LIT("单位"), FG_LIT("部门")};

    /* A head of two characters, and a tail of none or two: 6 or 12 bytes. */
    for (size_t h = 0; h < N_OF(heads) && (w.len == 6 || w.len == 12); h++) {
        if (!fg_sv_starts_n(w, heads[h].s, heads[h].n))
            continue;
        for (size_t t = 0; t < N_OF(tails); t++)
            if (w.len == heads[h].n + tails[t].n &&
                fg_sv_ends_n(w, tails[t].s, tails[t].n))
                return h < 3 ? FG_LABEL_LEAD : FG_LABEL_CO;
    }
    /* Other lead and co labels of the role lexicon: 第一责任单位, 主抓单位, 协同部门. */
    if (w.len <= MARK_MAX) {
        fg_label_role r = fg_clause__label_word(NULL, w);

        if (r == FG_LABEL_LEAD || r == FG_LABEL_CO)
            return r;
    }
    return FG_LABEL_NONE;
}

bool fg_clause__is_lead_mark(fg_strview w)
{
    return mark_word(w) == FG_LABEL_LEAD;
}

/*
 * The role of the mark in brackets at s[i] (（牵头）, (主责单位), （牵头） with mixed
 * brackets, （会办）), right after before: a lead mark anywhere, a co mark only after a
 * complete name (…完成。（配合） is a bracket of its own); n receives its byte length.
 */
static fg_label_role role_mark(fg_strview before, fg_strview s, size_t i, size_t *n)
{
    size_t open = AT(s, i, "（") ? 3 : i < s.len && s.ptr[i] == '(' ? 1 : 0;

    if (open == 0)
        return FG_LABEL_NONE;
    /* Look for the close bracket within the longest mark. */
    for (size_t j = i + open; j < s.len && j <= i + open + MARK_MAX; j++) {
        if (s.ptr[j] == ')' || AT(s, j, "）")) {
            size_t end = j + (s.ptr[j] == ')' ? 1 : 3);
            fg_label_role r = mark_word(fg_sv(s.ptr + i + open, j - i - open));

            if (r == FG_LABEL_NONE || (r == FG_LABEL_CO && !strong_ending(before)))
                return FG_LABEL_NONE;
            *n = end - i;
            return r;
        }
    }
    return FG_LABEL_NONE;
}

fg_label_role fg_clause__mark(fg_strview before, fg_strview in)
{
    fg_label_role r = mark_word(in);

    ensure_sets();
    return r == FG_LABEL_CO && !strong_ending(before) ? FG_LABEL_NONE : r;
}

bool fg_clause__has_mark(fg_strview text)
{
    ensure_sets();
    for (size_t i = 1; i < text.len; i++) {
        size_t n;

        if ((text.ptr[i] == '(' || AT(text, i, "（")) &&
            role_mark(fg_sv(text.ptr, i), text, i, &n) != FG_LABEL_NONE &&
            strong_ending(fg_sv(text.ptr, i)))
            return true;
    }
    return false;
}

static size_t head_bracket(const fg_lexicon *lx, fg_strview s, size_t j, fg_label_role *said);

/*
 * A bracket at s[i] that holds a head word alone and is followed by a colon (责任单位（牵头）：,
 * 责任单位(配合):): a label's qualifier (fg_clause__label_at()), kept as written; n receives
 * its byte length.
 */
static bool label_bracket(const fg_lexicon *lx, fg_strview s, size_t i, size_t *n)
{
    fg_label_role said = FG_LABEL_NONE;
    size_t end = head_bracket(lx, s, i, &said);

    if (end == i || !(AT(s, end, "：") || (end < s.len && s.ptr[end] == ':')))
        return false;
    *n = end - i;
    return true;
}

/*
 * Characters since the last separator: a blank after a short name (省委 组织部) is
 * inside one name, after a longer one (省财政厅 省商务厅) it separates two.
 */
static size_t last_element_cps(fg_strview s)
{
    size_t n = 0;

    while (s.len > 0) {
        size_t k = last_cp_len(s);
        fg_strview c = fg_sv(s.ptr + s.len - k, k);

        if ((k == 3 && (AT(c, 0, "、") || AT(c, 0, "，") || AT(c, 0, "；") || AT(c, 0, "："))) ||
            c.ptr[0] == MARK_LEAD_BYTE || c.ptr[0] == MARK_CO_BYTE)
            break;
        s.len -= k;
        n++;
    }
    return n;
}

/* Separators after which a blank adds nothing. */
static const fg_lit list_ends[] = {FG_LIT("、"), FG_LIT("，"), FG_LIT("；"), FG_LIT("：")};

/*
 * Whether inner, a bracket's text after a name, is a short alternative of the name's end:
 * 1 to 4 ideographs with no role word; after a complete name (after_unit) at most 2 that end
 * like a unit (（处）, （局）, （中心）), else any (（社区）, （街道）) or a 、 list of up to 4
 * parts of one or two (各县（市、区）).
 */
static bool short_alternative(fg_strview inner, bool after_unit)
{
    size_t n = 0;
    size_t part = 0; /* ideographs since the last 、 */
    size_t parts = 1;

    for (size_t k = 0; k < inner.len; k += 3) {
        if (AT(inner, k, "、") && !after_unit && part > 0 && part <= 2 && parts < 4) {
            part = 0;
            parts++;
            continue;
        }
        if ((unsigned char)inner.ptr[k] < 0xE4 || (unsigned char)inner.ptr[k] > 0xE9 || n == 4)
            return false;
        n++;
        part++;
    }
    /* A list of levels (（市、区）, （区、县、市）): each part one or two ideographs. */
    if (parts > 1 && (part == 0 || part > 2))
        return false;
    if (n == 0 || fg_sv_contains(inner, "牵头") || fg_sv_contains(inner, "负责") ||
        fg_sv_contains(inner, "配合"))
        return false;
    return after_unit ? n <= 2 && strong_ending(inner) : true;
}

/*
 * The length of a bracket at t[i] that belongs to the unit name before it (buf holds the
 * clause read so far), or 0: a bracket inside a name (各市（含定州、辛集市，下同）政府, 各县（市、
 * 区）政府: the name before it is not complete and an ideograph follows it), or a unit's other
 * name (省市场监管局（省知识产权局）). Brackets nest, full- and half-width alike; at most 40
 * characters.
 */
/*
 * Whether blanks start at t[j] and a label's shape follows them (1 to 10 ideographs and a
 * colon: 各县（市、区）　配合部门：Y), or the end of the text, or a | or ｜ follows t[j] after
 * any blanks: the list ends there as at a separator.
 */
static bool label_after_blanks(fg_strview t, size_t j)
{
    size_t b;
    size_t k = j;
    size_t n = 0;

    while ((b = blank_len(t, k)) > 0)
        k += b;
    /* 各学院（部）| 完成时间：…: a | or ｜ separates, blanks before it or not. */
    if (k < t.len && (t.ptr[k] == '|' || AT(t, k, "｜")))
        return true;
    if (k == j)
        return false;
    if (k >= t.len)
        return true;
    while (n < 10 && k + 3 <= t.len && (unsigned char)t.ptr[k] >= 0xE4 &&
           (unsigned char)t.ptr[k] <= 0xE9) {
        k += 3;
        n++;
    }
    return n > 0 && (AT(t, k, "：") || (k < t.len && t.ptr[k] == ':'));
}

static size_t name_bracket(fg_strview buf, fg_strview t, size_t i)
{
    size_t depth = 0;
    size_t j = i;
    size_t inner_start = i + (t.ptr[i] == '(' ? 1 : 3);
    const char *square = square_close(t, i); /* 〔 or ［ at i: its close, else NULL */
    fg_strview inner;
    unsigned char last;

    if (buf.len < 3)
        return 0;
    last = (unsigned char)buf.ptr[buf.len - 3];
    /* The bracket follows an ideograph of a name, not a separator or a lead mark. */
    if (last < 0xE4 || last > 0xE9)
        return 0;
    for (size_t n_cps = 0; j < t.len && n_cps <= 42; n_cps++) {
        if (square != NULL ? fg_sv_at(t, j, t.ptr + i, 3) : t.ptr[j] == '(' || AT(t, j, "（")) {
            depth++;
        } else if (square != NULL ? fg_sv_at(t, j, square, 3)
                                  : t.ptr[j] == ')' || AT(t, j, "）")) {
            if (--depth == 0)
                break;
        }
        j += fg_cp_len((unsigned char)t.ptr[j]);
    }
    if (j >= t.len || depth != 0)
        return 0;
    inner = fg_sv(t.ptr + inner_start, j - inner_start);
    j += t.ptr[j] == ')' ? 1 : 3;
    if (inner.len == 0)
        return 0;
    /* 〔2023〕 after 某政发: a document's number, not a name's bracket. */
    if (square != NULL) {
        for (size_t k = 0; k < inner.len; k++)
            if (inner.ptr[k] >= '0' && inner.ptr[k] <= '9')
                return 0;
    }
    /*
     * Inside a name: an incomplete name before, an ideograph after. In square brackets only
     * levels after a level (各县〔市、区〕人民政府, 各市〔州〕人民政府): 〔完成时限〕 after a
     * task's words is a field's label.
     */
    if (!strong_ending(buf) && j < t.len && (unsigned char)t.ptr[j] >= 0xE4 &&
        (unsigned char)t.ptr[j] <= 0xE9 &&
        (square == NULL || (ends_like_level(buf) && short_alternative(inner, false))))
        return j - i;
    /*
     * A short alternative after a name: 各村（社区）, 各乡镇（街道） at a list's end, and a unit's
     * other suffix after a complete name (学生工作部（处）, 发展改革委（局）). At most 4
     * ideographs inside, and a separator, the end or (after a complete name) a role word after it.
     */
    if ((j >= t.len || AT(t, j, "、") || AT(t, j, "，") || AT(t, j, "；") || AT(t, j, "。") ||
         t.ptr[j] == ',' || t.ptr[j] == ';' || label_after_blanks(t, j) ||
         (strong_ending(buf) && may_start_marker(t, j) && marker_at(t, j) != NULL)) &&
        short_alternative(inner, strong_ending(buf)))
        return j - i;
    /*
     * Other names of the unit: unit names alone inside, one or a 、 list of them (市委宣传部
     * （市新闻出版局、市电影局）).
     */
    if (strong_ending(buf) && fg_sv_find(inner, "，") == SIZE_MAX &&
        fg_sv_find(inner, "牵头") == SIZE_MAX && fg_sv_find(inner, "负责") == SIZE_MAX) {
        size_t a = 0;

        for (;;) {
            size_t b = fg_sv_find(fg_sv(inner.ptr + a, inner.len - a), "、");
            fg_strview name = fg_sv(inner.ptr + a, b == SIZE_MAX ? inner.len - a : b);

            if (!looks_like_unit(name) || !strong_ending(name) ||
                unit_kind(name) != FG_KIND_AGENCY)
                return 0;
            if (b == SIZE_MAX)
                return j - i;
            a += b + 3;
        }
    }
    return 0;
}

/*
 * name_bracket() of the square bracket at t[i] (〔 or ［), or 0 when it holds a role label
 * (〔牵头单位〕X: see fg_clause__label_at()). A field's label (〔完成时限〕) is left to
 * name_bracket(), whose rules take no such word.
 */
static size_t square_name_bracket(const fg_lexicon *lx, fg_strview buf, fg_strview t, size_t i)
{
    size_t len;
    fg_label_role r;

    if (square_close(t, i) == NULL)
        return 0;
    r = fg_clause__label_at(lx, t, i, &len);
    return r == FG_LABEL_NONE || r == FG_LABEL_OTHER ? name_bracket(buf, t, i) : 0;
}

/* The first index >= i of a 〔 or ［ in s, or SIZE_MAX (most clauses hold none). */
static size_t next_square(fg_strview s, size_t i)
{
    size_t a = i < s.len ? fg_sv_find(fg_sv(s.ptr + i, s.len - i), "〔") : SIZE_MAX;
    size_t b = i < s.len ? fg_sv_find(fg_sv(s.ptr + i, s.len - i), "［") : SIZE_MAX;

    a = a < b ? a : b;
    return a == SIZE_MAX ? SIZE_MAX : i + a;
}

/*
 * Copy text into buf: whitespace removed, ASCII , ; : mapped to full-width, nested
 * parentheticals dropped (depth ≥ 1 inside the clause), ideographic spaces removed.
 */
static int normalise(const fg_lexicon *lx, fg_str *buf, fg_strview text, bool *hidden)
{
    size_t square = next_square(text, 0); /* the next 〔 or ［, where a name's bracket may open */
    size_t depth = 0;
    size_t run_start = 0; /* text[run_start..run_end) is copied as is but not yet appended */
    size_t run_end = 0;
    int rc = FG_OK;

    /* Appends whatever run of plain text is pending, before anything else goes into buf. */
#define FLUSH_RUN()                                                                  \
    ((void)(run_end > run_start && rc == FG_OK                                       \
                ? (rc = fg_str_append(buf, text.ptr + run_start, run_end - run_start)) \
                : 0),                                                                \
     (void)(run_start = run_end))

    fg_str_clear(buf);
    rc = fg_str_reserve(buf, text.len);
    for (size_t i = 0; i < text.len && rc == FG_OK;) {
        unsigned char c = (unsigned char)text.ptr[i];
        size_t n = fg_cp_len(c);
        bool plain = false;
        size_t nb = 0; /* the length of a bracket that belongs to a name */
        size_t mn = 0; /* the length of a mark */
        fg_label_role mr;

        if (i + n > text.len)
            n = text.len - i;
        if (square != SIZE_MAX && square < i)
            square = next_square(text, i);
        if (depth == 0 && c >= 0x80 && i != square && !special_at(text.ptr, text.len, i)) {
            /*
             * Plain text, and so is what follows up to the next special_at() character or
             * square bracket.
             */
            n = plain_run_end(text.ptr, text.len, i + 1);
            n = (n < square ? n : square) - i;
            plain = true;
        } else if (depth == 0 && (c == '(' || AT(text, i, "（")) && label_bracket(lx, text, i, &n)) {
            plain = true; /* 责任单位（牵头）：: read with its label */
        } else if (depth == 0 && (c == '(' || AT(text, i, "（")) &&
                   (FLUSH_RUN(), rc == FG_OK) &&
                   (mr = role_mark(fg_sv(buf->ptr ? buf->ptr : "", buf->len), text, i, &mn)) !=
                       FG_LABEL_NONE) {
            /* X（牵头）: the unit before it leads, X（会办） co; its byte travels with its name. */
            n = mn;
            rc = fg_str_appendc(buf, mr == FG_LABEL_LEAD ? MARK_LEAD_BYTE : MARK_CO_BYTE);
        } else if (depth == 0 && (c == '(' || AT(text, i, "（") || i == square) &&
                   (FLUSH_RUN(), rc == FG_OK) &&
                   (nb = i == square ? square_name_bracket(lx, fg_sv(buf->ptr ? buf->ptr : "",
                                                                      buf->len), text, i)
                                     : name_bracket(fg_sv(buf->ptr ? buf->ptr : "", buf->len),
                                                    text, i)) > 0) {
            /* 各市（含定州、辛集市，下同）政府: the bracket belongs to the name, as written. */
            *hidden = true;
            n = nb;
            for (size_t k = i; k < i + n && rc == FG_OK;) {
                size_t cl = fg_cp_len((unsigned char)text.ptr[k]);
                char h = hidden_sep(text, k);

                if (h != 0)
                    rc = fg_str_appendc(buf, h);
                else if (!(text.ptr[k] == ' ' || AT(text, k, "\u3000") || text.ptr[k] == '\n' ||
                           text.ptr[k] == '\r' || text.ptr[k] == '\t'))
                    rc = fg_str_append(buf, text.ptr + k, cl);
                k += cl;
            }
            run_start = run_end = i + n;
        } else if (c == '(' || AT(text, i, "（")) {
            depth++;
        } else if (c == ')' || AT(text, i, "）")) {
            if (depth)
                depth--;
        } else if (depth) {
            /* inside a nested parenthetical: dropped */
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || AT(text, i, "\u3000") ||
                   AT(text, i, "\u00a0")) {
            /*
             * Blanks inside a name come from page layout and are dropped; between two
             * complete units (a table cell "市发展改革委 市财政局") they separate them.
             */
            size_t j = i + n;

            FLUSH_RUN();
            while (j < text.len && (text.ptr[j] == ' ' || AT(text, j, "\u3000")))
                j += text.ptr[j] == ' ' ? 1 : 3;
            size_t label_len;
            fg_strview so_far = fg_sv(buf->ptr ? buf->ptr : "", buf->len);
            /* The name before a mark (X（牵头）　Y　Z): the blank after it separates. */
            fg_strview named = so_far.len && (so_far.ptr[so_far.len - 1] == MARK_LEAD_BYTE ||
                                              so_far.ptr[so_far.len - 1] == MARK_CO_BYTE)
                                   ? fg_sv(so_far.ptr, so_far.len - 1)
                                   : so_far;
            /* Only a blank before an ideograph may stand inside a name or before a label. */
            bool before_ideograph = rc == FG_OK && j < text.len &&
                                    (unsigned char)text.ptr[j] >= 0xE4 &&
                                    (unsigned char)text.ptr[j] <= 0xE9;
            bool after_unit = before_ideograph && strong_ending(named) &&
                              !ends_with_any(named, list_ends, N_OF(list_ends));

            if (before_ideograph && so_far.len > 0 && label_continues(lx, so_far, text, j)) {
                /* 配 合 单 位：a blank inside a label */
            } else if (after_unit && fg_clause__label_at(lx, text, j, &label_len) !=
                                         FG_LABEL_NONE) {
                /* A label after a blank (X单位 配合单位：Y) starts a new field. */
                rc = fg_str_append(buf, "；", 3);
            } else if (after_unit && last_element_cps(named) >= 3) {
                rc = fg_str_append(buf, "、", 3);
            } else if (before_ideograph && !colon_soon(text, j) && ends_with_marker(so_far)) {
                /* X牵头　Y　Z配合: a blank after a role word ends its phrase. */
                rc = fg_str_append(buf, "，", 3);
            }
        } else if (c < 0x20 || c == 0x7f) {
            /* Control characters are never part of a name (and \x01, \x05 are our marks). */
        } else if (c == ',' || c == ';' || c == ':' || c == '|' || AT(text, i, "｜")) {
            /* A | or ｜ (a table's rule, or an OCR'd one) separates fields as ； does. */
            FLUSH_RUN();
            if (rc == FG_OK)
                rc = fg_str_append(buf, c == ',' ? "，" : c == ':' ? "：" : "；", 3);
        } else if (c == '/' && (FLUSH_RUN(), rc == FG_OK) &&
                   strong_ending(fg_sv(buf->ptr ? buf->ptr : "", buf->len))) {
            /* 市财政局/市商务局: a slash between two complete units separates them. */
            rc = fg_str_append(buf, "、", 3);
        } else {
            plain = true;
        }
        if (plain) {
            /* Plain text extends the pending run, or starts a new one after a gap. */
            if (run_end != i) {
                FLUSH_RUN();
                run_start = i;
            }
            run_end = i + n;
        }
        i += n;
    }
    FLUSH_RUN();
#undef FLUSH_RUN
    if (rc == FG_OK && buf->ptr == NULL)
        rc = fg_str_reserve(buf, 0);
    return rc;
}

static fg_strview trim_seps(fg_strview s)
{
    bool again = true;

    while (again && s.len) {
        again = false;
        if (AT(s, 0, "，") || AT(s, 0, "；") || AT(s, 0, "、") || AT(s, 0, "。")) {
            s = fg_sv(s.ptr + 3, s.len - 3);
            again = true;
        }
        if (fg_sv_ends(s, "，") || fg_sv_ends(s, "；") || fg_sv_ends(s, "、") ||
            fg_sv_ends(s, "。")) {
            s.len -= 3;
            again = true;
        }
    }
    return s;
}

/*
 * Every element of a list looks like a unit or is a deadline (X，2021年9月底前), and one at
 * least is no deadline ("年内完成" after a marker is not a list).
 */
static bool all_look_like_units(fg_strview s)
{
    size_t start = 0;
    bool deadline = false; /* an element is a deadline */
    bool unit = false;     /* an element is a unit */

    for (size_t i = 0; i <= s.len; i++) {
        i = find_byte2(s.ptr, s.len, i, 0xE3, 0xEF); /* the lead bytes of 、 and ，； */
        if (i == s.len || AT(s, i, "、") || AT(s, i, "，") || AT(s, i, "；")) {
            elem_mark mark;
            fg_strview e = element_of(fg_sv(s.ptr + start, i - start), &mark);

            if (e.len && !looks_like_unit(e) && unit_kind(e) == FG_KIND_AGENCY) {
                if (!is_time_phrase(e))
                    return false;
                deadline = true;
            } else if (e.len) {
                unit = true;
            }
            start = i + 3;
            i = start - 1;
        }
    }
    return unit || !deadline;
}

/*
 * Whether the rest of a sentence after its role phrases is the work to do (…，Y配合，提供火险
 * 天气预报), not more units: its first element (up to 、，；) does not end like a complete unit
 * or a place, or opens with a task's verb.
 */
static bool work_after_roles(fg_strview rest)
{
    size_t i = 0;
    fg_strview e;

    while (i < rest.len && !AT(rest, i, "、") && !AT(rest, i, "，") && !AT(rest, i, "；"))
        i += fg_cp_len((unsigned char)rest.ptr[i]);
    e = strip_element(fg_sv(rest.ptr, i));
    return e.len > 0 && (starts_like_narrative(e) || !(strong_ending(e) || ends_like_level(e)));
}

/* Words that start what a unit does after the units of 会同 (会同市财政局做好…). Words that
 * also start names (组织部, 发展改革委, 保障厅, 建设局, 服务中心) are not among them. */
static const char *const after_units[] = {
    "做好", "推进", "研究", "制定", "制订", "开展", "落实", "加强", "完善", "建立", "实施",
    "推动", "加快", "抓好", "共同", "联合", "出台", "编制", "指导", "督促", "打造", "深化",
    "优化", "提升", "统筹", "健全", "谋划", "争取", "培育", "构建", "引导", "鼓励", "确保",
    "起草", "修订", "印发", "发布", "搭建", "举办", "办好", "实行", "探索", "强化", "持续",
    "全面", "进一步", "积极", "大力", "按照", "负责", "协调", "配合", "完成", "办理", "梳理",
    "清理", "召开", "做实", "筹备", "拟定", "部署", "及时", "定期", "切实", "认真", "抓紧",
    "分别", "具体", NULL};

/*
 * The length of the start of s that is a list of units separated by 、 and followed by what
 * they do (市财政局、市教育局等部门 in 会同市财政局、市教育局等部门推进…, after 会同 with no role
 * word after its units: X牵头，会同Y、Z办理; a unit list's 会同Y做好…): the first end after
 * which the last name looks like a unit and a word of after_units[] or 等 follows (等, 等部门,
 * 等单位 kept with the list); 0 when there is none.
 */
static size_t unit_list_prefix(fg_strview s)
{
    size_t elem = 0; /* where the last element starts */

    for (size_t i = 0; i < s.len && i < 60 * 3;) {
        size_t n = fg_cp_len((unsigned char)s.ptr[i]);
        fg_strview tail;

        if (AT(s, i, "、")) {
            if (!looks_like_unit(fg_sv(s.ptr + elem, i - elem)))
                return 0;
            elem = i + n;
        } else if (AT(s, i, "，") || AT(s, i, "。") || AT(s, i, "；")) {
            return 0;
        }
        i += n;
        if (!looks_like_unit(fg_sv(s.ptr + elem, i - elem)))
            continue;
        tail = fg_sv(s.ptr + i, s.len - i);
        if (fg_sv_starts(tail, "等")) {
            static const char *const list_closers[] = {"等有关部门", "等部门", "等单位", "等"};

            for (size_t k = 0; k < sizeof list_closers / sizeof *list_closers; k++)
                if (fg_sv_starts(tail, list_closers[k]))
                    return i + strlen(list_closers[k]);
        }
        for (size_t k = 0; after_units[k] != NULL; k++)
            if (fg_sv_starts(tail, after_units[k]))
                return i;
        /* 会同Y、Z每年开展…: how often they do it (每年 每季度 每月) opens the work. */
        if (fg_sv_starts(tail, "每"))
            return i;
    }
    return 0;
}

/*
 * Whether s holds one of the n (1 to 3) three-byte characters cs, each given by its UTF-8
 * bytes (0xE79A84 for 的). In valid UTF-8 a lead byte is never inside another character, so
 * any place where the three bytes stand is the character. With SSE2, 16 places at a time are
 * tested for the three bytes of each.
 */
static inline bool has_char3(fg_strview s, const uint32_t *cs, size_t n)
{
    size_t i = 0;

#if defined(__SSE2__) && !defined(FG_NO_SIMD)
    for (; i + 18 <= s.len; i += 16) {
        __m128i b0 = _mm_loadu_si128((const __m128i *)(s.ptr + i));
        __m128i b1 = _mm_loadu_si128((const __m128i *)(s.ptr + i + 1));
        __m128i b2 = _mm_loadu_si128((const __m128i *)(s.ptr + i + 2));
        __m128i hit = _mm_setzero_si128();

        for (size_t k = 0; k < n; k++)
            hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(eq8(b0, cs[k] >> 16 & 0xFF),
                                                                 eq8(b1, cs[k] >> 8 & 0xFF)),
                                                  eq8(b2, cs[k] & 0xFF)));
        if (_mm_movemask_epi8(hit) != 0)
            return true;
    }
#endif
    for (; i + 3 <= s.len; i++)
        for (size_t k = 0; k < n; k++)
            if ((unsigned char)s.ptr[i] == cs[k] >> 16 && char3(s.ptr + i) == cs[k])
                return true;
    return false;
}

/* Whether s holds a “ or a 《. */
static bool has_quote(fg_strview s)
{
    static const uint32_t quotes[] = {0xE2809C /* “ */, 0xE3808A /* 《 */};

    return has_char3(s, quotes, 2);
}

/*
 * Whether s[i] lies inside a quotation (“…” or 《…》) that opens at most 40 characters
 * before it.
 */
static bool in_quotation(fg_strview s, size_t i)
{
    size_t k = i;

    for (size_t n = 0; k > 0 && n < 40; n++) {
        k -= last_cp_len(fg_sv(s.ptr, k));
        if (AT(s, k, "”") || AT(s, k, "》"))
            return false;
        if (AT(s, k, "“") || AT(s, k, "《"))
            return true;
    }
    return false;
}

/*
 * Whether name is a unit's name holding a short quoted word (市“两新”工委, 省“放管服”改革
 * 协调小组办公室): every “ closed by a ” within 8 characters, no 《, at most 24 characters
 * in all, and a unit's ending. A quoted slogan in a sentence (推进“放管服”改革) is none.
 */
static bool quoted_word_name(fg_strview name)
{
    size_t after = 0; /* where the text after the last quoted word starts */

    if (fg_sv_contains(name, "《") || count_cps_upto(name, 25) > 24)
        return false;
    for (size_t i = 0; (i = find_byte2(name.ptr, name.len, i, 0xE2, 0xE2)) < name.len; i++) {
        size_t close;

        if (!AT(name, i, "“"))
            continue;
        close = fg_sv_find(fg_sv(name.ptr + i + 3, name.len - i - 3), "”");
        if (close == SIZE_MAX || close == 0 ||
            count_cps_upto(fg_sv(name.ptr + i + 3, close), 9) > 8)
            return false;
        after = i + 3 + close + 3;
        i = after - 1;
    }
    /* 工委, 改革协调小组办公室: the rest is a unit's name of its own. */
    return after > 0 && looks_like_unit(fg_sv(name.ptr + after, name.len - after));
}

/*
 * More than 60 code points, or a “ or 《 inside: not a unit name. may_quote is has_quote()
 * of the text the name was cut from: a name is whole characters of that text, so it holds
 * a “ or 《 only if the text does, and most clauses hold neither.
 */
static bool too_long_or_quoted(fg_strview name, bool may_quote)
{
    /* No more code points than bytes: most names need not be counted. */
    if (name.len > 60 && count_cps_upto(name, 60) > 60)
        return true;
    return may_quote && has_quote(name) && !quoted_word_name(name);
}

/*
 * A unit that leads in a clause does not also co-operate in it (（X、Y按职责分工负责，X牵头）:
 * X leads, Y co-operates): its co rows among out->v[first..] go. The names stay in
 * out->names, unreferenced. Quadratic, so only for clauses of at most 256 units.
 */
static void drop_co_of_leads(fg_units *out, size_t first)
{
    size_t w = first;
    size_t n_lead = 0;

    for (size_t k = first; k < out->n; k++)
        n_lead += out->v[k].role == FG_ROLE_LEAD;
    /* Most clauses have no lead or no co; a list of hundreds is left as written. */
    if (n_lead == 0 || n_lead == out->n - first || out->n - first > 256)
        return;
    for (size_t k = first; k < out->n; k++) {
        /* 牵头单位：同上；配合单位：同上: each 同上 stands for the units of its own role. */
        bool same = fg_clause__same_as_above(fg_sv(out->names.ptr + out->v[k].off,
                                                   out->v[k].len));
        bool leads = false;

        for (size_t j = first; j < out->n && out->v[k].role == FG_ROLE_CO && !leads && !same;
             j++)
            leads = out->v[j].role == FG_ROLE_LEAD && out->v[j].len == out->v[k].len &&
                    memcmp(out->names.ptr + out->v[j].off, out->names.ptr + out->v[k].off,
                           out->v[k].len) == 0;
        if (!leads)
            out->v[w++] = out->v[k];
    }
    out->n = w;
}

/*
 * Whether the group that opens r (up to its ，；。) is names and their role word: a role word
 * after text that ends like a unit (组织部、统战部配合; not 抓紧组织实施).
 */
static bool names_then_marker(fg_strview r)
{
    size_t g = next_group_sep(r, 0);

    for (size_t k = next_marker_candidate(r, 0); k < g && k < r.len;
         k = next_marker_candidate(r, k + fg_cp_len((unsigned char)r.ptr[k])))
        if (may_start_marker(r, k) && marker_at(r, k) != NULL)
            return k > 0 && ends_like_unit(fg_sv(r.ptr, k));
    return false;
}

/*
 * A role sentence's end that says what to do, not who (由X牵头，Y配合，抓紧组织实施 ;
 * 会议责成X牵头，Y配合，9月底前完成): from the first ， or ； after a role word where a phrase
 * opens with an adverb of doing (抓紧 尽快 确保 切实 做好 加快 按时 按期 力争 务必 要), a
 * task's verb (完成 开展 推进 组织 制定 建立 加强 实施: 由X牵头，Y配合，完成改造20个) or a
 * date (a digit, 年底 年内 今年 明年 月底), the sentence is cut there. Strict mode only.
 */
static fg_strview cut_task_tail(fg_strview s)
{
    static const fg_lit opens[] = {FG_LIT("抓紧"), FG_LIT("尽快"), FG_LIT("确保"), FG_LIT("切实"),
                                   FG_LIT("做好"), FG_LIT("加快"), FG_LIT("按时"), FG_LIT("按期"),
                                   FG_LIT("力争"), FG_LIT("务必"), FG_LIT("要"), FG_LIT("年底"),
                                   FG_LIT("年内"), FG_LIT("今年"), FG_LIT("明年"), FG_LIT("月底"),
                                   FG_LIT("完成"), FG_LIT("开展"), FG_LIT("推进"), FG_LIT("组织"),
                                   FG_LIT("制定"), FG_LIT("建立"), FG_LIT("加强"), FG_LIT("实施")};

    /* From one ，；。 to the next: most sentences have few. */
    for (size_t i = next_group_sep(s, 0); i < s.len; i = next_group_sep(s, i + 3)) {
        fg_strview r = fg_sv(s.ptr + i + 3, s.len - i - 3);

        if (AT(s, i, "。"))
            continue;
        /* A digit, ASCII or full-width (EF BC 90 … 99), or an adverb of doing. */
        if (!((r.len > 0 && r.ptr[0] >= '0' && r.ptr[0] <= '9') ||
              (r.len >= 3 && AT(r, 0, "\xef\xbc") && (unsigned char)r.ptr[2] >= 0x90 &&
               (unsigned char)r.ptr[2] <= 0x99) ||
              starts_with_any(r, opens, N_OF(opens))))
            continue;
        /* …牵头，组织部、统战部配合: names before their own role word, no verb of the work. */
        if (names_then_marker(r))
            continue;
        /* Cut only after a role word. */
        for (size_t k = next_marker_candidate(s, 0); k < i;
             k = next_marker_candidate(s, k + fg_cp_len((unsigned char)s.ptr[k])))
            if (may_start_marker(s, k) && marker_at(s, k) != NULL)
                return fg_sv(s.ptr, i);
    }
    return s;
}

/* Whether a group of s after its first opens with 由 (…，由X, …；由X). */
static bool after_comma_you(fg_strview s)
{
    for (size_t i = 6; i + 3 <= s.len; i += fg_cp_len((unsigned char)s.ptr[i]))
        if (AT(s, i, "由") && (AT(s, i - 3, "，") || AT(s, i - 3, "；")))
            return true;
    return false;
}

/*
 * s from its 由 on when a subject of 2 to SUBJECT_MAX characters stands before it: ideographs,
 * with 、 and brackets between them (此项工作由X牵头, 危险化学品安全监管由X牵头, 乡镇（街道）安全
 * 生产工作由X负责, 学校、幼儿园安全由X负责, 开发区、工业园区的安全生产工作由X负责); not 自由,
 * 经由, 由于. Else s.
 */
static fg_strview after_subject(fg_strview s)
{
    enum { SUBJECT_MAX = 30 };
    size_t n = 0;

    for (size_t i = 0; i + 3 <= s.len && n <= SUBJECT_MAX; n++) {
        unsigned char c = (unsigned char)s.ptr[i];

        /* 由 is E7 94 B1: one byte rules out most ideographs. */
        if (c == 0xE7 && n >= 2 && AT(s, i, "由") && !AT(s, i + 3, "于") &&
            !AT(s, i - 3, "自") && !AT(s, i - 3, "经"))
            return fg_sv(s.ptr + i, s.len - i);
        if (c >= 0xE4 && c <= 0xE9)
            i += 3;
        else if (s.ptr[i] == '(' || s.ptr[i] == ')')
            i += 1;
        else if (AT(s, i, "、") || AT(s, i, "（") || AT(s, i, "）"))
            i += 3;
        else
            break;
    }
    return s;
}

/*
 * A sentence's subject before its units: a phrase before 由 (after_subject(): 此项工作由X牵头,
 * 具体任务由X负责, 补助资金由X负责落实; not 自由), or a meeting's charge (会议责成X牵头, 会议明确由X
 * 负责: 会议 and 责成 要求 明确 决定 同意 确定 商定, 由 after them too; 会议 within the first
 * 40 characters), skipped so that the sentence is read from its units.
 */
static fg_strview skip_subject(fg_strview s)
{
    static const fg_lit charges[] = {FG_LIT("责成"), FG_LIT("要求"), FG_LIT("明确"), FG_LIT("决定"),
                                     FG_LIT("同意"), FG_LIT("确定"), FG_LIT("商定")};

    /*
     * A look back over the items before (以上两项：X牵头…, 以上（三）至（五）项由X负责, 上述第1至
     * 2项，由X牵头): up to 16 characters to 项 and a ： ， or 由; the parser hands the clause
     * to those items (shared_clauses()).
     */
    if (fg_sv_starts(s, "以上") || fg_sv_starts(s, "上述")) {
        size_t n = 0;

        for (size_t i = 6; i + 3 <= s.len && n < 16; i += fg_cp_len((unsigned char)s.ptr[i]), n++) {
            if (AT(s, i, "。") || AT(s, i, "；"))
                break;
            if (AT(s, i, "项") &&
                (AT(s, i + 3, "：") || AT(s, i + 3, "，") || AT(s, i + 3, "由")))
                return fg_sv(s.ptr + i + 6, s.len - i - 6);
        }
    }

    /* 会议责成: at the start, or after a heading run into the sentence (关于…改造会议责成). */
    size_t m = fg_sv_find(fg_sv(s.ptr, s.len < 40 * 3 ? s.len : 40 * 3), "会议");

    if (m != SIZE_MAX && s.len > m + 12) {
        fg_strview r = fg_sv(s.ptr + m + 6, s.len - m - 6);

        for (size_t k = 0; k < N_OF(charges); k++) {
            if (fg_sv_starts_n(r, charges[k].s, charges[k].n)) {
                r = fg_sv(r.ptr + charges[k].n, r.len - charges[k].n);
                return fg_sv_starts(r, "由") ? fg_sv(r.ptr + 3, r.len - 3) : r;
            }
        }
    }
    return after_subject(s);
}

/*
 * Hide the separators inside short quotations in buf (按照“谁主管、谁负责”的原则,
 * 《关于…、…的通知》), as normalise() hides those of a bracket in a name, so that no list is
 * split inside a quotation: a “ or 《 closed by its ” or 》 within 40 characters, with no
 * other opening mark between. Whether anything was hidden goes to *hidden.
 */
static void hide_quoted_seps(fg_str *buf, bool *hidden)
{
    char *p = buf->ptr;
    size_t len = buf->len;
    size_t r = 0; /* read */
    size_t w = 0; /* write: w <= r */

    for (size_t q = 0; (q = find_byte2(p, len, q, 0xE2, 0xE3)) < len;) {
        fg_strview s = fg_sv(p, len);
        bool quote = AT(s, q, "“");
        size_t close = SIZE_MAX;
        size_t n = 0;

        if (!quote && !AT(s, q, "《")) {
            q++;
            continue;
        }
        /* Where the quotation closes, if it does within 40 characters. */
        for (size_t k = q + 3; k < len && n < 40; k += fg_cp_len((unsigned char)p[k]), n++) {
            if (quote ? AT(s, k, "”") : AT(s, k, "》")) {
                close = k;
                break;
            }
            if (AT(s, k, "“") || AT(s, k, "《"))
                break;
        }
        if (close == SIZE_MAX) {
            q += 3;
            continue;
        }
        /* The text before the quotation as it is, then the quotation with its separators hidden. */
        for (size_t k = q; k < close;) {
            char h = hidden_sep(s, k);

            if (h == 0) {
                k += fg_cp_len((unsigned char)p[k]);
                continue;
            }
            if (w != r)
                memmove(p + w, p + r, k - r);
            w += k - r;
            p[w++] = h;
            r = k + 3;
            k = r;
            *hidden = true;
        }
        q = close + 3;
    }
    if (w != r) {
        memmove(p + w, p + r, len - r);
        buf->len = w + len - r;
        p[buf->len] = '\0';
    }
}

/*
 * A label in 【】 or 〔〕 needs no separator before it (省公安厅【完成时限】…): put a ； before
 * each one that follows no separator, so that it starts a field like any label. Most
 * clauses hold neither bracket and are left alone.
 */
static int separate_bracket_labels(const fg_lexicon *lx, fg_str *buf)
{
    fg_str copy = FG_STR_INIT;
    fg_strview s = fg_sv(buf->ptr, buf->len);
    size_t from = 0;
    int rc = FG_OK;


    for (size_t i = 3; i < s.len; i += fg_cp_len((unsigned char)s.ptr[i])) {
        size_t n;

        if (!(AT(s, i, "【") || AT(s, i, "〔")) || is_sep_at(s, i - 3) || AT(s, i - 3, "、") ||
            fg_clause__label_at(lx, s, i, &n) == FG_LABEL_NONE)
            continue;
        /* 各市〔州〕人民政府: a bracket of the name, kept with it by normalise(). */
        if (square_name_bracket(lx, fg_sv(s.ptr, i), s, i) > 0)
            continue;
        FG_TRY(fg_str_append(&copy, s.ptr + from, i - from));
        FG_TRY(fg_str_append(&copy, "；", 3));
        from = i;
    }
    if (from > 0) {
        FG_TRY(fg_str_append(&copy, s.ptr + from, s.len - from));
        fg_str_clear(buf);
        FG_TRY(fg_str_append(buf, copy.ptr, copy.len));
    }
out:
    fg_str_dispose(&copy);
    return rc;
}

/*
 * Two role labels joined by a slash over two values joined by one (牵头单位/责任单位：X/Y): the
 * first value is the first label's, the second the second's. Into out, text with such a pair
 * written as two labels (牵头单位：X；责任单位：Y); *changed tells whether there was one. A
 * label is role words of at most 10 ideographs; a value ends at the next ；。 or line break.
 */
static int split_slash_labels(const fg_lexicon *lx, fg_str *out, fg_strview text, bool *changed)
{
    size_t from = 0;
    int rc = FG_OK;

    *changed = false;
    for (size_t i = 0; i < text.len; i++) {
        size_t sl = slash_len(text, i);
        size_t l1 = i;
        size_t l2len;
        size_t v;
        size_t vend;
        size_t vslash = SIZE_MAX;
        fg_label_role r1;
        fg_label_role r2;

        if (sl == 0)
            continue;
        while (l1 >= 3 && i - l1 < 10 * 3 && (unsigned char)text.ptr[l1 - 3] >= 0xE4 &&
               (unsigned char)text.ptr[l1 - 3] <= 0xE9)
            l1 -= 3;
        if (l1 == i || l1 < from)
            continue;
        r1 = fg_clause__label_word(lx, fg_sv(text.ptr + l1, i - l1));
        r2 = fg_clause__label_at(lx, text, i + sl, &l2len);
        if (r1 == FG_LABEL_NONE || r1 == FG_LABEL_OTHER || r2 == FG_LABEL_NONE ||
            r2 == FG_LABEL_OTHER)
            continue;
        v = i + sl + l2len;
        for (vend = v; vend < text.len && !AT(text, vend, "；") && !AT(text, vend, "。") &&
                       text.ptr[vend] != ';' && text.ptr[vend] != '\n';
             vend += fg_cp_len((unsigned char)text.ptr[vend])) {
            if (slash_len(text, vend) > 0) {
                if (vslash != SIZE_MAX)
                    break; /* more values than labels: left as written */
                vslash = vend;
            }
        }
        if (vslash == SIZE_MAX || (vend < text.len && slash_len(text, vend) > 0))
            continue;
        /* 牵头单位/责任单位：X/Y → 牵头单位：X；责任单位：Y */
        FG_TRY(fg_str_append(out, text.ptr + from, i - from));
        FG_TRY(fg_str_append(out, "：", 3));
        FG_TRY(fg_str_append(out, text.ptr + v, vslash - v));
        FG_TRY(fg_str_append(out, "；", 3));
        FG_TRY(fg_str_append(out, text.ptr + i + sl, v - i - sl));
        vslash += slash_len(text, vslash);
        FG_TRY(fg_str_append(out, text.ptr + vslash, vend - vslash));
        from = vend;
        i = vend - 1;
        *changed = true;
    }
    if (*changed)
        FG_TRY(fg_str_append(out, text.ptr + from, text.len - from));
out:
    return rc;
}

/* Whether a field head of the lexicon (成员, 督办 …) starts at s[k]. */
static bool field_head_at(const fg_lexicon *lx, fg_strview s, size_t k)
{
    for (size_t h = 0; h < lx->n_heads; h++)
        if (lx->heads[h].role == FG_HEAD_FIELD && fg_sv_at(s, k, lx->heads[h].w, lx->heads[h].len))
            return true;
    return false;
}

/*
 * Whether the words of the label w before its first head end like a unit (办公室会办部门:
 * 办公室, then the head 会办): after a name run into it (党委办公室会办部门：) such a label
 * starts inside the name's word and cuts 党委办公室 to 党委, as 会办 inside 董事会办公室 would
 * (marker_in_name()). The label starts at its head then (会办部门：); 办公室配合单位 after
 * 县教育局 likewise.
 */
static bool label_cuts_name(const fg_lexicon *lx, fg_strview w)
{
    for (size_t i = 0; i + 3 <= w.len; i += fg_cp_len((unsigned char)w.ptr[i])) {
        if (!fg_cjkset_has(&lx->head_firsts, w.ptr + i))
            continue;
        for (size_t k = 0; k < lx->n_heads; k++)
            if (fg_sv_at(w, i, lx->heads[k].w, lx->heads[k].len))
                return i > 0 && strong_ending(fg_sv(w.ptr, i));
    }
    return false;
}

/*
 * Whether a complete name ends at s[k]: strongly, or with a bracket of its other name after
 * one (党委办公室（董事会办公室）会办部门：, a labelled line run into the one before it).
 */
static bool name_ends_at(fg_strview s, size_t k)
{
    fg_strview name = fg_sv(s.ptr, k);
    fg_strview bare;

    if (strong_ending(name))
        return true;
    bare = before_final_bracket(name, 20);
    return bare.len < name.len && strong_ending(bare);
}

/*
 * Where a label that ends with the colon at s[c] starts, when it follows a complete unit name
 * with no separator, the name starting at floor or later; at most 10 ideographs are looked at.
 * want FG_LABEL_OTHER, a field (…省交通运输厅预期成果：): the nearest such start, or a farther
 * one where a field head starts the word (…市供电公司督办单位：). Else a role label, *role
 * receiving its role (…市工信局推进单位：, a unit suffix and no head: FG_LABEL_UNKNOWN; …市农业
 * 农村局技术指导：): the farthest, unless a field head starts a longer word before the colon
 * (副组长单位: not 长单位 after 组). SIZE_MAX when there is none. 附 is a field word too (…各乡镇
 * 人民政府附：X领导小组成员名单, a roster's title run into the last item's units when the line
 * breaks are lost).
 */
static size_t label_start_before(const fg_lexicon *lx, fg_strview s, size_t c, size_t floor,
                                 fg_label_role want, fg_label_role *role)
{
    size_t found = SIZE_MAX;

    if (lx == NULL)
        lx = fg_lexicon__default();
    for (size_t k = c; k >= 3 && k + 10 * 3 >= c;) {
        unsigned char b = (unsigned char)s.ptr[k - 3];
        fg_label_role r;

        if (b < 0xE4 || b > 0xE9 || k - 3 < floor + 6)
            break;
        k -= 3;
        /* A word has 2 characters or more, but for the field 附 (an annex's title: 附：X名单). */
        if ((k + 6 > c && !(want == FG_LABEL_OTHER && AT(s, k, "附"))) ||
            (want == FG_LABEL_OTHER && !strong_ending(fg_sv(s.ptr, k))))
            continue;
        r = fg_clause__label_word(lx, fg_sv(s.ptr + k, c - k));
        if (want != FG_LABEL_OTHER) {
            if (field_head_at(lx, s, k))
                return SIZE_MAX;
            if (r != FG_LABEL_OTHER && r != FG_LABEL_NONE && name_ends_at(s, k)) {
                found = k;
                *role = r;
            }
        } else if (r == FG_LABEL_OTHER) {
            if (found == SIZE_MAX)
                found = k;
            else if (field_head_at(lx, s, k))
                return k;
        }
    }
    return found;
}

/* One span of units with the role it gets. */
typedef struct span {
    fg_strview units;
    const marker *m;
} span;

/*
 * Whether the first unit of spans[0..n) carries a co mark (X（会办）、Y（主办）): the first
 * listed does not lead then, whatever a declaration says.
 */
static bool first_co_marked(const span *spans, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        fg_strview u = spans[k].units;
        size_t i = 0;

        if (u.len == 0 || spans[k].m->type == M_DROP)
            continue;
        while (i < u.len && !AT(u, i, "、") && !AT(u, i, "，") && !AT(u, i, "；"))
            i += fg_cp_len((unsigned char)u.ptr[i]);
        return memchr(u.ptr, MARK_CO_BYTE, i) != NULL;
    }
    return false;
}

/*
 * Whether s holds a 的, 为 or 是: a clause's units hold one only if the clause does, so their
 * names are searched only then.
 */
static bool has_sentence_word(fg_strview s)
{
    static const uint32_t words[] = {0xE79A84 /* 的 */, 0xE4B8BA /* 为 */, 0xE698AF /* 是 */};

    return has_char3(s, words, 3);
}

bool fg_clause__sentence_like(fg_strview name)
{
    return name.len > 60 || has_sentence_word(name);
}

/*
 * Whether the field label s[i .. end) (its word, in 【】 or 〔〕 or before a colon) is a
 * deadline label: 完成时限, 时间节点, 完成时间 … (fg_deadline_label_word()).
 */
static bool deadline_label(fg_strview s, size_t i, size_t end)
{
    size_t j;

    if (AT(s, i, "【") || AT(s, i, "〔"))
        i += 3;
    j = i;
    while (j + 3 <= end && (unsigned char)s.ptr[j] >= 0xE4 && (unsigned char)s.ptr[j] <= 0xE9)
        j += 3;
    return fg_deadline_label_word(s.ptr + i, j - i);
}

/*
 * The level a unit's name starts with (admin_levels[]: 省发展改革委, 市委宣传部, 盟财政局,
 * 兵团党委组织部, 管理局民政局), its length in bytes, or 0; *party tells a Party organ (省委…,
 * 林区党委…: *organ receives the length of 省委, 林区党委, else 0), *core a level of
 * admin_levels[] so marked. 市场 (市场监管局) is no level; nor
 * is a level word other than 省 市 县 区 that starts a place (镇江市…, 旗县…, 师宗县…: the
 * rest names a level of its own) or a word (师范…, 乡村…), or that is the whole name.
 */
static size_t level_prefix(fg_strview name, size_t *organ, bool *core)
{
    static const fg_lit words[] = {FG_LIT("范"), FG_LIT("资"), FG_LIT("生"), FG_LIT("德"),
                                   FG_LIT("村"), FG_LIT("下"), FG_LIT("舰")};

    *organ = 0;
    *core = false;
    /* Most names start with no level's first character: they are let go at once. */
    if (name.len < 3 || !fg_cjkset_has(&sets.level_firsts, name.ptr) || fg_sv_starts(name, "市场"))
        return 0;
    for (size_t k = 0; k < N_OF(admin_levels); k++) {
        size_t n = admin_levels[k].word.n;
        fg_strview rest;

        if (memcmp(name.ptr, admin_levels[k].word.s, 3) != 0 || name.len < n ||
            memcmp(name.ptr, admin_levels[k].word.s, n) != 0)
            continue;
        rest = fg_sv(name.ptr + n, name.len - n);
        if (!admin_levels[k].core &&
            (rest.len == 0 || level_named(rest) || starts_with_any(rest, words, N_OF(words))))
            return 0;
        *core = admin_levels[k].core;
        if (AT(rest, 0, "委") && rest.len > 3)
            *organ = n + 3;
        else if (!*core && AT(rest, 0, "党委") && rest.len > 6)
            *organ = n + 6;
        return n;
    }
    return 0;
}

/*
 * Whether name is a unit of a department (公安局交警支队, 公安局交通管理支队): a department's
 * name ending in 局, then a 支队 or 大队 of it.
 */
static bool department_unit(fg_strview name)
{
    size_t ju;

    if (!fg_sv_ends(name, "支队") && !fg_sv_ends(name, "大队"))
        return false;
    ju = fg_sv_find(name, "局");
    return ju != SIZE_MAX && ju >= 6 && ju + 3 + 6 < name.len;
}

/*
 * Whether name begins with a place of its own before the word of an organ that a vertical
 * system (not the government of a level) runs: 东滨海事局, 长林铁路局, 滨江海警局, 南州税务局,
 * 厦门证监局, 东江金融监管局 (2 to 4 ideographs before the organ's word, not 地方: 地方海事局
 * and 地方金融监管局 are a level's). Such a name
 * carries its place as another carries its level (level_named()).
 */
static bool place_named(fg_strview name)
{
    static const fg_lit organs[] = {FG_LIT("海事局"),     FG_LIT("海警局"),     FG_LIT("铁路局"),
                                    FG_LIT("税务局"),     FG_LIT("气象局"),     FG_LIT("地震局"),
                                    FG_LIT("供电局"),     FG_LIT("邮政管理局"), FG_LIT("通信管理局"),
                                    FG_LIT("烟草专卖局"), FG_LIT("证监局"),     FG_LIT("银保监局"),
                                    FG_LIT("金融监管局")};

    for (size_t k = 0; k < N_OF(organs); k++) {
        size_t n;

        if (!fg_sv_ends_n(name, organs[k].s, organs[k].n))
            continue;
        n = name.len - organs[k].n;
        if (n < 6 || n > 12 || fg_sv_starts(name, "地方"))
            return false;
        for (size_t i = 0; i < n; i += 3)
            if ((unsigned char)name.ptr[i] < 0xE4 || (unsigned char)name.ptr[i] > 0xE9)
                return false;
        return true;
    }
    return false;
}

/*
 * Whether name is one of a Party committee's own offices, written under its 省委 市委 县委 …
 * as its 部 are (省委网信办, 市委编办, 县委政法委, 省委老干部局), not a government's department.
 */
static bool party_office(fg_strview name)
{
    static const fg_lit offices[] = {
        FG_LIT("网信办"), FG_LIT("编办"),     FG_LIT("政法委"),   FG_LIT("农办"),
        FG_LIT("财经办"), FG_LIT("台办"),     FG_LIT("政研室"),   FG_LIT("政策研究室"),
        FG_LIT("改革办"), FG_LIT("深改办"),   FG_LIT("保密办"),   FG_LIT("巡察办"),
        FG_LIT("巡视办"), FG_LIT("老干部局"), FG_LIT("机要局"),   FG_LIT("直属机关工委"),
        FG_LIT("党校"),   FG_LIT("党史研究室")};

    for (size_t k = 0; k < N_OF(offices); k++)
        if (fg_sv_eq(name, fg_sv(offices[k].s, offices[k].n)))
            return true;
    return false;
}

/*
 * Shared prefixes (省发展改革委牵头，财政厅、教育厅按职责分工负责; 市委宣传部、组织部): a name
 * of 2 to 10 characters right after a unit that names a level (省, 市, 县, 区; 省委 …) or
 * took one, that names none itself (level_named(): no 省市县区 in it but in 城市 or 市场, no
 * province's name at its start, no 街道 镇 乡 村 社区 at its start; not 国家…, 各…; no place
 * of its own before a vertical organ's word: place_named(), 东滨海事局) and ends
 * like a department (厅 局 委 办, or a court or procuratorate: 法院 检察院, organs at every
 * level; 部 only after a Party organ: 组织部; or a 支队 of a 局: 公安局交警支队), takes that
 * level (省财政厅, 市委组织部, 市自然资源和规划局); after a Party organ, a 部 and the
 * committee's own offices (party_office(): 网信办, 编办 …) take the level as written (省委),
 * a government's department the level only (省委宣传部、教育厅 → 省教育厅). A branch of 7 characters or more
 * (湘潭金融监管分局: a place and an organ, an office of the level above; 区市场监管分局 takes
 * it), an office of a central organ (审计署长沙特派办,
 * …总局…) or a name that is no department (大数据发展中心)
 * keeps no level but passes it on to the names after it (市数据局、大数据发展中心、财政局 →
 * 市财政局). 国家发展改革委、财政部, 人民银行长沙中心支行、湖南银保监局 and
 * 省地方金融监管局、四川省税务局 are left as written.
 */
static int share_prefixes(fg_units *out, size_t first)
{
    /*
     * The level of the unit before (省, 盟, 兵团) and its Party organ's (省委, 兵团党委), if it
     * had one; copied, as appending a name may move out->names
     */
    char level_buf[24];
    char had_buf[24];
    char name_buf[3 * 10];
    fg_strview level = fg_sv(NULL, 0);
    size_t level_n = 0;   /* the length of its level word alone */
    bool level_core = false;
    int rc = FG_OK;

    for (size_t k = first; k < out->n; k++) {
        fg_strview name = fg_sv(out->names.ptr + out->v[k].off, out->v[k].len);
        size_t organ;
        bool core;
        size_t n = level_prefix(name, &organ, &core);
        fg_strview had = fg_sv(had_buf, level.len);
        size_t had_n = level_n;
        bool had_core = level_core;
        size_t cps;
        bool dept;
        bool is_organ;
        fg_unit u;

        memcpy(had_buf, level_buf, level.len);
        level = fg_sv(level_buf, organ > 0 ? organ : n);
        level_n = n;
        level_core = core;
        memcpy(level_buf, name.ptr, level.len);
        if (n > 0 || had.len == 0 || out->v[k].kind != FG_KIND_AGENCY)
            continue;
        if (level_named(name) || place_named(name) || fg_sv_starts(name, "国家") ||
            fg_sv_starts(name, "国务院") || fg_sv_starts(name, "各") ||
            (fg_sv_starts(name, "团") && had_core) || fg_sv_starts(name, "有关") ||
            fg_sv_starts(name, "相关"))
            continue;
        /* No level of its own: the level goes on past it, whether it takes it or not. */
        memcpy(level_buf, had_buf, had.len);
        level = fg_sv(level_buf, had.len);
        level_n = had_n;
        level_core = had_core;
        cps = count_cps_upto(name, 11);
        dept = fg_sv_ends(name, "厅") || fg_sv_ends(name, "局") || fg_sv_ends(name, "委") ||
               fg_sv_ends(name, "办") || fg_sv_ends(name, "法院") || fg_sv_ends(name, "检察院") ||
               department_unit(name);
        is_organ = (fg_sv_ends(name, "部") || party_office(name)) && had.len > had_n;
        if (cps < 2 || cps > 10 || !(dept || is_organ) || (fg_sv_ends(name, "分局") && cps > 6) ||
            fg_sv_contains(name, "署") || fg_sv_contains(name, "总局"))
            continue;
        /* 省委 + 组织部, 省 + 财政厅 (a department after a Party organ takes the level only) */
        u = out->v[k];
        if (name.len > sizeof name_buf)
            continue;
        memcpy(name_buf, name.ptr, name.len);
        name = fg_sv(name_buf, name.len);
        {
            fg_strview pre = is_organ ? had : fg_sv(had.ptr, had_n);
            size_t at = out->n;

            FG_TRY(append_unit(out, out->n, u.role, pre, name, NULL));
            if (out->n == at)
                continue;
            u.off = out->v[at].off;
            u.len = out->v[at].len;
            u.key = out->v[at].key;
            u.kind = out->v[at].kind;
            out->n--;
            out->v[k] = u;
        }
    }
out:
    return rc;
}

/*
 * Whether m says that its units do the work (落实, 具体实施 …): with nothing that leads and no
 * 负责 in the clause, they lead the units that only help (X指导，Y落实; X配合，Y具体实施).
 */
static bool does_the_work(const marker *m)
{
    static const char *const doing[] = {"落实", "具体实施", "组织实施", "组织落实", "抓好落实"};

    if (m->type != M_POST)
        return false;
    for (size_t k = 0; k < N_OF(doing); k++)
        if (strcmp(m->s, doing[k]) == 0)
            return true;
    return false;
}

/*
 * Whether m's units only help the one responsible (X负责，Y配合): a co marker that is no weak
 * one and that no first-listed declaration turns into a lead.
 */
static bool firm_co(const marker *m)
{
    return m->role == FG_ROLE_CO && !m->weak && !m->first_ok;
}

/* Whether m is the word at s[0 .. len) (a marker of markers[], by its text). */
static bool marker_is(const marker *m, const char *s, size_t len)
{
    return m->len == len && memcmp(m->s, s, len) == 0;
}

/*
 * Whether m's units carry out what a unit answers for alone (X负责，Y具体实施): they help it as
 * Y配合 does. Units that share a duty (X、Y共同负责，Z具体实施) lead no one.
 */
static bool carries_out(const marker *m)
{
    return marker_is(m, "具体实施", strlen("具体实施"));
}

/*
 * Whether s (normalised) is a list of units each carrying its mark and nothing else: every
 * piece between 、，；。 ends with a mark's byte (X\x01、Y\x05，Z\x05). A sentence outside
 * brackets that lists units so says their roles as a bracket around it would
 * (县文化旅游体育局（牵头）、县水利局（协办）). Linear in s.
 */
static bool all_marked(fg_strview s)
{
    size_t a = 0;
    size_t pieces = 0;

    while (a < s.len) {
        size_t b = a;

        while (b < s.len && !is_sep_at(s, b) && !AT(s, b, "、"))
            b += fg_cp_len((unsigned char)s.ptr[b]);
        if (b > a) {
            if (s.ptr[b - 1] != MARK_LEAD_BYTE && s.ptr[b - 1] != MARK_CO_BYTE)
                return false;
            pieces++;
        }
        a = b < s.len ? b + 3 : b;
    }
    return pieces > 0;
}

int fg_clause__parse(fg_units *out, bool *is_clause, fg_strview text, unsigned flags)
{
    return fg_clause__parse_noted(out, is_clause, NULL, text, flags);
}

int fg_clause__parse_noted(fg_units *out, bool *is_clause, unsigned *notes_out, fg_strview text,
                           unsigned flags)
{
    fg_str *buf = &out->scratch;
    span spans[32];
    size_t n_spans = 0;
    size_t first = out->n;
    size_t pending = 0;          /* start of units not yet given a role */
    const marker *label = NULL;  /* open prefix label, if any */
    size_t label_start = 0;
    bool strict = (flags & FG_CLAUSE_STRICT) != 0;
    bool bad = false;
    bool any_marker = false;
    bool has_lead = false;
    bool has_firm_co = false;
    bool has_doer = false;       /* units that carry out what one answers for (具体实施) */
    bool has_weak = false;       /* units before a bare 负责 or its kin (weak markers) */
    size_t promoted[32][2];      /* the rows of weak spans read as lead: [from, to) */
    size_t n_promoted = 0;
    size_t firm_co_rows = 0;     /* the rows of the co spans that are no weak ones */
    bool stopped = false;        /* inside a stop label: text ignored until the next marker */
    bool chain = (flags & FG_CLAUSE_WORK) != 0; /* only role phrases so far: no label, … */
    bool unknown_label = false;  /* a label with a unit suffix and no head word we know */
    bool marked;                 /* a unit carries a mark (X（牵头）, Y（会办）) */
    bool may_declare;            /* s holds a 第, 首 or 前者 */
    bool may_label;              /* s holds a ： 【 or 〔 */
    bool may_quote;              /* quotes, and units were found */
    bool quotes;                 /* s holds a “ or 《 */
    size_t due_start = SIZE_MAX; /* the value of the first deadline field (完成时限：…) */
    size_t due_end = SIZE_MAX;
    fg_str slashed = FG_STR_INIT; /* text with 牵头单位/责任单位：X/Y as two labels */
    fg_strview s;
    int rc = FG_OK;

    *is_clause = false;
    if (notes_out != NULL)
        *notes_out = 0;
    out->due_off = 0;
    out->due_len = 0;
    ensure_sets();
    out->hidden = false;
    if (memchr(text.ptr, '/', text.len) != NULL || fg_sv_find(text, "／") != SIZE_MAX) {
        bool changed;

        FG_TRY(split_slash_labels(out->lex, &slashed, text, &changed));
        if (changed)
            text = fg_sv(slashed.ptr, slashed.len);
    }
    FG_TRY(normalise(out->lex, buf, text, &out->hidden));
    /* One scan for the rare characters: 第 首 (a declaration), 【 〔 (labels in brackets). */
    may_declare = false;
    /* normalise() made every colon full-width: a clause with none holds no label. */
    may_label = false;
    {
        fg_strview r = fg_sv(buf->ptr, buf->len);
        bool brackets = false;

        for (size_t k = fg_charscan_next(&sets.rare, r.ptr, r.len, 0, r.len); k < r.len;
             k = fg_charscan_next(&sets.rare, r.ptr, r.len, k + 3, r.len)) {
            if (AT(r, k, "第") || AT(r, k, "首") || AT(r, k, "前者") || lead_sign_at(r, k))
                may_declare = true;
            else if (AT(r, k, "【") || AT(r, k, "〔"))
                brackets = may_label = true;
            else if (AT(r, k, "："))
                may_label = true;
        }
        if (brackets)
            FG_TRY(separate_bracket_labels(out->lex, buf));
    }
    s = fg_sv(buf->ptr, buf->len);
    quotes = has_quote(s);
    if (quotes) {
        hide_quoted_seps(buf, &out->hidden);
        s = fg_sv(buf->ptr, buf->len);
    }
    s = skip_subject(s);
    if (strict)
        s = cut_task_tail(s);
    /*
     * （X（牵头）、Y、Z）: units whose marks say their roles need no role word outside them; in
     * a sentence only when every unit carries its mark (X（牵头）、Y（协办）: all_marked()).
     */
    marked = (memchr(s.ptr, MARK_LEAD_BYTE, s.len) != NULL ||
              memchr(s.ptr, MARK_CO_BYTE, s.len) != NULL) &&
             (!strict || all_marked(s));

    /*
     * Each step adds at most two spans (a closed label and a marker). A clause with more
     * role phrases than spans holds is cut there: what follows is ignored, not guessed.
     */
    size_t i = 0;

    for (; i < s.len && n_spans + 2 <= sizeof spans / sizeof spans[0];) {
        const marker *m;
        size_t mlen;
        size_t stop = 0;

        /* Most characters start neither a marker nor (after a separator) a stop label. */
        i = next_marker_candidate(s, i);
        if (i >= s.len)
            break;
        m = NULL;
        mlen = 0;
        if (i == 0 || (i >= 3 && is_sep_at(s, i - 3))) {
            /* Where a label may start, the label grammar decides first. */
            size_t llen = 0;
            fg_label_role lr = may_label ? fg_clause__label_at(out->lex, s, i, &llen)
                                         : FG_LABEL_NONE;
            size_t dlen = lr == FG_LABEL_NONE && may_declare ? declaration_at(s, i) : 0;

            if (dlen > 0) {
                /* 列第一位者为牵头单位，下同: never units; a sentence holding it is no clause. */
                if (strict)
                    bad = true;
                stop = dlen;
            } else if (lr == FG_LABEL_OTHER) {
                stop = llen;
                if (due_start == SIZE_MAX && deadline_label(s, i, i + llen))
                    due_start = i + llen;
            } else if (lr != FG_LABEL_NONE) {
                m = &label_markers[lr];
                mlen = llen;
                unknown_label = unknown_label || lr == FG_LABEL_UNKNOWN;
            }
        }
        if (m == NULL && stop == 0 && may_label && AT(s, i, "：")) {
            /*
             * A role label run into the name before it (市工信局推进单位：…, 市农业农村局技术指导：…,
             * a labelled line joined to the one before): the label starts after the name.
             */
            fg_label_role lr = FG_LABEL_NONE;
            size_t ls = label_start_before(out->lex, s, i, pending, FG_LABEL_RESP, &lr);

            if (ls != SIZE_MAX) {
                m = &label_markers[lr];
                mlen = i + 3 - ls;
                unknown_label = unknown_label || lr == FG_LABEL_UNKNOWN;
                i = ls;
            }
        }
        if (m == NULL && stop == 0 && AT(s, i, "：")) {
            /*
             * A field run into the name before it (省交通运输厅预期成果：…, a labelled line
             * joined to the one before): the field starts after the name.
             */
            size_t ls = label_start_before(out->lex, s, i, pending, FG_LABEL_OTHER, NULL);

            if (ls == SIZE_MAX) {
                i += 3;
                continue;
            }
            stop = i + 3 - ls;
            if (due_start == SIZE_MAX && deadline_label(s, ls, i + 3))
                due_start = i + 3;
            i = ls;
        }
        if (m == NULL && stop == 0 && may_label && i >= 6 && strong_ending(fg_sv(s.ptr, i))) {
            /*
             * A label with a head word right after a complete name (省财政厅配合处室：…, a
             * labelled line run into the one before it).
             */
            size_t llen;
            fg_label_role lr = fg_clause__label_at(out->lex, s, i, &llen);

            if ((lr == FG_LABEL_LEAD || lr == FG_LABEL_CO || lr == FG_LABEL_RESP) &&
                !label_cuts_name(out->lex ? out->lex : fg_lexicon__default(),
                                 fg_sv(s.ptr + i, llen))) {
                m = &label_markers[lr];
                mlen = llen;
            } else if (lr == FG_LABEL_OTHER &&
                       field_head_at(out->lex ? out->lex : fg_lexicon__default(), s, i)) {
                stop = llen; /* …市供电公司督办单位：X: a field, before 督办 is read as a word */
            }
        }
        if (m == NULL && stop == 0) {
            m = marker_at(s, i);
            /* 国家发展改革委商财政部负责: 商 (in consultation with) after a name joins as 会同. */
            if (m == NULL && AT(s, i, "商") && consults_at(s, pending, i))
                m = &consult_marker;

            /* 按照“谁主管谁负责”要求负责: a role word inside a quotation is quoted, not said. */
            if (m != NULL && quotes && in_quotation(s, i))
                m = NULL;
            /*
             * 承担 only right after a name (市工信局承担…): 承担…工作的各设区市人民政府 is a
             * name that reads like a sentence.
             */
            if (m != NULL && m->len == 6 && AT(s, i, "承担") && !name_before_word(s, i))
                m = NULL;
            /* 以企业为主体, 为主导: words, not X为主 (X leads). */
            if (m != NULL && m->len == 6 && AT(s, i, "为主") && !ends_role_word(s, i + 6))
                m = NULL;
            /*
             * Y提供资金保障, Y做好经费保障, Y提供数据支撑, Y为企业提供技术服务: 保障 and 服务
             * are words of names (社会保障, 医疗保障局, 政务服务中心) and 支撑 one of the work
             * (为发展提供有力支撑), co words only after what a unit does (verb_tail()).
             */
            if (m == NULL && (AT(s, i, "保障") || AT(s, i, "支撑") || AT(s, i, "服务")) &&
                i > pending &&
                verb_tail(fg_sv(s.ptr + pending, i - pending)) > 0)
                m = &support_marker;
            if (m == NULL && AT(s, i, "召集") && convenes_at(s, i))
                m = &convene_marker;
            if (m == NULL && AT(s, i, "办理") && handed_to(s, pending, i) != SIZE_MAX)
                m = &handle_marker;
            /* 委员会办公室, 统筹城乡发展办公室, 指导中心: a role word inside a unit's name. */
            if (m != NULL && m->type == M_POST && marker_in_name(s, i, m->len))
                m = NULL;
            if (m != NULL && m->type == M_STOP) {
                stop = m->len;
                m = NULL;
            }
            mlen = m != NULL ? m->len : 0;
            if ((m == NULL || m->len < 15) && stop == 0 && AT(s, i, "为")) {
                /* X为主办单位，Y为协办单位: a role label's word after 为 (not X为主 + 办单位). */
                fg_label_role pr;
                size_t plen = post_label_at(out->lex ? out->lex : fg_lexicon__default(), s, i,
                                            &pr);

                if (plen > mlen) {
                    m = &post_label_markers[pr];
                    mlen = plen;
                }
            }
        }
        if (m == NULL && stop == 0) {
            i += fg_cp_len((unsigned char)s.ptr[i]);
            continue;
        }
        any_marker = any_marker || (m != NULL && m->type != M_STOP);
        /* Close what came before this marker. */
        if (label != NULL && m != NULL && (m->type == M_POST || m->type == M_DROP)) {
            /*
             * 责任单位：X牵头，Y配合: a role word after a label's units is theirs; it takes
             * the units of its own phrase (after the last ，；) and the label the rest.
             */
            size_t last = SIZE_MAX;

            for (size_t k = label_start; (k = next_group_sep(s, k)) < i; k += 3)
                last = k;
            if (last != SIZE_MAX) {
                spans[n_spans].units = trim_seps(fg_sv(s.ptr + label_start, last - label_start));
                spans[n_spans++].m = label;
                pending = last + 3;
            } else {
                pending = label_start;
            }
            label = NULL;
        } else if (label != NULL) {
            spans[n_spans].units = trim_seps(fg_sv(s.ptr + label_start, i - label_start));
            spans[n_spans++].m = label;
            label = NULL;
            pending = i;
        } else if (stopped) {
            pending = i;
        }
        if (stopped && due_start != SIZE_MAX && due_end == SIZE_MAX)
            due_end = i; /* the deadline field's value ends where the next label or role starts */
        stopped = false;
        if (stop) {
            stopped = true;
            chain = false;
            i += stop;
            continue;
        }
        if (m->type == M_LABEL) {
            fg_strview before = trim_seps(fg_sv(s.ptr + pending, i - pending));

            if (before.len && strict)
                bad = true;
            chain = false;
            label = m;
            label_start = i + mlen;
            i = label_start;
            continue;
        }
        /*
         * Postfix marker or 会同: the units since pending are its, after a subject of their
         * own (公立医院改革由X负责，医保支付改革由Y负责).
         */
        if (m->type == M_POST && m->weak) {
            /* 交市信访局办理, 有关投诉交X负责: the unit after 交 is the one that handles it. */
            size_t to = handed_to(s, pending, i);

            if (to != SIZE_MAX)
                pending = to;
        }
        spans[n_spans].units = trim_seps(fg_sv(s.ptr + pending, i - pending));
        /*
         * 开设帮扶馆，由采购中心牵头: in a sentence, what stands before the ， of a 由 phrase is
         * the work, never the phrase's units; the sentence is no clause of its own (the role
         * phrase after its comma may still be, see parse_clause.c).
         */
        if (strict && after_comma_you(spans[n_spans].units))
            bad = true;
        if (n_spans > 0)
            spans[n_spans].units = after_subject(spans[n_spans].units);
        /*
         * In a sentence's chain, a role word with no units after a span has the same subject:
         * 市城市管理局：负责…，牵头制定… (it leads too); other words are more of the work, up
         * to the next separator (县应急管理局：负责组织协调…，统筹调度救援力量).
         */
        if (chain && m->type == M_POST && n_spans > 0 && spans[n_spans].units.len == 0) {
            if (m->role == FG_ROLE_LEAD && strstr(m->s, "牵头") != NULL)
                spans[n_spans - 1].m = m;
            while (i < s.len && !is_sep_at(s, i))
                i += fg_cp_len((unsigned char)s.ptr[i]);
            pending = i;
            continue;
        }
        spans[n_spans++].m = m;
        i += mlen;
        if (m->type == M_WITH) {
            pending = i;
            continue;
        }
        /* Skip the tail up to the next separator ("负责落实", "按职责分工负责"). */
        {
            size_t t0 = i;
            bool to_marker = false;

            /* A 、 right after the role word ends it (X牵头、Y配合: a slip for ，). */
            while (i < s.len && !is_sep_at(s, i) && !(i == t0 && AT(s, i, "、"))) {
                const marker *nm = may_start_marker(s, i) ? marker_at(s, i) : NULL;

                /* 负责统筹协调: in a sentence's chain, a role word right after is the work. */
                if (nm != NULL && (nm->type != M_POST || nm->role == FG_ROLE_LEAD) &&
                    !(chain && i == t0)) {
                    to_marker = true;
                    break;
                }
                /* Y按照职责做好配合: the co-operation is said (as Y配合), not only a duty. */
                if (nm != NULL && nm->type == M_POST && nm->role == FG_ROLE_CO &&
                    !nm->first_ok && !nm->weak && spans[n_spans - 1].m->role == FG_ROLE_CO &&
                    spans[n_spans - 1].m->first_ok) {
                    /* X负责指导: 负责 is said all the same (does_the_work()). */
                    has_weak = has_weak || spans[n_spans - 1].m->weak;
                    spans[n_spans - 1].m = nm;
                }
                i += fg_cp_len((unsigned char)s.ptr[i]);
            }
            if (to_marker) {
                /* "由X配合Y牵头": what follows the marker names the next role's units. */
                pending = t0;
                continue;
            }
            if (strict && i > t0) {
                fg_strview tail = fg_sv(s.ptr + t0, i - t0);
                bool ok = false;

                for (size_t k = 0; k < N_OF(ok_tails); k++)
                    ok = ok || fg_sv_eq(tail, fg_sv(ok_tails[k].s, ok_tails[k].n));
                /*
                 * 县林业局负责森林火灾预防工作, 由县公安局负责火场秩序维护: the work done, when
                 * role phrases open the sentence (nothing but 由 before their units).
                 */
                if (!ok && !(chain && takes_object(m) && task_object(tail)))
                    bad = true;
            }
        }
        pending = i;
    }
    if (due_start != SIZE_MAX) {
        fg_strview v;

        if (due_end == SIZE_MAX)
            due_end = i < s.len ? i : s.len;
        v = trim_seps(fg_sv(s.ptr + due_start, due_end > due_start ? due_end - due_start : 0));
        out->due_off = (size_t)(v.ptr - s.ptr) + (size_t)(s.ptr - buf->ptr);
        out->due_len = v.len;
    }
    if (i < s.len) {
        /* cut: nothing after the last complete span */
    } else if (label != NULL) {
        spans[n_spans].units = trim_seps(fg_sv(s.ptr + label_start, s.len - label_start));
        spans[n_spans++].m = label;
    } else if (!stopped && pending < s.len && n_spans < sizeof spans / sizeof spans[0]) {
        fg_strview rest = trim_seps(fg_sv(s.ptr + pending, s.len - pending));

        bool subject = false;
        size_t with = 0;

        /* Only with a subject: 会同Y做好… alone is a unit list's task (see unit_task()). */
        for (size_t k = 0; k < n_spans && !subject; k++)
            subject = spans[k].units.len > 0;
        if (subject && spans[n_spans - 1].m->type == M_WITH)
            with = unit_list_prefix(rest);

        if (with > 0) {
            /* X牵头，会同Y、Z办理: the units 会同 takes co-operate; the rest is the work. */
            static const marker consulted_co = {"", 0, M_POST, FG_ROLE_CO, false, false};

            spans[n_spans].units = fg_sv(rest.ptr, with);
            spans[n_spans++].m = &consulted_co;
        } else if (rest.len) {
            if (strict && any_marker) {
                /* 县气象局牵头，县水利局配合，提供火险天气预报: the rest is the work done. */
                if (!chain || !work_after_roles(rest))
                    bad = true;
            } else if (((any_marker || marked) && all_look_like_units(rest)) ||
                       (flags & FG_CLAUSE_BARE_LIST)) {
                /* Units after the last marker with no role word: they co-operate. */
                static const marker trailing_co = {"", 0, M_POST, FG_ROLE_CO, false, true};

                spans[n_spans].units = rest;
                spans[n_spans++].m = &trailing_co;
            }
        }
    }
    if (!any_marker && !marked && !(flags & FG_CLAUSE_BARE_LIST))
        goto out;
    if (bad)
        goto out;

    for (size_t k = 0; k < n_spans; k++) {
        if (spans[k].m->type == M_DROP)
            continue;
        if (spans[k].m->role == FG_ROLE_LEAD)
            has_lead = true;
        else if (firm_co(spans[k].m))
            has_firm_co = true;
        else if (spans[k].m->weak && spans[k].units.len > 0)
            has_weak = true;
        has_doer = has_doer || (carries_out(spans[k].m) && spans[k].units.len > 0);
    }
    for (size_t k = 0; k < n_spans; k++) {
        fg_role role = spans[k].m->role;
        size_t before = out->n;
        size_t repeats = out->n_repeats;

        /* "X负责，Y配合": with no 牵头, the one responsible leads the helpers. */
        if (spans[k].m->weak && !has_lead &&
            (has_firm_co || (has_doer && marker_is(spans[k].m, "负责", strlen("负责")))))
            role = FG_ROLE_LEAD;
        /* "X指导，Y落实": with no 负责 either, the one who does it leads the helpers. */
        if (does_the_work(spans[k].m) && !has_lead && has_firm_co && !has_weak)
            role = FG_ROLE_LEAD;
        if (spans[k].units.len == 0 || spans[k].m->type == M_DROP)
            continue;
        /*
         * A label we do not know (新型研发机构：…, 承建单位：通过招标确定) counts only when units
         * follow it; when none do it gives nothing, and the clause's other labels stay.
         */
        if (spans[k].m == &label_markers[FG_LABEL_UNKNOWN] &&
            !all_look_like_units(spans[k].units))
            continue;
        FG_TRY(push_list(out, first, role, spans[k].units));
        if (role == FG_ROLE_LEAD && spans[k].m->weak && n_promoted < N_OF(promoted)) {
            promoted[n_promoted][0] = before;
            promoted[n_promoted++][1] = out->n;
        } else if (role == FG_ROLE_CO && (firm_co(spans[k].m) || carries_out(spans[k].m))) {
            firm_co_rows += out->n - before;
        }
        /* A unit named again (X负责…，Y牵头、X配合) is no loss. */
        if (strict && out->n == before && out->n_repeats == repeats)
            bad = true;
    }
    /*
     * The helpers named no unit (X负责，为各村提供技术支持: the work only): the one
     * responsible leads nobody and co-operates, as in X负责 alone.
     */
    if (firm_co_rows == 0)
        for (size_t p = 0; p < n_promoted; p++)
            for (size_t k = promoted[p][0]; k < promoted[p][1]; k++)
                out->v[k].role = FG_ROLE_CO;
    for (size_t k = first; k < out->n; k++)
        has_lead = has_lead || out->v[k].role == FG_ROLE_LEAD;
    if ((flags & FG_CLAUSE_FIRST_IS_LEAD) && !has_lead && out->n > first) {
        bool all_first_ok = true;
        bool resp_label = false; /* a label whose first unit may lead came first */

        /*
         * 责任单位：A、B；配合单位：C (a table's two columns): the declaration speaks of the
         * responsible units, so A leads; the co label's units stay co.
         */
        for (size_t k = 0; k < n_spans; k++) {
            const marker *m = spans[k].m;

            resp_label = resp_label || (m->type == M_LABEL && m->first_ok && k == 0);
            all_first_ok = all_first_ok && (m->first_ok || m->weak ||
                                            (resp_label && m->type == M_LABEL &&
                                             m->role == FG_ROLE_CO));
        }
        if (all_first_ok && !first_co_marked(spans, n_spans)) {
            out->v[first].role = FG_ROLE_LEAD;
            /* A unit named twice keeps one row per role. */
        }
    }
    /* Every name below is made of whole characters of s (see too_long_or_quoted()). */
    may_quote = out->n > first && !strict && quotes;
    for (size_t k = first; k < out->n && !bad; k++) {
        fg_strview name = fg_sv(out->names.ptr + out->v[k].off, out->v[k].len);

        /* A bracket with no role word, tried only for a declaration: names alone. */
        if (strict || (flags & FG_CLAUSE_BARE_LIST)) {
            if ((!looks_like_unit(name) || (strict && starts_like_narrative(name))) &&
                out->v[k].kind == FG_KIND_AGENCY && !fg_clause__same_as_above(name))
                bad = true;
        } else if (too_long_or_quoted(name, may_quote)) {
            bad = true;
        }
        if (out->v[k].kind == FG_KIND_GENERIC && !generic_ends(name))
            bad = true;
    }
    if (!bad && out->n > first) {
        *is_clause = true;
        drop_co_of_leads(out, first);
        FG_TRY(share_prefixes(out, first));
        if (notes_out != NULL && unknown_label)
            *notes_out |= FG_CLAUSE_NOTE_UNKNOWN_LABEL;
    }
    if (notes_out != NULL && *is_clause) {
        bool has_word = has_sentence_word(s);

        for (size_t k = first; k < out->n; k++) {
            fg_strview name = fg_sv(out->names.ptr + out->v[k].off, out->v[k].len);

            /* fg_clause__sentence_like(), with the search only where it may find */
            if (name.len > 60 || (has_word && fg_clause__sentence_like(name)))
                *notes_out |= FG_CLAUSE_NOTE_LONG_NAME;
        }
    }
out:
    fg_str_dispose(&slashed);
    if (!*is_clause && out->n > first) {
        out->names.len = out->v[first].off;
        if (out->names.ptr)
            out->names.ptr[out->names.len] = '\0';
        out->n = first;
    }
    return rc;
}

size_t fg_clause__name_bracket(fg_strview before, fg_strview t, size_t i)
{
    ensure_sets();
    return name_bracket(before, t, i);
}

int fg_clause__share_prefixes(fg_units *out, size_t first)
{
    ensure_sets();
    return share_prefixes(out, first);
}

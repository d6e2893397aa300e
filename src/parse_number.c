/*
 * Numbering markers: whether a numbering marker stands at s[i] (第一部分, 第一条, Ⅰ．, 一、,
 * （一）, 任务一：, 1．, 1.1, 1.1.1, （1）, 1）, ①, A．, a．, a table row's number), its style,
 * number and length. The styles follow the fixed order of Chinese official documents (style
 * in parse_int.h; parse.c's rank_of() orders them); a measure (1.5万, 1.2%) is no marker,
 * Roman numerals and letters count only at a line's start; so does a dash OCR gave for 一
 * (`—、`, `（—）`: fg_parse__ocr_marker_at()). Bounded work per position.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "chars.h"
#include "parse_int.h"
#include "str.h"

/* Whether s[j] starts a measure or a number's continuation (1.5万, 1.2%, 1.2倍, 1)号). */
static bool measure_at(fg_strview s, size_t j)
{
    static const char *const measures[] = {"万", "亿", "千", "百", "倍", "元", "个", "家", "所",
                                           "项", "%", "％", "号", "月", "日", "年", "亩", "米",
                                           "公里", "吨", NULL};

    if (j >= s.len || fg_parse__is_digit_at(s, j) || s.ptr[j] == '.')
        return true;
    for (size_t k = 0; measures[k]; k++)
        if (fg_sv_at_str(s, j, measures[k]))
            return true;
    return false;
}

/*
 * Whether t, the rest of a line after a bare number and a blank, is a heading's title:
 * 2 to 30 ideographs, no punctuation, blank or digit, and no measure first (2 个项目).
 */
static bool bare_number_heading(fg_strview t)
{
    size_t n = 0;

    if (t.len < 6 || measure_at(t, 0))
        return false;
    for (size_t k = 0; k < t.len; k += 3, n++)
        if ((unsigned char)t.ptr[k] < 0xE4 || (unsigned char)t.ptr[k] > 0xE9 || n == 30)
            return false;
    return n >= 2;
}

/*
 * The forms only a line's start makes markers, after the number v that ends at s[j]: 1.1
 * and 1.1.1 (ST_DECIMAL, ST_DECIMAL2: the last number counts), 1） and 1) (ST_HALF_PAREN).
 * m->len receives the offset in s where the marker ends (the caller makes it a length).
 */
static bool line_start_number(fg_strview s, size_t j, long v, mark *m)
{
    size_t n;
    long last = v;
    int dots = 0;

    if (fg_parse__bracket_at(s, j, ')', "）", NULL, &n)) {
        if (measure_at(s, j + n))
            return false;
        m->st = ST_HALF_PAREN;
        m->num = v;
        m->len = j + n;
        return true;
    }
    {
        /*
         * 3 . 推进… (a blank before the dot, as PDF text gives it), and a heading numbered
         * with a bare number, 1 经济体制改革: a blank, then a short title with no punctuation.
         */
        size_t k = fg_parse__skip_blanks(s, j);

        if (k > j && k < s.len && (s.ptr[k] == '.' || AT(s, k, "．"))) {
            size_t after = k + (s.ptr[k] == '.' ? 1 : 3);

            if (fg_parse__is_digit_at(s, after))
                return false;
            m->st = ST_ARABIC;
            m->num = v;
            m->len = after;
            return true;
        }
        if (k > j && bare_number_heading(fg_sv(s.ptr + k, s.len - k))) {
            m->st = ST_ARABIC;
            m->num = v;
            m->len = k;
            return true;
        }
    }
    while (dots < 2 && j + 1 < s.len && s.ptr[j] == '.' && fg_parse__is_digit_at(s, j + 1)) {
        last = fg_parse__arabic_number(s, j + 1, &n, 3);
        if (last < 0)
            return false;
        j += 1 + n;
        dots++;
    }
    /* 1.1 then a blank or a title; never 1.1.1.1, 1.5万 or 1.2% */
    if (dots == 0 || (j < s.len && s.ptr[j] == '.') || measure_at(s, j))
        return false;
    m->st = dots == 1 ? ST_DECIMAL : ST_DECIMAL2;
    m->num = last;
    m->len = j;
    return true;
}

/*
 * The value of the ASCII Roman numeral at s[i] (I to XXXIX, written as they are: IIII and
 * IIX are none), its length in *len; 0 when there is none.
 */
static long ascii_roman(fg_strview s, size_t i, size_t *len)
{
    static const char *const units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII",
                                        "IX"};
    size_t j = i;
    size_t end = i;
    long tens = 0;

    while (j < s.len && s.ptr[j] == 'X' && tens < 3)
        j++, tens++;
    while (end < s.len && (s.ptr[end] == 'I' || s.ptr[end] == 'V' || s.ptr[end] == 'X'))
        end++;
    for (long u = 9; u >= 0; u--) {
        size_t n = strlen(units[u]);

        if (j + n == end && memcmp(s.ptr + j, units[u], n) == 0 && tens * 10 + u > 0) {
            *len = end - i;
            return tens * 10 + u;
        }
    }
    return 0;
}

/*
 * A letter at s[i], ASCII or full-width (Ａ EF BC A1, ａ EF BD 81): its number (A = 1), *upper
 * set for a capital, its length in *len; 0 when there is none.
 */
static long latin_letter(fg_strview s, size_t i, bool *upper, size_t *len)
{
    unsigned char c = i < s.len ? (unsigned char)s.ptr[i] : 0;

    *len = 1;
    *upper = c >= 'A' && c <= 'Z';
    if (*upper || (c >= 'a' && c <= 'z'))
        return *upper ? c - 'A' + 1 : c - 'a' + 1;
    if (c != 0xEF || i + 3 > s.len)
        return 0;
    c = (unsigned char)s.ptr[i + 2];
    *len = 3;
    *upper = (unsigned char)s.ptr[i + 1] == 0xBC && c >= 0xA1 && c <= 0xBA;
    if (*upper)
        return c - 0xA1 + 1;
    if ((unsigned char)s.ptr[i + 1] == 0xBD && c >= 0x81 && c <= 0x9A)
        return c - 0x81 + 1;
    return 0;
}

/*
 * A Roman numeral or a letter that numbers a line, at its start s[i] (never inside a line):
 * Ⅰ to Ⅻ (U+2160 … U+216B) and ASCII I to XXXIX (ST_ROMAN), one capital or small letter,
 * ASCII or full-width (ST_UPPER, ST_LOWER; A = 1), then ． 、 or a . before no digit; or a
 * letter in brackets, （A） (a). What follows, after blanks, is no ASCII letter or digit
 * (English text, A.1, A、B两类), and a bracketed letter is no grade (（A）级, （B）类). So A级,
 * AAA级景区, A股, I型, PM2.5, B超 and Ⅳ类 open nothing.
 */
static bool latin_marker_at(fg_strview s, size_t i, mark *m)
{
    size_t j = i;
    size_t n;
    size_t nc;
    bool upper = false;
    bool bracket = fg_parse__is_open(s, i, &n);
    unsigned char c;
    long v;

    m->letter = 0;
    if (bracket) {
        j += n;
        v = latin_letter(s, j, &upper, &n);
        if (v == 0 || !fg_parse__is_close(s, j + n, &nc) || AT(s, j + n + nc, "级") ||
            AT(s, j + n + nc, "类"))
            return false;
        j += n + nc;
        m->st = upper ? ST_UPPER : ST_LOWER;
    } else if (j + 3 <= s.len && (unsigned char)s.ptr[j] == 0xE2 &&
               (unsigned char)s.ptr[j + 1] == 0x85 && (unsigned char)s.ptr[j + 2] >= 0xA0 &&
               (unsigned char)s.ptr[j + 2] <= 0xAB) {
        /* Ⅰ E2 85 A0 … Ⅻ E2 85 AB */
        v = (unsigned char)s.ptr[j + 2] - 0xA0 + 1;
        j += 3;
        m->st = ST_ROMAN;
    } else if ((v = ascii_roman(s, j, &n)) > 0) {
        /* I, V and X alone are letters too: fg_parse__open_item() decides. */
        if (n == 1)
            m->letter = s.ptr[j] - 'A' + 1;
        j += n;
        m->st = ST_ROMAN;
    } else if ((v = latin_letter(s, j, &upper, &n)) > 0) {
        j += n;
        m->st = upper ? ST_UPPER : ST_LOWER;
    } else {
        return false;
    }
    if (!bracket) {
        if (AT(s, j, "．") || AT(s, j, "、"))
            j += 3;
        else if (j < s.len && s.ptr[j] == '.' && !fg_parse__is_digit_at(s, j + 1))
            j += 1;
        else
            return false;
    }
    j = fg_parse__skip_blanks(s, j);
    c = j < s.len ? (unsigned char)s.ptr[j] : 0;
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        return false;
    m->num = v;
    m->len = j - i;
    return true;
}

/* The words that name a plan's parts, as task_word_end() finds them before a number. */
static const fg_lit task_words[] = {FG_LIT("任务"), FG_LIT("行动"), FG_LIT("工程"),
                                    FG_LIT("专项"), FG_LIT("攻坚"), FG_LIT("举措"),
                                    FG_LIT("措施"), FG_LIT("专题"), FG_LIT("事项"),
                                    FG_LIT("目标"), FG_LIT("战役"), FG_LIT("板块")};
/* The last characters of task_words[]. */
static const char task_word_lasts[] = "务动程项坚措施题标役块";

/* Character sets of this file, built once (fg_parse__number_sets_init()). */
static struct {
    fg_cjkset task_word_lasts;
} sets;

void fg_parse__number_sets_init(void)
{
    fg_cjkset_add(&sets.task_word_lasts, task_word_lasts, sizeof task_word_lasts - 1);
}

static bool in_task_word_lasts(const char *c)
{
    return fg_cjkset_has(&sets.task_word_lasts, c);
}

/*
 * Where the number of a task word at s[i] starts: a word of 2 to 6 ideographs that ends in a
 * word that names a plan's parts (专项行动一：, 重点工程2：, 攻坚任务三、), or 【 and such a word
 * (【任务1】); SIZE_MAX when there is none. Not 附件 (an annex's header).
 */
static size_t task_word_end(fg_strview s, size_t i)
{
    size_t a = AT(s, i, "【") ? i + 3 : i;

    if (AT(s, a, "附件"))
        return SIZE_MAX;
    /* The word's end: 2 to 6 ideographs, its last character one of task_word_lasts. */
    for (size_t num = a + 6; num <= a + 18 && num + 1 <= s.len; num += 3) {
        unsigned char c = (unsigned char)s.ptr[num - 3];
        size_t n;
        size_t j;

        if (c < 0xE4 || c > 0xE9)
            return SIZE_MAX;
        if (!in_task_word_lasts(s.ptr + num - 3))
            continue;
        if (fg_parse__is_digit_at(s, num)) {
            j = num;
        } else {
            for (j = num; fg_parse__cn_digit(s, j, &n) >= 0 && j < num + 4 * 3;)
                j += 3;
            if (j == num || !(AT(s, j, "：") || AT(s, j, "、") || AT(s, j, "．") ||
                              AT(s, j, "】") || (j < s.len && (s.ptr[j] == ':' || s.ptr[j] == '.'))))
                continue;
        }
        for (size_t k = 0; k < sizeof task_words / sizeof task_words[0]; k++)
            if (fg_sv_at(s, num - task_words[k].n, task_words[k].s, task_words[k].n))
                return num;
    }
    return SIZE_MAX;
}

/*
 * A task's or a record's number at a line start (ST_TASK): 任务一： 任务1、 任务2 (a colon, 、,
 * a dot, a blank or the line's end after the number), as task lists number their tasks, and
 * 问题1： 问题二、 as a 督察 or 巡视 整改方案 numbers the problems it rectifies (each with its
 * 整改目标, 整改措施 and 责任单位 lines; 问题1、2 is an enumeration), and
 * 序号：1 (a colon, the number, then a blank or the line's end), as an office system exports
 * its records one label a line (序号：1 / 事项名称：… / 牵头单位：… / blank / 序号：2). The
 * labels under such a line are its item's, as under 一、; 任务一是… and 序号：1、2 are none.
 */
static bool task_number_at(fg_strview s, size_t i, mark *m)
{
    size_t j = i + 6;
    size_t n;
    long v;

    bool problem = AT(s, i, "问题");
    size_t w = AT(s, i, "任务") || problem ? i + 6 : task_word_end(s, i);

    if (w != SIZE_MAX) {
        bool square = AT(s, i, "【");

        j = w;
        v = fg_parse__cn_number(s, j, &n);
        if (v < 0)
            v = fg_parse__arabic_number(s, j, &n, 3);
        if (v <= 0)
            return false;
        j += n;
        if (problem && AT(s, j, "、") &&
            (fg_parse__is_digit_at(s, j + 3) || fg_parse__cn_number(s, j + 3, &n) >= 0))
            return false;
        if (square ? AT(s, j, "】") : AT(s, j, "：") || AT(s, j, "、") || AT(s, j, "．"))
            j += 3;
        else if (!square && j < s.len && (s.ptr[j] == ':' || s.ptr[j] == '.'))
            j += 1;
        else if (square || (j < s.len && !fg_parse__is_space_at(s, j, &n)))
            return false;
    } else if (AT(s, i, "序号")) {
        if (AT(s, j, "："))
            j += 3;
        else if (j < s.len && s.ptr[j] == ':')
            j += 1;
        else
            return false;
        j = fg_parse__skip_blanks(s, j);
        v = fg_parse__arabic_number(s, j, &n, 3);
        if (v <= 0)
            return false;
        j += n;
        if (j < s.len && !fg_parse__is_space_at(s, j, &n))
            return false;
    } else {
        return false;
    }
    m->st = ST_TASK;
    m->num = v;
    m->len = fg_parse__skip_blanks(s, j) - i;
    return true;
}

bool fg_parse__marker_at(fg_strview s, size_t i, bool line_start, mark *m)
{
    if (fg_parse__marker_form_at(s, i, line_start, m))
        return true;
    /*
     * A task word's number last, most lines holding none: in 【】 (【任务1】), or on a short
     * line of 30 characters at most, a heading's (专项行动一：城市更新行动).
     */
    return line_start && i + 1 < s.len &&
           (AT(s, i, "【") || (s.len - i <= 30 * 3 && (unsigned char)s.ptr[i] >= 0xE4 &&
                               (unsigned char)s.ptr[i] <= 0xE9 && !AT(s, i, "任务") &&
                               !AT(s, i, "问题") && !AT(s, i, "序号"))) &&
           task_number_at(s, i, m);
}

/*
 * Whether s[k], right after a 第X条, goes on as a citation of that article does, never an
 * article's own text: 第二条第（三）项, 第三条规定, 第五条的, 第五条所列, 第六条款, 第三条、第五条,
 * 第三条至第五条, 第三条和第四条, 第三条中.
 */
static bool article_cited_after(fg_strview s, size_t k)
{
    static const char *const words[] = {"第", "规定", "的", "所", "款", "项", "中", "至", "和",
                                        "及", "与", "或", "、", NULL};

    for (size_t w = 0; words[w]; w++)
        if (fg_sv_at_str(s, k, words[w]))
            return true;
    return false;
}

/*
 * Whether s[j], right after the numeral of a 第X at a line's start, makes it a bare ordinal
 * that numbers a heading (第二　提升服务质效, 第三，强化监管): blanks, or ， , ． or a . before
 * no digit, then blanks; then text that goes on with no digit and no measure or noun of an
 * ordinal (第一 批, 第一 章 as PDF text spaces them). *end receives where the title starts.
 * 第一批, 第一条, 第一责任人, 第一时间 and 第一、二批 have no such separator.
 */
static bool bare_ordinal(fg_strview s, size_t j, size_t *end)
{
    static const char nouns[] = "章节条部批次名位项款个类级期年轮届阶档";
    size_t k = fg_parse__skip_blanks(s, j);

    if (AT(s, k, "，") || AT(s, k, "．"))
        k += 3;
    else if (k < s.len && (s.ptr[k] == ',' || s.ptr[k] == '.'))
        k += 1;
    else if (k == j)
        return false;
    k = fg_parse__skip_blanks(s, k);
    if (k >= s.len || fg_parse__is_digit_at(s, k) || (unsigned char)s.ptr[k] < 0x80)
        return false;
    for (size_t c = 0; c + 3 <= sizeof nouns - 1; c += 3)
        if (fg_sv_at(s, k, nouns + c, 3))
            return false;
    *end = k;
    return true;
}

/*
 * Whether s[j], right after the 项 of a 第X项 at a line's start, starts the title of the item
 * it numbers (第一项　稳定队伍, 第二项：落实补助): blanks, or a ：, :, 、 or ． and blanks, then
 * text. 第一项任务, 第二项工作, 第三项规定 have no such separator: words, not a number.
 * *end receives where the title starts.
 */
static bool item_title_at(fg_strview s, size_t j, size_t *end)
{
    size_t k = fg_parse__skip_blanks(s, j);

    if (AT(s, k, "：") || AT(s, k, "、") || AT(s, k, "．"))
        k += 3;
    else if (k < s.len && s.ptr[k] == ':')
        k += 1;
    else if (k == j)
        return false;
    k = fg_parse__skip_blanks(s, k);
    if (k >= s.len || s.ptr[k] == '\n' || s.ptr[k] == '\r')
        return false;
    *end = k;
    return true;
}

bool fg_parse__marker_form_at(fg_strview s, size_t i, bool line_start, mark *m)
{
    size_t n;
    size_t n2;
    long v;

    m->ordinal = false;
    if (i >= s.len)
        return false;
    /* 任 E4 BB BB, 序 E5 BA 8F, 问 E9 97 AE: a test of two bytes before task_number_at() */
    if (line_start && i + 1 < s.len &&
        (((unsigned char)s.ptr[i] == 0xE4 && (unsigned char)s.ptr[i + 1] == 0xBB) ||
         ((unsigned char)s.ptr[i] == 0xE5 && (unsigned char)s.ptr[i + 1] == 0xBA) ||
         ((unsigned char)s.ptr[i] == 0xE9 && (unsigned char)s.ptr[i + 1] == 0x97)) &&
        task_number_at(s, i, m))
        return true;
    /* 第X章 / 节 / 条 / 部分, and 第X　 第X， at a line start */
    if (AT(s, i, "第")) {
        size_t j = i + 3;

        v = fg_parse__cn_number(s, j, &n);
        if (v > 0 && v < 100 && line_start && bare_ordinal(s, j + n, &n2)) {
            m->st = ST_CN;
            m->num = v;
            m->ordinal = true;
            m->len = n2 - i;
            return true;
        }
        if (v < 0)
            v = fg_parse__arabic_number(s, j, &n, 3);
        if (v >= 0) {
            j += n;
            if (AT(s, j, "章"))
                m->st = ST_CHAPTER, j += 3;
            else if (AT(s, j, "节"))
                m->st = ST_SECTION, j += 3;
            else if (AT(s, j, "部分"))
                m->st = ST_PART, j += 6;
            else if (AT(s, j, "条") && line_start && !article_cited_after(s, j + 3))
                m->st = ST_ARTICLE, j += 3;
            else if (AT(s, j, "项") && line_start && item_title_at(s, j + 3, &n2))
                m->st = ST_ITEM, j = n2;
            else
                return false;
            /* "第一章" must be followed by a blank, a title or the end: not 第一章节 etc. */
            m->num = v;
            m->len = fg_parse__skip_blanks(s, j) - i;
            return true;
        }
        return false;
    }
    /* （一） （1） */
    if (fg_parse__is_open(s, i, &n)) {
        size_t j = i + n;

        v = fg_parse__cn_number(s, j, &n2);
        if (v >= 0) {
            m->st = ST_PAREN_CN;
        } else {
            v = fg_parse__arabic_number(s, j, &n2, 3);
            if (v < 0)
                return line_start && latin_marker_at(s, i, m);
            m->st = ST_PAREN_ARABIC;
        }
        j += n2;
        if (!fg_parse__is_close(s, j, &n))
            return false;
        j += n;
        /* 第（三）项, （三）项要求, 第（2）款: a citation of an item, not its number. */
        if ((i >= 3 && AT(s, i - 3, "第")) || (AT(s, j, "项") && !AT(s, j + 3, "目")) ||
            AT(s, j, "款"))
            return false;
        if (AT(s, j, "、") || AT(s, j, "．"))
            j += 3;
        m->num = v;
        m->len = fg_parse__skip_blanks(s, j) - i;
        return true;
    }
    /* 一、 (not 一、二级 or 一、二类: a numeral right after the comma is an enumeration) */
    v = fg_parse__cn_number(s, i, &n);
    if (v >= 0) {
        size_t n3;

        if (line_start && (AT(s, i + n, "）") || (i + n < s.len && s.ptr[i + n] == ')'))) {
            /* 一） at a line start: as （一） */
            m->st = ST_PAREN_CN;
            m->num = v;
            m->len = fg_parse__skip_blanks(s, i + n + (s.ptr[i + n] == ')' ? 1 : 3)) - i;
            return true;
        }
        /*
         * 一. and 一． at a line start: as 一、 (a heading typed with a dot); not 一.5 or
         * 一．二, a number.
         */
        if (line_start && i + n < s.len && (s.ptr[i + n] == '.' || AT(s, i + n, "．"))) {
            size_t j = i + n + (s.ptr[i + n] == '.' ? 1 : 3);

            if (fg_parse__is_digit_at(s, j) || fg_parse__cn_number(s, j, &n3) >= 0)
                return false;
            m->st = ST_CN;
            m->num = v;
            m->len = fg_parse__skip_blanks(s, j) - i;
            return true;
        }
        /* 一 、 at a line start: a blank or two an OCR copy put before the comma */
        size_t comma = line_start ? fg_parse__skip_blanks(s, i + n) : i + n;

        if (comma - (i + n) > 6)
            comma = i + n;
        if (!AT(s, comma, "、"))
            return false;
        /*
         * A numeral after the comma: an enumeration when a list goes on or a measure word
         * follows it (一、二、三类, 一、二级, 三、四季度, 一、二期); a heading whose title starts
         * with a numeral otherwise (三、两金压控, 四、三项制度改革, 四、五项重点工程).
         */
        if (fg_parse__cn_number(s, comma + 3, &n3) >= 0) {
            static const char measures[] = "、级类期季月年批档届次号个";
            size_t w = comma + 3 + n3;

            for (size_t k = 0; k + 3 <= sizeof measures - 1; k += 3)
                if (fg_sv_at(s, w, measures + k, 3))
                    return false;
        }
        m->st = ST_CN;
        m->num = v;
        m->len = fg_parse__skip_blanks(s, comma + 3) - i;
        return true;
    }
    /* 1． 1. 1、 */
    v = fg_parse__arabic_number(s, i, &n, 3);
    if (v >= 0 && line_start && line_start_number(s, i + n, v, m)) {
        m->len = fg_parse__skip_blanks(s, m->len) - i;
        return true;
    }
    if (v >= 0) {
        size_t j = i + n;

        if (AT(s, j, "．") || AT(s, j, "、")) {
            j += 3;
            /* 1、2月 is an enumeration, not item 1 */
            if (AT(s, j - 3, "、") && fg_parse__is_digit_at(s, fg_parse__skip_blanks(s, j)))
                return false;
        } else if (j < s.len && s.ptr[j] == '.') {
            j += 1;
            if (fg_parse__is_digit_at(s, j))
                return false; /* 1.8 万 */
        } else {
            return false;
        }
        if (fg_parse__is_digit_at(s, j) || AT(s, j, "%") || AT(s, j, "％"))
            return false;
        m->st = ST_ARABIC;
        m->num = v;
        m->len = fg_parse__skip_blanks(s, j) - i;
        return true;
    }
    /* ⑴ … ⒇ (U+2474 … U+2487): as （1） */
    if (i + 3 <= s.len && (unsigned char)s.ptr[i] == 0xE2 &&
        (((unsigned char)s.ptr[i + 1] == 0x91 && (unsigned char)s.ptr[i + 2] >= 0xB4) ||
         ((unsigned char)s.ptr[i + 1] == 0x92 && (unsigned char)s.ptr[i + 2] <= 0x87))) {
        m->st = ST_PAREN_ARABIC;
        m->num = (unsigned char)s.ptr[i + 1] == 0x91 ? (unsigned char)s.ptr[i + 2] - 0xB4 + 1
                                                     : (unsigned char)s.ptr[i + 2] - 0x80 + 13;
        m->len = fg_parse__skip_blanks(s, i + 3) - i;
        return true;
    }
    /* ⒈ … ⒛ (U+2488 … U+249B, a digit with a full stop, as Chinese input methods type it): as 1． */
    if (i + 3 <= s.len && (unsigned char)s.ptr[i] == 0xE2 && (unsigned char)s.ptr[i + 1] == 0x92 &&
        (unsigned char)s.ptr[i + 2] >= 0x88 && (unsigned char)s.ptr[i + 2] <= 0x9B) {
        m->st = ST_ARABIC;
        m->num = (unsigned char)s.ptr[i + 2] - 0x88 + 1;
        m->len = fg_parse__skip_blanks(s, i + 3) - i;
        return true;
    }
    /* ① … ⑳ */
    if (line_start && i + 3 <= s.len && (unsigned char)s.ptr[i] == 0xE2 &&
        (unsigned char)s.ptr[i + 1] == 0x91 && (unsigned char)s.ptr[i + 2] >= 0xA0 &&
        (unsigned char)s.ptr[i + 2] <= 0xB3) {
        m->st = ST_CIRCLED;
        m->num = (unsigned char)s.ptr[i + 2] - 0xA0 + 1;
        m->len = fg_parse__skip_blanks(s, i + 3) - i;
        return true;
    }
    return line_start && latin_marker_at(s, i, m);
}

/* The bytes of a dash that OCR gives for 一 at s[i] (— ― – ─ － ー), or 0. */
static size_t ocr_one_at(fg_strview s, size_t i)
{
    static const char *const dashes[] = {"\u2014", "\u2015", "\u2013", "\u2500", "\uFF0D",
                                         "\u30FC", NULL};

    for (size_t k = 0; dashes[k]; k++)
        if (fg_sv_at_str(s, i, dashes[k]))
            return 3;
    return 0;
}

bool fg_parse__ocr_marker_at(fg_strview s, mark *m)
{
    size_t open;
    size_t dash;
    size_t close;

    m->ordinal = false;
    m->letter = 0;
    m->num = 1;
    if ((dash = ocr_one_at(s, 0)) > 0 && AT(s, dash, "、")) {
        m->st = ST_CN;
        m->len = dash + 3;
    } else if (fg_parse__is_open(s, 0, &open) && (dash = ocr_one_at(s, open)) > 0 &&
               fg_parse__is_close(s, open + dash, &close)) {
        m->st = ST_PAREN_CN;
        m->len = open + dash + close;
    } else {
        return false;
    }
    m->len = fg_parse__skip_blanks(s, m->len);
    return m->len < s.len;
}

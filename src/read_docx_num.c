/*
 * Word's automatic numbering for the DOCX reader (read_docx_int.h): the numbers that exist
 * only in word/numbering.xml (一、（一）1．) rendered into the text as Word prints them.
 */
#include "read_docx_int.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

#define N_LVL 9
#define MAX_START 1000000000L

/* ---- element access (shared with read_docx.c) ---- */

static bool is_w_ns(const xmlNs *ns)
{
    return ns != NULL && ns->href != NULL &&
           (strcmp((const char *)ns->href,
                   "http://schemas.openxmlformats.org/wordprocessingml/2006/main") == 0 ||
            strcmp((const char *)ns->href, "http://purl.oclc.org/ooxml/wordprocessingml/main") ==
                0);
}

bool fg_docx__is(const xmlNode *n, const char *local)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && is_w_ns(n->ns) &&
           strcmp((const char *)n->name, local) == 0;
}

xmlNode *fg_docx__child(const xmlNode *n, const char *local)
{
    if (n == NULL)
        return NULL;
    for (xmlNode *c = n->children; c != NULL; c = c->next)
        if (fg_docx__is(c, local))
            return c;
    return NULL;
}

const char *fg_docx__attr(const xmlNode *n, const char *local)
{
    if (n == NULL || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
        if (strcmp((const char *)a->name, local) != 0 || (a->ns != NULL && !is_w_ns(a->ns)))
            continue;
        if (a->children != NULL && a->children->type == XML_TEXT_NODE &&
            a->children->content != NULL)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

const char *fg_docx__child_val(const xmlNode *n, const char *local)
{
    return fg_docx__attr(fg_docx__child(n, local), "val");
}

/* A decimal attribute value within [lo, hi], or def when absent or not a number. */
static long num_val(const char *s, long lo, long hi, long def)
{
    char *end;
    long v;

    if (s == NULL)
        return def;
    errno = 0;
    v = strtol(s, &end, 10);
    if (end == s || errno != 0)
        return def;
    return v < lo ? lo : v > hi ? hi : v;
}

/* ---- number formats ---- */

static const struct {
    const char *name;
    fg_docx_fmt fmt;
} fmt_names[] = {
    {"decimal", FG_DOCX_DECIMAL},
    {"decimalZero", FG_DOCX_DECIMAL_ZERO},
    {"upperLetter", FG_DOCX_UPPER_LETTER},
    {"lowerLetter", FG_DOCX_LOWER_LETTER},
    {"upperRoman", FG_DOCX_UPPER_ROMAN},
    {"lowerRoman", FG_DOCX_LOWER_ROMAN},
    {"chineseCounting", FG_DOCX_CHINESE_COUNTING},
    {"chineseCountingThousand", FG_DOCX_CHINESE_COUNTING},
    {"taiwaneseCounting", FG_DOCX_CHINESE_COUNTING},
    {"taiwaneseCountingThousand", FG_DOCX_CHINESE_COUNTING},
    {"japaneseCounting", FG_DOCX_CHINESE_COUNTING},
    {"chineseLegalSimplified", FG_DOCX_CHINESE_LEGAL},
    {"ideographLegalTraditional", FG_DOCX_LEGAL_TRADITIONAL},
    {"ideographTraditional", FG_DOCX_IDEO_TRADITIONAL},
    {"ideographZodiac", FG_DOCX_IDEO_ZODIAC},
    {"ideographDigital", FG_DOCX_IDEO_DIGITAL},
    {"taiwaneseDigital", FG_DOCX_IDEO_DIGITAL},
    {"japaneseDigitalTenThousand", FG_DOCX_IDEO_DIGITAL},
    {"decimalEnclosedCircle", FG_DOCX_ENCLOSED_CIRCLE},
    {"decimalEnclosedCircleChinese", FG_DOCX_ENCLOSED_CIRCLE},
    {"ideographEnclosedCircle", FG_DOCX_ENCLOSED_CIRCLE},
    {"decimalEnclosedParen", FG_DOCX_ENCLOSED_PAREN},
    {"decimalEnclosedFullstop", FG_DOCX_ENCLOSED_FULLSTOP},
    {"decimalFullWidth", FG_DOCX_DECIMAL_FULLWIDTH},
    {"decimalFullWidth2", FG_DOCX_DECIMAL_FULLWIDTH},
    {"none", FG_DOCX_NONE},
    {"bullet", FG_DOCX_BULLET},
};

fg_docx_fmt fg_docx__numfmt(const char *name)
{
    if (name == NULL)
        return FG_DOCX_DECIMAL;
    for (size_t i = 0; i < sizeof fmt_names / sizeof *fmt_names; i++)
        if (strcmp(name, fmt_names[i].name) == 0)
            return fmt_names[i].fmt;
    return FG_DOCX_DECIMAL;
}

static int put_cp(fg_str *out, uint32_t cp)
{
    char b[4];
    size_t n;

    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return fg_str_append(out, b, n);
}

static int put_s(fg_str *out, const char *s)
{
    return fg_str_append(out, s, strlen(s));
}

/* The n-th (from 1) of the UTF-8 characters of list, each 3 bytes. */
static int put_nth3(fg_str *out, const char *list, long n)
{
    return fg_str_append(out, list + 3 * (n - 1), 3);
}

/* 0 < n < 10000, in the counting system whose digits (〇 一 … 九, 3 bytes each) and units
 * (十 百 千) are given; lead: the group starts the number (十一, not 一十一, at the top). */
static int counting4(fg_str *out, long n, const char *digits, const char *units, bool lead,
                     bool legal)
{
    static const long pos[] = {1000, 100, 10, 1};
    bool any = false;
    bool zero = false;
    int rc = FG_OK;

    for (int k = 0; k < 4; k++) {
        long d = n / pos[k] % 10;

        if (d == 0) {
            zero = any;
            continue;
        }
        if (zero)
            FG_TRY(fg_str_append(out, digits, 3)); /* 零 */
        zero = false;
        if (!(pos[k] == 10 && d == 1 && !any && lead && !legal))
            FG_TRY(fg_str_append(out, digits + 3 * d, 3));
        if (k < 3)
            FG_TRY(fg_str_append(out, units + 3 * (2 - k), 3));
        any = true;
    }
out:
    return rc;
}

/* 0 < n < 10^8: 一万零一十. */
static int counting(fg_str *out, long n, const char *digits, const char *units, const char *wan,
                    bool legal)
{
    int rc = FG_OK;

    if (n >= 10000) {
        FG_TRY(counting4(out, n / 10000, digits, units, true, legal));
        FG_TRY(put_s(out, wan));
        if (n % 10000 == 0)
            goto out;
        if (n % 10000 < 1000)
            FG_TRY(fg_str_append(out, digits, 3));
        FG_TRY(counting4(out, n % 10000, digits, units, false, legal));
    } else {
        FG_TRY(counting4(out, n, digits, units, true, legal));
    }
out:
    return rc;
}

static int roman(fg_str *out, long n, bool upper)
{
    static const long val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const up[] = {"M", "CM", "D", "CD", "C", "XC", "L",
                                     "XL", "X", "IX", "V", "IV", "I"};
    static const char *const lo[] = {"m", "cm", "d", "cd", "c", "xc", "l",
                                     "xl", "x", "ix", "v", "iv", "i"};
    int rc = FG_OK;

    for (int k = 0; k < 13; k++) {
        while (n >= val[k]) {
            FG_TRY(put_s(out, upper ? up[k] : lo[k]));
            n -= val[k];
        }
    }
out:
    return rc;
}

int fg_docx__format(fg_str *out, fg_docx_fmt fmt, long n)
{
    static const char zh_digits[] = "零一二三四五六七八九";
    static const char zh_units[] = "十百千";
    static const char legal_digits[] = "零壹贰叁肆伍陆柒捌玖";
    static const char legal_units[] = "拾佰仟";
    static const char trad_digits[] = "零壹貳參肆伍陸柒捌玖";
    static const char ideo_digits[] = "〇一二三四五六七八九";
    char buf[32];
    int rc = FG_OK;

    if (fmt == FG_DOCX_NONE || fmt == FG_DOCX_BULLET)
        return FG_OK;
    if (n < 1 && fmt != FG_DOCX_DECIMAL_ZERO && fmt != FG_DOCX_DECIMAL_FULLWIDTH)
        fmt = FG_DOCX_DECIMAL;
    switch (fmt) {
    case FG_DOCX_DECIMAL_ZERO:
        snprintf(buf, sizeof buf, "%02ld", n);
        return put_s(out, buf);
    case FG_DOCX_UPPER_LETTER:
    case FG_DOCX_LOWER_LETTER:
        if (n > 26 * 50)
            break;
        for (long k = 0; k <= (n - 1) / 26; k++)
            FG_TRY(fg_str_appendc(out, (char)((fmt == FG_DOCX_UPPER_LETTER ? 'A' : 'a') +
                                              (n - 1) % 26)));
        return FG_OK;
    case FG_DOCX_UPPER_ROMAN:
    case FG_DOCX_LOWER_ROMAN:
        if (n >= 4000)
            break;
        return roman(out, n, fmt == FG_DOCX_UPPER_ROMAN);
    case FG_DOCX_CHINESE_COUNTING:
        if (n >= 100000000L)
            break;
        return counting(out, n, zh_digits, zh_units, "万", false);
    case FG_DOCX_CHINESE_LEGAL:
        if (n >= 100000000L)
            break;
        return counting(out, n, legal_digits, legal_units, "万", true);
    case FG_DOCX_LEGAL_TRADITIONAL:
        if (n >= 100000000L)
            break;
        return counting(out, n, trad_digits, legal_units, "萬", true);
    case FG_DOCX_IDEO_TRADITIONAL:
        if (n > 10)
            break;
        return put_nth3(out, "甲乙丙丁戊己庚辛壬癸", n);
    case FG_DOCX_IDEO_ZODIAC:
        if (n > 12)
            break;
        return put_nth3(out, "子丑寅卯辰巳午未申酉戌亥", n);
    case FG_DOCX_IDEO_DIGITAL:
        snprintf(buf, sizeof buf, "%ld", n);
        for (const char *p = buf; *p; p++)
            FG_TRY(fg_str_append(out, ideo_digits + 3 * (*p - '0'), 3));
        return FG_OK;
    case FG_DOCX_ENCLOSED_CIRCLE:
        if (n > 20)
            break;
        return put_cp(out, 0x2460 + (uint32_t)(n - 1));
    case FG_DOCX_ENCLOSED_PAREN:
        if (n > 20)
            break;
        return put_cp(out, 0x2474 + (uint32_t)(n - 1));
    case FG_DOCX_ENCLOSED_FULLSTOP:
        if (n > 20)
            break;
        return put_cp(out, 0x2488 + (uint32_t)(n - 1));
    case FG_DOCX_DECIMAL_FULLWIDTH:
        snprintf(buf, sizeof buf, "%ld", n);
        for (const char *p = buf; *p; p++)
            FG_TRY(put_cp(out, *p == '-' ? 0xFF0D : 0xFF10 + (uint32_t)(*p - '0')));
        return FG_OK;
    default:
        break;
    }
    snprintf(buf, sizeof buf, "%ld", n);
    return put_s(out, buf);
out:
    return rc;
}

/* ---- numbering definitions ---- */

enum { SUFF_TAB, SUFF_SPACE, SUFF_NOTHING };

typedef struct lvl {
    bool defined;
    long start;
    fg_docx_fmt fmt;
    char *text;    /* w:lvlText (owned), NULL when absent */
    long restart;  /* w:lvlRestart, -1 when absent */
    bool legal;    /* w:isLgl */
    int suff;
    char *pstyle;  /* w:pStyle: the paragraph style this level belongs to (owned) */
} lvl;

typedef struct abstract {
    long id;
    lvl lv[N_LVL];
    char *link;    /* w:numStyleLink: the numbering style whose definition this one uses */
    long count[N_LVL];
    bool has[N_LVL]; /* the level has numbered a paragraph since it (re)started */
} abstract;

typedef struct num {
    long id;
    long abstract_id;
    bool started;
    bool has_start[N_LVL];
    long start[N_LVL];
    lvl over[N_LVL]; /* w:lvlOverride/w:lvl */
} num;

typedef struct style {
    char *id;
    char *based_on;
    long num_id; /* -1: no w:numPr/w:numId */
    long ilvl;   /* -1: no w:numPr/w:ilvl */
} style;

struct fg_docx_num {
    abstract *abs;
    size_t n_abs;
    num *nums;
    size_t n_nums;
    style *styles;
    size_t n_styles;
    const char *default_style; /* the default paragraph style's id (in styles[]) */
};

static char *dup_or_null(const char *s, int *rc)
{
    char *d;

    if (s == NULL)
        return NULL;
    d = strdup(s);
    if (d == NULL)
        *rc = fg_error_set(FG_ENOMEM, "out of memory");
    return d;
}

static int load_lvl(lvl *l, const xmlNode *n)
{
    const char *v;
    int rc = FG_OK;

    l->defined = true;
    l->start = num_val(fg_docx__child_val(n, "start"), 0, MAX_START, 0);
    l->fmt = fg_docx__numfmt(fg_docx__child_val(n, "numFmt"));
    l->restart = num_val(fg_docx__child_val(n, "lvlRestart"), 0, N_LVL, -1);
    v = fg_docx__child_val(n, "isLgl");
    l->legal = fg_docx__child(n, "isLgl") != NULL &&
               (v == NULL || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
                               strcmp(v, "off") == 0));
    v = fg_docx__child_val(n, "suff");
    l->suff = v == NULL ? SUFF_TAB : strcmp(v, "space") == 0 ? SUFF_SPACE
              : strcmp(v, "nothing") == 0                   ? SUFF_NOTHING
                                                            : SUFF_TAB;
    l->text = dup_or_null(fg_docx__child_val(n, "lvlText"), &rc);
    if (rc == FG_OK)
        l->pstyle = dup_or_null(fg_docx__child_val(n, "pStyle"), &rc);
    return rc;
}

static void free_lvl(lvl *l)
{
    free(l->text);
    free(l->pstyle);
}

static int cmp_abs(const void *a, const void *b)
{
    long x = ((const abstract *)a)->id;
    long y = ((const abstract *)b)->id;

    return (x > y) - (x < y);
}

static int cmp_num(const void *a, const void *b)
{
    long x = ((const num *)a)->id;
    long y = ((const num *)b)->id;

    return (x > y) - (x < y);
}

static int cmp_style(const void *a, const void *b)
{
    return strcmp(((const style *)a)->id, ((const style *)b)->id);
}

static size_t count_children(const xmlNode *root, const char *local)
{
    size_t n = 0;

    for (const xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
        n += fg_docx__is(c, local);
    return n;
}

static int load_numbering(fg_docx_num *nm, const xmlNode *root)
{
    size_t n_abs = count_children(root, "abstractNum");
    size_t n_nums = count_children(root, "num");
    int rc = FG_OK;

    if (n_abs) {
        nm->abs = calloc(n_abs, sizeof *nm->abs);
        FG_CHECK_ALLOC(nm->abs);
    }
    if (n_nums) {
        nm->nums = calloc(n_nums, sizeof *nm->nums);
        FG_CHECK_ALLOC(nm->nums);
    }
    for (const xmlNode *c = root->children; c != NULL; c = c->next) {
        if (fg_docx__is(c, "abstractNum")) {
            abstract *a = &nm->abs[nm->n_abs++];

            a->id = num_val(fg_docx__attr(c, "abstractNumId"), LONG_MIN, LONG_MAX, -1);
            a->link = dup_or_null(fg_docx__child_val(c, "numStyleLink"), &rc);
            if (rc < 0)
                goto out;
            for (const xmlNode *l = c->children; l != NULL; l = l->next) {
                long i = num_val(fg_docx__attr(l, "ilvl"), -1, N_LVL, -1);

                if (fg_docx__is(l, "lvl") && i >= 0 && i < N_LVL && !a->lv[i].defined)
                    FG_TRY(load_lvl(&a->lv[i], l));
            }
        } else if (fg_docx__is(c, "num")) {
            num *m = &nm->nums[nm->n_nums++];

            m->id = num_val(fg_docx__attr(c, "numId"), LONG_MIN, LONG_MAX, -1);
            m->abstract_id = num_val(fg_docx__child_val(c, "abstractNumId"), LONG_MIN, LONG_MAX,
                                     -1);
            for (const xmlNode *o = c->children; o != NULL; o = o->next) {
                long i = num_val(fg_docx__attr(o, "ilvl"), -1, N_LVL, -1);
                const xmlNode *l;

                if (!fg_docx__is(o, "lvlOverride") || i < 0 || i >= N_LVL)
                    continue;
                if (fg_docx__child(o, "startOverride") != NULL) {
                    m->has_start[i] = true;
                    m->start[i] = num_val(fg_docx__child_val(o, "startOverride"), 0, MAX_START, 0);
                }
                l = fg_docx__child(o, "lvl");
                if (l != NULL && !m->over[i].defined)
                    FG_TRY(load_lvl(&m->over[i], l));
            }
        }
    }
    /* Sorted for bsearch(); among equal ids the first written stays first (qsort is not
     * stable, so ties are rare enough to ignore: a document with two num of one id is
     * damaged, and either may win). */
    if (nm->n_abs)
        qsort(nm->abs, nm->n_abs, sizeof *nm->abs, cmp_abs);
    if (nm->n_nums)
        qsort(nm->nums, nm->n_nums, sizeof *nm->nums, cmp_num);
out:
    return rc;
}

static int load_styles(fg_docx_num *nm, const xmlNode *root)
{
    size_t n = count_children(root, "style");
    const char *def = NULL;
    int rc = FG_OK;

    if (n == 0)
        return FG_OK;
    nm->styles = calloc(n, sizeof *nm->styles);
    FG_CHECK_ALLOC(nm->styles);
    for (const xmlNode *c = root->children; c != NULL; c = c->next) {
        const char *id = fg_docx__attr(c, "styleId");
        const char *type = fg_docx__attr(c, "type");
        const xmlNode *np = fg_docx__child(fg_docx__child(c, "pPr"), "numPr");
        style *s;

        if (!fg_docx__is(c, "style") || id == NULL)
            continue;
        if (type != NULL && strcmp(type, "paragraph") != 0 && strcmp(type, "numbering") != 0)
            continue;
        s = &nm->styles[nm->n_styles++];
        s->id = dup_or_null(id, &rc);
        if (rc == FG_OK)
            s->based_on = dup_or_null(fg_docx__child_val(c, "basedOn"), &rc);
        if (rc < 0)
            goto out;
        s->num_id = num_val(fg_docx__child_val(np, "numId"), -1, LONG_MAX, -1);
        s->ilvl = num_val(fg_docx__child_val(np, "ilvl"), -1, N_LVL - 1, -1);
        if (def == NULL && (type == NULL || strcmp(type, "paragraph") == 0)) {
            const char *d = fg_docx__attr(c, "default");

            if (d != NULL && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0))
                def = s->id;
        }
    }
    nm->default_style = def;
    if (nm->n_styles)
        qsort(nm->styles, nm->n_styles, sizeof *nm->styles, cmp_style);
out:
    return rc;
}

void fg_docx__num_free(fg_docx_num *nm)
{
    if (nm == NULL)
        return;
    for (size_t i = 0; i < nm->n_abs; i++) {
        for (int l = 0; l < N_LVL; l++)
            free_lvl(&nm->abs[i].lv[l]);
        free(nm->abs[i].link);
    }
    for (size_t i = 0; i < nm->n_nums; i++)
        for (int l = 0; l < N_LVL; l++)
            free_lvl(&nm->nums[i].over[l]);
    for (size_t i = 0; i < nm->n_styles; i++) {
        free(nm->styles[i].id);
        free(nm->styles[i].based_on);
    }
    free(nm->abs);
    free(nm->nums);
    free(nm->styles);
    free(nm);
}

int fg_docx__num_load(fg_docx_num **out, const xmlDoc *numbering, const xmlDoc *styles)
{
    fg_docx_num *nm = calloc(1, sizeof *nm);
    const xmlNode *root;
    int rc = FG_OK;

    *out = NULL;
    FG_CHECK_ALLOC(nm);
    root = numbering ? xmlDocGetRootElement(numbering) : NULL;
    if (root != NULL)
        FG_TRY(load_numbering(nm, root));
    root = styles ? xmlDocGetRootElement(styles) : NULL;
    if (root != NULL)
        FG_TRY(load_styles(nm, root));
    *out = nm;
    nm = NULL;
out:
    fg_docx__num_free(nm);
    return rc;
}

/* ---- numbering paragraphs ---- */

static style *find_style(fg_docx_num *nm, const char *id)
{
    style key = {.id = (char *)id};

    if (id == NULL || nm->n_styles == 0)
        return NULL;
    return bsearch(&key, nm->styles, nm->n_styles, sizeof *nm->styles, cmp_style);
}

static num *find_num(fg_docx_num *nm, long id)
{
    num key = {.id = id};

    if (nm->n_nums == 0)
        return NULL;
    return bsearch(&key, nm->nums, nm->n_nums, sizeof *nm->nums, cmp_num);
}

static abstract *find_abs(fg_docx_num *nm, long id)
{
    abstract key = {.id = id};

    if (nm->n_abs == 0)
        return NULL;
    return bsearch(&key, nm->abs, nm->n_abs, sizeof *nm->abs, cmp_abs);
}

/* The definition an instance numbers with, following w:numStyleLink to the numbering style's
 * own instance (a list style), a few steps at most. */
static abstract *abstract_of(fg_docx_num *nm, const num *m)
{
    abstract *a = find_abs(nm, m->abstract_id);

    for (int hop = 0; hop < 4 && a != NULL && a->link != NULL; hop++) {
        const style *s = find_style(nm, a->link);
        const num *m2 = s != NULL && s->num_id > 0 ? find_num(nm, s->num_id) : NULL;
        abstract *a2 = m2 != NULL ? find_abs(nm, m2->abstract_id) : NULL;

        if (a2 == NULL || a2 == a)
            break;
        a = a2;
    }
    return a;
}

static const lvl *level_of(const abstract *a, const num *m, int l)
{
    return m->over[l].defined ? &m->over[l] : &a->lv[l];
}

static long start_of(const abstract *a, const num *m, int l)
{
    return m->has_start[l] ? m->start[l] : level_of(a, m, l)->start;
}

/* Whether the last character of s is full-width punctuation (、 ） ．: CJK symbols and
 * punctuation U+3000–U+303F, full-width forms U+FF00–U+FF65 but digits and letters). */
static bool ends_fullwidth_punct(const fg_str *s)
{
    const unsigned char *p;

    if (s->len < 3)
        return false;
    p = (const unsigned char *)s->ptr + s->len - 3;
    if (p[0] == 0xEF && p[1] == 0xBC) /* not the digits and letters ０–９ Ａ–Ｚ */
        return !((p[2] >= 0x90 && p[2] <= 0x99) || (p[2] >= 0xA1 && p[2] <= 0xBA));
    return (p[0] == 0xE3 && p[1] == 0x80) || (p[0] == 0xEF && p[1] == 0xBD && p[2] <= 0xA5);
}

int fg_docx__num_para(fg_docx_num *nm, fg_str *out, const char *style_id, long num_id, long ilvl)
{
    const char *sid = style_id != NULL ? style_id : nm->default_style;
    size_t from = out->len;
    abstract *a;
    num *m;
    const lvl *def;
    int l;
    int rc = FG_OK;

    /* What the paragraph lacks comes from its style and the styles it is based on. */
    for (int hop = 0; hop < 16 && (num_id < 0 || ilvl < 0) && sid != NULL; hop++) {
        const style *s = find_style(nm, sid);

        if (s == NULL)
            break;
        if (s->num_id >= 0 || s->ilvl >= 0) {
            if (num_id < 0)
                num_id = s->num_id;
            if (ilvl < 0)
                ilvl = s->ilvl;
        }
        sid = s->based_on;
    }
    if (num_id <= 0) /* 0: numbering removed */
        return FG_OK;
    m = find_num(nm, num_id);
    a = m != NULL ? abstract_of(nm, m) : NULL;
    if (a == NULL)
        return FG_OK;
    if (ilvl < 0 && style_id != NULL) /* the level that names the paragraph's style */
        for (int k = 0; k < N_LVL && ilvl < 0; k++)
            if (level_of(a, m, k)->pstyle != NULL && strcmp(level_of(a, m, k)->pstyle, style_id) == 0)
                ilvl = k;
    l = ilvl < 0 ? 0 : ilvl >= N_LVL ? N_LVL - 1 : (int)ilvl;
    if (!m->started) {
        m->started = true;
        for (int k = 0; k < N_LVL; k++)
            if (m->has_start[k])
                a->has[k] = false;
    }
    if (a->has[l] && a->count[l] < LONG_MAX)
        a->count[l]++;
    else if (!a->has[l])
        a->count[l] = start_of(a, m, l);
    a->has[l] = true;
    for (int k = l + 1; k < N_LVL; k++) {
        long r = level_of(a, m, k)->restart;

        /* absent: restart after any shallower level; 0: never; n: after level n or above */
        if (r < 0 || (r > 0 && l < r))
            a->has[k] = false;
    }
    def = level_of(a, m, l);
    if (def->fmt == FG_DOCX_NONE || def->fmt == FG_DOCX_BULLET || def->text == NULL)
        return FG_OK;
    for (const char *p = def->text; *p; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            int k = p[1] - '1';
            const lvl *dk = level_of(a, m, k);
            fg_docx_fmt f = dk->fmt;

            if (def->legal && f != FG_DOCX_NONE && f != FG_DOCX_BULLET)
                f = FG_DOCX_DECIMAL;
            FG_TRY(fg_docx__format(out, f, a->has[k] ? a->count[k] : start_of(a, m, k)));
            p++;
            continue;
        }
        FG_TRY(fg_str_appendc(out, *p));
    }
    if (out->len > from && def->suff != SUFF_NOTHING && !ends_fullwidth_punct(out))
        FG_TRY(fg_str_appendc(out, ' '));
out:
    return rc;
}

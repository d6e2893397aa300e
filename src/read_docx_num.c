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

#define N_LVL FG_DOCX_LEVELS
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

/* ---- numbering definitions ---- */

enum { SUFF_TAB, SUFF_SPACE, SUFF_NOTHING };

typedef struct lvl {
    bool defined;
    long start;
    fg_docx_fmt fmt;
    char *text;   /* w:lvlText (owned), NULL when absent */
    long restart; /* w:lvlRestart, -1 when absent */
    bool legal;   /* w:isLgl */
    int suff;
    char *pstyle; /* w:pStyle: the paragraph style this level belongs to (owned) */
} lvl;

typedef struct abstract {
    long id;
    lvl lv[N_LVL];
    char *link; /* w:numStyleLink: the numbering style whose definition this one uses */
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
    l->legal =
        fg_docx__child(n, "isLgl") != NULL &&
        (v == NULL || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0));
    v = fg_docx__child_val(n, "suff");
    l->suff = v == NULL                   ? SUFF_TAB
              : strcmp(v, "space") == 0   ? SUFF_SPACE
              : strcmp(v, "nothing") == 0 ? SUFF_NOTHING
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
            m->abstract_id =
                num_val(fg_docx__child_val(c, "abstractNumId"), LONG_MIN, LONG_MAX, -1);
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

void fg_docx__count_level(bool *started, const bool *has_start, bool *has, long *count, int l,
                          long start)
{
    if (!*started) {
        *started = true;
        for (int k = 0; k < FG_DOCX_LEVELS; k++)
            if (has_start[k])
                has[k] = false;
    }
    if (has[l] && count[l] < LONG_MAX)
        count[l]++;
    else if (!has[l])
        count[l] = start;
    has[l] = true;
}

bool fg_docx__ends_fullwidth_punct(const fg_str *s)
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
            if (level_of(a, m, k)->pstyle != NULL &&
                strcmp(level_of(a, m, k)->pstyle, style_id) == 0)
                ilvl = k;
    l = ilvl < 0 ? 0 : ilvl >= N_LVL ? N_LVL - 1 : (int)ilvl;
    fg_docx__count_level(&m->started, m->has_start, a->has, a->count, l, start_of(a, m, l));
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
    if (out->len > from && def->suff != SUFF_NOTHING && !fg_docx__ends_fullwidth_punct(out))
        FG_TRY(fg_str_appendc(out, ' '));
out:
    return rc;
}

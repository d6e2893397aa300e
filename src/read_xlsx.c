/*
 * Excel workbooks (read_xlsx_int.h), and the document reader of reader.h for a 分工表 kept as
 * a workbook: every visible sheet as a table, through the builder, so that a sheet reads as
 * the same table exported as text with tabs would (merged cells carried down, title rows as
 * lines). A date cell is written as the format shows it, in Chinese (2024年12月31日, 2024年
 * 12月, 12月31日), where the deadline reader finds it; a whole number as an integer (序号).
 * A sheet named as an annex (附件2, 附表1) has its name written as a line before its table,
 * where it starts a part as the 附件 line of a text does; other names (Sheet1, 分工表, 说明)
 * are tabs' labels, not text of the document.
 *
 * Safety: as the DOCX reader (read_docx_zip.c): the ZIP is read from memory within the
 * inflate limits, XML without entities, DTDs or network; a merged range or cell reference
 * is clamped to FG_XLSX_MAX_COLS columns.
 */
#include "read_xlsx_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "error.h"
#include "grow.h"
#include "read_docx_int.h"
#include "ole.h"
#include "read_xls_int.h"
#include "reader.h"
#include "str.h"

/* The most merged ranges of a sheet that are kept; more are read as unmerged cells. */
#define MAX_MERGES 4096

typedef struct sheet {
    char *name;
    char part[300];
} sheet;

struct fg_xlsx {
    fg_docx_pkg pkg;
    bool pkg_open;
    bool date1904;
    sheet *sheets;
    size_t n_sheets, cap_sheets;
    char **strings; /* shared strings */
    size_t n_strings, cap_strings;
    unsigned char *xf_shows; /* per cell style (cellXfs): what its date format shows, or 0 */
    size_t n_xf;
    fg_xls_book *biff; /* an .xls: its cells (read_xls_int.h); NULL for an XLSX */
};

typedef struct merge {
    long r1, c1, r2, c2; /* 1-based rows, 0-based columns, inclusive */
} merge;

/* ---- XML ---- */

static bool named(const xmlNode *n, const char *local)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

/* The attribute LOCAL of n (any namespace), or NULL (also when n is not an element). */
static const char *attr(const xmlNode *n, const char *local)
{
    if (n == NULL || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a != NULL; a = a->next)
        if (strcmp((const char *)a->name, local) == 0)
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

static const xmlNode *child(const xmlNode *n, const char *local)
{
    for (const xmlNode *c = n ? n->children : NULL; c != NULL; c = c->next)
        if (named(c, local))
            return c;
    return NULL;
}

/* The text of the <t> elements under n (rich-text runs), not of phonetic runs (<rPh>). */
static int text_of(fg_str *out, const xmlNode *n)
{
    int rc = FG_OK;

    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || named(c, "rPh"))
            continue;
        if (named(c, "t")) {
            xmlChar *v = xmlNodeGetContent(c);

            if (v) {
                rc = fg_str_append(out, (const char *)v, strlen((const char *)v));
                xmlFree(v);
            }
        } else {
            rc = text_of(out, c);
        }
        if (rc < 0)
            return rc;
    }
    return rc;
}

/* ---- the workbook ---- */

static int load_strings(fg_xlsx *x, const char *part)
{
    xmlDoc *doc = NULL;
    int rc = FG_OK;

    FG_TRY(fg_docx__load_part(&x->pkg, part, &doc));
    for (const xmlNode *si = child(doc ? xmlDocGetRootElement(doc) : NULL, "si"); si != NULL;
         si = si->next) {
        fg_str v = FG_STR_INIT;

        if (!named(si, "si"))
            continue;
        FG_TRY(FG_GROW(x->strings, x->cap_strings, x->n_strings, 256));
        rc = text_of(&v, si);
        if (rc == FG_OK)
            rc = fg_str_appendc(&v, '\0');
        if (rc < 0) {
            fg_str_dispose(&v);
            goto out;
        }
        x->strings[x->n_strings++] = fg_str_steal(&v);
    }
out:
    xmlFreeDoc(doc);
    return rc;
}

/* What a built-in number format shows when it is a date (ECMA-376 18.8.30, with the
 * Chinese formats 27-31, 36, 50-58); 0 for numbers and times. */
static unsigned builtin_shows(long id)
{
    switch (id) {
    case 14: case 15: case 22: case 30: case 31:
        return FG_XLSX_YEAR | FG_XLSX_MONTH | FG_XLSX_DAY;
    case 16: case 28: case 29: case 51: case 53: case 54: case 58:
        return FG_XLSX_MONTH | FG_XLSX_DAY;
    case 17: case 27: case 36: case 50: case 52: case 57:
        return FG_XLSX_YEAR | FG_XLSX_MONTH;
    default:
        return 0;
    }
}

/* What a format code shows when it is a date: its first section's y, m and d outside quoted
 * text, escapes and [..] (colours, locales, elapsed time); 0 when it has no y and no d (a
 * number, a time: "m" alone is as likely minutes). */
static unsigned code_shows(const char *code)
{
    unsigned shows = 0;

    for (const char *p = code; *p && *p != ';'; p++) {
        if (*p == '"') {
            const char *e = strchr(p + 1, '"');

            if (e == NULL)
                break;
            p = e;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (p[1] == '\0')
                break;
            p++;
        } else if (*p == '[') {
            const char *e = strchr(p, ']');

            if (e == NULL)
                break;
            p = e;
        } else if (*p == 'y' || *p == 'Y' || *p == 'e') {
            shows |= FG_XLSX_YEAR;
        } else if (*p == 'm' || *p == 'M') {
            shows |= FG_XLSX_MONTH;
        } else if (*p == 'd' || *p == 'D') {
            shows |= FG_XLSX_DAY;
        }
    }
    return shows & (FG_XLSX_YEAR | FG_XLSX_DAY) ? shows : 0;
}

static int load_styles(fg_xlsx *x, const char *part)
{
    typedef struct {
        long id;
        unsigned shows;
    } fmt;
    fmt *fmts = NULL;
    size_t n_fmts = 0;
    size_t cap_fmts = 0;
    size_t cap_xf = 0;
    xmlDoc *doc = NULL;
    const xmlNode *root;
    int rc = FG_OK;

    FG_TRY(fg_docx__load_part(&x->pkg, part, &doc));
    root = doc ? xmlDocGetRootElement(doc) : NULL;
    for (const xmlNode *f = child(child(root, "numFmts"), "numFmt"); f != NULL; f = f->next) {
        const char *id = named(f, "numFmt") ? attr(f, "numFmtId") : NULL;
        const char *code = id ? attr(f, "formatCode") : NULL;

        if (code == NULL)
            continue;
        FG_TRY(FG_GROW(fmts, cap_fmts, n_fmts, 16));
        fmts[n_fmts].id = strtol(id, NULL, 10);
        fmts[n_fmts++].shows = code_shows(code);
    }
    for (const xmlNode *xf = child(child(root, "cellXfs"), "xf"); xf != NULL; xf = xf->next) {
        const char *v;
        long id;
        unsigned shows;

        if (!named(xf, "xf"))
            continue;
        v = attr(xf, "numFmtId");
        id = v ? strtol(v, NULL, 10) : 0;
        shows = builtin_shows(id);
        for (size_t k = 0; k < n_fmts; k++)
            if (fmts[k].id == id)
                shows = fmts[k].shows;
        FG_TRY(FG_GROW(x->xf_shows, cap_xf, x->n_xf, 64));
        x->xf_shows[x->n_xf++] = (unsigned char)shows;
    }
out:
    free(fmts);
    xmlFreeDoc(doc);
    return rc;
}

/* The sheets of workbook.xml, visible ones only, with their parts through the relationships. */
static int load_sheets(fg_xlsx *x, const xmlDoc *wb, const xmlDoc *rels)
{
    const xmlNode *root = xmlDocGetRootElement(wb);
    const xmlNode *pr = child(root, "workbookPr");
    const char *d1904 = pr ? attr(pr, "date1904") : NULL;
    int rc = FG_OK;

    x->date1904 = d1904 && (strcmp(d1904, "1") == 0 || strcmp(d1904, "true") == 0);
    for (const xmlNode *s = child(child(root, "sheets"), "sheet"); s != NULL; s = s->next) {
        const char *state = attr(s, "state");
        const char *name = attr(s, "name");
        sheet *sh;

        if (!named(s, "sheet") || (state != NULL && strcmp(state, "visible") != 0))
            continue;
        FG_TRY(FG_GROW(x->sheets, x->cap_sheets, x->n_sheets, 8));
        sh = &x->sheets[x->n_sheets];
        if (!fg_docx__rel_target_id(sh->part, sizeof sh->part, rels, "xl/", attr(s, "id")))
            continue; /* a chart sheet or a dangling reference: no cells */
        sh->name = strdup(name ? name : "");
        FG_CHECK_ALLOC(sh->name);
        x->n_sheets++;
    }
out:
    return rc;
}

/* An .xls: its sheets' names, date system and styles from the decoded book. */
static int open_biff(fg_xlsx *x, const char *name, const char *kind, const unsigned char *bytes,
                     size_t len)
{
    fg_xls_book *b;
    int rc = FG_OK;

    FG_TRY(fg_xls__load(&x->biff, name, kind, bytes, len));
    b = x->biff;
    x->date1904 = b->date1904;
    x->sheets = calloc(b->n_sheets ? b->n_sheets : 1, sizeof *x->sheets);
    FG_CHECK_ALLOC(x->sheets);
    x->cap_sheets = b->n_sheets;
    for (; x->n_sheets < b->n_sheets; x->n_sheets++) {
        x->sheets[x->n_sheets].name = strdup(b->chars.ptr + b->sheets[x->n_sheets].name);
        FG_CHECK_ALLOC(x->sheets[x->n_sheets].name);
    }
    x->xf_shows = calloc(b->n_xf ? b->n_xf : 1, 1);
    FG_CHECK_ALLOC(x->xf_shows);
    for (; x->n_xf < b->n_xf; x->n_xf++) {
        unsigned id = b->xf_fmt[x->n_xf];
        unsigned shows = builtin_shows(id);

        for (size_t k = 0; k < b->n_formats; k++)
            if (b->formats[k].id == id)
                shows = code_shows(b->chars.ptr + b->formats[k].code);
        x->xf_shows[x->n_xf] = (unsigned char)shows;
    }
out:
    return rc;
}

int fg_xlsx__open(fg_xlsx **out, const char *name, const char *kind, const unsigned char *bytes,
                  size_t len)
{
    fg_xlsx *x;
    xmlDoc *wb = NULL;
    xmlDoc *rels = NULL;
    char part[300];
    int rc = FG_OK;

    *out = NULL;
    x = calloc(1, sizeof *x);
    FG_CHECK_ALLOC(x);
    if (fg_ole_signed(bytes, len)) {
        FG_TRY(open_biff(x, name, kind, bytes, len));
        goto done;
    }
    x->pkg_open = true;
    FG_TRY(fg_docx__open_kind(&x->pkg, name, kind, bytes, len));
    FG_TRY(fg_docx__load_part(&x->pkg, "xl/workbook.xml", &wb));
    if (wb == NULL) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable %s: no xl/workbook.xml in the ZIP "
                                      "archive", name, kind);
        goto out;
    }
    FG_TRY(fg_docx__load_part(&x->pkg, "xl/_rels/workbook.xml.rels", &rels));
    FG_TRY(load_sheets(x, wb, rels));
    fg_docx__rel_target(part, sizeof part, rels, "xl/", "/sharedStrings", "xl/sharedStrings.xml");
    FG_TRY(load_strings(x, part));
    fg_docx__rel_target(part, sizeof part, rels, "xl/", "/styles", "xl/styles.xml");
    FG_TRY(load_styles(x, part));
done:
    *out = x;
    x = NULL;
out:
    xmlFreeDoc(wb);
    xmlFreeDoc(rels);
    fg_xlsx__close(x);
    return rc;
}

void fg_xlsx__close(fg_xlsx *x)
{
    if (x == NULL)
        return;
    if (x->pkg_open)
        fg_docx__close(&x->pkg);
    for (size_t i = 0; i < x->n_sheets; i++)
        free(x->sheets[i].name);
    free(x->sheets);
    for (size_t i = 0; i < x->n_strings; i++)
        free(x->strings[i]);
    free(x->strings);
    free(x->xf_shows);
    fg_xls__free(x->biff);
    free(x);
}

size_t fg_xlsx__n_sheets(const fg_xlsx *x)
{
    return x->n_sheets;
}

const char *fg_xlsx__sheet_name(const fg_xlsx *x, size_t i)
{
    return i < x->n_sheets ? x->sheets[i].name : "";
}

/* ---- dates ---- */

bool fg_xlsx__date(const fg_xlsx *x, double serial, int *y, int *m, int *d)
{
    long long days;
    long long z;
    long long era;
    long long doe;
    long long yoe;
    long long doy;
    long long mp;
    long long yy;

    if (x != NULL && x->date1904)
        serial += 1462; /* 1904-01-01 in the 1900 system */
    if (!(serial >= 61 && serial < 2958466)) /* 1900-03-01 … 9999-12-31 */
        return false;
    days = (long long)floor(serial) - 25569; /* days since 1970-01-01 */
    /* civil_from_days (Howard Hinnant) */
    z = days + 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    yy = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    yy += *m <= 2;
    *y = (int)yy;
    return true;
}

/* ---- rows ---- */

/* The 0-based column and 1-based row of a reference "BC12"; false without letters. */
static bool parse_ref(const char *ref, long *col, long *row)
{
    long c = 0;
    size_t k = 0;

    if (ref == NULL)
        return false;
    for (; ref[k] >= 'A' && ref[k] <= 'Z' && k < 4; k++)
        c = c * 26 + (ref[k] - 'A' + 1);
    if (k == 0)
        return false;
    *col = c - 1;
    *row = strtol(ref + k, NULL, 10);
    return true;
}

static int load_merges(const xmlNode *root, merge **out, size_t *n_out)
{
    merge *v = NULL;
    size_t n = 0;
    size_t cap = 0;
    int rc = FG_OK;

    for (const xmlNode *m = child(child(root, "mergeCells"), "mergeCell"); m && n < MAX_MERGES;
         m = m->next) {
        const char *ref = named(m, "mergeCell") ? attr(m, "ref") : NULL;
        const char *colon = ref ? strchr(ref, ':') : NULL;
        merge g;

        if (colon == NULL || !parse_ref(ref, &g.c1, &g.r1) || !parse_ref(colon + 1, &g.c2, &g.r2))
            continue;
        if (g.c2 < g.c1 || g.r2 < g.r1 || g.c1 >= FG_XLSX_MAX_COLS)
            continue;
        if (g.c2 >= FG_XLSX_MAX_COLS)
            g.c2 = FG_XLSX_MAX_COLS - 1;
        FG_TRY(FG_GROW(v, cap, n, 16));
        v[n++] = g;
    }
    *out = v;
    *n_out = n;
    v = NULL;
out:
    free(v);
    return rc;
}

/* A row being read: each column's value (offset in buf, or SIZE_MAX: none) and number. */
typedef struct row_state {
    fg_str buf;
    size_t at[FG_XLSX_MAX_COLS];
    double number[FG_XLSX_MAX_COLS];
    unsigned char shows[FG_XLSX_MAX_COLS];
    fg_xlsx_cell cells[FG_XLSX_MAX_COLS];
} row_state;

/* Number d in a cell of style xf as the value of column col, appended to rs->buf: an integer
 * when whole (序号), else as %.15g. */
static int number_value(const fg_xlsx *x, row_state *rs, long col, double d, unsigned long xf)
{
    char num[40];

    rs->number[col] = d;
    rs->shows[col] = xf < x->n_xf ? x->xf_shows[xf] : 0;
    if (d == floor(d) && fabs(d) < 1e15)
        snprintf(num, sizeof num, "%.0f", d);
    else
        snprintf(num, sizeof num, "%.15g", d);
    return fg_str_append(&rs->buf, num, strlen(num));
}

/* The value of cell c (a <c> element) appended to rs->buf. */
static int cell_value(const fg_xlsx *x, row_state *rs, long col, const xmlNode *c)
{
    const char *t = attr(c, "t");
    const char *s = attr(c, "s");
    xmlChar *v = NULL;
    int rc = FG_OK;

    rs->at[col] = rs->buf.len;
    rs->number[col] = NAN;
    rs->shows[col] = 0;
    for (const xmlNode *k = c->children; k; k = k->next) {
        if (named(k, "v") && v == NULL)
            v = xmlNodeGetContent(k);
        else if (named(k, "is"))
            FG_TRY(text_of(&rs->buf, k));
    }
    if (v != NULL) {
        const char *vs = (const char *)v;

        if (t && strcmp(t, "s") == 0) {
            char *end;
            unsigned long idx = strtoul(vs, &end, 10);

            if (*end == '\0' && idx < x->n_strings)
                rc = fg_str_append(&rs->buf, x->strings[idx], strlen(x->strings[idx]));
        } else if (t == NULL || strcmp(t, "n") == 0) {
            char *end;
            double d = strtod(vs, &end);

            if (*end == '\0' && isfinite(d))
                rc = number_value(x, rs, col, d, s ? strtoul(s, NULL, 10) : 0);
            else
                rc = fg_str_append(&rs->buf, vs, strlen(vs));
        } else if (strcmp(t, "b") == 0) {
            rc = fg_str_append(&rs->buf, vs[0] == '1' ? "TRUE" : "FALSE", vs[0] == '1' ? 4 : 5);
        } else { /* str (a formula's text), e (an error), d (an ISO date) */
            rc = fg_str_append(&rs->buf, vs, strlen(vs));
        }
        xmlFree(v);
        if (rc < 0)
            goto out;
    }
    rc = fg_str_appendc(&rs->buf, '\0');
out:
    return rc;
}

/* Give row r (its values in rs) to cb as cells, merged ranges applied. */
static int emit_row(row_state *rs, long r, long last, const merge *mg, size_t n_mg,
                    fg_xlsx_row_cb cb, void *payload)
{
    unsigned span[FG_XLSX_MAX_COLS];
    unsigned char role[FG_XLSX_MAX_COLS]; /* 0 plain, 1 top-left, 2 continues above, 3 none */
    size_t n = 0;
    bool any = false;

    for (long c = 0; c <= last; c++) {
        span[c] = 1;
        role[c] = 0;
    }
    for (size_t k = 0; k < n_mg; k++) {
        const merge *g = &mg[k];

        if (r < g->r1 || r > g->r2)
            continue;
        if (g->c2 > last) {
            for (long c = last + 1; c <= g->c2; c++) {
                span[c] = 1;
                role[c] = 0;
                rs->at[c] = SIZE_MAX;
            }
            last = g->c2;
        }
        span[g->c1] = (unsigned)(g->c2 - g->c1 + 1);
        role[g->c1] = r == g->r1 ? 1 : 2;
        for (long c = g->c1 + 1; c <= g->c2; c++)
            role[c] = 3;
        any = any || role[g->c1] == 2;
    }
    for (long c = 0; c <= last; c++) {
        fg_xlsx_cell *cell;

        if (role[c] == 3)
            continue;
        cell = &rs->cells[n++];
        cell->span = span[c];
        cell->merged = role[c] == 2;
        cell->text = rs->at[c] == SIZE_MAX || cell->merged ? "" : rs->buf.ptr + rs->at[c];
        cell->number = rs->at[c] == SIZE_MAX || cell->merged ? NAN : rs->number[c];
        cell->date = isnan(cell->number) ? 0 : rs->shows[c];
        any = any || cell->text[0] != '\0';
    }
    return any ? cb((size_t)r, rs->cells, n, payload) : FG_OK;
}

/* Sheet i of an .xls, from its decoded cells, as fg_xlsx__rows() gives an XLSX sheet. */
static int biff_rows(const fg_xlsx *x, size_t i, fg_xlsx_row_cb cb, void *payload)
{
    const fg_xls_book *b = x->biff;
    const fg_xls_sheet *sh = &b->sheets[i];
    merge *mg = NULL;
    size_t n_mg = 0;
    row_state *rs = NULL;
    int rc = FG_OK;

    mg = calloc(sh->n_merges ? sh->n_merges : 1, sizeof *mg);
    FG_CHECK_ALLOC(mg);
    for (size_t k = 0; k < sh->n_merges && n_mg < MAX_MERGES; k++) {
        const fg_xls_merge *g = &sh->merges[k];

        if (g->c1 >= FG_XLSX_MAX_COLS)
            continue;
        mg[n_mg++] = (merge){(long)g->r1 + 1, g->c1, (long)g->r2 + 1,
                             g->c2 < FG_XLSX_MAX_COLS ? g->c2 : FG_XLSX_MAX_COLS - 1};
    }
    rs = calloc(1, sizeof *rs);
    FG_CHECK_ALLOC(rs);
    for (size_t k = 0; k < sh->n_cells;) {
        uint32_t row = sh->cells[k].row;
        long last = -1;

        fg_str_clear(&rs->buf);
        for (; k < sh->n_cells && sh->cells[k].row == row; k++) {
            const fg_xls_cell *c = &sh->cells[k];

            if (c->col >= FG_XLSX_MAX_COLS || (long)c->col <= last)
                continue; /* far right, or a second record for the cell */
            for (long j = last + 1; j < c->col; j++)
                rs->at[j] = SIZE_MAX;
            rs->at[c->col] = rs->buf.len;
            rs->number[c->col] = NAN;
            rs->shows[c->col] = 0;
            if (!isnan(c->number)) {
                FG_TRY(number_value(x, rs, c->col, c->number, c->xf));
            } else {
                const char *t = b->chars.ptr + c->text;

                FG_TRY(fg_str_append(&rs->buf, t, strlen(t)));
            }
            FG_TRY(fg_str_appendc(&rs->buf, '\0'));
            last = c->col;
        }
        FG_TRY(emit_row(rs, (long)row + 1, last, mg, n_mg, cb, payload));
    }
out:
    if (rs != NULL)
        fg_str_dispose(&rs->buf);
    free(rs);
    free(mg);
    return rc;
}

int fg_xlsx__rows(fg_xlsx *x, size_t i, fg_xlsx_row_cb cb, void *payload)
{
    xmlDoc *doc = NULL;
    const xmlNode *root;
    merge *mg = NULL;
    size_t n_mg = 0;
    row_state *rs = NULL;
    long row_no = 0;
    int rc = FG_OK;

    if (i >= x->n_sheets)
        return fg_error_set(FG_EINVAL, "fg_xlsx__rows: no sheet %zu", i);
    if (x->biff != NULL)
        return biff_rows(x, i, cb, payload);
    FG_TRY(fg_docx__load_part(&x->pkg, x->sheets[i].part, &doc));
    if (doc == NULL) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable %s: no %s in the ZIP archive",
                          x->pkg.name, x->pkg.kind, x->sheets[i].part);
        goto out;
    }
    root = xmlDocGetRootElement(doc);
    FG_TRY(load_merges(root, &mg, &n_mg));
    rs = calloc(1, sizeof *rs);
    FG_CHECK_ALLOC(rs);
    for (const xmlNode *row = child(child(root, "sheetData"), "row"); row; row = row->next) {
        const char *r = named(row, "row") ? attr(row, "r") : NULL;
        long last = -1;
        long next = 0;

        if (!named(row, "row"))
            continue;
        row_no = r && strtol(r, NULL, 10) > row_no ? strtol(r, NULL, 10) : row_no + 1;
        fg_str_clear(&rs->buf);
        for (const xmlNode *c = row->children; c; c = c->next) {
            long col;
            long rr;

            if (!named(c, "c"))
                continue;
            if (!parse_ref(attr(c, "r"), &col, &rr))
                col = next;
            if (col < next || col >= FG_XLSX_MAX_COLS)
                continue; /* out of order or far right */
            for (long k = next; k < col; k++)
                rs->at[k] = SIZE_MAX;
            FG_TRY(cell_value(x, rs, col, c));
            last = col;
            next = col + 1;
        }
        FG_TRY(emit_row(rs, row_no, last, mg, n_mg, cb, payload));
    }
out:
    if (rs != NULL)
        fg_str_dispose(&rs->buf);
    free(rs);
    free(mg);
    xmlFreeDoc(doc);
    return rc;
}

/* ---- the document reader ---- */

typedef struct doc_reader {
    fg_rd *rd;
    const fg_xlsx *x;
} doc_reader;

/* A sheet named as an annex (附件, 附件2, 附表1): the name starts a part of the document. */
static bool annex_sheet_name(const char *s)
{
    return strncmp(s, "附件", strlen("附件")) == 0 || strncmp(s, "附表", strlen("附表")) == 0;
}

static int doc_row(size_t row_no, const fg_xlsx_cell *cells, size_t n, void *payload)
{
    doc_reader *dr = payload;
    int rc = FG_OK;

    (void)row_no;
    FG_TRY(fg_rd_row_begin(dr->rd));
    for (size_t k = 0; k < n; k++) {
        const fg_xlsx_cell *c = &cells[k];
        int y;
        int m;
        int d;

        FG_TRY(fg_rd_cell_begin(dr->rd, c->span, c->merged));
        if (c->date && fg_xlsx__date(dr->x, c->number, &y, &m, &d)) {
            char buf[64];
            size_t len = 0;

            /* the parts the format shows, as a deadline is written */
            if (c->date & FG_XLSX_YEAR)
                len += (size_t)snprintf(buf + len, sizeof buf - len, "%d年", y);
            if (c->date & FG_XLSX_MONTH || c->date == (FG_XLSX_YEAR | FG_XLSX_DAY))
                len += (size_t)snprintf(buf + len, sizeof buf - len, "%d月", m);
            if (c->date & FG_XLSX_DAY)
                len += (size_t)snprintf(buf + len, sizeof buf - len, "%d日", d);
            FG_TRY(fg_rd_text(dr->rd, buf, len));
        } else {
            FG_TRY(fg_rd_text(dr->rd, c->text, strlen(c->text)));
        }
        FG_TRY(fg_rd_cell_end(dr->rd));
    }
    FG_TRY(fg_rd_row_end(dr->rd));
out:
    return rc;
}

int fg_read_xlsx(fg_rd *rd, const unsigned char *bytes, size_t len)
{
    fg_xlsx *x = NULL;
    doc_reader dr = {rd, NULL};
    int rc = FG_OK;

    FG_TRY(fg_xlsx__open(&x, rd->name, "Excel workbook", bytes, len));
    dr.x = x;
    for (size_t i = 0; i < x->n_sheets; i++) {
        const char *name = x->sheets[i].name;

        if (annex_sheet_name(name)) {
            FG_TRY(fg_rd_text(rd, name, strlen(name)));
            FG_TRY(fg_rd_break(rd));
        }
        FG_TRY(fg_rd_table_begin(rd));
        FG_TRY(fg_xlsx__rows(x, i, doc_row, &dr));
        FG_TRY(fg_rd_table_end(rd));
    }
out:
    fg_xlsx__close(x);
    return rc;
}

/*
 * Where the commands' tables go: rows in any format through one printer (an aligned table,
 * TSV, CSV or JSON on standard output, or a sheet of the workbook of --format xlsx -o FILE),
 * so that no command has code of its own for a format.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "table.h"
#include "xlsx.h"

int cli_output_open(cli_output *o, const char *cmd, int fmt, const char *path,
                    const char *usage)
{
    memset(o, 0, sizeof *o);
    o->fmt = fmt;
    if (fmt == CLI_XLSX && path == NULL) {
        fprintf(stderr, "fengong %s: --format xlsx writes a binary workbook, not to standard "
                        "output: give -o FILE.xlsx\n%s", cmd, usage);
        return CLI_USAGE;
    }
    if (fmt != CLI_XLSX && path != NULL) {
        fprintf(stderr, "fengong %s: -o FILE is for --format xlsx (the other formats go to "
                        "standard output)\n%s", cmd, usage);
        return CLI_USAGE;
    }
    if (fmt == CLI_XLSX) {
        o->book = cli_xlsx_open(cmd, path);
        if (o->book == NULL)
            return CLI_FAIL;
    }
    return CLI_OK;
}

int cli_output_close(cli_output *o, bool keep)
{
    int rc = cli_xlsx_close(o->book, keep);

    o->book = NULL;
    return rc;
}

double cli_no_negative_zero(double v)
{
    return v == 0 ? 0.0 : v;
}

json_t *cli_json_real(double v)
{
    return isfinite(v) ? json_real(cli_no_negative_zero(v)) : json_null();
}

void cli_printer_start(cli_printer *p, cli_output *o, const char *sheet, size_t n,
                       const cli_col *cols)
{
    memset(p, 0, sizeof *p);
    p->fmt = o->fmt;
    if (n > CLI_MAX_COLS) {
        /* more columns than any command has: a programming error, told rather than cut */
        fprintf(stderr, "fengong: a table of more than %d columns\n", CLI_MAX_COLS);
        p->failed = true;
        return;
    }
    p->n = n;
    p->cols = calloc(n ? n : 1, sizeof *p->cols);
    p->hdr = calloc(n ? n : 1, sizeof *p->hdr);
    p->cells = calloc(n ? n : 1, sizeof *p->cells);
    if (p->cols == NULL || p->hdr == NULL || p->cells == NULL) {
        fputs("fengong: out of memory\n", stderr);
        p->failed = true;
        return;
    }
    for (size_t k = 0; k < n; k++) {
        p->cols[k] = cols[k];
        p->hdr[k] = cols[k].name;
    }
    if (p->fmt == CLI_TABLE) {
        p->table = cli_table_new(n, p->hdr);
        for (size_t k = 0; p->table && k < n; k++)
            if (cols[k].kind != CLI_TEXT && cols[k].kind != CLI_BOOL)
                cli_table_align_right(p->table, k);
    } else if (p->fmt == CLI_JSON) {
        p->json = json_array();
    } else if (p->fmt == CLI_XLSX) {
        p->book = o->book;
        cli_xlsx_sheet(p->book, sheet, n, p->hdr);
    } else {
        cli_write_row(stdout, (cli_format)p->fmt, n, p->hdr);
    }
    if ((p->fmt == CLI_TABLE && p->table == NULL) || (p->fmt == CLI_JSON && p->json == NULL)) {
        fputs("fengong: out of memory\n", stderr);
        p->failed = true;
    }
}

void cli_printer_begin(cli_printer *p, cli_output *o, const char *sheet, size_t n,
                       const char *const *hdr)
{
    cli_col cols[CLI_MAX_COLS + 1];

    memset(cols, 0, sizeof cols);
    for (size_t k = 0; k < n && k <= CLI_MAX_COLS; k++) {
        cols[k].name = hdr[k];
        cols[k].kind = CLI_TEXT;
    }
    cli_printer_start(p, o, sheet, n, cols);
}

void cli_printer_numeric(cli_printer *p, size_t col)
{
    if (col >= p->n || p->cols == NULL)
        return;
    p->cols[col].kind = CLI_NUM;
    if (p->table)
        cli_table_align_right(p->table, col);
}

/* s as a number when it is one whole: [+-]digits[.digits][(e|E)[+-]digits], finite. */
static bool as_number(const char *s, double *v, bool *integral)
{
    const char *p = s;
    size_t digits = 0;
    char *end = NULL;

    *integral = true;
    if (*p == '+' || *p == '-')
        p++;
    for (; *p >= '0' && *p <= '9'; p++)
        digits++;
    if (*p == '.') {
        *integral = false;
        for (p++; *p >= '0' && *p <= '9'; p++)
            digits++;
    }
    if (digits == 0)
        return false;
    if (*p == 'e' || *p == 'E') {
        *integral = false;
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p != '\0')
        return false;
    errno = 0;
    *v = strtod(s, &end);
    return end == p && errno != ERANGE && isfinite(*v);
}

/* A cell of a CLI_NUM column from its text: a number (keeping the text), null when empty,
 * else text. */
static cli_cell num_cell(const char *s)
{
    cli_cell c = cli_text(s);
    double v;
    bool integral;

    if (s == NULL || s[0] == '\0') {
        c.kind = CLI_NULL;
    } else if (as_number(s, &v, &integral)) {
        if (integral && fabs(v) < 9.0e15) {
            c.kind = CLI_INT;
            c.i = (long long)v;
        } else {
            c.kind = CLI_REAL;
            c.r = v;
        }
    }
    return c;
}

/* s, or s without its sign when it is a negative zero as text ("-0", "-0.0", "-0.00%" …). */
static const char *no_negative_zero(const char *s)
{
    if (s[0] != '-' || strpbrk(s, "123456789") != NULL || strchr(s, '0') == NULL)
        return s;
    return s + 1;
}

/* The text of a cell in the text formats (table, TSV, CSV); NULL for a null cell. */
static const char *cell_text(char *buf, size_t size, const cli_cell *c, const cli_col *col,
                             bool table)
{
    const char *f;
    double v;

    switch (c->kind) {
    case CLI_INT:
        if (c->s)
            return no_negative_zero(c->s);
        snprintf(buf, size, "%lld", c->i);
        return buf;
    case CLI_REAL:
        v = cli_no_negative_zero(c->r);
        f = table ? col->table_fmt : col->machine_fmt;
        if (!isfinite(v))
            return NULL;
        if (c->s && !(table && col->table_fmt))
            return no_negative_zero(c->s);
        snprintf(buf, size, f ? f : "%.10g", table && col->percent ? 100.0 * v : v);
        return no_negative_zero(buf);
    case CLI_TEXT:
        return c->s;
    case CLI_BOOL:
        return c->i ? "yes" : "";
    default:
        return NULL;
    }
}

static json_t *cell_json(const cli_cell *c)
{
    switch (c->kind) {
    case CLI_INT:
        return json_integer((json_int_t)c->i);
    case CLI_REAL:
        return cli_json_real(c->r);
    case CLI_TEXT:
        return json_string(c->s);
    case CLI_BOOL:
        return json_boolean(c->i != 0);
    default:
        return json_null();
    }
}

int cli_printer_cells(cli_printer *p, const cli_cell *cells)
{
    char buf[CLI_MAX_COLS][400]; /* %f of a double fits in 320 bytes */
    const char *text[CLI_MAX_COLS];

    if (p->failed)
        return 1;
    p->rows++;
    if (p->limit > 0 && p->rows > p->limit)
        return 0;
    if (p->fmt == CLI_JSON) {
        json_t *o = json_object();

        for (size_t k = 0; o && k < p->n; k++)
            json_object_set_new(o, p->hdr[k], cell_json(&cells[k]));
        if (o == NULL || json_array_append_new(p->json, o) < 0)
            p->failed = true;
    } else if (p->fmt == CLI_XLSX) {
        cli_cell row[CLI_MAX_COLS];

        /* A real holds in a workbook what CSV shows of it (its machine format). */
        for (size_t k = 0; k < p->n; k++) {
            row[k] = cells[k];
            if (row[k].kind == CLI_BOOL)
                row[k] = cli_text(cells[k].i ? "yes" : "");
            if (row[k].kind == CLI_REAL && row[k].s == NULL &&
                cell_text(buf[k], sizeof buf[k], &cells[k], &p->cols[k], false) != NULL)
                row[k].r = strtod(buf[k], NULL);
        }
        /* a workbook that failed (reported) stops a store query; cli_output_close() says so */
        if (cli_xlsx_cells(p->book, p->n, row) < 0)
            p->failed = true;
    } else {
        for (size_t k = 0; k < p->n; k++)
            text[k] = cell_text(buf[k], sizeof buf[k], &cells[k], &p->cols[k],
                                p->fmt == CLI_TABLE);
        if (p->fmt == CLI_TABLE) {
            for (size_t k = 0; k < p->n; k++)
                text[k] = text[k] ? text[k] : "";
            if (cli_table_add(p->table, text) < 0)
                p->failed = true;
        } else {
            for (size_t k = 0; k < p->n; k++) {
                if (k)
                    fputc(p->fmt == CLI_CSV ? ',' : '\t', stdout);
                cli_write_cell(stdout, (cli_format)p->fmt, text[k],
                               cells[k].kind == CLI_TEXT);
            }
            fputs(p->fmt == CLI_CSV ? "\r\n" : "\n", stdout);
        }
    }
    if (p->failed && p->fmt != CLI_XLSX)
        fputs("fengong: out of memory\n", stderr);
    return p->failed ? 1 : 0;
}

int cli_printer_row(size_t n_cols, const char *const *cols, void *payload)
{
    cli_printer *p = payload;

    if (p->failed)
        return 1;
    for (size_t k = 0; k < p->n; k++) {
        const char *s = k < n_cols ? cols[k] : NULL;

        if (p->cols[k].kind == CLI_NUM)
            p->cells[k] = num_cell(s);
        else
            p->cells[k] = cli_text(s ? s : "");
    }
    return cli_printer_cells(p, p->cells);
}

cli_cell cli_number(double v)
{
    if (v == floor(v) && fabs(v) < 1.0e15)
        return cli_int((long long)v);
    return cli_real(v);
}

json_t *cli_printer_take_json(cli_printer *p)
{
    json_t *j = p->json;

    p->json = NULL;
    return j;
}

void cli_printer_end(cli_printer *p)
{
    if (p->fmt == CLI_TABLE && p->table) {
        cli_table_print(stdout, p->table, 60);
        cli_table_free(p->table);
        if (p->note)
            printf("\n%s\n", p->note);
    } else if (p->fmt == CLI_JSON && p->json) {
        cli_print_json(p->json);
    }
    free(p->cols);
    free(p->hdr);
    free(p->cells);
    p->cols = NULL;
    p->hdr = NULL;
    p->cells = NULL;
    p->table = NULL;
    p->json = NULL;
    p->book = NULL;
}

void cli_printer_note(cli_printer *p, const char *note)
{
    p->note = note;
}

void cli_printer_limit(cli_printer *p, size_t n)
{
    p->limit = n;
}

void cli_print_json(json_t *root)
{
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

    if (s)
        puts(s);
    free(s);
    json_decref(root);
}

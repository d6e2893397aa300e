/*
 * Output helpers of the CLI: aligned tables for people (display width from utf8proc, so a
 * CJK character takes two columns) and TSV/CSV cells for machines.
 */
#include "table.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct cli_table {
    size_t n_cols;
    char **headers;
    char **cells;     /* n_rows * n_cols */
    size_t n_rows;
    size_t cap_rows;
    unsigned char *right;
};

/* Bytes of s that fit in max display columns (cut at a code point boundary). */
static size_t fit_bytes(const char *s, size_t len, size_t max, size_t *width)
{
    size_t w = 0;
    size_t i = 0;

    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        int cw;

        if (n <= 0)
            n = 1, cp = '?';
        cw = utf8proc_charwidth(cp);
        if (cw < 0)
            cw = 0;
        if (w + (size_t)cw > max)
            break;
        w += (size_t)cw;
        i += (size_t)n;
    }
    *width = w;
    return i;
}

size_t cli_display_width(const char *s, size_t len)
{
    size_t w = 0;

    fit_bytes(s, len, SIZE_MAX, &w);
    return w;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s ? s : "");
    char *p = malloc(n + 1);

    if (p)
        memcpy(p, s ? s : "", n + 1);
    return p;
}

/* Free the n strings of v, not v itself. */
static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
}

cli_table *cli_table_new(size_t n_cols, const char *const *headers)
{
    cli_table *t = calloc(1, sizeof *t);

    if (t == NULL)
        return NULL;
    t->n_cols = n_cols;
    t->headers = calloc(n_cols, sizeof *t->headers);
    t->right = calloc(n_cols, 1);
    if (t->headers == NULL || t->right == NULL) {
        cli_table_free(t);
        return NULL;
    }
    for (size_t c = 0; c < n_cols; c++) {
        t->headers[c] = dup_str(headers[c]);
        if (t->headers[c] == NULL) {
            cli_table_free(t);
            return NULL;
        }
    }
    return t;
}

void cli_table_align_right(cli_table *t, size_t col)
{
    if (col < t->n_cols)
        t->right[col] = 1;
}

int cli_table_add(cli_table *t, const char *const *cells)
{
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 32;
        char **p = realloc(t->cells, cap * t->n_cols * sizeof *p);

        if (p == NULL)
            return -1;
        t->cells = p;
        t->cap_rows = cap;
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        char *s = dup_str(cells[c]);

        if (s == NULL) {
            free_strings(t->cells + t->n_rows * t->n_cols, c);
            return -1;
        }
        /* Keep a row on one line. */
        for (char *q = s; *q; q++)
            if (*q == '\n' || *q == '\t' || *q == '\r')
                *q = ' ';
        t->cells[t->n_rows * t->n_cols + c] = s;
    }
    t->n_rows++;
    return 0;
}


static void print_cell(FILE *f, const char *s, size_t col_w, size_t max_cols, bool right,
                       bool last)
{
    size_t len = strlen(s);
    size_t w = cli_display_width(s, len);
    size_t bytes = len;

    if (w > max_cols) {
        bytes = fit_bytes(s, len, max_cols - 1, &w);
        w += 1;
    }
    if (right)
        for (size_t k = w; k < col_w; k++)
            fputc(' ', f);
    fwrite(s, 1, bytes, f);
    if (bytes < len)
        fputs("…", f);
    if (!right && !last)
        for (size_t k = w; k < col_w; k++)
            fputc(' ', f);
}

void cli_table_print(FILE *f, const cli_table *t, size_t max_cols)
{
    size_t *w = calloc(t->n_cols ? t->n_cols : 1, sizeof *w);

    if (w == NULL)
        return;
    for (size_t c = 0; c < t->n_cols; c++) {
        w[c] = cli_display_width(t->headers[c], strlen(t->headers[c]));
        for (size_t r = 0; r < t->n_rows; r++) {
            const char *s = t->cells[r * t->n_cols + c];
            size_t cw = cli_display_width(s, strlen(s));

            if (cw > w[c])
                w[c] = cw;
        }
        if (w[c] > max_cols)
            w[c] = max_cols;
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        print_cell(f, t->headers[c], w[c], max_cols, t->right[c], c + 1 == t->n_cols);
        fputs(c + 1 == t->n_cols ? "\n" : "  ", f);
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        for (size_t k = 0; k < w[c]; k++)
            fputc('-', f);
        fputs(c + 1 == t->n_cols ? "\n" : "  ", f);
    }
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->n_cols; c++) {
            print_cell(f, t->cells[r * t->n_cols + c], w[c], max_cols, t->right[c],
                       c + 1 == t->n_cols);
            fputs(c + 1 == t->n_cols ? "\n" : "  ", f);
        }
    }
    free(w);
}

void cli_table_free(cli_table *t)
{
    if (t == NULL)
        return;
    free_strings(t->cells, t->n_rows * t->n_cols);
    free(t->cells);
    if (t->headers)
        free_strings(t->headers, t->n_cols);
    free(t->headers);
    free(t->right);
    free(t);
}

int cli_format_parse(const char *s)
{
    if (strcmp(s, "table") == 0)
        return CLI_TABLE;
    if (strcmp(s, "tsv") == 0)
        return CLI_TSV;
    if (strcmp(s, "csv") == 0)
        return CLI_CSV;
    if (strcmp(s, "json") == 0)
        return CLI_JSON;
    if (strcmp(s, "xlsx") == 0)
        return CLI_XLSX;
    return -1;
}

int cli_format_option(int *fmt, const char *cmd, const char *value)
{
    int f = cli_format_parse(value);

    if (f < 0) {
        fprintf(stderr, "fengong %s: unknown format '%s' (table, tsv, csv, json, xlsx)\n", cmd,
                value);
        return -1;
    }
    *fmt = f;
    return 0;
}

void cli_write_cell(FILE *f, cli_format fmt, const char *s, bool is_text)
{
    if (s == NULL)
        s = "";
    if (fmt == CLI_CSV) {
        bool quote = strpbrk(s, ",\"\n\r") != NULL;
        /* A spreadsheet would run a cell that starts like a formula. */
        bool formula = is_text && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                       s[0] == '\t' || s[0] == '\r');

        if (quote || formula)
            fputc('"', f);
        if (formula)
            fputc('\'', f);
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                fputc('"', f);
            fputc(*p, f);
        }
        if (quote || formula)
            fputc('"', f);
        return;
    }
    /* TSV: tabs and line breaks become blanks */
    while (*s) {
        size_t n = strcspn(s, "\t\n\r");

        fwrite(s, 1, n, f);
        s += n;
        if (*s) {
            fputc(' ', f);
            s++;
        }
    }
}

void cli_write_row(FILE *f, cli_format fmt, size_t n, const char *const *cells)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(fmt == CLI_CSV ? ',' : '\t', f);
        cli_write_cell(f, fmt, cells[i], true);
    }
    fputs(fmt == CLI_CSV ? "\r\n" : "\n", f);
}

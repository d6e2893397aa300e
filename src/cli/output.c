/*
 * Where the commands' tables go: rows in any format through one printer (an aligned table,
 * TSV, CSV or JSON on standard output, or a sheet of the workbook of --format xlsx -o FILE),
 * so that no command has code of its own for a format.
 */
#include <jansson.h>
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

void cli_printer_begin(cli_printer *p, cli_output *o, const char *sheet, size_t n,
                       const char *const *hdr)
{
    memset(p, 0, sizeof *p);
    p->fmt = o->fmt;
    p->n = n;
    p->hdr = hdr;
    if (p->fmt == CLI_TABLE) {
        p->table = cli_table_new(n, hdr);
    } else if (p->fmt == CLI_JSON) {
        p->json = json_array();
    } else if (p->fmt == CLI_XLSX) {
        p->book = o->book;
        cli_xlsx_sheet(p->book, sheet, n, hdr);
    } else {
        cli_write_row(stdout, (cli_format)p->fmt, n, hdr);
    }
}

int cli_printer_row(size_t n_cols, const char *const *cols, void *payload)
{
    cli_printer *p = payload;
    size_t n = n_cols < p->n ? n_cols : p->n;

    p->rows++;
    if (p->limit > 0 && p->rows > p->limit)
        return 0;
    if (p->fmt == CLI_TABLE) {
        const char *cells[32];

        for (size_t k = 0; k < p->n && k < 32; k++)
            cells[k] = k < n ? cols[k] : "";
        if (p->table)
            cli_table_add(p->table, cells);
    } else if (p->fmt == CLI_JSON) {
        json_t *o = json_object();

        for (size_t k = 0; o && k < n; k++)
            json_object_set_new(o, p->hdr[k], json_string(cols[k]));
        if (o)
            json_array_append_new(p->json, o);
    } else if (p->fmt == CLI_XLSX) {
        /* a workbook that failed (reported) stops a store query; cli_output_close() says so */
        return cli_xlsx_row(p->book, n, cols) < 0 ? 1 : 0;
    } else {
        cli_write_row(stdout, (cli_format)p->fmt, n, cols);
    }
    return 0;
}

void cli_printer_end(cli_printer *p)
{
    if (p->fmt == CLI_TABLE && p->table) {
        cli_table_print(stdout, p->table, 60);
        cli_table_free(p->table);
    } else if (p->fmt == CLI_JSON && p->json) {
        char *s = json_dumps(p->json, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

        if (s) {
            puts(s);
            free(s);
        }
        json_decref(p->json);
    }
    p->table = NULL;
    p->json = NULL;
    p->book = NULL;
}

void cli_printer_limit(cli_printer *p, size_t n)
{
    p->limit = n;
}

void cli_printer_numeric(cli_printer *p, size_t col)
{
    if (p->table)
        cli_table_align_right(p->table, col);
    if (p->book)
        cli_xlsx_numeric(p->book, col);
}

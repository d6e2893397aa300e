/* CLI: aligned text tables where CJK characters count as two columns, and CSV/TSV cells. */
#ifndef FG_CLI_TABLE_H
#define FG_CLI_TABLE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct cli_table cli_table;

/* A table with n_cols columns and these headers (copied). NULL on out of memory. */
cli_table *cli_table_new(size_t n_cols, const char *const *headers);
/* Append a row of n_cols cells (copied). Returns 0 or -1 on out of memory. */
int cli_table_add(cli_table *t, const char *const *cells);
/* Mark a column as numeric (right-aligned). */
void cli_table_align_right(cli_table *t, size_t col);
/* Print aligned, columns capped at max_cols display columns (longer cells end in …). */
void cli_table_print(FILE *f, const cli_table *t, size_t max_cols);
void cli_table_free(cli_table *t);

/* Display width of UTF-8 text (CJK = 2 columns), via utf8proc. */
size_t cli_display_width(const char *s, size_t len);

/* CLI_XLSX is a workbook file (-o FILE), written by xlsx.c through the cli_printer. */
typedef enum cli_format { CLI_TABLE, CLI_TSV, CLI_CSV, CLI_JSON, CLI_XLSX } cli_format;

/* Parse "table", "tsv", "csv", "json", "xlsx"; returns -1 when unknown. */
int cli_format_parse(const char *s);
/* The value of a --format option into *fmt; on an unknown value prints a usage error naming
 * the command and returns -1. */
int cli_format_option(int *fmt, const char *cmd, const char *value);
/* Write one cell in TSV (tabs/newlines become spaces) or CSV (RFC 4180); a text cell
 * (is_text) that starts like a formula (= + - @ tab CR) is neutralised in CSV, a number never.
 * NULL is an empty cell. */
void cli_write_cell(FILE *f, cli_format fmt, const char *s, bool is_text);
/* Write a whole row of text cells with separators and a newline. */
void cli_write_row(FILE *f, cli_format fmt, size_t n, const char *const *cells);

#endif

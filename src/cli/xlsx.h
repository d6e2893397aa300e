/*
 * CLI: Excel workbooks (libxlsxwriter) for --format xlsx, one sheet per table: a bold header
 * row, frozen, under an autofilter; column widths from the display width of the cells (a CJK
 * character counts two); in numeric columns, a cell that is a number written as a number.
 */
#ifndef FG_CLI_XLSX_H
#define FG_CLI_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

typedef struct cli_xlsx cli_xlsx;

/*
 * A workbook to be written to path. The missing directories above path are created and its
 * temporary file (path.tmp.XXXXXX, renamed onto path by cli_xlsx_close()) at once, so an
 * unwritable path fails before any work.
 * NULL after printing "fengong CMD: PATH: cannot write: REASON"; cmd is borrowed for the
 * workbook's life.
 */
cli_xlsx *cli_xlsx_open(const char *cmd, const char *path);

/*
 * Start a sheet (the one before it is finished) named sheet (≤ 31 characters, none of
 * []:*?/\), with n_cols columns and the header row hdr. Returns 0, or -1 once anything
 * failed (reported once, on stderr, naming the file).
 */
int cli_xlsx_sheet(cli_xlsx *x, const char *sheet, size_t n_cols, const char *const *hdr);

/*
 * Append a row of the current sheet: n typed cells (copied): numbers as number cells (a
 * negative zero as 0; one that is not finite left empty), text as text, null empty. Text
 * that Excel cannot hold is adapted: control characters other than tab and line feed become
 * spaces and a cell is cut at 32767 characters (with a warning). Returns 0, or -1 once
 * anything failed (a sheet cannot hold more than 1048575 rows under its header).
 */
int cli_xlsx_cells(cli_xlsx *x, size_t n, const cli_cell *cells);

/*
 * Write the workbook to its path when keep (and nothing failed), else drop it; frees x
 * (NULL-safe). Returns 0, or -1 after printing a message naming the file.
 */
int cli_xlsx_close(cli_xlsx *x, bool keep);

#endif

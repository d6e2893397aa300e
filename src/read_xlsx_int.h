/*
 * Internal: Excel workbooks (XLSX, Office Open XML spreadsheets), read from memory through
 * the DOCX reader's safe ZIP and XML helpers (read_docx_int.h). Two readers use it: the
 * document reader fg_read_xlsx() (a 分工表 kept as a workbook) and the progress import
 * (progress_read.c, a status table).
 *
 * A workbook is opened once: its sheets in workbook order (hidden ones left out), its shared
 * strings, which cell styles show dates, and its date system (1900 or 1904). A sheet is read
 * row by row; each row's cells come in column order with the gaps filled by empty cells, and
 * merged ranges (<mergeCell>) are given as the builder of reader.h takes them: the top-left
 * cell spans the range's columns, a cell under it continues it (merged), the rest of the
 * range gives nothing.
 */
#ifndef FG_SRC_READ_XLSX_INT_H
#define FG_SRC_READ_XLSX_INT_H

#include <stdbool.h>
#include <stddef.h>

/* The most columns of a sheet that are read; cells further right are left out. */
#define FG_XLSX_MAX_COLS 256

typedef struct fg_xlsx fg_xlsx;

enum { FG_XLSX_YEAR = 1, FG_XLSX_MONTH = 2, FG_XLSX_DAY = 4 };

typedef struct fg_xlsx_cell {
    const char *text; /* the value as stored, NUL-terminated: a string's text, a number
                       * written "%.0f" when whole else "%.15g", TRUE/FALSE; "" when empty */
    double number;    /* the value of a number cell, else NAN */
    unsigned date;    /* a number cell whose style shows a date: the parts it shows
                       * (FG_XLSX_YEAR | FG_XLSX_MONTH | FG_XLSX_DAY); else 0 */
    unsigned span;    /* columns covered: 1, or a merged range's width */
    bool merged;      /* continues the cell above (inside a merged range, under its top) */
} fg_xlsx_cell;

/* One row: its 1-based number in the sheet and its cells[0 .. n). 0 or an error code. */
typedef int (*fg_xlsx_row_cb)(size_t row_no, const fg_xlsx_cell *cells, size_t n, void *payload);

/*
 * Open the workbook in bytes[0..len) (borrowed: they must outlive it). kind names it in
 * messages ("NAME: not a readable KIND: …"). FG_OK, FG_EFORMAT (damaged, no workbook part),
 * FG_ENOMEM. *out is NULL on failure, else freed with fg_xlsx__close().
 */
int fg_xlsx__open(fg_xlsx **out, const char *name, const char *kind, const unsigned char *bytes,
                  size_t len);
void fg_xlsx__close(fg_xlsx *x); /* NULL-safe */

/* The visible sheets, in workbook order, and the name of sheet i (< fg_xlsx__n_sheets()). */
size_t fg_xlsx__n_sheets(const fg_xlsx *x);
const char *fg_xlsx__sheet_name(const fg_xlsx *x, size_t i);

/* Read sheet i row by row (rows without cells are not given). FG_OK, the callback's error,
 * FG_EFORMAT (a sheet part missing or damaged), FG_ENOMEM. */
int fg_xlsx__rows(fg_xlsx *x, size_t i, fg_xlsx_row_cb cb, void *payload);

/*
 * The day an Excel serial number stands for, in the workbook's date system (1900: serial 61
 * is 1900-03-01, Lotus's 1900-02-29 counted; 1904: serial 0 is 1904-01-01); the fraction (a
 * time) is dropped. False outside 1900-03-01 … 9999-12-31.
 */
bool fg_xlsx__date(const fg_xlsx *x, double serial, int *y, int *m, int *d);

#endif

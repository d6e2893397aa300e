/*
 * Internal: old binary Excel workbooks (.xls, Excel 97–2003 BIFF8, and WPS .et files saved
 * in that format), decoded into a plain model that read_xlsx.c serves through its workbook
 * interface (read_xlsx_int.h), so that a workbook reads the same whichever format it came in.
 *
 * The model keeps what a 分工表 needs: the visible worksheets in workbook order, each with
 * its cells (text, or a number with its cell style) sorted by row and column, and its merged
 * ranges; the number format of each cell style; the date system.
 */
#ifndef FG_SRC_READ_XLS_INT_H
#define FG_SRC_READ_XLS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "str.h"

typedef struct fg_xls_cell {
    uint32_t row; /* 0-based */
    uint16_t col; /* 0-based */
    uint16_t xf;  /* cell style: an index into fg_xls_book.xf_fmt */
    double number; /* a number cell's value (a formula's cached number too), else NAN */
    size_t text;   /* a text cell's value (a formula's cached text, TRUE/FALSE, #N/A …): a
                    * NUL-terminated string at this offset of fg_xls_book.chars; 0 (the empty
                    * string) for a number */
} fg_xls_cell;

typedef struct fg_xls_merge {
    uint32_t r1, r2; /* 0-based rows, inclusive */
    uint16_t c1, c2; /* 0-based columns, inclusive */
} fg_xls_merge;

/* A sheet's cells and merged ranges are runs of the book's arrays (cells and merges point
 * into them, set once the book is read). */
typedef struct fg_xls_sheet {
    size_t name; /* offset in chars */
    const fg_xls_cell *cells;
    size_t cell0, n_cells; /* cells = book.cells + cell0 */
    const fg_xls_merge *merges;
    size_t merge0, n_merges; /* merges = book.merges + merge0 */
} fg_xls_sheet;

typedef struct fg_xls_format {
    uint16_t id;
    size_t code; /* offset in chars: the format code (yyyy"年"m"月"d"日") */
} fg_xls_format;

typedef struct fg_xls_book {
    bool date1904;
    fg_xls_sheet *sheets; /* visible worksheets, in workbook order */
    size_t n_sheets;
    fg_xls_cell *cells; /* every sheet's cells, sheet after sheet */
    size_t n_cells;
    fg_xls_merge *merges; /* every sheet's merged ranges, sheet after sheet */
    size_t n_merges;
    uint16_t *xf_fmt; /* the number format id of each cell style (XF), in file order */
    size_t n_xf;
    fg_xls_format *formats; /* the workbook's own number formats */
    size_t n_formats;
    fg_str chars; /* every string of the model, NUL-terminated; offset 0 holds "" */
} fg_xls_book;

/*
 * Decode the .xls in bytes[0..len). name and kind name it in messages ("NAME: not a readable
 * KIND: …"). FG_OK, FG_EFORMAT (no workbook stream, a BIFF version other than 8, encrypted,
 * damaged), FG_ENOMEM. *out is NULL on failure, else freed with fg_xls__free().
 */
int fg_xls__load(fg_xls_book **out, const char *name, const char *kind,
                 const unsigned char *bytes, size_t len);
/* The same from the workbook stream itself (bytes[0..len), BIFF8 records), without the OLE2
 * container: what fg_xls__load() does once it has read the stream (and the fuzz target). */
int fg_xls__parse(fg_xls_book **out, const char *name, const char *kind,
                  const unsigned char *bytes, size_t len);
void fg_xls__free(fg_xls_book *b); /* NULL-safe */

#endif

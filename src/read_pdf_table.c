/*
 * The PDF reader's second half: the visual lines of a document (read_pdf_int.h) written into
 * the text builder, tables recovered from the columns their segments fall into.
 *
 * A table starts at a line of at least 3 segments; its segments' x ranges are the columns.
 * The lines after it belong to the table while each of their segments overlaps at most one
 * column (a column grows to hold them; a segment in no column adds one). A line of one
 * segment that crosses the columns, starts at the table's left edge and is followed by a
 * line of the table is a title row (一、… spanning the table); any other line ends the
 * table, as does a gap of more than TABLE_GAP em on a page. The table goes on at the top of
 * the next page when the lines there fit its columns (the builder drops a repeated header).
 *
 * Rows: a new row starts after a vertical gap of more than ROW_GAP em between two lines
 * (cell padding and the rule), at a number starting the first column while the row has a
 * first cell already, or, on a new page, at a line with text in the first column; the lines
 * of a cell are joined. Merged cells come from the ruling lines (fg_pdf_rule() looks at the
 * rendered page; see merge()) or, in a table without them, from blank cells: they are passed
 * as merged, so that the builder carries a merged 牵头单位 down and folds a row with a merged
 * first cell into the row above. A run is written as a table only when it has at least 2
 * rows besides titles.
 */
#include "read_pdf_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"

#define MAX_COLS 64
#define TABLE_GAP 2.5 /* em between two lines of a table on a page, at most */
#define ROW_GAP 0.5   /* em between two lines that separates rows */

typedef struct col {
    double x0, x1;
} col;

enum { K_ROW, K_TITLE };

typedef struct table {
    col cols[MAX_COLS];
    size_t n_cols;
    size_t *lines; /* line indexes of the table, in order */
    unsigned char *kinds;
    size_t n, cap;
} table;

static const double TOL = 1.0; /* points of overlap that do not count */

/* The column a segment lies in: its index, -1 for none, -2 for more than one. */
static int col_of(const col *cols, size_t n, double x0, double x1)
{
    int found = -1;

    for (size_t c = 0; c < n; c++) {
        if (x0 < cols[c].x1 - TOL && x1 > cols[c].x0 + TOL) {
            if (found >= 0)
                return -2;
            found = (int)c;
        }
    }
    return found;
}

/* Whether every segment of l lies in at most one column; with grow, widen the columns to
 * hold them and add a column for a segment in none. */
static bool fits(table *t, const fg_pdf_doc *d, const fg_pdf_line *l, bool grow)
{
    for (size_t k = 0; k < l->n_seg; k++) {
        const fg_pdf_seg *s = &d->segs[l->seg0 + k];
        int c = col_of(t->cols, t->n_cols, s->x0, s->x1);

        if (c == -2)
            return false;
        if (!grow)
            continue;
        if (c >= 0) {
            t->cols[c].x0 = fmin(t->cols[c].x0, s->x0);
            t->cols[c].x1 = fmax(t->cols[c].x1, s->x1);
        } else if (t->n_cols < MAX_COLS) {
            size_t at = 0;

            while (at < t->n_cols && t->cols[at].x0 < s->x0)
                at++;
            memmove(t->cols + at + 1, t->cols + at, (t->n_cols - at) * sizeof *t->cols);
            t->cols[at].x0 = s->x0;
            t->cols[at].x1 = s->x1;
            t->n_cols++;
        } else {
            return false;
        }
    }
    return true;
}

static size_t next_kept(const fg_pdf_doc *d, size_t i)
{
    i++;
    while (i < d->n_lines && d->lines[i].drop)
        i++;
    return i;
}

static int table_add(table *t, size_t line, unsigned char kind)
{
    int rc = FG_OK;

    if (t->n == t->cap) {
        size_t cap = fg_next_cap(t->cap, 64);

        FG_TRY(FG_RESIZE(t->lines, cap));
        FG_TRY(FG_RESIZE(t->kinds, cap));
        t->cap = cap;
    }
    t->lines[t->n] = line;
    t->kinds[t->n] = kind;
    t->n++;
out:
    return rc;
}

/* The run of lines from the line at i that makes a table (t->n == 1 when none follows). */
static int find_table(table *t, const fg_pdf_doc *d, size_t i)
{
    const fg_pdf_line *start = &d->lines[i];
    size_t last = i;
    int rc = FG_OK;

    t->n = 0;
    t->n_cols = 0;
    for (size_t k = 0; k < start->n_seg && k < MAX_COLS; k++) {
        t->cols[k].x0 = d->segs[start->seg0 + k].x0;
        t->cols[k].x1 = d->segs[start->seg0 + k].x1;
        t->n_cols++;
    }
    FG_TRY(table_add(t, i, K_ROW));
    for (size_t k = next_kept(d, i); k < d->n_lines; k = next_kept(d, k)) {
        const fg_pdf_line *m = &d->lines[k];
        const fg_pdf_line *p = &d->lines[last];
        size_t n;

        if (m->page == p->page && m->y0 - p->y1 > TABLE_GAP * fmax(m->em, p->em))
            break;
        if (fits(t, d, m, false)) {
            fits(t, d, m, true);
            FG_TRY(table_add(t, k, K_ROW));
            last = k;
            continue;
        }
        /* a title row: from the left edge, and the table goes on after it */
        n = next_kept(d, k);
        if (m->n_seg == 1 && fabs(m->x0 - t->cols[0].x0) < 2 * m->em && n < d->n_lines &&
            d->lines[n].n_seg >= 2 && fits(t, d, &d->lines[n], false) &&
            !(d->lines[n].page == m->page &&
              d->lines[n].y0 - m->y1 > TABLE_GAP * fmax(m->em, d->lines[n].em))) {
            FG_TRY(table_add(t, k, K_TITLE));
            last = k;
            continue;
        }
        break;
    }
out:
    return rc;
}

/* The open row: one text per column, and where each cell's text starts and ends. */
typedef struct row {
    fg_str cell[MAX_COLS];
    double y0[MAX_COLS], y1[MAX_COLS];
    size_t n_cols;
    bool open;
    size_t page0, page1; /* where the row starts and ends */
    double top, bottom;
} row;

/* The rows of a table, laid out. */
typedef struct trow {
    bool title;          /* one cell spanning the table */
    size_t page0, page1;
    double top, bottom;
} trow;

typedef struct tcell {
    size_t off, len;     /* in rows.text */
    double y0, y1;       /* the top of its first line and the bottom of its last, if len */
    bool merged;
} tcell;

typedef struct rows {
    fg_str text;
    trow *r;
    size_t n, cap;
    tcell *cells;        /* n * n_cols */
    size_t n_cols;
    size_t n_data;       /* rows besides titles */
} rows;

static void row_clear(row *r)
{
    for (size_t c = 0; c < r->n_cols; c++)
        fg_str_clear(&r->cell[c]);
    r->open = false;
}

static int rows_add(rows *rs, bool title, const row *r)
{
    int rc = FG_OK;

    if (rs->n == rs->cap) {
        size_t cap = fg_next_cap(rs->cap, 32);

        FG_TRY(FG_RESIZE(rs->r, cap));
        FG_TRY(FG_RESIZE(rs->cells, cap * rs->n_cols));
        rs->cap = cap;
    }
    rs->r[rs->n].title = title;
    rs->r[rs->n].page0 = r->page0;
    rs->r[rs->n].page1 = r->page1;
    rs->r[rs->n].top = r->top;
    rs->r[rs->n].bottom = r->bottom;
    for (size_t c = 0; c < rs->n_cols; c++) {
        tcell *cell = &rs->cells[rs->n * rs->n_cols + c];

        cell->off = rs->text.len;
        cell->len = r->cell[c].len;
        cell->y0 = title ? r->top : r->y0[c];
        cell->y1 = title ? r->bottom : r->y1[c];
        cell->merged = false;
        if (r->cell[c].len)
            FG_TRY(fg_str_append(&rs->text, r->cell[c].ptr, r->cell[c].len));
    }
    rs->n++;
    if (!title)
        rs->n_data++;
out:
    return rc;
}

/* Add the open row to rs. */
static int row_flush(rows *rs, row *r)
{
    int rc = FG_OK;

    if (!r->open)
        return FG_OK;
    FG_TRY(rows_add(rs, false, r));
    row_clear(r);
out:
    return rc;
}

static bool starts_digit(const fg_pdf_doc *d, const fg_pdf_seg *s)
{
    return s->len && d->pool.ptr[s->off] >= '0' && d->pool.ptr[s->off] <= '9';
}

/* Lay the table's lines out as rows. */
static int collect(const fg_pdf_doc *d, const table *t, row *r, rows *rs)
{
    int rc = FG_OK;

    rs->n = rs->n_data = 0;
    fg_str_clear(&rs->text);
    rs->n_cols = t->n_cols;
    rs->cap = 0; /* the cells array was sized for another table's columns */
    free(rs->r);
    free(rs->cells);
    rs->r = NULL;
    rs->cells = NULL;
    r->n_cols = t->n_cols;
    row_clear(r);
    for (size_t k = 0; k < t->n; k++) {
        const fg_pdf_line *m = &d->lines[t->lines[k]];
        const fg_pdf_line *p = k ? &d->lines[t->lines[k - 1]] : NULL;
        bool first_col = false, first_num = false;

        if (t->kinds[k] == K_TITLE) {
            bool more = k > 0 && t->kinds[k - 1] == K_TITLE && p->page == m->page;

            if (!more) {
                FG_TRY(row_flush(rs, r));
                r->page0 = m->page;
                r->top = m->y0;
            }
            r->page1 = m->page;
            r->bottom = m->y1;
            FG_TRY(fg_str_append(&r->cell[0], d->pool.ptr + m->off, m->len));
            if (k + 1 == t->n || t->kinds[k + 1] != K_TITLE) {
                FG_TRY(rows_add(rs, true, r));
                row_clear(r);
            }
            continue;
        }
        for (size_t s = 0; s < m->n_seg; s++) {
            const fg_pdf_seg *g = &d->segs[m->seg0 + s];

            if (col_of(t->cols, t->n_cols, g->x0, g->x1) == 0) {
                first_col = true;
                first_num = starts_digit(d, g);
            }
        }
        if (r->open && p != NULL) {
            bool new_row;

            if (p->page != m->page)
                new_row = first_col;
            else
                new_row = m->y0 - p->y1 > ROW_GAP * fmax(m->em, p->em) ||
                          (first_num && r->cell[0].len > 0);
            if (new_row)
                FG_TRY(row_flush(rs, r));
        }
        if (!r->open) {
            r->page0 = m->page;
            r->top = m->y0;
        }
        r->open = true;
        r->page1 = m->page;
        r->bottom = m->y1;
        for (size_t s = 0; s < m->n_seg; s++) {
            const fg_pdf_seg *g = &d->segs[m->seg0 + s];
            int c = col_of(t->cols, t->n_cols, g->x0, g->x1);

            if (c < 0)
                continue; /* cannot happen: the columns were grown to hold every segment */
            if (r->cell[c].len == 0)
                r->y0[c] = m->y0;
            r->y1[c] = m->y1;
            if (r->cell[c].len && s > 0 &&
                col_of(t->cols, t->n_cols, d->segs[m->seg0 + s - 1].x0,
                       d->segs[m->seg0 + s - 1].x1) == c)
                FG_TRY(fg_str_appendc(&r->cell[c], ' '));
            FG_TRY(fg_str_append(&r->cell[c], d->pool.ptr + g->off, g->len));
        }
    }
    FG_TRY(row_flush(rs, r));
out:
    return rc;
}

/* Whether a rule is drawn in column c between rows a and b: 1, 0, or -1 when the rows are on
 * different pages or the page cannot be rendered. The band looked at runs from the bottom of
 * the text of a's cell to the top of the text of b's cell (from the bottom of row a and to
 * the bottom of row b for a blank cell): the rows' own extents may overlap when a merged
 * cell's text is drawn across their boundary. */
static int rule_between(fg_pdf_doc *d, const table *t, const rows *rs, size_t a, size_t b,
                        size_t c)
{
    const tcell *ca = &rs->cells[a * rs->n_cols + c], *cb = &rs->cells[b * rs->n_cols + c];
    double y0 = ca->len ? ca->y1 : rs->r[a].bottom;
    double y1 = cb->len ? cb->y0 : rs->r[b].bottom;

    if (rs->r[a].page1 != rs->r[b].page0)
        return -1;
    if (y1 <= y0)
        return 0; /* the texts touch: nothing is drawn between them */
    return fg_pdf_rule(d, rs->r[b].page0, t->cols[c].x0, t->cols[c].x1, y0, y1);
}

/* Join the cells of rows a..b (b > a) in column c into row a's cell; the others become
 * merged: one block of text drawn over several rows. */
static int join_block(rows *rs, size_t a, size_t b, size_t c)
{
    size_t nc = rs->n_cols, off = rs->text.len, total = 0;
    int rc = FG_OK;

    /* the cells' text is copied from rs->text onto its end: room first, so that the buffer
     * does not move under the copy */
    for (size_t r = a; r <= b; r++)
        total += rs->cells[r * nc + c].len;
    FG_TRY(fg_str_reserve(&rs->text, total));
    for (size_t r = a; r <= b; r++) {
        tcell *cell = &rs->cells[r * nc + c];

        if (cell->len)
            FG_TRY(fg_str_append(&rs->text, rs->text.ptr + cell->off, cell->len));
        if (r > a) {
            cell->len = 0;
            cell->merged = true;
        }
    }
    rs->cells[a * nc + c].off = off;
    rs->cells[a * nc + c].len = rs->text.len - off;
out:
    return rc;
}

/*
 * Which cells are merged with the cell above. A column with a rule under the header is ruled:
 * there, rows with no rule between them in that column are one block (a merged cell, whose
 * text may be drawn at its top, in its middle or across the rows' boundary): its text goes to
 * its first row and the others are merged; a blank cell under a rule is an empty cell; a
 * blank cell at the top of a page, below a row of the page before, continues it. A column
 * without rules (a table drawn without them, or a page that could not be rendered): a blank
 * cell below the first row under the header, and not under a title, continues the cell above.
 */
static int merge(fg_pdf_doc *d, const table *t, rows *rs)
{
    size_t n = rs->n, nc = rs->n_cols;
    size_t header = 0;
    int rc = FG_OK;

    while (header < n && rs->r[header].title)
        header++;
    if (header + 1 >= n)
        return FG_OK;
    for (size_t c = 0; c < nc; c++) {
        bool ruled = rule_between(d, t, rs, header, header + 1, c) == 1;
        size_t data = 1; /* the header */

        for (size_t r = header + 1; r < n; r++) {
            tcell *cell = &rs->cells[r * nc + c];
            bool after_title = rs->r[r - 1].title;
            size_t k;

            if (rs->r[r].title)
                continue;
            data++;
            if (!ruled) {
                if (cell->len == 0 && data >= 3 && !after_title)
                    cell->merged = true;
                continue;
            }
            if (cell->len == 0 && !after_title && data >= 3 &&
                rule_between(d, t, rs, r - 1, r, c) == -1) {
                cell->merged = true;
                continue;
            }
            k = r;
            while (k + 1 < n && !rs->r[k + 1].title && rule_between(d, t, rs, k, k + 1, c) == 0)
                k++;
            if (k > r) {
                FG_TRY(join_block(rs, r, k, c));
                data += k - r;
                r = k;
            }
        }
    }
out:
    return rc;
}

static int emit(fg_rd *rd, const rows *rs)
{
    int rc = FG_OK;

    FG_TRY(fg_rd_table_begin(rd));
    for (size_t r = 0; r < rs->n; r++) {
        FG_TRY(fg_rd_row_begin(rd));
        for (size_t c = 0; c < (rs->r[r].title ? 1 : rs->n_cols); c++) {
            const tcell *cell = &rs->cells[r * rs->n_cols + c];

            FG_TRY(fg_rd_cell_begin(rd, rs->r[r].title ? (unsigned)rs->n_cols : 1,
                                    cell->merged));
            if (cell->len)
                FG_TRY(fg_rd_text(rd, rs->text.ptr + cell->off, cell->len));
            FG_TRY(fg_rd_cell_end(rd));
        }
        FG_TRY(fg_rd_row_end(rd));
    }
    FG_TRY(fg_rd_table_end(rd));
out:
    return rc;
}

static int write_line(fg_rd *rd, const fg_pdf_doc *d, const fg_pdf_line *l)
{
    int rc = FG_OK;

    FG_TRY(fg_rd_text(rd, d->pool.ptr + l->off, l->len));
    FG_TRY(fg_rd_break(rd));
out:
    return rc;
}

int fg_pdf_write(fg_rd *rd, fg_pdf_doc *d)
{
    table t = {0};
    rows rs = {0};
    row *r = calloc(1, sizeof *r);
    int rc = FG_OK;

    FG_CHECK_ALLOC(r);
    for (size_t i = 0; i < d->n_lines;) {
        const fg_pdf_line *l = &d->lines[i];

        if (l->drop) {
            i++;
            continue;
        }
        if (l->n_seg >= 3) {
            FG_TRY(find_table(&t, d, i));
            rs.n_data = 0;
            if (t.n > 1)
                FG_TRY(collect(d, &t, r, &rs));
            if (rs.n_data >= 2) {
                FG_TRY(merge(d, &t, &rs));
                FG_TRY(emit(rd, &rs));
                i = next_kept(d, t.lines[t.n - 1]);
                continue;
            }
        }
        FG_TRY(write_line(rd, d, l));
        i++;
    }
out:
    if (r != NULL)
        for (size_t c = 0; c < MAX_COLS; c++)
            fg_str_dispose(&r->cell[c]);
    free(r);
    free(t.lines);
    free(t.kinds);
    fg_str_dispose(&rs.text);
    free(rs.r);
    free(rs.cells);
    return rc;
}

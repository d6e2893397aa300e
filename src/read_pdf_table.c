/*
 * The PDF reader's second half: the visual lines of a document (read_pdf_int.h) written into
 * the text builder, tables recovered from the columns their segments fall into.
 *
 * A table starts at a line of at least 3 segments; its segments' x ranges are the columns
 * (a soft segment, less than 0.8 em from the one before, starts a column only where a
 * vertical rule is drawn between them, two full cells of a ruled header, or where both hold
 * a header word: 序号 | 任务 a spreadsheet's padding apart). Lines of fewer
 * segments closely above it that fit its columns belong to it (the first lines of a header
 * row whose cells are centred: 序 and 牵头单 above 重点任务, 号 and 位 below); a header of two
 * rows centred in merged cells may have no line of 3 segments at all (责任单位 over 主责单位 |
 * 协同单位, 序/号 and 重点任务 in the middle of both rows): its first line starts the table
 * when the lines closely under it hold header words in 3 segments (header_block()). The lines after
 * it belong to the table while each of their segments overlaps at most one column (a column
 * grows to hold them; a segment in no column adds one, a soft one goes with the segment
 * before; but under a 分工表 header row, whose words name every column, a segment between two
 * columns goes to the one on its right: a cell's text is left-aligned, its header's words
 * may be centred, so that a short cell lies left of them). A line of one segment that
 * crosses the columns, starts at the table's left edge and is followed by a row of the table
 * is a title row (一、… spanning the table); any other line ends the table, as does a gap of
 * more than TABLE_GAP em on a page. The table goes on at the top of the next page when the
 * lines there fit its columns (the builder drops a repeated header).
 *
 * Rows are made of the lines' segments (pieces), each placed by its own middle, not line by
 * line, so that a cell's text may sit at the top, in the middle or at the bottom of its row:
 * where the page's ruling lines can be seen (fg_pdf_rules()), a row is the band between two
 * rules; inside a band, and in a table without rules, a new row starts after a gap of more
 * than ROW_GAP em under all of the row's text (the union of its cells' lines: a one-line
 * cell centred beside a cell of four lines adds no gap) and at a number starting a line of
 * the first column while the row has a first cell already. On a new page a row whose first
 * cell is blank continues the row before. The lines of a cell are joined. Merged cells come
 * from the ruling lines (fg_pdf_rule() looks at the rendered page; see merge()) or, in a
 * table without them, from blank cells (not a section row's: 一 | 压缩办理时限, whose number
 * also starts a row as an arabic one does): they are passed as merged, so that the builder
 * carries a merged 牵头单位 down and folds a row with a merged first cell into the row above.
 * A header of several rows is one where a rule separates them in some columns only (the
 * group's): the cells of the other columns are joined (header_rows()). A run is written as a
 * table only when it has at least 2 rows besides titles.
 */
#define _GNU_SOURCE /* memmem */
#include "read_pdf_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"
#include "rank.h"

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
    bool header;      /* its first line is a 分工表 header: every column has a word in its row */
    size_t head_page; /* the page of the header row, and the bottom of its lines */
    double head_y1;
    size_t *lines; /* line indexes of the table, in order */
    unsigned char *kinds;
    size_t n, cap;
} table;

static const double TOL = 1.0; /* points of overlap that do not count */

/* Whether the text s[0..len) holds one of words (NULL-terminated). */
static bool holds_word(const char *s, size_t len, const char *const *words)
{
    for (size_t w = 0; words[w] != NULL; w++)
        if (memmem(s, len, words[w], strlen(words[w])) != NULL)
            return true;
    return false;
}

/* Whether a segment holds a header word (序号, 单位, 任务, 时限 …, or a role word alone). */
static bool header_seg(const fg_pdf_doc *d, const fg_pdf_seg *s)
{
    static const char *const words[] = {"序号", "编号", "单位", "部门", "任务", "措施", "事项",
                                        "时限", "时间", "内容", "分工", "处室", "机构", "牵头",
                                        "配合", "主办", "协办", "主责", "协同", NULL};

    return holds_word(d->pool.ptr + s->off, s->len, words);
}

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

/*
 * The column of segment k of l, given prev, the column of the segment before it (-1 for
 * none): col_of(), but a soft segment in no column is its neighbour's (words of one cell
 * wider than the column has been so far), unless both hold a header word in the lines of a
 * 分工表's header (序号 | 重点任务 a browser's padding apart, in the middle of a grouped
 * header's two rows, under its first line 责任单位), as find_table() splits the first line's.
 */
static int seg_col(const table *t, const fg_pdf_doc *d, const fg_pdf_line *l, size_t k, int prev)
{
    const fg_pdf_seg *s = &d->segs[l->seg0 + k];
    int c = col_of(t->cols, t->n_cols, s->x0, s->x1);

    if (c == -1 && s->soft && prev >= 0 &&
        !(t->header && k > 0 && l->page == t->head_page && l->y0 <= t->head_y1 &&
          header_seg(d, s) && header_seg(d, s - 1)))
        c = prev;
    return c;
}

/* A segment, or the part of one, in a column (-1 none, -2 more than one). */
typedef struct part {
    int col;
    double x0, x1;
    size_t off, len; /* text in the pool */
} part;

/*
 * The parts of segment k of l, given prev, the column of the part before it (-1 for none):
 * the segment in seg_col()'s column; but a segment with a head number (fg_pdf_seg) whose rest
 * lies in the second column, with the number left of that column and right of the first
 * column's start and nothing before it on the line, is two parts: the number in the first
 * column and the rest in the second. That is a 序号 typed as a number, which a spreadsheet
 * aligns right, printed a blank's width from the task's text in the next cell. Returns the
 * number of parts, 1 or 2.
 */
static size_t seg_parts(part out[2], const table *t, const fg_pdf_doc *d, const fg_pdf_line *l,
                        size_t k, int prev)
{
    const fg_pdf_seg *s = &d->segs[l->seg0 + k];

    if (s->head_len > 0 && prev < 0 && t->n_cols >= 2 &&
        col_of(t->cols, t->n_cols, s->rest_x0, s->x1) == 1 &&
        s->head_x1 <= t->cols[1].x0 + TOL && s->x0 >= t->cols[0].x0 &&
        col_of(t->cols, t->n_cols, s->x0, s->head_x1) <= 0) {
        out[0] = (part){0, s->x0, s->head_x1, s->off, s->head_len};
        out[1] = (part){1, s->rest_x0, s->x1, s->off + s->rest_skip, s->len - s->rest_skip};
        return 2;
    }
    out[0] = (part){seg_col(t, d, l, k, prev), s->x0, s->x1, s->off, s->len};
    return 1;
}

/* How many segments of l hold a header word (header_seg()). */
static size_t header_hits(const fg_pdf_doc *d, const fg_pdf_line *l)
{
    size_t hits = 0;

    for (size_t k = 0; k < l->n_seg; k++)
        hits += header_seg(d, &d->segs[l->seg0 + k]);
    return hits;
}

/*
 * Whether a line is a 分工表 header: two of its segments or more hold a header word (序号,
 * 单位, 任务, 时限 …, or a role word alone: 牵头 | 配合 under 责任单位), and the first does not
 * start with a digit (a row of data).
 */
static bool header_line(const fg_pdf_doc *d, const fg_pdf_line *l)
{
    if (l->len == 0 || (d->pool.ptr[l->off] >= '0' && d->pool.ptr[l->off] <= '9'))
        return false;
    return header_hits(d, l) >= 2;
}

/* Whether every segment of l lies in at most one column; with grow, widen the columns to
 * hold them and add a column for a segment in none. */
static bool fits(table *t, const fg_pdf_doc *d, const fg_pdf_line *l, bool grow)
{
    int prev = -1;

    for (size_t k = 0; k < l->n_seg; k++) {
        part parts[2];
        size_t n = seg_parts(parts, t, d, l, k, prev);

        for (size_t j = 0; j < n; j++) {
            const part *s = &parts[j];
            int c = s->col;

            if (c == -2)
                return false;
            prev = c;
            if (!grow)
                continue;
            if (c == -1 && t->header && (l->page != t->head_page || l->y0 > t->head_y1) &&
                !header_line(d, l)) {
                /* in a row under the header, a gap of its columns: the column on its right
                 * (a cell's text left-aligned, its header's words centred), unless it is
                 * right of the last one */
                size_t at = 0;

                while (at < t->n_cols && t->cols[at].x1 <= s->x0 + TOL)
                    at++;
                if (at < t->n_cols)
                    c = (int)at;
                prev = c;
            }
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
                prev = (int)at;
            } else {
                return false;
            }
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

/* Whether the lines from n start a row of the table: a line of 2 segments or more that fits
 * its columns, or up to 3 lines that fit, each close under the one before (at most 0.25 em
 * below it, or overlapping it: the first lines of a row whose cells are centred), down to
 * one. */
static bool row_follows(table *t, const fg_pdf_doc *d, size_t n)
{
    for (int k = 0; k < 4 && n < d->n_lines; k++) {
        const fg_pdf_line *l = &d->lines[n];
        size_t next;

        if (!fits(t, d, l, false))
            return false;
        if (l->n_hard >= 2)
            return true;
        next = next_kept(d, n);
        if (next >= d->n_lines || d->lines[next].page != l->page ||
            d->lines[next].y0 - l->y1 > 0.25 * fmax(d->lines[next].em, l->em))
            return false;
        n = next;
    }
    return false;
}

/*
 * Whether the line at i starts the header row of a 分工表 whose cells are centred in merged
 * cells, so that none of its lines has 3 segments (责任单位 over 主责单位 | 协同单位, with 序/号
 * and 重点任务 in the middle of the two rows, as a word processor prints them): the line does
 * not start with a digit, and it and the lines closely under it (at most 0.25 em below the
 * one before, or overlapping it; 8 lines at most) hold header words in 3 segments or more.
 */
static bool header_block(const fg_pdf_doc *d, size_t i)
{
    const fg_pdf_line *l = &d->lines[i];
    size_t hits = header_hits(d, l);

    if (l->len == 0 || (d->pool.ptr[l->off] >= '0' && d->pool.ptr[l->off] <= '9'))
        return false;
    for (size_t p = i, k = next_kept(d, i), n = 1; k < d->n_lines && n < 8 && hits < 3;
         p = k, k = next_kept(d, k), n++) {
        const fg_pdf_line *m = &d->lines[k];

        if (m->page != l->page || m->y0 - d->lines[p].y1 > 0.25 * fmax(m->em, d->lines[p].em))
            break;
        hits += header_hits(d, m);
    }
    return hits >= 3;
}

/*
 * The run of lines from the line at i that makes a table (t->n == 1 when none follows);
 * head_block: the caller found that the line starts a header block (header_block()).
 */
static int find_table(table *t, fg_pdf_doc *d, size_t i, bool head_block)
{
    const fg_pdf_line *start = &d->lines[i];
    size_t last = i;
    int rc = FG_OK;

    t->n = 0;
    t->n_cols = 0;
    t->header = header_line(d, start) || head_block;
    /* the header row: the first line and those closely under it (at most 0.25 em below the
     * one before, or overlapping it: 序 | 牵头单 over 重点任务 over 号 | 位) */
    t->head_page = start->page;
    t->head_y1 = start->y1;
    for (size_t p = i, k = next_kept(d, i); k < d->n_lines; p = k, k = next_kept(d, k)) {
        const fg_pdf_line *m = &d->lines[k];

        if (m->page != start->page || m->y0 - d->lines[p].y1 > 0.25 * fmax(m->em, d->lines[p].em))
            break;
        t->head_y1 = fmax(t->head_y1, m->y1);
    }
    /* the columns: the segments of the first line, a soft one joined to the one before
     * unless a vertical rule is drawn between them (two full cells of a ruled header), or
     * both hold a header word of a 分工表 header (序号 | 任务 a spreadsheet's padding apart) */
    for (size_t k = 0; k < start->n_seg; k++) {
        const fg_pdf_seg *s = &d->segs[start->seg0 + k];

        if (s->soft && t->n_cols > 0 &&
            !(t->header && header_seg(d, s) && header_seg(d, s - 1)) &&
            fg_pdf_vrule(d, start->page, d->segs[start->seg0 + k - 1].x1, s->x0,
                         (start->y0 + start->y1) / 2 - 0.3 * start->em,
                         (start->y0 + start->y1) / 2 + 0.3 * start->em) != 1) {
            t->cols[t->n_cols - 1].x1 = s->x1;
        } else if (t->n_cols < MAX_COLS) {
            t->cols[t->n_cols].x0 = s->x0;
            t->cols[t->n_cols].x1 = s->x1;
            t->n_cols++;
        } else {
            break;
        }
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
        if (m->n_hard == 1 && fabs(m->x0 - t->cols[0].x0) < 2 * m->em && n < d->n_lines &&
            row_follows(t, d, n) &&
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
    double bottom0;      /* its bottom on page0 (a row broken over a page ends on page1) */
} row;

/* The rows of a table, laid out. */
typedef struct trow {
    bool title;          /* one cell spanning the table */
    size_t page0, page1;
    double top, bottom, bottom0;
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
    rs->r[rs->n].bottom0 = r->page1 == r->page0 ? r->bottom : r->bottom0;
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

/* A segment of a table line, or a part of one (seg_parts()), in the column it falls into. */
typedef struct piece {
    size_t line, seg;
    size_t off, len; /* text in the pool */
    size_t col;
    double y0, y1, mid, em;
    size_t row; /* in its block */
} piece;

/*
 * Whether s (len bytes) is a section's number in a 序号 cell: a Chinese numeral of one or two
 * characters, bare or as a heading's number (一, 二、, （三）).
 */
static bool section_number(const char *s, size_t len)
{
    static const char numerals[] = "一二三四五六七八九十";

    if (len >= 6 && memcmp(s, "（", 3) == 0 && memcmp(s + len - 3, "）", 3) == 0) {
        s += 3;
        len -= 6;
    } else if (len >= 6 && memcmp(s + len - 3, "、", 3) == 0) {
        len -= 3;
    }
    if (len == 0 || len % 3 != 0 || len > 6)
        return false;
    for (size_t i = 0; i < len; i += 3)
        if (memmem(numerals, sizeof numerals - 1, s + i, 3) == NULL)
            return false;
    return true;
}

/* Whether a piece starts a row's number: a digit, or a section's number (一 | 压缩办理时限). */
static bool starts_number(const fg_pdf_doc *d, const piece *p)
{
    return p->len && ((d->pool.ptr[p->off] >= '0' && d->pool.ptr[p->off] <= '9') ||
                      section_number(d->pool.ptr + p->off, p->len));
}

/* The pieces of a block: the lines of a table on one page between titles. */
typedef struct block {
    piece *p;
    size_t n, cap;
} block;

/* The order the page gives pieces in, by line, then segment: the last key of both sorts. */
static int cmp_piece_order(const piece *p, const piece *q)
{
    int c = fg_smaller_first(p->line, q->line);

    return c ? c : fg_smaller_first(p->seg, q->seg);
}

static int cmp_piece_mid(const void *a, const void *b)
{
    const piece *p = a, *q = b;

    if (p->mid != q->mid)
        return p->mid < q->mid ? -1 : 1;
    return cmp_piece_order(p, q);
}

static int cmp_piece_cell(const void *a, const void *b)
{
    const piece *p = a, *q = b;
    int c = fg_smaller_first(p->row, q->row);

    if (c == 0)
        c = fg_smaller_first(p->col, q->col);
    return c ? c : cmp_piece_order(p, q);
}

/* Put the pieces of bk into rows (piece.row), top to bottom; returns the number of rows.
 * A row ends at a rule found on the page (hr[0..n_hr), top to bottom), at a gap of more than
 * ROW_GAP em under all the row's text, and, in the first column, at a number (a section's
 * too: starts_number()) starting a line below the row's first cell (that line and what
 * stands beside it begin the next row). The pieces are sorted by their middles. */
static size_t assign_rows(const fg_pdf_doc *d, block *bk, const fg_pdf_hrule *hr, size_t n_hr)
{
    size_t cur = 0, band = 0, k = 0;
    double bottom = 0, em = 0;
    bool has_first = false;

    qsort(bk->p, bk->n, sizeof *bk->p, cmp_piece_mid);
    for (size_t i = 0; i < bk->n; i++) {
        piece *p = &bk->p[i];

        while (k < n_hr && hr[k].y < p->mid)
            k++;
        if (i > 0) {
            if (k != band || p->y0 - bottom > ROW_GAP * fmax(em, p->em)) {
                cur++;
                has_first = false;
                bottom = p->y1;
                em = p->em;
            } else if (p->col == 0 && has_first && starts_number(d, p)) {
                /* the pieces of the number's line go with it */
                cur++;
                has_first = false;
                bottom = p->y1;
                em = p->em;
                for (size_t j = i; j-- > 0 && bk->p[j].row == cur - 1;) {
                    if (bk->p[j].line == p->line) {
                        bk->p[j].row = cur;
                        bottom = fmax(bottom, bk->p[j].y1);
                        has_first = has_first || bk->p[j].col == 0;
                    }
                }
            }
        } else {
            bottom = p->y1;
            em = p->em;
        }
        band = k;
        p->row = cur;
        bottom = fmax(bottom, p->y1);
        em = fmax(em, p->em);
        if (p->col == 0)
            has_first = true;
    }
    return bk->n ? cur + 1 : 0;
}

/*
 * Whether the pieces i..j of a block (one row, sorted by cell) repeat row h of rs, the
 * header: the same text in every column, in two columns at least (the header of a table
 * printed over pages, drawn again at the top of the next).
 */
static bool repeats_header(const fg_pdf_doc *d, const block *bk, size_t i, size_t j,
                           const rows *rs, size_t h)
{
    size_t filled = 0;

    for (size_t c = 0; c < rs->n_cols; c++) {
        const tcell *hc = &rs->cells[h * rs->n_cols + c];
        const char *want = rs->text.ptr + hc->off;
        size_t at = 0;

        for (size_t k = i; k < j; k++) {
            const piece *p = &bk->p[k];

            if (p->col != c)
                continue;
            if (at > 0 && bk->p[k - 1].col == c && bk->p[k - 1].line == p->line) {
                if (at >= hc->len || want[at] != ' ')
                    return false;
                at++;
            }
            if (p->len > hc->len - at || memcmp(want + at, d->pool.ptr + p->off, p->len) != 0)
                return false;
            at += p->len;
        }
        if (at != hc->len)
            return false;
        filled += at > 0;
    }
    return filled >= 2;
}

/* Where the band of rows of the pieces from bk->p[i] on ends (sorted by cell). */
static size_t band_end(const block *bk, size_t i)
{
    size_t j = i;

    while (j < bk->n && bk->p[j].row == bk->p[i].row)
        j++;
    return j;
}

/*
 * Whether the pieces bk->p[i..j) are the words of a grouped header's group alone, none in the
 * first column (责任单位 drawn at the bottom of its cell, read as a line above the table): a
 * band the header drawn again at the top of a page starts with.
 */
static bool group_title(const fg_pdf_doc *d, const block *bk, size_t i, size_t j)
{
    static const char *const words[] = {"单位", "部门", "分工", NULL};

    for (size_t k = i; k < j; k++) {
        const piece *p = &bk->p[k];

        if (p->col == 0 || p->len > 5 * 3 || !holds_word(d->pool.ptr + p->off, p->len, words))
            return false;
    }
    return j > i;
}

/*
 * Lay the pieces of a block out as rows into r and rs. Where the page's ruling lines can be
 * seen, a row is the band between two rules (whatever the vertical alignment of its cells'
 * text: a one-line cell centred beside a cell of four lines is in the same band); inside a
 * band, and without rules, rows are separated by a gap or a new number (assign_rows()). The
 * lines of a cell are joined. A block at the top of a page whose first row has nothing in
 * the first column continues the row open from the page before, also under the table's
 * header drawn again at the top of the page, which is dropped, each of its rows (a row
 * broken over the page).
 */
static int block_rows(fg_pdf_doc *d, const table *t, block *bk, row *r, rows *rs)
{
    double top = INFINITY, bottom = -INFINITY, em = 0, x[MAX_COLS][2];
    size_t page, n_rows, i = 0, first = 0, h = 0;
    bool seen = false;
    int rc = FG_OK;

    if (bk->n == 0)
        return FG_OK;
    while (h < rs->n && rs->r[h].title)
        h++;
    page = d->lines[bk->p[0].line].page;
    for (size_t k = 0; k < bk->n; k++) {
        top = fmin(top, bk->p[k].y0);
        bottom = fmax(bottom, bk->p[k].y1);
        em = fmax(em, bk->p[k].em);
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        x[c][0] = t->cols[c].x0;
        x[c][1] = t->cols[c].x1;
    }
    FG_TRY(fg_pdf_rules(&seen, d, page, (const double(*)[2])x, t->n_cols, top - 1.5 * em,
                        bottom + 1.5 * em));
    n_rows = assign_rows(d, bk, d->hrules, seen ? d->n_hrules : 0);
    qsort(bk->p, bk->n, sizeof *bk->p, cmp_piece_cell);
    for (size_t rw = 0; rw < n_rows; rw++) {
        size_t j = i;
        bool first_col = false;
        double rtop = INFINITY, rbottom = -INFINITY;

        while (j < bk->n && bk->p[j].row == rw) {
            first_col = first_col || bk->p[j].col == 0;
            rtop = fmin(rtop, bk->p[j].y0);
            rbottom = fmax(rbottom, bk->p[j].y1);
            j++;
        }
        if (rw == first && r->open && h + rw < rs->n && rs->r[h].page0 != page &&
            (n_rows > 1 || rw > 0) && !rs->r[h + rw].title &&
            (repeats_header(d, bk, i, j, rs, h + rw) ||
             (rw == 0 && group_title(d, bk, i, j) && n_rows > 1 &&
              repeats_header(d, bk, j, band_end(bk, j), rs, h)))) {
            /*
             * the header again, row by row (a second header row also before a title row):
             * the row under it may go on from the page before
             */
            first = rw + 1;
            i = j;
            continue;
        }
        if (!(rw == first && r->open && !first_col)) {
            FG_TRY(row_flush(rs, r));
            r->open = true;
            r->page0 = page;
            r->top = rtop;
        }
        if (r->page1 == r->page0)
            r->bottom0 = r->bottom; /* the row's bottom on the page it starts on */
        r->page1 = page;
        r->bottom = rbottom;
        for (size_t k = i; k < j; k++) {
            const piece *p = &bk->p[k];
            fg_str *cell = &r->cell[p->col];

            if (cell->len == 0)
                r->y0[p->col] = p->y0;
            r->y1[p->col] = p->y1;
            if (cell->len && k > i && bk->p[k - 1].col == p->col && bk->p[k - 1].line == p->line)
                FG_TRY(fg_str_appendc(cell, ' '));
            FG_TRY(fg_str_append(cell, d->pool.ptr + p->off, p->len));
        }
        i = j;
    }
    bk->n = 0;
out:
    return rc;
}

/* Lay the table's lines out as rows. */
static int collect(fg_pdf_doc *d, const table *t, row *r, rows *rs, block *bk)
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
    bk->n = 0;
    for (size_t k = 0; k < t->n; k++) {
        const fg_pdf_line *m = &d->lines[t->lines[k]];
        const fg_pdf_line *p = k ? &d->lines[t->lines[k - 1]] : NULL;

        if (t->kinds[k] == K_TITLE) {
            bool more = k > 0 && t->kinds[k - 1] == K_TITLE && p->page == m->page;

            FG_TRY(block_rows(d, t, bk, r, rs));
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
        if (bk->n > 0 && d->lines[bk->p[0].line].page != m->page)
            FG_TRY(block_rows(d, t, bk, r, rs));
        for (size_t s = 0, prev = 0; s < m->n_seg; s++) {
            const fg_pdf_seg *g = &d->segs[m->seg0 + s];
            part parts[2];
            size_t n = seg_parts(parts, t, d, m, s, s ? (int)prev : -1);

            for (size_t j = 0; j < n; j++) {
                int c = parts[j].col;

                if (c < 0)
                    continue; /* cannot happen: the columns were grown to hold every part */
                prev = (size_t)c;
                FG_TRY(FG_GROW(bk->p, bk->cap, bk->n, 64));
                bk->p[bk->n].line = t->lines[k];
                bk->p[bk->n].seg = m->seg0 + s;
                bk->p[bk->n].off = parts[j].off;
                bk->p[bk->n].len = parts[j].len;
                bk->p[bk->n].col = (size_t)c;
                bk->p[bk->n].y0 = g->y0;
                bk->p[bk->n].y1 = g->y1;
                bk->p[bk->n].mid = (g->y0 + g->y1) / 2;
                bk->p[bk->n].em = m->em;
                bk->n++;
            }
        }
    }
    FG_TRY(block_rows(d, t, bk, r, rs));
    FG_TRY(row_flush(rs, r));
out:
    return rc;
}

/* Whether a rule is drawn in column c between rows a and b: 1, 0, or -1 when the rows are on
 * different pages or the page cannot be rendered. The band looked at runs from the bottom of
 * the text of a's cell to the top of the text of b's cell (from the bottom of row a, for a
 * blank cell or a row broken over a page, whose cells' text may end on the page before, and
 * to the bottom of row b on its first page for a blank cell): the rows' own extents may
 * overlap when a merged cell's text is drawn across their boundary. */
static int rule_between(fg_pdf_doc *d, const table *t, const rows *rs, size_t a, size_t b,
                        size_t c)
{
    const tcell *ca = &rs->cells[a * rs->n_cols + c], *cb = &rs->cells[b * rs->n_cols + c];
    double y0 = ca->len && rs->r[a].page1 == rs->r[a].page0 ? ca->y1 : rs->r[a].bottom;
    double y1 = cb->len ? cb->y0 : rs->r[b].bottom0;

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
 * Whether column c of the header row h names co-operating units (配合单位, 协办部门, 参与单位:
 * fg_clause__label_word()), its words read without blanks and without a note in brackets at
 * their end (配合单位（部门）).
 */
static bool co_column(const rows *rs, size_t h, size_t c)
{
    const tcell *cell = &rs->cells[h * rs->n_cols + c];
    const char *s = rs->text.ptr + cell->off;
    char buf[64];
    size_t n = 0;

    for (size_t i = 0; i < cell->len; i++) {
        if (s[i] == ' ')
            continue;
        if (i + 3 <= cell->len && memcmp(s + i, "\u3000", 3) == 0) {
            i += 2;
            continue;
        }
        if ((s[i] == '(' || (i + 3 <= cell->len && memcmp(s + i, "（", 3) == 0)) && n > 0)
            break;
        if (n == sizeof buf)
            return false;
        buf[n++] = s[i];
    }
    return fg_clause__label_word(NULL, fg_sv(buf, n)) == FG_LABEL_CO;
}

/* Whether row r is a section row: its first cell a section's number (section_number()), the
 * title beside it (一 | 压缩办理时限). */
static bool section_row(const rows *rs, size_t r)
{
    const tcell *cell = &rs->cells[r * rs->n_cols];

    return section_number(rs->text.ptr + cell->off, cell->len);
}

/*
 * Whether a rule is drawn in column c between the header rows a and a + 1, as rule_between()
 * says, but from the top of row a where its cell is blank (the group's word, 责任单位, read as
 * a line above the table, or a cell merged down whose text, drawn in the middle of the block,
 * reaches below the rule under the group).
 */
static int header_rule(fg_pdf_doc *d, const table *t, const rows *rs, size_t a, size_t c)
{
    const tcell *ca = &rs->cells[a * rs->n_cols + c], *cb = &rs->cells[(a + 1) * rs->n_cols + c];

    if (ca->len || rs->r[a].page1 != rs->r[a].page0 || rs->r[a].page1 != rs->r[a + 1].page0)
        return rule_between(d, t, rs, a, a + 1, c);
    return fg_pdf_rule(d, rs->r[a + 1].page0, t->cols[c].x0, t->cols[c].x1, rs->r[a].top,
                       cb->len ? cb->y0 : rs->r[a + 1].bottom0);
}

/*
 * A header of two rows (or more) whose cells are merged down where they are not grouped
 * (责任单位 over 主责单位 | 协同单位 beside 序号 and 重点任务 drawn across both rows): the row
 * under the header row *h goes on the header when a rule separates the two in some column
 * and none in another (a header cell never runs into a row of data, and a table without
 * rules has none anywhere). The cells of a column without a rule between them are joined
 * into the upper one (序 over 号: 序号, the text drawn in the middle of the block falling into
 * both rows), and *h becomes the last row of the header. FG_OK or FG_ENOMEM.
 */
static int header_rows(fg_pdf_doc *d, const table *t, rows *rs, size_t *h)
{
    size_t nc = rs->n_cols;
    int rc = FG_OK;

    while (*h + 1 < rs->n && !rs->r[*h + 1].title) {
        int k[MAX_COLS];
        bool ruled = false;
        bool open = false;

        for (size_t c = 0; c < nc; c++) {
            k[c] = header_rule(d, t, rs, *h, c);
            ruled = ruled || k[c] == 1;
            open = open || k[c] == 0;
        }
        if (!ruled || !open)
            break;
        for (size_t c = 0; c < nc; c++)
            if (k[c] == 0)
                FG_TRY(join_block(rs, *h, *h + 1, c));
        (*h)++;
    }
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
 * cell below the first row under the header, and not under a title, continues the cell above,
 * but in a column of co-operating units (co_column()): a task may have none, and a blank
 * there is read as blank, where a 牵头单位 left blank is one merged over the rows (every task
 * has a lead) whose text is drawn once; nor is a blank cell of a section row (section_row():
 * a heading between the rows, which names no unit).
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
    FG_TRY(header_rows(d, t, rs, &header));
    if (header + 1 >= n)
        return FG_OK;
    for (size_t c = 0; c < nc; c++) {
        bool ruled = rule_between(d, t, rs, header, header + 1, c) == 1;
        bool co = !ruled && co_column(rs, header, c);
        size_t data = 1; /* the header */

        for (size_t r = header + 1; r < n; r++) {
            tcell *cell = &rs->cells[r * nc + c];
            bool after_title = rs->r[r - 1].title;
            size_t k;

            if (rs->r[r].title)
                continue;
            data++;
            if (!ruled) {
                if (cell->len == 0 && data >= 3 && !after_title && !co && !section_row(rs, r))
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

/*
 * A header row whose cells are centred (序号 and 牵头单位 wrapped over two lines beside 重点任务
 * on one) gives visual lines of fewer than 3 segments above the table's first line of 3. The
 * line at i is such a line when up to 3 lines follow it closely (each at most 0.25 em below
 * the one before, or overlapping it) down to a line of 3 segments or more: that line's index
 * is returned, i when there is none.
 */
static size_t first_line(const fg_pdf_doc *d, size_t i)
{
    size_t j = i;

    for (int n = 0; n < 3 && d->lines[j].n_hard < 3; n++) {
        size_t k = next_kept(d, j);

        if (k >= d->n_lines || d->lines[k].page != d->lines[j].page ||
            d->lines[k].y0 - d->lines[j].y1 > 0.25 * fmax(d->lines[k].em, d->lines[j].em))
            return i;
        j = k;
    }
    return d->lines[j].n_hard >= 3 ? j : i;
}

/* Put the lines i..j-1 before the table t found at j, when each fits its columns and no rule
 * across half the columns or more lies between them and line j (a caption above the table's
 * top rule); *ok false when they do not. FG_OK or FG_ENOMEM. */
static int lead_in(bool *ok, table *t, fg_pdf_doc *d, size_t i, size_t j)
{
    double x[MAX_COLS][2];
    size_t n = 0;
    bool seen = false;
    int rc = FG_OK;

    *ok = false;
    for (size_t k = i; k < j; k = next_kept(d, k)) {
        if (!fits(t, d, &d->lines[k], false))
            return FG_OK;
        n++;
    }
    for (size_t c = 0; c < t->n_cols; c++) {
        x[c][0] = t->cols[c].x0;
        x[c][1] = t->cols[c].x1;
    }
    FG_TRY(fg_pdf_rules(&seen, d, d->lines[i].page, (const double(*)[2])x, t->n_cols,
                        (d->lines[i].y0 + d->lines[i].y1) / 2,
                        (d->lines[j].y0 + d->lines[j].y1) / 2));
    for (size_t k = 0; seen && k < d->n_hrules; k++) {
        uint64_t c = d->hrules[k].cols;
        size_t crossed = 0;

        for (; c; c &= c - 1)
            crossed++;
        if (crossed * 2 >= t->n_cols)
            return FG_OK;
    }
    for (size_t k = i; k < j; k = next_kept(d, k))
        fits(t, d, &d->lines[k], true);
    for (size_t k = 0; k < n; k++)
        FG_TRY(table_add(t, 0, K_ROW)); /* room for n more lines */
    memmove(t->lines + n, t->lines, (t->n - n) * sizeof *t->lines);
    memmove(t->kinds + n, t->kinds, (t->n - n) * sizeof *t->kinds);
    n = 0;
    for (size_t k = i; k < j; k = next_kept(d, k)) {
        t->lines[n] = k;
        t->kinds[n++] = K_ROW;
    }
    *ok = true;
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

/* Write a line; one broken by the width of the text block (fg_pdf_wraps()) is left open for
 * the next, *open then true. */
static int write_line(fg_rd *rd, const fg_pdf_doc *d, const fg_pdf_line *l, bool *open)
{
    size_t len = l->len;
    int rc = FG_OK;

    if (l->wraps)
        while (len > 0 && d->pool.ptr[l->off + len - 1] == ' ')
            len--;
    FG_TRY(fg_rd_text(rd, d->pool.ptr + l->off, len));
    *open = l->wraps != 0;
    if (l->wraps == 2)
        FG_TRY(fg_rd_text(rd, " ", 1));
    else if (l->wraps == 3)
        FG_TRY(fg_rd_text(rd, "\u3000", 3));
    else if (!l->wraps)
        FG_TRY(fg_rd_break(rd));
out:
    return rc;
}

int fg_pdf_write(fg_rd *rd, fg_pdf_doc *d)
{
    table t = {0};
    rows rs = {0};
    block bk = {0};
    row *r = calloc(1, sizeof *r);
    bool open = false; /* the last line written goes on in the next (fg_pdf_wraps()) */
    int rc = FG_OK;

    FG_CHECK_ALLOC(r);
    FG_TRY(fg_pdf_wraps(d));
    for (size_t i = 0; i < d->n_lines;) {
        const fg_pdf_line *l = &d->lines[i];
        size_t j = i;            /* the table's first line of 3 segments (first_line()) */
        bool head_block = false; /* a header with no line of 3 segments starts at i */

        if (l->drop) {
            i++;
            continue;
        }
        /* each looked at once: a line that starts no table is not looked at again */
        if (l->n_hard >= 1 && l->n_hard < 3) {
            j = first_line(d, i);
            head_block = j == i && header_block(d, i);
        }
        if (l->n_hard >= 3 || j != i || head_block) {
            FG_TRY(find_table(&t, d, j, head_block));
            if (j != i && t.n > 1) {
                bool ok = true;

                FG_TRY(lead_in(&ok, &t, d, i, j));
                if (!ok)
                    t.n = 0;
            }
            rs.n_data = 0;
            if (t.n > 1)
                FG_TRY(collect(d, &t, r, &rs, &bk));
            if (rs.n_data >= 2) {
                FG_TRY(merge(d, &t, &rs));
                if (open)
                    FG_TRY(fg_rd_break(rd));
                open = false;
                FG_TRY(emit(rd, &rs));
                i = next_kept(d, t.lines[t.n - 1]);
                continue;
            }
        }
        FG_TRY(write_line(rd, d, l, &open));
        i++;
    }
    if (open)
        FG_TRY(fg_rd_break(rd));
out:
    if (r != NULL)
        for (size_t c = 0; c < MAX_COLS; c++)
            fg_str_dispose(&r->cell[c]);
    free(r);
    free(t.lines);
    free(t.kinds);
    free(bk.p);
    fg_str_dispose(&rs.text);
    free(rs.r);
    free(rs.cells);
    return rc;
}

/*
 * The text builder every reader writes into, and the sniffing of formats by content
 * (reader.h tells what the text looks like).
 */
#define _GNU_SOURCE /* memmem */
#include "reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "grow.h"
#include "ole.h"

/* ---- paragraphs ---- */

static int room_for(fg_rd *rd, size_t more)
{
    if (rd->out.len + rd->cell_text.len + more > FG_RD_MAX_TEXT)
        return fg_error_set(FG_EFORMAT, "%s: the document's text is larger than %zu MB", rd->name,
                            FG_RD_MAX_TEXT >> 20);
    return FG_OK;
}

/* Whether the last paragraph of the open cell ends in punctuation that ends a phrase. */
static bool ends_phrase(const fg_str *s, size_t from)
{
    static const char *const marks[] = {"。", "；", "，", "、", "：", "！", "？", ";", ",", ":"};

    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t n = strlen(marks[i]);

        if (s->len >= from + n && memcmp(s->ptr + s->len - n, marks[i], n) == 0)
            return true;
    }
    return false;
}

static int cell_append(fg_rd *rd, const char *s, size_t len)
{
    fg_rd_cell *c = &rd->cells[rd->n_cells - 1];
    int rc = FG_OK;

    if (rd->cell_para && rd->cell_text.len > c->off) {
        /* A new paragraph of a cell: units one per paragraph make a list, and so do task
         * phrases; a paragraph that ended its phrase needs nothing. */
        if (!ends_phrase(&rd->cell_text, c->off))
            FG_TRY(fg_str_append(&rd->cell_text, "，", strlen("，")));
    }
    rd->cell_para = false;
    FG_TRY(fg_str_append(&rd->cell_text, s, len));
    c->len = rd->cell_text.len - c->off;
out:
    return rc;
}

int fg_rd_text(fg_rd *rd, const char *s, size_t len)
{
    int rc = FG_OK;
    size_t i = 0;

    FG_TRY(room_for(rd, len));
    while (i < len) {
        size_t j = i;

        while (j < len && (unsigned char)s[j] >= 0x20 && s[j] != 0x7F)
            j++;
        while (j < len && s[j] == '\t' && !rd->in_cell)
            j++;
        if (j > i) {
            if (rd->in_cell && rd->table_depth >= 1)
                FG_TRY(cell_append(rd, s + i, j - i));
            else if (rd->table_depth == 0)
                FG_TRY(fg_str_append(&rd->out, s + i, j - i));
            /* else text between a table's cells: none is written, as fg_rd_break() says */
            i = j;
            continue;
        }
        /* one control byte */
        if (s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f')
            FG_TRY(fg_rd_break(rd));
        else if (s[i] == '\t' && rd->in_cell)
            FG_TRY(cell_append(rd, " ", 1));
        i++;
    }
out:
    return rc;
}

int fg_rd_break(fg_rd *rd)
{
    int rc = FG_OK;

    if (rd->in_cell && rd->table_depth >= 1) {
        rd->cell_para = true;
        return FG_OK;
    }
    if (rd->table_depth >= 1)
        return FG_OK; /* text between cells: none is written */
    /* out ends in a line that no break has ended yet (tables always end theirs) */
    if (rd->out.len > 0 && rd->out.ptr[rd->out.len - 1] != '\n')
        FG_TRY(fg_str_appendc(&rd->out, '\n'));
out:
    return rc;
}

/* ---- tables ---- */

int fg_rd_table_begin(fg_rd *rd)
{
    int rc = FG_OK;

    if (rd->table_depth == 0) {
        FG_TRY(fg_rd_break(rd));
        rd->n_cells = 0;
        rd->n_rows = 0;
        fg_str_clear(&rd->cell_text);
        rd->in_cell = false;
    } else if (rd->in_cell) {
        rd->cell_para = true;
    }
    rd->table_depth++;
out:
    return rc;
}

int fg_rd_row_begin(fg_rd *rd)
{
    int rc = FG_OK;

    if (rd->table_depth != 1) {
        if (rd->in_cell)
            rd->cell_para = true;
        return FG_OK;
    }
    FG_TRY(FG_GROW(rd->rows, rd->cap_rows, rd->n_rows, 16));
    rd->rows[rd->n_rows].first = rd->n_cells;
    rd->rows[rd->n_rows].n = 0;
    rd->n_rows++;
out:
    return rc;
}

int fg_rd_cell_begin(fg_rd *rd, unsigned span, bool merged)
{
    int rc = FG_OK;

    if (rd->table_depth != 1) {
        if (rd->in_cell)
            rd->cell_para = true;
        return FG_OK;
    }
    if (rd->n_rows == 0)
        FG_TRY(fg_rd_row_begin(rd));
    FG_TRY(FG_GROW(rd->cells, rd->cap_cells, rd->n_cells, 64));
    rd->cells[rd->n_cells].off = rd->cell_text.len;
    rd->cells[rd->n_cells].len = 0;
    rd->cells[rd->n_cells].span = span ? span : 1;
    rd->cells[rd->n_cells].merged = merged;
    rd->n_cells++;
    rd->rows[rd->n_rows - 1].n++;
    rd->in_cell = true;
    rd->cell_para = false;
out:
    return rc;
}

int fg_rd_cell_end(fg_rd *rd)
{
    if (rd->table_depth != 1) {
        if (rd->in_cell)
            rd->cell_para = true;
        return FG_OK;
    }
    rd->in_cell = false;
    rd->cell_para = false;
    return FG_OK;
}

int fg_rd_row_end(fg_rd *rd)
{
    if (rd->table_depth != 1 && rd->in_cell)
        rd->cell_para = true;
    return FG_OK;
}

/* The grid: one slot per row and column, each naming the cell that gives its text. */
typedef struct slot {
    const char *s;
    size_t len;
    bool merged; /* the text was carried down from above */
} slot;

/* Trim ASCII and U+3000 blanks from both ends. */
static void trim(const char **s, size_t *len)
{
    for (;;) {
        if (*len && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
            (*s)++;
            (*len)--;
        } else if (*len >= 3 && memcmp(*s, "\xE3\x80\x80", 3) == 0) {
            *s += 3;
            *len -= 3;
        } else {
            break;
        }
    }
    for (;;) {
        if (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
            (*len)--;
        else if (*len >= 3 && memcmp(*s + *len - 3, "\xE3\x80\x80", 3) == 0)
            *len -= 3;
        else
            break;
    }
}

static bool row_equal(const slot *a, const slot *b, size_t n)
{
    for (size_t c = 0; c < n; c++)
        if (a[c].len != b[c].len || (a[c].len && memcmp(a[c].s, b[c].s, a[c].len) != 0))
            return false;
    return true;
}

/*
 * Whether a row repeats the header as it was first read (head), before a second header row
 * named the columns of a group: its cells that are not merged are head's (a table printed
 * over pages, its first header row drawn again, a blank cell of it carried down from the
 * row above on the page before), and two of them at least hold text.
 */
static bool header_again(const slot *row, const slot *head, size_t n)
{
    size_t same = 0;

    for (size_t c = 0; c < n; c++) {
        if (row[c].merged)
            continue;
        if (row[c].len != head[c].len || (row[c].len && memcmp(row[c].s, head[c].s, row[c].len)))
            return false;
        same += row[c].len > 0;
    }
    return same >= 2;
}

/* The cell without its blanks and commas (序  号, 序，号: a word broken over two paragraphs),
 * in buf (at most cap bytes); false when it does not fit. */
static bool squeeze(char *buf, size_t cap, size_t *n, const slot *cell)
{
    *n = 0;
    for (size_t i = 0; i < cell->len; i++) {
        if (cell->s[i] == ' ')
            continue;
        if (i + 3 <= cell->len && (memcmp(cell->s + i, "\u3000", 3) == 0 ||
                                   memcmp(cell->s + i, "，", 3) == 0)) {
            i += 2;
            continue;
        }
        if (*n == cap)
            return false;
        buf[(*n)++] = cell->s[i];
    }
    return true;
}

/* Whether a cell is the word 序号 or 编号 (blanks and commas inside ignored). */
static bool number_word(const slot *cell)
{
    char buf[32];
    size_t n;

    return squeeze(buf, sizeof buf, &n, cell) && n == 6 &&
           (memcmp(buf, "序号", 6) == 0 || memcmp(buf, "编号", 6) == 0);
}

/*
 * Whether a row is a 分工表 header: its first cell is 序号 or 编号 (blanks inside ignored), or
 * two of its short cells hold header words (单位, 部门, 任务, 时限 …). A row whose first cell
 * starts with a digit is data.
 */
static bool header_row(const slot *row, size_t n_cols)
{
    static const char *const words[] = {"序号", "单位", "部门", "任务", "措施", "事项",
                                        "时限", "时间", "内容", "分工", "处室", "机构"};
    char buf[64];
    size_t n;
    size_t hits = 0;

    if (row[0].len && row[0].s[0] >= '0' && row[0].s[0] <= '9')
        return false;
    if (number_word(&row[0]))
        return true;
    for (size_t c = 0; c < n_cols; c++) {
        if (!squeeze(buf, sizeof buf, &n, &row[c]) || n == 0)
            continue;
        for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
            if (memmem(buf, n, words[k], strlen(words[k])) != NULL) {
                hits++;
                break;
            }
        }
    }
    return hits >= 2;
}

/*
 * Whether a row under the header names the columns of a group the header spans (责任单位
 * over 牵头单位 | 配合单位, or over the role words alone: 牵头 | 配合, 主办 | 协办): its first
 * cell is merged with the header's or empty, and each of its own cells is a short header
 * word.
 */
static bool sub_header_row(const slot *row, size_t n_cols)
{
    static const char *const words[] = {"单位", "部门", "处室", "机构", "任务", "时限",
                                        "时间", "牵头", "配合", "主办", "协办", "主责",
                                        "协同", "参与", "负责"};
    char buf[32];
    size_t n;
    size_t own = 0;

    if (row[0].len && !row[0].merged)
        return false;
    for (size_t c = 1; c < n_cols; c++) {
        bool word = false;

        if (row[c].merged || row[c].len == 0)
            continue;
        if (!squeeze(buf, sizeof buf, &n, &row[c]))
            return false;
        for (size_t k = 0; k < sizeof words / sizeof *words && !word; k++)
            word = memmem(buf, n, words[k], strlen(words[k])) != NULL;
        if (!word)
            return false;
        own++;
    }
    return own > 0;
}

/*
 * Whether a cell is a heading's number alone, a Chinese numeral of one or two characters: 一、
 * or （一） as written, or a bare 一 (*bare true: a 、 joins it to its title).
 */
static bool heading_number(const slot *cell, bool *bare)
{
    static const char numerals[] = "一二三四五六七八九十";
    const char *s = cell->s;
    size_t len = cell->len;
    size_t n = 0;

    *bare = false;
    if (len >= 6 && (memcmp(s, "（", 3) == 0 && memcmp(s + len - 3, "）", 3) == 0)) {
        s += 3;
        len -= 6;
    } else if (len >= 6 && memcmp(s + len - 3, "、", 3) == 0) {
        len -= 3;
    } else {
        *bare = true;
    }
    for (size_t i = 0; i + 3 <= len; i += 3) {
        bool numeral = false;

        for (size_t k = 0; k + 3 <= sizeof numerals - 1 && !numeral; k += 3)
            numeral = memcmp(s + i, numerals + k, 3) == 0;
        if (!numeral)
            return false;
        n++;
    }
    return len % 3 == 0 && n >= 1 && n <= 2;
}

/*
 * Whether a cell is a heading: a number 一、 or （一） (one or two Chinese numerals, as
 * heading_number() takes them) and a title after it (二、重点任务, （三）保障措施).
 */
static bool heading_text(const slot *cell)
{
    size_t i = 0;
    size_t end;
    bool bare;

    if (cell->len >= 3 && memcmp(cell->s, "（", 3) == 0)
        i = 3;
    for (end = i; end < i + 9 && end + 3 <= cell->len; end += 3) {
        if (memcmp(cell->s + end, "、", 3) == 0 || memcmp(cell->s + end, "）", 3) == 0)
            break;
    }
    if (end + 3 >= cell->len || (i == 3) != (memcmp(cell->s + end, "）", 3) == 0))
        return false;
    return heading_number(&(slot){cell->s, end + 3, false}, &bare) && !bare;
}

/*
 * The column of a header row's 序号 or 编号 cell after group columns with a header word of
 * their own (类别 | 序号 | 任务 …: a category merged down the left edge over rows that are tasks
 * of their own); 0 when the first cell is 序号 or the header has none.
 */
static size_t num_column(const slot *row, size_t n_cols)
{
    for (size_t c = 1; c < n_cols && c < 3 && row[c - 1].len > 0; c++)
        if (number_word(&row[c]))
            return c;
    return 0;
}

/*
 * Whether a row's 序号 cell is blank, neither merged nor holding text, under a row above (of
 * the table's rows, not its header) whose 序号 cell holds its number, in a table whose
 * header names that column 序号 or 编号.
 */
static bool blank_number(const slot *row, const slot *above, const slot *head, size_t n_cols)
{
    size_t c = num_column(head, n_cols);

    return number_word(&head[c]) && above != head && above[c].len > 0 && row[c].len == 0 &&
           !row[c].merged;
}

/* What a header cell names, for sub_row(): units (and whether they lead), wording, or neither. */
typedef enum { HEAD_OTHER, HEAD_UNITS, HEAD_LEAD, HEAD_WORDING } head_kind;

static head_kind head_kind_of(const slot *cell)
{
    static const char *const none[] = {"序号", "编号", "时限", "时间", "进度", "备注", "领导"};
    static const char *const lead[] = {"牵头", "主责", "主办"};
    static const char *const units[] = {"单位", "部门", "处室", "机构", "配合", "协办", "参与", "责任"};
    char buf[64];
    size_t n;

    if (!squeeze(buf, sizeof buf, &n, cell) || n == 0 ||
        (n >= 3 && memcmp(buf + n - 3, "人", 3) == 0))
        return HEAD_OTHER;
    for (size_t k = 0; k < sizeof none / sizeof *none; k++)
        if (memmem(buf, n, none[k], strlen(none[k])) != NULL)
            return HEAD_OTHER;
    for (size_t k = 0; k < sizeof lead / sizeof *lead; k++)
        if (memmem(buf, n, lead[k], strlen(lead[k])) != NULL)
            return HEAD_LEAD;
    for (size_t k = 0; k < sizeof units / sizeof *units; k++)
        if (memmem(buf, n, units[k], strlen(units[k])) != NULL)
            return HEAD_UNITS;
    return HEAD_WORDING;
}

/*
 * Whether a row whose 序号 cell is merged with the row above (or blank) is a sub-row of that
 * row's item rather than more of its cells: the task's cell (the one after 序号) is merged or
 * blank too, and the row has units of its own, a lead cell (牵头单位, 主责部门 …) of its own,
 * or a wording cell of its own that opens with a sub-measure's number (具体措施: (b)推进…,
 * fg_rd_sub_marker(); without one it is the rest of the cell above) and a unit cell:
 * sub-measures under one 序号, each with its units (1 | 加快项目布局 | (a)建设… | X | Y,
 * then the merged cells and (b)推进… | Z | X). As a tab line (write_sub_row()) the grammar
 * reads it as one more clause of the item.
 */
static bool sub_row(const slot *row, const slot *head, size_t n_cols)
{
    size_t num = num_column(head, n_cols);
    size_t task = num + 1;
    bool lead = false;
    bool wording = false;
    bool units = false;

    if (task >= n_cols || (row[task].len && !row[task].merged))
        return false;
    for (size_t c = 0; c < n_cols; c++) {
        head_kind k = head_kind_of(&head[c]);
        bool own = row[c].len && !row[c].merged;

        if (c <= num && own)
            return false;
        if (c <= task)
            continue;
        lead = lead || (k == HEAD_LEAD && own);
        units = units || ((k == HEAD_LEAD || k == HEAD_UNITS) && row[c].len);
        wording = wording || (k == HEAD_WORDING && own && fg_rd_sub_marker(row[c].s, row[c].len));
    }
    return lead || (wording && units);
}

/*
 * Make a sub-row (sub_row()) the row a copied table gives: its 序号 and task cells, and the
 * cells before them, empty, as are its other merged cells but the units' (a 牵头部门 merged
 * over two sub-measures is each one's).
 */
static void write_sub_row(slot *row, const slot *head, size_t n_cols)
{
    size_t task = num_column(head, n_cols) + 1;

    for (size_t c = 0; c < n_cols; c++) {
        head_kind k = head_kind_of(&head[c]);

        if (c <= task || (row[c].merged && k != HEAD_LEAD && k != HEAD_UNITS))
            row[c] = (slot){"", 0, false};
    }
}

/* Whether a header row has a 责任类别 column: a ledger written one unit a row (牵头 or 配合). */
static bool ledger_header(const slot *row, size_t n_cols)
{
    static const char *const words[] = {"责任类别", "责任类型", "单位类别", "单位类型",
                                        "类别",     "角色",     "责任分类"};
    char buf[32];
    size_t n;

    for (size_t c = 1; c < n_cols; c++) {
        if (!squeeze(buf, sizeof buf, &n, &row[c]))
            continue;
        for (size_t k = 0; k < sizeof words / sizeof *words; k++)
            if (n == strlen(words[k]) && memcmp(buf, words[k], n) == 0)
                return true;
    }
    return false;
}

/* Whether the next row with text after row r, the header repeated aside (hdr as it is now,
 * head as first read), holds two cells of text or more (merged ones too): a row of the
 * table's cells, not one more title or a line of text. */
static bool cells_follow(const slot *grid, size_t r, size_t n_rows, size_t n_cols,
                         const slot *hdr, const slot *head)
{
    for (size_t k = r + 1; k < n_rows; k++) {
        const slot *row = grid + k * n_cols;
        size_t n = 0;

        if (row_equal(row, hdr, n_cols) || header_again(row, head, n_cols))
            continue;
        for (size_t c = 0; c < n_cols; c++)
            n += row[c].len > 0;
        if (n >= 2)
            return true;
        if (n == 1)
            return false;
    }
    return false;
}

static int write_line(fg_rd *rd, const char *s, size_t len)
{
    int rc = FG_OK;

    FG_TRY(fg_str_append(&rd->out, s, len));
    FG_TRY(fg_str_appendc(&rd->out, '\n'));
out:
    return rc;
}

/* The text of a row: its cells joined by tabs; a folded row has its cells in extra[]. */
static int write_row(fg_rd *rd, const slot *row, const fg_str *extra, size_t n_cols)
{
    int rc = FG_OK;

    for (size_t c = 0; c < n_cols; c++) {
        if (c)
            FG_TRY(fg_str_appendc(&rd->out, '\t'));
        FG_TRY(fg_str_append(&rd->out, row[c].s, row[c].len));
        if (extra != NULL && extra[c].len)
            FG_TRY(fg_str_append(&rd->out, extra[c].ptr, extra[c].len));
    }
    FG_TRY(fg_str_appendc(&rd->out, '\n'));
out:
    return rc;
}

/*
 * Lay the table out as lines:
 * - a table of one column, or a row with one cell of text that spans the table (a title row
 *   such as 一、…), gives that text as a line of its own; so does a row whose one cell of
 *   text is a heading (heading_text()) beside cells left empty, not merged (a title row
 *   typed in the 重点任务 column, the 序号 cell blank: 二、重点任务 would otherwise name
 *   that column as a second header row would, or be a row of the table);
 * - a merged cell takes the text of the cell above it;
 * - a row whose first cell is merged with the row above continues that row's task: its other
 *   cells that are not merged are added to the row above (joined by "，") (when a group
 *   column such as 类别 comes before the header's 序号, the 序号 cell decides), except in a ledger
 *   with a 责任类别 column (one unit a row, ledger_header()), whose rows stay rows, and in a
 *   table with no 分工表 header (header_row()), which has no tasks: in a 名单 (组长 | name |
 *   post, the 成员 cell merged over every member's row) each row stays a row with the role
 *   carried down, so that each member keeps his post; a row whose 序号 cell is left blank
 *   under a numbered row continues it the same way (blank_number()): it has no number of
 *   its own, so it is no item of its own, and its units are the item's above, as when the
 *   cell is merged (a task split over two rows, or over a page, the number typed once);
 * - a row right under the header whose own cells are header words (牵头单位 | 配合单位 under a
 *   责任单位 spanning both, sub_header_row()) names those columns in the header's place;
 * - a row equal to the table's first row (the header repeated on a new page) is dropped, as
 *   is one whose cells that are not merged are those of the header as first read (the first
 *   row of a grouped header drawn again on a new page, header_again());
 * - a title row that comes below a 分工表 header (header_row(): 序号|重点任务|… then 一、… as
 *   a row of its own, as Word tables and web pages write sections) and above a row of cells
 *   (cells_follow()) stays a row of the table as the table saved as text writes it, its text
 *   and a tab for each empty cell (a category row 一 | 提升… as 一、提升…): the grammar reads
 *   it as a section of the table whose rows go on under it, at the level the text before
 *   the table gives it (a （一） under an open 一、, where a line 一、… would restart the
 *   numbering as a new part);
 * - any other title row is a line: after one that comes below the header (a heading of the
 *   body in a sheet that holds the whole document), the header is written again before the
 *   next row, as a table under each heading: a title line ends a table for the grammar,
 *   which reads a table's columns from the header after the heading. Only a row that is a
 *   header (header_row()) is repeated, so a table without one keeps its first row in place.
 */
static int lay_out(fg_rd *rd)
{
    size_t n_cols = 0;
    slot *grid = NULL;
    slot *head = NULL; /* the header row as first read, before a second row renamed columns */
    fg_str *extra = NULL;
    size_t header = SIZE_MAX;  /* the first row with text */
    size_t pending = SIZE_MAX; /* the row written last, waiting for rows folded into it */
    bool reheader = false;     /* a title line was written after rows: the header goes again */
    fg_str title = FG_STR_INIT; /* a category row's number and title */
    bool sub_pending = false;   /* the row written last is a sub-row (its 序号 made empty) */
    int rc = FG_OK;

    for (size_t r = 0; r < rd->n_rows; r++) {
        size_t w = 0;

        for (size_t k = 0; k < rd->rows[r].n; k++)
            w += rd->cells[rd->rows[r].first + k].span;
        if (w > n_cols)
            n_cols = w;
    }
    if (n_cols == 0)
        return FG_OK;
    if (n_cols > 256)
        n_cols = 256;
    grid = calloc(rd->n_rows * n_cols, sizeof *grid);
    FG_CHECK_ALLOC(grid);
    head = calloc(n_cols, sizeof *head);
    FG_CHECK_ALLOC(head);
    extra = calloc(n_cols, sizeof *extra);
    FG_CHECK_ALLOC(extra);
    for (size_t r = 0; r < rd->n_rows; r++) {
        slot *row = grid + r * n_cols;
        size_t c = 0;

        for (size_t k = 0; k < rd->rows[r].n && c < n_cols; k++) {
            const fg_rd_cell *cell = &rd->cells[rd->rows[r].first + k];
            const char *s = rd->cell_text.ptr ? rd->cell_text.ptr + cell->off : "";
            size_t len = cell->len;

            trim(&s, &len);
            if (cell->merged && r > 0) {
                s = grid[(r - 1) * n_cols + c].s;
                len = grid[(r - 1) * n_cols + c].len;
            }
            row[c].s = s;
            row[c].len = len;
            row[c].merged = cell->merged && r > 0;
            for (size_t e = 1; e < cell->span && c + e < n_cols; e++) {
                row[c + e].merged = row[c].merged;
                row[c + e].s = "";
            }
            c += cell->span;
        }
        for (; c < n_cols; c++)
            row[c].s = "";
    }
    for (size_t r = 0; r < rd->n_rows; r++) {
        slot *row = grid + r * n_cols;
        size_t n_text = 0;
        size_t only = 0;
        slot text;             /* the text of a title row */
        bool category = false; /* a category row, read as a title row */
        bool any_merged = false;
        bool bare;
        bool held;
        bool goes_on; /* the row goes on the row above: its 序号 merged or left blank */
        bool is_sub;  /* a sub-row of the row above's item (sub_row()) */
        const slot *hdr;

        for (size_t c = 0; c < n_cols; c++) {
            if (row[c].len && !row[c].merged) {
                n_text++;
                only = c;
            }
            any_merged |= row[c].merged;
        }
        if (n_text == 0)
            continue;
        /*
         * A category row of a 分工表 (（一） | 大气污染防治 | | : the heading's number in the
         * 序号 column, its title beside it, no units) is a title row, written as one line
         * (（一）大气污染防治): the 序号 of the rows under it count again from 1.
         */
        text = row[only];
        if (n_text == 2 && only == 1 && n_cols > 2 && !row[0].merged && header != SIZE_MAX &&
            heading_number(&row[0], &bare) && header_row(grid + header * n_cols, n_cols)) {
            fg_str_clear(&title);
            FG_TRY(fg_str_append(&title, row[0].s, row[0].len));
            if (bare)
                FG_TRY(fg_str_append(&title, "、", strlen("、")));
            FG_TRY(fg_str_append(&title, row[1].s, row[1].len));
            text = (slot){title.ptr, title.len, false};
            category = true;
        }
        if (n_cols == 1 || category ||
            (n_text == 1 && (rd->rows[r].n == 1 || (!any_merged && heading_text(&row[only]))))) {
            if (n_cols > 1 && header != SIZE_MAX && header_row(grid + header * n_cols, n_cols) &&
                cells_follow(grid, r, rd->n_rows, n_cols, grid + header * n_cols, head)) {
                /* Under a 分工表 header and over a row of its cells the title row stays a row
                 * of the table, as the table saved as text writes it: its text (a category
                 * row's number and title, a bare 一 given its 、) and the tabs of the empty
                 * cells (一、…<TAB><TAB>…), which the grammar reads as a section of the table,
                 * at the level the text around the table gives it (under an open 一、, a
                 * （一）, where a line 一、… would restart the numbering as a new part). */
                if (pending != SIZE_MAX)
                    FG_TRY(write_row(rd, grid + pending * n_cols, extra, n_cols));
                pending = SIZE_MAX;
                if (reheader)
                    FG_TRY(write_row(rd, grid + header * n_cols, NULL, n_cols));
                reheader = false;
                FG_TRY(fg_str_append(&rd->out, text.s, text.len));
                for (size_t c = 1; c < n_cols; c++)
                    FG_TRY(fg_str_appendc(&rd->out, '\t'));
                FG_TRY(fg_str_appendc(&rd->out, '\n'));
                continue;
            }
            /* Any other title line is a heading, and a heading ends a 分工表 for the clause
             * grammar: a header not yet followed by a row waits until after the title, and
             * after a title that follows rows the header is written again before the next
             * row. */
            held = pending != SIZE_MAX && pending == header &&
                   header_row(grid + header * n_cols, n_cols);
            if (pending != SIZE_MAX && !held) {
                FG_TRY(write_row(rd, grid + pending * n_cols, extra, n_cols));
                pending = SIZE_MAX;
            }
            FG_TRY(write_line(rd, text.s, text.len));
            if (header != SIZE_MAX && !held && header_row(grid + header * n_cols, n_cols))
                reheader = true;
            continue;
        }
        if (header == SIZE_MAX) {
            header = r;
            memcpy(head, row, n_cols * sizeof *head);
        } else if (row_equal(row, grid + header * n_cols, n_cols) ||
                   header_again(row, head, n_cols)) {
            continue; /* repeated on a new page, or under a title: reheader writes it */
        }
        if (pending == header && r > header && sub_header_row(row, n_cols) &&
            header_row(grid + header * n_cols, n_cols)) {
            /* The second row of a grouped header: its words name the columns under the
             * group (牵头单位 and 配合单位 under 责任单位), the group's own word is dropped. */
            for (size_t c = 1; c < n_cols; c++) {
                if (!row[c].merged && row[c].len)
                    grid[header * n_cols + c] = row[c];
            }
            continue;
        }
        hdr = grid + header * n_cols;
        goes_on = pending != SIZE_MAX && header_row(hdr, n_cols) && !ledger_header(hdr, n_cols) &&
                  (row[num_column(hdr, n_cols)].merged ||
                   blank_number(row, grid + pending * n_cols, hdr, n_cols) ||
                   (sub_pending && row[num_column(hdr, n_cols)].len == 0));
        is_sub = goes_on && pending != header && sub_row(row, hdr, n_cols);
        if (is_sub) {
            /* A sub-measure under the 序号 above, with its own units: a row of its own, as
             * the table copied as text writes it (write_sub_row()). */
            write_sub_row(row, hdr, n_cols);
        } else if (goes_on) {
            for (size_t c = 0; c < n_cols; c++) {
                if (row[c].merged || row[c].len == 0)
                    continue;
                if (grid[pending * n_cols + c].len || extra[c].len)
                    FG_TRY(fg_str_append(&extra[c], "，", strlen("，")));
                FG_TRY(fg_str_append(&extra[c], row[c].s, row[c].len));
            }
            continue;
        }
        if (pending != SIZE_MAX)
            FG_TRY(write_row(rd, grid + pending * n_cols, extra, n_cols));
        for (size_t c = 0; c < n_cols; c++)
            fg_str_clear(&extra[c]);
        if (reheader && r != header)
            FG_TRY(write_row(rd, grid + header * n_cols, NULL, n_cols));
        reheader = false;
        pending = r;
        sub_pending = is_sub;
    }
    if (pending != SIZE_MAX)
        FG_TRY(write_row(rd, grid + pending * n_cols, extra, n_cols));
out:
    if (extra != NULL)
        for (size_t c = 0; c < n_cols; c++)
            fg_str_dispose(&extra[c]);
    free(extra);
    free(head);
    free(grid);
    fg_str_dispose(&title);
    return rc;
}

int fg_rd_table_end(fg_rd *rd)
{
    size_t from;
    int rc = FG_OK;

    if (rd->table_depth == 0)
        return FG_OK;
    if (--rd->table_depth > 0) {
        if (rd->in_cell)
            rd->cell_para = true;
        return FG_OK;
    }
    rd->in_cell = false;
    from = rd->out.len;
    FG_TRY(lay_out(rd));
    if (rd->out.len > from) {
        FG_TRY(FG_GROW(rd->tables, rd->cap_tables, 2 * rd->n_tables + 1, 16));
        rd->tables[2 * rd->n_tables] = from;
        rd->tables[2 * rd->n_tables + 1] = rd->out.len;
        rd->n_tables++;
    }
    rd->n_cells = 0;
    rd->n_rows = 0;
    fg_str_clear(&rd->cell_text);
out:
    return rc;
}

int fg_rd_finish(fg_rd *rd, fg_str *text)
{
    int rc = FG_OK;

    while (rd->table_depth > 0)
        FG_TRY(fg_rd_table_end(rd));
    FG_TRY(fg_rd_break(rd));
    fg_str_dispose(text);
    *text = rd->out;
    rd->out = (fg_str)FG_STR_INIT;
out:
    return rc;
}

void fg_rd_dispose(fg_rd *rd)
{
    fg_str_dispose(&rd->out);
    fg_str_dispose(&rd->cell_text);
    free(rd->cells);
    free(rd->rows);
    free(rd->tables);
    rd->cells = NULL;
    rd->rows = NULL;
    rd->tables = NULL;
    rd->n_cells = rd->cap_cells = rd->n_rows = rd->cap_rows = 0;
    rd->n_tables = rd->cap_tables = 0;
}

bool fg_rd_sub_marker(const char *s, size_t len)
{
    size_t i = 0;

    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 &&
        (unsigned char)s[2] >= 0xA0 && (unsigned char)s[2] <= 0xB3)
        return true; /* ① to ⑳ */
    if (len > 0 && (s[0] == '(' || (len >= 3 && memcmp(s, "（", 3) == 0))) {
        i = s[0] == '(' ? 1 : 3;
        for (size_t n = 0; n < 3 && i < len; n++) {
            size_t c = (unsigned char)s[i] < 0x80 ? 1 : 3;

            if (s[i] == ')' || (i + 3 <= len && memcmp(s + i, "）", 3) == 0))
                return n > 0;
            i += c;
        }
        return false;
    }
    while (i < len && i < 2 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 && len > 0 && s[0] >= 'a' && s[0] <= 'z')
        i = 1;
    return i > 0 && i < len &&
           (s[i] == '.' || s[i] == ')' || (i + 3 <= len && (memcmp(s + i, "．", 3) == 0 ||
                                                           memcmp(s + i, "、", 3) == 0 ||
                                                           memcmp(s + i, "）", 3) == 0)));
}

bool fg_rd_has_ideograph(const char *s, size_t len)
{
    /* U+3400..U+9FFF: lead bytes E3 (from U+3400) to E9 */
    for (size_t i = 0; i + 2 < len; i++) {
        unsigned char b = (unsigned char)s[i];

        if (b >= 0xE4 && b <= 0xE9)
            return true;
        if (b == 0xE3 && (unsigned char)s[i + 1] >= 0x90)
            return true;
    }
    return false;
}

/* ---- sniffing ---- */

static bool has_bytes(const unsigned char *b, size_t len, const char *lit)
{
    return memmem(b, len, lit, strlen(lit)) != NULL;
}

static bool starts_ci(const unsigned char *b, size_t len, const char *lit)
{
    size_t n = strlen(lit);

    return len >= n && strncasecmp((const char *)b, lit, n) == 0;
}

/* Whether the bytes start (after a BOM, blanks, an XML declaration and comments) with a tag
 * that only HTML starts with. */
static bool looks_html(const unsigned char *b, size_t len)
{
    static const char *const roots[] = {
        "<!doctype html", "<html",  "<head", "<meta", "<title", "<body",  "<base", "<link",
        "<script",        "<style", "<div",  "<p>",   "<p ",    "<table", "<h1",   "<h2"};
    size_t i = 0;

    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && i < 65536) {
        const unsigned char *end;

        while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'))
            i++;
        if (starts_ci(b + i, len - i, "<?xml") || starts_ci(b + i, len - i, "<!--")) {
            const char *close = b[i + 1] == '?' ? "?>" : "-->";

            end = memmem(b + i, len - i, close, strlen(close));
            if (end == NULL)
                return false;
            i = (size_t)(end - b) + strlen(close);
            continue;
        }
        for (size_t k = 0; k < sizeof roots / sizeof *roots; k++)
            if (starts_ci(b + i, len - i, roots[k]))
                return true;
        return false;
    }
    return false;
}

/* Whether the ZIP has an entry named name (a local file header or a central directory
 * record whose name it is). */
static bool zip_has_entry(const unsigned char *b, size_t len, const char *name)
{
    size_t n = strlen(name);

    for (const unsigned char *p = b; (p = memmem(p, len - (size_t)(p - b), name, n)) != NULL;
         p++) {
        size_t at = (size_t)(p - b);

        if (at >= 30 && memcmp(b + at - 30, "PK\x03\x04", 4) == 0 &&
            (b[at - 4] | b[at - 3] << 8) == (int)n)
            return true;
        if (at >= 46 && memcmp(b + at - 46, "PK\x01\x02", 4) == 0 &&
            (b[at - 18] | b[at - 17] << 8) == (int)n)
            return true;
    }
    return false;
}

/* Whether a ZIP ends with its end of central directory record (within the last 64 KB + 22
 * bytes, the longest comment after it); a truncated archive has none. */
static bool zip_complete(const unsigned char *b, size_t len)
{
    size_t from = len > 65557 ? len - 65557 : 0;

    return memmem(b + from, len - from, "PK\x05\x06", 4) != NULL;
}

int fg_rd_sniff(const char *name, const unsigned char *b, size_t len)
{
    /* an OLE2 compound file: a workbook (.xls, .et) or else Word (read_doc.c refuses the rest) */
    if (fg_ole_signed(b, len))
        return fg_ole_format(b, len);
    if (len >= 4 && memcmp(b, "PK", 2) == 0 && (b[2] == 3 || b[2] == 5 || b[2] == 7)) {
        if (zip_has_entry(b, len, "OFD.xml"))
            return FG_FORMAT_OFD;
        if (has_bytes(b, len, "word/"))
            return FG_FORMAT_DOCX;
        if (has_bytes(b, len, "xl/"))
            return FG_FORMAT_XLSX;
        /* an OFD whose OFD.xml is missing: read_ofd.c says so */
        if (has_bytes(b, len, "Document.xml") && has_bytes(b, len, "Content.xml"))
            return FG_FORMAT_OFD;
        if (has_bytes(b, len, "application/vnd.oasis.opendocument.text"))
            return FG_FORMAT_ODT;
        if (has_bytes(b, len, "application/vnd.oasis.opendocument.spreadsheet"))
            return FG_FORMAT_ODS;
        if (has_bytes(b, len, "application/vnd.oasis.opendocument."))
            return fg_error_set(FG_EFORMAT,
                                "%s: an OpenDocument presentation or drawing, not a text or a "
                                "spreadsheet: fengong reads .odt and .ods",
                                name);
        /* A ZIP cut short before its first part name tells nothing of what it was. */
        if (!zip_complete(b, len))
            return fg_error_set(FG_EFORMAT, "%s: a damaged or truncated ZIP archive (no end of "
                                            "central directory record)", name);
        return fg_error_set(FG_EFORMAT, "%s: a ZIP archive that is not a Word document (no "
                                        "word/document.xml)", name);
    }
    if (len >= 5 && memcmp(b, "{\\rtf", 5) == 0)
        return FG_FORMAT_RTF;
    if (fg_rd_is_mhtml(b, len))
        return FG_RD_MHTML;
    if (len >= 5 && has_bytes(b, len < 1024 ? len : 1024, "%PDF-"))
        return FG_FORMAT_PDF;
    if (fg_rd_is_flat_odf(b, len))
        return has_bytes(b, len < 4096 ? len : 4096, "opendocument.spreadsheet") ? FG_FORMAT_ODS
                                                                                 : FG_FORMAT_ODT;
    if (looks_html(b, len))
        return FG_FORMAT_HTML;
    return FG_FORMAT_TEXT;
}

/*
 * Excel workbooks of the CLI's tables, written with libxlsxwriter in constant-memory mode:
 * rows go to disk as they come (in order, which is how every command prints), so a large
 * table costs no more memory than its widest row. The workbook is assembled in a temporary
 * file beside its path (whose missing directories are created, as export -o and render -o
 * do), made with mkstemp() when it is opened, and renamed onto the path
 * only when workbook_close() succeeded; a failed command leaves no file behind. The first
 * failure is reported once and turns every later call into a no-op.
 */
#include "xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include "fengong/fengong.h"
#include "table.h"

#define MAX_WIDTH_COLS 60    /* widest column, in display columns (as cli_table_print) */
#define MAX_CELL_CPS 32767   /* Excel's limit on the characters of a cell */
#define MAX_DATA_ROWS (LXW_ROW_MAX - 1)

struct cli_xlsx {
    const char *cmd;
    char *path;
    char *tmp;                /* the temporary file the workbook is written to */
    lxw_workbook *wb;
    lxw_format *bold;
    bool failed;
    size_t n_cut;             /* cells cut at MAX_CELL_CPS */
    /* the current sheet */
    lxw_worksheet *ws;
    char sheet[32];
    size_t n_cols;
    size_t n_rows;            /* data rows, under the header */
    size_t *width;            /* n_cols display widths */
};

static void fail(cli_xlsx *x, const char *what, const char *why)
{
    if (!x->failed)
        fprintf(stderr, "fengong %s: %s: %s%s%s\n", x->cmd, x->path, what, why ? ": " : "",
                why ? why : "");
    x->failed = true;
}

/* Create the directories above path's last component that are missing
 * (fg_make_parent_dirs()); 0, or -1 after printing "fengong CMD: PATH: cannot write: REASON". */
static int make_parent(const char *cmd, const char *path)
{
    if (fg_make_parent_dirs(path) < 0) {
        fprintf(stderr, "fengong %s: %s: cannot write: %s\n", cmd, path,
                fg_error_last()->message);
        return -1;
    }
    return 0;
}

cli_xlsx *cli_xlsx_open(const char *cmd, const char *path)
{
    lxw_workbook_options opts = {LXW_TRUE, NULL, LXW_FALSE};
    cli_xlsx *x = calloc(1, sizeof *x);
    size_t n = strlen(path);
    int fd;

    if (x == NULL || (x->path = strdup(path)) == NULL || (x->tmp = malloc(n + 16)) == NULL) {
        fprintf(stderr, "fengong %s: out of memory\n", cmd);
        goto fail;
    }
    x->cmd = cmd;
    if (make_parent(cmd, path) < 0) {
        free(x->tmp);
        x->tmp = NULL;
        goto fail;
    }
    snprintf(x->tmp, n + 16, "%s.tmp.XXXXXX", path);
    fd = mkstemp(x->tmp);
    if (fd < 0) {
        fprintf(stderr, "fengong %s: %s: cannot write: %s\n", cmd, path, strerror(errno));
        free(x->tmp);
        x->tmp = NULL;
        goto fail;
    }
    /* mkstemp() makes it 0600; the workbook is an ordinary file like the other exports. */
    if (fchmod(fd, 0644) != 0) {
        fprintf(stderr, "fengong %s: %s: cannot write: %s\n", cmd, path, strerror(errno));
        close(fd);
        goto fail;
    }
    if (close(fd) != 0) {
        fprintf(stderr, "fengong %s: %s: cannot write: %s\n", cmd, path, strerror(errno));
        goto fail;
    }
    x->wb = workbook_new_opt(x->tmp, &opts);
    x->bold = x->wb ? workbook_add_format(x->wb) : NULL;
    if (x->bold == NULL) {
        fprintf(stderr, "fengong %s: %s: cannot start a workbook\n", cmd, path);
        goto fail;
    }
    format_set_bold(x->bold);
    return x;
fail:
    if (x && x->tmp)
        unlink(x->tmp);
    if (x && x->wb)
        lxw_workbook_free(x->wb);
    if (x) {
        free(x->path);
        free(x->tmp);
    }
    free(x);
    return NULL;
}

/* Widths from the display widths seen, an autofilter over the header and the rows. */
static void finish_sheet(cli_xlsx *x)
{
    if (x->ws == NULL)
        return;
    for (size_t c = 0; c < x->n_cols && !x->failed; c++) {
        /* + room for the autofilter's button in the header, and a margin */
        double w = (double)(x->width[c] + 2);

        if (worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL) != LXW_NO_ERROR)
            fail(x, "cannot set a column width", NULL);
    }
    if (!x->failed && x->n_cols > 0 &&
        worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)x->n_rows, (lxw_col_t)(x->n_cols - 1)) !=
            LXW_NO_ERROR)
        fail(x, "cannot set the autofilter", NULL);
    x->ws = NULL;
    free(x->width);
    x->width = NULL;
}

static void note_width(cli_xlsx *x, size_t col, const char *s, size_t extra)
{
    size_t w = cli_display_width(s, strlen(s)) + extra;

    if (w > MAX_WIDTH_COLS)
        w = MAX_WIDTH_COLS;
    if (w > x->width[col])
        x->width[col] = w;
}

int cli_xlsx_sheet(cli_xlsx *x, const char *sheet, size_t n_cols, const char *const *hdr)
{
    finish_sheet(x);
    if (x->failed)
        return -1;
    if (n_cols > LXW_COL_MAX) {
        fail(x, "too many columns for a sheet", NULL);
        return -1;
    }
    snprintf(x->sheet, sizeof x->sheet, "%s", sheet);
    x->width = calloc(n_cols ? n_cols : 1, sizeof *x->width);
    if (x->width == NULL) {
        fail(x, "out of memory", NULL);
        return -1;
    }
    x->ws = workbook_add_worksheet(x->wb, x->sheet);
    if (x->ws == NULL) {
        fail(x, "cannot add a sheet", sheet);
        return -1;
    }
    x->n_cols = n_cols;
    x->n_rows = 0;
    for (size_t c = 0; c < n_cols; c++) {
        if (worksheet_write_string(x->ws, 0, (lxw_col_t)c, hdr[c], x->bold) != LXW_NO_ERROR) {
            fail(x, "cannot write the header of sheet", x->sheet);
            return -1;
        }
        note_width(x, c, hdr[c], 2); /* the autofilter button */
    }
    worksheet_freeze_panes(x->ws, 1, 0);
    return 0;
}

/*
 * s as Excel can hold it: *copy is NULL when s is fine as it is, else a malloc'd version with
 * invalid UTF-8 as U+FFFD, control characters (but tab and line feed) and U+FFFE/U+FFFF,
 * which XML cannot hold, as spaces, and at most MAX_CELL_CPS characters (the last one …).
 * Returns 0 or -1 on out of memory.
 */
static int excel_text(char **copy, const char *s, bool *cut)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t len = strlen(s);
    size_t cps = 0;
    bool dirty = false;
    char *d;
    size_t o = 0;

    *copy = NULL;
    *cut = false;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp = u[i];
        utf8proc_ssize_t n = 1;

        if (cp >= 0x80)
            n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0 || (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF)
            dirty = true;
        i += n > 0 ? (size_t)n : 1;
        cps++;
    }
    if (!dirty && cps <= MAX_CELL_CPS)
        return 0;
    d = malloc(3 * len + 4);
    if (d == NULL)
        return -1;
    cps = 0;
    for (size_t i = 0; i < len; cps++) {
        utf8proc_int32_t cp = u[i];
        utf8proc_ssize_t n = 1;

        if (cp >= 0x80)
            n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
        if (cps == MAX_CELL_CPS - 1 && i + (n > 0 ? (size_t)n : 1) < len) {
            memcpy(d + o, "…", 3);
            o += 3;
            *cut = true;
            break;
        }
        if (n <= 0) {
            memcpy(d + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF) {
            d[o++] = ' ';
            i += (size_t)n;
        } else {
            memcpy(d + o, s + i, (size_t)n);
            o += (size_t)n;
            i += (size_t)n;
        }
    }
    d[o] = '\0';
    *copy = d;
    return 0;
}

int cli_xlsx_cells(cli_xlsx *x, size_t n, const cli_cell *cells)
{
    lxw_row_t row;

    if (x->failed || x->ws == NULL)
        return -1;
    if (x->n_rows == MAX_DATA_ROWS) {
        char why[96];

        snprintf(why, sizeof why, "more than %d rows, the most a sheet holds; use --format csv",
                 MAX_DATA_ROWS);
        fail(x, x->sheet, why);
        return -1;
    }
    row = (lxw_row_t)(x->n_rows + 1);
    for (size_t c = 0; c < x->n_cols && c < n; c++) {
        const cli_cell *cell = &cells[c];
        lxw_error e = LXW_NO_ERROR;
        char num[40];
        const char *s = cell->s;

        if (cell->kind == CLI_INT || cell->kind == CLI_REAL) {
            double v = cell->kind == CLI_INT ? (double)cell->i : cli_no_negative_zero(cell->r);

            if (!isfinite(v))
                continue;
            e = worksheet_write_number(x->ws, row, (lxw_col_t)c, v, NULL);
            /* its width: the shortest text that reads back as v */
            for (int digits = 10; digits <= 17; digits++) {
                snprintf(num, sizeof num, "%.*g", digits, v);
                if (strtod(num, NULL) == v)
                    break;
            }
            s = num;
        } else if (cell->kind == CLI_TEXT && s[0] != '\0') {
            char *copy;
            bool cut;

            if (excel_text(&copy, s, &cut) < 0) {
                fail(x, "out of memory", NULL);
                return -1;
            }
            x->n_cut += cut;
            e = worksheet_write_string(x->ws, row, (lxw_col_t)c, copy ? copy : s, NULL);
            free(copy);
        } else {
            continue; /* an empty cell: nothing to write */
        }
        if (e != LXW_NO_ERROR) {
            fail(x, "cannot write a cell", lxw_strerror(e));
            return -1;
        }
        note_width(x, c, s, 0);
    }
    x->n_rows++;
    return 0;
}

/* Make the written workbook durable before it replaces path. */
static int sync_file(const char *file)
{
    int fd = open(file, O_RDONLY);
    int rc;

    if (fd < 0)
        return -1;
    rc = fsync(fd);
    if (close(fd) != 0)
        rc = -1;
    return rc;
}

int cli_xlsx_close(cli_xlsx *x, bool keep)
{
    int rc = 0;

    if (x == NULL)
        return 0;
    finish_sheet(x);
    if (!keep || x->failed) {
        lxw_workbook_free(x->wb);
        rc = x->failed ? -1 : 0;
    } else {
        lxw_error e = workbook_close(x->wb); /* frees the workbook, whatever happens */

        if (e != LXW_NO_ERROR) {
            fail(x, "cannot write", lxw_strerror(e));
            rc = -1;
        } else if (sync_file(x->tmp) != 0 || rename(x->tmp, x->path) != 0) {
            fail(x, "cannot write", strerror(errno));
            rc = -1;
        }
    }
    if (rc == 0 && keep && x->n_cut > 0)
        fprintf(stderr, "fengong %s: %s: %zu %s cut at %d characters, the most a cell holds\n",
                x->cmd, x->path, x->n_cut, x->n_cut == 1 ? "cell was" : "cells were",
                MAX_CELL_CPS);
    if (rc < 0 || !keep)
        unlink(x->tmp);
    free(x->width);
    free(x->path);
    free(x->tmp);
    free(x);
    return rc;
}

/*
 * Status tables for progress tracking (督办): the CSV, TSV or Excel file a 督查 office keeps,
 * read into rows of document, item, task, status, date, note and reporter. Text files go
 * through fg_text_decode() (any encoding, line numbers kept), so a CSV saved by Excel in
 * GB18030 reads as well as UTF-8; workbooks through read_xlsx_int.h, as the document
 * reader reads them (inflate limits, no DTD). Every string of a table lives in its arena.
 * A row that cannot be read (an unknown status, a bad date) fails the whole table, naming
 * the file and line.
 */
#include "fengong/progress.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fengong/text.h"
#include "ole.h"
#include "read_xlsx_int.h"
#include "str.h"

/* ---- statuses ---- */

static const char *const aliases_not_started[] = {
    "未开始", "尚未启动", "未启动实施", "not started", "not begun", "todo", "pending", NULL};
static const char *const aliases_in_progress[] = {"进行中",   "正在推进",    "推进",    "已启动",
                                                  "实施中",   "in progress", "ongoing", "started",
                                                  "underway", NULL};
static const char *const aliases_done[] = {"完成",      "已办结",   "办结",     "已落实", "done",
                                           "completed", "complete", "finished", NULL};
static const char *const aliases_delayed[] = {
    "进度滞后", "延期", "逾期", "未按期完成", "delayed", "late", "behind", "overdue", NULL};
static const char *const aliases_none[] = {NULL};

static const char *const status_names[] = {"", "未启动", "推进中", "已完成", "滞后"};

const char *fg_status_name(fg_status status)
{
    return (unsigned)status <= FG_STATUS_DELAYED ? status_names[status] : "";
}

const char *const *fg_status_aliases(fg_status status)
{
    switch (status) {
    case FG_STATUS_NOT_STARTED:
        return aliases_not_started;
    case FG_STATUS_IN_PROGRESS:
        return aliases_in_progress;
    case FG_STATUS_DONE:
        return aliases_done;
    case FG_STATUS_DELAYED:
        return aliases_delayed;
    default:
        return aliases_none;
    }
}

static bool is_blank_at(const char *s, size_t len, size_t i, size_t *n)
{
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
        *n = 1;
        return true;
    }
    if (len - i >= 3 && memcmp(s + i, "\xe3\x80\x80", 3) == 0) { /* U+3000 */
        *n = 3;
        return true;
    }
    if (len - i >= 2 && memcmp(s + i, "\xc2\xa0", 2) == 0) { /* no-break space */
        *n = 2;
        return true;
    }
    return false;
}

/* s without the blanks around it. */
static fg_strview trim(const char *s, size_t len)
{
    size_t a = 0;
    size_t n;

    while (a < len && is_blank_at(s, len, a, &n))
        a += n;
    while (len > a) {
        size_t k = len - 1;

        if (s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\n') {
            len = k;
        } else if (len - a >= 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0) {
            len -= 3;
        } else if (len - a >= 2 && memcmp(s + len - 2, "\xc2\xa0", 2) == 0) {
            len -= 2;
        } else {
            break;
        }
    }
    return fg_sv(s + a, len - a);
}

/* Whether v equals word, Latin letters without case, ' ', '-' and '_' alike. */
static bool word_eq(fg_strview v, const char *word)
{
    size_t n = strlen(word);

    if (v.len != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)v.ptr[i];
        unsigned char b = (unsigned char)word[i];

        if (a == '-' || a == '_')
            a = ' ';
        if (a < 0x80)
            a = (unsigned char)tolower(a);
        if (a != b)
            return false;
    }
    return true;
}

fg_status fg_status_parse(const char *s, size_t len)
{
    fg_strview v = trim(s ? s : "", s ? len : 0);

    for (int k = FG_STATUS_NOT_STARTED; k <= FG_STATUS_DELAYED; k++) {
        if (word_eq(v, status_names[k]))
            return (fg_status)k;
        for (const char *const *a = fg_status_aliases((fg_status)k); *a; a++)
            if (word_eq(v, *a))
                return (fg_status)k;
    }
    return FG_STATUS_NONE;
}

const char *fg_table_format_name(fg_table_format f)
{
    return f == FG_TABLE_XLSX ? "xlsx" : f == FG_TABLE_TSV ? "tsv" : "csv";
}

/* ---- dates ---- */

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && leap(y) ? 29 : days[m - 1];
}

static bool ymd_ok(int y, int m, int d)
{
    return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

bool fg_progress_date_valid(const char *s, size_t len)
{
    int y;
    int m;
    int d;

    if (s == NULL || len != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return false;
    y = atoi(s);
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    return ymd_ok(y, m, d);
}

/* Up to max ASCII digits at s[*i] as a number; -1 when there is none. */
static int take_num(const char *s, size_t len, size_t *i, int max)
{
    int v = 0;
    int n = 0;

    while (*i < len && n < max && isdigit((unsigned char)s[*i])) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    return n ? v : -1;
}

/* A date cell into out (YYYY-MM-DD); false when it is none of the accepted forms. */
static bool parse_date(char out[11], fg_strview v)
{
    const char *s = v.ptr;
    size_t len = v.len;
    size_t i = 0;
    int y;
    int m;
    int d;

    if (len == 8) {
        bool digits = true;

        for (size_t k = 0; k < 8; k++)
            digits = digits && isdigit((unsigned char)s[k]);
        if (digits) {
            y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
            m = (s[4] - '0') * 10 + (s[5] - '0');
            d = (s[6] - '0') * 10 + (s[7] - '0');
            goto check;
        }
    }
    y = take_num(s, len, &i, 4);
    if (y < 0 || i != 4)
        return false;
    if (fg_sv_at_str(v, i, "年")) {
        i += 3;
        m = take_num(s, len, &i, 2);
        if (m < 0 || !fg_sv_at_str(v, i, "月"))
            return false;
        i += 3;
        d = take_num(s, len, &i, 2);
        if (d < 0 || !(fg_sv_at_str(v, i, "日") || fg_sv_at_str(v, i, "号")))
            return false;
        i += 3;
    } else {
        char sep;

        if (i >= len || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
            return false;
        sep = s[i++];
        m = take_num(s, len, &i, 2);
        if (m < 0 || i >= len || s[i] != sep)
            return false;
        i++;
        d = take_num(s, len, &i, 2);
        if (d < 0)
            return false;
        /* a time after the date, as spreadsheets export it: 2025-06-30 00:00:00 */
        if (i < len && (s[i] == ' ' || s[i] == 'T')) {
            for (size_t k = i + 1; k < len; k++)
                if (!isdigit((unsigned char)s[k]) && s[k] != ':' && s[k] != '.')
                    return false;
            i = len;
        }
    }
    if (i != len)
        return false;
check:
    if (!ymd_ok(y, m, d))
        return false;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return true;
}

/* The day of an Excel serial number in the workbook's date system, as YYYY-MM-DD. */
static bool serial_date(char out[11], const fg_xlsx *x, double serial)
{
    int y;
    int m;
    int d;

    if (!fg_xlsx__date(x, serial, &y, &m, &d) || !ymd_ok(y, m, d))
        return false;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return true;
}

/* ---- the table being built ---- */

enum { COL_DOC, COL_ITEM, COL_TASK, COL_STATUS, COL_DATE, COL_NOTE, COL_REPORTER, N_FIELDS };

static const char *const field_names[N_FIELDS][8] = {
    [COL_DOC] = {"文件", "文件名", "文件名称", "文档", "document", "doc", NULL},
    [COL_ITEM] = {"条目", "序号", "编号", "item", "no", "no.", NULL},
    [COL_TASK] = {"任务", "任务内容", "工作任务", "task", NULL},
    [COL_STATUS] = {"状态", "进展状态", "完成状态", "status", NULL},
    [COL_DATE] = {"日期", "报送日期", "填报日期", "date", NULL},
    [COL_NOTE] = {"备注", "进展情况", "note", "notes", NULL},
    [COL_REPORTER] = {"报送单位", "填报单位", "填报人", "reporter", NULL},
};

static const char *const field_label[N_FIELDS] = {"document", "item", "task",    "status",
                                                  "date",     "note", "reporter"};

typedef struct builder {
    fg_status_table *t;
    fg_arena *arena;
    size_t cap;
    long col[N_FIELDS]; /* column of each field, -1 when absent */
    bool have_header;
    const char *name;
    const fg_xlsx *x; /* the workbook being read, for its date system */
} builder;

/* A cell as a string of the arena. */
static const char *cell_dup(builder *b, fg_strview v)
{
    return fg_arena_strndup(b->arena, v.ptr, v.len);
}

/* The header row: which column holds which field. */
static int take_header(builder *b, size_t line, size_t n, const fg_strview *cells)
{
    for (int f = 0; f < N_FIELDS; f++)
        b->col[f] = -1;
    for (size_t c = 0; c < n; c++) {
        fg_strview v = trim(cells[c].ptr, cells[c].len);

        for (int f = 0; f < N_FIELDS; f++) {
            bool hit = false;

            for (const char *const *w = field_names[f]; *w && !hit; w++)
                hit = word_eq(v, *w);
            if (!hit)
                continue;
            if (b->col[f] >= 0)
                return fg_error_set(FG_EPARSE, "%s:%zu: two columns for the %s (%ld and %zu)",
                                    b->name, line, field_label[f], b->col[f] + 1, c + 1);
            b->col[f] = (long)c;
        }
    }
    if (b->col[COL_STATUS] < 0 || (b->col[COL_ITEM] < 0 && b->col[COL_TASK] < 0))
        return fg_error_set(FG_EPARSE,
                            "%s:%zu: the header needs a status column (状态/status) and an item "
                            "(条目/序号/item) or task (任务/task) column",
                            b->name, line);
    b->have_header = true;
    return FG_OK;
}

static fg_strview field(const builder *b, int f, size_t n, const fg_strview *cells)
{
    long c = b->col[f];

    if (c < 0 || (size_t)c >= n)
        return fg_sv("", 0);
    return trim(cells[c].ptr, cells[c].len);
}

/* One row of cells; dates[c] is an Excel serial for a numeric workbook cell, else NAN. */
static int take_row(builder *b, size_t line, size_t n, const fg_strview *cells,
                    const double *serials)
{
    fg_status_row *r;
    fg_strview status;
    fg_strview date;
    bool empty = true;
    char iso[11] = "";

    for (size_t c = 0; c < n && empty; c++)
        empty = trim(cells[c].ptr, cells[c].len).len == 0;
    if (empty)
        return FG_OK;
    if (!b->have_header) {
        if (cells[0].len > 0 && cells[0].ptr[0] == '#')
            return FG_OK; /* a comment before the header */
        return take_header(b, line, n, cells);
    }
    status = field(b, COL_STATUS, n, cells);
    date = field(b, COL_DATE, n, cells);
    if (fg_status_parse(status.ptr, status.len) == FG_STATUS_NONE)
        return fg_error_set(FG_EPARSE,
                            "%s:%zu: unknown status '%.*s' (one of 未启动, 推进中, 已完成, 滞后, "
                            "or an alias: 'fengong progress import --help' lists them)",
                            b->name, line, (int)(status.len > 60 ? 60 : status.len), status.ptr);
    if (date.len > 0) {
        long c = b->col[COL_DATE];
        bool ok = serials && c >= 0 && !isnan(serials[c]) ? serial_date(iso, b->x, serials[c])
                                                          : parse_date(iso, date);

        if (!ok)
            return fg_error_set(FG_EPARSE,
                                "%s:%zu: bad date '%.*s' (YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or "
                                "an Excel date)",
                                b->name, line, (int)(date.len > 40 ? 40 : date.len), date.ptr);
    }
    if (field(b, COL_ITEM, n, cells).len == 0 && field(b, COL_TASK, n, cells).len == 0)
        return fg_error_set(FG_EPARSE, "%s:%zu: neither an item nor a task text", b->name, line);
    if (b->t->n_rows == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        fg_status_row *rows = realloc(b->t->rows, cap * sizeof *rows);

        if (rows == NULL)
            return fg_error_set(FG_ENOMEM, "out of memory");
        b->t->rows = rows;
        b->cap = cap;
    }
    r = &b->t->rows[b->t->n_rows];
    r->line = line;
    r->status = fg_status_parse(status.ptr, status.len);
    r->doc = cell_dup(b, field(b, COL_DOC, n, cells));
    r->item = cell_dup(b, field(b, COL_ITEM, n, cells));
    r->task = cell_dup(b, field(b, COL_TASK, n, cells));
    r->date = cell_dup(b, fg_sv(iso, strlen(iso)));
    r->note = cell_dup(b, field(b, COL_NOTE, n, cells));
    r->reporter = cell_dup(b, field(b, COL_REPORTER, n, cells));
    if (!r->doc || !r->item || !r->task || !r->date || !r->note || !r->reporter)
        return fg_error_set(FG_ENOMEM, "out of memory");
    b->t->n_rows++;
    return FG_OK;
}

/* ---- CSV and TSV ---- */

#define MAX_CELLS 256

/*
 * Records of text (NUL-terminated, "\n" line ends): sep separates cells; CSV quotes (sep
 * ',') may hold separators, quotes doubled and line breaks. Cells are copied unquoted into
 * buf, one after another.
 */
static int read_delimited(builder *b, const char *s, size_t len, char sep)
{
    fg_str buf = FG_STR_INIT;
    fg_strview cells[MAX_CELLS];
    size_t starts[MAX_CELLS];
    size_t i = 0;
    size_t line = 1;
    int rc = FG_OK;

    while (i < len) {
        size_t n = 0;
        size_t rec_line = line;

        if (!b->have_header && s[i] == '#') { /* a comment line before the header */
            while (i < len && s[i] != '\n')
                i++;
            i++;
            line++;
            continue;
        }
        fg_str_clear(&buf);
        for (;;) {
            bool quoted = sep == ',' && s[i] == '"';

            if (n == MAX_CELLS) {
                rc = fg_error_set(FG_EPARSE, "%s:%zu: more than %d cells in a row", b->name,
                                  rec_line, MAX_CELLS);
                goto out;
            }
            starts[n] = buf.len;
            if (quoted) {
                i++;
                for (;;) {
                    if (i >= len) {
                        rc = fg_error_set(FG_EPARSE, "%s:%zu: a quoted cell is not closed", b->name,
                                          rec_line);
                        goto out;
                    }
                    if (s[i] == '"') {
                        if (i + 1 < len && s[i + 1] == '"') {
                            FG_TRY(fg_str_appendc(&buf, '"'));
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (s[i] == '\n')
                        line++;
                    FG_TRY(fg_str_appendc(&buf, s[i]));
                    i++;
                }
                /* text between the closing quote and the separator is kept, as Excel does */
                while (i < len && s[i] != sep && s[i] != '\n')
                    FG_TRY(fg_str_appendc(&buf, s[i++]));
            } else {
                size_t e = i;

                while (e < len && s[e] != sep && s[e] != '\n')
                    e++;
                FG_TRY(fg_str_append(&buf, s + i, e - i));
                i = e;
            }
            FG_TRY(fg_str_appendc(&buf, '\0'));
            n++;
            if (i < len && s[i] == sep) {
                i++;
                continue;
            }
            break;
        }
        if (i < len && s[i] == '\n') {
            i++;
            line++;
        }
        for (size_t k = 0; k < n; k++)
            cells[k] = fg_sv(buf.ptr + starts[k], strlen(buf.ptr + starts[k]));
        FG_TRY(take_row(b, rec_line, n, cells, NULL));
    }
out:
    fg_str_dispose(&buf);
    return rc;
}

static int read_text(builder *b, const void *bytes, size_t len)
{
    fg_text *t = NULL;
    int rc = FG_OK;
    const char *nl;
    const char *p;

    FG_TRY(fg_text_decode(&t, b->name, bytes, len));
    /* the header line (the first line that is neither blank nor a comment) tells the format */
    b->t->format = FG_TABLE_CSV;
    for (p = t->data; (size_t)(p - t->data) < t->len; p = nl + 1) {
        size_t n;
        fg_strview l;

        nl = memchr(p, '\n', t->len - (size_t)(p - t->data));
        if (nl == NULL)
            nl = t->data + t->len;
        n = (size_t)(nl - p);
        l = trim(p, n);
        if (l.len > 0 && l.ptr[0] != '#') {
            if (memchr(p, '\t', n) != NULL)
                b->t->format = FG_TABLE_TSV;
            break;
        }
    }
    rc = read_delimited(b, t->data, t->len, b->t->format == FG_TABLE_TSV ? '\t' : ',');
out:
    fg_text_free(t);
    return rc;
}

/* ---- XLSX ---- */

/* Reading a workbook's first sheet: the builder and a row's cells by column. */
typedef struct xlsx_reader {
    builder *b;
    fg_strview cells[FG_XLSX_MAX_COLS];
    double serials[FG_XLSX_MAX_COLS];
} xlsx_reader;

/* One row of the sheet, its cells laid out by column again (a merged range's columns after
 * the first, and the cells under it, are empty). */
static int xlsx_row(size_t row_no, const fg_xlsx_cell *cells, size_t n, void *payload)
{
    xlsx_reader *xr = payload;
    size_t col = 0;

    for (size_t k = 0; k < n && col < FG_XLSX_MAX_COLS; k++) {
        for (unsigned s = 0; s < cells[k].span && col < FG_XLSX_MAX_COLS; s++, col++) {
            bool value = s == 0 && !cells[k].merged;

            xr->cells[col] = value ? fg_sv_cstr(cells[k].text) : fg_sv("", 0);
            xr->serials[col] = value ? cells[k].number : NAN;
        }
    }
    /* the header row is text; a number there is no date */
    return take_row(xr->b, row_no, col, xr->cells, xr->b->have_header ? xr->serials : NULL);
}

static int read_xlsx(builder *b, const void *bytes, size_t len)
{
    fg_xlsx *x = NULL;
    xlsx_reader *xr = NULL;
    int rc = FG_OK;

    b->t->format = FG_TABLE_XLSX;
    b->x = NULL;
    FG_TRY(fg_xlsx__open(&x, b->name, "Excel workbook", bytes, len));
    if (fg_xlsx__n_sheets(x) == 0) {
        rc = fg_error_set(FG_EFORMAT, "%s: not a readable Excel workbook: no visible sheet",
                          b->name);
        goto out;
    }
    xr = calloc(1, sizeof *xr);
    FG_CHECK_ALLOC(xr);
    xr->b = b;
    b->x = x;
    rc = fg_xlsx__rows(x, 0, xlsx_row, xr);
out:
    b->x = NULL;
    free(xr);
    fg_xlsx__close(x);
    return rc;
}

/* ---- the table ---- */

/* The priv_ of a table is the arena that holds its name and its rows' strings. */
void fg_status_table_free(fg_status_table *t)
{
    if (t != NULL)
        fg_arena_free_result(t->priv_, t->rows, t);
}

int fg_status_table_read(fg_status_table **out, const char *name, const void *bytes, size_t len)
{
    fg_status_table *t = NULL;
    fg_arena *arena = NULL;
    char *own_name;
    builder b;
    int rc = FG_OK;

    if (out == NULL || name == NULL || (bytes == NULL && len > 0))
        return fg_error_set(FG_EINVAL, "fg_status_table_read: NULL argument");
    *out = NULL;
    t = calloc(1, sizeof *t);
    FG_CHECK_ALLOC(t);
    arena = fg_arena_new();
    FG_CHECK_ALLOC(arena);
    t->priv_ = arena;
    own_name = fg_arena_strndup(arena, name, strlen(name));
    FG_CHECK_ALLOC(own_name);
    t->name = own_name;
    memset(&b, 0, sizeof b);
    b.t = t;
    b.arena = arena;
    b.name = own_name;
    if (len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0)
        FG_TRY(read_xlsx(&b, bytes, len));
    else if (fg_ole_signed(bytes, len))
        FG_TRY(fg_error_set(FG_EFORMAT, "%s: an old binary Office file (.xls), which fengong "
                                        "does not import as a status table; save it as .xlsx, "
                                        ".csv or .tsv", name));
    else
        FG_TRY(read_text(&b, bytes, len));
    if (!b.have_header) {
        rc = fg_error_set(FG_EPARSE, "%s: no header row (状态/status and 条目/item or 任务/task)",
                          name);
        goto out;
    }
    *out = t;
    t = NULL;
out:
    fg_status_table_free(t);
    return rc;
}

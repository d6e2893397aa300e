/*
 * Old binary Excel workbooks (read_xls_int.h): the Workbook stream of the OLE2 file (ole.h)
 * is a sequence of BIFF8 records [MS-XLS]: a record is a type and a size (two 16-bit words)
 * and at most 8224 bytes of data; a longer one goes on in CONTINUE records after it.
 *
 * - The globals substream (from the first BOF to its EOF) gives the sheets (BoundSheet8:
 *   where each sheet's substream starts, whether it is hidden, its name), the shared strings
 *   (SST, with its CONTINUE records: a string cut at a CONTINUE goes on after one more byte
 *   of flags, which says again whether its characters are one or two bytes), the number
 *   formats (Format), the cell styles (XF: each one's number format) and the date system
 *   (Date1904).
 * - A worksheet's substream gives its cells: LabelSst (a shared string), Label and RString (a
 *   string of their own), Number, RK and MulRk (numbers, RK packed in 30 bits), BoolErr and
 *   Formula (its cached result: a number, a Boolean, an error, or a string in the String
 *   record after it), Blank and MulBlank (empty cells with a style, as an XLSX keeps them);
 *   and its merged ranges (MergeCells). A chart embedded in a sheet is a
 *   substream of its own inside the sheet's (BOF … EOF), skipped.
 *
 * Strings are UTF-16LE, or one byte a character (Latin-1) when compressed; both are written
 * as UTF-8. Every offset and count read is checked against its record or stream; a sheet
 * that starts past the stream or does not end, or sheets whose records overlap (which would
 * read the stream once for each) are refused, a shared string table cut short
 * keeps the strings it holds. Encrypted workbooks (FilePass) and BIFF versions other than 8
 * (Excel 5/95 and older) are refused with a message naming the file.
 */
#include "read_xls_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"
#include "ole.h"

enum {
    R_FORMULA = 0x0006,
    R_EOF = 0x000A,
    R_DATE1904 = 0x0022,
    R_FILEPASS = 0x002F,
    R_CONTINUE = 0x003C,
    R_BOUNDSHEET = 0x0085,
    R_MULRK = 0x00BD,
    R_MULBLANK = 0x00BE,
    R_RSTRING = 0x00D6,
    R_XF = 0x00E0,
    R_MERGECELLS = 0x00E5,
    R_SST = 0x00FC,
    R_LABELSST = 0x00FD,
    R_BLANK = 0x0201,
    R_NUMBER = 0x0203,
    R_LABEL = 0x0204,
    R_BOOLERR = 0x0205,
    R_STRING = 0x0207,
    R_RK = 0x027E,
    R_FORMAT = 0x041E,
    R_BOF = 0x0809
};

enum { BOF_GLOBALS = 0x0005, BOF_WORKSHEET = 0x0010, BIFF8 = 0x0600 };

/* ---- records ---- */

typedef struct stream {
    const unsigned char *p;
    size_t len;
} stream;

/* The record at *pos: its type, data and size; *pos moves past it. False at the end or
 * when the record runs past the stream. */
static bool next_record(const stream *s, size_t *pos, unsigned *type, const unsigned char **data,
                        size_t *size)
{
    if (*pos > s->len || s->len - *pos < 4)
        return false;
    *type = fg_le16(s->p + *pos);
    *size = fg_le16(s->p + *pos + 2);
    if (s->len - *pos - 4 < *size)
        return false;
    *data = s->p + *pos + 4;
    *pos += 4 + *size;
    return true;
}

/*
 * A record with the CONTINUE records after it, read as one run of bytes that knows where
 * each piece starts: a string's characters cut at a piece's start go on after a flags byte.
 */
typedef struct pieces {
    const stream *s;
    size_t next;              /* the position of the record after the current piece */
    const unsigned char *at;  /* the current piece's bytes … */
    size_t left;              /* … left to read */
} pieces;

static void pieces_start(pieces *pc, const stream *s, size_t after, const unsigned char *data,
                         size_t size)
{
    pc->s = s;
    pc->next = after;
    pc->at = data;
    pc->left = size;
}

/* Move to the next CONTINUE piece: false when the record does not go on. */
static bool pieces_step(pieces *pc)
{
    size_t pos = pc->next;
    unsigned type;
    const unsigned char *data;
    size_t size;

    if (!next_record(pc->s, &pos, &type, &data, &size) || type != R_CONTINUE)
        return false;
    pc->next = pos;
    pc->at = data;
    pc->left = size;
    return true;
}

/* n bytes (n <= 4) as a little-endian number, across pieces. */
static bool pieces_uint(pieces *pc, size_t n, uint32_t *v)
{
    *v = 0;
    for (size_t k = 0; k < n; k++) {
        while (pc->left == 0)
            if (!pieces_step(pc))
                return false;
        *v |= (uint32_t)pc->at[0] << (8 * k);
        pc->at++;
        pc->left--;
    }
    return true;
}

static bool pieces_skip(pieces *pc, uint64_t n)
{
    while (n > 0) {
        size_t take;

        while (pc->left == 0)
            if (!pieces_step(pc))
                return false;
        take = n < pc->left ? (size_t)n : pc->left;
        pc->at += take;
        pc->left -= take;
        n -= take;
    }
    return true;
}

/* Append UTF-16 code unit u (pairing surrogates through *high) to out as UTF-8. */
static int put_unit(fg_str *out, uint32_t u, uint32_t *high)
{
    int rc = FG_OK;

    if (u >= 0xD800 && u <= 0xDBFF) {
        if (*high != 0)
            FG_TRY(fg_str_append_cp(out, 0xFFFD));
        *high = u;
        return FG_OK;
    }
    if (u >= 0xDC00 && u <= 0xDFFF && *high != 0) {
        u = 0x10000 + ((*high - 0xD800) << 10) + (u - 0xDC00);
        *high = 0;
    } else if (*high != 0) {
        *high = 0;
        FG_TRY(fg_str_append_cp(out, 0xFFFD));
    }
    if (u == 0)
        return FG_OK; /* a NUL would end the string early */
    FG_TRY(fg_str_append_cp(out, u));
out:
    return rc;
}

/*
 * A string (XLUnicodeString, or XLUnicodeRichExtendedString in the SST: rich with its runs
 * and extended with its phonetic data, both skipped) of cch characters with flags, its
 * characters at pc, appended to out with a NUL. False when the record ends first.
 */
static int read_chars(pieces *pc, uint32_t cch, uint32_t flags, fg_str *out, bool *ok)
{
    uint32_t runs = 0;
    uint32_t ext = 0;
    uint32_t high = 0;
    int rc = FG_OK;

    *ok = false;
    if ((flags & 0x08) && !pieces_uint(pc, 2, &runs))
        return FG_OK;
    if ((flags & 0x04) && !pieces_uint(pc, 4, &ext))
        return FG_OK;
    while (cch > 0) {
        size_t width;
        size_t take;

        if (pc->left == 0) {
            uint32_t f;

            /* the characters go on in the next piece, after their flags */
            if (!pieces_step(pc) || !pieces_uint(pc, 1, &f))
                return FG_OK;
            flags = (flags & ~0x01u) | (f & 0x01);
            continue;
        }
        width = (flags & 0x01) ? 2 : 1;
        take = pc->left / width;
        if (take == 0)
            return FG_OK; /* one byte of a two-byte character */
        if (take > cch)
            take = cch;
        for (size_t k = 0; k < take; k++)
            FG_TRY(put_unit(out, width == 2 ? fg_le16(pc->at + 2 * k) : pc->at[k], &high));
        pc->at += take * width;
        pc->left -= take * width;
        cch -= (uint32_t)take;
    }
    if (high != 0)
        FG_TRY(fg_str_append_cp(out, 0xFFFD));
    FG_TRY(fg_str_appendc(out, '\0'));
    *ok = pieces_skip(pc, 4 * (uint64_t)runs + ext);
out:
    return rc;
}

/* An XLUnicodeString (cch in 2 bytes) or ShortXLUnicodeString (cch in 1) at pc. */
static int read_string(pieces *pc, size_t cch_size, fg_str *out, bool *ok)
{
    uint32_t cch;
    uint32_t flags;

    *ok = false;
    if (!pieces_uint(pc, cch_size, &cch) || !pieces_uint(pc, 1, &flags))
        return FG_OK;
    return read_chars(pc, cch, flags, out, ok);
}

/* ---- the workbook ---- */

typedef struct loader {
    fg_xls_book *b;
    const char *name, *kind;
    stream s;
    size_t *sst; /* offsets in b->chars */
    size_t n_sst;
    size_t cap_cells, cap_merges, cap_sheets, cap_xf, cap_formats;
    size_t budget; /* records the sheets may still read: the stream's once (4 bytes a record) */
} loader;

static int damaged(const loader *l, const char *what)
{
    return fg_error_set(FG_EFORMAT, "%s: not a readable %s: %s", l->name, l->kind, what);
}

static int read_sst(loader *l, size_t after, const unsigned char *data, size_t size)
{
    fg_xls_book *b = l->b;
    pieces pc;
    uint32_t total;
    uint32_t unique;
    int rc = FG_OK;

    pieces_start(&pc, &l->s, after, data, size);
    if (!pieces_uint(&pc, 4, &total) || !pieces_uint(&pc, 4, &unique))
        return damaged(l, "its shared strings are cut short");
    (void)total;
    /* each string takes 3 bytes at least: the count cannot exceed the stream */
    if (unique > l->s.len / 3)
        return damaged(l, "its shared strings count more strings than the file holds");
    l->sst = calloc(unique ? unique : 1, sizeof *l->sst);
    FG_CHECK_ALLOC(l->sst);
    for (uint32_t i = 0; i < unique; i++) {
        size_t at = b->chars.len;
        bool ok;

        FG_TRY(read_string(&pc, 2, &b->chars, &ok));
        if (!ok)
            break; /* a cut-short table: the strings read so far stand */
        l->sst[l->n_sst++] = at;
    }
out:
    return rc;
}

static int read_sheet_name(loader *l, const unsigned char *data, size_t size, size_t *name)
{
    stream none = {NULL, 0}; /* a sheet name never goes on in a CONTINUE */
    pieces pc;
    bool ok;
    int rc = FG_OK;

    pieces_start(&pc, &none, 0, data + 6, size - 6);
    *name = l->b->chars.len;
    FG_TRY(read_string(&pc, 1, &l->b->chars, &ok));
    if (!ok)
        rc = damaged(l, "a sheet's name is cut short");
out:
    return rc;
}

/* The globals: the sheets' offsets and names in *offs, shared strings, formats, styles. */
static int read_globals(loader *l, size_t *pos, uint32_t **offs, size_t *n_offs)
{
    fg_xls_book *b = l->b;
    size_t cap = 0;
    unsigned type;
    const unsigned char *data;
    size_t size;
    int rc = FG_OK;

    while (next_record(&l->s, pos, &type, &data, &size)) {
        if (type == R_EOF)
            return FG_OK;
        if (type == R_FILEPASS)
            return fg_error_set(FG_EFORMAT, "%s: an encrypted %s, which fengong cannot read; "
                                            "save it without a password first", l->name, l->kind);
        if (type == R_DATE1904 && size >= 2) {
            b->date1904 = fg_le16(data) == 1;
        } else if (type == R_SST && size >= 8 && l->sst == NULL) {
            FG_TRY(read_sst(l, *pos, data, size));
        } else if (type == R_XF && size >= 4) {
            FG_TRY(FG_GROW(b->xf_fmt, l->cap_xf, b->n_xf, 32));
            b->xf_fmt[b->n_xf++] = (uint16_t)fg_le16(data + 2);
        } else if (type == R_FORMAT && size >= 5) {
            pieces pc;
            stream none = {NULL, 0};
            size_t code = b->chars.len;
            bool ok;

            pieces_start(&pc, &none, 0, data + 2, size - 2);
            FG_TRY(read_string(&pc, 2, &b->chars, &ok));
            if (ok) {
                FG_TRY(FG_GROW(b->formats, l->cap_formats, b->n_formats, 16));
                b->formats[b->n_formats++] = (fg_xls_format){(uint16_t)fg_le16(data), code};
            }
        } else if (type == R_BOUNDSHEET && size >= 8) {
            /* visible (hsState 0) worksheets (dt 0) only: charts and macros hold no table */
            if ((data[4] & 0x03) != 0 || data[5] != 0)
                continue;
            FG_TRY(FG_GROW(*offs, cap, *n_offs, 8));
            FG_TRY(FG_GROW(b->sheets, l->cap_sheets, b->n_sheets, 8));
            (*offs)[(*n_offs)++] = fg_le32(data);
            b->sheets[b->n_sheets] = (fg_xls_sheet){0};
            FG_TRY(read_sheet_name(l, data, size, &b->sheets[b->n_sheets].name));
            b->n_sheets++;
        }
    }
    return damaged(l, "its workbook stream ends before the end of its globals");
out:
    return rc;
}

static int add_cell(loader *l, fg_xls_sheet *sh, const unsigned char *data, double number,
                    size_t text)
{
    int rc = FG_OK;

    FG_TRY(FG_GROW(l->b->cells, l->cap_cells, l->b->n_cells, 64));
    l->b->cells[l->b->n_cells++] = (fg_xls_cell){fg_le16(data), (uint16_t)fg_le16(data + 2),
                                                 (uint16_t)fg_le16(data + 4), number, text};
    sh->n_cells++;
out:
    return rc;
}

/* The number an RK value packs: a 30-bit integer or the top of a double, maybe / 100. */
static double rk_number(uint32_t rk)
{
    double d;

    if (rk & 0x02) {
        d = (double)((int32_t)rk >> 2);
    } else {
        uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;

        memcpy(&d, &bits, sizeof d);
    }
    return (rk & 0x01) ? d / 100 : d;
}

static int add_text(loader *l, const char *s, size_t *at)
{
    *at = l->b->chars.len;
    return fg_str_append(&l->b->chars, s, strlen(s) + 1);
}

static const char *error_text(unsigned code)
{
    switch (code) {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    default: return "#N/A";
    }
}

/* The cells and merged ranges of the worksheet whose BOF is at pos. */
static int read_sheet(loader *l, fg_xls_sheet *sh, size_t pos)
{
    unsigned type;
    const unsigned char *data;
    size_t size;
    unsigned depth = 0;
    bool string_due = false; /* a Formula's string result: the String record after it */
    int rc = FG_OK;

    sh->cell0 = l->b->n_cells;
    sh->merge0 = l->b->n_merges;
    while (next_record(&l->s, &pos, &type, &data, &size)) {
        /* sheets whose records overlap would read the stream again and again */
        if (l->budget-- == 0)
            return damaged(l, "its sheets overlap");
        if (type == R_BOF) {
            if (depth == 0 && (size < 4 || fg_le16(data + 2) != BOF_WORKSHEET))
                return FG_OK; /* not a worksheet after all */
            depth++;
            continue;
        }
        if (type == R_EOF) {
            if (--depth == 0)
                return FG_OK;
            continue;
        }
        if (depth != 1)
            continue; /* a chart's substream inside the sheet */
        if (type == R_STRING && string_due) {
            pieces pc;
            size_t at = l->b->chars.len;
            bool ok;

            string_due = false;
            pieces_start(&pc, &l->s, pos, data, size);
            FG_TRY(read_string(&pc, 2, &l->b->chars, &ok));
            if (ok)
                l->b->cells[l->b->n_cells - 1].text = at;
            continue;
        }
        if (type != R_CONTINUE && type != 0x04BC && type != 0x0221 && type != 0x0236)
            string_due = false; /* ShrFmla, Array, Table may come between */
        if (type == R_LABELSST && size >= 10) {
            uint32_t k = fg_le32(data + 6);

            FG_TRY(add_cell(l, sh, data, NAN, k < l->n_sst ? l->sst[k] : 0));
        } else if ((type == R_LABEL || type == R_RSTRING) && size >= 9) {
            pieces pc;
            size_t at = l->b->chars.len;
            bool ok;

            pieces_start(&pc, &l->s, pos, data + 6, size - 6);
            FG_TRY(read_string(&pc, 2, &l->b->chars, &ok));
            FG_TRY(add_cell(l, sh, data, NAN, ok ? at : 0));
        } else if (type == R_NUMBER && size >= 14) {
            double d;

            memcpy(&d, data + 6, sizeof d); /* little-endian IEEE 754, as this machine's */
            FG_TRY(add_cell(l, sh, data, isfinite(d) ? d : NAN, 0));
        } else if (type == R_RK && size >= 10) {
            FG_TRY(add_cell(l, sh, data, rk_number(fg_le32(data + 6)), 0));
        } else if (type == R_BLANK && size >= 6) {
            FG_TRY(add_cell(l, sh, data, NAN, 0));
        } else if ((type == R_MULRK && size >= 12) || (type == R_MULBLANK && size >= 8)) {
            size_t step = type == R_MULRK ? 6 : 2; /* (style, RK) or style */
            size_t n = (size - 6) / step;
            unsigned char cell[6];

            memcpy(cell, data, 4); /* row, first column */
            for (size_t k = 0; k < n; k++) {
                uint32_t col = fg_le16(data + 2) + (uint32_t)k;

                cell[2] = (unsigned char)(col & 0xFF);
                cell[3] = (unsigned char)(col >> 8);
                memcpy(cell + 4, data + 4 + step * k, 2);
                FG_TRY(add_cell(l, sh, cell,
                                step == 6 ? rk_number(fg_le32(data + 6 + 6 * k)) : NAN, 0));
            }
        } else if (type == R_BOOLERR && size >= 8) {
            size_t at;

            FG_TRY(add_text(l, data[7] ? error_text(data[6]) : data[6] ? "TRUE" : "FALSE",
                            &at));
            FG_TRY(add_cell(l, sh, data, NAN, at));
        } else if (type == R_FORMULA && size >= 20) {
            const unsigned char *v = data + 6;
            size_t at = 0;
            double d = NAN;

            if (fg_le16(v + 6) != 0xFFFF) {
                memcpy(&d, v, sizeof d);
                if (!isfinite(d))
                    d = NAN;
            } else if (v[0] == 1) {
                FG_TRY(add_text(l, v[2] ? "TRUE" : "FALSE", &at));
            } else if (v[0] == 2) {
                FG_TRY(add_text(l, error_text(v[2]), &at));
            }
            FG_TRY(add_cell(l, sh, data, d, at));
            string_due = fg_le16(v + 6) == 0xFFFF && v[0] == 0;
        } else if (type == R_MERGECELLS && size >= 2) {
            size_t n = fg_le16(data);

            if (n > (size - 2) / 8)
                n = (size - 2) / 8;
            for (size_t k = 0; k < n; k++) {
                const unsigned char *m = data + 2 + 8 * k;
                fg_xls_merge g = {fg_le16(m), fg_le16(m + 2), (uint16_t)fg_le16(m + 4),
                                  (uint16_t)fg_le16(m + 6)};

                if (g.r2 < g.r1 || g.c2 < g.c1)
                    continue;
                FG_TRY(FG_GROW(l->b->merges, l->cap_merges, l->b->n_merges, 16));
                l->b->merges[l->b->n_merges++] = g;
                sh->n_merges++;
            }
        }
    }
    return damaged(l, "a sheet's records end before its end");
out:
    return rc;
}

/* By row, then column: one key of both. */
static int cmp_cell(const void *a, const void *b)
{
    const fg_xls_cell *x = a;
    const fg_xls_cell *y = b;
    uint64_t kx = (uint64_t)x->row << 16 | x->col;
    uint64_t ky = (uint64_t)y->row << 16 | y->col;

    return (kx > ky) - (kx < ky);
}

static int too_old(const char *name)
{
    return fg_error_set(FG_EFORMAT, "%s: an Excel 5/95 (or older) workbook, which fengong does "
                                    "not read; convert it first: libreoffice --headless "
                                    "--convert-to xlsx %s", name, name);
}

int fg_xls__parse(fg_xls_book **out, const char *name, const char *kind,
                  const unsigned char *bytes, size_t len)
{
    loader l = {.name = name, .kind = kind, .s = {bytes, len}, .budget = len / 4};
    uint32_t *offs = NULL;
    size_t n_offs = 0;
    size_t pos = 0;
    unsigned type;
    const unsigned char *data;
    size_t size;
    int rc = FG_OK;

    *out = NULL;
    l.b = calloc(1, sizeof *l.b);
    FG_CHECK_ALLOC(l.b);
    FG_TRY(fg_str_appendc(&l.b->chars, '\0')); /* offset 0: "" */
    if (!next_record(&l.s, &pos, &type, &data, &size) || type != R_BOF || size < 4) {
        rc = damaged(&l, "its workbook stream does not start with a BOF record");
        goto out;
    }
    if (fg_le16(data) != BIFF8) {
        rc = too_old(name);
        goto out;
    }
    if (fg_le16(data + 2) != BOF_GLOBALS) {
        rc = damaged(&l, "its workbook stream does not start with the workbook's globals");
        goto out;
    }
    FG_TRY(read_globals(&l, &pos, &offs, &n_offs));
    for (size_t i = 0; i < n_offs; i++) {
        fg_xls_sheet *sh = &l.b->sheets[i];

        if (offs[i] >= len) {
            rc = damaged(&l, "a sheet starts past the end of its workbook stream");
            goto out;
        }
        FG_TRY(read_sheet(&l, sh, offs[i]));
        if (sh->n_cells > 1)
            qsort(l.b->cells + sh->cell0, sh->n_cells, sizeof *l.b->cells, cmp_cell);
    }
    for (size_t i = 0; i < l.b->n_sheets; i++) { /* the arrays have stopped moving */
        l.b->sheets[i].cells = l.b->cells + l.b->sheets[i].cell0;
        l.b->sheets[i].merges = l.b->merges + l.b->sheets[i].merge0;
    }
    *out = l.b;
    l.b = NULL;
out:
    fg_xls__free(l.b);
    free(offs);
    free(l.sst);
    return rc;
}

int fg_xls__load(fg_xls_book **out, const char *name, const char *kind,
                 const unsigned char *bytes, size_t len)
{
    fg_ole *ole = NULL;
    unsigned char *wb = NULL;
    size_t wb_len = 0;
    int rc = FG_OK;

    *out = NULL;
    FG_TRY(fg_ole_open(&ole, name, bytes, len));
    FG_TRY(fg_ole_stream(ole, "Workbook", kind, &wb, &wb_len));
    if (rc == 1) {
        FG_TRY(fg_ole_stream(ole, "Book", kind, &wb, &wb_len));
        rc = rc == 1 ? fg_error_set(FG_EFORMAT, "%s: not a readable %s: no Workbook stream",
                                    name, kind)
                     : too_old(name);
        goto out;
    }
    FG_TRY(fg_xls__parse(out, name, kind, wb, wb_len));
out:
    fg_ole_close(ole);
    free(wb);
    return rc;
}

void fg_xls__free(fg_xls_book *b)
{
    if (b == NULL)
        return;
    free(b->sheets);
    free(b->cells);
    free(b->merges);
    free(b->xf_fmt);
    free(b->formats);
    fg_str_dispose(&b->chars);
    free(b);
}

/*
 * Internal: the readers of office formats (DOCX, XLSX, PDF, HTML) and what they share.
 *
 * Every reader turns its document into the plain text the clause grammar reads, through one
 * builder (fg_rd): paragraphs become lines, and tables become one line per row with the cells
 * separated by tabs, the layout a 分工表 has when Word exports it as text. The builder, not
 * the reader, settles what tables mean as text: merged cells carried down, a row continued
 * under a merged task folded into its task's row, title rows (一、…) as lines of their own, a
 * header repeated on a new page dropped. fg_text_read_file() sniffs the bytes, runs a reader
 * and then decodes the builder's UTF-8 like any text file, so that items, clauses, roles and
 * teams come from one grammar whatever the format.
 */
#ifndef FG_SRC_READER_H
#define FG_SRC_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "clause.h"
#include "fengong/text.h"
#include "str.h"

/* Largest text a reader may produce, and the most a DOCX may inflate to in all. */
#define FG_RD_MAX_TEXT ((size_t)256 << 20)
#define FG_RD_MAX_INFLATE ((size_t)512 << 20)

typedef struct fg_rd_cell {
    size_t off, len; /* text in the builder's cell buffer */
    unsigned span;   /* columns covered (gridSpan, colspan), at least 1 */
    bool merged;     /* continues the cell above (w:vMerge, rowspan, a PDF blank under it) */
} fg_rd_cell;

typedef struct fg_rd_row {
    size_t first, n; /* cells[first .. first + n) */
} fg_rd_row;

/* The text builder. Zero-initialise, set name, then call the fg_rd_ functions. */
typedef struct fg_rd {
    const char *name; /* the file, for messages */
    fg_str out;       /* the text so far (owned) */
    /* the open table: at depth 1 cells are cells; deeper tables are flattened into them */
    int table_depth;
    bool in_cell;
    bool cell_para;   /* the open cell has had a paragraph break since its last text */
    fg_str cell_text; /* every cell's text of the open table, one after another */
    fg_rd_cell *cells;
    size_t n_cells, cap_cells;
    fg_rd_row *rows;
    size_t n_rows, cap_rows;
    /* the tables written into out, as byte ranges [tables[2k], tables[2k + 1]): their rows
     * and cells are never joined as lines broken by the page width (fg_unwrap_text()) */
    size_t *tables;
    size_t n_tables, cap_tables; /* ranges; size_t elements allocated */
} fg_rd;

/* Append text to the open paragraph or cell. '\n' breaks the line (a paragraph break in a
 * cell); '\r', '\v' and '\f' count as '\n'; '\t' is kept in a paragraph and is a blank in a
 * cell. NUL bytes are dropped. Fails with FG_EFORMAT past FG_RD_MAX_TEXT. */
int fg_rd_text(fg_rd *rd, const char *s, size_t len);
/* End the open paragraph (in a cell: start a new paragraph of the cell). No blank lines. */
int fg_rd_break(fg_rd *rd);

/* Tables. A table opened inside a cell is flattened into that cell's text. */
int fg_rd_table_begin(fg_rd *rd);
int fg_rd_row_begin(fg_rd *rd);
/* span: columns covered (0 counts as 1); merged: the cell continues the one above it, whose
 * text it takes (any text of its own is dropped). */
int fg_rd_cell_begin(fg_rd *rd, unsigned span, bool merged);
int fg_rd_cell_end(fg_rd *rd);
int fg_rd_row_end(fg_rd *rd);
/* Write the table into the text (see the file comment) and close it. */
int fg_rd_table_end(fg_rd *rd);

/* Close what is open and hand over the text; rd is empty afterwards but for its tables. */
int fg_rd_finish(fg_rd *rd, fg_str *text);
void fg_rd_dispose(fg_rd *rd);

/* Whether the text holds at least one CJK ideograph (a reader's "no text" check). */
bool fg_rd_has_ideograph(const char *s, size_t len);

/*
 * Whether a cell's text opens with the number of a sub-measure: (a), （2）, ②, 2．, 2、, b.
 * (a sub-row of a merged 序号, which the table layout and the grammar read alike).
 */
bool fg_rd_sub_marker(const char *s, size_t len);

/* Lead marks by formatting (read_mark.c): the formatting a document declares to mark its
 * lead units (fg_clause__format_declaration()). */
#define FG_RD_MARK_BOLD FG_CLAUSE_FORMAT_BOLD
#define FG_RD_MARK_RED FG_CLAUSE_FORMAT_RED
/* Append s, text in the declared formatting, with ★ after every unit name in it: each piece
 * between separators (、，；：。brackets, blanks) that looks like a unit
 * (fg_clause__looks_like_unit(), not fg_clause__sentence_like(), not a label's word such as
 * 责任单位 or 牵头部门: fg_clause__label_word()). FG_OK or fg_rd_text()'s. */
int fg_rd_marked_text(fg_rd *rd, const char *s, size_t len);

/* Whether a colour is red as a lead mark's: red well above green and blue (0–255 each). */
bool fg_rd_red_rgb(unsigned r, unsigned g, unsigned b);
/* Whether a font's name is a heavy face (黑体, SimHei): 标黑体的为牵头单位. */
bool fg_rd_heavy_face(const char *name);

/* Text in the declared formatting, held back while a run of it lasts, so that a unit name cut
 * into several runs (<b>市</b><b>教育局</b>, two w:r) is marked whole. Zero-initialise;
 * fg_str_dispose(&held.buf) at the end. */
typedef struct fg_rd_held {
    fg_str buf;
    bool on; /* text goes to buf */
} fg_rd_held;
/* Write the text held (fg_rd_marked_text()) and hold no more: FG_OK or fg_rd_text()'s. */
int fg_rd_held_flush(fg_rd *rd, fg_rd_held *h);
/* Append text: to what is held while h->on, else to rd after what is held. */
int fg_rd_held_text(fg_rd *rd, fg_rd_held *h, const char *s, size_t len);

/* fg_rd_sniff(): a web page saved as one MIME file (.mhtml/.mht), read as HTML. */
#define FG_RD_MHTML 100

/* What the bytes are, by content: FG_FORMAT_*, FG_RD_MHTML, or FG_EFORMAT for a format
 * fengong does not read (an OpenDocument presentation or drawing, a ZIP that is no Office
 * document), with the
 * message set naming the file. An OLE2 compound file is FG_FORMAT_XLS when it holds a
 * workbook stream (.xls, .et), else FG_FORMAT_DOC: fg_read_doc() refuses one without a Word
 * document in it (.ppt). */
int fg_rd_sniff(const char *name, const unsigned char *bytes, size_t len);

/* The readers: each writes the document into rd. FG_OK, FG_EFORMAT (damaged, encrypted, no
 * text, too large: the message names the file), FG_ENOMEM. */
int fg_read_docx(fg_rd *rd, const unsigned char *bytes, size_t len);
int fg_read_pdf(fg_rd *rd, const unsigned char *bytes, size_t len);
int fg_read_html(fg_rd *rd, const unsigned char *bytes, size_t len);
/* An old binary Word document (read_doc.c): an OLE2 file with a WordDocument stream. */
int fg_read_doc(fg_rd *rd, const unsigned char *bytes, size_t len);
/* An Excel workbook (read_xlsx.c), XLSX or .xls: each visible sheet as a table. */
int fg_read_xlsx(fg_rd *rd, const unsigned char *bytes, size_t len);
/* An OFD document (read_ofd.c, GB/T 33190): its pages' text positions and ruling lines through
 * the PDF reader's layout. */
int fg_read_ofd(fg_rd *rd, const unsigned char *bytes, size_t len);
/* An RTF document (read_rtf.c): its body's paragraphs and tables, and its footnotes. */
int fg_read_rtf(fg_rd *rd, const unsigned char *bytes, size_t len);
/* An OpenDocument text or spreadsheet (read_odf.c): .odt, .ods, or a flat .fodt/.fods. */
int fg_read_odf(fg_rd *rd, const unsigned char *bytes, size_t len);
bool fg_rd_is_flat_odf(const unsigned char *bytes, size_t len);
/* A saved MIME web page: its first text/html part, unwrapped, through fg_read_html(). */
int fg_read_mhtml(fg_rd *rd, const unsigned char *bytes, size_t len);
bool fg_rd_is_mhtml(const unsigned char *bytes, size_t len);

#endif

/*
 * Internal to the PDF and OFD readers: a document as visual lines (read_pdf_lines.c builds
 * them from the character boxes that read_pdf.c has from poppler and read_ofd.c computes from
 * the OFD's text positions), which read_pdf_table.c writes into the text builder, tables
 * recovered from the columns the lines' segments fall into.
 */
#ifndef FG_SRC_READ_PDF_INT_H
#define FG_SRC_READ_PDF_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reader.h"
#include "str.h"

/* A run of characters of a line with no gap of 0.4 em (GAP_SOFT) or more in it. Its own top and
 * bottom: a line may gather characters a little above or below each other (a cell's text
 * centred in its row beside a cell of two lines). */
typedef struct fg_pdf_seg {
    double x0, x1, y0, y1;
    size_t off, len; /* text in the pool */
    bool soft;       /* less than 0.8 em (GAP_SEG) after the segment before it */
    /* A segment that starts with a number of 1 to 4 digits and then a blank's gap before
     * other text (1 完成…: a right-aligned 序号 close to the next cell's text): the number's
     * length and right edge, and where the rest starts (in the pool, from off, and on the
     * page). head_len is 0 for any other segment. */
    size_t head_len, rest_skip;
    double head_x1, rest_x0;
} fg_pdf_seg;

/* A visual line: characters sharing a vertical band, left to right. Coordinates are points
 * from the page's top left corner. */
typedef struct fg_pdf_line {
    double x0, x1, y0, y1;
    double em;           /* the font size, from the widths of the ideographs */
    size_t off, len;     /* text in the pool, segments joined by blanks */
    size_t seg0, n_seg;  /* segs[seg0 .. seg0 + n_seg) */
    size_t n_hard;       /* the segments that are not soft */
    size_t page;
    bool cand;           /* in the top or bottom band of its page: maybe furniture */
    bool drop;           /* page furniture: not written */
    /* broken by the width of the text block: the next line written goes on it (fg_pdf_wraps());
     * 2 when a blank goes between them (a Latin word broken at a blank, two units at theirs),
     * 3 a U+3000 (the next line indented by one em: a blank the break put at its start),
     * else 1; 0 no */
    unsigned char wraps;
} fg_pdf_line;

/* A character's box on its page, in points from the page's top left corner (blanks are not
 * characters: the gaps between boxes make the blanks). */
typedef struct fg_pdf_glyph {
    double x0, y0, x1, y1;
    const char *s; /* its UTF-8, borrowed until fg_pdf_page_lines() returns */
    unsigned len;
    bool ideo;     /* a CJK ideograph (U+3400..U+9FFF, U+F900..U+FAFF) */
} fg_pdf_glyph;

/* A horizontal rule found by fg_pdf_rules(): where it is drawn and the columns it crosses. */
typedef struct fg_pdf_hrule {
    double y;
    uint64_t cols; /* bit c: column c */
} fg_pdf_hrule;

typedef struct fg_pdf_doc fg_pdf_doc;

struct fg_pdf_doc {
    fg_str pool;         /* every line's text */
    fg_pdf_seg *segs;
    size_t n_segs, cap_segs;
    fg_pdf_line *lines;  /* page by page, top to bottom */
    size_t n_lines, cap_lines;
    size_t n_pages;
    size_t n_glyphs;     /* characters other than blanks */
    /* for fg_pdf_rule(): the PopplerDocument (borrowed) and the last page it rendered; or,
     * when render is set, the function that draws a page into bitmap (bitmap_w, bitmap_h and
     * bitmap_page set; 0, or -1 when it cannot), with render_ctx for it */
    void *pdf;
    int (*render)(fg_pdf_doc *d, size_t page);
    void *render_ctx;
    size_t bitmap_page;
    unsigned char *bitmap; /* owned; 8-bit luminance, one pixel a point */
    int bitmap_w, bitmap_h;
    fg_pdf_hrule *hrules;  /* owned; the last answer of fg_pdf_rules() */
    size_t n_hrules, cap_hrules;
};

/* The visual lines of page pno from its characters g[0..n) (reordered), appended to d (see
 * read_pdf.c's comment); name for messages. FG_OK, FG_ENOMEM, FG_EFORMAT (the text is larger
 * than FG_RD_MAX_TEXT). */
int fg_pdf_page_lines(fg_pdf_doc *d, fg_pdf_glyph *g, size_t n, size_t pno, const char *name);

/* Mark page numbers and running headers and footers among d's lines as dropped; heights[p] is
 * page p's height in points. FG_OK or FG_ENOMEM. */
int fg_pdf_furniture(fg_pdf_doc *d, const double *heights);

/*
 * Mark the lines that the width of the text block broke (fg_pdf_line.wraps), after
 * fg_pdf_furniture(): a line that reaches the right edge of the text block (and starts no
 * further right than a paragraph's indent of 2 em: a line aligned under a label, as a
 * roster's, is no paragraph's), the next line
 * written (on the same page at the page's line spacing, or the first of the next page)
 * starting at the left edge (or a blank's width or one em right of it: a blank that the
 * break put first), in the same font size, and going on the line (fg_unwrap_joins(): no
 * numbering marker, bullet or role label opens it). The text block's left edge is the
 * leftmost line of its page; its width is the document's widest line of fewer than 3
 * segments, not a table's, where a line that ends in closing punctuation counts without it
 * (it may hang past the edge); so mirrored margins are measured page by page. A line reaches
 * the right edge when it ends less than 0.97 em short of it: a line filled to the edge by a
 * blank, which is not drawn, does not. The line is joined with a blank (wraps 2) when the
 * next starts a blank's width or more right of the edge, when two Latin words meet across
 * the break, or when it falls between two whole unit names (fg_unwrap_units_between():
 * 省公安厅 | 省商务厅, the blank between them undrawn at the line's end). Tables are written
 * by their builder, which ignores the mark. FG_OK or FG_ENOMEM. O(lines).
 */
int fg_pdf_wraps(fg_pdf_doc *d);

/* Free what d owns (not the PopplerDocument). */
void fg_pdf_doc_dispose(fg_pdf_doc *d);

/* Whether a horizontal rule crosses the page between y0 and y1 over most of x0..x1 (points
 * from the top left): 1 yes, 0 no, -1 cannot tell (the page cannot be rendered). The page is
 * rendered (once, kept until another page is asked about) to look. */
int fg_pdf_rule(fg_pdf_doc *d, size_t page, double x0, double x1, double y0, double y1);

/* Whether a vertical rule is drawn between x0 and x1 over nine tenths of y0..y1 (points from
 * the top left): 1 yes, 0 no, -1 cannot tell (the page cannot be rendered). */
int fg_pdf_vrule(fg_pdf_doc *d, size_t page, double x0, double x1, double y0, double y1);

/*
 * The horizontal rules drawn on a page between y0 and y1 across the columns x[c][0]..x[c][1]
 * (at most 64; points from the top left), top to bottom, into d->hrules. A rule crosses a
 * column when a row of pixels is dark over nine tenths of the column and just beyond both
 * its ends, and darker than the rows three points above or below it (so that a cell shaded
 * grey is not a rule, but its edges are); the rows of one rule (a thick or blurred line) are
 * one rule. *seen is false when the page cannot be rendered (then no rules). FG_OK or
 * FG_ENOMEM.
 */
int fg_pdf_rules(bool *seen, fg_pdf_doc *d, size_t page, const double (*x)[2], size_t n_cols,
                 double y0, double y1);

/* Write the lines that are not dropped into rd: tables as tables, the rest as lines. */
int fg_pdf_write(fg_rd *rd, fg_pdf_doc *d);

#endif

/*
 * Internal: what the files of the DOCX reader share (read_docx_zip.c opens the package and
 * parses its parts, read_docx.c walks the document, read_docx_num.c and read_docx_fmt.c render
 * Word's automatic numbering), and what tests/test_read_docx.c checks.
 */
#ifndef FG_SRC_READ_DOCX_INT_H
#define FG_SRC_READ_DOCX_INT_H

#include <stdbool.h>

#include <libxml/tree.h>
#include <zip.h>

#include "str.h"

/* ---- the package (read_docx_zip.c) ---- */

/* A Word document's ZIP, read from memory; the bytes inflated so far count against
 * FG_RD_MAX_INFLATE. */
typedef struct fg_docx_pkg {
    const char *name; /* the file, for messages */
    const char *kind; /* what it is, for messages: "Word document" (fg_docx__open()) */
    zip_t *za;
    zip_uint64_t inflated; /* bytes inflated so far, all parts */
} fg_docx_pkg;

/* FG_EFORMAT with the message "NAME: not a readable Word document: " and the reason. */
int fg_docx__bad(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* FG_EFORMAT with the message "NAME: not a readable KIND: " (the package's) and the reason. */
int fg_docx__pkg_bad(const fg_docx_pkg *pkg, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Parse the XML of buf (named part in messages) as fg_docx__load_part() parses a part: no
 * DTD, no entities, no network; a DOCTYPE is refused. *out is the caller's (xmlFreeDoc). */
int fg_docx__parse(const fg_docx_pkg *pkg, const char *part, const fg_str *buf, xmlDoc **out);
/* Open the ZIP of bytes (borrowed: they must outlive the package). FG_OK, FG_EFORMAT
 * (damaged or truncated), FG_ENOMEM. Close with fg_docx__close() in any case. */
int fg_docx__open(fg_docx_pkg *pkg, const char *name, const unsigned char *bytes, size_t len);
/* fg_docx__open() for another kind of Office package ("Excel workbook"): messages say
 * "NAME: not a readable KIND: …" (kind is borrowed). */
int fg_docx__open_kind(fg_docx_pkg *pkg, const char *name, const char *kind,
                       const unsigned char *bytes, size_t len);
void fg_docx__close(fg_docx_pkg *pkg);
/* Read and parse the part (name compared without case, as OPC names are); *out is NULL when
 * there is no such part, else the caller's (xmlFreeDoc). Refuses a part that would inflate
 * past the limits, or past its declared size, or a DOCTYPE; FG_EFORMAT, FG_ENOMEM. */
int fg_docx__load_part(fg_docx_pkg *pkg, const char *part, xmlDoc **out);
/* The part a relationship target (or an OFD's BaseLoc) names, from the folder dir of the part
 * that names it (dir ends in '/' or is empty): "/x" from the root, "a/../b" resolved; into out
 * (cap bytes). 0, or -1 when it does not fit or names nothing. */
int fg_docx__resolve(char *out, size_t cap, const char *dir, const char *target);
/* The target of the first relationship of rels (NULL: none) whose type ends in type_tail,
 * resolved from dir (the source part's folder, with its '/'), into out; else fallback. */
void fg_docx__rel_target(char *out, size_t cap, const xmlDoc *rels, const char *dir,
                         const char *type_tail, const char *fallback);
/* The target of the relationship of rels with Id id, resolved from dir, into out: true;
 * false when there is none (or it is external, or does not resolve). */
bool fg_docx__rel_target_id(char *out, size_t cap, const xmlDoc *rels, const char *dir,
                            const char *id);

/* ---- lead marks by formatting in an XML tree (read_mark.c; read_docx.c, read_odf.c) ---- */

/* A reader's view of its tree for the lead-mark rule of reader.h: which elements are table
 * cells and tables, and whether the text under an element holds ideographs in the declared
 * formatting (*marked) and outside it (*plain). */
typedef struct fg_mark_tree {
    const void *reader;
    bool (*is_cell)(const xmlNode *n);
    bool (*is_table)(const xmlNode *n);
    void (*fmt_of)(const void *reader, const xmlNode *n, bool *marked, bool *plain);
} fg_mark_tree;

/* Whether a cell or paragraph mixes text in the declared formatting with other text: there
 * the formatting is a lead mark (a heading or a paragraph all bold is not). */
bool fg_mark_mixed(const fg_mark_tree *t, const xmlNode *n);
/* Whether a cell of the table n (not of the tables in its cells; depth levels deep at most)
 * is fg_mark_mixed(): then a cell of it all in the declared formatting, in a row with plain
 * text, is a lead's too (a task with one unit, its lead). */
bool fg_mark_any_mixed_cell(const fg_mark_tree *t, const xmlNode *n, int depth);

/* ---- element access (read_docx_num.c) ---- */

/* WordprocessingML element access, for elements in the w: namespace (transitional or strict). */
bool fg_docx__is(const xmlNode *n, const char *local);
/* The first child element w:LOCAL of n, or NULL. */
xmlNode *fg_docx__child(const xmlNode *n, const char *local);
/* The value of the attribute LOCAL (w: or no namespace) of n, or NULL; owned by the tree. */
const char *fg_docx__attr(const xmlNode *n, const char *local);
/* The w:val of the child w:LOCAL of n, or NULL (no such child or no w:val). */
const char *fg_docx__child_val(const xmlNode *n, const char *local);

/* ---- number formats (read_docx_fmt.c) ---- */

/* Number formats (w:numFmt), as fg_docx__numfmt() maps the names. */
typedef enum fg_docx_fmt {
    FG_DOCX_DECIMAL,
    FG_DOCX_DECIMAL_ZERO, /* 01, 02 … */
    FG_DOCX_UPPER_LETTER, /* A … Z, AA, BB … */
    FG_DOCX_LOWER_LETTER,
    FG_DOCX_UPPER_ROMAN,
    FG_DOCX_LOWER_ROMAN,
    FG_DOCX_CHINESE_COUNTING, /* 一 … 十 十一 … 二十 … 一百 一百零一 … 一万 */
    FG_DOCX_CHINESE_LEGAL,    /* 壹 … 壹拾 壹拾壹 … */
    FG_DOCX_LEGAL_TRADITIONAL, /* 壹 … 壹拾 with traditional 貳 參 陸 */
    FG_DOCX_IDEO_TRADITIONAL,  /* 甲 乙 丙 … 癸, then decimal */
    FG_DOCX_IDEO_ZODIAC,       /* 子 丑 寅 … 亥, then decimal */
    FG_DOCX_IDEO_DIGITAL,      /* digit by digit: 一〇 */
    FG_DOCX_ENCLOSED_CIRCLE,   /* ① … ⑳, then decimal */
    FG_DOCX_ENCLOSED_PAREN,    /* ⑴ … ⒇, then decimal */
    FG_DOCX_ENCLOSED_FULLSTOP, /* ⒈ … ⒛, then decimal */
    FG_DOCX_DECIMAL_FULLWIDTH, /* １２ */
    FG_DOCX_NONE,              /* no number */
    FG_DOCX_BULLET             /* a bullet: no number in the text */
} fg_docx_fmt;

/* The format of a w:numFmt name; unknown names are decimal. */
fg_docx_fmt fg_docx__numfmt(const char *name);
/* Append n written in format fmt (a number below 1 or too large for the format is decimal;
 * NONE and BULLET append nothing). FG_OK or FG_ENOMEM. */
int fg_docx__format(fg_str *out, fg_docx_fmt fmt, long n);

/* ---- numbering (read_docx_num.c) ---- */

/*
 * The numbering of a document: word/numbering.xml (abstract definitions, instances with their
 * overrides) and the paragraph styles of word/styles.xml that carry numbering, with the
 * counters of the paragraphs numbered so far. Counters are kept per (abstract definition,
 * level), as Word keeps them: instances of one definition continue each other's numbers; an
 * instance with w:startOverride restarts the level at its first paragraph.
 */
typedef struct fg_docx_num fg_docx_num;

/* Load the numbering; numbering and styles may each be NULL (no such part). *out is the
 * caller's, freed with fg_docx__num_free(). FG_OK or FG_ENOMEM. */
int fg_docx__num_load(fg_docx_num **out, const xmlDoc *numbering, const xmlDoc *styles);
void fg_docx__num_free(fg_docx_num *nm);

/*
 * Number the next paragraph and append its number as printed (the level's w:lvlText with
 * %1…%9 replaced, then a blank for a tab or space suffix unless the number ends in full-width
 * punctuation) to out; nothing when the paragraph is not numbered or its level has no number
 * (w:numFmt none or bullet). style: the paragraph's w:pStyle or NULL; num_id and ilvl: its
 * own w:numPr values or -1 when absent (the style fills in what is absent).
 */
int fg_docx__num_para(fg_docx_num *nm, fg_str *out, const char *style, long num_id, long ilvl);

/*
 * Whether the last character of s is full-width punctuation (、 ） ．: CJK symbols and
 * punctuation U+3000–U+303F, full-width forms U+FF00–U+FF65 but digits and letters): a
 * number that ends in one takes no blank after it (Word's and the .doc reader's lists).
 */
bool fg_docx__ends_fullwidth_punct(const fg_str *s);

/* The levels of a Word list (w:ilvl 0 to 8; a .doc's LVL array). */
#define FG_DOCX_LEVELS 9

/*
 * Count a paragraph at level l of a list (Word's and the .doc reader's): the first paragraph
 * of a list override (*started false) restarts the levels it gives a start (has_start); then
 * level l goes on from count[l], or starts at start when it has numbered nothing since it
 * (re)started (has[l] false). Arrays of FG_DOCX_LEVELS.
 */
void fg_docx__count_level(bool *started, const bool *has_start, bool *has, long *count, int l,
                          long start);

#endif

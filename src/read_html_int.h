/* Internal: what the files of the HTML reader share (read_html.c, read_html_enc.c,
 * read_html_write.c). */
#ifndef FG_SRC_READ_HTML_INT_H
#define FG_SRC_READ_HTML_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "reader.h"
#include "str.h"

/*
 * The page's bytes as clean UTF-8 in out (cleared first), for libxml2 to parse with its
 * encoding fixed to UTF-8. The encoding is, in this order: a BOM; a <meta charset> /
 * <meta http-equiv content="…; charset=…"> / <?xml encoding=…?> in the first 8 KB (gb2312,
 * gbk and their aliases read as GB18030, their superset); UTF-8. Two corrections for pages
 * saved again by an editor without their meta being changed: bytes that are valid UTF-8 with
 * some non-ASCII text are read as UTF-8 whatever a Chinese or Western meta says, and bytes
 * that are not valid UTF-8 but are valid GB18030 are read as GB18030 when the meta says UTF-8
 * or nothing. Bytes invalid in the chosen encoding become U+FFFD; NUL and the C0 controls
 * other than tab and line ends become blanks; CR LF and CR become LF.
 * FG_OK, FG_EFORMAT (larger than libxml2 reads: the message names the file), FG_ENOMEM.
 */
int fg_read_html__utf8(fg_str *out, const char *name, const unsigned char *b, size_t len);

/* What an element is to the reader (read_html.c has the table of tags). */
typedef enum fg_html_kind {
    FG_HK_INLINE,  /* joins its text to the line (also any element not in the table) */
    FG_HK_DROP,    /* not text of the page: script, style, head, form controls, nav, footer… */
    FG_HK_BLOCK,   /* ends the line before and after it */
    FG_HK_BR,
    FG_HK_A,
    FG_HK_HEAD,    /* h1-h6 */
    FG_HK_PRE,     /* white space kept */
    FG_HK_TABLE,
    FG_HK_GROUP,   /* thead, tbody, tfoot */
    FG_HK_TR,
    FG_HK_CELL,    /* td, th */
    FG_HK_CAPTION
} fg_html_kind;

/* What the measuring walk learnt of an element; the element's _private holds its index + 1
 * in fg_html_measure.arr. */
typedef struct fg_html_info {
    uint32_t nl, lk;     /* CJK ideographs of its text outside links and inside them */
    uint32_t n_links;    /* links with text, itself included */
    uint32_t n_blocks;   /* block elements and <br> within */
    uint32_t n_tables;   /* tables within */
    uint32_t n_heads;    /* headings within */
    uint32_t sig_nl;     /* ideographs (+ 1) of the text nodes within that carry a site
                          * footer's mark (ICP备, 网站标识码, 公网安备) */
    unsigned char kind;  /* fg_html_kind */
    bool box;            /* a container the content block may be */
    bool dropped;        /* skipped with all it holds (counts stay 0) */
    bool data;           /* a table: a data table (else layout) */
} fg_html_info;

typedef struct fg_html_measure {
    fg_html_info *arr;
    size_t n, cap;
    unsigned links; /* <a> elements open during the walk */
} fg_html_measure;

/* The info of an element, NULL for other nodes and elements the walk did not reach. */
static inline fg_html_info *fg_html_info_of(const fg_html_measure *m, const xmlNode *n)
{
    uintptr_t i = (uintptr_t)n->_private;

    if (n->type != XML_ELEMENT_NODE || i == 0 || i > m->n)
        return NULL;
    return &m->arr[i - 1];
}

/* Walk the subtree of root without recursion: enter() sets *down to go into a node, and then
 * leave() is called after its children. The first failure stops the walk and is returned. */
typedef int (*fg_html_enter_fn)(void *ctx, xmlNode *n, bool *down);
typedef int (*fg_html_leave_fn)(void *ctx, xmlNode *n);
int fg_read_html__walk(xmlNode *root, fg_html_enter_fn enter, fg_html_leave_fn leave, void *ctx);

/* The value of attribute name of n, "" for one without a value, NULL when n has none. */
const char *fg_read_html__attr(const xmlNode *n, const char *name);

/* An element mostly of links (two or more, at least as much link text as other text) whose
 * own text is little beside the block's block_nl: share buttons, breadcrumbs, link lists. */
bool fg_read_html__link_dense(const fg_html_info *in, uint32_t block_nl);

/* A container of the page's furniture: a site footer, whose text is little beside its lines
 * with a footer's mark (the ICP licence number, site code or public-security filing). */
bool fg_read_html__footer(const fg_html_info *in);

/*
 * Write the title element (NULL: none) as a line, then the block, into rd
 * (read_html_write.c); the title is taken back out when the block starts with its text.
 */
int fg_read_html__write(fg_rd *rd, const fg_html_measure *m, xmlNode *title, xmlNode *block);

#endif

/*
 * Lines broken by the page width (unwrap.c): whether a line that a PDF (or text copied out
 * of one) broke at the right edge of its text block goes on in the next line, for the PDF
 * and OFD readers (read_pdf_table.c, which know the lines' extents) and for plain text
 * (fg_unwrap_text(), by the lines' display widths).
 */
#ifndef FG_SRC_UNWRAP_H
#define FG_SRC_UNWRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "str.h"

/*
 * Whether a line that reaches the right edge of the text block, prev[0..prev_len) (its
 * trailing blanks removed), goes on in the line after it, next[0..next_len) (its leading
 * blanks removed), which starts at the left edge. Not when next is empty or starts a new
 * item: a numbering marker (一、 （一） 1. 1.1 （1） ① 第X条 一是 附件 A. II、), a bullet
 * (◆ ● ★ -), a role label (牵头单位： 组　长：), or a card's or a record's label, a wide gap
 * or a colon (办结时限　　…, 序号：1) under a line that opens so too. After an opening bracket
 * or quote it goes on whatever next looks like (（|6）…). After a sentence's end (。！？；：,
 * a closing quote or bracket after it) the line goes on only when next_full, next reaching
 * the right edge too: a paragraph of run-on sentences goes on over whole lines, while a
 * short line after a sentence that happens to fill its line is something else (a table's
 * next cell written as a line, a heading under 下设以下工作组：, a paragraph whose indent was
 * lost). O(1): looks at the first few characters of next and of prev and at prev's last.
 */
bool fg_unwrap_joins(const char *prev, size_t prev_len, const char *next, size_t next_len,
                     bool next_full);

/*
 * Whether two pieces of text joined where a line was broken need a blank between them: an
 * ASCII letter or digit at both ends (a Latin word broken at a blank).
 */
bool fg_unwrap_blank_between(const char *prev, size_t prev_len, const char *next,
                             size_t next_len);

/*
 * Whether a line broken between prev[0..prev_len) and next[0..next_len) was broken between
 * two whole unit names: the last piece of prev (after its last 、，；：。 blank or bracket)
 * and the first piece of next (up to its first) each open with a level (省 市 县 区 州 镇 乡
 * 各 中共 国家 …), look like units (fg_clause__looks_like_unit()) and have 3 ideographs or
 * more: 省公安厅 | 省商务厅. Not a name broken inside (省人力社|保厅, 市市场|监管局), nor a
 * unit and its part (县公安局|交通警察大队, 省人民政府|各部门: the second
 * piece opens with no 各). Such a break fell on the blank between the two
 * units, which a PDF does not draw at a line's end: the join keeps a blank. (The gap at the
 * line's end says nothing: a line with an odd count of narrow digits ends half an em short,
 * as much as one whose last blank was not drawn.)
 */
bool fg_unwrap_units_between(const char *prev, size_t prev_len, const char *next,
                             size_t next_len);

/*
 * Plain text copied out of a PDF keeps the lines the PDF broke at its width. When s[0..len)
 * is such a text (hard-wrapped: at least 3 lines of one display width W, counting a CJK
 * character as 2 columns, W at least 30 and the widest line but for hanging closing
 * punctuation, more lines of W than a little short of it), each line of width W - 1 or more
 * whose next line goes on it (fg_unwrap_joins(), the next line not indented) is joined to
 * it: out receives the text with those line breaks removed, and (*joins)[0..*n_joins) the
 * offsets in out where a break was removed, ascending (malloc'd, the caller's to free).
 * Otherwise out is left empty, *joins NULL and *n_joins 0. keep[0..2 * n_keep) are byte
 * ranges of s, [keep[2k], keep[2k + 1]) ascending, whose lines are left as they are and not
 * measured (a document's tables, whose rows and cells are never joined: fg_rd.tables); NULL
 * when n_keep is 0. paragraphs: each line of s is a paragraph of a document (a Word
 * document's, a page's), whose indent is its formatting, the same for a paragraph's first
 * line and for the rest of a hard-wrapped one pasted line by line: a line is measured without
 * its leading blanks, and its indent neither stops a join nor is kept when it is joined
 * (in plain text an indent starts a paragraph, but for one blank that a break put there).
 * O(len + n_keep). FG_OK or FG_ENOMEM.
 */
int fg_unwrap_text(fg_str *out, size_t **joins, size_t *n_joins, const char *s, size_t len,
                   const size_t *keep, size_t n_keep, bool paragraphs);

#endif

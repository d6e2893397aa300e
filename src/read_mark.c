/*
 * Lead marks by formatting (reader.h): a document may mark its lead units by bold or red
 * type instead of words, and say so in a note (（注：加粗的为牵头单位）, 标黑体的为牵头单位,
 * 红色字体为牵头单位). Text and PDF lose the formatting; the Word and HTML readers see it and
 * write the sign the clause grammar reads as a lead mark (市大数据局★) after each unit name
 * so formatted.
 */
#include "reader.h"

#include <stdint.h>
#include <string.h>

#include "clause.h"
#include "error.h"
#include "read_docx_int.h"

/* The byte length of a separator between names at s[i], or 0. */
static size_t separator(const char *s, size_t len, size_t i)
{
    static const char *const wide[] = {"、", "，", "；", "：", "。", "（", "）", "　"};
    unsigned char c = (unsigned char)s[i];

    if (c < 0x80)
        return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == ' ' ||
               c == '\t' || c == '\n' || c == '.';
    for (size_t k = 0; k < sizeof wide / sizeof *wide; k++)
        if (i + 3 <= len && memcmp(s + i, wide[k], 3) == 0)
            return 3;
    return 0;
}

/* Whether a piece is a label's word (责任单位, 牵头部门, 配合单位): bold labels are no units. */
static bool role_label(fg_strview piece)
{
    fg_label_role r = fg_clause__label_word(NULL, piece);

    return r == FG_LABEL_LEAD || r == FG_LABEL_CO || r == FG_LABEL_RESP;
}

int fg_rd_marked_text(fg_rd *rd, const char *s, size_t len)
{
    size_t i = 0;
    int rc = FG_OK;

    while (i < len) {
        size_t a = i;
        size_t n;

        while (i < len && separator(s, len, i) == 0)
            i++;
        if (i > a) {
            fg_strview piece = fg_sv(s + a, i - a);

            FG_TRY(fg_rd_text(rd, s + a, i - a));
            if (fg_clause__looks_like_unit(piece) && !fg_clause__sentence_like(piece) &&
                !role_label(piece))
                FG_TRY(fg_rd_text(rd, "★", strlen("★")));
        }
        while (i < len && (n = separator(s, len, i)) > 0) {
            FG_TRY(fg_rd_text(rd, s + i, n));
            i += n;
        }
    }
out:
    return rc;
}

int fg_rd_held_flush(fg_rd *rd, fg_rd_held *h)
{
    int rc = FG_OK;

    h->on = false;
    if (h->buf.len > 0) {
        rc = fg_rd_marked_text(rd, h->buf.ptr, h->buf.len);
        fg_str_clear(&h->buf);
    }
    return rc;
}

int fg_rd_held_text(fg_rd *rd, fg_rd_held *h, const char *s, size_t len)
{
    int rc = FG_OK;

    if (h->on)
        return fg_str_append(&h->buf, s, len);
    FG_TRY(fg_rd_held_flush(rd, h));
    rc = fg_rd_text(rd, s, len);
out:
    return rc;
}

bool fg_mark_mixed(const fg_mark_tree *t, const xmlNode *n)
{
    bool marked;
    bool plain;

    t->fmt_of(t->reader, n, &marked, &plain);
    return marked && plain;
}

bool fg_mark_any_mixed_cell(const fg_mark_tree *t, const xmlNode *n, int depth)
{
    if (depth < 0)
        return false;
    for (const xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || t->is_table(c))
            continue;
        if (t->is_cell(c) ? fg_mark_mixed(t, c) : fg_mark_any_mixed_cell(t, c, depth - 1))
            return true;
    }
    return false;
}

bool fg_rd_red_rgb(unsigned r, unsigned g, unsigned b)
{
    return r >= 0x99 && g <= 0x66 && b <= 0x66;
}

bool fg_rd_heavy_face(const char *name)
{
    return strstr(name, "黑体") != NULL || strstr(name, "SimHei") != NULL;
}

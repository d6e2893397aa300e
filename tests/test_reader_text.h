/*
 * Shared by the readers' cmocka tests: the text a reader of reader.h makes of a document, as
 * the builder hands it over. Header-only; include it after <cmocka.h> and "reader.h".
 */
#ifndef FG_TEST_READER_TEXT_H
#define FG_TEST_READER_TEXT_H

#include <string.h>

/* The builder's text of the document doc (len bytes, named name in messages) read by read, in
 * a static buffer (4 KB), or NULL when the reader refused it (the message is set). */
static inline const char *fg_reader_text(int (*read)(fg_rd *, const unsigned char *, size_t),
                                         const char *name, const char *doc, size_t len)
{
    static char buf[4096];
    fg_rd rd = {0};
    fg_str text = FG_STR_INIT;
    int rc;

    rd.name = name;
    rc = read(&rd, (const unsigned char *)doc, len);
    if (rc == FG_OK)
        rc = fg_rd_finish(&rd, &text);
    fg_rd_dispose(&rd);
    if (rc != FG_OK) {
        fg_str_dispose(&text);
        return NULL;
    }
    assert_true(text.len < sizeof buf);
    memcpy(buf, text.ptr, text.len);
    buf[text.len] = '\0';
    fg_str_dispose(&text);
    return buf;
}

#endif

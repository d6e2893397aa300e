/*
 * Internal: OLE2 compound files (old Office: .doc, .xls, .et, .wps), opened by libgsf, which
 * is loaded by dlopen() when the first such file is read (as poppler-glib is, pdf_api.h:
 * GLib and GObject at every start of fengong would cost each run what they cost a PDF's).
 * read_doc.c reads the Word streams, read_xls.c the workbook stream.
 */
#ifndef FG_SRC_OLE_H
#define FG_SRC_OLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct fg_ole fg_ole;

/* Whether bytes[0..len) start as an OLE2 compound file does (its 8-byte signature). */
static inline bool fg_ole_signed(const void *bytes, size_t len)
{
    return len >= 8 && memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

/* Little-endian 16- and 32-bit values of the streams' structures (FIB, BIFF records). */
static inline uint32_t fg_le16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static inline uint32_t fg_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * Open the compound file in bytes[0..len) (borrowed: they must outlive it). name names it in
 * messages. FG_OK, FG_EFORMAT (libgsf cannot be loaded, or the file is damaged), FG_ENOMEM.
 * *out is NULL on failure, else closed with fg_ole_close().
 */
int fg_ole_open(fg_ole **out, const char *name, const unsigned char *bytes, size_t len);
void fg_ole_close(fg_ole *o); /* NULL-safe */

/* Whether the file has a stream child at its top. */
bool fg_ole_has(fg_ole *o, const char *child);

/*
 * Read stream child into *out (malloc'ed, the caller's, one NUL byte after its *len bytes).
 * kind names the document in messages ("NAME: not a readable KIND: …"). FG_OK, 1 when there
 * is no such stream (*out NULL), FG_EFORMAT (larger than the file, damaged), FG_ENOMEM.
 */
int fg_ole_stream(fg_ole *o, const char *child, const char *kind, unsigned char **out,
                  size_t *len);

/* What an OLE2 file in bytes holds, by its streams: FG_FORMAT_XLS for a workbook (a Workbook
 * or Book stream and no WordDocument), else FG_FORMAT_DOC (also when it cannot be opened:
 * fg_read_doc() says why). */
int fg_ole_format(const unsigned char *bytes, size_t len);

#endif

/*
 * Unit tests for src/read_doc.c on a Word 97-2003 file built here, byte by byte, in an OLE2
 * container that libgsf writes: what tests/doc.sh's files (saved by LibreOffice) never hold,
 * a compressed piece (one byte a character, Windows-1252) beside a UTF-16 one, a field, a
 * line break (\v) and text after ccpText (the notes' part), which is not the main text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>

#include "fengong/error.h"
#include "reader.h"
#include "test_util.h"

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xFFFF);
    put16(p + 2, v >> 16);
}

static void add_stream(GsfOutfile *ole, const char *name, const unsigned char *p, size_t n)
{
    GsfOutput *out = gsf_outfile_new_child(ole, name, FALSE);

    assert_non_null(out);
    assert_true(gsf_output_write(out, n, p));
    assert_true(gsf_output_close(out));
    g_object_unref(out);
}

/* The OLE2 file of a WordDocument stream wd and a table stream 0Table tb, in *out. */
static void make_ole(const unsigned char *wd, size_t n_wd, const unsigned char *tb, size_t n_tb,
                     unsigned char **out, size_t *len)
{
    GsfOutput *mem = gsf_output_memory_new();
    GsfOutfile *ole = gsf_outfile_msole_new(mem);

    assert_non_null(ole);
    add_stream(ole, "WordDocument", wd, n_wd);
    add_stream(ole, "0Table", tb, n_tb);
    assert_true(gsf_output_close(GSF_OUTPUT(ole)));
    g_object_unref(ole);
    *len = (size_t)gsf_output_size(mem);
    *out = malloc(*len);
    assert_non_null(*out);
    memcpy(*out, gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(mem)), *len);
    g_object_unref(mem);
}

/*
 * Pieces: [0, 15) compressed at byte 1024: “A” (0x93 0x94 in Windows-1252), \v, a field
 * whose code is PAGE and whose result is 3, then \r; [15, 22) UTF-16 at byte 2048: 一、任务
 * and \r, then X\r, which lies after ccpText = 20: the notes' part, not the main text.
 */
static void build(unsigned char *wd, size_t n_wd, unsigned char *tb, size_t *n_tb)
{
    static const char comp[] = "\x93" "A\x94\x0b\x13 PAGE \x14" "3\x15\r";
    static const uint16_t wide[] = {0x4E00, 0x3001, 0x4EFB, 0x52A1, 0x0D, 'X', 0x0D};
    const size_t n_comp = sizeof comp - 1, n_wide = sizeof wide / sizeof *wide;
    size_t at = 154; /* fibRgFcLcb */

    memset(wd, 0, n_wd);
    put16(wd, 0xA5EC);      /* wIdent */
    put16(wd + 2, 0x00C1);  /* nFib: Word 97 */
    put16(wd + 0x0A, 0);    /* flags: 0Table, not complex, not encrypted */
    put16(wd + 32, 14);     /* csw */
    put16(wd + 62, 22);     /* cslw */
    put32(wd + 64 + 12, (uint32_t)n_comp + 5); /* ccpText */
    put16(wd + 152, 93);    /* cbRgFcLcb */
    memcpy(wd + 1024, comp, n_comp);
    for (size_t i = 0; i < n_wide; i++)
        put16(wd + 2048 + 2 * i, wide[i]);
    /* Clx: one Pcdt of 3 CPs and 2 PCDs */
    tb[0] = 2;
    put32(tb + 1, 4 * 3 + 8 * 2);
    put32(tb + 5, 0);
    put32(tb + 9, (uint32_t)n_comp);
    put32(tb + 13, (uint32_t)(n_comp + n_wide));
    memset(tb + 17, 0, 16);
    put32(tb + 17 + 2, (1024u * 2) | 0x40000000u); /* compressed: fc is twice the offset */
    put32(tb + 25 + 2, 2048u);
    *n_tb = 33;
    put32(wd + at + 8 * 33, 0);         /* fcClx */
    put32(wd + at + 8 * 33 + 4, 33);    /* lcbClx */
}

static void test_read_doc__pieces(void **state)
{
    unsigned char wd[4096], tb[64], *file;
    size_t n_tb, len;
    fg_rd rd = {0};
    fg_str text = FG_STR_INIT;

    (void)state;
    build(wd, sizeof wd, tb, &n_tb);
    make_ole(wd, sizeof wd, tb, n_tb, &file, &len);
    rd.name = "x.doc";
    assert_int_equal(fg_read_doc(&rd, file, len), FG_OK);
    assert_int_equal(fg_rd_finish(&rd, &text), FG_OK);
    assert_string_equal(text.ptr, "\xE2\x80\x9C" "A\xE2\x80\x9D\n3\n一、任务\n");
    fg_str_dispose(&text);
    fg_rd_dispose(&rd);

    /* a piece that runs past the stream is refused, naming the file */
    build(wd, sizeof wd, tb, &n_tb);
    put32(tb + 25 + 2, 4090u);
    free(file);
    make_ole(wd, sizeof wd, tb, n_tb, &file, &len);
    rd = (fg_rd){.name = "x.doc"};
    assert_int_equal(fg_read_doc(&rd, file, len), FG_EFORMAT);
    assert_non_null(strstr(fg_error_last()->message, "x.doc: not a readable Word document"));
    fg_rd_dispose(&rd);
    free(file);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_doc__pieces),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests for src/text.c: encoding detection (UTF-8, BOMs, UTF-16, GB18030), invalid
 * input and its warnings, line breaks, binary data, NFC, and reading files and stdin.
 * Expected bytes are written out by hand (GB18030 from iconv(1), NFC results from the
 * Unicode tables) or come from utf8proc called directly, never from the code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nettle/sha2.h>
#include <utf8proc.h>

#include "fengong/error.h"
#include "fengong/text.h"
#include "simd_env.h"
#include "test_util.h"

#define U_FFFD "\xEF\xBF\xBD"

static char tmp_dir[] = "/tmp/fg_test_text_XXXXXX";

/* ---- helpers ---- */

static fg_text *decode_ok(const char *name, const void *bytes, size_t len)
{
    fg_text *t = NULL;
    int rc = fg_text_decode(&t, name, bytes, len);

    if (rc != FG_OK)
        fail_msg("fg_text_decode failed: %s", fg_error_last()->message);
    assert_non_null(t);
    return t;
}

/* The call returned code, recorded code and message, and left *out NULL. */
static void assert_error(int rc, const fg_text *out, int code, const char *message)
{
    assert_int_equal(rc, code);
    assert_int_equal(fg_error_last()->code, code);
    assert_string_equal(fg_error_last()->message, message);
    assert_null(out);
}

static void assert_data(const fg_text *t, const char *expected, size_t expected_len)
{
    assert_int_equal(t->len, expected_len);
    assert_memory_equal(t->data, expected, expected_len);
    assert_int_equal(t->data[t->len], '\0');
}

#define ASSERT_DATA(t, lit) assert_data((t), (lit), sizeof(lit) - 1)

/* The names of fg_encoding's values and the fields of a text the tests check by name. */
static const char *const encoding_names[] = {"utf8", "utf8_bom", "utf16le", "utf16be",
                                             "gb18030"};
static const fg_field text_fields[] = {
    FG_FIELD_ENUM(fg_text, encoding, encoding_names),
    FG_FIELD(fg_text, n_warnings, 'z'),
    FG_FIELD(fg_text, n_replaced, 'z'),
};

/* All the text's warnings, one a line as "LINE MESSAGE" (so their number too). */
static void check_warnings(const fg_text *t, const char *want)
{
    char got[4096];
    size_t used = 0;

    got[0] = '\0';
    for (size_t i = 0; i < t->n_warnings; i++)
        fg_addf(got, sizeof got, &used, "%zu %s\n", t->warnings[i].line, t->warnings[i].message);
    assert_string_equal(got, want);
}

/*
 * Decode in (len bytes) as name: the text is want (want_len bytes), and has the fields listed
 * in fields (FG_ASSERT_FIELDS) and the warnings listed in warnings (check_warnings), each
 * unless NULL. CHECK_DECODE takes want as a literal.
 */
static void check_decode(const char *name, const void *in, size_t len, const char *want,
                         size_t want_len, const char *fields, const char *warnings)
{
    fg_text *t = decode_ok(name, in, len);

    assert_data(t, want, want_len);
    if (fields != NULL)
        FG_ASSERT_FIELDS(t, text_fields, fields);
    if (warnings != NULL)
        check_warnings(t, warnings);
    fg_text_free(t);
}

#define CHECK_DECODE(name, in, len, lit, fields, warnings)                                         \
    check_decode((name), (in), (len), (lit), sizeof(lit) - 1, (fields), (warnings))

/* Decoding in (len bytes) as name is refused: FG_EENCODING with message, the text NULL. */
static void assert_refused(const char *name, const void *in, size_t len, const char *message)
{
    fg_text *t = (fg_text *)&t; /* must come back NULL */
    int rc = fg_text_decode(&t, name, in, len);

    assert_error(rc, t, FG_EENCODING, message);
}

static void assert_warning(const fg_text *t, size_t i, size_t line, const char *message)
{
    assert_true(i < t->n_warnings);
    assert_int_equal(t->warnings[i].line, line);
    assert_string_equal(t->warnings[i].message, message);
}

static size_t put_unit(unsigned char *out, size_t o, uint32_t unit, bool big_endian)
{
    out[o] = (unsigned char)(big_endian ? unit >> 8 : unit & 0xFF);
    out[o + 1] = (unsigned char)(big_endian ? unit & 0xFF : unit >> 8);
    return o + 2;
}

/* A UTF-16 encoding of well-formed UTF-8, with a BOM; written here, not with iconv. */
static size_t utf16_from_utf8(unsigned char *out, const char *utf8, size_t len, bool big_endian)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t o = put_unit(out, 0, 0xFEFF, big_endian);
    size_t i = 0;

    while (i < len) {
        uint32_t cp;

        if (s[i] < 0x80) {
            cp = s[i];
            i += 1;
        } else if (s[i] < 0xE0) {
            cp = (uint32_t)(s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F);
            i += 2;
        } else if (s[i] < 0xF0) {
            cp = (uint32_t)(s[i] & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 |
                 (s[i + 2] & 0x3F);
            i += 3;
        } else {
            cp = (uint32_t)(s[i] & 0x07) << 18 | (uint32_t)(s[i + 1] & 0x3F) << 12 |
                 (uint32_t)(s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
            i += 4;
        }
        if (cp >= 0x10000) {
            o = put_unit(out, o, 0xD800 | ((cp - 0x10000) >> 10), big_endian);
            o = put_unit(out, o, 0xDC00 | ((cp - 0x10000) & 0x3FF), big_endian);
        } else {
            o = put_unit(out, o, cp, big_endian);
        }
    }
    return o;
}

static void append(void *buf, size_t *len, const void *p, size_t n)
{
    memcpy((char *)buf + *len, p, n);
    *len += n;
}

#define APPEND_LIT(buf, len, lit) append((buf), (len), (lit), sizeof(lit) - 1)

static void append_cp(char *buf, size_t *len, int32_t cp)
{
    *len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf + *len);
}

/* NFC of s[0..len) straight from utf8proc: the reference for the differential tests. */
static char *reference_nfc(const char *s, size_t len, size_t *out_len)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);

    assert_true(r >= 0);
    *out_len = (size_t)r;
    return (char *)nfc;
}

/*
 * Decode in as name: the text is what utf8proc's NFC makes of in. The reference is returned
 * (its length in *ref_len) for more checks; free() it.
 */
static char *decode_as_reference(const char *name, const char *in, size_t len, size_t *ref_len)
{
    char *ref = reference_nfc(in, len, ref_len);
    fg_text *t = decode_ok(name, in, len);

    assert_data(t, ref, *ref_len);
    fg_text_free(t);
    return ref;
}

static void write_file(const char *path, const void *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void tmp_path(char *buf, size_t size, const char *leaf)
{
    int n = snprintf(buf, size, "%s/%s", tmp_dir, leaf);

    assert_true(n > 0 && (size_t)n < size);
}

/* Write bytes to the file leaf of the temporary directory, whose path goes into path. */
static void write_tmp(char *path, size_t cap, const char *leaf, const void *bytes, size_t len)
{
    tmp_path(path, cap, leaf);
    write_file(path, bytes, len);
}

/* The text fg_text_read_file() reads from such a file, which is removed again. */
static fg_text *read_tmp(char *path, size_t cap, const char *leaf, const void *bytes, size_t len)
{
    fg_text *t = NULL;

    write_tmp(path, cap, leaf, bytes, len);
    assert_int_equal(fg_text_read_file(&t, path), FG_OK);
    unlink(path);
    return t;
}

static int setup_tmp_dir(void **state)
{
    (void)state;
    return mkdtemp(tmp_dir) == NULL ? -1 : 0;
}

static int remove_tmp_dir(void **state)
{
    (void)state;
    return rmdir(tmp_dir);
}

/* ---- detection ---- */

static void test_text__plain_utf8_is_kept(void **state)
{
    static const char in[] = "省发展改革委牵头\n（一）加快建设 ABC 123\n";
    char name[] = "plain.txt";
    fg_text *t;

    (void)state;
    t = decode_ok(name, in, sizeof in - 1);
    name[0] = 'X'; /* the text holds its own copy */
    assert_string_equal(t->name, "plain.txt");
    ASSERT_DATA(t, "省发展改革委牵头\n（一）加快建设 ABC 123\n");
    FG_ASSERT_FIELDS(t, text_fields, "encoding=utf8|n_warnings=0|n_replaced=0");
    fg_text_free(t);
}

/* A web page saved as text: its entities are decoded; a text with a bare & keeps them. */
static void test_text__html_entities_are_decoded(void **state)
{
    static const char in[] = "（市发改委&amp;市财政局负责）&nbsp;&#12289;&#xFF0C;&foo;\n&lt;x&gt;";
    static const char bare[] = "R&D投入（市发改委&amp;市财政局负责）";
    static const char unknown[] = "A&foo;B&#1;";
    fg_text *t;

    (void)state;
    t = decode_ok("web.txt", in, sizeof in - 1);
    ASSERT_DATA(t, "（市发改委&市财政局负责）\xC2\xA0、，&foo;\n<x>");
    fg_text_free(t);
    t = decode_ok("bare.txt", bare, sizeof bare - 1);
    ASSERT_DATA(t, "R&D投入（市发改委&amp;市财政局负责）");
    fg_text_free(t);
    /* No entity known: nothing clearly escaped; a control character is never decoded. */
    t = decode_ok("unknown.txt", unknown, sizeof unknown - 1);
    ASSERT_DATA(t, "A&foo;B&#1;");
    fg_text_free(t);
}

static void test_text__utf8_bom_is_stripped(void **state)
{
    static const char in[] = "\xEF\xBB\xBF省发展改革委\xEF\xBB\xBF牵头";

    (void)state;
    /* only the leading BOM goes; a U+FEFF inside the text stays */
    CHECK_DECODE("bom.txt", in, sizeof in - 1, "省发展改革委\xEF\xBB\xBF牵头",
                 "encoding=utf8_bom|n_warnings=0", NULL);
}

static void test_text__utf8_bom_wins_over_gb18030(void **state)
{
    /* B7 A2 is GB18030 for 发, but after a UTF-8 BOM it is two invalid UTF-8 bytes */
    static const char in[] = "\xEF\xBB\xBF\xB7\xA2";

    (void)state;
    CHECK_DECODE("bom.txt", in, sizeof in - 1, U_FFFD U_FFFD, "encoding=utf8_bom|n_replaced=2",
                 "1 bom.txt:1: invalid UTF-8 byte 0xB7 replaced\n"
                 "1 bom.txt:1: invalid UTF-8 byte 0xA2 replaced\n");
}

static void check_utf16(bool big_endian)
{
    /* BMP, ASCII, full-width forms and U+20BB7 (a surrogate pair) */
    static const char utf8[] = "（一）省发展改革委牵头\n第二行 a1 𠮷\n";
    unsigned char in[256];
    size_t len = utf16_from_utf8(in, utf8, sizeof utf8 - 1, big_endian);
    fg_text *t;

    assert_memory_equal(in, big_endian ? "\xFE\xFF\xFF\x08" : "\xFF\xFE\x08\xFF", 4);
    t = decode_ok("u16.txt", in, len);
    ASSERT_DATA(t, "（一）省发展改革委牵头\n第二行 a1 𠮷\n");
    assert_int_equal(t->encoding, big_endian ? FG_ENC_UTF16BE : FG_ENC_UTF16LE);
    assert_int_equal(t->n_warnings, 0);
    fg_text_free(t);
}

static void test_text__utf16le_with_bom_equals_utf8(void **state)
{
    (void)state;
    check_utf16(false);
}

static void test_text__utf16be_with_bom_equals_utf8(void **state)
{
    (void)state;
    check_utf16(true);
}

static void test_text__utf16_crlf_and_nul_are_normalised(void **state)
{
    /* "a\r\nb" then U+0000 then "c" padded with spaces so that one NUL is not binary */
    unsigned char in[2 + 2 * 200];
    size_t len = 0;
    fg_text *t;

    (void)state;
    APPEND_LIT(in, &len,
               "\xFF\xFE"
               "a\0\r\0\n\0b\0\0\0c\0"); /* 14 bytes */
    while (len < sizeof in) {
        in[len++] = ' ';
        in[len++] = 0;
    }
    t = decode_ok("u16.txt", in, len);
    assert_int_equal(t->len, 3 + 3 + 1 + 194);
    assert_memory_equal(t->data, "a\nb" U_FFFD "c ", 8);
    check_warnings(t, "2 u16.txt:2: NUL byte replaced\n");
    fg_text_free(t);
}

static void test_text__utf16_unpaired_surrogates_are_replaced(void **state)
{
    /* LE: "a\n", lone high surrogate D800 before "b", then a high surrogate at the end */
    static const unsigned char le[] = {0xFF, 0xFE, 'a', 0, '\n', 0, 0x00, 0xD8, 'b', 0, 0x3D, 0xD8};
    /* BE: a lone low surrogate DC00 */
    static const unsigned char be[] = {0xFE, 0xFF, 0, 'x', 0xDC, 0x00, 0, 'y'};
    fg_text *t;

    (void)state;
    CHECK_DECODE("le.txt", le, sizeof le, "a\n" U_FFFD "b" U_FFFD, "encoding=utf16le|n_replaced=2",
                 "2 le.txt:2: unpaired UTF-16 surrogate 0xD800 replaced\n"
                 "2 le.txt:2: unpaired UTF-16 surrogate 0xD83D replaced\n");

    t = decode_ok("be.txt", be, sizeof be);
    ASSERT_DATA(t, "x" U_FFFD "y");
    assert_int_equal(t->encoding, FG_ENC_UTF16BE);
    assert_warning(t, 0, 1, "be.txt:1: unpaired UTF-16 surrogate 0xDC00 replaced");
    fg_text_free(t);
}

static void test_text__utf16_odd_length_is_refused(void **state)
{
    static const unsigned char in[] = {0xFF, 0xFE, 'a', 0, '\r', 0, '\n', 0, 'b', 0, 'c'};

    (void)state;
    assert_refused("odd.txt", in, sizeof in, "odd.txt:2: truncated UTF-16 input");
}

static void test_text__gb18030_is_detected(void **state)
{
    /* printf '（一）省发展改革委牵头\r\n' | iconv -f UTF-8 -t GB18030 | xxd -i */
    static const unsigned char in[] = {0xa3, 0xa8, 0xd2, 0xbb, 0xa3, 0xa9, 0xca, 0xa1,
                                       0xb7, 0xa2, 0xd5, 0xb9, 0xb8, 0xc4, 0xb8, 0xef,
                                       0xce, 0xaf, 0xc7, 0xa3, 0xcd, 0xb7, 0x0d, 0x0a};

    (void)state;
    CHECK_DECODE("gb.txt", in, sizeof in, "（一）省发展改革委牵头\n",
                 "encoding=gb18030|n_warnings=0", NULL);
}

/* ---- invalid input and line numbers ---- */

static void test_text__crlf_and_cr_become_lf_and_keep_lines(void **state)
{
    static const char in[] = "l1\r\nl2\rl3\n\r\nl5\r\xFF\n末\r";

    (void)state;
    CHECK_DECODE("crlf.txt", in, sizeof in - 1, "l1\nl2\nl3\n\nl5\n" U_FFFD "\n末\n",
                 "encoding=utf8", "6 crlf.txt:6: invalid UTF-8 byte 0xFF replaced\n");
}

static void test_text__invalid_utf8_is_replaced_with_its_line(void **state)
{
    /* 0xFF is not GB18030 either, so this stays UTF-8 */
    static const char in[] = "第一行\n第二行\nab\xFF"
                             "cd\n第四行";

    (void)state;
    CHECK_DECODE("doc.txt", in, sizeof in - 1, "第一行\n第二行\nab" U_FFFD "cd\n第四行",
                 "encoding=utf8|n_replaced=1", "3 doc.txt:3: invalid UTF-8 byte 0xFF replaced\n");
}

static void test_text__invalid_utf8_uses_maximal_subparts(void **state)
{
    /*
     * E7 9C: a truncated 3-byte sequence, one U+FFFD; ED A0 80: a UTF-8 surrogate, three;
     * C0 AF: an overlong '/', two; F4 90 80 80: above U+10FFFF, four (Unicode 3.9).
     */
    static const char in[] = "ok\xE7\x9C\nx\xED\xA0\x80y\n\xC0\xAF\n\xF4\x90\x80\x80\xFF";
    fg_text *t;

    (void)state;
    t = decode_ok("seq.txt", in, sizeof in - 1);
    ASSERT_DATA(t, "ok" U_FFFD "\nx" U_FFFD U_FFFD U_FFFD "y\n" U_FFFD U_FFFD
                   "\n" U_FFFD U_FFFD U_FFFD U_FFFD U_FFFD);
    FG_ASSERT_FIELDS(t, text_fields, "n_replaced=11|n_warnings=11");
    assert_warning(t, 0, 1, "seq.txt:1: invalid UTF-8 sequence 0xE7 0x9C replaced");
    assert_warning(t, 1, 2, "seq.txt:2: invalid UTF-8 byte 0xED replaced");
    assert_warning(t, 3, 2, "seq.txt:2: invalid UTF-8 byte 0x80 replaced");
    assert_warning(t, 4, 3, "seq.txt:3: invalid UTF-8 byte 0xC0 replaced");
    assert_warning(t, 6, 4, "seq.txt:4: invalid UTF-8 byte 0xF4 replaced");
    assert_warning(t, 10, 4, "seq.txt:4: invalid UTF-8 byte 0xFF replaced");
    fg_text_free(t);
}

static void test_text__warnings_are_capped_but_all_counted(void **state)
{
    char in[25 * 3];
    size_t len = 0;
    fg_text *t;

    (void)state;
    for (int i = 0; i < 25; i++)
        append(in, &len, "x\xFF\n", 3);
    t = decode_ok("many.txt", in, len);
    assert_int_equal(t->n_replaced, 25);
    assert_int_equal(t->n_warnings, FG_TEXT_MAX_WARNINGS);
    assert_warning(t, 0, 1, "many.txt:1: invalid UTF-8 byte 0xFF replaced");
    assert_warning(t, 19, 20, "many.txt:20: invalid UTF-8 byte 0xFF replaced");
    fg_text_free(t);
}

static void test_text__nul_bytes_are_replaced_with_their_line(void **state)
{
    static const char head[] = "第一行\n第二" U_FFFD "行\n";
    char in[400];
    size_t len = 0;
    fg_text *t;

    (void)state;
    APPEND_LIT(in, &len, "第一行\n第二\0行\n");
    memset(in + len, 'x', 300);
    len += 300;
    APPEND_LIT(in, &len, "\n\0end");
    t = decode_ok("nul.txt", in, len);
    assert_int_equal(t->len, len + 4);
    assert_memory_equal(t->data, head, sizeof head - 1);
    assert_memory_equal(t->data + t->len - 7, "\n" U_FFFD "end", 7);
    assert_null(memchr(t->data, '\0', t->len));
    assert_int_equal(t->n_replaced, 2);
    check_warnings(t, "2 nul.txt:2: NUL byte replaced\n"
                      "4 nul.txt:4: NUL byte replaced\n");
    fg_text_free(t);
}

static void test_text__nul_and_invalid_byte_warnings_are_in_input_order(void **state)
{
    char in[400];
    size_t len = 0;
    fg_text *t;

    (void)state;
    APPEND_LIT(in, &len,
               "a\0b\nc\xFF"
               "d\n\0");
    memset(in + len, 'z', 300);
    len += 300;
    t = decode_ok("mix.txt", in, len);
    assert_int_equal(t->n_replaced, 3);
    check_warnings(t, "1 mix.txt:1: NUL byte replaced\n"
                      "2 mix.txt:2: invalid UTF-8 byte 0xFF replaced\n"
                      "3 mix.txt:3: NUL byte replaced\n");
    fg_text_free(t);
}

/* ---- binary data ---- */

static void test_text__binary_data_is_refused(void **state)
{
    /* the start of a PNG file: 18 NUL bytes in 48 */
    static const unsigned char png[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00,
                                        0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x10,
                                        0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
                                        0xf3, 0xff, 0x61, 0x00, 0x00, 0x00, 0x01, 0x73, 0x52, 0x47,
                                        0x42, 0x00, 0xae, 0xce, 0x1c, 0xe9, 0x00, 0x00};

    (void)state;
    assert_refused("logo.png", png, sizeof png, "logo.png: binary data, not text");
}

static void test_text__nul_limits(void **state)
{
    char in[1000];
    fg_text *t = NULL;

    (void)state;
    /* 8 NUL bytes in 1000 are stray ones... */
    memset(in, 'a', sizeof in);
    for (int i = 0; i < 8; i++)
        in[100 * i + 50] = '\0';
    t = decode_ok("eight.txt", in, sizeof in);
    assert_int_equal(t->n_replaced, 8);
    fg_text_free(t);
    /* ...9 are binary */
    in[850] = '\0';
    assert_refused("nine.txt", in, sizeof in, "nine.txt: binary data, not text");
    /* and so is more than 1% of the bytes: 2 in 150 */
    memset(in, 'a', 150);
    in[10] = '\0';
    t = decode_ok("one.txt", in, 150);
    fg_text_free(t);
    in[20] = '\0';
    assert_refused("two.txt", in, 150, "two.txt: binary data, not text");
}

static void test_text__control_character_limit(void **state)
{
    char in[100];
    fg_text *t = NULL;

    (void)state;
    /* 10 controls in 100 characters are kept; tab, LF, FF and CR do not count */
    memset(in, 'a', sizeof in);
    memset(in, '\x01', 10);
    memcpy(in + 10, "\t\n\f\r", 4);
    t = decode_ok("ten.txt", in, sizeof in);
    assert_int_equal(t->len, 100);
    assert_memory_equal(t->data, "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\t\n\f\na", 15);
    assert_int_equal(t->n_warnings, 0);
    fg_text_free(t);
    /* 11 are binary (DEL counts too) */
    in[50] = '\x7F';
    assert_refused("eleven.txt", in, sizeof in, "eleven.txt: binary data, not text");
}

/* ---- empty input and arguments ---- */

static void test_text__empty_input(void **state)
{
    (void)state;
    CHECK_DECODE("empty.txt", NULL, 0, "", "encoding=utf8|n_warnings=0", NULL);
    CHECK_DECODE("bom.txt", "\xEF\xBB\xBF", 3, "", "encoding=utf8_bom", NULL);
    CHECK_DECODE("bom16.txt", "\xFE\xFF", 2, "", "encoding=utf16be", NULL);
}

static void test_text__invalid_arguments(void **state)
{
    fg_text *t = (fg_text *)&t;
    int rc;

    (void)state;
    rc = fg_text_decode(NULL, "x", "a", 1);
    assert_int_equal(rc, FG_EINVAL);
    assert_string_equal(fg_error_last()->message, "fg_text_decode: out is NULL");
    rc = fg_text_decode(&t, "x", NULL, 1);
    assert_error(rc, t, FG_EINVAL, "fg_text_decode: bytes is NULL");
    t = (fg_text *)&t;
    rc = fg_text_read_file(&t, NULL);
    assert_error(rc, t, FG_EINVAL, "fg_text_read_file: path is NULL");
    fg_text_free(NULL);
}

static void test_text__encoding_names(void **state)
{
    (void)state;
    FG_ASSERT_NAMES(fg_encoding_name, fg_encoding, FG_ENC_UTF8, FG_ENC_GB18030,
                    "UTF-8|UTF-8 (BOM)|UTF-16LE|UTF-16BE|GB18030");
    assert_string_equal(fg_encoding_name((fg_encoding)42), "unknown");
}

/* ---- NFC ---- */

static void test_text__nfc_composes(void **state)
{
    static const char in[] = "cafe\xCC\x81，"           /* e + U+0301 -> U+00E9 */
                             "\xE1\x84\x80\xE1\x85\xA1" /* jamo U+1100 U+1161 -> U+AC00 */
                             "\xEA\xB0\x80\xE1\x86\xA8" /* U+AC00 + U+11A8 -> U+AC01 */
                             "\xE0\xB3\x86\xE0\xB3\x95" /* U+0CC6 U+0CD5 -> U+0CC7 */
                             "\xEF\xA4\x80"             /* U+F900 -> U+8C48 */
                             "\xE2\x84\xAB"             /* U+212B ANGSTROM -> U+00C5 */
                             "a\xCC\x81\xCC\xA3";       /* a U+0301 U+0323 -> U+1EA1 U+0301 */

    (void)state;
    CHECK_DECODE("nfc.txt", in, sizeof in - 1,
                 "caf\xC3\xA9，\xEA\xB0\x80\xEA\xB0\x81\xE0\xB3\x87\xE8\xB1\x88\xC3\x85"
                 "\xE1\xBA\xA1\xCC\x81",
                 "n_warnings=0", NULL);
}

static void test_text__nfc_keeps_full_width_and_compatibility_forms(void **state)
{
    /* NFC must not fold these (NFKC would): matching keys may, stored text may not */
    static const char in[] = "（一）１．２３ＡＢＣ　㈠①Ⅻ"
                             " ﬁ ｶ 〇、。“”《》…—·×°";

    (void)state;
    CHECK_DECODE("fw.txt", in, sizeof in - 1,
                 "（一）１．２３ＡＢＣ　㈠①Ⅻ"
                 " ﬁ ｶ 〇、。“”《》…—·×°",
                 NULL, NULL);
}

static void test_text__nfc_matches_utf8proc_for_every_code_point(void **state)
{
    /* every code point from U+0080, each on its own line */
    size_t cap = 0x110000 * 5;
    char *in = malloc(cap);
    size_t len = 0;
    size_t ref_len;

    (void)state;
    assert_non_null(in);
    for (int32_t cp = 0x80; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        append_cp(in, &len, cp);
        in[len++] = '\n';
    }
    free(decode_as_reference("all.txt", in, len, &ref_len));
    free(in);
}

static void test_text__nfc_matches_utf8proc_for_every_decomposition(void **state)
{
    /* the full canonical decomposition of every code point that has one (Hangul too) */
    size_t cap = 0x110000 * 2;
    char *in = malloc(cap);
    size_t len = 0;
    size_t n_seqs = 0;
    size_t ref_len;

    (void)state;
    assert_non_null(in);
    for (int32_t cp = 0x80; cp < 0x110000; cp++) {
        utf8proc_int32_t d[8];
        int boundclass = 0;
        utf8proc_ssize_t n;

        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &boundclass);
        assert_true(n >= 1 && n <= 8);
        if (n == 1 && d[0] == cp)
            continue;
        assert_true(len + 8 * 4 + 1 < cap);
        for (utf8proc_ssize_t k = 0; k < n; k++)
            append_cp(in, &len, d[k]);
        in[len++] = '\n';
        n_seqs++;
    }
    assert_true(n_seqs > 13000); /* about 2000 plus 11172 Hangul syllables */
    free(decode_as_reference("nfd.txt", in, len, &ref_len));
    assert_true(ref_len < len); /* so there was something to compose */
    free(in);
}

static void test_text__nfc_orders_combining_marks(void **state)
{
    /* 'a' with 20 marks alternating U+0301 (class 230) and U+0323 (class 220) */
    char in[64];
    size_t len = 0;
    char *ref;
    size_t ref_len;

    (void)state;
    in[len++] = 'a';
    for (int i = 0; i < 10; i++)
        append(in, &len, "\xCC\x81\xCC\xA3", 4);
    ref = decode_as_reference("marks.txt", in, len, &ref_len);
    assert_memory_equal(ref, "\xE1\xBA\xA1\xCC\xA3\xCC\xA3", 7); /* U+1EA1 U+0323 ... */
    free(ref);
}

static void test_text__nfc_cuts_runs_of_more_than_30_marks(void **state)
{
    /*
     * 'a' and 40 marks (U+0301 U+0323 20 times). Past the Stream-Safe limit of 30 marks
     * the run is normalised in two pieces: a + 30 marks, then 10 marks.
     */
    char in[128];
    char want[128];
    size_t len = 0;
    size_t want_len = 0;
    fg_text *t;

    (void)state;
    in[len++] = 'a';
    for (int i = 0; i < 20; i++)
        append(in, &len, "\xCC\x81\xCC\xA3", 4);
    append(want, &want_len, "\xE1\xBA\xA1", 3); /* a + U+0323 -> U+1EA1 */
    for (int i = 0; i < 14; i++)
        append(want, &want_len, "\xCC\xA3", 2);
    for (int i = 0; i < 15; i++)
        append(want, &want_len, "\xCC\x81", 2);
    for (int i = 0; i < 5; i++)
        append(want, &want_len, "\xCC\xA3", 2);
    for (int i = 0; i < 5; i++)
        append(want, &want_len, "\xCC\x81", 2);
    t = decode_ok("run.txt", in, len);
    assert_data(t, want, want_len);
    fg_text_free(t);
}

static void test_text__nfc_counts_marks_from_decompositions(void **state)
{
    /*
     * U+0F73 has class 0 but decomposes into two marks (U+0F71 U+0F72), so it counts as
     * a mark: 20 pairs U+0F74 U+0F73 are 40 marks, normalised as 30 and 10.
     */
    char in[256];
    char *want;
    char *tail;
    size_t len = 0;
    size_t want_len;
    size_t tail_len;
    size_t cut = 0;
    fg_text *t;

    (void)state;
    for (int i = 0; i < 20; i++) {
        if (i == 15)
            cut = len;
        APPEND_LIT(in, &len, "\xE0\xBD\xB4\xE0\xBD\xB3");
    }
    want = reference_nfc(in, cut, &want_len);
    tail = reference_nfc(in + cut, len - cut, &tail_len);
    want = realloc(want, want_len + tail_len);
    assert_non_null(want);
    memcpy(want + want_len, tail, tail_len);
    t = decode_ok("tibetan.txt", in, len);
    assert_data(t, want, want_len + tail_len);
    fg_text_free(t);
    free(tail);
    free(want);
}

static void test_text__single_line_of_50_mb(void **state)
{
    static const char unit[] = "省发展改革委牵头，"; /* 27 bytes */
    size_t n_units = 50 * 1000 * 1000 / (sizeof unit - 1);
    size_t len = 0;
    char *in = malloc(n_units * (sizeof unit - 1) + 8);
    fg_text *t;

    (void)state;
    assert_non_null(in);
    for (size_t i = 0; i < n_units; i++) {
        if (i == n_units / 2)
            append(in, &len, "e\xCC\x81", 3);
        append(in, &len, unit, sizeof unit - 1);
    }
    append(in, &len, "e\xCC\x81", 3);
    t = decode_ok("long.txt", in, len);
    assert_int_equal(t->len, len - 2);
    assert_memory_equal(t->data, unit, sizeof unit - 1);
    assert_memory_equal(t->data + (n_units / 2) * (sizeof unit - 1), "\xC3\xA9省", 5);
    assert_memory_equal(t->data + t->len - 5, "，\xC3\xA9", 5);
    assert_null(memchr(t->data, '\n', t->len));
    fg_text_free(t);
    free(in);
}

/* ---- files ---- */

/*
 * The block validator (16 bytes) must treat a fault the same wherever it falls:
 * at each offset of a mixed text, an invalid byte is replaced (and nothing else), a cut
 * sequence too, and a decomposed é is composed (reference: utf8proc). ctest runs this
 * file with the AVX2 paths off as well (tests/simd_env.h).
 */
static void test_text__faults_at_every_offset_of_the_blocks(void **state)
{
    static const char base[] = "省发展改革委牵头，2023年工作要点：abc（一）加快建设“数字政府”。"
                               "市场监管局、省财政厅按职责分工负责；end of line\n第二行";
    static const char *const faults[] = {"\xFF", "\xE5\x8F", "\xC0\xAF", "\xED\xA0\x80", "e\xCC\x81"};
    const size_t n = sizeof base - 1;

    (void)state;
    for (size_t f = 0; f < sizeof faults / sizeof faults[0]; f++) {
        for (size_t at = 0; at <= n; at++) {
            char in[512];
            size_t fl = strlen(faults[f]);
            fg_text *t;

            if (at < n && ((unsigned char)base[at] & 0xC0) == 0x80)
                continue; /* not a character boundary */
            memcpy(in, base, at);
            memcpy(in + at, faults[f], fl);
            memcpy(in + at + fl, base + at, n - at);
            t = decode_ok("x.txt", in, n + fl);
            if (f == 4) {
                size_t want_len;
                char *want = reference_nfc(in, n + fl, &want_len);

                assert_int_equal(t->n_replaced, 0);
                assert_data(t, want, want_len);
                free(want);
            } else {
                /* Each ill-formed piece becomes one U+FFFD per maximal subpart. */
                char want[512];
                size_t k = at;
                size_t reps = f == 0 || f == 1 ? 1 : f == 2 ? 2 : 3;

                memcpy(want, base, at);
                for (size_t r = 0; r < reps; r++, k += 3)
                    memcpy(want + k, U_FFFD, 3);
                memcpy(want + k, base + at, n - at);
                assert_int_equal(t->encoding, FG_ENC_UTF8);
                assert_int_equal(t->n_replaced, reps);
                assert_data(t, want, k + n - at);
            }
            fg_text_free(t);
        }
    }
}

/* Lower-case hex SHA-256 of bytes, from nettle directly. */
static void expected_sha256(char out[65], const void *bytes, size_t len)
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];

    sha256_init(&ctx);
    sha256_update(&ctx, len, bytes);
    sha256_digest(&ctx, sizeof d, d);
    for (size_t k = 0; k < sizeof d; k++)
        snprintf(out + 2 * k, 3, "%02x", d[k]);
}

static void test_text__sha256_is_of_the_raw_bytes(void **state)
{
    /* Each way decode() can go: data kept verbatim (the digest then waits for the first
     * call), verbatim but changed by NFC, CRLF, NUL, converted, repaired, empty. */
    static const struct {
        const char *bytes;
        size_t len;
    } cases[] = {
#define C(s) {s, sizeof s - 1}
        C("第一行\n第二行\n"),
        C("\xEF\xBB\xBF第一行\n"),
        C("caf\x65\xCC\x81\n"),
        C("\xEF\xBB\xBF\x65\xCC\x81\n"),
        C("一\r\n二\r\n"),
        C("一个空字符\0在一行很长的文本里面，这一行的长度超过一百个字节，所以它不算二进制数据。\n"),
        C("\xD6\xD0\xCE\xC4\n"),
        C("\xFF\xFE\x00\x4E\x0A\x00"),
        C("ok \xFF here\n"),
        C("\xEF\xBB\xBF"),
        C(""),
#undef C
    };
    char path[256];

    (void)state;
    tmp_path(path, sizeof path, "sha.txt");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char want[65];
        fg_text *t = decode_ok("x.txt", cases[i].bytes, cases[i].len);
        fg_text *f = NULL;
        const char *first;

        expected_sha256(want, cases[i].bytes, cases[i].len);
        first = fg_text_sha256(t);
        assert_string_equal(first, want);
        /* a second call gives the same string */
        assert_ptr_equal(fg_text_sha256(t), first);
        assert_string_equal(fg_text_sha256(t), want);
        write_file(path, cases[i].bytes, cases[i].len);
        assert_int_equal(fg_text_read_file(&f, path), FG_OK);
        assert_string_equal(fg_text_sha256(f), want);
        fg_text_free(f);
        fg_text_free(t);
    }
    assert_string_equal(fg_text_sha256(NULL), "");
    unlink(path);
}

static void test_text__read_file_decodes_a_file(void **state)
{
    /* a BOM but no CR: the file's buffer becomes the text's (see the CRLF tests) */
    static const char in[] = "\xEF\xBB\xBF第一行\n第二行\n";
    char path[256];
    fg_text *t;

    (void)state;
    t = read_tmp(path, sizeof path, "doc.txt", in, sizeof in - 1);
    assert_string_equal(t->name, path);
    ASSERT_DATA(t, "第一行\n第二行\n");
    assert_int_equal(t->encoding, FG_ENC_UTF8_BOM);
    fg_text_free(t);
}

static void test_text__read_file_empty_file(void **state)
{
    char path[256];
    fg_text *t;

    (void)state;
    t = read_tmp(path, sizeof path, "empty.txt", "", 0);
    ASSERT_DATA(t, "");
    assert_int_equal(t->encoding, FG_ENC_UTF8);
    fg_text_free(t);
}

static void test_text__read_file_missing_file(void **state)
{
    char path[256];
    char want[512];
    fg_text *t = (fg_text *)&t;
    int rc;

    (void)state;
    tmp_path(path, sizeof path, "missing.txt");
    snprintf(want, sizeof want, "%s: cannot open: No such file or directory", path);
    rc = fg_text_read_file(&t, path);
    assert_error(rc, t, FG_EIO, want);
}

static void test_text__read_file_directory(void **state)
{
    char want[512];
    fg_text *t = (fg_text *)&t;
    int rc;

    (void)state;
    snprintf(want, sizeof want, "%s: is a directory", tmp_dir);
    rc = fg_text_read_file(&t, tmp_dir);
    assert_error(rc, t, FG_EIO, want);
}

static void test_text__read_file_device(void **state)
{
    fg_text *t = (fg_text *)&t;
    int rc;

    (void)state;
    rc = fg_text_read_file(&t, "/dev/null");
    assert_error(rc, t, FG_EIO, "/dev/null: not a regular file");
}

static void test_text__read_file_too_large(void **state)
{
    char path[256];
    char want[512];
    fg_text *t = (fg_text *)&t;
    int fd;
    int rc;

    (void)state;
    tmp_path(path, sizeof path, "huge.txt");
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, ((off_t)1 << 30) + 1), 0); /* sparse: costs no space */
    close(fd);
    snprintf(want, sizeof want, "%s: file too large (1073741825 bytes, limit 1 GiB)", path);
    rc = fg_text_read_file(&t, path);
    assert_error(rc, t, FG_EIO, want);
    unlink(path);
}

static void test_text__read_file_stdin(void **state)
{
    static const char in[] = "标准输入\r\n第二行";
    int fds[2];
    int saved;
    fg_text *t = NULL;
    int rc;

    (void)state;
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], in, sizeof in - 1), (ssize_t)(sizeof in - 1));
    close(fds[1]);
    saved = dup(STDIN_FILENO);
    assert_true(saved >= 0);
    assert_true(dup2(fds[0], STDIN_FILENO) >= 0);
    close(fds[0]);
    rc = fg_text_read_file(&t, "-");
    assert_true(dup2(saved, STDIN_FILENO) >= 0);
    close(saved);
    assert_int_equal(rc, FG_OK);
    assert_string_equal(t->name, "<stdin>");
    ASSERT_DATA(t, "标准输入\n第二行");
    fg_text_free(t);
}

static void test_text__read_file_fifo(void **state)
{
    static const char in[] = "管道\n";
    char path[256];
    fg_text *t = NULL;
    pid_t pid;
    int status;
    int rc;

    (void)state;
    tmp_path(path, sizeof path, "fifo");
    assert_int_equal(mkfifo(path, 0600), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(path, O_WRONLY);

        _exit(fd >= 0 && write(fd, in, sizeof in - 1) == (ssize_t)(sizeof in - 1) ? 0 : 1);
    }
    rc = fg_text_read_file(&t, path);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    unlink(path);
    assert_int_equal(rc, FG_OK);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ASSERT_DATA(t, "管道\n");
    fg_text_free(t);
}

static void test_text__read_file_reports_encoding_errors(void **state)
{
    static const unsigned char in[] = {0xFE, 0xFF, 0, 'a', 0};
    char path[256];
    char want[512];
    fg_text *t = (fg_text *)&t;
    int rc;

    (void)state;
    write_tmp(path, sizeof path, "odd16.txt", in, sizeof in);
    snprintf(want, sizeof want, "%s:1: truncated UTF-16 input", path);
    rc = fg_text_read_file(&t, path);
    assert_error(rc, t, FG_EENCODING, want);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text__plain_utf8_is_kept),
        cmocka_unit_test(test_text__html_entities_are_decoded),
        cmocka_unit_test(test_text__utf8_bom_is_stripped),
        cmocka_unit_test(test_text__utf8_bom_wins_over_gb18030),
        cmocka_unit_test(test_text__utf16le_with_bom_equals_utf8),
        cmocka_unit_test(test_text__utf16be_with_bom_equals_utf8),
        cmocka_unit_test(test_text__utf16_crlf_and_nul_are_normalised),
        cmocka_unit_test(test_text__utf16_unpaired_surrogates_are_replaced),
        cmocka_unit_test(test_text__utf16_odd_length_is_refused),
        cmocka_unit_test(test_text__gb18030_is_detected),
        cmocka_unit_test(test_text__crlf_and_cr_become_lf_and_keep_lines),
        cmocka_unit_test(test_text__invalid_utf8_is_replaced_with_its_line),
        cmocka_unit_test(test_text__invalid_utf8_uses_maximal_subparts),
        cmocka_unit_test(test_text__warnings_are_capped_but_all_counted),
        cmocka_unit_test(test_text__nul_bytes_are_replaced_with_their_line),
        cmocka_unit_test(test_text__nul_and_invalid_byte_warnings_are_in_input_order),
        cmocka_unit_test(test_text__binary_data_is_refused),
        cmocka_unit_test(test_text__nul_limits),
        cmocka_unit_test(test_text__control_character_limit),
        cmocka_unit_test(test_text__empty_input),
        cmocka_unit_test(test_text__invalid_arguments),
        cmocka_unit_test(test_text__encoding_names),
        cmocka_unit_test(test_text__nfc_composes),
        cmocka_unit_test(test_text__nfc_keeps_full_width_and_compatibility_forms),
        cmocka_unit_test(test_text__nfc_matches_utf8proc_for_every_code_point),
        cmocka_unit_test(test_text__nfc_matches_utf8proc_for_every_decomposition),
        cmocka_unit_test(test_text__nfc_orders_combining_marks),
        cmocka_unit_test(test_text__nfc_cuts_runs_of_more_than_30_marks),
        cmocka_unit_test(test_text__nfc_counts_marks_from_decompositions),
        cmocka_unit_test(test_text__single_line_of_50_mb),
        cmocka_unit_test(test_text__faults_at_every_offset_of_the_blocks),
        cmocka_unit_test(test_text__sha256_is_of_the_raw_bytes),
        cmocka_unit_test(test_text__read_file_decodes_a_file),
        cmocka_unit_test(test_text__read_file_empty_file),
        cmocka_unit_test(test_text__read_file_missing_file),
        cmocka_unit_test(test_text__read_file_directory),
        cmocka_unit_test(test_text__read_file_device),
        cmocka_unit_test(test_text__read_file_too_large),
        cmocka_unit_test(test_text__read_file_stdin),
        cmocka_unit_test(test_text__read_file_fifo),
        cmocka_unit_test(test_text__read_file_reports_encoding_errors),
    };

    simd_check_env();
    return cmocka_run_group_tests_name("text", tests, setup_tmp_dir, remove_tmp_dir);
}

/*
 * libFuzzer target: fg_text_decode() on arbitrary bytes. On success the text must keep the
 * promises of include/fengong/text.h: NUL-terminated at len, valid UTF-8, no CR, no NUL, in
 * NFC (checked against utf8proc wherever no run of more than 30 combining marks let the
 * decoder cut a segment), at most FG_TEXT_MAX_WARNINGS warnings with a message and a line
 * of the input, the size and SHA-256 of the input. On failure *out is NULL and the last
 * error carries the same code and a message. Any broken promise aborts with a reason.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>
#include <utf8proc.h>

#include "fengong/error.h"
#include "fengong/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why, size_t at)
{
    fprintf(stderr, "fuzz_decode: invariant broken: %s (at byte %zu)\n", why, at);
    abort();
}

/* Strict UTF-8: shortest form, no surrogates, at most U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    size_t need;
    uint32_t cp;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (avail < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((need == 3 && cp < 0x800) || (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need;
}

/*
 * Length of the longest run of combining marks in the canonical decomposition of s. The
 * decoder cuts its NFC segments after 30 marks in a row (UAX #15 stream-safe, see
 * src/text.c), so the marks on either side of a cut are ordered separately and the
 * result is not the full NFC. The text is canonically equivalent to the input, so this
 * count is at least the decoder's; it uses one code point at a time (no reordering), so
 * it stays linear on hostile input.
 */
static size_t longest_mark_run(const utf8proc_uint8_t *u, size_t len)
{
    size_t run = 0;
    size_t longest = 0;

    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_int32_t d[32];
        int boundclass = 0;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
        utf8proc_ssize_t nd;

        if (n <= 0)
            fail("utf8proc rejects the text", i);
        nd = utf8proc_decompose_char(cp, d, 32, UTF8PROC_DECOMPOSE, &boundclass);
        if (nd < 1 || nd > 32)
            fail("utf8proc cannot decompose a code point of the text", i);
        for (utf8proc_ssize_t k = 0; k < nd; k++) {
            if (utf8proc_get_property(d[k])->combining_class != 0) {
                if (++run > longest)
                    longest = run;
            } else {
                run = 0;
            }
        }
        i += (size_t)n;
    }
    return longest;
}

static void check_nfc(const char *s, size_t len)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t r;

    if (longest_mark_run(u, len) > 30)
        return; /* the decoder may have cut a run of marks here: not comparable */
    r = utf8proc_map(u, (utf8proc_ssize_t)len, &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0)
        fail("utf8proc cannot normalise the text", 0);
    if ((size_t)r != len || memcmp(nfc, s, len) != 0) {
        size_t k = 0;

        while (k < len && k < (size_t)r && nfc[k] == u[k])
            k++;
        free(nfc);
        fail("text is not in NFC", k);
    }
    free(nfc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    fg_text *t = (fg_text *)1;
    size_t n_lines = 1;
    int rc = fg_text_decode(&t, "fuzz.txt", data, size);

    if (rc < 0) {
        const fg_error *e = fg_error_last();

        if (t != NULL)
            fail("*out is not NULL after a failure", 0);
        if (e->code != rc || e->message[0] == '\0')
            fail("failure without a matching last error", 0);
        if (rc != FG_EENCODING && rc != FG_ENOMEM)
            fail("unexpected error code", 0);
        if (strncmp(e->message, "fuzz.txt", 8) != 0)
            fail("error message does not name the input", 0);
        return 0;
    }
    if (rc != FG_OK || t == NULL || t->data == NULL)
        fail("success without a text", 0);
    if (t->data[t->len] != '\0')
        fail("data not NUL-terminated at len", t->len);
    for (size_t i = 0; i < t->len;) {
        const unsigned char *s = (const unsigned char *)t->data;
        size_t n = utf8_seq(s + i, t->len - i);

        if (n == 0)
            fail("invalid UTF-8 in the decoded text", i);
        if (s[i] == '\r')
            fail("CR in the decoded text", i);
        if (s[i] == '\0')
            fail("NUL in the decoded text", i);
        if (s[i] == '\n')
            n_lines++;
        i += n;
    }
    check_nfc(t->data, t->len);
    if (t->n_bytes != size)
        fail("n_bytes is not the input size", t->n_bytes);
    if (t->n_warnings > FG_TEXT_MAX_WARNINGS || t->n_warnings > t->n_replaced)
        fail("more warnings than allowed or than replacements", t->n_warnings);
    for (size_t k = 0; k < t->n_warnings; k++) {
        if (t->warnings[k].message == NULL || t->warnings[k].message[0] == '\0')
            fail("warning without a message", k);
        if (t->warnings[k].line < 1 || t->warnings[k].line > n_lines)
            fail("warning line outside the text", t->warnings[k].line);
        if (k > 0 && t->warnings[k].line < t->warnings[k - 1].line)
            fail("warnings out of input order", k);
    }
    if ((unsigned)t->encoding > FG_ENC_GB18030 || fg_encoding_name(t->encoding) == NULL)
        fail("bad encoding", (size_t)t->encoding);
    if (strcmp(t->name, "fuzz.txt") != 0)
        fail("name not kept", 0);
    {
        const char *sha = fg_text_sha256(t);
        struct sha256_ctx ctx;
        uint8_t d[SHA256_DIGEST_SIZE];
        char want[65];

        sha256_init(&ctx);
        sha256_update(&ctx, size, data);
        sha256_digest(&ctx, sizeof d, d);
        for (size_t k = 0; k < sizeof d; k++) {
            want[2 * k] = hex[d[k] >> 4];
            want[2 * k + 1] = hex[d[k] & 15];
        }
        want[64] = '\0';
        if (strcmp(sha, want) != 0)
            fail("sha256 is not that of the raw bytes", 0);
    }
    fg_text_free(t);
    return 0;
}

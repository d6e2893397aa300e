/*
 * The HTML reader's first step: the page's bytes, in whatever encoding the page declares or
 * the bytes show, as clean UTF-8 (read_html_int.h tells the rules).
 */
#define _GNU_SOURCE /* memmem */
#include "read_html_int.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <string.h>

#include "error.h"
#include "reader.h"

/* The length of the valid UTF-8 sequence at b (RFC 3629: no overlongs, surrogates or code
 * points past U+10FFFF), or 0. */
static size_t utf8_seq(const unsigned char *b, size_t len)
{
    unsigned char c = b[0];

    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return len >= 2 && (b[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        unsigned char hi = c == 0xED ? 0x9F : 0xBF;

        return len >= 3 && b[1] >= lo && b[1] <= hi && (b[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c < 0xF5) {
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;

        return len >= 4 && b[1] >= lo && b[1] <= hi && (b[2] & 0xC0) == 0x80 &&
                       (b[3] & 0xC0) == 0x80
                   ? 4
                   : 0;
    }
    return 0;
}

/* Whether b is valid UTF-8; *non_ascii tells whether it has a byte past 0x7F. */
static bool utf8_valid(const unsigned char *b, size_t len, bool *non_ascii)
{
    size_t i = 0;

    *non_ascii = false;
    while (i < len) {
        size_t n;

        if (b[i] < 0x80) {
            i++;
            continue;
        }
        *non_ascii = true;
        n = utf8_seq(b + i, len - i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

/* Append b to out as clean UTF-8: invalid bytes become U+FFFD, NUL and C0 controls other than
 * tab and LF a blank, CR LF and CR an LF. */
static int clean_utf8(fg_str *out, const unsigned char *b, size_t len)
{
    int rc = FG_OK;
    size_t i = 0;

    FG_TRY(fg_str_reserve(out, len));
    while (i < len) {
        size_t j = i;
        size_t n = 0;

        while (j < len && (n = utf8_seq(b + j, len - j)) != 0 && (b[j] >= 0x20 || b[j] == '\t' ||
                                                                 b[j] == '\n'))
            j += n;
        FG_TRY(fg_str_append(out, (const char *)b + i, j - i));
        if (j == len)
            break;
        if (n == 0) {
            FG_TRY(fg_str_append(out, "\xEF\xBF\xBD", 3));
        } else if (b[j] == '\r') {
            if (j + 1 == len || b[j + 1] != '\n')
                FG_TRY(fg_str_appendc(out, '\n'));
        } else {
            FG_TRY(fg_str_appendc(out, ' '));
        }
        i = j + 1;
    }
out:
    return rc;
}

/*
 * Convert b from the encoding from into UTF-8, appended to out. Strict: stop at the first
 * invalid or incomplete sequence and set *failed; otherwise each becomes U+FFFD. *failed is
 * also set when iconv does not know the encoding.
 */
static int from_iconv(fg_str *out, const char *from, const unsigned char *b, size_t len,
                      bool strict, bool *failed)
{
    iconv_t cd = iconv_open("UTF-8", from);
    char *in = (char *)b; /* iconv does not write to its input */
    size_t in_left = len;
    int rc = FG_OK;

    *failed = false;
    if (cd == (iconv_t)-1) {
        *failed = true;
        return FG_OK;
    }
    for (;;) {
        int e;

        FG_TRY(fg_str_append_iconv(out, cd, &in, &in_left, &e));
        if (e == 0)
            break;
        if (strict || (e != EILSEQ && e != EINVAL)) {
            *failed = true;
            break;
        }
        FG_TRY(fg_str_append(out, "\xEF\xBF\xBD", 3));
        if (e == EINVAL) {
            in_left = 0; /* an incomplete sequence at the end */
        } else {
            in++;
            in_left--;
        }
    }
out:
    iconv_close(cd);
    return rc;
}

static bool starts_ci(const unsigned char *b, size_t len, const char *lit)
{
    size_t n = strlen(lit);

    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = b[i];

        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)lit[i])
            return false;
    }
    return true;
}

/* The encoding a <meta> or an XML declaration in the first 8 KB names, into name[cap]. */
static bool prescan(const unsigned char *b, size_t len, char *name, size_t cap)
{
    size_t n = len < 8192 ? len : 8192;

    for (size_t i = 0; i < n; i++) {
        size_t end;

        if (b[i] != '<')
            continue;
        if (starts_ci(b + i, n - i, "<!--")) {
            const unsigned char *close = memmem(b + i + 4, n - i - 4, "-->", 3);

            if (close == NULL)
                return false;
            i = (size_t)(close - b) + 2;
            continue;
        }
        if (!starts_ci(b + i, n - i, "<meta") && !starts_ci(b + i, n - i, "<?xml"))
            continue;
        for (end = i; end < n && b[end] != '>'; end++)
            ;
        for (size_t k = i; k < end; k++) {
            size_t m = 0;

            if (starts_ci(b + k, end - k, "charset"))
                k += 7;
            else if (b[i + 1] == '?' && starts_ci(b + k, end - k, "encoding"))
                k += 8;
            else
                continue;
            while (k < end && (b[k] == ' ' || b[k] == '\t' || b[k] == '\n' || b[k] == '\r'))
                k++;
            if (k == end || b[k] != '=')
                continue;
            k++;
            while (k < end && (b[k] == ' ' || b[k] == '"' || b[k] == '\'' || b[k] == '\t'))
                k++;
            while (k < end && m + 1 < cap &&
                   ((b[k] >= 'a' && b[k] <= 'z') || (b[k] >= 'A' && b[k] <= 'Z') ||
                    (b[k] >= '0' && b[k] <= '9') || b[k] == '-' || b[k] == '_' || b[k] == '.' ||
                    b[k] == ':'))
                name[m++] = (char)b[k++];
            name[m] = '\0';
            if (m > 0)
                return true;
        }
        i = end;
    }
    return false;
}

/* The iconv name for a declared encoding: Chinese ones as GB18030 (a superset of GB2312 and
 * GBK), Big5 as BIG5-HKSCS, Latin ones as WINDOWS-1252 (as browsers do), UTF-16 on an 8-bit
 * page as UTF-8; any other name iconv knows as itself; NULL for an unknown one. */
static const char *canonical(char *name)
{
    static const struct {
        const char *iconv;
        const char *names[16]; /* NULL after the last */
    } families[] = {
        {"GB18030",
         {"gb2312", "gbk", "gb18030", "gb_2312-80", "gb_2312", "x-gbk", "cp936", "ms936",
          "windows-936", "csgb2312", "euc-cn", "x-euc-cn", "chinese", "iso-ir-58",
          "csiso58gb231280"}},
        {"UTF-8",
         {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode"}},
        {"BIG5-HKSCS", {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950"}},
        {"WINDOWS-1252",
         {"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
          "iso-8859-15", "ansi_x3.4-1968"}},
    };
    iconv_t cd;

    for (char *p = name; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    for (size_t f = 0; f < sizeof families / sizeof *families; f++)
        for (size_t k = 0; families[f].names[k] != NULL; k++)
            if (strcmp(name, families[f].names[k]) == 0)
                return families[f].iconv;
    cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return NULL;
    iconv_close(cd);
    return name;
}

int fg_read_html__utf8(fg_str *out, const char *name, const unsigned char *b, size_t len)
{
    char meta[64];
    const char *enc = NULL;
    bool bom = false;
    bool non_ascii;
    bool valid;
    bool failed = false;
    fg_str tmp = FG_STR_INIT;
    int rc = FG_OK;

    fg_str_clear(out);
    if (len > FG_RD_MAX_INFLATE)
        return fg_error_set(FG_EFORMAT, "%s: the web page is larger than %zu MB", name,
                            FG_RD_MAX_INFLATE >> 20);
    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
        enc = "UTF-8";
        b += 3;
        len -= 3;
        bom = true;
    } else if (len >= 2 && (memcmp(b, "\xFF\xFE", 2) == 0 || memcmp(b, "\xFE\xFF", 2) == 0)) {
        enc = b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        b += 2;
        len -= 2;
        bom = true;
    } else if (prescan(b, len, meta, sizeof meta)) {
        enc = canonical(meta);
    }
    if (!bom) {
        valid = utf8_valid(b, len, &non_ascii);
        if (valid && (non_ascii || enc == NULL))
            enc = "UTF-8";
        if (!valid && (enc == NULL || strcmp(enc, "UTF-8") == 0)) {
            FG_TRY(from_iconv(&tmp, "GB18030", b, len, true, &failed));
            if (!failed)
                enc = "GB18030";
            else
                fg_str_clear(&tmp);
        }
        if (enc == NULL)
            enc = "UTF-8";
    }
    if (strcmp(enc, "UTF-8") != 0 && tmp.len == 0) {
        FG_TRY(from_iconv(&tmp, enc, b, len, false, &failed));
        if (failed)
            fg_str_clear(&tmp); /* iconv lacks it after all: read the bytes as UTF-8 */
    }
    if (strcmp(enc, "UTF-8") == 0 || failed)
        FG_TRY(clean_utf8(out, b, len));
    else
        FG_TRY(clean_utf8(out, (const unsigned char *)tmp.ptr, tmp.len));
    if (out->len > FG_RD_MAX_INFLATE)
        rc = fg_error_set(FG_EFORMAT, "%s: the web page is larger than %zu MB", name,
                          FG_RD_MAX_INFLATE >> 20);
out:
    fg_str_dispose(&tmp);
    return rc;
}

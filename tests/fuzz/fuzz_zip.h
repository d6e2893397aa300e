/*
 * What the fuzz targets of ZIP formats (fuzz_docx.c, fuzz_xlsx.c) share: a package built from
 * the parts an input holds. Needs libzip.
 */
#ifndef FG_FUZZ_ZIP_H
#define FG_FUZZ_ZIP_H

#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "fuzz_reader.h"

/*
 * A ZIP holding data's parts: the XML of each, separated by lines "--part--", stored under
 * the names parts[0 .. n_parts) in that order (an empty part after the first is left out);
 * stored uncompressed, so that mutations reach the reader's XML walker instead of failing
 * the ZIP's checksums. NULL when libzip fails; else malloc'd, *out_len its size.
 */
static unsigned char *fuzz_parts_zip(const uint8_t *data, size_t size, const char *const *parts,
                                     size_t n_parts, size_t *out_len)
{
    static const char sep[] = "\n--part--\n";
    zip_error_t ze;
    zip_source_t *buf;
    zip_t *za;
    unsigned char *bytes = NULL;
    zip_int64_t len;
    size_t at = 0;

    zip_error_init(&ze);
    buf = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (buf == NULL)
        return NULL;
    zip_source_keep(buf);
    za = zip_open_from_source(buf, ZIP_TRUNCATE, &ze);
    if (za == NULL)
        goto out;
    for (size_t k = 0; k < n_parts && at <= size; k++) {
        const uint8_t *end = memmem(data + at, size - at, sep, sizeof sep - 1);
        size_t n = end ? (size_t)(end - (data + at)) : size - at;
        zip_source_t *s;
        zip_int64_t idx;

        if (n == 0 && k > 0) { /* an empty part: no such part */
            at += n + sizeof sep - 1;
            continue;
        }
        s = zip_source_buffer(za, data + at, n, 0);
        if (s == NULL)
            break;
        idx = zip_file_add(za, parts[k], s, ZIP_FL_OVERWRITE);
        if (idx < 0) {
            zip_source_free(s);
            break;
        }
        zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
        at += n + sizeof sep - 1;
    }
    if (zip_close(za) != 0) {
        zip_discard(za);
        goto out;
    }
    if (zip_source_open(buf) != 0)
        goto out;
    zip_source_seek(buf, 0, SEEK_END);
    len = zip_source_tell(buf);
    zip_source_seek(buf, 0, SEEK_SET);
    if (len > 0 && (bytes = malloc((size_t)len)) != NULL &&
        zip_source_read(buf, bytes, (zip_uint64_t)len) != len) {
        free(bytes);
        bytes = NULL;
    }
    *out_len = len > 0 ? (size_t)len : 0;
    zip_source_close(buf);
out:
    zip_source_free(buf);
    zip_error_fini(&ze);
    return bytes;
}

/*
 * The body of a ZIP format's target: an input that starts with "PK" goes to the reader as it
 * is (the ZIP layer), any other is the parts of a package built by fuzz_parts_zip().
 */
static int fuzz_zip_run(const char *target, int (*reader)(fg_rd *, const unsigned char *, size_t),
                        const char *const *parts, size_t n_parts, const uint8_t *data,
                        size_t size)
{
    unsigned char *zip;
    size_t len = 0;

    if (size >= 2 && data[0] == 'P' && data[1] == 'K')
        return fuzz_reader_run(target, reader, data, size);
    zip = fuzz_parts_zip(data, size, parts, n_parts, &len);
    if (zip != NULL)
        fuzz_reader_run(target, reader, zip, len);
    free(zip);
    return 0;
}

#endif

/*
 * libFuzzer target: the DOCX reader on arbitrary bytes (fuzz_reader.h tells what is checked).
 *
 * An input that starts with "PK" is given to the reader as it is: the ZIP layer. Any other
 * input is the XML of the parts, separated by lines "--part--", in the order
 * word/document.xml, word/numbering.xml, word/styles.xml, word/footnotes.xml (an empty one
 * after the first is left out); they are stored (uncompressed) in a ZIP built here, so that
 * mutations reach the XML walker and the numbering instead of failing the ZIP's checksums.
 */
#define _GNU_SOURCE /* memmem */
#include <zip.h>

#include "fuzz_reader.h"

static const char *const parts[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml",
                                    "word/footnotes.xml"};

/* A ZIP holding the parts of data; NULL when libzip fails. */
static unsigned char *build_zip(const uint8_t *data, size_t size, size_t *out_len)
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
    for (size_t k = 0; k < sizeof parts / sizeof *parts && at <= size; k++) {
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *zip;
    size_t len = 0;

    if (size >= 2 && data[0] == 'P' && data[1] == 'K')
        return fuzz_reader_run("fuzz_docx", fg_read_docx, data, size);
    zip = build_zip(data, size, &len);
    if (zip != NULL)
        fuzz_reader_run("fuzz_docx", fg_read_docx, zip, len);
    free(zip);
    return 0;
}

/*
 * libFuzzer target: the DOCX reader on arbitrary bytes (fuzz_reader.h tells what is checked).
 *
 * An input that starts with "PK" is given to the reader as it is: the ZIP layer. Any other
 * input is the XML of the parts, separated by lines "--part--", in the order
 * word/document.xml, word/numbering.xml, word/styles.xml, word/footnotes.xml (an empty one
 * after the first is left out); they are stored (uncompressed) in a ZIP built here, so that
 * mutations reach the XML walker and the numbering instead of failing the ZIP's checksums.
 */
#include "fuzz_zip.h"

#include "fuzz_reader.h"

static const char *const parts[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml",
                                    "word/footnotes.xml"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *zip;
    size_t len = 0;

    if (size >= 2 && data[0] == 'P' && data[1] == 'K')
        return fuzz_reader_run("fuzz_docx", fg_read_docx, data, size);
    zip = fuzz_parts_zip(data, size, parts, sizeof parts / sizeof *parts, &len);
    if (zip != NULL)
        fuzz_reader_run("fuzz_docx", fg_read_docx, zip, len);
    free(zip);
    return 0;
}

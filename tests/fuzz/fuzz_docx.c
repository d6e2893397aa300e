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

static const char *const parts[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml",
                                    "word/footnotes.xml"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_zip_run("fuzz_docx", fg_read_docx, parts, sizeof parts / sizeof *parts, data, size);
}

/*
 * libFuzzer target: the XLSX reader on arbitrary bytes (fuzz_reader.h tells what is checked).
 *
 * An input that starts with "PK" is given to the reader as it is: the ZIP layer. Any other
 * input is the XML of the parts, separated by lines "--part--", in the order
 * xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/worksheets/sheet1.xml,
 * xl/sharedStrings.xml, xl/styles.xml (an empty one after the first is left out), stored in
 * a ZIP built here (fuzz_zip.h), so that mutations reach the sheets, the merged ranges, the
 * shared strings and the date styles.
 */
#include "fuzz_zip.h"

static const char *const parts[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                    "xl/styles.xml"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_zip_run("fuzz_xlsx", fg_read_xlsx, parts, sizeof parts / sizeof *parts, data, size);
}

/* libFuzzer target: the PDF reader on arbitrary bytes (fuzz_reader.h tells what is checked). */
#include "fuzz_reader.h"

FUZZ_READER("fuzz_pdf", fg_read_pdf)

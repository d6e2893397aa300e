/* libFuzzer target: the DOCX reader on arbitrary bytes (fuzz_reader.h tells what is checked). */
#include "fuzz_reader.h"

FUZZ_READER("fuzz_docx", fg_read_docx)

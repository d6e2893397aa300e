/* libFuzzer target: the RTF reader on arbitrary bytes (fuzz_reader.h tells what is checked). */
#include "fuzz_reader.h"

FUZZ_READER("fuzz_rtf", fg_read_rtf)

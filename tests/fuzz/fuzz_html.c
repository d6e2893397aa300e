/* libFuzzer target: the HTML reader on arbitrary bytes (fuzz_reader.h tells what is checked). */
#include "fuzz_reader.h"

FUZZ_READER("fuzz_html", fg_read_html)

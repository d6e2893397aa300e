/* libFuzzer target: the OpenDocument reader on arbitrary bytes (fuzz_reader.h tells what is
 * checked). An input that does not start with "PK" is a flat document (.fodt), whose XML
 * reaches the walker directly; corpus/odf/ holds flat documents and one .odt. */
#include "fuzz_reader.h"

FUZZ_READER("fuzz_odf", fg_read_odf)

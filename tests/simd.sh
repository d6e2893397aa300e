#!/bin/sh
# SIMD paths: extraction must not depend on whether the AVX2 twin of the character scanner
# runs (src/simd.h).
#
#   sh tests/simd.sh PATH/TO/fengong
#
# Runs `extract --format json` (and tsv) over the bundled documents, the seeds, the forms,
# the fuzz corpora and 34 copies of a seed shifted by 0..33 bytes (so that every scanner
# block boundary falls everywhere), once as it comes and once with the AVX2 paths turned off
# by the C library (GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2, which also changes glibc's own
# string functions), and checks that the output and exit status are byte-identical. On a
# CPU without AVX2 both runs take the portable path and the comparison still holds; the
# unit tests' @noavx2 runs check that the switch takes.
# The last line is `SCRIPT.sh: N passed, M failed`; the exit status is non-zero when anything failed.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"


mkdir "$tmp/shifted"
seed=$src/tests/fixtures/seeds/001_f9c4e63d6d2549a0.txt
k=0
pad=
while [ $k -le 33 ]; do
    { printf '%s\n' "$pad"; cat "$seed"; } > "$tmp/shifted/s$k.txt"
    pad="${pad}x"
    k=$((k + 1))
done

for set in "$src/graphs/documents" "$src/tests/fixtures/seeds" "$src/tests/forms" \
           "$src/tests/fuzz/corpus/parse" "$src/tests/fuzz/corpus/decode" "$tmp/shifted"; do
    for fmt in json tsv; do
        "$bin" extract --format $fmt "$set"/* > "$tmp/avx2.out" 2> "$tmp/avx2.err"
        echo "exit $?" >> "$tmp/avx2.out"
        GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2 "$bin" extract --format $fmt "$set"/* \
            > "$tmp/base.out" 2> "$tmp/base.err"
        echo "exit $?" >> "$tmp/base.out"
        name="$(basename "$set") $fmt"
        if cmp -s "$tmp/base.out" "$tmp/avx2.out" && cmp -s "$tmp/base.err" "$tmp/avx2.err"; then
            pass=$((pass + 1))
        else
            echo "FAIL: $name: output differs with the AVX2 paths off" >&2
            fail=$((fail + 1))
        fi
    done
done
fg_end

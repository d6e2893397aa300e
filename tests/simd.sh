#!/bin/sh
# SIMD paths: extraction must not depend on which instruction set extensions run.
#
#   sh tests/simd.sh PATH/TO/fengong
#
# Runs `extract --format json` (and tsv) over the bundled documents, the seeds, the forms,
# the fuzz corpora and 34 copies of a seed shifted by 0..33 bytes (so that every scanner
# block boundary falls everywhere), once with FG_SIMD=base (SSE2 only), ssse3 and avx2
# each, and checks that the output and exit status are byte-identical. On a CPU without
# AVX2 or SSSE3 the higher levels fall back and the comparison still holds.
# The last line is `SCRIPT.sh: N passed, M failed`; the exit status is non-zero when anything failed.

set -u

me=simd.sh
bin=${1:-${FG_BIN:-}}
. "$(dirname "$0")/lib.sh"
fg_begin "sh tests/simd.sh PATH/TO/fengong"


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
        for level in base ssse3 avx2; do
            FG_SIMD=$level "$bin" extract --format $fmt "$set"/* > "$tmp/$level.out" 2> "$tmp/$level.err"
            echo "exit $?" >> "$tmp/$level.out"
        done
        name="$(basename "$set") $fmt"
        if cmp -s "$tmp/base.out" "$tmp/ssse3.out" && cmp -s "$tmp/base.out" "$tmp/avx2.out" &&
           cmp -s "$tmp/base.err" "$tmp/ssse3.err" && cmp -s "$tmp/base.err" "$tmp/avx2.err"; then
            pass=$((pass + 1))
        else
            echo "FAIL: $name: output differs between FG_SIMD levels" >&2
            fail=$((fail + 1))
        fi
    done
done
fg_end

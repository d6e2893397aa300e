#!/bin/sh
# Reading speed of each input format: the five seed documents as text, and as DOCX, PDF and
# HTML made from the same text by the test fixture generators (tests/fixtures/make_*.py),
# measured by bench_read on one core (MB/s of raw input, and of the text the reader made).
# The rows and items of each format must equal the text's: the readers feed one grammar.
# usage: sh bench/formats.sh [BUILD_DIR]
set -eu
build=${1:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
files=""
for f in "$src"/tests/fixtures/seeds/*.txt; do
    b=$(basename "$f" .txt)
    files="$files $f"
    for fmt in docx pdf html; do
        gen=$src/tests/fixtures/make_$fmt.py
        [ -f "$gen" ] || continue
        /usr/bin/python3 "$gen" "$f" "$tmp/$b.$fmt" >/dev/null
        files="$files $tmp/$b.$fmt"
    done
done
echo "sizes (bytes): $(du -cb $files | tail -1 | cut -f1) in all"
for fmt in txt docx pdf html; do
    n=0
    for f in $files; do case $f in *.$fmt) n=$((n + $(wc -c <"$f"))) ;; esac; done
    echo "  $fmt: $n"
done
# shellcheck disable=SC2086 # files is a list
"$build/bench_read" --mb "${MB:-16}" $files

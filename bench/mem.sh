#!/bin/sh
# Extraction as a user waits for it: wall-clock MB/s (user and kernel time included) and
# peak RSS of `fengong extract` (rows, TSV, to /dev/null) on one big document, and on the
# same bytes as many files.
#
# usage: sh bench/mem.sh [BUILD_DIR] [MB]
#   BUILD_DIR  where fengong was built (default build)
#   MB         size of the big document in MB of 2^20 bytes (default 60): the five bundled
#              documents (graphs/documents/*.txt) concatenated as often as it takes
#
# The many files are those very copies, each its own file (127 × 5 files for 60 MB), read
# by one process on every CPU as `fengong extract` does by default. Each figure is the best
# wall time of three runs (with that run's user and system seconds); peak RSS is the largest
# of the three (/usr/bin/time -f %M). The bound is the one issue 20 sets for extraction:
# peak RSS ≤ 2 × input + 32 MB; the last column says whether the run kept within it.
# cpu_MB/s divides by user + system seconds instead: what the wall figure would be on an
# idle machine with one document (the many files run on every CPU, so their CPU seconds
# add up across CPUs).
set -u
build=${1:-build}
mb=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/lib.sh"
bench_tools mem.sh "$build"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fg-mem.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# The corpus: copies of the bundled documents until MB, as one file and as many.
mkdir "$tmp/many"
want=$((mb * 1048576))
have=0
k=0
while [ "$have" -lt "$want" ]; do
    for f in "$root"/graphs/documents/*.txt; do
        cp "$f" "$tmp/many/$(printf %04d $k)_$(basename "$f")"
        cat "$f" >> "$tmp/big.txt"
    done
    have=$(wc -c < "$tmp/big.txt")
    k=$((k + 1))
done
n_files=$(ls "$tmp/many" | wc -l)

# One measure: best wall of three runs of extract on the given files.
measure() {
    what=$1
    shift
    best=
    rss=0
    for run in 1 2 3; do
        if ! /usr/bin/time -o "$tmp/time" -f '%e %U %S %M' "$fg" extract "$@" > /dev/null 2> "$tmp/err"; then
            echo "mem.sh: extract failed: $(head -3 "$tmp/err")" >&2
            exit 1
        fi
        read -r e u s m < "$tmp/time"
        [ "$m" -gt "$rss" ] && rss=$m
        if [ -z "$best" ] || awk -v a="$e" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$e
            bu=$u
            bs=$s
        fi
    done
    awk -v w="$what" -v n="$n" -v b="$have" -v e="$best" -v u="$bu" -v s="$bs" -v m="$rss" 'BEGIN {
        mib = b / 1048576; rss = m / 1024; bound = 2 * mib + 32
        printf "%-14s %8.1f %6d %7.2f %7.2f %7.2f %10.1f %9.1f %12.1f %9.1f  %s\n", w, mib, n, e,
               u, s, mib / (e > 0 ? e : 0.01), mib / (u + s > 0 ? u + s : 0.01), rss, bound,
               rss <= bound ? "yes" : "NO" }'
}

printf '%-14s %8s %6s %7s %7s %7s %10s %9s %12s %9s  %s\n' input MB files wall_s user_s sys_s \
       wall_MB/s cpu_MB/s peak_RSS_MB bound_MB within
n=1
measure "one document" "$tmp/big.txt"
n=$n_files
measure "many files" "$tmp/many"/*

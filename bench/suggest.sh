#!/bin/sh
# Suggestion accuracy: learn from one seed, hide the other's assignments, suggest for its
# items, and score against the gold: top-1 and top-3 accuracy of the lead (items whose gold
# has at least one lead; a hit when a gold lead is among the first k suggestions), and the
# precision of the suggested co-operating agencies (top 3 per item, items with gold co).
# Baseline: always the agency that leads most in the training document.
# usage: bench/suggest.sh [BUILD_DIR]
set -eu
build=${1:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
bin=$build/fengong
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
seeds=$src/tests/fixtures/seeds
gold=$src/tests/gold/assignments.tsv
run() {
    train=$1
    test=$2
    rm -f "$tmp/db"*
    "$bin" ingest --db "$tmp/db" "$seeds/$train" >/dev/null
    "$bin" suggest --db "$tmp/db" --top 3 --format tsv "$seeds/$test" >"$tmp/sug.tsv"
    base=$("$bin" load --db "$tmp/db" --format csv | awk -F, 'NR == 2 { print $1 }')
    awk -F'\t' -v doc="$test" -v base="$base" -v train="$train" '
        FNR == 1 { next }
        FILENAME == ARGV[1] {
            if ($1 != doc) next
            if ($4 == "lead") lead[$2 SUBSEP $5] = 1; else co[$2 SUBSEP $5] = 1
            if ($4 == "lead") hasl[$2] = 1; else hasc[$2] = 1
            next
        }
        {
            if ($6 == "lead") { if ($3 == 1) top1[$2] = $4; if ((($2 SUBSEP $4) in lead)) hit3[$2] = 1 }
            else { nco++; if ((($2 SUBSEP $4) in co)) okco++; coitems[$2] = 1 }
        }
        END {
            for (i in hasl) {
                n++
                if (((i SUBSEP top1[i]) in lead)) h1++
                if (i in hit3) h3++
                if (((i SUBSEP base) in lead)) b1++
            }
            printf "%s -> %s: %d items with a lead; top-1 %.3f, top-3 %.3f (baseline %s: %.3f); co precision %.3f (%d suggested)\n",
                train, doc, n, h1 / n, h3 / n, base, b1 / n, (nco ? okco / nco : 0), nco
        }' "$gold" "$tmp/sug.tsv"
}
run 001_f9c4e63d6d2549a0.txt 002_087d1517bea72081.txt
run 002_087d1517bea72081.txt 001_f9c4e63d6d2549a0.txt

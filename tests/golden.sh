#!/bin/sh
# Golden test: extract seeds 001 and 002 and compare with tests/gold/ (a copy of the
# hand-checked gold). Assignments need precision and recall >= 0.995; items (those with a
# clause) and work-team rows must be equal. Prints a diff and the figures on failure.
# usage: tests/golden.sh PATH/TO/fengong [GOLD_DIR] [--regen]
#   --regen refreshes tests/gold/ from ../shared/gold (the hand-checked source) and shows
#   the diff for review; it never writes fengong's own output into the gold.
. "$(dirname "$0")/lib.sh"
fg_usage='sh tests/golden.sh PATH/TO/fengong [GOLD_DIR [--regen]]'
fg_begin "$@"
gold=${2:-$src/tests/gold}
if [ "${3:-}" = "--regen" ]; then
    shared=$src/../shared/gold
    [ -d "$shared" ] || { echo "golden: no hand-checked gold at $shared"; exit 1; }
    for f in assignments.tsv items.tsv teams.tsv NOTES.md; do
        diff -u "$gold/$f" "$shared/$f" || true
        cp "$shared/$f" "$gold/$f"
    done
    echo "golden: tests/gold refreshed from $shared; review the diff above before committing"
    exit 0
fi
seeds=$src/tests/fixtures/seeds

cd "$seeds" || exit 1
"$bin" extract --format tsv 001_f9c4e63d6d2549a0.txt 002_087d1517bea72081.txt \
    >"$tmp/assign.out" 2>"$tmp/err" || { echo "golden: extract failed"; cat "$tmp/err"; exit 1; }
"$bin" extract --format tsv --items 001_f9c4e63d6d2549a0.txt 002_087d1517bea72081.txt \
    >"$tmp/items.out" 2>>"$tmp/err" || { echo "golden: extract --items failed"; exit 1; }
"$bin" extract --format tsv --teams 001_f9c4e63d6d2549a0.txt 002_087d1517bea72081.txt \
    >"$tmp/teams.out" 2>>"$tmp/err" || { echo "golden: extract --teams failed"; exit 1; }

# Assignments: precision and recall over (doc, item, clause, role, agency) rows.
tail -n +2 "$gold/assignments.tsv" | LC_ALL=C sort >"$tmp/want"
tail -n +2 "$tmp/assign.out" | LC_ALL=C sort >"$tmp/have"
tp=$(LC_ALL=C comm -12 "$tmp/want" "$tmp/have" | wc -l)
fn=$(LC_ALL=C comm -23 "$tmp/want" "$tmp/have" | wc -l)
fp=$(LC_ALL=C comm -13 "$tmp/want" "$tmp/have" | wc -l)
if awk -v tp="$tp" -v fn="$fn" -v fp="$fp" 'BEGIN {
    p = tp + fp ? tp / (tp + fp) : 0; r = tp + fn ? tp / (tp + fn) : 0
    printf "golden: assignments gold=%d matched=%d missing=%d extra=%d precision=%.4f recall=%.4f\n",
        tp + fn, tp, fn, fp, p, r
    exit !(p >= 0.995 && r >= 0.995) }'; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
fi
if [ "$fn" -gt 0 ] || [ "$fp" -gt 0 ]; then
    echo "  missing (-) and extra (+) assignment rows:"
    LC_ALL=C comm -23 "$tmp/want" "$tmp/have" | head -20 | sed 's/^/  - /'
    LC_ALL=C comm -13 "$tmp/want" "$tmp/have" | head -20 | sed 's/^/  + /'
fi

# equal WHAT UNIT: the sorted rows $tmp/want_WHAT and $tmp/have_WHAT must be equal; prints
# their count in UNITs, or the start of the diff.
equal() {
    if diff -u "$tmp/want_$1" "$tmp/have_$1" >"$tmp/$1.diff"; then
        echo "golden: $1 equal ($(wc -l <"$tmp/want_$1") $2)"
        pass=$((pass + 1))
    else
        echo "golden: $1 differ:"
        head -40 "$tmp/$1.diff"
        fail=$((fail + 1))
    fi
}

# Items that hold at least one clause: doc, item, clauses, title.
tail -n +2 "$gold/items.tsv" | LC_ALL=C sort >"$tmp/want_items"
awk -F'\t' 'NR > 1 && $3 > 0' "$tmp/items.out" | LC_ALL=C sort >"$tmp/have_items"
equal items "items with clauses"

# Work teams: every row equal.
tail -n +2 "$gold/teams.tsv" | LC_ALL=C sort >"$tmp/want_teams"
tail -n +2 "$tmp/teams.out" | LC_ALL=C sort >"$tmp/have_teams"
equal teams rows
fg_end

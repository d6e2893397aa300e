#!/bin/sh
# One set of listing options: every listing command (documents, search, agencies, load,
# centrality, communities, coord, pairs, compare, suggest) takes --limit N and --format, gives
# at most N rows with --limit 2 (in TSV and in JSON) where it has more without, and names both
# options in its --help.
set -u
bin=$1
src=${FG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
py=/usr/bin/python3

db=$tmp/t.db
docs=$src/graphs/documents
"$bin" ingest --db "$db" "$docs"/*.txt >/dev/null 2>&1 || { echo "ingest failed"; exit 1; }
plan=$(ls "$docs"/2025_*.txt | head -1)
x=省发展改革委
y=省财政厅

# name|arguments (split on blanks; | separates the name from them)
cat >"$tmp/cases" <<CASES
documents|documents
search|search 推进
agencies|agencies
load|load
centrality|centrality
communities|communities
coord X|coord $x
coord X Y|coord $x $y
pairs|pairs
compare|compare 2022 2025
compare --pairs|compare --pairs 2022 2025
suggest|suggest $plan
CASES

while IFS='|' read -r name args; do
    # shellcheck disable=SC2086 # the arguments are split on blanks
    "$bin" $args --db "$db" --format tsv >"$tmp/all" 2>"$tmp/err.all"
    rc_all=$?
    # shellcheck disable=SC2086
    "$bin" $args --db "$db" --format tsv --limit 2 >"$tmp/two" 2>"$tmp/err.two"
    rc_two=$?
    # shellcheck disable=SC2086
    "$bin" $args --db "$db" --format json --limit 2 >"$tmp/two.json" 2>/dev/null
    n_all=$(($(wc -l <"$tmp/all") - 1))
    n_two=$(($(wc -l <"$tmp/two") - 1))
    # JSON: an array of rows, or (compare) an object whose arrays are the tables: the longest.
    n_json=$($py -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(len(d) if isinstance(d, list) else max(len(v) for v in d.values() if isinstance(v, list)))
' "$tmp/two.json" 2>/dev/null || echo "not JSON")
    if [ "$rc_all" -ne 0 ] || [ "$rc_two" -ne 0 ]; then
        bad "$name --limit 2: exit $rc_two (without: $rc_all): $(head -1 "$tmp/err.two")"
    elif [ "$n_all" -le 2 ]; then
        bad "$name: only $n_all rows without --limit, the test needs more"
    elif [ "$n_two" -ne 2 ] || [ "$n_json" != 2 ]; then
        bad "$name --limit 2: $n_two TSV rows, $n_json JSON rows (without: $n_all)"
    else
        ok "$name --limit 2: 2 rows in TSV and JSON (without: $n_all)"
    fi
    # The help of the command names both options.
    # shellcheck disable=SC2086
    set -- $args
    "$bin" "$1" --help >"$tmp/help" 2>&1
    if grep -q -e '--limit N' "$tmp/help" && grep -q -e '--format' "$tmp/help"; then
        ok "$1 --help documents --limit N and --format"
    else
        bad "$1 --help does not document --limit N and --format"
    fi
done <"$tmp/cases"

# A limit that is not a positive number is a usage error for every kind of command.
for c in documents agencies load; do
    "$bin" "$c" --db "$db" --limit 0 >/dev/null 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] && grep -q -e '--limit' "$tmp/err" && ok "$c --limit 0: usage error" ||
        bad "$c --limit 0: exit $rc, $(head -1 "$tmp/err")"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

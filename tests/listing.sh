#!/bin/sh
# One set of listing options: every listing command (documents, search, agencies, load,
# centrality, communities, coord, pairs, compare, suggest, targets) takes --limit N and
# --format, gives at most N rows with --limit 2 (in TSV and in JSON) where it has more
# without, and names both options in its --help; load and centrality take --sort KEY. (due
# has too few rows on these documents: tests/track.sh tries its --limit.)
. "$(dirname "$0")/lib.sh"
fg_begin "$@"

db=$tmp/t.db
docs=$src/graphs/documents
fg_ingest_bundled "$db"
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
targets|targets
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

# --sort where the order is worth choosing (load, centrality): the chosen column is in
# order (largest first; agency by name), with --limit cutting after the sort; a key that is
# not a column is a usage error naming the keys.
sorted_by() { # FILE COLUMN: the column of a TSV is non-increasing
    awk -F'\t' -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
        NR > 2 && $k + 0 > prev + 0 { bad = 1 } { prev = $k } END { exit bad || !k }' "$1"
}
for spec in load:co load:total load:documents centrality:betweenness centrality:degree; do
    c=${spec%%:*} k=${spec#*:}
    "$bin" "$c" --db "$db" --format tsv --sort "$k" >"$tmp/s" 2>"$tmp/e"
    "$bin" "$c" --db "$db" --format tsv --sort "$k" --limit 3 >"$tmp/s3" 2>>"$tmp/e"
    if [ "$(wc -l <"$tmp/s")" -gt 3 ] && sorted_by "$tmp/s" "$k" &&
        [ "$(head -4 "$tmp/s")" = "$(cat "$tmp/s3")" ]; then
        ok "$c --sort $k: in order, --limit 3 gives its first three"
    else
        bad "$c --sort $k: not in order or limited before sorting: $(head -3 "$tmp/e")"
    fi
done
# the default order is not that of co (else the test above proves nothing for load)
"$bin" load --db "$db" --format tsv >"$tmp/s"
sorted_by "$tmp/s" co && bad "load: the default order is already by co" || ok "load: the default order is not by co"
for c in load centrality; do
    "$bin" "$c" --db "$db" --format tsv --sort agency | sed 1d | cut -f1 >"$tmp/names"
    LC_ALL=C sort -c "$tmp/names" 2>/dev/null && [ -s "$tmp/names" ] &&
        ok "$c --sort agency: by name" || bad "$c --sort agency: not by name"
    "$bin" "$c" --db "$db" --sort nosuch >/dev/null 2>"$tmp/e"
    rc=$?
    [ "$rc" -eq 2 ] && grep -q "sort is one of" "$tmp/e" && ok "$c --sort nosuch: usage error" ||
        bad "$c --sort nosuch: exit $rc, $(cat "$tmp/e")"
    "$bin" "$c" --help | grep -q -e '--sort KEY' && ok "$c --help documents --sort KEY" ||
        bad "$c --help lacks --sort KEY"
done

fg_end

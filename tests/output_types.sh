#!/bin/sh
# Typed cells and the option parser: numbers stay numbers (JSON numbers from load, centrality
# and documents), a negative zero prints as 0 in every format (centrality on the bundled
# documents has one), CSV neutralises text cells that start like a formula and never a
# number, and an option without its argument says so. Analysis commands follow renamings by
# default (a renamed agency once, under its newest name, said under the table and in JSON);
# --as-written keeps the documents' names.
. "$(dirname "$0")/lib.sh"
fg_begin "$@"

db=$tmp/t.db
fg_ingest_bundled "$db"

# JSON numbers: every count of load, documents and centrality is a JSON number.
"$bin" load --db "$db" --format json >"$tmp/load.json" 2>&1
"$bin" documents --db "$db" --format json >"$tmp/docs.json" 2>&1
"$bin" centrality --db "$db" --format json >"$tmp/cen.json" 2>&1
if out=$($py - "$tmp" <<'PY' 2>&1
import json, sys
d = sys.argv[1]
load = json.load(open(f"{d}/load.json", encoding="utf-8"))
for r in load["agencies"]:
    for k in ("lead", "co", "total", "documents"):
        assert type(r[k]) is int, (k, r[k])
    assert type(r["lead_share"]) in (int, float), r["lead_share"]
assert type(load["balance"]["gini"]) is float and type(load["balance"]["clauses"]) is int
for r in json.load(open(f"{d}/docs.json", encoding="utf-8")):
    for k in ("items", "clauses", "assignments", "teams"):
        assert type(r[k]) is int, (k, r[k])
    assert r["year"] is None or type(r["year"]) is int, r["year"]
cen = json.load(open(f"{d}/cen.json", encoding="utf-8"))["agencies"]
for r in cen:
    assert type(r["degree"]) is int, r["degree"]
    for k in ("strength", "betweenness", "harmonic", "eigenvector", "pagerank"):
        assert type(r[k]) in (int, float), (k, r[k])
print(len(load["agencies"]), "agencies")
PY
); then
    ok "load, documents, centrality --format json: numbers are JSON numbers ($out)"
else
    bad "JSON numbers: $out"
fi

# A negative zero prints as 0 everywhere: CSV, TSV, table and JSON.
"$bin" centrality --db "$db" --format csv >"$tmp/cen.csv" 2>&1
"$bin" centrality --db "$db" --format tsv >"$tmp/cen.tsv" 2>&1
"$bin" centrality --db "$db" --format table >"$tmp/cen.txt" 2>&1
if grep -q -e "-0\b" -e "-0\.0*\b" "$tmp/cen.csv" "$tmp/cen.tsv" "$tmp/cen.txt" ||
    grep -q -e '-0\.0[^0-9]' -e ': -0[,}]' "$tmp/cen.json"; then
    bad "a negative zero is printed: $(grep -h -m1 -e '-0' "$tmp/cen.csv" "$tmp/cen.json" | head -2)"
else
    ok "centrality: no negative zero in CSV, TSV, table or JSON"
fi
# ... and the agency that had one has its zeros as plain 0 (the test can fail: it had '-0').
if grep -q '^国网湖南省电力公司,0,0,0,0,0,' "$tmp/cen.csv"; then
    ok "centrality --format csv: 国网湖南省电力公司,0,0,0,0,0,… (was \"'-0\")"
else
    bad "centrality --format csv: $(grep '^国网湖南省电力公司' "$tmp/cen.csv")"
fi
if grep -q '"' "$tmp/cen.csv"; then
    bad "centrality --format csv quotes a cell: $(grep -m1 '"' "$tmp/cen.csv")"
else
    ok "centrality --format csv: no quoted (neutralised) number"
fi

# CSV neutralises text that starts like a formula, never a number.
fg_ingest_hostile "$tmp/h.db" '=HYPERLINK局牵头，-负一局、@艾特局按职责分工负责' \
    '=HYPERLINK局、-负一局按职责分工负责'
"$bin" load --db "$tmp/h.db" --format csv >"$tmp/h.csv" 2>&1
"$bin" pairs --db "$tmp/h.db" --format csv >"$tmp/hp.csv" 2>&1
if grep -q "^\"'=HYPERLINK局\",1,1,2,1.000000,1" "$tmp/h.csv" &&
    grep -q "^\"'-负一局\",0,2,2,0.000000,1" "$tmp/h.csv" &&
    grep -q "\"'=HYPERLINK局\",2" "$tmp/hp.csv"; then
    ok "CSV: text cells starting with = - are neutralised, numbers are not"
else
    bad "CSV neutralising: $(cat "$tmp/h.csv" "$tmp/hp.csv")"
fi

# An option without its argument names the option; exit 2.
for args in "documents --db" "load --limit" "extract --format" "render network --top" \
    "export --format graphml -o"; do
    # shellcheck disable=SC2086 # the arguments are split on blanks
    "$bin" $args >/dev/null 2>"$tmp/err"
    rc=$?
    opt=${args##* }
    cmd=${args%% *}
    if [ "$rc" -eq 2 ] &&
        [ "$(head -1 "$tmp/err")" = "fengong $cmd: option '$opt' needs an argument" ]; then
        ok "$args: \"option '$opt' needs an argument\", exit 2"
    else
        bad "$args: exit $rc: $(head -1 "$tmp/err")"
    fi
done

# Renamings followed by default: 湖南银保监局 became 湖南金融监管局, 人民银行长沙中心支行
# became 人民银行湖南省分行 (graphs/agencies.tsv); the bundled documents name both.
renamed='^(湖南银保监局|湖南金融监管局|人民银行长沙中心支行|人民银行湖南省分行)	'
for cmd in load centrality; do
    "$bin" $cmd --db "$db" --format tsv >"$tmp/new.tsv" 2>&1
    "$bin" $cmd --db "$db" --format tsv --as-written >"$tmp/old.tsv" 2>&1
    new=$(grep -E "$renamed" "$tmp/new.tsv" | cut -f1 | LC_ALL=C sort | tr '\n' ' ')
    old=$(grep -cE "$renamed" "$tmp/old.tsv")
    if [ "$new" = "人民银行湖南省分行 湖南金融监管局 " ] && [ "$old" -eq 4 ]; then
        ok "$cmd follows renamings by default (2 rows), --as-written keeps the 4 names"
    else
        bad "$cmd: renamed rows by default: '$new'; with --as-written: $old"
    fi
done
for args in "load" "centrality" "communities" "pairs" "coord 省发展改革委" "path 省发展改革委 省财政厅"; do
    # shellcheck disable=SC2086
    "$bin" $args --db "$db" --format table >"$tmp/t.txt" 2>&1
    # shellcheck disable=SC2086
    "$bin" $args --db "$db" --format table --as-written >"$tmp/w.txt" 2>&1
    if grep -q '^names: a renamed agency is counted under its newest name' "$tmp/t.txt" &&
        ! grep -q '^names:' "$tmp/w.txt"; then
        ok "$args: the footnote on names, not with --as-written"
    else
        bad "$args: footnote: $(grep '^names' "$tmp/t.txt" "$tmp/w.txt")"
    fi
done
"$bin" load --db "$db" --format json --as-of 2020 >"$tmp/asof.json" 2>&1
if $py -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["names"] == {"renamings": "name of the year", "as_of": 2020}, d["names"]
' "$tmp/asof.json"; then
    ok "load --format json --as-of 2020: \"names\" says so"
else
    bad "load --as-of 2020: $(tail -5 "$tmp/asof.json")"
fi
"$bin" load --db "$db" --as-of 2020 --as-written >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'exclude each other' "$tmp/err" && ok "--as-of with --as-written: usage error" ||
    bad "--as-of with --as-written: $(head -1 "$tmp/err")"

fg_end

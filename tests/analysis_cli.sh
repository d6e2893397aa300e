#!/bin/sh
# Analysis on seeds 001+002: 省发展改革委 leads 37 tasks (the gold count), the five top
# leads match the gold, and every measure agrees with NetworkX (tests/crosscheck.py, run
# with Debian's python3 and python3-networkx).
. "$(dirname "$0")/lib.sh"
fg_begin "$@"

db=$tmp/seeds.db
fg_ingest_seeds "$db"
# --as-written: the gold holds the names as the documents print them
"$bin" load --db "$db" --format csv --as-written >"$tmp/load.csv" || { echo "load failed"; exit 1; }

lead=$(awk -F, '$1 == "省发展改革委" { print $2 }' "$tmp/load.csv")
[ "$lead" = 37 ] && ok "省发展改革委 leads 37 tasks" || bad "省发展改革委 leads '$lead' tasks, gold 37"

# Top five by lead count, as "count agency" lines, from the gold and from fengong.
awk -F'\t' 'NR > 1 && $4 == "lead" { c[$5]++ } END { for (a in c) print c[a] "\t" a }' \
    "$src/tests/gold/assignments.tsv" | LC_ALL=C sort -k1,1nr -k2 | head -5 | LC_ALL=C sort >"$tmp/gold5"
awk -F, 'NR > 1 && NR <= 6 { print $2 "\t" $1 }' "$tmp/load.csv" | LC_ALL=C sort >"$tmp/have5"
if diff "$tmp/gold5" "$tmp/have5" >/dev/null; then
    ok "top five leads match the gold: $(cut -f2 "$tmp/have5" | tr '\n' ' ')"
else
    bad "top five leads differ from the gold"
    diff "$tmp/gold5" "$tmp/have5"
fi

# CSV header of the centrality command, exactly.
hdr=$("$bin" centrality --db "$db" --format csv | head -1 | tr -d '\r')
[ "$hdr" = "agency,degree,strength,betweenness,harmonic,eigenvector,pagerank" ] &&
    ok "centrality CSV header" || bad "centrality CSV header is '$hdr'"

# Communities are reproducible for a seed.
"$bin" communities --db "$db" --format tsv --seed 7 >"$tmp/c1"
"$bin" communities --db "$db" --format tsv --seed 7 >"$tmp/c2"
cmp -s "$tmp/c1" "$tmp/c2" && ok "communities reproducible with --seed 7" || bad "communities differ between runs"

# An unknown agency names the closest ones.
if "$bin" coord --db "$db" 省发展改革局 >/dev/null 2>"$tmp/err"; then
    bad "coord with an unknown agency succeeded"
elif grep -q "closest" "$tmp/err"; then
    ok "unknown agency: $(cat "$tmp/err")"
else
    bad "unknown agency message: $(cat "$tmp/err")"
fi

# Old and short names resolve through the gazetteer (湖南银保监局 was renamed in 2023).
"$bin" coord --db "$db" --as-of 2025 湖南银保监局 --format tsv >"$tmp/coord" 2>&1 &&
    head -1 "$tmp/coord" | grep -q partner && ok "coord follows a renamed agency with --as-of" ||
    bad "coord --as-of 2025 湖南银保监局: $(head -2 "$tmp/coord")"

if /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
    if /usr/bin/python3 "$src/tests/crosscheck.py" "$bin" "$db"; then
        ok "NetworkX cross-check"
    else
        bad "NetworkX cross-check"
    fi
else
    bad "python3-networkx is not installed for /usr/bin/python3 (make test installs it)"
fi
# The balance figures have a place in every format: load --summary in TSV and CSV is one row
# under a header, the figures recomputed here from the agencies' lead counts of 'load --format
# tsv' (Gini, HHI, top-5 share, agencies only co-operating) and equal to JSON's "balance"
# (tasks with no lead, with more than three); JSON --summary is that object alone.
"$bin" load --db "$db" --format tsv >"$tmp/load.tsv" 2>&1
"$bin" load --db "$db" --format json >"$tmp/load.json" 2>&1
"$bin" load --db "$db" --format tsv --summary >"$tmp/sum.tsv" 2>&1
"$bin" load --db "$db" --format csv --summary >"$tmp/sum.csv" 2>&1
"$bin" load --db "$db" --format json --summary >"$tmp/sum.json" 2>&1
if /usr/bin/python3 - "$tmp" >"$tmp/sum.why" 2>&1 <<'PY'
import csv, json, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(f"{d}/load.tsv", encoding="utf-8"), delimiter="\t"))
leads = sorted(int(r["lead"]) for r in rows)
n, total = len(leads), sum(leads)
want = {
    "agencies": n, "leads": total,
    "gini": sum((2 * (i + 1) - n - 1) * x for i, x in enumerate(leads)) / (n * total),
    "hhi": sum((x / total) ** 2 for x in leads),
    "top5_share": sum(leads[-5:]) / total,
    "co_only": sum(1 for x in leads if x == 0),
}
balance = json.load(open(f"{d}/load.json", encoding="utf-8"))["balance"]
cols = ["agencies", "clauses", "leads", "gini", "hhi", "top5_share", "clauses_no_lead",
        "clauses_over3_leads", "co_only"]
for name, delim in (("sum.tsv", "\t"), ("sum.csv", ",")):
    r = list(csv.reader(open(f"{d}/{name}", encoding="utf-8"), delimiter=delim))
    assert len(r) == 2 and r[0] == cols, (name, r)
    got = dict(zip(cols, map(float, r[1])))
    for k, v in want.items():
        assert abs(got[k] - v) < 1e-8, (name, k, got[k], v)
    for k in ("clauses", "clauses_no_lead", "clauses_over3_leads"):
        assert got[k] == balance[k], (name, k, got[k], balance[k])
assert json.load(open(f"{d}/sum.json", encoding="utf-8")) == balance
print(f"gini {want['gini']:.4f}, hhi {want['hhi']:.4f}, {balance['clauses_no_lead']} clauses without lead")
PY
then
    ok "load --summary: the balance figures in TSV, CSV and JSON ($(cat "$tmp/sum.why"))"
else
    bad "load --summary: $(cat "$tmp/sum.why")"
fi
"$bin" load --help >"$tmp/lh" 2>&1
grep -q -e '--summary' "$tmp/lh" && ok "load --help documents --summary" || bad "load --help lacks --summary"

fg_end

#!/bin/sh
# Excel out: every table command with --format xlsx -o FILE on the bundled documents, read
# back with openpyxl (tests/xlsx_check.py): the sheet names, the header (bold, frozen, under
# an autofilter over every row), the column widths (CJK counts two) and each row against the
# CSV output of the same command, numbers as number cells and names as text cells; hostile
# names stay text, never formulas. Then the error cases: xlsx without -o and -o without xlsx
# are usage errors (exit 2, naming the command), an unwritable FILE fails (exit 1, naming the
# file) before any work, missing directories above FILE are made, and a failed command leaves
# an existing FILE as it was and no temporary file. And export's --excel: alone the
# workbook, with csv the UTF-8 BOM.
# usage: tests/xlsx.sh PATH/TO/fengong   (FG_SOURCE_DIR names the source tree)
. "$(dirname "$0")/lib.sh"
fg_begin "$@"
check="$py $src/tests/xlsx_check.py"

if ! $py -c 'import openpyxl' 2>/dev/null; then
    echo "FAIL python3-openpyxl is not installed for /usr/bin/python3 (make test installs it)"
    exit 1
fi

docs=$src/graphs/documents
db=$tmp/t.db
"$bin" ingest --db "$db" "$docs"/*.txt >/dev/null || { echo "FAIL ingest"; exit 1; }

# xlsx_case NAME 'SHEET=CSV[:COLS] ...' COMMAND ARGS...: run COMMAND --format csv ARGS into
# $tmp/NAME.csv (the CSV of a SHEET given as '-') and COMMAND --format xlsx -o $tmp/NAME.xlsx
# ARGS, then compare. Standard output of the xlsx run must be empty.
xlsx_case() {
    name=$1
    sheets=$2
    cmd=$3
    shift 3
    if ! "$bin" "$cmd" --format csv "$@" >"$tmp/$name.csv" 2>"$tmp/$name.err"; then
        bad "$name: the CSV run failed: $(head -3 "$tmp/$name.err")"
        return
    fi
    if ! "$bin" "$cmd" --format xlsx -o "$tmp/$name.xlsx" "$@" >"$tmp/$name.out" \
        2>"$tmp/$name.err"; then
        bad "$name: the xlsx run failed: $(head -3 "$tmp/$name.err")"
        return
    fi
    if [ -s "$tmp/$name.out" ]; then
        bad "$name: --format xlsx -o FILE printed on stdout: $(head -c 200 "$tmp/$name.out")"
        return
    fi
    # shellcheck disable=SC2086
    if $check "$tmp/$name.xlsx" $(echo "$sheets" | sed "s|=-|=$tmp/$name.csv|g") \
        >"$tmp/$name.chk" 2>&1; then
        ok "$name: $(sed -n 's/^ok   sheet //p' "$tmp/$name.chk" | tr '\n' ';')"
    else
        bad "$name: $(tail -3 "$tmp/$name.chk")"
    fi
}

xlsx_case extract "assignments=-:clause" extract "$docs"/*.txt
xlsx_case extract_summary "summary=-:items,tasks,clauses,lead,co,teams" \
    extract --summary "$docs"/*.txt
xlsx_case extract_teams "teams=-" extract --teams "$docs"/*.txt
xlsx_case centrality "centrality=-:degree,strength,betweenness,harmonic,eigenvector,pagerank" \
    centrality --db "$db"
xlsx_case coord "partners=-:shared,x_leads,partner_leads,both_co,both_lead" coord --db "$db" 省应急厅
xlsx_case coord_xy "shared=-:clause" coord --db "$db" 省应急厅 省发展改革委
xlsx_case pairs "pairs=-:shared" pairs --db "$db"
xlsx_case search "search=-" search --db "$db" 数字经济
xlsx_case search_none "search=-" search --db "$db" 没有这样的任务文字
xlsx_case documents "documents=-:year,items,clauses,assignments,teams,unparsed" documents --db "$db"

# load: a second sheet, balance, holds the JSON output's balance.
# balance_csv DB OUT: the balance of `load --format json` as a CSV table measure,value.
balance_csv() {
    "$bin" load --db "$1" --format json | $py -c '
import csv, json, sys
b = json.load(sys.stdin)["balance"]
w = csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline=""))
w.writerow(["measure", "value"])
for k, v in b.items():
    w.writerow([k, repr(v)])' "$2"
}
balance_csv "$db" "$tmp/balance.csv"
xlsx_case load "load=-:lead,co,total,lead_share,documents balance=$tmp/balance.csv:value" \
    load --db "$db"

# compare: the three tables, one sheet each.
d1=$(basename "$(ls "$docs"/*.txt | sed -n 4p)")
d2=$(basename "$(ls "$docs"/*.txt | sed -n 5p)")
"$bin" compare --db "$db" "$d1" "$d2" --format csv >"$tmp/cmp_a.csv"
"$bin" compare --db "$db" "$d1" "$d2" --pairs --format csv >"$tmp/cmp_p.csv"
"$bin" compare --db "$db" "$d1" "$d2" --targets --format csv >"$tmp/cmp_t.csv"
if "$bin" compare --db "$db" "$d1" "$d2" --format xlsx -o "$tmp/cmp.xlsx" >/dev/null 2>&1 &&
    $check "$tmp/cmp.xlsx" "agencies=$tmp/cmp_a.csv:lead_a,lead_b,change,total_a,total_b" \
        "pairs=$tmp/cmp_p.csv:shared_a,shared_b" "targets=$tmp/cmp_t.csv:value_a,value_b" \
        >"$tmp/cmp.chk" 2>&1; then
    ok "compare: sheets agencies, pairs and targets match the CSV of each"
else
    bad "compare: $(tail -3 "$tmp/cmp.chk" 2>/dev/null)"
fi

# export: --format xlsx is the CSV tables as sheets, bipartite and projection; --excel alone
# is the same workbook; --excel with csv keeps the UTF-8 BOM; --excel with graphml is refused.
for v in bipartite projection; do
    opt=""
    [ $v = projection ] && opt=--projection
    edges="edges=$tmp/csv_$v/edges.csv"
    [ $v = projection ] && edges="$edges:weight"
    "$bin" export --db "$db" $opt --format csv -o "$tmp/csv_$v" >/dev/null
    # shellcheck disable=SC2086
    if "$bin" export --db "$db" $opt --format xlsx -o "$tmp/export_$v.xlsx" >"$tmp/ex.out" 2>&1 &&
        grep -q "^wrote $tmp/export_$v.xlsx" "$tmp/ex.out" &&
        $check "$tmp/export_$v.xlsx" "nodes=$tmp/csv_$v/nodes.csv:clause" "$edges" \
            >"$tmp/ex.chk" 2>&1; then
        ok "export $v --format xlsx: $(sed -n 's/^ok   sheet //p' "$tmp/ex.chk" | tr '\n' ';')"
    else
        bad "export $v --format xlsx: $(cat "$tmp/ex.out"; tail -3 "$tmp/ex.chk" 2>/dev/null)"
    fi
done
if "$bin" export --db "$db" --excel -o "$tmp/excel.xlsx" >/dev/null 2>&1 &&
    $check "$tmp/excel.xlsx" "nodes=$tmp/csv_bipartite/nodes.csv:clause" \
        "edges=$tmp/csv_bipartite/edges.csv" >/dev/null 2>&1; then
    ok "export --excel alone writes the workbook"
else
    bad "export --excel alone"
fi
"$bin" export --db "$db" --format csv --excel -o "$tmp/csv_bom" >/dev/null
if [ "$(head -c 3 "$tmp/csv_bom/nodes.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
    [ "$(head -c 3 "$tmp/csv_bom/edges.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
    [ "$(head -c 2 "$tmp/csv_bipartite/nodes.csv")" = id ] &&
    tail -c +4 "$tmp/csv_bom/nodes.csv" | cmp -s - "$tmp/csv_bipartite/nodes.csv"; then
    ok "export --format csv --excel: the same CSV after a UTF-8 BOM (none without --excel)"
else
    bad "export --format csv --excel: no BOM, or other bytes"
fi
"$bin" export --db "$db" --format graphml --excel -o "$tmp/g.graphml" >/dev/null 2>"$tmp/err"
st=$?
if [ $st -eq 2 ] && grep -q -- "--excel goes with" "$tmp/err"; then
    ok "export --format graphml --excel is a usage error"
else
    bad "export --format graphml --excel: exit $st, $(head -1 "$tmp/err")"
fi

# Hostile names: text cells, never formulas, in the export and the load sheet.
hdb=$tmp/h.db
fg_ingest_hostile "$hdb" '=HYPERLINK局牵头，-负一局、@艾特局、+加号局按职责分工负责'
"$bin" export --db "$hdb" --format csv -o "$tmp/hcsv" >/dev/null
"$bin" export --db "$hdb" --format xlsx -o "$tmp/h.xlsx" >/dev/null
"$bin" load --db "$hdb" --format csv >"$tmp/hload.csv"
"$bin" load --db "$hdb" --format xlsx -o "$tmp/hload.xlsx"
balance_csv "$hdb" "$tmp/hbalance.csv"
if $check "$tmp/h.xlsx" "nodes=$tmp/hcsv/nodes.csv:clause" "edges=$tmp/hcsv/edges.csv" \
    >/dev/null 2>&1 &&
    $check "$tmp/hload.xlsx" "load=$tmp/hload.csv:lead,co,total,lead_share,documents" \
        "balance=$tmp/hbalance.csv:value" >/dev/null 2>&1 &&
    $py - "$tmp/h.xlsx" <<'PY'; then
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["nodes"]
cells = {c.value: c.data_type for row in ws.iter_rows() for c in row if c.value}
want = {"=HYPERLINK局", "-负一局", "@艾特局", "+加号局"}
assert want <= set(cells), set(cells)
assert all(cells[v] == "s" for v in want), {v: cells[v] for v in want}
PY
    ok "hostile names (= - @ +) are text cells with their own text"
else
    bad "hostile names in the workbook"
fi

# Usage errors: xlsx without -o (nothing on standard output), -o without xlsx.
for cmd in "load --db $db" "centrality --db $db" "pairs --db $db" "coord --db $db 省应急厅" \
    "search --db $db 数字经济" "extract $docs/$d1" "export --db $db"; do
    name=${cmd%% *}
    # shellcheck disable=SC2086
    "$bin" $name --format xlsx ${cmd#* } >"$tmp/u.out" 2>"$tmp/u.err"
    st=$?
    if [ $st -eq 2 ] && [ ! -s "$tmp/u.out" ] && grep -q "fengong $name: .*-o" "$tmp/u.err"; then
        ok "$name --format xlsx without -o: exit 2, $(head -1 "$tmp/u.err" | cut -c1-90)"
    else
        bad "$name --format xlsx without -o: exit $st, $(head -1 "$tmp/u.err")," \
            "$(wc -c <"$tmp/u.out") bytes out"
    fi
done
for cmd in "load --db $db" "extract $docs/$d1" "search --db $db 数字经济"; do
    name=${cmd%% *}
    # shellcheck disable=SC2086
    "$bin" $name --format csv -o "$tmp/x.xlsx" ${cmd#* } >"$tmp/u.out" 2>"$tmp/u.err"
    st=$?
    if [ $st -eq 2 ] && [ ! -e "$tmp/x.xlsx" ] &&
        grep -q "fengong $name: -o FILE is for --format xlsx" "$tmp/u.err"; then
        ok "$name -o without --format xlsx: exit 2"
    else
        bad "$name -o without --format xlsx: exit $st, $(head -1 "$tmp/u.err")"
    fi
done

# An unwritable FILE (under a regular file: even root cannot) fails at once, naming it.
: >"$tmp/plain"
for cmd in "load --db $db" "extract $docs/$d1" "export --db $db" "search --db $db 数字经济"; do
    name=${cmd%% *}
    # shellcheck disable=SC2086
    "$bin" $name --format xlsx -o "$tmp/plain/out.xlsx" ${cmd#* } >"$tmp/u.out" 2>"$tmp/u.err"
    st=$?
    if [ $st -eq 1 ] && [ ! -e "$tmp/plain/out.xlsx" ] &&
        grep -q "fengong $name: $tmp/plain/out.xlsx: cannot write: $tmp/plain: not a directory" \
            "$tmp/u.err"; then
        ok "$name -o unwritable: exit 1, $(head -1 "$tmp/u.err" | sed "s|$tmp|TMP|g")"
    else
        bad "$name -o unwritable: exit $st, $(head -1 "$tmp/u.err")"
    fi
done

# Missing directories above FILE are made, as export -o and render -o do.
if "$bin" pairs --db "$db" --format xlsx -o "$tmp/new/dir/pairs.xlsx" >/dev/null 2>"$tmp/u.err" &&
    $check "$tmp/new/dir/pairs.xlsx" "pairs=$tmp/pairs.csv:shared" >/dev/null 2>&1; then
    ok "-o FILE in missing directories: they are made"
else
    bad "-o FILE in missing directories: $(head -1 "$tmp/u.err")"
fi

# A command that fails after its workbook was started leaves the old FILE and no temporary.
printf 'old' >"$tmp/keep.xlsx"
"$bin" coord --db "$db" 不存在的单位局 --format xlsx -o "$tmp/keep.xlsx" >/dev/null 2>"$tmp/u.err"
st=$?
if [ $st -eq 1 ] && [ "$(cat "$tmp/keep.xlsx")" = old ] &&
    [ -z "$(ls "$tmp" | grep 'keep.xlsx.tmp')" ]; then
    ok "a failed coord leaves the old workbook and no temporary file"
else
    bad "failed coord: exit $st, keep.xlsx '$(head -c 20 "$tmp/keep.xlsx")', $(ls "$tmp" | grep tmp)"
fi
"$bin" pairs --db "$db" --format xlsx -o "$tmp/keep.xlsx" >/dev/null 2>&1
if $check "$tmp/keep.xlsx" "pairs=$tmp/pairs.csv:shared" >/dev/null 2>&1 &&
    [ -z "$(ls "$tmp" | grep 'keep.xlsx.tmp')" ]; then
    ok "a successful run replaces the old file"
else
    bad "pairs over an existing file"
fi

fg_end

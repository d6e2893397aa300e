#!/bin/sh
# progress through the CLI on the bundled documents: import of CSV, TSV (GB18030) and XLSX
# (openpyxl) status tables, rows that match no task or several listed by line on stderr,
# a bad row failing the file with nothing written, re-import changing nothing, --as-of
# changing the rates (expected counts written out from the status rows below and the task
# count that 'fengong extract --summary' gives), JSON numbers, --by team and document,
# --by-coordination, the statuses in --help, and kill -9 during a big import (at half and
# four fifths of the time a whole one took): the imports committed before are whole, the
# killed one absent or whole, the database valid.
# usage: tests/progress_cli.sh PATH/TO/fengong   (FG_SOURCE_DIR names the source tree)
. "$(dirname "$0")/lib.sh"
fg_begin "$@"
bgpid=""
cleanup()
{
    [ -n "$bgpid" ] && kill -9 "$bgpid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
have_sqlite=1
command -v sqlite3 >/dev/null 2>&1 || have_sqlite=0

docs=$src/graphs/documents
R22=2022_hunan-government_work-report-task-division.txt
db=$tmp/p.db
fg_ingest_bundled "$db"
# the 2022 document's tasks, as the parser counts them (not through progress)
n22=$("$bin" extract --summary --format tsv "$docs/$R22" | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "tasks") c = i } NR == 2 { print $c }')
[ -n "$n22" ] && [ "$n22" -gt 10 ] || { echo "no task count for $R22: '$n22'"; exit 1; }

# field VALUE of the row GROUP in TSV output (header names the columns)
field()
{
    awk -F'\t' -v g="$2" -v col="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
        $1 == g { print $c }' "$1"
}

# ---- 1. a CSV: matches, misses by line ----
# Rows (2022 tasks are items with numbers 1 … n22 in their markers, M:1.1.1 is task 1):
#   line 2: task 1 推进中 2022-03-01    line 3: task 2 已完成 2022-05-10
#   line 4: task 3 已完成 2022-09-30    line 5: task 4 滞后 2022-06-30
#   line 6: task 999: no such item     line 7: '推进' in both documents: several
#   line 8: task 1 已完成 2023-01-15 (later report for task 1)
cat >"$tmp/a.csv" <<EOF
文件,序号,任务,状态,日期
$R22,1,,推进中,2022-03-01
$R22,2,,已完成,2022-05-10
湘政发〔2022〕1号,3,,done,2022-09-30
${R22%.txt},4,,delayed,2022/6/30
$R22,999,,done,2022-01-01
,,推进,done,2022-01-01
$R22,M:1.1.1,,已完成,2023-01-15
EOF
"$bin" progress import --db "$db" "$tmp/a.csv" >"$tmp/o" 2>"$tmp/e"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "7 rows: 5 stored" "$tmp/o" && grep -q "a.csv:6: no task matches" "$tmp/e" &&
    grep -q "a.csv:7: [0-9]* tasks match" "$tmp/e" && [ "$(wc -l <"$tmp/e")" -eq 2 ]; then
    ok "csv: 5 of 7 rows stored, lines 6 and 7 listed on stderr"
else
    bad "csv import: exit $rc" "$(cat "$tmp/o" "$tmp/e")"
fi

# ---- 2. as of three dates (without --year-end the 2022 tasks have no dated deadline) ----
check_asof()
{
    _d=$1 _want=$2 _opt=${3:-}
    "$bin" progress --db "$db" --by document --as-of "$_d" $_opt --format tsv >"$tmp/s" 2>"$tmp/e" ||
        { bad "progress --as-of $_d: failed" "$(cat "$tmp/e")"; return; }
    _got=$(for c in tasks reported never_reported done delayed in_progress due overdue; do
        printf '%s=%s ' "$c" "$(field "$tmp/s" "$R22" "$c")"; done)
    [ "$_got" = "$_want" ] && ok "as of $_d $_opt: $_got" || bad "as of $_d $_opt" "got  $_got" "want $_want"
}
check_asof 2022-02-01 "tasks=$n22 reported=0 never_reported=$n22 done=0 delayed=0 in_progress=0 due=0 overdue=0 "
check_asof 2022-07-01 "tasks=$n22 reported=3 never_reported=$((n22 - 3)) done=1 delayed=1 in_progress=1 due=0 overdue=0 "
check_asof 2022-12-31 "tasks=$n22 reported=4 never_reported=$((n22 - 4)) done=2 delayed=1 in_progress=1 due=0 overdue=0 "
# --year-end: every 2022 task (none has a deadline of its own) is due after 2022-12-31
check_asof 2023-01-01 "tasks=$n22 reported=4 never_reported=$((n22 - 4)) done=2 delayed=1 in_progress=1 due=$n22 overdue=$((n22 - 2)) " --year-end
check_asof 2023-02-01 "tasks=$n22 reported=4 never_reported=$((n22 - 4)) done=3 delayed=1 in_progress=0 due=$n22 overdue=$((n22 - 3)) " --year-end

# ---- 3. re-import changes nothing; the same rows in TSV (GB18030) and XLSX are new files ----
count() { sqlite3 "$db" "$1" 2>/dev/null; }
if [ "$have_sqlite" -eq 1 ]; then
    before=$(count "SELECT count(*), group_concat(line || status || date) FROM progress_reports")
    "$bin" progress import --db "$db" "$tmp/a.csv" >"$tmp/o" 2>&1
    after=$(count "SELECT count(*), group_concat(line || status || date) FROM progress_reports")
    if grep -q "^unchanged" "$tmp/o" && [ "$before" = "$after" ] && [ "$(count "SELECT count(*) FROM progress_imports")" = 1 ]; then
        ok "re-import: unchanged, the reports as they were"
    else
        bad "re-import" "$(cat "$tmp/o")" "$before" "$after"
    fi
else
    echo "skip re-import counts (no sqlite3)"
fi
printf '条目\t状态\t日期\n%s\t进行中\t2022-08-01\n' "M:1.2.2" | iconv -f UTF-8 -t GB18030 >"$tmp/b.tsv"
"$bin" progress import --db "$db" "$tmp/b.tsv" >"$tmp/o" 2>&1 && grep -q "(tsv, 1 row: 1 stored" "$tmp/o" &&
    ok "tsv in GB18030 imported" || bad "tsv import" "$(cat "$tmp/o")"
if $py -c 'import openpyxl' 2>/dev/null; then
    $py - "$tmp/c.xlsx" "$R22" <<'PY'
import datetime, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["Document", "Item", "Status", "Date", "Note"])
ws.append([sys.argv[2], 5, "Completed", datetime.date(2022, 10, 1), "made up"])
ws.append([sys.argv[2], "M:1.2.2", "已完成", "2022-11-02", None])
wb.save(sys.argv[1])
PY
    "$bin" progress import --db "$db" "$tmp/c.xlsx" >"$tmp/o" 2>&1 && grep -q "(xlsx, 2 rows: 2 stored" "$tmp/o" &&
        ok "xlsx (openpyxl) imported" || bad "xlsx import" "$(cat "$tmp/o")"
    if [ "$have_sqlite" -eq 1 ]; then
        got=$(count "SELECT group_concat(item || ' ' || status || ' ' || date, '; ') FROM progress_reports WHERE import_id = 3")
        [ "$got" = "M:2.3.5 已完成 2022-10-01; M:1.2.2 已完成 2022-11-02" ] && ok "xlsx rows: $got" ||
            bad "xlsx rows" "$got"
    fi
else
    echo "skip xlsx (no openpyxl)"
fi

# ---- 4. a bad row fails the file, naming it, with nothing written ----
n_before=$(count "SELECT count(*) FROM progress_reports")
printf '条目,状态,日期\nM:1.1.1,done,2022-01-01\nM:1.2.2,finished-ish,2022-01-01\n' >"$tmp/bad.csv"
"$bin" progress import --db "$db" "$tmp/bad.csv" >"$tmp/o" 2>"$tmp/e"
rc=$?
[ "$rc" -eq 1 ] && grep -q "bad.csv:3: unknown status 'finished-ish'" "$tmp/e" &&
    [ "$(count "SELECT count(*) FROM progress_reports")" = "$n_before" ] &&
    ok "bad status: exit 1, named by line, nothing written" || bad "bad status: exit $rc" "$(cat "$tmp/e")"
"$bin" progress import --db "$db" --strict "$tmp/a.csv.x" >/dev/null 2>&1
[ $? -eq 1 ] && ok "missing file: exit 1" || bad "missing file"
sed 's/2022-03-01/2022-03-02/' "$tmp/a.csv" >"$tmp/a2.csv"
"$bin" progress import --db "$db" --strict "$tmp/a2.csv" >"$tmp/o" 2>"$tmp/e"
rc=$?
[ "$rc" -eq 1 ] && grep -q "a2.csv:6: no task matches" "$tmp/e" &&
    [ "$(count "SELECT count(*) FROM progress_reports")" = "$n_before" ] &&
    ok "--strict: a row matching no task fails the file" || bad "--strict: exit $rc" "$(cat "$tmp/e")"
"$bin" progress --db "$db" --as-of 2022-13-01 >/dev/null 2>"$tmp/e"
[ $? -eq 2 ] && ok "--as-of not a date: usage error" || bad "--as-of 2022-13-01" "$(cat "$tmp/e")"

# ---- 5. formats and groupings ----
"$bin" progress --db "$db" --as-of 2023-02-01 --year-end --format json >"$tmp/j" 2>"$tmp/e"
$py - "$tmp/j" "$n22" <<'PY' && ok "json: numbers, rates as fractions" || bad "json" "$(head -c 600 "$tmp/j")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["as_of"] == "2023-02-01" and d["by"] == "agency", d.keys()
g = d["groups"]
assert g[0]["agency"] == "(all)"
for r in g:
    assert isinstance(r["tasks"], int) and isinstance(r["overdue_rate"], float), r
    assert r["never_reported"] == r["tasks"] - r["reported"], r
    if r["due"]:
        assert abs(r["overdue_rate"] - r["overdue"] / r["due"]) < 1e-4, r
    assert abs(r["done_rate"] - (r["done"] / r["tasks"] if r["tasks"] else 0)) < 1e-4, r
PY
"$bin" progress --db "$db" --by team --format tsv >"$tmp/t" 2>"$tmp/e" &&
    head -1 "$tmp/t" | grep -q "^team	documents	tasks" && [ "$(wc -l <"$tmp/t")" -gt 2 ] &&
    ok "--by team: $(($(wc -l <"$tmp/t") - 2)) teams" || bad "--by team" "$(cat "$tmp/t" "$tmp/e")"
"$bin" progress --db "$db" --as-of 2023-02-01 --year-end --by-coordination --format json >"$tmp/j" 2>"$tmp/e"
$py - "$tmp/j" <<'PY' && ok "--by-coordination: bins add up to the tasks, pairs counted" || bad "--by-coordination" "$(head -c 800 "$tmp/j")"
import json, sys
d = json.load(open(sys.argv[1]))
bins = d["co_units"]
assert [b["co_units"] for b in bins] == ["0", "1", "2", "3-4", "5+"], bins
assert sum(b["overdue"] for b in bins) > 0
for b in bins:
    assert b["overdue"] <= b["due"] <= b["tasks"], b
p = d["pairs"]
assert p and all(0 < q["overdue"] <= q["due"] for q in p), p[:3]
assert all(p[i]["overdue"] >= p[i + 1]["overdue"] for i in range(len(p) - 1))
PY
"$bin" progress --db "$db" --by-coordination --format xlsx -o "$tmp/c.xlsx2.xlsx" >/dev/null 2>"$tmp/e" &&
    $py -c "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); assert wb.sheetnames==['co_units','pairs'], wb.sheetnames" "$tmp/c.xlsx2.xlsx" 2>/dev/null &&
    ok "--by-coordination xlsx: sheets co_units and pairs" || bad "--by-coordination xlsx" "$(cat "$tmp/e")"
"$bin" progress --help >"$tmp/h"
grep -q "进行中" "$tmp/h" && grep -q "completed" "$tmp/h" && grep -q -e "--limit N" "$tmp/h" &&
    ok "--help lists the status aliases and the listing options" || bad "--help"

# ---- 6. kill -9 during a big import ----
if [ "$have_sqlite" -eq 1 ]; then
    # 30000 rows over the 2022 tasks, each file with bytes of its own
    big()
    {
        awk -v n="$n22" -v doc="$R22" -v salt="$1" 'BEGIN {
            print "文件,序号,状态,日期,备注"
            for (i = 0; i < 30000; i++)
                printf "%s,%d,推进中,2022-%02d-%02d,%s-%d\n", doc, i % n + 1, i % 12 + 1, i % 28 + 1, salt, i
        }'
    }
    # one whole import first, timed, so that the kills land in the middle of the next ones
    big r0 >"$tmp/big0.csv"
    t0=$(date +%s%N)
    "$bin" progress import --db "$db" "$tmp/big0.csv" >/dev/null 2>&1 || bad "big import failed"
    ms=$((($(date +%s%N) - t0) / 1000000))
    reports_before=$(count "SELECT count(*) FROM progress_reports")
    imports_before=$(count "SELECT count(*) FROM progress_imports")
    round=1
    for pct in 50 80; do
        big "r$round" >"$tmp/big$round.csv"
        "$bin" progress import --db "$db" "$tmp/big$round.csv" >/dev/null 2>&1 &
        bgpid=$!
        wait_ms=$((ms * pct / 100))
        sleep "$((wait_ms / 1000)).$(printf '%03d' $((wait_ms % 1000)))"
        if kill -9 "$bgpid" 2>/dev/null; then state="killed after ${wait_ms} ms of ${ms}"; else state="finished before the kill"; fi
        wait "$bgpid" 2>/dev/null
        bgpid=""
        integ=$(count "PRAGMA integrity_check")
        n_imp=$(count "SELECT count(*) FROM progress_imports")
        n_rep=$(count "SELECT count(*) FROM progress_reports")
        whole=$(count "SELECT count(*) FROM progress_imports i WHERE n_reports <> (SELECT count(*) FROM progress_reports r WHERE r.import_id = i.id)")
        if [ "$integ" = ok ] && [ "$whole" = 0 ] &&
            { { [ "$n_imp" = "$imports_before" ] && [ "$n_rep" = "$reports_before" ]; } ||
              { [ "$n_imp" = $((imports_before + 1)) ] && [ "$n_rep" = $((reports_before + 30000)) ]; }; }; then
            ok "kill -9 round $round ($state): integrity ok, earlier imports whole, this one absent or whole ($n_imp imports, $n_rep reports)"
        else
            bad "kill -9 round $round ($state)" "integrity: $integ" "imports $imports_before -> $n_imp, reports $reports_before -> $n_rep, partial imports: $whole"
        fi
        imports_before=$n_imp
        reports_before=$n_rep
        round=$((round + 1))
    done
    # then the same file again completes, and once more changes nothing
    "$bin" progress import --db "$db" "$tmp/big1.csv" >"$tmp/o" 2>&1 &&
        "$bin" progress import --db "$db" "$tmp/big1.csv" >"$tmp/o2" 2>&1 &&
        grep -q "^unchanged" "$tmp/o2" && [ "$(count "PRAGMA integrity_check")" = ok ] &&
        ok "after the kills: the big file imports, and again is unchanged" ||
        bad "big import after kills" "$(cat "$tmp/o" "$tmp/o2")"
else
    echo "skip kill -9 (no sqlite3)"
fi

fg_end

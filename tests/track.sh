#!/bin/sh
# Deadlines and targets (issue 18): `due`, `targets` and compare's changed targets on two
# made-up plans (tests/fixtures/track: deadlines in a label, brackets, sentences and a 分工表
# column; targets of GDP, jobs, unemployment, energy and grain), with the expected rows
# written out here from reading the plans. Dates are counted from a fixed --as-of.
#
#   sh tests/track.sh PATH/TO/fengong
#
# The last line is `N passed, M failed`; the exit status is non-zero when anything failed.
. "$(dirname "$0")/lib.sh"
fg_begin "$@"
fix=$src/tests/fixtures/track
# check NAME COMMAND...: the command succeeds
check() { _n=$1; shift; if "$@"; then ok "$_n"; else bad "$_n"; fi; }

db=$tmp/t.db
p24=2024_lanshan-plan.txt
p25=2025_lanshan-plan.txt
fg_ingest "$db" "$fix/$p24" "$fix/$p25"
due() { "$bin" due --db "$db" --format tsv "$@"; }
# the lead, due, days, as_written and year_assumed columns, and the item
cols() { cut -f1,2,3,6,7,10; }

# ---- due ----
due --as-of 2024-07-01 | cols >"$tmp/due"
cat >"$tmp/want" <<'EOF2'
lead	due	days	as_written	year_assumed	item
市交通运输局	2024-12-31	183	2024年底前		M:2.3
市住房城乡建设局	2024-10-31	122	2024年10月		M:3.2
市教育局	2025-06-30	364	2025年6月底前		M:2.5
市数据局	2024-03-31	-92	2024年3月		M:3.1
市自然资源局	2025-09-30	456	2025年9月底前完成		M:2.3
市营商环境局	2024-06-30	-1	6月底前	yes	M:2.4
市农业农村局		 	长期坚持		M:2.6
市应急管理局			每季度		M:2.7
市营商环境局			持续推进		M:2.4
EOF2
# (the blank of 市农业农村局's days is written with a space above to keep the heredoc
# readable; compare without it)
sed 's/\t \t/\t\t/' "$tmp/want" >"$tmp/want2"
if cmp -s "$tmp/due" "$tmp/want2"; then
    ok "due: dated by lead then date (label, sentence, column, assumed year), recurring and ongoing after"
else
    bad "due: rows differ"
    diff "$tmp/want2" "$tmp/due" | head -20
fi
# the whole row of the recurring one: kind, every, co
due --as-of 2024-07-01 | grep -q "^市应急管理局		\	recurring	quarter	每季度		市公安局	$p24	M:2.7	加强安全生产督查$" &&
    ok "due: a recurring deadline with its period and co unit" || bad "due: the recurring row"
due --as-of 2024-07-01 | grep -q "^市教育局	2025-06-30	364	date		2025年6月底前		市财政局、市人力资源社会保障局	" &&
    ok "due: co units joined with 、" || bad "due: co units of 市教育局"

due --as-of 2024-07-01 --overdue | cols >"$tmp/over"
printf 'lead\tdue\tdays\tas_written\tyear_assumed\titem\n市数据局\t2024-03-31\t-92\t2024年3月\t\tM:3.1\n市营商环境局\t2024-06-30\t-1\t6月底前\tyes\tM:2.4\n' >"$tmp/want"
check "due --overdue --as-of 2024-07-01: the two past their date, none recurring" cmp -s "$tmp/over" "$tmp/want"
# due on the as-of day is not overdue; the day after it is
n=$(due --as-of 2024-06-30 --overdue | grep -c "6月底前")
check "due --overdue: due on the --as-of day is not overdue yet" [ "$n" -eq 0 ]
n=$(due --as-of 2024-07-01 --overdue --all | sed 1d | wc -l)
check "due --overdue --all: the two and the three recurring/ongoing ($n)" [ "$n" -eq 5 ]

due --as-of 2024-01-01 --before 2024-10-31 | sed 1d | cut -f2 | sort >"$tmp/before"
printf '2024-03-31\n2024-06-30\n2024-10-31\n' >"$tmp/want"
check "due --before 2024-10-31: on or before it" cmp -s "$tmp/before" "$tmp/want"
due --as-of 2024-01-01 --after 2025-01-01 | sed 1d | cut -f2 | sort >"$tmp/after"
printf '2025-06-30\n2025-09-30\n' >"$tmp/want"
check "due --after 2025-01-01: on or after it" cmp -s "$tmp/after" "$tmp/want"
n=$(due --as-of 2024-01-01 --after 2024-04-01 --before 2024-10-31 | sed 1d | wc -l)
check "due --after --before: a window ($n)" [ "$n" -eq 2 ]

# --agency: tasks it leads or co-operates in (市财政局 only co-operates)
due --as-of 2024-07-01 --agency 市财政局 | sed 1d | cut -f1,10 >"$tmp/ag"
printf '市交通运输局\tM:2.3\n市教育局\tM:2.5\n市数据局\tM:3.1\n' >"$tmp/want"
check "due --agency 市财政局: the three tasks it co-operates in, by their leads" cmp -s "$tmp/ag" "$tmp/want"
due --as-of 2024-07-01 --agency 市营商环境局 | sed 1d | cut -f2,6,9 >"$tmp/ag"
printf '2024-06-30\t6月底前\t%s\n\t持续推进\t%s\n' "$p24" "$p25" >"$tmp/want"
check "due --agency 市营商环境局: dated and ongoing, both years" cmp -s "$tmp/ag" "$tmp/want"
n=$(due --as-of 2024-07-01 --doc "$p25" | sed 1d | wc -l)
check "due --doc: one document ($n rows)" [ "$n" -eq 2 ]
n=$(due --as-of 2024-07-01 --limit 2 | sed 1d | wc -l)
check "due --limit 2 ($n rows)" [ "$n" -eq 2 ]

# JSON: days a number, year_assumed a boolean, an empty days null
"$bin" due --db "$db" --format json --as-of 2024-07-01 >"$tmp/due.json"
$py - "$tmp/due.json" <<'PY' && ok "due --format json: numbers and booleans typed" || bad "due --format json"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 9, len(rows)
r = [x for x in rows if x["as_written"] == "6月底前"][0]
assert r["days"] == -1 and isinstance(r["days"], int), r
assert r["year_assumed"] is True and r["due"] == "2024-06-30", r
assert all(x["year_assumed"] is False for x in rows if x is not r)
o = [x for x in rows if x["kind"] == "ongoing"]
assert len(o) == 2 and all(x["days"] is None and x["due"] == "" for x in o), o
PY

# table: CJK counts two columns, so the due column starts at one display column
"$bin" due --db "$db" --format table --as-of 2024-07-01 >"$tmp/due.txt"
$py - "$tmp/due.txt" <<'PY' && ok "due --format table: aligned with CJK as two columns" || bad "due --format table: not aligned"
import re, sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = set()
lines = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("due as of"):
        continue
    m = re.search(r"20\d\d-\d\d-\d\d", line)
    if m:
        cols.add(width(line[:m.start()]))
        lines.append(line)
assert len(cols) == 1 and len(lines) == 6, (cols, lines)
PY
grep -q "^recurring and ongoing" "$tmp/due.txt" && ok "due --format table: recurring and ongoing apart" ||
    bad "due --format table: no second table"

# xlsx: a sheet each
if "$bin" due --db "$db" --as-of 2024-07-01 --format xlsx -o "$tmp/due.xlsx" 2>"$tmp/err"; then
    $py - "$tmp/due.xlsx" <<'PY' && ok "due --format xlsx: sheets due and recurring" || bad "due --format xlsx: sheets"
import sys, zipfile
wb = zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode()
assert 'name="due"' in wb and 'name="recurring"' in wb, wb
PY
else
    bad "due --format xlsx: $(cat "$tmp/err")"
fi

# ---- targets ----
"$bin" targets --db "$db" --format tsv | cut -f1,3,4,5,6,7,8,9,10 >"$tmp/t"
cat >"$tmp/want" <<EOF2
doc	item	subject	change	bound	value	value_hi	unit	lead
$p24	M:1.1	全市地区生产总值	increase	ge	6.5		%	市发展改革委
$p24	M:1.1	城镇就业	increase	ge	50000		人	市发展改革委
$p24	M:1.1	城镇调查失业率	level	le	5.5		%	市发展改革委
$p24	M:1.2	单位地区生产总值能耗	decrease	eq	3		%	市发展改革委
$p24	M:2.6	粮食播种面积	level	ge	3000000		亩	市农业农村局
$p25	M:1.1	全市地区生产总值	increase	about	6		%	市发展改革委
$p25	M:1.1	城镇就业	increase	ge	50000		人	市发展改革委
$p25	M:1.1	城镇调查失业率	level	le	5		%	市发展改革委
$p25	M:1.2	单位地区生产总值能耗	decrease	eq	2.5		%	市发展改革委
EOF2
if cmp -s "$tmp/t" "$tmp/want"; then
    ok "targets: subject, comparison, value (万 multiplied out), unit, lead"
else
    bad "targets: rows differ"
    diff "$tmp/want" "$tmp/t" | head -20
fi
"$bin" targets --db "$db" --format tsv --agency 市农业农村局 | sed 1d | cut -f11 >"$tmp/t"
check "targets --agency: the grain target of 市农业农村局" [ "$(cat "$tmp/t")" = "粮食播种面积稳定在300万亩以上" ]
n=$("$bin" targets --db "$db" --format tsv --doc "$p25" | sed 1d | wc -l)
check "targets --doc: the four of 2025 ($n)" [ "$n" -eq 4 ]
"$bin" targets --db "$db" --format json >"$tmp/t.json"
$py - "$tmp/t.json" <<'PY' && ok "targets --format json: year and values are numbers" || bad "targets --format json"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 9
r = rows[0]
assert r["value"] == 6.5 and r["year"] == 2024 and r["value_hi"] is None, r
assert rows[1]["value"] == 50000 and isinstance(rows[1]["value"], int), rows[1]
assert r["text"] == "全市地区生产总值增长6.5%以上"
PY

# ---- compare: the targets that changed ----
"$bin" compare --db "$db" --targets --format tsv 2024 2025 >"$tmp/c" 2>"$tmp/err"
cat >"$tmp/want" <<'EOF2'
subject	unit	a	b	value_a	value_b
全市地区生产总值	%	全市地区生产总值增长6.5%以上	全市地区生产总值增长6%左右	6.5	6
城镇调查失业率	%	城镇调查失业率控制在5.5%以内	城镇调查失业率控制在5%以内	5.5	5
单位地区生产总值能耗	%	单位地区生产总值能耗下降3%	单位地区生产总值能耗下降2.5%	3	2.5
EOF2
cut -f1-6 "$tmp/c" >"$tmp/c6"
if cmp -s "$tmp/c6" "$tmp/want"; then
    ok "compare --targets 2024 2025: the three that changed (jobs did not)"
else
    bad "compare --targets: $(cat "$tmp/err")"
    diff "$tmp/want" "$tmp/c6" | head
fi
n=$("$bin" compare --db "$db" --targets --format tsv "$p24" "$p25" | sed 1d | wc -l)
check "compare --targets by document names: the same three ($n)" [ "$n" -eq 3 ]
"$bin" compare --db "$db" --format json 2024 2025 >"$tmp/c.json"
$py - "$tmp/c.json" <<'PY' && ok "compare --format json: targets with numbers" || bad "compare --format json: targets"
import json, sys
d = json.load(open(sys.argv[1]))
t = d["targets"]
assert len(t) == 3 and "agencies" in d and "pairs" in d
assert t[0]["value_a"] == 6.5 and t[0]["value_b"] == 6 and t[0]["bound_b"] == "about", t[0]
PY
"$bin" compare --db "$db" --format table 2024 2025 | grep -q "全市地区生产总值增长6.5%以上  全市地区生产总值增长6%左右" &&
    ok "compare --format table: the targets table" || bad "compare --format table: no targets table"

# ---- errors ----
for spec in "--before 2024-02-30" "--after 2024/01/01" "--as-of tomorrow" "--before 2023-02-29"; do
    opt=${spec%% *}
    # shellcheck disable=SC2086
    "$bin" due --db "$db" $spec >/dev/null 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] && grep -q -e "$opt needs a date YYYY-MM-DD" "$tmp/err" &&
        ok "due $spec: usage error naming $opt" || bad "due $spec: exit $rc, $(head -1 "$tmp/err")"
done
check "due --before 2024-02-29 (a leap day) is a date" due --before 2024-02-29 >/dev/null
"$bin" due --db "$db" --after 2025-01-01 --before 2024-01-01 >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q "later than --before" "$tmp/err" && ok "due: --after later than --before is a usage error" ||
    bad "due --after > --before: exit $rc"
"$bin" due --db "$db" --agency 市不存在局 >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] && grep -q "市不存在局: no such agency" "$tmp/err" && [ ! -s "$tmp/out" ] &&
    ok "due --agency unknown: exit 1 naming it, nothing printed" || bad "due --agency unknown: exit $rc"
"$bin" targets --db "$db" --doc nope.txt >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] && grep -q "nope.txt: no such document" "$tmp/err" && [ ! -s "$tmp/out" ] &&
    ok "targets --doc unknown: exit 1 naming it, nothing printed" || bad "targets --doc unknown: exit $rc"
"$bin" targets --db "$db" --overdue >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] && grep -q -e "--overdue' does not apply" "$tmp/err" && ok "targets --overdue: usage error" ||
    bad "targets --overdue: exit $rc"
"$bin" due --db "$tmp/none.db" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] && [ ! -e "$tmp/none.db" ] && ok "due on a missing database: exit 1, nothing created" ||
    bad "due on a missing database: exit $rc"
for c in due targets; do
    "$bin" $c --help >"$tmp/help" 2>&1
    grep -q -e '--limit N' "$tmp/help" && grep -q -e '--format' "$tmp/help" &&
        ok "$c --help documents the listing options" || bad "$c --help"
done

# ---- the store ----
due --as-of 2024-07-01 >"$tmp/before"
"$bin" ingest --db "$db" "$fix/$p24" 2>/dev/null | grep -q "^unchanged" &&
    ok "re-ingest of an unchanged plan: unchanged" || bad "re-ingest: not unchanged"
due --as-of 2024-07-01 >"$tmp/after"
check "re-ingest: due the same" cmp -s "$tmp/before" "$tmp/after"

fg_end

#!/bin/sh
# fengong suggest: a small store where the answer is unambiguous; a city plan gets city
# agencies; the draft round trip (extract on the draft gives back the top suggestions); a
# plan's own assignments are ignored; an empty store gives a clear message; each task's
# deadline and targets are beside its suggestions.
. "$(dirname "$0")/lib.sh"
fg_begin "$@"

cat >"$tmp/learn.txt" <<'DOC'
某省人民政府办公厅关于印发重点工作分工方案的通知
一、社会事业
1．扩大义务教育学位供给，新建改扩建中小学校舍。（省教育厅牵头，省财政厅按职责分工负责）
2．推进高等学校学科建设，提升高校人才培养质量。（省教育厅牵头，省财政厅、省科技厅按职责分工负责）
3．建设区域医疗中心，提升县级医院服务能力。（省卫生健康委牵头，省财政厅按职责分工负责）
4．加强公共卫生体系建设，做好传染病防控。（省卫生健康委牵头，省疾控局按职责分工负责）
5．推进高标准农田建设，稳定粮食播种面积。（省农业农村厅牵头，省自然资源厅、省财政厅按职责分工负责）
6．实施农村人居环境整治，推进农村厕所改造。（省农业农村厅牵头，省住房城乡建设厅按职责分工负责）
DOC
cat >"$tmp/plan.txt" <<'DOC'
某省2026年民生实事方案
一、民生实事
1．新建一批中小学校舍，增加义务教育学位。
2．提升县级医院服务能力，建设区域医疗中心。（省发展改革委牵头）
3．新建高标准农田，稳定粮食播种面积。
DOC
"$bin" ingest --db "$tmp/db" "$tmp/learn.txt" >/dev/null
"$bin" suggest --db "$tmp/db" --format tsv "$tmp/plan.txt" >"$tmp/s.tsv" 2>"$tmp/err"
top() { awk -F'\t' -v i="$1" '$2 == i && $6 == "lead" && $3 == 1 { print $4 }' "$tmp/s.tsv"; }
[ "$(head -1 "$tmp/s.tsv")" = "$(printf 'doc\titem\trank\tagency\tscore\trole\tevidence\tdue\tdeadline\ttargets')" ] &&
    ok "TSV header" || bad "TSV header: $(head -1 "$tmp/s.tsv")"
[ "$(top M:1.1)" = 省教育厅 ] && ok "school places → 省教育厅 leads" || bad "M:1.1 lead is '$(top M:1.1)'"
[ "$(top M:1.2)" = 省卫生健康委 ] && ok "county hospitals → 省卫生健康委 (the plan's own 省发展改革委 ignored)" ||
    bad "M:1.2 lead is '$(top M:1.2)'"
[ "$(top M:1.3)" = 省农业农村厅 ] && ok "farmland → 省农业农村厅 leads" || bad "M:1.3 lead is '$(top M:1.3)'"
awk -F'\t' '$2 == "M:1.1" && $3 == 1 && $6 == "lead"' "$tmp/s.tsv" | grep -q 'learn.txt M:1.1' &&
    ok "evidence names the similar stored task" || bad "evidence: $(grep 'M:1.1' "$tmp/s.tsv" | head -1)"

# The deadlines and targets a plan without 分工 gives, on each of its task's rows: in its
# text (the last phrase), in a 完成时限 label, an ongoing one, none.
cat >"$tmp/due.txt" <<'DOC'
某省人民政府办公厅关于印发2026年民生实事方案的通知
一、民生实事
1．新建一批中小学校舍，增加义务教育学位2万个以上，2026年9月底前投入使用。
2．提升县级医院服务能力，建设区域医疗中心。
完成时限：2026年12月底前
3．新建高标准农田50万亩，稳定粮食播种面积，长期坚持。
4．做好传染病防控。
DOC
"$bin" suggest --db "$tmp/db" --top 1 --format tsv "$tmp/due.txt" 2>"$tmp/err" |
    awk -F'\t' 'NR > 1 && $6 == "lead" { print $2 "|" $8 "|" $9 "|" $10 }' >"$tmp/due.have"
cat >"$tmp/due.want" <<'ROWS'
M:1.1|2026-09-30|2026年9月底前|增加义务教育学位2万个以上
M:1.2|2026-12-31|2026年12月底前|
M:1.3||长期坚持|新建高标准农田50万亩
M:1.4|||
ROWS
if cmp -s "$tmp/due.have" "$tmp/due.want"; then
    ok "deadlines (text, label, ongoing, none) and targets beside the suggestions"
else
    bad "deadlines and targets: $(cat "$tmp/due.have" "$tmp/err")"
fi
"$bin" suggest --db "$tmp/db" --top 1 --format json "$tmp/due.txt" 2>/dev/null |
    /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); assert r[0]["due"] == "2026-09-30" and r[0]["deadline"] == "2026年9月底前", r[0]' &&
    ok "suggest --format json: due and deadline" || bad "suggest --format json: due and deadline"

# The draft keeps them: ingested, due lists its tasks' deadlines under the suggested leads.
"$bin" suggest --db "$tmp/db" --top 1 --draft -o "$tmp/due-draft.txt" "$tmp/due.txt" >/dev/null 2>&1
"$bin" ingest --db "$tmp/draft.db" "$tmp/due-draft.txt" >/dev/null 2>&1
"$bin" due --db "$tmp/draft.db" --as-of 2026-01-01 --format tsv 2>/dev/null | sed 1d | cut -f2,6,10 >"$tmp/due.have"
printf '2026-09-30\t2026年9月底前\tM:1.1\n2026-12-31\t2026年12月底前\tM:1.2\n\t长期坚持\tM:1.3\n' >"$tmp/due.want"
sort "$tmp/due.have" >"$tmp/due.h2"
sort "$tmp/due.want" >"$tmp/due.w2"
cmp -s "$tmp/due.h2" "$tmp/due.w2" && ok "draft → ingest → due: the plan's deadlines" ||
    bad "draft → due: $(cat "$tmp/due.have")"

# A city plan gets the city counterparts.
sed 's/^某省2026年民生实事方案$/长沙市人民政府关于印发2026年民生实事方案的通知/' "$tmp/plan.txt" >"$tmp/city.txt"
"$bin" suggest --db "$tmp/db" --format tsv "$tmp/city.txt" >"$tmp/c.tsv" 2>&1
lead=$(awk -F'\t' '$2 == "M:1.1" && $6 == "lead" && $3 == 1 { print $4 }' "$tmp/c.tsv")
[ "$lead" = 市教育局 ] && ok "city plan: 市教育局 leads" || bad "city plan lead is '$lead'"

# A State Council plan gets ministries.
sed 's/^某省2026年民生实事方案$/国务院办公厅关于印发2026年民生实事方案的通知/' "$tmp/plan.txt" >"$tmp/central.txt"
"$bin" suggest --db "$tmp/db" --format tsv "$tmp/central.txt" >"$tmp/n.tsv" 2>&1
lead=$(awk -F'\t' '$2 == "M:1.1" && $6 == "lead" && $3 == 1 { print $4 }' "$tmp/n.tsv")
lead2=$(awk -F'\t' '$2 == "M:1.2" && $6 == "lead" && $3 == 1 { print $4 }' "$tmp/n.tsv")
[ "$lead" = 教育部 ] && [ "$lead2" = 国家卫生健康委 ] && ok "State Council plan: 教育部, 国家卫生健康委 lead" ||
    bad "State Council plan leads are '$lead', '$lead2'"

# Draft round trip.
"$bin" suggest --db "$tmp/db" --top 2 --draft -o "$tmp/draft.txt" "$tmp/plan.txt" >/dev/null 2>&1
"$bin" suggest --db "$tmp/db" --top 2 --format tsv "$tmp/plan.txt" |
    awk -F'\t' 'NR > 1 && ($6 == "co" || $3 == 1) { print $2 "\t" $6 "\t" $4 }' | LC_ALL=C sort >"$tmp/want"
"$bin" extract --format tsv "$tmp/draft.txt" | awk -F'\t' 'NR > 1 { print $2 "\t" $4 "\t" $5 }' |
    LC_ALL=C sort >"$tmp/have"
if [ -s "$tmp/want" ] && diff "$tmp/want" "$tmp/have" >"$tmp/d"; then
    ok "draft round trip: extract gives back the $(wc -l <"$tmp/want") suggested assignments"
else
    bad "draft round trip differs: $(cat "$tmp/d")"
fi

# An empty store.
"$bin" ingest --db "$tmp/empty.db" "$tmp/plan.txt" >/dev/null 2>&1
"$bin" remove --db "$tmp/empty.db" plan.txt >/dev/null 2>&1
if "$bin" suggest --db "$tmp/empty.db" "$tmp/plan.txt" >"$tmp/e.out" 2>"$tmp/e.err"; then
    bad "suggest on an empty store succeeded"
elif grep -q 'no assigned tasks to learn from' "$tmp/e.err"; then
    ok "empty store: $(cat "$tmp/e.err")"
else
    bad "empty store message: $(cat "$tmp/e.err")"
fi
fg_end

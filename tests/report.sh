#!/bin/sh
# The HTML report of the bundled documents, as a reader sees it in headless Chromium: the
# summary comes before the first long table and the first chart is near the top; every long
# table is collapsible; no agency name wraps inside a table cell; a click on a header sorts
# (numbers biggest first, a second click reverses); centrality is ordered by PageRank; no
# "-0" anywhere; communities show each task once and no one-agency group. The counts use one
# vocabulary: items, tasks and clauses agree with `extract --summary`, and the workload table
# follows renamings, agreeing row for row with `load --as-of 2100`. Geometry is measured by a
# test hook appended to a copy of the report, which writes its findings into the DOM that
# --dump-dom prints. A screenshot is left at $FG_REPORT_SHOT (default: the temporary dir).
. "$(dirname "$0")/lib.sh"
fg_begin "$@"

db=$tmp/r.db
fg_ingest_bundled "$db"
"$bin" report --db "$db" -o "$tmp/report.html" >"$tmp/out" 2>&1 || { echo "report failed: $(cat "$tmp/out")"; exit 1; }
"$bin" extract --summary --format tsv "$src"/graphs/documents/*.txt >"$tmp/summary.tsv" 2>/dev/null
"$bin" load --db "$db" --as-of 2100 --format tsv >"$tmp/load_now.tsv"
"$bin" load --db "$db" --as-written --format tsv >"$tmp/load_written.tsv"

# --as-written keeps the names as printed: no renaming footnote, and every agency that
# `load` (names as written) lists is in the report's workload table.
"$bin" report --db "$db" --as-written -o "$tmp/written.html" >/dev/null 2>&1 || bad "report --as-written failed"
if grep -q '更名前后的名称合并统计' "$tmp/report.html" && ! grep -q '更名前后的名称合并统计' "$tmp/written.html" &&
    awk -F'\t' 'NR > 1 { print $1 }' "$tmp/load_written.tsv" | while read -r a; do grep -q ">$a<" "$tmp/written.html" || { echo "$a"; break; }; done | grep -q . ; then
    bad "report --as-written: an agency of load (as written) is missing from the report"
elif grep -q '更名前后的名称合并统计' "$tmp/report.html" && ! grep -q '更名前后的名称合并统计' "$tmp/written.html"; then
    ok "report --as-written: no renaming footnote, every agency as load writes it"
else
    bad "report --as-written: the renaming footnote is in the wrong report"
fi

chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
    echo "FAIL chromium is not installed (make test installs it)"
    exit 1
fi
run_chrome() {
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$tmp/chrome" --enable-logging=stderr --v=0 \
        --window-size=1280,4000 "$@" 2>>"$tmp/chrome.log"
}

# The hook: agency names (as written and under their newest names) are what it looks for in
# table cells, so that it does not rely on the report's own markup to find them.
$py - "$tmp/load_now.tsv" "$tmp/load_written.tsv" "$tmp/report.html" "$tmp/hooked.html" <<'PY'
import json, sys
names = set()
for path in sys.argv[1:3]:
    for line in open(path, encoding="utf-8").read().splitlines()[1:]:
        names.add(line.split("\t")[0])
page = open(sys.argv[3], encoding="utf-8").read()
hook = r"""<script>(function(){
var names=new Set(%s),out={};
function top(e){return e.getBoundingClientRect().top+window.scrollY;}
function col(t,i){return [].map.call(t.tBodies[0].rows,function(r){return r.cells[i].textContent;});}
function nums(v){return v.map(parseFloat);}
function monotone(v,dir){for(var k=1;k<v.length;k++)if((v[k]-v[k-1])*dir<0)return false;return true;}
function header(t,text){if(!t.tHead)return -1;return [].findIndex.call(t.tHead.rows[0].cells,function(h){return h.textContent.replace(/[\u25b2\u25bc ]/g,'')===text;});}
var tables=[].slice.call(document.querySelectorAll('table'));
var long=tables.filter(function(t){return t.tBodies[0]&&t.tBodies[0].rows.length>10;});
function first(sel,text){return [].filter.call(document.querySelectorAll(sel),function(e){return e.textContent.indexOf(text)>=0;})[0];}
var gini=first('td,th,p,li,dt,dd','\u57fa\u5c3c\u7cfb\u6570');
out.summaryTop=gini?top(gini):1e9;
out.firstLongTop=long.length?top(long[0].closest('details')||long[0]):-1;
out.longTables=long.length;
out.longCollapsible=long.filter(function(t){return t.closest('details');}).length;
out.charts=[].slice.call(document.querySelectorAll('svg')).slice(0,2).map(top);
out.figures=document.querySelectorAll('figure').length;
out.captions=[].filter.call(document.querySelectorAll('figure'),function(f){var c=f.querySelector('figcaption');return c&&/[\u4e00-\u9fff]/.test(c.textContent)&&c.textContent.length>=20;}).length;
out.heightClosed=document.documentElement.scrollHeight;
document.querySelectorAll('details').forEach(function(d){d.open=true;});
out.heightOpen=document.documentElement.scrollHeight;
var checked=0,wrapped=[];
document.querySelectorAll('table td, table td span').forEach(function(e){
  var t=e.textContent.trim().replace(/\u3001$/,'');
  if(!names.has(t))return;
  checked++;
  var r=document.createRange();r.selectNodeContents(e);
  var lines=new Set([].map.call(r.getClientRects(),function(x){return Math.round(x.top);}));
  if(lines.size!==1)wrapped.push(t+' ('+lines.size+' lines)');});
out.nameCells=checked;out.wrapped=wrapped;
var tw=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT),neg=[],tn;
while((tn=tw.nextNode())){var p=tn.parentNode.nodeName.toLowerCase();if(p==='script'||p==='style')continue;
  if(/(^|[^0-9A-Za-z_.\-])-0(\.0+)?%%?(?![0-9.])/.test(tn.data))neg.push(tn.data.trim().slice(0,40));}
out.negZero=neg;
var s={};try{
var w=document.getElementById('workload');
var co=header(w,'\u914d\u5408\u6761\u6b3e'),nm=header(w,'\u673a\u6784'),before=col(w,nm).join('|');
w.tHead.rows[0].cells[co].click();s.firstDesc=monotone(nums(col(w,co)),-1);s.moved=col(w,nm).join('|')!==before;
w.tHead.rows[0].cells[co].click();s.secondAsc=monotone(nums(col(w,co)),1);
w.tHead.rows[0].cells[nm].click();var v=col(w,nm);s.names=v.every(function(x,k){return k===0||v[k-1].localeCompare(x,'zh')<=0;});
var c=tables.filter(function(t){return header(t,'PageRank')>=0;})[0];
s.pagerank=c?monotone(nums(col(c,header(c,'PageRank'))),-1):false;
if(c){var d=header(c,'\u5ea6');c.tHead.rows[0].cells[d].click();s.degree=monotone(nums(col(c,d)),-1);}
}catch(e){s.error=String(e);}
out.sort=s;
var pre=document.createElement('pre');pre.id='fg-test-result';pre.textContent=JSON.stringify(out);document.body.appendChild(pre);
})();</script>""" % json.dumps(sorted(names), ensure_ascii=False)
open(sys.argv[4], "w", encoding="utf-8").write(page.replace("</body>", hook + "</body>"))
PY
run_chrome --virtual-time-budget=5000 --dump-dom "file://$tmp/hooked.html" >"$tmp/dom.html"
shot=${FG_REPORT_SHOT:-$tmp/report.png}
run_chrome --screenshot="$shot" "file://$tmp/report.html" >/dev/null
if grep -q 'CONSOLE\|Uncaught' "$tmp/chrome.log"; then
    bad "console messages: $(grep 'CONSOLE\|Uncaught' "$tmp/chrome.log" | head -3)"
fi

# What the hook found, and the counts against extract and load, read from the laid-out DOM.
$py - "$tmp/dom.html" "$tmp/summary.tsv" "$tmp/load_now.tsv" "$tmp/load_written.tsv" <<'PY' >"$tmp/checks"
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="fg-test-result">(.*?)</pre>', dom, re.S)
if not m:
    print("FAIL the test hook wrote no result (script error?)")
    sys.exit(0)
r = json.loads(html.unescape(m.group(1)))
def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)

check(r["summaryTop"] < r["firstLongTop"],
      "summary (top %.0f px) before the first long table (%.0f px)" % (r["summaryTop"], r["firstLongTop"]))
check(len(r["charts"]) == 2 and max(r["charts"]) < 1500,
      "the first two charts start at %s px (< 1500)" % [round(x) for x in r["charts"]])
check(r["longTables"] >= 3 and r["longCollapsible"] == r["longTables"],
      "%d of %d long tables are collapsible (<details>)" % (r["longCollapsible"], r["longTables"]))
check(r["figures"] >= 3 and r["captions"] == r["figures"],
      "%d of %d figures have a Chinese caption" % (r["captions"], r["figures"]))
check(r["heightClosed"] < r["heightOpen"],
      "page height %d px as delivered, %d px with every table open" % (r["heightClosed"], r["heightOpen"]))
check(r["nameCells"] >= 300 and not r["wrapped"],
      "%d agency names in table cells, none wraps %s" % (r["nameCells"], r["wrapped"][:5]))
check(not r["negZero"], "no negative zero in the text %s" % r["negZero"][:5])
s = r["sort"]
if "error" in s:
    print("FAIL sorting: " + s["error"])
check(s.get("firstDesc") and s.get("moved"), "a click on 配合条款 sorts the workload biggest first")
check(s.get("secondAsc"), "a second click sorts it smallest first")
check(s.get("names"), "a click on 机构 sorts the names in Chinese order")
check(s.get("pagerank"), "centrality is ordered by PageRank, descending")
check(s.get("degree"), "a click on 度 sorts centrality by degree")

def cells(table_id):
    t = re.search(r'<table id="%s".*?</table>' % table_id, dom, re.S)
    rows = re.findall(r"<tr>(.*?)</tr>", t.group(0), re.S) if t else []
    out = [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
           for row in rows]
    return [row for row in out if row]

# One vocabulary: the summary's items, tasks and clauses are extract's, document by document.
ex = [l.split("\t") for l in open(sys.argv[2], encoding="utf-8").read().splitlines()]
h = ex[0]
ex = [dict(zip(h, l)) for l in ex[1:]]
tot = {k: sum(int(d[k]) for d in ex) for k in ("items", "tasks", "clauses")}
kpi = {w: int(n) for n, w in re.findall(r"<b>(\d+)</b><span>(个条目|项任务|条分工条款)", dom)}
check(kpi == {"个条目": tot["items"], "项任务": tot["tasks"], "条分工条款": tot["clauses"]},
      "summary: %s, extract --summary: items %d, tasks %d, clauses %d" %
      (kpi, tot["items"], tot["tasks"], tot["clauses"]))
docs = cells("doc-table")
by_title = {d["title"]: d for d in ex}
same = len(docs) == len(ex) and all(
    row[1] in by_title and (row[3], row[4], row[5]) ==
    (by_title[row[1]]["items"], by_title[row[1]]["tasks"], by_title[row[1]]["clauses"])
    for row in docs)
check(same, "documents table: items, tasks, clauses per document agree with extract (%d rows)" % len(docs))

# Renamings are followed: the workload table is `load --as-of 2100`, row for row.
now = [l.split("\t")[:4] for l in open(sys.argv[3], encoding="utf-8").read().splitlines()[1:]]
written = [l.split("\t")[0] for l in open(sys.argv[4], encoding="utf-8").read().splitlines()[1:]]
work = [row[:4] for row in cells("workload")]
check(sorted(work) == sorted(now) and len(now) < len(written),
      "workload: %d agencies as in load --as-of 2100 (%d as written)" % (len(work), len(written)))
check("湖南银保监局 → 湖南金融监管局" in html.unescape(dom) and
      not any(row[0] == "湖南银保监局" for row in work),
      "renamed bodies counted once, under the newest name, and the footnote says so")

# Communities: no one-agency group; each task once per row.
com = cells("community-table")
dup = [row[0] for row in com if len(set(row[4].split("；"))) != len(row[4].split("；"))]
check(com and all(int(row[2]) >= 2 for row in com) and not dup,
      "communities: %d groups of 2+ agencies, no task listed twice %s" % (len(com), dup))
PY
cat "$tmp/checks"
pass=$((pass + $(grep -c '^ok' "$tmp/checks")))
fail=$((fail + $(grep -c '^FAIL' "$tmp/checks")))
size=$(wc -c <"$shot" 2>/dev/null || echo 0)
[ "$size" -gt 100000 ] && ok "screenshot $shot ($size bytes)" || bad "screenshot is $size bytes"
fg_end

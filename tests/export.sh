#!/bin/sh
# Exports and the HTML report on seeds 001+002: GraphML read back by NetworkX gives the same
# degrees and lead/co counts as `fengong load` and `fengong centrality`; igraph reads it;
# GEXF 1.3, CSV, JSON node-link and DOT are well formed; hostile names stay inert in CSV,
# XML and HTML; the report is under 5 MB, and headless Chromium (when installed) shows it
# with no JavaScript error, the workload table, at least eight inline SVGs and the agencies.
. "$(dirname "$0")/lib.sh"
fg_begin "$@"
db=$tmp/t.db
fg_ingest_seeds "$db"
for f in graphml gexf json dot; do
    "$bin" export --db "$db" --format $f -o "$tmp/g.$f" >/dev/null || bad "export $f"
done
"$bin" export --db "$db" --format graphml --projection -o "$tmp/p.graphml" >/dev/null || bad "export projection"
"$bin" export --db "$db" --format csv -o "$tmp/csv" >/dev/null || bad "export csv"
# -o into directories that do not exist yet: created, as render -o creates its own.
if "$bin" export --db "$db" --format graphml -o "$tmp/new/sub/g.graphml" >/dev/null 2>"$tmp/mk.err" &&
    [ -s "$tmp/new/sub/g.graphml" ] &&
    "$bin" export --db "$db" --format csv -o "$tmp/new2/csv" >/dev/null 2>>"$tmp/mk.err" &&
    [ -s "$tmp/new2/csv/edges.csv" ]; then
    ok "export -o creates the missing directories (file and CSV directory)"
else
    bad "export -o into a missing directory: $(cat "$tmp/mk.err")"
fi
: >"$tmp/file"
if "$bin" export --db "$db" --format graphml -o "$tmp/file/g.graphml" >/dev/null 2>"$tmp/mk.err"; then
    bad "export -o under a regular file succeeded"
elif grep -q "file: not a directory\|cannot create the directory" "$tmp/mk.err"; then
    ok "export -o under a regular file: $(cat "$tmp/mk.err")"
else
    bad "export -o under a regular file: unclear message: $(cat "$tmp/mk.err")"
fi
"$bin" load --db "$db" --format csv >"$tmp/load.csv"
"$bin" centrality --db "$db" --format csv >"$tmp/cen.csv"

if $py - "$tmp" <<'PY'; then ok "GraphML round trip in NetworkX: degrees and lead/co counts equal load and centrality"; else bad "GraphML round trip"; fi
import csv, sys, networkx as nx
d = sys.argv[1]
G = nx.read_graphml(f"{d}/g.graphml")
P = nx.read_graphml(f"{d}/p.graphml")
load = {r["agency"]: r for r in csv.DictReader(open(f"{d}/load.csv", encoding="utf-8"))}
cen = {r["agency"]: r for r in csv.DictReader(open(f"{d}/cen.csv", encoding="utf-8"))}
bad = 0
for n, a in G.nodes(data=True):
    if a["kind"] != "agency":
        continue
    name = a["label"]
    lead = sum(1 for _, _, e in G.edges(n, data=True) if e["role"] == "lead")
    co = sum(1 for _, _, e in G.edges(n, data=True) if e["role"] == "co")
    r = load[name]
    if (lead, co, G.degree(n)) != (int(r["lead"]), int(r["co"]), int(r["total"])):
        bad += 1
        print("load differs for", name, lead, co, r)
for n, a in P.nodes(data=True):
    r = cen[a["label"]]
    if P.degree(n) != int(r["degree"]) or P.degree(n, weight="weight") != float(r["strength"]):
        bad += 1
        print("centrality differs for", a["label"])
print(len(load), "agencies checked")
sys.exit(1 if bad or len(load) != sum(1 for _, a in G.nodes(data=True) if a["kind"] == "agency") else 0)
PY

if $py -c 'import igraph' 2>/dev/null; then
    $py -c 'import sys, igraph; g = igraph.Graph.Read_GraphML(sys.argv[1]); assert g.vcount() > 0 and "role" in g.es.attributes(); print(g.vcount(), g.ecount())' \
        "$tmp/g.graphml" >"$tmp/ig" 2>&1 && ok "igraph reads the GraphML ($(cat "$tmp/ig"))" || bad "igraph: $(cat "$tmp/ig")"
else
    bad "python3-igraph is not installed for /usr/bin/python3 (make test installs it)"
fi

$py - "$tmp" <<'PY' >"$tmp/fmt" 2>&1 && ok "GEXF 1.3, JSON node-link, CSV and DOT are well formed ($(cat "$tmp/fmt"))" || bad "formats: $(cat "$tmp/fmt")"
import csv, json, sys, xml.etree.ElementTree as ET
from networkx.readwrite import json_graph
d = sys.argv[1]
root = ET.parse(f"{d}/g.gexf").getroot()
assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
nodes = root.findall(".//{http://gexf.net/1.3}node")
J = json_graph.node_link_graph(json.load(open(f"{d}/g.json", encoding="utf-8")))
rows = list(csv.DictReader(open(f"{d}/csv/nodes.csv", encoding="utf-8")))
edges = list(csv.DictReader(open(f"{d}/csv/edges.csv", encoding="utf-8")))
assert len(nodes) == J.number_of_nodes() == len(rows), (len(nodes), J.number_of_nodes(), len(rows))
assert len(edges) == J.number_of_edges()
print(len(nodes), "nodes,", len(edges), "edges")
PY

# edges.csv reads on its own: besides the ids, each edge names its task (title) and agency,
# the labels nodes.csv gives those ids; the projection's edges name both agencies.
"$bin" export --db "$db" --format csv --projection -o "$tmp/pcsv" >/dev/null || bad "export csv --projection"
$py - "$tmp" <<'PY' >"$tmp/lab" 2>&1 && ok "edges.csv names both ends by id and label ($(cat "$tmp/lab"))" || bad "edges.csv labels: $(cat "$tmp/lab")"
import csv, sys
d = sys.argv[1]
for sub, last in (("csv", "role"), ("pcsv", "weight")):
    label = {r["id"]: r["label"] for r in csv.DictReader(open(f"{d}/{sub}/nodes.csv", encoding="utf-8"))}
    reader = csv.DictReader(open(f"{d}/{sub}/edges.csv", encoding="utf-8"))
    want = ["source", "target", "source_label", "target_label", last]
    assert reader.fieldnames == want, (sub, reader.fieldnames)
    edges = list(reader)
    assert edges, sub
    for e in edges:
        assert e["source_label"] == label[e["source"]] and e["target_label"] == label[e["target"]], e
        assert e["target_label"] and e["source_label"], e
    print(sub, len(edges), "edges", end="; ")
PY
command -v dot >/dev/null && dot -Tsvg "$tmp/g.dot" -o /dev/null 2>"$tmp/dot.err" && ok "Graphviz reads the DOT export" ||
    bad "DOT export: $(cat "$tmp/dot.err" 2>/dev/null)"

# Hostile names: inert in CSV (formulas neutralised), XML and the HTML report.
hdb=$tmp/h.db
fg_ingest_hostile "$hdb" '=HYPERLINK局牵头，"><script>alert`1`</script>局、-负一局、@艾特局按职责分工负责'
"$bin" export --db "$hdb" --format csv -o "$tmp/hcsv" >/dev/null
"$bin" export --db "$hdb" --format graphml -o "$tmp/h.graphml" >/dev/null
"$bin" export --db "$hdb" --format gexf -o "$tmp/h.gexf" >/dev/null
"$bin" report --db "$hdb" -o "$tmp/h.html" >/dev/null
if grep -q '^a[0-9]*,agency,"'"'"'=HYPERLINK局"' "$tmp/hcsv/nodes.csv" &&
    grep -q '"'"'"'-负一局"' "$tmp/hcsv/nodes.csv" && grep -q '"'"'"'@艾特局"' "$tmp/hcsv/nodes.csv"; then
    ok "CSV cells starting with = - @ are neutralised"
else
    bad "CSV formulas: $(grep agency "$tmp/hcsv/nodes.csv")"
fi
$py -c 'import sys, xml.etree.ElementTree as ET; [ET.parse(f) for f in sys.argv[1:]]' "$tmp/h.graphml" "$tmp/h.gexf" &&
    grep -q '&lt;script&gt;' "$tmp/h.graphml" && ok "hostile names escaped in GraphML and GEXF" || bad "hostile XML"
"$bin" export --db "$hdb" --format json -o "$tmp/h.json" >/dev/null
"$bin" export --db "$hdb" --format dot -o "$tmp/h.dot" >/dev/null
if $py -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8")); names = {n["label"] for n in d["nodes"]}; assert "\"><script>alert`1`</script>局" in names and "=HYPERLINK局" in names' "$tmp/h.json" &&
    { ! command -v dot >/dev/null || dot -Tsvg "$tmp/h.dot" -o /dev/null; }; then
    ok "hostile names intact in JSON and a valid DOT file"
else
    bad "hostile names in JSON or DOT"
fi
if grep -q '&lt;script&gt;alert' "$tmp/h.html" && ! grep -q '<script>alert' "$tmp/h.html"; then
    ok "hostile names escaped in the report"
else
    bad "hostile name raw in the report"
fi

# The report of the seeds.
start=$(date +%s%N)
"$bin" report --db "$db" -o "$tmp/report.html" >/dev/null || bad "report"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
size=$(wc -c <"$tmp/report.html")
[ "$size" -lt 5242880 ] && ok "report: $size bytes (< 5 MB), written in $ms ms" || bad "report is $size bytes"
if grep -qE '(src|href)="(https?:)?//' "$tmp/report.html"; then
    bad "report refers to the network"
else
    ok "report is self-contained (no external src or href)"
fi
# Large stores: --teams caps the inline maps and lists the rest; --sample says it estimates.
"$bin" report --db "$db" -o "$tmp/small.html" --teams 2 --sample 5 >/dev/null || bad "report --teams 2 --sample 5"
all=$(grep -o '<h3>' "$tmp/report.html" | wc -l)
two=$(grep -o '<h3>' "$tmp/small.html" | wc -l)
if [ "$all" -ge 3 ] && [ "$two" -eq 2 ] &&
    grep -q "共 $all 个工作专班，此处绘出前 2 个" "$tmp/small.html" &&
    [ "$(grep -o '<td>[^<]*工作专班</td>' "$tmp/small.html" | wc -l)" -eq $((all - 2)) ] &&
    grep -q '随机取 5 个起点' "$tmp/small.html" && ! grep -q '随机取' "$tmp/report.html"; then
    ok "report --teams 2 draws 2 of $all team maps and lists the rest; --sample is stated"
else
    bad "report --teams/--sample: $two of $all maps"
fi
"$bin" report --db "$db" -o "$tmp/x.html" --teams -1 >/dev/null 2>&1
[ $? -eq 2 ] && ok "report --teams -1 is a usage error" || bad "report --teams -1 accepted"
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chrome" ]; then
    start=$(date +%s%N)
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/chrome" --enable-logging=stderr --v=0 \
        --dump-dom "file://$tmp/report.html" >"$tmp/dom.html" 2>"$tmp/chrome.log"
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    svgs=$(grep -o '<svg' "$tmp/dom.html" | wc -l)
    if grep -q 'CONSOLE' "$tmp/chrome.log"; then
        bad "console messages: $(grep CONSOLE "$tmp/chrome.log" | head -3)"
    elif grep -q 'id="workload"' "$tmp/dom.html" && [ "$svgs" -ge 8 ] &&
        grep -q '省发展改革委' "$tmp/dom.html" && grep -q '省应急管理厅' "$tmp/dom.html"; then
        ok "Chromium: no console errors, workload table, $svgs inline SVGs, agency names ($ms ms incl. browser start)"
    else
        bad "Chromium DOM: $svgs SVGs, workload table $(grep -c 'id="workload"' "$tmp/dom.html")"
    fi
else
    bad "chromium is not installed (make test installs it)"
fi
fg_end

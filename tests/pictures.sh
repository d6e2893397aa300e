#!/bin/sh
# Pictures fit for a briefing, measured on the drawings Graphviz returns (tests/pictures.py
# reads the SVG: shapes, edge paths, text lines) for the bundled documents' network and
# every team map:
# - the network map draws the backbone: at most two ties per agency drawn, few crossings,
#   the legend says α and how many ties it draws (and that number is what is drawn);
#   --all-edges draws every tie of the top agencies (as many as `fengong pairs` lists);
# - a circle's area follows the agency's lead count from `fengong load` (Pearson r > 0.95);
# - every community colour has a key in the legend; no name is broken inside a word;
# - each team map draws few member ties (no more than its units) and few crossings;
# - the coordination matrix holds `fengong pairs`' counts, rows grouped by community;
# - the checker itself fails on a hairball (the map with every tie).
. "$(dirname "$0")/lib.sh"
fg_begin "$@"
check="$py $src/tests/pictures.py"

db=$tmp/t.db
fg_ingest_bundled "$db"
"$bin" load --db "$db" --format tsv | awk -F'\t' 'NR > 1 { print $1 "\t" $2 }' >"$tmp/leads.tsv"
"$bin" pairs --db "$db" --format tsv >"$tmp/pairs.tsv"
"$bin" communities --db "$db" --format tsv >"$tmp/communities.tsv"

# check_network SVG: the checker's verdict on a network map, its report in $tmp/check: at
# most two ties per drawn agency (the title nodes of communities are counted too), at most
# 800 crossings.
check_network() {
    _n=$(grep -c '<g id="node' "$1")
    $check network "$1" "$tmp/leads.tsv" --max-edges "$((2 * _n))" --max-crossings 800 \
        >"$tmp/check" 2>&1
}

# The network as make run draws it (top 60), and whole.
for top in 60 0; do
    d=$tmp/net$top
    if "$bin" render network --db "$db" -o "$d" --top "$top" >"$tmp/out" 2>&1; then
        if check_network "$d/network.svg"; then
            ok "network --top $top: $(head -1 "$tmp/check" | sed 's/^[^:]*: //')"
        else
            bad "network --top $top: $(cat "$tmp/check")"
        fi
        grep -q 'α = 0.05' "$d/network.svg" && ok "network --top $top: the legend says α = 0.05" ||
            bad "network --top $top: α not in the legend"
    else
        bad "render network --top $top: $(cat "$tmp/out")"
    fi
done

# The backbone drawn is the disparity filter computed here from `fengong pairs`, over the
# ties among the agencies drawn: alpha_ij = (1 - w/s_i)^(k_i - 1) < 0.05 for an end, or an
# end with one tie, or an end's strongest tie (the first of the list among equals).
if $py - "$tmp/net60/network.svg" "$tmp/pairs.tsv" >"$tmp/bb" 2>&1 <<'PY'
import sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
nodes = {g.find(NS + "title").text for g in root.iter(NS + "g") if g.get("class") == "node"}
drawn = set()
for g in root.iter(NS + "g"):
    if g.get("class") == "edge" and next(g.iter(NS + "path"), None) is not None:
        a, _, b = g.find(NS + "title").text.partition("--")
        drawn.add(frozenset((a, b)))
ties = []
for line in open(sys.argv[2], encoding="utf-8").read().splitlines()[1:]:
    a, b, n = line.split("\t")
    if a in nodes and b in nodes and int(n) > 0:
        ties.append((a, b, int(n)))
k, s, best = {}, {}, {}
for a, b, w in ties:
    for x in (a, b):
        k[x] = k.get(x, 0) + 1
        s[x] = s.get(x, 0) + w
        if x not in best or w > best[x][2]:
            best[x] = (a, b, w)
want = set()
for t in ties:
    a, b, w = t
    if any(k[x] == 1 or (1 - w / s[x]) ** (k[x] - 1) < 0.05 or best[x] == t for x in (a, b)):
        want.add(frozenset((a, b)))
kept = sum(w for a, b, w in ties if frozenset((a, b)) in want) / sum(w for _, _, w in ties)
print(len(want), len(drawn), f"{100 * kept:.0f}%")
extra = [tuple(e) for e in drawn - want][:3]
missing = [tuple(e) for e in want - drawn][:3]
if extra or missing:
    print("drawn but not in the backbone:", extra, "in the backbone but not drawn:", missing)
    sys.exit(1)
PY
then
    set -- $(cat "$tmp/bb")
    grep -q "画出 $2 条，占共同任务权重的 $3" "$tmp/net60/network.svg" &&
        ok "the network draws exactly the backbone computed in Python ($2 ties, $3 of the weight, as the legend says)" ||
        bad "backbone matches but the legend does not say $2 ties, $3: $(grep -o '画出[^（]*' "$tmp/net60/network.svg")"
else
    bad "backbone: $(cat "$tmp/bb")"
fi

# Every tie: as many as fengong pairs lists among the 60 agencies drawn; the checker, given
# the backbone's limits, fails on it (the hairball of before).
if "$bin" render network --db "$db" -o "$tmp/all" --top 60 --all-edges >"$tmp/out" 2>&1; then
    $py - "$tmp/all/network.svg" "$tmp/pairs.tsv" >"$tmp/cnt" 2>&1 <<'PY'
import sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
nodes = {g.find(NS + "title").text for g in root.iter(NS + "g") if g.get("class") == "node"}
edges = sum(1 for g in root.iter(NS + "g")
            if g.get("class") == "edge" and next(g.iter(NS + "path"), None) is not None)
want = 0
for line in open(sys.argv[2], encoding="utf-8").read().splitlines()[1:]:
    a, b, n = line.split("\t")
    want += a in nodes and b in nodes
print(edges, want)
PY
    set -- $(cat "$tmp/cnt")
    [ "${1:-x}" = "${2:-y}" ] && [ "$1" -gt 0 ] &&
        ok "network --all-edges draws all $1 ties among the agencies drawn" ||
        bad "network --all-edges: drawn, listed: $(cat "$tmp/cnt")"
    if check_network "$tmp/all/network.svg"; then
        bad "the checker passes a hairball: $(cat "$tmp/check")"
    else
        ok "the checker fails on the map with every tie ($(grep -c FAIL "$tmp/check") failures)"
    fi
else
    bad "render network --all-edges: $(cat "$tmp/out")"
fi

# Team maps: few ties, few crossings, no broken names, a legend.
if "$bin" render team --all --db "$db" -o "$tmp/teams" >"$tmp/out" 2>&1; then
    teams=0
    for f in "$tmp"/teams/team-*.svg; do
        n=$(grep -c '<g id="node' "$f")
        teams=$((teams + 1))
        if $check team "$f" --max-edges "$n" --max-crossings 40 >"$tmp/check" 2>&1; then
            ok "$(head -1 "$tmp/check" | sed "s|^$tmp/teams/||")"
        else
            bad "$(cat "$tmp/check")"
        fi
    done
    [ "$teams" -ge 7 ] && ok "$teams team maps checked" || bad "only $teams team maps"
else
    bad "render team --all: $(cat "$tmp/out")"
fi

# The coordination matrix.
if "$bin" render matrix --db "$db" -o "$tmp/m" >"$tmp/out" 2>&1 &&
    $check matrix "$tmp/m/matrix.svg" "$tmp/pairs.tsv" "$tmp/communities.tsv" >"$tmp/check" 2>&1; then
    ok "$(sed "s|^$tmp/m/||" "$tmp/check")"
else
    bad "render matrix: $(cat "$tmp/out" "$tmp/check" 2>/dev/null)"
fi
"$bin" render matrix --db "$db" -o "$tmp/m" --format png >"$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q 'only SVG' "$tmp/out" && ok "render matrix --format png is refused: $(cat "$tmp/out")" ||
    bad "render matrix --format png: $(cat "$tmp/out")"
"$bin" render network --db "$db" -o "$tmp/m" --alpha 0 >"$tmp/out" 2>&1
[ $? -eq 2 ] && grep -q -- '--alpha needs a level in (0, 1]' "$tmp/out" && ok "--alpha 0 is a usage error" ||
    bad "--alpha 0: $(cat "$tmp/out")"
# A looser α keeps more ties, and says so.
"$bin" render network --db "$db" -o "$tmp/a5" --top 60 --alpha 0.5 >/dev/null 2>&1
e05=$(grep -c 'class="edge"' "$tmp/net60/network.svg")
e50=$(grep -c 'class="edge"' "$tmp/a5/network.svg")
grep -q 'α = 0.5' "$tmp/a5/network.svg" && [ "$e50" -gt "$e05" ] &&
    ok "--alpha 0.5 draws more ties ($e50) than 0.05 ($e05)" || bad "--alpha 0.5: $e50 edges vs $e05"

fg_end

#!/usr/bin/env python3
"""Measure a map from the SVG Graphviz wrote, and check it against what a reader needs.

    pictures.py measure MAP.svg                      edges, crossings, nodes (one line)
    pictures.py network MAP.svg LEADS.tsv [limits]   the checks of the network map
    pictures.py team MAP.svg [limits]                the checks of a team map
    pictures.py matrix MAP.svg PAIRS.tsv COMMUNITIES.tsv   the checks of the matrix

Everything is read from the drawing itself (node shapes, edge paths, text lines), never from
fengong's own numbers, except the lead counts, which come from `fengong load` (LEADS.tsv:
agency TAB leads). A crossing is a point where two drawn edges that share no end meet; each
edge path (Graphviz writes M and C commands) is flattened into 12 pieces per Bézier segment.

Limits: --max-edges N, --max-crossings N, --min-r R (Pearson r of node area vs leads).
A failed check prints FAIL lines and exits 1.
"""
import math
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"

# Where a reader accepts a line break inside an agency name: after a leading 省/市/县/区
# (the level) or after a complete unit (…厅, …局, …委, …办, …会, …院, …行), before a suffix
# word (厅, 局, 委, 办, 中心, 委员会, 办公室), or at a conjunction or enumeration comma.
AFTER_OK = ("厅", "局", "委", "办", "会", "院", "行", "部", "室", "司", "社", "团", "所", "、", "或", "和", "及", "，")
BEFORE_OK = ("厅", "局", "委", "办", "中心", "办公室", "委员会", "（", "(", "、", "或", "和", "及")
LEVEL_PREFIX = re.compile(r"^(湖南省|长沙市|[^省市]{0,6}?[省市县区])$")


def natural_break(left, right):
    if left.endswith(AFTER_OK) or right.startswith(BEFORE_OK):
        return True
    return bool(LEVEL_PREFIX.match(left))


def parse_path(d):
    """Polyline points of an SVG path made of M and C commands."""
    nums = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", d)]
    cmds = re.findall(r"[MCLmcl]", d)
    if not nums or any(c not in "MC" for c in cmds):
        pts = list(zip(nums[0::2], nums[1::2]))
        return pts
    pts = [(nums[0], nums[1])]
    rest = nums[2:]
    for i in range(0, len(rest) - 5, 6):
        p0 = pts[-1]
        p1 = (rest[i], rest[i + 1])
        p2 = (rest[i + 2], rest[i + 3])
        p3 = (rest[i + 4], rest[i + 5])
        for k in range(1, 13):
            t = k / 12
            u = 1 - t
            pts.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                        u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return pts


def seg_cross(a, b, c, d):
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (v > 1e-9) - (v < -1e-9)
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def bbox(pts):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def crossings(edges):
    n = 0
    boxes = [bbox(e["pts"]) for e in edges]
    segboxes = []
    for e in edges:
        p = e["pts"]
        segboxes.append([(min(p[i][0], p[i + 1][0]), min(p[i][1], p[i + 1][1]),
                          max(p[i][0], p[i + 1][0]), max(p[i][1], p[i + 1][1]))
                         for i in range(len(p) - 1)])
    for i in range(len(edges)):
        ei, bi = edges[i], boxes[i]
        for j in range(i + 1, len(edges)):
            ej, bj = edges[j], boxes[j]
            if {ei["a"], ei["b"]} & {ej["a"], ej["b"]}:
                continue
            if bi[2] < bj[0] or bj[2] < bi[0] or bi[3] < bj[1] or bj[3] < bi[1]:
                continue
            pi, pj = ei["pts"], ej["pts"]
            for s in range(len(pi) - 1):
                sb = segboxes[i][s]
                if sb[2] < bj[0] or bj[2] < sb[0] or sb[3] < bj[1] or bj[3] < sb[1]:
                    continue
                for t in range(len(pj) - 1):
                    tb = segboxes[j][t]
                    if sb[2] < tb[0] or tb[2] < sb[0] or sb[3] < tb[1] or tb[3] < sb[1]:
                        continue
                    if seg_cross(pi[s], pi[s + 1], pj[t], pj[t + 1]):
                        n += 1
    return n


def shape_area(g):
    """Area (pt²) of a node's first shape: ellipse, polygon or path (rounded box)."""
    for el in g.iter():
        tag = el.tag.replace(NS, "")
        if tag == "ellipse":
            return math.pi * float(el.get("rx")) * float(el.get("ry"))
        if tag in ("polygon", "path"):
            pts = (parse_path(el.get("d")) if tag == "path" else
                   [tuple(float(v) for v in p.split(",")) for p in el.get("points").split()])
            s = 0.0
            for k in range(len(pts)):
                x1, y1 = pts[k]
                x2, y2 = pts[(k + 1) % len(pts)]
                s += x1 * y2 - x2 * y1
            return abs(s) / 2
    return 0.0


def read(path):
    root = ET.parse(path).getroot()
    nodes, edges, clusters = {}, [], []
    for g in root.iter(NS + "g"):
        cls = g.get("class")
        title = g.find(NS + "title")
        title = title.text if title is not None else ""
        texts = ["".join(t.itertext()) for t in g.iter(NS + "text")]
        if cls == "node":
            fills = [el.get("fill") for el in g.iter() if el.tag != NS + "text" and
                     el.get("fill") not in (None, "none")]
            nodes[title] = {"area": shape_area(g), "texts": texts, "fill": fills[0] if fills else None,
                            "group": g}
        elif cls == "edge":
            a, _, b = title.partition("--")
            if not b:
                a, _, b = title.partition("->")
            p = next(g.iter(NS + "path"), None)
            if p is None:
                continue
            edges.append({"a": a, "b": b, "pts": parse_path(p.get("d"))})
        elif cls == "cluster":
            clusters.append({"title": title, "texts": texts, "group": g})
    all_text = ["".join(t.itertext()) for t in root.iter(NS + "text")]
    return nodes, edges, clusters, all_text


def broken_names(nodes):
    """Names whose label breaks them where no reader would (省人力资源社会保 / 障厅)."""
    bad = []
    for name, n in nodes.items():
        lines = [t for t in n["texts"] if t.strip()]
        if not name or any(name in t for t in lines):
            continue
        joined = "".join(lines)
        at = joined.find(name)
        if at < 0:
            continue    # the label shows another (short) name
        # The line ends inside the name are its break points.
        pos, cuts = 0, []
        for t in lines:
            pos += len(t)
            if at < pos < at + len(name):
                cuts.append(pos - at)
        for c in cuts:
            if not natural_break(name[:c], name[c:]):
                bad.append(name[:c] + "|" + name[c:])
    return bad


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def limits(argv):
    out = {}
    for k in range(0, len(argv) - 1, 2):
        out[argv[k].lstrip("-")] = float(argv[k + 1])
    return out


def check_matrix(path, pairs_tsv, comm_tsv):
    """Every cell holds the pair's shared tasks (`fengong pairs`), both ways; the rows of each
    community (`fengong communities`) are contiguous; labels are readable; a legend."""
    root = ET.parse(path).getroot()
    fails = []
    shared = {}
    for line in open(pairs_tsv, encoding="utf-8").read().splitlines()[1:]:
        a, b, n = line.split("\t")
        shared[(a, b)] = shared[(b, a)] = int(n)
    comm = {}
    for line in open(comm_tsv, encoding="utf-8").read().splitlines()[1:]:
        f = line.split("\t")
        for m in f[4].split("、"):
            comm[m] = f[0]
    cells = {}
    for g in root.iter(NS + "g"):
        t = g.find(NS + "title")
        txt = g.find(NS + "text")
        if t is None or txt is None or " – " not in (t.text or ""):
            continue
        names, _, _ = t.text.rpartition("：")
        a, _, b = names.partition(" – ")
        cells[(a, b)] = int(txt.text)
    wrong = [(k, v, shared.get(k)) for k, v in cells.items() if shared.get(k) != v]
    if wrong:
        fails.append(f"{len(wrong)} cells differ from fengong pairs, e.g. {wrong[:3]}")
    if any(cells.get((b, a)) != v for (a, b), v in cells.items()):
        fails.append("the matrix is not symmetric")
    # Row labels: right-aligned texts, top to bottom.
    rows = sorted(((float(t.get("y")), "".join(t.itertext())) for t in root.iter(NS + "text")
                   if t.get("text-anchor") == "end"), key=lambda r: r[0])
    order = [comm.get(name, "?") for _, name in rows]
    runs = [c for k, c in enumerate(order) if k == 0 or order[k - 1] != c]
    if len(runs) != len(set(runs)):
        fails.append(f"rows of a community are not together: {runs}")
    small = [t for t in root.iter(NS + "text") if t.get("text-anchor") == "end"
             and float(t.get("font-size", root.get("font-size", "11"))) < 10]
    if small or float(root.get("font-size", "0")) < 10:
        fails.append("row labels smaller than 10 px")
    if not any("图例" in "".join(t.itertext()) for t in root.iter(NS + "text")):
        fails.append("no legend (图例)")
    print(f"{path}: {len(rows)} rows, {len(cells)} cells, {len(runs)} community blocks")
    for f in fails:
        print("FAIL", f)
    return 1 if fails else 0


def main():
    what, path = sys.argv[1], sys.argv[2]
    if what == "matrix":
        return check_matrix(path, sys.argv[3], sys.argv[4])
    nodes, edges, clusters, all_text = read(path)
    fails = []
    agency_nodes = {k: v for k, v in nodes.items() if not k.startswith("legend")}
    n_cross = crossings(edges)
    print(f"{path}: nodes {len(agency_nodes)}, edges {len(edges)}, crossings {n_cross}", end="")
    if what == "measure":
        print()
        return 0
    lim = limits(sys.argv[4:] if what == "network" else sys.argv[3:])
    if "max-edges" in lim and len(edges) > lim["max-edges"]:
        fails.append(f"{len(edges)} edges drawn, at most {int(lim['max-edges'])} wanted")
    if "max-crossings" in lim and n_cross > lim["max-crossings"]:
        fails.append(f"{n_cross} edge crossings, at most {int(lim['max-crossings'])} wanted")
    if not any("图例" in t for t in all_text):
        fails.append("no legend (图例)")
    bad = broken_names(agency_nodes)
    if bad:
        fails.append("names broken inside a word: " + ", ".join(bad[:8]))
    if what == "network":
        leads = {}
        for line in open(sys.argv[3], encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 2 and f[1].isdigit():
                leads[f[0]] = int(f[1])
        xs, ys = [], []
        for name, n in agency_nodes.items():
            if name in leads:
                xs.append(n["area"])
                ys.append(leads[name])
        r = pearson(xs, ys) if len(xs) > 2 else float("nan")
        print(f", area~leads r {r:.3f} over {len(xs)} nodes", end="")
        if len(xs) < len(agency_nodes) * 0.9:
            fails.append(f"only {len(xs)} of {len(agency_nodes)} nodes have a lead count")
        if not r > lim.get("min-r", 0.95):
            fails.append(f"node area follows the lead count with r = {r:.3f}")
        said = [re.search(r"画出(?:全部)? ?(\d+) 条", t) for t in all_text]
        said = [int(m.group(1)) for m in said if m]
        if said and said[0] != len(edges):
            fails.append(f"the legend says {said[0]} ties are drawn, the drawing has {len(edges)}")
        if not said:
            fails.append("the legend does not say how many ties are drawn")
        legend = [t for t in all_text if "α" in t or "alpha" in t]
        if not legend and "max-edges" in lim:
            fails.append("the legend does not say the backbone's α")
        # Each community colour used by a node has a key in the legend.
        legend_fills = set()
        for name, n in nodes.items():
            if name.startswith("legend"):
                for el in n["group"].iter():
                    if el.get("fill") not in (None, "none"):
                        legend_fills.add(el.get("fill"))
        graph = next(g for g in ET.parse(path).getroot().iter(NS + "g") if g.get("class") == "graph")
        for el in graph:
            if el.tag == NS + "polygon" and el.get("fill") not in (None, "none"):
                legend_fills.add(el.get("fill"))
        for c in clusters:
            if c["title"].startswith("legend") or c["title"].startswith("cluster_legend"):
                for el in c["group"].iter():
                    if el.get("fill") not in (None, "none"):
                        legend_fills.add(el.get("fill"))
        missing = {n["fill"] for n in agency_nodes.values()} - legend_fills
        if missing:
            fails.append(f"{len(missing)} node colours have no key in the legend: {sorted(missing)[:5]}")
    print()
    for f in fails:
        print("FAIL", f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())

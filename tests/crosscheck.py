#!/usr/bin/python3
"""Cross-check fengong's analysis against NetworkX (Debian's python3-networkx).

usage: crosscheck.py FENGONG DB

Builds the task-agency graph straight from the SQLite store (not through fengong),
projects it with networkx.bipartite.weighted_projected_graph, computes the measures with
the definitions of the analysis issue and compares them with `fengong load` and
`fengong centrality --format csv`. Prints one line per check and 'N passed, M failed'.
"""
import csv
import io
from fractions import Fraction
import sqlite3
import subprocess
import sys

import networkx as nx
from networkx.algorithms import bipartite


def fengong_csv(binary, db, *args):
    # the store's names as the documents print them, as the queries below read them
    out = subprocess.run([binary, *args, "--as-written", "--db", db, "--format", "csv"],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def close(a, b, rel, absolute=1e-9):
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), absolute)


def main():
    binary, db = sys.argv[1], sys.argv[2]
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT a.clause_id, g.name, a.role FROM assignments a"
        " JOIN agencies g ON g.id = a.agency_id"
        " WHERE g.status NOT IN ('generic', 'group')").fetchall()
    role = {}
    for clause, agency, r in rows:
        key = (clause, agency)
        role[key] = "lead" if r == "lead" or role.get(key) == "lead" else "co"
    B = nx.Graph()
    agencies = sorted({a for _, a in role})
    B.add_nodes_from((("t", c) for c, _ in role), bipartite=0)
    B.add_nodes_from((("a", a) for a in agencies), bipartite=1)
    B.add_edges_from((("t", c), ("a", a)) for c, a in role)
    P = bipartite.weighted_projected_graph(B, [("a", a) for a in agencies])
    P = nx.relabel_nodes(P, {n: n[1] for n in P})
    # Exact lengths: with floats, 1/3 + 1/6 and 1/2 differ in the last bit and NetworkX
    # would count one shortest path where there are two (igraph compares with a tolerance).
    for u, v, d in P.edges(data=True):
        d["length"] = Fraction(1, d["weight"])

    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name} {detail}")

    # load: lead and co counts per agency
    load = {r["agency"]: r for r in fengong_csv(binary, db, "load")}
    lead = {a: 0 for a in agencies}
    co = {a: 0 for a in agencies}
    for (_, a), r in role.items():
        (lead if r == "lead" else co)[a] += 1
    bad = [a for a in agencies if a not in load or int(load[a]["lead"]) != lead[a]
           or int(load[a]["co"]) != co[a]]
    check(f"load: lead and co counts of {len(agencies)} agencies", not bad, bad[:5])

    cen = {r["agency"]: r for r in fengong_csv(binary, db, "centrality")}
    check("centrality: same agencies", set(cen) == set(agencies),
          sorted(set(cen) ^ set(agencies))[:5])
    ref = {
        "degree": dict(P.degree()),
        "strength": dict(P.degree(weight="weight")),
        "betweenness": {a: float(v) for a, v in
                        nx.betweenness_centrality(P, weight="length", normalized=False).items()},
        "harmonic": {a: float(v) for a, v in nx.harmonic_centrality(P, distance="length").items()},
        "pagerank": nx.pagerank(P, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
    }
    # Eigenvector centrality is defined on a connected graph: compare on the largest component.
    giant = P.subgraph(max(nx.connected_components(P), key=len))
    ev = nx.eigenvector_centrality(giant, weight="weight", max_iter=10000, tol=1e-12)
    top = max(ev.values())
    ref["eigenvector"] = {a: v / top for a, v in ev.items()}
    tolerance = {"degree": 0, "strength": 0, "betweenness": 1e-7, "harmonic": 1e-9,
                 "pagerank": 1e-6, "eigenvector": 1e-5}
    for measure, values in ref.items():
        bad = [(a, float(cen[a][measure]), v) for a, v in values.items()
               if a in cen and not close(float(cen[a][measure]), v, tolerance[measure])]
        check(f"centrality: {measure} of {len(values)} agencies", not bad, bad[:3])
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Time NetworkX on the projection bench_analysis wrote and print the ratios.

usage: nx_analysis.py DIR [--tsv]   (DIR/edges.tsv and DIR/fengong.tsv from bench_analysis)
With --tsv: one line per measure, "measure<TAB>fengong_s<TAB>networkx_s<TAB>ratio", then
"nodes", "edges" and "version" lines (for bench/scale.sh).
The definitions are those of fengong: length = 1/weight for betweenness and harmonic,
weight for eigenvector and PageRank (damping 0.85); communities: NetworkX's Louvain
(it has no Leiden), modularity by weight. Uses Debian's python3-networkx.
"""
import sys
import time

import networkx as nx


def timed(fn):
    """The best of up to five runs, fewer once a second is spent (as bench_analysis)."""
    best, spent = float("inf"), 0.0
    for _ in range(5):
        t0 = time.perf_counter()
        fn()
        t = time.perf_counter() - t0
        best, spent = min(best, t), spent + t
        if spent >= 1.0:
            break
    return best


def main():
    d = sys.argv[1]
    G = nx.Graph()
    with open(f"{d}/edges.tsv") as f:
        for line in f:
            a, b, w = line.split("\t")
            G.add_edge(int(a), int(b), weight=int(w), length=1.0 / int(w))
    ours = {}
    with open(f"{d}/fengong.tsv") as f:
        next(f)
        for line in f:
            k, v = line.split("\t")
            ours[k] = float(v)
    ref = {
        "degree": timed(lambda: (dict(G.degree()), dict(G.degree(weight="weight")))),
        "betweenness": timed(lambda: nx.betweenness_centrality(G, weight="length",
                                                               normalized=False)),
        "harmonic": timed(lambda: nx.harmonic_centrality(G, distance="length")),
        "eigenvector": timed(lambda: nx.eigenvector_centrality(G, weight="weight",
                                                               max_iter=1000)),
        "pagerank": timed(lambda: nx.pagerank(G, alpha=0.85, weight="weight")),
        "communities": timed(lambda: nx.community.louvain_communities(G, weight="weight",
                                                                      seed=42)),
    }
    if "--tsv" in sys.argv[2:]:
        for k in ["degree", "betweenness", "harmonic", "eigenvector", "pagerank",
                  "communities"]:
            print(f"{k}\t{ours[k]:.4f}\t{ref[k]:.4f}\t{ref[k] / max(ours[k], 1e-9):.1f}")
        print(f"nodes\t{G.number_of_nodes()}")
        print(f"edges\t{G.number_of_edges()}")
        print(f"version\t{nx.__version__}")
        return
    print(f"NetworkX {nx.__version__}: {G.number_of_nodes()} nodes, "
          f"{G.number_of_edges()} edges")
    print(f"{'measure':<12} {'fengong_s':>10} {'networkx_s':>11} {'ratio':>8}")
    for k in ["degree", "betweenness", "harmonic", "eigenvector", "pagerank", "communities"]:
        print(f"{k:<12} {ours[k]:>10.4f} {ref[k]:>11.4f} {ref[k] / max(ours[k], 1e-9):>7.1f}x")
    print(f"{'ingest':<12} {ours['ingest']:>10.4f}")
    print(f"{'graph_load':<12} {ours['graph_load']:>10.4f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Map analysis against networkx on the same 1,000-node, 2,000-connection map, in one run.

    python3 src-core/benches/analysis_vs_networkx.py   (needs: pip install networkx)

Builds the map (seeded), times networkx (loops up to the cap with nx.simple_cycles, betweenness,
articulation points and bridges of the undirected network), then the Rust analysis (the same,
plus lost routes and the reach of the map's 5 personas) through the `analysis_timing` example,
best of 5 each.
Prints both times, the counts each found (they must agree) and the ratio; the target is 20×.
"""

import itertools
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

NODES, CONNECTIONS, PERSONAS, CAP, RUNS = 1000, 2000, 5, 500, 5
ROOT = Path(__file__).resolve().parents[2]


def build_map(seed=5):
    rng = random.Random(seed)
    kinds = ["service"] * 5 + ["organisation", "person_role", "condition", "resource", "factor"]
    nodes = [
        {"id": f"n{i:04}", "kind": rng.choice(kinds), "level": None, "label": f"Node {i}",
         "x": rng.uniform(0, 5000), "y": rng.uniform(0, 5000)}
        for i in range(NODES)
    ]
    # A map is drawn around a few personas, not dozens.
    for i in rng.sample(range(NODES), PERSONAS):
        nodes[i]["kind"] = "persona"
    pairs = set()
    while len(pairs) < CONNECTIONS:
        a, b = rng.randrange(NODES), rng.randrange(NODES)
        if a != b:
            pairs.add((a, b))
    connections = [
        {"id": f"c{i:05}", "from": f"n{a:04}", "to": f"n{b:04}",
         "polarity": rng.choice(["positive", "negative", "unknown"])}
        for i, (a, b) in enumerate(sorted(pairs))
    ]
    return {"nodes": nodes, "connections": connections}


def networkx_analysis(m):
    g = nx.DiGraph()
    g.add_nodes_from(n["id"] for n in m["nodes"])
    g.add_edges_from((c["from"], c["to"]) for c in m["connections"])
    loops = list(itertools.islice(nx.simple_cycles(g), CAP + 1))
    betweenness = nx.betweenness_centrality(g)
    undirected = g.to_undirected()
    cut = list(nx.articulation_points(undirected))
    bridges = list(nx.bridges(undirected))
    return min(len(loops), CAP), len(loops) > CAP, len(cut), len(bridges), len(betweenness)


def main():
    m = build_map()
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        counts = networkx_analysis(m)
        best = min(best, (time.perf_counter() - start) * 1000)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(m, f)
        path = f.name
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "systematic-core", "--example", "analysis_timing"],
                   cwd=ROOT, check=True)
    out = subprocess.run([str(ROOT / "target/release/examples/analysis_timing"), path, str(RUNS), str(CAP)],
                         check=True, capture_output=True, text=True).stdout.strip()
    fields = dict(part.split("=") for part in out.split())
    rust_ms = float(fields["rust_ms"])
    print(f"map: {NODES} nodes ({PERSONAS} personas), {CONNECTIONS} connections, loop cap {CAP}")
    print(f"networkx {nx.__version__}: {best:.1f} ms  (loops {counts[0]}, capped {counts[1]}, "
          f"cut points {counts[2]}, bridges {counts[3]})")
    print(f"rust:      {rust_ms:.1f} ms  (loops {fields['loops']}, capped {fields['capped']}, "
          f"cut points {fields['cut_points']}, bridges {fields['bridges']})")
    agree = (int(fields["loops"]) == counts[0] and fields["capped"] == str(counts[1]).lower()
             and int(fields["cut_points"]) == counts[2] and int(fields["bridges"]) == counts[3])
    print(f"ratio: {best / rust_ms:.1f}x faster (target 20x); counts agree: {agree}")
    sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()

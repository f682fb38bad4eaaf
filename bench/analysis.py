"""Graph analysis over a generated knowledge base (10,000 actors, 1,000,000 claims).

For each step: Patron's function, and beside it in the same run plain networkx on
the same claims (a MultiDiGraph with one edge per claim, no weighting, no time
slice logic), so the ratio shows what the view and its weighting cost and where
rustworkx pays. Full betweenness: rustworkx exact (what ``brokers`` uses above
1,000 nodes) against networkx on a sample of k sources (``--k``), with
networkx's exact time extrapolated as sample time × n / k.

    python bench/analysis.py [--claims 1000000] [--actors 10000] [--k 10]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import networkx as nx
from generate import generate

from patron.graph.blocs import blocs
from patron.graph.brokers import betweenness, brokers
from patron.graph.changes import changes
from patron.graph.crossings import crossings
from patron.graph.dependence import dependence
from patron.graph.interdiction import interdiction
from patron.graph.paths import paths
from patron.graph.patrons import patrons
from patron.graph.routes import support_routes
from patron.graph.view import Slice, build
from patron.store import Store

T = TypeVar("T")
ROWS: list[tuple[str, float, str, float | None]] = []


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def row(step: str, ours: float, baseline: str = "", base: float | None = None) -> None:
    ROWS.append((step, ours, baseline, base))
    ratio = f"{ours / base:6.2f}x" if base else ""
    print(f"{step:<34} {ours:9.2f} s   {baseline:<40} "
          f"{'' if base is None else f'{base:9.2f} s'} {ratio}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--k", type=int, default=10, help="networkx betweenness sample size")
    args = parser.parse_args()
    # Same generator and seed as bench/who_backs.py: the file is shared.
    name = f"who_backs_{args.claims}.db" if args.actors == 10_000 else (
        f"graph_{args.claims}_{args.actors}.db")
    path = Path("bench/out") / name
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path}"
    if not path.exists():
        _, took = timed(lambda: generate(url, args.claims, args.actors).close())
        print(f"generated {args.claims:,} claims over {args.actors:,} actors in {took:.0f} s")
    store = Store.open(url)
    print(f"{'step':<34} {'Patron':>11}   {'plain networkx, same run':<40} {'':>11} ratio")

    claims, t_load = timed(lambda: store.claims())
    actors = {a.id: a for a in store.actors()}
    row("read claims from the store", t_load)

    view, t_view = timed(lambda: build(claims, actors, Slice()))

    def plain() -> nx.MultiDiGraph[str]:
        g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        g.add_edges_from((c.subject, c.object, {"id": c.id, "type": c.type}) for c in claims)
        return g

    multi, t_plain = timed(plain)
    row("build view (weighted, 4 layers)", t_view, "MultiDiGraph, one edge per claim", t_plain)
    print(f"  view: {view.graph.number_of_nodes():,} nodes, {view.graph.number_of_edges():,} "
          f"edges; plain: {multi.number_of_edges():,} edges", flush=True)

    top = Counter(c.object for c in claims).most_common(1)[0][0]
    support = {c.id for c in claims if c.family == "support"}

    def plain_patrons() -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        for u, _, data in multi.in_edges(top, data=True):
            if data["id"] in support:
                counts[u] += 1
        return counts.most_common()

    _, t_pat = timed(lambda: patrons(view, top))
    _, t_pp = timed(plain_patrons)
    row(f"patrons {top}", t_pat, "count support claims per in-neighbour", t_pp)
    _, t_dep = timed(lambda: dependence(view, top))
    row(f"dependence {top}", t_dep, "(same count as above)", t_pp)

    routes, t_routes = timed(lambda: support_routes(view))
    row("support+transit route graph", t_routes)
    simple, t_simple = timed(lambda: nx.DiGraph(multi))
    row("  (plain DiGraph of all claims)", t_simple)
    _, t_to = timed(lambda: brokers(view, to=top))
    _, t_to_nx = timed(lambda: nx.betweenness_centrality_subset(
        routes.reverse(copy=False), sources=[top], targets=list(routes.nodes)))
    row(f"brokers --to {top} (+route graph)", t_to, "networkx subset betweenness, same graph",
        t_to_nx)
    _, t_rx = timed(lambda: betweenness(routes, engine="rustworkx"))
    k = min(args.k, routes.number_of_nodes())
    _, t_nx_k = timed(lambda: nx.betweenness_centrality(routes, k=k, seed=1))
    n = routes.number_of_nodes()
    row("brokers (rustworkx, exact)", t_rx, f"networkx exact (est. from k={k})", t_nx_k * n / k)
    row("", 0.0, f"  networkx measured, k={k} sample", t_nx_k)
    _, t_brk = timed(lambda: brokers(view))
    row("brokers (whole analysis)", t_brk)

    source = next(iter(routes.predecessors(top)))
    far = next((u for u in routes.nodes if u != top and not routes.has_edge(u, top)
                and nx.has_path(routes, u, top)), source)
    _, t_paths = timed(lambda: paths(view, far, top, k=5))
    _, t_sp = timed(lambda: list(nx.all_shortest_paths(simple, far, top)))
    row(f"paths {far} {top} (k=5)", t_paths, "networkx all_shortest_paths (hops)", t_sp)
    _, t_cut = timed(lambda: interdiction(view, far, top))
    physical = support_routes(view, organ_hops=True, direct=False)
    _, t_cut_nx = timed(lambda: nx.minimum_node_cut(physical, far, top)
                        if far in physical and top in physical
                        and not physical.has_edge(far, top) else set())
    row(f"interdiction {far} {top}", t_cut, "networkx minimum_node_cut, route graph", t_cut_nx)

    result, t_blocs = timed(lambda: blocs(view))
    und, _ = timed(lambda: nx.Graph(simple.to_undirected()))
    _, t_louvain = timed(lambda: nx.community.louvain_communities(und, seed=7))
    row("blocs (signed)", t_blocs, "networkx louvain, unsigned, unweighted", t_louvain)
    print(f"  {len(result.blocs)} blocs of 2+ actors", flush=True)
    _, t_cross = timed(lambda: crossings(view))
    row("crossings", t_cross)
    _, t_changes = timed(lambda: changes(store, "2011", "2018"))
    row("changes 2011 2018 (reads 2 slices)", t_changes)
    total = sum(r[1] for r in ROWS)
    print(f"total Patron time {total:.0f} s")


if __name__ == "__main__":
    main()

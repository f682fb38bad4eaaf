"""Pictures of analysis answers (matplotlib, no display needed): an actor's ego
network, support over time, and a map of the network coloured by bloc.

Each function writes one file; the format follows the suffix (``.png``, ``.svg``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx

from patron.errors import InputError
from patron.graph.view import View

__all__ = ["MAX_LABELS", "check_target", "ego", "labelled", "network", "timeline"]

#: Names written on a picture at most: beyond that they cover each other.
MAX_LABELS = 40
#: Blocs drawn at most (one colour each); the rest are the smallest.
MAX_GROUPS = 8

_LAYER_COLOUR = {"support": "#2b7bba", "transit": "#8c8c8c", "alignment": "#3a9a4a",
                 "hostility": "#d43d2a"}
_PALETTE = ["#e6550d", "#3182bd", "#31a354", "#756bb1", "#636363", "#e7ba52", "#843c39",
            "#17becf"]


def check_target(path: Path) -> None:
    """InputError unless ``path`` ends in .png or .svg."""
    if path.suffix.lower() not in (".png", ".svg"):
        raise InputError("a plot file must end in .png or .svg", field="--plot")


def labelled(graph: nx.DiGraph[str], pos: dict[str, Any], *,
             groups: Sequence[Sequence[str]] = (), highlight: Iterable[str] = (),
             names: dict[str, str] | None = None, limit: int = MAX_LABELS,
             spacing: float = 0.035, char: float = 0.006) -> list[str]:
    """The nodes whose names are written, so that no two names sit on each other.

    Candidates come highlighted first, then the best connected of each group in
    turn (or of the graph); a candidate is taken when its name's box (``char``
    of the picture's width a character, ``spacing`` of its height a line) clears
    every name taken, until ``limit`` names are written.
    """
    if not pos:
        return []
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    strength = {n: float(d) for n, d in graph.degree(weight="weight")}
    pools = [list(g) for g in groups] or [list(graph.nodes)]
    ranked = [sorted((n for n in pool if n in pos), key=lambda n: (-strength[n], n))
              for pool in pools]
    order = [n for n in highlight if n in pos]
    for depth in range(max((len(r) for r in ranked), default=0)):
        order.extend(r[depth] for r in ranked if depth < len(r))
    half = {n: len((names or {}).get(n, n)) * char / 2 for n in pos}
    taken: list[str] = []
    for n in dict.fromkeys(order):
        x, y = pos[n]
        if all(abs(x - pos[t][0]) / width >= half[n] + half[t]
               or abs(y - pos[t][1]) / height >= spacing for t in taken):
            taken.append(n)
            if len(taken) >= limit:
                break
    return taken


def _draw(graph: nx.DiGraph[str], view: View, path: Path, title: str,
          colours: dict[str, str] | None = None, sizes: dict[str, float] | None = None,
          highlight: Iterable[str] = (), groups: Sequence[Sequence[str]] = ()) -> None:
    check_target(path)
    fig, ax = plt.subplots(figsize=(12, 9))
    n = graph.number_of_nodes()
    # spread: the default spacing crowds a graph of hundreds of nodes into the middle
    pos = nx.spring_layout(graph, seed=7, weight=None, k=2.0 / max(n, 1) ** 0.5) if n else {}
    marked = set(highlight)
    for layer, colour in _LAYER_COLOUR.items():
        edges = [(u, v) for u, v, d in graph.edges(data=True) if d.get("layer") == layer]
        widths = [0.5 + 1.5 * min(graph[u][v].get("weight", 1.0), 3.0) for u, v in edges]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, edge_color=colour, width=widths,
                               alpha=0.6, arrows=True, ax=ax, label=layer)
    nodes = list(graph.nodes)
    small = 300.0 if n <= 150 else 80.0  # a big graph: small nodes, so the names show
    nx.draw_networkx_nodes(
        graph, pos, nodelist=nodes, ax=ax,
        node_color=[(colours or {}).get(n, "#fdae6b" if n in marked else "#cccccc")
                    for n in nodes],
        node_size=[(sizes or {}).get(n, small) for n in nodes],
        node_shape="o", edgecolors=["black" if n in marked else "white" for n in nodes],
    )
    every = {n: view.name(n) for n in nodes}
    names = labelled(graph, pos, groups=groups, highlight=marked, names=every)
    nx.draw_networkx_labels(graph, pos, labels={n: every[n] for n in names}, font_size=8,
                            ax=ax, bbox={"facecolor": "white", "edgecolor": "none",
                                         "alpha": 0.7, "pad": 1.0}, clip_on=False)
    ax.margins(0.12)  # room for the names of nodes on the rim
    shown = f"; {len(names)} of {n} named, best connected first" if len(names) < n else ""
    ax.set_title(f"{title} ({view.slice.label}{shown})")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="lower left", fontsize=8)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _subgraph(view: View, nodes: set[str], layers: Sequence[str]) -> nx.DiGraph[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for u, v, key, data in view.graph.edges(keys=True, data=True):
        if u in nodes and v in nodes and key in layers and data["weight"] > 0 \
                and not graph.has_edge(u, v):
            graph.add_edge(u, v, layer=key, weight=data["weight"])
    return graph


def ego(view: View, actor: str, path: Path, *, layers: Sequence[str] = ("support", "hostility"),
        highlight: Iterable[str] = ()) -> None:
    """``actor`` and its neighbours on ``layers``, edges coloured by layer."""
    nodes = {actor}
    for u, v, key in view.graph.edges(keys=True):
        if key in layers and actor in (u, v):
            nodes.update((u, v))
    nodes.update(highlight)
    _draw(_subgraph(view, nodes, (*layers, "transit")), view, path, f"{view.name(actor)}",
          highlight=[actor, *highlight])


def network(view: View, path: Path, title: str, *, groups: Sequence[Sequence[str]] = (),
            sizes: dict[str, float] | None = None,
            layers: Sequence[str] = ("support", "alignment", "hostility", "transit")) -> None:
    """The whole view; ``groups`` (blocs) colour nodes, ``sizes`` scale them."""
    nodes = {n for n in view.graph.nodes if view.graph.degree(n)}
    groups = sorted(groups, key=len, reverse=True)[:MAX_GROUPS]
    colours = {n: _PALETTE[i % len(_PALETTE)] for i, g in enumerate(groups) for n in g}
    if groups:
        nodes = {n for g in groups for n in g}
    _draw(_subgraph(view, nodes, layers), view, path, title, colours=colours, sizes=sizes,
          groups=groups)


def timeline(series: dict[str, list[tuple[int, float]]], path: Path, title: str) -> None:
    """One line per tie: weight against year."""
    check_target(path)
    fig, ax = plt.subplots(figsize=(10, 5))
    for label, points in series.items():
        ax.plot([y for y, _ in points], [w for _, w in points], marker="o", label=label)
    ax.set_xlabel("year")
    ax.set_ylabel("edge weight")
    ax.set_title(title)
    if series:
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)

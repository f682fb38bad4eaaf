"""Pictures of analysis answers (matplotlib, no display needed): an actor's ego
network, support over time, and a map of the network coloured by bloc.

Each function writes one file; the format follows the suffix (``.png``, ``.svg``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx

from patron.errors import InputError
from patron.graph.view import View

__all__ = ["check_target", "ego", "network", "timeline"]

_LAYER_COLOUR = {"support": "#2b7bba", "transit": "#8c8c8c", "alignment": "#3a9a4a",
                 "hostility": "#d43d2a"}
_PALETTE = ["#e6550d", "#3182bd", "#31a354", "#756bb1", "#636363", "#e7ba52", "#843c39",
            "#17becf"]


def check_target(path: Path) -> None:
    """InputError unless ``path`` ends in .png or .svg."""
    if path.suffix.lower() not in (".png", ".svg"):
        raise InputError("a plot file must end in .png or .svg", field="--plot")


def _draw(graph: nx.DiGraph[str], view: View, path: Path, title: str,
          colours: dict[str, str] | None = None, sizes: dict[str, float] | None = None,
          highlight: Iterable[str] = ()) -> None:
    check_target(path)
    fig, ax = plt.subplots(figsize=(11, 8))
    pos = nx.spring_layout(graph, seed=7, weight=None) if graph.number_of_nodes() else {}
    marked = set(highlight)
    for layer, colour in _LAYER_COLOUR.items():
        edges = [(u, v) for u, v, d in graph.edges(data=True) if d.get("layer") == layer]
        widths = [0.5 + 1.5 * min(graph[u][v].get("weight", 1.0), 3.0) for u, v in edges]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, edge_color=colour, width=widths,
                               alpha=0.6, arrows=True, ax=ax, label=layer)
    nodes = list(graph.nodes)
    nx.draw_networkx_nodes(
        graph, pos, nodelist=nodes, ax=ax,
        node_color=[(colours or {}).get(n, "#fdae6b" if n in marked else "#cccccc")
                    for n in nodes],
        node_size=[(sizes or {}).get(n, 300.0) for n in nodes],
        node_shape="o", edgecolors=["black" if n in marked else "white" for n in nodes],
    )
    nx.draw_networkx_labels(graph, pos, labels={n: view.name(n) for n in nodes}, font_size=8,
                            ax=ax)
    ax.set_title(f"{title} ({view.slice.label})")
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
    colours = {n: _PALETTE[i % len(_PALETTE)] for i, g in enumerate(groups) for n in g}
    if groups:
        nodes = {n for g in groups for n in g}
    _draw(_subgraph(view, nodes, layers), view, path, title, colours=colours, sizes=sizes)


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

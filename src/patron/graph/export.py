"""The claim graph as files for Gephi, yEd and spreadsheets: GEXF, GraphML, edge CSV.

One node per actor; one edge per (subject, type, object) holding every claim of
that triple that passes the filter. Attributes: on nodes ``kind``, ``country``,
``claims``, ``sources``; on edges ``family`` (as ``kind``), ``type``, the
strongest ``stance`` (by ``vocab.yaml`` rank), the best ``grade``, ``claims`` and
``sources`` (distinct documents). Time: each edge carries ``start``/``end`` (the
hull of its claims' spans, open bounds left out) and, in GEXF, ``spells`` (the
merged spans), so Gephi's timeline shows a link only while a claim holds it;
nodes carry the hull of their edges.

Output is deterministic: nodes and edges are sorted, so the same claims give
byte-identical files. Output is safe to open: GEXF and GraphML hold only characters
XML allows (any other becomes U+FFFD; markup in names is escaped by the writer), and
CSV cells that would start a spreadsheet formula are written as text
(:mod:`patron.spreadsheet`).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, BinaryIO, TextIO

import networkx as nx

from patron.model import Actor, Claim
from patron.spreadsheet import safe_cell, xml_text
from patron.store import ClaimFilter, Store
from patron.timespan import OPEN_END, UNKNOWN_START
from patron.vocab import VOCAB

__all__ = [
    "FORMATS",
    "build",
    "claim_graph",
    "render",
    "write_edges_csv",
    "write_gexf",
    "write_graphml",
]

Span = tuple[int, int]
EDGE_COLUMNS = (
    "source", "target", "type", "kind", "stance", "grade", "claims", "sources", "start", "end",
)  # fmt: skip


def _date(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def _bound(day: int) -> str | None:
    """An ordinal day as ``YYYY-MM-DD``; None for an unknown start or open end."""
    return None if day in (UNKNOWN_START, OPEN_END) else _date(day)


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans joined: [(2008, 2009), (2009, 2012)] → [(2008, 2012)]."""
    out: list[list[int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _best_grade(grades: Iterable[str]) -> str:
    return min(grades, key=lambda g: (g[0], g[1:]))


def _strongest(stances: Iterable[str]) -> str:
    return max(stances, key=lambda s: VOCAB.stances[s])


def _time(spans: list[Span]) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    start, end = _bound(min(lo for lo, _ in spans)), _bound(max(hi for _, hi in spans))
    if start:
        attrs["start"] = start
    if end:
        attrs["end"] = end
    return attrs


def build(claims: Iterable[Claim], actors: dict[str, Actor]) -> nx.MultiDiGraph[str]:
    """The graph of ``claims``; ``actors`` gives node names and kinds."""
    by_edge: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        by_edge[(c.subject, c.object, c.type)].append(c)
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    node_spans: dict[str, list[Span]] = defaultdict(list)
    node_claims: dict[str, list[Claim]] = defaultdict(list)
    edges = []
    for (s, o, t), items in sorted(by_edge.items()):
        spans = _merge(c.time.bounds() for c in items)
        for end in (s, o):
            node_spans[end].extend(spans)
            node_claims[end].extend(items)
        attrs: dict[str, Any] = {
            "id": f"{s}|{t}|{o}",
            "label": t,
            "type": t,
            "kind": VOCAB.claim_types[t].family,
            "stance": _strongest(c.stance for c in items),
            "grade": _best_grade(c.grade for c in items),
            "claims": len(items),
            "sources": len({c.evidence.document for c in items}),
            **_time(spans),
        }
        if any(_bound(lo) or _bound(hi) for lo, hi in spans):
            attrs["spells"] = [(_bound(lo), _bound(hi)) for lo, hi in spans]
        edges.append((s, o, t, attrs))
    for node in sorted(node_spans):
        actor = actors.get(node)
        attrs = {
            "label": actor.name if actor else node,
            "kind": actor.kind if actor else "unknown",
            "claims": len({c.id for c in node_claims[node]}),
            "sources": len({c.evidence.document for c in node_claims[node]}),
            **_time(node_spans[node]),
        }
        if actor and actor.country:
            attrs["country"] = actor.country
        graph.add_node(node, **attrs)
    for s, o, t, attrs in edges:
        graph.add_edge(s, o, key=t, **attrs)
    return graph


def claim_graph(store: Store, flt: ClaimFilter = ClaimFilter()) -> nx.MultiDiGraph[str]:
    """The graph of the stored claims passing ``flt`` (as ``patron claims`` filters)."""
    claims = store.claims(flt)
    ids = {c.subject for c in claims} | {c.object for c in claims}
    return build(claims, {a.id: a for a in store.actors(ids)})


def _xml_safe(value: Any) -> Any:
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(v) for v in value)
    return value


def _copy(graph: nx.MultiDiGraph[str], edge: Any) -> nx.MultiDiGraph[str]:
    """The graph for an XML writer: ``edge`` maps each edge's attributes, and every
    id and text value holds only characters XML allows."""
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(xml_text(node), **{k: _xml_safe(v) for k, v in data.items()})
    for s, o, k, data in graph.edges(keys=True, data=True):
        attrs = {a: _xml_safe(v) for a, v in edge(dict(data)).items()}
        out.add_edge(xml_text(s), xml_text(o), key=xml_text(k), **attrs)
    return out


def _gexf_edge(data: dict[str, Any]) -> dict[str, Any]:
    # GEXF's own edge "type" means directed/undirected: the claim type goes in
    # "claim_type". An element has either start/end or spells, not both.
    data["claim_type"] = data.pop("type")
    spells = data.pop("spells", None)
    if spells and len(spells) > 1:
        data.pop("start", None)
        data.pop("end", None)
        data["spells"] = spells
    return data


def write_gexf(graph: nx.MultiDiGraph[str], out: BinaryIO) -> None:
    """GEXF 1.2 with time spans (Gephi's timeline); reads back with ``nx.read_gexf``.

    The claim type is the edge label and the ``claim_type`` attribute.
    """
    nx.write_gexf(_copy(graph, _gexf_edge), out, prettyprint=True)


def write_graphml(graph: nx.MultiDiGraph[str], out: BinaryIO) -> None:
    """GraphML with the same attributes; spells are left out (GraphML has no lists)."""
    plain = _copy(graph, lambda d: {a: v for a, v in d.items() if a != "spells"})
    nx.write_graphml(plain, out, prettyprint=True, named_key_ids=True)


def write_edges_csv(graph: nx.MultiDiGraph[str], out: TextIO) -> None:
    """One row per edge with Gephi's ``source``/``target`` columns."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for s, o, data in graph.edges(data=True):
        row = [s, o, *(data.get(c, "") for c in EDGE_COLUMNS[2:])]
        writer.writerow([safe_cell(v) for v in row])


FORMATS = ("gexf", "graphml", "edges")


def render(fmt: str, graph: nx.MultiDiGraph[str]) -> bytes:
    """``graph`` as the bytes of a ``gexf``, ``graphml`` or ``edges`` (CSV) file."""
    buffer = io.BytesIO()
    if fmt == "edges":
        text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        write_edges_csv(graph, text)
        text.detach()
    elif fmt == "gexf":
        write_gexf(graph, buffer)
    elif fmt == "graphml":
        write_graphml(graph, buffer)
    else:
        raise ValueError(f"unknown graph format {fmt!r}; one of {', '.join(FORMATS)}")
    return buffer.getvalue()

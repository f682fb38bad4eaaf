"""Graph files: GEXF reads back in networkx with its time spans; GraphML and edge CSV."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from patron.graph.export import claim_graph, render
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from tests.factory import run_cli


def test_gexf_reads_back_with_time_spans_and_attributes(kb: KnowledgeBase) -> None:
    graph = claim_graph(kb.store, ClaimFilter(actors=("hamas",)))
    back = nx.read_gexf(io.BytesIO(render("gexf", graph)))
    assert back.graph["mode"] == "dynamic"
    assert back.nodes["iran"]["kind"] == "state"
    funding = [d for s, o, d in back.edges(data=True) if (s, o) == ("iran", "hamas")
               and d["claim_type"] == "funding"]  # fmt: skip
    assert len(funding) == 1
    edge = funding[0]
    assert {"kind", "stance", "grade", "claims", "sources"} <= set(edge)
    assert edge["kind"] == "support" and edge["sources"] >= 1
    assert "start" in edge or "spells" in edge


def test_edges_aggregate_claims_per_triple(kb: KnowledgeBase) -> None:
    graph = claim_graph(kb.store)
    total = sum(d["claims"] for _, _, d in graph.edges(data=True))
    assert total == kb.store.count()
    assert all(d["sources"] <= d["claims"] for _, _, d in graph.edges(data=True))


def test_graphml_and_edges_csv(kb: KnowledgeBase) -> None:
    graph = claim_graph(kb.store, ClaimFilter(types=("funding",)))
    back = nx.read_graphml(io.BytesIO(render("graphml", graph)))
    assert back.number_of_edges() == graph.number_of_edges()
    rows = list(csv.DictReader(io.StringIO(render("edges", graph).decode())))
    assert {r["type"] for r in rows} == {"funding"} and rows[0]["source"]


def test_output_is_deterministic(kb: KnowledgeBase) -> None:
    graph = claim_graph(kb.store)
    assert render("graphml", graph) == render("graphml", claim_graph(kb.store))


def test_cli_exports_filtered_gexf(
    kb: KnowledgeBase, db_url: str, tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "export", "gexf", "--type", "arms", "--db", db_url)
    assert code == 0, err
    back = nx.read_gexf(io.BytesIO(out.encode()))
    assert {d["claim_type"] for _, _, d in back.edges(data=True)} == {"arms"}
    code, _, err = run_cli(capsys, "export", "dot", "--db", db_url)
    assert code == 2 and "gexf" in err

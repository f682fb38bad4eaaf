"""The explorer's network over a graph view: filters, strength, machine marks, layout."""

from __future__ import annotations

from patron.graph.view import build
from patron.model import Actor
from patron.web.network import Lens, layout, network, years
from tests.factory import claim

ACTORS = {a: Actor(id=a, name=a.title(), kind="state") for a in ("iran", "hamas", "qatar")}


def test_strength_sums_support_weights_and_sizes_follow() -> None:
    view = build([claim("iran", "funding", "hamas"), claim("iran", "arms", "hamas"),
                  claim("qatar", "diplomatic", "hamas", grade="C3")], ACTORS)  # fmt: skip
    out = network(view, Lens(), layout(view))
    nodes = {n["id"]: n for n in out["nodes"]}
    edges = {e["id"]: e for e in out["edges"]}
    assert nodes["hamas"]["strength"] == round(
        edges["iran|hamas|support"]["weight"] + edges["qatar|hamas|support"]["weight"], 4)
    assert nodes["hamas"]["size"] == 15.0  # the strongest
    assert nodes["iran"]["size"] > nodes["qatar"]["size"]


def test_lens_drops_claims_and_reweighs_the_edge() -> None:
    view = build([claim("iran", "funding", "hamas"), claim("iran", "arms", "hamas")], ACTORS)
    both = network(view, Lens(), {})["edges"][0]
    arms = network(view, Lens(types=("arms",)), {})["edges"][0]
    assert arms["types"] == ["arms"] and both["types"] == ["arms", "funding"]
    assert arms["weight"] < both["weight"]
    assert network(view, Lens(stances=("denied",)), {})["edges"] == []


def test_edge_is_machine_made_only_when_every_claim_is() -> None:
    machine = claim("iran", "funding", "hamas", origin="extract:rules@1", review="proposed")
    curated = claim("iran", "arms", "hamas")
    only = network(build([machine], ACTORS), Lens(), {})["edges"][0]
    mixed = network(build([machine, curated], ACTORS), Lens(), {})["edges"][0]
    assert only["machine"] and not mixed["machine"]


def test_layout_is_the_same_every_time() -> None:
    view = build([claim("iran", "funding", "hamas"), claim("qatar", "diplomatic", "hamas")],
                 ACTORS)  # fmt: skip
    assert layout(view) == layout(view)
    assert set(layout(view)) == {"iran", "hamas", "qatar"}


def test_years_span_the_claims() -> None:
    assert years([claim(start="1993", end="2011"), claim(start="2020", end=None)]) == (1993, 2020)
    assert years([claim(start=None, end=None)]) is None

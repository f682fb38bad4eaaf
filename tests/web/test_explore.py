"""The explorer: its page, its network as JSON under the filters, an edge's evidence."""

from __future__ import annotations

from typing import Any

from tests.web.conftest import Pages


def _net(pages: Pages, query: str = "") -> dict[str, Any]:
    answer = pages.get("/explore/network.json" + query)
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def _edge(data: dict[str, Any], edge_id: str) -> dict[str, Any] | None:
    return next((e for e in data["edges"] if e["id"] == edge_id), None)


def test_explorer_page_has_its_filters_and_scripts(pages: Pages) -> None:
    html = pages.get("/").text
    for needle in ('name="type"', 'name="stance"', 'name="min_grade"', 'id="as-of"',
                   'name="layer" value="hostility"', "/static/vendor/sigma.min.js",
                   "/static/vendor/graphology.umd.min.js", "/static/js/explore.js"):
        assert needle in html
    assert "<script>" not in html  # no inline script: the CSP would refuse it


def test_network_has_sized_nodes_and_layered_edges(pages: Pages) -> None:
    data = _net(pages)
    ids = {n["id"] for n in data["nodes"]}
    assert {"iran", "hamas"} <= ids
    funding = _edge(data, "iran|hamas|support")
    assert funding is not None and funding["weight"] > 0 and not funding["machine"]
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    assert sizes["iran"] > sizes["qatar"] >= 3
    assert all({"x", "y", "label", "kind", "strength"} <= set(n) for n in data["nodes"])


def test_machine_extracted_edge_is_marked(pages: Pages) -> None:
    edge = _edge(_net(pages), "iran|evil-front|support")
    assert edge is not None and edge["machine"] is True
    assert _edge(_net(pages, "?unreviewed=exclude"), "iran|evil-front|support") is None


def test_filters_change_the_network(pages: Pages) -> None:
    everything = _net(pages)
    funding = _net(pages, "?type=funding")
    assert 0 < len(funding["edges"]) < len(everything["edges"])
    assert all(e["types"] == ["funding"] for e in funding["edges"])
    hostile = _net(pages, "?layer=hostility")
    assert all(e["layer"] == "hostility" for e in hostile["edges"])
    graded = _net(pages, "?min_grade=B2")
    assert _edge(graded, "iran|evil-front|support") is None  # C3


def test_time_slider_slices_the_network(pages: Pages) -> None:
    # the mini claims: Iran's funding of Hamas in 1993-2011 and in 2020
    early = _net(pages, "?as_of=2000")
    assert early["slice"]["label"] == "as of 2000"
    assert _edge(early, "iran|evil-front|support") is None  # 2022
    assert _edge(early, "iran|hamas|support") is not None


def test_positions_do_not_move_with_filters(pages: Pages) -> None:
    a = {n["id"]: (n["x"], n["y"]) for n in _net(pages)["nodes"]}
    b = {n["id"]: (n["x"], n["y"]) for n in _net(pages, "?type=funding")["nodes"]}
    assert all(a[k] == v for k, v in b.items())


def test_bad_filter_is_a_400_naming_it(pages: Pages) -> None:
    answer = pages.get("/explore/network.json?stance=sure")
    assert answer.status_code == 400
    assert "stance" in answer.text


def test_edge_evidence_lists_claims_with_quotes_escaped(pages: Pages) -> None:
    answer = pages.get("/explore/edge?source=iran&target=evil-front&layer=support",
                       headers={"HX-Request": "true"})  # fmt: skip
    assert answer.status_code == 200
    html = answer.text
    assert "<html" not in html  # a partial
    assert "Iran arms the Evil Front" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "onerror=" not in html.replace("&#34;", '"').split("&lt;img")[0]
    assert 'href="javascript:' not in html

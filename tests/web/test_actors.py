"""The actor page and its timeline data."""

from __future__ import annotations

from tests.web.conftest import EVIL_NAME, Pages


def test_actor_page_shows_names_patrons_clients_and_evidence(pages: Pages) -> None:
    answer = pages.get("/actors/Hamas")
    assert answer.status_code == 200
    html = answer.text
    assert "Also known as" in html
    assert "Patrons" in html and "Clients" in html
    assert 'href="/actors/qatar"' in html and 'href="/actors/iran"' in html
    assert "The test report puts Iranian money" in html  # a claim's statement as evidence
    assert 'id="timeline"' in html and "/static/vendor/vis-timeline-graph2d.min.js" in html


def test_actor_name_and_aliases_render_inert(pages: Pages) -> None:
    html = pages.get("/actors/evil-front").text
    assert EVIL_NAME not in html
    assert "Evil &lt;img src=x onerror=" in html
    assert "<script>window.__pwned" not in html


def test_unknown_actor_is_a_404_page_with_candidates(pages: Pages) -> None:
    answer = pages.get("/actors/Hamaz")
    assert answer.status_code == 404
    assert "Did you mean" in answer.text and "Hamas" in answer.text


def test_timeline_items_are_text_with_dates(pages: Pages) -> None:
    data = pages.get("/actors/hamas/timeline.json").json()
    assert data["actor"] == {"id": "hamas", "name": "Hamas"}
    item = next(i for i in data["items"] if i["label"] == "1993–2011")
    assert item["type"] == "range" and item["start"] == "1993-01-01"
    assert item["end"] == "2011-12-31" and item["text"] == "Iran funding Hamas"
    open_ended = next(i for i in data["items"] if i["label"] == "since 2012")
    assert open_ended["type"] == "point" and "end" not in open_ended

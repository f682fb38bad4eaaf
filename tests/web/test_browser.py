"""The pages in headless chromium (Playwright): explore, filter, open an edge's evidence,
browse and read claims, review, simulate, upload; and script payloads stay inert.

Screenshots go to tests/web/artifacts/ (git-ignored); each test prints its path.
Skipped when chromium is absent (.ci/run installs it).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.conftest import CHROMIUM, EVIL_NAME, Site, Tab, open_tab

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                "(apt-get install chromium; .ci/run installs it)")


def _loaded(tab: Tab, after: int = 0) -> dict[str, int]:
    tab.page.wait_for_function(f"() => Number(document.getElementById('graph').dataset.loaded"
                               f" || 0) > {after}")  # fmt: skip
    data: dict[str, Any] = tab.page.eval_on_selector("#graph", "g => ({...g.dataset})")
    return {k: int(data[k]) for k in ("loaded", "nodes", "edges")}


def test_login_then_explore_and_filter(browser: Any, site: Site) -> None:
    for tab in open_tab(browser, site, None):
        tab.go("/")
        assert "/login" in tab.page.url
        tab.page.fill("input[name=token]", site.tokens["viewer"])
        tab.page.click("button[type=submit]")
        tab.page.wait_for_url(site.base + "/")
        first = _loaded(tab)
        assert first["nodes"] > 10 and first["edges"] > 10
        assert tab.page.locator("#graph canvas").count() > 0
        tab.shot("explore")
        tab.page.uncheck("input[name=layer][value=support]")
        tab.page.uncheck("input[name=layer][value=alignment]")
        hostile = _loaded(tab, first["loaded"])
        assert 0 < hostile["edges"] < first["edges"]
        assert "layer=hostility" in tab.page.url
        tab.page.uncheck("#all-time")
        tab.page.fill("#as-of", "2005")
        tab.page.dispatch_event("#as-of", "change")
        sliced = _loaded(tab, hostile["loaded"])
        assert "as of 2005" in tab.page.inner_text("#summary")
        assert sliced["edges"] <= hostile["edges"]
        tab.shot("explore-filtered")
        assert tab.errors == []


def _edge_points(tab: Tab) -> list[dict[str, float]]:
    """Points along the drawn support edges (Iran → Hamas first), in page pixels."""
    points: list[dict[str, float]] = tab.page.evaluate("""() => {
        const s = window.__patronSigma, g = s.getGraph();
        const box = document.getElementById('graph').getBoundingClientRect();
        const edges = [...g.edges('iran', 'hamas'), ...g.edges()].slice(0, 12);
        const out = [];
        for (const edge of edges) {
            const a = g.getNodeAttributes(g.source(edge)), b = g.getNodeAttributes(g.target(edge));
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
                const p = s.graphToViewport({x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)});
                out.push({x: box.left + p.x, y: box.top + p.y});
            }
        }
        return out;
    }""")
    return points


def test_click_an_edge_to_see_its_claims(tab: Tab) -> None:
    tab.go("/?layer=support")
    _loaded(tab)
    tab.page.wait_for_timeout(300)  # the first frames: sigma picks from what it has drawn
    for point in _edge_points(tab):
        tab.page.mouse.move(point["x"], point["y"])
        tab.page.wait_for_timeout(60)
        if tab.page.locator("#graph.pointing").count():  # an edge, not a node, is under it
            tab.page.mouse.click(point["x"], point["y"])
            break
    else:
        raise AssertionError("no point of a drawn edge could be pointed at")
    tab.page.wait_for_selector("#evidence h2")
    heading = tab.page.inner_text("#evidence h2")
    assert "→" in heading and "support" in heading
    assert tab.page.locator("#evidence li.claim").count() > 0
    tab.shot("edge-evidence")


def test_claim_browser_filters(tab: Tab) -> None:
    tab.go("/claims")
    total = int(tab.page.get_attribute("#claim-count", "data-total") or 0)
    tab.page.fill("input[name=actor]", "Hamas")
    tab.page.select_option("select[name=type]", "funding")
    tab.page.wait_for_function(f"() => document.getElementById('claim-count').dataset.total"
                               f" != '{total}'")  # fmt: skip
    narrowed = int(tab.page.get_attribute("#claim-count", "data-total") or 0)
    assert 0 < narrowed < total
    assert re.search(r"actor=Hamas", tab.page.url) and "type=funding" in tab.page.url
    tab.shot("claims-filtered")


def test_claim_page_highlights_the_quote(tab: Tab) -> None:
    tab.go(f"/claims/{tab.site.claims['xss']}")
    mark = tab.page.locator("#doc-text mark#quote")
    assert mark.count() == 1
    assert mark.inner_text().startswith("Iran arms the Evil Front <script>")
    tab.shot("claim-quote")
    assert tab.pwned() is None


def test_review_accept_with_a_comment(tab: Tab) -> None:
    claim = tab.site.claims["wire"]
    tab.go("/review")
    card = tab.page.locator(f"#card-{claim}")
    card.locator("form.decide textarea[name=comment]").fill("checked against the wire copy")
    card.locator("button.accept").click()
    done = tab.page.locator(f"#card-{claim} .done")
    done.wait_for()
    assert "accepted by the-analyst" in done.inner_text()
    trail = tab.page.inner_text(f"#card-{claim} ol.trail")
    assert "checked against the wire copy" in trail and "accepted" in trail
    tab.shot("review-accepted")
    tab.go("/review")
    assert tab.page.locator(f"#card-{claim}").count() == 0  # out of the queue


def test_run_a_simulation(tab: Tab) -> None:
    tab.go("/simulate")
    tab.page.fill("input[name=trigger]", "Israel attacks Hamas")
    tab.page.fill("input[name=date]", "2023-10-07")
    tab.page.fill("input[name=runs]", "300")
    tab.page.click("#sim-form button[type=submit]")
    tab.page.wait_for_selector("#sim-done", timeout=60_000)
    text = tab.page.inner_text("#sim-done")
    assert "Who joins" in text and "Cascades" in text and "300 runs" in text
    assert tab.page.locator("#sim-done meter").count() > 0
    tab.shot("simulation")


def test_upload_a_document(tab: Tab) -> None:
    tab.go("/upload")
    tab.page.set_input_files("#files", files=[{
        "name": "brief.txt", "mimeType": "text/plain",
        "buffer": b"Qatar hosts the Hamas political office in Doha, officials said in 2022.\n"}])
    assert "brief.txt" in tab.page.inner_text("#picked")
    tab.page.click("#upload-form button[type=submit]")
    tab.page.wait_for_selector("#jobs .job[data-state=done], #jobs .job[data-state=failed]",
                               timeout=60_000)  # fmt: skip
    job = tab.page.locator("#jobs .job").first
    assert job.get_attribute("data-state") == "done", job.inner_text()
    assert "new claims" in job.inner_text()
    tab.shot("upload-done")


def test_actor_timeline_renders(tab: Tab) -> None:
    tab.go("/actors/hamas")
    tab.page.wait_for_selector("#timeline[data-items]")
    assert int(tab.page.get_attribute("#timeline", "data-items") or 0) > 0
    assert tab.page.locator("#timeline .vis-item").count() > 0
    tab.shot("actor")


def test_script_payloads_never_run(tab: Tab) -> None:
    """Payloads sit in a document's text, title and publisher, a claim's quote, and an
    actor's name and alias; every page that shows them is visited, htmx partials and
    the canvas and timeline included."""
    claim = tab.site.claims["xss"]
    for path in ("/", "/actors/evil-front", "/claims?actor=evil-front", f"/claims/{claim}",
                 "/review", "/claims?unreviewed=only"):
        tab.go(path)
        tab.page.wait_for_load_state("networkidle")
        assert tab.pwned() is None, path
    tab.go("/actors/evil-front")
    tab.page.wait_for_selector("#timeline[data-items]")
    assert EVIL_NAME in tab.page.inner_text("h1")  # shown, as text
    tab.go("/")
    _loaded(tab)
    tab.page.evaluate("() => htmx.ajax('GET', '/explore/edge?source=iran&target=evil-front"
                      "&layer=support', {target: '#evidence', swap: 'innerHTML'})")
    tab.page.wait_for_selector("#evidence blockquote.quote")
    assert "<script>" in tab.page.inner_text("#evidence blockquote.quote")
    tab.page.wait_for_timeout(300)
    tab.shot("xss-inert")
    assert tab.pwned() is None
    assert tab.dialogs == []
    assert tab.errors == []


def test_the_openapi_pages_render_from_the_vendored_swagger_ui(tab: Tab) -> None:
    tab.go("/api/docs")
    tab.page.wait_for_selector(".swagger-ui .info .title")
    assert "Patron" in tab.page.inner_text(".swagger-ui .info .title")
    assert tab.page.locator(".opblock-tag").count() >= 5  # actors, claims, reviews...
    tab.shot("api-docs")
    assert tab.errors == []

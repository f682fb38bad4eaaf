"""The claim browser (the CLI's filters) and the claim page's highlighted quote."""

from __future__ import annotations

from patron.model import Claim, Evidence
from patron.web.claims import locate, text_around
from tests.web.conftest import Pages


def test_browser_lists_claims_with_stance_grade_origin_score(pages: Pages) -> None:
    html = pages.get("/claims").text
    assert 'id="claim-filters"' in html
    for needle in ("asserted", "B2", "curated", "extracted, unreviewed", "0.81"):
        assert needle in html


def test_browser_filters_as_the_cli_does(pages: Pages) -> None:
    def total(query: str) -> int:
        html = pages.get("/claims?" + query, headers={"HX-Request": "true"}).text
        return int(html.split('data-total="')[1].split('"')[0])

    everything = total("")
    assert total("actor=Hamas&type=funding") == 3  # two curated, one extracted
    assert total("actor=Hamas&type=funding&unreviewed=exclude") == 2
    assert total("unreviewed=only") == 2
    assert total("stance=denied") < everything
    assert total("since=2021&until=2023") < everything
    assert total("actor=&type=&since=") == everything  # empty form fields: no filter


def test_browser_partial_has_no_page_around_it(pages: Pages) -> None:
    html = pages.get("/claims?actor=Hamas", headers={"HX-Request": "true"}).text
    assert "<html" not in html and "claims-table" in html


def test_bad_filters_name_the_field(pages: Pages) -> None:
    answer = pages.get("/claims?since=20x")
    assert answer.status_code == 400 and "since" in answer.text
    assert pages.get("/claims?actor=Nowhere%20Front").status_code == 404


def test_claim_page_highlights_the_quote_in_escaped_text(pages: Pages) -> None:
    answer = pages.get(f"/claims/{pages.claims['xss']}")
    assert answer.status_code == 200
    html = answer.text
    body = html.split('id="doc-text">')[1].split("</div>")[0]
    assert body.startswith("Preamble &lt;svg onload=")
    marked = body.split('<mark id="quote">')[1].split("</mark>")[0]
    assert marked.startswith("Iran arms the Evil Front &lt;script&gt;window.__pwned")
    assert "<script" not in body and "<img" not in body and "<svg" not in body
    assert 'href="javascript:' not in html


def test_claim_page_of_a_curated_claim_says_there_is_no_text(pages: Pages) -> None:
    curated = next(c for c in pages.kb.store.claims() if c.origin == "curated")
    html = pages.get(f"/claims/{curated.id}").text
    assert "keeps no text for this source" in html


def test_unknown_claim_is_a_404_page(pages: Pages) -> None:
    assert pages.get("/claims/clm-000000000000000000000000").status_code == 404


def _claim(quote: str | None, span: tuple[int, int] | None) -> Claim:
    return Claim(subject="iran", type="funding", object="hamas",
                 evidence=Evidence(document="d", quote=quote, span=span))  # fmt: skip


def test_locate_prefers_the_span_then_finds_the_quote() -> None:
    text = "one two three two"
    assert locate(text, _claim("two", (14, 17))) == (14, 17)
    assert locate(text, _claim("two", (0, 3))) == (4, 7)  # span and quote disagree
    assert locate(text, _claim("four", None)) is None


def test_text_around_cuts_long_documents_near_the_quote() -> None:
    text = "a" * 10_000 + "<quote>" + "b" * 10_000
    out = str(text_around(text, (10_000, 10_007)))
    assert out.startswith("…") and out.endswith("…")
    assert '<mark id="quote">&lt;quote&gt;</mark>' in out
    assert len(out) < 7_000


def test_analyst_reviews_from_the_claim_page(pages: Pages) -> None:
    html = pages.get(f"/claims/{pages.claims['xss']}", "analyst").text
    assert f'hx-post="/review/{pages.claims["xss"]}"' in html

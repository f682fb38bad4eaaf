"""The review queue: accept, reject, correct, comment, each with its audit trail."""

from __future__ import annotations

from patron.store import pages as store_pages
from patron.store import reviews
from tests.web.conftest import Pages


def test_queue_lists_machine_extracted_claims_with_actions(pages: Pages) -> None:
    html = pages.get("/review", "analyst").text
    assert 'data-total="2"' in html
    assert f'id="card-{pages.claims["wire"]}"' in html
    for action in ('value="accepted"', 'value="rejected"', "/comment", "/correct"):
        assert action in html


def test_viewer_cannot_review(pages: Pages) -> None:
    claim = pages.claims["wire"]
    assert pages.get("/review", "viewer").status_code == 403
    answer = pages.post(f"/review/{claim}", {"status": "accepted"}, "viewer")
    assert answer.status_code == 403
    assert reviews.history(pages.kb.store, claim) == []


def test_review_without_csrf_token_is_refused(pages: Pages) -> None:
    claim = pages.claims["wire"]
    answer = pages.post(f"/review/{claim}", {"status": "accepted"}, csrf=False)
    assert answer.status_code == 403 and "CSRF" in answer.text
    wrong = pages.post(f"/review/{claim}", {"status": "accepted"}, csrf=False,
                       headers={"X-CSRF-Token": "0" * 32})  # fmt: skip
    assert wrong.status_code == 403
    assert reviews.history(pages.kb.store, claim) == []


def test_accept_with_comment_leaves_the_queue_and_shows_the_trail(pages: Pages) -> None:
    claim = pages.claims["wire"]
    answer = pages.post(f"/review/{claim}", {"status": "accepted", "comment": "checked <b>it</b>"},
                        headers={"HX-Request": "true"})  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert "accepted by the-analyst" in answer.text
    assert "checked &lt;b&gt;it&lt;/b&gt;" in answer.text
    rows = reviews.history(pages.kb.store, claim)
    assert [(r.status, r.by, r.comment) for r in rows] == [
        ("accepted", "the-analyst", "checked <b>it</b>")]
    assert 'data-total="1"' in pages.get("/review", "analyst").text
    assert pages.service.accounts.entries(limit=1)[0].action == "review"


def test_comment_keeps_the_claim_in_the_queue(pages: Pages) -> None:
    claim = pages.claims["xss"]
    answer = pages.post(f"/review/{claim}/comment", {"text": "source unclear"})
    assert answer.status_code == 200 and "source unclear" in answer.text
    assert 'data-total="2"' in pages.get("/review", "analyst").text
    assert pages.post(f"/review/{claim}/comment", {"text": "  "}).status_code == 400


def test_correction_stores_a_new_claim_and_rejects_the_old(pages: Pages) -> None:
    claim = pages.claims["wire"]
    answer = pages.post(f"/review/{claim}/correct", {"type": "humanitarian", "object": "Hamas",
                                                     "comment": "aid, not funding"})
    assert answer.status_code == 200, answer.text
    assert f"replaces {claim}" in answer.text
    old = store_pages.claim(pages.kb.store, claim)
    assert old is not None and old.review == "rejected"
    fixed = reviews.history(pages.kb.store, claim)[-1].corrected
    assert fixed is not None
    new = store_pages.claim(pages.kb.store, fixed)
    assert new is not None and new.type == "humanitarian" and new.review == "accepted"


def test_correction_with_nothing_or_unknown_actor_is_refused(pages: Pages) -> None:
    claim = pages.claims["wire"]
    assert pages.post(f"/review/{claim}/correct", {}).status_code == 400
    answer = pages.post(f"/review/{claim}/correct", {"subject": "Nowhere Front"})
    assert answer.status_code == 400 and "subject" in answer.text


def test_claim_page_shows_the_trail_to_viewers(pages: Pages) -> None:
    claim = pages.claims["wire"]
    pages.post(f"/review/{claim}", {"status": "rejected", "comment": "misread"})
    html = pages.get(f"/claims/{claim}", "viewer").text
    assert "misread" in html and "rejected" in html
    assert 'hx-post="/review/' not in html  # viewers see the trail, not the actions

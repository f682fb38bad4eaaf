"""Reviews: rows that give a claim its state, never a change to the claim's row."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from patron.errors import InputError
from patron.kb import KnowledgeBase
from patron.model import Claim, Document, Evidence
from patron.store import ClaimFilter, pages, reviews
from patron.store.schema import audit, claims


def _machine_claim(kb: KnowledgeBase) -> Claim:
    doc = Document(id="machine-read", title="Machine read", url="https://example.org/machine",
                   text="Iran armed Hamas.")
    claim = Claim(subject="iran", type="arms", object="hamas", stance="asserted", grade="C3",
                  evidence=Evidence(document=doc.id, quote="Iran armed Hamas.", span=(0, 17),
                                    subject_span=(0, 4), object_span=(11, 16)),
                  origin="extract:model@test", score=0.8)  # fmt: skip
    kb.store.add([doc], [claim])
    return claim


def _row(kb: KnowledgeBase, claim_id: str) -> tuple[str, str, str]:
    with kb.store.engine.connect() as conn:
        r = conn.execute(select(claims.c.review, claims.c.stance, claims.c.grade)
                         .where(claims.c.id == claim_id)).one()  # fmt: skip
    return (r[0], r[1], r[2])


def test_accepting_changes_what_reads_see_but_not_the_row(kb: KnowledgeBase) -> None:
    claim = _machine_claim(kb)
    assert claim.id in {c.id for c in reviews.queue(kb.store)[0]}
    made = reviews.review(kb.store, claim.id, "accepted", by="ana", comment="checked",
                          grade="b2")  # fmt: skip
    assert made is not None and (made.status, made.stance, made.grade) == ("accepted",
                                                                             "asserted", "B2")
    now = pages.claim(kb.store, claim.id)
    assert now is not None and (now.review, now.grade) == ("accepted", "B2")
    assert _row(kb, claim.id) == ("proposed", "asserted", "C3")  # the row as it was stored
    assert claim.id not in {c.id for c in reviews.queue(kb.store)[0]}
    assert claim.id in {c.id for c in kb.store.claims(ClaimFilter(min_grade="B2"))}
    assert claim.id in {c.id for c in kb.store.claims(ClaimFilter(unreviewed="exclude"))}


def test_the_latest_review_gives_the_state_and_comments_repeat_it(kb: KnowledgeBase) -> None:
    claim = _machine_claim(kb)
    reviews.review(kb.store, claim.id, "rejected", by="ana", stance="alleged")
    note = reviews.add_comment(kb.store, claim.id, "the source is a rumour mill", by="bo")
    assert note is not None and (note.status, note.stance) == ("rejected", "alleged")
    reviews.review(kb.store, claim.id, "proposed", by="cy")  # reopened: the stance stays
    trail = reviews.history(kb.store, claim.id)
    assert [(r.status, r.stance, r.by) for r in trail] == [
        ("rejected", "alleged", "ana"), ("rejected", "alleged", "bo"),
        ("proposed", "alleged", "cy")]  # fmt: skip
    now = pages.claim(kb.store, claim.id)
    assert now is not None and (now.review, now.stance) == ("proposed", "alleged")
    asserted = ClaimFilter(stances=("asserted",), actors=("iran",), types=("arms",))
    every = kb.store.claims(ClaimFilter(actors=("iran",), types=("arms",)))
    assert claim.id not in {c.id for c in kb.store.claims(asserted)}
    assert kb.store.count(asserted) == sum(1 for c in every if c.stance == "asserted")


def test_a_correction_of_what_the_claim_says_stores_a_new_claim(kb: KnowledgeBase) -> None:
    claim = _machine_claim(kb)
    done = reviews.correct(kb.store, claim.id, {"type": "funding", "time_start": "2021"},
                           by="ana", comment="it was money")  # fmt: skip
    assert done is not None and done.claim is not None
    fixed = done.claim
    assert (fixed.type, fixed.time.start, fixed.origin, fixed.review, fixed.score) == (
        "funding", "2021", "review:ana", "accepted", None)
    assert fixed.evidence.quote == claim.evidence.quote
    assert (done.review.status, done.review.corrected) == ("rejected", fixed.id)
    old = pages.claim(kb.store, claim.id)
    assert old is not None and old.review == "rejected"
    stored = pages.claim(kb.store, fixed.id)
    assert stored is not None and stored.type == "funding"
    assert [r.status for r in reviews.history(kb.store, fixed.id)] == ["accepted"]
    with kb.store.engine.connect() as conn:
        actions = [r.action for r in conn.execute(select(audit.c.action).order_by(audit.c.id))]
    assert actions[-2:] == ["correct", "review"]


def test_a_new_side_drops_the_old_mention_span(kb: KnowledgeBase) -> None:
    claim = _machine_claim(kb)
    done = reviews.correct(kb.store, claim.id, {"subject": "qatar"}, by="ana")
    assert done is not None and done.claim is not None
    assert done.claim.evidence.subject_span is None
    assert done.claim.evidence.object_span == claim.evidence.object_span


def test_a_correction_of_stance_alone_is_a_review_row(kb: KnowledgeBase) -> None:
    claim = _machine_claim(kb)
    before = kb.store.count()
    done = reviews.correct(kb.store, claim.id, {"stance": "alleged", "type": "arms"}, by="ana")
    assert done is not None and done.claim is None
    assert (done.review.status, done.review.stance) == ("accepted", "alleged")
    assert kb.store.count() == before


@pytest.mark.parametrize(("changes", "field"), [
    ({"subject": "nobody-at-all"}, "subject"),
    ({"type": "fundin"}, "type"),
    ({"stance": "sure"}, "stance"),
    ({"grade": "Z9"}, "grade"),
    ({"grade": "B"}, "grade"),
    ({"time_start": "2021-13"}, "time"),
    ({"colour": "red"}, "colour"),
    ({"object": "iran"}, "object"),  # subject and object the same actor
])  # fmt: skip
def test_a_bad_correction_names_its_field_and_writes_nothing(
    kb: KnowledgeBase, changes: dict[str, str], field: str
) -> None:
    claim = _machine_claim(kb)
    before = kb.store.count()
    with pytest.raises(InputError) as err:
        reviews.correct(kb.store, claim.id, changes, by="ana")
    assert (err.value.field or "").startswith(field), err.value
    assert kb.store.count() == before
    assert reviews.history(kb.store, claim.id) == []


def test_unknown_claims_and_bad_values(kb: KnowledgeBase) -> None:
    assert reviews.review(kb.store, "clm-none", "accepted", by="ana") is None
    assert reviews.add_comment(kb.store, "clm-none", "x", by="ana") is None
    assert reviews.correct(kb.store, "clm-none", {"grade": "B2"}, by="ana") is None
    claim = _machine_claim(kb)
    with pytest.raises(InputError, match="unknown review status"):
        reviews.review(kb.store, claim.id, "maybe", by="ana")
    with pytest.raises(InputError):
        reviews.add_comment(kb.store, claim.id, "x" * 10_001, by="ana")


def test_wired_history_carries_rows_and_the_stored_state(kb: KnowledgeBase) -> None:
    claim = _machine_claim(kb)
    assert reviews.wired(kb.store, [claim.id]) == {}
    reviews.review(kb.store, claim.id, "accepted", by="ana", grade="B2")
    wired = reviews.wired(kb.store, [claim.id])[claim.id]
    assert wired["stored"] == {"review": "proposed", "stance": "asserted", "grade": "C3"}
    (row,) = wired["reviews"]
    assert {k: row[k] for k in ("status", "stance", "grade", "by")} == {
        "status": "accepted", "stance": "asserted", "grade": "B2", "by": "ana"}
    assert "comment" not in row and "corrected" not in row

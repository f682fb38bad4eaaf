from __future__ import annotations

from patron.graph.backing import backed_by, who_backs
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from patron.timespan import date_bounds


def test_patrons_are_ranked_with_organs_counting_for_their_state(kb: KnowledgeBase) -> None:
    backing = who_backs(kb.store, kb.resolve("Hamas"))
    order = [p.actor.id for p in backing.partners]
    assert order == ["iran", "irgc", "qatar"]


def test_denied_support_is_listed_but_not_counted(kb: KnowledgeBase) -> None:
    qatar = next(
        p for p in who_backs(kb.store, kb.resolve("Hamas")).partners if p.actor.id == "qatar"
    )
    assert "denied" in {c.stance for c in qatar.claims}
    assert qatar.types == ["safe_haven"]


def test_strain_window_shows_the_rupture_and_not_earlier_funding(kb: KnowledgeBase) -> None:
    flt = ClaimFilter(lo=date_bounds("2013")[0], hi=date_bounds("2016")[1])
    backing = who_backs(kb.store, kb.resolve("Hamas"), flt)
    iran = [p for p in backing.partners if p.actor.id == "iran"]
    assert not iran  # its funding claims end in 2011 and start again in 2020
    assert [(c.subject, c.type) for c in backing.changes] == [("iran", "rupture")]


def test_backed_by_lists_clients(kb: KnowledgeBase) -> None:
    clients = {p.actor.id for p in backed_by(kb.store, kb.resolve("Tehran")).partners}
    assert clients == {"hamas", "hezbollah"}


def test_every_row_carries_its_source_document(kb: KnowledgeBase) -> None:
    backing = who_backs(kb.store, kb.resolve("Hamas"))
    rows = sorted((c.subject, c.type, c.stance, c.evidence.document) for c in backing.claims())
    assert rows == [
        ("iran", "funding", "asserted", "test-report"),
        ("iran", "funding", "asserted", "test-report"),
        ("irgc", "arms", "reported", "test-news"),
        ("qatar", "arms", "denied", "test-news"),
        ("qatar", "safe_haven", "asserted", "test-report"),
    ]
    assert sorted(backing.documents) == ["test-news", "test-report"]
    assert backing.documents["test-news"].title == "A wire story written for the test suite"

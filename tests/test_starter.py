"""The shipped starter knowledge base answers the questions the README promises."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from patron.graph.backing import Backing, backed_by, by_source, who_backs
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from patron.timespan import date_bounds


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    url = f"sqlite:///{tmp_path_factory.mktemp('starter') / 'kb.db'}"
    kb = KnowledgeBase.open(url, create=True)
    kb.init()
    yield kb
    kb.close()


def _types(backing: Backing, actor_id: str) -> set[str]:
    return {t for p in backing.partners if p.actor.id == actor_id for t in p.types}


def _window(since: str, until: str) -> ClaimFilter:
    return ClaimFilter(lo=date_bounds(since)[0], hi=date_bounds(until)[1])


def test_starter_has_over_100_sourced_claims(starter: KnowledgeBase) -> None:
    claims = starter.store.claims()
    assert len(claims) >= 100
    docs = starter.store.documents(c.evidence.document for c in claims)
    for c in claims:
        doc = docs[c.evidence.document]
        assert doc.publisher and doc.title and doc.published and doc.url, c.id
        assert doc.url.startswith("https://") or doc.url.startswith("http://"), doc.url
        assert c.statement and c.attribution.by, c.id
        assert c.time.start, c.id


def test_iran_funds_trains_and_arms_hamas_and_ranks_first(starter: KnowledgeBase) -> None:
    backing = who_backs(starter.store, starter.resolve("Hamas"))
    assert backing.partners[0].actor.id == "iran"
    assert {"funding", "training", "arms"} <= _types(backing, "iran")


def test_qatar_and_turkey_give_diplomatic_backing_and_safe_haven(starter: KnowledgeBase) -> None:
    backing = who_backs(starter.store, starter.resolve("Hamas"))
    assert {"safe_haven", "diplomatic"} <= _types(backing, "qatar")
    assert {"safe_haven", "diplomatic"} <= _types(backing, "turkey")


def test_the_100_million_estimate_carries_its_amount(starter: KnowledgeBase) -> None:
    funding = starter.store.claims(ClaimFilter(subjects=("iran",), objects=("hamas",),
                                               types=("funding",)))
    amounts = {(c.magnitude.amount, c.magnitude.currency, c.magnitude.per)
               for c in funding if c.magnitude}
    assert (1e8, "USD", "year") in amounts


def test_strain_years_show_rupture_and_no_iranian_money(starter: KnowledgeBase) -> None:
    backing = who_backs(starter.store, starter.resolve("Hamas"), _window("2013", "2016"))
    assert "funding" not in _types(backing, "iran")
    assert "training" not in _types(backing, "iran")
    assert any(c.type == "rupture" and {c.subject, c.object} == {"iran", "hamas"}
               for c in backing.changes)
    after = who_backs(starter.store, starter.resolve("Hamas"), _window("2017", "2023"))
    assert "funding" in _types(after, "iran")
    assert any(c.type == "resumption" for c in after.changes)


def test_october_2023_role_of_iran_is_not_stated_as_fact(starter: KnowledgeBase) -> None:
    """The record holds both 'broadly complicit' and 'no direct evidence': the claims
    about planning the attack are hedged, never asserted."""
    claims = starter.store.claims(ClaimFilter(actors=("iran",), lo=date_bounds("2023-10")[0],
                                              hi=date_bounds("2024-03")[1]))
    stances = {c.stance for c in claims if c.object in ("hamas", "qassam-brigades")}
    assert stances & {"reported", "alleged", "disputed", "denied"}
    assert any(c.type == "denial" for c in claims)


def test_every_name_of_hamas_gives_the_same_patrons(starter: KnowledgeBase) -> None:
    answers = [[p.actor.id for p in who_backs(starter.store, starter.resolve(n)).partners]
               for n in ("Hamas", "Harakat al-Muqawamah al-Islamiyyah", "حماس")]
    assert answers[0] == answers[1] == answers[2]


def _ucdp(starter: KnowledgeBase, document: str) -> bool:
    doc = starter.store.documents([document]).get(document)
    return doc is not None and doc.publisher == "UCDP" and doc.kind == "dataset"


def test_who_backs_hamas_until_2009_shows_ucdp_years(starter: KnowledgeBase) -> None:
    backing = who_backs(starter.store, starter.resolve("Hamas"), _window("1975", "2009"))
    dataset = [c for p in backing.partners for c in p.claims if _ucdp(starter, c.evidence.document)]
    assert dataset, "no UCDP ESD claim on Hamas's patrons up to 2009"
    assert all(c.origin == "import:ucdp-esd" and c.time.start == c.time.end for c in dataset)
    years = {c.time.start for c in dataset}
    assert {"2008", "2009"} <= years and all(y and "1975" <= y <= "2009" for y in years)
    # ESD codes Iran, Qatar and Syria's government as Hamas's state supporters in 2008
    assert {"iran", "qatar", "assad-government"} <= {
        c.subject for c in dataset if c.time.start == "2008"}


def test_dataset_and_curated_sources_of_a_tie_are_both_kept(starter: KnowledgeBase) -> None:
    backing = who_backs(starter.store, starter.resolve("Hamas"))
    iran = next(p for p in backing.partners if p.actor.id == "iran")
    sources = by_source(iran.claims)
    dataset = [s for s in sources if _ucdp(starter, s.document)]
    curated = [s for s in sources if not _ucdp(starter, s.document)]
    assert dataset and curated
    assert all(s.span.start for s in sources)


def test_who_backs_israel_lists_the_united_states_first_with_sources(
    starter: KnowledgeBase,
) -> None:
    backing = who_backs(starter.store, starter.resolve("Israel"))
    first = backing.partners[0]
    assert first.actor.id == "united-states"
    assert {"funding", "arms"} <= set(first.types)
    assert first.sources >= 3
    assert len({p.actor.id for p in backing.partners}) >= 4


def test_backed_by_russia_lists_the_assad_government_from_2015_to_2024(
    starter: KnowledgeBase,
) -> None:
    backing = backed_by(starter.store, starter.resolve("Russia"), _window("2015", "2024"))
    assad = next((p for p in backing.partners if p.actor.id == "assad-government"), None)
    assert assad is not None
    assert {"troops", "arms"} <= set(assad.types)
    spans = [c.time.bounds() for c in assad.claims]
    assert min(lo for lo, _ in spans) <= date_bounds("2015-09-30")[0]
    # support ended with the government, in December 2024
    assert max(hi for _, hi in spans) == date_bounds("2024-12")[1]
    later = backed_by(starter.store, starter.resolve("Russia"), _window("2025-06", "2025"))
    assert "assad-government" not in {p.actor.id for p in later.partners}

from __future__ import annotations

import pytest

from patron.extract import pipeline
from patron.extract.pipeline import Extractor
from patron.model import Document
from tests.factory import REPO


def _claims(extractor: Extractor, text: str, **meta: str) -> list[tuple[str, str, str, str]]:
    doc = Document(id="doc-t", text=text, **meta)
    return [(c.subject, c.type, c.object, c.stance) for c in extractor.extract(doc).claims]


@pytest.mark.parametrize(("text", "claim"), [
    ("Iran funds Hamas.", ("iran", "funding", "hamas", "asserted")),
    ("Hamas receives funds from Iran.", ("iran", "funding", "hamas", "asserted")),
    ("Hamas is armed by Iran.", ("iran", "arms", "hamas", "asserted")),
    ("The Iran-backed Houthis fired missiles.", ("iran", "backing", "houthis", "asserted")),
    ("Qatar has hosted Hamas's political office in Doha since 2012.",
     ("qatar", "safe_haven", "hamas", "asserted")),
    ("Iran gives Hamas roughly $100 million a year.", ("iran", "funding", "hamas", "asserted")),
])
def test_direction_runs_from_patron_to_client(extractor: Extractor, text: str,
                                              claim: tuple[str, str, str, str]) -> None:
    assert claim in _claims(extractor, text)


@pytest.mark.parametrize(("text", "stance"), [
    ("Iran reportedly funds Hamas.", "reported"),
    ("According to a 2020 US State Department report, Iran funds Hamas.", "reported"),
    ("Israeli officials say Iran funds Hamas.", "reported"),
    ("Iran is believed to fund Hamas.", "reported"),
    ("Iran allegedly funds Hamas.", "alleged"),
    ("US officials accused Iran of funding Hamas.", "alleged"),
    ("Iran denies funding Hamas.", "denied"),
    ("Iran did not fund Hamas.", "denied"),
    ("There is no direct evidence that Iran funded Hamas.", "disputed"),
])
def test_hedged_claim_is_not_asserted(extractor: Extractor, text: str, stance: str) -> None:
    found = [c for c in _claims(extractor, text) if c[1] == "funding"]
    assert found and {c[3] for c in found} == {stance}


def test_question_yields_nothing(extractor: Extractor) -> None:
    assert _claims(extractor, "Did Qatar fund Hamas?") == []


@pytest.mark.parametrize("text", [
    "Iran could arm Hamas if the war widens.",
    "Russia plans to send advisers to the Houthis next year.",
    "Iran threatened to arm Palestinian factions if Israel annexed land.",
])
def test_plans_and_conditions_are_not_support(extractor: Extractor, text: str) -> None:
    assert not [c for c in _claims(extractor, text) if c[1] in ("arms", "training", "backing")]


def test_denial_is_a_claim_of_its_own(extractor: Extractor) -> None:
    found = _claims(extractor, "Iran denies arming the Houthis.")
    assert ("iran", "arms", "houthis", "denied") in found
    assert ("iran", "denial", "houthis", "asserted") in found


def test_time_money_route_and_evidence_are_kept(extractor: Extractor) -> None:
    text = ("Home | World | Iran\n"
            "Between 2007 and 2012, Iran smuggled weapons to Hamas through Sudan, Egypt and the "
            "Sinai into Gaza. Iran gives Hamas $100 million annually.")
    doc = Document(id="doc-t", text=text, published="2024-03")
    claims = Extractor.extract(extractor, doc).claims
    arms = next(c for c in claims if c.type == "arms")
    assert (arms.time.start, arms.time.end) == ("2007", "2012")
    assert arms.route == ("sudan", "egypt", "sinai", "gaza-strip")
    assert text[arms.evidence.subject_span[0]:arms.evidence.subject_span[1]] == "Iran"  # type: ignore[index]
    assert text[arms.evidence.span[0]:arms.evidence.span[1]] == arms.evidence.quote  # type: ignore[index]
    funding = next(c for c in claims if c.type == "funding")
    assert funding.magnitude is not None
    assert (funding.magnitude.amount, funding.magnitude.per) == (1e8, "year")
    assert funding.time.end == "2024-03"  # undated: holds at the latest by publication
    assert funding.origin.startswith("extract:")


def test_short_reference_resolves_to_the_group_named_before(extractor: Extractor) -> None:
    found = _claims(extractor, "Hamas was founded in 1987. Iran has armed the group since "
                               "the 1990s.")
    assert ("iran", "arms", "hamas", "asserted") in found


def test_unknown_brigade_becomes_a_candidate_actor(extractor: Extractor) -> None:
    doc = Document(id="doc-t", text="Iran funds the Martyrs Sword Brigades, officials said.")
    out = extractor.extract(doc)
    assert [a.id for a in out.actors] == ["new-martyrs-sword-brigades"]
    assert out.claims[0].object == "new-martyrs-sword-brigades"


def test_link_lists_and_headlines_yield_no_claims(extractor: Extractor) -> None:
    junk = ("Related: Iran funds Hamas, report says\n"
            "Iran | Hamas | Qatar | Turkey | Hezbollah\n"
            "Qatar hosts Hamas leaders in Doha amid talks\n"
            "- Iran arms Houthis\n"
            "Most read\n"
            "Turkey backs Hamas at summit\n")
    assert _claims(extractor, junk) == []


@pytest.mark.parametrize("text", [
    "Riyadh gave Yemen's Presidential Leadership Council $1.2 billion in economic support.",
    "Riyadh gave the Presidential Leadership Council $1.2 billion in economic support.",
])
def test_what_is_given_may_follow_a_possessed_or_definite_recipient(
    extractor: Extractor, text: str
) -> None:
    found = _claims(extractor, text)
    assert ("saudi-arabia", "funding", "presidential-leadership-council", "asserted") in found
    assert not [c for c in found if c[1] == "backing"]


def _long_text() -> str:
    folder = REPO / "examples" / "documents"
    paths = sorted([*folder.glob("*.txt"), *folder.glob("*.md")])
    return "\n\n".join(p.read_text(encoding="utf-8").strip() for p in paths) * 4


def test_a_long_text_read_in_blocks_gives_the_claims_of_the_whole_text(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = Document(id="doc-long", text=_long_text(), url="https://example.org/long")
    whole = extractor.extract(doc)
    assert len(whole.claims) > 50
    monkeypatch.setattr(pipeline, "BLOCK_CHARS", 3_000)
    blocks = list(extractor.extract_pieces(doc, [doc.text[i : i + 700]
                                                 for i in range(0, len(doc.text), 700)]))
    assert len(blocks) > 10
    assert [c for b in blocks for c in b.claims] == whole.claims  # same spans, same ids
    assert {a.id for b in blocks for a in b.actors} == {a.id for a in whole.actors}
    assert extractor.extract(doc) == whole


def test_a_reference_takes_an_actor_named_in_an_earlier_block(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    filler = "Nothing here names anyone at all, and nothing is claimed.\n\n" * 40
    text = "Hamas governs Gaza.\n\n" + filler + "Iran sends weapons to the group."
    whole = _claims(extractor, text)
    assert ("iran", "arms", "hamas", "asserted") in whole
    monkeypatch.setattr(pipeline, "BLOCK_CHARS", 500)
    assert _claims(extractor, text) == whole

"""The error classes seen on a long third-party explainer (issue 9), reworded.

None of these sentences is in the training data, and no rule was written for
any of them: the shipped relation and stance heads (with the general modal,
negation and question readings they share with the rules) must get them right.
Each class is checked on two wordings. One wording still fails and is marked as a
known failure (strict: a fix makes the suite say so).
"""

from __future__ import annotations

import pytest

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract.pipeline import Extractor
from patron.model import Claim, Document
from patron.vocab import VOCAB

FACTUAL = {"asserted", "reported"}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    ex = Extractor(load_dir(settings.get().data_dir / "actors"))
    assert ex.model is not None, "the shipped relation head is missing (run patron train)"
    return ex


def _claims(extractor: Extractor, text: str) -> list[Claim]:
    return extractor.extract(Document(id="t", text=text)).claims


def _triples(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.subject, c.type, c.object) for c in claims}


@pytest.mark.parametrize("text", [
    "The absence of hard proof that Tehran helped plan the Hamas assault does not mean "
    "its long patronage of the group counts for nothing.",
    "That no one has shown direct evidence of Iran's hand in planning the Hamas raid does "
    "not cancel the years in which it paid for the movement's arsenal.",
])
def test_missing_evidence_of_a_role_is_not_an_attack(extractor: Extractor, text: str) -> None:
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.subject == "iran" and c.object == "hamas"
                and c.type == "attack" and c.stance in FACTUAL], claims


@pytest.mark.parametrize("text", [
    "Analysts judge the chance of Iran striking Israel directly to be small.",
    "A direct Iranian attack on Israel is seen as unlikely in the coming months.",
])
def test_a_judged_unlikely_attack_is_not_stored(extractor: Extractor, text: str) -> None:
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.type == "attack" and c.stance in FACTUAL], claims


@pytest.mark.parametrize("text", [
    "Militias with links to Iran fired rockets at bases in Iraq and Syria that host "
    "American troops.",
    "Armed groups close to Tehran have shelled installations in Syria and Iraq where US "
    "soldiers are based.",
])
def test_a_sponsor_does_not_attack_the_host_of_a_base(extractor: Extractor, text: str) -> None:
    triples = _triples(_claims(extractor, text))
    assert not {("iran", "attack", "iraq"), ("iran", "attack", "syria")} & triples, triples


KNOWN = pytest.mark.xfail(strict=True, reason="known failure of the shipped head (issue 9 "
                          "stays open); strict, so a fix shows")


@pytest.mark.parametrize("text", [
    pytest.param("In 2008, Qatar was, together with Turkey, the only government to back Hamas "
                 "openly.", marks=KNOWN),
    "Back in 2010, Turkey and Qatar were alone among governments in openly supporting Hamas.",
])
def test_both_members_of_a_list_back_the_client(extractor: Extractor, text: str) -> None:
    pairs = {(c.subject, c.object) for c in _claims(extractor, text)
             if c.type in SUPPORT}
    assert {("qatar", "hamas"), ("turkey", "hamas")} <= pairs, pairs


@pytest.mark.parametrize("text", [
    "With Iran weakened, Doha and Ankara will probably present themselves as the main "
    "patrons of Hamas.",
    # Right since expectations ("are expected to") joined the modal words that put a
    # relation under a plan, for the classifier's relations as for the rules'.
    "Now that Tehran is on the back foot, Qatar and Turkey are expected to step "
    "forward as Hamas's chief sponsors.",
])
def test_predicted_backers_are_neither_facts_nor_clients_of_iran(
    extractor: Extractor, text: str
) -> None:
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.subject == "iran" and c.object in ("qatar", "turkey")]
    assert not [c for c in claims if c.object == "hamas" and c.type in SUPPORT
                and c.stance in FACTUAL], claims


@pytest.mark.parametrize("text", [
    "Iranian rockets were smuggled to Hamas in Gaza by way of Sudan, Egypt and the Sinai "
    "Peninsula.",
    "Weapons from Iran reached Hamas after passing through Sudan, Egypt and the Sinai.",
])
def test_countries_on_a_smuggling_route_are_not_clients(extractor: Extractor, text: str) -> None:
    claims = _claims(extractor, text)
    assert not [c for c in claims if c.type in SUPPORT and c.object in ("sudan", "egypt")
                and c.subject == "iran"], claims
    assert [c for c in claims if (c.subject, c.object) == ("iran", "hamas")
            and c.type in SUPPORT], claims


@pytest.mark.parametrize("text", [
    "Syria long served as a vital land bridge for Iranian arms shipments to Hezbollah.",
    "For years Syrian territory was the overland corridor through which Iran moved weapons "
    "to Hezbollah.",
])
def test_a_land_bridge_names_the_patron_and_the_client(extractor: Extractor, text: str) -> None:
    claims = _claims(extractor, text)
    assert [c for c in claims if (c.subject, c.object) == ("iran", "hezbollah")
            and c.type in SUPPORT], claims


@KNOWN
@pytest.mark.parametrize("text", [
    "Washington considers Iran 'broadly complicit' in the attacks carried out by Hamas, "
    "though it says it has no 'direct evidence' of an Iranian role.",
    "US officials believe Tehran is deeply complicit in Hamas's operations but concede they "
    "lack direct proof.",
])
def test_complicity_without_evidence_is_a_hedged_claim_about_iran(
    extractor: Extractor, text: str
) -> None:
    claims = _claims(extractor, text)
    about_iran = [c for c in claims if (c.subject, c.object) == ("iran", "hamas")]
    assert about_iran, claims
    assert all(c.stance not in ("asserted",) for c in about_iran), about_iran
    assert not [c for c in claims if c.subject == "hamas" and c.type == "attack"
                and c.attribution.by and "Washington" in c.attribution.by]


@pytest.mark.parametrize("text", [
    "Tehran's Money Trail\nIran has funded Hamas for decades.",
    "## How Iran Arms Its Allies\n\nIran has sent rockets to Hamas since the 2000s.",
])
def test_a_heading_is_not_quoted_as_evidence(extractor: Extractor, text: str) -> None:
    claims = _claims(extractor, text)
    assert claims
    for c in claims:
        assert "Trail" not in c.evidence.quote and "Allies" not in c.evidence.quote, c


SUPPORT = frozenset(t for t, ct in VOCAB.claim_types.items() if ct.family == "support")

"""The records: what a claim, its evidence, an actor and a document accept and refuse,
and the content-addressed claim id."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from patron.model import (
    Actor,
    Attribution,
    Document,
    Evidence,
    Magnitude,
    TimeSpan,
    claim_id,
    document_id,
)
from tests.factory import claim


def test_a_claim_gets_the_id_its_content_hashes_to() -> None:
    made = claim()
    assert made.id.startswith("clm-") and len(made.id) == 4 + 24
    assert made.id == claim_id(made.evidence, "iran", "funding", "hamas", made.time)
    assert claim().id == made.id  # the same content, the same id


def test_a_curated_claim_about_two_periods_is_two_claims() -> None:
    assert claim(start="2010", end="2010").id != claim(start="2020", end="2020").id


def test_an_extracted_claim_is_keyed_by_its_span() -> None:
    at = claim(evidence=Evidence(document="doc-a", span=(0, 40)))
    later = claim(evidence=Evidence(document="doc-a", span=(41, 90)))
    assert at.id != later.id


def test_an_id_that_does_not_match_the_content_is_refused() -> None:
    with pytest.raises(ValidationError, match="does not match the claim's content"):
        claim(id="clm-000000000000000000000000")


def test_a_claim_about_an_actor_and_itself_is_refused() -> None:
    with pytest.raises(ValidationError, match="subject and object are the same actor: iran"):
        claim("iran", "funding", "iran")


def test_an_unknown_claim_type_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown claim type 'bribery'"):
        claim(type_="bribery")


@pytest.mark.parametrize("stance", ["asserted", "reported", "alleged", "disputed", "denied"])
def test_each_vocabulary_stance_is_accepted(stance: str) -> None:
    assert claim(stance=stance).stance == stance


@pytest.mark.parametrize("stance", ["rumoured", "Asserted", ""])
def test_a_stance_outside_the_vocabulary_is_refused(stance: str) -> None:
    with pytest.raises(ValidationError, match="unknown stance"):
        claim(stance=stance)


def test_an_unknown_review_status_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown review status 'maybe'"):
        claim(review="maybe")


def test_a_grade_is_written_in_capitals() -> None:
    assert claim(grade="c3").grade == "C3"


def test_a_grade_needs_both_letter_and_digit() -> None:
    with pytest.raises(ValidationError, match="needs both letter and digit"):
        claim(grade="B")


def test_a_grade_outside_the_admiralty_scale_is_refused() -> None:
    with pytest.raises(ValidationError, match="not an Admiralty grade"):
        claim(grade="G7")


@pytest.mark.parametrize("score", [-0.1, 1.01])
def test_a_classifier_score_is_a_probability(score: float) -> None:
    with pytest.raises(ValidationError, match="score"):
        claim(score=score)


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        claim(confidence=0.9)


def test_a_claim_is_immutable() -> None:
    made = claim()
    with pytest.raises(ValidationError):
        made.stance = "denied"  # type: ignore[misc]


def test_a_claim_dated_with_an_impossible_month_is_refused() -> None:
    with pytest.raises(ValidationError, match="month out of range"):
        claim(start="2020-13", end=None)


def test_a_claim_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="end 2012 is before start 2016"):
        claim(start="2016", end="2012")


def test_a_claim_keeps_the_precision_of_its_dates() -> None:
    assert claim(start="2017", end=None).time == TimeSpan(start="2017", precision="year")


def test_a_span_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError):
        Evidence(document="doc-a", span=(40, 10))


def test_a_span_with_a_negative_offset_is_refused() -> None:
    with pytest.raises(ValidationError):
        Evidence(document="doc-a", span=(-5, 10))


def test_a_claim_family_comes_from_the_vocabulary() -> None:
    assert (claim(type_="arms").family, claim(type_="attack").family) == ("support", "hostility")


@pytest.mark.parametrize(("origin", "review", "said"), [
    ("curated", "proposed", "curated"),
    ("import:ucdp-esd", "proposed", "imported"),
    ("extract:rules@0.1", "proposed", "extracted, unreviewed"),
    ("extract:rules@0.1", "accepted", "extracted, accepted"),
    ("extract:rules@0.1", "rejected", "extracted, rejected"),
])
def test_provenance_names_where_the_claim_came_from(origin: str, review: str, said: str) -> None:
    assert claim(origin=origin, review=review).provenance == said
    assert claim(origin=origin, review=review).unreviewed is (said == "extracted, unreviewed")


def test_an_attribution_date_must_be_a_real_day() -> None:
    with pytest.raises(ValidationError, match="day out of range"):
        Attribution(by="A test ministry", date="2023-02-30")


@pytest.mark.parametrize(("amount", "currency", "per", "label"), [
    (100_000_000, "USD", "year", "USD 100M/year"),
    (2_500, "EUR", None, "EUR 2.5k"),
    (1_200_000_000, "USD", "once", "USD 1.2bn"),
    (750, "GBP", "month", "GBP 750/month"),
])
def test_a_magnitude_label(amount: float, currency: str, per: str | None, label: str) -> None:
    assert Magnitude(amount=amount, currency=currency, per=per).label() == label


@pytest.mark.parametrize(("fields", "field"), [
    ({"amount": -1, "currency": "USD"}, "amount"),
    ({"amount": 1, "currency": "usd"}, "currency"),
    ({"amount": 1, "currency": "USD", "per": "decade"}, "per"),
])
def test_a_bad_magnitude_is_refused(fields: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        Magnitude(**fields)
    assert [e["loc"] for e in info.value.errors()] == [(field,)]


def test_an_actor_id_is_a_lowercase_slug() -> None:
    with pytest.raises(ValidationError, match="lowercase slug"):
        Actor(id="Hamas", name="Hamas", kind="armed_group")


def test_an_actor_kind_comes_from_the_vocabulary() -> None:
    with pytest.raises(ValidationError, match="unknown actor kind 'militia'"):
        Actor(id="a-group", name="A Group", kind="militia")


def test_a_wikidata_id_is_a_qid() -> None:
    with pytest.raises(ValidationError, match="not a Wikidata QID"):
        Actor(id="iran", name="Iran", kind="state", wikidata="794")


def test_an_actor_answers_to_every_form_of_its_name() -> None:
    actor = Actor(id="iran", name="Iran", kind="state", aliases=("Islamic Republic",),
                  acronyms=("IRI",), demonyms=("Iranian",), metonyms=("Tehran",),
                  wikidata="Q794")
    assert actor.names() == [("id", "iran"), ("name", "Iran"), ("alias", "Islamic Republic"),
                             ("acronym", "IRI"), ("demonym", "Iranian"),
                             ("metonym", "Tehran"), ("wikidata", "Q794")]


def test_a_document_is_keyed_by_its_text_before_its_url() -> None:
    assert document_id("https://example.org/a", "Same words.") == document_id(None, "Same words.")
    assert document_id("https://example.org/a", None) != document_id("https://example.org/b", None)
    assert document_id(None, "Same words.").startswith("doc-")
    assert len(document_id(None, "Same words.")) == 4 + 20


def test_a_document_keeps_a_year_given_as_a_number() -> None:
    assert Document(id="d", published=2019).published == "2019"


def test_a_document_date_must_be_a_date() -> None:
    with pytest.raises(ValidationError, match="month out of range"):
        Document(id="d", published="2019-00")


def test_a_document_brief_and_citation() -> None:
    doc = Document(id="d", publisher="Test Wire", title="A wire story", published="2016-04")
    assert doc.brief() == "Test Wire (2016-04)"
    assert doc.citation() == 'Test Wire, "A wire story", 2016-04'
    assert Document(id="doc-bare").citation() == "doc-bare"


def test_a_short_citation_cuts_a_long_title() -> None:
    doc = Document(id="d", publisher="Test Wire", title="word " * 20)
    cut = "word word word word word word word word word wo…"
    assert doc.citation(short=True) == f'Test Wire, "{cut}"'

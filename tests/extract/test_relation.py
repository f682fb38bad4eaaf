"""The relation rules on short sentences: who does what to whom, and what they leave out.

The sentences are written for these tests; the actors are a small gazetteer of their own,
so the rules are tested apart from the shipped one.
"""

from __future__ import annotations

import pytest

from patron.extract.hedge import stance_of
from patron.extract.mentions import Gazetteer
from patron.extract.pipeline import Extractor
from patron.extract.relation import relations
from patron.model import Actor, Document

ACTORS = [
    Actor(id="iran", name="Iran", kind="state", demonyms=("Iranian",), metonyms=("Tehran",)),
    Actor(id="hamas", name="Hamas", kind="armed_group"),
    Actor(id="hezbollah", name="Hezbollah", kind="armed_group"),
    Actor(id="houthis", name="Houthis", kind="armed_group", aliases=("the Houthis",)),
    Actor(id="qatar", name="Qatar", kind="state", metonyms=("Doha",)),
    Actor(id="turkey", name="Turkey", kind="state"),
    Actor(id="russia", name="Russia", kind="state", demonyms=("Russian",)),
    Actor(id="syria", name="Syria", kind="state", demonyms=("Syrian",)),
    Actor(id="israel", name="Israel", kind="state", demonyms=("Israeli",)),
    Actor(id="wagner", name="Wagner Group", kind="armed_group", aliases=("Wagner",)),
    Actor(id="sudan", name="Sudan", kind="place"),
    Actor(id="gaza", name="Gaza", kind="place"),
]
GAZETTEER = Gazetteer(ACTORS)

Triple = tuple[str, str, str]


def _found(text: str) -> list[Triple]:
    return sorted((r.subject.actor, r.type, r.object.actor)
                  for r in relations(text, GAZETTEER.find(text)))


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(ACTORS, model=None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran gave rockets to Hamas.", ("iran", "arms", "hamas")),
    ("Iran sent money to Hezbollah.", ("iran", "funding", "hezbollah")),
    ("Iran paid Hamas fighters.", ("iran", "funding", "hamas")),
    ("Iran attacked Israel.", ("iran", "attack", "israel")),
])
def test_a_giving_verb_runs_from_giver_to_recipient(text: str, expected: Triple) -> None:
    assert _found(text) == [expected]


def test_a_general_verb_takes_its_types_from_what_is_given() -> None:
    assert _found("Iran provides Hezbollah with weapons and training.") == [
        ("iran", "arms", "hezbollah"), ("iran", "training", "hezbollah")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hamas is armed by Iran.", ("iran", "arms", "hamas")),
    ("Hezbollah was trained by Iran.", ("iran", "training", "hezbollah")),
])
def test_a_passive_puts_the_agent_first(text: str, expected: Triple) -> None:
    assert _found(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran-backed Houthis seized a ship.", ("iran", "backing", "houthis")),
    ("Russia-backed Wagner fighters moved in.", ("russia", "backing", "wagner")),
])
def test_a_compound_backs_what_follows_it(text: str, expected: Triple) -> None:
    assert _found(text) == [expected]


def test_receiving_from_turns_round_to_the_giver() -> None:
    assert _found("Hamas received weapons from Iran.") == [("iran", "arms", "hamas")]


@pytest.mark.parametrize("text", [
    "Iran's support for Hezbollah grew.",
    "Iran, Hezbollah's main backer, stayed silent.",
    "Hezbollah, Iran's closest proxy, fired rockets.",
])
def test_possessives_name_the_patron(text: str) -> None:
    assert _found(text) == [("iran", "backing", "hezbollah")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iranian weapons reached Hamas.", ("iran", "arms", "hamas")),
    ("The Houthis fight with Iranian backing.", ("iran", "backing", "houthis")),
])
def test_a_demonym_before_support_is_the_patron(text: str, expected: Triple) -> None:
    assert _found(text) == [expected]


def test_lists_on_both_sides_give_one_relation_a_pair() -> None:
    assert _found("Qatar and Turkey host Hamas and Hezbollah leaders.") == [
        ("qatar", "safe_haven", "hamas"), ("qatar", "safe_haven", "hezbollah"),
        ("turkey", "safe_haven", "hamas"), ("turkey", "safe_haven", "hezbollah")]


@pytest.mark.parametrize("text", [
    "Iran could arm the Houthis.",
    "Iran plans to send drones to Hezbollah.",
    "If Iran were to give Hamas money, the talks would end.",
])
def test_a_modal_a_plan_or_a_condition_states_nothing(text: str) -> None:
    assert _found(text) == []


def test_a_demonym_naming_speakers_is_no_argument() -> None:
    assert _found("Israeli officials said Iran funds Hamas.") == [("iran", "funding", "hamas")]


def test_the_source_after_according_to_is_no_argument() -> None:
    assert _found("According to Syria, Iran funds Hamas.") == [("iran", "funding", "hamas")]


def test_a_land_bridge_is_transit_for_the_client() -> None:
    assert _found("Syria served as the land bridge for Iranian arms bound for Hezbollah.") == [
        ("iran", "arms", "hezbollah"), ("syria", "transit", "hezbollah")]


def test_a_place_on_the_way_is_no_argument() -> None:
    assert _found("Iran shipped arms through Sudan to Hamas.") == [("iran", "arms", "hamas")]


def test_ties_restored_run_from_the_state_to_the_group() -> None:
    assert _found("Iran and Hamas restored ties in 2017.") == [("iran", "resumption", "hamas")]
    assert _found("Hamas broke with Syria in 2012.") == [("syria", "rupture", "hamas")]


def test_an_office_opened_in_a_capital_is_a_safe_haven() -> None:
    assert _found("Hamas opened an office in Doha.") == [("qatar", "safe_haven", "hamas")]


def test_fighters_trained_in_a_state_were_trained_by_it() -> None:
    assert _found("Hamas fighters trained in Iran.") == [("iran", "training", "hamas")]


def test_a_mediator_deals_with_both_parties() -> None:
    assert _found("Qatar mediated between Israel and Hamas.") == [
        ("qatar", "mediation", "hamas"), ("qatar", "mediation", "israel")]


@pytest.mark.parametrize("text", ["Iran.", "Hamas held a rally.", "Iran and Iran met."])
def test_fewer_than_two_actors_give_nothing(text: str) -> None:
    assert _found(text) == []


def test_the_relation_points_at_its_mentions() -> None:
    text = "Hamas is armed by Iran."
    (found,) = relations(text, GAZETTEER.find(text))
    assert text[found.subject.start:found.subject.end] == "Iran"
    assert text[found.object.start:found.object.end] == "Hamas"
    assert text[found.trigger[0]:found.trigger[1]].startswith("armed by")


def test_a_negated_relation_is_found_and_then_denied() -> None:
    text = "Iran did not fund Hamas."
    (found,) = relations(text, GAZETTEER.find(text))
    assert (found.subject.actor, found.type, found.object.actor) == ("iran", "funding", "hamas")
    assert stance_of(text, found.trigger[0]) == "denied"


def _claims(extractor: Extractor, text: str) -> list[tuple[object, ...]]:
    return [(c.subject, c.type, c.object, c.stance, c.route,
             c.magnitude.label() if c.magnitude else None, c.time.label())
            for c in extractor.extract(Document(id="doc-t", text=text)).claims]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran did not fund Hamas.", ("iran", "funding", "hamas")),
    ("Iran never armed the Houthis.", ("iran", "arms", "houthis")),
])
def test_a_negated_sentence_gives_no_asserted_claim(rules: Extractor, text: str,
                                                    expected: Triple) -> None:
    assert _claims(rules, text) == [(*expected, "denied", (), None, "undated")]


def test_a_plain_sentence_gives_an_asserted_claim(rules: Extractor) -> None:
    assert _claims(rules, "Iran funds Hamas.") == [
        ("iran", "funding", "hamas", "asserted", (), None, "undated")]


def test_a_route_keeps_its_places_in_order(rules: Extractor) -> None:
    assert _claims(rules, "Iran smuggled rockets to Hamas via Sudan and Gaza.") == [
        ("iran", "arms", "hamas", "asserted", ("sudan", "gaza"), None, "undated")]


def test_money_and_year_join_the_claim(rules: Extractor) -> None:
    assert _claims(rules, "Iran gave Hamas $50 million in 2020.") == [
        ("iran", "funding", "hamas", "asserted", (), "USD 50M", "2020")]
    assert _claims(rules, "Iran sends Hezbollah about $700 million a year.") == [
        ("iran", "funding", "hezbollah", "asserted", (), "USD 700M/year", "undated")]


def test_a_modal_sentence_gives_no_claim(rules: Extractor) -> None:
    assert _claims(rules, "Iran could arm the Houthis.") == []

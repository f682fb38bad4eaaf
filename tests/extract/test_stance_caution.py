"""The stored stance is the most cautious one the text allows."""

from __future__ import annotations

import pytest

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract.hedge import negated_near
from patron.extract.pipeline import Extractor, cautious_stance
from patron.model import Document

LABELS = ("asserted", "reported", "alleged", "disputed", "denied", "hypothetical")


def test_a_likely_fact_stays_a_fact() -> None:
    assert cautious_stance(LABELS, [0.9, 0.05, 0.02, 0.01, 0.01, 0.01]) == "asserted"


def test_a_weaker_reading_wins_once_it_is_probable_enough() -> None:
    # asserted is the likeliest, but alleged-or-weaker together reach the bar.
    assert cautious_stance(LABELS, [0.5, 0.1, 0.2, 0.1, 0.05, 0.05]) == "alleged"


def test_a_probable_plan_is_hypothetical() -> None:
    assert cautious_stance(LABELS, [0.6, 0.0, 0.0, 0.0, 0.0, 0.4]) == "hypothetical"


@pytest.mark.parametrize(("text", "second", "negated"), [
    ("China has not sent weapons to Russia.", "Russia", True),
    ("Hamas and Egypt did not meet in Cairo.", "Egypt", True),
    ("China sent weapons to Russia in 2023, as its own customs records never showed.",
     "Russia", False),
])
def test_negation_between_or_just_after_the_pair(text: str, second: str, negated: bool) -> None:
    first_end = text.index(" ")
    start = text.index(second)
    assert negated_near(text, first_end, start, start + len(second)) is negated


def test_the_rules_alone_when_the_setting_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATRON_RELATIONS", "rules")
    ex = Extractor(load_dir(settings.get().data_dir / "actors"))
    assert ex.model is None
    claims = ex.extract(Document(id="d", text="Iran funds Hamas.")).claims
    assert claims and all(c.origin.startswith("extract:rules@") and c.score is None
                          for c in claims)


@pytest.mark.parametrize("text", [
    "Has Iran been sending drones to the Houthis all along?",
    "Was it Qatar that funded Hamas's offices in Doha?",
    pytest.param("Was it Qatar that paid for Hamas's offices in Doha?", marks=pytest.mark.xfail(
        strict=True, reason="known regression since head 826f2a01 (still with cd51110f): its "
        "statement form (ending in a full stop) gives no funding claim (P(none) 0.43 with "
        "826f2a01); the question itself is still not stored")),
    "Why does Russia keep arming the Assad government?",
])
def test_a_question_is_never_stored_as_a_claim(text: str) -> None:
    ex = Extractor(load_dir(settings.get().data_dir / "actors"))
    assert ex.model is not None
    # The same words ending in a full stop give a claim: the question mark is what stops it.
    assert ex.extract(Document(id="s", text=text.rstrip("?") + ".")).claims
    assert ex.extract(Document(id="q", text=text)).claims == []


@pytest.mark.parametrize(("text", "stored"), [
    ("Observers expect Abu Dhabi to go on paying the Southern Transitional Council.", False),
    ("Iran is expected to send more drones to Russia next year.", False),
    ("Iran, as expected, sent more drones to Russia in 2023.", True),
])
def test_an_expectation_is_not_a_report_of_fact(text: str, stored: bool) -> None:
    ex = Extractor(load_dir(settings.get().data_dir / "actors"))
    support = [c for c in ex.extract(Document(id="e", text=text)).claims
               if c.type in ("funding", "arms", "backing")]
    assert bool(support) is stored


@pytest.mark.parametrize(("text", "stored"), [
    # a relation named, then judged a likelihood: never a report of fact
    ("A Russian strike on the port of Odesa is now seen as likely, officials in Kyiv warn.",
     False),
    ("An Iranian attack on Israel is considered unlikely while the talks go on.", False),
    # plans being made, options weighed, possibilities
    ("Turkey is preparing to send more drones to Libya's government in Tripoli.", False),
    ("The UAE might fund the Rapid Support Forces again.", False),
    ("Washington weighed sending Abrams tanks to Ukraine in 2022.", False),
    # the same words around a stated relation leave it stated
    ("Israel struck Hezbollah in May, and a wider war now seems possible.", True),
    ("Iran armed the Houthis in May 2019.", True),
    ("Qatar's funding of Hamas is possible to trace through three banks.", True),
])  # fmt: skip
def test_a_judged_likelihood_or_a_plan_is_not_stored(text: str, stored: bool) -> None:
    ex = Extractor(load_dir(settings.get().data_dir / "actors"))
    claims = ex.extract(Document(id="j", text=text)).claims
    assert bool(claims) is stored, [(c.subject, c.type, c.object, c.stance) for c in claims]

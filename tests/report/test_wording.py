"""The wording follows the stance of the claims a sentence is written from."""

from __future__ import annotations

import pytest

from patron.model import Attribution, Magnitude
from patron.report.wording import hedged, phrase
from tests.factory import claim

NAMES = {"iran": "Iran", "hamas": "Hamas"}


@pytest.mark.parametrize(("stance", "expected"), [
    ("asserted", "Iran funded Hamas in 2020 (source: US Treasury)."),
    ("reported", "According to US Treasury, Iran funded Hamas in 2020."),
    ("alleged", "US Treasury alleges that Iran funded Hamas in 2020."),
    ("disputed", "That Iran funded Hamas in 2020 is disputed (US Treasury)."),
    ("denied", "US Treasury denies that Iran funded Hamas in 2020."),
])
def test_stance_sets_the_wording(stance: str, expected: str) -> None:
    c = claim(stance=stance, attribution=Attribution(by="US Treasury"))
    assert phrase([c], NAMES, {}) == expected


def test_unattributed_report_says_reportedly() -> None:
    assert phrase([claim(stance="reported")], NAMES, {}) == "Iran reportedly funded Hamas in 2020."


def test_amount_and_route_come_from_the_claim() -> None:
    c = claim(type_="arms", magnitude=Magnitude(amount=1e8, currency="USD", per="year"),
              route=("sudan", "egypt"), start="2009", end=None)
    text = phrase([c], {**NAMES, "sudan": "Sudan", "egypt": "Egypt"}, {})
    assert text == ("Iran supplied arms to Hamas from 2009 on (about USD 100M/year), "
                    "by way of Sudan and Egypt (no source named).")


def test_derived_sentence_on_alleged_claims_only_gets_a_hedge() -> None:
    assert "alleged" in hedged("The tie weighs 0.4.", ["alleged", "disputed"])
    assert hedged("The tie weighs 0.4.", ["alleged", "asserted"]) == "The tie weighs 0.4."


def test_every_type_reads_as_its_vocabulary_phrase() -> None:
    from patron.report.wording import clause
    from patron.vocab import VOCAB

    for name, t in VOCAB.claim_types.items():
        text = clause([claim(type_=name, start=None, end=None)], NAMES)
        assert text == "Iran " + t.phrase.format(o="Hamas"), name
    assert clause([claim(type_="safe_haven", start=None, end=None)], NAMES) == \
        "Iran gave safe haven to Hamas"

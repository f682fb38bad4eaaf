"""Stance and attribution: the weakest stance a cue gives, and who the sentence says speaks.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from patron.extract.hedge import find_attribution, is_question, negated_near, stance_of


def _stance(sentence: str, trigger: str) -> str:
    return stance_of(sentence, sentence.index(trigger))


@pytest.mark.parametrize(("sentence", "trigger", "stance"), [
    ("Qatar pays the salaries of civil servants in Gaza.", "pays", "asserted"),
    ("Qatar reportedly pays the salaries of civil servants in Gaza.", "pays", "reported"),
    ("Iran was seen as the group's main backer.", "backer", "reported"),
    ("Iran trains the militia, it is widely believed.", "trains", "reported"),
    ("Turkey allegedly trained the fighters near the border.", "trained", "alleged"),
    ("Officials accused Tehran of shipping drones to the Houthis.", "shipping", "alleged"),
    ("Iran is suspected of training the militia.", "training", "alleged"),
    ("There is no evidence that Russia armed the militia.", "armed", "disputed"),
    ("It is unclear whether Syria let the convoy cross.", "let", "disputed"),
    ("Iran did not fund the group last year.", "fund", "denied"),
    ("Iran never sent troops to Yemen.", "sent", "denied"),
    ("Iran has stopped paying the militia.", "paying", "denied"),
    ("Moscow denies supplying the missiles.", "supplying", "denied"),
])
def test_stance_of_a_sentence(sentence: str, trigger: str, stance: str) -> None:
    assert _stance(sentence, trigger) == stance


def test_a_denial_after_the_claim_makes_it_disputed_not_denied() -> None:
    # one side says it, the other denies it
    assert _stance("Israel says Iran funds Hamas, a charge Tehran denies.", "funds") == "disputed"


def test_a_denial_of_a_report_makes_the_report_disputed() -> None:
    assert _stance("Iran denies the report, but Israel says Tehran funds Hamas.",
                   "funds") == "disputed"


def test_a_negation_well_after_the_trigger_does_not_deny_it() -> None:
    assert _stance("Iran funds the group, and it is not alone in doing so.", "funds") == "asserted"


def test_doubt_outweighs_a_report() -> None:
    assert _stance("Officials said Syria let the convoy cross, but this is unconfirmed.",
                   "let") == "disputed"


@pytest.mark.parametrize(("sentence", "who"), [
    ("According to the International Crisis Group, Iran trains the militia.",
     "International Crisis Group"),
    ("According to Test Ministry figures, Iran paid the fighters.", "Test Ministry"),
    ("Western diplomats said Iran shipped parts.", "Western diplomats"),
    ("Syria helped the group, Lebanese sources said.", "Lebanese sources"),
    ("The group gets weapons from Iran, said a US official.", "a US official"),
    ("The militia receives money from Iran, says the Test Institute.", "the Test Institute"),
])
def test_attribution_names_who_says_so(sentence: str, who: str) -> None:
    assert find_attribution(sentence) == who


@pytest.mark.parametrize("sentence", ["Iran shipped parts.", "It said Iran shipped parts."])
def test_the_document_s_own_voice_has_no_attribution(sentence: str) -> None:
    assert find_attribution(sentence) is None


@pytest.mark.parametrize(("sentence", "question"), [
    ("Does Iran fund Hamas?", True),
    ('The host asked: "Does Iran fund Hamas?"', True),
    ("Iran funds Hamas.", False),
    ("Does it? Iran funds Hamas.", False),  # the question is not the sentence's end
])
def test_is_question(sentence: str, question: bool) -> None:
    assert is_question(sentence) is question


def _negated(sentence: str, first: str, second: str) -> bool:
    left_end = sentence.index(first) + len(first)
    start = sentence.index(second, left_end)
    return negated_near(sentence, left_end, start, start + len(second))


def test_a_negation_between_the_two_sides_negates() -> None:
    assert _negated("Qatar has never hosted Hamas leaders.", "Qatar", "Hamas") is True


def test_a_negation_just_after_the_second_side_negates() -> None:
    assert _negated("Iran and Hamas did not meet in Doha.", "Iran", "Hamas") is True


def test_a_negation_far_after_the_second_side_does_not() -> None:
    assert _negated("Iran sends money to Hamas, and the schools there are not open.",
                    "Iran", "Hamas") is False


def test_no_negation_no_denial() -> None:
    assert _negated("Iran sends money to Hamas every month.", "Iran", "Hamas") is False

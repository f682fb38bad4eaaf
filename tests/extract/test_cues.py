from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from patron.extract.cues import SENTENCE, TRIGGER_INDEX, TRIGGERS, PatternIndex, cues
from patron.extract.literals import literal_starts
from patron.extract.segment import sentences
from tests.factory import SHARED_DATA

REPO = Path(__file__).resolve().parents[2]


def _case_sentences() -> list[str]:
    cases = yaml.safe_load((REPO / "tests" / "data" / "extract_cases.yaml").read_text("utf-8"))
    texts = [case["text"] for case in cases]
    for path in sorted((REPO / "examples" / "documents").iterdir()):
        texts.append(path.read_text("utf-8", errors="replace"))
    return [s.text for text in texts for s in sentences(text)]


def _assert_same_as_finditer(text: str) -> None:
    found = cues(text)
    for index, (name, rx) in enumerate(TRIGGERS):
        expected = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in found.matches(text, index)] == expected, (name, text)


def test_positional_lookup_finds_what_a_full_scan_finds_on_the_case_file() -> None:
    texts = _case_sentences()
    assert len(texts) > 300
    for text in texts:
        _assert_same_as_finditer(text)


def test_positional_lookup_finds_what_a_full_scan_finds_on_re3d() -> None:
    folder = SHARED_DATA / "re3d"
    if not folder.exists():
        pytest.skip("../shared/data/re3d is not beside this checkout")
    for path in sorted(folder.glob("*/documents.json")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                for sent in sentences(json.loads(line)["text"]):
                    _assert_same_as_finditer(sent.text)


AWKWARD = [
    "Iran\u00a0funds Hamas; Qatar\nhosts its leaders.",  # no-break space and a line break
    "«Iran funds Hamas»",  # punctuation the ASCII tables lack
    "İstanbul said Turkey supports Hamas.",  # a letter that lower-cases to two
    "Iran paid, pays and is paying Hamas; the pay-off was funded by Qatar.",
    "Qatar is a member of the coalition; Iran is a key ally and a role in it.",
    "Tehran reportedly would not deny it: analysts say, allegedly, there is no evidence.",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_positional_lookup_survives_awkward_characters(text: str) -> None:
    _assert_same_as_finditer(text)


def test_literal_starts_follows_alternatives_and_optional_parts() -> None:
    rx = re.compile(r"\b(?:(?:close\s+)?allies|fund(?:s|ed)?|a\s+role)\b", re.IGNORECASE)
    assert literal_starts(rx) == frozenset({"close ", "allies", "fund", "funds", "funded", "a "})


@pytest.mark.parametrize("pattern", [r"\w+ed\b", r"(?:x)?", r"fund", r"-backed\b"])
def test_pattern_without_a_bounded_literal_start_is_scanned_whole(pattern: str) -> None:
    assert literal_starts(re.compile(pattern)) is None


def test_a_scan_says_which_trigger_patterns_may_match() -> None:
    found = cues("Iran said it funds Hamas")
    assert [name for name, i in TRIGGER_INDEX.items() if found.may_match(i)] == ["funding"]
    nothing = cues("Nothing to see here")
    assert not any(nothing.may_match(i) for i in range(len(TRIGGERS)))


def _tables() -> list[PatternIndex]:
    from patron.extract import hedge, relation

    return [SENTENCE, hedge._CUES, relation._NOUNS, relation._MODALS]


def test_every_table_searches_as_the_patterns_do() -> None:
    texts = _case_sentences() + AWKWARD
    for table in _tables():
        for text in texts:
            found = table.scan(text)
            for index, rx in enumerate(table.patterns):
                expected = rx.search(text)
                got = found.search(text, index, 0, len(text))
                assert (got.span() if got else None) == (expected.span() if expected else None)
                assert found.may_match(index) or expected is None
                middle = len(text) // 2
                expected = rx.search(text, middle, len(text) - 3)
                got = found.search(text, index, middle, len(text) - 3)
                assert (got.span() if got else None) == (expected.span() if expected else None)

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from patron.extract import mentions
from patron.extract.pipeline import Extractor
from tests.factory import SHARED_DATA

REPO = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    cases = yaml.safe_load((REPO / "tests" / "data" / "extract_cases.yaml").read_text("utf-8"))
    texts = [case["text"] for case in cases]
    texts += [p.read_text("utf-8", errors="replace")
              for p in sorted((REPO / "examples" / "documents").iterdir())]
    folder = SHARED_DATA / "re3d"
    for path in sorted(folder.glob("*/documents.json")):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()
                  if line.strip()]
    return texts


AWKWARD = [
    "The Free Syrian Army Front and the al-Nusra Front fought; the group said so.",
    "THE GROUP and The Group; the   militant group; this regime, that country.",
    "Hezbollah Brigades Brigade Army Armies Frontier Front",
    "İstanbul: the group met the Kingdom's regime.",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_head_first_search_finds_what_a_full_scan_finds_in_awkward_text(text: str) -> None:
    assert [m.span() for m in mentions._org_matches(text)] == [
        m.span() for m in mentions._ORG.finditer(text)]
    assert [m.span() for m in mentions._references(text)] == [
        m.span() for m in mentions._REFERENCE.finditer(text)]


def test_head_first_search_finds_what_a_full_scan_finds_in_reporting() -> None:
    texts = _texts()
    assert len(texts) > 250
    for text in texts:
        assert [m.span() for m in mentions._org_matches(text)] == [
            m.span() for m in mentions._ORG.finditer(text)]
        assert [m.span() for m in mentions._references(text)] == [
            m.span() for m in mentions._REFERENCE.finditer(text)]


def test_name_counts_only_at_word_boundaries(extractor: Extractor) -> None:
    found = extractor.gazetteer.find("Iranian officials met Iran's envoy in Tirana.")
    assert [(m.actor, m.form) for m in found][:2] == [("iran", "demonym"), ("iran", "name")]
    assert all(m.actor != "iran" or m.start < 30 for m in found)  # not inside "Tirana"


def test_case_sensitive_acronym_is_not_found_in_lower_case(extractor: Extractor) -> None:
    assert [m.actor for m in extractor.gazetteer.find("The US sent aid.")] == ["united-states"]
    assert extractor.gazetteer.find("They sent us aid.") == []


def test_a_titled_person_the_gazetteer_lacks_becomes_a_candidate() -> None:
    from patron.extract.mentions import candidate_orgs

    found = candidate_orgs("Foreign Minister Ayman Safadi met King Abdullah on Monday.", [])
    assert [(name, kind) for _, _, name, kind in found] == [
        ("Ayman Safadi", "person"), ("Abdullah", "person")]
    assert found[0][:2] == (0, len("Foreign Minister Ayman Safadi"))  # the title is in the span
    assert candidate_orgs("The UN General Assembly and the President said so.", []) == []
    assert candidate_orgs("Prime Minister Netanyahu Said no.", [])[0][2] == "Netanyahu"

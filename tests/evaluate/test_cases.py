"""The labelled case file is the regression suite: quality gates on it."""

from __future__ import annotations

import pytest

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.evaluate.cases import CaseReport, evaluate_cases, load_cases
from patron.extract.pipeline import Extractor
from tests.factory import REPO

CASES = REPO / "tests" / "data" / "extract_cases.yaml"


@pytest.fixture(scope="module")
def report() -> CaseReport:
    extractor = Extractor(load_dir(settings.get().data_dir / "actors"))
    return evaluate_cases(extractor, load_cases(CASES))


def test_case_file_covers_every_type_hedge_and_junk() -> None:
    cases = load_cases(CASES)
    assert len(cases) >= 150
    types = {c["type"] for case in cases for c in case.get("claims") or []}
    assert {"funding", "arms", "materiel", "training", "troops", "intelligence", "safe_haven",
            "transit", "diplomatic", "humanitarian", "attack", "threat", "member_of",
            "alliance", "meeting", "rupture", "resumption", "justification",
            "denial"} <= types
    stances = {c["stance"] for case in cases for c in case.get("claims") or []}
    assert stances == {"asserted", "reported", "alleged", "disputed", "denied"}
    assert sum(1 for case in cases if not case.get("claims")) >= 25


def test_support_claims_meet_the_precision_and_recall_targets(report: CaseReport) -> None:
    support = report.tally.by_family["support"]
    assert support.precision >= 0.85, support.as_dict()
    assert support.recall >= 0.75, support.as_dict()


def test_no_hedged_statement_comes_out_asserted(report: CaseReport) -> None:
    assert report.tally.hedged_as_asserted == 0


def test_junk_yields_almost_nothing(report: CaseReport) -> None:
    assert report.junk_claims <= report.junk_cases // 10


def test_example_documents_end_to_end() -> None:
    """Whole documents (readers, boilerplate, extraction) against examples/expected.yaml."""
    from patron.evaluate.documents import evaluate_documents

    extractor = Extractor(load_dir(settings.get().data_dir / "actors"))
    report = evaluate_documents(extractor, REPO / "examples" / "expected.yaml",
                                REPO / "examples" / "documents")
    assert report.documents == 16
    assert report.hedged_as_asserted == 0
    assert report.support.precision >= 0.8, report.as_dict()["support"]
    assert report.support.recall >= 0.6, report.as_dict()["support"]

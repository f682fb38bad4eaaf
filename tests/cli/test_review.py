"""``patron review``: queue, accept, reject, correct, comment and show, from the shell."""

from __future__ import annotations

import json

import pytest

from patron.kb import KnowledgeBase
from patron.store import ClaimFilter, pages
from tests.factory import REPO, run_cli

EXAMPLES = REPO / "examples" / "documents"


@pytest.fixture()
def waiting(kb: KnowledgeBase, db_url: str) -> list[str]:
    """Machine-extracted claims waiting for review."""
    kb.ingest([EXAMPLES])
    ids = [c.id for c in pages.claims_page(kb.store, ClaimFilter(unreviewed="only"), offset=0,
                                            limit=10_000)]  # fmt: skip
    assert len(ids) >= 3
    return ids


def test_queue_lists_what_waits_and_a_verdict_takes_a_claim_out(
    waiting: list[str], kb: KnowledgeBase, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "review", "queue", "--limit", "0", "-f", "jsonl",
                           "--db", db_url)  # fmt: skip
    assert code == 0
    assert [json.loads(x)["id"] for x in out.splitlines()] == waiting
    first, second = waiting[:2]
    code, _, err = run_cli(capsys, "review", "accept", first, "--grade", "B2", "-m", "two sources",
                           "--db", db_url)  # fmt: skip
    assert code == 0, err
    assert "accepted" in err and "B2" in err
    assert run_cli(capsys, "review", "reject", second, "--db", db_url)[0] == 0
    out = run_cli(capsys, "review", "queue", "-f", "jsonl", "--limit", "0", "--db", db_url)[1]
    assert [json.loads(x)["id"] for x in out.splitlines()] == waiting[2:]
    now = pages.claim(kb.store, first)
    assert now is not None and (now.review, now.grade) == ("accepted", "B2")


def test_correct_prints_the_new_claim_and_show_the_trail(
    waiting: list[str], kb: KnowledgeBase, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = pages.claim(kb.store, waiting[0])
    assert target is not None
    other = "funding" if target.type != "funding" else "training"
    code, out, err = run_cli(capsys, "review", "correct", target.id, "--type", other,
                             "--db", db_url)  # fmt: skip
    assert code == 0, err
    new_id = out.strip()
    fixed = pages.claim(kb.store, new_id)
    assert fixed is not None and (fixed.type, fixed.review) == (other, "accepted")
    said = run_cli(capsys, "review", "comment", target.id, "see the new one", "--db", db_url)
    assert said[0] == 0
    code, out, _ = run_cli(capsys, "review", "show", target.id, "-f", "json", "--db", db_url)
    trail = json.loads(out)
    assert [(r["status"], r["corrected"]) for r in trail] == [("rejected", new_id),
                                                              ("rejected", None)]
    assert trail[1]["comment"] == "see the new one" and trail[1]["by"].startswith("cli")


def test_mistakes_are_one_line_errors(
    waiting: list[str], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(capsys, "review", "accept", "clm-nothing", "--db", db_url)
    assert code == 2 and err.startswith("error: CLAIM: no claim 'clm-nothing'")
    code, _, err = run_cli(capsys, "review", "accept", waiting[0], "--grade", "Q7", "--db", db_url)
    assert code == 2 and err.startswith("error: grade:"), err
    code, _, err = run_cli(capsys, "review", "correct", waiting[0], "--db", db_url)
    assert code == 2 and "nothing to correct" in err
    code, _, err = run_cli(capsys, "review", "correct", waiting[0], "--subject", "Atlantis",
                           "--db", db_url)  # fmt: skip
    assert code == 2 and "Atlantis" in err

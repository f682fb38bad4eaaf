"""``patron report``: formats, charts beside the file, --as-of, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from patron.kb import KnowledgeBase
from patron.report import build_brief, markdown
from patron.timespan import date_bounds
from tests.factory import run_cli
from tests.pictures import png_size
from tests.report.parse import markdown_facts


def test_markdown_file_gets_its_charts_beside_it(demo_url: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "brief.md"
    code, _, err = run_cli(capsys, "report", "Iran", "Hamas", "-o", str(target),
                           "--no-outlook", "--db", demo_url)
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    sizes = {name: png_size((tmp_path / name).read_bytes())
             for name in ("brief-support.png", "brief-network.png")}
    assert sizes == {"brief-support.png": (1000, 400), "brief-network.png": (1200, 900)}
    assert "](brief-support.png)" in text and "](brief-network.png)" in text
    assert "not run for this brief" in text


def test_unknown_actor_exits_2(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "report", "Iran", "Nosuchgroupxyz", "--db", demo_url)
    assert code == 2
    assert "unknown actor" in err


def test_pdf_needs_an_output_file(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "report", "Iran", "Hamas", "-f", "pdf", "--db", demo_url)
    assert code == 2
    assert "-o FILE" in err


def test_pair_without_support_gives_a_short_honest_brief(demo_kb: KnowledgeBase) -> None:
    brief = build_brief(demo_kb, demo_kb.resolve("Iran"), demo_kb.resolve("Israel"),
                        outlook=False)
    text = markdown(brief)
    assert "> The knowledge base holds no claim that Iran or its organs support Israel" in text
    pillars = next(s for s in brief.sections if s.key == "pillars")
    assert all(s.kind == "note" for p in pillars.paragraphs for s in p)


def test_as_of_leaves_out_later_claims(demo_kb: KnowledgeBase) -> None:
    brief = build_brief(demo_kb, demo_kb.resolve("Iran"), demo_kb.resolve("Hamas"),
                        as_of="2010", outlook=False, with_charts=False)
    text = markdown(brief)
    hi = date_bounds("2010")[1]
    cited = {i for _, ids in markdown_facts(text) for i in ids}
    assert cited
    assert all(brief.claims[i].time.bounds()[0] <= hi for i in cited)
    assert "as of 2010" in text
    assert "2023-10" not in "".join(s for s, _ in markdown_facts(text))

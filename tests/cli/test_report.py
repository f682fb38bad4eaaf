"""``patron report``: charts beside the output file; bad input is one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factory import run_cli
from tests.pictures import png_size


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

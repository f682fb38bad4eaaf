"""Markdown, HTML and PDF: markup in claims stays inert; the PDF renders with its charts."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from patron.report import Brief, Sentence, html_text, markdown, pdf
from tests.report.parse import html_facts

_SCRIPT = "<script>alert('x')</script>"


def _poisoned(brief: Brief) -> Brief:
    """The brief with a script tag in the first claim's quote and in one sentence."""
    first = brief.sections[0]
    cited = first.paragraphs[0][0].claims[0]
    claim = brief.claims[cited]
    bad = claim.model_copy(update={"evidence": claim.evidence.model_copy(
        update={"quote": f"He said {_SCRIPT} & left"})})
    section = replace(first, paragraphs=[[Sentence(f"Quoted: {_SCRIPT}", (cited,))],
                                         *first.paragraphs])
    return replace(brief, sections=[section, *brief.sections[1:]],
                   claims={**brief.claims, cited: bad})


def test_script_in_a_quote_is_inert_in_html(iran_hamas: Brief) -> None:
    text = html_text(_poisoned(iran_hamas))
    assert _SCRIPT not in text
    assert "&lt;script&gt;" in text
    assert html_facts(text)[2] == 0


def test_script_in_a_quote_is_inert_in_markdown(iran_hamas: Brief) -> None:
    text = markdown(_poisoned(iran_hamas))
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


@pytest.fixture(scope="module")
def brief_pdf(iran_hamas: Brief, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "brief.pdf"
    path.write_bytes(pdf(iran_hamas))
    return path


def test_pdf_has_pages_text_and_both_charts(brief_pdf: Path, iran_hamas: Brief) -> None:
    reader = pypdf.PdfReader(brief_pdf)
    assert len(reader.pages) >= 2
    assert "Why Iran backs Hamas" in reader.pages[0].extract_text()
    images = {hashlib.sha256(img.data).hexdigest() for page in reader.pages
              for img in page.images}
    assert len(images) >= 2
    assert set(iran_hamas.charts) == {"support", "network"}


@pytest.mark.skipif(shutil.which("pdftoppm") is None,
                    reason="pdftoppm (Debian poppler-utils) is not installed; the pypdf test "
                           "above still checks the PDF")
def test_pdf_renders_to_png(brief_pdf: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", str(brief_pdf),
                    str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and all(p.read_bytes().startswith(b"\x89PNG") for p in pages)

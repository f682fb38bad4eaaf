from __future__ import annotations

from pathlib import Path

from patron.model import Document
from patron.sources.readers import Skipped, read_documents
from tests.factory import REPO

EXAMPLES = REPO / "examples" / "documents"


def _docs(*paths: Path) -> list[Document]:
    return [d for d in read_documents(paths) if isinstance(d, Document)]


def test_html_gives_main_text_and_page_metadata() -> None:
    (doc,) = _docs(EXAMPLES / "iran-hamas-analysis.html")
    assert doc.url == "https://example.org/analysis/iran-hamas-support"
    assert doc.published == "2024-03-18"
    assert doc.publisher == "Example Policy Review"
    assert doc.title and "Iran, Hamas" in doc.title
    assert doc.text and "We use cookies" not in doc.text


def test_jsonl_and_feeds_give_one_document_per_item() -> None:
    assert len(_docs(EXAMPLES / "wire.jsonl")) == 5
    feed = _docs(EXAMPLES / "feed.xml")
    assert len(feed) == 4
    assert all(d.url and d.published for d in feed)


def test_folder_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Iran funds Hamas, officials said.")
    (tmp_path / "y.md").write_text("# Title\n\nQatar hosts **Hamas** leaders.")
    docs = _docs(tmp_path)
    assert sorted(d.title or "" for d in docs) == ["Title", "x"]
    assert any("Qatar hosts Hamas leaders." in (d.text or "") for d in docs)


def test_binary_and_undecodable_files_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PK")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "ok.txt").write_text("Iran funds Hamas, officials said.")
    items = list(read_documents([tmp_path, tmp_path / "missing.txt"]))
    skipped = {Path(s.path).name: s.reason for s in items if isinstance(s, Skipped)}
    assert skipped["bin.txt"] == "binary file"
    assert "not UTF-8" in skipped["latin.txt"]
    assert skipped["missing.txt"] == "no such file"
    assert len([d for d in items if isinstance(d, Document)]) == 1


def test_same_text_gives_the_same_document_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran funds Hamas, officials said.")
    (tmp_path / "b.txt").write_text("Iran funds Hamas, officials said.")
    a, b = _docs(tmp_path)
    assert a.id == b.id

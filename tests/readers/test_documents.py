from __future__ import annotations

from pathlib import Path

import pytest

from patron.errors import InputError
from patron.model import Document
from patron.readers import documents
from patron.readers.documents import Skipped, read_documents, read_file
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


def test_a_large_text_file_is_the_document_read_file_gives_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "LARGE_TEXT", 100)
    monkeypatch.setattr(documents, "_PIECE", 7)  # pieces end inside "é" and "’"
    path = tmp_path / "big.txt"
    body = "Iran’s money reached Hamas, the report said.\n\nCafé owners  \u2028 " * 20
    path.write_bytes(b"\xef\xbb\xbf \n\t" + body.encode("utf-8") + b" \n\n\x0c")
    large = documents.large_text(path)
    assert large is not None
    (doc,) = read_file(path)
    assert isinstance(doc, Document)
    assert large.document == doc.model_copy(update={"text": None})
    assert "".join(large.pieces()) == doc.text
    assert all(len(p) <= 40 for p in large.pieces())


def test_small_marked_up_binary_or_undecodable_files_are_not_read_in_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "LARGE_TEXT", 100)
    cases = {"small.txt": b"Iran funds Hamas.", "page.md": b"# Iran\n\n" + b"Iran funds. " * 20,
             "blob.txt": b"\x00\x01" * 100, "latin.txt": b"Caf\xe9 " * 100,
             "blank.txt": b" \n" * 100}  # fmt: skip
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert documents.large_text(tmp_path / name) is None, name


def test_a_large_file_that_changes_after_it_was_first_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "LARGE_TEXT", 100)
    path = tmp_path / "big.txt"
    path.write_text("Iran funds Hamas.\n\n" * 20, encoding="utf-8")
    large = documents.large_text(path)
    assert large is not None
    path.write_text("Iran funds Hamas!\n\n" * 20, encoding="utf-8")
    with pytest.raises(InputError, match="changed while it was read"):
        list(large.pieces())

"""Readers: files and folders → Documents (text plus title, publisher, date, URL).

Plain text and Markdown as they are (Markdown markup stripped); HTML through
trafilatura (main text only, metadata from the page); JSON lines (one document
per line); RSS and Atom feeds through feedparser (one document per item); folders
recursively. A file that cannot be read (binary, not UTF-8, malformed) is
reported as a :class:`Skipped` and the run goes on.

A plain-text file larger than :data:`LARGE_TEXT` can also be read without holding
its text (:func:`large_text`): its document is known from one pass over the file,
and its text is read again, a piece at a time, whenever it is needed.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from patron.errors import InputError, decode_utf8
from patron.model import Document, document_id

__all__ = [
    "LARGE_TEXT",
    "SUFFIXES",
    "Skipped",
    "TextFile",
    "input_files",
    "large_text",
    "read_documents",
    "read_file",
]

SUFFIXES = frozenset(
    {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom"}
)


@dataclass(frozen=True)
class Skipped:
    """A file or record that could not be read, and why."""

    path: str
    reason: str


def _doc(
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    kind: str | None = None,
) -> Document:
    text = text.strip()
    return Document(
        id=document_id(url, text),
        title=title,
        publisher=publisher,
        published=_partial_date(published),
        url=url,
        kind=kind,
        text=text,
    )


def _partial_date(value: Any) -> str | None:
    """A date as YYYY[-MM[-DD]], keeping only the precision given."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    m = re.match(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value))
    return "-".join(g for g in m.groups() if g) if m else None


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError("binary file", file=str(path))
    return decode_utf8(data, str(path))


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|`|^#{1,6}\s+|^>\s?)", re.MULTILINE)


def _markdown(text: str) -> tuple[str, str | None]:
    title = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("# ")), None)
    plain = _MD_MARKS.sub("", _MD_LINK.sub(r"\1", text))
    plain = re.sub(r"(?<!\*)\*(?!\*)", "", plain)
    return plain, title


def _html(path: Path, raw: str) -> Document:
    import trafilatura

    text = (
        trafilatura.extract(raw, include_comments=False, include_tables=True, favor_precision=True)
        or ""
    )
    meta = trafilatura.extract_metadata(raw)
    url = meta.url if meta is not None and meta.url else None
    return _doc(
        text,
        title=meta.title if meta else None,
        publisher=(meta.sitename or meta.author) if meta else None,
        published=meta.date if meta else None,
        url=url,
        kind="news",
    )


def _jsonl(path: Path, raw: str) -> Iterator[Document | Skipped]:
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not str(record.get("text", "")).strip():
                yield Skipped(where, "no text field")
                continue
            yield _doc(
                str(record["text"]),
                title=record.get("title"),
                publisher=record.get("publisher"),
                published=record.get("published"),
                url=record.get("url"),
                kind=record.get("kind"),
            )
        except (json.JSONDecodeError, ValidationError) as exc:
            yield Skipped(where, f"malformed record: {str(exc).splitlines()[0]}")


def _feed(path: Path, raw: str) -> Iterator[Document | Skipped]:
    import feedparser

    # A stream, never the text itself: feedparser takes a string that looks like a URL
    # or a path for one and fetches or opens it (a feed reading "/etc/passwd").
    feed = feedparser.parse(io.BytesIO(raw.encode("utf-8")))
    if feed.bozo and not feed.entries:
        yield Skipped(str(path), f"not a feed: {feed.bozo_exception}")
        return
    if not feed.entries:
        yield Skipped(str(path), "a feed without items")
        return
    publisher = feed.feed.get("title")
    for i, entry in enumerate(feed.entries):
        summary = re.sub(r"<[^>]+>", " ", entry.get("summary", "") or "")
        title = entry.get("title")
        text = "\n\n".join(t for t in (title and title.strip() + "", summary.strip()) if t)
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (
            f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
        )
        if not summary.strip():
            yield Skipped(f"{path}#{i + 1}", "item without text")
            continue
        yield _doc(
            text,
            title=title,
            publisher=publisher,
            published=published,
            url=entry.get("link"),
            kind="news",
        )


#: A plain-text file larger than this (bytes) is one that :func:`large_text` reads a
#: piece at a time; smaller ones are read whole.
LARGE_TEXT = 1 << 22
_PIECE = 1 << 20  # bytes read at once from a large text file
_READ_WHOLE = frozenset({".html", ".htm", ".jsonl", ".xml", ".rss", ".atom", ".md", ".markdown"})


@dataclass(frozen=True)
class TextFile:
    """A plain-text file too large to hold whole: its document (``text`` left out; id
    and title as :func:`read_file` gives them) and its text, read again on demand."""

    path: Path
    document: Document

    def pieces(self) -> Iterator[str]:
        """The document's text, as :func:`read_file` would give it, in pieces of at
        most about a million characters.

        Raises InputError at the end if the file no longer holds that text (it changed
        since it was first read): whatever used the pieces must then be dropped.
        """
        digest = hashlib.sha256()
        try:
            for piece in _stripped_pieces(self.path):
                digest.update(piece.encode("utf-8"))
                yield piece
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"changed or vanished while it was read: {exc}",
                             file=str(self.path)) from exc  # fmt: skip
        if _document_id(digest) != self.document.id:
            raise InputError("changed while it was read; ingest it again", file=str(self.path))


def _document_id(digest: Any) -> str:
    """:func:`patron.model.document_id` of a text, from the SHA-256 of its UTF-8."""
    return "doc-" + str(digest.hexdigest())[:20]


def _stripped_pieces(path: Path) -> Iterator[str]:
    """The UTF-8 text of ``path`` (a byte-order mark dropped), stripped as ``str.strip``
    strips, in pieces; UnicodeDecodeError where it is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    started, held = False, ""  # held: whitespace that only text after it keeps
    with path.open("rb") as stream:
        while True:
            data = stream.read(_PIECE)
            text = decoder.decode(data, final=not data)
            if not started:
                text = text.lstrip()
                started = bool(text)
            body = text.rstrip()
            if body:
                yield held + body if held else body
                held = text[len(body) :]
            else:
                held += text
            if not data:
                return


def large_text(path: Path) -> TextFile | None:
    """``path`` as a :class:`TextFile` when it is a plain-text file (not HTML, Markdown,
    JSON lines or a feed) of more than :data:`LARGE_TEXT` bytes, readable as UTF-8 and
    not empty; None otherwise (:func:`read_file` then reads it, or says why it cannot)."""
    try:
        if path.suffix.lower() in _READ_WHOLE or path.stat().st_size <= LARGE_TEXT:
            return None
        with path.open("rb") as stream:
            if b"\x00" in stream.read(8192):
                return None
        digest = hashlib.sha256()
        for piece in _stripped_pieces(path):
            digest.update(piece.encode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    if digest.digest() == hashlib.sha256(b"").digest():
        return None
    return TextFile(path, Document(id=_document_id(digest), title=path.stem))


def read_file(path: Path) -> Iterator[Document | Skipped]:
    """Documents in one file, or a Skipped saying why it could not be read."""
    try:
        raw = _read_text(path)
    except InputError as exc:
        yield Skipped(str(path), exc.message)
        return
    except OSError as exc:
        yield Skipped(str(path), f"cannot read: {exc.strerror}")
        return
    suffix = path.suffix.lower()
    try:
        if suffix in (".html", ".htm"):
            yield _html(path, raw)
        elif suffix == ".jsonl":
            yield from _jsonl(path, raw)
        elif suffix in (".xml", ".rss", ".atom"):
            yield from _feed(path, raw)
        elif suffix in (".md", ".markdown"):
            text, title = _markdown(raw)
            yield _doc(text, title=title or path.stem)
        else:
            yield _doc(raw, title=path.stem)
    except ValidationError as exc:
        yield Skipped(str(path), f"bad metadata: {str(exc).splitlines()[0]}")


def input_files(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """Every file ``paths`` name: files as given, folders recursively (files with a
    readable suffix, in name order); a missing path is a Skipped."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            yield Skipped(str(path), "no such file")


def read_documents(paths: Iterable[Path]) -> Iterator[Document | Skipped]:
    """Every document under ``paths`` (files and folders, recursively, in name order)."""
    for path in input_files(paths):
        if isinstance(path, Skipped):
            yield path
        else:
            yield from read_file(path)

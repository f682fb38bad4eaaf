"""Generated inputs for every reader: bad input is refused, never a traceback.

Claim files (YAML, JSON lines) either read or raise an
:class:`~patron.errors.InputError` naming the file and the line (and the field,
where one field is at fault). Document readers (HTML, Markdown, RSS, plain text,
JSON lines) yield documents or a :class:`~patron.readers.documents.Skipped`
saying why, as ``ingest`` promises; they raise nothing. Budget and pieces:
:mod:`tests.fuzzing`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from patron.model import Document
from patron.readers import claimfile
from patron.readers.documents import Skipped, read_file
from tests.fuzzing import (
    CLAIM_FIELDS,
    INVALID_UTF8,
    dates,
    fuzzing,
    gazetteer,
    json_values,
    lines,
    record,
    refused_cleanly,
    write,
)


def _read_documents(path: Path) -> list[Document | Skipped]:
    """Documents or Skipped; an empty file may yield neither."""
    items = list(read_file(path))
    assert all(isinstance(i, Document | Skipped) for i in items)
    return items


_HTML_BITS = ["<html>", "<head>", "<title>", "</title>", "<body>", "<p>", "</p>", "<div>",
              "<script>alert(1)</script>", "<meta name='date' content='2020-13-45'>",
              "<meta property='og:url' content='http://x'>", "&amp;", "&#0;", "&#xD800;",
              "<![CDATA[", "]]>", "<!--", "-->", "<table><tr><td>", "<a href='", "'>", "\x00",
              "Iran funds Hamas. ", "\n"]  # fmt: skip
_MD_BITS = ["# ", "## ", "**", "__", "`", "*", "[a](b)", "![x](y)", "[", "](", ")", "> ", "\n",
            "Iran funds Hamas. ", "---\n", "\r"]  # fmt: skip
_RSS_BITS = ["<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<title>", "</title>",
             "<item>", "</item>", "<description>", "</description>", "<pubDate>",
             "Mon, 32 Foo 2024", "</pubDate>", "<link>", "</link>", "<feed xmlns="
             "'http://www.w3.org/2005/Atom'>", "<entry>", "<updated>2024-13-01</updated>",
             "&lt;p&gt;", "<![CDATA[<b>x</b>]]>", "Iran funds Hamas.", "</channel></rss>",
             "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;"]  # fmt: skip


def _markup(bits: list[str]) -> st.SearchStrategy[bytes]:
    return st.lists(st.one_of(st.sampled_from(bits), st.text(max_size=15)), max_size=30).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


# --- claim files --------------------------------------------------------------


def _has_document(doc_id: str) -> bool:
    """The knowledge base's answer (it is asked with source ids only)."""
    assert isinstance(doc_id, str), doc_id
    return doc_id == "known"


@fuzzing
@given(lines(record(CLAIM_FIELDS)),
       st.lists(record(CLAIM_FIELDS), max_size=3), st.lists(record({
           "id": st.text(max_size=6), "title": st.text(max_size=10), "published": dates}),
           max_size=2))  # fmt: skip
def test_claim_files_read_or_name_file_and_line(
    data: bytes, claims: list[dict[str, Any]], sources: list[dict[str, Any]]
) -> None:
    path = write("claims.jsonl", data)
    refused_cleanly(lambda: claimfile.read_path(path, gazetteer()[1], _has_document), path)
    text = yaml.safe_dump({"sources": sources, "claims": claims}, allow_unicode=True)
    path = write("claims.yaml", text.encode())
    refused_cleanly(lambda: claimfile.read_path(path, gazetteer()[1], _has_document), path)


# --- document readers ---------------------------------------------------------


@fuzzing
@given(_markup(_HTML_BITS))
def test_html_yields_documents_or_says_why_not(data: bytes) -> None:
    _read_documents(write("page.html", data))


@fuzzing
@given(_markup(_MD_BITS))
def test_markdown_yields_documents_or_says_why_not(data: bytes) -> None:
    _read_documents(write("brief.md", data))


@fuzzing
@given(_markup(_RSS_BITS))
def test_rss_yields_documents_or_says_why_not(data: bytes) -> None:
    _read_documents(write("feed.xml", data))


@fuzzing
@given(st.one_of(st.text().map(str.encode),
                 lines(record({"text": st.text(max_size=30), "title": json_values,
                               "published": dates, "url": json_values}))))  # fmt: skip
def test_plain_text_and_json_lines_yield_documents_or_say_why_not(data: bytes) -> None:
    _read_documents(write("notes.txt", data))
    _read_documents(write("wire.jsonl", data))


@fuzzing
@given(st.one_of(INVALID_UTF8, st.binary(max_size=60)))
def test_bytes_that_are_not_utf8_are_refused_by_every_reader(data: bytes) -> None:
    for suffix in (".html", ".md", ".xml", ".txt", ".jsonl"):
        _read_documents(write("bytes" + suffix, data))
    path = write("bytes.jsonl", data)
    refused_cleanly(lambda: claimfile.read_path(path, gazetteer()[1]), path)
    path = write("bytes.yaml", data)
    refused_cleanly(lambda: claimfile.read_path(path, gazetteer()[1]), path)

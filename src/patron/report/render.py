"""Lay a :class:`~patron.report.brief.Brief` out as Markdown, HTML or PDF.

Markdown: one sentence a line; a factual sentence ends with its footnote markers
(``[^c3][^c7]``) and each footnote opens with the claim id (``[^c3]: `clm-…` …``);
notes on the knowledge base and model output are quoted (``> ``) lines. Text from
claims is HTML-escaped, since a Markdown viewer passes raw HTML through. HTML goes
through Jinja2 with autoescape on: each factual sentence is a
``<span class="fact" data-claims="clm-… clm-…">``. The PDF is the HTML through
WeasyPrint, charts embedded.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from patron.errors import PatronError
from patron.report.brief import Brief, Footnote

__all__ = ["chart_files", "footnote_text", "html_text", "markdown", "pdf", "ranges"]


def footnote_text(note: Footnote) -> str:
    """``clm-…: asserted, grade B2, curated. Publisher, "Title", date, URL. Quote: “…”``"""
    c, doc = note.claim, note.document
    parts = [f"{c.stance}, grade {c.grade}, {note.provenance}"]
    if c.attribution.by:
        parts.append(f"attributed to {c.attribution.by}"
                     + (f" ({c.attribution.date})" if c.attribution.date else ""))
    head = "; ".join(parts) + "."
    if doc is not None:
        source = doc.citation() + (f", {doc.url}" if doc.url else "") + "."
    else:
        source = f"document {c.evidence.document}."
    words = c.evidence.quote or c.statement
    quote = (f" Quote: “{' '.join(words.split())}”" if c.evidence.quote else
             f" Statement: “{' '.join(words.split())}”") if words else ""
    return f"{head} {source}{quote}"


def ranges(numbers: list[int]) -> list[tuple[int, int]]:
    """Footnote numbers as runs, for a reader: ``[1, 2, 3, 7]`` → ``[(1, 3), (7, 7)]``.

    >>> ranges([3, 1, 2, 7])
    [(1, 3), (7, 7)]
    """
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _md(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False).replace("[^", "[\\^")


def chart_files(brief: Brief, target: Path) -> dict[str, Path]:
    """Write the charts beside ``target`` (``brief.md`` → ``brief-support.png``)."""
    out = {}
    for key, png in brief.charts.items():
        path = target.with_name(f"{target.stem}-{key}.png")
        path.write_bytes(png)
        out[key] = path
    return out


def markdown(brief: Brief, charts: dict[str, Path] | None = None) -> str:
    notes = brief.footnotes()
    lines = [f"# {_md(brief.title)}", "",
             f"> Brief written from the knowledge base ({_md(brief.window)}). Every factual "
             "sentence ends with footnotes naming the claims it was written from; quoted lines "
             "like this one speak of the knowledge base or the simulator.", ""]
    for n, section in enumerate(brief.sections, 1):
        lines += [f"## {n}. {_md(section.title)}", ""]
        for paragraph in section.paragraphs:
            for s in paragraph:
                if s.kind == "fact":
                    marks = "".join(f"[^{notes[c].label}]" for c in s.claims)
                    lines.append(_md(s.text) + marks)
                else:
                    lines.append("> " + _md(s.text))
            lines.append("")
        if section.chart and section.chart in brief.charts:
            title = brief.chart_titles.get(section.chart, section.chart)
            if charts and section.chart in charts:
                lines += [f"![{_md(title)}]({charts[section.chart].name})", ""]
            else:
                lines += [f"> Chart left out ({_md(title)}): write the brief with -o FILE to "
                          "get its charts.", ""]
    lines += ["## Sources", ""]
    for cid, note in notes.items():
        lines.append(f"[^{note.label}]: `{cid}` {_md(footnote_text(note))}")
    return "\n".join(lines) + "\n"


def _env() -> Environment:
    return Environment(loader=PackageLoader("patron.report", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def html_text(brief: Brief) -> str:
    notes = brief.footnotes()
    images = {k: "data:image/png;base64," + base64.b64encode(v).decode("ascii")
              for k, v in brief.charts.items()}
    template = _env().get_template("brief.html.j2")
    return template.render(brief=brief, notes=notes, images=images,
                           footnote_text=footnote_text,
                           runs=lambda ids: ranges([notes[i].number for i in ids]))


def pdf(brief: Brief) -> bytes:
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except ImportError as exc:  # the `report` extra is not installed
        raise PatronError("PDF output needs WeasyPrint: pip install 'patron[report]'") from exc

    data: bytes = HTML(string=html_text(brief)).write_pdf()
    return data

"""Analyst briefs: why a patron backs a client, every sentence cited to claims."""

from patron.report.brief import Brief, Footnote, Section, Sentence
from patron.report.build import build_brief
from patron.report.render import chart_files, html_text, markdown, pdf

__all__ = ["Brief", "Footnote", "Section", "Sentence", "build_brief", "chart_files",
           "html_text", "markdown", "pdf"]

"""``build_brief``: a pair with no support gets a short honest brief; ``as_of`` leaves
later claims out."""

from __future__ import annotations

from patron.kb import KnowledgeBase
from patron.report import build_brief, markdown
from patron.timespan import date_bounds
from tests.report.parse import markdown_facts


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

"""Templates escape what the knowledge base holds; the quote highlight escapes each piece."""

from __future__ import annotations

from patron.web.render import env, highlight


def test_highlight_escapes_every_piece() -> None:
    text = "<b>before</b> <script>x()</script> after & <i>"
    at = text.index("<script>")
    out = str(highlight(text, at, at + len("<script>x()</script>")))
    assert out == ("&lt;b&gt;before&lt;/b&gt; <mark id=\"quote\">&lt;script&gt;x()&lt;/script&gt;"
                   "</mark> after &amp; &lt;i&gt;")  # fmt: skip


def test_every_template_is_autoescaped() -> None:
    rendered = env.from_string("{{ x }}").render(x="<script>")
    assert rendered == "&lt;script&gt;"


def test_no_template_marks_text_safe() -> None:
    from pathlib import Path

    import patron.web

    folder = Path(patron.web.__file__).parent / "templates"
    for path in folder.glob("*.html"):
        assert "|safe" not in path.read_text().replace(" ", ""), path.name


def test_only_web_links_become_hrefs() -> None:
    link = env.filters["web_url"]
    assert link("https://example.org/a") == "https://example.org/a"
    assert link("javascript:alert(1)") is None
    assert link(" JaVaScRiPt:alert(1)") is None
    assert link(None) is None

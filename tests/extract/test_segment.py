from __future__ import annotations

from patron.extract.segment import is_boilerplate, sentences


def test_glued_heading_is_cut_off_the_sentence_before() -> None:
    text = "Iran sought to counter Western influence.Shifting Sands: The Evolution of Support\n"
    assert [s.text for s in sentences(text)] == ["Iran sought to counter Western influence."]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "U.S. officials said Iran funds Hamas. Mr. Smith agreed with them."
    assert [s.text for s in sentences(text)] == ["U.S. officials said Iran funds Hamas.",
                                                  "Mr. Smith agreed with them."]


def test_offsets_point_into_the_text() -> None:
    text = "First line here is long enough.\n\n  Second one follows it, also long."
    for s in sentences(text):
        assert text[s.start:s.end] == s.text


def test_menus_contents_and_short_headlines_are_boilerplate() -> None:
    for line in ("Home | World | Middle East", "1. Introduction ........ 3", "Most read",
                 "Iran arms Houthis", "Subscribe to our newsletter for daily updates."):
        assert is_boilerplate(line), line
    assert not is_boilerplate("Iran has armed the Houthis since 2014, UN experts said.")

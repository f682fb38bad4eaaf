from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from patron.extract.segment import MAX_SENTENCE, is_boilerplate, paragraphs, sentences
from tests.factory import REPO


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


def _texts(text: str) -> list[str]:
    """Sentence texts, after checking that every offset points at its sentence."""
    found = sentences(text)
    for s in found:
        assert text[s.start:s.end] == s.text
    return [s.text for s in found]


@pytest.mark.parametrize("heading", [
    "How Tehran Keeps the Houthi Drone Programme Supplied",  # Title Case, over 40 characters
    "THE MONEY TRAIL FROM TEHRAN TO THE GAZA STRIP",  # capitals
    "## Why the land route through Syria mattered so much",  # Markdown heading
    "2. Iran's role in arming the Houthis since the war began",  # numbered heading
    "Sea lanes and smuggling routes in the Gulf of Aden\n"
    "==================================================",  # setext underline
])
def test_heading_is_not_glued_to_next_sentence(heading: str) -> None:
    text = f"{heading}\nIran ships drone engines to the Houthis.\n"
    assert _texts(text) == ["Iran ships drone engines to the Houthis."]


def test_headline_above_a_longer_paragraph_stays_apart() -> None:
    text = ("Qatar weighs the future of the Hamas office as talks stall in Doha\n"
            "Qatar's foreign ministry said on Sunday that the Hamas political office in Doha "
            "would stay open for as long as it served the negotiations.\n")
    assert _texts(text) == ["Qatar's foreign ministry said on Sunday that the Hamas political "
                            "office in Doha would stay open for as long as it served the "
                            "negotiations."]


def test_heading_after_a_paragraph_is_not_glued_to_it() -> None:
    text = ("UN experts traced the missile parts to Iranian factories, the report says\n"
            "Iran's Quiet Partnership With the Houthi Movement\n"
            "Iran denies arming the Houthis.\n")
    assert "Iran denies arming the Houthis." in _texts(text)
    assert not any("Partnership" in s for s in _texts(text))


def test_list_items_are_separate_sentences() -> None:
    text = ("What the panel found:\n"
            "- Iran has supplied the Houthis with drone engines and missile parts,\n"
            "  most of them shipped by dhow across the Arabian Sea.\n"
            "* Hezbollah has sent trainers and advisers to the Houthis in Yemen.\n"
            "• Oman has denied that weapons for the Houthis cross its border.\n"
            "1. Eritrea is suspected of hosting a transit point for the shipments\n"
            "a) Sudan seized one cargo bound for the Houthis in the summer of 2023.\n"
            "b) Iran has sent drones, missile parts and engineers to the Houthis in Yemen "
            "since at least 2015;\n"
            "c) Hezbollah denies that it has any fighters in Yemen.\n")
    assert _texts(text) == [
        "Iran has supplied the Houthis with drone engines and missile parts,\n"
        "  most of them shipped by dhow across the Arabian Sea.",
        "Hezbollah has sent trainers and advisers to the Houthis in Yemen.",
        "Oman has denied that weapons for the Houthis cross its border.",
        "Sudan seized one cargo bound for the Houthis in the summer of 2023.",
        "Iran has sent drones, missile parts and engineers to the Houthis in Yemen "
        "since at least 2015;",
        "Hezbollah denies that it has any fighters in Yemen.",
    ]


def test_menus_and_link_lists_are_never_joined_to_prose() -> None:
    text = ("Home | World | Middle East | Opinion\n"
            "Iran funds Hamas | Houthis strike a tanker | Qatar talks stall in Doha\n"
            "News · Analysis · Video\n"
            "World\n"
            "Middle East\n"
            "Africa\n"
            "Qatar says the Hamas office in Doha will stay open while the talks go on.\n")
    assert _texts(text) == [
        "Qatar says the Hamas office in Doha will stay open while the talks go on."]


PARAGRAPH = (
    "The Treasury said on Friday that money for the armed wing of Hamas had passed through "
    "exchange houses in Gaza and Istanbul. According to the Treasury, Gaza's Herzallah Exchange "
    "moved millions of dollars to Hamas on behalf of Iran's Quds Force, and the Turkish firm that "
    "handled the transfers has now been sanctioned as well. Qatar, which hosts the Hamas political "
    "bureau in Doha, was not named in the statement by Lt. Gen. Sami Haddad of the U.S. Army."
)


@pytest.mark.parametrize("width", [60, 66, 72, 79])
def test_hard_wrapped_prose_is_joined(width: int) -> None:
    flat = _texts(PARAGRAPH)
    assert len(flat) == 3
    wrapped = [" ".join(s.split()) for s in _texts(textwrap.fill(PARAGRAPH, width))]
    assert wrapped == flat


def test_wrapped_line_ending_in_names_is_not_a_heading() -> None:
    text = ("The minister said that he had spoken on Tuesday with the Turkish\n"
            "Foreign Minister Hakan Fidan and the Qatari Prime Minister Mohammed\n"
            "bin Abdulrahman Al Thani about the talks.\n")
    assert _texts(text) == [text.strip()]


def test_number_that_starts_a_wrapped_line_is_not_a_list_item() -> None:
    text = ("The United States suspended its aid to the Houthi-held north from March\n"
            "27. Washington said the Houthis had diverted food meant for civilians.\n")
    assert _texts(text) == [
        "The United States suspended its aid to the Houthi-held north from March\n27.",
        "Washington said the Houthis had diverted food meant for civilians.",
    ]


def test_blank_line_ends_a_paragraph_that_lacks_a_full_stop() -> None:
    text = ("Iran has long denied sending weapons to the Houthis in Yemen, officials say\n\n"
            "The panel found Iranian markings on the drone engines it examined.\n")
    assert _texts(text)[-1] == "The panel found Iranian markings on the drone engines it examined."


def test_quotation_after_a_colon_stays_with_its_speaker() -> None:
    text = ("Following the strike on the port, the Foreign Secretary said in a statement:\n"
            "“Iran must stop arming the Houthis.”\n")
    assert _texts(text) == [text.strip()]


def test_long_unpunctuated_text_is_cut_into_bounded_pieces_that_cover_it() -> None:
    text = textwrap.fill("the shipment went on, " * 50_000, 72)  # a million characters
    found = sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE for s in found)
    assert len(found) >= len(text) // MAX_SENTENCE
    covered = "".join(s.text.replace("\n", " ") for s in found).replace(" ", "")
    assert covered == text.replace("\n", " ").replace(" ", "")
    # cut at a clause mark, not inside a word
    assert all(s.text.endswith(",") for s in found[:-1])


def test_a_long_line_with_a_few_bullets_is_prose_not_a_menu() -> None:
    line = ("Iran funds Hamas · officials say " + "the money moves through exchanges " * 10
            + "· and Qatar pays salaries")
    assert not is_boilerplate(line)
    assert is_boilerplate("Home | World · Iran | Sport")


def test_windows_line_breaks_keep_offsets_exact() -> None:
    text = ("Why Tehran Pays for the Gaza Rockets\r\n\r\n"
            "Iran has paid for rockets fired from Gaza by Hamas\r\n"
            "and Palestinian Islamic Jihad, Israeli officials say.\r\n")
    assert _texts(text) == ["Iran has paid for rockets fired from Gaza by Hamas\r\n"
                            "and Palestinian Islamic Jihad, Israeli officials say."]


def _examples() -> str:
    folder = REPO / "examples" / "documents"
    paths = sorted([*folder.glob("*.txt"), *folder.glob("*.md")])
    return "\n\n".join(p.read_text(encoding="utf-8") for p in paths)


def _pieces(text: str, size: int, pulled: list[int]) -> Iterator[str]:
    """``text`` in pieces of ``size``; ``pulled[0]`` counts the characters handed out."""
    for i in range(0, len(text), size):
        pulled[0] += len(text[i : i + size])
        yield text[i : i + size]


@pytest.mark.parametrize("joiner", ["\n\n", "\n", "\r\n"])
@pytest.mark.parametrize("limit", [600, 2_000, 9_000])
def test_blocks_cover_the_text_hold_little_and_give_the_same_sentences(
    joiner: str, limit: int
) -> None:
    text = joiner.join(_examples().split("\n\n")) * 3  # paragraphs with and without blank lines
    pulled = [0]
    blocks = []
    for offset, block in paragraphs(_pieces(text, 300, pulled), limit):
        assert len(block) <= limit
        assert pulled[0] - offset <= limit + 300  # never more than a block and a piece held
        blocks.append((offset, block))
    assert "".join(b for _, b in blocks) == text
    assert [o for o, _ in blocks] == [sum(len(b) for _, b in blocks[:i])
                                      for i in range(len(blocks))]  # fmt: skip
    if limit < 2 * max(len(p) for p in text.split(joiner)):
        return  # a paragraph with no place to cut in a half block is cut inside: see below
    whole = [(s.start, s.end, s.text) for s in sentences(text)]
    parts = [(o + s.start, o + s.end, s.text) for o, b in blocks for s in sentences(b)]
    assert parts == whole


def test_a_text_within_the_limit_is_one_block_itself() -> None:
    text = _examples()
    ((offset, block),) = paragraphs([text], len(text))
    assert offset == 0 and block is text
    assert list(paragraphs([], 10)) == list(paragraphs([""], 10)) == []


def test_a_paragraph_longer_than_a_block_is_cut_at_a_sentence_end_or_a_space() -> None:
    sentence = "Iran sent money to Hamas through Sudan in 2019. "
    blocks = [b for _, b in paragraphs([sentence * 100], 1_000)]
    assert all(b.endswith(". ") for b in blocks[:-1])
    words = [b for _, b in paragraphs(["word " * 1_000], 1_000)]
    assert all(b.endswith(" ") and len(b) <= 1_000 for b in words[:-1])
    assert "".join(words) == "word " * 1_000


def test_a_line_above_a_setext_underline_is_not_cut_from_it(tmp_path: Path) -> None:
    head = "Iran funds Hamas.\n" * 20
    text = head + "Iran backs Hamas.\n=====\nQatar hosts Hamas leaders in Doha.\n"
    cuts = [o for o, _ in paragraphs([text], len(head) + 20)]
    assert cuts[1] <= len(head)  # not after "Iran backs Hamas.", whose heading it is

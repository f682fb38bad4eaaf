"""Descriptive mentions: armed or governing collectives named by what they are.

Third-party reporting names many of its actors by description: "government
forces", "the coalition", "Kurdish fighters", "Shia militiamen", "Syrian rebels".
A gazetteer cannot hold them, and only a pair of mentions can be related, so
without them "Kurdish fighters, backed by coalition aircraft, retook the town" has
no pair at all.

A descriptive mention is a head noun of :data:`HEADS` ("forces", "fighters",
"rebels", "coalition", "government" …) with up to three modifiers before it
(capitalised words, or words of :data:`MODIFIERS`); a head alone counts only after
"the" and not for a state's forces ("the coalition", "the rebels"; "the army" and
"the government" are some state's own, which the text named). How it is resolved:

- a state's demonym before a head of *state* forces or "fighters" ("Syrian
  government forces", "Iraqi troops", "Iranian fighters") is that state: the
  gazetteer's mention stands, and so does any other name the phrase holds
  ("Hezbollah fighters");
- a demonym right before a head of *non-state* fighters ("Syrian rebels",
  "Palestinian militants") is not the state: the phrase replaces the demonym;
- anything else ("government forces", "the coalition", "Kurdish fighters") is new;
- a phrase that belongs to a named actor is left alone: after a possessive
  ("Ukraine's armed forces", "its fighters") or before "of"/"in"/"from" and a name
  ("the government of Iraq", "forces in Damascus"). After a compound
  ("Iran-backed militias") the phrase stands for the compound's client.

The caller makes each new phrase a candidate actor of one document (a description
names different actors in different texts).

>>> from patron.extract.mentions import Mention
>>> text = "Syrian rebels and government forces clashed near Aleppo."
>>> syria = Mention(0, 6, "syria", "state", "demonym")
>>> drop, found = descriptive(text, [syria])
>>> drop, [(name, kind) for _, _, name, kind in found]
([0], [('Syrian rebels', 'armed_group'), ('government forces', 'state_organ')])
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import ahocorasick_rs

from patron.extract.mentions import Mention

__all__ = ["HEADS", "MODIFIERS", "descriptive"]

#: Head noun -> the kind of actor it names. Heads of state forces name a state's
#: organs (a demonym before them is the state); the others name fighters it is not.
HEADS: dict[str, str] = {
    "forces": "state_organ", "troops": "state_organ", "soldiers": "state_organ",
    "army": "state_organ", "military": "state_organ", "government": "state_organ",
    "authorities": "state_organ", "police": "state_organ", "navy": "state_organ",
    "fighters": "armed_group", "militants": "armed_group", "militiamen": "armed_group",
    "militia": "armed_group", "militias": "armed_group", "rebels": "armed_group",
    "insurgents": "armed_group", "jihadists": "armed_group", "guerrillas": "armed_group",
    "tribesmen": "armed_group", "paramilitaries": "armed_group", "opposition": "armed_group",
    "coalition": "coalition",
}
_STATE_HEADS = frozenset(h for h, k in HEADS.items() if k == "state_organ")
# Heads a demonym before them owns ("Iranian fighters" were sent by Iran): as in our cases.
_DEMONYM_OWNS = _STATE_HEADS | {"fighters"}
# Modifiers that make any head name fighters a state is not ("opposition forces").
_NON_STATE = frozenset({
    "opposition", "rebel", "insurgent", "militant", "jihadist", "islamist", "militia",
    "anti-government", "anti-regime", "tribal", "kurdish", "sunni", "shia", "shiite", "proxy",
    "paramilitary", "loyalist", "pro-government", "pro-regime",
})
#: Lower-case words that may qualify a head ("government forces", "pro-regime militias").
MODIFIERS = frozenset({
    "government", "security", "opposition", "rebel", "coalition", "allied", "armed", "tribal",
    "militia", "islamist", "jihadist", "sunni", "shia", "shiite", "kurdish", "arab", "local",
    "ground", "special", "international", "foreign", "regime", "loyalist", "paramilitary",
    "western", "global", "military", "partner", "partnered", "proxy", "insurgent", "militant",
    "regular", "federal", "national", "multinational", "anti-government", "pro-government",
    "pro-regime", "anti-regime",
})
# Capitalised words that open a sentence or clause without qualifying a head.
_NOT_MODIFIERS = frozenset({
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "And", "But", "Of", "To",
    "When", "While", "After", "Before", "As", "Its", "Their", "His", "Her", "Our", "These",
    "Those", "This", "That", "Some", "Many", "Most", "Both", "All", "Other", "Thousands",
    "Hundreds", "Dozens", "Several", "Meanwhile", "However", "Later", "Earlier", "Then", "If",
    "Since", "Although", "Though", "Where", "Why", "How", "What", "Which", "Who", "It", "They",
    "We", "He", "She", "I", "Two", "Three", "Four", "Five", "Ten", "No",
})
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your", "whose"})
_HEAD_WORDS = ahocorasick_rs.AhoCorasick(
    list(HEADS), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
    implementation=ahocorasick_rs.Implementation.ContiguousNFA)
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([\w'’-]+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([\w-]+)")
_OWNER_AFTER = re.compile(r"[ \t]+(?:of|in|from)[ \t]+(?:the[ \t]+)?$")
_COMPOUND = re.compile(r"-(?:backed|led|allied|aligned|supported|sponsored|funded|armed|"
                       r"trained|affiliated|linked)$", re.IGNORECASE)
_MAX_MODIFIERS = 3


def descriptive(text: str, mentions: Sequence[Mention]) -> tuple[
        list[int], list[tuple[int, int, str, str]]]:
    """The descriptive mentions of ``text`` beside ``mentions`` (sorted by start, disjoint).

    Returns the indices of ``mentions`` that a descriptive mention replaces (a demonym
    before a head of non-state fighters) and the new mentions ``(start, end, name,
    kind)``, in text order.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        return [], []  # offsets would not hold; such text is rare in English reporting
    starts = [m.start for m in mentions]
    drop: list[int] = []
    out: list[tuple[int, int, str, str]] = []
    done = 0
    for _, head_start, head_end in _HEAD_WORDS.find_matches_as_indexes(lowered):
        if head_start < done or not _bounded(text, head_start, head_end):
            continue
        if head_end < len(text) and text[head_end] == "-":
            continue  # "coalition-backed": it qualifies what follows
        after = _WORD_AFTER.match(lowered, head_end)
        if after is not None and after.group(1) in HEADS:
            continue  # "opposition forces", "militia fighters": the next head ends it
        head = lowered[head_start:head_end]
        if _covered(starts, mentions, head_start, head_end):
            continue  # "Syrian Democratic Forces": a name the text already has
        found = _phrase(text, head_start, head, mentions, starts)
        if found is None or _owned_after(text, head_end, mentions, starts):
            continue
        start, replaced, non_state = found
        if replaced is not None:
            drop.append(replaced)
        kind = "armed_group" if non_state and HEADS[head] == "state_organ" else HEADS[head]
        out.append((start, head_end, text[start:head_end], kind))
        done = head_end
    return drop, out


def _bounded(text: str, start: int, end: int) -> bool:
    return not ((start > 0 and text[start - 1].isalnum())
                or (end < len(text) and text[end].isalnum()))


def _covered(starts: list[int], mentions: Sequence[Mention], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and mentions[i].end > start


def _phrase(text: str, head_start: int, head: str, mentions: Sequence[Mention],
            starts: list[int]) -> tuple[int, int | None, bool] | None:
    """Where the phrase ending in ``head`` starts, the index of the demonym mention it
    replaces (if any) and whether it names fighters that are no state's; None when
    the head is no descriptive mention."""
    start = head_start
    words: list[str] = [head]
    replaced: int | None = None
    compound = False
    while len(words) <= _MAX_MODIFIERS:
        m = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if m is None:
            break
        word = m.group(1)
        i = bisect.bisect_right(starts, m.start(1)) - 1
        mention = mentions[i] if i >= 0 and mentions[i].end > m.start(1) else None
        if mention is not None:
            if _COMPOUND.search(word):
                compound = True  # "Iran-backed militias": the militias are its client
                break
            if (mention.form == "demonym" and mention.kind == "state"
                    and mention.start == m.start(1) and _non_state(words)):
                replaced, start = i, mention.start  # "Syrian rebels" are not Syria
                break
            return None  # "Syrian troops", "Hezbollah fighters": the name stands
        if word.lower() in MODIFIERS or (
                word[:1].isupper() and word.isalpha() and word not in _NOT_MODIFIERS):
            start = m.start(1)
            words.append(word.lower())
            continue
        break
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    previous = before.group(1).lower() if before else ""
    if previous in _POSSESSIVES or previous.endswith(("'s", "’s")):
        return None  # "its fighters", "Ukraine's armed forces": a named actor's own
    if start == head_start and not compound and (previous != "the" or head in _STATE_HEADS):
        return None  # a head alone counts only as "the coalition", "the rebels"; "the
        # army", "the government" are some named state's own
    return start, replaced, _non_state(words)


def _non_state(words: Sequence[str]) -> bool:
    return words[0] not in _DEMONYM_OWNS or any(w in _NON_STATE for w in words[1:])


def _owned_after(text: str, end: int, mentions: Sequence[Mention], starts: list[int]) -> bool:
    """Does a name follow the phrase ending at ``end`` ("the government of Iraq")?"""
    i = bisect.bisect_left(starts, end)
    return i < len(mentions) and mentions[i].start - end <= 12 and \
        _OWNER_AFTER.match(text, end, mentions[i].start) is not None

"""Actor mentions: gazetteer names found in text, short references, new organisations.

Two Aho-Corasick automata scan a document once: one over the lower-cased text for
names and aliases, one over the text as written for acronyms and other short
all-capital names ("US" is the United States, "us" is not). A match counts only
at word boundaries; overlapping matches keep the leftmost, then the longest.

Invariant: the matcher is a pure function of the actor list it was built from.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import ahocorasick_rs

from patron.model import Actor
from patron.vocab import VOCAB

__all__ = ["Gazetteer", "Mention", "candidate_orgs", "referents", "resolve_references"]

# Kinds that can be a patron or client (vocab.yaml ``party``); places only appear on routes.
ACTOR_KINDS = frozenset(VOCAB.party_kinds)
# The compact automaton: in a whole extraction, where the rules' work pushes it out of
# the CPU caches between documents, it scans faster than the larger DFA (measured in
# bench/RESULTS.md), and it finds the same matches.
_AUTOMATON = ahocorasick_rs.Implementation.ContiguousNFA


def _words(*words: str) -> ahocorasick_rs.AhoCorasick:
    """Finds the words as a regular-expression alternation of them would: leftmost first."""
    return ahocorasick_rs.AhoCorasick(
        words, matchkind=ahocorasick_rs.MatchKind.LeftmostFirst, implementation=_AUTOMATON
    )


_GROUP_KINDS = frozenset({"armed_group", "political_org", "coalition"})
_STATE_KINDS = frozenset({"state"})


class Mention(NamedTuple):
    start: int
    end: int
    actor: str
    kind: str
    form: str  # name, alias, acronym, demonym, metonym, reference, candidate, description


class _FoldTable(dict[int, str]):
    """Code point → its lower-case letter without diacritics, computed once per character."""

    def __missing__(self, code: int) -> str:
        base = unicodedata.normalize("NFKD", chr(code))[0]
        out = base if len(base) == 1 else chr(code)
        out = "'" if out == "’" else out
        self[code] = out
        return out


_FOLD = _FoldTable()


def _fold(text: str) -> str:
    """Lower case without diacritics, one character for one (offsets stay valid)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    if len(lowered) != len(text):  # a few letters lower-case to two ("İ"): keep offsets
        lowered = "".join(ch.lower()[0] for ch in text)
    return _NON_ASCII.sub(_fold_char, lowered)  # only the few non-ASCII letters need the table


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD[ord(m.group())]


def _case_sensitive(form: str, name: str) -> bool:
    return form == "acronym" or (len(name) <= 4 and name.isupper()) or len(name) <= 2


class Gazetteer:
    """Finds every name of every actor in a text."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors = {a.id: a for a in actors}
        folded: dict[str, list[tuple[str, str]]] = {}
        exact: dict[str, list[tuple[str, str]]] = {}
        for actor in self.actors.values():
            for form, name in actor.names():
                if form in ("id", "wikidata") or not name.strip():
                    continue
                if _case_sensitive(form, name):
                    exact.setdefault(name, []).append((actor.id, form))
                else:
                    key = _fold(name)
                    folded.setdefault(key, []).append((actor.id, form))
                    if key.startswith("the ") and " " in key[4:]:
                        folded.setdefault(key[4:], []).append((actor.id, form))
        # One owner table for both automata: exact keys are numbered after the folded ones.
        self._owners = [tuple(o) for o in folded.values()] + [tuple(o) for o in exact.values()]
        self._folded = ahocorasick_rs.AhoCorasick(list(folded), implementation=_AUTOMATON)
        self._exact = ahocorasick_rs.AhoCorasick(list(exact), implementation=_AUTOMATON)
        self._exact_base = len(folded)

    def kind(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.kind if actor else "armed_group"

    def find(self, text: str) -> list[Mention]:
        """Every unambiguous gazetteer mention in ``text``, in order."""
        hits = self._folded.find_matches_as_indexes(_fold(text), overlapping=True)
        base = self._exact_base
        hits += [(i + base, s, e) for i, s, e in self._exact.find_matches_as_indexes(
            text, overlapping=True)]
        hits.sort(key=_leftmost_longest)
        out: list[Mention] = []
        last_end = -1
        size = len(text)
        actors = self.actors
        table = self._owners
        for index, start, end in hits:
            if start < last_end:
                continue
            # a name counts only at word boundaries
            if (start > 0 and text[start - 1].isalnum()) or (end < size and text[end].isalnum()):
                continue
            last_end = end
            owners = table[index]
            actor_id, form = owners[0]
            if len(owners) > 1 and any(other != actor_id for other, _ in owners):
                continue  # a name shared by two actors is no evidence for either
            actor = actors.get(actor_id)
            out.append(Mention(start, end, actor_id, actor.kind if actor else "armed_group", form))
        return out


def _leftmost_longest(hit: tuple[int, int, int]) -> tuple[int, int]:
    return (hit[1], hit[1] - hit[2])


_REFERENCE = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:militant|armed|islamist|palestinian|lebanese|yemeni|iraqi|"
    r"shiite|shia|sunni|rebel|terrorist|political)\s+)?(group|movement|militia|organi[sz]ation|"
    r"faction|rebels)\b|\b(?:the|this)\s+(country|regime|islamic republic|kingdom)\b",
    re.IGNORECASE,
)


def referents(mentions: Iterable[Mention]) -> list[Mention]:
    """What a later reference may take (see resolve_references): of ``mentions``, in
    text order, the last armed group, organisation or coalition, and the last state."""
    last: dict[bool, Mention] = {}
    for m in mentions:
        if m.kind in _GROUP_KINDS or m.kind in _STATE_KINDS:
            last[m.kind in _STATE_KINDS] = m
    return list(last.values())


def resolve_references(
    text: str, mentions: Sequence[Mention], gazetteer: Gazetteer,
    preceding: Sequence[Mention] = (),
) -> list[Mention]:
    """Short references ("the group", "the regime") → the last fitting actor named before.

    "the group" and its kin take the last armed group, political organisation or
    coalition named earlier in the text; "the country"/"the regime" the last state.
    ``preceding`` (see referents) are mentions from text before this one, when a
    long document is read a block at a time: a reference the text does not resolve
    takes them. Returns the mentions with the resolved references merged in, in order.
    """
    before = [Mention(-1, -1, m.actor, m.kind, m.form) for m in referents(preceding)]
    ordered = [*before, *sorted(mentions)]  # by start: mentions do not overlap
    ends = [m.end for m in ordered]  # sorted too
    refs: list[Mention] = []
    for ref in _references(text):
        i = bisect.bisect_right(ends, ref.start()) - 1
        wanted = _STATE_KINDS if ref.group(2) is not None else _GROUP_KINDS
        while i >= 0 and ordered[i].kind not in wanted:
            i -= 1
        if i >= 0:
            earlier = ordered[i]
            refs.append(Mention(ref.start(), ref.end(), earlier.actor, earlier.kind, "reference"))
    if not refs:
        return ordered[len(before) :]
    starts = [m.start for m in ordered]
    extra = [r for r in refs if not _overlaps(starts, ordered, r.start, r.end)]
    return sorted([*ordered[len(before) :], *extra])


# Every reference ends in one of these nouns: look for them first (in lower case).
_REFERENCE_HEAD = _words(
    "group", "movement", "militia", "organisation", "organization", "faction", "rebels",
    "country", "regime", "republic", "kingdom",
)


def _references(text: str) -> list[re.Match[str]]:
    """What ``_REFERENCE.finditer(text)`` yields, looked for only just before each head noun."""
    out: list[re.Match[str]] = []
    done = 0
    lowered = text.lower()
    if len(lowered) != len(text):
        return list(_REFERENCE.finditer(text))
    for _, head_start, head_end in _REFERENCE_HEAD.find_matches_as_indexes(lowered):
        if head_start < done:
            continue
        ref = _REFERENCE.search(text, max(done, head_start - 80), head_end + 1)
        if ref is not None and ref.end() <= head_end:
            out.append(ref)
            done = ref.end()
    return out


def _overlaps(starts: list[int], ordered: Sequence[Mention], start: int, end: int) -> bool:
    """Does [start, end) overlap any of the (sorted, disjoint) mentions?"""
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and ordered[i].end > start


_ORG = re.compile(
    r"\b((?:(?:al-|Al-)?[A-Z][\w'’-]+\s+){1,4}"
    r"(?:Brigades?|Front|Movement|Army|Battalions?|Militia|Jihad|Mujahideen|Corps|Foundation|"
    r"Organi[sz]ation|Party|Network))\b"
)
# Every match ends in one of these words: look for them first, then back over at most
# four capitalised words, so the costly pattern runs only where it can match.
_ORG_HEAD = _words(
    "Brigade", "Front", "Movement", "Army", "Battalion", "Militia", "Jihad", "Mujahideen",
    "Corps", "Foundation", "Organisation", "Organization", "Party", "Network",
)
_ORG_WORDS = re.compile(r"\b(?:(?:al-|Al-)?[A-Z][\w'’-]+\s+){1,4}$")
_ORG_KIND = {
    "Foundation": "intermediary",
    "Network": "intermediary",
    "Party": "political_org",
    "Movement": "political_org",
    "Organisation": "political_org",
    "Organization": "political_org",
}
# A title before one to three capitalised words names a person ("President Hamid
# Karzai", "Foreign Minister Ayman Safadi"); the title is part of the mention.
_TITLED = re.compile(
    r"\b(?:President|Prime Minister|(?:Foreign|Defen[cs]e|Interior) Minister|"
    r"Secretary of State|(?:Defen[cs]e|Foreign) Secretary|Crown Prince|King|Sheikh|Emir|"
    r"Chancellor|Ayatollah|Senator)\s+"
    r"(?P<name>(?:(?:al-|el-|bin |ibn )?[A-Z][\w'’-]+\s){0,2}(?:al-|el-|bin |ibn )?[A-Z][\w'’-]+)"
)
# Capitalised words that follow a title without being a name.
_NOT_A_NAME = frozenset({
    "Administration", "Government", "Office", "Council", "Ministry", "Party", "Palace",
    "House", "Cabinet", "Said", "Says", "The", "And", "Of", "On", "In", "Has", "Had", "Was",
    "Is", "Will", "Would", "Who", "Whose", "Told", "Met", "After", "Before",
})
_LEADING = re.compile(r"^(?:The|A|An|In|On|At|By|For|From|With|And|But|Of|To|When|While|After)\s+")


def candidate_orgs(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, str, str]]:
    """Capitalised organisation names the gazetteer lacks, and people named with a
    title ("President Hamid Karzai"): ``(start, end, name, kind)``, in text order.

    They become new candidate actors, so a claim about an unknown brigade or
    minister is kept (and shown as such) rather than dropped.
    """
    ordered = sorted(mentions, key=lambda x: x.start)
    starts = [x.start for x in ordered]
    out = []
    for m in _org_matches(text):
        name = m.group(1)
        lead = _LEADING.match(name)
        start = m.start(1) + (lead.end() if lead else 0)
        name = text[start : m.end(1)]
        if len(name.split()) < 2:
            continue
        if _overlaps(starts, ordered, start, m.end(1)):
            continue
        kind = _ORG_KIND.get(name.split()[-1], "armed_group")
        out.append((start, m.end(1), name, kind))
    taken = sorted(
        [*ordered, *(Mention(a, b, "", k, "candidate") for a, b, _, k in out)],
        key=lambda x: x.start)
    starts = [x.start for x in taken]
    for m in _TITLED.finditer(text):
        name = m.group("name")
        words = name.split()
        while words and words[-1] in _NOT_A_NAME:
            words.pop()
        if not words or words[0] in _NOT_A_NAME:
            continue
        end = m.start("name") + len(" ".join(words))
        if not _overlaps(starts, taken, m.start(), end):
            out.append((m.start(), end, text[m.start("name"):end], "person"))
    return sorted(out)


def _org_matches(text: str) -> list[re.Match[str]]:
    """What ``_ORG.finditer(text)`` yields, found from the head words backwards."""
    out: list[re.Match[str]] = []
    done = 0  # matches do not overlap: the next one starts after the last
    for _, head_start, _ in _ORG_HEAD.find_matches_as_indexes(text):
        if head_start < done:
            continue
        words = _ORG_WORDS.search(text, max(done, head_start - 200), head_start)
        if words is None:
            continue
        m = _ORG.match(text, words.start())
        if m is not None:
            out.append(m)
            done = m.end()
    return out

"""Stance and attribution: how strongly a sentence commits to a claim, and who says so.

The rule is conservative: a claim takes the weakest stance any cue in its
sentence gives it. "Reportedly", "according to", "X said" make it ``reported``;
"allegedly", "accused", "suspected" ``alleged``; "no evidence", "unclear whether"
``disputed``; a denial or a negation of the relation ``denied``. Only a plain
statement by the document's own voice stays ``asserted``.

>>> stance_of("Iran reportedly funds Hamas.", 14)
'reported'
>>> stance_of("Iran denies arming the Houthis.", 11)
'denied'
>>> stance_of("Iran armed the Houthis, Saudi officials claimed.", 5)
'alleged'
>>> stance_of("The Houthis claimed the attack on the tanker.", 19)
'reported'
>>> find_attribution("According to a 2020 US State Department report, Iran gave $100m.")
'US State Department'
"""

from __future__ import annotations

import re
from functools import lru_cache

from patron.extract.cues import PatternIndex

__all__ = ["find_attribution", "is_question", "negated_near", "stance_of"]

_DENIED = re.compile(
    r"\b(den(?:y|ies|ied|ying|ial)|reject(?:s|ed)?\s+(?:the\s+)?(?:claims?|accusations?|"
    r"allegations?|reports?)|dismiss(?:es|ed)?\s+(?:the\s+)?(?:claims?|accusations?|"
    r"allegations?|reports?)|refut(?:es|ed))\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(not|never|no longer|neither|nor|didn['’]t|doesn['’]t|don['’]t|hasn['’]t|haven['’]t|"
    r"isn['’]t|wasn['’]t|won['’]t|cannot|can['’]t|stopped|ceased)\b",
    re.I,
)
_DISPUTED = re.compile(
    r"\b(no (?:direct |hard |clear |concrete )?evidence|unclear (?:whether|if)|"
    r"(?:could|can)\s?not (?:confirm|verify)|unconfirmed|unverified|disputed?|doubt(?:s|ed|ful)?|"
    r"question(?:s|ed)? whether|contested|skeptic\w*|sceptic\w*)\b",
    re.I,
)
_ALLEGED = re.compile(
    r"\b(alleg\w*|accus\w*|suspect\w*|charg(?:es|ed) that|purported(?:ly)?|claim(?:s|ed)? that|"
    r"blam\w*)\b"
    # "..., a European diplomat claimed.": a claim put to a source at the end, not a report
    # ("claimed the attack" and "claimed responsibility" stay the group's own report)
    r"|,\s+(?:[^\s,;]+\s+){1,6}claim(?:s|ed)\s*[.!]?\s*$",
    re.I,
)
_REPORTED = re.compile(
    r"\b(reported(?:ly)?|according to|said|says|say|saying|told|stated|believed|thought to|"
    r"is said|are said|appears? to|appeared to|apparently|likely|probably|possibly|"
    r"may have|might have|could have|estimat\w*|suggest\w*|indicat\w*|assess\w*|"
    r"found that|concluded|insist\w*|maintain\w*|argue[sd]?|view(?:ed)? as|seen as|"
    r"widely (?:reported|believed|seen|described|regarded)|described as|describ\w+|"
    r"admit\w*|acknowledg\w*|confirm\w*|announc\w*|conced\w*|called|call|calls|"
    r"label\w*|accord(?:ing)? to|quot\w*|cited|citing|present(?:s|ed)\s+(?:\w+\s+){0,5}as|"
    r"(?:has|have|had)\s+put\s+|telling|"
    r"reports? (?:say|said|suggest\w*)|claim(?:s|ed)?(?! that))\b",
    re.I,
)
_AFTER_DENIAL = re.compile(
    r"\b(?:which|a\s+claim|a\s+charge|an\s+accusation|claims?|charges?|"
    r"accusations?|allegations?|reports?|but)\b",
    re.I,
)


def negated_near(sentence: str, left_end: int, right_start: int, right_end: int) -> bool:
    """Is there a negation between two mentions, or just after the second ("did not meet")?

    For a relation found by the classifier there is no trigger word to look before;
    the words between the two sides, and a short way after, are where a negation
    of it stands.
    """
    return bool(_NEGATION.search(sentence, left_end, max(left_end, right_start))
                or _NEGATION.search(sentence, right_end, min(len(sentence), right_end + 25)))


def is_question(sentence: str) -> bool:
    return sentence.rstrip().rstrip("\"”’')").endswith("?")


def stance_of(sentence: str, trigger_at: int) -> str:
    """The stance the sentence gives a relation whose trigger word starts at ``trigger_at``.

    Negation counts only shortly before the trigger ("did not fund"); the other cues
    count anywhere in the sentence.
    """
    disputed, denial_at, after_denial, alleged, reported = _cues(sentence)
    if disputed:
        return "disputed"
    if denial_at is not None:
        # "…, a claim Kigali denies" / "rejects accusations that…": one side asserts,
        # the other denies.
        if denial_at > trigger_at or after_denial:
            return "disputed"
        return "denied"
    window = sentence[max(0, trigger_at - 30) : trigger_at]
    if _NEGATION.search(window):
        return "denied"
    if alleged:
        return "alleged"
    if reported:
        return "reported"
    return "asserted"


@lru_cache(maxsize=8)  # the relations of one sentence share it; nothing across documents
def _cues(sentence: str) -> tuple[bool, int | None, bool, bool, bool]:
    """Sentence-wide cues, computed once for all the relations in a sentence."""
    possible = _CUES.scan(sentence)

    def search(index: int) -> re.Match[str] | None:
        return possible.search(sentence, index, 0, len(sentence))

    denial = search(1)
    return (bool(search(0)), denial.start() if denial else None,
            bool(denial and search(4)), bool(search(2)), bool(search(3)))


# Scanned for their literal starts once, so a pattern runs only where it can match.
_CUE_PATTERNS = (_DISPUTED, _DENIED, _ALLEGED, _REPORTED, _AFTER_DENIAL)
_CUES = PatternIndex(_CUE_PATTERNS)


_ACCORDING = re.compile(
    r"\b(?i:according to)\s+(?:an?\s+|the\s+)?(?:(?:19|20)\d\d\s+)?"
    r"([A-Z][\w.&’'-]*(?:\s+(?:of|the|for|and|[A-Z][\w.&’'-]*)){0,8})",
    re.U,
)
_SAID_BEFORE = re.compile(
    r"((?:[A-Z][\w.’'-]*\s+){0,5}(?:officials?|analysts?|sources?|diplomats?|experts?|"
    r"investigators?|spokes(?:man|woman|person)|minister|officers?|leaders?|panel|report|"
    r"[A-Z][\w.’'-]+))\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|told|stated|claimed|claims|"
    r"alleged|alleges|accused|accuses|reported|reports|estimated|estimates|concluded|found|"
    r"believes?|denied|denies|insisted|warned)\b"
)
# Every _SAID_BEFORE match ends in one of these (as written: the pattern heeds case).
_SAID_VERBS = (
    "said", "say", "told", "stated", "claim", "alleg", "accus", "report", "estimat", "concluded",
    "found", "believe", "denie", "insisted", "warned",
)
_SAID_AFTER = re.compile(
    r",\s*(?:said|says|according to)\s+((?:an?\s+|the\s+)?[\w.’' -]{3,60}?)[.,]?$", re.I
)
_SKIP = re.compile(r"^(?:It|This|That|There|He|She|They|We|I|The|A|An)$")
_REPORT_WORDS = re.compile(r"\s+(report|assessment|study|estimate|statement|data|figures?)$", re.I)


def find_attribution(sentence: str) -> str | None:
    """Who the sentence says asserts its content, as written; None for the author's voice."""
    lowered = sentence.lower()
    according = "according" in lowered
    if according and (m := _ACCORDING.search(sentence)):
        return _REPORT_WORDS.sub("", m.group(1).strip(" ,."))
    if (according or "said" in lowered or "says" in lowered) and (
        m := _SAID_AFTER.search(sentence.strip())
    ):
        return m.group(1).strip(" ,.")
    if any(verb in sentence for verb in _SAID_VERBS) and (m := _SAID_BEFORE.search(sentence)):
        who = m.group(1).strip()
        if not _SKIP.match(who):
            return who
    return None

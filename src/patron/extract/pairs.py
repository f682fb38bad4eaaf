"""Candidate pairs of actor mentions in a sentence, and the features a classifier reads.

A candidate is an ordered pair (subject, object) of mentions of two different
actors in one sentence, places aside. Both orders are candidates: the relation
head says whether the first is the patron, the attacker, the ally — or nothing.
The number of pairs is bounded (the nearest ``MAX_PARTNERS`` on each side of a
mention, at most ``MAX_DISTANCE`` characters apart) and each pair reads at most
``CONTEXT`` characters on either side, so cost stays linear in the length of a
sentence, however long.

Features are strings (the model maps them to weights). They describe what a
careful reader looks at: the words between the two mentions and beside them,
each with the order of the pair (subject first or object first); what kind of
actor each side is and how it is named (a name, a demonym "Iranian", a reference
"the group"); other actors in between and whether they read as a list; the cue
words that hedge, deny or make a relation hypothetical, and where they stand;
and the vote of the precise rules in ``relation``.

>>> from patron.extract.mentions import Mention
>>> ms = [Mention(0, 4, "iran", "state", "name"), Mention(11, 16, "hamas", "armed_group", "name")]
>>> [(a.actor, b.actor) for a, b in candidate_pairs(ms)]
[('iran', 'hamas'), ('hamas', 'iran')]
>>> "b:funds|SO" in pair_features("Iran funds Hamas.", ms, ms[0], ms[1], {})
True
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

from patron.extract import lexicon
from patron.extract.mentions import ACTOR_KINDS, Mention

__all__ = ["MAX_DISTANCE", "MAX_PARTNERS", "candidate_pairs", "pair_features", "sentence_words"]

MAX_DISTANCE = 300  # characters between the two mentions of a pair
#: Characters read on each side of a pair (cue words, context); a normal sentence
#: fits whole, an unpunctuated page does not make every pair read every word.
CONTEXT = 400
MAX_PARTNERS = 6  # nearest other-actor mentions on each side of a mention
_MAX_BETWEEN = 14  # words between the mentions read one by one; beyond, only both ends

_TOKEN = re.compile(r"[^\W_]+(?:['’][a-z]+)?|[^\w\s]", re.UNICODE)

_KIND = {
    "state": "STATE", "state_organ": "ORGAN", "armed_group": "GROUP", "political_org": "PARTY",
    "person": "PERSON", "intermediary": "INTERM", "intl_org": "IO", "coalition": "COAL",
    "place": "PLACE",
}

# Cue words, by what they do to a relation. Single lower-case words (or word stems
# ending in "*"); their position relative to the pair becomes a feature.
_CUE_WORDS: dict[str, tuple[str, ...]] = {
    "NEG": ("not", "never", "no", "n't", "nor", "neither", "without", "lack", "lacks",
            "lacked", "absence", "nothing", "none", "ceased", "stopped", "halted", "ended"),
    "DENY": ("deny", "denies", "denied", "denying", "denial", "rejected", "rejects", "refuted",
             "dismissed"),
    "DOUBT": ("evidence", "proof", "unclear", "unconfirmed", "unverified", "disputed", "doubt",
              "doubts", "whether", "sceptical", "skeptical"),
    "ALLEGE": ("alleged", "allegedly", "allegation", "allegations", "accused", "accuses",
               "accusing", "accusation", "suspected", "suspect", "suspects", "purportedly",
               "blamed", "blames", "charged"),
    "REPORT": ("said", "says", "say", "told", "according", "reportedly", "reported", "reports",
               "stated", "believed", "believes", "believe", "thought", "estimated", "estimates",
               "claimed", "claims", "claim", "sources", "officials", "analysts", "apparently",
               "appears", "appeared", "suggests", "suggested", "assessed", "assesses",
               "considered", "seen", "viewed", "described"),
    "MODAL": ("could", "would", "might", "may", "should", "can", "will", "shall", "likely",
              "unlikely", "probably", "possibly", "possibility", "possible", "chance",
              "prospect", "risk", "potential", "potentially"),
    "PLAN": ("plan", "plans", "planned", "planning", "intend", "intends", "intended",
             "expected", "expects", "pledge", "pledged", "pledges", "vow", "vowed", "vows",
             "promise", "promised", "promises", "offered", "offer", "offers", "proposed",
             "seek", "seeks", "sought", "consider", "considering", "ready", "prepared",
             "aims", "aim", "want", "wants", "wanted", "hope", "hopes", "future", "next",
             "soon", "upcoming"),
    "COND": ("if", "unless", "whether", "should", "were"),
    "LOW": ("low", "slim", "remote", "improbable", "doubtful", "limited"),
    "THREAT": ("threatened", "threatens", "threat", "threats", "warned", "warns", "warning"),
    "PAST": ("had", "has", "have", "was", "were", "since", "ago", "last", "previously",
             "earlier", "former", "formerly", "long"),
}
_CUE_OF: dict[str, tuple[str, ...]] = {}
for _group, _words in _CUE_WORDS.items():
    for _w in _words:
        _CUE_OF[_w] = (*_CUE_OF.get(_w, ()), _group)

_LIST_WORDS = frozenset({",", "and", "or", "as", "well", "&", "the", "its", "their", "with",
                         "together", "along", "alongside", "both"})


def candidate_pairs(mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """Ordered pairs of mentions of two different actors, nearest partners first, bounded."""
    actors = [m for m in mentions if m.kind in ACTOR_KINDS]
    pairs: list[tuple[Mention, Mention]] = []
    seen: set[tuple[int, int]] = set()
    for i, a in enumerate(actors):
        for step in (1, -1):
            taken = 0
            j = i + step
            while 0 <= j < len(actors) and taken < MAX_PARTNERS:
                b = actors[j]
                j += step
                if b.actor == a.actor:
                    continue
                gap = b.start - a.end if step == 1 else a.start - b.end
                if gap > MAX_DISTANCE:
                    break
                taken += 1
                key = (a.start, b.start)
                if key not in seen:
                    seen.add(key)
                    pairs.append((a, b))
    return pairs


def sentence_words(text: str, mentions: Sequence[Mention] = ()) -> list[tuple[
        int, int, str, str | None]]:
    """(start, end, lower-case word, cover) for every token of the sentence, where cover
    says whether a mention covers it: "ACTOR", "PLACE" or None. Computed once a
    sentence; each pair then only tells its own two mentions apart."""
    starts = sorted((m.start, m.end, "PLACE" if m.kind == "place" else "ACTOR")
                    for m in mentions)
    out: list[tuple[int, int, str, str | None]] = []
    k = 0
    for m in _TOKEN.finditer(text):
        at = m.start()
        while k < len(starts) and starts[k][1] <= at:
            k += 1
        cover = starts[k][2] if k < len(starts) and starts[k][0] <= at else None
        out.append((at, m.end(), m.group().lower(), cover))
    return out


@lru_cache(maxsize=65536)
def _word_class(word: str) -> tuple[str, ...]:
    """The relation classes the lexicon gives ``word`` read alone: a verb or noun of a
    type, a verb of receiving, a participle that takes "by"."""
    if len(word) < 3 or not word.isalpha():
        return ()
    out = [f"V:{t}" for t, rx in lexicon.VERB_TYPES if rx.search(word)]
    out += [f"N:{t}" for t, rx in lexicon.NOUN_TYPES if rx.search(word)]
    if lexicon.RECEIVE_VERBS.search(word):
        out.append("RECV")
    if lexicon.PARTICIPLE_WORD.search(word):
        out.append("PART")
    return tuple(dict.fromkeys(out))


def _start(token: tuple[int, int, str, str | None]) -> int:
    return token[0]


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else \
        "5-8" if n <= 8 else "9-14" if n <= 14 else "15+"


def pair_features(
    text: str,
    mentions: Sequence[Mention],
    subject: Mention,
    obj: Mention,
    rule_votes: Mapping[tuple[str, str], str],
    words: Sequence[tuple[int, int, str, str | None]] | None = None,
) -> list[str]:
    """Features of the ordered pair (subject, object) in ``text`` (offsets relative to it).

    ``rule_votes`` maps (subject id, object id) to the type the rules found, if any.
    """
    toks = words if words is not None else sentence_words(text, mentions)
    order = "SO" if subject.start < obj.start else "OS"
    left, right = (subject, obj) if order == "SO" else (obj, subject)
    out: list[str] = [f"order:{order}"]
    add = out.append
    before: list[str] = []
    between: list[str] = []
    after: list[str] = []
    others_between = 0
    places_between = 0
    last_role: str | None = None
    cue_at: list[tuple[str, str]] = []
    first = bisect_left(toks, left.start - CONTEXT, key=_start)
    last = bisect_right(toks, right.end + CONTEXT, key=_start)
    for start, _end, word, cover in toks[first:last]:
        # The pair's own mentions, then other actors and places, become placeholders.
        r = "LEFT" if left.start <= start < left.end else \
            "RIGHT" if right.start <= start < right.end else cover
        if r in ("LEFT", "RIGHT"):
            last_role = r
            continue
        if r is not None:
            if last_role == r:
                continue  # the same placeholder covers several tokens
            token = r
        else:
            token = word
        last_role = r
        zone = before if start < left.start else between if start < right.start else after
        if r == "ACTOR" and zone is between:
            others_between += 1
        if r == "PLACE" and zone is between:
            places_between += 1
        zone.append(token)
        if r is None and word in _CUE_OF:
            where = "before" if zone is before else "between" if zone is between else "after"
            for group in _CUE_OF[word]:
                cue_at.append((group, where))
    # Words between the two mentions, with the order of the pair.
    add(f"blen:{_bucket(len(between))}|{order}")
    if len(between) <= _MAX_BETWEEN:
        for w in between:
            add(f"b:{w}|{order}")
            add(f"bs:{_stem(w)}|{order}")
        for w1, w2 in pairwise(between):
            add(f"bb:{w1}_{w2}|{order}")
        if between:
            add(f"bfirst:{between[0]}|{order}")
            add(f"blast:{between[-1]}|{order}")
        if not between:
            add(f"badjacent|{order}")
    else:
        for w in between[:4]:
            add(f"bhead:{w}|{order}")
            add(f"bs:{_stem(w)}|{order}")
        for w in between[-4:]:
            add(f"btail:{w}|{order}")
            add(f"bs:{_stem(w)}|{order}")
        add(f"bfar|{order}")
    # The lexicon's class of each word near the pair ("supplied" a participle, "weapons"
    # an arms noun): what a word does carries over to words the cases never used.
    near = between if len(between) <= _MAX_BETWEEN else between[:4] + between[-4:]
    for zone_name, zone_words in (("b", near), ("l", before[-4:]), ("r", after[:4])):
        for w in zone_words:
            for c in _word_class(w):
                add(f"{zone_name}c:{c}|{order}")
                add(f"{zone_name}c:{c}")
    if between and all(w in _LIST_WORDS or w == "ACTOR" for w in between):
        add(f"list|{order}")
    add(f"others:{_bucket(others_between)}|{order}")
    if places_between:
        add(f"places|{order}")
    # Beside the pair.
    for k, w in enumerate(reversed(before[-3:])):
        add(f"L-{k + 1}:{w}|{order}")
    for k, w in enumerate(after[:3]):
        add(f"R+{k + 1}:{w}|{order}")
    if after[:2]:
        add(f"R12:{'_'.join(after[:2])}|{order}")
    if not before:
        add("left-first")
    # Who the two sides are and how they are named.
    add(f"kinds:{_KIND.get(subject.kind, subject.kind)}>{_KIND.get(obj.kind, obj.kind)}")
    add(f"forms:{subject.form}>{obj.form}|{order}")
    add(f"sform:{subject.form}")
    add(f"oform:{obj.form}")
    s_next = text[subject.end : subject.end + 3]
    o_next = text[obj.end : obj.end + 3]
    if s_next[:1] == "-":  # dashes are folded before features (lexicon.fold_dashes)
        add("s-compound")
    if o_next[:1] == "-":
        add("o-compound")
    if s_next[:2] in ("'s", "’s") or s_next[:1] in "'’":
        add("s-possessive")
    if o_next[:2] in ("'s", "’s") or o_next[:1] in "'’":
        add("o-possessive")
    # Cue words and where they stand.
    for group, where in cue_at:
        add(f"cue:{group}@{where}")
        add(f"cue:{group}")
    if text.rstrip().rstrip("\"”’')").endswith("?"):
        add("question")
    # The precise rules' vote.
    vote = rule_votes.get((subject.actor, obj.actor))
    if vote:
        add(f"rule:{vote}")
        add("rule:any")
    reverse = rule_votes.get((obj.actor, subject.actor))
    if reverse:
        add(f"rule-rev:{reverse}")
    return out

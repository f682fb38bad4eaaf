"""Relations between actor mentions in one sentence: who does what to whom.

The rules are declared in one table, ``RULES`` (at the end of this module), in order
of precedence for a pair; ``relations`` runs each rule whose prefilter keys, derived
from its trigger patterns (``patron.extract.rules``), occur in the sentence:

1. compounds: "Iran-backed Houthis" → iran backing houthis;
2. passives: "Hamas is funded by Iran" → iran funding hamas;
3. receiving: "Hamas received weapons from Iran" → iran arms hamas;
4. possessives, sources and adjectives: "Iran's support for Hezbollah", "Hamas's
   main backer, Iran", "Hezbollah, Iran's proxy", "weapons from Iran", "Iranian
   weapons reached Hamas", "with Iranian backing";
5. offices and origins, pronouns, transit: "Hamas opened an office in Tehran",
   "armed with Iranian-made drones", "its payments to the Qassam Brigades", "Syria
   served as the land bridge";
6. active verbs: subject is the nearest actor before the trigger, object the
   nearest after; general giving verbs take their type from the nouns between.

Not arguments: an actor named as an adjective ("Israeli officials said",
"Syrian mercenaries"), a speaker after "according to", and places (they belong
to routes). Lists on either side ("Qatar and Turkey host Hamas and PIJ
leaders") give one relation per pair. A relation under a modal, a plan, a
threat or a condition ("could arm", "plans to send", "if Iran were to give")
is not stated, so it yields nothing. Nor does one whose type does not take the
kinds of its two sides (``subjects`` and ``objects`` in vocab.yaml: a charity
attacks no one, an armed group sanctions no one).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from patron.extract import lexicon as lx
from patron.extract.cues import PARTICIPLES, RECEIVING, TRIGGERS, Cues, PatternIndex, cues
from patron.extract.mentions import ACTOR_KINDS, Mention
from patron.extract.rules import (
    ByHead,
    ByNouns,
    ByVerb,
    ByWord,
    Context,
    Fixed,
    Rule,
    RuleFilter,
)
from patron.vocab import VOCAB

__all__ = ["RULES", "Relation", "Unstated", "found_by", "relations", "takes"]

_MAX_GAP = 140  # characters between an argument and its trigger
_STATEISH = frozenset({"state", "state_organ", "person"})
_LIST_JOIN = re.compile(
    r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*&\s*|"
    r"\s+or\s+)(?:(?:the|its|their)\s+)?$",
    re.IGNORECASE,
)
_BACKER = re.compile(
    r"^['’]s?\s+(?:(?:main|chief|principal|key|biggest|largest|primary|top|"
    r"foremost|leading|longtime|long-time|closest|most\s+important)\s+)*"
    r"(?:patron|backer|sponsor|benefactor|supporter|financier|arms\s+supplier|"
    r"paymaster|source\s+of\s+([\w\s,]+?))(?:s\b|\b)",
    re.IGNORECASE,
)
_PROXY = re.compile(
    r"^['’]s?\s+(?:\w+\s+){0,3}?(?:proxy|proxies|client|clients|"
    r"protégé|protege)\b",
    re.IGNORECASE,
)
_OWN_SUPPORT = re.compile(
    r"^['’]s?\s+(?:\w+\s+){0,2}?(support|backing|funding|financing|"
    r"sponsorship|patronage|arming|training|aid|assistance|help|"
    r"weapons|arms|money|hosting|payments)\s+(?:for|of|to)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_FROM_NOUN = re.compile(
    r"\b(support|backing|funding|financing|money|funds|cash|weapons|arms|"
    r"rockets|missiles|drones|training|aid|assistance|help|sponsorship|"
    r"information|intelligence|data)\s+(?:\w+\s+){0,2}?from\s+$",
    re.IGNORECASE,
)
_WITH_HELP_OF = re.compile(
    r"\bwith\s+(?:the\s+)?(?:\w+\s+)?(support|backing|help|assistance|"
    r"funding|sponsorship)\s+of\s+$",
    re.IGNORECASE,
)
_ADJ_NOUN = re.compile(
    r"^(?:\s+(?:and|,)\s+\S+)*\s+(?:[a-z-]+\s+){0,2}?(support|backing|"
    r"money|funds|funding|cash|weapons|arms|rockets|missiles|drones|"
    r"munitions|fighters|troops|advisers|advisors|trainers|instructors|"
    r"aid|assistance|help|fuel|cargo|convoys?|shipments?|supplies|payments|transfers)\b"
)
_TO_CLIENT = re.compile(
    r"\b(?:to|for|reach(?:ed|es|ing)?|bound\s+for|destined\s+for|"
    r"into\s+the\s+hands\s+of|trained|armed|funded|supplied|"
    r"advised|helped|backed|supported|equipped)\s+(?:\w+\s+){0,3}?$",
    re.IGNORECASE,
)
# Matched at a mention's end (``match(text, pos)``), so no "^".
_ATTRIBUTE = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:officials?|intelligence|sources?|"
    r"diplomats?|investigators?|researchers?|analysts?|experts?|media|"
    r"authorities|cables|press|commanders?|spokes(?:man|woman|person)|"
    r"envoys?|ministers?|ministry|officers?|leaders?|agency|mission)\b"
    r"(?=(?:\s+\S+){0,4}?\s+(?:said|say|says|told|claim\w*|alleg\w*|"
    r"accus\w*|believe\w*|insist\w*|report\w*|warn\w*))|"
    r"\s+(?:accusations?|allegations?|claims?)\b"
)
_ROLE = re.compile(
    r"^\s+(?:leader|chief|commander|founder|head|spokesman|official|member|"
    r"operative|financier|politburo\s+chief|president|minister)\s+$",
    re.IGNORECASE,
)
_HEAD = re.compile(
    r"^['’]s?\s+(?:(?!(?:in|at|from|to|on|near|for|and|with)\b)[^\s,;]+\s+){0,3}$", re.IGNORECASE
)
_ACCORDING = re.compile(r"\baccording\s+to\b[^,;]*", re.IGNORECASE)
_CLAUSE = re.compile(
    r"[;:]|,\s+(?:but|while|whereas|although|though|and)\b|\bbut\b|"
    r"\band\s+that\b"
)
_TRAINED_IN = re.compile(r"^\s+(?:\w+\s+){0,2}?in\s+$", re.IGNORECASE)
_IN_KIND = re.compile(
    r"\b(?:million|billion|bn|m)\s+(?:\w+\s+)?in\s+(?:\w+\s+)?(?:weapons|arms|"
    r"military|ammunition|equipment|aid|supplies)\b",
    re.IGNORECASE,
)
_CARRIERS = frozenset(lx.CARRIERS)
_RECIPIENT = re.compile(r"\b(?:to|into|for|with)\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
# "…provides M23 with troops, weapons and training, UN experts say": the list, not the rest.
_WITH_CLAUSE = re.compile(
    r"^(?:['’]s\s+\w+\s+)?\s*with\s+.*?(?=[;.]|,\s+(?!and\b)[a-z]*\s*[A-Z]|"
    r",\s+(?:but|while|which|who|according|saying|officials|analysts)\b|$)",
    re.DOTALL,
)
_STATE_NOUN = re.compile(r"^\s+(?:state|government|regime|authorities|leadership)\b")
_AND_THEN = re.compile(r"\band\s+(?:later\s+|also\s+|then\s+|subsequently\s+)?$", re.IGNORECASE)
_IS_POLITICAL = re.compile(
    r"^\s+(?:is|was|has\s+been|remains)\s+(?:\w+\s+)?(?:political|diplomatic)", re.IGNORECASE
)
_OFFICE_IN = re.compile(
    r"\bopen(?:s|ed)?\s+(?:an?\s+|its\s+)?(?:\w+\s+){0,2}?(?:office|bureau|"
    r"headquarters|base|mission)\s+in\s+$",
    re.IGNORECASE,
)
_ARMED_WITH = re.compile(r"\barmed\s+with\s+$", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:(resum\w*|restor\w*|renew\w*)|cut\w*|halt\w*|suspend\w*|reduc\w*|stopp?\w*|"
    r"end(?:ed|s)?|froze|freez\w*|withdr[ae]w\w*|slash\w*)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_TIES_WITH = re.compile(
    r"['’]s?\s+(?:ties|relations|relationship)\s+with\s+(?:the\s+)?$", re.IGNORECASE
)
_ALONGSIDE = re.compile(
    r"^,?\s+(?:alongside|along\s+with|together\s+with|as\s+do(?:es)?)\s+(?:the\s+)?$", re.IGNORECASE
)
_PAY = re.compile(r"^pa(?:y|ys|id|ying)$")
_TRANSIT = re.compile(
    r"\b(?:land\s+bridge|conduit|transit\s+(?:route|point|hub|country|state)|"
    r"corridor|cross\s+(?:its|their)\s+(?:territory|airspace|border|soil)|"
    r"through\s+(?:its|their)\s+(?:territory|airspace|soil)|"
    r"under\s+its\s+border|pass\s+through\s+(?:its|their))\b",
    re.IGNORECASE,
)
_NOUNS = PatternIndex([rx for _, rx in lx.NOUN_TYPES])
_MODALS = PatternIndex([lx.UNSTATED])
# Where a clause after a trigger ends, for the likelihood judged in it.
_CLAUSE_AFTER = re.compile(r"[;:,]|\s(?:and|but|while|whereas|although|though)\s")
# "armed with Iranian-made drones", after the demonym (dashes folded).
_MADE = re.compile(r"^-\s?(?:made|designed|built|supplied)\b")
# Types a pair can hold together ("Hamas and Syria restored relations"): those that
# modify a support tie (rupture, resumption) and the symmetric ones (alliance, meeting).
_PAIR_TYPES = frozenset(VOCAB.modifiers) | {n for n, t in VOCAB.claim_types.items() if t.symmetric}
# Types that run patron -> client like the support tie they modify.
_MODIFIERS = frozenset(VOCAB.modifiers)
_BETWEEN = re.compile(r"\b(?:between|among)\s+$", re.IGNORECASE)
_VERBS = len(TRIGGERS)  # the verb patterns come first in a sentence's cues


class Relation(NamedTuple):
    subject: Mention
    object: Mention
    type: str
    trigger: tuple[int, int]  # offsets in the sentence


def _is_adjective(text: str, m: Mention) -> bool:
    """ "Israeli officials", "Syrian mercenaries": a demonym before a common noun."""
    after = text[m.end : m.end + 2]
    if m.form != "demonym" or len(after) != 2 or after[0] != " " or not after[1].islower():
        return False
    return not _STATE_NOUN.match(text[m.end :])  # "the Russian state paid": the state itself


def _arguments(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions that can be a subject or object: actors, not adjectives or speakers."""
    quoted = (
        [(m.start(), m.end()) for m in _ACCORDING.finditer(text)]
        if "according" in text.lower()
        else []
    )
    out = []
    for m in mentions:
        if m.kind not in ACTOR_KINDS or (m.form == "demonym" and _is_adjective(text, m)):
            continue
        if text[m.end : m.end + 1].isspace() and _ATTRIBUTE.match(text, m.end):
            continue
        if quoted and any(s <= m.start < e for s, e in quoted):
            continue
        out.append(m)
    return out


def _before(actors: Sequence[Mention], at: int) -> Mention | None:
    prior = [m for m in actors if m.end <= at and at - m.end <= _MAX_GAP]
    return prior[-1] if prior else None


def _after(actors: Sequence[Mention], at: int, text: str = "") -> Mention | None:
    later = [m for m in actors if m.start >= at and m.start - at <= _MAX_GAP]
    if not later:
        return None
    head = later[0]
    # "Yemen's Presidential Leadership Council", "Hamas leader Ismail Haniyeh": the head.
    if text and len(later) > 1:
        nxt = later[1]
        gap = text[head.end : nxt.start]
        if _ROLE.match(gap) or (_HEAD.match(gap) and nxt.kind not in ("state", "place")):
            return nxt
    return head


def _with_list(text: str, actors: Sequence[Mention], head: Mention, forward: bool) -> list[Mention]:
    """``head`` and the actors listed with it ("Iran, Syria and Hezbollah")."""
    group = [head]
    idx = actors.index(head)
    step = 1 if forward else -1
    j = idx + step
    while 0 <= j < len(actors):
        a, b = (group[-1], actors[j]) if forward else (actors[j], group[-1])
        if not _LIST_JOIN.match(text[a.end : b.start]):
            break
        group.append(actors[j])
        j += step
    return group


def _noun_types(text: str) -> list[str]:
    """Support types named by nouns in ``text``; the general "backing" only if alone.

    Money or fuel for civilian needs (salaries, reconstruction) is humanitarian.
    """
    possible = _NOUNS.scan(text)
    found: list[str] = []
    for i in possible.candidates():
        t = lx.NOUN_TYPES[i][0]
        if t not in found and possible.search(text, i, 0, len(text)):
            found.append(t)
    if "humanitarian" in found:
        found = [t for t in found if t not in ("funding", "materiel")]
    if "funding" in found and _IN_KIND.search(text):
        found.remove("funding")  # "$60 billion in weapons": the money measures the arms
    specific = [t for t in found if t != "backing"]
    return specific or found


def _noun_for(word: str) -> str:
    """The type the head noun of a phrase names ("weapons" → arms), else bare backing."""
    return lx.NOUN_FOR.get(word.lower(), "backing")


class Unstated:
    """Is a trigger under a modal, plan, threat, condition or purpose in its clause?

    The modal words of a sentence are found once, on the first question, and its clause
    breaks once, when a modal word stands close enough before a trigger to matter; both
    are shared by all its triggers.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.clauses: list[tuple[int, int]] | None = None
        self.modals: Cues | None = None
        self.answers: dict[int, bool] = {}

    def __call__(self, trigger_at: int) -> bool:
        if trigger_at not in self.answers:
            self.answers[trigger_at] = self._ask(trigger_at)
        return self.answers[trigger_at]

    def _ask(self, trigger_at: int) -> bool:
        return self._under_modal(trigger_at) or self._judged_after(trigger_at)

    def _judged_after(self, trigger_at: int) -> bool:
        """ "A Houthi attack on Saudi oil facilities is considered improbable": the
        relation is named, then judged a likelihood in the rest of its clause."""
        text = self.text
        end = len(text)
        for m in _CLAUSE_AFTER.finditer(text, trigger_at):
            end = m.start()
            break
        return lx.JUDGED_LIKELY.search(text, trigger_at, end) is not None

    def _under_modal(self, trigger_at: int) -> bool:
        text = self.text
        if self.modals is None:
            self.modals = _MODALS.scan(text)
        start = max(0, trigger_at - 120)
        if self.modals.starts is not None:
            at = self.modals.starts.get(0, ())
            i = bisect.bisect_left(at, start)
            if i == len(at) or at[i] >= trigger_at:
                return False  # no modal word starts in the window: no clause work
        if self.clauses is None:
            self.clauses = [m.span() for m in _CLAUSE.finditer(text)]
        for s, e in reversed(self.clauses):
            if e <= trigger_at:
                if s >= start:
                    start = e
                break
        return self.modals.search(text, 0, start, trigger_at) is not None


def relations(
    text: str, mentions: Sequence[Mention], found: Cues | None = None
) -> list[Relation]:
    """Every relation the rules find in one sentence (mention offsets relative to it).

    ``text`` is read as the pipeline reads it, dashes joined to a word folded to "-"
    (``lexicon.fold_dashes``). ``found`` is ``cues(text)`` where the caller has it already.
    Only the rules whose keys occur in the sentence run (``RuleFilter``); the others
    could find nothing.
    """
    admitted = _FILTER.admit(text)
    if not admitted:
        return []
    raw = found_by([rule for i, rule in enumerate(RULES) if i in admitted], text, mentions, found)
    if not raw:
        return []
    return _dedupe([r for r in _orient(raw) if takes(r)])


def found_by(
    rules: Sequence[Rule], text: str, mentions: Sequence[Mention], found: Cues | None = None
) -> list[Relation]:
    """What ``rules`` record in one sentence, in their order, with no prefilter and before
    ruptures are oriented and duplicates dropped (``relations`` does both)."""
    actors = _arguments(text, mentions)
    if len({a.actor for a in actors} | {m.actor for m in mentions if m.form == "demonym"}) < 2:
        return []
    found_relations: list[Relation] = []
    taken: set[tuple[int, int]] = set()  # trigger spans already explained
    unstated = Unstated(text)

    def add(
        subjects: Sequence[Mention],
        objects: Sequence[Mention],
        type_: str,
        trigger: tuple[int, int],
    ) -> None:
        taken.add(trigger)
        if type_ not in ("threat", "sanction") and unstated(trigger[0]):
            return
        for s in subjects:
            for o in objects:
                if s.actor != o.actor:
                    found_relations.append(Relation(s, o, type_, trigger))

    context = Context(text, actors, mentions, found if found is not None else cues(text),
                      add, taken)
    for rule in rules:
        rule.find(context)
    return found_relations


def takes(r: Relation) -> bool:
    """Whether the relation's type takes the kinds of its two sides (``subjects`` and
    ``objects`` in vocab.yaml): "the PKK and the Gülen movement are designated by Turkey"
    read the wrong way round is no sanction, as an armed group sanctions no one.
    """
    return VOCAB.claim_types[r.type].takes(r.subject.kind, r.object.kind)


def _compounds(c: Context) -> None:
    """ "Iran-backed Houthis", "the Tehran-funded militia"."""
    text, actors, add = c.text, c.actors, c.add
    for m in actors:
        if text[m.end : m.end + 1] != "-":
            continue
        compound = lx.COMPOUND.match(text[m.end :])
        if not compound:
            continue
        obj = _after(actors, m.end + compound.end(), text)
        if obj is None or obj.start - (m.end + compound.end()) > 30:
            continue
        add(
            [m],
            _with_list(text, actors, obj, True),
            lx.COMPOUND_TYPES[compound.group(1).lower()],
            (m.end, m.end + compound.end()),
        )


def _passives(c: Context) -> None:
    """ "Hamas is funded by Iran", "funded and trained by the IRGC"."""
    text, actors, add = c.text, c.actors, c.add
    for p in c.cues.matches(text, PARTICIPLES):
        subj = _after(actors, p.end(), text)
        if subj is None or subj.start - p.end() > 40:
            continue
        obj = _before(actors, p.start())
        if obj is None:  # "Backed by Turkey, the Syrian National Army launched…"
            subjects = _with_list(text, actors, subj, True)
            later = [a for a in actors if a.start > subjects[-1].end]
            obj = later[0] if later else None
        if obj is None:
            continue
        for verb in lx.PARTICIPLE_WORD.findall(p.group(0).lower()):
            add(
                _with_list(text, actors, subj, True),
                _with_list(text, actors, obj, False),
                lx.PARTICIPLE_TYPES.get(verb, "backing"),
                (p.start(), max(p.end(), subj.end)),
            )


def _receiving(c: Context) -> None:
    """ "Hamas received weapons from Iran", "relies on Qatar for political backing"."""
    text, actors, mentions, add = c.text, c.actors, c.mentions, c.add
    for r in c.cues.matches(text, RECEIVING):
        recipient = _before(actors, r.start())
        if recipient is None:
            continue
        rest = text[r.end() :]
        if r.group(0).lower().endswith(" on"):  # "relies on Qatar for political backing"
            patron = _after(actors, r.end(), text)
            if patron is not None and patron.start - r.end() < 8:
                wanted = re.split(r"[;.]", text[patron.end :])[0]
                for type_ in _noun_types(wanted) or ["backing"]:
                    add(
                        _with_list(text, actors, patron, True),
                        [recipient],
                        type_,
                        (r.start(), max(r.end(), patron.end)),
                    )
            continue
        frm = re.search(r"\bfrom\s+", rest[:120])
        giver: Mention | None = None
        what = re.split(r"[,;]", rest[:80])[0]
        if frm is not None:
            giver = _after(actors, r.end() + frm.end(), text)
            if giver is not None and giver.start - (r.end() + frm.end()) > 15:
                giver = None
            what = rest[: frm.start()]
        if giver is None:  # "received Iranian-made drones"
            made = [
                m for m in mentions if m.form == "demonym" and r.end() <= m.start < r.end() + 40
            ]
            if made:
                giver = made[0]
        if giver is None:
            continue
        for type_ in _noun_types(what) or ["backing"]:
            add(
                _with_list(text, actors, giver, True) if giver in actors else [giver],
                [recipient],
                type_,
                (r.start(), max(r.end(), giver.end)),
            )


def _possessives(c: Context) -> None:
    """ "Iran's support for Hezbollah", "Hamas's main backer, Iran", "Hezbollah, Iran's
    proxy": a possessive and what it owns."""
    text, actors, add = c.text, c.actors, c.add
    for m in actors:
        if text[m.end : m.end + 1] not in ("'", "’"):
            continue
        tail = text[m.end :]
        if own := _OWN_SUPPORT.match(tail):
            if lx.SUPPORT_NOUN_STOP.match(tail[own.end(1) :]):
                continue
            obj = _after(actors, m.end + own.end(), text)
            if obj is not None and obj.start - (m.end + own.end()) < 25:
                # "Qatar's support for Hamas is political": diplomatic backing.
                political = _IS_POLITICAL.match(text[obj.end :])
                add(
                    [m],
                    _with_list(text, actors, obj, True),
                    "diplomatic" if political else _noun_for(own.group(1)),
                    (m.end + own.start(1), m.end + own.end(1)),
                )
        elif backer := _BACKER.match(tail):
            # "Hamas's main backer Iran" / "Iran, Hamas's main backer," / "…source of cash"
            patron = _after(actors, m.end + backer.end()) or _before(actors, m.start)
            if patron is not None and patron.actor != m.actor:
                types = _noun_types(backer.group(1)) if backer.group(1) else ["backing"]
                for t in types or ["backing"]:
                    add([patron], [m], t, (m.end, m.end + backer.end()))
        elif proxy := _PROXY.match(tail):
            # "Hezbollah, Iran's most powerful proxy": the possessor is the patron.
            client = _before(actors, m.start) or _after(actors, m.end + proxy.end())
            if client is not None and client.actor != m.actor:
                add([m], [client], "backing", (m.end, m.end + proxy.end()))


def _sources(c: Context) -> None:
    """ "weapons from Iran", "with the support of Turkey": the giver after what it gives."""
    text, actors, add = c.text, c.actors, c.add
    for m in actors:
        cut = max(0, m.start - 80)  # the patterns end at the mention: look only just before it
        # Both patterns end in "from" or "of" and a space, just before the mention.
        i = m.start - 1
        while i >= cut and text[i].isspace():
            i -= 1
        if i == m.start - 1 or not text[max(cut, i - 3) : i + 1].lower().endswith(("from", "of")):
            continue
        head = text[cut : m.start]
        if src := _FROM_NOUN.search(head) or _WITH_HELP_OF.search(head):
            client = _before(actors, cut + src.start())
            if client is None:
                later = [a for a in actors if a.start > m.end]
                client = later[0] if later else None
            if client is not None and client.actor != m.actor:
                add(
                    _with_list(text, actors, m, True),
                    [client],
                    _noun_for(src.group(1)),
                    (cut + src.start(), cut + src.end()),
                )


_ITS_SUPPORT = re.compile(
    r"\b(?:its|their)\s+(?:\w+\s+){0,2}?(support|backing|funding|financing|"
    r"payments|money|weapons|arms|aid|assistance|sponsorship|patronage)\s+"
    r"(?:for|of|to|reached|reach|went\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _pronouns(c: Context) -> None:
    """ "Iran reportedly increased its payments to the Qassam Brigades"."""
    text, actors, add = c.text, c.actors, c.add
    for m in actors:
        cut = max(0, m.start - 80)
        own = _ITS_SUPPORT.search(text[cut : m.start])
        if not own:
            continue
        patron = _before(actors, cut + own.start())
        if patron is None or patron.actor == m.actor:
            continue
        change = _CHANGE_VERB.search(text[max(0, cut + own.start() - 40) : cut + own.start()])
        if change and change.group(1) is None:
            continue  # "cut its funding to Hamas": a rupture, left to the verb rules
        # "restored its funding to UNRWA": funding again, and the resumption still counts,
        # so this claim does not take the verb's span.
        span = (m.start, m.end) if change else (cut + own.start(), m.end)
        add(
            [patron],
            _with_list(text, actors, m, True),
            _noun_for(own.group(1)),
            span,
        )


def _transit(c: Context) -> None:
    """ "Syria served as the land bridge…", "Sudan let arms bound for Hamas cross its territory"."""
    text, actors, add = c.text, c.actors, c.add
    cue = _TRANSIT.search(text)
    if not cue or not actors:
        return
    gate = next((a for a in actors if a.kind in _STATEISH and a.start < cue.end()), None)
    if gate is None:
        return
    clients = [a for a in actors if a.actor != gate.actor and a.kind not in ("state",)]
    if clients:
        add([gate], clients[-1:], "transit", (cue.start(), cue.end()))


def _prefer_group(text: str, candidates: Sequence[Mention]) -> Mention | None:
    """Of places and groups after a verb, the group the support is "for"."""
    for a in candidates:
        if a.kind != "state":
            return a
    return candidates[0] if candidates else None


def _offices(c: Context) -> None:
    """ "Hamas opened an office in Tehran": the state named is the host."""
    text, actors, add = c.text, c.actors, c.add
    for m in c.mentions:
        if m.kind not in ("state", "state_organ"):
            continue
        cut = max(0, m.start - 70)
        if office := _OFFICE_IN.search(text[cut : m.start]):
            guest = _before(actors, cut + office.start())
            if guest is not None and guest.actor != m.actor:
                add([m], [guest], "safe_haven", (m.start, m.end))


def _armed_with(c: Context) -> None:
    """ "The Houthis, armed with Iranian-designed missiles": the demonym's state arms them."""
    text, actors, add = c.text, c.actors, c.add
    for m in c.mentions:
        if m.kind not in ("state", "state_organ") or m.form != "demonym":
            continue
        if _ARMED_WITH.search(text[max(0, m.start - 70) : m.start]) and _MADE.match(
            text[m.end :]
        ):
            before = [a for a in actors if a.end <= m.start and m.start - a.end < 90]
            groups = [a for a in before if a.kind not in ("state", "place")]
            candidates = groups or before
            if candidates and candidates[-1].actor != m.actor:
                add([m], [candidates[-1]], "arms", (m.start, m.end))


def _adjectives(c: Context) -> None:
    """ "Iranian weapons reached Hamas", "with Iranian and Russian support"."""
    text, actors, add = c.text, c.actors, c.add
    demonyms = [m for m in c.mentions if m.form == "demonym" and m.kind in ACTOR_KINDS]
    for m in demonyms:
        noun = _ADJ_NOUN.match(text[m.end :])
        if not noun:
            continue
        patrons = [m] + [d for d in demonyms if d.start > m.end and d.end <= m.end + noun.start(1)]
        end = m.end + noun.end()
        targets = [a for a in actors if a.start >= end and a.start - end <= 90]
        later = [a for a in targets if _TO_CLIENT.search(text[end : a.start])]
        client = _prefer_group(text, later) if later else None
        lead = re.search(
            r"\b(?:with|thanks\s+to|by|from)\s+(?:(?:the|its|their|continued|strong)\s+)?$",
            text[: m.start],
            re.IGNORECASE,
        )
        if client is None and lead:
            # "Hamas operates with Iranian backing", "With Iranian backing, the Houthis…"
            client = _before(actors, m.start) or (targets[0] if targets else None)
        if client is None or client.actor == m.actor:
            continue
        types = _noun_types(noun.group(0))
        if noun.group(1).lower() in _CARRIERS:
            types = [t for t in _noun_types(text[end : end + 50]) if t != "backing"]
            if not types:
                continue  # "a Georgian cargo plane": nothing said of what it carried
        types = types or ["backing"]
        if lx.NOUN_FOR.get(noun.group(1).lower()) == "troops":
            types = ["troops"]  # "Iranian fighters": people sent, whatever else is named
        for t in types:
            add(patrons, [client], t, (m.start, end))


def _within_actor(actors: Sequence[Mention], at: int) -> bool:
    """Does ``at`` fall inside an actor's name? (A plain loop: cheaper than any() here.)"""
    for a in actors:  # noqa: SIM110
        if a.start <= at < a.end:
            return True
    return False


_FILLER = re.compile(r"(?:\s|['’]s\b|\bthe\b)*", re.IGNORECASE)


def _names_only(text: str, start: int, end: int, actors: Sequence[Mention]) -> bool:
    """Is ``text[start:end]`` nothing but actor names, possessives and "the"?

    "gave Yemen's Presidential Leadership Council $1.2 billion": what is given comes
    after the recipient.
    """
    at = start
    for m in actors:
        if m.start >= end:
            break
        if m.end <= start:
            continue
        if _FILLER.fullmatch(text, at, m.start) is None:
            return False
        at = max(at, m.end)
    return _FILLER.fullmatch(text, at, end) is not None


def _comma_before(text: str, at: int) -> bool:
    """Is the last non-space character before ``at`` a comma?"""
    i = at - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] == ","


def _inside(span: tuple[int, int], taken: set[tuple[int, int]]) -> bool:
    return any(s <= span[0] < e or span[0] <= s < span[1] for s, e in taken)


def _active(c: Context) -> None:
    """ "Iran funds Hamas", "Qatar hosts Hamas's political bureau", "Iran sent drones to
    Russia": the verb between its subject and its object."""
    text, actors, add, taken, found = c.text, c.actors, c.add, c.taken, c.cues
    triggers: list[tuple[int, int, str | None]] = []
    for index in found.candidates():  # the patterns with a derived start in the sentence
        if index < _VERBS:
            name = TRIGGERS[index][0]
            triggers += [(m.start(), m.end(), name) for m in found.matches(text, index)]
    last_subject: Mention | None = None
    for start, end, type_ in sorted(triggers):
        if (taken and _inside((start, end), taken)) or _within_actor(actors, start):
            continue
        subj = _before(actors, start)
        if last_subject is not None and _AND_THEN.search(text[max(0, start - 25) : start]):
            subj = last_subject  # "Wagner fought for Assad … and later fought for Haftar"
        obj = _after(actors, end, text)
        if (
            type_ in _PAIR_TYPES
            and subj is not None
            and (obj is None or _BETWEEN.search(text[: obj.start]) or _listed(text, actors, subj))
        ):
            pair = _with_list(text, actors, subj, False)
            if len(pair) >= 2:  # "Hamas and Syria restored relations"
                add(pair[-1:], pair[:-1], type_, (start, end))
                continue
            ties = _TIES_WITH.search(text[max(0, subj.start - 40) : subj.start])
            holder = _before(actors, subj.start - 40 + ties.start()) if ties else None
            if ties and subj.start >= 40 and holder is not None:
                add([holder], [subj], type_, (start, end))  # "Moscow's ties with Wagner ruptured"
                continue
        if type_ == "mediation" and obj is not None:
            parties = _with_list(text, actors, obj, True)
            if subj is not None:
                add(_with_list(text, actors, subj, False), parties, "mediation", (start, end))
            continue
        if (
            subj is not None
            and _comma_before(text, start)
            and text[start:end].lower().endswith("ing")
        ):
            subj = (
                actors[0] if actors[0].end <= start else subj
            )  # ", shielding X": the main subject
        if subj is None or obj is None:
            continue
        if type_ == "sanction" and lx.sanction_relief(text, start, end):
            continue  # "lifted sanctions on Sudan": a sanction ended
        if type_ == "safe_haven" and subj.kind == "person" and obj.kind == "person":
            type_ = "meeting"  # "Erdogan hosted Haniyeh"
        if type_ in ("funding", "safe_haven", "training", "arms") and obj.kind in ("state",):
            obj = _prefer_group(text, [obj, *[a for a in actors if a.start > obj.end]]) or obj
        if type_ == "training" and _TRAINED_IN.match(text[end : obj.start]):
            subj, obj = obj, subj  # "Hamas fighters trained in Iran"
        if type_ == "backing" and lx.SUPPORT_NOUN_STOP.match(text[end:]):
            continue
        verb = text[start:end].lower()
        if type_ == "funding" and _PAY.match(verb):
            types = _noun_types(text[end : min(len(text), obj.end + 80)])
            type_ = "humanitarian" if "humanitarian" in types else "funding"
        if type_ is None or type_ == "backing":
            # What is given stands between the verb and the recipient ("sent weapons to
            # Hamas") or after it ("provides Hamas with weapons", "gives Israel $3.8bn").
            window = text[end : obj.start]
            after_obj = text[obj.end :]
            with_clause = _WITH_CLAUSE.match(after_obj)
            if with_clause:
                window += " " + with_clause.group(0)
            elif _names_only(text, end, obj.start, actors) or re.match(r"^['’]s\b", after_obj):
                window += " " + re.split(r"[,;.]|\s(?:but|while|and\s+says?)\s", after_obj)[0][:90]
            types = _noun_types(window)
            if not types:
                if type_ is None and lx.NEEDS_NOUN.match(verb):
                    continue
                types = ["backing"]
            elif (
                type_ is None
                and lx.NEEDS_NOUN.match(verb)
                and text[end : obj.start].strip()
                and (not _RECIPIENT.search(text[: obj.start]))
            ):
                continue  # "move against Syria's weapons": moved, but to no recipient
        else:
            types = [type_]
        subjects = _with_list(text, actors, subj, False)
        objects = _with_list(text, actors, obj, True)
        if types == ["member_of"]:
            later = [a for a in actors if a.start > obj.end]
            if later and _ALONGSIDE.match(text[obj.end : later[0].start]):
                subjects = [*subjects, *_with_list(text, actors, later[0], True)]
        for t in types:
            add(subjects, objects, t, (start, end))
        last_subject = subj


def _listed(text: str, actors: Sequence[Mention], m: Mention) -> bool:
    """Is ``m`` the last of a list ("Iran and Hamas restored ties")?"""
    prior = _before(actors, m.start)
    return prior is not None and bool(_LIST_JOIN.match(text[prior.end : m.start]))


def _orient(found: list[Relation]) -> list[Relation]:
    """Ruptures and resumptions run patron → client like the support they modify: a
    state before a group."""
    out = []
    for r in found:
        if (
            r.type in _MODIFIERS
            and r.subject.kind not in _STATEISH
            and r.object.kind in _STATEISH
        ):
            r = Relation(r.object, r.subject, r.type, r.trigger)
        out.append(r)
    return out


def _dedupe(found: list[Relation]) -> list[Relation]:
    """One relation per (subject, type, object); no bare "backing" beside a specific type."""
    out: dict[tuple[str, str, str], Relation] = {}
    for r in found:
        out.setdefault((r.subject.actor, r.type, r.object.actor), r)
    specific = {(s, o) for s, t, o in out if t != "backing"}
    return [r for (s, t, o), r in out.items() if not (t == "backing" and (s, o) in specific)]


#: The rules, in order of precedence: a relation found by an earlier rule explains its
#: trigger span, so the active verbs do not read it again. Sides are those of the
#: trigger span the rule records (``rules.Side``).
RULES: tuple[Rule, ...] = (
    Rule("compound", ("The Iran-backed Houthis fired drones.",), (lx.COMPOUND,),
         ("before",), ("after",), ByWord(lx.COMPOUND_TYPES), _compounds),
    Rule("passive", ("Hamas is funded and trained by Iran.",), (lx.PARTICIPLES,),
         ("within", "after"), ("before", "after"), ByWord(lx.PARTICIPLE_TYPES), _passives),
    Rule("receiving", ("Hamas received weapons from Iran.",
                       "Hamas relies on Qatar for political backing."), (lx.RECEIVE_VERBS,),
         ("within", "after"), ("before",), ByNouns(), _receiving),
    Rule("possessive", ("Iran's support for Hezbollah grew.",
                        "Hamas's main backer, Iran, denies it.",
                        "Hezbollah, Iran's most powerful proxy, fired rockets."),
         (_OWN_SUPPORT, _BACKER, _PROXY),
         ("before", "after"), ("after", "before"), ByHead(also=("diplomatic",)), _possessives),
    Rule("source", ("Hamas relies on weapons from Iran.",
                    "The Houthis fight with the support of Iran."), (_FROM_NOUN, _WITH_HELP_OF),
         ("after",), ("before", "after"), ByHead(), _sources),
    Rule("adjective", ("Iranian weapons reached Hamas.",
                       "Hamas operates with Iranian backing."), (_ADJ_NOUN,),
         ("within",), ("after", "before"), ByNouns(), _adjectives),
    Rule("office", ("Hamas opened a political office in Qatar.",), (_OFFICE_IN,),
         ("within",), ("before",), Fixed("safe_haven"), _offices),
    Rule("armed-with", ("The Houthis, armed with Iranian-made missiles, struck ships.",), (_MADE,),
         ("within",), ("before",), Fixed("arms"), _armed_with),
    Rule("pronoun", ("Iran increased its payments to the Qassam Brigades.",), (_ITS_SUPPORT,),
         ("before",), ("within", "after"), ByHead(), _pronouns),
    Rule("transit", ("Syria served as the land bridge for Iranian arms to Hezbollah.",),
         (_TRANSIT,), ("before",), ("after", "before"), Fixed("transit"), _transit),
    Rule("active", ("Iran funds Hamas.", "Iran sent drones to Russia.",
                    "Qatar hosts Hamas leaders."), tuple(rx for _, rx in TRIGGERS),
         ("before", "after"), ("after", "before"), ByVerb(also=("humanitarian",)), _active),
)
_FILTER = RuleFilter(RULES)

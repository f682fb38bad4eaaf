"""Text → claims: segment, find mentions, relate them, hedge, date, price and route.

Speed comes from doing the costly parts only where they can pay off: one
Aho-Corasick pass finds every actor name in a document; only sentences naming
two different actors are related, hedged and dated.

>>> from patron.model import Actor, Document
>>> ex = Extractor([Actor(id="iran", name="Iran", kind="state"),
...                 Actor(id="hamas", name="Hamas", kind="armed_group")])
>>> doc = Document(id="d1", text="Iran reportedly funds Hamas.", published="2024")
>>> [(c.subject, c.type, c.object, c.stance) for c in ex.extract(doc).claims]
[('iran', 'funding', 'hamas', 'reported')]
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from patron.extract import hedge
from patron.extract.cues import Cues, cues
from patron.extract.dates import find_time
from patron.extract.grade import propose_grade
from patron.extract.mentions import (
    ACTOR_KINDS,
    Gazetteer,
    Mention,
    candidate_orgs,
    resolve_references,
)
from patron.extract.money import find_money
from patron.extract.relation import Relation, relations
from patron.extract.route import find_route
from patron.extract.segment import Sentence, sentences
from patron.model import Actor, Attribution, Claim, Document, Evidence
from patron.timespan import TimeSpan
from patron.vocab import VOCAB

__all__ = ["ORIGIN", "Extraction", "Extractor"]

ORIGIN = "extract:rules@0.1"
_MONEY_TYPES = frozenset({"funding", "humanitarian", "backing"})
_DENY_VERB = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed)?|dismiss(?:es|ed)?|"
    r"refut(?:es|ed))\b",
    re.IGNORECASE,
)
_MOTIVE = re.compile(
    r"\b(?:(?:in\s+order\s+)?to\s+(?:counter|confront|resist|deter|fight|defend|protect|"
    r"liberate|help|keep|support\s+the\s+resistance)|because|solidarity|duty|obligation|"
    r"request|defen[cs]e\s+against|fight\s+against|as\s+part\s+of)\b",
    re.IGNORECASE,
)
_JUSTIFY = re.compile(
    r"\b(?:says?|said|stated|explain\w*|argu\w+|insist\w*|justif\w+|fram(?:e|es|ed|ing)|"
    r"present(?:s|ed)?|describ\w+|maintains?|declared)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8)  # the relations of one sentence share it; nothing across documents
def _motive(text: str) -> re.Match[str] | None:
    return _MOTIVE.search(text)


class _Shared:
    """Values many sentences of one document share (they are immutable)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.undated = TimeSpan(end=doc.published) if doc.published else TimeSpan()
        self._attributions: dict[str | None, Attribution] = {}

    def attribution(self, by: str | None) -> Attribution:
        if by not in self._attributions:
            self._attributions[by] = Attribution(by=by, date=self.doc.published)
        return self._attributions[by]


@dataclass
class Extraction:
    """What one document yields: its claims and the new actors they name."""

    document: Document
    claims: list[Claim] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)


def _two_actors(mentions: list[Mention], lo: int, hi: int) -> bool:
    """Do ``mentions[lo:hi]`` name at least two different actors (places aside)?"""
    first = None
    for i in range(lo, hi):
        m = mentions[i]
        if m.kind in ACTOR_KINDS:
            if first is None:
                first = m.actor
            elif m.actor != first:
                return True
    return False


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


class Extractor:
    """Rule-based extraction over a gazetteer; one instance serves many documents."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.gazetteer = Gazetteer(actors)

    def extract(self, doc: Document) -> Extraction:
        out = Extraction(doc)
        text = doc.text or ""
        found = self.gazetteer.find(text)
        if len({m.actor for m in found if m.kind in ACTOR_KINDS}) < 1:
            return out
        mentions = resolve_references(text, found, self.gazetteer)
        new_actors: dict[str, Actor] = {}
        for start, end, name, kind in candidate_orgs(text, mentions):
            actor_id = "new-" + _slug(name)
            if len(actor_id) <= 4:
                continue
            new_actors.setdefault(
                actor_id,
                Actor(
                    id=actor_id,
                    name=name,
                    kind=kind,
                    source=f"candidate found by extraction in {doc.url or doc.title or doc.id}",
                ),
            )
            mentions.append(Mention(start, end, actor_id, kind, "candidate"))
        mentions.sort(key=lambda m: m.start)
        starts = [m.start for m in mentions]

        def two_actors(start: int, end: int) -> bool:
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            return _two_actors(mentions, lo, hi)

        used: set[str] = set()
        shared = _Shared(doc)
        for sent in sentences(text, keep=two_actors):
            lo = bisect.bisect_left(starts, sent.start)
            hi = bisect.bisect_left(starts, sent.end)
            inside = [m for m in mentions[lo:hi] if m.end <= sent.end]
            if not _two_actors(inside, 0, len(inside)):
                continue
            if hedge.is_question(sent.text):
                continue
            found_cues = cues(sent.text)
            if not found_cues.present and (
                "'" not in sent.text and "’" not in sent.text and "-" not in sent.text
            ):
                continue  # no trigger word, possessive or compound: no rule can fire
            for claim in self._claims(doc, sent, inside, found_cues, shared):
                out.claims.append(claim)
                used.update((claim.subject, claim.object))
        out.actors = [a for a in new_actors.values() if a.id in used]
        return out

    def _claims(
        self,
        doc: Document,
        sent: Sentence,
        mentions: list[Mention],
        found_cues: Cues,
        shared: _Shared,
    ) -> list[Claim]:
        local = [
            Mention(m.start - sent.start, m.end - sent.start, m.actor, m.kind, m.form)
            for m in mentions
        ]
        text = sent.text
        found = relations(text, local, found_cues)
        if not found:
            return []
        attribution = shared.attribution(hedge.find_attribution(text))
        when = find_time(text) or shared.undated
        money = find_money(text) if any(r.type in _MONEY_TYPES for r in found) else None
        claims: list[Claim] = []
        for rel in found:
            stance = hedge.stance_of(text, rel.trigger[0])
            family = VOCAB.claim_types[rel.type].family
            route = find_route(text, local, patron=rel.subject.actor) if family == "support" else []
            claims.append(
                self._claim(
                    doc,
                    sent,
                    rel,
                    rel.type,
                    stance,
                    attribution,
                    when,
                    money if rel.type in _MONEY_TYPES else None,
                    route,
                )
            )
            claims += self._speech(doc, sent, rel, text, attribution, when, stance, local)
        return claims

    def _speech(
        self,
        doc: Document,
        sent: Sentence,
        rel: Relation,
        text: str,
        attribution: Attribution,
        when: TimeSpan,
        stance: str,
        mentions: list[Mention],
    ) -> list[Claim]:
        """A denial by one side, and a stated motive, are claims of their own.

        The denier is the actor named just before the denying verb ("…, which
        Tehran denied"), when it is one side of the relation. A motive counts when
        the patron is the one speaking or justifying ("Iran says its support for
        Hamas is a duty").
        """
        out: list[Claim] = []
        deny = _DENY_VERB.search(text) if stance in ("denied", "disputed") else None
        if deny:
            sides = {rel.subject.actor: rel.object, rel.object.actor: rel.subject}
            before = [m for m in mentions if m.end <= deny.start() and m.actor in sides]
            if before:
                denier = before[-1]
                out.append(
                    self._claim(
                        doc,
                        sent,
                        Relation(denier, sides[denier.actor], "denial", rel.trigger),
                        "denial",
                        "asserted",
                        attribution,
                        when,
                        None,
                        [],
                    )
                )
        if VOCAB.claim_types[rel.type].family != "support" or stance == "denied":
            return out
        motive = _motive(text)
        if motive:
            speech = _JUSTIFY.search(text[: motive.start()])
            speaker = [m for m in mentions if speech and m.end <= speech.start()]
            if speech and speaker and speaker[-1].actor == rel.subject.actor:
                out.append(
                    self._claim(
                        doc, sent, rel, "justification", "asserted", attribution, when, None, []
                    )
                )
        return out

    def _claim(
        self,
        doc: Document,
        sent: Sentence,
        rel: Relation,
        type_: str,
        stance: str,
        attribution: Attribution,
        when: TimeSpan,
        money: object,
        route: list[str],
    ) -> Claim:
        s, o = rel.subject, rel.object
        return Claim(
            subject=s.actor,
            type=type_,
            object=o.actor,
            time=when,
            magnitude=money,
            route=tuple(route),
            attribution=attribution,
            stance=stance,
            grade=propose_grade(doc.kind, stance),
            evidence=Evidence(
                document=doc.id,
                quote=sent.text,
                span=(sent.start, sent.end),
                subject_span=(sent.start + s.start, sent.start + s.end),
                object_span=(sent.start + o.start, sent.start + o.end),
            ),
            origin=ORIGIN,
            review="proposed",
        )

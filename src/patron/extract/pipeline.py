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
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from patron import settings
from patron.extract import hedge
from patron.extract.classifier import RelationModel, default_model
from patron.extract.cues import Cues, cues
from patron.extract.dates import find_time
from patron.extract.encoder import pair_vectors
from patron.extract.grade import propose_grade
from patron.extract.lexicon import fold_dashes, sanction_relief
from patron.extract.mentions import (
    ACTOR_KINDS,
    Gazetteer,
    Mention,
    candidate_orgs,
    referents,
    resolve_references,
)
from patron.extract.money import find_money
from patron.extract.nominals import descriptive
from patron.extract.pairs import candidate_pairs, pair_features, sentence_words
from patron.extract.relation import Relation, Unstated, relations
from patron.extract.route import find_route
from patron.extract.segment import Sentence, paragraphs, sentences
from patron.model import Actor, Attribution, Claim, Document, Evidence
from patron.timespan import TimeSpan
from patron.vocab import VOCAB

__all__ = [
    "BLOCK_CHARS",
    "CANDIDATE_ORIGIN",
    "ORIGIN",
    "Candidate",
    "Extraction",
    "Extractor",
    "Unit",
    "cautious_stance",
]

ORIGIN = "extract:rules@0.1"
#: The origin of the actors extraction makes (organisations and people the gazetteer lacks).
CANDIDATE_ORIGIN = "extract:candidate"
DEFAULT = "default"  # the head shipped in the data directory's model/ folder
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


def _candidate(new_actors: dict[str, Actor], doc: Document, actor_id: str, name: str,
               kind: str) -> None:
    """Record a candidate actor the text names and the gazetteer lacks (once a reading)."""
    if actor_id not in new_actors:
        new_actors[actor_id] = Actor(
            id=actor_id, name=name, kind=kind,
            source=f"candidate found by extraction in {doc.url or doc.title or doc.id}")


#: The most text extraction reads at once (characters). A longer document is read in
#: blocks of whole paragraphs (:func:`patron.extract.segment.paragraphs`), so the
#: memory extraction needs does not grow with the document; claims keep the offsets
#: of the whole text, and a document of this size or less is one block, as it was.
BLOCK_CHARS = 1 << 20


@dataclass
class _Reading:
    """What reading one document carries from block to block: the candidate actors met
    so far, and the actors a reference in the next block may take."""

    new_actors: dict[str, Actor] = field(default_factory=dict)
    referents: list[Mention] = field(default_factory=list)


def _alone(blocks: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, bool]]:
    """``(offset, text, alone)``: ``blocks`` as they come, ``alone`` when there is one."""
    it = iter(blocks)
    first = next(it, None)
    if first is None:
        return
    second = next(it, None)
    yield (*first, second is None)
    if second is not None:
        yield (*second, False)
        for block in it:
            yield (*block, False)


class Candidate(NamedTuple):
    """An ordered pair of mentions in a sentence and the features the heads read."""

    subject: Mention
    object: Mention
    features: list[str]


@dataclass
class Unit:
    """A sentence naming two actors: its mentions (offsets in the sentence) and pairs.

    ``sentence`` is the text as extraction reads it (dashes folded, offsets those of the
    document); ``quote`` is the same stretch as written, for the evidence.
    """

    sentence: Sentence
    mentions: list[Mention]
    cues: Cues
    rules: list[Relation]
    candidates: list[Candidate]
    quote: str = ""


_STANCE_RANK = VOCAB.stances
_SAID_AS_THREAT = frozenset({"threat", "sanction"})  # a threat is stated, not hypothetical
_FAMILY = {name: t.family for name, t in VOCAB.claim_types.items()}


SECOND_TYPE = 0.35  # a second type of the same family, when the type head gives it this much
CAUTION = 0.35  # a weaker stance wins once it (or anything weaker) is this probable


def cautious_stance(labels: tuple[str, ...], probs: Any) -> str:
    """The stance to store: not the likeliest, but the strongest the text surely allows.

    Stating an allegation as fact costs more than under-stating a fact, so from the
    weakest reading up, the first whose probability, with all weaker ones, reaches
    ``CAUTION`` is taken. A plan or possibility (``hypothetical``) is checked first.
    """
    p = dict(zip(labels, (float(x) for x in probs), strict=True))
    if p.get("hypothetical", 0.0) >= CAUTION:
        return "hypothetical"
    total = 0.0
    for name in sorted((n for n in p if n in _STANCE_RANK), key=_STANCE_RANK.__getitem__):
        total += p[name]
        if total >= CAUTION:
            return name
    return max(p, key=p.__getitem__)


class Extractor:
    """Extraction over a gazetteer; one instance serves many documents.

    With a relation model (the shipped head by default), a trained classifier
    decides the relation, direction and stance of every candidate pair, the
    rules' finding being one of its features; with ``model=None`` the rules
    alone decide (``extract:rules``). Rules keep what they are precise at:
    money, dates, routes, attribution, denials and stated motives.
    """

    def __init__(self, actors: Iterable[Actor],
                 model: RelationModel | str | None = DEFAULT, min_score: float = 0.0) -> None:
        self.gazetteer = Gazetteer(actors)
        if model == DEFAULT:
            config = settings.get()
            model = default_model(str(config.data_dir / "model")) \
                if config.relations == "model" else None
        self.model: RelationModel | None = model if isinstance(model, RelationModel) else None
        self.min_score = min_score

    def extract(self, doc: Document) -> Extraction:
        out = Extraction(doc)
        for part in self.extract_pieces(doc, [doc.text or ""]):
            out.claims += part.claims
            out.actors += part.actors
        return out

    def extract_pieces(self, doc: Document, pieces: Iterable[str]) -> Iterator[Extraction]:
        """What :meth:`extract` finds, a block of :data:`BLOCK_CHARS` at most at a time.

        ``pieces`` are the document's text, one after the other; ``doc.text`` is not
        read, so a text too long to hold may come from a file a piece at a time. Each
        extraction holds one block's claims (offsets into the whole text) and the new
        actors they are the first to name.
        """
        shared = _Shared(doc)
        reading = _Reading()
        told: set[str] = set()
        for offset, text, alone in _alone(paragraphs(pieces, BLOCK_CHARS)):
            out = Extraction(doc)
            used: set[str] = set()
            for unit in self._block_units(doc, offset, text, alone, reading):
                for claim in self._claims(doc, unit, shared):
                    out.claims.append(claim)
                    used.update((claim.subject, claim.object))
            out.actors = [a for a in reading.new_actors.values()
                          if a.id in used and a.id not in told]  # fmt: skip
            told.update(a.id for a in out.actors)
            yield out

    def units(self, doc: Document, new_actors: dict[str, Actor] | None = None,
              featurize: bool = False) -> Iterator[Unit]:
        """Each sentence of ``doc`` that names two different actors, with its candidates.

        Candidates and their features are computed where a model will read them
        (``featurize`` asks for them without a model: training does).
        """
        reading = _Reading({} if new_actors is None else new_actors)
        for offset, text, alone in _alone(paragraphs([doc.text or ""], BLOCK_CHARS)):
            yield from self._block_units(doc, offset, text, alone, reading, featurize)

    def _block_units(self, doc: Document, offset: int, text: str, alone: bool,
                     reading: _Reading, featurize: bool = False) -> Iterator[Unit]:
        """:meth:`units` of one block of ``doc``'s text, which starts at ``offset``.

        A document of one block naming no actor of the gazetteer yields nothing; in
        a longer one, a block may relate candidates alone, as the whole text would.
        Everything is read from the text with its dashes folded (the one place they
        are: "Iran‐backed" reads as "Iran-backed"); quotes keep the text as written.
        """
        featurize = featurize or self.model is not None
        written, text = text, fold_dashes(text)
        found = self.gazetteer.find(text)
        if alone and len({m.actor for m in found if m.kind in ACTOR_KINDS}) < 1:
            return
        mentions = resolve_references(text, found, self.gazetteer, reading.referents)
        reading.referents = referents([*reading.referents, *found])
        new_actors = reading.new_actors
        for start, end, name, kind in candidate_orgs(text, mentions):
            actor_id = "new-" + _slug(name)
            if len(actor_id) <= 4:
                continue
            _candidate(new_actors, doc, actor_id, name, kind)
            mentions.append(Mention(start, end, actor_id, kind, "candidate"))
        mentions.sort(key=lambda m: m.start)
        drop, described = descriptive(text, mentions)
        if described:
            # A description names different actors in different texts: one per document.
            scope = hashlib.sha1(doc.id.encode("utf-8")).hexdigest()[:6]
            for i in reversed(drop):
                del mentions[i]
            for start, end, name, kind in described:
                actor_id = f"new-{_slug(name)}-{scope}"
                _candidate(new_actors, doc, actor_id, name, kind)
                mentions.append(Mention(start, end, actor_id, kind, "description"))
            mentions.sort(key=lambda m: m.start)
        starts = [m.start for m in mentions]

        def two_actors(start: int, end: int) -> bool:
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            return _two_actors(mentions, lo, hi)

        for sent in sentences(text, keep=two_actors):
            lo = bisect.bisect_left(starts, sent.start)
            hi = bisect.bisect_left(starts, sent.end)
            inside = [m for m in mentions[lo:hi] if m.end <= sent.end]
            if not _two_actors(inside, 0, len(inside)):
                continue
            local = [
                Mention(m.start - sent.start, m.end - sent.start, m.actor, m.kind, m.form)
                for m in inside
            ]
            quote = sent.text if written is text else written[sent.start : sent.end]
            if offset:
                sent = sent._replace(start=sent.start + offset, end=sent.end + offset)
            if not featurize and hedge.is_question(sent.text):
                continue
            found_cues = cues(sent.text)
            rules = relations(sent.text, local, found_cues)
            candidates: list[Candidate] = []
            if featurize:
                votes: dict[tuple[str, str], str] = {}
                for r in rules:
                    votes.setdefault((r.subject.actor, r.object.actor), r.type)
                words = sentence_words(sent.text, local)
                candidates = [
                    Candidate(a, b, pair_features(sent.text, local, a, b, votes, words))
                    for a, b in candidate_pairs(local)
                ]
            yield Unit(sent, local, found_cues, rules, candidates, quote)

    def decide(self, unit: Unit) -> list[tuple[Relation, str, float | None]]:
        """(relation, stance, score) for every candidate the heads accept.

        The rules decide where there is no model (and give no score). A stance is the weaker of the
        stance head's and the hedge rules' reading: the text's weakest cue wins.
        """
        text = unit.sentence.text
        if self.model is None:
            return [(r, hedge.stance_of(text, r.trigger[0]), None) for r in unit.rules]
        if not unit.candidates or hedge.is_question(text):
            return []  # a question states nothing, whatever its words (as with the rules)
        model = self.model
        rows = model.rows([c.features for c in unit.candidates])
        extra = None
        if model.dense is not None:  # the lex+minilm design: the sentence's MiniLM states too
            extra = model.dense.logits(pair_vectors(
                [(text, (c.subject.start, c.subject.end), (c.object.start, c.object.end))
                 for c in unit.candidates]))
        rel_p = model.relation.probabilities(rows, extra)
        labels = model.relation.labels
        best: dict[tuple[str, str, str], tuple[Relation, int, float]] = {}
        triggers = {(r.subject.actor, r.object.actor, r.type): r.trigger for r in unit.rules}
        none = labels.index("none")
        threshold, rule_threshold = model.threshold, model.rule_threshold
        ruled: dict[tuple[str, str], list[str]] = {}
        for r in unit.rules:
            types = ruled.setdefault((r.subject.actor, r.object.actor), [])
            if r.type not in types:
                types.append(r.type)
        for i, cand in enumerate(unit.candidates):
            probs = rel_p[i]
            s, o = cand.subject, cand.object
            rule_types = ruled.get((s.actor, o.actor))
            if probs[none] >= (threshold if rule_types is None else rule_threshold):
                continue
            if rule_types is not None:  # the rules are precise about the type
                found = [(t, 1.0 - float(probs[none])) for t in rule_types]
            else:
                found = self._labels(probs, labels, none, rows[i])
            for label, score in found:
                if score < self.min_score:
                    continue
                a, b = (o, s) if VOCAB.claim_types[label].symmetric and o.start < s.start \
                    else (s, o)
                if not VOCAB.claim_types[label].takes(a.kind, b.kind):
                    continue  # a type with sides of kinds it does not take (vocab.yaml)
                key = (a.actor, label, b.actor)
                if key in best and best[key][2] >= score:
                    continue
                left, right = (a, b) if a.start < b.start else (b, a)
                trigger = triggers.get(key, (left.end, max(left.end, right.start)))
                best[key] = (Relation(a, b, label, trigger), i, score)
        # The rules' reading of modals, plans and conditions stands for the relations the
        # rules did not find (theirs were checked already): such a relation is hypothetical.
        unstated = Unstated(text)
        for key, (rel, _, _) in list(best.items()):
            if key[1] not in _SAID_AS_THREAT and (rel.subject.actor, rel.object.actor) not in \
                    ruled and unstated(rel.trigger[1]):
                del best[key]
        # "Lifted its sanctions on Sudan": the end of a sanction, whoever found the pair.
        for key, (rel, _, _) in list(best.items()):
            if key[1] == "sanction" and sanction_relief(
                    text, min(rel.subject.start, rel.object.start),
                    max(rel.subject.end, rel.object.end)):
                del best[key]
        if not best:
            return []
        chosen = list(best.values())
        st_p = model.stance.probabilities([rows[i] for _, i, _ in chosen])
        out: list[tuple[Relation, str, float | None]] = []
        for (rel, _, score), probs in zip(chosen, st_p, strict=True):
            stance = cautious_stance(model.stance.labels, probs)
            if stance == "hypothetical":
                continue  # a plan or a possibility: never stored as a report of fact
            floor = hedge.stance_of(text, rel.trigger[0])
            left, right = sorted((rel.subject, rel.object), key=lambda m: m.start)
            if _STANCE_RANK[floor] > _STANCE_RANK["denied"] and hedge.negated_near(
                    text, left.end, right.start, right.end):
                floor = "denied"
            if _STANCE_RANK[floor] < _STANCE_RANK[stance]:
                stance = floor
            out.append((rel, stance, score))
        return out

    def _labels(self, probs: Any, labels: tuple[str, ...], none: int,
                row: list[int]) -> list[tuple[str, float]]:
        """The family with the most probability, then its types by the type head: the
        likeliest, and any other of that family at least ``SECOND_TYPE`` probable
        ("funds and arms").

        The score is the family's probability: how sure the model is that the
        pair holds a relation of that kind in that direction.
        """
        families: dict[str, float] = {}
        best_in: dict[str, tuple[float, str]] = {}
        for k, label in enumerate(labels):
            if k == none:
                continue
            fam = _FAMILY[label]
            p = float(probs[k])
            families[fam] = families.get(fam, 0.0) + p
            if p > best_in.get(fam, (-1.0, ""))[0]:
                best_in[fam] = (p, label)
        family = max(families, key=families.__getitem__)
        score = families[family]
        kind = self.model.kind if self.model is not None else None
        if kind is not None:
            kp = kind.probabilities([row])[0]
            inside = sorted(((float(kp[j]), t) for j, t in enumerate(kind.labels)
                             if _FAMILY[t] == family), reverse=True)
            if inside:
                return [(inside[0][1], score)] + [
                    (t, score) for p, t in inside[1:] if p >= SECOND_TYPE]
        return [(best_in[family][1], score)]

    def _claims(self, doc: Document, unit: Unit, shared: _Shared) -> list[Claim]:
        found = self.decide(unit)
        if not found:
            return []
        local, text = unit.mentions, unit.sentence.text
        sent = unit.sentence._replace(text=unit.quote) if unit.quote else unit.sentence
        attribution = shared.attribution(hedge.find_attribution(text))
        when = find_time(text) or shared.undated
        money = find_money(text) if any(r.type in _MONEY_TYPES for r, _, _ in found) else None
        origin = self.model.origin if self.model is not None else ORIGIN
        claims: list[Claim] = []
        for rel, stance, score in found:
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
                    origin,
                    score,
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
        origin: str = ORIGIN,
        score: float | None = None,
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
            origin=origin,
            score=None if score is None else round(score, 3),
            review="proposed",
        )

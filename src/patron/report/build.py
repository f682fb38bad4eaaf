"""Assemble the brief on PATRON → CLIENT from the knowledge base.

Sections, in order: the relationship at a glance, history, pillars of support,
the client in the patron's wider network, alleged versus established, stated
justifications (and denials), other backers, escalation outlook. Every factual
sentence is written by :mod:`patron.report.wording` from the claims it cites.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from patron.graph.backing import TypeSummary, who_backs
from patron.graph.blocs import blocs
from patron.graph.brokers import brokers
from patron.graph.dependence import concentration, dependence
from patron.graph.profile import timeline_rows
from patron.graph.view import Slice, View, open_view
from patron.kb import KnowledgeBase
from patron.model import Actor, Claim, Document
from patron.report import charts
from patron.report.brief import Brief, Section, Sentence
from patron.report.wording import hedged, join_names, phrase, source_of, type_label
from patron.store import ClaimFilter
from patron.store.filters import Unreviewed
from patron.timespan import TimeSpan
from patron.vocab import VOCAB

__all__ = ["PILLARS", "build_brief"]

#: The pillars of support, each with the claim types it gathers.
PILLARS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Funding", ("funding",)),
    ("Training", ("training",)),
    ("Arms, materiel and routes", ("arms", "materiel", "transit")),
    ("Safe haven", ("safe_haven",)),
    ("Diplomatic support", ("diplomatic",)),
    ("Other support", ("troops", "intelligence", "humanitarian", "backing")),
)
#: A pair's history in a brief: what strains or restores support, meetings and alliances.
_HISTORY = (*VOCAB.modifiers, "meeting", "alliance")
_STANCE_ORDER = ("asserted", "reported", "alleged", "disputed", "denied")


@dataclass
class _Pair:
    """The claims between the patron's side (the patron and its organs) and the client."""

    kb: KnowledgeBase
    patron: Actor
    client: Actor
    side: tuple[str, ...]
    view: View
    claims: list[Claim]
    names: dict[str, str]
    documents: dict[str, Document]
    extra: list[Claim] = field(default_factory=list)  # cited claims outside the pair

    @property
    def support(self) -> list[Claim]:
        return [c for c in self.claims if c.family == "support" and c.subject in self.side
                and c.object == self.client.id]

    def of(self, *types: str) -> list[Claim]:
        return [c for c in self.claims if c.type in types]

    def sentence(self, claims: Sequence[Claim], span: TimeSpan | None = None) -> Sentence:
        text = phrase(claims, self.names, self.documents, span)
        return Sentence(hedged(text, [c.stance for c in claims]), tuple(c.id for c in claims))


def _cite(claims: Sequence[Claim]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.id for c in claims))


def _fact(text: str, claims: Sequence[Claim]) -> Sentence:
    return Sentence(hedged(text, [c.stance for c in claims]), _cite(claims))


def build_brief(kb: KnowledgeBase, patron: Actor, client: Actor, *, as_of: str | None = None,
                outlook: bool = True, runs: int = 2000, unreviewed: Unreviewed = "exclude",
                with_charts: bool = True) -> Brief:
    """The brief on why ``patron`` backs ``client``, from claims that hold ``as_of``.

    ``unreviewed`` as in :class:`~patron.store.ClaimFilter` (the command passes
    ``--unreviewed``/``PATRON_UNREVIEWED``); ``runs`` simulator runs for the outlook.
    """
    window = Slice.of(as_of=as_of)
    view = open_view(kb.store, window, ClaimFilter(unreviewed=unreviewed))
    side = (patron.id, *view.organs(patron.id))
    found = kb.store.claims(ClaimFilter(actors=(client.id,), lo=window.lo, hi=window.hi,
                                        unreviewed=unreviewed))
    claims = [c for c in found if c.review != "rejected"
              and {c.subject, c.object} & set(side) and client.id in (c.subject, c.object)]
    ids = {c.subject for c in claims} | {c.object for c in claims} | set(side) | {client.id}
    ids |= {p for c in claims for p in c.route}
    pair = _Pair(kb, patron, client, side, view, claims, kb.store.display_names(ids),
                 kb.store.documents(c.evidence.document for c in claims))
    sections = [_glance(pair), _history(pair), _pillars(pair), _network(pair),
                _established(pair), _justifications(pair), _others(pair, unreviewed)]
    brief = Brief(patron=patron.name, client=client.name,
                  title=f"Why {patron.name} backs {client.name}", window=window.label,
                  sections=sections, claims={c.id: c for c in claims + pair.extra},
                  documents=dict(pair.documents))
    if outlook:
        from patron.report.outlook import outlook_section

        starts = [c.time.bounds()[0] for c in claims if c.time.start]
        day = window.hi or (max(starts) if starts else None)
        sections.append(outlook_section(kb, pair.view, patron, client, runs, unreviewed, day))
    else:
        sec = Section("outlook", "Escalation outlook")
        sec.add(Sentence("The escalation simulator was not run for this brief (--no-outlook).",
                         kind="note"))
        sections.append(sec)
    brief.claims.update(_extra_claims(brief, pair))
    if with_charts and pair.support:
        brief.charts["support"] = charts.support_over_time(pair.support, pair.of(*_HISTORY),
                                                           f"{patron.name} → {client.name}")
        brief.chart_titles["support"] = "Support claims per year, by stance"
        brief.charts["network"] = charts.ego_network(view, client.id, patron.id)
        brief.chart_titles["network"] = f"{client.name}'s ego network ({window.label})"
    return brief


def _extra_claims(brief: Brief, pair: _Pair) -> dict[str, Claim]:
    """Claims cited by network sentences that lie outside the pair (other backers, blocs)."""
    cited = {cid for s in brief.sentences() for cid in s.claims} - set(brief.claims)
    out = {cid: pair.view.claims[cid] for cid in cited if cid in pair.view.claims}
    brief.documents.update(pair.kb.store.documents(c.evidence.document for c in out.values()))
    return out


def _none(pair: _Pair, what: str) -> Sentence:
    return Sentence(f"The knowledge base holds no claim that {what}.", kind="note")


def _glance(pair: _Pair) -> Section:
    sec = Section("glance", "The relationship at a glance")
    support = pair.support
    p, c = pair.patron.name, pair.client.name
    if not support:
        sec.add(_none(pair, f"{p} or its organs support {c} ({pair.view.slice.label})"))
        return sec
    organs = sorted({pair.names.get(x.subject, x.subject) for x in support
                     if x.subject != pair.patron.id})
    who = p + (f" (with {join_names(organs)})" if organs else "")
    docs = {x.evidence.document for x in support}
    dated = [x for x in support if x.time.start]
    first = min(dated, key=lambda x: x.time.bounds()) if dated else None
    since = f", the earliest from {first.time.start}" if first else ""
    sec.add(_fact(f"The knowledge base holds {len(support)} claims on support from {who} to "
                  f"{c}, from {len(docs)} sources{since}.", support))
    lines = []
    for summary in _summaries(support):
        best = summary.best.stance
        group = [x for x in summary.claims if x.stance == best]
        lines.append(pair.sentence(group, TypeSummary("", group).span))
    sec.add(*lines)
    tie = pair.view.tie(pair.patron.id, pair.client.id, "support")
    if tie is not None:
        tie_claims = [pair.view.claims[i] for i in tie["claims"] if i in pair.view.claims]
        dep = dependence(pair.view, pair.client.id)
        share = next((s for r, s in dep.shares if r.actor == pair.patron.id), None)
        text = (f"In the network built from these claims the tie weighs {tie['weight']:.2f} "
                f"over {tie['sources']} independent sources")
        if share is not None:
            rank = 1 + sum(1 for _, s in dep.shares if s > share)
            text += (f", {share:.0%} of {c}'s support (rank {rank} of {len(dep.shares)} "
                     f"patrons; concentration {concentration(dep.hhi)}, HHI {dep.hhi:.2f})")
        if tie["strained"]:
            text += "; ruptures on record lower it"
        sec.add(_fact(text + ".", tie_claims))
    counts = {s: sum(1 for x in support if x.stance == s) for s in _STANCE_ORDER}
    said = join_names([f"{n} {s}" for s, n in counts.items() if n])
    grades = sorted({x.grade for x in support})
    sec.add(_fact(f"Confidence: of these claims {said}; grades run from {grades[0]} to "
                  f"{grades[-1]} (Admiralty code, A1 best).", support))
    return sec


def _summaries(claims: list[Claim]) -> list[TypeSummary]:
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        groups.setdefault(c.type, []).append(c)
    order = {t: i for i, t in enumerate(VOCAB.types_in("support"))}
    return [TypeSummary(t, cs) for t, cs in sorted(groups.items(),
                                                   key=lambda kv: order.get(kv[0], 99))]


def _rows(pair: _Pair, claims: list[Claim]) -> list[Sentence]:
    return [pair.sentence(r.claims, r.span) for r in timeline_rows(claims)]


def _history(pair: _Pair) -> Section:
    sec = Section("history", "History", chart="support")
    support = [c for c in pair.support if c.time.start]
    if support:
        first = min(c.time.bounds()[0] for c in support) // 10000
        begun = [c for c in support if c.time.bounds()[0] // 10000 <= first + 1]
        sec.add(Sentence(f"Beginnings ({first}):", kind="note"), *_rows(pair, begun)[:6])
    events = pair.of(*_HISTORY)
    if events:
        sec.add(Sentence("Ruptures, resumptions and meetings, in time order:", kind="note"),
                *_rows(pair, events))
    else:
        sec.add(_none(pair, f"ties between {pair.patron.name} and {pair.client.name} were "
                      "ever cut, strained or resumed"))
    return sec


def _pillars(pair: _Pair) -> Section:
    sec = Section("pillars", "Pillars of support")
    support = pair.support
    for title, types in PILLARS:
        claims = [c for c in support if c.type in types]
        if claims:
            sec.add(Sentence(f"{title}:", kind="note"), *_rows(pair, claims))
    if not support:
        sec.add(_none(pair, f"{pair.patron.name} gives {pair.client.name} funding, training, "
                      "arms or any other support"))
    return sec


def _network(pair: _Pair) -> Section:
    sec = Section("network", f"{pair.client.name} in {pair.patron.name}'s wider network",
                  chart="network")
    view, p, c = pair.view, pair.patron.id, pair.client.id
    if c not in view.graph:
        sec.add(Sentence(f"{pair.client.name} has no ties in the network "
                         f"({view.slice.label}).", kind="note"))
        return sec
    dep = dependence(view, c)
    if dep.shares:
        top = dep.shares[:3]
        parts = [f"{view.name(r.actor)} {s:.0%}" for r, s in top]
        cited = [view.claims[i] for r, _ in top for i in r.claims if i in view.claims]
        sec.add(_fact(f"Dependence: {pair.client.name}'s support comes from "
                      f"{len(dep.shares)} patrons, the largest shares {join_names(parts)} "
                      f"(effective patrons {1 / dep.hhi:.1f}).", cited))
    found = brokers(view, to=c, top=5)
    rows = [b for b in found.brokers if b.score > 0 and b.actor != p]
    if rows:
        parts = [f"{view.name(b.actor)} ({b.score:.0%})" for b in rows]
        cited = [view.claims[i] for b in rows for i in b.claims if i in view.claims]
        sec.add(_fact(f"Brokers: the routes of the support {pair.client.name} receives run "
                      f"through {join_names(parts)} (share of that support, weighed).", cited))
    found_blocs = blocs(view)
    mine, theirs = found_blocs.bloc_of(p), found_blocs.bloc_of(c)
    if mine is not None and mine == theirs:
        bloc = found_blocs.blocs[mine - 1]
        members = [view.name(m) for m in bloc.members if view.graph.degree(m)]
        cited = [view.claims[i] for _, t in bloc.holding for i in t.pos_claims
                 if i in view.claims]
        shown = join_names(members[:8]) + (f" and {len(members) - 8} more"
                                           if len(members) > 8 else "")
        sec.add(_fact(f"Bloc: {pair.patron.name} and {pair.client.name} fall in one bloc of "
                      f"{len(bloc.members)} actors ({shown}), held together by the support "
                      "and alignment ties cited here.", cited))
    elif mine is not None or theirs is not None:
        sec.add(Sentence(f"{pair.patron.name} and {pair.client.name} fall in different blocs "
                         "of the signed-community analysis.", kind="note"))
    return sec


def _established(pair: _Pair) -> Section:
    sec = Section("stances", "Alleged versus established, and who says so")
    support = pair.support
    if not support:
        sec.add(_none(pair, f"{pair.patron.name} supports {pair.client.name}"))
        return sec
    for stance in _STANCE_ORDER:
        lines = []
        for summary in _summaries([c for c in support if c.stance == stance]):
            lines.append(pair.sentence(summary.claims, summary.span))
        if lines:
            label = {"asserted": "Stated as fact by their sources",
                     "reported": "Reported (hedged by their sources)",
                     "alleged": "Alleged, not established", "disputed": "Disputed",
                     "denied": "Denied"}[stance]
            sec.add(Sentence(f"{label}:", kind="note"), *lines)
    return sec


def _justifications(pair: _Pair) -> Section:
    sec = Section("justifications", "Stated justifications, in the actors' own words")
    for kind, none in (("justification", "gave reasons for this support"),
                       ("denial", "denied a part in it")):
        lines = []
        for c in pair.of(kind):
            text = _words(c, pair)
            if text:
                lines.append(_fact(text, [c]))
        title = "Justifications:" if kind == "justification" else "Denials:"
        if lines:
            sec.add(Sentence(title, kind="note"), *lines)
        else:
            sec.add(_none(pair, f"either side {none}"))
    return sec


def _examples(group: list[Claim]) -> list[Claim]:
    """The claims of one source and type that say most: the best graded, then latest."""
    best = max(group, key=lambda c: (-ord(c.grade[0]), -int(c.grade[1]),
                                     c.magnitude is not None, c.time.bounds()))
    return [c for c in group if (c.type, c.evidence.document, c.attribution.by)
            == (best.type, best.evidence.document, best.attribution.by)]


def _words(c: Claim, pair: _Pair) -> str | None:
    """A justification or denial in the words the claim's evidence keeps, attributed:
    the quote when there is one, else the source's summary, said to be one."""
    when = f" ({c.attribution.date})" if c.attribution.date else ""
    if c.evidence.quote and c.attribution.by:
        text = f"In the words of {c.attribution.by}{when}: “{c.evidence.quote}”"
    elif c.evidence.quote:
        text = f"{source_of(c, pair.documents)} writes{when}: “{c.evidence.quote}”"
    elif c.statement:
        text = (f"{source_of(c, pair.documents)}{when}, in the source's summary (no verbatim "
                f"quote stored): “{c.statement}”")
    else:
        return None
    if c.stance != "asserted":
        text = phrase([c], pair.names, pair.documents) + " " + text
    return text


def _others(pair: _Pair, unreviewed: Unreviewed) -> Section:
    sec = Section("others", f"Other backers of {pair.client.name}")
    window = pair.view.slice
    backing = who_backs(pair.kb.store, pair.client,
                        ClaimFilter(lo=window.lo, hi=window.hi, unreviewed=unreviewed))
    side = set(pair.side)
    others = [p for p in backing.partners if p.actor.id not in side and p.types]
    for partner in others[:8]:
        pair.names.setdefault(partner.actor.id, partner.actor.name)
        best = next(s for s in _STANCE_ORDER if any(c.stance == s for c in partner.claims))
        group = [c for c in partner.claims if c.stance == best]
        types = join_names([type_label(t) for t in dict.fromkeys(c.type for c in group)])
        example = _examples(group)
        many = "s" if len(group) != 1 else ""
        docs = "s" if partner.sources != 1 else ""
        how = {"asserted": "", "reported": ", reportedly", "alleged": ", as alleged",
               "disputed": ", disputed", "denied": ", denied"}[best]
        sec.add(_fact(f"{partner.actor.name}: {types}{how} ({len(group)} {best} claim{many}, "
                      f"{partner.sources} source{docs} in all).", group),
                _fact(phrase(example, pair.names, backing.documents,
                             TypeSummary("", example).span), example))
        pair.documents.update(backing.documents)
        pair.extra.extend(group)
    if len(others) > 8:
        sec.add(Sentence(f"{len(others) - 8} more backers are left out here.", kind="note"))
    if not others:
        sec.add(_none(pair, f"anyone but {pair.patron.name} supports {pair.client.name}"))
    return sec

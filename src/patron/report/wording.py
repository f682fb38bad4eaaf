"""Sentences from claims: the wording follows the stance, never the other way round.

Invariant: every factual sentence this module writes is a function of the claims it
cites (subject, type, object, time, amount, route, attribution, stance); nothing is
taken from anywhere else. ``asserted`` is stated plainly with its source;
``reported`` says "according to X" (or "reportedly"); ``alleged`` says "X alleges";
``disputed`` says "is disputed"; ``denied`` says "X denies". Each type reads as its
``phrase`` in vocab.yaml ("funded {o}").
"""

from __future__ import annotations

from collections.abc import Sequence

from patron.model import Claim, Document
from patron.timespan import TimeSpan
from patron.vocab import VOCAB

__all__ = ["HEDGES", "WEAK", "clause", "hedged", "join_names", "phrase", "source_of",
           "time_phrase", "type_label"]

#: Words that mark a sentence as not established, by stance.
HEDGES: dict[str, tuple[str, ...]] = {
    "reported": ("according to", "reportedly"),
    "alleged": ("alleges", "allege", "alleged"),
    "disputed": ("disputed",),
    "denied": ("denies", "deny", "denied"),
}
#: Stances a sentence may not state as fact.
WEAK = ("alleged", "disputed", "denied")

_LABELS = {"safe_haven": "safe haven", "diplomatic": "diplomatic support",
           "humanitarian": "humanitarian aid", "backing": "unspecified backing",
           "materiel": "materiel", "troops": "troops", "intelligence": "intelligence",
           "transit": "transit"}


def type_label(type_: str) -> str:
    """``safe_haven`` → ``safe haven``."""
    return _LABELS.get(type_, type_.replace("_", " "))


def join_names(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``; repeats dropped.

    >>> join_names(["UCDP", "US Department of State", "UCDP", "Reuters"])
    'UCDP, US Department of State and Reuters'
    """
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def time_phrase(span: TimeSpan) -> str:
    """``in 2020``, ``from 1990 to 1993``, ``from 1989 on``, ``until 2011``, or nothing.

    >>> time_phrase(TimeSpan(start="1990", end="1993")), time_phrase(TimeSpan(start="1989"))
    ('from 1990 to 1993', 'from 1989 on')
    """
    if span.start and span.end:
        return f"in {span.start}" if span.start == span.end else \
            f"from {span.start} to {span.end}"
    if span.start:
        return f"from {span.start} on"
    if span.end:
        return f"until {span.end}"
    return ""


def source_of(claim: Claim, documents: dict[str, Document]) -> str:
    """Who says it: the attribution, else the document's publisher, else its title."""
    if claim.attribution.by:
        return claim.attribution.by
    doc = documents.get(claim.evidence.document)
    if doc is not None and (doc.publisher or doc.title):
        return str(doc.publisher or doc.title)
    return "an unnamed source"


def clause(claims: Sequence[Claim], names: dict[str, str], span: TimeSpan | None = None
           ) -> str:
    """The bare event the claims state: ``Iran funded Hamas from 1990 to 1993 (about
    USD 30M/year)``. Every claim must share subject, type and object."""
    first = claims[0]
    s = names.get(first.subject, first.subject)
    o = names.get(first.object, first.object)
    text = f"{s} " + VOCAB.claim_types[first.type].phrase.format(o=o)  # "funded {o}"
    when = time_phrase(span or first.time)
    if when:
        text += " " + when
    amounts = list(dict.fromkeys(c.magnitude.label() for c in claims if c.magnitude))
    if amounts:
        text += f" (about {join_names(amounts)})"
    routes = list(dict.fromkeys(c.route for c in claims if c.route))
    if routes:
        hops = join_names([names.get(p, p) for p in routes[0]])
        text += f", by way of {hops}"
    return text


def phrase(claims: Sequence[Claim], names: dict[str, str], documents: dict[str, Document],
           span: TimeSpan | None = None) -> str:
    """One sentence for claims of one stance and one source, worded by that stance.

    An alleged funding claim attributed to the US Treasury reads ``US Department of
    the Treasury alleges that Iran funded Hamas in 2023-11.``
    """
    stance = claims[0].stance
    body = clause(claims, names, span)
    sources = [source_of(c, documents) for c in claims]
    who = join_names(sources)
    unnamed = who == "an unnamed source"
    if stance == "asserted":
        if unnamed:
            return f"{_cap(body)} (no source named)."
        return f"{_cap(body)} (source{'s' if len(set(sources)) > 1 else ''}: {who})."
    if stance == "reported":
        subject = names.get(claims[0].subject, claims[0].subject)
        return f"{_cap(subject)} reportedly{body[len(subject):]}." if unnamed else \
            f"According to {who}, {body}."
    if stance == "alleged":
        verb = "allege" if len(set(sources)) > 1 else "alleges"
        return f"It is alleged that {body}." if unnamed else f"{_cap(who)} {verb} that {body}."
    if stance == "disputed":
        return f"That {body} is disputed ({who})." if not unnamed else f"That {body} is disputed."
    verb = "deny" if len(set(sources)) > 1 else "denies"
    return f"That {body} is denied." if unnamed else f"{_cap(who)} {verb} that {body}."


def hedged(text: str, stances: Sequence[str]) -> str:
    """``text`` with a hedge added when every claim behind it is alleged, disputed or
    denied and the text has none of their hedge words yet."""
    if not stances or any(s not in WEAK for s in stances):
        return text
    words = [w for s in stances for w in HEDGES[s]]
    if any(w in text.lower() for w in words):
        return text
    return text.rstrip(".") + " (on alleged, disputed or denied claims only)."


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]

"""The wire form: how a claim, and the actors it names, are written as JSON.

One shape everywhere a claim leaves the library: ``--format json|jsonl|csv``,
``patron export``, ``patron extract``, the ``actor`` profile and the analyses'
documents. ``patron claims load`` reads the same shape back
(:mod:`patron.readers.claimfile`). An actor is named as ``{"id", "name"}``
(:func:`actor_ref`); a claim carries every field of the model with its actors
named that way and its source document inline (:func:`claim_record`).

>>> actor_ref("hamas", "Hamas")
{'id': 'hamas', 'name': 'Hamas'}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from patron.model import Actor, Claim, Document

__all__ = ["ActorRef", "actor_definition", "actor_record", "actor_ref", "claim_record"]


class ActorRef(TypedDict):
    """How JSON names an actor."""

    id: str
    name: str


def actor_ref(actor_id: str, name: str | None = None) -> ActorRef:
    """``{"id", "name"}``; with no name known, the id stands in for it."""
    return {"id": actor_id, "name": actor_id if name is None else name}


def actor_record(actor: Actor) -> dict[str, Any]:
    """Every field of an actor (``patron actors``, the profile's ``actor``)."""
    return actor.model_dump(mode="json")


def actor_definition(actor: Actor, origin: str) -> dict[str, Any]:
    """What a claim's wire form says of an actor the gazetteer lacks, so that a
    knowledge base loading the claim can make it: every field that is set, and its
    origin (``extract:candidate``, ``import``...).

    >>> actor_definition(Actor(id="new-x-front", name="X Front", kind="armed_group"), "import")
    {'id': 'new-x-front', 'name': 'X Front', 'kind': 'armed_group', 'origin': 'import'}
    """
    return {**actor.model_dump(mode="json", exclude_defaults=True), "origin": origin}


def _named(
    actor_id: str, names: Mapping[str, str], defined: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    if actor_id in defined:
        return dict(defined[actor_id])
    return dict(actor_ref(actor_id, names.get(actor_id)))


def claim_record(
    claim: Claim,
    names: Mapping[str, str],
    documents: Mapping[str, Document],
    defined: Mapping[str, dict[str, Any]] | None = None,
    reviewed: Mapping[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A claim's wire form: actors as ``{"id", "name"}``, its source document inline.

    An actor in ``defined`` (actor id → :func:`actor_definition`) is written whole
    instead, so ``patron claims load`` can make it where it is not known. A claim in
    ``reviewed`` (claim id → :func:`patron.store.reviews.wired`) carries its review
    rows (``reviews``) and the state it was stored with (``stored``); its ``review``,
    ``stance`` and ``grade`` are those its latest review gave it.
    """
    data = claim.model_dump(mode="json")
    own = defined or {}
    data["subject"] = _named(claim.subject, names, own)
    data["object"] = _named(claim.object, names, own)
    data["route"] = [_named(p, names, own) for p in claim.route]
    doc = documents.get(claim.evidence.document)
    if doc is not None:
        data["source"] = doc.model_dump(mode="json", exclude={"text"})
    if reviewed and claim.id in reviewed:
        data.update(reviewed[claim.id])
    return data

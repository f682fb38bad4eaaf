"""Patron records ↔ FollowTheMoney entities (Aleph, OpenSanctions, yente).

Mapping, one way and back:

=============================  =================================================
Patron                         FtM
=============================  =================================================
actor (state, state organ)     ``PublicBody``: FtM has no Country schema, so a
                               state is the public body that governs it, with
                               ``country`` set
actor (person)                 ``Person``
actor (place)                  ``Territory``
other actors                   ``Organization``
actor kind, part_of            ``classification``, ``parent``
document                       ``Article`` (the text is not exported)
claim ``member_of``            ``Membership`` (member → organization)
claim ``funding`` with amount  ``Payment`` (payer → beneficiary)
other claims                   ``UnknownLink`` (subject → object)
claim type, stance, statement  ``role`` (``purpose`` on Payment), ``status``,
                               ``summary``; source as ``proof``
document → actors it names     ``Documentation`` links
=============================  =================================================

FtM has no slot for a grade, origin, review or evidence offsets, so a link's
``description`` carries the Patron fields as JSON (``{"patron": {...}}``). An
import reads them back, so a round trip keeps every claim id, stance, grade and
source, and export → import → export gives identical files: entities are sorted
by id and written with sorted keys.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from patron.ftmkeys import ACTOR_PREFIX, FIELDS_KEY, LINK_ENDS
from patron.model import Actor, Claim, Document
from patron.store import ClaimFilter, Store

__all__ = [
    "actor_entity",
    "claim_entity",
    "document_entity",
    "documentation_entity",
    "entities",
    "export",
    "render",
    "write",
]

_SCHEMA_OF_KIND = {
    "state": "PublicBody",
    "state_organ": "PublicBody",
    "person": "Person",
    "place": "Territory",
}


def actor_entity(actor: Actor) -> EntityProxy:
    """An actor as a PublicBody, Person, Territory or Organization."""
    entity = model.make_entity(_SCHEMA_OF_KIND.get(actor.kind, "Organization"))
    entity.id = ACTOR_PREFIX + actor.id
    entity.add("name", actor.name)
    entity.add("alias", list(actor.aliases))
    if entity.schema.get("abbreviation"):
        entity.add("abbreviation", list(actor.acronyms))
    if entity.schema.get("classification"):
        entity.add("classification", actor.kind)
    if actor.part_of and entity.schema.get("parent"):
        entity.add("parent", ACTOR_PREFIX + actor.part_of)
    entity.add("country", actor.country)
    entity.add("wikidataId", actor.wikidata)
    return entity


def document_entity(doc: Document) -> EntityProxy:
    entity = model.make_entity("Article")
    entity.id = doc.id
    entity.add("title", doc.title)
    entity.add("name", doc.title or doc.citation())
    entity.add("publisher", doc.publisher)
    entity.add("publishedAt", doc.published)
    entity.add("sourceUrl", doc.url)
    entity.add("keywords", doc.kind)
    return entity


def _patron_fields(claim: Claim) -> dict[str, Any]:
    data = claim.model_dump(mode="json", exclude={"id", "subject", "type", "object"})
    return {FIELDS_KEY: data}


def _link_schema(claim: Claim, kinds: dict[str, str]) -> str:
    legal = all(kinds.get(a) not in (None, "place") for a in (claim.subject, claim.object))
    if claim.type == "member_of" and legal and kinds.get(claim.object) != "person":
        return "Membership"
    if claim.type == "funding" and claim.magnitude is not None and legal:
        return "Payment"
    return "UnknownLink"


def claim_entity(claim: Claim, kinds: dict[str, str]) -> EntityProxy:
    """A claim as a link entity; ``kinds`` (actor id → kind) picks the schema."""
    schema = _link_schema(claim, kinds)
    entity = model.make_entity(schema)
    entity.id = claim.id
    source, target = LINK_ENDS[schema]
    entity.add(source, ACTOR_PREFIX + claim.subject)
    entity.add(target, ACTOR_PREFIX + claim.object)
    entity.add("purpose" if schema == "Payment" else "role", claim.type)
    if schema == "Payment" and claim.magnitude:
        entity.add("amount", claim.magnitude.amount)
        entity.add("currency", claim.magnitude.currency)
    if schema != "Payment":
        entity.add("status", claim.stance)
    entity.add("recordId", claim.id)
    entity.add("startDate", claim.time.start)
    entity.add("endDate", claim.time.end)
    entity.add("summary", claim.statement)
    entity.add("proof", claim.evidence.document)
    entity.add("publisher", claim.attribution.by)
    entity.add("description", json.dumps(_patron_fields(claim), sort_keys=True, ensure_ascii=False))
    return entity


def documentation_entity(doc_id: str, actor_id: str) -> EntityProxy:
    """``doc_id`` documents ``actor_id`` (it is the source of a claim naming it)."""
    entity = model.make_entity("Documentation")
    key = hashlib.sha1(f"{doc_id}\x1f{actor_id}".encode()).hexdigest()[:20]
    entity.id = f"docn-{key}"
    entity.add("document", doc_id)
    entity.add("entity", ACTOR_PREFIX + actor_id)
    entity.add("role", "source")
    return entity


def entities(
    claims: Iterable[Claim], actors: Iterable[Actor], documents: Iterable[Document]
) -> Iterator[EntityProxy]:
    """Every entity of an export, sorted by id."""
    actor_list = list(actors)
    kinds = {a.id: a.kind for a in actor_list}
    out = [actor_entity(a) for a in actor_list]
    out += [document_entity(d) for d in documents]
    claim_list = list(claims)
    out += [claim_entity(c, kinds) for c in claim_list]
    pairs = {(c.evidence.document, a) for c in claim_list for a in (c.subject, c.object)}
    out += [documentation_entity(d, a) for d, a in pairs]
    yield from sorted(out, key=lambda e: str(e.id))


def write(items: Iterable[EntityProxy], out: TextIO) -> int:
    """FtM JSON lines (keys sorted); returns how many entities were written."""
    count = 0
    for entity in items:
        out.write(json.dumps(entity.to_dict(), sort_keys=True, ensure_ascii=False) + "\n")
        count += 1
    return count


def export(store: Store, flt: ClaimFilter, out: TextIO) -> int:
    """The claims passing ``flt``, their actors and sources as FtM JSON lines."""
    claims = store.claims(flt)
    ids = {a for c in claims for a in (c.subject, c.object, *c.route)}
    docs = store.documents(c.evidence.document for c in claims)
    return write(entities(claims, store.actors(ids), docs.values()), out)


def render(store: Store, flt: ClaimFilter) -> tuple[bytes, int]:
    """:func:`export` into bytes: ``(file content, entity count)``."""
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    count = export(store, flt, text)
    text.detach()
    return buffer.getvalue(), count

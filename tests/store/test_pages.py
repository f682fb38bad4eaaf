"""The API's reads: pages of claims in the store's order, one document's claims, and the
change counter that moves with every kind of write."""

from __future__ import annotations

from patron.kb import KnowledgeBase
from patron.model import Actor, Document
from patron.store import ClaimFilter, pages
from patron.store.accounts import Accounts
from patron.store.reviews import add_comment
from tests.factory import claim


def test_pages_of_claims_are_slices_of_the_listing(kb: KnowledgeBase) -> None:
    flt = ClaimFilter(actors=("hamas",))
    every = [c.id for c in kb.store.claims(flt)]
    assert len(every) > 2
    got = [c.id for off in range(0, len(every), 2)
           for c in pages.claims_page(kb.store, flt, offset=off, limit=2)]
    assert got == every


def test_one_claim_and_a_documents_claims(kb: KnowledgeBase) -> None:
    first = kb.store.claims()[0]
    found = pages.claim(kb.store, first.id)
    assert found is not None and found.model_dump() == first.model_dump()
    assert pages.claim(kb.store, "clm-none") is None
    doc = first.evidence.document
    items, total = pages.document_claims(kb.store, doc)
    assert total == len(items) and {c.evidence.document for c in items} == {doc}
    assert pages.document_claims(kb.store, doc, offset=1, limit=1)[0] == items[1:2]
    docs, count = pages.documents_page(kb.store, offset=0, limit=10)
    assert count == len(docs) == 2 and all(d.text is None for d in docs)


def test_the_counter_moves_with_every_kind_of_write(kb: KnowledgeBase) -> None:
    seen = [pages.state(kb.store)]

    def moved() -> bool:
        seen.append(pages.state(kb.store))
        return seen[-1] != seen[-2]

    kb.store.add([Document(id="doc-new", title="new")], [])
    assert moved()
    kb.store.put_actors([Actor(id="zorbland", name="Zorbland", kind="state")])
    assert moved()
    kb.store.add([Document(id="doc-test")], [claim()])
    assert moved()
    add_comment(kb.store, kb.store.claims()[0].id, "checked", by="test")
    assert moved()
    Accounts(kb.store).add_user("ada", "viewer", by="test")
    assert moved()
    assert not moved()  # reading moves nothing


def test_pages_of_actors_are_slices_of_the_listing(kb: KnowledgeBase) -> None:
    for kind, query in ((None, None), ("state", None), (None, "hez")):
        every = [a.id for a in kb.store.actors(kind=kind, query=query)]
        got = []
        for off in range(0, len(every) + 3, 3):
            items, total = pages.actors_page(kb.store, kind=kind, query=query, offset=off,
                                             limit=3)
            got += [a.id for a in items]
            assert total == len(every)
        assert got == every and every

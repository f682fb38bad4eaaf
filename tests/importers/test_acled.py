"""ACLED import: attacks become dated attack claims, co-fighters alliance claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from patron.errors import InputError
from patron.importers import acled
from patron.importers.batch import ActorBook, store_batch
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "acled" / "sample.csv"


def test_attacks_and_associated_actors(kb: KnowledgeBase) -> None:
    report = store_batch(kb, acled.read(SAMPLE, ActorBook.of(kb)))
    claims = kb.store.claims(ClaimFilter(origins=("import:acled",)))
    got = {(c.subject, c.type, c.object, c.time.label()) for c in claims}
    assert ("hezbollah", "attack", "qatar", "2024-01-14") in got  # "Military Forces of Qatar"
    assert ("kataib-hezbollah", "alliance", "hamas", "2024-03-15") in got
    assert ("acled-new-front-of-tests", "attack", "hezbollah", "2024-03-17") in got
    attack = next(c for c in claims if c.subject == "hezbollah")
    assert attack.attribution.by == "Synthetic Wire"
    assert attack.evidence.quote and "rockets" in attack.evidence.quote
    assert "Kfar Kila" in (attack.statement or "")
    assert report.rows_read == 4 and report.actors_created == 1
    assert report.skipped == {"events of type Protests": 1}
    again = store_batch(kb, acled.read(SAMPLE, ActorBook.of(kb)))
    assert (again.claims_new, again.actors_created) == (0, 0)


def test_bad_date_names_line_and_column(kb: KnowledgeBase, tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("2024-03-16", "16/3/24x")
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        acled.read(bad, ActorBook.of(kb))
    assert (info.value.line, info.value.field) == (4, "event_date")


def test_missing_columns_are_named(kb: KnowledgeBase, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("event_id_cnty,event_date\nX,2024-01-01\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"missing column.*actor1") as info:
        acled.read(bad, ActorBook.of(kb))
    assert info.value.line == 1

"""UCDP ESD import: flags become typed claims for their year, citing UCDP."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patron.errors import InputError
from patron.importers import ucdp_esd
from patron.importers.batch import ActorBook, ImportReport, store_batch
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from patron.vocab import VOCAB
from tests.factory import MINI, SHARED_DATA, run_cli

DATA = Path(__file__).resolve().parent.parent / "data" / "ucdp_esd"
V1 = DATA / "v1-sample.csv"
AY = DATA / "ay-sample.csv"


def _import(kb: KnowledgeBase, path: Path) -> ImportReport:
    return store_batch(kb, ucdp_esd.read(path, ActorBook.of(kb)))


def _triples(kb: KnowledgeBase, **flt: object) -> set[tuple[str, str, str, str, str, str]]:
    claims = kb.store.claims(ClaimFilter(origins=("import:ucdp-esd",), **flt))  # type: ignore[arg-type]
    return {(c.subject, c.type, c.object, c.time.label(), c.stance, c.grade) for c in claims}


def test_v1_flags_become_claims_of_their_year(kb: KnowledgeBase) -> None:
    report = _import(kb, V1)
    found = _triples(kb, objects=("hamas",))
    assert {
        ("iran", "arms", "hamas", "2008", "asserted", "B2"),
        ("iran", "materiel", "hamas", "2008", "asserted", "B2"),
        ("iran", "funding", "hamas", "2008", "asserted", "B2"),
    } <= found
    syria = kb.resolve("Syria").id  # not in the mini gazetteer: minted from its UCDP id
    assert syria == "ucdp-v1-652"
    assert (syria, "safe_haven", "hamas", "2008", "asserted", "B2") in found
    assert report.rows_read == 8
    assert report.skipped == {
        "rows whose support is unclear (external_exists = -1)": 1,
        "rows with no external supporter": 1,
    }


def test_v1_unknown_support_type_maps_through_the_vocabulary(kb: KnowledgeBase) -> None:
    _import(kb, V1)  # Azerbaijan → Government of Afghanistan 2003: "U", unknown type
    azerbaijan = kb.resolve("Azerbaijan").id
    [claim] = kb.store.claims(ClaimFilter(subjects=(azerbaijan,)))
    assert claim.type == VOCAB.type_for_ucdp("u") and claim.time.label() == "2003"


def test_v1_alleged_support_is_alleged(kb: KnowledgeBase) -> None:
    _import(kb, V1)
    pakistan = kb.resolve("Pakistan").id
    claims = kb.store.claims(ClaimFilter(subjects=(pakistan,), origins=("import",)))
    assert [(c.type, c.stance, c.grade, c.time.label()) for c in claims] == [
        ("arms", "alleged", "B3", "1994")
    ]


def test_unknown_names_become_actors_with_their_ucdp_id(kb: KnowledgeBase) -> None:
    _import(kb, V1)
    diaspora = kb.resolve("UCDP ESD v1.0 actor 9812")
    assert (diaspora.id, diaspora.name, diaspora.kind) == (
        "ucdp-v1-9812",
        "Kurdish Diaspora",
        "political_org",
    )
    assert kb.resolve("Government of Afghanistan").kind == "state"


def test_claims_cite_the_dataset(kb: KnowledgeBase) -> None:
    _import(kb, V1)
    claim = kb.store.claims(ClaimFilter(subjects=("iran",), origins=("import",)))[0]
    doc = kb.store.document(claim.evidence.document)
    assert doc is not None
    assert (doc.publisher, doc.url, doc.kind) == (
        "UCDP",
        "https://ucdp.uu.se/downloads/",
        "dataset",
    )
    assert claim.origin == "import:ucdp-esd"
    assert claim.evidence.quote and "WM$" in claim.evidence.quote


def test_reimport_adds_nothing(kb: KnowledgeBase) -> None:
    first = _import(kb, V1)
    before = kb.store.count()
    again = _import(kb, V1)
    assert first.claims_new > 0 and first.actors_created > 0
    assert (again.claims_new, again.actors_created, again.claims_made) == (0, 0, first.claims_made)
    assert kb.store.count() == before


def test_actor_year_credits_a_type_only_when_every_supporter_gave_it(
    kb: KnowledgeBase,
) -> None:
    _import(kb, AY)
    found = _triples(kb, objects=("hamas",))
    # Funding came from all three state supporters; arms from two of the three.
    assert ("qatar", "funding", "hamas", "2008", "asserted", "B2") in found
    assert ("hezbollah", "training", "hamas", "2008", "asserted", "B2") in found
    # Arms came from some state supporters, not said which: nobody is credited with
    # arms; each state supporter gets one claim of unnamed support that says so.
    assert not any(t[1] == "arms" for t in found)
    assert ("qatar", "backing", "hamas", "2008", "asserted", "B3") in found
    backing = kb.store.claims(ClaimFilter(subjects=("qatar",), types=("backing",)))
    assert len(backing) == 1
    assert backing[0].statement and "arms" in backing[0].statement
    assert "without saying which" in backing[0].statement


def test_malformed_row_names_line_and_column(kb: KnowledgeBase, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    lines = V1.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",652,0,0,0,1,", ",652,0,0,0,yes,")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        ucdp_esd.read(bad, ActorBook.of(kb))
    assert (info.value.line, info.value.field) == (3, "external_type_L")


def test_cli_import_reports_and_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'u.db'}"
    assert run_cli(capsys, "init", "--db", db, "--data-dir", str(MINI))[0] == 0
    code, _, err = run_cli(capsys, "import", "ucdp-esd", str(V1), "--db", db)
    assert code == 0, err
    assert "read 8 rows" in err and "skipped 2 rows" in err
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", "ucdp-esd", str(other), "--db", db)
    assert code == 2
    assert err.count("\n") == 1 and f"{other}:1:" in err and "not a UCDP ESD file" in err


def test_who_backs_hamas_in_2008_after_full_v1_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = SHARED_DATA / "ucdp_esd" / "ucdp-esd-v1-disaggregated-supporter-1975-2009.csv"
    if not full.exists():
        pytest.skip(f"the UCDP ESD v1.0 file is not at {full} (../shared/data is absent)")
    db = f"sqlite:///{tmp_path / 'full.db'}"
    assert run_cli(capsys, "init", "--db", db, "--data-dir", str(MINI))[0] == 0
    assert run_cli(capsys, "import", "ucdp-esd", str(full), "--db", db)[0] == 0
    code, out, err = run_cli(
        capsys, "who-backs", "Hamas", "--since", "2008", "--until", "2008",
        "--origin", "import", "--db", db, "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    patrons = json.loads(out)["patrons"]
    got = {p["actor"]["name"]: p["types"] for p in patrons}
    assert got == {"Iran": ["funding", "arms", "materiel"], "Syria": ["safe_haven"]}
    assert all(c["source"]["publisher"] == "UCDP" for p in patrons for c in p["claims"])

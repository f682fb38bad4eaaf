"""`KnowledgeBase.init`: every curated file, the shipped datasets, and a clean refusal."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from patron.errors import InputError, UnknownActor
from patron.kb import KnowledgeBase, curated_files
from tests.factory import MINI, REPO

ESD = REPO / "data" / "datasets" / "ucdp-esd"
V1_SAMPLE = REPO / "tests" / "data" / "ucdp_esd" / "v1-sample.csv"


def _copy_mini(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    return folder


def _second_file(folder: Path, source_id: str) -> None:
    (folder / "claims" / "second.yaml").write_text(
        f"""sources:
  - id: {source_id}
    publisher: Second Publisher
    title: A second file written for the test suite
    published: "2022-05"
    url: https://example.org/second
    kind: news
claims:
  - subject: qatar
    type: diplomatic
    object: hamas
    time: {{start: "2022"}}
    attribution: {{by: Second Publisher, date: "2022-05"}}
    stance: reported
    grade: B3
    source: {source_id}
    statement: The second test file says Qatar spoke up for the group.
""",
        encoding="utf-8",
    )


def _kb(tmp_path: Path) -> KnowledgeBase:
    return KnowledgeBase.open(f"sqlite:///{tmp_path / 'kb.db'}", create=True)


def test_init_reads_every_claim_file_of_the_folder(tmp_path: Path) -> None:
    folder = _copy_mini(tmp_path)
    _second_file(folder, "second-news")
    kb = _kb(tmp_path)
    report = kb.init(folder, datasets=False)
    mini_only = KnowledgeBase.open(f"sqlite:///{tmp_path / 'mini.db'}", create=True)
    assert report.claims_new == mini_only.init(MINI, datasets=False).claims_new + 1
    assert kb.store.documents(["second-news"])


def test_a_source_id_defined_in_two_files_is_refused_and_nothing_stored(tmp_path: Path) -> None:
    folder = _copy_mini(tmp_path)
    _second_file(folder, "test-report")  # mini.yaml defines it too
    kb = _kb(tmp_path)
    with pytest.raises(InputError) as info:
        kb.init(folder, datasets=False)
    assert info.value.file == str(folder / "claims" / "second.yaml")
    assert info.value.field == "sources"
    assert kb.store.count() == 0


def test_a_malformed_dataset_row_stops_init_before_any_write(tmp_path: Path) -> None:
    folder = _copy_mini(tmp_path)
    target = folder / "datasets" / "ucdp-esd"
    target.mkdir(parents=True)
    lines = V1_SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",652,0,0,0,1,", ",652,0,0,0,yes,")
    (target / "bad.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    kb = _kb(tmp_path)
    with pytest.raises(InputError) as info:
        kb.init(folder)
    assert (info.value.line, info.value.field) == (3, "external_type_L")
    assert kb.store.count() == 0
    assert not kb.store.actors(["iran", "hamas"])


@pytest.mark.skipif(not ESD.exists(), reason="data/datasets/ucdp-esd is not shipped")
def test_starter_datasets_load_once_and_report_their_names(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    first = kb.init(REPO / "data")
    v18, v1 = first.datasets
    assert (v18.rows_read, v1.rows_read) == (4781, 6519)
    assert v18.claims_new > 5000 and v1.claims_new > 5000
    for report in (v18, v1):
        # every ESD name resolves: to the gazetteer, or to an actor the import adds
        known = sum(report.names.values())
        assert known > 150
        assert report.actors_created <= len(report.names) - known
    assert v18.actors_created == len(v18.names) - sum(v18.names.values())
    again = kb.init(REPO / "data")
    assert [d.claims_new for d in again.datasets] == [0, 0]
    assert [d.actors_created for d in again.datasets] == [0, 0]
    assert again.claims_new == 0


def test_init_reports_what_it_stored_and_a_second_run_stores_nothing(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    first = kb.init(MINI, datasets=False)
    assert (first.actors_new, first.actors_total, first.documents_new, first.claims_read,
            first.claims_new, first.datasets) == (12, 12, 2, 7, 7, [])
    again = kb.init(MINI, datasets=False)
    assert (again.actors_new, again.documents_new, again.claims_read, again.claims_new) == (
        0, 0, 7, 0)
    assert kb.store.count() == 7


def test_curated_files_are_the_claim_yaml_files_in_name_order(tmp_path: Path) -> None:
    folder = _copy_mini(tmp_path)
    _second_file(folder, "second-news")
    (folder / "claims" / "notes.txt").write_text("not a claim file", encoding="utf-8")
    assert [p.name for p in curated_files(folder)] == ["mini.yaml", "second.yaml"]


def test_resolve_answers_to_names_and_metonyms(kb: KnowledgeBase) -> None:
    assert (kb.resolve("Hamas").id, kb.resolve("Tehran").id) == ("hamas", "iran")


def test_an_unknown_name_suggests_the_closest_actor(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownActor) as info:
        kb.resolve("Hamass")
    assert info.value.candidates == ["Hamas (hamas)"]
    with pytest.raises(UnknownActor) as info:
        kb.resolve("Nobody At All")
    assert info.value.candidates == []


def test_citations_name_every_actor_and_place_on_the_route(kb: KnowledgeBase) -> None:
    arms = [c for c in kb.store.claims() if c.subject == "irgc"]
    names, documents = kb.citations(arms)
    assert names == {"egypt": "Egypt", "gaza-strip": "Gaza Strip", "hamas": "Hamas",
                     "irgc": "Islamic Revolutionary Guard Corps", "sinai": "Sinai Peninsula",
                     "sudan": "Sudan"}
    assert list(documents) == ["test-news"]
    assert documents["test-news"].publisher == "Test Wire"


_LINE = json.dumps({"subject": "Qatar", "type": "diplomatic", "object": "Hamas",
                    "time": {"start": "2022"}, "stance": "reported", "grade": "B3",
                    "evidence": {"document": "test-news"}})


def test_loading_a_claim_line_twice_stores_it_once(kb: KnowledgeBase) -> None:
    first = kb.load_claims(stream=io.StringIO(_LINE + "\n"))
    assert (first.claims_read, first.claims_new, first.documents_new) == (1, 1, 0)
    assert kb.load_claims(stream=io.StringIO(_LINE + "\n")).claims_new == 0
    assert kb.store.count() == 8


def test_one_bad_line_stores_nothing_of_the_stream(kb: KnowledgeBase) -> None:
    good = _LINE.replace("2022", "2023")
    bad = _LINE.replace('"diplomatic"', '"bribery"')
    with pytest.raises(InputError) as info:
        kb.load_claims(stream=io.StringIO(f"{good}\n{bad}\n"), stream_name="claims.jsonl")
    assert (info.value.file, info.value.line, info.value.field) == ("claims.jsonl", 2, "type")
    assert kb.store.count() == 7


def test_ingest_skips_what_it_cannot_read_and_says_why(kb: KnowledgeBase,
                                                       tmp_path: Path) -> None:
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "note.txt").write_text("Iran funds Hamas, officials said.\n", encoding="utf-8")
    before = kb.store.count()
    report = kb.ingest([tmp_path / "blob.bin", tmp_path / "missing.txt", tmp_path / "note.txt"])
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [
        ("blob.bin", "binary file"), ("missing.txt", "no such file")]
    assert (report.documents_read, report.documents_new, report.documents_known) == (1, 1, 0)
    assert kb.store.count() == before + report.claims_new
    again = kb.ingest([tmp_path / "note.txt"])
    assert (again.documents_read, again.documents_new, again.documents_known,
            again.claims_new) == (1, 0, 1, 0)

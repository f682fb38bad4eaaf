"""`KnowledgeBase.init`: every curated file, the shipped datasets, and a clean refusal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from patron.errors import InputError
from patron.kb import KnowledgeBase
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

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from patron.actors import from_actors
from patron.actors.gazetteer import load_dir
from patron.actors.resolver import Resolver
from patron.errors import InputError
from patron.readers.claimfile import read_jsonl, read_path
from tests.factory import MINI

SOURCE = {
    "title": "A test story",
    "publisher": "Test Wire",
    "published": "2020-05",
    "url": "https://example.org/s",
}


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return from_actors(load_dir(MINI / "actors"))


def _line(**fields: object) -> str:
    record = {
        "subject": "Iran",
        "type": "funding",
        "object": "Hamas",
        "time": {"start": "2020"},
        "stance": "reported",
        "grade": "B3",
        "source": SOURCE,
        **fields,
    }
    return json.dumps(record)


def _read(resolver: Resolver, *lines: str) -> object:
    return read_jsonl(io.StringIO("\n".join(lines) + "\n"), resolver, file="in.jsonl")


def test_names_resolve_through_the_gazetteer(resolver: Resolver) -> None:
    batch = _read(resolver, _line(subject="Tehran", object={"id": "hamas", "name": "Hamas"}))
    claim = batch.claims[0]  # type: ignore[attr-defined]
    assert (claim.subject, claim.type, claim.object) == ("iran", "funding", "hamas")
    assert claim.stance == "reported"


@pytest.mark.parametrize(
    ("fields", "line_field", "message"),
    [
        ({"type": "fundin"}, "type", "unknown claim type 'fundin'"),
        ({"object": "Hamsa"}, "object", "unknown actor 'Hamsa'"),
        ({"time": {"start": "2016", "end": "2012"}}, "time", "end 2012 is before start 2016"),
        ({"time": {"start": "2023-02-30"}}, "time.start", "day out of range"),
        ({"grade": "Z9"}, "grade", "not an Admiralty grade"),
        ({"stance": "certain"}, "stance", "unknown stance 'certain'"),
        ({"colour": "red"}, "colour", "unknown field"),
    ],
)
def test_bad_line_names_file_line_and_field(
    resolver: Resolver, fields: dict[str, object], line_field: str, message: str
) -> None:
    with pytest.raises(InputError) as info:
        _read(resolver, _line(), _line(**fields))
    err = info.value
    assert (err.file, err.line, err.field) == ("in.jsonl", 2, line_field)
    assert message in err.message
    assert str(err).startswith(f"in.jsonl:2: {line_field}: ")


def test_broken_json_names_its_line(resolver: Resolver) -> None:
    with pytest.raises(InputError) as info:
        _read(resolver, _line(), "{not json")
    assert info.value.line == 2


def test_claim_without_any_source_is_refused(resolver: Resolver) -> None:
    record = json.loads(_line())
    del record["source"]
    with pytest.raises(InputError, match="needs a source"):
        _read(resolver, json.dumps(record))


def test_tampered_id_is_refused(resolver: Resolver) -> None:
    with pytest.raises(InputError) as info:
        _read(resolver, _line(id="clm-000000000000000000000000"))
    assert info.value.field == "id"


def test_yaml_errors_point_at_the_line_of_the_field(resolver: Resolver, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "sources:\n"
        "  - id: s\n"
        "    title: T\n"
        "claims:\n"
        "  - subject: iran\n"
        "    type: funding\n"
        "    object: hamas\n"
        "    source: s\n"
        "  - subject: iran\n"
        "    type: funding\n"
        "    object: Hamsa\n"
        "    source: s\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_path(path, resolver)
    assert (info.value.line, info.value.field) == (11, "object")


def test_same_claim_twice_has_one_id(resolver: Resolver) -> None:
    batch = _read(resolver, _line(), _line(subject="Iranian"))
    ids = {c.id for c in batch.claims}  # type: ignore[attr-defined]
    assert len(ids) == 1

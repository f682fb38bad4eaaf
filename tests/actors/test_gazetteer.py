"""The shipped gazetteer (data/actors): size, coverage and consistency."""

from __future__ import annotations

from collections import defaultdict

import pytest

from patron import settings
from patron.actors.gazetteer import load_dir, load_file
from patron.actors.names import normalize
from patron.errors import InputError
from patron.model import Actor


@pytest.fixture(scope="module")
def shipped() -> list[Actor]:
    return load_dir(settings.get().data_dir / "actors")


def test_gazetteer_has_300_actors_and_120_beyond_states(shipped: list[Actor]) -> None:
    assert len(shipped) >= 300
    states = [a for a in shipped if a.kind == "state"]
    assert len(states) >= 193
    others = [a for a in shipped if a.kind not in ("state", "place")]
    assert len(others) >= 120


@pytest.mark.parametrize(
    "actor_id",
    [
        "hamas",
        "qassam-brigades",
        "pij",
        "hezbollah",
        "houthis",
        "kataib-hezbollah",
        "asaib-ahl-al-haq",
        "harakat-hezbollah-al-nujaba",
        "badr-organization",
        "pmf",
        "irgc",
        "quds-force",
        "assad-government",
        "idf",
        "us-treasury",
        "qatar",
        "turkey",
        "iran",
        "saudi-arabia",
        "united-arab-emirates",
        "axis-of-resistance",
        "gaza-strip",
        "sinai",
    ],
)
def test_middle_east_core_actors_are_present(shipped: list[Actor], actor_id: str) -> None:
    assert actor_id in {a.id for a in shipped}


def test_organs_name_their_state(shipped: list[Actor]) -> None:
    by_id = {a.id: a for a in shipped}
    for a in shipped:
        if a.kind == "state_organ":
            assert a.part_of, a.id
            root = by_id[a.part_of]
            while root.kind == "state_organ" and root.part_of:
                root = by_id[root.part_of]
            assert root.kind == "state", a.id


def test_hamas_answers_to_its_full_name_and_arabic_script(shipped: list[Actor]) -> None:
    hamas = next(a for a in shipped if a.id == "hamas")
    norms = {normalize(n) for _, n in hamas.names()}
    assert normalize("Harakat al-Muqawamah al-Islamiyyah") in norms
    assert normalize("حماس") in norms


def test_houthis_are_not_confused_with_phoenix_ansar_allah(shipped: list[Actor]) -> None:
    houthis = next(a for a in shipped if a.id == "houthis")
    assert houthis.country == "YE"
    assert "Ansar Allah" in (*houthis.aliases, houthis.name)


def test_no_name_points_to_two_actors(shipped: list[Actor]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for a in shipped:
        for form, name in a.names():
            if form != "name":  # display names may repeat across kinds (see resolver)
                owners[normalize(name)].add(a.id)
    clashes = {n: ids for n, ids in owners.items() if len(ids) > 1}
    assert not clashes


def test_every_state_has_iso_codes(shipped: list[Actor]) -> None:
    for a in shipped:
        if a.kind == "state":
            assert a.country and len(a.country) == 2, a.id
            assert a.iso3 and len(a.iso3) == 3, a.id


def test_bad_entry_names_file_line_and_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.yaml"
    path.write_text(
        "- id: ok\n  name: OK\n  kind: state\n- id: bad\n  name: Bad\n  kind: warlord\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_file(path)
    assert str(info.value).startswith(f"{path}:6: kind: unknown actor kind 'warlord'")


@pytest.mark.parametrize(("name", "actor_id", "state"), [
    ("President Obama", "barack-obama", "united-states"),
    ("Secretary of State Antony Blinken", "antony-blinken", "united-states"),
    ("Putin", "vladimir-putin", "russia"),
    ("Immigration and Customs Enforcement", "us-ice", "united-states"),
    ("President el-Sisi", "abdel-fattah-el-sisi", "egypt"),
    ("Zelenskyy", "volodymyr-zelensky", "ukraine"),
])
def test_office_holders_and_agencies_count_with_their_state(
    shipped: list[Actor], name: str, actor_id: str, state: str
) -> None:
    from patron.graph.view import root_of

    by_name = {normalize(n): a.id for a in shipped for n in (a.name, *a.aliases, *a.acronyms)}
    assert by_name[normalize(name)] == actor_id
    assert root_of(actor_id, {a.id: a for a in shipped}) == state


def test_common_words_are_not_surnames_of_office_holders(shipped: list[Actor]) -> None:
    names = {normalize(n) for a in shipped if a.kind == "person" for n in a.aliases}
    assert not names & {normalize(w) for w in ("Bush", "May", "Brown", "Johnson", "Clinton",
                                               "Kerry", "Rice", "Ban", "Kim", "Xi")}

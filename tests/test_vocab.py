from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from patron.vocab import FAMILIES, VOCAB, grade_at_least, parse_grade

SUPPORT = (
    "funding",
    "arms",
    "materiel",
    "training",
    "troops",
    "intelligence",
    "safe_haven",
    "transit",
    "diplomatic",
    "humanitarian",
)
# Beyond the design's list: support the source does not name ("Iran-backed").
UNSPECIFIED = ("backing",)


def test_every_type_of_the_design_is_in_the_vocabulary() -> None:
    design = (
        *SUPPORT,
        "attack",
        "threat",
        "sanction",
        "member_of",
        "alliance",
        "meeting",
        "mediation",
        "rupture",
        "resumption",
        "justification",
        "denial",
    )
    assert set(design) <= set(VOCAB.claim_types)
    assert VOCAB.types_in("support") == SUPPORT + UNSPECIFIED
    assert all(t.family in FAMILIES for t in VOCAB.claim_types.values())


def test_every_support_type_maps_to_cameo_or_plover() -> None:
    for name in SUPPORT:
        t = VOCAB.claim_types[name]
        assert t.cameo or t.plover, name


def test_ucdp_esd_codes_map_to_support_types() -> None:
    assert VOCAB.type_for_ucdp("w") == "arms"
    assert VOCAB.type_for_ucdp("$") == "funding"
    assert VOCAB.type_for_ucdp("F") == "funding"
    assert VOCAB.type_for_ucdp("l") == "safe_haven"
    assert VOCAB.type_for_ucdp("t") == "training"
    assert VOCAB.type_for_ucdp("i") == "intelligence"


def test_ucdp_excludes_diplomatic_and_humanitarian_support_by_design() -> None:
    assert VOCAB.claim_types["diplomatic"].ucdp_esd == ()
    assert VOCAB.claim_types["humanitarian"].ucdp_esd == ()


def test_cameo_codes_in_vocabulary_exist_in_the_cameo_codebook() -> None:
    from tests.factory import SHARED_DATA

    codefile = SHARED_DATA / "cameo_codes" / "CAMEO_codefile.txt"
    if not codefile.exists():
        pytest.skip("../shared/data/cameo_codes is not beside this checkout")
    known = set()
    for line in codefile.read_text(errors="replace").splitlines():
        if line.startswith("LABEL"):
            known.add(line.split(":", 1)[1].split("=")[0].strip())
        elif line[2:4].isdigit():
            known.add(line[2:4])  # a root: "//18= ASSAULT"
    for t in VOCAB.claim_types.values():
        for code in t.cameo:
            assert code in known, (t.name, code)


def test_denied_ranks_below_every_other_stance() -> None:
    assert min(VOCAB.stances, key=VOCAB.stances.__getitem__) == "denied"
    assert max(VOCAB.stances, key=VOCAB.stances.__getitem__) == "asserted"


@pytest.mark.parametrize(
    ("grade", "minimum", "ok"),
    [
        ("A1", "B2", True),
        ("B2", "B2", True),
        ("B3", "B2", False),
        ("C1", "B2", False),
        ("B6", "B", True),
        ("C1", "B", False),
    ],
)
def test_grade_at_least_compares_both_axes(grade: str, minimum: str, ok: bool) -> None:
    assert grade_at_least(grade, minimum) is ok


def test_malformed_grade_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_grade("G7")


def test_every_type_carries_its_weight_and_whether_it_modifies_support() -> None:
    for t in VOCAB.claim_types.values():
        assert 0.0 <= t.weight <= 1.0, t.name
    assert VOCAB.modifiers == ("rupture", "resumption")
    assert all(VOCAB.claim_types[m].family == "alignment" for m in VOCAB.modifiers)
    # what the network weighs comes from the vocabulary, not from a table in code
    from patron.graph.weight import MODIFIERS, TYPE_FACTOR

    assert {n: t.weight for n, t in VOCAB.claim_types.items()} == TYPE_FACTOR
    assert VOCAB.modifiers == MODIFIERS
    assert TYPE_FACTOR["backing"] > 0  # "Iran-backed" is evidence of a tie


def _raw() -> dict[str, Any]:
    import yaml

    path = Path(__file__).resolve().parent.parent / "src" / "patron" / "vocab.yaml"
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return raw


#: What every claim type must state in vocab.yaml, with no default to fall back on.
FACTS = ("family", "label", "weight", "modifies_support", "subjects", "objects", "phrase")


def test_every_claim_type_states_every_fact() -> None:
    for name, spec in _raw()["claim_types"].items():
        missing = [f for f in FACTS if f not in spec]
        assert not missing, (name, missing)
    for t in VOCAB.claim_types.values():
        assert t.subjects and t.objects, t.name
        assert set(t.subjects) | set(t.objects) <= set(VOCAB.party_kinds), t.name
        assert "{o}" in t.phrase, t.name


@pytest.mark.parametrize("fact", FACTS)
def test_a_type_without_a_fact_is_refused(fact: str) -> None:
    from patron.vocab import _build

    raw = _raw()
    del raw["claim_types"]["funding"][fact]
    with pytest.raises(ValueError, match=f"funding: {fact} is missing"):
        _build(raw)


@pytest.mark.parametrize(("fact", "value", "message"), [
    ("subjects", ["state", "place"], "place is not a kind that can be a party"),
    ("objects", ["militia"], "militia is not a kind"),
    ("objects", [], "not `any` or a list of kinds"),
    ("modifies_support", "weakens", "not false or one of strains, restores"),
    ("phrase", "funded", "has no {o}"),
    ("phrase", "funded {o} via {route}", "names more than the object"),
])
def test_a_fact_out_of_its_range_is_refused(fact: str, value: object, message: str) -> None:
    from patron.vocab import _build

    raw = _raw()
    raw["claim_types"]["funding"][fact] = value
    with pytest.raises(ValueError, match=message):
        _build(raw)


def test_a_symmetric_type_takes_the_same_kinds_on_both_sides() -> None:
    from patron.vocab import _build

    raw = _raw()
    raw["claim_types"]["alliance"]["objects"] = ["state"]
    with pytest.raises(ValueError, match="alliance: symmetric"):
        _build(raw)
    assert all(t.subjects == t.objects for t in VOCAB.claim_types.values() if t.symmetric)


def test_any_is_every_kind_that_can_be_a_party() -> None:
    assert VOCAB.claim_types["funding"].subjects == frozenset(VOCAB.party_kinds)
    assert "place" not in VOCAB.claim_types["funding"].objects


def test_types_say_which_kinds_they_take() -> None:
    types = VOCAB.claim_types
    assert types["funding"].takes("state", "armed_group")
    assert not types["safe_haven"].takes("person", "armed_group")  # a host holds ground
    assert not types["sanction"].takes("armed_group", "state")
    assert not types["attack"].takes("intermediary", "armed_group")  # a charity attacks no one
    assert not types["member_of"].takes("armed_group", "state")  # one joins a body, not a state
    assert types["member_of"].takes("armed_group", "coalition")
    assert not types["mediation"].takes("armed_group", "state")


def test_ruptures_strain_support_and_resumptions_restore_it() -> None:
    from patron.vocab import RESTORES, STRAINS

    assert VOCAB.modifying(STRAINS) == ("rupture",)
    assert VOCAB.modifying(RESTORES) == ("resumption",)
    assert set(VOCAB.modifiers) == {*VOCAB.modifying(STRAINS), *VOCAB.modifying(RESTORES)}
    assert all(VOCAB.claim_types[m].modifies_support for m in VOCAB.modifiers)


def test_places_are_the_only_kind_that_is_never_a_party_to_a_claim() -> None:
    from patron.extract.mentions import ACTOR_KINDS

    assert set(VOCAB.actor_kinds) - set(VOCAB.party_kinds) == {"place"}
    assert frozenset(VOCAB.party_kinds) == ACTOR_KINDS

from __future__ import annotations

from pathlib import Path

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


def test_a_type_without_a_weight_is_refused() -> None:
    import yaml

    from patron.vocab import _build

    raw = yaml.safe_load(
        (Path(__file__).resolve().parent.parent / "src" / "patron" / "vocab.yaml").read_text(
            encoding="utf-8"))
    del raw["claim_types"]["funding"]["weight"]
    with pytest.raises(ValueError, match="funding: weight is missing"):
        _build(raw)


def test_places_are_the_only_kind_that_is_never_a_party_to_a_claim() -> None:
    from patron.extract.mentions import ACTOR_KINDS

    assert set(VOCAB.actor_kinds) - set(VOCAB.party_kinds) == {"place"}
    assert frozenset(VOCAB.party_kinds) == ACTOR_KINDS

from patron.graph.blocs import blocs
from patron.graph.view import View

AXIS = ["axis-of-resistance", "hamas", "hezbollah", "houthis", "iran", "kataib-hezbollah",
        "pflp", "pij", "qatar", "turkey"]


def _described(view: View, claims: list[str]) -> list[tuple[str, str]]:
    return sorted((view.claims[c].subject, view.claims[c].type) for c in claims)


def test_axis_together_and_apart_from_israel_and_us(view_all: View) -> None:
    result = blocs(view_all)
    axis = {result.bloc_of(a) for a in ("iran", "hamas", "hezbollah", "houthis")}
    assert len(axis) == 1 and None not in axis
    (bloc,) = axis
    assert result.bloc_of("israel") != bloc
    assert result.bloc_of("united-states") != bloc


def test_the_small_network_splits_into_three_blocs(view_all: View) -> None:
    assert [b.members for b in blocs(view_all).blocs] == [
        AXIS, ["israel", "united-states"], ["russia", "syria"]]


def test_blocs_are_opposed_by_hostile_ties(view_all: View) -> None:
    result = blocs(view_all)
    axis = result.bloc_of("hamas")
    israel = result.bloc_of("israel")
    assert axis is not None and israel is not None
    ties = result.blocs[axis - 1].opposed[israel]
    assert [pair for pair, _ in ties] == [
        ("iran", "united-states"), ("hamas", "united-states"), ("houthis", "united-states"),
        ("hezbollah", "israel"), ("hamas", "israel"), ("iran", "israel"), ("houthis", "israel")]
    assert all(t.neg_claims and not t.pos_claims and t.negative > 0 for _, t in ties)
    assert {view_all.claims[c].family for _, t in ties for c in t.neg_claims} == {"hostility"}


def test_holding_ties_name_claims(view_all: View) -> None:
    rows = blocs(view_all).rows()
    held = [[([m["id"] for m in t["between"]], _described(view_all, t["claims"]))
             for t in row["held_by"]] for row in rows]
    assert [[pair for pair, _ in bloc] for bloc in held] == [
        [["hezbollah", "iran"], ["hamas", "iran"], ["iran", "pij"], ["houthis", "iran"],
         ["iran", "kataib-hezbollah"]],
        [["israel", "united-states"]],
        [["russia", "syria"]],
    ]
    assert held[1][0][1] == [("united-states", "alliance"), ("united-states", "arms"),
                             ("united-states", "funding")]
    assert held[2][0][1] == [("russia", "arms"), ("russia", "troops")]
    assert all(claims for bloc in held for _, claims in bloc)


def test_places_are_not_in_blocs(view_all: View) -> None:
    members = {m for b in blocs(view_all).blocs for m in b.members}
    assert members == {*AXIS, "israel", "united-states", "russia", "syria"}
    assert not members & {"sinai", "gaza-strip", "sudan", "egypt", "red-sea", "lebanon"}


def test_same_seed_same_blocs(view_all: View) -> None:
    first = blocs(view_all).rows()
    assert len(first) == 3
    assert first == blocs(view_all).rows()


def test_a_mediator_is_tied_to_neither_side() -> None:
    from patron.graph.blocs import signed_ties
    from patron.graph.view import build
    from patron.model import Actor
    from tests.factory import claim

    actors = {a: Actor(id=a, name=a.title(), kind="state") for a in ("egypt", "israel", "gaza")}
    claims = [claim("egypt", "mediation", "israel", grade="A1"),
              claim("egypt", "mediation", "gaza", grade="A1"),
              claim("egypt", "alliance", "israel", grade="A1")]
    ties = signed_ties(build(claims, actors))
    assert ("egypt", "gaza") not in ties  # mediation alone ties nobody
    assert ties[("egypt", "israel")].positive > 0  # the alliance still does
    assert set(ties[("egypt", "israel")].pos_claims) == {claims[2].id}

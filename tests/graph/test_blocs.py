from patron.graph.blocs import blocs
from patron.graph.view import View


def test_axis_together_and_apart_from_israel_and_us(view_all: View) -> None:
    result = blocs(view_all)
    axis = {result.bloc_of(a) for a in ("iran", "hamas", "hezbollah", "houthis")}
    assert len(axis) == 1 and None not in axis
    (bloc,) = axis
    assert result.bloc_of("israel") != bloc
    assert result.bloc_of("united-states") != bloc


def test_blocs_are_opposed_by_hostile_ties(view_all: View) -> None:
    result = blocs(view_all)
    axis = result.bloc_of("hamas")
    israel = result.bloc_of("israel")
    assert axis is not None and israel is not None
    ties = result.blocs[axis - 1].opposed[israel]
    assert ties and all(t.neg_claims for _, t in ties)


def test_holding_ties_name_claims(view_all: View) -> None:
    rows = blocs(view_all).rows()
    assert rows
    for row in rows:
        assert all(t["claims"] for t in row["held_by"])


def test_places_are_not_in_blocs(view_all: View) -> None:
    members = {m for b in blocs(view_all).blocs for m in b.members}
    assert "sinai" not in members and "gaza-strip" not in members


def test_same_seed_same_blocs(view_all: View) -> None:
    assert blocs(view_all).rows() == blocs(view_all).rows()


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

import pytest

from patron.errors import InputError
from patron.graph.view import Slice, View, open_view
from patron.kb import KnowledgeBase


def test_slice_as_of_covers_the_year() -> None:
    s = Slice.of(as_of="2015")
    assert (s.lo, s.hi) == (20150101, 20151231)


def test_slice_rejects_as_of_with_since() -> None:
    with pytest.raises(InputError):
        Slice.of(as_of="2015", since="2010")


def test_slice_rejects_bad_date() -> None:
    with pytest.raises(InputError):
        Slice.of(until="2015-13")


def test_every_layer_is_present(view_2015: View) -> None:
    keys = {k for _, _, k in view_2015.graph.edges(keys=True)}
    assert keys == {"support", "hostility", "alignment", "transit"}


def test_organ_support_counts_for_its_state(view_2015: View) -> None:
    iran = view_2015.tie("iran", "hamas", "support")
    quds = view_2015.tie("quds-force", "hamas", "support")
    assert iran is not None and quds is not None
    assert set(quds["claims"]) <= set(iran["claims"])
    assert iran["organs"] == ["irgc", "quds-force"]
    assert iran["weight"] >= quds["weight"]


def test_route_makes_transit_hops(view_2015: View) -> None:
    for u, v in [("irgc", "sudan"), ("sudan", "egypt"), ("egypt", "sinai"),
                 ("sinai", "gaza-strip"), ("gaza-strip", "hamas")]:
        assert view_2015.tie(u, v, "transit") is not None, (u, v)


def test_transit_claim_is_a_transit_edge(view_2015: View) -> None:
    assert view_2015.tie("syria", "hezbollah", "transit") is not None


def test_coalition_members_are_aligned(view_2015: View) -> None:
    tie = view_2015.tie("hamas", "hezbollah", "alignment")
    assert tie is not None and tie["derived"] == "coalition:axis-of-resistance"
    assert len(tie["claims"]) == 2


def test_denied_claim_is_kept_but_weighs_nothing(view_2015: View) -> None:
    tie = view_2015.tie("qatar", "hamas", "support")
    assert tie is not None
    denied = [c for c in tie["claims"] if view_2015.claims[c].stance == "denied"]
    assert denied and "arms" not in tie["types"]


def test_rupture_strains_support_while_it_holds(network_kb: KnowledgeBase) -> None:
    during = open_view(network_kb.store, Slice.of(as_of="2014")).tie("iran", "hamas", "support")
    after = open_view(network_kb.store, Slice.of(as_of="2018")).tie("iran", "hamas", "support")
    assert during is not None and during["strained"]
    assert after is not None and not after["strained"]


def test_slice_excludes_claims_outside_it(network_kb: KnowledgeBase) -> None:
    view = open_view(network_kb.store, Slice.of(as_of="2005"))
    assert view.tie("qatar", "hamas", "support") is None
    assert view.ref == 20051231


def test_every_edge_names_claims_in_the_view(view_all: View) -> None:
    edges = list(view_all.graph.edges(data=True))
    assert len(edges) == 78
    assert [(u, v) for u, v, data in edges if not data["claims"]] == []
    assert [(u, v) for u, v, data in edges
            if not all(c in view_all.claims for c in data["claims"])] == []


def test_organs_and_office_holders_count_with_their_state_group_members_do_not() -> None:
    from patron.graph.view import root_of
    from patron.model import Actor

    actors = {a.id: a for a in [
        Actor(id="iran", name="Iran", kind="state"),
        Actor(id="irgc", name="IRGC", kind="state_organ", part_of="iran"),
        Actor(id="quds-force", name="Quds Force", kind="state_organ", part_of="irgc"),
        Actor(id="soleimani", name="Soleimani", kind="person", part_of="quds-force"),
        Actor(id="khamenei", name="Khamenei", kind="person", part_of="iran"),
        Actor(id="hamas", name="Hamas", kind="armed_group"),
        Actor(id="haniyeh", name="Haniyeh", kind="person", part_of="hamas"),
    ]}
    assert [root_of(a, actors) for a in ("irgc", "quds-force", "soleimani", "khamenei")] == [
        "iran"] * 4
    assert root_of("haniyeh", actors) == "haniyeh"
    assert root_of("hamas", actors) == "hamas"

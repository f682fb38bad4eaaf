from patron.graph.paths import paths
from patron.graph.view import View

SMUGGLING = ["iran", "irgc", "sudan", "egypt", "sinai", "gaza-strip", "hamas"]


def _described(view: View, claims: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted((view.claims[c].subject, view.claims[c].type) for c in claims)


def test_smuggling_route_is_a_path(view_2015: View) -> None:
    routes = [p.nodes for p in paths(view_2015, "iran", "hamas", k=10).paths]
    assert len(routes) == 10
    assert SMUGGLING in routes


def test_paths_go_through_organs(view_2015: View) -> None:
    first = paths(view_2015, "iran", "hamas").paths[0]
    assert first.nodes == ["iran", "irgc", "quds-force", "hamas"]


def test_every_claimed_hop_names_claims(view_2015: View) -> None:
    found = paths(view_2015, "iran", "hamas", k=10).paths
    assert len(found) == 10
    hops = [h for p in found for h in p.hops]
    assert {h.layers for h in hops} == {("organ",), ("support",), ("transit",)}
    assert [h for h in hops if not h.claims and h.layers != ("organ",)] == []
    assert [h for h in hops if h.claims and h.layers == ("organ",)] == []


def test_smuggling_hops_cite_the_arms_claims_that_name_the_route(view_2015: View) -> None:
    route = next(p for p in paths(view_2015, "iran", "hamas", k=10).paths
                 if p.nodes == SMUGGLING)
    both = [("irgc", "arms"), ("quds-force", "arms")]
    assert [(h.layers, _described(view_2015, h.claims)) for h in route.hops] == [
        (("organ",), []),
        (("transit",), [("irgc", "arms")]),  # Quds Force's route comes in by the Red Sea
        (("transit",), both),
        (("transit",), both),
        (("transit",), both),
        (("transit",), both),
    ]


def test_no_path(view_2015: View) -> None:
    assert paths(view_2015, "israel", "hamas").paths == []


def test_max_hops(view_2015: View) -> None:
    found = paths(view_2015, "iran", "hamas", k=10, max_hops=3).paths
    assert [p.nodes for p in found] == [
        ["iran", "irgc", "quds-force", "hamas"],
        ["iran", "hezbollah", "hamas"],
        ["iran", "syria", "hezbollah", "hamas"],
    ]

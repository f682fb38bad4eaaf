from patron.graph.paths import paths
from patron.graph.view import View


def test_smuggling_route_is_a_path(view_2015: View) -> None:
    routes = [p.nodes for p in paths(view_2015, "iran", "hamas", k=10).paths]
    assert ["iran", "irgc", "sudan", "egypt", "sinai", "gaza-strip", "hamas"] in routes


def test_paths_go_through_organs(view_2015: View) -> None:
    first = paths(view_2015, "iran", "hamas").paths[0]
    assert first.nodes[1] == "irgc"


def test_every_claimed_hop_names_claims(view_2015: View) -> None:
    found = paths(view_2015, "iran", "hamas", k=10).paths
    assert found
    for p in found:
        for hop in p.hops:
            assert hop.claims or hop.layers == ("organ",)


def test_no_path(view_2015: View) -> None:
    assert paths(view_2015, "israel", "hamas").paths == []


def test_max_hops(view_2015: View) -> None:
    found = paths(view_2015, "iran", "hamas", k=10, max_hops=3).paths
    assert found
    for p in found:
        assert len(p.hops) <= 3

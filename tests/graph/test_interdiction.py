import networkx as nx

from patron.graph.interdiction import interdiction
from patron.graph.routes import support_routes
from patron.graph.view import View


def test_cut_names_places_on_recorded_routes(view_2015: View) -> None:
    result = interdiction(view_2015, "iran", "hamas")
    on_routes = {n for route, _ in result.routes for n in route}
    assert result.reachable and result.cut
    assert set(result.cut) <= on_routes
    assert all(view_2015.kind(n) == "place" for n in result.cut)


def test_cut_disconnects(view_2015: View) -> None:
    result = interdiction(view_2015, "iran", "hamas")
    graph = support_routes(view_2015, organ_hops=True, direct=False)
    graph.remove_nodes_from(result.cut)
    assert not nx.has_path(graph, "iran", "hamas")


def test_cut_is_minimal(view_2015: View) -> None:
    assert len(interdiction(view_2015, "iran", "hamas").cut) == 1


def test_intermediary_route(view_2015: View) -> None:
    result = interdiction(view_2015, "iran", "pij")
    assert len(result.cut) == 1
    assert result.cut[0] in {"al-ansar-charity", "gaza-strip"}
    assert result.direct  # Iran's unrouted funding cannot be cut


def test_no_route(view_2015: View) -> None:
    result = interdiction(view_2015, "qatar", "hamas")
    assert not result.reachable and result.cut == []
    assert result.document()["cut"] == []

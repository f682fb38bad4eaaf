from patron.graph.interdiction import interdiction
from patron.graph.view import View


def test_cut_names_places_on_recorded_routes(view_2015: View) -> None:
    result = interdiction(view_2015, "iran", "hamas")
    on_routes = {n for route, _ in result.routes for n in route}
    assert result.reachable and result.cut
    assert set(result.cut) <= on_routes
    assert all(view_2015.kind(n) == "place" for n in result.cut)


def test_cut_meets_every_recorded_route(view_2015: View) -> None:
    result = interdiction(view_2015, "iran", "hamas")
    assert result.routes
    assert all(set(route) & set(result.cut) for route, _ in result.routes)


def test_cut_never_names_where_the_support_arrives(view_2015: View) -> None:
    for client in ("hamas", "pij"):
        result = interdiction(view_2015, "iran", client)
        assert result.cut and "gaza-strip" not in result.cut


def test_cut_is_minimal(view_2015: View) -> None:
    assert len(interdiction(view_2015, "iran", "hamas").cut) == 1


def test_intermediary_route(view_2015: View) -> None:
    result = interdiction(view_2015, "iran", "pij")
    assert len(result.cut) == 1
    assert result.cut == ["al-ansar-charity"]
    assert result.direct  # Iran's unrouted funding cannot be cut


def test_no_route(view_2015: View) -> None:
    result = interdiction(view_2015, "qatar", "hamas")
    assert not result.reachable and result.cut == []
    assert result.document()["cut"] == []

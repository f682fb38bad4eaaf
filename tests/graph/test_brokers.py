from patron.graph.brokers import betweenness, brokers
from patron.graph.routes import support_routes
from patron.graph.view import View

#: The smuggling routes of the IRGC and the Quds Force (tests/data/network).
ARMS_ROUTES = [("irgc", "arms"), ("quds-force", "arms")]


def _described(view: View, claims: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted((view.claims[c].subject, view.claims[c].type) for c in claims)


def test_syria_brokers_support_reaching_hezbollah(view_2015: View) -> None:
    found = [b.actor for b in brokers(view_2015, to="hezbollah").brokers]
    assert found[0] == "syria"


def test_route_places_are_brokers(view_2015: View) -> None:
    found = [b.actor for b in brokers(view_2015, top=20).brokers]
    assert found == ["egypt", "sudan", "gaza-strip", "sinai", "syria", "hezbollah", "red-sea",
                     "al-ansar-charity"]  # everyone else lies on no shortest route


def test_brokers_name_claims(view_2015: View) -> None:
    found = {b.actor: _described(view_2015, b.claims) for b in brokers(view_2015).brokers}
    assert len(found) == 8
    assert found["sudan"] == ARMS_ROUTES
    assert found["gaza-strip"] == [*ARMS_ROUTES, ("quds-force", "funding")]
    assert found["al-ansar-charity"] == [("quds-force", "funding")]
    assert found["syria"] == [("iran", "arms"), ("iran", "troops"), ("russia", "arms"),
                              ("russia", "troops"), ("syria", "transit")]


def test_rustworkx_and_networkx_agree(view_2015: View) -> None:
    graph = support_routes(view_2015)
    nx_scores = betweenness(graph, engine="networkx")
    rx_scores = betweenness(graph, engine="rustworkx")
    assert nx_scores.keys() == rx_scores.keys() == set(graph.nodes)
    assert len(nx_scores) == 22
    assert sum(1 for s in nx_scores.values() if s > 0) == 8
    assert all(abs(nx_scores[n] - rx_scores[n]) < 1e-9 for n in nx_scores)


def test_routed_claims_have_no_direct_edge(view_2015: View) -> None:
    graph = support_routes(view_2015)
    assert not graph.has_edge("irgc", "hamas")  # its only claim travels via Sudan


def test_brokers_of_one_client_are_carriers_not_patrons(view_2015: View) -> None:
    result = brokers(view_2015, to="hezbollah")
    assert [b.actor for b in result.brokers] == ["syria", "iraq", "lebanon"]  # not Iran
    assert [_described(view_2015, b.claims) for b in result.brokers] == [
        [("iran", "arms"), ("syria", "transit")], [("iran", "arms")], [("iran", "arms")]]
    scores = [b.score for b in result.brokers]
    assert scores[1] == scores[2] < scores[0] <= 1  # the land route through Iraq and Lebanon
    assert result.document()["measure"].startswith("share of the support")

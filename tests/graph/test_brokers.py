from patron.graph.brokers import betweenness, brokers
from patron.graph.routes import support_routes
from patron.graph.view import View


def test_syria_brokers_support_reaching_hezbollah(view_2015: View) -> None:
    found = [b.actor for b in brokers(view_2015, to="hezbollah").brokers]
    assert found[0] == "syria"


def test_route_places_are_brokers(view_2015: View) -> None:
    found = {b.actor for b in brokers(view_2015, top=20).brokers}
    assert {"sudan", "egypt", "sinai", "gaza-strip"} <= found


def test_brokers_name_claims(view_2015: View) -> None:
    found = brokers(view_2015).brokers
    assert found
    for b in found:
        assert b.claims and all(c in view_2015.claims for c in b.claims)


def test_rustworkx_and_networkx_agree(view_2015: View) -> None:
    graph = support_routes(view_2015)
    nx_scores = betweenness(graph, engine="networkx")
    rx_scores = betweenness(graph, engine="rustworkx")
    assert nx_scores.keys() == rx_scores.keys()
    assert all(abs(nx_scores[n] - rx_scores[n]) < 1e-9 for n in nx_scores)


def test_routed_claims_have_no_direct_edge(view_2015: View) -> None:
    graph = support_routes(view_2015)
    assert not graph.has_edge("irgc", "hamas")  # its only claim travels via Sudan


def test_brokers_of_one_client_are_carriers_not_patrons(view_2015: View) -> None:
    result = brokers(view_2015, to="hezbollah")
    found = [b.actor for b in result.brokers]
    assert "iran" not in found  # the patron, where the route starts
    assert {"iraq", "syria"} <= set(found)
    assert all(0 < b.score <= 1 for b in result.brokers)
    assert result.document()["measure"].startswith("share of the support")

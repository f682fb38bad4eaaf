from patron.graph.patrons import clients, patrons
from patron.graph.view import View


def test_iran_is_hamas_top_patron(view_all: View) -> None:
    ranking = patrons(view_all, "hamas")
    assert ranking.ranked[0].actor == "iran"


def test_organs_are_marked_counted_in_their_state(view_2015: View) -> None:
    rows = {r.actor: r for r in patrons(view_2015, "hamas").ranked}
    assert rows["quds-force"].counted_in == "iran"
    assert rows["iran"].counted_in is None


def test_denied_only_patron_is_not_listed(network_kb: object, view_2015: View) -> None:
    rows = {r.actor: r for r in patrons(view_2015, "hamas").ranked}
    assert "arms" not in rows["qatar"].types


def test_ranking_is_by_strength(view_all: View) -> None:
    strengths = [r.strength for r in patrons(view_all, "hamas").ranked]
    assert strengths == sorted(strengths, reverse=True)


def test_clients_of_iran(view_2015: View) -> None:
    found = [r.actor for r in clients(view_2015, "iran").ranked]
    assert {"hamas", "hezbollah", "pij", "houthis"} <= set(found)


def test_document_rows_name_claims(view_all: View) -> None:
    doc = patrons(view_all, "hamas").document()
    assert doc["actor"] == {"id": "hamas", "name": "Hamas"}
    assert all(row["claims"] for row in doc["patrons"])


def test_unknown_node_gives_empty_ranking(view_2015: View) -> None:
    assert patrons(view_2015, "nobody").ranked == []

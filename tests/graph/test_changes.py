from patron.graph.changes import changes, series
from patron.kb import KnowledgeBase


def _find(result, u: str, v: str, layer: str = "support"):  # type: ignore[no-untyped-def]
    return next(c for c in result.changes if (c.source, c.target, c.layer) == (u, v, layer))


def _described(kb: KnowledgeBase, claims: list[str]) -> list[tuple[str, str]]:
    every = {c.id: c for c in kb.store.claims()}
    return sorted((every[c].subject, every[c].type) for c in claims)


def test_iran_hamas_strain_and_resumption(network_kb: KnowledgeBase) -> None:
    result = changes(network_kb.store, "2011", "2018")
    tie = _find(result, "iran", "hamas")
    assert [e.type for e in tie.events] == ["rupture", "resumption"]
    assert tie.label == "unchanged (strained, then resumed)"
    assert _described(network_kb, list(tie.claims_before)) == [
        ("iran", "funding"), ("irgc", "arms"), ("quds-force", "training")]
    assert _described(network_kb, list(tie.claims_after)) == [
        ("iran", "funding"), ("irgc", "arms"), ("quds-force", "arms"),
        ("quds-force", "training")]


def test_ended_and_appeared(network_kb: KnowledgeBase) -> None:
    result = changes(network_kb.store, "2011", "2018")
    assert _find(result, "syria", "hamas").status == "ended"
    assert _find(result, "iran", "houthis").status == "appeared"
    assert _find(result, "russia", "syria").status == "strengthened"


def test_every_change_between_2011_and_2018(network_kb: KnowledgeBase) -> None:
    result = changes(network_kb.store, "2011", "2018")
    assert [(c.source, c.target, c.layer, c.status) for c in result.changes] == [
        ("iran", "hamas", "support", "unchanged"),  # first: it carries the events
        ("syria", "hamas", "support", "ended"),
        ("qatar", "hamas", "support", "appeared"),
        ("iran", "houthis", "support", "appeared"),
        ("iran", "syria", "support", "appeared"),
        ("houthis", "axis-of-resistance", "alignment", "appeared"),
        ("hezbollah", "houthis", "support", "appeared"),
        ("russia", "syria", "support", "strengthened"),
        ("iran", "hezbollah", "support", "strengthened"),
        ("iran", "pij", "support", "strengthened"),
    ]


def test_no_events_outside_window(network_kb: KnowledgeBase) -> None:
    assert changes(network_kb.store, "2018", "2020").changes == []
    # the 2017 resumption lies before this window; three hostile ties begin in it
    result = changes(network_kb.store, "2018", "2024")
    assert [(c.source, c.target, c.layer, c.status, c.events) for c in result.changes] == [
        ("united-states", "houthis", "hostility", "appeared", []),
        ("houthis", "israel", "hostility", "appeared", []),
        ("houthis", "united-states", "hostility", "appeared", []),
    ]


def test_rows_trace_claims(network_kb: KnowledgeBase) -> None:
    rows = changes(network_kb.store, "2011", "2018").rows()
    assert len(rows) == 10
    assert [r for r in rows if not (r["claims_before"] or r["claims_after"] or r["events"])] == []
    ended = rows[1]
    assert (ended["from"]["id"], ended["status"], ended["claims_after"]) == ("syria", "ended", [])
    assert _described(network_kb, ended["claims_before"]) == [("syria", "safe_haven")]
    assert [(e["type"], e["time"]) for e in rows[0]["events"]] == [
        ("rupture", "2012–2016"), ("resumption", "2017")]


def test_series_shows_the_strain(network_kb: KnowledgeBase) -> None:
    data = series(network_kb.store, [("iran", "hamas", "support")], range(2011, 2019),
                  {"iran": ["irgc", "quds-force"]})
    (points,) = data.values()
    weights = dict(points)
    assert sorted(weights) == list(range(2011, 2019))
    assert weights[2014] < weights[2011] and weights[2014] < weights[2018]

from patron.graph.changes import changes, series
from patron.kb import KnowledgeBase


def _find(result, u: str, v: str, layer: str = "support"):  # type: ignore[no-untyped-def]
    return next(c for c in result.changes if (c.source, c.target, c.layer) == (u, v, layer))


def test_iran_hamas_strain_and_resumption(network_kb: KnowledgeBase) -> None:
    result = changes(network_kb.store, "2011", "2018")
    tie = _find(result, "iran", "hamas")
    assert [e.type for e in tie.events] == ["rupture", "resumption"]
    assert "strained" in tie.label and "resumed" in tie.label
    assert tie.claims_before and tie.claims_after


def test_ended_and_appeared(network_kb: KnowledgeBase) -> None:
    result = changes(network_kb.store, "2011", "2018")
    assert _find(result, "syria", "hamas").status == "ended"
    assert _find(result, "iran", "houthis").status == "appeared"
    assert _find(result, "russia", "syria").status == "strengthened"


def test_no_events_outside_window(network_kb: KnowledgeBase) -> None:
    result = changes(network_kb.store, "2018", "2020")
    assert all(not c.events for c in result.changes)


def test_rows_trace_claims(network_kb: KnowledgeBase) -> None:
    rows = changes(network_kb.store, "2011", "2018").rows()
    assert rows
    for row in rows:
        assert row["claims_before"] or row["claims_after"] or row["events"]


def test_series_shows_the_strain(network_kb: KnowledgeBase) -> None:
    data = series(network_kb.store, [("iran", "hamas", "support")], range(2011, 2019),
                  {"iran": ["irgc", "quds-force"]})
    (points,) = data.values()
    weights = dict(points)
    assert weights[2014] < weights[2011] and weights[2014] < weights[2018]

"""The findings issue 5 promises, checked on the shipped starter data (data/)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from patron.graph.blocs import blocs
from patron.graph.brokers import brokers
from patron.graph.changes import changes
from patron.graph.interdiction import interdiction
from patron.graph.patrons import patrons
from patron.graph.view import View, open_view
from patron.kb import KnowledgeBase
from tests.factory import REPO

CLAIMS = REPO / "data" / "claims" / "axis-of-resistance.yaml"

pytestmark = pytest.mark.skipif(
    not CLAIMS.exists(), reason="data/claims/ (the starter claims) is not written yet"
)


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    url = f"sqlite:///{tmp_path_factory.mktemp('starter') / 'kb.db'}"
    base = KnowledgeBase.open(url, create=True)
    base.init(REPO / "data")
    yield base
    base.close()


@pytest.fixture(scope="module")
def view(starter: KnowledgeBase) -> View:
    return open_view(starter.store)


def test_iran_is_hamas_top_patron(view: View) -> None:
    assert patrons(view, "hamas").ranked[0].actor == "iran"


def test_syria_brokers_support_reaching_hezbollah(view: View) -> None:
    found = [b.actor for b in brokers(view, to="hezbollah", top=10).brokers]
    assert "syria" in found


def test_interdiction_names_places_on_recorded_routes(view: View) -> None:
    result = interdiction(view, "iran", "hamas")
    assert result.routes, "the starter claims record no route from Iran to Hamas"
    assert result.cut
    on_routes = {n for route, _ in result.routes for n in route}
    assert set(result.cut) <= on_routes
    assert all(set(route) & set(result.cut) for route, _ in result.routes)
    assert "gaza-strip" not in result.cut  # where the support arrives


def test_israel_and_us_share_a_bloc_apart_from_the_iran_led_network(view: View) -> None:
    result = blocs(view)
    axis = {result.bloc_of(a) for a in ("iran", "hamas", "hezbollah", "houthis")}
    assert len(axis) == 1 and None not in axis
    west = {result.bloc_of(a) for a in ("israel", "united-states")}
    assert len(west) == 1 and None not in west
    assert not west & axis
    # mediators and the Palestinian Authority are not counted into Iran's network
    assert not {result.bloc_of(a) for a in (
        "egypt", "palestinian-authority", "qatar", "turkey")} & axis


def test_patrons_of_israel_are_led_by_the_united_states(view: View) -> None:
    ranked = patrons(view, "israel").ranked
    assert ranked and ranked[0].actor == "united-states"


def test_changes_report_iran_hamas_strain_and_resumption(starter: KnowledgeBase) -> None:
    result = changes(starter.store, "2011", "2018")
    ties = [c for c in result.changes if {c.source, c.target} == {"iran", "hamas"}]
    kinds = {e.type for c in ties for e in c.events}
    assert {"rupture", "resumption"} <= kinds


def test_iran_s_leaders_and_organs_count_with_iran(view: View) -> None:
    ranked = {r.actor: r for r in patrons(view, "hamas").ranked}
    assert ranked["ali-khamenei"].counted_in == "iran"  # a person holding state office
    assert ranked["irgc"].counted_in == "iran"
    assert {"ali-khamenei", "irgc"} <= set(ranked["iran"].organs)


def test_changes_name_actors_that_only_an_event_mentions(starter: KnowledgeBase) -> None:
    rows = changes(starter.store, "2011", "2018").rows()
    refs = [r[k] for r in rows for k in ("from", "to")]
    assert refs and all(ref["name"] != ref["id"] for ref in refs)

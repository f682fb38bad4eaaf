import doctest

from patron.graph import crossings as module
from patron.graph.crossings import crossings
from patron.graph.view import View


def test_doctests_hold() -> None:
    assert doctest.testmod(module).failed == 0


def test_shia_state_backing_sunni_group(view_2015: View) -> None:
    found = {(c.patron, c.client): c for c in crossings(view_2015).crossings}
    assert "sect" in found[("iran", "hamas")].kinds
    assert found[("iran", "hamas")].claims


def test_zaydi_houthis_are_no_sect_crossing(view_2015: View) -> None:
    found = {(c.patron, c.client): c for c in crossings(view_2015).crossings}
    assert ("iran", "houthis") not in found


def test_organs_count_with_state(view_2015: View) -> None:
    patrons = {c.patron for c in crossings(view_2015).crossings}
    assert "quds-force" not in patrons and "irgc" not in patrons


def test_kind_filter(view_all: View) -> None:
    found = crossings(view_all, kinds=("secular-religious",)).crossings
    assert [(c.patron, c.client) for c in found] == [("iran", "pflp")]

from pathlib import Path

import pytest

from patron.errors import InputError
from patron.graph.blocs import blocs
from patron.graph.plot import check_target, ego, network, timeline
from patron.graph.view import View
from tests.pictures import png_colours, png_size, svg_node_fills, svg_texts

#: Hamas and its partners on the support and hostility layers, as of 2015.
HAMAS_EGO = {"Hamas", "Israel", "Hezbollah", "Iran", "United States", "Quds Force", "Turkey",
             "Qatar", "Islamic Revolutionary Guard Corps"}


def test_ego_png(view_2015: View, tmp_path: Path) -> None:
    out = tmp_path / "ego.png"
    ego(view_2015, "hamas", out)
    assert png_size(out.read_bytes()) == (1200, 900)  # 12 x 9 inches at 100 dpi
    colours = png_colours(out)
    assert len(colours) > 100  # not blank
    assert {"#fdae6b", "#cccccc"} <= colours  # the actor highlighted, its partners grey


def test_ego_svg_names_the_actor_and_its_partners(view_2015: View, tmp_path: Path) -> None:
    out = tmp_path / "ego.svg"
    ego(view_2015, "hamas", out)
    texts = svg_texts(out)
    assert texts[-1] == "Hamas (as of 2015)"  # the title
    assert set(texts[:-1]) == HAMAS_EGO
    assert svg_node_fills(out) == {"#fdae6b": 1, "#cccccc": 8}


def test_bloc_map_svg(view_all: View, tmp_path: Path) -> None:
    out = tmp_path / "blocs.svg"
    groups = [b.members for b in blocs(view_all).blocs]
    network(view_all, out, "Blocs", groups=groups)
    texts = svg_texts(out)
    assert texts[-1].startswith("Blocs (all time")
    assert {"Hamas", "Iran", "Israel", "United States", "Russia", "Syria"} <= set(texts)
    assert "Sinai" not in texts  # places belong to no bloc and are not drawn
    # one colour a bloc: the axis (10 members), Israel and the US, Russia and Syria
    assert svg_node_fills(out) == {"#e6550d": 10, "#3182bd": 2, "#31a354": 2}


def test_timeline(tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    timeline({"Iran → Hamas": [(2011, 1.0), (2014, 0.5)],
              "Qatar → Hamas": [(2011, 0.2), (2014, 0.7)]}, out, "support")
    assert png_size(out.read_bytes()) == (1000, 500)
    assert {"#1f77b4", "#ff7f0e"} <= png_colours(out)  # one line a tie


def test_timeline_svg_has_title_axes_and_legend(tmp_path: Path) -> None:
    out = tmp_path / "t.svg"
    timeline({"Iran → Hamas": [(2011, 1.0), (2014, 0.5)]}, out, "support")
    texts = svg_texts(out)
    assert texts[-3:] == ["edge weight", "support", "Iran → Hamas"]
    assert "year" in texts and "2011.0" in texts and "2014.0" in texts


def test_other_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        check_target(tmp_path / "x.jpg")


def test_names_on_a_crowded_picture_never_sit_on_each_other() -> None:
    import random

    import networkx as nx

    from patron.graph.plot import labelled

    rng = random.Random(3)
    graph: nx.DiGraph[str] = nx.DiGraph()
    nodes = [f"actor number {i}" for i in range(300)]
    for _ in range(900):
        graph.add_edge(rng.choice(nodes), rng.choice(nodes), weight=1.0)
    pos = {n: (rng.random(), rng.random()) for n in graph.nodes}
    names = {n: n for n in graph.nodes}
    chosen = labelled(graph, pos, highlight=["actor number 7"], names=names, limit=25,
                      spacing=0.04, char=0.006)
    assert chosen[0] == "actor number 7" and 1 < len(chosen) <= 25
    half = len("actor number 10") * 0.006 / 2
    for i, a in enumerate(chosen):
        for b in chosen[i + 1:]:
            dx, dy = abs(pos[a][0] - pos[b][0]), abs(pos[a][1] - pos[b][1])
            assert dx >= 2 * half - 0.006 or dy >= 0.04 * 0.95, (a, b)

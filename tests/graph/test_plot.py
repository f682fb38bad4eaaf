from pathlib import Path

import pytest

from patron.errors import InputError
from patron.graph.blocs import blocs
from patron.graph.plot import check_target, ego, network, timeline
from patron.graph.view import View


def _pixels(path: Path):  # type: ignore[no-untyped-def]
    import matplotlib.image

    return matplotlib.image.imread(path)


def test_ego_png(view_2015: View, tmp_path: Path) -> None:
    out = tmp_path / "ego.png"
    ego(view_2015, "hamas", out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = _pixels(out)
    assert image.shape[0] > 400 and image.shape[1] > 400
    assert len({tuple(p) for p in image.reshape(-1, image.shape[2])[::97]}) > 10  # not blank


def test_bloc_map_svg(view_all: View, tmp_path: Path) -> None:
    out = tmp_path / "blocs.svg"
    groups = [b.members for b in blocs(view_all).blocs]
    network(view_all, out, "Blocs", groups=groups)
    svg = out.read_text()
    assert "<svg" in svg
    assert "Hamas" in svg and "Iran" in svg  # the names are written


def test_timeline(tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    timeline({"Iran → Hamas": [(2011, 1.0), (2014, 0.5)]}, out, "support")
    image = _pixels(out)
    assert len({tuple(p) for p in image.reshape(-1, image.shape[2])[::97]}) > 5


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

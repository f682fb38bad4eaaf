from pathlib import Path

import pytest

from patron.errors import InputError
from patron.graph.blocs import blocs
from patron.graph.plot import check_target, ego, network, timeline
from patron.graph.view import View


def test_ego_png(view_2015: View, tmp_path: Path) -> None:
    out = tmp_path / "ego.png"
    ego(view_2015, "hamas", out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bloc_map_svg(view_all: View, tmp_path: Path) -> None:
    out = tmp_path / "blocs.svg"
    network(view_all, out, "Blocs", groups=[b.members for b in blocs(view_all).blocs])
    assert "<svg" in out.read_text()


def test_timeline(tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    timeline({"Iran → Hamas": [(2011, 1.0), (2014, 0.5)]}, out, "support")
    assert out.stat().st_size > 0


def test_other_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        check_target(tmp_path / "x.jpg")

"""``patron analyze``: every command prints JSON whose figures name claims."""

import json
from pathlib import Path

import pytest

from tests.factory import run_cli
from tests.pictures import png_size, svg_node_fills, svg_texts


def _json(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run_cli(capsys, "analyze", *args, "--db", url, "--format", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_patrons_json(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    doc = _json(capsys, network_url, "patrons", "Hamas")
    assert doc["patrons"][0]["actor"]["id"] == "iran"
    assert doc["weighting"] == "patron.graph.weight.edge_weight"


def test_clients_with_as_of(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    doc = _json(capsys, network_url, "clients", "Iran", "--as-of", "2015")
    assert doc["slice"]["label"] == "as of 2015"


def test_dependence(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    doc = _json(capsys, network_url, "dependence", "Hamas", "--since", "2017")
    assert 0 < doc["hhi"] <= 1


def test_brokers_to(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    doc = _json(capsys, network_url, "brokers", "--to", "Hezbollah")
    assert doc["brokers"][0]["actor"]["id"] == "syria"


def test_paths_and_interdiction(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    assert _json(capsys, network_url, "paths", "Iran", "Hamas")["paths"]
    doc = _json(capsys, network_url, "interdiction", "Iran", "Hamas")
    assert doc["cut"] and all(row["claims"] for row in doc["cut"])


def test_blocs_and_crossings(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    assert _json(capsys, network_url, "blocs")["blocs"]
    assert _json(capsys, network_url, "crossings")["crossings"]


def test_changes(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    doc = _json(capsys, network_url, "changes", "2011", "2018")
    first = doc["changes"][0]
    assert (first["from"]["id"], first["to"]["id"]) == ("iran", "hamas")


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_other_formats(capsys: pytest.CaptureFixture[str], network_url: str, fmt: str) -> None:
    code, out, _ = run_cli(capsys, "analyze", "patrons", "Hamas", "--db", network_url,
                           "--format", fmt)
    assert code == 0 and "Iran" in out


def test_plot(capsys: pytest.CaptureFixture[str], network_url: str, tmp_path: Path) -> None:
    out = tmp_path / "blocs.png"
    code, _, err = run_cli(capsys, "analyze", "blocs", "--db", network_url, "--plot", str(out))
    assert code == 0, err
    assert png_size(out.read_bytes()) == (1200, 900)
    svg = tmp_path / "blocs.svg"
    code, _, err = run_cli(capsys, "analyze", "blocs", "--db", network_url, "--plot", str(svg))
    assert code == 0, err
    assert svg_texts(svg)[-1].startswith("Blocs (all time")
    assert svg_node_fills(svg) == {"#e6550d": 10, "#3182bd": 2, "#31a354": 2}


def test_unknown_actor_exits_2(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    code, _, err = run_cli(capsys, "analyze", "patrons", "Nobody At All", "--db", network_url)
    assert code == 2 and "unknown actor" in err


def test_conflicting_slice_exits_2(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    code, _, err = run_cli(capsys, "analyze", "blocs", "--as-of", "2015", "--since", "2010",
                           "--db", network_url)
    assert code == 2 and "--as-of" in err


def test_bad_plot_suffix_exits_2(capsys: pytest.CaptureFixture[str], network_url: str) -> None:
    code, _, _ = run_cli(capsys, "analyze", "blocs", "--plot", "x.gif", "--db", network_url)
    assert code == 2


def test_changes_with_the_years_reversed_is_an_input_error(
    capsys: pytest.CaptureFixture[str], network_url: str
) -> None:
    code, out, err = run_cli(capsys, "analyze", "changes", "2018", "2011", "--db", network_url)
    assert code == 2
    assert err.strip() == "error: Y2: Y2 (2011) must come after Y1 (2018)"
    assert out == ""

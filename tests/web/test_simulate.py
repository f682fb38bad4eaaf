"""The simulation page: a trigger in, probabilities and cascades out."""

from __future__ import annotations

from tests.web.conftest import Pages


def test_simulation_form(pages: Pages) -> None:
    html = pages.get("/simulate").text
    assert 'name="trigger"' in html and 'name="date"' in html and 'hx-post="/simulate"' in html


def test_viewer_runs_a_simulation_and_sees_probabilities(pages: Pages) -> None:
    answer = pages.post("/simulate", {"trigger": "Iran attacks Qatar", "date": "2023-10-07",
                                      "runs": "200"}, "viewer")  # fmt: skip
    assert answer.status_code == 200, answer.text
    html = answer.text
    assert "Who joins" in html and "Cascades" in html and "<meter" in html
    assert "200 runs" in html
    assert 'href="/actors/qatar"' in html


def test_simulation_errors_name_the_field(pages: Pages) -> None:
    bad = pages.post("/simulate", {"trigger": "Iran hugs Qatar", "date": "2023-10-07"}, "viewer")
    assert bad.status_code == 400 and "trigger" in bad.text
    runs = pages.post("/simulate", {"trigger": "Iran attacks Qatar", "date": "2023-10-07",
                                    "runs": "9999999"}, "viewer")  # fmt: skip
    assert runs.status_code == 400 and "runs" in runs.text


def test_simulation_needs_the_csrf_token(pages: Pages) -> None:
    answer = pages.post("/simulate", {"trigger": "Iran attacks Qatar", "date": "2023-10-07"},
                        "viewer", csrf=False)  # fmt: skip
    assert answer.status_code == 403

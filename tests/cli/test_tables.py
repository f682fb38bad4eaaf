"""Rich tables for a person: stances marked by colour."""

from __future__ import annotations

from patron.cli.tables import stance_style


def test_stance_style_marks_each_stance() -> None:
    assert stance_style("denied") == "[red]denied[/]"
    assert stance_style("asserted") == "[green]asserted[/]"
    assert stance_style("hypothetical") == "[white]hypothetical[/]"

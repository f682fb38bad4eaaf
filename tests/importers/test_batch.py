from __future__ import annotations

from patron.importers.batch import tracked


def test_progress_is_reported_every_n_items_and_at_the_end() -> None:
    calls: list[tuple[int, int]] = []
    items = list(tracked(list(range(5)), lambda done, total: calls.append((done, total)), every=2))
    assert items == [0, 1, 2, 3, 4]
    assert calls == [(2, 5), (4, 5), (5, 5)]

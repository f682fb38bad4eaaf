from __future__ import annotations

from patron.settings import SETTINGS
from tests.factory import REPO


def test_every_setting_is_documented() -> None:
    docs = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in SETTINGS:
        assert f"`{name}`" in docs, name


def test_every_setting_read_in_the_source_is_declared() -> None:
    import re

    used = set()
    for path in (REPO / "src" / "patron").rglob("*.py"):
        used |= set(re.findall(r"PATRON_[A-Z_]+", path.read_text(encoding="utf-8")))
    assert used <= set(SETTINGS)

"""Every setting Patron reads, from ``PATRON_*`` environment variables.

Each setting is documented in docs/settings.md; tests/test_settings.py fails when
one is missing there. Read the environment through :func:`get` only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SETTINGS", "Settings", "get"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def _default_data_dir() -> Path:
    # Installed wheel: data is force-included as patron/data. Editable install:
    # the repository's top-level data/ folder.
    shipped = _PACKAGE_DIR / "data"
    if shipped.is_dir():
        return shipped
    return _PACKAGE_DIR.parent.parent / "data"


@dataclass(frozen=True)
class Settings:
    db: str
    data_dir: Path
    echo_sql: bool
    relations: str
    unreviewed: str


# name -> (default, documentation); the docs test reads this table.
SETTINGS: dict[str, tuple[str, str]] = {
    "PATRON_DB": (
        "sqlite:///patron.db",
        "SQLAlchemy URL of the knowledge base; a SQLite file by default, "
        "PostgreSQL as postgresql+psycopg://user@host/db",
    ),
    "PATRON_DATA_DIR": (
        "(the shipped data/ folder)",
        "folder holding the starter gazetteer (actors/*.yaml) and curated claims (claims/*.yaml)",
    ),
    "PATRON_ECHO_SQL": ("0", "set to 1 to log every SQL statement (debugging)"),
    "PATRON_RELATIONS": (
        "model",
        "who decides the relations in extracted text: model (the trained relation and stance "
        "heads in the data directory's model/ folder, the rules' finding one of their "
        "features) or rules (the hand-written rules alone)",
    ),
    "PATRON_UNREVIEWED": (
        "exclude",
        "whether answers (who-backs, backed-by, actor, analyze) include claims an extraction "
        "stage made that no one has reviewed yet: exclude (they are counted and the count is "
        "shown) or include (they are shown, marked 'extracted, unreviewed'); --unreviewed "
        "include|exclude overrides it per command",
    ),
}


def get() -> Settings:
    """Read the settings now (tests change the environment between calls)."""
    data_dir = os.environ.get("PATRON_DATA_DIR")
    return Settings(
        db=os.environ.get("PATRON_DB", SETTINGS["PATRON_DB"][0]),
        data_dir=Path(data_dir) if data_dir else _default_data_dir(),
        echo_sql=os.environ.get("PATRON_ECHO_SQL", "0") == "1",
        relations=os.environ.get("PATRON_RELATIONS", SETTINGS["PATRON_RELATIONS"][0]),
        unreviewed=os.environ.get("PATRON_UNREVIEWED", SETTINGS["PATRON_UNREVIEWED"][0]),
    )

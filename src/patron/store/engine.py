"""Opening a knowledge base and bringing its schema up to date (Alembic)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect

__all__ = ["create", "is_initialised", "migrate", "missing_file"]

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create(url: str, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys and write-ahead logging."""
    engine = create_engine(url, echo=echo)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def missing_file(engine: Engine) -> bool:
    """A SQLite file that does not exist yet (connecting would create it, empty)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return False
    return not Path(database).exists()


def is_initialised(engine: Engine) -> bool:
    return inspect(engine).has_table("claims")


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest revision (a no-op when it is current)."""
    from alembic import command  # imported here: commands that never migrate start faster
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

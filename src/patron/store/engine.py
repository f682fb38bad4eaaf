"""Opening a knowledge base, bringing its schema up to date (Alembic), and the one place
that decides how a write transaction begins and what happens when another process holds
the database.

Invariant: every write goes through :func:`write`. On SQLite it begins with
``BEGIN IMMEDIATE`` (the write lock is taken before the first read, so a check such as
"is this claim stored yet?" and the insert it decides see the same database) and waits
for the lock (``busy_timeout``); on PostgreSQL it holds a transaction-level advisory
lock, so Patron's writers take turns there too. A write that still finds the database
busy is rolled back and run again after a growing, jittered pause; only when every
attempt found it busy does the caller see an error, and it says so in words.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError

__all__ = [
    "BUSY_TIMEOUT_S",
    "SCHEMA_REVISION",
    "WRITE_ATTEMPTS",
    "behind",
    "create",
    "is_busy",
    "is_initialised",
    "migrate",
    "missing_file",
    "write",
]

T = TypeVar("T")

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The newest migration (``migrations/versions``; a test checks it is Alembic's head).
SCHEMA_REVISION = "0004"
#: How long one SQLite statement waits for another process's lock before it fails.
BUSY_TIMEOUT_S = 30.0
#: How many times a write that found the database busy is tried in all.
WRITE_ATTEMPTS = 5
_BACKOFF_S = 0.2
_WRITE = "patron_write"  # execution option marking a connection that begins a write
_PG_WRITE_LOCK = 0x7061_7472_6F6E  # "patron": pg_advisory_xact_lock key of every writer


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite would begin transactions itself, lazily, at the first INSERT: reads
    # before it ran outside the transaction. Patron emits BEGIN itself (_sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create(url: str, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, write-ahead logging and a busy
    timeout, and its write transactions take the write lock first."""
    engine = create_engine(url, echo=echo)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` says another process holds the database (worth trying again)."""
    if not isinstance(exc, OperationalError):
        return False
    message = str(exc.orig).lower()
    return "database is locked" in message or "database is busy" in message


def write(engine: Engine, work: Callable[[Connection], T]) -> T:
    """``work(connection)`` in one write transaction, committed when it returns.

    A busy database (another process writing for longer than the busy timeout) rolls
    the transaction back and runs ``work`` again, up to :data:`WRITE_ATTEMPTS` times in
    all; ``work`` must therefore only touch the database. The last busy error is
    raised as it is; :class:`patron.store.Store` words it for the user.
    """
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with engine.connect() as conn:
                conn.execution_options(**{_WRITE: True})
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                     {"key": _PG_WRITE_LOCK})  # fmt: skip
                    return work(conn)
        except OperationalError as exc:
            if not is_busy(exc) or attempt == WRITE_ATTEMPTS:
                raise
        time.sleep(_BACKOFF_S * 2 ** (attempt - 1) * (1 + random.random()))
    raise AssertionError("unreachable: the last attempt returns or raises")


def missing_file(engine: Engine) -> bool:
    """A SQLite file that does not exist yet (connecting would create it, empty)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return False
    return not Path(database).exists()


def is_initialised(engine: Engine) -> bool:
    return inspect(engine).has_table("claims")


def behind(engine: Engine) -> bool:
    """Whether an initialised knowledge base's schema is older than this Patron's (one
    query; Alembic is imported only when there is something to upgrade)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return True
        found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return found != SCHEMA_REVISION


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest revision (a no-op when it is current)."""
    from alembic import command  # imported here: commands that never migrate start faster
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))

    def upgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

    write(engine, upgrade)

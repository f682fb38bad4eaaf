"""The ``patron`` command line (Typer + Rich): thin over the library.

:mod:`patron.cli.main` joins the commands into one app; each command module
(``claims``, ``backing``, ``actors``, ``export``, ``extract``, ``eval``,
``imports``, ``analyze``, ``simulate``, ``report``, ``learn``) parses its
arguments, calls one library function and prints through
:mod:`patron.cli.output` (json, jsonl, csv) or :mod:`patron.cli.tables` (Rich
tables). Shared options are in :mod:`patron.cli.options`.
"""

from patron.cli.main import app, main

__all__ = ["app", "main"]

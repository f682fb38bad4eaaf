"""Readers: files → documents (text, HTML, Markdown, RSS, JSON lines) and claim records.

:mod:`patron.readers.documents` turns files and folders into
:class:`~patron.model.Document` objects for extraction; :mod:`patron.readers.claimfile`
reads curated claim files (YAML, JSON lines) into checked claims and the actors
they define. Datasets (UCDP ESD, ACLED, GDELT, FollowTheMoney) are
:mod:`patron.importers`.
"""

"""Importers: datasets (UCDP ESD, ACLED, GDELT, FollowTheMoney) → actors, documents, claims.

Each importer reads a whole file into an :class:`~patron.importers.batch.ImportBatch`
before anything is stored (:mod:`patron.importers.batch`); delimited files go
through :mod:`patron.importers.csvrows`. The name tables the importers ship
(``cameo_groups.yaml``, ``ucdp_names.yaml``) are package data of this package.
"""

"""The knowledge base: SQL schema, migrations and the repository (the only SQL)."""

from patron.store.filters import ClaimFilter
from patron.store.repository import Store

__all__ = ["ClaimFilter", "Store"]

"""Actors: the gazetteer (starter list with aliases) and the resolver (name → actor)."""

from patron.actors.names import normalize
from patron.actors.resolver import Resolver, from_actors

__all__ = ["Resolver", "from_actors", "normalize"]

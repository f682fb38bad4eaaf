"""Name → actor, through the gazetteer's names.

Invariant: the index is a pure function of the names table (``Store.actor_names``);
it is rebuilt, never edited.

>>> r = Resolver([("iran", "iran", "name", "Iran"), ("iranian", "iran", "demonym", "Iranian")])
>>> r.resolve("IRAN's"), r.resolve("Iranian")
('iran', 'iran')
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

from patron.actors.names import normalize
from patron.errors import AmbiguousActor, UnknownActor
from patron.model import Actor

__all__ = ["Resolver", "from_actors"]

# When several actors share a normalised name, an exact id or display-name match wins.
_STRONG_FORMS = ("id", "name")


class Resolver:
    def __init__(self, names: Iterable[tuple[str, str, str, str]]) -> None:
        self._index: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._display: dict[str, str] = {}
        for norm, actor_id, form, name in names:
            self._index[norm][actor_id].add(form)
            if form == "name":
                self._display[actor_id] = name

    def display(self, actor_id: str) -> str:
        return self._display.get(actor_id, actor_id)

    def _label(self, actor_id: str) -> str:
        return f"{self.display(actor_id)} ({actor_id})"

    def lookup(self, name: str) -> list[str]:
        """Every actor id ``name`` may mean (empty when none)."""
        found = self._index.get(normalize(name), {})
        if len(found) > 1:
            strong = [a for a, forms in found.items() if forms & set(_STRONG_FORMS)]
            if len(strong) == 1:
                return strong
        return sorted(found)

    def resolve(self, name: str) -> str:
        """The one actor ``name`` means; raises UnknownActor or AmbiguousActor."""
        ids = self.lookup(name)
        if len(ids) == 1:
            return ids[0]
        if ids:
            raise AmbiguousActor(name, [self._label(a) for a in ids])
        raise UnknownActor(name, self.candidates(name))

    def candidates(self, name: str, n: int = 5) -> list[str]:
        """The closest known names, as ``Name (id)`` labels."""
        key = normalize(name)
        close = difflib.get_close_matches(key, list(self._index), n=n * 3, cutoff=0.6)
        prefixed = [k for k in self._index if key and (k.startswith(key) or key in k.split())]
        labels: list[str] = []
        for norm in close + sorted(prefixed, key=len):
            for actor_id in sorted(self._index[norm]):
                label = self._label(actor_id)
                if label not in labels:
                    labels.append(label)
        return labels[:n]


def from_actors(actors: Iterable[Actor]) -> Resolver:
    """A resolver over actors not yet stored (checking files before a load)."""
    return Resolver((normalize(name), a.id, form, name) for a in actors for form, name in a.names())

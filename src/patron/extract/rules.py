"""What a rule of the rule stage is, as data, and the prefilter its triggers give it.

A rule reads one construction ("Iran-backed Houthis", "Hamas is funded by Iran"). Its
declaration says where it takes its two arguments from, relative to the trigger span
of the relation it finds (``Side``), and where the type comes from (``Fixed``,
``ByWord``, ``ByNouns``, ``ByHead``, ``ByVerb``). ``relation.RULES`` is the table of
them that ``relation.relations`` iterates.

Invariant: a rule finds nothing in a sentence without one of its ``keys``. A rule
finds something only where one of its ``triggers`` matches; the keys are derived
from those patterns (``literals.required_literals``), never written beside them, so
a pattern cannot change without its prefilter. ``tests/extract/test_rules.py`` checks
both the derivation, on text generated from every trigger, and the declarations, on
every labelled sentence.

>>> import re
>>> rule = Rule("demo", ("Iran funds Hamas.",), (re.compile(r"\\bfund(?:s|ed)\\b"),),
...             ("before",), ("after",), Fixed("funding"), lambda context: None)
>>> sorted(rule.keys), RuleFilter([rule]).admit("Iran FUNDS Hamas")
(['funded', 'funds'], frozenset({0}))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import ahocorasick_rs

from patron.extract import lexicon as lx
from patron.extract.cues import TRIGGERS, Cues
from patron.extract.literals import fold, required_literals
from patron.extract.mentions import Mention

__all__ = [
    "Add",
    "ByHead",
    "ByNouns",
    "ByVerb",
    "ByWord",
    "Context",
    "Fixed",
    "Rule",
    "RuleFilter",
    "Side",
    "TypeSource",
]

#: Where an argument stands against the trigger span of the relation a rule finds:
#: wholly before it, overlapping it (the demonym of "Iranian weapons", the "Iran" of
#: "funded by Iran"), or wholly after it.
Side = Literal["before", "within", "after"]

#: Records a relation: subjects, objects, type, trigger span (offsets in the sentence).
Add = Callable[[Sequence[Mention], Sequence[Mention], str, tuple[int, int]], None]


class Context(NamedTuple):
    """One sentence as a rule reads it (dashes folded: ``lexicon.fold_dashes``)."""

    text: str
    actors: Sequence[Mention]  # the mentions that can be arguments
    mentions: Sequence[Mention]  # every mention, demonyms and places included
    cues: Cues
    add: Add
    taken: set[tuple[int, int]]  # trigger spans the rules before have explained


@dataclass(frozen=True)
class Fixed:
    """The construction names one type ("Hamas opened an office in Tehran": safe_haven)."""

    type: str

    def types(self) -> frozenset[str]:
        return frozenset({self.type})


@dataclass(frozen=True)
class ByWord:
    """The trigger's word names the type, through a table of the lexicon
    ("-armed" → arms: ``lexicon.COMPOUND_TYPES``); a word it lacks gives ``default``."""

    table: Mapping[str, str]
    default: str = "backing"

    def types(self) -> frozenset[str]:
        return frozenset({*self.table.values(), self.default})


def _noun_types() -> frozenset[str]:
    return frozenset(row.type for row in lx.SUPPORT_NOUNS)


@dataclass(frozen=True)
class ByNouns:
    """What the sentence says is given, near the trigger ("received drones from Iran":
    arms), by the nouns of ``lexicon.SUPPORT_NOUNS``; bare backing when none is named."""

    def types(self) -> frozenset[str]:
        return _noun_types() | {"backing"}


@dataclass(frozen=True)
class ByHead:
    """The head noun the trigger parses ("Iran's weapons for Hamas": arms), by
    ``lexicon.NOUN_FOR``; bare backing for a head it lacks. ``also``: types the rule
    gives on a further cue ("Qatar's support for Hamas is political": diplomatic)."""

    also: tuple[str, ...] = ()

    def types(self) -> frozenset[str]:
        return frozenset({*lx.NOUN_FOR.values(), "backing", *self.also})


@dataclass(frozen=True)
class ByVerb:
    """The verb's own type (``lexicon.VERB_TYPES``); a general giving verb ("sent",
    "provides") takes its type from the nouns of what it gives (``ByNouns``). ``also``:
    types a further cue turns the verb's into ("Erdogan hosted Haniyeh": a meeting)."""

    also: tuple[str, ...] = ()

    def types(self) -> frozenset[str]:
        verbs = {name for name, _ in TRIGGERS if name is not None}
        return frozenset({*verbs, *ByNouns().types(), *self.also})


TypeSource = Fixed | ByWord | ByNouns | ByHead | ByVerb


def derive_keys(triggers: Sequence[re.Pattern[str]]) -> frozenset[str] | None:
    """Folded strings one of which a sentence must contain for any trigger to match;
    None where some trigger names none (the rule then runs on every sentence)."""
    keys: set[str] = set()
    for rx in triggers:
        found = required_literals(rx)
        if found is None:
            return None
        keys |= found
    return frozenset(keys)


@dataclass(frozen=True)
class Rule:
    """One construction the rules read, declared.

    ``reads``: sentences of the construction, one for each way it is written.
    ``triggers``: the patterns one of which matches wherever the rule finds a relation
    (matched on the sentence or on a slice of it). ``subject`` and ``object``: the
    sides of the trigger span its arguments come from, the usual one first. ``find``
    reads a sentence and records what it finds through ``Context.add``. ``keys`` is
    derived from ``triggers``.
    """

    name: str
    reads: tuple[str, ...]
    triggers: tuple[re.Pattern[str], ...]
    subject: tuple[Side, ...]
    object: tuple[Side, ...]
    types: TypeSource
    find: Callable[[Context], None] = field(repr=False, compare=False)
    keys: frozenset[str] | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", derive_keys(self.triggers))


class RuleFilter:
    """Which rules of a table can find anything in a sentence: one automaton scan for
    every rule's keys over the folded sentence."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        owners: dict[str, set[int]] = {}
        for index, rule in enumerate(rules):
            for key in rule.keys or ():
                owners.setdefault(key, set()).add(index)
        self.always = frozenset(i for i, rule in enumerate(rules) if rule.keys is None)
        self._owners = [frozenset(o) for o in owners.values()]
        self._automaton = ahocorasick_rs.AhoCorasick(
            list(owners), implementation=ahocorasick_rs.Implementation.ContiguousNFA
        )

    def admit(self, text: str) -> frozenset[int]:
        """The indexes of the rules whose keys occur in ``text``."""
        found: set[int] = set(self.always)
        owners = self._owners
        for key in self._automaton.find_matches_as_indexes(fold(text), overlapping=True):
            found |= owners[key[0]]
        return frozenset(found)

"""The declared rules: every prefilter admits what its triggers match, and every rule
takes its arguments and types from where its declaration says.

Text the triggers match is generated from the patterns themselves (a random walk of
their parse, checked with the pattern), so a trigger changed in the lexicon is tested
as it stands; the declarations are checked on every labelled sentence.
"""

from __future__ import annotations

import importlib
import json
import random
import re
from functools import cache
from typing import Any

import pytest
import yaml

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract import relation
from patron.extract.cues import cues
from patron.extract.lexicon import fold_dashes
from patron.extract.literals import fold, required_literals
from patron.extract.mentions import Gazetteer, Mention
from patron.extract.relation import RULES, Relation, found_by, relations
from patron.extract.rules import Rule, RuleFilter, Side
from patron.extract.segment import sentences
from tests.factory import REPO, SHARED_DATA

_PARSER: Any = importlib.import_module("re._parser")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.;'’-$\n"
# Letters the regex engine takes for ASCII ones under IGNORECASE ("ſ" for "s").
_LOOKALIKES = {"s": "ſ", "k": "\u212a", "i": "\u0130"}
_PREFIXES = ("", "Iran ", "the ", "In 2020 Qatar, ", "x")
_SUFFIXES = ("", " Hamas.", " and the", ",", "s")


def _in_class(ch: str, items: list[tuple[Any, Any]], ignore_case: bool) -> bool:
    """Whether ``ch`` is in the character class ``items`` (a parsed ``[...]``)."""
    negate = bool(items) and str(items[0][0]) == "NEGATE"
    inside = False
    for op, av in items[1:] if negate else items:
        name = str(op)
        if name == "LITERAL":
            inside |= ch == chr(av) or (ignore_case and ch.lower() == chr(av).lower())
        elif name == "RANGE":
            inside |= av[0] <= ord(ch) <= av[1]
        elif name == "CATEGORY":
            kind = str(av)
            test = {"CATEGORY_SPACE": ch.isspace(), "CATEGORY_DIGIT": ch.isdigit(),
                    "CATEGORY_WORD": ch.isalnum() or ch == "_"}
            for base, value in test.items():
                if kind == base:
                    inside |= value
                elif kind == base.replace("CATEGORY_", "CATEGORY_NOT_"):
                    inside |= not value
    return inside != negate


def _walk(items: list[tuple[Any, Any]], ignore_case: bool, rnd: random.Random) -> str:
    """A string the pieces ``items`` can match, look-arounds aside (the caller checks)."""
    out: list[str] = []
    for k, (op, av) in enumerate(items):
        name = str(op)
        if name == "LITERAL":
            ch = chr(av)
            if ignore_case and ch.isalpha():
                ch = rnd.choice([ch.lower(), ch.upper(), _LOOKALIKES.get(ch.lower(), ch)])
            out.append(ch)
        elif name == "NOT_LITERAL":
            out.append(rnd.choice([c for c in _ALPHABET if c != chr(av)]))
        elif name == "IN":
            chars = [c for c in _ALPHABET if _in_class(c, av, ignore_case)]
            chars += [chr(v) for kind, v in av if str(kind) == "LITERAL"]
            out.append(rnd.choice(chars) if chars else "")
        elif name == "ANY":
            out.append(rnd.choice(_ALPHABET.strip("\n")))
        elif name == "BRANCH":
            out.append(_walk(list(rnd.choice(av[1])), ignore_case, rnd))
        elif name == "SUBPATTERN":
            out.append(_walk(list(av[-1]), ignore_case, rnd))
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high = av[0], min(av[1], av[0] + 3)
            out += [_walk(list(av[2]), ignore_case, rnd) for _ in range(rnd.randint(low, high))]
        elif name == "ASSERT" and not any(str(o) not in ("AT", "ASSERT", "ASSERT_NOT")
                                          for o, _ in items[k + 1 :]):
            out.append(_walk(list(av[1]), ignore_case, rnd))  # a look-ahead at the end
    return "".join(out)


def _matching(rx: re.Pattern[str], count: int, seed: int) -> list[str]:
    """Up to ``count`` padded strings ``rx`` finds a match in."""
    rnd = random.Random(seed)
    parsed = list(_PARSER.parse(rx.pattern, rx.flags))
    ignore_case = bool(rx.flags & re.IGNORECASE)
    out = []
    for _ in range(count):
        core = _walk(parsed, ignore_case, rnd)
        text = rnd.choice(_PREFIXES) + core + rnd.choice(_SUFFIXES)
        for candidate in (text, core):
            if rx.search(candidate):
                out.append(candidate)
                break
    return out


def _triggers() -> list[tuple[str, int, re.Pattern[str]]]:
    return [(rule.name, i, rx) for rule in RULES for i, rx in enumerate(rule.triggers)]


def test_every_rule_has_prefilter_keys_derived_from_its_triggers() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.keys, rule.name
        derived = set().union(*(required_literals(rx) or {""} for rx in rule.triggers))
        assert rule.keys == derived, rule.name


@pytest.mark.parametrize(("name", "index", "rx"), _triggers(),
                         ids=[f"{n}-{i}" for n, i, _ in _triggers()])
def test_the_prefilter_admits_every_text_a_trigger_matches(
    name: str, index: int, rx: re.Pattern[str]
) -> None:
    rule = next(r for r in RULES if r.name == name)
    texts = _matching(rx, 600, seed=index)
    assert len(texts) >= 30, (name, index, texts[:5])  # the walk reaches the pattern
    table = RuleFilter([rule])
    assert rule.keys is not None
    for text in texts:
        assert any(key in fold(text) for key in rule.keys), (name, text)
        assert table.admit(text) == {0}, (name, text)


@pytest.mark.parametrize("pattern", [
    r"\b(?:fund(?:s|ed)?|pa(?:ys|id))\s+by\b", r"^['’]s?\s+(?:main\s+)?backer", r"(?=x)y|z",
    r"\b(?:is|was)\s+(?:a\s+)?member\s+of\b", r"a{2,5}b?c+", r"[-–]\s?(?:made|built)\b",
])
def test_required_literals_hold_on_generated_matches(pattern: str) -> None:
    rx = re.compile(pattern, re.IGNORECASE)
    keys = required_literals(rx)
    assert keys
    texts = _matching(rx, 300, seed=1)
    assert len(texts) >= 30
    for text in texts:
        assert any(key in fold(text) for key in keys), text


def test_required_literals_know_when_nothing_is_required() -> None:
    for pattern in (r"\w+\s+\w+", r"(?:x)?", r"a|\w", r".d?"):
        assert required_literals(re.compile(pattern)) is None, pattern
    assert required_literals(re.compile(r"\w+ed\b")) == {"ed"}


def test_folding_is_the_engines_case_folding() -> None:
    assert fold("İSTANBUL ſupports HAMAS") == "istanbul supports hamas"
    for text in ("HİT", "ſanction", "\u212aill"):
        assert re.search(fold(text), text, re.IGNORECASE)


@cache
def _gazetteer() -> Gazetteer:
    return Gazetteer(load_dir(settings.get().data_dir / "actors"))


@cache
def _labelled_sentences() -> tuple[str, ...]:
    files = [REPO / "tests" / "data" / "extract_cases.yaml",
             *sorted((REPO / "tests" / "data" / "cases").glob("*.yaml"))]
    texts = [case["text"] for f in files for case in yaml.safe_load(f.read_text("utf-8"))]
    texts += [p.read_text("utf-8", errors="replace")
              for p in sorted((REPO / "examples" / "documents").iterdir())]
    for path in sorted((SHARED_DATA / "re3d").glob("*/documents.json")):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()
                  if line.strip()]
    out = [s.text for text in texts for s in sentences(fold_dashes(text))]
    return tuple(dict.fromkeys(out))


def _side(m: Mention, trigger: tuple[int, int]) -> Side:
    return "before" if m.end <= trigger[0] else "after" if m.start >= trigger[1] else "within"


def _check_declared(rule: Rule, r: Relation, text: str) -> None:
    assert _side(r.subject, r.trigger) in rule.subject, (rule.name, r, text)
    assert _side(r.object, r.trigger) in rule.object, (rule.name, r, text)
    assert r.type in rule.types.types(), (rule.name, r.type, text)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_each_rule_reads_the_sentences_it_declares(rule: Rule) -> None:
    for text in rule.reads:
        found = found_by([rule], text, _gazetteer().find(text))
        assert found, (rule.name, text)
        for r in found:
            _check_declared(rule, r, text)
        assert RULES.index(rule) in RuleFilter(RULES).admit(text)


def test_on_every_labelled_sentence_rules_keep_their_declarations_and_prefilters() -> None:
    """Each rule alone, unfiltered: where it finds anything its keys occur, and what it
    finds has the sides and the type its declaration gives."""
    table = RuleFilter(RULES)
    texts = _labelled_sentences()
    assert len(texts) > 1500
    fired = {rule.name: 0 for rule in RULES}
    for text in texts:
        mentions = _gazetteer().find(text)
        admitted = table.admit(text)
        assert admitted == {i for i, rule in enumerate(RULES)
                            if any(k in fold(text) for k in rule.keys or ())}
        found = cues(text)
        for index, rule in enumerate(RULES):
            raw = found_by([rule], text, mentions, found)
            if raw:
                fired[rule.name] += 1
                assert index in admitted, (rule.name, text)
            for r in raw:
                _check_declared(rule, r, text)
    assert all(n > 0 for n in fired.values()), fired


class _Everything:
    def admit(self, text: str) -> frozenset[int]:
        return frozenset(range(len(RULES)))


def test_the_prefilter_changes_no_relation(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _labelled_sentences()
    mentions = [_gazetteer().find(text) for text in texts]
    filtered = [relations(t, m) for t, m in zip(texts, mentions, strict=True)]
    monkeypatch.setattr(relation, "_FILTER", _Everything())
    assert filtered == [relations(t, m) for t, m in zip(texts, mentions, strict=True)]
    assert sum(map(len, filtered)) > 500

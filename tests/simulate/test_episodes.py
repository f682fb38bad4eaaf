"""Episode files: free-text rows become triggers and joins by the stated rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from patron.errors import InputError
from patron.kb import KnowledgeBase
from patron.simulate import episodes
from tests.factory import SHARED_DATA
from tests.simulate.conftest import write

HEADER = ("event_id,date_start,date_end,actor,actor_kind,iran_aligned,target,event_type,"
          "summary,war_context,hezbollah_joined_war,sources\n")
ROWS = """\
E1,2014-07-08,2014-08-26,Israel vs Hamas/PIJ (Operation One),state,yes,Gaza Strip,war,w,war one,no,
E2,2014-07-11,2014-07-14,unknown (groups; Hezbollah denied),unknown,unknown,Israel (north),\
rockets,r,war one,no,
E3,2021-05-10,2021-05-21,Israel vs Hamas (Operation Two),state,yes,Gaza Strip,war,w,war two,yes,
E4,2021-05-15,2021-05-20,Hezbollah,non-state,yes,Israel (north),rockets,r,war two,yes,
E5,2019-09-01,2019-09-01,Hezbollah,non-state,yes,Israel,rockets,r,contrast,n/a,
"""
SHARED = SHARED_DATA / "escalation" / "episodes_before_2023.csv"


def episodes_file(tmp_path: Path, rows: str = ROWS) -> Path:
    return write(tmp_path, "episodes.csv", HEADER + rows)


def test_rows_become_triggers_joins_and_unattributed_fire(tmp_path: Path,
                                                          network_kb: KnowledgeBase) -> None:
    one, two, contrast = episodes.read(episodes_file(tmp_path), network_kb.resolve)
    assert (one.attacker, one.targets, one.days) == ("israel", ("hamas", "pij"), 50)
    assert one.joins == () and one.unattributed == ("E2",)
    assert [(j.actor, j.target, j.day, j.end) for j in two.joins] == [
        ("hezbollah", "israel", 5, 10)]
    assert (contrast.attacker, contrast.targets, contrast.days) == ("hezbollah", ("israel",), 1)


def test_a_joined_column_the_rules_contradict_names_its_line(tmp_path: Path,
                                                             network_kb: KnowledgeBase) -> None:
    path = episodes_file(tmp_path, ROWS.replace("war one,no", "war one,yes", 1))
    with pytest.raises(InputError) as info:
        episodes.read(path, network_kb.resolve)
    assert (info.value.line, info.value.field) == (2, "hezbollah_joined_war")


def test_an_unknown_actor_and_a_missing_column_are_errors(tmp_path: Path,
                                                          network_kb: KnowledgeBase) -> None:
    with pytest.raises(InputError) as info:
        episodes.read(episodes_file(tmp_path, ROWS.replace("E4,2021-05-15,2021-05-20,Hezbollah",
                                                           "E4,2021-05-15,2021-05-20,Hezbolah")),
                      network_kb.resolve)
    assert (info.value.line, info.value.field) == (5, "actor")
    path = write(tmp_path, "bad.csv", "event_id,date_start\nE1,2020-01-01\n")
    with pytest.raises(InputError, match="missing column"):
        episodes.read(path, network_kb.resolve)


def test_a_context_trigger_from_the_rules_file(tmp_path: Path,
                                               network_kb: KnowledgeBase) -> None:
    rules = write(tmp_path, "rules.yaml", "unattributed: [unknown]\ncontext_triggers:\n"
                  "  contrast: {actor: Israel, action: attacks, target: Hamas, "
                  "date: '2019-08-20', end: '2019-09-10'}\n")
    *_, contrast = episodes.read(episodes_file(tmp_path), network_kb.resolve, rules)
    assert (contrast.attacker, contrast.targets) == ("israel", ("hamas",))
    assert [(j.actor, j.day) for j in contrast.joins] == [("hezbollah", 12)]


@pytest.mark.skipif(not SHARED.is_file(), reason="../shared/data/escalation is not present")
def test_the_shared_episodes_map_to_six_triggers_and_one_join(network_kb: KnowledgeBase) -> None:
    found = episodes.read(SHARED, network_kb.resolve)
    assert [e.id for e in found] == ["C01", "C02", "C05", "C06", "C08", "C10"]
    joins = [(e.id, j.actor, j.day + 1) for e in found for j in e.joins]
    assert joins == [("C01", "hezbollah", 15)]  # 12 July 2006, day 15 of Summer Rains

from __future__ import annotations

import json

import pytest

from reconciler.evaluate import (
    GoldConflict,
    GoldError,
    GoldEvent,
    bcubed,
    flagged_traps,
    load_gold,
    score_conflicts,
)
from reconciler.records import Conflict, ConflictKind, Event


def _gold_event(event_id: str, *docs: str) -> GoldEvent:
    return GoldEvent(id=event_id, docs=frozenset(docs), date=None, place=None, participants=())


def _conflict(kind: ConflictKind, *pages: str) -> Conflict:
    return Conflict(kind=kind, page_ids=pages, claims=(), confidence=0.9, explanation="")


def test_bcubed_is_perfect_for_the_gold_partition_and_drops_when_events_are_merged() -> None:
    gold = [_gold_event("x", "a", "b"), _gold_event("y", "c")]
    assert bcubed([Event("1", ("a", "b")), Event("2", ("c",))], gold)["f1"] == 1.0
    merged = bcubed([Event("1", ("a", "b", "c"))], gold)
    assert merged["recall"] == 1.0
    assert merged["precision"] == pytest.approx((2 / 3 * 2 + 1 / 3) / 3, abs=1e-3)


def test_a_conflict_matches_gold_only_with_the_same_kind_and_the_same_pages() -> None:
    gold = [GoldConflict("number", frozenset({"a", "b", "c"}))]
    exact = score_conflicts([_conflict(ConflictKind.NUMBER, "c", "b", "a")], gold)
    assert exact["overall"]["f1"] == 1.0
    subset = score_conflicts([_conflict(ConflictKind.NUMBER, "a", "b")], gold)
    assert subset["overall"]["matched"] == 0
    assert subset["missing"] == [{"kind": "number", "pages": ["a", "b", "c"]}]
    other_kind = score_conflicts([_conflict(ConflictKind.QUOTE, "a", "b", "c")], gold)
    assert other_kind["per_kind"]["number"]["recall"] == 0.0


def test_a_trap_is_flagged_by_an_unexplained_conflict_within_its_pages() -> None:
    gold = [GoldConflict("event_date", frozenset({"a", "b"}))]
    trap = GoldConflict("event_date", frozenset({"a", "b", "c", "d"}))
    assert flagged_traps([_conflict(ConflictKind.EVENT_DATE, "a", "b")], gold, [trap]) == []
    flagged = flagged_traps([_conflict(ConflictKind.EVENT_DATE, "c", "d")], gold, [trap])
    assert flagged and flagged[0]["docs"] == ["a", "b", "c", "d"]


def test_gold_of_the_dev_dataset_loads(dev_dataset) -> None:
    gold = load_gold(dev_dataset)
    assert len(gold.events) == 10
    assert sum(len(event.docs) for event in gold.events) == 29
    assert {conflict.kind for conflict in gold.conflicts} >= {"calendar_mismatch", "event_date"}


def test_a_broken_gold_file_is_one_clear_error(tmp_path) -> None:
    (tmp_path / "gold.json").write_text(json.dumps({"events": [{"docs": []}]}))
    with pytest.raises(GoldError, match=r"gold\.json"):
        load_gold(tmp_path)
    with pytest.raises(GoldError, match=r"no gold\.json"):
        load_gold(tmp_path / "missing")

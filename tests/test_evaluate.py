from __future__ import annotations

import json

import pytest

from reconciler.evaluate import (
    EvalSettings,
    GoldConflict,
    GoldError,
    GoldEvent,
    bcubed,
    flagged_traps,
    load_gold,
    score_conflicts,
    score_events,
    scores_text,
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


def test_rough_matching_pairs_each_conflict_once_by_overlap() -> None:
    gold = [GoldConflict("number", frozenset({"a", "b", "c", "d"}))]
    near = _conflict(ConflictKind.NUMBER, "a", "b", "c")  # Jaccard 0.75
    far = _conflict(ConflictKind.NUMBER, "a", "x", "y")  # Jaccard 1/6
    scores = score_conflicts([near, far], gold)
    assert scores["overall"]["matched"] == 0
    rough = scores["rough"]["overall"]
    assert (rough["matched"], rough["found"], rough["gold"]) == (1, 2, 1)
    assert rough["precision"] == 0.5 and rough["recall"] == 1.0
    # two found conflicts near one gold conflict: only one of them is matched
    twice = score_conflicts([near, _conflict(ConflictKind.NUMBER, "b", "c", "d")], gold)
    assert twice["rough"]["overall"]["matched"] == 1
    other_kind = score_conflicts([_conflict(ConflictKind.QUOTE, "a", "b", "c")], gold)
    assert other_kind["rough"]["overall"]["matched"] == 0


def test_rough_threshold_comes_from_the_settings() -> None:
    gold = [GoldConflict("number", frozenset({"a", "b", "c", "d"}))]
    found = [_conflict(ConflictKind.NUMBER, "a", "b")]  # Jaccard 0.5
    assert score_conflicts(found, gold)["rough"]["overall"]["matched"] == 1
    strict = score_conflicts(found, gold, EvalSettings(rough_jaccard=0.6))
    assert strict["rough"]["overall"]["matched"] == 0


def test_event_breakdown_says_how_a_gold_event_was_split_and_merged() -> None:
    gold = [
        GoldEvent("x", frozenset({"a", "b", "c"}), "2025-05-07", None, ("Ann Lee",)),
        GoldEvent("y", frozenset({"d"}), "2025-05-10", None, ()),
        GoldEvent("z", frozenset({"e"}), None, None, ()),
    ]
    found = [
        Event("1", ("a", "b", "d"), date="2025-05-07", participants=("Ann Lee", "Bo Chan")),
        Event("2", ("c",)),
        Event("3", ("e",)),
    ]
    scores = score_events(found, gold, lambda left, right: left == right)
    by_id = {event["id"]: event for event in scores["per_event"]}
    x = by_id["x"]
    assert [part["pages"] for part in x["split_into"]] == [["a", "b"], ["c"]]
    assert x["merged_with"] == [{"gold_event": "y", "pages": ["d"]}]
    assert x["date"]["right"] and x["participants"]["extra"] == ["Bo Chan"]
    assert not by_id["y"]["date"]["right"]  # merged into an event dated 7 May
    # the undated gold event does not count in the date accuracy: 1 of 2 dated events
    assert scores["dated_events"] == 2 and scores["date_accuracy"] == 0.5


def test_scores_text_lists_rough_figures_splits_and_wrong_page_dates() -> None:
    gold = [GoldEvent("x", frozenset({"a", "b"}), "2025-05-07", None, ())]
    found = [Event("1", ("a",)), Event("2", ("b",))]
    scores = {
        "clustering": bcubed(found, gold),
        "conflicts": score_conflicts([], []),
        "traps_flagged": [],
        "traps_total": 0,
        "events": score_events(found, gold, lambda left, right: left == right),
        "pages": {
            "dates": [
                {
                    "page": "a",
                    "lang": "en",
                    "gold_date": "2025-05-07",
                    "found_date": None,
                    "right": False,
                    "origin": None,
                }
            ]
        },
    }
    text = scores_text(scores)
    assert "rough (Jaccard" in text
    assert "event x (2 pages): split into 1 [a]; 2 [b]" in text
    assert "page a (en) date none (gold 2025-05-07): no date found" in text

"""The dev set with the gold event partition: participants, places and their conflicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reconciler.claims.entities import extract, resolve, same_entity
from reconciler.ingest import load
from reconciler.reconcile import EventContext, event_contexts, participants, places
from reconciler.records import ClaimKind, ConflictKind, Event


@pytest.fixture(scope="module")
def gold(dev_dataset: Path) -> dict[str, Any]:
    return json.loads((dev_dataset / "gold.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def contexts(dev_dataset: Path, gold: dict[str, Any]) -> dict[str, EventContext]:
    pages = load([dev_dataset]).pages
    claims = resolve([claim for page in pages for claim in extract(page)])
    events = [Event(id=event["id"], page_ids=tuple(event["docs"])) for event in gold["events"]]
    return {context.event.id: context for context in event_contexts(events, pages, claims)}


def _f1(found: list[str], expected: list[str]) -> float:
    if not found and not expected:
        return 1.0
    hits = sum(1 for name in expected if any(same_entity(name, got) for got in found))
    right = sum(1 for got in found if any(same_entity(name, got) for name in expected))
    precision = right / len(found) if found else 0.0
    recall = hits / len(expected) if expected else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_participants_of_every_event(
    contexts: dict[str, EventContext], gold: dict[str, Any]
) -> None:
    for event in gold["events"]:
        found = participants.event_participants(contexts[event["id"]])
        assert _f1(found, event["participants"]) >= 0.9, (event["id"], found)


@pytest.mark.parametrize(
    ("kind", "compare"),
    [(ConflictKind.PARTICIPANTS, participants.compare), (ConflictKind.LOCATION, places.compare)],
)
def test_conflicts_match_gold_exactly(
    contexts: dict[str, EventContext], gold: dict[str, Any], kind: ConflictKind, compare: Any
) -> None:
    found = {frozenset(c.page_ids) for context in contexts.values() for c in compare(context)}
    expected = {frozenset(c["docs"]) for c in gold["conflicts"] if c["kind"] == kind.value}
    assert found == expected
    traps = {frozenset(c["docs"]) for c in gold["non_conflicts"] if c["kind"] == kind.value}
    assert not found & traps


def test_conflicts_carry_evidence_from_every_side(contexts: dict[str, EventContext]) -> None:
    conflicts = [c for context in contexts.values() for c in places.compare(context)]
    conflicts += [c for context in contexts.values() for c in participants.compare(context)]
    for conflict in conflicts:
        assert {claim.page_id for claim in conflict.claims} == set(conflict.page_ids)
        assert conflict.explanation.endswith(".")


@pytest.mark.parametrize(
    ("event_id", "place"),
    [
        ("xi-lavrov-beijing-2025", "Beijing"),
        ("lavrov-choe-moscow-2024", "Moscow"),
        ("china-russia-strategic-security-consultation-19", "Beijing"),
        ("lavrov-choe-wonsan-2025", "Wonsan"),
        ("putin-xi-video-call-2022", "video conference"),
        ("kut-hypermarket-fire-2025", "Kut"),
    ],
)
def test_event_place(contexts: dict[str, EventContext], event_id: str, place: str) -> None:
    assert places.event_place(contexts[event_id]) == place


def test_uploader_line_is_not_a_place(contexts: dict[str, EventContext]) -> None:
    claims = contexts["lavrov-choe-moscow-2024"].claims["bn-seed-003"]
    assert not [
        c
        for c in claims
        if c.kind == ClaimKind.PLACE and c.normalized == "Paris" and c.slot == "place"
    ]

"""Date conflicts on the gold event partition: every gold date conflict with exactly gold's
pages, no date trap flagged."""

from __future__ import annotations

from functools import cache

import pytest
from dev_pages_for_dates import dev_pages, gold

from reconciler.claims.dates import extract
from reconciler.reconcile import EventContext, dates
from reconciler.records import Conflict, ConflictKind, Event

DATE_KINDS = {"calendar_mismatch", "weekday_mismatch", "event_date"}


@cache
def contexts() -> tuple[EventContext, ...]:
    pages = dev_pages()
    return tuple(
        EventContext(
            event=Event(event["id"], tuple(event["docs"])),
            pages={page_id: pages[page_id] for page_id in event["docs"]},
            claims={page_id: tuple(extract(pages[page_id])) for page_id in event["docs"]},
        )
        for event in gold()["events"]
    )


@cache
def found() -> tuple[Conflict, ...]:
    conflicts: list[Conflict] = []
    for context in contexts():
        for page_id, page in context.pages.items():
            conflicts.extend(dates.check_page(page, context.claims[page_id]))
        conflicts.extend(dates.compare(context))
    return tuple(conflicts)


def _found_keys() -> set[tuple[str, frozenset[str]]]:
    return {(conflict.kind.value, frozenset(conflict.page_ids)) for conflict in found()}


def _gold_keys() -> set[tuple[str, frozenset[str]]]:
    return {
        (conflict["kind"], frozenset(conflict["docs"]))
        for conflict in gold()["conflicts"]
        if conflict["kind"] in DATE_KINDS
    }


def test_exactly_the_gold_date_conflicts() -> None:
    assert _found_keys() == _gold_keys()


@pytest.mark.parametrize(
    "trap",
    [trap for trap in gold()["non_conflicts"] if trap["kind"] in DATE_KINDS],
    ids=lambda trap: "+".join(trap["docs"]),
)
def test_no_date_trap_flagged(trap: dict) -> None:
    docs = set(trap["docs"])
    false_alarms = {
        (kind, pages)
        for kind, pages in _found_keys() - _gold_keys()
        if kind == trap["kind"] and pages <= docs
    }
    assert not false_alarms


@pytest.mark.parametrize("event", gold()["events"], ids=lambda event: event["id"])
def test_event_date_matches_gold(event: dict) -> None:
    context = next(c for c in contexts() if c.event.id == event["id"])
    assert dates.event_date(context) == event["date"]


def test_calendar_mismatch_names_both_dates() -> None:
    conflict = next(c for c in found() if c.kind == ConflictKind.CALENDAR_MISMATCH)
    assert [claim.normalized for claim in conflict.claims] == ["2024-11-02", "2024-12-09"]
    assert "2024-11-02" in conflict.explanation and "2024-12-09" in conflict.explanation


def test_event_date_conflict_claims_one_per_page() -> None:
    conflict = next(
        c for c in found() if c.kind == ConflictKind.EVENT_DATE and "doc-006" in c.page_ids
    )
    assert [claim.page_id for claim in conflict.claims] == list(conflict.page_ids)
    assert {claim.normalized for claim in conflict.claims} == {"2025-07-15", "2025-07-16"}

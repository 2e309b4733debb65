"""Stable ids: events named after their earliest fetched page, conflicts after what they are
about, so neither changes when a page is added."""

from __future__ import annotations

from reconciler import identity
from reconciler.records import (
    Claim,
    ClaimKind,
    Conflict,
    ConflictKind,
    Event,
    NumberValue,
    Page,
    RegionKind,
)
from reconciler.report import document


def _page(page_id: str, fetched_at: str | None) -> Page:
    return Page(page_id, "text", (), fetched_at=fetched_at)


def test_event_is_named_after_its_earliest_fetched_page() -> None:
    pages = [
        _page("doc-2", "2025-07-15T10:00:00Z"),
        _page("doc-1", "2025-07-16T10:00:00Z"),
        _page("doc-0", None),
    ]
    events = [Event("event-009", ("doc-0", "doc-1", "doc-2"))]
    assert [event.id for event in identity.name_events(events, pages)] == ["event-doc-2"]
    # A page fetched later joins: the id stays.
    later = [*pages, _page("doc-00", "2025-08-01T00:00:00Z")]
    grown = [Event("event-001", ("doc-00", "doc-0", "doc-1", "doc-2"))]
    assert [event.id for event in identity.name_events(grown, later)] == ["event-doc-2"]


def test_event_ids_are_safe_and_distinct_for_odd_page_ids() -> None:
    pages = [_page("a b", None), _page("a/b", None)]
    events = [Event("e1", ("a b",)), Event("e2", ("a/b",))]
    ids = [event.id for event in identity.name_events(events, pages)]
    assert len(set(ids)) == 2
    assert all(set(event_id) <= set("abcdefghijklmnopqrstuvwxyz0123456789-._") for event_id in ids)


# The gate and the ids read a claim's ``normalized``; its value only says what it counts.
_DEATHS = NumberValue(0, None, None, "exact", "deaths", "", False, "", True, False, "")


def _conflict(values: dict[str, str], event_id: str = "event-doc-1") -> Conflict:
    claims = tuple(
        Claim(
            ClaimKind.NUMBER,
            page_id,
            0,
            1,
            "x",
            RegionKind.BODY,
            value,
            0.9,
            slot="deaths",
            value=_DEATHS,
        )
        for page_id, value in values.items()
    )
    return Conflict(ConflictKind.NUMBER, tuple(values), claims, 0.9, "differs", event_id)


def test_conflict_id_follows_subject_kind_slot_and_values() -> None:
    (base,) = document.conflict_ids([_conflict({"a": "50", "b": "61"})])
    assert base.startswith("number-")
    same = [_conflict({"b": "61", "a": "50", "c": "61"})]  # order, and an agreeing page
    assert document.conflict_ids(same) == [base]
    assert document.conflict_ids([_conflict({"a": "52", "b": "61"})]) != [base]
    assert document.conflict_ids([_conflict({"a": "50", "b": "61"}, "event-doc-9")]) != [base]
    assert identity.subject_key(_conflict({"a": "52", "b": "61"})) == identity.subject_key(
        _conflict({"a": "50", "b": "61"})
    )


def test_two_conflicts_with_one_id_are_told_apart() -> None:
    twice = [_conflict({"a": "50", "b": "61"})] * 2
    first, second = document.conflict_ids(twice)
    assert second == f"{first}-2"

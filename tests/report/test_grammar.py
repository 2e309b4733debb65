"""Counts and verbs agree with their numbers in what reports print."""

from __future__ import annotations

from reconciler.reconcile import EventContext
from reconciler.reconcile import participants as participant_rules
from reconciler.records import (
    Claim,
    ClaimKind,
    Event,
    Page,
    PersonValue,
    Region,
    RegionKind,
    Result,
)
from reconciler.report import document, html, markdown, text


def _person(page_id: str, status: str) -> Claim:
    value = PersonValue(
        surface="Anna Berg", cue="title", role="", latin="", entity="anna-berg",
        full_name="Anna Berg", status=status, substitute=False,
    )  # fmt: skip
    return Claim(ClaimKind.PERSON, page_id, 0, 9, "Anna Berg", RegionKind.BODY, "Anna Berg",
                 0.8, slot="participant", value=value)  # fmt: skip


def _context(statuses: dict[str, str]) -> EventContext:
    pages = {
        page_id: Page(page_id, "Anna Berg.", (Region(RegionKind.BODY, 0, 10),))
        for page_id in statuses
    }
    claims = {page_id: (_person(page_id, status),) for page_id, status in statuses.items()}
    return EventContext(Event("event-a", tuple(statuses)), pages, claims)


def test_one_page_says_two_pages_say() -> None:
    (conflict,) = participant_rules.compare(_context({"a": "absent", "b": "present"}))
    assert conflict.explanation.startswith("a says Anna Berg did not take part, while b says")
    (conflict,) = participant_rules.compare(
        _context({"a": "absent", "b": "absent", "c": "present", "d": "present"})
    )
    assert "a, b say Anna Berg did not take part, while c, d say Anna Berg did." in (
        conflict.explanation
    )


def test_one_conflict_is_not_one_conflicts() -> None:
    context = _context({"a": "absent", "b": "present"})
    conflicts = tuple(participant_rules.compare(context))
    result = Result(tuple(context.pages.values()), (), (context.event,), conflicts)
    built = document.build(result)
    assert text.render(built).startswith("2 pages, 1 event, 1 conflict\n")
    assert "2 pages, 1 event, **1 conflict**" in markdown.render(built)
    assert "2 pages, 1 event, 1 conflict<" in html.render(built)

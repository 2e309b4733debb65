"""Reconcile: align the claims of each event by slot and flag what cannot all be true.

Each claim kind has its own rules, in its own module:

- a *page check* ``(page, claims) -> conflicts`` looks inside one page (calendar and
  weekday mismatches);
- a *comparator* ``(EventContext) -> conflicts`` compares the pages of one event;
- a *describer* fills in what the event's pages agree on (date, place, participants).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from reconciler.embed import Embedder
from reconciler.records import Claim, Conflict, Event, Page


@dataclass(frozen=True)
class EventContext:
    """What a comparator sees of one event."""

    event: Event
    pages: Mapping[str, Page]  # the event's pages, by id
    claims: Mapping[str, tuple[Claim, ...]]  # the claims of each of those pages
    embedder: Embedder | None = None

    def all_claims(self) -> list[Claim]:
        return [claim for page_id in self.event.page_ids for claim in self.claims[page_id]]


PageCheck = Callable[[Page, Sequence[Claim]], list[Conflict]]
Comparator = Callable[[EventContext], list[Conflict]]


def _page_checks() -> tuple[PageCheck, ...]:
    from reconciler.reconcile import dates

    return (dates.check_page,)


def _comparators() -> tuple[Comparator, ...]:
    from reconciler.reconcile import dates, numbers, participants, places, quotes

    return (
        dates.compare,
        places.compare,
        participants.compare,
        quotes.compare,
        numbers.compare,
    )


def describe_event(context: EventContext) -> Event:
    """The event with the date, place and participants its pages support."""
    from reconciler.reconcile import dates, participants, places

    return replace(
        context.event,
        date=dates.event_date(context),
        place=places.event_place(context),
        participants=tuple(participants.event_participants(context)),
    )


def event_contexts(
    events: Sequence[Event],
    pages: Sequence[Page],
    claims: Sequence[Claim],
    embedder: Embedder | None = None,
) -> list[EventContext]:
    pages_by_id = {page.id: page for page in pages}
    claims_by_page: dict[str, list[Claim]] = {page.id: [] for page in pages}
    for claim in claims:
        claims_by_page.setdefault(claim.page_id, []).append(claim)
    return [
        EventContext(
            event=event,
            pages={page_id: pages_by_id[page_id] for page_id in event.page_ids},
            claims={page_id: tuple(claims_by_page[page_id]) for page_id in event.page_ids},
            embedder=embedder,
        )
        for event in events
    ]


def find_conflicts(contexts: Sequence[EventContext]) -> list[Conflict]:
    """In-page conflicts of every page, then cross-page conflicts of every event."""
    found: list[Conflict] = []
    for context in contexts:
        for page_id, page in context.pages.items():
            for check in _page_checks():
                found.extend(
                    replace(conflict, event_id=context.event.id)
                    for conflict in check(page, context.claims[page_id])
                )
    for context in contexts:
        for compare in _comparators():
            found.extend(
                replace(conflict, event_id=context.event.id) for conflict in compare(context)
            )
    return found

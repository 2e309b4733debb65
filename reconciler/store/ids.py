"""Ids that survive an ``add``: an event keeps the id of the stored event it shares most pages
with, so an event that gains or loses a few pages keeps its name; a new event is named as
every run names events (``reconciler.identity``), and so are conflicts."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from reconciler.records import Event


def assign_event_ids(events: Sequence[Event], previous: Mapping[str, frozenset[str]]) -> list[str]:
    """An id for each event: the previous event it shares the most pages with (each previous
    id given once, largest overlap first, ties to the lower id), else its own stable name."""
    event_of = {page: event_id for event_id, pages in previous.items() for page in pages}
    overlaps = sorted(
        (-shared, event_id, index)
        for index, event in enumerate(events)
        for event_id, shared in Counter(
            event_of[page] for page in event.page_ids if page in event_of
        ).items()
    )
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for _, event_id, index in overlaps:
        if index not in ids and event_id not in taken:
            ids[index] = event_id
            taken.add(event_id)
    for index, event in enumerate(events):
        if index not in ids:
            name = event.id
            if name in taken or name in previous:  # its anchor page's old event kept the name
                digest = hashlib.sha256("\x1f".join(sorted(event.page_ids)).encode()).hexdigest()
                name = f"{name}-{digest[:6]}"
            ids[index] = name
            taken.add(name)
    return [ids[index] for index in range(len(events))]

"""Stable ids for events and conflicts: derived from content, never from run order, so that a
review recorded today still names the same conflict after pages are added.

- An event is named after its *anchor page*: the earliest fetched of its pages (page id breaks
  ties; pages without ``fetched_at`` come last). Crawls add pages fetched later, so adding a
  page keeps every event's anchor, and the id, unless the new page was fetched earlier than
  all of an event's pages (or two events merge: the merged one keeps the earlier anchor).
- A conflict is named after what it is about: its subject (the event, or the page for a
  conflict inside one page), its kind, the slot its claims fill and the set of distinct values
  they state. A page that agrees with one side adds no value, so it keeps the id; a changed value
  changes the id, while the *subject key* (everything but the values) still finds the conflict
  it was, so a review can say "its values changed".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from reconciler.records import Conflict, Event, Page

# Characters kept from a page id in an event id; anything else would need escaping in URLs,
# HTML ids and file names.
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Hex digits of the SHA-256 in a conflict id: 48 bits, no collision among millions of
# conflicts of one dataset.
CONFLICT_HASH_DIGITS = 12


def anchor_page(page_ids: Sequence[str], pages: Mapping[str, Page]) -> str:
    """The page an event is named after (see the module docstring)."""

    def fetched(page_id: str) -> tuple[bool, str, str]:
        page = pages.get(page_id)
        stamp = page.fetched_at if page is not None else None
        return stamp is None, stamp or "", page_id

    return min(page_ids, key=fetched)


def event_id(page_ids: Sequence[str], pages: Mapping[str, Page]) -> str:
    anchor = anchor_page(page_ids, pages)
    safe = _UNSAFE.sub("-", anchor)
    if safe != anchor:  # two odd ids could clean to the same text: the hash tells them apart
        safe += "-" + _digest(anchor)[:6]
    return f"event-{safe}"


def name_events(events: Iterable[Event], pages: Iterable[Page]) -> list[Event]:
    """The events with stable ids, in the order of their ids."""
    by_id = {page.id: page for page in pages}
    named = [replace(event, id=event_id(event.page_ids, by_id)) for event in events]
    return sorted(named, key=lambda event: event.id)


def conflict_slot(conflict: Conflict) -> str:
    """The slot the conflict's claims fill ("event_date", "participant", ...), or the kind of
    their claims when extraction gave none."""
    slots = sorted({claim.slot or str(claim.kind) for claim in conflict.claims})
    return "+".join(slots)


def conflict_subject(conflict: Conflict) -> str:
    """What the conflict is about: the page of an in-page conflict, else its event."""
    pages = set(conflict.page_ids)
    if len(pages) == 1 or conflict.event_id is None:
        return "page:" + ",".join(sorted(pages))
    return "event:" + conflict.event_id


def subject_key(conflict: Conflict) -> str:
    """Subject, kind and slot: the same for a conflict whose values changed."""
    return f"{conflict_subject(conflict)}|{conflict.kind}|{conflict_slot(conflict)}"


def conflict_id(conflict: Conflict, values: Sequence[str]) -> str:
    """``values``: the distinct things the sides say (``report.document.statements``, the one
    place that turns claim values into words)."""
    key = subject_key(conflict) + "|" + "\x1f".join(sorted(values))
    return f"{conflict.kind}-{_digest(key)[:CONFLICT_HASH_DIGITS]}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

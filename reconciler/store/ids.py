"""Ids that survive an ``add``: an event keeps its id as long as it keeps most of its pages.

Kept in one module so that a project-wide id scheme can replace it without touching the store.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from reconciler.records import Conflict

EVENT_NUMBER = re.compile(r"event-(\d+)$")


def assign_event_ids(
    groups: Sequence[Sequence[str]], previous: Mapping[str, frozenset[str]]
) -> list[str]:
    """An id for each group of page ids: the previous event it shares the most pages with
    (each previous id given once, largest overlap first, ties to the older id), else a new
    number after the highest ever given."""
    event_of = {page: event_id for event_id, pages in previous.items() for page in pages}
    overlaps = sorted(
        (-shared, _number(event_id), index, event_id)
        for index, group in enumerate(groups)
        for event_id, shared in Counter(
            event_of[page] for page in group if page in event_of
        ).items()
    )
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for _, _, index, event_id in overlaps:
        if index not in ids and event_id not in taken:
            ids[index] = event_id
            taken.add(event_id)
    following = max((_number(event_id) for event_id in previous), default=0) + 1
    for index in range(len(groups)):
        if index not in ids:
            ids[index] = f"event-{following:03d}"
            following += 1
    return [ids[index] for index in range(len(groups))]


def conflict_id(conflict: Conflict) -> str:
    """Named by what it is: its event, kind and the evidence spans of every side."""
    evidence = sorted(
        f"{claim.page_id}:{claim.start}:{claim.end}:{claim.normalized}" for claim in conflict.claims
    )
    content = "\x00".join([conflict.event_id or "", conflict.kind.value, *evidence])
    return "conflict-" + hashlib.sha256(content.encode()).hexdigest()[:16]


def _number(event_id: str) -> int:
    match = EVENT_NUMBER.match(event_id)
    return int(match.group(1)) if match else 0

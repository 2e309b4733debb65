"""Places rules across the pages of one event. (placeholder until written)"""

from __future__ import annotations

from reconciler.records import Conflict
from reconciler.reconcile import EventContext


def compare(context: EventContext) -> list[Conflict]:
    return []


def event_place(context: EventContext) -> str | None:
    return None

"""Date rules: in-page calendar/weekday checks, event dates, event_date conflicts.
(placeholder until written)"""

from __future__ import annotations

from collections.abc import Sequence

from reconciler.records import Claim, Conflict, Page
from reconciler.reconcile import EventContext


def check_page(page: Page, claims: Sequence[Claim]) -> list[Conflict]:
    return []


def compare(context: EventContext) -> list[Conflict]:
    return []


def event_date(context: EventContext) -> str | None:
    return None

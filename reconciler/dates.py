"""Dates in plain text, for a notebook or a script: ``find(text, page_date, lang)``.

The same claims the pipeline finds in a page's body (reconciler.claims.dates), as
``FoundDate`` records: where, what was written, the value and how precise it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reconciler.claims.dates import extract
from reconciler.records import Page, Region, RegionKind

__all__ = ["FoundDate", "find"]


@dataclass(frozen=True)
class FoundDate:
    start: int  # offsets into the text given
    end: int
    text: str
    # ISO 8601 at its precision: "2024-05-03" (day), "2025-W29" (week), "2024-06" (month),
    # "2009" (year), "--07-15" (a day and month with nothing to give its year); "" if none
    value: str
    precision: str  # "day" | "week" | "month" | "year" | "weekday" | "partial"
    calendar: str  # the calendar it was written in: "gregorian", "hijri", "bangabda", ...
    confidence: float
    # What a relative or partial value was counted from ("fetched_at": page_date), if any
    anchor: str | None


def find(
    text: str, page_date: date | datetime | str | None = None, lang: str | None = None
) -> list[FoundDate]:
    """The dates in ``text``, in reading order.

    ``page_date``: the day the text was written; "today", "3 days ago", "on Monday" and a
    day without its year are resolved against it, and left without a value when it is
    missing. ``lang`` (ISO 639-1, "it") adds that language's month, weekday and relative
    words from its language pack (``reconciler/lang/<code>/``) to the built-in ones.
    """
    if isinstance(page_date, date | datetime):
        page_date = page_date.isoformat()
    page = Page(
        id="text",
        text=text,
        regions=(Region(RegionKind.BODY, 0, len(text)),),
        lang=lang or "und",
        fetched_at=page_date,
    )
    return [
        FoundDate(
            start=claim.start,
            end=claim.end,
            text=claim.text,
            value=claim.normalized,
            precision=str(claim.date.precision),
            calendar=claim.date.calendar,
            confidence=claim.confidence,
            anchor=claim.anchor,
        )
        for claim in extract(page)
    ]

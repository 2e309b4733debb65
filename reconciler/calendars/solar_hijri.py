"""Solar Hijri (Iranian/Afghan) calendar, through jdatetime.

jdatetime, persiantools, ICU's persian calendar and convertdate.persian agree on every day
1950-2050 (tests/calendars); jdatetime is used because convertdate.persian computes the
equinox and takes 10-40 ms a conversion (measured), jdatetime 4 µs.
"""

from __future__ import annotations

from datetime import date

import jdatetime

TOLERANCE_DAYS = 0


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """None for a day that does not exist (30 Esfand of a common year)."""
    try:
        found = jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError):
        return None
    return date(found.year, found.month, found.day)


def from_gregorian(day: date) -> tuple[int, int, int] | None:
    try:
        found = jdatetime.date.fromgregorian(date=day)
    except (ValueError, OverflowError):
        return None
    return found.year, found.month, found.day

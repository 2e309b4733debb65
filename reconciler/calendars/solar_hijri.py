"""Solar Hijri (Iranian/Afghan) calendar, through convertdate.persian.

convertdate.persian agrees with jdatetime on every month start 1350-1419 SH (measured), so
no second library is needed.
"""

from __future__ import annotations

from datetime import date

from convertdate import persian

TOLERANCE_DAYS = 0


def to_gregorian(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        return None
    try:
        found = date(*persian.to_gregorian(year, month, day))
    except ValueError:
        return None
    # convertdate accepts 30 Esfand in a common year and rolls it into the next year.
    return found if persian.from_gregorian(found.year, found.month, found.day)[0] == year else None


def from_gregorian(day: date) -> tuple[int, int, int]:
    year, month, dom = persian.from_gregorian(day.year, day.month, day.day)
    return year, month, dom

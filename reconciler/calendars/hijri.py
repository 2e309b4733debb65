"""Hijri (Islamic lunar) calendar: Umm al-Qura (hijridate) and tabular (convertdate).

Local moon sighting (Bangladesh, South Asia) runs a day or two off Umm al-Qura, so a
Hijri date is consistent with every Gregorian day within TOLERANCE_DAYS of either rule.
"""

from __future__ import annotations

from datetime import date

from convertdate import islamic
from hijridate import Gregorian, Hijri

TOLERANCE_DAYS = 2


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura reading, the tabular one outside its range (1343-1500 AH)."""
    try:
        found = Hijri(year, month, day).to_gregorian()
        return date(found.year, found.month, found.day)
    except (ValueError, OverflowError):
        return _tabular(year, month, day)


def _tabular(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    try:
        return date(*islamic.to_gregorian(year, month, day))
    except ValueError:
        return None


def from_gregorian(day: date) -> tuple[int, int, int]:
    try:
        found = Gregorian(day.year, day.month, day.day).to_hijri()
        return found.year, found.month, found.day
    except (ValueError, OverflowError):
        year, month, dom = islamic.from_gregorian(day.year, day.month, day.day)
        return year, month, dom


def candidates(year: int, month: int, day: int) -> list[date]:
    found = {to_gregorian(year, month, day), _tabular(year, month, day)}
    return sorted(day for day in found if day is not None)

"""Bikram Sambat (Nepal's official solar calendar), through nepali-datetime.

nepali-datetime carries the official month-length table (1975-2100 BS); month lengths vary
year to year and cannot be computed by a rule.
"""

from __future__ import annotations

from datetime import date

import nepali_datetime

TOLERANCE_DAYS = 0


def to_gregorian(year: int, month: int, day: int) -> date | None:
    try:
        return nepali_datetime.date(year, month, day).to_datetime_date()
    except (ValueError, OverflowError, KeyError, IndexError):
        return None


def from_gregorian(day: date) -> tuple[int, int, int] | None:
    try:
        found = nepali_datetime.date.from_datetime_date(day)
    except (ValueError, OverflowError, KeyError, IndexError):
        return None
    return found.year, found.month, found.day

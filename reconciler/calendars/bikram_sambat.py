"""Bikram Sambat (Nepal's official solar calendar), through nepali-datetime.

nepali-datetime carries the month-length table of Nepal's official calendar committee
(1975-2100 BS); month lengths vary year to year and cannot be computed by a rule. Published
tables agree up to 2087 BS and disagree from 2088 BS on (the committee has not fixed those
years yet): nepali-datetime's table is used there too, and ``reliable`` says such a date is
a projection, so that it is claimed with a lower confidence.
"""

from __future__ import annotations

from datetime import date

import nepali_datetime

TOLERANCE_DAYS = 0
LAST_AGREED_YEAR = 2087  # the last year on which the published tables agree


def reliable(year: int) -> bool:
    return year <= LAST_AGREED_YEAR


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

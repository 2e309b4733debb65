"""Chinese lunisolar calendar (农历), through lunardate (1900-2099).

Leap months (闰月) are passed as ``leap=True``; a month number alone means the ordinary month.
"""

from __future__ import annotations

from datetime import date

from lunardate import LunarDate

TOLERANCE_DAYS = 0


def to_gregorian(year: int, month: int, day: int, leap: bool = False) -> date | None:
    try:
        return LunarDate(year, month, day, leap).to_solar_date()
    except (ValueError, IndexError, KeyError):
        return None


def from_gregorian(day: date) -> tuple[int, int, int] | None:
    try:
        found = LunarDate.from_solar_date(day.year, day.month, day.day)
    except (ValueError, IndexError, KeyError):
        return None
    return found.year, found.month, found.day

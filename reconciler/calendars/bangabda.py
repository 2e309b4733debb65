"""Bangabda, Bangladesh rule (Bangla Academy): fixed month lengths, 1 Boishakh = 14 April.

Hand-written because no PyPI library implements it; the rule is arithmetic
(/work/shared/calendars/README.md, Bangla Academy revision of 2019, in force from
17 October 2019): Boishakh..Ashwin 31 days, Kartik..Magh and Choitro 30, Falgun 29 (30 in
Gregorian leap years). The 1987 rule (Boishakh..Bhadro 31, Ashwin..Choitro 30, Falgun 31 in
leap years) is kept for pages printed by old converters.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

TOLERANCE_DAYS = 1
REVISED_FROM = date(2019, 10, 17)
_YEAR_OFFSET = 593  # 1 Boishakh of Bangabda year Y falls in Gregorian year Y + 593


def _month_lengths(year: int, rule: str) -> list[int]:
    """Lengths of the 12 months of Bangabda ``year`` (Falgun falls in Gregorian year+594)."""
    leap = calendar.isleap(year + _YEAR_OFFSET + 1)
    if rule == "1987":
        return [31] * 5 + [30] * 5 + [31 if leap else 30, 30]
    return [31] * 6 + [30] * 4 + [30 if leap else 29, 30]


def rule_for(day: date) -> str:
    return "2019" if day >= REVISED_FROM else "1987"


def to_gregorian(year: int, month: int, day: int, rule: str | None = None) -> date | None:
    """Gregorian day of ``day`` ``month`` ``year`` Bangabda (the rule in force then by default)."""
    if rule is None:
        revised = to_gregorian(year, month, day, "2019")
        if revised is None or revised >= REVISED_FROM:
            return revised
        return to_gregorian(year, month, day, "1987")
    if not 1 <= month <= 12 or year < 1:
        return None
    lengths = _month_lengths(year, rule)
    if not 1 <= day <= lengths[month - 1]:
        return None
    return date(year + _YEAR_OFFSET, 4, 14) + timedelta(days=sum(lengths[: month - 1]) + day - 1)


def from_gregorian(day: date, rule: str | None = None) -> tuple[int, int, int]:
    """(year, month, day) Bangabda of a Gregorian day."""
    year = day.year - _YEAR_OFFSET - (1 if day < date(day.year, 4, 14) else 0)
    offset = (day - date(year + _YEAR_OFFSET, 4, 14)).days
    for month, length in enumerate(_month_lengths(year, rule or rule_for(day)), start=1):
        if offset < length:
            return year, month, offset + 1
        offset -= length
    raise AssertionError("a Bangabda year has 365 or 366 days")


def candidates(year: int, month: int, day: int) -> list[date]:
    """The day by both Bangladesh rules and by the West Bengal table."""
    from reconciler.calendars import bangabda_wb

    found = {to_gregorian(year, month, day, rule) for rule in ("2019", "1987")}
    found.add(bangabda_wb.to_gregorian(year, month, day))
    return sorted(day for day in found if day is not None)

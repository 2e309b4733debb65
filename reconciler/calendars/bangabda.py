"""Bangabda, Bangladesh rule (Bangla Academy): fixed month lengths, 1 Boishakh = 14 April.

Hand-written because no PyPI library implements it; the rule is arithmetic
(/work/shared/calendars/README.md, Bangla Academy revision of 2019, in force from
17 October 2019): Boishakh..Ashwin 31 days, Kartik..Magh and Choitro 30, Falgun 29 (30 in
Gregorian leap years). The 1987 rule (Boishakh..Bhadro 31, Ashwin..Choitro 30, Falgun 31 in
leap years) holds before it and is kept for pages printed by old converters.

The two rules agree up to 30 Ashwin, so the switch falls inside Bangabda year 1426: its
Ashwin already has 31 days (31 Ashwin 1426 = 16 October 2019, 1 Kartik = 17 October), and a
year's rule is that of the year: 1987 for 1425 and before, 2019 from 1426 on.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

TOLERANCE_DAYS = 1
FIRST_REVISED_YEAR = 1426  # the revised rule is in force from 17 October 2019, in 1426
_YEAR_OFFSET = 593  # 1 Boishakh of Bangabda year Y falls in Gregorian year Y + 593


def _month_lengths(year: int, rule: str) -> list[int]:
    """Lengths of the 12 months of Bangabda ``year`` (Falgun falls in Gregorian year+594)."""
    leap = calendar.isleap(year + _YEAR_OFFSET + 1)
    if rule == "1987":
        return [31] * 5 + [30] * 5 + [31 if leap else 30, 30]
    return [31] * 6 + [30] * 4 + [30 if leap else 29, 30]


def rule_for_year(year: int) -> str:
    return "2019" if year >= FIRST_REVISED_YEAR else "1987"


def to_gregorian(year: int, month: int, day: int, rule: str | None = None) -> date | None:
    """Gregorian day of ``day`` ``month`` ``year`` Bangabda (the rule in force then by default)."""
    rule = rule or rule_for_year(year)
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
    for month, length in enumerate(_month_lengths(year, rule or rule_for_year(year)), start=1):
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

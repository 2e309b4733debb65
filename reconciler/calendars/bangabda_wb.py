"""Bangabda, West Bengal traditional (sidereal solar) calendar, by table lookup.

No PyPI library computes it; the table (data/west_bengal_months_1900_2050.csv, from the
dra8an/hindu-calendar validation set, matching drikpanchang.com on all 1,811 months) gives
the first Gregorian day and the length of every month from 1306 to 1457 BS.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from datetime import date, timedelta
from functools import cache
from importlib import resources

TOLERANCE_DAYS = 1


@cache
def _months() -> dict[tuple[int, int], tuple[date, int]]:
    text = resources.files(__package__).joinpath("data/west_bengal_months_1900_2050.csv")
    with text.open(encoding="utf-8") as handle:
        return {
            (int(row["year"]), int(row["month"])): (
                date(int(row["greg_year"]), int(row["greg_month"]), int(row["greg_day"])),
                int(row["length"]),
            )
            for row in csv.DictReader(handle)
        }


@cache
def _starts() -> tuple[list[date], list[tuple[int, int]]]:
    ordered = sorted(_months().items(), key=lambda item: item[1][0])
    return [start for _, (start, _) in ordered], [key for key, _ in ordered]


def to_gregorian(year: int, month: int, day: int) -> date | None:
    found = _months().get((year, month))
    if found is None or not 1 <= day <= found[1]:
        return None
    return found[0] + timedelta(days=day - 1)


def from_gregorian(day: date) -> tuple[int, int, int] | None:
    """(year, month, day) West Bengal Bangabda; None outside the table (1900-2050)."""
    starts, keys = _starts()
    index = bisect_right(starts, day) - 1
    if index < 0:
        return None
    year, month = keys[index]
    offset = (day - starts[index]).days
    if offset >= _months()[(year, month)][1]:
        return None
    return year, month, offset + 1

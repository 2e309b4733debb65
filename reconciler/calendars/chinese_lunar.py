"""Chinese lunisolar calendar (农历), through lunar-python.

lunar-python follows the Purple Mountain Observatory almanac; it replaced lunardate, which
is one day off in four months (1933-07-22, 1954-11-25, 1978-09-02, 2057-09-28: the starts
where lunar-python and ICU agree and lunardate does not). ICU itself differs from the
almanac in seven month starts of 1950-2050 (tests/calendars list them), so it is a check,
not the converter. Leap months (闰月) are passed as ``leap=True``; a month number alone
means the ordinary month.
"""

from __future__ import annotations

from datetime import date

from lunar_python import LunarYear, Solar

TOLERANCE_DAYS = 0
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the almanac years lunar-python is checked for


def to_gregorian(year: int, month: int, day: int, leap: bool = False) -> date | None:
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    found = LunarYear.fromYear(year).getMonth(-month if leap else month)
    if found is None or not 1 <= day <= found.getDayCount():
        return None
    solar = Solar.fromJulianDay(found.getFirstJulianDay() + day - 1)
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def from_gregorian(day: date) -> tuple[int, int, int] | None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    return lunar.getYear(), abs(lunar.getMonth()), lunar.getDay()

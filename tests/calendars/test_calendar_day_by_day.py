"""Every converter, day by day over 1950-2050, against independent libraries: ICU (PyICU),
persiantools, lunar-python, hijridate, nepali-datetime and the ``bangla`` package.

Where a converter is slow per day (the Chinese one, ICU's and lunar-python's), every month
is checked by its first day and its length, which fixes every day of it; the reverse
direction is then checked on each month's first and last day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from reconciler.calendars import bangabda, bikram_sambat, chinese_lunar, hijri, solar_hijri

icu = pytest.importorskip("icu")

FIRST, LAST = date(1950, 1, 1), date(2050, 12, 31)


def _days(first: date = FIRST, last: date = LAST) -> Iterator[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


class _Icu:
    """(extended year, month, day, leap month) of a Gregorian day in an ICU calendar."""

    def __init__(self, name: str) -> None:
        gmt = icu.TimeZone.getGMT()
        self.calendar = icu.Calendar.createInstance(gmt, icu.Locale(f"en@calendar={name}"))
        self.gregorian = icu.GregorianCalendar(gmt)
        self.fields = icu.UCalendarDateFields

    def __call__(self, day: date) -> tuple[int, int, int, bool]:
        self.gregorian.clear()
        self.gregorian.set(day.year, day.month - 1, day.day)
        self.calendar.setTime(self.gregorian.getTime())
        get = self.calendar.get
        leap = (
            bool(get(self.fields.IS_LEAP_MONTH)) if hasattr(self.fields, "IS_LEAP_MONTH") else False
        )
        return (
            get(self.fields.EXTENDED_YEAR),
            get(self.fields.MONTH) + 1,
            get(self.fields.DATE),
            leap,
        )


# --- Bangabda -------------------------------------------------------------------------------


def test_bangabda_1987_rule_matches_the_bangla_package_every_day() -> None:
    bangla = pytest.importorskip("bangla")
    months = [
        "বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন",
        "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র",
    ]  # fmt: skip
    number = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
    wrong = []
    for day in _days():
        theirs = bangla.get_date(day.day, day.month, day.year)
        expected = (
            int(theirs["year"].translate(number)),
            months.index(theirs["month"]) + 1,
            int(theirs["date"].translate(number)),
        )
        ours = bangabda.from_gregorian(day, rule="1987")
        if ours != expected or bangabda.to_gregorian(*expected, rule="1987") != day:
            wrong.append((day, ours, expected))
    assert not wrong, wrong[:5]


def test_bangabda_is_one_day_after_another_across_the_2019_switch() -> None:
    previous = bangabda.from_gregorian(FIRST - timedelta(days=1))
    for day in _days():
        native = bangabda.from_gregorian(day)
        assert bangabda.to_gregorian(*native) == day
        assert native != previous and (native[2] == previous[2] + 1 or native[2] == 1), day
        previous = native


def test_bangabda_2019_rule_keeps_the_national_days_fixed_every_year() -> None:
    for year in range(2020, 2051):
        assert bangabda.from_gregorian(date(year, 4, 14))[1:] == (1, 1)
        assert bangabda.from_gregorian(date(year, 12, 16))[1:] == (9, 1)
        assert bangabda.from_gregorian(date(year, 2, 21))[1:] == (11, 8)
        assert bangabda.from_gregorian(date(year, 3, 26))[1:] == (12, 12)


def test_bangabda_switch_and_days_only_the_1987_rule_has() -> None:
    assert bangabda.from_gregorian(date(2019, 10, 16)) == (1426, 6, 31)
    assert bangabda.from_gregorian(date(2019, 10, 17)) == (1426, 7, 1)
    # ৩০ ফাল্গুন ১৪২৫: Falgun had 30 days (31 in leap years) before the revision.
    assert bangabda.to_gregorian(1425, 11, 30) == date(2019, 3, 14)
    assert bangabda.to_gregorian(1426, 11, 30) == date(2020, 3, 14)  # 2019 rule, leap year
    assert bangabda.to_gregorian(1426, 11, 31) is None
    assert bangabda.to_gregorian(1394, 11, 31) == date(1988, 3, 14)
    assert bangabda.to_gregorian(1431, 11, 30) is None  # 2019 rule, 2025 is no leap year


# --- Hijri ----------------------------------------------------------------------------------


def test_hijri_umm_al_qura_matches_icu_while_both_follow_the_published_table() -> None:
    # ICU's Umm al-Qura table and hijridate's (the published calendars) agree from 1420 AH
    # (1999) to 1450 AH; before, Umm al-Qura was computed by older rules that ICU lacks.
    native = _Icu("islamic-umalqura")
    wrong = [
        (day, hijri.from_gregorian(day), native(day)[:3])
        for day in _days(date(1999, 4, 17), date(2029, 5, 13))
        if hijri.from_gregorian(day) != native(day)[:3]
    ]
    assert not wrong, wrong[:5]


def test_hijri_tabular_matches_icu_civil_every_day() -> None:
    native = _Icu("islamic-civil")
    wrong = []
    for day in _days():
        year, month, dom, _ = native(day)
        if day not in hijri.candidates(year, month, dom):
            wrong.append((day, (year, month, dom)))
    assert not wrong, wrong[:5]


# --- Solar Hijri ----------------------------------------------------------------------------


def test_solar_hijri_matches_icu_and_persiantools_every_day() -> None:
    persiantools = pytest.importorskip("persiantools.jdatetime")
    native = _Icu("persian")
    wrong = []
    for day in _days():
        theirs = persiantools.JalaliDate(day)
        expected = native(day)[:3]
        ours = solar_hijri.from_gregorian(day)
        agree = ours == expected == (theirs.year, theirs.month, theirs.day)
        if not agree or solar_hijri.to_gregorian(*expected) != day:
            wrong.append((day, ours, expected))
    assert not wrong, wrong[:5]


# --- Chinese lunar --------------------------------------------------------------------------

# Month starts where ICU's astronomical model differs from the Purple Mountain almanac that
# lunar-python follows (ICU starts these months one day off).
ICU_DIFFERS = {
    date(1954, 2, 3), date(1954, 2, 4), date(1955, 2, 22), date(1955, 2, 23),
    date(1999, 1, 17), date(1999, 1, 18), date(2012, 8, 17), date(2012, 8, 18),
    date(2018, 11, 7), date(2018, 11, 8), date(2027, 2, 6), date(2027, 2, 7),
    date(2030, 2, 2), date(2030, 2, 3),
}  # fmt: skip


def _our_chinese_month_starts() -> dict[date, tuple[int, int, int]]:
    """Each month's first day → (year, month, length), leap months included."""
    starts = {}
    for year in range(FIRST.year - 1, LAST.year + 1):
        for month in range(1, 13):
            for leap in (False, True):
                first = chinese_lunar.to_gregorian(year, month, 1, leap)
                if first is None:
                    continue
                length = 30 if chinese_lunar.to_gregorian(year, month, 30, leap) else 29
                assert chinese_lunar.to_gregorian(year, month, length + 1, leap) is None
                starts[first] = (year, month, length)
    return {day: value for day, value in starts.items() if FIRST <= day <= LAST}


def test_chinese_lunar_month_starts_match_icu_except_its_known_differences() -> None:
    ours = _our_chinese_month_starts()
    native = _Icu("chinese")
    # ICU month by month (ICU's Chinese calendar is slow day by day): each of our starts is
    # one of ICU's, and ICU starts a month on the other day of each known difference.
    not_icu_starts = {day for day in ours if native(day)[2] != 1}
    icu_starts_elsewhere = {day for day in ICU_DIFFERS - set(ours) if native(day)[2] == 1}
    assert not_icu_starts | icu_starts_elsewhere == ICU_DIFFERS
    for day, (year, month, length) in ours.items():
        following = day + timedelta(days=length)
        assert following in ours or following > LAST  # months follow without a gap
        assert chinese_lunar.from_gregorian(day) == (year, month, 1)
        last = day + timedelta(days=length - 1)
        assert chinese_lunar.from_gregorian(last) == (year, month, length)


def test_chinese_lunar_matches_lunar_python_and_icu_where_lunardate_was_off() -> None:
    lunar_python = pytest.importorskip("lunar_python")
    native = _Icu("chinese")
    for day in (date(1933, 7, 22), date(1954, 11, 25), date(1978, 9, 2), date(2057, 9, 28)):
        lunar = lunar_python.Solar.fromYmd(day.year, day.month, day.day).getLunar()
        expected = (lunar.getYear(), abs(lunar.getMonth()), lunar.getDay())
        assert chinese_lunar.from_gregorian(day) == expected
        assert native(day)[1:3] == expected[1:]


# --- Bikram Sambat --------------------------------------------------------------------------


def test_bikram_sambat_round_trips_every_day_and_flags_the_disputed_years() -> None:
    # nepali-datetime's table ends with 2100 BS (12 April 2044)
    previous = None
    for day in _days(FIRST, date(2044, 4, 12)):
        native = bikram_sambat.from_gregorian(day)
        assert native is not None and bikram_sambat.to_gregorian(*native) == day
        assert previous is None or native[2] in (previous[2] + 1, 1)
        previous = native
    assert bikram_sambat.reliable(2087)
    assert not bikram_sambat.reliable(2088)

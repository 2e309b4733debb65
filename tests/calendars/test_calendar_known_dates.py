"""Every converter against days known from official sources, both directions."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from reconciler.calendars import (
    bangabda,
    bangabda_wb,
    bikram_sambat,
    candidates,
    chinese_lunar,
    hijri,
    month_of,
    solar_hijri,
    to_gregorian,
    tolerance_days,
)

# Bangladesh (Bangla Academy 2019 rule): national days fixed in both calendars.
BANGABDA = [
    ((1431, 1, 1), date(2024, 4, 14)),  # Pohela Boishakh
    ((1431, 9, 1), date(2024, 12, 16)),  # Victory Day = 1 Poush
    ((1431, 11, 8), date(2025, 2, 21)),  # Language Martyrs' Day = 8 Falgun
    ((1431, 12, 12), date(2025, 3, 26)),  # Independence Day = 12 Choitro
    ((1430, 11, 8), date(2024, 2, 21)),  # leap year: Falgun has 30 days
    ((1430, 12, 12), date(2024, 3, 26)),
    ((1431, 12, 30), date(2025, 4, 13)),  # last day of the year
    ((1432, 1, 1), date(2025, 4, 14)),
    ((1431, 7, 17), date(2024, 11, 2)),  # gold note on bn-seed-003
    ((1431, 8, 24), date(2024, 12, 9)),
    ((1431, 7, 18), date(2024, 11, 3)),  # doc-018 header
    ((1432, 4, 1), date(2025, 7, 16)),  # Asharh has 31 days
    ((1426, 7, 1), date(2019, 10, 17)),  # first day of the revised rule
]


@pytest.mark.parametrize(("native", "gregorian"), BANGABDA)
def test_bangabda_bangladesh_rule(native: tuple[int, int, int], gregorian: date) -> None:
    assert bangabda.to_gregorian(*native) == gregorian
    assert bangabda.from_gregorian(gregorian) == native


def test_bangabda_1987_rule_before_revision() -> None:
    # Boishakh..Bhadro 31, Ashwin..Choitro 30: 1 Poush 1425 fell on 15 December 2018.
    assert bangabda.to_gregorian(1425, 9, 1) == date(2018, 12, 15)
    assert bangabda.from_gregorian(date(2018, 12, 16)) == (1425, 9, 2)


@pytest.mark.parametrize("bad", [(1431, 12, 31), (1431, 11, 30), (1431, 13, 1), (1431, 1, 0)])
def test_bangabda_days_that_do_not_exist(bad: tuple[int, int, int]) -> None:
    assert bangabda.to_gregorian(*bad) is None


def _west_bengal_rows() -> list[dict[str, str]]:
    table = Path(bangabda_wb.__file__).parent / "data" / "west_bengal_months_1900_2050.csv"
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows[::150]  # 13 months spread over 1900-2050


@pytest.mark.parametrize(
    "row", _west_bengal_rows(), ids=lambda row: f"{row['year']}-{row['month']}"
)
def test_bangabda_west_bengal_month_starts(row: dict[str, str]) -> None:
    start = date(int(row["greg_year"]), int(row["greg_month"]), int(row["greg_day"]))
    native = (int(row["year"]), int(row["month"]), 1)
    assert bangabda_wb.to_gregorian(*native) == start
    assert bangabda_wb.from_gregorian(start) == native


def test_bangabda_west_bengal_differs_from_bangladesh_within_tolerance() -> None:
    assert bangabda_wb.to_gregorian(1431, 8, 24) == date(2024, 12, 10)
    assert set(candidates("bangabda", 1431, 8, 24)) == {
        date(2024, 12, 8),
        date(2024, 12, 9),
        date(2024, 12, 10),
    }
    assert tolerance_days("bangabda") == 1


# Umm al-Qura (Saudi) dates of the feasts and month starts.
HIJRI = [
    ((1445, 9, 1), date(2024, 3, 11)),  # 1 Ramadan 1445
    ((1445, 10, 1), date(2024, 4, 10)),  # Eid al-Fitr 1445
    ((1445, 12, 10), date(2024, 6, 16)),  # Eid al-Adha 1445
    ((1446, 1, 1), date(2024, 7, 7)),  # Islamic new year 1446
    ((1446, 5, 1), date(2024, 11, 3)),  # doc-018 header
    ((1446, 5, 11), date(2024, 11, 13)),  # doc-028 header
    ((1446, 9, 1), date(2025, 3, 1)),  # 1 Ramadan 1446
    ((1446, 10, 1), date(2025, 3, 30)),  # Eid al-Fitr 1446
    ((1446, 12, 10), date(2025, 6, 6)),  # Eid al-Adha 1446
    ((1447, 1, 1), date(2025, 6, 26)),  # Islamic new year 1447
    ((1444, 10, 1), date(2023, 4, 21)),  # Eid al-Fitr 1444
]


@pytest.mark.parametrize(("native", "gregorian"), HIJRI)
def test_hijri_umm_al_qura(native: tuple[int, int, int], gregorian: date) -> None:
    assert hijri.to_gregorian(*native) == gregorian
    assert hijri.from_gregorian(gregorian) == native


def test_hijri_tabular_reading_is_a_candidate() -> None:
    # doc-022: 21 Muharram 1447 is 16 July by Umm al-Qura, 17 July by the tabular calendar.
    assert candidates("hijri", 1447, 1, 21) == [date(2025, 7, 16), date(2025, 7, 17)]
    assert tolerance_days("hijri") == 2


# Nepal: new year (1 Baisakh) and national days.
BIKRAM_SAMBAT = [
    ((2082, 1, 1), date(2025, 4, 14)),
    ((2081, 1, 1), date(2024, 4, 13)),
    ((2080, 1, 1), date(2023, 4, 14)),
    ((2079, 1, 1), date(2022, 4, 14)),
    ((2077, 1, 1), date(2020, 4, 13)),
    ((2081, 12, 31), date(2025, 4, 13)),  # last day of 2081
    ((2072, 6, 3), date(2015, 9, 20)),  # Constitution Day
    ((2065, 2, 15), date(2008, 5, 28)),  # Republic Day
    ((2081, 11, 7), date(2025, 2, 19)),  # Democracy Day
    ((2081, 10, 1), date(2025, 1, 14)),  # Maghe Sankranti
    ((2082, 4, 1), date(2025, 7, 17)),
]


@pytest.mark.parametrize(("native", "gregorian"), BIKRAM_SAMBAT)
def test_bikram_sambat(native: tuple[int, int, int], gregorian: date) -> None:
    assert bikram_sambat.to_gregorian(*native) == gregorian
    assert bikram_sambat.from_gregorian(gregorian) == native


# Iran: Nowruz (1 Farvardin) and fixed national days.
SOLAR_HIJRI = [
    ((1404, 1, 1), date(2025, 3, 21)),
    ((1403, 1, 1), date(2024, 3, 20)),
    ((1402, 1, 1), date(2023, 3, 21)),
    ((1400, 1, 1), date(2021, 3, 21)),
    ((1399, 1, 1), date(2020, 3, 20)),
    ((1403, 1, 13), date(2024, 4, 1)),  # Sizdah Bedar
    ((1403, 11, 22), date(2025, 2, 10)),  # Revolution Day
    ((1403, 12, 30), date(2025, 3, 20)),  # leap year: Esfand has 30 days
    ((1403, 7, 1), date(2024, 9, 22)),
    ((1403, 9, 30), date(2024, 12, 20)),  # Yalda
]


@pytest.mark.parametrize(("native", "gregorian"), SOLAR_HIJRI)
def test_solar_hijri(native: tuple[int, int, int], gregorian: date) -> None:
    assert solar_hijri.to_gregorian(*native) == gregorian
    assert solar_hijri.from_gregorian(gregorian) == native


def test_solar_hijri_30_esfand_of_a_common_year_does_not_exist() -> None:
    assert solar_hijri.to_gregorian(1402, 12, 30) is None


# Chinese festivals (lunar month, day) by year.
CHINESE_LUNAR = [
    ((2025, 1, 1), date(2025, 1, 29)),  # Spring Festival
    ((2024, 1, 1), date(2024, 2, 10)),
    ((2023, 1, 1), date(2023, 1, 22)),
    ((2025, 1, 15), date(2025, 2, 12)),  # Lantern Festival
    ((2025, 5, 5), date(2025, 5, 31)),  # Dragon Boat
    ((2024, 5, 5), date(2024, 6, 10)),
    ((2025, 7, 7), date(2025, 8, 29)),  # Qixi
    ((2024, 8, 15), date(2024, 9, 17)),  # Mid-Autumn
    ((2025, 8, 15), date(2025, 10, 6)),
    ((2025, 6, 21), date(2025, 7, 15)),  # doc-019 header 农历六月廿一
]


@pytest.mark.parametrize(("native", "gregorian"), CHINESE_LUNAR)
def test_chinese_lunar(native: tuple[int, int, int], gregorian: date) -> None:
    assert chinese_lunar.to_gregorian(*native) == gregorian
    assert chinese_lunar.from_gregorian(gregorian) == native


def test_chinese_leap_month() -> None:
    assert chinese_lunar.to_gregorian(2025, 6, 1, leap=True) == date(2025, 7, 25)


@pytest.mark.parametrize(
    ("name", "calendar", "month"),
    [
        ("অগ্রহায়ণ", "bangabda", 8),
        ("শ্রাবণ", "bangabda", 4),
        ("জমাদিউল আউয়াল", "hijri", 5),
        ("মহররম", "hijri", 1),
        ("ذو الحجة", "hijri", 12),
        ("बैशाख", "bikram_sambat", 1),
        ("फ़रवरी", "gregorian", 2),
        ("июля", "gregorian", 7),
        ("Farvardin", "solar_hijri", 1),
        ("تموز", "gregorian", 7),
        ("Dezember", "gregorian", 12),
    ],
)
def test_month_registry(name: str, calendar: str, month: int) -> None:
    found = month_of(name)
    assert found is not None
    assert (found.calendar, found.month) == (calendar, month)


def test_registry_dispatch() -> None:
    assert to_gregorian("gregorian", 2025, 2, 30) is None
    assert to_gregorian("bangabda", 1431, 9, 1) == date(2024, 12, 16)
    assert to_gregorian("no such calendar", 1, 1, 1) is None

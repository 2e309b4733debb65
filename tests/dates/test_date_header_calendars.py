"""Header date lines in two or three calendars: how each part is read and which lines
check_page flags (calendar_mismatch, weekday_mismatch)."""

from __future__ import annotations

import pytest

from reconciler.claims.dates import extract
from reconciler.reconcile.dates import check_page
from reconciler.records import Page, Region, RegionKind


def _header_page(line: str) -> Page:
    return Page(id="h", text=line, regions=(Region(RegionKind.HEADER, 0, len(line)),))


@pytest.mark.parametrize(
    ("line", "readings", "flagged"),
    [
        (  # Bangladesh rule, consistent (doc-018)
            "রবিবার, ৩ নভেম্বর ২০২৪ | ১৮ কার্তিক ১৪৩১ বঙ্গাব্দ | ১ জমাদিউল আউয়াল ১৪৪৬ হিজরি",
            [("gregorian", "2024-11-03"), ("bangabda", "2024-11-03"), ("hijri", "2024-11-03")],
            [],
        ),
        (  # bn-seed-003: the Bangabda part is five weeks off
            "শনিবার , ২ নভেম্বর ২০২৪ | ২৪শে অগ্রহায়ণ, ১৪৩১ বঙ্গাব্দ",
            [("gregorian", "2024-11-02"), ("bangabda", "2024-12-09")],
            ["calendar_mismatch"],
        ),
        (  # West Bengal calendar: one day after the Bangladesh rule, read as such
            "মঙ্গলবার, ১০ ডিসেম্বর ২০২৪ | ২৪ অগ্রহায়ণ ১৪৩১",
            [("gregorian", "2024-12-10"), ("bangabda_wb", "2024-12-10")],
            [],
        ),
        (  # Hijri one day off Umm al-Qura: local moon sighting (doc-022)
            "বৃহস্পতিবার, ১৭ জুলাই ২০২৫ | ২ শ্রাবণ ১৪৩২ বঙ্গাব্দ | ২১ মহররম ১৪৪৭ হিজরি",
            [("gregorian", "2025-07-17"), ("bangabda", "2025-07-17"), ("hijri", "2025-07-16")],
            [],
        ),
        (  # Hijri a month off
            "الخميس 17 يوليو 2025 - 22 صفر 1447 هـ",
            [("gregorian", "2025-07-17"), ("hijri", "2025-08-16")],
            ["calendar_mismatch"],
        ),
        (  # Arabic header, consistent
            "الخميس 17 يوليو 2025 - 22 محرم 1447 هـ",
            [("gregorian", "2025-07-17"), ("hijri", "2025-07-17")],
            [],
        ),
        (  # Nepali header, Bikram Sambat first
            "२०८२ साउन ४ गते | 20 July 2025",
            [("bikram_sambat", "2025-07-20"), ("gregorian", "2025-07-20")],
            [],
        ),
        (  # Nepali header, off by a day (BS has no tolerance)
            "२०८२ साउन ५ गते | 20 July 2025",
            [("bikram_sambat", "2025-07-21"), ("gregorian", "2025-07-20")],
            ["calendar_mismatch"],
        ),
        (  # Chinese header with the lunar date (doc-019)
            "2025年7月15日 星期二 农历六月廿一",
            [("gregorian", "2025-07-15"), ("chinese_lunar", "2025-07-15")],
            [],
        ),
        (  # Chinese header, lunar date of another day
            "2025年7月15日 星期二 农历六月廿五",
            [("gregorian", "2025-07-15"), ("chinese_lunar", "2025-07-19")],
            ["calendar_mismatch"],
        ),
        (  # Persian header
            "۲۶ تیر ۱۴۰۴ | 17 July 2025",
            [("solar_hijri", "2025-07-17"), ("gregorian", "2025-07-17")],
            [],
        ),
        (  # the weekday is wrong, the calendars agree
            "শুক্রবার, ১৭ জুলাই ২০২৫ | ২ শ্রাবণ ১৪৩২ বঙ্গাব্দ",
            [("gregorian", "2025-07-17"), ("bangabda", "2025-07-17")],
            ["weekday_mismatch"],
        ),
    ],
)
def test_header_line(line: str, readings: list[tuple[str, str]], flagged: list[str]) -> None:
    page = _header_page(line)
    claims = extract(page)
    assert [(c.date.calendar, c.normalized) for c in claims] == readings
    assert {c.date.group for c in claims} == {claims[0].date.group}
    assert all(c.slot == "page_date" for c in claims)
    assert [conflict.kind.value for conflict in check_page(page, claims)] == flagged

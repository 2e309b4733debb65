"""Times of day (12/24 h, day-period words in every script) and stated time zones."""

from __future__ import annotations

import pytest

from reconciler.claims.dates import extract
from reconciler.records import DateValue, Page, Region, RegionKind


def _first_date(text: str) -> DateValue:
    page = Page(
        id="t",
        text=text,
        regions=(Region(RegionKind.BODY, 0, len(text)),),
        fetched_at="2025-07-17T10:00:00Z",
    )
    claims = extract(page)
    assert claims, text
    return claims[0].date


@pytest.mark.parametrize(
    ("text", "time", "tz"),
    [
        ("নভেম্বর ২, ২০২৪ ১০:১৯ অপরাহ্ণ", "22:19", ""),  # অপরাহ্ণ = PM
        ("১৩ নভেম্বর ২০২৪, ১১:৪০ পূর্বাহ্ণ", "11:40", ""),  # পূর্বাহ্ণ = AM
        ("১৭ জুলাই ২০২৫, ০৪:০৫ পিএম", "16:05", ""),
        ("বাংলাদেশ সময় বৃহস্পতিবার (১৭ জুলাই) রাত ২টা ৩৭ মিনিটে", "02:37", "+06:00"),
        ("বুধবার (১৬ জুলাই) রাত ১০টায়", "22:00", ""),  # রাত ১০টা is 22:00
        ("17 जुलाई 2025, 09:40 AM IST", "09:40", "+05:30"),
        ("सोमवार, 14 जुलाई 2025 शाम 6 बजे", "18:00", ""),
        ("सोमवार, 14 जुलाई 2025 सुबह 10 बजे", "10:00", ""),
        ("Published 15 Jul 2025, 6:02pm", "18:02", ""),
        ("Updated July 17, 2025 at 7:10 a.m.", "07:10", ""),
        ("July 16, 2025 at 12:37 p.m. AKDT", "12:37", "-08:00"),
        ("15.07.2025 13:18 (мск)", "13:18", "+03:00"),
        ("3 сентября 2024 года в 18:47 по московскому времени", "18:47", "+03:00"),
        ("2025-07-15 19:32:08", "19:32", ""),
        ("北京时间7月17日凌晨4时37分", "04:37", "+08:00"),
        ("7月16日下午3时", "15:00", ""),
        ("16/07/2025 17:05", "17:05", ""),
        ("1. Januar 2025 um 10:00 Uhr", "10:00", ""),
        ("21 mars 2025 à 10:30", "10:30", ""),
        ("الخميس 17 يوليو 2025 10:30 مساء", "22:30", ""),
    ],
)
def test_time_and_zone(text: str, time: str, tz: str) -> None:
    found = _first_date(text)
    assert (found.time, found.tz) == (time, tz)


def test_utc_instant_only_with_both_time_and_zone() -> None:
    assert _first_date("17 जुलाई 2025, 09:40 AM IST").utc == "2025-07-17T04:10Z"
    assert _first_date("Published 15 Jul 2025, 6:02pm").utc == ""


@pytest.mark.parametrize("text", ["৯৭টি পরাঘাত", "২টা বই কিনেছি", "at 20:37", "score 2:1 on 16"])
def test_times_without_a_day_are_no_claims(text: str) -> None:
    page = Page(id="t", text=text, regions=(Region(RegionKind.BODY, 0, len(text)),))
    assert extract(page) == []

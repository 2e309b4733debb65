"""Times of day (12/24 h, day-period words in every script) and stated time zones."""

from __future__ import annotations

import pytest

from reconciler.claims.dates import extract
from reconciler.records import Page, Region, RegionKind


def _first_claim_details(text: str) -> dict:
    page = Page(
        id="t",
        text=text,
        regions=(Region(RegionKind.BODY, 0, len(text)),),
        fetched_at="2025-07-17T10:00:00Z",
    )
    claims = extract(page)
    assert claims, text
    return dict(claims[0].details)


@pytest.mark.parametrize(
    ("text", "time", "tz"),
    [
        ("নভেম্বর ২, ২০২৪ ১০:১৯ অপরাহ্ণ", "22:19", None),  # অপরাহ্ণ = PM
        ("১৩ নভেম্বর ২০২৪, ১১:৪০ পূর্বাহ্ণ", "11:40", None),  # পূর্বাহ্ণ = AM
        ("১৭ জুলাই ২০২৫, ০৪:০৫ পিএম", "16:05", None),
        ("বাংলাদেশ সময় বৃহস্পতিবার (১৭ জুলাই) রাত ২টা ৩৭ মিনিটে", "02:37", "+06:00"),
        ("বুধবার (১৬ জুলাই) রাত ১০টায়", "22:00", None),  # রাত ১০টা is 22:00
        ("17 जुलाई 2025, 09:40 AM IST", "09:40", "+05:30"),
        ("सोमवार, 14 जुलाई 2025 शाम 6 बजे", "18:00", None),
        ("सोमवार, 14 जुलाई 2025 सुबह 10 बजे", "10:00", None),
        ("Published 15 Jul 2025, 6:02pm", "18:02", None),
        ("Updated July 17, 2025 at 7:10 a.m.", "07:10", None),
        ("July 16, 2025 at 12:37 p.m. AKDT", "12:37", "-08:00"),
        ("15.07.2025 13:18 (мск)", "13:18", "+03:00"),
        ("3 сентября 2024 года в 18:47 по московскому времени", "18:47", "+03:00"),
        ("2025-07-15 19:32:08", "19:32", None),
        ("北京时间7月17日凌晨4时37分", "04:37", "+08:00"),
        ("7月16日下午3时", "15:00", None),
        ("16/07/2025 17:05", "17:05", None),
        ("1. Januar 2025 um 10:00 Uhr", "10:00", None),
        ("21 mars 2025 à 10:30", "10:30", None),
        ("الخميس 17 يوليو 2025 10:30 مساء", "22:30", None),
    ],
)
def test_time_and_zone(text: str, time: str, tz: str | None) -> None:
    details = _first_claim_details(text)
    assert details.get("time") == time
    assert details.get("tz") == tz


def test_utc_instant_only_with_both_time_and_zone() -> None:
    assert _first_claim_details("17 जुलाई 2025, 09:40 AM IST")["utc"] == "2025-07-17T04:10Z"
    assert "utc" not in _first_claim_details("Published 15 Jul 2025, 6:02pm")


@pytest.mark.parametrize("text", ["৯৭টি পরাঘাত", "২টা বই কিনেছি", "at 20:37", "score 2:1 on 16"])
def test_times_without_a_day_are_no_claims(text: str) -> None:
    page = Page(id="t", text=text, regions=(Region(RegionKind.BODY, 0, len(text)),))
    assert extract(page) == []

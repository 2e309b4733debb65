"""Date claims on real dev-set pages: page dates, event dates, anchoring, no junk."""

from __future__ import annotations

import pytest
from dev_pages_for_dates import dev_pages

from reconciler.claims.dates import extract, page_event_date
from reconciler.records import ClaimKind, Page, Region, RegionKind


@pytest.mark.parametrize(
    ("page_id", "text", "normalized", "anchor"),
    [
        ("bn-seed-000", "মঙ্গলবার", "2025-07-15", "fetched_at"),  # no header: crawl day
        ("bn-seed-001", "মঙ্গলবার (১৫ই জুলাই", "2025-07-15", "fetched_at"),
        ("bn-seed-003", "শুক্রবার (১ নভেম্বর", "2024-11-01", "header"),
        ("bn-seed-004", "শুক্রবারই", "2025-10-31", "header"),  # stale header, still the anchor
        ("doc-005", "este miércoles", "2025-07-16", "header"),
        ("doc-006", "बुधवार, 16 जुलाई", "2025-07-16", "header"),
        ("doc-009", "বুধবার", "2025-07-16", "header"),
        ("doc-010", "12 ноября", "2024-11-12", "header"),
        ("doc-011", "Friday, 30 December 2022", "2022-12-30", None),
        ("doc-013", "July 15", "2025-07-15", "header"),
        ("doc-015", "субботу", "2025-07-12", "header"),
        ("doc-018", "গত শুক্রবার (১ নভেম্বর", "2024-11-01", "header"),
        ("doc-019", "7月15日", "2025-07-15", "header"),
        ("doc-022", "বাংলাদেশ সময় বৃহস্পতিবার (১৭ জুলাই) রাত ২টা ৩৭ মিনিটে", "2025-07-17", "header"),
        ("doc-025", "শুক্রবার (৩০ ডিসেম্বর", "2022-12-30", "header"),
        ("doc-026", "11月12日", "2024-11-12", "header"),
        ("doc-027", "July 13", "2025-07-13", "header"),
        ("doc-028", "মঙ্গলবার (১২ নভেম্বর", "2024-11-12", "header"),
    ],
)
def test_event_date_of_page(page_id: str, text: str, normalized: str, anchor: str | None) -> None:
    page = dev_pages()[page_id]
    claim = page_event_date(page, extract(page))
    assert claim is not None
    assert (claim.text, claim.normalized, claim.anchor) == (text, normalized, anchor)
    assert claim.slot == "event_date"
    assert page.text[claim.start : claim.end] == claim.text


def test_unanchored_weekday_stays_partial() -> None:
    page = dev_pages()["bn-seed-002"]  # no header date, no crawl time
    claims = extract(page)
    assert [(claim.text, claim.normalized) for claim in claims] == [("গত মঙ্গলবার", "")]
    assert claims[0].date.precision == "weekday"
    assert page_event_date(page, claims) is None


@pytest.mark.parametrize(
    ("page_id", "page_dates"),
    [
        ("bn-seed-003", ["2024-11-02", "2024-12-09", "2024-11-02"]),
        ("doc-018", ["2024-11-03", "2024-11-03", "2024-11-03", "2024-11-03"]),
        ("doc-019", ["2025-07-15", "2025-07-15", "2025-07-15"]),
        ("doc-023", ["2025-07-15", "2025-07-15", "2025-07-15"]),
        ("bn-seed-004", ["2025-11-02"]),
    ],
)
def test_page_dates(page_id: str, page_dates: list[str]) -> None:
    claims = extract(dev_pages()[page_id])
    assert [claim.normalized for claim in claims if claim.slot == "page_date"] == page_dates


def test_header_line_parts_share_a_group_and_calendar() -> None:
    claims = [c for c in extract(dev_pages()["doc-022"]) if c.region == RegionKind.HEADER]
    assert [c.date.calendar for c in claims] == ["gregorian", "bangabda", "hijri"]
    assert len({c.date.group for c in claims}) == 1
    assert claims[0].date.weekday == 3


def test_stale_header_lowers_confidence() -> None:
    stale = next(c for c in extract(dev_pages()["bn-seed-004"]) if c.slot == "page_date")
    fresh = next(c for c in extract(dev_pages()["doc-017"]) if c.slot == "page_date")
    assert stale.confidence < fresh.confidence


def test_time_and_zone_give_a_utc_instant() -> None:
    claim = page_event_date(dev_pages()["doc-022"], extract(dev_pages()["doc-022"]))
    assert claim is not None
    assert (claim.date.time, claim.date.tz, claim.date.utc) == (
        "02:37",
        "+06:00",
        "2025-07-16T20:37Z",
    )


def test_am_pm_words() -> None:
    by_text = {c.text: c for c in extract(dev_pages()["bn-seed-003"])}
    assert by_text["নভেম্বর ২, ২০২৪ ১০:১৯ অপরাহ্ণ"].date.time == "22:19"
    by_text = {c.text: c for c in extract(dev_pages()["doc-028"])}
    assert by_text["১৩ নভেম্বর ২০২৪, ১১:৪০ পূর্বাহ্ণ"].date.time == "11:40"


@pytest.mark.parametrize(
    "page_id", sorted(["doc-006", "doc-009", "bn-seed-001", "doc-022", "doc-010"])
)
def test_no_dates_from_boilerplate_or_magnitudes(page_id: str) -> None:
    page = dev_pages()[page_id]
    for claim in extract(page):
        assert claim.kind == ClaimKind.DATE
        assert claim.region != RegionKind.BOILERPLATE
        assert page.region_at(claim.start) == claim.region
        assert claim.date.precision in ("day", "month", "year", "weekday", "partial")
        assert not any(junk in claim.text for junk in ("৭.৩", "63", "25,200", "80"))


def test_odd_text_returns_nothing() -> None:
    for text in ["", "৭.৩ ২০ ফুট", "99:99 32/13/2025", "農曆十三月", "\u0000" * 10]:
        page = Page(id="odd", text=text, regions=(Region(RegionKind.BODY, 0, len(text)),))
        assert [c.normalized for c in extract(page) if c.normalized] == []

"""The seed pages as a crawler gives them: no manifest, so no crawl time to anchor on."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from reconciler.claims.dates import extract
from reconciler.ingest import load
from reconciler.reconcile.dates import check_page
from reconciler.records import ConflictKind, Page

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def seed(prefix: str) -> Page:
    return next(page for page in load([SEEDS]).pages if page.id.startswith(prefix))


def test_without_an_anchor_a_stated_weekday_gives_the_latest_fitting_year() -> None:
    (claim,) = extract(seed("001"))  # "Tuesday 15 July", no page date, no crawl date
    day = date.fromisoformat(claim.normalized)
    assert (day.month, day.day, day.weekday()) == (7, 15, 1)
    assert day <= date.today()
    later = [date(year, 7, 15) for year in range(day.year + 1, date.today().year + 1)]
    assert not [other for other in later if other.weekday() == 1 and other <= date.today()]
    assert claim.anchor == "weekday" and claim.confidence < 0.8


def test_bare_weekdays_without_an_anchor_are_unresolved() -> None:
    assert {claim.normalized for claim in extract(seed("000"))} == {""}


def test_header_is_the_anchor_when_there_is_no_crawl_time() -> None:
    claims = extract(seed("004"))
    assert [(c.text, c.normalized, c.anchor) for c in claims if c.slot == "event_date"] == [
        ("শুক্রবারই", "2025-10-31", "header")
    ]


def test_calendar_mismatch_found_on_the_seed() -> None:
    page = seed("003")
    conflicts = check_page(page, extract(page))
    assert [conflict.kind for conflict in conflicts] == [ConflictKind.CALENDAR_MISMATCH]

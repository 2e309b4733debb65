"""The seed pages as a crawler gives them: no manifest, so no crawl time to anchor on."""

from __future__ import annotations

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


def test_without_an_anchor_partial_dates_stay_partial() -> None:
    claims = extract(seed("001"))
    assert [(claim.normalized, claim.date.precision) for claim in claims] == [
        ("--07-15", "partial")
    ]
    assert claims[0].date.weekday == 1


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

"""A conflict's confidence means one thing for every rule: the rule's certainty for its kind
of evidence times the confidence of its weakest side (README, ``reconcile.confidence``)."""

from __future__ import annotations

from reconciler.claims.dates import extract
from reconciler.reconcile.confidence import conflict_confidence, sides_by_page
from reconciler.reconcile.dates import check_page
from reconciler.reconcile.settings import SETTINGS
from reconciler.records import Claim, ClaimKind, NumberValue, Page, Region, RegionKind


def _page(page_id: str, text: str, fetched_at: str) -> Page:
    return Page(page_id, text, (Region(RegionKind.BODY, 0, len(text)),), fetched_at=fetched_at)


def _claim(page_id: str, confidence: float) -> Claim:
    count = NumberValue(40, 40, 40, "exact", "deaths", "", False, "", True, False, "")
    return Claim(
        ClaimKind.NUMBER, page_id, 0, 2, "40", RegionKind.BODY, "40", confidence, value=count
    )


def test_the_weakest_side_bounds_a_conflict_and_each_side_counts_its_surest_claim() -> None:
    sides = sides_by_page([_claim("a", 0.9), _claim("a", 0.4), _claim("b", 0.6)])
    assert conflict_confidence(0.9, sides) == round(0.9 * 0.6, 3)
    assert conflict_confidence(0.9, []) == 0.0


def test_the_same_evidence_gives_the_same_confidence_whatever_else_the_page_holds() -> None:
    mismatch = "The summit opened on Friday, 2 November 2024, in the capital."  # a Saturday
    pages = [
        _page("short", mismatch, "2024-11-03"),
        _page("long", "Delegates arrived late. " + mismatch + " More talks follow.", "2025-01-09"),
    ]
    found = [check_page(page, extract(page)) for page in pages]
    (first,), (second,) = found
    assert first.kind == second.kind == "weekday_mismatch"
    assert first.confidence == second.confidence
    (claim,) = first.claims
    assert first.confidence == round(SETTINGS.weekday_certainty * claim.confidence, 3)

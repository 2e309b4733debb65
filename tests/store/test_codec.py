"""Stored records come back equal: typed claim values and crawl dates included."""

from __future__ import annotations

import json

import pytest

from reconciler import ingest
from reconciler.claims import extract_claims
from reconciler.records import ClaimKind
from reconciler.store import codec


def test_pages_and_their_claims_come_back_from_the_store_equal() -> None:
    text = (
        "Talks end in Geneva\n"
        'Foreign Minister Anna Berg said: "We will not sign 3 of the 12 clauses." '
        "At least 40 people were hurt on Friday, the ministry said.\n"
    )
    (page,) = ingest.load(
        [{"id": "p", "text": text, "url": "https://example.org/2025/05/10/talks"}]
    ).pages
    assert page.crawl_dates
    assert codec.page_from(codec.page_json(page)) == page
    claims = extract_claims(page)
    assert {claim.kind for claim in claims} >= {ClaimKind.DATE, ClaimKind.NUMBER, ClaimKind.QUOTE}
    for claim in claims:
        stored = json.loads(codec.dumps(codec.claim_fields(claim)))
        assert codec.claim_from(stored) == claim


def test_date_values_come_back_with_their_calendar_readings_and_shifts() -> None:
    text = (
        "২৪শে অগ্রহায়ণ ১৪৩১ বঙ্গাব্দ | 9 December 2024\n"
        "তিন দিন আগে বৈঠক হয়েছে। Talks went on last week.\n"
    )
    (page,) = ingest.load([{"id": "p", "text": text, "fetched_at": "2024-12-09T08:00:00Z"}]).pages
    dates = [claim.date for claim in extract_claims(page) if claim.kind == ClaimKind.DATE]
    assert any(value.native is not None and value.candidates for value in dates)
    assert any(value.shift is not None for value in dates)
    for claim in extract_claims(page):
        stored = json.loads(codec.dumps(codec.claim_fields(claim)))
        assert codec.claim_from(stored) == claim


def test_a_claim_of_an_older_store_format_is_a_clear_error() -> None:
    (page,) = ingest.load([{"id": "p", "text": "Talks ended on 9 December 2024."}]).pages
    stored = json.loads(codec.dumps(codec.claim_fields(extract_claims(page)[0])))
    with pytest.raises(ValueError, match="page p: stored in an older format"):
        codec.claim_from({**stored, "details": {}, "value": None})

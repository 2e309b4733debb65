"""Stored records come back equal: typed claim values and crawl dates included."""

from __future__ import annotations

import json

from reconciler import ingest
from reconciler.claims import extract_claims
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
    assert any(claim.value is not None for claim in claims)
    for claim in claims:
        stored = json.loads(codec.dumps(codec.claim_fields(claim)))
        assert codec.claim_from(stored) == claim

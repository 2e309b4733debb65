"""Extractors hand the comparators what they compare, so reconcile never reads page text."""

from __future__ import annotations

from reconciler.claims import numbers, quotes
from reconciler.reconcile.head_counts import head_count_role
from reconciler.records import Page, Region, RegionKind


def _page(text: str, lang: str = "en") -> Page:
    return Page("p", text, (Region(RegionKind.BODY, 0, len(text)),), lang=lang)


def test_a_quote_claim_carries_its_negation_and_its_numbers() -> None:
    page = _page('"We will not send more than 300 soldiers," the minister said on Friday.')
    (claim,) = quotes.extract(page)
    assert claim.quote.negated is True
    (soldiers,) = claim.quote.numbers
    assert soldiers.quantity == "soldiers"
    assert soldiers.low == 300 and soldiers.high is None  # "more than": no upper bound


def test_an_affirmative_quote_is_not_negated() -> None:
    page = _page('"We will send 300 soldiers to the border," the minister said on Friday.')
    (claim,) = quotes.extract(page)
    assert claim.quote.negated is False


def test_a_head_count_is_told_by_the_word_after_the_number() -> None:
    page = _page("Talks opened on Monday. Two foreign ministers stayed away from the summit.")
    roles = [head_count_role(claim) for claim in numbers.extract(page)]
    assert "ministers" in roles

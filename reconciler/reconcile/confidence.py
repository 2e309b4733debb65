"""A conflict's confidence: one definition for every rule.

It is the rule's certainty that its kind of evidence shows a real disagreement (a number told
with its quantity word is surer than one told with a bare noun, two calendars on one line
surer than a head count), times how sure extraction is of the weakest side, each side as
sure as its surest claim. The same evidence therefore always gives the same confidence, and a
conflict is never surer than the claims it rests on.
"""

from __future__ import annotations

from collections.abc import Iterable

from reconciler.records import Claim


def conflict_confidence(certainty: float, sides: Iterable[Iterable[Claim]]) -> float:
    strengths = [max((claim.confidence for claim in side), default=0.0) for side in sides]
    return round(certainty * min(strengths, default=0.0), 3)


def sides_by_page(claims: Iterable[Claim]) -> list[list[Claim]]:
    """The sides of a cross-page conflict: what each page states."""
    pages: dict[str, list[Claim]] = {}
    for claim in claims:
        pages.setdefault(claim.page_id, []).append(claim)
    return list(pages.values())

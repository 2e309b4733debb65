"""Claims: what each page states, with evidence spans.

Each kind lives in its own package and exposes ``extract(page) -> list[Claim]``, a pure
function of one page. Entities also need a corpus-wide step (``entities.resolve``) that
gives mentions in every script one canonical name; it runs after every page is extracted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reconciler.claims import dates, entities, numbers, quotes
from reconciler.records import Claim, Page

Extractor = Callable[[Page], list[Claim]]

EXTRACTORS: tuple[Extractor, ...] = (
    dates.extract,
    entities.extract,
    numbers.extract,
    quotes.extract,
)


def extract_claims(page: Page) -> list[Claim]:
    """All claims of one page, in text order."""
    found = [claim for extractor in EXTRACTORS for claim in extractor(page)]
    return sorted(found, key=lambda claim: (claim.start, claim.end, claim.kind))


def resolve_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Corpus-wide steps: canonical names for people, places, organisations, speakers."""
    return entities.resolve(claims)

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


class StageError(Exception):
    """One extractor failed on one page; the message names the page and the stage, and the
    run turns it into that page's ``PageError``."""

    def __init__(self, page_id: str, stage: str, cause: Exception) -> None:
        super().__init__(f"page {page_id}: {stage} stage failed: {type(cause).__name__}: {cause}")
        self.page_id = page_id
        self.stage = stage


def _stage(extractor: Extractor) -> str:
    return extractor.__module__.rsplit(".", 1)[-1]


def extract_claims(page: Page) -> list[Claim]:
    """All claims of one page, in text order; a failing extractor raises ``StageError``."""
    found: list[Claim] = []
    for extractor in EXTRACTORS:
        try:
            found.extend(extractor(page))
        except Exception as error:  # any bug of a stage: reported with page and stage named
            raise StageError(page.id, _stage(extractor), error) from error
    return sorted(found, key=lambda claim: (claim.start, claim.end, claim.kind))


def resolve_claims(claims: Sequence[Claim]) -> list[Claim]:
    """Corpus-wide steps: canonical names for people, places, organisations, speakers."""
    return entities.resolve(claims)

"""The kinds of event a page's headline and lede name (an attack, a funeral, a swearing-in),
from each language pack's ``events.json``: evidence that crosses scripts, where two reports of
one event in different languages embed apart and two events of the same actors embed alike.

Word stems are matched as substrings of the lower-cased text (stems cover inflections, and
unspaced scripts have no word boundaries). Only the headline and the lede are read: the body
goes on to tell the background ("after the strikes of last week").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from reconciler.lang import codes, pack
from reconciler.records import Page, RegionKind


@dataclass(frozen=True)
class KindSettings:
    # Characters of the body read after the headline: a lede's first sentence or two.
    # Measured on real-dev (B-cubed F1): headline alone 0.815 (no change), 150 to 400
    # characters 0.828, 600 (all the embedded text, background included) 0.812.
    lede_characters: int = 250


KINDS = KindSettings()


@cache
def _stems(lang: str) -> Mapping[str, tuple[str, ...]]:
    if lang not in codes():
        return {}
    kinds = pack(lang).supplement("events").get("event_kinds", {})
    return {kind: tuple(stem.lower() for stem in stems) for kind, stems in kinds.items()}


def event_kinds(page: Page, settings: KindSettings = KINDS) -> frozenset[str]:
    """The kinds of event the page's headline and lede name, in the page's language."""
    stems = _stems(page.lang)
    if not stems:
        return frozenset()
    headline = " ".join(page.region_text(region) for region in page.regions_of(RegionKind.HEADLINE))
    body = " ".join(page.region_text(region) for region in page.regions_of(RegionKind.BODY))
    text = f"{headline} {body[: settings.lede_characters]}".lower()
    return frozenset(kind for kind, words in stems.items() if any(word in text for word in words))

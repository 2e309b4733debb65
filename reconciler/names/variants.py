"""English given names and their familiar forms: Richard is also Dick, Edward also Ted.

A source may print a politician's familiar name (Chuck Schumer) where another prints the
formal one (Charles Schumer), and a romanised foreign spelling of either (Эдвард Кеннеди).
The ``nicknames`` package (a hand-curated public dataset of English given names and their
diminutives, Apache-2.0) holds those relations; we use it as it is.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache, lru_cache


@cache
def _related() -> dict[str, frozenset[str]]:
    from nicknames import name_triplets

    related: dict[str, set[str]] = defaultdict(set)
    for triplet in name_triplets():
        related[triplet.name1].add(triplet.name2)
        related[triplet.name2].add(triplet.name1)
    return {name: frozenset(others) for name, others in related.items()}


@lru_cache(maxsize=65536)
def given_name_variants(token: str) -> frozenset[str]:
    """The formal and familiar forms of a lowercase given name ("dick" → richard, rick...)."""
    return _related().get(token, frozenset())

"""English spellings of name parts: "Dzheyms" is written James, "Maykl" Michael.

A romanisation spells how a name sounds; English-language sources spell a foreign name's
parts the way English spells them. The US Census name-frequency lists (shipped by the
``names`` package: 5,494 given names, 88,799 surnames, with their frequencies) give those
spellings: a romanised token is replaced by the census name part with the same consonant
skeleton that is most alike letter by letter, when it is alike enough. Only for scripts
where this measurably helps (``NameSettings.english_scripts``): elsewhere it turns one
name into another (Sharif into Sheriff). Where a romanisation renders English sounds its
own way (Russian kh for h), undoing that is kept only when it yields a census name part.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache
from itertools import combinations

from rapidfuzz.fuzz import ratio

from reconciler.names.phonetics import skeleton
from reconciler.names.romanize import english_respellings
from reconciler.names.settings import SETTINGS


@cache
def _census(given_only: bool) -> dict[str, list[tuple[str, float]]]:
    """Skeleton → (name part, frequency %) of the census lists, commonest first;
    ``given_only``: of the given-name lists alone."""
    import names  # the package's data files, not its random-name generator

    by_sound: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for kind, path in names.FILES.items():
        if given_only and not kind.startswith("first"):
            continue
        with open(path, encoding="ascii") as handle:
            for line in handle:
                part, frequency, *_ = line.split()
                if float(frequency) < SETTINGS.english_min_frequency:
                    break  # the files are sorted by frequency
                part = part.lower()
                by_sound[skeleton(part)].append((part, float(frequency)))
    for parts in by_sound.values():
        parts.sort(key=lambda item: -item[1])
    return dict(by_sound)


@lru_cache(maxsize=65536)
def english_spelling(token: str, given_only: bool = False) -> str:
    """The census spelling of a romanised name part that sounds like it, else the token;
    ``given_only``: only a given name's spelling (for a name's first part)."""
    if len(token) < SETTINGS.english_min_length:
        return token
    census = _census(given_only)
    alike = [
        (ratio(token, part), frequency, part) for part, frequency in census.get(skeleton(token), ())
    ]
    best = max(alike, default=None)
    return best[2] if best and best[0] >= SETTINGS.english_min_ratio else token


@cache
def _census_parts() -> frozenset[str]:
    return frozenset(part for parts in _census(False).values() for part, _ in parts)


@cache
def _respellings(script: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(pattern), replacement) for pattern, replacement in english_respellings(script)
    )


@lru_cache(maxsize=65536)
def undo_romanisation(token: str, script: str) -> str:
    """A romanised token the way English spells it when undoing the script's renderings
    of English sounds (``english_respellings``) gives a census name part and the token
    is none; else the token."""
    parts = _census_parts()
    rules = _respellings(script)
    if len(token) < SETTINGS.respelling_min_length or token in parts or not rules:
        return token
    for count in range(1, len(rules) + 1):
        for chosen in combinations(rules, count):
            candidate = token
            for pattern, replacement in chosen:
                candidate = pattern.sub(replacement, candidate)
            if candidate != token and candidate in parts:
                return candidate
    return token

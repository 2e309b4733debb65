"""Thresholds of the number extractor, in one place.

All were set by hand on the synthetic dev set (tests/data/dev) and checked on the held-out
set (tests/data/holdout); each comment says what the value does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NumberSettings:
    # dev: how far (in words) from the number its counted noun or marker may stand; 4
    # reaches "killed at least 12 people" and "৯৭ জনের মৃত্যু" and no further clause.
    window_words: int = 4
    # dev (zh pages): the same for unspaced scripts, in characters ("死亡人数升至50人").
    unspaced_window: int = 8
    # dev: characters before a number searched for "previous", "earlier" (a scope word).
    scope_reach: int = 60
    # dev (zh pages): a Chinese counted noun is about two characters.
    chinese_noun_chars: int = 2
    # Confidence of a number by how its quantity was told: a lexicon quantity, a unit, or
    # only the noun as written (ranked on dev; the report shows them, nothing filters).
    keyed_confidence: float = 0.9
    unit_confidence: float = 0.75
    noun_confidence: float = 0.5


SETTINGS = NumberSettings()

"""Offline language identification of page text.

lingua decides among every language it knows (75), loading each model only when a text's
script makes that language possible, so a run pays for the languages it meets. It has no
Nepali model: when it answers Hindi or Marathi, frequent function words of the three
Devanagari languages (``markers.json``) settle which one it is.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib import resources

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["detect"]

_DEVANAGARI = ("ne", "hi", "mr")
_WORD = re.compile(r"[\u0900-\u097F]+")


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_languages().build()


@cache
def _devanagari_markers() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files(__package__).joinpath("markers.json").read_text("utf-8"))
    return {code: frozenset(data[code]) for code in _DEVANAGARI}


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or "und" when it cannot be told."""
    if not any(char.isalpha() for char in text):
        return "und"
    found = _detector().detect_language_of(text)
    if found is None:
        return "und"
    code = _iso_code(found)
    return _devanagari_language(text, code) if code in _DEVANAGARI else code


def _iso_code(language: Language) -> str:
    iso: IsoCode639_1 = language.iso_code_639_1
    return iso.name.lower()


def _devanagari_language(text: str, guess: str) -> str:
    """The Devanagari language whose function words the text uses most; lingua breaks ties."""
    words = Counter(_WORD.findall(text))
    markers = _devanagari_markers()
    hits = {code: sum(words[w] for w in markers[code]) for code in _DEVANAGARI}
    best = max(hits.values())
    if best == 0 or hits[guess] == best:
        return guess
    return max(_DEVANAGARI, key=lambda code: hits[code])

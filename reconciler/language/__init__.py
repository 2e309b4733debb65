"""Offline language identification of page text.

lingua (restricted to the languages the pipeline reads) decides; it has no Nepali model, so
when it answers Hindi or Marathi, frequent function words of the three Devanagari languages
(``markers.json``) settle which one it is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["SUPPORTED", "detect"]

# ISO 639-1 codes detect() can return besides "und"; Nepali is decided by marker words.
SUPPORTED = ("bn", "hi", "ur", "ne", "mr", "en", "ru", "zh", "ar", "es", "fr", "de", "fa")
_LINGUA = {
    Language.BENGALI: "bn",
    Language.HINDI: "hi",
    Language.MARATHI: "mr",
    Language.URDU: "ur",
    Language.ENGLISH: "en",
    Language.RUSSIAN: "ru",
    Language.CHINESE: "zh",
    Language.ARABIC: "ar",
    Language.SPANISH: "es",
    Language.FRENCH: "fr",
    Language.GERMAN: "de",
    Language.PERSIAN: "fa",
}
_DEVANAGARI = ("ne", "hi", "mr")
# Scripts of the supported languages (first word of a letter's Unicode name).
_SCRIPTS = frozenset({"LATIN", "BENGALI", "DEVANAGARI", "CJK", "ARABIC", "CYRILLIC"})
_MAX_FOREIGN_SCRIPT = 0.2
_WORD = re.compile(r"[\u0900-\u097F]+")


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LINGUA).build()


@cache
def _devanagari_markers() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files(__package__).joinpath("markers.json").read_text("utf-8"))
    return {code: frozenset(data[code]) for code in _DEVANAGARI}


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or "und" when it cannot be told."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "und"
    # lingua, restricted to our languages, would name one even for Korean or Japanese text
    # (whose kana sit between kanji it would call Chinese).
    foreign = sum(1 for char in letters if _script(char) not in _SCRIPTS)
    if foreign > len(letters) * _MAX_FOREIGN_SCRIPT:
        return "und"
    found = _detector().detect_language_of(text)
    if found is None:
        return "und"
    code = _LINGUA[found]
    return _devanagari_language(text, code) if code in _DEVANAGARI else code


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def _devanagari_language(text: str, guess: str) -> str:
    """The Devanagari language whose function words the text uses most; lingua breaks ties."""
    words = Counter(_WORD.findall(text))
    markers = _devanagari_markers()
    hits = {code: sum(words[w] for w in markers[code]) for code in _DEVANAGARI}
    best = max(hits.values())
    if best == 0 or hits[guess] == best:
        return guess
    return max(_DEVANAGARI, key=lambda code: hits[code])

"""Offline language identification of page text.

lingua decides among every language it knows (75), loading each model only when a text's
script makes that language possible, so a run pays for the languages it meets, and a page in
a language without a pack is still named (clustering centres each language's embeddings:
lumping Korean and Tamil pages into "und" would centre them on one mean). Where languages
share a script and one of them has ``markers`` in its pack's ``detect.json`` (Nepali, which
lingua has no model for; Hindi; Marathi), frequent function words settle which one it is.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

import regex
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from reconciler import lang

__all__ = ["detect"]

# A word: letters and marks (Indic vowel signs are marks, not word characters).
_WORD = regex.compile(r"[\p{L}\p{M}]+")


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_languages().build()


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


@cache
def _markers() -> dict[str, frozenset[str]]:
    """Function words of the packs that carry them, by language."""
    found = {code: lang.pack(code).supplement("detect").get("markers", ()) for code in lang.codes()}
    return {code: frozenset(words) for code, words in found.items() if words}


@cache
def _scripts(code: str) -> frozenset[str]:
    """The scripts a pack's language is written in, from the letters of its month names."""
    return frozenset(
        _script(char) for forms in lang.pack(code).months for form in forms for char in form
        if char.isalpha()
    )  # fmt: skip


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or "und" when it cannot be told."""
    if not any(char.isalpha() for char in text):
        return "und"
    found = _detector().detect_language_of(text)
    if found is None:
        return "und"
    code = _iso_code(found)
    return _by_markers(text, code) if code in _markers() else code


def _iso_code(language: Language) -> str:
    iso: IsoCode639_1 = language.iso_code_639_1
    return iso.name.lower()


def _by_markers(text: str, guess: str) -> str:
    """The language of ``guess``'s script whose function words the text uses most; lingua's
    guess breaks ties."""
    rivals = [code for code in _markers() if _scripts(code) & _scripts(guess)]
    words = Counter(_WORD.findall(text))
    hits = {code: sum(words[word] for word in _markers()[code]) for code in rivals}
    best = max(hits.values())
    if best == 0 or hits[guess] == best:
        return guess
    return max(rivals, key=lambda code: hits[code])

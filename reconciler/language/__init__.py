"""Offline language identification of page text.

The languages told apart are those the pipeline reads: every language pack with a
hand-written supplement (reconciler.lang), so a new pack makes its language detectable.
lingua (restricted to those languages) decides; where languages share a script and one of
them has ``markers`` in its pack's ``detect.json`` (Nepali, which lingua has no model for,
Hindi, Marathi), frequent function words settle which one it is.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache

import regex
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from reconciler import lang

__all__ = ["detect", "supported"]

# Share of letters outside the scripts of the read languages above which a text is in none
# of them (lingua, restricted to our languages, would name one even for Korean text).
_MAX_FOREIGN_SCRIPT = 0.2
# A word: letters and marks (Indic vowel signs are marks, not word characters).
_WORD = regex.compile(r"[\p{L}\p{M}]+")


@cache
def supported() -> tuple[str, ...]:
    """ISO 639-1 codes detect() can return besides "und"."""
    return tuple(code for code in lang.codes() if lang.pack(code).supplements)


def _lingua_language(code: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except (AttributeError, ValueError):  # no lingua model (Nepali)
        return None


@cache
def _lingua_codes() -> dict[Language, str]:
    languages = {code: _lingua_language(code) for code in supported()}
    return {language: code for code, language in languages.items() if language is not None}


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_lingua_codes()).build()


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


@cache
def _scripts() -> dict[str, frozenset[str]]:
    """The scripts each read language is written in, from the letters of its month names."""
    return {
        code: frozenset(
            _script(char)
            for forms in lang.pack(code).months
            for form in forms
            for char in form
            if char.isalpha()
        )
        for code in supported()
    }


@cache
def _markers() -> dict[str, frozenset[str]]:
    return {
        code: frozenset(lang.pack(code).supplement("detect").get("markers", ()))
        for code in supported()
        if lang.pack(code).supplement("detect").get("markers")
    }


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or "und" when it cannot be told."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "und"
    known = frozenset().union(*_scripts().values())
    foreign = sum(1 for char in letters if _script(char) not in known)
    if foreign > len(letters) * _MAX_FOREIGN_SCRIPT:
        return "und"
    found = _detector().detect_language_of(text)
    if found is None:
        return "und"
    code = _lingua_codes()[found]
    return _by_markers(text, code) if code in _markers() else code


def _by_markers(text: str, guess: str) -> str:
    """The language of ``guess``'s script whose function words the text uses most; lingua's
    guess breaks ties."""
    script = _scripts()[guess]
    rivals = [code for code in _markers() if _scripts()[code] & script]
    words = Counter(_WORD.findall(text))
    hits = {code: sum(words[word] for word in _markers()[code]) for code in rivals}
    best = max(hits.values())
    if best == 0 or hits[guess] == best:
        return guess
    return max(rivals, key=lambda code: hits[code])

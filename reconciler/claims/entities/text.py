"""Words and suffix stripping with offsets into the page text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reconciler.claims.entities.lexicon import Lexicon

# Letters and combining marks (Indic vowel signs are marks, not \w), kept with inner
# apostrophes, hyphens and dots so "হুই’র", "al-Sudani" and "S." stay one word. The Bengali
# currency sign "৷" is typed for a danda (a sentence end) and ends a word like one.
_WORD_RE = re.compile(
    r"[^\s!-&(-,/:-@\[-`{-~\u0964\u0965\u09f7\u060c\u061b\u061f\u06d4\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘«»—–…·•|]+"
)
_EDGE_PUNCT = "'’.-"
_INDIC_VOWEL_SIGNS = frozenset("\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c7\u09c8\u09cb\u09cc")
_INDIC_CONSONANT_RE = re.compile(r"[\u0995-\u09b9\u09dc-\u09df\u0915-\u0939]")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of ``text``; offsets are shifted by ``offset`` (the region's start)."""
    found = []
    for match in _WORD_RE.finditer(text):
        word = match.group()
        start = match.start()
        while word and word[0] in _EDGE_PUNCT:
            word, start = word[1:], start + 1
        while len(word) > 1 and word[-1] in _EDGE_PUNCT:
            if word[-1] == "." and len(word) == 2 and word[0].isupper():
                break  # an initial: "S. Jaishankar"
            word = word[:-1]
        if word and any(char.isalpha() for char in word):
            found.append(Word(word, offset + start, offset + start + len(word)))
    return found


def _spellings(suffix: str) -> tuple[str, ...]:
    """য় is written precomposed or as য + nukta; a suffix matches either way."""
    decomposed = suffix.replace("\u09df", "\u09af\u09bc")
    return (suffix, decomposed, decomposed.replace("\u09af\u09bc", "\u09df"))


def strip_case_suffix(word: str, lexicon: Lexicon) -> str:
    """``word`` without its case ending (পুতিনের → পুতিন, জিনপিংকে → জিনপিং)."""
    for suffix in lexicon.case_suffixes:
        for spelling in set(_spellings(suffix)):
            if not word.endswith(spelling) or len(word) == len(spelling):
                continue
            stem = word[: -len(spelling)]
            if suffix in lexicon.suffixes_after_vowel and stem[-1] not in _INDIC_VOWEL_SIGNS:
                continue
            if suffix in lexicon.suffixes_after_consonant and not _INDIC_CONSONANT_RE.match(
                stem[-1]
            ):
                continue
            return stem.rstrip("’'-")
    return word


def strip_place_suffix(word: str, lexicon: Lexicon) -> str:
    """A place name without its case or locative ending (काठमाडौंमा → काठमाडौं)."""
    stripped = strip_case_suffix(word, lexicon)
    if stripped != word:
        return stripped
    for suffix in lexicon.locative_suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def clitic_stems(word: str, lexicon: Lexicon) -> list[str]:
    """``word`` without each clitic it may begin with (والرئيس → الرئيس, للحكومة → حكومة)."""
    return [
        word[len(prefix) :]
        for prefix in lexicon.clitic_prefixes
        if word.startswith(prefix) and len(word) > len(prefix) + 1
    ]


def lemmatize_name_word(word: str, lexicon: Lexicon) -> str:
    """Russian-style declension of a name word back to its nominative (Лаврова → Лавров)."""
    for ending, replacement in lexicon.name_case_rules:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + replacement
    return word

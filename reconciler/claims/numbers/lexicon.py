"""Per-language number data: the ``numbers.json`` supplement of each language pack plus the
pack's generated number words (num2words, see reconciler.lang.build).

No language hand-writes its 1..100; only languages num2words lacks (Hindi, Urdu, Nepali)
list them in their supplement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from reconciler import lang

#: Word runs: everything but spaces, digits, punctuation and hyphens; Indic vowel signs stay
#: inside the word (Python's \w would split "৯৭টি" or "मौत" at their marks).
WORD = re.compile(r"[^\s\d\-‐–—.,;:!?()\[\]{}«»“”„\"'‘’/|·।॥。，、；：！？（）%$€£₹৳¥₽°]+")

#: A stem shorter than this must match a whole word: "тур" must not match "туристов".
MIN_PREFIX_STEM = 4

_SUPPLEMENT = "numbers"


@dataclass(frozen=True)
class Keyword:
    """A word or phrase of the lexicon and what it means (a quantity key, a bound kind)."""

    words: tuple[str, ...]
    meaning: str
    unit: bool = False  # a unit ("km") rather than a counted quantity ("deaths")


@dataclass(frozen=True)
class NumberLexicon:
    lang: str
    spaced: bool
    decimal_comma: bool
    approx_before: tuple[Keyword, ...]
    approx_after: tuple[Keyword, ...]
    approx_words: Mapping[str, str]  # one word that is a number and a bound ("শতাধিক")
    ordinal_suffixes: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    classifiers: tuple[str, ...]
    generic_nouns: frozenset[str]  # "people", "লোগোं": counted, yet say nothing of what happened
    counted: tuple[Keyword, ...]  # quantities and units, longest first
    multipliers: Mapping[str, float]
    scope_words: tuple[str, ...]
    skip_words: frozenset[str]  # months: a number next to these is a date
    year_words: frozenset[str]  # "সালে", "г.", "बजे": a number before these is a year or a time
    relative_words: frozenset[str]  # "after", "ago", "পর": a duration before these is a time
    half_words: tuple[str, ...]  # "반" after a unit adds half of it ("2시간 반")
    fillers: frozenset[str]  # function words: never the counted noun
    cardinal_words: Mapping[str, float]
    ordinal_words: Mapping[str, float]
    # Shortest stem matched as a word's beginning: 4 letters in alphabets, fewer in scripts
    # whose every character is a syllable (Hangul "사망" is a stem of "사망자는").
    min_stem: int = MIN_PREFIX_STEM


def words_of(text: str) -> tuple[str, ...]:
    return tuple(match.group().lower() for match in WORD.finditer(text))


def _longest_first(keywords: list[Keyword]) -> tuple[Keyword, ...]:
    """So that "more than" wins over "more" and "周年" over "周"."""
    return tuple(sorted(keywords, key=lambda keyword: -len(" ".join(keyword.words))))


def _phrase(text: str) -> tuple[str, ...]:
    return words_of(text) or (text.lower(),)


def _markers(table: Mapping[str, str]) -> tuple[Keyword, ...]:
    """``{"nearly": "below"}`` → keywords meaning a bound kind."""
    return _longest_first([Keyword(_phrase(phrase), bound) for phrase, bound in table.items()])


def _counted(
    quantities: Mapping[str, list[str]], units: Mapping[str, list[str]]
) -> tuple[Keyword, ...]:
    """``{"deaths": ["killed", ...]}`` and ``{"distance:km": ["km", ...]}`` → keywords."""
    keywords = [Keyword(_phrase(p), key) for key, phrases in quantities.items() for p in phrases]
    keywords += [Keyword(_phrase(p), key, True) for key, phrases in units.items() for p in phrases]
    return _longest_first(keywords)


def _raw(code: str) -> Mapping[str, Any]:
    return lang.pack(code).supplement(_SUPPLEMENT)


@cache
def languages() -> tuple[str, ...]:
    return tuple(code for code in lang.codes() if _raw(code))


@cache
def symbols() -> tuple[Mapping[str, str], Mapping[str, str]]:
    """Currency and unit signs shared by all languages: (written before, written after)."""
    raw = lang.common("symbols")
    return dict(raw["before"]), dict(raw["after"])


@cache
def lexicon(code: str) -> NumberLexicon | None:
    if code not in languages():
        return None
    pack = lang.pack(code)
    raw = pack.supplement(_SUPPLEMENT)
    excluded = set(raw.get("number_word_exclusions", []))
    cardinals = {**pack.cardinals, **raw.get("number_words", {})}
    ordinals = {**pack.ordinals, **raw.get("ordinal_words", {})}
    return NumberLexicon(
        lang=code,
        # Unspaced scripts (Chinese, Japanese): keywords match anywhere in a short window; a
        # pack may ask for that too (Korean writes particles and counters onto the number).
        spaced=not pack.unspaced and not raw.get("glued", False),
        decimal_comma=pack.decimal_comma,
        approx_before=_markers(raw["approx_before"]),
        approx_after=_markers(raw["approx_after"]),
        approx_words=dict(raw.get("approx_words", {})),
        ordinal_suffixes=tuple(sorted(raw["ordinal_suffixes"], key=len, reverse=True)),
        ordinal_prefixes=tuple(raw["ordinal_prefixes"]),
        classifiers=tuple(raw["classifiers"]),
        generic_nouns=frozenset(word.lower() for word in raw.get("generic_nouns", [])),
        counted=_counted(raw["quantities"], raw["units"]),
        multipliers={word.lower(): float(value) for word, value in raw["multipliers"].items()},
        scope_words=tuple(word.lower() for word in raw["scope_words"]),
        skip_words=frozenset(word.lower() for word in raw["skip_words"]),
        year_words=frozenset(word.lower() for word in raw.get("year_words", [])),
        relative_words=frozenset(word.lower() for word in raw.get("relative_words", [])),
        half_words=tuple(raw.get("half_words", [])),
        fillers=frozenset(word.lower() for word in raw.get("fillers", [])),
        cardinal_words={w.lower(): float(v) for w, v in cardinals.items() if w not in excluded},
        ordinal_words={w.lower(): float(v) for w, v in ordinals.items() if w not in excluded},
        min_stem=int(raw.get("min_stem", MIN_PREFIX_STEM)),
    )


def word_matches(stem: str, word: str, min_stem: int = MIN_PREFIX_STEM) -> bool:
    """A lexicon stem matches an inflected word ("aftershock" → "aftershocks") when long enough."""
    if len(stem) < min_stem:
        return word == stem
    return word.startswith(stem)


@dataclass(frozen=True)
class CommonNumbers:
    """What every language shares (``_common/numbers.json``)."""

    subject_concepts: frozenset[str]  # who was counted; outranked by what happened to them
    outcome_concepts: frozenset[str]  # what happened to them ("deaths", "injured")
    # Groups ("members" of a crew, a bloc; "soldiers") whose count the words must qualify:
    # never compared across pages on their own.
    group_concepts: frozenset[str]
    scales: Mapping[str, tuple[str, float, float]]  # unit → (slot unit, factor, spread)
    compound_units: tuple[tuple[str, str], ...]  # "2 hours 35 minutes" is one value
    spans_not_compared: frozenset[str]  # ages, terms in office: not a quantity of the event


@cache
def common_numbers() -> CommonNumbers:
    raw = lang.common(_SUPPLEMENT)
    return CommonNumbers(
        subject_concepts=frozenset(raw["subject_concepts"]),
        outcome_concepts=frozenset(raw["outcome_concepts"]),
        group_concepts=frozenset(raw["group_concepts"]),
        scales={
            unit: (str(target), float(factor), float(spread))
            for unit, (target, factor, spread) in raw["scales"].items()
        },
        compound_units=tuple((str(a), str(b)) for a, b in raw["compound_units"]),
        spans_not_compared=frozenset(raw["spans_not_compared"]),
    )


def concept_family(quantity: str) -> str:
    """``"nationals:IN"`` belongs to ``"nationals"``."""
    return quantity.partition(":")[0]


# Babel's territory codes of countries are two letters; "001" (World) and "EU" are regions.
COUNTRY_CODE = re.compile(r"[A-Z]{2}")
# A demonym is the country's name plus a short ending ("India" → "Indians", "भारत" →
# "भारतीय", "Россия" → "россиян"); a longer word is another word ("individuals").
DEMONYM_ENDING_CHARS = 4
# A name's last letter, when a vowel, is dropped before the ending ("Россия" → "россиян",
# "अमेरिका" → "अमेरिकी"), only in names long enough that the rest is still the name: "Chile"
# cut to "chil" would read "children" as Chileans.
MIN_CUT_NAME = 6
FINAL_VOWELS = frozenset("aeiouyаяеиоыюьाीेोािैौাীেোয়اةهی")


@cache
def country_names(code: str) -> tuple[tuple[str, str, str], ...]:
    """(name, stem, country code) of every one-word country name in the language's CLDR data
    (babel): "5 Indians", "५ भारतीय" and "4名印度公民" count nationals of one country, from
    data rather than a hand list per country."""
    from babel import Locale, UnknownLocaleError

    try:
        territories = Locale.parse(code).territories
    except (UnknownLocaleError, ValueError):
        return ()
    unspaced = lang.pack(code).unspaced
    names = []
    for country, name in territories.items():
        if not COUNTRY_CODE.fullmatch(country) or (" " in name and not unspaced):
            continue
        lowered = name.lower()
        cut = len(lowered) >= MIN_CUT_NAME and lowered[-1] in FINAL_VOWELS
        stem = lowered[:-1] if cut else lowered
        names.append((lowered, stem, country))
    return tuple(sorted(names, key=lambda item: -len(item[0])))


def nationality(code: str, word: str) -> str | None:
    """The country whose nationals ``word`` names ("indians" → "IN"), if any."""
    for name, stem, country in country_names(code):
        short = len(word) <= len(name) + DEMONYM_ENDING_CHARS
        if word != name and short and word.startswith(stem):
            return country
    return None

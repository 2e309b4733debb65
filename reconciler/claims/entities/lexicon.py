"""Per-language word lists (titles, speech verbs, case endings, place cues): the
``entities.json`` supplement of each language pack (reconciler.lang).

Pages whose language is not known are read with the merged lists of every language written
in the page's script.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache, cached_property
from typing import Any

from reconciler import lang

_SUPPLEMENT = "entities"

#: Where titles match by stem (Russian "министр" → "министра"), the most letters a case
#: ending adds to a title word.
STEM_ENDING = 4
#: An organisation word this short ("tv", "un") matches only a whole word.
MIN_ORG_PREFIX = 2


@dataclass(frozen=True)
class Lexicon:
    script: str
    titles: tuple[str, ...] = ()
    nationality_words: tuple[str, ...] = ()
    speech_verbs: tuple[str, ...] = ()
    meeting_cues: tuple[str, ...] = ()
    stop_words: frozenset[str] = frozenset()
    case_suffixes: tuple[str, ...] = ()
    suffixes_after_vowel: frozenset[str] = frozenset()
    suffixes_after_consonant: frozenset[str] = frozenset()
    name_case_rules: tuple[tuple[str, str], ...] = ()
    clitic_prefixes: tuple[str, ...] = ()
    place_prepositions: tuple[str, ...] = ()
    place_postpositions: tuple[str, ...] = ()
    locative_suffixes: tuple[str, ...] = ()
    settlement_words: tuple[str, ...] = ()
    org_words: tuple[str, ...] = ()
    absence_cues: tuple[str, ...] = ()
    replacement_cues: tuple[str, ...] = ()
    substitute_cues: tuple[str, ...] = ()
    greeting_cues: tuple[str, ...] = ()
    attendance_cues: tuple[str, ...] = ()
    virtual_cues: tuple[str, ...] = ()
    byline_cues: tuple[str, ...] = ()
    venue_words: tuple[str, ...] = ()
    name_boundaries: tuple[str, ...] = ()
    name_prefix_boundaries: tuple[str, ...] = ()
    dateline_patterns: tuple[str, ...] = ()
    non_names: frozenset[str] = frozenset()
    non_name_words: frozenset[str] = frozenset()
    stem_match: bool = False
    title_skip: int = 0  # words a name may stand from its title ("министр иностранных дел России")
    postpositional: bool = False  # "X-র বদলে" (bn) vs "instead of X" (en)
    place_words: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()  # between a title and a name: "নির্বাচিত" (elected)
    relative_cues: frozenset[str] = frozenset()  # "70 km north of Berlin" is not in Berlin
    other_day_cues: tuple[str, ...] = ()  # "la veille, à Dresde": another stop of a trip
    origin_cues: tuple[str, ...] = ()  # "arriving from X": where someone came from
    title_complements: frozenset[str] = frozenset()  # "mayor of X": X is a place, not a name
    titles_after: tuple[str, ...] = ()  # "윤석열 대통령": a title written after the name
    conjunctions: tuple[str, ...] = ()  # "Presidents X and Y": the second name shares the title

    @cached_property
    def org_prefixes(self) -> tuple[str, ...]:
        """Organisation words a word may begin with ("ministry" → "ministry's"); shorter
        ones ("tv", "un") must be the whole word."""
        return tuple(word for word in self.org_words if len(word) > MIN_ORG_PREFIX)

    @cached_property
    def titles_by_first_word(self) -> Mapping[str, tuple[tuple[int, tuple[str, ...]], ...]]:
        """First word of a title → (its place in ``titles``, its words): a token is checked
        against the few titles that can start with it, never against the whole list."""
        index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for order, title in enumerate(self.titles):
            parts = tuple(title.split())
            if parts:
                index.setdefault(parts[0], []).append((order, parts))
        return {head: tuple(entries) for head, entries in index.items()}


def _by_length(words: list[str]) -> tuple[str, ...]:
    """Longest first, so "foreign minister" wins over "minister"."""
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def _from_json(raw: Mapping[str, Any]) -> Lexicon:
    values: dict[str, Any] = {}
    for spec in fields(Lexicon):
        if spec.name not in raw:
            continue
        value = raw[spec.name]
        if spec.name in ("script", "stem_match", "postpositional", "title_skip"):
            values[spec.name] = value
        elif spec.name == "name_case_rules":
            values[spec.name] = tuple(tuple(rule) for rule in value)
        elif "frozenset" in str(spec.type):
            values[spec.name] = frozenset(value)
        else:
            values[spec.name] = _by_length(list(value))
    return Lexicon(**values)


def _raw(code: str) -> Mapping[str, Any]:
    return lang.pack(code).supplement(_SUPPLEMENT)


@cache
def languages() -> tuple[str, ...]:
    return tuple(code for code in lang.codes() if _raw(code))


def _merge(lexicons: list[Lexicon], script: str) -> Lexicon:
    values: dict[str, Any] = {"script": script}
    for spec in fields(Lexicon):
        if spec.name in ("script",):
            continue
        parts = [getattr(lexicon, spec.name) for lexicon in lexicons]
        if spec.name in ("stem_match", "postpositional"):
            values[spec.name] = any(parts)
        elif spec.name == "title_skip":
            values[spec.name] = max(parts)
        elif "frozenset" in str(spec.type):
            values[spec.name] = frozenset().union(*parts)
        elif spec.name == "name_case_rules":
            values[spec.name] = tuple(rule for part in parts for rule in part)
        else:
            values[spec.name] = _by_length([word for part in parts for word in part])
    return Lexicon(**values)


@cache
def lexicon_for(language: str, script: str) -> Lexicon:
    """The page language's lexicon when there is one, else every lexicon of its script."""
    base = language.split("-")[0].lower()
    if base in languages() and _raw(base)["script"] == script:
        return _from_json(_raw(base))
    same_script = [_from_json(_raw(code)) for code in languages() if _raw(code)["script"] == script]
    return _merge(same_script, script) if same_script else Lexicon(script=script)


@cache
def chinese_surnames() -> frozenset[str]:
    return frozenset(_raw("zh")["chinese_surnames"])


@cache
def name_particles() -> frozenset[str]:
    return frozenset(lang.common(_SUPPLEMENT)["name_particles"])


@cache
def inner_name_particles() -> frozenset[str]:
    """Lower-case words inside a Latin-script name between capitals ("van", "bin", "de")."""
    return frozenset(lang.common(_SUPPLEMENT)["inner_name_particles"])


@cache
def _article_prefixed() -> re.Pattern[str]:
    prefixes = "|".join(map(re.escape, lang.common(_SUPPLEMENT)["article_prefixes"]))
    return re.compile(rf"(?:{prefixes})-[A-Z]")


def article_prefixed(word: str) -> bool:
    """An Arabic article written onto a romanised name: "al-Sudani", "ad-Dawla"."""
    return _article_prefixed().match(word) is not None


@cache
def calendar_words() -> frozenset[str]:
    """Month names of the Hijri and Bengali calendars (CLDR gives the Gregorian ones)."""
    return frozenset(word.casefold() for word in lang.common(_SUPPLEMENT)["calendar_words"])

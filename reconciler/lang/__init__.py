"""Language packs: everything the pipeline knows about one language, as data in one folder.

``reconciler/lang/<code>/`` holds ``generated.json`` (written by ``reconciler.lang.build``
from CLDR via babel, num2words and dateparser's locale data: never edit it by hand) and
hand-written supplements beside it, one file per stage (``entities.json``, ``numbers.json``,
``quotes.json``, ...). A language is supported when its folder exists: the packs are found
by scanning this folder, so adding a language touches no Python. ``_common/`` holds data
shared by every language and is not a language.

The API below is stable: ``codes()``, ``pack(code)``, ``LanguagePack`` and ``common(name)``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

__all__ = [
    "GENERATED",
    "UNSPACED_SCRIPTS",
    "LanguagePack",
    "TimeWords",
    "codes",
    "common",
    "pack",
]

#: The generated part of a pack; every other ``*.json`` beside it is a hand-written supplement.
GENERATED = "generated.json"

#: ISO 15924 scripts written without spaces between words (Chinese, Japanese, Thai, ...).
UNSPACED_SCRIPTS = frozenset({"Hani", "Hans", "Hant", "Jpan", "Thai", "Laoo", "Khmr", "Mymr"})


@dataclass(frozen=True)
class TimeWords:
    """What counts a distance in time ("3 giorni fa", "tra due settimane")."""

    units: Mapping[str, tuple[str, ...]]  # "day" | "week" | "month" | "year" → its words
    ago: tuple[str, ...]  # "fa", "ago", "назад"
    within: tuple[str, ...]  # "tra", "in", "через"
    # (sign, unit) → regular expressions of a counted distance, the count as group 1:
    # (-1, "day"): "(\d++[.,]?\d*+) giorni fa"
    counted: Mapping[tuple[int, str], tuple[str, ...]]


@dataclass(frozen=True)
class LanguagePack:
    """One language's data. Word forms are lower case (``str.lower``), longest first.

    ``months[0]`` are the forms of January, ``weekdays[0]`` those of Monday. ``relative_days``
    maps a day offset (-1 yesterday, 0 today, 1 tomorrow) to its words, ``relative_units`` the
    same for "week", "month" and "year" (-1 "last month"); ``day_periods`` maps
    a CLDR period ("am", "pm", "morning", "evening", "night", "noon", "midnight", ...) to its
    words. ``cardinals``/``ordinals`` map a number word to its value (empty where no source
    covers the language).
    """

    code: str
    script: str  # ISO 15924 from CLDR's likely subtags: "Latn", "Deva", "Kore", "Jpan", ...
    decimal_comma: bool  # CLDR's decimal sign is ","
    months: tuple[tuple[str, ...], ...]
    weekdays: tuple[tuple[str, ...], ...]
    day_periods: Mapping[str, tuple[str, ...]]
    relative_days: Mapping[int, tuple[str, ...]]
    relative_units: Mapping[str, Mapping[int, tuple[str, ...]]]
    time_words: TimeWords
    cardinals: Mapping[str, int]
    ordinals: Mapping[str, int]
    supplements: Mapping[str, Mapping[str, Any]]  # "entities" → the parsed entities.json

    @property
    def unspaced(self) -> bool:
        """Words run together without spaces (Chinese, Japanese, Thai)."""
        return self.script in UNSPACED_SCRIPTS

    def supplement(self, name: str) -> Mapping[str, Any]:
        """The hand-written ``<name>.json`` of this pack; empty when the pack has none."""
        return self.supplements.get(name, MappingProxyType({}))


def _root() -> Traversable:
    return files(__package__)


def _read(entry: Traversable) -> Mapping[str, Any]:
    data: dict[str, Any] = json.loads(entry.read_text(encoding="utf-8"))
    return MappingProxyType(data)


@cache
def codes() -> tuple[str, ...]:
    """Every language with a pack, sorted; found by scanning the folders beside this file."""
    return tuple(
        sorted(
            entry.name
            for entry in _root().iterdir()
            if entry.is_dir() and not entry.name.startswith("_") and (entry / GENERATED).is_file()
        )
    )


def _forms(groups: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(group) for group in groups)


def _by_offset(words: Mapping[str, list[str]]) -> Mapping[int, tuple[str, ...]]:
    return MappingProxyType({int(offset): tuple(forms) for offset, forms in words.items()})


def _time_words(words: Mapping[str, Any]) -> TimeWords:
    counted = {}
    for key, patterns in words["counted"].items():
        sign, unit = key.split()
        counted[int(sign), unit] = tuple(patterns)
    return TimeWords(
        units=MappingProxyType({unit: tuple(forms) for unit, forms in words["units"].items()}),
        ago=tuple(words["ago"]),
        within=tuple(words["in"]),
        counted=MappingProxyType(counted),
    )


@cache
def pack(code: str) -> LanguagePack:
    """The pack of ``code`` (an ISO 639 code, "pt-BR" reads "pt"); KeyError when there is none."""
    base = code.split("-")[0].split("_")[0].lower()
    if base not in codes():
        raise KeyError(f"no language pack for {code!r}")
    folder = _root() / base
    generated = _read(folder / GENERATED)
    supplements = {
        entry.name.removesuffix(".json"): _read(entry)
        for entry in folder.iterdir()
        if entry.name.endswith(".json") and entry.name != GENERATED
    }
    return LanguagePack(
        code=base,
        script=str(generated["script"]),
        decimal_comma=bool(generated["decimal_comma"]),
        months=_forms(generated["months"]),
        weekdays=_forms(generated["weekdays"]),
        day_periods=MappingProxyType(
            {period: tuple(words) for period, words in generated["day_periods"].items()}
        ),
        relative_days=_by_offset(generated["relative_days"]),
        relative_units=MappingProxyType(
            {unit: _by_offset(offsets) for unit, offsets in generated["relative_units"].items()}
        ),
        time_words=_time_words(generated["time_words"]),
        cardinals=MappingProxyType(dict(generated["cardinals"])),
        ordinals=MappingProxyType(dict(generated["ordinals"])),
        supplements=MappingProxyType(supplements),
    )


@cache
def common(name: str) -> Mapping[str, Any]:
    """Data shared by all languages: ``_common/<name>.json``."""
    return _read(_root() / "_common" / f"{name}.json")

"""Date words of one language from its language pack's generated part (CLDR through babel,
dateparser's locale data, num2words: see ``reconciler.lang.build``): month and weekday
names, and relative words ("today", "last month", "3 days ago") as shifts.

A language gets these words by having a pack folder, nothing else. They are used only when
a page's language is known, because their short forms ("ma" is "today" in Hungarian, "but"
in Italian) would misfire in every other language.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import regex

from reconciler import lang as packs
from reconciler.calendars import name_key
from reconciler.claims.dates.settings import SETTINGS

UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Shift:
    """A distance from the page's day: ``count`` ``unit``s, negative into the past."""

    count: int
    unit: str  # one of UNITS


@dataclass(frozen=True)
class LocaleWords:
    months: dict[str, int]  # name_key(name) → 1..12
    weekdays: dict[str, int]  # name_key(name) → 0 (Monday)..6
    shifts: dict[str, Shift]  # "oggi", "mese scorso"
    # ("(\d+) giorni fa", sign, unit): a number of units before (-1) or after (+1)
    counted: tuple[tuple[str, int, str], ...]
    units: dict[str, str]  # "महीने" → "month": after "last", "this", "next"
    # Abbreviations ("des", "set"): common words elsewhere ("des del 2017": since 2017)
    abbreviations: frozenset[str]
    numbers: dict[str, int]  # "three" → 3


_EMPTY = LocaleWords({}, {}, {}, (), {}, frozenset(), {})


def _letters(form: str) -> int:
    """Letters and vowel signs: মাস is three, as it is read."""
    return sum(char.isalpha() or unicodedata.category(char).startswith("M") for char in form)


def _is_cjk(form: str) -> bool:
    return any("\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" for char in form)


@cache
def locale_words(lang: str | None) -> LocaleWords:
    """The words of ``lang`` (an ISO 639 code with a pack); empty for an undetermined
    language or one without a pack."""
    try:
        pack = packs.pack(lang or "")
    except KeyError:
        return _EMPTY
    months = {
        name_key(form): number
        for number, forms in enumerate(pack.months, start=1)
        for form in forms
        if _letters(form) >= SETTINGS.min_month_letters
    }
    weekdays = {
        name_key(form): number
        for number, forms in enumerate(pack.weekdays)
        for form in forms
        if _letters(form)
        >= (SETTINGS.min_weekday_letters_cjk if _is_cjk(form) else SETTINGS.min_weekday_letters)
    }
    time_words = pack.time_words
    units = {
        name_key(form): unit
        for unit in UNITS[1:]
        for form in time_words.units.get(unit, ())
        if _letters(form) >= SETTINGS.min_month_letters or _is_cjk(form)
    }
    # An abbreviation is the start of a longer form of its month ("set" of "settembre").
    abbreviations = frozenset(
        name_key(form)
        for forms in pack.months
        for form in forms
        if any(other != form and name_key(other).startswith(name_key(form)) for other in forms)
    )
    numbers = {
        name_key(word): number
        for word, number in pack.cardinals.items()
        if number in SETTINGS.number_words
    }
    relative = {"day": pack.relative_days, **pack.relative_units}
    counted = tuple(
        (name_key(pattern), sign, unit)
        for (sign, unit), patterns in time_words.counted.items()
        for pattern in patterns
    )
    return LocaleWords(
        months=months,
        weekdays=weekdays,
        shifts=_shifts(relative),
        counted=counted + _spelled_out(time_words, numbers),
        units=units,
        abbreviations=abbreviations,
        numbers=numbers,
    )


def _spelled_out(
    time_words: packs.TimeWords, numbers: dict[str, int]
) -> tuple[tuple[str, int, str], ...]:
    """ "N unit ago" built from the language's unit words and its "ago" and "in" words, both
    orders ("3 dni temu", "vor drei Tagen", "через 2 дня"): dateparser's patterns miss
    plural forms ("dni") and number words."""
    number = "(" + "|".join([r"\d+", *(regex.escape(word) for word in numbers)]) + ")"

    def words(forms: Iterable[str]) -> str:
        keys = sorted({name_key(form) for form in forms}, key=len, reverse=True)
        return "(?:" + "|".join(regex.escape(form).replace(r"\ ", r"\s+") for form in keys) + ")"

    found = []
    for unit in UNITS:
        if not time_words.units.get(unit):
            continue
        amount = rf"{number}\s*{words(time_words.units[unit])}"
        if time_words.ago:
            found.append((rf"{amount}\s+{words(time_words.ago)}", -1, unit))
            found.append((rf"{words(time_words.ago)}\s+{amount}", -1, unit))
        if time_words.within:
            found.append((rf"{words(time_words.within)}\s+{amount}", 1, unit))
    return tuple(found)


def _shifts(relative: dict[str, Mapping[int, tuple[str, ...]]]) -> dict[str, Shift]:
    """Each word's shift from today: "oggi" (0, day), "mese scorso" (-1, month)."""
    meanings: dict[str, set[Shift]] = {}
    for unit, offsets in relative.items():
        for count, forms in offsets.items():
            for form in forms:
                meanings.setdefault(name_key(form), set()).add(Shift(count, unit))
    # A word with two meanings (Hindi कल: yesterday and tomorrow) is left to tense.
    return {form: next(iter(shift)) for form, shift in meanings.items() if len(shift) == 1}

"""Date words of one language from dateparser's locale data (drawn from CLDR): month and
weekday names, and relative words ("today", "last month", "3 days ago") as shifts.

Read, not copied: dateparser is a dependency and keeps these tables for ~200 languages.
They are used only when a page's language is known, because their short forms ("ma" is
"today" in Hungarian, "but" in Italian) would misfire in every other language.
"""

from __future__ import annotations

import importlib
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
from num2words import num2words

from reconciler.calendars import name_key


@dataclass(frozen=True)
class LocaleSettings:
    # Number words read in "two weeks ago" (num2words spells them): 2-12, as far as news
    # counts days, weeks and months in words; "one" is too often an article ("un", "en").
    number_words: range = range(2, 13)
    # "2014 року" is a year, not "in 2014 years": a count of units has at most three digits
    max_count: int = 999
    # Shortest month form kept: "mai", "okt" stay, the single letters of some locales go.
    # Set on tests/dates/date_table.tsv (two-letter forms added no right answer).
    min_month_letters: int = 3
    # A weekday alone makes a date claim, so its abbreviations ("lun", "pzt", "mån") are
    # left out: five letters drop every abbreviation of tests/dates/date_table.tsv's languages.
    min_weekday_letters: int = 5
    min_weekday_letters_cjk: int = 2  # 月曜日, 월요일; a bare 月 is the month sign


SETTINGS = LocaleSettings()
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("day", "week", "month", "year")
_RELATIVE_KEY = regex.compile(r"(?P<in>in )?(?P<count>\d+) (?P<unit>day|week|month|year)(?: ago)?")
_CODE = regex.compile(r"[a-z]{2,3}")


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
    """The words of ``lang`` (ISO 639-1/3); empty for an unknown or undetermined language."""
    if not lang or not _CODE.fullmatch(lang):
        return _EMPTY
    try:
        module = importlib.import_module(f"dateparser.data.date_translation_data.{lang}")
    except ImportError:
        return _EMPTY
    info: dict[str, Any] = module.info
    months = {
        name_key(form): number
        for number, key in enumerate(_MONTHS, start=1)
        for form in info.get(key, ())
        if _letters(form) >= SETTINGS.min_month_letters and not form.isupper()
    }
    weekdays = {
        name_key(form): number
        for number, key in enumerate(_WEEKDAYS)
        for form in info.get(key, ())
        if _letters(form)
        >= (SETTINGS.min_weekday_letters_cjk if _is_cjk(form) else SETTINGS.min_weekday_letters)
    }
    units = {
        name_key(form): unit
        for unit in UNITS[1:]
        for form in info.get(unit, ())
        if _letters(form) >= SETTINGS.min_month_letters or _is_cjk(form)
    }
    # An abbreviation is the start of a longer form of its month ("set" of "settembre").
    abbreviations = frozenset(
        name_key(form)
        for key in _MONTHS
        for form in info.get(key, ())
        if any(other != form and name_key(other).startswith(name_key(form)) for other in info[key])
    )
    numbers = _number_words(lang)
    return LocaleWords(
        months=months,
        weekdays=weekdays,
        shifts=_shifts(info.get("relative-type", {})),
        counted=_counted(info.get("relative-type-regex", {})) + _spelled_out(info, numbers),
        units=units,
        abbreviations=abbreviations,
        numbers=numbers,
    )


def _number_words(lang: str) -> dict[str, int]:
    try:
        return {name_key(num2words(n, lang=lang)): n for n in SETTINGS.number_words}
    except (NotImplementedError, OverflowError):
        return {}


def _spelled_out(info: dict[str, Any], numbers: dict[str, int]) -> tuple[tuple[str, int, str], ...]:
    """ "N unit ago" built from the locale's unit words and its "ago" and "in" words, both
    orders ("3 dni temu", "vor drei Tagen", "через 2 дня"): its own patterns miss plural
    forms ("dni") and number words."""
    number = "(" + "|".join([r"\d+", *(regex.escape(word) for word in numbers)]) + ")"

    def words(key: str) -> str:
        forms = sorted({name_key(form) for form in info.get(key) or ()}, key=len, reverse=True)
        return "(?:" + "|".join(regex.escape(form).replace(r"\ ", r"\s+") for form in forms) + ")"

    found = []
    for unit in UNITS:
        if not info.get(unit):
            continue
        amount = rf"{number}\s*{words(unit)}"
        if info.get("ago"):
            found.append((rf"{amount}\s+{words('ago')}", -1, unit))
            found.append((rf"{words('ago')}\s+{amount}", -1, unit))
        if info.get("in"):
            found.append((rf"{words('in')}\s+{amount}", 1, unit))
    return tuple(found)


def _shifts(relative: dict[str, list[str]]) -> dict[str, Shift]:
    meanings: dict[str, set[Shift]] = {}
    for key, forms in relative.items():
        found = _RELATIVE_KEY.fullmatch(key)
        if found is None:
            continue  # hours, minutes, seconds: no date
        count = int(found["count"]) * (1 if found["in"] else -1)
        for form in forms:
            meanings.setdefault(name_key(form), set()).add(Shift(count, found["unit"]))
    # A word with two meanings (Hindi कल: yesterday and tomorrow) is left to tense.
    return {form: next(iter(shift)) for form, shift in meanings.items() if len(shift) == 1}


def _counted(relative: dict[str, list[str]]) -> tuple[tuple[str, int, str], ...]:
    found: list[tuple[str, int, str]] = []
    for key, patterns in relative.items():
        meaning = regex.fullmatch(r"(?P<in>in )?\\1 (?P<unit>day|week|month|year)(?: ago)?", key)
        if meaning is None:
            continue
        sign = 1 if meaning["in"] else -1
        found.extend((name_key(pattern), sign, meaning["unit"]) for pattern in patterns)
    return tuple(found)

r"""Write the generated part of the language packs (``<code>/generated.json``).

    python -m reconciler.lang.build          # regenerate every pack that exists
    python -m reconciler.lang.build tr sw    # also create the packs of Turkish and Swahili

Sources, all offline and pinned by the installed package versions recorded in the file:
CLDR through babel (month and weekday names in every context and width, day periods,
relative day, week, month and year words, the decimal sign, the script), num2words (number
words) and dateparser's locale data (more month, weekday and relative spellings, the words
of the units of time, its patterns of a counted distance: "(\d+) giorni fa"). The
hand-written supplements beside ``generated.json`` are never touched.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Iterable
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError, numbers
from babel.core import get_global
from num2words import CONVERTER_CLASSES, num2words

from reconciler.lang import GENERATED, UNSPACED_SCRIPTS, codes

_FOLDER = Path(__file__).parent
_SOURCES = ("babel", "num2words", "dateparser")

# Where num2words names a language by its macrolanguage: Norwegian Bokmål is "no" there.
_NUM2WORDS_CODE = {"nb": "no"}

# "one" is mostly a pronoun or an article ("one of them", "un", "ein"), never a count word;
# ordinals start at "first", which is never ambiguous.
_FIRST_CARDINAL = 2
_FIRST_ORDINAL = 1
_LARGEST_NUMBER_WORD = 100

# One character is a syllable, a particle or a word of its own in every script ("a", "月",
# "월"), never a date word; dateparser also lists two-letter stubs ("Oc", "Şu") used only in
# its own fuzzy parsing, ordinary syllables in running text, so in spaced scripts its forms
# need three. Unspaced scripts (CJK) keep dateparser's two-character forms ("周一").
_MIN_FORM = 2
_MIN_DATEPARSER_FORM = 3
# Bracketed forms ("(月)") are table headers of a calendar, not words of a sentence.
_BRACKETS = frozenset("()（）[]")


# dateparser's locale data names months and weekdays by their English names.
_ENGLISH = Locale("en")
_CONTEXTS = ("format", "stand-alone")
_WIDTHS = ("wide", "abbreviated")
_UNITS = ("day", "week", "month", "year")
# dateparser's keys: "1 week ago", "in 1 month", "0 year ago"; "\1 day ago" for a pattern.
_RELATIVE_PHRASE = re.compile(r"(?P<in>in )?(?P<count>\d+) (?P<unit>day|week|month|year)(?: ago)?")
_COUNTED_PHRASE = re.compile(r"(?P<in>in )?\\1 (?P<unit>day|week|month|year)(?: ago)?")
_PERIOD_NUMBER = re.compile(r"\d+$")


def versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in _SOURCES}


def _ordered(words: Iterable[str], shortest: int = _MIN_FORM) -> list[str]:
    """Lower case, no duplicates, longest first (a name never loses to its own prefix)."""
    unique = {
        form
        for word in words
        if len(form := word.strip().lower()) >= shortest and not _BRACKETS.intersection(form)
    }
    return sorted(unique, key=lambda word: (-len(word), word))


def _with_and_without_dot(words: Iterable[str]) -> list[str]:
    return [form for word in words for form in (word, word.rstrip("."))]


def _dateparser_info(code: str) -> dict[str, Any]:
    name = f"dateparser.data.date_translation_data.{code}"
    if find_spec(name) is None:
        return {}
    info: dict[str, Any] = importlib.import_module(name).info
    return info


def _dateparser_forms(info: dict[str, Any], key: str, script: str) -> list[str]:
    """Its month or weekday names; an all-capital form is a numeral (Hungarian "III")."""
    shortest = _MIN_FORM if script in UNSPACED_SCRIPTS else _MIN_DATEPARSER_FORM
    return [form for form in info.get(key, []) if len(form) >= shortest and not form.isupper()]


def _babel_names(table: Any, key: int) -> list[str]:
    return [
        table[context][width][key]
        for context in _CONTEXTS
        for width in _WIDTHS
        if key in table[context][width]
    ]


def _months(locale: Locale, info: dict[str, Any], script: str) -> list[list[str]]:
    return [
        _ordered(
            _with_and_without_dot(_babel_names(locale.months, number))
            + _dateparser_forms(info, _ENGLISH.months["format"]["wide"][number].lower(), script)
        )
        for number in range(1, 13)
    ]


def _weekdays(locale: Locale, info: dict[str, Any], script: str) -> list[list[str]]:
    return [
        _ordered(
            _with_and_without_dot(_babel_names(locale.days, day))
            + _dateparser_forms(info, _ENGLISH.days["format"]["wide"][day].lower(), script)
        )
        for day in range(7)
    ]


def _day_periods(locale: Locale, info: dict[str, Any]) -> dict[str, list[str]]:
    periods: dict[str, list[str]] = {}
    for context in _CONTEXTS:
        for width in _WIDTHS:
            for period, word in locale.day_periods[context][width].items():
                periods.setdefault(_PERIOD_NUMBER.sub("", period), []).append(word)
    for period in ("am", "pm"):
        periods.setdefault(period, []).extend(info.get(period, []))
    ordered = {period: _ordered(words) for period, words in sorted(periods.items())}
    return {period: words for period, words in ordered.items() if words}


def _relative(locale: Locale, info: dict[str, Any], unit: str) -> dict[str, list[str]]:
    """Words for the ``unit`` (day, week, ...) that many units from today: -1 "mese scorso",
    0 "questo mese", 1 "mese prossimo" (CLDR's, and dateparser's "N unit ago" phrases)."""
    found: dict[int, list[str]] = {}
    fields = locale._data["date_fields"]
    for width in (unit, f"{unit}-short"):
        for offset, word in fields[width].get("relative", {}).items():
            found.setdefault(int(offset), []).append(word)
    for phrase, words in info.get("relative-type", {}).items():
        meaning = _RELATIVE_PHRASE.fullmatch(phrase)
        if meaning is not None and meaning["unit"] == unit:
            count = int(meaning["count"]) * (1 if meaning["in"] else -1)
            found.setdefault(count, []).extend(words)
    ordered = {str(offset): _ordered(words) for offset, words in sorted(found.items())}
    return {offset: words for offset, words in ordered.items() if words}


def _relative_days(locale: Locale, info: dict[str, Any]) -> dict[str, list[str]]:
    return _relative(locale, info, "day")


def _time_words(info: dict[str, Any]) -> dict[str, Any]:
    r"""What counts a distance in time: each unit's words ("settimana", "settimane"), the
    "ago" and "in" words, dateparser's patterns of a counted distance by sign and unit
    ("-1 day": "(\d+) giorni fa"), and the words of a week, month or year from today. Unit
    words keep single characters (天, 日, "g"): they are read only beside a number or a
    relative word."""
    counted: dict[str, list[str]] = {}
    for phrase, patterns in sorted(info.get("relative-type-regex", {}).items()):
        meaning = _COUNTED_PHRASE.fullmatch(phrase)
        if meaning is not None:
            sign = "1" if meaning["in"] else "-1"
            counted[f"{sign} {meaning['unit']}"] = sorted(set(patterns))
    return {
        "units": {unit: _ordered(info.get(unit, ()), shortest=1) for unit in _UNITS},
        "ago": _ordered(info.get("ago", ()), shortest=1),
        "in": _ordered(info.get("in", ()), shortest=1),
        "counted": counted,
    }


def _number_words(code: str, kind: str) -> dict[str, int]:
    """Inverse of num2words; empty where num2words lacks the language or writes ordinals as
    cardinals (Bengali)."""
    lang = _NUM2WORDS_CODE.get(code, code)
    if lang not in CONVERTER_CLASSES:
        return {}
    first = _FIRST_ORDINAL if kind == "ordinal" else _FIRST_CARDINAL
    table: dict[str, int] = {}
    for number in range(first, _LARGEST_NUMBER_WORD + 1):
        try:
            word = num2words(number, lang=lang, to=kind).lower()
            if kind == "ordinal" and word == num2words(number, lang=lang).lower():
                return {}
        except (NotImplementedError, KeyError, ValueError, AttributeError, OverflowError):
            return {}
        table[word] = number
    return table


def generate(code: str) -> dict[str, Any]:
    """The generated part of ``code``'s pack, as it is written to ``generated.json``."""
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError) as error:
        raise SystemExit(f"{code}: CLDR (babel) has no locale for this code ({error})") from None
    script = get_global("likely_subtags")[code].split("_")[1]
    info = _dateparser_info(code)
    return {
        "sources": versions(),
        "script": script,
        "decimal_comma": numbers.get_decimal_symbol(locale) == ",",
        "months": _months(locale, info, script),
        "weekdays": _weekdays(locale, info, script),
        "day_periods": _day_periods(locale, info),
        "relative_days": _relative_days(locale, info),
        "relative_units": {unit: _relative(locale, info, unit) for unit in _UNITS[1:]},
        "time_words": _time_words(info),
        "cardinals": _number_words(code, "cardinal"),
        "ordinals": _number_words(code, "ordinal"),
    }


def render(code: str) -> str:
    return json.dumps(generate(code), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> None:
    for code in sorted(set(codes()) | set(argv)):
        folder = _FOLDER / code
        folder.mkdir(exist_ok=True)
        (folder / GENERATED).write_text(render(code), encoding="utf-8")
        print(f"{code}: {folder / GENERATED}")


if __name__ == "__main__":
    main(sys.argv[1:])

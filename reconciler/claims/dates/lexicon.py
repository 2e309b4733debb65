"""Per-language date words (data/<lang>.json) and month names (reconciler.calendars),
merged into the patterns the span finder uses.

Every language's words go into one set of patterns: a page's language need not be known, and
the names of different languages do not collide once a month name must stand next to a day
or a year.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from reconciler.calendars import MonthName, era_words, month_names, name_key
from reconciler.text import ascii_digits

LANGUAGES = ("bn", "hi", "ne", "ur", "fa", "en", "ru", "zh", "ar", "es", "fr", "de")

# Letters and combining marks: Bengali and Devanagari vowel signs are marks, so ``\b``
# alone would split a word like মঙ্গলবার in the middle.
_BEFORE = r"(?<![\p{L}\p{M}])"
_AFTER = r"(?:(?<=[\u3400-\u9fff])|(?![\p{L}\p{M}]))"  # Chinese runs words together


# The text layer's digit normaliser: every decimal digit as ASCII, offsets kept.
to_ascii_digits = ascii_digits


def fold(text: str) -> str:
    """Lower case, one character for one (a case-blind regex is twice as slow, measured)."""
    return "".join(lower if len(lower := char.lower()) == 1 else char for char in text)


# Nukta letters are typed both ways (য় as one code point or as য + ়); NFC keeps them
# decomposed, so the patterns hold both spellings and lookups use name_key (NFC).
_PRECOMPOSED = {
    unicodedata.normalize("NFD", char): char
    for char in "\u09dc\u09dd\u09df\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f"
}


def _spellings(word: str) -> set[str]:
    written = unicodedata.normalize("NFC", word)
    precomposed = written
    for pair, char in _PRECOMPOSED.items():
        precomposed = precomposed.replace(pair, char)
    return {written, precomposed}


@dataclass(frozen=True)
class Lexicon:
    weekdays: dict[str, int]  # lower-cased name → 0 (Monday) .. 6
    months: dict[str, MonthName]
    eras: dict[str, str]
    relative: dict[str, str]  # word → "last" | "this" | "next"
    yesterday: frozenset[str]
    day_periods: dict[str, str]  # word → "am" | "pm" | "night"
    time_zones: dict[str, str]  # name → UTC offset ("" when the zone is only "local")
    hour_words: tuple[str, ...]
    minute_words: tuple[str, ...]
    word_suffixes: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    year_words: tuple[str, ...]
    connectors: tuple[str, ...]
    # "said", "জানিয়েছে", "ने बताया": a date beside one is the day it was told
    reporting: tuple[str, ...]
    background: tuple[str, ...]  # "earlier", "ago", "last year": a date beside one is history
    # Weekday names that are also common words (Urdu ہفتے: Saturday and "week"): a weekday
    # only right before one of ``guard_after`` or a date, never after one of ``guard_before``.
    guarded_weekdays: frozenset[str]
    guard_after: tuple[str, ...]
    guard_before: tuple[str, ...]


def _alternation(words: Iterable[str], bounded: bool = True) -> str:
    """Longest first, so that a name is never cut short by its own prefix; Chinese words
    take no word boundary."""
    ordered = sorted({form for word in words for form in _spellings(word)}, key=len, reverse=True)
    spaced = [regex.escape(word).replace(r"\ ", r"\s+") for word in ordered]
    cjk = [escaped for word, escaped in zip(ordered, spaced, strict=True) if _is_cjk(word)]
    other = [escaped for word, escaped in zip(ordered, spaced, strict=True) if not _is_cjk(word)]
    parts = []
    if other:
        parts.append((_BEFORE if bounded else "") + "(?:" + "|".join(other) + ")")
    if cjk:
        parts.append("(?:" + "|".join(cjk) + ")")
    return "(?:" + "|".join(parts) + ")"


def _is_cjk(word: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in word)


@cache
def lexicon() -> Lexicon:
    weekdays: dict[str, int] = {}
    relative: dict[str, str] = {}
    yesterday: set[str] = set()
    day_periods: dict[str, str] = {}
    time_zones: dict[str, str] = {}
    lists: dict[str, set[str]] = {
        key: set()
        for key in (
            "hour",
            "minute",
            "word_suffixes",
            "ordinal_suffixes",
            "year_words",
            "connectors",
            "reporting",
            "background",
            "guard_after",
            "guard_before",
        )
    }
    guarded: set[str] = set()
    for language in LANGUAGES:
        data = json.loads(
            resources.files(__package__).joinpath(f"data/{language}.json").read_text()
        )
        for index, names in enumerate(data["weekdays"]):
            weekdays.update({name_key(name): index for name in names})
        for kind, words in data["relative"].items():
            if kind == "yesterday":
                yesterday.update(name_key(word) for word in words)
            else:
                relative.update({name_key(word): kind for word in words})
        for kind, words in data["day_periods"].items():
            day_periods.update({name_key(word): kind for word in words})
        time_zones.update(data["time_zones"])
        lists["hour"].update(data["clock_words"]["hour"])
        lists["minute"].update(data["clock_words"]["minute"])
        for key in ("word_suffixes", "ordinal_suffixes", "year_words", "connectors"):
            lists[key].update(data[key])
        for key in ("reporting", "background"):
            lists[key].update(data.get(key, ()))
        guard = data.get("guarded_weekdays", {})
        guarded.update(name_key(name) for name in guard.get("names", ()))
        lists["guard_after"].update(guard.get("after", ()))
        lists["guard_before"].update(guard.get("not_after", ()))
    return Lexicon(
        weekdays=weekdays,
        months=month_names(),
        eras=era_words(),
        relative=relative,
        yesterday=frozenset(yesterday),
        day_periods=day_periods,
        time_zones=time_zones,
        hour_words=tuple(lists["hour"]),
        minute_words=tuple(lists["minute"]),
        word_suffixes=tuple(lists["word_suffixes"]),
        ordinal_suffixes=tuple(lists["ordinal_suffixes"]),
        year_words=tuple(lists["year_words"]),
        connectors=tuple(lists["connectors"]),
        reporting=tuple(sorted(lists["reporting"])),
        background=tuple(sorted(lists["background"])),
        guarded_weekdays=frozenset(guarded),
        guard_after=tuple(sorted(lists["guard_after"])),
        guard_before=tuple(sorted(lists["guard_before"])),
    )


@dataclass(frozen=True)
class Patterns:
    dates: tuple[regex.Pattern[str], ...]
    lunar: regex.Pattern[str]
    weekday: regex.Pattern[str]
    relative: regex.Pattern[str]
    yesterday: regex.Pattern[str]
    clock: regex.Pattern[str]  # 10:19, 6:02pm
    spoken_clock: regex.Pattern[str]  # ২টা ৩৭ মিনিট, 10 बजे: needs a day period before it
    period_before: regex.Pattern[str]
    time_zone: regex.Pattern[str]
    gap: regex.Pattern[str]
    group_gap: regex.Pattern[str]
    reporting: regex.Pattern[str]
    background: regex.Pattern[str]
    guard_after: regex.Pattern[str]  # matched right after a guarded weekday
    guard_before: regex.Pattern[str]  # matched right before one


@cache
def patterns() -> Patterns:
    lex = lexicon()
    suffix = (
        "(?:"
        + "|".join(regex.escape(s) for s in sorted(lex.word_suffixes, key=len, reverse=True))
        + ")?"
    )
    # Arabic news writes both month names: "يوليو/تموز"; the first one decides.
    month = (
        f"(?P<month_name>{_alternation(lex.months)}){suffix}{_AFTER}"
        f"(?:\\s*/\\s*{_alternation(lex.months)}{_AFTER})?"
    )
    ordinal = (
        "(?:"
        + "|".join(regex.escape(s) for s in sorted(lex.ordinal_suffixes, key=len, reverse=True))
        + ")"
    )
    # "১৫ই", "1st", "15." run on; "४ गते" takes a space
    day = rf"(?<![\d.,:/])(?P<day>[0-3]?\d)(?:\s?{ordinal}{_AFTER})?(?![\d%:])"
    year_tail = _alternation([*lex.eras, *lex.year_words])
    year = rf"(?<!\d)(?P<year>[12]\d{{3}})(?![\d%])(?:\s*{year_tail}{_AFTER})?"
    link = r"[\s,]*(?:(?:de|del|of)\s+)?"
    flags = regex.VERSION1  # patterns run on fold(text)
    dates = (
        regex.compile(rf"{day}{link}{month}(?:{link}{year})?", flags),
        regex.compile(rf"{month}\.?\s*{day}(?:,?\s*{year})?", flags),
        regex.compile(rf"{month}\.?,?\s*{year}", flags),
        # Year first: २०८२ साल वैशाख १ गते, ২০২৪ সালের ৫ আগস্ট
        regex.compile(rf"{year}[\s,]+{month}\s*{day}", flags),
        regex.compile(rf"{year}[\s,]+{day}{link}{month}", flags),
        # A year alone only with a year word: "২০২৩ সালে", "2023 году", "2023年"
        regex.compile(
            rf"(?<!\d)(?P<year>(?:1[89]|20)\d\d)\s*{_alternation(lex.year_words)}{_AFTER}(?!\s*\d)",
            flags,
        ),
        regex.compile(r"(?<!\d)(?P<year>[12]\d{3})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?![\d-])"),
        regex.compile(r"(?<!\d)(?P<year>[12]\d{3})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"),
        regex.compile(
            r"(?<![\d.])(?P<first>[0-3]?\d)(?P<sep>[./])(?P<second>[01]?\d)(?P=sep)(?P<year>[12]\d{3})(?![\d.]\d)"
        ),
        regex.compile(
            r"(?:(?P<year>[12]\d{3})\s*年\s*)?(?<!\d)(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*[日号]"
        ),
        regex.compile(r"(?P<year>[12]\d{3})\s*年\s*(?P<month>[01]?\d)\s*月(?!\s*\d)"),
        regex.compile(
            r"(?<![\d月年第])(?P<day>[0-3]?\d)\s*日(?:上午|下午|晚上|晚间|凌晨|中午|早上|电)?"
        ),
    )
    lunar = regex.compile(
        r"(?:农历|農曆|阴历)\s*(?P<leap>闰|閏)?(?P<lunar_month>[正一二三四五六七八九十冬腊臘]{1,2})月"
        r"(?P<lunar_day>初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十|廿[一二三四五六七八九]|三十)"
    )
    weekday = regex.compile(f"(?P<weekday>{_alternation(lex.weekdays)}){suffix}{_AFTER}", flags)
    relative = regex.compile(f"(?P<relative>{_alternation(lex.relative)}){_AFTER}", flags)
    yesterday = regex.compile(f"(?P<yesterday>{_alternation(lex.yesterday)}){_AFTER}", flags)
    periods = _alternation(lex.day_periods)
    hour_words = _alternation(lex.hour_words, bounded=False)
    minute_words = _alternation(lex.minute_words, bounded=False)
    # Digits first: an alternation tried at every character is the slow part of a scan.
    clock = regex.compile(
        rf"(?<![\d:.])(?P<hour>[0-2]?\d)[:：](?P<minute>[0-5]\d)"
        rf"(?:[:：][0-5]\d)?(?!\d)(?:\s*(?P<post>{periods})(?![\p{{L}}\p{{M}}]))?",
        flags,
    )
    spoken_clock = regex.compile(
        rf"(?<!\d)(?P<hour>[0-2]?\d)\s*{hour_words}(?:\s*(?P<minute>[0-5]?\d)\s*{minute_words})?",
        flags,
    )
    period_before = regex.compile(rf"(?P<pre>{periods})\s*$", flags)
    zone_names = [name for name in lex.time_zones if lex.time_zones[name]]
    time_zone = regex.compile(rf"(?P<zone>{_alternation(zone_names)}){_AFTER}")
    connectors = _alternation(lex.connectors)
    gap = regex.compile(rf"(?:[\s,()\-–—:·/]|{connectors}{_AFTER})*", flags)
    group_gap = regex.compile(r"[ \t,|·()\-–—/]*")
    reporting = regex.compile(f"{_alternation(map(fold, lex.reporting))}{_AFTER}", flags)
    background = regex.compile(f"{_alternation(map(fold, lex.background))}{_AFTER}", flags)
    guard_after = regex.compile(rf"[\s,،]*{_alternation(lex.guard_after)}{_AFTER}", flags)
    guard_before = regex.compile(
        rf"(?:\d|{_alternation(lex.guard_before)}{_AFTER})[\s\u200c]*$", flags
    )
    return Patterns(
        dates,
        lunar,
        weekday,
        relative,
        yesterday,
        clock,
        spoken_clock,
        period_before,
        time_zone,
        gap,
        group_gap,
        reporting,
        background,
        guard_after,
        guard_before,
    )

"""Per-language date words (the hand-written ``dates.json`` of each language pack) and month
names (reconciler.calendars), merged into the patterns the span finder uses.

Every language's words go into one set of patterns: a page's language need not be known, and
the names of different languages do not collide once a month name must stand next to a day
or a year.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

import regex

from reconciler import lang as packs
from reconciler.calendars import (
    ARABIC_LETTERS_AS_PERSIAN,
    MonthName,
    era_words,
    month_names,
    name_key,
)
from reconciler.claims.dates.locales import Shift, locale_words
from reconciler.text import ascii_digits

# The hand-written part of a pack read here; the page's language adds its pack's generated
# month, weekday and relative words (reconciler.claims.dates.locales).
_SUPPLEMENT = "dates"

# Letters and combining marks: Bengali and Devanagari vowel signs are marks, so ``\b``
# alone would split a word like মঙ্গলবার in the middle.
_BEFORE = r"(?<![\p{L}\p{M}])"
# Chinese runs words together; Korean particles follow a word without a space (월요일에)
_AFTER = r"(?:(?<=[\u3400-\u9fff\uac00-\ud7af])|(?![\p{L}\p{M}]))"


# The text layer's digit normaliser: every decimal digit as ASCII, offsets kept.
to_ascii_digits = ascii_digits


def fold(text: str) -> str:
    """Lower case, one character for one (a case-blind regex is twice as slow, measured),
    Persian letters for the Arabic yeh and kaf (as name_key does)."""
    lowered = "".join(lower if len(lower := char.lower()) == 1 else char for char in text)
    return lowered.translate(ARABIC_LETTERS_AS_PERSIAN)


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
    year_links: tuple[str, ...]  # "de", "del", "в", "του": between a month and its year
    # "will", "wird", "جائے گا": a weekday beside one is the coming one
    future: tuple[str, ...]
    future_endings: tuple[str, ...]  # Spanish "comenzará": the future tense's endings
    # Hindi कल: yesterday, or tomorrow beside a future marker
    either_day: frozenset[str]
    day_words: dict[str, int]  # Persian "سوم" (third) as the day of a month
    shifts: dict[str, Shift]  # "today", "last month" (the page's language)
    counted: tuple[tuple[str, int, str], ...]  # "(\d+) days ago" (the page's language)
    units: dict[str, str]  # "week", "महीने" → unit (the page's language)
    abbreviations: frozenset[str]  # the page's language's month abbreviations
    numbers: dict[str, int]  # "three" → 3 (the page's language)


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
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _counted_start(pattern: str) -> str:
    """ "(\\d+)日前" may follow a kana (事故は3日前): a number only needs no digit before it."""
    return r"(?<![\d.,])" if pattern.startswith("(") else _BEFORE


def _is_cjk(word: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" for char in word)


@cache
def _base() -> Lexicon:
    """The words of every pack's ``dates.json``, merged."""
    weekdays: dict[str, int] = {}
    relative: dict[str, str] = {}
    yesterday: set[str] = set()
    either_day: set[str] = set()
    day_periods: dict[str, str] = {}
    time_zones: dict[str, str] = {}
    day_words: dict[str, int] = {}
    keys = (
        "word_suffixes",
        "ordinal_suffixes",
        "year_words",
        "connectors",
        "reporting",
        "background",
        "year_links",
        "future",
        "future_endings",
    )
    lists: dict[str, set[str]] = {
        key: set() for key in (*keys, "hour", "minute", "guard_after", "guard_before")
    }
    guarded: set[str] = set()
    for code in packs.codes():
        data = packs.pack(code).supplement(_SUPPLEMENT)
        for index, names in enumerate(data.get("weekdays", ())):
            weekdays.update({name_key(name): index for name in names})
        for kind, words in data.get("relative", {}).items():
            if kind == "yesterday":
                yesterday.update(name_key(word) for word in words)
            elif kind == "yesterday_or_tomorrow":
                either_day.update(name_key(word) for word in words)
            else:
                relative.update({name_key(word): kind for word in words})
        for kind, words in data.get("day_periods", {}).items():
            day_periods.update({name_key(word): kind for word in words})
        time_zones.update(data.get("time_zones", {}))
        clock = data.get("clock_words", {})
        lists["hour"].update(clock.get("hour", ()))
        lists["minute"].update(clock.get("minute", ()))
        for key in keys:
            lists[key].update(data.get(key, ()))
        day_words.update({name_key(word): day for word, day in data.get("day_words", {}).items()})
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
        year_links=tuple(sorted(lists["year_links"])),
        future=tuple(sorted(lists["future"])),
        future_endings=tuple(sorted(lists["future_endings"])),
        either_day=frozenset(either_day),
        day_words=day_words,
        shifts={},
        counted=(),
        units={},
        abbreviations=frozenset(),
        numbers={},
    )


@cache
def lexicon(lang: str | None = None) -> Lexicon:
    """Every ``dates.json``'s words, and the generated words of ``lang``'s pack where those
    have no word of that spelling (theirs were checked on real pages; a generated one may
    be a different month: "listopad" is November in Polish, October in Croatian)."""
    base = _base()
    words = locale_words(lang)
    months = dict(base.months)
    for name, month in words.months.items():
        months.setdefault(name, MonthName("gregorian", month))
    weekdays = dict(base.weekdays)
    for name, weekday in words.weekdays.items():
        weekdays.setdefault(name, weekday)
    taken = {*months, *weekdays, *base.relative, *base.yesterday, *base.either_day}
    shifts = {word: shift for word, shift in words.shifts.items() if word not in taken}
    abbreviations = frozenset(name for name in words.abbreviations if name not in base.months)
    return replace(
        base,
        months=months,
        weekdays=weekdays,
        shifts=shifts,
        counted=words.counted,
        units=words.units,
        abbreviations=abbreviations,
        numbers=words.numbers,
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
    year_alone: regex.Pattern[str]  # "the pandemic of 2009", "2002م"
    shift: regex.Pattern[str]  # "today", "last month" (the page's language)
    relative_unit: regex.Pattern[str]  # "last" + "month": "पिछले महीने", "this week"
    counted: tuple[tuple[regex.Pattern[str], int, str], ...]  # "3 days ago", sign, unit
    either_day: regex.Pattern[str]
    future: regex.Pattern[str]


@cache
def patterns(lang: str | None = None) -> Patterns:
    """The patterns of every data file's words, and of ``lang``'s locale words."""
    lex = lexicon(lang)
    suffix = (
        "(?:"
        + "|".join(regex.escape(s) for s in sorted(lex.word_suffixes, key=len, reverse=True))
        + ")?"
    )
    # Arabic news writes both month names: "يوليو/تموز"; the first one decides.
    # An abbreviation's dot belongs to it when a number follows ("11 sept. 2014").
    month = (
        f"(?P<month_name>{_alternation(lex.months)}){suffix}{_AFTER}"
        f"(?:\\s*/\\s*{_alternation(lex.months)}{_AFTER})?(?:\\.(?=[\\s,]*(?:\\p{{L}}{{1,4}}\\s+)?\\d))?"
    )
    ordinal = (
        "(?:"
        + "|".join(regex.escape(s) for s in sorted(lex.ordinal_suffixes, key=len, reverse=True))
        + ")"
    )
    # "১৫ই", "1st", "15." run on; "४ गते" takes a space
    day = rf"(?<![\d.,:/])(?P<day>[0-3]?\d)(?:\s?{ordinal}{_AFTER})?(?![\d%:])"
    # A range ("May 6-7, 2025", "6–7 May") is dated by its first day
    day_range = rf"{day}(?:\s?[-–]\s?[0-3]?\d(?![\d%:]))?"
    year_tail = _alternation([*lex.eras, *lex.year_words])
    year = rf"(?<!\d)(?P<year>[12]\d{{3}})(?![\d%])(?:\s*{year_tail}{_AFTER})?"
    link = rf"[\s,]*(?:{_alternation(lex.year_links)}\s+)?"
    flags = regex.VERSION1  # patterns run on fold(text)
    # A named list, not an alternation: a pattern that opens with a long alternation is slow
    # to compile and to try at every character (0.24 s of 0.76 s a language, measured).
    day_word = rf"(?P<day_word>{_BEFORE}\L<day_words>){_AFTER}"
    dates = (
        regex.compile(rf"{day_range}{link}{month}(?:{link}{year})?", flags),
        regex.compile(  # سوم تیر ۱۴۰۳
            rf"{day_word}\s*{month}(?:{link}{year})?", flags, day_words=sorted(lex.day_words)
        ),
        regex.compile(rf"{month}\.?\s*{day_range}(?:,?\s*{year})?", flags),
        regex.compile(rf"{month}\.?{link}{year}", flags),
        # Year first: २०८२ साल वैशाख १ गते, ২০২৪ সালের ৫ আগস্ট, 2024. május 3-án
        regex.compile(rf"{year}\.?[\s,]+{month}\s*{day}", flags),
        regex.compile(rf"{year}\.?[\s,]+{day}{link}{month}", flags),
        regex.compile(rf"{year}\.\s+{month}(?![\s.]*\d)", flags),  # 2021. március
        # A year alone only with a year word: "২০২৩ সালে", "2023 году", "2023年"
        regex.compile(
            rf"(?<!\d)(?P<year>(?:1[89]|20)\d\d)\s*{_alternation(lex.year_words)}{_AFTER}(?!\s*\d)",
            flags,
        ),
        regex.compile(r"(?<!\d)(?P<year>[12]\d{3})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?![\d-])"),
        regex.compile(r"(?<!\d)(?P<year>[12]\d{3})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"),
        regex.compile(
            r"(?<![\d.])(?P<first>[0-3]?\d)(?P<sep>[./-])\s?(?P<second>[01]?\d)(?P=sep)\s?"
            r"(?P<year>[12]\d{3})(?![\d.]\d)"
        ),
        # German day.month. without a year: "Donnerstag, den 05.10."
        regex.compile(r"(?<![\d.,])(?P<first>[0-3]?\d)\.(?P<second>[01]?\d)\.(?![\d\p{L}]|\s?\d)"),
        # Korean 2024년 5월 3일, 2022년 11월
        regex.compile(
            r"(?:(?P<year>[12]\d{3})\s*년\s*)?(?<!\d)(?P<month>[01]?\d)\s*월\s*(?P<day>[0-3]?\d)\s*일"
        ),
        regex.compile(r"(?P<year>[12]\d{3})\s*년\s*(?P<month>[01]?\d)\s*월(?!\s*\d)"),
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
    # A year standing alone: 1800-2099, no digit, unit or decimal mark beside it; Arabic
    # writes the era letter on it (2002م), Turkish its case ending (2022'de).
    year_alone = regex.compile(
        r"(?<![\d.,:/\-–#№$€£¥+])(?P<year>(?:1[89]|20)\d\d)"
        r"(?![\d%]|[.,:/\-]\d|\s?%|(?!م)[\p{L}\p{M}])"
    )
    shift = regex.compile(f"(?P<shift>{_alternation(lex.shifts)}){_AFTER}", flags)
    # The unit may take a case ending: "মাসে", "месяце"
    relative_unit = regex.compile(
        f"(?P<relative>{_alternation(lex.relative)})\\s+(?P<unit>{_alternation(lex.units)})"
        f"[\\p{{L}}\\p{{M}}]{{0,3}}{_AFTER}",
        flags,
    )
    counted = tuple(
        (regex.compile(f"{_counted_start(pattern)}{pattern}{_AFTER}", flags), sign, unit)
        for pattern, sign, unit in lex.counted
    )
    either_day = regex.compile(f"(?P<either>{_alternation(lex.either_day)}){_AFTER}", flags)
    future_words = _alternation(map(fold, lex.future))
    endings = "|".join(regex.escape(fold(ending)) for ending in lex.future_endings) or "(?!)"
    future = regex.compile(
        rf"{future_words}{_AFTER}|\p{{L}}{{2,}}(?:{endings})(?![\p{{L}}\p{{M}}])", flags
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
        year_alone,
        shift,
        relative_unit,
        counted,
        either_day,
        future,
    )

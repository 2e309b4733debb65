"""The span finder: date, weekday, relative-word, time and zone atoms, joined into
expressions ("বাংলাদেশ সময় বৃহস্পতিবার (১৭ জুলাই) রাত ২টা ৩৭ মিনিটে" is one expression).

Hand-written because dateparser.search.search_dates gets 67.6% of tests/dates/date_table.tsv
right (``python tests/dates/date_table_eval.py``): it misses ordinals (১৫ই), reads অপরাহ্ণ as
AM, drops "গত" (last), knows no Bangabda or Hijri month, never checks a stated weekday, and
finds dates in magnitudes ("৭.৩") and menus.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reconciler.calendars import name_key
from reconciler.claims.dates.lexicon import (
    Lexicon,
    Patterns,
    fold,
    lexicon,
    patterns,
    to_ascii_digits,
)
from reconciler.claims.dates.locales import Shift
from reconciler.claims.dates.settings import SETTINGS
from reconciler.text import SENTENCE_BREAK, enclosing

_CHINESE_NUMERALS = {
    "正": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10, "冬": 11, "腊": 12, "臘": 12,
}  # fmt: skip
_RELATIVE_COUNT = {"last": -1, "this": 0, "next": 1}
# "the worst crisis in 50 years" looks back: months and years ahead are not read
_NOT_AHEAD = frozenset({"month", "year"})
# The rest of a day range after its first day (and its ordinal): "-7" of "6th-7th May".
_RANGE_REST = regex.compile(r"\w{0,4}\s?[-–]\s?([0-3]?\d)(?!\d)")


@dataclass(frozen=True)
class DateParts:
    calendar: str
    year: int | None
    month: int | None
    day: int | None
    leap_month: bool = False
    ambiguous_order: bool = False  # 05/07/2025: day-month or month-day
    last_day: int | None = None  # a range's last day ("May 6-7": 7); ``day`` is its first


@dataclass(frozen=True)
class Atom:
    # "date" | "year" (a year alone) | "weekday" | "relative" | "yesterday" | "shift"
    # ("today", "3 days ago") | "time" | "zone"
    kind: str
    start: int
    end: int
    date: DateParts | None = None
    weekday: int | None = None
    relative: str | None = None  # "last" | "this" | "next"
    time: tuple[int, int] | None = None
    zone: str | None = None  # UTC offset "+06:00"
    shift: Shift | None = None


@dataclass(frozen=True)
class Expression:
    atoms: tuple[Atom, ...]
    group: int  # offset of the first expression of its group
    future: bool = False  # said in the future tense ("will meet on Monday")

    @property
    def start(self) -> int:
        return self.atoms[0].start

    @property
    def end(self) -> int:
        return self.atoms[-1].end

    def first(self, kind: str) -> Atom | None:
        return next((atom for atom in self.atoms if atom.kind == kind), None)


def _date_atom(match: regex.Match[str], lex: Lexicon) -> Atom | None:
    groups = {key: value for key, value in match.groupdict().items() if value is not None}
    year = int(groups["year"]) if "year" in groups else None
    month: int | None = int(groups["month"]) if "month" in groups else None
    day: int | None = int(groups["day"]) if "day" in groups else None
    calendar, ambiguous = "gregorian", False
    if "day_word" in groups:
        day = lex.day_words.get(name_key(groups["day_word"]))
    if "month_name" in groups:
        key = name_key(groups["month_name"])
        name = lex.months.get(key)
        if name is None:
            return None
        if key in lex.abbreviations and "year" in groups:
            between = match.string[match.end("month_name") : match.start("year")]
            if any(char.isalpha() for char in between):
                return None  # "des del 2017" is "since 2017", not December
        calendar, month = name.calendar, name.month
    elif "first" in groups:
        first, second = int(groups["first"]), int(groups["second"])
        # Day first unless that cannot be (most of the languages served write 15.07.2025).
        day, month = (second, first) if second > 12 else (first, second)
        ambiguous = first <= 12 and second <= 12 and first != second
    if day is None and year is None:
        return None  # a month name alone ("in June") dates nothing
    parts = DateParts(
        calendar, year, month, day, ambiguous_order=ambiguous, last_day=_range_end(match, day)
    )
    return _checked(Atom("date", match.start(), match.end(), parts))


def _range_end(match: regex.Match[str], first: int | None) -> int | None:
    """The last day of a range the match spans ("6 - 7 May"), when later than its first."""
    if first is None or match.groupdict().get("day") is None:
        return None
    rest = _RANGE_REST.match(match.string, match.end("day"), match.end())
    last = int(rest.group(1)) if rest is not None else None
    return last if last is not None and first < last <= 31 else None


def _checked(atom: Atom) -> Atom | None:
    parts = atom.date
    assert parts is not None
    if parts.day is not None and not 1 <= parts.day <= 31:
        return None
    if parts.month is not None and not 1 <= parts.month <= 12:
        return None
    return atom


def _lunar_atom(match: regex.Match[str]) -> Atom:
    month_text = match.group("lunar_month")
    month = (
        10 + _CHINESE_NUMERALS[month_text[-1]]
        if len(month_text) == 2
        else _CHINESE_NUMERALS[month_text]
    )
    day_text = match.group("lunar_day")
    tens = {"初": 0, "十": 10, "二": 20, "廿": 20, "三": 30}[day_text[0]]
    unit = _CHINESE_NUMERALS.get(day_text[1], 0) if len(day_text) > 1 else 0
    day = 10 + unit if day_text[0] == "十" else tens + (unit % 10 if day_text[1:] != "十" else 10)
    if day_text in ("二十", "三十"):
        day = tens
    parts = DateParts("chinese_lunar", None, month, day, leap_month=bool(match.group("leap")))
    return Atom("date", match.start(), match.end(), parts)


def _time_atom(match: regex.Match[str], folded: str, spoken: bool) -> Atom | None:
    """A time of day; the day period before it ("রাত", "सुबह", "下午") or after it ("pm")
    sets AM/PM and joins the span."""
    groups = match.groupdict()
    hour, minute = int(groups["hour"]), int(groups["minute"] or 0)
    before = patterns().period_before.search(
        folded, max(0, match.start() - SETTINGS.day_period_before), match.start()
    )
    said = groups.get("post") or (before.group("pre") if before else None)
    if spoken and before is None:
        return None  # "২টা" alone counts things ("two of them"), not hours
    period = lexicon().day_periods.get(name_key(said)) if said else None
    if period == "pm" and hour < 12:
        hour += 12
    elif period == "am" and hour == 12:
        hour = 0
    elif period == "night" and 6 <= hour < 12:
        hour += 12  # রাত ১০টা is 22:00, রাত ২টা is 02:00
    if hour > 23:
        return None
    start = before.start() if before is not None else match.start()
    return Atom("time", start, match.end(), time=(hour, minute))


def atoms(text: str, lang: str | None = None) -> list[Atom]:
    """Every atom of ``text``, left to right, overlaps resolved in favour of the longer;
    ``lang`` (the page's language) adds its locale words."""
    plain = to_ascii_digits(text)
    return _atoms(plain, fold(plain), lang)


def _atoms(plain: str, folded: str, lang: str | None) -> list[Atom]:
    found: list[Atom] = []
    lex, pats = lexicon(lang), patterns(lang)
    for pattern in pats.dates:
        found.extend(
            atom for m in pattern.finditer(folded) if (atom := _date_atom(m, lex)) is not None
        )
    for m in pats.year_alone.finditer(folded):
        parts = DateParts("gregorian", int(m.group("year")), None, None)
        found.append(Atom("year", m.start(), m.end(), parts))
    found.extend(_shift_atoms(folded, lex, pats))
    found.extend(_lunar_atom(m) for m in pats.lunar.finditer(folded))
    date_starts = {atom.start for atom in found}
    for m in pats.weekday.finditer(folded):
        if not _weekday_in_context(m, folded, date_starts):
            continue
        weekday = lex.weekdays[name_key(m.group("weekday"))]
        found.append(Atom("weekday", m.start(), m.end(), weekday=weekday))
    for m in pats.relative.finditer(folded):
        relative = lex.relative[name_key(m.group("relative"))]
        found.append(Atom("relative", m.start(), m.end(), relative=relative))
    found.extend(Atom("yesterday", m.start(), m.end()) for m in pats.yesterday.finditer(folded))
    for m in pats.either_day.finditer(folded):
        ahead = 1 if _future_near(plain, folded, m.start(), m.end(), pats) else -1
        found.append(Atom("shift", m.start(), m.end(), shift=Shift(ahead, "day")))
    for spoken, pattern in ((False, pats.clock), (True, pats.spoken_clock)):
        found.extend(
            atom
            for m in pattern.finditer(folded)
            if (atom := _time_atom(m, folded, spoken)) is not None
        )
    for m in pats.time_zone.finditer(plain):
        zone = next(
            (offset for name, offset in lex.time_zones.items() if _same(name, m.group("zone"))), ""
        )
        found.append(Atom("zone", m.start(), m.end(), zone=zone))
    found.sort(key=lambda atom: (atom.start, -(atom.end - atom.start)))
    kept: list[Atom] = []
    for atom in found:
        if not kept or atom.start >= kept[-1].end:
            kept.append(atom)
    return kept


def _shift_atoms(folded: str, lex: Lexicon, pats: Patterns) -> list[Atom]:
    """ "today", "last month" and "3 days ago" in the page's language."""
    found = [
        Atom("shift", m.start(), m.end(), shift=lex.shifts[name_key(m.group("shift"))])
        for m in pats.shift.finditer(folded)
    ]
    for m in pats.relative_unit.finditer(folded):
        direction = _RELATIVE_COUNT[lex.relative[name_key(m.group("relative"))]]
        unit = lex.units[name_key(m.group("unit"))]
        found.append(Atom("shift", m.start(), m.end(), shift=Shift(direction, unit)))
    for pattern, sign, unit in pats.counted:
        if sign > 0 and unit in _NOT_AHEAD:
            continue
        for m in pattern.finditer(folded):
            count = _count(m.group(1), lex)
            if count is not None:
                found.append(Atom("shift", m.start(), m.end(), shift=Shift(sign * count, unit)))
    return found


def _count(written: str, lex: Lexicon) -> int | None:
    """ "3", "three", "3,0"; None for a fraction or a number too big to count units."""
    if written in lex.numbers:
        return lex.numbers[written]
    try:
        value = float(written.replace(",", "."))
    except ValueError:
        return None
    return int(value) if value.is_integer() and value <= SETTINGS.max_count else None


def _names_a_day(atom: Atom) -> bool:
    """ "yesterday", "3 days ago": no other date joins it ("this week" may: "earlier this
    week on 14 July")."""
    return atom.kind == "yesterday" or (atom.shift is not None and atom.shift.unit == "day")


def _future_near(plain: str, folded: str, start: int, end: int, pats: Patterns) -> bool:
    """Whether the words near [start, end) in its sentence are in the future tense. A
    reporting verb among them ("said on Monday that he will resign") makes the day the day
    it was told. ``plain`` is split (folding loses the capitals a sentence break is told
    by), ``folded`` searched. Near, not the whole clause: a sentence without commas (Urdu
    "… اتوار کو … منتخب ہونے والے … حلف اٹھائیں گے") ends in the tense of another verb."""
    sentence_start, sentence_end = enclosing(SENTENCE_BREAK, plain, start, end)
    begin = max(sentence_start, start - SETTINGS.tense_window)
    finish = min(sentence_end, end + SETTINGS.tense_window)
    if pats.reporting.search(folded, begin, finish) is not None:
        return False
    return pats.future.search(folded, begin, finish) is not None


def _weekday_in_context(match: regex.Match[str], folded: str, date_starts: set[int]) -> bool:
    """A name that is a weekday and a common word (Urdu ہفتے: Saturday, "week") is a
    weekday only before "کو", "کی صبح" or a date, and never after a number ("تین ہفتے")."""
    if name_key(match.group("weekday")) not in lexicon().guarded_weekdays:
        return True
    pats = patterns()
    if pats.guard_before.search(
        folded, max(0, match.start() - SETTINGS.guard_before), match.start()
    ):
        return False
    if pats.guard_after.match(folded, match.end()):
        return True
    gap = regex.match(r"[\s,،]*", folded[match.end() : match.end() + SETTINGS.guard_date_gap])
    return gap is not None and match.end() + gap.end() in date_starts


def _same(name: str, found: str) -> bool:
    return regex.sub(r"\s+", " ", found) == name


def expressions(text: str, lang: str | None = None) -> list[Expression]:
    """Atoms joined into expressions; expressions that name the same day (one header line
    split by "|", "X (Y)") share ``group``."""
    pats = patterns(lang)
    runs: list[list[Atom]] = []
    plain = to_ascii_digits(text)
    folded = fold(plain)
    for atom in _atoms(plain, folded, lang):
        current = runs[-1] if runs else []
        gap = text[current[-1].end : atom.start] if current else ""
        joins = (
            current
            and len(gap) <= SETTINGS.max_gap
            and "\n" not in gap
            and pats.gap.fullmatch(gap) is not None
            and all(joined.kind != atom.kind for joined in current)
            and atom.kind != "year"
            and current[-1].kind != "year"
            and not (
                atom.kind in ("date", "shift") and any(_names_a_day(joined) for joined in current)
            )
        )
        if joins:
            current.append(atom)
        else:
            runs.append([atom])
    dated = [
        run
        for run in runs
        if any(a.kind in ("date", "year", "weekday", "yesterday", "shift") for a in run)
    ]
    found: list[Expression] = []
    for run in dated:
        previous = found[-1] if found else None
        same_group = previous is not None and pats.group_gap.fullmatch(
            text[previous.end : run[0].start]
        )
        group = previous.group if same_group and previous is not None else run[0].start
        kinds = {atom.kind for atom in run}
        future = (
            "weekday" in kinds
            and not kinds & {"date", "relative"}
            and _future_near(plain, folded, run[0].start, run[-1].end, pats)
        )
        found.append(Expression(tuple(run), group, future))
    return found

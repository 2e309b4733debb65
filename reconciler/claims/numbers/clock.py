"""Times of day written with a 12-hour period or as hours of a 24-hour clock ("3 PM",
"3.35 pm", "15.30 hours", "1700 hours"), as minutes after midnight.

The date finder reads "15:35" but leaves these to the number stage, which must not count
them; quotes compare them ("called at 15:35" against "called at 3 PM"). The period words
come from each pack's CLDR day periods, the hour words from its ``numbers.json`` units, so
no language is written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reconciler import lang
from reconciler.claims.numbers.lexicon import lexicon
from reconciler.text import ascii_digits

__all__ = ["ClockTime", "clock_times"]

HOUR_UNIT = "duration:hour"
MINUTES_PER_HOUR = 60
NOON_HOURS = 12


@dataclass(frozen=True)
class ClockTime:
    start: int
    end: int
    minutes: int  # after midnight


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _fold(word: str) -> str:
    """ "p.\u202fm." and "pm" are one period word."""
    return re.sub(r"[.\s\u00a0\u202f]", "", word.lower())


def _dotted(words: set[str]) -> str:
    """An alternation that also reads the words written with dots ("p.m.")."""
    forms = sorted(words, key=len, reverse=True)
    return "|".join(r"\.?".join(re.escape(char) for char in form) + r"\.?" for form in forms)


@cache
def _patterns(code: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(12-hour clock with a period word, 24-hour clock with an hour word) for a language."""
    try:
        pack = lang.pack(code)
    except KeyError:
        return None, None
    periods = {_fold(word) for period in ("am", "pm") for word in pack.day_periods.get(period, ())}
    lex = lexicon(code)
    hours = {" ".join(k.words) for k in lex.counted if k.meaning == HOUR_UNIT} if lex else set()
    edge = r"(?![\w\u0900-\u0DFF\u0600-\u06FF])"
    twelve = (
        re.compile(
            rf"(?<![\d.:,])(\d{{1,2}})(?:[.:](\d{{2}}))?\s?({_dotted(periods)}){edge}",
            re.IGNORECASE,
        )
        if periods
        else None
    )
    twenty_four = (
        re.compile(
            rf"(?<![\d.:,])(\d{{1,2}})(?:[.:]?(\d{{2}}))\s?(?:{_alternation(hours)}){edge}",
            re.IGNORECASE,
        )
        if hours
        else None
    )
    return twelve, twenty_four


def _period_is_pm(code: str, word: str) -> bool:
    return _fold(word) in {_fold(pm) for pm in lang.pack(code).day_periods.get("pm", ())}


def clock_times(text: str, code: str) -> list[ClockTime]:
    """The times of day in ``text``, in reading order."""
    digits = ascii_digits(text)
    twelve, twenty_four = _patterns(code)
    found: list[ClockTime] = []
    if twelve is not None:
        for match in twelve.finditer(digits):
            hour, minute = int(match.group(1)), int(match.group(2) or 0)
            if 1 <= hour <= NOON_HOURS and minute < MINUTES_PER_HOUR:
                hour = hour % NOON_HOURS + (
                    NOON_HOURS if _period_is_pm(code, match.group(3)) else 0
                )
                found.append(
                    ClockTime(match.start(), match.end(), hour * MINUTES_PER_HOUR + minute)
                )
    if twenty_four is not None:
        for match in twenty_four.finditer(digits):
            hour, minute = int(match.group(1)), int(match.group(2))
            taken = any(t.start < match.end() and match.start() < t.end for t in found)
            if hour < 2 * NOON_HOURS and minute < MINUTES_PER_HOUR and not taken:
                found.append(
                    ClockTime(match.start(), match.end(), hour * MINUTES_PER_HOUR + minute)
                )
    return sorted(found, key=lambda time: time.start)

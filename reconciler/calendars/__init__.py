"""Calendars: conversions to and from Gregorian, and a registry of month names.

One module per calendar, each with ``to_gregorian(year, month, day) -> date | None``,
``from_gregorian(day) -> (year, month, day)`` and ``TOLERANCE_DAYS``: how far two correct
renderings of the same day may differ (moon sighting, the two Bengali calendars).
``month_of(name)`` says which calendar a month name (in any script) belongs to.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from types import ModuleType

from reconciler.calendars import (
    bangabda,
    bangabda_wb,
    bikram_sambat,
    chinese_lunar,
    hijri,
    solar_hijri,
)

CALENDARS: dict[str, ModuleType] = {
    "bangabda": bangabda,
    "bangabda_wb": bangabda_wb,
    "hijri": hijri,
    "bikram_sambat": bikram_sambat,
    "solar_hijri": solar_hijri,
    "chinese_lunar": chinese_lunar,
}


@dataclass(frozen=True)
class MonthName:
    calendar: str  # "gregorian" or a key of CALENDARS
    month: int  # 1-based


def tolerance_days(calendar: str) -> int:
    module = CALENDARS.get(calendar)
    return module.TOLERANCE_DAYS if module is not None else 0


def to_gregorian(calendar: str, year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a date in ``calendar``; None when it does not exist."""
    if calendar == "gregorian":
        try:
            return date(year, month, day)
        except ValueError:
            return None
    module = CALENDARS.get(calendar)
    return module.to_gregorian(year, month, day) if module is not None else None


def from_gregorian(calendar: str, day: date) -> tuple[int, int, int] | None:
    """(year, month, day) of a Gregorian day in ``calendar``; None outside its range."""
    if calendar == "gregorian":
        return day.year, day.month, day.day
    module = CALENDARS.get(calendar)
    found = module.from_gregorian(day) if module is not None else None
    return tuple(found) if found is not None else None


def reliable(calendar: str, year: int) -> bool:
    """Whether the calendar's sources agree on ``year`` (Bikram Sambat tables part after 2087)."""
    module = CALENDARS.get(calendar)
    return module is None or not hasattr(module, "reliable") or bool(module.reliable(year))


def candidates(calendar: str, year: int, month: int, day: int) -> list[date]:
    """Every Gregorian day a correct source may mean by this date (all rules of the calendar)."""
    module = CALENDARS.get(calendar)
    if module is not None and hasattr(module, "candidates"):
        return list(module.candidates(year, month, day))
    found = to_gregorian(calendar, year, month, day)
    return [found] if found is not None else []


# Persian is often typed with the Arabic yeh and kaf (ي, ى, ك for ی, ک): one letter each.
ARABIC_LETTERS_AS_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def name_key(name: str) -> str:
    """How names are looked up: NFC (nukta letters decomposed), lower case, single spaces,
    the Persian yeh and kaf for the Arabic ones."""
    folded = unicodedata.normalize("NFC", name).lower().translate(ARABIC_LETTERS_AS_PERSIAN)
    return " ".join(folded.split())


@cache
def _month_names() -> dict[str, MonthName]:
    raw = json.loads(resources.files(__package__).joinpath("data/month_names.json").read_text())
    return {
        name_key(name): MonthName(calendar, index + 1)
        for calendar, months in raw.items()
        for index, names in enumerate(months)
        for name in names
    }


def month_names() -> dict[str, MonthName]:
    """Every known month name (lower case) → its calendar and number."""
    return dict(_month_names())


def month_of(name: str) -> MonthName | None:
    return _month_names().get(name_key(name))


@cache
def _era_words() -> dict[str, str]:
    raw = json.loads(resources.files(__package__).joinpath("data/era_words.json").read_text())
    return {name_key(word): calendar for calendar, words in raw.items() for word in words}


def era_words() -> dict[str, str]:
    """Era words ("বঙ্গাব্দ", "হিজরি", "ब.सं.", "هـ") → calendar."""
    return dict(_era_words())

"""Common words of a language: a hit on one of them is no name or place without a strong cue.

wordfreq's top-N list of the page's language is a general stoplist ("غرب" west, "خبر" news,
"دو" two, "ভোট" vote); month and weekday names (CLDR, plus the Hijri and Bengali months)
are never a person's name.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError
from wordfreq import available_languages, top_n_list

from reconciler.claims.entities.lexicon import calendar_words
from reconciler.claims.entities.settings import SETTINGS


@cache
def _top(lang: str, size: int) -> frozenset[str]:
    if lang not in available_languages():
        return frozenset()
    return frozenset(top_n_list(lang, size))


def _base(lang: str) -> str:
    return lang.split("-")[0].lower()


def is_common_word(word: str, lang: str, size: int = SETTINGS.stoplist_size) -> bool:
    """Whether ``word`` is one of the ``size`` most frequent words of ``lang``."""
    return word.casefold() in _top(_base(lang), size)


@cache
def _calendar(lang: str) -> frozenset[str]:
    names: set[str] = set(calendar_words())
    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):  # "und", or a code CLDR does not know
        locale = None
    if locale is not None:
        for table in (locale.months, locale.days):
            for context in table.values():
                for width in context.values():
                    names.update(str(name).casefold() for name in width.values())
    return frozenset(name for name in names if len(name) > 2)


def is_calendar_word(word: str, lang: str) -> bool:
    """A month or weekday name ("رجب", "Monday", "দোশনবে")."""
    return word.casefold() in _calendar(_base(lang)) or word.casefold() in _calendar("en")

"""The text layer: one analysis of a page's text that every extractor reads.

``analyse(text)`` (cached, so each page's text is analysed once) gives its sentences,
clauses, tokens with offsets, the text with native digits as ASCII digits (same length, so
every offset holds in both), script runs and whether the text is mostly an unspaced script.

This module holds the package's one sentence splitter (``SENTENCE_BREAK``) and its one
clause splitter (``CLAUSE_BREAK``); ``enclosing`` finds the sentence or clause around a span
of any text (quotes use it on text whose quoted content is blanked), ``clause_window`` the
clauses that qualify a phrase.
"""

from __future__ import annotations

import bisect
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

__all__ = [
    "CLAUSE_BREAK",
    "SENTENCE_BREAK",
    "Span",
    "TextLayer",
    "TextSettings",
    "Token",
    "analyse",
    "ascii_digits",
    "clause_window",
    "enclosing",
    "script_of",
    "sentence_spans",
]

# Marks that end a sentence wherever they stand: ! ? (full width too), the danda, the
# Chinese full stop, the Arabic question mark, the Urdu full stop, and a line break.
_HARD_ENDS = "!?！？।॥。؟۔\n"

#: Sentence breaks. A full stop ends a sentence only after a lower-case or uncased letter, a
#: mark or a closing quote, with a space and no lower-case letter or digit after it: "U.S.
#: officials", "15. Juli", "approx. five" and "Dr. Rao" go on; closing quotes after the stop
#: belong to the sentence it ends.
SENTENCE_BREAK = regex.compile(
    rf"[{_HARD_ENDS}]|(?<=[\p{{Ll}}\p{{Lo}}\p{{M}})”\"»’])\.[”\"»’)]*(?=\s+[^\d\p{{Ll}}])"
)

#: Clause breaks: sentence breaks and the punctuation inside a sentence (commas of every
#: script, colons, semicolons, brackets, quotation marks and dashes).
CLAUSE_BREAK = regex.compile(
    rf"{SENTENCE_BREAK.pattern}|[,;:()\[\]\"«»“”„‘’،，、；：（）—–|]|\.(?=\s|$)"
)

# A token: letters, marks and digits, with inner apostrophes, hyphens and dots kept
# ("al-Sudani", "হুই’র", "3.5"); Indic vowel signs are marks, so they stay inside.
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*")

# Scripts whose words run together without spaces (Unicode script names, lower case).
_UNSPACED_SCRIPTS = frozenset({"han", "hiragana", "katakana", "thai", "lao", "khmer", "myanmar"})


@dataclass(frozen=True)
class TextSettings:
    # Share of letters in unspaced scripts above which a text counts as unspaced: a
    # majority, by definition (not tuned on any data set).
    unspaced_share: float = 0.5
    # Texts whose analysis is kept: pages are analysed once each, and a run keeps the pages
    # it is working on in memory anyway. A memory bound, not a tuned value.
    cached_texts: int = 512
    # Texts whose break positions are kept: the extractors of one page ask for the sentence
    # around each find in turn (a few texts at a time: the page, its blanked variants).
    cached_break_texts: int = 16


SETTINGS = TextSettings()


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ScriptRun:
    """A stretch of letters of one script (spaces, digits and punctuation join the run)."""

    script: str  # lower-case Unicode script name: "latin", "cyrillic", "bengali", "han", ...
    start: int
    end: int


@dataclass(frozen=True)
class TextLayer:
    text: str
    digits: str  # ``text`` with every decimal digit as its ASCII digit, same length
    sentences: tuple[Span, ...]
    clauses: tuple[Span, ...]
    tokens: tuple[Token, ...]
    script_runs: tuple[ScriptRun, ...]
    unspaced: bool  # most letters are of a script written without spaces (Chinese, Japanese)

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding ``offset`` (the last one past the end)."""
        return _span_at(self.sentences, offset)

    def clause_at(self, offset: int) -> Span:
        return _span_at(self.clauses, offset)

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        starts = [token.start for token in self.tokens]
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        return tuple(token for token in self.tokens[first:last] if token.end <= end)


def _span_at(spans: tuple[Span, ...], offset: int) -> Span:
    if not spans:
        return Span(0, 0)
    index = bisect.bisect_right([span.start for span in spans], offset) - 1
    return spans[max(index, 0)]


@cache
def _digit_table() -> dict[int, str]:
    """Every Unicode decimal digit that is not ASCII (০-৯, ०-९, ٠-٩, ۰-۹, ０-９, ...)."""
    return {
        code: str(unicodedata.digit(chr(code)))
        for code in range(0x80, sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Nd"
    }


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit as its ASCII digit; same length, so offsets into
    the result are offsets into ``text``."""
    return text.translate(_digit_table())


def _breaks(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in pattern.finditer(text):
        if text[start : match.end()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as (start, end), breaks included, blank ones left out."""
    return _breaks(SENTENCE_BREAK, text)


def enclosing(pattern: regex.Pattern[str], text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``text`` around [start, end) up to the nearest breaks of ``pattern``
    (``SENTENCE_BREAK`` or ``CLAUSE_BREAK``): after the last break before ``start``, up to
    the first one from ``end``."""
    ends = _break_ends(pattern, text)
    before_index = bisect.bisect_right(ends, start) - 1
    before = ends[before_index] if before_index >= 0 else 0
    after = pattern.search(text, end)
    return before, after.start() if after else len(text)


def clause_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end) and the clause either side of it, inside its sentence:
    where the words that qualify a phrase stand ("أعلنت وزارة الداخلية المغربية، مساء اليوم
    السبت": the verb is one clause before the day; "said on Monday that he will resign")."""
    sentence_start, sentence_end = enclosing(SENTENCE_BREAK, text, start, end)
    first, last = enclosing(CLAUSE_BREAK, text, start, end)
    if first > sentence_start:
        first = enclosing(CLAUSE_BREAK, text, first - 1, first - 1)[0]
    if last < sentence_end:
        last = enclosing(CLAUSE_BREAK, text, last + 1, last + 1)[1]
    return max(sentence_start, first), min(sentence_end, last)


@lru_cache(maxsize=SETTINGS.cached_break_texts)
def _break_ends(pattern: regex.Pattern[str], text: str) -> tuple[int, ...]:
    """Where ``pattern``'s breaks end in ``text``, found once per text: extractors ask for the
    sentence around each of their finds, and rescanning from the start each time made a long
    page quadratic."""
    return tuple(match.end() for match in pattern.finditer(text))


def script_of(char: str) -> str:
    """The lower-case Unicode script name of a letter ("latin", "devanagari", "han", ...)."""
    name = unicodedata.name(char, "")
    if name.startswith("CJK"):
        return "han"
    return name.split(" ", 1)[0].lower() if name else "unknown"


def _script_runs(text: str) -> tuple[ScriptRun, ...]:
    runs: list[ScriptRun] = []
    for index, char in enumerate(text):
        if not char.isalpha():
            continue
        script = script_of(char)
        if runs and runs[-1].script == script:
            runs[-1] = ScriptRun(script, runs[-1].start, index + 1)
        else:
            runs.append(ScriptRun(script, index, index + 1))
    return tuple(runs)


def _is_unspaced(runs: tuple[ScriptRun, ...], text: str) -> bool:
    letters: Counter[bool] = Counter()
    for run in runs:
        letters[run.script in _UNSPACED_SCRIPTS] += sum(
            1 for char in text[run.start : run.end] if char.isalpha()
        )
    total = letters[True] + letters[False]
    return total > 0 and letters[True] > total * SETTINGS.unspaced_share


@lru_cache(maxsize=SETTINGS.cached_texts)
def analyse(text: str) -> TextLayer:
    """The text layer of ``text`` (cached: every extractor of a page reads the same one)."""
    runs = _script_runs(text)
    return TextLayer(
        text=text,
        digits=ascii_digits(text),
        sentences=tuple(Span(*span) for span in sentence_spans(text)),
        clauses=tuple(Span(*span) for span in _breaks(CLAUSE_BREAK, text)),
        tokens=tuple(
            Token(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)
        ),
        script_runs=runs,
        unspaced=_is_unspaced(runs, text),
    )

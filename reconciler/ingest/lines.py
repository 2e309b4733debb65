"""What one line of a page looks like: date line, byline, menu, marker, prose.

Page furniture is recognised by shape (length, separators, dates, punctuation) and by marker-word
lexicons per language (``markers.json``); month and weekday names come from the language
packs (``reconciler.lang``), so that every language with a pack is covered.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reconciler import lang
from reconciler.ingest.settings import LAYOUT
from reconciler.text import ascii_digits

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_NUMERIC_DATE = re.compile(
    r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|\d{1,4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月\s*\d{1,2}\s*日"
)
_YEAR = re.compile(r"(?<!\d)(1[3-9]\d\d|20\d\d)(?!\d)")
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")
_MENU_SEPARATORS = re.compile(r"\s*(?:\||·|•|›|»|>|\\)\s*|\s+/\s+|\s{2,}")
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s+\S")
_BULLET = re.compile(r"^\s*(?:[-–—•·»*▪►]|\d{1,2}[.)])\s+")
# "|" stands in for the danda "।" in much Hindi and Bengali web text.
_SENTENCE_END = re.compile(r"(?:[.!?।॥。！？…۔؟]|\s\|)[\"'”’»)）」』]*\s*$")
_STATEMENT_END = re.compile(r"(?:[.।॥。…۔]|\s\|)[\"'”’»)）」』]*\s*$")
_BRACKETED = re.compile(r"^\s*\[[^\]]*\]\s*$")
_COUNTS = re.compile(r"[(（\[]\s*\d*\s*[)）\]]|\d+")
_PUNCT_EDGES = " \t:：-–—|»«·•*.,!?\"'“”‘’()（）[]【】"


@dataclass(frozen=True)
class Lexicon:
    """Marker phrases of every language, casefolded, by role."""

    related: frozenset[str]
    comments: frozenset[str]
    footer: frozenset[str]
    tags: frozenset[str]
    share: frozenset[str]
    byline_start: frozenset[str]
    byline: frozenset[str]
    date_labels: frozenset[str]
    source: frozenset[str]
    caption: frozenset[str]
    home: frozenset[str]
    date_words: frozenset[str]  # months, weekdays, eras, time-of-day words
    weekdays: frozenset[str]


@cache
def lexicon() -> Lexicon:
    data = json.loads(resources.files(__package__).joinpath("markers.json").read_text("utf-8"))

    def role(name: str) -> frozenset[str]:
        return frozenset(phrase.casefold() for phrases in data[name].values() for phrase in phrases)

    months, weekdays = _pack_names()
    extra = role("extra_months") | role("time_words")
    return Lexicon(
        related=role("related"),
        comments=role("comments"),
        footer=role("footer"),
        tags=role("tags"),
        share=role("share"),
        byline_start=role("byline_start"),
        byline=role("byline"),
        date_labels=role("date_labels"),
        source=role("source"),
        caption=role("caption"),
        home=role("home"),
        date_words=months | weekdays | extra,
        weekdays=weekdays,
    )


def _pack_names() -> tuple[frozenset[str], frozenset[str]]:
    """Every language pack's month and weekday names (a page's language may be unknown)."""
    months: set[str] = set()
    weekdays: set[str] = set()
    for code in lang.codes():
        pack = lang.pack(code)
        for groups, names in ((pack.months, months), (pack.weekdays, weekdays)):
            names.update(
                form.casefold()
                for forms in groups
                for form in forms
                if len(form) >= LAYOUT.min_date_word
            )
    return frozenset(months), frozenset(weekdays)


def word_count(text: str) -> int:
    """Words, counting two CJK characters as one word (CJK text has no spaces)."""
    count = 0
    for token in text.split():
        cjk = len(_CJK.findall(token))
        count += max(1, (cjk + 1) // 2) if cjk else 1
    return count


def _normalized(text: str) -> str:
    """Casefolded, counts like "(12)" dropped, label colons and edge punctuation stripped."""
    bare = _COUNTS.sub(" ", ascii_digits(text).casefold()).replace(":", " ").replace("：", " ")
    return " ".join(bare.strip(_PUNCT_EDGES).split())


def _matches(
    text: str, phrases: frozenset[str], *, max_words: int = 8, anywhere: bool = False
) -> bool:
    """A short heading-like line that is or starts with a marker phrase.

    Multi-word and CJK phrases may also sit inside the line ("এ সম্পর্কিত আরও পড়ুন"); a single
    word must lead it, so that "Comment" marks a box but "No comment from ..." is text, unless
    ``anywhere`` (a desk name ends its line: "আন্তর্জাতিক ডেস্ক").
    """
    if word_count(text) > max_words or _SENTENCE_END.search(text):
        return False
    norm = _normalized(text)
    if not norm:
        return False
    for bare in _normalized_phrases(phrases):
        if norm == bare or norm.startswith(bare + " "):
            return True
        if (" " in bare or _CJK.search(bare)) and bare in norm:
            return True
        if anywhere and f" {bare} " in f" {norm} ":
            return True
    return False


@cache
def _normalized_phrases(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(filter(None, map(_normalized, phrases)))


def _starts_with(text: str, phrases: Collection[str]) -> bool:
    folded = text.casefold().lstrip(_PUNCT_EDGES)
    return any(folded.startswith(p) for p in phrases)


def _token_is_dateish(token: str, date_words: frozenset[str]) -> bool:
    bare = token.casefold().strip(_PUNCT_EDGES + "°")
    if not bare or any(c.isdigit() for c in bare):
        return True
    if bare in date_words:
        return True
    if _CJK.search(bare):
        return any(word in bare for word in date_words if _CJK.search(word))
    # Inflected forms ("ноября", "Julio,") and abbreviations with a dot ("Nov.").
    return any(bare.startswith(word) for word in date_words if len(word) >= 4)


@dataclass(frozen=True)
class DateShape:
    has_date: bool
    has_year: bool
    has_weekday: bool
    has_time: bool
    other_words: int  # words that are neither date parts nor labels


def date_shape(line: str) -> DateShape:
    lex = lexicon()
    text = ascii_digits(line)
    tokens = [t for t in re.split(r"[\s,|·•—–]+", text) if t]
    dateish = [_token_is_dateish(t, lex.date_words) for t in tokens]
    month_near_number = False
    for i, token in enumerate(tokens):
        bare = token.casefold().strip(_PUNCT_EDGES)
        if dateish[i] and bare and not any(c.isdigit() for c in bare):
            window = tokens[max(0, i - 2) : i + 3]
            if any(any(c.isdigit() for c in t) for t in window) and bare not in lex.weekdays:
                month_near_number = True
    has_date = bool(_NUMERIC_DATE.search(text)) or month_near_number
    folded = text.casefold()
    has_weekday = any(
        t.casefold().strip(_PUNCT_EDGES) in lex.weekdays
        or (_CJK.search(t) and any(w in t for w in lex.weekdays if _CJK.search(w)))
        for t in tokens
    )
    labels = sum(1 for label in lex.date_labels if label in folded)
    other = sum(word_count(t) for t, d in zip(tokens, dateish, strict=True) if not d)
    return DateShape(
        has_date=has_date,
        has_year=bool(_YEAR.search(text)),
        has_weekday=has_weekday,
        has_time=bool(_TIME.search(text)),
        other_words=max(0, other - labels),
    )


def is_page_date_line(line: str) -> bool:
    """A date line such as a masthead's "Tuesday, 15 July 2025 | Updated 21:15 GMT"."""
    shape = date_shape(line)
    # A weekday or a clock marks a masthead line that may also carry weather or links; without
    # one, a few other words already make it a headline that mentions a date.
    allowed = 6 if shape.has_weekday or shape.has_time else 2
    return shape.has_date and (shape.has_year or shape.has_weekday) and shape.other_words <= allowed


def is_dateline(line: str) -> bool:
    """A byline or timestamp line under a headline ("BEIJING, July 13 (Agency)", "By X")."""
    if is_byline(line):
        return True
    shape = date_shape(line)
    # A clock is rare in a headline; a date alone is not ("Iraq fire kills 61 on July 16").
    return (shape.has_time and shape.other_words <= 8) or (
        shape.has_date and shape.other_words <= 3
    )


def is_byline(line: str) -> bool:
    """ "By X", "আন্তর্জাতিক ডেস্ক", "Published: 17 July 2025, 11:20"."""
    lex = lexicon()
    if word_count(line) <= 12:
        if _starts_with(line, {phrase + " " for phrase in lex.byline_start}):
            return True
        if any(label in line.casefold() for label in lex.date_labels):
            shape = date_shape(line)
            return shape.has_date or shape.has_time
    return _matches(line, lex.byline, max_words=6, anywhere=True)


def is_menu(line: str) -> bool:
    """A row of short items ("Home | World | Asia", "Home › World"), a numbered menu item."""
    if _NUMBERED_ITEM.match(line) and word_count(line) <= 4:
        return True
    items = [item for item in _MENU_SEPARATORS.split(line.strip()) if item.strip()]
    if len(items) >= 2 and all(word_count(item) <= 3 for item in items):
        return len(items) >= 3 or all(word_count(item) <= 2 for item in items)
    return len(items) >= 4 and sum(word_count(item) <= 3 for item in items) >= 0.75 * len(items)


def is_breadcrumb(line: str) -> bool:
    """A path that starts at the home page ("Home বিশ্ব ..."), separators lost in the crawl.

    Only asked above the headline: elsewhere "Home prices fall" is a sentence.
    """
    first = line.strip().casefold()
    return any(first == word or first.startswith(word + " ") for word in lexicon().home)


def is_junk(line: str) -> bool:
    """Widget leftovers: a lone number, an empty label ("Date:"), a button, a share bar."""
    stripped = line.strip()
    if not stripped:
        return False
    if not any(c.isalpha() for c in stripped):
        return True
    if _BRACKETED.match(stripped):
        return True
    if stripped.endswith((":", "：")) and word_count(stripped) <= 2:
        return True
    # The whole line is the widget ("Share post", "spot_img") or a share bar ("Share: X ...");
    # a headline may well start with "Share".
    norm, folded = _normalized(stripped), stripped.casefold()
    return any(
        norm == phrase or folded.startswith((phrase + ":", phrase + " :"))
        for phrase in _normalized_phrases(lexicon().share)
    )


def is_tags(line: str) -> bool:
    return _starts_with(line, lexicon().tags)


def is_source_line(line: str) -> bool:
    """ "সূত্র: Reuters" names the article's sources: content, not furniture."""
    return _starts_with(line, lexicon().source)


def is_caption(line: str) -> bool:
    """A photo caption or credit ("ছবি: সংগৃহীত", "... Photo: Reuters"): text, not a title."""
    folded = line.casefold()
    for marker in lexicon().caption:
        at = folded.find(marker)
        if at == 0 or (at > 0 and word_count(folded[at + len(marker) :]) <= 4):
            return True
    return False


def is_related_marker(line: str) -> bool:
    return _matches(line, lexicon().related)


def is_inline_related(line: str) -> bool:
    """One linked headline after its marker ("আরও পড়ুন: ..."), not the heading of a list."""
    label, colon, rest = line.replace("：", ":").partition(":")
    return bool(colon) and word_count(rest) >= 3 and _matches(label, lexicon().related)


def is_closing_marker(line: str) -> bool:
    """Comment boxes and footers: nothing after them is article text."""
    lex = lexicon()
    return ("©" in line and word_count(line) <= 40) or _matches(line, lex.comments | lex.footer)


def is_list_item(line: str) -> bool:
    return bool(_BULLET.match(line))


def is_prose(line: str, *, min_words: int = 2) -> bool:
    """A sentence: it ends like one, or it is too long to be a title."""
    words = word_count(line)
    if is_list_item(line) or words < min_words:
        return False
    return bool(_SENTENCE_END.search(line)) or words >= 30


def is_statement(line: str) -> bool:
    """Ends with a full stop: a headline may end with "?" or "!", hardly ever with "."."""
    return bool(_STATEMENT_END.search(line))


def is_title_like(line: str) -> bool:
    """Could be a headline: a few words, not a date, menu, byline or widget."""
    words = word_count(line)
    return (
        3 <= words <= 40
        and not is_list_item(line)
        and not is_caption(line)
        and not is_menu(line)
        and not is_junk(line)
        and not is_page_date_line(line)
        and not is_dateline(line)
        and not is_related_marker(line)
        and not is_closing_marker(line)
    )

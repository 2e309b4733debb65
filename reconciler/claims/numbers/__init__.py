"""Numeric claims: a number with what it counts (a toll, a magnitude, a round), kept as bounds.

``find_numbers(text, lang)`` reads one stretch of text; ``extract(page)`` reads the page's
readable regions and returns ``NUMBER`` claims. A number is kept only when the words around it
say what it counts (a lexicon quantity, a unit, or else the counted noun itself); dates,
years, clock times and bare page furniture are not numeric claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import cn2an

from reconciler.claims.dates.finder import Atom
from reconciler.claims.dates.finder import atoms as date_atoms
from reconciler.claims.numbers.clock import clock_times
from reconciler.claims.numbers.lexicon import (
    MIN_PREFIX_STEM,
    WORD,
    Keyword,
    NumberLexicon,
    common_numbers,
    concept_family,
    country_names,
    lexicon,
    nationality,
    symbols,
    word_matches,
    words_of,
)
from reconciler.claims.numbers.settings import SETTINGS
from reconciler.records import Claim, ClaimKind, NumberValue, Page, RegionKind, Slot
from reconciler.text import CLAUSE_BREAK, SENTENCE_BREAK, ascii_digits, enclosing

__all__ = [
    "NumberMention",
    "extract",
    "find_numbers",
    "format_number",
    "page_year",
    "script_language",
]

# Digits not inside a word, a date (16/07/2025, 2025-07-16, 17.07.2025), a clock time (12:37)
# or a code (COP29, Covid-19).
DIGIT_NUMBER = re.compile(r"(?<![0-9A-Za-z\-/:.,])\d+(?:[.,]\d+)*(?![0-9]|[.,:/]\d|-\d)")
# "10 000" / "10 000": thousands grouped by spaces, in languages whose comma is decimal.
SPACED_THOUSANDS = re.compile(r"(?<![0-9.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![0-9]|[.,]\d)")
CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
NEXT_WORD = re.compile(r"\s*([^\W\d_][\w\u0900-\u0DFF\u0600-\u06FF\u200c\u200d-]*)")
LETTER_OR_MARK = re.compile(r"[\w\u0900-\u0DFF\u0600-\u06FF\u0300-\u036F]")


# How an approximation marker widens a value into an interval: (low factor, high factor);
# None is unbounded. "Nearly 100" is just below 100; "about 87" within ±10%.
BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "exact": (1.0, 1.0),
    "around": (0.9, 1.1),
    "below": (0.9, 1.0),
    "at_least": (1.0, None),
    "above": (1.0, None),
    "at_most": (None, 1.0),
    "under": (None, 1.0),
    # "Three more deaths": a rise on top of the page's total, not a total (reconcile reads
    # the page's other values of the slot as lower bounds).
    "increment": (1.0, 1.0),
}

DATE_ATOM_KINDS = frozenset({"date", "time"})
HAN = re.compile(r"[\u4e00-\u9fff]")
CHINESE_PARTICLES = frozenset("的了和与及、在被是为从向中")


@dataclass(frozen=True)
class NumberMention:
    """One number and what it counts; offsets index the text given to ``find_numbers``."""

    start: int  # the evidence: marker, number and counted noun
    end: int
    value: float
    bound: str  # a key of BOUNDS
    quantity: str  # "deaths", "magnitude", "distance:km", or "count:<noun>"
    unit: str
    ordinal: bool
    scope: str  # "previous", a past year, or ""
    keyed: bool  # the quantity comes from the lexicon, not from the noun as written
    qualified: bool = False  # a part of something unnamed ("5-member"): of what, unknown
    spread: float = 0.0  # relative rounding of a unit conversion (10 miles → 16.09 km)

    @property
    def low(self) -> float | None:
        factor = BOUNDS[self.bound][0]
        return None if factor is None else self.value * factor * (1 - self.spread)

    @property
    def high(self) -> float | None:
        factor = BOUNDS[self.bound][1]
        return None if factor is None else self.value * factor * (1 + self.spread)


@dataclass(frozen=True)
class _Word:
    text: str  # lower-cased
    start: int
    end: int


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    value: float
    ordinal: bool
    bound: str = "exact"
    plain_year_shape: bool = False  # four bare digits: a year unless a quantity says otherwise
    from_word: bool = False


def format_number(value: float) -> str:
    if value.is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _parse_digits(raw: str, decimal_comma: bool) -> float | None:
    compact = re.sub(r"[ \u00a0\u202f\u2009]", "", raw)
    if decimal_comma:
        compact = re.sub(r"\.(?=\d{3}(?!\d))", "", compact).replace(",", ".")
    else:
        compact = re.sub(r",(?=\d{2,3}(?!\d))", "", compact).replace(",", ".")
    try:
        return float(compact)
    except ValueError:
        return None


def _words(text: str, start: int, end: int) -> list[_Word]:
    return [
        _Word(match.group().lower(), match.start(), match.end())
        for match in WORD.finditer(text, start, end)
    ]


def _keyword_at(
    words: Sequence[_Word], keywords: Sequence[Keyword], min_stem: int = MIN_PREFIX_STEM
) -> tuple[Keyword, int] | None:
    """The keyword that ``words`` begin with, and how many words it takes."""
    for keyword in keywords:
        size = len(keyword.words)
        if len(words) < size:
            continue
        head = [word.text for word in words[:size]]
        if head[:-1] == list(keyword.words[:-1]) and word_matches(
            keyword.words[-1], head[-1], min_stem
        ):
            return keyword, size
    return None


def _keyword_ending(words: Sequence[_Word], keywords: Sequence[Keyword]) -> Keyword | None:
    """The keyword that ``words`` (in reading order) end with, matched whole."""
    for keyword in keywords:
        size = len(keyword.words)
        if len(words) >= size and tuple(word.text for word in words[-size:]) == keyword.words:
            return keyword
    return None


@cache
def _number_word_pattern(lang: str) -> re.Pattern[str] | None:
    lex = lexicon(lang)
    if lex is None:
        return None
    words = sorted({*lex.cardinal_words, *lex.ordinal_words, *lex.approx_words}, key=len)
    if not words:
        return None
    alternation = "|".join(re.escape(word) for word in reversed(words))
    edge = r"\w\u0900-\u0DFF\u0600-\u06FF\u200c\u200d"
    return re.compile(rf"(?<![{edge}])(?:{alternation})(?![{edge}])", re.IGNORECASE)


def _candidates(text: str, digits: str, lex: NumberLexicon) -> list[_Candidate]:
    found: list[_Candidate] = []
    for match in DIGIT_NUMBER.finditer(digits):
        value = _parse_digits(match.group(), lex.decimal_comma)
        if value is not None:
            raw = match.group()
            plain_year = len(raw) == 4 and raw.isdigit() and 1000 <= value < 3000
            found.append(_Candidate(match.start(), match.end(), value, False, "exact", plain_year))
    if lex.decimal_comma:
        for match in SPACED_THOUSANDS.finditer(digits):
            value = _parse_digits(match.group(), lex.decimal_comma)
            if value is not None:
                found = [c for c in found if not match.start() <= c.start < match.end()]
                found.append(_Candidate(match.start(), match.end(), value, False))
    pattern = _number_word_pattern(lex.lang)
    if pattern is not None:
        for match in pattern.finditer(text):
            word = match.group().lower()
            if word in lex.approx_words:
                value = lex.cardinal_words.get(word, 0.0)
                bound = lex.approx_words[word]
                found.append(
                    _Candidate(match.start(), match.end(), value, False, bound, from_word=True)
                )
            elif word in lex.ordinal_words:
                value = lex.ordinal_words[word]
                found.append(_Candidate(match.start(), match.end(), value, True, from_word=True))
            else:
                value = lex.cardinal_words[word]
                found.append(_Candidate(match.start(), match.end(), value, False, from_word=True))
    if not lex.spaced:
        found.extend(_chinese_numerals(text, lex))
    return sorted(found, key=lambda candidate: candidate.start)


def _chinese_numerals(text: str, lex: NumberLexicon) -> list[_Candidate]:
    """Chinese numerals ("第十九轮") count only after 第 or before a counter: 一 alone is in
    countless ordinary words."""
    counters = [word for keyword in lex.counted for word in keyword.words]
    counters += list(lex.classifiers)
    found = []
    for match in CHINESE_NUMERAL.finditer(text):
        after = text[match.end() : match.end() + SETTINGS.unspaced_window]
        prefixed = any(text[: match.start()].endswith(prefix) for prefix in lex.ordinal_prefixes)
        if not prefixed and not any(after.startswith(counter) for counter in counters):
            continue
        try:
            value = float(cn2an.cn2an(match.group(), "normal"))
        except (ValueError, KeyError, IndexError):
            continue
        found.append(_Candidate(match.start(), match.end(), value, False))
    return found


@dataclass(frozen=True)
class _Reading:
    """What the words around a number say about it."""

    quantity: str
    unit: str
    keyed: bool
    start: int
    end: int
    after: bool = False  # the words stand after the number


@dataclass(frozen=True)
class _Marker:
    bound: str = "exact"
    start: int = -1
    end: int = -1


def _unit_reading(key: str, start: int, end: int) -> _Reading:
    """``"distance:km"`` counts kilometres; ``"percent"`` is its own unit."""
    return _Reading(key, key.partition(":")[2] or key, False, start, end)


def _reading(keyword: Keyword, start: int, end: int, after: bool = False) -> _Reading:
    if keyword.unit:
        return _unit_reading(keyword.meaning, start, end)
    return _Reading(keyword.meaning, "", True, start, end, after)


def _until_specific_noun(lex: NumberLexicon, after: list[_Word]) -> list[_Word]:
    """The words after a number up to its counted noun: "61 people killed" reads on to
    "killed", "two countries' armies" stops at "countries"."""
    for index, word in enumerate(after):
        transparent = _generic(lex, word.text) or word.text in lex.fillers
        transparent = transparent or nationality(lex.lang, word.text) is not None
        if not transparent and _keyword_at(after[index:], lex.counted, lex.min_stem) is None:
            return after[: index + 1]
    return after


def _generic(lex: NumberLexicon, word: str) -> bool:
    """A noun for people of no named kind ("people", "людей", "civilians"), matched as a
    stem so that inflected forms count too."""
    return any(word_matches(noun, word, lex.min_stem) for noun in lex.generic_nouns)


def _qualifier_before(lex: NumberLexicon, before: list[_Word]) -> _Reading | None:
    """A specific quantity named just before a number counted in a generic concept:
    "चालक दल के 4 सदस्य" (4 members of the crew) counts the crew."""
    words = before[-SETTINGS.window_words :]
    for index in range(len(words) - 1, -1, -1):
        hit = _keyword_at(words[index:], lex.counted, lex.min_stem)
        if (
            hit is not None
            and not hit[0].unit
            and hit[0].meaning not in common_numbers().group_concepts
        ):
            return _reading(hit[0], words[index].start, words[index + hit[1] - 1].end)
    return None


def _read_spaced(
    lex: NumberLexicon, before: list[_Word], after: list[_Word], reach: tuple[int, int]
) -> tuple[_Reading | None, _Marker]:
    """Counted noun or unit, and approximation marker, from the words around a number;
    ``reach`` is how many words after and before may hold the counted noun."""
    marker = _Marker()
    index = 0
    while index < len(after) and any(after[index].text.startswith(c) for c in lex.classifiers):
        index += 1
    after_marker = _keyword_at(after[index:], lex.approx_after, lex.min_stem)
    if after_marker is not None:
        keyword, size = after_marker
        marker = _Marker(keyword.meaning, -1, after[index + size - 1].end)
        after = after[:index] + after[index + size :]
    before_marker = _keyword_ending(before, lex.approx_before)
    if before_marker is not None:
        size = len(before_marker.words)
        marker = _Marker(before_marker.meaning, before[-size].start, marker.end)
        before = before[:-size]
        if before_marker.meaning == "exact":  # a verb of change: see _mention
            reach = (reach[0], max(reach[1], len(before)))
    after = _until_specific_noun(lex, after[index:][: reach[0]])
    before = before[max(0, len(before) - reach[1]) :] if reach[1] else []
    hits: list[_Reading] = []
    for distance in range(max(reach)):
        hit = _keyword_at(after[distance:], lex.counted, lex.min_stem)
        if hit is not None:
            stop = after[distance + hit[1] - 1].end
            hits.append(_reading(hit[0], after[distance].start, stop, True))
        elif distance < len(after) and (country := nationality(lex.lang, after[distance].text)):
            word = after[distance]
            hits.append(_Reading(f"nationals:{country}", "", True, word.start, word.end, True))
        if distance < len(before):
            word = before[-1 - distance]
            hit = _keyword_at([word], lex.counted, lex.min_stem)
            if hit is not None:
                hits.append(_reading(hit[0], word.start, word.end))
    if hits:
        return _ranked(hits), marker
    if (
        not after
        or after[0].text in lex.fillers
        or after[0].text in lex.skip_words | lex.year_words
    ):
        return None, marker
    noun = after[0]
    return _Reading(f"count:{noun.text}", "", False, noun.start, noun.end), marker


def _ranked(hits: Sequence[_Reading]) -> _Reading:
    """The reading that says what a number counts, of those near it (nearest first): a unit
    right at the number binds it; what happened ("killed") outranks who it happened to
    ("soldiers"), so that "11 soldiers killed" and "killed 11" fill one slot; then the
    noun after the number ("two Indian aircraft"), then the words before it ("magnitude
    7.2"), a noun of who was counted last among those after it."""
    first = hits[0]
    if first.unit:
        return first
    shared = common_numbers()
    outcome = next((hit for hit in hits if hit.quantity in shared.outcome_concepts), None)
    after = [hit for hit in hits if hit.after and not hit.unit]
    thing = next(
        (hit for hit in after if concept_family(hit.quantity) not in shared.subject_concepts),
        None,
    )
    return outcome or thing or (after[0] if after else first)


def _read_unspaced(
    lex: NumberLexicon, text: str, start: int, end: int, clause: tuple[int, int]
) -> tuple[_Reading | None, _Marker]:
    """The same for Chinese: markers and counters touch the number."""
    marker = _Marker()
    after_start = end
    for classifier in lex.classifiers:
        if text.startswith(classifier, after_start):
            after_start += len(classifier)
    # Korean writes a space before some markers ("8명 이상"), Chinese none.
    ahead = text[after_start : after_start + SETTINGS.unspaced_window]
    marker_start = after_start + len(ahead) - len(ahead.lstrip(" "))
    for keyword in lex.approx_after:
        phrase = "".join(keyword.words)
        if text.startswith(phrase, marker_start):
            marker = _Marker(keyword.meaning, -1, marker_start + len(phrase))
            after_start = marker_start + len(phrase)
            break
    before_text = text[max(clause[0], start - SETTINGS.unspaced_window) : start]
    lead = before_text.rstrip(" ")
    for keyword in lex.approx_before:
        phrase = "".join(keyword.words)
        if lead.endswith(phrase):
            at = start - len(before_text) + len(lead) - len(phrase)
            marker = _Marker(keyword.meaning, at, marker.end)
            break
    after_text = text[after_start : min(clause[1], after_start + SETTINGS.unspaced_window)]
    # (distance, side: after first, lexicon order: longest first, reading)
    found: list[tuple[int, int, int, _Reading]] = []
    for order, keyword in enumerate(lex.counted):
        phrase = "".join(keyword.words)
        position = after_text.find(phrase)
        if position >= 0:
            at = after_start + position
            found.append((position, 0, order, _reading(keyword, at, at + len(phrase), True)))
        position = before_text.rfind(phrase)
        if position >= 0 and not keyword.unit:  # a unit follows its number: "2時間35分"
            distance = len(before_text) - position - len(phrase)
            at = start - len(before_text) + position
            found.append((distance, 1, order, _reading(keyword, at, at + len(phrase))))
    if not found:
        return _counted_noun(lex, text, end, clause), marker
    return _ranked([item[3] for item in sorted(found, key=lambda item: item[:3])]), marker


def _counted_noun(
    lex: NumberLexicon, text: str, end: int, clause: tuple[int, int]
) -> _Reading | None:
    """The noun a Chinese counter introduces ("3位部长" counts 部长), when no lexicon
    quantity is near: the Han characters after the counter, up to a particle."""
    counter = next(
        (c for c in (*lex.classifiers, *lex.generic_nouns) if text.startswith(c, end)), ""
    )
    if not counter:
        return None
    start = end + len(counter)
    for name, _, country in country_names(lex.lang):
        if text.startswith(name, start):
            return _Reading(f"nationals:{country}", "", True, start, start + len(name))
    stop = start
    while stop < min(clause[1], start + SETTINGS.chinese_noun_chars) and HAN.match(text[stop]):
        if text[stop] in CHINESE_PARTICLES:
            break
        stop += 1
    if stop == start:
        return None  # "72人" alone: people, of no named kind
    return _Reading(f"count:{text[start:stop]}", "", False, start, stop)


def _reach(candidate: _Candidate) -> tuple[int, int]:
    """Words after and before a number that may say what it counts: a number written as a
    word only counts what follows it ("killed two" is rare, "Second World War" common)."""
    return (
        (SETTINGS.window_words, 0)
        if candidate.from_word
        else (SETTINGS.window_words, SETTINGS.window_words)
    )


def _ordinal_suffix_end(text: str, end: int, lex: NumberLexicon) -> int | None:
    for suffix in lex.ordinal_suffixes:
        if text.startswith(suffix, end):
            after = end + len(suffix)
            if after >= len(text) or not LETTER_OR_MARK.match(text[after]):
                return after
    return None


def _symbol_reading(text: str, start: int, end: int) -> _Reading | None:
    before_signs, after_signs = symbols()
    head_start = max(0, start - 4)
    head = text[head_start:start].rstrip()
    for sign, meaning in before_signs.items():
        if head.endswith(sign):
            return _unit_reading(meaning, head_start + len(head) - len(sign), end)
    tail = text[end : end + 4]
    for sign, meaning in after_signs.items():
        if tail.lstrip(" ").startswith(sign):
            stop = end + (len(tail) - len(tail.lstrip(" "))) + len(sign)
            return _unit_reading(meaning, start, stop)
    return None


def _scope(
    text: str,
    digits: str,
    span: tuple[int, int],
    lex: NumberLexicon,
    page_year: int | None,
    days: Sequence[Atom],
) -> str:
    start, end = span
    sentence_start, sentence_end = enclosing(SENTENCE_BREAK, text, start, end)
    lead = text[max(sentence_start, start - SETTINGS.scope_reach) : start].lower()
    if lex.spaced:
        if any(word_matches(scope, word) for word in words_of(lead) for scope in lex.scope_words):
            return "previous"
    elif any(scope in lead for scope in lex.scope_words):
        return "previous"
    if page_year is None:
        return _day_scope(days, sentence_start, sentence_end)
    past = [
        (match.start() > start, abs(match.start() - start), match.group())
        for match in YEAR.finditer(digits, sentence_start, sentence_end)
        if int(match.group()) < page_year and not match.start() <= start < match.end()
    ]
    # The year written before the number governs it ("In 2023, a fire killed ..."); one
    # after it only when none comes before.
    return min(past)[2] if past else _day_scope(days, sentence_start, sentence_end)


def _day_scope(days: Sequence[Atom], sentence_start: int, sentence_end: int) -> str:
    """``"on:MM-DD"`` (or ``"on:YYYY-MM-DD"``) when the number's sentence names a day ("the
    attack of 22 April that killed 26"): reconcile keeps a count of a day before the event's
    apart from the event's own count."""
    for atom in days:
        parts = atom.date
        if not sentence_start <= atom.start < sentence_end or parts is None:
            continue
        if parts.calendar == "gregorian" and parts.month and parts.day:
            year = f"{parts.year:04d}-" if parts.year else ""
            return f"on:{year}{parts.month:02d}-{parts.day:02d}"
    return ""


def _mention(
    text: str,
    digits: str,
    candidate: _Candidate,
    lex: NumberLexicon,
    page_year: int | None,
    days: Sequence[Atom] = (),
) -> NumberMention | None:
    start, end, value = candidate.start, candidate.end, candidate.value
    ordinal = candidate.ordinal
    suffix_end = _ordinal_suffix_end(digits, end, lex) if not ordinal else None
    if suffix_end is not None:
        ordinal, end = True, suffix_end
    prefixed = next((p for p in lex.ordinal_prefixes if text[:start].endswith(p)), None)
    if prefixed:
        ordinal, start = True, start - len(prefixed)
    clause = enclosing(CLAUSE_BREAK, digits, start, end)
    if lex.spaced:
        after = _words(text, end, clause[1])
        before = _words(text, clause[0], start)
        change = _keyword_ending(before, lex.approx_before)
        if change is not None and change.meaning == "exact":
            # "the number of dead ... rose to 137": the verb of change ties the number to
            # its sentence's subject, however far back, across quoted names and commas.
            sentence = enclosing(SENTENCE_BREAK, digits, start, end)
            before = _words(text, sentence[0], start)
        if after and after[0].text in lex.multipliers:
            value, end = value * lex.multipliers[after[0].text], after[0].end
            after = after[1:]
        after_skip = lex.skip_words | lex.year_words
        if any(word.text in after_skip for word in after[:2]) or (
            before and before[-1].text in lex.skip_words
        ):
            return None
        reading, marker = _read_spaced(lex, before, after, _reach(candidate))
        if reading is not None and reading.quantity in common_numbers().group_concepts:
            reading = _qualifier_before(lex, before) or reading
    else:
        if text[end : end + 1] in lex.multipliers:
            value, end = value * lex.multipliers[text[end]], end + 1
        if _unspaced_skip(lex, text, end) or _clock_minutes(lex, digits, start):
            return None
        reading, marker = _read_unspaced(lex, text, start, end, clause)
    reading = _symbol_reading(digits, start, end) or reading
    bound = candidate.bound if candidate.bound != "exact" else marker.bound
    if reading is None or (candidate.plain_year_shape and not reading.keyed):
        return None
    if reading.unit and _relative_time(lex, text, reading):
        return None
    half = _half_after(lex, text, reading)
    if half:
        value, reading = value + 0.5, replace(reading, end=half)
    qualified = reading.quantity in common_numbers().group_concepts
    span_start = min(x for x in (start, reading.start, marker.start) if x >= 0)
    span_end = max(end, reading.end, marker.end)
    return NumberMention(
        start=span_start,
        end=span_end,
        value=value,
        bound=bound,
        quantity=reading.quantity,
        unit=reading.unit,
        ordinal=ordinal,
        scope=_scope(text, digits, (start, end), lex, page_year, days),
        keyed=reading.keyed,
        qualified=qualified,
    )


def _half_after(lex: NumberLexicon, text: str, reading: _Reading) -> int:
    """Where a "half" after a unit ends ("2시간 반": two and a half hours), else 0."""
    if not reading.unit:
        return 0
    rest = text[reading.end : reading.end + SETTINGS.unspaced_window]
    skipped = len(rest) - len(rest.lstrip(" "))
    for word in lex.half_words:
        if rest.startswith(word, skipped):
            after = reading.end + skipped + len(word)
            if not LETTER_OR_MARK.match(text[after : after + 1]):
                return after
    return 0


def _clock_minutes(lex: NumberLexicon, digits: str, start: int) -> bool:
    """The minutes of a clock time ("10시 30분", "4時27分"): the number follows an hour
    written with its clock word."""
    lead = digits[max(0, start - SETTINGS.unspaced_window) : start].rstrip(" ")
    return any(lead.endswith(word) and lead[: -len(word)][-1:].isdigit() for word in lex.year_words)


def _relative_time(lex: NumberLexicon, text: str, reading: _Reading) -> bool:
    """ "Three days after the fall", "তিন দিন পর": a duration that places the event in time,
    not a quantity of it."""
    if not reading.quantity.startswith("duration:"):
        return False
    rest = text[reading.end : reading.end + SETTINGS.unspaced_window].lstrip()
    if lex.spaced:
        following = WORD.match(rest)
        return following is not None and following.group().lower() in lex.relative_words
    return any(rest.startswith(word) for word in lex.relative_words)


def _unspaced_skip(lex: NumberLexicon, text: str, end: int) -> bool:
    """A month or clock word right after the number ("10時", "10시") makes it a date or a
    time, unless a longer unit begins there ("10時間", "10시간": hours)."""
    skip = max(
        (len(word) for word in lex.skip_words | lex.year_words if text.startswith(word, end)),
        default=0,
    )
    if not skip:
        return False
    unit = max(
        (
            len(phrase)
            for keyword in lex.counted
            if text.startswith(phrase := "".join(keyword.words), end)
        ),
        default=0,
    )
    return skip >= unit


def _date_atoms(text: str) -> list[Atom]:
    """Where the date finder sees a date or a clock time ("۲۲ شعبان", "4 November",
    "११ बजे"): a number inside one is a day, a year or an hour, never a count."""
    return [atom for atom in date_atoms(text) if atom.kind in DATE_ATOM_KINDS]


def _compounded(
    text: str, mentions: list[NumberMention], lex: NumberLexicon
) -> list[NumberMention]:
    """ "2 hours 35 minutes", "2시간 48분": one value in the smaller unit."""
    pairs = set(common_numbers().compound_units)
    scales = common_numbers().scales
    merged: list[NumberMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if previous is not None and (previous.quantity, mention.quantity) in pairs:
            gap = words_of(text[previous.end : mention.start])
            if all(word in lex.fillers for word in gap):
                factor = scales[previous.quantity][1]
                merged[-1] = replace(
                    mention,
                    start=previous.start,
                    value=previous.value * factor + mention.value,
                    bound=mention.bound if mention.bound != "exact" else previous.bound,
                )
                continue
        merged.append(mention)
    return merged


def _scaled(mention: NumberMention) -> NumberMention:
    """A unit brought to its slot's scale: hours to minutes, miles to kilometres."""
    scale = common_numbers().scales.get(mention.quantity)
    if scale is None:
        return mention
    target, factor, spread = scale
    return replace(
        mention,
        value=mention.value * factor,
        quantity=target,
        unit=target.partition(":")[2],
        spread=spread,
    )


def find_numbers(text: str, lang: str, *, page_year: int | None = None) -> list[NumberMention]:
    """Numeric claims in ``text`` (a region's text), in reading order. ``page_year`` (the
    year the page was written) lets a sentence naming an earlier year mark its numbers as
    about that year."""
    lex = lexicon(lang) or lexicon(script_language(text))
    if lex is None:
        return []
    digits = ascii_digits(text)
    dated = _date_atoms(text)
    days = [atom for atom in dated if atom.kind == "date"]
    # A day, a year or a time of day ("15.30 hours", "3 PM") is never a count.
    taken = [(atom.start, atom.end) for atom in dated]
    taken += [(time.start, time.end) for time in clock_times(text, lex.lang)]
    mentions = []
    for candidate in _candidates(text, digits, lex):
        if any(start < candidate.end and candidate.start < end for start, end in taken):
            continue
        mention = _mention(text, digits, candidate, lex, page_year, days)
        if mention is not None:
            mentions.append(mention)
    return [_scaled(mention) for mention in _compounded(text, mentions, lex)]


# Ranges of the scripts whose pages this package reads, for pages whose language was not
# detected: the script alone tells which lexicon to use (Latin falls back to English).
SCRIPT_LANGUAGES = (
    ("\u0980", "\u09ff", "bn"),
    ("\u0900", "\u097f", "hi"),
    ("\u0600", "\u06ff", "ar"),
    ("\u0400", "\u04ff", "ru"),
    ("\u4e00", "\u9fff", "zh"),
)


def script_language(text: str) -> str:
    """The language a page's script alone points to, for pages whose language is unknown."""
    counts = {
        lang: sum(1 for char in text if low <= char <= high) for low, high, lang in SCRIPT_LANGUAGES
    }
    lang, count = max(counts.items(), key=lambda item: item[1])
    return lang if count else "en"


def page_year(page: Page) -> int | None:
    """The year the page was written: its fetch date, else the latest year in its header."""
    if page.fetched_at and page.fetched_at[:4].isdigit():
        return int(page.fetched_at[:4])
    for kinds in ((RegionKind.HEADER, RegionKind.DATELINE, RegionKind.HEADLINE), None):
        regions = [r for r in page.readable_regions() if kinds is None or r.kind in kinds]
        years = [
            int(match.group())
            for region in regions
            for match in YEAR.finditer(ascii_digits(page.region_text(region)))
        ]
        if years:
            return max(years)
    return None


def _next_word(text: str, offset: int) -> str:
    """The word right after a number's evidence on the same line ("two foreign ministers":
    "ministers" after "two foreign"), which may say whose head count it is."""
    following = NEXT_WORD.match(text, offset)
    if following is None or "\n" in text[offset : following.start(1)]:
        return ""
    return following.group(1)


def extract(page: Page) -> list[Claim]:
    year = page_year(page)
    claims = []
    for region in page.readable_regions():
        for mention in find_numbers(page.region_text(region), page.lang, page_year=year):
            start, end = region.start + mention.start, region.start + mention.end
            confidence = SETTINGS.noun_confidence
            if mention.keyed or mention.unit:
                confidence = (
                    SETTINGS.keyed_confidence if mention.keyed else SETTINGS.unit_confidence
                )
            value = NumberValue(
                value=mention.value,
                low=mention.low,
                high=mention.high,
                bound=mention.bound,
                quantity=mention.quantity,
                unit=mention.unit,
                ordinal=mention.ordinal,
                scope=mention.scope,
                keyed=mention.keyed,
                qualified=mention.qualified,
                next_word=_next_word(page.text, end),
            )
            claims.append(
                Claim.of(
                    value,
                    kind=ClaimKind.NUMBER,
                    page_id=page.id,
                    start=start,
                    end=end,
                    text=page.text[start:end],
                    region=region.kind,
                    normalized=format_number(mention.value),
                    confidence=confidence,
                    slot=Slot.QUANTITY,
                )
            )
    return claims

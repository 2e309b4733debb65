"""Rule-based mentions of people, places and organisations on one page.

No NER model installs offline from PyPI with its weights (spaCy models are not on PyPI,
stanza/flair/gliner download at run time), so people are found by what news text
always gives: a title or role before the name ("রুশ পররাষ্ট্রমন্ত্রী সার্গেই লাভরভ",
"外长拉夫罗夫"), a speech verb after it, a "name (Latin name)" pair, and then every
later use of the name on the page. Places come from locative cues and datelines,
checked against a gazetteer of countries and cities.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz.fuzz import ratio

from reconciler.claims.entities.common import is_calendar_word, is_common_word
from reconciler.claims.entities.gazetteer import (
    Place,
    han_names,
    lookup,
    lookup_inflected,
    lookup_romanised,
)
from reconciler.claims.entities.lexicon import (
    STEM_ENDING,
    Lexicon,
    chinese_surnames,
    lexicon_for,
    name_particles,
)
from reconciler.claims.entities.matching import same_entity
from reconciler.claims.entities.romanize import name_tokens, romanize, script_of, skeleton
from reconciler.claims.entities.text import (
    Word,
    lemmatize_name_word,
    strip_case_suffix,
    strip_place_suffix,
    words,
)
from reconciler.records import Page, Region, RegionKind
from reconciler.text import sentence_spans

CAPITALISED_SCRIPTS = frozenset({"latin", "cyrillic"})
_MAX_NAME_WORDS = 4
_MAX_RUN_WORDS = 7  # "МИД КНДР Цой Сон Хи": abbreviations before a name
_PARTICLES = frozenset(
    {"de", "da", "del", "dos", "van", "von", "der", "bin", "ben", "ibn", "al", "el", "la", "le"}
)
_LATIN_ALIAS_RE = re.compile(r"\s*\(([A-Z][A-Za-z .'\-]{1,60})\)")
_HAN = "\u4e00-\u9fff"
_ARABIC_ARTICLE_RE = re.compile(r"(?:al|el|ad|as|ash|an|ar|at|az|ul|ud)-[A-Z]")


@dataclass
class Mention:
    """One name on the page, before it becomes a ``Claim``."""

    kind: str  # "person" | "place" | "org"
    start: int
    end: int
    lemma: str  # the name in its own script, case endings removed
    region: RegionKind
    cue: str  # how it was found: title, speech, alias, recurrence, locative, dateline, ...
    role: str = ""
    latin: str = ""
    place: Place | None = None
    details: dict[str, object] = field(default_factory=dict)


def dominant_script(text: str) -> str:
    counts = Counter(script_of(char) for char in text if char.isalpha())
    non_latin = {script: count for script, count in counts.items() if script != "latin"}
    if non_latin and max(non_latin.values()) >= 0.3 * sum(counts.values()):
        return max(non_latin, key=non_latin.__getitem__)
    return "latin"


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _gap(text: str, left: Word, right: Word) -> str:
    return text[left.end : right.start]


def _adjacent(text: str, left: Word, right: Word) -> bool:
    """Nothing but spaces between two words (a name does not span a comma)."""
    gap = _gap(text, left, right)
    return gap.strip() == "" and "\n" not in gap


def _title_at(tokens: list[Word], index: int, lexicon: Lexicon) -> int:
    """How many words of a title start at ``index`` (0 if none): the first title of the
    lexicon's (longest first) list that matches, found through the index of first words so
    that the cost does not grow with the number of titles."""
    first = tokens[index].text.lower()
    if lexicon.stem_match:
        shortest = max(1, len(first) - STEM_ENDING)
        heads = [first[:size] for size in range(len(first), shortest - 1, -1)]
    else:
        heads = [first]
    candidates = sorted(
        entry for head in heads for entry in lexicon.titles_by_first_word.get(head, ())
    )
    for _, parts in candidates:
        if index + len(parts) > len(tokens):
            continue
        window = tuple(token.text.lower() for token in tokens[index : index + len(parts)])
        if lexicon.stem_match:
            if all(
                word.startswith(part) and len(word) - len(part) <= STEM_ENDING
                for word, part in zip(window, parts, strict=True)
            ):
                return len(parts)
        elif window == parts:
            return len(parts)
    return 0


def _is_org_word(word: str, lexicon: Lexicon) -> bool:
    lowered = word.lower()
    return lowered.startswith(lexicon.org_prefixes) or lowered in lexicon.org_words


def _is_abbreviation(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _not_a_name_word(word: str, lexicon: Lexicon) -> bool:
    """A word that cannot open a person's name: "России", "China's", "SCO", "Tuesday"."""
    place = lookup_inflected(word.removesuffix("'s").removesuffix("’s"))
    return (
        word.lower() in lexicon.non_name_words
        or _is_abbreviation(word)
        or _is_org_word(word, lexicon)
        or word.endswith(("'s", "’s"))
        or (place is not None and place.kind != "city")
    )


# --- capitalised scripts (Latin, Cyrillic) ------------------------------------------------


def _capitalised_run(
    text: str, tokens: list[Word], index: int, lexicon: Lexicon | None = None
) -> int:
    """Length of the run of capitalised words at ``index`` (cut before a title if given)."""
    length = 0
    while index + length < len(tokens) and length < _MAX_RUN_WORDS:
        token = tokens[index + length]
        if length and not _adjacent(text, tokens[index + length - 1], token):
            break
        if length and lexicon is not None and _title_at(tokens, index + length, lexicon):
            break
        previous = tokens[index + length - 1].text if length else ""
        if length > 1 and previous.endswith("."):
            break  # "Ван И. В Китай": an initial ends a name only at its start
        if (
            _is_capitalised(token.text)
            or _ARABIC_ARTICLE_RE.match(token.text)
            or (
                length
                and token.text.lower() in _PARTICLES
                and index + length + 1 < len(tokens)
                and _is_capitalised(tokens[index + length + 1].text)
            )
        ):
            length += 1
        else:
            break
    return length


def _name_from_run(tokens: list[Word], lexicon: Lexicon) -> list[Word]:
    """Drop leading words that are places, organisations or abbreviations ("России Сергей")."""
    while tokens and (
        _not_a_name_word(tokens[0].text, lexicon) or _is_place_word(tokens[0].text, len(tokens))
    ):
        tokens = tokens[1:]
    if any(_is_org_word(token.text, lexicon) for token in tokens) or any(
        token.text.lower() in lexicon.place_words for token in tokens
    ):
        return []
    while tokens and tokens[-1].text.lower() in _PARTICLES:
        tokens = tokens[:-1]
    return tokens[:_MAX_NAME_WORDS]


def _is_venue_run(tokens: list[Word], lexicon: Lexicon) -> bool:
    """ "Schloss Meseberg", "Palais de l'Élysée": a venue, and no person's name."""
    return any(token.text.lower() in lexicon.place_words for token in tokens)


def _is_place_word(word: str, run_length: int) -> bool:
    """A city name opens a person's name only as a given name ("Vladimir Putin")."""
    if lookup(word) is not None:
        return run_length == 1
    return lookup_inflected(word) is not None  # inflected: "Москву", "Пекине"


def _latin_name_mention(
    page: Page, name_words: list[Word], lexicon: Lexicon, cue: str, role: str = ""
) -> Mention:
    last = name_words[-1]
    lemma_words = [lemmatize_name_word(word.text.rstrip("."), lexicon) for word in name_words]
    stem = last.text.removesuffix("'s").removesuffix("’s").rstrip(".")
    if lemma_words[-1] != last.text and last.text.startswith(lemma_words[-1]):
        stem = lemma_words[-1]
    end = last.start + len(stem)
    return Mention(
        "person",
        name_words[0].start,
        end,
        " ".join(lemma_words).removesuffix("'s").removesuffix("’s"),
        page.region_at(name_words[0].start),
        cue,
        role=role,
    )


def _role_before(tokens: list[Word], index: int, text: str) -> str:
    """A nationality adjective or possessive right before a title ("Russian", "China's")."""
    if index == 0:
        return ""
    previous = tokens[index - 1]
    if not _adjacent(text, previous, tokens[index]) or lookup_inflected(previous.text):
        return ""
    if _is_capitalised(previous.text) or previous.text.endswith(("'s", "’s")):
        return previous.text + " "
    return ""


def _persons_capitalised(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    text = page.text
    found: list[Mention] = []
    max_skip = lexicon.title_skip
    index = 0
    while index < len(tokens):
        title_length = _title_at(tokens, index, lexicon)
        if title_length:
            role_words = tokens[index : index + title_length]
            role = _role_before(tokens, index, text) + " ".join(word.text for word in role_words)
            cursor = index + title_length
            skipped = 0
            while (
                cursor < len(tokens)
                and skipped <= max_skip
                and not _title_at(tokens, cursor, lexicon)
            ):
                if tokens[cursor].text.lower() in lexicon.place_prepositions:
                    break  # "Ministerrat in Meseberg": a place follows, not the title's name
                if text[tokens[cursor - 1].end : tokens[cursor].start].strip(" ") not in ("",):
                    gap = text[tokens[cursor - 1].end : tokens[cursor].start]
                    if any(mark in gap for mark in ".;:!?\n()—"):
                        break
                run = _capitalised_run(text, tokens, cursor, lexicon)
                if run:
                    name = _name_from_run(tokens[cursor : cursor + run], lexicon)
                    if name:
                        found.append(_latin_name_mention(page, name, lexicon, "title", role))
                        _plural_continuation(page, tokens, cursor + run, lexicon, role, found)
                        break
                    if _is_venue_run(tokens[cursor : cursor + run], lexicon):
                        break  # "Ministerrat auf Schloss Meseberg in Brandenburg": no name follows
                    cursor += run
                else:
                    cursor += 1
                skipped += 1
            index += title_length
            continue
        run = _capitalised_run(text, tokens, index, lexicon)
        if run:
            name = _name_from_run(tokens[index : index + run], lexicon)
            following = tokens[index + run] if index + run < len(tokens) else None
            speaks = following is not None and _followed_by_speech(text, following, lexicon)
            if len(name) >= 2 and speaks:
                found.append(_latin_name_mention(page, name, lexicon, "speech"))
            elif name and len(name) >= 2 and _appositive_title(text, tokens, index + run, lexicon):
                found.append(_latin_name_mention(page, name, lexicon, "title"))
            index += run
            continue
        index += 1
    return found


def _plural_continuation(
    page: Page, tokens: list[Word], cursor: int, lexicon: Lexicon, role: str, found: list[Mention]
) -> None:
    """ "Presidents Xi Jinping and Vladimir Putin": the second name shares the title."""
    plural = role.lower().endswith("s") and not role.lower().endswith("ss")
    conjunctions = ("and", "и", "y", "et", "und")
    if not plural or cursor + 1 >= len(tokens) or tokens[cursor].text.lower() not in conjunctions:
        return
    run = _capitalised_run(page.text, tokens, cursor + 1, lexicon)
    name = _name_from_run(tokens[cursor + 1 : cursor + 1 + run], lexicon) if run else []
    if name:
        found.append(_latin_name_mention(page, name, lexicon, "title", role))


def _followed_by_speech(text: str, following: Word, lexicon: Lexicon) -> bool:
    rest = text[following.start : following.start + 40].lower()
    return any(
        rest.startswith(verb + " ") or rest.startswith(verb + ",") for verb in lexicon.speech_verbs
    )


def _appositive_title(text: str, tokens: list[Word], cursor: int, lexicon: Lexicon) -> bool:
    """ "Sergei Shoigu, secretary of Russia's Security Council"."""
    if cursor >= len(tokens) or text[tokens[cursor - 1].end : tokens[cursor].start].strip() != ",":
        return False
    for offset in range(3):
        position = cursor + offset
        lowercase = position < len(tokens) and not _is_capitalised(tokens[position].text)
        if lowercase and _title_at(tokens, position, lexicon):
            return True
    return False


# --- scripts without capitals (Bengali, Devanagari, Arabic) -------------------------------


def _is_stop(word: str, lexicon: Lexicon) -> bool:
    return (
        word in lexicon.stop_words
        or strip_case_suffix(word, lexicon) in lexicon.stop_words
        or word in lexicon.nationality_words
        or any(char.isdigit() for char in word)
        or word in lexicon.speech_verbs
    )


def _starts_with_title(word: str, lexicon: Lexicon) -> bool:
    """ "পররাষ্ট্রমন্ত্রীদের" is a title with a case ending, not a name."""
    return any(word.startswith(title) for title in lexicon.titles if len(title) >= 4)


def _ends_name(tokens: list[Word], cursor: int, lexicon: Lexicon, text: str) -> bool:
    """Whether the name stops before ``tokens[cursor]``."""
    if cursor >= len(tokens):
        return True
    word = tokens[cursor].text
    if word in name_particles() and _adjacent(text, tokens[cursor - 1], tokens[cursor]):
        return False  # "فيصل بن فرحان": "بن" (son of) is no city, however Bonn is spelled
    return (
        not _adjacent(text, tokens[cursor - 1], tokens[cursor])
        and not (len(tokens[cursor - 1].text) <= 2 and text[tokens[cursor - 1].end] == ".")
    ) or (
        _is_stop(word, lexicon)
        or _title_at(tokens, cursor, lexicon) > 0
        or _starts_with_title(word, lexicon)
        or lookup(strip_case_suffix(word, lexicon)) is not None
        or _is_org_word(word, lexicon)
    )


def _uncapitalised_name(
    page: Page, tokens: list[Word], cursor: int, lexicon: Lexicon
) -> tuple[list[Word], str]:
    """Words of a name starting at ``cursor``, and its last word without case ending.

    A case ending closes the name, except a bare "-র" after a vowel, which may be the
    name's own last letter (ভ্লাদিমির পুতিনের): then the name goes on if the next word
    can be part of it.
    """
    text = page.text
    if cursor >= len(tokens) or (cursor and _ends_name(tokens, cursor, lexicon, text)):
        return [], ""
    name: list[Word] = []
    lemma_last = ""
    limit = 4 if lexicon.script == "arabic" else 3
    while cursor < len(tokens) and len(name) < limit:
        word = tokens[cursor]
        if name and _ends_name(tokens, cursor, lexicon, text):
            break
        if not name and (_is_stop(word.text, lexicon) or _starts_with_title(word.text, lexicon)):
            break
        name.append(word)
        stripped = strip_case_suffix(word.text, lexicon)
        lemma_last = stripped
        ambiguous = word.text[len(stripped) :] in lexicon.suffixes_after_vowel
        if stripped != word.text and not (
            ambiguous and not _ends_name(tokens, cursor + 1, lexicon, text)
        ):
            break
        lemma_last = word.text if stripped != word.text else stripped
        cursor += 1
    if len(name) == limit > 3 and is_common_word(name[-1].text, page.lang):
        name.pop()  # "رجب طيب أردوغان المناطق": a fourth word that is a common noun
        lemma_last = strip_case_suffix(name[-1].text, lexicon)
    while len(name) > 1 and name[-1].text in name_particles():
        name.pop()  # the fourth word of "فيصل بن فرحان بن عبدالله"
        lemma_last = name[-1].text
    possessive = bool(name) and lemma_last != name[-1].text
    if possessive and cursor < len(tokens) and _starts_with_title(tokens[cursor].text, lexicon):
        return [], ""  # "এসসিওর পররাষ্ট্রমন্ত্রীরা": the SCO's ministers, not a person
    words_ = [word.text for word in name[:-1]] + [lemma_last]
    if any(lookup(" ".join(words_[:size])) for size in range(1, len(words_) + 1)):
        return [], ""  # "উত্তর কোরিয়া সফরের": a place, then a noun
    return name, lemma_last


def _role_before_uncapitalised(tokens: list[Word], index: int, lexicon: Lexicon, text: str) -> str:
    """ "রুশ", "চীনের", "चीन के": who the title belongs to."""
    if index == 0 or not _adjacent(text, tokens[index - 1], tokens[index]):
        return ""
    previous = tokens[index - 1].text
    if previous in lexicon.nationality_words:
        return previous + " "
    if lookup(strip_case_suffix(previous, lexicon)):
        return previous + " "
    if index >= 2 and previous in lexicon.stop_words and lookup(tokens[index - 2].text):
        return f"{tokens[index - 2].text} {previous} "
    return ""


def _is_role_word(word: str, lexicon: Lexicon) -> bool:
    """Words between a title and its name: "عربستان", "کشورمان", "নির্বাচিত" (elected)."""
    if word in lexicon.nationality_words or word in lexicon.role_words:
        return True
    place = lookup(strip_case_suffix(word, lexicon))
    return place is not None and place.kind == "country"


def _persons_uncapitalised(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    found: list[Mention] = []
    index = 0
    while index < len(tokens):
        title_length = _title_at(tokens, index, lexicon)
        if not title_length:
            index += 1
            continue
        role = _role_before_uncapitalised(tokens, index, lexicon, page.text) + " ".join(
            word.text for word in tokens[index : index + title_length]
        )
        cursor = index + title_length
        while cursor < len(tokens) and _is_role_word(tokens[cursor].text, lexicon):
            role += " " + tokens[cursor].text
            cursor += 1
        name, lemma_last = _uncapitalised_name(page, tokens, cursor, lexicon)
        if name and lookup(" ".join([*(word.text for word in name[:-1]), lemma_last])) is None:
            found.append(_uncapitalised_mention(page, name, lemma_last, "title", role))
        index = cursor + max(len(name), 1) if name else index + title_length
    return found


def _persons_meeting(
    page: Page, tokens: list[Word], lexicon: Lexicon, known: list[Mention]
) -> list[Mention]:
    """ "সের্গেই ল্যাভরভের সাথে সাক্ষাৎ", "लावरोव से मुलाकात": whom someone met."""
    text = page.text
    known_words = {word for mention in known for word in mention.lemma.split()}
    found = []
    for cue in lexicon.meeting_cues:
        first_word = cue.split()[0]
        for index, token in enumerate(tokens):
            if token.text != first_word or not text.startswith(cue, token.start) or index == 0:
                continue
            last = tokens[index - 1]
            lemma_last = strip_case_suffix(last.text, lexicon)
            if lexicon.case_suffixes and lemma_last == last.text:
                continue  # Bengali marks the one met with a genitive: ল্যাভরভের সাথে
            name = [last]
            # a known surname alone ("জিনপিংয়ের সঙ্গে") needs no given name from before it
            cursor = -1 if lemma_last in known_words else index - 2
            while cursor >= 0 and len(name) < 3:
                word = tokens[cursor]
                if (
                    not _adjacent(text, word, name[0])
                    or strip_case_suffix(word.text, lexicon) != word.text
                ):
                    break
                if _is_stop(word.text, lexicon) or _starts_with_title(word.text, lexicon):
                    break
                if word.text in known_words or lookup(word.text):
                    break
                name.insert(0, word)
                cursor -= 1
            words_ = [word.text for word in name[:-1]] + [lemma_last]
            first = index - len(name)
            if any(
                position + _title_at(tokens, position, lexicon) > first
                for position in range(max(0, first - 3), first + 1)
            ):
                continue  # "وزیر خارجہ سے ملاقات": the end of a title, not a name
            if _is_stop(last.text, lexicon) or any(
                lookup(" ".join(words_[size:])) for size in range(len(words_))
            ):
                continue
            found.append(_uncapitalised_mention(page, name, lemma_last, "meeting"))
    return found


def _uncapitalised_mention(
    page: Page, name: list[Word], lemma_last: str, cue: str, role: str = ""
) -> Mention:
    lemma = " ".join([*(word.text for word in name[:-1]), lemma_last])
    end = name[-1].start + len(lemma_last)
    return Mention(
        "person", name[0].start, end, lemma, page.region_at(name[0].start), cue, role=role
    )


# --- Chinese ---------------------------------------------------------------------------


def _han_name(candidate: str, lexicon: Lexicon) -> str:
    """The name inside a captured run of hanzi, or "" if it is not one."""
    for prefix in lexicon.name_prefix_boundaries:
        candidate = candidate.removeprefix(prefix)
    inner_words = [word for word in lexicon.name_boundaries if len(word) > 1 or word == "的"]
    if (
        not 2 <= len(candidate) <= 8
        or candidate in lexicon.non_names
        or any(word in candidate for word in inner_words)
        or any(candidate.startswith(title) or candidate.endswith(title) for title in lexicon.titles)
        or lookup(candidate) is not None
        or any(candidate.endswith(org) for org in lexicon.org_words)
    ):
        return ""
    return candidate


def _alternation(words_: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in words_)


def _persons_han(page: Page, region: Region, lexicon: Lexicon) -> list[Mention]:
    """国家主席习近平, 普京总统, 王毅表示, 王毅参加会见: titles, then sentence subjects."""
    text = page.region_text(region)
    boundary = rf"(?=(?:{_alternation(lexicon.name_boundaries)})|\d|$)"
    name = rf"([{_HAN}·]{{2,8}}?)"
    sentence_start = r"(?:^|(?<=[\n。！？；，]))\s*"
    surname_name = rf"((?:{_alternation(tuple(chinese_surnames()))})[{_HAN}]{{1,2}}?)"
    patterns = (
        (rf"(?P<role>{_alternation(lexicon.titles)}){name}{boundary}", "title"),
        (rf"{name}(?P<role>总统|主席|总理|首相|先生|女士)", "title"),
        (rf"{sentence_start}{name}(?:{_alternation(lexicon.speech_verbs)})", "speech"),
        (rf"{sentence_start}{surname_name}{boundary}", "speech"),
    )
    found = []
    for pattern, cue in patterns:
        for match in re.finditer(pattern, text, flags=re.MULTILINE):
            candidate = _han_name(match.group(1), lexicon)
            if not candidate:
                continue
            role = match.groupdict().get("role") or ""
            start = region.start + match.end(1) - len(candidate)
            found.append(
                Mention("person", start, start + len(candidate), candidate, region.kind, cue, role)
            )
    return found


# --- places ----------------------------------------------------------------------------


def _locative_capitalised(tokens: list[Word], index: int, lexicon: Lexicon) -> bool:
    """ "in Beijing", "in the northern port city of Tianjin", "в приморском городе Вонсан"."""
    prepositions = {word.lower() for word in lexicon.place_prepositions}
    for back in range(1, 7):
        if index - back < 0:
            return False
        word = tokens[index - back].text
        if word.lower() in lexicon.relative_cues:
            return False  # "70 km au nord de Berlin", "near Pokhara": somewhere else
        if word.lower() in prepositions:
            return True
        if _is_capitalised(word) and back > 1:
            return False
    return False


def _settlement_cued(tokens: list[Word], index: int, length: int, lexicon: Lexicon) -> bool:
    settlement = {word.lower() for word in lexicon.settlement_words}
    before = tokens[index - 1].text.lower() if index else ""
    before2 = tokens[index - 2].text.lower() if index > 1 else ""
    if before in ("of", "de") and before2 in settlement:
        return True  # "the city of Kut", "el municipio de Vilariño"
    return lexicon.script == "cyrillic" and before in settlement  # "в городе Вонсан"


_OTHER_DAY_WINDOW = 30


def _other_day(text: str, start: int, lexicon: Lexicon) -> bool:
    """ "La veille, à Dresde", "the day before in Berlin": where the trip was on another day."""
    before = text[max(0, start - _OTHER_DAY_WINDOW) : start].lower()
    clause = re.split(r"[.;!?\n]", before)[-1]
    return any(cue.lower() in clause for cue in lexicon.other_day_cues)


def _places_capitalised(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    text = page.text
    found = []
    index = 0
    while index < len(tokens):
        run = _capitalised_run(text, tokens, index)
        if not run:
            index += 1
            continue
        for length in range(run, 0, -1):
            span = tokens[index : index + length]
            surface = text[span[0].start : span[-1].end].removesuffix("'s").removesuffix("’s")
            place = lookup(surface) or (lookup_inflected(surface) if length == 1 else None)
            cued = _settlement_cued(tokens, index, length, lexicon)
            if place is None and not cued:
                continue
            if any(_is_org_word(word.text, lexicon) for word in tokens[index : index + run]):
                break
            locative = _locative_capitalised(tokens, index, lexicon) or cued
            if locative and _other_day(text, span[0].start, lexicon):
                locative = False
            mention = Mention(
                "place",
                span[0].start,
                span[0].start + len(surface),
                surface,
                page.region_at(span[0].start),
                "locative" if locative else "mention",
                place=place,
            )
            if cued:
                mention.details["settlement"] = True
            found.append(mention)
            break
        index += run
    return found


def _places_uncapitalised(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    found = []
    settlement = set(lexicon.settlement_words)
    postpositions = set(lexicon.place_postpositions)
    index = 0
    while index < len(tokens):
        for length in (3, 2, 1):
            span = tokens[index : index + length]
            if len(span) < length or any(
                not _adjacent(page.text, left, right) for left, right in pairwise(span)
            ):
                continue
            last = span[-1].text
            stems = [strip_place_suffix(last, lexicon), last]
            stems += [
                last[len(prefix) :] for prefix in lexicon.clitic_prefixes if last.startswith(prefix)
            ]
            head = " ".join(word.text for word in span[:-1])
            place = None
            for stem in stems:
                place = lookup(f"{head} {stem}".strip())
                if place:
                    break
            next_word = tokens[index + length].text if index + length < len(tokens) else ""
            settlement_cue = length == 1 and strip_case_suffix(next_word, lexicon) in settlement
            settlement_cue = settlement_cue or (
                length == 1
                and index > 0
                and tokens[index - 1].text in settlement
                and next_word in postpositions
            )
            if place is None and not (settlement_cue and not _is_stop(last, lexicon)):
                continue
            if place is None:
                stem = strip_place_suffix(last, lexicon)
                place = lookup_romanised(f"{head} {stem}".strip())
            suffix = last[len(stem) :] if last.startswith(stem) else ""
            preposition = index > 0 and tokens[index - 1].text in lexicon.place_prepositions
            clitic = last.startswith(tuple(lexicon.place_prepositions)) and stem != last
            locative = (
                preposition
                or clitic  # Arabic بموسكو: "in" written onto the name
                or settlement_cue
                or _locative_uncapitalised(tokens, index + length, suffix, lexicon)
            )
            if not _uncapitalised_place_ok(
                f"{head} {stem}".strip(), place, locative, settlement_cue, page.lang, lexicon
            ):
                continue
            start = span[0].start
            mention = Mention(
                "place",
                start,
                span[-1].start + (len(last) - len(suffix)),
                f"{head} {stem}".strip(),
                page.region_at(start),
                "locative" if locative else "mention",
                place=place,
            )
            if settlement_cue:
                mention.details["settlement"] = True
            found.append(mention)
            index += length - 1
            break
        index += 1
    return found


_CUED_SCRIPTS = frozenset({"arabic", "devanagari", "bengali"})
_MIN_CONSONANT_LETTERS = 3
_METROPOLIS = 1_000_000
_FUNCTION_WORDS = 300  # "همین استان" is "this province": no settlement cue makes "همین" a city


def _uncapitalised_place_ok(
    name: str, place: Place | None, locative: bool, settlement: bool, lang: str, lexicon: Lexicon
) -> bool:
    """A gazetteer hit in a script without capitals needs a cue: "غرب" is west, "دو" two.

    Arabic script writes no short vowels, so a two-letter word matches many cities ("بن" →
    Bonn); a word among the language's most frequent ones needs a settlement word, unless
    it is a country named with a locative ("شام میں").
    """
    if lexicon.script not in _CUED_SCRIPTS:
        return True
    if not locative:
        return False
    letters = sum(char.isalpha() for char in name)
    if lexicon.script == "arabic" and letters < _MIN_CONSONANT_LETTERS:
        return False
    if not is_common_word(name, lang):
        return True
    if place is None:
        return False  # "قرب بلدة ...": "near the town of", not a town called "قرب"
    if place.kind == "country" or place.population >= _METROPOLIS:
        return True  # a capital is a frequent word because it is named so often: "الرياض"
    return settlement and not is_common_word(name, lang, _FUNCTION_WORDS)


def _locative_uncapitalised(tokens: list[Word], after: int, suffix: str, lexicon: Lexicon) -> bool:
    """ "বেইজিংয়ে", "बीजिंग में", "बीजिंग के ग्रेट हॉल ... में", "বেইজিংয়ের মহাগণভবনে"."""
    if suffix and any(suffix.endswith(locative) for locative in lexicon.locative_suffixes):
        return True
    following = [token.text for token in tokens[after : after + 7]]
    if following and following[0] in lexicon.place_postpositions:
        return True
    if following and following[0] in ("के", "की", "का", "کے", "کی"):
        return any(word in lexicon.place_postpositions for word in following[1:])
    if suffix and following:
        next_stem = strip_place_suffix(following[0], lexicon)
        next_suffix = following[0][len(next_stem) :]
        return bool(next_suffix) and any(
            next_suffix.endswith(loc) for loc in lexicon.locative_suffixes
        )
    return False


def _places_han(page: Page, region: Region, lexicon: Lexicon) -> list[Mention]:
    text = page.region_text(region)
    names = han_names()
    if not names:
        return []
    found = []
    for match in re.finditer("|".join(map(re.escape, names)), text):
        if re.match(r"(?:合作组织|组织|大学|银行|时间)", text[match.end() : match.end() + 4]):
            continue  # 上海合作组织 is an organisation, 北京时间 a time zone
        before = text[max(0, match.start() - 2) : match.start()]
        locative = any(before.endswith(prep) for prep in lexicon.place_prepositions)
        start = region.start + match.start()
        found.append(
            Mention(
                "place",
                start,
                start + len(match.group()),
                match.group(),
                region.kind,
                "locative" if locative else "mention",
                place=lookup(match.group()),
            )
        )
    return found


def _dateline_places(page: Page, region: Region, lexicon: Lexicon) -> list[Mention]:
    """ "BEIJING, July 15 —", "ПЕКИН, 12 ноября.", "বেইজিং, এজেন্সি", "本网北京7月13日电"."""
    text = page.region_text(region)
    found = []
    for pattern in lexicon.dateline_patterns:
        for match in re.finditer(pattern, text):
            place = lookup(match.group("place"))
            if place:
                start = region.start + match.start("place")
                found.append(
                    Mention(
                        "place",
                        start,
                        start + len(match.group("place")),
                        match.group("place"),
                        region.kind,
                        "dateline",
                        place=place,
                    )
                )
    line_start = 0
    for line in text.split("\n"):
        parts = re.split(r"\s*(?:,|\||—|–|\(|\s-\s)\s*", line.strip(), maxsplit=2)
        first = parts[0] if len(parts) > 1 else ""
        candidates = [first]
        if first in lexicon.byline_cues or first.lower() in lexicon.byline_cues:
            candidates.append(parts[1])
        for candidate in candidates:
            if not candidate or len(candidate.split()) > 3:
                continue
            is_caps_dateline = candidate.isupper() and len(candidate) > 2
            short_line = len(line.strip()) <= 80
            if not (is_caps_dateline or (short_line and lexicon.script not in CAPITALISED_SCRIPTS)):
                continue
            place = lookup(candidate) or lookup(candidate.title())
            if place and place.kind != "country":
                start = region.start + line_start + line.index(candidate)
                found.append(
                    Mention(
                        "place",
                        start,
                        start + len(candidate),
                        candidate,
                        region.kind,
                        "dateline",
                        place=place,
                    )
                )
        line_start += len(line) + 1
    return found


def _latin_alias_name(latin: str) -> str:
    """ "Chinese President Xi Jinping" → "Xi Jinping": the alias without its title."""
    english = lexicon_for("en", "latin")
    tokens = latin.split()
    for index in range(len(tokens)):
        if _title_at([Word(token, 0, 0) for token in tokens], index, english):
            return " ".join(tokens[index + 1 :]) or latin
    return latin


def _aliases(
    page: Page, region: Region, tokens: list[Word], lexicon: Lexicon, found: list[Mention]
) -> None:
    """ "শি জিনপিংকে (Xi Jinping)": attach the Latin form, or find the name by it."""
    text = page.text
    for match in _LATIN_ALIAS_RE.finditer(page.region_text(region)):
        paren_start = region.start + match.start()
        latin = _latin_alias_name(match.group(1).strip())
        before = [token for token in tokens if token.end <= paren_start][-4:]
        before = [token for token in before if text[token.end : paren_start].count("\n") == 0]
        for mention in found:
            if (
                before
                and mention.start <= before[-1].start < mention.end + 2
                and mention.kind == "person"
            ):
                if same_entity(mention.lemma, latin):
                    mention.latin = latin
                break
        else:
            # a name is as many words as its Latin form, or one more (সি চিন পিং = Xi Jinping)
            latin_size = len(latin.split())
            for size in (latin_size + 1, latin_size):
                if size > len(before):
                    continue
                span = before[-size:]
                if any(not _adjacent(text, a, b) for a, b in pairwise(span)):
                    continue
                if any(_is_stop(token.text, lexicon) for token in span):
                    continue
                last = strip_case_suffix(span[-1].text, lexicon)
                lemma = " ".join([*(token.text for token in span[:-1]), last])
                if not same_entity(lemma, latin):
                    continue
                place = lookup(latin) or lookup(lemma)
                kind = "place" if place else "person"
                if kind == "person" and (
                    latin_size == 1
                    or lookup(latin.split()[-1])
                    or _is_org_word(latin, lexicon_for("en", "latin"))
                ):
                    break
                mention = Mention(
                    kind,
                    span[0].start,
                    span[-1].start + len(last),
                    lemma,
                    page.region_at(span[0].start),
                    "alias",
                    latin=latin,
                    place=place,
                )
                found.append(mention)
                break


def _word_lemma(word: str, lexicon: Lexicon) -> str:
    word = word.removesuffix("'s").removesuffix("’s")
    return lemmatize_name_word(strip_case_suffix(word, lexicon), lexicon)


def _full_name_at(
    tokens: list[Word], index: int, names: list[str], lexicon: Lexicon
) -> tuple[int, str] | None:
    for name in names:
        parts = name.split()
        window = tokens[index : index + len(parts)]
        if len(parts) > 1 and len(window) == len(parts):
            lemmas = [_word_lemma(token.text, lexicon) for token in window]
            if lemmas == parts:
                return len(parts), name
    return None


def _name_part_at(word: Word, names: list[str], lexicon: Lexicon) -> tuple[int, str] | None:
    """A surname alone ("Lavrov", "লাভরভের"), or a short East Asian surname ("Xi", "শি")."""
    lemma = _word_lemma(word.text, lexicon)
    if len(lemma) < 2 or len(name_tokens(lemma)) != 1:
        return None
    # a looser match would take "জানাচ্ছেন" (janachchhen) for "জিনপিং" (jinping)
    sound = skeleton(name_tokens(lemma)[0])
    for name in names:
        parts = name.split()
        keys = {parts[-1]}
        if len(parts) > 1 and len("".join(name_tokens(parts[0]))) <= 4:
            keys.add(parts[0])
        if lemma in keys or (
            len(sound) > 2
            and any(
                sound == "".join(map(skeleton, name_tokens(key))) and _spelled_alike(lemma, key)
                for key in keys
            )
        ):
            return 1, lemma
    return None


_SAME_SCRIPT_MIN_RATIO = 60


def _spelled_alike(word: str, key: str) -> bool:
    """A name part and its later use in one script share most letters, not only a sound.

    Consonant skeletons alone take "Redacción" for a surname, or "وزير" (minister) for
    "فيصل" (both b-s-l once vowels and w/f are folded).
    """
    if script_of(word) != script_of(key):
        return True
    return ratio(romanize(word), romanize(key)) >= _SAME_SCRIPT_MIN_RATIO


def _recurrences(
    page: Page, tokens: list[Word], lexicon: Lexicon, people: list[Mention]
) -> list[Mention]:
    """Later uses of a name found once: "Lavrov said", "শি বলেন", "ল্যাভরভ ও চো সন হুই"."""
    names = sorted({person.lemma for person in people}, key=len, reverse=True)
    name_words = {part for name in names for part in name.split()}
    capitalised = lexicon.script in CAPITALISED_SCRIPTS
    found = []
    index = 0
    while index < len(tokens):
        word = tokens[index]
        skip = (
            (capitalised and not _is_capitalised(word.text))
            or _is_stop(word.text, lexicon)
            or word.text.lower() in lexicon.place_words
            or is_calendar_word(word.text, page.lang)
            or (is_common_word(word.text, page.lang) and word.text not in name_words)
        )
        match = (
            None
            if skip
            else (
                _full_name_at(tokens, index, names, lexicon) or _name_part_at(word, names, lexicon)
            )
        )
        if match is None:
            index += 1
            continue
        length, lemma = match
        last = tokens[index + length - 1]
        stem = _word_lemma(last.text, lexicon)
        end = last.start + len(stem) if last.text.startswith(stem) else last.end
        found.append(
            Mention("person", word.start, end, lemma, page.region_at(word.start), "recurrence")
        )
        index += length
    return found


def _han_recurrences(page: Page, regions: list[Region], people: list[Mention]) -> list[Mention]:
    found = []
    for name in {person.lemma for person in people}:
        for region in regions:
            for match in re.finditer(re.escape(name), page.region_text(region)):
                start = region.start + match.start()
                found.append(
                    Mention("person", start, start + len(name), name, region.kind, "recurrence")
                )
    return found


_CUE_RANK = {
    "title": 0,
    "alias": 1,
    "locative": 1,
    "speech": 2,
    "meeting": 2,
    "dateline": 3,
    "recurrence": 4,
}


def _deduplicated(mentions: list[Mention]) -> list[Mention]:
    """One mention per span: the better-founded one, with any Latin form the others had."""
    ranked = sorted(
        mentions, key=lambda m: (_CUE_RANK.get(m.cue, 5), m.kind != "person", -(m.end - m.start))
    )
    # Kept spans never overlap, so sorted by start they are sorted by end too, and the ones
    # a new span overlaps sit together just before where it would go.
    kept: list[Mention] = []
    starts: list[int] = []
    for mention in ranked:
        place = bisect.bisect_left(starts, mention.end)
        overlapping = []
        for other in reversed(kept[:place]):
            if other.end <= mention.start:
                break
            overlapping.append(other)
        if overlapping:
            for other in overlapping:
                if mention.latin and not other.latin and other.kind == mention.kind:
                    other.latin = mention.latin
            continue
        kept.insert(place, mention)
        starts.insert(place, mention.start)
    return kept


_LEDE_SENTENCES = 2


def _lede_spans(page: Page) -> list[tuple[int, int]]:
    """Headlines and the first sentences of the body: where a report names its event."""
    spans = [(region.start, region.end) for region in page.regions_of(RegionKind.HEADLINE)]
    body = page.regions_of(RegionKind.BODY)
    return spans + _sentences(page, body)[:_LEDE_SENTENCES]


def _sentences(page: Page, regions: Iterable[Region]) -> list[tuple[int, int]]:
    """The sentences of ``regions`` (the text layer's splitter), as page offsets."""
    return [
        (region.start + start, region.start + end)
        for region in regions
        for start, end in sentence_spans(page.region_text(region))
    ]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _sentence_of(position: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence holding ``position`` (sentences are sorted and do not overlap)."""
    index = bisect.bisect_right(sentences, (position, float("inf"))) - 1
    if index >= 0 and sentences[index][0] <= position < sentences[index][1]:
        return sentences[index]
    return position, position


def _contains_any(text: str, cues: tuple[str, ...]) -> str:
    lowered = text.lower()
    return next((cue for cue in cues if cue.lower() in lowered), "")


def _person_status(page: Page, mention: Mention, stop: int, lexicon: Lexicon) -> str:
    """present, absent ("did not travel", "যাননি") or replaced ("instead of X", "X-র বদলে")."""
    if lexicon.postpositional:
        right_after = page.text[mention.end : mention.end + 12].lower()
        replaced = any(cue.lower() in right_after for cue in lexicon.replacement_cues)
    else:
        before = _without_trailing_titles(
            page.text[max(0, mention.start - 60) : mention.start].lower().rstrip(), lexicon
        )
        replaced = any(before.endswith(cue.lower()) for cue in lexicon.replacement_cues)
    if replaced:
        return "replaced"
    if _contains_any(page.text[mention.end : stop], lexicon.absence_cues):
        return "absent"
    return "present"


def _without_trailing_titles(before: str, lexicon: Lexicon) -> str:
    """ "نيابة عن صاحب السمو الأمير" → "نيابة عن": honorifics between a cue and its name."""
    honorifics = sorted(
        {word.lower() for word in (*lexicon.titles, *lexicon.role_words)}, key=len, reverse=True
    )
    changed = True
    while changed:
        changed = False
        for word in honorifics:
            if before.endswith(" " + word) or before == word:
                before = before[: -len(word)].rstrip()
                changed = True
                break
    return before


def _is_substitute(
    page: Page, mention: Mention, sentence_start: int, starts: list[int], lexicon: Lexicon
) -> bool:
    """The first person named after "instead"/"তাঁর পরিবর্তে" in a sentence stood in."""
    before = page.text[sentence_start : mention.start]
    cue = _contains_any(before, lexicon.substitute_cues)
    if not cue:
        return False
    cue_end = sentence_start + before.lower().rindex(cue.lower()) + len(cue)
    return not any(cue_end <= start < mention.start for start in starts)


@dataclass
class _Entity:
    mentions: list[Mention]

    @property
    def lemma(self) -> str:
        """The fullest name, and of those the one the page uses most."""
        counts = Counter(mention.lemma for mention in self.mentions)
        return max(counts, key=lambda lemma: (len(lemma.split()), counts[lemma]))


def _group(people: list[Mention]) -> list[_Entity]:
    """Mentions of one person on the page: "Sergei Lavrov", "Lavrov", "Лаврова"."""
    entities: list[_Entity] = []
    for mention in sorted(people, key=lambda m: -len(m.lemma.split())):
        for entity in entities:
            if same_entity(entity.lemma, mention.lemma):
                entity.mentions.append(mention)
                break
        else:
            entities.append(_Entity([mention]))
    return entities


def _mark_people(page: Page, people: list[Mention], lexicon: Lexicon) -> None:
    sentences = _sentences(page, page.readable_regions())
    lede = _lede_spans(page)
    starts = sorted(mention.start for mention in people)
    for entity_number, entity in enumerate(_group(people)):
        statuses = set()
        participates = False
        for mention in entity.mentions:
            sentence_start, sentence_end = _sentence_of(mention.start, sentences)
            later = bisect.bisect_right(starts, mention.start)
            next_person = starts[later] if later < len(starts) else sentence_end
            stop = min(sentence_end, next_person)
            statuses.add(_person_status(page, mention, stop, lexicon))
            sentence = page.text[sentence_start:sentence_end]
            greeting = bool(_contains_any(sentence, lexicon.greeting_cues))
            attending = bool(_contains_any(sentence, lexicon.attendance_cues))
            substitute = _is_substitute(page, mention, sentence_start, starts, lexicon)
            if substitute:
                mention.details["substitute"] = True
            if attending or substitute or (_inside(mention.start, lede) and not greeting):
                participates = True
        status = next((kind for kind in ("replaced", "absent") if kind in statuses), "present")
        role = next((mention.role for mention in entity.mentions if mention.role), "")
        latin = next((mention.latin for mention in entity.mentions if mention.latin), "")
        for mention in entity.mentions:
            mention.details.update(
                {
                    "entity": f"{page.id}#p{entity_number}",
                    "full_name": entity.lemma,
                    "status": status
                    if status != "present"
                    else ("present" if participates else "mentioned"),
                    "slot": "participant" if participates or status != "present" else "mentioned",
                }
            )
            mention.role = mention.role or role
            mention.latin = mention.latin or latin


_LEDE_LOCATIVE = 4  # score of one "in X" in the lede: the page names its event's place
_LEVEL_RANK = {"venue": 0, "city": 0, "place": 0, "region": 1, "country": 2}


def _place_key(mention: Mention) -> str:
    return mention.place.name if mention.place else mention.lemma


def _mark_places(page: Page, places: list[Mention], lexicon: Lexicon) -> Mention | None:
    """Choose the page's event place; returns a synthetic mention for a video call."""
    lede = _lede_spans(page)
    lede_text = " ".join(page.text[start:end] for start, end in lede)
    body_text = " ".join(page.region_text(region) for region in page.regions_of(RegionKind.BODY))
    scores: Counter[str] = Counter()
    levels: dict[str, str] = {}
    for mention in places:
        key = _place_key(mention)
        level = mention.place.kind if mention.place else "place"
        levels[key] = level
        if mention.cue == "locative" and _inside(mention.start, lede):
            scores[key] += 6 if page.region_at(mention.start) == RegionKind.HEADLINE else 4
        elif mention.cue == "locative":
            scores[key] += 1
        elif mention.cue == "dateline":
            scores[key] += 2
    located = [
        key for key in scores if levels[key] in ("city", "place") and scores[key] >= _LEDE_LOCATIVE
    ]
    virtual_cue = _contains_any(lede_text, lexicon.virtual_cues) or (
        "" if located else _contains_any(body_text, lexicon.virtual_cues)
    )
    chosen = ""
    if not virtual_cue and scores:
        chosen = min(
            scores,
            key=lambda key: (
                -(scores[key] >= _LEDE_LOCATIVE),
                _LEVEL_RANK[levels[key]],
                -scores[key],
            ),
        )
    for mention in places:
        key = _place_key(mention)
        is_event_place = key == chosen and mention.cue in ("locative", "dateline")
        mention.details.update(
            {
                "slot": "place" if is_event_place else "mentioned_place",
                "level": levels[key],
                "country": mention.place.country if mention.place else "",
                "cue": mention.cue,
            }
        )
    if not virtual_cue:
        return None
    match = re.search(re.escape(virtual_cue), page.text, flags=re.IGNORECASE)
    if match is None:
        return None
    return Mention(
        "place",
        match.start(),
        match.end(),
        virtual_cue,
        page.region_at(match.start()),
        "virtual",
        details={"slot": "place", "level": "virtual", "country": "", "cue": "virtual"},
    )


def _orgs(page: Page, region: Region, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    """Organisations: names built on an organisation word ("Security Council", "সহযোগিতা সংস্থা")."""
    found = []
    if lexicon.script == "han":
        pattern = rf"[{_HAN}]{{2,8}}?(?:组织|委员会|通讯社|外交部|理事会)"
        for match in re.finditer(pattern, page.region_text(region)):
            start = region.start + match.start()
            found.append(
                Mention("org", start, start + len(match.group()), match.group(), region.kind, "org")
            )
        return found
    text = page.text
    index = 0
    while index < len(tokens):
        word = tokens[index].text
        if lexicon.script in CAPITALISED_SCRIPTS:
            run = _capitalised_run(text, tokens, index)
            span = tokens[index : index + run]
            if (run and any(_is_org_word(token.text, lexicon) for token in span)) or (
                run == 1 and _is_abbreviation(word) and lookup(word) is None
            ):
                found.append(
                    Mention(
                        "org",
                        span[0].start,
                        span[-1].end,
                        text[span[0].start : span[-1].end],
                        region.kind,
                        "org",
                    )
                )
            index += max(run, 1)
            continue
        if word in lexicon.org_words or strip_case_suffix(word, lexicon) in lexicon.org_words:
            first = index
            while (
                first > index - 2
                and first > 0
                and not _is_stop(tokens[first - 1].text, lexicon)
                and _adjacent(text, tokens[first - 1], tokens[first])
            ):
                first -= 1
            if first < index:
                stem = strip_case_suffix(word, lexicon)
                end = tokens[index].start + len(stem)
                found.append(
                    Mention(
                        "org",
                        tokens[first].start,
                        end,
                        text[tokens[first].start : end],
                        region.kind,
                        "org",
                    )
                )
        index += 1
    return found


def _common_word_person(page: Page, mention: Mention, script: str) -> bool:
    """A person made of one common word or a month name: "رجب" (Rajab), "يصل" (arrives).

    A later use of a known name may be a common word ("খান" of "ইমরান খান") when it is
    the name's own word; a month or weekday name never is.
    """
    if mention.kind != "person" or script == "han":
        return False
    surface = page.text[mention.start : mention.end].split()
    if len(surface) != 1:
        return False
    word = surface[0].removesuffix("'s").removesuffix("’s")
    if is_calendar_word(word, page.lang):
        return True
    if mention.cue == "recurrence":
        return False  # a later use of a known name: common words were skipped there
    return len(mention.lemma.split()) == 1 and (
        is_common_word(word, page.lang) or is_calendar_word(mention.lemma, page.lang)
    )


def extract_mentions(page: Page) -> list[Mention]:
    """Every person, place and organisation named in the page's readable regions."""
    regions = page.readable_regions()
    readable = " ".join(page.region_text(region) for region in regions)
    script = dominant_script(readable)
    lexicon = lexicon_for(page.lang, script)
    found: list[Mention] = []
    region_tokens = [(region, words(page.region_text(region), region.start)) for region in regions]
    for region, tokens in region_tokens:
        if script == "han":
            found += _persons_han(page, region, lexicon) + _places_han(page, region, lexicon)
        elif script in CAPITALISED_SCRIPTS:
            found += _persons_capitalised(page, tokens, lexicon)
            found += _places_capitalised(page, tokens, lexicon)
        else:
            titled = _persons_uncapitalised(page, tokens, lexicon)
            found += titled + _persons_meeting(page, tokens, lexicon, titled)
            found += _places_uncapitalised(page, tokens, lexicon)
        found += _dateline_places(page, region, lexicon)
        _aliases(page, region, tokens, lexicon, found)
    found = [mention for mention in found if not _common_word_person(page, mention, script)]
    people = [mention for mention in found if mention.kind == "person"]
    if script == "han":
        found += _han_recurrences(page, regions, people)
    else:
        for _, tokens in region_tokens:
            found += _recurrences(page, tokens, lexicon, people)
    for region, tokens in region_tokens:
        found += _orgs(page, region, tokens, lexicon)
    found = _deduplicated(found)
    found = [mention for mention in found if not _common_word_person(page, mention, script)]
    _mark_people(page, [mention for mention in found if mention.kind == "person"], lexicon)
    virtual = _mark_places(page, [mention for mention in found if mention.kind == "place"], lexicon)
    if virtual is not None:
        found.append(virtual)
    for mention in found:
        if mention.kind == "org":
            mention.details["slot"] = "mentioned"
    return found

"""What every entity finder shares: the ``Mention`` it returns, word tests (capitalised,
abbreviation, title, organisation word), runs of capitalised words, the lede, and one
mention per span."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from reconciler.claims.entities.common import is_calendar_word, is_common_word
from reconciler.claims.entities.gazetteer import (
    Place,
    lookup,
    lookup_inflected,
)
from reconciler.claims.entities.lexicon import (
    STEM_ENDING,
    Lexicon,
    article_prefixed,
    inner_name_particles,
    lexicon_for,
)
from reconciler.claims.entities.romanize import script_of
from reconciler.claims.entities.settings import SETTINGS
from reconciler.claims.entities.text import (
    Word,
    clitic_stems,
    strip_case_suffix,
)
from reconciler.records import Page, Region, RegionKind
from reconciler.text import sentence_spans

CAPITALISED_SCRIPTS = frozenset({"latin", "cyrillic"})


LATIN_ALIAS_RE = re.compile(r"\s*\(([A-Z][A-Za-z .'\-]{1,60})\)")


HAN = "\u4e00-\u9fff"


@dataclass(frozen=True)
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
    details: Mapping[str, object] = field(default_factory=dict)


def dominant_script(text: str) -> str:
    counts = Counter(script_of(char) for char in text if char.isalpha())
    non_latin = {script: count for script, count in counts.items() if script != "latin"}
    if non_latin and max(non_latin.values()) >= 0.3 * sum(counts.values()):
        return max(non_latin, key=non_latin.__getitem__)
    return "latin"


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _gap(text: str, left: Word, right: Word) -> str:
    return text[left.end : right.start]


def adjacent(text: str, left: Word, right: Word) -> bool:
    """Nothing but spaces between two words (a name does not span a comma)."""
    gap = _gap(text, left, right)
    return gap.strip() == "" and "\n" not in gap


def title_at(tokens: list[Word], index: int, lexicon: Lexicon) -> int:
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


def is_org_word(word: str, lexicon: Lexicon) -> bool:
    lowered = word.lower()
    return lowered.startswith(lexicon.org_prefixes) or lowered in lexicon.org_words


def is_abbreviation(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _not_a_name_word(word: str, lexicon: Lexicon) -> bool:
    """A word that cannot open a person's name: "России", "China's", "SCO", "Tuesday"."""
    place = lookup_inflected(word.removesuffix("'s").removesuffix("’s"))
    return (
        word.lower() in lexicon.non_name_words
        or is_abbreviation(word)
        or is_org_word(word, lexicon)
        or word.endswith(("'s", "’s"))
        or (place is not None and place.kind != "city")
    )


def capitalised_run(
    text: str, tokens: list[Word], index: int, lexicon: Lexicon | None = None
) -> int:
    """Length of the run of capitalised words at ``index`` (cut before a title if given)."""
    length = 0
    while index + length < len(tokens) and length < SETTINGS.max_run_words:
        token = tokens[index + length]
        if length and not adjacent(text, tokens[index + length - 1], token):
            break
        if length and lexicon is not None and title_at(tokens, index + length, lexicon):
            break
        previous = tokens[index + length - 1].text if length else ""
        if length > 1 and previous.endswith("."):
            break  # "Ван И. В Китай": an initial ends a name only at its start
        if (
            is_capitalised(token.text)
            or article_prefixed(token.text)
            or (
                length
                and token.text.lower() in inner_name_particles()
                and index + length + 1 < len(tokens)
                and is_capitalised(tokens[index + length + 1].text)
            )
        ):
            length += 1
        else:
            break
    return length


def name_from_run(tokens: list[Word], lexicon: Lexicon) -> list[Word]:
    """Drop leading words that are places, organisations or abbreviations ("России Сергей")."""
    while tokens and (
        _not_a_name_word(tokens[0].text, lexicon) or _is_place_word(tokens[0].text, len(tokens))
    ):
        tokens = tokens[1:]
    if any(is_org_word(token.text, lexicon) for token in tokens) or any(
        token.text.lower() in lexicon.place_words for token in tokens
    ):
        return []
    while tokens and tokens[-1].text.lower() in inner_name_particles():
        tokens = tokens[:-1]
    return tokens[: SETTINGS.max_name_words]


def is_venue_run(tokens: list[Word], lexicon: Lexicon) -> bool:
    """ "Schloss Meseberg", "Palais de l'Élysée": a venue, and no person's name."""
    return any(token.text.lower() in lexicon.place_words for token in tokens)


def _is_place_word(word: str, run_length: int) -> bool:
    """A city name opens a person's name only as a given name ("Vladimir Putin")."""
    if lookup(word) is not None:
        return run_length == 1
    return lookup_inflected(word) is not None  # inflected: "Москву", "Пекине"


def is_stop(word: str, lexicon: Lexicon) -> bool:
    return (
        word in lexicon.stop_words
        or strip_case_suffix(word, lexicon) in lexicon.stop_words
        or word in lexicon.nationality_words
        or any(char.isdigit() for char in word)
        or word in lexicon.speech_verbs
    )


def starts_with_title(word: str, lexicon: Lexicon) -> bool:
    """ "পররাষ্ট্রমন্ত্রীদের" is a title with a case ending, not a name."""
    return any(word.startswith(title) for title in lexicon.titles if len(title) >= 4)


def is_role_word(word: str, lexicon: Lexicon) -> bool:
    """Words between a title and its name: "عربستان", "کشورمان", "নির্বাচিত" (elected)."""
    if word in lexicon.nationality_words or word in lexicon.role_words:
        return True
    place = lookup(strip_case_suffix(word, lexicon))
    return place is not None and place.kind == "country"


def alternation(words_: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in words_)


_CUE_RANK = {
    "title": 0,
    "alias": 1,
    "locative": 1,
    "speech": 2,
    "meeting": 2,
    "dateline": 3,
    "recurrence": 4,
}


def deduplicated(mentions: list[Mention]) -> list[Mention]:
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
        for position in range(place - 1, -1, -1):
            if kept[position].end <= mention.start:
                break
            overlapping.append(position)
        if overlapping:
            for position in overlapping:
                other = kept[position]
                if mention.latin and not other.latin and other.kind == mention.kind:
                    kept[position] = replace(other, latin=mention.latin)
            continue
        kept.insert(place, mention)
        starts.insert(place, mention.start)
    return kept


def lede_spans(page: Page) -> list[tuple[int, int]]:
    """Headlines and the first sentences of the body: where a report names its event."""
    spans = [(region.start, region.end) for region in page.regions_of(RegionKind.HEADLINE)]
    body = page.regions_of(RegionKind.BODY)
    return spans + region_sentences(page, body)[: SETTINGS.lede_sentences]


def region_sentences(page: Page, regions: Iterable[Region]) -> list[tuple[int, int]]:
    """The sentences of ``regions`` (the text layer's splitter), as page offsets."""
    return [
        (region.start + start, region.start + end)
        for region in regions
        for start, end in sentence_spans(page.region_text(region))
    ]


def inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def sentence_of(position: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence holding ``position`` (sentences are sorted and do not overlap)."""
    index = bisect.bisect_right(sentences, (position, float("inf"))) - 1
    if index >= 0 and sentences[index][0] <= position < sentences[index][1]:
        return sentences[index]
    return position, position


def contains_any(text: str, cues: tuple[str, ...]) -> str:
    lowered = text.lower()
    return next((cue for cue in cues if cue.lower() in lowered), "")


def common_word_person(page: Page, mention: Mention, script: str) -> bool:
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
    lexicon = lexicon_for(page.lang, script)
    return len(mention.lemma.split()) == 1 and (
        any(is_common_word(form, page.lang) for form in (word, *clitic_stems(word, lexicon)))
        or is_calendar_word(mention.lemma, page.lang)
    )

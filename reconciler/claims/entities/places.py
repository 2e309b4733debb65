"""Places: locative cues ("in X", "X-এ", "X में"), settlement words and datelines, checked
against the gazetteer; and the place a page gives its event."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache
from itertools import pairwise

from babel.languages import get_official_languages

from reconciler.claims.entities.common import is_common_word
from reconciler.claims.entities.gazetteer import (
    Place,
    han_names,
    lookup,
    lookup_inflected,
    lookup_romanised,
)
from reconciler.claims.entities.lexicon import Lexicon
from reconciler.claims.entities.mentions import (
    CAPITALISED_SCRIPTS,
    Mention,
    adjacent,
    capitalised_run,
    contains_any,
    inside_any,
    is_capitalised,
    is_org_word,
    is_stop,
    lede_spans,
)
from reconciler.claims.entities.settings import SETTINGS
from reconciler.claims.entities.text import (
    Word,
    strip_case_suffix,
    strip_place_suffix,
)
from reconciler.records import Page, Region, RegionKind


def _locative_capitalised(text: str, tokens: list[Word], index: int, lexicon: Lexicon) -> bool:
    """ "in Beijing", "in the northern port city of Tianjin", "в приморском городе Вонсан";
    not "Later in the day, Florence spoke": a clause mark between cue and name."""
    prepositions = {word.lower() for word in lexicon.place_prepositions}
    for back in range(1, 7):
        if index - back < 0:
            return False
        word = tokens[index - back].text
        if word.lower() in lexicon.relative_cues:
            return False  # "70 km au nord de Berlin", "near Pokhara": somewhere else
        if word.lower() in prepositions:
            between = text[tokens[index - back].end : tokens[index].start]
            return not any(mark in between for mark in _CLAUSE_MARKS)
        if is_capitalised(word) and back > 1:
            return False
    return False


_CLAUSE_MARKS = ",;:.!?\n()\u060c\u061b"


def _from_elsewhere(text: str, start: int, lexicon: Lexicon) -> bool:
    """ "arriving from the airport in Istanbul": where someone came from, not where
    the event was."""
    before = text[max(0, start - SETTINGS.origin_window) : start].lower()
    clause = re.split(r"[.;!?\n\u061b]", before)[-1]
    return any(
        re.search(rf"(?<!\w){re.escape(cue.lower())}(?!\w)", clause) for cue in lexicon.origin_cues
    )


def _settlement_cued(tokens: list[Word], index: int, length: int, lexicon: Lexicon) -> bool:
    settlement = {word.lower() for word in lexicon.settlement_words}
    before = tokens[index - 1].text.lower() if index else ""
    before2 = tokens[index - 2].text.lower() if index > 1 else ""
    if before in ("of", "de") and before2 in settlement:
        return True  # "the city of Kut", "el municipio de Vilariño"
    return lexicon.script == "cyrillic" and before in settlement  # "в городе Вонсан"


def _other_day(text: str, start: int, lexicon: Lexicon) -> bool:
    """ "La veille, à Dresde", "the day before in Berlin": where the trip was on another day."""
    before = text[max(0, start - SETTINGS.other_day_window) : start].lower()
    clause = re.split(r"[.;!?\n]", before)[-1]
    return any(cue.lower() in clause for cue in lexicon.other_day_cues)


def places_capitalised(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    text = page.text
    found = []
    index = 0
    while index < len(tokens):
        run = capitalised_run(text, tokens, index)
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
            if any(is_org_word(word.text, lexicon) for word in tokens[index : index + run]):
                break
            locative = _locative_capitalised(text, tokens, index, lexicon) or cued
            if locative and (
                _other_day(text, span[0].start, lexicon)
                or _from_elsewhere(text, span[0].start, lexicon)
            ):
                locative = False
            mention = Mention(
                "place",
                span[0].start,
                span[0].start + len(surface),
                surface,
                page.region_at(span[0].start),
                "locative" if locative else "mention",
                place=place,
                details={"settlement": True} if cued else {},
            )
            found.append(mention)
            break
        index += run
    return found


def places_uncapitalised(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    found = []
    settlement = set(lexicon.settlement_words)
    postpositions = set(lexicon.place_postpositions)
    index = 0
    while index < len(tokens):
        for length in (3, 2, 1):
            span = tokens[index : index + length]
            if len(span) < length or any(
                not adjacent(page.text, left, right) for left, right in pairwise(span)
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
            settlement_cue = (
                length == 1
                and lexicon.postpositional  # "ঢাকা শহরে"; in Arabic the noun before is a verb
                and strip_case_suffix(next_word, lexicon) in settlement
            )
            settlement_cue = settlement_cue or (
                length == 1
                and index > 0
                and tokens[index - 1].text in settlement
                and next_word in postpositions
            )
            if place is not None and not lexicon.postpositional and index > 1:
                # "في مدينة رأس الخيمة": in, then a settlement word, then a known name of any
                # length ("شهدته مدينة ..." — witnessed by the city — places nothing there)
                settlement_cue = settlement_cue or (
                    tokens[index - 1].text in settlement
                    and tokens[index - 2].text in lexicon.place_prepositions
                )
            if place is None and not (settlement_cue and not is_stop(last, lexicon)):
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
            if locative and _from_elsewhere(page.text, span[0].start, lexicon):
                locative = False
            start = span[0].start
            mention = Mention(
                "place",
                start,
                span[-1].start + (len(last) - len(suffix)),
                f"{head} {stem}".strip(),
                page.region_at(start),
                "locative" if locative else "mention",
                place=place,
                details={"settlement": True} if settlement_cue else {},
            )
            found.append(mention)
            index += length - 1
            break
        index += 1
    return found


_CUED_SCRIPTS = frozenset({"arabic", "devanagari", "bengali"})


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
    if lexicon.script == "arabic" and letters < SETTINGS.min_consonant_letters:
        return False
    if not is_common_word(name, lang):
        return True
    if place is None:
        return False  # "قرب بلدة ...": "near the town of", not a town called "قرب"
    if place.kind == "country" or (
        place.population >= SETTINGS.metropolis and _spoken_in(lang, place.country_code)
    ):
        return True  # a capital is a frequent word because it is named so often: "الرياض"
    return settlement and not is_common_word(name, lang, SETTINGS.function_words)


@cache
def _spoken_in(lang: str, country_code: str) -> bool:
    """Whether ``lang`` is an official language of the country (CLDR): a frequent word of
    Arabic names an Arab city ("الرياض"), not a Persian one (a common noun that spells one)."""
    base = lang.split("-")[0].lower()
    return base in (get_official_languages(country_code, de_facto=True) if country_code else ())


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


def places_han(page: Page, region: Region, lexicon: Lexicon) -> list[Mention]:
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


def dateline_places(page: Page, region: Region, lexicon: Lexicon) -> list[Mention]:
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


_LEVEL_RANK = {"venue": 0, "city": 0, "place": 0, "region": 1, "country": 2}


def _place_key(mention: Mention) -> str:
    return mention.place.name if mention.place else mention.lemma


def mark_places(
    page: Page, places: list[Mention], lexicon: Lexicon
) -> tuple[list[Mention], Mention | None]:
    """The places with their slot (the page's event place or a mentioned one), and a
    synthetic mention when the event was a video call."""
    lede = lede_spans(page)
    lede_text = " ".join(page.text[start:end] for start, end in lede)
    body_text = " ".join(page.region_text(region) for region in page.regions_of(RegionKind.BODY))
    scores: Counter[str] = Counter()
    levels: dict[str, str] = {}
    for mention in places:
        key = _place_key(mention)
        level = mention.place.kind if mention.place else "place"
        levels[key] = level
        if mention.cue == "locative" and inside_any(mention.start, lede):
            scores[key] += 6 if page.region_at(mention.start) == RegionKind.HEADLINE else 4
        elif mention.cue == "locative":
            scores[key] += 1
        elif mention.cue == "dateline":
            scores[key] += 2
    located = [
        key
        for key in scores
        if levels[key] in ("city", "place") and scores[key] >= SETTINGS.lede_locative
    ]
    virtual_cue = contains_any(lede_text, lexicon.virtual_cues) or (
        "" if located else contains_any(body_text, lexicon.virtual_cues)
    )
    chosen = ""
    if not virtual_cue and scores:
        chosen = min(
            scores,
            key=lambda key: (
                -(scores[key] >= SETTINGS.lede_locative),
                _LEVEL_RANK[levels[key]],
                -scores[key],
            ),
        )
    marked = []
    for mention in places:
        key = _place_key(mention)
        is_event_place = key == chosen and mention.cue in ("locative", "dateline")
        details = {
            **mention.details,
            "slot": "place" if is_event_place else "mentioned_place",
            "level": levels[key],
            "country": mention.place.country if mention.place else "",
            "cue": mention.cue,
        }
        marked.append(replace(mention, details=details))
    if not virtual_cue:
        return marked, None
    match = re.search(re.escape(virtual_cue), page.text, flags=re.IGNORECASE)
    if match is None:
        return marked, None
    return marked, Mention(
        "place",
        match.start(),
        match.end(),
        virtual_cue,
        page.region_at(match.start()),
        "virtual",
        details={"slot": "place", "level": "virtual", "country": "", "cue": "virtual"},
    )

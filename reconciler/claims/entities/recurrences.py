"""Later uses of a name found once: a "name (Latin name)" pair gives its Latin form, and every
later use of the name or of one of its words on the page is the same entity."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from rapidfuzz.fuzz import ratio

from reconciler.claims.entities.common import is_calendar_word, is_common_word
from reconciler.claims.entities.gazetteer import lookup
from reconciler.claims.entities.lexicon import (
    Lexicon,
    lexicon_for,
)
from reconciler.claims.entities.matching import same_entity
from reconciler.claims.entities.mentions import (
    CAPITALISED_SCRIPTS,
    LATIN_ALIAS_RE,
    Mention,
    adjacent,
    is_capitalised,
    is_org_word,
    is_stop,
    title_at,
)
from reconciler.claims.entities.romanize import name_tokens, romanize, script_of, skeleton
from reconciler.claims.entities.settings import SETTINGS
from reconciler.claims.entities.text import (
    Word,
    lemmatize_name_word,
    strip_case_suffix,
)
from reconciler.records import Page, Region


def _latin_alias_name(latin: str) -> str:
    """ "Chinese President Xi Jinping" → "Xi Jinping": the alias without its title."""
    english = lexicon_for("en", "latin")
    tokens = latin.split()
    for index in range(len(tokens)):
        if title_at([Word(token, 0, 0) for token in tokens], index, english):
            return " ".join(tokens[index + 1 :]) or latin
    return latin


def latin_aliases(
    page: Page, region: Region, tokens: list[Word], lexicon: Lexicon, found: list[Mention]
) -> None:
    """ "শি জিনপিংকে (Xi Jinping)": attach the Latin form, or find the name by it."""
    text = page.text
    for match in LATIN_ALIAS_RE.finditer(page.region_text(region)):
        paren_start = region.start + match.start()
        latin = _latin_alias_name(match.group(1).strip())
        before = [token for token in tokens if token.end <= paren_start][-4:]
        before = [token for token in before if text[token.end : paren_start].count("\n") == 0]
        for position, mention in enumerate(found):
            if (
                before
                and mention.start <= before[-1].start < mention.end + 2
                and mention.kind == "person"
            ):
                if same_entity(mention.lemma, latin):
                    found[position] = replace(mention, latin=latin)
                break
        else:
            # a name is as many words as its Latin form, or one more (সি চিন পিং = Xi Jinping)
            latin_size = len(latin.split())
            for size in (latin_size + 1, latin_size):
                if size > len(before):
                    continue
                span = before[-size:]
                if any(not adjacent(text, a, b) for a, b in pairwise(span)):
                    continue
                if any(is_stop(token.text, lexicon) for token in span):
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
                    or is_org_word(latin, lexicon_for("en", "latin"))
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


def _spelled_alike(word: str, key: str) -> bool:
    """A name part and its later use in one script share most letters, not only a sound.

    Consonant skeletons alone take "Redacción" for a surname, or "وزير" (minister) for
    "فيصل" (both b-s-l once vowels and w/f are folded).
    """
    if script_of(word) != script_of(key):
        return True
    return ratio(romanize(word), romanize(key)) >= SETTINGS.same_script_min_ratio


def name_recurrences(
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
            (capitalised and not is_capitalised(word.text))
            or is_stop(word.text, lexicon)
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


def han_recurrences(page: Page, regions: list[Region], people: list[Mention]) -> list[Mention]:
    found = []
    for name in {person.lemma for person in people}:
        for region in regions:
            for match in re.finditer(re.escape(name), page.region_text(region)):
                start = region.start + match.start()
                found.append(
                    Mention("person", start, start + len(name), name, region.kind, "recurrence")
                )
    return found

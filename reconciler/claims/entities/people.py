"""People: a title or role before the name ("রুশ পররাষ্ট্রমন্ত্রী সার্গেই লাভরভ", "外长拉夫罗夫"), a
speech verb after it, a meeting between two names, in capitalised, uncapitalised and Han
scripts."""

from __future__ import annotations

import re

from reconciler.claims.entities.common import is_common_word
from reconciler.claims.entities.gazetteer import (
    lookup,
    lookup_inflected,
)
from reconciler.claims.entities.lexicon import (
    Lexicon,
    chinese_surnames,
    name_particles,
)
from reconciler.claims.entities.mentions import (
    HAN,
    Mention,
    adjacent,
    alternation,
    capitalised_run,
    is_capitalised,
    is_org_word,
    is_role_word,
    is_stop,
    is_venue_run,
    name_from_run,
    starts_with_title,
    title_at,
)
from reconciler.claims.entities.settings import SETTINGS
from reconciler.claims.entities.text import (
    Word,
    clitic_stems,
    lemmatize_name_word,
    strip_case_suffix,
)
from reconciler.records import Page, Region


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
    if not adjacent(text, previous, tokens[index]) or lookup_inflected(previous.text):
        return ""
    if is_capitalised(previous.text) or previous.text.endswith(("'s", "’s")):
        return previous.text + " "
    return ""


def persons_capitalised(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    text = page.text
    found: list[Mention] = []
    max_skip = lexicon.title_skip
    index = 0
    while index < len(tokens):
        title_length = title_at(tokens, index, lexicon)
        if title_length:
            role_words = tokens[index : index + title_length]
            role = _role_before(tokens, index, text) + " ".join(word.text for word in role_words)
            cursor = index + title_length
            skipped = 0
            while (
                cursor < len(tokens)
                and skipped <= max_skip
                and not title_at(tokens, cursor, lexicon)
            ):
                if tokens[cursor].text.lower() in lexicon.place_prepositions:
                    break  # "Ministerrat in Meseberg": a place follows, not the title's name
                gap = text[tokens[cursor - 1].end : tokens[cursor].start]
                abbreviated = cursor == index + title_length and gap.strip() == "."  # "Dr. X"
                if not abbreviated and any(mark in gap for mark in ".;:!?\n()—"):
                    break
                run = capitalised_run(text, tokens, cursor, lexicon)
                if run and tokens[cursor - 1].text.lower() in lexicon.title_complements:
                    cursor += run  # "el alcalde de Getafe": what the title is of
                    skipped += 1
                    continue
                if run:
                    name = name_from_run(tokens[cursor : cursor + run], lexicon)
                    if name:
                        found.append(_latin_name_mention(page, name, lexicon, "title", role))
                        _plural_continuation(page, tokens, cursor + run, lexicon, role, found)
                        break
                    if is_venue_run(tokens[cursor : cursor + run], lexicon):
                        break  # "Ministerrat auf Schloss Meseberg in Brandenburg": no name follows
                    cursor += run
                else:
                    cursor += 1
                skipped += 1
            index += title_length
            continue
        run = capitalised_run(text, tokens, index, lexicon)
        if run:
            name = name_from_run(tokens[index : index + run], lexicon)
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
    if (
        not plural
        or cursor + 1 >= len(tokens)
        or tokens[cursor].text.lower() not in lexicon.conjunctions
    ):
        return
    run = capitalised_run(page.text, tokens, cursor + 1, lexicon)
    name = name_from_run(tokens[cursor + 1 : cursor + 1 + run], lexicon) if run else []
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
        lowercase = position < len(tokens) and not is_capitalised(tokens[position].text)
        if lowercase and title_at(tokens, position, lexicon):
            return True
    return False


def _ends_name(tokens: list[Word], cursor: int, lexicon: Lexicon, page: Page) -> bool:
    """Whether the name stops before ``tokens[cursor]``."""
    text = page.text
    if cursor >= len(tokens):
        return True
    word = tokens[cursor].text
    if word in name_particles() and adjacent(text, tokens[cursor - 1], tokens[cursor]):
        return False  # "فيصل بن فرحان": "بن" (son of) is no city, however Bonn is spelled
    return (
        not adjacent(text, tokens[cursor - 1], tokens[cursor])
        and not (len(tokens[cursor - 1].text) <= 2 and text[tokens[cursor - 1].end] == ".")
    ) or (
        is_stop(word, lexicon)
        or title_at(tokens, cursor, lexicon) > 0
        or starts_with_title(word, lexicon)
        or lookup(strip_case_suffix(word, lexicon)) is not None
        or is_org_word(word, lexicon)
        or _clitic_title(word, lexicon)
    )


def _locative_form(word: str, lexicon: Lexicon) -> bool:
    """A word in the locative case ("-த்தில்", "-ে"): where something is, never a name."""
    return any(
        word.endswith(suffix) and len(word) > len(suffix) + 2
        for suffix in lexicon.locative_suffixes
    )


def _clitic_title(word: str, lexicon: Lexicon) -> bool:
    """ "والرئيس" (and the president), "ونظيره" (and his counterpart): a title behind a
    clitic starts a new phrase. (Word frequency cannot tell here: "محمد" and "علي" are
    among the most frequent Arabic words.)"""
    return any(form in lexicon.titles for form in clitic_stems(word, lexicon))


def _uncapitalised_name(
    page: Page, tokens: list[Word], cursor: int, lexicon: Lexicon
) -> tuple[list[Word], str]:
    """Words of a name starting at ``cursor``, and its last word without case ending.

    A case ending closes the name, except a bare "-র" after a vowel, which may be the
    name's own last letter (ভ্লাদিমির পুতিনের): then the name goes on if the next word
    can be part of it.
    """
    if cursor >= len(tokens) or (cursor and _ends_name(tokens, cursor, lexicon, page)):
        return [], ""
    name: list[Word] = []
    lemma_last = ""
    limit = 4 if lexicon.script == "arabic" else 3
    while cursor < len(tokens) and len(name) < limit:
        word = tokens[cursor]
        if name and _ends_name(tokens, cursor, lexicon, page):
            break
        if not name and (is_stop(word.text, lexicon) or starts_with_title(word.text, lexicon)):
            break
        if not name and _locative_form(word.text, lexicon):
            break  # "… செயலகத்தில்" (in the secretariat): a title used as an adjective
        name.append(word)
        stripped = strip_case_suffix(word.text, lexicon)
        lemma_last = stripped
        ambiguous = word.text[len(stripped) :] in lexicon.suffixes_after_vowel
        if stripped != word.text and not (
            ambiguous
            and not _ends_name(tokens, cursor + 1, lexicon, page)
            and not is_common_word(stripped, page.lang, SETTINGS.name_continuation_stoplist)
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
    if possessive and cursor < len(tokens) and starts_with_title(tokens[cursor].text, lexicon):
        return [], ""  # "এসসিওর পররাষ্ট্রমন্ত্রীরা": the SCO's ministers, not a person
    words_ = [word.text for word in name[:-1]] + [lemma_last]
    if any(lookup(" ".join(words_[:size])) for size in range(1, len(words_) + 1)):
        return [], ""  # "উত্তর কোরিয়া সফরের": a place, then a noun
    return name, lemma_last


def _role_before_uncapitalised(tokens: list[Word], index: int, lexicon: Lexicon, text: str) -> str:
    """ "রুশ", "চীনের", "चीन के": who the title belongs to."""
    if index == 0 or not adjacent(text, tokens[index - 1], tokens[index]):
        return ""
    previous = tokens[index - 1].text
    if previous in lexicon.nationality_words:
        return previous + " "
    if lookup(strip_case_suffix(previous, lexicon)):
        return previous + " "
    if index >= 2 and previous in lexicon.stop_words and lookup(tokens[index - 2].text):
        return f"{tokens[index - 2].text} {previous} "
    return ""


def _ends_place_name(tokens: list[Word], index: int, title_length: int) -> bool:
    """A title word that ends a place's name ("مدينة الأمير", a "Prince ..." town) is part
    of that name."""
    if index == 0:
        return False
    words_ = [word.text for word in tokens[index - 1 : index + title_length]]
    return lookup(" ".join(words_)) is not None


def persons_uncapitalised(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    found: list[Mention] = []
    index = 0
    while index < len(tokens):
        title_length = title_at(tokens, index, lexicon)
        if not title_length or _ends_place_name(tokens, index, title_length):
            index += max(title_length, 1)
            continue
        role = _role_before_uncapitalised(tokens, index, lexicon, page.text) + " ".join(
            word.text for word in tokens[index : index + title_length]
        )
        cursor = index + title_length
        while cursor < len(tokens) and is_role_word(tokens[cursor].text, lexicon):
            role += " " + tokens[cursor].text
            cursor += 1
        name, lemma_last = _uncapitalised_name(page, tokens, cursor, lexicon)
        if name and lookup(" ".join([*(word.text for word in name[:-1]), lemma_last])) is None:
            found.append(_uncapitalised_mention(page, name, lemma_last, "title", role))
        index = cursor + max(len(name), 1) if name else index + title_length
    return found


def persons_before_titles(page: Page, tokens: list[Word], lexicon: Lexicon) -> list[Mention]:
    """ "윤석열 대통령은": languages that put the title after the name (``titles_after``)."""
    found = []
    for index, token in enumerate(tokens[1:], start=1):
        title = next((t for t in lexicon.titles_after if token.text.startswith(t)), "")
        previous = tokens[index - 1]
        if not title or not adjacent(page.text, previous, token):
            continue
        lemma = previous.text  # bare: "시점부터 대통령" (since the time, the president) is no name
        if (
            strip_case_suffix(lemma, lexicon) != lemma
            or not SETTINGS.min_name_letters <= len(lemma) <= SETTINGS.max_unspaced_name_letters
            or is_stop(lemma, lexicon)
            or is_common_word(lemma, page.lang)
            or lemma.endswith(lexicon.titles_after)
            or lookup(lemma) is not None
            or is_org_word(lemma, lexicon)
        ):
            continue
        found.append(_uncapitalised_mention(page, [previous], lemma, "title", title))
    return found


def persons_meeting(
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
                    not adjacent(text, word, name[0])
                    or strip_case_suffix(word.text, lexicon) != word.text
                ):
                    break
                if is_stop(word.text, lexicon) or starts_with_title(word.text, lexicon):
                    break
                if word.text in known_words or lookup(word.text):
                    break
                name.insert(0, word)
                cursor -= 1
            words_ = [word.text for word in name[:-1]] + [lemma_last]
            first = index - len(name)
            if any(
                position + title_at(tokens, position, lexicon) > first
                for position in range(max(0, first - 3), first + 1)
            ):
                continue  # "وزیر خارجہ سے ملاقات": the end of a title, not a name
            if is_stop(last.text, lexicon) or any(
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


def persons_han(page: Page, region: Region, lexicon: Lexicon) -> list[Mention]:
    """国家主席习近平, 普京总统, 王毅表示, 王毅参加会见: titles, then sentence subjects."""
    text = page.region_text(region)
    boundary = rf"(?=(?:{alternation(lexicon.name_boundaries)})|\d|$)"
    name = rf"([{HAN}·]{{2,8}}?)"
    sentence_start = r"(?:^|(?<=[\n。！？；，]))\s*"
    surname_name = rf"((?:{alternation(tuple(chinese_surnames()))})[{HAN}]{{1,2}}?)"
    patterns = (
        (rf"(?P<role>{alternation(lexicon.titles)}){name}{boundary}", "title"),
        (rf"{name}(?P<role>总统|主席|总理|首相|先生|女士)", "title"),
        (rf"{sentence_start}{name}(?:{alternation(lexicon.speech_verbs)})", "speech"),
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

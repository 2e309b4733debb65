"""Quotes: direct quotes in every quotation style and reported speech, each with its speaker.

``find_quotes(text, lang)`` reads one stretch of text; ``extract(page)`` reads the page's
readable regions and returns ``QUOTE`` claims. A speaker given as a pronoun ("he said",
"তিনি বলেন", "उन्होंने कहा") stands for the last speaker named before it on the page.
Speech verbs, source markers, pronouns and the words that cannot be part of a name are
language data (data/<lang>.json).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reconciler.claims.numbers import find_numbers, script_language
from reconciler.claims.numbers.clock import clock_times
from reconciler.claims.quotes.lexicon import WORD, QuoteLexicon, lexicon, words_of
from reconciler.claims.quotes.settings import SETTINGS
from reconciler.records import Claim, ClaimKind, Page, QuotedNumber, QuoteValue, Slot
from reconciler.text import CLAUSE_BREAK, SENTENCE_BREAK, enclosing, sentence_spans

#: The quantity a quoted time of day is compared as.
TIME_OF_DAY = "time_of_day"

__all__ = [
    "QuoteMention",
    "Speaker",
    "extract",
    "find_quotes",
    "is_negated",
    "language_of",
    "resolve_pronouns",
]

# (opening mark, pattern of the quote): „…“ comes before “…” so that German's closing “ is
# not read as an opening; ’ inside a word ("দু’পক্ষ", "Russia’s") does not close ‘…’.
_LETTER = r"\w\u0900-\u0DFF\u0600-\u06FF"
QUOTE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("„“", re.compile(r"„([^„“”\n]+)[“”]")),
    ("“”", re.compile(r"“([^“”\n]+)”")),
    ("«»", re.compile(r"«([^«»\n]+)»")),
    ("「」", re.compile(r"「([^「」\n]+)」")),
    ("『』", re.compile(r"『([^『』\n]+)』")),
    ("‘’", re.compile(rf"‘((?:[^‘’\n]|’(?=[{_LETTER}]))+)’(?![{_LETTER}])")),
    ('""', re.compile(r'"([^"\n]+)"')),
)
NEXT_QUOTE = re.compile(r"[“«„「『‘\"]")
CONTENT_BREAK = re.compile(r"[,:;،，：\-–—]")


@dataclass(frozen=True)
class Speaker:
    surface: str  # as written; for a pronoun, the named speaker it stands for
    start: int
    end: int
    pronoun: str = ""  # the pronoun as written, when the speaker was given as one


@dataclass(frozen=True)
class QuoteMention:
    start: int  # the quote with its marks, or the reported content
    end: int
    content_start: int
    content_end: int
    direct: bool
    style: str  # the quotation marks, "" for reported speech
    speaker: Speaker | None


@dataclass(frozen=True)
class _Word:
    text: str  # lower-cased
    start: int
    end: int
    capitalized: bool


def _words(text: str, start: int, end: int) -> list[_Word]:
    return [
        _Word(m.group().lower(), m.start(), m.end(), any(c.isupper() for c in m.group()))
        for m in WORD.finditer(text, start, end)
    ]


def _word_count(text: str, lex: QuoteLexicon) -> int:
    if lex.spaced:
        return len(WORD.findall(text))
    return len(re.sub(r"\W", "", text)) // SETTINGS.cjk_word_chars


def _direct_quotes(text: str) -> list[tuple[int, int, int, int, str]]:
    """(start, end, content start, content end, style) of each outermost quote."""
    found = [
        (match.start(), match.end(), match.start(1), match.end(1), style)
        for style, pattern in QUOTE_STYLES
        for match in pattern.finditer(text)
    ]
    outer: list[tuple[int, int, int, int, str]] = []
    for quote in sorted(found, key=lambda q: (q[0], -q[1])):
        if not any(kept[0] <= quote[0] < kept[1] for kept in outer):
            outer.append(quote)
    return outer


def _verbs(text: str, start: int, end: int, lex: QuoteLexicon) -> list[tuple[int, int]]:
    """Spans of speech verbs in [start, end), in reading order."""
    if not lex.spaced:
        spans: list[tuple[int, int]] = []
        for verb in lex.speech_verbs:
            phrase = "".join(verb)
            position = text.find(phrase, start, end)
            while position >= 0:
                if not any(s <= position < e for s, e in spans):
                    spans.append((position, position + len(phrase)))
                position = text.find(phrase, position + len(phrase), end)
        return sorted(spans)
    words = _words(text, start, end)
    spans = []
    index = 0
    while index < len(words):
        size = _phrase_at(words, index, lex.speech_verbs)
        if size:
            spans.append((words[index].start, words[index + size - 1].end))
            index += size
        else:
            index += 1
    return spans


def _phrase_at(words: Sequence[_Word], index: int, phrases: Sequence[tuple[str, ...]]) -> int:
    """Length of the phrase (longest first) that starts at ``words[index]``, or 0."""
    for phrase in phrases:
        if tuple(word.text for word in words[index : index + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _speaker(text: str, words: Sequence[_Word], lex: QuoteLexicon) -> Speaker:
    start, end = words[0].start, words[-1].end
    for suffix in lex.speaker_suffixes:
        if words[-1].text.endswith(suffix) and len(words[-1].text) > len(suffix):
            end -= len(suffix)
            break
    surface = text[start:end]
    pronoun = surface if len(words) == 1 and words[0].text in lex.pronouns else ""
    return Speaker(surface, start, end, pronoun)


def _max_name_words(lex: QuoteLexicon) -> int:
    # Capitals bound a name in cased scripts; elsewhere the nearest words are all we have.
    return SETTINGS.max_name_words if lex.cased else SETTINGS.max_uncased_name_words


def _is_oblique(word: _Word, lex: QuoteLexicon) -> bool:
    return any(word.text.endswith(ending) for ending in lex.oblique_endings)


def _is_filler(word: _Word, lex: QuoteLexicon) -> bool:
    return (
        word.text in lex.speaker_stopwords
        or word.text in lex.complementizers
        or _is_oblique(word, lex)
    )


def _joins_name(words: Sequence[_Word], index: int, lex: QuoteLexicon) -> bool:
    """A particle inside a name: "Office of Emergency Management", "Oficina de Gestión"."""
    return (
        lex.cased
        and words[index].text in lex.name_particles
        and 0 < index < len(words) - 1
        and words[index - 1].capitalized
        and words[index + 1].capitalized
    )


def _valid_name(run: Sequence[_Word], lex: QuoteLexicon) -> bool:
    return bool(run) and (not lex.cased or any(word.capitalized for word in run))


def _name_run(text: str, words: Sequence[_Word], lex: QuoteLexicon) -> Speaker | None:
    """The name that ``words`` end with: fillers next to the verb skipped ("X also said"),
    then the words back to the next filler."""
    index = len(words) - 1
    while index >= 0 and _is_filler(words[index], lex):
        index -= 1
    if index >= 0 and words[index].text in lex.pronouns:
        return _speaker(text, words[index : index + 1], lex)
    end = index + 1
    while (
        index >= 0
        and end - index <= _max_name_words(lex)
        and words[index].text not in lex.pronouns
        and (not _is_filler(words[index], lex) or _joins_name(words, index, lex))
    ):
        index -= 1
    run = words[index + 1 : end]
    if _valid_name(run, lex):
        return _speaker(text, run, lex)
    if run and index >= 0 and words[index].text in lex.determiners:
        return _speaker(text, words[index:end], lex)
    return None


def _sentence_subject(
    text: str, sentence_start: int, limit: int, lex: QuoteLexicon
) -> Speaker | None:
    """The name a sentence opens with ("Choe, for her part, … said"; "গভর্নর X বৃহস্পতিবার
    সাংবাদিকদের বলেন"), for a verb whose own subject is out of reach."""
    if not lex.spaced:
        lead = text[sentence_start:limit]
        cut = min((lead.find(end) for end in lex.subject_ends if end in lead), default=-1)
        if not 0 < cut <= SETTINGS.max_cjk_name:
            return None
        return Speaker(lead[:cut], sentence_start, sentence_start + cut)
    clause_end = enclosing(CLAUSE_BREAK, text, sentence_start, sentence_start)[1]
    words = _words(text, sentence_start, min(clause_end, limit))
    first = 0
    while first < len(words) and _is_filler(words[first], lex):
        first += 1
    last = first
    while (
        last < len(words)
        and (not _is_filler(words[last], lex) or _joins_name(words, last, lex))
        and not _phrase_at(words, last, lex.speech_verbs)
    ):
        last += 1
    run = words[first:last]
    if run and run[0].text in lex.pronouns:
        return _speaker(text, run[:1], lex)
    run = run if lex.cased else run[-SETTINGS.max_uncased_name_words :]
    if not run or len(run) > _max_name_words(lex) + 1:
        return None
    if _valid_name(run, lex):
        return _speaker(text, run, lex)
    if first > 0 and words[first - 1].text in lex.determiners:
        return _speaker(text, words[first - 1 : last], lex)
    return None


def _speaker_before(
    text: str, sentence_start: int, verb_start: int, lex: QuoteLexicon
) -> Speaker | None:
    """The subject of a speech verb: the name just before it, else the sentence's subject."""
    clause_start = max(sentence_start, enclosing(CLAUSE_BREAK, text, verb_start, verb_start)[0])
    if not lex.spaced:
        lead = text[clause_start:verb_start]
        for stopword in lex.speaker_stopwords:
            lead = lead.removesuffix(stopword)
        if 0 < len(lead) <= SETTINGS.max_cjk_name:
            pronoun = lead if lead in lex.pronouns else ""
            return Speaker(lead, clause_start, clause_start + len(lead), pronoun)
        return _sentence_subject(text, sentence_start, verb_start, lex)
    words = _words(text, sentence_start, verb_start)
    for index in range(len(words) - 1, -1, -1):
        if _phrase_at(words, index, lex.subject_markers):  # Hindi "X ने … कहा"
            marker_clause = enclosing(CLAUSE_BREAK, text, words[index].start, words[index].start)
            subject = [w for w in words[:index] if w.start >= marker_clause[0]]
            return _name_run(text, subject, lex) or _sentence_subject(
                text, sentence_start, verb_start, lex
            )
    near = [word for word in words if word.start >= clause_start]
    # "was quoted … as saying", or a verb whose neighbour is its object ("সাংবাদিকদের
    # বলেন", "told reporters"): the subject is the one the sentence opens with.
    object_next = bool(near) and _is_oblique(near[-1], lex)
    if near and (near[-1].text in lex.passive_markers or object_next):
        return _sentence_subject(text, sentence_start, verb_start, lex)
    return _name_run(text, near, lex) or _sentence_subject(text, sentence_start, verb_start, lex)


def _speaker_after(text: str, verb_end: int, limit: int, lex: QuoteLexicon) -> Speaker | None:
    """The speaker after the verb: '"…," said a spokesperson', '», — заявил он', 'قال X'."""
    if not lex.spaced:
        return None
    clause_end = enclosing(CLAUSE_BREAK, text, verb_end, verb_end)[1]
    words = _words(text, verb_end, min(clause_end, limit))
    first = 0
    while first < len(words) and _is_filler(words[first], lex):
        first += 1
    run: list[_Word] = []
    for index in range(first, len(words)):
        word = words[index]
        joins = _joins_name(words, index, lex)
        name_ended = any(w.capitalized for w in run) and not word.capitalized
        if len(run) == _max_name_words(lex) or (
            not joins and (name_ended or _is_filler(word, lex))
        ):
            break
        run.append(word)
        if word.text in lex.pronouns:
            break
    return _speaker(text, run, lex) if run else None


def _masked(text: str, quotes: Sequence[tuple[int, int, int, int, str]]) -> str:
    """``text`` with each quote's content blanked, so sentence breaks inside a quote do not
    split the sentence around it (offsets are kept)."""
    chars = list(text)
    for _, _, content_start, content_end, _ in quotes:
        chars[content_start:content_end] = "x" * (content_end - content_start)
    return "".join(chars)


def _attribute_direct(
    text: str,
    masked: str,
    quote: tuple[int, int, int, int, str],
    previous_end: int,
    lex: QuoteLexicon,
) -> Speaker | None:
    start, end = quote[0], quote[1]
    sentence_start, sentence_end = enclosing(SENTENCE_BREAK, masked, start, end)
    after_end = min(sentence_end, end + SETTINGS.max_frame)
    next_quote = NEXT_QUOTE.search(text, end, after_end)
    if next_quote:
        after_end = next_quote.start()
    after_verbs = _verbs(text, end, after_end, lex)
    if after_verbs:
        verb_start, verb_end = after_verbs[0]
        lead = [w for w in _words(text, end, verb_start) if w.text not in lex.speaker_stopwords]
        if not lead:
            # '“…” dedi.', '“…” বলেন।': nothing names the speaker after the verb, so the
            # sentence's subject before the quote is the speaker.
            return _speaker_after(text, verb_end, after_end, lex) or (
                None if lex.verb_first else _speaker_before(text, sentence_start, start, lex)
            )
        if len(lead) <= SETTINGS.max_lead_words:
            # '"…," a man who escaped with his two children told …' names the speaker whole.
            return _speaker(text, lead, lex) if lex.cased else _name_run(text, lead, lex)
    frame_start = max(sentence_start, previous_end, start - SETTINGS.max_frame)
    before_verbs = _verbs(text, frame_start, start, lex)
    if before_verbs:
        verb_start, verb_end = before_verbs[-1]
        if lex.verb_first:
            return _speaker_after(text, verb_end, start, lex)
        return _speaker_before(text, sentence_start, verb_start, lex)
    return None


def _direct_mentions(text: str, masked: str, lex: QuoteLexicon) -> list[QuoteMention]:
    mentions: list[QuoteMention] = []
    previous: QuoteMention | None = None
    for quote in _direct_quotes(text):
        start, end, content_start, content_end, style = quote
        words = _word_count(text[content_start:content_end], lex)
        if words < SETTINGS.min_quote_words:
            continue
        previous_end = previous.end if previous else 0
        speaker = _attribute_direct(text, masked, quote, previous_end, lex)
        if speaker is None and previous is not None and "\n" not in text[previous.end : start]:
            speaker = previous.speaker  # a second quote running on from the first
        if speaker is None and words < SETTINGS.min_unattributed_words:
            continue
        mention = QuoteMention(start, end, content_start, content_end, True, style, speaker)
        mentions.append(mention)
        previous = mention
    return mentions


def _content_after(text: str, verb_end: int, sentence_end: int, lex: QuoteLexicon) -> int | None:
    """Where reported content after a verb starts ("said that …", "told X that …",
    "বলেন, …"), or None when what follows is no content."""
    if not lex.spaced:
        content = text[verb_end:sentence_end].lstrip("，,：: ")
        if _word_count(content, lex) < SETTINGS.min_reported_words:
            return None
        return sentence_end - len(content)
    words = _words(text, verb_end, sentence_end)
    # "said that …" or "told Russian Foreign Minister Sergei Lavrov on Tuesday that …": the
    # complementizer opens the content when only a name and fillers stand before it.
    marker = next(
        (
            i
            for i, w in enumerate(words[: SETTINGS.complementizer_reach])
            if w.text in lex.complementizers
        ),
        None,
    )
    if marker and not (
        (lex.cased and all(w.capitalized or _is_filler(w, lex) for w in words[:marker]))
        or (lex.verb_first and marker <= SETTINGS.max_uncased_name_words)
    ):
        marker = None
    breaks = text[verb_end : words[0].start if words else sentence_end].strip() or (
        text[verb_end - 1] if verb_end else ""
    )
    if marker is not None:
        words = words[marker + 1 :]
    elif lex.content_needs_break and not CONTENT_BREAK.search(breaks):
        return None
    if len(words) < SETTINGS.min_reported_words:
        return None
    return words[0].start


def _source_marker_mention(
    text: str, sentence: tuple[int, int], lex: QuoteLexicon
) -> QuoteMention | None:
    """'По словам X, …', 'Según X, …', 'According to X, …' at the start of a sentence."""
    words = _words(text, *sentence)
    size = _phrase_at(words, 0, lex.source_markers) if lex.spaced else 0
    if not size:
        return None
    clause_end = enclosing(CLAUSE_BREAK, text, words[size - 1].end, words[size - 1].end)[1]
    name = [w for w in words[size:] if w.end <= clause_end][: _max_name_words(lex)]
    content = [w for w in words if w.start > clause_end]
    if not name or len(content) < SETTINGS.min_reported_words:
        return None
    start, end = content[0].start, sentence[1]
    return QuoteMention(start, end, start, end, False, "", _speaker(text, name, lex))


def _reported(start: int, end: int, speaker: Speaker) -> QuoteMention:
    return QuoteMention(start, end, start, end, False, "", speaker)


def _content_before(
    text: str, sentence: tuple[int, int], verb: tuple[int, int], lex: QuoteLexicon
) -> QuoteMention | None:
    """Content ahead of its attribution: "…, he said.", "…, শি বলেছেন, সিনহুয়া অনুসারে।",
    "…, según informó el USGS", "… বলে জানিয়েছে সংবাদ সংস্থা আইএনএ।"."""
    sentence_start, sentence_end = sentence
    verb_start, verb_end = verb
    clause_start = max(sentence_start, enclosing(CLAUSE_BREAK, text, verb_start, verb_start)[0])
    lead = _words(text, clause_start, verb_start)
    content_end = verb_start
    # Uncased SOV pages put the speaker after the verb when they invert ("… জানালেন রুশ
    # প্রেসিডেন্ট পুতিন"); cased ones name the speaker in a short lead (", the ministry said").
    speaker = None if lex.cased else _speaker_after(text, verb_end, sentence_end, lex)
    if speaker is None and lead and lead[0].text in lex.source_markers_flat:
        speaker, content_end = _speaker_after(text, verb_end, sentence_end, lex), lead[0].start
    elif speaker is None and lead and len(lead) <= _max_name_words(lex):
        named = _name_run(text, lead, lex)
        plain = [w for w in lead if not _is_filler(w, lex)]
        speaker = named or (_speaker(text, plain, lex) if plain else None)
        content_end = lead[0].start
    if speaker is None:
        speaker = _speaker_after(text, verb_end, sentence_end, lex)
    content = text[sentence_start:content_end].rstrip(" ,،，—–-")
    if speaker is None or _word_count(content, lex) < SETTINGS.min_reported_words:
        return None
    start = sentence_start + len(content) - len(content.lstrip())
    return _reported(start, sentence_start + len(content), speaker)


def _reported_mention(
    text: str, sentence: tuple[int, int], lex: QuoteLexicon
) -> QuoteMention | None:
    sentence_start, sentence_end = sentence
    marked = _source_marker_mention(text, sentence, lex)
    if marked is not None:
        return marked
    verbs = _verbs(text, sentence_start, sentence_end, lex)
    for index, (verb_start, verb_end) in enumerate(verbs):
        content_start = _content_after(text, verb_end, sentence_end, lex)
        if content_start is None:
            continue
        tail = _words(text, content_start, sentence_end)
        head = _words(text, sentence_start, verb_start)
        if head and head[-1].text in lex.source_markers_flat:
            continue  # "…, según informó el USGS": the content came first
        if (
            len(tail) <= SETTINGS.short_tail_words
            and _is_filler(tail[0], lex)
            and len(head) > _max_name_words(lex) + 1
        ):
            continue  # "…, the ministry said in a statement."
        later = verbs[index + 1 :]
        if later and len(_words(text, verb_end, later[0][0])) < SETTINGS.nested_verb_words:
            continue
        if lex.verb_first:
            speaker = _speaker_after(text, verb_end, content_start, lex)
        else:
            speaker = _speaker_before(text, sentence_start, verb_start, lex)
        if speaker is not None:
            return _reported(content_start, sentence_end, speaker)
    return _content_before(text, sentence, verbs[-1], lex) if verbs else None


def resolve_pronouns(mentions: Sequence[QuoteMention]) -> list[QuoteMention]:
    """Each pronoun speaker replaced by the last speaker named before it (in reading order);
    a pronoun with no named speaker before it is dropped."""
    resolved = []
    last_named: Speaker | None = None
    for mention in sorted(mentions, key=lambda m: m.start):
        speaker = mention.speaker
        if speaker is not None and speaker.pronoun:
            speaker = replace(last_named, pronoun=speaker.pronoun) if last_named else None
        elif speaker is not None:
            last_named = speaker
        resolved.append(replace(mention, speaker=speaker))
    return resolved


def find_quotes(text: str, lang: str) -> list[QuoteMention]:
    """Direct and reported quotes in ``text`` (a region's text), in reading order, with
    speakers as written (pronouns not yet resolved)."""
    lex = lexicon(language_of(text, lang))
    if lex is None:
        return []
    quotes = _direct_quotes(text)
    masked = _masked(text, quotes)
    mentions = _direct_mentions(text, masked, lex)
    reported = []
    for sentence in sentence_spans(masked):
        if any(sentence[0] <= quote.start < sentence[1] for quote in mentions):
            continue  # a sentence with a direct quote is attributed through that quote
        mention = _reported_mention(text, sentence, lex)
        if mention is not None:
            reported.append(mention)
    return sorted(mentions + reported, key=lambda m: m.start)


def language_of(text: str, lang: str) -> str:
    """``lang`` when this package has its data, else a guess from the script of ``text``."""
    return lang if lexicon(lang) is not None else script_language(text)


def is_negated(text: str, lang: str) -> bool:
    """Whether a quote says "not", "no longer", "না", "नहीं", "不"… (idioms that only look
    negative, like "no matter" or "不断", removed first)."""
    lex = lexicon(language_of(text, lang))
    if lex is None:
        return False
    lowered = text.lower()
    for exception in lex.negation_exceptions:
        lowered = lowered.replace(exception.lower(), " ")
    if not lex.spaced:
        return any(negation in lowered for negation in lex.negations)
    words = words_of(lowered)
    joined = f" {' '.join(words)} "
    for negation in lex.negations:
        if negation.endswith(("'", "’")):  # French elision: "n'est"
            if any(word.startswith(negation) for word in words):
                return True
        elif f" {negation.lower()} " in joined:
            return True
    return bool(lex.negative_suffixes) and any(
        word.endswith(lex.negative_suffixes) for word in words
    )


def _confidence(mention: QuoteMention) -> float:
    if mention.speaker is None:
        return SETTINGS.unattributed_confidence
    confidence = SETTINGS.direct_confidence if mention.direct else SETTINGS.reported_confidence
    return confidence - SETTINGS.pronoun_penalty if mention.speaker.pronoun else confidence


def extract(page: Page) -> list[Claim]:
    mentions: list[QuoteMention] = []
    for region in page.readable_regions():
        for mention in find_quotes(page.region_text(region), page.lang):
            mentions.append(_shifted(mention, region.start))
    claims = []
    for mention in resolve_pronouns(mentions):
        content = " ".join(page.text[mention.content_start : mention.content_end].split())
        speaker = mention.speaker
        value = QuoteValue(
            speaker_surface=speaker.surface if speaker else "",
            direct=mention.direct,
            style=mention.style,
            negated=is_negated(content, page.lang),
            numbers=_quantities(content, page.lang),
            speaker_start=speaker.start if speaker else None,
            speaker_end=speaker.end if speaker else None,
            speaker_pronoun=speaker.pronoun if speaker else "",
        )
        claims.append(
            Claim.of(
                value,
                kind=ClaimKind.QUOTE,
                page_id=page.id,
                start=mention.start,
                end=mention.end,
                text=page.text[mention.start : mention.end],
                region=page.region_at(mention.start),
                normalized=content,
                confidence=_confidence(mention),
                slot=Slot.QUOTE,
            )
        )
    return claims


def _quantities(content: str, lang: str) -> tuple[QuotedNumber, ...]:
    """The first value of each quantity the quote states (lexicon quantities and units), as
    bounds: what the quote comparator needs, so it never reads the text again."""
    found: dict[tuple[str, bool], QuotedNumber] = {}
    for number in find_numbers(content, lang):
        if number.keyed or number.unit:
            found.setdefault(
                (number.quantity, number.ordinal),
                QuotedNumber(number.quantity, number.ordinal, number.low, number.high),
            )
    # "called at 15:35" and "called at 3 PM": a time of day, in minutes after midnight.
    times = clock_times(content, lang or script_language(content))
    if times:
        minutes = float(times[0].minutes)
        found[(TIME_OF_DAY, False)] = QuotedNumber(TIME_OF_DAY, False, minutes, minutes)
    return tuple(found.values())


def _shifted(mention: QuoteMention, offset: int) -> QuoteMention:
    speaker = mention.speaker
    if speaker is not None:
        speaker = replace(speaker, start=speaker.start + offset, end=speaker.end + offset)
    return QuoteMention(
        mention.start + offset,
        mention.end + offset,
        mention.content_start + offset,
        mention.content_end + offset,
        mention.direct,
        mention.style,
        speaker,
    )

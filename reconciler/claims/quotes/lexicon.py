"""Per-language speech data, the ``quotes.json`` supplement of each language pack: speech
verbs, source markers, pronouns, the words that cannot be part of a speaker's name, and
negation words for comparing quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reconciler import lang

#: Word runs for speaker and verb matching: hyphens and apostrophes stay inside a word so
#: "al-Miyahi", "Russia's" and "কহা-" are one word each; Indic vowel signs stay inside too.
WORD = re.compile(r"[^\s.,;:!?()\[\]{}«»“”„\"‘’/|·।॥。，、；：！？（）—–]+")


@dataclass(frozen=True)
class QuoteLexicon:
    lang: str
    spaced: bool
    cased: bool  # capital letters mark names (Latin, Cyrillic)
    verb_first: bool  # the speaker follows the verb (Arabic "قال X")
    speech_verbs: tuple[tuple[str, ...], ...]  # longest first
    complementizers: frozenset[str]  # "that", "যে", "कि", "что": start of reported content
    source_markers: tuple[tuple[str, ...], ...]  # "according to X, ..."
    source_markers_flat: frozenset[str]  # their one-word forms ("según", "অনুসারে")
    subject_markers: tuple[tuple[str, ...], ...]  # Hindi "X ने कहा": the subject ends here
    passive_markers: frozenset[str]  # "quoted … as saying": the subject opens the sentence
    pronouns: frozenset[str]
    speaker_stopwords: frozenset[str]  # adverbs, auxiliaries, weekdays: never a name
    determiners: frozenset[str]  # "the ministry", "le ministre": a role noun as speaker
    name_particles: frozenset[str]  # "of", "de", "von" inside a name between capitals
    content_needs_break: bool  # SOV: reported content follows "বলেন," or "कहा कि", not bare
    oblique_endings: tuple[str, ...]  # case endings a speaker in the nominative lacks
    speaker_suffixes: tuple[str, ...]  # Nepali ergative "प्रधानमन्त्रीले": not part of the name
    subject_ends: tuple[str, ...]  # Chinese: words that end a sentence-initial subject
    negations: tuple[str, ...]
    negative_suffixes: tuple[str, ...]  # Bengali "করেনি": negation fused to the verb
    negation_exceptions: tuple[str, ...]  # "no matter", "不断": look negative, are not


def words_of(text: str) -> tuple[str, ...]:
    return tuple(match.group().lower() for match in WORD.finditer(text))


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    phrases = {words_of(item) or (item.lower(),) for item in items}
    return tuple(sorted(phrases, key=len, reverse=True))


_SUPPLEMENT = "quotes"


@cache
def languages() -> tuple[str, ...]:
    return tuple(code for code in lang.codes() if lang.pack(code).supplement(_SUPPLEMENT))


@cache
def lexicon(code: str) -> QuoteLexicon | None:
    if code not in languages():
        return None
    raw = lang.pack(code).supplement(_SUPPLEMENT)
    return QuoteLexicon(
        lang=code,
        # Unspaced scripts: verbs and negations match inside the running text.
        spaced=not lang.pack(code).unspaced,
        cased=bool(raw["cased"]),
        verb_first=bool(raw["verb_first"]),
        speech_verbs=_phrases(raw["speech_verbs"]),
        complementizers=frozenset(word.lower() for word in raw["complementizers"]),
        source_markers=_phrases(raw["source_markers"]),
        source_markers_flat=frozenset(m.lower() for m in raw["source_markers"] if " " not in m),
        subject_markers=_phrases(raw.get("subject_markers", [])),
        passive_markers=frozenset(raw.get("passive_markers", [])),
        pronouns=frozenset(word.lower() for word in raw["pronouns"]),
        speaker_stopwords=frozenset(word.lower() for word in raw["speaker_stopwords"]),
        determiners=frozenset(raw.get("determiners", [])),
        name_particles=frozenset(raw.get("name_particles", [])),
        content_needs_break=bool(raw.get("content_needs_break", False)),
        oblique_endings=tuple(raw.get("oblique_endings", [])),
        speaker_suffixes=tuple(raw.get("speaker_suffixes", [])),
        subject_ends=tuple(raw.get("subject_ends", [])),
        negations=tuple(sorted(raw["negations"], key=len, reverse=True)),
        negative_suffixes=tuple(raw.get("negative_suffixes", [])),
        negation_exceptions=tuple(raw["negation_exceptions"]),
    )

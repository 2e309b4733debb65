"""Recognise Bengali written in a legacy font encoding (Bijoy/SutonnyMJ ASCII).

Before Unicode, Bengali was typed with fonts that draw Bengali glyphs at ASCII code points:
"Avwg evsjvq Mvb MvB" is "আমি বাংলায় গান গাই". Read as text it looks like Latin-script noise,
and a language detector calls it German or Tagalog. Such a page is recognised by reading its
words through the font's letter table (``bijoy.json``, language knowledge as data) and asking
wordfreq whether they are Bengali words; no list of sample words of ours is involved.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from wordfreq import zipf_frequency

from reconciler.ingest.settings import IngestSettings

_WORD = re.compile(r"\S+")
# ASCII, Latin-1 and Latin Extended, where the font's code points lie: a definition.
_LATIN1_RANGE = 0x2FF


@dataclass(frozen=True)
class _Table:
    font: str
    letters: dict[str, str]
    pre_base: frozenset[str]
    longest: int


@cache
def _table() -> _Table:
    data = json.loads(resources.files(__package__).joinpath("bijoy.json").read_text("utf-8"))
    letters = data["letters"]
    return _Table(data["fonts"], letters, frozenset(data["pre_base"]), max(map(len, letters)))


def legacy_font(text: str, settings: IngestSettings) -> str | None:
    """The legacy font ``text`` is written in, or None for ordinary text."""
    sample = text[: settings.legacy_sample_words * settings.legacy_sample_chars_per_word]
    letters = [char for char in sample if char.isalpha()]
    if not letters:
        return None
    other_script = sum(1 for char in letters if ord(char) > _LATIN1_RANGE and char not in "ˆ‰Š")
    if other_script > len(letters) * settings.max_legacy_other_script_share:
        return None
    table = _table()
    words = [
        word for word in _WORD.findall(sample)[: settings.legacy_sample_words] if len(word) >= 2
    ]
    if len(words) < settings.min_legacy_words:
        return None
    bengali = sum(1 for word in words if zipf_frequency(_through_font(word, table), "bn") > 0)
    return table.font if bengali / len(words) >= settings.min_legacy_bengali_share else None


def _through_font(word: str, table: _Table) -> str:
    """``word``'s code points read as the font's glyphs, vowel signs put in Unicode order."""
    out: list[str] = []
    held: str | None = None  # a pre-base vowel sign waiting for its consonant
    i = 0
    while i < len(word):
        for size in range(table.longest, 0, -1):
            piece = word[i : i + size]
            if piece in table.letters:
                break
        else:
            piece = word[i]
        i += len(piece)
        if piece in table.pre_base:
            held = table.letters[piece]
            continue
        out.append(table.letters.get(piece, piece))
        if held is not None:
            out.append(held)
            held = None
    if held is not None:
        out.append(held)
    return unicodedata.normalize("NFC", "".join(out)).strip("।,.;:!?\"'()")

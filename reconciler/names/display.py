"""Display names: how an English-language reader knows a name written in any script."""

from __future__ import annotations

import re

from reconciler.names.english import english_spelling, undo_romanisation
from reconciler.names.romanize import (
    has_english_spelling,
    is_chinese_name,
    korean_display,
    latin_spelling,
    script_variant,
)
from reconciler.names.scripts import script_of
from reconciler.names.settings import SETTINGS


def _capitalised(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def display_name(name: str, lang: str | None = None) -> str:
    """A Latin display form: Latin names as written, others romanised the English way.

    ``lang`` (a language code such as "fa") picks the spelling conventions where a
    script serves several languages; without it the letters of the name decide.
    """
    name = re.sub(r"\s+", " ", name.strip())
    if script_of(name) == "latin":
        return name
    korean = korean_display(name) if script_of(name) == "hangul" else None
    if korean:
        return korean
    words = latin_spelling(name, lang).split()
    script = script_variant(name, lang)
    if script in SETTINGS.english_scripts and not is_chinese_name(name):
        words = ["-".join(map(english_spelling, word.split("-"))) for word in words]
    elif (
        script in SETTINGS.english_given_scripts
        and len(words) > 1
        and not has_english_spelling(name.split()[0])
    ):
        words[0] = "-".join(english_spelling(part, given_only=True) for part in words[0].split("-"))
    words = [
        "-".join(undo_romanisation(part, script) for part in word.split("-")) for word in words
    ]
    return " ".join(_capitalised(word) for word in words)

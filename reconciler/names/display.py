"""Display names: how an English-language reader knows a name written in any script."""

from __future__ import annotations

import re

from reconciler.names.romanize import latin_spelling
from reconciler.names.scripts import script_of


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
    return " ".join(_capitalised(word) for word in latin_spelling(name, lang).split())

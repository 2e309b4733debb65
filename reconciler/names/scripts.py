"""Which writing system a name is in, from the Unicode character names (no hand ranges)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Unicode names the first word of a script's letters by a block name that is not the
# script's own ("CJK UNIFIED IDEOGRAPH", "KATAKANA-HIRAGANA PROLONGED SOUND MARK").
_SCRIPT_OF_PREFIX = {
    "cjk": "han",
    "katakana": "kana",
    "hiragana": "kana",
    "katakana-hiragana": "kana",
    "halfwidth": "kana",
    "fullwidth": "latin",
}


@lru_cache(maxsize=4096)
def script_of_char(char: str) -> str:
    """The script of one letter ("latin" for anything that is not a letter)."""
    if not char.isalpha():
        return "latin"
    first = unicodedata.name(char, "LATIN").split()[0].lower()
    return _SCRIPT_OF_PREFIX.get(first, first)


@lru_cache(maxsize=65536)
def script_of(text: str) -> str:
    """The script of the first letter that is not Latin ("latin" if none)."""
    for char in text:
        script = script_of_char(char)
        if script != "latin":
            return script
    return "latin"

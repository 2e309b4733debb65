"""Names in any script → comparable Latin tokens and consonant skeletons.

anyascii does the bulk; the fixes here are the places where its output would make the
same name look different across scripts (Bengali anusvara as "m", hanzi names without
word breaks, Arabic articles glued to names).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from pypinyin import Style, lazy_pinyin

from reconciler.claims.entities.lexicon import chinese_surnames, name_particles

_SCRIPT_RANGES = (
    ("bengali", 0x0980, 0x09FF),
    ("devanagari", 0x0900, 0x097F),
    ("arabic", 0x0600, 0x06FF),
    ("cyrillic", 0x0400, 0x04FF),
    ("han", 0x4E00, 0x9FFF),
    ("hangul", 0xAC00, 0xD7AF),
)


def script_of(text: str) -> str:
    """The script of the first letter that is not Latin or punctuation ("latin" if none)."""
    for char in text:
        code = ord(char)
        for name, low, high in _SCRIPT_RANGES:
            if low <= code <= high:
                return name
    return "latin"


# anyascii renders the anusvara as "m" and keeps the nukta; both split one name in two.
_INDIC_FIXES = {
    "\u0982": "ng",  # Bengali anusvara
    "\u0981": "",  # Bengali candrabindu (nasal vowel, dropped in Latin spellings)
    "\u0902": "n",  # Devanagari anusvara
    "\u0901": "n",  # Devanagari candrabindu
    "\u09bc": "",  # Bengali nukta: য় is y, ড় is r
    "\u093c": "",  # Devanagari nukta: ज़ is z, but j/z are close enough once skeletonised
    "\u09df": "য",
    "\u09b6": "sh",  # শ: anyascii writes a bare "s"
    "\u09b7": "sh",  # ষ
    "\u0936": "sh",  # श
    "\u0937": "sh",  # ष
    "\u0993\u09af\u09bc": "w",  # ওয় (decomposed): the w of "Wang"
    "\u0993\u09df": "w",  # ওয় (precomposed)
}
_INDIC_FIX_RE = re.compile("|".join(sorted(map(re.escape, _INDIC_FIXES), key=len, reverse=True)))

# pypinyin spells initials the pinyin way; foreign spellings of Chinese names use these.
_PINYIN_INITIALS = (("zh", "j"), ("ch", "ch"), ("sh", "sh"), ("x", "sh"), ("q", "ch"), ("c", "ts"))


def _pinyin_syllables(hanzi: str) -> list[str]:
    syllables = []
    for syllable in lazy_pinyin(hanzi, style=Style.NORMAL, v_to_u=True):
        for pinyin, latin in _PINYIN_INITIALS:
            if syllable.startswith(pinyin):
                syllable = latin + syllable[len(pinyin) :]
                break
        syllables.append(syllable)
    return syllables


def _romanize_han(name: str) -> list[str]:
    """Chinese names → "xi jinping"; transliterated foreign names → one token "lafuluofu"."""
    parts = [part for part in re.split(r"[·・•\s]+", name) if part]
    if len(parts) > 1:
        return ["".join(_pinyin_syllables(part)) for part in parts]
    surnames = chinese_surnames()
    for surname_length in (2, 1):
        surname = name[:surname_length]
        if surname in surnames and 2 <= len(name) <= surname_length + 2:
            return [
                "".join(_pinyin_syllables(surname)),
                "".join(_pinyin_syllables(name[surname_length:])),
            ]
    return ["".join(_pinyin_syllables(name))]


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Lowercase ASCII tokens of a name in any script, articles like "al-" dropped."""
    name = unicodedata.normalize("NFC", name.strip())
    if not name:
        return ()
    script = script_of(name)
    if script == "han":
        tokens = _romanize_han(re.sub(r"[^\u4e00-\u9fff·・•\s]", "", name))
    else:
        if script in ("bengali", "devanagari"):
            name = _INDIC_FIX_RE.sub(lambda match: _INDIC_FIXES[match.group()], name)
        if script == "arabic":
            name = re.sub(r"(^|\s)ال(?=\S{2})", r"\1", name)  # the article al- is no part of a name
        latin = anyascii(name).lower()
        if script == "arabic":
            latin = re.sub(r"(^|\s)'w", r"\1u", latin)  # أو: a hamza-borne "o", not a w
        if script == "cyrillic":
            latin = latin.replace("ph", "p")  # Пхеньян: п and х are two sounds, not an f
        if script in ("bengali", "devanagari"):
            latin = re.sub(r"c(?!h)", "ch", latin)  # anyascii writes চ/च as a bare "c"
        tokens = re.split(r"[\s\-‐–.,]+", re.sub(r"['`’ʼ]", "", latin))
    particles = name_particles()
    cleaned = []
    for token in tokens:
        token = re.sub(r"[^a-z]", "", token)
        if not token or token in particles:
            continue
        cleaned.append(token)
    return tuple(cleaned)


def romanize(name: str) -> str:
    return " ".join(name_tokens(name))


# Longest first: spellings of one sound in the romanisations we meet, folded to one letter.
_SOUND_CLASSES = (
    ("shch", "S"),
    ("tsch", "C"),
    ("sch", "S"),
    ("tsz", "C"),
    ("dzh", "C"),
    ("tch", "C"),
    ("zh", "C"),
    ("ch", "C"),
    ("ts", "C"),
    ("tz", "C"),
    ("cz", "C"),
    ("dz", "C"),
    ("jh", "C"),
    ("sh", "S"),
    ("kh", "H"),
    ("gh", "K"),
    ("ph", "B"),
    ("bh", "B"),
    ("th", "T"),
    ("dh", "D"),
    ("ck", "K"),
    ("j", "C"),
    ("b", "B"),
    ("v", "B"),
    ("f", "B"),
    ("p", "P"),
    ("c", "K"),
    ("k", "K"),
    ("g", "K"),
    ("q", "K"),
    ("d", "D"),
    ("t", "T"),
    ("s", "S"),
    ("z", "S"),
    ("h", "H"),
    ("l", "L"),
    ("r", "L"),  # Chinese and Korean spellings of foreign names write r as l
    ("m", "M"),
    ("n", "N"),
)
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton of one romanised token: vowels dropped, close sounds merged."""
    token = re.sub(r"ngh?$", "n", token)  # Russian renders Chinese -ng as -н, Arabic as -نغ
    if token.startswith("x"):
        token = "s" + token[1:]
    token = re.sub(r"(?<=[aeiou])x", "ks", token).replace("x", "s")
    token = re.sub(r"(?<=l)h", "", token)  # Delhi/দিল্লি: a breathy h after l
    token = token.replace("qi", "chi")  # pinyin q before i is "ch" (Qiang); elsewhere q is k
    out: list[str] = []
    index = 0
    while index < len(token):
        char = token[index]
        if char == "w":
            # a consonant at the start (Arabic و: واشنطن), before a vowel, or after one inside
            # a word (German Lawrow); between consonants it is Arabic's long u (محمود: mhmwd),
            # at the end after a vowel English spelling (New, Moscow)
            before_vowel = index + 1 < len(token) and token[index + 1] in _VOWELS
            medial_after_vowel = 0 < index < len(token) - 1 and token[index - 1] in "aeiou"
            glide = index == 0 or before_vowel or medial_after_vowel
            if glide:
                out.append("B")
            index += 1
            continue
        if char in _VOWELS:
            index += 1
            continue
        for spelling, sound in _SOUND_CLASSES:
            if token.startswith(spelling, index):
                out.append(sound)
                index += len(spelling)
                break
        else:
            index += 1
    deduplicated = [
        sound for position, sound in enumerate(out) if not position or out[position - 1] != sound
    ]
    merged: list[str] = []
    for position, sound in enumerate(deduplicated):
        if (
            sound == "M"
            and 0 < position < len(deduplicated) - 1
            and deduplicated[position + 1] not in "MNH"
        ):
            sound = "N"  # a nasal before a consonant is written m or n at will (Trump/Tranp)
        if not merged or merged[-1] != sound:
            merged.append(sound)
    return "".join(merged)


def vowels(token: str) -> frozenset[str]:
    return frozenset(token.replace("y", "i")) & frozenset("aeiou")


# Letters whose sound depends on the language the spelling came from: soft c/g before
# e/i (Recep = Реджеп, Angela = أنجيلا, Cyril = সিরিল), German z (Scholz = Шольц), Hindi k
# for pinyin q (Qiang = क्यांग), Hindi j for z (Shehbaz = शहबाज).
_AMBIGUOUS_SPELLINGS = (
    (re.compile(r"c(?=[eiy])"), ("s", "j")),
    (re.compile(r"g(?=[eiy])"), ("j",)),
    (re.compile(r"z"), ("ts", "j")),
    (re.compile(r"^q"), ("k",)),
    # Indic letters without vowel signs: दहल is d-a-h-a-l (Dahal), not an aspirated dh
    (re.compile(r"([bdgjkpt])h(?=[^aeiouy])"), (r"\1ah",)),
)


@lru_cache(maxsize=65536)
def skeletons(token: str) -> frozenset[str]:
    """Every skeleton ``token`` may have, one per reading of its ambiguous letters."""
    spellings = {token}
    for pattern, readings in _AMBIGUOUS_SPELLINGS:
        spellings |= {
            pattern.sub(reading, spelling) for spelling in spellings for reading in readings
        }
    return frozenset(skeleton(spelling) for spelling in spellings)

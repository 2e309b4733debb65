"""Consonant skeletons: romanised name tokens reduced to the sounds every script writes.

Vowels are dropped (Arabic script writes few, kana and hanzi add their own) and the
consonants that romanisations spell differently are folded to one class.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
_SOUND_OF = dict(_SOUND_CLASSES)
# one unit of a token: a spelling of a sound (longest first, as listed), a w, or any letter
_UNITS = re.compile("|".join(spelling for spelling, _ in _SOUND_CLASSES) + "|w|.")


_FINAL_NG = re.compile(r"ngh?$")
_VOWEL_X = re.compile(r"(?<=[aeiou])x")
# a breathy h after l (Delhi/দিল্লি), a silent h after a vowel (John, Sarah)
_SILENT_H = re.compile(r"(?<=l)h|(?<=[aeiou])h(?![aeiouy])")


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton of one romanised token: vowels dropped, close sounds merged."""
    token = _FINAL_NG.sub("n", token)  # Russian renders Chinese -ng as -н, Arabic as -نغ
    if token.startswith("x"):
        token = "s" + token[1:]
    token = _VOWEL_X.sub("ks", token).replace("x", "s")
    token = _SILENT_H.sub("", token)
    token = token.replace("qi", "chi")  # pinyin q before i is "ch" (Qiang); elsewhere q is k
    out: list[str] = []
    for match in _UNITS.finditer(token):
        unit = match.group()
        if unit == "w":
            # a consonant at the start (Arabic و: واشنطن) and before a vowel; after a vowel
            # it is English spelling of a vowel (Lowry, Moscow), between consonants
            # Arabic's long u (محمود: mhmwd)
            end = match.end()
            if not match.start() or (end < len(token) and token[end] in _VOWELS):
                out.append("W")
        elif unit in _SOUND_OF:
            out.append(_SOUND_OF[unit])
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


# Letters whose sound depends on the language a Latin spelling came from: soft c/g before
# e/i (Recep = Реджеп, Angela = أنجيلا, Cyril = সিরিল), German z (Scholz = Шольц), Hindi k
# for pinyin q (Qiang = क्यांग), Hindi j for z (Shehbaz = शहबाज), Greek ch (Michael =
# Майкл), Germanic and Baltic j (Jüri = Юри), German w (Lawrow = Лавров).
_LATIN_ORTHOGRAPHY = (
    (re.compile(r"c(?=[eiy])"), ("s", "j")),
    (re.compile(r"g(?=[eiy])"), ("j",)),
    (re.compile(r"z"), ("ts", "j")),
    (re.compile(r"^q"), ("k",)),
    (re.compile(r"ch"), ("k", "sh")),  # and French ch: Charles = Шарль = شارل
    (re.compile(r"j"), ("y", "kh")),  # and Spanish j: Jiménez = Хименес = خيمينيث
    (re.compile(r"w"), ("v",)),
    (re.compile(r"x"), ("s", "h")),  # pinyin x: Xi
    # English silent letters: Wright, Knight, Vaughan = 赖特, ナイト, واغن
    (re.compile(r"^wr"), ("r",)),
    (re.compile(r"^kn"), ("n",)),
    (re.compile(r"(?<=[aeiou])gh(?=t|$)"), ("",)),
)
# Letters of our own romanisations that stand for more than one sound.
_ROMANISED = (
    (re.compile(r"x"), ("s", "h")),  # pinyin x spells the s and the hi of foreign names
    (re.compile(r"(?:^|(?<=[aeiou]))u(?=[aeio])"), ("w",)),  # a glide: ウォーナー = Warner
    # 吉 renders both gi and ji (吉姆 = Jim), 金 both jin and kin (里夫金德 = Rifkind), and
    # hanzi g is k once the hanzi folds have merged the two
    (re.compile(r"[gk](?=i)"), ("j",)),
    (re.compile(r"j(?=i)"), ("k",)),
    # a t (or a d that a fold made one) before s is two sounds as often as one: 德斯 = ds
    (re.compile(r"ts"), ("tas",)),
    (re.compile(r"w"), ("v",)),  # Hindi व and Russian в write both: वांग = Ван = ওয়াং (Wang)
    # Indic letters without vowel signs: दहल is d-a-h-a-l (Dahal), not an aspirated dh
    (re.compile(r"([bdgjkpt])h(?=[^aeiouy])"), (r"\1ah",)),
)


@lru_cache(maxsize=65536)
def skeletons(token: str, latin: bool = True) -> frozenset[str]:
    """Every skeleton ``token`` may have, one per reading of its ambiguous letters.

    ``latin``: the token is spelled by a Latin-script source (its letters may follow any
    orthography) rather than by our romanisation of another script.
    """
    spellings = {token}
    for pattern, readings in _LATIN_ORTHOGRAPHY if latin else _ROMANISED:
        spellings |= {
            pattern.sub(reading, spelling) for spelling in spellings for reading in readings
        }
    found = {skeleton(spelling) for spelling in spellings}
    # an h inside a word is lost in many scripts' spellings (Cohen = کوهن = Коэн)
    return frozenset(found | {sound[0] + sound[1:].replace("H", "") for sound in found if sound})

"""Names in any script → the Latin spelling English-language sources would use.

ICU's transliterators (PyICU) read every script: ``Any-Latin`` for most, the BGN/PCGN
transforms (the convention of English-language gazetteers and newsrooms) where ICU has a
working one (Russian, Ukrainian, Greek). Hanzi go through pypinyin instead, whose phrase
dictionary reads the characters of a name in context and whose output we can split into
surname and given name. On top sit the per-script conventions of ``data/romanization.json``
(Indic schwa deletion, Tamil voicing, the epenthetic vowels of katakana, vowels of Arabic
script) and, for hanzi transliterations of foreign names, the syllables that stand for a
bare consonant. A Chinese person's name is also read in Cantonese (the
``cantonese-romanisation`` package: Hong Kong, Macao, Malaysia) and with a Southern Min
surname (Singapore: Tan, Lim); a Korean name in hanja in Korean (the ``pyhanja``
dictionary, the English spellings of Korean surnames). Measured against uroman on
../shared/names/pairs.tsv: about as close to the English forms (display CER 0.40–0.43 for
both, raw) but ICU is ~60× faster (17 µs a name against ~1 ms), which the ≥ 5,000
pairs/s target needs.
"""

from __future__ import annotations

import json
import pkgutil
import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache
from importlib import util
from pathlib import Path
from typing import Any

import icu
from anyascii import anyascii
from pypinyin import Style, lazy_pinyin

from reconciler.names.scripts import script_of, script_of_char
from reconciler.names.settings import SETTINGS

_DATA = Path(__file__).parent / "data"
SEPARATORS = re.compile(r"[\s·・•=\u30fb\u00b7]+")
_TOKEN_BREAKS = re.compile(r"[\s\-‐–.,]+")


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_DATA / "romanization.json").read_text(encoding="utf-8"))
    return data


@cache
def _transliterator(transform: str) -> Any:
    return icu.Transliterator.createInstance(transform)


@cache
def _rules(script: str, stage: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = _data()["rules"].get(script, {}).get(stage, [])
    return tuple((re.compile(pattern), replacement) for pattern, replacement, _why in rules)


@cache
def _letter_names() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = _data()["letter_names"]["rules"]
    return tuple((re.compile(pattern), replacement) for pattern, replacement, _why in rules)


@cache
def _letters() -> tuple[re.Pattern[str], dict[str, str]]:
    letters: dict[str, str] = _data()["letters"]
    pattern = re.compile("|".join(sorted(map(re.escape, letters), key=len, reverse=True)))
    return pattern, letters


@lru_cache(maxsize=65536)
def script_variant(name: str, lang: str | None = None) -> str:
    """The script, with Arabic script split into Arabic and Persian/Urdu spelling."""
    script = script_of(name)
    data = _data()
    if script == "cyrillic" and any(char in data["ukrainian_letters"] for char in name):
        return "ukrainian"
    if script != "arabic":
        return script
    if (lang or "").split("-")[0] in ("fa", "ur", "ps") or any(
        char in data["persian_letters"] or char in data["urdu_letters"] for char in name
    ):
        return "persian"
    return "arabic"


@cache
def comparison_folds(script: str, own: bool) -> tuple[tuple[re.Pattern[str], str], ...]:
    """How names are folded for comparison with a name in ``script`` (see the data file);
    ``own``: the folds for the name in ``script`` itself rather than for the other one."""
    return tuple(
        (re.compile(fold[0]), fold[1])
        for fold in _data()["comparison_folds"].get(script, [])
        if not (own and fold[3:] == ["other"])
    )


@lru_cache(maxsize=65536)
def fold_tokens(tokens: tuple[str, ...], script: str, own: bool) -> tuple[str, ...]:
    """``tokens`` without the distinctions ``script`` does not write."""
    folds = comparison_folds(script, own)
    return tuple(_apply(folds, token) for token in tokens) if folds else tokens


def _apply(rules: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def _fold(text: str) -> str:
    """ICU's scholarly letters → English digraphs → plain ASCII (anyascii for the rest)."""
    pattern, letters = _letters()
    text = pattern.sub(lambda match: letters[match.group()], unicodedata.normalize("NFC", text))
    text = _transliterator("Latin-ASCII").transliterate(text)
    return anyascii(text) if not text.isascii() else text


# --- Indic schwa deletion ------------------------------------------------------------------

_INDIC_UNIT = re.compile(
    r"ai|au|[aāiīuūeēoōŏĕ]|[kgcjṭḍtdpb]h|r̥|[^\W\d_aāiīuūeēoōŏĕ]", re.IGNORECASE
)
_VOWEL_UNITS = frozenset(["a", "ā", "i", "ī", "u", "ū", "e", "ē", "o", "ō", "ŏ", "ĕ", "ai", "au"])
# the schwa stays after a cluster that ends in one of these (Narendra, Krishna, Aditya)
_SCHWA_KEEPING = frozenset(["r", "y", "v", "n", "m"])


def _delete_schwas(word: str) -> str:
    """Drop the inherent vowels Hindi and Bengali do not pronounce (Ohala's rule).

    ICU writes every inherent vowel as "a" (a written long vowel is "ā"): a final "a"
    after one consonant goes, and a medial one between VC and CV goes, right to left.
    """
    units = _INDIC_UNIT.findall(word)
    if "".join(units) != word or len(units) < 3:
        return word
    is_vowel = [unit.lower() in _VOWEL_UNITS for unit in units]
    last = len(units) - 1
    if units[last] == "a" and not is_vowel[last - 1]:
        single = is_vowel[last - 2] if last >= 2 else False
        if single or units[last - 1] not in _SCHWA_KEEPING:
            units.pop()
            is_vowel.pop()
    for index in range(len(units) - 3, 1, -1):
        if (
            units[index] == "a"
            and not is_vowel[index - 1]
            and is_vowel[index - 2]
            and not is_vowel[index + 1]
            and index + 2 < len(units)
            and is_vowel[index + 2]
        ):
            del units[index]
            del is_vowel[index]
    return "".join(units)


# --- hanzi -----------------------------------------------------------------------------------


def _chinese_surnames() -> frozenset[str]:
    # imported late: the entity lexicons import this module's users
    from reconciler.claims.entities.lexicon import chinese_surnames

    return chinese_surnames()


def _foreign_reading(part: str) -> str:
    """A hanzi transliteration of a foreign name read back the way Xinhua's table means it.

    Characters of the table's consonant column (斯 s, 特 t, 克 k) are bare before another
    consonant and at the end of the word (u-syllables only there and before l or r), but a
    word keeps at least one vowel; a few characters render sounds pinyin spells otherwise
    (约 jo, 维 vi).
    """
    data = _data()
    bare, readings = data["hanzi_bare_consonants"], data["hanzi_foreign_readings"]
    chars = [char for char in part if script_of_char(char) == "han"]
    syllables = [
        readings.get(char) or reading for char, reading in zip(chars, _pinyin(chars), strict=True)
    ]
    out = list(syllables)
    for index, char in enumerate(chars):
        following = syllables[index + 1][0] if index + 1 < len(syllables) else "#"
        if char not in bare or following in "aeiouy":
            continue
        if syllables[index] in ("bu", "pu") and following not in "#lr":
            continue  # 布 bu, 普 pu: a real u before most consonants (普京 Putin)
        out[index] = bare[char]
    if all(char in bare for char in chars):
        voiced = 1 if len(out) > 2 else 0
        out[voiced] = syllables[voiced]
    return _apply(_rules("han", "after_fold"), "".join(out))


def _pinyin(chars: list[str]) -> list[str]:
    return [syllable for char in chars for syllable in lazy_pinyin(char, v_to_u=True)[:1]]


def _hanzi(name: str) -> str:
    return re.sub(r"[^\u3400-\u9fff\uf900-\ufaff·・•\s]", "", name)


def _surname_length(name: str) -> int:
    """How many characters of a Chinese person's name are the surname (0: not one)."""
    hanzi = _hanzi(name).strip()
    if SEPARATORS.search(hanzi):
        return 0
    simplified = _simplified(hanzi)  # the surname list is in simplified characters
    for surname_length in (2, 1):
        if (
            simplified[:surname_length] in _chinese_surnames()
            and 2 <= len(hanzi) <= surname_length + 2
        ):
            return surname_length
    return 0


@lru_cache(maxsize=65536)
def hanzi_reading(name: str) -> str:
    """The pinyin of a name's hanzi run together: simplified and traditional read alike."""
    return "".join(lazy_pinyin([char for char in name if script_of_char(char) == "han"]))


def is_chinese_name(name: str) -> bool:
    """A Chinese person's name (surname first), as opposed to a transliterated foreign one."""
    return script_of(name) == "han" and _surname_length(name) > 0


@lru_cache(maxsize=65536)
def chinese_syllable_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """A Chinese person's name syllable by syllable in pinyin, in Wade-Giles (the
    romanisation of Taiwan's official names, "Tsai Ing-wen"), in Cantonese ("Cheung") and
    with a Southern Min surname ("Tan", "Lim"); () for other names."""
    if not is_chinese_name(name):
        return ()
    hanzi = [char for char in _hanzi(name) if not char.isspace()]
    readings = []
    for style in (Style.NORMAL, Style.WADEGILES):
        syllables = [lazy_pinyin(char, style=style, v_to_u=True)[0] for char in hanzi]
        readings.append(tuple(re.sub(r"[^a-z]", "", _fold(syllable)) for syllable in syllables))
    cantonese = _cantonese(hanzi)
    if cantonese:
        readings.append(cantonese)
        surname_length = _surname_length(name)
        surname = _traditional("".join(hanzi[:surname_length]))
        for southern in _data()["southern_min_surnames"].get(surname, ()):
            readings.append((southern, *cantonese[surname_length:]))
    return tuple(dict.fromkeys(readings))


@cache
def _sino_korean() -> dict[str, str]:
    """Hanja → its first Korean reading in hangul, from the ``pyhanja`` package's dictionary
    (only its one-character entries: the C++ loader reads 300,000 words we do not need)."""
    # located, not imported: the package's __init__ opens its data with a deprecated API
    spec = util.find_spec("pyhanja")
    if spec is None or spec.origin is None:
        return {}
    text = (Path(spec.origin).parent / "data" / "hanja.txt").read_text(encoding="utf-8")
    readings: dict[str, str] = {}
    for reading, hanja in re.findall(r"^(.):(.):", text, re.MULTILINE):
        readings.setdefault(hanja, reading)
    return readings


@cache
def _korean_surnames() -> tuple[dict[str, tuple[tuple[str, ...], list[str]]], dict[str, list[str]]]:
    """Korean surnames: by hanja, their hangul and English spellings; by hangul, the English."""
    by_hanja: dict[str, tuple[tuple[str, ...], list[str]]] = {}
    by_hangul: dict[str, list[str]] = defaultdict(list)
    for hanja, hangul, english in _data()["korean_surnames"]["surnames"]:
        by_hanja[hanja] = (tuple(hangul.split("/")), english)
        for spelling in hangul.split("/"):
            by_hangul[spelling] += [part for part in english if part not in by_hangul[spelling]]
    return by_hanja, dict(by_hangul)


_HANGUL_FINAL_STOP = {"g": "k", "b": "p", "d": "t"}


def _hangul_syllable(syllable: str) -> str:
    """One hangul syllable in Revised Romanization: ICU's letters, a final stop voiceless."""
    latin = re.sub(r"[^a-z]", "", str(_transliterator("Hangul-Latin").transliterate(syllable)))
    if latin[-1:] in _HANGUL_FINAL_STOP and not latin.endswith("ng"):
        latin = latin[:-1] + _HANGUL_FINAL_STOP[latin[-1]]
    return latin


@lru_cache(maxsize=65536)
def _korean_name(name: str) -> tuple[tuple[str, ...], list[str], tuple[str, ...]] | None:
    """A Korean name written without spaces, in hangul (윤석열) or hanja (尹錫悅): its surname
    in hangul spellings, the surname's English spellings and the given name's syllables in
    hangul; None for other names (no Korean surname first, or not two or three syllables)."""
    name = name.strip()
    if not 2 <= len(name) <= 3 or not name.isalpha():
        return None
    by_hanja, by_hangul = _korean_surnames()
    if all(script_of_char(char) == "hangul" for char in name):
        english = by_hangul.get(name[0])
        return ((name[0],), english, tuple(name[1:])) if english else None
    if not all(script_of_char(char) == "han" for char in name):
        return None
    traditional = _traditional(name)  # 锡 = 錫, though some hanja are simplest as written (朴)
    if len(traditional) != len(name):
        return None
    surname = by_hanja.get(name[0]) or by_hanja.get(traditional[0])
    readings = _sino_korean()
    given = [
        readings.get(char) or readings.get(old)
        for char, old in zip(name[1:], traditional[1:], strict=True)
    ]
    if surname is None or not all(given):
        return None
    return surname[0], surname[1], tuple(syllable for syllable in given if syllable)


@lru_cache(maxsize=65536)
def korean_syllable_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """A Korean name read syllable by syllable, once with each English spelling of its
    surname: 尹锡悦 and 윤석열 → ("yoon", "seok", "yeol"), ("yun", "seok", "yeol"); ()
    for names that are not Korean (see ``_korean_name``)."""
    korean = _korean_name(name)
    if korean is None:
        return ()
    _, surnames, given = korean
    syllables = tuple(_hangul_syllable(syllable) for syllable in given)
    return tuple((surname, *syllables) for surname in surnames)


def korean_hangul(name: str) -> frozenset[str]:
    """The hangul spellings of a Korean name in hanja (尹锡悦 → 윤석열); empty otherwise."""
    korean = _korean_name(name)
    if korean is None or script_of(name) != "han":
        return frozenset()
    surnames, _, given = korean
    return frozenset(surname + "".join(given) for surname in surnames)


def korean_display(name: str) -> str | None:
    """A Korean name the way English-language sources write it: "Yoon Seok-yeol"."""
    readings = korean_syllable_readings(name)
    if not readings:
        return None
    surname, *given = readings[0]
    return f"{surname.title()} {'-'.join(given).capitalize()}"


@lru_cache(maxsize=65536)
def _simplified(text: str) -> str:
    return str(_transliterator("Traditional-Simplified").transliterate(text))


def _traditional(text: str) -> str:
    return str(_transliterator("Simplified-Traditional").transliterate(text))


@cache
def _cantonese_readings() -> dict[str, list[str]]:
    # the package's table itself: its Cantonese() loader also reads five tables we do not use
    readings: dict[str, list[str]] = json.loads(
        pkgutil.get_data("cantoroman", "data/charToRoman.json") or b"{}"
    )
    return readings


def _cantonese(hanzi: list[str]) -> tuple[str, ...]:
    """The name's syllables in the Hong Kong Government romanisation of Cantonese, which
    Hong Kong, Macao and much of the Malaysian and Singaporean Chinese press write
    ("Cheung Kwok-che"); () where a character has no reading. The ``cantonese-romanisation``
    package gives each character's spellings; the first one is taken, since the others
    differ in letters the skeletons merge (gwok/kwok, cheung/jeung)."""
    table = _cantonese_readings()
    syllables = []
    for char in _traditional("".join(hanzi)):
        spellings = table.get(char)
        if not spellings:
            return ()
        syllables.append(spellings[0])
    return tuple(syllables)


def _han(name: str) -> str:
    """Chinese names as pinyin ("Xi Jinping"); transliterated foreign names read back."""
    name = _hanzi(name)
    parts = [part for part in SEPARATORS.split(name) if part]
    if not parts:
        return ""
    surname_length = _surname_length(name)
    if surname_length:
        surname, given = name[:surname_length], name[surname_length:]
        given = "".join(lazy_pinyin(given, v_to_u=True))
        return _fold(f"{''.join(lazy_pinyin(surname, v_to_u=True))} {given}")
    return _fold(" ".join(_foreign_reading(part) for part in parts))


@lru_cache(maxsize=65536)
def foreign_reading(name: str) -> str:
    """A Chinese-looking name read as a transliterated foreign one: 汤姆森 is Thomson as
    well as Tang Musen."""
    return re.sub(r"[^a-z]", "", _fold(_foreign_reading(_hanzi(name))))


# --- every script ----------------------------------------------------------------------------


def _transform(script: str) -> str:
    transforms = _data()["transforms"]
    return str(transforms.get(script, transforms["default"]))


@lru_cache(maxsize=65536)
def latin_spelling(name: str, lang: str | None = None) -> str:
    """The name in lowercase ASCII Latin, words and hyphens kept: "джон-пол" → "dzhon-pol"."""
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    script = script_variant(name, lang)
    if script == "latin":
        return _fold(name).lower()
    if script == "han":
        return _han(name)
    name = SEPARATORS.sub(" ", _apply(_rules(script, "source"), name))
    language = (lang or "").split("-")[0]
    return " ".join(_romanised_word(word, script, language) for word in name.split())


@lru_cache(maxsize=65536)
def _romanised_word(word: str, script: str, language: str) -> str:
    """One word of a name: the English spelling of a common name part where the script's
    table has one (محمد = Mohammed), else ICU's letters with the script's rules."""
    article, _, rest = word.rpartition("-")
    part = _name_parts().get(rest)
    if part is not None:
        spelling = part.get(language) or part[script]
        return f"{_romanised_word(article, script, language)}-{spelling}" if article else spelling
    text = _transliterator(_transform(script)).transliterate(word).lower()
    if script in _data()["letter_names"]["scripts"]:
        text = _apply(_letter_names(), text)
    text = _apply(_rules(script, "before_fold"), text)
    if script in _data()["schwa_scripts"]:
        text = re.sub(r"[^\W\d_]+", lambda match: _delete_schwas(match.group()), text)
    text = _fold(text).lower()
    text = _apply(_rules("all", "after_fold"), _apply(_rules(script, "after_fold"), text))
    return "".join(text.split())


def english_respellings(script: str) -> list[tuple[str, str]]:
    """The script's renderings of English sounds, as (pattern, English spelling)."""
    respellings = _data()["english_respellings"]
    rules = respellings.get(respellings["same_as"].get(script, script), [])
    return [(rule[0], rule[1]) for rule in rules]


def has_english_spelling(word: str) -> bool:
    """Whether a word in Arabic script is a common name part with its own English
    spelling (محمد = Mohammed), which no other respelling should change."""
    return word.rpartition("-")[2] in _name_parts()


@cache
def _name_parts() -> dict[str, dict[str, str]]:
    """Arabic-script spelling → its English spelling, by script variant or language."""
    parts: dict[str, dict[str, str]] = {}
    for spellings, english in _data()["name_parts"]["parts"]:
        for spelling in spellings.split("/"):
            parts[spelling] = english
    return parts


@cache
def _particles() -> frozenset[str]:
    from reconciler.claims.entities.lexicon import name_particles

    return name_particles()


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Lowercase ASCII tokens of a name in any script, articles like "al-" dropped."""
    tokens = [re.sub(r"[^a-z]", "", token) for token in _TOKEN_BREAKS.split(latin_spelling(name))]
    names = [token for token in tokens if token and token not in _particles()]
    if len(names) >= SETTINGS.min_tokens_without_particles:
        return tuple(names)
    return tuple(token for token in tokens if token)


def romanize(name: str) -> str:
    return " ".join(name_tokens(name))

"""Do two names, in any script, denote the same person or place?

Both names are romanised (``romanize.name_tokens``) and compared token by token on
consonant skeletons (``phonetics.skeletons``): every token of the shorter name must find
its own token in the longer one, so "Sergei Lavrov" ~ "Сергей Лавров" ~ "লাভরভ", while
"Wang Yi" and "Wang Wenbin" stay apart. Before that, each side loses the distinctions
the other's script does not write (``romanize.fold_tokens``: Arabic has no p, Tamil no
voicing, katakana and hanzi follow non-rhotic English). Skeletons may differ by an edit
once they are long enough, never in their first sound; where both scripts write vowels
the tokens must also look alike letter by letter. Hanzi transliterations of foreign
names come as one run of syllables ("lafuluofu"), so whole-name skeletons are compared
too when the token counts differ. Places the gazetteer knows are compared by identity.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from reconciler.names.phonetics import skeleton, skeletons, vowels
from reconciler.names.romanize import (
    SEPARATORS,
    chinese_syllable_readings,
    comparison_folds,
    fold_tokens,
    foreign_reading,
    hanzi_reading,
    is_chinese_name,
    korean_syllable_readings,
    name_tokens,
    script_variant,
)
from reconciler.names.scripts import script_of
from reconciler.names.settings import SETTINGS, VOWELLED_SCRIPTS
from reconciler.names.variants import given_name_variants


def _allowed_edits(length: int) -> int:
    if length >= SETTINGS.two_edits_from:
        return 2
    return 1 if length >= SETTINGS.one_edit_from else 0


# Sounds that transliterations swap for one another (ch/sh/ts, ch/k, ch/t, b/w/p, m/n): a
# substitution between them costs one edit, any other ``substitution_cost``.
_NEAR_SOUNDS = str.maketrans({"S": "C", "K": "C", "T": "C", "W": "B", "M": "N", "P": "B"})


def _skeletons_match(left: str, right: str) -> bool:
    """Close skeletons: the same first sound, then few insertions or deletions."""
    if not left or not right or left[0] != right[0]:
        return False
    allowed = _allowed_edits(max(len(left), len(right)))
    weights = (1, 1, SETTINGS.substitution_cost)
    if Levenshtein.distance(left, right, weights=weights) <= allowed:
        return True
    near_left, near_right = left.translate(_NEAR_SOUNDS), right.translate(_NEAR_SOUNDS)
    return near_left == near_right and Levenshtein.distance(left, right) <= allowed


@lru_cache(maxsize=262144)
def tokens_match(
    left: str,
    right: str,
    latin: tuple[bool, bool] = (True, True),
    min_ratio: float = 0.0,
) -> bool:
    """Two romanised tokens are one name part (a given name, a surname).

    ``latin``: whether each token was spelled by a Latin-script source; ``min_ratio``:
    how alike letter by letter tokens must be that match only with edits.
    """
    if left == right:
        return True
    if (len(left) == 1 and _initial_of(left, right)) or (
        len(right) == 1 and _initial_of(right, left)
    ):
        return True
    if not skeleton(left) or not skeleton(right):
        # vowel-only tokens ("Yi", "И", "ই"): compare what is there
        return skeleton(left) == skeleton(right) and bool(vowels(left) & vowels(right))
    mine, theirs = skeletons(left, latin[0]), skeletons(right, latin[1])
    if mine & theirs or _familiar_forms(left, right, latin):
        return True
    if min_ratio and ratio(left, right) < min_ratio:
        return False
    return any(_skeletons_match(one, other) for one in mine for other in theirs)


def _initial_of(initial: str, token: str) -> bool:
    """An initial ("S." of "S. Sivamohan") stands for a name with that first letter or
    first sound (C. ~ K.); two initials must be one letter."""
    if len(token) == 1:
        return initial == token or (skeleton(initial) == skeleton(token) != "")
    return token[0] == initial or skeleton(token)[:1] == skeleton(initial) != ""


def _familiar_forms(left: str, right: str, latin: tuple[bool, bool]) -> bool:
    """One token is a formal or familiar form of the other, a Latin-script given name
    (Richard ~ Dick, Ted ~ Эдвард): the same word, or the same skeleton and alike letter
    by letter (skeletons alone join Lynn's Carol to Gayle)."""
    for mine, theirs, own_latin in ((left, right, latin), (right, left, latin[::-1])):
        if not own_latin[0]:
            continue
        for variant in given_name_variants(mine):
            if variant == theirs or (
                ratio(variant, theirs) >= SETTINGS.familiar_min_ratio
                and skeletons(variant) & skeletons(theirs, own_latin[1])
            ):
                return True
    return False


def _sounds_alike(left: str, right: str, latin: tuple[bool, bool]) -> bool:
    """The same token, or one skeleton reading in common: a match without edits."""
    return left == right or bool(skeletons(left, latin[0]) & skeletons(right, latin[1]))


def _aligned(
    shorter: tuple[str, ...],
    longer: tuple[str, ...],
    latin: tuple[bool, bool],
    min_ratio: float,
) -> bool:
    """Each token of ``shorter`` matches its own token of ``longer``, in any order, and one
    of them without edits: two names alike only approximately in every part (Amir Hasin,
    Imran Khan) are two people."""
    used: set[int] = set()
    anchored = len(shorter) < SETTINGS.anchored_from_tokens
    for token in shorter:
        for index, candidate in enumerate(longer):
            if index not in used and tokens_match(token, candidate, latin, min_ratio):
                used.add(index)
                anchored = anchored or _sounds_alike(token, candidate, latin)
                break
        else:
            return False
    return anchored


_REPEATS = re.compile(r"(.)\1+")


def _joined_match(left: tuple[str, ...], right: tuple[str, ...], exact: bool) -> bool:
    """Whole-name skeletons: "Xi Jinping" ~ "সি চিন পিং", "Pushpa Kamal" ~ "पुष्पकमल"."""
    joined_left = "".join(skeleton(token) for token in left)
    joined_right = "".join(skeleton(token) for token in right)
    if exact:
        # one sound across a token boundary may be one sound (Abdul Rahman ~ Abdulrahman)
        return bool(joined_left) and (
            joined_left == joined_right
            or _REPEATS.sub(r"\1", joined_left) == _REPEATS.sub(r"\1", joined_right)
        )
    return _skeletons_match(joined_left, joined_right)


@lru_cache(maxsize=262144)
def tokens_same_entity(
    left: tuple[str, ...],
    right: tuple[str, ...],
    latin: tuple[bool, bool] = (True, True),
    min_ratio: float = 0.0,
) -> bool:
    if not left or not right:
        return False
    if len(left) > len(right):
        return tokens_same_entity(right, left, (latin[1], latin[0]), min_ratio)
    shorter, longer = left, right
    if len(shorter) == 1:
        candidates = {longer[-1]}
        if len(longer[0]) <= SETTINGS.short_surname:
            candidates.add(longer[0])
        if any(tokens_match(shorter[0], other, latin, min_ratio) for other in candidates):
            return True
        return len(longer) > 1 and _joined_match(shorter, longer, exact=bool(min_ratio))
    if _aligned(shorter, longer, latin, min_ratio):
        return True
    return len(shorter) != len(longer) and _joined_match(shorter, longer, exact=bool(min_ratio))


@lru_cache(maxsize=65536)
def _readings(name: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Token readings of a name, each with its kind: "tokens" as written; a Chinese name
    "syllables" one by one ("Cheung Kwok-che"), one name only if the other has a token for
    each (陳澤武 is not "Chan Cheng"); a hanzi name as one "run", a foreign name (莫迪 =
    Modi), which for a Chinese name must be the whole of the other name (李國麟 is not
    "Lun" of three names), and a Chinese-looking name that is not Korean also as a foreign
    one, whole (汤姆森 = Thomson)."""
    tokens = name_tokens(name)
    if script_of(name) == "hangul":
        korean = tuple((reading, "syllables") for reading in korean_syllable_readings(name))
        return ((tokens, "tokens"), *korean)
    if script_of(name) != "han" or SEPARATORS.search(name):
        return ((tokens, "tokens"),)
    syllables = tuple(
        (reading, "syllables")
        for reading in chinese_syllable_readings(name) + korean_syllable_readings(name)
    )
    if len(tokens) == 1:  # read as one foreign word (朴永植 = "puyonji"), or a Korean name
        return ((tokens, "tokens"), *syllables)
    if not syllables:
        return ((tokens, "tokens"), (("".join(tokens),), "run"))
    whole = (("".join(tokens),), "whole")
    if korean_syllable_readings(name):  # a Korean name, not a foreign one
        return ((tokens, "tokens"), whole, *syllables)
    return ((tokens, "tokens"), whole, ((foreign_reading(name),), "whole"), *syllables)


def _paired(
    left: tuple[tuple[str, ...], str], right: tuple[tuple[str, ...], str]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The two readings as they are compared, or None where one cannot be the other."""
    for (mine, kind), (theirs, _) in ((left, right), (right, left)):
        if kind == "syllables" and len(theirs) < len(mine):
            return None
    if left[1] == "whole":
        return left[0], ("".join(right[0]),)
    if right[1] == "whole":
        return ("".join(left[0]),), right[0]
    return left[0], right[0]


def _hanzi(name: str) -> str:
    return "".join(char for char in name if script_of(char) == "han")


# A Chinese name read as one run of syllables and compared with the whole of another name
# matches without edits (曾亚英 is not "Geng Tan"): its syllables are a closed set, which
# romanisations spell differently but systematically, never by a dropped or added sound.
# No ratio reaches this, so a token that needs an edit never matches.
NO_EDITS = math.inf


def _min_ratio(script_a: str, script_b: str) -> float:
    if script_a == script_b and script_a in ("latin", "cyrillic"):
        return SETTINGS.same_script_min_ratio
    if script_a in VOWELLED_SCRIPTS and script_b in VOWELLED_SCRIPTS:
        return SETTINGS.vowelled_min_ratio
    return 0.0


@lru_cache(maxsize=65536)
def known_place(name: str) -> str | None:
    """The gazetteer's place that ``name`` names, as one string, if it knows one."""
    # imported late: the gazetteer romanises with this package
    from reconciler.claims.entities.gazetteer import lookup

    place = lookup(name)
    return None if place is None else f"{place.kind}:{place.name}:{place.country}"


def _same_place(a: str, b: str) -> bool | None:
    """Identity when the gazetteer knows both names as places, else None."""
    place_a, place_b = known_place(a), known_place(b)
    if place_a is None or place_b is None:
        return None
    if place_a == place_b:
        return True
    # two places, unless one spelling is another city's old name (नई दिल्ली)
    same_sound = [skeleton(t) for t in name_tokens(a)] == [skeleton(t) for t in name_tokens(b)]
    return script_of(a) != script_of(b) and same_sound


@lru_cache(maxsize=1024)
def _fold_orders(script_a: str, script_b: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The orders in which the two scripts' comparison folds are tried, each with whether
    the folds that follow the other name's sound are left out. Both orders where both
    scripts have folds, since one may take a letter the other needs (hanzi g → k before
    Ukrainian g → h: 道格拉斯 ≁ Дуглас); with and without the sound folds, since a
    transliteration follows English sound for English names (ハーパー = Harper, no r) and
    the spelling for others (ソルベルグ = Solberg, with its r)."""
    orders: list[tuple[str, ...]] = (
        [(script_a,)] if script_a == script_b else [(script_a, script_b)]
    )
    if (
        script_a != script_b
        and comparison_folds(script_a, False)
        and comparison_folds(script_b, False)
    ):
        orders.append((script_b, script_a))
    sound_folds = any(
        comparison_folds(script, False) != comparison_folds(script, True)
        for script in (script_a, script_b)
    )
    return tuple((order, spoken) for spoken in (False, True)[: 1 + sound_folds] for order in orders)


@lru_cache(maxsize=262144)
def same_entity(a: str, b: str) -> bool:
    """Whether two names (any script, any spelling) denote the same person or place."""
    try:
        variant_a, variant_b = script_variant(a), script_variant(b)
        if variant_a == variant_b == "han":
            # 李强 and 李克强 are two people; simplified and traditional read alike
            return _hanzi(a) == _hanzi(b) or hanzi_reading(a) == hanzi_reading(b) != ""
        same_place = _same_place(a, b)
        if same_place is not None:
            return same_place
        latin = (script_of(a) == "latin", script_of(b) == "latin")
        # a Chinese name's romanisations write every vowel: tokens that match only with
        # edits must look alike (梁志祥 is not "Chungsen Leung"; pairs.tsv: P +0.02 in
        # chinese-latin for R -0.01)
        chinese = is_chinese_name(a) or is_chinese_name(b)
        min_ratio = SETTINGS.vowelled_min_ratio if chinese else _min_ratio(variant_a, variant_b)
        for reading_a in _readings(a):
            for reading_b in _readings(b):
                paired = _paired(reading_a, reading_b)
                if paired is None:
                    continue
                for order, spoken in _fold_orders(variant_a, variant_b):
                    left, right = paired
                    for script in order:
                        left = fold_tokens(left, script, own=spoken or script == variant_a)
                        right = fold_tokens(right, script, own=spoken or script == variant_b)
                    whole = "whole" in (reading_a[1], reading_b[1])
                    if tokens_same_entity(left, right, latin, NO_EDITS if whole else min_ratio):
                        return True
        return False
    except Exception:  # odd text must never break a caller
        return False

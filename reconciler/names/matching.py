"""Do two names, in any script, denote the same person or place?

Names are compared token by token on consonant skeletons (see ``romanize.skeleton``):
every token of the shorter name must find its own token in the longer one, so
"Sergei Lavrov" ~ "Сергей Лавров" ~ "লাভরভ", while "Wang Yi" and "Wang Wenbin"
stay apart. Hanzi transliterations of foreign names come as one run of syllables
("lafuluofu"), so the whole skeletons are compared too when the token counts differ.
Two spellings in one script must also look alike letter by letter: skeletons alone
would take Лавров for Рябков. Places the gazetteer knows are compared by identity.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from reconciler.names.phonetics import skeleton, skeletons, vowels
from reconciler.names.romanize import fold_tokens, name_tokens, script_variant
from reconciler.names.scripts import script_of

# An East Asian surname comes first and alone ("Xi", "Wang", "Kim"); a Western given name
# that is this short is rare enough.
_SHORT_SURNAME = 4
_SAME_SCRIPT_MIN_RATIO = 60


def _allowed_edits(length: int) -> int:
    if length <= 3:
        return 0
    if length <= 6:
        return 1
    return 2


def _skeletons_match(left: str, right: str) -> bool:
    if not left or not right:
        return False
    if left[0] != right[0] and len(min(left, right, key=len)) <= 3:
        return False
    longest = max(len(left), len(right))
    return Levenshtein.distance(left, right) <= _allowed_edits(longest)


@lru_cache(maxsize=262144)
def tokens_match(left: str, right: str, same_script: bool = False) -> bool:
    """Two romanised tokens are one name part (a given name, a surname)."""
    if left == right:
        return True
    if not skeleton(left) or not skeleton(right):
        # vowel-only tokens ("Yi", "И", "ই"): compare what is there
        return skeleton(left) == skeleton(right) and bool(vowels(left) & vowels(right))
    if skeletons(left) & skeletons(right):
        return True
    if same_script and ratio(left, right) < _SAME_SCRIPT_MIN_RATIO:
        return False
    return any(
        _skeletons_match(mine, theirs) for mine in skeletons(left) for theirs in skeletons(right)
    )


def _aligned(shorter: tuple[str, ...], longer: tuple[str, ...], same_script: bool) -> bool:
    """Each token of ``shorter`` matches its own token of ``longer``, in any order."""
    used: set[int] = set()
    for token in shorter:
        for index, candidate in enumerate(longer):
            if index not in used and tokens_match(token, candidate, same_script):
                used.add(index)
                break
        else:
            return False
    return True


def _joined_match(left: tuple[str, ...], right: tuple[str, ...], same_script: bool) -> bool:
    """Whole-name skeletons: "Xi Jinping" ~ "সি চিন পিং", "Pushpa Kamal" ~ "पुष्पकमल"."""
    joined_left = "".join(skeleton(token) for token in left)
    joined_right = "".join(skeleton(token) for token in right)
    if not joined_left or not joined_right or joined_left[0] != joined_right[0]:
        return False
    if same_script:
        return joined_left == joined_right  # "Si Chin Ping" ~ "Xi Jinping", letter for letter
    return _skeletons_match(joined_left, joined_right)


@lru_cache(maxsize=262144)
def tokens_same_entity(
    left: tuple[str, ...], right: tuple[str, ...], same_script: bool = False
) -> bool:
    if not left or not right:
        return False
    shorter, longer = sorted((left, right), key=len)
    if len(shorter) == 1:
        token = shorter[0]
        candidates = {longer[-1]}
        if len(longer[0]) <= _SHORT_SURNAME:
            candidates.add(longer[0])
        if any(tokens_match(token, candidate, same_script) for candidate in candidates):
            return True
        return len(longer) > 1 and _joined_match(shorter, longer, same_script)
    if _aligned(shorter, longer, same_script):
        return True
    return len(shorter) != len(longer) and _joined_match(shorter, longer, same_script)


def _readings(name: str) -> list[tuple[str, ...]]:
    """Token readings of a name: a hanzi name may also be one foreign name (莫迪 = Modi)."""
    tokens = name_tokens(name)
    readings = [tokens]
    if script_of(name) == "han" and len(tokens) > 1:
        readings.append(("".join(tokens),))
    return readings


def _hanzi(name: str) -> str:
    return "".join(char for char in name if script_of(char) == "han")


def same_entity(a: str, b: str) -> bool:
    """Whether two names (any script, any spelling) denote the same person or place."""
    try:
        script_a, script_b = script_of(a), script_of(b)
        variant_a, variant_b = script_variant(a), script_variant(b)
        if script_a == script_b == "han":
            return _hanzi(a) == _hanzi(b)  # 李强 and 李克强 are two people
        # imported late: the gazetteer romanises with this package
        from reconciler.claims.entities.gazetteer import lookup

        place_a, place_b = lookup(a), lookup(b)
        if place_a is not None and place_b is not None:
            if place_a == place_b:
                return True
            # two places, unless one spelling is another city's old name (नई दिल्ली)
            same_sound = [skeleton(t) for t in name_tokens(a)] == [
                skeleton(t) for t in name_tokens(b)
            ]
            return script_a != script_b and same_sound
        same_script = script_a == script_b and script_a in ("latin", "cyrillic")
        for left in _readings(a):
            for right in _readings(b):
                for script in {variant_a, variant_b}:
                    left = fold_tokens(left, script, own=script == variant_a)
                    right = fold_tokens(right, script, own=script == variant_b)
                if tokens_same_entity(left, right, same_script):
                    return True
        return False
    except Exception:  # odd text must never break a caller
        return False

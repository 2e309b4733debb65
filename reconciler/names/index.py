"""Blocking keys for names, so a corpus is resolved without comparing every pair.

``same_entity`` needs every token of the shorter name to match a token of the longer, and
two tokens match only on skeletons with the same first sound and at most a couple of
edits. So two matching names share, for each token of one of them, a key made of the
coarse first two sounds of a token's skeleton (or its first and third, where an edit
fell on the second). ``NameIndex.candidates`` returns the entries that pass this test:
a superset of the matches (measured on ../shared/names/pairs.tsv: see the report of
issue 16), far smaller than everything.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from functools import lru_cache
from typing import Generic, TypeVar

from reconciler.names.matching import known_place
from reconciler.names.phonetics import skeleton, skeletons
from reconciler.names.romanize import (
    chinese_syllable_readings,
    korean_syllable_readings,
    name_tokens,
)
from reconciler.names.scripts import script_of
from reconciler.names.settings import SETTINGS
from reconciler.names.variants import given_name_variants

Entry = TypeVar("Entry", bound=Hashable)

# Skeleton classes merged wherever some script's comparison fold merges them (Tamil and
# hanzi voicing, Persian v/w); an h, which folds drop or turn into g or f, gets variants.
_COARSE = str.maketrans({"P": "B", "W": "B", "D": "T"})
_KEY_LENGTH = 3
# whole names run together match on their whole skeleton, so their keys are longer
_JOINED_KEY_LENGTH = 5


# An initial ("S." of "S. Sivamohan") matches a token with its first letter: it is covered
# by any name, and never the token that the candidates are looked up by.
_INITIAL = "*"
_JOINED_ARTICLE = re.compile(r"^[ae]l(?=[bcdfghjklmnpqrstvwxz]{1,2}[aeiou])")


def _token_keys(token: str, length: int = _KEY_LENGTH) -> set[str]:
    if len(token) == 1:
        return {_INITIAL}
    keys = _sound_keys(token, length)
    # a familiar form (Dick ~ Richard) and a joined Arabic article (AlShamsi) match too
    for variant in given_name_variants(token) | {_JOINED_ARTICLE.sub("", token)} - {token}:
        keys |= _sound_keys(variant, length)
    return keys


def _sound_keys(token: str, length: int) -> set[str]:
    keys: set[str] = set()
    for sound in skeletons(token, True) | skeletons(token, False):
        coarse = sound.translate(_COARSE)
        variants = {coarse}
        if "H" in coarse:
            variants |= {coarse.replace("H", ""), coarse.replace("H", "K")}
            if coarse.startswith("H"):
                variants.add("B" + coarse[1:])
        for variant in variants:
            keys.add(variant[:length])
            if len(variant) < SETTINGS.one_edit_from:
                continue  # short skeletons match exactly
            # one edit after the first sound: drop each later sound in turn
            for position in range(1, min(len(variant), length + 1)):
                keys.add((variant[:position] + variant[position + 1 :])[:length])
    return keys


_POSTVOCALIC_R = re.compile(r"(?<=[aeiou])r(?![aeiouy])")


def _spellings(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The tokens as written, and without the r that non-rhotic transliterations drop.

    The other comparison folds merge sounds that ``_COARSE`` and the h variants merge.
    """
    non_rhotic = tuple(_POSTVOCALIC_R.sub("", token) for token in tokens)
    return [tokens] if non_rhotic == tokens else [tokens, non_rhotic]


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
    """One key set per token of ``name``, and one for all its tokens run together."""
    tokens = name_tokens(name)
    if not tokens:
        return (), frozenset()
    spellings = _spellings(tokens)
    # a hanzi name may be read as one run (莫迪 = Modi), a Korean name syllable by syllable
    # in Korean (尹锡悦 = Yoon Suk Yeol = 윤석열): each token also has their keys
    run = (
        {key for spelling in spellings for key in _token_keys("".join(spelling))}
        if script_of(name) == "han"
        else set()
    )
    for reading in chinese_syllable_readings(name) + korean_syllable_readings(name):
        run.update(key for syllable in reading for key in _token_keys(syllable))
    per_token = tuple(
        frozenset(run.union(*(_token_keys(spelling[position]) for spelling in spellings)))
        for position in range(len(tokens))
    )
    joined = {
        key for spelling in spellings for key in _token_keys("".join(spelling), _JOINED_KEY_LENGTH)
    }
    place = known_place(name)
    if place is not None:  # places the gazetteer knows match by identity, not by sound
        joined.add(f"@{place}")
    return per_token, frozenset(joined)


@lru_cache(maxsize=65536)
def _all_keys(name: str) -> frozenset[str]:
    tokens, _ = name_keys(name)
    return frozenset().union(*tokens)


@lru_cache(maxsize=65536)
def _telling_token(name: str) -> frozenset[str]:
    """The keys of the token with the longest skeleton (the last of equals)."""
    tokens = name_tokens(name)
    if not tokens:
        return frozenset()
    lengths = [len(skeleton(token)) for token in tokens]
    position = max(range(len(tokens)), key=lambda index: (lengths[index], index))
    return name_keys(name)[0][position]


def _covered(name: str, by: frozenset[str]) -> bool:
    """Every token of ``name`` shares a key with ``by`` (or is an initial)."""
    return all(keys & by or _INITIAL in keys for keys in name_keys(name)[0])


class NameIndex(Generic[Entry]):
    """Entries (clusters, groups...) filed under the names they go by."""

    def __init__(self) -> None:
        # key → names with a token of that key, names whose most telling token has it (the
        # one with the longest skeleton, whose keys are the rarest), whole names
        self._any: dict[str, set[tuple[Entry, str]]] = defaultdict(set)
        self._telling: dict[str, set[tuple[Entry, str]]] = defaultdict(set)
        self._joined: dict[str, set[tuple[Entry, str]]] = defaultdict(set)

    def add(self, name: str, entry: Entry) -> None:
        _tokens, joined = name_keys(name)
        for key in _all_keys(name):
            self._any[key].add((entry, name))
        for key in _telling_token(name):
            self._telling[key].add((entry, name))
        for key in joined:
            self._joined[key].add((entry, name))

    def _matches(self, name: str) -> set[tuple[Entry, str]]:
        """Names of which every token shares a key with ``name``, or the other way round."""
        tokens, joined = name_keys(name)
        found = {posting for key in joined for posting in self._joined.get(key, ())}
        if not tokens:
            return found
        mine = _all_keys(name)
        # every token of ours among theirs: in particular the one with the fewest names
        spelled = [keys for keys in tokens if _INITIAL not in keys]
        rarest = min(
            spelled, default=(), key=lambda keys: sum(len(self._any.get(key, ())) for key in keys)
        )
        for key in rarest:
            for posting in self._any.get(key, ()):
                if posting not in found and _covered(name, _all_keys(posting[1])):
                    found.add(posting)
        # every token of theirs among ours: in particular their most telling one
        for key in mine:
            for posting in self._telling.get(key, ()):
                if posting not in found and _covered(posting[1], mine):
                    found.add(posting)
        return found

    def candidate_names(self, names: Iterable[str]) -> dict[Entry, set[str]]:
        """Entries with names that may match one of ``names`` (a superset of the matches),
        each with those of its names."""
        found: dict[Entry, set[str]] = {}
        for name in names:
            for entry, theirs in self._matches(name):
                found.setdefault(entry, set()).add(theirs)
        return found

    def candidates(self, names: Iterable[str]) -> list[Entry]:
        """Entries with a name that may match one of ``names`` (a superset of matches)."""
        return list(self.candidate_names(names))

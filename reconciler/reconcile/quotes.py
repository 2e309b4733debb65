"""Quotes across the pages of one event: the same speaker saying materially different things.

Quotes are grouped by speaker (the canonical name ``entities.resolve`` put in
``QuoteValue.speaker``, else the names as written compared with ``entities.same_entity``),
then aligned across pages by meaning: two quotes are about the same point when each is the
other's most similar quote on the other page and their embeddings are close. A paraphrase or
a translation is no conflict; an aligned pair where one side is negated and the other not, or
where the same quantity has values that cannot both be true, is. The same direct words put
in two different speakers' mouths are a conflict too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from anyascii import anyascii

from reconciler.claims import entities
from reconciler.reconcile import EventContext
from reconciler.reconcile.confidence import conflict_confidence, sides_by_page
from reconciler.reconcile.settings import SETTINGS, ModelThresholds, model_thresholds
from reconciler.records import Claim, ClaimKind, Conflict, ConflictKind

__all__ = ["compare", "same_speaker"]


# Consonant skeletons of romanised names, for when no entity matcher is available: Latin,
# Cyrillic and Bengali spellings of one name ("Lavrov", "Лавров", "ল্যাভরভ") share them.
SKELETON_FOLDS = (
    ("bh", "v"),
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "z"),
    ("w", "v"),
    ("b", "v"),
    ("f", "v"),
)
MIN_SKELETON = 2


@dataclass(frozen=True)
class _Pair:
    a: int
    b: int
    similarity: float


def _speaker_surface(claim: Claim) -> str:
    return claim.quote.speaker_surface


def _skeleton(word: str) -> str:
    folded = re.sub(r"[^a-z]", "", anyascii(word).lower())
    for pattern, replacement in SKELETON_FOLDS:
        folded = folded.replace(pattern, replacement)
    return re.sub(r"[aeiouyh]", "", folded)


def _skeletons_match(a: str, b: str) -> bool:
    last_a, last_b = a.split()[-1:], b.split()[-1:]
    if not last_a or not last_b:
        return False
    skeleton_a, skeleton_b = _skeleton(last_a[0]), _skeleton(last_b[0])
    return len(skeleton_a) >= MIN_SKELETON and skeleton_a == skeleton_b


def _name_matcher() -> Callable[[str, str], bool]:
    matcher = getattr(entities, "same_entity", None)
    return matcher if callable(matcher) else _skeletons_match


def same_speaker(a: Claim, b: Claim) -> bool:
    """Both quotes have the same speaker: the same canonical name when entities resolved
    both, else names as written that denote one entity."""
    canonical_a, canonical_b = a.quote.speaker, b.quote.speaker
    if canonical_a and canonical_b:
        return bool(canonical_a == canonical_b)
    surface_a, surface_b = _speaker_surface(a), _speaker_surface(b)
    return bool(surface_a and surface_b and _name_matcher()(surface_a, surface_b))


def _speaker_groups(quotes: Sequence[Claim]) -> list[list[int]]:
    parent = list(range(len(quotes)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            if root(i) != root(j) and same_speaker(quotes[i], quotes[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(quotes)):
        groups[root(index)].append(index)
    return list(groups.values())


def _aligned_pairs(
    members: Sequence[int], quotes: Sequence[Claim], similarity: np.ndarray, threshold: float
) -> list[_Pair]:
    """Pairs from different pages that are each other's best match there, above threshold."""
    by_page: dict[str, list[int]] = defaultdict(list)
    for index in members:
        by_page[quotes[index].page_id].append(index)
    pairs = []
    pages = sorted(by_page)
    for x, page_a in enumerate(pages):
        for page_b in pages[x + 1 :]:
            a_side, b_side = by_page[page_a], by_page[page_b]
            block = similarity[np.ix_(a_side, b_side)]
            for row, a in enumerate(a_side):
                column = int(block[row].argmax())
                if int(block[:, column].argmax()) == row and block[row, column] >= threshold:
                    pairs.append(_Pair(a, b_side[column], float(block[row, column])))
    return pairs


_Bounds = tuple[float | None, float | None]
_Quantities = dict[tuple[str, bool], _Bounds]  # (quantity, ordinal) → (low, high)


def _numbers(claim: Claim) -> _Quantities:
    """The bounds of each quantity the quote states, as its extractor found them."""
    return {
        (number.quantity, number.ordinal): (number.low, number.high)
        for number in claim.quote.numbers
    }


def _numbers_disagree(
    a: dict[tuple[str, bool], _Bounds], b: dict[tuple[str, bool], _Bounds]
) -> bool:
    for key in a.keys() & b.keys():
        low_a, high_a = a[key]
        low_b, high_b = b[key]
        if (high_a is not None and low_b is not None and high_a < low_b) or (
            high_b is not None and low_a is not None and high_b < low_a
        ):
            return True
    return False


def _excerpt(claim: Claim) -> str:
    text = claim.normalized
    return text if len(text) <= SETTINGS.excerpt_chars else text[: SETTINGS.excerpt_chars - 1] + "…"


def _components(pairs: Sequence[_Pair]) -> list[set[int]]:
    components: list[set[int]] = []
    for pair in pairs:
        touching = [c for c in components if pair.a in c or pair.b in c]
        merged = {pair.a, pair.b}.union(*touching)
        components = [c for c in components if c not in touching] + [merged]
    return components


def _group_conflicts(
    members: Sequence[int],
    quotes: Sequence[Claim],
    similarity: np.ndarray,
    context: EventContext,
) -> list[Conflict]:
    threshold = _thresholds(context).quote_alignment
    pairs = _aligned_pairs(members, quotes, similarity, threshold)
    conflicts = []
    for component in _components(pairs):
        negated = {index: quotes[index].quote.negated for index in component}
        numbers = {index: _numbers(quotes[index]) for index in component}
        inside = [p for p in pairs if p.a in component]
        by_negation = [p for p in inside if negated[p.a] != negated[p.b]]
        by_number = [p for p in inside if _numbers_disagree(numbers[p.a], numbers[p.b])]
        if not by_negation and not by_number:
            continue
        claims = sorted((quotes[i] for i in component), key=lambda c: (c.page_id, c.start))
        speaker = _speaker_surface(quotes[min(component)])
        if by_negation:
            pair = by_negation[0]
            yes, no = (pair.a, pair.b) if negated[pair.a] else (pair.b, pair.a)
            explanation = (
                f"{speaker} is quoted with a negation on {quotes[yes].page_id} "
                f'("{_excerpt(quotes[yes])}") and without it on {quotes[no].page_id} '
                f'("{_excerpt(quotes[no])}").'
            )
            confidence = SETTINGS.negation_confidence
        else:
            pair = by_number[0]
            explanation = (
                f"{speaker} is quoted with different numbers on {quotes[pair.a].page_id} "
                f'("{_excerpt(quotes[pair.a])}") and {quotes[pair.b].page_id} '
                f'("{_excerpt(quotes[pair.b])}").'
            )
            confidence = SETTINGS.quote_number_confidence
        conflicts.append(
            Conflict(
                kind=ConflictKind.QUOTE,
                page_ids=tuple(sorted({claim.page_id for claim in claims})),
                claims=tuple(claims),
                # the alignment's similarity caps how sure the rule is that one remark is meant
                confidence=conflict_confidence(
                    min(confidence, max(p.similarity for p in inside)), sides_by_page(claims)
                ),
                explanation=explanation,
                event_id=context.event.id,
            )
        )
    return conflicts


def _same_words_conflicts(
    quotes: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    similarity: np.ndarray,
    context: EventContext,
) -> list[Conflict]:
    same_words = _thresholds(context).quote_same_words
    group_of = {index: number for number, members in enumerate(groups) for index in members}
    direct = [i for i, quote in enumerate(quotes) if quote.quote.direct]
    conflicts = []
    for x, a in enumerate(direct):
        for b in direct[x + 1 :]:
            if (
                quotes[a].page_id != quotes[b].page_id
                and group_of[a] != group_of[b]
                and similarity[a, b] >= same_words
            ):
                pair = (quotes[a], quotes[b])
                conflicts.append(
                    Conflict(
                        kind=ConflictKind.QUOTE,
                        page_ids=tuple(sorted({quote.page_id for quote in pair})),
                        claims=pair,
                        confidence=conflict_confidence(
                            SETTINGS.same_words_confidence, sides_by_page(pair)
                        ),
                        explanation=(
                            f'The same words ("{_excerpt(pair[0])}") are given to '
                            f"{_speaker_surface(pair[0])} on {pair[0].page_id} and to "
                            f"{_speaker_surface(pair[1])} on {pair[1].page_id}."
                        ),
                        event_id=context.event.id,
                    )
                )
    return conflicts


def _thresholds(context: EventContext) -> ModelThresholds:
    return model_thresholds(context.embedder.name if context.embedder else None)


def compare(context: EventContext) -> list[Conflict]:
    if context.embedder is None:
        return []  # meaning across languages needs the embedder
    quotes = [
        claim
        for claim in context.all_claims()
        if claim.kind == ClaimKind.QUOTE and _speaker_surface(claim)
    ]
    groups = _speaker_groups(quotes)
    shared = [g for g in groups if len({quotes[i].page_id for i in g}) > 1]
    told_twice = [g for g in groups if len({quotes[i].page_id for i in g}) < len(g)]
    if not shared and not told_twice and len({q.page_id for q in quotes if q.quote.direct}) < 2:
        return []
    direct_pages = {q.page_id for q in quotes if q.quote.direct}
    needed = sorted(
        {i for group in (*shared, *told_twice) for i in group}
        | ({i for i, q in enumerate(quotes) if q.quote.direct} if len(direct_pages) > 1 else set())
    )
    vectors = context.embedder.encode([quotes[i].normalized for i in needed])
    similarity = np.full((len(quotes), len(quotes)), -1.0, dtype=np.float32)
    similarity[np.ix_(needed, needed)] = vectors @ vectors.T
    conflicts = [
        conflict
        for members in shared
        for conflict in _group_conflicts(members, quotes, similarity, context)
    ]
    conflicts += [
        conflict
        for members in told_twice
        for conflict in _paraphrase_conflicts(members, quotes, similarity, context)
    ]
    return conflicts + _same_words_conflicts(quotes, groups, similarity, context)


def _paraphrase_conflicts(
    members: Sequence[int], quotes: Sequence[Claim], similarity: np.ndarray, context: EventContext
) -> list[Conflict]:
    """One page that quotes a speaker's words and, elsewhere, paraphrases the same point
    with another number ("at 15:35", then "at 3 PM"): an in-page quote conflict."""
    threshold = _thresholds(context).quote_alignment
    by_page: dict[str, list[int]] = defaultdict(list)
    for index in members:
        by_page[quotes[index].page_id].append(index)
    conflicts = []
    for page_id, indices in by_page.items():
        direct = [i for i in indices if quotes[i].quote.direct]
        reported = [i for i in indices if not quotes[i].quote.direct]
        for paraphrase in reported:
            if not direct:
                break
            quoted = max(direct, key=lambda i: similarity[paraphrase, i])
            if similarity[paraphrase, quoted] < threshold or not _numbers_disagree(
                _numbers(quotes[paraphrase]), _numbers(quotes[quoted])
            ):
                continue
            pair = (quotes[quoted], quotes[paraphrase])
            conflicts.append(
                Conflict(
                    kind=ConflictKind.QUOTE,
                    page_ids=(page_id,),
                    claims=pair,
                    confidence=conflict_confidence(
                        min(
                            SETTINGS.quote_number_confidence,
                            float(similarity[paraphrase, quoted]),
                        ),
                        sides_by_page(pair),
                    ),
                    explanation=(
                        f'{page_id} quotes {_speaker_surface(pair[0])} ("{_excerpt(pair[0])}") '
                        "and paraphrases the same point with another number "
                        f'("{_excerpt(pair[1])}").'
                    ),
                    event_id=context.event.id,
                )
            )
    return conflicts

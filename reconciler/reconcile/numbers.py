"""Numbers across the pages of one event: the same quantity given values that cannot both be true.

Each page contributes one value per slot (quantity key, ordinal or count, scope): the value
it states most often, the first on a tie. Two different values on one page usually denote
different things ("19-й раунд" and "Предыдущий, 18-й раунд"), so a page never conflicts with
itself. Values are intervals: "at least 50" and 61 agree, "nearly 100" and 97 agree, 50 and
61 do not.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reconciler.reconcile import EventContext
from reconciler.reconcile.confidence import conflict_confidence, sides_by_page
from reconciler.reconcile.head_counts import head_count_role
from reconciler.reconcile.settings import SETTINGS
from reconciler.records import Claim, ClaimKind, Conflict, ConflictKind

__all__ = ["compare", "intervals_disjoint"]

# How sure a conflict is, by how the slot was recognised: a lexicon quantity ("deaths",
# "round") names one fact of the event; a unit or a bare counted noun may name several.
INFINITY = float("inf")

BOUND_WORDS = {
    "exact": "",
    "around": "about ",
    "below": "nearly ",
    "at_least": "at least ",
    "above": "more than ",
    "at_most": "up to ",
    "under": "fewer than ",
}


@dataclass(frozen=True)
class Slot:
    quantity: str
    ordinal: bool
    scope: str

    def describe(self) -> str:
        name = self.quantity.removeprefix("count:")
        ordinal = " (ordinal)" if self.ordinal else ""
        scope = f" [{self.scope}]" if self.scope else ""
        return f"{name}{ordinal}{scope}"


def _slot(claim: Claim) -> Slot:
    number = claim.number
    return Slot(number.quantity, number.ordinal, number.scope)


def _interval(claim: Claim) -> tuple[float, float]:
    low, high = claim.number.low, claim.number.high
    return (-INFINITY if low is None else low, INFINITY if high is None else high)


def intervals_disjoint(a: Claim, b: Claim) -> bool:
    """The two claims cannot both be true: their intervals do not meet."""
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    finite = [abs(x) for x in (a_low, a_high, b_low, b_high) if x not in (INFINITY, -INFINITY)]
    slack = SETTINGS.relative_tolerance * max([*finite, 1.0])
    return a_high + slack < b_low or b_high + slack < a_low


def _value_key(claim: Claim) -> tuple[str, str]:
    return claim.normalized, claim.number.bound


def _page_value(claims: Sequence[Claim]) -> Claim | None:
    """The value a page gives for the event: for a lexicon quantity its most repeated value
    (the headline's, usually); for units and bare nouns only a page that gives one value,
    since "3 days" of mourning and "3 days" of a visit share a unit, not a fact."""
    counts = Counter(_value_key(claim) for claim in claims)
    if not claims[0].number.keyed and len(counts) > 1:
        return None
    best = max(counts.values())
    return next(claim for claim in claims if counts[_value_key(claim)] == best)


def _certainty(claims: Sequence[Claim]) -> float:
    """How sure a disagreement of these values is, by how their quantity was told."""
    first = claims[0].number
    if first.keyed:
        confidence = SETTINGS.quantity_confidence
    elif first.unit:
        confidence = SETTINGS.unit_confidence
    else:
        confidence = SETTINGS.noun_confidence
    if any(claim.number.bound != "exact" for claim in claims):
        confidence -= SETTINGS.approximate_penalty
    return confidence


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _explanation(slot: Slot, chosen: dict[str, Claim]) -> str:
    by_value: dict[tuple[str, str], list[str]] = defaultdict(list)
    for page_id, claim in chosen.items():
        by_value[_value_key(claim)].append(page_id)
    parts = [
        f"{_join(pages)} give{'s' if len(pages) == 1 else ''} {BOUND_WORDS.get(bound, '')}{value}"
        for (value, bound), pages in by_value.items()
    ]
    return f"{slot.describe()}: " + "; ".join(parts) + "."


def compare(context: EventContext) -> list[Conflict]:
    by_slot: dict[Slot, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in context.all_claims():
        if (
            claim.kind == ClaimKind.NUMBER
            and not claim.number.qualified
            and head_count_role(claim) is None
        ):
            by_slot[_slot(claim)][claim.page_id].append(claim)
    conflicts = []
    for slot, pages in by_slot.items():
        chosen = {
            page_id: value
            for page_id, claims in pages.items()
            if (value := _page_value(claims)) is not None
        }
        values = list(chosen.values())
        if not any(intervals_disjoint(a, b) for a in values for b in values):
            continue
        conflicts.append(
            Conflict(
                kind=ConflictKind.NUMBER,
                page_ids=tuple(chosen),
                claims=tuple(values),
                confidence=conflict_confidence(_certainty(values), sides_by_page(values)),
                explanation=_explanation(slot, chosen),
                event_id=context.event.id,
            )
        )
    return conflicts

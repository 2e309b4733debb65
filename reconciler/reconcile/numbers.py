"""Numbers across the pages of one event: the same quantity given values that cannot both be true.

Each page contributes one value per slot (quantity key, ordinal or count, scope): the value
it states most often; on a tie the one most other pages can agree with (a total beside its
parts). Two different values on one page usually denote
different things ("19-й раунд" and "Предыдущий, 18-й раунд"), so a page never conflicts with
itself. Values are intervals: "at least 50" and 61 agree, "nearly 100" and 97 agree, 50 and
61 do not. Only numbers whose counted thing is known (a lexicon concept or a unit) are
compared: "12 streets" or "3 cars" name no slot of the event. A conflict lists its pages
oldest first with their dates, and says so when the figure only rose as reports came in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

from reconciler.claims.numbers.lexicon import common_numbers
from reconciler.ingest import crawl_dates
from reconciler.reconcile import EventContext
from reconciler.reconcile.confidence import conflict_confidence, sides_by_page
from reconciler.reconcile.head_counts import head_count_role
from reconciler.reconcile.settings import SETTINGS
from reconciler.records import Claim, ClaimKind, Conflict, ConflictKind, Page

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

# Scopes relative to the writer ("the previous round", a toll of a day before the event):
# what they point to differs from page to page, so they are never compared.
RELATIVE_SCOPES = frozenset({"previous", "earlier"})


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


def _slot(claim: Claim, event_date: str | None) -> Slot:
    number = claim.number
    return Slot(number.quantity, number.ordinal, _event_scope(number.scope, event_date))


def _event_scope(scope: str, event_date: str | None) -> str:
    """A number said of a day ("on:04-22") is the event's own when that day is not before
    the event's ("145 dead as of 3 April" is the toll, "the attack of 22 April that killed
    26" an earlier one)."""
    if not scope.startswith("on:"):
        return scope
    if event_date is None or len(event_date) < len("YYYY-MM-DD"):
        return ""
    day = scope.removeprefix("on:")
    stated = day if len(day) == len("YYYY-MM-DD") else f"{event_date[:4]}-{day}"
    return "earlier" if stated < event_date[:10] else ""


def _comparable(claim: Claim) -> bool:
    """A number of a known kind (a lexicon concept or a unit), not a head count (the
    participants rule compares those) and not a part of something unnamed."""
    if claim.kind != ClaimKind.NUMBER:
        return False
    number = claim.number
    return (
        (number.keyed or bool(number.unit))
        and number.quantity not in common_numbers().spans_not_compared
        and not number.qualified
        and head_count_role(claim) is None
    )


def _interval(claim: Claim) -> tuple[float, float]:
    low, high = claim.number.low, claim.number.high
    return (-INFINITY if low is None else low, INFINITY if high is None else high)


def _width(claim: Claim) -> float:
    low, high = _interval(claim)
    return high - low


def intervals_disjoint(a: Claim, b: Claim) -> bool:
    """The two claims cannot both be true: their intervals do not meet."""
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    finite = [abs(x) for x in (a_low, a_high, b_low, b_high) if x not in (INFINITY, -INFINITY)]
    slack = SETTINGS.relative_tolerance * max([*finite, 1.0])
    return a_high + slack < b_low or b_high + slack < a_low


def _value_key(claim: Claim) -> tuple[str, str]:
    return claim.normalized, claim.number.bound


def _with_increments(pages: Mapping[str, Sequence[Claim]]) -> dict[str, list[Claim]]:
    """A page that reports a rise ("three more deaths") states its other values of the slot
    as what had been counted before: lower bounds of the toll, which the rise left behind."""
    result = {}
    for page_id, claims in pages.items():
        totals = [claim for claim in claims if claim.number.bound != "increment"]
        if len(totals) < len(claims):
            totals = [_lower_bound(claim) for claim in totals]
        if totals:
            result[page_id] = totals
    return result


def _lower_bound(claim: Claim) -> Claim:
    number = replace(claim.number, bound="at_least", high=None)
    return replace(claim, value=number)


def _page_candidates(claims: Sequence[Claim]) -> list[Claim]:
    """The values a page may give for the event: for a lexicon quantity its most repeated
    values (the headline's, usually); for units and bare nouns only a page that gives one
    value, since "3 days" of mourning and "3 days" of a visit share a unit, not a fact."""
    counts = Counter(_value_key(claim) for claim in claims)
    if not claims[0].number.keyed and len(counts) > 1:
        if any(intervals_disjoint(a, b) for a in claims for b in claims):
            return []
        # "157 minutes", then "about 160 minutes": one value, told most precisely.
        return [min(claims, key=lambda claim: _width(claim))]
    best = max(counts.values())
    tied: dict[tuple[str, str], Claim] = {}
    for claim in claims:
        if counts[_value_key(claim)] == best:
            tied.setdefault(_value_key(claim), claim)
    return list(tied.values())


def _page_values(pages: Mapping[str, Sequence[Claim]]) -> dict[str, Claim]:
    """One value per page. A page that states several values equally often (a toll and its
    parts, a local count beside the total) gives the one most other pages can agree with:
    what cannot fit any reading of a page is a disagreement, a part beside a total is not."""
    candidates = {page_id: _page_candidates(claims) for page_id, claims in pages.items()}
    others = {
        page_id: [
            claim for other, claims in candidates.items() if other != page_id for claim in claims
        ]
        for page_id in candidates
    }
    return {
        page_id: max(
            claims,
            key=lambda claim: sum(
                not intervals_disjoint(claim, other) for other in others[page_id]
            ),
        )
        for page_id, claims in candidates.items()
        if claims
    }


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


def page_day(page: Page, claims: Sequence[Claim]) -> date | None:
    """When the page was written, as far as it tells: its most trusted crawl date, else the
    latest day it states (a report is not older than the last day it mentions)."""
    best = next(iter(crawl_dates.of_page(page)), None)
    if best is not None:
        return best.span[1]
    days = []
    for claim in claims:
        if claim.kind == ClaimKind.DATE and len(claim.normalized) == len("YYYY-MM-DD"):
            try:
                days.append(date.fromisoformat(claim.normalized))
            except ValueError:
                continue
    return max(days, default=None)


def _rose_over_time(chosen: Mapping[str, Claim], days: Mapping[str, date | None]) -> bool:
    """Every two values that cannot both be true come from pages of different days, the
    later page giving the higher value: the toll rose as reports came in."""
    for first, second in combinations(chosen, 2):
        a, b = chosen[first], chosen[second]
        if not intervals_disjoint(a, b):
            continue
        day_a, day_b = days[first], days[second]
        if day_a is None or day_b is None or day_a == day_b:
            return False
        earlier, later = (a, b) if day_a < day_b else (b, a)
        if _interval(later)[0] < _interval(earlier)[0]:
            return False
    return True


def _explanation(slot: Slot, chosen: Mapping[str, Claim], days: Mapping[str, date | None]) -> str:
    """Each page's value with its date, oldest first (undated pages last), so a checker
    sees whether the figure rose as reports came in or the sources disagree."""
    parts = []
    for page_id in chosen:
        claim = chosen[page_id]
        day = days[page_id]
        when = f" ({day.isoformat()})" if day else ""
        parts.append(
            f"{page_id}{when} gives {BOUND_WORDS.get(claim.number.bound, '')}{claim.normalized}"
        )
    trend = (
        " The figure changed over time: it only rose in later reports."
        if _rose_over_time(chosen, days)
        else ""
    )
    return f"{slot.describe()}: " + "; ".join(parts) + "." + trend


def _oldest_first(chosen: Mapping[str, Claim], days: Mapping[str, date | None]) -> dict[str, Claim]:
    order = sorted(chosen, key=lambda page_id: (days[page_id] is None, days[page_id] or date.min))
    return {page_id: chosen[page_id] for page_id in order}


def compare(context: EventContext) -> list[Conflict]:
    by_slot: dict[Slot, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in context.all_claims():
        if _comparable(claim):
            slot = _slot(claim, context.event.date)
            if slot.scope not in RELATIVE_SCOPES:
                by_slot[slot][claim.page_id].append(claim)
    days = {
        page_id: page_day(page, context.claims[page_id]) for page_id, page in context.pages.items()
    }
    conflicts = []
    for slot, pages in by_slot.items():
        for chosen in _same_things(_oldest_first(_page_values(_with_increments(pages)), days)):
            values = list(chosen.values())
            if any(intervals_disjoint(a, b) for a in values for b in values):
                conflicts.append(_conflict(context, slot, chosen, days))
    return conflicts


def _same_things(chosen: dict[str, Claim]) -> list[dict[str, Claim]]:
    """The pages' values of a unit grouped by what they can measure: a unit says how, not
    of what, and figures far apart ("12 minutes" to type a bill, "155 minutes" to the vote,
    "6 hours" of martial law) measure different things. A lexicon concept is one thing."""
    if not chosen or next(iter(chosen.values())).number.keyed:
        return [chosen] if chosen else []
    ratio = SETTINGS.unit_same_thing_ratio
    groups: list[dict[str, Claim]] = []
    top = -INFINITY
    for page_id in sorted(chosen, key=lambda page_id: chosen[page_id].number.value):
        value = chosen[page_id].number.value
        if not groups or value > top * ratio:
            groups.append({})
        groups[-1][page_id] = chosen[page_id]
        top = value
    # Each group keeps the pages' date order.
    return [{page_id: group[page_id] for page_id in chosen if page_id in group} for group in groups]


def _conflict(
    context: EventContext, slot: Slot, chosen: dict[str, Claim], days: Mapping[str, date | None]
) -> Conflict:
    values = list(chosen.values())
    return Conflict(
        kind=ConflictKind.NUMBER,
        page_ids=tuple(chosen),
        claims=tuple(values),
        confidence=conflict_confidence(_certainty(values), sides_by_page(values)),
        explanation=_explanation(slot, chosen, days),
        event_id=context.event.id,
    )

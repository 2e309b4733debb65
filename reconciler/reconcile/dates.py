"""Date rules: in-page calendar and weekday checks, the event's date, event_date conflicts.

Two renderings of one day agree when some reading of each (every rule of its calendar, see
``reconciler.calendars.candidates``) lies within the calendar's tolerance of the other.
Across pages, a date with a stated time and zone is compared as a UTC day, and any date
with a stated zone is allowed one day for the zone crossing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import combinations

from reconciler.claims.dates import page_event_date, page_published_by
from reconciler.reconcile import EventContext
from reconciler.reconcile.confidence import conflict_confidence, sides_by_page
from reconciler.reconcile.settings import SETTINGS
from reconciler.records import Claim, ClaimKind, Conflict, ConflictKind, DatePrecision, Page

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check_page(page: Page, claims: Sequence[Claim]) -> list[Conflict]:
    dated = [claim for claim in claims if claim.kind == ClaimKind.DATE and claim.page_id == page.id]
    return _calendar_mismatches(page, dated) + _weekday_mismatches(page, dated)


def _readings(claim: Claim) -> list[date]:
    found = [date.fromisoformat(day) for day in claim.date.candidates]
    return found or [date.fromisoformat(claim.normalized)]


def _is_day(claim: Claim) -> bool:
    return claim.date.precision == DatePrecision.DAY and len(claim.normalized) == 10


def _agree(first: Claim, second: Claim) -> bool:
    tolerance = max(first.date.tolerance_days, second.date.tolerance_days)
    return any(
        abs((one - two).days) <= tolerance for one in _readings(first) for two in _readings(second)
    )


def _calendar_mismatches(page: Page, claims: list[Claim]) -> list[Conflict]:
    by_group: dict[int, list[Claim]] = {}
    for claim in claims:
        if _is_day(claim):
            by_group.setdefault(claim.date.group, []).append(claim)
    conflicts = []
    for members in by_group.values():
        for first, second in combinations(members, 2):
            if first.date.calendar == second.date.calendar or _agree(first, second):
                continue
            conflicts.append(
                Conflict(
                    kind=ConflictKind.CALENDAR_MISMATCH,
                    page_ids=(page.id,),
                    claims=(first, second),
                    confidence=conflict_confidence(
                        SETTINGS.calendar_certainty, [[first], [second]]
                    ),
                    explanation=(
                        f"{page.id} gives one day as '{first.text}' ({first.normalized}, "
                        f"{first.date.calendar}) and '{second.text}' "
                        f"({second.normalized}, {second.date.calendar})."
                    ),
                )
            )
    return conflicts


def _weekday_mismatches(page: Page, claims: list[Claim]) -> list[Conflict]:
    """A stated weekday is checked against the Gregorian date of its group when there is
    one ("आइतबार, १९ मंसिर २०८० | 5 November 2023" names a Sunday, 5 November), and never
    flagged when it fits some date of its group (a wrong second calendar is a
    calendar_mismatch, not a weekday one)."""
    by_group: dict[int, list[Claim]] = {}
    for claim in claims:
        if _is_day(claim):
            by_group.setdefault(claim.date.group, []).append(claim)
    conflicts = []
    for claim in claims:
        stated = claim.date.weekday
        if stated is None or not _is_day(claim) or claim.anchor == "weekday":
            continue
        group = by_group.get(claim.date.group, [claim])
        if any(
            date.fromisoformat(member.normalized).weekday() == stated
            for member in group
            if member.date.tolerance_days == 0
        ):
            continue  # it names a day of its group (the other calendar may be wrong)
        gregorian = [member for member in group if member.date.calendar == "gregorian"]
        checked = gregorian[0] if gregorian else claim
        if checked.date.tolerance_days > 0:
            continue  # a Hijri or Bangabda day may be one off: its weekday proves nothing
        actual = date.fromisoformat(checked.normalized).weekday()
        if actual == stated:
            continue
        conflicts.append(
            Conflict(
                kind=ConflictKind.WEEKDAY_MISMATCH,
                page_ids=(page.id,),
                claims=(claim,),
                confidence=conflict_confidence(SETTINGS.weekday_certainty, [[claim]]),
                explanation=(
                    f"{page.id} says '{claim.text}', but {checked.normalized} is a "
                    f"{_WEEKDAYS[actual]}, not a {_WEEKDAYS[stated]}."
                ),
            )
        )
    return conflicts


def _event_claims(context: EventContext) -> dict[str, Claim]:
    found = {}
    for page_id in context.event.page_ids:
        claim = page_event_date(context.pages[page_id], context.claims.get(page_id, ()))
        if claim is not None and _is_day(claim):
            found[page_id] = claim
    return found


def _comparable_day(claim: Claim) -> date:
    """The UTC day when a time and zone are stated, the written day otherwise."""
    utc = claim.date.utc
    return date.fromisoformat(utc[:10]) if utc else date.fromisoformat(claim.normalized)


def _same_day(first: Claim, second: Claim) -> bool:
    tolerance = max(first.date.tolerance_days, second.date.tolerance_days)
    zone_stated = bool(first.date.tz or second.date.tz)
    both_instants = bool(first.date.utc and second.date.utc)
    if zone_stated and not both_instants:
        tolerance = max(tolerance, 1)  # one side's local day may be the other's next day
    return abs((_comparable_day(first) - _comparable_day(second)).days) <= tolerance


def compare(context: EventContext) -> list[Conflict]:
    claims = _event_claims(context)
    if len(claims) < 2 or all(_same_day(a, b) for a, b in combinations(claims.values(), 2)):
        return []
    by_day: dict[date, list[str]] = {}
    for page_id, claim in claims.items():
        by_day.setdefault(_comparable_day(claim), []).append(page_id)
    sides = "; ".join(
        f"{day.isoformat()} ({', '.join(pages)})" for day, pages in sorted(by_day.items())
    )
    return [
        Conflict(
            kind=ConflictKind.EVENT_DATE,
            page_ids=tuple(claims),
            claims=tuple(claims.values()),
            confidence=conflict_confidence(
                SETTINGS.event_date_certainty, sides_by_page(claims.values())
            ),
            explanation=f"The pages date the event differently: {sides}.",
        )
    ]


def event_date(context: EventContext) -> str | None:
    """The day most of the event's pages give (weighted by confidence), of those no page of
    the event was published before (a day of slack for time zones); when no page gives
    one, the day the event's first page was published (news reports the day it happens)."""
    claims = _event_claims(context)
    published = [
        day
        for page_id in context.event.page_ids
        if (day := page_published_by(context.pages[page_id], context.claims.get(page_id, ())))
    ]
    if not claims:
        return min(published).isoformat() if published else None
    weights: dict[date, float] = {}
    for claim in claims.values():
        day = _comparable_day(claim)
        weights[day] = weights.get(day, 0.0) + claim.confidence
    if published:
        latest = min(published) + timedelta(days=1)
        weights = {day: weight for day, weight in weights.items() if day <= latest} or weights
    best = max(weights.items(), key=lambda item: (item[1], -item[0].toordinal()))
    return best[0].isoformat()

"""Where an event happened, and where its pages disagree about it.

Each page's event place is the PLACE claim extraction put in the "place" slot. Only
towns and cities (and unknown places a page calls a town or city) are compared: a
country or region contains too much to contradict a city, a venue sits inside its city
("the Great Hall of the People in Beijing" is Beijing), a dateline is where the reporter
filed from, and a video call happens nowhere.
"""

from __future__ import annotations

from collections import Counter

from reconciler.claims.entities import same_entity
from reconciler.claims.entities.gazetteer import km_apart
from reconciler.reconcile import EventContext
from reconciler.reconcile.confidence import conflict_confidence, sides_by_page
from reconciler.reconcile.settings import SETTINGS
from reconciler.records import Claim, ClaimKind, Conflict, ConflictKind

_SETTLEMENT_LEVELS = frozenset({"city", "place"})


def _place_claims(context: EventContext, page_id: str) -> list[Claim]:
    return [
        claim
        for claim in context.claims[page_id]
        if claim.kind == ClaimKind.PLACE and claim.slot == "place"
    ]


def _stated_place(claims: list[Claim]) -> str | None:
    """The place a page states in its text (a dateline alone states where it was filed)."""
    stated = [claim.normalized for claim in claims if claim.place.cue != "dateline"]
    return Counter(stated).most_common(1)[0][0] if stated else None


def event_place(context: EventContext) -> str | None:
    """The place most of the event's pages give (their datelines when nothing else)."""
    votes: Counter[str] = Counter()
    for page_id in context.event.page_ids:
        claims = _place_claims(context, page_id)
        stated = _stated_place(claims)
        if stated:
            votes[stated] += 2
        elif claims:
            votes[claims[0].normalized] += 1
    return votes.most_common(1)[0][0] if votes else None


def _settlement_claims(context: EventContext) -> dict[str, list[Claim]]:
    """Per page, its claims of a town or city as the event's place (datelines aside)."""
    by_page = {}
    for page_id in context.event.page_ids:
        claims = [
            claim
            for claim in _place_claims(context, page_id)
            if claim.place.cue != "dateline" and claim.place.level in _SETTLEMENT_LEVELS
        ]
        if claims:
            by_page[page_id] = claims
    return by_page


def _one_area(left: str, right: str) -> bool:
    """One place in two spellings, or a town and the city it borders."""
    if same_entity(left, right):
        return True
    distance = km_apart(left, right)
    return distance is not None and distance <= SETTINGS.same_area_km


def _stating_pages(context: EventContext) -> list[str]:
    """The event's pages that say where it happened (a dateline alone does not)."""
    return [
        page_id
        for page_id in context.event.page_ids
        if any(claim.place.cue != "dateline" for claim in _place_claims(context, page_id))
    ]


def _corroborated(by_page: dict[str, list[Claim]]) -> dict[str, list[Claim]]:
    """Each page's claims without the unsure ones (a place spelled like a common word) that
    no other page of the event names too."""
    pages_naming: dict[str, set[str]] = {}
    for page_id, claims in by_page.items():
        for claim in claims:
            pages_naming.setdefault(claim.normalized, set()).add(page_id)
    kept = {
        page_id: [
            claim
            for claim in claims
            if claim.confidence >= SETTINGS.sure_place_confidence
            or len(pages_naming[claim.normalized]) > 1
        ]
        for page_id, claims in by_page.items()
    }
    return {page_id: claims for page_id, claims in kept.items() if claims}


def compare(context: EventContext) -> list[Conflict]:
    """Pages placing the event in different towns or cities, neither inside nor beside the
    other; the conflict's pages are all the pages that state the event's place."""
    by_page = _corroborated(_settlement_claims(context))
    stated = {page_id: _stated_place(claims) for page_id, claims in by_page.items()}
    places = list(dict.fromkeys(place for place in stated.values() if place))
    distinct: list[str] = []
    for place in places:
        if not any(_one_area(place, known) for known in distinct):
            distinct.append(place)
    if len(distinct) < 2:
        return []
    pages = sorted(stated)
    evidence = tuple(
        next(claim for claim in by_page[page_id] if claim.normalized == stated[page_id])
        for page_id in pages
    )
    sides = "; ".join(
        f"{place}: {', '.join(page for page in pages if stated[page] == place)}" for place in places
    )
    return [
        Conflict(
            kind=ConflictKind.LOCATION,
            page_ids=tuple(sorted({*pages, *_stating_pages(context)})),
            claims=evidence,
            confidence=conflict_confidence(SETTINGS.location_certainty, sides_by_page(evidence)),
            explanation=f"The pages place the event in different cities ({sides}).",
            event_id=context.event.id,
        )
    ]

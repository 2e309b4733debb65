"""The JSON document of a run. Its keys are a public contract: outside tools read them.

Top level: ``schema_version``, ``pages``, ``events``, ``conflicts``, ``errors``. Each page
carries a ``link`` (its URL, else its file path) so every report can lead back to the source.
Each event carries a ``timeline`` of the dated claims of its pages and ``facts``: its date,
place and participants, each with a confidence and its evidence. Each conflict has a stable
``id`` (``reconciler.identity``), and each of its claims a ``context``, the text around its
span, and ``says``, what that page states in words ("absent", "replaced", the value), so
renderers can show the evidence without shipping whole pages.

This module is the one place that turns claim values into JSON (each claim's ``details``,
``ClaimValue.to_details``); renderers and the CI gate read the document. The schema is
``schema.json`` beside this file.

**Confidence of a headline fact** is one thing: how well the event's pages support it, the mean
over the event's pages of the confidence of the page's best claim stating it (a claim of the
fact's kind and slot, ``event_date``, ``place`` or ``participant``, whose value is the fact),
0 for a page that does not. A claim's confidence is extraction's: how sure it is of reading
that span as that value in that slot (a date in a page header scores lower than one in the
lede). So the same evidence always gives the same number; every page stating the fact with
full certainty gives 1; a fact no page states in its slot has confidence 0 and shows the
claims it came from as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reconciler import identity
from reconciler.ingest import crawl_dates
from reconciler.records import (
    Claim,
    ClaimKind,
    Conflict,
    Event,
    Page,
    PageError,
    PersonValue,
    RegionKind,
    Result,
)

SCHEMA_VERSION = "1.1"

# Enough of the sentence around a span to judge it, without shipping the page.
CONTEXT_CHARACTERS = 120


def build(result: Result) -> dict[str, Any]:
    pages = {page.id: page for page in result.pages}
    ids = conflict_ids(result.conflicts)
    return {
        "schema_version": SCHEMA_VERSION,
        "pages": [_page(page, result.claims_of(page.id)) for page in result.pages],
        "events": [_event(event, result.claims, pages) for event in result.events],
        "conflicts": [
            _conflict(conflict, conflict_id, pages)
            for conflict, conflict_id in zip(result.conflicts, ids, strict=True)
        ],
        "errors": [_error(error) for error in result.errors],
    }


def _page(page: Page, claims: list[Claim]) -> dict[str, Any]:
    return {
        "id": page.id,
        "lang": page.lang,
        "source": page.source,
        "url": page.url,
        "fetched_at": page.fetched_at,
        "path": str(page.path) if page.path else None,
        "link": page.url or (str(page.path) if page.path else None),
        "headline": _headline(page),
        "page_date": _page_date(page, claims),
    }


def _page_date(page: Page, claims: list[Claim]) -> dict[str, Any] | None:
    """The page's own date and where it came from: its header or dateline, else the most
    trusted date its crawl gives (metadata, URL, save time); none when nothing gives one."""
    stated = [
        claim
        for claim in claims
        if claim.kind == ClaimKind.DATE
        and claim.slot == "page_date"
        and len(claim.normalized) == len("2025-07-15")
    ]
    if stated:
        best = max(stated, key=lambda claim: claim.confidence)
        return {
            "value": best.normalized,
            "origin": str(best.region),
            "confidence": round(best.confidence, 3),
        }
    crawled = next(iter(crawl_dates.of_page(page)), None)
    if crawled is None:
        return None
    return {
        "value": crawled.value,
        "origin": str(crawled.origin),
        "confidence": round(crawled.confidence, 3),
    }


def _headline(page: Page) -> str | None:
    regions = page.regions_of(RegionKind.HEADLINE)
    return " ".join(page.region_text(regions[0]).split()) if regions else None


def _event(event: Event, claims: tuple[Claim, ...], pages: dict[str, Page]) -> dict[str, Any]:
    members = set(event.page_ids)
    mine = [claim for claim in claims if claim.page_id in members]
    facts: dict[str, Any] = {
        "date": _fact(event.date, ClaimKind.DATE, "event_date", event, mine, pages),
        "place": _fact(event.place, ClaimKind.PLACE, "place", event, mine, pages),
        "participants": [
            _fact(name, ClaimKind.PERSON, "participant", event, mine, pages)
            for name in event.participants
        ],
    }
    return {
        "id": event.id,
        "pages": list(event.page_ids),
        "date": event.date,
        "date_precision": date_precision(event.date),
        "place": event.place,
        "participants": list(event.participants),
        "facts": facts,
        "timeline": _timeline(event, claims),
    }


def date_precision(value: str | None) -> str | None:
    """How much of a date an ISO value gives: "day", "month", "year" or "month-day" (a date
    without a year, ``--07-15``)."""
    if not value:
        return None
    if value.startswith("--"):
        return "month-day"
    return {1: "year", 2: "month"}.get(value.count("-") + 1, "day")


def _fact(
    value: str | None,
    kind: ClaimKind,
    slot: str,
    event: Event,
    claims: Sequence[Claim],
    pages: dict[str, Page],
) -> dict[str, Any] | None:
    """A headline fact, its confidence (see the module docstring) and its evidence: the claims
    stating it in its slot, else the claims of its kind with its value from any slot."""
    if value is None:
        return None
    same_value = [c for c in claims if c.kind == kind and c.normalized == value and _states(c)]
    in_slot = [claim for claim in same_value if claim.slot == slot]
    best: dict[str, float] = {}
    for claim in in_slot:
        best[claim.page_id] = max(best.get(claim.page_id, 0.0), claim.confidence)
    evidence = in_slot or same_value
    return {
        "value": value,
        "confidence": round(sum(best.values()) / max(len(event.page_ids), 1), 3),
        "pages": sorted(best),
        "evidence": [_evidence(claim, pages.get(claim.page_id)) for claim in evidence],
    }


def _states(claim: Claim) -> bool:
    """Whether the claim asserts its value: a participant said to be absent or replaced does
    not support their taking part."""
    return not isinstance(claim.value, PersonValue) or claim.value.status not in _NOT_PRESENT


def _evidence(claim: Claim, page: Page | None) -> dict[str, Any]:
    return {
        "page": claim.page_id,
        "text": claim.text,
        "slot": claim.slot,
        "region": str(claim.region),
        "line": page.line_of(claim.start) if page else None,
    }


def _timeline(event: Event, claims: tuple[Claim, ...]) -> list[dict[str, Any]]:
    """The event's dated claims in date order: who dates what, in which calendar."""
    members = set(event.page_ids)
    dated = [
        claim
        for claim in claims
        if claim.kind == ClaimKind.DATE and claim.page_id in members and claim.normalized
    ]
    dated.sort(key=lambda claim: (claim.normalized, claim.page_id, claim.start))
    return [
        {
            "page": claim.page_id,
            "date": claim.normalized,
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "calendar": claim.date.calendar,
            "slot": claim.slot,
        }
        for claim in dated
    ]


def conflict_ids(conflicts: Sequence[Conflict]) -> list[str]:
    """Each conflict's stable id; a second conflict with the same id (same subject, kind,
    slot and values) gets "-2", in run order."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for conflict in conflicts:
        base = identity.conflict_id(conflict, statements(conflict))
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def statements(conflict: Conflict) -> tuple[str, ...]:
    """The distinct things the sides say, sorted: the values a conflict is about."""
    return tuple(sorted({says(claim) for claim in conflict.claims}))


# What a participant claim's status means, in words a card can show.
_STATUS_WORDS = {"absent": "did not take part", "replaced": "was replaced"}
_NOT_PRESENT = frozenset(_STATUS_WORDS)


def says(claim: Claim) -> str:
    """What the page states, in words: the value, or for a participant whether they took part,
    stayed away, were replaced or stood in; for a quote, who is quoted (two translations of one
    quote are one statement)."""
    if claim.kind == ClaimKind.PERSON and claim.slot == "participant":
        status = claim.person.status
        if claim.person.substitute:
            return f"{claim.normalized} stood in"
        return f"{claim.normalized} {_STATUS_WORDS.get(status, 'took part')}"
    if claim.kind == ClaimKind.QUOTE:
        speaker = claim.quote.speaker
        return f"quotes {speaker}" if speaker else "a quote"
    return claim.normalized


def _conflict(conflict: Conflict, conflict_id: str, pages: dict[str, Page]) -> dict[str, Any]:
    return {
        "id": conflict_id,
        "subject": identity.subject_key(conflict),
        "slot": identity.conflict_slot(conflict),
        "values": list(statements(conflict)),
        "kind": str(conflict.kind),
        "pages": list(conflict.page_ids),
        "event": conflict.event_id,
        "confidence": round(conflict.confidence, 3),
        "explanation": conflict.explanation,
        "claims": [_claim(claim, pages.get(claim.page_id)) for claim in conflict.claims],
    }


def _claim(claim: Claim, page: Page | None) -> dict[str, Any]:
    return {
        "page": claim.page_id,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "value": claim.normalized,
        "kind": str(claim.kind),
        "slot": claim.slot,
        "region": str(claim.region),
        "line": page.line_of(claim.start) if page else None,
        "anchor": claim.anchor,
        "confidence": round(claim.confidence, 3),
        "says": says(claim),
        "details": claim.value.to_details(),
        "context": _context(claim, page),
    }


def _context(claim: Claim, page: Page | None) -> dict[str, str]:
    """The text of the span's line either side of it, clipped at a word to
    CONTEXT_CHARACTERS; "…" marks a cut inside the line."""
    if page is None:
        return {"before": "", "after": ""}
    text = page.text
    line_start = text.rfind("\n", 0, claim.start) + 1
    line_end = text.find("\n", claim.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start : claim.start]
    after = text[claim.end : line_end]
    if len(before) > CONTEXT_CHARACTERS:
        cut = before[-CONTEXT_CHARACTERS:]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > CONTEXT_CHARACTERS:
        cut = after[:CONTEXT_CHARACTERS]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    return {"before": before, "after": after}


def _error(error: PageError) -> dict[str, str]:
    return {"source": error.source, "message": error.message}

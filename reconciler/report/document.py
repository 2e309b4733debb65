"""The JSON document of a run. Its keys are a public contract: outside tools read them.

Top level: ``schema_version``, ``pages``, ``events``, ``conflicts``, ``errors``. Each event
carries a ``timeline`` of the dated claims of its pages; each conflict claim a ``context``, the
text around its span, so renderers can show the evidence without shipping whole pages.
The schema is ``schema.json`` beside this file.
"""

from __future__ import annotations

from typing import Any

from reconciler.records import (
    Claim,
    ClaimKind,
    Conflict,
    Event,
    Page,
    PageError,
    RegionKind,
    Result,
)

SCHEMA_VERSION = "1.0"

# Enough of the sentence around a span to judge it, without shipping the page.
CONTEXT_CHARACTERS = 120


def build(result: Result) -> dict[str, Any]:
    pages = {page.id: page for page in result.pages}
    return {
        "schema_version": SCHEMA_VERSION,
        "pages": [_page(page) for page in result.pages],
        "events": [_event(event, result.claims) for event in result.events],
        "conflicts": [_conflict(conflict, pages) for conflict in result.conflicts],
        "errors": [_error(error) for error in result.errors],
    }


def _page(page: Page) -> dict[str, Any]:
    return {
        "id": page.id,
        "lang": page.lang,
        "source": page.source,
        "url": page.url,
        "fetched_at": page.fetched_at,
        "path": str(page.path) if page.path else None,
        "headline": _headline(page),
    }


def _headline(page: Page) -> str | None:
    regions = page.regions_of(RegionKind.HEADLINE)
    return " ".join(page.region_text(regions[0]).split()) if regions else None


def _event(event: Event, claims: tuple[Claim, ...]) -> dict[str, Any]:
    return {
        "id": event.id,
        "pages": list(event.page_ids),
        "date": event.date,
        "place": event.place,
        "participants": list(event.participants),
        "timeline": _timeline(event, claims),
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
            "calendar": claim.details.get("calendar"),
            "slot": claim.slot,
        }
        for claim in dated
    ]


def _conflict(conflict: Conflict, pages: dict[str, Page]) -> dict[str, Any]:
    return {
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
        "details": dict(claim.details),
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

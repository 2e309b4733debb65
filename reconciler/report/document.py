"""The JSON document of a run. Its keys are a public contract: outside tools read them.

Top level: ``schema_version``, ``pages``, ``events``, ``conflicts``, ``errors``.
"""

from __future__ import annotations

from typing import Any

from reconciler.records import Claim, Conflict, Event, Page, PageError, RegionKind, Result

SCHEMA_VERSION = "1.0"


def build(result: Result) -> dict[str, Any]:
    pages = {page.id: page for page in result.pages}
    return {
        "schema_version": SCHEMA_VERSION,
        "pages": [_page(page) for page in result.pages],
        "events": [_event(event) for event in result.events],
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


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "pages": list(event.page_ids),
        "date": event.date,
        "place": event.place,
        "participants": list(event.participants),
    }


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
    }


def _error(error: PageError) -> dict[str, str]:
    return {"source": error.source, "message": error.message}

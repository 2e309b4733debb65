"""The terminal report: events with their pages (each with its URL or file), conflicts with
the evidence of each side (file and line)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

KIND_TITLES = {
    "calendar_mismatch": "calendar mismatch",
    "weekday_mismatch": "weekday mismatch",
    "event_date": "event date",
    "location": "location",
    "participants": "participants",
    "quote": "quote",
    "number": "number",
}


def render(document: dict[str, Any], *, color: bool = False) -> str:
    pages = {page["id"]: page for page in document["pages"]}
    bold, dim, red, reset = ("\033[1m", "\033[2m", "\033[31m", "\033[0m") if color else ("",) * 4
    lines: list[str] = []
    conflicts = document["conflicts"]
    lines.append(
        f"{bold}{count(len(document['pages']), 'page')}, "
        f"{count(len(document['events']), 'event')}, {count(len(conflicts), 'conflict')}{reset}"
    )
    for event in document["events"]:
        lines.append("")
        facts = [f"{fact['value']} ({fact['confidence']:.2f})" for fact in headline_facts(event)]
        lines.append(
            f"{bold}{event['id']}{reset}  {' · '.join(facts) or 'no date, place or people found'}"
        )
        for page_id in event["pages"]:
            page = pages[page_id]
            headline = page.get("headline") or ""
            lines.append(f"  {page_id} [{page['lang']}] {dim}{_clip(headline, 90)}{reset}")
            if page.get("link"):
                lines.append(f"    {dim}{page['link']}{reset}")
        for conflict in (c for c in conflicts if c["event"] == event["id"]):
            lines.extend(_conflict_lines(conflict, pages, red, reset))
    orphans = [c for c in conflicts if c["event"] is None]
    for conflict in orphans:
        lines.extend(_conflict_lines(conflict, pages, red, reset))
    if document["errors"]:
        lines.append("")
        lines.append(f"{bold}{count(len(document['errors']), 'page')} could not be read{reset}")
        lines.extend(f"  {error['source']}: {error['message']}" for error in document["errors"])
    return "\n".join(lines) + "\n"


def _conflict_lines(
    conflict: dict[str, Any], pages: dict[str, Any], red: str, reset: str
) -> list[str]:
    title = KIND_TITLES.get(conflict["kind"], conflict["kind"])
    lines = [
        f"  {red}✗ {title}{reset} {conflict['id']} (confidence {conflict['confidence']:.2f}): "
        f"{conflict['explanation']}"
    ]
    for claim in conflict["claims"]:
        page = pages.get(claim["page"], {})
        where = page.get("url") or page.get("path") or claim["page"]
        line = f":{claim['line']}" if claim.get("line") is not None and not page.get("url") else ""
        lines.append(
            f"      {claim['page']} {where}{line}: "
            f"“{_clip(claim['text'], 70)}” → {claim.get('says', claim['value'])}"
        )
    return lines


def headline_facts(event: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The event's date, place and participants that were found, each with its confidence
    (how well the event's pages support it; defined in ``report.document``) and the pages
    stating it."""
    facts = event.get("facts") or {}
    shown = [facts.get("date"), facts.get("place"), *facts.get("participants", ())]
    return [fact for fact in shown if fact]


def count(number: int, noun: str) -> str:
    """``"1 conflict"``, ``"2 conflicts"``: the noun agrees with the number."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

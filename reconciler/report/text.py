"""The terminal report: events with their pages, conflicts with the evidence of each side."""

from __future__ import annotations

from typing import Any

from reconciler import neutralize

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
    # Every value is page text or derived from it: no escape sequence reaches the terminal.
    document = neutralize.deep(document, neutralize.log_field)
    pages = {page["id"]: page for page in document["pages"]}
    bold, dim, red, reset = ("\033[1m", "\033[2m", "\033[31m", "\033[0m") if color else ("",) * 4
    lines: list[str] = []
    conflicts = document["conflicts"]
    lines.append(
        f"{bold}{len(document['pages'])} pages, {len(document['events'])} events, "
        f"{len(conflicts)} conflicts{reset}"
    )
    for event in document["events"]:
        lines.append("")
        facts = [
            part
            for part in (
                event["date"],
                event["place"],
                ", ".join(event["participants"]) if event["participants"] else None,
            )
            if part
        ]
        lines.append(
            f"{bold}{event['id']}{reset}  {' · '.join(facts) or 'no date, place or people found'}"
        )
        for page_id in event["pages"]:
            page = pages[page_id]
            headline = page.get("headline") or ""
            lines.append(f"  {page_id} [{page['lang']}] {dim}{_clip(headline, 90)}{reset}")
        for conflict in (c for c in conflicts if c["event"] == event["id"]):
            lines.extend(_conflict_lines(conflict, red, reset))
    orphans = [c for c in conflicts if c["event"] is None]
    for conflict in orphans:
        lines.extend(_conflict_lines(conflict, red, reset))
    if document["errors"]:
        lines.append("")
        lines.append(f"{bold}{len(document['errors'])} pages could not be read{reset}")
        lines.extend(f"  {error['source']}: {error['message']}" for error in document["errors"])
    return "\n".join(lines) + "\n"


def _conflict_lines(conflict: dict[str, Any], red: str, reset: str) -> list[str]:
    title = KIND_TITLES.get(conflict["kind"], conflict["kind"])
    lines = [
        f"  {red}✗ {title}{reset} (confidence {conflict['confidence']:.2f}): "
        f"{conflict['explanation']}"
    ]
    for claim in conflict["claims"]:
        lines.append(
            f"      {claim['page']} @{claim['start']}-{claim['end']}: "
            f"“{_clip(claim['text'], 70)}” → {claim['value']}"
        )
    return lines


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

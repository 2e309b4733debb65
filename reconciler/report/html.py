"""The HTML report: one self-contained file (inline CSS, no scripts, nothing fetched) listing
events, their timelines and conflicts, each conflict with its pages side by side.

Page text is hostile input: everything taken from the document is escaped, and a
Content-Security-Policy forbids scripts and every load, so even a missed escape runs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from importlib.resources import files
from typing import Any

from reconciler.report.text import KIND_TITLES

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)


def render(document: Mapping[str, Any]) -> str:
    """The whole report as one HTML page."""
    pages = _pages_by_id(document)
    conflicts = document["conflicts"]
    body = [
        "<h1>reconciler report</h1>",
        f'<p class="summary">{_summary(document)}</p>',
        _overview(conflicts),
    ]
    for event in document["events"]:
        body.append(_event_section(event, pages, conflicts))
    orphans = [conflict for conflict in conflicts if conflict["event"] is None]
    if orphans:
        body.append("<h2>Conflicts on pages in no event</h2>")
        body.extend(conflict_view(conflict, pages) for conflict in orphans)
    if document["errors"]:
        body.append(f"<h2>{len(document['errors'])} pages could not be read</h2>")
        body.append(
            '<ul class="errors">'
            + "".join(
                f"<li><code>{_e(error['source'])}</code>: {_e(error['message'])}</li>"
                for error in document["errors"]
            )
            + "</ul>"
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>reconciler report</title>\n"
        f"<style>\n{_stylesheet()}</style>\n</head>\n"
        '<body>\n<main class="reconciler">\n' + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def conflicts_fragment(document: Mapping[str, Any], *, limit: int | None = None) -> str:
    """The conflict views alone, styled, to embed in another page (a notebook cell)."""
    pages = _pages_by_id(document)
    shown = document["conflicts"][:limit]
    more = len(document["conflicts"]) - len(shown)
    parts = [
        f"<style>{_stylesheet()}</style>",
        '<div class="reconciler">',
        f'<p class="summary">{_summary(document)}</p>',
        *(conflict_view(conflict, pages) for conflict in shown),
    ]
    if more:
        parts.append(f'<p class="summary">… and {more} more conflicts</p>')
    parts.append("</div>")
    return "\n".join(parts)


def conflict_view(conflict: Mapping[str, Any], pages: Mapping[str, Mapping[str, Any]]) -> str:
    """One conflict: kind, confidence and reason, then every side's evidence in its script."""
    sides = "".join(_side(claim, pages.get(claim["page"], {})) for claim in conflict["claims"])
    return (
        f'<article class="conflict" id="{_anchor(conflict)}" data-kind="{_e(conflict["kind"])}">'
        f"<h4>✗ {_e(_title(conflict))} "
        f'<span class="confidence">confidence {conflict["confidence"]:.2f} · '
        f"{_e(', '.join(conflict['pages']))}</span></h4>"
        f'<p class="explanation">{_e(conflict["explanation"])}</p>'
        f'<div class="sides">{sides}</div></article>'
    )


def _side(claim: Mapping[str, Any], page: Mapping[str, Any]) -> str:
    lang = page.get("lang") or "und"
    context = claim.get("context") or {"before": "", "after": ""}
    where = f"line {claim['line']}" if claim.get("line") is not None else ""
    calendar = claim["details"].get("calendar")
    # Dates are compared in Gregorian whatever the page wrote: say so, and name the original.
    facts = [("value", f"{claim['value']} (Gregorian)" if calendar else claim["value"])]
    if calendar:
        facts.append(("calendar", _calendar_name(calendar)))
    if claim.get("anchor"):
        facts.append(("resolved against", claim["anchor"]))
    facts.append(("slot", claim["slot"] or claim["kind"]))
    facts.append(("claim confidence", f"{claim['confidence']:.2f}"))
    return (
        '<section class="side">'
        f"<header><strong>{_e(claim['page'])}</strong> [{_e(lang)}] "
        f"{_e(page.get('source') or '')} · {_e(claim['region'])} {_e(where)}</header>"
        f'<blockquote class="evidence" lang="{_e(lang)}" dir="auto">'
        f"{_e(context['before'])}<mark>{_e(claim['text'])}</mark>{_e(context['after'])}"
        "</blockquote>"
        f'<dl class="value">{_definitions(facts)}</dl></section>'
    )


def _event_section(
    event: Mapping[str, Any],
    pages: Mapping[str, Mapping[str, Any]],
    conflicts: Iterable[Mapping[str, Any]],
) -> str:
    facts = [
        part for part in (event["date"], event["place"], ", ".join(event["participants"])) if part
    ]
    mine = [conflict for conflict in conflicts if conflict["event"] == event["id"]]
    parts = [
        f'<section class="event" id="{_e(event["id"])}">',
        f"<h2>{_e(event['id'])}</h2>",
        f'<p class="facts">{_e(" · ".join(facts) or "no date, place or people found")}</p>',
        "<table><thead><tr><th>page</th><th>lang</th><th>source</th><th>headline</th></tr>"
        "</thead><tbody>",
    ]
    for page_id in event["pages"]:
        page = pages.get(page_id, {})
        lang = page.get("lang") or "und"
        parts.append(
            f"<tr><td><code>{_e(page_id)}</code></td><td>{_e(lang)}</td>"
            f"<td>{_e(page.get('source') or '')}</td>"
            f'<td lang="{_e(lang)}" dir="auto">{_e(page.get("headline") or "")}</td></tr>'
        )
    parts.append("</tbody></table>")
    parts.append(_timeline(event.get("timeline", []), pages))
    if mine:
        parts.append(f"<h3>{_count(len(mine), 'conflict')}</h3>")
        parts.extend(conflict_view(conflict, pages) for conflict in mine)
    parts.append("</section>")
    return "\n".join(parts)


def _timeline(entries: list[Mapping[str, Any]], pages: Mapping[str, Mapping[str, Any]]) -> str:
    """One row a day: which page says so, as written and in which calendar."""
    if not entries:
        return '<p class="facts">No dated claims.</p>'
    by_date: dict[str, list[Mapping[str, Any]]] = {}
    for entry in entries:
        by_date.setdefault(entry["date"], []).append(entry)
    rows = "".join(
        f'<tr><td class="date">{_e(day)}</td><td>'
        + " · ".join(_timeline_entry(entry, pages) for entry in dated)
        + "</td></tr>"
        for day, dated in by_date.items()
    )
    return (
        '<h3>Timeline</h3><table class="timeline"><thead><tr><th>date (Gregorian)</th>'
        f"<th>stated by</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _timeline_entry(entry: Mapping[str, Any], pages: Mapping[str, Mapping[str, Any]]) -> str:
    lang = pages.get(entry["page"], {}).get("lang") or "und"
    notes = [entry["slot"]] if entry["slot"] else []
    if entry.get("calendar") and entry["calendar"] != "gregorian":
        notes.insert(0, _calendar_name(entry["calendar"]))
    return (
        f"<code>{_e(entry['page'])}</code> "
        f'<q lang="{_e(lang)}" dir="auto">{_e(entry["text"])}</q>'
        + (f' <span class="note">({_e(", ".join(notes))})</span>' if notes else "")
    )


def _overview(conflicts: list[Mapping[str, Any]]) -> str:
    if not conflicts:
        return '<p class="summary">No conflicts found.</p>'
    rows = "".join(
        f'<tr><td><a href="#{_anchor(conflict)}">{_e(_title(conflict))}</a></td>'
        f"<td>{_e(', '.join(conflict['pages']))}</td>"
        f"<td>{_e(conflict['event'] or '')}</td><td>{conflict['confidence']:.2f}</td></tr>"
        for conflict in conflicts
    )
    return (
        "<h2>Conflicts</h2><table><thead><tr><th>kind</th><th>pages</th><th>event</th>"
        f"<th>confidence</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _title(conflict: Mapping[str, Any]) -> str:
    return KIND_TITLES.get(conflict["kind"], conflict["kind"])


def _anchor(conflict: Mapping[str, Any]) -> str:
    """A stable id from what identifies a conflict: its kind and pages."""
    return _e("conflict-" + conflict["kind"] + "-" + "-".join(conflict["pages"]))


def _summary(document: Mapping[str, Any]) -> str:
    return (
        f"{len(document['pages'])} pages, {len(document['events'])} events, "
        f"{len(document['conflicts'])} conflicts"
        + (f", {len(document['errors'])} unreadable pages" if document["errors"] else "")
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _definitions(facts: Iterable[tuple[str, str]]) -> str:
    return "".join(f"<dt>{_e(term)}</dt><dd>{_e(value)}</dd>" for term, value in facts)


def _calendar_name(calendar: str) -> str:
    return calendar.replace("_", " ").title()


def _pages_by_id(document: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {page["id"]: page for page in document["pages"]}


def _stylesheet() -> str:
    return (files("reconciler.report") / "report.css").read_text(encoding="utf-8")


def _e(value: object) -> str:
    return escape(str(value), quote=True)

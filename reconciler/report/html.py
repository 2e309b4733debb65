"""The HTML report: one self-contained file (inline CSS, nothing fetched) listing events,
their timelines and conflicts, each conflict with its pages side by side, every page linked to
its URL or file. An overview table of events and conflicts filters by kind, language and
source with one small inline script (``filters.js``).

Page text is hostile input: everything taken from the document is escaped, and a
Content-Security-Policy allows no load and no script but the one whose SHA-256 it names, so
even a missed escape runs nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from importlib.resources import files
from typing import Any

from reconciler.report.links import file_uri
from reconciler.report.text import KIND_TITLES, count, headline_facts

_FILTER_SCRIPT = (files("reconciler.report") / "filters.js").read_text(encoding="utf-8")
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_FILTER_SCRIPT.encode("utf-8")).digest()).decode()
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; "
    "base-uri 'none'; form-action 'none'"
)


def render(document: Mapping[str, Any]) -> str:
    """The whole report as one HTML page."""
    pages = _pages_by_id(document)
    conflicts = document["conflicts"]
    body = [
        "<h1>reconciler report</h1>",
        f'<p class="summary">{_summary(document)}</p>',
        _overview(document, pages),
    ]
    for event in document["events"]:
        body.append(_event_section(event, pages, conflicts))
    orphans = [conflict for conflict in conflicts if conflict["event"] is None]
    if orphans:
        body.append("<h2>Conflicts on pages in no event</h2>")
        body.extend(conflict_view(conflict, pages) for conflict in orphans)
    if document["errors"]:
        body.append(f"<h2>{count(len(document['errors']), 'page')} could not be read</h2>")
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
        '<body>\n<main class="reconciler">\n'
        + "\n".join(body)
        + f"\n</main>\n<script>{_FILTER_SCRIPT}</script>\n</body>\n</html>\n"
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
        f"{_e(', '.join(conflict['pages']))} · <code>{_e(conflict['id'])}</code></span></h4>"
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
    if claim.get("says", claim["value"]) != claim["value"]:
        facts.append(("says", claim["says"]))
    if claim.get("anchor"):
        facts.append(("resolved against", claim["anchor"]))
    facts.append(("slot", claim["slot"] or claim["kind"]))
    facts.append(("claim confidence", f"{claim['confidence']:.2f}"))
    return (
        '<section class="side">'
        f"<header><strong>{_page_link(claim['page'], page)}</strong> [{_e(lang)}] "
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
    mine = [conflict for conflict in conflicts if conflict["event"] == event["id"]]
    parts = [
        f'<section class="event" id="{_e(event["id"])}">',
        f"<h2>{_e(event['id'])}</h2>",
        f'<p class="facts">{_headline_facts(event)}</p>',
        "<table><thead><tr><th>page</th><th>lang</th><th>source</th><th>page date</th>"
        "<th>headline</th></tr></thead><tbody>",
    ]
    for page_id in event["pages"]:
        page = pages.get(page_id, {})
        lang = page.get("lang") or "und"
        parts.append(
            f"<tr><td><code>{_page_link(page_id, page)}</code></td><td>{_e(lang)}</td>"
            f"<td>{_e(page.get('source') or '')}</td><td>{_page_date(page)}</td>"
            f'<td lang="{_e(lang)}" dir="auto">{_e(page.get("headline") or "")}</td></tr>'
        )
    parts.append("</tbody></table>")
    parts.append(_timeline(event.get("timeline", []), pages))
    if mine:
        parts.append(f"<h3>{count(len(mine), 'conflict')}</h3>")
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


def _headline_facts(event: Mapping[str, Any]) -> str:
    """Date, place and participants, each with its confidence (defined in ``report.document``)
    and, on hover, the pages stating it."""
    parts = [
        f'<span title="{_e("stated by " + (", ".join(fact["pages"]) or "no page in this slot"))}">'
        f"{_e(fact['value'])} "
        f'<span class="fact-confidence">({fact["confidence"]:.2f})</span></span>'
        for fact in headline_facts(event)
    ]
    return " · ".join(parts) or "no date, place or people found"


def _overview(document: Mapping[str, Any], pages: Mapping[str, Mapping[str, Any]]) -> str:
    """One row an event and one a conflict, with the filters the inline script applies."""
    rows = [
        _overview_row(
            "event",
            f'<a href="#{_e(event["id"])}">{_e(event["id"])}</a>',
            " · ".join(part for part in (event["date"], event["place"]) if part),
            event["id"],
            event["pages"],
            pages,
        )
        for event in document["events"]
    ]
    rows += [
        _overview_row(
            conflict["kind"],
            f'<a href="#{_anchor(conflict)}">✗ {_e(_title(conflict))}</a>',
            f"confidence {conflict['confidence']:.2f}",
            conflict["event"] or "",
            conflict["pages"],
            pages,
        )
        for conflict in document["conflicts"]
    ]
    kinds = ["event", *dict.fromkeys(conflict["kind"] for conflict in document["conflicts"])]
    languages = sorted({page.get("lang") or "und" for page in pages.values()})
    sources = sorted({page.get("source") or "" for page in pages.values()} - {""})
    filters = (
        '<div class="filters">'
        + _select("kind", [(kind, KIND_TITLES.get(kind, kind)) for kind in kinds])
        + _select("lang", [(lang, lang) for lang in languages])
        + _select("source", [(source, source) for source in sources])
        + '<output id="overview-count"></output></div>'
    )
    summary = "" if document["conflicts"] else '<p class="summary">No conflicts found.</p>'
    return (
        f"<h2>Overview</h2>{summary}{filters}"
        '<table id="overview"><thead><tr><th>what</th><th>facts</th><th>event</th>'
        f"<th>pages</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _overview_row(
    kind: str,
    title: str,
    facts: str,
    event_id: str,
    page_ids: Sequence[str],
    pages: Mapping[str, Mapping[str, Any]],
) -> str:
    members = [pages.get(page_id, {}) for page_id in page_ids]
    languages = sorted({page.get("lang") or "und" for page in members})
    sources = sorted({page.get("source") or "" for page in members} - {""})
    links = ", ".join(_page_link(page_id, pages.get(page_id, {})) for page_id in page_ids)
    return (
        f'<tr data-kind="{_e(json.dumps([kind]))}" data-lang="{_e(json.dumps(languages))}" '
        f'data-source="{_e(json.dumps(sources, ensure_ascii=False))}">'
        f"<td>{title}</td><td>{_e(facts)}</td><td>{_e(event_id)}</td><td>{links}</td></tr>"
    )


def _select(name: str, options: Sequence[tuple[str, str]]) -> str:
    choices = "".join(
        f'<option value="{_e(value)}">{_e(label)}</option>' for value, label in options
    )
    return (
        f'<label>{_e(name)} <select data-filter="{_e(name)}">'
        f'<option value="">all</option>{choices}</select></label>'
    )


def _page_date(page: Mapping[str, Any]) -> str:
    """The page's own date with where it came from ("2025-05-10 · url"), or a dash."""
    dated = page.get("page_date")
    if not dated:
        return "–"
    return f"{_e(dated['value'])} <small>· {_e(dated['origin'].replace('_', ' '))}</small>"


def _page_link(page_id: str, page: Mapping[str, Any]) -> str:
    """The page id, linked to the page's URL or its file."""
    href = file_uri(page) if page else None
    if href is None:
        return _e(page_id)
    return f'<a href="{_e(href)}" rel="noreferrer noopener">{_e(page_id)}</a>'


def _title(conflict: Mapping[str, Any]) -> str:
    return KIND_TITLES.get(conflict["kind"], conflict["kind"])


def _anchor(conflict: Mapping[str, Any]) -> str:
    """The conflict's stable id (``reconciler.identity``), as the page anchor."""
    return _e("conflict-" + conflict["id"])


def _summary(document: Mapping[str, Any]) -> str:
    return (
        f"{count(len(document['pages']), 'page')}, {count(len(document['events']), 'event')}, "
        f"{count(len(document['conflicts']), 'conflict')}"
        + (f", {count(len(document['errors']), 'unreadable page')}" if document["errors"] else "")
    )


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

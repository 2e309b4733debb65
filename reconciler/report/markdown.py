"""The Markdown report, for pull-request comments: an events table, then each conflict with
its evidence quoted (the span in bold), the compared values and the confidence.

Page text is untrusted: Markdown and HTML syntax in it is escaped so a page cannot inject
links, images, markup or @-mentions into the comment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from reconciler import neutralize
from reconciler.report.text import KIND_TITLES

# Inline syntax (emphasis, code, links, tables, strikethrough); "<", ">" and "&" go as entities
# so raw HTML never reaches the renderer.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# What would start a heading, list or quote when the text opens a line.
_BLOCK_START = re.compile(r"^([#+\-=]|\d+(?=[.)]))")


def render(document: Mapping[str, Any]) -> str:
    pages = {page["id"]: page for page in document["pages"]}
    conflicts = document["conflicts"]
    lines = [
        "## reconciler report",
        "",
        f"{len(document['pages'])} pages, {len(document['events'])} events, "
        f"**{len(conflicts)} conflicts**",
        "",
        "| event | date | place | participants | pages |",
        "|---|---|---|---|---|",
    ]
    for event in document["events"]:
        cells = [
            event["id"],
            event["date"] or "",
            event["place"] or "",
            ", ".join(event["participants"]),
            ", ".join(event["pages"]),
        ]
        lines.append("| " + " | ".join(_inline(cell) for cell in cells) + " |")
    if conflicts:
        lines += ["", "### Conflicts"]
    for conflict in conflicts:
        lines += ["", *_conflict_lines(conflict, pages)]
    if document["errors"]:
        lines += ["", f"### {len(document['errors'])} pages could not be read", ""]
        lines += [
            f"- `{_code(error['source'])}`: {_inline(error['message'])}"
            for error in document["errors"]
        ]
    return "\n".join(lines) + "\n"


def _conflict_lines(conflict: Mapping[str, Any], pages: Mapping[str, Any]) -> list[str]:
    title = KIND_TITLES.get(conflict["kind"], conflict["kind"])
    where = f" in {_inline(conflict['event'])}" if conflict["event"] else ""
    lines = [
        f"#### ✗ {_inline(title)}{where} — confidence {conflict['confidence']:.2f}",
        "",
        _inline(conflict["explanation"]),
        "",
    ]
    for claim in conflict["claims"]:
        page = pages.get(claim["page"], {})
        calendar = claim["details"].get("calendar")
        value = claim["value"]
        if calendar and calendar != "gregorian":
            value += f" (Gregorian; written in the {calendar.replace('_', ' ').title()} calendar)"
        line = f", line {claim['line']}" if claim.get("line") is not None else ""
        context = claim.get("context") or {"before": "", "after": ""}
        lines += [
            f"- **{_inline(claim['page'])}** \\[{_inline(page.get('lang') or 'und')}\\]"
            f"{_inline(line)}: `{_code(value)}`",
            f"  > {_quoted(context['before'], claim['text'], context['after'])}",
        ]
    return lines


def _quoted(before: str, span: str, after: str) -> str:
    """The span in bold inside its context, keeping the spaces that separate them."""
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return f"{_inline(before)}{gap_before}**{_inline(span)}**{gap_after}{_inline(after)}".strip()


def _inline(text: str) -> str:
    """Page text as one line of literal Markdown."""
    flat = " ".join(neutralize.terminal(str(text)).split())
    escaped = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _BLOCK_START.sub(r"\\\1", _INLINE_SPECIAL.sub(r"\\\1", escaped))
    return neutralize.markdown_mentions(escaped)


def _code(text: str) -> str:
    # A backtick would close the code span; nothing else is special inside one.
    return " ".join(neutralize.terminal(str(text)).split()).replace("`", "'")

"""The Markdown report, for pull-request comments: an events table, then each conflict with
its evidence quoted (the span in bold), the compared values and the confidence; every page
links to its URL or file (and line).

Page text is untrusted: Markdown and HTML syntax in it is escaped so a page cannot inject
links, images or markup into the comment. A comment holds at most ``COMMENT_LIMIT``
characters: conflicts that do not fit are counted, not shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from reconciler.report.links import file_href, page_href
from reconciler.report.text import KIND_TITLES, count

# GitHub refuses comments (and step summaries above 1 MiB) longer than this many characters.
COMMENT_LIMIT = 65_536

# Inline syntax (emphasis, code, links, tables, strikethrough); "<", ">" and "&" go as entities
# so raw HTML never reaches the renderer.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# What would start a heading, list or quote when the text opens a line.
_BLOCK_START = re.compile(r"^([#+\-=]|\d+(?=[.)]))")


def render(
    document: Mapping[str, Any], *, link_base: str | None = None, limit: int = COMMENT_LIMIT
) -> str:
    """The report, at most ``limit`` characters. ``link_base``: where files are linked under
    (a repository's blob URL); default: paths relative to where the report is read."""
    pages = {page["id"]: page for page in document["pages"]}
    conflicts = document["conflicts"]
    lines = [
        "## reconciler report",
        "",
        f"{count(len(document['pages']), 'page')}, {count(len(document['events']), 'event')}, "
        f"**{count(len(conflicts), 'conflict')}**",
        "",
        "| event | date (confidence) | place | participants | pages |",
        "|---|---|---|---|---|",
    ]
    for event in document["events"]:
        facts = event.get("facts") or {}
        cells = [
            inline(event["id"]),
            _fact(facts.get("date")),
            _fact(facts.get("place")),
            ", ".join(_fact(fact) for fact in facts.get("participants", ())),
            ", ".join(
                _page_link(pages.get(page_id, {"id": page_id}), None, link_base)
                for page_id in event["pages"]
            ),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    tail: list[str] = []
    if document["errors"]:
        tail += ["", f"### {count(len(document['errors']), 'page')} could not be read", ""]
        tail += [
            f"- `{_code(error['source'])}`: {inline(error['message'])}"
            for error in document["errors"]
        ]
    if conflicts:
        lines += ["", "### Conflicts", ""]
    head = "\n".join(lines) + "\n"
    rest = "\n".join(tail) + "\n" if tail else ""
    budget = limit - len(head) - len(rest)
    return head + conflicts_within(conflicts, pages, budget, link_base=link_base) + rest


def conflicts_within(
    conflicts: Sequence[Mapping[str, Any]],
    pages: Mapping[str, Any],
    budget: int,
    *,
    link_base: str | None = None,
) -> str:
    """The conflicts, in order, as many as fit in ``budget`` characters with a line counting
    the rest."""
    blocks = [
        "\n".join(_conflict_lines(conflict, pages, link_base)) + "\n\n" for conflict in conflicts
    ]
    reserve = len(_omitted(len(blocks)))  # room for the closing count, kept until the last
    shown: list[str] = []
    used = 0
    for number, block in enumerate(blocks):
        is_last = number == len(blocks) - 1
        if used + len(block) + (0 if is_last else reserve) > budget:
            return "".join(shown) + _omitted(len(blocks) - number)
        shown.append(block)
        used += len(block)
    return "".join(shown)


def _fact(fact: Mapping[str, Any] | None) -> str:
    """A headline fact and its confidence (see ``report.document``)."""
    return f"{inline(fact['value'])} ({fact['confidence']:.2f})" if fact else ""


def _omitted(number: int) -> str:
    return (
        f"… and {count(number, 'more conflict')} not shown: a comment holds "
        f"{COMMENT_LIMIT:,} characters. See the full report (`reconciler report --format html`).\n"
    )


def _conflict_lines(
    conflict: Mapping[str, Any], pages: Mapping[str, Any], link_base: str | None = None
) -> list[str]:
    title = KIND_TITLES.get(conflict["kind"], conflict["kind"])
    where = f" in {inline(conflict['event'])}" if conflict["event"] else ""
    lines = [
        f"#### ✗ {inline(title)}{where} — confidence {conflict['confidence']:.2f}",
        "",
        f"`{_code(conflict['id'])}` · {inline(conflict['explanation'])}",
        "",
    ]
    for claim in conflict["claims"]:
        page = pages.get(claim["page"], {})
        calendar = claim["details"].get("calendar")
        value = claim["value"]
        if calendar and calendar != "gregorian":
            value += f" (Gregorian; written in the {calendar.replace('_', ' ').title()} calendar)"
        line = _line_link(page, claim.get("line"), link_base)
        stated = claim.get("says", claim["value"])
        says = f" — says: {inline(stated)}" if stated != claim["value"] else ""
        context = claim.get("context") or {"before": "", "after": ""}
        lines += [
            f"- **{_page_link(page or {'id': claim['page']}, None, link_base)}** "
            f"\\[{inline(page.get('lang') or 'und')}\\]"
            f"{line}: `{_code(value)}`{says}",
            f"  > {_quoted(context['before'], claim['text'], context['after'])}",
        ]
    return lines


def _quoted(before: str, span: str, after: str) -> str:
    """The span in bold inside its context, keeping the spaces that separate them."""
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return f"{inline(before)}{gap_before}**{inline(span)}**{gap_after}{inline(after)}".strip()


def _page_link(page: Mapping[str, Any], line: int | None, link_base: str | None) -> str:
    return _link(inline(page["id"]), page_href(page, line, link_base=link_base))


def _line_link(page: Mapping[str, Any], line: int | None, link_base: str | None) -> str:
    """ ", line N", linked to that line of the page's file (also when the page has a URL)."""
    if line is None:
        return ""
    return ", " + _link(f"line {line}", file_href(page, line, link_base=link_base))


def _link(text: str, href: str | None) -> str:
    if href is None:
        return text
    # A ")", "<", ">" or space would end the link target early.
    target = "".join(f"%{ord(char):02X}" if char in '()<> "' else char for char in href)
    return f"[{text}]({target})"


def inline(text: str) -> str:
    """Page text as one line of literal Markdown."""
    flat = " ".join(str(text).split())
    escaped = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BLOCK_START.sub(r"\\\1", _INLINE_SPECIAL.sub(r"\\\1", escaped))


def _code(text: str) -> str:
    # A backtick would close the code span; nothing else is special inside one.
    return " ".join(str(text).split()).replace("`", "'")

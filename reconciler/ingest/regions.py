"""Split a page's text into header, headline, dateline, body and boilerplate regions.

Works line by line in three zones fixed by two anchors: the headline and the first body
paragraph. Above the headline sit the masthead, its date line and menus; between headline and
body the byline and timestamp; from the body on, article text until related-headline lists,
comment boxes and footers. HTML pages add structural hints (``LineHint``) to the same rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reconciler.ingest import lines as shape
from reconciler.ingest.settings import LAYOUT
from reconciler.records import Region, RegionKind


@dataclass(frozen=True)
class LineHint:
    """What the HTML structure says about one rendered line."""

    boilerplate: bool = False  # inside nav, aside, footer, a comment/related/share container
    site_header: bool = False  # inside the page's masthead <header>
    headline: bool = False  # the article's <h1>
    kept: bool = False  # trafilatura kept it as article text
    byline: bool = False  # a <time>, or a byline/meta/author element
    caption: bool = False  # a <figcaption>


@dataclass(frozen=True)
class _Line:
    index: int
    start: int
    end: int
    text: str
    hint: LineHint


def segment(text: str, hints: Sequence[LineHint] | None = None) -> tuple[Region, ...]:
    """Regions covering ``text`` end to end, one kind per line, blank lines joined to the last."""
    all_lines = _split(text, hints)
    content = [line for line in all_lines if line.text.strip()]
    kinds = _classify(content, structured=hints is not None)
    return _merge(
        text, all_lines, {line.index: kind for line, kind in zip(content, kinds, strict=True)}
    )


def _split(text: str, hints: Sequence[LineHint] | None) -> list[_Line]:
    result: list[_Line] = []
    start = 0
    for index, raw in enumerate(text.split("\n")):
        hint = hints[index] if hints is not None and index < len(hints) else LineHint()
        result.append(_Line(index, start, start + len(raw), raw, hint))
        start += len(raw) + 1
    return result


def _classify(content: list[_Line], *, structured: bool) -> list[RegionKind]:
    texts = [line.text.strip() for line in content]
    headline = _find_headline_by_hint(content)
    body_start = _find_body_start(content, texts, after=headline, structured=structured)
    if headline is None:
        headline = _find_headline_above(texts, body_start)
    kinds: list[RegionKind] = []
    top = headline if headline is not None else body_start
    for i in range(len(content)):
        if headline is not None and i == headline:
            kinds.append(RegionKind.HEADLINE)
        elif i < top:
            kinds.append(_above_headline(content, texts, i, structured=structured))
        elif i < body_start:
            kinds.append(_under_headline(content, texts, i))
        else:
            break
    kinds.extend(_body_zone(content[body_start:], texts[body_start:], structured=structured))
    return _drop_trailing_furniture(texts, kinds)


def _find_headline_by_hint(content: list[_Line]) -> int | None:
    return next((i for i, line in enumerate(content) if line.hint.headline), None)


def _find_body_start(
    content: list[_Line], texts: list[str], *, after: int | None, structured: bool
) -> int:
    first = 0 if after is None else after + 1
    if structured:
        kept = (
            i
            for i in range(first, len(content))
            if content[i].hint.kept and not content[i].hint.boilerplate
        )
        found = next(kept, None)
        if found is not None:
            return found
    for i in range(first, len(content)):
        text = texts[i]
        if (
            not content[i].hint.boilerplate
            and _is_paragraph(text)
            and (shape.is_statement(text) or shape.word_count(text) >= LAYOUT.long_line_words)
            and not shape.is_menu(text)
            and not shape.is_closing_marker(text)
        ):
            return i
    # No paragraph at all: everything after the headline (or the first title) is the body.
    return (
        first
        if after is not None
        else next((i + 1 for i, t in enumerate(texts) if shape.is_title_like(t)), 0)
    )


def _find_headline_above(texts: list[str], body_start: int) -> int | None:
    """The title-like line right above the body, skipping byline, timestamp and widget lines."""
    candidate = None
    for i in range(body_start - 1, max(-1, body_start - 1 - LAYOUT.headline_lookback), -1):
        text = texts[i]
        if shape.is_title_like(text):
            candidate = i
            break
        skippable = (
            shape.is_dateline(text)
            or shape.is_junk(text)
            or shape.is_caption(text)
            or _is_short_label(text)
        )
        if not skippable:
            return None
    if candidate is None:
        return None
    # A standfirst ends like a sentence; the headline above it does not.
    above = candidate - 1
    if (
        above >= 0
        and shape.is_statement(texts[candidate])
        and shape.is_title_like(texts[above])
        and not shape.is_prose(texts[above])
    ):
        return above
    return candidate


def _is_short_label(text: str) -> bool:
    return shape.word_count(text) <= LAYOUT.short_label_words and not shape.is_menu(text)


def _above_headline(
    content: list[_Line], texts: list[str], i: int, *, structured: bool
) -> RegionKind:
    text = texts[i]
    if shape.is_page_date_line(text):
        return RegionKind.HEADER
    hint = content[i].hint
    if hint.boilerplate or shape.is_menu(text) or shape.is_breadcrumb(text) or shape.is_junk(text):
        return RegionKind.BOILERPLATE
    # HTML lines are never separated by blank lines: there the <header> element tells.
    masthead = hint.site_header if structured else _is_masthead(content, texts, i)
    if masthead and shape.word_count(text) <= 8:
        return RegionKind.HEADER
    return RegionKind.BOILERPLATE


def _is_masthead(content: list[_Line], texts: list[str], i: int) -> bool:
    """The outlet's name: the page's first line, or glued to the date line (no blank between)."""
    if i == 0:
        return True
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(content)]
    return any(
        abs(content[j].index - content[i].index) == 1 and shape.is_page_date_line(texts[j])
        for j in neighbours
    )


def _under_headline(content: list[_Line], texts: list[str], i: int) -> RegionKind:
    text = texts[i]
    hint = content[i].hint
    if hint.boilerplate:
        return RegionKind.BOILERPLATE
    if hint.byline or shape.is_dateline(text):
        return RegionKind.DATELINE
    if shape.is_junk(text) or shape.is_menu(text) or shape.is_tags(text):
        return RegionKind.BOILERPLATE
    if _is_short_label(text) and any(
        0 <= j < len(texts) and shape.is_dateline(texts[j]) for j in (i - 1, i + 1)
    ):
        return RegionKind.DATELINE
    return RegionKind.BODY


def _body_zone(content: list[_Line], texts: list[str], *, structured: bool) -> list[RegionKind]:
    kinds: list[RegionKind] = []
    closed = in_related = False
    for i, (line, text) in enumerate(zip(content, texts, strict=True)):
        if closed:
            kinds.append(RegionKind.BOILERPLATE)
            continue
        if shape.is_closing_marker(text):
            closed = True
            kinds.append(RegionKind.BOILERPLATE)
            continue
        if shape.is_inline_related(text):
            kinds.append(RegionKind.BOILERPLATE)
            continue
        if shape.is_related_marker(text):
            in_related = True
            kinds.append(RegionKind.BOILERPLATE)
            continue
        if in_related:
            # An inline "Read more" box ends where the article resumes: two paragraphs in a row.
            if _is_paragraph(text) and i + 1 < len(texts) and _is_paragraph(texts[i + 1]):
                in_related = False
            else:
                kinds.append(RegionKind.BOILERPLATE)
                continue
        kinds.append(_body_line(line, text, structured=structured))
    return kinds


def _is_paragraph(text: str) -> bool:
    return shape.is_prose(text) and shape.word_count(text) >= LAYOUT.body_start_words


def _body_line(line: _Line, text: str, *, structured: bool) -> RegionKind:
    hint = line.hint
    if hint.boilerplate or shape.is_junk(text) or shape.is_tags(text):
        return RegionKind.BOILERPLATE
    # A byline or timestamp may follow a standfirst that the body anchor already passed.
    if not shape.is_prose(text) and (hint.byline or shape.is_dateline(text)):
        return RegionKind.DATELINE
    if shape.is_menu(text):
        return RegionKind.BOILERPLATE
    if structured and not (hint.kept or hint.caption or shape.is_prose(text)):
        return RegionKind.BOILERPLATE
    return RegionKind.BODY


def _drop_trailing_furniture(texts: list[str], kinds: list[RegionKind]) -> list[RegionKind]:
    """After the last sentence of the body, short lines are unmarked link lists or initials."""
    body = [i for i, kind in enumerate(kinds) if kind == RegionKind.BODY]
    prose = [i for i in body if shape.is_prose(texts[i])]
    if not prose:
        return kinds
    last = prose[-1]
    return [
        RegionKind.BOILERPLATE
        if kind == RegionKind.BODY and i > last and not shape.is_source_line(texts[i])
        else kind
        for i, kind in enumerate(kinds)
    ]


def _merge(text: str, all_lines: list[_Line], kinds: dict[int, RegionKind]) -> tuple[Region, ...]:
    regions: list[Region] = []
    current: RegionKind | None = None
    start = 0
    for line in all_lines:
        kind = kinds.get(line.index)
        if kind is None or kind == current:
            continue
        if current is not None:
            regions.append(Region(current, start, line.start))
            start = line.start
        current = kind
    if current is not None:
        regions.append(Region(current, start, len(text)))
    return tuple(regions)

"""Render an HTML page to visible text, one block element a line, with structural hints.

lxml parses (it tolerates broken markup); trafilatura decides which blocks are the article
body. The rendering itself is hand-written because the regions need what both libraries
throw away: the line each block came from in the raw HTML, and the masthead's date line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

import lxml.html
import trafilatura
from lxml import etree

from reconciler.ingest.regions import LineHint

# trafilatura logs an ERROR for every page it cannot parse; such a page is reported once, as a
# PageError naming it, or read without trafilatura's paragraphs.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_SKIPPED = frozenset(
    {
        "script",
        "style",
        "head",
        "noscript",
        "template",
        "svg",
        "iframe",
        "textarea",
        "select",
        "option",
        "img",
        "picture",
        "video",
        "audio",
        "canvas",
        "object",
        "embed",
        "meta",
        "link",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "figcaption",
        "figure",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "form",
        "address",
        "hr",
        "br",
        "details",
        "summary",
        "body",
        "html",
    }
)
_BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "form", "button"})
# Class or id words of page furniture, in the languages site templates are written in.
_BOILERPLATE_NAMES = re.compile(
    r"comment|related|relacionad|share|social|more|read-?also|interesar|recommend|popular|"
    r"cookie|breadcrumb|tags|etiqueta|newsletter|promo|advert|banner|sidebar|widget|menu|nav|"
    r"footer|subscribe|login|trending|leidas|leido",
    re.IGNORECASE,
)
_BYLINE_NAMES = re.compile(r"byline|author|autor|firma|meta|info|date|time|fecha|posted", re.I)
_HEADER_NAMES = re.compile(r"masthead|site-header|topbar|cabecera|header", re.IGNORECASE)
_OUTER = frozenset({"html", "body", "main", "article"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Rendered:
    text: str
    raw_lines: tuple[int, ...]
    hints: tuple[LineHint, ...]


@dataclass(frozen=True)
class _Context:
    boilerplate: bool = False
    site_header: bool = False
    in_article: bool = False
    byline: bool = False


class _Renderer:
    def __init__(self, kept: frozenset[str], max_chars: int) -> None:
        self._kept = kept
        self._room = max_chars  # characters still wanted: past them, rendering stops
        self.lines: list[str] = []
        self.raw_lines: list[int] = []
        self.hints: list[LineHint] = []
        self._pieces: list[str] = []
        self._line_has_time = False  # a <time> element is part of the line being built
        self._line_no = 1
        self._context = _Context()
        self._tag = ""

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._pieces)).strip()
        has_time, self._line_has_time = self._line_has_time, False
        self._pieces = []
        if not text:
            return
        ctx = self._context
        self.lines.append(text)
        self.raw_lines.append(self._line_no)
        self.hints.append(
            LineHint(
                boilerplate=ctx.boilerplate,
                site_header=ctx.site_header,
                headline=self._tag == "h1" and not ctx.boilerplate,
                byline=ctx.byline or has_time,
                caption=self._tag == "figcaption",
            )
        )
        self._room -= len(text) + 1
        if self._room < 0:
            raise _Enough

    def walk(self, element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if not tag or tag in _SKIPPED:
            self._append_tail(element)
            return
        is_block = tag in _BLOCKS
        saved_context, saved_tag = self._context, self._tag
        if is_block:
            self.flush()
            self._line_no = element.sourceline or self._line_no
            self._context = self._child_context(element, tag)
            self._tag = tag
        elif tag == "time":
            self._line_has_time = True
        if element.text:
            self._note_start(element)
            self._pieces.append(element.text)
        for child in element:
            self.walk(child)
        if is_block:
            self.flush()
        self._context, self._tag = saved_context, saved_tag
        self._append_tail(element)

    def _child_context(self, element: etree._Element, tag: str) -> _Context:
        parent = self._context
        # Themes put state classes on the page's outer elements ("comments-open"): not furniture.
        names = "" if tag in _OUTER else f"{element.get('class', '')} {element.get('id', '')}"
        in_article = parent.in_article or tag in {"article", "main"}
        header = tag == "header" or bool(_HEADER_NAMES.search(names))
        furniture = tag in _BOILERPLATE_TAGS or (
            bool(_BOILERPLATE_NAMES.search(names)) and not self._holds_article(element)
        )
        return _Context(
            boilerplate=parent.boilerplate or furniture,
            site_header=parent.site_header or (header and not in_article),
            in_article=in_article,
            byline=parent.byline or bool(_BYLINE_NAMES.search(names)),
        )

    def _holds_article(self, element: etree._Element) -> bool:
        """A wrapper named "has-sidebar" or "more-content" that holds the headline or the text."""
        if element.find(".//h1") is not None:
            return True
        paragraphs = (_key(p.text_content()) for p in element.iter("p"))
        return sum(1 for text in paragraphs if text in self._kept) >= 2

    def _note_start(self, element: etree._Element) -> None:
        if not self._pieces and element.sourceline:
            self._line_no = element.sourceline

    def _append_tail(self, element: etree._Element) -> None:
        if element.tail:
            if not self._pieces and element.sourceline:
                self._line_no = element.sourceline
            self._pieces.append(element.tail)


class _Enough(Exception):
    """The visible text is longer than the caller keeps: the rest need not be rendered."""


def render(raw: str, max_chars: int) -> Rendered | None:
    """Visible text of ``raw`` (its first ``max_chars`` and the line that crosses them);
    None when nothing visible could be read from it."""
    source = _XML_DECLARATION.sub("", raw, count=1)
    try:
        # huge_tree: libxml2 otherwise drops a text node over 10 MB (a page on one line);
        # the page size limit of IngestSettings bounds what it may hold.
        root = lxml.html.document_fromstring(source, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None
    kept = _trafilatura_paragraphs(raw)
    renderer = _Renderer(kept, max_chars)
    body = root.find("body")
    try:
        renderer.walk(body if body is not None else root)
        renderer.flush()
    except _Enough:
        pass
    if not renderer.lines:
        return None
    hints = [
        replace(hint, kept=_key(line) in kept)
        for line, hint in zip(renderer.lines, renderer.hints, strict=True)
    ]
    headline = _choose_headline(renderer.lines, hints, root.findtext(".//title") or "")
    hints = [replace(hint, headline=i == headline) for i, hint in enumerate(hints)]
    return Rendered("\n".join(renderer.lines), tuple(renderer.raw_lines), tuple(hints))


def _trafilatura_paragraphs(raw: str) -> frozenset[str]:
    try:
        extracted = trafilatura.extract(
            raw, include_comments=False, include_tables=True, include_images=False
        )
    except Exception:  # trafilatura raises assorted errors on malformed input
        return frozenset()
    if not extracted:
        return frozenset()
    return frozenset(_key(line) for line in extracted.splitlines() if line.strip())


def _key(text: str) -> str:
    """Text compared without its spacing, which trafilatura and lxml render differently."""
    return "".join(text.split()).casefold()


def _choose_headline(lines: list[str], hints: list[LineHint], title: str) -> int | None:
    """The <h1> that the <title> repeats; else the first outside the masthead (a logo may be an
    <h1> too); with no <h1>, the line that repeats the <title> minus the site name."""
    title_key = _key(title)
    parts = {_key(part) for part in re.split(r"\s+[|–—-]\s+|_", title) if len(part.strip()) >= 10}
    h1s = [i for i, hint in enumerate(hints) if hint.headline]
    outside_masthead = [i for i in h1s if not hints[i].site_header]
    in_title = [i for i in outside_masthead if _key(lines[i]) in title_key]
    for choice in (in_title, outside_masthead, h1s):
        if choice:
            return choice[0]
    return next(
        (i for i, line in enumerate(lines) if _key(line) in parts and not hints[i].boilerplate),
        None,
    )

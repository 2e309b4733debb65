"""Build a ``Page`` from a read document: clean text, regions, language."""

from __future__ import annotations

import logging

from reconciler import language
from reconciler.ingest import html, legacy
from reconciler.ingest.crawl_dates import crawl_dates
from reconciler.ingest.decode import repair_mojibake
from reconciler.ingest.readers import Document
from reconciler.ingest.regions import segment
from reconciler.ingest.settings import DEFAULT_SETTINGS, IngestSettings
from reconciler.records import Page, PageError, Region, RegionKind

log = logging.getLogger("reconciler.ingest")

# Language is told by what the article says, not by its menus.
_LANGUAGE_REGIONS = (RegionKind.HEADLINE, RegionKind.BODY)


def build_page(document: Document, settings: IngestSettings = DEFAULT_SETTINGS) -> Page | PageError:
    raw_lines: tuple[int, ...] = ()
    if document.format == "html":
        rendered = html.render(document.content, settings.max_text_chars)
        if rendered is None:
            return PageError(document.origin, "HTML page has no visible text")
        text, raw_lines, hints = rendered.text, rendered.raw_lines, rendered.hints
    else:
        # Offsets index the text as given; only line ends are unified so "\n" splits lines.
        text, hints = document.content.replace("\r\n", "\n").replace("\r", "\n"), None
    if len(text) > settings.max_text_chars:
        text = _cut(text, settings.max_text_chars)
        log.warning(
            "%s: visible text cut at %d characters (IngestSettings.max_text_chars)",
            document.origin,
            len(text),
        )
        kept_lines = text.count("\n") + 1
        raw_lines = raw_lines[:kept_lines]
        hints = hints[:kept_lines] if hints is not None else None
    text = repair_mojibake(text, origin=document.origin)
    font = legacy.legacy_font(text, settings)
    if font is not None:
        return PageError(
            document.origin,
            f"legacy Bengali font encoding ({font}): ASCII letters standing for Bengali "
            "letters; convert the page to Unicode first",
        )
    regions = segment(text, hints)
    return Page(
        id=document.id,
        text=text,
        regions=regions,
        lang=_language(text, regions),
        source=document.source,
        url=document.url,
        fetched_at=document.fetched_at,
        published=document.published,
        path=document.path,
        format=document.format,
        raw=document.content,
        raw_lines=raw_lines,
        crawl_dates=crawl_dates(
            url=document.url,
            html=document.content if document.format == "html" else None,
            fetched_at=document.fetched_at,
            published=document.published,
        ),
    )


def _cut(text: str, limit: int) -> str:
    """``text`` up to its last line break before ``limit`` (at ``limit`` when there is none)."""
    end = text.rfind("\n", 0, limit)
    return text[: end if end > 0 else limit]


def _language(text: str, regions: tuple[Region, ...]) -> str:
    readable = " \n".join(
        text[region.start : region.end] for region in regions if region.kind in _LANGUAGE_REGIONS
    )
    return language.detect(readable if readable.strip() else text)

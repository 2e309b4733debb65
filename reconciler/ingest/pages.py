"""Build a ``Page`` from a read document: clean text, regions, language."""

from __future__ import annotations

from reconciler import language
from reconciler.ingest import html
from reconciler.ingest.crawl_dates import crawl_dates
from reconciler.ingest.readers import Document
from reconciler.ingest.regions import segment
from reconciler.records import Page, PageError, Region, RegionKind

# Language is told by what the article says, not by its menus.
_LANGUAGE_REGIONS = (RegionKind.HEADLINE, RegionKind.BODY)


def build_page(document: Document) -> Page | PageError:
    raw_lines: tuple[int, ...] = ()
    if document.format == "html":
        rendered = html.render(document.content)
        if rendered is None:
            return PageError(document.origin, "HTML page has no visible text")
        text, raw_lines = rendered.text, rendered.raw_lines
        regions = segment(text, rendered.hints)
    else:
        # Offsets index the text as given; only line ends are unified so "\n" splits lines.
        text = document.content.replace("\r\n", "\n").replace("\r", "\n")
        regions = segment(text)
    return Page(
        id=document.id,
        text=text,
        regions=regions,
        lang=_language(text, regions),
        source=document.source,
        url=document.url,
        fetched_at=document.fetched_at,
        path=document.path,
        format=document.format,
        raw=document.content,
        raw_lines=raw_lines,
        crawl_dates=crawl_dates(
            url=document.url,
            html=document.content if document.format == "html" else None,
            fetched_at=document.fetched_at,
        ),
    )


def _language(text: str, regions: tuple[Region, ...]) -> str:
    readable = " \n".join(
        text[region.start : region.end] for region in regions if region.kind in _LANGUAGE_REGIONS
    )
    return language.detect(readable if readable.strip() else text)

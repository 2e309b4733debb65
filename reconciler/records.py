"""The records that flow through the pipeline: pages → claims → events → conflicts.

Every stage takes and returns these frozen dataclasses; nothing else crosses a package
boundary. Character offsets always index ``Page.text``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class RegionKind(StrEnum):
    HEADER = "header"  # masthead and the page's date line(s), above the headline
    HEADLINE = "headline"
    DATELINE = "dateline"  # byline, place and publication timestamp under the headline
    BODY = "body"
    BOILERPLATE = "boilerplate"  # menus, related headlines, comment boxes, footers


READABLE_REGIONS = frozenset(
    {RegionKind.HEADER, RegionKind.HEADLINE, RegionKind.DATELINE, RegionKind.BODY}
)


@dataclass(frozen=True)
class Region:
    kind: RegionKind
    start: int
    end: int


class PageDateOrigin(StrEnum):
    """Where a page's own date came from, besides its text (header and dateline are claims)."""

    FETCHED_AT = "fetched_at"  # the crawler's save time (a manifest or record field)
    PUBLISHED = "published"  # a publication date the crawl record carries
    HTML_METADATA = "html_metadata"  # article:published_time, JSON-LD datePublished, <time>
    URL = "url"  # /2025/07/15/, 20250715, /2024/12/


@dataclass(frozen=True)
class PageDate:
    """A date the crawl gives for a page, before its text is read."""

    value: str  # ISO: "2025-07-15", or "2024-12" when only the month is known
    origin: PageDateOrigin
    confidence: float  # how sure it is the day (or month) the page was published
    evidence: str  # what it was read from: the URL, the metadata value, the field

    @property
    def precision(self) -> str:
        return "day" if len(self.value) == 10 else "month"


@dataclass(frozen=True)
class Page:
    """One crawled page, cleaned and split into regions.

    ``text`` is what every offset points into: the file itself for text pages, the visible
    text for HTML pages (one block element a line; ``raw`` keeps the HTML as given).
    """

    id: str
    text: str
    regions: tuple[Region, ...]
    lang: str = "und"
    source: str | None = None
    url: str | None = None
    fetched_at: str | None = None  # ISO 8601 as the crawler gave it
    # When the page says it was published, as its source gave it (a manifest, CSV or JSON
    # "published" or "date" field); None when the input has no such field.
    published: str | None = None
    path: Path | None = None
    format: str = "txt"  # "txt" | "html"
    raw: str | None = None
    # For HTML pages: 1-based line in ``raw`` of each line of ``text`` (for CI annotations).
    raw_lines: tuple[int, ...] = ()
    crawl_dates: tuple[PageDate, ...] = ()  # best first; see ingest.crawl_dates

    def regions_of(self, kind: RegionKind) -> list[Region]:
        return [region for region in self.regions if region.kind == kind]

    def region_at(self, offset: int) -> RegionKind:
        for region in self.regions:
            if region.start <= offset < region.end:
                return region.kind
        return RegionKind.BOILERPLATE

    def readable_regions(self) -> list[Region]:
        """Regions later stages may read: everything but boilerplate."""
        return [region for region in self.regions if region.kind in READABLE_REGIONS]

    def region_text(self, region: Region) -> str:
        return self.text[region.start : region.end]

    def line_of(self, offset: int) -> int:
        """1-based line of ``offset`` in the file the user gave (raw HTML line for HTML)."""
        text_line = self.text.count("\n", 0, offset)
        if self.raw_lines and text_line < len(self.raw_lines):
            return self.raw_lines[text_line]
        return text_line + 1


@dataclass(frozen=True)
class PageError:
    """A page that could not be read: reported, never fatal to the run."""

    source: str  # file path, or "file.jsonl:LINE"
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class ClaimKind(StrEnum):
    DATE = "date"
    PERSON = "person"
    PLACE = "place"
    ORG = "org"
    QUOTE = "quote"
    NUMBER = "number"


@dataclass(frozen=True)
class Claim:
    """One statement found on a page, with its evidence span.

    ``normalized`` is the comparable value (an ISO date, a canonical entity name, a number);
    ``details`` holds what a kind needs besides (calendar, bounds, speaker, ...), JSON-able.
    ``slot`` says what the claim is about when the extractor knows ("page_date",
    "event_date", "participant", ...); reconcile aligns claims on it.
    """

    kind: ClaimKind
    page_id: str
    start: int
    end: int
    text: str
    region: RegionKind
    normalized: str
    confidence: float
    slot: str = ""
    anchor: str | None = None  # what a relative or partial value was resolved against
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Event:
    id: str
    page_ids: tuple[str, ...]
    date: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()


class ConflictKind(StrEnum):
    CALENDAR_MISMATCH = "calendar_mismatch"
    WEEKDAY_MISMATCH = "weekday_mismatch"
    EVENT_DATE = "event_date"
    LOCATION = "location"
    PARTICIPANTS = "participants"
    QUOTE = "quote"
    NUMBER = "number"


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    page_ids: tuple[str, ...]  # every page that states the slot, agreeing ones included
    claims: tuple[Claim, ...]  # the evidence from every side
    confidence: float
    explanation: str  # one sentence
    event_id: str | None = None  # None for an in-page conflict of a page in no event


@dataclass(frozen=True)
class Result:
    pages: tuple[Page, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    conflicts: tuple[Conflict, ...]
    errors: tuple[PageError, ...] = ()

    def page(self, page_id: str) -> Page:
        for page in self.pages:
            if page.id == page_id:
                return page
        raise KeyError(page_id)

    def claims_of(self, page_id: str) -> list[Claim]:
        return [claim for claim in self.claims if claim.page_id == page_id]

"""The records that flow through the pipeline: pages → claims → events → conflicts.

Every stage takes and returns these frozen dataclasses; nothing else crosses a package
boundary. Character offsets always index ``Page.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TypeVar


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

    @property
    def span(self) -> tuple[date, date]:
        """The first and last day the date may be: one day, or its whole month."""
        if self.precision == "day":
            day = date.fromisoformat(self.value)
            return day, day
        year, month = (int(part) for part in self.value.split("-"))
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)


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


class Slot(StrEnum):
    """What a claim is about, the same for every kind that can have it."""

    DATE = "date"  # a date the page names
    PAGE_DATE = "page_date"  # the day the page was published
    EVENT_DATE = "event_date"  # the day of the page's event
    PARTICIPANT = "participant"  # a person who took part (or was to, and did not)
    MENTIONED = "mentioned"  # a person or organisation only named
    PLACE = "place"  # the place of the page's event
    MENTIONED_PLACE = "mentioned_place"
    QUOTE = "quote"
    QUANTITY = "quantity"  # a number; ``NumberValue.quantity`` says what it counts


#: The JSON form of a claim value (the report's ``details``): JSON scalars, lists and maps.
JSONValue = str | int | float | bool | None | list["JSONValue"] | dict[str, "JSONValue"]


class DatePrecision(StrEnum):
    """How much of a day a date claim pins down."""

    DAY = "day"
    WEEK = "week"  # an ISO week ("2025-W28": "next week")
    MONTH = "month"
    YEAR = "year"
    WEEKDAY = "weekday"  # a weekday with nothing to count it from
    PARTIAL = "partial"  # a day and month, or a relative word, that could not be resolved


@dataclass(frozen=True)
class DateValue:
    """A date as written and as read: its calendar, how precise, and what it was counted
    from. ``Claim.normalized`` holds the ISO form ("2025-07-15", "2025-W28", "2025-07",
    "2025", "--07-15", or "" unresolved); ``Claim.anchor`` what a relative or partial date
    was resolved against ("header", "dateline", a crawl date's origin, "weekday")."""

    precision: DatePrecision
    calendar: str  # "gregorian", "bangabda", "bangabda_wb", "hijri", "bikram_sambat", ...
    tolerance_days: int  # how far two rules of the calendar may put one date apart
    group: int  # dates written as one day ("২৪শে অগ্রহায়ণ | 9 December") share it
    # The date in its own calendar (year, month, day), year None when not written; None for
    # a Gregorian date.
    native: tuple[int | None, int, int] | None = None
    candidates: tuple[str, ...] = ()  # every Gregorian reading of a non-Gregorian date
    weekday: int | None = None  # the weekday the text states, 0 = Monday
    relative: str = ""  # "yesterday", "last", "this", "next" (a day still to come), or ""
    shift: tuple[int, str] | None = None  # "3 days ago": (-3, "day"), counted from the anchor
    ambiguous_order: bool = False  # "03/04/2025": day and month could be either way round
    time: str = ""  # "22:19", the local time stated
    tz: str = ""  # "+05:30", the zone stated
    utc: str = ""  # "2025-07-17T04:10Z" when a day, time and zone are all stated

    def to_details(self) -> dict[str, JSONValue]:
        details: dict[str, JSONValue] = {
            "precision": str(self.precision),
            "calendar": self.calendar,
            "tolerance_days": self.tolerance_days,
            "group": self.group,
        }
        stated: dict[str, JSONValue] = {
            "native": None if self.native is None else list(self.native),
            "candidates": list(self.candidates) or None,
            "weekday": self.weekday,
            "relative": self.relative or None,
            "shift": None if self.shift is None else list(self.shift),
            "ambiguous_order": self.ambiguous_order or None,
            "time": self.time or None,
            "tz": self.tz or None,
            "utc": self.utc or None,
        }
        return details | {key: value for key, value in stated.items() if value is not None}


@dataclass(frozen=True)
class NumberValue:
    """A number as bounds, and what it counts."""

    value: float
    low: float | None  # None: unbounded ("more than 300")
    high: float | None
    bound: str  # "exact", "around", "below", "at_least", "above", "at_most", "under"
    quantity: str  # "deaths", "magnitude", "distance:km", or "count:<noun>"
    unit: str
    ordinal: bool
    scope: str  # "previous", a past year, or ""
    keyed: bool  # the quantity comes from the lexicon, not from the noun as written
    qualified: bool  # a part of something unnamed ("5-member"): of what, unknown
    next_word: str  # the word after the evidence ("two foreign ministers": "ministers")

    def to_details(self) -> dict[str, JSONValue]:
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "approx": self.bound != "exact",
            "bound": self.bound,
            "quantity": self.quantity,
            "unit": self.unit,
            "ordinal": self.ordinal,
            "scope": self.scope,
            "keyed": self.keyed,
            "qualified": self.qualified,
            "next_word": self.next_word,
        }


@dataclass(frozen=True)
class QuotedNumber:
    """A quantity a quote states, as bounds (the first value of each quantity)."""

    quantity: str
    ordinal: bool
    low: float | None
    high: float | None

    def to_details(self) -> dict[str, JSONValue]:
        return {
            "quantity": self.quantity,
            "ordinal": self.ordinal,
            "low": self.low,
            "high": self.high,
        }


@dataclass(frozen=True)
class QuoteValue:
    """Who said it and what the quote comparator needs of it."""

    speaker_surface: str  # the speaker as written ("" when unattributed)
    direct: bool  # in quotation marks, not reported speech
    style: str  # the quotation marks used
    negated: bool
    numbers: tuple[QuotedNumber, ...]
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_pronoun: str = ""  # "he": the speaker was resolved from a pronoun
    speaker: str = ""  # the speaker's canonical name across pages (set by entity resolution)

    def to_details(self) -> dict[str, JSONValue]:
        details: dict[str, JSONValue] = {
            "speaker_surface": self.speaker_surface,
            "direct": self.direct,
            "style": self.style,
            "negated": self.negated,
            "quantities": [number.to_details() for number in self.numbers],
        }
        if self.speaker_start is not None:
            details["speaker_start"] = self.speaker_start
            details["speaker_end"] = self.speaker_end
        if self.speaker_pronoun:
            details["speaker_pronoun"] = self.speaker_pronoun
        if self.speaker:
            details["speaker"] = self.speaker
        return details


def _named(surface: str, cue: str, role: str, latin: str, entity_id: str) -> dict[str, JSONValue]:
    """The details every name claim has: as written, how it was found, its title, its
    Latin form, its id across pages."""
    details: dict[str, JSONValue] = {"surface": surface, "cue": cue}
    if role:
        details["role"] = role
    if latin:
        details["latin"] = latin
    if entity_id:
        details["entity_id"] = entity_id
    return details


@dataclass(frozen=True)
class PersonValue:
    """A person on one page and what they do in its event."""

    surface: str  # the name in its own script, case endings removed
    cue: str  # how it was found: title, speech, alias, recurrence, meeting, ...
    role: str  # the title or role before the name ("Foreign Minister")
    latin: str  # a Latin spelling the page gives ("শি জিনপিং (Xi Jinping)")
    entity: str  # the page's entity id: every mention of one person shares it
    full_name: str  # the fullest name the page uses for them
    status: str  # "present", "absent", "replaced" or "mentioned"
    substitute: bool  # stood in for someone ("instead, his deputy …")
    entity_id: str = ""  # the same person on every page (set by entity resolution)

    def to_details(self) -> dict[str, JSONValue]:
        substitute: dict[str, JSONValue] = {"substitute": True} if self.substitute else {}
        return {
            **substitute,
            "entity": self.entity,
            "full_name": self.full_name,
            "status": self.status,
            **_named(self.surface, self.cue, self.role, self.latin, self.entity_id),
        }


@dataclass(frozen=True)
class PlaceValue:
    surface: str
    cue: str  # locative, dateline, mention, virtual
    level: str  # "city", "region", "country", "place", "venue", "virtual"
    country: str  # the country it is in ("" when not known)
    settlement: bool  # named with a settlement word ("the town of …")
    latin: str = ""
    entity_id: str = ""  # the same place on every page (set by entity resolution)

    def to_details(self) -> dict[str, JSONValue]:
        settlement: dict[str, JSONValue] = {"settlement": True} if self.settlement else {}
        return {
            **settlement,
            "level": self.level,
            "country": self.country,
            **_named(self.surface, self.cue, "", self.latin, self.entity_id),
        }


@dataclass(frozen=True)
class OrgValue:
    surface: str
    cue: str
    latin: str = ""

    def to_details(self) -> dict[str, JSONValue]:
        return _named(self.surface, self.cue, "", self.latin, "")


#: What a claim states, one typed value class per kind.
ClaimValue = DateValue | NumberValue | QuoteValue | PersonValue | PlaceValue | OrgValue


V = TypeVar("V", DateValue, NumberValue, QuoteValue, PersonValue, PlaceValue, OrgValue)


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
    ``value`` the typed rest of what the claim states (``DateValue`` for a date,
    ``NumberValue`` for a number, ...: calendar, bounds, speaker, ...); its ``to_details()``
    is the JSON form the reports show. ``slot`` says what the claim is about when the
    extractor knows ("page_date", "event_date", "participant", ...); reconcile aligns claims
    on it.
    """

    kind: ClaimKind
    page_id: str
    start: int
    end: int
    text: str
    region: RegionKind
    normalized: str
    confidence: float
    slot: str = ""  # a ``Slot`` (plain strings are read the same)
    anchor: str | None = None  # what a relative or partial value was resolved against
    value: ClaimValue = field(kw_only=True)

    def typed(self, kind: type[V]) -> V:
        """The typed value, which must be a ``kind`` (TypeError names the page otherwise)."""
        if not isinstance(self.value, kind):
            raise TypeError(f"{self.page_id}: a {self.kind} claim has no {kind.__name__}")
        return self.value

    @property
    def date(self) -> DateValue:
        return self.typed(DateValue)

    @property
    def number(self) -> NumberValue:
        return self.typed(NumberValue)

    @property
    def quote(self) -> QuoteValue:
        return self.typed(QuoteValue)

    @property
    def person(self) -> PersonValue:
        return self.typed(PersonValue)

    @property
    def place(self) -> PlaceValue:
        return self.typed(PlaceValue)

    @property
    def org(self) -> OrgValue:
        return self.typed(OrgValue)

    @classmethod
    def of(
        cls,
        value: ClaimValue,
        *,
        kind: ClaimKind,
        page_id: str,
        start: int,
        end: int,
        text: str,
        region: RegionKind,
        normalized: str,
        confidence: float,
        slot: Slot,
    ) -> Claim:
        """A claim built value first (the extractors' form)."""
        return cls(
            kind=kind,
            page_id=page_id,
            start=start,
            end=end,
            text=text,
            region=region,
            normalized=normalized,
            confidence=confidence,
            slot=slot,
            value=value,
        )


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

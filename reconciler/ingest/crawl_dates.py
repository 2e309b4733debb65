"""The dates a crawl gives for a page before its text is read: the save time, a publication
field, the HTML's metadata and the URL. None found means none: nothing is invented.

HTML metadata (``article:published_time``, JSON-LD ``datePublished``, ``<time>``...) is read
by htmldate, restricted to markup (its opportunistic text search would read the article's
own dates, which the date claims handle with their evidence). URLs are read here: htmldate
reads only ``Y/M/D`` with separators, while news sites also write ``20241204`` (alone or at
the head of a longer article number) and ``/2024/12/`` (month only).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from reconciler.records import Page, PageDate, PageDateOrigin

log = logging.getLogger("reconciler")


@dataclass(frozen=True)
class CrawlDateSettings:
    # Confidence that each origin is the page's publication day. Not fitted to any data set:
    # an order of trust. Markup and separated URL dates are written by the publisher's CMS
    # for this article; a bare 8-digit run is nearly always a date but can be an id; an id
    # that merely starts with a valid date is weaker; the save time can lag publication.
    html_metadata: float = 0.9
    published_field: float = 0.9
    url_separated: float = 0.9
    url_compact: float = 0.8
    url_id_prefix: float = 0.6
    url_month: float = 0.8
    fetched_at: float = 0.85  # as the date claims trusted the crawl time before
    earliest_year: int = 1990  # news archives on the web start in the 1990s
    # Nothing is published after it was saved, nor after today: a later "date" is another
    # calendar's (Nepali sites put Bikram Sambat dates, 2080/07/18, in their URLs) or no date.
    # A day of slack for time zones.
    slack_days: int = 1


_SEPARATED = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")
_ID_PREFIX = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)\d{1,12}(?!\d)")
_MONTH = re.compile(r"/((?:19|20)\d\d)[/_-](\d{1,2})(?:/|$)")


@dataclass(frozen=True)
class _Bounds:
    earliest: date
    latest: date

    def admit(self, day: date) -> date | None:
        return day if self.earliest <= day <= self.latest else None


def crawl_dates(
    *,
    url: str | None,
    html: str | None,
    fetched_at: str | None,
    published: str | None = None,
    today: date | None = None,
    settings: CrawlDateSettings | None = None,
) -> tuple[PageDate, ...]:
    """Every date the crawl gives, most trusted first; ``today`` (default: the clock's)
    bounds them from above."""
    settings = settings or CrawlDateSettings()
    slack = timedelta(days=settings.slack_days)
    now = _Bounds(date(settings.earliest_year, 1, 1), (today or date.today()) + slack)
    saved = _field_date(fetched_at, PageDateOrigin.FETCHED_AT, settings.fetched_at, now)
    bounds = _Bounds(now.earliest, date.fromisoformat(saved[0].value) + slack) if saved else now
    found = [
        *_field_date(published, PageDateOrigin.PUBLISHED, settings.published_field, bounds),
        *_html_date(html, settings, bounds),
        *_url_dates(url, settings, bounds),
        *saved,
    ]
    return tuple(sorted(found, key=lambda item: -item.confidence))


def of_page(page: Page) -> tuple[PageDate, ...]:
    """The page's crawl dates: those ingest found, or, for a page built by hand rather than
    read by ingest, those its URL and save time give."""
    if page.crawl_dates:
        return page.crawl_dates
    return crawl_dates(
        url=page.url, html=None, fetched_at=page.fetched_at, published=page.published
    )


def _field_date(
    value: str | None, origin: PageDateOrigin, confidence: float, bounds: _Bounds
) -> list[PageDate]:
    day = _iso_day(value, bounds) if value else None
    return [PageDate(day.isoformat(), origin, confidence, value or "")] if day else []


def _html_date(html: str | None, settings: CrawlDateSettings, bounds: _Bounds) -> list[PageDate]:
    if not html:
        return []
    from htmldate import find_date  # imported on first HTML page: it loads lxml and dateparser

    try:
        value = find_date(
            html,
            extensive_search=False,
            original_date=True,
            min_date=bounds.earliest.isoformat(),
            max_date=bounds.latest.isoformat(),
        )
    except ValueError as error:  # htmldate raises on markup it cannot parse
        log.debug("no HTML date: %s", error)
        return []
    day = _iso_day(value, bounds) if value else None
    if day is None:
        return []
    iso = day.isoformat()
    return [PageDate(iso, PageDateOrigin.HTML_METADATA, settings.html_metadata, iso)]


def _url_dates(url: str | None, settings: CrawlDateSettings, bounds: _Bounds) -> list[PageDate]:
    """The first date the URL's path gives, in its strongest form; a month alone only when
    the path writes no day (a day ruled out by the bounds rules out its month too)."""
    if not url:
        return []
    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE)
    if _SEPARATED.search(path):
        return _url_day(url, path, settings, bounds)
    return _url_day(url, path, settings, bounds) or _url_month(url, path, settings, bounds)


def _url_day(url: str, path: str, settings: CrawlDateSettings, bounds: _Bounds) -> list[PageDate]:
    for pattern, confidence in (
        (_SEPARATED, settings.url_separated),
        (_COMPACT, settings.url_compact),
        (_ID_PREFIX, settings.url_id_prefix),
    ):
        for match in pattern.finditer(path):
            day = _day(int(match[1]), int(match[2]), int(match[3]), bounds)
            if day is not None:
                return [PageDate(day.isoformat(), PageDateOrigin.URL, confidence, url)]
    return []


def _url_month(url: str, path: str, settings: CrawlDateSettings, bounds: _Bounds) -> list[PageDate]:
    for match in _MONTH.finditer(path):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12 and bounds.admit(date(year, month, 1)):
            month_value = f"{year:04d}-{month:02d}"
            return [PageDate(month_value, PageDateOrigin.URL, settings.url_month, url)]
    return []


def _iso_day(value: str, bounds: _Bounds) -> date | None:
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return bounds.admit(day)


def _day(year: int, month: int, day: int, bounds: _Bounds) -> date | None:
    try:
        return bounds.admit(date(year, month, day))
    except ValueError:
        return None

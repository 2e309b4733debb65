"""The dates a crawl gives for a page: URL forms news sites use, HTML metadata, record fields."""

from __future__ import annotations

from datetime import date

import pytest

from reconciler import ingest
from reconciler.claims.dates import extract, page_event_date
from reconciler.ingest.crawl_dates import CrawlDateSettings, crawl_dates
from reconciler.records import Page, PageDateOrigin, Region, RegionKind


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://example.org/2025/07/15/talks-end", "2025-07-15"),
        ("https://example.org/news/2024-8-5-flight", "2024-08-05"),
        ("https://example.org/local/20241030/10064947/story", "2024-10-30"),
        ("https://example.org/article/202412040407001", "2024-12-04"),
        ("https://example.org/stories/world/2024/12/528198_5.php", "2024-12"),
        ("https://example.org/2025/09/9625", "2025-09"),
    ],
)
def test_a_date_in_the_url_path_is_read_in_the_forms_news_sites_write(url, value) -> None:
    (found,) = crawl_dates(url=url, html=None, fetched_at=None)
    assert (found.value, found.origin) == (value, PageDateOrigin.URL)
    assert found.precision == ("day" if len(value) == 10 else "month")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/node/1438361",  # an article number, no date
        "https://example.org/news/2025/13/40/x",  # no such month
        "https://example.org/p/20251341",  # eight digits that are no date
        "https://2024-05-06.example.org/story",  # the host is not the path
        "https://example.org/archives/17105",
    ],
)
def test_numbers_in_a_url_that_are_no_date_give_none(url) -> None:
    assert crawl_dates(url=url, html=None, fetched_at=None) == ()


def test_separated_url_dates_outrank_an_id_that_merely_starts_like_one() -> None:
    settings = CrawlDateSettings()
    (separated,) = crawl_dates(url="https://e.org/2024/12/04/x", html=None, fetched_at=None)
    (prefixed,) = crawl_dates(url="https://e.org/a/202412040407001", html=None, fetched_at=None)
    assert separated.confidence == settings.url_separated > prefixed.confidence


def test_html_metadata_publication_time_is_read_and_ranked_with_its_origin() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2024-03-23T10:00:00+03:00">'
        "</head><body><h1>Headline</h1><p>Body text of the article.</p></body></html>"
    )
    found = crawl_dates(
        url="https://e.org/news/story", html=html, fetched_at="2024-04-02T08:00:00Z"
    )
    assert [(item.value, item.origin) for item in found] == [
        ("2024-03-23", PageDateOrigin.HTML_METADATA),
        ("2024-04-02", PageDateOrigin.FETCHED_AT),
    ]


def test_no_date_anywhere_means_none_not_an_invented_one() -> None:
    assert crawl_dates(url=None, html="<p>no dates here</p>", fetched_at=None) == ()
    assert crawl_dates(url="https://e.org/a/b", html=None, fetched_at="not a date") == ()


def test_ingest_puts_the_crawl_dates_on_the_page() -> None:
    (page,) = ingest.load(
        [{"id": "u", "text": "Headline\nBody.", "url": "https://e.org/2025/05/10/x"}]
    ).pages
    assert [item.value for item in page.crawl_dates] == ["2025-05-10"]


def _page(text: str, url: str) -> Page:
    return Page(id="p", text=text, regions=(Region(RegionKind.BODY, 0, len(text)),), url=url)


def test_a_url_date_anchors_a_weekday_when_the_record_has_no_fetched_at() -> None:
    text = "The ministry said the talks ended on Friday after two days in the capital."
    page = _page(text, "https://e.org/world/2025/05/10/talks")  # a Saturday
    chosen = page_event_date(page, extract(page))
    assert chosen is not None and chosen.normalized == "2025-05-09"
    assert chosen.anchor == "url"


def test_a_month_only_url_gives_a_year_to_a_day_and_month_but_no_weekday() -> None:
    dated = _page("The assembly voted on 3 December to lift the decree.", "https://e.org/2024/12/")
    assert any(claim.normalized == "2024-12-03" for claim in extract(dated))
    weekday = _page("The assembly voted on Tuesday to lift the decree.", "https://e.org/2024/12/")
    assert not any(len(claim.normalized) == 10 for claim in extract(weekday))


def test_no_crawl_date_lies_after_the_page_was_saved_or_after_today() -> None:
    # Nepali sites put Bikram Sambat dates in their URLs: 2080/07/18 is no Gregorian date.
    bikram_sambat = "https://e.org/news/2080/07/18/story"
    assert crawl_dates(url=bikram_sambat, html=None, fetched_at=None, today=date(2026, 1, 1)) == ()
    saved = crawl_dates(
        url="https://e.org/2024/05/20/x", html=None, fetched_at="2024-05-10T08:00:00Z"
    )
    assert [item.origin for item in saved] == [PageDateOrigin.FETCHED_AT]


def test_a_published_field_is_a_crawl_date_of_its_own() -> None:
    (page,) = ingest.load(
        [{"id": "p", "text": "Headline\nBody.", "published": "2024-03-23", "fetched_at": None}]
    ).pages
    assert [(item.value, item.origin) for item in page.crawl_dates] == [
        ("2024-03-23", PageDateOrigin.PUBLISHED)
    ]

"""Pages with no day to count from still date what they report: the year of a day-month from
the page's own newest absolute date, a bare weekday from the page's stated day with that
weekday, the earliest of disagreeing page dates as the anchor, ranges that agree with each of
their days; and the event's date bounded by its pages' publication. Pages written here."""

from __future__ import annotations

from datetime import date

from reconciler.claims.dates import extract, page_event_date, page_published_by
from reconciler.reconcile import EventContext
from reconciler.reconcile.dates import event_date
from reconciler.records import Event, Page, Region, RegionKind


def _page(
    body: str,
    header: str = "",
    page_id: str = "p",
    lang: str = "en",
    url: str | None = None,
) -> Page:
    text = header + body
    regions = [Region(RegionKind.BODY, len(header), len(text))]
    if header:
        regions.insert(0, Region(RegionKind.HEADER, 0, len(header)))
    return Page(id=page_id, text=text, regions=tuple(regions), lang=lang, url=url)


def _values(page: Page) -> dict[str, str]:
    return {claim.text: claim.normalized for claim in extract(page)}


def test_a_day_month_takes_its_year_from_the_newest_absolute_date_of_the_page() -> None:
    page = _page(
        "The council first met on 3 March 2019 and again on 12 January 2021. "
        "On 9 June the council voted to close the old bridge.\n"
    )
    assert _values(page)["9 June"] == "2021-06-09"


def test_without_any_absolute_date_a_day_month_stays_partial() -> None:
    page = _page("On 9 June the council voted to close the old bridge.\n")
    assert _values(page)["9 June"] == "--06-09"


def test_a_year_alone_gives_no_year_to_a_day_month() -> None:
    # "since 2014" is background: the current year is the one news leaves out
    page = _page("The bridge, closed since 2014, reopened on 9 June after repairs.\n")
    assert _values(page)["9 June"] == "--06-09"


def test_a_bare_weekday_is_the_day_the_page_states_with_that_weekday() -> None:
    page = _page(
        "Thousands gathered in the square on Thursday. The new cabinet was sworn in on "
        "Thursday, 8 August 2024, before a crowd of officials.\n"
    )
    chosen = page_event_date(page, extract(page))
    assert chosen is not None and chosen.normalized == "2024-08-08"
    assert _values(page)["Thursday"] == "2024-08-08"


def test_the_earliest_of_disagreeing_page_dates_anchors_relative_words() -> None:
    # The site's clock in the header (a year later) and the article's own date line.
    header = "Friday, 24 January 2025\n5 August 2024, 04:08 PM\n"
    page = _page("The prime minister resigned today and left the capital.\n", header)
    chosen = page_event_date(page, extract(page))
    assert chosen is not None and chosen.normalized == "2024-08-05"


def test_a_range_agrees_with_each_of_its_days() -> None:
    page = _page("The strikes came on the night of May 6-7, 2025, near the border.\n")
    (claim,) = (claim for claim in extract(page) if claim.text.startswith("May"))
    assert claim.normalized == "2025-05-06"
    assert claim.date.tolerance_days == 1


def _context(*pages: Page) -> EventContext:
    return EventContext(
        event=Event(id="e", page_ids=tuple(page.id for page in pages)),
        pages={page.id: page for page in pages},
        claims={page.id: tuple(extract(page)) for page in pages},
    )


def test_the_event_date_is_no_later_than_its_pages_were_published() -> None:
    first = _page(
        "Floods swept the valley on 29 October 2024, the regional government said.\n",
        page_id="first",
        url="https://news.example/2024/10/30/floods-valley",
    )
    follow_up = _page(
        "Volunteers returned to the valley on 14 November 2024 to clear the streets.\n",
        page_id="later",
        url="https://news.example/2024/11/15/volunteers",
    )
    assert page_published_by(first, extract(first)) == date(2024, 10, 30)
    assert event_date(_context(first, follow_up)) == "2024-10-29"


def test_an_event_no_page_dates_is_dated_by_its_first_publication() -> None:
    undated = _page(
        "The assembly passed the motion after a long debate.\n",
        header="14 December 2024\n",
        page_id="undated",
    )
    assert page_event_date(undated, extract(undated)) is None
    assert event_date(_context(undated)) == "2024-12-14"

"""Date claims: every date, weekday, relative date and time a page states, in any of its
calendars, resolved to a Gregorian day against the page's own date.

Slots: "page_date" (the header date line, the dateline timestamp), "event_date" (the body
date that dates the reported event, see ``page_event_date``), "date" (any other).
Each claim's value is a ``DateValue``: calendar, precision, stated weekday, group (dates
meant as the same day share it), time and zone, relative words, Gregorian readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import regex

from reconciler.calendars import to_gregorian, tolerance_days
from reconciler.claims.dates.finder import Atom, DateParts, Expression, expressions
from reconciler.claims.dates.lexicon import fold, patterns
from reconciler.claims.dates.locales import Shift
from reconciler.claims.dates.resolve import Anchor, Resolved, resolve
from reconciler.claims.dates.settings import SETTINGS
from reconciler.ingest import crawl_dates
from reconciler.records import Claim, ClaimKind, DatePrecision, Page, RegionKind
from reconciler.text import CLAUSE_BREAK, SENTENCE_BREAK, clause_window, enclosing

__all__ = ["extract", "page_event_date", "page_published_by"]

_TRUST = {"header": SETTINGS.header_trust, "dateline": SETTINGS.dateline_trust}
_RECENT = timedelta(days=SETTINGS.recent_days)
_EVENT_REGIONS = (RegionKind.BODY, RegionKind.DATELINE, RegionKind.HEADLINE)
_DATELINE_DASH = regex.compile(r"\s*[-–—:]\s")


@dataclass(frozen=True)
class _Found:
    expression: Expression
    region: RegionKind
    offset: int
    is_page_date: bool

    @property
    def start(self) -> int:
        return self.offset + self.expression.start

    @property
    def end(self) -> int:
        return self.offset + self.expression.end

    @property
    def group(self) -> int:
        return self.offset + self.expression.group


def extract(page: Page) -> list[Claim]:
    """Date claims of the page's header, headline, dateline and body (never boilerplate)."""
    try:
        found = _find(page)
        anchor = _page_anchor(page, found)
        claims = [_claim(page, item, anchor) for item in found]
        claims = _weekdays_on_stated_days(
            page, found, _years_completed(page, found, claims, anchor)
        )
        claims = _west_bengal_where_it_fits(claims)
        # "this year" with no page date to count from states nothing
        claims = [claim for claim in claims if claim.normalized or claim.date.shift is None]
        chosen = _choose_event_date(page.text, claims, anchor.day if anchor is not None else None)
    except (ValueError, OverflowError):  # a day beyond datetime's range: odd text, no dates
        return []
    return [
        replace(claim, slot="event_date", confidence=chosen.confidence)
        if chosen is not None and (claim.start, claim.end) == (chosen.start, chosen.end)
        else claim
        for claim in claims
    ]


def _years_completed(
    page: Page, found: list[_Found], claims: list[Claim], anchor: Anchor | None
) -> list[Claim]:
    """Day-months of a page with no day to count from, given a year: from the newest
    absolute date the page states, else from a stated weekday."""
    if anchor is not None:
        return claims
    own = _own_year_anchor(claims)
    bound = _publication_bound(page)
    completed = []
    for item, claim in zip(found, claims, strict=True):
        parts = _day_month(item, claim)
        if parts is not None and own is not None:
            claim = _claim(page, item, own)
        elif parts is not None and parts.calendar == "gregorian":
            weekday = item.expression.first("weekday")
            day = _year_by_stated_weekday(parts, weekday, bound)
            if day is not None:
                claim = _claim(
                    page, item, Anchor(day, "weekday", SETTINGS.weekday_year_trust, False)
                )
        completed.append(claim)
    return completed


def _day_month(item: _Found, claim: Claim) -> DateParts | None:
    """The date of an unresolved day and month without a year ("9 June", "۷ تیر")."""
    atom = item.expression.first("date")
    if claim.date.precision != DatePrecision.PARTIAL or atom is None or atom.date is None:
        return None
    parts = atom.date
    return parts if parts.year is None and None not in (parts.month, parts.day) else None


def _own_year_anchor(claims: list[Claim]) -> Anchor | None:
    """The year of the newest absolute day the page states. A year alone is no such anchor:
    news leaves the current year out and writes the years of its background ("since
    2014")."""
    days = [
        date.fromisoformat(claim.normalized)
        for claim in claims
        if claim.anchor is None and _is_day(claim)
    ]
    if not days:
        return None
    # Its year's last day: every day-month of that year lies before it, none of the next.
    last_day = date(max(days).year, 12, 31)
    return Anchor(last_day, "page_text", SETTINGS.own_date_trust, day_known=False)


def _publication_bound(page: Page) -> date:
    """The last day the page may have been published: its crawl dates' latest, or today."""
    spans = [crawl.span[1] for crawl in crawl_dates.of_page(page)]
    return min(spans) if spans else date.today()


def _year_by_stated_weekday(parts: DateParts, weekday: Atom | None, bound: date) -> date | None:
    """The latest day of ``parts``' month and day, not after ``bound``, on the stated
    weekday."""
    if weekday is None or weekday.weekday is None or parts.month is None or parts.day is None:
        return None
    for year in range(bound.year, bound.year - SETTINGS.weekday_cycle_years, -1):
        try:
            found = date(year, parts.month, parts.day)
        except ValueError:
            continue
        if found <= bound and found.weekday() == weekday.weekday:
            return found
    return None


def _weekdays_on_stated_days(page: Page, found: list[_Found], claims: list[Claim]) -> list[Claim]:
    """A bare weekday ("on Thursday") is the day the page states with that weekday
    ("Thursday (8 August)", "4 September 2025" when a Thursday), when it states one such
    day: the page has said which Thursday it means."""
    stated: dict[int, set[date]] = {}
    for item, claim in zip(found, claims, strict=True):
        if item.expression.first("date") is not None and _is_day(claim):
            day = date.fromisoformat(claim.normalized)
            written = item.expression.first("weekday")
            if claim.anchor is None or (written is not None and written.weekday == day.weekday()):
                stated.setdefault(day.weekday(), set()).add(day)
    completed = []
    for item, claim in zip(found, claims, strict=True):
        weekday = _bare_weekday(item.expression)
        days = stated.get(weekday, set()) if weekday is not None else set()
        if len(days) == 1:
            (day,) = days
            if claim.normalized != day.isoformat():
                claim = _claim(page, item, Anchor(day, "stated_weekday", SETTINGS.own_date_trust))
        completed.append(claim)
    return completed


def _bare_weekday(expression: Expression) -> int | None:
    """The weekday of an expression that names nothing else ("on Thursday", "اليوم السبت")."""
    weekday = expression.first("weekday")
    shift = expression.first("shift")
    if (
        weekday is None
        or expression.first("date") is not None
        or expression.first("yesterday") is not None
        or expression.first("relative") is not None
        or expression.future
        or (shift is not None and shift.shift != Shift(0, "day"))
    ):
        return None
    return weekday.weekday


def _west_bengal_where_it_fits(claims: list[Claim]) -> list[Claim]:
    """A Bangabda date written beside a Gregorian one that it matches by the West Bengal
    calendar but not by the Bangladesh rule is a West Bengal date."""
    gregorian_by_group = {
        claim.date.group: claim.normalized
        for claim in claims
        if claim.date.calendar == "gregorian" and claim.date.precision == DatePrecision.DAY
    }
    settled = []
    for claim in claims:
        written = gregorian_by_group.get(claim.date.group)
        year, month, day = claim.date.native or (None, 0, 0)
        if claim.date.calendar == "bangabda" and written and year is not None:
            west_bengal = to_gregorian("bangabda_wb", year, month, day)
            if west_bengal is not None and west_bengal.isoformat() == written != claim.normalized:
                value = replace(
                    claim.date,
                    calendar="bangabda_wb",
                    tolerance_days=tolerance_days("bangabda_wb"),
                )
                claim = replace(claim, normalized=written, value=value)
        settled.append(claim)
    return settled


def page_event_date(page: Page, claims: Sequence[Claim]) -> Claim | None:
    """The page's best claim for the date of the event it reports: a resolved body date,
    never the page's own (header, crawl) date."""
    own = [claim for claim in claims if claim.kind == ClaimKind.DATE and claim.page_id == page.id]
    marked = next((claim for claim in own if claim.slot == "event_date"), None)
    if marked is not None:
        return marked
    page_dates = [
        claim.normalized
        for claim in sorted(own, key=lambda claim: claim.date.calendar != "gregorian")
        if claim.slot == "page_date" and _is_day(claim)
    ]
    crawled = _crawl_anchor(page)
    reference = _crawl_day(page_dates[0]) if page_dates else crawled.day if crawled else None
    return _choose_event_date(page.text, own, reference)


def page_published_by(page: Page, claims: Sequence[Claim]) -> date | None:
    """The last day the page may have been published: the earliest of its own date (header,
    dateline) and the last day of its crawl dates; None when neither is known."""
    own = [
        date.fromisoformat(claim.normalized)
        for claim in claims
        if claim.kind == ClaimKind.DATE
        and claim.page_id == page.id
        and claim.slot == "page_date"
        and claim.date.calendar == "gregorian"
        and _is_day(claim)
    ]
    crawled = [crawl.span[1] for crawl in crawl_dates.of_page(page)]
    return min(own + crawled, default=None)


def _is_day(claim: Claim) -> bool:
    return claim.date.precision == DatePrecision.DAY and len(claim.normalized) == 10


def _choose_event_date(text: str, claims: Sequence[Claim], page_day: date | None) -> Claim | None:
    """The date of the lead's main event. News states it early ("মঙ্গলবার (১৫ই জুলাই)
    সকালে", "struck ... late on Friday"), so: the first resolved day of the first dated
    sentences that is neither the filing date of a dateline ("काठमाडौं, कात्तिक १८",
    "MARRAKECH, Sept 9 -"), nor beside a reporting verb ("the ministry said on Saturday"), nor
    marked as background ("earlier", "last year"). Days well before the page's own date
    (history: "১৬ ডিসেম্বর ১৯৭১") or after it (what is to come) only when no other. When it
    passes over another day of the lead, the choice is less sure and its confidence says so
    (which weakens the date penalty in clustering)."""

    def recent(claim: Claim) -> bool:
        if page_day is None:
            return True
        day = date.fromisoformat(claim.normalized)
        return page_day - _RECENT <= day <= page_day + timedelta(days=1)

    eligible = sorted(
        (
            claim
            for claim in claims
            if claim.region in _EVENT_REGIONS
            and claim.slot != "page_date"
            and _is_day(claim)
            and claim.date.relative != "next"
        ),
        key=lambda claim: (not recent(claim), claim.start),
    )
    if not eligible:
        return None
    lead = _lead(text, [claim for claim in eligible if recent(claim)])
    for index, claim in enumerate(lead):
        later = lead[index + 1 :]
        if not _replaced(text, claim, later):
            if claim is lead[0]:
                return claim
            # The lead named another day first: the choice is less sure.
            return replace(claim, confidence=round(claim.confidence * SETTINGS.ambiguous_lead, 3))
    return lead[0] if lead else eligible[0]


def _replaced(text: str, claim: Claim, later: list[Claim]) -> bool:
    """Whether a later lead date dates the event better than ``claim``: a dateline's filing
    date or a date told beside a reporting verb gives way to an earlier day (the event came
    first) in the article's opening sentence or the report's own sentence; background
    ("earlier", "last year") to any other day."""
    kind = _aside(text, claim)
    day = claim.normalized
    plain = [other for other in later if other.normalized != day and not _aside(text, other)]
    if kind == "background":
        return bool(plain)
    if kind == "dateline":
        opening = next((other for other in later if _aside(text, other) != "dateline"), None)
        sentence = _sentence(text, opening) if opening is not None else None
    elif kind == "reported":
        sentence = _sentence(text, claim)
        opens_paragraph = sentence[0] == text.rfind("\n", 0, claim.start) + 1
        following = [other for other in later if _sentence(text, other) != sentence]
        if not opens_paragraph and following:
            # An attribution after a paragraph's opening ("..., wie das Ministerium am
            # Samstagabend mitteilte."): the next dated sentence may hold the event.
            nxt = _sentence(text, following[0])
            return any(
                other.normalized < day and _sentence(text, other) in (sentence, nxt)
                for other in plain
            )
    else:
        return False
    return any(other.normalized < day and _sentence(text, other) == sentence for other in plain)


def _sentence(text: str, claim: Claim) -> tuple[int, int]:
    return enclosing(SENTENCE_BREAK, text, claim.start, claim.end)


def _opens_dateline(text: str, claim: Claim) -> bool:
    """A date opening a clause of its line's first sentence, a dash after it: the filing date
    of a dateline written into the body ("MARRAKECH, Morocco, Sept 9 - A ...")."""
    line_start = text.rfind("\n", 0, claim.start) + 1
    clause_start, _ = enclosing(CLAUSE_BREAK, text, claim.start, claim.end)
    return (
        _sentence(text, claim)[0] <= line_start
        and not text[clause_start : claim.start].strip()
        and _DATELINE_DASH.match(text, claim.end) is not None
    )


def _lead(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims of the first SETTINGS.lead_sentences sentences that hold a date (a dateline's own
    date opens no sentence)."""
    sentences: list[tuple[int, int]] = []
    lead = []
    for claim in claims:
        span = _sentence(text, claim)
        if span not in sentences:
            if len(sentences) == SETTINGS.lead_sentences:
                break
            if claim.region != RegionKind.DATELINE:
                sentences.append(span)
        lead.append(claim)
    return lead


def _aside(text: str, claim: Claim) -> str | None:
    """The kind of aside: "dateline" (a dateline's filing date), "reported" (a date told
    beside a reporting verb), "background" (beside "earlier", "ago"), or None."""
    if claim.region == RegionKind.DATELINE or _opens_dateline(text, claim):
        return "dateline"  # "काठमाडौं, कात्तिक १८", "MARRAKECH, Morocco, Sept 9 - A ..."
    begin, end = clause_window(text, claim.start, claim.end)  # where the telling words stand
    window = fold(text[begin:end])
    if patterns().background.search(window):
        return "background"
    if patterns().reporting.search(window):
        return "reported"
    return None


def _find(page: Page) -> list[_Found]:
    article_start = _article_start(page.text)
    found: list[_Found] = []
    for region in sorted(page.readable_regions(), key=lambda region: region.start):
        text = page.region_text(region)
        region_expressions = expressions(text, page.lang)
        for expression in region_expressions:
            is_page_date = _full_date(expression) and (
                region.kind in (RegionKind.HEADER, RegionKind.DATELINE)
                or (
                    region.start + expression.start < article_start
                    and _on_date_line(text, expression, region_expressions)
                )
            )
            found.append(_Found(expression, region.kind, region.start, is_page_date))
    # A date written beside the page date ("| ২৪শে অগ্রহায়ণ", "农历六月廿一") is the page date too.
    page_groups = {item.group for item in found if item.is_page_date}
    return [replace(item, is_page_date=item.group in page_groups) for item in found]


def _article_start(text: str) -> int:
    offset = 0
    for line in text.splitlines(keepends=True):
        if len(line.strip()) >= SETTINGS.article_line:
            return offset
        offset += len(line)
    return len(text)


def _full_date(expression: Expression) -> bool:
    atom = expression.first("date")
    return (
        atom is not None
        and atom.date is not None
        and None not in (atom.date.year, atom.date.month, atom.date.day)
    )


def _on_date_line(text: str, expression: Expression, others: list[Expression]) -> bool:
    """The expression stands on a line of its own (a header or timestamp line), not in prose."""
    line_start = text.rfind("\n", 0, expression.start) + 1
    line_end = text.find("\n", expression.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = list(text[line_start:line_end])
    for other in others:
        if line_start <= other.start and other.end <= line_end:
            for index in range(other.start - line_start, other.end - line_start):
                rest[index] = " "
    return sum(char.isalpha() for char in rest) <= SETTINGS.date_line_max_letters


def _page_anchor(page: Page, found: list[_Found]) -> Anchor | None:
    """The page's own date: header date line, then dateline, then the crawl time."""
    crawled = _crawl_day(page.fetched_at)
    dated = [item for item in found if item.is_page_date]
    for gregorian_only in (True, False):
        days: list[tuple[date, str]] = []
        for item in dated:
            resolved = resolve(item.expression, None, item.group)
            if resolved.day is None or (gregorian_only and resolved.value.calendar != "gregorian"):
                continue
            if crawled is not None and resolved.day > crawled + timedelta(days=1):
                continue  # a page is not dated after it was saved: a wrong header date
            days.append((resolved.day, _anchor_source(item)))
        if days:
            # Page dates that disagree: the earliest is the publication, a later one the
            # day it was updated or the site's own clock in its header.
            day, source = min(days, key=lambda found: (found[0], found[1] != "header"))
            trust = SETTINGS.stale_header_trust if day == crawled else _TRUST[source]
            return Anchor(day, source, trust)
    return _crawl_anchor(page)


def _crawl_anchor(page: Page) -> Anchor | None:
    """The most trusted date the crawl gives (metadata, URL, save time), when the text has
    none; a month-only one anchors years, not days."""
    best = next(iter(crawl_dates.of_page(page)), None)
    if best is None:
        return None
    first, _ = best.span
    if best.precision == "day":
        return Anchor(first, str(best.origin), best.confidence)
    return Anchor(first.replace(day=15), str(best.origin), best.confidence, day_known=False)


def _anchor_source(item: _Found) -> str:
    return "header" if item.region == RegionKind.HEADER else "dateline"


def _crawl_day(fetched_at: str | None) -> date | None:
    if not fetched_at:
        return None
    try:
        return date.fromisoformat(fetched_at[:10])
    except ValueError:
        return None


def _claim(page: Page, item: _Found, anchor: Anchor | None) -> Claim:
    resolved: Resolved = resolve(item.expression, anchor, item.group)
    value = resolved.value
    atom = item.expression.first("date")
    if atom is not None and atom.date is not None and atom.date.last_day is not None:
        # A range ("the night of 6-7 May") is dated by its first day and may mean any of
        # its days: another page's day within it does not contradict it.
        span = atom.date.last_day - (atom.date.day or atom.date.last_day)
        value = replace(value, tolerance_days=max(value.tolerance_days, span))
    confidence = resolved.confidence
    if item.is_page_date and anchor is not None and anchor.trust == SETTINGS.stale_header_trust:
        confidence = min(confidence, SETTINGS.stale_header_trust)
    return Claim(
        kind=ClaimKind.DATE,
        page_id=page.id,
        start=item.start,
        end=item.end,
        text=page.text[item.start : item.end],
        region=item.region,
        normalized=resolved.normalized,
        confidence=round(confidence, 3),
        slot="page_date" if item.is_page_date else "date",
        anchor=resolved.anchor,
        value=value,
    )

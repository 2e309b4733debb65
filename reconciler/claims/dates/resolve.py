"""Turning an expression into a date: calendars, anchoring of partial and relative dates,
times and zones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone

from reconciler.calendars import (
    candidates,
    chinese_lunar,
    from_gregorian,
    reliable,
    to_gregorian,
    tolerance_days,
)
from reconciler.claims.dates.finder import DateParts, Expression
from reconciler.claims.dates.locales import Shift
from reconciler.claims.dates.settings import SETTINGS
from reconciler.records import DatePrecision, DateValue


@dataclass(frozen=True)
class Anchor:
    day: date  # for a month-only anchor, the middle of that month
    source: str  # "header" | "dateline" | a crawl date's origin ("url", "fetched_at", ...)
    trust: float
    # A month-only anchor (a URL's /2024/12/) gives the year of a day and month, never the
    # day of a weekday or of "yesterday".
    day_known: bool = True


@dataclass(frozen=True)
class Reading:
    """How a date of some calendar reads in Gregorian terms."""

    calendar: str = "gregorian"
    tolerance_days: int = 0
    native: tuple[int | None, int, int] | None = None
    candidates: tuple[str, ...] = ()
    ambiguous_order: bool = False


@dataclass(frozen=True)
class Found:
    """A value found for an expression, before its relative words, time and zone."""

    normalized: str
    precision: DatePrecision
    confidence: float
    anchor: str | None
    reading: Reading = Reading()


def _unresolved(reading: Reading = Reading(), partial: str = "") -> Found:
    """Nothing to count it from: no value, or the partial form ("--07-15")."""
    return Found(partial, DatePrecision.PARTIAL, SETTINGS.unresolved, None, reading)


def _counted_from(anchor: Anchor, day: date, reading: Reading = Reading()) -> Found:
    """A day read against the page's date (``anchor``): as sure as the anchor allows."""
    return Found(
        day.isoformat(), DatePrecision.DAY, SETTINGS.anchored * anchor.trust, anchor.source, reading
    )


@dataclass(frozen=True)
class Resolved:
    normalized: str
    confidence: float
    anchor: str | None
    value: DateValue

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.normalized) if self.value.precision == "day" else None


def resolve(expression: Expression, anchor: Anchor | None, group: int) -> Resolved:
    """The date ``expression`` states; ``group`` is shared by the dates written as one."""
    date_atom = expression.first("date")
    weekday_atom = expression.first("weekday")
    relative_atom = expression.first("relative")
    relative = relative_atom.relative if relative_atom else None
    if relative is None and expression.future:
        relative = "next"
    shift_atom = expression.first("shift")
    weekday = weekday_atom.weekday if weekday_atom else None
    shift = None
    year_atom = expression.first("year")
    # "اليوم الاثنين", "আজ সোমবার": the weekday names the day ("today" may be the crawl day)
    today_named = (
        weekday is not None and shift_atom is not None and shift_atom.shift == Shift(0, "day")
    )
    if expression.first("yesterday"):
        relative = "yesterday"
        found = _anchored(anchor, lambda day: day - timedelta(days=1))
    elif date_atom is not None and date_atom.date is not None:
        found = _resolve_date(date_atom.date, weekday, relative, anchor)
    elif shift_atom is not None and shift_atom.shift is not None and not today_named:
        shift = (shift_atom.shift.count, shift_atom.shift.unit)
        found = _shifted(anchor, shift_atom.shift)
        if shift_atom.shift.count > 1:
            # "after three days" may count from another day than the page's: a day to come,
            # never the reported event's
            relative = "next"
            found = replace(found, confidence=found.confidence * SETTINGS.counted_ahead)
    elif year_atom is not None and year_atom.date is not None:
        found = Found(str(year_atom.date.year), DatePrecision.YEAR, SETTINGS.year_alone, None)
    else:
        found = _anchored(anchor, lambda day: _weekday_near(day, weekday or 0, relative))
        if found.precision != "day":
            found = Found("", DatePrecision.WEEKDAY, SETTINGS.unresolved, None)
    reading = found.reading
    value = DateValue(
        precision=found.precision,
        calendar=reading.calendar,
        tolerance_days=reading.tolerance_days,
        group=group,
        native=reading.native,
        candidates=reading.candidates,
        weekday=weekday,
        relative=relative or "",
        shift=shift,
        ambiguous_order=reading.ambiguous_order,
    )
    return Resolved(
        found.normalized, found.confidence, found.anchor, _with_time(expression, found, value)
    )


def _anchored(anchor: Anchor | None, move: Callable[[date], date]) -> Found:
    if anchor is None or not anchor.day_known:
        return _unresolved()
    return _counted_from(anchor, move(anchor.day))


def _shifted(anchor: Anchor | None, shift: Shift) -> Found:
    """The day, ISO week, month or year ``shift`` away from the anchor's day."""
    if anchor is None:
        return _unresolved()
    day, confidence = anchor.day, SETTINGS.anchored * anchor.trust
    if shift.unit == "day":
        found = (day + timedelta(days=shift.count)).isoformat()
    elif shift.unit == "week":
        year, week, _ = (day + timedelta(weeks=shift.count)).isocalendar()
        found = f"{year:04d}-W{week:02d}"
    elif shift.unit == "month":
        months = day.year * 12 + day.month - 1 + shift.count
        found = f"{months // 12:04d}-{months % 12 + 1:02d}"
    else:
        found = f"{day.year + shift.count:04d}"
    return Found(found, DatePrecision(shift.unit), confidence, anchor.source)


def _weekday_near(day: date, weekday: int, relative: str | None) -> date:
    """The most recent such weekday on or before ``day`` (strictly before for "last";
    on or after, strictly, for "next")."""
    if relative == "next":
        return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)
    back = (day.weekday() - weekday) % 7
    if relative == "last" and back == 0:
        back = 7
    return day - timedelta(days=back)


def _resolve_date(
    parts: DateParts, weekday: int | None, relative: str | None, anchor: Anchor | None
) -> Found:
    calendar = parts.calendar
    reading = Reading(calendar, tolerance_days(calendar), ambiguous_order=parts.ambiguous_order)
    day_ = DatePrecision.DAY
    if parts.year is not None and parts.month is not None and parts.day is not None:
        found = to_gregorian(calendar, parts.year, parts.month, parts.day)
        if found is None:
            return _unresolved(reading)
        if calendar != "gregorian":
            readings = candidates(calendar, parts.year, parts.month, parts.day)
            reading = replace(
                reading,
                candidates=tuple(day.isoformat() for day in readings),
                native=(parts.year, parts.month, parts.day),
            )
        confidence = (
            SETTINGS.written_day if reliable(calendar, parts.year) else SETTINGS.projected_day
        )
        return Found(found.isoformat(), day_, confidence, None, reading)
    if calendar != "gregorian":
        if parts.month is not None and parts.day is not None:
            return _resolve_without_year(parts, parts.month, parts.day, anchor, reading)
        return _unresolved(reading)
    if parts.year is not None:
        if parts.month is None:
            return Found(str(parts.year), DatePrecision.YEAR, SETTINGS.year_or_month, None, reading)
        month = f"{parts.year:04d}-{parts.month:02d}"
        return Found(month, DatePrecision.MONTH, SETTINGS.year_or_month, None, reading)
    if parts.month is None or parts.day is None:
        return _resolve_day_of_month(parts.day, anchor, reading)
    partial = f"--{parts.month:02d}-{parts.day:02d}"
    if anchor is None:
        return _unresolved(reading, partial)
    plain = _nearest_year(parts.month, parts.day, anchor.day, relative)
    if plain is None:
        return _unresolved(reading, partial)
    confidence = SETTINGS.anchored * anchor.trust
    close = abs((plain - anchor.day).days) <= SETTINGS.close_to_anchor_days
    if weekday is None or plain.weekday() == weekday or close:
        return Found(plain.isoformat(), day_, confidence, anchor.source, reading)
    by_weekday = _year_by_weekday(parts.month, parts.day, weekday, anchor.day)
    if by_weekday is None:
        return Found(
            plain.isoformat(), day_, confidence * SETTINGS.weekday_mismatch, anchor.source, reading
        )
    return Found(by_weekday.isoformat(), day_, SETTINGS.weekday_year, "weekday", reading)


def _nearest_year(month: int, day: int, anchor: date, relative: str | None) -> date | None:
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if relative == "last":
        options = [option for option in options if option < anchor]
    elif relative == "next":
        options = [option for option in options if option > anchor]

    return min(options, key=lambda option: _distance(option, anchor), default=None)


def _distance(day: date, anchor: date) -> int:
    """Days from the anchor, a later day counting SETTINGS.future_weight times."""
    days = (day - anchor).days
    return days * SETTINGS.future_weight if days > 0 else -days


def _year_by_weekday(month: int, day: int, weekday: int, anchor: date) -> date | None:
    """The year nearest the anchor in which ``day`` ``month`` falls on ``weekday``."""
    for distance in range(0, 12):
        for year in (anchor.year - distance, anchor.year + distance):
            try:
                found = date(year, month, day)
            except ValueError:
                continue
            if found.weekday() == weekday:
                return found
    return None


def _resolve_day_of_month(day: int | None, anchor: Anchor | None, reading: Reading) -> Found:
    """ "15日": the anchor's month, or the month before when the day is still to come."""
    if anchor is None or day is None or not anchor.day_known:
        return _unresolved(reading)
    year, month = anchor.day.year, anchor.day.month
    if day > anchor.day.day + 1:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        found = date(year, month, day)
    except ValueError:
        return _unresolved(reading)
    return _counted_from(anchor, found, reading)


def _resolve_without_year(
    parts: DateParts, month: int, day: int, anchor: Anchor | None, reading: Reading
) -> Found:
    """A month and day of another calendar without its year ("农历六月廿一", "असार ३२"): the
    year of that calendar that puts it nearest the anchor."""
    native = from_gregorian(parts.calendar, anchor.day) if anchor is not None else None
    if anchor is None or native is None:
        return _unresolved(reading)
    options = [
        found
        for year in (native[0] - 1, native[0], native[0] + 1)
        if (found := _native_to_gregorian(parts.calendar, year, month, day, parts.leap_month))
    ]
    if not options:
        return _unresolved(reading)
    best = min(options, key=lambda option: _distance(option, anchor.day))
    reading = replace(reading, native=(None, month, day))
    return _counted_from(anchor, best, reading)


def _native_to_gregorian(
    calendar: str, year: int, month: int, day: int, leap_month: bool
) -> date | None:
    if calendar == "chinese_lunar":
        return chinese_lunar.to_gregorian(year, month, day, leap_month)
    return to_gregorian(calendar, year, month, day)


def _with_time(expression: Expression, found: Found, value: DateValue) -> DateValue:
    """``value`` with the time and zone the expression states, and the UTC instant when a
    day, a time and a zone are all known."""
    time_atom, zone_atom = expression.first("time"), expression.first("zone")
    time = (
        f"{time_atom.time[0]:02d}:{time_atom.time[1]:02d}" if time_atom and time_atom.time else ""
    )
    zone = zone_atom.zone if zone_atom is not None and zone_atom.zone else ""
    utc = ""
    if found.precision == "day" and time and zone:
        hours, minutes = (int(part) for part in zone[1:].split(":"))
        offset = timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1)
        local = datetime.fromisoformat(f"{found.normalized}T{time}")
        utc = local.replace(tzinfo=timezone(offset)).astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    return replace(value, time=time, tz=zone, utc=utc)

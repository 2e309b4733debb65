"""Head counts of an event's participants that cannot both be true are `participants` conflicts."""

from __future__ import annotations

import pytest

from reconciler.claims import numbers
from reconciler.reconcile import EventContext
from reconciler.reconcile import numbers as number_rules
from reconciler.reconcile.participants import compare
from reconciler.records import ClaimKind, ConflictKind, Event, Page, Region, RegionKind


def _page(page_id: str, lang: str, text: str) -> Page:
    return Page(id=page_id, text=text, lang=lang, regions=(Region(RegionKind.BODY, 0, len(text)),))


def _context(*pages: Page) -> EventContext:
    return EventContext(
        event=Event(id="ev", page_ids=tuple(page.id for page in pages)),
        pages={page.id: page for page in pages},
        claims={page.id: tuple(numbers.extract(page)) for page in pages},
    )


def _head_counts(*pages: Page) -> list[tuple[tuple[str, ...], int]]:
    conflicts = compare(_context(*pages))
    assert all(conflict.kind == ConflictKind.PARTICIPANTS for conflict in conflicts)
    assert all(claim.kind == ClaimKind.NUMBER for c in conflicts for claim in c.claims)
    return [(conflict.page_ids, len(conflict.claims)) for conflict in conflicts]


@pytest.mark.parametrize(
    ("lang", "three", "two"),
    [
        (
            "en",
            "Foreign ministers of three countries met in Beijing on Tuesday to discuss trade.",
            "Foreign ministers of two countries met in Beijing on Tuesday to discuss trade.",
        ),
        (
            "es",
            "Los cancilleres de tres países se reunieron el martes en Pekín.",
            "Los cancilleres de dos países se reunieron el martes en Pekín.",
        ),
        (
            "de",
            "Die Außenminister von drei Ländern trafen sich am Dienstag in Peking.",
            "Die Außenminister von zwei Ländern trafen sich am Dienstag in Peking.",
        ),
        (
            "hi",
            "तीन देशों के विदेश मंत्रियों ने मंगलवार को बीजिंग में मुलाकात की।",
            "दो देशों के विदेश मंत्रियों ने मंगलवार को बीजिंग में मुलाकात की।",
        ),
        ("zh", "三位外长在北京会晤，讨论贸易问题。", "两位外长在北京会晤，讨论贸易问题。"),
    ],
)
def test_different_head_counts_conflict(lang: str, three: str, two: str) -> None:
    found = _head_counts(_page("a", lang, three), _page("b", lang, two))
    assert found == [(("a", "b"), 2)]


def test_all_pages_stating_the_head_count_across_languages() -> None:
    pages = (
        _page("en", "en", "The two foreign ministers met in Beijing on Tuesday."),
        _page("fr", "fr", "Trois ministres des Affaires étrangères se sont réunis à Pékin."),
        _page("es", "es", "Dos ministros de Exteriores se reunieron en Pekín el martes."),
        _page("x", "en", "Rain is expected in Beijing on Tuesday."),
    )
    conflicts = compare(_context(*pages))
    assert [conflict.page_ids for conflict in conflicts] == [("en", "es", "fr")]
    assert "ministers" in conflicts[0].explanation


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("At least three ministers attended the talks.", "Four ministers attended the talks."),
        ("Nearly 100 delegates attended the summit.", "97 delegates attended the summit."),
        ("Leaders of 12 countries met in Paris.", "Leaders of 12 countries met in Paris."),
        # Different roles are different head counts.
        ("Ministers of three countries met.", "Four ministers met in Paris."),
        # Not a participant role at all: a matter for the numbers comparator.
        ("The blast killed 12 people.", "The blast killed 15 people."),
    ],
)
def test_compatible_or_unrelated_counts_do_not_conflict(first: str, second: str) -> None:
    assert _head_counts(_page("a", "en", first), _page("b", "en", second)) == []


def test_a_head_count_disagreement_is_reported_once_as_participants() -> None:
    context = _context(
        _page("a", "en", "Three foreign ministers met in Beijing on Tuesday."),
        _page("b", "en", "Two foreign ministers met in Beijing on Tuesday."),
    )
    assert [conflict.kind for conflict in compare(context)] == [ConflictKind.PARTICIPANTS]
    assert number_rules.compare(context) == []

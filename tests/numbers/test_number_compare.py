"""Numbers across the pages of one event: gold conflicts found, traps not flagged."""

from __future__ import annotations

import pytest

from reconciler.claims import numbers
from reconciler.reconcile import EventContext, event_contexts
from reconciler.reconcile.numbers import compare, intervals_disjoint
from reconciler.records import (
    Claim,
    ClaimKind,
    ConflictKind,
    Event,
    NumberValue,
    Page,
    Region,
    RegionKind,
    Slot,
)


def page(page_id: str, text: str, lang: str) -> Page:
    return Page(page_id, text, (Region(RegionKind.BODY, 0, len(text)),), lang=lang)


def context_of(*pages: Page) -> EventContext:
    event = Event("event", tuple(p.id for p in pages))
    claims = [claim for p in pages for claim in numbers.extract(p)]
    return event_contexts([event], list(pages), claims)[0]


def test_dev_set_number_conflicts_are_gold_ones(
    dev_pages: dict[str, Page], gold: dict, gold_events: list[Event]
) -> None:
    claims = [claim for p in dev_pages.values() for claim in numbers.extract(p)]
    found = [
        conflict
        for context in event_contexts(gold_events, list(dev_pages.values()), claims)
        for conflict in compare(context)
    ]
    expected = {frozenset(c["docs"]) for c in gold["conflicts"] if c["kind"] == "number"}
    assert {frozenset(c.page_ids) for c in found} == expected
    assert len(found) == len(expected)


def test_dev_set_number_traps_are_not_flagged(
    dev_pages: dict[str, Page], gold: dict, gold_events: list[Event]
) -> None:
    claims = [claim for p in dev_pages.values() for claim in numbers.extract(p)]
    found = [
        conflict
        for context in event_contexts(gold_events, list(dev_pages.values()), claims)
        for conflict in compare(context)
    ]
    traps = [trap for trap in gold["non_conflicts"] if trap["kind"] == "number"]
    assert traps
    for trap in traps:
        for conflict in found:
            inside = [claim for claim in conflict.claims if claim.page_id in trap["docs"]]
            assert not any(intervals_disjoint(a, b) for a in inside for b in inside), trap


def test_explanation_and_evidence(dev_pages: dict[str, Page]) -> None:
    context = context_of(dev_pages["doc-009"], dev_pages["doc-016"], dev_pages["doc-024"])
    (conflict,) = compare(context)
    assert conflict.kind == ConflictKind.NUMBER
    assert conflict.page_ids == ("doc-009", "doc-016", "doc-024")
    # Each page with its date and value; pages of one day disagree, they do not update.
    assert conflict.explanation == (
        "deaths: doc-009 (2025-07-17) gives 50; doc-016 (2025-07-17) gives 61; "
        "doc-024 (2025-07-17) gives 61."
    )
    assert {claim.normalized for claim in conflict.claims} == {"50", "61"}
    assert conflict.confidence >= 0.8


# (left page text, right page text, conflict expected)
PAIRS = [
    (("en", "At least 50 people were killed."), ("hi", "आग में 61 लोगों की मौत हो गई।"), False),
    (
        ("en", "The centre recorded nearly 100 aftershocks."),
        ("bn", "৯৭টি পরাঘাত রেকর্ড করা হয়েছে।"),
        False,
    ),
    (("en", "The fire killed 50 people."), ("bn", "আগুনে ৬১ জনের মৃত্যু হয়েছে।"), True),
    (
        ("es", "Un sismo de magnitud 7,2 sacude Alaska."),
        ("ru", "Землетрясение магнитудой 7,3."),
        True,
    ),
    (("en", "They held the 20th round of talks."), ("zh", "第十九轮中俄战略安全磋商"), True),
    (("en", "More than 45 people were rescued."), ("ru", "спасены 60 человек."), False),
    (("en", "More than 45 people were rescued."), ("ru", "спасены 30 человек."), True),
    (("de", "mindestens 50 Tote"), ("fr", "près de 100 morts"), False),
    (
        ("en", "The fire killed 61 people, the second fire in 2021 killed 5."),
        ("en", "61 dead"),
        False,
    ),
]


@pytest.mark.parametrize(("left", "right", "conflict"), PAIRS)
def test_intervals_decide(left: tuple[str, str], right: tuple[str, str], conflict: bool) -> None:
    context = context_of(page("a", left[1], left[0]), page("b", right[1], right[0]))
    assert bool(compare(context)) == conflict


def test_one_page_never_conflicts_with_itself() -> None:
    text = "Шойгу провёл 19-й раунд консультаций. Предыдущий, 18-й раунд прошёл в России."
    assert compare(context_of(page("a", text, "ru"))) == []
    text = "The 19th round opened; the 20th round will be held in Moscow."
    assert compare(context_of(page("a", text, "en"))) == []


def test_a_previous_round_is_its_own_slot() -> None:
    left = page("a", "Шойгу провёл 19-й раунд. Предыдущий, 18-й раунд прошёл в России.", "ru")
    right = page("b", "王毅同绍伊古共同主持第十九轮中俄战略安全磋商", "zh")
    assert compare(context_of(left, right)) == []


def _claim(value: float, low: float | None, high: float | None) -> Claim:
    number = NumberValue(value, low, high, "exact", "deaths", "", False, "", True, False, "")
    return Claim.of(
        number,
        kind=ClaimKind.NUMBER,
        page_id="p",
        start=0,
        end=1,
        text="x",
        region=RegionKind.BODY,
        normalized=str(value),
        confidence=1.0,
        slot=Slot.QUANTITY,
    )


@pytest.mark.parametrize(
    ("a", "b", "disjoint"),
    [
        ((50, 50, 50), (61, 61, 61), True),
        ((50, 50, None), (61, 61, 61), False),
        ((100, 90, 100), (97, 97, 97), False),
        ((7.2, 7.2, 7.2), (7.3, 7.3, 7.3), True),
        ((45, 45, None), (40, 40, 40), True),
        ((100, None, 100), (120, 120, 120), True),
    ],
)
def test_intervals_disjoint(a: tuple, b: tuple, disjoint: bool) -> None:
    assert intervals_disjoint(_claim(*a), _claim(*b)) == disjoint

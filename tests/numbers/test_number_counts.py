"""Numbers as "a count of X" in many languages: the counted concept, units on one scale,
bounds, and what is no count at all; then how an event's pages are compared (tolls that
rose, increments, unknown counts). Every text here is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconciler.claims import numbers
from reconciler.claims.numbers import find_numbers
from reconciler.reconcile import event_contexts
from reconciler.reconcile.numbers import compare
from reconciler.records import Event, Page, Region, RegionKind


def readings(text: str, lang: str) -> list[tuple[float, str, str]]:
    return [(m.value, m.quantity, m.bound) for m in find_numbers(text, lang, page_year=2024)]


# What happened to the counted people outranks who they were; the same slot everywhere.
OUTCOMES = [
    ("en", "Eleven soldiers were killed near the border on Sunday", 11, "deaths"),
    ("hi", "सीमा पर 12 जवान मारे गए", 12, "deaths"),
    ("mr", "हल्ल्यात ९ सैनिक जखमी झाले", 9, "injured"),
    ("mr", "या घटनेत ७ जण जखमी झाले", 7, "injured"),
    ("ko", "화재로 사망자 12명이 발생했다", 12, "deaths"),
    ("ja", "地震で死者15人が確認された", 15, "deaths"),
    ("ru", "при обрушении погибли 23 человека", 23, "deaths"),
    ("uk", "внаслідок вибуху загинули 14 людей", 14, "deaths"),
    ("pl", "w wypadku rannych zostało 31 osób", 31, "injured"),
    ("ca", "la riuada va deixar 27 morts al poble", 27, "deaths"),
    ("bn", "সংঘর্ষে ১৮ জন নাগরিক নিহত হয়েছেন", 18, "deaths"),
    ("en", "at least three individuals were killed in the blast", 3, "deaths"),
    # large-number words on one scale
    ("ko", "부상자 2만 명이 발생했다", 20000, "injured"),
    ("ja", "負傷者は1万人に上る", 10000, "injured"),
    ("en", "more than 2 lakh people were displaced", 200000, "displaced"),
    ("ru", "погибли 2 тысячи человек", 2000, "deaths"),
    ("bn", "মৃত্যু হয়েছে ১২ হাজার মানুষের", 12000, "deaths"),
]


@pytest.mark.parametrize(("lang", "text", "value", "quantity"), OUTCOMES)
def test_counts_name_what_happened(lang: str, text: str, value: float, quantity: str) -> None:
    assert value in [v for v, q, _ in readings(text, lang) if q == quantity]


def test_soldiers_alone_are_a_group_not_a_slot() -> None:
    (mention,) = find_numbers("the army sent 300 soldiers to the valley", "en")
    assert mention.quantity == "soldiers" and mention.qualified


@pytest.mark.parametrize(
    ("lang", "text", "minutes"),
    [
        ("en", "the session lasted 2 hours and 35 minutes", 155),
        ("ko", "계엄 선포 2시간 48분 만에 해제됐다", 168),
        ("ja", "宣言からわずか2時間35分で解除された", 155),
        ("ko", "회의는 95분 만에 끝났다", 95),
        ("ko", "여야는 2시간 반 만에 의결했다", 150),
    ],
)
def test_hours_and_minutes_are_one_duration_in_minutes(lang: str, text: str, minutes: int) -> None:
    assert (minutes, "duration:minute", "exact") in readings(text, lang)


def test_miles_are_compared_in_kilometres_with_rounding() -> None:
    (mention,) = find_numbers("the fire spread across 10 miles of forest", "en")
    assert mention.quantity == "distance:km"
    assert mention.low is not None and mention.high is not None
    assert mention.low < 16.1 < mention.high and mention.high - mention.low < 1


@pytest.mark.parametrize(
    ("lang", "text", "value", "bound"),
    [
        ("mr", "या हल्ल्यात ५० हून अधिक जखमी झाले", 50, "above"),
        ("uk", "понад 90 людей постраждали", 90, "above"),
        ("pl", "co najmniej 12 osób zginęło", 12, "at_least"),
        ("ko", "최소 8명 이상이 사망했다", 8, "at_least"),
        ("ja", "約300人が負傷した", 300, "around"),
        ("ca", "almenys 40 morts a la comarca", 40, "at_least"),
    ],
)
def test_bounds_in_every_pack(lang: str, text: str, value: float, bound: str) -> None:
    assert any(v == value and b == bound for v, _, b in readings(text, lang))


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("ru", "Число погибших при пожаре в торговом центре возросло до 64.", 64),
        ("uk", "Кількість загиблих у “Центрі” зросла до 71, повідомили рятувальники.", 71),
        ("pl", "Liczba ofiar powodzi w regionie wzrosła do 58, podały władze.", 58),
    ],
)
def test_a_verb_of_change_ties_the_number_to_its_subject(lang: str, text: str, value: int) -> None:
    assert (value, "deaths", "exact") in readings(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "value", "country"),
    [
        ("en", "five Indians were among the passengers", 5, "IN"),
        ("hi", "विमान में ६ भारतीय सवार थे", 6, "IN"),
        ("zh", "其中包括3名俄罗斯公民", 3, "RU"),
        ("ru", "на борту были 7 россиян", 7, "RU"),
    ],
)
def test_nationals_come_from_country_names(lang: str, text: str, value: int, country: str) -> None:
    assert (value, f"nationals:{country}") in [(v, q) for v, q, _ in readings(text, lang)]


def test_words_that_begin_like_a_country_are_not_its_nationals() -> None:
    assert not [q for _, q, _ in readings("five children and 3 individuals", "en") if "nat" in q]


def test_a_nationality_word_does_not_hide_the_counted_thing() -> None:
    assert (2, "aircraft", "exact") in readings("they shot down two Indian aircraft", "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "the call came at 15.30 hours this afternoon"),
        ("ko", "오후 10시에 선포했다"),
        ("ko", "오후 10시 30분쯤 선포했다"),
        ("ja", "午前4時27分に発表した"),
        ("ja", "午後10時に宣言した"),
        ("en", "he resigned three days after the protests"),
        ("bn", "পতনের তিন দিন পর শপথ নিলেন"),
        ("ko", "재적 의원 3분의 2 이상이 찬성했다"),
    ],
)
def test_clock_times_and_relative_durations_are_no_claims(lang: str, text: str) -> None:
    assert not [q for _, q, _ in readings(text, lang) if q.startswith("duration")]


def test_a_count_said_of_a_named_day_carries_that_day() -> None:
    (mention,) = find_numbers("the raid of 12 March that killed 40 people", "en", page_year=2024)
    assert mention.quantity == "deaths" and mention.scope == "on:03-12"


def page(page_id: str, text: str, lang: str = "en", fetched_at: str | None = None) -> Page:
    return Page(
        page_id, text, (Region(RegionKind.BODY, 0, len(text)),), lang=lang, fetched_at=fetched_at
    )


def conflicts(*pages: Page, date: str | None = None) -> list:
    event = Event("event", tuple(p.id for p in pages), date=date)
    claims = [claim for p in pages for claim in numbers.extract(p)]
    return compare(event_contexts([event], list(pages), claims)[0])


def test_a_rising_toll_lists_pages_oldest_first_and_says_it_rose() -> None:
    (conflict,) = conflicts(
        page("late", "The death toll rose to 61 on Friday.", fetched_at="2024-05-03T10:00:00Z"),
        page(
            "early", "At least 12 people were killed and 40 died.", fetched_at="2024-05-01T10:00Z"
        ),
        page("mid", "Officials said 40 people died.", fetched_at="2024-05-02T10:00:00Z"),
    )
    assert conflict.page_ids == ("early", "mid", "late")
    assert "early (2024-05-01)" in conflict.explanation
    assert conflict.explanation.index("mid") < conflict.explanation.index("late")
    assert "changed over time" in conflict.explanation


def test_sources_that_disagree_on_one_day_do_not_read_as_a_rise() -> None:
    (conflict,) = conflicts(
        page("a", "Officials said 40 people died.", fetched_at="2024-05-02T10:00:00Z"),
        page("b", "Officials said 55 people died.", fetched_at="2024-05-02T10:00:00Z"),
    )
    assert "changed over time" not in conflict.explanation


def test_a_reported_rise_makes_the_earlier_total_a_bound() -> None:
    first = page("a", "On Monday clashes left 19 people dead. Three more deaths were confirmed.")
    assert not conflicts(first, page("b", "At least 20 people have died in two days."))
    assert conflicts(first, page("c", "Officials said 12 people died."))


def test_counts_of_unknown_things_are_not_compared() -> None:
    assert not conflicts(
        page("a", "Police towed 12 cars from the square."),
        page("b", "Police towed 15 cars from the square."),
    )


def test_spans_of_years_are_not_compared() -> None:
    assert not conflicts(
        page("a", "She had ruled the country for 15 years."),
        page("b", "The party she led for 40 years called a strike."),
    )


def test_one_duration_told_twice_is_one_value() -> None:
    (conflict,) = conflicts(
        page("a", "The session ended after 157 minutes, about 160 minutes in all."),
        page("b", "The session lasted 2 hours and 48 minutes."),
    )
    assert {claim.normalized for claim in conflict.claims} == {"157", "168"}


def test_a_page_with_a_part_and_a_total_gives_the_total_others_agree_with() -> None:
    assert not conflicts(
        page("a", "At least 300 people were injured nationwide."),
        page("b", "In the town, two protesters injured. At least 347 injured in all."),
    )


def test_a_toll_of_an_earlier_day_is_not_the_events_toll() -> None:
    assert not conflicts(
        page("a", "The strikes answered the attack of 22 April that killed 26 people."),
        page("b", "At least three people were killed in the strikes."),
        date="2025-05-07",
    )


REAL_DEV = Path(__file__).parents[2] / ".." / "shared" / "datasets" / "real-dev"


@pytest.mark.skipif(not REAL_DEV.exists(), reason="real-dev is not checked out beside the repo")
def test_real_dev_number_slots_with_gold_events() -> None:
    """On real pages, with the gold events: known tolls are found on exactly their pages and
    no number trap is flagged (clustering is scored elsewhere)."""
    import json

    from reconciler import ingest
    from reconciler.claims import extract_claims, resolve_claims
    from reconciler.reconcile import describe_event

    gold = json.loads((REAL_DEV / "gold.json").read_text("utf-8"))
    pages = ingest.load([REAL_DEV]).pages
    claims = resolve_claims([claim for p in pages for claim in extract_claims(p)])
    events = [Event(e["id"], tuple(e["docs"])) for e in gold["events"]]
    found = []
    for context in event_contexts(events, pages, claims):
        described = describe_event(context)
        found += compare(event_contexts([described], pages, claims)[0])
    found_sets = {frozenset(c.page_ids) for c in found}
    gold_sets = [frozenset(c["docs"]) for c in gold["conflicts"] if c["kind"] == "number"]
    assert sum(docs in found_sets for docs in gold_sets) >= 4
    for trap in gold["non_conflicts"]:
        if trap["kind"] == "number":
            assert not [s for s in found_sets if s <= set(trap["docs"]) and s not in gold_sets]


def test_durations_far_apart_measure_different_things() -> None:
    found = conflicts(
        page("a", "Typing the motion took 12 minutes."),
        page("b", "The vote came 2 hours and 35 minutes into the crisis, in 2 hours 35 minutes."),
        page("c", "The standoff lasted 6 hours."),
    )
    assert not found
    (conflict,) = conflicts(
        page("a", "The vote came 2 hours and 35 minutes into the crisis."),
        page("b", "Typing the motion took 12 minutes."),
        page("c", "The vote came 2 hours and 48 minutes into the crisis."),
    )
    assert set(conflict.page_ids) == {"a", "c"}


@pytest.mark.parametrize(
    ("lang", "text", "minutes"),
    [
        ("en", "the call came at 3.35 pm", [935]),
        ("en", "firing stops from 1700 hours, 5 p.m. local time", [1020, 1020]),
        ("en", "at 15.30 hours (3.30 pm) this afternoon", [930, 930]),
        ("es", "a las 9 pm del sábado", [1260]),
        ("en", "three people were killed and 12 injured", []),
    ],
)
def test_times_of_day_in_minutes(lang: str, text: str, minutes: list[int]) -> None:
    from reconciler.claims.numbers.clock import clock_times

    assert [time.minutes for time in clock_times(text, lang)] == minutes

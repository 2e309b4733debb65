"""Places are places and people are people: each needs evidence beyond a gazetteer hit or a
title before a word. Pages written for these tests, in several languages and scripts, and a
behavioural check on the real pages in ../shared when they are there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconciler.claims import extract_claims, resolve_claims
from reconciler.claims.entities import extract
from reconciler.claims.entities.gazetteer import km_apart, lookup
from reconciler.reconcile import event_contexts, places
from reconciler.records import Claim, ClaimKind, ConflictKind, Event, Page
from tests.entities.test_entity_generalization import _page


def _places(claims: list[Claim], slot: str | None = None) -> set[str]:
    return {
        claim.normalized
        for claim in claims
        if claim.kind == ClaimKind.PLACE and (slot is None or claim.slot == slot)
    }


def _people(claims: list[Claim]) -> set[str]:
    return {claim.person.full_name for claim in claims if claim.kind == ClaimKind.PERSON}


def test_a_town_of_several_words_is_found_below_the_city_threshold() -> None:
    place = lookup("أم القيوين")
    assert place is not None and place.country_code == "AE"
    assert lookup("Umm Al Quwain City") == place
    assert lookup("الذيد") is None  # a small town of one word: too like a common word


def test_distance_takes_the_namesake_nearest_the_other_city() -> None:
    near = km_apart("Paris", "Nanterre")
    far = km_apart("Paris", "Lyon")
    assert near is not None and near < 30
    assert far is not None and far > 300
    assert km_apart("Paris", "Nowhere-at-all") is None


def test_a_clause_between_in_and_a_name_is_no_locative() -> None:
    page = _page(
        "en",
        "Defence ministers sign a pact",
        "Defence Minister Florence Parly signed the pact. Later in the day, Florence spoke to "
        "reporters about the next steps.",
    )
    assert "Florence" not in _places(extract(page), "place")


def test_the_city_someone_came_from_is_not_the_event_place() -> None:
    english = _page(
        "en",
        "Leaders gather for talks",
        "The president landed on Monday, arriving from the airport in Istanbul, and the "
        "talks opened in Athens.",
    )
    arabic = _page(
        "ar",
        "قمة إقليمية",
        "وصل الرئيس قادما من مطار أتاتورك في إسطنبول للمشاركة في القمة.",
    )
    assert "Istanbul" not in _places(extract(english), "place")
    assert "Athens" in _places(extract(english), "place")
    assert "Istanbul" not in _places(extract(arabic), "place")


def test_a_title_word_inside_a_place_name_makes_no_person() -> None:
    page = _page(
        "ar",
        "اجتماع في كفر الشيخ",
        "عقد الوزراء اجتماعا في مدينة كفر الشيخ للتنمية الزراعية، وقال الوزير محمد سالم إن "
        "الاجتماع ناجح.",
    )
    claims = extract(page)
    people = _people(claims)
    assert not any("التنمية" in name or "للتنمية" in name for name in people), people
    assert "Kafr ash Shaykh" in _places(claims, "place")


def test_a_possessed_noun_is_not_a_second_name_word() -> None:
    # "the minister's resignation": the noun after a possessive ending is not more name
    page = _page(
        "bn",
        "মন্ত্রীর পদত্যাগ",
        "প্রধানমন্ত্রী মমতার পদত্যাগ নিয়ে আলোচনা চলছে।",
    )
    for name in _people(extract(page)):
        assert "পদত্যাগ" not in name, name


def test_a_title_of_a_place_names_no_person() -> None:
    page = _page(
        "es",
        "Inundaciones en el sur",
        "El alcalde de Getafe, Juan Soler, pidió ayuda. Juan Soler dijo que el agua subió.",
    )
    people = _people(extract(page))
    assert "Getafe" not in people
    assert "Juan Soler" in people


def test_a_lone_common_word_after_a_title_needs_a_longer_name() -> None:
    page = _page(
        "en",
        "Storm warning for the coast",
        "Sirens sounded in Sand Harbor, King Bay and Port Ellis as the storm came ashore.",
    )
    assert "Bay" not in _people(extract(page))


def _context(pages: list[Page]) -> object:
    claims = resolve_claims([claim for page in pages for claim in extract_claims(page)])
    event = Event(id="e", page_ids=tuple(page.id for page in pages))
    return event_contexts([event], pages, claims)[0]


def test_two_cities_are_a_conflict_a_suburb_is_not() -> None:
    paris = _page("en", "Ministers meet in Paris", "The ministers met in Paris on Monday.", "a")
    lyon = _page("en", "Ministers meet in Lyon", "The ministers met in Lyon on Monday.", "b")
    suburb = _page(
        "en", "Ministers meet in Nanterre", "The ministers met in Nanterre on Monday.", "c"
    )
    dateline = _page("fr", "Réunion des ministres", "Les ministres ont parlé lundi.", "d")
    found = places.compare(_context([paris, lyon, dateline]))  # type: ignore[arg-type]
    assert [conflict.kind for conflict in found] == [ConflictKind.LOCATION]
    assert set(found[0].page_ids) == {"a", "b"}
    assert places.compare(_context([paris, suburb])) == []  # type: ignore[arg-type]


REAL_DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "real-dev"


@pytest.mark.skipif(not (REAL_DEV / "gold.json").exists(), reason="real-dev is not here")
def test_real_pages_give_no_location_conflict_on_location_traps() -> None:
    """On real pages, one event's spellings of its city, a town and the city it borders,
    and words that spell cities give no location conflict inside a trap's pages."""
    from reconciler import ingest

    gold = json.loads((REAL_DEV / "gold.json").read_text("utf-8"))
    traps = [trap for trap in gold["non_conflicts"] if trap["kind"] == "location"]
    wanted = {page for trap in traps for page in trap["docs"]}
    event_of = {page: event["id"] for event in gold["events"] for page in event["docs"]}
    pages = [page for page in ingest.load([REAL_DEV]).pages if event_of.get(page.id)]
    chosen = [page for page in pages if event_of[page.id] in {event_of[p] for p in wanted}]
    claims = resolve_claims([claim for page in chosen for claim in extract_claims(page)])
    events = [
        Event(id=event_id, page_ids=tuple(p.id for p in chosen if event_of[p.id] == event_id))
        for event_id in dict.fromkeys(event_of[page.id] for page in chosen)
    ]
    for context in event_contexts(events, chosen, claims):
        for conflict in places.compare(context):
            for trap in traps:
                assert not set(conflict.page_ids) <= set(trap["docs"]), conflict.explanation


def test_korean_names_before_their_titles() -> None:
    page = _page(
        "ko",
        "김민준 대통령, 국회 연설",
        "김민준 대통령은 오늘 국회에서 연설했다. 박서연 장관이 함께 참석했다. "
        "여야 의원 다수가 시점부터 대통령 발언을 들었다.",
    )
    people = _people(extract(page))
    assert {"김민준", "박서연"} <= people, people
    assert not people & {"여야", "시점부터"}, people

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from reconciler.cluster import PageSignals, cluster_pages, language_centered
from reconciler.cluster.kinds import event_kinds
from reconciler.records import Page, Region, RegionKind


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_language_centering_removes_what_all_pages_of_a_language_share() -> None:
    # Two languages, two topics: raw vectors group by language, centered ones by topic.
    language_a, language_b = np.array([3.0, 0, 0, 0]), np.array([0, 3.0, 0, 0])
    topic_x, topic_y = np.array([0, 0, 1.0, 0]), np.array([0, 0, 0, 1.0])
    raw = np.stack(
        [language_a + topic_x, language_a + topic_y, language_b + topic_x, language_b + topic_y]
    )
    raw = (raw / np.linalg.norm(raw, axis=1, keepdims=True)).astype(np.float32)
    centered = language_centered(raw, ["a", "a", "b", "b"], {}, shrinkage=1.0)
    assert raw[0] @ raw[1] > raw[0] @ raw[2]
    assert centered[0] @ centered[2] > centered[0] @ centered[1]


def test_a_lone_language_keeps_a_unit_vector() -> None:
    raw = np.stack([_unit(1, 0, 0), _unit(0, 1, 0), _unit(0, 0.9, 0.1)])
    centered = language_centered(raw, ["a", "b", "b"], {}, shrinkage=1.0)
    assert np.allclose(np.linalg.norm(centered, axis=1), 1.0)


def _page(
    page_id: str, lang: str, vector: np.ndarray, day: date | None = None, people=()
) -> PageSignals:
    return PageSignals(
        page_id=page_id,
        lang=lang,
        vector=vector,
        event_date=day,
        date_confidence=0.9 if day else 0.0,
        people=frozenset(people),
    )


def _two_meetings(first_day: date | None, second_day: date | None) -> list[PageSignals]:
    """Four reports (two languages) of two meetings of the same people, plus unrelated pages:
    the texts of the two meetings are alike, as real reports of such meetings are."""
    rng = np.random.default_rng(3)
    dimension = 64
    languages = {"en": rng.normal(size=dimension) * 2, "bn": rng.normal(size=dimension) * 2}
    shared_story = rng.normal(size=dimension) * 1.2
    first, second = rng.normal(size=dimension), rng.normal(size=dimension)

    def report(page_id, lang, meeting, day, people):
        vector = languages[lang] + shared_story + meeting + rng.normal(size=dimension) * 0.3
        return _page(page_id, lang, _unit(*vector), day, people)

    first_people = {"Wang Yi", "Sergey Lavrov"}
    second_people = {"Xi Jinping", "Sergey Lavrov"}
    unrelated = [
        _page(f"other-{lang}-{n}", lang, _unit(*(languages[lang] + rng.normal(size=dimension) * 2)))
        for lang in ("en", "bn")
        for n in range(3)
    ]
    return [
        report("a", "en", first, first_day, first_people),
        report("b", "bn", first, first_day, first_people),
        report("c", "en", second, second_day, second_people),
        report("d", "bn", second, second_day, second_people),
        *unrelated,
    ]


def _groups(pages: list[PageSignals]) -> set[frozenset[str]]:
    return {frozenset(event.page_ids) for event in cluster_pages(pages)}


def test_reports_of_one_event_in_two_languages_are_grouped() -> None:
    groups = _groups(_two_meetings(date(2025, 7, 13), date(2025, 7, 13)))
    assert frozenset({"a", "b", "c", "d"}) in groups


def test_two_meetings_of_the_same_people_two_days_apart_stay_apart() -> None:
    groups = _groups(_two_meetings(date(2025, 7, 13), date(2025, 7, 15)))
    assert frozenset({"a", "b"}) in groups
    assert frozenset({"c", "d"}) in groups


def test_every_page_lands_in_exactly_one_event_and_a_lone_page_is_its_own() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(12, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    pages = [_page(f"p{i}", "en" if i % 2 else "ru", vectors[i]) for i in range(12)]
    events = cluster_pages(pages)
    placed = [page_id for event in events for page_id in event.page_ids]
    assert sorted(placed) == sorted(page.page_id for page in pages)
    assert len({event.id for event in events}) == len(events)


def test_no_pages_no_events() -> None:
    assert cluster_pages([]) == []


def _random_pages(count: int, seed: int, dimension: int = 32) -> list[PageSignals]:
    """Stories of a few reports each, some dated, some with a cast."""
    rng = np.random.default_rng(seed)
    pages: list[PageSignals] = []
    while len(pages) < count:
        centre = rng.normal(size=dimension)
        day = date(2026, 1, 1 + int(rng.integers(0, 20)))
        cast = [f"p{len(pages)}-{k}" for k in range(int(rng.integers(0, 3)))]
        for _ in range(int(rng.integers(1, 6))):
            vector = centre + rng.normal(size=dimension) * 0.8
            pages.append(
                PageSignals(
                    page_id=f"page-{len(pages):04d}",
                    lang=str(rng.choice(["en", "ru"])),
                    vector=_unit(*vector),
                    event_date=day if rng.random() < 0.6 else None,
                    date_confidence=float(rng.uniform(0.2, 1.0)),
                    people=frozenset(name for name in cast if rng.random() < 0.7),
                )
            )
    return pages[:count]


def _reference_average_link(signals, settings) -> list[tuple[str, ...]]:
    """The merge rule written out plainly: every member pair summed at every comparison."""
    from reconciler.cluster import blocking_days, neighbour_pairs
    from reconciler.cluster.scores import PairScorer

    vectors = language_centered(
        np.stack([s.vector for s in signals]), [s.lang for s in signals], {}, 3.0
    )
    scorer = PairScorer(signals, vectors, settings.scores)
    edges, similarities = neighbour_pairs(vectors, settings, blocking_days(signals, settings))
    edges = edges[scorer.scores(edges[:, 0], edges[:, 1], similarities) >= settings.link_floor]

    def link(a, b):
        left = np.repeat(a, len(b))
        right = np.tile(b, len(a))
        return scorer.scores(left, right, np.einsum("ij,ij->i", vectors[left], vectors[right]))

    members = {row: [row] for row in range(len(signals))}
    adjacent = {row: set() for row in range(len(signals))}
    for i, j in edges.tolist():
        adjacent[i].add(j)
        adjacent[j].add(i)
    owner = list(range(len(signals)))
    heap = [(-link([i], [j]).mean(), i, j) for i, j in edges.tolist()]
    import heapq

    heapq.heapify(heap)
    while heap:
        negative, left, right = heapq.heappop(heap)
        if left not in members or right not in members:
            continue
        if -negative < settings.threshold:
            break
        members[left].extend(members.pop(right))
        for row in members[left]:
            owner[row] = left
        linked = {owner[j] for i in members[left] for j in adjacent[i]} - {left}
        for other in linked:
            average = link(members[left], members[other]).mean()
            heapq.heappush(heap, (-average, min(left, other), max(left, other)))
    groups = sorted((sorted(rows) for rows in members.values()), key=lambda rows: rows[0])
    return [tuple(signals[row].page_id for row in rows) for rows in groups]


def test_kept_cluster_totals_merge_exactly_as_re_summing_every_pair() -> None:
    from reconciler.cluster import ClusterSettings

    settings = ClusterSettings(threshold=0.2)
    for seed in range(3):
        pages = _random_pages(150, seed)
        found = [event.page_ids for event in cluster_pages(pages, settings)]
        assert found == _reference_average_link(pages, settings)
        assert any(len(group) > 2 for group in found)  # merges happened


def test_the_inverted_index_finds_the_neighbours_that_could_merge() -> None:
    from reconciler.cluster import ClusterSettings, SearchSettings, neighbour_pairs

    pages = _random_pages(6000, seed=7, dimension=384)
    vectors = language_centered(np.stack([p.vector for p in pages]), [p.lang for p in pages], {}, 3)
    settings = ClusterSettings()
    exact, similarities = neighbour_pairs(vectors, settings)
    approximate, _ = neighbour_pairs(
        vectors, ClusterSettings(search=SearchSettings(exact_below=0, training_pages_per_list=8))
    )
    found = {tuple(pair) for pair in approximate.tolist()}
    could_merge = exact[similarities >= settings.threshold].tolist()
    recall = sum(tuple(pair) in found for pair in could_merge) / len(could_merge)
    assert len(could_merge) > len(pages)
    assert recall >= 0.95


def _scored_pair(first: PageSignals, second: PageSignals) -> float:
    from reconciler.cluster.scores import PairScorer, ScoreSettings

    vectors = np.stack([first.vector, second.vector]).astype(np.float32)
    scorer = PairScorer([first, second], vectors, ScoreSettings())
    return float(scorer.evidence(np.array([0]), np.array([1]))[0])


def test_a_page_cannot_report_an_event_dated_after_it_was_published() -> None:
    vector = _unit(1, 0, 0)
    swearing_in = _page("sworn-2025", "ne", vector, date(2025, 9, 12))
    published_earlier = replace(
        _page("sworn-2024", "ta", vector), published_by=date(2024, 9, 23), published_confidence=0.9
    )
    published_after = replace(published_earlier, published_by=date(2025, 9, 13))
    assert _scored_pair(swearing_in, published_earlier) < 0
    assert _scored_pair(swearing_in, published_after) == 0
    assert _scored_pair(published_earlier, swearing_in) == _scored_pair(
        swearing_in, published_earlier
    )


def test_publication_evidence_does_not_count_twice_when_both_pages_give_event_dates() -> None:
    vector = _unit(1, 0, 0)
    first = replace(_page("a", "en", vector, date(2022, 12, 30)), published_by=date(2022, 12, 31))
    second = replace(
        _page("b", "bn", vector, date(2025, 10, 31)),
        published_by=date(2025, 11, 2),
        published_confidence=0.85,
    )
    without_publication = replace(second, published_by=None, published_confidence=0.0)
    assert _scored_pair(first, second) == _scored_pair(first, without_publication)


def test_events_dated_weeks_apart_are_pulled_apart_harder_than_days_apart() -> None:
    vector = _unit(1, 0, 0)
    visit = _page("riyadh", "fa", vector, date(2023, 8, 17), people={"Faisal bin Farhan"})
    days_later = replace(visit, page_id="days", event_date=date(2023, 8, 20))
    months_earlier = replace(visit, page_id="months", event_date=date(2023, 4, 6))
    assert _scored_pair(visit, months_earlier) < _scored_pair(visit, days_later) < 0


def _reported(page_id: str, lang: str, headline: str, body: str) -> Page:
    text = f"{headline}\n{body}\n"
    regions = (
        Region(RegionKind.HEADLINE, 0, len(headline)),
        Region(RegionKind.BODY, len(headline) + 1, len(text)),
    )
    return Page(id=page_id, text=text, regions=regions, lang=lang)


def test_kinds_of_event_are_read_across_scripts_from_headline_and_lede() -> None:
    english = _reported("en", "en", "Thousands attend funeral of slain commanders", "Crowds.")
    russian = _reported("ru", "ru", "Похороны погибших прошли в столице", "Тысячи людей.")
    korean = _reported("ko", "ko", "새 총리 취임", "국회에서 선서했다.")
    assert event_kinds(english) == event_kinds(russian) == {"funeral"}
    assert event_kinds(korean) == {"swearing_in"}
    background = "Officials met. " * 30 + "The funeral was held last year."
    assert event_kinds(_reported("x", "en", "Officials meet", background)) == frozenset()
    assert event_kinds(replace(english, lang="und")) == frozenset()


def test_a_kind_of_event_in_common_pulls_pages_together_and_none_in_common_apart() -> None:
    vector = _unit(1, 0, 0)
    funeral = replace(_page("a", "ar", vector), kinds=frozenset({"funeral"}))
    mourning = replace(funeral, page_id="b", kinds=frozenset({"funeral", "attack"}))
    strike = replace(funeral, page_id="c", kinds=frozenset({"attack"}))
    unknown = replace(funeral, page_id="d", kinds=frozenset())
    assert _scored_pair(funeral, mourning) > _scored_pair(funeral, unknown) == 0
    assert _scored_pair(funeral, strike) < 0


def test_pages_dated_months_apart_are_never_candidate_pairs_but_undated_pages_meet_all() -> None:
    from datetime import date

    from reconciler.cluster import ClusterSettings, blocking_days, neighbour_pairs

    text = _unit(1.0, 0.2, 0.1, 0.0)
    pages = [
        PageSignals("spring", "en", text, date(2025, 3, 1), 0.9),
        PageSignals("autumn", "en", text, date(2025, 10, 1), 0.9),
        PageSignals("same-month", "en", text, date(2025, 3, 20), 0.9),
        PageSignals("undated", "en", text),
        PageSignals("vaguely-dated", "en", text, date(2025, 10, 2), 0.2),
    ]
    settings = ClusterSettings()
    vectors = np.stack([page.vector for page in pages])
    edges, _ = neighbour_pairs(vectors, settings, blocking_days(pages, settings))
    pairs = {(pages[i].page_id, pages[j].page_id) for i, j in edges.tolist()}
    assert ("spring", "autumn") not in pairs
    assert ("spring", "same-month") in pairs
    assert {("spring", "undated"), ("autumn", "undated")} <= pairs
    assert ("spring", "vaguely-dated") in pairs  # a date given without confidence blocks nothing

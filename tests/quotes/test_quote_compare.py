"""Quotes across the pages of one event: negations, changed numbers and borrowed words are
conflicts; paraphrases and translations are not."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from reconciler.claims import entities, quotes
from reconciler.reconcile import EventContext, event_contexts
from reconciler.reconcile.quotes import compare
from reconciler.reconcile.settings import model_thresholds
from reconciler.records import Claim, ClaimKind, ConflictKind, Event, Page, Region, RegionKind


class TopicEmbedder:
    """Texts sharing a topic word embed identically; other texts are orthogonal. Keeps the
    comparator's logic testable without the model."""

    name = "topics"

    def __init__(self, topics: Sequence[Sequence[str]]) -> None:
        self.topics = topics
        self.dimension = len(topics) + 1

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        rows = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            topic = next(
                (i for i, words in enumerate(self.topics) if any(w in text for w in words)), -1
            )
            rows[row, topic] = 1.0
        return rows


TOPICS = TopicEmbedder(
    [
        ("agenda", "আলোচ্যসূচিতে", "повестке"),
        ("bodies", "মরদেহ", "शव"),
        ("visit Moscow", "Москву"),
        ("military", "সামরিক"),
    ]
)


def page(page_id: str, text: str, lang: str) -> Page:
    return Page(page_id, text, (Region(RegionKind.BODY, 0, len(text)),), lang=lang)


def context_of(*pages: Page, embedder: object = TOPICS) -> EventContext:
    event = Event("event", tuple(p.id for p in pages))
    claims = [claim for p in pages for claim in quotes.extract(p)]
    return event_contexts([event], list(pages), claims, embedder)[0]  # type: ignore[arg-type]


NEGATED = page("bn", "ল্যাভরভ বলেন, “পারমাণবিক নিরস্ত্রীকরণের বিষয়টি আমাদের আলোচ্যসূচিতে আর নেই।”", "bn")
AFFIRMED = page(
    "en", '"Denuclearisation remains on our agenda," Lavrov told reporters in Moscow.', "en"
)
AFFIRMED_RU = page(
    "ru", "«Денуклеаризация остаётся на повестке дня», — сказал Лавров журналистам.", "ru"
)


def test_a_negated_quote_of_the_same_speaker_is_a_conflict() -> None:
    (conflict,) = compare(context_of(AFFIRMED, NEGATED, AFFIRMED_RU))
    assert conflict.kind == ConflictKind.QUOTE
    assert conflict.page_ids == ("bn", "en", "ru")
    assert {claim.page_id for claim in conflict.claims} == {"bn", "en", "ru"}
    assert "negation" in conflict.explanation and "bn" in conflict.explanation


def test_a_translation_is_no_conflict() -> None:
    assert compare(context_of(AFFIRMED, AFFIRMED_RU)) == []


def test_a_changed_number_is_a_conflict() -> None:
    left = page("a", "Governor Mohammed al-Miyahi said 50 bodies had been recovered so far.", "en")
    right = page("b", "गवर्नर मोहम्मद अल-मियाही ने कहा कि अब तक 61 शव बरामद किए गए हैं।", "hi")
    (conflict,) = compare(context_of(left, right))
    assert conflict.page_ids == ("a", "b")
    assert "numbers" in conflict.explanation


def test_different_points_of_one_speaker_are_not_compared() -> None:
    other = page("b", "ল্যাভরভ বলেন, “দুই দেশের সামরিক সম্পর্ক খুব ঘনিষ্ঠ নয়, বরং স্বাভাবিক।”", "bn")
    assert compare(context_of(AFFIRMED, other)) == []


def test_the_same_words_in_another_speakers_mouth_are_a_conflict() -> None:
    putin = page("a", '"We expect you to visit Moscow next spring," Putin said.', "en")
    xi = page("b", "«Мы ждём вас с визитом в Москву весной», — сказал Си Цзиньпин.", "ru")
    (conflict,) = compare(context_of(putin, xi))
    assert conflict.page_ids == ("a", "b")
    assert "same words" in conflict.explanation


def test_without_an_embedder_nothing_is_compared() -> None:
    assert compare(context_of(AFFIRMED, NEGATED, embedder=None)) == []


def test_quotes_without_speaker_are_ignored() -> None:
    left = page("a", '"Denuclearisation remains on our agenda and will stay there."', "en")
    right = page("b", "“পারমাণবিক নিরস্ত্রীকরণের বিষয়টি আমাদের আলোচ্যসূচিতে আর নেই।”", "bn")
    assert compare(context_of(left, right)) == []


@pytest.fixture(scope="module")
def dev_quote_conflicts(dev_pages: dict[str, Page], gold_events: list[Event]) -> list:
    from reconciler.embed import get_embedder

    claims: list[Claim] = []
    for dev_page in dev_pages.values():
        claims += quotes.extract(dev_page) + entities.extract(dev_page)
    resolved = [c for c in entities.resolve(claims) if c.kind == ClaimKind.QUOTE]
    contexts = event_contexts(gold_events, list(dev_pages.values()), resolved, get_embedder())
    return [conflict for context in contexts for conflict in compare(context)]


@pytest.mark.slow
def test_dev_set_quote_conflicts_are_gold_ones(dev_quote_conflicts: list, gold: dict) -> None:
    expected = {frozenset(c["docs"]) for c in gold["conflicts"] if c["kind"] == "quote"}
    assert {frozenset(c.page_ids) for c in dev_quote_conflicts} == expected
    assert len(dev_quote_conflicts) == len(expected)


@pytest.mark.slow
def test_dev_set_quote_traps_are_not_flagged(dev_quote_conflicts: list, gold: dict) -> None:
    traps = [set(trap["docs"]) for trap in gold["non_conflicts"] if trap["kind"] == "quote"]
    assert traps
    for conflict in dev_quote_conflicts:
        assert all(len(trap & set(conflict.page_ids)) < 2 for trap in traps)


@pytest.mark.slow
def test_thresholds_separate_dev_quotes(dev_pages: dict[str, Page]) -> None:
    """The measured thresholds: the gold pair aligns; a translation of one remark is the
    same point; quotes of different speakers stay below the same-words threshold."""
    from reconciler.embed import get_embedder

    texts = [
        "The denuclearisation of the Korean peninsula remains on our agenda",
        "কোরীয় উপদ্বীপের পারমাণবিক নিরস্ত্রীকরণের বিষয়টি আমাদের আলোচ্যসূচিতে আর নেই।",
        "No matter how complex the international situation becomes, China and Russia must "
        "strengthen unity and cooperation to defend their common interests",
        "Как бы ни менялась международная обстановка, Китай и Россия должны крепить единство и "
        "сотрудничество, защищая общие интересы",
        "People did exactly what they were supposed to do",
    ]
    vectors = get_embedder().encode(texts)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] >= model_thresholds(None).quote_alignment
    assert similarity[2, 3] >= model_thresholds(None).quote_alignment
    assert similarity[0, 4] < model_thresholds(None).quote_alignment
    assert similarity[2, 4] < model_thresholds(None).quote_same_words


CALL = TopicEmbedder([("called", "телефонировал", "ফোন")])


def test_a_quoted_time_of_day_that_differs_is_a_conflict() -> None:
    left = page(
        "a", 'The spokesman said: "The minister called his counterpart at 16:40 hours."', "en"
    )
    right = page("b", "The spokesman said the minister called his counterpart at 4.40 pm.", "en")
    other = page("c", "The spokesman said the minister called his counterpart at 3 PM.", "en")
    assert compare(context_of(left, right, embedder=CALL)) == []  # one time, two notations
    (conflict,) = compare(context_of(left, right, other, embedder=CALL))
    assert set(conflict.page_ids) == {"a", "b", "c"}


def test_a_page_that_paraphrases_a_quote_with_another_time_conflicts_with_itself() -> None:
    text = (
        "Spokesman Adam Reed said the minister called his counterpart at 3 PM today. "
        '"The minister called his counterpart at 16:40 hours," Reed said.'
    )
    (conflict,) = compare(context_of(page("a", text, "en"), embedder=CALL))
    assert conflict.page_ids == ("a",)
    assert "paraphrases" in conflict.explanation


def test_a_paraphrase_with_the_quoted_time_is_no_conflict() -> None:
    text = (
        "Spokesman Adam Reed said the minister called his counterpart at 4.40 pm. "
        '"The minister called his counterpart at 16:40 hours," Reed said.'
    )
    assert compare(context_of(page("a", text, "en"), embedder=CALL)) == []

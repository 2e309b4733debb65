"""Accuracy on the date table (tests/dates/date_table.tsv, every language and calendar)."""

from __future__ import annotations

from collections import Counter

from date_table_eval import accuracy, ours, rows


def test_table_covers_every_language_and_calendar() -> None:
    by_language = Counter(row.lang for row in rows())
    assert len(rows()) >= 600
    assert len(by_language) >= 30
    assert set(by_language) >= {"bn", "hi", "ur", "ne", "en", "ru", "zh", "ar", "es", "fr", "de"}
    assert min(by_language.values()) >= 5


def test_table_accuracy_at_least_95_percent() -> None:
    score, misses = accuracy(ours)
    assert score >= 0.95, misses

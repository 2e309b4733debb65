"""The notebook view of a result: DataFrames, a short repr, the HTML conflict view."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import reconciler
from reconciler.notebook import PREVIEW_ITEMS, Reconciliation
from reconciler.records import Result


@pytest.fixture(scope="module")
def reconciliation(seeds_result: Result) -> Reconciliation:
    return Reconciliation.of(seeds_result)


def test_is_the_same_result(reconciliation: Reconciliation, seeds_result: Result) -> None:
    assert isinstance(reconciliation, Result)
    assert reconciliation.conflicts == seeds_result.conflicts
    assert reconciliation.page(seeds_result.pages[0].id) == seeds_result.pages[0]


def test_api_returns_the_notebook_view(hostile_seeds: Path) -> None:
    result = reconciler.reconcile(hostile_seeds)
    assert isinstance(result, Reconciliation)
    assert len(result.pages) == len(list(hostile_seeds.iterdir()))


def test_dataframes(reconciliation: Reconciliation) -> None:
    events = reconciliation.events_df()
    assert list(events["id"]) == [event.id for event in reconciliation.events]
    assert events["conflicts"].sum() == len(reconciliation.conflicts)
    claims = reconciliation.claims_df()
    assert len(claims) == len(reconciliation.claims)
    assert {"page", "kind", "value", "calendar", "line", "lang"} <= set(claims.columns)
    conflicts = reconciliation.conflicts_df()
    calendar = conflicts[conflicts["kind"] == "calendar_mismatch"].iloc[0]
    assert sorted(next(iter(calendar["values"].values()))) == ["2024-11-02", "2024-12-09"]


def test_repr_is_a_summary_not_a_dump(reconciliation: Reconciliation) -> None:
    text = repr(reconciliation)
    assert text.startswith(
        f"<Reconciliation: {len(reconciliation.pages)} pages, {len(reconciliation.events)} events"
    )
    assert "calendar_mismatch" in text
    assert reconciliation.pages[0].text[:200] not in text
    assert len(text.splitlines()) <= 3 + 2 * PREVIEW_ITEMS


def test_repr_html_reuses_the_conflict_view(reconciliation: Reconciliation) -> None:
    rendered = reconciliation._repr_html_()
    assert '<article class="conflict"' in rendered
    assert "<mark>২৪শে অগ্রহায়ণ, ১৪৩১ বঙ্গাব্দ</mark>" in rendered
    assert "<script" not in rendered


def test_missing_pandas_says_how_to_install(
    reconciliation: Reconciliation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'reconciler\[notebook\]'"):
        reconciliation.events_df()

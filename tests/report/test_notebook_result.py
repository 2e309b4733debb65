"""The notebook view of a result: DataFrames, a short repr, the HTML conflict view."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas
import pytest

import reconciler
from reconciler.notebook import PREVIEW_ITEMS, Reconciliation, read_export
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
    assert str(events["date"].dtype) == "datetime64[ns]"
    dated = events[events["date_text"].notna()].iloc[0]
    assert dated["date"].strftime("%Y-%m-%d").startswith(dated["date_text"][:4])
    assert set(events["date_precision"].dropna()) <= {"day", "month", "year", "month-day"}
    claims = reconciliation.claims_df()
    assert claims["slot"].notna().all()  # by default only the claims reconcile compares
    assert len(reconciliation.claims_df(all_claims=True)) == len(reconciliation.claims)
    assert {"page", "kind", "value", "line", "lang"} <= set(claims.columns)
    conflicts = reconciliation.conflicts_df()
    calendar = conflicts[conflicts["kind"] == "calendar_mismatch"].iloc[0]
    assert calendar["values"] == ["2024-11-02", "2024-12-09"]
    evidence = reconciliation.evidence_df()
    sides = evidence[evidence["conflict"] == calendar["id"]]
    assert sorted(sides["value"]) == ["2024-11-02", "2024-12-09"]
    assert set(sides["calendar"]) == {"gregorian", "bangabda"}
    assert set(evidence["conflict"]) == set(conflicts["id"])


def test_pages_df_links_every_page_to_its_source(reconciliation: Reconciliation) -> None:
    pages = reconciliation.pages_df()
    assert list(pages["id"]) == [page.id for page in reconciliation.pages]
    assert pages["link"].notna().all()
    assert str(pages["fetched_at"].dtype) == "datetime64[ns, UTC]"
    in_events = {page for event in reconciliation.events for page in event.page_ids}
    assert set(pages["event"].dropna()) == {event.id for event in reconciliation.events}
    assert set(pages.loc[pages["event"].notna(), "id"]) == in_events


@pytest.mark.parametrize("export_format", ["csv", "parquet"])
def test_export_round_trips(
    reconciliation: Reconciliation, tmp_path: Path, export_format: str
) -> None:
    written = reconciliation.export(tmp_path / "out", export_format)  # type: ignore[arg-type]
    assert sorted(written) == ["conflicts", "events", "evidence", "pages"]
    read = read_export(tmp_path / "out", export_format)  # type: ignore[arg-type]
    originals = {
        "pages": reconciliation.pages_df(),
        "events": reconciliation.events_df(),
        "conflicts": reconciliation.conflicts_df(),
        "evidence": reconciliation.evidence_df(),
    }
    for name, original in originals.items():
        pandas.testing.assert_frame_equal(read[name], original, check_dtype=True, obj=name)
    if export_format == "csv":
        # Lists are JSON in the file, not Python reprs.
        assert '["' in written["events"].read_text(encoding="utf-8")
        assert "['" not in written["events"].read_text(encoding="utf-8")


def test_reconcile_documents_its_arguments() -> None:
    doc = reconciler.reconcile.__doc__ or ""
    for argument in ("inputs:", "model:", "device:", "progress:", "embedder:"):
        assert argument in doc


def test_repr_is_a_summary_not_a_dump(reconciliation: Reconciliation) -> None:
    text = repr(reconciliation)
    assert text.startswith(
        f"<Reconciliation: {len(reconciliation.pages)} pages, {len(reconciliation.events)} events"
    )
    assert "calendar_mismatch-" in text  # conflicts by their stable id
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
    with pytest.raises(ImportError, match=r"pip install 'news-reconciler\[notebook\]'"):
        reconciliation.events_df()

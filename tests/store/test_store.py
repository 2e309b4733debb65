"""The incremental store: only new pages are embedded, event ids survive, reports read it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from reconciler.cli import app
from reconciler.embed import get_embedder
from reconciler.store import Store, StoreError
from reconciler.store import add as store_add

SAME_MEETING = ("000_0e6dffc1376d8ce7", "001_6a6c5dd935f09d3d")  # two reports of one meeting
OTHER_STORY = "004_eb938ce2fab2adef"
OTHERS = ("002_a3c9b217fc6e40a5", "003_cbbc99518943bbb7", OTHER_STORY)


class CountingEmbedder:
    """The real embedder, counting the passages it is asked to embed."""

    def __init__(self) -> None:
        self.inner = get_embedder(None)
        self.name = self.inner.name
        self.dimension = self.inner.dimension
        self.passages: list[str] = []

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if not query:
            self.passages.extend(texts)
        return self.inner.encode(texts, query=query)


@pytest.fixture(scope="module")
def counting() -> CountingEmbedder:
    return CountingEmbedder()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch, counting: CountingEmbedder) -> CountingEmbedder:
    counting.passages.clear()
    monkeypatch.setattr(store_add, "get_embedder", lambda *args, **kwargs: counting)
    return counting


def seed_folder(tmp_path: Path, seeds_dir: Path, name: str, page_ids: Sequence[str]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for page_id in page_ids:
        shutil.copy(seeds_dir / f"{page_id}.txt", folder)
    return folder


def test_a_later_add_embeds_only_new_pages_and_the_grown_event_keeps_its_id(
    tmp_path: Path, seeds_dir: Path, counted: CountingEmbedder
) -> None:
    store = tmp_path / "store"
    first = seed_folder(tmp_path, seeds_dir, "first", [SAME_MEETING[0], *OTHERS])
    store_add.add([first], store)
    with Store(store, read_only=True) as opened:
        before = {event.id: set(event.page_ids) for event in opened.events()}
    meeting_id = next(id_ for id_, pages in before.items() if SAME_MEETING[0] in pages)
    counted.passages.clear()

    second = seed_folder(tmp_path, seeds_dir, "second", [SAME_MEETING[1]])
    summary = store_add.add([first, second], store)  # the first pages again: nothing redone

    assert summary.new_pages == 1 and summary.unchanged_pages == 4
    assert len(counted.passages) == 1  # the one new page; no old page, no quote again
    with Store(store, read_only=True) as opened:
        after = {event.id: set(event.page_ids) for event in opened.events()}
        assert len(opened.page_vectors()) == 5
    assert set(SAME_MEETING) <= after[meeting_id]
    changed = [id_ for id_, pages in after.items() if before.get(id_) != pages]
    assert summary.touched_events == len(changed) < len(after)


def test_adding_nothing_new_writes_no_batch(
    tmp_path: Path, seeds_dir: Path, counted: CountingEmbedder
) -> None:
    folder = seed_folder(tmp_path, seeds_dir, "pages", [OTHER_STORY])
    store_add.add([folder], tmp_path / "store")
    summary = store_add.add([folder], tmp_path / "store")
    assert summary.batch is None and summary.new_pages == 0
    with Store(tmp_path / "store", read_only=True) as opened:
        assert opened.batch_count() == 1


def test_report_reads_the_store_by_event_and_the_tables_are_plain_sqlite(
    tmp_path: Path, seeds_dir: Path, counted: CountingEmbedder
) -> None:
    folder = seed_folder(tmp_path, seeds_dir, "pages", [*SAME_MEETING, OTHER_STORY])
    store_add.add([folder], tmp_path / "store")
    database = sqlite3.connect(f"file:{tmp_path / 'store' / 'store.sqlite'}?mode=ro", uri=True)
    (event_id,) = database.execute(
        "SELECT event_id FROM event_pages WHERE page_id = ?", (OTHER_STORY,)
    ).fetchone()
    tables = {name for (name,) in database.execute("SELECT name FROM sqlite_master")}
    assert {"pages", "claims", "events", "event_pages", "conflicts"} <= tables

    runner = CliRunner()
    one = runner.invoke(app, ["report", "--store", str(tmp_path / "store"), "--event", event_id])
    assert one.exit_code == 0, one.output
    assert OTHER_STORY in one.output and SAME_MEETING[0] not in one.output
    later = runner.invoke(app, ["report", "--store", str(tmp_path / "store"), "--since", "2999"])
    assert later.exit_code == 0 and "0 events" in later.output


def test_a_folder_that_is_no_store_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "not a reconciler store" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(StoreError, match="not a reconciler store"):
        Store(tmp_path / "nothing", read_only=True)


def test_a_damaged_store_and_unreadable_pages_are_one_line_errors(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "store.sqlite").write_text("not a database", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["report", "--store", str(damaged)])
    assert result.exit_code == 2 and "not a usable SQLite store" in result.output
    missing = runner.invoke(app, ["add", str(tmp_path / "absent"), "--store", str(tmp_path / "s")])
    assert missing.exit_code == 1 and "no page could be read" in missing.output
    assert not (tmp_path / "s").exists()
    assert "Traceback" not in result.output + missing.output


def test_a_page_whose_content_changed_is_redone_in_place(
    tmp_path: Path, seeds_dir: Path, counted: CountingEmbedder
) -> None:
    folder = seed_folder(tmp_path, seeds_dir, "pages", [*SAME_MEETING, OTHER_STORY])
    store_add.add([folder], tmp_path / "store")
    changed = folder / f"{SAME_MEETING[0]}.txt"
    lines = changed.read_text(encoding="utf-8").splitlines()
    lines[2] += " নতুন লাইন"  # the headline: what is embedded changes too
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counted.passages.clear()
    summary = store_add.add([folder], tmp_path / "store")
    assert summary.new_pages == 1 and len(counted.passages) == 1
    with Store(tmp_path / "store", read_only=True) as opened:
        pages = opened.pages()
        assert sorted(page.id for page in pages) == sorted([*SAME_MEETING, OTHER_STORY])
        assert "নতুন লাইন" in next(p.text for p in pages if p.id == SAME_MEETING[0])
        assert len(opened.page_vectors()) == 3


def manifest_part(tmp_path: Path, dataset: Path, name: str, lines: Sequence[str]) -> Path:
    """A copy of ``dataset`` listing only ``lines`` of its manifest."""
    folder = tmp_path / name
    shutil.copytree(dataset / "docs", folder / "docs")
    (folder / "manifest.jsonl").write_text("".join(lines), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_the_dev_set_added_in_two_batches_gives_the_events_of_one_run(
    tmp_path: Path, counted: CountingEmbedder
) -> None:
    from reconciler import pipeline

    dev = Path(__file__).resolve().parents[1] / "data" / "dev"
    lines = (dev / "manifest.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    whole = pipeline.run([dev], embedder=counted)
    store = tmp_path / "store"
    store_add.add([manifest_part(tmp_path, dev, "half", lines[::2])], store)
    summary = store_add.add([manifest_part(tmp_path, dev, "rest", lines[1::2])], store)
    assert summary.new_pages == len(lines[1::2])
    assert summary.touched_events < len(whole.events)  # the untouched ones kept their rows
    with Store(store, read_only=True) as opened:
        grouped = {frozenset(event.page_ids) for event in opened.events()}
    assert grouped == {frozenset(event.page_ids) for event in whole.events}

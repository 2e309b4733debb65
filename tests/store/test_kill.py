"""A ``kill -9`` at any moment leaves the store as it was before the batch or after it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import faiss
import pytest

from reconciler.store import Store
from reconciler.store import add as store_add

ROOT = Path(__file__).resolve().parents[2]
FIRST = ("000_0e6dffc1376d8ce7", "002_a3c9b217fc6e40a5")
SECOND = ("001_6a6c5dd935f09d3d", "003_cbbc99518943bbb7", "004_eb938ce2fab2adef")

# Writes one large batch of synthetic rows into the store given, so that a kill lands inside
# the write itself (the real add below spends most of its time before writing).
LARGE_WRITE = """
import sys
from pathlib import Path
import numpy as np
from reconciler.records import Event, Page, Region, RegionKind
from reconciler.store import Batch, Store
pages = [Page(id=f"synthetic-{k}", text="x" * 200, regions=(Region(RegionKind.BODY, 0, 200),))
         for k in range(int(sys.argv[2]))]
with Store(Path(sys.argv[1])) as store:
    old = store.pages()
    rows = {page.id: len(old) + k for k, page in enumerate(pages)}
    vectors = np.random.default_rng(0).normal(size=(len(old) + len(pages), 384)).astype("float32")
    store.write(Batch(pages=pages, positions=rows, content_hashes={p.id: p.id for p in pages},
                      extracted=[], resolved={}, vectors=vectors, cached_vectors={},
                      events=[Event(id=f"event-s{k}", page_ids=(p.id,)) for k, p in
                              enumerate(pages)], removed_events=[], conflicts=[]))
"""


def state(directory: Path) -> tuple[int, frozenset[str]]:
    """(batches, page ids) after checking that rows and the vector file agree."""
    database = sqlite3.connect(directory / "store.sqlite")
    assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    database.close()
    with Store(directory) as store:  # opening for writing also clears what a kill left
        pages = frozenset(page.id for page in store.pages())
        batches = store.batch_count()
        files = sorted(path.name for path in directory.glob("pages-*"))
        assert files == [f"pages-{batches}.faiss"]
        assert faiss.read_index(str(directory / files[0])).ntotal == len(pages)
    return batches, pages


def killed_at(command: list[str], after: float) -> None:
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.fixture
def first_store(tmp_path: Path, seeds_dir: Path) -> tuple[Path, Path]:
    """A store holding the first batch, and a folder with the pages of the second."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, ids in ((first, FIRST), (second, SECOND)):
        folder.mkdir()
        for page_id in ids:
            shutil.copy(seeds_dir / f"{page_id}.txt", folder)
    store_add.add([first], tmp_path / "store")
    return tmp_path / "store", second


@pytest.mark.slow
def test_add_killed_at_random_moments_leaves_the_store_before_or_after(
    first_store: tuple[Path, Path], tmp_path: Path
) -> None:
    store, second = first_store
    before = state(store)
    command = [sys.executable, "-m", "reconciler.cli", "add", str(second), "--store"]
    started = time.perf_counter()
    complete = tmp_path / "complete"
    shutil.copytree(store, complete)
    subprocess.run(
        [*command, str(complete)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    duration = time.perf_counter() - started
    after = state(complete)
    assert after[0] == before[0] + 1 and after[1] == before[1] | set(SECOND)

    draw = random.Random()
    for attempt in range(4):
        # Half the kills in the last fifth of the run, where the batch is written.
        moment = duration * (draw.uniform(0.8, 1.0) if attempt % 2 else draw.uniform(0, 1))
        trial = tmp_path / f"trial-{attempt}"
        shutil.copytree(store, trial)
        killed_at([*command, str(trial)], moment)
        assert state(trial) in (before, after), f"killed after {moment:.2f} s"


def test_a_large_write_killed_at_random_moments_is_all_or_nothing(
    first_store: tuple[Path, Path], tmp_path: Path
) -> None:
    store, _ = first_store
    before = state(store)
    command = [sys.executable, "-c", LARGE_WRITE]
    draw = random.Random()
    for attempt in range(5):
        trial = tmp_path / f"trial-{attempt}"
        shutil.copytree(store, trial)
        moment = draw.uniform(0.5, 5.0)
        killed_at([*command, str(trial), "20000"], moment)
        batches, pages = state(trial)
        assert (batches, pages) == before or (
            batches == before[0] + 1 and len(pages) == len(before[1]) + 20000
        ), f"killed after {moment:.2f} s"

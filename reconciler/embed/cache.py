"""Every vector computed once: an embedder wrapper keyed by the hash of what was embedded.

Why: a run sends the same texts again and again (issue 15: 2,099 quote texts sent for
alignment on 500 pages, 122 of them distinct), and an incremental store must not re-embed a
page it already holds. The key covers the model, the prefix kind and the exact text, so two
models or a query and a passage never share a row.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping, Sequence

import numpy as np

from reconciler.embed import Embedder


def content_key(model: str, text: str, *, query: bool) -> str:
    kind = "query" if query else "passage"
    return hashlib.sha256(f"{model}\x00{kind}\x00{text}".encode()).hexdigest()


class CachedEmbedder:
    """Encodes only texts whose key is not in ``vectors`` (a dict, or a store's mapping)."""

    def __init__(
        self, inner: Embedder, vectors: MutableMapping[str, np.ndarray] | None = None
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.vectors: MutableMapping[str, np.ndarray] = {} if vectors is None else vectors
        self.computed = 0  # texts the model actually ran on (benchmarks report it)

    def uncached(self, texts: Sequence[str], *, query: bool = False) -> list[str]:
        """The distinct texts of ``texts`` that have no vector yet."""
        missing: dict[str, str] = {}
        for text in texts:
            key = content_key(self.name, text, query=query)
            if key not in missing and key not in self.vectors:
                missing[key] = text
        return list(missing.values())

    def remember(self, texts: Sequence[str], vectors: np.ndarray, *, query: bool = False) -> None:
        """Keep vectors computed elsewhere (another process, a worker)."""
        for text, vector in zip(texts, vectors, strict=True):
            self.vectors[content_key(self.name, text, query=query)] = vector
        self.computed += len(texts)

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        missing = self.uncached(texts, query=query)
        if missing:
            self.remember(missing, self.inner.encode(missing, query=query), query=query)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack(
            [self.vectors[content_key(self.name, text, query=query)] for text in texts]
        ).astype(np.float32)


def cached(embedder: Embedder) -> CachedEmbedder:
    """``embedder`` behind a cache (itself when it already is one)."""
    return embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder)

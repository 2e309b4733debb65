"""Any sentence-transformers model, by hub name (already cached) or local path."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from reconciler.embed import EmbedderError, ModelSpec


class SentenceTransformerEmbedder:
    def __init__(self, spec: ModelSpec, *, device: str | None = None) -> None:
        # Never reach for the hub at run time: a name must already be cached or be a path.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise EmbedderError(
                f"model {spec.name!r} needs sentence-transformers: "
                "pip install torch==2.13.0 && pip install 'reconciler[st]'"
            ) from error
        try:
            self._model = SentenceTransformer(spec.name, device=device)
        except Exception as error:  # the library raises many kinds; the user needs one line
            raise EmbedderError(f"cannot load model {spec.name!r}: {error}") from error
        self.name = spec.name
        self._spec = spec
        # sentence-transformers 5 renamed the method; keep both spellings working.
        dimension_of = getattr(self._model, "get_embedding_dimension", None)
        dimension_of = dimension_of or self._model.get_sentence_embedding_dimension
        self.dimension = int(dimension_of() or 0)
        self.device = str(self._model.device)

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        prefix = self._spec.query_prefix if query else self._spec.passage_prefix
        rows = self._model.encode(
            [prefix + text for text in texts],
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(rows, dtype=np.float32)

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from reconciler import pipeline


class HashEmbedder:
    """Vectors from a hash of the text: these tests are about what is printed, not about which
    pages an event holds, and need no model."""

    name = "hash"
    dimension = 16

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        rows = [
            np.frombuffer(hashlib.sha256(text.encode("utf-8")).digest()[:16], dtype=np.uint8)
            for text in texts
        ]
        vectors = np.array(rows, dtype=np.float32).reshape(len(texts), self.dimension) + 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture
def hash_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "get_embedder", lambda *args, **kwargs: HashEmbedder())

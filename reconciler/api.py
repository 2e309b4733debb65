"""The Python API for notebooks and scripts: ``reconcile(...)`` returns typed records."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reconciler import pipeline
from reconciler.embed import Embedder
from reconciler.ingest import PageInput
from reconciler.records import Result


def reconcile(
    inputs: PageInput | Sequence[PageInput],
    *,
    model: str | None = None,
    device: str | None = None,
    progress: bool = False,
    embedder: Embedder | None = None,
) -> Result:
    """Read pages, cluster them into events and flag conflicting claims.

    ``inputs``: a path (file, folder, curated dataset, .jsonl), a page mapping
    (``{"id", "text" | "html", "source"?, "url"?, "fetched_at"?}``), or a list of those.
    Unreadable pages are listed in ``result.errors``; the rest are processed.
    """
    if isinstance(inputs, str | Path) or hasattr(inputs, "keys"):
        inputs = [inputs]  # type: ignore[list-item]
    options = pipeline.Options(model=model, device=device, progress=progress)
    return pipeline.run(list(inputs), options, embedder=embedder)  # type: ignore[arg-type]

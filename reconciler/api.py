"""The Python API for notebooks and scripts: ``reconcile(...)`` returns typed records
(a ``Result``, with DataFrame views and a rich display for notebooks)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reconciler import pipeline
from reconciler.embed import Embedder
from reconciler.ingest import PageInput
from reconciler.notebook import Reconciliation


def reconcile(
    inputs: PageInput | Sequence[PageInput],
    *,
    model: str | None = None,
    device: str | None = None,
    progress: bool = False,
    embedder: Embedder | None = None,
) -> Reconciliation:
    """Read pages, cluster them into events and flag conflicting claims.

    ``inputs``: a path (file, folder, curated dataset, .jsonl), a page mapping
    (``{"id", "text" | "html", "source"?, "url"?, "fetched_at"?}``), or a list of those.
    Unreadable pages are listed in ``result.errors``; the rest are processed. The result is a
    ``Result``; ``events_df()``, ``claims_df()`` and ``conflicts_df()`` give DataFrames.
    """
    if isinstance(inputs, str | Path) or hasattr(inputs, "keys"):
        inputs = [inputs]  # type: ignore[list-item]
    options = pipeline.Options(model=model, device=device, progress=progress)
    result = pipeline.run(list(inputs), options, embedder=embedder)
    return Reconciliation.of(result)

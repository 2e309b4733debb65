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

    Arguments:
        inputs: what to read: a path (a page file, a folder of them, a curated dataset with
            ``manifest.jsonl``, or a ``.jsonl`` of pages), a page mapping
            (``{"id", "text" | "html", "source"?, "url"?, "fetched_at"?}``), or a list mixing
            those.
        model: the embedding model, a sentence-transformers name or local path; None (the
            default) uses the bundled multilingual-e5-small, no download.
        device: where a sentence-transformers model runs ("cpu", "cuda", ...); None lets it
            choose. The bundled model always runs on the CPU.
        progress: show progress bars (on a terminal only) for every long stage.
        embedder: an ``Embedder`` object to use instead of loading ``model`` (to reuse one
            across calls, or to test with a fake).

    Unreadable pages are listed in ``result.errors``; the rest are processed. The result is a
    ``Result`` (typed records: ``pages``, ``claims``, ``events``, ``conflicts``) with
    DataFrame views: ``pages_df()``, ``events_df()``, ``conflicts_df()``, ``evidence_df()``
    (keyed by conflict id), ``claims_df()``; ``export(folder, "csv" | "parquet")`` writes them
    and ``reconciler.notebook.read_export(folder)`` reads them back.
    """
    if isinstance(inputs, str | Path) or hasattr(inputs, "keys"):
        inputs = [inputs]  # type: ignore[list-item]
    options = pipeline.Options(model=model, device=device, progress=progress)
    result = pipeline.run(list(inputs), options, embedder=embedder)
    return Reconciliation.of(result)

"""Ingest: files, folders, curated datasets and JSONL in; cleaned ``Page`` records out.

``load`` never raises for bad content: every input it cannot read becomes a ``PageError``
naming the file (and line), and the rest still load.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from reconciler.ingest.pages import build_page
from reconciler.ingest.readers import Document, read_inputs
from reconciler.ingest.settings import DEFAULT_SETTINGS, IngestSettings
from reconciler.records import Page, PageError

PageInput = str | Path | Mapping[str, Any]

__all__ = ["IngestSettings", "Loaded", "PageInput", "load"]


@dataclass(frozen=True)
class Loaded:
    pages: tuple[Page, ...]
    errors: tuple[PageError, ...]


def load(
    inputs: Sequence[PageInput],
    *,
    progress: bool = False,
    settings: IngestSettings = DEFAULT_SETTINGS,
) -> Loaded:
    """Read every input; pages in input order, one error per input that could not be read."""
    pages: list[Page] = []
    errors: list[PageError] = []
    first_origin: dict[str, str] = {}
    for item in _with_progress(list(read_inputs(inputs, settings)), enabled=progress):
        if isinstance(item, PageError):
            errors.append(item)
            continue
        if item.id in first_origin:
            errors.append(
                PageError(
                    item.origin, f"duplicate page id {item.id!r} (first in {first_origin[item.id]})"
                )
            )
            continue
        page = build_page(item, settings)
        if isinstance(page, PageError):
            errors.append(page)
            continue
        first_origin[item.id] = item.origin
        pages.append(page)
    return Loaded(tuple(pages), tuple(errors))


def _with_progress(
    items: list[Document | PageError], *, enabled: bool
) -> Iterable[Document | PageError]:
    if not (enabled and sys.stderr.isatty()):
        return items
    bar: Iterable[Document | PageError] = tqdm(items, desc="pages", unit="page", file=sys.stderr)
    return bar

"""Ingest: files, folders, curated datasets and JSONL in; cleaned ``Page`` records out.
(placeholder until written)"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconciler.records import Page, PageError

PageInput = str | Path | Mapping[str, Any]


@dataclass(frozen=True)
class Loaded:
    pages: tuple[Page, ...]
    errors: tuple[PageError, ...]


def load(inputs: Sequence[PageInput]) -> Loaded:
    raise NotImplementedError

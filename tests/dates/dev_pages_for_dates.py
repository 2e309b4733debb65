"""The dev set's pages, read once by ingest, and the gold file, for the date tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from reconciler.ingest import load
from reconciler.records import Page

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"


@cache
def dev_pages() -> dict[str, Page]:
    return {page.id: page for page in load([DEV]).pages}


@cache
def gold() -> dict[str, Any]:
    return json.loads((DEV / "gold.json").read_text(encoding="utf-8"))

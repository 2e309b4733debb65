"""Hypothesis profiles: "ci" (default) keeps the fuzz suite to seconds; "thorough" is for a
local hunt: HYPOTHESIS_PROFILE=thorough pytest tests/fuzz."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from reconciler.ingest import load

settings.register_profile(
    "ci",
    max_examples=60,
    # No time limit: the 2-core machines CI shares ran one example in 14-27 s when loaded (and
    # under 50 ms when idle), so a deadline measured the machine's load, not the code; speed is
    # bench/big_page.py's and bench/fuzz_pages.py's job.
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same examples on every CI run: a failure is reproducible
)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True, scope="session")
def _warm_caches() -> None:
    """Load the language detector and word lists once, outside any example's deadline."""
    texts = ["A first sentence to read.\nAvwg evsjvq Mvb MvB", "Õ<body>", "ä", "中文 আমি"]
    load([{"id": "w", "text": text} for text in texts] + [{"id": "h", "html": "<p>ä Õ</p>"}])
    load([Path(__file__).resolve().parents[1] / "data" / "dev"])

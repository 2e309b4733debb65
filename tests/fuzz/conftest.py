"""Hypothesis profiles: "ci" (default) keeps the fuzz suite to seconds; "thorough" is for a
local hunt: HYPOTHESIS_PROFILE=thorough pytest tests/fuzz."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from reconciler.ingest import load

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=2000,  # ms per example: a slow one is a finding, a loaded CI machine is not
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same examples on every CI run: a failure is reproducible
)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True, scope="session")
def _warm_caches() -> None:
    """Load the language detector and word lists once, outside any example's deadline."""
    load([{"id": "warm", "text": "A first sentence to read.\nAvwg evsjvq Mvb MvB"}])

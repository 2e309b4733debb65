from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV_DATASET = ROOT / "tests" / "data" / "dev"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def dev_dataset() -> Path:
    return DEV_DATASET


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS

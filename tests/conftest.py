from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconciler.ingest import load
from reconciler.records import Event, Page

ROOT = Path(__file__).resolve().parent.parent
DEV_DATASET = ROOT / "tests" / "data" / "dev"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def dev_dataset() -> Path:
    return DEV_DATASET


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def dev_pages(dev_dataset: Path) -> dict[str, Page]:
    return {page.id: page for page in load([dev_dataset]).pages}


@pytest.fixture(scope="session")
def gold(dev_dataset: Path) -> dict:
    return json.loads((dev_dataset / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gold_events(gold: dict) -> list[Event]:
    return [Event(event["id"], tuple(event["docs"])) for event in gold["events"]]

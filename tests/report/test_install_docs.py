"""What a new user copies: the install lines name our PyPI distribution, and the browser setup
brings CJK fonts."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _distribution() -> str:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["name"]


def test_readme_installs_our_distribution_not_the_namesake() -> None:
    name = _distribution()
    assert name != "reconciler"  # taken on PyPI by an unrelated package
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    installs = re.findall(r"pip install ([^\s`]+)", readme)
    assert installs and all(spec.strip("'\"").startswith(name) for spec in installs), installs


def test_browser_setup_installs_cjk_fonts() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbrowser:", 1)[1].split("\n\n", 1)[0]
    assert "chromium" in recipe and "fonts-noto-cjk" in recipe


def test_dataset_format_is_described_inside_the_repository() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme
    described = (REPO / "docs" / "dataset-format.md").read_text(encoding="utf-8")
    for name in ("manifest.jsonl", "gold.json", "reviews.json", "fetched_at"):
        assert name in described

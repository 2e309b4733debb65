"""The HTML report in a real browser: conflicts shown, page text inert, a screenshot kept."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from reconciler.report import html

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SEED_003_SPANS = ("শনিবার , ২ নভেম্বর ২০২৪", "২৪শে অগ্রহায়ণ, ১৪৩১ বঙ্গাব্দ")


def _chromium(report: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    # Missing Chromium is a failure, not a skip: `make test` installs it.
    assert CHROMIUM.exists(), "Chromium missing: apt-get install -y chromium (make test does)"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", *extra, report.as_uri(),
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, seeds_document: dict[str, Any]) -> Path:
    folder = tmp_path_factory.mktemp("html")
    report = folder / "report.html"
    report.write_text(html.render(seeds_document), encoding="utf-8")
    return report


@pytest.fixture(scope="module")
def dom(rendered: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _chromium(rendered, tmp_path_factory.mktemp("profile"), "--dump-dom").stdout


def test_seed_003_calendar_conflict_has_both_spans_highlighted(dom: str) -> None:
    conflict = re.search(
        r'<article class="conflict" id="[^"]*" data-kind="calendar_mismatch">.*?</article>',
        dom,
        re.DOTALL,
    )
    assert conflict, "no calendar conflict in the rendered report"
    marked = re.findall(r"<mark>(.*?)</mark>", conflict.group(0))
    assert sorted(marked) == sorted(SEED_003_SPANS)
    assert "Bangabda" in conflict.group(0) and "2024-12-09 (Gregorian)" in conflict.group(0)


def test_injected_page_text_runs_nothing(dom: str) -> None:
    # The hostile text is shown, as text...
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    assert "onerror=" in dom
    # ...and neither its script nor its event handler ran.
    assert "<title>reconciler report</title>" in dom
    assert "pwned</title>" not in dom
    assert "data-pwned" not in dom.replace("data-pwned','1')", "")
    assert "<img" not in dom


def test_screenshot_is_saved(rendered: Path, tmp_path: Path) -> None:
    screenshot = tmp_path / "report-screenshot.png"
    _chromium(
        rendered, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1280,2000"
    )
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    kept = REPO / "out" / "report-screenshot.png"
    kept.parent.mkdir(exist_ok=True)
    shutil.copyfile(screenshot, kept)

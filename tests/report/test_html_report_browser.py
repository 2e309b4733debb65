"""The HTML report in a real browser: conflicts shown, pages linked, filters working, page
text inert, a screenshot kept."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from reconciler.report import html

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SEED_003_SPANS = ("শনিবার , ২ নভেম্বর ২০২৪", "২৪শে অগ্রহায়ণ, ১৪৩১ বঙ্গাব্দ")


def _chromium(
    report: Path, profile: Path, *extra: str, fragment: str = ""
) -> subprocess.CompletedProcess[str]:
    # Missing Chromium is a failure, not a skip: `make test` installs it.
    assert CHROMIUM.exists(), "Chromium missing: apt-get install -y chromium (make test does)"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", *extra, report.as_uri() + fragment,
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


def test_pages_link_to_their_files(dom: str, hostile_seeds: Path) -> None:
    for page in sorted(hostile_seeds.iterdir()):
        assert f'href="{page.resolve().as_uri()}"' in dom, page.name


def _overview_rows(dom: str) -> list[tuple[list[str], list[str], bool]]:
    """(kinds, languages, hidden) of each row of the overview table."""
    table = re.search(r'<table id="overview">.*?</table>', dom, re.DOTALL)
    assert table, "no overview table"
    return [
        (json.loads(unescape(row["kind"])), json.loads(unescape(row["lang"])), bool(row["hidden"]))
        for row in re.finditer(
            r'<tr data-kind="(?P<kind>[^"]*)" data-lang="(?P<lang>[^"]*)"[^>]*?(?P<hidden> hidden)?'
            r'(?:="")?>',
            table.group(0),
        )
    ]


def test_filters_show_only_the_chosen_kind_and_language(rendered: Path, tmp_path: Path) -> None:
    everything = _overview_rows(_chromium(rendered, tmp_path / "a", "--dump-dom").stdout)
    assert everything and not any(hidden for *_, hidden in everything)
    by_kind = _chromium(rendered, tmp_path / "b", "--dump-dom", fragment="#kind=calendar_mismatch")
    rows = _overview_rows(by_kind.stdout)
    shown = [kinds for kinds, _, hidden in rows if not hidden]
    assert shown and all(kinds == ["calendar_mismatch"] for kinds in shown)
    assert len(shown) < len(rows)
    assert f"{len(shown)} of {len(rows)}" in by_kind.stdout
    by_lang = _chromium(rendered, tmp_path / "c", "--dump-dom", fragment="#lang=en")
    rows = _overview_rows(by_lang.stdout)
    assert all(("en" in languages) != hidden for _, languages, hidden in rows)
    assert any(hidden for *_, hidden in rows) and not all(hidden for *_, hidden in rows)


def test_source_filter_keeps_the_rows_of_that_outlet(
    seeds_document: dict[str, Any], tmp_path: Path
) -> None:
    sourced = copy.deepcopy(seeds_document)
    for page in sourced["pages"]:
        page["source"] = "Outlet <B>" if page["lang"] == "en" else "Outlet A"
    report = tmp_path / "sourced.html"
    report.write_text(html.render(sourced), encoding="utf-8")
    dom = _chromium(report, tmp_path / "p", "--dump-dom", fragment="#source=Outlet+%3CB%3E").stdout
    english = {page["id"] for page in sourced["pages"] if page["lang"] == "en"}
    rows = re.findall(r'<tr data-kind="[^"]*" data-lang="[^"]*" data-source="([^"]*)"([^>]*)>', dom)
    assert rows
    for sources, rest in rows:
        assert ("Outlet <B>" in json.loads(unescape(sources))) == ("hidden" not in rest)
    assert english and any("hidden" in rest for _, rest in rows)

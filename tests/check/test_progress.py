"""Progress bars cover every long stage on a terminal, and stay quiet in CI and with --quiet."""

from __future__ import annotations

import io
import sys

import pytest

from reconciler import cli, pipeline
from reconciler.ingest import load


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_every_stage_shows_progress_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, seeds_dir, memo_embedder
) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    pages = load([seeds_dir]).pages
    pipeline.run_pages(pages, pipeline.Options(progress=True), embedder=memo_embedder)
    shown = terminal.getvalue()
    for stage in ("claims", "embed", "cluster", "describe", "conflicts"):
        assert f"{stage}:" in shown, stage


@pytest.mark.parametrize(
    ("quiet", "ci", "expected"), [(False, "", True), (True, "", False), (False, "true", False)]
)
def test_quiet_and_ci_turn_progress_off(
    monkeypatch: pytest.MonkeyPatch, quiet: bool, ci: str, expected: bool
) -> None:
    monkeypatch.setattr(sys, "stderr", Terminal())
    monkeypatch.setenv("CI", ci)
    assert cli._configure(quiet, verbose=False) is expected

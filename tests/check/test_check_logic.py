"""The gate's decisions on hand-built results: matching, --fail-on, --min-confidence, logs."""

from __future__ import annotations

import logging
import os
from dataclasses import replace

import pytest

from reconciler import check, cli
from reconciler.check import output
from reconciler.evaluate import GoldConflict
from reconciler.records import Claim, ClaimKind, Conflict, ConflictKind, Page, RegionKind, Result


def _result(*conflicts: tuple[ConflictKind, tuple[str, ...], float]) -> Result:
    pages = tuple(Page(page_id, "x\ny", (), path=None) for page_id in ("a", "b", "c"))
    records = tuple(
        Conflict(
            kind,
            page_ids,
            tuple(
                Claim(ClaimKind.NUMBER, page_id, 2, 3, "y", RegionKind.BODY, "1", 0.9)
                for page_id in page_ids
            ),
            confidence,
            f"{kind} differs",
        )
        for kind, page_ids, confidence in conflicts
    )
    return Result(pages, (), (), records)


FOUND = _result(
    (ConflictKind.NUMBER, ("b", "a"), 0.9),  # page order does not matter
    (ConflictKind.QUOTE, ("a", "c"), 0.4),
)


def test_exact_match_passes() -> None:
    accepted = (
        GoldConflict("number", frozenset({"a", "b"})),
        GoldConflict("quote", frozenset({"a", "c"})),
    )
    verdict = check.compare(FOUND, accepted)
    assert verdict.passed and not verdict.new and not verdict.missing


def test_new_and_missing_and_fail_on() -> None:
    accepted = (GoldConflict("number", frozenset({"a", "b", "c"}), note="three pages"),)
    verdict = check.compare(FOUND, accepted)
    assert [conflict["kind"] for conflict in verdict.new] == ["number", "quote"]
    assert verdict.missing == accepted
    assert verdict.failures == 3 and not verdict.passed
    only_quotes = check.compare(FOUND, accepted, fail_on={"quote"})
    assert only_quotes.failures == 1
    only_location = check.compare(FOUND, accepted, fail_on={"location"})
    assert only_location.passed
    assert output.log_lines(only_location)[-1] == (
        "check ok (3 differences of kinds outside --fail-on)"
    )


def test_min_confidence_drops_weak_findings_before_matching() -> None:
    accepted = (GoldConflict("number", frozenset({"a", "b"})),)
    verdict = check.compare(FOUND, accepted, min_confidence=0.5)
    assert verdict.passed
    assert [conflict["kind"] for conflict in verdict.ignored] == ["quote"]
    assert [entry["kind"] for entry in check.baseline(verdict)["conflicts"]] == ["number"]


def test_verbose_logs_each_decision(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="reconciler.check"):
        check.compare(FOUND, (GoldConflict("location", frozenset({"c"})),), min_confidence=0.5)
    assert caplog.messages == [
        "ignored quote a, c (confidence 0.40 < 0.50)",
        "new number a, b",
        "missing location c",
    ]


def test_annotations_escape_workflow_command_syntax() -> None:
    verdict = check.compare(_result((ConflictKind.NUMBER, ("a",), 0.9)), ())
    page = dict(verdict.pages["a"], path="docs/a,b:1.txt")
    escaped = replace(verdict, pages={"a": page})
    (line,) = output.github_annotations(escaped)
    assert line.startswith("::error file=docs/a%2Cb%3A1.txt,line=2::new number conflict (0.90)")


def test_parse_kinds() -> None:
    assert check.parse_kinds("number, quote") == {"number", "quote"}
    with pytest.raises(ValueError, match="unknown conflict kind numbers"):
        check.parse_kinds("numbers")


def test_progress_bars_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)
    assert cli._configure(quiet=False, verbose=False)
    assert not cli._configure(quiet=True, verbose=False)
    monkeypatch.setenv("CI", "true")
    assert not cli._configure(quiet=False, verbose=False)
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False)
    monkeypatch.delenv("CI")
    assert "CI" not in os.environ and not cli._configure(quiet=False, verbose=False)

"""Outputs are written whole or not at all; broken gold and review files are usage errors;
Ctrl-C stops at once."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconciler import atomic_write, pipeline
from reconciler.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data" / "dev"


def _no_run(*args: object, **kwargs: object) -> None:
    raise AssertionError("the run must not start")


def test_atomic_write_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", "utf-8")
    atomic_write.write_text(target, "new ✓")
    assert target.read_text("utf-8") == "new ✓"
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]


def test_failed_write_keeps_the_previous_report(tmp_path: Path) -> None:
    # A file size limit hit mid-write: the old report stays, no temporary file is left.
    target = tmp_path / "report.json"
    previous = json.dumps({"pages": ["x" * 100] * 100})
    target.write_text(previous, "utf-8")
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        from pathlib import Path
        from reconciler import atomic_write
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
        try:
            atomic_write.write_text(Path({str(target)!r}), "y" * 50_000)
        except OSError:
            sys.exit(3)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False
    )
    assert done.returncode == 3
    assert target.read_text("utf-8") == previous
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]


@pytest.mark.parametrize(
    "args",
    [
        ["report", str(DEV), "-o", "{tmp}/missing/report.txt"],
        ["report", str(DEV), "-o", "{tmp}"],
        ["check", str(DEV), "--junit", "{tmp}/no/junit.xml"],
        ["review", str(DEV), "--reviews", "{tmp}/no/r.json", "--accept", "all", "--reviewer", "a"],
    ],
)
def test_unwritable_output_is_refused_before_the_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str]
) -> None:
    monkeypatch.setattr(pipeline, "run", _no_run)
    outcome = runner.invoke(app, [arg.replace("{tmp}", str(tmp_path)) for arg in args])
    assert outcome.exit_code == 2
    assert len(outcome.stderr.strip().splitlines()) == 1


def _gold_cases(folder: Path) -> dict[str, Path]:
    cases = {}
    for name, content in {
        "not-utf8": '{"events": [], "note": "caf\xe9"}'.encode("latin-1"),
        "not-json": b"{events: ",
        "kind-list": json.dumps({"conflicts": [{"kind": ["number"], "docs": ["a"]}]}).encode(),
        "docs-string": json.dumps({"conflicts": [{"kind": "number", "docs": "g1"}]}).encode(),
        "events-object": json.dumps({"events": {"id": "e"}}).encode(),
        "array": b"[]",
    }.items():
        dataset = folder / name
        shutil.copytree(DEV, dataset, ignore=shutil.ignore_patterns("gold.json"))
        (dataset / "gold.json").write_bytes(content)
        cases[name] = dataset
    folder_gold = folder / "gold-folder"
    shutil.copytree(DEV, folder_gold, ignore=shutil.ignore_patterns("gold.json"))
    (folder_gold / "gold.json").mkdir()
    cases["folder"] = folder_gold
    return cases


def test_broken_gold_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pipeline, "run", _no_run)
    for name, dataset in _gold_cases(tmp_path).items():
        outcome = runner.invoke(app, ["eval", str(dataset)])
        assert outcome.exit_code == 2, (name, outcome.output)
        message = outcome.stderr.strip().splitlines()
        assert len(message) == 1 and "gold.json" in message[0], (name, message)


_REVIEW = {"id": "number-0a1b2c3d4e5f", "decision": "accepted", "reviewer": "ana"}


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"conflicts": [_REVIEW | {"pages": "g1"}]}).encode(),  # not split into g, 1
        json.dumps({"conflicts": [_REVIEW | {"id": ["number-0a1b2c3d4e5f"]}]}).encode(),
        json.dumps({"conflicts": [_REVIEW | {"decision": "maybe"}]}).encode(),
        json.dumps({"conflicts": [_REVIEW | {"kind": ["number"]}]}).encode(),
        json.dumps({"conflicts": {"id": "x"}}).encode(),
        json.dumps(["not", "a", "review file"]).encode(),
        '{"conflicts": [], "note": "caf\xe9"}'.encode("latin-1"),
        b"{conflicts: ",
        None,  # a folder
    ],
)
@pytest.mark.parametrize("command", ["check", "review"])
def test_broken_review_file_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes | None, command: str
) -> None:
    monkeypatch.setattr(pipeline, "run", _no_run)
    reviews = tmp_path / "reviews.json"
    if content is None:
        reviews.mkdir()
    else:
        reviews.write_bytes(content)
    outcome = runner.invoke(app, [command, str(DEV), "--reviews", str(reviews)])
    assert outcome.exit_code == 2, outcome.output
    message = outcome.stderr.strip().splitlines()
    assert len(message) == 1 and "reviews.json" in message[0], message


@pytest.mark.slow
def test_ctrl_c_stops_within_two_seconds(tmp_path: Path) -> None:
    output = tmp_path / "report.json"
    output.write_text("previous", "utf-8")
    command = ["report", str(DEV), "-f", "json", "-o", str(output), "-q"]
    process = subprocess.Popen(
        [sys.executable, "-c", "from reconciler.cli import main; main()", *command],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(4)  # into the run: pages read, the model loading or embedding
    assert process.poll() is None, "the run ended before it could be interrupted"
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    code = process.wait(timeout=10)
    elapsed = time.monotonic() - sent
    assert code == 130
    assert elapsed < 2.0
    assert process.stderr is not None
    assert process.stderr.read().strip().splitlines()[-1] == "error: interrupted"
    assert output.read_text("utf-8") == "previous"

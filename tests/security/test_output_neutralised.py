"""Hostile page text, ids, file names and gold notes cannot inject into terminals, CI logs,
Markdown comments or JUnit XML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconciler import neutralize
from reconciler.cli import app

runner = CliRunner()
DEV_DOCS = Path(__file__).resolve().parents[1] / "data" / "dev" / "docs"
OSC_TITLE = "\x1b]0;owned\x07"
OSC_CLIPBOARD = "\x1b]52;c;ZWNobyBvd25lZA==\x07"
COLOR = "\x1b[31;1m"
# A runner executes a line that starts (after blanks) with "::" or "##[".
_COMMAND_LINE = re.compile(r"^\s*(::|##\[)")


def _hostile_text() -> str:
    story = (DEV_DOCS / "doc-007.txt").read_text("utf-8")
    headline, rest = story.split("\n", 1)
    return (
        f"{OSC_TITLE}{headline} {COLOR}@octocat{OSC_CLIPBOARD}\n"
        "::add-mask::secret-value\n  ::set-output name=x::1\n##[error]forged\n" + rest
    )


def _command_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if _COMMAND_LINE.match(line)]


@pytest.fixture
def hostile_inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "evil\n::stop-commands::pause.txt").write_text(_hostile_text(), "utf-8")
    (folder / "broken\n::error::forged.txt").write_bytes(b"")
    jsonl = tmp_path / "records.jsonl"
    record = {"id": "id @octocat\n::add-mask::x\x1b]0;t\x07", "text": _hostile_text()}
    jsonl.write_text(json.dumps(record) + "\n", "utf-8")
    return [str(folder), str(jsonl)]


def test_neutralisers_remove_what_they_must_and_keep_text() -> None:
    text = f"{OSC_TITLE}বাংলা {COLOR}text\x1b[0m\u202eevil\u202c\ttab\nنص\u200f"
    assert neutralize.terminal(text) == "বাংলা text" + "evil\ttab\nنص\u200f"
    assert neutralize.terminal(OSC_CLIPBOARD + "after") == "after"
    assert neutralize.one_line("a\nb\r\nc\u2028d") == "a b c d"
    lines = "::add-mask::x\n  ::error::y\n##[set-output name=a;]b\nfine :: here"
    defused = neutralize.workflow_commands(lines)
    assert _command_lines(defused) == []
    assert defused.splitlines()[3] == "fine :: here"
    assert neutralize.workflow_commands(defused) == defused
    assert neutralize.markdown_mentions("@octocat and @org/team, mail@example.com") == (
        "@\u200boctocat and @\u200borg/team, mail@example.com"
    )
    xml = neutralize.xml_text("ok\x00\x07\x1b\ud800\ufffe end\n")
    assert xml == "ok end\n"


@pytest.mark.parametrize("output_format", ["text", "markdown", "json", "html"])
def test_report_on_hostile_inputs_prints_nothing_a_runner_or_terminal_obeys(
    hash_pipeline: None, hostile_inputs: list[str], output_format: str
) -> None:
    outcome = runner.invoke(app, ["report", *hostile_inputs, "-f", output_format, "-q"])
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit)
    everything = outcome.stdout + outcome.stderr
    assert "pages, " in outcome.stdout or output_format != "text"
    assert _command_lines(everything) == []
    assert "\x1b" not in everything and "\x07" not in everything
    if output_format == "markdown":
        assert "@octocat" not in outcome.stdout and "@\u200boctocat" in outcome.stdout
    if output_format == "json":
        json.loads(outcome.stdout)  # still the document, the escapes in its strings JSON-encoded


def test_check_output_and_junit_survive_hostile_review_notes(
    hash_pipeline: None, tmp_path: Path
) -> None:
    page = tmp_path / "pages" / "story.txt"
    page.parent.mkdir()
    page.write_text((DEV_DOCS / "doc-007.txt").read_text("utf-8"), "utf-8")
    reviews = tmp_path / "reviews.json"
    note = f"{OSC_TITLE}note\n::add-mask::x\x00\x08 and @octocat"
    entry = {
        "id": "number-0a1b2c3d4e5f",  # accepted, and no longer found: a "missing" line
        "decision": "accepted",
        "reviewer": "ana\n::error::forged",
        "kind": "number",
        "pages": ["story", "other\n::error::forged"],
        "note": note,
    }
    reviews.write_text(json.dumps({"review_version": 1, "conflicts": [entry]}), "utf-8")
    junit = tmp_path / "junit.xml"
    outcome = runner.invoke(
        app,
        [
            "check",
            str(page.parent),
            "--reviews",
            str(reviews),
            "--annotations",
            "github",
            "--junit",
            str(junit),
            "-q",
        ],
    )
    assert outcome.exit_code == 1, outcome.output
    lines = outcome.stdout.splitlines()
    commands = _command_lines(outcome.stdout)
    # the one command is our annotation of the missing conflict; the forged ones are defused
    assert len(commands) == 1 and commands[0].startswith("::error"), commands
    assert "number-0a1b2c3d4e5f" in commands[0]
    assert not any(line.lstrip().startswith(("::add-mask", "::error::forged")) for line in lines)
    assert sum(line.startswith("missing") for line in lines) == 1
    assert "\x1b" not in outcome.stdout
    suite = ET.parse(junit).getroot()
    failure = suite.find("testcase/failure")
    assert failure is not None and "note" in (failure.text or "")


def test_lone_surrogates_in_ids_and_text_still_give_a_whole_report(
    hash_pipeline: None, tmp_path: Path
) -> None:
    story = (DEV_DOCS / "doc-007.txt").read_text("utf-8")
    jsonl = tmp_path / "records.jsonl"
    # json.dumps writes a lone surrogate as the escape "\ud800": valid JSON, invalid Unicode.
    records = [{"id": "a\ud800", "text": story + "\udfff"}, {"id": "b", "text": story}]
    jsonl.write_text("\n".join(json.dumps(record) for record in records) + "\n", "utf-8")
    output = tmp_path / "report.json"
    outcome = runner.invoke(app, ["report", str(jsonl), "-f", "json", "-o", str(output), "-q"])
    assert outcome.exit_code == 0, outcome.output
    report = json.loads(output.read_text("utf-8"))
    assert sorted(page["id"] for page in report["pages"]) == ["a\ufffd", "b"]

"""`reconciler check` and `reconciler review` on a copy of the dev set: review one conflict at
a time, then grow and edit the dataset."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconciler import __version__
from reconciler.check import REVIEW_FILE
from reconciler.cli import app

pytestmark = pytest.mark.usefixtures("fast_pipeline")
runner = CliRunner()
# The dev set's earthquake: doc-005 gives magnitude 7.2, doc-014 and doc-022 give 7.3.
MAGNITUDE_PAGE, MAGNITUDE_TEXT = "docs/doc-005.html", "7,2"
AGREEING_PAGE = "doc-014"


def _cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    outcome = runner.invoke(app, [*args, "--quiet"], env=env)
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.output
    return outcome.exit_code, outcome.output


def _accept_all(dataset: Path) -> list[dict]:
    code, output = _cli("review", str(dataset), "--accept", "all", "--reviewer", "ana",
                        "--note", "known disagreement")  # fmt: skip
    assert code == 0, output
    return json.loads((dataset / REVIEW_FILE).read_text(encoding="utf-8"))["conflicts"]


def _add_copy_of(dataset: Path, page_id: str, new_id: str) -> None:
    """A new page saying what ``page_id`` says, fetched after every other page."""
    manifest = dataset / "manifest.jsonl"
    entries = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    original = next(entry for entry in entries if entry["id"] == page_id)
    suffix = Path(original["path"]).suffix
    copy = dataset / "docs" / f"{new_id}{suffix}"
    copy.write_text((dataset / original["path"]).read_text(encoding="utf-8"), encoding="utf-8")
    added = original | {"id": new_id, "path": f"docs/{new_id}{suffix}", "url": None}
    added["fetched_at"] = "2099-01-01T00:00:00Z"
    with manifest.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps(added, ensure_ascii=False) + "\n")


def test_unreviewed_conflicts_fail_until_reviewed(dev_copy: Path) -> None:
    code, output = _cli("check", str(dev_copy))
    assert code == 1, output
    assert "0 reviewed" in output and "unreviewed number-" in output
    assert f"review them: reconciler review {dev_copy}" in output
    code, listing = _cli("review", str(dev_copy))
    assert code == 0 and "awaiting review" in listing and "--accept ID" in listing
    reviews = _accept_all(dev_copy)
    assert reviews and {entry["decision"] for entry in reviews} == {"accepted"}
    assert all(entry["id"] in listing for entry in reviews)
    code, output = _cli("check", str(dev_copy))
    assert code == 0, output
    assert "0 unreviewed, 0 changed, 0 missing" in output


def test_agreeing_page_keeps_check_green_and_changed_value_turns_it_red(
    dev_copy: Path, tmp_path: Path
) -> None:
    reviews = _accept_all(dev_copy)
    magnitude = next(entry for entry in reviews if entry["values"] == ["7.2", "7.3"])
    _add_copy_of(dev_copy, AGREEING_PAGE, "doc-900")
    code, output = _cli("check", str(dev_copy))
    assert code == 0, output

    page = dev_copy / MAGNITUDE_PAGE
    text = page.read_text(encoding="utf-8")
    assert MAGNITUDE_TEXT in text
    page.write_text(text.replace(MAGNITUDE_TEXT, "7,4"), encoding="utf-8")
    junit = tmp_path / "junit.xml"
    code, output = _cli(
        "check", str(dev_copy), "--annotations", "github", "--junit", str(junit)
    )  # fmt: skip
    assert code == 1, output
    assert f"accepted {magnitude['id']} (number) changed values: was 7.2, 7.3; now 7.3, 7.4" in (
        output
    )
    assert any(line.startswith(f"::error file={page},line=") for line in output.splitlines())
    cases = ET.parse(junit).getroot().iter("testcase")
    failed = [case for case in cases if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == [magnitude["id"]]


def test_accepted_conflict_no_longer_found_fails_and_can_be_dropped(dev_copy: Path) -> None:
    _accept_all(dev_copy)
    path = dev_copy / REVIEW_FILE
    document = json.loads(path.read_text(encoding="utf-8"))
    document["conflicts"].append(
        {"id": "location-gone", "decision": "accepted", "reviewer": "ana", "note": "moved",
         "kind": "location", "subject": "event:nowhere|location|place",
         "pages": ["doc-005", "doc-014"]}
    )  # fmt: skip
    path.write_text(json.dumps(document), encoding="utf-8")
    code, output = _cli("check", str(dev_copy), "--annotations", "github")
    assert code == 1, output
    assert "accepted location-gone (location on doc-005, doc-014) no longer found: moved" in output
    assert "::error file=" + str(dev_copy / MAGNITUDE_PAGE) + "::accepted" in output
    code, output = _cli("review", str(dev_copy), "--drop", "location-gone")
    assert code == 0, output
    assert _cli("check", str(dev_copy))[0] == 0


def test_step_summary_is_markdown_sized_for_github(dev_copy: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    code, _ = _cli("check", str(dev_copy), "--link-base", "https://example.org/blob/abc",
                   env={"GITHUB_STEP_SUMMARY": str(summary)})  # fmt: skip
    assert code == 1
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## reconciler check")  # appended, not replaced
    assert "### Awaiting review" in written and len(written) < 65_536
    assert "](https://example.org/blob/abc/" in written and "#L" in written


def test_version() -> None:
    outcome = runner.invoke(app, ["--version"])
    assert outcome.exit_code == 0 and outcome.output == f"reconciler {__version__}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "{missing}"], "no such dataset"),
        (["check", "{dev}", "--fail-on", "number,typo"], "unknown conflict kind typo"),
        (["check", "{dev}", "--min-confidence", "1.5"], "between 0 and 1"),
        (["check", "{dev}", "--reviews", "{missing}"], "cannot read the review file"),
        (["check", "{dev}", "--reviews", "{garbage}"], "the review file is not JSON"),
        (["check", "{dev}", "--reviews", "{wrong}"], "not a review file"),
        (["review", "{dev}", "--accept", "all"], "--reviewer NAME is required"),
        (["review", "{dev}", "--reject", "x-1", "--reviewer", "a"], "no conflict x-1 was found"),
        (
            ["review", "{dev}", "--accept", "all", "--reject", "all", "--reviewer", "a"],
            "all: both accepted and rejected",
        ),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    args: list[str], message: str, dev_copy: Path, tmp_path: Path
) -> None:
    (tmp_path / "garbage.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "wrong.json").write_text('{"conflicts": [{"kind": "nope"}]}', encoding="utf-8")
    paths = {
        "dev": str(dev_copy),
        "missing": str(tmp_path / "nowhere"),
        "garbage": str(tmp_path / "garbage.json"),
        "wrong": str(tmp_path / "wrong.json"),
    }
    code, output = _cli(*(arg.format(**paths) for arg in args))
    assert code == 2
    assert output.count("\n") == 1 and output.startswith("error: ") and message in output
    assert "Traceback" not in output


def test_eval_without_gold_says_what_to_run_instead(tmp_path: Path) -> None:
    code, output = _cli("eval", str(tmp_path))
    assert code == 2 and output.count("\n") == 1
    assert "no gold.json" in output and f"run: reconciler check {tmp_path}" in output

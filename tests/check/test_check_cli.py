"""`reconciler check`: the CI gate on a copy of the dev set."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconciler.cli import app

pytestmark = pytest.mark.usefixtures("fast_pipeline")
runner = CliRunner()
# A header whose Bangabda month no longer matches its Gregorian date: a calendar_mismatch.
EDIT = ("docs/doc-028.txt", "২৮ কার্তিক", "২৮ অগ্রহায়ণ")


def _check(*args: str) -> tuple[int, str]:
    outcome = runner.invoke(app, ["check", *args, "--quiet"])
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.output
    return outcome.exit_code, outcome.output


def _baseline(dataset: Path, folder: Path) -> Path:
    path = folder / "baseline.json"
    code, output = _check(str(dataset), "--write-baseline", str(path))
    assert code == 0, output
    return path


def test_baseline_of_current_findings_passes(dev_copy: Path, tmp_path: Path) -> None:
    baseline = _baseline(dev_copy, tmp_path)
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["conflicts"]
    assert recorded and {"kind", "pages", "explanation", "confidence"} <= set(recorded[0])
    code, output = _check(str(dev_copy), "--baseline", str(baseline))
    assert code == 0, output
    assert "0 new, 0 missing" in output


def test_edited_page_with_new_conflict_fails(dev_copy: Path, tmp_path: Path) -> None:
    baseline = _baseline(dev_copy, tmp_path)
    page = dev_copy / EDIT[0]
    text = page.read_text(encoding="utf-8")
    assert EDIT[1] in text
    page.write_text(text.replace(EDIT[1], EDIT[2], 1), encoding="utf-8")
    junit = tmp_path / "junit.xml"
    code, output = _check(
        str(dev_copy), "--baseline", str(baseline), "--annotations", "github", "--junit", str(junit)
    )
    assert code == 1, output
    assert "new      calendar_mismatch doc-028" in output
    annotation = f"::error file={page},line="
    assert any(line.startswith(annotation) for line in output.splitlines()), output
    suite = ET.parse(junit).getroot()
    failed = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    # The header has three calendars: the edit may break more than one pairing.
    assert failed
    assert {case.get("classname") for case in failed} == {"reconciler.new.calendar_mismatch"}
    assert suite.get("failures") == str(len(failed))
    # Only kinds in --fail-on fail the build.
    code, output = _check(str(dev_copy), "--baseline", str(baseline), "--fail-on", "number")
    assert code == 0, output


def test_accepted_conflict_no_longer_found_fails(dev_copy: Path, tmp_path: Path) -> None:
    baseline = _baseline(dev_copy, tmp_path)
    document = json.loads(baseline.read_text(encoding="utf-8"))
    document["conflicts"].append(
        {
            "kind": "location",
            "pages": ["doc-005", "doc-014"],
            "explanation": "gone",
            "confidence": 1,
        }
    )
    baseline.write_text(json.dumps(document), encoding="utf-8")
    code, output = _check(str(dev_copy), "--baseline", str(baseline))
    assert code == 1, output
    assert "missing  location doc-005, doc-014: gone" in output


def test_without_baseline_the_gold_conflicts_are_accepted(dev_copy: Path, tmp_path: Path) -> None:
    found = json.loads(_baseline(dev_copy, tmp_path).read_text(encoding="utf-8"))["conflicts"]
    gold_path = dev_copy / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["conflicts"] = [{"kind": item["kind"], "docs": item["pages"]} for item in found]
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    code, output = _check(str(dev_copy))
    assert code == 0, output
    gold["conflicts"].append({"kind": "quote", "docs": ["doc-012"], "note": "never said"})
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    code, output = _check(str(dev_copy), "--annotations", "github")
    assert code == 1, output
    assert "missing  quote doc-012: never said" in output
    expected = "::error file=" + str(dev_copy / "docs" / "doc-012.txt")
    assert f"{expected}::accepted quote conflict no longer found on doc-012" in output


def test_min_confidence_ignores_weak_findings(dev_copy: Path, tmp_path: Path) -> None:
    baseline = _baseline(dev_copy, tmp_path)
    code, output = _check(str(dev_copy), "--baseline", str(baseline), "--min-confidence", "1")
    # Every accepted conflict is below 1.0, so all of them went missing.
    assert code == 1, output
    assert "below --min-confidence" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}"], "no such dataset"),
        (["{dev}", "--fail-on", "number,typo"], "unknown conflict kind typo"),
        (["{dev}", "--min-confidence", "1.5"], "between 0 and 1"),
        (["{dev}", "--baseline", "{missing}"], "cannot read baseline"),
        (["{dev}", "--baseline", "{garbage}"], "baseline is not JSON"),
        (["{dev}", "--baseline", "{wrong}"], "not a baseline"),
        (["{empty}"], "no gold.json"),
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
        "empty": str(tmp_path),
    }
    code, output = _check(*(arg.format(**paths) for arg in args))
    assert code == 2
    assert output.count("\n") == 1 and output.startswith("error: ") and message in output
    assert "Traceback" not in output

"""The examples in examples/ run as written: the GitHub Actions workflow's reconciler
commands and the pre-commit hook, on a reviewed copy of the seed pages."""

from __future__ import annotations

import re
import shlex
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from reconciler.cli import app
from reconciler.report.markdown import COMMENT_LIMIT

pytestmark = pytest.mark.usefixtures("fast_pipeline")
REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
runner = CliRunner()


def _invoke(command: str, variables: dict[str, str], env: dict[str, str] | None = None) -> int:
    """Run one ``reconciler ...`` shell line, its $VARIABLES expanded as the shell would."""
    words = [
        re.sub(r"\$(\w+)", lambda match: variables[match.group(1)], word)
        for word in shlex.split(command)
    ]
    assert words[0] == "reconciler", command
    outcome = runner.invoke(app, words[1:], env=env)
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.output
    return outcome.exit_code


@pytest.fixture
def reviewed_repository(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose dataset (the seed pages) has every conflict accepted."""
    dataset = tmp_path / "data" / "news"
    shutil.copytree(seeds_dir, dataset)
    monkeypatch.chdir(tmp_path)
    accept = "reconciler review data/news --accept all --reviewer ci --note seeded --quiet"
    assert _invoke(accept, {}) == 0
    return tmp_path


def test_workflow_commands_run_and_write_what_the_later_steps_read(
    reviewed_repository: Path,
) -> None:
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    name = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    assert any(step.get("run") == f"pip install {name}" for step in steps)
    variables = {"DATASET": workflow["env"]["DATASET"], "LINK_BASE": "https://x.test/o/r/blob/1"}
    summary = reviewed_repository / "summary.md"
    commands = [
        line.strip()
        for step in steps
        for line in step.get("run", "").splitlines()
        if line.strip().startswith("reconciler ")
    ]
    assert [command.split()[1] for command in commands] == ["check", "report"]
    (reviewed_repository / "out").mkdir()
    for command in commands:
        assert _invoke(command, variables, env={"GITHUB_STEP_SUMMARY": str(summary)}) == 0
    report = (reviewed_repository / "out" / "report.md").read_text(encoding="utf-8")
    assert len(report) <= COMMENT_LIMIT and "](https://x.test/o/r/blob/1/data/news/" in report
    assert (reviewed_repository / "out" / "junit.xml").exists()
    assert "check ok" in summary.read_text(encoding="utf-8")


def test_pre_commit_hook_runs_on_dataset_changes(reviewed_repository: Path) -> None:
    config = yaml.safe_load((EXAMPLES / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "data/news/003.txt")
    assert not re.search(hook["files"], "README.md")
    assert _invoke(hook["entry"], {}) == 0
    # An unreviewed conflict stops the commit.
    (reviewed_repository / "data" / "news" / "reviews.json").unlink()
    assert _invoke(hook["entry"], {}) == 1

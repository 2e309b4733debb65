"""The command line: ``reconciler report``, ``eval``, ``check`` (the CI gate), ``schema``.

Exit codes: 0 done (check: no difference from the accepted conflicts), 1 a finding (check: new
or missing conflicts; report: no page read, or --strict with unreadable pages), 2 a usage error
(our own checks print one line; typer's option parsing prints its usage box).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from reconciler import atomic_write, neutralize, pipeline
from reconciler import check as ci
from reconciler.check import output as ci_output
from reconciler.embed import EmbedderError
from reconciler.evaluate import GoldConflict, GoldError, evaluate, load_gold
from reconciler.records import Result
from reconciler.report import document, html, markdown, schema, text

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cluster news pages in many languages into events and flag conflicting claims.",
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    markdown = "markdown"


class Annotations(StrEnum):
    github = "github"


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Embedding model: a sentence-transformers name or local path "
        "(default: the bundled multilingual-e5-small).",
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]
VerboseOption = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Log what each stage decided (why pages were merged)."),
]


def _configure(quiet: bool, verbose: bool) -> bool:
    """Set up logging; return whether to show progress bars."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_NeutralFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])
    in_ci = bool(os.environ.get("CI"))
    return not quiet and not in_ci and sys.stderr.isatty()


class _NeutralFormatter(logging.Formatter):
    """Log messages name pages and files: no escape sequence or CI command gets through."""

    def format(self, record: logging.LogRecord) -> str:
        return neutralize.workflow_commands(neutralize.terminal(super().format(record)))


def _run(paths: list[Path], model: str | None, progress: bool) -> Result:
    try:
        result = pipeline.run(list(paths), pipeline.Options(model=model, progress=progress))
    except EmbedderError as error:
        _usage_error(str(error))
    for problem in result.errors:
        typer.echo(f"error: {neutralize.log_field(problem)}", err=True)
    return result


def _check_targets(*targets: Path | None) -> None:
    """Before the run: an output that cannot be written is a usage error now, not in an hour."""
    for target in targets:
        if target is not None:
            try:
                atomic_write.check_target(target)
            except atomic_write.TargetError as error:
                _usage_error(str(error))


@app.command()
def report(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, datasets or .jsonl files.")],
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")
    ] = None,
    model: ModelOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any page could not be read.")
    ] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Events with their pages, and conflicts with the evidence of every side."""
    progress = _configure(quiet, verbose)
    _check_targets(output)
    result = _run(paths, model, progress)
    doc = document.build(result)
    if output_format == ReportFormat.json:
        rendered = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    elif output_format == ReportFormat.html:
        # Control characters are not allowed in HTML, and escapes would reach a terminal.
        rendered = html.render(neutralize.deep(doc, neutralize.terminal))
    elif output_format == ReportFormat.markdown:
        rendered = markdown.render(doc)
    else:
        color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        rendered = text.render(doc, color=color)
    _write(rendered, output)
    if not result.pages or (strict and result.errors):
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    dataset: Annotated[Path, typer.Argument(help="A curated dataset folder (with gold.json).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    model: ModelOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Score a run against the dataset's gold.json."""
    progress = _configure(quiet, verbose)
    try:
        gold = load_gold(dataset)
    except GoldError as error:
        _usage_error(str(error))
    result = _run([dataset], model, progress)
    from reconciler.claims.entities import same_entity

    scores = evaluate(result, gold, same_entity)
    scores = neutralize.deep(scores, neutralize.log_field)  # page ids and gold notes, printed
    if as_json:
        typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        typer.echo(_scores_text(scores))


@app.command("check")
def check_command(
    dataset: Annotated[Path, typer.Argument(help="A dataset folder (or any pages) to check.")],
    baseline: Annotated[
        Path | None,
        typer.Option(help="Accepted conflicts (from --write-baseline); default: gold.json's."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(help="Only these kinds fail the build, e.g. number,quote (default: all)."),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option(help="Ignore found conflicts below this confidence (0 to 1).")
    ] = 0.0,
    write_baseline: Annotated[
        Path | None,
        typer.Option(help="Record the conflicts found now as the accepted ones; exit 0."),
    ] = None,
    annotations: Annotated[
        Annotations | None, typer.Option(help="Also print CI annotations (github).")
    ] = None,
    junit: Annotated[Path | None, typer.Option(help="Write a JUnit XML report here.")] = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Exit 0 when the conflicts found are exactly the accepted ones, 1 when any is new or
    missing (kind + set of pages, as in eval), 2 on a usage error."""
    progress = _configure(quiet, verbose)
    if not dataset.exists():
        _usage_error(f"{dataset}: no such dataset")
    if not 0.0 <= min_confidence <= 1.0:
        _usage_error(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    try:
        kinds = ci.parse_kinds(fail_on) if fail_on is not None else None
    except ValueError as error:
        _usage_error(f"--fail-on: {error}")
    _check_targets(write_baseline, junit)
    accepted = _accepted(dataset, baseline) if write_baseline is None else ()
    result = _run([dataset], model, progress)
    verdict = ci.compare(result, accepted, fail_on=kinds, min_confidence=min_confidence)
    if write_baseline is not None:
        _write(
            json.dumps(ci.baseline(verdict), ensure_ascii=False, indent=2) + "\n", write_baseline
        )
        typer.echo(
            f"wrote {neutralize.log_field(write_baseline)}: {len(verdict.found)} accepted conflicts"
        )
        return
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    lines = [
        neutralize.workflow_commands(line) for line in ci_output.log_lines(verdict, color=color)
    ]
    if annotations == Annotations.github:  # built safe: their data is escaped
        lines += ci_output.github_annotations(verdict)
    typer.echo("\n".join(lines))
    if junit is not None:
        _write(ci_output.junit_xml(verdict), junit)
    if not verdict.passed:
        raise typer.Exit(1)


def _accepted(dataset: Path, baseline: Path | None) -> tuple[GoldConflict, ...]:
    try:
        if baseline is not None:
            return ci.load_baseline(baseline)
        return load_gold(dataset).conflicts
    except (ci.BaselineError, GoldError) as error:
        _usage_error(str(error))


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of `report --format json`."""
    sys.stdout.write(schema.text())


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"error: {neutralize.log_field(message)}", err=True)
    raise typer.Exit(2)


def _scores_text(scores: dict[str, Any]) -> str:
    clustering = scores["clustering"]
    overall = scores["conflicts"]["overall"]
    lines = [
        f"clustering  B-cubed P {clustering['precision']:.3f}  R {clustering['recall']:.3f}  "
        f"F1 {clustering['f1']:.3f}",
        f"conflicts   P {overall['precision']:.3f}  R {overall['recall']:.3f}  "
        f"F1 {overall['f1']:.3f}  "
        f"({overall['matched']} of {overall['gold']} gold found, {overall['found']} flagged)",
    ]
    for kind, counts in scores["conflicts"]["per_kind"].items():
        lines.append(
            f"  {kind:<18} P {counts['precision']:.3f}  R {counts['recall']:.3f}  "
            f"({counts['matched']}/{counts['gold']} gold, {counts['found']} flagged)"
        )
    lines.append(f"traps flagged {len(scores['traps_flagged'])} of {scores['traps_total']}")
    for trap in scores["traps_flagged"]:
        lines.append(f"  {trap['kind']} {', '.join(trap['docs'])}")
    for missing in scores["conflicts"]["missing"]:
        lines.append(f"missing     {missing['kind']} {', '.join(missing['pages'])}")
    for extra in scores["conflicts"]["unexpected"]:
        lines.append(f"unexpected  {extra['kind']} {', '.join(extra['pages'])}")
    events = scores["events"]
    lines.append(
        f"events      date accuracy {events['date_accuracy']:.3f}  participants F1 "
        f"{events['participants']['f1']:.3f}"
    )
    return "\n".join(lines)


def _write(rendered: str, output: Path | None) -> None:
    """To stdout, or whole (or not at all) to ``output``. Either may end up in a CI log."""
    rendered = neutralize.workflow_commands(rendered)
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        atomic_write.write_text(output, rendered)
    except OSError as error:
        _usage_error(f"{output}: cannot write ({error.strerror or error}); left as it was")


def _stop_on_interrupt() -> None:
    """Ctrl-C stops the run within moments: one line, exit 130, no half-written output.

    Python runs a signal handler only between bytecodes of the main thread, which a long native
    call (the embedding model) keeps busy for tens of seconds. The signal's wakeup byte reaches
    a watcher thread at once instead; it removes temporary output files and exits.
    """
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    signal.set_wakeup_fd(write_end)
    signal.signal(signal.SIGINT, lambda *_: None)  # the watcher acts; nothing raises mid-write

    def watch() -> None:
        while signal.SIGINT not in os.read(read_end, 64):
            pass
        atomic_write.remove_pending()
        # A progress bar may hold the terminal's line: start a fresh one there.
        os.write(2, (b"\n" if os.isatty(2) else b"") + b"error: interrupted\n")
        os._exit(130)

    threading.Thread(target=watch, name="interrupt-watcher", daemon=True).start()


def main() -> None:
    _stop_on_interrupt()
    app()

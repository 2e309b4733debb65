"""The command line: ``reconciler report``, ``eval``, ``check`` (the CI gate), ``review``
(what awaits review; record decisions), ``schema``, ``--version``.

Exit codes: 0 done (check: every conflict found is reviewed and every accepted one found with
its values), 1 a finding (check: unreviewed, changed or missing conflicts; report: no page
read, or --strict with unreadable pages), 2 a usage error (our own checks print one line;
typer's option parsing prints its usage box).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from reconciler import __version__, atomic_write, cli_store, neutralize, pipeline
from reconciler import check as ci
from reconciler.check import output as ci_output
from reconciler.embed import EmbedderError
from reconciler.evaluate import GoldError, evaluate, load_gold, scores_text
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
LinkBaseOption = Annotated[
    str | None,
    typer.Option(
        "--link-base",
        help="Link files under this URL in Markdown, e.g. "
        "https://github.com/OWNER/REPO/blob/SHA (default: relative paths).",
    ),
]
ReviewsOption = Annotated[
    Path | None,
    typer.Option("--reviews", help="The review file (default: reviews.json in the dataset)."),
]
VerboseOption = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Log what each stage decided (why pages were merged)."),
]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"reconciler {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version; exit."
        ),
    ] = False,
) -> None:
    """Cluster news pages in many languages into events and flag conflicting claims."""


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
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files, folders, datasets or .jsonl files.")
    ] = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")
    ] = None,
    model: ModelOption = None,
    link_base: LinkBaseOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any page could not be read.")
    ] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    store: Annotated[
        Path | None, typer.Option("--store", help="Report from a store, not from pages.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="With --store: events updated since DATE.")
    ] = None,
    event: Annotated[str | None, typer.Option("--event", help="With --store: one event.")] = None,
) -> None:
    """Events with their pages, and conflicts with the evidence of every side."""
    progress = _configure(quiet, verbose)
    if store is None and not paths:
        _usage_error("give pages to read, or --store DIR")
    _check_targets(output)
    result = (
        cli_store.stored_result(store, since, event)
        if store
        else _run(paths or [], model, progress)
    )
    doc = document.build(result)
    if output_format == ReportFormat.json:
        rendered = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    elif output_format == ReportFormat.html:
        # Control characters are not allowed in HTML, and escapes would reach a terminal.
        rendered = html.render(neutralize.deep(doc, neutralize.terminal))
    elif output_format == ReportFormat.markdown:
        rendered = markdown.render(doc, link_base=link_base)
    else:
        color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        rendered = text.render(doc, color=color)
    _write(rendered, output)
    if (not result.pages and store is None) or (strict and result.errors):
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
        _usage_error(
            f"{error}; eval scores against a curated dataset's gold.json "
            "(docs/dataset-format.md); to gate CI on reviewed conflicts without one, "
            f"run: reconciler check {dataset}"
        )
    result = _run([dataset], model, progress)
    from reconciler.claims.entities import same_entity

    scores = evaluate(result, gold, same_entity)
    scores = neutralize.deep(scores, neutralize.log_field)  # page ids and gold notes, printed
    if as_json:
        typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        typer.echo(neutralize.workflow_commands(neutralize.terminal(scores_text(scores))))


@app.command("check")
def check_command(
    dataset: Annotated[Path, typer.Argument(help="A dataset folder (or any pages) to check.")],
    reviews: ReviewsOption = None,
    fail_on: Annotated[
        str | None,
        typer.Option(help="Only these kinds fail the build, e.g. number,quote (default: all)."),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option(help="Ignore found conflicts below this confidence (0 to 1).")
    ] = 0.0,
    annotations: Annotated[
        Annotations | None, typer.Option(help="Also print CI annotations (github).")
    ] = None,
    junit: Annotated[Path | None, typer.Option(help="Write a JUnit XML report here.")] = None,
    link_base: LinkBaseOption = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Exit 0 when every conflict found is reviewed and every accepted one is found with the
    same values; 1 on an unreviewed, changed or missing conflict; 2 on a usage error. With
    $GITHUB_STEP_SUMMARY set, also write the verdict there as Markdown."""
    progress = _configure(quiet, verbose)
    _check_targets(junit)
    verdict, _ = _verdict(dataset, reviews, fail_on, min_confidence, model, progress)
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    lines = [
        neutralize.workflow_commands(line)
        for line in ci_output.log_lines(verdict, color=color, dataset=str(dataset))
    ]
    if annotations == Annotations.github:  # built safe: their data is escaped
        lines += ci_output.github_annotations(verdict)
    typer.echo("\n".join(lines))
    if junit is not None:
        _write(ci_output.junit_xml(verdict), junit)
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        _append(ci_output.step_summary(verdict, link_base=link_base), Path(summary))
    if not verdict.passed:
        raise typer.Exit(1)


@app.command("review")
def review_command(
    dataset: Annotated[Path, typer.Argument(help="A dataset folder (or any pages) to review.")],
    reviews: ReviewsOption = None,
    accept: Annotated[
        list[str] | None,
        typer.Option(help="Accept this conflict id as a real conflict ('all': every one listed)."),
    ] = None,
    reject: Annotated[
        list[str] | None,
        typer.Option(help="Reject this conflict id as a false alarm ('all': every one listed)."),
    ] = None,
    drop: Annotated[
        list[str] | None,
        typer.Option(help="Forget the review of this id (an accepted conflict rightly gone)."),
    ] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Who decides (required with --accept or --reject).")
    ] = None,
    note: Annotated[str, typer.Option(help="Why: kept with each decision.")] = "",
    model: ModelOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """List the conflicts awaiting review (unreviewed, changed, missing) with their evidence;
    with --accept, --reject or --drop, record the decisions in the review file."""
    progress = _configure(quiet, verbose)
    if (accept or reject) and not (reviewer and reviewer.strip()):
        _usage_error("--reviewer NAME is required to accept or reject a conflict")
    if both := sorted(set(accept or ()) & set(reject or ())):
        _usage_error(f"{', '.join(both)}: both accepted and rejected; choose one")
    if accept or reject or drop:
        _check_targets(ci.review_path(dataset, reviews))
    verdict, path = _verdict(dataset, reviews, None, 0.0, model, progress)
    if not (accept or reject or drop):
        lines = ci_output.review_lines(verdict, dataset=str(dataset))
        typer.echo("\n".join(neutralize.workflow_commands(line) for line in lines))
        return
    updated = verdict
    try:
        decided = verdict.reviews
        for ids, decision in ((accept, ci.Decision.ACCEPTED), (reject, ci.Decision.REJECTED)):
            if ids:
                decided = ci.decide(updated, ids, decision, reviewer=str(reviewer), note=note)
                updated = replace(updated, reviews=decided)
        if drop:
            decided = ci.drop(decided, drop)
        ci.save_reviews(path, decided)
    except ci.ReviewError as error:
        _usage_error(str(error))
    except ValueError as error:
        _usage_error(str(error))
    typer.echo(f"wrote {neutralize.log_field(path)}: {ci_output.count(len(decided), 'review')}")


def _verdict(
    dataset: Path,
    reviews: Path | None,
    fail_on: str | None,
    min_confidence: float,
    model: str | None,
    progress: bool,
) -> tuple[ci.Verdict, Path]:
    """Checks the arguments, runs the pipeline, compares with the review file."""
    if not dataset.exists():
        _usage_error(f"{dataset}: no such dataset")
    if not 0.0 <= min_confidence <= 1.0:
        _usage_error(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    try:
        kinds = ci.parse_kinds(fail_on) if fail_on is not None else None
    except ValueError as error:
        _usage_error(f"--fail-on: {error}")
    path = ci.review_path(dataset, reviews)
    known: tuple[ci.Review, ...] = ()
    if reviews is not None or path.exists():
        try:
            known = ci.load_reviews(path)
        except ci.ReviewError as error:
            _usage_error(str(error))
    result = _run([dataset], model, progress)
    verdict = ci.compare(result, known, fail_on=kinds, min_confidence=min_confidence)
    return verdict, path


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of `report --format json`."""
    sys.stdout.write(schema.text())


def _usage_error(message: str) -> NoReturn:
    typer.echo(f"error: {neutralize.log_field(message)}", err=True)
    raise typer.Exit(2)


def _append(rendered: str, output: Path) -> None:
    try:
        with output.open("a", encoding="utf-8") as stream:
            stream.write(rendered)
    except OSError as error:
        problem = f"{output}: cannot append the step summary ({error.strerror})"
        typer.echo(f"error: {neutralize.log_field(problem)}", err=True)


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


cli_store.register(app)


def main() -> None:
    _stop_on_interrupt()
    app()


if __name__ == "__main__":
    main()

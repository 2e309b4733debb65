"""The command line: ``reconciler report``, ``eval``, ``check`` (the CI gate), ``schema``.

Exit codes: 0 done (check: no difference from the accepted conflicts), 1 a finding (check: new
or missing conflicts; report: no page read, or --strict with unreadable pages), 2 a usage error
(our own checks print one line; typer's option parsing prints its usage box).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from reconciler import check as ci
from reconciler import cli_store, pipeline
from reconciler.check import output as ci_output
from reconciler.embed import EmbedderError
from reconciler.evaluate import GoldConflict, GoldError, evaluate, load_gold, scores_text
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
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    in_ci = bool(os.environ.get("CI"))
    return not quiet and not in_ci and sys.stderr.isatty()


def _run(paths: list[Path], model: str | None, progress: bool) -> Result:
    try:
        result = pipeline.run(list(paths), pipeline.Options(model=model, progress=progress))
    except EmbedderError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    for problem in result.errors:
        typer.echo(f"error: {problem}", err=True)
    return result


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
    result = (
        cli_store.stored_result(store, since, event)
        if store
        else _run(paths or [], model, progress)
    )
    doc = document.build(result)
    if output_format == ReportFormat.json:
        rendered = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    elif output_format == ReportFormat.html:
        rendered = html.render(doc)
    elif output_format == ReportFormat.markdown:
        rendered = markdown.render(doc)
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
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    result = _run([dataset], model, progress)
    from reconciler.claims.entities import same_entity

    scores = evaluate(result, gold, same_entity)
    if as_json:
        typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        typer.echo(scores_text(scores))


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
    accepted = _accepted(dataset, baseline) if write_baseline is None else ()
    result = _run([dataset], model, progress)
    verdict = ci.compare(result, accepted, fail_on=kinds, min_confidence=min_confidence)
    if write_baseline is not None:
        _write(
            json.dumps(ci.baseline(verdict), ensure_ascii=False, indent=2) + "\n", write_baseline
        )
        typer.echo(f"wrote {write_baseline}: {len(verdict.found)} accepted conflicts")
        return
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    lines = ci_output.log_lines(verdict, color=color)
    if annotations == Annotations.github:
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
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _write(rendered: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        output.write_text(rendered, encoding="utf-8")
    except OSError as error:
        typer.echo(f"error: {output}: cannot write ({error.strerror})", err=True)
        raise typer.Exit(2) from error


cli_store.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()

"""The command line: ``reconciler report``, ``reconciler eval``."""

from __future__ import annotations

import json
import logging
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from reconciler import pipeline
from reconciler.embed import EmbedderError
from reconciler.evaluate import GoldError, evaluate, load_gold
from reconciler.records import Result
from reconciler.report import document, text

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Cluster news pages in many languages into events and flag conflicting claims.",
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


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
    for error in result.errors:
        typer.echo(f"error: {error}", err=True)
    return result


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
    result = _run(paths, model, progress)
    doc = document.build(result)
    if output_format == ReportFormat.json:
        rendered = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
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
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    result = _run([dataset], model, progress)
    from reconciler.claims.entities import same_entity

    scores = evaluate(result, gold, same_entity)
    if as_json:
        typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        typer.echo(_scores_text(scores))


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
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        output.write_text(rendered, encoding="utf-8")
    except OSError as error:
        typer.echo(f"error: {output}: cannot write ({error.strerror})", err=True)
        raise typer.Exit(2) from error


def main() -> None:
    app()

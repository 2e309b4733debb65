"""The store's commands: ``reconciler add PATH... --store DIR [--engine ray]``, and what
``reconciler report --store DIR [--since DATE] [--event ID]`` reads."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from reconciler import pipeline
from reconciler.embed import EmbedderError
from reconciler.records import Result
from reconciler.store import Store, StoreError
from reconciler.store.add import add


class EngineName(StrEnum):
    local = "local"
    ray = "ray"


def add_command(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, datasets or .jsonl files.")],
    store: Annotated[Path, typer.Option("--store", help="The store folder (created if new).")],
    engine: Annotated[
        EngineName, typer.Option("--engine", help="Where extraction and embedding run.")
    ] = EngineName.local,
    workers: Annotated[int, typer.Option("--workers", help="Ray workers.")] = 2,
    address: Annotated[
        str | None, typer.Option("--address", help="A running Ray cluster (default: local).")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Embedding model.")] = None,
) -> None:
    """Add pages to a store: only new pages are embedded; events keep their ids."""
    options = pipeline.Options(model=model)
    try:
        if engine == EngineName.ray:
            from reconciler.engine.ray_engine import RayEngine, RaySettings

            runner = RayEngine(RaySettings(workers=workers, address=address), model=model)
            summary = add(list(paths), store, options, engine=runner)
        else:
            summary = add(list(paths), store, options)
    except (StoreError, EmbedderError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    for problem in summary.errors:
        typer.echo(f"error: {problem}", err=True)
    if not summary.new_pages and not summary.unchanged_pages:
        typer.echo(f"error: no page could be read; {store} left as it was", err=True)
        raise typer.Exit(1)
    typer.echo(
        f"{store}: {summary.new_pages} new pages ({summary.unchanged_pages} already stored), "
        f"{summary.events} events, {summary.touched_events} re-checked, "
        f"{summary.conflicts_checked} conflicts in them"
    )


def stored_result(directory: Path, since: str | None, event_id: str | None) -> Result:
    """The events (all, updated since a date, or one) with their pages, claims, conflicts."""
    try:
        with Store(directory, read_only=True) as store:
            events = store.events(since=since, event_id=event_id)
            if event_id and not events:
                raise StoreError(f"{directory}: no event {event_id}")
            page_ids = {page_id for event in events for page_id in event.page_ids}
            return Result(
                pages=tuple(store.pages(page_ids)),
                claims=tuple(store.resolved_claims(page_ids)),
                events=tuple(sorted(events, key=lambda event: event.id)),
                conflicts=tuple(store.conflicts(event.id for event in events)),
            )
    except StoreError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error


def register(app: typer.Typer) -> None:
    app.command("add")(add_command)

"""The pipeline, one direction: pages → claims → events → conflicts."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

import numpy as np
from tqdm import tqdm

from reconciler import cluster, identity, ingest, reconcile
from reconciler.claims import extract_claims, resolve_claims
from reconciler.cluster.kinds import event_kinds
from reconciler.embed import Embedder, get_embedder
from reconciler.embed.cache import cached
from reconciler.embed.language_priors import language_priors
from reconciler.ingest import crawl_dates
from reconciler.reconcile import dates as date_rules
from reconciler.records import (
    READABLE_REGIONS,
    Claim,
    ClaimKind,
    Conflict,
    Event,
    Page,
    PageError,
    RegionKind,
    Result,
)

log = logging.getLogger("reconciler")

T = TypeVar("T")

# How much of a page the embedder sees: the headline and the lead carry the event. Measured on
# the dev set: 600 characters separate events best (pair AUC 0.972 vs 0.966 at 300 and 1200)
# at 2.6 pages/s on 2 cores; the cost grows faster than the length.
EMBEDDED_CHARACTERS = 600


@dataclass(frozen=True)
class Options:
    model: str | None = None  # None: the bundled multilingual-e5-small
    device: str | None = None
    progress: bool = False  # progress bars on a terminal
    clustering: cluster.ClusterSettings = field(default_factory=cluster.ClusterSettings)


def run(
    inputs: Sequence[ingest.PageInput],
    options: Options | None = None,
    *,
    embedder: Embedder | None = None,
) -> Result:
    options = options or Options()
    loaded = ingest.load(inputs, progress=options.progress)
    return run_pages(loaded.pages, options, embedder=embedder, errors=loaded.errors)


def run_pages(
    pages: Sequence[Page],
    options: Options | None = None,
    *,
    embedder: Embedder | None = None,
    errors: Sequence[PageError] = (),
) -> Result:
    return run_pages_timed(pages, options, embedder=embedder, errors=errors)[0]


def run_pages_timed(
    pages: Sequence[Page],
    options: Options | None = None,
    *,
    embedder: Embedder | None = None,
    errors: Sequence[PageError] = (),
) -> tuple[Result, dict[str, float]]:
    """The run, and the seconds each stage took (benchmarks report the shares)."""
    options = options or Options()
    seconds: dict[str, float] = {}
    with timed(seconds, "extract"):
        extracted, problems = extract_pages(pages, options.progress)
    with timed(seconds, "resolve"):
        claims = resolve_claims(extracted)
    with timed(seconds, "embed"):
        embedder = cached(embedder or get_embedder(options.model, device=options.device))
        vectors = embedder.encode(
            [embedding_text(page) for page in _progress(pages, "embed", options.progress)]
        )
    with timed(seconds, "cluster"):  # "cluster_signals" is the part that reads the pages
        events = cluster_events(pages, claims, vectors, embedder, options, seconds=seconds)
    with timed(seconds, "reconcile"):
        described, conflicts = reconcile_events(events, pages, claims, embedder, options.progress)
    result = Result(
        pages=tuple(pages),
        claims=tuple(claims),
        events=tuple(described),
        conflicts=tuple(conflicts),
        errors=(*errors, *problems),
    )
    return result, seconds


@contextmanager
def timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    """Adds the wall seconds of the block to ``seconds[stage]``."""
    started = time.perf_counter()
    yield
    seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started


def extract_pages(
    pages: Sequence[Page], progress: bool = False
) -> tuple[list[Claim], list[PageError]]:
    """Each page's claims before corpus-wide resolution; a page that fails is reported."""
    extracted: list[Claim] = []
    problems: list[PageError] = []
    for page in _progress(pages, "claims", progress):
        try:
            extracted.extend(extract_claims(page))
        except Exception as error:  # one page's surprise must not sink a thousand good pages
            log.exception("claim extraction failed on %s", page.id)
            problems.append(PageError(page.id, f"claims could not be extracted: {error}"))
    return extracted, problems


def cluster_events(
    pages: Sequence[Page],
    claims: Sequence[Claim],
    vectors: np.ndarray,
    embedder: Embedder,
    options: Options,
    means: Mapping[str, np.ndarray] | None = None,
    seconds: dict[str, float] | None = None,
) -> list[Event]:
    """Pages grouped into events (not yet described), from resolved claims and vectors;
    ``means``: the languages' mean vectors of a corpus larger than ``pages`` (``add``); the time
    spent on what clustering reads of each page is added to ``seconds["cluster_signals"]``."""
    grouped = claims_by_page(claims)
    with timed({} if seconds is None else seconds, "cluster_signals"):
        signals = [
            page_signals(page, grouped.get(page.id, []), vector)
            for page, vector in zip(pages, vectors, strict=True)
        ]
    priors = language_priors(embedder, {page.lang for page in pages})
    with _stage("cluster", options.progress):
        events = identity.name_events(
            cluster.cluster_pages(signals, options.clustering, priors, means), pages
        )
    _log_events(events, signals)
    return events


def reconcile_events(
    events: Sequence[Event],
    pages: Sequence[Page],
    claims: Sequence[Claim],
    embedder: Embedder,
    progress: bool = False,
) -> tuple[list[Event], list[Conflict]]:
    """Events described by what their pages support, and the conflicts found in them."""
    contexts = reconcile.event_contexts(events, pages, claims, embedder)
    described = [
        reconcile.describe_event(context)
        for context in _progress(contexts, "describe", progress, unit="event")
    ]
    contexts = [
        replace(context, event=event) for context, event in zip(contexts, described, strict=True)
    ]
    # One event at a time, so the bar moves; the quote comparison embeds again and is slow.
    conflicts = [
        conflict
        for context in _progress(contexts, "conflicts", progress, unit="event")
        for conflict in reconcile.find_conflicts([context])
    ]
    return described, conflicts


def embedding_text(page: Page) -> str:
    """Headline, then dateline and body, up to EMBEDDED_CHARACTERS."""
    order = (RegionKind.HEADLINE, RegionKind.DATELINE, RegionKind.BODY)
    parts = [
        " ".join(page.region_text(region).split())
        for kind in order
        for region in page.regions_of(kind)
    ]
    text = " ".join(part for part in parts if part)
    if not text:  # a page whose regions were not found: read what is not boilerplate
        text = (
            " ".join(
                page.region_text(region)
                for region in page.regions
                if region.kind in READABLE_REGIONS
            )
            or page.text
        )
    return text[:EMBEDDED_CHARACTERS]


def page_signals(page: Page, claims: Sequence[Claim], vector: object) -> cluster.PageSignals:
    dated = date_rules.page_event_date(page, claims)
    event_day: date | None = None
    confidence = 0.0
    if dated is not None:
        try:
            event_day = date.fromisoformat(dated.normalized)
            confidence = dated.confidence
        except ValueError:  # a partial date ("--07-15") says nothing about the day
            event_day = None
    people = frozenset(
        claim.normalized
        for claim in claims
        if claim.kind == ClaimKind.PERSON and claim.slot == "participant" and claim.normalized
    )
    published_by, published_confidence = _published_by(page)
    return cluster.PageSignals(
        page_id=page.id,
        lang=page.lang,
        kinds=event_kinds(page),
        published_by=published_by,
        published_confidence=published_confidence,
        vector=vector,  # type: ignore[arg-type]
        event_date=event_day,
        date_confidence=confidence,
        people=people,
    )


def _published_by(page: Page) -> tuple[date | None, float]:
    """The last day the page may have been published, from its most trusted crawl date (a
    month-only date: the month's last day), with that date's confidence."""
    best = next(iter(crawl_dates.of_page(page)), None)
    if best is None:
        return None, 0.0
    return best.span[1], best.confidence


def claims_by_page(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.page_id, []).append(claim)
    return grouped


def _progress(items: Sequence[T], stage: str, enabled: bool, unit: str = "page") -> Iterator[T]:
    bar = tqdm(
        items, desc=stage, unit=unit, disable=not (enabled and sys.stderr.isatty()), leave=False
    )
    yield from bar


@contextmanager
def _stage(stage: str, enabled: bool) -> Iterator[None]:
    """A one-step bar for a stage with no items to count (clustering): it says what runs."""
    with tqdm(
        total=1, desc=stage, disable=not (enabled and sys.stderr.isatty()), leave=False
    ) as bar:
        yield
        bar.update(1)


def _log_events(events: Sequence[Event], signals: Sequence[cluster.PageSignals]) -> None:
    if not log.isEnabledFor(logging.INFO):
        return
    by_id = {signal.page_id: signal for signal in signals}
    for event in events:
        facts = [
            f"{page_id} (date {by_id[page_id].event_date or '?'}, "
            f"people {', '.join(sorted(by_id[page_id].people)) or '?'})"
            for page_id in event.page_ids
        ]
        log.info("%s groups %s", event.id, "; ".join(facts))

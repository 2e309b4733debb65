"""``reconciler add``: bring new pages into a store, touching only the events they reach.

Only new or changed pages (by id and content hash) are extracted and embedded; vectors of
everything else come from the store, quote vectors from its content-hash cache. The corpus is
not clustered again: each new page's nearest stored pages (an exact FAISS search of the
language-centred vectors, linear in the store's size) are scored as the clustering scores
its neighbour pairs, and the stored events of those that reach the clustering's link floor
are *touched*. The new pages and the pages of the touched events are clustered again (with
the whole store's language means, so that vectors are centred as in a full run), their claims
resolved again, and only the resulting events are described and re-checked for conflicts;
every other event keeps its stored rows. Each resulting event keeps the id of the stored event
it shares most pages with (``ids``).

What a full run would do and this does not: a stored page whose own nearest neighbours
include a new page, but not the other way round, does not touch its event; and a new alias of
a person renames the person only in the touched events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import faiss
import numpy as np

from reconciler import cluster, ingest, pipeline
from reconciler.claims import resolve_claims
from reconciler.embed import get_embedder
from reconciler.embed.cache import CachedEmbedder
from reconciler.embed.language_priors import language_priors
from reconciler.engine import Engine, LocalEngine
from reconciler.records import Claim, Page, PageError
from reconciler.store import Batch, Store, codec
from reconciler.store.ids import assign_event_ids


@dataclass(frozen=True)
class AddSummary:
    new_pages: int
    unchanged_pages: int
    events: int
    touched_events: int
    conflicts_checked: int
    errors: tuple[PageError, ...]
    batch: int | None  # None when nothing was new
    seconds: dict[str, float] = field(default_factory=dict)  # per stage (benchmarks)


def content_hash(page: Page) -> str:
    return hashlib.sha256((page.raw or page.text).encode()).hexdigest()


def add(
    inputs: Sequence[ingest.PageInput],
    directory: Path,
    options: pipeline.Options | None = None,
    *,
    engine: Engine | None = None,
) -> AddSummary:
    options = options or pipeline.Options()
    engine = engine or LocalEngine()
    loaded = ingest.load(inputs, progress=options.progress)
    if not loaded.pages:  # nothing to add: the store is not even created
        return AddSummary(0, 0, 0, 0, 0, tuple(loaded.errors), None)
    with Store(directory) as store:
        known = store.content_hashes()
        hashes = {page.id: content_hash(page) for page in loaded.pages}
        fresh = _distinct([page for page in loaded.pages if known.get(page.id) != hashes[page.id]])
        if not fresh:
            return AddSummary(0, len(loaded.pages), 0, 0, 0, tuple(loaded.errors), None)
        fresh_ids = {page.id for page in fresh}
        seconds: dict[str, float] = {}
        with pipeline.timed(seconds, "extract"):
            extracted, problems = engine.extract(fresh)
        with pipeline.timed(seconds, "embed"):
            embedder = CachedEmbedder(
                get_embedder(options.model, device=options.device), store.cached_vectors()
            )
            known_keys = set(embedder.vectors)
            texts = [pipeline.embedding_text(page) for page in fresh]
            fresh_vectors = engine.embed(texts, embedder)
        with pipeline.timed(seconds, "neighbourhood"):
            corpus = _Corpus.of(store, fresh, fresh_vectors, embedder, options.clustering)
            reached = _reached_pages(store, fresh, extracted, corpus, options.clustering)
            event_of = store.event_of_pages()
            touched_ids = {event_of[page] for page in reached | fresh_ids if page in event_of}
            stored_events = store.events()
            previous = {
                event.id: frozenset(event.page_ids)
                for event in stored_events
                if event.id in touched_ids
            }
            stored_ids = {page for pages in previous.values() for page in pages} - fresh_ids
            pages = sorted([*store.pages(stored_ids), *fresh], key=lambda p: corpus.row_of[p.id])
        with pipeline.timed(seconds, "cluster"):
            claims = resolve_claims([*store.extracted_claims(stored_ids), *extracted])
            rows = [corpus.row_of[page.id] for page in pages]
            grouped = pipeline.cluster_events(
                pages, claims, corpus.vectors[rows], embedder, options, corpus.means
            )
            ids = assign_event_ids(grouped, previous)
            events = [replace(event, id=id_) for event, id_ in zip(grouped, ids, strict=True)]
        touched = [
            event
            for event in events
            if previous.get(event.id) != set(event.page_ids) or fresh_ids & set(event.page_ids)
        ]
        with pipeline.timed(seconds, "reconcile"):
            described, conflicts = pipeline.reconcile_events(touched, pages, claims, embedder)
        with pipeline.timed(seconds, "write"):
            number = store.write(
                Batch(
                    pages=fresh,
                    positions={page.id: corpus.row_of[page.id] for page in fresh},
                    content_hashes=hashes,
                    extracted=extracted,
                    resolved=_changed_claims(store, claims, [page.id for page in pages]),
                    vectors=corpus.vectors,
                    cached_vectors={
                        key: vector
                        for key, vector in embedder.vectors.items()
                        if key not in known_keys
                    },
                    events=described,
                    removed_events=sorted(set(previous) - {event.id for event in events}),
                    conflicts=conflicts,
                )
            )
        return AddSummary(
            new_pages=len(fresh),
            unchanged_pages=len(loaded.pages) - len(fresh),
            events=len(stored_events) - len(previous) + len(events),
            touched_events=len(touched),
            conflicts_checked=len(conflicts),
            errors=(*loaded.errors, *problems),
            batch=number,
            seconds={stage: round(value, 2) for stage, value in seconds.items()},
        )


@dataclass(frozen=True, eq=False)
class _Corpus:
    """Every page's row, vector and language after the add, and the languages' means."""

    row_of: dict[str, int]
    row_ids: list[str]
    vectors: np.ndarray
    languages: list[str]
    priors: dict[str, np.ndarray]
    means: dict[str, np.ndarray]

    @staticmethod
    def of(
        store: Store,
        fresh: Sequence[Page],
        fresh_vectors: np.ndarray,
        embedder: CachedEmbedder,
        settings: cluster.ClusterSettings,
    ) -> _Corpus:
        # A changed page keeps its row; new pages follow the stored ones.
        index = store.page_languages()
        row_ids = [page_id for page_id, _ in index]
        languages = [language for _, language in index]
        row_of = {page_id: row for row, page_id in enumerate(row_ids)}
        for page in fresh:
            if page.id in row_of:
                languages[row_of[page.id]] = page.lang
            else:
                row_of[page.id] = len(row_ids)
                row_ids.append(page.id)
                languages.append(page.lang)
        vectors = np.zeros((len(row_ids), fresh_vectors.shape[1]), dtype=np.float32)
        if index:
            vectors[: len(index)] = store.page_vectors()
        vectors[[row_of[page.id] for page in fresh]] = fresh_vectors
        priors = language_priors(embedder, set(languages))
        means = cluster.language_means(vectors, languages, priors, settings.language_shrinkage)
        return _Corpus(row_of, row_ids, vectors, languages, priors, means)


def _distinct(pages: list[Page]) -> list[Page]:
    """The last page given for each id (one run may name a page twice)."""
    return list({page.id: page for page in pages}.values())


def _reached_pages(
    store: Store,
    fresh: Sequence[Page],
    extracted: Sequence[Claim],
    corpus: _Corpus,
    settings: cluster.ClusterSettings,
) -> set[str]:
    """Stored pages among the new pages' nearest neighbours whose pair score with a new page
    reaches ``settings.link_floor``: the only pairs a full run could link them through."""
    centred = cluster.language_centered(
        corpus.vectors, corpus.languages, corpus.priors, settings.language_shrinkage, corpus.means
    )
    fresh_ids = {page.id for page in fresh}
    search = faiss.IndexFlatIP(centred.shape[1])
    search.add(centred)
    fresh_rows = [corpus.row_of[page.id] for page in fresh]
    similarities, neighbours = search.search(centred[fresh_rows], settings.neighbours + 1)
    row_ids = corpus.row_ids
    candidates = sorted(
        {row_ids[row] for row in neighbours.ravel().tolist() if row >= 0} - fresh_ids
    )
    if not candidates:
        return set()
    # Signals as clustering computes them: the new pages' claims resolved among themselves,
    # the stored pages' as stored.
    pages = [*fresh, *store.pages(candidates)]
    claims = pipeline.claims_by_page(
        [*resolve_claims(extracted), *store.resolved_claims(candidates)]
    )
    local = {page.id: number for number, page in enumerate(pages)}
    signals = [
        pipeline.page_signals(page, claims.get(page.id, []), centred[corpus.row_of[page.id]])
        for page in pages
    ]
    scorer = cluster.PairScorer(signals, np.stack([s.vector for s in signals]), settings.scores)
    left, right, similarity = [], [], []
    for page, found, alike in zip(fresh, neighbours.tolist(), similarities.tolist(), strict=True):
        for row, value in zip(found, alike, strict=True):
            if row >= 0 and row_ids[row] not in fresh_ids:
                left.append(local[page.id])
                right.append(local[row_ids[row]])
                similarity.append(value)
    scores = scorer.scores(np.array(left), np.array(right), np.array(similarity))
    return {pages[number].id for number in np.array(right)[scores >= settings.link_floor]}


def _changed_claims(
    store: Store, claims: Sequence[Claim], page_ids: Sequence[str]
) -> dict[str, list[Claim]]:
    """Resolved claims of the pages of ``page_ids`` whose resolved claims differ from the
    stored ones."""

    def by_page(items: Sequence[Claim]) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for claim in items:
            grouped.setdefault(claim.page_id, []).append(codec.dumps(codec.claim_fields(claim)))
        return grouped

    stored = by_page(store.resolved_claims(page_ids))
    fresh = by_page(claims)
    changed = {
        page_id
        for page_id in stored.keys() | fresh.keys()
        if stored.get(page_id) != fresh.get(page_id)
    }
    grouped: dict[str, list[Claim]] = {page_id: [] for page_id in changed}
    for claim in claims:
        if claim.page_id in changed:
            grouped[claim.page_id].append(claim)
    return grouped

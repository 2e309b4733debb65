"""``reconciler add``: bring new pages into a store.

Only new or changed pages (by id and content hash) are extracted and embedded; vectors of
everything else come from the store, quote vectors from its content-hash cache. Claims are
resolved and pages clustered again over the whole corpus, because a new page can rename a
person or join two stories; both are cheap next to extraction and embedding (the benchmark
shows the shares). Each resulting event keeps the id of the stored event it shares most pages
with (``ids``); only events whose pages changed are described and re-checked for conflicts,
the others keep their stored rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from reconciler import ingest, pipeline
from reconciler.claims import resolve_claims
from reconciler.embed import get_embedder
from reconciler.embed.cache import CachedEmbedder
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
        stored = store.pages()
        extracted, problems = engine.extract(fresh)
        embedder = CachedEmbedder(
            get_embedder(options.model, device=options.device), store.cached_vectors()
        )
        known_keys = set(embedder.vectors)
        fresh_vectors = engine.embed([pipeline.embedding_text(page) for page in fresh], embedder)

        # A changed page keeps its row; new pages follow the stored ones.
        vector_of = dict(zip((page.id for page in fresh), fresh_vectors, strict=True))
        replaced = {page.id: page for page in fresh if page.id in known}
        all_pages = [replaced.get(page.id, page) for page in stored]
        all_pages += [page for page in fresh if page.id not in known]
        stored_vectors = store.page_vectors()
        vectors = np.stack(
            [
                vector_of[page.id] if page.id in vector_of else stored_vectors[row]
                for row, page in enumerate(all_pages)
            ]
        )
        all_extracted = [
            *(claim for claim in store.extracted_claims() if claim.page_id not in fresh_ids),
            *extracted,
        ]
        claims = resolve_claims(all_extracted)
        grouped = pipeline.cluster_events(all_pages, claims, vectors, embedder, options)
        previous = {event.id: frozenset(event.page_ids) for event in store.events()}
        ids = assign_event_ids(grouped, previous)
        events = [replace(event, id=id_) for event, id_ in zip(grouped, ids, strict=True)]
        touched = [
            event
            for event in events
            if previous.get(event.id) != set(event.page_ids) or fresh_ids & set(event.page_ids)
        ]
        described, conflicts = pipeline.reconcile_events(touched, all_pages, claims, embedder)
        number = store.write(
            Batch(
                pages=fresh,
                positions={page.id: row for row, page in enumerate(all_pages)},
                content_hashes=hashes,
                extracted=extracted,
                resolved=_changed_claims(store, claims),
                vectors=vectors,
                cached_vectors={
                    key: vector for key, vector in embedder.vectors.items() if key not in known_keys
                },
                events=described,
                removed_events=sorted(set(previous) - {event.id for event in events}),
                conflicts=conflicts,
            )
        )
        return AddSummary(
            new_pages=len(fresh),
            unchanged_pages=len(loaded.pages) - len(fresh),
            events=len(events),
            touched_events=len(touched),
            conflicts_checked=len(conflicts),
            errors=(*loaded.errors, *problems),
            batch=number,
        )


def _distinct(pages: list[Page]) -> list[Page]:
    """The last page given for each id (one run may name a page twice)."""
    return list({page.id: page for page in pages}.values())


def _changed_claims(store: Store, claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    """Resolved claims of the pages whose resolved claims differ from the stored ones."""

    def by_page(items: Sequence[Claim]) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for claim in items:
            grouped.setdefault(claim.page_id, []).append(codec.dumps(codec.claim_fields(claim)))
        return grouped

    stored = by_page(store.resolved_claims())
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

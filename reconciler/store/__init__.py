"""A corpus kept on disk: SQLite for the records, a FAISS index file of page vectors beside it.

Layout of a store folder::

    store.sqlite           pages, claims, events, conflicts, batches, vector cache (plain
                           SQLite: Datasette or the sqlite3 shell open it read-only)
    pages-<batch>.faiss    the page vectors in page order, as of that batch

A batch is all or nothing: the new FAISS file is written under a new name first, then one
SQLite transaction writes every row and names that file; only after the commit are older
files removed. A process killed at any moment leaves the old transaction state and the old
file (a half-written new file is not named by any row and is removed on the next open).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import faiss
import numpy as np

from reconciler.identity import conflict_id
from reconciler.records import Claim, Conflict, Event, Page
from reconciler.report.document import statements
from reconciler.store import codec

DATABASE = "store.sqlite"
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY, added_at TEXT NOT NULL, pages INTEGER NOT NULL,
    vector_file TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, content_hash TEXT NOT NULL,
    lang TEXT, source TEXT, url TEXT, fetched_at TEXT, batch INTEGER NOT NULL,
    record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS extracted_claims (
    page_id TEXT NOT NULL, position INTEGER NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (page_id, position));
CREATE TABLE IF NOT EXISTS claims (
    page_id TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, slot TEXT,
    normalized TEXT, text TEXT, record TEXT NOT NULL, PRIMARY KEY (page_id, position));
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, date TEXT, place TEXT, pages INTEGER NOT NULL,
    updated_batch INTEGER NOT NULL, updated_at TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS event_pages (
    event_id TEXT NOT NULL, page_id TEXT NOT NULL, PRIMARY KEY (event_id, page_id));
CREATE TABLE IF NOT EXISTS conflicts (
    id TEXT PRIMARY KEY, event_id TEXT, kind TEXT NOT NULL, confidence REAL,
    explanation TEXT, batch INTEGER NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS conflicts_by_event ON conflicts (event_id);
CREATE INDEX IF NOT EXISTS event_pages_by_page ON event_pages (page_id);
"""


class StoreError(RuntimeError):
    """A store folder that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Batch:
    """Everything one ``add`` changes, written in one transaction."""

    pages: Sequence[Page]  # new or changed pages
    positions: Mapping[str, int]  # their rows in the vector file
    content_hashes: Mapping[str, str]
    extracted: Sequence[Claim]  # their claims before resolution
    resolved: Mapping[str, Sequence[Claim]]  # pages whose resolved claims changed
    vectors: np.ndarray  # every page's vector, in position order (old pages first)
    cached_vectors: Mapping[str, np.ndarray]  # new entries of the content-hash cache
    events: Sequence[Event]  # touched events: new, grown or shrunk
    removed_events: Sequence[str]
    conflicts: Sequence[Conflict]  # all conflicts of the touched events


class Store:
    def __init__(self, directory: Path, *, read_only: bool = False) -> None:
        self.directory = directory
        path = directory / DATABASE
        if read_only and not path.is_file():
            raise StoreError(f"{directory}: not a reconciler store (no {DATABASE})")
        if not read_only:
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{directory}: cannot create ({error.strerror})") from error
        try:
            if read_only:
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'")
            else:
                self.db = sqlite3.connect(path, isolation_level=None)
                self.db.executescript(SCHEMA)
                self.db.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
                )
                self._remove_unnamed_vector_files()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: not a usable SQLite store ({error})") from error

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # ---- reading

    def content_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, content_hash FROM pages"))

    def pages(self, ids: Iterable[str] | None = None) -> list[Page]:
        """Pages in position order (all, or those of ``ids``)."""
        rows = self.db.execute("SELECT id, record FROM pages ORDER BY position").fetchall()
        wanted = None if ids is None else set(ids)
        return [codec.page_from(record) for id_, record in rows if wanted is None or id_ in wanted]

    def page_languages(self) -> list[tuple[str, str]]:
        """(id, language) of every page in position order, without reading the records."""
        return list(self.db.execute("SELECT id, lang FROM pages ORDER BY position"))

    def extracted_claims(self, page_ids: Iterable[str] | None = None) -> list[Claim]:
        return self._claims("extracted_claims", page_ids)

    def resolved_claims(self, page_ids: Iterable[str] | None = None) -> list[Claim]:
        return self._claims("claims", page_ids)

    def page_vectors(self) -> np.ndarray:
        """Vectors of every page in position order."""
        name = self.db.execute("SELECT vector_file FROM batches ORDER BY id DESC").fetchone()
        if name is None:
            return np.zeros((0, 0), dtype=np.float32)
        index = faiss.read_index(str(self.directory / name[0]))
        return index.reconstruct_n(0, index.ntotal)

    def cached_vectors(self) -> dict[str, np.ndarray]:
        return {
            key: np.frombuffer(blob, dtype=np.float32)
            for key, blob in self.db.execute("SELECT key, vector FROM vectors")
        }

    def events(self, *, since: str | None = None, event_id: str | None = None) -> list[Event]:
        query, arguments = "SELECT record FROM events", []
        conditions = []
        if since:
            conditions.append("updated_at >= ?")
            arguments.append(since)
        if event_id:
            conditions.append("id = ?")
            arguments.append(event_id)
        if conditions:
            query += " WHERE " + " AND ".join(conditions)
        return [codec.event_from(record) for (record,) in self.db.execute(query, arguments)]

    def event_of_pages(self) -> dict[str, str]:
        """The id of each stored page's event."""
        return dict(self.db.execute("SELECT page_id, event_id FROM event_pages"))

    def conflicts(self, event_ids: Iterable[str]) -> list[Conflict]:
        wanted = set(event_ids)
        return [
            codec.conflict_from(record)
            for event_id, record in self.db.execute(
                "SELECT event_id, record FROM conflicts ORDER BY rowid"
            )
            if event_id in wanted
        ]

    def batch_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM batches").fetchone()[0])

    def _claims(self, table: str, page_ids: Iterable[str] | None) -> list[Claim]:
        wanted = None if page_ids is None else set(page_ids)
        return [
            codec.claim_from(json.loads(record))
            for page_id, record in self.db.execute(
                f"SELECT page_id, record FROM {table} ORDER BY page_id, position"
            )
            if wanted is None or page_id in wanted
        ]

    # ---- writing

    def write(self, batch: Batch) -> int:
        """Write ``batch`` whole or not at all; returns its number."""
        number = self.batch_count() + 1
        now = datetime.now(UTC).isoformat(timespec="seconds")
        vector_file = f"pages-{number}.faiss"
        self._write_vector_file(batch.vectors, vector_file)
        cursor = self.db.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            self._write_rows(cursor, batch, number, now)
            cursor.execute(
                "INSERT INTO batches VALUES (?, ?, ?, ?)",
                (number, now, len(batch.pages), vector_file),
            )
            cursor.execute("COMMIT")
        except BaseException:
            cursor.execute("ROLLBACK")
            (self.directory / vector_file).unlink(missing_ok=True)
            raise
        self._remove_unnamed_vector_files()
        return number

    def _write_rows(self, cursor: sqlite3.Cursor, batch: Batch, number: int, now: str) -> None:
        for page in batch.pages:
            cursor.execute("DELETE FROM extracted_claims WHERE page_id = ?", (page.id,))
            cursor.execute(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    page.id,
                    batch.positions[page.id],
                    batch.content_hashes[page.id],
                    page.lang,
                    page.source,
                    page.url,
                    page.fetched_at,
                    number,
                    codec.page_json(page),
                ),
            )
        cursor.executemany(
            "INSERT INTO extracted_claims VALUES (?, ?, ?)",
            _numbered(batch.extracted),
        )
        for page_id, claims in batch.resolved.items():
            cursor.execute("DELETE FROM claims WHERE page_id = ?", (page_id,))
            cursor.executemany(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (page_id, k, c.kind.value, c.slot, c.normalized, c.text, record)
                    for (_, k, record), c in zip(_numbered(claims), claims, strict=True)
                ],
            )
        cursor.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
            [
                (key, np.asarray(vector, np.float32).tobytes())
                for key, vector in batch.cached_vectors.items()
            ],
        )
        gone = [*batch.removed_events, *(event.id for event in batch.events)]
        for table, column in (("events", "id"), ("event_pages", "event_id")):
            cursor.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(e,) for e in gone])
        cursor.executemany("DELETE FROM conflicts WHERE event_id = ?", [(e,) for e in gone])
        cursor.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (e.id, e.date, e.place, len(e.page_ids), number, now, codec.event_json(e))
                for e in batch.events
            ],
        )
        cursor.executemany(
            "INSERT INTO event_pages VALUES (?, ?)",
            [(event.id, page_id) for event in batch.events for page_id in event.page_ids],
        )
        cursor.executemany(
            "INSERT OR REPLACE INTO conflicts VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    conflict_id(c, statements(c)),
                    c.event_id,
                    c.kind.value,
                    c.confidence,
                    c.explanation,
                    number,
                    codec.conflict_json(c),
                )
                for c in batch.conflicts
            ],
        )

    def _write_vector_file(self, vectors: np.ndarray, name: str) -> None:
        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        partial = self.directory / (name + ".partial")
        faiss.write_index(index, str(partial))
        with partial.open("rb") as stream:
            os.fsync(stream.fileno())
        partial.replace(self.directory / name)

    def _remove_unnamed_vector_files(self) -> None:
        """Vector files of batches that never committed, and those an older batch named."""
        latest = self.db.execute("SELECT vector_file FROM batches ORDER BY id DESC").fetchone()
        for path in self.directory.glob("pages-*.faiss*"):
            if latest is None or path.name != latest[0]:
                path.unlink(missing_ok=True)


def _numbered(claims: Sequence[Claim]) -> list[tuple[str, int, str]]:
    """(page id, position within the page, JSON) of each claim."""
    seen: dict[str, int] = {}
    rows = []
    for claim in claims:
        position = seen.get(claim.page_id, 0)
        seen[claim.page_id] = position + 1
        rows.append((claim.page_id, position, codec.dumps(codec.claim_fields(claim))))
    return rows

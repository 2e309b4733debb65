"""CI gate: compare the conflicts a run finds with the review file of the dataset, one
conflict at a time, by the stable conflict id (``reconciler.identity``).

The review file (``reviews.json`` in the dataset, written by ``reconciler review``) records a
decision for each conflict::

    {"review_version": 1, "conflicts": [
        {"id": "number-3f2a…", "decision": "accepted", "reviewer": "ana", "note": "two
         agencies, two counts", "reviewed_at": "2026-12-01T20:00:00+00:00",
         "kind": "number", "subject": "event:event-doc-005|number|magnitude",
         "values": ["7.2", "7.3"], "pages": ["doc-005", "doc-014"], "explanation": "…"}]}

"accepted": a real conflict between the sources, known and kept; "rejected": not a conflict
(a false alarm). The build fails on three things only: a conflict found that nobody reviewed,
an accepted conflict no longer found, and an accepted conflict whose values changed (the same
subject, kind and slot now found with other values; named by the accepted id).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from reconciler.records import ConflictKind, Result
from reconciler.report import document

log = logging.getLogger("reconciler.check")

REVIEW_VERSION = 1
REVIEW_FILE = "reviews.json"
KINDS = frozenset(str(kind) for kind in ConflictKind)


class ReviewError(ValueError):
    """A review file that cannot be read or written; the message names the file and the
    problem."""


class Decision(StrEnum):
    ACCEPTED = "accepted"  # a real conflict between the sources, known and kept
    REJECTED = "rejected"  # not a conflict: a false alarm


@dataclass(frozen=True)
class Review:
    """One decision on one conflict, with what the conflict was when it was reviewed."""

    id: str
    decision: Decision
    reviewer: str
    note: str = ""
    reviewed_at: str = ""
    kind: str = ""
    subject: str = ""
    values: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    explanation: str = ""

    @classmethod
    def of(
        cls, conflict: Mapping[str, Any], decision: Decision, reviewer: str, note: str
    ) -> Review:
        return cls(
            id=conflict["id"],
            decision=decision,
            reviewer=reviewer,
            note=note,
            reviewed_at=datetime.now(UTC).isoformat(timespec="seconds"),
            kind=conflict["kind"],
            subject=conflict["subject"],
            values=tuple(conflict["values"]),
            pages=tuple(sorted(conflict["pages"])),
            explanation=conflict["explanation"],
        )


@dataclass(frozen=True)
class Changed:
    """An accepted conflict found again with other values."""

    accepted: Review
    now: dict[str, Any]  # the conflict as found now (a document conflict)


@dataclass(frozen=True)
class Verdict:
    """What a run found against the review file.

    Conflicts are those of the JSON document (with id, claims, lines, context); ``fail_on``
    limits which kinds fail the build (None: all).
    """

    reviews: tuple[Review, ...]
    found: tuple[dict[str, Any], ...]
    reviewed: tuple[dict[str, Any], ...]
    unreviewed: tuple[dict[str, Any], ...]
    changed: tuple[Changed, ...]
    missing: tuple[Review, ...]
    ignored: tuple[dict[str, Any], ...]
    pages: Mapping[str, Mapping[str, Any]]
    fail_on: frozenset[str] | None = None
    differences: tuple[tuple[str, str], ...] = field(init=False)  # (kind, id) of each finding

    def __post_init__(self) -> None:
        findings = [(conflict["kind"], conflict["id"]) for conflict in self.unreviewed]
        findings += [(item.accepted.kind, item.accepted.id) for item in self.changed]
        findings += [(review.kind, review.id) for review in self.missing]
        object.__setattr__(self, "differences", tuple(findings))

    def gates(self, kind: str) -> bool:
        return self.fail_on is None or kind in self.fail_on

    @property
    def failures(self) -> int:
        return sum(self.gates(kind) for kind, _ in self.differences)

    @property
    def passed(self) -> bool:
        return self.failures == 0

    @property
    def awaiting(self) -> tuple[dict[str, Any], ...]:
        """Found conflicts a reviewer must decide on: the unreviewed and the changed."""
        return self.unreviewed + tuple(item.now for item in self.changed)


def compare(
    result: Result,
    reviews: Sequence[Review],
    *,
    fail_on: Collection[str] | None = None,
    min_confidence: float = 0.0,
) -> Verdict:
    report = document.build(result)
    kept = [entry for entry in report["conflicts"] if entry["confidence"] >= min_confidence]
    ignored = tuple(entry for entry in report["conflicts"] if entry["confidence"] < min_confidence)
    for entry in ignored:
        log.info(
            "ignored %s (confidence %.2f < %.2f)",
            describe(entry),
            entry["confidence"],
            min_confidence,
        )
    by_id = {review.id: review for review in reviews}
    found_ids = {entry["id"] for entry in kept}
    # Accepted conflicts not found by id, by subject: where a changed one would turn up.
    absent = {
        review.subject: review
        for review in reviews
        if review.decision == Decision.ACCEPTED and review.id not in found_ids
    }
    reviewed, unreviewed, changed = [], [], []
    for entry in kept:
        if entry["id"] in by_id:
            reviewed.append(entry)
            log.info("%s %s", by_id[entry["id"]].decision, describe(entry))
        elif entry["subject"] in absent:
            changed.append(Changed(absent.pop(entry["subject"]), entry))
            log.info("changed %s", describe(entry))
        else:
            unreviewed.append(entry)
            log.info("unreviewed %s", describe(entry))
    missing = tuple(absent.values())
    for review in missing:
        log.info("missing %s %s", review.id, review.kind)
    return Verdict(
        reviews=tuple(reviews),
        found=tuple(kept),
        reviewed=tuple(reviewed),
        unreviewed=tuple(unreviewed),
        changed=tuple(changed),
        missing=missing,
        ignored=ignored,
        pages={page["id"]: page for page in report["pages"]},
        fail_on=frozenset(fail_on) if fail_on is not None else None,
    )


def decide(
    verdict: Verdict,
    ids: Collection[str],
    decision: Decision,
    *,
    reviewer: str,
    note: str = "",
) -> tuple[Review, ...]:
    """The reviews with a decision on each of ``ids`` (found conflicts; "all": every one
    awaiting review). A changed conflict's new review replaces the accepted one it was.
    ValueError naming an id that is not a conflict found now."""
    found = {entry["id"]: entry for entry in verdict.found}
    wanted = [entry["id"] for entry in verdict.awaiting] if "all" in ids else list(ids)
    unknown = [conflict_id for conflict_id in wanted if conflict_id not in found]
    if unknown:
        raise ValueError(f"no conflict {', '.join(unknown)} was found in this run")
    replaced = {item.accepted.id for item in verdict.changed if item.now["id"] in wanted}
    kept = [
        review
        for review in verdict.reviews
        if review.id not in replaced and review.id not in wanted
    ]
    decided = [
        Review.of(found[conflict_id], decision, reviewer, note)
        for conflict_id in dict.fromkeys(wanted)
    ]
    return tuple(kept + decided)


def drop(reviews: Sequence[Review], ids: Collection[str]) -> tuple[Review, ...]:
    """The reviews without those of ``ids`` (an accepted conflict that is rightly gone)."""
    known = {review.id for review in reviews}
    unknown = sorted(set(ids) - known)
    if unknown:
        raise ValueError(f"no review of {', '.join(unknown)} in the review file")
    return tuple(review for review in reviews if review.id not in ids)


def parse_kinds(spec: str) -> frozenset[str]:
    """``"number,quote"`` → the kinds; ValueError naming any unknown kind."""
    kinds = frozenset(part.strip() for part in spec.split(",") if part.strip())
    unknown = sorted(kinds - KINDS)
    if unknown or not kinds:
        raise ValueError(
            f"unknown conflict kind {', '.join(unknown) or '(none given)'}; "
            f"known: {', '.join(sorted(KINDS))}"
        )
    return kinds


def review_path(dataset: Path, reviews: Path | None) -> Path:
    """The review file: the one given, else ``reviews.json`` in the dataset folder."""
    if reviews is not None:
        return reviews
    return (dataset if dataset.is_dir() else dataset.parent) / REVIEW_FILE


def load_reviews(path: Path) -> tuple[Review, ...]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        reviews = tuple(_review(entry) for entry in raw["conflicts"])
    except OSError as error:
        raise ReviewError(f"{path}: cannot read the review file ({error.strerror})") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ReviewError(f"{path}: the review file is not JSON ({error})") from error
    except (KeyError, TypeError, AttributeError) as error:
        raise ReviewError(f"{path}: not a review file (missing or malformed {error})") from error
    except ValueError as error:
        raise ReviewError(f"{path}: not a review file ({error})") from error
    return reviews


def _review(entry: Mapping[str, Any]) -> Review:
    if entry.get("kind", "") and entry["kind"] not in KINDS:
        raise ValueError(f"unknown conflict kind {entry['kind']!r}")
    if not isinstance(entry["id"], str) or not isinstance(entry["reviewer"], str):
        raise TypeError("id")
    return Review(
        id=entry["id"],
        decision=Decision(entry["decision"]),
        reviewer=entry["reviewer"],
        note=str(entry.get("note", "")),
        reviewed_at=str(entry.get("reviewed_at", "")),
        kind=str(entry.get("kind", "")),
        subject=str(entry.get("subject", "")),
        values=tuple(str(value) for value in entry.get("values", ())),
        pages=tuple(str(page) for page in entry.get("pages", ())),
        explanation=str(entry.get("explanation", "")),
    )


def reviews_document(reviews: Sequence[Review]) -> dict[str, Any]:
    """The review file's JSON, reviews in id order so that diffs stay small."""
    return {
        "review_version": REVIEW_VERSION,
        "conflicts": [
            asdict(review)
            | {"decision": str(review.decision), "values": list(review.values)}
            | {"pages": list(review.pages)}
            for review in sorted(reviews, key=lambda review: review.id)
        ],
    }


def save_reviews(path: Path, reviews: Sequence[Review]) -> None:
    """Write the review file whole or not at all: a temporary file beside it, then renamed."""
    text = json.dumps(reviews_document(reviews), ensure_ascii=False, indent=2) + "\n"
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise ReviewError(f"{path}: cannot write the review file ({error.strerror})") from error


def describe(conflict: Mapping[str, Any]) -> str:
    """``"number-3f2a… (number on doc-005, doc-014)"``: how logs name a found conflict."""
    return f"{conflict['id']} ({conflict['kind']} on {', '.join(sorted(conflict['pages']))})"

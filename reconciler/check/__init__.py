"""CI gate: compare the conflicts a run finds with the accepted ones, a baseline file or the
dataset's gold conflicts, using evaluate's rule (same kind, same set of pages).

A baseline is a small JSON file a team commits:
``{"baseline_version": 1, "conflicts": [{"kind", "pages", "explanation", "confidence"}]}``.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconciler.evaluate import GoldConflict, read_json, score_conflicts, string_set
from reconciler.records import ConflictKind, Result
from reconciler.report import document

log = logging.getLogger("reconciler.check")

BASELINE_VERSION = 1
KINDS = frozenset(str(kind) for kind in ConflictKind)


class BaselineError(ValueError):
    """A baseline that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Verdict:
    """What a run found against what was accepted.

    ``new`` and ``ignored`` are conflicts of the JSON document (with claims, lines, context);
    ``fail_on`` limits which kinds fail the build (None: all).
    """

    accepted: tuple[GoldConflict, ...]
    found: tuple[dict[str, Any], ...]
    new: tuple[dict[str, Any], ...]
    missing: tuple[GoldConflict, ...]
    ignored: tuple[dict[str, Any], ...]
    pages: Mapping[str, Mapping[str, Any]]
    fail_on: frozenset[str] | None = None

    def gates(self, kind: str) -> bool:
        return self.fail_on is None or kind in self.fail_on

    @property
    def failures(self) -> int:
        return sum(self.gates(conflict["kind"]) for conflict in self.new) + sum(
            self.gates(conflict.kind) for conflict in self.missing
        )

    @property
    def passed(self) -> bool:
        return self.failures == 0


def compare(
    result: Result,
    accepted: Sequence[GoldConflict],
    *,
    fail_on: Collection[str] | None = None,
    min_confidence: float = 0.0,
) -> Verdict:
    report = document.build(result)
    # document.build keeps the order of result.conflicts: index i is the same conflict.
    pairs = list(zip(result.conflicts, report["conflicts"], strict=True))
    kept = [(record, entry) for record, entry in pairs if record.confidence >= min_confidence]
    ignored = tuple(entry for record, entry in pairs if record.confidence < min_confidence)
    for entry in ignored:
        log.info(
            "ignored %s (confidence %.2f < %.2f)",
            describe(entry["kind"], entry["pages"]),
            entry["confidence"],
            min_confidence,
        )
    scores = score_conflicts([record for record, _ in kept], accepted)
    unexpected = {_key(item["kind"], item["pages"]) for item in scores["unexpected"]}
    absent = {_key(item["kind"], item["pages"]) for item in scores["missing"]}
    new = tuple(entry for _, entry in kept if _key(entry["kind"], entry["pages"]) in unexpected)
    missing = tuple(item for item in accepted if _key(item.kind, item.docs) in absent)
    for _, entry in kept:
        log.info(
            "%s %s", "new" if entry in new else "known", describe(entry["kind"], entry["pages"])
        )
    for item in missing:
        log.info("missing %s", describe(item.kind, item.docs))
    return Verdict(
        accepted=tuple(accepted),
        found=tuple(entry for _, entry in kept),
        new=new,
        missing=missing,
        ignored=ignored,
        pages={page["id"]: page for page in report["pages"]},
        fail_on=frozenset(fail_on) if fail_on is not None else None,
    )


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


def load_baseline(path: Path) -> tuple[GoldConflict, ...]:
    """The accepted conflicts of a baseline file; ``BaselineError`` (one line) when broken."""
    raw = read_json(path, "baseline", BaselineError)
    entries = raw.get("conflicts") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: not a baseline (no 'conflicts' list)")
    accepted = []
    for index, entry in enumerate(entries):
        where = f"conflicts[{index}]"
        if not isinstance(entry, dict):
            raise BaselineError(f"{path}: not a baseline: {where} must be an object")
        kind, note = entry.get("kind"), entry.get("explanation", "")
        if not isinstance(kind, str) or kind not in KINDS:
            raise BaselineError(
                f"{path}: not a baseline: {where}.kind must be one of {', '.join(sorted(KINDS))}"
            )
        if not isinstance(note, str):
            raise BaselineError(f"{path}: not a baseline: {where}.explanation must be a string")
        pages = string_set(
            entry.get("pages"),
            path=path,
            where=f"not a baseline: {where}.pages",
            error=BaselineError,
        )
        accepted.append(GoldConflict(kind=kind, docs=pages, note=note))
    return tuple(accepted)


def baseline(verdict: Verdict) -> dict[str, Any]:
    """The found conflicts as a baseline document, ready to commit."""
    return {
        "baseline_version": BASELINE_VERSION,
        "conflicts": [
            {
                "kind": conflict["kind"],
                "pages": sorted(conflict["pages"]),
                "explanation": conflict["explanation"],
                "confidence": conflict["confidence"],
            }
            for conflict in verdict.found
        ],
    }


def _key(kind: str, pages: Collection[str]) -> tuple[str, tuple[str, ...]]:
    return kind, tuple(sorted(pages))


def describe(kind: str, pages: Collection[str]) -> str:
    """``"number doc-005, doc-014"``: how logs name a conflict."""
    return f"{kind} {', '.join(sorted(pages))}"

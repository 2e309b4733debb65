"""Score a run against a curated dataset's gold.json (format: shared FORMAT.md).

- clustering: B-cubed precision, recall and F1 of the event partition;
- conflicts: a found conflict matches a gold one when the kinds are equal and its set of
  pages equals the gold ``docs``; precision/recall/F1 overall and per kind;
- traps: a gold non-conflict is flagged when a found conflict of its kind, matching no gold
  conflict, lies within its pages;
- events: how well each gold event's date and participants were recovered, on the found
  event holding most of its pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconciler.records import Conflict, Event, Result


class GoldError(ValueError):
    """gold.json is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class GoldConflict:
    kind: str
    docs: frozenset[str]
    note: str = ""


@dataclass(frozen=True)
class GoldEvent:
    id: str
    docs: frozenset[str]
    date: str | None
    place: str | None
    participants: tuple[str, ...]


@dataclass(frozen=True)
class Gold:
    events: tuple[GoldEvent, ...]
    conflicts: tuple[GoldConflict, ...]
    non_conflicts: tuple[GoldConflict, ...]


def load_gold(dataset: Path) -> Gold:
    """The dataset's gold.json; ``GoldError`` (one line naming the file) when it is broken."""
    path = dataset / "gold.json"
    if not path.exists():
        raise GoldError(f"{path}: no gold.json in this dataset")
    raw = read_json(path, "gold file", GoldError)
    if not isinstance(raw, dict):
        raise GoldError(f"{path}: not a gold file (expected a JSON object)")
    return Gold(
        events=tuple(
            _gold_event(path, f"events[{index}]", item)
            for index, item in enumerate(_entries(path, raw, "events"))
        ),
        conflicts=tuple(
            _gold_conflict(path, f"conflicts[{index}]", item)
            for index, item in enumerate(_entries(path, raw, "conflicts"))
        ),
        non_conflicts=tuple(
            _gold_conflict(path, f"non_conflicts[{index}]", item)
            for index, item in enumerate(_entries(path, raw, "non_conflicts"))
        ),
    )


def read_json(path: Path, what: str, error: type[ValueError]) -> Any:
    """The JSON in ``path``; ``error`` with one line naming the file and the problem."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        return json.loads(text)
    except FileNotFoundError as cause:
        raise error(f"{path}: cannot read {what} (no such file)") from cause
    except IsADirectoryError as cause:
        raise error(f"{path}: is a folder, not a {what}") from cause
    except OSError as cause:
        raise error(f"{path}: cannot read {what} ({cause.strerror or cause})") from cause
    except UnicodeDecodeError as cause:
        raise error(f"{path}: {what} is not UTF-8 text") from cause
    except json.JSONDecodeError as cause:
        raise error(f"{path}: {what} is not JSON ({cause.msg}, line {cause.lineno})") from cause
    except RecursionError as cause:
        raise error(f"{path}: {what} is nested too deeply") from cause


def string_set(value: Any, *, path: Path, where: str, error: type[ValueError]) -> frozenset[str]:
    """A non-empty list of strings as a set; a bare string ("g1") is refused, not split."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise error(f"{path}: {where} must be a non-empty list of page ids, not {_shown(value)}")
    return frozenset(value)


def _entries(path: Path, raw: Mapping[str, Any], key: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise GoldError(f"{path}: '{key}' must be a list, not {_shown(value)}")
    return value


def _gold_event(path: Path, where: str, item: Any) -> GoldEvent:
    if not isinstance(item, dict):
        raise GoldError(f"{path}: {where} must be an object")
    participants = item.get("participants", [])
    if not isinstance(participants, list) or not all(isinstance(p, str) for p in participants):
        raise GoldError(f"{path}: {where}.participants must be a list of names")
    return GoldEvent(
        id=_text(path, f"{where}.id", item.get("id")),
        docs=string_set(item.get("docs"), path=path, where=f"{where}.docs", error=GoldError),
        date=_optional_text(path, f"{where}.date", item.get("date")),
        place=_optional_text(path, f"{where}.place", item.get("place")),
        participants=tuple(participants),
    )


def _gold_conflict(path: Path, where: str, item: Any) -> GoldConflict:
    if not isinstance(item, dict):
        raise GoldError(f"{path}: {where} must be an object")
    return GoldConflict(
        kind=_text(path, f"{where}.kind", item.get("kind")),
        docs=string_set(item.get("docs"), path=path, where=f"{where}.docs", error=GoldError),
        note=_optional_text(path, f"{where}.note", item.get("note")) or "",
    )


def _text(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise GoldError(f"{path}: {where} must be a non-empty string, not {_shown(value)}")
    return value


def _optional_text(path: Path, where: str, value: Any) -> str | None:
    return None if value is None else _text(path, where, value)


def _shown(value: Any) -> str:
    """A value as an error message shows it: its JSON type, and the value when short."""
    kind = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else "a number"
    )
    text = json.dumps(value, ensure_ascii=True)
    return f"{kind} {text}" if len(text) <= 40 else kind


def bcubed(found: Sequence[Event], gold: Sequence[GoldEvent]) -> dict[str, float]:
    """B-cubed over the pages gold places in an event."""
    gold_of = {doc: event.id for event in gold for doc in event.docs}
    found_of = {page: event.id for event in found for page in event.page_ids}
    gold_members = {event.id: event.docs for event in gold}
    found_members = {event.id: frozenset(event.page_ids) for event in found}
    precision = recall = 0.0
    for doc, gold_id in gold_of.items():
        found_cluster = found_members.get(found_of.get(doc, ""), frozenset({doc}))
        found_cluster = found_cluster & gold_of.keys() or frozenset({doc})
        shared = len(found_cluster & gold_members[gold_id])
        precision += shared / len(found_cluster)
        recall += shared / len(gold_members[gold_id])
    count = max(len(gold_of), 1)
    return _prf(precision / count, recall / count)


def _prf(precision: float, recall: float) -> dict[str, float]:
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_conflicts(found: Sequence[Conflict], gold: Sequence[GoldConflict]) -> dict[str, Any]:
    found_keys = [(str(conflict.kind), frozenset(conflict.page_ids)) for conflict in found]
    gold_keys = [(conflict.kind, conflict.docs) for conflict in gold]
    kinds = sorted({kind for kind, _ in found_keys} | {kind for kind, _ in gold_keys})

    def counts(kind: str | None) -> dict[str, Any]:
        found_here = {key for key in found_keys if kind is None or key[0] == kind}
        gold_here = {key for key in gold_keys if kind is None or key[0] == kind}
        hits = len(found_here & gold_here)
        precision = hits / len(found_here) if found_here else (1.0 if not gold_here else 0.0)
        recall = hits / len(gold_here) if gold_here else 1.0
        return {"found": len(found_here), "gold": len(gold_here), "matched": hits} | _prf(
            precision, recall
        )

    missing = [
        {"kind": kind, "pages": sorted(docs)}
        for kind, docs in gold_keys
        if (kind, docs) not in found_keys
    ]
    unexpected = [
        {"kind": kind, "pages": sorted(docs)}
        for kind, docs in found_keys
        if (kind, docs) not in gold_keys
    ]
    return {
        "overall": counts(None),
        "per_kind": {kind: counts(kind) for kind in kinds},
        "missing": missing,
        "unexpected": unexpected,
    }


def flagged_traps(
    found: Sequence[Conflict], gold: Sequence[GoldConflict], traps: Sequence[GoldConflict]
) -> list[dict[str, Any]]:
    gold_keys = {(conflict.kind, conflict.docs) for conflict in gold}
    extra = [
        conflict
        for conflict in found
        if (str(conflict.kind), frozenset(conflict.page_ids)) not in gold_keys
    ]
    flagged = []
    for trap in traps:
        hits = [c for c in extra if str(c.kind) == trap.kind and set(c.page_ids) <= trap.docs]
        if hits:
            flagged.append(
                {
                    "kind": trap.kind,
                    "docs": sorted(trap.docs),
                    "by": [sorted(c.page_ids) for c in hits],
                }
            )
    return flagged


NameMatcher = Callable[[str, str], bool]


def score_events(
    found: Sequence[Event], gold: Sequence[GoldEvent], same_name: NameMatcher
) -> dict[str, Any]:
    """Date accuracy and participant F1 of the found event holding most of each gold event."""
    dates_right = 0
    true_positive = false_positive = false_negative = 0
    for gold_event in gold:
        best = max(
            found, key=lambda event: len(gold_event.docs & set(event.page_ids)), default=None
        )
        if best is None:
            false_negative += len(gold_event.participants)
            continue
        dates_right += int(best.date == gold_event.date)
        unmatched = list(gold_event.participants)
        for name in best.participants:
            match = next((wanted for wanted in unmatched if same_name(name, wanted)), None)
            if match is None:
                false_positive += 1
            else:
                unmatched.remove(match)
                true_positive += 1
        false_negative += len(unmatched)
    precision = (
        true_positive / (true_positive + false_positive) if true_positive + false_positive else 1.0
    )
    recall = (
        true_positive / (true_positive + false_negative) if true_positive + false_negative else 1.0
    )
    return {
        "date_accuracy": round(dates_right / max(len(gold), 1), 4),
        "participants": _prf(precision, recall),
    }


def evaluate(result: Result, gold: Gold, same_name: NameMatcher) -> dict[str, Any]:
    return {
        "clustering": bcubed(result.events, gold.events),
        "conflicts": score_conflicts(result.conflicts, gold.conflicts),
        "traps_flagged": flagged_traps(result.conflicts, gold.conflicts, gold.non_conflicts),
        "traps_total": len(gold.non_conflicts),
        "events": score_events(result.events, gold.events, same_name),
        "pages": {
            "read": len(result.pages),
            "errors": [str(error) for error in result.errors],
        },
    }

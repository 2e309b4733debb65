"""Score a run against a curated dataset's gold.json (format: shared FORMAT.md).

- clustering: B-cubed precision, recall and F1 of the event partition;
- conflicts: a found conflict matches a gold one when the kinds are equal and its set of
  pages equals the gold ``docs``; precision/recall/F1 overall and per kind; beside them the
  rough figures, where a match needs the same kind and page sets overlapping by Jaccard
  ≥ ``EvalSettings.rough_jaccard`` (each gold and found conflict matched at most once);
- traps: a gold non-conflict is flagged when a found conflict of its kind, matching no gold
  conflict, lies within its pages;
- events: how well each gold event's date and participants were recovered, on the found
  event holding most of its pages; per gold event, how it was split or merged; per page, the
  event date found (with where it came from) against the gold event's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconciler.records import ClaimKind, Conflict, Event, Result


@dataclass(frozen=True)
class EvalSettings:
    # A "rough" conflict match (issue 11's definition, not fitted to any data set): the same
    # kind and page sets whose Jaccard overlap is at least this.
    rough_jaccard: float = 0.5


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


def score_conflicts(
    found: Sequence[Conflict],
    gold: Sequence[GoldConflict],
    settings: EvalSettings | None = None,
) -> dict[str, Any]:
    settings = settings or EvalSettings()
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
    distinct_found = list(dict.fromkeys(found_keys))
    rough_pairs = rough_matches(distinct_found, gold_keys, settings.rough_jaccard)

    def rough_counts(kind: str | None) -> dict[str, Any]:
        found_here = sum(1 for key in distinct_found if kind in (None, key[0]))
        gold_here = sum(1 for key in gold_keys if kind in (None, key[0]))
        hits = sum(1 for index, _ in rough_pairs if kind in (None, distinct_found[index][0]))
        precision = hits / found_here if found_here else (1.0 if not gold_here else 0.0)
        recall = hits / gold_here if gold_here else 1.0
        return {"found": found_here, "gold": gold_here, "matched": hits} | _prf(precision, recall)

    return {
        "overall": counts(None),
        "per_kind": {kind: counts(kind) for kind in kinds},
        "rough": {
            "jaccard": settings.rough_jaccard,
            "overall": rough_counts(None),
            "per_kind": {kind: rough_counts(kind) for kind in kinds},
        },
        "missing": missing,
        "unexpected": unexpected,
    }


ConflictKey = tuple[str, frozenset[str]]


def rough_matches(
    found: Sequence[ConflictKey], gold: Sequence[ConflictKey], min_jaccard: float
) -> list[tuple[int, int]]:
    """One-to-one pairs (found index, gold index) of the same kind, best overlap first."""
    candidates = sorted(
        (
            (-_jaccard(found_pages, gold_pages), found_index, gold_index)
            for found_index, (found_kind, found_pages) in enumerate(found)
            for gold_index, (gold_kind, gold_pages) in enumerate(gold)
            if found_kind == gold_kind and _jaccard(found_pages, gold_pages) >= min_jaccard
        )
    )
    used_found: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, found_index, gold_index in candidates:
        if found_index not in used_found and gold_index not in used_gold:
            used_found.add(found_index)
            used_gold.add(gold_index)
            pairs.append((found_index, gold_index))
    return pairs


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = left | right
    return len(left & right) / len(union) if union else 1.0


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
    """Date accuracy (over the gold events that have a date) and participant F1 of the found
    event holding most of each gold event, and per gold event how it was split or merged."""
    gold_of = {doc: event.id for event in gold for doc in event.docs}
    dates_right = 0
    true_positive = false_positive = false_negative = 0
    per_event = []
    for gold_event in gold:
        best = max(
            found, key=lambda event: len(gold_event.docs & set(event.page_ids)), default=None
        )
        if best is None or not gold_event.docs & set(best.page_ids):
            false_negative += len(gold_event.participants)
            per_event.append(_event_breakdown(gold_event, None, found, gold_of, [], []))
            continue
        dates_right += int(gold_event.date is not None and best.date == gold_event.date)
        unmatched = list(gold_event.participants)
        extra = []
        for name in best.participants:
            match = next((wanted for wanted in unmatched if same_name(name, wanted)), None)
            if match is None:
                false_positive += 1
                extra.append(name)
            else:
                unmatched.remove(match)
                true_positive += 1
        false_negative += len(unmatched)
        per_event.append(_event_breakdown(gold_event, best, found, gold_of, unmatched, extra))
    precision = (
        true_positive / (true_positive + false_positive) if true_positive + false_positive else 1.0
    )
    recall = (
        true_positive / (true_positive + false_negative) if true_positive + false_negative else 1.0
    )
    dated = sum(1 for event in gold if event.date is not None)
    return {
        "date_accuracy": round(dates_right / dated, 4) if dated else 1.0,
        "dated_events": dated,
        "participants": _prf(precision, recall),
        "per_event": per_event,
    }


def _event_breakdown(
    gold_event: GoldEvent,
    best: Event | None,
    found: Sequence[Event],
    gold_of: Mapping[str, str],
    missing_people: Sequence[str],
    extra_people: Sequence[str],
) -> dict[str, Any]:
    """Where a gold event's pages went (``split_into``), which other gold events' pages the
    found event holding most of them also took (``merged_with``), and its date and people."""
    split_into = [
        {"event": event.id, "pages": sorted(gold_event.docs & set(event.page_ids))}
        for event in found
        if gold_event.docs & set(event.page_ids)
    ]
    unclustered = sorted(gold_event.docs - {page for event in found for page in event.page_ids})
    merged: dict[str, list[str]] = {}
    for page in best.page_ids if best is not None else ():
        other = gold_of.get(page)
        if other is not None and other != gold_event.id:
            merged.setdefault(other, []).append(page)
    return {
        "id": gold_event.id,
        "pages": len(gold_event.docs),
        "found_event": best.id if best is not None else None,
        "split_into": sorted(split_into, key=lambda part: -len(part["pages"])),
        "unclustered": unclustered,
        "merged_with": [
            {"gold_event": other, "pages": sorted(pages)} for other, pages in sorted(merged.items())
        ],
        "date": {
            "gold": gold_event.date,
            "found": best.date if best is not None else None,
            "right": gold_event.date is not None
            and best is not None
            and best.date == gold_event.date,
        },
        "participants": {
            "found": list(best.participants) if best is not None else [],
            "missing": list(missing_people),
            "extra": list(extra_people),
        },
    }


def page_dates(result: Result, gold: Sequence[GoldEvent]) -> list[dict[str, Any]]:
    """Per page: the event date its claims gave (and where it came from) against the date of
    its gold event, and the found event it was put in."""
    gold_event_of = {doc: event for event in gold for doc in event.docs}
    found_event_of = {page: event.id for event in result.events for page in event.page_ids}
    chosen = {
        claim.page_id: claim
        for claim in result.claims
        if claim.kind == ClaimKind.DATE and claim.slot == "event_date"
    }
    rows = []
    for page in result.pages:
        gold_event = gold_event_of.get(page.id)
        claim = chosen.get(page.id)
        gold_date = gold_event.date if gold_event is not None else None
        rows.append(
            {
                "page": page.id,
                "lang": page.lang,
                "gold_event": gold_event.id if gold_event is not None else None,
                "found_event": found_event_of.get(page.id),
                "gold_date": gold_date,
                "found_date": claim.normalized if claim is not None else None,
                "right": claim is not None and claim.normalized == gold_date,
                "origin": None
                if claim is None
                else {
                    "region": str(claim.region),
                    "text": claim.text,
                    "anchor": claim.anchor,
                    "confidence": round(claim.confidence, 3),
                },
            }
        )
    return rows


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
            "dates": page_dates(result, gold.events),
        },
    }


def scores_text(scores: Mapping[str, Any]) -> str:
    """The scores for a terminal: the figures, then what to look at (misses, splits, dates)."""
    clustering = scores["clustering"]
    conflicts = scores["conflicts"]
    overall, rough = conflicts["overall"], conflicts["rough"]["overall"]
    lines = [
        f"clustering  B-cubed P {clustering['precision']:.3f}  R {clustering['recall']:.3f}  "
        f"F1 {clustering['f1']:.3f}",
        f"conflicts   P {overall['precision']:.3f}  R {overall['recall']:.3f}  "
        f"F1 {overall['f1']:.3f}  "
        f"({overall['matched']} of {overall['gold']} gold found, {overall['found']} flagged)",
        f"  rough (Jaccard ≥ {conflicts['rough']['jaccard']}) P {rough['precision']:.3f}  "
        f"R {rough['recall']:.3f}  F1 {rough['f1']:.3f}",
    ]
    for kind, counts in conflicts["per_kind"].items():
        rough_kind = conflicts["rough"]["per_kind"][kind]
        lines.append(
            f"  {kind:<18} P {counts['precision']:.3f}  R {counts['recall']:.3f}  "
            f"({counts['matched']}/{counts['gold']} gold, {counts['found']} flagged; "
            f"rough {rough_kind['matched']})"
        )
    lines.append(f"traps flagged {len(scores['traps_flagged'])} of {scores['traps_total']}")
    for trap in scores["traps_flagged"]:
        lines.append(f"  {trap['kind']} {', '.join(trap['docs'])}")
    for missing in conflicts["missing"]:
        lines.append(f"missing     {missing['kind']} {', '.join(missing['pages'])}")
    for extra in conflicts["unexpected"]:
        lines.append(f"unexpected  {extra['kind']} {', '.join(extra['pages'])}")
    events = scores["events"]
    lines.append(
        f"events      date accuracy {events['date_accuracy']:.3f} "
        f"(of {events['dated_events']} dated)  participants F1 "
        f"{events['participants']['f1']:.3f}"
    )
    lines.extend(_event_lines(events["per_event"]))
    lines.extend(_page_date_lines(scores["pages"]["dates"]))
    return "\n".join(lines)


def _event_lines(per_event: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = []
    for event in per_event:
        parts = [f"{part['event']} [{', '.join(part['pages'])}]" for part in event["split_into"]]
        problems = []
        if len(parts) > 1 or event["unclustered"]:
            problems.append("split into " + "; ".join(parts))
        if event["merged_with"]:
            problems.append(
                "merged with "
                + "; ".join(
                    f"{other['gold_event']} [{', '.join(other['pages'])}]"
                    for other in event["merged_with"]
                )
            )
        date = event["date"]
        if date["gold"] is not None and not date["right"]:
            problems.append(f"date {date['found'] or 'none'} (gold {date['gold']})")
        people = event["participants"]
        if people["missing"] or people["extra"]:
            problems.append(
                f"people missing {people['missing'] or '-'}, extra {people['extra'] or '-'}"
            )
        if problems:
            lines.append(f"  event {event['id']} ({event['pages']} pages): " + "; ".join(problems))
    return lines


def _page_date_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = []
    for row in rows:
        if row["gold_date"] is None or row["right"]:
            continue
        origin = row["origin"]
        where = (
            f"{origin['region']} {origin['text']!r}, anchor {origin['anchor'] or 'none'}"
            if origin
            else "no date found"
        )
        lines.append(
            f"  page {row['page']} ({row['lang']}) date {row['found_date'] or 'none'} "
            f"(gold {row['gold_date']}): {where}"
        )
    return lines

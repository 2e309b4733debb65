"""Records to JSON and back, for the store's rows (plain JSON, so SQLite browsers read them)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reconciler import records


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def page_json(page: records.Page) -> str:
    return dumps(asdict(page))


def page_from(raw: str) -> records.Page:
    fields = json.loads(raw)
    return records.Page(
        **{
            **fields,
            "regions": tuple(
                records.Region(records.RegionKind(region["kind"]), region["start"], region["end"])
                for region in fields["regions"]
            ),
            "path": Path(fields["path"]) if fields["path"] else None,
            "raw_lines": tuple(fields["raw_lines"]),
            "crawl_dates": tuple(
                records.PageDate(
                    item["value"],
                    records.PageDateOrigin(item["origin"]),
                    item["confidence"],
                    item["evidence"],
                )
                for item in fields.get("crawl_dates", ())
            ),
        }
    )


# The typed claim values, by the name stored beside their fields.
_VALUE_TYPES: dict[str, type[records.ClaimValue]] = {
    kind.__name__: kind
    for kind in (
        records.DateValue,
        records.NumberValue,
        records.QuoteValue,
        records.PersonValue,
        records.PlaceValue,
        records.OrgValue,
    )
}


def claim_fields(claim: records.Claim) -> dict[str, Any]:
    value = {"type": type(claim.value).__name__, "fields": asdict(claim.value)}
    return {**asdict(claim), "value": value}


def claim_from(fields: dict[str, Any]) -> records.Claim:
    """A stored claim; ValueError when the row is of another format (a store written before
    claims had typed values)."""
    stored = fields.get("value")
    if (
        "details" in fields
        or not isinstance(stored, dict)
        or stored.get("type") not in _VALUE_TYPES
    ):
        raise ValueError(f"claim of page {fields.get('page_id')}: stored in an older format")
    return records.Claim(
        **{
            **fields,
            "kind": records.ClaimKind(fields["kind"]),
            "region": records.RegionKind(fields["region"]),
            "value": _value_from(stored),
        }
    )


def _value_from(stored: dict[str, Any]) -> records.ClaimValue:
    """JSON has lists where the values have tuples, and plain strings for their enums."""
    fields = dict(stored["fields"])
    if stored["type"] == records.QuoteValue.__name__:
        fields["numbers"] = tuple(records.QuotedNumber(**number) for number in fields["numbers"])
    if stored["type"] == records.DateValue.__name__:
        fields["precision"] = records.DatePrecision(fields["precision"])
        fields["candidates"] = tuple(fields["candidates"])
        for name in ("native", "shift"):
            fields[name] = None if fields[name] is None else tuple(fields[name])
    return _VALUE_TYPES[stored["type"]](**fields)


def event_json(event: records.Event) -> str:
    return dumps(asdict(event))


def event_from(raw: str) -> records.Event:
    fields = json.loads(raw)
    return records.Event(
        **{
            **fields,
            "page_ids": tuple(fields["page_ids"]),
            "participants": tuple(fields["participants"]),
        }
    )


def conflict_json(conflict: records.Conflict) -> str:
    return dumps({**asdict(conflict), "claims": [claim_fields(c) for c in conflict.claims]})


def conflict_from(raw: str) -> records.Conflict:
    fields = json.loads(raw)
    return records.Conflict(
        **{
            **fields,
            "kind": records.ConflictKind(fields["kind"]),
            "page_ids": tuple(fields["page_ids"]),
            "claims": tuple(claim_from(claim) for claim in fields["claims"]),
        }
    )

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
        }
    )


def claim_fields(claim: records.Claim) -> dict[str, Any]:
    return {**asdict(claim), "details": dict(claim.details)}


def claim_from(fields: dict[str, Any]) -> records.Claim:
    return records.Claim(
        **{
            **fields,
            "kind": records.ClaimKind(fields["kind"]),
            "region": records.RegionKind(fields["region"]),
        }
    )


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

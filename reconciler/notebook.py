"""The result of ``reconcile(...)`` as notebooks like it: DataFrames, a short repr, and the
HTML report's conflict view as its rich display.

pandas is optional (``pip install 'reconciler[notebook]'``); only the ``*_df`` methods need it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, fields
from functools import cached_property
from typing import TYPE_CHECKING, Any

from reconciler.records import Result
from reconciler.report import document as report_document
from reconciler.report import html

if TYPE_CHECKING:
    import pandas

# How much of a result its repr and rich display show before "… and N more".
PREVIEW_ITEMS = 5


@dataclass(frozen=True, repr=False)
class Reconciliation(Result):
    """A ``Result`` (same records, same fields) with views for interactive work."""

    @classmethod
    def of(cls, result: Result) -> Reconciliation:
        return cls(**{field.name: getattr(result, field.name) for field in fields(Result)})

    @cached_property
    def document(self) -> dict[str, Any]:
        """The JSON report document, as ``reconciler report --format json`` writes it."""
        return report_document.build(self)

    def events_df(self) -> pandas.DataFrame:
        """One row an event: id, date, place, participants, pages, page count, conflicts."""
        conflicts_by_event: dict[str | None, int] = {}
        for conflict in self.conflicts:
            conflicts_by_event[conflict.event_id] = conflicts_by_event.get(conflict.event_id, 0) + 1
        rows = [
            {
                "id": event.id,
                "date": event.date,
                "place": event.place,
                "participants": list(event.participants),
                "pages": list(event.page_ids),
                "page_count": len(event.page_ids),
                "conflicts": conflicts_by_event.get(event.id, 0),
            }
            for event in self.events
        ]
        return _pandas().DataFrame(rows, columns=_EVENT_COLUMNS)

    def claims_df(self) -> pandas.DataFrame:
        """One row a claim, with its page's language and the line it is on."""
        pages = {page.id: page for page in self.pages}
        rows = [
            {
                "page": claim.page_id,
                "lang": pages[claim.page_id].lang if claim.page_id in pages else None,
                "kind": str(claim.kind),
                "slot": claim.slot,
                "text": claim.text,
                "value": claim.normalized,
                "calendar": claim.details.get("calendar"),
                "start": claim.start,
                "end": claim.end,
                "line": pages[claim.page_id].line_of(claim.start)
                if claim.page_id in pages
                else None,
                "region": str(claim.region),
                "confidence": claim.confidence,
                "anchor": claim.anchor,
                "details": dict(claim.details),
            }
            for claim in self.claims
        ]
        return _pandas().DataFrame(rows, columns=_CLAIM_COLUMNS)

    def conflicts_df(self) -> pandas.DataFrame:
        """One row a conflict; ``values`` maps each page to the value(s) it gives."""
        rows = []
        for conflict in self.document["conflicts"]:
            values: dict[str, list[str]] = {}
            for claim in conflict["claims"]:
                values.setdefault(claim["page"], []).append(claim["value"])
            rows.append(
                {
                    "kind": conflict["kind"],
                    "event": conflict["event"],
                    "pages": conflict["pages"],
                    "confidence": conflict["confidence"],
                    "explanation": conflict["explanation"],
                    "values": values,
                }
            )
        return _pandas().DataFrame(rows, columns=_CONFLICT_COLUMNS)

    def __repr__(self) -> str:
        lines = [
            f"<Reconciliation: {len(self.pages)} pages, {len(self.events)} events, "
            f"{len(self.conflicts)} conflicts, {len(self.errors)} unreadable>"
        ]
        for event in self.events[:PREVIEW_ITEMS]:
            facts = " · ".join(part for part in (event.date, event.place) if part) or "undated"
            lines.append(f"  {event.id}  {facts}  ({len(event.page_ids)} pages)")
        lines.extend(_more(len(self.events), "events"))
        for conflict in self.conflicts[:PREVIEW_ITEMS]:
            reason = textwrap.shorten(conflict.explanation, 80, placeholder="…")
            lines.append(
                f"  ✗ {conflict.kind} {', '.join(conflict.page_ids)} "
                f"({conflict.confidence:.2f}): {reason}"
            )
        lines.extend(_more(len(self.conflicts), "conflicts"))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return html.conflicts_fragment(self.document, limit=PREVIEW_ITEMS)


_EVENT_COLUMNS = ["id", "date", "place", "participants", "pages", "page_count", "conflicts"]
_CLAIM_COLUMNS = [
    "page", "lang", "kind", "slot", "text", "value", "calendar", "start", "end", "line",
    "region", "confidence", "anchor", "details",
]  # fmt: skip
_CONFLICT_COLUMNS = ["kind", "event", "pages", "confidence", "explanation", "values"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError("DataFrames need pandas: pip install 'reconciler[notebook]'") from error
    return pandas


def _more(total: int, noun: str) -> list[str]:
    return [f"  … and {total - PREVIEW_ITEMS} more {noun}"] if total > PREVIEW_ITEMS else []

"""The result of ``reconcile(...)`` as notebooks like it: DataFrames, a short repr, and the
HTML report's conflict view as its rich display.

The tables are views of the JSON report document (``report.document``): pages, events (typed
dates with their precision), conflicts (by stable id) and evidence (one row a side of a
conflict, keyed by the conflict id), plus the raw claims. ``export`` writes them as CSV or
Parquet and ``read_export`` reads them back equal: list columns go to CSV as JSON arrays, a
missing value as an empty cell (so text columns hold None, never "").

pandas is optional (``pip install 'news-reconciler[notebook]'``); only the DataFrame methods
need it, and Parquet needs pyarrow (in the same extra).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from reconciler.records import Result
from reconciler.report import document as report_document
from reconciler.report import html

if TYPE_CHECKING:
    import pandas

# How much of a result its repr and rich display show before "… and N more".
PREVIEW_ITEMS = 5

# The type of each exported column, what CSV needs to read a table back as it was.
Column = Literal["text", "int", "nullable_int", "float", "list", "timestamp_utc", "date"]
PAGE_COLUMNS: dict[str, Column] = {
    "id": "text", "lang": "text", "source": "text", "url": "text", "path": "text",
    "link": "text", "fetched_at": "timestamp_utc", "headline": "text", "event": "text",
}  # fmt: skip
EVENT_COLUMNS: dict[str, Column] = {
    "id": "text", "date": "date", "date_text": "text", "date_precision": "text",
    "date_confidence": "float", "place": "text", "place_confidence": "float",
    "participants": "list", "pages": "list", "page_count": "int", "conflicts": "int",
}  # fmt: skip
CONFLICT_COLUMNS: dict[str, Column] = {
    "id": "text", "kind": "text", "event": "text", "slot": "text", "values": "list",
    "pages": "list", "confidence": "float", "explanation": "text",
}  # fmt: skip
EVIDENCE_COLUMNS: dict[str, Column] = {
    "conflict": "text", "kind": "text", "page": "text", "lang": "text", "source": "text",
    "link": "text", "line": "nullable_int", "region": "text", "slot": "text", "text": "text",
    "says": "text", "value": "text", "calendar": "text", "claim_confidence": "float",
    "before": "text", "after": "text",
}  # fmt: skip
TABLES: dict[str, dict[str, Column]] = {
    "pages": PAGE_COLUMNS,
    "events": EVENT_COLUMNS,
    "conflicts": CONFLICT_COLUMNS,
    "evidence": EVIDENCE_COLUMNS,
}
ExportFormat = Literal["csv", "parquet"]


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

    def pages_df(self) -> pandas.DataFrame:
        """One row a page: language, source, URL, file, link, fetch time, headline, event."""
        event_of = {
            page: event["id"] for event in self.document["events"] for page in event["pages"]
        }
        rows = [
            {column: page.get(column) for column in PAGE_COLUMNS}
            | {"event": event_of.get(page["id"])}
            for page in self.document["pages"]
        ]
        return _frame(rows, PAGE_COLUMNS)

    def events_df(self) -> pandas.DataFrame:
        """One row an event. ``date`` is a timestamp (its first day for a month or a year; NaT
        for a date without a year), ``date_precision`` says how much of it the pages gave and
        ``date_text`` keeps the ISO value; the confidences are those of the headline facts
        (see ``report.document``)."""
        conflicts_by_event: dict[str | None, int] = {}
        for conflict in self.document["conflicts"]:
            conflicts_by_event[conflict["event"]] = conflicts_by_event.get(conflict["event"], 0) + 1
        rows = []
        for event in self.document["events"]:
            facts = event["facts"]
            rows.append(
                {
                    "id": event["id"],
                    "date": event["date"],
                    "date_text": event["date"],
                    "date_precision": event["date_precision"],
                    "date_confidence": _confidence(facts["date"]),
                    "place": event["place"],
                    "place_confidence": _confidence(facts["place"]),
                    "participants": list(event["participants"]),
                    "pages": list(event["pages"]),
                    "page_count": len(event["pages"]),
                    "conflicts": conflicts_by_event.get(event["id"], 0),
                }
            )
        return _frame(rows, EVENT_COLUMNS)

    def conflicts_df(self) -> pandas.DataFrame:
        """One row a conflict, by its stable id; ``values`` are the distinct things the sides
        say. The evidence of each side is in ``evidence_df()``, keyed by the same id."""
        rows = [
            {column: conflict[column] for column in CONFLICT_COLUMNS}
            for conflict in self.document["conflicts"]
        ]
        return _frame(rows, CONFLICT_COLUMNS)

    def evidence_df(self) -> pandas.DataFrame:
        """One row a side of a conflict: the page (language, source, link, line), the span,
        what the page says, the compared value, and the text either side of the span."""
        pages = {page["id"]: page for page in self.document["pages"]}
        rows = []
        for conflict in self.document["conflicts"]:
            for claim in conflict["claims"]:
                page = pages.get(claim["page"], {})
                rows.append(
                    {
                        "conflict": conflict["id"],
                        "kind": conflict["kind"],
                        "page": claim["page"],
                        "lang": page.get("lang"),
                        "source": page.get("source"),
                        "link": page.get("link"),
                        "line": claim["line"],
                        "region": claim["region"],
                        "slot": claim["slot"],
                        "text": claim["text"],
                        "says": claim["says"],
                        "value": claim["value"],
                        "calendar": claim["details"].get("calendar"),
                        "claim_confidence": claim["confidence"],
                        "before": claim["context"]["before"],
                        "after": claim["context"]["after"],
                    }
                )
        return _frame(rows, EVIDENCE_COLUMNS)

    def claims_df(self, *, all_claims: bool = False) -> pandas.DataFrame:
        """One row a claim, with its page's language and the line it is on. By default only
        the claims extraction tied to a slot (what the claim is about: ``event_date``,
        ``participant``, ...), the ones reconcile compares; ``all_claims=True`` adds every
        mention found (dates in sidebars, names in passing)."""
        pages = {page.id: page for page in self.pages}
        rows = [
            {
                "page": claim.page_id,
                "lang": pages[claim.page_id].lang if claim.page_id in pages else None,
                "kind": str(claim.kind),
                "slot": claim.slot or None,
                "text": claim.text,
                "value": claim.normalized,
                "start": claim.start,
                "end": claim.end,
                "line": pages[claim.page_id].line_of(claim.start)
                if claim.page_id in pages
                else None,
                "region": str(claim.region),
                "confidence": claim.confidence,
                "anchor": claim.anchor,
            }
            for claim in self.claims
            if all_claims or claim.slot
        ]
        return _pandas().DataFrame(rows, columns=_CLAIM_COLUMNS)

    def export(self, folder: str | Path, format: ExportFormat = "csv") -> dict[str, Path]:
        """Write pages, events, conflicts and evidence to ``folder`` (created if needed) as
        ``NAME.csv`` or ``NAME.parquet``; ``read_export(folder)`` reads them back equal.
        Returns the path of each table."""
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        tables = {
            "pages": self.pages_df(),
            "events": self.events_df(),
            "conflicts": self.conflicts_df(),
            "evidence": self.evidence_df(),
        }
        written = {}
        for name, frame in tables.items():
            path = target / f"{name}.{format}"
            if format == "parquet":
                frame.to_parquet(path, index=False)
            else:
                _to_csv(frame, TABLES[name]).to_csv(path, index=False)
            written[name] = path
        return written

    def __repr__(self) -> str:
        lines = [
            f"<Reconciliation: {len(self.pages)} pages, {len(self.events)} events, "
            f"{len(self.conflicts)} conflicts, {len(self.errors)} unreadable>"
        ]
        for event in self.events[:PREVIEW_ITEMS]:
            facts = " · ".join(part for part in (event.date, event.place) if part) or "undated"
            lines.append(f"  {event.id}  {facts}  ({len(event.page_ids)} pages)")
        lines.extend(_more(len(self.events), "events"))
        for conflict in self.document["conflicts"][:PREVIEW_ITEMS]:
            reason = textwrap.shorten(conflict["explanation"], 80, placeholder="…")
            lines.append(
                f"  ✗ {conflict['id']} {', '.join(conflict['pages'])} "
                f"({conflict['confidence']:.2f}): {reason}"
            )
        lines.extend(_more(len(self.conflicts), "conflicts"))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return html.conflicts_fragment(self.document, limit=PREVIEW_ITEMS)


_CLAIM_COLUMNS = [
    "page", "lang", "kind", "slot", "text", "value", "start", "end", "line", "region",
    "confidence", "anchor",
]  # fmt: skip


def read_export(folder: str | Path, format: ExportFormat = "csv") -> dict[str, pandas.DataFrame]:
    """The tables ``Reconciliation.export`` wrote, typed as the DataFrame methods give them."""
    pandas = _pandas()
    tables = {}
    for name, columns in TABLES.items():
        path = Path(folder) / f"{name}.{format}"
        if format == "parquet":
            frame = pandas.read_parquet(path)
        else:
            frame = pandas.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
            for column, kind in columns.items():
                if kind == "list":
                    frame[column] = [json.loads(cell) for cell in frame[column]]
        tables[name] = _typed(frame, columns)
    return tables


def _confidence(fact: Mapping[str, Any] | None) -> float | None:
    return fact["confidence"] if fact else None


def _frame(rows: Sequence[Mapping[str, Any]], columns: dict[str, Column]) -> pandas.DataFrame:
    return _typed(_pandas().DataFrame(list(rows), columns=list(columns)), columns)


def _typed(frame: pandas.DataFrame, columns: dict[str, Column]) -> pandas.DataFrame:
    """Each column as its type says; the same whether built here or read back from a file."""
    pandas = _pandas()
    for column, kind in columns.items():
        values = frame[column]
        if kind == "text":
            frame[column] = pandas.Series(
                [None if _missing(value) or value == "" else str(value) for value in values],
                dtype=object,
                index=frame.index,
            )
        elif kind == "int":
            frame[column] = values.astype("int64")
        elif kind == "nullable_int":
            frame[column] = pandas.array(
                [None if _missing(value) else int(value) for value in values], dtype="Int64"
            )
        elif kind == "float":
            frame[column] = pandas.to_numeric(values).astype("float64")
        elif kind == "list":
            frame[column] = pandas.Series(
                [list(value) for value in values], dtype=object, index=frame.index
            )
        elif kind == "timestamp_utc":
            frame[column] = pandas.to_datetime(values, utc=True, errors="coerce").astype(
                "datetime64[ns, UTC]"
            )
        else:  # "date": an ISO date of any precision, at its first day; NaT without a year
            frame[column] = pandas.to_datetime(
                [_first_day(value) for value in values], errors="coerce"
            ).astype("datetime64[ns]")
    return frame


def _first_day(value: Any) -> str | None:
    if _missing(value) or str(value).startswith("--"):
        return None
    text = str(value)[:10]
    return {4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # NaN ≠ NaN


def _to_csv(frame: pandas.DataFrame, columns: dict[str, Column]) -> pandas.DataFrame:
    """A copy with list columns as JSON arrays and dates as ISO text, CSV's only types."""
    flat = frame.copy()
    for column, kind in columns.items():
        if kind == "list":
            flat[column] = [json.dumps(value, ensure_ascii=False) for value in flat[column]]
        elif kind == "timestamp_utc":
            flat[column] = [
                None if value is _pandas().NaT else value.isoformat() for value in flat[column]
            ]
        elif kind == "date":
            flat[column] = flat[column].dt.strftime("%Y-%m-%d")
    return flat


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "DataFrames need pandas: pip install 'news-reconciler[notebook]'"
        ) from error
    return pandas


def _more(total: int, noun: str) -> list[str]:
    return [f"  … and {total - PREVIEW_ITEMS} more {noun}"] if total > PREVIEW_ITEMS else []

"""Runs tests/dates/date_table.tsv through reconciler.claims.dates and through
dateparser.search.search_dates alone; ``python tests/dates/date_table_eval.py`` prints both."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dateparser.search import search_dates

from reconciler.claims.dates import extract
from reconciler.records import Page, Region, RegionKind

TABLE = Path(__file__).with_name("date_table.tsv")


@dataclass(frozen=True)
class Row:
    lang: str
    text: str
    anchor: str
    expected: str


def rows() -> list[Row]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [Row(*line.split("\t")) for line in lines if line and not line.startswith("#")]


def ours(row: Row) -> str:
    page = Page(
        id="row",
        text=row.text,
        regions=(Region(RegionKind.BODY, 0, len(row.text)),),
        lang=row.lang,
        fetched_at=row.anchor,
    )
    return next((claim.normalized for claim in extract(page) if claim.normalized), "")


def dateparser_only(row: Row) -> str:
    settings = {"RELATIVE_BASE": datetime.fromisoformat(row.anchor), "PREFER_DATES_FROM": "past"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = search_dates(row.text, languages=[row.lang], settings=settings)
        except Exception:  # dateparser raises on some inputs; count it as no date
            found = None
    if not found:
        return ""
    return found[0][1].date().isoformat()[: len(row.expected) or None]


def accuracy(reader: Callable[[Row], str]) -> tuple[float, list[tuple[Row, str]]]:
    misses = [(row, got) for row in rows() if (got := reader(row)) != row.expected]
    return 1 - len(misses) / len(rows()), misses


if __name__ == "__main__":
    mine, my_misses = accuracy(ours)
    theirs, _ = accuracy(dateparser_only)
    print(f"{len(rows())} expressions: reconciler {mine:.1%}  dateparser.search_dates {theirs:.1%}")
    for row, got in my_misses:
        print(f"  miss {row.lang} {row.text!r} expected {row.expected!r} got {got!r}")

"""Dates claims (placeholder until its package is written)."""

from __future__ import annotations

from reconciler.records import Claim, Page


def extract(page: Page) -> list[Claim]:
    return []

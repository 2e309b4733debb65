"""Entities claims (placeholder until its package is written)."""

from __future__ import annotations

from collections.abc import Sequence

from reconciler.records import Claim, Page


def extract(page: Page) -> list[Claim]:
    return []


def resolve(claims: Sequence[Claim]) -> list[Claim]:
    return list(claims)

"""A failing extractor names the page and the stage; it never turns into silence."""

from __future__ import annotations

import pytest

from reconciler import claims
from reconciler.claims import StageError, extract_claims
from reconciler.records import Claim, Page, Region, RegionKind


def _broken(page: Page) -> list[Claim]:
    raise ValueError("unexpected markup")


_broken.__module__ = "reconciler.claims.entities"


def test_a_stage_failure_names_page_and_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Ministers met in Rome on Monday."
    page = Page("page-7", text, (Region(RegionKind.BODY, 0, len(text)),), lang="en")
    monkeypatch.setattr(claims, "EXTRACTORS", (*claims.EXTRACTORS, _broken))
    with pytest.raises(StageError, match=r"page page-7: entities stage failed: ValueError"):
        extract_claims(page)


def test_odd_pages_extract_without_error() -> None:
    for text in ("", "   ", "«»“”", "\u200d\u200c", "1/2/3 4:5", "..."):
        page = Page("odd", text, (Region(RegionKind.BODY, 0, len(text)),), lang="und")
        assert isinstance(extract_claims(page), list)

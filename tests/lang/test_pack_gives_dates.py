"""A language pack folder alone gives its language dates: month names, weekdays, relative
words and counted distances all come from ``<code>/generated.json``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from reconciler import lang
from reconciler.claims.dates import extract, lexicon, locales
from reconciler.records import Page, Region, RegionKind

TURKISH = [
    ("Anlaşma 15 Mart 2024 tarihinde imzalandı.", "2024-03-15"),  # a month name
    ("Geçen ay enflasyon yükseldi.", "2025-06"),  # a relative month
    ("Kaza 5 gün önce meydana geldi.", "2025-07-12"),  # a counted distance
    ("Pazartesi günü cumhurbaşkanı konuştu.", "2025-07-14"),  # a weekday
]


# Everything the dates stage caches from the packs (nothing else is read on its way).
_CACHED = (
    lang.codes,
    lang.pack,
    locales.locale_words,
    lexicon._base,
    lexicon.lexicon,
    lexicon.patterns,
)


def _clear_caches() -> None:
    for cached in _CACHED:
        cached.cache_clear()


@pytest.fixture
def packs_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The packs are read from ``tmp_path`` (empty at first) instead of the package."""
    monkeypatch.setattr(lang, "_root", lambda: tmp_path)
    _clear_caches()
    yield tmp_path
    monkeypatch.undo()
    _clear_caches()


def _first_date(text: str) -> str:
    page = Page("p", text, (Region(RegionKind.BODY, 0, len(text)),), lang="tr",
                fetched_at="2025-07-17")  # fmt: skip
    return next((claim.normalized for claim in extract(page) if claim.normalized), "")


def test_a_language_gets_dates_from_its_pack_folder_alone(packs_in: Path) -> None:
    # Without the folder only what every language writes alike is read: the year.
    assert [_first_date(text) for text, _ in TURKISH] == ["2024", "", "", ""]
    folder = packs_in / "tr"
    folder.mkdir()
    shutil.copy(Path(str(files("reconciler.lang") / "tr" / lang.GENERATED)), folder)
    _clear_caches()
    assert [_first_date(text) for text, _ in TURKISH] == [day for _, day in TURKISH]

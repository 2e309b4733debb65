"""Turkish, added as a folder of data (reconciler/lang/tr/): a Turkish page written for this
test gets its language, dates, numbers, people and quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconciler import ingest
from reconciler.claims import extract_claims
from reconciler.records import Claim, ClaimKind

PAGE = Path(__file__).parent / "pages" / "tr-deprem.txt"


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    (page,) = ingest.load([PAGE]).pages
    assert page.lang == "tr"
    return extract_claims(page)


def _of(claims: list[Claim], kind: ClaimKind) -> list[Claim]:
    return [claim for claim in claims if claim.kind == kind]


def test_page_date(claims: list[Claim]) -> None:
    assert "2024-03-14" in {claim.normalized for claim in _of(claims, ClaimKind.DATE)}


def test_numbers_with_what_they_count(claims: list[Claim]) -> None:
    counted = {(c.number.quantity, c.normalized) for c in _of(claims, ClaimKind.NUMBER)}
    assert {("deaths", "12"), ("injured", "140"), ("magnitude", "6.1")} <= counted
    deaths = next(c for c in _of(claims, ClaimKind.NUMBER) if c.number.quantity == "deaths")
    assert deaths.number.bound == "at_least"  # "en az 12 kişi"


def test_people_with_their_titles(claims: list[Claim]) -> None:
    people = {c.normalized: c.person.role for c in _of(claims, ClaimKind.PERSON)}
    assert people["Kemal Aydın"] == "İçişleri Bakanı"
    assert people["Selin Karaca"] == "Vali"


def test_quotes_with_speakers_and_negation(claims: list[Claim]) -> None:
    quotes = _of(claims, ClaimKind.QUOTE)
    speakers = {c.quote.speaker_surface: c.quote.negated for c in quotes}
    assert speakers["Aydın"] is False
    assert next(negated for name, negated in speakers.items() if "Karaca" in name) is True

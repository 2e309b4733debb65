"""Corpus-wide resolution: one canonical Latin name per person, whatever the script."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reconciler.claims.entities import extract, resolve, same_entity
from reconciler.ingest import load
from reconciler.names.scripts import script_of
from reconciler.records import (
    Claim,
    ClaimKind,
    DatePrecision,
    DateValue,
    Page,
    PersonValue,
    QuoteValue,
    Region,
    RegionKind,
)


def _page(page_id: str, lang: str, text: str) -> Page:
    return Page(id=page_id, text=text, lang=lang, regions=(Region(RegionKind.BODY, 0, len(text)),))


PAGES = [
    _page(
        "bn",
        "bn",
        "চিনের প্রেসিডেন্ট শি জিনপিংকে রাশিয়ায় আসার আমন্ত্রণ জানালেন রুশ প্রেসিডেন্ট ভ্লাদিমির "
        "পুতিন। পুতিন বলেন, সহযোগিতা বাড়বে।",
    ),
    _page(
        "en",
        "en",
        "Russian President Vladimir Putin on Friday invited Chinese President Xi Jinping to "
        "Moscow. Xi told Putin that Beijing was ready to work with Moscow.",
    ),
    _page(
        "ru",
        "ru",
        "Председатель КНР Си Цзиньпин провёл переговоры с президентом России Владимиром Путиным.",
    ),
    _page(
        "zh", "zh", "国家主席习近平同俄罗斯总统普京举行视频会晤。习近平表示，中方愿同俄方加强合作。"
    ),
]


def _people(claims: list[Claim]) -> dict[str, set[str]]:
    """page id → canonical names of its people."""
    found: dict[str, set[str]] = {}
    for claim in claims:
        if claim.kind == ClaimKind.PERSON:
            found.setdefault(claim.page_id, set()).add(claim.normalized)
    return found


def test_one_name_per_person_across_scripts() -> None:
    claims = resolve([claim for page in PAGES for claim in extract(page)])
    people = _people(claims)
    xi = {name for names in people.values() for name in names if same_entity(name, "Xi Jinping")}
    assert xi == {"Xi Jinping"}
    putin = {name for page in ("bn", "en", "ru") for name in people[page] if name != "Xi Jinping"}
    assert putin == {"Vladimir Putin"}


def test_resolve_keeps_every_claim_and_leaves_others_alone() -> None:
    day = DateValue(DatePrecision.DAY, "gregorian", 0, group=0)
    other = Claim(ClaimKind.DATE, "en", 0, 3, "Rus", RegionKind.BODY, "2025-07-15", 0.9, value=day)
    claims = [other, *extract(PAGES[1])]
    resolved = resolve(claims)
    assert len(resolved) == len(claims)
    assert resolved[0] == other


def test_quote_speaker_gets_the_canonical_name() -> None:
    entities = [claim for page in PAGES for claim in extract(page)]
    quote = Claim(
        ClaimKind.QUOTE,
        "bn",
        0,
        5,
        PAGES[0].text[:5],
        RegionKind.BODY,
        "...",
        0.8,
        value=QuoteValue("পুতিন", direct=True, style="“”", negated=False, numbers=()),
    )
    resolved = resolve([*entities, quote])
    assert resolved[-1].quote.speaker == "Vladimir Putin"
    assert resolved[-1].quote.speaker_surface == "পুতিন"


def test_two_people_of_one_page_never_merge() -> None:
    page = _page(
        "two",
        "en",
        "Chinese Foreign Minister Wang Yi met spokesman Wang Wenbin. Wang Yi said talks went well.",
    )
    names = {claim.normalized for claim in resolve(extract(page)) if claim.kind == ClaimKind.PERSON}
    assert {"Wang Yi", "Wang Wenbin"} <= names


def test_resolve_survives_person_claims_that_say_no_more_than_their_text() -> None:
    person = next(claim for claim in extract(PAGES[1]) if claim.kind == ClaimKind.PERSON)
    bare = replace(person, value=replace(person.person, surface="", entity="", full_name=""))
    (resolved,) = resolve([bare])
    assert resolved.normalized


EXONYM_PAGES = [
    _page(
        "x-en",
        "en",
        "US President Donald Trump met Japanese Prime Minister Shigeru Ishiba in Washington "
        "on Friday. Trump said trade talks went well.",
    ),
    _page(
        "x-zh",
        "zh",
        "美国总统特朗普星期五在华盛顿会见日本首相石破茂。特朗普表示，贸易谈判进展顺利。",
    ),
    _page(
        "x-ar",
        "ar",
        "التقى الرئيس الأمريكي دونالد ترامب رئيس الوزراء الياباني شيغيرو إيشيبا "
        "في واشنطن يوم الجمعة.",
    ),
]


def test_an_exonym_is_shown_as_the_corpus_spells_the_person() -> None:
    claims = resolve([claim for page in EXONYM_PAGES for claim in extract(page)])
    people = _people(claims)
    assert "Donald Trump" in people["x-zh"]  # 特朗普, read phonetically, joins the Latin form
    assert "Donald Trump" in people["x-ar"]
    assert not any(name.startswith("Te") for names in people.values() for name in names)


REAL_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "real-dev"


@pytest.mark.skipif(not REAL_DEV.exists(), reason="real-dev is not in this checkout")
def test_real_pages_show_people_in_latin_script() -> None:
    pages = load([REAL_DEV]).pages
    claims = resolve([claim for page in pages for claim in extract(page)])
    shown = {claim.normalized for claim in claims if claim.kind == ClaimKind.PERSON}
    assert shown
    not_latin = [name for name in shown if script_of(name) != "latin"]
    assert not not_latin, not_latin[:5]


def _person(page_id: str, name: str) -> Claim:
    value = PersonValue(
        surface=name,
        cue="title",
        role="",
        latin="",
        entity=f"{page_id}:{name}",
        full_name=name,
        status="present",
        substitute=False,
    )
    return Claim(
        ClaimKind.PERSON, page_id, 0, len(name), name, RegionKind.BODY, name, 0.9, value=value
    )


def test_a_korean_in_hanja_and_hangul_is_shown_by_the_korean_reading() -> None:
    claims = resolve([_person("ko", "김민수"), _person("zh", "金民洙"), _person("ko2", "金民洙")])
    assert {claim.normalized for claim in claims} == {"Kim Min-su"}
    # a Chinese name that Korean pages write by its Mandarin sound keeps its pinyin
    claims = resolve([_person("ko", "리창"), _person("zh", "李强")])
    assert "Li Qiang" in {claim.normalized for claim in claims}

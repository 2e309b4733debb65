"""Holdout generalisation: shared quantity concepts, Chinese counters, spaced thousands,
numbers inside dates, and generic "members" counts."""

from __future__ import annotations

import pytest

from reconciler.claims import numbers
from reconciler.claims.numbers import find_numbers
from reconciler.reconcile import event_contexts
from reconciler.reconcile.numbers import compare
from reconciler.records import Event, Page, Region, RegionKind


def quantities(text: str, lang: str) -> list[tuple[float, str]]:
    return [(m.value, m.quantity) for m in find_numbers(text, lang, page_year=2024)]


# The same kind of count gets one key in every language.
CONCEPTS = [
    ("ur", "شہباز شریف نے ۲۰۱ ووٹ حاصل کیے", 201, "votes"),
    ("en", "Shehbaz Sharif secured 201 votes in the house", 201, "votes"),
    ("bn", "শাহবাজ শরিফ ২১১ ভোট পেয়েছেন", 211, "votes"),
    ("hi", "उन्हें 201 वोट मिले", 201, "votes"),
    ("fa", "او ۲۰۱ رای به دست آورد", 201, "votes"),
    ("de", "Er erhielt 201 Stimmen im Parlament", 201, "votes"),
    ("ne", "विमानमा ६८ यात्री थिए", 68, "passengers"),
    ("zh", "机上共有68名乘客", 68, "passengers"),
    ("ru", "на борту находились 68 пассажиров", 68, "passengers"),
    ("ne", "विमानमा ७२ जना सवार थिए", 72, "on_board"),
    ("zh", "一架载有72人的客机坠毁", 72, "on_board"),
    ("en", "the plane with 72 people on board crashed", 72, "on_board"),
    ("hi", "पोखरा में 72 लोगों को ले जा रहा विमान क्रैश", 72, "on_board"),
    ("ne", "४ चालक दलका सदस्य", 4, "crew"),
    ("hi", "विमान में चालक दल के 4 सदस्य सवार थे", 4, "crew"),
    ("zh", "另有4名机组人员", 4, "crew"),
    ("fr", "quatre membres d'équipage", 4, "crew"),
    ("es", "más de 2.000 desplazados por el sismo", 2000, "displaced"),
    ("bn", "বন্যায় ৫০০ ঘর ধ্বংস হয়েছে", 500, "buildings"),
    ("ar", "تدمير ٣٠٠ منزل في القرية", 300, "buildings"),
    ("hi", "यात्रियों में 5 भारतीय नागरिक भी थे", 5, "nationals:IN"),
    ("ne", "जसमा ५ भारतीय, ४ रुसी थिए", 5, "nationals:IN"),
    ("zh", "其中包括4名印度公民", 4, "nationals:IN"),
    ("ne", "यात्रुमध्ये १५ जना विदेशी नागरिक थिए", 15, "foreigners"),
    ("fa", "شمار جان‌باختگان از ۵ هزار نفر گذشت", 5000, "deaths"),
    ("fa", "دست کم ۱۲۰ نفر زخمی شدند", 120, "injured"),
    ("ne", "१५३ जनाको ज्यान गएको छ", 153, "deaths"),
]


@pytest.mark.parametrize(("lang", "text", "value", "quantity"), CONCEPTS)
def test_common_counts_share_a_concept_key(
    lang: str, text: str, value: float, quantity: str
) -> None:
    assert (value, quantity) in quantities(text, lang)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4名印度公民和3名俄罗斯公民", [(4, "nationals:IN"), (3, "nationals:RU")]),
        ("3位部长出席了会议", [(3, "count:部长")]),
        ("火灾造成72人死亡", [(72, "deaths")]),
    ],
)
def test_chinese_counters(text: str, expected: list[tuple[float, str]]) -> None:
    assert quantities(text, "zh") == expected


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "Le bilan s'élève à 2 012 morts", 2012),
        ("fr", "le séisme a fait 2\u202f012 morts", 2012),
        ("fr", "2\u00a0059 blessés selon le ministère", 2059),
        ("es", "el sismo dejó 2 012 muertos", 2012),
        ("de", "mindestens 2.122 Tote", 2122),
        ("es", "más de 4.000 muertos", 4000),
    ],
)
def test_thousands_grouped_by_spaces_or_dots(lang: str, text: str, value: float) -> None:
    assert quantities(text, lang)[0][0] == value


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ur", "اتوار ۳ مارچ ۲۰۲۴ء، ۲۲ شعبان ۱۴۴۵ھ"),
        ("fa", "پنجشنبه ۲۶ مرداد ۱۴۰۲"),
        ("fa", "۱۷ اوت ۲۰۲۳"),
        ("ne", "शनिबार, कात्तिक १८, २०८० | 4 November 2023"),
        ("bn", "৮ ফেব্রুয়ারির নির্বাচনের পর"),
        ("hi", "सुबह 10 बजकर 57 मिनट पर हुआ"),
        ("fa", "سه‌شنبه"),
    ],
)
def test_numbers_inside_dates_are_not_counts(lang: str, text: str) -> None:
    assert quantities(text, lang) == []


def _page(page_id: str, text: str, lang: str) -> Page:
    return Page(page_id, text, (Region(RegionKind.BODY, 0, len(text)),), lang=lang)


def _conflicts(*pages: Page) -> list[str]:
    event = Event("event", tuple(p.id for p in pages))
    claims = [claim for p in pages for claim in numbers.extract(p)]
    return [c.explanation for c in compare(event_contexts([event], list(pages), claims)[0])]


def test_votes_conflict_across_languages() -> None:
    found = _conflicts(
        _page("a", "شہباز شریف ۲۰۱ ووٹ لے کر وزیراعظم منتخب", "ur"),
        _page("b", "Shehbaz Sharif was elected with 201 votes.", "en"),
        _page("c", "শাহবাজ শরিফ ২১১ ভোট পেয়ে প্রধানমন্ত্রী নির্বাচিত", "bn"),
    )
    assert len(found) == 1 and found[0].startswith("votes:")


def test_generic_members_are_not_compared() -> None:
    left = _page(
        "a",
        "विमानमा ६८ यात्री र ४ चालक दलका सदस्य गरी ७२ जना सवार थिए। पाँच सदस्यीय आयोग गठन।",
        "ne",
    )
    right = _page("b", "विमान में 68 यात्री और चालक दल के 4 सदस्य सवार थे।", "hi")
    assert _conflicts(left, right) == []
    assert (
        _conflicts(_page("c", "The 10-member bloc", "en"), _page("d", "১২ সদস্যের জোট", "bn")) == []
    )


def test_on_board_and_bodies_are_different_quantities() -> None:
    left = _page("a", "७२ जना सवार थिए। ६८ जनाको शव निकालिएको छ।", "ne")
    right = _page("b", "一架载有72人的客机坠毁，救援人员已找到68具遗体。", "zh")
    assert _conflicts(left, right) == []
    other = _page("c", "一架载有70人的客机坠毁。", "zh")
    assert [e.split(":")[0] for e in _conflicts(left, other)] == ["on_board"]

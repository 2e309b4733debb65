"""Numbers with what they count, their bounds and scope, in every language (table-driven)."""

from __future__ import annotations

import random

import pytest

from reconciler.claims.numbers import NumberMention, extract, find_numbers
from reconciler.records import Page, Region, RegionKind
from reconciler.text import ascii_digits


def first(text: str, lang: str) -> NumberMention:
    mentions = find_numbers(text, lang, page_year=2025)
    assert mentions, f"no number found in {text!r}"
    return mentions[0]


# (lang, text, value, quantity, bound, ordinal)
COUNTS = [
    (
        "en",
        "A fire at the hypermarket killed 61 people on Wednesday.",
        61,
        "deaths",
        "exact",
        False,
    ),
    (
        "en",
        "By morning the centre had recorded nearly 100 aftershocks.",
        100,
        "aftershocks",
        "below",
        False,
    ),
    ("en", "Rescuers saved more than 45 people trapped inside.", 45, "rescued", "above", False),
    ("en", "At least 50 people were killed in the blaze.", 50, "deaths", "at_least", False),
    (
        "en",
        "The quake was about 87 kilometers south of Sand Point.",
        87,
        "distance:km",
        "around",
        False,
    ),
    ("en", "Up to 300 people were evacuated from the coast.", 300, "rescued", "at_most", False),
    ("en", "The 10-member bloc met in Beijing.", 10, "members", "exact", False),
    ("en", "the two ministers held the 20th round of talks", 20, "round", "exact", True),
    ("en", "a powerful magnitude 7.3 earthquake struck", 7.3, "magnitude", "exact", False),
    ("en", "Twenty-one people were injured in the crash.", 21, "injured", "exact", False),
    ("en", "prices rose 5.2% in the second quarter", 5.2, "percent", "exact", False),
    ("en", "Bitcoin hits record high above $89,000", 89000, "money:USD", "above", False),
    ("bn", "ইরাকের শপিং মলে ভয়াবহ আগুন, নিহত ৫০", 50, "deaths", "exact", False),
    ("bn", "এখন পর্যন্ত ৯৭টি পরাঘাত রেকর্ড করা হয়েছে", 97, "aftershocks", "exact", False),
    ("bn", "আলাস্কায় ৭.৩ মাত্রার ভূমিকম্প", 7.3, "magnitude", "exact", False),
    ("bn", "কৌশলগত নিরাপত্তা সংলাপের ১৯তম দফা আলোচনা", 19, "round", "exact", True),
    ("bn", "স্যান্ড পয়েন্ট থেকে প্রায় ৮৭ কিলোমিটার দক্ষিণে", 87, "distance:km", "around", False),
    ("bn", "আগুনে অন্তত ৫০ জনের মৃত্যু হয়েছে", 50, "deaths", "at_least", False),
    ("bn", "হামলায় কমপক্ষে ২০ জন নিহত হয়েছেন", 20, "deaths", "at_least", False),
    ("bn", "দুর্ঘটনায় তিনজন আহত, পঁচিশ জন আহত হয়েছেন", 25, "injured", "exact", False),
    ("bn", "১০ সদস্যের এসসিও", 10, "members", "exact", False),
    ("bn", "২০২৩ সালে শতাধিক মানুষের মৃত্যু হয়েছিল", 100, "deaths", "above", False),
    ("hi", "इराक के कुत शहर में भीषण आग, 61 लोगों की मौत", 61, "deaths", "exact", False),
    ("hi", "अलास्का में 7.3 तीव्रता का भूकंप आया", 7.3, "magnitude", "exact", False),
    ("hi", "हादसे में कम से कम ५० लोग घायल हुए", 50, "injured", "at_least", False),
    ("hi", "लगभग 200 लोगों को बचाया गया", 200, "rescued", "around", False),
    ("hi", "45 से अधिक लोगों की मौत हो गई", 45, "deaths", "above", False),
    ("hi", "विश्व युद्ध में जीत की 80वीं वर्षगांठ", 80, "anniversary", "exact", True),
    ("hi", "इक्सठ नहीं, इकसठ लोगों की मौत", 61, "deaths", "exact", False),
    ("ne", "भूकम्पमा कम्तीमा २५ जनाको मृत्यु भएको छ", 25, "deaths", "at_least", False),
    ("ur", "آگ میں کم از کم ۵۰ افراد ہلاک ہو گئے", 50, "deaths", "at_least", False),
    ("ar", "قتل ما لا يقل عن ٦١ شخصا في الحريق", 61, "deaths", "at_least", False),
    ("ar", "زلزال بقوة 7.3 درجات", 7.3, "magnitude", "exact", False),
    ("ru", "провели в Пекине 19-й раунд консультаций", 19, "round", "exact", True),
    ("ru", "В результате пожара погибли около 60 человек", 60, "deaths", "around", False),
    ("ru", "пострадали не менее 12 человек", 12, "injured", "at_least", False),
    ("ru", "спасены более 45 человек", 45, "rescued", "above", False),
    ("ru", "землетрясение магнитудой 7,3", 7.3, "magnitude", "exact", False),
    ("ru", "посвящённые 80-летию Победы", 80, "anniversary", "exact", False),
    ("ru", "в ШОС входят десять членов", 10, "members", "exact", False),
    ("zh", "王毅同绍伊古共同主持第十九轮中俄战略安全磋商", 19, "round", "exact", True),
    ("zh", "今年是中俄建交75周年", 75, "anniversary", "exact", False),
    ("zh", "火灾造成约60人死亡", 60, "deaths", "around", False),
    ("zh", "至少50人死亡", 50, "deaths", "at_least", False),
    ("zh", "阿拉斯加发生7.3级地震", 7.3, "magnitude", "exact", False),
    (
        "es",
        "Un sismo de magnitud 7,2 sacude la península de Alaska",
        7.2,
        "magnitude",
        "exact",
        False,
    ),
    ("es", "El incendio dejó casi 100 muertos", 100, "deaths", "below", False),
    ("es", "al menos 50 muertos en el incendio", 50, "deaths", "at_least", False),
    ("es", "unas 150 hectáreas calcinadas", 150, "area:ha", "around", False),
    ("es", "veintiún heridos en el accidente", 21, "injured", "exact", False),
    ("fr", "l'incendie a fait près de 100 morts", 100, "deaths", "below", False),
    ("fr", "au moins 12 blessés", 12, "injured", "at_least", False),
    ("fr", "le 19e cycle de consultations", 19, "round", "exact", True),
    ("fr", "vingt et un morts selon le bilan", 21, "deaths", "exact", False),
    ("de", "mindestens 50 Tote bei dem Brand", 50, "deaths", "at_least", False),
    ("de", "ein Beben der Stärke 7,3 erschütterte Alaska", 7.3, "magnitude", "exact", False),
    ("de", "einundzwanzig Verletzte", 21, "injured", "exact", False),
]


@pytest.mark.parametrize(("lang", "text", "value", "quantity", "bound", "ordinal"), COUNTS)
def test_counts_with_their_noun_bounds_and_ordinality(
    lang: str, text: str, value: float, quantity: str, bound: str, ordinal: bool
) -> None:
    mention = [m for m in find_numbers(text, lang, page_year=2025) if m.quantity == quantity]
    assert mention, f"{quantity} not found in {find_numbers(text, lang, page_year=2025)}"
    assert (mention[0].value, mention[0].bound, mention[0].ordinal) == (value, bound, ordinal)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("০১২৩৪৫৬৭৮৯", "0123456789"),
        ("०१२३४५६७८९", "0123456789"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("৭.৩ মাত্রা", "7.3 মাত্রা"),
    ],
)
def test_native_digits_become_ascii_in_place(text: str, expected: str) -> None:
    assert ascii_digits(text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Updated July 17, 2025 at 7:10 a.m."),
        ("en", "BEIJING, Nov 12 — talks opened on 12/11/2024"),
        ("bn", "বৃহস্পতিবার, ১৭ জুলাই ২০২৫ | ২ শ্রাবণ ১৪৩২ বঙ্গাব্দ"),
        ("bn", "রাত ২টা ৩৭ মিনিটে"),
        ("hi", "गुरुवार, 17 जुलाई 2025, 03:55 PM"),
        ("ru", "12 ноября 2024, 18:47"),
        ("zh", "2025年7月15日 星期二"),
        ("es", "Miércoles, 16 de julio de 2025"),
        ("de", "am 16. Juli 2025 um 12:37 Uhr"),
        ("en", "Covid-19 patients and COP29 delegates"),
    ],
)
def test_dates_years_and_times_are_not_numeric_claims(lang: str, text: str) -> None:
    assert find_numbers(text, lang, page_year=2025) == []


@pytest.mark.parametrize(
    ("lang", "text", "scope"),
    [
        ("ru", "Предыдущий, 18-й раунд прошёл в России в сентябре прошлого года.", "previous"),
        ("en", "The previous 18th round was held in Moscow.", "previous"),
        ("es", "Alaska registró en 1964 el terremoto más potente, de magnitud 9,2.", "1964"),
        ("en", "In 2023, a fire at a wedding hall killed more than 100 people.", "2023"),
        ("bn", "২০২৩ সালে একটি বিয়ের অনুষ্ঠানে আগুনে শতাধিক মানুষের মৃত্যু হয়েছিল।", "2023"),
        ("en", "The quake of magnitude 7.3 struck in 2025.", ""),
    ],
)
def test_scope_marks_a_previous_occurrence(lang: str, text: str, scope: str) -> None:
    assert first(text, lang).scope == scope


def test_bounds_as_intervals() -> None:
    nearly, at_least = first("nearly 100 aftershocks", "en"), first("at least 50 dead", "en")
    assert (nearly.low, nearly.high) == (90.0, 100.0)
    assert (at_least.low, at_least.high) == (50.0, None)


@pytest.mark.parametrize(
    "text", ["", "   ", "\x00\x01", "第第第", "۰۰۰۰۰", "1,2,3,4,5,6", "$", "%%%"]
)
def test_odd_text_never_raises(text: str) -> None:
    for lang in ("en", "bn", "zh", "und", "xx"):
        find_numbers(text, lang)


def test_page_claims_read_only_readable_regions(dev_pages: dict[str, Page]) -> None:
    page = dev_pages["doc-016"]
    claims = extract(page)
    assert [c.normalized for c in claims if c.number.quantity == "deaths"] == ["61", "61"]
    assert all(page.region_at(c.start) != RegionKind.BOILERPLATE for c in claims)
    assert not any(c.number.quantity == "magnitude" for c in claims)  # a related headline
    assert all(c.text == page.text[c.start : c.end] for c in claims)


@pytest.mark.parametrize(
    ("page_id", "quantity", "values"),
    [
        ("doc-010", "round", [("19", ""), ("19", ""), ("18", "previous")]),
        ("doc-005", "magnitude", [("7.2", ""), ("7.2", ""), ("9.2", "1964")]),
        ("doc-026", "round", [("19", ""), ("19", "on:11-12")]),  # said of the event's day
        ("bn-seed-002", "round", [("19", "")]),
        ("doc-022", "aftershocks", [("97", "")]),
        ("doc-009", "deaths", [("50", ""), ("50", ""), ("50", ""), ("100", "2023")]),
    ],
)
def test_dev_pages(
    dev_pages: dict[str, Page], page_id: str, quantity: str, values: list[tuple[str, str]]
) -> None:
    claims = [c for c in extract(dev_pages[page_id]) if c.number.quantity == quantity]
    assert [(c.normalized, c.number.scope) for c in claims] == values


def test_unknown_language_falls_back_on_script() -> None:
    text = "ইরাকের শপিং মলে ভয়াবহ আগুন, নিহত ৫০"
    page = Page("p", text, (Region(RegionKind.BODY, 0, len(text)),), lang="und")
    assert [c.number.quantity for c in extract(page)] == ["deaths"]


NOISE = [
    "50",
    "৫০",
    "7,2",
    "19th",
    "第十九轮",
    "nearly",
    "at least",
    "প্রায়",
    "জনের",
    "মৃত্যু",
    "killed",
    "round",
    "magnitud",
    "1964",
    "previous",
    "$",
    "%",
    "—",
    ",",
    ".",
    "।",
    "\n",
]


def test_random_token_soup_never_raises() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(NOISE) for _ in range(rng.randint(0, 20)))
        for lang in ("en", "bn", "zh", "es", "und"):
            for mention in find_numbers(text, lang, page_year=2025):
                assert 0 <= mention.start < mention.end <= len(text)

"""Which body date dates the reported event (``page_event_date``): the lead's main event,
not the day it was announced, a dateline's filing date or a background date; and weekdays
beside a two-calendar header line checked against the day they name."""

from __future__ import annotations

import pytest

from reconciler.claims.dates import extract, page_event_date
from reconciler.reconcile.dates import check_page
from reconciler.records import Page, Region, RegionKind

_FILLER = " ".join(["The rescue effort continued through the night in the mountains."] * 4)


def _page(body: str, fetched_at: str, dateline: str = "") -> Page:
    text = dateline + body
    regions = [Region(RegionKind.BODY, len(dateline), len(text))]
    if dateline:
        regions.insert(0, Region(RegionKind.DATELINE, 0, len(dateline)))
    return Page(id="p", text=text, regions=tuple(regions), fetched_at=fetched_at)


@pytest.mark.parametrize(
    ("body", "fetched_at", "dateline", "text", "normalized"),
    [
        (  # the announcement day comes first, the event day later in the sentence
            "أعلنت وزارة الداخلية المغربية، مساء اليوم السبت، ارتفاع حصيلة ضحايا الزلزال "
            "العنيف الذي ضرب عدداً من أقاليم المملكة ليلة الجمعة إلى ٢٠١٢ قتيلاً.\n",
            "2023-09-09T19:55:00Z",
            "",
            "الجمعة",
            "2023-09-08",
        ),
        (  # an in-body dateline and "said on Saturday" around the event's "late on Friday"
            "MARRAKECH, Morocco, Sept 9 - A powerful earthquake struck the High Atlas late on "
            "Friday, killing at least 2,012 people, the interior ministry said on Saturday.\n",
            "2023-09-09T21:00:00Z",
            "",
            "Friday",
            "2023-09-08",
        ),
        (  # an attribution after the paragraph's opening, the event in the next sentence
            "Bei dem schweren Erdbeben sind mindestens 2.122 Menschen ums Leben gekommen. "
            "Mehr als 2.000 wurden verletzt, wie das Ministerium am Samstagabend mitteilte.\n"
            "Das Beben hatte das Land am späten Freitagabend um 23.11 Uhr erschüttert.\n",
            "2023-09-09T19:20:00Z",
            "",
            "Freitagabend",
            "2023-09-08",
        ),
        (  # the dateline line is the filing date
            "जाजरकोटको रामीडाँडा केन्द्रबिन्दु भएर शुक्रबार राति गएको भूकम्पमा परी मृत्यु "
            "हुनेको संख्या १५३ पुगेको छ।\n",
            "2023-11-04T06:30:00Z",
            "काठमाडौं, कात्तिक १८\n",
            "शुक्रबार",
            "2023-11-03",
        ),
        (  # a date said in the lead sentence is the event when nothing earlier is there
            "চীনের রাষ্ট্রপতি শি জিনপিং মঙ্গলবার রাশিয়ার পররাষ্ট্রমন্ত্রীকে বলেছেন যে দুই "
            "দেশের সম্পর্ক দৃঢ়।\nল্যাভরভ রবিবার বেইজিংয়ে পৌঁছান।\n",
            "2025-07-16T08:00:00Z",
            "",
            "মঙ্গলবার",
            "2025-07-15",
        ),
        (  # a dateline whose place is long: the rule is the clause, not a count of letters
            "SAN SALVADOR DE JUJUY, Jujuy Province, Argentina, Sept 9 - A strong earthquake "
            "shook the north of the country late on Friday, killing at least 12 people.\n",
            "2023-09-09T21:00:00Z",
            "",
            "Friday",
            "2023-09-08",
        ),
        (  # the reporting verb a long clause before the day it tells of
            "The disaster authority said in a statement released to reporters and aid workers "
            "in the evening, on Saturday, that the storm which struck on Thursday killed 40.\n",
            "2023-09-09T21:00:00Z",
            "",
            "Thursday",
            "2023-09-07",
        ),
        (  # a background date beside "earlier" gives way
            "Earlier, on Monday, the two ministers spoke by phone. The ministers met in Riyadh "
            "on Thursday to reopen embassies.\n",
            "2023-08-18T05:30:00Z",
            "",
            "Thursday",
            "2023-08-17",
        ),
    ],
)
def test_event_date_is_the_leads_event(
    body: str, fetched_at: str, dateline: str, text: str, normalized: str
) -> None:
    page = _page(body + _FILLER, fetched_at, dateline)
    claim = page_event_date(page, extract(page))
    assert claim is not None
    assert (claim.text, claim.normalized) == (text, normalized)


def test_two_days_in_the_lead_lower_confidence() -> None:
    plain = _page("A powerful earthquake struck late on Friday, killing 2,012.\n", "2023-09-09")
    told = _page(
        "MARRAKECH, Sept 9 - An earthquake struck late on Friday, killing at least 2,012 people "
        "and injuring 2,059, the ministry said on Saturday.\n",
        "2023-09-09",
    )
    first = page_event_date(plain, extract(plain))
    second = page_event_date(told, extract(told))
    assert first is not None and second is not None
    assert first.normalized == second.normalized == "2023-09-08"
    assert second.confidence < first.confidence


def test_header_after_the_crawl_is_not_the_anchor() -> None:
    header = "سه‌شنبه ۱۸ بهمن ۱۴۰۱ - ۱۷ فوریه ۲۰۲۳\n"
    body = "زمین‌لرزه‌ای به بزرگی ۷.۸ ریشتر بامداد دوشنبه جنوب ترکیه را لرزاند.\n"
    text = header + body
    page = Page(
        id="p",
        text=text,
        regions=(
            Region(RegionKind.HEADER, 0, len(header)),
            Region(RegionKind.BODY, len(header), len(text)),
        ),
        fetched_at="2023-02-07T06:40:00Z",
    )
    claim = page_event_date(page, extract(page))
    assert claim is not None
    assert (claim.text, claim.normalized) == ("دوشنبه", "2023-02-06")


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        # the weekday names the Gregorian day; the Bikram Sambat part is a month off
        ("आइतबार, १९ मंसिर २०८० | 5 November 2023", ["calendar_mismatch"]),
        # the weekday names the Solar Hijri day; the Gregorian part is ten days off
        ("سه‌شنبه ۱۸ بهمن ۱۴۰۱ - ۱۷ فوریه ۲۰۲۳", ["calendar_mismatch"]),
        ("پنجشنبه ۲۶ مرداد ۱۴۰۲ | ۱ صفر ۱۴۴۵ | ۱۷ اوت ۲۰۲۳", []),
        ("جمعه ۲۶ مرداد ۱۴۰۲ | ۱۷ اوت ۲۰۲۳", ["weekday_mismatch"]),
        ("शनिबार, १८ कात्तिक २०८० | 4 November 2023", []),
    ],
)
def test_weekday_checked_against_its_group(line: str, flagged: list[str]) -> None:
    page = Page(id="h", text=line, regions=(Region(RegionKind.HEADER, 0, len(line)),))
    assert [c.kind.value for c in check_page(page, extract(page))] == flagged

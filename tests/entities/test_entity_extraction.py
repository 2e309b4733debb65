"""Extraction of people and places, one table row per language, on real-looking news text."""

from __future__ import annotations

import pytest

from reconciler.claims.entities import extract, same_entity
from reconciler.claims.entities.lexicon import lexicon_for
from reconciler.records import ClaimKind, Page, Region, RegionKind


def _page(lang: str, headline: str, body: str) -> Page:
    text = f"{headline}\n\n{body}\n"
    return Page(
        id=f"snippet-{lang}",
        text=text,
        lang=lang,
        regions=(
            Region(RegionKind.HEADLINE, 0, len(headline)),
            Region(RegionKind.BODY, len(headline) + 2, len(text)),
        ),
    )


# lang, headline, body, people who take part, event place (any spelling), people only mentioned
CASES = [
    (
        "bn",
        "চীনা প্রেসিডেন্টের সঙ্গে রুশ পররাষ্ট্রমন্ত্রী সার্গেই লাভরভের বৈঠক",
        "মঙ্গলবার সকালে বেইজিংয়ের মহাগণভবনে চীনের প্রেসিডেন্ট সি চিন পিংয়ের সঙ্গে সাক্ষাৎ "
        "করেন রুশ পররাষ্ট্রমন্ত্রী সার্গেই লাভরভ। সাক্ষাতে লাভরভ বলেন, সম্পর্ক আগের চেয়ে "
        "উন্নত হয়েছে।",
        ["Sergei Lavrov", "Xi Jinping"],
        "Beijing",
        [],
    ),
    (
        "bn",
        "ইরাকের শপিং মলে ভয়াবহ আগুন, নিহত ৫০",
        "ইরাকের পূর্বাঞ্চলীয় কুত শহরে একটি শপিং মলে ভয়াবহ অগ্নিকাণ্ডে ৫০ জনের মৃত্যু হয়েছে। "
        "বুধবার রাতে আগুন লাগে। প্রধানমন্ত্রী মোহাম্মদ শিয়া আল-সুদানি তদন্তের নির্দেশ দিয়েছেন।",
        [],
        "Kut",
        ["Mohammed Shia al-Sudani"],
    ),
    (
        "hi",
        "शी जिनपिंग ने लावरोव से की मुलाकात",
        "चीन के राष्ट्रपति शी जिनपिंग ने बीजिंग के ग्रेट हॉल ऑफ द पीपल में रूस के विदेश मंत्री "
        "सर्गेई लावरोव से मुलाकात की। लावरोव ने कहा कि संबंध बेहतर हैं। इस बैठक में भारत के "
        "विदेश मंत्री एस. जयशंकर भी मौजूद नहीं थे।",
        ["Xi Jinping", "Sergei Lavrov"],
        "Beijing",
        [],
    ),
    (
        "ne",
        "प्रधानमन्त्री ओली र चिनियाँ परराष्ट्रमन्त्रीबीच भेट",
        "प्रधानमन्त्री केपी शर्मा ओलीले काठमाडौंमा चिनियाँ परराष्ट्रमन्त्री वाङ यीसँग भेट "
        "गर्नुभयो। भेटमा दुई देशबीचको सहयोगबारे छलफल भयो।",
        ["KP Sharma Oli", "Wang Yi"],
        "Kathmandu",
        [],
    ),
    (
        "ur",
        "شہباز شریف کی چینی وزیر خارجہ سے ملاقات",
        "وزیراعظم شہباز شریف نے اسلام آباد میں چینی وزیر خارجہ وانگ یی سے ملاقات کی۔ "
        "دونوں رہنماؤں نے دوطرفہ تعلقات پر بات چیت کی۔",
        ["Shehbaz Sharif", "Wang Yi"],
        "Islamabad",
        [],
    ),
    (
        "ar",
        "لافروف يلتقي وانغ يي في بكين",
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في بكين يوم الأحد. "
        "وقال لافروف إن العلاقات في أفضل حالاتها.",
        ["Sergei Lavrov", "Wang Yi"],
        "Beijing",
        [],
    ),
    (
        "en",
        "Lavrov, Wang Yi hold talks in Tianjin as SCO ministers gather",
        "TIANJIN, July 13 — Russian Foreign Minister Sergei Lavrov and Chinese Foreign Minister "
        "Wang Yi held talks on Sunday in the northern port city of Tianjin. Wang told his "
        "Russian counterpart that the relationship was stable. Lavrov, who flew in from North "
        "Korea after talks with leader Kim Jong Un, said Moscow valued Beijing's position.",
        ["Sergei Lavrov", "Wang Yi"],
        "Tianjin",
        ["Kim Jong Un"],
    ),
    (
        "ru",
        "Шойгу и Ван И провели в Пекине консультации",
        "ПЕКИН, 12 ноября. Секретарь Совета безопасности России Сергей Шойгу и руководитель "
        "канцелярии Комиссии ЦК КПК по иностранным делам Ван И провели во вторник в Пекине "
        "19-й раунд консультаций. В ходе визита Шойгу также провёл переговоры с секретарём "
        "Комиссии ЦК КПК по политическим и правовым вопросам Чэнь Вэньцином.",
        ["Sergei Shoigu", "Wang Yi"],
        "Beijing",
        ["Chen Wenqing"],
    ),
    (
        "zh",
        "王毅同俄罗斯外长拉夫罗夫举行会谈",
        "本网北京7月13日电 7月13日，中共中央政治局委员、外交部长王毅在北京钓鱼台国宾馆同俄罗斯"
        "外长拉夫罗夫举行会谈。王毅表示，中俄关系保持高水平发展。拉夫罗夫表示，俄中关系处于历史最好水平。",
        ["Wang Yi", "Sergei Lavrov"],
        "Beijing",
        [],
    ),
    (
        "es",
        "Lavrov se reúne con Wang Yi en Pekín",
        "El canciller ruso, Serguéi Lavrov, se reunió en Pekín con su homólogo chino, Wang Yi. "
        "Lavrov dijo que las relaciones viven su mejor momento.",
        ["Sergei Lavrov", "Wang Yi"],
        "Beijing",
        [],
    ),
    (
        "fr",
        "Sergueï Lavrov reçu à Pékin par Wang Yi",
        "Le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré à Pékin son "
        "homologue chinois Wang Yi dimanche. Lavrov a déclaré que les relations étaient "
        "excellentes.",
        ["Sergei Lavrov", "Wang Yi"],
        "Beijing",
        [],
    ),
    (
        "de",
        "Lawrow trifft Wang Yi in Peking",
        "Der russische Außenminister Sergej Lawrow traf in Peking seinen chinesischen "
        "Amtskollegen Wang Yi. Lawrow sagte, die Beziehungen seien so gut wie nie.",
        ["Sergei Lavrov", "Wang Yi"],
        "Beijing",
        [],
    ),
]


def _people(page: Page, slot: str) -> list[str]:
    return [
        claim.normalized
        for claim in extract(page)
        if claim.kind == ClaimKind.PERSON and claim.slot == slot
    ]


@pytest.mark.parametrize(("lang", "headline", "body", "taking_part", "place", "mentioned"), CASES)
def test_people_and_place_of_the_event(
    lang: str,
    headline: str,
    body: str,
    taking_part: list[str],
    place: str,
    mentioned: list[str],
) -> None:
    page = _page(lang, headline, body)
    claims = extract(page)
    participants = _people(page, "participant")
    for name in taking_part:
        assert any(same_entity(name, found) for found in participants), (name, participants)
    for found in participants:
        assert any(same_entity(name, found) for name in taking_part), (found, taking_part)
    others = _people(page, "mentioned")
    for name in mentioned:
        assert any(same_entity(name, found) for found in others), (name, others)
    event_places = {c.normalized for c in claims if c.kind == ClaimKind.PLACE and c.slot == "place"}
    assert event_places and all(same_entity(place, found) for found in event_places), event_places
    for claim in claims:
        assert claim.text == page.text[claim.start : claim.end]


@pytest.mark.parametrize(
    ("text", "surface", "latin"),
    [
        (
            "চিনের প্রেসিডেন্ট শি জিনপিংকে (Xi Jinping) রাশিয়ায় আসার আমন্ত্রণ জানালেন।",
            "শি জিনপিং",
            "Xi Jinping",
        ),
        (
            "রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন (Vladimir Putin) বলেন, আমরা প্রস্তুত।",
            "ভ্লাদিমির পুতিন",
            "Vladimir Putin",
        ),
    ],
)
def test_latin_form_in_brackets_is_kept(text: str, surface: str, latin: str) -> None:
    page = _page("bn", "শিরোনাম", text)
    people = [c for c in extract(page) if c.kind == ClaimKind.PERSON]
    assert any(c.text == surface and c.person.latin == latin for c in people), people


@pytest.mark.parametrize(
    ("lang", "text", "name", "status"),
    [
        (
            "bn",
            "রাশিয়ার নিরাপত্তা পরিষদের সচিব সের্গেই শোইগু এবার বেইজিং সফরে যাননি। তাঁর পরিবর্তে "
            "পরিষদের উপসচিব আলেকসান্দর ভেনেদিক্তভ প্রতিনিধিদলের নেতৃত্ব দেন।",
            "Sergei Shoigu",
            "absent",
        ),
        (
            "en",
            "Russian Security Council secretary Sergei Shoigu did not travel to Beijing. Instead, "
            "his deputy Alexander Venediktov co-chaired the talks.",
            "Sergei Shoigu",
            "absent",
        ),
        (
            "en",
            "Instead of Sergei Shoigu, deputy secretary Alexander Venediktov led the delegation.",
            "Sergei Shoigu",
            "replaced",
        ),
        (
            "en",
            "Lavrov, who conveyed greetings from President Vladimir Putin, spoke for an hour.",
            "Vladimir Putin",
            "mentioned",
        ),
    ],
)
def test_status_of_a_person(lang: str, text: str, name: str, status: str) -> None:
    page = _page(lang, "Talks", text)
    statuses = {
        c.person.status
        for c in extract(page)
        if c.kind == ClaimKind.PERSON and same_entity(name, c.normalized)
    }
    assert statuses == {status}


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "((((", "Президент", "总统", "প্রেসিডেন্ট", "(Xi Jinping)", "\u09df" * 50],
)
def test_odd_text_never_raises(text: str) -> None:
    page = Page(id="odd", text=text, regions=(Region(RegionKind.BODY, 0, len(text)),))
    assert isinstance(extract(page), list)


def test_boilerplate_is_not_read() -> None:
    text = "Related: President Joe Biden visits Paris\nNothing else here."
    page = Page(
        id="boiler",
        text=text,
        lang="en",
        regions=(Region(RegionKind.BOILERPLATE, 0, 41), Region(RegionKind.BODY, 42, len(text))),
    )
    assert extract(page) == []


@pytest.mark.parametrize(
    ("lang", "script"),
    [
        ("bn", "bengali"),
        ("hi", "devanagari"),
        ("ne", "devanagari"),
        ("ur", "arabic"),
        ("ar", "arabic"),
        ("en", "latin"),
        ("es", "latin"),
        ("fr", "latin"),
        ("de", "latin"),
        ("ru", "cyrillic"),
        ("zh", "han"),
    ],
)
def test_every_language_has_titles_and_speech_verbs(lang: str, script: str) -> None:
    lexicon = lexicon_for(lang, script)
    assert lexicon.titles and lexicon.speech_verbs and lexicon.absence_cues

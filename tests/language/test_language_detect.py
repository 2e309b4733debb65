"""Language of short and long real-looking news text in every supported language."""

from __future__ import annotations

import pytest

from reconciler.language import detect

HEADLINES = [
    ("bn", "ল্যাভরভের বৈঠকে রাশিয়ার প্রতি আরও বেশি সমর্থনের প্রতিশ্রুতি দিলেন চীনের শি"),
    ("hi", "इराक के कुत शहर में हाइपरमार्केट में भीषण आग, 61 लोगों की मौत"),
    ("ne", "काठमाडौंमा भारी वर्षाका कारण बाढी आएको छ, दुई जनाको मृत्यु भएको छ"),
    ("mr", "मुंबईत मुसळधार पाऊस, अनेक भागात पाणी साचले असून वाहतूक ठप्प झाली आहे"),
    ("ur", "چین اور روس کے وزرائے خارجہ کی بیجنگ میں ملاقات، اہم معاہدوں پر دستخط"),
    ("en", "Lavrov and Wang Yi discuss Ukraine, US ties in Beijing ahead of SCO meeting"),
    ("ru", "Си Цзиньпин принял Лаврова в Пекине"),
    ("zh", "习近平会见俄罗斯外长拉夫罗夫"),
    ("ar", "وزير الخارجية الروسي يصل إلى بكين لإجراء محادثات مع نظيره الصيني"),
    ("es", "Un sismo de magnitud 7,2 sacude la península de Alaska"),
    ("fr", "Le ministre russe des Affaires étrangères reçu à Pékin par le président chinois"),
    ("de", "Der russische Außenminister trifft in Peking den chinesischen Präsidenten"),
    ("fa", "وزیر امور خارجه روسیه با رئیس جمهور چین در پکن دیدار کرد"),
]

# A Nepali news paragraph: Devanagari like Hindi, told apart by छ, को, मा, गरेको, भएको.
NEPALI_PARAGRAPH = (
    "काठमाडौं, साउन १ । नेपाल सरकारले चीन र रुसका विदेशमन्त्रीबीच बेइजिङमा भएको भेटवार्ताको "
    "स्वागत गरेको छ । परराष्ट्र मन्त्रालयले जारी गरेको विज्ञप्तिमा दुवै देशले क्षेत्रीय शान्ति र "
    "सहयोगका लागि प्रतिबद्धता जनाएको उल्लेख छ । मन्त्रीले पत्रकारसँग कुरा गर्दै यो भेट "
    "महत्त्वपूर्ण भएको बताए ।"
)
HINDI_PARAGRAPH = (
    "बगदाद। इराक के पूर्वी शहर कुत में बुधवार देर रात एक हाइपरमार्केट में भीषण आग लग गई, "
    "जिसमें कम से कम 61 लोगों की मौत हो गई। गृह मंत्रालय के मुताबिक, सिविल डिफेंस की टीमों ने "
    "45 से अधिक लोगों को बचाया है।"
)


@pytest.mark.parametrize(("expected", "headline"), HEADLINES, ids=[c for c, _ in HEADLINES])
def test_short_headline(expected: str, headline: str) -> None:
    assert detect(headline) == expected


def test_nepali_paragraph_is_not_hindi() -> None:
    assert detect(NEPALI_PARAGRAPH) == "ne"


def test_hindi_paragraph_is_not_nepali() -> None:
    assert detect(HINDI_PARAGRAPH) == "hi"


@pytest.mark.parametrize("text", ["", "   ", "12:40 | 2025-07-15 | 61", "— · —"])
def test_text_without_letters_is_undetermined(text: str) -> None:
    assert detect(text) == "und"


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        ("ko", "서울에서 한미 정상회담이 열렸다"),
        ("ja", "バイデン大統領は東京で記者会見を行った"),
        ("el", "Ο πρωθυπουργός επισκέφθηκε την Αθήνα"),
        ("ta", "புதிய ஜனாதிபதி இன்று காலை பதவியேற்றார்"),
        ("tr", "Cumhurbaşkanı bugün Ankara'da gazetecilerle görüştü"),
        ("pl", "Prezydent spotkał się dziś w Warszawie z premierem"),
        ("uk", "Президент зустрівся сьогодні з прем'єр-міністром у Києві"),
    ],
    ids=["korean", "japanese", "greek", "tamil", "turkish", "polish", "ukrainian"],
)
def test_languages_without_a_language_pack_are_still_named(expected: str, text: str) -> None:
    # Clustering centres each language's embeddings: lumping every such page into "und"
    # would centre Korean and Tamil news on one mean.
    assert detect(text) == expected

"""Quotes with their speakers: every quotation style, every speech-verb pattern, every language."""

from __future__ import annotations

import random

import pytest

from reconciler.claims.quotes import QuoteMention, extract, find_quotes, resolve_pronouns
from reconciler.records import Page, Region, RegionKind


def quotes_in(text: str, lang: str) -> list[QuoteMention]:
    return resolve_pronouns(find_quotes(text, lang))


def content(text: str, mention: QuoteMention) -> str:
    return text[mention.content_start : mention.content_end]


# (lang, text, style, content, speaker)
STYLES = [
    (
        "en",
        "Lavrov said: “The talks were useful and constructive.”",
        "“”",
        "The talks were useful and constructive.",
        "Lavrov",
    ),
    (
        "en",
        '"We are expecting you next spring," Putin said in his opening remarks.',
        '""',
        "We are expecting you next spring,",
        "Putin",
    ),
    (
        "bn",
        "মন্ত্রণালয় জানিয়েছে, ‘আলাপকালে উভয়পক্ষ এ ব্যাপারে একমত হয়েছে।’",
        "‘’",
        "আলাপকালে উভয়পক্ষ এ ব্যাপারে একমত হয়েছে।",
        "মন্ত্রণালয়",
    ),
    (
        "bn",
        "ল্যাভরভ বলেন, “কোরীয় উপদ্বীপের পারমাণবিক নিরস্ত্রীকরণের বিষয়টি আর নেই।”",
        "“”",
        "কোরীয় উপদ্বীপের পারমাণবিক নিরস্ত্রীকরণের বিষয়টি আর নেই।",
        "ল্যাভরভ",
    ),
    (
        "ru",
        "«Мы высоко ценим наши отношения с Китаем», — сказал Лавров.",
        "«»",
        "Мы высоко ценим наши отношения с Китаем",
        "Лавров",
    ),
    (
        "de",
        "„Wir haben keine Angst vor dem Winter“, sagte Scholz am Montag.",
        "„“",
        "Wir haben keine Angst vor dem Winter",
        "Scholz",
    ),
    (
        "zh",
        "王毅表示：「中方始终坚持劝和促谈，支持一切有利于和平的努力。」",
        "「」",
        "中方始终坚持劝和促谈，支持一切有利于和平的努力。",
        "王毅",
    ),
    (
        "zh",
        "习近平强调：『中俄要加强团结合作，维护共同利益。』",
        "『』",
        "中俄要加强团结合作，维护共同利益。",
        "习近平",
    ),
    (
        "es",
        "«No se esperan olas destructivas», indicó el centro en su último boletín.",
        "«»",
        "No se esperan olas destructivas",
        "el centro",
    ),
    (
        "fr",
        "« Nous ne voulons pas la guerre », a déclaré Macron devant la presse.",
        "«»",
        " Nous ne voulons pas la guerre ",
        "Macron",
    ),
    (
        "hi",
        "लावरोव ने कहा, “रिश्ते पहले से कहीं बेहतर स्थिति में हैं।”",
        "“”",
        "रिश्ते पहले से कहीं बेहतर स्थिति में हैं।",
        "लावरोव",
    ),
    (
        "ur",
        'وزیر اعظم نے کہا کہ "ہم مذاکرات کے لیے تیار ہیں"',
        '""',
        "ہم مذاکرات کے لیے تیار ہیں",
        "وزیر اعظم",
    ),
    (
        "ne",
        "प्रधानमन्त्रीले भने, “हामी वार्ताका लागि तयार छौं।”",
        "“”",
        "हामी वार्ताका लागि तयार छौं।",
        "प्रधानमन्त्री",
    ),
    (
        "ar",
        'قال الوزير: "المفاوضات ستستمر الأسبوع المقبل"',
        '""',
        "المفاوضات ستستمر الأسبوع المقبل",
        "الوزير",
    ),
]


@pytest.mark.parametrize(("lang", "text", "style", "quoted", "speaker"), STYLES)
def test_direct_quotes_in_every_style(
    lang: str, text: str, style: str, quoted: str, speaker: str
) -> None:
    direct = [m for m in quotes_in(text, lang) if m.direct]
    assert len(direct) == 1
    assert (direct[0].style, content(text, direct[0])) == (style, quoted)
    assert direct[0].speaker is not None and direct[0].speaker.surface == speaker
    assert text[direct[0].speaker.start : direct[0].speaker.end] == speaker


# (lang, text, speaker, content begins with)
REPORTED = [
    (
        "en",
        "Seismologists said further strong aftershocks were possible.",
        "Seismologists",
        "further strong",
    ),
    (
        "en",
        "Russia was ready to work with China at the United Nations, Shoigu said.",
        "Shoigu",
        "Russia was ready",
    ),
    (
        "en",
        "According to Lavrov, relations are better than ever before.",
        "Lavrov",
        "relations are",
    ),
    ("bn", "শোইগু বলেন, একটি অস্থিতিশীল বিশ্বে যোগাযোগের গুরুত্ব বেড়েছে।", "শোইগু", "একটি"),
    ("bn", "বেইজিং ও মস্কোর একসঙ্গে কাজ করা উচিত, শি বলেছেন।", "শি", "বেইজিং"),
    ("bn", "ওয়াং ই জোর দিয়ে বলেছেন যে, রাষ্ট্রপ্রধানের নেতৃত্ব সবচেয়ে বড় সুবিধা।", "ওয়াং ই", "রাষ্ট্রপ্রধানের"),
    ("hi", "लावरोव ने कहा कि रूस-चीन साझेदारी पहले से कहीं बेहतर स्थिति में है।", "लावरोव", "रूस-चीन"),
    ("hi", "शी जिनपिंग ने लावरोव से मुलाकात की, कहा- दोनों देश एक-दूसरे का साथ दें।", "शी जिनपिंग", "दोनों"),
    ("ur", "وزیر خارجہ نے کہا کہ پاکستان مذاکرات کے لیے تیار ہے۔", "وزیر خارجہ", "پاکستان"),
    ("ne", "प्रधानमन्त्रीले भने, सरकार वार्ताका लागि तयार छ।", "प्रधानमन्त्री", "सरकार"),
    ("ru", "Ван И отметил, что в этом году исполняется 75 лет.", "Ван И", "в этом году"),
    (
        "ru",
        "Шойгу заявил, что поддержание контактов приобретает особое значение.",
        "Шойгу",
        "поддержание",
    ),
    (
        "ru",
        "По словам министра, отношения находятся на самом высоком уровне.",
        "министра",
        "отношения",
    ),
    ("zh", "王毅表示，今年是中俄建交75周年。", "王毅", "今年"),
    (
        "zh",
        "拉夫罗夫转达了普京总统的问候，表示俄中关系发展得比以往任何时候都好。",
        "拉夫罗夫",
        "俄中",
    ),
    (
        "es",
        "Según el USGS, el epicentro se ubicó a unos 87 kilómetros al sur.",
        "el USGS",
        "el epicentro",
    ),
    (
        "es",
        "El alcalde dijo que la situación está controlada en todo el municipio.",
        "El alcalde",
        "la situación",
    ),
    (
        "fr",
        "Le ministre a déclaré que les négociations reprendront la semaine prochaine.",
        "Le ministre",
        "les négociations",
    ),
    ("de", "Scholz sagte, dass die Gespräche nächste Woche weitergehen werden.", "Scholz", "die"),
    ("ar", "قال الوزير إن المفاوضات ستستمر الأسبوع المقبل.", "الوزير", "المفاوضات"),
]


@pytest.mark.parametrize(("lang", "text", "speaker", "begins"), REPORTED)
def test_reported_speech_with_speaker(lang: str, text: str, speaker: str, begins: str) -> None:
    (mention,) = quotes_in(text, lang)
    assert not mention.direct
    assert mention.speaker is not None and mention.speaker.surface == speaker
    assert content(text, mention).startswith(begins)


@pytest.mark.parametrize(
    ("lang", "text", "pronoun", "speaker"),
    [
        (
            "en",
            'Lavrov struck a cautious note after Lavrov said talks went well. "The '
            'issue remains on our agenda," he said.',
            "he",
            "Lavrov",
        ),
        (
            "bn",
            "সাক্ষাতে প্রেসিডেন্ট সি বলেন, দুই দেশের সহযোগিতা জোরদার করা উচিত। তিনি আরও বলেন, "
            "এসসিও প্রতিষ্ঠায় চীন ও রাশিয়া যৌথভাবে প্রচেষ্টা চালিয়েছে।",
            "তিনি",
            "প্রেসিডেন্ট সি",
        ),
        (
            "hi",
            "गवर्नर मोहम्मद ने कहा कि आग पर काबू पा लिया गया है। उन्होंने कहा कि 48 घंटे में जांच रिपोर्ट आएगी।",
            "उन्होंने",
            "गवर्नर मोहम्मद",
        ),
        (
            "ru",
            "Ван И отметил, что связи между странами крепнут. "
            "«Китай и Россия должны крепить единство», — заявил он.",
            "он",
            "Ван И",
        ),
    ],
)
def test_pronoun_speaker_is_the_last_named_one(
    lang: str, text: str, pronoun: str, speaker: str
) -> None:
    last = quotes_in(text, lang)[-1]
    assert last.speaker is not None
    assert (last.speaker.pronoun, last.speaker.surface) == (pronoun, speaker)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("bn", "চিনের প্রেসিডেন্ট জিনপিংকে ‘বন্ধু’ সম্বোধন করে আমন্ত্রণ জানানো হয়।"),
        ("en", "Lavrov hails “historic” ties with Pyongyang."),
        ("ru", "Стороны назвали встречу «исторической»."),
        ("zh", "“双十一”购物节落幕"),
    ],
)
def test_single_word_scare_quotes_are_dropped(lang: str, text: str) -> None:
    assert [m for m in quotes_in(text, lang) if m.direct] == []


def test_a_second_quote_runs_on_from_the_first() -> None:
    text = (
        '"People did exactly what they were supposed to do," said a spokesperson for the '
        'Alaska Division. "They heard the sirens and they went up the hill."'
    )
    speakers = [m.speaker.surface for m in quotes_in(text, "en") if m.speaker]
    assert speakers == ["spokesperson", "spokesperson"]


@pytest.mark.parametrize("text", ["", "“", "”“", '"""', "‘’‘", "«»", "said said said", "\x00"])
def test_odd_text_never_raises(text: str) -> None:
    for lang in ("en", "bn", "zh", "ar", "und"):
        find_quotes(text, lang)


def test_boilerplate_is_never_read(dev_pages: dict[str, Page]) -> None:
    page = dev_pages["bn-seed-002"]
    claims = extract(page)
    assert claims
    assert all(page.region_at(c.start) != RegionKind.BOILERPLATE for c in claims)
    assert not any("ট্রাম্পকে" in c.text for c in claims)  # a related headline's quote


@pytest.mark.parametrize(
    ("page_id", "fragment", "speaker", "direct"),
    [
        ("doc-018", "আলোচ্যসূচিতে আর নেই", "ল্যাভরভ", True),
        ("doc-007", "remains on our agenda", "Lavrov", True),
        ("doc-010", "Как бы ни менялась", "Ван И", True),
        ("doc-023", "Мы высоко ценим", "Лавров", True),
        ("doc-024", "People were running", "man who escaped with his two children", True),
        ("doc-009", "৫০ জনের মরদেহ উদ্ধার", "গভর্নর মোহাম্মদ আল-মিয়াহি", False),
        ("doc-019", "比以往任何时候都好", "拉夫罗夫", False),
        ("doc-006", "पहले से कहीं बेहतर", "लावरोव", False),
        ("doc-005", "No se esperan olas", "el centro", True),
    ],
)
def test_dev_page_quotes(
    dev_pages: dict[str, Page], page_id: str, fragment: str, speaker: str, direct: bool
) -> None:
    page = dev_pages[page_id]
    (claim,) = [c for c in extract(page) if fragment in c.normalized]
    assert (claim.quote.speaker_surface, claim.quote.direct) == (speaker, direct)
    assert claim.text == page.text[claim.start : claim.end]
    start, end = claim.quote.speaker_start, claim.quote.speaker_end
    assert page.text[start:end] == speaker


def test_page_of_unknown_language_is_read_by_script() -> None:
    text = "ল্যাভরভ বলেন, “কোরীয় উপদ্বীপের পারমাণবিক নিরস্ত্রীকরণের বিষয়টি আর নেই।”"
    page = Page("p", text, (Region(RegionKind.BODY, 0, len(text)),), lang="und")
    (claim,) = extract(page)
    assert claim.quote.speaker_surface == "ল্যাভরভ"


NOISE = [
    "said",
    "he",
    "Lavrov",
    "বলেন",
    "তিনি",
    "ने",
    "कहा",
    "कि",
    "заявил",
    "он",
    "表示",
    "قال",
    "إن",
    "según",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    '"',
    ",",
    ".",
    "।",
    "。",
    "\n",
    "—",
    "as",
]


def test_random_token_soup_never_raises() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(NOISE) for _ in range(rng.randint(0, 20)))
        for lang in ("en", "bn", "hi", "ru", "zh", "ar", "und"):
            for mention in resolve_pronouns(find_quotes(text, lang)):
                assert 0 <= mention.content_start <= mention.content_end <= len(text)

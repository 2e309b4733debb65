"""Regions of small real-looking pages: layouts the dev set does not show."""

from __future__ import annotations

from pathlib import Path

from reconciler.ingest import load
from reconciler.records import Page, RegionKind

PAGES = Path(__file__).resolve().parent / "pages"


def _page(**record: str) -> Page:
    loaded = load([{"id": "snippet", **record}])
    assert loaded.errors == ()
    return loaded.pages[0]


def _kind(page: Page, snippet: str) -> RegionKind:
    offset = page.text.find(snippet)
    assert offset >= 0, snippet
    return page.region_at(offset)


def test_arabic_page_regions() -> None:
    page = _page(text=(PAGES / "ar-kut-fire.txt").read_text("utf-8"))
    assert page.lang == "ar"
    assert _kind(page, "الخميس، 17 يوليو 2025") == RegionKind.HEADER
    assert _kind(page, "حريق في مركز تجاري") == RegionKind.HEADLINE
    assert _kind(page, "بغداد - وكالات") == RegionKind.DATELINE
    assert _kind(page, "نشر في: 17 يوليو 2025") == RegionKind.DATELINE
    assert _kind(page, "وقال محافظ واسط") == RegionKind.BODY
    assert _kind(page, "- ارتفاع أسعار النفط") == RegionKind.BOILERPLATE
    assert _kind(page, "عربي ودولي") == RegionKind.BOILERPLATE  # section label


def test_standfirst_is_body_and_inline_read_more_is_boilerplate() -> None:
    page = _page(text=(PAGES / "en-valencia-standfirst.txt").read_text("utf-8"))
    headline = page.regions_of(RegionKind.HEADLINE)
    assert [page.region_text(r).strip() for r in headline] == [
        "Flood waters recede in Valencia as death toll rises to 217"
    ]
    assert _kind(page, "Rescuers continue to search") == RegionKind.BODY
    assert _kind(page, "Read more: Spain's king") == RegionKind.BOILERPLATE
    # The paragraph after an inline link is still the article, even when it is the last one.
    assert _kind(page, "The regional government said") == RegionKind.BODY
    assert _kind(page, "Comment") == RegionKind.BOILERPLATE


def test_html_without_h1_in_a_sidebar_wrapper() -> None:
    page = _page(html=(PAGES / "bn-wordpress-no-h1.html").read_text("utf-8"))
    assert page.format == "html" and page.lang == "bn"
    assert "লুকানো" not in page.text  # script content
    assert _kind(page, "শুক্রবার, ১৮ জুলাই ২০২৫") == RegionKind.HEADER
    # No <h1>: the line that repeats the <title> is the headline.
    assert _kind(page, "ঢাকায় ভারী বৃষ্টিতে জলাবদ্ধতা") == RegionKind.HEADLINE
    assert _kind(page, "১৮ জুলাই ২০২৫, ১০:৩০") == RegionKind.DATELINE
    for paragraph in ("টানা বৃষ্টিতে", "আবহাওয়া অধিদপ্তর", "আগামী দুই দিন"):
        assert _kind(page, paragraph) == RegionKind.BODY
    assert _kind(page, "আরও পড়ুন:") == RegionKind.BOILERPLATE
    assert _kind(page, "বিশ্বকাপ বাছাইয়ে") == RegionKind.BOILERPLATE
    assert _kind(page, "প্রচ্ছদ") == RegionKind.BOILERPLATE


def test_page_of_paragraphs_only_is_all_body() -> None:
    text = (
        "Die Regierung hat am Dienstag neue Maßnahmen gegen die Hitzewelle beschlossen, wie ein "
        "Sprecher in Berlin mitteilte.\n\nNach Angaben des Deutschen Wetterdienstes werden in den "
        "kommenden Tagen Temperaturen von bis zu 38 Grad erwartet.\n"
    )
    page = _page(text=text)
    assert page.lang == "de"
    assert [region.kind for region in page.regions] == [RegionKind.BODY]


def test_single_title_line_is_the_headline() -> None:
    page = _page(text="Nepal earthquake: rescue teams reach remote villages\n")
    assert [region.kind for region in page.regions] == [RegionKind.HEADLINE]


def test_persian_page_with_solar_date_caption_and_dated_headline() -> None:
    page = _page(text=(PAGES / "fa-tehran-caption.txt").read_text("utf-8"))
    assert page.lang == "fa"
    assert _kind(page, "پنجشنبه ۲۶ تیر ۱۴۰۴") == RegionKind.HEADER
    # A date inside a headline does not make it a date line.
    assert _kind(page, "دیدار وزیر امور خارجه روسیه") == RegionKind.HEADLINE
    assert _kind(page, "خبرنگار سرویس بین‌الملل") == RegionKind.DATELINE
    # A photo caption between headline and body is text, not the headline.
    assert _kind(page, "لاوروف و وانگ یی") == RegionKind.BODY
    assert _kind(page, "دو طرف بر گسترش همکاری") == RegionKind.BODY
    assert _kind(page, "- افزایش قیمت نفت") == RegionKind.BOILERPLATE


def test_article_h1_wins_over_a_logo_h1() -> None:
    markup = (
        "<html><head><title>Lavrov meets Wang Yi in Beijing | World Wire</title></head><body>"
        "<header><h1 class='logo'>World Wire</h1><p>Sunday, 13 July 2025</p></header>"
        "<article><h1>Lavrov meets Wang Yi in Beijing</h1>"
        "<p>Russian Foreign Minister Sergei Lavrov held talks with his Chinese counterpart "
        "Wang Yi in Beijing on Sunday, the two ministries said.</p></article></body></html>"
    )
    page = _page(html=markup)
    headlines = [page.region_text(r).strip() for r in page.regions_of(RegionKind.HEADLINE)]
    assert headlines == ["Lavrov meets Wang Yi in Beijing"]
    assert _kind(page, "World Wire") == RegionKind.HEADER
    assert _kind(page, "Sunday, 13 July 2025") == RegionKind.HEADER


def test_hindi_paragraphs_ending_in_a_pipe_are_body() -> None:
    text = (
        "होम | देश | विदेश | खेल\n\n"
        "दिल्ली में भारी बारिश से जलभराव, कई इलाकों में यातायात ठप\n\n"
        "नई दिल्ली में बुधवार सुबह से हो रही भारी बारिश के कारण कई इलाकों में पानी भर गया है |\n\n"
        "मौसम विभाग ने अगले दो दिनों तक बारिश जारी रहने का अनुमान जताया है |\n"
    )
    page = _page(text=text)
    assert page.lang == "hi"
    assert _kind(page, "दिल्ली में भारी बारिश") == RegionKind.HEADLINE
    assert _kind(page, "नई दिल्ली में बुधवार") == RegionKind.BODY
    assert _kind(page, "मौसम विभाग ने") == RegionKind.BODY


def test_line_holding_a_time_element_under_the_headline_is_dateline() -> None:
    markup = (
        "<html><body><article><h1>Lavrov meets Wang Yi in Beijing</h1>"
        "<p>Ana Ruiz, Beijing <time datetime='2025-07-13'>Sunday</time></p>"
        "<p>Russian Foreign Minister Sergei Lavrov held talks with his Chinese counterpart "
        "Wang Yi in Beijing on Sunday, the two ministries said.</p></article></body></html>"
    )
    page = _page(html=markup)
    assert _kind(page, "Ana Ruiz, Beijing Sunday") == RegionKind.DATELINE
    assert _kind(page, "Russian Foreign Minister") == RegionKind.BODY


def test_long_question_headline_is_not_the_first_paragraph() -> None:
    text = (
        "Политика\n\n"
        "Почему Россия и Китай так долго готовили этот договор и что он изменит для Азии?\n\n"
        "15 июля 2025, 14:25\n\n"
        "Министры иностранных дел России и Китая провели в Пекине переговоры, посвящённые "
        "подготовке нового договора о стратегическом партнёрстве.\n"
    )
    page = _page(text=text)
    assert page.lang == "ru"
    assert _kind(page, "Почему Россия и Китай") == RegionKind.HEADLINE
    assert _kind(page, "15 июля 2025, 14:25") == RegionKind.DATELINE
    assert _kind(page, "Министры иностранных дел") == RegionKind.BODY

"""reconciler.dates.find: plain text in, the pipeline's date claims out."""

from __future__ import annotations

from datetime import date

from reconciler.claims.dates import extract
from reconciler.dates import find
from reconciler.records import Page, Region, RegionKind

THURSDAY = date(2025, 7, 17)


def values(text: str, page_date: date | None = THURSDAY, lang: str | None = None) -> list[str]:
    return [found.value for found in find(text, page_date, lang)]


def test_find_gives_what_the_pipeline_finds_in_a_body() -> None:
    text = "Le traité a été signé le 11 sept. 2014. Hier, trois jours après, il a parlé."
    page = Page("p", text, (Region(RegionKind.BODY, 0, len(text)),), "fr", None, None, "2025-07-17")
    claims = extract(page)
    found = find(text, "2025-07-17", "fr")
    assert [(f.start, f.end, f.value) for f in found] == [
        (c.start, c.end, c.normalized) for c in claims
    ]
    assert found[0].text == "11 sept. 2014" and found[0].precision == "day"


def test_an_abbreviated_month_with_its_dot_keeps_its_year() -> None:
    # Read as "11 sept" it would be given the page's year: a confident wrong date.
    assert values("signé le 11 sept. 2014 à Paris", lang="fr") == ["2014-09-11"]
    assert values("подписали 13 янв. 2005 года", lang="ru") == ["2005-01-13"]


def test_partial_dates_carry_their_precision() -> None:
    found = find("Prices rose in November 2008, as in 2009.", THURSDAY, "en")
    assert [(f.value, f.precision) for f in found] == [("2008-11", "month"), ("2009", "year")]
    # A day without its year needs the page's date, or a weekday that fixes the year.
    assert [f.precision for f in find("Am 05.10. tagte er.", None, "de")] == ["partial"]
    (told,) = find("Donnerstag, den 05.10.", None, "de")
    assert date.fromisoformat(told.value).weekday() == 3 and told.precision == "day"
    assert values("Donnerstag, den 05.10., tagte er.", date(2023, 10, 10), "de") == ["2023-10-05"]


def test_relative_words_count_from_the_page_date_and_need_one() -> None:
    assert values("Oggi il governo ha votato.", lang="it") == ["2025-07-17"]
    assert values("L'incendio è scoppiato 3 giorni fa.", lang="it") == ["2025-07-14"]
    assert values("Il mese scorso i prezzi sono saliti.", lang="it") == ["2025-06"]
    assert values("Oggi il governo ha votato.", page_date=None, lang="it") == []


def test_locale_words_only_for_the_language_given() -> None:
    # Hungarian "ma" is "today"; in Italian it is "but".
    assert values("Ma a kormány döntött.", lang="hu") == ["2025-07-17"]
    assert values("Ma il governo ha deciso.", lang="it") == []


def test_a_weekday_follows_the_tense() -> None:
    assert values("Police arrested two men on Monday.") == ["2025-07-14"]
    assert values("The trial is set to begin on Wednesday.") == ["2025-07-23"]
    assert values("कल संसद में विधेयक पेश किया जाएगा।", lang="hi") == ["2025-07-18"]


def test_a_connector_cut_short_gives_no_month() -> None:
    # Catalan "des del 2017" is "since 2017", though "des" abbreviates desembre.
    found = find("Des del 2017 viu a Girona.", THURSDAY, "ca")
    assert [(f.value, f.precision) for f in found] == [("2017", "year")]


def test_persian_with_arabic_yeh_and_ordinal_days() -> None:
    assert values("در سوم تير ۱۴۰۳ انتخابات برگزار شد.", lang="fa") == ["2024-06-23"]
    found = find("۱۲ ارديبهشت ۱۴۰۲", THURSDAY, "fa")
    assert [(f.value, f.calendar) for f in found] == [("2023-05-02", "solar_hijri")]


def test_bikram_sambat_beyond_the_agreed_tables_is_less_sure() -> None:
    agreed = find("२०८७ बैशाख १ गते", THURSDAY, "ne")
    disputed = find("२०९० बैशाख १ गते", THURSDAY, "ne")
    assert agreed[0].precision == disputed[0].precision == "day"
    assert disputed[0].confidence < agreed[0].confidence


def test_counts_are_not_years() -> None:
    assert values("About 2,500 people were evacuated, 2000% more.") == []


def test_a_range_is_dated_by_its_first_day() -> None:
    assert values("Strikes on May 6-7, 2025, hit the border.") == ["2025-05-06"]
    assert values("الإثنين 25 أوت 2025 م، هو أول أيام الشهر", lang="ar") == ["2025-08-25"]


def test_today_with_a_weekday_is_that_weekday() -> None:
    # Arabic "اليوم الاثنين" is "on Monday"; a page saved on Tuesday still means Monday.
    assert values("انطلقت مساء اليوم الاثنين القمة", date(2025, 10, 14), "ar") == ["2025-10-13"]


def test_a_weekday_told_beside_a_reporting_verb_stays_past() -> None:
    assert values("Police said on Monday that the suspect will appear in court.") == ["2025-07-14"]


def test_counts_ahead_are_days_and_weeks_only() -> None:
    assert values("It was the worst crisis in 50 years.") == []
    found = find("The court will rule in 3 days.", THURSDAY, "en")
    assert [f.value for f in found] == ["2025-07-20"]
    assert found[0].confidence < find("The court ruled 3 days ago.", THURSDAY, "en")[0].confidence

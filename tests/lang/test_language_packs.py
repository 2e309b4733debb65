"""Language packs: discovered from their folders, generated part in sync with its generator."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from reconciler import lang
from reconciler.lang import build

# Languages of the real pages we are measured on, besides the twelve read from the start.
REAL_PAGE_LANGUAGES = ("ko", "ja", "ta", "te", "ml", "gu", "mr", "tr", "pl", "it", "pt", "vi", "ca")
FIRST_LANGUAGES = ("bn", "hi", "ne", "ur", "fa", "en", "ru", "zh", "ar", "es", "fr", "de")


def test_at_least_forty_languages_have_dates_and_numbers() -> None:
    with_dates = [code for code in lang.codes() if all(lang.pack(code).months)]
    with_number_words = [
        code
        for code in with_dates
        if lang.pack(code).cardinals or lang.pack(code).supplement("numbers")
    ]
    assert len(with_number_words) >= 40
    assert set(REAL_PAGE_LANGUAGES + FIRST_LANGUAGES + ("nb", "az")) <= set(with_dates)


@pytest.mark.parametrize("code", lang.codes())
def test_generated_part_matches_its_generator(code: str) -> None:
    written = json.loads((files("reconciler.lang") / code / lang.GENERATED).read_text("utf-8"))
    if written["sources"] != build.versions():
        pytest.skip(f"{code}: written with {written['sources']}, installed {build.versions()}")
    assert written == json.loads(build.render(code)), (
        f"run `python -m reconciler.lang.build` to regenerate {code}"
    )


@pytest.mark.parametrize("code", lang.codes())
def test_every_pack_loads_with_twelve_months_and_seven_weekdays(code: str) -> None:
    pack = lang.pack(code)
    assert len(pack.months) == 12 and all(pack.months)
    assert len(pack.weekdays) == 7 and all(pack.weekdays)
    assert pack.script
    for name, supplement in pack.supplements.items():
        assert supplement, f"{code}/{name}.json is empty"


def test_month_forms_come_with_and_without_the_abbreviation_dot() -> None:
    russian_january = lang.pack("ru").months[0]
    assert {"января", "янв.", "янв"} <= set(russian_january)
    assert "сентября" in lang.pack("ru").months[8]


def test_relative_days_and_number_words_of_a_new_language() -> None:
    korean = lang.pack("ko")
    assert "어제" in korean.relative_days[-1]
    assert "내일" in korean.relative_days[1]
    assert lang.pack("pl").cardinals["trzy"] == 3
    assert lang.pack("it").ordinals["terzo"] == 3


def test_no_pack_is_a_clear_key_error() -> None:
    with pytest.raises(KeyError, match="xx"):
        lang.pack("xx")
    assert lang.pack("pt-BR").code == "pt"


def test_shared_data_is_not_a_language() -> None:
    assert "_common" not in lang.codes()
    assert lang.common("entities")["name_particles"]


def test_relative_units_and_counted_distances_of_a_pack() -> None:
    italian = lang.pack("it")
    assert "mese scorso" in italian.relative_units["month"][-1]
    assert "settimana prossima" in italian.relative_units["week"][1]
    assert {"giorni", "giorno"} <= set(italian.time_words.units["day"])
    assert any("giorni fa" in pattern for pattern in italian.time_words.counted[-1, "day"])
    assert "fa" in italian.time_words.ago
    hungarian_march = lang.pack("hu").months[2]
    assert "március" in hungarian_march and "iii" not in hungarian_march  # a numeral, no name

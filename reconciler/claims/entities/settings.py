"""Thresholds of the entity finders, in one place (matching, romanisation and corpus-wide
resolution keep theirs with the names code).

All were set by hand on the synthetic dev set (tests/data/dev) and checked on the held-out
set (tests/data/holdout); each comment says what the value does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntitySettings:
    # dev: a person's name has at most four words ("Mohammed bin Abdulrahman Al Thani" is
    # cut, "Sergei Viktorovich Lavrov" is whole).
    max_name_words: int = 4
    # dev (ru): a capitalised run may hold abbreviations before a name ("МИД КНДР Цой Сон Хи").
    max_run_words: int = 7
    # dev: the lede is the headlines and this many first sentences of the body.
    lede_sentences: int = 2
    # dev (fr, de): characters before a place searched for "the day before" (another stop).
    other_day_window: int = 30
    # dev (ar, fa, hi, bn): an uncapitalised place needs this many consonant letters.
    min_consonant_letters: int = 3
    # real-dev (ar) and dev (en): characters before a place searched for "coming from"; one
    # origin cue and an airport name fit ("قادما من مطار ... في").
    origin_window: int = 40
    # dev (fa): a city this large is a place even without a settlement cue.
    metropolis: int = 1_000_000
    # dev (fa): this many most frequent words of the language are never a city without a
    # cue ("همین استان" is "this province").
    function_words: int = 300
    # dev: score of one "in X" in the lede; a page names its event's place there.
    lede_locative: int = 4
    # dev: rapidfuzz ratio above which a later word of the page spells a known name.
    same_script_min_ratio: int = 60
    # real-dev (bn): a word ending like a possessive ("-র") whose stem is among this many
    # most frequent words is that word's possessive ("X's resignation"), and the name ends
    # there; a stem that is no word ("ভ্লাদিমি" of "ভ্লাদিমির", dev) goes on.
    name_continuation_stoplist: int = 10_000
    # dev (en): a lone capitalised word after a title that is among this many most frequent
    # words needs a longer name on the page to be a person (a place "King <noun>" is not).
    lone_name_stoplist: int = 20_000
    # real-dev (ar): a city named like one of this many most frequent words of the page's
    # language loses this much confidence (a capital named daily ranks higher than 2,000,
    # a noun that spells a foreign city lower than 5,000).
    homograph_stoplist: int = 5_000
    homograph_penalty: float = 0.3
    # Korean names are written as one word of two to four syllables (a surname and a given
    # name; general knowledge, checked on real-dev); a word before a title outside that
    # range is a party, an office or a phrase.
    min_name_letters: int = 2
    max_unspaced_name_letters: int = 4
    # real-dev (bn): a one-word name that is also a frequent word is a person when the page
    # gives it a title this many times (dev and held-out unchanged by it).
    titled_mentions: int = 2
    # dev: the most frequent words of a language, a stoplist for single-word names.
    stoplist_size: int = 2000
    # Cities this small have names that collide with ordinary words too often (GeoNames).
    min_city_population: int = 100_000
    # dev (ru): a declined place name keeps a stem of at least this many letters.
    min_declined_stem: int = 3


SETTINGS = EntitySettings()

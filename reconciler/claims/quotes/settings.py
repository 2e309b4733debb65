"""Thresholds of the quote extractor, in one place.

All were set by hand on the synthetic dev set (tests/data/dev), in every language it has,
and checked on the held-out set (tests/data/holdout); each comment says what the value does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteSettings:
    # A Chinese "word" for length thresholds: about two characters.
    cjk_word_chars: int = 2
    # dev: a one-word quote is a scare quote ('বন্ধু'), not speech.
    min_quote_words: int = 2
    # dev: a short fragment with no speaker is a term, not a quote.
    min_unattributed_words: int = 4
    # dev: reported content shorter than this is no statement ("said so").
    min_reported_words: int = 3
    # dev: characters around a quote searched for its attribution.
    max_frame: int = 160
    # dev (es): "La Oficina de Gestión de Emergencias de Alaska" is eight words.
    max_name_words: int = 8
    # dev (bn, hi): no capitals bound a name, so at most "রুশ রাষ্ট্রপতি পুতিন".
    max_uncased_name_words: int = 3
    # dev: "…, the ministry said in a statement." is attribution, not content.
    short_tail_words: int = 6
    # dev: "told Russian Foreign Minister Sergei Lavrov on Tuesday that …".
    complementizer_reach: int = 10
    # dev (zh): characters of a Chinese speaker's name with its title.
    max_cjk_name: int = 8
    # dev: '"…," a man who escaped with his two children told …' names the speaker whole.
    max_lead_words: int = 8
    # dev: "CCTV reported, Xi said, …": the inner verb owns the content.
    nested_verb_words: int = 5
    # Confidence by how the quote was found (ranked on dev; the report shows them).
    direct_confidence: float = 0.9
    reported_confidence: float = 0.7
    unattributed_confidence: float = 0.4
    pronoun_penalty: float = 0.1


SETTINGS = QuoteSettings()

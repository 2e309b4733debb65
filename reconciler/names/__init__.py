"""Person and place names across scripts.

Public API:

- ``same_entity(a, b) -> bool``: whether two names, in any script or spelling, denote
  one person or place ("Xi Jinping" ~ "习近平" ~ "Си Цзиньпин", "特朗普" ~ "Donald Trump";
  "Wang Yi" ≁ "Wang Wenbin", "Jeremy Corbyn" ≁ "Jeremy Cronin"). Never raises.
- ``display_name(name, lang=None) -> str``: the Latin form an English-language reader
  knows: Latin names as written, others romanised with the English conventions of their
  script ("Джон Смит" → "Jon Smit", "ジェレミー・ハント" → "Jeremy Hunt", "习近平" → "Xi
  Jinping"). ``lang`` ("fa", "ur", "ar"...) picks the convention where one script serves
  several languages. Never raises.

Corpus-wide, ``reconciler.claims.entities.resolve`` shows a person by the Latin spelling a
page of the corpus uses for them, which is how exonyms (特朗普, ترامب) come to read
"Donald Trump"; ``reconciler.names.index.NameIndex`` keeps that resolution from comparing
every name with every other.

Modules: ``scripts`` (which script), ``romanize`` (ICU/pypinyin romanisation, Cantonese
and Southern Min readings of Chinese names, Korean readings of hanja and hangul names, and
the per-script conventions of ``data/romanization.json``), ``phonetics`` (consonant
skeletons), ``variants`` (formal and familiar given names), ``matching``, ``english``
(census spellings of name parts), ``display``, ``index``, ``settings`` (every threshold,
with how it was set).
"""

from reconciler.names.display import display_name
from reconciler.names.matching import same_entity

__all__ = ["display_name", "same_entity"]

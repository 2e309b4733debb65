"""Person and place names across scripts.

- ``same_entity(a, b)``: whether two names, in any script or spelling, denote one person
  or place ("Xi Jinping" ~ "习近平" ~ "Си Цзиньпин"; "Wang Yi" ≁ "Wang Wenbin").
- ``display_name(name, lang=None)``: the Latin form an English-language reader knows:
  Latin names as written, others romanised with the English conventions of their script
  ("Джон Майкл" → "Dzhon Maykl", "ジョー・バイデン" → "Jo Baiden").

Corpus-wide, ``reconciler.claims.entities.resolve`` prefers the Latin spelling a page of
the corpus uses for the person over ``display_name``.
"""

from reconciler.names.display import display_name
from reconciler.names.matching import same_entity

__all__ = ["display_name", "same_entity"]

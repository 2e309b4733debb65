"""What the pipeline loads that is not code, installed as ``reconciler.models``.

``registry.json`` maps model names to their backend, dimension and prefix conventions.
"""

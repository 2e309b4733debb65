"""The name romaniser of ``reconciler.names``, where the entity extractor has always found it."""

from reconciler.names.phonetics import skeleton
from reconciler.names.romanize import name_tokens, romanize
from reconciler.names.scripts import script_of

__all__ = ["name_tokens", "romanize", "script_of", "skeleton"]

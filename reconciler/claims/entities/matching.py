"""The name matcher of ``reconciler.names``, where the entity extractor has always found it."""

from reconciler.names.matching import same_entity

__all__ = ["same_entity"]

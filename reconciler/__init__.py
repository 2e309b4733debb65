"""reconciler: cluster news pages in many languages into events and flag conflicting claims.

import reconciler
result = reconciler.reconcile("seeds/")
for conflict in result.conflicts:
    print(conflict.kind, conflict.page_ids, conflict.explanation)
"""

# The one place the version is written: pyproject.toml reads it from here.
__version__ = "0.1.0"

from reconciler.api import reconcile
from reconciler.records import (
    Claim,
    ClaimKind,
    Conflict,
    ConflictKind,
    Event,
    Page,
    PageError,
    Region,
    RegionKind,
    Result,
)

__all__ = [
    "Claim",
    "ClaimKind",
    "Conflict",
    "ConflictKind",
    "Event",
    "Page",
    "PageError",
    "Region",
    "RegionKind",
    "Result",
    "__version__",
    "reconcile",
]

"""Which number claims count the participants of an event (ministers, leaders, delegations,
countries): the participants rule compares those, and the numbers rule leaves them alone so
that one disagreement is reported once."""

from __future__ import annotations

from functools import cache

from reconciler import lang
from reconciler.records import Claim

_SUPPLEMENT = "roles"


@cache
def head_count_roles() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(role, stems, stems of unspaced scripts) in the order a noun is tried (``roles.json``
    of the language packs): a noun matches a role when it begins with one of its stems, or,
    in an unspaced script, contains one. Every language's stems are tried, so a page whose
    language was not told still gets its head counts."""
    order = lang.common(_SUPPLEMENT)["head_count_roles"]
    roles = []
    for role in order:
        spaced: list[str] = []
        unspaced: list[str] = []
        for code in lang.codes():
            pack = lang.pack(code)
            stems = pack.supplement(_SUPPLEMENT).get("head_count_roles", {}).get(role, [])
            (unspaced if pack.unspaced else spaced).extend(stems)
        roles.append((role, tuple(spaced), tuple(unspaced)))
    return tuple(roles)


def _role_of(noun: str) -> str | None:
    noun = noun.lower()
    for role, stems, unspaced_stems in head_count_roles():
        if noun.startswith(stems) or any(stem in noun for stem in unspaced_stems):
            return role
    return None


def head_count_role(claim: Claim) -> str | None:
    """The participant role a NUMBER claim counts: its counted noun's, or else that of the
    word right after it ("two foreign ministers" counts "foreign", then "ministers")."""
    number = claim.number
    if not number.quantity.startswith("count:") or number.ordinal:
        return None
    if role := _role_of(number.quantity.removeprefix("count:")):
        return role
    return _role_of(number.next_word) if number.next_word else None

"""Who took part in an event, and where its pages disagree about it.

A page's participants are the PERSON claims extraction put in the "participant" slot
(named in the headline or lede, not merely sending greetings); a page may also say one
of them stayed away ("status": "absent") or was replaced ("replaced"). Names are the
canonical ones ``entities.resolve`` gave, so spellings and scripts do not matter here.

Pages may also disagree on how many took part ("foreign ministers of three countries" and
"of two countries"): NUMBER claims whose counted noun names a participant role (minister,
leader, delegate, delegation, country) are compared across pages as intervals, so "at least
three ministers" and "four ministers" agree.
"""

from __future__ import annotations

from collections import Counter

from reconciler.reconcile import EventContext
from reconciler.reconcile.confidence import conflict_confidence, sides_by_page
from reconciler.reconcile.head_counts import head_count_role
from reconciler.reconcile.numbers import BOUND_WORDS, intervals_disjoint
from reconciler.reconcile.settings import SETTINGS
from reconciler.records import Claim, ClaimKind, Conflict, ConflictKind

_GONE = frozenset({"absent", "replaced"})


def _participant_claims(context: EventContext) -> dict[str, list[Claim]]:
    """Per page, its PERSON claims about taking part (present, absent or replaced)."""
    return {
        page_id: [
            claim
            for claim in context.claims[page_id]
            if claim.kind == ClaimKind.PERSON and claim.slot == "participant"
        ]
        for page_id in context.event.page_ids
    }


def _pages_by_status(context: EventContext) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """name → pages saying the person took part, and name → pages saying they did not."""
    present: dict[str, set[str]] = {}
    gone: dict[str, set[str]] = {}
    for page_id, claims in _participant_claims(context).items():
        for claim in claims:
            target = gone if claim.person.status in _GONE else present
            target.setdefault(claim.normalized, set()).add(page_id)
    return present, gone


def event_participants(context: EventContext) -> list[str]:
    """Canonical names of those most of the event's pages say took part."""
    present, gone = _pages_by_status(context)
    reporting = {page for pages in (*present.values(), *gone.values()) for page in pages}
    quorum = max(1, (len(reporting) + 1) // 2)
    counts = Counter({name: len(pages) for name, pages in present.items()})
    return [
        name
        for name, count in counts.most_common()
        if count >= quorum and count > len(gone.get(name, ()))
    ]


def _first_claim(claims: list[Claim], name: str) -> Claim | None:
    return next((claim for claim in claims if claim.normalized == name), None)


def compare(context: EventContext) -> list[Conflict]:
    """A person said to take part on some pages and to be absent or replaced on others, and
    head counts of one participant role that cannot all be true."""
    by_page = _participant_claims(context)
    present, gone = _pages_by_status(context)
    conflicts = []
    for name, gone_pages in sorted(gone.items()):
        present_pages = present.get(name, set()) - gone_pages
        if not present_pages:
            continue
        pages = sorted(present_pages | gone_pages)
        evidence = [_first_claim(by_page[page_id], name) for page_id in pages]
        stand_ins = [
            claim
            for page_id in sorted(gone_pages)
            for claim in by_page[page_id]
            if claim.person.substitute
        ]
        evidence += stand_ins[:1]
        substitutes = [claim.normalized for claim in stand_ins]
        instead = f" ({', '.join(dict.fromkeys(substitutes))} instead)" if substitutes else ""
        conflicts.append(
            Conflict(
                kind=ConflictKind.PARTICIPANTS,
                page_ids=tuple(pages),
                claims=tuple(claim for claim in evidence if claim is not None),
                confidence=conflict_confidence(
                    SETTINGS.participant_status_certainty,
                    sides_by_page(claim for claim in evidence if claim is not None),
                ),
                explanation=(
                    f"{', '.join(sorted(gone_pages))} {_say(gone_pages)} {name} did not take "
                    f"part{instead}, while {', '.join(sorted(present_pages))} "
                    f"{_say(present_pages)} {name} did."
                ),
                event_id=context.event.id,
            )
        )
    conflicts.extend(head_count_conflicts(context))
    return conflicts


def _say(pages: set[str]) -> str:
    return "says" if len(pages) == 1 else "say"


def _describe(claim: Claim) -> str:
    return f"{BOUND_WORDS.get(claim.number.bound, '')}{claim.normalized}"


def head_count_conflicts(context: EventContext) -> list[Conflict]:
    """Pages giving head counts of one participant role that cannot all be true. A page that
    gives one role two different counts is left out: they likely count different things."""
    by_role: dict[str, dict[str, list[Claim]]] = {}
    for claim in context.all_claims():
        if claim.kind != ClaimKind.NUMBER or claim.number.qualified:
            continue
        if role := head_count_role(claim):
            by_role.setdefault(role, {}).setdefault(claim.page_id, []).append(claim)
    conflicts = []
    for role, pages in sorted(by_role.items()):
        chosen = {
            page_id: claims[0]
            for page_id, claims in pages.items()
            if len({(c.normalized, c.number.bound) for c in claims}) == 1
        }
        values = list(chosen.values())
        if not any(intervals_disjoint(a, b) for a in values for b in values):
            continue
        confidence = SETTINGS.head_count_confidence
        if any(claim.number.bound != "exact" for claim in values):
            confidence -= SETTINGS.approximate_penalty
        sides = "; ".join(
            f"{page_id} gives {_describe(claim)}" for page_id, claim in chosen.items()
        )
        conflicts.append(
            Conflict(
                kind=ConflictKind.PARTICIPANTS,
                page_ids=tuple(sorted(chosen)),
                claims=tuple(chosen[page_id] for page_id in sorted(chosen)),
                confidence=conflict_confidence(confidence, sides_by_page(values)),
                explanation=f"Head count of {role} differs: {sides}.",
                event_id=context.event.id,
            )
        )
    return conflicts

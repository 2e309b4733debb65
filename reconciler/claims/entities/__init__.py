"""People, places and organisations: found on each page, then one name per entity corpus-wide.

- ``extract(page)``: PERSON / PLACE / ORG claims of one page, with role, status and slot;
- ``resolve(claims)``: the same entity in any script or spelling gets one canonical Latin
  display name in ``normalized`` (and quote speakers get theirs in ``details["speaker"]``);
- ``same_entity(a, b)``: the name matcher both of them use.
"""

from __future__ import annotations

from reconciler.claims.entities.extract import Mention, extract_mentions
from reconciler.claims.entities.matching import same_entity
from reconciler.claims.entities.resolve import display_name, resolve
from reconciler.records import Claim, ClaimKind, Page

__all__ = ["extract", "resolve", "same_entity"]

_KINDS = {"person": ClaimKind.PERSON, "place": ClaimKind.PLACE, "org": ClaimKind.ORG}
_CONFIDENCE = {
    "title": 0.9,
    "alias": 0.9,
    "locative": 0.8,
    "recurrence": 0.8,
    "virtual": 0.8,
    "speech": 0.7,
    "meeting": 0.7,
    "mention": 0.6,
    "org": 0.6,
    "dateline": 0.5,
}


def _claim(page: Page, mention: Mention) -> Claim:
    details = dict(mention.details)
    slot = str(details.pop("slot", "mentioned"))
    details["surface"] = mention.lemma
    details["cue"] = details.get("cue", mention.cue)
    if mention.role:
        details["role"] = mention.role
    if mention.latin:
        details["latin"] = mention.latin
    if mention.place is not None:
        normalized = mention.place.name
    elif mention.cue == "virtual":
        normalized = "video conference"
    else:
        normalized = display_name(mention.latin or str(details.get("full_name", mention.lemma)))
    return Claim(
        kind=_KINDS[mention.kind],
        page_id=page.id,
        start=mention.start,
        end=mention.end,
        text=page.text[mention.start : mention.end],
        region=mention.region,
        normalized=normalized,
        confidence=_CONFIDENCE.get(mention.cue, 0.6),
        slot=slot,
        details=details,
    )


def extract(page: Page) -> list[Claim]:
    """PERSON / PLACE / ORG mentions of one page."""
    return [_claim(page, mention) for mention in extract_mentions(page)]

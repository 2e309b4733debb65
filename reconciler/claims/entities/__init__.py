"""People, places and organisations: found on each page, then one name per entity corpus-wide.

No NER model installs offline from PyPI with its weights (spaCy models are not on PyPI,
stanza/flair/gliner download at run time), so entities are found by what news text always
gives, one job per module: ``people`` (a title or role before the name, a speech verb after
it), ``places`` (locative cues and datelines checked against the ``gazetteer``),
``organisations``, ``recurrences`` (later uses of a name found once) and ``roles`` (what
each person does in the event); ``mentions`` holds what they share.

- ``extract(page)``: PERSON / PLACE / ORG claims of one page, with role, status and slot;
- ``resolve(claims)``: the same entity in any script or spelling gets one canonical Latin
  display name in ``normalized`` (and quote speakers get theirs in ``QuoteValue.speaker``);
- ``same_entity(a, b)``: the name matcher both of them use.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from reconciler.claims.entities.common import is_common_word
from reconciler.claims.entities.lexicon import lexicon_for
from reconciler.claims.entities.matching import same_entity
from reconciler.claims.entities.mentions import (
    CAPITALISED_SCRIPTS,
    Mention,
    common_word_person,
    deduplicated,
    dominant_script,
)
from reconciler.claims.entities.organisations import find_organisations
from reconciler.claims.entities.people import (
    persons_before_titles,
    persons_capitalised,
    persons_han,
    persons_meeting,
    persons_uncapitalised,
)
from reconciler.claims.entities.places import (
    dateline_places,
    mark_places,
    places_capitalised,
    places_han,
    places_uncapitalised,
)
from reconciler.claims.entities.recurrences import han_recurrences, latin_aliases, name_recurrences
from reconciler.claims.entities.resolve import display_name, resolve
from reconciler.claims.entities.roles import mark_people
from reconciler.claims.entities.settings import SETTINGS
from reconciler.claims.entities.text import words
from reconciler.records import Claim, ClaimKind, OrgValue, Page, PersonValue, PlaceValue, Slot

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


def _page_script(page: Page) -> str:
    return dominant_script(" ".join(page.region_text(region) for region in page.readable_regions()))


def extract_mentions(page: Page) -> list[Mention]:
    """Every person, place and organisation named in the page's readable regions."""
    regions = page.readable_regions()
    script = _page_script(page)
    lexicon = lexicon_for(page.lang, script)
    found: list[Mention] = []
    region_tokens = [(region, words(page.region_text(region), region.start)) for region in regions]
    for region, tokens in region_tokens:
        if script == "han":
            found += persons_han(page, region, lexicon) + places_han(page, region, lexicon)
        elif script in CAPITALISED_SCRIPTS:
            found += persons_capitalised(page, tokens, lexicon)
            found += places_capitalised(page, tokens, lexicon)
        else:
            titled = persons_uncapitalised(page, tokens, lexicon)
            titled += persons_before_titles(page, tokens, lexicon)
            found += titled + persons_meeting(page, tokens, lexicon, titled)
            found += places_uncapitalised(page, tokens, lexicon)
        found += dateline_places(page, region, lexicon)
        latin_aliases(page, region, tokens, lexicon, found)
    titled_twice = _titled_twice(found)
    found = [
        mention
        for mention in found
        if mention.lemma in titled_twice or not common_word_person(page, mention, script)
    ]
    people = [mention for mention in found if mention.kind == "person"]
    if script == "han":
        found += han_recurrences(page, regions, people)
    else:
        for _, tokens in region_tokens:
            found += name_recurrences(page, tokens, lexicon, people)
    for region, tokens in region_tokens:
        found += find_organisations(page, region, tokens, lexicon)
    found = deduplicated(found)
    found = [
        mention
        for mention in found
        if mention.lemma in titled_twice or not common_word_person(page, mention, script)
    ]
    found = _without_name_words_as_places(found)
    if script in CAPITALISED_SCRIPTS:
        found = _without_lone_common_words(page, found)
    people_at = [index for index, mention in enumerate(found) if mention.kind == "person"]
    marked_people = mark_people(page, [found[index] for index in people_at], lexicon)
    places_at = [index for index, mention in enumerate(found) if mention.kind == "place"]
    marked_places, virtual = mark_places(page, [found[index] for index in places_at], lexicon)
    for index, mention in (
        *zip(people_at, marked_people, strict=True),
        *zip(places_at, marked_places, strict=True),
    ):
        found[index] = mention
    found = [
        replace(mention, details={**mention.details, "slot": "mentioned"})
        if mention.kind == "org"
        else mention
        for mention in found
    ]
    if virtual is not None:
        found.append(virtual)
    return found


def _titled_twice(found: list[Mention]) -> frozenset[str]:
    """Names the page gives a title at least twice: a famous name can be a frequent word of
    its language, and a repeated title is the evidence that it is a person."""
    counts = Counter(
        mention.lemma for mention in found if mention.kind == "person" and mention.cue == "title"
    )
    return frozenset(name for name, count in counts.items() if count >= SETTINGS.titled_mentions)


def _without_name_words_as_places(found: list[Mention]) -> list[Mention]:
    """A city named like a word of a person's name on the page is that person ("Florence" of
    "Florence Parly" is not the Italian city); countries are named too often to be dropped."""
    name_words = {
        word.casefold()
        for mention in found
        if mention.kind == "person"
        for word in mention.lemma.split()
    }
    return [
        mention
        for mention in found
        if mention.kind != "place"
        or mention.place is None
        or mention.place.kind == "country"
        or mention.lemma.casefold() not in name_words
    ]


def _without_lone_common_words(page: Page, found: list[Mention]) -> list[Mention]:
    """ "King Bay", "Governor Street": a title before one capitalised word that is also a
    common word of the language names a person only if the page gives that person a
    longer name elsewhere ("President Trump" beside "Donald Trump")."""
    longer = {
        word.casefold()
        for mention in found
        if mention.kind == "person" and len(mention.lemma.split()) > 1
        for word in mention.lemma.split()
    }
    return [
        mention
        for mention in found
        if not (
            mention.kind == "person"
            and mention.cue == "title"
            and len(mention.lemma.split()) == 1
            and mention.lemma.casefold() not in longer
            and is_common_word(mention.lemma, page.lang, SETTINGS.lone_name_stoplist)
        )
    ]


def _value(mention: Mention) -> PersonValue | PlaceValue | OrgValue:
    facts = mention.details
    if mention.kind == "person":
        return PersonValue(
            surface=mention.lemma,
            cue=mention.cue,
            role=mention.role,
            latin=mention.latin,
            entity=str(facts["entity"]),
            full_name=str(facts["full_name"]),
            status=str(facts["status"]),
            substitute=bool(facts.get("substitute")),
        )
    if mention.kind == "place":
        return PlaceValue(
            surface=mention.lemma,
            cue=mention.cue,
            level=str(facts["level"]),
            country=str(facts["country"]),
            settlement=bool(facts.get("settlement")),
            latin=mention.latin,
        )
    return OrgValue(surface=mention.lemma, cue=mention.cue, latin=mention.latin)


def _claim(page: Page, mention: Mention, script: str) -> Claim:
    value = _value(mention)
    if mention.place is not None:
        normalized = mention.place.name
    elif mention.cue == "virtual":
        normalized = "video conference"
    elif isinstance(value, PersonValue):
        normalized = display_name(mention.latin or value.full_name)
    else:
        normalized = display_name(mention.latin or mention.lemma)
    return Claim.of(
        value,
        kind=_KINDS[mention.kind],
        page_id=page.id,
        start=mention.start,
        end=mention.end,
        text=page.text[mention.start : mention.end],
        region=mention.region,
        normalized=normalized,
        confidence=_CONFIDENCE.get(mention.cue, 0.6) - _homograph_penalty(page, mention, script),
        slot=Slot(str(mention.details.get("slot", Slot.MENTIONED))),
    )


def _homograph_penalty(page: Page, mention: Mention, script: str) -> float:
    """A place spelled like a common word of the page's language (a noun that also
    spells a foreign city)
    is less sure to be that place, in a script without capitals to tell them apart."""
    if mention.kind != "place" or mention.place is None or mention.place.kind == "country":
        return 0.0
    if script in CAPITALISED_SCRIPTS:
        return 0.0
    if is_common_word(mention.lemma, page.lang, SETTINGS.homograph_stoplist):
        return SETTINGS.homograph_penalty
    return 0.0


def extract(page: Page) -> list[Claim]:
    """PERSON / PLACE / ORG mentions of one page."""
    script = _page_script(page)
    return [_claim(page, mention, script) for mention in extract_mentions(page)]

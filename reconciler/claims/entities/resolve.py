"""Corpus-wide resolution: one canonical Latin display name per person or place.

Page-local entities (a full name and its surname-only mentions, grouped at extraction)
are merged across pages when their names match in any script (``same_entity``); two
entities of one page never merge, since the page already told them apart. Only clusters
that share a name key (``reconciler.names.index``) are compared, so a corpus is not
compared all against all. The display name is the most common Latin rendering: a page's
own "(Latin name)" first, then the spelling of Latin-script pages, then our romanisation
(a Korean written both in hanja and hangul by the hangul's).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from reconciler.claims.entities.gazetteer import lookup
from reconciler.names import display_name, same_entity
from reconciler.names.index import NameIndex
from reconciler.names.phonetics import skeleton
from reconciler.names.romanize import korean_hangul, name_tokens
from reconciler.names.scripts import script_of
from reconciler.records import Claim, ClaimKind, QuoteValue

_log = logging.getLogger(__name__)

# votes for a display name: a page's own "(Latin name)", a Latin page's spelling, ours
_ALIAS_WEIGHT = 30
_LATIN_PAGE_WEIGHT = 20
_ROMANISED_WEIGHT = 1


@dataclass
class _Cluster:
    names: list[str] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)
    votes: Counter[str] = field(default_factory=Counter)

    @property
    def best(self) -> str:
        return max(
            self.names, key=lambda name: (len(name_tokens(name)), script_of(name) == "latin")
        )

    def canonical(self) -> str:
        korean = self._korean()
        if korean is not None:
            return korean
        if not self.votes:
            return display_name(self.best)
        top = max(self.votes.values())
        leaders = [name for name, weight in self.votes.items() if weight == top]
        return max(leaders, key=lambda name: len(name.split()))

    def _korean(self) -> str | None:
        """Where no page spells the person in Latin letters but one writes a hanja name and
        another its Korean reading in hangul (尹锡悦, 윤석열), the person is Korean: shown
        by the hangul's romanisation, not by the hanja's Mandarin reading."""
        if any(script_of(name) == "latin" for name in self.names):
            return None
        hangul = {name for name in self.names if script_of(name) == "hangul"}
        for name in self.names:
            reading = korean_hangul(name) & hangul
            if reading:
                return display_name(min(reading))
        return None


@dataclass
class _Local:
    """One entity of one page: its names and the claims that mention it."""

    key: str
    page_id: str
    names: list[str]
    claims: list[int]
    votes: Counter[str]


def _local_entities(claims: Sequence[Claim]) -> list[_Local]:
    locals_: dict[str, _Local] = {}
    for position, claim in enumerate(claims):
        if claim.kind != ClaimKind.PERSON:
            continue
        person = claim.person
        full_name = person.full_name or person.surface or claim.text
        key = person.entity or f"{claim.page_id}#{claim.kind}:{full_name}"
        local = locals_.get(key)
        if local is None:
            local = _Local(key, claim.page_id, [full_name], [], Counter())
            locals_[key] = local
        local.claims.append(position)
        latin = person.latin
        if latin and latin not in local.names:
            local.names.append(latin)
        surface = person.surface or claim.text
        if latin:
            local.votes[latin] += _ALIAS_WEIGHT
        elif script_of(surface) == "latin" and len(surface.split()) > 1:
            local.votes[surface] += _LATIN_PAGE_WEIGHT
        else:
            local.votes[display_name(full_name)] += _ROMANISED_WEIGHT
    return list(locals_.values())


_MIN_SURNAME_SKELETON = 3


def _surname_match(mine: str, theirs: str) -> bool:
    """A one-word name merges only with the surname of a fuller one ("Lavrov", "Сергей Лавров").

    Two one-word names, or a short consonant-only word, are too weak to say two pages
    name one person.
    """
    tokens = name_tokens(theirs)
    if len(tokens) < 2:
        return False
    consonants = "".join(skeleton(token) for token in name_tokens(mine))
    if script_of(mine) == "arabic" and len(consonants) < _MIN_SURNAME_SKELETON:
        return False  # Arabic script writes no short vowels: "يصل" (arrives) ~ "Soylu"
    return same_entity(mine, theirs.split()[-1]) or same_entity(mine, tokens[-1])


def _supported(local: _Local, theirs: str) -> bool:
    full = [mine for mine in local.names if len(name_tokens(mine)) > 1]
    if full:
        return any(same_entity(mine, theirs) for mine in full)
    return any(_surname_match(mine, theirs) for mine in local.names)


def _matches(local: _Local, cluster: _Cluster, names: set[str]) -> int:
    """How many of the cluster's ``names`` (those the index let through) match the
    entity's (0: none)."""
    if local.page_id in cluster.pages:
        return 0
    return sum(1 for theirs in names if _supported(local, theirs))


def _clusters(locals_: list[_Local]) -> list[tuple[_Cluster, list[_Local]]]:
    ordered = sorted(locals_, key=lambda local: -max(len(name_tokens(n)) for n in local.names))
    clusters: list[tuple[_Cluster, list[_Local]]] = []
    index: NameIndex[int] = NameIndex()  # only clusters sharing name keys can match
    for local in ordered:
        scored = [
            (_matches(local, clusters[position][0], names), position)
            for position, names in index.candidate_names(local.names).items()
        ]
        best_score, best_position = max(scored, default=(0, -1))
        if best_score:
            cluster, members = clusters[best_position]
        else:
            best_position = len(clusters)
            cluster, members = _Cluster(), []
            clusters.append((cluster, members))
        for name in local.names:
            if name not in cluster.names:
                cluster.names.append(name)
                index.add(name, best_position)
        cluster.pages.add(local.page_id)
        cluster.votes.update(local.votes)
        members.append(local)
    return clusters


def _slug(kind: ClaimKind, name: str) -> str:
    return f"{kind}:" + "-".join(name_tokens(name) or (name.lower(),))


def _people_index(people: list[tuple[_Cluster, list[_Local]]]) -> NameIndex[int]:
    index: NameIndex[int] = NameIndex()
    for position, (cluster, _) in enumerate(people):
        for name in cluster.names:
            index.add(name, position)
    return index


def _speaker(
    claim: Claim, people: list[tuple[_Cluster, list[_Local]]], index: NameIndex[int]
) -> str:
    """The canonical name of a quote's speaker: a person of its page first, then anyone."""
    surface = claim.quote.speaker_surface
    candidates = sorted(index.candidates([surface]))
    on_page = [position for position in candidates if claim.page_id in people[position][0].pages]
    for position in (*on_page, *candidates):
        cluster = people[position][0]
        if any(same_entity(surface, name) for name in cluster.names):
            return cluster.canonical()
    return display_name(surface)


def _place_names(claims: Sequence[Claim]) -> dict[int, str]:
    """Canonical names of place claims: the gazetteer's, else the commonest Latin spelling."""
    names: dict[int, str] = {}
    unknown: list[tuple[list[str], list[int]]] = []
    index: NameIndex[int] = NameIndex()
    for position, claim in enumerate(claims):
        if claim.kind != ClaimKind.PLACE or claim.place.cue == "virtual":
            continue
        place = lookup(claim.normalized)
        if place is not None:
            names[position] = place.name
            continue
        spelling = claim.place.latin or claim.normalized
        for group in sorted(index.candidates([spelling])):
            spellings, positions = unknown[group]
            if any(same_entity(spelling, known) for known in spellings):
                spellings.append(spelling)
                positions.append(position)
                index.add(spelling, group)
                break
        else:
            index.add(spelling, len(unknown))
            unknown.append(([spelling], [position]))
    for spellings, positions in unknown:
        latin = [name for name in spellings if script_of(name) == "latin"]
        canonical = Counter(latin or spellings).most_common(1)[0][0]
        names.update(dict.fromkeys(positions, display_name(canonical)))
    return names


def _resolve(claims: Sequence[Claim]) -> list[Claim]:
    resolved = list(claims)
    for position, name in _place_names(claims).items():
        claim = resolved[position]
        place = replace(claim.place, entity_id=_slug(ClaimKind.PLACE, name))
        resolved[position] = replace(claim, normalized=name, value=place)
    clusters = _clusters(_local_entities(claims))
    for cluster, members in clusters:
        canonical = cluster.canonical()
        entity_id = _slug(ClaimKind.PERSON, canonical)
        for local in members:
            for position in local.claims:
                claim = resolved[position]
                person = replace(claim.person, entity_id=entity_id)
                resolved[position] = replace(claim, normalized=canonical, value=person)
    index = _people_index(clusters)
    for position, claim in enumerate(resolved):
        if isinstance(claim.value, QuoteValue) and claim.value.speaker_surface:
            quote = replace(claim.value, speaker=_speaker(claim, clusters, index))
            resolved[position] = replace(claim, value=quote)
    return resolved


def resolve(claims: Sequence[Claim]) -> list[Claim]:
    """All claims given; entity claims get a shared canonical ``normalized`` name."""
    try:
        return _resolve(claims)
    except Exception:  # resolution is an improvement, never a reason to lose claims
        _log.exception("entity resolution failed; claims returned unresolved")
        return list(claims)

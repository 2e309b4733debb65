"""What each person does in the page's event: participant or mentioned, present, absent or
replaced, and a substitute who stood in."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, replace

from reconciler.claims.entities.lexicon import Lexicon
from reconciler.claims.entities.matching import same_entity
from reconciler.claims.entities.mentions import (
    Mention,
    contains_any,
    inside_any,
    lede_spans,
    region_sentences,
    sentence_of,
)
from reconciler.records import Page


def _person_status(page: Page, mention: Mention, stop: int, lexicon: Lexicon) -> str:
    """present, absent ("did not travel", "যাননি") or replaced ("instead of X", "X-র বদলে")."""
    if lexicon.postpositional:
        right_after = page.text[mention.end : mention.end + 12].lower()
        replaced = any(cue.lower() in right_after for cue in lexicon.replacement_cues)
    else:
        before = _without_trailing_titles(
            page.text[max(0, mention.start - 60) : mention.start].lower().rstrip(), lexicon
        )
        replaced = any(before.endswith(cue.lower()) for cue in lexicon.replacement_cues)
    if replaced:
        return "replaced"
    if contains_any(page.text[mention.end : stop], lexicon.absence_cues):
        return "absent"
    return "present"


def _without_trailing_titles(before: str, lexicon: Lexicon) -> str:
    """ "نيابة عن صاحب السمو الأمير" → "نيابة عن": honorifics between a cue and its name."""
    honorifics = sorted(
        {word.lower() for word in (*lexicon.titles, *lexicon.role_words)}, key=len, reverse=True
    )
    changed = True
    while changed:
        changed = False
        for word in honorifics:
            if before.endswith(" " + word) or before == word:
                before = before[: -len(word)].rstrip()
                changed = True
                break
    return before


def _is_substitute(
    page: Page, mention: Mention, sentence_start: int, starts: list[int], lexicon: Lexicon
) -> bool:
    """The first person named after "instead"/"তাঁর পরিবর্তে" in a sentence stood in."""
    before = page.text[sentence_start : mention.start]
    cue = contains_any(before, lexicon.substitute_cues)
    if not cue:
        return False
    cue_end = sentence_start + before.lower().rindex(cue.lower()) + len(cue)
    return not any(cue_end <= start < mention.start for start in starts)


@dataclass
class _Entity:
    positions: list[int]  # where its mentions stand in the list of the page's people
    mentions: list[Mention]

    @property
    def lemma(self) -> str:
        """The fullest name, and of those the one the page uses most."""
        counts = Counter(mention.lemma for mention in self.mentions)
        return max(counts, key=lambda lemma: (len(lemma.split()), counts[lemma]))


def _group(people: list[Mention]) -> list[_Entity]:
    """Mentions of one person on the page: "Sergei Lavrov", "Lavrov", "Лаврова"."""
    entities: list[_Entity] = []
    for position, mention in sorted(enumerate(people), key=lambda pm: -len(pm[1].lemma.split())):
        for entity in entities:
            if same_entity(entity.lemma, mention.lemma):
                entity.positions.append(position)
                entity.mentions.append(mention)
                break
        else:
            entities.append(_Entity([position], [mention]))
    return entities


def mark_people(page: Page, people: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """The page's people with their entity, full name, status and slot (in their order)."""
    marked = list(people)
    sentences = region_sentences(page, page.readable_regions())
    lede = lede_spans(page)
    starts = sorted(mention.start for mention in people)
    for entity_number, entity in enumerate(_group(people)):
        statuses = set()
        participates = False
        substitutes = set()
        for position, mention in zip(entity.positions, entity.mentions, strict=True):
            sentence_start, sentence_end = sentence_of(mention.start, sentences)
            later = bisect.bisect_right(starts, mention.start)
            next_person = starts[later] if later < len(starts) else sentence_end
            stop = min(sentence_end, next_person)
            statuses.add(_person_status(page, mention, stop, lexicon))
            sentence = page.text[sentence_start:sentence_end]
            greeting = bool(contains_any(sentence, lexicon.greeting_cues))
            attending = bool(contains_any(sentence, lexicon.attendance_cues))
            substitute = _is_substitute(page, mention, sentence_start, starts, lexicon)
            if substitute:
                substitutes.add(position)
            if attending or substitute or (inside_any(mention.start, lede) and not greeting):
                participates = True
        status = next((kind for kind in ("replaced", "absent") if kind in statuses), "present")
        role = next((mention.role for mention in entity.mentions if mention.role), "")
        latin = next((mention.latin for mention in entity.mentions if mention.latin), "")
        for position, mention in zip(entity.positions, entity.mentions, strict=True):
            details = {
                **mention.details,
                **({"substitute": True} if position in substitutes else {}),
                "entity": f"{page.id}#p{entity_number}",
                "full_name": entity.lemma,
                "status": status
                if status != "present"
                else ("present" if participates else "mentioned"),
                "slot": "participant" if participates or status != "present" else "mentioned",
            }
            marked[position] = replace(
                mention, role=mention.role or role, latin=mention.latin or latin, details=details
            )
    return marked

"""Organisations: runs of capitalised words with an organisation word ("ministry",
"Survey"), and abbreviations."""

from __future__ import annotations

import re

from reconciler.claims.entities.gazetteer import lookup
from reconciler.claims.entities.lexicon import Lexicon
from reconciler.claims.entities.mentions import (
    CAPITALISED_SCRIPTS,
    HAN,
    Mention,
    adjacent,
    capitalised_run,
    is_abbreviation,
    is_org_word,
    is_stop,
)
from reconciler.claims.entities.text import (
    Word,
    strip_case_suffix,
)
from reconciler.records import Page, Region


def find_organisations(
    page: Page, region: Region, tokens: list[Word], lexicon: Lexicon
) -> list[Mention]:
    """Organisations: names built on an organisation word ("Security Council", "সহযোগিতা সংস্থা")."""
    found = []
    if lexicon.script == "han":
        pattern = rf"[{HAN}]{{2,8}}?(?:组织|委员会|通讯社|外交部|理事会)"
        for match in re.finditer(pattern, page.region_text(region)):
            start = region.start + match.start()
            found.append(
                Mention("org", start, start + len(match.group()), match.group(), region.kind, "org")
            )
        return found
    text = page.text
    index = 0
    while index < len(tokens):
        word = tokens[index].text
        if lexicon.script in CAPITALISED_SCRIPTS:
            run = capitalised_run(text, tokens, index)
            span = tokens[index : index + run]
            if (run and any(is_org_word(token.text, lexicon) for token in span)) or (
                run == 1 and is_abbreviation(word) and lookup(word) is None
            ):
                found.append(
                    Mention(
                        "org",
                        span[0].start,
                        span[-1].end,
                        text[span[0].start : span[-1].end],
                        region.kind,
                        "org",
                    )
                )
            index += max(run, 1)
            continue
        if word in lexicon.org_words or strip_case_suffix(word, lexicon) in lexicon.org_words:
            first = index
            while (
                first > index - 2
                and first > 0
                and not is_stop(tokens[first - 1].text, lexicon)
                and adjacent(text, tokens[first - 1], tokens[first])
            ):
                first -= 1
            if first < index:
                stem = strip_case_suffix(word, lexicon)
                end = tokens[index].start + len(stem)
                found.append(
                    Mention(
                        "org",
                        tokens[first].start,
                        end,
                        text[tokens[first].start : end],
                        region.kind,
                        "org",
                    )
                )
        index += 1
    return found

"""Entity-resolution benchmark: the corpus-wide ``resolve`` step alone, on a large corpus.

Two corpora of --pages pages: "copies", the entity claims of a dataset's pages (real-dev
by default) copied under new page ids, so one story's few people recur on every page;
and "many people", where each page names --people-per-page people drawn at random from a
list of names in many scripts (--names: the first two columns of a TSV such as
../shared/names/pairs.tsv), so thousands of distinct people must be told apart, the case
that is quadratic when every entity is compared with every cluster. Writes a JSON of the
seconds and pages/s of ``resolve`` on each, and how many people clusters it made.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import time
from dataclasses import replace
from pathlib import Path

from reconciler import ingest
from reconciler.claims.entities import extract, resolve
from reconciler.records import Claim, ClaimKind, PersonValue, RegionKind

ROOT = Path(__file__).resolve().parent.parent


def corpus_claims(dataset: Path, wanted: int) -> list[Claim]:
    pages = ingest.load([dataset]).pages
    extracted = [extract(page) for page in pages]
    claims: list[Claim] = []
    for copy in range(wanted // max(1, len(pages)) + 1):
        for page, page_claims in zip(pages, extracted, strict=False):
            if copy * len(pages) + pages.index(page) >= wanted:
                return claims
            page_id = f"{page.id}~{copy}"
            claims.extend(replace(claim, page_id=page_id) for claim in page_claims)
    return claims


def many_people_claims(names_file: Path, pages: int, per_page: int) -> list[Claim]:
    with names_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    names = sorted({name for row in rows for name in row[:2]})
    chooser = random.Random(16)
    claims = []
    for page in range(pages):
        for name in chooser.sample(names, per_page):
            person = PersonValue(
                surface=name,
                cue="title",
                role="",
                latin="",
                entity=f"p{page}#{name}",
                full_name=name,
                status="mentioned",
                substitute=False,
            )
            claims.append(
                Claim(
                    ClaimKind.PERSON,
                    f"p{page}",
                    0,
                    1,
                    name,
                    RegionKind.BODY,
                    name,
                    0.7,
                    value=person,
                )
            )
    return claims


def _timed(claims: list[Claim], pages: int) -> dict[str, float | int]:
    started = time.perf_counter()
    resolved = resolve(claims)
    seconds = time.perf_counter() - started
    people = {c.person.entity_id for c in resolved if c.kind == ClaimKind.PERSON}
    return {
        "person_claims": sum(1 for claim in claims if claim.kind == ClaimKind.PERSON),
        "people": len(people),
        "resolve_seconds": round(seconds, 2),
        "resolve_pages_per_second": round(pages / seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=ROOT.parent / "shared/datasets/real-dev")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--names", type=Path, default=ROOT.parent / "shared/names/pairs.tsv")
    parser.add_argument("--people-per-page", type=int, default=8)
    parser.add_argument("--output", type=Path, default=ROOT / "out" / "bench_resolution.json")
    arguments = parser.parse_args()

    figures: dict[str, object] = {"pages": arguments.pages}
    if arguments.dataset.exists():
        copies = corpus_claims(arguments.dataset, arguments.pages)
        figures["copies"] = {"dataset": str(arguments.dataset), **_timed(copies, arguments.pages)}
    if arguments.names.exists():
        people = many_people_claims(arguments.names, arguments.pages, arguments.people_per_page)
        figures["many_people"] = {"names": str(arguments.names), **_timed(people, arguments.pages)}
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()

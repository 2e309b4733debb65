"""What one very large page costs: reading it, and each claim extractor on it.

Builds a page of --megabytes MB from the dev set's articles (their paragraphs repeated, in
every language of the set), as HTML and as one single line of text, and writes a JSON of the
seconds each step took and the peak memory. Ingest cuts the visible text at
``IngestSettings.max_text_chars``; --no-cut measures the extractors on the whole text.
"""

from __future__ import annotations

import argparse
import html
import json
import platform
import resource
import tempfile
import time
from pathlib import Path

from reconciler import ingest
from reconciler.claims import EXTRACTORS
from reconciler.ingest import IngestSettings
from reconciler.records import Page, RegionKind

ROOT = Path(__file__).resolve().parent.parent


def article_paragraphs(dataset: Path) -> list[str]:
    """The body lines of every dev page: real prose in every language of the set."""
    paragraphs = []
    for page in ingest.load([dataset]).pages:
        for region in page.regions_of(RegionKind.BODY):
            paragraphs += [line for line in page.region_text(region).split("\n") if line.strip()]
    return paragraphs


def big_html(paragraphs: list[str], size: int) -> str:
    head = "<!DOCTYPE html><html><head><title>A very long page</title></head><body><article>"
    parts = [head, "<h1>A very long page of many paragraphs</h1>"]
    length, index = len(head), 0
    while length < size:
        piece = f"<p>{html.escape(paragraphs[index % len(paragraphs)])}</p>\n"
        parts.append(piece)
        length += len(piece.encode("utf-8"))
        index += 1
    return "".join(parts) + "</article></body></html>"


def _single_line(paragraphs: list[str], size: int) -> str:
    """The paragraphs on one line, ``size`` bytes of UTF-8 (the last character whole)."""
    line = " ".join(paragraphs)
    line = line * (size // len(line.encode("utf-8")) + 1)
    return line.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def timed_page(path: Path, settings: IngestSettings) -> tuple[Page | None, float, list[str]]:
    started = time.perf_counter()
    loaded = ingest.load([path], settings=settings)
    seconds = time.perf_counter() - started
    return (loaded.pages[0] if loaded.pages else None), seconds, [str(e) for e in loaded.errors]


def extractor_seconds(page: Page) -> dict[str, float]:
    seconds = {}
    for extractor in EXTRACTORS:
        started = time.perf_counter()
        extractor(page)
        seconds[f"{extractor.__module__}.{extractor.__name__}"] = round(
            time.perf_counter() - started, 3
        )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=ROOT / "tests" / "data" / "dev")
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--no-cut", action="store_true", help="extract from the whole text")
    parser.add_argument("--output", type=Path, default=ROOT / "out" / "big_page.json")
    arguments = parser.parse_args()

    size = int(arguments.megabytes * 1024 * 1024)
    settings = IngestSettings(max_text_chars=size) if arguments.no_cut else IngestSettings()
    paragraphs = article_paragraphs(arguments.dataset)
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        document = big_html(paragraphs, size)
        variants = {
            "html": (Path(folder) / "big.html", document),
            "single_line_text": (Path(folder) / "big.txt", _single_line(paragraphs, size)),
        }
        for name, (path, content) in variants.items():
            path.write_text(content, encoding="utf-8")
            page, read_seconds, errors = timed_page(path, settings)
            entry: dict[str, object] = {
                "bytes": path.stat().st_size,
                "read_seconds": round(read_seconds, 3),
                "errors": errors,
            }
            if page is not None:
                extractors = extractor_seconds(page)
                entry |= {
                    "text_characters": len(page.text),
                    "extractor_seconds": extractors,
                    "total_seconds": round(read_seconds + sum(extractors.values()), 3),
                }
            results[name] = entry
    report = {
        "megabytes": arguments.megabytes,
        "max_text_chars": settings.max_text_chars,
        "pages": results,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": platform.platform(),
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

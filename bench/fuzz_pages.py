"""Generated hostile pages through ingest and the claim extractors: 0 crashes expected.

Writes --pages generated inputs to a temporary folder: the dev set's pages cut, spliced and
sprinkled with control characters, escapes, surrogates and markup; re-encoded in legacy
encodings (declared or not); random bytes; legacy Bengali font text; URL lists; empty files;
and a JSONL file of records, some of them broken. Then reads them all with ``ingest.load`` and
runs every claim extractor on every page read. A crash is an exception that escapes either;
every error must be one line. The JSON out counts pages, errors (by kind) and crashes.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from reconciler import ingest
from reconciler.claims import extract_claims

ROOT = Path(__file__).resolve().parent.parent
NASTY = [
    "\x00",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\ud800",
    "\u202e",
    "\ufeff",
    "\r",
    "\u2028",
    "::add-mask::x",
    "@user",
    "<script>alert(1)</script>",
    "&#0;",
    "<",
    "]]>",
    "\x85",
    "\x7f",
]
ENCODINGS = ["cp1251", "koi8-r", "gb18030", "shift_jis", "euc-kr", "big5", "cp1256", "cp1252"]
BIJOY = "Avwg evsjvq Mvb MvB| Avgvi bvg Kwei| Avwg XvKvq _vwK| "


def mutated(rng: random.Random, raw: str) -> str:
    start = rng.randrange(len(raw))
    text = raw[start : start + rng.randint(50, 4000)]
    for _ in range(rng.randint(0, 12)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(NASTY) + text[at:]
    if rng.random() < 0.3:
        other = rng.randrange(len(raw))
        text += raw[other : other + rng.randint(0, 2000)]
    return text


def generate(rng: random.Random, sources: list[str], folder: Path, count: int) -> int:
    """Write ``count`` inputs: files, and one JSONL file holding a fifth of them."""
    records = []
    for number in range(count):
        raw = rng.choice(sources)
        kind = rng.random()
        name = f"{number:05d}"
        if kind < 0.2:
            records.append(_record(rng, raw, number))
            continue
        if kind < 0.55:
            data = mutated(rng, raw).encode("utf-8", "surrogatepass")
            suffix = rng.choice([".txt", ".html"])
        elif kind < 0.75:
            encoding = rng.choice(ENCODINGS)
            text = mutated(rng, raw).encode(encoding, "replace")
            meta = f'<meta charset="{encoding}">'.encode() if rng.random() < 0.5 else b""
            data, suffix = b"<html><head>" + meta + b"</head><body><p>" + text, ".html"
        elif kind < 0.85:
            data, suffix = rng.randbytes(rng.randint(0, 3000)), rng.choice([".txt", ".html"])
        elif kind < 0.9:
            data, suffix = (BIJOY * rng.randint(1, 20)).encode(), ".txt"
        elif kind < 0.95:
            urls = "\n".join(f"https://news.example/{rng.randrange(10**6)}" for _ in range(5))
            data, suffix = urls.encode(), ".txt"
        else:
            encoding = rng.choice(["utf-16-le", "utf-16-be", "utf-16"])
            data = mutated(rng, raw).encode(encoding, "surrogatepass")
            suffix = ".txt"
        (folder / f"{name}{suffix}").write_bytes(data)
    lines = [_jsonl_line(rng, record) for record in records]
    (folder.parent / "records.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    return count


def _record(rng: random.Random, raw: str, number: int) -> dict[str, object]:
    key = "html" if raw.lstrip().startswith("<") else "text"
    return {"id": f"r{number}{rng.choice(NASTY)}", key: mutated(rng, raw)}


def _jsonl_line(rng: random.Random, record: dict[str, object]) -> bytes:
    line = json.dumps(record).encode()
    roll = rng.random()
    if roll < 0.05:
        return line[: rng.randrange(len(line))]  # cut short
    if roll < 0.08:
        return b"\x00" * rng.randint(1, 300)
    if roll < 0.1:
        return line.replace(b"\\u00e9", b"\xe9")  # not UTF-8
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=ROOT / "tests" / "data" / "dev")
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--output", type=Path, default=ROOT / "out" / "fuzz_pages.json")
    arguments = parser.parse_args()

    rng = random.Random(arguments.seed)
    sources = [page.raw or page.text for page in ingest.load([arguments.dataset]).pages]
    crashes: list[str] = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "pages"
        folder.mkdir()
        generate(rng, sources, folder, arguments.pages)
        started = time.perf_counter()
        try:
            loaded = ingest.load([folder, folder.parent / "records.jsonl"])
        except Exception:
            crashes.append("ingest: " + traceback.format_exc().strip().splitlines()[-1])
            loaded = ingest.Loaded((), ())
        read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    claims = 0
    for page in loaded.pages:
        try:
            claims += len(extract_claims(page))
        except Exception:
            crashes.append(f"claims {page.id!r}: " + traceback.format_exc().splitlines()[-1])
    claim_seconds = time.perf_counter() - started
    multi_line = [str(error) for error in loaded.errors if "\n" in error.message]
    report = {
        "generated": arguments.pages,
        "seed": arguments.seed,
        "pages_read": len(loaded.pages),
        "errors": len(loaded.errors),
        "errors_by_message": Counter(
            error.message.split(":")[0].split("(")[0].strip()[:60] for error in loaded.errors
        ).most_common(),
        "multi_line_errors": multi_line[:10],
        "crashes": len(crashes),
        "crash_examples": crashes[:10],
        "claims": claims,
        "read_seconds": round(read_seconds, 1),
        "claim_seconds": round(claim_seconds, 1),
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

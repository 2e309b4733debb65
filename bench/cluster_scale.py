"""Clustering at scale with vectors given: seconds and peak memory at each size, one child
process per size (so each peak is its own), and the fitted growth exponent.

Pages are synthetic: stories of 1 to 40 reports around a random direction, in six
languages (each with its own offset, as a multilingual model gives), dated near the story's
day, with a cast drawn from the story's people. Stories are spread over as many days as a
steady crawl of ``PAGES_PER_DAY`` takes to gather them (100k pages: one year), as a corpus
grows: more pages means a longer span, not ever more stories on the same days. Sizes beyond
what fits the machine's time are simulated by ``--simulate``: the per-page cost of the
largest measured size, scaled by the fitted exponent.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from reconciler.cluster import ClusterSettings, PageSignals, cluster_pages

DIMENSION = 384
LANGUAGES = ("en", "ru", "ar", "hi", "zh", "es")
PAGES_PER_DAY = 274  # 100k pages a year


def synthetic_signals(count: int, seed: int = 0) -> list[PageSignals]:
    draw = np.random.default_rng(seed)
    language_offsets = draw.normal(size=(len(LANGUAGES), DIMENSION)).astype(np.float32)
    signals: list[PageSignals] = []
    story = 0
    start = date(2026, 1, 1)
    while len(signals) < count:
        reports = int(min(40, draw.zipf(1.8)))
        centre = draw.normal(size=DIMENSION).astype(np.float32)
        day = start + timedelta(days=int(draw.integers(0, max(1, count // PAGES_PER_DAY))))
        cast = [f"person-{story}-{k}" for k in range(int(draw.integers(0, 4)))]
        for report in range(min(reports, count - len(signals))):
            language = int(draw.integers(len(LANGUAGES)))
            vector = centre + 0.9 * draw.normal(size=DIMENSION) + 0.6 * language_offsets[language]
            vector /= np.linalg.norm(vector)
            people = frozenset(p for p in cast if draw.random() < 0.7)
            signals.append(
                PageSignals(
                    page_id=f"s{story}-{report}",
                    lang=LANGUAGES[language],
                    vector=vector.astype(np.float32),
                    event_date=day + timedelta(days=int(draw.integers(-1, 2))),
                    date_confidence=float(draw.uniform(0.3, 1.0)),
                    people=people,
                )
            )
        story += 1
    return signals


def peak_mib() -> float:
    """This process's peak resident memory. Read from /proc, not getrusage: a child started
    by a large parent inherits the parent's peak in ``ru_maxrss``."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def measure(count: int) -> dict[str, float]:
    signals = synthetic_signals(count)
    started, cpu = time.perf_counter(), time.process_time()
    events = cluster_pages(signals, ClusterSettings())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "pages": count,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_mib": peak_mib(),
        "events": len(events),
    }


def in_child(count: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--one", str(count)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])  # type: ignore[no-any-return]


def growth_exponent(runs: list[dict[str, float]], clock: str) -> float:
    sizes = np.log([run["pages"] for run in runs])
    times = np.log([run[clock] for run in runs])
    return float(np.polyfit(sizes, times, 1)[0])


def scale(sizes: list[int], simulate: int) -> dict[str, object]:
    """The growth exponent is fitted to CPU seconds: on a machine shared with other work the
    wall time of a run depends on the load while it ran (the wall fit is reported too)."""
    runs = [in_child(size) for size in sizes]
    exponent = growth_exponent(runs, "cpu_seconds")
    largest = runs[-1]
    simulated = largest["seconds"] * (simulate / largest["pages"]) ** exponent
    return {
        "runs": runs,
        "growth_exponent": round(exponent, 3),
        "growth_exponent_wall": round(growth_exponent(runs, "seconds"), 3),
        "simulated": {"pages": simulate, "seconds": round(simulated, 1), "from": "exponent"},
        "note": f"simulated {simulate} = largest measured run scaled by the fitted exponent",
        "exact_search_below": ClusterSettings().search.exact_below,
        "log_sizes": [round(math.log10(run["pages"]), 2) for run in runs],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", type=int, help="measure one size in this process")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--simulate", type=int, default=1_000_000)
    parser.add_argument("--output", type=Path)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(measure(arguments.one)))
        return
    figures = scale(arguments.sizes, arguments.simulate)
    text = json.dumps(figures, indent=2)
    if arguments.output:
        arguments.output.parent.mkdir(parents=True, exist_ok=True)
        arguments.output.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

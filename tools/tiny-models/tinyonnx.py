"""Shared helpers for the tiny test models: an ONNX graph builder, transformer blocks, q8 quantization,
tokenizer JSON helpers and deterministic file output.

Graphs are built directly with `onnx.helper` (no `transformers` python package is available here), so
every op is explicit and the files are byte-for-byte reproducible from the fixed seeds.
"""

from __future__ import annotations

import json
import math
import os
from typing import Iterable, Sequence

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17  # LayerNormalization is a standard op from 17; onnxruntime-node 1.30 runs it.
IR_VERSION = 8
NEG_INF = -1e9  # additive mask value: exp() underflows to exactly 0 in float32

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


# --------------------------------------------------------------------------- graph building


class Graph:
    """Collects nodes of one ONNX graph (or If-branch subgraph). Initializers always live in the
    root graph, so branches can reference them from the outer scope and quantization sees them all."""

    def __init__(self, name: str, root: "Graph | None" = None):
        self.name = name
        self.root = root or self
        self.nodes: list[onnx.NodeProto] = []
        self.inputs: list[onnx.ValueInfoProto] = []
        self.outputs: list[onnx.ValueInfoProto] = []
        if root is None:
            self.initializers: list[onnx.TensorProto] = []
            self._counter = 0

    def fresh(self, hint: str) -> str:
        self.root._counter += 1
        return f"{hint}_{self.root._counter}"

    def branch(self, name: str) -> "Graph":
        return Graph(name, root=self.root)

    # inputs / outputs / constants
    def input(self, name: str, elem: int, shape: Sequence[int | str]) -> str:
        self.inputs.append(helper.make_tensor_value_info(name, elem, list(shape)))
        return name

    def output(self, value: str, name: str, elem: int = TensorProto.FLOAT, shape: Sequence[int | str] | None = None):
        if value != name:
            self.op("Identity", [value], out=name)
        self.outputs.append(helper.make_tensor_value_info(name, elem, None if shape is None else list(shape)))

    def const(self, array: np.ndarray, hint: str = "const") -> str:
        name = self.fresh(hint)
        self.root.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def i64(self, values: Iterable[int] | int, hint: str = "i64") -> str:
        return self.const(np.array(values, dtype=np.int64), hint)

    def f32(self, value: float, hint: str = "f32") -> str:
        return self.const(np.array(value, dtype=np.float32), hint)

    def op(self, op_type: str, inputs: Sequence[str], out: str | None = None, n_out: int = 1, **attrs):
        outs = [out] if out else [self.fresh(op_type.lower()) for _ in range(n_out)]
        self.nodes.append(helper.make_node(op_type, list(inputs), outs, name=self.fresh("n_" + op_type), **attrs))
        return outs[0] if n_out == 1 else outs

    def proto(self) -> onnx.GraphProto:
        inits = self.initializers if self.root is self else []
        return helper.make_graph(self.nodes, self.name, self.inputs, self.outputs, inits)

    # shape helpers
    def dim(self, x: str, axis: int) -> str:
        """Size of `x` along `axis`, as a 1-element int64 tensor."""
        return self.op("Shape", [x], start=axis, end=axis + 1)

    def scalar(self, x: str) -> str:
        return self.op("Squeeze", [x, self.i64([0], "axes")])

    def rows(self, table: str, start: str, end: str) -> str:
        """table[start:end] along axis 0 (1-element int64 bounds). A Slice rather than Gather(Range):
        onnxruntime rewrites the latter into a Slice with scalar bounds, which it then rejects."""
        return self.op("Slice", [table, start, end, self.i64([0], "axes")])


def linear(g: Graph, x: str, wb: tuple[str, str]) -> str:
    return g.op("Add", [g.op("MatMul", [x, wb[0]]), wb[1]])


def layer_norm(g: Graph, x: str, gb: tuple[str, str], eps: float) -> str:
    return g.op("LayerNormalization", [x, gb[0], gb[1]], axis=-1, epsilon=eps)


def split_heads(g: Graph, x: str, heads: int, head_dim: int) -> str:
    """[B, T, D] -> [B, H, T, Dh]"""
    return g.op("Transpose", [g.op("Reshape", [x, g.i64([0, 0, heads, head_dim], "shape")])], perm=[0, 2, 1, 3])


def merge_heads(g: Graph, x: str, d_model: int) -> str:
    """[B, H, T, Dh] -> [B, T, D]"""
    return g.op("Reshape", [g.op("Transpose", [x], perm=[0, 2, 1, 3]), g.i64([0, 0, d_model], "shape")])


def attention(g: Graph, q: str, k: str, v: str, mask: str | None, head_dim: int) -> str:
    """Scaled dot-product attention on [B, H, T, Dh] tensors; `mask` is additive and broadcastable."""
    scores = g.op("MatMul", [q, g.op("Transpose", [k], perm=[0, 1, 3, 2])])
    scores = g.op("Mul", [scores, g.f32(1.0 / math.sqrt(head_dim), "scale")])
    if mask is not None:
        scores = g.op("Add", [scores, mask])
    return g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])


def padding_mask(g: Graph, attention_mask: str) -> str:
    """int64 [B, S] of 1/0 -> additive float [B, 1, 1, S]."""
    m = g.op("Cast", [attention_mask], to=TensorProto.FLOAT)
    m = g.op("Mul", [g.op("Sub", [g.f32(1.0, "one"), m]), g.f32(NEG_INF, "neg")])
    return g.op("Unsqueeze", [m, g.i64([1, 2], "axes")])


def silu(g: Graph, x: str) -> str:
    return g.op("Mul", [x, g.op("Sigmoid", [x])])


def gelu(g: Graph, x: str) -> str:
    """Exact (erf) GELU, as BERT's "gelu"."""
    inner = g.op("Erf", [g.op("Mul", [x, g.f32(1.0 / math.sqrt(2.0), "rsqrt2")])])
    return g.op("Mul", [g.op("Mul", [x, g.f32(0.5, "half")]), g.op("Add", [inner, g.f32(1.0, "one")])])


def make_model(g: Graph, producer: str) -> onnx.ModelProto:
    model = helper.make_model(
        g.proto(), producer_name=producer, opset_imports=[helper.make_opsetid("", OPSET)], ir_version=IR_VERSION
    )
    onnx.checker.check_model(model)
    return model


# --------------------------------------------------------------------------- q8 (dynamic int8) quantization


def _walk_graphs(graph: onnx.GraphProto):
    yield graph
    for node in graph.node:
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                yield from _walk_graphs(attr.g)


def quantize_dynamic(model: onnx.ModelProto) -> onnx.ModelProto:
    """Dynamic int8 quantization of every MatMul whose weight is an initializer, in the same pattern
    onnxruntime's `quantize_dynamic` writes (DynamicQuantizeLinear + MatMulInteger + rescale): this is
    what the `_quantized` (dtype "q8") files of transformers.js models contain. Weights are per-tensor
    symmetric int8; activations are quantized to uint8 at run time."""
    q = onnx.ModelProto()
    q.CopyFrom(model)
    root = q.graph
    inits = {t.name: t for t in root.initializer}
    quantized: dict[str, tuple[str, str, str]] = {}
    uses = 0

    for graph in _walk_graphs(root):
        new_nodes: list[onnx.NodeProto] = []
        for node in graph.node:
            w_name = node.input[1] if node.op_type == "MatMul" else None
            if w_name not in inits:
                new_nodes.append(node)
                continue
            if w_name not in quantized:
                w = numpy_helper.to_array(inits[w_name]).astype(np.float32)
                scale = max(float(np.abs(w).max()) / 127.0, 1e-8)
                wq = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
                names = (w_name + "_quantized", w_name + "_scale", w_name + "_zero_point")
                root.initializer.append(numpy_helper.from_array(wq, names[0]))
                root.initializer.append(numpy_helper.from_array(np.array(scale, dtype=np.float32), names[1]))
                root.initializer.append(numpy_helper.from_array(np.array(0, dtype=np.int8), names[2]))
                quantized[w_name] = names
            wq_name, ws_name, wzp_name = quantized[w_name]
            uses += 1
            p = f"{node.name}_q{uses}"
            x = node.input[0]
            new_nodes += [
                helper.make_node(
                    "DynamicQuantizeLinear", [x], [p + "_xq", p + "_xs", p + "_xzp"], name=p + "_DynamicQuantizeLinear"
                ),
                helper.make_node(
                    "MatMulInteger", [p + "_xq", wq_name, p + "_xzp", wzp_name], [p + "_int"], name=p + "_MatMulInteger"
                ),
                helper.make_node("Cast", [p + "_int"], [p + "_float"], to=TensorProto.FLOAT, name=p + "_Cast"),
                helper.make_node("Mul", [p + "_xs", ws_name], [p + "_s"], name=p + "_ScaleMul"),
                helper.make_node("Mul", [p + "_float", p + "_s"], [node.output[0]], name=p + "_Mul"),
            ]
        del graph.node[:]
        graph.node.extend(new_nodes)

    # fp32 weights that are now only read through their quantized copy are dropped
    still_used = {i for graph in _walk_graphs(root) for n in graph.node for i in n.input}
    keep = [t for t in root.initializer if t.name in still_used]
    del root.initializer[:]
    root.initializer.extend(keep)
    onnx.checker.check_model(q)
    return q


# --------------------------------------------------------------------------- output files


def out_dir(*parts: str) -> str:
    path = os.path.join(REPO, *parts)
    os.makedirs(os.path.join(path, "onnx"), exist_ok=True)
    return path


def write_json(path: str, data) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def save_onnx_pair(model: onnx.ModelProto, folder: str, base: str) -> None:
    """Writes `onnx/<base>.onnx` (fp32) and `onnx/<base>_quantized.onnx` (the file dtype "q8" loads)."""
    onnx.save(model, os.path.join(folder, "onnx", base + ".onnx"))
    onnx.save(quantize_dynamic(model), os.path.join(folder, "onnx", base + "_quantized.onnx"))


def report_sizes(folder: str) -> None:
    total = 0
    for dirpath, _, files in sorted(os.walk(folder)):
        for f in sorted(files):
            p = os.path.join(dirpath, f)
            total += os.path.getsize(p)
            print(f"  {os.path.relpath(p, REPO)}: {os.path.getsize(p):,} bytes")
    print(f"  total: {total:,} bytes")


# --------------------------------------------------------------------------- tokenizers (HF tokenizers JSON)


def special_token(token_id: int, content: str) -> dict:
    return {
        "id": token_id,
        "content": content,
        "single_word": False,
        "lstrip": False,
        "rstrip": False,
        "normalized": False,
        "special": True,
    }


def words(text: str) -> list[str]:
    """Whitespace-separated word list, duplicates removed, order kept."""
    seen: dict[str, None] = {}
    for w in text.split():
        seen.setdefault(w, None)
    return list(seen)


# --------------------------------------------------------------------------- training


def torch_deterministic(seed: int) -> None:
    """Same weights on every run of a generator: one thread, deterministic kernels, fixed seeds."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    np.random.seed(seed)

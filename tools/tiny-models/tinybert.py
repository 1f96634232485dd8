"""Shared parts of the two tiny BERT models (NER and NLI): WordPiece tokenizer files, random weights
with "reserved" hidden dimensions, the ONNX graph (BERT encoder + token or sequence classification head)
and config files.

How the models get deterministic, testable behaviour from random weights: a few hidden dimensions are
reserved. Random attention and feed-forward blocks never write into them (their output columns are zero)
and position/segment embeddings are zero there, so a value placed there by a word embedding, or by a
hand-set attention head / feed-forward unit, travels through the residual stream to the head. Post-LN
layer norms rescale the whole vector, so the heads read reserved dimensions with large weights and
margins; the generator scripts check the behaviour on sample inputs before writing anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from onnx import TensorProto

from tinyonnx import (
    Graph,
    attention,
    gelu,
    layer_norm,
    linear,
    make_model,
    merge_heads,
    padding_mask,
    save_onnx_pair,
    special_token,
    split_heads,
    write_json,
)
from wordlists import LETTERS, PUNCT, capitalise

HIDDEN = 32
HEADS = 4
HEAD_DIM = HIDDEN // HEADS
INTERMEDIATE = 64
LAYERS = 2
MAX_POSITIONS = 512
LN_EPS = 1e-12
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP, MASK = range(5)


# --------------------------------------------------------------------------- tokenizer


def build_vocab(word_list: list[str], suffixes: list[str]) -> list[str]:
    """Specials, whole words (as given and capitalised), `##` suffix pieces, then every single character
    with and without `##` so that any text in these scripts tokenises without [UNK]."""
    vocab = dict.fromkeys(SPECIALS)
    for w in word_list:
        vocab.setdefault(w)
        vocab.setdefault(capitalise(w))
    for s in suffixes:
        vocab.setdefault("##" + s)
    for ch in LETTERS + PUNCT:
        vocab.setdefault(ch)
        vocab.setdefault("##" + ch)
    return list(vocab)


def wordpiece(vocab: list[str], word: str) -> list[str]:
    """Greedy longest-match-first WordPiece, as the tokenizer.json model does (for the self-checks)."""
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):
            piece = ("##" if start else "") + word[start:end]
            if piece in vocab:
                pieces.append(piece)
                start = end
                break
        else:
            return ["[UNK]"]
    return pieces


def write_tokenizer(folder: str, vocab: list[str]) -> None:
    specials = [special_token(i, t) for i, t in enumerate(SPECIALS)]
    tokenizer = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": specials,
        "normalizer": {
            "type": "BertNormalizer",
            "clean_text": True,
            "handle_chinese_chars": True,
            "strip_accents": None,
            "lowercase": False,
        },
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 1}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
            ],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [CLS], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [SEP], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {
            "type": "WordPiece",
            "unk_token": "[UNK]",
            "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100,
            "vocab": {t: i for i, t in enumerate(vocab)},
        },
    }
    write_json(f"{folder}/tokenizer.json", tokenizer)
    write_json(
        f"{folder}/tokenizer_config.json",
        {
            "tokenizer_class": "BertTokenizer",
            "do_lower_case": False,
            "tokenize_chinese_chars": True,
            "strip_accents": None,
            "model_max_length": MAX_POSITIONS,
            "cls_token": "[CLS]",
            "sep_token": "[SEP]",
            "pad_token": "[PAD]",
            "unk_token": "[UNK]",
            "mask_token": "[MASK]",
            "clean_up_tokenization_spaces": True,
        },
    )
    with open(f"{folder}/vocab.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")


def write_config(folder: str, model_id: str, architecture: str, vocab_size: int, labels: list[str], **extra) -> None:
    config = {
        "_name_or_path": model_id,
        "architectures": [architecture],
        "model_type": "bert",
        "hidden_size": HIDDEN,
        "num_hidden_layers": LAYERS,
        "num_attention_heads": HEADS,
        "intermediate_size": INTERMEDIATE,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.0,
        "attention_probs_dropout_prob": 0.0,
        "max_position_embeddings": MAX_POSITIONS,
        "type_vocab_size": 2,
        "initializer_range": 0.02,
        "layer_norm_eps": LN_EPS,
        "pad_token_id": PAD,
        "position_embedding_type": "absolute",
        "vocab_size": vocab_size,
        "id2label": {str(i): label for i, label in enumerate(labels)},
        "label2id": {label: i for i, label in enumerate(labels)},
        **extra,
        "transformers_version": "4.46.0",
    }
    write_json(f"{folder}/config.json", config)


# --------------------------------------------------------------------------- weights


@dataclass
class Layer:
    q: tuple[np.ndarray, np.ndarray]
    k: tuple[np.ndarray, np.ndarray]
    v: tuple[np.ndarray, np.ndarray]
    o: tuple[np.ndarray, np.ndarray]
    ln1: tuple[np.ndarray, np.ndarray]
    fc1: tuple[np.ndarray, np.ndarray]
    fc2: tuple[np.ndarray, np.ndarray]
    ln2: tuple[np.ndarray, np.ndarray]


@dataclass
class BertWeights:
    words: np.ndarray
    positions: np.ndarray
    token_types: np.ndarray
    ln: tuple[np.ndarray, np.ndarray]
    layers: list[Layer]
    pooler: tuple[np.ndarray, np.ndarray] | None = None
    classifier: tuple[np.ndarray, np.ndarray] = field(default=None)  # type: ignore[assignment]


def random_weights(seed: int, vocab_size: int, reserved: list[int], std: float = 0.3) -> BertWeights:
    """Random BERT weights (fixed seed). Dimensions in `reserved` are zero in every embedding and are
    never written by the random attention / feed-forward blocks; layer norms there are identity."""
    rng = np.random.RandomState(seed)

    def normal(*shape: int, s: float = std) -> np.ndarray:
        return (rng.standard_normal(shape) * s).astype(np.float32)

    def lin(d_in: int, d_out: int, protect: bool) -> tuple[np.ndarray, np.ndarray]:
        w, b = normal(d_in, d_out, s=1.0 / math.sqrt(d_in)), normal(d_out, s=0.02)
        if protect:
            w[:, reserved], b[reserved] = 0.0, 0.0
        return w, b

    def ln() -> tuple[np.ndarray, np.ndarray]:
        return np.ones(HIDDEN, np.float32), np.zeros(HIDDEN, np.float32)

    words, positions, token_types = normal(vocab_size, HIDDEN, s=1.0), normal(MAX_POSITIONS, HIDDEN), normal(2, HIDDEN)
    for table in (words, positions, token_types):
        table[:, reserved] = 0.0
    layers = [
        Layer(
            q=lin(HIDDEN, HIDDEN, False),
            k=lin(HIDDEN, HIDDEN, False),
            v=lin(HIDDEN, HIDDEN, False),
            o=lin(HIDDEN, HIDDEN, True),
            ln1=ln(),
            fc1=lin(HIDDEN, INTERMEDIATE, False),
            fc2=lin(INTERMEDIATE, HIDDEN, True),
            ln2=ln(),
        )
        for _ in range(LAYERS)
    ]
    return BertWeights(words, positions, token_types, ln(), layers)


# --------------------------------------------------------------------------- forward pass (numpy, for self-checks)


def _ln(x, gb):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + LN_EPS) * gb[0] + gb[1]


def _gelu(x):
    from math import erf

    return 0.5 * x * (1.0 + np.vectorize(erf)(x / math.sqrt(2.0)))


def forward(w: BertWeights, ids: list[int], types: list[int]) -> np.ndarray:
    """Last hidden states [T, H] of one unpadded sequence: the same math as the ONNX graph."""
    x = w.words[ids] + w.positions[: len(ids)] + w.token_types[types]
    x = _ln(x, w.ln)
    for layer in w.layers:
        q, k, v = (x @ p[0] + p[1] for p in (layer.q, layer.k, layer.v))
        split = lambda t: t.reshape(len(ids), HEADS, HEAD_DIM).transpose(1, 0, 2)  # noqa: E731
        s = split(q) @ split(k).transpose(0, 2, 1) / math.sqrt(HEAD_DIM)
        s = np.exp(s - s.max(-1, keepdims=True))
        a = (s / s.sum(-1, keepdims=True)) @ split(v)
        a = a.transpose(1, 0, 2).reshape(len(ids), HIDDEN) @ layer.o[0] + layer.o[1]
        x = _ln(x + a, layer.ln1)
        h = _gelu(x @ layer.fc1[0] + layer.fc1[1]) @ layer.fc2[0] + layer.fc2[1]
        x = _ln(x + h, layer.ln2)
    return x


# --------------------------------------------------------------------------- ONNX


def _encoder(g: Graph, w: BertWeights) -> str:
    ids = g.input("input_ids", TensorProto.INT64, ["batch_size", "sequence_length"])
    mask = g.input("attention_mask", TensorProto.INT64, ["batch_size", "sequence_length"])
    types = g.input("token_type_ids", TensorProto.INT64, ["batch_size", "sequence_length"])
    c = lambda pair, hint: (g.const(pair[0], hint + "_w"), g.const(pair[1], hint + "_b"))  # noqa: E731
    x = g.op("Add", [g.op("Gather", [g.const(w.words, "word_embeddings"), ids], axis=0),
                     g.op("Gather", [g.const(w.token_types, "token_type_embeddings"), types], axis=0)])
    x = g.op("Add", [x, g.rows(g.const(w.positions, "position_embeddings"), g.i64([0]), g.dim(ids, 1))])
    x = layer_norm(g, x, c(w.ln, "embeddings_ln"), LN_EPS)
    add_mask = padding_mask(g, mask)
    for i, layer in enumerate(w.layers):
        q, k, v = (split_heads(g, linear(g, x, c(p, f"l{i}_{n}")), HEADS, HEAD_DIM)
                   for n, p in (("q", layer.q), ("k", layer.k), ("v", layer.v)))
        a = linear(g, merge_heads(g, attention(g, q, k, v, add_mask, HEAD_DIM), HIDDEN), c(layer.o, f"l{i}_o"))
        x = layer_norm(g, g.op("Add", [x, a]), c(layer.ln1, f"l{i}_ln1"), LN_EPS)
        h = linear(g, gelu(g, linear(g, x, c(layer.fc1, f"l{i}_fc1"))), c(layer.fc2, f"l{i}_fc2"))
        x = layer_norm(g, g.op("Add", [x, h]), c(layer.ln2, f"l{i}_ln2"), LN_EPS)
    return x


def token_classification_graph(w: BertWeights) -> Graph:
    g = Graph("bert_token_classification")
    x = _encoder(g, w)
    logits = linear(g, x, (g.const(w.classifier[0], "classifier_w"), g.const(w.classifier[1], "classifier_b")))
    g.output(logits, "logits", shape=["batch_size", "sequence_length", int(w.classifier[0].shape[1])])
    return g


def sequence_classification_graph(w: BertWeights) -> Graph:
    assert w.pooler is not None
    g = Graph("bert_sequence_classification")
    x = _encoder(g, w)
    first = g.op("Squeeze", [g.op("Slice", [x, g.i64([0]), g.i64([1]), g.i64([1])]), g.i64([1])])  # [CLS]: [B, H]
    pooled = g.op("Tanh", [linear(g, first, (g.const(w.pooler[0], "pooler_w"), g.const(w.pooler[1], "pooler_b")))])
    logits = linear(g, pooled, (g.const(w.classifier[0], "classifier_w"), g.const(w.classifier[1], "classifier_b")))
    g.output(logits, "logits", shape=["batch_size", int(w.classifier[0].shape[1])])
    return g


def save_model(g: Graph, folder: str) -> None:
    save_onnx_pair(make_model(g, "rassegna-tiny-models"), folder, "model")

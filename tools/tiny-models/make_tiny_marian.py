"""Builds `rassegna/tiny-marian-it-en`: a tiny MarianMT in the layout transformers.js loads for
`pipeline('translation', ...)`, so that tests exercise the real translation code path without the hub.

Architecture as HF `MarianMTModel` (post-LN BART family): shared token embeddings scaled by sqrt(d_model),
static sinusoidal positions, encoder and decoder layers with self-attention, decoder cross-attention,
swish feed-forward, LM head tied to the shared embeddings plus `final_logits_bias`.
The decoder is exported as `decoder_model_merged`, as optimum does: it takes `use_cache_branch` and
`past_key_values.*` and returns `present.*`; an If node picks the cached cross-attention keys/values
(use_cache_branch = true) or computes them from `encoder_hidden_states` (first step).

Weights start from a fixed seed and are then trained for a short while (CPU, one thread, fixed seed) on
synthetic word-by-word "translations" drawn from the small Italian→English glossary below, with unknown
words copied through. Untrained random weights loop on one token until max_new_tokens; the trained model
stops with </s> and keeps emitting </s> after it (transformers.js does not stop finished rows of a batch),
so batched and single translations agree and outputs are short. It is NOT a translator: expect
word salad on anything outside the glossary.

Run: /usr/bin/python3 tools/tiny-models/make_tiny_marian.py
"""

from __future__ import annotations

import argparse
import math
import os
import random

import numpy as np
import torch
from onnx import TensorProto
from torch import nn

from tinyonnx import (
    Graph,
    attention,
    layer_norm,
    linear,
    make_model,
    merge_heads,
    out_dir,
    padding_mask,
    report_sizes,
    save_onnx_pair,
    silu,
    special_token,
    split_heads,
    torch_deterministic,
    write_json,
)
from wordlists import LETTERS, PUNCT, capitalise, glossary

MODEL_ID = "rassegna/tiny-marian-it-en"
FOLDER = ("packages", "translate", "test", "fixtures", "models", "rassegna", "tiny-marian-it-en")
SEED = 20261126
D_MODEL = 32
HEADS = 4
HEAD_DIM = D_MODEL // HEADS
FFN = 64
ENCODER_LAYERS = 2
DECODER_LAYERS = 2
MAX_POSITIONS = 512
LN_EPS = 1e-5
TRAIN_STEPS = 2500
MAX_WORDS = 8
BATCH = 32

ELISIONS = "l' dell' all' nell' un'"  # elided articles: pieces of their own


def vocabulary() -> list[tuple[str, float]]:
    """Unigram pieces with log-probability-like scores: whole words (and their capitalised form) score
    far above single characters, so a known word is always one piece and anything else still tokenises."""
    pieces: dict[str, float] = {}
    vocab_words: list[str] = []
    for it, en in glossary():
        vocab_words += [it, *en]
    vocab_words += ELISIONS.split()
    for rank, w in enumerate(dict.fromkeys(vocab_words)):
        pieces.setdefault("▁" + w, -3.0 - rank * 0.001)
        pieces.setdefault("▁" + capitalise(w), -3.5 - rank * 0.001)
    for ch in LETTERS + PUNCT:
        pieces.setdefault("▁" + ch, -8.0)
        pieces.setdefault(ch, -8.5)
    pieces.setdefault("▁", -9.0)
    return list(pieces.items())


class Unigram:
    """The same segmentation as the tokenizer.json Unigram model (Viterbi over piece scores),
    used to make the training data. Text is pre-split on spaces with "▁" prepended (Metaspace)."""

    def __init__(self, vocab: list[tuple[str, float]], unk_id: int):
        self.ids = {p: i for i, (p, _) in enumerate(vocab)}
        self.scores = {p: s for p, s in vocab}
        self.unk_id = unk_id
        self.max_len = max(len(p) for p, _ in vocab)

    def encode_word(self, word: str) -> list[int]:
        s = "▁" + word
        best: list[tuple[float, int]] = [(0.0, 0)] + [(-math.inf, 0)] * len(s)
        for end in range(1, len(s) + 1):
            for start in range(max(0, end - self.max_len), end):
                piece = s[start:end]
                score = self.scores.get(piece, -100.0 if end - start == 1 else None)
                if score is not None and best[start][0] + score > best[end][0]:
                    best[end] = (best[start][0] + score, start)
        out, end = [], len(s)
        while end > 0:
            start = best[end][1]
            out.append(self.ids.get(s[start:end], self.unk_id))
            end = start
        return out[::-1]

    def encode(self, text: str) -> list[int]:
        return [i for w in text.split() for i in self.encode_word(w)]


def nmt_nfkc_charsmap() -> str:
    """The `precompiled_charsmap` of SentencePiece's `nmt_nfkc` normaliser (what OPUS-MT's models use),
    base64 as in tokenizer.json. It is a constant of SentencePiece: a throwaway model trained on a few
    words of the glossary carries it."""
    import base64
    import io
    import tempfile

    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2

    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.txt")
        with open(corpus, "w", encoding="utf-8") as f:
            f.write("\n".join(f"{it} {' '.join(en)}" for it, en in glossary()))
        model = io.BytesIO()
        spm.SentencePieceTrainer.train(
            input=corpus, model_writer=model, vocab_size=60, normalization_rule_name="nmt_nfkc",
            model_type="unigram", minloglevel=2, hard_vocab_limit=False,
        )
    proto = sentencepiece_model_pb2.ModelProto()
    proto.ParseFromString(model.getvalue())
    return base64.b64encode(proto.normalizer_spec.precompiled_charsmap).decode("ascii")


def tokenizer_files(folder: str, vocab: list[tuple[str, float]], ids: dict) -> None:
    """tokenizer.json in the structure of the real `Xenova/opus-mt-*` files: a `Precompiled` normaliser
    (SentencePiece's nmt_nfkc charsmap), `WhitespaceSplit` then `Metaspace` pre-tokenisation, a Unigram model
    over the merged vocabulary, and `clean_up_tokenization_spaces: true` in tokenizer_config.json."""
    metaspace = {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True}
    tokenizer = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [special_token(ids[k], t) for k, t in (("eos", "</s>"), ("unk", "<unk>"), ("pad", "<pad>"))],
        "normalizer": {"type": "Precompiled", "precompiled_charsmap": nmt_nfkc_charsmap()},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "WhitespaceSplit"}, metaspace]},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [
                {"Sequence": {"id": "A", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "special_tokens": {"</s>": {"id": "</s>", "ids": [ids["eos"]], "tokens": ["</s>"]}},
        },
        "decoder": metaspace,
        "model": {"type": "Unigram", "unk_id": ids["unk"], "vocab": [[p, s] for p, s in vocab], "byte_fallback": False},
    }
    write_json(f"{folder}/tokenizer.json", tokenizer)
    write_json(
        f"{folder}/tokenizer_config.json",
        {
            "tokenizer_class": "MarianTokenizer",
            "model_max_length": MAX_POSITIONS,
            "eos_token": "</s>",
            "unk_token": "<unk>",
            "pad_token": "<pad>",
            "source_lang": "it",
            "target_lang": "en",
            "separate_vocabs": False,
            "clean_up_tokenization_spaces": True,
        },
    )


def sinusoidal_positions(n: int, d: int) -> np.ndarray:
    """HF MarianSinusoidalPositionalEmbedding: sin in the first half of the features, cos in the second."""
    pos = np.arange(n, dtype=np.float64)[:, None]
    inv = np.power(10000.0, -2.0 * np.arange(d // 2, dtype=np.float64) / d)[None, :]
    return np.concatenate([np.sin(pos * inv), np.cos(pos * inv)], axis=1).astype(np.float32)


# --------------------------------------------------------------------------- the model in torch (for training)
# Linear weights are stored [in, out] (x @ w + b) so that they go into the ONNX MatMul unchanged.


class Linear(nn.Module):
    def __init__(self, d_in: int, d_out: int):
        super().__init__()
        self.w = nn.Parameter(torch.randn(d_in, d_out) / math.sqrt(d_in))
        self.b = nn.Parameter(torch.zeros(d_out))

    def forward(self, x):
        return x @ self.w + self.b


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (Linear(D_MODEL, D_MODEL) for _ in range(4))

    @staticmethod
    def heads(x):
        return x.view(x.shape[0], x.shape[1], HEADS, HEAD_DIM).transpose(1, 2)

    def forward(self, x, memory, mask):
        q, k, v = self.heads(self.q(x)), self.heads(self.k(memory)), self.heads(self.v(memory))
        scores = q @ k.transpose(-1, -2) / math.sqrt(HEAD_DIM) + mask
        out = (scores.softmax(-1) @ v).transpose(1, 2).reshape(x.shape[0], x.shape[1], D_MODEL)
        return self.o(out)


class FeedForward(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = Linear(D_MODEL, FFN), Linear(FFN, D_MODEL)

    def forward(self, x):
        h = self.fc1(x)
        return self.fc2(h * torch.sigmoid(h))


class EncoderLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn, self.ln1 = Attention(), nn.LayerNorm(D_MODEL, eps=LN_EPS)
        self.ffn, self.ln2 = FeedForward(), nn.LayerNorm(D_MODEL, eps=LN_EPS)

    def forward(self, x, mask):
        x = self.ln1(x + self.attn(x, x, mask))
        return self.ln2(x + self.ffn(x))


class DecoderLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.attn, self.ln1 = Attention(), nn.LayerNorm(D_MODEL, eps=LN_EPS)
        self.cross, self.ln2 = Attention(), nn.LayerNorm(D_MODEL, eps=LN_EPS)
        self.ffn, self.ln3 = FeedForward(), nn.LayerNorm(D_MODEL, eps=LN_EPS)

    def forward(self, x, causal, memory, memory_mask):
        x = self.ln1(x + self.attn(x, x, causal))
        x = self.ln2(x + self.cross(x, memory, memory_mask))
        return self.ln3(x + self.ffn(x))


class TinyMarian(nn.Module):
    def __init__(self, vocab_size: int, pad_id: int):
        super().__init__()
        self.pad_id = pad_id
        self.shared = nn.Parameter(torch.randn(vocab_size, D_MODEL) / math.sqrt(D_MODEL))
        with torch.no_grad():
            self.shared[pad_id] = 0.0  # padding_idx row stays zero, as in HF
        self.register_buffer("positions", torch.from_numpy(sinusoidal_positions(MAX_POSITIONS, D_MODEL)))
        self.register_buffer("final_logits_bias", torch.zeros(vocab_size))
        self.encoder = nn.ModuleList(EncoderLayer() for _ in range(ENCODER_LAYERS))
        self.decoder = nn.ModuleList(DecoderLayer() for _ in range(DECODER_LAYERS))

    def embed(self, ids):
        return self.shared[ids] * math.sqrt(D_MODEL) + self.positions[: ids.shape[1]]

    def encode(self, ids, mask):
        add_mask = ((1.0 - mask.float()) * -1e9)[:, None, None, :]
        x = self.embed(ids)
        for layer in self.encoder:
            x = layer(x, add_mask)
        return x, add_mask

    def forward(self, src, src_mask, tgt_in):
        memory, memory_mask = self.encode(src, src_mask)
        t = tgt_in.shape[1]
        causal = torch.triu(torch.full((t, t), -1e9), diagonal=1)
        x = self.embed(tgt_in)
        for layer in self.decoder:
            x = layer(x, causal, memory, memory_mask)
        return x @ self.shared.T + self.final_logits_bias

    @torch.no_grad()
    def greedy(self, src: list[int], eos: int, max_new: int = 64) -> list[int]:
        ids = torch.tensor([src])
        out = [self.pad_id]
        for _ in range(max_new):
            logits = self(ids, torch.ones_like(ids), torch.tensor([out]))[0, -1]
            logits[self.pad_id] = -math.inf  # bad_words_ids
            out.append(int(logits.argmax()))
            if out[-1] == eos:
                break
        return out[1:]


# --------------------------------------------------------------------------- synthetic training data


def make_pair(rng: random.Random, pairs: list[tuple[str, list[str]]]) -> tuple[str, str]:
    src: list[str] = []
    tgt: list[str] = []
    for i in range(rng.randint(1, MAX_WORDS)):
        if rng.random() < 0.15:  # unknown word: copied through piece by piece
            w = "".join(rng.choice("abcdefghilmnoprstuvz") for _ in range(rng.randint(2, 7)))
            if rng.random() < 0.3:
                w = capitalise(w)
            it, en = w, [w]
        else:
            it, en = rng.choice(pairs)
        if i == 0 and rng.random() < 0.7:
            it, en = capitalise(it), [capitalise(en[0]), *en[1:]]
        src.append(it)
        tgt += en
        if rng.random() < 0.08:
            src.append(","), tgt.append(",")
    end = rng.choice([".", ".", ".", "?", "!", ""])
    if end:
        src.append(end), tgt.append(end)
    return " ".join(src), " ".join(tgt)


def batches(rng: random.Random, tok: Unigram, pairs, ids: dict):
    eos, pad = ids["eos"], ids["pad"]
    while True:
        srcs, tgts = [], []
        for _ in range(BATCH):
            s, t = make_pair(rng, pairs)
            srcs.append(tok.encode(s) + [eos])
            # eos repeated after the end: teaches that </s> follows </s>
            tgts.append(tok.encode(t) + [eos] * rng.randint(1, 4))
        s_len, t_len = max(map(len, srcs)), max(map(len, tgts))
        src = torch.full((BATCH, s_len), pad)
        src_mask = torch.zeros((BATCH, s_len), dtype=torch.long)
        tgt_in = torch.full((BATCH, t_len), pad)
        labels = torch.full((BATCH, t_len), -100)
        for b, (s, t) in enumerate(zip(srcs, tgts)):
            src[b, : len(s)] = torch.tensor(s)
            src_mask[b, : len(s)] = 1
            tgt_in[b, : len(t)] = torch.tensor([pad] + t[:-1])
            labels[b, : len(t)] = torch.tensor(t)
        yield src, src_mask, tgt_in, labels


def train(vocab_size: int, ids: dict, tok: Unigram, steps: int) -> TinyMarian:
    torch_deterministic(SEED)
    model = TinyMarian(vocab_size, ids["pad"])
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=5e-3, total_steps=max(steps, 1), pct_start=0.1)
    data = batches(random.Random(SEED), tok, glossary(), ids)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    for step in range(steps):
        src, src_mask, tgt_in, labels = next(data)
        logits = model(src, src_mask, tgt_in)
        loss = loss_fn(logits.reshape(-1, vocab_size), labels.reshape(-1))
        opt.zero_grad()
        loss.backward()
        model.shared.grad[ids["pad"]] = 0.0
        opt.step()
        sched.step()
        if step % 500 == 0 or step == steps - 1:
            print(f"  step {step}: loss {loss.item():.3f}")
    return model.eval()


# --------------------------------------------------------------------------- the ONNX graphs


def np_params(model: TinyMarian) -> dict[str, np.ndarray]:
    return {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}


def lin(g: Graph, p: dict, name: str) -> tuple[str, str]:
    return g.const(p[name + ".w"], name + ".w"), g.const(p[name + ".b"], name + ".b")


def ln(g: Graph, p: dict, name: str) -> tuple[str, str]:
    return g.const(p[name + ".weight"], name + ".g"), g.const(p[name + ".bias"], name + ".b")


def heads(g: Graph, x: str) -> str:
    return split_heads(g, x, HEADS, HEAD_DIM)


def embed(g: Graph, p: dict, shared: str, input_ids: str, start: str, end: str) -> str:
    tokens = g.op("Mul", [g.op("Gather", [shared, input_ids], axis=0), g.f32(math.sqrt(D_MODEL), "embed_scale")])
    return g.op("Add", [tokens, g.rows(g.const(p["positions"], "positions"), start, end)])  # [T, D] broadcasts


def attention_block(g: Graph, p: dict, prefix: str, x: str, k: str, v: str, mask: str) -> str:
    q = heads(g, linear(g, x, lin(g, p, prefix + ".q")))
    out = linear(g, merge_heads(g, attention(g, q, k, v, mask, HEAD_DIM), D_MODEL), lin(g, p, prefix + ".o"))
    return out


def feed_forward(g: Graph, p: dict, prefix: str, x: str, ln_name: str) -> str:
    h = linear(g, silu(g, linear(g, x, lin(g, p, prefix + ".ffn.fc1"))), lin(g, p, prefix + ".ffn.fc2"))
    return layer_norm(g, g.op("Add", [x, h]), ln(g, p, f"{prefix}.{ln_name}"), LN_EPS)


def build_encoder(p: dict) -> Graph:
    g = Graph("marian_encoder")
    ids = g.input("input_ids", TensorProto.INT64, ["batch_size", "encoder_sequence_length"])
    mask = g.input("attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"])
    x = embed(g, p, g.const(p["shared"], "shared"), ids, g.i64([0]), g.dim(ids, 1))
    add_mask = padding_mask(g, mask)
    for i in range(ENCODER_LAYERS):
        pre = f"encoder.{i}"
        k = heads(g, linear(g, x, lin(g, p, pre + ".attn.k")))
        v = heads(g, linear(g, x, lin(g, p, pre + ".attn.v")))
        a = attention_block(g, p, pre + ".attn", x, k, v, add_mask)
        x = layer_norm(g, g.op("Add", [x, a]), ln(g, p, pre + ".ln1"), LN_EPS)
        x = feed_forward(g, p, pre, x, "ln2")
    g.output(x, "last_hidden_state", shape=["batch_size", "encoder_sequence_length", D_MODEL])
    return g


def build_decoder(p: dict, vocab_size: int) -> Graph:
    g = Graph("marian_decoder_merged")
    ids = g.input("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"])
    enc_mask = g.input("encoder_attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"])
    enc = g.input("encoder_hidden_states", TensorProto.FLOAT, ["batch_size", "encoder_sequence_length", D_MODEL])
    past = {}
    for i in range(DECODER_LAYERS):
        for part, length in (("decoder", "past_decoder_sequence_length"), ("encoder", "encoder_sequence_length_out")):
            for kv in ("key", "value"):
                name = f"past_key_values.{i}.{part}.{kv}"
                past[(i, part, kv)] = g.input(name, TensorProto.FLOAT, ["batch_size", HEADS, length, HEAD_DIM])
    use_cache = g.input("use_cache_branch", TensorProto.BOOL, [1])
    enc_shape = ["batch_size", HEADS, "encoder_sequence_length_out", HEAD_DIM]

    # Cross-attention keys/values: reuse the cached ones, or project the encoder output (first step).
    cached, fresh = g.branch("use_cached_cross_attention"), g.branch("compute_cross_attention")
    for i in range(DECODER_LAYERS):
        for kv in ("key", "value"):
            cached.output(cached.op("Identity", [past[(i, "encoder", kv)]]), f"cached_{i}_{kv}", shape=enc_shape)
            proj = lin(fresh, p, f"decoder.{i}.cross.{kv[0]}")
            fresh.output(heads(fresh, linear(fresh, enc, proj)), f"fresh_{i}_{kv}", shape=enc_shape)
    cross = g.op("If", [use_cache], n_out=2 * DECODER_LAYERS, then_branch=cached.proto(), else_branch=fresh.proto())

    past_len = g.dim(past[(0, "decoder", "key")], 2)
    total = g.op("Add", [past_len, g.dim(ids, 1)])
    q_pos = g.op("Range", [g.scalar(past_len), g.scalar(total), g.i64(1)])
    k_pos = g.op("Range", [g.i64(0), g.scalar(total), g.i64(1)])
    future = g.op("Greater", [g.op("Unsqueeze", [k_pos, g.i64([0])]), g.op("Unsqueeze", [q_pos, g.i64([1])])])
    causal = g.op("Where", [future, g.f32(-1e9), g.f32(0.0)])  # [T, past + T]
    cross_mask = padding_mask(g, enc_mask)

    shared = g.const(p["shared"], "shared")
    x = embed(g, p, shared, ids, past_len, total)
    dec_shape = ["batch_size", HEADS, "present_sequence_length", HEAD_DIM]
    for i in range(DECODER_LAYERS):
        pre = f"decoder.{i}"
        k_new = heads(g, linear(g, x, lin(g, p, pre + ".attn.k")))
        v_new = heads(g, linear(g, x, lin(g, p, pre + ".attn.v")))
        k = g.op("Concat", [past[(i, "decoder", "key")], k_new], axis=2)
        v = g.op("Concat", [past[(i, "decoder", "value")], v_new], axis=2)
        a = attention_block(g, p, pre + ".attn", x, k, v, causal)
        x = layer_norm(g, g.op("Add", [x, a]), ln(g, p, pre + ".ln1"), LN_EPS)
        xk, xv = cross[2 * i], cross[2 * i + 1]
        a = attention_block(g, p, pre + ".cross", x, xk, xv, cross_mask)
        x = layer_norm(g, g.op("Add", [x, a]), ln(g, p, pre + ".ln2"), LN_EPS)
        x = feed_forward(g, p, pre, x, "ln3")
        g.output(k, f"present.{i}.decoder.key", shape=dec_shape)
        g.output(v, f"present.{i}.decoder.value", shape=dec_shape)
        g.output(xk, f"present.{i}.encoder.key", shape=enc_shape)
        g.output(xv, f"present.{i}.encoder.value", shape=enc_shape)

    lm_head = g.op("Transpose", [shared], perm=[1, 0])  # tied to the embeddings
    logits = g.op("Add", [g.op("MatMul", [x, lm_head]), g.const(p["final_logits_bias"], "final_logits_bias")])
    g.output(logits, "logits", shape=["batch_size", "decoder_sequence_length", vocab_size])
    g.outputs.insert(0, g.outputs.pop())  # logits first, as optimum orders the outputs
    return g


def config_files(folder: str, vocab_size: int, ids: dict) -> None:
    eos, pad = ids["eos"], ids["pad"]
    special = {"bos_token_id": eos, "eos_token_id": eos, "forced_eos_token_id": eos, "pad_token_id": pad}
    generation = {"bad_words_ids": [[pad]], "decoder_start_token_id": pad, "max_length": MAX_POSITIONS, "num_beams": 1}
    write_json(
        f"{folder}/config.json",
        {
            "_name_or_path": MODEL_ID,
            "architectures": ["MarianMTModel"],
            "model_type": "marian",
            "activation_function": "swish",
            "d_model": D_MODEL,
            "encoder_layers": ENCODER_LAYERS,
            "decoder_layers": DECODER_LAYERS,
            "num_hidden_layers": ENCODER_LAYERS,
            "encoder_attention_heads": HEADS,
            "decoder_attention_heads": HEADS,
            "encoder_ffn_dim": FFN,
            "decoder_ffn_dim": FFN,
            "max_position_embeddings": MAX_POSITIONS,
            "vocab_size": vocab_size,
            "decoder_vocab_size": vocab_size,
            "scale_embedding": True,
            "static_position_embeddings": True,
            "normalize_before": False,
            "normalize_embedding": False,
            "share_encoder_decoder_embeddings": True,
            "tie_word_embeddings": True,
            "is_encoder_decoder": True,
            "use_cache": True,
            "dropout": 0.0,
            "attention_dropout": 0.0,
            "activation_dropout": 0.0,
            "init_std": 0.02,
            **special,
            **generation,
            "transformers_version": "4.46.0",
        },
    )
    write_json(f"{folder}/generation_config.json", {**special, **generation, "transformers_version": "4.46.0"})


SAMPLES = [
    "Il governo italiano ha detto che le sanzioni contro la Russia sono importanti.",
    "Oggi a Roma.",
    "Il vertice di Bruxelles è un accordo per la pace?",
    "Zorbax e Quintilla sono a Pechino.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", help="output folder (default: the committed fixture)")
    parser.add_argument("--steps", type=int, default=TRAIN_STEPS)
    args = parser.parse_args()
    folder = out_dir(args.out) if args.out else out_dir(*FOLDER)

    pieces = vocabulary()
    vocab = [("</s>", 0.0), ("<unk>", 0.0), *pieces, ("<pad>", 0.0)]
    ids = {"eos": 0, "unk": 1, "pad": len(vocab) - 1}
    tok = Unigram(vocab, ids["unk"])
    model = train(len(vocab), ids, tok, args.steps)
    id_to_piece = [p for p, _ in vocab]
    for s in SAMPLES:
        out = model.greedy(tok.encode(s) + [ids["eos"]], ids["eos"])
        print(f"  {s!r} -> {''.join(id_to_piece[i] for i in out if i != ids['eos']).replace('▁', ' ').strip()!r}")

    tokenizer_files(folder, vocab, ids)
    config_files(folder, len(vocab), ids)
    p = np_params(model)
    save_onnx_pair(make_model(build_encoder(p), "rassegna-tiny-models"), folder, "encoder_model")
    save_onnx_pair(make_model(build_decoder(p, len(vocab)), "rassegna-tiny-models"), folder, "decoder_model_merged")
    print(f"{MODEL_ID}: vocab {len(vocab)}, eos {ids['eos']}, unk {ids['unk']}, pad/decoder_start {ids['pad']}")
    report_sizes(folder)


if __name__ == "__main__":
    main()

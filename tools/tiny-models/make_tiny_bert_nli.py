"""Builds `rassegna/tiny-bert-nli`: a tiny BERT sequence classifier (entailment / neutral / contradiction)
in the layout transformers.js loads for `pipeline('zero-shot-classification', ...)`.

Random weights (fixed seed) plus one hand-set circuit, so that tests can see the premise and the
hypothesis interact (reserved hidden dimensions, see tinybert.py):
  - layer 0, heads 1-3 look for TOPIC words anywhere in the pair, and for AGAINST and FAVOUR words in the
    hypothesis only (second segment: token_type_ids = 1), and write "seen" flags into every position;
  - two feed-forward units of layer 0 fire only when TOPIC and AGAINST (resp. TOPIC and FAVOUR) were seen;
  - the pooler and classifier turn them into entailment (resp. contradiction); with neither, "neutral" wins;
  - a LEANING topic (`vertice`, `summit`) with an AGAINST word in the hypothesis is "neutral" but with
    entailment above contradiction (about 1.5 against 0): the case where reading only those two logits,
    as the zero-shot pipeline's multi_label mode does, turns "no relation" into a stance.
Everything else (head 0, the other feed-forward units, layer 1) is random.

Run: /usr/bin/python3 tools/tiny-models/make_tiny_bert_nli.py
"""

from __future__ import annotations

import numpy as np

from tinybert import (
    CLS,
    HEAD_DIM,
    HIDDEN,
    SEP,
    build_vocab,
    forward,
    random_weights,
    save_model,
    sequence_classification_graph,
    wordpiece,
    write_config,
    write_tokenizer,
)
from tinyonnx import out_dir, report_sizes
from wordlists import vocabulary_words

MODEL_ID = "rassegna/tiny-bert-nli"
FOLDER = ("packages", "stance", "test", "fixtures", "models", "rassegna", "tiny-bert-nli")
SEED = 11
LABELS = ["entailment", "neutral", "contradiction"]
TOPIC = ["sanzioni", "sanctions", "Sanzioni", "Sanctions"]
AGAINST = ["against", "contro", "Against", "Contro"]
FAVOUR = ["favour", "favor", "support", "favore", "sostegno", "Favour", "Favor", "Support"]
LEANING = ["vertice", "summit", "Vertice", "Summit"]
# reserved hidden dimensions
R_TOPIC, R_AGAINST, R_FAVOUR, SEEN_TOPIC, SEEN_AGAINST, SEEN_FAVOUR, R_ENTAIL, R_CONTRA, R_SEGMENT, R_GROUND = range(10)
R_LEANING, SEEN_LEANING, R_LEAN = range(10, 13)
LEAN_ENTAIL, LEAN_NEUTRAL = 1.5, 3.0
MARKER = 8.0
KEY_GAIN = 20.0
UNIT_GAIN, UNIT_THRESHOLD = 4.0, 17.0  # "seen" flags are ~2.6 each after the layer norm
POOLER_GAIN = 2.0
CLASSIFIER_GAIN = 6.0
NEUTRAL_BIAS = 1.5
TEMPLATE = "This example is {}."
CHECKS = [  # premise, label, expected argmax
    ("Il governo vuole nuove sanzioni contro Mosca.", "against", "entailment"),
    ("Il governo vuole nuove sanzioni contro Mosca.", "in favour of", "contradiction"),
    ("The minister says new sanctions are important.", "against", "entailment"),
    ("The minister says new sanctions are important.", "in support of", "contradiction"),
    ("Oggi il presidente parla di economia.", "against", "neutral"),
    ("Oggi il presidente parla di economia.", "in favour of", "neutral"),
    ("Sanzioni contro la Russia.", "in favour of", "contradiction"),
    ("Sanzioni contro la Russia.", "new", "neutral"),
    ("Il vertice con Mosca.", "against", "neutral"),
    ("Il vertice con Mosca.", "in favour of", "neutral"),
]
# (premise, label): neutral wins, yet entailment beats contradiction by more than 1
LEANING_CHECKS = [("Il vertice con Mosca.", "against"), ("The summit with Moscow.", "against")]


def special_head(w, head: int, marker: int, seen: int, hypothesis_only: bool) -> None:
    """Layer-0 head attending to tokens marked in `marker` (in the hypothesis only, if asked) and copying
    the mark into `seen`."""
    layer = w.layers[0]
    cols = slice(head * HEAD_DIM, (head + 1) * HEAD_DIM)
    first = head * HEAD_DIM
    for p in (layer.q, layer.k, layer.v):
        p[0][:, cols], p[1][cols] = 0.0, 0.0
    layer.q[1][first] = 1.0  # the same query everywhere
    layer.k[0][marker, first] = KEY_GAIN  # marked tokens win the attention
    if hypothesis_only:
        layer.k[0][R_SEGMENT, first] = KEY_GAIN  # +marker in the hypothesis, -marker in the premise
    layer.v[0][marker, first] = 1.0
    layer.o[0][cols, :] = 0.0
    layer.o[0][first, seen] = 1.0


def leaning_topic(w, head: int) -> None:
    """Lets `head` (the TOPIC head) also see LEANING words, copying them into SEEN_LEANING."""
    layer = w.layers[0]
    first = head * HEAD_DIM
    layer.k[0][R_LEANING, first] = KEY_GAIN
    layer.v[0][R_LEANING, first + 1] = 1.0
    layer.o[0][first + 1, SEEN_LEANING] = 1.0


def and_unit(w, unit: int, a: int, b: int, out: int) -> None:
    layer = w.layers[0]
    layer.fc1[0][:, unit] = 0.0
    layer.fc1[0][a, unit] = layer.fc1[0][b, unit] = UNIT_GAIN
    layer.fc1[1][unit] = -UNIT_THRESHOLD
    layer.fc2[0][unit, :] = 0.0
    layer.fc2[0][unit, out] = 1.0


def main() -> None:
    folder = out_dir(*FOLDER)
    extra = "This example text vuole nuove says parla are oppose con with".split() + TOPIC + AGAINST + FAVOUR + LEANING
    vocab = build_vocab(vocabulary_words() + extra, "s i e a o ing ed".split())
    index = {t: i for i, t in enumerate(vocab)}
    reserved = list(range(R_LEAN + 1))
    w = random_weights(SEED, len(vocab), reserved)
    for words, dim in ((TOPIC, R_TOPIC), (AGAINST, R_AGAINST), (FAVOUR, R_FAVOUR), (LEANING, R_LEANING)):
        for word in words:
            w.words[index[word], dim] = MARKER
    w.token_types[0, R_SEGMENT], w.token_types[1, R_SEGMENT] = -MARKER, MARKER
    special_head(w, 1, R_TOPIC, SEEN_TOPIC, hypothesis_only=False)
    special_head(w, 2, R_AGAINST, SEEN_AGAINST, hypothesis_only=True)
    special_head(w, 3, R_FAVOUR, SEEN_FAVOUR, hypothesis_only=True)
    and_unit(w, 0, SEEN_TOPIC, SEEN_AGAINST, R_ENTAIL)
    and_unit(w, 1, SEEN_TOPIC, SEEN_FAVOUR, R_CONTRA)
    leaning_topic(w, 1)
    and_unit(w, 2, SEEN_LEANING, SEEN_AGAINST, R_LEAN)

    rng = np.random.RandomState(SEED + 1)
    pool_w = (rng.standard_normal((HIDDEN, HIDDEN)) / np.sqrt(HIDDEN)).astype(np.float32)
    pool_b = (rng.standard_normal(HIDDEN) * 0.02).astype(np.float32)
    for dim in (R_ENTAIL, R_CONTRA, R_LEAN):
        # layer norms shift all reserved dims alike: read each signal against the never-written ground dim
        pool_w[:, dim], pool_b[dim] = 0.0, 0.0
        pool_w[dim, dim], pool_w[R_GROUND, dim] = POOLER_GAIN, -POOLER_GAIN
    cls_w = (rng.standard_normal((HIDDEN, len(LABELS))) * 0.1).astype(np.float32)
    cls_w[reserved, :] = 0.0
    cls_w[R_ENTAIL, 0], cls_w[R_CONTRA, 0] = CLASSIFIER_GAIN, -CLASSIFIER_GAIN
    cls_w[R_ENTAIL, 2], cls_w[R_CONTRA, 2] = -CLASSIFIER_GAIN, CLASSIFIER_GAIN
    cls_w[R_LEAN, 0], cls_w[R_LEAN, 1] = LEAN_ENTAIL, LEAN_NEUTRAL
    cls_b = np.array([0.0, NEUTRAL_BIAS, 0.0], np.float32)
    w.pooler, w.classifier = (pool_w, pool_b), (cls_w, cls_b)

    def logits_of(premise: str, label: str) -> np.ndarray:
        a = [p for word in premise.replace(".", " .").split() for p in wordpiece(vocab, word)]
        b = [p for word in TEMPLATE.format(label).replace(".", " .").split() for p in wordpiece(vocab, word)]
        ids = [CLS] + [index[p] for p in a] + [SEP] + [index[p] for p in b] + [SEP]
        types = [0] * (len(a) + 2) + [1] * (len(b) + 1)
        pooled = np.tanh(forward(w, ids, types)[0] @ pool_w + pool_b)
        return pooled @ cls_w + cls_b

    for premise, label, expected in CHECKS:
        logits = logits_of(premise, label)
        got = LABELS[int(logits.argmax())]
        print(f"  {premise!r} / {label!r}: {got} {np.round(logits, 2).tolist()}")
        assert got == expected, f"expected {expected}"
    for premise, label in LEANING_CHECKS:
        logits = logits_of(premise, label)
        print(f"  leaning {premise!r} / {label!r}: {np.round(logits, 2).tolist()}")
        assert LABELS[int(logits.argmax())] == "neutral" and logits[0] - logits[2] > 1.0

    write_tokenizer(folder, vocab)
    write_config(folder, MODEL_ID, "BertForSequenceClassification", len(vocab), LABELS)
    save_model(sequence_classification_graph(w), folder)
    print(f"{MODEL_ID}: vocab {len(vocab)}")
    report_sizes(folder)


if __name__ == "__main__":
    main()

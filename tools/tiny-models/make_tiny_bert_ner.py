"""Builds `rassegna/tiny-bert-ner`: a tiny BERT token classifier (random weights, fixed seed) in the
layout transformers.js loads for `pipeline('token-classification', ...)`.

Labels are those of `Xenova/bert-base-multilingual-cased-ner-hrl`, in its order (O, B-/I- DATE, PER,
ORG, LOC): DATE first, so that code mapping labels by index instead of by name fails. A few vocabulary pieces carry
a marker in a reserved hidden dimension (see tinybert.py) and the classifier reads the markers, so these
pieces get their label whatever the context; every other piece comes out "O":

Run: /usr/bin/python3 tools/tiny-models/make_tiny_bert_ner.py
"""

from __future__ import annotations

import numpy as np

from tinybert import (
    CLS,
    HIDDEN,
    SEP,
    build_vocab,
    forward,
    random_weights,
    save_model,
    token_classification_graph,
    wordpiece,
    write_config,
    write_tokenizer,
)
from tinyonnx import out_dir, report_sizes
from wordlists import vocabulary_words

MODEL_ID = "rassegna/tiny-bert-ner"
FOLDER = ("packages", "entities", "test", "fixtures", "models", "rassegna", "tiny-bert-ner")
SEED = 7
LABELS = ["O", "B-DATE", "I-DATE", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
# piece -> label. "Pechino" is not a word of the vocabulary: it tokenises as "Pech" + "##ino".
MARKED = {
    "Mario": "B-PER",
    "Rossi": "I-PER",
    "Giulia": "B-PER",
    "Bianchi": "I-PER",
    "John": "B-PER",
    "Smith": "I-PER",
    "Roma": "B-LOC",
    "Rome": "B-LOC",
    "Milano": "B-LOC",
    "Stati": "B-LOC",
    "Uniti": "I-LOC",
    "Pech": "B-LOC",
    "##ino": "I-LOC",
    "Fiat": "B-ORG",
    "Nazioni": "B-ORG",
    "Unite": "I-ORG",
    # Italian elisions: a BERT tokenizer cuts "dell'Unione" into "dell" "'" "Unione".
    "Unione": "B-ORG",
    "Europea": "I-ORG",
    "Italia": "B-LOC",
    # a type Rassegna does not report
    "ottobre": "B-DATE",
}
MARKER = 8.0  # value of the marker dimension in a marked piece's embedding
CLASSIFIER_GAIN = 2.0
O_BIAS = 3.0
# Sentences checked before writing: (text, the pieces expected to be labelled, with their MARKED label).
CHECKS = [
    ("Mario Rossi vive a Roma e lavora per la Fiat .", ["Mario", "Rossi", "Roma", "Fiat"]),
    ("Il governo degli Stati Uniti e le Nazioni Unite a Pechino",
     ["Stati", "Uniti", "Nazioni", "Unite", "Pech", "##ino"]),
    ("John Smith said in Rome that the war is over", ["John", "Smith", "Rome"]),
    ("Oggi il presidente parla di economia e di pace", []),
    ("Il 3 ottobre il vertice dell ' Unione Europea in Italia", ["ottobre", "Unione", "Europea", "Italia"]),
]
EXTRA_WORDS = (
    "vive lavora parla over that Mario Rossi Giulia Bianchi John Smith Roma Rome Milano Stati Uniti Pech Fiat "
    "dell Unione Europea Italia ottobre"
)
SUFFIXES = "ino elles ing ed s i e a o"


def main() -> None:
    folder = out_dir(*FOLDER)
    words = [w for w in vocabulary_words() + EXTRA_WORDS.split() + list(MARKED) if w != "Pechino" and "#" not in w]
    vocab = build_vocab(words, SUFFIXES.split())
    index = {t: i for i, t in enumerate(vocab)}
    entity_labels = LABELS[1:]
    reserved = list(range(len(entity_labels)))  # hidden dim k marks entity label k + 1
    w = random_weights(SEED, len(vocab), reserved)
    for piece, label in MARKED.items():
        w.words[index[piece], entity_labels.index(label)] = MARKER

    rng = np.random.RandomState(SEED + 1)
    cls_w = (rng.standard_normal((HIDDEN, len(LABELS))) * 0.05).astype(np.float32)
    cls_w[reserved, :] = 0.0
    for k in range(len(entity_labels)):
        # reads marker k against the other markers: layer norms shift all reserved dims alike
        cls_w[reserved, k + 1] = -CLASSIFIER_GAIN / (len(reserved) - 1)
        cls_w[k, k + 1] = CLASSIFIER_GAIN
    cls_b = np.zeros(len(LABELS), np.float32)
    cls_b[0] = O_BIAS
    w.classifier = (cls_w, cls_b)

    for text, marked in CHECKS:
        expected = {piece: MARKED[piece] for piece in marked}
        pieces = [p for word in text.split() for p in wordpiece(vocab, word)]
        ids = [CLS] + [index[p] for p in pieces] + [SEP]
        logits = forward(w, ids, [0] * len(ids)) @ cls_w + cls_b
        got = {p: LABELS[int(logits[i + 1].argmax())] for i, p in enumerate(pieces)}
        got = {p: label for p, label in got.items() if label != "O"}
        margin = min(np.sort(row)[-1] - np.sort(row)[-2] for row in logits)
        print(f"  {text!r}: {got} (smallest top-1 margin {margin:.2f})")
        assert got == expected, f"expected {expected}"

    write_tokenizer(folder, vocab)
    write_config(folder, MODEL_ID, "BertForTokenClassification", len(vocab), LABELS)
    save_model(token_classification_graph(w), folder)
    print(f"{MODEL_ID}: vocab {len(vocab)}")
    report_sizes(folder)


if __name__ == "__main__":
    main()

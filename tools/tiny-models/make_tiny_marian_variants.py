"""Rewrites parts of the committed `rassegna/tiny-marian-it-en` without retraining it (its weights stay
byte-identical), and derives `rassegna/tiny-marian-it-en-runon` from it.

  --tokenizer  tokenizer.json / tokenizer_config.json in the real OPUS-MT structure (see
               make_tiny_marian.tokenizer_files): same vocabulary and ids, so the weights still fit.
  --runon      a copy whose decoder reads the token `</s>` as if it were `▁Rome` when it is fed back:
               after ending a sentence it keeps generating words, as real models may do in a batch
               (transformers.js keeps generating for finished rows until every row is done). The LM head
               stays tied to the true embeddings, so when the model ends a sentence does not change; only
               what it emits after that does.

Run: /usr/bin/python3 tools/tiny-models/make_tiny_marian_variants.py --tokenizer --runon
"""

from __future__ import annotations

import argparse
import os
import shutil

import onnx
from onnx import numpy_helper

from make_tiny_marian import FOLDER, tokenizer_files, vocabulary
from tinyonnx import out_dir, report_sizes

RUNON_ID = "rassegna/tiny-marian-it-en-runon"
RUNON_FOLDER = FOLDER[:-1] + ("tiny-marian-it-en-runon",)
STAND_IN = "▁of"  # what `</s>` reads as once fed back to the decoder


def vocab_and_ids() -> tuple[list[tuple[str, float]], dict]:
    vocab = [("</s>", 0.0), ("<unk>", 0.0), *vocabulary(), ("<pad>", 0.0)]
    return vocab, {"eos": 0, "unk": 1, "pad": len(vocab) - 1}


def runon_decoder(source: str, target: str, stand_in: int, eos: int) -> None:
    """Copies a decoder file, giving the embedding lookup its own table where row `eos` is row `stand_in`."""
    model = onnx.load(source)
    graph = model.graph
    lookups = [n for n in graph.node if n.op_type == "Gather" and n.input[1] == "input_ids"]
    assert len(lookups) == 1, "expected one embedding lookup of input_ids in the decoder"
    shared = next(t for t in graph.initializer if t.name == lookups[0].input[0])
    table = numpy_helper.to_array(shared).copy()
    table[eos] = table[stand_in]
    graph.initializer.append(numpy_helper.from_array(table, "shared_decoder_input"))
    lookups[0].input[0] = "shared_decoder_input"
    onnx.save(model, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tokenizer", action="store_true")
    parser.add_argument("--runon", action="store_true")
    args = parser.parse_args()
    vocab, ids = vocab_and_ids()
    folder = out_dir(*FOLDER)
    if args.tokenizer:
        tokenizer_files(folder, vocab, ids)
    if args.runon:
        runon = out_dir(*RUNON_FOLDER)
        for name in ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json"):
            shutil.copyfile(os.path.join(folder, name), os.path.join(runon, name))
        os.makedirs(os.path.join(runon, "onnx"), exist_ok=True)
        for name in ("encoder_model.onnx", "encoder_model_quantized.onnx"):
            shutil.copyfile(os.path.join(folder, "onnx", name), os.path.join(runon, "onnx", name))
        stand_in = [p for p, _ in vocab].index(STAND_IN)
        for name in ("decoder_model_merged.onnx", "decoder_model_merged_quantized.onnx"):
            runon_decoder(os.path.join(folder, "onnx", name), os.path.join(runon, "onnx", name), stand_in, ids["eos"])
        print(f"{RUNON_ID}: </s> read back as {STAND_IN} (id {stand_in})")
        report_sizes(runon)


if __name__ == "__main__":
    main()

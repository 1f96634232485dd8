/**
 * The neural backend as it must read real NER models: words split as a BERT tokenizer splits
 * them (Italian elisions, CJK characters), labels read by name in any order and scheme, and a
 * word's label taken from its pieces as transformers.js' aggregation strategies do.
 */
import {
  extractEntities,
  neuralWords,
  parseLabel,
  parseLabels,
  releaseEntityModels,
  wordLabel,
} from "@rassegna/entities";
import { afterAll, describe, expect, it } from "vitest";

import { expectTrueOffsets, tinyNer } from "./helpers.js";

const tiny = tinyNer;

afterAll(async () => {
  await releaseEntityModels();
});

describe("neuralWords", () => {
  const words = (text: string) => neuralWords(text).map((w) => text.slice(w.start, w.end));
  it("cuts elisions and every punctuation mark apart, as BERT's basic tokenizer does", () => {
    expect(words("dell'Unione, all’Onu e D'Alema.")).toEqual([
      "dell",
      "'",
      "Unione",
      ",",
      "all",
      "’",
      "Onu",
      "e",
      "D",
      "'",
      "Alema",
      ".",
    ]);
  });
  it("makes each CJK ideograph a word of its own, keeping kana runs together", () => {
    expect(words("习近平在北京")).toEqual(["习", "近", "平", "在", "北", "京"]);
    expect(words("東京でカメラ")).toEqual(["東", "京", "でカメラ"]);
  });
  it("keeps true offsets for astral characters and marks sentence starts", () => {
    const text = "Ciao 𝔸lfa. Poi Roma";
    const got = neuralWords(text);
    for (const w of got) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(got.filter((w) => w.initial).map((w) => w.text)).toEqual(["Ciao", "Poi"]);
  });
});

describe("labels by name, in any scheme", () => {
  it("maps IOB, IOBES and BILOU labels of CoNLL and OntoNotes types", () => {
    expect(parseLabel("B-PER")).toEqual({ position: "B", type: "PERSON", tag: "PER" });
    expect(parseLabel("S-GPE")).toEqual({ position: "S", type: "LOCATION", tag: "GPE" });
    expect(parseLabel("E-ORG")).toEqual({ position: "E", type: "ORGANIZATION", tag: "ORG" });
    expect(parseLabel("U-PERSON")).toEqual({ position: "S", type: "PERSON", tag: "PERSON" });
    expect(parseLabel("L-LOC")).toEqual({ position: "E", type: "LOCATION", tag: "LOC" });
    expect(parseLabel("I-DATE")).toEqual({ position: "I", type: undefined, tag: "DATE" });
    expect(parseLabel("PER")).toEqual({ position: "I", type: "PERSON", tag: "PER" });
    expect(parseLabel("O")).toEqual({ position: "O", type: undefined, tag: "" });
  });
  it("refuses a model whose labels are not NER labels, naming them", () => {
    expect(() => parseLabels("x/sentiment", { 0: "LABEL_0", 1: "LABEL_1" }, "entities")).toThrow(
      /not a named-entity tagger.*LABEL_0, LABEL_1/,
    );
    expect(() => parseLabels("x/dates", { 0: "O", 1: "B-DATE" }, "entities")).toThrow(/not a named-entity tagger/);
  });
});

describe("aggregation over word pieces", () => {
  // Three labels: 0 O, 1 B-PER, 2 B-LOC. Invented logits for a word of two pieces.
  const pieces = [Float64Array.from([2, 1.5, 0]), Float64Array.from([0, 0, 6])];
  it("first: the first piece's label", () => {
    expect(wordLabel(pieces, "first")).toBe(0);
  });
  it("max: the label of the most confident piece", () => {
    expect(wordLabel(pieces, "max")).toBe(2);
  });
  it("average: the best label of the averaged probabilities", () => {
    expect(wordLabel(pieces, "average")).toBe(2);
    expect(wordLabel([Float64Array.from([3, 0, 0]), Float64Array.from([2.9, 3, 0])], "average")).toBe(0);
  });
});

describe("the tiny NER model (labels in the multilingual model's order, DATE first)", () => {
  it.each(["fp32", "q8"])("finds a name after an Italian elision and sets dates aside (%s)", async (dtype) => {
    const text = "Il 3 ottobre il vertice dell'Unione Europea si apre in Italia.";
    const entities = await extractEntities(text, { ...tiny, dtype, language: "it" });
    expectTrueOffsets(text, entities);
    expect(entities.map((e) => [e.type, e.mentions.map((m) => m.text).join("|")])).toEqual([
      ["ORGANIZATION", "Unione Europea"],
      ["LOCATION", "Italia"],
    ]);
  });
  it("rejects an unknown aggregation strategy before loading", () => {
    expect(() =>
      extractEntities("Roma.", { ...tiny, aggregation: "mean" as unknown as "max", localModelPath: "/nonexistent" }),
    ).toThrow(/aggregation must be/);
  });
});

/**
 * How the Marian engine behaves where real OPUS-MT weights would differ from fp32 tests:
 * quantized weights (q8) must not make a sentence's translation depend on its batch, and a
 * beam search that transformers.js does not implement is refused, not pretended.
 */
import { createTranslator } from "@rassegna/translate";
import { describe, expect, it } from "vitest";

import { tinyOptions } from "./helpers.js";

describe("the Marian engine on quantized (q8) weights", () => {
  it("gives each sentence the translation it gets alone, whatever its batch neighbours", async () => {
    // Invented sentences of similar length: an fp32 engine would put them in one call.
    const sentences = [
      "Oggi a Roma.",
      "Mosca accusa Washington.",
      "Il presidente parla.",
      "La Cina e la Russia contro gli Stati Uniti.",
      "Il vertice di Bruxelles è un accordo per la pace?",
      "Il governo italiano ha detto che le sanzioni contro la Russia sono importanti.",
    ];
    const alone = await createTranslator({ ...tinyOptions, dtype: "q8", batchSize: 1, cacheSize: 0 });
    const batched = await createTranslator({ ...tinyOptions, dtype: "q8", batchSize: 8, cacheSize: 0 });
    try {
      const one = [];
      for (const s of sentences) one.push(...(await alone.translateBatch([s])));
      const all = await batched.translateBatch(sentences);
      expect(all).toEqual(one);
    } finally {
      await alone.close();
      await batched.close();
    }
  });

  it("still batches fp32 weights, whose output does not depend on the batch", async () => {
    const batched = await createTranslator({ ...tinyOptions, dtype: "fp32", batchSize: 8, cacheSize: 0 });
    try {
      await batched.translateBatch(["Piove a Roma.", "Nevica a Milano.", "Sole a Napoli."]);
      expect(batched.stats.calls).toBe(1);
    } finally {
      await batched.close();
    }
  });
});

describe("beam search", () => {
  it("is refused with a clear USAGE error, before any model is loaded", async () => {
    await expect(
      createTranslator({ ...tinyOptions, numBeams: 4, localModelPath: "/nonexistent/models" }),
    ).rejects.toMatchObject({ code: "USAGE", message: expect.stringMatching(/numBeams 4.*greedily/) });
  });
});

describe("rows that go on after their end of sentence (tiny-marian-it-en-runon)", () => {
  // A copy of the tiny model whose decoder, once it has produced </s>, keeps producing words
  // (tools/tiny-models/make_tiny_marian_variants.py), as real models may in a batch.
  const runon = { ...tinyOptions, model: "rassegna/tiny-marian-it-en-runon" };
  const sentences = [
    "Oggi a Roma.",
    "Mosca accusa Washington.",
    "Il governo italiano ha detto che le sanzioni contro la Russia sono importanti.",
  ];

  it("really emits tokens after </s> when batched (the raw transformers.js output shows them)", async () => {
    const { AutoModelForSeq2SeqLM, AutoTokenizer, env } = await import("@huggingface/transformers");
    const { applyModelSettings, resolveModelSettings } = await import("@rassegna/core");
    applyModelSettings(env, resolveModelSettings(runon));
    const tokenizer = await AutoTokenizer.from_pretrained(runon.model);
    const model = await AutoModelForSeq2SeqLM.from_pretrained(runon.model, { dtype: "fp32" });
    try {
      const output = (await model.generate({ ...tokenizer(sentences, { padding: true }), max_new_tokens: 40 })) as {
        tolist(): Array<Array<number | bigint>>;
      };
      const rows = output.tolist().map((row) => row.map(Number));
      const afterEnd = rows.map((row) => row.slice(row.indexOf(0) + 1).filter((id) => id !== 0 && id !== 730));
      expect(afterEnd.some((ids) => ids.length > 0)).toBe(true);
    } finally {
      await model.dispose();
    }
  });

  it("cuts each row at its own end: batched output equals each sentence alone and the original model's", async () => {
    const batched = await createTranslator({ ...runon, batchSize: 8, cacheSize: 0 });
    const alone = await createTranslator({ ...runon, batchSize: 1, cacheSize: 0 });
    const original = await createTranslator({ ...tinyOptions, batchSize: 8, cacheSize: 0 });
    try {
      const all = await batched.translateBatch(sentences);
      const one = [];
      for (const s of sentences) one.push(...(await alone.translateBatch([s])));
      expect(all).toEqual(one);
      expect(all).toEqual(await original.translateBatch(sentences));
    } finally {
      await batched.close();
      await alone.close();
      await original.close();
    }
  });
});

describe("the tokenizer in the real OPUS-MT structure", () => {
  it("reads text with no-break and zero-width spaces and tabs as the same words, offsets still true", async () => {
    const translator = await createTranslator({ ...tinyOptions, cacheSize: 0 });
    try {
      const plain = await translator.translate("Oggi a Roma.");
      const odd = "Oggi\u00a0a\tRoma.";
      const spaced = await translator.translate(odd);
      expect(spaced.text).toBe(plain.text);
      expect(odd.slice(spaced.segments[0]?.source.start, spaced.segments[0]?.source.end)).toBe(odd);
    } finally {
      await translator.close();
    }
  });
});

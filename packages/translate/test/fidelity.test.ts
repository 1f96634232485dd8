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

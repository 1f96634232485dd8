import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ModelUnavailableError, RassegnaError, unknownBackendError } from "@rassegna/core";
import { createTranslator, splitLongSentence, type Translator, translateStage } from "@rassegna/translate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadedModelCount } from "../src/backends/transformers/marian.js";
import { FIXTURE_MODELS, TINY_MODEL, tinyOptions } from "./helpers.js";

const ARTICLE =
  "Il governo ha approvato la legge di bilancio. Il sig. Rossi, ministro dell'economia, era soddisfatto.\n\n" +
  "Le opposizioni hanno protestato in aula.\nLa votazione finale è prevista per martedì.";

describe("createTranslator on the tiny Marian model (no hub, no network)", () => {
  let translator: Translator;
  beforeAll(async () => {
    translator = await createTranslator({ ...tinyOptions, batchSize: 4 });
  });
  afterAll(async () => {
    await translator.close();
  });

  it("records the pair, engine and model", () => {
    expect(translator.from).toBe("it");
    expect(translator.to).toBe("en");
    expect(translator.engine).toBe("transformers");
    expect(translator.model).toBe(TINY_MODEL);
  });

  it("gives the same greedy output from a freshly loaded model", async () => {
    const first = await translator.translate(ARTICLE);
    const other = await createTranslator({ ...tinyOptions, cacheSize: 0 });
    try {
      const second = await other.translate(ARTICLE);
      expect(second.text).toBe(first.text);
      expect(first.text.length).toBeGreaterThan(0);
      // Different sentences get different outputs: the model really runs on the input.
      const distinct = new Set(first.segments.map((s) => first.text.slice(s.target.start, s.target.end)));
      expect(distinct.size).toBe(first.segments.length);
    } finally {
      await other.close();
    }
  });

  it("gives every source sentence a true span in the source and in the output", async () => {
    const result = await translator.translate(ARTICLE);
    const sentences = [
      "Il governo ha approvato la legge di bilancio.",
      "Il sig. Rossi, ministro dell'economia, era soddisfatto.",
      "Le opposizioni hanno protestato in aula.",
      "La votazione finale è prevista per martedì.",
    ];
    expect(result.segments.map((s) => ARTICLE.slice(s.source.start, s.source.end))).toEqual(sentences);
    const alone = await translator.translateBatch(sentences);
    expect(result.segments.map((s) => result.text.slice(s.target.start, s.target.end))).toEqual(alone);
    // Paragraphs keep the source's line breaks; sentences of a paragraph are joined by a space.
    const gaps = result.segments
      .slice(1)
      .map((s, i) => result.text.slice(result.segments[i]?.target.end, s.target.start));
    expect(gaps).toEqual([" ", "\n\n", "\n"]);
  });

  it("translates the same sentences alone and batched to the same text", async () => {
    const sentences = [
      "Ciao.",
      "Il presidente è arrivato a Bruxelles per il vertice europeo sull'energia.",
      "Piove.",
      "La banca centrale ha alzato i tassi di interesse di un quarto di punto.",
      "Nessun commento dal ministero.",
    ];
    const alone = await createTranslator({ ...tinyOptions, batchSize: 1, cacheSize: 0 });
    const batched = await createTranslator({ ...tinyOptions, batchSize: 8, cacheSize: 0 });
    try {
      const one = await alone.translateBatch(sentences);
      const all = await batched.translateBatch(sentences);
      expect(all).toEqual(one);
      expect(alone.stats.calls).toBe(sentences.length);
      // Short and long sentences go in separate calls (a call lasts as long as its longest row).
      expect(batched.stats.calls).toBe(2);
      const similar = await batched.translateBatch(["Piove a Roma.", "Nevica a Milano.", "Sole a Napoli."]);
      expect(similar).toHaveLength(3);
      expect(batched.stats.calls).toBe(3);
    } finally {
      await alone.close();
      await batched.close();
    }
  });

  it("answers repeated sentences from the cache without calling the model", async () => {
    const cached = await createTranslator({ ...tinyOptions, cacheSize: 100 });
    try {
      const text = "Il consiglio comunale si è riunito. La seduta è durata tre ore.";
      const first = await cached.translate(text);
      const calls = cached.stats.calls;
      const sentences = cached.stats.sentences;
      expect(sentences).toBe(2);
      const second = await cached.translate(text);
      expect(second).toEqual(first);
      expect(cached.stats.calls).toBe(calls);
      expect(cached.stats.sentences).toBe(sentences);
      expect(cached.stats.cacheHits).toBe(2);
      // A repeated sentence inside one text is sent once too.
      await cached.translate("Nuova frase. Nuova frase. La seduta è durata tre ore.");
      expect(cached.stats.sentences).toBe(sentences + 1);
    } finally {
      await cached.close();
    }
  });

  it("cuts a sentence longer than maxInputTokens into pieces and never truncates it", async () => {
    const long =
      "Il ministro, dopo una lunga riunione con i sindacati, ha annunciato un piano per le infrastrutture; " +
      "il piano prevede nuove strade, ferrovie e porti, e sarà finanziato in parte dall'Unione europea.";
    const small = await createTranslator({ ...tinyOptions, maxInputTokens: 48, cacheSize: 0 });
    const whole = await createTranslator({ ...tinyOptions, cacheSize: 0 });
    try {
      expect(small.countTokens(long)).toBeGreaterThan(48);
      const result = await small.translate(long);
      expect(result.segments).toHaveLength(1);
      // The cuts: clause boundaries first, each piece within the limit, no word lost.
      const spans = splitLongSentence(long, { start: 0, end: long.length }, 48, (t) => small.countTokens(t));
      const pieces = spans.map((s) => long.slice(s.start, s.end));
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces[0]?.endsWith(",") || pieces[0]?.endsWith(";")).toBe(true);
      for (const piece of pieces) expect(small.countTokens(piece)).toBeLessThanOrEqual(48);
      expect(pieces.join(" ")).toBe(long);
      expect(small.stats.sentences).toBe(pieces.length);
      // Each piece is translated alone and the translations joined: nothing is truncated.
      const separately = await whole.translateBatch(pieces);
      expect(result.text).toBe(separately.join(" "));
      // The model with its full limit translates the sentence in one piece.
      await whole.translate(long);
      expect(whole.stats.sentences).toBe(pieces.length + 1);
    } finally {
      await small.close();
      await whole.close();
    }
  });

  it("returns an empty translation with no segments for empty or blank text", async () => {
    const calls = translator.stats.calls;
    for (const text of ["", "  \n\n "]) {
      const result = await translator.translate(text);
      expect(result.text).toBe("");
      expect(result.segments).toEqual([]);
      expect(result.model).toBe(TINY_MODEL);
    }
    expect(translator.stats.calls).toBe(calls);
  });

  it("loads a model once and shares it; the last close frees it", async () => {
    const before = loadedModelCount();
    const q8a = await createTranslator({ ...tinyOptions, dtype: "q8" });
    const q8b = await createTranslator({ ...tinyOptions, dtype: "q8" });
    expect(loadedModelCount()).toBe(before + 1);
    await q8a.close();
    expect(loadedModelCount()).toBe(before + 1);
    // The other user still translates after the first one closed.
    expect((await q8b.translateBatch(["Buongiorno."]))[0]?.length).toBeGreaterThan(0);
    await q8b.close();
    expect(loadedModelCount()).toBe(before);
  });

  it("rejects a non-string with INVALID_INPUT", async () => {
    await expect(translator.translate(42 as unknown as string)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(translator.translate("\u0000\u0001binary")).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("stops with ABORTED when the signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(translator.translate("Una frase.", { signal: controller.signal })).rejects.toMatchObject({
      code: "ABORTED",
    });
  });
});

describe("createTranslator errors and English", () => {
  it("offline without the model: names the model, every place searched and the fix", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-cache-"));
    const error = await createTranslator({
      from: "it",
      engine: "transformers",
      offline: true,
      cacheDir,
      localModelPath: FIXTURE_MODELS,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    const e = error as ModelUnavailableError;
    expect(e.code).toBe("MODEL_UNAVAILABLE");
    expect(e.model).toBe("Xenova/opus-mt-it-en");
    expect(e.message).toContain("Xenova/opus-mt-it-en");
    expect(e.message).toContain(join(cacheDir, "Xenova/opus-mt-it-en"));
    expect(e.message).toContain(join(FIXTURE_MODELS, "Xenova/opus-mt-it-en"));
    expect(e.message).toContain("rassegna models pull Xenova/opus-mt-it-en");
    expect(e.message).toContain("RASSEGNA_MODEL_PATH");
    expect(e.message).toContain("RASSEGNA_OFFLINE");
  });

  it("an unknown pair is MODEL_UNAVAILABLE, never a pass-through", async () => {
    await expect(createTranslator({ from: "ko", offline: true })).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
      message: expect.stringContaining("ko→en"),
    });
  });

  it("rejects bad numeric options with a USAGE error naming the option", async () => {
    await expect(createTranslator({ ...tinyOptions, batchSize: 0 })).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringContaining("batchSize"),
    });
    await expect(createTranslator({ ...tinyOptions, maxInputTokens: 2.5 })).rejects.toMatchObject({ code: "USAGE" });
  });

  it("an unknown backend is core's unknown-backend error, under either option name, before anything loads", async () => {
    const expected = unknownBackendError("translate", "babelfish", ["transformers", "apertium"]);
    for (const options of [
      { backend: "babelfish" as "apertium" },
      { engine: "babelfish" as "apertium" },
      { engines: ["apertium", "babelfish" as "apertium"] },
    ]) {
      const error = await createTranslator(options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RassegnaError);
      expect(error).toMatchObject({ code: expected.code, message: expected.message });
    }
    expect(() => translateStage({ backend: "babelfish" as "apertium" })).toThrow(expected.message);
  });

  it("takes the backend by its name, `engine` being its former name", async () => {
    const byBackend = await createTranslator({ ...tinyOptions, backend: "transformers" });
    expect(byBackend.engine).toBe("transformers");
    await byBackend.close();
  });

  it("English to English gives the text back, with sentence segments, and loads nothing", async () => {
    const translator = await createTranslator({ from: "en", offline: true, cacheDir: "/nonexistent" });
    const text = "The vote passed. Nobody objected.\n\nA new paragraph.";
    const result = await translator.translate(text);
    expect(result.text).toBe(text);
    expect(result.engine).toBe("identity");
    expect(result.segments.map((s) => text.slice(s.target.start, s.target.end))).toEqual([
      "The vote passed.",
      "Nobody objected.",
      "A new paragraph.",
    ]);
    await translator.close();
  });
});

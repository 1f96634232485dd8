import { type Analysis, createAnalysis, createStageContext } from "@rassegna/core";
import { createTranslator, type SentenceItem, translateStage } from "@rassegna/translate";
import { afterAll, describe, expect, it } from "vitest";

import { TINY_MODEL, tinyOptions } from "./helpers.js";

const { from: _from, ...stageOptions } = tinyOptions;

function article(id: string, text: string, language?: string): Analysis {
  return createAnalysis(language === undefined ? { id, text } : { id, text, language }, 0);
}

describe("translateStage", () => {
  const stage = translateStage({ ...stageOptions, batchSize: 4 });
  const context = createStageContext(stage);
  afterAll(async () => {
    await stage.close?.();
  });

  it("is named translate and declares sentence batching", () => {
    expect(stage.name).toBe("translate");
    expect(stage.batching?.batchSize).toBe(4);
  });

  it("translates an Italian article like the translator does, and writes only doc.translation", async () => {
    const text = "Il parlamento ha votato. La legge passa al senato.\n\nI sindacati sono contrari.";
    const doc = article("a-1", text, "it");
    const before = { ...doc };
    await stage.process(doc, context);
    const translator = await createTranslator({ ...tinyOptions, cacheSize: 0 });
    try {
      expect(doc.translation).toEqual(await translator.translate(text));
    } finally {
      await translator.close();
    }
    expect(doc.translation?.model).toBe(TINY_MODEL);
    expect(doc.translation?.segments).toHaveLength(3);
    const { translation, ...rest } = doc;
    expect(rest).toEqual(before);
  });

  it("reads the detected language before the hint", async () => {
    const doc = article("a-2", "Una frase breve.", "en");
    doc.language = { code: "it", iso6393: "ita", confidence: 0.9, script: "Latn", reliable: true, alternatives: [] };
    await stage.process(doc, context);
    expect(doc.translation?.from).toBe("it");
  });

  it("leaves English articles and rejected inputs alone", async () => {
    const english = article("e-1", "The vote passed.", "en");
    await stage.process(english, context);
    expect(english.translation).toBeUndefined();
    const bad = createAnalysis({ id: "b-1" }, 0);
    await stage.process(bad, context);
    expect(bad.translation).toBeUndefined();
    expect(bad.errors).toHaveLength(1);
  });

  it("leaves a text without letters alone, whatever its language", async () => {
    const doc = article("n-1", "12 345 — 67,8 %");
    doc.language = { code: "und", iso6393: "und", confidence: 0, script: "Zyyy", reliable: false, alternatives: [] };
    await stage.process(doc, context);
    expect(doc.translation).toBeUndefined();
  });

  it("throws UNSUPPORTED_LANGUAGE when the language is unknown, MODEL_UNAVAILABLE when it has no model", async () => {
    await expect(stage.process(article("u-1", "Testo senza lingua."), context)).rejects.toMatchObject({
      code: "UNSUPPORTED_LANGUAGE",
    });
    const undetermined = article("u-2", "Ok ok.");
    undetermined.language = {
      code: "und",
      iso6393: "und",
      confidence: 0,
      script: "Latn",
      reliable: false,
      alternatives: [],
    };
    await expect(stage.process(undetermined, context)).rejects.toMatchObject({
      code: "UNSUPPORTED_LANGUAGE",
      message: expect.stringContaining("u-2"),
    });
    await expect(stage.process(article("k-1", "한국어 문장입니다.", "ko"), context)).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
    });
  });

  it("batches sentences of several articles in one model call, grouped by engine", async () => {
    const own = translateStage({ ...stageOptions, batchSize: 16, cacheSize: 0 });
    // A context that holds the items of two articles and sends them in one batch.
    const pending: Array<{ items: SentenceItem[]; resolve: (out: string[]) => void }> = [];
    let calls = 0;
    const gathering = {
      signal: new AbortController().signal,
      batch<I, O>(items: readonly I[]): Promise<O[]> {
        return new Promise<O[]>((resolve) => {
          pending.push({ items: items as unknown as SentenceItem[], resolve: resolve as (out: string[]) => void });
        });
      },
    };
    try {
      const a = article("x-1", "Prima frase del primo articolo. Seconda frase.", "it");
      const b = article("x-2", "Unica frase del secondo articolo.", "it");
      const done = Promise.all([own.process(a, gathering), own.process(b, gathering)]);
      while (pending.length < 2) await new Promise((r) => setTimeout(r, 5));
      const all = pending.flatMap((p) => p.items);
      expect(new Set(all.map((i) => i.engine)).size).toBe(1);
      const out = (await own.batching?.run(all, gathering.signal)) as string[];
      calls++;
      let offset = 0;
      for (const p of pending) {
        p.resolve(out.slice(offset, offset + p.items.length));
        offset += p.items.length;
      }
      await done;
      expect(calls).toBe(1);
      expect(out).toHaveLength(3);
      const direct = await createTranslator({ ...tinyOptions, cacheSize: 0 });
      try {
        expect(a.translation).toEqual(await direct.translate(a.text));
        expect(b.translation).toEqual(await direct.translate(b.text));
      } finally {
        await direct.close();
      }
    } finally {
      await own.close?.();
    }
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createAnalysis, createStageContext, ModelUnavailableError } from "@rassegna/core";
import { DEFAULT_NER_MODEL, entitiesStage, extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { expectTrueOffsets, tinyNer } from "./helpers.js";

describe("transformers backend without its model", () => {
  it("rejects with MODEL_UNAVAILABLE naming every place searched and the fix", async () => {
    const empty = mkdtempSync(join(tmpdir(), "rassegna-entities-"));
    const cacheDir = join(empty, "cache");
    const pending = extractEntities("Mario Rossi vive a Roma.", {
      backend: "transformers",
      offline: true,
      localModelPath: empty,
      cacheDir,
    });
    expect(pending).toBeInstanceOf(Promise);
    const error = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    const unavailable = error as ModelUnavailableError;
    expect(unavailable.code).toBe("MODEL_UNAVAILABLE");
    expect(unavailable.model).toBe(DEFAULT_NER_MODEL);
    expect(unavailable.searched).toEqual([join(cacheDir, DEFAULT_NER_MODEL), join(empty, DEFAULT_NER_MODEL)]);
    expect(unavailable.message).toContain(join(empty, DEFAULT_NER_MODEL));
    expect(unavailable.message).toMatch(/rassegna models pull/);
  });

  it("checks the text before loading anything", async () => {
    await expect(
      extractEntities(7 as unknown as string, { backend: "transformers", offline: true, localModelPath: tmpdir() }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("transformers backend with the tiny test model", () => {
  const options = tinyNer;

  it.each(["fp32", "q8"])("maps word labels to entities with true offsets and canonical names (%s)", async (dtype) => {
    const text = "Mario Rossi vive a Roma e lavora per la Fiat. Le Nazioni Unite e gli Stati Uniti a Pechino.";
    const entities = await extractEntities(text, { ...options, dtype, language: "it" });
    expectTrueOffsets(text, entities);
    expect(entities.map((e) => [e.name, e.type, e.mentions.map((m) => m.text).join("|")])).toEqual([
      ["Mario Rossi", "PERSON", "Mario Rossi"],
      ["Rome", "LOCATION", "Roma"],
      ["Fiat", "ORGANIZATION", "Fiat"],
      ["United Nations", "ORGANIZATION", "Nazioni Unite"],
      ["United States", "LOCATION", "Stati Uniti"],
      // Pechino is two word pieces (Pech + ##ino): the word takes its first piece's label.
      ["Beijing", "LOCATION", "Pechino"],
    ]);
  });

  it("reads a model found only in the cache folder when offline (no local path)", async () => {
    const { localModelPath, ...rest } = options;
    const text = "Mario Rossi vive a Roma.";
    const fromCache = await extractEntities(text, { ...rest, cacheDir: localModelPath, language: "it" });
    expect(fromCache.map((e) => e.name)).toEqual(["Mario Rossi", "Rome"]);
  });

  it("gives the same entities for a text read in several model batches", async () => {
    const sentence = "Oggi a Milano con Mario Rossi. ";
    const text = sentence.repeat(30);
    const one = await extractEntities(text, { ...options, batchSize: 1 });
    const many = await extractEntities(text, { ...options, batchSize: 16 });
    expect(many).toEqual(one);
    expect(one.find((e) => e.name === "Mario Rossi")?.mentions).toHaveLength(30);
  });

  it("runs as the pipeline stage on the translation and the original", async () => {
    const text = "Mario Rossi vive a Roma.";
    const english = "Mario Rossi lives in Rome.";
    const doc = createAnalysis({ id: "t", text, language: "it" }, 0);
    doc.translation = {
      from: "it",
      to: "en",
      model: "test",
      text: english,
      segments: [{ source: { start: 0, end: text.length }, target: { start: 0, end: english.length } }],
    };
    const stage = entitiesStage(options);
    await stage.process(doc, createStageContext(stage));
    await stage.close?.();
    const rossi = doc.entities?.find((e) => e.name === "Mario Rossi");
    // The aligned pair of mentions is one mention: the original's.
    expect(rossi?.source).toBe("original");
    expect((rossi?.mentions ?? []).map((m) => [m.source, m.start, m.end])).toEqual([["original", 0, 11]]);
    expect(doc.entities?.find((e) => e.name === "Rome")?.mentions.map((m) => m.text)).toEqual(["Roma"]);
  });
});

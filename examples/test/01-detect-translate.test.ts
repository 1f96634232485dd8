import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

import { detectAndTranslate } from "../01-detect-translate.mjs";

const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-ex1-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const italian =
  "Il governo italiano ha approvato ieri una nuova legge sulla scuola. Il ministro ha detto che le classi saranno più piccole.";

describe("example 1: detect and translate", () => {
  it("says in one note that the neural model is missing and falls back to Apertium", async () => {
    const notes: string[] = [];
    const result = await detectAndTranslate(italian, { offline: true, cacheDir, onNote: (n) => notes.push(n) });
    expect(result.language.code).toBe("it");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^transformers unavailable: .*opus-mt-it-en/);
    expect(result.engine).toBe("apertium");
    expect(result.translation?.to).toBe("en");
    expect(result.translation?.text).toMatch(/\b(the|government|law|school)\b/i);
  });

  it("does not translate English", async () => {
    const result = await detectAndTranslate(
      "The government approved a new law on schools yesterday, and the minister said classes would be smaller.",
      { offline: true, cacheDir },
    );
    expect(result.language.code).toBe("en");
    expect(result.translation).toBeUndefined();
  });

  it("fails with every engine's reason when none can translate", async () => {
    await expect(detectAndTranslate(italian, { offline: true, cacheDir, engines: ["transformers"] })).rejects.toThrow(
      /No translation engine could translate it→en: .*opus-mt-it-en/,
    );
  });
});

describe("example 1 with a model at hand", () => {
  it("translates with the neural engine when the model is found locally", async () => {
    const notes: string[] = [];
    const localModelPath = fileURLToPath(new URL("../../packages/translate/test/fixtures/models/", import.meta.url));
    const result = await detectAndTranslate(italian, {
      offline: true,
      cacheDir,
      localModelPath,
      model: "rassegna/tiny-marian-it-en",
      onNote: (n) => notes.push(n),
    });
    expect(notes).toEqual([]);
    expect(result.engine).toBe("transformers");
    expect(result.translation?.model).toBe("rassegna/tiny-marian-it-en");
    // A toy model: the words do not matter here, but there is one aligned segment per sentence.
    expect(result.translation?.segments).toHaveLength(2);
  });
});

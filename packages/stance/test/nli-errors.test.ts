import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAnalysis, createStageContext, ModelUnavailableError } from "@rassegna/core";
import { stanceStage, tagStance } from "@rassegna/stance";
import { describe, expect, it } from "vitest";

const empty = mkdtempSync(join(tmpdir(), "rassegna-stance-"));

describe("NLI backend without its model", () => {
  it("rejects with a MODEL_UNAVAILABLE error naming every place searched and the fix", async () => {
    const result = tagStance("Washington sanctions Iran.", {
      backend: "nli",
      model: "rassegna/no-such-nli-model",
      offline: true,
      cacheDir: join(empty, "cache"),
      localModelPath: join(empty, "models"),
    });
    expect(result).toBeInstanceOf(Promise);
    const error = await result.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    const e = error as ModelUnavailableError;
    expect(e.code).toBe("MODEL_UNAVAILABLE");
    expect(e.stage).toBe("stance");
    expect(e.message).toContain("rassegna/no-such-nli-model");
    expect(e.searched).toEqual([
      join(empty, "cache", "rassegna/no-such-nli-model"),
      join(empty, "models", "rassegna/no-such-nli-model"),
    ]);
    expect(e.message).toMatch(/RASSEGNA_MODEL_PATH|models pull/);
  });

  it("rejects bad input before loading anything", async () => {
    await expect(tagStance(7 as unknown as string, { backend: "nli", offline: true })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("fails the stage with the same error, so the pipeline can record it", async () => {
    const stage = stanceStage({
      backend: "nli",
      model: "rassegna/no-such-nli-model",
      offline: true,
      cacheDir: join(empty, "cache"),
      localModelPath: join(empty, "models"),
    });
    expect(stage.batching?.batchSize).toBeGreaterThan(0);
    const doc = createAnalysis({ id: "x", text: "Washington sanctions Iran.", language: "en" }, 0);
    await expect(stage.process(doc, createStageContext(stage))).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
    await stage.close?.();
  });
});

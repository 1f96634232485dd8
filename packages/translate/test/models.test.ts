import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { listModels, pullModels } from "@rassegna/translate";
import { describe, expect, it } from "vitest";

import { FIXTURE_MODELS, TINY_MODEL } from "./helpers.js";

describe("listModels", () => {
  it("lists models in the local folder and in the cache, with their size", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-cache-"));
    mkdirSync(join(cacheDir, "Xenova", "opus-mt-fr-en", "onnx"), { recursive: true });
    writeFileSync(join(cacheDir, "Xenova", "opus-mt-fr-en", "config.json"), "{}");
    writeFileSync(join(cacheDir, "Xenova", "opus-mt-fr-en", "onnx", "encoder_model_quantized.onnx"), "12345");
    // A half-written download does not count.
    writeFileSync(join(cacheDir, "Xenova", "opus-mt-fr-en", "onnx", "decoder.onnx.tmp.123.abc"), "123456789");
    const models = await listModels({ cacheDir, localModelPath: FIXTURE_MODELS, offline: true });
    const tiny = models.find((m) => m.model === TINY_MODEL);
    expect(tiny?.where).toBe("local");
    expect(tiny?.path).toBe(join(FIXTURE_MODELS, TINY_MODEL));
    expect(tiny?.bytes).toBeGreaterThan(10_000);
    expect(models.find((m) => m.model === "Xenova/opus-mt-fr-en")).toEqual({
      model: "Xenova/opus-mt-fr-en",
      path: join(cacheDir, "Xenova", "opus-mt-fr-en"),
      bytes: 7,
      where: "cache",
    });
  });

  it("returns nothing for folders that do not exist", async () => {
    expect(await listModels({ cacheDir: "/nonexistent/cache", localModelPath: "/nonexistent/models" })).toEqual([]);
  });
});

describe("pullModels", () => {
  it("offline, fails for a model that is nowhere on disk with the clear error", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-cache-"));
    await expect(pullModels([], { cacheDir, offline: true })).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
      message: expect.stringContaining(`Searched: ${join(cacheDir, "Xenova/opus-mt-it-en")}`),
    });
  });

  it("offline, succeeds for a model that is on disk and reports where it is", async () => {
    const pulled = await pullModels([TINY_MODEL], {
      localModelPath: FIXTURE_MODELS,
      offline: true,
      cacheDir: "/nonexistent/cache",
      dtype: "fp32",
    });
    expect(pulled.map((m) => m.model)).toEqual([TINY_MODEL]);
  });
});

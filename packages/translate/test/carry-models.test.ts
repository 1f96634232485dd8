import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createTranslator, importModels, listModels, MODELS_MANIFEST, pullModels } from "@rassegna/translate";
import { describe, expect, it } from "vitest";

import { FIXTURE_MODELS, TINY_MODEL } from "./helpers.js";

/** A "connected machine" that has the tiny model on disk (no network is ever reached). */
const connected = { localModelPath: FIXTURE_MODELS, offline: true, cacheDir: "/nonexistent/rassegna-connected" };

function fresh(name: string): string {
  return mkdtempSync(join(tmpdir(), `rassegna-${name}-`));
}

describe("carrying models to a machine without network", () => {
  it("pull --to writes the models and a manifest of sha256 sums; import verifies and installs them", async () => {
    const carried = fresh("carried");
    const pulled = await pullModels([TINY_MODEL], { ...connected, dtype: "fp32", to: carried });
    expect(pulled.map((m) => m.model)).toEqual([TINY_MODEL]);
    const manifest = JSON.parse(readFileSync(join(carried, MODELS_MANIFEST), "utf8"));
    const entry = manifest.models.find((m: { model: string }) => m.model === TINY_MODEL);
    const config = entry.files.find((f: { path: string }) => f.path === "config.json");
    const bytes = readFileSync(join(FIXTURE_MODELS, TINY_MODEL, "config.json"));
    expect(config).toEqual({
      path: "config.json",
      bytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    expect(entry.files.map((f: { path: string }) => f.path)).toContain("onnx/encoder_model.onnx");

    // The air-gapped machine: an empty cache, offline.
    const cacheDir = fresh("airgapped");
    const imported = await importModels(carried, { cacheDir, offline: true });
    expect(imported).toEqual([expect.objectContaining({ model: TINY_MODEL, where: "cache" })]);
    expect((await listModels({ cacheDir, offline: true })).map((m) => m.model)).toEqual([TINY_MODEL]);
    const translator = await createTranslator({
      from: "it",
      model: TINY_MODEL,
      cacheDir,
      offline: true,
      dtype: "fp32",
    });
    expect(translator.engine).toBe("transformers");
    expect((await translator.translate("Il gatto dorme.")).text.length).toBeGreaterThan(0);
    await translator.close();
  });

  it("a damaged or missing file stops the import before anything is copied", async () => {
    const carried = fresh("damaged");
    await pullModels([TINY_MODEL], { ...connected, dtype: "fp32", to: carried });
    const file = join(carried, TINY_MODEL, "tokenizer.json");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, `${text.slice(0, -2)}x${text.slice(-1)}`);
    const cacheDir = fresh("airgapped");
    await expect(importModels(carried, { cacheDir })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("tokenizer.json does not match the manifest"),
    });
    expect(existsSync(join(cacheDir, TINY_MODEL))).toBe(false);
    writeFileSync(file, text);
    const config = join(carried, TINY_MODEL, "config.json");
    rmSync(config);
    await expect(importModels(carried, { cacheDir })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("config.json is missing"),
    });
  });

  it("refuses a manifest that points outside its folder, or none at all", async () => {
    const carried = fresh("hostile");
    writeFileSync(
      join(carried, MODELS_MANIFEST),
      JSON.stringify({
        format: "rassegna-models/1",
        created: "2026-01-01T00:00:00Z",
        models: [{ model: "x/y", files: [{ path: "../../etc/passwd", bytes: 1, sha256: "0".repeat(64) }] }],
      }),
    );
    await expect(importModels(carried, { cacheDir: fresh("c") })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("not a models manifest"),
    });
    await expect(importModels(fresh("empty"), { cacheDir: fresh("c") })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining(MODELS_MANIFEST),
    });
  });
});

// `rassegna models list` on what a cache really holds: whole models, downloads cut short,
// damaged files, and a cache folder this user may not read (issue #16).
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

import { cli } from "./helpers.js";

// Permissions cannot be taken away from root (the tests may run as root): the folder that
// "cannot be read" is one this stand-in of core's pathAccess says so of; the rest is real.
vi.mock("@rassegna/core", async (importOriginal) => {
  const core = await importOriginal<typeof import("@rassegna/core")>();
  return {
    ...core,
    pathAccess: (path: string) => (path.includes("locked-cache") ? "unreadable" : core.pathAccess(path)),
  };
});

const TINY = fileURLToPath(new URL("../../translate/test/fixtures/models/rassegna/tiny-marian-it-en", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rassegna-models-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let cache: string;
let model: string;
beforeEach(() => {
  cache = mkdtempSync(join(dir, "cache-"));
  model = join(cache, "rassegna", "tiny-marian-it-en");
  cpSync(TINY, model, { recursive: true });
});

async function list() {
  const { code, stdout, stderr } = await cli(["models", "list", "--cache-dir", cache]);
  return {
    code,
    stderr,
    models: stdout
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
  };
}

describe("models list", () => {
  it("marks a whole model ok", async () => {
    const { code, models } = await list();
    expect(code).toBe(0);
    expect(models).toEqual([expect.objectContaining({ model: "rassegna/tiny-marian-it-en", status: "ok" })]);
  });

  it("marks a model whose weights are cut short as corrupt, names the file and the fix, exits 1", async () => {
    const weights = join(model, "onnx", "encoder_model.onnx");
    truncateSync(weights, Math.floor(readFileSync(weights).length / 2));
    const { code, models, stderr } = await list();
    expect(code).toBe(1);
    expect(models[0]).toMatchObject({ status: "corrupt" });
    expect(models[0].problems.join(" ")).toMatch(/onnx\/encoder_model\.onnx is cut short/);
    expect(stderr).toMatch(
      /is corrupt: .*Delete the folder and run `rassegna models pull rassegna\/tiny-marian-it-en`/,
    );
  });

  it("marks a damaged JSON file as corrupt", async () => {
    writeFileSync(join(model, "config.json"), '{"model_type": "mar');
    const { models } = await list();
    expect(models[0]).toMatchObject({ status: "corrupt" });
    expect(models[0].problems[0]).toMatch(/^config\.json: not valid JSON/);
  });

  it("marks a download that did not finish, or a model without weights, as partial", async () => {
    writeFileSync(join(model, "onnx", "decoder_model_merged.onnx.tmp.4242.ab12"), "half");
    expect((await list()).models[0]).toMatchObject({ status: "partial" });
    rmSync(join(model, "onnx"), { recursive: true });
    const { models } = await list();
    expect(models[0]).toMatchObject({ status: "partial" });
    expect(models[0].problems).toContain("no weights (.onnx files)");
  });

  it("marks a model without tokenizer files as partial", async () => {
    for (const file of ["tokenizer.json", "tokenizer_config.json"]) rmSync(join(model, file));
    expect((await list()).models[0]).toMatchObject({ status: "partial", problems: ["no tokenizer files"] });
  });

  it("says a cache folder it may not read is that, not an empty cache", async () => {
    const locked = join(dir, "locked-cache");
    const { code, stdout, stderr } = await cli(["models", "list", "--cache-dir", locked]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/cannot read .*locked-cache: permission denied \(this is not the same as no models there\)/);
    expect(stderr).not.toMatch(/no models in/);
  });
});

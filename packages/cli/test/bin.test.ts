// The built `rassegna` executable as a spawned process, with the real stages.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { jsonl, records } from "./helpers.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = join(root, "packages/cli/bin/rassegna.js");
let dir: string;
let cacheDir: string;

beforeAll(() => {
  // The bin runs the compiled code: bring dist/ up to date (incremental, quick when it is).
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b", "packages/cli"], {
    cwd: root,
    stdio: "pipe",
  });
  dir = mkdtempSync(join(tmpdir(), "rassegna-bin-"));
  cacheDir = join(dir, "models");
  mkdirSync(cacheDir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rassegna(args: string[], stdin = ""): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      // Offline with an empty cache: nothing may reach the network.
      env: { ...process.env, RASSEGNA_OFFLINE: "1", RASSEGNA_CACHE_DIR: cacheDir, RASSEGNA_MODEL_PATH: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("the rassegna executable", () => {
  it("answers detect on JSON Lines: ids kept, in order, nothing but JSON on stdout, exit 0", async () => {
    const input = jsonl(
      { id: "it-1", text: "Il governo ha approvato la legge di bilancio dopo una lunga discussione in aula." },
      { id: "en-1", text: "The government approved the budget law after a long debate in parliament." },
    );
    const { code, stdout, stderr } = await rassegna(["detect", "--jsonl"], input);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = records(stdout);
    expect(out.map((r) => [r.id, r.language.code])).toEqual([
      ["it-1", "it"],
      ["en-1", "en"],
    ]);
  });

  it("keeps going past bad lines and exits 1", async () => {
    const input = [
      "{broken",
      jsonl({ id: "good", text: "Una frase in italiano, abbastanza lunga da riconoscere." }),
    ].join("\n");
    const { code, stdout } = await rassegna(["detect", "--jsonl"], input);
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual(["article-1", "good"]);
    expect(out[0]!.errors[0].code).toBe("INVALID_INPUT");
    expect(out[1]!.errors).toEqual([]);
  });

  it("exits 2 on an unknown flag, with the message on stderr only", async () => {
    const { code, stdout, stderr } = await rassegna(["entities", "--no-such-flag"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--no-such-flag");
  });

  it("runs the whole job without a translation model: one warning, entities and stance on the original", async () => {
    const articles = join(dir, "articles");
    mkdirSync(articles);
    writeFileSync(
      join(articles, "one.txt"),
      "Il presidente degli Stati Uniti ha criticato duramente la Russia per l'attacco.",
    );
    writeFileSync(join(articles, "two.txt"), "La Cina sostiene la Russia nel conflitto, secondo Pechino.");
    const { code, stdout, stderr } = await rassegna(["run", "articles", "--engine", "transformers"]);
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => r.id)).toEqual(["articles/one.txt", "articles/two.txt"]);
    for (const record of out) {
      expect(record.language.code).toBe("it");
      expect(record.translation).toBeUndefined();
      expect(record.errors.map((e: { stage: string; code: string }) => `${e.stage}:${e.code}`)).toEqual([
        "translate:MODEL_UNAVAILABLE",
      ]);
      expect(record.entities.length).toBeGreaterThan(0);
      for (const entity of record.entities) {
        expect(entity.source).toBe("original");
        for (const m of entity.mentions) expect(record.text.slice(m.start, m.end)).toBe(m.text);
      }
      expect(Array.isArray(record.stances)).toBe(true);
    }
    const lines = stderr.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rassegna: warning: .*not available/);
  });
});

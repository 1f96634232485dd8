import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

const examples = fileURLToPath(new URL("../", import.meta.url));
const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-readme-"));
// Written beside the examples so that `rassegna` resolves as it does for a user's script.
const script = join(examples, `readme-example.${process.pid}.tmp.mjs`);
afterAll(() => {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(script, { force: true });
});

describe("the README's ten-line example", () => {
  it("runs offline as printed: Apertium translates, and the record says why", () => {
    const readme = readFileSync(join(examples, "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## The API in ten lines"));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toContain("createTranslator");
    writeFileSync(script, code as string);
    const run = spawnSync(process.execPath, [script], {
      cwd: examples,
      encoding: "utf8",
      env: { ...process.env, RASSEGNA_OFFLINE: "1", RASSEGNA_CACHE_DIR: cacheDir },
      timeout: 240_000,
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/engine: 'apertium'/);
    expect(run.stdout).toMatch(/code: 'FALLBACK_ENGINE'/);
  });
});

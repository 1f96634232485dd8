// Output safety: --out / --html never destroy an input, and a file is whole or untouched.
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

import { runCli } from "@rassegna/cli";
import type { Stage } from "@rassegna/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openSink } from "../src/output.js";
import { cli, fakeFactories, jsonl, records, Sink } from "./helpers.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rassegna-out-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const factories = fakeFactories();

describe("--out and --html next to the inputs", () => {
  it("refuses --out equal to the JSON Lines input, and leaves it as it was", async () => {
    const input = join(dir, "same.jsonl");
    const content = jsonl({ id: "a", text: "Una notizia." }, { id: "b", text: "Un'altra." });
    writeFileSync(input, content);
    const { code, stdout, stderr } = await cli(
      ["detect", "--jsonl", "same.jsonl", "--out", "same.jsonl"],
      "",
      { factories },
      dir,
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("is also an input");
    expect(readFileSync(input, "utf8")).toBe(content);
  });

  it("refuses the same file under another name (a hard link) and a text file given as input", async () => {
    const input = join(dir, "article.txt");
    writeFileSync(input, "Il testo dell'articolo.");
    linkSync(input, join(dir, "alias.txt"));
    const { code, stderr } = await cli(["detect", "article.txt", "--out", "alias.txt"], "", { factories }, dir);
    expect(code).toBe(2);
    expect(stderr).toContain("is also an input");
    expect(readFileSync(input, "utf8")).toBe("Il testo dell'articolo.");
  });

  it("refuses --out inside an input folder, where it would be read back as an article", async () => {
    const folder = join(dir, "news");
    mkdirSync(join(folder, "sub"), { recursive: true });
    writeFileSync(join(folder, "a.txt"), "Prima notizia.");
    const { code, stderr } = await cli(["detect", "news", "--out", "news/sub/results.jsonl"], "", { factories }, dir);
    expect(code).toBe(2);
    expect(stderr).toContain("inside the input folder news");
    expect(readdirSync(join(folder, "sub"))).toEqual([]);
  });

  it("refuses report --html over its own input", async () => {
    const results = join(dir, "results.jsonl");
    const content = jsonl({ id: "r", text: "x", errors: [] });
    writeFileSync(results, content);
    const { code, stderr } = await cli(["report", "results.jsonl", "--html", "results.jsonl"], "", {}, dir);
    expect(code).toBe(2);
    expect(stderr).toContain("is also an input");
    expect(readFileSync(results, "utf8")).toBe(content);
  });
});

describe("writing through a temporary file", () => {
  it("leaves a previous --out untouched and keeps the finished lines in OUT.partial when a run stops", async () => {
    const out = join(dir, "kept.jsonl");
    writeFileSync(out, "previous results\n");
    const controller = new AbortController();
    let seen = 0;
    const stopper: Stage = {
      name: "language",
      process(doc) {
        seen++;
        if (seen === 3) controller.abort();
        doc.language = { code: "it", iso6393: "ita", confidence: 1, script: "Latn", reliable: true, alternatives: [] };
      },
    };
    const input = jsonl(...Array.from({ length: 50 }, (_, i) => ({ id: `k${i}`, text: `Testo ${i}.` })));
    const stderr = new Sink();
    const code = await runCli(
      ["detect", "--jsonl", "--out", out, "--concurrency", "1"],
      { stdin: Readable.from([Buffer.from(input)]), stdout: new Sink(), stderr, signal: controller.signal },
      { factories: { language: () => stopper } },
    );
    expect(code).toBe(130);
    expect(readFileSync(out, "utf8")).toBe("previous results\n");
    expect(stderr.text).toContain("partial run");
    const partial = records(readFileSync(`${out}.partial`, "utf8"));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(50);
    expect(partial.map((r) => r.id)).toEqual(partial.map((_, i) => `k${i}`));
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("shows nothing at OUT until the run completes, then the whole file at once", async () => {
    const out = join(dir, "atomic.jsonl");
    const sink = await openSink(out, new Sink(), dir);
    await sink.write('{"id":"x"}\n');
    expect(readdirSync(dir)).not.toContain("atomic.jsonl");
    expect(await sink.close(true)).toEqual({});
    expect(readFileSync(out, "utf8")).toBe('{"id":"x"}\n');
  });
});

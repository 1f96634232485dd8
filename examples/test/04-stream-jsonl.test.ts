import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";

import { createPipeline } from "rassegna";
import { afterAll, describe, expect, it } from "vitest";

import { countLines, progressBar, streamJsonl } from "../04-stream-jsonl.mjs";

const dir = mkdtempSync(join(tmpdir(), "rassegna-ex4-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sentences = [
  "The European Commission proposed new rules for banks in Brussels.",
  "Germany and France agreed on a joint plan for energy prices.",
  "The United States criticised the new tariffs on steel.",
];

function writeInput(path: string, count: number): void {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(JSON.stringify({ id: `n-${i}`, text: sentences[i % sentences.length], language: "en" }));
    if (i === 10) lines.push("{not json");
    if (i === 20) lines.push(JSON.stringify({ id: "no-text", text: null }));
    if (i === 30) lines.push("");
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

describe("example 4: stream JSON Lines", () => {
  it("writes one record per non-empty line, in order, bad lines as records with errors", async () => {
    const input = join(dir, "in.jsonl");
    const output = join(dir, "out.jsonl");
    writeInput(input, 120);
    expect(await countLines(input)).toBe(122);
    const progress: number[][] = [];
    const summary = await streamJsonl(input, output, {
      concurrency: 3,
      offline: true,
      cacheDir: dir,
      onProgress: (n: number, failed: number, total: number) => progress.push([n, failed, total]),
    });
    const records = readFileSync(output, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(122);
    expect(summary).toEqual({ count: 122, failed: 2, total: 122 });
    expect(records[11].id).toBe("line-12");
    expect(records[11].errors[0].code).toBe("INVALID_INPUT");
    expect(records[11].meta.parseError).toMatch(/line 12 is not JSON/);
    expect(records.find((r) => r.id === "no-text").errors[0].code).toBe("INVALID_INPUT");
    expect(records.filter((r) => r.id.startsWith("n-")).map((r) => r.id)).toEqual(
      Array.from({ length: 120 }, (_, i) => `n-${i}`),
    );
    const clean = records.find((r) => r.id === "n-2");
    expect(clean.errors).toEqual([]);
    expect(clean.entities.map((e: { name: string }) => e.name)).toContain("United States");
    expect(progress.at(-1)).toEqual([122, 2, 122]);
    expect(progress.map((p) => p[0])).toEqual(Array.from({ length: 122 }, (_, i) => i + 1));
  });

  it("never has more articles in flight than the concurrency", async () => {
    const input = join(dir, "in2.jsonl");
    writeInput(input, 40);
    let inFlight = 0;
    let most = 0;
    const pipeline = createPipeline({
      concurrency: 2,
      stages: [
        {
          name: "slow",
          async process() {
            inFlight++;
            most = Math.max(most, inFlight);
            await new Promise((resolve) => setTimeout(resolve, 2));
            inFlight--;
          },
        },
      ],
    });
    const summary = await streamJsonl(input, join(dir, "out2.jsonl"), { pipeline });
    await pipeline.close();
    expect(summary.count).toBe(42);
    expect(most).toBe(2);
  });

  it("draws a progress bar", () => {
    const sink = new PassThrough();
    let drawn = "";
    sink.on("data", (chunk) => {
      drawn += chunk;
    });
    const bar = progressBar(sink, 4);
    bar.update(4, 1);
    bar.done(4, 1);
    expect(drawn).toContain(`[${"#".repeat(30)}] 4/4 articles, 1 with errors`);
    expect(drawn.endsWith("\n")).toBe(true);
  });
});

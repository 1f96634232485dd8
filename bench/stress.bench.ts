/**
 * Hostile and huge input, at full size (`pnpm bench:stress`): each case runs in a fresh
 * process and prints its time and peak memory (max RSS). The small versions of each case are
 * unit tests; these are the sizes that broke things before the limits (issue #16).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";

import { runCli } from "@rassegna/cli";
import type { Analysis, Stage } from "@rassegna/core";
import { createPipeline } from "@rassegna/pipeline";
import { createDefaultPipeline } from "rassegna";

const SELF = fileURLToPath(import.meta.url);

class Sink extends Writable {
  bytes = 0;
  lines = 0;
  text = "";
  constructor(private readonly keep = false) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) this.lines++;
    if (this.keep) this.text += chunk.toString();
    callback();
  }
}

async function cli(
  argv: string[],
  input: Iterable<Buffer> | AsyncIterable<Buffer>,
): Promise<{ code: number; lines: number; stderr: string }> {
  const stdout = new Sink();
  const stderr = new Sink(true);
  const code = await runCli(argv, { stdin: Readable.from(input), stdout, stderr });
  return { code, lines: stdout.lines, stderr: stderr.text.slice(0, 300) };
}

const ACTORS = (n: number) => Array.from({ length: n }, (_, i) => `Actor ${i}`);

const CASES: Record<string, () => Promise<string>> = {
  /** 2,500 holders × 2,500 targets on one line (58 KB): was out of memory, rc 134. */
  async "holders x targets 2500x2500"() {
    const line = JSON.stringify({
      id: "boom",
      text: "Freedonia criticised Sylvania.",
      holders: ACTORS(2500),
      targets: ACTORS(2500),
    });
    const ok = JSON.stringify({ id: "ok", text: "Freedonia criticised Sylvania.", language: "en" });
    const { code, lines } = await cli(["stance", "--jsonl"], [Buffer.from(`${ok}\n${line}\n${ok}\n`)]);
    return `rc ${code}, ${lines} records of 3`;
  },

  /** A line nested 10,000 deep between good lines: stopped the run after 2 records. */
  async "meta nested 10,000 deep"() {
    let meta = "0";
    for (let i = 0; i < 10_000; i++) meta = `{"m":${meta}}`;
    const good = (i: number) => JSON.stringify({ id: `g${i}`, text: "Una notizia da Roma.", language: "it" });
    const input = `${good(1)}\n${good(2)}\n{"id":"deep","text":"x","meta":${meta}}\n${good(3)}\n`;
    const { code, lines } = await cli(["detect", "--jsonl"], [Buffer.from(input)]);
    return `rc ${code}, ${lines} records of 4`;
  },

  /** A 600 MB line, streamed (never held by the reader): crashed readline. */
  async "600 MB line"() {
    async function* input(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"id":"a","text":"Prima."}\n{"id":"huge","text":"');
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      for (let i = 0; i < 600; i++) yield chunk;
      yield Buffer.from('"}\n{"id":"b","text":"Dopo."}\n');
    }
    const { code, lines } = await cli(["detect", "--jsonl"], input());
    return `rc ${code}, ${lines} records of 3`;
  },

  /** 20,000 lines through detect: order and one record each. */
  async "20,000 lines"() {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ id: `l${i}`, text: `Notizia numero ${i} da Roma e da Milano.` }),
    );
    const result = await cli(["detect", "--jsonl"], [Buffer.from(`${lines.join("\n")}\n`)]);
    return `rc ${result.code}, ${result.lines} records of 20000`;
  },

  /** A stage that never answers, 200 articles, a 200 ms budget: every record out with TIMEOUT. */
  async "never-resolving stage, 200 articles"() {
    const never: Stage = { name: "never", process: () => new Promise<void>(() => {}) };
    const pipeline = createPipeline({ stages: [never], stageTimeoutMs: 200, concurrency: 8 });
    let timeouts = 0;
    let n = 0;
    for await (const record of pipeline.stream(Array.from({ length: 200 }, (_, i) => `Articolo ${i}.`))) {
      n++;
      if (record.errors.some((e) => e.code === "TIMEOUT")) timeouts++;
    }
    await pipeline.close();
    return `${n} records, ${timeouts} TIMEOUT`;
  },

  /** One 1 MB Italian "word" through the default pipeline (was > 300 s in Apertium). */
  async "1 MB word, default pipeline"() {
    const pipeline = createDefaultPipeline({ offline: true, stageTimeoutMs: 30_000 });
    const record: Analysis = await pipeline.run({
      id: "word",
      text: `Roma ${"parola".repeat(170_000)}.`,
      language: "it",
    });
    await pipeline.close();
    return `errors: ${record.errors.map((e) => `${e.stage} ${e.code}`).join(", ") || "none"}`;
  },

  /** The report of 10,000 articles: its size and render time (the browser test opens it). */
  async "report of 10,000 articles"() {
    const dir = mkdtempSync(join(tmpdir(), "rassegna-stress-"));
    try {
      const lines = Array.from({ length: 10_000 }, (_, i) =>
        JSON.stringify({
          id: `n${i}`,
          date: `2026-${String((i % 12) + 1).padStart(2, "0")}-01`,
          text: "Freedonia criticised Sylvania over the border talks. ".repeat(20),
          entities: [
            {
              name: "Freedonia",
              type: "LOCATION",
              source: "original",
              mentions: [{ start: 0, end: 9, text: "Freedonia" }],
            },
          ],
          stances: [
            {
              holder: `Actor ${i % 40}`,
              target: `Actor ${(i * 7) % 40}`,
              stance: i % 2 ? "AGAINST" : "FAVOR",
              score: 1,
              evidence: [{ start: 0, end: 50 }],
            },
          ],
          errors: [],
        }),
      );
      writeFileSync(join(dir, "r.jsonl"), lines.join("\n"));
      const stderr = new Sink(true);
      const code = await runCli(["report", "r.jsonl", "--html", "r.html"], {
        stdin: Readable.from([]),
        stdout: new Sink(),
        stderr,
        cwd: dir,
      });
      const { statSync } = await import("node:fs");
      return `rc ${code}, page ${(statSync(join(dir, "r.html")).size / 1048576).toFixed(1)} MiB`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  /** 200 bodies of 885 KB at once to the HTTP example (concurrency 2, queue 8), /health meanwhile. */
  async "HTTP: 200 x 885 KB bodies"() {
    const { createAnalysisServer } = await import("../examples/05-http-service.mjs");
    const slow: Stage = { name: "slow", process: () => new Promise<void>((resolve) => setTimeout(resolve, 50)) };
    const pipeline = createPipeline({ stages: [slow], concurrency: 4 });
    const server = createAnalysisServer({ pipeline, concurrency: 2, queue: 8 });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = JSON.stringify({ text: "parola ".repeat(885_000 / 7) });
    const statuses = new Map<number, number>();
    const started = performance.now();
    const times: number[] = [];
    const health: number[] = [];
    const probe = setInterval(() => {
      const t = performance.now();
      fetch(`${base}/health`).then(
        () => health.push(performance.now() - t),
        () => {},
      );
    }, 100);
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        const t = performance.now();
        const response = await fetch(`${base}/analyze`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }).catch(() => undefined);
        await response?.arrayBuffer();
        times.push(performance.now() - t);
        const status = response?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
    );
    clearInterval(probe);
    times.sort((a, b) => a - b);
    health.sort((a, b) => a - b);
    await new Promise((resolve) => server.close(resolve));
    await pipeline.close();
    const counts = [...statuses.entries()].map(([s, n]) => `${s}: ${n}`).join(", ");
    return `${counts}; p50 ${times[100]!.toFixed(0)} ms, all in ${(performance.now() - started).toFixed(0)} ms; /health max ${(health.at(-1) ?? 0).toFixed(0)} ms`;
  },
};

async function one(name: string): Promise<void> {
  const start = performance.now();
  const result = await CASES[name]!();
  const ms = performance.now() - start;
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ name, result, ms: Math.round(ms), peakRssMiB: Math.round(peak) })}\n`);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only !== undefined && only !== "--all") return one(only);
  process.stdout.write("| case | result | time | peak RSS |\n| --- | --- | ---: | ---: |\n");
  for (const name of Object.keys(CASES)) {
    const child = spawnSync(process.execPath, ["--import", "tsx", SELF, name], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
      timeout: 900_000,
    });
    const line = child.stdout.trim().split("\n").at(-1) ?? "";
    try {
      const { result, ms, peakRssMiB } = JSON.parse(line) as { result: string; ms: number; peakRssMiB: number };
      process.stdout.write(`| ${name} | ${result} | ${(ms / 1000).toFixed(1)} s | ${peakRssMiB} MiB |\n`);
    } catch {
      process.stdout.write(
        `| ${name} | FAILED (rc ${child.status}): ${(child.stderr || "").trim().split("\n").slice(-2).join(" ").slice(0, 200)} | – | – |\n`,
      );
    }
  }
}

await main();

/**
 * Hostile and huge input, at full size (`pnpm bench:stress`): each case runs in a fresh
 * process and prints its time and peak memory (max RSS). The small versions of each case are
 * unit tests; these are the sizes that broke things before the limits (issue #16).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

  /**
   * Example 5 as a child process (the real default pipeline in worker threads, offline),
   * measured from outside: 200 bodies of 885 KB at once from clients that hang up after
   * 10 s, /health probed meanwhile, 50 connections whose body never comes, then one article.
   * Was: no 503, p50 110 s, 589 MB RSS; /health stalled 1.2 s; slow bodies held > 80 s.
   */
  async "HTTP service (child): 200 x 885 KB, hang-ups, slow bodies"() {
    const { startService } = (await import("../examples/lib/service-process.mjs")) as {
      startService(
        args: string[],
      ): Promise<{ base: string; peakMiB(): number | undefined; alive(): boolean; stop(): Promise<unknown> }>;
    };
    const service = await startService([
      "--concurrency",
      "2",
      "--queue",
      "8",
      "--max-body",
      "1000000",
      "--request-timeout",
      "5000",
    ]);
    const { base } = service;
    const json = { "content-type": "application/json" };
    const body = JSON.stringify({
      text: "The council criticised the bridge tolls. ".repeat(885_000 / 41),
      language: "en",
    });
    const statuses = new Map<number | string, number>();
    const health: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t = performance.now();
        await fetch(`${base}/health`).then(
          () => health.push(performance.now() - t),
          () => health.push(Number.POSITIVE_INFINITY),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        const status = await fetch(`${base}/analyze`, {
          method: "POST",
          headers: json,
          body,
          signal: AbortSignal.timeout(10_000),
        })
          .then(async (response) => {
            await response.arrayBuffer();
            return response.status;
          })
          .catch(() => "hung up");
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
    );
    const loadMs = performance.now() - started;
    // 50 connections that send headers and one byte of a 100-byte body, then nothing.
    const { connect } = await import("node:net");
    const port = Number(new URL(base).port);
    const slowStart = performance.now();
    const closed = await Promise.all(
      Array.from(
        { length: 50 },
        () =>
          new Promise<number>((resolve) => {
            const socket = connect(port, "127.0.0.1");
            // Read what the server says: a paused socket never sees the server's end and never closes.
            socket.resume();
            socket.on("close", () => resolve(performance.now() - slowStart));
            socket.on("error", () => undefined);
            socket.write(
              "POST /analyze HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{",
            );
          }),
      ),
    );
    probing = false;
    await probe;
    const after = await fetch(`${base}/analyze`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ id: "after", text: "The council criticised the bridge tolls.", language: "en" }),
    });
    const peak = service.peakMiB();
    const alive = service.alive();
    await service.stop();
    health.sort((a, b) => a - b);
    const counts = [...statuses.entries()].map(([s, n]) => `${s}: ${n}`).join(", ");
    return `${counts} in ${(loadMs / 1000).toFixed(1)} s; /health ${health.length} probes, max ${(health.at(-1) ?? 0).toFixed(0)} ms; 50 slow bodies closed after ${(Math.max(...closed) / 1000).toFixed(1)} s; then ${after.status}, ${alive ? "up" : "DOWN"}; service peak RSS ${peak ?? "?"} MiB`;
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

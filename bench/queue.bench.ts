/**
 * Queue benchmark (`pnpm bench:queue`).
 *
 * 20,000 articles (the shared dev articles, repeated under new ids) through the same stages
 * in process (`pipeline.stream()`) and through the queue (`runDistributed` in this process,
 * 1, 2 and 4 `rassegna worker` processes, a throw-away Redis on loopback), in one run:
 * throughput, its ratio to the in-process pipeline, and the queue's cost per article (wall
 * time, and CPU time of the producer and the workers together; Redis's own is not counted).
 *
 * The stages are cheap on purpose (language detection, or `RASSEGNA_BENCH_QUEUE_STAGES`):
 * what is measured is the machinery; with translation the queue's share is far smaller.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { createPipeline } from "@rassegna/pipeline";
import { runDistributed } from "@rassegna/queue";
import { type DefaultStageName, stageFactory } from "rassegna";

import { startRedis } from "../test-setup/redis.js";
import { fmt, isMain, machineInfo, readShared, repoRoot, table, writeResult } from "./lib.js";

const N = Number(process.env.RASSEGNA_BENCH_QUEUE_N ?? 20_000);
const WORKERS = (process.env.RASSEGNA_BENCH_QUEUE_WORKERS ?? "1,2,4").split(",").map(Number);
const CONCURRENCY = 16;
const STAGES = (process.env.RASSEGNA_BENCH_QUEUE_STAGES ?? "language").split(",");
const TICK_MS = 10; // /proc/<pid>/stat counts CPU time in clock ticks of 10 ms

function articles(): Array<{ id: string; text: string }> {
  const base = readShared("articles/dev.jsonl")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { id: string; text: string });
  return Array.from({ length: N }, (_, i) => {
    const article = base[i % base.length]!;
    return { id: `${article.id}~${i}`, text: article.text };
  });
}

/** CPU milliseconds a process has used so far (user + system), from /proc. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

function selfCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function inProcess(input: Array<{ id: string; text: string }>): Promise<{ ms: number; cpuMs: number }> {
  const pipeline = createPipeline({
    stages: STAGES.map((name) => stageFactory(name as DefaultStageName)({})),
    concurrency: CONCURRENCY,
  });
  const cpu0 = selfCpuMs();
  const t0 = performance.now();
  let n = 0;
  for await (const _doc of pipeline.stream(input)) n++;
  const ms = performance.now() - t0;
  const cpuMs = selfCpuMs() - cpu0;
  await pipeline.close();
  if (n !== input.length) throw new Error(`in process: ${n} records for ${input.length} articles`);
  return { ms, cpuMs };
}

function startWorker(url: string, queue: string): Promise<ChildProcess> {
  const bin = join(repoRoot, "packages/cli/bin/rassegna.js");
  const args = ["worker", "--redis", url, "--queue", queue, "--stages", STAGES.join(","), "--concurrency"];
  const child = spawn(process.execPath, [bin, ...args, String(CONCURRENCY)], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, RASSEGNA_OFFLINE: "1" },
  });
  return new Promise((resolve, reject) => {
    let said = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes("taking jobs")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`rassegna worker exited with ${code}: ${said}`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function throughQueue(
  url: string,
  workers: number,
  input: Array<{ id: string; text: string }>,
): Promise<{ ms: number; producerCpuMs: number; workerCpuMs: number }> {
  const queue = `bench-${workers}-${Date.now()}`;
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url, queue)));
  try {
    const workerCpu0 = children.map((child) => cpuMsOf(child.pid!));
    const cpu0 = selfCpuMs();
    const t0 = performance.now();
    let n = 0;
    for await (const doc of runDistributed(input, { redis: url, queue, route: [STAGES] })) {
      if (doc.errors.length > 0 && doc.errors.some((error) => error.stage === "queue")) {
        throw new Error(`queue error on ${doc.id}: ${doc.errors[0]!.message}`);
      }
      n++;
    }
    const ms = performance.now() - t0;
    const workerCpu = children.reduce((sum, child, i) => sum + cpuMsOf(child.pid!) - workerCpu0[i]!, 0);
    if (n !== input.length) throw new Error(`${workers} workers: ${n} records for ${input.length} articles`);
    return { ms, producerCpuMs: selfCpuMs() - cpu0, workerCpuMs: workerCpu };
  } finally {
    await Promise.all(children.map(stopWorker));
  }
}

export default async function run(): Promise<string> {
  const input = articles();
  const redis = await startRedis();
  try {
    // Warm-up of the in-process path (JIT, the detector's tables).
    await inProcess(input.slice(0, 2000));
    const local = await inProcess(input);
    const rows: Array<Array<string | number>> = [];
    const perArticle = (ms: number) => `${fmt((ms * 1000) / N, 0)} µs`;
    rows.push([
      "in process (`pipeline.stream()`)",
      fmt(N / (local.ms / 1000), 0),
      "1.00",
      perArticle(local.ms),
      perArticle(local.cpuMs),
      "–",
      "–",
    ]);
    let overheadNote = "";
    for (const workers of WORKERS) {
      const queued = await throughQueue(redis.url, workers, input);
      const cpuMs = queued.producerCpuMs + queued.workerCpuMs;
      process.stderr.write(`${workers} worker(s): ${fmt(N / (queued.ms / 1000), 0)} articles/s\n`);
      rows.push([
        `queue, ${workers} worker${workers > 1 ? "s" : ""}`,
        fmt(N / (queued.ms / 1000), 0),
        fmt(local.ms / queued.ms, 2),
        perArticle(queued.ms),
        perArticle(cpuMs),
        perArticle(queued.producerCpuMs),
        perArticle(queued.workerCpuMs),
      ]);
      if (workers === 1) {
        overheadNote =
          `With one worker the queue adds ${fmt(((queued.ms - local.ms) * 1000) / N, 0)} µs of wall time and ` +
          `${fmt(((cpuMs - local.cpuMs) * 1000) / N, 0)} µs of CPU time (producer + worker, Redis not counted) per article.`;
      }
    }
    return [
      `${N.toLocaleString("en")} articles (the shared dev articles repeated under new ids), stages: ${STAGES.join(", ")};`,
      `concurrency ${CONCURRENCY} in process and in each worker. Machine: ${machineInfo()}, shared with other work`,
      "while it ran, so more workers than free cores cannot add throughput.",
      "",
      table(
        ["run", "articles/s", "÷ in process", "wall per article", "CPU per article", "producer CPU", "workers' CPU"],
        rows,
      ),
      "",
      overheadNote,
      "Each article costs an add, a take and a completion in Redis, and its record crosses the wire",
      "as JSON twice; with cheap stages that is most of the work, with translation (hundreds of",
      "milliseconds an article) it is a few per cent.",
    ].join("\n");
  } finally {
    await redis.close();
  }
}

if (isMain(import.meta.url)) writeResult("queue", await run());

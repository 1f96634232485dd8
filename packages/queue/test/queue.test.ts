// The queue on a real Redis (test-setup/redis.ts), with workers in this process.
import type { Analysis, Stage } from "@rassegna/core";
import { languageStage } from "@rassegna/langdetect";
import { createQueue, type QueueWorker, runDistributed, startWorker } from "@rassegna/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startRedis, type TestRedis } from "../../../test-setup/redis.js";

let redis: TestRedis;
let names = 0;
const fresh = () => `t${++names}-${process.pid}`;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.close();
});

const SENTENCES = [
  "The harbour council approved the new ferry timetable after a long evening debate.",
  "Il consiglio comunale ha approvato il nuovo orario dei traghetti dopo un lungo dibattito.",
  "El ayuntamiento aprobó el nuevo horario de los transbordadores tras un largo debate.",
  "Le conseil municipal a approuvé le nouvel horaire des traversiers après un long débat.",
];
const EXPECTED = ["en", "it", "es", "fr"];

function articles(n: number, prefix = "a") {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, text: SENTENCES[i % SENTENCES.length]! }));
}

async function collect(iterable: AsyncIterable<Analysis>): Promise<Analysis[]> {
  const out: Analysis[] = [];
  for await (const doc of iterable) out.push(doc);
  return out;
}

/** A stage that counts its calls (to see work done twice) and fails on texts that ask it to. */
function countingStage(seen: string[]): Stage {
  return {
    name: "count",
    process(doc) {
      seen.push(doc.id);
      if (doc.text.includes("FAIL")) throw new Error("this article asks the stage to fail");
      doc.meta = { ...doc.meta, counted: true };
    },
  };
}

const fast = { lockMs: 2000, stalledIntervalMs: 1000 };

async function until(check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("runDistributed with workers", () => {
  it("returns one record per input, in input order, from two workers", async () => {
    const queue = fresh();
    const workers = await Promise.all(
      [0, 1].map(() => startWorker({ redis: redis.url, queue, stages: [languageStage()], concurrency: 8, ...fast })),
    );
    const input = articles(400);
    const records = await collect(runDistributed(input, { redis: redis.url, queue, window: 50 }));
    await Promise.all(workers.map((worker) => worker.close()));
    expect(records.map((r) => r.id)).toEqual(input.map((a) => a.id));
    expect(records.map((r) => r.language?.code)).toEqual(input.map((_, i) => EXPECTED[i % 4]));
    // Both workers took part.
    expect(workers.every((worker) => worker.processed > 0)).toBe(true);
    expect(workers[0]!.processed + workers[1]!.processed).toBe(400);
  });

  it("turns a stage error into a record with errors, tried once", async () => {
    const queue = fresh();
    const seen: string[] = [];
    const worker = await startWorker({ redis: redis.url, queue, stages: [countingStage(seen)], ...fast });
    const input = [
      { id: "fine", text: "A quiet morning at the market square." },
      { id: "bad", text: "Please FAIL here." },
      { id: "empty", text: "   " },
      "A plain string without an id.",
    ];
    const records = await collect(runDistributed(input, { redis: redis.url, queue }));
    await worker.close();
    expect(records.map((r) => r.id)).toEqual(["fine", "bad", "empty", "article-4"]);
    expect(records[0]!.errors).toEqual([]);
    expect(records[1]!.errors).toEqual([
      expect.objectContaining({ stage: "count", code: "STAGE_FAILED", message: expect.stringContaining("asks") }),
    ]);
    // The rejected input never went to the queue; the failing one was not retried.
    expect(records[2]!.errors[0]).toMatchObject({ stage: "input", code: "INVALID_INPUT" });
    expect(seen.sort()).toEqual(["article-4", "bad", "fine"]);
  });

  it("does not do the work again when the same articles are sent again", async () => {
    const queue = fresh();
    const seen: string[] = [];
    const worker = await startWorker({ redis: redis.url, queue, stages: [countingStage(seen)], ...fast });
    const input = articles(30);
    const first = await collect(runDistributed(input, { redis: redis.url, queue }));
    const changed = input.map((a, i) => (i === 3 ? { ...a, text: "A changed text for the same id." } : a));
    const second = await collect(runDistributed(changed, { redis: redis.url, queue }));
    await worker.close();
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
    // 30 the first time, then only the article whose text changed.
    expect(seen.length).toBe(31);
    expect(second[3]!.text).toBe("A changed text for the same id.");
  });

  it("keeps at most `window` jobs in the queue (backpressure)", async () => {
    const queue = fresh();
    const slow: Stage = {
      name: "slow",
      async process() {
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    const worker = await startWorker({ redis: redis.url, queue, stages: [slow], concurrency: 2, ...fast });
    const q = createQueue({ redis: redis.url, queue });
    let peak = 0;
    const records: Analysis[] = [];
    for await (const doc of q.stream(articles(300), { window: 20, chunk: 5 })) {
      records.push(doc);
      if (records.length % 10 === 0) {
        const counts = (await q.counts())[queue]!;
        peak = Math.max(peak, counts.waiting! + counts.active! + counts.delayed!);
      }
    }
    await worker.close();
    await q.close();
    expect(records).toHaveLength(300);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(20);
  });

  it("runs a route of steps, each on its own queue and workers", async () => {
    const queue = fresh();
    const seen: string[] = [];
    const language = await startWorker({
      redis: redis.url,
      queue,
      step: "language",
      stages: [languageStage()],
      ...fast,
    });
    const count = await startWorker({ redis: redis.url, queue, step: "count", stages: [countingStage(seen)], ...fast });
    const input = [...articles(20), { id: "bad", text: "Please FAIL here." }];
    const records = await collect(runDistributed(input, { redis: redis.url, queue, route: [["language"], ["count"]] }));
    // Workers add their stage totals to Redis as they stop (and every two seconds).
    await Promise.all([language.close(), count.close()]);
    const q = createQueue({ redis: redis.url, queue });
    const counts = await q.counts();
    const status = await q.status();
    await q.close();
    expect(records.map((r) => r.id)).toEqual(input.map((a) => a.id));
    // The second step kept the first step's work and added its own.
    expect(records.slice(0, 20).map((r) => r.language?.code)).toEqual(
      input.slice(0, 20).map((_, i) => EXPECTED[i % 4]),
    );
    expect(records.slice(0, 20).every((r) => (r.meta as { counted?: boolean }).counted)).toBe(true);
    expect(records[20]!.errors.map((e) => e.stage)).toEqual(["count"]);
    expect(Object.keys(counts).sort()).toEqual([`${queue}.count`, `${queue}.language`]);
    expect(counts[`${queue}.language`]!.completed).toBe(21);
    expect(status).toMatch(new RegExp(`rassegna_queue_jobs\\{queue="${queue}.count",state="completed"\\} 21`));
    expect(status).toMatch(/rassegna_stage_calls_total\{stage="language"\} 21/);
  });

  it("says when no worker is there, and goes on when one comes", async () => {
    const queue = fresh();
    const said: string[] = [];
    let worker: QueueWorker | undefined;
    const run = collect(
      runDistributed(articles(10), {
        redis: redis.url,
        queue,
        checkMs: 100,
        onWaiting: (message) => {
          said.push(message);
          if (!worker) {
            void startWorker({ redis: redis.url, queue, stages: [languageStage()], ...fast }).then((w) => {
              worker = w;
            });
          }
        },
      }),
    );
    const records = await run;
    await worker?.close();
    expect(records).toHaveLength(10);
    expect(said[0]).toMatch(new RegExp(`no worker is taking jobs from queue "${queue}"`));
  });

  it("drains on close: the jobs in hand are finished, none is left active or done twice", async () => {
    const queue = fresh();
    const seen: string[] = [];
    const slow: Stage = {
      name: "slow",
      async process(doc) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        seen.push(doc.id);
      },
    };
    const first = await startWorker({ redis: redis.url, queue, stages: [slow], concurrency: 4, ...fast });
    const q = createQueue({ redis: redis.url, queue });
    const run = collect(q.stream(articles(16)));
    await until(async () => ((await q.counts())[queue]?.active ?? 0) > 0);
    await first.close();
    const counts = (await q.counts())[queue]!;
    expect(counts.active).toBe(0);
    expect(first.processed).toBeGreaterThan(0);
    expect(counts.completed).toBe(first.processed);
    expect(seen).toHaveLength(first.processed);
    const second = await startWorker({ redis: redis.url, queue, stages: [slow], concurrency: 4, ...fast });
    const records = await run;
    await second.close();
    await q.close();
    expect(records.map((r) => r.id)).toEqual(articles(16).map((a) => a.id));
    expect(new Set(seen).size).toBe(16);
    expect(seen).toHaveLength(16);
  });

  it("serves Prometheus metrics with per-stage latency", async () => {
    const queue = fresh();
    const worker = await startWorker({
      redis: redis.url,
      queue,
      stages: [languageStage()],
      metricsPort: 0,
      metricsHost: "127.0.0.1",
      ...fast,
    });
    await collect(runDistributed(articles(12), { redis: redis.url, queue }));
    const text = await (await fetch(`http://127.0.0.1:${worker.metricsPort}/metrics`)).text();
    await worker.close();
    expect(text).toMatch(/rassegna_stage_duration_seconds_count\{stage="language"\} 12/);
    expect(text).toMatch(new RegExp(`rassegna_queue_jobs\\{queue="${queue}",state="completed"\\} 12`));
    expect(text).toMatch(/rassegna_worker_jobs_total\{queue="[^"]+",result="clean"\} 12/);
  });

  it("loses nothing when Redis is restarted mid-run", async () => {
    const queue = fresh();
    const worker = await startWorker({ redis: redis.url, queue, stages: [languageStage()], concurrency: 4, ...fast });
    const input = articles(600, "r");
    const records: Analysis[] = [];
    let restarted = false;
    for await (const doc of runDistributed(input, { redis: redis.url, queue, window: 200 })) {
      records.push(doc);
      if (records.length === 150 && !restarted) {
        restarted = true;
        await redis.stop();
        await new Promise((resolve) => setTimeout(resolve, 300));
        await redis.start();
      }
    }
    await worker.close();
    expect(restarted).toBe(true);
    expect(records.map((r) => r.id)).toEqual(input.map((a) => a.id));
    expect(records.every((r) => r.errors.length === 0)).toBe(true);
  });
});

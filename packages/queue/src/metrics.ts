import { createServer, type Server } from "node:http";

import type { Stage } from "@rassegna/core";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

import {
  connect,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  openQueue,
  type QueueConnectionOptions,
  release,
} from "./connection.js";

const STATES = ["waiting", "active", "delayed", "completed", "failed"] as const;

/** Per-stage totals that workers add to Redis, so that `queue status` sees every worker's. */
export function stageTotalsKey(prefix: string, queue: string): string {
  return `${prefix}:${queue}:rassegna:stages`;
}

/** The metrics of one worker, in a registry of their own. */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly stageSeconds: Histogram<"stage">;
  readonly jobSeconds: Histogram<"queue">;
  readonly jobs: Counter<"queue" | "result">;
  /** Per-stage time and calls not yet added to Redis. */
  private pending = new Map<string, { calls: number; seconds: number }>();

  constructor(queues: () => Array<Queue>) {
    this.stageSeconds = new Histogram({
      name: "rassegna_stage_duration_seconds",
      help: "Time one article spent in one stage of this worker (batch waits included).",
      labelNames: ["stage"],
      buckets: [0.0005, 0.002, 0.01, 0.05, 0.25, 1, 5, 30],
      registers: [this.registry],
    });
    this.jobSeconds = new Histogram({
      name: "rassegna_job_duration_seconds",
      help: "Time this worker spent on one job (its step of the route).",
      labelNames: ["queue"],
      buckets: [0.001, 0.005, 0.02, 0.1, 0.5, 2, 10, 60],
      registers: [this.registry],
    });
    this.jobs = new Counter({
      name: "rassegna_worker_jobs_total",
      help: "Jobs this worker finished: clean records, records with errors, or failed tries (retried).",
      labelNames: ["queue", "result"],
      registers: [this.registry],
    });
    new Gauge({
      name: "rassegna_queue_jobs",
      help: "Jobs of the queue by state (every worker of the queue sees the same).",
      labelNames: ["queue", "state"],
      registers: [this.registry],
      async collect() {
        for (const queue of queues()) {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
  }

  /** Wraps a stage so that every call is timed into `rassegna_stage_duration_seconds`. */
  timed(stage: Stage): Stage {
    const observe = (start: number) => {
      const seconds = (performance.now() - start) / 1000;
      this.stageSeconds.observe({ stage: stage.name }, seconds);
      const total = this.pending.get(stage.name) ?? { calls: 0, seconds: 0 };
      total.calls++;
      total.seconds += seconds;
      this.pending.set(stage.name, total);
    };
    return {
      name: stage.name,
      ...(stage.batching ? { batching: stage.batching } : {}),
      process(doc, context) {
        const start = performance.now();
        let result: void | Promise<void>;
        try {
          result = stage.process(doc, context);
        } catch (error) {
          observe(start);
          throw error;
        }
        if (result && typeof (result as Promise<void>).then === "function") {
          return (result as Promise<void>).finally(() => observe(start));
        }
        observe(start);
      },
      ...(stage.close ? { close: () => stage.close?.() } : {}),
    };
  }

  /** Adds the stage totals gathered since the last call to Redis (for `queue status`). */
  async flush(client: Redis, key: string): Promise<void> {
    if (this.pending.size === 0) return;
    const pending = this.pending;
    this.pending = new Map();
    const multi = client.multi();
    for (const [stage, total] of pending) {
      multi.hincrby(key, `${stage}:calls`, total.calls);
      multi.hincrbyfloat(key, `${stage}:seconds`, total.seconds);
    }
    await multi.exec();
  }
}

/** Serves `registry` as Prometheus text on `GET /metrics` (and `/`). */
export async function serveMetrics(registry: Registry, port: number, host = "0.0.0.0"): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url !== "/metrics" && request.url !== "/") {
      response.writeHead(404).end("Not found: the metrics are at /metrics.\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500).end(`${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

/** The queues of a name: the queue itself and every `<queue>.<step>` of a route, by their BullMQ meta keys. */
export async function findStepQueues(client: Redis, prefix: string, queue: string): Promise<string[]> {
  const names = new Set<string>();
  for (const pattern of [`${prefix}:${queue}:meta`, `${prefix}:${queue}.*:meta`]) {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      for (const key of keys) names.add(key.slice(prefix.length + 1, -":meta".length));
    } while (cursor !== "0");
  }
  return [...names].sort();
}

/**
 * The state of a queue and its steps as Prometheus text: jobs by state and live workers per
 * step queue, and every worker's stage totals (calls, seconds) from Redis.
 */
export async function queueStatus(options: QueueConnectionOptions): Promise<string> {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const name = options.queue ?? DEFAULT_QUEUE;
  const { client, owned } = connect(options.redis);
  const registry = new Registry();
  const queues: Queue[] = [];
  try {
    const names = await findStepQueues(client, prefix, name);
    for (const step of names) queues.push(openQueue(step, client, prefix));
    const jobs = new Gauge({
      name: "rassegna_queue_jobs",
      help: "Jobs of the queue by state.",
      labelNames: ["queue", "state"],
      registers: [registry],
    });
    const workers = new Gauge({
      name: "rassegna_queue_workers",
      help: "Workers connected to the queue.",
      labelNames: ["queue"],
      registers: [registry],
    });
    const calls = new Gauge({
      name: "rassegna_stage_calls_total",
      help: "Articles every worker of the queue ran through the stage.",
      labelNames: ["stage"],
      registers: [registry],
    });
    const seconds = new Gauge({
      name: "rassegna_stage_seconds_total",
      help: "Time every worker of the queue spent in the stage.",
      labelNames: ["stage"],
      registers: [registry],
    });
    const mean = new Gauge({
      name: "rassegna_stage_mean_seconds",
      help: "Mean time of one article in the stage, over every worker.",
      labelNames: ["stage"],
      registers: [registry],
    });
    for (const queue of queues) {
      const counts = await queue.getJobCounts(...STATES);
      for (const state of STATES) jobs.set({ queue: queue.name, state }, counts[state] ?? 0);
      workers.set({ queue: queue.name }, await queue.getWorkersCount().catch(() => 0));
      const totals = await client.hgetall(stageTotalsKey(prefix, queue.name));
      for (const [field, value] of Object.entries(totals)) {
        const [stage, what] = [field.slice(0, field.lastIndexOf(":")), field.slice(field.lastIndexOf(":") + 1)];
        if (what === "calls") calls.inc({ stage }, Number(value));
        if (what === "seconds") seconds.inc({ stage }, Number(value));
      }
    }
    for (const { labels, value } of (await calls.get()).values) {
      const total = (await seconds.get()).values.find((v) => v.labels.stage === labels.stage)?.value ?? 0;
      if (value > 0) mean.set({ stage: String(labels.stage) }, total / value);
    }
    return await registry.metrics();
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    if (owned) await release(client);
  }
}

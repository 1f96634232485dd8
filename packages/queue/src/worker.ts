import type { Server } from "node:http";

import { type Analysis, hasInputError, type Stage } from "@rassegna/core";
import { createPipeline, type Pipeline, type PipelineInput } from "@rassegna/pipeline";
import { type Job, type Queue, Worker } from "bullmq";

import {
  type ArticleJob,
  checkQueueName,
  connect,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  JOB_NAME,
  jobOptions,
  openQueue,
  type QueueConnectionOptions,
  type RetryOptions,
  release,
  stepQueue,
  usageError,
} from "./connection.js";
import { serveMetrics, stageTotalsKey, WorkerMetrics } from "./metrics.js";

/** Options of {@link startWorker}. */
export interface WorkerOptions extends QueueConnectionOptions, RetryOptions {
  /** The stages this worker runs on every job (it closes them when it stops). */
  stages: Stage[];
  /**
   * The step of a route this worker serves, e.g. `"translate"` (queue `<queue>.translate`);
   * default: the whole pipeline, on the queue itself.
   */
  step?: string;
  /** Jobs processed at once; they share the stages' model batches (default 16). */
  concurrency?: number;
  /**
   * How long a job's lock lasts, in milliseconds (default 30000): a job held by a worker
   * that died is handed to another one this long after, at the next stalled-job check.
   */
  lockMs?: number;
  /** How often the stalled-job check runs, in milliseconds (default: `lockMs`). */
  stalledIntervalMs?: number;
  /** Times a job may be taken back from a dead worker before it fails (default 3). */
  maxStalledCount?: number;
  /** Serve Prometheus metrics on this port (`GET /metrics`). */
  metricsPort?: number;
  /** Interface the metrics listen on (default all, `0.0.0.0`). */
  metricsHost?: string;
  /** Told of trouble that does not stop the worker (lost connection, a failed try). */
  onError?: (message: string) => void;
}

/** A running worker. */
export interface QueueWorker {
  /** The BullMQ queue it takes jobs from. */
  readonly queueName: string;
  /** Where the metrics are served, when asked for. */
  readonly metricsPort: number | undefined;
  /** Jobs finished so far by this worker. */
  readonly processed: number;
  /**
   * Stops taking jobs, finishes the ones it holds, then closes the stages and the
   * connections. Safe to call more than once.
   */
  close(): Promise<void>;
  /** Resolves when the worker has stopped. */
  readonly closed: Promise<void>;
}

/** Where a carried record's token rides through `createAnalysis`: the article's `meta`. */
const CARRY = "@rassegna/queue:carry";

/**
 * The stage that puts the record of the step before back into the pipeline's document (the
 * pipeline builds a fresh one from the article; the id stays the article's).
 */
function carryStage(carried: Map<string, Analysis>): Stage {
  return {
    name: "queue",
    process(doc) {
      const token = doc.meta?.[CARRY];
      const saved = typeof token === "string" ? carried.get(token) : undefined;
      if (!saved) return;
      carried.delete(token as string);
      const target = doc as unknown as Record<string, unknown>;
      for (const key of Object.keys(target)) if (key !== "id" && key !== "errors") delete target[key];
      const { errors, ...rest } = saved;
      Object.assign(target, rest);
      doc.errors.push(...errors);
    },
  };
}

/**
 * Takes article jobs from the queue (or from one step's queue) and runs `stages` on them,
 * `concurrency` at a time through one pipeline, so that concurrent jobs share model batches.
 * A stage's error is part of the record (the job completes); only a failure of the worker
 * itself (e.g. Redis lost while forwarding) makes BullMQ retry the job, with back-off.
 */
export async function startWorker(options: WorkerOptions): Promise<QueueWorker> {
  const base = checkQueueName(options.queue ?? DEFAULT_QUEUE);
  const step = options.step ?? "";
  if (step !== "") checkQueueName(step, "step name");
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const concurrency = options.concurrency ?? 16;
  if (!(Number.isInteger(concurrency) && concurrency > 0)) {
    throw usageError(`concurrency must be a positive integer (got ${String(options.concurrency)}).`);
  }
  const lockMs = options.lockMs ?? 30_000;
  const onError = options.onError ?? (() => {});
  const queueName = stepQueue(base, step);
  const { client, owned } = connect(options.redis, onError);
  const metrics = new WorkerMetrics(() => [own]);
  const carried = new Map<string, Analysis>();
  let carries = 0;
  const pipeline: Pipeline = createPipeline({
    stages: [carryStage(carried), ...options.stages.map((stage) => metrics.timed(stage))],
    concurrency,
    buffer: 0,
  });
  const own = openQueue(queueName, client, prefix);
  const next = new Map<string, Queue>();
  const nextQueue = (name: string) => {
    let queue = next.get(name);
    if (!queue) {
      queue = openQueue(name, client, prefix);
      next.set(name, queue);
    }
    return queue;
  };

  async function process(job: Job<ArticleJob>): Promise<unknown> {
    const start = performance.now();
    const data = job.data;
    let doc: Analysis;
    if (data.doc) {
      if (hasInputError(data.doc)) doc = data.doc;
      else {
        const token = String(carries++);
        carried.set(token, data.doc);
        try {
          doc = await pipeline.run({ id: data.doc.id, text: data.doc.text, meta: { [CARRY]: token } }, data.index);
        } finally {
          carried.delete(token);
        }
      }
    } else {
      // Whatever the producer sent is checked by the pipeline (a bad value becomes an INVALID_INPUT record).
      doc = await pipeline.run(data.input as PipelineInput, data.index);
    }
    const following = data.route[data.hop + 1];
    let result: unknown = doc;
    if (following !== undefined) {
      // Forward first, complete after: a worker dying in between leaves this job to be
      // retried, and the retry's forward finds the next job already there (same id).
      const target = stepQueue(base, following);
      const { jobId: _jobId, ...rest } = job.opts as Record<string, unknown>;
      await nextQueue(target).add(
        JOB_NAME,
        { index: data.index, route: data.route, hop: data.hop + 1, doc },
        { ...jobOptions(job.id ?? "", options), ...pick(rest), jobId: job.id ?? "" },
      );
      result = { forwardedTo: target };
    }
    metrics.jobSeconds.observe({ queue: queueName }, (performance.now() - start) / 1000);
    metrics.jobs.inc({ queue: queueName, result: doc.errors.length > 0 ? "errors" : "clean" });
    return result;
  }

  const worker = new Worker<ArticleJob>(queueName, process, {
    connection: client,
    prefix,
    concurrency,
    lockDuration: lockMs,
    stalledInterval: options.stalledIntervalMs ?? lockMs,
    maxStalledCount: options.maxStalledCount ?? 3,
    autorun: false,
  });
  let processed = 0;
  worker.on("completed", () => processed++);
  worker.on("failed", (job, error) => {
    metrics.jobs.inc({ queue: queueName, result: "failed" });
    onError(`job ${job?.id ?? "?"} failed (try ${job?.attemptsMade ?? "?"}): ${error.message}`);
  });
  // BullMQ reports an outage on every try: say each kind of trouble once in ten seconds.
  const said = new Map<string, number>();
  worker.on("error", (error) => {
    const now = Date.now();
    if ((said.get(error.message) ?? 0) > now - 10_000) return;
    said.set(error.message, now);
    onError(`queue ${queueName}: ${error.message}`);
  });

  const totalsKey = stageTotalsKey(prefix, queueName);
  const flusher = setInterval(() => {
    metrics.flush(client, totalsKey).catch(() => {});
  }, 2000);
  flusher.unref();

  let server: Server | undefined;
  if (options.metricsPort !== undefined) {
    server = await serveMetrics(metrics.registry, options.metricsPort, options.metricsHost);
  }
  const address = server?.address();
  const metricsPort = address && typeof address === "object" ? address.port : undefined;

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await worker.close();
      clearInterval(flusher);
      await pipeline.close();
      await metrics.flush(client, totalsKey).catch(() => {});
      await Promise.all([own.close(), ...[...next.values()].map((queue) => queue.close())]);
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      if (owned) await release(client);
      resolveClosed();
    })();
    return closing;
  };
  const running = worker.run();
  running.catch((error: unknown) => {
    onError(`queue ${queueName}: the worker stopped: ${error instanceof Error ? error.message : String(error)}`);
    void close();
  });
  await worker.waitUntilReady();

  return {
    queueName,
    metricsPort,
    get processed() {
      return processed;
    },
    close,
    closed,
  };
}

/** The retry options of a job, to pass on to its next step. */
function pick(opts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["attempts", "backoff", "removeOnComplete", "removeOnFail"]) {
    if (opts[key] !== undefined) out[key] = opts[key];
  }
  return out;
}

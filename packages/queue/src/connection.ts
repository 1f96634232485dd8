import { createHash } from "node:crypto";

import { type Analysis, RassegnaError } from "@rassegna/core";
import { Queue } from "bullmq";
import { Redis } from "ioredis";

/** The queue every producer and worker uses unless told otherwise. */
export const DEFAULT_QUEUE = "rassegna";
/** BullMQ's key prefix: every key of a queue is `<prefix>:<queue>:…`. */
export const DEFAULT_PREFIX = "bull";
/** The BullMQ job name of an article. */
export const JOB_NAME = "article";

/** Where the queue lives and what it is called; shared by producers, workers and `queue status`. */
export interface QueueConnectionOptions {
  /** `redis://HOST:PORT/DB` (or `rediss://` for TLS), or an ioredis client to share. */
  redis: string | Redis;
  /** The queue's name (default `"rassegna"`); a step of a route adds `.<step>` to it. */
  queue?: string;
  /** BullMQ's key prefix (default `"bull"`). */
  prefix?: string;
}

/** How BullMQ retries a job whose processing threw (a transient failure, never a stage's error). */
export interface RetryOptions {
  /** Tries per job before it is given up as failed (default 5). */
  attempts?: number;
  /** First back-off in milliseconds, doubled at each retry (default 1000). */
  backoffMs?: number;
  /** How long finished jobs (and so their results) are kept, in seconds (default one day). */
  keepSeconds?: number;
}

/** What a job carries from the producer, and from one step of a route to the next. */
export interface ArticleJob {
  /** The input as given (an article or a string), for the first step. */
  input?: unknown;
  /** Its position in the producer's input: generated ids (`article-<n>`) depend on it. */
  index: number;
  /** Queue suffixes of the steps, in order; `""` is the queue itself (the whole pipeline). */
  route: string[];
  /** The step this job is at. */
  hop: number;
  /** The record so far, from the step before. */
  doc?: Analysis;
}

export function usageError(message: string, hint?: string): RassegnaError {
  return new RassegnaError("USAGE", message, { stage: "queue", ...(hint ? { hint } : {}) });
}

/** Checks a Redis URL: a clear error for anything that is not `redis://…` or `rediss://…`. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usageError(`"${url}" is not a Redis URL: write redis://HOST:PORT/DB, e.g. redis://127.0.0.1:6379/0.`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw usageError(`"${url}" is not a Redis URL (${parsed.protocol}): write redis://HOST:PORT/DB.`);
  }
  const db = parsed.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db)) {
    throw usageError(`"${url}": the database after the port must be a number, e.g. redis://127.0.0.1:6379/0.`);
  }
  return url;
}

/** Checks a queue or step name: BullMQ forbids ":" in queue names. */
export function checkQueueName(name: string, what = "queue name"): string {
  if (name === "" || name.includes(":") || /\s/.test(name)) {
    throw usageError(`The ${what} "${name}" cannot be used: give a non-empty name without ":" or spaces.`);
  }
  return name;
}

/**
 * A connection for BullMQ: commands wait while Redis is away (`maxRetriesPerRequest: null`)
 * and ioredis reconnects with a growing pause, so a restart of Redis costs time, not work.
 */
export function connect(
  redis: string | Redis,
  onTrouble?: (message: string) => void,
): { client: Redis; owned: boolean } {
  if (typeof redis !== "string") return { client: redis, owned: false };
  const client = new Redis(checkRedisUrl(redis), {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(50 * times, 1000),
  });
  // ioredis reconnects by itself; say so once per outage, not on every try.
  let down = false;
  const where = redis.replace(/\/\/[^@/]*@/, "//");
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    onTrouble?.(`cannot reach Redis at ${where} (${error.message}); trying again.`);
  });
  client.on("ready", () => {
    if (!down) return;
    down = false;
    onTrouble?.(`Redis at ${where} is back.`);
  });
  return { client, owned: true };
}

/** The BullMQ queue of a step: the queue itself for `""`, else `<queue>.<step>`. */
export function stepQueue(queue: string, step: string): string {
  return step === "" ? queue : `${queue}.${step}`;
}

/** The step name of a list of stages: `["entities", "stance"]` → `"entities+stance"`. */
export function stepName(stages: readonly string[]): string {
  return stages.map((stage) => checkQueueName(stage, "stage name")).join("+");
}

/**
 * The job id of an article: its id (URI-encoded, so no ":") and a digest of the input, so
 * that a re-run of the same article finds the job (and its result) already there, and a
 * changed article under an old id is a new job.
 */
export function jobIdOf(id: string, input: unknown): string {
  const digest = createHash("sha1").update(JSON.stringify(input)).digest("hex").slice(0, 16);
  return `${encodeURIComponent(id)}#${digest}`;
}

/** BullMQ job options for an article job. */
export function jobOptions(jobId: string, retry: RetryOptions = {}) {
  const keep = retry.keepSeconds ?? 86_400;
  return {
    jobId,
    attempts: retry.attempts ?? 5,
    backoff: { type: "exponential", delay: retry.backoffMs ?? 1000 },
    removeOnComplete: { age: keep },
    removeOnFail: { age: keep },
  };
}

/**
 * A BullMQ queue on `client`. Its connection errors are the client's, reported once by
 * {@link connect}; without a listener here BullMQ would print every retry.
 */
export function openQueue(name: string, client: Redis, prefix: string): Queue {
  const queue = new Queue(name, { connection: client, prefix });
  queue.on("error", () => {});
  return queue;
}

/** Closes an own connection: politely when Redis answers, at once when it does not. */
export async function release(client: Redis): Promise<void> {
  if (client.status === "ready") await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}

import {
  AbortError,
  type Analysis,
  createAnalysis,
  DEFAULT_MAX_TEXT_LENGTH,
  hasInputError,
  type StageError,
} from "@rassegna/core";
import type { PipelineSource, ProgressEvent } from "@rassegna/pipeline";

import {
  type ArticleJob,
  checkQueueName,
  connect,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  JOB_NAME,
  jobIdOf,
  jobOptions,
  openQueue,
  type QueueConnectionOptions,
  type RetryOptions,
  release,
  stepName,
  stepQueue,
  usageError,
} from "./connection.js";

/** Options of {@link runDistributed}. */
export interface DistributedOptions extends QueueConnectionOptions, RetryOptions {
  /**
   * The steps every article goes through, each a list of stage names served by workers
   * started with the same list (`[["language"], ["translate"], ["entities", "stance"]]`);
   * default: one step, the whole pipeline, on the queue itself.
   */
  route?: string[][];
  /** Most articles sent and not yet yielded (default 1000): the bound on jobs waiting. */
  window?: number;
  /** Jobs added to Redis in one round trip (default 100). */
  chunk?: number;
  /** Longest accepted text, as in the pipeline (checked before anything is sent). */
  maxTextLength?: number;
  /** Stops the run: the iteration ends with an `ABORTED` error (jobs already sent stay). */
  signal?: AbortSignal;
  /** Called for every article read, done or failed, as the pipeline's `onProgress`. */
  onProgress?: (event: ProgressEvent) => void;
  /** Told when no worker serves a step that has work (and when one comes), or Redis is away. */
  onWaiting?: (message: string) => void;
  /** How long to wait with no result before checking the jobs for loss or failure (default 1000 ms). */
  checkMs?: number;
}

interface Entry {
  index: number;
  id: string;
  /** A record made here (rejected input): no job. */
  local?: Analysis;
  jobId?: string;
  data?: ArticleJob;
  sent: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function failedRecord(entry: Entry, message: string, maxTextLength: number): Analysis {
  const doc = createAnalysis(entry.data?.input, entry.index, maxTextLength);
  const error: StageError = { stage: "queue", code: "STAGE_FAILED", message };
  doc.errors.push(error);
  return doc;
}

/**
 * Sends every article of `source` to the queue and yields the workers' records like
 * `pipeline.stream()`: exactly one per input, in input order. At most `window` articles are
 * in the queue at once. Rejected inputs (no text, too long) get their record here, without
 * a job; a job that BullMQ gave up on (its tries spent) gets a record with a `queue` error;
 * a job Redis lost is sent again.
 */
export async function* runDistributed(
  source: PipelineSource,
  options: DistributedOptions,
): AsyncGenerator<Analysis, void, undefined> {
  const base = checkQueueName(options.queue ?? DEFAULT_QUEUE);
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const route = options.route && options.route.length > 0 ? options.route.map((stages) => stepName(stages)) : [""];
  const window = options.window ?? 1000;
  const chunk = options.chunk ?? 100;
  if (!(Number.isInteger(window) && window > 0)) throw usageError(`window must be a positive integer (got ${window}).`);
  const maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
  const checkMs = options.checkMs ?? 1000;
  const { client, owned } = connect(options.redis, options.onWaiting);
  const queues = route.map((step) => openQueue(stepQueue(base, step), client, prefix));
  const first = queues[0]!;
  const last = queues.at(-1)!;
  const signal = options.signal;

  const entries: Entry[] = [];
  let head = 0;
  let readDone = false;
  let readError: unknown;
  let batch: Entry[] = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  let freed: (() => void) | undefined;

  /** Adds the jobs (an existing id is left as it is), trying again while Redis refuses. */
  const send = async (items: Entry[]) => {
    for (let pause = 100; items.length > 0 && !stopped; pause = Math.min(pause * 2, 5000)) {
      try {
        await first.addBulk(
          items.map((entry) => ({ name: JOB_NAME, data: entry.data!, opts: jobOptions(entry.jobId!, options) })),
        );
        for (const entry of items) entry.sent = true;
        return;
      } catch (error) {
        options.onWaiting?.(
          `cannot add jobs to Redis, trying again: ${error instanceof Error ? error.message : String(error)}`,
        );
        await sleep(pause);
      }
    }
  };
  let sending: Promise<void> = Promise.resolve();
  /** Sends what is batched; sends stay in order. */
  const flush = () => {
    const items = batch;
    batch = [];
    sending = sending.then(() => send(items));
    return sending;
  };

  const iterator =
    Symbol.asyncIterator in (source as object)
      ? (source as AsyncIterable<unknown>)[Symbol.asyncIterator]()
      : (source as Iterable<unknown>)[Symbol.iterator]();
  let stopped = false;
  const reader = (async () => {
    try {
      for (let index = 0; ; index++) {
        while (entries.length - head >= window && !stopped) {
          await flush();
          await new Promise<void>((resolve) => {
            freed = resolve;
          });
        }
        if (stopped) break;
        const step = await iterator.next();
        if (step.done || stopped) break;
        const input = step.value;
        const doc = createAnalysis(input, index, maxTextLength);
        options.onProgress?.({ type: "read", id: doc.id, index });
        const entry: Entry = { index, id: doc.id, sent: false };
        if (hasInputError(doc)) entry.local = doc;
        else {
          let jobId: string;
          try {
            jobId = jobIdOf(doc.id, input);
          } catch (error) {
            doc.errors.push({
              stage: "queue",
              code: "INVALID_INPUT",
              message: `Article "${doc.id}" cannot be sent to the queue (not JSON): ${error instanceof Error ? error.message : String(error)}`,
            });
            entry.local = doc;
            jobId = "";
          }
          if (!entry.local) {
            entry.jobId = jobId;
            entry.data = { input, index, route, hop: 0 };
            batch.push(entry);
            if (batch.length >= chunk) await flush();
          }
        }
        entries.push(entry);
        notify();
      }
      await flush();
    } catch (error) {
      readError = error;
    } finally {
      readDone = true;
      notify();
    }
  })();

  /** Records of the sent entries from `head` on that are finished, in order. */
  let span = 1;
  const collect = async (): Promise<Array<Analysis | undefined>> => {
    const ready: Entry[] = [];
    for (let i = head; i < entries.length && ready.length < span; i++) {
      const entry = entries[i]!;
      if (!entry.local && !entry.sent) break;
      ready.push(entry);
    }
    const pipe = client.pipeline();
    for (const entry of ready) {
      if (!entry.local) pipe.hmget(last.toKey(entry.jobId!), "finishedOn", "returnvalue", "failedReason");
    }
    const replies = (await pipe.exec()) ?? [];
    let r = 0;
    const out: Array<Analysis | undefined> = [];
    for (const entry of ready) {
      if (entry.local) {
        out.push(entry.local);
        continue;
      }
      const [error, fields] = replies[r++]!;
      if (error) throw error;
      const [finishedOn, returnvalue, failedReason] = fields as Array<string | null | undefined>;
      if (!finishedOn) break;
      if (typeof returnvalue === "string" && returnvalue !== "null") out.push(JSON.parse(returnvalue) as Analysis);
      else {
        const reason = failedReason ?? "no result";
        out.push(failedRecord(entry, `The queue gave up on this article: ${reason}.`, maxTextLength));
      }
    }
    // Ask for as many as came last time, doubled: one command while waiting for the
    // oldest, up to 256 a round trip while results pour in.
    span = out.length === ready.length ? Math.min(span * 2, 256) : Math.max(1, out.length * 2);
    return out;
  };

  /** When nothing comes: failed jobs at an earlier step, jobs Redis lost, steps without a worker. */
  let waitingSaid = new Set<string>();
  const check = async (): Promise<Map<number, Analysis>> => {
    const failed = new Map<number, Analysis>();
    const pending = entries.slice(head, head + window).filter((entry) => entry.sent && !entry.local);
    if (pending.length === 0) return failed;
    const multi = client.multi();
    for (const entry of pending) {
      for (const queue of queues) {
        multi.hmget(queue.toKey(entry.jobId!), "timestamp", "finishedOn", "failedReason", "returnvalue");
      }
    }
    const replies = (await multi.exec()) ?? [];
    const lost: Entry[] = [];
    pending.forEach((entry, e) => {
      let exists = false;
      queues.forEach((queue, q) => {
        const reply = (replies[e * queues.length + q]![1] ?? []) as Array<string | null>;
        const [timestamp, finishedOn, failedReason, returnvalue] = reply;
        if (timestamp) exists = true;
        if (finishedOn && failedReason && (returnvalue === null || returnvalue === "null")) {
          failed.set(
            entry.index,
            failedRecord(entry, `The queue gave up on this article at ${queue.name}: ${failedReason}.`, maxTextLength),
          );
        }
      });
      if (!exists) lost.push(entry);
    });
    if (lost.length > 0) {
      // Lost by Redis (a restart without persistence): send them again, same ids.
      for (const entry of lost) {
        entry.data = { ...entry.data!, hop: 0 };
        delete entry.data.doc;
      }
      await send(lost.filter((entry) => !failed.has(entry.index)));
    }
    const idle: string[] = [];
    for (const queue of queues) {
      const workers = await queue.getWorkersCount().catch(() => 1);
      if (workers === 0) idle.push(queue.name);
    }
    const said = new Set<string>();
    for (const name of idle) {
      said.add(name);
      if (!waitingSaid.has(name)) {
        const stages = name === base ? "" : ` --stages ${name.slice(base.length + 1).replaceAll("+", ",")}`;
        options.onWaiting?.(
          `no worker is taking jobs from queue "${name}": waiting (start one with \`rassegna worker --redis URL --queue ${base}${stages}\`).`,
        );
      }
    }
    for (const name of waitingSaid) {
      if (!said.has(name)) options.onWaiting?.(`a worker is taking jobs from queue "${name}" now.`);
    }
    waitingSaid = said;
    return failed;
  };

  try {
    let pause = 2;
    let lastProgress = performance.now();
    while (true) {
      if (signal?.aborted) throw new AbortError("The distributed run was aborted.", { stage: "queue" });
      if (readError !== undefined) throw readError;
      if (head >= entries.length) {
        if (readDone) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      const headEntry = entries[head]!;
      if (!headEntry.local && !headEntry.sent) await flush();
      const records = await collect();
      if (records.length === 0 && performance.now() - lastProgress >= checkMs) {
        const failed = await check();
        lastProgress = performance.now();
        const record = failed.get(headEntry.index);
        if (record) records.push(record);
      }
      for (const record of records) {
        const entry = entries[head]!;
        const doc = record ?? failedRecord(entry, "no result", maxTextLength);
        head++;
        const ms = 0;
        if (doc.errors.length === 0) options.onProgress?.({ type: "done", id: doc.id, index: entry.index, ms });
        else options.onProgress?.({ type: "failed", id: doc.id, index: entry.index, ms, errors: doc.errors });
        yield doc;
      }
      if (head >= 1024) {
        entries.splice(0, head);
        head = 0;
      }
      if (records.length > 0) {
        pause = 2;
        lastProgress = performance.now();
        const f = freed;
        freed = undefined;
        f?.();
      } else {
        await sleep(pause);
        pause = Math.min(pause * 2, 50);
      }
    }
  } finally {
    stopped = true;
    const f = freed;
    freed = undefined;
    f?.();
    // A source blocked on its next item (standard input) is not waited for.
    if (readDone) await reader;
    else void Promise.resolve(iterator.return?.()).catch(() => {});
    await sending.catch(() => {});
    await Promise.all(queues.map((queue) => queue.close().catch(() => {})));
    if (owned) await release(client);
  }
}

import type { Analysis } from "@rassegna/core";
import type { PipelineSource } from "@rassegna/pipeline";

import {
  checkQueueName,
  connect,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  openQueue,
  type QueueConnectionOptions,
  type RetryOptions,
  release,
} from "./connection.js";
import { type DistributedOptions, runDistributed } from "./distributed.js";
import { findStepQueues, queueStatus, stageTotalsKey } from "./metrics.js";
import { type QueueWorker, startWorker, type WorkerOptions } from "./worker.js";

/** What a producer needs of a pipeline: `stream` and `close` (the command uses either). */
export interface DistributedPipeline {
  stream(source: PipelineSource): AsyncIterable<Analysis>;
  close(): Promise<void>;
}

/** A queue and its steps on one Redis connection. */
export interface RassegnaQueue extends DistributedPipeline {
  readonly name: string;
  /** Sends `source` and yields the records in input order (see {@link runDistributed}). */
  stream(
    source: PipelineSource,
    options?: Omit<DistributedOptions, keyof QueueConnectionOptions>,
  ): AsyncIterable<Analysis>;
  /** Starts a worker on this queue, in this process. */
  startWorker(options: Omit<WorkerOptions, keyof QueueConnectionOptions>): Promise<QueueWorker>;
  /** Jobs by state, per queue of this name (the queue itself and each step's). */
  counts(): Promise<Record<string, Record<string, number>>>;
  /** The queue's state as Prometheus text (as `rassegna queue status`). */
  status(): Promise<string>;
  /** Removes every job and result of this queue and its steps (jobs being processed included). */
  clear(): Promise<void>;
  /** Closes the connection (workers started here are closed by their own `close`). */
  close(): Promise<void>;
}

/** Options of {@link createQueue}: where, and the defaults of every `stream`. */
export interface CreateQueueOptions
  extends QueueConnectionOptions,
    RetryOptions,
    Omit<DistributedOptions, keyof QueueConnectionOptions> {}

/**
 * A queue on Redis, for producers (`stream`) and workers (`startWorker`) alike.
 *
 * @example
 * const queue = createQueue({ redis: "redis://127.0.0.1:6379/0", queue: "news" });
 * for await (const record of queue.stream(articles)) console.log(record.id, record.language?.code);
 * await queue.close();
 */
export function createQueue(options: CreateQueueOptions): RassegnaQueue {
  const name = checkQueueName(options.queue ?? DEFAULT_QUEUE);
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const { client, owned } = connect(options.redis, options.onWaiting);
  const shared = { ...options, redis: client, queue: name, prefix };
  const stepQueues = async () =>
    (await findStepQueues(client, prefix, name)).map((step) => openQueue(step, client, prefix));
  return {
    name,
    stream: (source, more = {}) => runDistributed(source, { ...shared, ...more }),
    startWorker: (more) => startWorker({ ...shared, ...more } as WorkerOptions),
    async counts() {
      const out: Record<string, Record<string, number>> = {};
      for (const queue of await stepQueues()) {
        out[queue.name] = await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed");
        await queue.close();
      }
      return out;
    },
    status: () => queueStatus(shared),
    async clear() {
      for (const queue of await stepQueues()) {
        await queue.obliterate({ force: true });
        await client.del(stageTotalsKey(prefix, queue.name));
        await queue.close();
      }
    },
    async close() {
      if (owned) await release(client);
    },
  };
}

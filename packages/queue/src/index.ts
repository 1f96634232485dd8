/**
 * `@rassegna/queue`: Rassegna beyond one machine. Producers send articles to a BullMQ queue
 * over Redis ({@link runDistributed}); workers on any machine run the stages on them
 * ({@link startWorker}), the whole pipeline or one step of a route (translation on its own
 * machines); records come back exactly once, in input order.
 */
export {
  type ArticleJob,
  checkRedisUrl,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  type QueueConnectionOptions,
  type RetryOptions,
  stepName,
  stepQueue,
} from "./connection.js";
export { type DistributedOptions, runDistributed } from "./distributed.js";
export { queueStatus, serveMetrics } from "./metrics.js";
export { createQueue, type DistributedPipeline, type RassegnaQueue } from "./queue.js";
export { type QueueWorker, startWorker, type WorkerOptions } from "./worker.js";

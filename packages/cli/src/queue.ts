/** The queue commands: `rassegna worker`, `rassegna queue status|clear`, and `run --redis`. */
import type { Writable } from "node:stream";

import type { ModelSettingsOptions } from "@rassegna/core";
import type { ProgressEvent } from "@rassegna/pipeline";
import type { DistributedPipeline } from "@rassegna/queue";
import type { DefaultStageName, StageFactory } from "rassegna";

import { type Flags, parseConcurrency, parseEngine, parseList, UsageError } from "./usage.js";

const STAGES: readonly DefaultStageName[] = ["language", "translate", "entities", "stance"];

function say(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function needRedis(flags: Flags, command: string): string {
  if (flags.redis === undefined) {
    throw new UsageError(`rassegna ${command}: say where Redis is with --redis redis://HOST:PORT/DB.`);
  }
  if (!/^rediss?:\/\/[^/]/.test(flags.redis)) {
    throw new UsageError(
      `rassegna ${command}: --redis takes a URL such as redis://127.0.0.1:6379/0, not "${flags.redis}".`,
    );
  }
  return flags.redis;
}

/**
 * A list of default stage names, in pipeline order; `undefined` for all of them (the whole
 * pipeline, served on the queue itself).
 */
export function parseStages(
  value: string | undefined,
  command: string,
  flag = "--stages",
): DefaultStageName[] | undefined {
  const list = parseList(value);
  if (list === undefined) {
    if (value !== undefined) throw new UsageError(`rassegna ${command}: ${flag} needs stage names.`);
    return undefined;
  }
  for (const name of list) {
    if (!(STAGES as readonly string[]).includes(name)) {
      throw new UsageError(
        `rassegna ${command}: ${flag}: unknown stage "${name}"; the stages are ${STAGES.join(", ")}.`,
      );
    }
  }
  const stages = STAGES.filter((name) => list.includes(name));
  return stages.length === STAGES.length ? undefined : stages;
}

/** `--route "language/translate/entities,stance"` (or `--stages`, one step) → the steps. */
export function parseRoute(flags: Flags, command: string): string[][] | undefined {
  if (flags.route !== undefined && flags.stages !== undefined) {
    throw new UsageError(`rassegna ${command}: give --stages (one step) or --route (several), not both.`);
  }
  if (flags.stages !== undefined) {
    const stages = parseStages(flags.stages, command);
    return stages && [stages];
  }
  if (flags.route === undefined) return undefined;
  const steps = flags.route.split("/").map((step) => parseStages(step, command, "--route") ?? [...STAGES]);
  const seen = steps.flat();
  if (new Set(seen).size !== seen.length) throw new UsageError(`rassegna ${command}: --route names a stage twice.`);
  return steps.length === 1 && steps[0]!.length === STAGES.length ? undefined : steps;
}

function queueName(flags: Flags): string | undefined {
  if (flags.queue !== undefined && !/^[^:\s]+$/.test(flags.queue)) {
    throw new UsageError(`rassegna: --queue takes a name without ":" or spaces, not "${flags.queue}".`);
  }
  return flags.queue;
}

/** The producer of `run --redis`: what `run` uses instead of the in-process pipeline. */
export async function distributedRun(
  flags: Flags,
  options: { signal: AbortSignal; onProgress: (event: ProgressEvent) => void; stderr: Writable },
): Promise<DistributedPipeline> {
  const redis = needRedis(flags, "run");
  const route = parseRoute(flags, "run");
  const queue = queueName(flags);
  const { createQueue } = await import("@rassegna/queue");
  return createQueue({
    redis,
    ...(queue === undefined ? {} : { queue }),
    ...(route === undefined ? {} : { route }),
    signal: options.signal,
    onProgress: options.onProgress,
    onWaiting: (message) => say(options.stderr, `rassegna run: ${message}`),
  });
}

/** `rassegna worker`: serves the queue until SIGTERM/SIGINT, then finishes what it holds and exits 0. */
export async function workerCommand(
  flags: Flags,
  io: { stderr: Writable; signal?: AbortSignal },
  settings: ModelSettingsOptions,
  factories: Partial<Record<DefaultStageName, StageFactory>>,
): Promise<number> {
  const redis = needRedis(flags, "worker");
  const stages = parseStages(flags.stages, "worker");
  const concurrency = parseConcurrency(flags.concurrency, "worker");
  const engine = parseEngine(flags.engine, "worker");
  const queue = queueName(flags);
  const metricsPort = whole(flags["metrics-port"], "--metrics-port", 0, 65_535);
  const stallMs = whole(flags["stall-ms"], "--stall-ms", 100, 3_600_000);
  const targets = parseList(flags.targets);
  // The stage packages load models' code: only once the flags are known to be good.
  const { defaultStages, stageFactory } = await import("rassegna");
  const { startWorker, stepName } = await import("@rassegna/queue");
  const chosen = stages ?? STAGES;
  const built = defaultStages({
    ...settings,
    ...(targets ? { targets } : {}),
    ...(engine === undefined ? {} : { engines: [engine] }),
    factories: Object.fromEntries(STAGES.map((name) => [name, factories[name] ?? stageFactory(name)])),
    replace: Object.fromEntries(STAGES.filter((name) => !chosen.includes(name)).map((name) => [name, false])),
  });
  const worker = await startWorker({
    redis,
    stages: built,
    ...(queue === undefined ? {} : { queue }),
    ...(stages === undefined ? {} : { step: stepName(stages) }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(metricsPort === undefined ? {} : { metricsPort }),
    ...(stallMs === undefined ? {} : { lockMs: stallMs }),
    onError: (message) => say(io.stderr, `rassegna worker: ${message}`),
  });
  const where = worker.metricsPort === undefined ? "" : `; metrics on :${worker.metricsPort}/metrics`;
  say(io.stderr, `rassegna worker: taking jobs from "${worker.queueName}" (${chosen.join(", ")})${where}.`);
  const stop = () => {
    say(io.stderr, `rassegna worker: stopping after the jobs in hand (${worker.processed} done).`);
    void worker.close();
  };
  if (io.signal?.aborted) stop();
  else io.signal?.addEventListener("abort", stop, { once: true });
  await worker.closed;
  io.signal?.removeEventListener("abort", stop);
  say(io.stderr, `rassegna worker: stopped; ${worker.processed} jobs done.`);
  return 0;
}

/** `rassegna queue status|clear`. */
export async function queueCommand(positionals: string[], flags: Flags, io: { stdout: Writable }): Promise<number> {
  const [action, ...extra] = positionals;
  if (action !== "status" && action !== "clear") {
    throw new UsageError(
      action === undefined
        ? "rassegna queue: say status or clear."
        : `rassegna queue: unknown action "${action}"; use status or clear.`,
    );
  }
  if (extra.length > 0)
    throw new UsageError(`rassegna queue ${action}: takes no further arguments (got ${extra.join(" ")}).`);
  const redis = needRedis(flags, "queue");
  const queue = queueName(flags);
  const { createQueue } = await import("@rassegna/queue");
  const handle = createQueue({ redis, ...(queue === undefined ? {} : { queue }) });
  // The connection waits for Redis to come back, which suits workers; here, give up after a while.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer in 10 s")), 10_000);
  });
  try {
    const work = action === "status" ? handle.status() : handle.clear().then(() => "");
    io.stdout.write(await Promise.race([work, timeout]));
  } catch (error) {
    throw new Error(`cannot reach Redis at ${redis}: ${messageOf(error)}`);
  } finally {
    clearTimeout(timer);
    await Promise.race([handle.close(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
  return 0;
}

function whole(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= min && n <= max)) {
    throw new UsageError(`rassegna worker: ${flag} takes a whole number from ${min} to ${max}, not "${value}".`);
  }
  return n;
}

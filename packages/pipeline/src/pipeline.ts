import { setMaxListeners } from "node:events";
import {
  AbortError,
  type Analysis,
  createAnalysis,
  DEFAULT_MAX_TEXT_LENGTH,
  hasInputError,
  RassegnaError,
  type Stage,
  type StageContext,
  toStageError,
} from "@rassegna/core";

import pLimit, { type LimitFunction } from "p-limit";

import { Batcher, type Flow } from "./batcher.js";
import { toNodeDuplex, toWebTransform } from "./streams.js";
import type {
  Pipeline,
  PipelineInput,
  PipelineOptions,
  PipelineSource,
  PipelineStats,
  ProgressEvent,
  StageStats,
} from "./types.js";

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_BUFFER = 16;
/**
 * One article in this many has each synchronous stage call timed on its own; the others
 * read the clock once, at the article's end, and share that time out among the stages in
 * the proportions measured. A clock read costs about as much as a no-op stage, so timing
 * every call would double the cost of quick stages; the totals stay exact either way.
 */
const TIME_EVERY = 16;

function usage(message: string): RassegnaError {
  return new RassegnaError("USAGE", message, { stage: "pipeline" });
}

function isPromiseLike<T>(value: unknown): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as PromiseLike<T>).then === "function"
  );
}

function abortError(signal: AbortSignal): AbortError {
  return new AbortError("The pipeline run was aborted.", { stage: "pipeline", cause: signal.reason });
}

/** Who hears of an article's end. */
interface TaskOwner {
  taskDone(task: Task): void;
  taskAbandoned(task: Task, error: AbortError): void;
}

/** What the articles of one run (a stream, or `run()` calls) share. */
interface Lane {
  signal: AbortSignal;
  /** `signal.aborted`, kept as a plain field: read before every stage, it must be cheap. */
  aborted: boolean;
  contexts: StageContext[];
}

/** An article waiting for, or going through, the stages. */
interface Task {
  doc: Analysis;
  index: number;
  lane: Lane;
  owner: TaskOwner;
  /** The next stage to run. */
  next: number;
  start: number;
  /** When the last timed stage ended (performance.now()). */
  clock: number;
  /** Every stage call is timed on its own (else the time since `clock` is shared out). */
  timed: boolean;
  done: boolean;
}

/**
 * Composes stages into a pipeline over articles: bounded concurrency, ordered output,
 * backpressure, cross-article micro-batches, one record per input.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  return new StagePipeline(options);
}

class StagePipeline implements Pipeline {
  readonly stages: readonly Stage[];
  readonly ordered: boolean;
  /** Most articles read but not yet taken by the consumer, per stream. */
  readonly window: number;
  readonly maxTextLength: number;
  readonly flow: Flow = { active: 0, blocked: 0 };
  readonly limit: LimitFunction;
  readonly concurrency: number;
  /** Read this far below the window before reading again: fewer, larger rounds of work. */
  readonly refillAt: number;
  /** Articles waiting for a worker, from `queueHead` on. */
  private queue: Task[] = [];
  private queueHead = 0;
  /** Workers started (or starting) and not yet finished. */
  private workers = 0;
  /** Workers waiting on an asynchronous stage. */
  private waiting = 0;
  /** Wake-up calls of the workers idle for want of articles (they keep their p-limit slot). */
  private parked: Array<() => void> = [];
  /** Aborted by the caller's signal or by `close()`: every run stops. */
  readonly controller = new AbortController();
  private readonly batchers: Array<Batcher | undefined>;
  private readonly stageStats: StageStats[];
  /** Time and count of the synchronous stage calls timed on their own: their proportions. */
  private readonly sampleMs: number[];
  private readonly sampleCalls: number[];
  /** Untimed time, by the last stage of the stretch it covers (stages 0 to that one). */
  private readonly untimedMs: number[];
  private articlesStarted = 0;
  private readonly counts = { read: 0, done: 0, failed: 0 };
  private readonly onProgress: ((event: ProgressEvent) => void) | undefined;
  private readonly userSignal: AbortSignal | undefined;
  private readonly onUserAbort = () => this.abortAll();
  /** The lane of `run()` calls. */
  private readonly runLane: Lane;
  private runCount = 0;
  private closed: Promise<void> | undefined;

  constructor(options: PipelineOptions) {
    if (options === null || typeof options !== "object" || !Array.isArray(options.stages)) {
      throw usage("createPipeline needs { stages: Stage[] }.");
    }
    options.stages.forEach((stage, i) => {
      if (stage === null || typeof stage !== "object" || typeof stage.process !== "function") {
        throw usage(`Stage ${i + 1} is not a stage: give an object with a name and a process(doc, context) method.`);
      }
      if (typeof stage.name !== "string" || stage.name === "") {
        throw usage(`Stage ${i + 1} has no name: every stage needs a short name such as "translate".`);
      }
    });
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!(Number.isInteger(concurrency) && concurrency > 0)) {
      throw usage(`concurrency must be a positive integer (got ${String(options.concurrency)}).`);
    }
    const buffer = options.buffer ?? DEFAULT_BUFFER;
    if (!(Number.isInteger(buffer) && buffer >= 0)) {
      throw usage(`buffer must be an integer of 0 or more (got ${String(options.buffer)}).`);
    }
    this.stages = [...options.stages];
    this.ordered = options.ordered ?? true;
    this.window = concurrency + buffer;
    this.concurrency = concurrency;
    this.refillAt = Math.max(concurrency, Math.floor(this.window / 2));
    this.maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
    // On abort, workers p-limit has not started yet are dropped (rejected, not left pending).
    this.limit = pLimit({ concurrency, rejectOnClear: true });
    this.onProgress = options.onProgress;
    this.stageStats = this.stages.map(() => ({ calls: 0, errors: 0, ms: 0, batches: 0, batchItems: 0 }));
    this.sampleMs = this.stages.map(() => 0);
    this.sampleCalls = this.stages.map(() => 0);
    this.untimedMs = this.stages.map(() => 0);
    this.batchers = this.stages.map((stage, i) =>
      stage.batching
        ? new Batcher(stage.name, stage.batching, this.flow, this.controller.signal, (items) => {
            const stats = this.stageStats[i]!;
            stats.batches++;
            stats.batchItems += items;
          })
        : undefined,
    );
    this.runLane = this.lane(this.controller.signal);
    this.userSignal = options.signal;
    if (this.userSignal?.aborted) this.abortAll();
    else this.userSignal?.addEventListener("abort", this.onUserAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The lane of a run whose articles are cancelled by `signal`. */
  lane(signal: AbortSignal): Lane {
    const lane: Lane = { signal, aborted: signal.aborted, contexts: this.contexts(signal) };
    // Lane signals are the pipeline's own; every article in flight and every pending batch
    // call listens to them, which is more than Node's default of 10 without being a leak.
    setMaxListeners(0, signal);
    if (!lane.aborted) {
      signal.addEventListener(
        "abort",
        () => {
          lane.aborted = true;
        },
        { once: true },
      );
    }
    return lane;
  }

  /** One context per stage for a run whose articles are cancelled by `signal`. */
  private contexts(signal: AbortSignal): StageContext[] {
    return this.stages.map((stage, i) => {
      const batcher = this.batchers[i];
      return {
        signal,
        batch: <I, O>(items: readonly I[]): Promise<O[]> => {
          if (!batcher) {
            return Promise.reject(
              new RassegnaError(
                "STAGE_FAILED",
                `Stage "${stage.name}" called context.batch but declares no batching spec.`,
                { stage: stage.name, hint: "Give the stage a `batching: { batchSize, maxWaitMs, run }`." },
              ),
            );
          }
          return batcher.submit(items, signal) as Promise<O[]>;
        },
      };
    });
  }

  emit(event: ProgressEvent): void {
    if (!this.onProgress) return;
    try {
      this.onProgress(event);
    } catch {
      // A progress observer must never cost a record.
    }
  }

  /** Turns one input into its record and announces it. */
  admit(input: PipelineInput, index: number): Analysis {
    const doc = createAnalysis(input, index, this.maxTextLength);
    this.counts.read++;
    if (this.onProgress) this.emit({ type: "read", id: doc.id, index });
    return doc;
  }

  /**
   * Queues `doc` for the stages; `owner` hears when it is finished or abandoned (aborted).
   *
   * Workers started through p-limit (at most `concurrency`) take queued articles one at a
   * time, so at most `concurrency` articles are in the stages at once. A worker goes on with
   * the next article without a new scheduling round trip, and another worker is started
   * only when every worker waits on an asynchronous stage: quick synchronous stages cost
   * one worker and no promise per article; slow asynchronous ones get `concurrency` workers.
   */
  schedule(doc: Analysis, index: number, lane: Lane, owner: TaskOwner): Task {
    const task: Task = { doc, index, lane, owner, next: 0, clock: 0, start: 0, timed: false, done: false };
    this.queue.push(task);
    this.ensureWorker();
    return task;
  }

  /**
   * When articles wait and no worker is running (each waits on an asynchronous stage or is
   * idle): wakes an idle worker, else starts one.
   */
  private ensureWorker(): void {
    if (this.queueHead >= this.queue.length || this.workers > this.waiting + this.parked.length) return;
    const wake = this.parked.pop();
    if (wake) {
      wake();
    } else if (this.workers < this.concurrency) {
      this.workers++;
      const exit = () => {
        this.workers--;
        this.ensureWorker();
      };
      this.limit(() => this.work()).then(exit, exit);
    }
  }

  private async work(): Promise<void> {
    let clock = performance.now();
    for (;;) {
      const task = this.dequeue();
      if (task === undefined) {
        // Idle until more articles come: cheaper than a new worker through p-limit each round.
        if (this.controller.signal.aborted) return;
        await new Promise<void>((resolve) => this.parked.push(resolve));
        if (this.controller.signal.aborted) return;
        clock = performance.now();
        continue;
      }
      // Back to back, an article starts when the one before ended: no extra clock read.
      task.start = task.clock = clock;
      task.timed = this.articlesStarted++ % TIME_EVERY === 0;
      this.flow.active++;
      const pending = hasInputError(task.doc) ? this.complete(task) : this.advance(task);
      if (pending === undefined) {
        clock = task.clock;
      } else {
        this.waiting++;
        this.ensureWorker();
        await pending;
        this.waiting--;
        clock = performance.now();
      }
    }
  }

  private dequeue(): Task | undefined {
    if (this.queueHead >= this.queue.length) return undefined;
    const task = this.queue[this.queueHead]!;
    this.queue[this.queueHead++] = undefined as unknown as Task;
    if (this.queueHead === this.queue.length) {
      this.queue.length = 0;
      this.queueHead = 0;
    } else if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
    return task;
  }

  /** Runs the task's remaining stages; synchronous (undefined) until a stage returns a promise. */
  private advance(task: Task): Promise<void> | undefined {
    const stages = this.stages;
    while (task.next < stages.length) {
      if (task.lane.aborted) return this.abandon(task);
      const i = task.next;
      let result: unknown;
      try {
        result = stages[i]!.process(task.doc, task.lane.contexts[i]!);
      } catch (error) {
        this.failed(task, i, error);
        this.syncEnd(task, i);
        continue;
      }
      if (isPromiseLike(result)) {
        // What is left of this article is timed call by call: asynchronous calls are slow.
        if (!task.timed) this.shareOut(task, i);
        return Promise.resolve(result).then(
          () => {
            this.asyncEnd(task, i);
            return this.advance(task);
          },
          (error: unknown) => {
            this.failed(task, i, error);
            this.asyncEnd(task, i);
            return this.advance(task);
          },
        );
      }
      this.syncEnd(task, i);
    }
    return this.complete(task);
  }

  /** Stage `i` returned synchronously: timed on its own only in a timed article. */
  private syncEnd(task: Task, i: number): void {
    this.stageStats[i]!.calls++;
    task.next = i + 1;
    if (task.timed) {
      const now = performance.now();
      const ms = now - task.clock;
      this.stageStats[i]!.ms += ms;
      this.sampleMs[i]! += ms;
      this.sampleCalls[i]!++;
      task.clock = now;
    }
  }

  /** Stage `i` settled its promise: always timed on its own. */
  private asyncEnd(task: Task, i: number): void {
    const stats = this.stageStats[i]!;
    const now = performance.now();
    stats.calls++;
    stats.ms += now - task.clock;
    task.clock = now;
    task.next = i + 1;
  }

  /**
   * Ends the untimed stretch of `task` (stages 0 to `last`) with one clock read; the task
   * is timed from here on. `stats()` shares that time out among the stages.
   */
  private shareOut(task: Task, last: number): void {
    const now = performance.now();
    this.untimedMs[last]! += now - task.clock;
    task.clock = now;
    task.timed = true;
  }

  /**
   * Time per stage: what was timed call by call, plus a share of every untimed stretch in
   * proportion to the stages' measured mean synchronous call (evenly while none was measured).
   */
  private stageMs(): number[] {
    const mean = this.stages.map((_, i) => {
      const calls = this.sampleCalls[i]!;
      return calls > 0 ? this.sampleMs[i]! / calls : 0;
    });
    const ms = this.stageStats.map((stats) => stats.ms);
    this.untimedMs.forEach((elapsed, last) => {
      if (elapsed === 0) return;
      let total = 0;
      for (let j = 0; j <= last; j++) total += mean[j]!;
      for (let j = 0; j <= last; j++) ms[j]! += total > 0 ? (elapsed * mean[j]!) / total : elapsed / (last + 1);
    });
    return ms;
  }

  private failed(task: Task, i: number, error: unknown): void {
    // After an abort the error is the abort's doing: the task is abandoned, not failed.
    if (!task.lane.aborted) {
      this.stageStats[i]!.errors++;
      task.doc.errors.push(toStageError(error, this.stages[i]!.name));
    }
  }

  private complete(task: Task): undefined {
    // A run aborted while its last stage worked is not reported as finished.
    if (task.lane.aborted) return this.abandon(task);
    if (!task.timed && task.next > 0) this.shareOut(task, task.next - 1);
    this.flow.active--;
    const { doc, index } = task;
    const ms = task.clock - task.start;
    if (doc.errors.length === 0) {
      this.counts.done++;
      if (this.onProgress) this.emit({ type: "done", id: doc.id, index, ms });
    } else {
      this.counts.failed++;
      if (this.onProgress) this.emit({ type: "failed", id: doc.id, index, ms, errors: doc.errors });
    }
    task.done = true;
    task.owner.taskDone(task);
    return undefined;
  }

  private abandon(task: Task): undefined {
    this.flow.active--;
    task.owner.taskAbandoned(task, abortError(task.lane.signal));
    return undefined;
  }

  async run(article: PipelineInput, index?: number): Promise<Analysis> {
    if (this.signal.aborted) throw abortError(this.signal);
    const position = index ?? this.runCount++;
    const doc = this.admit(article, position);
    await new Promise<void>((resolve, reject) => {
      this.schedule(doc, position, this.runLane, {
        taskDone: () => resolve(),
        taskAbandoned: (_task, error) => reject(error),
      });
    });
    return doc;
  }

  stream(source: PipelineSource): AsyncIterable<Analysis> {
    if (typeof source === "string") {
      throw usage("stream() takes an iterable of articles, not one string: use run(text) or stream([text]).");
    }
    const iterable = source as Partial<AsyncIterable<PipelineInput> & Iterable<PipelineInput>> | null | undefined;
    if (
      iterable === null ||
      iterable === undefined ||
      (typeof iterable[Symbol.asyncIterator] !== "function" && typeof iterable[Symbol.iterator] !== "function")
    ) {
      throw usage("stream() takes an iterable or async iterable of articles (an array, a generator, a stream…).");
    }
    return {
      [Symbol.asyncIterator]: () => {
        const iterator =
          typeof iterable[Symbol.asyncIterator] === "function"
            ? iterable[Symbol.asyncIterator]!()
            : iterable[Symbol.iterator]!();
        return new StreamRun(this, iterator);
      },
    };
  }

  toNodeStream() {
    return toNodeDuplex(this);
  }

  toWebStream() {
    return toWebTransform(this);
  }

  stats(): PipelineStats {
    const stages: Record<string, StageStats> = {};
    const ms = this.stageMs();
    this.stages.forEach((stage, i) => {
      const own = { ...this.stageStats[i]!, ms: ms[i]! };
      const seen = stages[stage.name];
      // Two stages of one name share a line.
      stages[stage.name] = seen
        ? {
            calls: seen.calls + own.calls,
            errors: seen.errors + own.errors,
            ms: seen.ms + own.ms,
            batches: seen.batches + own.batches,
            batchItems: seen.batchItems + own.batchItems,
          }
        : own;
    });
    return { ...this.counts, inFlight: this.flow.active, stages };
  }

  private abortAll(): void {
    if (!this.controller.signal.aborted) this.controller.abort(this.userSignal?.reason);
    this.limit.clearQueue();
    for (const wake of this.parked.splice(0)) wake();
    // Articles no worker took yet: tell their owners now rather than never.
    for (let task = this.dequeue(); task !== undefined; task = this.dequeue()) {
      task.owner.taskAbandoned(task, abortError(this.signal));
    }
    for (const batcher of this.batchers) batcher?.close();
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.userSignal?.removeEventListener("abort", this.onUserAbort);
      this.abortAll();
      const failures: unknown[] = [];
      for (const stage of this.stages) {
        try {
          await stage.close?.();
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) {
        throw new RassegnaError(
          "STAGE_FAILED",
          `Closing the pipeline: ${failures.length} stage(s) failed to close: ${failures.map((e) => (e instanceof Error ? e.message : String(e))).join("; ")}`,
          { stage: "pipeline", cause: failures[0] },
        );
      }
    })();
    return this.closed;
  }
}

type Waiter = { resolve(result: IteratorResult<Analysis>): void; reject(error: unknown): void };

const DONE: IteratorResult<Analysis> = { value: undefined, done: true };

/**
 * One pass of a pipeline over a source. Reads ahead at most `window` articles beyond what
 * the consumer took, delivers records in order (or as they finish), and returns the source
 * when the consumer stops or the run is aborted.
 */
class StreamRun implements AsyncIterableIterator<Analysis>, TaskOwner {
  /** Read, not yet delivered, in input order (ordered runs). */
  private pending: Task[] = [];
  private pendingHead = 0;
  /** Finished, not yet delivered (unordered runs). */
  private ready: Analysis[] = [];
  private outstanding = 0;
  private index = 0;
  private reading = false;
  private sourceDone = false;
  private sourceError: { error: unknown } | undefined;
  private failure: unknown;
  private finished = false;
  private waiters: Waiter[] = [];
  /** Aborted when the consumer stops or the pipeline aborts: cancels this run's articles. */
  private readonly controller = new AbortController();
  private readonly lane: Lane;
  private readonly onPipelineAbort = () => this.abort();

  constructor(
    private readonly pipeline: StagePipeline,
    private readonly source: Iterator<PipelineInput> | AsyncIterator<PipelineInput>,
  ) {
    this.lane = pipeline.lane(AbortSignal.any([pipeline.signal, this.controller.signal]));
    if (pipeline.signal.aborted) this.abort();
    else pipeline.signal.addEventListener("abort", this.onPipelineAbort, { once: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Analysis> {
    return this;
  }

  next(): Promise<IteratorResult<Analysis>> {
    if (this.finished) return Promise.resolve(DONE);
    if (this.failure !== undefined) {
      this.finish();
      return Promise.reject(this.failure);
    }
    const taken = this.take();
    if (taken) {
      this.refill();
      return Promise.resolve({ value: taken, done: false });
    }
    return new Promise<IteratorResult<Analysis>>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.fill();
      this.settle();
    });
  }

  /** The consumer stopped (`break` in `for await`): stop the source and this run's articles. */
  return(): Promise<IteratorResult<Analysis>> {
    if (!this.finished) {
      this.closeSource();
      this.controller.abort();
      this.finish();
    }
    return Promise.resolve(DONE);
  }

  private abort(): void {
    if (this.finished || this.failure !== undefined) return;
    this.failure = abortError(this.pipeline.signal);
    this.closeSource();
    this.controller.abort();
    this.settle();
  }

  private finish(): void {
    this.finished = true;
    this.pending = [];
    this.pendingHead = 0;
    this.ready = [];
    this.pipeline.signal.removeEventListener("abort", this.onPipelineAbort);
    for (const waiter of this.waiters.splice(0)) {
      if (this.failure !== undefined) waiter.reject(this.failure);
      else waiter.resolve(DONE);
    }
  }

  private closeSource(): void {
    if (this.sourceDone) return;
    this.sourceDone = true;
    try {
      const result = this.source.return?.();
      if (isPromiseLike(result)) result.then(undefined, () => {});
    } catch {
      // The source could not be stopped; nothing more is read from it either way.
    }
  }

  /**
   * Reads from the source until the window is full: synchronously for sync sources, one
   * awaited item at a time for async ones.
   */
  private fill(): void {
    if (this.reading || this.sourceDone) return;
    this.reading = true;
    try {
      while (!this.sourceDone && this.outstanding < this.pipeline.window) {
        const result = this.source.next();
        if (isPromiseLike<IteratorResult<PipelineInput>>(result)) {
          result.then(
            (item) => {
              this.reading = false;
              // Stopped or aborted while waiting: the item is not taken.
              if (!this.sourceDone) this.accept(item);
              this.fill();
              // The source may have ended after the last record was done: end the run.
              this.settle();
            },
            (error: unknown) => {
              this.reading = false;
              this.sourceFailed(error);
            },
          );
          return;
        }
        this.accept(result);
      }
    } catch (error) {
      this.reading = false;
      this.sourceFailed(error);
      return;
    }
    this.reading = false;
    this.settle();
  }

  private accept(result: IteratorResult<PipelineInput>): void {
    if (result.done) this.sourceDone = true;
    else this.admit(result.value);
  }

  private sourceFailed(error: unknown): void {
    if (!this.sourceDone) {
      this.sourceDone = true;
      this.sourceError = { error };
    }
    this.settle();
  }

  /** Reads again once the consumer has taken half the window: fewer, larger rounds. */
  private refill(): void {
    if (this.outstanding <= this.pipeline.refillAt) this.fill();
  }

  private admit(input: PipelineInput): void {
    const index = this.index++;
    const doc = this.pipeline.admit(input, index);
    this.outstanding++;
    const task = this.pipeline.schedule(doc, index, this.lane, this);
    if (this.pipeline.ordered) this.pending.push(task);
  }

  taskDone(task: Task): void {
    if (this.finished) return;
    if (!this.pipeline.ordered) this.ready.push(task.doc);
    this.settle();
  }

  taskAbandoned(): void {
    // Only an abort abandons articles, and `abort()` (or `return()`) already ends the run.
  }

  private take(): Analysis | undefined {
    let doc: Analysis | undefined;
    if (this.pipeline.ordered) {
      const head = this.pending[this.pendingHead];
      if (head?.done) {
        doc = head.doc;
        this.pending[this.pendingHead++] = undefined as unknown as Task;
        if (this.pendingHead === this.pending.length) {
          this.pending.length = 0;
          this.pendingHead = 0;
        } else if (this.pendingHead > 1024) {
          this.pending = this.pending.slice(this.pendingHead);
          this.pendingHead = 0;
        }
      }
    } else {
      doc = this.ready.shift();
    }
    if (doc) this.outstanding--;
    return doc;
  }

  /** Hands finished records to waiting consumers; ends the run when nothing is left. */
  private settle(): void {
    while (this.waiters.length > 0 && !this.finished) {
      if (this.failure !== undefined) {
        this.finish();
        return;
      }
      const doc = this.take();
      if (doc) {
        this.waiters.shift()!.resolve({ value: doc, done: false });
        this.refill();
        continue;
      }
      if (this.sourceDone && !this.reading && this.outstanding === 0) {
        const sourceError = this.sourceError;
        if (sourceError) {
          this.failure = sourceError.error;
        }
        this.finish();
      }
      return;
    }
  }
}

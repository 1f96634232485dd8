import {
  type Analysis,
  checkOptions,
  createAnalysis,
  hasInputError,
  PIPELINE_OPTIONS,
  RassegnaError,
  RUN_OPTIONS,
  removeInvisible,
  restoreOriginalText,
  type StageContext,
  toStageError,
} from "@rassegna/core";

import { Batcher, type Flow } from "./batcher.js";
import { MAX_TIMER_MS, resolveSettings, type Settings, usage } from "./options.js";
import { Fifo } from "./queue.js";
import { capStances, checkContract } from "./record.js";
import { runOne } from "./run.js";
import { type RunHost, streamOf } from "./stream-run.js";
import { toNodeDuplex, toWebTransform } from "./streams.js";
import {
  abortError,
  createLane,
  isPromiseLike,
  type Lane,
  newTask,
  settleWithin,
  type Task,
  TaskContext,
  type TaskOwner,
} from "./task.js";
import { StageTimes } from "./timing.js";
import type {
  AnalysisDuplex,
  Pipeline,
  PipelineInput,
  PipelineOptions,
  PipelineSource,
  PipelineStats,
  RunOptions,
} from "./types.js";

/**
 * Composes stages into a pipeline over articles: bounded concurrency, ordered output,
 * backpressure, cross-article micro-batches, one record per input.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  checkOptions(PIPELINE_OPTIONS, options, "pipeline");
  return new StagePipeline(options);
}

class StagePipeline implements Pipeline, RunHost {
  private readonly settings: Settings;
  private readonly stages: Settings["stages"];
  private readonly onProgress: Settings["onProgress"];
  readonly ordered: boolean;
  readonly window: number;
  readonly refillAt: number;
  private readonly anyTimeout: boolean;
  readonly flow: Flow = { active: 0, blocked: 0 };
  /**
   * Articles waiting for a worker. The bound on work in flight is kept by hand (no limiter:
   * p-limit's promise per task would cost the synchronous stages their fast path): at most
   * `concurrency` workers, each taking one article at a time.
   */
  private readonly queue = new Fifo<Task>();
  /** Workers started (or starting) and not yet finished. */
  private workers = 0;
  /** Workers waiting on an asynchronous stage. */
  private waiting = 0;
  /** Wake-up calls of the workers idle for want of articles. */
  private parked: Array<() => void> = [];
  /** Aborted by the caller's signal or by `close()`: every run stops. */
  readonly controller = new AbortController();
  private readonly batchers: Array<Batcher | undefined>;
  private readonly times: StageTimes;
  private readonly counts = { read: 0, done: 0, failed: 0 };
  private readonly onUserAbort = () => this.abortAll();
  /** The lane of `run()` calls without a signal of their own. */
  readonly runLane: Lane;
  private runCount = 0;
  private closed: Promise<void> | undefined;

  constructor(options: PipelineOptions) {
    const settings = resolveSettings(options);
    this.settings = settings;
    this.stages = settings.stages;
    this.onProgress = settings.onProgress;
    this.ordered = settings.ordered;
    this.window = settings.window;
    this.refillAt = settings.refillAt;
    this.anyTimeout = settings.timeouts.some((ms) => ms < MAX_TIMER_MS);
    this.times = new StageTimes(settings.stages);
    this.batchers = settings.stages.map((stage, i) =>
      stage.batching
        ? new Batcher(stage.name, stage.batching, this.flow, this.controller.signal, (items) => {
            const stats = this.times.stats[i]!;
            stats.batches++;
            stats.batchItems += items;
          })
        : undefined,
    );
    this.runLane = this.lane(this.controller.signal);
    if (settings.signal?.aborted) this.abortAll();
    else settings.signal?.addEventListener("abort", this.onUserAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The lane of a run whose articles are cancelled by `signal`. */
  lane(signal: AbortSignal): Lane {
    const contexts: StageContext[] = this.stages.map((_, i) => ({
      signal,
      batch: <I, O>(items: readonly I[]): Promise<O[]> => this.submitBatch<I, O>(i, items, signal),
    }));
    return createLane(signal, contexts);
  }

  private emit(event: Parameters<NonNullable<Settings["onProgress"]>>[0]): void {
    try {
      this.onProgress?.(event);
    } catch {
      // A progress observer must never cost a record.
    }
  }

  /** Turns one input into its record and announces it. */
  admit(input: PipelineInput, index: number): Analysis {
    const doc = createAnalysis(input, index, this.settings.maxTextLength, this.settings.limits);
    this.counts.read++;
    if (this.onProgress) this.emit({ type: "read", id: doc.id, index });
    return doc;
  }

  /**
   * Queues `doc` for the stages; `owner` hears when it is finished or abandoned (aborted).
   *
   * Workers (at most `concurrency`) take queued articles one at a time, so at most
   * `concurrency` articles are in the stages at once. A worker goes on with the next article
   * without a new scheduling round trip, and another worker is started only when every worker
   * waits on an asynchronous stage: quick synchronous stages cost one worker and no promise
   * per article; slow asynchronous ones get `concurrency` workers.
   */
  schedule(doc: Analysis, index: number, lane: Lane, owner: TaskOwner): Task {
    const task = newTask(doc, index, lane, owner);
    // Zero-width characters and soft hyphens split words for every stage: the stages read
    // the text without them, and their offsets are mapped back when the article is done.
    if (this.settings.removeInvisible && !hasInputError(doc)) {
      const clean = removeInvisible(doc.text);
      if (clean !== undefined) {
        task.original = { text: doc.text, clean };
        doc.text = clean.text;
      }
    }
    this.queue.push(task);
    this.ensureWorker();
    return task;
  }

  /** When articles wait and no worker runs (each waits or is idle): wakes an idle worker, else starts one. */
  private ensureWorker(): void {
    if (this.queue.length === 0 || this.workers > this.waiting + this.parked.length) return;
    const wake = this.parked.pop();
    if (wake) {
      wake();
    } else if (this.workers < this.settings.concurrency) {
      this.workers++;
      const exit = () => {
        this.workers--;
        this.ensureWorker();
      };
      this.work().then(exit, exit);
    }
  }

  private async work(): Promise<void> {
    let clock = performance.now();
    for (;;) {
      const task = this.queue.shift();
      if (task === undefined) {
        // Idle until more articles come: cheaper than a new worker each round.
        if (this.controller.signal.aborted) return;
        await new Promise<void>((resolve) => this.parked.push(resolve));
        if (this.controller.signal.aborted) return;
        clock = performance.now();
        continue;
      }
      // Back to back, an article starts when the one before ended: no extra clock read.
      this.times.start(task, clock);
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

  /** The context of `task`'s stage `i`: the lane's, or the article's own when stages have a time budget. */
  private contextOf(task: Task, i: number): StageContext {
    if (!this.anyTimeout) return task.lane.contexts[i]!;
    task.context ??= new TaskContext(this, task);
    task.context.stage = i;
    return task.context;
  }

  /** `context.batch` of stage `i`, with the signal of the article that asks. */
  submitBatch<I, O>(i: number, items: readonly I[], signal: AbortSignal): Promise<O[]> {
    const batcher = this.batchers[i];
    if (!batcher) {
      const name = this.stages[i]!.name;
      return Promise.reject(
        new RassegnaError("STAGE_FAILED", `Stage "${name}" called context.batch but declares no batching spec.`, {
          stage: name,
          hint: "Give the stage a `batching: { batchSize, maxWaitMs, run }`.",
        }),
      );
    }
    return batcher.submit(items, signal) as Promise<O[]>;
  }

  /** After stage `i`: the record's `errors` and id are still its own (see record.ts). */
  private checkContract(task: Task, i: number): void {
    const doc = task.doc;
    if (Array.isArray(doc.errors)) {
      task.errors = doc.errors;
      if (doc.id === task.id) return;
    }
    this.times.stats[i]!.errors += checkContract(doc, task, this.stages[i]!.name);
  }

  /** Runs the task's remaining stages; synchronous (undefined) until a stage returns a promise. */
  private advance(task: Task): Promise<void> | undefined {
    const stages = this.stages;
    while (task.next < stages.length) {
      if (task.lane.aborted) return this.abandon(task);
      const i = task.next;
      let result: unknown;
      try {
        result = stages[i]!.process(task.doc, this.contextOf(task, i));
      } catch (error) {
        this.checkContract(task, i);
        this.failed(task, i, error);
        this.times.syncEnd(task, i);
        continue;
      }
      if (isPromiseLike(result)) {
        // What is left of this article is timed call by call: asynchronous calls are slow.
        if (!task.timed) this.times.shareOut(task, i);
        return this.settleStage(task, i, result).then(() => this.advance(task));
      }
      this.checkContract(task, i);
      this.times.syncEnd(task, i);
    }
    return this.complete(task);
  }

  /**
   * Waits for stage `i`'s promise, never longer than its time budget nor past an abort (see
   * `settleWithin`): out of time, the record gets a `TIMEOUT` error and the next stages run.
   */
  private settleStage(task: Task, i: number, result: PromiseLike<unknown>): Promise<void> {
    const budget = this.settings.timeouts[i]!;
    return settleWithin(result, budget, task.lane, (outcome, error) => {
      if (outcome !== "abort") {
        this.checkContract(task, i);
        if (outcome === "error") this.failed(task, i, error);
        else if (outcome === "timeout") this.timedOut(task, i, budget);
      }
      this.times.asyncEnd(task, i);
    });
  }

  private timedOut(task: Task, i: number, budget: number): void {
    if (task.lane.aborted) return;
    const name = this.stages[i]!.name;
    this.times.stats[i]!.errors++;
    task.doc.errors.push({
      stage: name,
      code: "TIMEOUT",
      message: `Stage "${name}" took more than ${budget} ms on this article and was stopped; the next stages ran without it. Raise stageTimeoutMs (per stage: { ${name}: ms }) for articles this long.`,
    });
    // The stage's context is aborted and left to it; the next stages get a fresh one.
    task.context?.abort(new RassegnaError("TIMEOUT", `Stage "${name}" ran out of its ${budget} ms.`, { stage: name }));
    task.context = undefined;
  }

  private failed(task: Task, i: number, error: unknown): void {
    // After an abort the error is the abort's doing: the task is abandoned, not failed.
    if (!task.lane.aborted) {
      this.times.stats[i]!.errors++;
      task.doc.errors.push(toStageError(error, this.stages[i]!.name));
    }
  }

  private complete(task: Task): undefined {
    // A run aborted while its last stage worked is not reported as finished.
    if (task.lane.aborted) return this.abandon(task);
    if (!task.timed && task.next > 0) this.times.shareOut(task, task.next - 1);
    this.flow.active--;
    const { doc, index } = task;
    if (task.original !== undefined) restoreOriginalText(doc, task.original.text, task.original.clean);
    capStances(doc, this.settings.maxStances);
    const ms = task.clock - task.start;
    if (doc.errors.length === 0) {
      this.counts.done++;
      if (this.onProgress) this.emit({ type: "done", id: doc.id, index, ms });
    } else {
      this.counts.failed++;
      if (this.onProgress) this.emit({ type: "failed", id: doc.id, index, ms, errors: doc.errors });
    }
    this.release(task);
    task.owner.taskDone(task);
    return undefined;
  }

  private release(task: Task): void {
    task.done = true;
    if (task.context !== undefined) task.lane.signalled.delete(task.context);
  }

  private abandon(task: Task): undefined {
    if (task.done) return undefined;
    this.release(task);
    this.flow.active--;
    task.owner.taskAbandoned(task, abortError(task.lane.signal));
    return undefined;
  }

  run(article: PipelineInput, index?: number, options?: RunOptions): Promise<Analysis>;
  run(article: PipelineInput, options: RunOptions): Promise<Analysis>;
  run(article: PipelineInput, index?: number | RunOptions, options: RunOptions = {}): Promise<Analysis> {
    if (typeof index === "object" && index !== null) return this.run(article, index.index, index);
    checkOptions(RUN_OPTIONS, options, "pipeline");
    return runOne(this, article, index, options.signal);
  }

  nextRunIndex(): number {
    return this.runCount++;
  }

  stream(source: PipelineSource): AsyncIterable<Analysis> {
    return streamOf(this, source, usage);
  }

  toNodeStream(): AnalysisDuplex {
    return toNodeDuplex(this);
  }

  toWebStream(): ReadableWritablePair<Analysis, PipelineInput> {
    return toWebTransform(this);
  }

  stats(): PipelineStats {
    return { ...this.counts, inFlight: this.flow.active, stages: this.times.byStage() };
  }

  private abortAll(): void {
    if (!this.controller.signal.aborted) this.controller.abort(this.settings.signal?.reason);
    for (const wake of this.parked.splice(0)) wake();
    // Articles no worker took yet: tell their owners now rather than never.
    for (let task = this.queue.shift(); task !== undefined; task = this.queue.shift()) {
      task.owner.taskAbandoned(task, abortError(this.signal));
    }
    for (const batcher of this.batchers) batcher?.close();
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.settings.signal?.removeEventListener("abort", this.onUserAbort);
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
        const messages = failures.map((e) => (e instanceof Error ? e.message : String(e))).join("; ");
        throw new RassegnaError(
          "STAGE_FAILED",
          `Closing the pipeline: ${failures.length} stage(s) failed to close: ${messages}`,
          { stage: "pipeline", cause: failures[0] },
        );
      }
    })();
    return this.closed;
  }
}

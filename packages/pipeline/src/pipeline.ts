import {
  type Analysis,
  type ArticleLimits,
  checkLimit,
  checkOptions,
  createAnalysis,
  DEFAULT_MAX_STANCES,
  DEFAULT_MAX_TEXT_LENGTH,
  DEFAULT_STAGE_TIMEOUT_MS,
  describeValue,
  hasInputError,
  PIPELINE_OPTIONS,
  RassegnaError,
  RUN_OPTIONS,
  removeInvisible,
  resolveArticleLimits,
  restoreOriginalText,
  type Stage,
  type StageContext,
  toStageError,
} from "@rassegna/core";

import { Batcher, type Flow } from "./batcher.js";
import { setMaxListeners } from "./platform.js";
import { Fifo } from "./queue.js";
import { StreamRun } from "./stream-run.js";
import { toNodeDuplex, toWebTransform } from "./streams.js";
import { abortError, isPromiseLike, type Lane, type Task, TaskContext, type TaskOwner } from "./task.js";
import type {
  Pipeline,
  PipelineInput,
  PipelineOptions,
  PipelineSource,
  PipelineStats,
  ProgressEvent,
  RunOptions,
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

/** A limit option, checked: a usage error names the option and what it got. */
function limitOption(name: string, value: unknown, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  try {
    return checkLimit(name, value, min);
  } catch (error) {
    throw usage((error as Error).message);
  }
}

/** The time budget of each stage, in milliseconds (`Infinity`: none). */
function stageTimeouts(stages: readonly Stage[], option: PipelineOptions["stageTimeoutMs"]): number[] {
  if (option === undefined || typeof option === "number") {
    const ms = limitOption("stageTimeoutMs", option, DEFAULT_STAGE_TIMEOUT_MS);
    return stages.map(() => ms);
  }
  if (option === null || typeof option !== "object" || Array.isArray(option)) {
    throw usage(
      `stageTimeoutMs must be a number of milliseconds or { [stage name]: ms }, got ${describeValue(option)}.`,
    );
  }
  const names = new Set(stages.map((stage) => stage.name));
  for (const name of Object.keys(option)) {
    if (name !== "default" && !names.has(name)) {
      throw usage(
        `stageTimeoutMs names a stage "${name}" that is not in the pipeline (stages: ${[...names].join(", ")}).`,
      );
    }
  }
  const fallback = limitOption("stageTimeoutMs.default", option.default, DEFAULT_STAGE_TIMEOUT_MS);
  return stages.map((stage) => limitOption(`stageTimeoutMs.${stage.name}`, option[stage.name], fallback));
}

/** Node's timers take at most 2^31 - 1 ms; longer budgets are no budget. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Composes stages into a pipeline over articles: bounded concurrency, ordered output,
 * backpressure, cross-article micro-batches, one record per input.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  checkOptions(PIPELINE_OPTIONS, options, "pipeline");
  return new StagePipeline(options);
}

class StagePipeline implements Pipeline {
  readonly stages: readonly Stage[];
  readonly ordered: boolean;
  /** Most articles read but not yet taken by the consumer, per stream. */
  readonly window: number;
  readonly maxTextLength: number;
  readonly limits: ArticleLimits;
  readonly maxStances: number;
  /** Time budget of each stage per article, in milliseconds (`Infinity`: none). */
  readonly timeouts: number[];
  private readonly anyTimeout: boolean;
  private readonly cleanInvisible: boolean;
  readonly flow: Flow = { active: 0, blocked: 0 };
  readonly concurrency: number;
  /** Read this far below the window before reading again: fewer, larger rounds of work. */
  readonly refillAt: number;
  /** Articles waiting for a worker. */
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
    this.maxTextLength = limitOption("maxTextLength", options.maxTextLength, DEFAULT_MAX_TEXT_LENGTH, 0);
    this.maxStances = limitOption("maxStances", options.maxStances, DEFAULT_MAX_STANCES, 0);
    try {
      this.limits = resolveArticleLimits(options.limits);
    } catch (error) {
      throw usage((error as Error).message);
    }
    this.timeouts = stageTimeouts(this.stages, options.stageTimeoutMs);
    this.anyTimeout = this.timeouts.some((ms) => ms < MAX_TIMER_MS);
    if (options.removeInvisible !== undefined && typeof options.removeInvisible !== "boolean") {
      throw usage(`removeInvisible must be true or false, got ${describeValue(options.removeInvisible)}.`);
    }
    this.cleanInvisible = options.removeInvisible ?? true;
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
    const lane: Lane = {
      signal,
      aborted: signal.aborted,
      contexts: this.contexts(signal),
      signalled: new Set(),
    };
    // Lane signals are the pipeline's own; every article in flight and every pending batch
    // call listens to them, which is more than Node's default of 10 without being a leak.
    setMaxListeners(0, signal);
    if (!lane.aborted) {
      signal.addEventListener(
        "abort",
        () => {
          lane.aborted = true;
          for (const context of lane.signalled) context.abort(signal.reason);
          lane.signalled.clear();
        },
        { once: true },
      );
    }
    return lane;
  }

  /** One context per stage for a run whose articles are cancelled by `signal`. */
  private contexts(signal: AbortSignal): StageContext[] {
    return this.stages.map((_, i) => ({
      signal,
      batch: <I, O>(items: readonly I[]): Promise<O[]> => this.submitBatch<I, O>(i, items, signal),
    }));
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
    const doc = createAnalysis(input, index, this.maxTextLength, this.limits);
    this.counts.read++;
    if (this.onProgress) this.emit({ type: "read", id: doc.id, index });
    return doc;
  }

  /**
   * Queues `doc` for the stages; `owner` hears when it is finished or abandoned (aborted).
   *
   * Workers (at most `concurrency`, counted here: no limiter needed) take queued articles one
   * at a time, so at most `concurrency` articles are in the stages at once. A worker goes on with
   * the next article without a new scheduling round trip, and another worker is started
   * only when every worker waits on an asynchronous stage: quick synchronous stages cost
   * one worker and no promise per article; slow asynchronous ones get `concurrency` workers.
   */
  schedule(doc: Analysis, index: number, lane: Lane, owner: TaskOwner): Task {
    const task: Task = {
      doc,
      index,
      lane,
      owner,
      next: 0,
      clock: 0,
      start: 0,
      timed: false,
      done: false,
      errors: doc.errors,
      id: doc.id,
      context: undefined,
      original: undefined,
    };
    // Zero-width characters and soft hyphens split words for every stage: the stages read
    // the text without them, and their offsets are mapped back when the article is done.
    if (this.cleanInvisible && !hasInputError(doc)) {
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

  /**
   * When articles wait and no worker is running (each waits on an asynchronous stage or is
   * idle): wakes an idle worker, else starts one.
   */
  private ensureWorker(): void {
    if (this.queue.length === 0 || this.workers > this.waiting + this.parked.length) return;
    const wake = this.parked.pop();
    if (wake) {
      wake();
    } else if (this.workers < this.concurrency) {
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
      const task = this.dequeue();
      if (task === undefined) {
        // Idle until more articles come: cheaper than a new worker each round.
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
    return this.queue.shift();
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

  /**
   * After each stage: a stage may only add to the record. One that replaced `errors` with
   * something else than an array, or changed the id, broke the contract: the record gets
   * its own back, with an error that says so, and the run goes on.
   */
  private checkContract(task: Task, i: number): void {
    const doc = task.doc;
    if (Array.isArray(doc.errors)) {
      task.errors = doc.errors;
    } else {
      const got = describeValue(doc.errors);
      doc.errors = task.errors;
      this.violation(task, i, `set the record's errors to ${got}; a stage may only push to errors.`);
    }
    if (doc.id !== task.id) {
      const got = describeValue(doc.id);
      doc.id = task.id;
      this.violation(task, i, `changed the record's id to ${got}; the id is the input's.`);
    }
  }

  private violation(task: Task, i: number, what: string): void {
    this.stageStats[i]!.errors++;
    const name = this.stages[i]!.name;
    task.doc.errors.push({
      stage: name,
      code: "STAGE_FAILED",
      message: `Stage "${name}" broke the record's contract: it ${what} The record was put back and the run goes on.`,
    });
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
        this.syncEnd(task, i);
        continue;
      }
      if (isPromiseLike(result)) {
        // What is left of this article is timed call by call: asynchronous calls are slow.
        if (!task.timed) this.shareOut(task, i);
        return this.settleStage(task, i, result).then(() => this.advance(task));
      }
      this.checkContract(task, i);
      this.syncEnd(task, i);
    }
    return this.complete(task);
  }

  /**
   * Waits for stage `i`'s promise, but never longer than its time budget nor past an abort:
   * whichever comes first settles the call. A stage that never settles costs its budget,
   * not the run. Out of time, the record gets a `TIMEOUT` error and the article's signal is
   * aborted so that the stage can stop (what it does later is ignored).
   */
  private settleStage(task: Task, i: number, result: PromiseLike<unknown>): Promise<void> {
    const budget = this.timeouts[i]!;
    const lane = task.lane;
    return new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const end = (outcome: "ok" | "error" | "timeout" | "abort", error?: unknown) => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        lane.signal.removeEventListener("abort", onAbort);
        if (outcome !== "abort") {
          this.checkContract(task, i);
          if (outcome === "error") this.failed(task, i, error);
          else if (outcome === "timeout") this.timedOut(task, i, budget);
        }
        this.asyncEnd(task, i);
        resolve();
      };
      const onAbort = () => end("abort");
      if (lane.aborted) return end("abort");
      lane.signal.addEventListener("abort", onAbort, { once: true });
      if (budget < MAX_TIMER_MS) timer = setTimeout(() => end("timeout"), budget);
      Promise.resolve(result).then(
        () => end("ok"),
        (error: unknown) => end("error", error),
      );
    });
  }

  private timedOut(task: Task, i: number, budget: number): void {
    if (task.lane.aborted) return;
    const name = this.stages[i]!.name;
    this.stageStats[i]!.errors++;
    task.doc.errors.push({
      stage: name,
      code: "TIMEOUT",
      message: `Stage "${name}" took more than ${budget} ms on this article and was stopped; the next stages ran without it. Raise stageTimeoutMs (per stage: { ${name}: ms }) for articles this long.`,
    });
    // The stage's context is aborted and left to it; the next stages get a fresh one.
    task.context?.abort(new RassegnaError("TIMEOUT", `Stage "${name}" ran out of its ${budget} ms.`, { stage: name }));
    task.context = undefined;
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
    if (task.original !== undefined) restoreOriginalText(doc, task.original.text, task.original.clean);
    this.capStances(doc);
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

  /** More stances than a record may carry: the first `maxStances` stay, and the record says so. */
  private capStances(doc: Analysis): void {
    const stances = doc.stances;
    if (!Array.isArray(stances) || stances.length <= this.maxStances) return;
    doc.stances = stances.slice(0, this.maxStances);
    doc.errors.push({
      stage: "pipeline",
      code: "LIMIT_EXCEEDED",
      message: `The stages found ${stances.length} stances, over the limit of ${this.maxStances} per record: the first ${this.maxStances} are kept. Ask fewer holders × targets, or raise maxStances.`,
    });
  }

  private abandon(task: Task): undefined {
    if (task.done) return undefined;
    this.release(task);
    this.flow.active--;
    task.owner.taskAbandoned(task, abortError(task.lane.signal));
    return undefined;
  }

  async run(article: PipelineInput, index?: number | RunOptions, options: RunOptions = {}): Promise<Analysis> {
    if (typeof index === "object" && index !== null) return this.run(article, index.index, index);
    checkOptions(RUN_OPTIONS, options, "pipeline");
    if (this.signal.aborted) throw abortError(this.signal);
    const { signal } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal))
      throw usage("run(): options.signal must be an AbortSignal.");
    if (signal?.aborted) throw abortError(signal);
    const position = index ?? this.runCount++;
    const doc = this.admit(article, position);
    if (signal === undefined) {
      await new Promise<void>((resolve, reject) => {
        this.schedule(doc, position, this.runLane, {
          taskDone: () => resolve(),
          taskAbandoned: (_task, error) => reject(error),
        });
      });
      return doc;
    }
    // A call of its own: cancelled by the caller's signal or the pipeline's, whichever first.
    const controller = new AbortController();
    const stop = () => controller.abort(signal.reason);
    const stopAll = () => controller.abort(this.signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    this.signal.addEventListener("abort", stopAll, { once: true });
    try {
      await new Promise<void>((resolve, reject) => {
        controller.signal.addEventListener("abort", () => reject(abortError(controller.signal)), { once: true });
        this.schedule(doc, position, this.lane(controller.signal), {
          taskDone: () => resolve(),
          taskAbandoned: (_task, error) => reject(error),
        });
      });
    } finally {
      signal.removeEventListener("abort", stop);
      this.signal.removeEventListener("abort", stopAll);
    }
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

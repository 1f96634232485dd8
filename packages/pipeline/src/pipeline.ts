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
  /** Aborted by the caller's signal or by `close()`: every run stops. */
  readonly controller = new AbortController();
  private readonly batchers: Array<Batcher | undefined>;
  private readonly stageStats: StageStats[];
  private readonly counts = { read: 0, done: 0, failed: 0 };
  private readonly onProgress: ((event: ProgressEvent) => void) | undefined;
  private readonly userSignal: AbortSignal | undefined;
  private readonly onUserAbort = () => this.abortAll();
  private readonly runContexts: StageContext[];
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
    this.maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
    // Rejecting on clear: a `run()` caller waiting for a slot hears of the abort instead of hanging.
    this.limit = pLimit({ concurrency, rejectOnClear: true });
    this.onProgress = options.onProgress;
    this.stageStats = this.stages.map(() => ({ calls: 0, errors: 0, ms: 0, batches: 0, batchItems: 0 }));
    this.batchers = this.stages.map((stage, i) =>
      stage.batching
        ? new Batcher(stage.name, stage.batching, this.flow, this.controller.signal, (items) => {
            const stats = this.stageStats[i]!;
            stats.batches++;
            stats.batchItems += items;
          })
        : undefined,
    );
    this.runContexts = this.contexts(this.controller.signal);
    this.userSignal = options.signal;
    if (this.userSignal?.aborted) this.abortAll();
    else this.userSignal?.addEventListener("abort", this.onUserAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** One context per stage for a run whose articles are cancelled by `signal`. */
  contexts(signal: AbortSignal): StageContext[] {
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
    this.emit({ type: "read", id: doc.id, index });
    return doc;
  }

  /** Runs every stage on `doc` under the concurrency limit. Rejects only when `signal` aborts. */
  schedule(doc: Analysis, index: number, contexts: StageContext[], signal: AbortSignal): Promise<void> {
    return this.limit(() => this.process(doc, index, contexts, signal));
  }

  private async process(doc: Analysis, index: number, contexts: StageContext[], signal: AbortSignal): Promise<void> {
    const start = performance.now();
    this.flow.active++;
    try {
      if (!hasInputError(doc)) {
        for (let i = 0; i < this.stages.length; i++) {
          if (signal.aborted) throw abortError(signal);
          const stage = this.stages[i]!;
          const stats = this.stageStats[i]!;
          const t0 = performance.now();
          try {
            const result = stage.process(doc, contexts[i]!);
            if (isPromiseLike(result)) await result;
          } catch (error) {
            if (signal.aborted) throw abortError(signal);
            stats.errors++;
            doc.errors.push(toStageError(error, stage.name));
          }
          stats.calls++;
          stats.ms += performance.now() - t0;
        }
        // A run aborted while its last stage worked is not reported as finished.
        if (signal.aborted) throw abortError(signal);
      }
    } finally {
      this.flow.active--;
    }
    const ms = performance.now() - start;
    if (doc.errors.length === 0) {
      this.counts.done++;
      this.emit({ type: "done", id: doc.id, index, ms });
    } else {
      this.counts.failed++;
      this.emit({ type: "failed", id: doc.id, index, ms, errors: doc.errors });
    }
  }

  async run(article: PipelineInput, index?: number): Promise<Analysis> {
    if (this.signal.aborted) throw abortError(this.signal);
    const position = index ?? this.runCount++;
    const doc = this.admit(article, position);
    try {
      await this.schedule(doc, position, this.runContexts, this.signal);
    } catch (error) {
      throw this.signal.aborted ? abortError(this.signal) : error;
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
    this.stages.forEach((stage, i) => {
      const own = this.stageStats[i]!;
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
        : { ...own };
    });
    return { ...this.counts, inFlight: this.flow.active, stages };
  }

  private abortAll(): void {
    if (!this.controller.signal.aborted) this.controller.abort(this.userSignal?.reason);
    this.limit.clearQueue();
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

interface Entry {
  doc: Analysis;
  done: boolean;
}

type Waiter = { resolve(result: IteratorResult<Analysis>): void; reject(error: unknown): void };

const DONE: IteratorResult<Analysis> = { value: undefined, done: true };

/**
 * One pass of a pipeline over a source. Reads ahead at most `window` articles beyond what
 * the consumer took, delivers records in order (or as they finish), and returns the source
 * when the consumer stops or the run is aborted.
 */
class StreamRun implements AsyncIterableIterator<Analysis> {
  /** Read, not yet delivered, in input order (ordered runs). */
  private pending: Entry[] = [];
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
  private readonly signal: AbortSignal;
  private readonly contexts: StageContext[];
  private readonly onPipelineAbort = () => this.abort();

  constructor(
    private readonly pipeline: StagePipeline,
    private readonly source: Iterator<PipelineInput> | AsyncIterator<PipelineInput>,
  ) {
    this.signal = AbortSignal.any([pipeline.signal, this.controller.signal]);
    this.contexts = pipeline.contexts(this.signal);
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
      void this.fill();
      return Promise.resolve({ value: taken, done: false });
    }
    return new Promise<IteratorResult<Analysis>>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      void this.fill();
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

  /** Reads from the source until the window is full. Synchronous for sync sources. */
  private async fill(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      while (!this.sourceDone && this.outstanding < this.pipeline.window) {
        let result = this.source.next();
        if (isPromiseLike<IteratorResult<PipelineInput>>(result)) result = await result;
        if (this.sourceDone) break; // stopped or aborted while waiting
        if (result.done) {
          this.sourceDone = true;
          break;
        }
        this.admit(result.value);
      }
    } catch (error) {
      this.sourceDone = true;
      this.sourceError = { error };
    } finally {
      this.reading = false;
    }
    this.settle();
  }

  private admit(input: PipelineInput): void {
    const index = this.index++;
    const doc = this.pipeline.admit(input, index);
    this.outstanding++;
    const entry: Entry = { doc, done: false };
    if (this.pipeline.ordered) this.pending.push(entry);
    this.pipeline.schedule(doc, index, this.contexts, this.signal).then(
      () => {
        if (this.finished) return;
        entry.done = true;
        if (!this.pipeline.ordered) this.ready.push(doc);
        this.settle();
      },
      () => {
        // Only an abort rejects here, and `abort()` already ends the run.
      },
    );
  }

  private take(): Analysis | undefined {
    let doc: Analysis | undefined;
    if (this.pipeline.ordered) {
      if (this.pending[0]?.done) doc = this.pending.shift()!.doc;
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
        void this.fill();
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

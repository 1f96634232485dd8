import type { Analysis } from "@rassegna/core";

import { Fifo } from "./queue.js";
import { abortError, isPromiseLike, type Lane, type Task, type TaskOwner } from "./task.js";
import type { PipelineInput, PipelineSource } from "./types.js";

/** What a stream run needs of its pipeline. */
export interface RunHost {
  readonly signal: AbortSignal;
  readonly ordered: boolean;
  /** Most articles read but not yet taken by the consumer. */
  readonly window: number;
  /** Read again once the consumer has brought the outstanding articles down to this. */
  readonly refillAt: number;
  admit(input: PipelineInput, index: number): Analysis;
  schedule(doc: Analysis, index: number, lane: Lane, owner: TaskOwner): Task;
  lane(signal: AbortSignal): Lane;
}

type Waiter = { resolve(result: IteratorResult<Analysis>): void; reject(error: unknown): void };

const DONE: IteratorResult<Analysis> = { value: undefined, done: true };

/**
 * One pass of a pipeline over a source. Reads ahead at most `window` articles beyond what
 * the consumer took, delivers records in order (or as they finish), and returns the source
 * when the consumer stops or the run is aborted.
 */
export class StreamRun implements AsyncIterableIterator<Analysis>, TaskOwner {
  /** Read, not yet delivered, in input order (ordered runs). */
  private pending = new Fifo<Task>();
  /** Finished, not yet delivered (unordered runs). */
  private ready = new Fifo<Analysis>();
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
    private readonly pipeline: RunHost,
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
    this.pending.drain();
    this.ready.drain();
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
      if (this.pending.peek()?.done) doc = this.pending.shift()!.doc;
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

/**
 * The records of `source`, one per input, through `host`; a usage error for anything but an
 * iterable or async iterable (a string is one article: `run(text)` or `stream([text])`).
 */
export function streamOf(
  host: RunHost,
  source: PipelineSource,
  usage: (message: string) => Error,
): AsyncIterable<Analysis> {
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
      return new StreamRun(host, iterator);
    },
  };
}
